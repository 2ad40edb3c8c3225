//! Per-document extraction: sentences, organisation mentions, coreference and
//! relations, as a pure function of a document and the rule data.
//!
//! ```no_run
//! use newsgraph_extract::Extractor;
//! let ex = Extractor::bundled().unwrap();
//! let doc = newsgraph_corpus::Document {
//!     id: "a.txt".into(), title: None, date: None, url: None,
//!     text: "The Army awarded Leidos a contract.".into(),
//! };
//! let out = ex.extract(&doc);
//! assert_eq!(out.relations[0].kind.as_str(), "contract");
//! ```

#![cfg_attr(test, allow(clippy::unwrap_used))]

mod error;
pub mod eval;
mod extractor;
pub mod fxhash;
mod gazetteer;
mod lexicon;
mod matcher;
mod model;
mod ner;
mod rules;
pub mod text;
mod wordset;

pub use error::ExtractError;
pub use extractor::{
    Extractor, RULE_DESCRIPTIVE, bundled, content_hash, relation_from, status_weight,
};
pub use gazetteer::{Gazetteer, GazetteerEntry};
pub use lexicon::{Country, Lexicon, LexiconFile};
pub use model::*;
pub use rules::{Form, Role, RuleSpec, Rules, RulesFile};
