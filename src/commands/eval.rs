//! `newsgraph eval`: extract the documents of a gold file and score them.

use crate::cli::EvalArgs;
use crate::pipeline;
use anyhow::{Context, Result, bail};
use newsgraph_corpus::{LoadOptions, discover, load_file};
use newsgraph_extract::eval::{self, Counts, GoldDoc, Report};
use newsgraph_extract::{DocExtraction, Extractor};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub fn run(data: Option<&Path>, args: EvalArgs) -> Result<ExitCode> {
    let text = std::fs::read_to_string(&args.gold)
        .with_context(|| format!("cannot read {}", args.gold.display()))?;
    let gold =
        eval::parse_gold(&text, &args.gold.display().to_string()).map_err(anyhow::Error::msg)?;
    if gold.is_empty() {
        bail!("{}: no gold records", args.gold.display());
    }
    let root = match &args.data_root {
        Some(r) => r.clone(),
        None => find_root(&args.gold, &gold[0])?,
    };
    let ex = pipeline::extractor(data)?;
    let pred = extract_gold(&ex, &root, &gold)?;
    let report = eval::score(&gold, &pred, args.include_hedged);
    if args.json {
        println!("{}", serde_json::to_string_pretty(&json_report(&report))?);
    } else {
        print!("{}", table(&report));
        if args.errors {
            print!("{}", errors(&report));
        }
    }
    if let Some(path) = &args.calibrate {
        calibrate(path, &report, args.min_support)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The data root: the folder the first gold document is found under.
fn find_root(gold_file: &Path, first: &GoldDoc) -> Result<PathBuf> {
    let doc = first.doc.split('#').next().unwrap_or(&first.doc);
    let dir = gold_file.parent().unwrap_or(Path::new("."));
    let mut candidates = vec![dir.to_path_buf()];
    let mut up = dir.to_path_buf();
    for _ in 0..3 {
        candidates.push(up.join("data"));
        match up.parent() {
            Some(p) => up = p.to_path_buf(),
            None => break,
        }
        candidates.push(up.clone());
    }
    for c in &candidates {
        if c.join(doc).exists() {
            return Ok(c.clone());
        }
    }
    bail!(
        "cannot find '{doc}' (the first gold document) next to {}; give the folder with --data-root",
        gold_file.display()
    )
}

/// Load and extract every gold document, keyed by its gold `doc`.
fn extract_gold(
    ex: &Extractor,
    root: &Path,
    gold: &[GoldDoc],
) -> Result<HashMap<String, DocExtraction>> {
    // Files to read, each with the gold docs it holds.
    let mut files: BTreeMap<String, Vec<&GoldDoc>> = BTreeMap::new();
    for g in gold {
        let file = g.doc.split('#').next().unwrap_or(&g.doc).to_string();
        files.entry(file).or_default().push(g);
    }
    let opts = LoadOptions::default();
    let results: Vec<Result<Vec<(String, DocExtraction)>>> = files
        .par_iter()
        .map(|(file, docs)| {
            let path = root.join(file);
            if !path.exists() {
                return Ok(Vec::new());
            }
            let discovered = discover(std::slice::from_ref(&path))?;
            let mut out = Vec::new();
            for f in &discovered.files {
                let loaded = load_file(f, &opts)?;
                for d in &loaded.documents {
                    // A record "file#id" matches the gold "file#id"; a plain
                    // file matches its gold doc.
                    let suffix = d.id.strip_prefix(&f.id).unwrap_or("");
                    let key = format!("{file}{suffix}");
                    if docs.iter().any(|g| g.doc == key) {
                        out.push((key, ex.extract(d)));
                    }
                }
            }
            Ok(out)
        })
        .collect();
    let mut pred = HashMap::new();
    for r in results {
        for (k, v) in r? {
            pred.insert(k, v);
        }
    }
    Ok(pred)
}

fn row(out: &mut String, name: &str, c: &Counts) {
    let _ = writeln!(
        out,
        "{name:30} {:6.3} {:6.3} {:6.3} {:5} {:5} {:5}",
        c.precision(),
        c.recall(),
        c.f1(),
        c.tp,
        c.fp,
        c.fn_
    );
}

fn table(r: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:30} {:>6} {:>6} {:>6} {:>5} {:>5} {:>5}",
        "", "P", "R", "F1", "tp", "fp", "fn"
    );
    row(&mut out, "entities (kind must agree)", &r.entities);
    for (k, c) in &r.entities_by_kind {
        row(&mut out, &format!("  {k}"), c);
    }
    row(&mut out, "entities (any kind)", &r.entities_any_kind);
    row(&mut out, "relations (all kinds)", &r.relations);
    for (k, c) in &r.relations_by_kind {
        row(&mut out, &format!("  {k}"), c);
    }
    let _ = writeln!(
        out,
        "documents={} relations F1={:.3} entities F1={:.3}",
        r.documents,
        r.relations.f1(),
        r.entities.f1()
    );
    if !r.missing.is_empty() {
        let _ = writeln!(
            out,
            "warning: {} gold documents were not found: {}",
            r.missing.len(),
            r.missing.join(", ")
        );
    }
    out
}

fn errors(r: &Report) -> String {
    let mut out = String::new();
    for e in &r.errors {
        let _ = writeln!(out, "{}: {} {} {}", e.doc, e.what, e.item, e.text);
        if let Some(s) = &e.sentence {
            let _ = writeln!(out, "    \"{s}\"");
        }
    }
    out
}

fn json_report(r: &Report) -> serde_json::Value {
    let c = |c: &Counts| serde_json::json!({"precision": c.precision(), "recall": c.recall(), "f1": c.f1(), "tp": c.tp, "fp": c.fp, "fn": c.fn_});
    serde_json::json!({
        "documents": r.documents,
        "missing": r.missing,
        "entities": c(&r.entities),
        "entities_by_kind": r.entities_by_kind.iter().map(|(k, v)| (k.clone(), c(v))).collect::<BTreeMap<_, _>>(),
        "entities_any_kind": c(&r.entities_any_kind),
        "relations": c(&r.relations),
        "relations_by_kind": r.relations_by_kind.iter().map(|(k, v)| (k.clone(), c(v))).collect::<BTreeMap<_, _>>(),
        "rules": r.rules.iter().map(|(k, (ok, n))| (k.clone(), serde_json::json!({"correct": ok, "statements": n}))).collect::<BTreeMap<_, _>>(),
        "errors": r.errors,
    })
}

fn calibrate(path: &Path, r: &Report, min_support: usize) -> Result<()> {
    let values = eval::calibrated_confidence(r, min_support);
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    // The result must still parse as a rules file.
    let (new_text, updated) = eval::rewrite_confidences(&text, &values);
    newsgraph_extract::Rules::from_ron(&new_text, &path.display().to_string())
        .context("the calibrated rules file does not parse; nothing written")?;
    newsgraph_graph::snapshot::write_atomic(path, new_text.as_bytes())?;
    eprintln!(
        "calibrated {} rules in {} (precision on the gold, Laplace-smoothed):",
        updated.len(),
        path.display()
    );
    for id in &updated {
        let (ok, n) = r.rules[id];
        eprintln!("  {id:28} {:.2}  ({ok}/{n} statements correct)", values[id]);
    }
    Ok(())
}
