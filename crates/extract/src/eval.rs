//! Scoring extractions against labelled gold records, with the matching
//! rules of `../shared/eval/GUIDELINES.md` (the same as its `score.py`):
//! names compared after normalisation, entity kinds compared or not,
//! relations by kind and both endpoints (either direction for partnership
//! and dispute), negated relations not scored.

use crate::model::{DocExtraction, RelationKind, Status};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// One gold entity.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldEntity {
    /// Local id.
    #[serde(default)]
    pub id: String,
    /// Fullest name.
    pub name: String,
    /// firm, cloud or agency.
    #[serde(default)]
    pub kind: String,
    /// Other surface forms.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// One gold relation.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldRelation {
    /// Relation kind.
    pub kind: String,
    /// Source entity id.
    pub source: String,
    /// Target entity id.
    pub target: String,
}

/// One gold record: a document and what it states.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldDoc {
    /// Document path relative to the data root (`file#id` for a JSON Lines record).
    pub doc: String,
    /// Organisations.
    #[serde(default)]
    pub entities: Vec<GoldEntity>,
    /// Relations.
    #[serde(default)]
    pub relations: Vec<GoldRelation>,
}

/// Parse a gold file; errors name the line.
pub fn parse_gold(text: &str, origin: &str) -> Result<Vec<GoldDoc>, String> {
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let mut rec: GoldDoc =
            serde_json::from_str(line).map_err(|e| format!("{origin}:{}: {e}", i + 1))?;
        for e in &mut rec.entities {
            if e.id.is_empty() {
                e.id = e.name.clone();
            }
        }
        if !seen.insert(rec.doc.clone()) {
            return Err(format!(
                "{origin}:{}: document '{}' appears twice",
                i + 1,
                rec.doc
            ));
        }
        out.push(rec);
    }
    Ok(out)
}

const SUFFIXES: &[&str] = &[
    "inc",
    "corp",
    "corporation",
    "co",
    "ltd",
    "llc",
    "plc",
    "group",
    "holdings",
    "company",
];

/// Normalise a name as the scorer does.
pub fn score_norm(name: &str) -> String {
    let s = name.to_lowercase().replace('\u{2019}', "'");
    // Drop "'s" at a word end.
    let mut t = String::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '\''
            && i + 1 < chars.len()
            && chars[i + 1] == 's'
            && chars
                .get(i + 2)
                .is_none_or(|c| !(c.is_alphanumeric() || *c == '_'))
        {
            i += 2;
            continue;
        }
        let c = chars[i];
        t.push(if c.is_alphanumeric() || c == '_' || c.is_whitespace() {
            c
        } else {
            ' '
        });
        i += 1;
    }
    let mut words: Vec<&str> = t.split_whitespace().collect();
    if words.first() == Some(&"the") {
        words.remove(0);
    }
    while words.len() > 1 && words.last().is_some_and(|w| SUFFIXES.contains(w)) {
        words.pop();
    }
    words.join(" ")
}

/// Precision, recall and F1 counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// True positives.
    pub tp: usize,
    /// False positives.
    pub fp: usize,
    /// False negatives.
    pub fn_: usize,
}

impl Counts {
    /// Precision.
    pub fn precision(&self) -> f64 {
        if self.tp + self.fp == 0 {
            0.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        }
    }
    /// Recall.
    pub fn recall(&self) -> f64 {
        if self.tp + self.fn_ == 0 {
            0.0
        } else {
            self.tp as f64 / (self.tp + self.fn_) as f64
        }
    }
    /// F1.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// A missed or extra item, with the sentence that states it when known.
#[derive(Debug, Clone, Serialize)]
pub struct ErrorItem {
    /// Gold document.
    pub doc: String,
    /// "missed" or "extra".
    pub what: &'static str,
    /// "entity" or "relation".
    pub item: &'static str,
    /// Human-readable description.
    pub text: String,
    /// Evidence sentence of an extra relation.
    pub sentence: Option<String>,
}

/// The whole evaluation.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    /// Documents scored.
    pub documents: usize,
    /// Gold documents with no extraction (missing files).
    pub missing: Vec<String>,
    /// Entities, kind must agree.
    pub entities: Counts,
    /// Entities, any kind.
    pub entities_any_kind: Counts,
    /// Entities per gold kind (kind must agree; extra counted under the predicted kind).
    pub entities_by_kind: BTreeMap<String, Counts>,
    /// Relations, all kinds.
    pub relations: Counts,
    /// Relations per kind.
    pub relations_by_kind: BTreeMap<String, Counts>,
    /// Per rule: (correct statements, scored statements).
    pub rules: BTreeMap<String, (usize, usize)>,
    /// Missed and extra items.
    pub errors: Vec<ErrorItem>,
}

const ENTITY_KINDS: &[&str] = &["firm", "cloud", "agency"];

fn symmetric(kind: &str) -> bool {
    matches!(kind, "partnership" | "dispute")
}

fn key(kind: &str, s: &str, t: &str) -> (String, String, String) {
    if symmetric(kind) && t < s {
        (kind.to_string(), t.to_string(), s.to_string())
    } else {
        (kind.to_string(), s.to_string(), t.to_string())
    }
}

/// Score extractions (`pred`, keyed by gold doc) against gold records.
/// Relations with status `hedged` are not scored unless `include_hedged`.
pub fn score(
    gold: &[GoldDoc],
    pred: &HashMap<String, DocExtraction>,
    include_hedged: bool,
) -> Report {
    let mut rep = Report {
        documents: gold.len(),
        ..Report::default()
    };
    let mut sorted: Vec<&GoldDoc> = gold.iter().collect();
    sorted.sort_by(|a, b| a.doc.cmp(&b.doc));
    for g in sorted {
        let empty = DocExtraction {
            doc: g.doc.clone(),
            title: None,
            date: None,
            url: None,
            hash: String::new(),
            bytes: 0,
            sentences: 0,
            entities: vec![],
            relations: vec![],
        };
        let p = match pred.get(&g.doc) {
            Some(p) => p,
            None => {
                rep.missing.push(g.doc.clone());
                &empty
            }
        };
        let gents: Vec<&GoldEntity> = g
            .entities
            .iter()
            .filter(|e| ENTITY_KINDS.contains(&e.kind.as_str()))
            .collect();
        let kind_of: HashMap<&str, &str> = gents
            .iter()
            .map(|e| (e.id.as_str(), e.kind.as_str()))
            .collect();
        let mut index: HashMap<String, BTreeSet<&str>> = HashMap::new();
        for e in &gents {
            for n in std::iter::once(&e.name).chain(&e.aliases) {
                let k = score_norm(n);
                if !k.is_empty() {
                    index.entry(k).or_default().insert(e.id.as_str());
                }
            }
        }
        let map_entity = |names: &mut dyn Iterator<Item = &String>| -> Option<&str> {
            let mut hits: BTreeSet<&str> = BTreeSet::new();
            for n in names {
                if let Some(h) = index.get(&score_norm(n)) {
                    hits.extend(h.iter().copied());
                }
            }
            hits.into_iter().next()
        };
        let mapping: Vec<(&crate::model::Entity, Option<&str>)> = p
            .entities
            .iter()
            .map(|e| {
                (
                    e,
                    map_entity(&mut std::iter::once(&e.name).chain(&e.aliases)),
                )
            })
            .collect();
        for typed in [true, false] {
            let mut found: BTreeSet<&str> = BTreeSet::new();
            for (e, gid) in &mapping {
                let kind = e.kind.as_str();
                let ok = match gid {
                    Some(gid) => {
                        !found.contains(gid) && (!typed || kind_of.get(gid) == Some(&kind))
                    }
                    None => false,
                };
                if ok {
                    if let Some(gid) = gid {
                        found.insert(gid);
                        if typed {
                            rep.entities_by_kind.entry(kind.to_string()).or_default().tp += 1;
                        }
                    }
                } else if typed {
                    rep.entities.fp += 1;
                    rep.entities_by_kind.entry(kind.to_string()).or_default().fp += 1;
                    rep.errors.push(ErrorItem {
                        doc: g.doc.clone(),
                        what: "extra",
                        item: "entity",
                        text: format!("{} ({})", e.name, kind),
                        sentence: None,
                    });
                } else {
                    rep.entities_any_kind.fp += 1;
                }
            }
            let c = if typed {
                &mut rep.entities
            } else {
                &mut rep.entities_any_kind
            };
            c.tp += found.len();
            c.fn_ += gents.len() - found.len();
            if typed {
                for e in &gents {
                    if !found.contains(e.id.as_str()) {
                        rep.entities_by_kind.entry(e.kind.clone()).or_default().fn_ += 1;
                        rep.errors.push(ErrorItem {
                            doc: g.doc.clone(),
                            what: "missed",
                            item: "entity",
                            text: format!("{} ({})", e.name, e.kind),
                            sentence: None,
                        });
                    }
                }
            }
        }
        // Relations: endpoints mapped through every extracted entity.
        let full: HashMap<&str, Option<&str>> =
            mapping.iter().map(|(e, g)| (e.id.as_str(), *g)).collect();
        let gold_rels: BTreeSet<(String, String, String)> = g
            .relations
            .iter()
            .filter(|r| RelationKind::ALL.iter().any(|k| k.as_str() == r.kind))
            .map(|r| key(&r.kind, &r.source, &r.target))
            .collect();
        let mut pred_rels: BTreeMap<(String, String, String), Option<String>> = BTreeMap::new();
        for r in &p.relations {
            if r.negated
                || r.status == Status::Negated
                || (r.status == Status::Hedged && !include_hedged)
            {
                continue;
            }
            let kind = r.kind.as_str();
            let s = full.get(r.source.as_str()).copied().flatten();
            let t = full.get(r.target.as_str()).copied().flatten();
            let k = match (s, t) {
                (Some(s), Some(t)) => key(kind, s, t),
                _ => (
                    kind.to_string(),
                    format!("?{}", r.source),
                    format!("?{}", r.target),
                ),
            };
            let correct = gold_rels.contains(&k);
            for ev in &r.evidence {
                if ev.status == Status::Negated || (ev.status == Status::Hedged && !include_hedged)
                {
                    continue;
                }
                let slot = rep.rules.entry(ev.rule.clone()).or_default();
                slot.1 += 1;
                if correct {
                    slot.0 += 1;
                }
            }
            pred_rels
                .entry(k)
                .or_insert_with(|| r.evidence.first().map(|e| e.text.clone()));
        }
        for (k, sentence) in &pred_rels {
            let c = rep.relations_by_kind.entry(k.0.clone()).or_default();
            if gold_rels.contains(k) {
                c.tp += 1;
                rep.relations.tp += 1;
            } else {
                c.fp += 1;
                rep.relations.fp += 1;
                rep.errors.push(ErrorItem {
                    doc: g.doc.clone(),
                    what: "extra",
                    item: "relation",
                    text: format!("{} {} -> {}", k.0, k.1, k.2),
                    sentence: sentence.clone(),
                });
            }
        }
        let gname: HashMap<&str, &str> = g
            .entities
            .iter()
            .map(|e| (e.id.as_str(), e.name.as_str()))
            .collect();
        for k in &gold_rels {
            if !pred_rels.contains_key(k) {
                rep.relations_by_kind.entry(k.0.clone()).or_default().fn_ += 1;
                rep.relations.fn_ += 1;
                rep.errors.push(ErrorItem {
                    doc: g.doc.clone(),
                    what: "missed",
                    item: "relation",
                    text: format!(
                        "{} {} -> {}",
                        k.0,
                        gname.get(k.1.as_str()).unwrap_or(&k.1.as_str()),
                        gname.get(k.2.as_str()).unwrap_or(&k.2.as_str())
                    ),
                    sentence: None,
                });
            }
        }
    }
    rep
}

/// Laplace-smoothed precision of each rule: (correct + 1) / (scored + 2),
/// rounded to two decimals; rules with fewer than `min_support` scored
/// statements are left out.
pub fn calibrated_confidence(rep: &Report, min_support: usize) -> BTreeMap<String, f32> {
    rep.rules
        .iter()
        .filter(|(_, (_, n))| *n >= min_support)
        .map(|(id, (ok, n))| {
            let p = (*ok as f64 + 1.0) / (*n as f64 + 2.0);
            (id.clone(), ((p * 100.0).round() / 100.0) as f32)
        })
        .collect()
}

/// Rewrite the `confidence:` value of the given rules in the text of a
/// rules file, keeping everything else (comments, layout) as it is.
/// Returns the new text and the ids that were updated.
pub fn rewrite_confidences(text: &str, values: &BTreeMap<String, f32>) -> (String, Vec<String>) {
    let mut out = String::with_capacity(text.len());
    let mut updated = Vec::new();
    let mut current: Option<String> = None;
    for line in text.split_inclusive('\n') {
        let mut line = line.to_string();
        if let Some(pos) = line.find("(id: \"") {
            let rest = &line[pos + 6..];
            if let Some(end) = rest.find('"') {
                current = Some(rest[..end].to_string());
            }
        }
        if let Some(id) = current.clone() {
            if let (Some(v), Some(pos)) = (values.get(&id), line.find("confidence: ")) {
                let start = pos + "confidence: ".len();
                let end = line[start..]
                    .find(|c: char| !(c.is_ascii_digit() || c == '.'))
                    .map(|e| start + e)
                    .unwrap_or(line.len());
                line.replace_range(start..end, &format!("{v:.2}"));
                updated.push(id);
                current = None;
            }
        }
        out.push_str(&line);
    }
    (out, updated)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Entity, EntityKind, EntitySource, Evidence, Relation};

    #[test]
    fn normalisation_matches_the_scorer() {
        assert_eq!(score_norm("The Leadplex Inc."), "leadplex");
        assert_eq!(score_norm("Foster\u{2019}s Group"), "foster");
        assert_eq!(score_norm("AT&T"), "at t");
        assert_eq!(score_norm("Group"), "group");
    }

    fn ent(id: &str, name: &str, kind: EntityKind) -> Entity {
        Entity {
            id: id.into(),
            name: name.into(),
            kind,
            aliases: vec![],
            alias_origins: vec![],
            mentions: 1,
            source: EntitySource::Gazetteer,
            parent: None,
            ticker: None,
        }
    }

    fn rel(kind: RelationKind, s: &str, t: &str, status: Status) -> Relation {
        Relation {
            kind,
            source: s.into(),
            target: t.into(),
            status,
            negated: status == Status::Negated,
            confidence: 0.5,
            evidence: vec![Evidence {
                doc: "d".into(),
                date: None,
                sentence: 0,
                start: 0,
                end: 1,
                text: "x".into(),
                trigger: "t".into(),
                rule: "r1".into(),
                status,
                confidence: 0.5,
            }],
        }
    }

    #[test]
    fn scores_entities_and_relations_like_the_referee() {
        let gold = parse_gold(
            r#"{"doc": "a.txt", "entities": [{"id": "x", "name": "Acme Corp", "kind": "firm", "aliases": []}, {"id": "y", "name": "Army", "kind": "agency", "aliases": []}], "relations": [{"kind": "contract", "source": "x", "target": "y"}, {"kind": "dispute", "source": "y", "target": "x"}]}"#,
            "g",
        )
        .unwrap();
        let pred = DocExtraction {
            doc: "a.txt".into(),
            title: None,
            date: None,
            url: None,
            hash: String::new(),
            bytes: 0,
            sentences: 1,
            entities: vec![
                ent("p", "Acme", EntityKind::Firm),
                ent("q", "Army", EntityKind::Firm),
            ],
            relations: vec![
                rel(RelationKind::Contract, "p", "q", Status::Asserted),
                rel(RelationKind::Dispute, "p", "q", Status::Negated),
                rel(RelationKind::Partnership, "p", "q", Status::Hedged),
            ],
        };
        let mut m = HashMap::new();
        m.insert("a.txt".to_string(), pred);
        let r = score(&gold, &m, false);
        assert_eq!((r.entities.tp, r.entities.fp, r.entities.fn_), (1, 1, 1));
        assert_eq!((r.entities_any_kind.tp, r.entities_any_kind.fp), (2, 0));
        assert_eq!((r.relations.tp, r.relations.fp, r.relations.fn_), (1, 0, 1));
        assert_eq!(r.rules["r1"], (1, 1));
        let r = score(&gold, &m, true);
        assert_eq!(r.relations.fp, 1, "hedged relations count when included");
    }

    #[test]
    fn confidences_are_rewritten_in_place() {
        let text = "(\n  rules: [\n    (id: \"a\", kind: contract, confidence: 0.8,\n     triggers: [\"x\"]),\n    (id: \"b\", confidence: 0.6, triggers: [\"y\"]),\n  ],\n)\n";
        let mut v = BTreeMap::new();
        v.insert("a".to_string(), 0.55f32);
        let (out, updated) = rewrite_confidences(text, &v);
        assert!(out.contains("(id: \"a\", kind: contract, confidence: 0.55,"));
        assert!(out.contains("(id: \"b\", confidence: 0.6,"));
        assert_eq!(updated, ["a"]);
    }
}
