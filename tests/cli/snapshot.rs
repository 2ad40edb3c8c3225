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

/// The sections of a snapshot in format 2 or later, from its section table:
/// (tag, offset, length). Empty for format 1 (a single payload).
fn sections(bytes: &[u8]) -> Vec<(String, usize, usize)> {
    let u32_at = |at: usize| u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap());
    let u64_at = |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap()) as usize;
    if u32_at(8) < 2 {
        return Vec::new();
    }
    (0..u32_at(12) as usize)
        .map(|i| {
            let entry = 16 + 32 * i;
            let tag = String::from_utf8_lossy(&bytes[entry..entry + 8])
                .trim_end_matches('\0')
                .to_string();
            (tag, u64_at(entry + 8), u64_at(entry + 16))
        })
        .collect()
}

/// Sections that `export` and `query` read (the stored per-document
/// extractions are only read by `build --update` and `merge`).
const LAZY: &[&str] = &["EXTRACTS"];

/// Every way a user can damage a snapshot, with the file written in `dir`.
fn damaged(dir: &Path) -> Vec<(String, std::path::PathBuf)> {
    let good = std::fs::read(&sample_graph().path).unwrap();
    let mut cases = Vec::new();
    let mut write = |name: &str, file: &str, bytes: &[u8]| {
        let p = dir.join(file);
        std::fs::write(&p, bytes).unwrap();
        cases.push((name.to_string(), p));
    };
    write("truncated", "truncated.ngraph", &good[..good.len() / 2]);
    write("header only", "header.ngraph", &good[..20]);
    // A changed byte in every section a reader decodes (format 1: in the
    // payload), and in the header.
    let mut flips: Vec<(String, usize)> = sections(&good)
        .into_iter()
        .filter(|(tag, _, len)| *len > 0 && !LAZY.contains(&tag.as_str()))
        .map(|(tag, off, len)| (format!("flipped byte in {tag}"), off + len / 2))
        .collect();
    if flips.is_empty() {
        flips.push(("flipped payload byte".to_string(), good.len() * 2 / 3));
    }
    flips.push(("flipped header byte".to_string(), 13));
    for (i, (name, at)) in flips.iter().enumerate() {
        let mut bytes = good.clone();
        bytes[*at] ^= 0x5a;
        write(name, &format!("flipped{i}.ngraph"), &bytes);
    }
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
            vec!["query", file, "stats"],
            vec!["query", file, "entity", "DoD", "--json"],
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
    let message = |path: &Path| {
        assert_fails(&run([
            "export".as_ref(),
            path.as_os_str(),
            "--format".as_ref(),
            "dot".as_ref(),
        ]))
    };
    let mut flipped = 0;
    for (case, path) in &cases {
        let err = message(path);
        let want = if case.contains("foreign") || case.contains("empty") {
            "not a newsgraph"
        } else {
            "corrupt"
        };
        assert!(err.contains(want), "{case}: {err}");
        flipped += usize::from(case.starts_with("flipped"));
    }
    assert!(flipped >= 2, "changed bytes were tried");
}

/// The document table (`DOCS`) is read only by what shows documents
/// (exports, `query stats`, `query entity --json`, `diff`): a query that
/// does not is answered from the checked sections it reads, and the damage
/// is reported by the first command that reads the table.
#[test]
fn damage_in_the_document_table_is_reported_when_it_is_read() {
    let good = std::fs::read(&sample_graph().path).unwrap();
    let (_, off, len) = sections(&good)
        .into_iter()
        .find(|(tag, _, len)| tag == "DOCS" && *len > 0)
        .expect("a DOCS section");
    let dir = tempdir();
    let bad = dir.path().join("bad.ngraph");
    let mut bytes = good.clone();
    bytes[off + len / 2] ^= 0x5a;
    std::fs::write(&bad, &bytes).unwrap();
    let file = bad.to_str().unwrap();
    let table = run(["query", file, "entity", "DoD"]);
    assert!(table.status.success(), "the table query reads no documents");
    let good_table = run([
        "query",
        sample_graph().path.to_str().unwrap(),
        "entity",
        "DoD",
    ]);
    assert_eq!(table.stdout, good_table.stdout);
    for args in [
        vec!["query", file, "entity", "DoD", "--json"],
        vec!["query", file, "stats"],
        vec!["export", file, "--format", "json"],
        vec!["diff", file, file],
    ] {
        let err = assert_fails(&run(&args));
        assert!(
            err.contains(file) && err.contains("DOCS"),
            "`newsgraph {}`: {err}",
            args.join(" ")
        );
    }
}

/// The stored per-document extractions are read only by `build --update`
/// and `merge`; damage there is reported when they read it.
#[test]
fn damage_in_the_stored_extractions_is_reported_when_they_are_used() {
    let good = std::fs::read(&sample_graph().path).unwrap();
    let Some((_, off, len)) = sections(&good)
        .into_iter()
        .find(|(tag, _, len)| LAZY.contains(&tag.as_str()) && *len > 0)
    else {
        println!("SKIP: this snapshot format stores no per-document extractions");
        return;
    };
    let dir = tempdir();
    let bad = dir.path().join("bad.ngraph");
    let mut bytes = good.clone();
    bytes[off + len / 2] ^= 0x5a;
    std::fs::write(&bad, &bytes).unwrap();
    let out = dir.path().join("out.ngraph");
    for args in [
        vec![
            "build".as_ref(),
            "--update".as_ref(),
            bad.as_os_str(),
            "data/corpus".as_ref(),
            "-o".as_ref(),
            out.as_os_str(),
        ],
        vec![
            "merge".as_ref(),
            bad.as_os_str(),
            sample_graph().path.as_os_str(),
            "-o".as_ref(),
            out.as_os_str(),
        ],
    ] {
        let o = run(&args);
        let err = assert_fails(&o);
        assert!(
            err.contains("bad.ngraph") && err.contains("corrupt"),
            "{args:?}: {err}"
        );
        assert!(!out.exists(), "{args:?}: no output from a damaged input");
        assert!(tmp_leftovers(dir.path()).is_empty());
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
