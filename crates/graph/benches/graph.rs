//! Benches of the graph stage on extractions of real news (see
//! `crates/extract/benches/support/realdata.rs`): adding documents to the
//! builder, resolving and building the graph, and snapshot encoding and
//! loading (the core sections that queries read, and the per-document
//! records that `build --update` and `merge` read).
//!
//!     cargo bench -p newsgraph-graph --bench graph

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newsgraph_extract::{DocExtraction, Extractor};
use newsgraph_graph::{GraphBuilder, snapshot};
use std::hint::black_box;
use std::time::Duration;

#[path = "../../extract/benches/support/realdata.rs"]
mod realdata;

/// Extractions of about 4 MB of mixed articles.
fn extractions() -> Vec<DocExtraction> {
    let ex = Extractor::bundled().expect("bundled data");
    let (docs, what) = realdata::mixed(4_000_000);
    eprintln!(
        "graph benches: {} documents ({what}, {:.1} MB)",
        docs.len(),
        realdata::bytes(&docs) as f64 / 1e6
    );
    docs.iter().map(|d| ex.extract(d)).collect()
}

fn builder_of(docs: &[DocExtraction]) -> GraphBuilder {
    let mut b = GraphBuilder::new();
    for d in docs {
        b.add(d);
    }
    b
}

fn merge(c: &mut Criterion) {
    let docs = extractions();
    let mut g = c.benchmark_group("merge");
    g.sample_size(10).measurement_time(Duration::from_secs(10));
    g.throughput(Throughput::Elements(docs.len() as u64));
    g.bench_function("add", |b| b.iter(|| black_box(builder_of(&docs))));
    let built = builder_of(&docs);
    g.bench_function("resolve_and_build", |b| b.iter(|| black_box(built.build())));
    g.bench_function("add_and_finish", |b| {
        b.iter(|| black_box(builder_of(&docs).finish()))
    });
    // Four copies of the corpus under other ids: cost per document should
    // stay flat as the graph grows.
    let mut copies = Vec::with_capacity(docs.len() * 4);
    for k in 0..4 {
        for d in &docs {
            let mut d = d.clone();
            d.doc = format!("copy{k}/{}", d.doc);
            for r in &mut d.relations {
                for e in &mut r.evidence {
                    e.doc.clone_from(&d.doc);
                }
            }
            copies.push(d);
        }
    }
    g.throughput(Throughput::Elements(copies.len() as u64));
    g.bench_function("add_and_finish_x4", |b| {
        b.iter(|| black_box(builder_of(&copies).finish()))
    });
    g.finish();
}

fn snapshots(c: &mut Criterion) {
    let docs = extractions();
    let builder = builder_of(&docs);
    let graph = builder.build();
    let opts = snapshot::SaveOptions {
        extractions: Some((&builder).into()),
        fingerprint: "bench",
    };
    let bytes = snapshot::to_bytes_with(&graph, &opts).expect("encode");
    let core = snapshot::to_bytes(&graph).expect("encode");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("bench.ngraph");
    std::fs::write(&path, &bytes).expect("write");
    eprintln!(
        "snapshot: {} bytes ({} without per-document records)",
        bytes.len(),
        core.len()
    );
    let mut g = c.benchmark_group("snapshot");
    g.sample_size(20).measurement_time(Duration::from_secs(8));
    g.throughput(Throughput::Bytes(bytes.len() as u64));
    g.bench_function("encode", |b| {
        b.iter(|| black_box(snapshot::to_bytes_with(&graph, &opts).expect("encode")))
    });
    g.bench_function("load_file", |b| {
        b.iter(|| black_box(snapshot::load(&path).expect("load")))
    });
    g.bench_function("load_file_and_documents", |b| {
        b.iter(|| {
            let g = snapshot::load(&path).expect("load");
            black_box(g.documents().len())
        })
    });
    g.bench_function("from_bytes", |b| {
        b.iter(|| black_box(snapshot::from_bytes(&bytes, "bench").expect("decode")))
    });
    g.bench_function("load_builder", |b| {
        b.iter(|| black_box(snapshot::load_builder(&path).expect("load")))
    });
    g.finish();
}

criterion_group!(benches, merge, snapshots);
criterion_main!(benches);
