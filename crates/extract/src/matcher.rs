//! Gazetteer matching with aho-corasick: every name and alias of every entry,
//! on word boundaries, with the case rules of the gazetteer format.

use crate::fxhash::FxHashMap;
use crate::gazetteer::Gazetteer;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

/// What a matched pattern refers to.
#[derive(Debug, Clone)]
pub(crate) struct Pattern {
    /// Index of the gazetteer entry.
    pub entry: usize,
    /// The form as written in the gazetteer (with straight apostrophes).
    pub form: String,
    /// Match the case exactly (acronyms, mixed-case forms).
    pub exact_case: bool,
    /// Needs supporting context (an `ambiguous` form).
    pub ambiguous: bool,
    /// Whether the form is the entry's canonical name (not an alias).
    pub is_name: bool,
}

/// A gazetteer hit in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    /// Byte range in the text.
    pub start: usize,
    /// Byte range end.
    pub end: usize,
    /// Index into the matcher's patterns.
    pub pattern: usize,
    /// The text capitalises words the form has in lowercase
    /// ("U.S. Government" for "U.S. government").
    pub recased: bool,
}

/// Compiled gazetteer patterns.
#[derive(Debug, Clone)]
pub(crate) struct GazetteerMatcher {
    ac: AhoCorasick,
    patterns: Vec<Pattern>,
    /// Exact form -> pattern index, for lookups of assembled names.
    by_form: FxHashMap<String, usize>,
}

/// Whether a form must match with exact case: short forms ("GSA", "DoD",
/// "eBay"), where a case change makes a different word. Longer forms may also
/// appear in all caps (headlines) or with lowercase words capitalised.
fn needs_exact_case(form: &str) -> bool {
    form.chars().filter(|c| c.is_alphabetic()).count() <= 4
}

impl GazetteerMatcher {
    pub fn new(gazetteer: &Gazetteer) -> Self {
        let mut patterns = Vec::new();
        let mut by_form = FxHashMap::default();
        let mut seen: FxHashMap<String, usize> = FxHashMap::default();
        for (i, e) in gazetteer.entries().iter().enumerate() {
            for (k, form) in std::iter::once(&e.name).chain(e.aliases.iter()).enumerate() {
                let form = form.trim().replace('\u{2019}', "'");
                if form.is_empty() {
                    continue;
                }
                // A form claimed twice keeps its first owner.
                if seen.contains_key(&form) {
                    continue;
                }
                seen.insert(form.clone(), patterns.len());
                by_form.insert(form.clone(), patterns.len());
                patterns.push(Pattern {
                    entry: i,
                    exact_case: needs_exact_case(&form),
                    ambiguous: e
                        .ambiguous
                        .iter()
                        .any(|a| a.replace('\u{2019}', "'") == form),
                    is_name: k == 0,
                    form,
                });
            }
        }
        // Patterns with a curly apostrophe variant map to the same entry.
        let mut searched: Vec<String> = patterns.iter().map(|p| p.form.clone()).collect();
        let mut owners: Vec<usize> = (0..patterns.len()).collect();
        for (pi, p) in patterns.iter().enumerate() {
            if p.form.contains('\'') {
                searched.push(p.form.replace('\'', "\u{2019}"));
                owners.push(pi);
            }
        }
        // Matching runs over the ASCII-lowercased text with lowercased
        // patterns: the same as ASCII case-insensitive matching, with a
        // smaller automaton.
        let lowered: Vec<String> = searched.iter().map(|p| p.to_ascii_lowercase()).collect();
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&lowered)
            .expect("gazetteer patterns compile");
        // Re-map curly variants to their owner pattern by rebuilding the list.
        let mut all = Vec::with_capacity(owners.len());
        for o in owners {
            all.push(patterns[o].clone());
        }
        GazetteerMatcher {
            ac,
            patterns: all,
            by_form,
        }
    }

    pub fn pattern(&self, i: usize) -> &Pattern {
        &self.patterns[i]
    }

    /// The pattern index of an exact form, if the gazetteer has it.
    pub fn lookup(&self, form: &str) -> Option<usize> {
        self.by_form.get(form).copied()
    }

    /// All hits on word boundaries that satisfy the case rules; `lower` is
    /// `text` with ASCII letters lowercased (same byte offsets).
    pub fn find(&self, text: &str, lower: &str) -> Vec<Hit> {
        let bytes = text.as_bytes();
        let mut hits = Vec::new();
        for m in self.ac.find_iter(lower) {
            let (s, e) = (m.start(), m.end());
            if s > 0 {
                let prev = text[..s].chars().next_back().unwrap_or(' ');
                if prev.is_alphanumeric()
                    || prev == '&'
                    || (prev == '.' && s >= 2 && bytes[s - 2].is_ascii_alphanumeric())
                {
                    continue;
                }
            }
            if let Some(next) = text[e..].chars().next() {
                if next.is_alphanumeric() || next == '&' {
                    continue;
                }
                // "Amazon.com" must not match "Amazon" followed by ".com".
                if next == '.' && bytes.get(e + 1).is_some_and(|b| b.is_ascii_alphanumeric()) {
                    continue;
                }
            }
            let p = &self.patterns[m.pattern().as_usize()];
            let found = &text[s..e];
            if !case_ok(found, &p.form, p.exact_case) {
                continue;
            }
            let recased = found != p.form
                && found.replace('\u{2019}', "'") != p.form
                && found.chars().any(char::is_lowercase);
            hits.push(Hit {
                start: s,
                end: e,
                pattern: m.pattern().as_usize(),
                recased,
            });
        }
        hits
    }
}

/// Case rules: exact match; or an all-caps rendering of a longer form
/// (headlines); or a rendering that only capitalises words the form has in
/// lowercase ("Amazon's Cloud Division").
fn case_ok(found: &str, form: &str, exact_case: bool) -> bool {
    let found_norm: String;
    let found = if found.contains('\u{2019}') {
        found_norm = found.replace('\u{2019}', "'");
        found_norm.as_str()
    } else {
        found
    };
    if found == form {
        return true;
    }
    if exact_case {
        return false;
    }
    let letters = form.chars().filter(|c| c.is_alphabetic()).count();
    if letters >= 4 && found.chars().all(|c| !c.is_lowercase()) {
        return true;
    }
    // Every character equal, or the form's lowercase letter capitalised at a
    // word start.
    let mut at_word_start = true;
    for (a, b) in found.chars().zip(form.chars()) {
        if a != b {
            let allowed =
                at_word_start && b.is_lowercase() && a.to_lowercase().eq(b.to_lowercase());
            if !allowed {
                return false;
            }
        }
        at_word_start = !b.is_alphanumeric() && b != '\'';
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matcher() -> GazetteerMatcher {
        let g = Gazetteer::from_ron(
            r#"#![enable(implicit_some)]
            [
              (id: "amazon", name: "Amazon", kind: firm, aliases: ["Amazon.com"], ambiguous: ["Amazon"]),
              (id: "aws", name: "Amazon Web Services", kind: cloud, aliases: ["AWS", "Amazon's cloud division"], parent: "amazon"),
              (id: "dod", name: "Department of Defense", kind: agency, aliases: ["DoD", "Pentagon"]),
              (id: "att", name: "AT&T", kind: firm),
            ]"#,
            "t",
        )
        .unwrap();
        GazetteerMatcher::new(&g)
    }

    fn found(text: &str) -> Vec<&str> {
        let m = matcher();
        m.find(text, &text.to_ascii_lowercase())
            .iter()
            .map(|h| &text[h.start..h.end])
            .collect()
    }

    #[test]
    fn longest_match_on_word_boundaries() {
        assert_eq!(
            found("Amazon Web Services and Amazon.com; Amazonian AWSome the Pentagon's DoD"),
            vec!["Amazon Web Services", "Amazon.com", "Pentagon", "DoD"]
        );
    }

    #[test]
    fn acronyms_are_case_sensitive_names_allow_headline_case() {
        assert_eq!(found("the dod and aws"), Vec::<&str>::new());
        assert_eq!(
            found("PENTAGON PICKS AMAZON WEB SERVICES"),
            vec!["PENTAGON", "AMAZON WEB SERVICES"]
        );
        assert_eq!(found("department of defense"), Vec::<&str>::new());
    }

    #[test]
    fn descriptive_aliases_with_curly_apostrophes() {
        assert_eq!(
            found("Amazon\u{2019}s cloud division grew"),
            vec!["Amazon\u{2019}s cloud division"]
        );
        assert_eq!(
            found("Amazon's Cloud Division grew"),
            vec!["Amazon's Cloud Division"]
        );
        assert_eq!(found("AT&T's unit"), vec!["AT&T"]);
    }
}
