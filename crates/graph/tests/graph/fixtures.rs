//! Hand-written per-document extractions (the input of the graph stage).

use newsgraph_extract::{
    Alias, AliasOrigin, DocExtraction, Entity, EntityKind, EntitySource, Evidence, Relation,
    RelationKind, Status, relation_from,
};
use newsgraph_graph::{GraphBuilder, KnowledgeGraph};

/// A gazetteer entity.
pub fn gaz(id: &str, name: &str, kind: EntityKind, aliases: &[&str]) -> Entity {
    entity(
        id,
        name,
        kind,
        aliases,
        EntitySource::Gazetteer,
        AliasOrigin::Gazetteer,
    )
}

/// An entity recognised by a name pattern (not in the gazetteer).
pub fn pat(id: &str, name: &str, kind: EntityKind, aliases: &[&str]) -> Entity {
    entity(
        id,
        name,
        kind,
        aliases,
        EntitySource::Pattern,
        AliasOrigin::NameVariant,
    )
}

fn entity(
    id: &str,
    name: &str,
    kind: EntityKind,
    aliases: &[&str],
    source: EntitySource,
    origin: AliasOrigin,
) -> Entity {
    Entity {
        id: id.to_string(),
        name: name.to_string(),
        kind,
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        alias_origins: aliases
            .iter()
            .map(|a| Alias {
                name: a.to_string(),
                origin,
            })
            .collect(),
        mentions: 1,
        source,
        parent: None,
        ticker: None,
    }
}

/// One statement of a relation in document `doc`, sentence `sentence`.
pub fn ev(doc: &str, date: Option<&str>, sentence: u32, status: Status) -> Evidence {
    Evidence {
        doc: doc.to_string(),
        date: date.map(str::to_string),
        sentence,
        start: sentence * 100,
        end: sentence * 100 + 50,
        text: format!("Sentence {sentence} of {doc}."),
        trigger: "trigger".to_string(),
        rule: "test.rule".to_string(),
        status,
        confidence: 0.8,
    }
}

/// A relation with its statements.
pub fn rel(kind: RelationKind, source: &str, target: &str, evidence: Vec<Evidence>) -> Relation {
    relation_from(kind, source.to_string(), target.to_string(), evidence)
}

/// A relation stated once, as fact, in sentence 0 of `doc`.
pub fn fact(doc: &DocExtraction, kind: RelationKind, source: &str, target: &str) -> Relation {
    rel(
        kind,
        source,
        target,
        vec![ev(&doc.doc, doc.date.as_deref(), 0, Status::Asserted)],
    )
}

/// A document's extraction.
pub fn doc(id: &str, date: Option<&str>, entities: Vec<Entity>) -> DocExtraction {
    let mut entities = entities;
    entities.sort_by(|a, b| a.id.cmp(&b.id));
    DocExtraction {
        doc: id.to_string(),
        title: Some(format!("Title of {id}")),
        date: date.map(str::to_string),
        url: None,
        hash: format!("{:016x}", id.len()),
        bytes: 100,
        sentences: 3,
        entities,
        relations: Vec::new(),
    }
}

/// Add relations to a document (kept in the (kind, source, target) order
/// extraction gives them).
pub fn with(mut d: DocExtraction, relations: Vec<Relation>) -> DocExtraction {
    d.relations = relations;
    d.relations
        .sort_by(|a, b| (a.kind, &a.source, &a.target).cmp(&(b.kind, &b.source, &b.target)));
    d
}

/// Build a graph from documents, added in the order given.
pub fn build(docs: &[DocExtraction]) -> KnowledgeGraph {
    let mut b = GraphBuilder::new();
    for d in docs {
        b.add(d);
    }
    b.finish()
}

/// A small news world: the Pentagon and OpenAI, Anthropic, AWS, Amazon, in
/// four documents with contracts, a dispute, a partnership and part_of.
pub fn world() -> Vec<DocExtraction> {
    use EntityKind::*;
    use RelationKind::*;
    let d1 = doc(
        "news/a.txt",
        Some("2024-01-10"),
        vec![
            gaz("dod", "Department of Defense", Agency, &["Pentagon"]),
            gaz("openai", "OpenAI", Firm, &[]),
            gaz("aws", "Amazon Web Services", Cloud, &["AWS"]),
        ],
    );
    let r1 = vec![
        fact(&d1, Contract, "openai", "dod"),
        fact(&d1, Partnership, "aws", "openai"),
    ];
    let d1 = with(d1, r1);
    let d2 = doc(
        "news/b.md",
        Some("2024-05-02"),
        vec![
            gaz("dod", "Department of Defense", Agency, &["DoD"]),
            gaz("anthropic", "Anthropic", Firm, &[]),
        ],
    );
    let r2 = vec![fact(&d2, Dispute, "dod", "anthropic")];
    let d2 = with(d2, r2);
    let d3 = doc(
        "news/c.txt",
        None,
        vec![
            gaz("aws", "Amazon Web Services", Cloud, &[]),
            gaz("amazon", "Amazon", Firm, &[]),
        ],
    );
    let r3 = vec![fact(&d3, PartOf, "aws", "amazon")];
    let d3 = with(d3, r3);
    let d4 = doc(
        "wire.jsonl#7",
        Some("2023-11-30"),
        vec![
            gaz("anthropic", "Anthropic", Firm, &[]),
            gaz("amazon", "Amazon", Firm, &[]),
            pat("org:zorbex labs", "Zorbex Labs", Firm, &[]),
        ],
    );
    let r4 = vec![
        fact(&d4, Investment, "amazon", "anthropic"),
        fact(&d4, Acquisition, "anthropic", "org:zorbex labs"),
    ];
    let d4 = with(d4, r4);
    vec![d1, d2, d3, d4]
}
