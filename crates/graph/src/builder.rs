//! Graph construction: merge per-document extractions into one graph,
//! resolving entities across documents.
//!
//! The result depends only on the *set* of documents added, never on the
//! order: entities are grouped with a union-find over ids and names, and
//! every choice (node id, display name, kind) is made from counts with
//! lexicographic tie-breaks.

use crate::graph::KnowledgeGraph;
use crate::model::{DocInfo, Edge, Node};
use newsgraph_extract::{
    Alias, AliasOrigin, DocExtraction, EntityKind, EntitySource, Evidence, RelationKind, Status,
    combine_confidence, status_weight,
};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Pairs of names or ids that must never be merged across documents.
#[derive(Debug, Clone, Default)]
pub struct ResolutionRules {
    never_merge: Vec<(String, String)>,
}

impl ResolutionRules {
    /// Rules from pairs of names or ids (compared after normalisation).
    pub fn new(never_merge: Vec<(String, String)>) -> Self {
        let never_merge = never_merge
            .into_iter()
            .map(|(a, b)| (simple_norm(&a), simple_norm(&b)))
            .collect();
        ResolutionRules { never_merge }
    }

    fn forbids(&self, a: &BTreeSet<String>, b: &BTreeSet<String>) -> bool {
        self.never_merge
            .iter()
            .any(|(x, y)| (a.contains(x) && b.contains(y)) || (a.contains(y) && b.contains(x)))
    }
}

/// Lowercase, punctuation dropped, legal suffixes and a leading "the" removed.
pub fn simple_norm(name: &str) -> String {
    let s = name.replace('\u{2019}', "'");
    let s = s.strip_suffix("'s").unwrap_or(&s);
    let mut words: Vec<String> = s
        .split(|c: char| c.is_whitespace() || c == '-' || c == '/' || c == ',')
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric() || *c == '&' || *c == ':' || *c == '_')
                .collect::<String>()
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() > 1 && words[0] == "the" {
        words.remove(0);
    }
    while words.len() > 1
        && matches!(
            words.last().map(String::as_str),
            Some(
                "inc"
                    | "corp"
                    | "corporation"
                    | "co"
                    | "ltd"
                    | "llc"
                    | "plc"
                    | "group"
                    | "holdings"
                    | "company"
                    | "limited"
                    | "ag"
                    | "sa"
                    | "nv"
            )
        )
    {
        words.pop();
    }
    words.join(" ")
}

/// Whether a surface form is an acronym (never used to merge across documents).
fn is_acronym(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() <= 6 && letters.iter().filter(|c| c.is_uppercase()).count() >= 2
}

#[derive(Debug, Default)]
struct EntityAcc {
    /// Display names seen, with counts.
    names: BTreeMap<String, u32>,
    kinds: BTreeMap<EntityKind, u32>,
    aliases: BTreeMap<String, AliasOrigin>,
    mentions: u64,
    docs: BTreeSet<String>,
    gazetteer: bool,
    ticker: Option<String>,
    parent: Option<String>,
}

#[derive(Debug, Default)]
struct EdgeAcc {
    evidence: Vec<Evidence>,
}

/// Accumulates extractions and builds the graph.
#[derive(Debug, Default)]
pub struct GraphBuilder {
    entities: BTreeMap<String, EntityAcc>,
    /// (kind, source id, target id) -> statements; ids before resolution.
    relations: BTreeMap<(RelationKind, String, String), EdgeAcc>,
    documents: BTreeMap<String, DocInfo>,
    rules: ResolutionRules,
}

impl GraphBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty builder with resolution rules.
    pub fn with_rules(rules: ResolutionRules) -> Self {
        GraphBuilder {
            rules,
            ..Self::default()
        }
    }

    /// Number of documents added.
    pub fn document_count(&self) -> usize {
        self.documents.len()
    }

    /// Add one document's extraction. Adding a document id twice replaces
    /// nothing: the caller must not add the same document twice.
    pub fn add(&mut self, d: &DocExtraction) {
        self.documents.insert(
            d.doc.clone(),
            DocInfo {
                id: d.doc.clone(),
                title: d.title.clone(),
                date: d.date.clone(),
                url: d.url.clone(),
                hash: d.hash.clone(),
            },
        );
        for e in &d.entities {
            let acc = self.entities.entry(e.id.clone()).or_default();
            *acc.names.entry(e.name.clone()).or_default() += 1;
            *acc.kinds.entry(e.kind).or_default() += 1;
            for a in &e.alias_origins {
                let slot = acc.aliases.entry(a.name.clone()).or_insert(a.origin);
                if a.origin < *slot {
                    *slot = a.origin;
                }
            }
            for a in &e.aliases {
                acc.aliases
                    .entry(a.clone())
                    .or_insert(AliasOrigin::NameVariant);
            }
            acc.mentions += u64::from(e.mentions);
            acc.docs.insert(d.doc.clone());
            acc.gazetteer |= e.source == EntitySource::Gazetteer;
            if let Some(t) = &e.ticker {
                if acc.ticker.as_ref().is_none_or(|x| t < x) {
                    acc.ticker = Some(t.clone());
                }
            }
            if e.parent.is_some() {
                acc.parent = e.parent.clone();
            }
        }
        for r in &d.relations {
            let acc = self
                .relations
                .entry((r.kind, r.source.clone(), r.target.clone()))
                .or_default();
            acc.evidence.extend(r.evidence.iter().cloned());
        }
    }

    /// Resolve entities across documents and build the graph.
    pub fn finish(self) -> KnowledgeGraph {
        let ids: Vec<&String> = self.entities.keys().collect();
        let index: HashMap<&str, usize> = ids
            .iter()
            .enumerate()
            .map(|(i, id)| (id.as_str(), i))
            .collect();
        let mut uf = UnionFind::new(ids.len());
        // Names each entity answers to (normalised, acronyms excluded).
        let name_sets: Vec<BTreeSet<String>> = self
            .entities
            .values()
            .map(|acc| {
                let mut s = BTreeSet::new();
                for n in acc.names.keys() {
                    s.insert(simple_norm(n));
                }
                for (a, origin) in &acc.aliases {
                    if !is_acronym(a)
                        && !matches!(
                            origin,
                            AliasOrigin::Ticker | AliasOrigin::Descriptive | AliasOrigin::ShortForm
                        )
                    {
                        s.insert(simple_norm(a));
                    }
                }
                s.remove("");
                s
            })
            .collect();
        let id_sets: Vec<BTreeSet<String>> = ids
            .iter()
            .zip(&name_sets)
            .map(|(id, names)| {
                let mut s = names.clone();
                s.insert(simple_norm(id));
                s
            })
            .collect();
        // Pattern entities merge with anything sharing a normalised name;
        // two gazetteer entities never merge.
        let mut by_name: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (i, names) in name_sets.iter().enumerate() {
            for n in names {
                by_name.entry(n.as_str()).or_default().push(i);
            }
        }
        let gaz: Vec<bool> = self.entities.values().map(|a| a.gazetteer).collect();
        for members in by_name.values() {
            for w in members.windows(2) {
                let (a, b) = (w[0], w[1]);
                let (ra, rb) = (uf.find(a), uf.find(b));
                if ra == rb {
                    continue;
                }
                if uf.has_gazetteer(ra, &gaz) && uf.has_gazetteer(rb, &gaz) {
                    continue;
                }
                if self
                    .rules
                    .forbids(&uf.names(ra, &id_sets), &uf.names(rb, &id_sets))
                {
                    continue;
                }
                uf.union(a, b);
            }
        }
        // Groups in a canonical order.
        let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for i in 0..ids.len() {
            groups.entry(uf.find(i)).or_default().push(i);
        }
        let doc_index: HashMap<&str, u32> = self
            .documents
            .keys()
            .enumerate()
            .map(|(i, d)| (d.as_str(), i as u32))
            .collect();
        let accs: Vec<&EntityAcc> = self.entities.values().collect();
        let mut canonical: HashMap<&str, String> = HashMap::new();
        let mut nodes = Vec::with_capacity(groups.len());
        for members in groups.values() {
            let node = merge_group(members, &ids, &accs, &self.documents, &doc_index);
            for &m in members {
                canonical.insert(ids[m].as_str(), node.id.clone());
            }
            nodes.push(node);
        }
        let _ = &index;
        // Edges keyed by resolved ids.
        let mut edges_acc: BTreeMap<(RelationKind, String, String), Vec<Evidence>> =
            BTreeMap::new();
        for ((kind, s, t), acc) in self.relations {
            let (Some(s), Some(t)) = (canonical.get(s.as_str()), canonical.get(t.as_str())) else {
                continue;
            };
            if s == t {
                continue;
            }
            let (s, t) = if kind.is_symmetric() && t < s {
                (t.clone(), s.clone())
            } else {
                (s.clone(), t.clone())
            };
            edges_acc
                .entry((kind, s, t))
                .or_default()
                .extend(acc.evidence);
        }
        let edges = edges_acc
            .into_iter()
            .map(|((kind, source, target), evidence)| make_edge(kind, source, target, evidence))
            .collect();
        KnowledgeGraph::from_parts(nodes, edges, self.documents.into_values().collect())
    }
}

/// Build an edge from all its statements.
pub fn make_edge(
    kind: RelationKind,
    source: String,
    target: String,
    mut evidence: Vec<Evidence>,
) -> Edge {
    evidence.sort_by(|a, b| {
        (&a.doc, a.sentence, &a.rule, &a.trigger).cmp(&(&b.doc, b.sentence, &b.rule, &b.trigger))
    });
    evidence.dedup_by(|a, b| {
        a.doc == b.doc && a.sentence == b.sentence && a.rule == b.rule && a.trigger == b.trigger
    });
    let status = evidence
        .iter()
        .map(|e| e.status)
        .min_by_key(|s| s.rank())
        .unwrap_or(Status::Asserted);
    let confidence = combine_confidence(
        evidence
            .iter()
            .filter(|e| e.status != Status::Negated)
            .map(|e| e.confidence * status_weight(e.status)),
    );
    let first_seen = evidence.iter().filter_map(|e| e.date.clone()).min();
    let last_seen = evidence.iter().filter_map(|e| e.date.clone()).max();
    Edge {
        kind,
        source,
        target,
        status,
        confidence,
        count: evidence.len() as u32,
        first_seen,
        last_seen,
        evidence,
    }
}

fn merge_group(
    members: &[usize],
    ids: &[&String],
    accs: &[&EntityAcc],
    documents: &BTreeMap<String, DocInfo>,
    doc_index: &HashMap<&str, u32>,
) -> Node {
    // Node id: a gazetteer id if any, else the id seen in most documents
    // (ties: the smallest).
    let id = members
        .iter()
        .max_by(|&&a, &&b| {
            (
                accs[a].gazetteer,
                accs[a].docs.len(),
                std::cmp::Reverse(ids[a]),
            )
                .cmp(&(
                    accs[b].gazetteer,
                    accs[b].docs.len(),
                    std::cmp::Reverse(ids[b]),
                ))
        })
        .map(|&i| ids[i].clone())
        .unwrap_or_default();
    let mut names: BTreeMap<&str, u32> = BTreeMap::new();
    let mut kinds: BTreeMap<EntityKind, u32> = BTreeMap::new();
    let mut aliases: BTreeMap<String, AliasOrigin> = BTreeMap::new();
    let mut mentions = 0u64;
    let mut docs: BTreeSet<&str> = BTreeSet::new();
    let mut ticker: Option<String> = None;
    let mut parent: Option<String> = None;
    let gaz_member = members
        .iter()
        .copied()
        .find(|&m| *ids[m] == id && accs[m].gazetteer);
    for &m in members {
        let a = accs[m];
        for (n, c) in &a.names {
            *names.entry(n.as_str()).or_default() += c;
        }
        for (k, c) in &a.kinds {
            *kinds.entry(*k).or_default() += c;
        }
        for (al, o) in &a.aliases {
            let slot = aliases.entry(al.clone()).or_insert(*o);
            if *o < *slot {
                *slot = *o;
            }
        }
        mentions += a.mentions;
        docs.extend(a.docs.iter().map(String::as_str));
        if let Some(t) = &a.ticker {
            if ticker.as_ref().is_none_or(|x| t < x) {
                ticker = Some(t.clone());
            }
        }
        if a.parent.is_some() && parent.is_none() {
            parent = a.parent.clone();
        }
    }
    // Display name: the gazetteer name, else the most used, then longest.
    let name = match gaz_member {
        Some(g) => accs[g]
            .names
            .iter()
            .max_by(|a, b| {
                (a.1, a.0.len(), std::cmp::Reverse(a.0)).cmp(&(
                    b.1,
                    b.0.len(),
                    std::cmp::Reverse(b.0),
                ))
            })
            .map(|(n, _)| n.clone())
            .unwrap_or_default(),
        None => names
            .iter()
            .max_by(|a, b| {
                (a.1, a.0.len(), std::cmp::Reverse(a.0)).cmp(&(
                    b.1,
                    b.0.len(),
                    std::cmp::Reverse(b.0),
                ))
            })
            .map(|(n, _)| (*n).to_string())
            .unwrap_or_default(),
    };
    let kind = match gaz_member {
        Some(g) => accs[g]
            .kinds
            .keys()
            .next()
            .copied()
            .unwrap_or(EntityKind::Firm),
        None => kinds
            .iter()
            .max_by(|a, b| (a.1, std::cmp::Reverse(a.0)).cmp(&(b.1, std::cmp::Reverse(b.0))))
            .map(|(k, _)| *k)
            .unwrap_or(EntityKind::Firm),
    };
    // Other names of the group become aliases merged across documents.
    for n in names.keys() {
        if *n != name {
            aliases
                .entry((*n).to_string())
                .or_insert(AliasOrigin::CrossDocument);
        }
    }
    aliases.remove(&name);
    let doc_ids: Vec<u32> = docs
        .iter()
        .filter_map(|d| doc_index.get(d).copied())
        .collect();
    let dates: Vec<&str> = docs
        .iter()
        .filter_map(|d| documents.get(*d).and_then(|i| i.date.as_deref()))
        .collect();
    Node {
        id,
        name,
        kind,
        aliases: aliases
            .into_iter()
            .map(|(name, origin)| Alias { name, origin })
            .collect(),
        mentions,
        documents: doc_ids,
        first_seen: dates.iter().min().map(|s| (*s).to_string()),
        last_seen: dates.iter().max().map(|s| (*s).to_string()),
        ticker,
        parent,
    }
}

struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind {
            parent: (0..n).collect(),
        }
    }
    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }
    /// Union by smallest index, so roots are canonical.
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.parent[hi] = lo;
        }
    }
    fn members(&mut self, root: usize) -> Vec<usize> {
        (0..self.parent.len())
            .filter(|&i| self.find(i) == root)
            .collect()
    }
    fn has_gazetteer(&mut self, root: usize, gaz: &[bool]) -> bool {
        self.members(root).iter().any(|&i| gaz[i])
    }
    fn names(&mut self, root: usize, sets: &[BTreeSet<String>]) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        for i in self.members(root) {
            out.extend(sets[i].iter().cloned());
        }
        out
    }
}
