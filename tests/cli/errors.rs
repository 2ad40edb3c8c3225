//! What users get wrong: clear errors naming the file (and line), non-zero
//! exits, no panics, and no half-written output files.

use crate::common::*;
use std::ffi::OsStr;
use std::path::Path;

#[test]
fn a_missing_input_is_an_error_naming_it() {
    let dir = tempdir();
    let out = dir.path().join("g.ngraph");
    for cmd in ["build", "extract"] {
        let o = newsgraph()
            .args([cmd, "no/such/input.txt", "-o"])
            .arg(&out)
            .output()
            .unwrap();
        let err = assert_fails(&o);
        assert!(err.contains("no/such/input.txt"), "{cmd}: {err}");
        assert!(!out.exists(), "{cmd}: no output written");
        assert!(tmp_leftovers(dir.path()).is_empty());
    }
}

#[test]
fn an_empty_corpus_is_a_clear_error() {
    let dir = tempdir();
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let out = dir.path().join("g.ngraph");
    let o = newsgraph()
        .arg("build")
        .arg(&empty)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    let err = assert_fails(&o);
    assert!(err.contains("empty corpus"), "{err}");
    assert!(!out.exists());
    assert!(tmp_leftovers(dir.path()).is_empty());
}

const JSONL: &str = concat!(
    r#"{"id": "a", "text": "IBM acquired Red Hat for $34 billion."}"#,
    "\n",
    r#"{"id": "b", text: not json"#,
    "\n",
    r#"{"id": "c", "text": "Leidos sued the U.S. Army over the award."}"#,
    "\n",
);

#[test]
fn a_malformed_jsonl_line_is_skipped_with_a_warning_naming_file_and_line() {
    let dir = tempdir();
    let file = dir.path().join("wire.jsonl");
    std::fs::write(&file, JSONL).unwrap();
    let o = newsgraph().arg("extract").arg(&file).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_no_panic(&o);
    let err = String::from_utf8_lossy(&o.stderr);
    let want = format!("{}:2:", file.display());
    assert!(
        err.lines()
            .any(|l| l.contains("warning") && l.contains(&want)),
        "warning with {want}: {err}"
    );
    let docs: Vec<String> = String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["doc"].as_str().unwrap().to_string()
        })
        .collect();
    assert_eq!(
        docs,
        [
            format!("{}#a", file.display()),
            format!("{}#c", file.display())
        ]
    );

    // The build summary counts the skipped record.
    let g = dir.path().join("g.ngraph");
    let o = newsgraph()
        .arg("build")
        .arg(&file)
        .arg("-o")
        .arg(&g)
        .output()
        .unwrap();
    assert!(o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("1 skipped records"), "{err}");
}

#[test]
fn strict_makes_a_malformed_jsonl_line_an_error() {
    let dir = tempdir();
    let file = dir.path().join("wire.jsonl");
    std::fs::write(&file, JSONL).unwrap();
    let g = dir.path().join("g.ngraph");
    for args in [vec!["extract", "--strict"], vec!["build", "--strict", "-o"]] {
        let mut cmd = newsgraph();
        cmd.args(&args);
        if args[0] == "build" {
            cmd.arg(&g);
        }
        let o = cmd.arg(&file).output().unwrap();
        let err = assert_fails(&o);
        let want = format!("{}:2:", file.display());
        assert!(
            err.lines()
                .any(|l| l.contains("error") && l.contains(&want)),
            "{args:?}: error with {want}: {err}"
        );
        assert!(o.stdout.is_empty());
    }
    assert!(!g.exists(), "no snapshot from a failed strict build");
    assert!(tmp_leftovers(dir.path()).is_empty());
}

#[test]
fn invalid_utf8_is_decoded_with_a_warning_and_strict_rejects_it() {
    let dir = tempdir();
    let file = dir.path().join("latin1.txt");
    std::fs::write(
        &file,
        b"Caf\xe9 news\n\nIBM acquired Red Hat for $34 billion.\n",
    )
    .unwrap();
    let o = newsgraph().arg("extract").arg(&file).output().unwrap();
    assert!(o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("warning") && err.contains("latin1.txt"),
        "{err}"
    );
    assert!(String::from_utf8_lossy(&o.stdout).contains("red_hat"));
    let o = newsgraph()
        .args(["extract", "--strict"])
        .arg(&file)
        .output()
        .unwrap();
    let err = assert_fails(&o);
    assert!(err.contains("latin1.txt"), "{err}");
}

#[test]
fn an_unknown_entity_suggests_the_closest_names() {
    let g = &sample_graph().path;
    let o = run([
        OsStr::new("query"),
        g.as_os_str(),
        OsStr::new("entity"),
        OsStr::new("Pentagn"),
    ]);
    let err = assert_fails(&o);
    assert!(err.contains("Pentagn"), "{err}");
    assert!(err.contains("did you mean"), "{err}");
    assert!(err.contains("Pentagon"), "{err}");
    // Path and why resolve both names the same way.
    let o = run([
        OsStr::new("query"),
        g.as_os_str(),
        OsStr::new("path"),
        OsStr::new("Pentagon"),
        OsStr::new("Leidoss"),
    ]);
    let err = assert_fails(&o);
    assert!(
        err.contains("Leidoss") && err.contains("Leidos"),
        "suggests Leidos: {err}"
    );
    // Nothing close: still a clear error.
    let o = run([
        OsStr::new("query"),
        g.as_os_str(),
        OsStr::new("neighbors"),
        OsStr::new("Qqqqzzzz Xxxx"),
    ]);
    let err = assert_fails(&o);
    assert!(err.contains("no entity named 'Qqqqzzzz Xxxx'"), "{err}");
}

#[test]
fn an_unknown_relation_kind_lists_the_kinds() {
    let g = &sample_graph().path;
    let o = run([
        OsStr::new("query"),
        g.as_os_str(),
        OsStr::new("neighbors"),
        OsStr::new("Leidos"),
        OsStr::new("--kind"),
        OsStr::new("merger"),
    ]);
    let err = assert_fails(&o);
    assert!(err.contains("merger"), "{err}");
    assert!(err.contains("acquisition"), "lists the kinds: {err}");
}

#[test]
fn an_unknown_format_is_a_usage_error() {
    let g = &sample_graph().path;
    let o = run([
        OsStr::new("export"),
        g.as_os_str(),
        OsStr::new("--format"),
        OsStr::new("xml"),
    ]);
    let err = assert_fails(&o);
    assert_eq!(o.status.code(), Some(2), "clap usage errors exit 2");
    assert!(err.contains("invalid value 'xml'"), "{err}");
    for f in ["dot", "graphml", "json"] {
        assert!(err.contains(f), "lists {f}: {err}");
    }
    assert!(o.stdout.is_empty());
}

#[test]
fn an_unknown_subcommand_or_flag_is_a_usage_error() {
    for args in [vec!["frobnicate"], vec!["build", "--no-such-flag"], vec![]] {
        let o = run(&args);
        let err = assert_fails(&o);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(err.contains("Usage"), "{args:?}: {err}");
    }
}

/// A failure while writing leaves neither a half-written file nor a
/// temporary file behind: the output path is an existing directory, so the
/// final rename fails after the temporary file was written.
#[test]
fn failed_writes_leave_no_temporary_files() {
    let dir = tempdir();
    let target = dir.path().join("taken");
    std::fs::create_dir(&target).unwrap();
    let g = &sample_graph().path;
    let runs: Vec<Vec<&OsStr>> = vec![
        vec![
            OsStr::new("build"),
            OsStr::new("data/corpus/wire.jsonl"),
            OsStr::new("-o"),
            target.as_os_str(),
        ],
        vec![
            OsStr::new("export"),
            g.as_os_str(),
            OsStr::new("--format"),
            OsStr::new("graphml"),
            OsStr::new("-o"),
            target.as_os_str(),
        ],
        vec![
            OsStr::new("extract"),
            OsStr::new("data/corpus/wire.jsonl"),
            OsStr::new("-o"),
            target.as_os_str(),
        ],
    ];
    for args in runs {
        let o = run(&args);
        let err = assert_fails(&o);
        assert!(err.contains("taken"), "{args:?}: names the output: {err}");
        assert_eq!(
            tmp_leftovers(dir.path()),
            Vec::<String>::new(),
            "{args:?} left temporary files"
        );
        assert!(target.is_dir());
        assert_eq!(std::fs::read_dir(&target).unwrap().count(), 0);
    }
}

/// The Neo4j CSV export writes two files into a directory; when one cannot
/// be written, no temporary file stays behind.
#[test]
fn a_failed_neo4j_csv_export_leaves_no_temporary_files() {
    let dir = tempdir();
    let out = dir.path().join("neo4j");
    std::fs::create_dir_all(out.join("relationships.csv")).unwrap();
    let o = run([
        OsStr::new("export"),
        sample_graph().path.as_os_str(),
        OsStr::new("--format"),
        OsStr::new("neo4j-csv"),
        OsStr::new("-o"),
        out.as_os_str(),
    ]);
    let err = assert_fails(&o);
    assert!(err.contains("relationships.csv"), "{err}");
    assert_eq!(tmp_leftovers(&out), Vec::<String>::new());
}

#[test]
fn output_into_a_missing_directory_is_an_error() {
    let dir = tempdir();
    let out = dir.path().join("no/such/dir/g.ngraph");
    let o = newsgraph()
        .args(["build", "data/corpus/wire.jsonl", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    let err = assert_fails(&o);
    assert!(err.contains("g.ngraph"), "{err}");
    assert!(tmp_leftovers(dir.path()).is_empty());
}

/// Writing to a full device (`> /dev/full`) is an I/O error like any other:
/// a message, not a panic.
#[test]
fn a_full_stdout_is_an_error_not_a_panic() {
    if !Path::new("/dev/full").exists() {
        println!("SKIP: no /dev/full on this system");
        return;
    }
    let g = sample_graph().path.to_str().unwrap().to_string();
    for args in [
        vec!["export", g.as_str(), "--format", "json"],
        vec!["extract", "data/corpus/wire.jsonl"],
        vec!["query", g.as_str(), "entity", "Leidos"],
        vec!["query", g.as_str(), "entity", "Leidos", "--json"],
    ] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_newsgraph"))
            .current_dir(root())
            .env("RUST_BACKTRACE", "0")
            .args(&args)
            .stdout(full)
            .output()
            .unwrap();
        let err = assert_fails(&o);
        assert!(err.contains("error"), "{args:?}: {err}");
    }
}

#[test]
fn a_missing_data_directory_is_an_error_naming_it() {
    let o = run([
        "--data",
        "no/such/data",
        "extract",
        "data/corpus/wire.jsonl",
    ]);
    let err = assert_fails(&o);
    assert!(err.contains("no/such/data"), "{err}");
}
