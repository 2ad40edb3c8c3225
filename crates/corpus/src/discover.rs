//! Finding the files of a corpus: walking the inputs given by the user.

use rayon::prelude::*;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::error::{CorpusError, Warning, WarningKind};

/// The article format of a file, chosen from its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain text (`.txt`, or any unknown extension given explicitly).
    Text,
    /// Markdown with optional YAML front matter (`.md`, `.markdown`).
    Markdown,
    /// HTML (`.html`, `.htm`).
    Html,
    /// One JSON object per line (`.jsonl`, `.ndjson`).
    JsonLines,
}

impl Format {
    /// Format and gzip flag for a file name, by its (case-insensitive)
    /// extension; `None` for an extension the corpus does not know.
    pub fn from_name(name: &str) -> Option<(Format, bool)> {
        let lower = name.to_ascii_lowercase();
        let (stem, gzip) = match lower.strip_suffix(".gz") {
            Some(stem) => (stem, true),
            None => (lower.as_str(), false),
        };
        let ext = stem.rsplit_once('.').map(|(_, ext)| ext)?;
        let format = match ext {
            "txt" => Format::Text,
            "md" | "markdown" => Format::Markdown,
            "html" | "htm" => Format::Html,
            "jsonl" | "ndjson" => Format::JsonLines,
            _ => return None,
        };
        Some((format, gzip))
    }

    /// A short lowercase name (`text`, `markdown`, `html`, `jsonl`).
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::JsonLines => "jsonl",
        }
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One file of the corpus, ready to be loaded with [`crate::load_file`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// Where to read it.
    pub path: PathBuf,
    /// Its id: the path as the user gave it, or, for a file found under a
    /// directory input, that directory as given joined with the path inside
    /// it using `/`.
    pub id: String,
    /// How to read it.
    pub format: Format,
    /// Whether it is gzip-compressed (`.gz`).
    pub gzip: bool,
    /// Its size on disk in bytes (compressed size for gzip files).
    pub size: u64,
}

/// The files found under the inputs, in order, plus what had to be skipped.
#[derive(Debug, Clone, Default)]
pub struct Discovery {
    /// The files, in input order; files under a directory in sorted walk
    /// order.
    pub files: Vec<SourceFile>,
    /// Entries that could not be walked (unreadable directories, symbolic
    /// link loops, broken links), as [`WarningKind::SkippedFile`] warnings.
    pub warnings: Vec<Warning>,
}

impl Discovery {
    /// Total size on disk of the discovered files.
    pub fn total_bytes(&self) -> u64 {
        self.files.iter().map(|f| f.size).sum()
    }
}

/// Find the corpus files under `inputs` (files and directories).
///
/// - A file given explicitly is always taken; an unknown extension is read
///   as plain text. Its id is the path exactly as given.
/// - A directory is walked recursively in byte-wise sorted order of entry
///   names, skipping hidden entries (name starting with `.`) and taking only
///   known extensions (`.txt`, `.md`, `.markdown`, `.html`, `.htm`, `.jsonl`,
///   `.ndjson`, each optionally followed by `.gz`). Symbolic links are
///   followed, except into a directory that is already being walked (a
///   loop).
///
/// A missing input is [`CorpusError::NotFound`]; an input that cannot be
/// read at all is [`CorpusError::Io`]. Problems below a directory input are
/// warnings.
pub fn discover(inputs: &[PathBuf]) -> Result<Discovery, CorpusError> {
    let mut out = Discovery::default();
    for input in inputs {
        let meta = fs::metadata(input).map_err(|e| match e.kind() {
            io::ErrorKind::NotFound => CorpusError::NotFound {
                path: input.clone(),
            },
            _ => CorpusError::Io {
                path: input.clone(),
                source: e,
            },
        })?;
        let given = input.to_string_lossy();
        if meta.is_dir() {
            let canonical = fs::canonicalize(input).map_err(|e| CorpusError::Io {
                path: input.clone(),
                source: e,
            })?;
            let entries = read_sorted(input).map_err(|e| CorpusError::Io {
                path: input.clone(),
                source: e,
            })?;
            let base = dir_id_base(&given);
            let mut walker = Walker {
                out: &mut out,
                ancestors: vec![canonical],
            };
            walker.walk_entries(input, &base, entries);
        } else {
            let name = input
                .file_name()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default();
            let (format, gzip) = Format::from_name(&name).unwrap_or_else(|| {
                let gzip = name.to_ascii_lowercase().ends_with(".gz");
                (Format::Text, gzip)
            });
            out.files.push(SourceFile {
                path: input.clone(),
                id: given.into_owned(),
                format,
                gzip,
                size: meta.len(),
            });
        }
    }
    // Regular files found by the walk are stat'ed for their size here, in
    // parallel: on a corpus of many small files this is most of the walk.
    out.files.par_iter_mut().for_each(|f| {
        if f.size == UNSIZED {
            f.size = fs::metadata(&f.path).map_or(0, |m| m.len());
        }
    });
    Ok(out)
}

/// Size placeholder of a file the walk has not stat'ed yet.
const UNSIZED: u64 = u64::MAX;

/// The id prefix for files under a directory given as `given`: the
/// directory as typed, without trailing slashes, followed by one `/`.
fn dir_id_base(given: &str) -> String {
    let trimmed = given.trim_end_matches('/');
    #[cfg(windows)]
    let trimmed = trimmed.trim_end_matches('\\');
    let mut base = String::with_capacity(trimmed.len() + 1);
    base.push_str(trimmed);
    base.push('/');
    base
}

struct Entry {
    name: std::ffi::OsString,
    file_type: Option<fs::FileType>,
}

fn read_sorted(dir: &Path) -> io::Result<Vec<Entry>> {
    let mut entries = Vec::new();
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        entries.push(Entry {
            name: entry.file_name(),
            file_type: entry.file_type().ok(),
        });
    }
    entries.sort_by(|a, b| a.name.as_encoded_bytes().cmp(b.name.as_encoded_bytes()));
    Ok(entries)
}

/// What one directory entry contributes to a walk.
enum Item {
    File(SourceFile),
    Warn(String, String),
    Dir(PathBuf, String),
}

struct Walker<'a> {
    out: &'a mut Discovery,
    /// Canonical paths of the directories being walked, outermost first.
    ancestors: Vec<PathBuf>,
}

impl Walker<'_> {
    fn warn(&mut self, id: String, message: String) {
        self.out
            .warnings
            .push(Warning::file(id, WarningKind::SkippedFile, message));
    }

    /// Walk the (sorted) entries of `dir`, whose files get ids starting
    /// with `base` (which ends with `/`). Subdirectories are walked in
    /// parallel when there are several; what they hold is put back in walk
    /// order.
    fn walk_entries(&mut self, dir: &Path, base: &str, entries: Vec<Entry>) {
        let mut items = Vec::with_capacity(entries.len());
        for entry in entries {
            let name = entry.name.to_string_lossy();
            if name.starts_with('.') {
                continue;
            }
            let path = dir.join(&entry.name);
            let id = format!("{base}{name}");
            let Some(file_type) = entry.file_type else {
                items.push(Item::Warn(id, "cannot read directory entry".to_owned()));
                continue;
            };
            let (is_dir, is_file, size) = if file_type.is_symlink() {
                match fs::metadata(&path) {
                    Ok(m) => (m.is_dir(), m.is_file(), m.len()),
                    Err(e) => {
                        if Format::from_name(&name).is_some() {
                            items.push(Item::Warn(id, format!("broken symbolic link: {e}")));
                        }
                        continue;
                    }
                }
            } else if file_type.is_dir() {
                (true, false, 0)
            } else if file_type.is_file() {
                // Sized after the walk, in parallel (see `discover`).
                (false, true, UNSIZED)
            } else {
                (false, false, 0)
            };
            if is_dir {
                items.push(Item::Dir(path, id));
            } else if is_file {
                if let Some((format, gzip)) = Format::from_name(&name) {
                    items.push(Item::File(SourceFile {
                        path,
                        id,
                        format,
                        gzip,
                        size,
                    }));
                }
            }
        }
        let dirs = items.iter().filter(|i| matches!(i, Item::Dir(..))).count();
        let mut walked: Vec<Option<Discovery>> = if dirs >= 2 {
            let ancestors = &self.ancestors;
            items
                .par_iter()
                .map(|item| match item {
                    Item::Dir(path, id) => {
                        let mut out = Discovery::default();
                        Walker {
                            out: &mut out,
                            ancestors: ancestors.clone(),
                        }
                        .walk_dir(path, id.clone());
                        Some(out)
                    }
                    _ => None,
                })
                .collect()
        } else {
            Vec::new()
        };
        for (k, item) in items.into_iter().enumerate() {
            match item {
                Item::File(f) => self.out.files.push(f),
                Item::Warn(id, message) => self.warn(id, message),
                Item::Dir(path, id) => match walked.get_mut(k).and_then(Option::take) {
                    Some(sub) => {
                        self.out.files.extend(sub.files);
                        self.out.warnings.extend(sub.warnings);
                    }
                    None => self.walk_dir(&path, id),
                },
            }
        }
    }

    fn walk_dir(&mut self, path: &Path, id: String) {
        let canonical = match fs::canonicalize(path) {
            Ok(c) => c,
            Err(e) => {
                self.warn(id, format!("cannot read directory: {e}"));
                return;
            }
        };
        if self.ancestors.contains(&canonical) {
            self.warn(
                id,
                "symbolic link loop: directory already being walked, not followed".to_owned(),
            );
            return;
        }
        let entries = match read_sorted(path) {
            Ok(entries) => entries,
            Err(e) => {
                self.warn(id, format!("cannot read directory: {e}"));
                return;
            }
        };
        self.ancestors.push(canonical);
        let mut base = id;
        base.push('/');
        self.walk_entries(path, &base, entries);
        self.ancestors.pop();
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use std::fs;

    fn touch(root: &Path, rel: &str, content: &str) {
        let p = root.join(rel);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, content).unwrap();
    }

    fn ids(d: &Discovery) -> Vec<String> {
        d.files.iter().map(|f| f.id.clone()).collect()
    }

    #[test]
    fn formats_from_names() {
        assert_eq!(Format::from_name("a.txt"), Some((Format::Text, false)));
        assert_eq!(Format::from_name("A.MD"), Some((Format::Markdown, false)));
        assert_eq!(
            Format::from_name("x.markdown.gz"),
            Some((Format::Markdown, true))
        );
        assert_eq!(Format::from_name("x.htm"), Some((Format::Html, false)));
        assert_eq!(Format::from_name("x.html.GZ"), Some((Format::Html, true)));
        assert_eq!(
            Format::from_name("x.ndjson"),
            Some((Format::JsonLines, false))
        );
        assert_eq!(
            Format::from_name("x.jsonl.gz"),
            Some((Format::JsonLines, true))
        );
        assert_eq!(Format::from_name("x.json"), None);
        assert_eq!(Format::from_name("x.gz"), None);
        assert_eq!(Format::from_name("txt"), None);
        assert_eq!(Format::from_name("README"), None);
    }

    #[test]
    fn dir_ids_with_and_without_trailing_slash() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("corpus");
        touch(&root, "sub/a.txt", "A");
        touch(&root, "b.md", "B");
        let plain = root.to_string_lossy().into_owned();
        for given in [plain.clone(), format!("{plain}/"), format!("{plain}//")] {
            let d = discover(&[PathBuf::from(&given)]).unwrap();
            assert_eq!(
                ids(&d),
                vec![format!("{plain}/b.md"), format!("{plain}/sub/a.txt")],
                "input {given:?}"
            );
            assert_eq!(d.files[1].path, Path::new(&given).join("sub").join("a.txt"));
        }
    }

    #[test]
    fn explicit_file_id_is_exactly_as_given() {
        let tmp = tempfile::tempdir().unwrap();
        touch(tmp.path(), "x/a.txt", "A");
        touch(tmp.path(), "x/notes.data", "N");
        let given = format!("{}/x/../x/./a.txt", tmp.path().display());
        let d = discover(&[PathBuf::from(&given)]).unwrap();
        assert_eq!(ids(&d), vec![given]);
        assert_eq!(d.files[0].format, Format::Text);
        assert_eq!(d.files[0].size, 1);
        // Unknown extension given explicitly: plain text.
        let given = tmp.path().join("x/notes.data");
        let d = discover(std::slice::from_ref(&given)).unwrap();
        assert_eq!(d.files[0].format, Format::Text);
        assert!(!d.files[0].gzip);
    }

    #[test]
    #[cfg(unix)]
    fn parallel_subdirectory_walks_keep_walk_order_sizes_and_warnings() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        for (k, rel) in [
            "p1/a.txt",
            "p1/q/b.txt",
            "p0/c.txt",
            "p2/d.txt",
            "e.txt",
            "p1/q/r/f.md",
        ]
        .iter()
        .enumerate()
        {
            touch(root, rel, &"x".repeat(k + 1));
        }
        std::os::unix::fs::symlink(root.join("gone.txt"), root.join("p2/broken.txt")).unwrap();
        std::os::unix::fs::symlink(root.join("gone.txt"), root.join("p0/broken.txt")).unwrap();
        let base = root.to_string_lossy();
        let d = discover(&[root.to_path_buf()]).unwrap();
        let rel = |id: &str| id[base.len() + 1..].to_owned();
        let got: Vec<(String, u64)> = d.files.iter().map(|f| (rel(&f.id), f.size)).collect();
        let want: Vec<(String, u64)> = [
            ("e.txt", 5),
            ("p0/c.txt", 3),
            ("p1/a.txt", 1),
            ("p1/q/b.txt", 2),
            ("p1/q/r/f.md", 6),
            ("p2/d.txt", 4),
        ]
        .iter()
        .map(|(p, n)| (p.to_string(), *n))
        .collect();
        assert_eq!(got, want);
        let warned: Vec<String> = d.warnings.iter().map(|w| rel(&w.file)).collect();
        assert_eq!(warned, vec!["p0/broken.txt", "p2/broken.txt"]);
    }

    #[test]
    fn sorted_walk_skips_hidden_and_unknown() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        for rel in [
            "b.txt",
            "B.txt",
            "a/z.md",
            "a/c.html",
            "a.txt",
            "a0.txt",
            ".hidden.txt",
            ".git/x.txt",
            "sub/.secret/y.txt",
            "notes.json",
            "README",
            "z.jsonl.gz",
            "y.ndjson",
            "w.htm",
            "v.markdown",
        ] {
            touch(root, rel, "x");
        }
        let base = root.to_string_lossy();
        let d = discover(&[root.to_path_buf()]).unwrap();
        let got: Vec<String> = ids(&d)
            .into_iter()
            .map(|id| id[base.len() + 1..].to_owned())
            .collect();
        assert_eq!(
            got,
            vec![
                "B.txt",
                "a/c.html",
                "a/z.md",
                "a.txt",
                "a0.txt",
                "b.txt",
                "v.markdown",
                "w.htm",
                "y.ndjson",
                "z.jsonl.gz"
            ]
        );
        let gz = d.files.last().unwrap();
        assert_eq!((gz.format, gz.gzip), (Format::JsonLines, true));
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn inputs_keep_their_order() {
        let tmp = tempfile::tempdir().unwrap();
        touch(tmp.path(), "b.txt", "b");
        touch(tmp.path(), "d/a.txt", "a");
        let d = discover(&[tmp.path().join("b.txt"), tmp.path().join("d")]).unwrap();
        assert_eq!(d.files.len(), 2);
        assert!(d.files[0].id.ends_with("b.txt"));
        assert!(d.files[1].id.ends_with("d/a.txt"));
    }

    #[test]
    fn missing_input_is_not_found() {
        let err = discover(&[PathBuf::from("no/such/dir/anywhere")]).unwrap_err();
        assert!(matches!(err, CorpusError::NotFound { .. }));
        assert!(err.to_string().contains("no/such/dir/anywhere"));
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loops_are_not_followed() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("c");
        touch(&root, "sub/a.txt", "a");
        std::os::unix::fs::symlink(&root, root.join("sub/loop")).unwrap();
        std::os::unix::fs::symlink(root.join("sub/a.txt"), root.join("link.txt")).unwrap();
        std::os::unix::fs::symlink(root.join("nowhere.txt"), root.join("broken.txt")).unwrap();
        let d = discover(std::slice::from_ref(&root)).unwrap();
        let base = root.to_string_lossy();
        assert_eq!(
            ids(&d),
            vec![format!("{base}/link.txt"), format!("{base}/sub/a.txt")]
        );
        assert_eq!(d.warnings.len(), 2, "{:?}", d.warnings);
        assert!(d.warnings[0].file.ends_with("broken.txt"));
        assert!(d.warnings[1].file.ends_with("sub/loop"));
        assert!(d.warnings[1].message.contains("loop"));
    }
}
