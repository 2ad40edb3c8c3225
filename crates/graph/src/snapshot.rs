//! Versioned binary snapshots of a graph.
//!
//! Layout (all integers little-endian):
//!
//! | bytes | what |
//! |---|---|
//! | 8 | magic `NGRAPH\r\n` |
//! | 4 | format version |
//! | 8 | payload length |
//! | 8 | FNV-1a 64 checksum of the payload |
//! | n | payload: postcard encoding of the snapshot data |
//!
//! Files are written to a temporary sibling and renamed into place, so a
//! crash never leaves a half-written snapshot; a truncated, corrupt or
//! foreign file is reported as such, never a panic.

use crate::GraphError;
use crate::graph::KnowledgeGraph;
use crate::model::{DocInfo, Edge, Node};
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::Path;

/// The magic bytes that start every snapshot.
pub const MAGIC: &[u8; 8] = b"NGRAPH\r\n";
/// The current format version.
pub const FORMAT_VERSION: u32 = 1;
const HEADER: usize = 8 + 4 + 8 + 8;

#[derive(Serialize, Deserialize)]
struct Payload {
    tool_version: String,
    nodes: Vec<Node>,
    edges: Vec<Edge>,
    documents: Vec<DocInfo>,
}

/// FNV-1a 64-bit.
fn checksum(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Encode a graph as snapshot bytes.
pub fn to_bytes(graph: &KnowledgeGraph) -> Result<Vec<u8>, GraphError> {
    let payload = Payload {
        tool_version: env!("CARGO_PKG_VERSION").to_string(),
        nodes: graph.nodes().cloned().collect(),
        edges: graph.edges().cloned().collect(),
        documents: graph.documents().to_vec(),
    };
    let body = postcard::to_stdvec(&payload).map_err(|e| GraphError::Encode(e.to_string()))?;
    let mut out = Vec::with_capacity(HEADER + body.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&(body.len() as u64).to_le_bytes());
    out.extend_from_slice(&checksum(&body).to_le_bytes());
    out.extend_from_slice(&body);
    Ok(out)
}

/// Decode snapshot bytes; `origin` names the file in errors.
pub fn from_bytes(bytes: &[u8], origin: &str) -> Result<KnowledgeGraph, GraphError> {
    let corrupt = |message: &str| GraphError::Corrupt {
        file: origin.to_string(),
        message: message.to_string(),
    };
    if bytes.len() < 8 || &bytes[..8] != MAGIC {
        return Err(GraphError::NotASnapshot {
            file: origin.to_string(),
        });
    }
    if bytes.len() < HEADER {
        return Err(corrupt("truncated header"));
    }
    let word = |at: usize| -> [u8; 8] {
        let mut w = [0u8; 8];
        w.copy_from_slice(&bytes[at..at + 8]);
        w
    };
    let mut v = [0u8; 4];
    v.copy_from_slice(&bytes[8..12]);
    let version = u32::from_le_bytes(v);
    if version != FORMAT_VERSION {
        return Err(GraphError::UnsupportedVersion {
            file: origin.to_string(),
            found: version,
            supported: FORMAT_VERSION,
        });
    }
    let len = u64::from_le_bytes(word(12));
    let sum = u64::from_le_bytes(word(20));
    let body = &bytes[HEADER..];
    if body.len() as u64 != len {
        return Err(corrupt(&format!(
            "payload is {} bytes, header says {len} (truncated or padded file)",
            body.len()
        )));
    }
    if checksum(body) != sum {
        return Err(corrupt("checksum mismatch"));
    }
    let p: Payload =
        postcard::from_bytes(body).map_err(|e| corrupt(&format!("cannot decode: {e}")))?;
    Ok(KnowledgeGraph::from_parts(p.nodes, p.edges, p.documents))
}

/// Write a snapshot to `path` atomically (temporary file, then rename).
pub fn save(graph: &KnowledgeGraph, path: &Path) -> Result<(), GraphError> {
    let bytes = to_bytes(graph)?;
    write_atomic(path, &bytes)
}

/// Write bytes to `path` through a temporary sibling renamed into place.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), GraphError> {
    let io = |e: std::io::Error| GraphError::Io {
        file: path.display().to_string(),
        source: e,
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "graph".to_string());
    let tmp = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(io(e));
    }
    Ok(())
}

/// Read a snapshot from `path`.
pub fn load(path: &Path) -> Result<KnowledgeGraph, GraphError> {
    let bytes = std::fs::read(path).map_err(|e| GraphError::Io {
        file: path.display().to_string(),
        source: e,
    })?;
    from_bytes(&bytes, &path.display().to_string())
}
