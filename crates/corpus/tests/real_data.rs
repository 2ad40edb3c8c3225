//! Smoke tests on the real sample data under `shared/data`, when present
//! (skipped with a message otherwise). Only shapes are checked, no text.

#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use newsgraph_corpus::{
    Format, LoadOptions, WarningKind, discover, load_all, load_file, parse_date,
};

fn data_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data");
    if dir.is_dir() {
        Some(dir)
    } else {
        println!("skipping: {} not found", dir.display());
        None
    }
}

#[test]
fn gsa_markdown_front_matter() {
    let Some(data) = data_dir() else { return };
    let dir = data.join("gsa_itvmo_news/news");
    if !dir.is_dir() {
        println!("skipping: {} not found", dir.display());
        return;
    }
    let (docs, report) = load_all(&[dir], &LoadOptions::default()).unwrap();
    assert!(docs.len() > 100, "{report}");
    // A few files there are wholly inside an HTML comment (disabled
    // articles): those are skipped as having no text, nothing else.
    assert!(
        report
            .warnings
            .iter()
            .all(|w| w.kind == WarningKind::SkippedFile && w.message.contains("no text")),
        "{:?}",
        report.warnings
    );
    assert!(report.skipped_files < 10);
    for doc in &docs {
        assert!(doc.title.is_some(), "{}", doc.id);
        assert!(doc.date.is_some(), "{}: no date", doc.id);
        assert!(doc.url.is_some(), "{}", doc.id);
        let title = doc.title.as_deref().unwrap();
        assert!(doc.text.starts_with(title), "{}", doc.id);
        assert!(doc.text.len() > title.len(), "{}: no description", doc.id);
        assert!(!doc.text.contains("\n\n\n"), "{}", doc.id);
        assert!(!doc.text.contains("* "), "{}: bullet left", doc.id);
    }
}

#[test]
fn reuters_jsonl() {
    let Some(data) = data_dir() else { return };
    let file = data.join("reuters21578/reuters21578_acq.jsonl");
    if !file.is_file() {
        println!("skipping: {} not found", file.display());
        return;
    }
    let opts = LoadOptions {
        strict: true,
        ..LoadOptions::default()
    };
    let discovery = discover(std::slice::from_ref(&file)).unwrap();
    assert_eq!(discovery.files[0].format, Format::JsonLines);
    let loaded = load_file(&discovery.files[0], &opts).unwrap();
    assert!(loaded.documents.len() > 100);
    let with_date = loaded.documents.iter().filter(|d| d.date.is_some()).count();
    assert_eq!(with_date, loaded.documents.len());
    for doc in &loaded.documents {
        assert!(doc.id.contains(".jsonl#"), "{}", doc.id);
        assert!(!doc.text.is_empty());
    }
}

#[test]
fn bbc_invalid_utf8_is_lossy() {
    let Some(data) = data_dir() else { return };
    let file = data.join("bbc_news_greene2006/bbc/sport/199.txt");
    if !file.is_file() {
        println!("skipping: {} not found", file.display());
        return;
    }
    let (docs, report) = load_all(std::slice::from_ref(&file), &LoadOptions::default()).unwrap();
    assert_eq!(docs.len(), 1);
    assert_eq!(report.lossy_files, 1);
    assert_eq!(report.warnings[0].kind, WarningKind::LossyUtf8);
    assert!(docs[0].text.contains('\u{fffd}'));
    let strict = LoadOptions {
        strict: true,
        ..LoadOptions::default()
    };
    assert!(load_all(&[file], &strict).is_err());
}

#[test]
fn public_date_parser_is_reexported() {
    assert_eq!(parse_date("Aug 3, 2023").as_deref(), Some("2023-08-03"));
}
