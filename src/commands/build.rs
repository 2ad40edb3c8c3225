//! `newsgraph build`: corpus -> extraction -> graph snapshot.

use crate::cli::BuildArgs;
use crate::pipeline;
use anyhow::{Context, Result};
use newsgraph_extract::{EntityKind, RelationKind};
use newsgraph_graph::{GraphBuilder, snapshot};
use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

pub fn run(data: Option<&Path>, args: BuildArgs) -> Result<ExitCode> {
    let started = Instant::now();
    let inputs = if args.inputs.is_empty() {
        vec![pipeline::sample_corpus()]
    } else {
        args.inputs.clone()
    };
    let ex = pipeline::extractor(data)?;
    let extracted = pipeline::extract_corpus(&inputs, &args.corpus, &ex)?;
    pipeline::print_warnings(&extracted.report);
    let merge_started = Instant::now();
    let mut builder = GraphBuilder::new();
    let mut sentences = 0u64;
    let mut bytes = 0u64;
    for d in &extracted.docs {
        builder.add(d);
        sentences += u64::from(d.sentences);
        bytes += d.bytes;
    }
    let graph = builder.finish();
    let merge_time = merge_started.elapsed();
    let write_started = Instant::now();
    snapshot::save(&graph, &args.output)
        .with_context(|| format!("cannot write the graph to {}", args.output.display()))?;
    let write_time = write_started.elapsed();
    let secs = started.elapsed().as_secs_f64();

    let mut ent: BTreeMap<EntityKind, usize> = BTreeMap::new();
    for n in graph.nodes() {
        *ent.entry(n.kind).or_default() += 1;
    }
    let mut rel: BTreeMap<RelationKind, usize> = BTreeMap::new();
    for e in graph.edges() {
        *rel.entry(e.kind).or_default() += 1;
    }
    let r = &extracted.report;
    eprintln!("built {}", args.output.display());
    eprintln!(
        "  documents   {:>8}   ({} files, {} skipped files, {} skipped records)",
        r.documents, r.files, r.skipped_files, r.skipped_records
    );
    eprintln!("  sentences   {sentences:>8}");
    eprintln!(
        "  entities    {:>8}   ({})",
        graph.node_count(),
        EntityKind::ALL
            .iter()
            .map(|k| format!("{} {}", k, ent.get(k).copied().unwrap_or(0)))
            .collect::<Vec<_>>()
            .join(", ")
    );
    eprintln!(
        "  relations   {:>8}   ({})",
        graph.edge_count(),
        RelationKind::ALL
            .iter()
            .map(|k| format!("{} {}", k, rel.get(k).copied().unwrap_or(0)))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let mb = bytes as f64 / 1e6;
    eprintln!(
        "  time        {secs:>8.2}s  ({:.1} MB of text, {:.1} MB/s; load+extract {:.2}s, merge {:.2}s, write {:.2}s)",
        mb,
        if secs > 0.0 { mb / secs } else { 0.0 },
        extracted.elapsed.as_secs_f64(),
        merge_time.as_secs_f64(),
        write_time.as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}
