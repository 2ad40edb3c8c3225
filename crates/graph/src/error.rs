//! Errors of the graph crate.

use thiserror::Error;

/// An error reading, writing or querying a graph.
#[derive(Debug, Error)]
pub enum GraphError {
    /// The file could not be read or written.
    #[error("{file}: {source}")]
    Io {
        /// The file.
        file: String,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// The file is not a newsgraph snapshot.
    #[error(
        "{file}: not a newsgraph graph snapshot (wrong magic bytes); build one with `newsgraph build`"
    )]
    NotASnapshot {
        /// The file.
        file: String,
    },
    /// The snapshot was written by an incompatible version.
    #[error(
        "{file}: snapshot format version {found} is not supported (this newsgraph reads version {supported}); rebuild the graph"
    )]
    UnsupportedVersion {
        /// The file.
        file: String,
        /// Version in the file.
        found: u32,
        /// Version this build reads.
        supported: u32,
    },
    /// The snapshot is damaged.
    #[error("{file}: corrupt snapshot: {message}")]
    Corrupt {
        /// The file.
        file: String,
        /// What is wrong.
        message: String,
    },
    /// The graph could not be encoded.
    #[error("cannot encode the graph: {0}")]
    Encode(String),
    /// No entity answers to a name.
    #[error("no entity named '{name}'{}", suggestion_text(suggestions))]
    UnknownEntity {
        /// The name asked for.
        name: String,
        /// The closest names.
        suggestions: Vec<String>,
    },
}

fn suggestion_text(s: &[String]) -> String {
    if s.is_empty() {
        String::new()
    } else {
        format!("; did you mean: {}?", s.join(", "))
    }
}
