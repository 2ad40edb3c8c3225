//! Per-document extraction: sentences, organisation mentions, coreference and
//! relations, as a pure function of a document and the rule data.

mod model;

pub use model::*;
