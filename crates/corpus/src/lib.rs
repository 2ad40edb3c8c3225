//! Corpus loading: turn files and directories of news articles into
//! [`Document`]s.

use serde::{Deserialize, Serialize};

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
