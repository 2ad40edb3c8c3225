//! A small hand-made graph for the unit tests of the query modules.

use crate::graph::KnowledgeGraph;
use crate::model::{DocInfo, Node};
use newsgraph_extract::{Alias, AliasOrigin, EntityKind, Evidence, RelationKind, Status};

fn node(id: &str, name: &str, kind: EntityKind, aliases: &[&str], mentions: u64) -> Node {
    Node {
        id: id.into(),
        name: name.into(),
        kind,
        aliases: aliases
            .iter()
            .map(|a| Alias {
                name: (*a).into(),
                origin: AliasOrigin::Gazetteer,
            })
            .collect(),
        mentions,
        documents: vec![0],
        first_seen: Some("2024-01-10".into()),
        last_seen: Some("2024-06-01".into()),
        ticker: None,
        parent: None,
    }
}

fn ev(doc: &str, date: Option<&str>, status: Status, confidence: f32, text: &str) -> Evidence {
    Evidence {
        doc: doc.into(),
        date: date.map(Into::into),
        sentence: 0,
        start: 0,
        end: text.len() as u32,
        text: text.into(),
        trigger: "t".into(),
        rule: "r".into(),
        status,
        confidence,
    }
}

/// Seven organisations and nine relations:
///
/// ```text
/// acme  -contract-> navy (2024-01-10)   acme -dispute-> navy (2024-03-01)
/// bolt  -contract-> navy (hedged)       bolt -contract-> gsa (2023-12-01)
/// gsa   -dispute->  bolt (reported)     navy -part_of-> dod (undated)
/// aws   -part_of->  amazon              aws  -contract-> dod (2024-06-01)
/// acme  -partnership- aws (reported)
/// ```
pub(crate) fn sample() -> KnowledgeGraph {
    use RelationKind::*;
    use Status::*;
    let nodes = vec![
        node(
            "dod",
            "Department of Defense",
            EntityKind::Agency,
            &["DoD", "Pentagon"],
            9,
        ),
        node(
            "navy",
            "Department of the Navy",
            EntityKind::Agency,
            &["Navy"],
            5,
        ),
        node(
            "gsa",
            "General Services Administration",
            EntityKind::Agency,
            &["GSA"],
            4,
        ),
        node("acme", "Acme Corp", EntityKind::Firm, &[], 6),
        node("bolt", "Bolt Systems", EntityKind::Firm, &[], 3),
        node("aws", "Amazon Web Services", EntityKind::Cloud, &["AWS"], 7),
        node("amazon", "Amazon", EntityKind::Firm, &[], 2),
    ];
    let e = |kind, s: &str, t: &str, evidence: Vec<Evidence>| {
        crate::make_edge(kind, s.into(), t.into(), evidence)
    };
    let edges = vec![
        e(
            Contract,
            "acme",
            "navy",
            vec![ev(
                "d1",
                Some("2024-01-10"),
                Asserted,
                0.9,
                "The Navy awarded Acme a contract.",
            )],
        ),
        e(
            Dispute,
            "acme",
            "navy",
            vec![ev(
                "d2",
                Some("2024-03-01"),
                Asserted,
                0.8,
                "Acme protested the Navy award.",
            )],
        ),
        e(
            Contract,
            "bolt",
            "navy",
            vec![ev(
                "d2",
                Some("2024-03-01"),
                Hedged,
                0.5,
                "Bolt may supply the Navy.",
            )],
        ),
        e(
            Contract,
            "bolt",
            "gsa",
            vec![
                ev(
                    "d0",
                    Some("2023-12-01"),
                    Asserted,
                    0.7,
                    "GSA bought Bolt software.",
                ),
                ev(
                    "d3",
                    Some("2024-05-05"),
                    Asserted,
                    0.6,
                    "Bolt renewed its GSA deal.",
                ),
            ],
        ),
        e(
            Dispute,
            "gsa",
            "bolt",
            vec![ev(
                "d3",
                Some("2024-05-05"),
                Reported,
                0.6,
                "GSA is said to have fined Bolt.",
            )],
        ),
        e(
            PartOf,
            "navy",
            "dod",
            vec![ev(
                "d9",
                None,
                Asserted,
                0.95,
                "The Navy, part of the Pentagon.",
            )],
        ),
        e(
            PartOf,
            "aws",
            "amazon",
            vec![ev(
                "d1",
                Some("2024-01-10"),
                Asserted,
                0.95,
                "AWS, Amazon's cloud unit.",
            )],
        ),
        e(
            Contract,
            "aws",
            "dod",
            vec![ev(
                "d4",
                Some("2024-06-01"),
                Asserted,
                0.9,
                "AWS will host Pentagon data.",
            )],
        ),
        e(
            Partnership,
            "acme",
            "aws",
            vec![ev(
                "d1",
                Some("2024-02-02"),
                Reported,
                0.5,
                "Acme teams with AWS, it said.",
            )],
        ),
    ];
    let documents = ["d0", "d1", "d2", "d3", "d4", "d9"]
        .iter()
        .map(|d| DocInfo {
            id: (*d).into(),
            title: None,
            date: None,
            url: None,
            hash: String::new(),
        })
        .collect();
    KnowledgeGraph::from_parts(nodes, edges, documents)
}
