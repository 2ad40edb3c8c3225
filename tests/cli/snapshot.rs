//! Snapshots: a copy exports exactly like the original, and damaged or
//! foreign files give one clear error line naming the file, never a panic.

use crate::common::*;
use std::path::Path;

fn export(graph: &Path, format: &str) -> Vec<u8> {
    ok([
        "export".as_ref(),
        graph.as_os_str(),
        "--format".as_ref(),
        format.as_ref(),
    ])
}

#[test]
fn a_copied_snapshot_exports_the_same_json() {
    let original = &sample_graph().path;
    let dir = tempdir();
    let copy = dir.path().join("copy.ngraph");
    std::fs::copy(original, &copy).unwrap();
    let a = export(original, "json");
    let b = export(&copy, "json");
    assert!(!a.is_empty());
    assert!(a == b, "JSON of the copy differs from the original's");
    // And the graph survives: the JSON describes a non-trivial graph.
    let json: serde_json::Value = serde_json::from_slice(&b).unwrap();
    assert!(!json["nodes"].as_array().unwrap().is_empty());
    assert!(!json["links"].as_array().unwrap().is_empty());
}

#[test]
fn build_writes_a_snapshot_with_magic_bytes() {
    let bytes = std::fs::read(&sample_graph().path).unwrap();
    assert!(
        bytes.starts_with(b"NGRAPH"),
        "snapshot starts with its magic"
    );
    assert!(bytes.len() > 100);
}

/// Every way a user can damage a snapshot, with the file written in `dir`.
fn damaged(dir: &Path) -> Vec<(&'static str, std::path::PathBuf)> {
    let good = std::fs::read(&sample_graph().path).unwrap();
    let mut cases = Vec::new();
    let mut write = |name: &'static str, file: &str, bytes: &[u8]| {
        let p = dir.join(file);
        std::fs::write(&p, bytes).unwrap();
        cases.push((name, p));
    };
    write("truncated", "truncated.ngraph", &good[..good.len() / 2]);
    write("header only", "header.ngraph", &good[..20]);
    let mut flipped = good.clone();
    let at = good.len() * 2 / 3;
    flipped[at] ^= 0x5a;
    write("flipped payload byte", "flipped.ngraph", &flipped);
    let mut padded = good.clone();
    padded.extend_from_slice(b"trailing junk");
    write("trailing bytes", "padded.ngraph", &padded);
    write(
        "foreign text file",
        "notes.txt",
        b"These are my notes, not a graph.\n",
    );
    write("empty file", "empty.ngraph", b"");
    cases
}

#[test]
fn damaged_snapshots_give_one_line_errors_naming_the_file() {
    let dir = tempdir();
    for (case, path) in damaged(dir.path()) {
        let file = path.to_str().unwrap();
        for args in [
            vec!["export", file, "--format", "json"],
            vec!["export", file, "--format", "graphml"],
            vec!["query", file, "entity", "DoD"],
        ] {
            let out = run(&args);
            let err = assert_fails(&out);
            assert!(out.stdout.is_empty(), "{case}: nothing on stdout");
            let lines: Vec<&str> = err.lines().filter(|l| !l.trim().is_empty()).collect();
            assert_eq!(
                lines.len(),
                1,
                "{case}: `newsgraph {}` should print one error line, got:\n{err}",
                args.join(" ")
            );
            assert!(
                lines[0].contains(file),
                "{case}: the error names the file: {}",
                lines[0]
            );
            assert!(lines[0].contains("error"), "{case}: {}", lines[0]);
        }
    }
}

#[test]
fn damaged_snapshot_errors_say_what_is_wrong() {
    let dir = tempdir();
    let cases = damaged(dir.path());
    let message = |name: &str| {
        let (_, path) = cases.iter().find(|(n, _)| *n == name).unwrap();
        assert_fails(&run([
            "export".as_ref(),
            path.as_os_str(),
            "--format".as_ref(),
            "dot".as_ref(),
        ]))
    };
    assert!(message("foreign text file").contains("not a newsgraph"));
    assert!(message("empty file").contains("not a newsgraph"));
    for case in ["truncated", "flipped payload byte", "trailing bytes"] {
        assert!(message(case).contains("corrupt"), "{case}");
    }
}

#[test]
fn a_missing_snapshot_is_an_error_naming_it() {
    let dir = tempdir();
    let missing = dir.path().join("nope.ngraph");
    let err = assert_fails(&run([
        "query".as_ref(),
        missing.as_os_str(),
        "entity".as_ref(),
        "DoD".as_ref(),
    ]));
    assert!(err.contains("nope.ngraph"), "{err}");
}

#[test]
fn rebuilding_replaces_the_snapshot_atomically() {
    let dir = tempdir();
    let out = dir.path().join("g.ngraph");
    std::fs::write(&out, b"old contents").unwrap();
    ok([
        "build".as_ref(),
        "data/corpus/wire.jsonl".as_ref(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"NGRAPH"));
    assert!(tmp_leftovers(dir.path()).is_empty());
    let json = export_json(&out);
    assert_eq!(json["graph"]["document_count"], 3);
}
