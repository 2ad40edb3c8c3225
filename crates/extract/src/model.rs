//! The vocabulary shared by every stage: entity and relation kinds, assertion
//! status, evidence, and the per-document extraction record.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// What kind of organisation an entity is (see `../shared/eval/GUIDELINES.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// A company or other non-government organisation.
    Firm,
    /// A named cloud computing platform or cloud business line.
    Cloud,
    /// A government or intergovernmental body.
    Agency,
}

impl EntityKind {
    /// Every kind, in canonical order.
    pub const ALL: [EntityKind; 3] = [EntityKind::Firm, EntityKind::Cloud, EntityKind::Agency];

    /// The lowercase name used in files and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Firm => "firm",
            EntityKind::Cloud => "cloud",
            EntityKind::Agency => "agency",
        }
    }
}

/// How two organisations are linked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RelationKind {
    /// supplier -> customer
    Contract,
    /// undirected collaboration between peers
    Partnership,
    /// complainant -> respondent
    Dispute,
    /// acquirer -> acquired
    Acquisition,
    /// investor -> investee
    Investment,
    /// part -> whole
    PartOf,
}

impl RelationKind {
    /// Every kind, in canonical order.
    pub const ALL: [RelationKind; 6] = [
        RelationKind::Contract,
        RelationKind::Partnership,
        RelationKind::Dispute,
        RelationKind::Acquisition,
        RelationKind::Investment,
        RelationKind::PartOf,
    ];

    /// The snake_case name used in files and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            RelationKind::Contract => "contract",
            RelationKind::Partnership => "partnership",
            RelationKind::Dispute => "dispute",
            RelationKind::Acquisition => "acquisition",
            RelationKind::Investment => "investment",
            RelationKind::PartOf => "part_of",
        }
    }

    /// Whether the relation has no meaningful direction (source and target are
    /// stored in a canonical order).
    pub fn is_symmetric(self) -> bool {
        matches!(self, RelationKind::Partnership)
    }
}

/// How firmly the text states a relation.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Stated as fact.
    #[default]
    Asserted,
    /// Attributed to a source ("said", "according to").
    Reported,
    /// Possible, planned or under discussion ("may", "in talks", "plans to").
    Hedged,
    /// Denied ("did not win", "declined to", "never").
    Negated,
}

impl Status {
    /// Every status, from firmest to weakest.
    pub const ALL: [Status; 4] = [
        Status::Asserted,
        Status::Reported,
        Status::Hedged,
        Status::Negated,
    ];

    /// The lowercase name used in files and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Asserted => "asserted",
            Status::Reported => "reported",
            Status::Hedged => "hedged",
            Status::Negated => "negated",
        }
    }

    /// Rank used by `--min-status`: asserted (0) is the firmest.
    pub fn rank(self) -> u8 {
        self as u8
    }
}

macro_rules! str_enum {
    ($t:ty, $what:literal) => {
        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl FromStr for $t {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                let want = s.trim().to_ascii_lowercase().replace('-', "_");
                Self::ALL
                    .iter()
                    .copied()
                    .find(|k| k.as_str() == want)
                    .ok_or_else(|| {
                        let names: Vec<&str> = Self::ALL.iter().map(|k| k.as_str()).collect();
                        format!(
                            "unknown {} '{}' (expected one of: {})",
                            $what,
                            s,
                            names.join(", ")
                        )
                    })
            }
        }
    };
}
str_enum!(EntityKind, "entity kind");
str_enum!(RelationKind, "relation kind");
str_enum!(Status, "status");

/// Where a relation was read: enough to show the sentence again and to audit
/// the rule that fired.
#[derive(Debug, Clone, PartialEq, PartialOrd, Serialize, Deserialize)]
pub struct Evidence {
    /// Document id.
    pub doc: String,
    /// Document date (ISO `YYYY-MM-DD`) when known.
    #[serde(default)]
    pub date: Option<String>,
    /// 0-based index of the sentence in the document.
    pub sentence: u32,
    /// Byte offset of the sentence start in the document text.
    pub start: u32,
    /// Byte offset just past the sentence end.
    pub end: u32,
    /// The sentence text (possibly capped for very long sentences).
    pub text: String,
    /// The trigger words that fired.
    pub trigger: String,
    /// The id of the rule in `data/relations.ron`.
    pub rule: String,
    /// Assertion status of this statement.
    #[serde(default)]
    pub status: Status,
    /// Confidence of this single statement, in 0..=1.
    pub confidence: f32,
}

/// Where an alias of an entity came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AliasOrigin {
    /// Listed in `data/gazetteer.ron`.
    Gazetteer,
    /// Defined in the text ("Defense Information Systems Agency (DISA)").
    AcronymDefinition,
    /// Same name with or without a legal suffix or article.
    NameVariant,
    /// A possessive or descriptive phrase resolved through the gazetteer.
    Descriptive,
    /// A shorter form of a longer name used in the same document.
    ShortForm,
    /// Merged across documents by normalised name.
    CrossDocument,
    /// A stock ticker from an aside such as "(NASDAQ: AMZN)".
    Ticker,
    /// A name the organisation had before ("X, formerly Y"); not used to
    /// merge entities across documents.
    FormerName,
}

impl AliasOrigin {
    /// The snake_case name used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            AliasOrigin::Gazetteer => "gazetteer",
            AliasOrigin::AcronymDefinition => "acronym_definition",
            AliasOrigin::NameVariant => "name_variant",
            AliasOrigin::Descriptive => "descriptive",
            AliasOrigin::ShortForm => "short_form",
            AliasOrigin::CrossDocument => "cross_document",
            AliasOrigin::Ticker => "ticker",
            AliasOrigin::FormerName => "former_name",
        }
    }
}

impl fmt::Display for AliasOrigin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One surface form of an entity and where it was learned.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Alias {
    /// The surface form.
    pub name: String,
    /// How it became an alias.
    pub origin: AliasOrigin,
}

/// How an entity was recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntitySource {
    /// A gazetteer entry.
    Gazetteer,
    /// A name pattern (corporate suffix, government naming pattern, ...).
    Pattern,
}

/// An organisation mentioned in one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Canonical id: the gazetteer id, or `org:` plus the normalised name.
    pub id: String,
    /// The fullest name the document uses.
    pub name: String,
    /// Entity kind.
    pub kind: EntityKind,
    /// Every other surface form the document uses.
    pub aliases: Vec<String>,
    /// The same aliases with their origins.
    #[serde(default)]
    pub alias_origins: Vec<Alias>,
    /// Number of mentions in the document (pronouns included).
    pub mentions: u32,
    /// How the entity was recognised.
    pub source: EntitySource,
    /// Gazetteer parent id, when known.
    #[serde(default)]
    pub parent: Option<String>,
    /// Stock ticker seen in an aside such as "(NASDAQ: AMZN)".
    #[serde(default)]
    pub ticker: Option<String>,
}

/// A relation stated in one document, with all the statements that support it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Relation {
    /// Relation kind.
    pub kind: RelationKind,
    /// Source entity id.
    pub source: String,
    /// Target entity id.
    pub target: String,
    /// The firmest status among the statements.
    pub status: Status,
    /// True when every statement denies the relation.
    pub negated: bool,
    /// Combined confidence of the statements, in 0..=1.
    pub confidence: f32,
    /// Every statement of the relation in this document.
    pub evidence: Vec<Evidence>,
}

/// Everything extraction learns from one document: the record format of
/// `newsgraph extract`, and a complete input for the graph stage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocExtraction {
    /// Document id.
    pub doc: String,
    /// Title when known.
    #[serde(default)]
    pub title: Option<String>,
    /// Date (ISO `YYYY-MM-DD`) when known.
    #[serde(default)]
    pub date: Option<String>,
    /// URL when known.
    #[serde(default)]
    pub url: Option<String>,
    /// Content hash of the document text (hex), for incremental builds.
    #[serde(default)]
    pub hash: String,
    /// Size of the document text in bytes.
    #[serde(default)]
    pub bytes: u64,
    /// Number of sentences.
    #[serde(default)]
    pub sentences: u32,
    /// Organisations, ordered by id.
    pub entities: Vec<Entity>,
    /// Relations, ordered by (kind, source, target).
    pub relations: Vec<Relation>,
}

/// Combine independent confidences: 1 - prod(1 - c).
pub fn combine_confidence<I: IntoIterator<Item = f32>>(values: I) -> f32 {
    let mut miss = 1.0f64;
    for c in values {
        miss *= 1.0 - f64::from(c.clamp(0.0, 1.0));
    }
    let p = (1.0 - miss) as f32;
    // Round to 4 decimals so outputs are stable and readable.
    (p * 10_000.0).round() / 10_000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip_through_strings() {
        for k in RelationKind::ALL {
            assert_eq!(k.as_str().parse::<RelationKind>(), Ok(k));
        }
        for k in EntityKind::ALL {
            assert_eq!(k.to_string().parse::<EntityKind>(), Ok(k));
        }
        assert_eq!("part-of".parse::<RelationKind>(), Ok(RelationKind::PartOf));
        assert!("merger".parse::<RelationKind>().is_err());
    }

    #[test]
    fn confidence_combines_as_independent_evidence() {
        assert_eq!(combine_confidence([0.5, 0.5]), 0.75);
        assert_eq!(combine_confidence([]), 0.0);
        assert_eq!(combine_confidence([1.5]), 1.0);
    }

    #[test]
    fn status_order_is_firmest_first() {
        assert!(Status::Asserted.rank() < Status::Hedged.rank());
        assert_eq!(
            serde_json::to_string(&Status::Negated).unwrap(),
            "\"negated\""
        );
    }
}
