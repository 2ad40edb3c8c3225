//! Errors of the extraction crate.

use thiserror::Error;

/// An error loading extraction data (gazetteer, rules).
#[derive(Debug, Error)]
pub enum ExtractError {
    /// A data file could not be read.
    #[error("{file}: {source}")]
    Io {
        /// The file.
        file: String,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// A data file is malformed or inconsistent.
    #[error("{file}{}: {message}", line_suffix(*line))]
    Data {
        /// The file.
        file: String,
        /// 1-based line, or 0 when the problem is not tied to one line.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

fn line_suffix(line: usize) -> String {
    if line == 0 {
        String::new()
    } else {
        format!(":{line}")
    }
}
