//! Incremental, from-extracted, merged and sharded builds: every way of
//! making a graph gives the snapshot a full `newsgraph build` over the same
//! documents gives, byte for byte, whatever the thread count and input order.
//!
//! Corpora: copies of the bundled sample corpus (`data/corpus`) and of the
//! held-out fixtures (`tests/fixtures/heldout`), so documents ids are stable
//! paths inside a temporary directory.

#![allow(clippy::unwrap_used)]

use assert_cmd::Command;
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The binary, run inside `dir` with a clean environment.
fn ng(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_newsgraph"));
    cmd.current_dir(dir)
        .env_remove("NEWSGRAPH_DATA")
        .env_remove("RAYON_NUM_THREADS")
        .env("RUST_BACKTRACE", "0");
    cmd
}

/// Run and require success; returns stderr (the build report).
fn ok(dir: &Path, args: &[&str]) -> String {
    let out = ng(dir).args(args).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(
        out.status.success(),
        "newsgraph {} failed:\n{stderr}",
        args.join(" ")
    );
    stderr
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let p = e.path();
        if p.is_dir() {
            copy_dir(&p, &to.join(e.file_name()));
        } else if !e.file_name().to_string_lossy().ends_with(".jsonl")
            || e.file_name() == "wire.jsonl"
        {
            std::fs::copy(&p, to.join(e.file_name())).unwrap();
        }
    }
}

/// A temporary directory holding `news/` (the sample corpus) and
/// `more/` (the held-out articles).
fn workspace() -> tempfile::TempDir {
    let t = tempfile::tempdir().unwrap();
    copy_dir(&root().join("data/corpus"), &t.path().join("news"));
    copy_dir(
        &root().join("tests/fixtures/heldout"),
        &t.path().join("more"),
    );
    // The gold file is not an article.
    let _ = std::fs::remove_file(t.path().join("more/gold.jsonl"));
    t
}

fn read(p: PathBuf) -> Vec<u8> {
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// Assert two snapshots are identical, with a useful message if not.
fn same(dir: &Path, a: &str, b: &str) {
    let (x, y) = (read(dir.join(a)), read(dir.join(b)));
    assert!(
        x == y,
        "{a} ({} bytes) and {b} ({} bytes) differ",
        x.len(),
        y.len()
    );
}

fn count(report: &str, what: &str) -> u64 {
    let line = report
        .lines()
        .find(|l| l.trim_start().starts_with(what))
        .unwrap_or_else(|| panic!("no '{what}' line in:\n{report}"));
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

#[test]
fn builds_are_identical_whatever_the_threads_and_input_order() {
    let t = workspace();
    let d = t.path();
    ok(d, &["build", "news", "more", "-o", "a.ngraph", "-q"]);
    let out = ng(d)
        .env("RAYON_NUM_THREADS", "1")
        .args(["build", "more", "news", "-o", "b.ngraph", "-q"])
        .output()
        .unwrap();
    assert!(out.status.success());
    same(d, "a.ngraph", "b.ngraph");
}

#[test]
fn update_with_prune_equals_a_full_rebuild() {
    let t = workspace();
    let d = t.path();
    ok(d, &["build", "news", "-o", "g.ngraph", "-q"]);
    // Change one article, remove one, add one.
    let news = d.join("news");
    let changed = news.join("2025-06-10-nasa-palantir-mission-data.txt");
    let text = std::fs::read_to_string(&changed).unwrap();
    std::fs::write(&changed, text.replace("NASA", "The Navy")).unwrap();
    std::fs::remove_file(news.join("2024-07-09-kestrel-halvorsen-merger.txt")).unwrap();
    std::fs::copy(
        d.join("more/texas-dir-data-center-contract.txt"),
        news.join("texas.txt"),
    )
    .unwrap();
    let report = ok(
        d,
        &["build", "--update", "g.ngraph", "news", "--prune", "-q"],
    );
    assert_eq!(count(&report, "update"), 2, "{report}"); // changed + added
    ok(d, &["build", "news", "-o", "full.ngraph", "-q"]);
    same(d, "g.ngraph", "full.ngraph");
    // Nothing changed since: nothing is extracted, the bytes stay.
    let report = ok(
        d,
        &[
            "build",
            "--update",
            "g.ngraph",
            "news",
            "-o",
            "again.ngraph",
            "-q",
        ],
    );
    assert_eq!(count(&report, "update"), 0, "{report}");
    same(d, "again.ngraph", "full.ngraph");
}

#[test]
fn update_without_prune_keeps_removed_documents() {
    let t = workspace();
    let d = t.path();
    ok(d, &["build", "news", "more", "-o", "g.ngraph", "-q"]);
    // Updating from `news` alone keeps the documents of `more`: the graph
    // is still the one of both directories.
    let report = ok(
        d,
        &[
            "build", "--update", "g.ngraph", "news", "-o", "u.ngraph", "-q",
        ],
    );
    assert_eq!(count(&report, "update"), 0, "{report}");
    same(d, "g.ngraph", "u.ngraph");
    // With --prune they go, giving the graph of `news` alone.
    ok(
        d,
        &[
            "build", "--update", "g.ngraph", "news", "--prune", "-o", "p.ngraph", "-q",
        ],
    );
    ok(d, &["build", "news", "-o", "news.ngraph", "-q"]);
    same(d, "p.ngraph", "news.ngraph");
}

#[test]
fn update_adds_new_directories() {
    let t = workspace();
    let d = t.path();
    ok(d, &["build", "news", "-o", "g.ngraph", "-q"]);
    let report = ok(d, &["build", "--update", "g.ngraph", "news", "more", "-q"]);
    assert_eq!(count(&report, "update"), 12, "{report}");
    ok(d, &["build", "news", "more", "-o", "full.ngraph", "-q"]);
    same(d, "g.ngraph", "full.ngraph");
}

#[test]
fn from_extracted_equals_building_from_the_texts() {
    let t = workspace();
    let d = t.path();
    ok(d, &["build", "news", "more", "-o", "full.ngraph", "-q"]);
    ok(
        d,
        &[
            "extract",
            "--all-relations",
            "news",
            "more",
            "-o",
            "x.jsonl",
            "-q",
        ],
    );
    ok(
        d,
        &[
            "build",
            "--from-extracted",
            "x.jsonl",
            "-o",
            "fx.ngraph",
            "-q",
        ],
    );
    same(d, "full.ngraph", "fx.ngraph");
    // From standard input too.
    let out = ng(d)
        .args(["build", "--from-extracted", "-", "-o", "stdin.ngraph", "-q"])
        .pipe_stdin(d.join("x.jsonl"))
        .unwrap()
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    same(d, "full.ngraph", "stdin.ngraph");
}

#[test]
fn default_extract_output_drops_hedged_relations_so_is_not_complete() {
    // Documented behaviour: `extract` without --all-relations leaves out
    // hedged statements, so building from it can lose evidence; with
    // --all-relations it is complete (see the test above).
    let t = workspace();
    let d = t.path();
    ok(d, &["extract", "news", "more", "-o", "plain.jsonl", "-q"]);
    ok(
        d,
        &[
            "extract",
            "--all-relations",
            "news",
            "more",
            "-o",
            "all.jsonl",
            "-q",
        ],
    );
    let hedged = |file: &str| -> usize {
        let text = std::fs::read_to_string(d.join(file)).unwrap();
        text.lines()
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).unwrap();
                v["relations"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|r| r["status"] == "hedged")
                    .count()
            })
            .sum()
    };
    assert_eq!(hedged("plain.jsonl"), 0);
    assert!(hedged("all.jsonl") > 0, "the sample has hedged relations");
    let plain = std::fs::read_to_string(d.join("plain.jsonl")).unwrap();
    let all = std::fs::read_to_string(d.join("all.jsonl")).unwrap();
    assert_eq!(plain.lines().count(), all.lines().count());
}

#[test]
fn shard_extractions_partition_the_documents_and_rebuild_the_graph() {
    let t = workspace();
    let d = t.path();
    ok(d, &["build", "news", "more", "-o", "full.ngraph", "-q"]);
    ok(
        d,
        &[
            "extract",
            "--all-relations",
            "news",
            "more",
            "-o",
            "all.jsonl",
            "-q",
        ],
    );
    let mut union = Vec::new();
    let mut ids = Vec::new();
    // Shards in reverse order: the graph does not depend on record order.
    for k in (0..3).rev() {
        let file = format!("s{k}.jsonl");
        let shard = format!("{k}/3");
        ok(
            d,
            &[
                "extract",
                "--all-relations",
                "--shard",
                &shard,
                "news",
                "more",
                "-o",
                &file,
                "-q",
            ],
        );
        let text = std::fs::read_to_string(d.join(&file)).unwrap();
        for line in text.lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            ids.push(v["doc"].as_str().unwrap().to_string());
        }
        union.extend_from_slice(text.as_bytes());
        // The same shard again selects the same documents.
        ok(
            d,
            &[
                "extract",
                "--all-relations",
                "--shard",
                &shard,
                "more",
                "news",
                "-o",
                "again.jsonl",
                "-q",
            ],
        );
        assert_eq!(read(d.join(&file)), read(d.join("again.jsonl")));
    }
    let all = std::fs::read_to_string(d.join("all.jsonl")).unwrap();
    let mut expected: Vec<String> = all
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["doc"].as_str().unwrap().to_string()
        })
        .collect();
    ids.sort();
    expected.sort();
    assert_eq!(
        ids, expected,
        "shards must cover every document exactly once"
    );
    std::fs::write(d.join("union.jsonl"), union).unwrap();
    ok(
        d,
        &[
            "build",
            "--from-extracted",
            "union.jsonl",
            "-o",
            "u.ngraph",
            "-q",
        ],
    );
    same(d, "full.ngraph", "u.ngraph");
}

#[test]
fn merge_of_disjoint_corpora_equals_the_build_of_their_union() {
    let t = workspace();
    let d = t.path();
    ok(d, &["build", "news", "-o", "a.ngraph", "-q"]);
    ok(d, &["build", "more", "-o", "b.ngraph", "-q"]);
    ok(d, &["build", "news", "more", "-o", "union.ngraph", "-q"]);
    ok(d, &["merge", "a.ngraph", "b.ngraph", "-o", "ab.ngraph"]);
    same(d, "union.ngraph", "ab.ngraph");
    ok(d, &["merge", "b.ngraph", "a.ngraph", "-o", "ba.ngraph"]);
    same(d, "union.ngraph", "ba.ngraph");
    // Merging a graph with itself changes nothing.
    ok(d, &["merge", "a.ngraph", "a.ngraph", "-o", "aa.ngraph"]);
    same(d, "a.ngraph", "aa.ngraph");
}

#[test]
fn sharded_builds_merge_into_the_full_graph() {
    let t = workspace();
    let d = t.path();
    ok(d, &["build", "news", "more", "-o", "full.ngraph", "-q"]);
    let mut parts = Vec::new();
    for k in 0..4 {
        let out = format!("part{k}.ngraph");
        ok(
            d,
            &[
                "build",
                "news",
                "more",
                "--shard",
                &format!("{k}/4"),
                "-o",
                &out,
                "-q",
            ],
        );
        parts.push(out);
    }
    let mut args = vec!["merge"];
    args.extend(parts.iter().map(String::as_str));
    args.extend(["-o", "merged.ngraph"]);
    ok(d, &args);
    same(d, "full.ngraph", "merged.ngraph");
    // A merged graph can be updated like a built one.
    ok(
        d,
        &[
            "build",
            "--update",
            "merged.ngraph",
            "news",
            "more",
            "-o",
            "m2.ngraph",
            "-q",
        ],
    );
    same(d, "full.ngraph", "m2.ngraph");
}

#[test]
fn merged_and_updated_graphs_answer_queries_like_built_ones() {
    let t = workspace();
    let d = t.path();
    ok(d, &["build", "news", "-o", "a.ngraph", "-q"]);
    ok(d, &["build", "more", "-o", "b.ngraph", "-q"]);
    ok(d, &["merge", "a.ngraph", "b.ngraph", "-o", "ab.ngraph"]);
    let q = ng(d)
        .args(["query", "ab.ngraph", "entity", "Leidos", "--json"])
        .output()
        .unwrap();
    assert!(q.status.success(), "{}", String::from_utf8_lossy(&q.stderr));
    let v: serde_json::Value = serde_json::from_slice(&q.stdout).unwrap();
    assert!(v.to_string().contains("Leidos"));
}

#[test]
fn update_of_a_graph_without_extractions_is_a_clear_error() {
    let t = workspace();
    let d = t.path();
    std::fs::write(d.join("junk.ngraph"), b"not a graph").unwrap();
    let out = ng(d)
        .args(["build", "--update", "junk.ngraph", "news"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("not a newsgraph graph snapshot"), "{err}");
}
