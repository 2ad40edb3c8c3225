//! Corpus loading: turn files and directories of news articles into
//! [`Document`]s.
//!
//! Supported formats (by extension, each optionally gzipped as `.gz`):
//! plain text (`.txt`), Markdown with YAML front matter (`.md`,
//! `.markdown`), HTML (`.html`, `.htm`) and JSON Lines (`.jsonl`,
//! `.ndjson`, one article per line).
//!
//! Typical use: [`load_all`] for everything in one go, or [`discover`] and
//! then [`load_file`] per file (in parallel if wanted), folding the results
//! into a [`LoadReport`] with [`LoadReport::absorb`] in file order.
//!
//! # Document ids
//! - a file given as an input: the path exactly as given (`./a.txt`);
//! - a file found under a directory input: the directory as given, without
//!   trailing slashes, `/`, then the path inside it with `/` separators
//!   (`data/corpus/sub/a.txt` for input `data/corpus/` or `data/corpus`);
//! - a JSON Lines record: its file's id, `#`, and the record's id field, or
//!   its 1-based line number when it has none (`news.jsonl#17`).

mod date;
mod discover;
mod error;
mod formats;
mod load;
mod textutil;

use serde::{Deserialize, Serialize};
use std::path::PathBuf;

pub use date::parse_date;
pub use discover::{Discovery, Format, SourceFile, discover};
pub use error::{CorpusError, Warning, WarningKind};
pub use load::{JsonFields, LoadOptions, LoadReport, Loaded, load_all, load_file};

/// One news article, ready for extraction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// Stable id: the path as given (see the crate docs), or `path#id` for a
    /// JSON Lines record.
    pub id: String,
    /// Headline, when the format gives one.
    pub title: Option<String>,
    /// Publication date normalised to ISO `YYYY-MM-DD`, when known.
    pub date: Option<String>,
    /// Source URL, when known.
    pub url: Option<String>,
    /// The article text that extraction reads (title included where the
    /// format has it in the body).
    pub text: String,
}
