//! `newsgraph export`: write a graph snapshot, or a selection of it, in
//! another format.

use super::report::ignore_broken_pipe;
use crate::cli::{ExportArgs, ExportFormat, SelectionArgs};
use crate::output::write_output;
use anyhow::{Context, Result};
use newsgraph_export::{Format, export, export_neo4j_csv};
use newsgraph_graph::query::NameIndex;
use newsgraph_graph::{KnowledgeGraph, Selection, select, snapshot};
use std::process::ExitCode;

/// The selection the flags describe, with `--around` resolved to an id.
pub fn selection(args: &SelectionArgs, graph: &KnowledgeGraph) -> Result<Selection> {
    let around = match &args.around {
        Some(name) => {
            let names = NameIndex::new(graph);
            let ix = names.resolve(graph, name)?;
            Some(graph.petgraph()[ix].id.clone())
        }
        None => None,
    };
    Ok(Selection {
        around,
        depth: args.depth,
        kinds: args.kind.clone(),
        entity_kinds: args.entity_kind.clone(),
        statuses: args.status.clone(),
        since: args.since.clone(),
        until: args.until.clone(),
        min_confidence: args.min_confidence,
        min_evidence: args.min_evidence,
        top: args.top,
        drop_isolated: false,
    })
}

/// Apply a selection, warning on standard error when it keeps nothing.
pub fn apply(graph: KnowledgeGraph, sel: &Selection) -> KnowledgeGraph {
    if sel.is_everything() {
        return graph;
    }
    let selected = select(&graph, sel);
    if selected.node_count() == 0 {
        eprintln!("newsgraph: warning: the selection keeps no entities");
    }
    selected
}

pub fn run(args: ExportArgs) -> Result<ExitCode> {
    let graph = snapshot::load(&args.graph)?;
    // Exports carry document counts and ids: read the table now, so a
    // damaged one is an error naming the file.
    graph.try_documents()?;
    let sel = selection(&args.select, &graph)?;
    let graph = apply(graph, &sel);
    let format = match args.format {
        ExportFormat::Dot => Format::Dot,
        ExportFormat::Graphml => Format::Graphml,
        ExportFormat::Json => Format::Json,
        ExportFormat::Gexf => Format::Gexf,
        ExportFormat::Cypher => Format::Cypher,
        ExportFormat::Ntriples => Format::Ntriples,
        ExportFormat::Turtle => Format::Turtle,
        ExportFormat::Neo4jCsv => {
            let dir = args
                .output
                .as_deref()
                .context("--format neo4j-csv writes two files: give a directory with -o DIR")?;
            for p in export_neo4j_csv(&graph, dir)? {
                eprintln!("wrote {}", p.display());
            }
            return Ok(ExitCode::SUCCESS);
        }
    };
    ignore_broken_pipe(write_output(args.output.as_deref(), |w| {
        export(&graph, format, w).context("cannot write the export")?;
        Ok(())
    }))?;
    Ok(ExitCode::SUCCESS)
}
