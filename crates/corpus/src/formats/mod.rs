//! Readers for the supported article formats. Each takes the decoded file
//! content and returns documents (and warnings).

pub(crate) mod entities;
pub(crate) mod frontmatter;
pub(crate) mod html;
pub(crate) mod jsonl;
pub(crate) mod markdown;
pub(crate) mod text;
