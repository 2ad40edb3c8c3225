//! Graph measures: degree, PageRank, connected components and a summary.

use crate::graph::KnowledgeGraph;
use newsgraph_extract::{EntityKind, RelationKind, Status};
use petgraph::Direction;
use petgraph::graph::NodeIndex;
use petgraph::unionfind::UnionFind;
use petgraph::visit::EdgeRef;
use serde::Serialize;
use std::collections::BTreeMap;

/// Damping factor of [`pagerank`].
pub const PAGERANK_DAMPING: f64 = 0.85;
/// Most iterations of [`pagerank`].
pub const PAGERANK_MAX_ITERATIONS: usize = 100;
/// [`pagerank`] stops when the L1 change of an iteration falls below this.
pub const PAGERANK_TOLERANCE: f64 = 1e-10;

/// Number of edges at each node (in and out; a self-loop counts twice),
/// indexed by node index.
pub fn degrees(g: &KnowledgeGraph) -> Vec<usize> {
    let pg = g.petgraph();
    let mut d = vec![0usize; pg.node_count()];
    for e in pg.edge_references() {
        d[e.source().index()] += 1;
        d[e.target().index()] += 1;
    }
    d
}

/// Number of distinct other entities linked to each node, indexed by node
/// index.
pub fn neighbour_counts(g: &KnowledgeGraph) -> Vec<usize> {
    let pg = g.petgraph();
    pg.node_indices()
        .map(|ix| {
            let mut n: Vec<NodeIndex> = pg
                .neighbors_directed(ix, Direction::Outgoing)
                .chain(pg.neighbors_directed(ix, Direction::Incoming))
                .filter(|&o| o != ix)
                .collect();
            n.sort_unstable();
            n.dedup();
            n.len()
        })
        .collect()
}

/// PageRank of every node, indexed by node index; the scores sum to 1.
///
/// Each edge passes rank from its source to its target (supplier to
/// customer, part to whole, acquirer to acquired...), and symmetric
/// relations (partnership) both ways; parallel edges count once each. Rank
/// of nodes without outgoing edges is spread over every node. The
/// computation is plain power iteration in node-index order with
/// [`PAGERANK_DAMPING`], at most [`PAGERANK_MAX_ITERATIONS`] iterations and
/// an L1 tolerance of [`PAGERANK_TOLERANCE`], so it is deterministic.
pub fn pagerank(g: &KnowledgeGraph) -> Vec<f64> {
    let pg = g.petgraph();
    let n = pg.node_count();
    if n == 0 {
        return Vec::new();
    }
    // Arcs (from, to), with symmetric edges both ways.
    let mut arcs: Vec<(usize, usize)> = Vec::with_capacity(pg.edge_count() * 2);
    for e in pg.edge_references() {
        let (s, t) = (e.source().index(), e.target().index());
        arcs.push((s, t));
        if e.weight().kind.is_symmetric() {
            arcs.push((t, s));
        }
    }
    let mut out_degree = vec![0usize; n];
    for &(s, _) in &arcs {
        out_degree[s] += 1;
    }
    let nf = n as f64;
    let mut rank = vec![1.0 / nf; n];
    let mut next = vec![0.0; n];
    for _ in 0..PAGERANK_MAX_ITERATIONS {
        let dangling: f64 = (0..n)
            .filter(|&i| out_degree[i] == 0)
            .map(|i| rank[i])
            .sum();
        let base = (1.0 - PAGERANK_DAMPING) / nf + PAGERANK_DAMPING * dangling / nf;
        next.iter_mut().for_each(|x| *x = base);
        for &(s, t) in &arcs {
            next[t] += PAGERANK_DAMPING * rank[s] / out_degree[s] as f64;
        }
        let change: f64 = rank.iter().zip(&next).map(|(a, b)| (a - b).abs()).sum();
        std::mem::swap(&mut rank, &mut next);
        if change < PAGERANK_TOLERANCE {
            break;
        }
    }
    rank
}

/// The weakly connected components (edge direction ignored), largest first
/// (ties: the one with the smallest node index first); each lists its nodes
/// in index order.
pub fn components(g: &KnowledgeGraph) -> Vec<Vec<NodeIndex>> {
    let pg = g.petgraph();
    let mut uf = UnionFind::<usize>::new(pg.node_count());
    for e in pg.edge_references() {
        uf.union(e.source().index(), e.target().index());
    }
    let mut groups: BTreeMap<usize, Vec<NodeIndex>> = BTreeMap::new();
    for ix in pg.node_indices() {
        groups.entry(uf.find(ix.index())).or_default().push(ix);
    }
    let mut out: Vec<Vec<NodeIndex>> = groups.into_values().collect();
    out.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
    out
}

/// An entity in a ranking.
#[derive(Debug, Clone, Serialize)]
pub struct Ranked {
    /// Canonical id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Entity kind.
    pub kind: EntityKind,
    /// Number of edges.
    pub degree: usize,
    /// Number of distinct linked entities.
    pub neighbours: usize,
    /// Mentions over the corpus.
    pub mentions: u64,
    /// Number of documents mentioning it.
    pub documents: usize,
    /// PageRank score.
    pub pagerank: f64,
}

/// How to order [`ranking`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RankBy {
    /// Most edges first.
    Degree,
    /// Most mentions first.
    Mentions,
    /// Highest PageRank first.
    Pagerank,
}

/// Every entity (optionally only some kinds) with its measures (PageRank
/// over the whole graph), best first by `by`, ties broken by degree,
/// mentions, then name and id.
pub fn ranking(g: &KnowledgeGraph, kinds: &[EntityKind], by: RankBy) -> Vec<Ranked> {
    ranking_with(g, kinds, by, true)
}

/// [`ranking`], leaving PageRank at 0 unless asked for or sorted by.
fn ranking_with(
    g: &KnowledgeGraph,
    kinds: &[EntityKind],
    by: RankBy,
    with_pagerank: bool,
) -> Vec<Ranked> {
    let pg = g.petgraph();
    let deg = degrees(g);
    let nb = neighbour_counts(g);
    let pr = if with_pagerank || by == RankBy::Pagerank {
        pagerank(g)
    } else {
        Vec::new()
    };
    let mut out: Vec<Ranked> = pg
        .node_indices()
        .filter(|ix| kinds.is_empty() || kinds.contains(&pg[*ix].kind))
        .map(|ix| {
            let n = &pg[ix];
            Ranked {
                id: n.id.clone(),
                name: n.name.clone(),
                kind: n.kind,
                degree: deg[ix.index()],
                neighbours: nb[ix.index()],
                mentions: n.mentions,
                documents: n.documents.len(),
                pagerank: pr.get(ix.index()).copied().unwrap_or(0.0),
            }
        })
        .collect();
    out.sort_by(|a, b| {
        let first = match by {
            RankBy::Degree => b.degree.cmp(&a.degree),
            RankBy::Mentions => b.mentions.cmp(&a.mentions),
            RankBy::Pagerank => b.pagerank.total_cmp(&a.pagerank),
        };
        first
            .then(b.degree.cmp(&a.degree))
            .then(b.mentions.cmp(&a.mentions))
            .then(a.name.cmp(&b.name))
            .then(a.id.cmp(&b.id))
    });
    out
}

/// A summary of a graph.
#[derive(Debug, Clone, Serialize)]
pub struct Stats {
    /// Number of documents.
    pub documents: usize,
    /// Earliest and latest document date.
    pub first_date: Option<String>,
    /// Latest document date.
    pub last_date: Option<String>,
    /// Number of entities.
    pub entities: usize,
    /// Entities by kind (every kind, in canonical order).
    pub entities_by_kind: BTreeMap<EntityKind, usize>,
    /// Number of relations (edges).
    pub relations: usize,
    /// Relations by kind (every kind).
    pub relations_by_kind: BTreeMap<RelationKind, usize>,
    /// Relations by status (every status).
    pub relations_by_status: BTreeMap<Status, usize>,
    /// Number of statements (evidence items) over all edges.
    pub statements: usize,
    /// Number of weakly connected components.
    pub components: usize,
    /// Sizes of the largest components (at most 10), largest first.
    pub largest_components: Vec<usize>,
    /// Entities without any relation.
    pub isolated: usize,
    /// The most connected entities (their `pagerank` left at 0).
    pub most_connected: Vec<Ranked>,
}

/// Summarise a graph, listing the `top` most connected entities.
pub fn stats(g: &KnowledgeGraph, top: usize) -> Stats {
    let mut entities_by_kind: BTreeMap<EntityKind, usize> =
        EntityKind::ALL.iter().map(|k| (*k, 0)).collect();
    for n in g.nodes() {
        *entities_by_kind.entry(n.kind).or_default() += 1;
    }
    let mut relations_by_kind: BTreeMap<RelationKind, usize> =
        RelationKind::ALL.iter().map(|k| (*k, 0)).collect();
    let mut relations_by_status: BTreeMap<Status, usize> =
        Status::ALL.iter().map(|k| (*k, 0)).collect();
    let mut statements = 0;
    for e in g.edges() {
        *relations_by_kind.entry(e.kind).or_default() += 1;
        *relations_by_status.entry(e.status).or_default() += 1;
        statements += e.evidence.len();
    }
    let comps = components(g);
    let most_connected: Vec<Ranked> = ranking_with(g, &[], RankBy::Degree, false)
        .into_iter()
        .filter(|r| r.degree > 0)
        .take(top)
        .collect();
    let dates = g.documents().iter().filter_map(|d| d.date.as_deref());
    Stats {
        documents: g.document_count(),
        first_date: dates.clone().min().map(str::to_string),
        last_date: dates.max().map(str::to_string),
        entities: g.node_count(),
        entities_by_kind,
        relations: g.edge_count(),
        relations_by_kind,
        relations_by_status,
        statements,
        components: comps.len(),
        largest_components: comps.iter().take(10).map(Vec::len).collect(),
        isolated: comps.iter().filter(|c| c.len() == 1).count()
            - comps
                .iter()
                .filter(|c| c.len() == 1 && g.petgraph().edges(c[0]).next().is_some())
                .count(),
        most_connected,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testgraph::sample;

    #[test]
    fn pagerank_sums_to_one_and_favours_customers() {
        let g = sample();
        let pr = pagerank(&g);
        let sum: f64 = pr.iter().sum();
        assert!((sum - 1.0).abs() < 1e-9, "{sum}");
        let r = ranking(&g, &[], RankBy::Pagerank);
        assert_eq!(r[0].id, "dod");
        // Deterministic: the same twice.
        assert_eq!(pagerank(&g), pr);
        assert!(pagerank(&KnowledgeGraph::default()).is_empty());
    }

    #[test]
    fn rankings_and_summary() {
        let g = sample();
        let by_degree: Vec<String> = ranking(&g, &[], RankBy::Degree)
            .into_iter()
            .map(|r| format!("{}:{}", r.id, r.degree))
            .collect();
        assert_eq!(
            by_degree[..4],
            ["navy:4", "aws:3", "acme:3", "bolt:3"].map(String::from)
        );
        let firms = ranking(&g, &[EntityKind::Firm], RankBy::Mentions);
        assert_eq!(firms[0].id, "acme");
        let s = stats(&g, 3);
        assert_eq!(s.entities, 7);
        assert_eq!(s.relations, 9);
        assert_eq!(s.components, 1);
        assert_eq!(s.isolated, 0);
        assert_eq!(s.relations_by_kind[&RelationKind::Contract], 4);
        assert_eq!(s.most_connected.len(), 3);
        assert_eq!(s.statements, 10);
    }
}
