//! RDF as N-Triples and Turtle, in the vocabulary documented in
//! `crates/export/VOCABULARY.md`.
//!
//! Both writers emit the same triples, subject by subject: every entity
//! (graph order), every relation with its evidence (graph order), then every
//! document. Literals are escaped as N-Triples requires (`\"`, `\\`, `\n`,
//! `\r`, `\t`, and `\uXXXX` for other control characters and U+FFFE/U+FFFF);
//! ids in IRIs are percent-encoded (UTF-8), keeping only the unreserved
//! characters and `:`.

use crate::common::{
    best_evidence, confidence_text, document_ids, entity_class, is_iso_date, negated_only,
    relation_property,
};
use newsgraph_graph::{Edge, KnowledgeGraph, Node};
use std::fmt::Write as _;
use std::io::{self, Write};

/// The vocabulary namespace (prefix `ng:`).
pub const NS: &str = "https://newsgraph.dev/ns#";
/// Base of entity IRIs: an entity is `ENTITY_BASE` + its percent-encoded id.
pub const ENTITY_BASE: &str = "https://newsgraph.dev/entity/";
/// Base of relation IRIs: `RELATION_BASE` + source + `/` + kind + `/` + target.
const RELATION_BASE: &str = "https://newsgraph.dev/relation/";
/// Base of document IRIs.
const DOCUMENT_BASE: &str = "https://newsgraph.dev/document/";

const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const RDFS: &str = "http://www.w3.org/2000/01/rdf-schema#";
const XSD: &str = "http://www.w3.org/2001/XMLSchema#";

/// The `@prefix` lines of Turtle, also used to abbreviate IRIs.
const PREFIXES: &[(&str, &str)] = &[
    ("ng", NS),
    ("rdf", RDF),
    ("rdfs", RDFS),
    ("xsd", XSD),
    ("ent", ENTITY_BASE),
];

/// The datatype of a literal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Datatype {
    /// A plain string (`xsd:string`).
    String,
    Integer,
    Decimal,
    Boolean,
    Date,
}

impl Datatype {
    fn local(self) -> &'static str {
        match self {
            Datatype::String => "string",
            Datatype::Integer => "integer",
            Datatype::Decimal => "decimal",
            Datatype::Boolean => "boolean",
            Datatype::Date => "date",
        }
    }
}

/// The object of a triple.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Object {
    Iri(String),
    Literal(String, Datatype),
}

/// All triples of one subject.
#[derive(Debug)]
struct Subject {
    iri: String,
    /// (predicate IRI, object).
    props: Vec<(String, Object)>,
}

impl Subject {
    fn new(iri: String) -> Self {
        Subject {
            iri,
            props: Vec::new(),
        }
    }

    fn iri(&mut self, pred: String, iri: String) {
        self.props.push((pred, Object::Iri(iri)));
    }

    fn string(&mut self, pred: String, value: &str) {
        self.props
            .push((pred, Object::Literal(value.to_string(), Datatype::String)));
    }

    fn typed(&mut self, pred: String, value: String, datatype: Datatype) {
        self.props.push((pred, Object::Literal(value, datatype)));
    }

    /// An `xsd:date` when `value` is a valid date, a plain string otherwise.
    fn date(&mut self, pred: String, value: &str) {
        let datatype = if is_iso_date(value) {
            Datatype::Date
        } else {
            Datatype::String
        };
        self.typed(pred, value.to_string(), datatype);
    }
}

fn ng(local: &str) -> String {
    format!("{NS}{local}")
}

fn rdf_type() -> String {
    format!("{RDF}type")
}

/// The IRI of the organisation with this canonical id in the RDF exports:
/// [`ENTITY_BASE`] + the id percent-encoded as UTF-8 (all but `A-Z a-z 0-9
/// - . _ ~ :`).
pub fn entity_iri(id: &str) -> String {
    format!("{ENTITY_BASE}{}", encode_segment(id))
}

fn document_iri(id: &str) -> String {
    format!("{DOCUMENT_BASE}{}", encode_segment(id))
}

fn relation_iri(edge: &Edge) -> String {
    format!(
        "{RELATION_BASE}{}/{}/{}",
        encode_segment(&edge.source),
        edge.kind.as_str(),
        encode_segment(&edge.target)
    )
}

/// Percent-encode `s` as one IRI path segment: every UTF-8 byte except the
/// unreserved characters and `:` is written `%HH`. A segment of only dots
/// has its dots encoded too, so it is never read as `.` or `..`.
pub(crate) fn encode_segment(s: &str) -> String {
    let all_dots = !s.is_empty() && s.bytes().all(|b| b == b'.');
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        let keep = b.is_ascii_alphanumeric()
            || matches!(b, b'-' | b'_' | b'~' | b':')
            || (b == b'.' && !all_dots);
        if keep {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// The triples of one node.
fn node_subject(graph: &KnowledgeGraph, node: &Node) -> Subject {
    let mut s = Subject::new(entity_iri(&node.id));
    s.iri(rdf_type(), ng("Organization"));
    s.iri(rdf_type(), ng(entity_class(node.kind)));
    s.string(format!("{RDFS}label"), &node.name);
    s.string(ng("id"), &node.id);
    s.string(ng("kind"), node.kind.as_str());
    for alias in node.alias_names() {
        s.string(ng("alias"), alias);
    }
    s.typed(ng("mentions"), node.mentions.to_string(), Datatype::Integer);
    s.typed(
        ng("documentCount"),
        node.documents.len().to_string(),
        Datatype::Integer,
    );
    for doc in document_ids(graph, node) {
        s.iri(ng("mentionedIn"), document_iri(doc));
    }
    if let Some(d) = &node.first_seen {
        s.date(ng("firstSeen"), d);
    }
    if let Some(d) = &node.last_seen {
        s.date(ng("lastSeen"), d);
    }
    if let Some(t) = &node.ticker {
        s.string(ng("ticker"), t);
    }
    if let Some(p) = &node.parent {
        s.iri(ng("parent"), entity_iri(p));
    }
    s
}

/// The triples of one relation, then one subject per evidence item.
fn edge_subjects(edge: &Edge) -> Vec<Subject> {
    let iri = relation_iri(edge);
    let mut s = Subject::new(iri.clone());
    s.iri(rdf_type(), ng("Relation"));
    s.iri(ng("source"), entity_iri(&edge.source));
    s.iri(ng("target"), entity_iri(&edge.target));
    s.string(ng("kind"), edge.kind.as_str());
    s.iri(ng("predicate"), ng(relation_property(edge.kind)));
    s.string(ng("status"), edge.status.as_str());
    s.typed(
        ng("symmetric"),
        edge.kind.is_symmetric().to_string(),
        Datatype::Boolean,
    );
    s.typed(
        ng("confidence"),
        confidence_text(edge.confidence),
        Datatype::Decimal,
    );
    s.typed(
        ng("evidenceCount"),
        edge.count.to_string(),
        Datatype::Integer,
    );
    if let Some(d) = &edge.first_seen {
        s.date(ng("firstSeen"), d);
    }
    if let Some(d) = &edge.last_seen {
        s.date(ng("lastSeen"), d);
    }
    let best = best_evidence(edge);
    let mut evidence = Vec::with_capacity(edge.evidence.len());
    for (i, ev) in edge.evidence.iter().enumerate() {
        let ev_iri = format!("{iri}/evidence/{i}");
        s.iri(ng("evidence"), ev_iri.clone());
        if best.is_some_and(|b| std::ptr::eq(b, ev)) {
            s.iri(ng("bestEvidence"), ev_iri.clone());
        }
        let mut e = Subject::new(ev_iri);
        e.iri(rdf_type(), ng("Evidence"));
        e.string(ng("sentence"), &ev.text);
        e.iri(ng("document"), document_iri(&ev.doc));
        if let Some(d) = &ev.date {
            e.date(ng("date"), d);
        }
        e.typed(
            ng("sentenceIndex"),
            ev.sentence.to_string(),
            Datatype::Integer,
        );
        e.typed(ng("start"), ev.start.to_string(), Datatype::Integer);
        e.typed(ng("end"), ev.end.to_string(), Datatype::Integer);
        e.string(ng("trigger"), &ev.trigger);
        e.string(ng("rule"), &ev.rule);
        e.string(ng("status"), ev.status.as_str());
        e.typed(
            ng("confidence"),
            confidence_text(ev.confidence),
            Datatype::Decimal,
        );
        evidence.push(e);
    }
    let mut all = Vec::with_capacity(1 + evidence.len());
    all.push(s);
    all.extend(evidence);
    all
}

/// Call `f` on every subject, in output order.
fn for_each_subject(
    graph: &KnowledgeGraph,
    mut f: impl FnMut(&Subject) -> io::Result<()>,
) -> io::Result<()> {
    for node in graph.nodes() {
        f(&node_subject(graph, node))?;
    }
    for edge in graph.edges() {
        // The direct relation triple (both ways for symmetric kinds), unless
        // every statement denies the relation.
        if !negated_only(edge) {
            let pred = ng(relation_property(edge.kind));
            let mut direct = Subject::new(entity_iri(&edge.source));
            direct.iri(pred.clone(), entity_iri(&edge.target));
            f(&direct)?;
            if edge.kind.is_symmetric() {
                let mut reverse = Subject::new(entity_iri(&edge.target));
                reverse.iri(pred, entity_iri(&edge.source));
                f(&reverse)?;
            }
        }
        for s in edge_subjects(edge) {
            f(&s)?;
        }
    }
    for doc in graph.documents() {
        let mut s = Subject::new(document_iri(&doc.id));
        s.iri(rdf_type(), ng("Document"));
        s.string(ng("id"), &doc.id);
        if let Some(t) = &doc.title {
            s.string(ng("title"), t);
        }
        if let Some(d) = &doc.date {
            s.date(ng("date"), d);
        }
        if let Some(u) = &doc.url {
            s.string(ng("url"), u);
        }
        s.string(ng("hash"), &doc.hash);
        f(&s)?;
    }
    Ok(())
}

/// Write the graph as N-Triples.
pub(crate) fn write_ntriples(graph: &KnowledgeGraph, out: &mut dyn Write) -> io::Result<()> {
    let mut buf = String::with_capacity(1024);
    for_each_subject(graph, |s| {
        buf.clear();
        for (pred, obj) in &s.props {
            let _ = write!(buf, "<{}> <{pred}> ", s.iri);
            match obj {
                Object::Iri(iri) => {
                    let _ = write!(buf, "<{iri}>");
                }
                Object::Literal(value, datatype) => {
                    push_literal(&mut buf, value);
                    if *datatype != Datatype::String {
                        let _ = write!(buf, "^^<{XSD}{}>", datatype.local());
                    }
                }
            }
            buf.push_str(" .\n");
        }
        out.write_all(buf.as_bytes())
    })
}

/// Write the graph as Turtle.
pub(crate) fn write_turtle(graph: &KnowledgeGraph, out: &mut dyn Write) -> io::Result<()> {
    let mut buf = String::with_capacity(1024);
    buf.push_str("# newsgraph knowledge graph; vocabulary: see VOCABULARY.md\n");
    for (prefix, ns) in PREFIXES {
        let _ = writeln!(buf, "@prefix {prefix}: <{ns}> .");
    }
    out.write_all(buf.as_bytes())?;
    for_each_subject(graph, |s| {
        buf.clear();
        buf.push('\n');
        push_turtle_iri(&mut buf, &s.iri);
        let mut previous: Option<&str> = None;
        for (pred, obj) in &s.props {
            if previous == Some(pred.as_str()) {
                // Same predicate again: an object list.
                buf.push_str(", ");
            } else {
                buf.push_str(if previous.is_none() { " " } else { " ;\n    " });
                if *pred == rdf_type() {
                    buf.push('a');
                } else {
                    push_turtle_iri(&mut buf, pred);
                }
                buf.push(' ');
            }
            previous = Some(pred);
            match obj {
                Object::Iri(iri) => push_turtle_iri(&mut buf, iri),
                Object::Literal(value, datatype) => match datatype {
                    Datatype::String => push_literal(&mut buf, value),
                    // Turtle's bare numbers and booleans; the values are
                    // written by this module, so they are well-formed.
                    Datatype::Integer | Datatype::Decimal | Datatype::Boolean => {
                        buf.push_str(value);
                    }
                    Datatype::Date => {
                        push_literal(&mut buf, value);
                        buf.push_str("^^xsd:date");
                    }
                },
            }
        }
        buf.push_str(" .\n");
        out.write_all(buf.as_bytes())
    })
}

/// Append an IRI, as a prefixed name when its local part is simple.
fn push_turtle_iri(buf: &mut String, iri: &str) {
    for (prefix, ns) in PREFIXES {
        if let Some(local) = iri.strip_prefix(ns) {
            let mut chars = local.chars();
            let simple = chars
                .next()
                .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
                && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
            if simple {
                let _ = write!(buf, "{prefix}:{local}");
                return;
            }
        }
    }
    let _ = write!(buf, "<{iri}>");
}

/// Append `value` as a double-quoted literal with N-Triples escapes.
fn push_literal(buf: &mut String, value: &str) {
    buf.push('"');
    for c in value.chars() {
        match c {
            '"' => buf.push_str("\\\""),
            '\\' => buf.push_str("\\\\"),
            '\n' => buf.push_str("\\n"),
            '\r' => buf.push_str("\\r"),
            '\t' => buf.push_str("\\t"),
            c if c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}' => {
                let _ = write!(buf, "\\u{:04X}", u32::from(c));
            }
            c => buf.push(c),
        }
    }
    buf.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_are_percent_encoded() {
        assert_eq!(encode_segment("aws"), "aws");
        assert_eq!(encode_segment("org:acme corp/uk"), "org:acme%20corp%2Fuk");
        assert_eq!(encode_segment("société"), "soci%C3%A9t%C3%A9");
        assert_eq!(encode_segment("a.b~c_d-e"), "a.b~c_d-e");
        assert_eq!(encode_segment(".."), "%2E%2E");
        assert_eq!(
            encode_segment("<>\"{}|^`\\%#?"),
            "%3C%3E%22%7B%7D%7C%5E%60%5C%25%23%3F"
        );
    }

    #[test]
    fn literals_are_escaped() {
        let mut b = String::new();
        push_literal(&mut b, "a\"b\\c\nd\re\tf\u{1}\u{FFFE}é");
        assert_eq!(b, "\"a\\\"b\\\\c\\nd\\re\\tf\\u0001\\uFFFEé\"");
    }

    #[test]
    fn turtle_abbreviates_simple_names_only() {
        let mut b = String::new();
        push_turtle_iri(&mut b, &ng("Firm"));
        b.push(' ');
        push_turtle_iri(&mut b, &entity_iri("aws"));
        b.push(' ');
        push_turtle_iri(&mut b, &entity_iri("org:acme"));
        b.push(' ');
        push_turtle_iri(&mut b, &entity_iri("amazon.com"));
        assert_eq!(
            b,
            "ng:Firm ent:aws <https://newsgraph.dev/entity/org:acme> <https://newsgraph.dev/entity/amazon.com>"
        );
    }
}
