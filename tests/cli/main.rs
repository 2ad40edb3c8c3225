//! Command-line integration tests of `newsgraph`: the binary is run as a
//! user would run it (from the project root), and its outputs checked.
//!
//! Expected outputs that depend on extraction live in `tests/expected/`;
//! rewrite them with `NEWSGRAPH_BLESS=1 cargo test --release --test cli`
//! after an intended change, and review `git diff tests/expected`.
//!
//! One test binary (rather than one per file) keeps link time down.

#![allow(clippy::unwrap_used)]

mod common;

mod determinism;
mod errors;
mod graphml;
mod query;
mod sample;
mod seed;
mod snapshot;
