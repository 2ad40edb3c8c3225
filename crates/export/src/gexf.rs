//! GEXF 1.3, for Gephi, with a timeline.
//!
//! - Root `<gexf xmlns="http://gexf.net/1.3" version="1.3">`; the output
//!   validates against the published 1.3 XSD.
//! - `<graph mode="dynamic" defaultedgetype="directed" timeformat="date">`.
//!   Each node has `start`/`end` from its `first_seen`/`last_seen`, each edge
//!   from its first/last evidence date, so Gephi's timeline plays the graph
//!   over time. Dates that are not valid `YYYY-MM-DD` are left out of
//!   `start`/`end` (they stay in the attributes), and so is an `end` before
//!   its `start`.
//! - `<attributes class="node">` and `<attributes class="edge">` come first;
//!   attribute ids are the attribute names. Absent values have no
//!   `<attvalue>`.
//! - Node ids are the canonical ids (GEXF ids may be any string), labels the
//!   names (whitespace collapsed, as `xs:token` requires).
//! - Edges: ids `e0`, `e1`, ... in graph order, `label` and `kind` the
//!   relation kind (Gephi's edge kind keeps parallel edges of different kinds
//!   apart), `weight` the number of statements, and `type="undirected"` for
//!   the symmetric partnership edges.
//! - Visual hints: `<color>` by entity or relation kind, `<size>` growing with
//!   the mentions, node `<shape>` (firm square, cloud disc, agency triangle),
//!   edge `<shape>` dashed when every statement denies the relation and
//!   dotted when it is only hedged. The published 1.3 XSD declares these in
//!   the main namespace (the primer's `viz:` namespace does not validate), so
//!   they are written unprefixed; Gephi matches them by local name.
//! - `<edges/>` is written even when the graph has no edges.

use crate::common::{
    best_evidence, confidence_text, entity_color, is_iso_date, negated_only, relation_color,
};
use crate::xml::push_attr;
use newsgraph_extract::{EntityKind, Status};
use newsgraph_graph::KnowledgeGraph;
use std::fmt::Write as _;
use std::io::{self, Write};

/// Node attributes: (id = title, type).
const NODE_ATTRS: &[(&str, &str)] = &[
    ("kind", "string"),
    ("aliases", "string"),
    ("mentions", "long"),
    ("documents", "integer"),
    ("first_seen", "string"),
    ("last_seen", "string"),
    ("ticker", "string"),
    ("parent", "string"),
];

/// Edge attributes: (id = title, type).
const EDGE_ATTRS: &[(&str, &str)] = &[
    ("kind", "string"),
    ("status", "string"),
    ("symmetric", "boolean"),
    ("evidence_count", "integer"),
    ("confidence", "double"),
    ("first_seen", "string"),
    ("last_seen", "string"),
    ("evidence", "string"),
    ("evidence_doc", "string"),
];

/// Write the graph as GEXF 1.3.
pub(crate) fn write(graph: &KnowledgeGraph, out: &mut dyn Write) -> io::Result<()> {
    let mut buf = String::with_capacity(4096);
    buf.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    buf.push_str(
        "<gexf xmlns=\"http://gexf.net/1.3\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" \
         version=\"1.3\">\n",
    );
    buf.push_str("  <meta>\n    <creator>newsgraph</creator>\n");
    let _ = writeln!(
        buf,
        "    <description>Organisations and their relations read from {} documents</description>",
        graph.document_count()
    );
    buf.push_str("  </meta>\n");
    buf.push_str("  <graph mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"date\">\n");
    for (class, attrs) in [("node", NODE_ATTRS), ("edge", EDGE_ATTRS)] {
        let _ = writeln!(buf, "    <attributes class=\"{class}\">");
        for (id, ty) in attrs {
            let _ = writeln!(
                buf,
                "      <attribute id=\"{id}\" title=\"{id}\" type=\"{ty}\"/>"
            );
        }
        buf.push_str("    </attributes>\n");
    }
    let _ = writeln!(buf, "    <nodes count=\"{}\">", graph.node_count());
    out.write_all(buf.as_bytes())?;

    for node in graph.nodes() {
        buf.clear();
        buf.push_str("      <node id=\"");
        push_attr(&mut buf, &node.id);
        buf.push_str("\" label=\"");
        push_attr(&mut buf, &collapse_ws(&node.name));
        buf.push('"');
        push_span(
            &mut buf,
            node.first_seen.as_deref(),
            node.last_seen.as_deref(),
        );
        buf.push_str(">\n        <attvalues>\n");
        attvalue(&mut buf, "kind", node.kind.as_str());
        if !node.aliases.is_empty() {
            let aliases: Vec<&str> = node.alias_names().collect();
            attvalue(&mut buf, "aliases", &aliases.join("; "));
        }
        attvalue(&mut buf, "mentions", &node.mentions.to_string());
        attvalue(&mut buf, "documents", &node.documents.len().to_string());
        let optional = [
            ("first_seen", &node.first_seen),
            ("last_seen", &node.last_seen),
            ("ticker", &node.ticker),
            ("parent", &node.parent),
        ];
        for (key, value) in optional {
            if let Some(v) = value {
                attvalue(&mut buf, key, v);
            }
        }
        buf.push_str("        </attvalues>\n");
        let c = entity_color(node.kind);
        let _ = writeln!(
            buf,
            "        <color r=\"{}\" g=\"{}\" b=\"{}\"/>",
            c.0, c.1, c.2
        );
        // Logarithmic, so a node mentioned a thousand times stays readable.
        let size = 10.0 + 4.0 * (1.0 + node.mentions as f64).ln();
        let _ = writeln!(buf, "        <size value=\"{size:.2}\"/>");
        let shape = match node.kind {
            EntityKind::Firm => "square",
            EntityKind::Cloud => "disc",
            EntityKind::Agency => "triangle",
        };
        let _ = writeln!(buf, "        <shape value=\"{shape}\"/>");
        buf.push_str("      </node>\n");
        out.write_all(buf.as_bytes())?;
    }
    out.write_all(b"    </nodes>\n")?;

    if graph.edge_count() == 0 {
        out.write_all(b"    <edges count=\"0\"/>\n")?;
    } else {
        writeln!(out, "    <edges count=\"{}\">", graph.edge_count())?;
        for (i, edge) in graph.edges().enumerate() {
            buf.clear();
            let _ = write!(buf, "      <edge id=\"e{i}\" source=\"");
            push_attr(&mut buf, &edge.source);
            buf.push_str("\" target=\"");
            push_attr(&mut buf, &edge.target);
            let kind = edge.kind.as_str();
            let _ = write!(buf, "\" label=\"{kind}\" kind=\"{kind}\"");
            if edge.kind.is_symmetric() {
                buf.push_str(" type=\"undirected\"");
            }
            if edge.count > 0 {
                let _ = write!(buf, " weight=\"{}\"", edge.count);
            }
            push_span(
                &mut buf,
                edge.first_seen.as_deref(),
                edge.last_seen.as_deref(),
            );
            buf.push_str(">\n        <attvalues>\n");
            attvalue(&mut buf, "kind", kind);
            attvalue(&mut buf, "status", edge.status.as_str());
            let symmetric = if edge.kind.is_symmetric() {
                "true"
            } else {
                "false"
            };
            attvalue(&mut buf, "symmetric", symmetric);
            attvalue(&mut buf, "evidence_count", &edge.count.to_string());
            attvalue(&mut buf, "confidence", &confidence_text(edge.confidence));
            if let Some(d) = &edge.first_seen {
                attvalue(&mut buf, "first_seen", d);
            }
            if let Some(d) = &edge.last_seen {
                attvalue(&mut buf, "last_seen", d);
            }
            if let Some(ev) = best_evidence(edge) {
                attvalue(&mut buf, "evidence", &ev.text);
                attvalue(&mut buf, "evidence_doc", &ev.doc);
            }
            buf.push_str("        </attvalues>\n");
            let c = relation_color(edge.kind);
            let _ = writeln!(
                buf,
                "        <color r=\"{}\" g=\"{}\" b=\"{}\"/>",
                c.0, c.1, c.2
            );
            let shape = if negated_only(edge) {
                Some("dashed")
            } else if edge.status == Status::Hedged {
                Some("dotted")
            } else {
                None
            };
            if let Some(shape) = shape {
                let _ = writeln!(buf, "        <shape value=\"{shape}\"/>");
            }
            buf.push_str("      </edge>\n");
            out.write_all(buf.as_bytes())?;
        }
        out.write_all(b"    </edges>\n")?;
    }
    out.write_all(b"  </graph>\n</gexf>\n")
}

/// Append ` start="..." end="..."` for the valid dates of a span.
fn push_span(buf: &mut String, first: Option<&str>, last: Option<&str>) {
    let first = first.filter(|d| is_iso_date(d));
    let last = last.filter(|d| is_iso_date(d));
    if let Some(f) = first {
        let _ = write!(buf, " start=\"{f}\"");
    }
    if let Some(l) = last {
        if first.is_none_or(|f| f <= l) {
            let _ = write!(buf, " end=\"{l}\"");
        }
    }
}

/// Append one `<attvalue>` line.
fn attvalue(buf: &mut String, key: &str, value: &str) {
    let _ = write!(buf, "          <attvalue for=\"{key}\" value=\"");
    push_attr(buf, value);
    buf.push_str("\"/>\n");
}

/// `s` with runs of whitespace folded into one space and trimmed.
fn collapse_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
