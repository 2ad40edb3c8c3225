//! The extractor: rule data plus the per-document pipeline.

use crate::ExtractError;
use crate::gazetteer::Gazetteer;
use crate::lexicon::Lexicon;
use crate::matcher::GazetteerMatcher;
use crate::model::{
    Alias, AliasOrigin, DocExtraction, Entity, EntityKind, Evidence, Relation, RelationKind,
    Status, combine_confidence,
};
use crate::ner::{self, Context};
use crate::rules::{self, Arg, Rules, Sent};
use crate::text;
use newsgraph_corpus::Document;
use std::collections::BTreeMap;
use std::path::Path;

/// The bundled data files, compiled into the binary.
pub mod bundled {
    /// `data/gazetteer.ron`
    pub const GAZETTEER: &str = include_str!("../../../data/gazetteer.ron");
    /// `data/lexicon.ron`
    pub const LEXICON: &str = include_str!("../../../data/lexicon.ron");
    /// `data/relations.ron`
    pub const RELATIONS: &str = include_str!("../../../data/relations.ron");
}

/// Sentences longer than this many bytes are capped in evidence.
const MAX_EVIDENCE_BYTES: usize = 600;

/// Rule ids of relations that come from the gazetteer rather than a trigger.
pub const RULE_DESCRIPTIVE: &str = "gazetteer.descriptive";
/// Rule id of a part its name places in a whole ("Texas attorney general").
pub const RULE_NAMED_PART: &str = "name.part";
/// Rule id of a unit named beside its gazetteer parent.
pub const RULE_PARENT: &str = "gazetteer.parent";
/// Rule id of "A's B" read as B part of A.
pub const RULE_POSSESSIVE: &str = "possessive.part";
/// Rule id of "the Office of X in the Y Service" read as part of Y.
pub const RULE_OFFICE_IN: &str = "office.in";
/// Rule id of "the X School at Y University" read as part of Y.
pub const RULE_UNIT_AT: &str = "unit.at";

/// Everything extraction needs: gazetteer, lexicon and relation rules.
#[derive(Debug, Clone)]
pub struct Extractor {
    gazetteer: Gazetteer,
    matcher: GazetteerMatcher,
    lexicon: Lexicon,
    rules: Rules,
}

impl Extractor {
    /// An extractor over the data files compiled into the binary.
    pub fn bundled() -> Result<Self, ExtractError> {
        Ok(Self::new(
            Gazetteer::from_ron(bundled::GAZETTEER, "data/gazetteer.ron")?,
            Lexicon::from_ron(bundled::LEXICON, "data/lexicon.ron")?,
            Rules::from_ron(bundled::RELATIONS, "data/relations.ron")?,
        ))
    }

    /// An extractor over the data files of a directory: each of
    /// `gazetteer.ron`, `lexicon.ron` and `relations.ron` found there
    /// replaces the bundled one.
    pub fn from_dir(dir: &Path) -> Result<Self, ExtractError> {
        if !dir.is_dir() {
            return Err(ExtractError::Io {
                file: dir.display().to_string(),
                source: std::io::Error::new(
                    std::io::ErrorKind::NotFound,
                    "data directory not found",
                ),
            });
        }
        let g = dir.join("gazetteer.ron");
        let l = dir.join("lexicon.ron");
        let r = dir.join("relations.ron");
        Ok(Self::new(
            if g.exists() {
                Gazetteer::load(&g)?
            } else {
                Gazetteer::from_ron(bundled::GAZETTEER, "data/gazetteer.ron")?
            },
            if l.exists() {
                Lexicon::load(&l)?
            } else {
                Lexicon::from_ron(bundled::LEXICON, "data/lexicon.ron")?
            },
            if r.exists() {
                Rules::load(&r)?
            } else {
                Rules::from_ron(bundled::RELATIONS, "data/relations.ron")?
            },
        ))
    }

    /// Assemble from loaded parts.
    pub fn new(gazetteer: Gazetteer, lexicon: Lexicon, rules: Rules) -> Self {
        let matcher = GazetteerMatcher::new(&gazetteer);
        Extractor {
            gazetteer,
            matcher,
            lexicon,
            rules,
        }
    }

    /// The gazetteer in use.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// The relation rules in use.
    pub fn rules(&self) -> &Rules {
        &self.rules
    }

    /// The lexicon in use.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Normalise a name the way entity resolution does.
    pub fn normalize(&self, name: &str) -> String {
        ner::normalize_name(name, &self.lexicon)
    }

    /// Extract the organisations and relations of one document.
    pub fn extract(&self, doc: &Document) -> DocExtraction {
        // Hard-wrapped text is read with its soft line breaks as spaces (the
        // same byte offsets).
        let unwrapped = text::unwrap_soft_breaks(&doc.text);
        let text = unwrapped.as_deref().unwrap_or(doc.text.as_str());
        let lower = text.to_ascii_lowercase();
        let tokens = text::tokenize(text);
        let sentences = text::sentences(text, &tokens);
        let mut tok_sentence = vec![0u32; tokens.len()];
        for (si, s) in sentences.iter().enumerate() {
            for t in &mut tok_sentence[s.first..s.last] {
                *t = si as u32;
            }
        }
        let cx = Context {
            text,
            lower: &lower,
            tokens: &tokens,
            sentences: &sentences,
            tok_sentence: &tok_sentence,
            gazetteer: &self.gazetteer,
            matcher: &self.matcher,
            lexicon: &self.lexicon,
        };
        let rec = ner::recognise(&cx);

        // Relations, sentence by sentence.
        let mut statements: Vec<(RelationKind, usize, usize, Evidence)> = Vec::new();
        let mut mi = 0;
        let mut args: Vec<Arg> = Vec::new();
        let low = |i: usize| {
            tokens
                .get(i)
                .map_or("", |t| &lower[t.start as usize..t.end as usize])
        };
        // Government bodies whose name says they hold stakes ("Kuwait
        // Investment Office", "the Treasury"), once per entity.
        let holders: Vec<bool> = rec
            .entities
            .iter()
            .map(|e| {
                e.kind == EntityKind::Agency
                    && e.name.split(' ').any(|w| {
                        matches!(
                            w,
                            "Investment"
                                | "Investments"
                                | "Asset"
                                | "Assets"
                                | "Treasury"
                                | "Fund"
                                | "Holding"
                                | "Holdings"
                                | "asset"
                                | "investment"
                        )
                    })
            })
            .collect();
        for (si, s) in sentences.iter().enumerate() {
            // The topic of the previous sentence: its first entity that is
            // no commentator ("said X analyst Y" names no topic).
            let topic = args
                .iter()
                .find(|a| !rec.entities[a.entity].latent && !a.commentator)
                .copied();
            args.clear();
            while mi < rec.mentions.len() && rec.mentions[mi].sentence < si {
                mi += 1;
            }
            let mut k = mi;
            while k < rec.mentions.len() && rec.mentions[k].sentence == si {
                let m = rec.mentions[k];
                let key = &rec.entities[m.entity].key;
                args.push(Arg {
                    first: m.first,
                    last: m.last,
                    entity: m.entity,
                    kind: rec.entities[m.entity].kind,
                    nation: key.starts_with("gov:") || key.ends_with("_government"),
                    holder: holders[m.entity],
                    commentator: self.lexicon.is_commentator(key)
                        || crate::ner::COMMENTING_ROLES.contains(&low(m.last))
                        || (m.first >= 2
                            && matches!(low(m.first - 1), "at" | "with")
                            && crate::ner::COMMENTING_ROLES.contains(&low(m.first - 2))),
                });
                k += 1;
            }
            if args.is_empty() || (args.len() < 2 && topic.is_none()) {
                continue;
            }
            let sent = Sent {
                lower: &lower,
                tokens: &tokens,
                first: s.first,
                last: s.last,
                args: &args,
                topic,
            };
            for f in rules::apply(&self.rules, &sent) {
                let rule = self.rules.rule(f.rule);
                let trigger = &text[tokens[f.trigger_first].start as usize
                    ..tokens[f.trigger_last - 1].end as usize];
                let (source, target) = canonical_pair(
                    f.kind,
                    &rec.entities[f.source].key,
                    &rec.entities[f.target].key,
                    f.source,
                    f.target,
                );
                statements.push((
                    f.kind,
                    source,
                    target,
                    evidence(
                        doc,
                        text,
                        si,
                        s.start,
                        s.end,
                        trigger,
                        &rule.id,
                        f.status,
                        rule.confidence,
                    ),
                ));
            }
        }
        // "its Azure cloud" with "its" read as the wrong company: a unit the
        // gazetteer places under a parent named in the document belongs to
        // that parent. Only when the owner was a pronoun: a named owner
        // ("Yukos's Yugansk division") is what the text says, whatever the
        // gazetteer's (later) parent is.
        for st in &mut statements {
            if st.0 != RelationKind::PartOf || !st.3.rule.starts_with("part_of.possessive") {
                continue;
            }
            let Some(parent) = &rec.entities[st.1].parent else {
                continue;
            };
            if rec.entities[st.2].key == *parent {
                continue;
            }
            let named_owner = rec
                .mentions
                .iter()
                .any(|m| m.sentence == st.3.sentence as usize && m.entity == st.2 && !m.pronoun);
            if named_owner {
                continue;
            }
            if let Some(pi) = rec.entities.iter().position(|x| x.key == *parent) {
                if rec.mentions.iter().any(|m| m.entity == pi) {
                    st.2 = pi;
                }
            }
        }

        // A `part_of` statement stated by tokens `from..to` of a sentence.
        let part_of = |sentence: usize,
                       part: usize,
                       whole: usize,
                       (from, to): (usize, usize),
                       rule: &str,
                       confidence: f32| {
            let s = &sentences[sentence];
            let words = &text[tokens[from].start as usize..tokens[to - 1].end as usize];
            let ev = evidence(
                doc,
                text,
                sentence,
                s.start,
                s.end,
                words,
                rule,
                Status::Asserted,
                confidence,
            );
            (RelationKind::PartOf, part, whole, ev)
        };

        // Descriptive gazetteer aliases state a part ("Amazon's cloud
        // division"), and so does a possessive naming the gazetteer parent
        // ("the Navy's Naval Air Systems Command", "Microsoft, whose Azure").
        for (mi, m) in rec.mentions.iter().enumerate() {
            if m.pronoun {
                continue;
            }
            let e = &rec.entities[m.entity];
            let Some(parent) = &e.parent else { continue };
            let surface = &text[tokens[m.first].start as usize..tokens[m.last - 1].end as usize];
            let norm_surface = surface.replace('\u{2019}', "'");
            let descriptive = e.surfaces.get(&norm_surface) == Some(&AliasOrigin::Descriptive);
            let possessed = mi > 0 && m.first >= 2 && {
                let p = &rec.mentions[mi - 1];
                let parent_mention = p.last + 1 == m.first
                    && rec.entities[p.entity].key == *parent
                    && (tokens[p.last].kind == text::TokKind::Possessive);
                let whose = p.last + 2 == m.first
                    && rec.entities[p.entity].key == *parent
                    && lower[tokens[p.last].start as usize..tokens[p.last].end as usize] == *","
                    && lower[tokens[p.last + 1].start as usize..tokens[p.last + 1].end as usize]
                        == *"whose";
                parent_mention || whose
            };
            if !descriptive && !possessed {
                continue;
            }
            if let Some(pi) = rec.entities.iter().position(|x| &x.key == parent) {
                statements.push(part_of(
                    m.sentence,
                    m.entity,
                    pi,
                    (m.first, m.last),
                    RULE_DESCRIPTIVE,
                    0.9,
                ));
            }
        }

        // "GM's Opel", "IBM's Watson Health": an organisation named right
        // after another's possessive, as the head of its phrase, is part of
        // it.
        for w in rec.mentions.windows(2) {
            let (p, m) = (w[0], w[1]);
            if p.pronoun || m.pronoun || p.last + 1 != m.first || p.entity == m.entity {
                continue;
            }
            if tokens[p.last].kind != text::TokKind::Possessive {
                continue;
            }
            let (pe, me) = (&rec.entities[p.entity], &rec.entities[m.entity]);
            let kinds_fit = match pe.kind {
                EntityKind::Agency => me.kind == EntityKind::Agency,
                EntityKind::Firm => me.kind != EntityKind::Agency,
                EntityKind::Cloud => false,
            };
            if !kinds_fit || pe.latent || me.parent.as_deref() == Some(pe.key.as_str()) {
                continue;
            }
            // The name must head its phrase: "Deutsche Boerse's Clearstream
            // unit" is handled by the unit rule; "Oracle's PeopleSoft bid" is
            // no part.
            if let Some(next) = tokens.get(m.last) {
                let nw = &lower[next.start as usize..next.end as usize];
                if next.kind == text::TokKind::Word && !next.cap && !ner::verb_like(nw) {
                    continue;
                }
                if next.kind == text::TokKind::Possessive {
                    continue;
                }
            }
            statements.push(part_of(
                m.sentence,
                m.entity,
                p.entity,
                (p.first, m.last),
                RULE_POSSESSIVE,
                0.6,
            ));
        }

        // The lowercase word at token `k`, "" past the end.
        let word = |k: usize| {
            tokens
                .get(k)
                .map(|t| &lower[t.start as usize..t.end as usize])
                .unwrap_or("")
        };
        // "the Office of Professional Services in the GSA's Federal
        // Acquisition Service", "a bureau within the agency's": a
        // government office named in or within another government body,
        // or a government body under one, is part of it (of the last body
        // of a possessive chain).
        for (mi, m) in rec.mentions.iter().enumerate() {
            let me = &rec.entities[m.entity];
            if m.pronoun || me.kind != EntityKind::Agency || me.latent {
                continue;
            }
            let head = &text[tokens[m.first].start as usize..tokens[m.first].end as usize];
            let office = matches!(
                head,
                "Office" | "Bureau" | "Division" | "Directorate" | "Center" | "Centre" | "Branch"
            );
            // "the AI Working Group under the Data Governance Board", "the
            // Kestrel National Laboratory, under the Department of Energy":
            // a body "under" another (any body's head, last or first).
            let body = office
                || me.name.rsplit(' ').next().is_some_and(|w| {
                    matches!(
                        w,
                        "Group"
                            | "Board"
                            | "Council"
                            | "Committee"
                            | "Office"
                            | "Bureau"
                            | "Laboratory"
                            | "Center"
                            | "Centre"
                            | "Institute"
                            | "Agency"
                            | "Service"
                            | "Administration"
                            | "Division"
                            | "Directorate"
                            | "Command"
                            | "Team"
                            | "Unit"
                    )
                });
            let mut k = m.last;
            if body && word(k) == "," && word(k + 1) == "under" {
                k += 1;
            }
            let under = word(k) == "under";
            let within = match word(k) {
                "in" | "within" => office,
                "under" => body,
                _ => false,
            };
            if !within {
                continue;
            }
            let mut k = k + 1;
            if word(k) == "the" {
                k += 1;
            }
            // The body: the mention at k, or the one its possessive owns.
            let mut whole = None;
            for n in &rec.mentions[mi + 1..] {
                if n.first != k || n.sentence != m.sentence {
                    continue;
                }
                whole = Some(*n);
                if tokens
                    .get(n.last)
                    .is_some_and(|t| t.kind == text::TokKind::Possessive)
                {
                    k = n.last + 1;
                    continue;
                }
                break;
            }
            let Some(w) = whole else { continue };
            let we = &rec.entities[w.entity];
            if w.entity == m.entity || we.kind != EntityKind::Agency || we.latent {
                continue;
            }
            // Under a body's rules or leadership is no place in it: "the
            // Varrow Board, under the Treasury's rules".
            if under
                && tokens
                    .get(w.last)
                    .is_some_and(|t| t.kind == text::TokKind::Possessive)
            {
                continue;
            }
            // A country's government is where an office is, not its whole.
            if we.key.starts_with("gov:") {
                continue;
            }
            statements.push(part_of(
                m.sentence,
                m.entity,
                w.entity,
                (m.last, w.last),
                RULE_OFFICE_IN,
                0.7,
            ));
        }

        // "Price College of Business at the University of Oklahoma", "the
        // Center for Corporate Governance at Tarnwick University": a school,
        // college, institute, centre or laboratory at a university is part
        // of it.
        for (mi, m) in rec.mentions.iter().enumerate() {
            if m.pronoun {
                continue;
            }
            let me = &rec.entities[m.entity];
            let unit = me.name.split(' ').any(|w| {
                matches!(
                    w,
                    "School"
                        | "College"
                        | "Institute"
                        | "Center"
                        | "Centre"
                        | "Laboratory"
                        | "Lab"
                        | "Faculty"
                )
            });
            if !unit || word(m.last) != "at" {
                continue;
            }
            let k = if word(m.last + 1) == "the" {
                m.last + 2
            } else {
                m.last + 1
            };
            let Some(w) = rec.mentions[mi + 1..]
                .iter()
                .find(|n| n.first == k && n.sentence == m.sentence && !n.pronoun)
            else {
                continue;
            };
            let we = &rec.entities[w.entity];
            if w.entity == m.entity || we.latent || !we.name.split(' ').any(|x| x == "University") {
                continue;
            }
            statements.push(part_of(
                m.sentence,
                m.entity,
                w.entity,
                (m.first, w.last),
                RULE_UNIT_AT,
                0.7,
            ));
        }

        // A unit named in the same sentence as its gazetteer parent ("DoD
        // entities ... like the Army"): part of it, with low confidence.
        let mut seen_pairs = std::collections::HashSet::new();
        for m in &rec.mentions {
            let e = &rec.entities[m.entity];
            let Some(parent) = &e.parent else { continue };
            if m.pronoun || !seen_pairs.insert((m.entity, m.sentence)) {
                continue;
            }
            let same_sentence = rec.mentions.iter().any(|o| {
                o.sentence == m.sentence && !o.pronoun && rec.entities[o.entity].key == *parent
            });
            if !same_sentence {
                continue;
            }
            let Some(pi) = rec.entities.iter().position(|x| &x.key == parent) else {
                continue;
            };
            // Government hierarchies are stable; company ownership changes
            // and needs the text to say it.
            let pe = &rec.entities[pi];
            let pname = pe.name.to_lowercase();
            if e.kind != EntityKind::Agency
                || pe.kind != EntityKind::Agency
                || pname.contains("government")
                || pname.contains("union")
                || pname.contains("nations")
            {
                continue;
            }
            statements.push(part_of(
                m.sentence,
                m.entity,
                pi,
                (m.first, m.last),
                RULE_PARENT,
                0.5,
            ));
        }

        // Parts stated by a name: "Texas attorney general".
        for &(part, whole, m, needs_mention) in &rec.named_parts {
            if needs_mention && !rec.mentions.iter().any(|o| o.entity == whole) {
                continue;
            }
            statements.push(part_of(
                m.sentence,
                part,
                whole,
                (m.first, m.last),
                RULE_NAMED_PART,
                0.8,
            ));
        }

        // Entities taking part in relations are output even if latent.
        let mut in_relation = vec![false; rec.entities.len()];
        for (_, s, t, ev) in &statements {
            if ev.status != Status::Negated {
                in_relation[*s] = true;
                in_relation[*t] = true;
            }
        }
        let mut mentions = vec![0u32; rec.entities.len()];
        for m in &rec.mentions {
            mentions[m.entity] += 1;
        }
        let mut entities: Vec<Entity> = Vec::new();
        let mut keep = vec![false; rec.entities.len()];
        for (i, e) in rec.entities.iter().enumerate() {
            // Latent entities (a country named as a place) and entities left
            // without a mention of their own (the base of a compound name)
            // appear only as relation parties.
            if (e.latent || mentions[i] == 0) && !in_relation[i] {
                continue;
            }
            keep[i] = true;
            let mut alias_origins: Vec<Alias> = e
                .surfaces
                .iter()
                .filter(|(s, _)| **s != e.name)
                .map(|(s, o)| Alias {
                    name: s.clone(),
                    origin: *o,
                })
                .collect();
            alias_origins.sort_by(|a, b| a.name.cmp(&b.name));
            entities.push(Entity {
                id: e.key.clone(),
                name: e.name.clone(),
                kind: e.kind,
                aliases: alias_origins.iter().map(|a| a.name.clone()).collect(),
                alias_origins,
                mentions: mentions[i],
                source: e.source,
                parent: e.parent.clone(),
                ticker: e.ticker.clone(),
            });
        }
        entities.sort_by(|a, b| a.id.cmp(&b.id));

        // Group statements into relations.
        let mut grouped: BTreeMap<(RelationKind, String, String), Vec<Evidence>> = BTreeMap::new();
        for (kind, s, t, ev) in statements {
            if !keep[s] || !keep[t] {
                continue;
            }
            grouped
                .entry((
                    kind,
                    rec.entities[s].key.clone(),
                    rec.entities[t].key.clone(),
                ))
                .or_default()
                .push(ev);
        }
        let relations = grouped
            .into_iter()
            .map(|((kind, source, target), mut evidence)| {
                // One statement per sentence and trigger: two rules that read
                // the same words ("won a Navy contract" is both a win and a
                // premodified contract) state the relation once, by the
                // surer rule.
                evidence.sort_by(|a, b| {
                    (a.sentence, &a.trigger)
                        .cmp(&(b.sentence, &b.trigger))
                        .then(b.confidence.total_cmp(&a.confidence))
                        .then_with(|| a.rule.cmp(&b.rule))
                });
                evidence.dedup_by(|a, b| a.sentence == b.sentence && a.trigger == b.trigger);
                evidence.sort_by(|a, b| {
                    (a.sentence, &a.rule, &a.trigger).cmp(&(b.sentence, &b.rule, &b.trigger))
                });
                relation_from(kind, source, target, evidence)
            })
            .collect();

        DocExtraction {
            doc: doc.id.clone(),
            title: doc.title.clone(),
            date: doc.date.clone(),
            url: doc.url.clone(),
            hash: content_hash(text),
            bytes: text.len() as u64,
            sentences: sentences.len() as u32,
            entities,
            relations,
        }
    }
}

/// Build a relation from its statements: the firmest status, negated only
/// when every statement is, confidence combined over non-negated statements.
pub fn relation_from(
    kind: RelationKind,
    source: String,
    target: String,
    evidence: Vec<Evidence>,
) -> Relation {
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
    Relation {
        kind,
        source,
        target,
        status,
        negated: status == Status::Negated,
        confidence,
        evidence,
    }
}

/// How much a statement's status weakens its confidence.
pub fn status_weight(s: Status) -> f32 {
    match s {
        Status::Asserted => 1.0,
        Status::Reported => 0.9,
        Status::Hedged => 0.5,
        Status::Negated => 0.0,
    }
}

/// For symmetric kinds, order the pair by key.
fn canonical_pair(kind: RelationKind, sk: &str, tk: &str, s: usize, t: usize) -> (usize, usize) {
    if kind.is_symmetric() && tk < sk {
        (t, s)
    } else {
        (s, t)
    }
}

#[allow(clippy::too_many_arguments)]
fn evidence(
    doc: &Document,
    text: &str,
    sentence: usize,
    start: u32,
    end: u32,
    trigger: &str,
    rule: &str,
    status: Status,
    confidence: f32,
) -> Evidence {
    let mut s = &text[start as usize..end as usize];
    let capped;
    if s.len() > MAX_EVIDENCE_BYTES {
        let mut cut = MAX_EVIDENCE_BYTES;
        while !s.is_char_boundary(cut) {
            cut -= 1;
        }
        capped = format!("{}\u{2026}", &s[..cut]);
        s = &capped;
    }
    Evidence {
        doc: doc.id.clone(),
        date: doc.date.clone(),
        sentence: sentence as u32,
        start,
        end,
        text: s.split_whitespace().collect::<Vec<_>>().join(" "),
        trigger: trigger.split_whitespace().collect::<Vec<_>>().join(" "),
        rule: rule.to_string(),
        status,
        confidence,
    }
}

/// A stable 64-bit FNV-1a hash of the text, as 16 hex digits.
pub fn content_hash(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in text.as_bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}
