//! `newsgraph export`: write a graph snapshot in another format.

use crate::cli::{ExportArgs, ExportFormat};
use crate::output::write_output;
use anyhow::{Context, Result};
use newsgraph_export::{Format, export, export_neo4j_csv};
use newsgraph_graph::snapshot;
use std::process::ExitCode;

pub fn run(args: ExportArgs) -> Result<ExitCode> {
    let graph = snapshot::load(&args.graph)?;
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
    write_output(args.output.as_deref(), |w| {
        export(&graph, format, w).context("cannot write the export")?;
        Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}
