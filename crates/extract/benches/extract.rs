//! Benches of the extraction hot stages on real news text (see
//! `realdata.rs`): tokenizing and sentence splitting, gazetteer matching on
//! text dense with organisation names, and whole per-document extraction
//! per source. Throughput is in bytes of article text.
//!
//!     cargo bench -p newsgraph-extract --bench extract
//!     NEWSGRAPH_BENCH_DATA=/path/to/shared/data cargo bench ...

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use newsgraph_corpus::Document;
use newsgraph_extract::{Extractor, text};
use std::hint::black_box;
use std::time::Duration;

#[path = "support/realdata.rs"]
mod realdata;

/// About 1 MB of mixed real articles.
const MIX_BYTES: usize = 1_000_000;

fn sentences(c: &mut Criterion) {
    let (docs, what) = realdata::mixed(MIX_BYTES);
    let mut g = c.benchmark_group("text");
    g.throughput(Throughput::Bytes(realdata::bytes(&docs)));
    g.bench_function(BenchmarkId::new("tokenize", what), |b| {
        b.iter(|| {
            for d in &docs {
                black_box(text::tokenize(&d.text));
            }
        })
    });
    let tokens: Vec<_> = docs.iter().map(|d| text::tokenize(&d.text)).collect();
    g.bench_function(BenchmarkId::new("sentences", what), |b| {
        b.iter(|| {
            for (d, t) in docs.iter().zip(&tokens) {
                black_box(text::sentences(&d.text, t));
            }
        })
    });
    g.finish();
}

/// Articles made of gazetteer names: every sentence names two organisations
/// (by name or alias, in turn), so gazetteer matching dominates.
fn org_dense_docs(ex: &Extractor) -> Vec<Document> {
    let forms: Vec<&str> = ex
        .gazetteer()
        .entries()
        .iter()
        .flat_map(|e| std::iter::once(e.name.as_str()).chain(e.aliases.iter().map(String::as_str)))
        .collect();
    let templates = [
        "{a} signed a contract with {b} on Monday.",
        "Officials at {a} said {b} would supply the systems.",
        "{a} and {b} announced a partnership, the companies said.",
        "{a} filed a lawsuit against {b} over the terms of the deal.",
    ];
    let mut docs = Vec::new();
    let mut text = String::new();
    for (i, pair) in forms.chunks(2).enumerate() {
        let (a, b) = (pair[0], pair.get(1).copied().unwrap_or("Acme Corp"));
        let t = templates[i % templates.len()];
        text.push_str(&t.replace("{a}", a).replace("{b}", b));
        text.push(' ');
        if text.len() > 3000 {
            docs.push(Document {
                id: format!("org-dense-{}.txt", docs.len()),
                title: None,
                date: None,
                url: None,
                text: std::mem::take(&mut text),
            });
        }
    }
    docs
}

fn gazetteer(c: &mut Criterion) {
    let ex = Extractor::bundled().expect("bundled data");
    let docs = org_dense_docs(&ex);
    let mut g = c.benchmark_group("gazetteer");
    g.sample_size(10).measurement_time(Duration::from_secs(10));
    g.throughput(Throughput::Bytes(realdata::bytes(&docs)));
    g.bench_function("extract_org_dense", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(ex.extract(d));
            }
        })
    });
    g.finish();
    let mut g = c.benchmark_group("setup");
    g.sample_size(10);
    g.bench_function("extractor_bundled", |b| {
        b.iter(|| black_box(Extractor::bundled().expect("bundled data")))
    });
    g.finish();
}

fn per_document(c: &mut Criterion) {
    let ex = Extractor::bundled().expect("bundled data");
    let mut g = c.benchmark_group("extract");
    g.sample_size(10).measurement_time(Duration::from_secs(15));
    let (mix, what) = realdata::mixed(MIX_BYTES);
    let mut sets: Vec<(String, Vec<Document>)> = vec![(what.to_string(), mix)];
    for s in ["bbc", "reuters", "gsa"] {
        let mut docs = realdata::source(s);
        let mut bytes = 0;
        docs.retain(|d| {
            bytes += d.text.len();
            bytes <= MIX_BYTES / 2
        });
        if !docs.is_empty() {
            sets.push((s.to_string(), docs));
        }
    }
    for (name, docs) in &sets {
        g.throughput(Throughput::Bytes(realdata::bytes(docs)));
        g.bench_function(BenchmarkId::new("per_document", name), |b| {
            b.iter(|| {
                for d in docs {
                    black_box(ex.extract(d));
                }
            })
        });
    }
    g.finish();
}

criterion_group!(benches, sentences, gazetteer, per_document);
criterion_main!(benches);
