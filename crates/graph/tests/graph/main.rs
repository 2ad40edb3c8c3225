//! Integration tests of the graph crate: construction and entity
//! resolution, snapshots and queries, on extractions written by hand.
//!
//! One test binary (rather than one per file) keeps link time down.

#![allow(clippy::unwrap_used)]

mod fixtures;

mod builder;
mod query;
mod snapshot;
