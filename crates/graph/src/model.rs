//! Node, edge and document records of the knowledge graph.

use newsgraph_extract::{Alias, EntityKind, Evidence, RelationKind, Status};
use serde::{Deserialize, Serialize};

/// One organisation of the graph, merged over every document that mentions it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Node {
    /// Canonical id (gazetteer id or `org:` + normalised name).
    pub id: String,
    /// Display name: the fullest name seen.
    pub name: String,
    /// Entity kind.
    pub kind: EntityKind,
    /// Every other surface form, sorted by name, each with where it came from.
    pub aliases: Vec<Alias>,
    /// Total mentions over the corpus.
    pub mentions: u64,
    /// Indices into [`crate::KnowledgeGraph::documents`] of the documents
    /// that mention it, ascending.
    pub documents: Vec<u32>,
    /// Earliest document date seen (ISO `YYYY-MM-DD`).
    pub first_seen: Option<String>,
    /// Latest document date seen.
    pub last_seen: Option<String>,
    /// Stock ticker, when a text gave one.
    pub ticker: Option<String>,
    /// Gazetteer parent id, when known.
    pub parent: Option<String>,
}

impl Node {
    /// Alias names only, sorted.
    pub fn alias_names(&self) -> impl Iterator<Item = &str> {
        self.aliases.iter().map(|a| a.name.as_str())
    }
}

/// All statements of one relation kind between one pair of nodes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Edge {
    /// Relation kind.
    pub kind: RelationKind,
    /// Source node id (for symmetric kinds, the smaller id).
    pub source: String,
    /// Target node id.
    pub target: String,
    /// The firmest status among the evidence.
    pub status: Status,
    /// Combined confidence of the non-negated evidence, in 0..=1.
    pub confidence: f32,
    /// Number of statements (evidence items).
    pub count: u32,
    /// Earliest evidence date.
    pub first_seen: Option<String>,
    /// Latest evidence date.
    pub last_seen: Option<String>,
    /// Every statement, ordered by (document, sentence, rule).
    pub evidence: Vec<Evidence>,
}

/// A document that went into the graph.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct DocInfo {
    /// Document id.
    pub id: String,
    /// Title when known.
    pub title: Option<String>,
    /// Date (ISO) when known.
    pub date: Option<String>,
    /// URL when known.
    pub url: Option<String>,
    /// Content hash of the text.
    pub hash: String,
}
