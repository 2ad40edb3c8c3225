//! Real news texts for the benches, read at run time from the shared data
//! directory (`NEWSGRAPH_BENCH_DATA`, default `../shared/data` beside the
//! project): BBC News (.txt), Reuters-21578 bodies (JSON Lines) and GSA IT
//! news (.md). Nothing is copied into the project. When the directory is
//! missing the benches fall back to the bundled sample corpus and say so.
//!
//! Shared by the benches of several crates through `#[path]`.

#![allow(dead_code)]

use newsgraph_corpus::{Document, JsonFields, LoadOptions, load_all};
use std::path::{Path, PathBuf};

/// The project root.
pub fn project_root() -> PathBuf {
    // Every crate lives at <root>/crates/<name>.
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .find(|p| p.join("data/corpus").is_dir())
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// The shared data directory, when present.
pub fn data_dir() -> Option<PathBuf> {
    let dir = match std::env::var_os("NEWSGRAPH_BENCH_DATA") {
        Some(d) => PathBuf::from(d),
        None => project_root().join("../shared/data"),
    };
    dir.is_dir().then_some(dir)
}

fn load(paths: &[PathBuf], fields: Option<(&str, &str, &str)>) -> Vec<Document> {
    let mut opts = LoadOptions::default();
    if let Some((text, title, id)) = fields {
        opts.fields = JsonFields {
            text: vec![text.to_string()],
            title: vec![title.to_string()],
            id: vec![id.to_string()],
            ..JsonFields::default()
        };
    }
    match load_all(paths, &opts) {
        Ok((docs, _)) => docs,
        Err(e) => {
            eprintln!("bench data: cannot load {}: {e}", paths[0].display());
            Vec::new()
        }
    }
}

/// Documents of one source: `bbc`, `reuters`, `gsa`, or `sample` (the
/// bundled corpus). Empty when the source is absent.
pub fn source(name: &str) -> Vec<Document> {
    if name == "sample" {
        return load(&[project_root().join("data/corpus")], None);
    }
    let Some(data) = data_dir() else {
        return Vec::new();
    };
    match name {
        "bbc" => load(&[data.join("bbc_news_greene2006/bbc")], None),
        "reuters" => load(
            &[data.join("reuters21578/reuters21578_articles.jsonl")],
            Some(("body", "title", "newid")),
        ),
        "gsa" => load(&[data.join("gsa_itvmo_news/news")], None),
        _ => Vec::new(),
    }
}

/// A mix of the three sources interleaved (Reuters, BBC, GSA), capped at
/// `max_bytes` of text; the sample corpus when the shared data is absent.
pub fn mixed(max_bytes: usize) -> (Vec<Document>, &'static str) {
    let groups: Vec<Vec<Document>> = ["reuters", "bbc", "gsa"]
        .iter()
        .map(|s| source(s))
        .filter(|g| !g.is_empty())
        .collect();
    if groups.is_empty() {
        eprintln!(
            "bench data: no shared data directory (set NEWSGRAPH_BENCH_DATA); using the sample corpus"
        );
        return (source("sample"), "sample");
    }
    let total: usize = groups.iter().map(Vec::len).sum();
    let mut pos = vec![0usize; groups.len()];
    let mut out = Vec::new();
    let mut bytes = 0;
    for i in 0..total {
        let g = (0..groups.len())
            .max_by(|&a, &b| {
                let share = |g: usize| {
                    (i + 1) as f64 * groups[g].len() as f64 / total as f64 - pos[g] as f64
                };
                share(a).total_cmp(&share(b))
            })
            .unwrap_or(0);
        if let Some(d) = groups[g].get(pos[g]) {
            bytes += d.text.len();
            out.push(d.clone());
        }
        pos[g] += 1;
        if bytes >= max_bytes {
            break;
        }
    }
    (out, "bbc+reuters+gsa")
}

/// Total text bytes.
pub fn bytes(docs: &[Document]) -> u64 {
    docs.iter().map(|d| d.text.len() as u64).sum()
}
