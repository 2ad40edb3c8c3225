//! A Cypher script that loads the graph into Neo4j (`cypher-shell -f`) or
//! Memgraph (`mgconsole`).
//!
//! - One statement per line, each ending in `;`, after one `//` comment line.
//! - First the uniqueness constraint on `Organization.id`, in Neo4j 5
//!   syntax (`CREATE CONSTRAINT ... IF NOT EXISTS FOR ... REQUIRE ...`).
//!   Memgraph spells it `CREATE CONSTRAINT ON (o:Organization) ASSERT o.id IS
//!   UNIQUE;`: replace that line when loading into Memgraph.
//! - Then one `MERGE` per node, `(:Organization {id})` with the label of its
//!   kind (`:Firm`, `:Cloud`, `:Agency`, the other two removed) and the
//!   properties `name`, `kind`, `aliases` (list), `mentions`, `documents`
//!   (count), `first_seen`, `last_seen`, `ticker`, `parent`. Unknown values are
//!   set to `null`, which removes a stale property when the script is run
//!   again.
//! - Then one `MATCH ... MERGE` per edge with the upper-case relation type
//!   (`CONTRACT`, `PART_OF`, ...) and the properties `status`, `symmetric`,
//!   `confidence` (4 decimals), `evidence_count`, `first_seen`, `last_seen`,
//!   `evidence` (the best sentence) and `evidence_doc`. Partnerships are
//!   stored directed from the smaller id, with `symmetric = true`.
//! - Strings are single-quoted; `\` `'` and line breaks, tabs and other
//!   control characters are backslash-escaped (`\\`, `\'`, `\n`, `\r`, `\t`,
//!   `\uXXXX`).
//! - Re-running the script updates the graph in place (every write is a
//!   `MERGE` + `SET`).

use crate::common::{best_evidence, confidence_text, entity_class, relation_type};
use newsgraph_extract::EntityKind;
use newsgraph_graph::KnowledgeGraph;
use std::fmt::Write as _;
use std::io::{self, Write};

/// Write the graph as a Cypher script.
pub(crate) fn write(graph: &KnowledgeGraph, out: &mut dyn Write) -> io::Result<()> {
    let mut buf = String::with_capacity(1024);
    let _ = writeln!(
        buf,
        "// newsgraph: {} organisations, {} relations from {} documents",
        graph.node_count(),
        graph.edge_count(),
        graph.document_count()
    );
    buf.push_str(
        "CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (o:Organization) REQUIRE o.id IS UNIQUE;\n",
    );
    out.write_all(buf.as_bytes())?;

    for node in graph.nodes() {
        buf.clear();
        let _ = write!(buf, "MERGE (n:Organization {{id: {}}})", string(&node.id));
        let others: Vec<&str> = EntityKind::ALL
            .into_iter()
            .filter(|k| *k != node.kind)
            .map(entity_class)
            .collect();
        let _ = write!(buf, " REMOVE n:{}", others.join(":"));
        let _ = write!(
            buf,
            " SET n:{}, n.name = {}, n.kind = {}, n.aliases = [",
            entity_class(node.kind),
            string(&node.name),
            string(node.kind.as_str()),
        );
        for (i, alias) in node.alias_names().enumerate() {
            if i > 0 {
                buf.push_str(", ");
            }
            buf.push_str(&string(alias));
        }
        let _ = write!(
            buf,
            "], n.mentions = {}, n.documents = {}, n.first_seen = {}, n.last_seen = {}, n.ticker = {}, n.parent = {};",
            node.mentions,
            node.documents.len(),
            optional(node.first_seen.as_deref()),
            optional(node.last_seen.as_deref()),
            optional(node.ticker.as_deref()),
            optional(node.parent.as_deref()),
        );
        buf.push('\n');
        out.write_all(buf.as_bytes())?;
    }

    for edge in graph.edges() {
        buf.clear();
        let best = best_evidence(edge);
        let _ = writeln!(
            buf,
            "MATCH (a:Organization {{id: {}}}), (b:Organization {{id: {}}}) \
             MERGE (a)-[r:{}]->(b) SET r.status = {}, r.symmetric = {}, r.confidence = {}, \
             r.evidence_count = {}, r.first_seen = {}, r.last_seen = {}, r.evidence = {}, r.evidence_doc = {};",
            string(&edge.source),
            string(&edge.target),
            relation_type(edge.kind),
            string(edge.status.as_str()),
            edge.kind.is_symmetric(),
            confidence_text(edge.confidence),
            edge.count,
            optional(edge.first_seen.as_deref()),
            optional(edge.last_seen.as_deref()),
            optional(best.map(|e| e.text.as_str())),
            optional(best.map(|e| e.doc.as_str())),
        );
        out.write_all(buf.as_bytes())?;
    }
    Ok(())
}

/// A string literal, or `null`.
fn optional(s: Option<&str>) -> String {
    s.map_or_else(|| "null".to_string(), string)
}

/// `s` as a single-quoted Cypher string literal.
pub(crate) fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('\'');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped() {
        assert_eq!(string("O'Reilly"), "'O\\'Reilly'");
        assert_eq!(string("a\\b"), "'a\\\\b'");
        assert_eq!(string("l1\nl2\r\t\u{1}\"é"), "'l1\\nl2\\r\\t\\u0001\"é'");
        assert_eq!(optional(None), "null");
    }
}
