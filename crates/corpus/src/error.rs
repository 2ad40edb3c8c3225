//! Errors and warnings reported while discovering and loading a corpus.

use std::fmt;
use std::path::PathBuf;

/// A fatal problem (or, in strict mode, any problem) while loading a corpus.
///
/// Every variant's `Display` names the file (and the line, where there is
/// one), so the message can be shown to a user as it is.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    /// An input path given by the user does not exist.
    #[error("{}: no such file or directory", path.display())]
    NotFound {
        /// The path as given.
        path: PathBuf,
    },
    /// A file or directory could not be read.
    #[error("{}: cannot read: {source}", path.display())]
    Io {
        /// The file or directory that failed.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A file looks binary (it has a NUL byte near its start).
    #[error("{}: looks like a binary file (NUL byte in the first 8 KiB)", path.display())]
    Binary {
        /// The binary file.
        path: PathBuf,
    },
    /// A gzip file could not be decompressed.
    #[error("{}: cannot decompress gzip data: {source}", path.display())]
    Decompress {
        /// The gzip file.
        path: PathBuf,
        /// The decoder's error.
        #[source]
        source: std::io::Error,
    },
    /// A file is not valid UTF-8 (an error only in strict mode; otherwise it
    /// is decoded lossily with a warning).
    #[error("{}: invalid UTF-8 at byte {offset}", path.display())]
    InvalidUtf8 {
        /// The file.
        path: PathBuf,
        /// Byte offset of the first invalid sequence (after decompression).
        offset: usize,
    },
    /// A record could not be read (an error only in strict mode; otherwise
    /// the record is skipped with a warning).
    #[error("{}:{line}: {message}", path.display())]
    Malformed {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong with the record.
        message: String,
    },
    /// Something under a directory input had to be skipped while walking it
    /// (an unreadable directory, a symbolic link loop or a broken link). An
    /// error only in strict mode; otherwise it is a warning.
    #[error("{file}: {message}")]
    Walk {
        /// The entry's id (the path as it would be shown in a document id).
        file: String,
        /// What went wrong.
        message: String,
    },
    /// The inputs hold no documents at all.
    #[error(
        "empty corpus: no documents found in the inputs (looked for .txt, .md, .markdown, \
         .html, .htm, .jsonl and .ndjson files, optionally gzipped as .gz)"
    )]
    EmptyCorpus,
}

/// What kind of problem a [`Warning`] reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WarningKind {
    /// The file was not valid UTF-8 and was decoded lossily.
    LossyUtf8,
    /// The whole file (or a directory entry) was skipped.
    SkippedFile,
    /// One record (a JSON Lines line) was skipped.
    SkippedRecord,
}

impl WarningKind {
    /// A short lowercase name, e.g. for counting warnings by kind.
    pub fn as_str(self) -> &'static str {
        match self {
            WarningKind::LossyUtf8 => "lossy-utf8",
            WarningKind::SkippedFile => "skipped-file",
            WarningKind::SkippedRecord => "skipped-record",
        }
    }
}

impl fmt::Display for WarningKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A non-fatal problem: the named file or record was skipped or read lossily.
///
/// Displays as `file:line: message`, or `file: message` without a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// The file's id (the path as the user gave it, see [`crate::SourceFile::id`]).
    pub file: String,
    /// 1-based line number, for a record-level problem.
    pub line: Option<usize>,
    /// What kind of problem.
    pub kind: WarningKind,
    /// Human-readable description.
    pub message: String,
}

impl Warning {
    /// A warning about a whole file.
    pub fn file(file: impl Into<String>, kind: WarningKind, message: impl Into<String>) -> Self {
        Warning {
            file: file.into(),
            line: None,
            kind,
            message: message.into(),
        }
    }

    /// A warning about one line of a file.
    pub fn line(
        file: impl Into<String>,
        line: usize,
        kind: WarningKind,
        message: impl Into<String>,
    ) -> Self {
        Warning {
            file: file.into(),
            line: Some(line),
            kind,
            message: message.into(),
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file, line, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warning_display_with_and_without_line() {
        let w = Warning::line("f.jsonl", 3, WarningKind::SkippedRecord, "invalid JSON");
        assert_eq!(w.to_string(), "f.jsonl:3: invalid JSON");
        let w = Warning::file("a.txt", WarningKind::LossyUtf8, "invalid UTF-8");
        assert_eq!(w.to_string(), "a.txt: invalid UTF-8");
    }

    #[test]
    fn errors_name_the_file() {
        let e = CorpusError::NotFound {
            path: PathBuf::from("data/missing"),
        };
        assert!(e.to_string().starts_with("data/missing: "));
        let e = CorpusError::Malformed {
            path: PathBuf::from("f.jsonl"),
            line: 3,
            message: "not a JSON object".into(),
        };
        assert_eq!(e.to_string(), "f.jsonl:3: not a JSON object");
        let e = CorpusError::Binary {
            path: PathBuf::from("x.txt"),
        };
        assert!(e.to_string().starts_with("x.txt: "));
        assert!(
            CorpusError::EmptyCorpus
                .to_string()
                .contains("no documents")
        );
    }
}
