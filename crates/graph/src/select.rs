//! Subgraph selection: one filter over a [`KnowledgeGraph`] that gives a new
//! [`KnowledgeGraph`], shared by every export format, `render` and the
//! `relations` query.
//!
//! The steps, in order:
//!
//! 1. Edges: only the relation kinds asked for, between entities of the
//!    entity kinds asked for. With `since`/`until`, only the statements dated
//!    within the range are kept (undated ones are dropped) and the edge is
//!    recomputed from them ([`crate::make_edge`]): its status, confidence,
//!    count and dates then describe that period. Then the status, minimum
//!    confidence and minimum evidence count are checked on the edge.
//! 2. Nodes: only the entity kinds asked for.
//! 3. `around`: the entities within `depth` hops of the centre, in either
//!    direction, over the edges kept by step 1. The centre is always kept.
//! 4. When an edge filter is set (or `drop_isolated`), entities left without
//!    any edge are dropped, except the centre.
//! 5. `top`: the `top` entities of highest degree in what is left (ties: more
//!    mentions, then smaller id), and the edges between them; as in step 4,
//!    those the cut leaves without edges are then dropped too.
//!
//! Only the documents that mention a kept entity stay in the document list
//! (renumbered, in their order), so exports of a selection describe just
//! those.

use crate::graph::KnowledgeGraph;
use crate::model::{Edge, Node};
use newsgraph_extract::{EntityKind, RelationKind, Status};
use petgraph::graph::NodeIndex;
use std::collections::{HashMap, HashSet, VecDeque};

/// What to keep of a graph. The default keeps everything.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Selection {
    /// Canonical id of the centre entity.
    pub around: Option<String>,
    /// Hops from the centre (with `around`); 0 keeps the centre alone.
    pub depth: usize,
    /// Relation kinds to keep (empty: all).
    pub kinds: Vec<RelationKind>,
    /// Entity kinds to keep (empty: all).
    pub entity_kinds: Vec<EntityKind>,
    /// Edge statuses to keep (empty: all).
    pub statuses: Vec<Status>,
    /// Earliest statement date kept (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    pub since: Option<String>,
    /// Latest statement date kept (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`; a
    /// shorter form includes the whole year or month).
    pub until: Option<String>,
    /// Minimum edge confidence.
    pub min_confidence: Option<f32>,
    /// Minimum number of statements per edge.
    pub min_evidence: Option<u32>,
    /// Keep only this many entities, the most connected.
    pub top: Option<usize>,
    /// Drop entities without edges even when no edge filter is set.
    pub drop_isolated: bool,
}

impl Selection {
    /// Whether this selection keeps the whole graph.
    pub fn is_everything(&self) -> bool {
        *self
            == Selection {
                depth: self.depth,
                ..Selection::default()
            }
    }

    /// Whether any filter on edges is set.
    pub fn filters_edges(&self) -> bool {
        !self.kinds.is_empty()
            || !self.statuses.is_empty()
            || self.since.is_some()
            || self.until.is_some()
            || self.min_confidence.is_some()
            || self.min_evidence.is_some()
    }

    /// Whether a date passes `since`/`until`.
    pub fn date_in_range(&self, date: &str) -> bool {
        date_in_range(date, self.since.as_deref(), self.until.as_deref())
    }

    /// The edge as this selection sees it: `None` when it is filtered out,
    /// otherwise the edge, recomputed from its statements in the date range
    /// when `since`/`until` are set. Entity kinds are not checked here.
    pub fn edge(&self, edge: &Edge) -> Option<Edge> {
        if !self.kinds.is_empty() && !self.kinds.contains(&edge.kind) {
            return None;
        }
        let edge = if self.since.is_some() || self.until.is_some() {
            let evidence: Vec<_> = edge
                .evidence
                .iter()
                .filter(|e| e.date.as_deref().is_some_and(|d| self.date_in_range(d)))
                .cloned()
                .collect();
            if evidence.is_empty() {
                return None;
            }
            if evidence.len() == edge.evidence.len() {
                edge.clone()
            } else {
                crate::make_edge(
                    edge.kind,
                    edge.source.clone(),
                    edge.target.clone(),
                    evidence,
                )
            }
        } else {
            edge.clone()
        };
        if !self.statuses.is_empty() && !self.statuses.contains(&edge.status) {
            return None;
        }
        if self.min_confidence.is_some_and(|c| edge.confidence < c) {
            return None;
        }
        if self.min_evidence.is_some_and(|n| edge.count < n) {
            return None;
        }
        Some(edge)
    }

    fn keeps_kind(&self, node: &Node) -> bool {
        self.entity_kinds.is_empty() || self.entity_kinds.contains(&node.kind)
    }
}

/// Whether `date` lies within `since..=until`; partial bounds (`2024`,
/// `2024-06`) cover the whole year or month.
pub fn date_in_range(date: &str, since: Option<&str>, until: Option<&str>) -> bool {
    if let Some(s) = since {
        if date < s {
            return false;
        }
    }
    if let Some(u) = until {
        let head = date.get(..u.len()).unwrap_or(date);
        if head > u {
            return false;
        }
    }
    true
}

/// Whether `s` is a date bound accepted by [`Selection`]: `YYYY`, `YYYY-MM`
/// or `YYYY-MM-DD`.
pub fn is_date_bound(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str, len: usize, lo: u32, hi: u32| {
        p.len() == len
            && p.bytes().all(|b| b.is_ascii_digit())
            && p.parse::<u32>().is_ok_and(|n| (lo..=hi).contains(&n))
    };
    match parts.as_slice() {
        [y] => num(y, 4, 0, 9999),
        [y, m] => num(y, 4, 0, 9999) && num(m, 2, 1, 12),
        [y, m, d] => num(y, 4, 0, 9999) && num(m, 2, 1, 12) && num(d, 2, 1, 31),
        _ => false,
    }
}

/// Unmark the entities without a kept edge, except the centre.
fn drop_unlinked(
    keep: &mut [bool],
    edges: &[(NodeIndex, NodeIndex, Edge)],
    centre: Option<NodeIndex>,
) {
    let mut linked = vec![false; keep.len()];
    for (s, t, _) in edges {
        linked[s.index()] = true;
        linked[t.index()] = true;
    }
    for (i, k) in keep.iter_mut().enumerate() {
        *k = *k && (linked[i] || Some(NodeIndex::new(i)) == centre);
    }
}

/// Apply a selection: a new graph with what it keeps (see the module
/// documentation for the steps).
pub fn select(graph: &KnowledgeGraph, sel: &Selection) -> KnowledgeGraph {
    if sel.is_everything() {
        return graph.clone();
    }
    let pg = graph.petgraph();
    let centre = sel.around.as_deref().and_then(|id| graph.node_index(id));

    // 1 and 2: edges and nodes passing the filters.
    let node_ok: Vec<bool> = pg
        .node_indices()
        .map(|ix| sel.keeps_kind(&pg[ix]) || Some(ix) == centre)
        .collect();
    let mut edges: Vec<(NodeIndex, NodeIndex, Edge)> = Vec::new();
    for ix in pg.edge_indices() {
        let Some((s, t)) = pg.edge_endpoints(ix) else {
            continue;
        };
        if !node_ok[s.index()] || !node_ok[t.index()] {
            continue;
        }
        if let Some(edge) = sel.edge(&pg[ix]) {
            edges.push((s, t, edge));
        }
    }
    let mut keep = node_ok;

    // 3: the neighbourhood of the centre.
    if let Some(c) = centre {
        let mut adjacent: HashMap<NodeIndex, Vec<NodeIndex>> = HashMap::new();
        for (s, t, _) in &edges {
            adjacent.entry(*s).or_default().push(*t);
            adjacent.entry(*t).or_default().push(*s);
        }
        let mut seen: HashSet<NodeIndex> = HashSet::from([c]);
        let mut queue = VecDeque::from([(c, 0usize)]);
        while let Some((u, d)) = queue.pop_front() {
            if d >= sel.depth {
                continue;
            }
            for &v in adjacent.get(&u).map(Vec::as_slice).unwrap_or(&[]) {
                if seen.insert(v) {
                    queue.push_back((v, d + 1));
                }
            }
        }
        for (i, k) in keep.iter_mut().enumerate() {
            *k = *k && seen.contains(&NodeIndex::new(i));
        }
    } else if sel.around.is_some() {
        // An unknown centre keeps nothing.
        keep.iter_mut().for_each(|k| *k = false);
    }
    edges.retain(|(s, t, _)| keep[s.index()] && keep[t.index()]);

    // 4: entities left without edges.
    let lonely = sel.filters_edges() || sel.drop_isolated;
    if lonely {
        drop_unlinked(&mut keep, &edges, centre);
    }

    // 5: the most connected entities.
    if let Some(top) = sel.top {
        let mut degree = vec![0usize; keep.len()];
        for (s, t, _) in &edges {
            degree[s.index()] += 1;
            degree[t.index()] += 1;
        }
        let mut order: Vec<NodeIndex> = pg.node_indices().filter(|ix| keep[ix.index()]).collect();
        order.sort_by(|a, b| {
            let (na, nb) = (&pg[*a], &pg[*b]);
            degree[b.index()]
                .cmp(&degree[a.index()])
                .then(nb.mentions.cmp(&na.mentions))
                .then(na.id.cmp(&nb.id))
        });
        for ix in order.into_iter().skip(top) {
            keep[ix.index()] = false;
        }
        edges.retain(|(s, t, _)| keep[s.index()] && keep[t.index()]);
        if lonely {
            drop_unlinked(&mut keep, &edges, centre);
        }
    }

    let mut nodes: Vec<Node> = pg
        .node_indices()
        .filter(|ix| keep[ix.index()])
        .map(|ix| pg[ix].clone())
        .collect();

    // Only the documents that mention a kept entity, renumbered.
    let all_docs = graph.documents();
    let mut used = vec![false; all_docs.len()];
    for n in &nodes {
        for &d in &n.documents {
            if let Some(u) = used.get_mut(d as usize) {
                *u = true;
            }
        }
    }
    let mut renumber = vec![u32::MAX; all_docs.len()];
    let mut documents = Vec::new();
    for (i, doc) in all_docs.iter().enumerate() {
        if used[i] {
            renumber[i] = documents.len() as u32;
            documents.push(doc.clone());
        }
    }
    for n in &mut nodes {
        n.documents = n
            .documents
            .iter()
            .filter_map(|&d| renumber.get(d as usize).copied())
            .filter(|&d| d != u32::MAX)
            .collect();
    }
    KnowledgeGraph::from_parts(
        nodes,
        edges.into_iter().map(|(_, _, e)| e).collect(),
        documents,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testgraph::sample;

    fn ids(g: &KnowledgeGraph) -> (Vec<String>, Vec<String>) {
        (
            g.nodes().map(|n| n.id.clone()).collect(),
            g.edges()
                .map(|e| format!("{}-{}-{}", e.source, e.kind, e.target))
                .collect(),
        )
    }

    #[test]
    fn everything_by_default() {
        let g = sample();
        let s = select(&g, &Selection::default());
        assert_eq!(ids(&s), ids(&g));
    }

    #[test]
    fn around_follows_edges_both_ways() {
        let g = sample();
        let sel = Selection {
            around: Some("navy".into()),
            depth: 1,
            ..Selection::default()
        };
        let (nodes, edges) = ids(&select(&g, &sel));
        assert_eq!(nodes, ["acme", "bolt", "dod", "navy"]);
        assert_eq!(edges.len(), 4);
        // Every test node is in document 0 (d0) only.
        let s = select(&g, &sel);
        assert_eq!(s.documents().len(), 1);
        assert!(s.nodes().all(|n| n.documents == [0]));
        let sel = Selection { depth: 0, ..sel };
        assert_eq!(ids(&select(&g, &sel)).0, ["navy"]);
    }

    #[test]
    fn edge_filters_drop_entities_left_alone() {
        let g = sample();
        let sel = Selection {
            kinds: vec![RelationKind::Dispute],
            ..Selection::default()
        };
        let (nodes, edges) = ids(&select(&g, &sel));
        assert_eq!(nodes, ["acme", "bolt", "gsa", "navy"]);
        assert_eq!(edges, ["acme-dispute-navy", "gsa-dispute-bolt"]);
        let sel = Selection {
            entity_kinds: vec![EntityKind::Agency],
            ..Selection::default()
        };
        let (nodes, edges) = ids(&select(&g, &sel));
        assert_eq!(nodes, ["dod", "gsa", "navy"]);
        assert_eq!(edges, ["navy-part_of-dod"]);
    }

    #[test]
    fn dates_recompute_edges_from_their_statements() {
        let g = sample();
        let sel = Selection {
            since: Some("2024".into()),
            until: Some("2024-05".into()),
            kinds: vec![RelationKind::Contract],
            ..Selection::default()
        };
        let s = select(&g, &sel);
        let bolt_gsa = s
            .edges()
            .find(|e| e.source == "bolt" && e.target == "gsa")
            .expect("kept");
        assert_eq!(bolt_gsa.count, 1);
        assert_eq!(bolt_gsa.first_seen.as_deref(), Some("2024-05-05"));
        // The 2024-06-01 contract is after the range.
        assert!(!s.edges().any(|e| e.source == "aws"));
        let sel = Selection {
            min_evidence: Some(2),
            ..Selection::default()
        };
        assert_eq!(ids(&select(&g, &sel)).1, ["bolt-contract-gsa"]);
        let sel = Selection {
            statuses: vec![Status::Hedged, Status::Reported],
            min_confidence: Some(0.3),
            ..Selection::default()
        };
        // The hedged contract has confidence 0.25 (0.5 weighted by half).
        assert_eq!(
            ids(&select(&g, &sel)).1,
            ["acme-partnership-aws", "gsa-dispute-bolt"]
        );
    }

    #[test]
    fn top_keeps_the_most_connected() {
        let g = sample();
        let sel = Selection {
            top: Some(2),
            ..Selection::default()
        };
        let (nodes, edges) = ids(&select(&g, &sel));
        // Degree 4 and 3 (aws has more mentions than acme, bolt).
        assert_eq!(nodes, ["aws", "navy"]);
        assert!(edges.is_empty());
        // Left without edges by the cut, they go when isolated entities do.
        let sel = Selection {
            top: Some(2),
            drop_isolated: true,
            ..Selection::default()
        };
        assert_eq!(select(&g, &sel).node_count(), 0);
        let sel = Selection {
            top: Some(3),
            drop_isolated: true,
            ..Selection::default()
        };
        assert_eq!(ids(&select(&g, &sel)).0, ["acme", "aws", "navy"]);
    }

    #[test]
    fn date_bounds() {
        assert!(date_in_range(
            "2024-05-31",
            Some("2024-05"),
            Some("2024-05")
        ));
        assert!(!date_in_range("2024-06-01", None, Some("2024-05")));
        assert!(!date_in_range("2023-12-31", Some("2024"), None));
        assert!(is_date_bound("2024") && is_date_bound("2024-02") && is_date_bound("2024-02-29"));
        assert!(!is_date_bound("2024-13") && !is_date_bound("24-01-01") && !is_date_bound("June"));
    }
}
