//! The same corpus gives the same bytes: whatever the number of threads,
//! whatever the order of the inputs, and for every export format.

use crate::common::*;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};

/// Every single-file export format.
const FORMATS: [&str; 7] = [
    "dot", "graphml", "json", "gexf", "cypher", "ntriples", "turtle",
];

fn build_with_threads(threads: &str, inputs: &[&str], out: &Path) -> Vec<u8> {
    let o = newsgraph()
        .env("RAYON_NUM_THREADS", threads)
        .arg("build")
        .args(inputs)
        .arg("-o")
        .arg(out)
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "build failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert_no_panic(&o);
    std::fs::read(out).unwrap()
}

fn export_with_threads(threads: &str, graph: &Path, format: &str) -> Vec<u8> {
    let o = newsgraph()
        .env("RAYON_NUM_THREADS", threads)
        .args([
            OsStr::new("export"),
            graph.as_os_str(),
            OsStr::new("--format"),
            OsStr::new(format),
        ])
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "export {format} failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    o.stdout
}

/// The files of a neo4j-csv export directory, by name.
fn neo4j_csv(threads: &str, graph: &Path, dir: &Path) -> Vec<(String, Vec<u8>)> {
    let o = newsgraph()
        .env("RAYON_NUM_THREADS", threads)
        .args([OsStr::new("export"), graph.as_os_str()])
        .args(["--format", "neo4j-csv", "-o"])
        .arg(dir)
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "neo4j-csv failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

#[test]
fn build_and_every_export_are_identical_with_one_and_two_threads() {
    let dir = tempdir();
    let g1 = dir.path().join("one.ngraph");
    let g2 = dir.path().join("two.ngraph");
    let a = build_with_threads("1", &[], &g1);
    let b = build_with_threads("2", &[], &g2);
    assert!(a == b, "snapshot bytes differ between 1 and 2 threads");
    // Each export runs in a separate process (fresh hash seeds), from each
    // snapshot, with 1 and 2 threads.
    for format in FORMATS {
        let x = export_with_threads("1", &g1, format);
        let y = export_with_threads("2", &g2, format);
        assert!(!x.is_empty(), "{format} export is empty");
        assert!(x == y, "{format} export differs between runs");
    }
    let c1 = neo4j_csv("1", &g1, &dir.path().join("csv1"));
    let c2 = neo4j_csv("2", &g2, &dir.path().join("csv2"));
    assert_eq!(c1.len(), 2, "nodes.csv and relationships.csv");
    assert!(c1 == c2, "neo4j-csv files differ between runs");
}

#[test]
fn extract_is_identical_with_one_and_two_threads() {
    let run = |threads: &str| {
        let o = newsgraph()
            .env("RAYON_NUM_THREADS", threads)
            .args(["extract", "data/corpus"])
            .output()
            .unwrap();
        assert!(o.status.success());
        o.stdout
    };
    let (a, b) = (run("1"), run("2"));
    assert!(!a.is_empty());
    assert!(a == b, "extract output differs between 1 and 2 threads");
}

#[test]
fn input_order_does_not_change_the_snapshot() {
    let dir = tempdir();
    // Two files and a directory, given in two orders.
    let corpus = Path::new("data/corpus");
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join(corpus))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| {
            let n = n.to_string_lossy();
            n.ends_with(".txt") || (n.ends_with(".md") && !n.starts_with("README"))
        })
        .map(|n| corpus.join(n))
        .collect();
    files.sort();
    assert!(files.len() >= 3, "the sample corpus has .txt and .md files");
    let a = files[0].to_str().unwrap();
    let b = files[files.len() - 1].to_str().unwrap();
    let c = "data/corpus/wire.jsonl";
    let forward = build_with_threads("2", &[a, b, c], &dir.path().join("abc.ngraph"));
    let backward = build_with_threads("2", &[c, b, a], &dir.path().join("cba.ngraph"));
    assert!(
        forward == backward,
        "snapshot bytes depend on the order of the inputs"
    );
    let x = export_with_threads("1", &dir.path().join("abc.ngraph"), "json");
    let json: serde_json::Value = serde_json::from_slice(&x).unwrap();
    assert_eq!(
        json["graph"]["document_count"], 5,
        "3 wire records + 2 files"
    );
}
