//! Corpus loading and extraction, in parallel across files and documents.

use crate::cli::CorpusArgs;
use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use newsgraph_corpus::{JsonFields, LoadOptions, LoadReport, discover, load_file};
use newsgraph_extract::{DocExtraction, Extractor};
use rayon::prelude::*;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The bundled sample corpus, relative to the project root.
pub const SAMPLE_CORPUS: &str = "data/corpus";

/// Where the sample corpus is: beside the binary's project when run from a
/// checkout, or relative to the current directory.
pub fn sample_corpus() -> PathBuf {
    let here = Path::new(SAMPLE_CORPUS);
    if here.is_dir() {
        return here.to_path_buf();
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join(SAMPLE_CORPUS)
}

/// Build the extractor from `--data` or the bundled files.
pub fn extractor(data: Option<&Path>) -> Result<Extractor> {
    match data {
        Some(dir) => Extractor::from_dir(dir).context("cannot load the data files"),
        None => Extractor::bundled().context("cannot load the bundled data files"),
    }
}

pub fn load_options(args: &CorpusArgs) -> LoadOptions {
    let mut fields = JsonFields::default();
    let set = |dst: &mut Vec<String>, src: &[String]| {
        if !src.is_empty() {
            *dst = src.to_vec();
        }
    };
    set(&mut fields.text, &args.text_field);
    set(&mut fields.title, &args.title_field);
    set(&mut fields.date, &args.date_field);
    set(&mut fields.url, &args.url_field);
    set(&mut fields.id, &args.id_field);
    LoadOptions {
        strict: args.strict,
        fields,
    }
}

/// The outcome of extracting a corpus.
#[derive(Debug)]
pub struct Extracted {
    /// One record per document, ordered by document id.
    pub docs: Vec<DocExtraction>,
    /// What the loader read and skipped.
    pub report: LoadReport,
    /// Time spent loading and extracting.
    pub elapsed: Duration,
}

/// Load every input and extract every document, in parallel.
pub fn extract_corpus(inputs: &[PathBuf], args: &CorpusArgs, ex: &Extractor) -> Result<Extracted> {
    let started = Instant::now();
    let opts = load_options(args);
    let discovery = discover(inputs)?;
    if opts.strict {
        discovery.check_strict()?;
    }
    let total = discovery.total_bytes();
    let progress = progress_bar(total, args.quiet);
    let results: Vec<Result<(Vec<DocExtraction>, Vec<newsgraph_corpus::Warning>)>> = discovery
        .files
        .par_iter()
        .map(|file| {
            let loaded = load_file(file, &opts)?;
            let out: Vec<DocExtraction> = if loaded.documents.len() > 8 {
                loaded.documents.par_iter().map(|d| ex.extract(d)).collect()
            } else {
                loaded.documents.iter().map(|d| ex.extract(d)).collect()
            };
            progress.inc(file.size);
            Ok((out, loaded.warnings))
        })
        .collect();
    progress.finish_and_clear();
    let mut report = LoadReport::default();
    report.absorb_discovery(&discovery);
    let mut docs = Vec::new();
    for (file, r) in discovery.files.iter().zip(results) {
        let (out, warnings) = r?;
        report.absorb_parts(file, out.len(), &warnings);
        docs.extend(out);
    }
    report.ensure_documents()?;
    docs.sort_by(|a, b| a.doc.cmp(&b.doc));
    Ok(Extracted {
        docs,
        report,
        elapsed: started.elapsed(),
    })
}

fn progress_bar(total: u64, quiet: bool) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::hidden());
    }
    let pb = ProgressBar::new(total);
    pb.set_style(
        ProgressStyle::with_template(
            "{spinner} extracting [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec} eta {eta}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> "),
    );
    pb
}

/// Print the loader's warnings to stderr.
pub fn print_warnings(report: &LoadReport) {
    const MAX: usize = 20;
    for w in report.warnings.iter().take(MAX) {
        eprintln!("newsgraph: warning: {w}");
    }
    if report.warnings.len() > MAX {
        eprintln!(
            "newsgraph: warning: ... and {} more warnings",
            report.warnings.len() - MAX
        );
    }
}
