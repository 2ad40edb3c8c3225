//! CSV files for `neo4j-admin database import full --nodes=nodes.csv
//! --relationships=relationships.csv` (Neo4j 5; the header syntax is also
//! that of Neo4j 4's `neo4j-admin import`).
//!
//! `nodes.csv`:
//! `id:ID,name,kind,aliases:string[],mentions:long,documents:long,first_seen:date,last_seen:date,ticker,parent,:LABEL`
//! with `:LABEL` = `Organization;Firm` (or `Cloud`, `Agency`) and
//! `documents` the number of documents that mention the node. `id:ID` both
//! identifies the node during the import and stores it as the `id` property.
//!
//! `relationships.csv`:
//! `:START_ID,:END_ID,:TYPE,status,symmetric:boolean,confidence:double,evidence_count:long,first_seen:date,last_seen:date,evidence,evidence_doc`
//! with `:TYPE` the upper-case relation kind (`CONTRACT`, `PART_OF`, ...),
//! `confidence` with 4 decimals, `evidence` the best sentence and
//! `evidence_doc` its document. Partnerships run from the smaller id, with
//! `symmetric` true.
//!
//! - RFC 4180: comma-separated, `\n` line ends, a field quoted when it holds
//!   a comma or a quote, with quotes doubled.
//! - Line breaks and tabs inside text become spaces, so every record is one
//!   line and `neo4j-admin` needs no `--multiline-fields`. Other control
//!   characters are dropped.
//! - Unknown values are empty (no property). Dates that are not valid
//!   `YYYY-MM-DD` are left empty, since `neo4j-admin` rejects them in a
//!   `date` column.
//! - Arrays use neo4j-admin's default delimiter `;`, which it cannot escape:
//!   a `;` inside an alias is written as `,`.

use crate::ExportError;
use crate::common::{best_evidence, confidence_text, entity_class, is_iso_date, relation_type};
use newsgraph_graph::KnowledgeGraph;
use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// Header of `nodes.csv`.
pub(crate) const NODES_HEADER: &str = "id:ID,name,kind,aliases:string[],mentions:long,documents:long,first_seen:date,last_seen:date,ticker,parent,:LABEL";
/// Header of `relationships.csv`.
pub(crate) const RELATIONSHIPS_HEADER: &str = ":START_ID,:END_ID,:TYPE,status,symmetric:boolean,confidence:double,evidence_count:long,first_seen:date,last_seen:date,evidence,evidence_doc";

/// Write both files into `dir` and return their paths.
pub(crate) fn write_dir(graph: &KnowledgeGraph, dir: &Path) -> Result<Vec<PathBuf>, ExportError> {
    fs::create_dir_all(dir).map_err(|source| ExportError::File {
        path: dir.to_path_buf(),
        source,
    })?;
    let nodes = dir.join("nodes.csv");
    write_atomically(&nodes, |out| write_nodes(graph, out))?;
    let relationships = dir.join("relationships.csv");
    write_atomically(&relationships, |out| write_relationships(graph, out))?;
    Ok(vec![nodes, relationships])
}

/// Write `path` through a temporary file in the same folder, renamed into
/// place once complete; the temporary file is removed on failure.
fn write_atomically(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), ExportError> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.tmp-{}", std::process::id()));
    let result = (|| {
        let mut out = BufWriter::new(File::create(&tmp)?);
        fill(&mut out)?;
        let file = out.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        drop(file);
        fs::rename(&tmp, path)
    })();
    result.map_err(|source| {
        let _ = fs::remove_file(&tmp);
        ExportError::File {
            path: path.to_path_buf(),
            source,
        }
    })
}

/// Write `nodes.csv`.
pub(crate) fn write_nodes(graph: &KnowledgeGraph, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{NODES_HEADER}")?;
    let mut line = String::with_capacity(256);
    for node in graph.nodes() {
        line.clear();
        let aliases: Vec<String> = node.alias_names().map(|a| a.replace(';', ",")).collect();
        let label = format!("Organization;{}", entity_class(node.kind));
        let fields = [
            node.id.as_str(),
            node.name.as_str(),
            node.kind.as_str(),
            &aliases.join(";"),
            &node.mentions.to_string(),
            &node.documents.len().to_string(),
            date(node.first_seen.as_deref()),
            date(node.last_seen.as_deref()),
            node.ticker.as_deref().unwrap_or(""),
            node.parent.as_deref().unwrap_or(""),
            &label,
        ];
        push_record(&mut line, &fields);
        out.write_all(line.as_bytes())?;
    }
    Ok(())
}

/// Write `relationships.csv`.
pub(crate) fn write_relationships(graph: &KnowledgeGraph, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{RELATIONSHIPS_HEADER}")?;
    let mut line = String::with_capacity(256);
    for edge in graph.edges() {
        line.clear();
        let best = best_evidence(edge);
        let fields = [
            edge.source.as_str(),
            edge.target.as_str(),
            relation_type(edge.kind),
            edge.status.as_str(),
            if edge.kind.is_symmetric() {
                "true"
            } else {
                "false"
            },
            &confidence_text(edge.confidence),
            &edge.count.to_string(),
            date(edge.first_seen.as_deref()),
            date(edge.last_seen.as_deref()),
            best.map_or("", |e| e.text.as_str()),
            best.map_or("", |e| e.doc.as_str()),
        ];
        push_record(&mut line, &fields);
        out.write_all(line.as_bytes())?;
    }
    Ok(())
}

/// Append one CSV record and its line end.
fn push_record(line: &mut String, fields: &[&str]) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            line.push(',');
        }
        push_field(line, field);
    }
    line.push('\n');
}

/// A date for a `date` column: empty unless a valid `YYYY-MM-DD`.
fn date(d: Option<&str>) -> &str {
    d.filter(|d| is_iso_date(d)).unwrap_or("")
}

/// Append one field: line breaks and tabs folded into spaces, other
/// control characters dropped, quoted when it holds a comma or a quote.
fn push_field(line: &mut String, field: &str) {
    let mut clean = String::with_capacity(field.len());
    let mut chars = field.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' | '\n' | '\t' => clean.push(' '),
            c if c.is_control() => {}
            c => clean.push(c),
        }
    }
    if clean.contains([',', '"']) {
        line.push('"');
        for c in clean.chars() {
            if c == '"' {
                line.push('"');
            }
            line.push(c);
        }
        line.push('"');
    } else {
        line.push_str(&clean);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_as_in_rfc_4180() {
        let mut line = String::new();
        push_record(
            &mut line,
            &[
                "plain",
                "a,b",
                "say \"hi\"",
                "l1\nl2\r\nl3\tx",
                "x\u{1}y",
                "",
            ],
        );
        assert_eq!(line, "plain,\"a,b\",\"say \"\"hi\"\"\",l1 l2 l3 x,xy,\n");
        assert_eq!(date(Some("2024-02-30")), "");
        assert_eq!(date(Some("2024-02-29")), "2024-02-29");
    }
}
