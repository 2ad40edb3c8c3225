//! Graphviz DOT, for `dot -Tsvg` and friends.
//!
//! - `digraph newsgraph { ... }` laid out left to right (`rankdir=LR`).
//! - Nodes are the canonical ids (quoted), labelled with the name; firms are
//!   light-blue rounded boxes, clouds orange ellipses, agencies green houses.
//!   The tooltip (shown in SVG) has the id, kind, ticker and aliases.
//! - Edges are labelled with the relation kind and, when more than one
//!   statement supports them, the count (`contract (3)`); coloured by kind;
//!   thicker with higher confidence; dashed when every statement denies the
//!   relation, dotted when the firmest statement is hedged; partnership edges
//!   have no arrow (`dir=none`). The tooltip has the status, confidence and
//!   best evidence sentence.
//! - `subgraph cluster_legend` lists the entity kinds and relation kinds
//!   present (and the dashed/dotted styles when used). Its node ids start
//!   with a prefix no real id starts with. Engines that draw no clusters
//!   (sfdp, neato, ...) get the legend as an HTML-like graph label instead.
//! - Strings are escaped for DOT: `"` and `\` with a backslash, line breaks
//!   as `\n`; other control characters are dropped.
//!
//! [`DotOptions`] change the layout for large graphs ([`export_dot`]): a
//! force-directed engine (`layout=sfdp` and friends, written into the graph
//! so that `dot -Tsvg` honours it), clusters per entity kind, and edges
//! without labels. The defaults give the output described above.

use crate::common::{
    best_evidence, confidence, confidence_text, entity_color, kinds_present, negated_only,
    relation_color,
};
use newsgraph_extract::{EntityKind, Status};
use newsgraph_graph::{KnowledgeGraph, Node};
use std::fmt::Write as _;
use std::io::{self, Write};

const FONT: &str = "Helvetica,Arial,sans-serif";

/// A Graphviz layout engine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layout {
    /// Hierarchical, left to right: best for small graphs.
    #[default]
    Dot,
    /// Scalable force-directed placement: hundreds or thousands of nodes.
    Sfdp,
    /// Spring model: a few dozen to a few hundred nodes.
    Neato,
    /// Force-directed with clusters.
    Fdp,
    /// Circular.
    Circo,
    /// Radial.
    Twopi,
}

impl Layout {
    /// Every engine.
    pub const ALL: [Layout; 6] = [
        Layout::Dot,
        Layout::Sfdp,
        Layout::Neato,
        Layout::Fdp,
        Layout::Circo,
        Layout::Twopi,
    ];

    /// The engine name (`dot -K<name>`).
    pub fn as_str(self) -> &'static str {
        match self {
            Layout::Dot => "dot",
            Layout::Sfdp => "sfdp",
            Layout::Neato => "neato",
            Layout::Fdp => "fdp",
            Layout::Circo => "circo",
            Layout::Twopi => "twopi",
        }
    }

    /// Whether the engine draws clusters (`dot` and `fdp` do).
    pub fn draws_clusters(self) -> bool {
        matches!(self, Layout::Dot | Layout::Fdp)
    }
}

/// How to write DOT.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DotOptions {
    /// Layout engine. Anything but `dot` is written as a `layout=` graph
    /// attribute with settings that keep nodes apart.
    pub layout: Layout,
    /// Put the entities of each kind into a cluster (drawn by `dot` and
    /// `fdp` only).
    pub cluster_by_kind: bool,
    /// Label edges with their relation kind (colours tell the kinds apart
    /// without labels, with the legend).
    pub edge_labels: bool,
    /// Draw the legend (with engines that draw clusters).
    pub legend: bool,
}

impl Default for DotOptions {
    fn default() -> Self {
        DotOptions {
            layout: Layout::Dot,
            cluster_by_kind: false,
            edge_labels: true,
            legend: true,
        }
    }
}

impl DotOptions {
    /// Settings that stay readable for a graph of this size: `dot` with
    /// edge labels up to 60 entities; beyond, `sfdp`, and edge labels only
    /// up to 120 edges.
    pub fn for_size(nodes: usize, edges: usize) -> Self {
        DotOptions {
            layout: if nodes <= 60 {
                Layout::Dot
            } else {
                Layout::Sfdp
            },
            cluster_by_kind: false,
            edge_labels: edges <= 120,
            legend: true,
        }
    }
}

/// Write the graph as DOT with the default options.
pub(crate) fn write(graph: &KnowledgeGraph, out: &mut dyn Write) -> io::Result<()> {
    write_with(graph, &DotOptions::default(), out)
}

/// Write the graph as DOT.
pub(crate) fn write_with(
    graph: &KnowledgeGraph,
    options: &DotOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut buf = String::with_capacity(4096);
    let _ = writeln!(
        buf,
        "// newsgraph: {} organisations, {} relations, {} documents",
        graph.node_count(),
        graph.edge_count(),
        graph.document_count()
    );
    buf.push_str("digraph newsgraph {\n");
    match options.layout {
        Layout::Dot => {
            let _ = writeln!(
                buf,
                "  graph [rankdir=LR, overlap=false, splines=true, nodesep=0.35, ranksep=0.9, \
                 fontname=\"{FONT}\", fontsize=11];"
            );
        }
        other => {
            // Straight edges keep sfdp fast on large graphs; the others can
            // afford curved ones.
            let splines = if other == Layout::Sfdp {
                "false"
            } else {
                "true"
            };
            let _ = writeln!(
                buf,
                "  graph [layout={}, overlap=prism, overlap_scaling=2, sep=\"+6\", splines={splines}, \
                 outputorder=edgesfirst, fontname=\"{FONT}\", fontsize=11];",
                other.as_str()
            );
        }
    }
    let _ = writeln!(
        buf,
        "  node [fontname=\"{FONT}\", fontsize=10, style=filled, color=\"#555555\", margin=\"0.12,0.06\"];"
    );
    let _ = writeln!(
        buf,
        "  edge [fontname=\"{FONT}\", fontsize=9, arrowsize=0.7];"
    );
    out.write_all(buf.as_bytes())?;

    let clusters = options.cluster_by_kind && options.layout.draws_clusters();
    let groups: Vec<Option<EntityKind>> = if clusters {
        EntityKind::ALL.into_iter().map(Some).collect()
    } else {
        vec![None]
    };
    for group in groups {
        let members: Vec<&Node> = graph
            .nodes()
            .filter(|n| group.is_none_or(|k| n.kind == k))
            .collect();
        if members.is_empty() {
            continue;
        }
        let indent = if let Some(kind) = group {
            let _ = writeln!(
                out,
                "  subgraph {} {{\n    graph [label={}, style=\"rounded\", color=\"#bbbbbb\", fontsize=12];",
                quote(&format!("cluster_kind_{}", kind.as_str())),
                quote(kind.as_str()),
            );
            "    "
        } else {
            "  "
        };
        for node in members {
            buf.clear();
            let _ = writeln!(
                buf,
                "{indent}{} [label={}, {}, tooltip={}];",
                quote(&node.id),
                quote(&node.name),
                node_style(node.kind),
                quote(&node_tooltip(node)),
            );
            out.write_all(buf.as_bytes())?;
        }
        if group.is_some() {
            out.write_all(b"  }\n")?;
        }
    }

    for edge in graph.edges() {
        buf.clear();
        let kind = edge.kind.as_str();
        let label = if edge.count > 1 {
            format!("{kind} ({})", edge.count)
        } else {
            kind.to_string()
        };
        let color = relation_color(edge.kind).hex();
        let penwidth = 1.0 + 2.0 * confidence(edge.confidence);
        let _ = write!(
            buf,
            "  {} -> {} [",
            quote(&edge.source),
            quote(&edge.target)
        );
        if options.edge_labels {
            let _ = write!(buf, "label={}, ", quote(&label));
        }
        let _ = write!(
            buf,
            "color=\"{color}\", fontcolor=\"{color}\", penwidth={penwidth:.2}"
        );
        if negated_only(edge) {
            buf.push_str(", style=dashed");
        } else if edge.status == Status::Hedged {
            buf.push_str(", style=dotted");
        }
        if edge.kind.is_symmetric() {
            buf.push_str(", dir=none");
        }
        let mut tooltip = format!(
            "{kind}, {}, confidence {}, {} statement{}",
            edge.status.as_str(),
            confidence_text(edge.confidence),
            edge.count,
            if edge.count == 1 { "" } else { "s" }
        );
        if let Some(ev) = best_evidence(edge) {
            let _ = write!(tooltip, "\n{}: {}", ev.doc, ev.text);
        }
        let _ = writeln!(buf, ", tooltip={}];", quote(&tooltip));
        out.write_all(buf.as_bytes())?;
    }

    buf.clear();
    if options.legend {
        if options.layout.draws_clusters() {
            write_legend(graph, &mut buf);
        } else {
            write_label_legend(graph, &mut buf);
        }
    }
    buf.push_str("}\n");
    out.write_all(buf.as_bytes())
}

/// Shape, style and fill colour of a node of this kind.
fn node_style(kind: EntityKind) -> String {
    let (shape, style) = match kind {
        EntityKind::Firm => ("box", "\"rounded,filled\""),
        EntityKind::Cloud => ("ellipse", "filled"),
        EntityKind::Agency => ("house", "filled"),
    };
    format!(
        "shape={shape}, style={style}, fillcolor=\"{}\"",
        entity_color(kind).hex()
    )
}

/// Tooltip of a node: id, kind, ticker and aliases.
fn node_tooltip(node: &Node) -> String {
    let mut t = format!("{} ({})", node.id, node.kind.as_str());
    if let Some(ticker) = &node.ticker {
        let _ = write!(t, ", ticker {ticker}");
    }
    let plural = if node.mentions == 1 { "" } else { "s" };
    let _ = write!(t, ", {} mention{plural}", node.mentions);
    if !node.aliases.is_empty() {
        let aliases: Vec<&str> = node.alias_names().collect();
        let _ = write!(t, "\naliases: {}", aliases.join("; "));
    }
    t
}

/// Append a legend as the graph's label (an HTML-like table at the bottom
/// left), for layout engines that draw no clusters: the entity kinds in
/// their fill colours and the relation kinds in their line colours.
fn write_label_legend(graph: &KnowledgeGraph, buf: &mut String) {
    let (entities, relations) = kinds_present(graph);
    if entities.is_empty() {
        return;
    }
    let mut cells = String::new();
    for kind in entities {
        let _ = write!(
            cells,
            "<TD BGCOLOR=\"{}\" BORDER=\"1\">{}</TD>",
            entity_color(kind).hex(),
            kind.as_str()
        );
    }
    for kind in relations {
        let _ = write!(
            cells,
            "<TD><FONT COLOR=\"{}\">&#8212; {}</FONT></TD>",
            relation_color(kind).hex(),
            kind.as_str()
        );
    }
    if graph.edges().any(negated_only) {
        cells.push_str("<TD>- - denied</TD>");
    }
    if graph
        .edges()
        .any(|e| e.status == Status::Hedged && !negated_only(e))
    {
        cells.push_str("<TD>&#183;&#183;&#183; hedged</TD>");
    }
    let _ = writeln!(
        buf,
        "  graph [labelloc=b, labeljust=l, fontsize=10, label=<<TABLE BORDER=\"0\" CELLSPACING=\"4\"><TR>{cells}</TR></TABLE>>];"
    );
}

/// Append the legend cluster listing the kinds present.
fn write_legend(graph: &KnowledgeGraph, buf: &mut String) {
    let (entities, relations) = kinds_present(graph);
    if entities.is_empty() {
        return;
    }
    // A prefix that no node id starts with, so legend nodes never merge with
    // real ones.
    let mut prefix = String::from("__legend");
    while graph.nodes().any(|n| n.id.starts_with(prefix.as_str())) {
        prefix.push('_');
    }
    buf.push_str("  subgraph cluster_legend {\n");
    let _ = writeln!(
        buf,
        "    graph [label=\"Legend\", style=\"rounded,dashed\", color=\"#999999\", fontsize=10];"
    );
    for kind in entities {
        let _ = writeln!(
            buf,
            "    {} [label={}, {}];",
            quote(&format!("{prefix}:entity:{}", kind.as_str())),
            quote(kind.as_str()),
            node_style(kind),
        );
    }
    let mut styles: Vec<(String, String, String)> = relations
        .iter()
        .map(|&kind| {
            let color = relation_color(kind).hex();
            let mut attrs = format!("color=\"{color}\", fontcolor=\"{color}\"");
            if kind.is_symmetric() {
                attrs.push_str(", dir=none");
            }
            (
                format!("relation:{}", kind.as_str()),
                kind.as_str().to_string(),
                attrs,
            )
        })
        .collect();
    if graph.edges().any(negated_only) {
        styles.push((
            "status:negated".into(),
            "denied".into(),
            "style=dashed".into(),
        ));
    }
    if graph
        .edges()
        .any(|e| e.status == Status::Hedged && !negated_only(e))
    {
        styles.push((
            "status:hedged".into(),
            "hedged".into(),
            "style=dotted".into(),
        ));
    }
    for (id, label, attrs) in styles {
        let from = quote(&format!("{prefix}:{id}:from"));
        let to = quote(&format!("{prefix}:{id}:to"));
        let _ = writeln!(
            buf,
            "    {from} [label=\"\", shape=point, width=0.05, style=invis];"
        );
        let _ = writeln!(
            buf,
            "    {to} [label=\"\", shape=point, width=0.05, style=invis];"
        );
        let _ = writeln!(
            buf,
            "    {from} -> {to} [label={}, {attrs}];",
            quote(&label)
        );
    }
    buf.push_str("  }\n");
}

/// `s` as a quoted DOT string: `"` and `\` escaped with a backslash, line
/// breaks (`\n`, `\r\n`, `\r`) as `\n`, tabs as spaces, other control
/// characters and U+FFFE/U+FFFF dropped.
pub(crate) fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push_str("\\n");
                }
            }
            '\t' => out.push(' '),
            // Control characters and the non-characters U+FFFE/U+FFFF have
            // no business in a label, and would make SVG output invalid XML.
            c if c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_quoted() {
        assert_eq!(quote("plain"), "\"plain\"");
        assert_eq!(quote("a\"b\\c"), "\"a\\\"b\\\\c\"");
        assert_eq!(quote("l1\nl2\r\nl3\rl4"), "\"l1\\nl2\\nl3\\nl4\"");
        assert_eq!(quote("x\u{1}\u{7f}\ty\u{FFFE}"), "\"x y\"");
        assert_eq!(quote("Société <&>"), "\"Société <&>\"");
        assert_eq!(quote("ends with \\"), "\"ends with \\\\\"");
    }
}
