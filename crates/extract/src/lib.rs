//! Per-document extraction: sentences, organisation mentions, coreference and
//! relations, as a pure function of a document and the rule data.

mod error;
mod gazetteer;
mod model;

pub use error::ExtractError;
pub use gazetteer::{Gazetteer, GazetteerEntry};
pub use model::*;
