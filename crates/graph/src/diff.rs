//! What changed between two graphs: entities and relations added, removed,
//! or changed (new evidence, new aliases, another status...).
//!
//! Entities are matched by canonical id, relations by (source, target,
//! kind), statements by (document, sentence, rule, trigger).

use crate::graph::KnowledgeGraph;
use crate::model::{Edge, Node};
use newsgraph_extract::{EntityKind, Evidence, RelationKind, Status};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// An entity in a diff.
#[derive(Debug, Clone, Serialize)]
pub struct EntityRef {
    /// Canonical id.
    pub id: String,
    /// Display name (in the newer graph when it is there).
    pub name: String,
    /// Entity kind (in the newer graph when it is there).
    pub kind: EntityKind,
}

impl EntityRef {
    fn of(n: &Node) -> Self {
        EntityRef {
            id: n.id.clone(),
            name: n.name.clone(),
            kind: n.kind,
        }
    }
}

/// An entity present in both graphs that changed.
#[derive(Debug, Clone, Serialize)]
pub struct EntityChange {
    /// The entity (as in the newer graph).
    pub entity: EntityRef,
    /// What changed, one short phrase each (`"kind firm -> agency"`,
    /// `"new alias DoD"`, `"mentions 3 -> 5"`, `"2 new documents"`).
    pub changes: Vec<String>,
}

/// A relation in a diff.
#[derive(Debug, Clone, Serialize)]
pub struct RelationRef {
    /// Relation kind.
    pub kind: RelationKind,
    /// Source entity.
    pub source: EntityRef,
    /// Target entity.
    pub target: EntityRef,
    /// Status (in the newer graph when it is there).
    pub status: Status,
    /// Confidence (in the newer graph when it is there).
    pub confidence: f32,
    /// Number of statements (in the newer graph when it is there).
    pub count: u32,
}

/// A relation present in both graphs that changed.
#[derive(Debug, Clone, Serialize)]
pub struct RelationChange {
    /// The relation (as in the newer graph).
    pub relation: RelationRef,
    /// Statements only in the newer graph.
    pub new_evidence: Vec<Evidence>,
    /// Number of statements only in the older graph.
    pub removed_evidence: usize,
    /// Other changes, one short phrase each (`"status hedged -> asserted"`,
    /// `"confidence 0.50 -> 0.75"`).
    pub changes: Vec<String>,
}

/// Everything that differs between two graphs, each list in id order.
#[derive(Debug, Clone, Default, Serialize)]
pub struct GraphDiff {
    /// Entities only in the newer graph.
    pub entities_added: Vec<EntityRef>,
    /// Entities only in the older graph.
    pub entities_removed: Vec<EntityRef>,
    /// Entities in both that changed.
    pub entities_changed: Vec<EntityChange>,
    /// Relations only in the newer graph, with their statements.
    pub relations_added: Vec<(RelationRef, Vec<Evidence>)>,
    /// Relations only in the older graph.
    pub relations_removed: Vec<RelationRef>,
    /// Relations in both that changed.
    pub relations_changed: Vec<RelationChange>,
    /// Documents only in the newer graph.
    pub documents_added: usize,
    /// Documents only in the older graph.
    pub documents_removed: usize,
}

impl GraphDiff {
    /// Whether the graphs hold the same entities and relations.
    pub fn is_empty(&self) -> bool {
        self.entities_added.is_empty()
            && self.entities_removed.is_empty()
            && self.entities_changed.is_empty()
            && self.relations_added.is_empty()
            && self.relations_removed.is_empty()
            && self.relations_changed.is_empty()
    }

    /// Relations with at least one new statement.
    pub fn relations_with_new_evidence(&self) -> usize {
        self.relations_changed
            .iter()
            .filter(|c| !c.new_evidence.is_empty())
            .count()
    }
}

type EvidenceKey<'a> = (&'a str, u32, &'a str, &'a str);

fn evidence_key(e: &Evidence) -> EvidenceKey<'_> {
    (&e.doc, e.sentence, &e.rule, &e.trigger)
}

fn entity_ref(g: &KnowledgeGraph, id: &str) -> EntityRef {
    g.node(id).map(EntityRef::of).unwrap_or_else(|| EntityRef {
        id: id.to_string(),
        name: id.to_string(),
        kind: EntityKind::Firm,
    })
}

fn relation_ref(g: &KnowledgeGraph, e: &Edge) -> RelationRef {
    RelationRef {
        kind: e.kind,
        source: entity_ref(g, &e.source),
        target: entity_ref(g, &e.target),
        status: e.status,
        confidence: e.confidence,
        count: e.count,
    }
}

/// Compare an older graph with a newer one.
pub fn diff(old: &KnowledgeGraph, new: &KnowledgeGraph) -> GraphDiff {
    let mut out = GraphDiff::default();

    let old_docs: BTreeSet<&str> = old.documents().iter().map(|d| d.id.as_str()).collect();
    let new_docs: BTreeSet<&str> = new.documents().iter().map(|d| d.id.as_str()).collect();
    out.documents_added = new_docs.difference(&old_docs).count();
    out.documents_removed = old_docs.difference(&new_docs).count();

    let old_nodes: BTreeMap<&str, &Node> = old.nodes().map(|n| (n.id.as_str(), n)).collect();
    let new_nodes: BTreeMap<&str, &Node> = new.nodes().map(|n| (n.id.as_str(), n)).collect();
    for (id, n) in &new_nodes {
        let Some(o) = old_nodes.get(id) else {
            out.entities_added.push(EntityRef::of(n));
            continue;
        };
        let mut changes = Vec::new();
        if o.name != n.name {
            changes.push(format!("name {} -> {}", o.name, n.name));
        }
        if o.kind != n.kind {
            changes.push(format!("kind {} -> {}", o.kind, n.kind));
        }
        let old_aliases: BTreeSet<&str> = o.alias_names().collect();
        let new_aliases: BTreeSet<&str> = n.alias_names().collect();
        for a in new_aliases.difference(&old_aliases) {
            changes.push(format!("new alias {a}"));
        }
        for a in old_aliases.difference(&new_aliases) {
            changes.push(format!("lost alias {a}"));
        }
        let doc_ids = |g: &'_ KnowledgeGraph, n: &Node| -> BTreeSet<String> {
            n.documents
                .iter()
                .filter_map(|&i| g.documents().get(i as usize).map(|d| d.id.clone()))
                .collect()
        };
        let (od, nd) = (doc_ids(old, o), doc_ids(new, n));
        let gained = nd.difference(&od).count();
        let lost = od.difference(&nd).count();
        if gained > 0 {
            changes.push(format!(
                "{gained} new document{}",
                if gained == 1 { "" } else { "s" }
            ));
        }
        if lost > 0 {
            changes.push(format!(
                "{lost} document{} fewer",
                if lost == 1 { "" } else { "s" }
            ));
        }
        if o.mentions != n.mentions {
            changes.push(format!("mentions {} -> {}", o.mentions, n.mentions));
        }
        if !changes.is_empty() {
            out.entities_changed.push(EntityChange {
                entity: EntityRef::of(n),
                changes,
            });
        }
    }
    for (id, o) in &old_nodes {
        if !new_nodes.contains_key(id) {
            out.entities_removed.push(EntityRef::of(o));
        }
    }

    type EdgeKey<'a> = (&'a str, &'a str, RelationKind);
    let old_edges: BTreeMap<EdgeKey<'_>, &Edge> = old
        .edges()
        .map(|e| ((e.source.as_str(), e.target.as_str(), e.kind), e))
        .collect();
    let new_edges: BTreeMap<EdgeKey<'_>, &Edge> = new
        .edges()
        .map(|e| ((e.source.as_str(), e.target.as_str(), e.kind), e))
        .collect();
    for (key, e) in &new_edges {
        let Some(o) = old_edges.get(key) else {
            out.relations_added
                .push((relation_ref(new, e), e.evidence.clone()));
            continue;
        };
        let old_keys: BTreeSet<EvidenceKey<'_>> = o.evidence.iter().map(evidence_key).collect();
        let new_keys: BTreeSet<EvidenceKey<'_>> = e.evidence.iter().map(evidence_key).collect();
        let new_evidence: Vec<Evidence> = e
            .evidence
            .iter()
            .filter(|ev| !old_keys.contains(&evidence_key(ev)))
            .cloned()
            .collect();
        let removed_evidence = old_keys.difference(&new_keys).count();
        let mut changes = Vec::new();
        if o.status != e.status {
            changes.push(format!("status {} -> {}", o.status, e.status));
        }
        if format!("{:.2}", o.confidence) != format!("{:.2}", e.confidence) {
            changes.push(format!(
                "confidence {:.2} -> {:.2}",
                o.confidence, e.confidence
            ));
        }
        if !new_evidence.is_empty() || removed_evidence > 0 || !changes.is_empty() {
            out.relations_changed.push(RelationChange {
                relation: relation_ref(new, e),
                new_evidence,
                removed_evidence,
                changes,
            });
        }
    }
    for (key, o) in &old_edges {
        if !new_edges.contains_key(key) {
            out.relations_removed.push(relation_ref(old, o));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testgraph::sample;

    #[test]
    fn same_graph_has_no_changes() {
        let g = sample();
        assert!(diff(&g, &g).is_empty());
    }

    #[test]
    fn additions_removals_and_new_evidence() {
        let old = sample();
        let (mut nodes, mut edges, docs) = sample().into_parts();
        nodes.retain(|n| n.id != "amazon");
        nodes[0].aliases.clear(); // acme has none; first node by id is acme
        let navy = nodes.iter_mut().find(|n| n.id == "navy").expect("navy");
        navy.mentions += 1;
        let e = edges
            .iter_mut()
            .find(|e| e.source == "acme" && e.target == "navy" && e.kind == RelationKind::Contract)
            .expect("edge");
        let mut ev = e.evidence[0].clone();
        ev.doc = "d5".into();
        ev.sentence = 4;
        let rebuilt = crate::make_edge(
            e.kind,
            e.source.clone(),
            e.target.clone(),
            vec![e.evidence[0].clone(), ev],
        );
        *e = rebuilt;
        let new = KnowledgeGraph::from_parts(nodes, edges, docs);
        let d = diff(&old, &new);
        assert_eq!(d.entities_removed.len(), 1);
        assert_eq!(d.entities_removed[0].id, "amazon");
        assert_eq!(d.relations_removed.len(), 1, "aws part_of amazon goes too");
        assert_eq!(d.entities_changed.len(), 1);
        assert_eq!(d.entities_changed[0].changes, ["mentions 5 -> 6"]);
        assert_eq!(d.relations_with_new_evidence(), 1);
        let c = &d.relations_changed[0];
        assert_eq!(c.new_evidence.len(), 1);
        assert_eq!(c.changes, ["confidence 0.90 -> 0.99"]);
        assert!(d.entities_added.is_empty() && d.relations_added.is_empty());
        let back = diff(&new, &old);
        assert_eq!(back.entities_added.len(), 1);
        assert_eq!(back.relations_added.len(), 1);
    }
}
