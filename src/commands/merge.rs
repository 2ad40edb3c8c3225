//! `newsgraph merge`: the graph of the union of several corpora, from their
//! snapshots.
//!
//! Every snapshot written by `newsgraph build` stores each document's
//! extraction; merging adds them all to one builder and resolves entities
//! again over the union, so the result is byte for byte the snapshot a
//! single `build` over all the documents gives.

use crate::cli::MergeArgs;
use anyhow::{Context, Result};
use newsgraph_graph::snapshot::{self, SaveOptions};
use std::process::ExitCode;
use std::time::Instant;

pub fn run(data: Option<&std::path::Path>, args: MergeArgs) -> Result<ExitCode> {
    let started = Instant::now();
    let mut merged: Option<(newsgraph_graph::GraphBuilder, String)> = None;
    let mut total = 0usize;
    for path in &args.inputs {
        let (b, info) = snapshot::load_builder(path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        total += b.document_count();
        match &mut merged {
            None => merged = Some((b, info.fingerprint)),
            Some((acc, fp)) => {
                if *fp != info.fingerprint {
                    eprintln!(
                        "newsgraph: warning: {} was extracted with other data or another newsgraph version than {}; the merged graph mixes both",
                        path.display(),
                        args.inputs[0].display()
                    );
                }
                acc.absorb(&b);
            }
        }
    }
    let Some((mut builder, fingerprint)) = merged else {
        anyhow::bail!("nothing to merge");
    };
    if builder.document_count() < total {
        eprintln!(
            "newsgraph: warning: {} documents were in more than one input; each was kept once",
            total - builder.document_count()
        );
    }
    builder.set_rules(crate::pipeline::resolution(data)?);
    let graph = builder.build();
    snapshot::save_with(
        &graph,
        &args.output,
        &SaveOptions {
            extractions: Some((&builder).into()),
            fingerprint: &fingerprint,
        },
    )
    .with_context(|| format!("cannot write {}", args.output.display()))?;
    eprintln!(
        "merged {} graphs into {}: {} documents, {} entities, {} relations ({:.2}s)",
        args.inputs.len(),
        args.output.display(),
        graph.document_count(),
        graph.node_count(),
        graph.edge_count(),
        started.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}
