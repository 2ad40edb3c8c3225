//! Per-document extraction: sentences, organisation mentions, coreference and
//! relations, as a pure function of a document and the rule data.

mod error;
mod gazetteer;
mod lexicon;
mod model;
pub mod text;

pub use error::ExtractError;
pub use gazetteer::{Gazetteer, GazetteerEntry};
pub use lexicon::{Country, Lexicon, LexiconFile};
pub use model::*;
