//! Export a [`KnowledgeGraph`] for other tools.
//!
//! | [`Format`] | for | module |
//! |---|---|---|
//! | [`Format::Dot`] | Graphviz (`dot -Tsvg`) | `dot` |
//! | [`Format::Graphml`] | NetworkX `read_graphml`, Gephi, yEd, Cytoscape | `graphml` |
//! | [`Format::Json`] | NetworkX `node_link_graph`, scripts | `json` |
//! | [`Format::Gexf`] | Gephi (with a timeline) | `gexf` |
//! | [`Format::Cypher`] | Neo4j (`cypher-shell`), Memgraph | `cypher` |
//! | [`Format::Ntriples`], [`Format::Turtle`] | RDF stores, SPARQL | `rdf` |
//!
//! [`export_neo4j_csv`] writes the two CSV files of `neo4j-admin database
//! import full`.
//!
//! Every exporter walks the graph in its own order (nodes by id, edges by
//! (source, target, kind)) and formats numbers with a fixed precision, so the
//! same graph always gives the same bytes. Text is escaped for each format,
//! and characters a format cannot carry (such as control characters in XML)
//! are dropped.
//!
//! The exporters make many small writes: pass a buffered writer.

mod common;
mod cypher;
mod dot;
mod gexf;
mod graphml;
mod json;
mod neo4j_csv;
mod rdf;
mod xml;

use newsgraph_graph::KnowledgeGraph;
use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::str::FromStr;

pub use dot::{DotOptions, Layout};
pub use rdf::{ENTITY_BASE, NS, entity_iri};

/// An output format of [`export`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Graphviz DOT.
    Dot,
    /// GraphML 1.0.
    Graphml,
    /// NetworkX node-link JSON.
    Json,
    /// GEXF 1.3 (Gephi), dynamic.
    Gexf,
    /// A Cypher script (Neo4j, Memgraph).
    Cypher,
    /// RDF as N-Triples.
    Ntriples,
    /// RDF as Turtle.
    Turtle,
}

impl Format {
    /// Every format, in the order shown to users.
    pub const ALL: [Format; 7] = [
        Format::Dot,
        Format::Graphml,
        Format::Json,
        Format::Gexf,
        Format::Cypher,
        Format::Ntriples,
        Format::Turtle,
    ];

    /// The name used on the command line (`"dot"`, `"graphml"`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Dot => "dot",
            Format::Graphml => "graphml",
            Format::Json => "json",
            Format::Gexf => "gexf",
            Format::Cypher => "cypher",
            Format::Ntriples => "ntriples",
            Format::Turtle => "turtle",
        }
    }

    /// The usual file extension, without the dot (`"nt"` for N-Triples,
    /// `"ttl"` for Turtle, otherwise the name).
    pub fn extension(self) -> &'static str {
        match self {
            Format::Ntriples => "nt",
            Format::Turtle => "ttl",
            other => other.as_str(),
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Format {
    type Err = ExportError;

    /// Parse a format name, case-insensitively. Also accepts the file
    /// extensions `nt`, `ttl` and `cql`, and `n-triples`.
    fn from_str(s: &str) -> Result<Self, ExportError> {
        let want = s.trim().to_ascii_lowercase();
        let found = match want.as_str() {
            "nt" | "n-triples" => Some(Format::Ntriples),
            "ttl" => Some(Format::Turtle),
            "cql" => Some(Format::Cypher),
            "gv" => Some(Format::Dot),
            _ => Format::ALL.iter().copied().find(|f| f.as_str() == want),
        };
        found.ok_or_else(|| ExportError::UnknownFormat(s.to_string()))
    }
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Writing the output failed.
    #[error("cannot write export: {0}")]
    Io(#[from] std::io::Error),
    /// Serialising JSON failed.
    #[error("cannot serialise JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// Writing one of the files of a multi-file export failed.
    #[error("cannot write {}: {source}", path.display())]
    File {
        /// The file being written.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
    /// A format name that [`Format::from_str`] does not know.
    #[error(
        "unknown export format '{0}' (expected one of: dot, graphml, json, gexf, cypher, ntriples, turtle)"
    )]
    UnknownFormat(String),
}

/// Write `graph` to `out` in `format`.
///
/// The output depends only on the graph: the same graph gives the same
/// bytes. `out` receives many small writes, so pass a buffered writer; it is
/// flushed at the end.
///
/// ```
/// use newsgraph_export::{Format, export};
/// use newsgraph_graph::KnowledgeGraph;
///
/// let graph = KnowledgeGraph::from_parts(vec![], vec![], vec![]);
/// let mut out = Vec::new();
/// export(&graph, Format::Json, &mut out)?;
/// let json: serde_json::Value = serde_json::from_slice(&out)?;
/// assert_eq!(json["multigraph"], true);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn export(
    graph: &KnowledgeGraph,
    format: Format,
    out: &mut dyn Write,
) -> Result<(), ExportError> {
    match format {
        Format::Dot => dot::write(graph, out)?,
        Format::Graphml => graphml::write(graph, out)?,
        Format::Json => json::write(graph, out)?,
        Format::Gexf => gexf::write(graph, out)?,
        Format::Cypher => cypher::write(graph, out)?,
        Format::Ntriples => rdf::write_ntriples(graph, out)?,
        Format::Turtle => rdf::write_turtle(graph, out)?,
    }
    out.flush()?;
    Ok(())
}

/// Write `graph` as DOT with layout options (see [`DotOptions`]);
/// [`export`] with [`Format::Dot`] uses the defaults.
pub fn export_dot(
    graph: &KnowledgeGraph,
    options: &DotOptions,
    out: &mut dyn Write,
) -> Result<(), ExportError> {
    dot::write_with(graph, options, out)?;
    out.flush()?;
    Ok(())
}

/// Write `nodes.csv` and `relationships.csv` into `dir` (created when
/// missing) for `neo4j-admin database import full --nodes=nodes.csv
/// --relationships=relationships.csv`, and return their paths.
///
/// Each file is written to a temporary file in `dir` first and renamed into
/// place, so a reader never sees a half-written file. Fields are quoted as in
/// RFC 4180, with line breaks inside text folded into spaces so that
/// `neo4j-admin` needs no `--multiline-fields`. See the `neo4j_csv` module
/// for the columns.
pub fn export_neo4j_csv(graph: &KnowledgeGraph, dir: &Path) -> Result<Vec<PathBuf>, ExportError> {
    neo4j_csv::write_dir(graph, dir)
}
