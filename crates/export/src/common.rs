//! Helpers shared by the exporters: number formatting, evidence choice,
//! dates, names and colours.

use newsgraph_extract::{EntityKind, Evidence, RelationKind, Status};
use newsgraph_graph::{Edge, KnowledgeGraph, Node};

/// A confidence clamped to 0..=1 (non-finite values become 0) and rounded
/// to 4 decimals.
pub(crate) fn confidence(c: f32) -> f64 {
    let c = if c.is_finite() {
        c.clamp(0.0, 1.0)
    } else {
        0.0
    };
    (f64::from(c) * 10_000.0).round() / 10_000.0
}

/// A confidence as text with exactly 4 decimals (`"0.7500"`).
pub(crate) fn confidence_text(c: f32) -> String {
    format!("{:.4}", confidence(c))
}

/// The statement that best supports an edge: statements that deny the
/// relation only when nothing else is there; then the highest confidence,
/// then the earliest date (dated before undated), then the first in the
/// edge's order (document, sentence, rule). The same choice as the queries
/// make ([`newsgraph_graph::query::best_evidence`]).
pub(crate) fn best_evidence(edge: &Edge) -> Option<&Evidence> {
    newsgraph_graph::query::best_evidence(edge)
}

/// Whether every statement of the edge denies the relation.
pub(crate) fn negated_only(edge: &Edge) -> bool {
    edge.status == Status::Negated
}

/// Whether `s` is a valid ISO 8601 calendar date `YYYY-MM-DD` (so it is
/// also a valid `xs:date`).
pub(crate) fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |acc, &c| {
            c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
        })
    };
    let (Some(year), Some(month), Some(day)) = (digits(0..4), digits(5..7), digits(8..10)) else {
        return false;
    };
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    year >= 1 && (1..=days).contains(&day)
}

/// The ids of the documents that mention a node, in the node's order.
/// Indices that point past the document list are skipped.
pub(crate) fn document_ids<'g>(
    graph: &'g KnowledgeGraph,
    node: &'g Node,
) -> impl Iterator<Item = &'g str> + 'g {
    let docs = graph.documents();
    node.documents
        .iter()
        .filter_map(move |&i| docs.get(i as usize).map(|d| d.id.as_str()))
}

/// Capitalised entity kind, used as a label or class name (`"Firm"`).
pub(crate) fn entity_class(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Firm => "Firm",
        EntityKind::Cloud => "Cloud",
        EntityKind::Agency => "Agency",
    }
}

/// Upper-case relation kind, used as a Neo4j relationship type
/// (`"PART_OF"`).
pub(crate) fn relation_type(kind: RelationKind) -> &'static str {
    match kind {
        RelationKind::Contract => "CONTRACT",
        RelationKind::Partnership => "PARTNERSHIP",
        RelationKind::Dispute => "DISPUTE",
        RelationKind::Acquisition => "ACQUISITION",
        RelationKind::Investment => "INVESTMENT",
        RelationKind::PartOf => "PART_OF",
    }
}

/// Lower camel-case relation kind, used as an RDF property (`"partOf"`).
pub(crate) fn relation_property(kind: RelationKind) -> &'static str {
    match kind {
        RelationKind::Contract => "contract",
        RelationKind::Partnership => "partnership",
        RelationKind::Dispute => "dispute",
        RelationKind::Acquisition => "acquisition",
        RelationKind::Investment => "investment",
        RelationKind::PartOf => "partOf",
    }
}

/// An RGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rrggbb`.
    pub(crate) fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// Fill colour of an entity kind: firms light blue, clouds orange, agencies
/// green.
pub(crate) fn entity_color(kind: EntityKind) -> Rgb {
    match kind {
        EntityKind::Firm => Rgb(0x9e, 0xca, 0xe1),
        EntityKind::Cloud => Rgb(0xfd, 0xae, 0x6b),
        EntityKind::Agency => Rgb(0xa1, 0xd9, 0x9b),
    }
}

/// Line colour of a relation kind.
pub(crate) fn relation_color(kind: RelationKind) -> Rgb {
    match kind {
        RelationKind::Contract => Rgb(0x1f, 0x77, 0xb4),
        RelationKind::Partnership => Rgb(0x2c, 0xa0, 0x2c),
        RelationKind::Dispute => Rgb(0xd6, 0x27, 0x28),
        RelationKind::Acquisition => Rgb(0x94, 0x67, 0xbd),
        RelationKind::Investment => Rgb(0xe6, 0x55, 0x0d),
        RelationKind::PartOf => Rgb(0x7f, 0x7f, 0x7f),
    }
}

/// The entity kinds and relation kinds present in the graph, each in
/// canonical order.
pub(crate) fn kinds_present(graph: &KnowledgeGraph) -> (Vec<EntityKind>, Vec<RelationKind>) {
    let entities = EntityKind::ALL
        .into_iter()
        .filter(|k| graph.nodes().any(|n| n.kind == *k))
        .collect();
    let relations = RelationKind::ALL
        .into_iter()
        .filter(|k| graph.edges().any(|e| e.kind == *k))
        .collect();
    (entities, relations)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(conf: f32, date: Option<&str>, status: Status, text: &str) -> Evidence {
        Evidence {
            doc: "d".into(),
            date: date.map(str::to_string),
            sentence: 0,
            start: 0,
            end: 0,
            text: text.into(),
            trigger: String::new(),
            rule: String::new(),
            status,
            confidence: conf,
        }
    }

    fn edge(evidence: Vec<Evidence>, status: Status) -> Edge {
        Edge {
            kind: RelationKind::Contract,
            source: "a".into(),
            target: "b".into(),
            status,
            confidence: 0.5,
            count: evidence.len() as u32,
            first_seen: None,
            last_seen: None,
            evidence,
        }
    }

    #[test]
    fn confidence_is_clamped_and_rounded() {
        assert_eq!(confidence_text(0.7), "0.7000");
        assert_eq!(confidence_text(0.123_456), "0.1235");
        assert_eq!(confidence_text(f32::NAN), "0.0000");
        assert_eq!(confidence_text(7.0), "1.0000");
        assert_eq!(confidence_text(-1.0), "0.0000");
        assert_eq!(confidence(0.75), 0.75);
    }

    #[test]
    fn best_evidence_prefers_confidence_then_date_and_skips_denials() {
        let e = edge(
            vec![
                ev(0.5, Some("2024-02-01"), Status::Asserted, "a"),
                ev(0.9, Some("2024-03-01"), Status::Negated, "denied"),
                ev(0.7, Some("2024-05-01"), Status::Reported, "b"),
                ev(0.7, Some("2024-04-01"), Status::Asserted, "c"),
                ev(0.7, None, Status::Asserted, "d"),
            ],
            Status::Asserted,
        );
        assert_eq!(best_evidence(&e).map(|e| e.text.as_str()), Some("c"));
        let n = edge(
            vec![
                ev(0.4, None, Status::Negated, "x"),
                ev(0.6, None, Status::Negated, "y"),
            ],
            Status::Negated,
        );
        assert_eq!(best_evidence(&n).map(|e| e.text.as_str()), Some("y"));
        assert!(best_evidence(&edge(vec![], Status::Asserted)).is_none());
    }

    #[test]
    fn iso_dates_are_checked() {
        assert!(is_iso_date("2024-02-29"));
        assert!(!is_iso_date("2023-02-29"));
        assert!(is_iso_date("2000-02-29"));
        assert!(!is_iso_date("1900-02-29"));
        assert!(!is_iso_date("2024-13-01"));
        assert!(!is_iso_date("2024-1-01"));
        assert!(!is_iso_date("2024"));
        assert!(!is_iso_date("0000-01-01"));
        assert!(!is_iso_date("2024-04-31"));
        assert!(!is_iso_date("２０２４-01-01"));
    }
}
