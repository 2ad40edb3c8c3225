//! Node-link JSON, as read by NetworkX `node_link_graph`.
//!
//! ```json
//! {"directed": true, "multigraph": true,
//!  "graph": {"name": "newsgraph", "node_count": 2, "edge_count": 1,
//!            "document_count": 1, "documents": [{"id", "title", "date", "url", "hash"}]},
//!  "nodes": [{"id", "name", "kind", "aliases": [{"name", "origin"}], "mentions",
//!             "documents": ["doc id", ...], "first_seen", "last_seen", "ticker", "parent"}],
//!  "links": [{"source", "target", "key", "kind", "status", "symmetric", "confidence",
//!             "evidence_count", "first_seen", "last_seen",
//!             "evidence": [{"doc", "date", "sentence", "start", "end", "text",
//!                           "trigger", "rule", "status", "confidence"}]}]}
//! ```
//!
//! - Edges are under `"links"` with `"key"` = the relation kind, which is
//!   unique per (source, target) pair, so the multigraph keys are stable.
//!   NetworkX 3.6 defaults to `"edges"`: call
//!   `nx.node_link_graph(data, edges="links")` there (accepted since 3.4;
//!   older versions read `"links"` by default).
//! - Every field is always present (`null` when unknown), in a fixed order.
//! - Node `documents` are document ids (indices resolved through the graph's
//!   document list; indices past its end are skipped).
//! - Confidences are rounded to 4 decimals; `evidence` holds every
//!   statement in the edge's order.
//! - Pretty-printed with two-space indentation, ending in a newline.

use crate::common::{confidence, document_ids};
use newsgraph_graph::KnowledgeGraph;
use serde::Serialize;
use std::io::Write;

#[derive(Serialize)]
struct NodeLink<'a> {
    directed: bool,
    multigraph: bool,
    graph: GraphMeta<'a>,
    nodes: Vec<JsonNode<'a>>,
    links: Vec<JsonLink<'a>>,
}

#[derive(Serialize)]
struct GraphMeta<'a> {
    name: &'static str,
    node_count: usize,
    edge_count: usize,
    document_count: usize,
    documents: Vec<JsonDoc<'a>>,
}

#[derive(Serialize)]
struct JsonDoc<'a> {
    id: &'a str,
    title: Option<&'a str>,
    date: Option<&'a str>,
    url: Option<&'a str>,
    hash: &'a str,
}

#[derive(Serialize)]
struct JsonNode<'a> {
    id: &'a str,
    name: &'a str,
    kind: &'static str,
    aliases: Vec<JsonAlias<'a>>,
    mentions: u64,
    documents: Vec<&'a str>,
    first_seen: Option<&'a str>,
    last_seen: Option<&'a str>,
    ticker: Option<&'a str>,
    parent: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonAlias<'a> {
    name: &'a str,
    origin: &'static str,
}

#[derive(Serialize)]
struct JsonLink<'a> {
    source: &'a str,
    target: &'a str,
    key: &'static str,
    kind: &'static str,
    status: &'static str,
    symmetric: bool,
    confidence: f64,
    evidence_count: u32,
    first_seen: Option<&'a str>,
    last_seen: Option<&'a str>,
    evidence: Vec<JsonEvidence<'a>>,
}

#[derive(Serialize)]
struct JsonEvidence<'a> {
    doc: &'a str,
    date: Option<&'a str>,
    sentence: u32,
    start: u32,
    end: u32,
    text: &'a str,
    trigger: &'a str,
    rule: &'a str,
    status: &'static str,
    confidence: f64,
}

/// Write the graph as node-link JSON.
pub(crate) fn write(graph: &KnowledgeGraph, out: &mut dyn Write) -> Result<(), crate::ExportError> {
    let documents = graph
        .documents()
        .iter()
        .map(|d| JsonDoc {
            id: &d.id,
            title: d.title.as_deref(),
            date: d.date.as_deref(),
            url: d.url.as_deref(),
            hash: &d.hash,
        })
        .collect();
    let nodes = graph
        .nodes()
        .map(|n| JsonNode {
            id: &n.id,
            name: &n.name,
            kind: n.kind.as_str(),
            aliases: n
                .aliases
                .iter()
                .map(|a| JsonAlias {
                    name: &a.name,
                    origin: a.origin.as_str(),
                })
                .collect(),
            mentions: n.mentions,
            documents: document_ids(graph, n).collect(),
            first_seen: n.first_seen.as_deref(),
            last_seen: n.last_seen.as_deref(),
            ticker: n.ticker.as_deref(),
            parent: n.parent.as_deref(),
        })
        .collect();
    let links = graph
        .edges()
        .map(|e| JsonLink {
            source: &e.source,
            target: &e.target,
            key: e.kind.as_str(),
            kind: e.kind.as_str(),
            status: e.status.as_str(),
            symmetric: e.kind.is_symmetric(),
            confidence: confidence(e.confidence),
            evidence_count: e.count,
            first_seen: e.first_seen.as_deref(),
            last_seen: e.last_seen.as_deref(),
            evidence: e
                .evidence
                .iter()
                .map(|ev| JsonEvidence {
                    doc: &ev.doc,
                    date: ev.date.as_deref(),
                    sentence: ev.sentence,
                    start: ev.start,
                    end: ev.end,
                    text: &ev.text,
                    trigger: &ev.trigger,
                    rule: &ev.rule,
                    status: ev.status.as_str(),
                    confidence: confidence(ev.confidence),
                })
                .collect(),
        })
        .collect();
    let doc = NodeLink {
        directed: true,
        multigraph: true,
        graph: GraphMeta {
            name: "newsgraph",
            node_count: graph.node_count(),
            edge_count: graph.edge_count(),
            document_count: graph.document_count(),
            documents,
        },
        nodes,
        links,
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    out.write_all(b"\n")?;
    Ok(())
}
