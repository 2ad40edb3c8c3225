//! GraphML 1.0, for NetworkX `read_graphml`, Gephi, yEd and Cytoscape.
//!
//! - One `<key>` is declared for every attribute, before the graph, each
//!   with an `attr.name` without spaces and an `attr.type` (`string`, `int`,
//!   `long`, `double`, `boolean`).
//! - The graph is `<graph id="G" edgedefault="directed">` and every edge is
//!   directed, including the symmetric partnership edges (stored from the
//!   smaller id to the larger), which carry `symmetric=true` instead: readers
//!   such as NetworkX handle a mix of directed and undirected edges poorly.
//! - Between one pair there can be one edge per relation kind. NetworkX
//!   `read_graphml` then returns a `MultiDiGraph` (keyed by the edge ids
//!   `e0`, `e1`, ...), otherwise a `DiGraph`.
//! - Node ids are the canonical ids when they are valid `xs:NMTOKEN`s, as
//!   the GraphML schema requires. Other characters (spaces, slashes, most
//!   non-Latin letters) are written as `_xHHHH_` with the UTF-16 code unit in
//!   upper-case hex, and an underscore that is followed by `x` as `_x005F_`
//!   (the .NET `XmlConvert` convention); the empty id is `_x_`. The exact id
//!   is always in the `canonical_id` attribute.
//! - Node attributes: `label` (= name, for Gephi), `name`, `kind`,
//!   `canonical_id`, `aliases` (joined with `"; "`), `mentions` (long),
//!   `documents` (int: how many documents mention it), `first_seen`,
//!   `last_seen`, and `ticker` and `parent` when known. Absent values have no
//!   `<data>` element.
//! - Edge attributes: `label` (= kind, for Gephi), `kind`, `status`,
//!   `symmetric` (boolean), `evidence_count` (int), `confidence` (double,
//!   4 decimals), `first_seen`, `last_seen`, `evidence` (the best sentence:
//!   highest confidence, then earliest, denials only when nothing else) and
//!   `evidence_doc` (its document id).
//! - Graph attributes: `generator`, `node_count`, `edge_count` and
//!   `document_count`.

use crate::common::{best_evidence, confidence_text};
use crate::xml::{attr, push_attr, push_text};
use newsgraph_graph::KnowledgeGraph;
use std::io::{self, Write};

/// GraphML namespace.
const NS: &str = "http://graphml.graphdrawing.org/xmlns";

/// Declared keys: (id, for, attr.name, attr.type).
const KEYS: &[(&str, &str, &str, &str)] = &[
    ("g_generator", "graph", "generator", "string"),
    ("g_node_count", "graph", "node_count", "int"),
    ("g_edge_count", "graph", "edge_count", "int"),
    ("g_document_count", "graph", "document_count", "int"),
    ("n_label", "node", "label", "string"),
    ("n_name", "node", "name", "string"),
    ("n_kind", "node", "kind", "string"),
    ("n_canonical_id", "node", "canonical_id", "string"),
    ("n_aliases", "node", "aliases", "string"),
    ("n_mentions", "node", "mentions", "long"),
    ("n_documents", "node", "documents", "int"),
    ("n_first_seen", "node", "first_seen", "string"),
    ("n_last_seen", "node", "last_seen", "string"),
    ("n_ticker", "node", "ticker", "string"),
    ("n_parent", "node", "parent", "string"),
    ("e_label", "edge", "label", "string"),
    ("e_kind", "edge", "kind", "string"),
    ("e_status", "edge", "status", "string"),
    ("e_symmetric", "edge", "symmetric", "boolean"),
    ("e_evidence_count", "edge", "evidence_count", "int"),
    ("e_confidence", "edge", "confidence", "double"),
    ("e_first_seen", "edge", "first_seen", "string"),
    ("e_last_seen", "edge", "last_seen", "string"),
    ("e_evidence", "edge", "evidence", "string"),
    ("e_evidence_doc", "edge", "evidence_doc", "string"),
];

/// Write the graph as GraphML 1.0.
pub(crate) fn write(graph: &KnowledgeGraph, out: &mut dyn Write) -> io::Result<()> {
    let mut buf = String::with_capacity(4096);
    buf.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    buf.push_str("<graphml xmlns=\"");
    buf.push_str(NS);
    buf.push_str(
        "\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"",
    );
    buf.push_str(NS);
    buf.push(' ');
    buf.push_str(NS);
    buf.push_str("/1.0/graphml.xsd\">\n");
    for (id, domain, name, ty) in KEYS {
        buf.push_str(&format!(
            "  <key id=\"{id}\" for=\"{domain}\" attr.name=\"{name}\" attr.type=\"{ty}\"/>\n"
        ));
    }
    buf.push_str("  <graph id=\"G\" edgedefault=\"directed\">\n");
    data(&mut buf, 4, "g_generator", "newsgraph");
    data(&mut buf, 4, "g_node_count", &graph.node_count().to_string());
    data(&mut buf, 4, "g_edge_count", &graph.edge_count().to_string());
    data(
        &mut buf,
        4,
        "g_document_count",
        &graph.document_count().to_string(),
    );
    out.write_all(buf.as_bytes())?;

    for node in graph.nodes() {
        buf.clear();
        buf.push_str("    <node id=\"");
        push_attr(&mut buf, &node_id(&node.id));
        buf.push_str("\">\n");
        data(&mut buf, 6, "n_label", &node.name);
        data(&mut buf, 6, "n_name", &node.name);
        data(&mut buf, 6, "n_kind", node.kind.as_str());
        data(&mut buf, 6, "n_canonical_id", &node.id);
        if !node.aliases.is_empty() {
            let aliases: Vec<&str> = node.alias_names().collect();
            data(&mut buf, 6, "n_aliases", &aliases.join("; "));
        }
        data(&mut buf, 6, "n_mentions", &node.mentions.to_string());
        data(
            &mut buf,
            6,
            "n_documents",
            &node.documents.len().to_string(),
        );
        let optional = [
            ("n_first_seen", &node.first_seen),
            ("n_last_seen", &node.last_seen),
            ("n_ticker", &node.ticker),
            ("n_parent", &node.parent),
        ];
        for (key, value) in optional {
            if let Some(v) = value {
                data(&mut buf, 6, key, v);
            }
        }
        buf.push_str("    </node>\n");
        out.write_all(buf.as_bytes())?;
    }

    for (i, edge) in graph.edges().enumerate() {
        buf.clear();
        buf.push_str(&format!(
            "    <edge id=\"e{i}\" source=\"{}\" target=\"{}\">\n",
            attr(&node_id(&edge.source)),
            attr(&node_id(&edge.target)),
        ));
        data(&mut buf, 6, "e_label", edge.kind.as_str());
        data(&mut buf, 6, "e_kind", edge.kind.as_str());
        data(&mut buf, 6, "e_status", edge.status.as_str());
        let symmetric = if edge.kind.is_symmetric() {
            "true"
        } else {
            "false"
        };
        data(&mut buf, 6, "e_symmetric", symmetric);
        data(&mut buf, 6, "e_evidence_count", &edge.count.to_string());
        data(
            &mut buf,
            6,
            "e_confidence",
            &confidence_text(edge.confidence),
        );
        if let Some(d) = &edge.first_seen {
            data(&mut buf, 6, "e_first_seen", d);
        }
        if let Some(d) = &edge.last_seen {
            data(&mut buf, 6, "e_last_seen", d);
        }
        if let Some(ev) = best_evidence(edge) {
            data(&mut buf, 6, "e_evidence", &ev.text);
            data(&mut buf, 6, "e_evidence_doc", &ev.doc);
        }
        buf.push_str("    </edge>\n");
        out.write_all(buf.as_bytes())?;
    }
    out.write_all(b"  </graph>\n</graphml>\n")
}

/// Append `<data key="key">value</data>` on its own line.
fn data(buf: &mut String, indent: usize, key: &str, value: &str) {
    for _ in 0..indent {
        buf.push(' ');
    }
    buf.push_str("<data key=\"");
    buf.push_str(key);
    buf.push_str("\">");
    push_text(buf, value);
    buf.push_str("</data>\n");
}

/// Whether `c` may stand unescaped in a GraphML node id: ASCII letters and
/// digits, `.`, `-`, `:`, `_`, and the Latin-1 and Latin Extended-A letters
/// that XML 1.0 counts as `BaseChar`.
fn plain_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c, '.' | '-' | ':' | '_')
        || matches!(c,
            '\u{C0}'..='\u{D6}'
            | '\u{D8}'..='\u{F6}'
            | '\u{F8}'..='\u{131}'
            | '\u{134}'..='\u{13E}'
            | '\u{141}'..='\u{148}'
            | '\u{14A}'..='\u{17E}')
}

/// The GraphML node id (an `xs:NMTOKEN`) of a canonical id. See the module
/// documentation for the encoding; it is one-to-one.
pub(crate) fn node_id(id: &str) -> String {
    if id.is_empty() {
        return "_x_".to_string();
    }
    let mut out = String::with_capacity(id.len());
    let mut chars = id.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '_' && chars.peek() == Some(&'x') {
            out.push_str("_x005F_");
        } else if plain_name_char(c) {
            out.push(c);
        } else {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                out.push_str(&format!("_x{unit:04X}_"));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reverse of [`node_id`].
    fn decode(s: &str) -> String {
        if s == "_x_" {
            return String::new();
        }
        let mut units: Vec<u16> = Vec::new();
        let mut rest = s;
        while !rest.is_empty() {
            if let Some(tail) = rest.strip_prefix("_x") {
                let hex = &tail[..4];
                assert_eq!(&tail[4..5], "_", "bad escape in {s}");
                units.push(u16::from_str_radix(hex, 16).expect("hex"));
                rest = &tail[5..];
            } else {
                let c = rest.chars().next().expect("char");
                let mut b = [0u16; 2];
                units.extend_from_slice(c.encode_utf16(&mut b));
                rest = &rest[c.len_utf8()..];
            }
        }
        String::from_utf16(&units).expect("utf-16")
    }

    #[test]
    fn node_ids_are_nmtokens_and_round_trip() {
        assert_eq!(node_id("aws"), "aws");
        assert_eq!(node_id("org:acme_corp"), "org:acme_corp");
        assert_eq!(node_id("org:acme corp/uk"), "org:acme_x0020_corp_x002F_uk");
        assert_eq!(node_id("a_x0020_b"), "a_x005F_x0020_b");
        assert_eq!(node_id("org:société"), "org:société");
        assert_eq!(node_id("\u{1F600}"), "_xD83D__xDE00_");
        for id in [
            "",
            "_",
            "_x",
            "a_x0020_b",
            "x y\"z<&>",
            "org:société générale",
            "日本\u{1F600}",
            "__x__",
        ] {
            let enc = node_id(id);
            assert!(enc.chars().all(plain_name_char), "{enc}");
            assert_eq!(decode(&enc), id);
        }
    }
}
