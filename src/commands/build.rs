//! `newsgraph build`: corpus -> extraction -> graph snapshot.
//!
//! Also `--update` (re-extract only new or changed documents, reusing the
//! per-document extractions stored in the snapshot), `--from-extracted`
//! (build from `newsgraph extract` output) and `--shard K/N`. Every mode
//! gives the snapshot a full build over the same documents gives, byte for
//! byte.

use crate::cli::BuildArgs;
use crate::pipeline::{self, Decision, lock};
use anyhow::{Context, Result, bail};
use newsgraph_extract::{EntityKind, RelationKind, content_hash};
use newsgraph_graph::snapshot::{self, EncodedExtractions, SaveOptions};
use newsgraph_graph::{GraphBuilder, KnowledgeGraph};
use serde_json::json;
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// Counters and stage times of one run.
#[derive(Debug, Default)]
struct Run {
    setup: Duration,
    discover: Duration,
    parallel: Duration,
    load: Duration,
    extract: Duration,
    merge: Duration,
    prune: Duration,
    resolve: Duration,
    write: Duration,
    documents_read: u64,
    text_bytes: u64,
    extracted: u64,
    extracted_bytes: u64,
    reused: u64,
    removed: u64,
    files: usize,
    skipped_files: usize,
    skipped_records: usize,
    json_bytes: u64,
}

pub fn run(data: Option<&Path>, args: BuildArgs) -> Result<ExitCode> {
    let started = Instant::now();
    let output = args
        .output
        .clone()
        .or_else(|| args.update.clone())
        .unwrap_or_else(|| PathBuf::from("graph.ngraph"));
    let fp = pipeline::fingerprint(data);
    let mut run = Run::default();
    let mut builder = if args.from_extracted {
        from_extracted(&args, &mut run)?
    } else {
        from_texts(data, &args, &fp, &mut run)?
    };
    builder.set_rules(pipeline::resolution(data)?);
    if builder.duplicates() > 0 {
        eprintln!(
            "newsgraph: warning: {} documents had an id seen before; one record was kept per id (the one with the greatest content hash)",
            builder.duplicates()
        );
    }
    let t = Instant::now();
    // The records stored with the graph are encoded while it is resolved.
    let (graph, records) = rayon::join(|| builder.build(), || EncodedExtractions::encode(&builder));
    let records = records.context("cannot encode the per-document records")?;
    run.resolve = t.elapsed();
    let t = Instant::now();
    snapshot::save_with(
        &graph,
        &output,
        &SaveOptions {
            extractions: Some((&records).into()),
            fingerprint: &fp,
        },
    )
    .with_context(|| format!("cannot write the graph to {}", output.display()))?;
    run.write = t.elapsed();
    let wall = started.elapsed();
    report(&args, &output, &graph, &builder, &run, wall)?;
    Ok(ExitCode::SUCCESS)
}

fn from_extracted(args: &BuildArgs, run: &mut Run) -> Result<GraphBuilder> {
    if args.inputs.is_empty() {
        bail!(
            "--from-extracted needs the JSON Lines files written by `newsgraph extract` (or - for standard input)"
        );
    }
    let t = Instant::now();
    let builder = Mutex::new(GraphBuilder::new());
    let merge_ns = AtomicU64::new(0);
    let (records, bytes) = pipeline::read_extractions(&args.inputs, |x| {
        if args.shard.is_some_and(|s| !s.contains(&x.doc)) {
            return;
        }
        let t = Instant::now();
        lock(&builder).add(&x);
        merge_ns.fetch_add(t.elapsed().as_nanos() as u64, Ordering::Relaxed);
    })?;
    run.parallel = t.elapsed();
    run.merge = Duration::from_nanos(merge_ns.into_inner());
    run.load = run.parallel.saturating_sub(run.merge);
    run.documents_read = records;
    run.json_bytes = bytes;
    run.files = args.inputs.len();
    let builder = builder.into_inner().unwrap_or_else(|e| e.into_inner());
    run.text_bytes = builder.text_bytes();
    Ok(builder)
}

fn from_texts(
    data: Option<&Path>,
    args: &BuildArgs,
    fp: &str,
    run: &mut Run,
) -> Result<GraphBuilder> {
    let t = Instant::now();
    let inputs = if args.inputs.is_empty() {
        vec![pipeline::sample_corpus()]
    } else {
        args.inputs.clone()
    };
    let ex = pipeline::extractor(data)?;
    // The stored extractions to reuse, and whether they were made with the
    // same rules and tool (else everything is extracted again).
    let (prior, stale) = match &args.update {
        Some(path) => {
            let (b, info) = snapshot::load_builder(path)
                .with_context(|| format!("cannot update {}", path.display()))?;
            let stale = info.fingerprint != fp;
            if stale {
                eprintln!(
                    "newsgraph: note: {} was built with other extraction data or another newsgraph version; every document is extracted again",
                    path.display()
                );
            }
            (b, stale)
        }
        None => (GraphBuilder::new(), false),
    };
    run.setup = t.elapsed();
    let updating = args.update.is_some();
    let builder = Mutex::new(prior);
    let seen: Mutex<HashSet<String>> = Mutex::new(HashSet::new());
    let replaced: Mutex<HashSet<String>> = Mutex::new(HashSet::new());
    let reused = AtomicU64::new(0);
    let streamed = pipeline::stream(
        &inputs,
        &args.corpus,
        &ex,
        |d| {
            if args.shard.is_some_and(|s| !s.contains(&d.id)) {
                return Decision::Skip;
            }
            if updating {
                lock(&seen).insert(d.id.clone());
                if !stale {
                    let hash = content_hash(&d.text);
                    let current = lock(&builder).contains_current(
                        &d.id,
                        &hash,
                        d.title.as_deref(),
                        d.date.as_deref(),
                        d.url.as_deref(),
                    );
                    if current {
                        reused.fetch_add(1, Ordering::Relaxed);
                        return Decision::Skip;
                    }
                }
            }
            Decision::Extract
        },
        |x| {
            let first = updating && lock(&replaced).insert(x.doc.clone());
            let mut b = lock(&builder);
            if first {
                // The stored record of a changed document goes; a document
                // listed twice in the inputs is then handled like in a
                // full build.
                b.remove(&x.doc);
            }
            b.add(&x);
        },
    )?;
    pipeline::print_warnings(&streamed.report);
    let mut builder = builder.into_inner().unwrap_or_else(|e| e.into_inner());
    let t = Instant::now();
    if args.prune {
        let seen = seen.into_inner().unwrap_or_else(|e| e.into_inner());
        let gone: Vec<String> = builder
            .document_ids()
            .filter(|id| !seen.contains(*id))
            .map(str::to_string)
            .collect();
        for id in &gone {
            builder.remove(id);
        }
        run.removed = gone.len() as u64;
    } else if updating && stale {
        let seen = seen.into_inner().unwrap_or_else(|e| e.into_inner());
        let kept = builder
            .document_ids()
            .filter(|id| !seen.contains(*id))
            .count();
        if kept > 0 {
            eprintln!(
                "newsgraph: warning: {kept} documents not in the inputs keep extractions made with the old data; use --prune to drop them"
            );
        }
    }
    run.prune = t.elapsed();
    let r = &streamed.report;
    run.discover = streamed.discover;
    run.parallel = streamed.wall;
    run.load = streamed.clock.load();
    run.extract = streamed.clock.extract();
    run.merge = streamed.clock.sink();
    run.documents_read = r.documents as u64;
    run.text_bytes = streamed.text_bytes;
    run.extracted = streamed.extracted;
    run.extracted_bytes = streamed.extracted_bytes;
    run.reused = reused.into_inner();
    run.files = r.files;
    run.skipped_files = r.skipped_files;
    run.skipped_records = r.skipped_records;
    Ok(builder)
}

/// Peak resident set size of this process so far, in bytes (Linux).
fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

fn report(
    args: &BuildArgs,
    output: &Path,
    graph: &KnowledgeGraph,
    builder: &GraphBuilder,
    run: &Run,
    wall: Duration,
) -> Result<()> {
    let mut ent: BTreeMap<EntityKind, usize> = BTreeMap::new();
    for n in graph.nodes() {
        *ent.entry(n.kind).or_default() += 1;
    }
    let mut rel: BTreeMap<RelationKind, usize> = BTreeMap::new();
    let mut evidence = 0usize;
    for e in graph.edges() {
        *rel.entry(e.kind).or_default() += 1;
        evidence += e.evidence.len();
    }
    let sentences = builder.sentence_count();
    let secs = wall.as_secs_f64();
    let mb = run.text_bytes as f64 / 1e6;
    let rate = |x: f64| if secs > 0.0 { x / secs } else { 0.0 };
    let threads = rayon::current_num_threads();
    let snapshot_bytes = std::fs::metadata(output).map(|m| m.len()).unwrap_or(0);
    let rss = peak_rss();
    eprintln!("built {}", output.display());
    if args.from_extracted {
        eprintln!(
            "  documents   {:>8}   (from {} extraction records in {} files)",
            graph.document_count(),
            run.documents_read,
            run.files
        );
    } else {
        eprintln!(
            "  documents   {:>8}   ({} files, {} skipped files, {} skipped records)",
            graph.document_count(),
            run.files,
            run.skipped_files,
            run.skipped_records
        );
        if args.update.is_some() {
            eprintln!(
                "  update      {:>8}   extracted, {} reused, {} removed",
                run.extracted, run.reused, run.removed
            );
        }
    }
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
    eprintln!(
        "  time        {secs:>8.2}s  ({mb:.1} MB of text, {:.1} MB/s, {:.0} documents/s, {threads} threads)",
        rate(mb),
        rate(run.documents_read as f64),
    );
    eprintln!(
        "  stages      setup {:.2}s, read+extract+merge {:.2}s wall (thread time: load {:.2}s, extract {:.2}s, merge {:.2}s), resolve {:.2}s, write {:.2}s",
        run.setup.as_secs_f64(),
        (run.discover + run.parallel).as_secs_f64(),
        run.load.as_secs_f64(),
        run.extract.as_secs_f64(),
        run.merge.as_secs_f64(),
        run.resolve.as_secs_f64(),
        run.write.as_secs_f64()
    );
    if let Some(path) = &args.timings_json {
        let s = |d: Duration| (d.as_secs_f64() * 1e6).round() / 1e6;
        let v = json!({
            "output": output.display().to_string(),
            "mode": if args.from_extracted { "from_extracted" } else if args.update.is_some() { "update" } else { "build" },
            "threads": threads,
            "documents": graph.document_count(),
            "documents_read": run.documents_read,
            "documents_extracted": run.extracted,
            "documents_reused": run.reused,
            "documents_removed": run.removed,
            "files": run.files,
            "text_bytes": run.text_bytes,
            "extracted_bytes": run.extracted_bytes,
            "json_bytes": run.json_bytes,
            "sentences": sentences,
            "nodes": graph.node_count(),
            "edges": graph.edge_count(),
            "evidence": evidence,
            "snapshot_bytes": snapshot_bytes,
            "builder_heap_bytes": builder.heap_bytes(),
            "peak_rss_bytes": rss,
            "wall_s": s(wall),
            "mb_per_s": rate(mb),
            "documents_per_s": rate(run.documents_read as f64),
            "stages": {
                "setup_s": s(run.setup),
                "discover_s": s(run.discover),
                "parallel_wall_s": s(run.parallel),
                "load_thread_s": s(run.load),
                "extract_thread_s": s(run.extract),
                "merge_thread_s": s(run.merge),
                "prune_s": s(run.prune),
                "resolve_s": s(run.resolve),
                "write_s": s(run.write),
            },
        });
        let text = serde_json::to_string_pretty(&v)? + "\n";
        std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(())
}
