//! Benches of every export format on the graph of about 4 MB of real news
//! (see `crates/extract/benches/support/realdata.rs`). Throughput is in
//! bytes of output.
//!
//!     cargo bench -p newsgraph-export --bench export

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use newsgraph_export::{Format, export, export_neo4j_csv};
use newsgraph_extract::Extractor;
use newsgraph_graph::{GraphBuilder, KnowledgeGraph};
use std::hint::black_box;
use std::time::Duration;

#[path = "../../extract/benches/support/realdata.rs"]
mod realdata;

fn graph() -> KnowledgeGraph {
    let ex = Extractor::bundled().expect("bundled data");
    let (docs, what) = realdata::mixed(4_000_000);
    let mut b = GraphBuilder::new();
    for d in &docs {
        b.add(&ex.extract(d));
    }
    let g = b.finish();
    eprintln!(
        "export benches: {what}, {} documents, {} nodes, {} edges",
        g.document_count(),
        g.node_count(),
        g.edge_count()
    );
    g
}

fn exports(c: &mut Criterion) {
    let graph = graph();
    let mut g = c.benchmark_group("export");
    g.sample_size(10).measurement_time(Duration::from_secs(5));
    for format in Format::ALL {
        let mut out = Vec::new();
        export(&graph, format, &mut out).expect("export");
        g.throughput(Throughput::Bytes(out.len() as u64));
        let cap = out.len();
        g.bench_function(BenchmarkId::from_parameter(format.as_str()), |b| {
            b.iter(|| {
                let mut out = Vec::with_capacity(cap);
                export(&graph, format, &mut out).expect("export");
                black_box(out)
            })
        });
    }
    let dir = tempfile::tempdir().expect("tempdir");
    g.bench_function(BenchmarkId::from_parameter("neo4j-csv"), |b| {
        b.iter(|| black_box(export_neo4j_csv(&graph, dir.path()).expect("export")))
    });
    g.finish();
}

criterion_group!(benches, exports);
criterion_main!(benches);
