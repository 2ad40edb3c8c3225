//! Relation rules, read from `data/relations.ron`, and the engine that
//! applies them to the mentions of one sentence.
//!
//! A rule names a relation kind, trigger words, a syntactic form and which
//! role is the source. The engine finds the two roles around a trigger:
//! the *agent* (grammatical subject, possessor, or the `by` phrase of a
//! passive) and the *patient* (object, the entity after one of the rule's
//! prepositions, or the name a possessive or appositive phrase describes),
//! within the clause that holds the trigger.

use crate::ExtractError;
use crate::fxhash::FxHashMap;
use crate::model::{EntityKind, RelationKind, Status};
use crate::text::{TokKind, Token};
use crate::wordset::{WordFilter, WordSet};
use serde::Deserialize;
use std::path::Path;

/// How a rule's trigger relates its two entities.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Form {
    /// A verb: "A acquired B", "B was acquired by A", "A teamed up with B".
    Verb,
    /// A noun: "A's acquisition of B", "the acquisition of B by A",
    /// "A announced the acquisition of B", "a deal between A and B",
    /// "the A-B merger".
    Noun,
    /// A possessive: "A's B unit", "A's subsidiary B", "its unit B".
    Possessive,
    /// An apposition or copula: "B, a subsidiary of A", "B is part of A".
    Appositive,
    /// A switch of supplier: "A switched from B to C" gives B -> A and C -> A
    /// (with the agent as the customer).
    Switch,
    /// A transfer: "A sold B to C" gives C -> B (the buyer and the thing
    /// sold); the agent is C, the patient B.
    Transfer,
    /// A compound adjective between two names: "Google-owned YouTube",
    /// "SoftBank-backed WeWork"; the agent is the first name, the patient
    /// the second. It fires only glued to a name by a hyphen.
    Compound,
}

/// The grammatical voices a verb rule applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Voice {
    /// Active and passive.
    #[default]
    Any,
    /// Only "A verb B".
    Active,
    /// Only "B was verbed by A".
    Passive,
}

/// Which role is the relation's source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The agent is the source.
    Agent,
    /// The patient is the source.
    Patient,
}

/// One rule as written in `data/relations.ron`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSpec {
    /// Unique id, e.g. `acquisition.verb`.
    pub id: String,
    /// Relation kind produced.
    pub kind: RelationKind,
    /// Syntactic form.
    pub form: Form,
    /// Trigger words or phrases (lowercase; several words are matched in sequence).
    pub triggers: Vec<String>,
    /// Which role is the source (default: the agent).
    #[serde(default = "default_source")]
    pub source: Role,
    /// Prepositions one of which must introduce the patient ("to", "with", "of").
    #[serde(default)]
    pub patient_preps: Vec<String>,
    /// Prepositions that introduce the agent after the trigger ("an award
    /// by X to Y": `by`).
    #[serde(default)]
    pub agent_preps: Vec<String>,
    /// Kinds the patient must have (empty: any).
    #[serde(default)]
    pub patient_kinds: Vec<EntityKind>,
    /// Kinds the agent must have (empty: any).
    #[serde(default)]
    pub agent_kinds: Vec<EntityKind>,
    /// Words one of which the agent's mention must contain, case folded
    /// (empty: any): "GAO", "inspector" for an auditor's rule.
    #[serde(default)]
    pub agent_words: Vec<String>,
    /// The relation kind to produce instead when exactly one side is a
    /// government body ("a deal with the Army" is a purchase).
    #[serde(default)]
    pub agency_kind: Option<RelationKind>,
    /// The relation kind to produce instead, when exactly one side is a
    /// government body, if the clause names a sum of money ("a $200 million
    /// agreement" is a purchase) or a supply as the deal's purpose ("an
    /// agreement with the Navy to provide spare parts", "under which the
    /// company will sell its software to agencies").
    #[serde(default)]
    pub money_kind: Option<RelationKind>,
    /// The relation kind to produce instead when a share above 50% is named
    /// between the trigger and the patient ("acquired 67.7% of X").
    #[serde(default)]
    pub majority_kind: Option<RelationKind>,
    /// The relation kind to produce instead, from the owner to the owned,
    /// when a share of at most 50% is named just before the trigger or
    /// between it and the patient ("36 pct owned by X", "owns 40 pct of
    /// Y"): a part is owned by more than half.
    #[serde(default)]
    pub minority_kind: Option<RelationKind>,
    /// No other entity may stand between the trigger and the patient
    /// ("bought chips from X", not "bought Y from X").
    #[serde(default)]
    pub clear_path: bool,
    /// Words that must not stand between the trigger and the patient
    /// ("sell its unit to X" is no supply contract); for a noun or possessive rule, the
    /// word right before the trigger ("settlement agreement", "trading partner").
    #[serde(default)]
    pub forbids: Vec<String>,
    /// A price or sum right after the trigger is what is paid or lent, so
    /// no match: "offered 65 dlrs per share for X", "provided 37 mln dlrs
    /// to X" (goods named after the sum still count: "sold $4bn of
    /// equipment to X", "systems worth 4 mln dlrs").
    #[serde(default)]
    pub no_price: bool,
    /// The wording names the seller ("sold to", "bought from"), so a
    /// country's government that comes out as the supplier stays the
    /// supplier; otherwise a government body is taken as the customer.
    #[serde(default)]
    pub names_seller: bool,
    /// The agent's mention must end right before the trigger (verbs): "the
    /// complaint Halvorsen filed against Kestrel", not "an action filed
    /// against Kestrel".
    #[serde(default)]
    pub adjacent_agent: bool,
    /// Which voices the rule applies to (verbs).
    #[serde(default)]
    pub voice: Voice,
    /// Words one of which must appear between the trigger and the patient,
    /// or right after the trigger ("contract", "order").
    #[serde(default)]
    pub requires: Vec<String>,
    /// Status forced on every match ("hedged" for bids and talks).
    #[serde(default)]
    pub status: Option<Status>,
    /// Maximum tokens between the trigger and the patient.
    #[serde(default = "default_gap")]
    pub max_gap: usize,
    /// Precision of the rule on labelled data, used as the confidence of one
    /// statement.
    #[serde(default = "default_confidence")]
    pub confidence: f32,
}

fn default_source() -> Role {
    Role::Agent
}
fn default_gap() -> usize {
    8
}
fn default_confidence() -> f32 {
    0.6
}

/// The whole rules file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RulesFile {
    /// Cues that negate a statement ("not", "n't", "never", "declined to").
    pub negation: Vec<String>,
    /// Cues that hedge a statement ("may", "in talks", "plans to").
    pub hedges: Vec<String>,
    /// Cues that attribute a statement ("said", "according to").
    pub reporting: Vec<String>,
    /// Words that end a clause for role search ("but", "while", "which").
    pub clause_breaks: Vec<String>,
    /// The rules.
    pub rules: Vec<RuleSpec>,
}

/// Rules indexed by the first word of their triggers.
#[derive(Debug, Clone)]
pub struct Rules {
    /// The file contents.
    pub file: RulesFile,
    triggers: FxHashMap<String, Vec<(usize, Vec<String>)>>,
    /// Rules out most tokens before the `triggers` lookup.
    trigger_filter: WordFilter,
    negation: CueSet,
    hedges: CueSet,
    reporting: CueSet,
    clause_breaks: Vec<String>,
    /// Lets through the words that may end a clause.
    clause_filter: WordFilter,
}

/// Cue phrases (negation, hedges, reporting) by their first word: the
/// status of a statement probes every token of a window.
#[derive(Debug, Clone, Default)]
struct CueSet {
    by_first: FxHashMap<String, Vec<Vec<String>>>,
    /// Rules out most tokens before the `by_first` lookup.
    filter: WordFilter,
}

impl CueSet {
    fn new(phrases: &[String]) -> Self {
        let mut by_first: FxHashMap<String, Vec<Vec<String>>> = FxHashMap::default();
        let mut filter = WordFilter::default();
        for p in phrases {
            let words = split_phrase(p);
            if let Some(first) = words.first() {
                filter.add(first);
                by_first.entry(first.clone()).or_default().push(words);
            }
        }
        CueSet { by_first, filter }
    }

    /// Whether a cue starts at token `k`.
    fn at(&self, s: &Sent<'_>, k: usize) -> bool {
        self.filter.may_contain(s.low_bytes(k))
            && self
                .by_first
                .get(s.low(k))
                .is_some_and(|cues| cues.iter().any(|c| s.phrase_at(k, c)))
    }
}

/// A currency sign standing before an amount.
fn is_currency_sign(w: &str) -> bool {
    matches!(w, "$" | "\u{a3}" | "\u{20ac}" | "\u{a5}")
}

fn split_phrase(p: &str) -> Vec<String> {
    p.split_whitespace().map(|w| w.to_lowercase()).collect()
}

impl Rules {
    /// Whether token text `w` ends a clause for role search: a semicolon,
    /// a dash, or one of the file's clause breaks.
    fn ends_clause(&self, w: &[u8]) -> bool {
        self.clause_filter.may_contain(w)
            && (w == b";"
                || w == "\u{2014}".as_bytes()
                || self.clause_breaks.iter().any(|b| b.as_bytes() == w))
    }

    /// Parse rules from RON text; `origin` names the file in errors.
    pub fn from_ron(text: &str, origin: &str) -> Result<Self, ExtractError> {
        let file: RulesFile =
            ron::Options::default()
                .from_str(text)
                .map_err(|e: ron::error::SpannedError| ExtractError::Data {
                    file: origin.to_string(),
                    line: e.span.start.line,
                    message: e.code.to_string(),
                })?;
        Self::from_file(file, origin)
    }

    /// Read and parse a rules file.
    pub fn load(path: &Path) -> Result<Self, ExtractError> {
        let text = std::fs::read_to_string(path).map_err(|e| ExtractError::Io {
            file: path.display().to_string(),
            source: e,
        })?;
        Self::from_ron(&text, &path.display().to_string())
    }

    /// Index a parsed rules file, checking ids are unique.
    pub fn from_file(file: RulesFile, origin: &str) -> Result<Self, ExtractError> {
        let mut triggers: FxHashMap<String, Vec<(usize, Vec<String>)>> = FxHashMap::default();
        let mut ids = std::collections::HashSet::new();
        for (ri, r) in file.rules.iter().enumerate() {
            if !ids.insert(r.id.clone()) {
                return Err(ExtractError::Data {
                    file: origin.to_string(),
                    line: 0,
                    message: format!("duplicate rule id '{}'", r.id),
                });
            }
            if r.triggers.is_empty() {
                return Err(ExtractError::Data {
                    file: origin.to_string(),
                    line: 0,
                    message: format!("rule '{}' has no triggers", r.id),
                });
            }
            if !(0.0..=1.0).contains(&r.confidence) {
                return Err(ExtractError::Data {
                    file: origin.to_string(),
                    line: 0,
                    message: format!("rule '{}': confidence must be within 0..1", r.id),
                });
            }
            for t in &r.triggers {
                let words = split_phrase(t);
                if let Some(first) = words.first() {
                    triggers.entry(first.clone()).or_default().push((ri, words));
                }
            }
        }
        // Longer triggers first so "take over" wins over "take".
        for v in triggers.values_mut() {
            v.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
        }
        let mut trigger_filter = WordFilter::default();
        for first in triggers.keys() {
            trigger_filter.add(first);
        }
        let clause_breaks: Vec<String> = file
            .clause_breaks
            .iter()
            .map(|w| w.to_lowercase())
            .collect();
        let mut clause_filter = WordFilter::default();
        for w in clause_breaks
            .iter()
            .map(String::as_str)
            .chain([";", "\u{2014}"])
        {
            clause_filter.add(w);
        }
        Ok(Rules {
            negation: CueSet::new(&file.negation),
            hedges: CueSet::new(&file.hedges),
            reporting: CueSet::new(&file.reporting),
            clause_breaks,
            clause_filter,
            triggers,
            trigger_filter,
            file,
        })
    }

    /// The rule at an index.
    pub fn rule(&self, i: usize) -> &RuleSpec {
        &self.file.rules[i]
    }
}

/// One mention as the engine sees it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Arg {
    pub first: usize,
    pub last: usize,
    pub entity: usize,
    pub kind: EntityKind,
    /// A country's government as a whole ("Saudi Arabia", "the U.S.
    /// government"), which sells as well as buys.
    pub nation: bool,
    /// A rating agency or other body reporting on others (the lexicon's
    /// `commentators`, or an employer named beside "analyst" or
    /// "economist"): "Moody's cited the purchase of AMC" names no buyer.
    pub commentator: bool,
    /// A government body whose name says it holds stakes ("Kuwait
    /// Investment Office", "the Treasury", "state asset management
    /// bureau").
    pub holder: bool,
}

/// A relation statement found by a rule.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub rule: usize,
    pub kind: RelationKind,
    pub source: usize,
    pub target: usize,
    pub status: Status,
    pub trigger_first: usize,
    pub trigger_last: usize,
}

pub(crate) struct Sent<'a> {
    pub lower: &'a str,
    pub tokens: &'a [Token],
    pub first: usize,
    pub last: usize,
    /// Mentions of this sentence, ordered by position.
    pub args: &'a [Arg],
    /// The first entity mentioned in the previous sentence (its topic).
    pub topic: Option<Arg>,
}

impl Sent<'_> {
    fn low(&self, i: usize) -> &str {
        let t = &self.tokens[i];
        &self.lower[t.start as usize..t.end as usize]
    }
    /// Token `i` in lowercase, as bytes.
    fn low_bytes(&self, i: usize) -> &[u8] {
        let t = &self.tokens[i];
        &self.lower.as_bytes()[t.start as usize..t.end as usize]
    }
    /// Whether token `i` in lowercase is `word` (see `Token::is`).
    fn low_is(&self, i: usize, word: &str) -> bool {
        self.tokens[i].is(self.lower, word)
    }
    fn is_poss(&self, i: usize) -> bool {
        i < self.last && self.tokens[i].kind == TokKind::Possessive
    }
    fn phrase_at(&self, i: usize, words: &[String]) -> bool {
        i + words.len() <= self.last && words.iter().enumerate().all(|(k, w)| self.low(i + k) == w)
    }
    /// The argument covering token `i`.
    fn arg_at(&self, i: usize) -> Option<usize> {
        self.args.iter().position(|a| a.first <= i && i < a.last)
    }
    /// An all-capitals line ("CHRYSLER UNIT BUYS BENEFICIAL UNIT"): case
    /// tells names from verbs nowhere in it.
    fn shouting(&self) -> bool {
        let mut words = 0;
        for t in &self.tokens[self.first..self.last] {
            if t.kind != TokKind::Word {
                continue;
            }
            let one_letter = t.end - t.start == 1;
            if !(t.all_caps || (one_letter && t.cap)) {
                return false;
            }
            words += 1;
        }
        words >= 3
    }
    fn arg_starting(&self, i: usize) -> Option<usize> {
        self.args.iter().position(|a| a.first == i)
    }
    fn arg_ending(&self, i: usize) -> Option<usize> {
        self.args.iter().position(|a| a.last == i)
    }
}

const BE: &[&str] = &[
    "is", "are", "was", "were", "been", "being", "be", "'s", "become", "became",
];
/// Auxiliary and modal verbs: "has", "will", "may", ...
static AUXILIARIES: WordSet = WordSet::new(&[
    "has", "have", "had", "will", "would", "can", "could", "may", "might", "must", "should", "did",
    "does", "do",
]);
static DETERMINERS: WordSet = WordSet::new(&[
    "the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those",
    "u.s.", "us", "both", "all", "each", "another",
]);
/// Verbs of those who serve a deal without being party to it.
static ADVISER_VERBS: WordSet = WordSet::new(&[
    "underwrote",
    "underwrite",
    "underwrites",
    "underwriting",
    "advised",
    "advise",
    "advises",
    "advising",
    "arranged",
    "arrange",
    "arranges",
    "arranging",
    "brokered",
    "broker",
    "brokers",
    "brokering",
    "financed",
    "finance",
    "finances",
    "financing",
    "managed",
    "co-managed",
    "lead-managed",
    "handled",
    "handle",
    "handles",
    "handling",
]);

pub(crate) static PREPOSITIONS: WordSet = WordSet::new(&[
    "from",
    "with",
    "to",
    "for",
    "by",
    "at",
    "on",
    "than",
    "into",
    "against",
    "over",
    "of",
    "in",
    "about",
    "as",
    "under",
    "between",
    "through",
    "via",
    "like",
    "including",
    "after",
    "before",
    "among",
    "amid",
    "alongside",
    "onto",
    "toward",
    "towards",
    "across",
    "behind",
    "within",
    "without",
    "during",
]);
const LIST_JOINERS: &[&str] = &[",", "and", "&", "or"];
/// Words that open a subordinate clause: status cues before them belong to
/// another clause.
static SUBORDINATORS: WordSet = WordSet::new(&[
    "after",
    "before",
    "since",
    "when",
    "because",
    "as",
    "while",
    "once",
    "until",
    "following",
    "whereas",
    "although",
    "though",
    "but",
    ";",
    ",",
]);

/// Apply every rule to one sentence.
pub(crate) fn apply(rules: &Rules, s: &Sent<'_>) -> Vec<Found> {
    let mut out = Vec::new();
    let mut i = s.first;
    while i < s.last {
        if !rules.trigger_filter.may_contain(s.low_bytes(i)) {
            i += 1;
            continue;
        }
        let low = s.low(i);
        let Some(cands) = rules.triggers.get(low) else {
            i += 1;
            continue;
        };
        // Tokens inside a mention are names, not triggers; a word glued to
        // the previous one by a hyphen ("state-owned", "post-merger") is a
        // modifier, not a trigger.
        // (Not a participle with its agent: "is majority-owned by X".)
        let glued = i > s.first + 1
            && s.low_is(i - 1, "-")
            && !s.tokens[i].space_before
            && !s.tokens[i - 1].space_before
            && !(low.ends_with("ed") && i + 1 < s.last && s.low_is(i + 1, "by"));
        if glued {
            compound(rules, s, i, cands, &mut out);
        }
        if s.arg_at(i).is_some() || glued {
            i += 1;
            continue;
        }
        let mut matched_len = 0;
        for (ri, words) in cands {
            if matched_len > 0 && words.len() < matched_len {
                break;
            }
            if !s.phrase_at(i, words) {
                continue;
            }
            let tl = i + words.len();
            let rule = rules.rule(*ri);
            let before = out.len();
            let cx = Trig {
                rules,
                ri: *ri,
                s,
                t0: i,
                t1: tl,
            };
            match rule.form {
                Form::Verb => verb(&cx, &mut out),
                Form::Noun => noun(&cx, &mut out),
                Form::Possessive => possessive(&cx, &mut out),
                Form::Appositive => appositive(&cx, &mut out),
                Form::Switch => switch(&cx, &mut out),
                Form::Transfer => transfer(&cx, &mut out),
                // "Halvorsen Corp v. Kestrel Ltd": a compound of several
                // words joins the names right before and right after it
                // (one word is glued by a hyphen, above).
                Form::Compound => {
                    let named = (s.arg_ending(i), s.arg_starting(tl));
                    if let (true, false, (Some(a), Some(p))) =
                        (words.len() > 1, s.tokens[i].cap, named)
                    {
                        push(&cx, a, p, &mut out);
                    }
                }
            }
            // "reached an agreement for Boeing to acquire ARGOSystems": an
            // agreement to buy is a purchase, no partnership of the two.
            if out[before..]
                .iter()
                .any(|f| f.kind == RelationKind::Partnership)
                && purchase_agreement(s, i, tl)
            {
                let mut idx = 0;
                out.retain(|f| {
                    let keep = idx < before || f.kind != RelationKind::Partnership;
                    idx += 1;
                    keep
                });
            }
            if out.len() > before {
                matched_len = words.len();
            }
        }
        i += matched_len.max(1);
    }
    // "bought a 60 pct stake in X": a purchase of a majority the sentence
    // states is a takeover; the stake noun's investment says less.
    if out.iter().any(|f| f.kind == RelationKind::Acquisition) {
        let takeovers: Vec<(usize, usize)> = out
            .iter()
            .filter(|f| {
                f.kind == RelationKind::Acquisition
                    && matches!(f.status, Status::Asserted | Status::Reported)
            })
            .map(|f| (f.source, f.target))
            .collect();
        out.retain(|f| {
            f.kind != RelationKind::Investment || !takeovers.contains(&(f.source, f.target))
        });
    }
    out
}

/// "Google-owned YouTube": a one-word trigger of a compound rule at `i`,
/// glued by a hyphen to the name before it, and a name right after it.
fn compound(
    rules: &Rules,
    s: &Sent<'_>,
    i: usize,
    cands: &[(usize, Vec<String>)],
    out: &mut Vec<Found>,
) {
    let (Some(agent), Some(patient)) = (s.arg_ending(i - 1), s.arg_starting(i + 1)) else {
        return;
    };
    for (ri, words) in cands {
        if words.len() == 1 && rules.rule(*ri).form == Form::Compound {
            let cx = Trig {
                rules,
                ri: *ri,
                s,
                t0: i,
                t1: i + 1,
            };
            push(&cx, agent, patient, out);
            return;
        }
    }
}

/// Whether the trigger at `t0..t1` is an agreement or deal followed closely
/// by a purchase: "an agreement for Boeing to acquire the firm", "a deal
/// with Oracle to buy its database unit".
fn purchase_agreement(s: &Sent<'_>, t0: usize, t1: usize) -> bool {
    let agreement = (t0..t1).any(|k| {
        matches!(
            s.low(k),
            "agreement" | "agreements" | "deal" | "deals" | "pact" | "accord" | "memorandum"
        )
    });
    // "a definitive merger agreement with", "its stock-swap merger agreement".
    let named_purchase = t0 > s.first
        && matches!(
            s.low(t0 - 1),
            "merger" | "acquisition" | "takeover" | "purchase" | "sale" | "buyout"
        );
    agreement
        && (named_purchase
            // (Over a ticker: "with Saab-Scania AB <SABS ST> to buy"; not
            // into a relative clause: "to dissolve an alliance which could
            // have obliged GM to buy".)
            || (t1..(t1 + 14).min(s.last))
                .take_while(|&k| {
                    // ("under which High Plains will be merged" says how.)
                    let relative = s.low_is(k, "which") && !PREPOSITIONS.contains(s.low(k - 1));
                    !relative && !matches!(s.low(k), "that" | "who" | ";")
                })
                .any(|k| {
                let prev = if k > s.first { s.low(k - 1) } else { "" };
                let next = if k + 1 < s.last { s.low(k + 1) } else { "" };
                match s.low(k) {
                    // "to acquire", "for Boeing to buy"; "to supply and
                    // operate a network" is a supply deal.
                    "acquire" | "buy" | "purchase" | "merge" | "supply" => prev == "to",
                    // "under which High Plains will be merged into a unit of".
                    "merged" | "acquired" => matches!(prev, "be" | "been"),
                    // "covering the acquisition of", "on the sale"; not
                    // "to enhance federal IT acquisition".
                    "acquisition" | "merger" | "takeover" | "sale" => {
                        next == "of" || matches!(prev, "the" | "a" | "its" | "their")
                    }
                    // "to sell its station"; not "to sell the firm's chips".
                    "sell" => {
                        prev == "to"
                            && (k + 1..(k + 5).min(s.last)).any(|q| {
                                matches!(
                                    s.low(q),
                                    "its"
                                        | "their"
                                        | "stake"
                                        | "unit"
                                        | "shares"
                                        | "division"
                                        | "subsidiary"
                                        | "business"
                                )
                            })
                    }
                    _ => false,
                }
            }))
}

/// One trigger occurrence being analysed.
struct Trig<'a, 'b> {
    rules: &'a Rules,
    ri: usize,
    s: &'a Sent<'b>,
    t0: usize,
    t1: usize,
}

impl Trig<'_, '_> {
    fn rule(&self) -> &RuleSpec {
        self.rules.rule(self.ri)
    }
}

/// Index where the clause holding token `i` starts (search leftwards).
fn clause_start(rules: &Rules, s: &Sent<'_>, i: usize) -> usize {
    let mut k = i;
    while k > s.first {
        let w = s.low_bytes(k - 1);
        // A colon ends a clause unless it sits in an aside: "(NYSE: PLTR)".
        let colon = w == b":" && !(k >= 3 && s.low_is(k - 3, "("));
        if colon || (rules.ends_clause(w) && !parenthetical_adverb(s, k - 1)) {
            return k;
        }
        k -= 1;
    }
    s.first
}

/// Whether a noun after a possessive names the possessor's owner ("X's
/// majority stockholder Y", "adviser to X's parent"): the party is then
/// the owner, not X.
fn owner_noun(w: &str) -> bool {
    matches!(
        w,
        "stockholder"
            | "stockholders"
            | "shareholder"
            | "shareholders"
            | "owner"
            | "owners"
            | "parent"
            | "holder"
    )
}

/// Whether the clause break at `k` is a sentence adverb set off by commas,
/// which leaves the clause whole: "Qwest, meanwhile, had to pay the SEC",
/// "Kestrel, however, bought Varrow".
fn parenthetical_adverb(s: &Sent<'_>, k: usize) -> bool {
    k > s.first
        && k + 1 < s.last
        && matches!(s.low(k), "however" | "meanwhile" | "though")
        && s.low_is(k - 1, ",")
        && s.low_is(k + 1, ",")
}

/// Index where the clause holding token `i` ends (search rightwards).
fn clause_end(rules: &Rules, s: &Sent<'_>, i: usize) -> usize {
    let mut k = i;
    while k < s.last {
        if rules.ends_clause(s.low_bytes(k)) {
            return k;
        }
        k += 1;
    }
    s.last
}

/// The end of the window right of `i`: the clause end, or `max_gap` tokens
/// past `i`. An amount in brackets ("($2.3bn; \u{a3}1.8bn)", "(1.88bn
/// euros)") neither ends the clause nor counts toward the gap; other
/// brackets hold names ("(Keystone Bancshares Inc)") and count.
fn window_end(rules: &Rules, s: &Sent<'_>, i: usize, max_gap: usize) -> usize {
    let mut counted = 0usize;
    let mut depth = 0usize;
    let mut k = i;
    while k < s.last {
        let w = s.low_bytes(k);
        if rules.ends_clause(w) {
            return k;
        }
        if w == b"(" {
            if let Some(close) = amount_aside_end(s, k) {
                k = close + 1;
                continue;
            }
            depth += 1;
        }
        // A bracket closing one opened before `i` ends the aside the
        // trigger stands in: "(already serving the CIA through the C2S
        // contract) with Palantir's analytics".
        if w == b")" {
            if depth == 0 {
                return k;
            }
            depth -= 1;
        }
        counted += 1;
        if counted > max_gap + 1 {
            return k;
        }
        // An amount counts as one word: "a $4.3 billion Air Force contract".
        if is_currency_sign(s.low(k)) && k + 1 < s.last && s.tokens[k + 1].kind == TokKind::Number {
            k += 1;
            if k + 1 < s.last
                && matches!(
                    s.low(k + 1),
                    "million" | "billion" | "bn" | "m" | "mln" | "bln"
                )
            {
                k += 1;
            }
        }
        k += 1;
    }
    s.last
}

/// The closing bracket of an aside opening at `open` that gives an amount:
/// it starts with a currency sign or a number and closes within 12 tokens.
fn amount_aside_end(s: &Sent<'_>, open: usize) -> Option<usize> {
    let first = open + 1;
    if first >= s.last {
        return None;
    }
    let amount = s.tokens[first].kind == TokKind::Number || is_currency_sign(s.low(first));
    if !amount {
        return None;
    }
    (first..s.last.min(first + 12)).find(|&q| s.low_is(q, ")"))
}

/// Whether token `k` can sit between a preposition and its noun: an
/// article, a lowercase adjective or noun, a number, a hyphen, a currency
/// or percent sign ("of former parent X", "with state-owned X").
fn is_modifier(s: &Sent<'_>, k: usize) -> bool {
    let t = &s.tokens[k];
    let w = s.low(k);
    if DETERMINERS.contains(w) || matches!(w, "-" | "$" | "%" | "\u{00a3}" | "\u{20ac}") {
        return true;
    }
    if t.kind == TokKind::Number || t.kind == TokKind::Possessive {
        return true;
    }
    t.kind == TokKind::Word
        && !t.cap
        && !PREPOSITIONS.contains(w)
        && !BE.contains(&w)
        && !matches!(w, "and" | "or" | "which" | "who" | "that" | "said" | "says")
}

/// Whether token `k` is a lowercase content word: a modifier that is no
/// determiner ("mining", "longtime").
fn plain_word(s: &Sent<'_>, k: usize) -> bool {
    s.tokens[k].kind == TokKind::Word && !DETERMINERS.contains(s.low(k)) && is_modifier(s, k)
}

/// Walk left over at most `max` words of a noun phrase: articles and
/// lowercase modifiers ("the", "state-owned"), but not a complementiser
/// ("that") nor capitalised words.
fn skip_np_left(s: &Sent<'_>, mut i: usize, max: usize, lo: usize) -> usize {
    let mut n = 0;
    while i > lo && n < max && is_modifier(s, i - 1) && !matches!(s.low(i - 1), "that" | "this") {
        i -= 1;
        n += 1;
    }
    i
}

/// Walk left from token `i` over at most `max` modifiers (capitalised
/// words outside any name count too: "into Italian airline Alitalia").
fn skip_modifiers_left(s: &Sent<'_>, mut i: usize, max: usize, lo: usize) -> usize {
    let mut n = 0;
    // "a stake in mining and metals concern X": "and" joining two
    // lowercase words of the description.
    // Not verbs: "to buy from accumulate and added it to".
    let joins = |k: usize, n: usize| {
        let noun = |q: usize| plain_word(s, q) && !finite_verb(s.low(q));
        n > 0 && k > lo && s.low_is(k, "and") && noun(k - 1) && noun(k + 1)
    };
    while i > lo
        && n < max
        && (is_modifier(s, i - 1)
            || joins(i - 1, n)
            // A wire's angle bracket glued to a name: "against <WPP Group>".
            || (s.low_is(i - 1, "<") && i < s.last && !s.tokens[i].space_before)
            || (s.tokens[i - 1].cap
                && s.tokens[i - 1].kind == TokKind::Word
                && s.arg_at(i - 1).is_none()
                && !PREPOSITIONS.contains(s.low(i - 1))))
    {
        i -= 1;
        n += 1;
    }
    i
}

fn skip_dets_left(s: &Sent<'_>, mut i: usize) -> usize {
    while i > s.first && DETERMINERS.contains(s.low(i - 1)) {
        i -= 1;
    }
    i
}

fn skip_dets_right(s: &Sent<'_>, mut i: usize) -> usize {
    while i < s.last && DETERMINERS.contains(s.low(i)) {
        i += 1;
    }
    i
}

/// The name after a possessive of capitalised words no mention covers,
/// a person's or a place's, that starts at `i`: "owned by Lord Conrad
/// Black's Hollinger International", "Rupert Murdoch's News Corp".
fn after_person_possessive(s: &Sent<'_>, i: usize) -> Option<usize> {
    let mut k = i;
    while k < s.last && k - i < 4 && s.tokens[k].cap && s.arg_starting(k).is_none() {
        k += 1;
    }
    (k > i && s.is_poss(k))
        .then(|| s.arg_starting(k + 1))
        .flatten()
}

/// The subject: the nearest mention left of `i` in the clause, skipping an
/// apposition ("Yukos, Russia's biggest producer, was fined") and mentions
/// introduced by a preposition ("at X, Y said" skips X). In a relative
/// clause ("X, which was fined by Y") the antecedent before the pronoun.
/// Whether a founder's or owner's name follows a company's name ending at
/// `k`: in "Amazon founder Jeff Bezos purchased The Washington Post" the
/// person acts on his own account, not the company.
fn founder_named(s: &Sent<'_>, k: usize) -> bool {
    let mut q = k;
    if q + 2 < s.last && s.low_is(q, "co") && s.low_is(q + 1, "-") {
        q += 2;
    }
    q + 1 < s.last
        && matches!(s.low(q), "founder" | "cofounder" | "owner")
        && s.tokens[q + 1].cap
        && s.arg_starting(q + 1).is_none()
}

fn subject(rules: &Rules, s: &Sent<'_>, i: usize) -> Option<usize> {
    // "an agreement for Kestrel to buy X", "calls for County Trust, a
    // County Bancorp unit, to merge into Y": the infinitive's own subject.
    let to = if s.low_is(i, "to") {
        Some(i)
    } else if i > s.first && s.low_is(i - 1, "to") {
        Some(i - 1)
    } else {
        None
    };
    if let Some(mut k) = to.filter(|&k| k > s.first + 1) {
        // Over an apposition: "Kestrel, a Larkspur unit, to".
        if s.low_is(k - 1, ",") {
            if let Some(q) = (k.saturating_sub(8).max(s.first + 1)..k - 1)
                .rev()
                .find(|&q| s.low_is(q, ","))
            {
                k = q;
            }
        }
        if let Some(a) = s.arg_ending(k) {
            let f = s.args[a].first;
            if f > s.first && s.low_is(f - 1, "for") {
                return Some(a);
            }
        }
    }
    // "an order allowing it to purchase X": the one allowed acts.
    if i >= s.first + 3 && s.low_is(i - 1, "to") {
        if let Some(a) = s.arg_ending(i - 1) {
            let f = s.args[a].first;
            if f > s.first
                && matches!(
                    s.low(f - 1),
                    "allowing"
                        | "allow"
                        | "allows"
                        | "allowed"
                        | "permitting"
                        | "permit"
                        | "permits"
                        | "permitted"
                        | "enabling"
                        | "enable"
                        | "enables"
                        | "enabled"
                        | "authorizing"
                        | "authorized"
                        | "authorising"
                        | "authorised"
                        | "letting"
                        | "requiring"
                        | "required"
                        | "forcing"
                        | "forced"
                )
            {
                return Some(a);
            }
        }
    }
    // "dates back to GM's decision to buy 20% of X": the possessor of the
    // noun the infinitive completes does it, wherever the phrase stands.
    if i >= s.first + 4
        && s.low_is(i - 1, "to")
        && matches!(
            s.low(i - 2),
            "decision"
                | "move"
                | "agreement"
                | "commitment"
                | "right"
                | "option"
                | "obligation"
                | "application"
                | "plan"
                | "plans"
                | "bid"
                | "attempt"
                | "effort"
                | "offer"
                | "proposal"
                | "request"
                | "intention"
                | "refusal"
                | "failure"
        )
        && s.is_poss(i - 3)
    {
        if let Some(a) = s.arg_ending(i - 3) {
            return Some(a);
        }
    }
    // "block Dixons from taking control of X", "prevent TWA from buying
    // X": the name before "from" does what the gerund says.
    if i > s.first + 1 && s.low_is(i - 1, "from") && s.low(i).ends_with("ing") {
        if let Some(a) = s.arg_ending(i - 1) {
            return Some(a);
        }
    }
    // "a CIA contract (won in 2013)": a verb opening a parenthesis has no
    // subject of its own.
    if i > s.first && s.low_is(i - 1, "(") {
        return None;
    }
    let start = clause_start(rules, s, i);
    // "it has received Federal Reserve Board approval to acquire X": the
    // body whose leave is given does not act; the one given it does.
    let grantor = |a: &Arg| {
        a.last + 1 < s.last
            && s.low_is(a.last + 1, "to")
            && matches!(
                s.low(a.last),
                "approval"
                    | "approvals"
                    | "clearance"
                    | "permission"
                    | "consent"
                    | "go-ahead"
                    | "authorization"
                    | "authorisation"
                    | "nod"
            )
    };
    let found = s
        .args
        .iter()
        .enumerate()
        .rev()
        .find(|(_, a)| a.last <= i && a.first >= start && !grantor(a))
        .map(|(ai, _)| ai);
    // "said in a Securities and Exchange Commission filing that it ...":
    // a name modifying a noun after "a" is no subject.
    // "told Reuters the group will take a stake", "said in a Securities and
    // Exchange Commission filing that it": no subject.
    let found = found.filter(|&ai| {
        let a = s.args[ai];
        let prev = if a.first > s.first {
            s.low(a.first - 1)
        } else {
            ""
        };
        let next =
            (a.last < s.last && s.tokens[a.last].kind == TokKind::Word && !s.tokens[a.last].cap)
                .then(|| s.low(a.last));
        // "Balzac shareholders will hold 80 pct of X": the holders act,
        // not the company.
        let holders = matches!(
            s.low(i),
            "own" | "owns" | "owned" | "hold" | "holds" | "held" | "control" | "controls"
        ) && next.is_some_and(|w| {
            matches!(
                w,
                "shareholders" | "holders" | "stockholders" | "bondholders" | "noteholders"
            )
        });
        // "agencies using AWS's cloud regions to deploy X": a possessor in
        // a gerund's object is no subject.
        // (Not "saying X's request had been delayed", nor a trigger inside
        // the possessed phrase: "combining GEC's medical division X".)
        let gerund_object = prev.len() > 4
            && prev.ends_with("ing")
            && !matches!(
                prev,
                "saying" | "stating" | "claiming" | "reporting" | "alleging" | "announcing"
            )
            && a.last < i
            && s.tokens[a.last].kind == TokKind::Possessive
            && (a.last + 1..i).any(|k| {
                let w = s.low(k);
                PREPOSITIONS.contains(w) || w == "," || AUXILIARIES.contains(w) || BE.contains(&w)
            });
        // "Boeing's great European competitor is to sell": the possessor
        // of another party's noun is not that party.
        let other_party = a.last < i && s.tokens[a.last].kind == TokKind::Possessive && {
            let mut q = a.last + 1;
            while q < i.min(a.last + 4)
                && (plain_word(s, q) || (s.tokens[q].cap && s.arg_at(q).is_none()))
                && !OTHER_PARTIES.contains(s.low(q))
            {
                q += 1;
            }
            q < i && OTHER_PARTIES.contains(s.low(q))
        };
        !crate::ner::names_no_party(prev, next)
            && !founder_named(s, a.last)
            && !holders
            && !gerund_object
            && !other_party
    });
    // "told the SEC he has acquired shares": a person's pronoun right
    // before the verb (and its auxiliaries) is its subject.
    let mut k = i;
    while k > s.first
        && matches!(
            s.low(k - 1),
            "has" | "have" | "had" | "is" | "was" | "will" | "would" | "been" | "did" | "does"
        )
    {
        k -= 1;
    }
    let person_subject = k > s.first && matches!(s.low(k - 1), "he" | "she" | "we" | "i" | "you");
    let found = found.filter(|&ai| !(person_subject && s.args[ai].last < k));
    // "told the SEC it has acquired": whom one tells is no subject, nor is
    // a pronoun right after it read as the hearer.
    let told = |ai: usize| {
        let mut p = s.args[ai].first;
        if p > s.first && s.low_is(p - 1, "the") {
            p -= 1;
        }
        p > s.first && crate::ner::tells(s.low(p - 1))
    };
    // "Umbro, which lost deals with Chelsea, said it signed": a name of a
    // relative clause closed before the verb is not its subject.
    let found = found.filter(|&ai| !closed_relative(s, ai, i));
    let found = found.filter(|&ai| {
        let a = s.args[ai];
        let hearer_pronoun = matches!(s.low(a.first), "it" | "they")
            && s.arg_ending(a.first)
                .is_some_and(|h| told(h) && s.args[h].entity == a.entity);
        !told(ai) && !hearer_pronoun
    });
    let relative = start > s.first && matches!(s.low(start - 1), "which" | "who" | "that");
    // Relative clause: "X, which ...", "X, who ...", also after an
    // apposition: "X, the holding company which ...".
    let antecedent = || {
        let mut k = start - 1;
        if k > s.first && s.low_is(k - 1, ",") {
            k -= 1;
        }
        if let Some(a) = s.arg_ending(k) {
            return Some(a);
        }
        let q = skip_modifiers_left(s, k, 6, s.first);
        if q > s.first && s.low_is(q - 1, ",") {
            // "In a filing with the SEC, the group, which": the phrase
            // before the comma is no apposition ("owned by X, a firm
            // which" is).
            return s.arg_ending(q - 1).filter(|&a| {
                let mut p = s.args[a].first;
                if p > s.first && s.low_is(p - 1, "the") {
                    p -= 1;
                }
                !(p > s.first && PREPOSITIONS.contains(s.low(p - 1)) && !s.low_is(p - 1, "by"))
            });
        }
        // "X offered £1.3bn, which was rejected": the offer's maker.
        s.arg_ending(q)
    };
    let Some(mut ai) = found else {
        return if relative { antecedent() } else { None };
    };
    // "NASDA is free from competition, since aerospace was chosen by the
    // ministry": a subordinate clause whose own subject is a common noun
    // right before the verb has no named subject.
    let mut v = i;
    while v > s.first
        && (AUXILIARIES.contains(s.low(v - 1))
            || BE.contains(&s.low(v - 1))
            || matches!(s.low(v - 1), "not" | "also"))
    {
        v -= 1;
    }
    if v < i
        && v > s.args[ai].last
        && plain_word(s, v - 1)
        && !s.low(v - 1).ends_with("ly")
        && (s.args[ai].last..v - 1).any(|k| {
            matches!(
                s.low(k),
                "since" | "because" | "although" | "though" | "while" | "whereas" | "if"
            )
        })
    {
        return None;
    }

    // A relative clause closed by a comma before the verb: "Halvorsen,
    // which Brightwater acquired in 2019, won the contract" -> Halvorsen.
    if relative
        && s.low_is(start - 1, "which")
        && start >= s.first + 2
        && s.low_is(start - 2, ",")
        && (s.args[ai].last..i).any(|k| s.low_is(k, ","))
    {
        return antecedent();
    }
    // Coordinated verb phrases share their subject: "A created B, and has
    // a partnership with C" -> A.
    let a = s.args[ai];
    let coordinated = (a.last..i).any(|k| {
        s.low_is(k, "and")
            && k + 1 < i
            && crate::ner::verb_like(s.low(k + 1))
            && !PREPOSITIONS.contains(s.low(k + 1))
            && !matches!(s.low(k + 1), "and" | "or")
    });
    if coordinated {
        if let Some((first_ai, _)) = s
            .args
            .iter()
            .enumerate()
            .find(|(_, b)| b.first >= start && b.last <= a.first)
        {
            ai = first_ai;
        }
    }
    // Apposition: "A, <phrase with B>, trigger" -> A.
    let a = s.args[ai];
    let comma_after = (a.last..i).find(|&k| s.low_is(k, ","));
    let comma_before = (start..a.first).rev().find(|&k| s.low_is(k, ","));
    if let (Some(_), Some(cb)) = (comma_after, comma_before) {
        if cb > start {
            // "CISA (the acronym), part of DHS, designated": look past a
            // parenthesised acronym.
            let before = if cb > s.first + 2 && s.low_is(cb - 1, ")") {
                (s.first..cb - 1)
                    .rev()
                    .find(|&k| s.low_is(k, "("))
                    .and_then(|k| s.arg_ending(k))
            } else {
                None
            };
            if let Some(prev) = s.arg_ending(cb).or(before) {
                let seg_first = s.low(cb + 1);
                if DETERMINERS.contains(seg_first)
                    || s.tokens[cb + 1].cap
                    || matches!(
                        seg_first,
                        "part" | "one" | "now" | "formerly" | "once" | "itself"
                    )
                    // "Palantir, backed by the CIA's In-Q-Tel, won".
                    || (is_participle(seg_first) && cb + 2 < i && s.low_is(cb + 2, "by"))
                {
                    ai = prev;
                }
            }
        }
    }
    // A mention introduced by a preposition is not a subject, unless a
    // relative clause follows it: "handled by X, a firm that won ...".
    let a = s.args[ai];
    let relative = (a.last..i).any(|k| matches!(s.low(k), "that" | "which" | "who"));
    if a.first > s.first && !relative {
        // A list after "from" or "at": "researchers from OpenAI and
        // Anthropic".
        let list_first = list_left(s, ai)
            .iter()
            .map(|&x| s.args[x].first)
            .min()
            .unwrap_or(a.first)
            .max(start);
        let p = if list_first > s.first && matches!(s.low(list_first - 1), "from" | "at") {
            list_first
        } else {
            skip_np_left(s, a.first, 3, start)
        };
        // "after Argentina signed a contract": a conjunction opening a
        // clause whose verb follows the name.
        let verb_follows = a.last <= i && crate::ner::verb_like(s.low(a.last));
        // "In 2004 WPP bought", "During the year WPP bought": a time phrase
        // opening the sentence, the name the subject of the verb after it.
        let time_phrase = p == s.first + 1
            && matches!(
                s.low(s.first),
                "in" | "during" | "over" | "since" | "within" | "throughout"
            )
            && (p..a.first).all(|q| {
                s.tokens[q].kind == TokKind::Number
                    || matches!(
                        s.low(q),
                        "the"
                            | "a"
                            | "past"
                            | "last"
                            | "same"
                            | "first"
                            | "second"
                            | "third"
                            | "fourth"
                            | "year"
                            | "years"
                            | "quarter"
                            | "month"
                            | "months"
                            | "week"
                            | "weeks"
                            | "period"
                            | "meantime"
                            | "decade"
                            | "interim"
                    )
            });
        let opens_clause = p > s.first
            && (matches!(s.low(p - 1), "after" | "before" | "since" | "until" | "as")
                || time_phrase)
            && verb_follows;
        if p > s.first
            && PREPOSITIONS.contains(s.low(p - 1))
            && !s.low_is(p - 1, "of")
            && !opens_clause
        {
            for (aj, b) in s.args.iter().enumerate().rev() {
                if b.last <= a.first && b.first >= start {
                    let q = skip_np_left(s, b.first, 3, start);
                    if q == s.first || !PREPOSITIONS.contains(s.low(q - 1)) {
                        return Some(aj);
                    }
                }
            }
            return None;
        }
    }
    Some(ai)
}

/// Words that only modify a noun, so that a trigger right after them is a
/// noun ("a hostile tender offer", "its unsolicited takeover bid").
static NOUN_PREMODIFIERS: WordSet = WordSet::new(&[
    "tender",
    "exchange",
    "takeover",
    "buyout",
    "hostile",
    "competing",
    "unsolicited",
    "pending",
    "sweetened",
    "surprise",
    "friendly",
    "formal",
    "initial",
    "previous",
    "original",
]);

/// Verbs that commonly follow an infinitive "to": "to" before them is no
/// preposition ("allows X to back the Pentagon").
static INFINITIVES: WordSet = WordSet::new(&[
    "provide",
    "supply",
    "offer",
    "back",
    "buy",
    "sell",
    "deliver",
    "build",
    "support",
    "develop",
    "acquire",
    "help",
    "make",
    "create",
    "run",
    "serve",
    "allow",
    "become",
    "take",
    "give",
    "use",
    "pay",
    "win",
    "meet",
    "expand",
    "boost",
    "cut",
    "raise",
    "fund",
    "invest",
    "merge",
    "partner",
    "work",
    "compete",
    "rival",
    "counter",
    "beat",
    "match",
    "bid",
    "keep",
    "bring",
    "open",
    "launch",
    "replace",
    "modernize",
    "modernise",
    "protect",
    "improve",
    "increase",
    "reduce",
    "secure",
    "gain",
    "hold",
    "maintain",
    "manage",
    "operate",
    "be",
    "have",
    "do",
    "get",
    "go",
    "set",
    "sign",
    "join",
    "form",
    "establish",
    "enter",
    "extend",
    "renew",
    "stop",
    "halt",
    "block",
    "challenge",
    "investigate",
    "approve",
    "rent",
    "lease",
    "license",
    "move",
    "migrate",
    "deploy",
    "host",
    "train",
    "test",
    "evaluate",
    "purchase",
    "finance",
    "speed",
]);

/// Whether the mention `a` is only a modifier of a following noun ("to
/// Peoplesoft customers", "Hexal's US affiliate Eon Labs"): returns the
/// mention the phrase is about instead, `Err` when there is none.
fn head_of_phrase(
    s: &Sent<'_>,
    ai: usize,
    direct: bool,
    allowed_next: &[String],
) -> Result<usize, ()> {
    let a = s.args[ai];
    if a.last >= s.last {
        return Ok(ai);
    }
    let t = &s.tokens[a.last];
    if t.kind == TokKind::Possessive {
        // "Hexal's US affiliate Eon Labs": the possessed name if any.
        // "Yukos' main production arm, Yugansk": the name in apposition.
        let mut q = a.last + 1;
        let limit = (q + 6).min(s.last);
        while q < limit {
            if let Some(b) = s.arg_starting(q) {
                return Ok(b);
            }
            let comma_then_name =
                s.low_is(q, ",") && q + 1 < s.last && s.arg_starting(q + 1).is_some();
            if !(is_modifier(s, q) || s.tokens[q].cap || comma_then_name) {
                break;
            }
            q += 1;
        }
        // "use Palantir's software", "host the Navy's data": a possessed
        // noun the rule asks for names its possessor's part in the deal.
        // (Over a sum: "canceled Anthropic's $200 million contract".)
        if direct
            && (a.last + 1..(a.last + 6).min(s.last))
                .take_while(|&q| {
                    (s.tokens[q].kind == TokKind::Word && !s.tokens[q].cap)
                        || s.tokens[q].kind == TokKind::Number
                        || matches!(s.low(q), "$" | "\u{a3}" | "\u{20ac}" | "-")
                })
                .any(|q| allowed_next.iter().any(|x| x == s.low(q)))
        {
            return Ok(ai);
        }
        // "buy Alfa-Eco's stake": the object is the stake, not the firm;
        // "an investigation into Thales's acquisition": Thales is the party.
        return if direct { Err(()) } else { Ok(ai) };
    }
    // "the acquisition of its advisor, Kestrel Advisory Corp": the name in
    // apposition to a pronoun's noun (not "sold its stake, Kestrel said").
    if a.last == a.first + 1 && matches!(s.low(a.first), "its" | "their") {
        let mut q = a.last;
        while q < s.last.min(a.last + 3)
            && s.tokens[q].kind == TokKind::Word
            && !s.tokens[q].cap
            && !PREPOSITIONS.contains(s.low(q))
            && !matches!(s.low(q), "and" | "or")
        {
            q += 1;
        }
        if q > a.last && s.low_is(q, ",") {
            if let Some(b) = s.arg_starting(q + 1) {
                if !opens_clause(s, b) && !reporting_verb(s.low(s.args[b].last.min(s.last - 1))) {
                    return Ok(b);
                }
            }
        }
    }
    let w = s.low(a.last);
    if allowed_next.iter().any(|x| x == w) {
        return Ok(ai);
    }
    // Over two lowercase modifiers: "a CIA cloud computing contract".
    if !allowed_next.is_empty() {
        let mut q = a.last;
        while q < s.last.min(a.last + 3)
            && s.tokens[q].kind == TokKind::Word
            && !s.tokens[q].cap
            && !PREPOSITIONS.contains(s.low(q))
            && !matches!(s.low(q), "and" | "or" | "that" | "which")
        {
            if q > a.last && allowed_next.iter().any(|x| x == s.low(q)) {
                return Ok(ai);
            }
            q += 1;
        }
    }
    // "Bridgestone Corp of Tokyo", "Henkel KGaA of West Germany": where the
    // firm is from.
    if w == "of" && a.last + 1 < s.last {
        let q = if s.low_is(a.last + 1, "the") {
            a.last + 2
        } else {
            a.last + 1
        };
        let place = q < s.last
            && s.tokens[q].cap
            && s.arg_at(q)
                .is_none_or(|b| s.args[b].kind == EntityKind::Agency);
        if place {
            return Ok(ai);
        }
    }
    // "accused Google of fraud", "of illegally paying": what the party
    // did; not "a stake in X of 400,000 shares", "of its intent".
    if w == "of" && a.last + 1 < s.last {
        let n = &s.tokens[a.last + 1];
        let nw = s.low(a.last + 1);
        if n.kind == TokKind::Word
            && !n.cap
            && !DETERMINERS.contains(nw)
            && !matches!(nw, "its" | "their" | "his" | "her" | "our")
        {
            return Ok(ai);
        }
    }
    // An amount after the name ("fined Google 2.4bn euros", "paid Acme
    // 30m") is no noun the name modifies, as a plain number is not.
    if t.kind == TokKind::Word
        && !t.cap
        && !w.starts_with(|c: char| c.is_ascii_digit())
        && !crate::ner::verb_like(w)
        && !DETERMINERS.contains(w)
        && !PREPOSITIONS.contains(w)
        && !matches!(
            w,
            "said" | "says" | "who" | "which" | "that" | "but" | "than" | "under"
        )
        && !ADVERBIAL_NEXT.contains(w)
        && !owned_relative(s, a.last)
    {
        return Err(());
    }
    Ok(ai)
}

/// Nouns for a party other than their possessor: "Boeing's competitor".
static OTHER_PARTIES: WordSet = WordSet::new(&[
    "rival",
    "rivals",
    "competitor",
    "competitors",
    "customer",
    "customers",
    "client",
    "clients",
    "supplier",
    "suppliers",
    "partner",
    "partners",
    "lender",
    "lenders",
    "creditor",
    "creditors",
    "bidder",
    "suitor",
    "buyer",
]);

/// Whether the name `ai` (or its pronoun) modifies a noun for a part of
/// it, before `end`: "Brightwater's unit", "its former subsidiary", "the
/// Brightwater oil division", "Kestrel's 20 pct stake".
fn modifies_part_noun(s: &Sent<'_>, ai: usize, end: usize) -> bool {
    let a = s.args[ai];
    let mut k = a.last;
    if k < end && s.tokens[k].kind == TokKind::Possessive {
        k += 1;
    }
    let limit = end.min(k + 4);
    while k < limit {
        let t = &s.tokens[k];
        if t.cap || !matches!(t.kind, TokKind::Word | TokKind::Number) {
            return false;
        }
        if PART_NOUNS.contains(s.low(k)) {
            return true;
        }
        if PREPOSITIONS.contains(s.low(k)) || crate::ner::verb_like(s.low(k)) {
            return false;
        }
        k += 1;
    }
    false
}

static PART_NOUNS: WordSet = WordSet::new(&[
    "unit",
    "units",
    "subsidiary",
    "subsidiaries",
    "division",
    "divisions",
    "arm",
    "affiliate",
    "stake",
    "holding",
    "shares",
    "business",
    "businesses",
    "operations",
    "operation",
    "plant",
    "plants",
    "brand",
    "brands",
]);

/// Whether a relative clause of ownership without "that" opens at `k`:
/// "the 60 pct of X it does not already own", "all shares of X they do
/// not hold" (not "advised X it intends to close").
fn owned_relative(s: &Sent<'_>, k: usize) -> bool {
    k + 1 < s.last
        && matches!(s.low(k), "it" | "they")
        && matches!(
            s.low(k + 1),
            "does" | "did" | "do" | "already" | "currently" | "owns" | "own" | "holds" | "hold"
        )
}

/// Words that open an adverbial after an object rather than make the name
/// a modifier: "sued Google last week", "hired Leidos again".
pub(crate) static ADVERBIAL_NEXT: WordSet = WordSet::new(&[
    "last",
    "this",
    "next",
    "earlier",
    "later",
    "yesterday",
    "today",
    "tomorrow",
    "recently",
    "previously",
    "again",
    "now",
    "already",
    "initially",
    "originally",
    "formally",
    "officially",
    "jointly",
    "directly",
    "instead",
    "as",
    "after",
    "before",
    "since",
    "until",
    "when",
    "because",
    "amid",
    "despite",
    "over",
    "into",
    "about",
    "following",
    "among",
]);

/// A verb that reports what its subject said.
fn reporting_verb(w: &str) -> bool {
    matches!(w, "said" | "says" | "told" | "announced" | "added")
}

/// Whether a word is a small number written out ("two" to "twelve").
fn number_word(w: &str) -> bool {
    matches!(
        w,
        "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "eleven"
            | "twelve"
    )
}

/// Whether a word is a finite verb or auxiliary that opens a predicate.
fn finite_verb(w: &str) -> bool {
    matches!(
        w,
        "has"
            | "have"
            | "had"
            | "is"
            | "was"
            | "were"
            | "are"
            | "will"
            | "would"
            | "could"
            | "can"
            | "may"
            | "might"
            | "must"
            | "should"
            | "said"
            | "says"
            | "also"
            | "agreed"
            | "plans"
            | "holds"
            | "owns"
            | "bought"
            | "sold"
            | "won"
            | "took"
            | "made"
            | "did"
            | "does"
    ) || (w.ends_with("ed") && w.len() > 4)
}

/// The first mention right of `i` within the clause and `max_gap` tokens,
/// introduced by one of `preps` (over a few modifiers), or with no
/// preposition in between when `preps` is empty (a direct object).
fn object(
    rules: &Rules,
    s: &Sent<'_>,
    i: usize,
    preps: &[String],
    max_gap: usize,
    exclude: Option<usize>,
) -> Option<usize> {
    object_with(rules, s, i, preps, max_gap, exclude, &[])
}

/// [`object`], also accepting a name followed by one of `allowed_next`
/// ("a Navy contract" when the rule requires "contract").
fn object_with(
    rules: &Rules,
    s: &Sent<'_>,
    i: usize,
    preps: &[String],
    max_gap: usize,
    exclude: Option<usize>,
    allowed_next: &[String],
) -> Option<usize> {
    let end = window_end(rules, s, i, max_gap);
    for (ai, a) in s.args.iter().enumerate() {
        if a.first < i || a.first >= end || Some(ai) == exclude {
            continue;
        }
        // "acquired CIA-backed Keyhole": the name before a hyphenated
        // participle describes the object.
        if a.last + 1 < s.last
            && s.low_is(a.last, "-")
            && !s.tokens[a.last].space_before
            && is_participle(s.low(a.last + 1))
        {
            continue;
        }
        if preps.is_empty() {
            // "buy its former parent AT&T": "its" is a determiner here.
            if s.low_is(a.first, "its")
                && a.last == a.first + 1
                && a.last < s.last
                && !s.tokens[a.last].cap
            {
                continue;
            }
            if (i..a.first).any(|k| {
                let w = s.low(k);
                let lower_pair = matches!(w, "and" | "or")
                    && k > i
                    && !s.tokens[k - 1].cap
                    && k + 1 < a.first
                    && !s.tokens[k + 1].cap
                    && s.arg_at(k - 1).is_none();
                // ("its Entertainment unit told the IPTV World Forum": what
                // is told is no object of the noun.)
                // ("unit replacing Alcan Aluminium": a gerund right before
                // the name takes it as its own object.)
                let gerund = w.len() > 4
                    && w.ends_with("ing")
                    && s.tokens[k].kind == TokKind::Word
                    && !s.tokens[k].cap
                    && skip_dets_right(s, k + 1) == a.first;
                gerund
                    || PREPOSITIONS.contains(w)
                    || matches!(
                        w,
                        "," | "which" | "who" | "that" | ";" | "told" | "tells" | "tell"
                    )
                    || crate::ner::SAY_VERBS.contains(w)
                    || (matches!(w, "and" | "or") && !lower_pair)
            }) {
                return None;
            }
            return head_of_phrase(s, ai, true, allowed_next)
                .ok()
                .filter(|&h| Some(h) != exclude);
        }
        // A pronoun takes no modifiers: "trusted to oppose it" is no "to
        // it".
        let pronoun = a.last == a.first + 1 && matches!(s.low(a.first), "it" | "them" | "they");
        let p = if pronoun {
            a.first
        } else {
            skip_modifiers_left(s, a.first, 6, i)
        };
        let p = over_examples(s, p, i);
        // "under investigation by the SEC over how it booked revenue": a
        // pronoun opening a clause after the preposition is that clause's
        // subject, no object of the noun.
        if matches!(s.low(a.first), "it" | "they")
            && (p..a.first).any(|k| {
                matches!(
                    s.low(k),
                    "how" | "whether" | "why" | "what" | "when" | "where" | "if"
                )
            })
        {
            continue;
        }
        let prep_at = if p > i && preps.iter().any(|w| w == s.low(p - 1)) {
            Some(p - 1)
        } else if p > i + 1 && preps.iter().any(|w| w == s.low(p - 2)) && s.tokens[p - 1].cap {
            // "to U.S. defense agencies": one capitalised modifier.
            Some(p - 2)
        } else {
            None
        };
        let Some(at) = prep_at else { continue };
        // "provided software that enabled referrals to the FBI": the
        // preposition belongs to the relative clause's verb (unless a comma
        // closed the clause: "sell X, a unit that cleans sites, to Y").
        if (i..at).any(|k| {
            matches!(s.low(k), "that" | "which" | "who")
                && k + 1 < at
                && !(k..at).any(|q| s.low_is(q, ","))
                && s.tokens[k + 1].kind == TokKind::Word
                && (finite_verb(s.low(k + 1)) || s.low(k + 1).ends_with('s'))
                && !matches!(s.low(k + 1), "also" | "is" | "was" | "are" | "were")
        }) {
            continue;
        }
        // "The acquisition is subject to approval of the Fed": a phrase in
        // the predicate of a noun that is the subject is the predicate's
        // (not "the contract is with the Navy").
        if (i..at).any(|k| {
            matches!(
                s.low(k),
                "subject" | "conditional" | "contingent" | "similar" | "line" | "pending"
            ) && k > i
                && (BE.contains(&s.low(k - 1)) || s.low_is(k - 1, "in") || s.low_is(k - 1, ","))
        }) {
            continue;
        }
        // "according to X" names a source, not a party; "on behalf of X"
        // the one acted for; "the Swedish equivalent of the IRS" another
        // body.
        if at > 0
            && ((s.low_is(at, "to") && s.low_is(at - 1, "according"))
                || (s.low_is(at, "of")
                    && matches!(s.low(at - 1), "behalf" | "equivalent" | "counterpart")))
        {
            continue;
        }
        // An infinitive "to" is no preposition.
        if s.low_is(at, "to") && at + 1 < s.last && INFINITIVES.contains(s.low(at + 1)) {
            continue;
        }
        // "held above six pct, said Williams of Bankers Trust": a speaker's
        // affiliation is no object of the trigger.
        if (i..at).any(|k| crate::ner::SAY_VERBS.contains(s.low(k))) {
            continue;
        }
        // "cited the X acquisition as the foundation of Google's monopoly":
        // a phrase after "as" is a role, its preposition not the noun's.
        if (i..at).any(|k| s.low_is(k, "as") && matches!(s.low(k + 1), "the" | "a" | "an")) {
            continue;
        }
        // "an order to provide engines for three Airbus A310 aircraft": a
        // count before a firm's name counts its products, it names no party
        // ("for two Navy ships" are the Navy's; "an order for 70 Boeing
        // planes" is placed with Boeing).
        if s.low_is(at, "for")
            && s.args[ai].kind != EntityKind::Agency
            && !matches!(s.low(at - 1), "order" | "orders" | "contract" | "contracts")
            && (at + 1..a.first)
                .any(|k| s.tokens[k].kind == TokKind::Number || number_word(s.low(k)))
        {
            continue;
        }
        // "won a contract for a plant run by X": the "by" phrase is the
        // participle's (an order "placed by X" is still the customer's).
        if s.low_is(at, "by")
            && at > i + 1
            && is_participle(s.low(at - 1))
            && !matches!(
                s.low(at - 1),
                "placed" | "awarded" | "issued" | "granted" | "signed" | "let" | "made"
            )
        {
            continue;
        }
        match head_of_phrase(s, ai, false, allowed_next) {
            Ok(h) if Some(h) != exclude => return Some(h),
            _ => continue,
        }
    }
    None
}

/// Where a group's noun phrase starts when the names at `p` are its
/// examples: "to 12 vendors including Deloitte", "with firms such as IBM",
/// "to several companies, including Leidos". The group is a plain
/// lowercase noun with its modifiers; otherwise `p`.
fn over_examples(s: &Sent<'_>, p: usize, lo: usize) -> usize {
    let mut q = p;
    if q > lo + 1 && s.low_is(q - 1, "including") {
        q -= 1;
    } else if q > lo + 2 && s.low_is(q - 1, "as") && s.low_is(q - 2, "such") {
        q -= 2;
    } else {
        return p;
    }
    if q > lo + 1 && s.low_is(q - 1, ",") {
        q -= 1;
    }
    if q <= lo || !plain_word(s, q - 1) || finite_verb(s.low(q - 1)) {
        return p;
    }
    let start = skip_modifiers_left(s, q, 6, lo);
    if start < q { start } else { p }
}

/// Expand a mention into the list it heads: "A, B and C".
fn list_right(s: &Sent<'_>, ai: usize) -> Vec<usize> {
    list_right_with(s, ai, false)
}

/// [`list_right`]; with `described`, a member may follow a short lowercase
/// description ("between Suez and water firm Aguas Argentinas"). Only a
/// pair after "between" is read so: in a longer list a description often
/// states a relation of its own ("Gazprom, its unit Gazpromneft").
fn list_right_with(s: &Sent<'_>, ai: usize, described: bool) -> Vec<usize> {
    let mut out = vec![ai];
    let mut cur = ai;
    loop {
        let a = s.args[cur];
        let mut k = a.last;
        let mut saw_joiner = false;
        while k < s.last && (LIST_JOINERS.contains(&s.low(k)) || s.low_is(k, "the")) {
            if !s.low_is(k, "the") {
                saw_joiner = true;
            }
            k += 1;
        }
        if !saw_joiner {
            break;
        }
        // "and Argentina's Enarsa": over a possessive place name.
        if s.arg_starting(k).is_none()
            && k + 2 < s.last
            && s.tokens[k].cap
            && s.arg_at(k).is_none()
            && s.tokens[k + 1].kind == TokKind::Possessive
        {
            k += 2;
        }
        // "and water firm Aguas Argentinas", "and chipmaker Intel": over a
        // short lowercase description of the next member.
        if described && s.arg_starting(k).is_none() {
            k = skip_description(s, k);
        }
        // "Parsons and a small Dayton engineering firm, Sable Ridge
        // Engineering,": over a description in apposition to the member.
        if s.arg_starting(k).is_none() && matches!(s.low(k), "a" | "an") {
            if let Some(q) = (k + 2..s.last.min(k + 8))
                .take_while(|&q| s.tokens[q].kind == TokKind::Word || s.low_is(q, ","))
                .find(|&q| s.low_is(q, ","))
            {
                let firm_noun = matches!(
                    s.low(q - 1),
                    "firm"
                        | "company"
                        | "maker"
                        | "contractor"
                        | "startup"
                        | "start-up"
                        | "supplier"
                        | "business"
                        | "group"
                );
                let closed = s
                    .arg_starting(q + 1)
                    .is_some_and(|n| s.args[n].last < s.last && s.low_is(s.args[n].last, ","));
                if firm_noun && closed && (k + 1..q).all(|p| s.arg_at(p).is_none()) {
                    k = q + 1;
                }
            }
        }
        match s.arg_starting(k) {
            // ", and Amazon has a stake": a new clause, not a list member;
            // nor ", the Kestrel newspaper said": the source of the report.
            Some(next)
                if s.args[next].last < s.last
                    && (a.last..k).any(|q| s.low_is(q, ","))
                    && (finite_verb(s.low(s.args[next].last)) || {
                        let end = s.args[next].last;
                        (end..(end + 3).min(s.last))
                            .take_while(|&q| s.tokens[q].kind == TokKind::Word)
                            .any(|q| matches!(s.low(q), "said" | "says" | "reported"))
                    }) =>
            {
                break;
            }
            // "acquired by GE and ABC was merged into X": a passive's agent
            // ends its clause.
            Some(next) if out.len() == 1 && passive_agent(s, ai) && opens_clause(s, next) => {
                break;
            }
            Some(next) if next != cur => {
                // "Vodafone and Deutsche Telekom's T-Mobile": the head.
                let head = head_of_phrase(s, next, false, &[]).unwrap_or(next);
                // ", and Colonial's unit, New Holland, to be merged into":
                // an apposed head set off before an infinitive is that
                // infinitive's subject (not "selected A and B to develop").
                let e = s.args[head].last;
                if head != next
                    && e + 2 < s.last
                    && s.low_is(e, ",")
                    && s.low_is(e + 1, "to")
                    && INFINITIVES.contains(s.low(e + 2))
                {
                    break;
                }
                out.push(head);
                cur = head;
            }
            _ => break,
        }
    }
    out
}

/// The start of the name that a short lowercase description at `k`
/// introduces ("water firm Aguas Argentinas", "rival carrier Iberia"), or
/// `k` when none does: one to three lowercase words, none a verb, a
/// preposition or a conjunction, right before a name.
fn skip_description(s: &Sent<'_>, k: usize) -> usize {
    let mut q = k;
    while q < s.last && q < k + 3 {
        let t = &s.tokens[q];
        let w = s.low(q);
        if t.kind != TokKind::Word
            || t.cap
            || !is_modifier(s, q)
            || DETERMINERS.contains(w)
            || crate::ner::verb_like(w)
        {
            break;
        }
        q += 1;
    }
    if q > k && s.arg_starting(q).is_some() {
        q
    } else {
        k
    }
}

fn list_left(s: &Sent<'_>, ai: usize) -> Vec<usize> {
    let mut out = vec![ai];
    let mut cur = ai;
    loop {
        let a = s.args[cur];
        let mut k = a.first;
        let mut saw_joiner = false;
        let mut saw_conjunction = false;
        while k > s.first && (LIST_JOINERS.contains(&s.low(k - 1)) || s.low_is(k - 1, "the")) {
            if !s.low_is(k - 1, "the") {
                saw_joiner = true;
                saw_conjunction |= !s.low_is(k - 1, ",");
            }
            k -= 1;
        }
        // The last member is joined by a conjunction: "Apple, Google and
        // Microsoft"; a comma alone before a subject ends another phrase
        // ("After talks with Apple, Microsoft signed").
        if !saw_joiner {
            break;
        }
        // "The General Services Administration (GSA) and Microsoft": over
        // the acronym in brackets after the name.
        if k > s.first + 2 && s.low_is(k - 1, ")") && s.arg_ending(k).is_none() {
            if let Some(open) = (k.saturating_sub(5).max(s.first + 1)..k - 1)
                .rev()
                .find(|&q| s.low_is(q, "("))
            {
                if s.arg_ending(open).is_some() {
                    k = open;
                }
            }
        }
        match s.arg_ending(k) {
            // A headline's "Argentina, Venezuela in oil deal" opens the
            // sentence.
            Some(prev) if out.len() == 1 && !saw_conjunction && s.args[prev].first > s.first => {
                break;
            }
            // "RCA was acquired by GE and ABC was merged into X": a passive's
            // agent ends that clause; the name before a verb opens another.
            Some(prev) if out.len() == 1 && passive_agent(s, prev) && opens_clause(s, cur) => {
                break;
            }
            Some(prev) if prev != cur => {
                out.push(prev);
                cur = prev;
            }
            _ => break,
        }
    }
    out
}

/// Whether mention `a` is a passive's agent: "acquired by (the) A".
fn passive_agent(s: &Sent<'_>, a: usize) -> bool {
    let k = skip_dets_left(s, s.args[a].first);
    k > s.first + 1 && s.low_is(k - 1, "by") && is_participle(s.low(k - 2))
}

/// Whether a verb follows mention `a`: it is the subject of a clause.
fn opens_clause(s: &Sent<'_>, a: usize) -> bool {
    let end = s.args[a].last;
    end < s.last && {
        let w = s.low(end);
        BE.contains(&w) || AUXILIARIES.contains(w) || finite_verb(w)
    }
}

/// The patient of a noun or appositive rule that names one of the rule's
/// required words right after it, which it premodifies or owns: "a protest
/// of the Army contract", "the prime contractor on the Navy's network".
fn patient_before_required(cx: &Trig<'_, '_>, exclude: Option<usize>) -> Option<usize> {
    let (s, rule) = (cx.s, cx.rule());
    object_with(
        cx.rules,
        s,
        cx.t1,
        &rule.patient_preps,
        rule.max_gap,
        exclude,
        &rule.requires,
    )
    .filter(|&p| {
        let end = s.args[p].last;
        has_required(rule, s, end, (end + 4).min(s.last))
    })
}

fn has_required(rule: &RuleSpec, s: &Sent<'_>, from: usize, to: usize) -> bool {
    if rule.requires.is_empty() {
        return true;
    }
    let to = to.min(s.last);
    (from..to).any(|k| rule.requires.iter().any(|w| w == s.low(k)))
}

/// Status of a statement from cues in its clause before the trigger.
fn status(rules: &Rules, s: &Sent<'_>, trigger: usize, end: usize, rule: &RuleSpec) -> Status {
    let clause = clause_start(rules, s, trigger).max(s.first);
    // A cue before a subordinator belongs to another clause: "talks after
    // X bought".
    let mut start = clause;
    for k in (clause..trigger).rev() {
        if SUBORDINATORS.contains(s.low(k)) {
            start = k + 1;
            break;
        }
    }
    let hedged = |from: usize, to: usize| -> bool {
        (from..to).any(|k| {
            rules.hedges.at(s, k)
                && !backshifted_will(rules, s, k)
                && !announced_deal(s, k, trigger, rule)
        })
    };
    // "plans to raise its 10 pct stake in X", "thinking of moving its
    // subsidiary X": whatever is planned, what the possessive names is held.
    if presupposed_holding(s, trigger, rule) {
        return if reported(rules, s, trigger) {
            Status::Reported
        } else {
            Status::Asserted
        };
    }
    let negation = (start.max(trigger.saturating_sub(7))..trigger)
        .rev()
        .find(|&k| rules.negation.at(s, k));
    if let Some(cue) = negation {
        if !ruled_on_dispute(s, cue, trigger, rule) {
            return Status::Negated;
        }
    }
    // "showed no contract with Amazon", "no formal agreement with": a noun
    // under "no" (not "no-bid") is denied.
    if rule.form == Form::Noun
        && (trigger.saturating_sub(2).max(s.first)..trigger)
            .any(|k| s.low_is(k, "no") && !s.low_is(k + 1, "-"))
    {
        return Status::Negated;
    }
    let mut st = Status::Asserted;
    if let Some(forced) = rule.status {
        st = forced;
    } else if hedged(start.max(trigger.saturating_sub(12)), trigger)
        || sought_noun(s, trigger, rule)
        || talked_noun(s, end, rule)
    {
        st = Status::Hedged;
    }
    if st == Status::Asserted && reported(rules, s, trigger) {
        st = Status::Reported;
    }
    st
}

/// Whether a reporting cue of the sentence covers the statement at
/// `trigger`. A reporting verb after the trigger whose subject holds it
/// does not: "Kestrel, a Navy contractor, said profits rose", "the Navy's
/// supplier Kestrel told Reuters", nor one coordinated after it: "Halvorsen
/// bought Kestrel and said ...". One after a comma that closes the
/// statement's clause does: "Halvorsen bought Kestrel, the company said".
fn reported(rules: &Rules, s: &Sent<'_>, trigger: usize) -> bool {
    (s.first..s.last).any(|k| rules.reporting.at(s, k) && !subject_holds(s, trigger, k))
}

/// Whether the reporting verb at `cue`, after `trigger`, is the predicate
/// of a subject phrase (or of a coordinated verb) that holds the trigger.
fn subject_holds(s: &Sent<'_>, trigger: usize, cue: usize) -> bool {
    if cue <= trigger {
        return false;
    }
    // A cue in a relative clause after the statement reports something
    // else: "a stake in AOL Europe, which it had reported as revenue",
    // "bought Kestrel, which said profits rose".
    // (Not one after the relative clause: "..., in which Regal tried to
    // buy Bell, the company said".)
    if let Some(rel) = (trigger + 1..cue).find(|&q| matches!(s.low(q), "which" | "who")) {
        return !(rel..cue).any(|q| s.low_is(q, ","));
    }
    // ("Kestrel, which supplies the Navy, reported record revenue".)
    if !matches!(
        s.low(cue),
        "said" | "says" | "told" | "claimed" | "reported" | "reports"
    ) {
        return false;
    }
    // Over auxiliaries and adverbs before the verb: "has said", "also told".
    let mut end = cue;
    while end > trigger + 1
        && (AUXILIARIES.contains(s.low(end - 1)) || matches!(s.low(end - 1), "also" | "later"))
    {
        end -= 1;
    }
    let gap = trigger + 1..end;
    if gap.clone().any(|q| finite_verb(s.low(q))) {
        return false;
    }
    // Whether the phrase at token `k` opens the sentence, over determiners
    // and a word set off by a comma ("Earlier, Kestrel, a unit of ..."):
    // "The sale destroyed Yukos, once the owner of Yugansk, said its
    // founder" is a report.
    let opens = |k: usize| {
        !(s.first..k).any(|q| {
            (q != trigger && finite_verb(s.low(q))) || (s.low_is(q, ",") && q != s.first + 1)
        })
    };
    // Whether the name at `k` opens the sentence, over determiners, a
    // wire's bracket and a first word set off by a comma ("Earlier,").
    let starts = |k: usize| {
        let mut j = skip_dets_left(s, k);
        if j > s.first && s.low_is(j - 1, "<") {
            j -= 1;
        }
        opens(j)
            && (j == s.first
                || (j == s.first + 2 && s.low_is(j - 1, ","))
                || (j == s.first + 1 && matches!(s.low(s.first), "but" | "and")))
    };
    // "and" outside a name: "Halvorsen bought Kestrel and said".
    let and = gap
        .clone()
        .any(|q| s.low_is(q, "and") && s.arg_at(q).is_none());
    let commas: Vec<usize> = gap.clone().filter(|&q| s.low_is(q, ",")).collect();
    match commas.as_slice() {
        [] => and || opens(trigger),
        // "Halvorsen bought Kestrel, and said".
        [c] if *c + 1 < end && s.low_is(c + 1, "and") => true,
        // An apposition closing right before the verb, opened after a name:
        // "Kestrel, a longtime Navy contractor, said".
        [c] if *c + 1 == end => (s.first..trigger)
            .rev()
            .find(|&q| s.low_is(q, ","))
            .is_some_and(|a| {
                a > s.first
                    && (s.arg_ending(a).is_some() || s.low_is(a - 1, ">"))
                    && s.arg_ending(a).is_none_or(|n| starts(s.args[n].first))
            }),
        _ => false,
    }
}

/// Whether a negation cue at `cue` is a ruling on the dispute noun at
/// `trigger`: "the GAO denied a protest by Oracle", "the judge dismissed
/// Apex's lawsuit". The protest or lawsuit was filed; what the cue denies is
/// its claim, not that the parties are in dispute. Only determiners,
/// modifiers and names may stand between ("denied filing a protest" stays
/// negated).
fn ruled_on_dispute(s: &Sent<'_>, cue: usize, trigger: usize, rule: &RuleSpec) -> bool {
    if rule.kind != RelationKind::Dispute || rule.form != Form::Noun {
        return false;
    }
    let mut k = cue + 1;
    match s.low(cue) {
        "denied" | "rejected" | "dismissed" | "rebuffed" => {}
        "turned" if k < trigger && s.low_is(k, "down") => k += 1,
        _ => return false,
    }
    (k..trigger).all(|q| {
        s.arg_at(q).is_some()
            || (is_modifier(s, q)
                && !matches!(s.low(q), "to" | "filing" | "bringing" | "any" | "no"))
    })
}

/// Whether the trigger is a stake noun that a possessive determiner
/// presupposes: "its current 10 pct stake", "their 4.9 pct holding", "its
/// stake". Not "a stake", nor a stake to be taken ("its planned stake").
/// Also a unit a possessive names ("its subsidiary X").
fn presupposed_holding(s: &Sent<'_>, trigger: usize, rule: &RuleSpec) -> bool {
    // Likewise "was thinking of moving its listed property subsidiary X":
    // the possessive presupposes the unit, whatever is planned for it.
    if rule.kind == RelationKind::PartOf
        && matches!(rule.form, Form::Noun | Form::Possessive)
        && rule.status.is_none()
    {
        let k = skip_np_left(s, trigger, 4, s.first);
        return (k..trigger).any(|q| matches!(s.low(q), "its" | "their"))
            && !(k..trigger).any(|q| {
                matches!(
                    s.low(q),
                    "planned" | "proposed" | "new" | "future" | "would-be" | "prospective"
                )
            });
    }
    if rule.kind != RelationKind::Investment
        || rule.form != Form::Noun
        || rule.status.is_some()
        || !matches!(s.low(trigger), "stake" | "shareholding" | "holding")
    {
        return false;
    }
    let lo = trigger.saturating_sub(8).max(s.first);
    for k in (lo..trigger).rev() {
        let w = s.low(k);
        if matches!(w, "its" | "their") {
            return true;
        }
        let number = w
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b'/' || b == b'-');
        if !(number
            || matches!(
                w,
                "pct"
                    | "%"
                    | "percent"
                    | "per"
                    | "cent"
                    | "current"
                    | "existing"
                    | "present"
                    | "minority"
                    | "equity"
                    | "direct"
                    | "indirect"
                    | "remaining"
                    | "entire"
                    | "common"
                    | "voting"
            ))
        {
            return false;
        }
    }
    false
}

/// Whether the deal noun ending before `end` only names what is talked
/// about or proposed: "held merger talks with", "a takeover proposal from",
/// "partnership negotiations", "a takeover bid by".
fn talked_noun(s: &Sent<'_>, end: usize, rule: &RuleSpec) -> bool {
    rule.form == Form::Noun
        && rule.kind != RelationKind::Dispute
        && end < s.last
        && matches!(
            s.low(end),
            "talks"
                | "negotiations"
                | "discussions"
                | "proposal"
                | "proposals"
                | "plan"
                | "plans"
                | "speculation"
                | "rumours"
                | "rumors"
                | "approach"
                | "overtures"
                // A bid or offer is an attempt: "fighting a takeover bid by
                // Varrow", "a merger offer from".
                | "bid"
                | "bids"
                | "offer"
                | "offers"
                | "attempt"
                | "battle"
        )
}

/// Whether the trigger noun is what someone seeks or wants: "is seeking a
/// broad-based cooperation agreement with", "wants a merger with". Only
/// determiners, modifiers and hyphens stand between, so "seeking damages in
/// a lawsuit" is not one; a dispute sought ("seeks an injunction against")
/// is already a dispute.
fn sought_noun(s: &Sent<'_>, trigger: usize, rule: &RuleSpec) -> bool {
    if rule.kind == RelationKind::Dispute {
        return false;
    }
    let from = trigger.saturating_sub(6).max(s.first);
    let Some(v) = (from..trigger).rev().find(|&k| {
        matches!(
            s.low(k),
            "seek" | "seeks" | "seeking" | "sought" | "want" | "wants" | "wanted" | "wanting"
        )
    }) else {
        return false;
    };
    (v + 1..trigger).all(|k| {
        let w = s.low(k);
        w == "-"
            || (w.chars().all(|c| c.is_alphanumeric() || c == '-')
                && !matches!(
                    w,
                    "in" | "for" | "with" | "from" | "of" | "to" | "by" | "on" | "and" | "or"
                ))
    })
}

/// Whether the "would" at `k` is reported speech's "will", not a
/// conditional: "X said it would buy Y", "announced that they would".
fn backshifted_will(rules: &Rules, s: &Sent<'_>, k: usize) -> bool {
    if !s.low_is(k, "would") || k < s.first + 2 {
        return false;
    }
    // The subject: a pronoun or a mention ending right before "would".
    let subject_start = if matches!(s.low(k - 1), "it" | "they" | "he" | "she" | "we") {
        Some(k - 1)
    } else {
        s.args.iter().find(|a| a.last == k).map(|a| a.first)
    };
    let Some(mut v) = subject_start else {
        return false;
    };
    if v > s.first && s.low_is(v - 1, "that") {
        v -= 1;
    }
    // Over when and where it was said: "said on Friday it would", "said
    // in a statement that it would".
    let lo = v.saturating_sub(5).max(s.first);
    while v > lo && said_when(s, v - 1) {
        v -= 1;
    }
    v > s.first && crate::ner::SAY_VERBS.contains(s.low(v - 1)) && !rules.hedges.at(s, v - 1)
}

/// Whether token `k` belongs to a phrase of time or channel after a verb
/// of saying: "on Friday", "late yesterday", "in a statement".
fn said_when(s: &Sent<'_>, k: usize) -> bool {
    let w = s.low(k);
    crate::ner::is_month(w) || s.tokens[k].kind == TokKind::Number || crate::ner::said_when_word(w)
}

/// Whether the hedge cue at `k` is "proposed" or "planned" used as an
/// adjective of the trigger noun: "its proposed acquisition of X", "the
/// planned 225 mln dlr merger". Such a deal is announced, not speculated
/// about. The verb still hedges: "Rainbow has proposed a merger with X",
/// "proposed to buy".
fn announced_deal(s: &Sent<'_>, k: usize, trigger: usize, rule: &RuleSpec) -> bool {
    rule.form == Form::Noun
        && matches!(
            rule.kind,
            RelationKind::Acquisition | RelationKind::Partnership
        )
        && matches!(s.low(k), "proposed" | "planned")
        && k < trigger
        && (k + 1..trigger).all(|q| is_modifier(s, q) && !DETERMINERS.contains(s.low(q)))
        && (k == s.first
            || s.tokens[k - 1].kind == TokKind::Possessive
            || !(BE.contains(&s.low(k - 1))
                || matches!(
                    s.low(k - 1),
                    "has" | "have" | "had" | "it" | "they" | "he" | "she" | "we" | "who" | "which"
                )
                || (s.args.iter().any(|a| a.last == k)
                    && !matches!(s.low(k - 1), "its" | "their"))))
}

fn kind_ok(kinds: &[EntityKind], k: EntityKind) -> bool {
    kinds.is_empty() || kinds.contains(&k)
}

fn push(cx: &Trig<'_, '_>, agent: usize, patient: usize, out: &mut Vec<Found>) {
    push_args(cx, cx.s.args[agent], cx.s.args[patient], out);
}

/// Push without the agency kind switch (symmetric framings: "Qatar and
/// Shell in gas deal" stays a partnership).
fn push_plain(cx: &Trig<'_, '_>, agent: usize, patient: usize, out: &mut Vec<Found>) {
    push_kind(cx, cx.s.args[agent], cx.s.args[patient], false, out);
}

fn push_args(cx: &Trig<'_, '_>, a: Arg, p: Arg, out: &mut Vec<Found>) {
    push_kind(cx, a, p, true, out);
}

fn push_kind(cx: &Trig<'_, '_>, a: Arg, p: Arg, agency_switch: bool, out: &mut Vec<Found>) {
    let rule = cx.rule();
    if a.entity == p.entity
        || !kind_ok(&rule.agent_kinds, a.kind)
        || !kind_ok(&rule.patient_kinds, p.kind)
        || (!rule.agent_words.is_empty()
            && !(a.first..a.last).any(|k| rule.agent_words.iter().any(|w| w == cx.s.low(k))))
    {
        return;
    }
    let (mut src, mut tgt) = match rule.source {
        Role::Agent => (a, p),
        Role::Patient => (p, a),
    };
    let mut kind = rule.kind;
    if let Some(k) = rule.majority_kind {
        let (lo, hi) = (cx.t1.min(p.first), p.first.max(cx.t1));
        let majority = (lo..hi).any(|q| {
            let next = cx.s.low((q + 1).min(cx.s.last - 1));
            // ("over 50 pct", "more than 50%": above half too.)
            let above = q > cx.s.first && matches!(cx.s.low(q - 1), "over" | "than" | "above");
            (cx.s.tokens[q].kind == TokKind::Number
                && matches!(next, "%" | "percent" | "per" | "pct")
                && cx
                    .s
                    .low(q)
                    .parse::<f64>()
                    .is_ok_and(|v| v > 50.0 || (above && v >= 50.0)))
                // "bought a majority stake in X", "a controlling interest".
                || (matches!(cx.s.low(q), "majority" | "controlling")
                    && matches!(next, "stake" | "interest" | "holding" | "shareholding"))
                // "to purchase a majority of Martin's common".
                || (cx.s.low_is(q, "majority") && next == "of")
        });
        // "to buy the stock of X", "acquire all classes of Lin stock": the
        // whole of its stock.
        let t1 = cx.t1;
        let whole_stock = t1 + 1 < cx.s.last
            && p.first > t1
            && ((cx.s.low_is(t1, "the")
                && matches!(
                    cx.s.low(t1 + 1),
                    "stock" | "shares" | "outstanding" | "capital"
                ))
                || (t1..p.first).any(|q| matches!(cx.s.low(q), "all" | "entire")));
        let majority = majority || (rule.form == Form::Verb && whole_stock);
        if majority {
            kind = k;
        }
    }
    // "to buy five McDonnell Douglas Corp MD-11 airliners": a count before
    // the maker's name and a product after it is a purchase of goods from
    // the maker, who supplies the buyer. A noun's buyer is less sure ("40
    // billion lire will go to Alitalia for the purchase of 10 X aircraft"):
    // nothing then.
    // So is a maker's name before a model or a goods noun: "to buy 16
    // 34-seater Saab SF340 aircraft", "TO BUY BOEING 767 AIRCRAFT".
    if kind == RelationKind::Acquisition
        && rule.source == Role::Agent
        && (counted_product(cx.s, p) || names_product(cx.s, p))
    {
        if rule.form != Form::Verb {
            return;
        }
        kind = RelationKind::Contract;
        std::mem::swap(&mut src, &mut tgt);
    }
    // "bought a third of Seagram", "its purchase of half of X": a fraction
    // up to half is a stake, not the firm.
    if kind == RelationKind::Acquisition && p.first > cx.t1 {
        let fraction = (cx.t1..p.first).any(|k| {
            k + 1 < p.first
                && cx.s.low_is(k + 1, "of")
                && matches!(
                    cx.s.low(k),
                    "third"
                        | "quarter"
                        | "fifth"
                        | "sixth"
                        | "tenth"
                        | "half"
                        | "one-third"
                        | "one-quarter"
                        | "one-fifth"
                        | "one-tenth"
                )
                && !(k > cx.s.first && matches!(cx.s.low(k - 1), "two" | "three" | "four"))
        });
        if fraction {
            kind = RelationKind::Investment;
        }
    }
    if let Some(k) = rule.minority_kind {
        if minority_share(cx, p) {
            kind = k;
            std::mem::swap(&mut src, &mut tgt);
        }
    }
    // Money makes a deal a purchase when a government is one side; between
    // two companies it says nothing about who supplies whom.
    let one_agency = (src.kind == EntityKind::Agency) != (tgt.kind == EntityKind::Agency);
    if let (Some(k), true, true) = (rule.money_kind, agency_switch, one_agency) {
        let from = clause_start(cx.rules, cx.s, cx.t0).max(cx.t0.saturating_sub(6));
        let to = clause_end(cx.rules, cx.s, cx.t1).min(cx.t1 + 6);
        if (from..to).any(|k| {
            matches!(
                cx.s.low(k),
                "$" | "\u{a3}" | "\u{20ac}" | "million" | "billion" | "bn" | "mln" | "bln" | "m"
            )
        }) || supply_purpose(cx.s, cx.t1.max(p.last))
        {
            kind = k;
        }
    }
    if let (Some(k), true) = (rule.agency_kind, agency_switch) {
        if (src.kind == EntityKind::Agency) != (tgt.kind == EntityKind::Agency) {
            kind = k;
        }
    }
    // Contracts run from supplier to customer: a government body is the
    // customer of a company whatever the wording; but a sale wording
    // (`names_seller`) says who sells, and a country sells too ("bought oil
    // from Saudi Arabia").
    if kind == RelationKind::Contract
        && src.kind == EntityKind::Agency
        && tgt.kind != EntityKind::Agency
        && !(src.nation && rule.names_seller)
    {
        std::mem::swap(&mut src, &mut tgt);
    }
    // No one takes a stake in a government body: "investment prospects in
    // China", "a stake in a U.S.-based firm" name a place, not an investee.
    if kind == RelationKind::Investment && tgt.kind == EntityKind::Agency {
        return;
    }
    // A pronoun that reached a regulator or other body (not a government
    // as a whole, nor a holder such as an investment office) buys nothing: in "said in a filing with the SEC that it
    // holds 28 pct", "notified the FTC of its intent to buy", "received Fed
    // approval for its acquisition of X" the pronoun is the filer's.
    if matches!(kind, RelationKind::Investment | RelationKind::Acquisition)
        && src.kind == EntityKind::Agency
        && !src.nation
        && !src.holder
        && matches!(cx.s.low(src.first), "it" | "its")
    {
        return;
    }
    out.push(Found {
        rule: cx.ri,
        kind,
        source: src.entity,
        target: tgt.entity,
        status: status(cx.rules, cx.s, cx.t0, cx.t1, rule),
        trigger_first: cx.t0,
        trigger_last: cx.t1,
    });
}

/// Forms of the verbs that say one side supplies the other.
static SUPPLY_VERBS: WordSet = WordSet::new(&[
    "provide",
    "provides",
    "supply",
    "supplies",
    "sell",
    "sells",
    "deliver",
    "delivers",
    "offer",
    "offers",
    "furnish",
    "furnishes",
]);

/// Whether the words right after `from` give a deal the purpose of a
/// supply: "an agreement with the Navy to provide spare parts", "under
/// which the company will sell its software to federal agencies", "for the
/// supply of radios".
fn supply_purpose(s: &Sent<'_>, from: usize) -> bool {
    let end = s.last.min(from + 10);
    let mut k = from;
    while k + 1 < end {
        let next = s.low(k + 1);
        match s.low(k) {
            "." | ";" | ":" => return false,
            // ("to sell its 10 pct stake" is a sale of shares.)
            "to" if SUPPLY_VERBS.contains(next) => {
                let to = s.last.min(k + 7);
                return !(k + 2..to).any(|q| {
                    matches!(
                        s.low(q),
                        "stake" | "shares" | "stock" | "interest" | "holding"
                    )
                });
            }
            "for" if next == "the" && k + 3 < s.last => {
                let (noun, of) = (s.low(k + 2), s.low(k + 3));
                return matches!(noun, "supply" | "provision" | "sale" | "delivery") && of == "of";
            }
            // "under which X will sell": the clause names the supplier's duty.
            "under" if next == "which" => {
                let stop = s.last.min(k + 9);
                return (k + 2..stop.saturating_sub(1)).any(|q| {
                    matches!(s.low(q), "will" | "would" | "to" | "shall")
                        && SUPPLY_VERBS.contains(s.low(q + 1))
                });
            }
            _ => {}
        }
        k += 1;
    }
    false
}

/// Whether the name `p` stands between a count and the product counted:
/// "five McDonnell Douglas Corp <MD.N> MD-11 wide-bodied airliners", "15
/// Boeing Co 767-300 planes"; not "2001 Distributors Inc of West Babylon".
fn counted_product(s: &Sent<'_>, p: Arg) -> bool {
    if p.first <= s.first {
        return false;
    }
    let count = s.low(p.first - 1);
    let is_count = (s.tokens[p.first - 1].kind == TokKind::Number
        && count.bytes().all(|b| b.is_ascii_digit()))
        || number_word(count)
        || matches!(count, "several" | "more");
    if !is_count {
        return false;
    }
    // Past a wire ticker: "<MD.N>".
    let mut k = p.last;
    if k < s.last && s.low_is(k, "<") {
        while k < s.last && !s.low_is(k, ">") {
            k += 1;
        }
        k += 1;
    }
    if k >= s.last {
        return false;
    }
    let w = s.low(k);
    let t = &s.tokens[k];
    // A model number or a lowercase noun: not a preposition, a verb's
    // particle or punctuation.
    let model = t.kind == TokKind::Number
        || w.bytes().any(|b| b.is_ascii_digit())
        || (k + 2 < s.last && s.low_is(k + 1, "-") && s.tokens[k + 2].kind == TokKind::Number);
    let noun = t.kind == TokKind::Word
        && !t.cap
        && !PREPOSITIONS.contains(w)
        && !matches!(w, "and" | "or" | "for" | "said" | "says" | "which" | "that");
    model || noun
}

/// Whether a share of at most 50% is stated as ownership around the
/// trigger: "36-1/2 pct owned by", "its 49.7 pct owned X affiliate", or
/// between the trigger and the patient ("owns 40 pct of X"); not "an
/// offering of 18 pct of its wholly owned unit".
fn minority_share(cx: &Trig<'_, '_>, p: Arg) -> bool {
    let s = cx.s;
    let before = cx.t0.saturating_sub(6).max(s.first)..cx.t1;
    let between = cx.t1..p.first.max(cx.t1);
    // "is owned 25 pct by X": the share right after a passive trigger.
    let right = cx.t1..(cx.t1 + 3).min(s.last);
    let by_follows = |q: usize| {
        (q + 2..(q + 5).min(s.last)).any(|k| s.low_is(k, "by"))
            && (q + 1..(q + 4).min(s.last)).any(|k| matches!(s.low(k), "%" | "percent" | "pct"))
    };
    for q in before
        .chain(between)
        .chain(right.filter(|&q| q >= p.first.max(cx.t1) && by_follows(q)))
    {
        let after = q >= cx.t1;
        if s.tokens[q].kind != TokKind::Number {
            continue;
        }
        // "36-1/2 pct": the whole part before the fraction.
        let unit = if s.low_is((q + 1).min(s.last - 1), "-") {
            q + 3
        } else {
            q + 1
        };
        if unit >= s.last || !matches!(s.low(unit), "%" | "percent" | "pct") {
            continue;
        }
        let owned = after
            || (unit + 1..(unit + 3).min(s.last))
                .any(|k| matches!(s.low(k), "owned" | "held" | "controlled"));
        if !owned {
            continue;
        }
        return s.low(q).parse::<f64>().is_ok_and(|v| v <= 50.0);
    }
    false
}

/// Whether the passive at `t0` is a relative clause on a common noun: "a
/// controversial measure that has been rejected by the European
/// Parliament" rejects the measure, no name before it.
fn relative_of_common_noun(s: &Sent<'_>, t0: usize) -> bool {
    let mut k = t0;
    while k > s.first
        && (BE.contains(&s.low(k - 1))
            || AUXILIARIES.contains(s.low(k - 1))
            || matches!(s.low(k - 1), "not" | "also" | "since" | "now")
            || s.low(k - 1).ends_with("ly"))
    {
        k -= 1;
    }
    if k == t0 || k <= s.first || !matches!(s.low(k - 1), "that" | "which") {
        return false;
    }
    let mut j = k - 1;
    if j > s.first && s.low_is(j - 1, ",") {
        j -= 1;
    }
    // An offer rejected is its bidder's: "Deutsche Boerse offered 1.3bn,
    // which was rejected by the LSE".
    let noun = s.low(j - 1);
    j > s.first
        && s.arg_ending(j).is_none()
        && s.tokens[j - 1].kind == TokKind::Word
        && !s.tokens[j - 1].cap
        && !noun.bytes().any(|b| b.is_ascii_digit())
        // A sum ("1.3bn pounds, which was rejected") is an offer too.
        && !(j > s.first + 1 && s.low(j - 2).bytes().any(|b| b.is_ascii_digit()))
        && !matches!(
            noun,
            "offer" | "offers" | "bid" | "bids" | "proposal" | "proposals" | "approach"
        )
}

fn is_passive(s: &Sent<'_>, t0: usize) -> bool {
    let mut k = t0;
    let mut steps = 0;
    while k > s.first && steps < 3 {
        let w = s.low(k - 1);
        if BE.contains(&w) {
            return true;
        }
        if !w.ends_with("ly")
            && !matches!(
                w,
                "also" | "not" | "n't" | "been" | "now" | "since" | "then" | "later"
            )
        {
            return false;
        }
        k -= 1;
        steps += 1;
    }
    false
}

/// The mention after one of `preps` ("by" for passives) close to the
/// trigger, over a few lowercase modifiers: "by state-controlled oil company X".
fn prep_agent(
    rules: &Rules,
    s: &Sent<'_>,
    t1: usize,
    max_gap: usize,
    preps: &[&str],
) -> Option<usize> {
    let end = window_end(rules, s, t1, max_gap);
    for k in t1..end {
        if preps.contains(&s.low(k)) {
            let mut q = k + 1;
            let limit = (k + 8).min(s.last);
            while q < limit {
                if let Some(a) = s.arg_starting(q) {
                    // "to enjoin X from continuing its offer": a possessive
                    // "its" before a noun is no agent.
                    let r = s.args[a];
                    let determiner = matches!(s.low(r.first), "its" | "their")
                        && r.last == r.first + 1
                        && r.last < s.last
                        && s.tokens[r.last].kind == TokKind::Word
                        && !s.tokens[r.last].cap;
                    return (!determiner).then_some(a);
                }
                // "by the French defence group Thales": a capitalised
                // adjective no name covers, before a lowercase word.
                let adjective = s.tokens[q].cap
                    && s.tokens[q].kind == TokKind::Word
                    && q + 1 < limit
                    && s.tokens[q + 1].kind == TokKind::Word
                    && !s.tokens[q + 1].cap
                    && is_modifier(s, q + 1);
                if let Some(owned) = after_person_possessive(s, q) {
                    return Some(owned);
                }
                if !is_modifier(s, q) && !adjective {
                    break;
                }
                q += 1;
            }
            return None;
        }
        if s.arg_starting(k).is_some() && k > t1 && preps == ["by"] {
            // Another entity before any "by": not a passive agent.
            continue;
        }
    }
    None
}

/// Whether the participle at `t0` follows a common noun it describes, with
/// no form of "be": "created a new company jointly owned by Bull and NEC"
/// says what owns the company, not the clause's subject. An appositive
/// ("Yukos, the oil firm controlled by Menatep") or a name right before the
/// noun ("its Sealy Inc subsidiary owned by") leaves the name as the part.
fn describes_common_noun(s: &Sent<'_>, t0: usize) -> bool {
    if is_passive(s, t0) {
        return false;
    }
    let mut k = t0;
    while k > s.first
        && (s.low(k - 1).ends_with("ly") || matches!(s.low(k - 1), "majority" | "minority"))
        && !s.tokens[k - 1].cap
    {
        k -= 1;
    }
    if k == s.first || s.tokens[k - 1].kind != TokKind::Word || s.tokens[k - 1].cap {
        return false;
    }
    // "is 51 pct owned by", "83 percent owned": a share, not a noun.
    if matches!(s.low(k - 1), "pct" | "percent" | "per" | "cent" | "stake") {
        return false;
    }
    if s.args.iter().any(|a| a.first < k && a.last >= k) {
        return false;
    }
    // The start of the noun phrase: lowercase words back to a determiner.
    let mut start = k - 1;
    while start > s.first {
        let prev = &s.tokens[start - 1];
        let w = s.low(start - 1);
        if DETERMINERS.contains(w) {
            start -= 1;
            break;
        }
        let glued_hyphen = matches!(w, "-" | "/") && !prev.space_before;
        // ("a Japanese autoparts maker": a capitalised word no name covers
        // is a modifier.)
        if (!matches!(prev.kind, TokKind::Word | TokKind::Number) && !glued_hyphen)
            || (prev.cap && s.arg_at(start - 1).is_some())
            || s.arg_ending(start).is_some()
        {
            break;
        }
        // "without violating proprietary processes controlled by X": a
        // preposition or a verb opens the noun phrase.
        if PREPOSITIONS.contains(w) || (w.len() > 4 && w.ends_with("ing")) {
            break;
        }
        start -= 1;
    }
    if start == s.first {
        return true;
    }
    let before = s.low(start - 1);
    let appositive = before == "," && start >= s.first + 2 && s.arg_ending(start - 1).is_some();
    // "Gynex Labs is a joint venture owned by": the noun is the subject's.
    let predicate = BE.contains(&before);
    !appositive && !predicate && s.arg_ending(start).is_none()
}

/// Whether a "by" phrase at token `k` names an agent that is no entity
/// ("by market regulators", "by a group of investors"); not a time ("by
/// the end of the year", "by 2025", "by March") nor a means ("by failing").
fn unnamed_by_agent(s: &Sent<'_>, k: usize) -> bool {
    if k + 1 >= s.last || !s.low_is(k, "by") || s.arg_starting(k + 1).is_some() {
        return false;
    }
    let mut q = k + 1;
    while q + 1 < s.last && matches!(s.low(q), "a" | "an" | "the") {
        q += 1;
    }
    let w = s.low(q);
    // ("by failing to pay": how, not who.)
    s.tokens[q].kind == TokKind::Word
        && s.arg_starting(q).is_none()
        && !w.ends_with("ing")
        && !crate::ner::is_month(w)
        && !matches!(
            w,
            "end"
                | "close"
                | "middle"
                | "mid"
                | "start"
                | "beginning"
                | "time"
                | "then"
                | "now"
                | "year"
                | "year-end"
                | "next"
                | "early"
                | "late"
                | "far"
                | "about"
                | "around"
                | "up"
                | "as"
                | "more"
                | "less"
                | "some"
        )
}

/// A part an indefinite part noun names after its whole: "a subsidiary of
/// Halvorsen, Kestrel Advisers Inc," (one name set off by commas, not a
/// list: "a unit of Halvorsen, Kestrel and Larkspur").
fn part_named_after(cx: &Trig<'_, '_>, out: &mut Vec<Found>) {
    let (rules, s, t0, t1) = (cx.rules, cx.s, cx.t0, cx.t1);
    let rule = cx.rule();
    if rule.kind != RelationKind::PartOf || t0 == s.first || !matches!(s.low(t0 - 1), "a" | "an") {
        return;
    }
    let Some(whole) = object(rules, s, t1, &rule.patient_preps, rule.max_gap, None) else {
        return;
    };
    let after = s.args[whole].last;
    if after + 1 >= s.last || !s.low_is(after, ",") {
        return;
    }
    let Some(part) = s.arg_starting(after + 1) else {
        return;
    };
    let end = s.args[part].last;
    let closed = end >= s.last || matches!(s.low(end), "," | "." | ";");
    let listed = end + 1 < s.last && matches!(s.low(end + 1), "and" | "or");
    if closed && !listed && s.args[part].kind != EntityKind::Agency {
        push(cx, part, whole, out);
    }
}

/// Whether token `k` names shares or other securities held, outside any
/// name ("X common stock", not "Bache Securities Inc").
fn held_paper(s: &Sent<'_>, k: usize) -> bool {
    s.arg_at(k).is_none()
        && matches!(
            s.low(k),
            "stock" | "shares" | "units" | "warrants" | "securities"
        )
}

/// Whether the noun phrase of the deal noun at `t0` is the object of a
/// preposition of contest or of a verb of oversight: "an inquiry into the
/// acquisition", "sued to block the merger", "the FTC approved the
/// takeover". Approving is oversight only for a government body: a firm's
/// shareholders, or the firm, approve their own deals.
fn overseen_deal(rules: &Rules, s: &Sent<'_>, t0: usize) -> bool {
    let lo = t0.saturating_sub(6).max(s.first);
    let Some(k) = (lo..t0)
        .rev()
        .find(|&q| !is_modifier(s, q) || opposing(s.low(q)) || approving(s.low(q)))
    else {
        return false;
    };
    match s.low(k) {
        // ("entered into a merger agreement with X": made, not overseen.)
        "into" => !(k > s.first && s.low(k - 1).starts_with("enter")),
        "over" | "against" => true,
        w if opposing(w) => true,
        w if approving(w) => subject(rules, s, k)
            .is_some_and(|a| s.args[a].kind == EntityKind::Agency || s.args[a].nation),
        _ => false,
    }
}

fn opposing(w: &str) -> bool {
    matches!(
        w,
        "block"
            | "blocked"
            | "blocks"
            | "blocking"
            | "challenge"
            | "challenged"
            | "challenges"
            | "challenging"
            | "investigate"
            | "investigated"
            | "investigates"
            | "investigating"
            | "probe"
            | "probed"
            | "probing"
            | "examine"
            | "examined"
            | "examining"
            | "scrutinize"
            | "scrutinise"
            | "scrutinizing"
            | "scrutinising"
            | "oppose"
            | "opposed"
            | "opposes"
            | "opposing"
            | "vetoed"
            | "veto"
            | "prohibit"
            | "prohibited"
            | "condemn"
            | "condemned"
            | "criticised"
            | "criticized"
    )
}

fn approving(w: &str) -> bool {
    matches!(
        w,
        "approve"
            | "approved"
            | "approves"
            | "approving"
            | "clear"
            | "cleared"
            | "clears"
            | "review"
            | "reviewed"
            | "reviews"
            | "reviewing"
    )
}

/// The agent of a deal noun between a trigger ending at `t1` and its
/// patient: "into the acquisition of X, a radar maker, by Y" gives Y.
fn nested_deal_agent(rules: &Rules, s: &Sent<'_>, t1: usize, patient: usize) -> Option<usize> {
    let p = s.args[patient];
    let deal = (t1..p.first).find(|&k| {
        matches!(
            s.low(k),
            "acquisition" | "merger" | "takeover" | "purchase" | "buyout" | "sale" | "deal"
        ) && k + 1 < p.first
            && s.low_is(k + 1, "of")
    })?;
    if !(deal + 2..p.first).all(|q| is_modifier(s, q)) {
        return None;
    }
    by_agent(rules, s, after_appositive(s, p.last), 4).filter(|&b| b != patient)
}

/// The token after an appositive that opens at `k` ("X, a Dutch maker of
/// radar, by Y" gives the position of "by"); `k` itself when none opens
/// there.
fn after_appositive(s: &Sent<'_>, k: usize) -> usize {
    if k + 2 >= s.last || !s.low_is(k, ",") || !matches!(s.low(k + 1), "a" | "an" | "the") {
        return k;
    }
    for q in k + 2..(k + 14).min(s.last) {
        if s.low_is(q, ",") {
            return q + 1;
        }
        if s.arg_starting(q).is_some() || matches!(s.low(q), ";" | "(" | "\"" | "and") {
            break;
        }
    }
    k
}

fn by_agent(rules: &Rules, s: &Sent<'_>, t1: usize, max_gap: usize) -> Option<usize> {
    prep_agent(rules, s, t1, max_gap, &["by"])
}

fn is_participle(w: &str) -> bool {
    w.ends_with("ed")
        || matches!(
            w,
            "bought"
                | "sold"
                | "won"
                | "taken"
                | "given"
                | "chosen"
                | "built"
                | "held"
                | "led"
                | "sued"
                | "fined"
                | "hit"
                | "struck"
                | "dropped"
                | "run"
                | "owned"
        )
}

fn verb(cx: &Trig<'_, '_>, out: &mut Vec<Found>) {
    let (rules, s, t0, t1) = (cx.rules, cx.s, cx.t0, cx.t1);
    let rule = cx.rule();
    // "rice supply/demand data": a word paired by a slash is a noun.
    if t1 < s.last && s.low_is(t1, "/") && !s.tokens[t1].space_before {
        return;
    }
    if rule.adjacent_agent && (t0 == s.first || s.arg_ending(t0).is_none()) {
        return;
    }
    // "a newly formed Mitel sales division": a participle after "newly"
    // is an adjective.
    if t0 > s.first && s.low_is(t0 - 1, "newly") {
        return;
    }
    // "hedge funds TCI and Atticus", "two funds": a noun, no verb.
    if s.low(t0) == "funds"
        && t0 > s.first
        && matches!(
            s.low(t0 - 1),
            "hedge"
                | "pension"
                | "investment"
                | "mutual"
                | "equity"
                | "wealth"
                | "index"
                | "venture"
                | "private"
                | "activist"
                | "sovereign"
                | "two"
                | "three"
                | "several"
                | "other"
                | "the"
                | "its"
                | "their"
                | "some"
                | "many"
        )
    {
        return;
    }
    // "lost the Army contract to Kestrel": a competition lost to a rival
    // says nothing of a deal the loser held.
    if rule.kind == RelationKind::Contract && matches!(s.low(t0), "lost" | "loses" | "lose") {
        let end = clause_end(rules, s, t1).min(t1 + 10);
        if (t1..end)
            .any(|k| s.low_is(k, "to") && s.arg_starting(skip_dets_right(s, k + 1)).is_some())
        {
            return;
        }
    }
    // "has a Navy contract" holds it; "to have beaten HSBC to the deal":
    // an auxiliary, the verb is what follows.
    if matches!(s.low(t1 - 1), "has" | "had" | "have" | "having") {
        // Over adverbs: "had also awarded it an order".
        let mut q = t1;
        while q < s.last
            && (s.low(q).ends_with("ly")
                || matches!(
                    s.low(q),
                    "also" | "already" | "just" | "not" | "never" | "since" | "yet"
                ))
        {
            q += 1;
        }
        if q < s.last && (is_participle(s.low(q)) || s.low(q).ends_with("en")) {
            return;
        }
    }
    // Passive: a form of "be" before the trigger, or a participle followed
    // by a "by" phrase with no entity in between ("a fallout labelled a
    // supply chain risk by the Pentagon").
    let by = by_agent(rules, s, t1, rule.max_gap);
    let participle = is_participle(s.low(t1 - 1));
    // "is investigating", "are suing", "is awarding": a progressive is
    // active. Not where the subject would be a supplier, where it is mostly
    // no deal ("is offering $90 a share for Cyclops", "was providing
    // documents to the SEC"): there the form of "be" still reads as a
    // passive, which the active rules skip.
    // ("is supplying the Army", with the customer as direct object, is a
    // deal.)
    let progressive = {
        let w = s.low(t0);
        let supplier_subject = rule.kind == RelationKind::Contract
            && rule.source == Role::Agent
            && !rule.patient_preps.is_empty();
        w.len() > 4 && w.ends_with("ing") && !supplier_subject
    };
    // "was awarded a contract by X": a trigger that holds its own form of
    // "be" reads its "by" phrase as the rule says, not as a passive's agent.
    let be_in_trigger = t1 > t0 + 1 && BE.contains(&s.low(t0));
    let passive = !be_in_trigger
        && ((is_passive(s, t0) && !progressive)
            // "the preferred stock held by Nippon": a participle right
            // before "by", whether or not its agent is a name.
            || (participle && t1 < s.last && s.low_is(t1, "by"))
            || by.is_some_and(|b| {
                participle
                    && !s
                        .args
                        .iter()
                        .any(|a| a.first >= t1 && a.last <= s.args[b].first)
                    // "won a contract for a plant run by X": the "by" phrase
                    // is another participle's.
                    && !(t1..s.args[b].first)
                        .any(|k| s.low_is(k + 1, "by") && is_participle(s.low(k)))
            }));
    if (passive && rule.voice == Voice::Active) || (!passive && rule.voice == Voice::Passive) {
        return;
    }
    // "a $60 million help-desk award": a determiner, number or compound
    // before the trigger makes it a noun.
    if t0 > s.first {
        let prev = &s.tokens[t0 - 1];
        let w = s.low(t0 - 1);
        // "a complaint over US support for Boeing": a name governed by a
        // preposition right before the trigger modifies a noun.
        // (Also a capitalised word no mention covers: "over US support".)
        let modifier_start = s.arg_ending(t0).map(|a| s.args[a].first).or_else(|| {
            (prev.kind == TokKind::Word && prev.all_caps && s.arg_at(t0 - 1).is_none())
                .then_some(t0 - 1)
        });
        if let Some(f) = modifier_start {
            if f > s.first
                && matches!(
                    s.low(f - 1),
                    "over" | "for" | "of" | "on" | "about" | "against" | "from" | "into" | "at"
                )
                && !s.low(t0).ends_with("ing")
            {
                return;
            }
        }
        // So does an adjective: "continued financial support for Turkey"
        // (not "continued selling").
        let adjective = matches!(
            w,
            "financial"
                | "technical"
                | "logistical"
                | "logistic"
                | "additional"
                | "operational"
                | "political"
                | "legal"
                | "criminal"
                | "commercial"
                | "industrial"
                | "military"
                | "mutual"
                | "ongoing"
                | "further"
                | "strong"
                | "full"
        ) || (w == "continued" && !s.low(t0).ends_with("ing"));
        // A plural noun agrees with no "-s" verb: "weapons purchases",
        // "arms sales" are nouns.
        let plural_compound = t1 == t0 + 1
            && s.low(t0).ends_with('s')
            && prev.kind == TokKind::Word
            && !prev.cap
            && w.len() > 3
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("us")
            && !w.ends_with("is")
            && !matches!(w, "has" | "was" | "does" | "always" | "perhaps" | "sometimes")
            // ("A group of Fidelity companies owns": the head is singular.)
            && !{
                let mut k = t0 - 1;
                while k > s.first && s.tokens[k - 1].cap {
                    k -= 1;
                }
                k > s.first && s.low_is(k - 1, "of")
            };
        if matches!(
            w,
            "a" | "an" | "the" | "this" | "that" | "its" | "their" | "-" | "$" | "%"
        ) || prev.kind == TokKind::Number
            || s.tokens[t0 - 1].kind == TokKind::Possessive
            || adjective
            || plural_compound
        {
            return;
        }
        // "the Chinese-majority owned X", "a privately held Y": a participle
        // after a degree word is an adjective (not in "its wholly owned X",
        // a possessive, nor in a passive "majority owned by X").
        // ("Kestrel and Larkspur jointly won a contract": a participle
        // before a determiner is the verb.)
        if !passive
            && is_participle(s.low(t1 - 1))
            && (t1 == s.last || !DETERMINERS.contains(s.low(t1)))
            && !(t0 >= s.first + 2
                && matches!(s.low(t0 - 2), "its" | "their" | "his" | "her" | "our"))
            && matches!(
                w,
                "majority"
                    | "minority"
                    | "wholly"
                    | "partly"
                    | "partially"
                    | "jointly"
                    | "privately"
                    | "tightly"
                    | "closely"
                    | "fully"
                    | "state"
                    | "family"
                    | "foreign"
            )
        {
            return;
        }
        // "a surprise tender offer for X", "its pending exchange offer": a
        // word that only ever modifies a noun makes the trigger one, however
        // far the determiner is.
        // One-word triggers only: "a technology exchange pact with X" is
        // still a partnership.
        if t1 == t0 + 1 && NOUN_PREMODIFIERS.contains(w) {
            return;
        }
        // "receives order from Boeing", "won licences from": the object of
        // a verb of receiving is a noun.
        if matches!(
            w,
            "receive"
                | "receives"
                | "received"
                | "receiving"
                | "get"
                | "gets"
                | "got"
                | "win"
                | "wins"
                | "won"
                | "winning"
                | "secure"
                | "secures"
                | "secured"
                | "land"
                | "lands"
                | "landed"
                | "book"
                | "books"
                | "booked"
        ) {
            return;
        }
        // "a help-desk award", "the initial award", "a $5 million award":
        // one lowercase modifier between a determiner, number or hyphen and
        // the trigger.
        // Not "which the agency selected": past forms stay verbs, and so do
        // triggers after a body's head noun.
        // ("spent $3 billion buying X": a gerund after a sum is the verb.)
        let sum_then_gerund = s.low(t0).ends_with("ing")
            && matches!(
                w,
                "million"
                    | "billion"
                    | "bn"
                    | "mln"
                    | "bln"
                    | "dlrs"
                    | "dollars"
                    | "euros"
                    | "pounds"
            );
        if t0 > s.first + 1
            && prev.kind == TokKind::Word
            && !prev.cap
            && !sum_then_gerund
            && !w.ends_with("ly")
            && !s.low(t1 - 1).ends_with("ed")
            && !matches!(
                w,
                "agency"
                    | "department"
                    | "company"
                    | "firm"
                    | "government"
                    | "service"
                    | "office"
                    | "bureau"
                    | "ministry"
                    | "commission"
                    | "group"
                    | "military"
                    | "administration"
                    | "pentagon"
                    | "to"
                    | "will"
                    | "would"
                    | "can"
                    | "could"
                    | "may"
                    | "might"
                    | "must"
                    | "should"
                    | "did"
                    | "does"
                    | "do"
                    | "has"
                    | "have"
                    | "had"
                    | "is"
                    | "are"
                    | "was"
                    | "were"
                    | "be"
                    | "been"
                    | "not"
                    | "also"
                    | "and"
                    | "or"
                    | "then"
            )
        {
            let before = s.low(t0 - 2);
            // A hyphen only when it glues a compound ("help-desk award"),
            // not a dash ("Group Menatep - which controls Yukos").
            let glued_hyphen = before == "-" && !s.tokens[t0 - 1].space_before;
            // "its takeover offer": a possessive pronoun too, for a
            // one-word trigger ("its joint venture with" is a partnership).
            let pronoun = matches!(before, "its" | "their" | "his" | "her" | "our");
            if matches!(
                before,
                "a" | "an" | "the" | "$" | "million" | "billion" | "bn" | "m"
            ) || (pronoun
                && t1 == t0 + 1
                && !PREPOSITIONS.contains(s.low(t0))
                && !matches!(s.low(t0), "through" | "via" | "using"))
                || glued_hyphen
                || w.contains('-')
                || s.tokens[t0 - 2].kind == TokKind::Number
                || s.tokens[t0 - 2].kind == TokKind::Possessive
            {
                return;
            }
        }
    }
    if passive && rule.kind == RelationKind::PartOf && describes_common_noun(s, t0) {
        return;
    }
    // "all USAir shares currently owned by TWA", "X common stock owned by
    // Y": shares held are no part.
    if rule.kind == RelationKind::PartOf
        && matches!(s.low(t0), "owned" | "held")
        && (t0.saturating_sub(5).max(s.first)..t0).any(|k| held_paper(s, k))
    {
        return;
    }
    if passive && relative_of_common_noun(s, t0) {
        return;
    }
    if passive {
        let agent = match by {
            Some(b) => Some(b),
            // "A will be merged with B": the "with" phrase acts.
            None if rule.patient_preps.is_empty() && s.low_is(t1 - 1, "with") => {
                object(rules, s, t1, &[], rule.max_gap, None)
            }
            // "X has been awarded a contract ..., the Navy said": the body
            // announcing an award is the one that made it.
            // "IBM is being awarded a 120 mln dlr Navy contract": the body
            // before the contract noun placed it.
            None if rule.kind == RelationKind::Contract && rule.source == Role::Patient => {
                unnamed_customer(s, t0, t1, rule.max_gap)
            }
            None => None,
        };
        let Some(agent) = agent else { return };
        // "LVMH said the designer's labels had been purchased by Falic": the
        // reported clause's subject is no name, and the speaker is no
        // patient.
        if let Some(subj) = subject(rules, s, t0) {
            let reported_noun = (s.args[subj].last..t0).any(|k| {
                matches!(s.low(k), "said" | "says" | "announced" | "reported")
                    && k + 1 < t0
                    && matches!(s.low(k + 1), "the" | "a" | "an" | "this" | "these")
            }) && !s
                .args
                .iter()
                .any(|a| a.first > s.args[subj].last && a.last <= t0);
            if reported_noun {
                return;
            }
        }
        // "a power plant run by X": a participle right after a common
        // noun, with no form of "be", describes that noun, not the
        // sentence's subject.
        // Goods supplied are the subject's: "recall cars with a pump
        // supplied by Bosch".
        let goods_verb = matches!(
            s.low(t0),
            "supplied" | "provided" | "delivered" | "sold" | "built" | "licensed" | "hosted"
        );
        // "X was among five companies selected by the Army", "X, one of
        // three vendors chosen by the Navy": the group's member is meant.
        let member = member_of_group(s, t0);
        if member.is_none() && !goods_verb && !is_passive(s, t0) && after_common_noun(s, t0) {
            return;
        }
        // "Yugansk was sold by the Russian authorities": what is sold is
        // no customer; only a "to" phrase names the buyer.
        let sold = rule.kind == RelationKind::Contract
            && rule.source == Role::Agent
            && matches!(s.low(t0), "sold" | "resold");
        // "Brightwater's unit was acquired by X", "the Brightwater unit was
        // bought": what changed hands is the part the name modifies.
        if matches!(
            rule.kind,
            RelationKind::Acquisition | RelationKind::Investment
        ) {
            if let Some(subj) = subject(rules, s, t0) {
                if modifies_part_noun(s, subj, t0) {
                    return;
                }
            }
        }
        let patient = member
            .or_else(|| described_by_participle(s, t0))
            .filter(|_| !sold)
            .or_else(|| subject(rules, s, t0).filter(|_| !sold))
            .or_else(|| {
                object(
                    rules,
                    s,
                    t1,
                    &rule.patient_preps,
                    rule.max_gap.max(30),
                    Some(agent),
                )
            })
            .or_else(|| {
                // "with AT&T being bought by SBC": the nearest name before.
                if sold {
                    return None;
                }
                let start = clause_start(rules, s, t0);
                s.args
                    .iter()
                    .enumerate()
                    .rev()
                    .find(|(_, a)| a.last <= t0 && a.first >= start && t0 - a.last <= 2)
                    .map(|(ai, _)| ai)
            });
        let Some(patient) = patient else { return };
        // "agreed to sell 93 mln dlrs of notes, with half to be purchased
        // by X": securities bought are no takeover of their issuer.
        if rule.kind == RelationKind::Acquisition
            && s.args[patient].last < t0
            && (s.args[patient].last..t0).any(|k| {
                matches!(
                    s.low(k),
                    "notes"
                        | "debentures"
                        | "bonds"
                        | "shares"
                        | "stock"
                        | "warrants"
                        | "securities"
                        | "stake"
                        | "preferred"
                        | "assets"
                        | "half"
                )
            })
        {
            return;
        }
        if !has_required(rule, s, t0, s.args[agent].first.max(t1 + 1))
            && !has_required(rule, s, t1, t1 + rule.max_gap)
        {
            return;
        }
        for p in list_left(s, patient) {
            for a in list_right(s, agent) {
                push(cx, a, p, out);
            }
        }
        return;
    }
    let patient = object_with(
        rules,
        s,
        t1,
        &rule.patient_preps,
        rule.max_gap,
        None,
        &rule.requires,
    );
    // "acquired the assets of Chartham Management", "bought substantially
    // all of the assets of X": buying all of a firm's assets buys it.
    let patient = patient.or_else(|| {
        if rule.kind != RelationKind::Acquisition || !rule.patient_preps.is_empty() {
            return None;
        }
        assets_of(s, t1)
    });
    // "is investigating Marsh & McLennan's share dealings", "sued the
    // agency's contracting office": a dispute is with the owner of what is
    // investigated, sued or fined, when nothing else is named.
    // So is an investment in the owner of a funding round: "led X's Series
    // B round".
    let patient = patient.or_else(|| {
        let round = |a: Arg| {
            (a.last + 1..(a.last + 5).min(s.last))
                .any(|k| matches!(s.low(k), "round" | "rounds" | "financing" | "funding"))
        };
        if !matches!(rule.kind, RelationKind::Dispute | RelationKind::Investment)
            || !rule.patient_preps.is_empty()
        {
            return None;
        }
        let start = if t1 < s.last && DETERMINERS.contains(s.low(t1)) {
            t1 + 1
        } else {
            t1
        };
        let ai = s.arg_starting(start)?;
        let a = s.args[ai];
        (s.is_poss(a.last)
            && s.arg_starting(a.last + 1).is_none()
            && (rule.kind == RelationKind::Dispute || round(a)))
        .then_some(ai)
    });
    // "A, B and C, which the agency selected": the object is the relative
    // clause's antecedent.
    let patient = match patient {
        Some(p) => Some(p),
        None if rule.patient_preps.is_empty() => {
            let start = clause_start(rules, s, t0);
            let object_relative = start > s.first
                && matches!(s.low(start - 1), "which" | "that")
                && start < t0
                && has_required(rule, s, t1, t1 + rule.max_gap.max(8))
                && s.args.iter().any(|a| a.first >= start && a.last <= t0);
            if object_relative {
                let mut k = start - 1;
                if k > s.first && s.low_is(k - 1, ",") {
                    k -= 1;
                }
                s.arg_ending(k).map(|ante| {
                    let subj = subject(rules, s, t0);
                    for p in list_left(s, ante) {
                        if let Some(a) = subj {
                            push(cx, a, p, out);
                        }
                    }
                    usize::MAX
                })
            } else {
                None
            }
        }
        None => None,
    };
    // "X won a $40 mln contract to build radars, the Air Force said": the
    // body announcing a contract won from no one named awarded it.
    let named_patient = patient.is_some();
    let patient = patient.or_else(|| {
        if rule.kind != RelationKind::Contract
            || rule.source != Role::Agent
            || rule.requires.is_empty()
        {
            return None;
        }
        unnamed_customer(s, t0, t1, rule.max_gap)
    });
    let Some(patient) = patient else { return };
    if patient == usize::MAX {
        return;
    }
    // "bought Safeway's 20 pct holding in Woolworths": what is bought is
    // the possessor's thing, not the possessor.
    // ("acquire all of Monfort's shares" buys Monfort.)
    let whole = (s.args[patient].first.saturating_sub(4).max(s.first)..s.args[patient].first)
        .any(|k| matches!(s.low(k), "all" | "remaining" | "rest" | "balance"));
    if rule.kind == RelationKind::Acquisition
        && s.is_poss(s.args[patient].last)
        && s.arg_starting(s.args[patient].last + 1).is_none()
        && !whole
    {
        return;
    }
    // "to purchase its West German affiliate <Bankhaus Centrale Credit
    // AG>": what is bought is the one named in the possessed phrase, if
    // any, not the possessor.
    let patient = if rule.kind == RelationKind::Acquisition
        && matches!(s.low(s.args[patient].first), "its" | "their")
        && !whole
    {
        let after = s.args[patient].last;
        let mut k = after;
        while k < (after + 6).min(s.last)
            && s.arg_starting(k).is_none()
            && (s.tokens[k].kind == TokKind::Word || matches!(s.low(k), "<" | "-"))
            && !matches!(s.low(k), "and" | "or" | "for" | "from" | "to" | "in" | "at")
        {
            k += 1;
        }
        // Only a company: a part noun before or after the name ("its West
        // German affiliate X", "its Fox Research Inc unit"), not "its
        // Metex stake" or "its Eagle line".
        let part_noun = |q: usize| {
            q < s.last
                && matches!(
                    s.low(q),
                    "unit"
                        | "units"
                        | "subsidiary"
                        | "subsidiaries"
                        | "affiliate"
                        | "division"
                        | "operations"
                        | "business"
                        | "arm"
                )
        };
        let Some(p) = s
            .arg_starting(k)
            .filter(|&p| (after..k).any(part_noun) || part_noun(s.args[p].last))
        else {
            return;
        };
        p
    } else {
        patient
    };
    if rule.clear_path
        && s.args
            .iter()
            .any(|a| a.first >= t1 && a.last <= s.args[patient].first)
    {
        return;
    }
    // (For money, also the noun a possessive patient owns: "received $50
    // million from the Department of Energy's loan program"; not for goods:
    // "services for TikTok's U.S. operations" are TikTok's.)
    let owned_from = s.args[patient].last;
    let owned = if rule.kind == RelationKind::Investment && s.is_poss(owned_from) {
        owned_from + 1..(owned_from + 4).min(s.last)
    } else {
        owned_from..owned_from
    };
    if !rule.forbids.is_empty()
        && ((t1..s.args[patient].first)
            .chain(owned)
            .any(|k| rule.forbids.iter().any(|w| w == s.low(k)))
            || forbidden_antecedent(rule, s, t0))
    {
        return;
    }
    // "sold it to Southcorp", "sell Kestrel Ltd and its unit to X": a
    // company sold is a takeover (the sale rule's), no supply.
    if rule.kind == RelationKind::Contract
        && (s.low(t1 - 1).starts_with("sel") || s.low(t1 - 1) == "sold")
    {
        if let Some(a) = s.arg_starting(skip_dets_right(s, t1)) {
            let end = s.args[a].last;
            if end < s.args[patient].first && matches!(s.low(end), "to" | "and" | "," | "for") {
                return;
            }
        }
    }
    if rule.no_price && price_follows(s, t1) {
        return;
    }
    let after = s.args[patient].last;
    let speaker_after_required = !named_patient && has_required(rule, s, t1, t1 + rule.max_gap);
    if !speaker_after_required
        && !has_required(rule, s, t1, s.args[patient].first)
        && !has_required(rule, s, t1, t1 + 4)
        && !has_required(rule, s, after, after + 8)
    {
        return;
    }
    let patients = list_right(s, patient);
    if let Some(agent) = subject(rules, s, t0).filter(|&a| !unnamed_clause_subject(s, a, t0)) {
        for a in list_left(s, agent) {
            for &p in &patients {
                push(cx, a, p, out);
            }
        }
    }
}

/// Goods a maker's name can come before: "Boeing aircraft", "IBM computers".
static PRODUCT_NOUNS: &[&str] = &[
    "aircraft",
    "airplanes",
    "planes",
    "jets",
    "jetliners",
    "airliners",
    "helicopters",
    "engines",
    "computers",
    "trucks",
    "cars",
    "vehicles",
    "products",
    "equipment",
    "software",
    "chips",
    "machines",
    "satellites",
    "ships",
    "tankers",
    "locomotives",
];

/// Whether the mention `p` premodifies a product: a model code
/// ("Saab SF340", "Airbus A320s", "Boeing 767 aircraft") or a goods noun
/// ("Boeing aircraft").
fn names_product(s: &Sent<'_>, p: Arg) -> bool {
    let k = p.last;
    if k >= s.last {
        return false;
    }
    let w = s.low(k);
    let has_digit = w.bytes().any(|b| b.is_ascii_digit());
    let model = has_digit && w.bytes().any(|b| b.is_ascii_alphabetic()) && !w.ends_with("th");
    let numbered = s.tokens[k].kind == TokKind::Number
        && !s.low(k).contains(',')
        && k + 1 < s.last
        && PRODUCT_NOUNS.contains(&s.low(k + 1));
    model || numbered || PRODUCT_NOUNS.contains(&w)
}

/// Whether the verb at `t0` opens a relative clause on a forbidden noun:
/// "an offer it received from X", "the loan that it took from X".
fn forbidden_antecedent(rule: &RuleSpec, s: &Sent<'_>, t0: usize) -> bool {
    let mut k = t0;
    if k > s.first && matches!(s.low(k - 1), "it" | "they" | "he" | "she" | "we") {
        k -= 1;
    } else if let Some(a) = s.arg_ending(k) {
        // "the former Rover unit that BMW sold to Ford".
        let f = s.args[a].first;
        if f > s.first && matches!(s.low(f - 1), "that" | "which") {
            k = f;
        }
    }
    if k > s.first && matches!(s.low(k - 1), "that" | "which") {
        k -= 1;
    }
    k < t0 && k > s.first && rule.forbids.iter().any(|w| w == s.low(k - 1))
}

/// The start of the adverbs before a participle at `t0` ("currently
/// owned", "recently acquired", "later bought").
fn before_adverbs(s: &Sent<'_>, t0: usize) -> usize {
    let mut k = t0;
    while k > s.first && {
        let w = s.low(k - 1);
        (w.len() > 4 && w.ends_with("ly"))
            || matches!(
                w,
                "now"
                    | "also"
                    | "still"
                    | "already"
                    | "today"
                    | "yesterday"
                    | "later"
                    | "since"
                    | "then"
                    | "earlier"
                    | "once"
            )
    } {
        k -= 1;
    }
    k
}

/// The name a participle after a dash or comma describes, over the common
/// nouns of its phrase: "the Maserati car company - currently owned by
/// Ferrari -" is Maserati.
/// The name a group noun before the participle at `t0` counts it among:
/// "X was among five companies awarded", "X, one of three vendors chosen
/// by", "X is one of the firms selected".
fn member_of_group(s: &Sent<'_>, t0: usize) -> Option<usize> {
    let k = before_adverbs(s, t0);
    if k <= s.first + 3
        || !matches!(
            s.low(k - 1),
            "companies"
                | "firms"
                | "vendors"
                | "contractors"
                | "bidders"
                | "suppliers"
                | "providers"
                | "winners"
                | "teams"
                | "groups"
        )
    {
        return None;
    }
    // Over a count, determiners and a few modifiers: "five", "the other".
    let mut q = k - 1;
    while q > s.first + 1
        && k - 1 - q < 4
        && (s.tokens[q - 1].kind == TokKind::Number
            || number_word(s.low(q - 1))
            || (plain_word(s, q - 1) && !matches!(s.low(q - 1), "among" | "of")))
    {
        q -= 1;
    }
    let lead = if s.low_is(q - 1, "among") {
        q - 1
    } else if q >= s.first + 3 && s.low_is(q - 1, "of") && s.low_is(q - 2, "one") {
        q - 2
    } else {
        return None;
    };
    // The name before "was among" / ", one of".
    let mut b = lead;
    while b > s.first && (BE.contains(&s.low(b - 1)) || AUXILIARIES.contains(s.low(b - 1))) {
        b -= 1;
    }
    if b < lead {
        s.arg_ending(b)
    } else if b > s.first && s.low_is(b - 1, ",") {
        s.arg_ending(b - 1)
    } else {
        None
    }
}

fn described_by_participle(s: &Sent<'_>, t0: usize) -> Option<usize> {
    let k = before_adverbs(s, t0);
    if k <= s.first + 1 || !matches!(s.low(k - 1), "-" | ",") {
        return None;
    }
    let mut q = k - 1;
    // Over up to three lowercase nouns: "car company", "oil unit".
    for _ in 0..3 {
        if s.arg_ending(q).is_some() {
            break;
        }
        let t = &s.tokens[q - 1];
        if q - 1 <= s.first
            || t.kind != TokKind::Word
            || t.cap
            || crate::ner::verb_like(s.low(q - 1))
        {
            return None;
        }
        q -= 1;
    }
    // Only a phrase the name modifies: "the Maserati car company", not
    // the verb's own subject before it ("Ferrari, owned by Fiat").
    let a = s.arg_ending(q)?;
    (q < k - 1).then_some(a)
}

/// Whether the word before the participle at `t0` (over adverbs) is a
/// common noun no name premodifies: "a power plant run by X", "the
/// stores owned by X", not "Maserati car company owned by X".
fn after_common_noun(s: &Sent<'_>, t0: usize) -> bool {
    let k = before_adverbs(s, t0);
    if k <= s.first {
        return false;
    }
    // "51 pct owned by X" is a share, not a noun.
    if k > s.first + 1
        && (matches!(
            s.low(k - 1),
            "pct" | "percent" | "cent" | "majority" | "minority"
        ) || s.tokens[k - 2].kind == TokKind::Number)
    {
        return false;
    }
    let t = &s.tokens[k - 1];
    let w = s.low(k - 1);
    if t.kind != TokKind::Word
        || t.cap
        || s.arg_at(k - 1).is_some()
        || crate::ner::verb_like(w)
        || DETERMINERS.contains(w)
        || matches!(w, "and" | "or" | "but" | "that" | "which" | "who")
    {
        return false;
    }
    // A name right before the noun phrase is what it describes; so is the
    // subject of "is a N owned by" and a name before an apposition ("X, a
    // newly formed gold company equally owned by").
    let mut q = k - 1;
    for _ in 0..6 {
        if q <= s.first {
            return true;
        }
        if s.arg_ending(q).is_some() {
            return false;
        }
        let w = s.low(q - 1);
        if matches!(w, "a" | "an") {
            return !(q - 1 > s.first && (BE.contains(&s.low(q - 2)) || s.low_is(q - 2, ",")));
        }
        let t = &s.tokens[q - 1];
        // (Over a capitalised adjective: "a Japanese autoparts maker".)
        let word = t.kind == TokKind::Word
            && !DETERMINERS.contains(w)
            && !PREPOSITIONS.contains(w)
            && !matches!(w, "said" | "says" | "and" | "or");
        if !(word || t.kind == TokKind::Number || w == "-" || w == "/") {
            return true;
        }
        q -= 1;
    }
    true
}

/// Whether mention `ai` stands in a relative clause opened after a comma
/// ("X, which ...") and closed by a comma before token `i`.
fn closed_relative(s: &Sent<'_>, ai: usize, i: usize) -> bool {
    let a = s.args[ai];
    let Some(open) = (s.first..a.first).rev().find(|&k| s.low_is(k, ",")) else {
        return false;
    };
    open + 1 < a.first
        && matches!(s.low(open + 1), "which" | "who" | "whose")
        && (a.last..i).any(|k| s.low_is(k, ","))
}

/// Whether a second clause with a subject of its own that is no name
/// stands between the mention `ai` and the verb at `i`: "China will
/// provide 370 mln yuan and a Chinese company won a bid".
fn unnamed_clause_subject(s: &Sent<'_>, ai: usize, i: usize) -> bool {
    let a = s.args[ai];
    let Some(k) = (a.last..i).rev().find(|&k| s.low_is(k, "and")) else {
        return false;
    };
    k + 1 < i
        && matches!(s.low(k + 1), "a" | "an" | "the" | "another")
        && (a.last..k).any(|q| crate::ner::verb_like(s.low(q)))
        && !s.args.iter().any(|b| b.first > k && b.first < i)
}

/// The customer of a contract at `t0..t1` whose wording names none: the
/// government body before the contract noun, else the one announcing it.
fn unnamed_customer(s: &Sent<'_>, t0: usize, t1: usize, max_gap: usize) -> Option<usize> {
    contract_premodifier(s, t1, max_gap.max(12)).or_else(|| agency_speaker(s, t0, t1))
}

/// A government body naming the contract noun within `max_gap` tokens
/// after `t1`, over at most one lowercase modifier: "a 120 mln dlr Navy
/// contract", "7.6 mln dlrs worth of Navy contracts", "an Army cloud
/// contract".
fn contract_premodifier(s: &Sent<'_>, t1: usize, max_gap: usize) -> Option<usize> {
    let end = (t1 + max_gap).min(s.last);
    let k = (t1..end).find(|&k| {
        matches!(
            s.low(k),
            "contract" | "contracts" | "order" | "orders" | "award" | "awards"
        )
    })?;
    let a = s.arg_ending(k).or_else(|| {
        (k > t1 + 1 && s.tokens[k - 1].kind == TokKind::Word && !s.tokens[k - 1].cap)
            .then(|| s.arg_ending(k - 1))
            .flatten()
    })?;
    (s.args[a].first >= t1 && s.args[a].kind == EntityKind::Agency && !s.args[a].nation)
        .then_some(a)
}

/// The government body reporting the statement at `t0..t1`, in a closing
/// ", the Navy said" after it or an opening "The Pentagon said" before
/// it: the customer of a contract whose wording names none. Not a
/// country's government ("Britain said"), which announces others' deals.
fn agency_speaker(s: &Sent<'_>, t0: usize, t1: usize) -> Option<usize> {
    let says = |k: usize| {
        k < s.last
            && matches!(
                s.low(k),
                "said" | "says" | "announced" | "announces" | "reported" | "reports"
            )
    };
    let agency = |a: &Arg| a.kind == EntityKind::Agency && !a.nation;
    let closing = s.args.iter().position(|a| {
        let mut b = a.first.saturating_sub(1);
        if b > s.first && s.low_is(b, "the") {
            b -= 1;
        }
        a.first > t1 && agency(a) && says(a.last) && b > t1 && s.low_is(b, ",")
    });
    if closing.is_some() {
        return closing;
    }
    let a = s.args.first()?;
    let opens = a.first == s.first || (a.first == s.first + 1 && s.low_is(s.first, "the"));
    (opens && agency(a) && says(a.last) && a.last < t0).then_some(0)
}

/// Whether a sum of money starts at token `k`, after at most three
/// approximators ("about 57 mln dlrs", "\u{a3}1.3bn", "65 dlrs per share"),
/// and is not the value of goods named after it ("$4bn of equipment",
/// "4 mln dlrs worth").
fn price_follows(s: &Sent<'_>, mut k: usize) -> bool {
    let mut skipped = 0;
    while k < s.last
        && skipped < 3
        && matches!(
            s.low(k),
            "about"
                | "approximately"
                | "some"
                | "nearly"
                | "around"
                | "roughly"
                | "almost"
                | "over"
                | "more"
                | "than"
                | "up"
                | "to"
                | "a"
                | "an"
        )
    {
        k += 1;
        skipped += 1;
    }
    if k >= s.last {
        return false;
    }
    let sign = is_currency_sign(s.low(k));
    let mut q = k + usize::from(sign);
    if q >= s.last || !s.low(q).starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    q += 1;
    let scale = |w: &str| {
        matches!(
            w,
            "mln" | "million" | "bln" | "billion" | "m" | "bn" | "trillion"
        )
    };
    let currency = |w: &str| {
        matches!(
            w,
            "dlrs" | "dlr" | "dollars" | "euros" | "pounds" | "yen" | "marks" | "francs" | "cents"
        )
    };
    if q < s.last && scale(s.low(q)) {
        q += 1;
    }
    if !sign {
        if q < s.last && currency(s.low(q)) {
            q += 1;
        } else {
            return false;
        }
    }
    !(q < s.last && matches!(s.low(q), "of" | "worth"))
}

/// Whether `w` is a one-word trigger of a dispute rule of `form`.
/// Whether the word at `k` triggers a one-word dispute rule of `form`
/// whose required words, if any, follow it: "added a contract" is no
/// dispute verb, "added X to its Entity List" is.
fn dispute_trigger(rules: &Rules, s: &Sent<'_>, k: usize, form: Form) -> bool {
    rules.triggers.get(s.low(k)).is_some_and(|cands| {
        cands.iter().any(|(ri, words)| {
            let r = rules.rule(*ri);
            words.len() == 1
                && r.kind == RelationKind::Dispute
                && r.form == form
                && has_required(r, s, k + 1, k + 1 + r.max_gap.max(4))
        })
    })
}

/// Whether the noun at `t0` is the object of a one-word dispute verb
/// ("protested the $5bn award"), over a few determiners and modifiers.
fn object_of_dispute_verb(rules: &Rules, s: &Sent<'_>, t0: usize) -> bool {
    let mut k = t0;
    while k > s.first && t0 - k < 4 {
        if dispute_trigger(rules, s, k - 1, Form::Verb) {
            return true;
        }
        if !is_modifier(s, k - 1) {
            return false;
        }
        k -= 1;
    }
    false
}

/// Whether the noun at `t0` is what a dispute noun before it contests:
/// "filed a protest with the GAO over the contract award", "a lawsuit
/// against the award", "its challenge of the order". The preposition must
/// come right before the noun's modifiers, the dispute noun at most eight
/// words before that preposition in the same clause, and no possessor
/// before the noun.
fn object_of_dispute_noun(rules: &Rules, s: &Sent<'_>, t0: usize) -> bool {
    let p = skip_np_left(s, t0, 4, s.first);
    if p <= s.first || !matches!(s.low(p - 1), "over" | "against" | "of" | "challenging") {
        return false;
    }
    // "over its contract with Boeing": a possessor names the customer.
    if (p..t0).any(|k| s.is_poss(k) || matches!(s.low(k), "its" | "their" | "his" | "her")) {
        return false;
    }
    let lo = (p - 1).saturating_sub(8).max(s.first);
    for k in (lo..p - 1).rev() {
        let w = s.low(k);
        if matches!(w, ";" | ":" | "and" | "but" | "which" | "who" | "that") || finite_verb(w) {
            return false;
        }
        if dispute_trigger(rules, s, k, Form::Noun) {
            return true;
        }
    }
    false
}

fn noun(cx: &Trig<'_, '_>, out: &mut Vec<Found>) {
    let (rules, s, t0, t1) = (cx.rules, cx.s, cx.t0, cx.t1);
    let rule = cx.rule();
    // A noun's forbidden words stand right before it: a "settlement
    // agreement" is no partnership.
    if t0 > s.first && rule.forbids.iter().any(|w| w == s.low(t0 - 1)) {
        return;
    }
    // "will purchase 9 mln shares of X", "allowing it to purchase": after a
    // modal or an infinitive "to" the word is a verb, which the verb rules
    // read.
    if t0 > s.first
        && t1 == t0 + 1
        && matches!(s.low(t0), "purchase" | "deal")
        && matches!(
            s.low(t0 - 1),
            "will"
                | "would"
                | "to"
                | "can"
                | "could"
                | "may"
                | "might"
                | "must"
                | "shall"
                | "should"
        )
    {
        return;
    }
    // "signed a purchase agreement with Halvorsen for 30 jets": the party
    // to an agreement to purchase sells; it is not what is bought.
    if rule.kind == RelationKind::Acquisition
        && s.low(t1 - 1) == "purchase"
        && t1 + 1 < s.last
        && matches!(
            s.low(t1),
            "agreement" | "agreements" | "contract" | "contracts" | "order" | "orders" | "deal"
        )
        && s.low_is(t1 + 1, "with")
    {
        return;
    }
    // "Lockheed protested the award to Boeing", "dropped its contract with
    // Anthropic", "filed a protest over the award to Microsoft": a contract
    // its subject disputes states no deal of theirs.
    if rule.kind == RelationKind::Contract
        && (object_of_dispute_verb(rules, s, t0) || object_of_dispute_noun(rules, s, t0))
    {
        return;
    }
    // "mounting a fight for market share": rivals competing for customers
    // are not in dispute.
    if rule.kind == RelationKind::Dispute
        && matches!(
            s.low(t1 - 1),
            "fight" | "battle" | "war" | "struggle" | "tussle"
        )
        && t1 + 1 < s.last
        && s.low_is(t1, "for")
        && (t1 + 1..s.last.min(t1 + 4)).any(|k| {
            matches!(
                s.low(k),
                "market"
                    | "share"
                    | "customers"
                    | "dominance"
                    | "supremacy"
                    | "leadership"
                    | "sales"
                    | "subscribers"
                    | "viewers"
                    | "readers"
                    | "users"
                    | "talent"
            )
        })
    {
        return;
    }
    // "will share the licence with Statoil": co-holders of a contract are
    // no supplier and customer.
    if rule.kind == RelationKind::Contract && {
        let mut k = t0;
        while k > s.first && k + 3 > t0 && DETERMINERS.contains(s.low(k - 1)) {
            k -= 1;
        }
        // (Not "a production sharing contract with X": a kind of contract.)
        k < t0 && k > s.first && matches!(s.low(k - 1), "share" | "shares" | "shared" | "sharing")
    } {
        return;
    }
    // "between A and B", also after what it is about: "the trade dispute
    // over semiconductors between A and B".
    let mut after = skip_modifiers_left(s, t1, 0, t1);
    if after < s.last && matches!(s.low(after), "over" | "about") {
        let mut q = after + 1;
        while q < s.last.min(after + 4)
            && s.tokens[q].kind == TokKind::Word
            && !s.tokens[q].cap
            && !s.low_is(q, "between")
        {
            q += 1;
        }
        if q > after + 1 && q < s.last && s.low_is(q, "between") {
            after = q;
        }
    }
    let symmetric_rule = matches!(rule.kind, RelationKind::Partnership | RelationKind::Dispute)
        || rule.agency_kind.is_some();
    if after < s.last && s.low_is(after, "between") {
        if !symmetric_rule {
            return;
        }
        if let Some(first) = s.arg_starting(skip_dets_right(s, after + 1)).or_else(|| {
            // "between the Argentine State and ..." over modifiers.
            let mut q = after + 1;
            while q < s.last && (is_modifier(s, q) || (s.tokens[q].cap && s.arg_at(q).is_none())) {
                q += 1;
            }
            s.arg_starting(q)
        }) {
            let list = list_right_with(s, first, true);
            for k in 1..list.len() {
                push(cx, list[0], list[k], out);
            }
        }
        return;
    }
    // Pre-modifiers: "the A-B merger", "the A and B deal"; over a wire
    // ticker: "United Technologies Corp <UTX> unit Pratt and Whitney".
    let before_ticker = if t0 >= s.first + 4 && s.low_is(t0 - 1, ">") && s.low_is(t0 - 3, "<") {
        t0 - 3
    } else {
        t0
    };
    let pre = s.arg_ending(before_ticker).or_else(|| {
        // One modifier word between: "the A-B $5bn merger"; not a verb.
        if t0 > s.first + 1
            && !crate::ner::verb_like(s.low(t0 - 1))
            && !PREPOSITIONS.contains(s.low(t0 - 1))
        {
            s.arg_ending(t0 - 1)
        } else {
            None
        }
    });
    // (A pair before a noun of two sides only: "the A-B row", not
    // "investigations into A, FTC scrutiny".)
    let two_sided = rule.kind != RelationKind::Dispute
        || !matches!(
            s.low(t1 - 1),
            "scrutiny"
                | "crackdown"
                | "fallout"
                | "attacks"
                | "challenge"
                | "probe"
                | "probes"
                | "investigation"
                | "investigations"
                | "inquiry"
                | "fine"
                | "fines"
                | "penalty"
                | "sanctions"
                | "ban"
        );
    if let (Some(p), true) = (pre, symmetric_rule && two_sided) {
        let a = s.args[p];
        let adjacent =
            a.last == t0 || (a.last + 1 == t0 && s.tokens[a.last].kind != TokKind::Possessive);
        if adjacent && a.first > s.first && matches!(s.low(a.first - 1), "-" | "and" | "/" | ",") {
            if let Some(q) = s.arg_ending(a.first - 1) {
                push(cx, q, p, out);
                return;
            }
        }
    }
    // "according to a Reuters investigation": a source of the story, no
    // party to it.
    let phrase_start = pre.map_or(t0, |p| s.args[p].first);
    let phrase_start = skip_modifiers_left(s, phrase_start, 3, s.first);
    if phrase_start >= s.first + 2
        && s.low_is(phrase_start - 1, "to")
        && s.low_is(phrase_start - 2, "according")
    {
        return;
    }
    // "The collaboration includes the U.K. AI Safety Institute",
    // "Collaboration extends to X": a partner the previous sentence's topic
    // works with.
    if rule.kind == RelationKind::Partnership {
        if let Some(topic) = s.topic {
            let opens = (s.first..t0).all(|k| matches!(s.low(k), "the" | "this" | "that" | "\""));
            let mut k = t1;
            while k < s.last && matches!(s.low(k), "also" | "now" | "will" | "further") {
                k += 1;
            }
            let joins = match s.low(k) {
                "includes" | "include" | "included" | "including" | "adds" | "added" => Some(k + 1),
                "extends" | "extended" | "extend" if k + 1 < s.last && s.low_is(k + 1, "to") => {
                    Some(k + 2)
                }
                _ => None,
            };
            if let Some(p) = joins
                .filter(|_| opens)
                .and_then(|q| s.arg_starting(skip_dets_right(s, q)))
            {
                for q in list_right(s, p) {
                    push_args(cx, topic, s.args[q], out);
                }
                return;
            }
        }
    }
    let agent_preps: Vec<&str> = rule.agent_preps.iter().map(String::as_str).collect();
    let right_agent = if agent_preps.is_empty() {
        None
    } else {
        prep_agent(rules, s, t1, rule.max_gap, &agent_preps)
    };
    // "litigation arose from Texaco's buyout of Getty": what comes from a
    // possessive phrase is the possessed thing, no party to a dispute.
    let right_agent =
        right_agent.filter(|&a| !(rule.kind == RelationKind::Dispute && s.is_poss(s.args[a].last)));
    // "a suit by Apex against NYMEX" names the agent first; in "the
    // investigation into the offering of its stock by X" the "by" phrase
    // belongs to what the patient's preposition introduced.
    let right_agent = right_agent.filter(|&a| {
        let by = (t1..s.args[a].first).rev().find(|&k| s.low_is(k, "by"));
        by.is_none_or(|b| !(t1..b).any(|k| rule.patient_preps.iter().any(|w| s.low_is(k, w))))
    });
    // A noun rule's required word follows its patient, which may
    // premodify it: "a protest of the Army contract".
    let patient = if rule.requires.is_empty() {
        object(rules, s, t1, &rule.patient_preps, rule.max_gap, right_agent)
    } else {
        patient_before_required(cx, right_agent)
    };
    // "filed suit to block Dixons from taking control of Cyclops": a
    // dispute aimed through an infinitive is at that verb's object, not at
    // a name in a phrase after it.
    let patient = patient.and_then(|p| {
        if rule.kind != RelationKind::Dispute {
            return Some(p);
        }
        let Some(k) = (t1..s.args[p].first)
            .find(|&k| s.low_is(k, "to") && k + 1 < s.last && INFINITIVES.contains(s.low(k + 1)))
        else {
            return Some(p);
        };
        s.arg_starting(skip_dets_right(s, k + 2))
            .filter(|&o| Some(o) != right_agent)
    });
    // "filed an antitrust lawsuit seeking to break up Google's ad
    // business": a dispute with no party after it is aimed at what its
    // infinitive acts against.
    let patient = patient.or_else(|| {
        if rule.kind != RelationKind::Dispute || t1 + 2 >= s.last {
            return None;
        }
        let mut k = t1;
        if matches!(
            s.low(k),
            "seeking" | "aiming" | "aimed" | "designed" | "intended"
        ) {
            k += 1;
        }
        let against = matches!(
            s.low(k + 1),
            "block"
                | "break"
                | "stop"
                | "halt"
                | "prevent"
                | "force"
                | "challenge"
                | "overturn"
                | "unwind"
                | "dismantle"
                | "enjoin"
                | "bar"
        );
        if !s.low_is(k, "to") || !against {
            return None;
        }
        let mut v = k + 2;
        if v < s.last && matches!(s.low(v), "up" | "off") {
            v += 1;
        }
        s.arg_starting(skip_dets_right(s, v))
            .filter(|&o| Some(o) != right_agent)
    });
    // In an all-capitals headline a word between the noun and a name may be
    // a verb ("GM UNIT GETS BOEING CONTRACT"): only a name right after the
    // noun is its object there.
    let patient = patient
        .filter(|&p| !(rule.patient_preps.is_empty() && s.args[p].first > t1 && s.shouting()));
    // "completed the purchase of Emhart Corp's capacitor business": what
    // is bought is the possessor's thing, not the possessor (as for verbs;
    // "the rest of X's shares" is all of it).
    // (Its stock or shares stand for the firm: "acquisition of 54 pct of
    // Cyclops' stock"; and "Heck's." is a name.)
    // (No fallback to another party either: the thing bought is named.)
    let possessed_thing = patient.is_some_and(|p| {
        let a = s.args[p];
        if rule.kind != RelationKind::Acquisition || a.first <= t1 || !s.is_poss(a.last) {
            return false;
        }
        // Over a wire ticker: "Minnesota Mining and Manufacturing's <MMM>
        // orthopedic implant business".
        let mut q = a.last + 1;
        if q < s.last && s.low_is(q, "<") {
            while q < s.last && !s.low_is(q, ">") {
                q += 1;
            }
            q += 1;
        }
        if q >= s.last || s.tokens[q].kind != TokKind::Word || s.arg_starting(q).is_some() {
            return false;
        }
        let whole =
            (t1..a.first).any(|k| matches!(s.low(k), "all" | "remaining" | "rest" | "balance"));
        let stock = (q..s.last.min(q + 3)).any(|k| {
            matches!(
                s.low(k),
                "stock" | "shares" | "common" | "equity" | "capital" | "stockholders"
            )
        });
        !whole && !stock
    });
    if possessed_thing {
        return;
    }
    let Some(patient) = patient else {
        // A rule that requires a word names its patient before it.
        if !rule.requires.is_empty() {
            return;
        }
        // "agreed a takeover by Holcim": the agent follows, the subject is
        // the patient. Not for contracts: "GAO upheld an award by DHS"
        // names the customer, and the subject is no supplier.
        // Nor for parts: "unit downgraded by Moody's" names no owner.
        if let Some(b) = by_agent(rules, s, t1, 2)
            .filter(|_| !matches!(rule.kind, RelationKind::Contract | RelationKind::PartOf))
        {
            let mut makers = list_right(s, b);
            if rule.kind == RelationKind::Partnership {
                // "X, a joint venture formed by A and B": the venture's
                // makers are the partners, not partners of the venture (not
                // "a deal guaranteed by A", "agreements reached by A and B").
                let by = skip_dets_left(s, s.args[b].first) - 1;
                let made = by > t1
                    && matches!(
                        s.low(by - 1),
                        "formed"
                            | "owned"
                            | "operated"
                            | "created"
                            | "founded"
                            | "established"
                            | "controlled"
                    );
                if made && makers.len() >= 2 {
                    for k in 1..makers.len() {
                        push_plain(cx, makers[k], makers[0], out);
                    }
                    return;
                }
                makers.truncate(1);
            }
            if let Some(subj) = subject(rules, s, t0) {
                for a in makers {
                    push(cx, a, subj, out);
                }
            }
            return;
        }
        // "OpenAI received an investment from Microsoft": the subject
        // received what the agent gave.
        if let Some(b) = right_agent {
            if let Some(subj) = subject(rules, s, t0) {
                let receives = (s.args[subj].last..t0).any(|k| {
                    matches!(
                        s.low(k),
                        "received"
                            | "receives"
                            | "got"
                            | "gets"
                            | "secured"
                            | "secures"
                            | "won"
                            | "raised"
                            | "took"
                            | "accepted"
                            | "landed"
                            | "obtained"
                            | "attracted"
                            | "closed"
                            | "announced"
                            | "faces"
                            | "faced"
                            | "facing"
                    )
                });
                if receives {
                    for a in list_right(s, b) {
                        push(cx, a, subj, out);
                    }
                }
            }
            return;
        }
        // "Nvidia participated in xAI's funding round": who joins or leads
        // a firm's round invests in it.
        if rule.kind == RelationKind::Investment {
            if let (Some(p), Some(subj)) = (possessor(s, t0), subject(rules, s, t0)) {
                let joined = (s.args[subj].last..s.args[p].first).any(|k| {
                    matches!(
                        s.low(k),
                        "participated"
                            | "participates"
                            | "joined"
                            | "joins"
                            | "led"
                            | "leads"
                            | "co-led"
                            | "invested"
                            | "backed"
                    )
                });
                if joined && p != subj {
                    for a in list_left(s, subj) {
                        push(cx, a, p, out);
                    }
                    return;
                }
            }
            // "Kestrel raised $50 million in a round led by X. Y and Z also
            // put money into the round": the round of the previous
            // sentence's topic.
            let definite = t0 > s.first
                && s.low_is(t0 - 1, "the")
                && matches!(s.low(t0), "round" | "funding" | "financing");
            if let (true, Some(topic), Some(subj)) = (definite, s.topic, subject(rules, s, t0)) {
                let joined = (s.args[subj].last..t0).any(|k| match s.low(k) {
                    "participated" | "participates" | "joined" | "joins" | "invested" => true,
                    // "put money into", "took part in".
                    "money" => matches!(s.low(k - 1), "put" | "puts"),
                    "part" => matches!(s.low(k - 1), "took" | "take" | "takes"),
                    _ => false,
                });
                // (Not an investor's: "X led a round in Kestrel. Y also
                // joined the round.")
                let investor = matches!(
                    s.low(topic.last),
                    "led" | "leads" | "co-led" | "invested" | "invests" | "backed" | "backs"
                );
                if joined && topic.kind == EntityKind::Firm && !investor {
                    for a in list_left(s, subj) {
                        push_args(cx, s.args[a], topic, out);
                    }
                    return;
                }
            }
        }
        // "Marsh under SEC scrutiny", "after a Pentagon inquiry": a
        // name right before a dispute noun acts on the clause's subject.
        if rule.kind == RelationKind::Dispute {
            if let Some(p) = pre.filter(|&p| s.args[p].last == t0) {
                let subj = subject(rules, s, s.args[p].first)
                    .filter(|&x| x != p && head_of_phrase(s, x, true, &[]) == Ok(x));
                if let Some(subj) = subj {
                    push(cx, p, subj, out);
                    return;
                }
            }
        }
        // "A and B signed a deal", "A, B in oil deal": a plural subject at
        // the start of its clause.
        if symmetric_rule {
            if let Some(subj) = subject(rules, s, t0) {
                let list = list_left(s, subj);
                let first = list.iter().map(|&x| s.args[x].first).min().unwrap_or(0);
                // ("Consumer electronics giants A and B are joining forces":
                // a plural description of the pair may take more words.)
                let described = first > s.first
                    && matches!(
                        s.low(first - 1),
                        "giants"
                            | "rivals"
                            | "companies"
                            | "firms"
                            | "groups"
                            | "makers"
                            | "manufacturers"
                            | "producers"
                            | "banks"
                            | "carriers"
                            | "airlines"
                            | "operators"
                            | "providers"
                            | "retailers"
                            | "insurers"
                            | "lenders"
                            | "automakers"
                            | "carmakers"
                            | "drugmakers"
                            | "chipmakers"
                    );
                let opens = skip_modifiers_left(s, first, if described { 4 } else { 2 }, s.first);
                let at_start = opens == s.first
                    || matches!(
                        s.low(opens - 1),
                        "that"
                            | "when"
                            | "after"
                            | "as"
                            | "because"
                            | "while"
                            | ","
                            | ";"
                            | "-"
                            | ":"
                    )
                    // "In 2002 A and B agreed to form": a date opening the
                    // sentence.
                    || (opens == s.first + 1
                        && matches!(s.low(s.first), "in" | "on" | "since" | "by")
                        && s.tokens[opens].kind == TokKind::Number);
                // ("A and B underwrote the deal": advisers of a deal are
                // no parties to it.)
                // ("agreed to form a partnership": an infinitive's "to" is
                // no preposition.)
                // ("A and B are among other companies working together":
                // the pair is in the group that works together.)
                let among_group = |k: usize| {
                    rule.kind == RelationKind::Partnership
                        && s.low_is(k, "among")
                        && k + 1 < t0
                        && t0 - k <= 4
                        && matches!(
                            s.low(t0 - 1),
                            "companies" | "firms" | "groups" | "makers" | "manufacturers"
                        )
                        && (k + 1..t0 - 1).all(|q| {
                            matches!(s.low(q), "other" | "the" | "several" | "many" | "major")
                        })
                };
                // Prepositions that leave the pair the subject: "in", an
                // infinitive's "to", "A and B agreed to a deal", "came to
                // an agreement".
                let harmless = |k: usize| {
                    s.low_is(k, "in")
                        || among_group(k)
                        || (s.low_is(k, "to") && k + 1 < t0 && INFINITIVES.contains(s.low(k + 1)))
                        || (s.low_is(k, "to")
                            && matches!(
                                s.low(k - 1),
                                "agreed" | "agree" | "agrees" | "came" | "come" | "comes"
                            ))
                };
                let gap_ok = !(s.args[subj].last..t0).any(|k| {
                    (PREPOSITIONS.contains(s.low(k)) && !harmless(k))
                        // (Nor "A and B had close views, and he said Baker
                        // backed the agreement": a person's clause.)
                        || matches!(s.low(k), "he" | "she" | "i" | "we")
                        || ADVISER_VERBS.contains(s.low(k))
                });
                if list.len() >= 2 && at_start && gap_ok {
                    for k in 1..list.len() {
                        push_plain(cx, list[k], list[0], out);
                    }
                }
            }
        }
        return;
    };
    // "its purchase agreement with X's majority stockholder Y": the party
    // is X's owner, not X.
    if rule.kind == RelationKind::Contract && s.is_poss(s.args[patient].last) {
        let after = s.args[patient].last + 1;
        if (after..(after + 3).min(s.last)).any(|k| owner_noun(s.low(k))) {
            return;
        }
    }
    // "an investigation into the planned acquisition of X by Y": the deal
    // under scrutiny is Y's, and the "by" phrase is the deal's, not the
    // investigation's.
    if rule.kind == RelationKind::Dispute {
        if let Some(buyer) = nested_deal_agent(rules, s, t1, patient) {
            let agent = possessor(s, t0).or_else(|| subject(rules, s, t0));
            if let Some(a) = agent.filter(|&a| a != buyer && !s.args[a].commentator) {
                push(cx, a, buyer, out);
            }
            return;
        }
    }
    let end = s.args[patient].last;
    if !has_required(rule, s, t1, s.args[patient].first)
        && !has_required(rule, s, t0.saturating_sub(3), t1 + 3)
        && !has_required(rule, s, end, (end + 4).min(s.last))
    {
        return;
    }
    let mut patients = list_right(s, patient);
    // "X unit A or B", "X subsidiary A, Sweden's B": one part after a
    // singular noun; "its units A and B", "its parent companies A and B"
    // are several.
    let plural = s.low(t1 - 1).ends_with('s')
        || (t1 < s.last && !s.tokens[t1].cap && s.low(t1).ends_with('s'));
    if rule.kind == RelationKind::PartOf && !plural {
        patients.truncate(1);
    }
    let last_patient = *patients.last().unwrap_or(&patient);
    // Agent: an agent phrase ("by A"), the possessor, a pre-modifier, else
    // the subject.
    let phrase_agent = right_agent.or_else(|| {
        // "terms with Microsoft, addressing challenges identified by
        // OFPP", "parent company X was acquired by Y": the "by" phrase
        // of another participle or trigger is its own (not the clause's
        // passive: "the deal with X was celebrated by Y").
        let from = after_appositive(s, s.args[last_patient].last);
        by_agent(rules, s, from, 4).filter(|&b| {
            let by = skip_dets_left(s, s.args[b].first) - 1;
            !(by > from + 1
                && is_participle(s.low(by - 1))
                && (!BE.contains(&s.low(by - 2))
                    || rules.triggers.contains_key(s.low(by - 1))
                    || s.low_is(by - 1, "blocked"))
                && !matches!(
                    s.low(by - 1),
                    "placed" | "awarded" | "issued" | "granted" | "signed" | "let" | "made"
                ))
        })
    });
    let named_agent = phrase_agent
        .or_else(|| possessor(s, t0))
        .or_else(|| pre.filter(|&p| s.args[p].last + 1 >= before_ticker));
    // "an inquiry into AOL by market regulators", "the acquisition of X by
    // a group of investors": the agent is named, but by no entity; the
    // subject is not it.
    if named_agent.is_none() && unnamed_by_agent(s, after_appositive(s, s.args[last_patient].last))
    {
        return;
    }
    // "Kestrel bought oil unit X", "took a stake in Italian unit X": a unit
    // the subject buys or invests in is another's.
    if rule.kind == RelationKind::PartOf && named_agent.is_none() && bought_or_held(s, t0) {
        return;
    }
    // "The FTC approved the acquisition of X", "an inquiry into the merger
    // of X": whoever reviews, blocks or investigates a deal is no party.
    if named_agent.is_none()
        && rule.kind == RelationKind::Acquisition
        && overseen_deal(rules, s, t0)
    {
        return;
    }
    let agent = named_agent.or_else(|| subject(rules, s, t0).filter(|&a| !s.args[a].commentator));
    // A subject is all of its list: "Microsoft and IBM signed deals with
    // the Pentagon".
    let agents = match (named_agent, agent) {
        (None, Some(a)) => list_left(s, a),
        // So is a list in an agent phrase: "a round led by A, B and C".
        (Some(a), _) if phrase_agent == Some(a) => list_right(s, a),
        (_, a) => a.into_iter().collect(),
    };
    // "Ryanair placed an order for 70 Boeing planes": who places an order
    // is the customer.
    let customer_agent = rule.kind == RelationKind::Contract
        && rule.source == Role::Agent
        && right_agent.is_none()
        && order_placed(s, t0, t1);
    match agent {
        Some(_) if customer_agent => {
            for &a in &agents {
                for &p in &patients {
                    push(cx, p, a, out);
                }
            }
        }
        Some(_) => {
            for &a in &agents {
                for &p in &patients {
                    push(cx, a, p, out);
                }
            }
        }
        None => {
            // "The collaboration with B ..." opening a sentence refers back
            // to the topic of the previous sentence.
            let opens = (s.first..t0).all(|k| {
                matches!(
                    s.low(k),
                    "the" | "this" | "that" | "its" | "a" | "new" | "\""
                )
            });
            // "The merger of gas giant Gazprom and oil firm Rosneft": both
            // sides are named, neither is the topic.
            let both_named = matches!(s.low(t1 - 1), "merger" | "mergers" | "combination")
                && s.args[patient].last < s.last
                && s.low_is(s.args[patient].last, "and");
            if let (true, false, Some(topic)) = (opens, both_named, s.topic) {
                for &p in &patients {
                    push_args(cx, topic, s.args[p], out);
                }
            }
        }
    }
}

/// Whether the noun phrase ending before `t0` is what its clause buys or
/// invests in: "bought oil unit", "to acquire the German subsidiary", "a
/// stake in Italian unit".
fn bought_or_held(s: &Sent<'_>, t0: usize) -> bool {
    let lo = t0.saturating_sub(5).max(s.first + 1);
    let mut k = t0;
    while k > lo
        && !buys(s.low(k - 1))
        && s.tokens[k - 1].kind != TokKind::Possessive
        && is_modifier(s, k - 1)
    {
        k -= 1;
    }
    if k == s.first {
        return false;
    }
    let w = s.low(k - 1);
    if buys(w) {
        return true;
    }
    w == "in"
        && k >= s.first + 2
        && matches!(
            s.low(k - 2),
            "stake"
                | "stakes"
                | "interest"
                | "shares"
                | "holding"
                | "invest"
                | "invested"
                | "investing"
        )
}

/// A verb of selling a business: "sold", "to divest".
fn sells(w: &str) -> bool {
    matches!(
        w,
        "sell" | "sells" | "sold" | "selling" | "divest" | "divests" | "divested" | "divesting"
    )
}

fn buys(w: &str) -> bool {
    matches!(
        w,
        "buy"
            | "buys"
            | "bought"
            | "buying"
            | "acquire"
            | "acquires"
            | "acquired"
            | "acquiring"
            | "purchase"
            | "purchased"
            | "purchasing"
    )
}

/// The firm whose assets or business the phrase at `k` names whole: "the
/// assets of X", "substantially all of the assets of X", "the business
/// of X" (not "certain assets of X").
fn assets_of(s: &Sent<'_>, mut k: usize) -> Option<usize> {
    let end = s.last.min(k + 8);
    while k < end && matches!(s.low(k), "the" | "all" | "substantially" | "of" | "its") {
        k += 1;
    }
    if k + 1 >= end
        || !matches!(
            s.low(k),
            "assets" | "business" | "businesses" | "operations"
        )
        || !s.low_is(k + 1, "of")
    {
        return None;
    }
    let p = s.arg_starting(skip_dets_right(s, k + 2))?;
    let a = s.args[p];
    (a.last >= s.last || s.tokens[a.last].kind != TokKind::Possessive).then_some(p)
}

/// Whether the noun at `t0..t1` is an order that its clause's subject
/// places: "placed an order", "places a $4bn order", "is placing orders",
/// "cut a previous order".
fn order_placed(s: &Sent<'_>, t0: usize, t1: usize) -> bool {
    if !matches!(s.low(t1 - 1), "order" | "orders") {
        return false;
    }
    // Over a few modifiers: "placed a six mln dlrs order".
    let lo = t0.saturating_sub(6).max(s.first);
    for k in (lo..t0).rev() {
        // Only the customer confirms, cuts, cancels or firms up its order
        // ("TAP has confirmed an order for three Airbus A310s"); a supplier
        // wins or receives one.
        if matches!(
            s.low(k),
            "placed"
                | "places"
                | "place"
                | "placing"
                | "put"
                | "puts"
                | "putting"
                | "confirmed"
                | "confirms"
                | "confirm"
                | "cut"
                | "cuts"
                | "cutting"
                | "cancelled"
                | "canceled"
                | "cancels"
                | "cancel"
                | "set"
                | "firmed"
                | "reduced"
                | "trimmed"
        ) {
            return true;
        }
        if !is_modifier(s, k) {
            return false;
        }
    }
    false
}

/// The possessor right before a noun: "A's [adj] acquisition", "its deal".
fn possessor(s: &Sent<'_>, t0: usize) -> Option<usize> {
    let lo = t0.saturating_sub(5).max(s.first);
    for k in (lo..t0).rev() {
        if s.is_poss(k) {
            return s.arg_ending(k);
        }
        if let Some(a) = s.arg_ending(k + 1) {
            if s.low_is(s.args[a].first, "its") {
                return Some(a);
            }
        }
        if !is_modifier(s, k) {
            return None;
        }
    }
    None
}

fn possessive(cx: &Trig<'_, '_>, out: &mut Vec<Found>) {
    let (s, t0, t1) = (cx.s, cx.t0, cx.t1);
    // A possessive's forbidden words stand right before its noun: a
    // "trading partner" is no partnership.
    if t0 > s.first && cx.rule().forbids.iter().any(|w| w == s.low(t0 - 1)) {
        return;
    }
    // "Supporters' group Shareholders United": a capitalised holder noun
    // inside a sentence is part of a name.
    if cx.rule().kind == RelationKind::Investment
        && t0 > s.first
        && s.tokens[t0].cap
        && !s.shouting()
    {
        return;
    }
    // "A's [modifiers] B unit" or "A's unit B" / "its unit, B" /
    // "A's largest customer is B".
    // The name in apposition before: "Google Cloud, Alphabet's cloud
    // computing unit," / "ECMA, the Army office that ...".
    let apposed = |from: usize| -> Option<usize> {
        let mut k = phrase_start(s, from);
        // "Northrop, one of the Air Force's largest contractors," / "X,
        // among the Navy's suppliers,".
        if k >= s.first + 4 && s.low_is(k - 1, "of") && s.low_is(k - 2, "one") {
            k -= 2;
        } else if k >= s.first + 3 && s.low_is(k - 1, "among") {
            k -= 1;
        }
        if k > s.first + 1 && s.low_is(k - 1, ",") {
            let before = if s.low_is(k - 2, ")") {
                (s.first..k - 2)
                    .rev()
                    .find(|&q| s.low_is(q, "("))
                    .and_then(|q| s.arg_ending(q))
            } else {
                None
            };
            // "In Argentina, Suez's subsidiary": a phrase opening the
            // sentence, not a name in apposition (as "the auction of
            // Yugansk, its main unit," is).
            s.arg_ending(k - 1).or(before).filter(|&a| {
                let f = s.args[a].first;
                let opening = matches!(s.low(s.first), "despite" | "although" | "while")
                    || PREPOSITIONS.contains(s.low(s.first));
                f == s.first
                    || !opening
                    || (s.first..f).any(|q| s.low_is(q, ",") || finite_verb(s.low(q)))
            })
        } else {
            None
        }
    };
    let Some(whole) = possessor_before(s, t0) else {
        // "the Army office": a name right before the part noun owns it. A
        // government body before a commercial noun is where the firm is:
        // "a Baldwin County bank", "a Texas airline".
        if let Some(owner) = s.arg_ending(t0) {
            let place = s.args[owner].kind == EntityKind::Agency
                && matches!(
                    s.low(t0),
                    "bank"
                        | "brewer"
                        | "chain"
                        | "retailer"
                        | "newspaper"
                        | "airline"
                        | "carrier"
                        | "label"
                        | "studio"
                        | "channel"
                        | "business"
                );
            // Nor is the name before a noun that says what the name itself
            // is: "the Observer newspaper", "the Travelodge chain".
            // ("an Ingersoll newspaper" is one of Ingersoll's.)
            let f = s.args[owner].first;
            let itself = matches!(
                s.low(t0),
                "newspaper" | "chain" | "label" | "channel" | "brand"
            ) && (f == s.first || !matches!(s.low(f - 1), "a" | "an"));
            // Or the subject of a verb of being before it: "Kestrel is a
            // Halvorsen unit", "Western has been operated as a Delta
            // subsidiary".
            let described = || {
                let from = s.args[owner].first;
                let k = phrase_start(s, from);
                if k == from || k == s.first {
                    return None;
                }
                let v = k - 1;
                // ("Kestrel has long been a Navy contractor".)
                let being = copula(s.low(v)) || s.low_is(v, "been") || being_as(s, v);
                being.then(|| subject(cx.rules, s, v)).flatten()
            };
            // A supplier noun names no country's customer: "a U.S. supplier"
            // is where the firm is.
            let supplier = cx.rule().kind == RelationKind::Contract;
            if supplier && s.args[owner].nation {
                return;
            }
            // "Navy supplier Kestrel", "Halvorsen Corp supplier Kestrel Ltd":
            // the name after the supplier noun is the supplier.
            if let Some(part) = s.arg_starting(t1).filter(|_| supplier) {
                push(cx, owner, part, out);
                return;
            }
            if let Some(part) = apposed(s.args[owner].first)
                .or_else(described)
                .filter(|_| !place && !itself)
            {
                push(cx, owner, part, out);
            }
        } else if cx.rule().kind == RelationKind::PartOf && !(t1 < s.last && s.low_is(t1, "of")) {
            // "agreed to sell Halcyon, a subsidiary that cleans up sites,
            // to Tetra Tech": a unit sold is the seller's.
            let k = phrase_start(s, t0);
            if let Some(part) = apposed(t0).filter(|_| matches!(s.low(k), "a" | "an")) {
                let f = s.args[part].first;
                if f > s.first + 1 && sells(s.low(f - 1)) {
                    if let Some(seller) = subject(cx.rules, s, f - 1) {
                        push(cx, seller, part, out);
                    }
                }
            }
        }
        return;
    };
    // "the bank's chief economic adviser X": a person's post, not a firm's
    // service.
    if cx.rule().kind == RelationKind::Contract
        && t0 > s.first
        && matches!(
            s.low(t0 - 1),
            "economic" | "chief" | "senior" | "special" | "political" | "personal" | "top"
        )
    {
        return;
    }
    // "Gelco said Air Canada agreed to buy its Canadian unit": a unit that
    // is bought is the seller's, whom the pronoun may not name (no firm
    // buys its own unit).
    if cx.rule().kind == RelationKind::PartOf
        && matches!(s.low(s.args[whole].first), "its" | "their")
    {
        let f = s.args[whole].first;
        // (Not a gerund's: "a group interested in acquiring its unit".)
        let buyer = (f > s.first && buys(s.low(f - 1)) && !s.low(f - 1).ends_with("ing"))
            .then(|| subject(cx.rules, s, f - 1))
            .flatten();
        if buyer.is_some_and(|b| s.args[b].entity == s.args[whole].entity) {
            return;
        }
    }
    // "its wholly owned X": the verb rule reads "owned" after a pronoun.
    if s.low(t1 - 1).ends_with("owned") && matches!(s.low(s.args[whole].first), "its" | "their") {
        return;
    }
    // "its bank, Irving Bank Corp": a firm's bank is its lender; a bank
    // that is a part is described ("its savings bank", "its U.S. bank").
    let end = s.args[whole].last;
    if s.low_is(t0, "bank") && (end == t0 || (end + 1 == t0 && s.is_poss(end))) {
        return;
    }
    let between = s
        .args
        .iter()
        .position(|a| a.first >= s.args[whole].last && a.last <= t0);
    let parts = match between {
        // "UTC's Collins Aerospace and Pratt & Whitney divisions": a plural
        // noun owns every name of the list before it.
        Some(b) if s.low(t1 - 1).ends_with('s') => list_right(s, b)
            .into_iter()
            .filter(|&a| s.args[a].last <= t0)
            .collect(),
        Some(b) => vec![b],
        None => {
            // "Palantir's customers include the Army and NASA".
            let mut k = t1;
            while k < s.last
                && (s.low_is(k, ",")
                    || BE.contains(&s.low(k))
                    || matches!(s.low(k), "include" | "includes" | "included"))
            {
                k += 1;
            }
            // "made the CIA's venture arm a Google shareholder": a name
            // after "a" describes, it does not name the part.
            let indefinite = k < s.last && matches!(s.low(k), "a" | "an");
            // "job cuts at its European operations, GM is reducing": after
            // a comma, a name that a verb follows opens the main clause.
            let comma = (t1..k).any(|q| s.low_is(q, ","));
            let clause_subject = |a: usize| {
                let end = s.args[a].last;
                comma && end < s.last && {
                    let w = s.low(end);
                    BE.contains(&w) || AUXILIARIES.contains(w) || matches!(w, "said" | "says")
                }
            };
            let plural = s.low(t1 - 1).ends_with('s') && !s.low(t1 - 1).ends_with("ss");
            match s
                .arg_starting(skip_dets_right(s, k))
                .filter(|&a| !indefinite && !clause_subject(a))
            {
                // "Gazprom, its unit Gazpromneft, Rosneft and ...": a
                // singular noun names one part.
                Some(a) if !plural => vec![a],
                Some(a) => list_right(s, a),
                // "Harcourt, its directors and advisers": a list of
                // nouns after the name is no description of it ("its
                // search and advertising subsidiary" is one noun).
                // ("from Dixons after the merger, Cyclops' industrial
                // businesses": a plural noun in apposition names a list.)
                // (But "Northrop, one of the Air Force's contractors,".)
                None => match apposed(s.args[whole].first).filter(|&a| {
                    let member = s.args[a].last + 1 < s.last
                        && matches!(s.low(s.args[a].last + 1), "one" | "among");
                    !matches!(s.low(t0 - 1), "and" | "or")
                        && (!plural || member || list_left(s, a).len() >= 2)
                }) {
                    Some(a) if plural => list_left(s, a),
                    Some(a) => vec![a],
                    // "the FBI and the IRS are Chainalysis's only clients".
                    None => match copula_subject(s, whole)
                        .or_else(|| role_subject(cx, whole))
                        .or_else(|| coordinated_copula_subject(cx, whole))
                    {
                        Some(a) => list_left(s, a),
                        None => return,
                    },
                },
            }
        }
    };
    for part in parts {
        // "its two largest shareholders, Loews Corp chairman Laurence
        // Tisch and ...": the person holds, not the firm he chairs.
        let mut k = s.args[part].last;
        if k < s.last && s.low_is(k, "<") {
            // Over a wire ticker: "Loews Corp <LTR> chairman".
            while k < s.last && !s.low_is(k, ">") {
                k += 1;
            }
            k += 1;
        }
        let person = cx.rule().kind == RelationKind::Investment
            && k < s.last
            && matches!(
                s.low(k),
                "chairman" | "founder" | "cofounder" | "owner" | "president" | "chief"
            );
        if !person {
            push(cx, whole, part, out);
        }
    }
}

/// Where the noun phrase that a name at `from` premodifies starts: over
/// determiners, and over a lowercase modifier that a determiner
/// opens ("a longtime Navy supplier", "a major Pentagon contractor").
fn phrase_start(s: &Sent<'_>, from: usize) -> usize {
    let modified = from > s.first + 1
        && plain_word(s, from - 1)
        && !finite_verb(s.low(from - 1))
        && DETERMINERS.contains(s.low(from - 2));
    skip_dets_left(s, if modified { from - 1 } else { from })
}

/// The subject that a copula equates with the phrase the possessor `whole`
/// opens: "Oracle is Halvorsen's biggest shareholder", "Oracle, which is
/// its biggest shareholder".
fn copula_subject(s: &Sent<'_>, whole: usize) -> Option<usize> {
    let mut k = s.args[whole].first;
    // "Kestrel is the Navy's largest contractor".
    if k > s.first && s.low_is(k - 1, "the") {
        k -= 1;
    }
    // "Kestrel is one of the Navy's largest contractors", "is among the
    // Navy's suppliers".
    if k >= s.first + 4 && s.low_is(k - 1, "of") && s.low_is(k - 2, "one") {
        k -= 2;
    } else if k >= s.first + 3 && s.low_is(k - 1, "among") {
        k -= 1;
    }
    if k < s.first + 2 {
        return None;
    }
    // "Kestrel has long been a Navy contractor", "will be its supplier":
    // over the auxiliaries and adverbs of a perfect or future.
    if matches!(s.low(k - 1), "been" | "be") {
        let mut q = k - 1;
        while q > s.first + 1
            && (AUXILIARIES.contains(s.low(q - 1))
                || matches!(s.low(q - 1), "long" | "also" | "still" | "now" | "already")
                || (s.low(q - 1).ends_with("ly") && plain_word(s, q - 1)))
        {
            q -= 1;
        }
        return (q < k - 1).then(|| s.arg_ending(q)).flatten();
    }
    // "The deal makes Halvorsen the Navy's sole supplier": what is made
    // one is the object of "make".
    if let Some(x) = s.arg_ending(k) {
        let f = s.args[x].first;
        if f > s.first && matches!(s.low(f - 1), "makes" | "made" | "make" | "making") {
            return Some(x);
        }
    }
    if !copula(s.low(k - 1)) {
        return None;
    }
    if let Some(a) = s.arg_ending(k - 1) {
        return Some(a);
    }
    if k >= s.first + 4 && s.low_is(k - 2, "which") && s.low_is(k - 3, ",") {
        return s.arg_ending(k - 3);
    }
    None
}

/// The subject of a verb of being coordinated after another verb: "Amazon
/// invested $4bn in Anthropic and became its primary cloud provider".
fn coordinated_copula_subject(cx: &Trig<'_, '_>, whole: usize) -> Option<usize> {
    let s = cx.s;
    let k = s.args[whole].first;
    if k < s.first + 3 || !copula(s.low(k - 1)) || !s.low_is(k - 2, "and") {
        return None;
    }
    subject(cx.rules, s, k - 2).filter(|&a| a != whole && s.args[a].entity != s.args[whole].entity)
}

/// The name a supplier noun after "as" describes: "retained Kestrel as its
/// adviser", or the subject of a verb of serving: "Kestrel will act as its
/// financial adviser", "Kestrel is serving as Halvorsen's auditor". Only
/// for contract rules: what a name serves as is a service.
fn role_subject(cx: &Trig<'_, '_>, whole: usize) -> Option<usize> {
    let s = cx.s;
    let k = s.args[whole].first;
    if cx.rule().kind != RelationKind::Contract || k < s.first + 3 || !s.low_is(k - 1, "as") {
        return None;
    }
    // "retained Kestrel as its financial adviser", "dropped Kestrel as
    // its auditor" (it was one).
    if let Some(a) = s.arg_ending(k - 1) {
        return Some(a);
    }
    let v = k - 2;
    crate::ner::serving_verb(s.low(v))
        .then(|| subject(cx.rules, s, v))
        .flatten()
}

/// A verb of being that equates its subject with what follows.
fn copula(w: &str) -> bool {
    matches!(
        w,
        "is" | "was"
            | "are"
            | "were"
            | "became"
            | "becomes"
            | "become"
            | "remains"
            | "remain"
            | "remained"
    )
}

fn possessor_before(s: &Sent<'_>, t0: usize) -> Option<usize> {
    let lo = t0.saturating_sub(6).max(s.first);
    for k in (lo..t0).rev() {
        if s.is_poss(k) {
            return s.arg_ending(k);
        }
        if let Some(a) = s.arg_ending(k + 1) {
            if s.low_is(s.args[a].first, "its") {
                return Some(a);
            }
        }
        // "Anthropic, whose investors include Amazon": the name the
        // relative pronoun stands for.
        if s.low_is(k, "whose") && k > s.first + 1 && s.low_is(k - 1, ",") {
            return s.arg_ending(k - 1);
        }
        // A finite verb ends the noun phrase: "its parent X had
        // subsidiaries" is no possessive of "subsidiaries". (Not
        // `finite_verb`: its "-ed" words would end "its wholly owned unit".)
        let w = s.low(k);
        if PREPOSITIONS.contains(w)
            || w == ","
            || BE.contains(&w)
            || matches!(
                w,
                "has"
                    | "had"
                    | "have"
                    | "said"
                    | "says"
                    | "will"
                    | "would"
                    | "can"
                    | "could"
                    | "since"
                    | "until"
                    | "during"
                    | "despite"
                    | "without"
            )
        {
            return None;
        }
    }
    None
}

/// Whether token `k` is the "as" of a verb of being: "will operate as a
/// unit of", "continues as a subsidiary of".
fn being_as(s: &Sent<'_>, k: usize) -> bool {
    s.low_is(k, "as")
        && k > s.first
        && matches!(
            s.low(k - 1),
            "operate"
                | "operates"
                | "operated"
                | "operating"
                | "serve"
                | "serves"
                | "served"
                | "serving"
                | "act"
                | "acts"
                | "acted"
                | "acting"
                | "continue"
                | "continues"
                | "remain"
                | "remains"
                | "function"
                | "functions"
        )
}

/// The "to" of an infinitive of being: "agreed to become", "will continue
/// to function as".
fn to_being(s: &Sent<'_>, k: usize) -> bool {
    s.low_is(k, "to")
        && k + 1 < s.last
        && matches!(
            s.low(k + 1),
            "become" | "function" | "operate" | "remain" | "continue" | "be"
        )
}

fn appositive(cx: &Trig<'_, '_>, out: &mut Vec<Found>) {
    let (rules, s, t0, t1) = (cx.rules, cx.s, cx.t0, cx.t1);
    let rule = cx.rule();
    // Left: "B, a subsidiary of A" or "B is a unit of A" or "B, part of A".
    let mut k = t0;
    let mut lo = t0.saturating_sub(7).max(s.first);
    let mut left = None;
    while k > lo {
        k -= 1;
        // "Verdant Holding Co (Verdant), a subsidiary of", "Verdant
        // Holding Company, Ltd., a subsidiary of": over a parenthesis and
        // an abbreviation's period.
        if s.low_is(k, ")") && s.arg_ending(k).is_none() {
            if let Some(open) = (k.saturating_sub(8).max(s.first)..k)
                .rev()
                .find(|&q| s.low_is(q, "("))
            {
                lo = lo.saturating_sub(k - open).max(s.first);
                k = open;
                continue;
            }
        }
        if s.low_is(k, ".") && s.arg_ending(k).is_some() {
            lo = lo.saturating_sub(1).max(s.first);
        }
        // "Nelson will be operated as a wholly-owned subsidiary of": the
        // subject is a few auxiliaries further back.
        if being_as(s, k) {
            lo = lo.min(k.saturating_sub(5)).max(s.first);
        }
        if let Some(a) = s.arg_ending(k + 1) {
            // "Palantir expanded its presence within the government": what
            // is within is the pronoun's noun, not the name.
            if s.low_is(t0, "within")
                && k + 1 < t0
                && matches!(s.low(s.args[a].first), "its" | "their")
            {
                return;
            }
            left = Some(a);
            break;
        }
        let w = s.low(k);
        // "Canrad said it acquired the Measurement Systems Division of
        // Page-Wilson": a verb of another kind before the phrase makes
        // the division its object, no apposition to the subject.
        if matches!(
            w,
            "acquired" | "bought" | "purchased" | "sold" | "buy" | "acquire" | "sell" | "purchase"
        ) && !(k > s.first && s.low_is(k - 1, "-"))
        {
            return;
        }
        // "a judgment by X directing a unit of Y to pay": a verb acting on
        // the unit makes it an object, no apposition to X.
        // (Not a modifier: "the financing arm of", "an operating
        // subsidiary of".)
        let verb = (w.len() > 5 && w.ends_with("ing") && !matches!(w, "being" | "becoming"))
            || matches!(
                w,
                "directed" | "ordered" | "told" | "asked" | "urged" | "forced" | "required"
            );
        if verb && matches!(s.low(k + 1), "a" | "an" | "the" | "its" | "their") {
            return;
        }
        // "X common stock owned by Y": shares held are no part.
        if rule.kind == RelationKind::PartOf && held_paper(s, k) {
            return;
        }
        // "10 are Hyundai associates, seven are part of the Lucky-Goldstar
        // Group": a count is the subject of the verb of being.
        if k + 1 < t0
            && BE.contains(&s.low(k + 1))
            && (s.tokens[k].kind == TokKind::Number
                || number_word(w)
                || matches!(
                    w,
                    "several" | "many" | "some" | "most" | "others" | "both" | "all"
                ))
        {
            return;
        }
        // "Universal will operate as a unit of Questar": "as" after a verb
        // of being keeps the subject; so does the "to" of "will continue
        // to function as", "agreed to become".
        if PREPOSITIONS.contains(w) && w != "of" && !being_as(s, k) && !to_being(s, k) {
            // ("managed by a subsidiary of X, Y": the part may follow.)
            part_named_after(cx, out);
            return;
        }
    }
    // "X, a direct subsidiary of Y and an indirect subsidiary of Z", "X, a
    // unit of Y and the parent company of W": a second appositive joined
    // by "and" describes the same X, not Y.
    if let Some(a) = left {
        let (fa, ea) = (s.args[a].first, s.args[a].last);
        let coordinated = ea + 1 < t0
            && s.low_is(ea, "and")
            && (ea + 1..t0).all(|q| s.tokens[q].kind == TokKind::Word && !s.tokens[q].cap);
        if coordinated && fa >= s.first + 3 && s.low_is(fa - 1, "of") {
            let mut q = fa - 1;
            let stop = q.saturating_sub(8).max(s.first + 1);
            while q > stop {
                q -= 1;
                if s.low_is(q, ",") {
                    // Over a parenthesis: "X (ITT LLC), a direct subsidiary".
                    let mut e = q;
                    if s.low_is(e - 1, ")") {
                        if let Some(open) = (e.saturating_sub(8).max(s.first)..e - 1)
                            .rev()
                            .find(|&o| s.low_is(o, "("))
                        {
                            e = open;
                        }
                    }
                    if let Some(x) = s.arg_ending(e) {
                        left = Some(x);
                    }
                    break;
                }
            }
        }
    }
    // Over "operate as", the name is the verb's subject: at most an
    // auxiliary between ("Universal will operate as"), not a name further
    // back ("It said Filter Products will operate as").
    if let Some(a) = left {
        if let Some(q) = (s.args[a].last..t0).find(|&q| being_as(s, q)) {
            // "Nelson will be operated as", "Lucht will continue to
            // function as": auxiliaries only.
            let between = s.args[a].last..q - 1;
            if between.len() > 3
                || between.clone().any(|p| {
                    let w = s.low(p);
                    !(AUXILIARIES.contains(w)
                        || BE.contains(&w)
                        || matches!(w, "to" | "continue" | "continues" | "also" | "still"))
                })
            {
                return;
            }
        }
    }
    // "X, which has ... and is a subsidiary of Y": the relative clause's
    // antecedent.
    let left = left.or_else(|| {
        let start = clause_start(rules, s, t0);
        if start > s.first && matches!(s.low(start - 1), "which" | "who") {
            subject(rules, s, t0)
        } else {
            None
        }
    });
    // "managed by a subsidiary of Halvorsen, Kestrel Advisers Inc": the
    // part is named after its whole, set off by commas.
    let Some(left) = left else {
        part_named_after(cx, out);
        return;
    };
    // "the Mercedes group within DaimlerChrysler" is a part; "Palantir
    // experienced explosive growth within the government" is not: a bare
    // "within" follows its name or one noun.
    if s.low_is(t0, "within")
        && t1 == t0 + 1
        && (s.args[left].last + 1 < t0
            || (s.args[left].last..t0).any(|k| crate::ner::verb_like(s.low(k))))
    {
        return;
    }
    // "merge with its subsidiary Medco": a possessive pronoun owns what
    // follows (the possessive rules' business); it is no appositive's head.
    if matches!(s.low(s.args[left].first), "its" | "their") {
        return;
    }
    // "Halvorsen's supplier Kestrel": a possessor owns the noun (the
    // possessive rules' business); it is not the name the noun describes.
    // Nor is a name right before a bare noun ("Halvorsen supplier
    // Kestrel"): it modifies the noun.
    let bare = !PREPOSITIONS.contains(s.low(t1 - 1)) && !s.low(t1 - 1).ends_with("ed");
    if s.is_poss(s.args[left].last) || (bare && s.args[left].last == t0) {
        return;
    }
    let relative_left = s.args[left].last + 8 < t0;
    // "New World Pictures Ltd <NWP>, holder of": a wire ticker in brackets
    // after the name is part of it ("SEARS <S> SUPPLIER" is no apposition).
    let mut gap_from = s.args[left].last;
    if s.low_is(gap_from, "<") {
        if let Some(q) = (gap_from..t0).find(|&q| s.low_is(q, ">")) {
            if q + 1 == t0 {
                return;
            }
            gap_from = q + 1;
        }
    }
    let gap_ok = relative_left
        || (gap_from..t0).all(|q| {
            let w = s.low(q);
            w == ","
                || DETERMINERS.contains(w)
                || BE.contains(&w)
                || matches!(
                    w,
                    "now" | "also" | "which" | "became" | "becomes" | "remains" | "still"
                )
                // "X Co (XC), a unit of", "X Company, Ltd., a unit of".
                || matches!(w, "(" | ")" | ".")
                || being_as(s, q)
                || to_being(s, q)
                // "a fully-owned subsidiary of".
                || (w == "-" && !s.tokens[q].space_before)
                || s.tokens[q].kind == TokKind::Word
                    // "Polydex said the Canadian unit of X": the name is
                    // the speaker.
                    && !(PREPOSITIONS.contains(w) || reporting_verb(w))
                    // "Apollo and investment clients of Equitable", "a
                    // merger of Rexnord and a subsidiary of Banner": what
                    // follows "and" is another party.
                    && !(matches!(w, "and" | "or")
                        && q == s.args[left].last
                        && q + 1 < s.last
                        && !s.tokens[q + 1].cap)
        });
    if !gap_ok {
        return;
    }
    // A rule's required word follows its patient, which may premodify it
    // or own it: "the prime contractor on the Navy's new network".
    let right = object(rules, s, t1, &rule.patient_preps, rule.max_gap, Some(left));
    let right = if rule.requires.is_empty() || right.is_some() {
        right
    } else {
        patient_before_required(cx, Some(left))
    };
    // A supplier's trigger ending in its preposition takes a possessor as
    // its object: "the underwriter for Kestrel's share offering" serves
    // Kestrel (not its owner: "adviser to Kestrel's parent").
    let right = right.or_else(|| {
        s.arg_starting(t1).filter(|&b| {
            let owned = s.args[b].last + 1;
            rule.kind == RelationKind::Contract
                && b != left
                && PREPOSITIONS.contains(s.low(t1 - 1))
                && s.is_poss(s.args[b].last)
                && !(owned < s.last && owner_noun(s.low(owned)))
        })
    });
    let Some(right) = right else {
        return;
    };
    // The left entity is the agent ("B, a unit of A": B is the part); a
    // plural trigger takes the whole list ("B and C, two units of A").
    if !s.low(t0).ends_with('s') || s.args[left].last == t0 {
        push(cx, left, right, out);
        return;
    }
    // Plural: a list before, set off by a comma or a verb of being ("A and
    // B are units of C"); not "said the units of C", units of stock.
    let mut lefts = list_left(s, left);
    lefts.sort_unstable_by_key(|&a| s.args[a].first);
    let set_off = (s.args[left].last..t0).any(|q| {
        let w = s.low(q);
        w == "," || w == "both" || BE.contains(&w)
    });
    // One name with a plural verb of being is a firm spoken of as its
    // people: "Merrill Lynch are sole bookrunners for Air China's flotation".
    if lefts.len() < 2 && (s.args[left].last..t0).any(|q| matches!(s.low(q), "are" | "were")) {
        push(cx, left, right, out);
        return;
    }
    if lefts.len() < 2 || !set_off {
        return;
    }
    // "affiliates of X and Y respectively" pairs the lists.
    let rights = list_right(s, right);
    let end = s.args[*rights.last().unwrap_or(&right)].last;
    let respectively = (end..(end + 3).min(s.last)).any(|q| s.low_is(q, "respectively"));
    if respectively {
        if rights.len() == lefts.len() {
            for (&l, &r) in lefts.iter().zip(&rights) {
                push(cx, l, r, out);
            }
        }
        return;
    }
    for l in lefts {
        push(cx, l, right, out);
    }
}

fn switch(cx: &Trig<'_, '_>, out: &mut Vec<Found>) {
    let (rules, s, t0, t1) = (cx.rules, cx.s, cx.t0, cx.t1);
    let rule = cx.rule();
    let from = ["from".to_string()];
    let to = ["to".to_string()];
    let Some(old) = object(rules, s, t1, &from, rule.max_gap, None) else {
        return;
    };
    let Some(new) = object(rules, s, s.args[old].last, &to, rule.max_gap, Some(old)) else {
        return;
    };
    let Some(customer) = possessor(s, t0).or_else(|| subject(rules, s, t0)) else {
        return;
    };
    for supplier in [old, new] {
        // The supplier is the source; the customer is the agent.
        push(cx, supplier, customer, out);
    }
}

fn transfer(cx: &Trig<'_, '_>, out: &mut Vec<Found>) {
    let (rules, s, t1) = (cx.rules, cx.s, cx.t1);
    let rule = cx.rule();
    // A stake changing hands: "sold its 20% stake in X to Y" makes Y an
    // investor in X.
    if rule.kind == RelationKind::Investment {
        let in_ = ["in".to_string()];
        let Some(firm) = object(rules, s, t1, &in_, rule.max_gap, None) else {
            return;
        };
        let a = s.args[firm];
        let f = a.first;
        // Not "its controlling interest in its French subsidiary": a
        // determiner "its" is no firm, and control is a takeover.
        let determiner = matches!(s.low(f), "its" | "their")
            && a.last == f + 1
            && a.last < s.last
            && !s.tokens[a.last].cap;
        let stake = f >= t1 + 3
            && !determiner
            && s.low_is(f - 1, "in")
            && matches!(
                s.low(f - 2),
                "stake" | "stakes" | "interest" | "holding" | "shareholding"
            )
            && !matches!(s.low(f - 3), "controlling" | "majority");
        if !stake {
            return;
        }
        let to = ["to".to_string()];
        if let Some(buyer) = object(rules, s, s.args[firm].last, &to, 8, Some(firm)) {
            push(cx, buyer, firm, out);
        }
        return;
    }
    let Some(mut thing) = object(rules, s, t1, &[], rule.max_gap, None) else {
        return;
    };
    // "sell its Dunn Paper Co subsidiary to X", "sold its <Delhi Petroleum>
    // unit": what is sold is the named part, not its owner.
    let a = &s.args[thing];
    if matches!(s.low(a.first), "its" | "their") && a.last == a.first + 1 {
        // Over modifiers, hyphens and an apposition's comma ("its Canadian
        // courier unit, Gelco Express Ltd, to"), not into a preposition's
        // phrase ("its stake in X").
        let named = s.args.iter().position(|b| {
            b.first > a.first
                && b.first <= a.last + 8
                && (a.last..b.first).all(|k| {
                    let w = s.low(k);
                    // ("vegetable oil and fats subsidiary X": "and" between
                    // lowercase words joins the description.)
                    let joins =
                        w == "and" && k > a.last && !s.tokens[k - 1].cap && !s.tokens[k + 1].cap;
                    !PREPOSITIONS.contains(w)
                        && (!matches!(w, "and" | "or" | "which" | "that") || joins)
                        && (s.tokens[k].kind == TokKind::Word
                            || s.tokens[k].kind == TokKind::Number
                            || s.tokens[k].kind == TokKind::Possessive
                            || matches!(w, "<" | "-" | "/" | ","))
                })
        });
        match named {
            Some(b) => thing = b,
            // "sell its corn milling business to X": a firm sells what it
            // has, not itself.
            None => return,
        }
    }
    // Skip an apposition after the thing sold: "sell X, a unit that ..., to Y".
    // The rule's own preposition: "merged X into Y".
    let to = ["to".to_string()];
    let preps = if rule.patient_preps.is_empty() {
        &to[..]
    } else {
        &rule.patient_preps[..]
    };
    let Some(buyer) = object(
        rules,
        s,
        s.args[thing].last,
        preps,
        rule.max_gap.max(20),
        Some(thing),
    ) else {
        return;
    };
    push(cx, buyer, thing, out);
}
