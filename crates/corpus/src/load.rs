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
    // Sized from discovery, which already stat'ed the file: no second stat
    // per file (it shows on corpora of many small files). A file that grew
    // since is still read whole.
    let io_err = |source| CorpusError::Io {
        path: file.path.clone(),
        source,
    };
    let mut raw = Vec::with_capacity(usize::try_from(file.size).unwrap_or(0).saturating_add(1));
    // Read through `take`: `File::read_to_end` would stat the file and seek
    // to learn what discovery already told (two system calls per file).
    std::fs::File::open(&file.path)
        .and_then(|f| f.take(u64::MAX).read_to_end(&mut raw))
        .map_err(io_err)?;
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

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use std::io::Write;
    use std::path::Path;

    fn write(root: &Path, rel: &str, content: &[u8]) -> PathBuf {
        let p = root.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, content).unwrap();
        p
    }

    fn gzip(data: &[u8]) -> Vec<u8> {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(data).unwrap();
        enc.finish().unwrap()
    }

    fn strict() -> LoadOptions {
        LoadOptions {
            strict: true,
            ..LoadOptions::default()
        }
    }

    fn source(path: &Path, format: Format, gzip: bool) -> SourceFile {
        SourceFile {
            path: path.to_path_buf(),
            id: path.to_string_lossy().into_owned(),
            format,
            gzip,
            size: 0,
        }
    }

    #[test]
    fn load_all_mixed_directory_in_order_with_ids() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("corpus");
        write(&root, "b.txt", b"Beta Corp\nBeta text.\n");
        write(&root, "a/x.md", b"---\ntitle: Markdown One\n---\nBody.\n");
        write(&root, "a/y.html", b"<title>Html Two</title><p>Para.</p>");
        write(
            &root,
            "c.jsonl",
            b"{\"id\": \"k1\", \"text\": \"first\"}\n{\"text\": \"second\"}\n",
        );
        write(&root, "d.txt.gz", &gzip(b"Gzipped Title\nbody"));
        write(&root, "skip.json", b"{}");
        let given = format!("{}/", root.display());
        let (docs, report) = load_all(&[PathBuf::from(&given)], &LoadOptions::default()).unwrap();
        let base = root.display().to_string();
        let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(
            ids,
            vec![
                format!("{base}/a/x.md"),
                format!("{base}/a/y.html"),
                format!("{base}/b.txt"),
                format!("{base}/c.jsonl#k1"),
                format!("{base}/c.jsonl#2"),
                format!("{base}/d.txt.gz"),
            ]
        );
        assert_eq!(docs[0].text, "Markdown One\n\nBody.");
        assert_eq!(docs[1].text, "Html Two\n\nPara.");
        assert_eq!(docs[2].title.as_deref(), Some("Beta Corp"));
        assert_eq!(docs[5].title.as_deref(), Some("Gzipped Title"));
        assert_eq!(docs[5].text, "Gzipped Title\nbody");
        assert_eq!(report.files, 5);
        assert_eq!(report.documents, 6);
        assert_eq!(report.skipped_files, 0);
        assert!(report.warnings.is_empty(), "{:?}", report.warnings);
        let on_disk: u64 = ["b.txt", "a/x.md", "a/y.html", "c.jsonl", "d.txt.gz"]
            .iter()
            .map(|f| std::fs::metadata(root.join(f)).unwrap().len())
            .sum();
        assert_eq!(report.bytes, on_disk);
        assert!(report.to_string().starts_with("6 documents from 5 files"));
    }

    #[test]
    fn explicit_file_keeps_the_typed_path_as_id() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("x");
        write(&dir, "a.txt", b"T\n");
        let given = PathBuf::from(format!("{}/../x/./a.txt", dir.display()));
        let (docs, _) = load_all(std::slice::from_ref(&given), &LoadOptions::default()).unwrap();
        assert_eq!(docs[0].id, given.to_string_lossy());
    }

    #[test]
    fn lossy_utf8_is_a_warning_and_strict_error() {
        let tmp = tempfile::tempdir().unwrap();
        let p = write(tmp.path(), "bad.txt", b"Caf\xe9 news\n\xa315m deal\n");
        let file = source(&p, Format::Text, false);
        let loaded = load_file(&file, &LoadOptions::default()).unwrap();
        assert_eq!(loaded.documents.len(), 1);
        assert_eq!(
            loaded.documents[0].text,
            "Caf\u{fffd} news\n\u{fffd}15m deal\n"
        );
        assert_eq!(loaded.warnings.len(), 1);
        assert_eq!(loaded.warnings[0].kind, WarningKind::LossyUtf8);
        assert!(
            loaded.warnings[0]
                .to_string()
                .starts_with(&format!("{}: ", file.id))
        );
        let err = load_file(&file, &strict()).unwrap_err();
        assert!(matches!(err, CorpusError::InvalidUtf8 { offset: 3, .. }));
        assert!(err.to_string().contains("bad.txt"));

        let mut report = LoadReport::default();
        report.absorb(&file, &loaded);
        assert_eq!(
            (report.files, report.lossy_files, report.documents),
            (1, 1, 1)
        );
    }

    #[test]
    fn binary_and_broken_gzip_files_are_skipped() {
        let tmp = tempfile::tempdir().unwrap();
        let bin = write(tmp.path(), "img.txt", b"GIF89a\x00\x01\x02");
        let bad_gz = write(tmp.path(), "bad.md.gz", b"not gzip at all");
        let bin_gz = write(tmp.path(), "bin.html.gz", &gzip(b"<p>\x00</p>"));
        let ok = write(tmp.path(), "ok.txt", b"Fine\n");
        for (p, format, gz) in [
            (&bin, Format::Text, false),
            (&bad_gz, Format::Markdown, true),
            (&bin_gz, Format::Html, true),
        ] {
            let file = source(p, format, gz);
            let loaded = load_file(&file, &LoadOptions::default()).unwrap();
            assert!(loaded.documents.is_empty());
            assert_eq!(loaded.warnings.len(), 1);
            assert_eq!(loaded.warnings[0].kind, WarningKind::SkippedFile);
            assert_eq!(loaded.warnings[0].file, file.id);
            assert!(loaded.warnings[0].message.starts_with("skipped: "));
            let err = load_file(&file, &strict()).unwrap_err();
            assert!(err.to_string().contains(&*p.to_string_lossy()), "{err}");
        }
        assert!(matches!(
            load_file(&source(&bin, Format::Text, false), &strict()),
            Err(CorpusError::Binary { .. })
        ));
        assert!(matches!(
            load_file(&source(&bad_gz, Format::Markdown, true), &strict()),
            Err(CorpusError::Decompress { .. })
        ));

        let (docs, report) =
            load_all(&[tmp.path().to_path_buf()], &LoadOptions::default()).unwrap();
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].id, ok.to_string_lossy());
        assert_eq!(report.skipped_files, 3);
        assert_eq!(report.files, 1);
        assert_eq!(report.warnings.len(), 3);
        assert!(load_all(&[tmp.path().to_path_buf()], &strict()).is_err());
    }

    #[test]
    fn unreadable_file_is_skipped_or_io_error() {
        let tmp = tempfile::tempdir().unwrap();
        let file = source(&tmp.path().join("gone.txt"), Format::Text, false);
        let loaded = load_file(&file, &LoadOptions::default()).unwrap();
        assert_eq!(loaded.warnings[0].kind, WarningKind::SkippedFile);
        assert!(loaded.warnings[0].message.contains("cannot read"));
        assert!(matches!(
            load_file(&file, &strict()),
            Err(CorpusError::Io { .. })
        ));
    }

    #[test]
    fn malformed_jsonl_line_in_load_all() {
        let tmp = tempfile::tempdir().unwrap();
        let f = write(
            tmp.path(),
            "f.jsonl",
            b"{\"text\": \"one\"}\n{\"text\": \"two\"}\n{broken\n{\"text\": \"four\"}\n",
        );
        let (docs, report) = load_all(std::slice::from_ref(&f), &LoadOptions::default()).unwrap();
        assert_eq!(docs.len(), 3);
        assert_eq!(docs[2].id, format!("{}#4", f.display()));
        assert_eq!(report.skipped_records, 1);
        assert_eq!(report.files, 1);
        let shown = report.warnings[0].to_string();
        assert!(
            shown.starts_with(&format!("{}:3: ", f.display())),
            "{shown}"
        );
        let err = load_all(std::slice::from_ref(&f), &strict()).unwrap_err();
        assert!(matches!(err, CorpusError::Malformed { line: 3, .. }));
        assert!(err.to_string().starts_with(&format!("{}:3: ", f.display())));
    }

    #[test]
    fn empty_corpus_is_an_error() {
        let tmp = tempfile::tempdir().unwrap();
        let err = load_all(&[tmp.path().to_path_buf()], &LoadOptions::default()).unwrap_err();
        assert!(matches!(err, CorpusError::EmptyCorpus));
        write(tmp.path(), "empty.txt", b"  \n");
        write(tmp.path(), "empty.jsonl", b"\n\n");
        write(tmp.path(), "notes.json", b"{\"text\": \"not taken\"}");
        let err = load_all(&[tmp.path().to_path_buf()], &LoadOptions::default()).unwrap_err();
        assert!(matches!(err, CorpusError::EmptyCorpus));
        assert!(err.to_string().contains("no documents"));
    }

    #[test]
    fn missing_input_is_an_error_naming_it() {
        let err = load_all(
            &[PathBuf::from("definitely/not/here.txt")],
            &LoadOptions::default(),
        )
        .unwrap_err();
        assert!(matches!(err, CorpusError::NotFound { .. }));
        assert_eq!(
            err.to_string(),
            "definitely/not/here.txt: no such file or directory"
        );
    }

    #[cfg(unix)]
    #[test]
    fn strict_mode_fails_on_discovery_warnings() {
        let tmp = tempfile::tempdir().unwrap();
        write(tmp.path(), "a.txt", b"A\n");
        std::os::unix::fs::symlink(tmp.path().join("nope"), tmp.path().join("dangling.md"))
            .unwrap();
        let (docs, report) =
            load_all(&[tmp.path().to_path_buf()], &LoadOptions::default()).unwrap();
        assert_eq!(docs.len(), 1);
        assert_eq!(report.skipped_files, 1);
        let err = load_all(&[tmp.path().to_path_buf()], &strict()).unwrap_err();
        assert!(matches!(err, CorpusError::Walk { .. }));
        assert!(err.to_string().contains("dangling.md"));
    }

    #[test]
    fn parallel_style_folding_matches_load_all() {
        let tmp = tempfile::tempdir().unwrap();
        write(tmp.path(), "1.txt", b"One\n");
        write(tmp.path(), "2.jsonl", b"{\"text\": \"a\"}\nnope\n");
        write(tmp.path(), "3.txt", b"\x00");
        let inputs = [tmp.path().to_path_buf()];
        let opts = LoadOptions::default();
        let (docs, report) = load_all(&inputs, &opts).unwrap();

        let discovery = discover(&inputs).unwrap();
        let results: Vec<Loaded> = discovery
            .files
            .iter()
            .map(|f| load_file(f, &opts).unwrap())
            .collect();
        let mut folded = LoadReport::default();
        folded.absorb_discovery(&discovery);
        let mut folded_docs = Vec::new();
        for (file, loaded) in discovery.files.iter().zip(results) {
            folded.absorb_parts(file, loaded.documents.len(), &loaded.warnings);
            folded_docs.extend(loaded.documents);
        }
        assert_eq!(folded_docs, docs);
        assert_eq!(folded.warnings, report.warnings);
        assert_eq!(
            (
                folded.files,
                folded.skipped_files,
                folded.skipped_records,
                folded.documents
            ),
            (2, 1, 1, 2)
        );
        assert!(folded.ensure_documents().is_ok());
        assert!(LoadReport::default().ensure_documents().is_err());
    }

    #[test]
    fn json_fields_defaults() {
        let f = JsonFields::default();
        assert_eq!(f.text, ["text", "body", "content"]);
        assert_eq!(f.title, ["title", "headline"]);
        assert_eq!(f.date, ["date", "published", "publication_date", "pubdate"]);
        assert_eq!(f.url, ["url", "link"]);
        assert_eq!(f.id, ["id"]);
        assert!(!LoadOptions::default().strict);
    }
}
