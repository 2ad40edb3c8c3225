//! Loading files into documents, and the report of a whole load.

use std::fmt;
use std::io::Read;

use crate::discover::{Discovery, Format, SourceFile, discover};
use crate::error::{CorpusError, Warning, WarningKind};
use crate::formats::{html, jsonl, markdown, text};
use crate::{Document, PathBuf};

/// Which JSON fields a JSON Lines record's parts are read from. For each
/// part the first field in the list that is present (not null, not blank)
/// wins.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonFields {
    /// Article text; default `text`, `body`, `content`. A string, or an
    /// array of strings (joined as paragraphs).
    pub text: Vec<String>,
    /// Headline; default `title`, `headline`.
    pub title: Vec<String>,
    /// Publication date; default `date`, `published`, `publication_date`,
    /// `pubdate`.
    pub date: Vec<String>,
    /// Source URL; default `url`, `link`.
    pub url: Vec<String>,
    /// Record id (a string or a number); default `id`.
    pub id: Vec<String>,
}

fn strings(names: &[&str]) -> Vec<String> {
    names.iter().map(|s| (*s).to_owned()).collect()
}

impl Default for JsonFields {
    fn default() -> Self {
        JsonFields {
            text: strings(&["text", "body", "content"]),
            title: strings(&["title", "headline"]),
            date: strings(&["date", "published", "publication_date", "pubdate"]),
            url: strings(&["url", "link"]),
            id: strings(&["id"]),
        }
    }
}

/// How to load files.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// Turn every problem that would otherwise be skipped with a warning
    /// (unreadable or binary file, bad gzip, invalid UTF-8, malformed JSON
    /// Lines record, unwalkable directory entry) into an error.
    pub strict: bool,
    /// JSON Lines field names.
    pub fields: JsonFields,
}

/// The result of loading one file.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    /// Its documents, in file order.
    pub documents: Vec<Document>,
    /// What was skipped or read lossily.
    pub warnings: Vec<Warning>,
}

/// Bytes checked for NUL when deciding whether a file is binary.
const BINARY_SNIFF: usize = 8 * 1024;

/// Load one file into documents.
///
/// Self-contained and cheap to call per file, so callers may run it on many
/// files in parallel. The file is read with one read (and decompressed in
/// memory when `file.gzip`).
///
/// Unless `opts.strict`, problems with the file do not fail: an unreadable
/// file, a binary file (NUL byte in its first 8 KiB after decompression) or
/// a broken gzip gives no documents and one [`WarningKind::SkippedFile`]
/// warning; invalid UTF-8 is decoded lossily with a
/// [`WarningKind::LossyUtf8`] warning; a bad JSON Lines record is skipped
/// with a [`WarningKind::SkippedRecord`] warning. A file with no text at all
/// gives a `SkippedFile` warning in both modes. In strict mode the other
/// problems are errors.
pub fn load_file(file: &SourceFile, opts: &LoadOptions) -> Result<Loaded, CorpusError> {
    let mut loaded = Loaded::default();
    let bytes = match read_bytes(file) {
        Ok(bytes) => bytes,
        Err(e) if opts.strict => return Err(e),
        Err(e) => {
            loaded.warnings.push(Warning::file(
                file.id.clone(),
                WarningKind::SkippedFile,
                skip_message(&e),
            ));
            return Ok(loaded);
        }
    };
    let content = match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            if opts.strict {
                return Err(CorpusError::InvalidUtf8 {
                    path: file.path.clone(),
                    offset,
                });
            }
            loaded.warnings.push(Warning::file(
                file.id.clone(),
                WarningKind::LossyUtf8,
                format!(
                    "invalid UTF-8 (first at byte {offset}); decoded lossily with \
                     replacement characters"
                ),
            ));
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    };
    let doc = match file.format {
        Format::Text => text::parse(&file.id, content),
        Format::Markdown => markdown::parse(&file.id, &content),
        Format::Html => html::parse(&file.id, &content),
        Format::JsonLines => {
            let (docs, warnings) = jsonl::parse(file, &content, opts)?;
            loaded.documents = docs;
            loaded.warnings.extend(warnings);
            if loaded.documents.is_empty() && loaded.warnings.is_empty() {
                loaded.warnings.push(Warning::file(
                    file.id.clone(),
                    WarningKind::SkippedFile,
                    "skipped: no records",
                ));
            }
            return Ok(loaded);
        }
    };
    match doc {
        Some(doc) => loaded.documents.push(doc),
        None => loaded.warnings.push(Warning::file(
            file.id.clone(),
            WarningKind::SkippedFile,
            "skipped: no text",
        )),
    }
    Ok(loaded)
}

fn skip_message(e: &CorpusError) -> String {
    match e {
        CorpusError::Io { source, .. } => format!("skipped: cannot read: {source}"),
        CorpusError::Binary { .. } => {
            "skipped: looks like a binary file (NUL byte in the first 8 KiB)".to_owned()
        }
        CorpusError::Decompress { source, .. } => {
            format!("skipped: cannot decompress gzip data: {source}")
        }
        other => format!("skipped: {other}"),
    }
}

/// Read (and decompress) a file, rejecting binary content.
fn read_bytes(file: &SourceFile) -> Result<Vec<u8>, CorpusError> {
    let raw = std::fs::read(&file.path).map_err(|source| CorpusError::Io {
        path: file.path.clone(),
        source,
    })?;
    let bytes = if file.gzip {
        let mut out = Vec::with_capacity(raw.len().saturating_mul(4));
        flate2::read::MultiGzDecoder::new(raw.as_slice())
            .read_to_end(&mut out)
            .map_err(|source| CorpusError::Decompress {
                path: file.path.clone(),
                source,
            })?;
        out
    } else {
        raw
    };
    let head = &bytes[..bytes.len().min(BINARY_SNIFF)];
    if memchr::memchr(0, head).is_some() {
        return Err(CorpusError::Binary {
            path: file.path.clone(),
        });
    }
    Ok(bytes)
}

/// Counts and warnings of a whole load.
///
/// A caller loading files in parallel folds each file's result in with
/// [`LoadReport::absorb`], in file order, so warnings come out in the same
/// order as with [`load_all`].
#[derive(Debug, Clone, Default)]
pub struct LoadReport {
    /// Files read (not counting skipped ones).
    pub files: usize,
    /// Documents produced.
    pub documents: usize,
    /// Size on disk of the files read (compressed size for gzip).
    pub bytes: u64,
    /// Files skipped (unreadable, binary, bad gzip, no text) plus directory
    /// entries skipped while walking.
    pub skipped_files: usize,
    /// JSON Lines records skipped.
    pub skipped_records: usize,
    /// Files decoded lossily (invalid UTF-8).
    pub lossy_files: usize,
    /// Every warning, in order.
    pub warnings: Vec<Warning>,
}

impl LoadReport {
    /// Record the warnings of [`discover`] (directory entries that were
    /// skipped). Call it before absorbing files to keep the order of
    /// [`load_all`].
    pub fn absorb_discovery(&mut self, discovery: &Discovery) {
        self.skipped_files += discovery.warnings.len();
        self.warnings.extend(discovery.warnings.iter().cloned());
    }

    /// Fold in the result of [`load_file`] for `file`.
    pub fn absorb(&mut self, file: &SourceFile, loaded: &Loaded) {
        self.absorb_parts(file, loaded.documents.len(), &loaded.warnings);
    }

    /// Like [`LoadReport::absorb`], for a caller that has already moved the
    /// documents out of its [`Loaded`]: `documents` is how many there were.
    pub fn absorb_parts(&mut self, file: &SourceFile, documents: usize, warnings: &[Warning]) {
        let has = |kind| warnings.iter().any(|w| w.kind == kind);
        if has(WarningKind::SkippedFile) {
            self.skipped_files += 1;
        } else {
            self.files += 1;
            self.bytes += file.size;
        }
        if has(WarningKind::LossyUtf8) {
            self.lossy_files += 1;
        }
        self.skipped_records += warnings
            .iter()
            .filter(|w| w.kind == WarningKind::SkippedRecord)
            .count();
        self.documents += documents;
        self.warnings.extend(warnings.iter().cloned());
    }

    /// [`CorpusError::EmptyCorpus`] when no document was loaded.
    pub fn ensure_documents(&self) -> Result<(), CorpusError> {
        if self.documents == 0 {
            Err(CorpusError::EmptyCorpus)
        } else {
            Ok(())
        }
    }
}

impl fmt::Display for LoadReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} documents from {} files ({} bytes)",
            self.documents, self.files, self.bytes
        )?;
        let mut extra = Vec::new();
        if self.skipped_files > 0 {
            extra.push(format!("{} files skipped", self.skipped_files));
        }
        if self.skipped_records > 0 {
            extra.push(format!("{} records skipped", self.skipped_records));
        }
        if self.lossy_files > 0 {
            extra.push(format!("{} files with invalid UTF-8", self.lossy_files));
        }
        if !extra.is_empty() {
            write!(f, "; {}", extra.join(", "))?;
        }
        Ok(())
    }
}

impl Discovery {
    /// In strict mode nothing may be skipped: the first discovery warning as
    /// a [`CorpusError::Walk`] error.
    pub fn check_strict(&self) -> Result<(), CorpusError> {
        match self.warnings.first() {
            Some(w) => Err(CorpusError::Walk {
                file: w.file.clone(),
                message: w.message.clone(),
            }),
            None => Ok(()),
        }
    }
}

/// Discover the files under `inputs` and load them all, in order.
///
/// Skippable problems become warnings in the report (errors with
/// `opts.strict`). Fails on a missing input ([`CorpusError::NotFound`]) and
/// when there are no documents at all ([`CorpusError::EmptyCorpus`]).
pub fn load_all(
    inputs: &[PathBuf],
    opts: &LoadOptions,
) -> Result<(Vec<Document>, LoadReport), CorpusError> {
    let discovery = discover(inputs)?;
    if opts.strict {
        discovery.check_strict()?;
    }
    let mut report = LoadReport::default();
    report.absorb_discovery(&discovery);
    let mut documents = Vec::new();
    for file in &discovery.files {
        let loaded = load_file(file, opts)?;
        report.absorb(file, &loaded);
        documents.extend(loaded.documents);
    }
    report.ensure_documents()?;
    Ok((documents, report))
}
