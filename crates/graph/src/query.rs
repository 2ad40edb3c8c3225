//! Queries over the graph: name resolution, entity reports, neighbours,
//! shortest paths and the evidence between two entities.

use crate::GraphError;
use crate::graph::KnowledgeGraph;
use crate::model::{Edge, Node};
use newsgraph_extract::RelationKind;
use petgraph::Direction;
use petgraph::graph::{EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, VecDeque};

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
#[derive(Debug)]
pub struct NameIndex {
    exact: HashMap<String, Vec<NodeIndex>>,
    normalised: HashMap<String, Vec<NodeIndex>>,
    all: Vec<(String, NodeIndex)>,
}

fn norm(s: &str) -> String {
    crate::builder::simple_norm(s)
}

impl NameIndex {
    /// Index every id, name and alias of the graph.
    pub fn new(g: &KnowledgeGraph) -> Self {
        let mut exact: HashMap<String, Vec<NodeIndex>> = HashMap::new();
        let mut normalised: HashMap<String, Vec<NodeIndex>> = HashMap::new();
        let mut all = Vec::new();
        for ix in g.petgraph().node_indices() {
            let n = &g.petgraph()[ix];
            let forms = std::iter::once(n.id.as_str())
                .chain(std::iter::once(n.name.as_str()))
                .chain(n.alias_names());
            for f in forms {
                let k = f.to_lowercase();
                let v = exact.entry(k).or_default();
                if !v.contains(&ix) {
                    v.push(ix);
                }
                let v = normalised.entry(norm(f)).or_default();
                if !v.contains(&ix) {
                    v.push(ix);
                }
                all.push((f.to_string(), ix));
            }
        }
        NameIndex {
            exact,
            normalised,
            all,
        }
    }

    /// Resolve a name to one node. When several nodes answer to it, the one
    /// mentioned most wins (its id, name or alias matched exactly first).
    pub fn resolve(&self, g: &KnowledgeGraph, name: &str) -> Result<NodeIndex, GraphError> {
        let pick = |v: &Vec<NodeIndex>| -> NodeIndex {
            *v.iter()
                .max_by(|a, b| {
                    let (na, nb) = (&g.petgraph()[**a], &g.petgraph()[**b]);
                    (na.mentions, std::cmp::Reverse(&na.id))
                        .cmp(&(nb.mentions, std::cmp::Reverse(&nb.id)))
                })
                .unwrap_or(&v[0])
        };
        if let Some(v) = self.exact.get(&name.trim().to_lowercase()) {
            return Ok(pick(v));
        }
        if let Some(v) = self.normalised.get(&norm(name)) {
            return Ok(pick(v));
        }
        Err(GraphError::UnknownEntity {
            name: name.to_string(),
            suggestions: self.suggest(g, name, 5),
        })
    }

    /// The closest names to a misspelt one, best first.
    pub fn suggest(&self, g: &KnowledgeGraph, name: &str, max: usize) -> Vec<String> {
        let q = name.to_lowercase();
        let mut scored: Vec<(usize, String)> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (form, ix) in &self.all {
            let f = form.to_lowercase();
            let mut d = levenshtein(&q, &f);
            if f.contains(&q) || q.contains(&f) {
                d = d.min(f.len().abs_diff(q.len()).min(2));
            }
            let limit = (q.chars().count() / 2).max(2);
            if d <= limit {
                let display = &g.petgraph()[*ix].name;
                let label = if display == form {
                    form.clone()
                } else {
                    format!("{form} ({display})")
                };
                if seen.insert(label.clone()) {
                    scored.push((d, label));
                }
            }
        }
        scored.sort();
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
