//! The knowledge graph: construction from per-document extractions, entity
//! resolution across documents, snapshots and queries.

#![cfg_attr(test, allow(clippy::unwrap_used))]

mod builder;
pub mod diff;
mod error;
mod graph;
mod model;
pub mod pattern;
pub mod query;
pub mod select;
pub mod snapshot;
pub mod stats;
#[cfg(test)]
mod testgraph;

pub use builder::{BUNDLED_RESOLUTION, GraphBuilder, ResolutionRules, make_edge, simple_norm};
pub use error::GraphError;
pub use graph::KnowledgeGraph;
pub use model::*;
pub use petgraph::graph::{EdgeIndex, NodeIndex};
pub use select::{Selection, select};
