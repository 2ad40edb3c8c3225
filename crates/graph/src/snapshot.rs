//! Versioned binary snapshots of a graph.
//!
//! Layout of format version 2 (all integers little-endian):
//!
//! | bytes | what |
//! |---|---|
//! | 8 | magic `NGRAPH\r\n` |
//! | 4 | format version (2) |
//! | 4 | number of sections `n` |
//! | 32 × n | section table: tag (8 bytes, NUL-padded), offset, length, checksum (u64 each) |
//! | 8 | checksum of everything above |
//! | ... | the sections, back to back, in table order |
//!
//! Sections (postcard encoding inside; sequences are a varint count then the
//! items):
//!
//! - `META`: tool version, extraction-data fingerprint, counts.
//! - `STRINGS`: every distinct string of the node and edge sections, in
//!   first-use order; the other core sections refer to strings by index.
//! - `NODES`, `EDGES` (edges with all their evidence): what queries and
//!   exports need.
//! - `DOCS`: the document table. Loading keeps it encoded and decodes it on
//!   first use ([`KnowledgeGraph::documents`]).
//! - `EXTRACTS` (optional): every document's extraction, compactly, with its
//!   own string table: what `build --update` and `merge` rebuild the graph
//!   from. [`load`] never reads it.
//!
//! The bytes are a function of the graph (and of the set of per-document
//! records), so two builds over the same documents give identical files.
//!
//! Files are written to a temporary sibling and renamed into place, so a
//! crash never leaves a half-written snapshot; a truncated, corrupt or
//! foreign file is reported as such, never a panic. Version 1 files (one
//! postcard payload) are still read.

use crate::GraphError;
use crate::builder::{AliasRec, DocRec, EntRec, EvRec, GraphBuilder, Interner, NONE, RelRec, Span};
use crate::graph::KnowledgeGraph;
use crate::model::{DocInfo, Edge, Node};
use newsgraph_extract::{
    Alias, AliasOrigin, EntityKind, EntitySource, Evidence, RelationKind, Status,
};
use serde::{Deserialize, Serialize};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::Path;

/// The magic bytes that start every snapshot.
pub const MAGIC: &[u8; 8] = b"NGRAPH\r\n";
/// The current format version.
pub const FORMAT_VERSION: u32 = 2;
const V1_HEADER: usize = 8 + 4 + 8 + 8;
const ENTRY: usize = 32;

const META: [u8; 8] = *b"META\0\0\0\0";
const STRINGS: [u8; 8] = *b"STRINGS\0";
const NODES: [u8; 8] = *b"NODES\0\0\0";
const EDGES: [u8; 8] = *b"EDGES\0\0\0";
const DOCS: [u8; 8] = *b"DOCS\0\0\0\0";
const EXTRACTS: [u8; 8] = *b"EXTRACTS";

/// Checksum: four interleaved FxHash-style lanes over 8-byte words, folded.
/// Fast (well under a nanosecond per byte) and sensitive to any change.
pub fn checksum(bytes: &[u8]) -> u64 {
    const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    let mut lanes = [
        0x243f_6a88_85a3_08d3u64,
        0x1319_8a2e_0370_7344,
        0xa409_3822_299f_31d0,
        0x082e_fa98_ec4e_6c89,
    ];
    let mut blocks = bytes.chunks_exact(32);
    for b in &mut blocks {
        for (l, w) in lanes.iter_mut().zip(b.chunks_exact(8)) {
            let mut a = [0u8; 8];
            a.copy_from_slice(w);
            *l = (l.rotate_left(5) ^ u64::from_le_bytes(a)).wrapping_mul(K);
        }
    }
    let mut h = (bytes.len() as u64).wrapping_mul(K);
    for (i, l) in lanes.iter().enumerate() {
        h = (h.rotate_left(23) ^ l.rotate_left(i as u32 * 16)).wrapping_mul(K);
    }
    for &b in blocks.remainder() {
        h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
    }
    h ^ (h >> 31)
}

/// Extra content for [`save_with`] and [`to_bytes_with`].
#[derive(Debug, Clone, Copy, Default)]
pub struct SaveOptions<'a> {
    /// The per-document records of the builder the graph was built from,
    /// stored so that `build --update` and `merge` can rebuild the graph.
    pub extractions: Option<Extractions<'a>>,
    /// Fingerprint of the extraction data (rules, gazetteer, tool version)
    /// the records were made with.
    pub fingerprint: &'a str,
}

/// The per-document records to store with a graph.
#[derive(Debug, Clone, Copy)]
pub enum Extractions<'a> {
    /// Encoded while the snapshot is written.
    Builder(&'a GraphBuilder),
    /// Encoded ahead of time by [`EncodedExtractions::encode`], for example
    /// on one thread while the graph is resolved on another.
    Encoded(&'a EncodedExtractions),
}

impl<'a> From<&'a GraphBuilder> for Extractions<'a> {
    fn from(b: &'a GraphBuilder) -> Self {
        Extractions::Builder(b)
    }
}

impl<'a> From<&'a EncodedExtractions> for Extractions<'a> {
    fn from(x: &'a EncodedExtractions) -> Self {
        Extractions::Encoded(x)
    }
}

impl Extractions<'_> {
    fn document_count(&self) -> usize {
        match self {
            Extractions::Builder(b) => b.document_count(),
            Extractions::Encoded(x) => x.documents,
        }
    }
}

/// A builder's per-document records in their snapshot encoding.
#[derive(Debug, Clone)]
pub struct EncodedExtractions {
    bytes: Vec<u8>,
    documents: usize,
}

impl EncodedExtractions {
    /// Encode the builder's records (what [`save_with`] stores for
    /// [`Extractions::Builder`]).
    pub fn encode(b: &GraphBuilder) -> Result<Self, GraphError> {
        Ok(EncodedExtractions {
            bytes: extracts_section(b)?,
            documents: b.document_count(),
        })
    }
}

/// What a snapshot holds, from its header and `META` section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SnapshotInfo {
    /// Format version.
    pub version: u32,
    /// Version of the newsgraph that wrote it.
    pub tool_version: String,
    /// Fingerprint of the extraction data (empty when unknown).
    pub fingerprint: String,
    /// Number of nodes.
    pub nodes: u64,
    /// Number of edges.
    pub edges: u64,
    /// Number of evidence statements.
    pub evidence: u64,
    /// Number of documents.
    pub documents: u64,
    /// Whether per-document extractions are stored.
    pub has_extractions: bool,
    /// Section names and sizes in bytes.
    pub sections: Vec<(String, u64)>,
}

// ---------------------------------------------------------------------------
// Wire records.

#[derive(Serialize, Deserialize)]
struct MetaRec {
    tool_version: String,
    fingerprint: String,
    nodes: u64,
    edges: u64,
    evidence: u64,
    documents: u64,
}

#[derive(Serialize, Deserialize)]
struct NodeRec {
    id: u32,
    name: u32,
    kind: EntityKind,
    aliases: Vec<(u32, AliasOrigin)>,
    mentions: u64,
    /// Ascending document indices, delta-encoded.
    documents: Vec<u32>,
    first_seen: Option<u32>,
    last_seen: Option<u32>,
    ticker: Option<u32>,
    parent: Option<u32>,
}

#[derive(Serialize, Deserialize)]
struct EdgeRec {
    kind: RelationKind,
    /// Node position.
    source: u32,
    /// Node position.
    target: u32,
    status: Status,
    confidence: f32,
    count: u32,
    first_seen: Option<u32>,
    last_seen: Option<u32>,
    evidence: Vec<EvidenceRec>,
}

#[derive(Serialize, Deserialize)]
struct EvidenceRec {
    doc: u32,
    date: Option<u32>,
    sentence: u32,
    start: u32,
    end: u32,
    text: u32,
    trigger: u32,
    rule: u32,
    status: Status,
    confidence: f32,
}

/// A document of the `DOCS` section, borrowed.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub(crate) struct DocRef<'a> {
    pub id: &'a str,
    pub title: Option<&'a str>,
    pub date: Option<&'a str>,
    pub url: Option<&'a str>,
    pub hash: &'a str,
}

#[derive(Serialize, Deserialize)]
struct XDoc {
    bytes: u64,
    sentences: u32,
    entities: Vec<XEnt>,
    relations: Vec<XRel>,
}

#[derive(Serialize, Deserialize)]
struct XEnt {
    id: u32,
    name: u32,
    kind: EntityKind,
    source: EntitySource,
    mentions: u32,
    parent: Option<u32>,
    ticker: Option<u32>,
    aliases: Vec<(u32, Option<AliasOrigin>)>,
}

#[derive(Serialize, Deserialize)]
struct XRel {
    kind: RelationKind,
    source: u32,
    target: u32,
    evidence: Vec<XEv>,
}

/// A string that is usually the document's own id or date.
#[derive(Serialize, Deserialize)]
enum XRef {
    Own,
    Absent,
    Str(u32),
}

#[derive(Serialize, Deserialize)]
struct XEv {
    doc: XRef,
    date: XRef,
    sentence: u32,
    start: u32,
    end: u32,
    text: u32,
    trigger: u32,
    rule: u32,
    status: Status,
    confidence: f32,
}

// ---------------------------------------------------------------------------
// Encoding helpers.

fn enc_err(e: postcard::Error) -> GraphError {
    GraphError::Encode(e.to_string())
}

fn push_varint(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

fn take_varint(bytes: &[u8]) -> Option<(u64, &[u8])> {
    let mut v = 0u64;
    for (i, &b) in bytes.iter().enumerate().take(10) {
        v |= u64::from(b & 0x7f) << (7 * i);
        if b & 0x80 == 0 {
            return Some((v, &bytes[i + 1..]));
        }
    }
    None
}

/// Append one postcard value.
fn push<T: Serialize>(out: &mut Vec<u8>, v: &T) -> Result<(), GraphError> {
    let buf = std::mem::take(out);
    *out = postcard::to_extend(v, buf).map_err(enc_err)?;
    Ok(())
}

/// Reads a sequence written as a varint count then postcard items.
struct SeqReader<'a> {
    rest: &'a [u8],
    left: u64,
}

impl<'a> SeqReader<'a> {
    fn new(bytes: &'a [u8]) -> Result<Self, String> {
        let (left, rest) = take_varint(bytes).ok_or("truncated sequence length")?;
        Ok(SeqReader { rest, left })
    }
    fn len(&self) -> u64 {
        self.left
    }
    fn next<T: Deserialize<'a>>(&mut self) -> Result<Option<T>, String> {
        if self.left == 0 {
            return Ok(None);
        }
        self.left -= 1;
        let (v, rest) = postcard::take_from_bytes::<T>(self.rest).map_err(|e| e.to_string())?;
        self.rest = rest;
        Ok(Some(v))
    }
}

/// Encode a document table (the `DOCS` section).
pub(crate) fn encode_documents<'a, I>(docs: I) -> Vec<u8>
where
    I: ExactSizeIterator<Item = DocRef<'a>>,
{
    let mut out = Vec::new();
    push_varint(&mut out, docs.len() as u64);
    for d in docs {
        // A struct of strings and options always encodes.
        let _ = push(&mut out, &d);
    }
    out
}

/// Decode a document table.
pub(crate) fn decode_documents(bytes: &[u8]) -> Result<Vec<DocInfo>, String> {
    let mut r = SeqReader::new(bytes)?;
    let mut out = Vec::with_capacity(r.len().min(1 << 24) as usize);
    while let Some(d) = r.next::<DocRef<'_>>()? {
        out.push(DocInfo {
            id: d.id.to_string(),
            title: d.title.map(str::to_string),
            date: d.date.map(str::to_string),
            url: d.url.map(str::to_string),
            hash: d.hash.to_string(),
        });
    }
    Ok(out)
}

/// A string table under construction, numbered in first-use order.
#[derive(Default)]
struct Table {
    strings: Interner,
}

impl Table {
    fn id(&mut self, s: &str) -> u32 {
        self.strings.intern(s)
    }
    fn opt(&mut self, s: Option<&str>) -> Option<u32> {
        s.map(|s| self.id(s))
    }
    fn encode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.strings.heap_bytes());
        push_varint(&mut out, self.strings.len() as u64);
        for i in 0..self.strings.len() as u32 {
            let s = self.strings.get(i);
            push_varint(&mut out, s.len() as u64);
            out.extend_from_slice(s.as_bytes());
        }
        out
    }
}

/// Decode a string table, borrowing from the bytes.
fn decode_table(bytes: &[u8]) -> Result<Vec<&str>, String> {
    let mut r = SeqReader::new(bytes)?;
    let mut out = Vec::with_capacity(r.len().min(1 << 26) as usize);
    while let Some(s) = r.next::<&str>()? {
        out.push(s);
    }
    Ok(out)
}

// ---------------------------------------------------------------------------
// Writing.

fn core_sections(graph: &KnowledgeGraph) -> Result<[Vec<u8>; 3], GraphError> {
    let mut t = Table::default();
    let nodes: Vec<&Node> = graph.nodes().collect();
    let mut node_pos = std::collections::HashMap::with_capacity(nodes.len());
    let mut nodes_out = Vec::new();
    push_varint(&mut nodes_out, nodes.len() as u64);
    for (i, n) in nodes.iter().enumerate() {
        node_pos.insert(n.id.as_str(), i as u32);
        let mut prev = 0u32;
        let rec = NodeRec {
            id: t.id(&n.id),
            name: t.id(&n.name),
            kind: n.kind,
            aliases: n
                .aliases
                .iter()
                .map(|a| (t.id(&a.name), a.origin))
                .collect(),
            mentions: n.mentions,
            documents: n
                .documents
                .iter()
                .map(|&d| {
                    let delta = d.wrapping_sub(prev);
                    prev = d;
                    delta
                })
                .collect(),
            first_seen: t.opt(n.first_seen.as_deref()),
            last_seen: t.opt(n.last_seen.as_deref()),
            ticker: t.opt(n.ticker.as_deref()),
            parent: t.opt(n.parent.as_deref()),
        };
        push(&mut nodes_out, &rec)?;
    }
    let mut edges_out = Vec::new();
    push_varint(&mut edges_out, graph.edge_count() as u64);
    for e in graph.edges() {
        let (Some(&source), Some(&target)) = (
            node_pos.get(e.source.as_str()),
            node_pos.get(e.target.as_str()),
        ) else {
            return Err(GraphError::Encode(format!(
                "edge {} -> {} has no endpoint node",
                e.source, e.target
            )));
        };
        let rec = EdgeRec {
            kind: e.kind,
            source,
            target,
            status: e.status,
            confidence: e.confidence,
            count: e.count,
            first_seen: t.opt(e.first_seen.as_deref()),
            last_seen: t.opt(e.last_seen.as_deref()),
            evidence: e
                .evidence
                .iter()
                .map(|v| EvidenceRec {
                    doc: t.id(&v.doc),
                    date: t.opt(v.date.as_deref()),
                    sentence: v.sentence,
                    start: v.start,
                    end: v.end,
                    text: t.id(&v.text),
                    trigger: t.id(&v.trigger),
                    rule: t.id(&v.rule),
                    status: v.status,
                    confidence: v.confidence,
                })
                .collect(),
        };
        push(&mut edges_out, &rec)?;
    }
    Ok([t.encode(), nodes_out, edges_out])
}

/// Encode the builder's per-document records in document id order.
fn extracts_section<'b>(b: &'b GraphBuilder) -> Result<Vec<u8>, GraphError> {
    let order = b.sorted_docs();
    let s = &b.strings;
    // Builder symbol -> table index, numbered in traversal order.
    let mut map: Vec<u32> = vec![NONE; s.len()];
    let mut next = 0u32;
    let mut table: Vec<&'b str> = Vec::new();
    let mut id = |x: u32, table: &mut Vec<&'b str>| -> u32 {
        let slot = &mut map[x as usize];
        if *slot == NONE {
            *slot = next;
            next += 1;
            table.push(s.get(x));
        }
        *slot
    };
    let mut docs_out = Vec::new();
    push_varint(&mut docs_out, order.len() as u64);
    for &di in &order {
        let d = &b.docs[di as usize];
        let mut xd = XDoc {
            bytes: d.bytes,
            sentences: d.sentences,
            entities: Vec::with_capacity(d.ents.len as usize),
            relations: Vec::with_capacity(d.rels.len as usize),
        };
        for e in &b.ents[d.ents.range()] {
            xd.entities.push(XEnt {
                id: id(e.id, &mut table),
                name: id(e.name, &mut table),
                kind: e.kind,
                source: e.source,
                mentions: e.mentions,
                parent: (e.parent != NONE).then(|| id(e.parent, &mut table)),
                ticker: (e.ticker != NONE).then(|| id(e.ticker, &mut table)),
                aliases: b.aliases[e.aliases.range()]
                    .iter()
                    .map(|a| (id(a.name, &mut table), a.origin))
                    .collect(),
            });
        }
        for r in &b.rels[d.rels.range()] {
            let mut xr = XRel {
                kind: r.kind,
                source: id(r.source, &mut table),
                target: id(r.target, &mut table),
                evidence: Vec::with_capacity(r.evidence.len as usize),
            };
            for v in &b.evidence[r.evidence.range()] {
                xr.evidence.push(XEv {
                    doc: if v.doc == d.id {
                        XRef::Own
                    } else {
                        XRef::Str(id(v.doc, &mut table))
                    },
                    date: if v.date == d.date {
                        XRef::Own
                    } else if v.date == NONE {
                        XRef::Absent
                    } else {
                        XRef::Str(id(v.date, &mut table))
                    },
                    sentence: v.sentence,
                    start: v.start,
                    end: v.end,
                    text: id(v.text, &mut table),
                    trigger: id(v.trigger, &mut table),
                    rule: id(v.rule, &mut table),
                    status: v.status,
                    confidence: v.confidence,
                });
            }
            xd.relations.push(xr);
        }
        push(&mut docs_out, &xd)?;
    }
    let mut out =
        Vec::with_capacity(docs_out.len() + table.iter().map(|s| s.len() + 2).sum::<usize>() + 8);
    push_varint(&mut out, table.len() as u64);
    for t in &table {
        push_varint(&mut out, t.len() as u64);
        out.extend_from_slice(t.as_bytes());
    }
    out.extend_from_slice(&docs_out);
    Ok(out)
}

/// Write a snapshot to any seekable writer, section by section.
fn write_to<W: Write + Seek>(
    graph: &KnowledgeGraph,
    opts: &SaveOptions<'_>,
    w: &mut W,
) -> Result<(), GraphError> {
    let io = |e: std::io::Error| GraphError::Encode(e.to_string());
    if let Some(b) = opts.extractions {
        if b.document_count() != graph.document_count() {
            return Err(GraphError::Encode(format!(
                "the builder holds {} documents but the graph {}",
                b.document_count(),
                graph.document_count()
            )));
        }
    }
    let count = if opts.extractions.is_some() { 6 } else { 5 };
    let header_len = 16 + ENTRY * count + 8;
    w.write_all(&vec![0u8; header_len]).map_err(io)?;
    let mut table: Vec<([u8; 8], u64, u64, u64)> = Vec::with_capacity(count);
    let mut offset = header_len as u64;
    let mut emit = |tag: [u8; 8], bytes: &[u8], w: &mut W| -> Result<(), GraphError> {
        w.write_all(bytes).map_err(io)?;
        table.push((tag, offset, bytes.len() as u64, checksum(bytes)));
        offset += bytes.len() as u64;
        Ok(())
    };
    let evidence: u64 = graph.edges().map(|e| e.evidence.len() as u64).sum();
    let mut meta = Vec::new();
    push(
        &mut meta,
        &MetaRec {
            tool_version: env!("CARGO_PKG_VERSION").to_string(),
            fingerprint: opts.fingerprint.to_string(),
            nodes: graph.node_count() as u64,
            edges: graph.edge_count() as u64,
            evidence,
            documents: graph.document_count() as u64,
        },
    )?;
    emit(META, &meta, w)?;
    // The graph's sections and the builder's records are independent.
    let (core, extracts) = match opts.extractions {
        Some(Extractions::Builder(b)) => {
            let (core, x) = rayon::join(|| core_sections(graph), || extracts_section(b));
            (core?, Some(std::borrow::Cow::Owned(x?)))
        }
        Some(Extractions::Encoded(x)) => (
            core_sections(graph)?,
            Some(std::borrow::Cow::Borrowed(x.bytes.as_slice())),
        ),
        None => (core_sections(graph)?, None),
    };
    let [strings, nodes, edges] = core;
    emit(STRINGS, &strings, w)?;
    drop(strings);
    emit(NODES, &nodes, w)?;
    drop(nodes);
    emit(EDGES, &edges, w)?;
    drop(edges);
    match graph.encoded_documents() {
        Some(bytes) => emit(DOCS, bytes, w)?,
        None => {
            let docs = graph.documents();
            let bytes = encode_documents(docs.iter().map(|d| DocRef {
                id: &d.id,
                title: d.title.as_deref(),
                date: d.date.as_deref(),
                url: d.url.as_deref(),
                hash: &d.hash,
            }));
            emit(DOCS, &bytes, w)?;
        }
    }
    if let Some(bytes) = extracts {
        emit(EXTRACTS, &bytes, w)?;
    }
    let mut header = Vec::with_capacity(header_len);
    header.extend_from_slice(MAGIC);
    header.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    header.extend_from_slice(&(count as u32).to_le_bytes());
    for (tag, off, len, sum) in &table {
        header.extend_from_slice(tag);
        header.extend_from_slice(&off.to_le_bytes());
        header.extend_from_slice(&len.to_le_bytes());
        header.extend_from_slice(&sum.to_le_bytes());
    }
    let sum = checksum(&header);
    header.extend_from_slice(&sum.to_le_bytes());
    w.seek(SeekFrom::Start(0)).map_err(io)?;
    w.write_all(&header).map_err(io)?;
    w.seek(SeekFrom::End(0)).map_err(io)?;
    Ok(())
}

/// Encode a graph as snapshot bytes.
pub fn to_bytes(graph: &KnowledgeGraph) -> Result<Vec<u8>, GraphError> {
    to_bytes_with(graph, &SaveOptions::default())
}

/// Encode a graph, and optionally its per-document records, as bytes.
pub fn to_bytes_with(
    graph: &KnowledgeGraph,
    opts: &SaveOptions<'_>,
) -> Result<Vec<u8>, GraphError> {
    let mut c = std::io::Cursor::new(Vec::new());
    write_to(graph, opts, &mut c)?;
    Ok(c.into_inner())
}

/// Write a snapshot to `path` atomically (temporary file, then rename).
pub fn save(graph: &KnowledgeGraph, path: &Path) -> Result<(), GraphError> {
    save_with(graph, path, &SaveOptions::default())
}

/// Write a snapshot with options to `path` atomically. Sections are encoded
/// and written one at a time, so the whole file is never held in memory.
pub fn save_with(
    graph: &KnowledgeGraph,
    path: &Path,
    opts: &SaveOptions<'_>,
) -> Result<(), GraphError> {
    let io = |e: std::io::Error| GraphError::Io {
        file: path.display().to_string(),
        source: e,
    };
    let tmp = temp_sibling(path);
    let result = (|| -> Result<(), GraphError> {
        let f = std::fs::File::create(&tmp).map_err(io)?;
        let mut w = std::io::BufWriter::with_capacity(1 << 20, f);
        write_to(graph, opts, &mut w)?;
        let f = w.into_inner().map_err(|e| io(e.into_error()))?;
        f.sync_all().map_err(io)?;
        std::fs::rename(&tmp, path).map_err(io)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

fn temp_sibling(path: &Path) -> std::path::PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "graph".to_string());
    path.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

/// Write bytes to `path` through a temporary sibling renamed into place.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), GraphError> {
    let io = |e: std::io::Error| GraphError::Io {
        file: path.display().to_string(),
        source: e,
    };
    let tmp = temp_sibling(path);
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

// ---------------------------------------------------------------------------
// Reading.

/// The parsed header of a version 2 file.
struct Header {
    sections: Vec<([u8; 8], u64, u64, u64)>,
    len: u64,
}

impl Header {
    fn find(&self, tag: [u8; 8]) -> Option<(u64, u64, u64)> {
        self.sections
            .iter()
            .find(|s| s.0 == tag)
            .map(|s| (s.1, s.2, s.3))
    }
}

fn corrupt(origin: &str, message: &str) -> GraphError {
    GraphError::Corrupt {
        file: origin.to_string(),
        message: message.to_string(),
    }
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    let mut w = [0u8; 4];
    w.copy_from_slice(&b[at..at + 4]);
    u32::from_le_bytes(w)
}

fn u64_at(b: &[u8], at: usize) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(&b[at..at + 8]);
    u64::from_le_bytes(w)
}

/// Check magic and version from the first 16 bytes.
fn check_start(start: &[u8], origin: &str) -> Result<u32, GraphError> {
    if start.len() < 8 || &start[..8] != MAGIC {
        return Err(GraphError::NotASnapshot {
            file: origin.to_string(),
        });
    }
    if start.len() < 16 {
        return Err(corrupt(origin, "truncated header"));
    }
    let version = u32_at(start, 8);
    if version != 1 && version != FORMAT_VERSION {
        return Err(GraphError::UnsupportedVersion {
            file: origin.to_string(),
            found: version,
            supported: FORMAT_VERSION,
        });
    }
    Ok(version)
}

/// Parse the section table; `head` must hold the whole header.
fn parse_header(head: &[u8], file_len: u64, origin: &str) -> Result<Header, GraphError> {
    let count = u32_at(head, 12) as usize;
    if count > 64 {
        return Err(corrupt(origin, "implausible section count"));
    }
    let len = 16 + ENTRY * count + 8;
    if head.len() < len {
        return Err(corrupt(origin, "truncated header"));
    }
    if checksum(&head[..len - 8]) != u64_at(head, len - 8) {
        return Err(corrupt(origin, "header checksum mismatch"));
    }
    let mut sections = Vec::with_capacity(count);
    for i in 0..count {
        let at = 16 + ENTRY * i;
        let mut tag = [0u8; 8];
        tag.copy_from_slice(&head[at..at + 8]);
        let (off, n, sum) = (
            u64_at(head, at + 8),
            u64_at(head, at + 16),
            u64_at(head, at + 24),
        );
        if off.checked_add(n).is_none_or(|end| end > file_len) {
            return Err(corrupt(
                origin,
                &format!(
                    "section {} runs past the end of the file (truncated file)",
                    tag_name(&tag)
                ),
            ));
        }
        sections.push((tag, off, n, sum));
    }
    let end = sections
        .iter()
        .map(|s| s.1 + s.2)
        .max()
        .unwrap_or(len as u64);
    if end != file_len {
        return Err(corrupt(
            origin,
            &format!("file is {file_len} bytes, sections end at {end} (padded file)"),
        ));
    }
    Ok(Header {
        sections,
        len: len as u64,
    })
}

fn tag_name(tag: &[u8; 8]) -> String {
    String::from_utf8_lossy(tag)
        .trim_end_matches('\0')
        .to_string()
}

/// Where section bytes come from: a slice in memory or a file.
enum Source<'a> {
    Bytes(&'a [u8]),
    File(std::fs::File),
}

impl Source<'_> {
    fn read(&mut self, off: u64, len: u64, origin: &str) -> Result<Vec<u8>, GraphError> {
        match self {
            Source::Bytes(b) => Ok(b[off as usize..(off + len) as usize].to_vec()),
            Source::File(f) => {
                let mut buf = vec![0u8; len as usize];
                f.seek(SeekFrom::Start(off))
                    .and_then(|_| f.read_exact(&mut buf))
                    .map_err(|e| GraphError::Io {
                        file: origin.to_string(),
                        source: e,
                    })?;
                Ok(buf)
            }
        }
    }
}

/// An open version 2 snapshot.
struct Reader<'a> {
    header: Header,
    src: Source<'a>,
    origin: String,
    /// The file's path, when it is one.
    path: Option<std::path::PathBuf>,
}

/// Where a snapshot file keeps its document table, for reading it when a
/// query first needs it (see [`KnowledgeGraph::documents`]).
#[derive(Debug)]
pub(crate) struct DocsSection {
    path: std::path::PathBuf,
    origin: String,
    off: u64,
    len: u64,
    sum: u64,
}

impl DocsSection {
    /// Read, check and decode the section; `count` is the number of
    /// documents the snapshot's `META` promises.
    pub(crate) fn read(&self, count: usize) -> Result<Vec<DocInfo>, GraphError> {
        let io = |e: std::io::Error| GraphError::Io {
            file: self.origin.clone(),
            source: e,
        };
        let mut f = std::fs::File::open(&self.path).map_err(io)?;
        if f.metadata().map_err(io)?.len() < self.off + self.len {
            return Err(corrupt(
                &self.origin,
                "the file changed since it was opened",
            ));
        }
        let mut buf = vec![0u8; self.len as usize];
        f.seek(SeekFrom::Start(self.off))
            .and_then(|_| f.read_exact(&mut buf))
            .map_err(io)?;
        if checksum(&buf) != self.sum {
            return Err(corrupt(&self.origin, "checksum mismatch in section DOCS"));
        }
        let docs = decode_documents(&buf)
            .map_err(|m| corrupt(&self.origin, &format!("cannot decode: {m}")))?;
        if docs.len() != count {
            return Err(corrupt(&self.origin, "document count differs from META"));
        }
        Ok(docs)
    }
}

impl<'a> Reader<'a> {
    fn section(&mut self, tag: [u8; 8]) -> Result<Option<Vec<u8>>, GraphError> {
        let Some((off, len, sum)) = self.header.find(tag) else {
            return Ok(None);
        };
        let bytes = self.src.read(off, len, &self.origin)?;
        if checksum(&bytes) != sum {
            return Err(corrupt(
                &self.origin,
                &format!("checksum mismatch in section {}", tag_name(&tag)),
            ));
        }
        Ok(Some(bytes))
    }

    fn required(&mut self, tag: [u8; 8]) -> Result<Vec<u8>, GraphError> {
        self.section(tag)?
            .ok_or_else(|| corrupt(&self.origin, &format!("no {} section", tag_name(&tag))))
    }

    fn meta(&mut self) -> Result<MetaRec, GraphError> {
        let bytes = self.required(META)?;
        decode_one(&bytes, &self.origin)
    }

    fn graph(&mut self) -> Result<KnowledgeGraph, GraphError> {
        let meta = self.meta()?;
        let strings = self.required(STRINGS)?;
        let nodes = self.required(NODES)?;
        let edges = self.required(EDGES)?;
        // From a file the document table stays there until it is used.
        let docs = match (&self.src, &self.path) {
            (Source::File(_), Some(path)) => {
                let Some((off, len, sum)) = self.header.find(DOCS) else {
                    return Err(corrupt(&self.origin, "no DOCS section"));
                };
                Err(DocsSection {
                    path: path.clone(),
                    origin: self.origin.clone(),
                    off,
                    len,
                    sum,
                })
            }
            _ => Ok(self.required(DOCS)?),
        };
        let origin = self.origin.clone();
        let bad = |m: String| corrupt(&origin, &format!("cannot decode: {m}"));
        let table = decode_table(&strings).map_err(bad)?;
        let s = |i: u32| -> Result<String, String> {
            table
                .get(i as usize)
                .map(|s| (*s).to_string())
                .ok_or_else(|| format!("string {i} out of range"))
        };
        let so = |i: Option<u32>| -> Result<Option<String>, String> { i.map(s).transpose() };
        let mut r = SeqReader::new(&nodes).map_err(bad)?;
        let mut node_list: Vec<Node> = Vec::with_capacity(r.len().min(1 << 24) as usize);
        while let Some(n) = r.next::<NodeRec>().map_err(bad)? {
            let mut documents = n.documents;
            let mut acc = 0u32;
            for d in &mut documents {
                acc = acc.wrapping_add(*d);
                *d = acc;
            }
            node_list.push(Node {
                id: s(n.id).map_err(bad)?,
                name: s(n.name).map_err(bad)?,
                kind: n.kind,
                aliases: n
                    .aliases
                    .into_iter()
                    .map(|(a, origin)| s(a).map(|name| Alias { name, origin }))
                    .collect::<Result<_, _>>()
                    .map_err(bad)?,
                mentions: n.mentions,
                documents,
                first_seen: so(n.first_seen).map_err(bad)?,
                last_seen: so(n.last_seen).map_err(bad)?,
                ticker: so(n.ticker).map_err(bad)?,
                parent: so(n.parent).map_err(bad)?,
            });
        }
        let mut r = SeqReader::new(&edges).map_err(bad)?;
        let mut edge_list: Vec<Edge> = Vec::with_capacity(r.len().min(1 << 24) as usize);
        while let Some(e) = r.next::<EdgeRec>().map_err(bad)? {
            let end = |i: u32| {
                node_list
                    .get(i as usize)
                    .map(|n| n.id.clone())
                    .ok_or_else(|| bad(format!("node {i} out of range")))
            };
            let mut evidence = Vec::with_capacity(e.evidence.len());
            for v in e.evidence {
                evidence.push(Evidence {
                    doc: s(v.doc).map_err(bad)?,
                    date: so(v.date).map_err(bad)?,
                    sentence: v.sentence,
                    start: v.start,
                    end: v.end,
                    text: s(v.text).map_err(bad)?,
                    trigger: s(v.trigger).map_err(bad)?,
                    rule: s(v.rule).map_err(bad)?,
                    status: v.status,
                    confidence: v.confidence,
                });
            }
            edge_list.push(Edge {
                kind: e.kind,
                source: end(e.source)?,
                target: end(e.target)?,
                status: e.status,
                confidence: e.confidence,
                count: e.count,
                first_seen: so(e.first_seen).map_err(bad)?,
                last_seen: so(e.last_seen).map_err(bad)?,
                evidence,
            });
        }
        match docs {
            Ok(docs) => {
                let count = SeqReader::new(&docs).map_err(bad)?.len() as usize;
                if count as u64 != meta.documents {
                    return Err(bad("document count differs from META".to_string()));
                }
                Ok(KnowledgeGraph::from_parts_encoded(
                    node_list, edge_list, docs, count,
                ))
            }
            Err(section) => {
                let count = usize::try_from(meta.documents)
                    .map_err(|_| bad("document count out of range".to_string()))?;
                Ok(KnowledgeGraph::from_parts_on_disk(
                    node_list, edge_list, section, count,
                ))
            }
        }
    }

    fn builder(&mut self) -> Result<(GraphBuilder, MetaRec), GraphError> {
        let meta = self.meta()?;
        let docs = self.required(DOCS)?;
        let Some(x) = self.section(EXTRACTS)? else {
            return Err(corrupt(
                &self.origin,
                "holds no per-document extractions (it was not written by `newsgraph build`); rebuild it from the corpus",
            ));
        };
        let mut b = GraphBuilder::new();
        decode_extracts(&mut b, &docs, &x)
            .map_err(|m| corrupt(&self.origin, &format!("cannot decode: {m}")))?;
        Ok((b, meta))
    }
}

fn decode_one<'de, T: Deserialize<'de>>(bytes: &'de [u8], origin: &str) -> Result<T, GraphError> {
    postcard::from_bytes(bytes).map_err(|e| corrupt(origin, &format!("cannot decode: {e}")))
}

/// Add the records of an `EXTRACTS` section (with its `DOCS`) to a builder.
fn decode_extracts(b: &mut GraphBuilder, docs: &[u8], x: &[u8]) -> Result<(), String> {
    let mut dr = SeqReader::new(docs)?;
    let mut tr = SeqReader::new(x)?;
    let mut local: Vec<u32> = Vec::with_capacity(tr.len().min(1 << 26) as usize);
    while let Some(s) = tr.next::<&str>()? {
        local.push(b.strings.intern(s));
    }
    let mut xr = SeqReader::new(tr.rest)?;
    if xr.len() != dr.len() {
        return Err("DOCS and EXTRACTS differ in length".to_string());
    }
    let sym = |i: u32| -> Result<u32, String> {
        local
            .get(i as usize)
            .copied()
            .ok_or_else(|| format!("string {i} out of range"))
    };
    let osym = |i: Option<u32>| -> Result<u32, String> { i.map_or(Ok(NONE), sym) };
    while let (Some(d), Some(xd)) = (dr.next::<DocRef<'_>>()?, xr.next::<XDoc>()?) {
        let s = &mut b.strings;
        let rec = DocRec {
            id: s.intern(d.id),
            title: s.intern_opt(d.title),
            date: s.intern_opt(d.date),
            url: s.intern_opt(d.url),
            hash: s.intern(d.hash),
            bytes: xd.bytes,
            sentences: xd.sentences,
            ents: Span::default(),
            rels: Span::default(),
            live: true,
        };
        let mut ents = Vec::with_capacity(xd.entities.len());
        let mut aliases = Vec::new();
        for e in xd.entities {
            let start = aliases.len() as u32;
            for (a, origin) in e.aliases {
                aliases.push(AliasRec {
                    name: sym(a)?,
                    origin,
                });
            }
            ents.push(EntRec {
                id: sym(e.id)?,
                name: sym(e.name)?,
                kind: e.kind,
                source: e.source,
                mentions: e.mentions,
                parent: osym(e.parent)?,
                ticker: osym(e.ticker)?,
                aliases: Span {
                    start,
                    len: aliases.len() as u32 - start,
                },
            });
        }
        let mut rels = Vec::with_capacity(xd.relations.len());
        let mut evidence = Vec::new();
        for r in xd.relations {
            let start = evidence.len() as u32;
            for v in r.evidence {
                evidence.push(EvRec {
                    doc: match v.doc {
                        XRef::Own => rec.id,
                        XRef::Absent => return Err("evidence without a document".to_string()),
                        XRef::Str(i) => sym(i)?,
                    },
                    date: match v.date {
                        XRef::Own => rec.date,
                        XRef::Absent => NONE,
                        XRef::Str(i) => sym(i)?,
                    },
                    text: sym(v.text)?,
                    trigger: sym(v.trigger)?,
                    rule: sym(v.rule)?,
                    sentence: v.sentence,
                    start: v.start,
                    end: v.end,
                    status: v.status,
                    confidence: v.confidence,
                });
            }
            rels.push(RelRec {
                kind: r.kind,
                source: sym(r.source)?,
                target: sym(r.target)?,
                evidence: Span {
                    start,
                    len: evidence.len() as u32 - start,
                },
            });
        }
        b.push_record(rec, ents, aliases, rels, evidence);
    }
    Ok(())
}

fn open_file(path: &Path) -> Result<(Reader<'static>, u32), GraphError> {
    let origin = path.display().to_string();
    let io = |e: std::io::Error| GraphError::Io {
        file: origin.clone(),
        source: e,
    };
    let mut f = std::fs::File::open(path).map_err(io)?;
    let file_len = f.metadata().map_err(io)?.len();
    let mut start = vec![0u8; 16.min(file_len as usize)];
    f.read_exact(&mut start).map_err(io)?;
    let version = check_start(&start, &origin)?;
    if version == 1 {
        return Err(corrupt(&origin, "version 1"));
    }
    let count = u32_at(&start, 12) as usize;
    let head_len = (16 + ENTRY * count.min(64) + 8).min(file_len as usize);
    let mut head = vec![0u8; head_len];
    f.seek(SeekFrom::Start(0)).map_err(io)?;
    f.read_exact(&mut head).map_err(io)?;
    let header = parse_header(&head, file_len, &origin)?;
    Ok((
        Reader {
            header,
            src: Source::File(f),
            origin,
            path: Some(path.to_path_buf()),
        },
        version,
    ))
}

fn open_bytes<'a>(bytes: &'a [u8], origin: &str) -> Result<Reader<'a>, GraphError> {
    let header = parse_header(bytes, bytes.len() as u64, origin)?;
    Ok(Reader {
        header,
        src: Source::Bytes(bytes),
        origin: origin.to_string(),
        path: None,
    })
}

/// Decode snapshot bytes; `origin` names the file in errors.
pub fn from_bytes(bytes: &[u8], origin: &str) -> Result<KnowledgeGraph, GraphError> {
    if check_start(bytes, origin)? == 1 {
        return from_v1(bytes, origin);
    }
    open_bytes(bytes, origin)?.graph()
}

/// Read a snapshot from `path`: the core sections only (the per-document
/// extractions are not read), with the document table decoded on first use.
pub fn load(path: &Path) -> Result<KnowledgeGraph, GraphError> {
    match open_file(path) {
        Ok((mut r, _)) => r.graph(),
        Err(GraphError::Corrupt { message, .. }) if message == "version 1" => {
            let bytes = std::fs::read(path).map_err(|e| GraphError::Io {
                file: path.display().to_string(),
                source: e,
            })?;
            from_v1(&bytes, &path.display().to_string())
        }
        Err(e) => Err(e),
    }
}

/// Read the per-document extractions of a snapshot into a builder (for
/// `build --update` and `merge`), with the snapshot's information.
pub fn load_builder(path: &Path) -> Result<(GraphBuilder, SnapshotInfo), GraphError> {
    let (mut r, version) = match open_file(path) {
        Ok(x) => x,
        Err(GraphError::Corrupt { message, file }) if message == "version 1" => {
            return Err(GraphError::Corrupt {
                file,
                message:
                    "format version 1 holds no per-document extractions; rebuild it from the corpus"
                        .to_string(),
            });
        }
        Err(e) => Err(e)?,
    };
    let (b, meta) = r.builder()?;
    Ok((b, info_of(&r.header, meta, version)))
}

/// Builder from snapshot bytes (see [`load_builder`]).
pub fn builder_from_bytes(bytes: &[u8], origin: &str) -> Result<GraphBuilder, GraphError> {
    if check_start(bytes, origin)? == 1 {
        return Err(corrupt(
            origin,
            "format version 1 holds no per-document extractions",
        ));
    }
    Ok(open_bytes(bytes, origin)?.builder()?.0)
}

fn info_of(h: &Header, meta: MetaRec, version: u32) -> SnapshotInfo {
    SnapshotInfo {
        version,
        tool_version: meta.tool_version,
        fingerprint: meta.fingerprint,
        nodes: meta.nodes,
        edges: meta.edges,
        evidence: meta.evidence,
        documents: meta.documents,
        has_extractions: h.find(EXTRACTS).is_some(),
        sections: std::iter::once(("HEADER".to_string(), h.len))
            .chain(h.sections.iter().map(|s| (tag_name(&s.0), s.2)))
            .collect(),
    }
}

/// Header and `META` of a snapshot, without reading the rest.
pub fn info(path: &Path) -> Result<SnapshotInfo, GraphError> {
    let (mut r, version) = open_file(path)?;
    let meta = r.meta()?;
    Ok(info_of(&r.header, meta, version))
}

// ---------------------------------------------------------------------------
// Format version 1.

#[derive(Deserialize)]
struct PayloadV1 {
    #[allow(dead_code)]
    tool_version: String,
    nodes: Vec<Node>,
    edges: Vec<Edge>,
    documents: Vec<DocInfo>,
}

fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

fn from_v1(bytes: &[u8], origin: &str) -> Result<KnowledgeGraph, GraphError> {
    if bytes.len() < V1_HEADER {
        return Err(corrupt(origin, "truncated header"));
    }
    let len = u64_at(bytes, 12);
    let sum = u64_at(bytes, 20);
    let body = &bytes[V1_HEADER..];
    if body.len() as u64 != len {
        return Err(corrupt(
            origin,
            &format!(
                "payload is {} bytes, header says {len} (truncated or padded file)",
                body.len()
            ),
        ));
    }
    if fnv1a(body) != sum {
        return Err(corrupt(origin, "checksum mismatch"));
    }
    let p: PayloadV1 = decode_one(body, origin)?;
    Ok(KnowledgeGraph::from_parts(p.nodes, p.edges, p.documents))
}
