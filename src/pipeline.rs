//! Corpus loading and extraction, in parallel across files and documents.
//!
//! Documents stream: each rayon worker loads a file, extracts its documents
//! (in parallel again for files with many), hands every extraction to a
//! sink as soon as it is made and drops the text. Nothing waits for the
//! whole corpus, so memory is bounded by the files in flight plus whatever
//! the sink keeps (for `build`, the compact per-document records of the
//! graph builder).

use crate::cli::CorpusArgs;
use anyhow::{Context, Result, bail};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use newsgraph_corpus::{
    Document, JsonFields, LoadOptions, LoadReport, Warning, discover, load_file,
};
use newsgraph_extract::{DocExtraction, Extractor};
use rayon::prelude::*;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
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

/// The entity-resolution rules: `resolution.ron` in `--data DIR` when there
/// is one, else the bundled file.
pub fn resolution(data: Option<&Path>) -> Result<newsgraph_graph::ResolutionRules> {
    if let Some(path) = data
        .map(|d| d.join("resolution.ron"))
        .filter(|p| p.exists())
    {
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        return newsgraph_graph::ResolutionRules::from_ron(&text, &path.display().to_string())
            .map_err(anyhow::Error::msg);
    }
    newsgraph_graph::ResolutionRules::from_ron(
        newsgraph_graph::BUNDLED_RESOLUTION,
        "data/resolution.ron",
    )
    .map_err(anyhow::Error::msg)
}

/// A fingerprint of everything extraction depends on besides the text: the
/// tool version and the three data files (from `--data` or bundled). Stored
/// in snapshots so `build --update` knows when stored extractions are stale.
pub fn fingerprint(data: Option<&Path>) -> String {
    use newsgraph_extract::bundled;
    let mut h = Fnv::default();
    h.write(env!("CARGO_PKG_VERSION").as_bytes());
    for (name, builtin) in [
        ("gazetteer.ron", bundled::GAZETTEER),
        ("lexicon.ron", bundled::LEXICON),
        ("relations.ron", bundled::RELATIONS),
    ] {
        let own = data.and_then(|d| std::fs::read(d.join(name)).ok());
        h.write(&[0xff]);
        h.write(own.as_deref().unwrap_or(builtin.as_bytes()));
    }
    format!("{:016x}", h.0)
}

/// 64-bit FNV-1a: stable across platforms and versions.
#[derive(Debug, Clone, Copy)]
pub struct Fnv(pub u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    pub fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

/// `--shard K/N`: the documents whose id hashes to `K` modulo `N`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// This shard, `0..n`.
    pub k: u64,
    /// Number of shards.
    pub n: u64,
}

impl Shard {
    /// Whether document `id` belongs to this shard: FNV-1a 64 of the id's
    /// UTF-8 bytes, modulo `n`. Depends on nothing but the id.
    pub fn contains(&self, id: &str) -> bool {
        let mut h = Fnv::default();
        h.write(id.as_bytes());
        h.0 % self.n == self.k
    }
}

impl FromStr for Shard {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || format!("invalid shard '{s}': expected K/N with 0 <= K < N, e.g. 0/8");
        let (k, n) = s.split_once('/').ok_or_else(bad)?;
        let k: u64 = k.trim().parse().map_err(|_| bad())?;
        let n: u64 = n.trim().parse().map_err(|_| bad())?;
        if n == 0 || k >= n {
            return Err(bad());
        }
        Ok(Shard { k, n })
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

/// Time spent per stage, summed over worker threads (so with 2 threads the
/// sum can be up to twice the wall time).
#[derive(Debug, Default)]
pub struct StageClock {
    load: AtomicU64,
    extract: AtomicU64,
    sink: AtomicU64,
}

impl StageClock {
    fn add(slot: &AtomicU64, since: Instant) {
        slot.fetch_add(since.elapsed().as_nanos() as u64, Ordering::Relaxed);
    }
    fn get(slot: &AtomicU64) -> Duration {
        Duration::from_nanos(slot.load(Ordering::Relaxed))
    }
    /// Reading and parsing files.
    pub fn load(&self) -> Duration {
        Self::get(&self.load)
    }
    /// Extraction.
    pub fn extract(&self) -> Duration {
        Self::get(&self.extract)
    }
    /// Handing extractions to the sink (for `build`: adding to the graph
    /// builder, lock waits included).
    pub fn sink(&self) -> Duration {
        Self::get(&self.sink)
    }
}

/// What to do with a loaded document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Extract it and pass the extraction to the sink.
    Extract,
    /// Skip it (not in this shard, or already extracted).
    Skip,
}

/// The outcome of streaming a corpus.
#[derive(Debug)]
pub struct Streamed {
    /// What the loader read and skipped.
    pub report: LoadReport,
    /// Documents extracted (the others were skipped by the selector).
    pub extracted: u64,
    /// Text bytes of all loaded documents.
    pub text_bytes: u64,
    /// Text bytes of the extracted documents.
    pub extracted_bytes: u64,
    /// Per-stage thread time.
    pub clock: StageClock,
    /// Time spent discovering files.
    pub discover: Duration,
    /// Wall time of the parallel load/extract/sink phase.
    pub wall: Duration,
}

/// Load every input and extract every selected document, in parallel,
/// handing each extraction to `sink` as soon as it is made.
pub fn stream<S, K>(
    inputs: &[PathBuf],
    args: &CorpusArgs,
    ex: &Extractor,
    select: S,
    sink: K,
) -> Result<Streamed>
where
    S: Fn(&Document) -> Decision + Sync,
    K: Fn(DocExtraction) + Sync,
{
    let started = Instant::now();
    let opts = load_options(args);
    let discovery = discover(inputs)?;
    if opts.strict {
        discovery.check_strict()?;
    }
    let discover_time = started.elapsed();
    let total = discovery.total_bytes();
    let progress = progress_bar(total, args.quiet);
    let clock = StageClock::default();
    let extracted = AtomicU64::new(0);
    let text_bytes = AtomicU64::new(0);
    let extracted_bytes = AtomicU64::new(0);
    let process_doc = |d: Document| {
        text_bytes.fetch_add(d.text.len() as u64, Ordering::Relaxed);
        if select(&d) == Decision::Skip {
            return;
        }
        let t = Instant::now();
        let x = ex.extract(&d);
        StageClock::add(&clock.extract, t);
        extracted.fetch_add(1, Ordering::Relaxed);
        extracted_bytes.fetch_add(d.text.len() as u64, Ordering::Relaxed);
        drop(d);
        let t = Instant::now();
        sink(x);
        StageClock::add(&clock.sink, t);
    };
    let process = &process_doc;
    let phase = Instant::now();
    let results: Vec<Result<(usize, Vec<Warning>)>> = discovery
        .files
        .par_iter()
        .map(|file| {
            let t = Instant::now();
            let loaded = load_file(file, &opts)?;
            StageClock::add(&clock.load, t);
            let n = loaded.documents.len();
            if n > 8 {
                loaded.documents.into_par_iter().for_each(process);
            } else {
                loaded.documents.into_iter().for_each(process);
            }
            progress.inc(file.size);
            Ok((n, loaded.warnings))
        })
        .collect();
    let wall = phase.elapsed();
    progress.finish_and_clear();
    let mut report = LoadReport::default();
    report.absorb_discovery(&discovery);
    for (file, r) in discovery.files.iter().zip(results) {
        let (n, warnings) = r?;
        report.absorb_parts(file, n, &warnings);
    }
    report.ensure_documents()?;
    Ok(Streamed {
        report,
        extracted: extracted.into_inner(),
        text_bytes: text_bytes.into_inner(),
        extracted_bytes: extracted_bytes.into_inner(),
        clock,
        discover: discover_time,
        wall,
    })
}

/// The outcome of extracting a corpus.
#[derive(Debug)]
pub struct Extracted {
    /// One record per document, ordered by document id.
    pub docs: Vec<DocExtraction>,
    /// What the loader read and skipped.
    pub report: LoadReport,
}

/// Load every input and extract every document (of `shard`, when given),
/// in parallel; the records are sorted by document id.
pub fn extract_corpus(
    inputs: &[PathBuf],
    args: &CorpusArgs,
    ex: &Extractor,
    shard: Option<Shard>,
) -> Result<Extracted> {
    let out = Mutex::new(Vec::new());
    let streamed = stream(
        inputs,
        args,
        ex,
        |d| match shard {
            Some(s) if !s.contains(&d.id) => Decision::Skip,
            _ => Decision::Extract,
        },
        |x| lock(&out).push(x),
    )?;
    let mut docs = out.into_inner().unwrap_or_else(|e| e.into_inner());
    docs.sort_by(|a, b| a.doc.cmp(&b.doc));
    Ok(Extracted {
        docs,
        report: streamed.report,
    })
}

/// Lock a mutex, ignoring poisoning (a panicking worker aborts the run anyway).
pub fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Read `newsgraph extract` JSON Lines (plain or `.gz`, `-` for standard
/// input) and hand every record to `sink`, parsing in parallel batches.
/// Returns (records, bytes of JSON read).
pub fn read_extractions<K>(inputs: &[PathBuf], sink: K) -> Result<(u64, u64)>
where
    K: Fn(DocExtraction) + Sync,
{
    use std::io::BufRead;
    const BATCH: usize = 8 << 20;
    let mut records = 0u64;
    let mut bytes = 0u64;
    for input in inputs {
        let name = input.display().to_string();
        let reader: Box<dyn std::io::Read> = if name == "-" {
            Box::new(std::io::stdin().lock())
        } else {
            let f = std::fs::File::open(input).with_context(|| format!("cannot open {name}"))?;
            if name.ends_with(".gz") {
                Box::new(flate2::read::MultiGzDecoder::new(f))
            } else {
                Box::new(f)
            }
        };
        let mut reader = std::io::BufReader::with_capacity(1 << 20, reader);
        let mut line_no = 0usize;
        loop {
            // One batch of whole lines, then parse it in parallel.
            let mut lines: Vec<(usize, String)> = Vec::new();
            let mut size = 0usize;
            while size < BATCH {
                let mut line = String::new();
                let n = reader
                    .read_line(&mut line)
                    .with_context(|| format!("cannot read {name}"))?;
                if n == 0 {
                    break;
                }
                line_no += 1;
                size += n;
                if !line.trim().is_empty() {
                    lines.push((line_no, line));
                }
            }
            if lines.is_empty() && size == 0 {
                break;
            }
            bytes += size as u64;
            records += lines.len() as u64;
            lines
                .into_par_iter()
                .try_for_each(|(no, line)| -> Result<()> {
                    let rec: DocExtraction = serde_json::from_str(&line).with_context(|| {
                        format!("{name}:{no}: not a `newsgraph extract` record")
                    })?;
                    sink(rec);
                    Ok(())
                })?;
        }
    }
    if records == 0 {
        bail!("no extraction records in the input");
    }
    Ok((records, bytes))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_parse_and_partition() {
        assert_eq!("1/4".parse::<Shard>(), Ok(Shard { k: 1, n: 4 }));
        assert!("4/4".parse::<Shard>().is_err());
        assert!("0/0".parse::<Shard>().is_err());
        assert!("x".parse::<Shard>().is_err());
        let shards: Vec<Shard> = (0..3).map(|k| Shard { k, n: 3 }).collect();
        for i in 0..100 {
            let id = format!("doc{i}.txt");
            assert_eq!(shards.iter().filter(|s| s.contains(&id)).count(), 1);
        }
    }
}
