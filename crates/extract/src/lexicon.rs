//! Word lists that drive organisation recognition outside the gazetteer,
//! read from `data/lexicon.ron`.

use crate::ExtractError;
use crate::wordset::{FilteredMap, FilteredSet};
use serde::Deserialize;
use std::path::Path;

/// The lexicon file as written.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LexiconFile {
    /// Legal suffixes ("Inc", "Corp", "LLC", "plc", "AG"): a capitalised name
    /// ending in one is a firm, and names differing only by one are merged.
    pub legal_suffixes: Vec<String>,
    /// Last words that make a capitalised name a firm ("Technologies",
    /// "Systems", "Airlines", "Bank", "Telegraph").
    pub firm_heads: Vec<String>,
    /// Last words that make a capitalised name a government body on their
    /// own ("Department", "Ministry", "Agency", "Commission", "Command").
    pub agency_heads: Vec<String>,
    /// Words that make a name a government body only with a national or
    /// official qualifier or an `of` phrase ("Office", "Service", "Institute",
    /// "Council", "Board", "Authority").
    pub weak_agency_heads: Vec<String>,
    /// Qualifiers that make a weak agency head an agency ("National",
    /// "Federal", "U.S.", "Royal", "State").
    pub agency_qualifiers: Vec<String>,
    /// Lowercase nouns that, right before a capitalised name, show it is a
    /// firm ("company", "rival", "brewer", "carrier").
    pub firm_cues: Vec<String>,
    /// Lowercase nouns that, right before a capitalised name, show it is a
    /// government body ("regulator", "watchdog", "ministry").
    pub agency_cues: Vec<String>,
    /// Common first names: a capitalised pair starting with one is a person.
    pub first_names: Vec<String>,
    /// Titles and roles before a person's name ("Mr", "Senator", "chief executive").
    pub person_titles: Vec<String>,
    /// Countries, with their demonyms used as adjectives.
    pub countries: Vec<Country>,
    /// Other places: US states, cities, regions.
    pub places: Vec<String>,
    /// Capitalised words that never start or form an organisation name on
    /// their own (months, days, pronouns, sentence openers, generic acronyms).
    pub not_names: Vec<String>,
    /// Last words that make a capitalised name something other than an
    /// organisation: laws, programmes, events, documents ("Act", "Program",
    /// "Summit", "Strategy").
    #[serde(default)]
    pub non_org_heads: Vec<String>,
    /// Organisations that report on others, rating agencies above all
    /// ("Moody's said it cut Kestrel's debt"): the antecedent of no "its",
    /// "the company" or "the parent" but in "said it". Entity keys:
    /// gazetteer ids, or `org:` keys of names found in text.
    #[serde(default)]
    pub commentators: Vec<String>,
}

/// A country and how news refers to it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Country {
    /// The usual short name ("Russia", "U.S.").
    pub name: String,
    /// Other names ("Russian Federation", "US", "United States").
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Adjectives ("Russian", "American").
    #[serde(default)]
    pub demonyms: Vec<String>,
}

/// The lexicon, indexed for lookups.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// The file contents.
    pub file: LexiconFile,
    pub(crate) legal_suffixes: FilteredSet,
    pub(crate) firm_heads: FilteredSet,
    pub(crate) agency_heads: FilteredSet,
    pub(crate) weak_agency_heads: FilteredSet,
    pub(crate) agency_qualifiers: FilteredSet,
    pub(crate) firm_cues: FilteredSet,
    pub(crate) agency_cues: FilteredSet,
    pub(crate) first_names: FilteredSet,
    pub(crate) person_titles: FilteredSet,
    /// First words of the person titles that have more than one word
    /// ("vice" of "vice president"): only after one is a two-word title
    /// worth building.
    pub(crate) title_starts: FilteredSet,
    /// Country names and aliases -> index into `file.countries`.
    pub(crate) country_names: FilteredMap<usize>,
    /// Demonyms -> index into `file.countries`.
    pub(crate) demonyms: FilteredMap<usize>,
    pub(crate) places: FilteredSet,
    pub(crate) not_names: FilteredSet,
    pub(crate) non_org_heads: FilteredSet,
    pub(crate) commentators: FilteredSet,
}

fn set(v: &[String]) -> FilteredSet {
    v.iter().cloned().collect()
}

fn lower_set(v: &[String]) -> FilteredSet {
    v.iter().map(|s| s.to_lowercase()).collect()
}

impl Lexicon {
    /// Parse the lexicon from RON text; `origin` names the file in errors.
    pub fn from_ron(text: &str, origin: &str) -> Result<Self, ExtractError> {
        let file: LexiconFile =
            ron::Options::default()
                .from_str(text)
                .map_err(|e: ron::error::SpannedError| ExtractError::Data {
                    file: origin.to_string(),
                    line: e.span.start.line,
                    message: e.code.to_string(),
                })?;
        Ok(Self::from_file(file))
    }

    /// Read and parse a lexicon file.
    pub fn load(path: &Path) -> Result<Self, ExtractError> {
        let text = std::fs::read_to_string(path).map_err(|e| ExtractError::Io {
            file: path.display().to_string(),
            source: e,
        })?;
        Self::from_ron(&text, &path.display().to_string())
    }

    /// Index a parsed lexicon.
    pub fn from_file(file: LexiconFile) -> Self {
        let mut country_names = FilteredMap::default();
        let mut demonyms = FilteredMap::default();
        for (i, c) in file.countries.iter().enumerate() {
            country_names.insert(c.name.clone(), i);
            for a in &c.aliases {
                country_names.insert(a.clone(), i);
            }
            for d in &c.demonyms {
                demonyms.insert(d.clone(), i);
            }
        }
        Lexicon {
            legal_suffixes: set(&file.legal_suffixes),
            firm_heads: set(&file.firm_heads),
            agency_heads: set(&file.agency_heads),
            weak_agency_heads: set(&file.weak_agency_heads),
            agency_qualifiers: set(&file.agency_qualifiers),
            firm_cues: lower_set(&file.firm_cues),
            agency_cues: lower_set(&file.agency_cues),
            first_names: set(&file.first_names),
            person_titles: lower_set(&file.person_titles),
            title_starts: file
                .person_titles
                .iter()
                .filter_map(|t| t.split_once(' ').map(|(first, _)| first.to_lowercase()))
                .collect(),
            country_names,
            demonyms,
            places: set(&file.places),
            not_names: set(&file.not_names),
            non_org_heads: set(&file.non_org_heads),
            commentators: set(&file.commentators),
            file,
        }
    }

    /// Whether `word` is a legal suffix (with or without a trailing dot).
    pub fn is_legal_suffix(&self, word: &str) -> bool {
        self.legal_suffixes.contains(word.trim_end_matches('.'))
    }

    /// The country a name or demonym refers to.
    pub fn country(&self, word: &str) -> Option<&Country> {
        self.country_names
            .get(word)
            .or_else(|| self.demonyms.get(word))
            .map(|&i| &self.file.countries[i])
    }

    /// Whether a word is a place (country, state, city, region).
    pub fn is_place(&self, word: &str) -> bool {
        self.places.contains(word) || self.country_names.contains_key(word)
    }

    /// Whether a word ends names that are not organisations ("Act").
    pub fn is_non_org_head(&self, word: &str) -> bool {
        self.non_org_heads.contains(word)
    }

    /// Whether the entity keyed `key` reports on others (a rating agency).
    pub fn is_commentator(&self, key: &str) -> bool {
        self.commentators.contains(key)
    }

    /// Whether a lowercase word opens a person title of several words.
    pub(crate) fn opens_title_phrase(&self, lower: &str) -> bool {
        self.title_starts.contains(lower)
    }

    /// Whether a word is a demonym ("Russian").
    pub fn is_demonym(&self, word: &str) -> bool {
        self.demonyms.contains_key(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_lexicon_parses_and_has_content() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/lexicon.ron");
        let lx = Lexicon::load(&path).unwrap();
        assert!(lx.is_legal_suffix("Inc."));
        assert!(lx.first_names.len() > 200);
        assert!(lx.country("Russian").is_some());
        assert!(lx.is_place("Texas"));
    }
}
