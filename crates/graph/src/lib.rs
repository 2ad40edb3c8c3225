//! The knowledge graph: construction from per-document extractions, entity
//! resolution across documents, snapshots and queries.

mod graph;
mod model;

pub use graph::KnowledgeGraph;
pub use model::*;
