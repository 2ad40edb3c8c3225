//! Graph construction: merge per-document extractions into one graph,
//! resolving entities across documents.
//!
//! The builder keeps a compact copy of every document's extraction (strings
//! interned once, evidence as ids and offsets) and computes the graph from
//! that set in [`GraphBuilder::build`]. The result depends only on the *set*
//! of documents added, never on the order: documents are visited in id
//! order, entities are grouped with a union-find over ids and names, and
//! every choice (node id, display name, kind) is made from counts with
//! lexicographic tie-breaks. Because the per-document records are kept,
//! documents can be replaced or removed ([`GraphBuilder::remove`]) and
//! builders of disjoint corpora can be combined ([`GraphBuilder::absorb`]),
//! always giving the graph a build from scratch over the same documents
//! gives. Snapshots store the records too (see [`crate::snapshot`]), which is
//! what `newsgraph build --update` and `newsgraph merge` use.

mod intern;

use crate::graph::KnowledgeGraph;
use crate::model::{Edge, Node};
use newsgraph_extract::{
    Alias, AliasOrigin, DocExtraction, EntityKind, EntitySource, Evidence, RelationKind, Status,
    combine_confidence, status_weight,
};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

pub(crate) use intern::{FxHashMap, Interner, NONE, Sym};

/// Pairs of names or ids that must never be merged across documents.
#[derive(Debug, Clone, Default)]
pub struct ResolutionRules {
    never_merge: Vec<(String, String)>,
}

/// The rules file as written (`data/resolution.ron`).
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ResolutionFile {
    #[serde(default)]
    never_merge: Vec<(String, String)>,
}

/// `data/resolution.ron`, compiled into the binary.
pub const BUNDLED_RESOLUTION: &str = include_str!("../../../data/resolution.ron");

impl ResolutionRules {
    /// Parse `data/resolution.ron`-style text; `origin` names the file in
    /// errors ("file:line: message").
    pub fn from_ron(text: &str, origin: &str) -> Result<Self, String> {
        let f: ResolutionFile =
            ron::Options::default()
                .from_str(text)
                .map_err(|e: ron::error::SpannedError| {
                    format!("{origin}:{}: {}", e.span.start.line, e.code)
                })?;
        Ok(Self::new(f.never_merge))
    }

    /// The bundled rules.
    pub fn bundled() -> Self {
        Self::from_ron(BUNDLED_RESOLUTION, "data/resolution.ron").unwrap_or_default()
    }

    /// Rules from pairs of names or ids (compared after normalisation).
    pub fn new(never_merge: Vec<(String, String)>) -> Self {
        let never_merge = never_merge
            .into_iter()
            .map(|(a, b)| (simple_norm(&a), simple_norm(&b)))
            .collect();
        ResolutionRules { never_merge }
    }

    fn is_empty(&self) -> bool {
        self.never_merge.is_empty()
    }

    fn forbids(&self, a: &BTreeSet<String>, b: &BTreeSet<String>) -> bool {
        self.never_merge
            .iter()
            .any(|(x, y)| (a.contains(x) && b.contains(y)) || (a.contains(y) && b.contains(x)))
    }
}

/// Lowercase, punctuation dropped, legal suffixes and a leading "the" removed.
pub fn simple_norm(name: &str) -> String {
    let s = name.replace('\u{2019}', "'");
    let s = s.strip_suffix("'s").unwrap_or(&s);
    let mut words: Vec<String> = s
        .split(|c: char| c.is_whitespace() || c == '-' || c == '/' || c == ',')
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric() || *c == '&' || *c == ':' || *c == '_')
                .collect::<String>()
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() > 1 && words[0] == "the" {
        words.remove(0);
    }
    while words.len() > 1
        && matches!(
            words.last().map(String::as_str),
            Some(
                "inc"
                    | "corp"
                    | "corporation"
                    | "co"
                    | "ltd"
                    | "llc"
                    | "plc"
                    | "group"
                    | "holdings"
                    | "company"
                    | "limited"
                    | "ag"
                    | "sa"
                    | "nv"
            )
        )
    {
        words.pop();
    }
    words.join(" ")
}

/// Whether a surface form is an acronym (never used to merge across documents).
fn is_acronym(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() <= 6 && letters.iter().filter(|c| c.is_uppercase()).count() >= 2
}

/// A range of records in one of the builder's flat vectors.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Span {
    pub start: u32,
    pub len: u32,
}

impl Span {
    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..(self.start + self.len) as usize
    }
}

/// One document's record.
#[derive(Debug, Clone, Copy)]
pub(crate) struct DocRec {
    pub id: Sym,
    pub title: Sym,
    pub date: Sym,
    pub url: Sym,
    pub hash: Sym,
    pub bytes: u64,
    pub sentences: u32,
    pub ents: Span,
    pub rels: Span,
    pub live: bool,
}

/// One entity of one document.
#[derive(Debug, Clone, Copy)]
pub(crate) struct EntRec {
    pub id: Sym,
    pub name: Sym,
    pub kind: EntityKind,
    pub source: EntitySource,
    pub mentions: u32,
    pub parent: Sym,
    pub ticker: Sym,
    pub aliases: Span,
}

/// An alias of an entity in one document: with its origin, or (`None`) a
/// bare alias that counts as a name variant unless known otherwise.
#[derive(Debug, Clone, Copy)]
pub(crate) struct AliasRec {
    pub name: Sym,
    pub origin: Option<AliasOrigin>,
}

/// One relation of one document.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RelRec {
    pub kind: RelationKind,
    pub source: Sym,
    pub target: Sym,
    pub evidence: Span,
}

/// One statement.
#[derive(Debug, Clone, Copy)]
pub(crate) struct EvRec {
    pub doc: Sym,
    pub date: Sym,
    pub text: Sym,
    pub trigger: Sym,
    pub rule: Sym,
    pub sentence: u32,
    pub start: u32,
    pub end: u32,
    pub status: Status,
    pub confidence: f32,
}

/// Accumulates per-document extractions and builds the graph.
#[derive(Debug, Clone, Default)]
pub struct GraphBuilder {
    pub(crate) strings: Interner,
    pub(crate) docs: Vec<DocRec>,
    /// Live document index by document id.
    by_id: FxHashMap<Sym, u32>,
    pub(crate) ents: Vec<EntRec>,
    pub(crate) aliases: Vec<AliasRec>,
    pub(crate) rels: Vec<RelRec>,
    pub(crate) evidence: Vec<EvRec>,
    rules: ResolutionRules,
    duplicates: u64,
    /// Records no longer referenced by a live document.
    garbage: usize,
}

/// What adding a document did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Added {
    /// A new document id.
    New,
    /// The id was already there: the record with the greater
    /// (hash, title, date, url) was kept, so the outcome does not depend on
    /// the order; `true` when that is the new one.
    Duplicate(bool),
}

impl GraphBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        Self::default()
    }

    /// Replace the resolution rules (they apply when the graph is built).
    pub fn set_rules(&mut self, rules: ResolutionRules) {
        self.rules = rules;
    }

    /// An empty builder with resolution rules.
    pub fn with_rules(rules: ResolutionRules) -> Self {
        GraphBuilder {
            rules,
            ..Self::default()
        }
    }

    /// Number of documents held.
    pub fn document_count(&self) -> usize {
        self.by_id.len()
    }

    /// How many times a document id was added again.
    pub fn duplicates(&self) -> u64 {
        self.duplicates
    }

    /// Total sentences over the documents held.
    pub fn sentence_count(&self) -> u64 {
        self.live_docs().map(|d| u64::from(d.sentences)).sum()
    }

    /// Total text bytes over the documents held.
    pub fn text_bytes(&self) -> u64 {
        self.live_docs().map(|d| d.bytes).sum()
    }

    /// Approximate heap bytes held by the builder.
    pub fn heap_bytes(&self) -> usize {
        use std::mem::size_of;
        self.strings.heap_bytes()
            + self.docs.capacity() * size_of::<DocRec>()
            + self.by_id.capacity() * (size_of::<(Sym, u32)>() + 1)
            + self.ents.capacity() * size_of::<EntRec>()
            + self.aliases.capacity() * size_of::<AliasRec>()
            + self.rels.capacity() * size_of::<RelRec>()
            + self.evidence.capacity() * size_of::<EvRec>()
    }

    pub(crate) fn live_docs(&self) -> impl Iterator<Item = &DocRec> + '_ {
        self.docs.iter().filter(|d| d.live)
    }

    /// Ids of the documents held, in no particular order.
    pub fn document_ids(&self) -> impl Iterator<Item = &str> + '_ {
        self.live_docs().map(|d| self.strings.get(d.id))
    }

    /// Whether the builder holds document `id` with exactly this content
    /// hash and metadata (so its extraction can be reused).
    pub fn contains_current(
        &self,
        id: &str,
        hash: &str,
        title: Option<&str>,
        date: Option<&str>,
        url: Option<&str>,
    ) -> bool {
        let Some(d) = self.doc_by_id(id) else {
            return false;
        };
        let s = &self.strings;
        s.get(d.hash) == hash
            && s.opt(d.title) == title
            && s.opt(d.date) == date
            && s.opt(d.url) == url
    }

    fn doc_by_id(&self, id: &str) -> Option<&DocRec> {
        let sym = self.strings.find(id)?;
        self.by_id.get(&sym).map(|&i| &self.docs[i as usize])
    }

    /// Remove a document and everything it contributed. Returns whether it
    /// was there.
    pub fn remove(&mut self, id: &str) -> bool {
        let Some(sym) = self.strings.find(id) else {
            return false;
        };
        let Some(i) = self.by_id.remove(&sym) else {
            return false;
        };
        self.kill(i as usize);
        true
    }

    fn kill(&mut self, i: usize) {
        let d = &mut self.docs[i];
        d.live = false;
        let mut dead = 1 + d.ents.len as usize + d.rels.len as usize;
        for e in &self.ents[d.ents.range()] {
            dead += e.aliases.len as usize;
        }
        for r in &self.rels[d.rels.range()] {
            dead += r.evidence.len as usize;
        }
        self.garbage += dead;
        let live = self.docs.len() + self.ents.len() + self.rels.len() + self.evidence.len();
        if self.garbage > 1024 && self.garbage * 2 > live {
            self.compact();
        }
    }

    /// Drop the records of removed documents.
    fn compact(&mut self) {
        let old = std::mem::take(self);
        let GraphBuilder {
            strings,
            docs,
            ents,
            aliases,
            rels,
            evidence,
            rules,
            duplicates,
            ..
        } = old;
        self.strings = strings;
        self.rules = rules;
        self.duplicates = duplicates;
        for d in docs.into_iter().filter(|d| d.live) {
            let mut nd = d;
            nd.ents.start = self.ents.len() as u32;
            for e in &ents[d.ents.range()] {
                let mut ne = *e;
                ne.aliases.start = self.aliases.len() as u32;
                self.aliases.extend_from_slice(&aliases[e.aliases.range()]);
                self.ents.push(ne);
            }
            nd.rels.start = self.rels.len() as u32;
            for r in &rels[d.rels.range()] {
                let mut nr = *r;
                nr.evidence.start = self.evidence.len() as u32;
                self.evidence
                    .extend_from_slice(&evidence[r.evidence.range()]);
                self.rels.push(nr);
            }
            self.by_id.insert(nd.id, self.docs.len() as u32);
            self.docs.push(nd);
        }
    }

    /// Add one document's extraction. When the document id is already
    /// held, the record with the greater (content hash, title, date, url) is
    /// kept, so the outcome does not depend on the order of addition; see
    /// [`GraphBuilder::duplicates`].
    pub fn add(&mut self, d: &DocExtraction) {
        self.insert(d);
    }

    pub(crate) fn insert(&mut self, d: &DocExtraction) -> Added {
        let s = &mut self.strings;
        let rec = DocRec {
            id: s.intern(&d.doc),
            title: s.intern_opt(d.title.as_deref()),
            date: s.intern_opt(d.date.as_deref()),
            url: s.intern_opt(d.url.as_deref()),
            hash: s.intern(&d.hash),
            bytes: d.bytes,
            sentences: d.sentences,
            ents: Span::default(),
            rels: Span::default(),
            live: true,
        };
        let outcome = self.make_room(&rec);
        if outcome == Added::Duplicate(false) {
            return outcome;
        }
        let ents = self.push_entities(d);
        let rels = self.push_relations(d);
        self.by_id.insert(rec.id, self.docs.len() as u32);
        self.docs.push(DocRec { ents, rels, ..rec });
        outcome
    }

    /// Before inserting `rec`: when its id is already held, keep the record
    /// with the greater (hash, title, date, url), removing the old one if
    /// the new one wins.
    fn make_room(&mut self, rec: &DocRec) -> Added {
        let Some(&old) = self.by_id.get(&rec.id) else {
            return Added::New;
        };
        self.duplicates += 1;
        let o = self.docs[old as usize];
        let key = |r: &DocRec| {
            let s = &self.strings;
            (s.get(r.hash), s.opt(r.title), s.opt(r.date), s.opt(r.url))
        };
        if key(rec) <= key(&o) {
            return Added::Duplicate(false);
        }
        self.by_id.remove(&rec.id);
        self.kill(old as usize);
        Added::Duplicate(true)
    }

    /// Insert a document from records whose spans index the given vectors.
    pub(crate) fn push_record(
        &mut self,
        rec: DocRec,
        ents: Vec<EntRec>,
        aliases: Vec<AliasRec>,
        rels: Vec<RelRec>,
        evidence: Vec<EvRec>,
    ) -> Added {
        let outcome = self.make_room(&rec);
        if outcome == Added::Duplicate(false) {
            return outcome;
        }
        let (a0, e0, v0, r0) = (
            self.aliases.len() as u32,
            self.ents.len() as u32,
            self.evidence.len() as u32,
            self.rels.len() as u32,
        );
        self.aliases.extend_from_slice(&aliases);
        self.evidence.extend_from_slice(&evidence);
        self.ents.extend(ents.iter().map(|e| {
            let mut e = *e;
            e.aliases.start += a0;
            e
        }));
        self.rels.extend(rels.iter().map(|r| {
            let mut r = *r;
            r.evidence.start += v0;
            r
        }));
        self.by_id.insert(rec.id, self.docs.len() as u32);
        self.docs.push(DocRec {
            ents: Span {
                start: e0,
                len: ents.len() as u32,
            },
            rels: Span {
                start: r0,
                len: rels.len() as u32,
            },
            ..rec
        });
        outcome
    }

    fn push_entities(&mut self, d: &DocExtraction) -> Span {
        let s = &mut self.strings;
        let start = self.ents.len() as u32;
        for e in &d.entities {
            let a_start = self.aliases.len() as u32;
            for a in &e.alias_origins {
                self.aliases.push(AliasRec {
                    name: s.intern(&a.name),
                    origin: Some(a.origin),
                });
            }
            for a in &e.aliases {
                if !e.alias_origins.iter().any(|x| &x.name == a) {
                    self.aliases.push(AliasRec {
                        name: s.intern(a),
                        origin: None,
                    });
                }
            }
            self.ents.push(EntRec {
                id: s.intern(&e.id),
                name: s.intern(&e.name),
                kind: e.kind,
                source: e.source,
                mentions: e.mentions,
                parent: s.intern_opt(e.parent.as_deref()),
                ticker: s.intern_opt(e.ticker.as_deref()),
                aliases: Span {
                    start: a_start,
                    len: self.aliases.len() as u32 - a_start,
                },
            });
        }
        Span {
            start,
            len: self.ents.len() as u32 - start,
        }
    }

    fn push_relations(&mut self, d: &DocExtraction) -> Span {
        let s = &mut self.strings;
        let start = self.rels.len() as u32;
        for r in &d.relations {
            let e_start = self.evidence.len() as u32;
            for ev in &r.evidence {
                self.evidence.push(EvRec {
                    doc: s.intern(&ev.doc),
                    date: s.intern_opt(ev.date.as_deref()),
                    text: s.intern(&ev.text),
                    trigger: s.intern(&ev.trigger),
                    rule: s.intern(&ev.rule),
                    sentence: ev.sentence,
                    start: ev.start,
                    end: ev.end,
                    status: ev.status,
                    confidence: ev.confidence,
                });
            }
            self.rels.push(RelRec {
                kind: r.kind,
                source: s.intern(&r.source),
                target: s.intern(&r.target),
                evidence: Span {
                    start: e_start,
                    len: self.evidence.len() as u32 - e_start,
                },
            });
        }
        Span {
            start,
            len: self.rels.len() as u32 - start,
        }
    }

    /// Add every document of `other` (as [`GraphBuilder::add`] would).
    pub fn absorb(&mut self, other: &GraphBuilder) {
        for d in other.live_docs() {
            let _ = self.absorb_doc(other, d);
        }
    }

    /// Copy one document record from another builder, re-interning strings.
    pub(crate) fn absorb_doc(&mut self, other: &GraphBuilder, d: &DocRec) -> Added {
        let os = &other.strings;
        let s = &mut self.strings;
        let map = |s: &mut Interner, x: Sym| if x == NONE { NONE } else { s.intern(os.get(x)) };
        let rec = DocRec {
            id: map(s, d.id),
            title: map(s, d.title),
            date: map(s, d.date),
            url: map(s, d.url),
            hash: map(s, d.hash),
            ents: Span::default(),
            rels: Span::default(),
            ..*d
        };
        let outcome = self.make_room(&rec);
        if outcome == Added::Duplicate(false) {
            return outcome;
        }
        let s = &mut self.strings;
        let e_start = self.ents.len() as u32;
        for e in &other.ents[d.ents.range()] {
            let a_start = self.aliases.len() as u32;
            for a in &other.aliases[e.aliases.range()] {
                self.aliases.push(AliasRec {
                    name: map(s, a.name),
                    origin: a.origin,
                });
            }
            self.ents.push(EntRec {
                id: map(s, e.id),
                name: map(s, e.name),
                parent: map(s, e.parent),
                ticker: map(s, e.ticker),
                aliases: Span {
                    start: a_start,
                    len: e.aliases.len,
                },
                ..*e
            });
        }
        let r_start = self.rels.len() as u32;
        for r in &other.rels[d.rels.range()] {
            let v_start = self.evidence.len() as u32;
            for v in &other.evidence[r.evidence.range()] {
                self.evidence.push(EvRec {
                    doc: map(s, v.doc),
                    date: map(s, v.date),
                    text: map(s, v.text),
                    trigger: map(s, v.trigger),
                    rule: map(s, v.rule),
                    ..*v
                });
            }
            self.rels.push(RelRec {
                source: map(s, r.source),
                target: map(s, r.target),
                evidence: Span {
                    start: v_start,
                    len: r.evidence.len,
                },
                ..*r
            });
        }
        self.by_id.insert(rec.id, self.docs.len() as u32);
        self.docs.push(DocRec {
            ents: Span {
                start: e_start,
                len: d.ents.len,
            },
            rels: Span {
                start: r_start,
                len: d.rels.len,
            },
            ..rec
        });
        outcome
    }

    /// Indices of the live documents in ascending id order.
    pub(crate) fn sorted_docs(&self) -> Vec<u32> {
        let mut order: Vec<u32> = (0..self.docs.len() as u32)
            .filter(|&i| self.docs[i as usize].live)
            .collect();
        let s = &self.strings;
        // Ids are unique, so the parallel sort gives the one order.
        order.par_sort_unstable_by(|&a, &b| {
            s.get(self.docs[a as usize].id)
                .cmp(s.get(self.docs[b as usize].id))
        });
        order
    }

    /// Resolve entities across documents and build the graph.
    pub fn finish(self) -> KnowledgeGraph {
        self.build()
    }

    /// Resolve entities across documents and build the graph, keeping the
    /// builder (to save its records with the graph, or to update it).
    pub fn build(&self) -> KnowledgeGraph {
        Resolver::new(self).run()
    }
}

/// Per-entity-id accumulator.
#[derive(Debug)]
struct Acc {
    id: Sym,
    /// (name, count), in first-seen order.
    names: Vec<(Sym, u32)>,
    kinds: [u32; 3],
    mentions: u64,
    /// Document ordinals, ascending.
    docs: Vec<u32>,
    gazetteer: bool,
    ticker: Sym,
    parent: Sym,
}

fn kind_ix(k: EntityKind) -> usize {
    match k {
        EntityKind::Firm => 0,
        EntityKind::Cloud => 1,
        EntityKind::Agency => 2,
    }
}

struct Resolver<'b> {
    b: &'b GraphBuilder,
    /// Live documents in id order.
    order: Vec<u32>,
}

impl<'b> Resolver<'b> {
    fn new(b: &'b GraphBuilder) -> Self {
        Resolver {
            order: b.sorted_docs(),
            b,
        }
    }

    fn s(&self, x: Sym) -> &'b str {
        self.b.strings.get(x)
    }

    fn opt(&self, x: Sym) -> Option<&'b str> {
        self.b.strings.opt(x)
    }

    fn run(self) -> KnowledgeGraph {
        let b = self.b;
        // The document table does not depend on resolution.
        let ((nodes, edges), docs) = rayon::join(
            || self.nodes_and_edges(),
            || {
                crate::snapshot::encode_documents(self.order.iter().map(|&di| {
                    let d = &b.docs[di as usize];
                    crate::snapshot::DocRef {
                        id: self.s(d.id),
                        title: self.opt(d.title),
                        date: self.opt(d.date),
                        url: self.opt(d.url),
                        hash: self.s(d.hash),
                    }
                }))
            },
        );
        KnowledgeGraph::from_parts_encoded(nodes, edges, docs, self.order.len())
    }

    /// Resolved entities and the edges between them.
    fn nodes_and_edges(&self) -> (Vec<Node>, Vec<Edge>) {
        let b = self.b;
        // 1. Accumulate per entity id, visiting documents in id order.
        let mut acc_of: FxHashMap<Sym, u32> = FxHashMap::default();
        let mut accs: Vec<Acc> = Vec::new();
        // (acc, alias) -> origin, for aliases merged by minimum origin.
        let mut alias_map: FxHashMap<(u32, Sym), AliasOrigin> = FxHashMap::default();
        for (ord, &di) in self.order.iter().enumerate() {
            let ord = ord as u32;
            let d = &b.docs[di as usize];
            for e in &b.ents[d.ents.range()] {
                let ai = *acc_of.entry(e.id).or_insert_with(|| {
                    accs.push(Acc {
                        id: e.id,
                        names: Vec::new(),
                        kinds: [0; 3],
                        mentions: 0,
                        docs: Vec::new(),
                        gazetteer: false,
                        ticker: NONE,
                        parent: NONE,
                    });
                    (accs.len() - 1) as u32
                });
                let acc = &mut accs[ai as usize];
                match acc.names.iter_mut().find(|(n, _)| *n == e.name) {
                    Some((_, c)) => *c += 1,
                    None => acc.names.push((e.name, 1)),
                }
                acc.kinds[kind_ix(e.kind)] += 1;
                for a in &b.aliases[e.aliases.range()] {
                    match a.origin {
                        Some(o) => {
                            let slot = alias_map.entry((ai, a.name)).or_insert(o);
                            if o < *slot {
                                *slot = o;
                            }
                        }
                        None => {
                            alias_map
                                .entry((ai, a.name))
                                .or_insert(AliasOrigin::NameVariant);
                        }
                    }
                }
                acc.mentions += u64::from(e.mentions);
                if acc.docs.last() != Some(&ord) {
                    acc.docs.push(ord);
                }
                acc.gazetteer |= e.source == EntitySource::Gazetteer;
                if e.ticker != NONE && (acc.ticker == NONE || self.s(e.ticker) < self.s(acc.ticker))
                {
                    acc.ticker = e.ticker;
                }
                if e.parent != NONE {
                    acc.parent = e.parent;
                }
            }
        }
        // Aliases per accumulator, sorted by name.
        let mut acc_aliases: Vec<Vec<(&str, AliasOrigin)>> = vec![Vec::new(); accs.len()];
        for ((ai, name), o) in &alias_map {
            acc_aliases[*ai as usize].push((self.s(*name), *o));
        }
        drop(alias_map);
        for v in &mut acc_aliases {
            v.sort_unstable_by(|a, b| a.0.cmp(b.0));
        }
        // Entity ids in ascending order: the union-find's index space.
        let mut ids: Vec<u32> = (0..accs.len() as u32).collect();
        ids.sort_unstable_by(|&a, &b| self.s(accs[a as usize].id).cmp(self.s(accs[b as usize].id)));
        let n = ids.len();

        // 2. Names each entity answers to (normalised, acronyms excluded).
        let name_sets: Vec<BTreeSet<String>> = ids
            .par_iter()
            .map(|&ai| {
                let acc = &accs[ai as usize];
                let mut s = BTreeSet::new();
                for (nm, _) in &acc.names {
                    s.insert(simple_norm(self.s(*nm)));
                }
                for (a, origin) in &acc_aliases[ai as usize] {
                    if !is_acronym(a)
                        && !matches!(
                            origin,
                            AliasOrigin::Ticker
                                | AliasOrigin::Descriptive
                                | AliasOrigin::ShortForm
                                | AliasOrigin::FormerName
                        )
                    {
                        s.insert(simple_norm(a));
                    }
                }
                s.remove("");
                s
            })
            .collect();
        let gaz: Vec<bool> = ids.iter().map(|&ai| accs[ai as usize].gazetteer).collect();
        let mut uf = UnionFind::new(n, &gaz, !b.rules.is_empty());
        let id_sets: Vec<BTreeSet<String>> = if b.rules.is_empty() {
            Vec::new()
        } else {
            ids.iter()
                .zip(&name_sets)
                .map(|(&ai, names)| {
                    let mut s = names.clone();
                    s.insert(simple_norm(self.s(accs[ai as usize].id)));
                    s
                })
                .collect()
        };
        // Pattern entities merge with anything sharing a normalised name;
        // two gazetteer entities never merge.
        let mut by_name: Vec<(&str, u32)> = Vec::new();
        for (i, names) in name_sets.iter().enumerate() {
            for nm in names {
                by_name.push((nm.as_str(), i as u32));
            }
        }
        by_name.sort_unstable();
        let mut k = 0;
        while k < by_name.len() {
            let mut end = k + 1;
            while end < by_name.len() && by_name[end].0 == by_name[k].0 {
                end += 1;
            }
            for w in by_name[k..end].windows(2) {
                let (a, c) = (w[0].1 as usize, w[1].1 as usize);
                let (ra, rc) = (uf.find(a), uf.find(c));
                if ra == rc || (uf.gaz[ra] && uf.gaz[rc]) {
                    continue;
                }
                if !b.rules.is_empty()
                    && b.rules
                        .forbids(&uf.names(ra, &id_sets), &uf.names(rc, &id_sets))
                {
                    continue;
                }
                uf.union(a, c);
            }
            k = end;
        }
        drop(by_name);
        drop(name_sets);

        // 3. Groups in a canonical order, one node each.
        let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for i in 0..n {
            groups.entry(uf.find(i)).or_default().push(i);
        }
        let doc_dates: Vec<Option<&str>> = self
            .order
            .iter()
            .map(|&di| self.opt(b.docs[di as usize].date))
            .collect();
        // Node index per accumulator.
        let mut node_of: Vec<u32> = vec![u32::MAX; accs.len()];
        let mut nodes: Vec<Node> = Vec::with_capacity(groups.len());
        for members in groups.values() {
            let members: Vec<u32> = members.iter().map(|&m| ids[m]).collect();
            let node = self.merge_group(&members, &accs, &acc_aliases, &doc_dates);
            for &m in &members {
                node_of[m as usize] = nodes.len() as u32;
            }
            nodes.push(node);
        }

        // 4. Edges keyed by resolved ids; evidence in (kind, source, target)
        // order of the per-document relations, then document order.
        let mut rel_list: Vec<(u32, u32)> = Vec::new(); // (doc ordinal, rel index)
        for (ord, &di) in self.order.iter().enumerate() {
            let d = &b.docs[di as usize];
            for ri in d.rels.range() {
                rel_list.push((ord as u32, ri as u32));
            }
        }
        // (doc ordinal, index) pairs are unique: a total order.
        rel_list.par_sort_unstable_by(|x, y| {
            let (a, c) = (&b.rels[x.1 as usize], &b.rels[y.1 as usize]);
            a.kind
                .cmp(&c.kind)
                .then_with(|| self.s(a.source).cmp(self.s(c.source)))
                .then_with(|| self.s(a.target).cmp(self.s(c.target)))
                .then(x.0.cmp(&y.0))
                .then(x.1.cmp(&y.1))
        });
        let mut edge_of: FxHashMap<(RelationKind, u32, u32), u32> = FxHashMap::default();
        let mut edge_keys: Vec<(RelationKind, u32, u32)> = Vec::new();
        let mut edge_ev: Vec<Vec<Evidence>> = Vec::new();
        for (_, ri) in rel_list {
            let r = &b.rels[ri as usize];
            let (Some(&sa), Some(&ta)) = (acc_of.get(&r.source), acc_of.get(&r.target)) else {
                continue;
            };
            let (mut s, mut t) = (node_of[sa as usize], node_of[ta as usize]);
            if s == t {
                continue;
            }
            if r.kind.is_symmetric() && nodes[t as usize].id < nodes[s as usize].id {
                std::mem::swap(&mut s, &mut t);
            }
            let ei = *edge_of.entry((r.kind, s, t)).or_insert_with(|| {
                edge_keys.push((r.kind, s, t));
                edge_ev.push(Vec::new());
                (edge_keys.len() - 1) as u32
            });
            let out = &mut edge_ev[ei as usize];
            for v in &b.evidence[r.evidence.range()] {
                out.push(self.evidence(v));
            }
        }
        let edges: Vec<Edge> = edge_keys
            .into_iter()
            .zip(edge_ev)
            .map(|((kind, s, t), evidence)| {
                make_edge(
                    kind,
                    nodes[s as usize].id.clone(),
                    nodes[t as usize].id.clone(),
                    evidence,
                )
            })
            .collect();
        (nodes, edges)
    }

    fn evidence(&self, v: &EvRec) -> Evidence {
        Evidence {
            doc: self.s(v.doc).to_string(),
            date: self.opt(v.date).map(str::to_string),
            sentence: v.sentence,
            start: v.start,
            end: v.end,
            text: self.s(v.text).to_string(),
            trigger: self.s(v.trigger).to_string(),
            rule: self.s(v.rule).to_string(),
            status: v.status,
            confidence: v.confidence,
        }
    }

    /// Merge the accumulators of one group into a node. `members` are
    /// accumulator indices in ascending id order.
    fn merge_group(
        &self,
        members: &[u32],
        accs: &[Acc],
        acc_aliases: &[Vec<(&str, AliasOrigin)>],
        doc_dates: &[Option<&str>],
    ) -> Node {
        let acc = |m: u32| &accs[m as usize];
        // Node id: a gazetteer id if any, else the id seen in most documents
        // (ties: the smallest).
        let best = members
            .iter()
            .copied()
            .max_by(|&a, &c| {
                (
                    acc(a).gazetteer,
                    acc(a).docs.len(),
                    std::cmp::Reverse(self.s(acc(a).id)),
                )
                    .cmp(&(
                        acc(c).gazetteer,
                        acc(c).docs.len(),
                        std::cmp::Reverse(self.s(acc(c).id)),
                    ))
            })
            .unwrap_or(members[0]);
        let id = self.s(acc(best).id);
        let gaz_member = acc(best).gazetteer.then_some(best);
        let mut names: BTreeMap<&str, u32> = BTreeMap::new();
        let mut kinds = [0u32; 3];
        let mut aliases: BTreeMap<&str, AliasOrigin> = BTreeMap::new();
        let mut mentions = 0u64;
        let mut ticker: Option<&str> = None;
        let mut parent: Option<&str> = None;
        for &m in members {
            let a = acc(m);
            for (nm, c) in &a.names {
                *names.entry(self.s(*nm)).or_default() += c;
            }
            for (k, c) in kinds.iter_mut().zip(a.kinds) {
                *k += c;
            }
            for (al, o) in &acc_aliases[m as usize] {
                let slot = aliases.entry(al).or_insert(*o);
                if *o < *slot {
                    *slot = *o;
                }
            }
            mentions += a.mentions;
            if let Some(t) = self.opt(a.ticker) {
                if ticker.is_none_or(|x| t < x) {
                    ticker = Some(t);
                }
            }
            if parent.is_none() {
                parent = self.opt(a.parent);
            }
        }
        let docs: Vec<u32> = if members.len() == 1 {
            acc(members[0]).docs.clone()
        } else {
            let mut v: Vec<u32> = members
                .iter()
                .flat_map(|&m| acc(m).docs.iter().copied())
                .collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        let pick_name = |it: &mut dyn Iterator<Item = (&'b str, u32)>| -> String {
            it.max_by(|a, c| {
                (a.1, a.0.len(), std::cmp::Reverse(a.0)).cmp(&(
                    c.1,
                    c.0.len(),
                    std::cmp::Reverse(c.0),
                ))
            })
            .map(|(n, _)| n.to_string())
            .unwrap_or_default()
        };
        // Display name: the gazetteer name, else the most used, then longest.
        let name = match gaz_member {
            Some(g) => pick_name(&mut acc(g).names.iter().map(|(n, c)| (self.s(*n), *c))),
            None => pick_name(&mut names.iter().map(|(n, c)| (*n, *c))),
        };
        let kind = match gaz_member {
            Some(g) => EntityKind::ALL
                .into_iter()
                .find(|k| acc(g).kinds[kind_ix(*k)] > 0)
                .unwrap_or(EntityKind::Firm),
            None => EntityKind::ALL
                .into_iter()
                .filter(|k| kinds[kind_ix(*k)] > 0)
                .max_by(|a, c| {
                    (kinds[kind_ix(*a)], std::cmp::Reverse(*a))
                        .cmp(&(kinds[kind_ix(*c)], std::cmp::Reverse(*c)))
                })
                .unwrap_or(EntityKind::Firm),
        };
        // Other names of the group become aliases merged across documents.
        for nm in names.keys() {
            if *nm != name {
                aliases.entry(nm).or_insert(AliasOrigin::CrossDocument);
            }
        }
        aliases.remove(name.as_str());
        let mut first_seen: Option<&str> = None;
        let mut last_seen: Option<&str> = None;
        for &d in &docs {
            if let Some(date) = doc_dates[d as usize] {
                if first_seen.is_none_or(|f| date < f) {
                    first_seen = Some(date);
                }
                if last_seen.is_none_or(|l| date > l) {
                    last_seen = Some(date);
                }
            }
        }
        Node {
            id: id.to_string(),
            name,
            kind,
            aliases: aliases
                .into_iter()
                .map(|(name, origin)| Alias {
                    name: name.to_string(),
                    origin,
                })
                .collect(),
            mentions,
            documents: docs,
            first_seen: first_seen.map(str::to_string),
            last_seen: last_seen.map(str::to_string),
            ticker: ticker.map(str::to_string),
            parent: parent.map(str::to_string),
        }
    }
}

/// Build an edge from all its statements.
pub fn make_edge(
    kind: RelationKind,
    source: String,
    target: String,
    mut evidence: Vec<Evidence>,
) -> Edge {
    evidence.sort_by(|a, b| {
        (&a.doc, a.sentence, &a.rule, &a.trigger).cmp(&(&b.doc, b.sentence, &b.rule, &b.trigger))
    });
    evidence.dedup_by(|a, b| {
        a.doc == b.doc && a.sentence == b.sentence && a.rule == b.rule && a.trigger == b.trigger
    });
    let status = evidence
        .iter()
        .map(|e| e.status)
        .min_by_key(|s| s.rank())
        .unwrap_or(Status::Asserted);
    let confidence = combine_confidence(
        evidence
            .iter()
            .filter(|e| e.status != Status::Negated)
            .map(|e| e.confidence * status_weight(e.status)),
    );
    let first_seen = evidence
        .iter()
        .filter_map(|e| e.date.as_ref())
        .min()
        .cloned();
    let last_seen = evidence
        .iter()
        .filter_map(|e| e.date.as_ref())
        .max()
        .cloned();
    Edge {
        kind,
        source,
        target,
        status,
        confidence,
        count: evidence.len() as u32,
        first_seen,
        last_seen,
        evidence,
    }
}

/// Union-find with roots at the smallest index, tracking per root whether
/// the group holds a gazetteer entity and (when resolution rules need it)
/// its members.
struct UnionFind {
    parent: Vec<usize>,
    gaz: Vec<bool>,
    members: Option<Vec<Vec<usize>>>,
}

impl UnionFind {
    fn new(n: usize, gaz: &[bool], track_members: bool) -> Self {
        UnionFind {
            parent: (0..n).collect(),
            gaz: gaz.to_vec(),
            members: track_members.then(|| (0..n).map(|i| vec![i]).collect()),
        }
    }
    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }
    /// Union by smallest index, so roots are canonical.
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.parent[hi] = lo;
            self.gaz[lo] |= self.gaz[hi];
            if let Some(m) = &mut self.members {
                let moved = std::mem::take(&mut m[hi]);
                m[lo].extend(moved);
            }
        }
    }
    fn names(&mut self, root: usize, sets: &[BTreeSet<String>]) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        if let Some(m) = &self.members {
            for &i in &m[root] {
                out.extend(sets[i].iter().cloned());
            }
        }
        out
    }
}
