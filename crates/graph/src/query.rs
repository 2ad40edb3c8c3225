//! Queries over the graph: name resolution, entity reports, neighbourhoods,
//! shortest paths, the evidence between two entities and timelines.

use crate::GraphError;
use crate::graph::KnowledgeGraph;
use crate::model::{Edge, Node};
use newsgraph_extract::{Evidence, RelationKind, Status};
use petgraph::Direction;
use petgraph::graph::{EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};

/// Which way an edge runs relative to the entity asked about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Dir {
    /// The entity is the source.
    Out,
    /// The entity is the target.
    In,
}

/// One relation seen from an entity.
#[derive(Debug, Clone, Serialize)]
pub struct Link<'g> {
    /// Direction relative to the entity.
    pub direction: Dir,
    /// The other node.
    pub other: &'g Node,
    /// The edge.
    pub edge: &'g Edge,
}

/// One hop of a path.
#[derive(Debug, Clone, Serialize)]
pub struct Hop<'g> {
    /// Node the hop starts from.
    pub from: &'g Node,
    /// Node the hop ends at.
    pub to: &'g Node,
    /// Whether the edge runs from `from` to `to` (else the reverse).
    pub forward: bool,
    /// The edge.
    pub edge: &'g Edge,
}

/// Case-insensitive name lookup over ids, names and aliases.
///
/// The lookup scans the graph when asked rather than building maps first:
/// a command resolves one or two names, and building maps of every form of
/// a graph of ten thousand entities costs more than scanning it twice.
#[derive(Debug, Default)]
pub struct NameIndex {
    _private: (),
}

fn norm(s: &str) -> String {
    crate::builder::simple_norm(s)
}

/// Every form an entity answers to: its id, name and aliases.
fn forms(n: &Node) -> impl Iterator<Item = &str> {
    std::iter::once(n.id.as_str())
        .chain(std::iter::once(n.name.as_str()))
        .chain(n.alias_names())
}

/// Whether `form` equals `query` ignoring case; `lower` is `query` lower-cased.
fn same_ignoring_case(form: &str, query: &str, lower: &str) -> bool {
    if form.is_ascii() && query.is_ascii() {
        form.eq_ignore_ascii_case(query)
    } else {
        form.to_lowercase() == lower
    }
}

/// Whether `hay` contains `needle` (ASCII case-insensitively; a non-ASCII
/// needle always passes, the check is only a shortcut).
fn may_contain(hay: &str, needle: &str) -> bool {
    if needle.is_empty() || !needle.is_ascii() {
        return true;
    }
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    h.len() >= n.len() && h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n))
}

impl NameIndex {
    /// A lookup over the graph's ids, names and aliases.
    pub fn new(_g: &KnowledgeGraph) -> Self {
        NameIndex { _private: () }
    }

    /// Resolve a name to one node: first by an id, name or alias equal to
    /// it ignoring case, then after normalisation (punctuation, a leading
    /// "the" and legal suffixes dropped). When several nodes answer to it,
    /// the one mentioned most wins (then the smallest id).
    pub fn resolve(&self, g: &KnowledgeGraph, name: &str) -> Result<NodeIndex, GraphError> {
        let pg = g.petgraph();
        let pick = |v: &[NodeIndex]| -> Option<NodeIndex> {
            v.iter().copied().max_by(|a, b| {
                let (na, nb) = (&pg[*a], &pg[*b]);
                (na.mentions, std::cmp::Reverse(&na.id))
                    .cmp(&(nb.mentions, std::cmp::Reverse(&nb.id)))
            })
        };
        let q = name.trim();
        let lower = q.to_lowercase();
        let exact: Vec<NodeIndex> = pg
            .node_indices()
            .filter(|ix| forms(&pg[*ix]).any(|f| same_ignoring_case(f, q, &lower)))
            .collect();
        if let Some(ix) = pick(&exact) {
            return Ok(ix);
        }
        let nq = norm(q);
        if !nq.is_empty() {
            // Every word of the normalised query is in a matching form.
            let first = nq.split(' ').max_by_key(|w| w.len()).unwrap_or("");
            let normalised: Vec<NodeIndex> = pg
                .node_indices()
                .filter(|ix| forms(&pg[*ix]).any(|f| may_contain(f, first) && norm(f) == nq))
                .collect();
            if let Some(ix) = pick(&normalised) {
                return Ok(ix);
            }
        }
        Err(GraphError::UnknownEntity {
            name: name.to_string(),
            suggestions: self.suggest(g, name, 5),
        })
    }

    /// The closest names to a misspelt one, best first: at most one per
    /// entity (its closest name or alias, shown as `alias (name)`), within
    /// an edit distance of about half the name.
    pub fn suggest(&self, g: &KnowledgeGraph, name: &str, max: usize) -> Vec<String> {
        let pg = g.petgraph();
        let q = name.trim().to_lowercase();
        let qlen = q.chars().count();
        let limit = (qlen / 2).max(2);
        let mut scored: Vec<(usize, String)> = Vec::new();
        for ix in pg.node_indices() {
            let node = &pg[ix];
            let mut best: Option<(usize, bool, &str)> = None;
            for form in forms(node) {
                if form == node.id && form != node.name {
                    continue;
                }
                let f = form.to_lowercase();
                let flen = f.chars().count();
                // A name that contains the query, or is contained in it, is
                // close, unless one of them is too short to mean anything.
                let contains = qlen >= 3 && flen >= 3 && (f.contains(&q) || q.contains(&f));
                // Too different in length to be within the limit.
                if flen.abs_diff(qlen) > limit && !contains {
                    continue;
                }
                let mut d = levenshtein(&q, &f);
                if contains {
                    d = d.min(flen.abs_diff(qlen).min(2));
                }
                if d > limit {
                    continue;
                }
                let key = (d, form != node.name, form);
                if best.is_none_or(|b| (key.0, key.1) < (b.0, b.1)) {
                    best = Some(key);
                }
            }
            if let Some((d, _, form)) = best {
                let label = if form == node.name {
                    form.to_string()
                } else {
                    format!("{form} ({})", node.name)
                };
                scored.push((d, label));
            }
        }
        scored.sort();
        scored.dedup_by(|a, b| a.1 == b.1);
        scored.into_iter().take(max).map(|(_, s)| s).collect()
    }
}

/// Edit distance between two strings (by characters).
pub fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Every relation of a node, optionally only some kinds, ordered by kind,
/// direction and the other node's name.
pub fn links<'g>(g: &'g KnowledgeGraph, ix: NodeIndex, kinds: &[RelationKind]) -> Vec<Link<'g>> {
    let pg = g.petgraph();
    let mut out = Vec::new();
    for (dir, d) in [
        (Direction::Outgoing, Dir::Out),
        (Direction::Incoming, Dir::In),
    ] {
        for e in pg.edges_directed(ix, dir) {
            let edge = e.weight();
            if !kinds.is_empty() && !kinds.contains(&edge.kind) {
                continue;
            }
            let other = if d == Dir::Out {
                e.target()
            } else {
                e.source()
            };
            out.push(Link {
                direction: d,
                other: &pg[other],
                edge,
            });
        }
    }
    out.sort_by(|a, b| {
        (a.edge.kind, a.direction, &a.other.name, &a.other.id).cmp(&(
            b.edge.kind,
            b.direction,
            &b.other.name,
            &b.other.id,
        ))
    });
    out
}

/// Relations of a node grouped by kind.
pub fn grouped<'g>(links: &[Link<'g>]) -> BTreeMap<RelationKind, Vec<Link<'g>>> {
    let mut out: BTreeMap<RelationKind, Vec<Link<'g>>> = BTreeMap::new();
    for l in links {
        out.entry(l.edge.kind).or_default().push(l.clone());
    }
    out
}

/// The shortest path between two nodes, ignoring edge direction. Among
/// equally short paths the one through the smallest node indices is taken,
/// so the answer is deterministic.
pub fn shortest_path<'g>(
    g: &'g KnowledgeGraph,
    from: NodeIndex,
    to: NodeIndex,
    kinds: &[RelationKind],
) -> Option<Vec<Hop<'g>>> {
    let pg = g.petgraph();
    if from == to {
        return Some(Vec::new());
    }
    let mut prev: HashMap<NodeIndex, (NodeIndex, EdgeIndex)> = HashMap::new();
    let mut queue = VecDeque::new();
    queue.push_back(from);
    prev.insert(from, (from, EdgeIndex::end()));
    while let Some(u) = queue.pop_front() {
        let mut next: Vec<(NodeIndex, EdgeIndex)> = Vec::new();
        for e in pg.edges_directed(u, Direction::Outgoing) {
            next.push((e.target(), e.id()));
        }
        for e in pg.edges_directed(u, Direction::Incoming) {
            next.push((e.source(), e.id()));
        }
        next.retain(|(_, e)| kinds.is_empty() || kinds.contains(&pg[*e].kind));
        next.sort();
        for (v, e) in next {
            if prev.contains_key(&v) {
                continue;
            }
            prev.insert(v, (u, e));
            if v == to {
                let mut hops = Vec::new();
                let mut cur = to;
                while cur != from {
                    let (p, e) = prev[&cur];
                    let (s, _) = pg.edge_endpoints(e)?;
                    hops.push(Hop {
                        from: &pg[p],
                        to: &pg[cur],
                        forward: s == p,
                        edge: &pg[e],
                    });
                    cur = p;
                }
                hops.reverse();
                return Some(hops);
            }
            queue.push_back(v);
        }
    }
    None
}

/// Every edge between two nodes, in either direction.
pub fn between(g: &KnowledgeGraph, a: NodeIndex, b: NodeIndex) -> Vec<(Dir, &Edge)> {
    let pg = g.petgraph();
    let mut out = Vec::new();
    for e in pg.edges_connecting(a, b) {
        out.push((Dir::Out, e.weight()));
    }
    if a != b {
        for e in pg.edges_connecting(b, a) {
            out.push((Dir::In, e.weight()));
        }
    }
    out.sort_by_key(|x| (x.1.kind, x.0));
    out
}

/// The statement that best supports an edge: statements that deny the
/// relation only when nothing else is there; then the highest confidence
/// (to 4 decimals), then the earliest date (dated before undated), then the
/// first in the edge's order (document, sentence, rule).
pub fn best_evidence(edge: &Edge) -> Option<&Evidence> {
    let all_negated = edge.evidence.iter().all(|e| e.status == Status::Negated);
    let rounded = |c: f32| {
        let c = if c.is_finite() {
            c.clamp(0.0, 1.0)
        } else {
            0.0
        };
        (f64::from(c) * 10_000.0).round() as i64
    };
    let mut best: Option<&Evidence> = None;
    for ev in &edge.evidence {
        if !all_negated && ev.status == Status::Negated {
            continue;
        }
        let better = match best {
            None => true,
            Some(b) => match rounded(ev.confidence).cmp(&rounded(b.confidence)) {
                std::cmp::Ordering::Greater => true,
                std::cmp::Ordering::Less => false,
                std::cmp::Ordering::Equal => match (&ev.date, &b.date) {
                    (Some(x), Some(y)) => x < y,
                    (Some(_), None) => true,
                    _ => false,
                },
            },
        };
        if better {
            best = Some(ev);
        }
    }
    best
}

/// Which edges a walk may follow from a node.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Walk {
    /// Edges leaving the node (and symmetric edges).
    Out,
    /// Edges arriving at the node (and symmetric edges).
    In,
    /// Every edge.
    #[default]
    Both,
}

impl Walk {
    /// Whether a link may be followed.
    pub fn allows(self, link: &Link<'_>) -> bool {
        match self {
            Walk::Both => true,
            Walk::Out => link.direction == Dir::Out || link.edge.kind.is_symmetric(),
            Walk::In => link.direction == Dir::In || link.edge.kind.is_symmetric(),
        }
    }
}

/// One edge of a neighbourhood: from an entity found at `depth - 1` to one
/// first found at `depth`.
#[derive(Debug, Clone, Serialize)]
pub struct Reach<'g> {
    /// Hops from the start (1 for direct neighbours).
    pub depth: usize,
    /// The entity the edge was followed from.
    pub from: &'g Node,
    /// The edge and the entity reached, as seen from `from`.
    pub link: Link<'g>,
}

/// The neighbourhood of a node up to `depth` hops: breadth first over the
/// edges of the given kinds (all when empty) that `walk` allows. Every edge
/// from an entity at distance `d - 1` to one first found at distance `d` is
/// listed, ordered by depth, then the name of the entity it starts from,
/// then as in [`links`].
pub fn neighbourhood<'g>(
    g: &'g KnowledgeGraph,
    start: NodeIndex,
    kinds: &[RelationKind],
    walk: Walk,
    depth: usize,
) -> Vec<Reach<'g>> {
    let pg = g.petgraph();
    let mut seen: HashSet<NodeIndex> = HashSet::from([start]);
    let mut frontier = vec![start];
    let mut out = Vec::new();
    for d in 1..=depth {
        frontier.sort_by(|a, b| (&pg[*a].name, &pg[*a].id).cmp(&(&pg[*b].name, &pg[*b].id)));
        let mut next: Vec<NodeIndex> = Vec::new();
        let mut found: HashSet<NodeIndex> = HashSet::new();
        for &u in &frontier {
            for link in links(g, u, kinds) {
                if !walk.allows(&link) {
                    continue;
                }
                let Some(v) = g.node_index(&link.other.id) else {
                    continue;
                };
                if seen.contains(&v) {
                    continue;
                }
                if found.insert(v) {
                    next.push(v);
                }
                out.push(Reach {
                    depth: d,
                    from: &pg[u],
                    link,
                });
            }
        }
        seen.extend(next.iter().copied());
        if next.is_empty() {
            break;
        }
        frontier = next;
    }
    out
}

/// Every shortest path between two nodes, ignoring edge direction, over the
/// edges of the given kinds (all when empty) and at most `max_hops` hops.
/// Parallel edges of different kinds give different paths. At most `limit`
/// paths are returned, ordered by the names along them; the flag tells
/// whether more were cut off.
pub fn all_shortest_paths<'g>(
    g: &'g KnowledgeGraph,
    from: NodeIndex,
    to: NodeIndex,
    kinds: &[RelationKind],
    max_hops: Option<usize>,
    limit: usize,
) -> (Vec<Vec<Hop<'g>>>, bool) {
    let pg = g.petgraph();
    if from == to {
        return (vec![Vec::new()], false);
    }
    // Breadth first, remembering every predecessor on a shortest path.
    let mut dist: HashMap<NodeIndex, usize> = HashMap::from([(from, 0)]);
    let mut preds: HashMap<NodeIndex, Vec<(NodeIndex, EdgeIndex)>> = HashMap::new();
    let mut level = vec![from];
    let mut d = 0;
    while !level.is_empty() && !dist.contains_key(&to) {
        if max_hops.is_some_and(|m| d >= m) {
            break;
        }
        d += 1;
        let mut next = Vec::new();
        for &u in &level {
            let edges = pg
                .edges_directed(u, Direction::Outgoing)
                .map(|e| (e.target(), e.id()))
                .chain(
                    pg.edges_directed(u, Direction::Incoming)
                        .map(|e| (e.source(), e.id())),
                );
            for (v, e) in edges {
                if !kinds.is_empty() && !kinds.contains(&pg[e].kind) {
                    continue;
                }
                match dist.get(&v) {
                    Some(&dv) if dv < d => continue,
                    Some(_) => {}
                    None => {
                        dist.insert(v, d);
                        next.push(v);
                    }
                }
                preds.entry(v).or_default().push((u, e));
            }
        }
        level = next;
    }
    if !dist.contains_key(&to) {
        return (Vec::new(), false);
    }
    for p in preds.values_mut() {
        p.sort();
        p.dedup();
    }
    // Walk back from `to`, depth first.
    let mut paths: Vec<Vec<(NodeIndex, EdgeIndex)>> = Vec::new();
    let mut truncated = false;
    let mut stack: Vec<(NodeIndex, Vec<(NodeIndex, EdgeIndex)>)> = vec![(to, Vec::new())];
    // A generous cap on enumeration so a dense graph cannot run away; the
    // result is sorted and cut to `limit` afterwards.
    let cap = limit.saturating_mul(8).max(limit);
    while let Some((v, tail)) = stack.pop() {
        if v == from {
            if paths.len() >= cap {
                truncated = true;
                break;
            }
            paths.push(tail);
            continue;
        }
        for &(u, e) in preds.get(&v).map(Vec::as_slice).unwrap_or(&[]).iter().rev() {
            let mut t = tail.clone();
            t.push((u, e));
            stack.push((u, t));
        }
    }
    let mut out: Vec<Vec<Hop<'g>>> = paths
        .into_iter()
        .map(|steps| {
            // `steps` runs from `to` back to `from`: (predecessor, edge).
            let mut hops = Vec::with_capacity(steps.len());
            let mut cur = to;
            for &(p, e) in &steps {
                let forward = pg.edge_endpoints(e).is_some_and(|(s, _)| s == p);
                hops.push(Hop {
                    from: &pg[p],
                    to: &pg[cur],
                    forward,
                    edge: &pg[e],
                });
                cur = p;
            }
            hops.reverse();
            hops
        })
        .collect();
    out.sort_by(|a, b| path_key(a).cmp(&path_key(b)));
    if out.len() > limit {
        out.truncate(limit);
        truncated = true;
    }
    (out, truncated)
}

fn path_key<'a>(hops: &'a [Hop<'_>]) -> Vec<(&'a str, &'a str, RelationKind)> {
    hops.iter()
        .map(|h| (h.to.name.as_str(), h.to.id.as_str(), h.edge.kind))
        .collect()
}

/// One entry of a timeline: the statements of one relation on one date.
#[derive(Debug, Clone, Serialize)]
pub struct TimelineEntry<'g> {
    /// The date (`None` for undated statements, listed last).
    pub date: Option<&'g str>,
    /// The relation, as seen from the entity.
    pub link: Link<'g>,
    /// The statements of that date, in the edge's order.
    pub statements: Vec<&'g Evidence>,
}

/// The relations of a node ordered by the dates of their statements: one
/// entry per relation and date, undated statements last; within a date,
/// ordered as [`links`].
pub fn timeline<'g>(
    g: &'g KnowledgeGraph,
    ix: NodeIndex,
    kinds: &[RelationKind],
) -> Vec<TimelineEntry<'g>> {
    let mut out = Vec::new();
    for (order, link) in links(g, ix, kinds).into_iter().enumerate() {
        let mut by_date: BTreeMap<Option<&'g str>, Vec<&'g Evidence>> = BTreeMap::new();
        for ev in &link.edge.evidence {
            by_date.entry(ev.date.as_deref()).or_default().push(ev);
        }
        for (date, statements) in by_date {
            out.push((
                order,
                TimelineEntry {
                    date,
                    link: link.clone(),
                    statements,
                },
            ));
        }
    }
    out.sort_by(|(oa, a), (ob, b)| {
        (a.date.is_none(), a.date, *oa).cmp(&(b.date.is_none(), b.date, *ob))
    });
    out.into_iter().map(|(_, e)| e).collect()
}

/// Whether an edge runs from `from` to `to` (either may be left open); a
/// symmetric edge runs both ways.
pub fn edge_connects(
    g: &KnowledgeGraph,
    ix: EdgeIndex,
    from: Option<NodeIndex>,
    to: Option<NodeIndex>,
) -> bool {
    let pg = g.petgraph();
    let Some((s, t)) = pg.edge_endpoints(ix) else {
        return false;
    };
    let fits =
        |a: NodeIndex, b: NodeIndex| from.is_none_or(|f| f == a) && to.is_none_or(|x| x == b);
    fits(s, t) || (pg[ix].kind.is_symmetric() && fits(t, s))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testgraph::sample;

    fn ix(g: &KnowledgeGraph, id: &str) -> NodeIndex {
        g.node_index(id).expect("node")
    }

    #[test]
    fn neighbourhood_by_depth_and_direction() {
        let g = sample();
        let reach: Vec<String> = neighbourhood(&g, ix(&g, "navy"), &[], Walk::Both, 2)
            .iter()
            .map(|r| {
                format!(
                    "{}:{}>{}:{}",
                    r.depth, r.from.id, r.link.other.id, r.link.edge.kind
                )
            })
            .collect();
        assert_eq!(
            reach,
            [
                "1:navy>acme:contract",
                "1:navy>bolt:contract",
                "1:navy>acme:dispute",
                "1:navy>dod:part_of",
                "2:acme>aws:partnership",
                "2:bolt>gsa:contract",
                "2:bolt>gsa:dispute",
                "2:dod>aws:contract",
            ]
        );
        let out: Vec<String> = neighbourhood(&g, ix(&g, "navy"), &[], Walk::Out, 3)
            .iter()
            .map(|r| r.link.other.id.clone())
            .collect();
        assert_eq!(out, ["dod"]);
        let into: Vec<String> =
            neighbourhood(&g, ix(&g, "dod"), &[RelationKind::Contract], Walk::In, 1)
                .iter()
                .map(|r| r.link.other.id.clone())
                .collect();
        assert_eq!(into, ["aws"]);
    }

    #[test]
    fn all_shortest_paths_with_parallel_edges() {
        let g = sample();
        let (paths, cut) = all_shortest_paths(&g, ix(&g, "acme"), ix(&g, "dod"), &[], None, 10);
        assert!(!cut);
        let shown: Vec<String> = paths.iter().map(|p| crate::pattern::hop_chain(p)).collect();
        assert_eq!(
            shown,
            [
                "Acme Corp -[partnership]- Amazon Web Services -[contract]-> Department of Defense",
                "Acme Corp -[contract]-> Department of the Navy -[part_of]-> Department of Defense",
                "Acme Corp -[dispute]-> Department of the Navy -[part_of]-> Department of Defense",
            ]
        );
        let (paths, cut) = all_shortest_paths(&g, ix(&g, "acme"), ix(&g, "dod"), &[], None, 1);
        assert_eq!((paths.len(), cut), (1, true));
        let (paths, _) = all_shortest_paths(&g, ix(&g, "acme"), ix(&g, "dod"), &[], Some(1), 10);
        assert!(paths.is_empty());
        let (paths, _) = all_shortest_paths(
            &g,
            ix(&g, "gsa"),
            ix(&g, "amazon"),
            &[RelationKind::Contract],
            None,
            10,
        );
        assert!(paths.is_empty());
        let (paths, _) = all_shortest_paths(&g, ix(&g, "gsa"), ix(&g, "gsa"), &[], None, 10);
        assert_eq!(paths.len(), 1);
        assert!(paths[0].is_empty());
    }

    #[test]
    fn timeline_orders_by_date_with_undated_last() {
        let g = sample();
        let t: Vec<String> = timeline(&g, ix(&g, "navy"), &[])
            .iter()
            .map(|e| {
                format!(
                    "{}:{}:{}",
                    e.date.unwrap_or("-"),
                    e.link.edge.kind,
                    e.link.other.id
                )
            })
            .collect();
        assert_eq!(
            t,
            [
                "2024-01-10:contract:acme",
                "2024-03-01:contract:bolt",
                "2024-03-01:dispute:acme",
                "-:part_of:dod"
            ]
        );
    }

    #[test]
    fn best_evidence_and_edge_direction() {
        let g = sample();
        let e = g
            .edges()
            .find(|e| e.source == "bolt" && e.target == "gsa")
            .expect("edge");
        assert_eq!(
            best_evidence(e).map(|e| e.doc.as_str()),
            Some("d0"),
            "0.7 beats 0.6"
        );
        let pg = g.petgraph();
        let partnership = pg
            .edge_indices()
            .find(|&i| pg[i].kind == RelationKind::Partnership)
            .expect("partnership");
        assert!(edge_connects(
            &g,
            partnership,
            Some(ix(&g, "aws")),
            Some(ix(&g, "acme"))
        ));
        let contract = pg
            .edge_indices()
            .find(|&i| pg[i].source == "aws" && pg[i].kind == RelationKind::Contract)
            .expect("contract");
        assert!(!edge_connects(&g, contract, Some(ix(&g, "dod")), None));
        assert!(edge_connects(&g, contract, None, Some(ix(&g, "dod"))));
    }
}
