//! Gazetteer matching: every name and alias of every entry, on word
//! boundaries, with the case rules of the gazetteer format.
//!
//! Names start where words start, so the matcher does not scan every byte:
//! at each word token it looks the token's leading run of letters and digits
//! up in a hash map of the forms that begin with it, and tries those forms,
//! longest first, against the ASCII-lowercased text.

use crate::fxhash::FxHashMap;
use crate::gazetteer::Gazetteer;
use crate::text::{TokKind, Token};

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
    /// Leading word of a lowercased form -> candidates, longest first.
    by_first_word: FxHashMap<Box<str>, Vec<Candidate>>,
    /// Forms that do not start with a letter or digit: tried at every word.
    unkeyed: Vec<Candidate>,
    patterns: Vec<Pattern>,
    /// Exact form -> pattern index, for lookups of assembled names.
    by_form: FxHashMap<String, usize>,
    /// The first two bytes of every lowercased form: a word whose first two
    /// (lowercased) bytes are not here starts no name, and most words are
    /// ruled out before the hash lookup.
    pairs: PairSet,
    /// The same for the forms that start with a lowercase ASCII letter as
    /// written ("eBay", "easyJet"). A word starting with a lowercase letter
    /// can only start one of these: the case rules never let a lowercase
    /// letter in the text stand for an uppercase one in the form.
    lowercase_pairs: PairSet,
}

/// A set of byte pairs, as a 65,536-bit map.
#[derive(Debug, Clone)]
struct PairSet(Box<[u64]>);

impl PairSet {
    fn new() -> Self {
        PairSet(vec![0u64; 1024].into_boxed_slice())
    }

    /// Add the first two bytes of `s`; a one-byte `s` adds every pair it
    /// starts.
    fn add(&mut self, s: &[u8]) {
        match *s {
            [] => {}
            [b0] => {
                for b1 in 0..=255u8 {
                    self.set(b0, b1);
                }
            }
            [b0, b1, ..] => self.set(b0, b1),
        }
    }

    fn set(&mut self, b0: u8, b1: u8) {
        let k = usize::from(b0) << 8 | usize::from(b1);
        self.0[k / 64] |= 1 << (k % 64);
    }

    fn contains(&self, b0: u8, b1: u8) -> bool {
        let k = usize::from(b0) << 8 | usize::from(b1);
        self.0[k / 64] & (1 << (k % 64)) != 0
    }
}

/// A lowercased form to try and the pattern it stands for.
#[derive(Debug, Clone)]
struct Candidate {
    lowered: Box<str>,
    pattern: usize,
}

/// The leading run of letters and digits of `s`.
fn first_word(s: &str) -> &str {
    // ASCII fast path: this runs at every word of every document.
    let ascii = s
        .bytes()
        .position(|b| !b.is_ascii_alphanumeric())
        .unwrap_or(s.len());
    if s.as_bytes().get(ascii).is_none_or(|b| b.is_ascii()) {
        return &s[..ascii];
    }
    let end = s
        .char_indices()
        .skip(ascii)
        .find(|&(_, c)| !c.is_alphanumeric())
        .map_or(s.len(), |(i, _)| i);
    &s[..end]
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
            // "Pratt and Whitney", "Marks and Spencer": "&" spelt out.
            if p.form.contains(" & ") {
                searched.push(p.form.replace(" & ", " and "));
                owners.push(pi);
            }
        }
        // Matching runs over the ASCII-lowercased text with lowercased
        // forms: the same as ASCII case-insensitive matching.
        let mut by_first_word: FxHashMap<Box<str>, Vec<Candidate>> = FxHashMap::default();
        let mut unkeyed = Vec::new();
        let mut pairs = PairSet::new();
        let mut lowercase_pairs = PairSet::new();
        for (pi, form) in searched.iter().enumerate() {
            let lowered: Box<str> = form.to_ascii_lowercase().into();
            pairs.add(lowered.as_bytes());
            if form.starts_with(|c: char| c.is_ascii_lowercase()) {
                lowercase_pairs.add(lowered.as_bytes());
            }
            let key = first_word(&lowered);
            let c = Candidate {
                lowered: lowered.clone(),
                pattern: pi,
            };
            if key.is_empty() {
                unkeyed.push(c);
            } else {
                by_first_word.entry(key.into()).or_default().push(c);
            }
        }
        // Longest first; among equal lengths, the earlier form.
        for list in by_first_word
            .values_mut()
            .chain(std::iter::once(&mut unkeyed))
        {
            list.sort_by(|a, b| {
                b.lowered
                    .len()
                    .cmp(&a.lowered.len())
                    .then(a.pattern.cmp(&b.pattern))
            });
        }
        // Curly variants map to their owner pattern.
        let mut all = Vec::with_capacity(owners.len());
        for o in owners {
            all.push(patterns[o].clone());
        }
        GazetteerMatcher {
            by_first_word,
            unkeyed,
            patterns: all,
            by_form,
            pairs,
            lowercase_pairs,
        }
    }

    pub fn pattern(&self, i: usize) -> &Pattern {
        &self.patterns[i]
    }

    /// The pattern index of an exact form, if the gazetteer has it.
    pub fn lookup(&self, form: &str) -> Option<usize> {
        self.by_form.get(form).copied()
    }

    /// All hits on word boundaries that satisfy the case rules, leftmost
    /// first, each the longest form the text has where it starts, none
    /// overlapping; `lower` is `text` with ASCII letters lowercased (same
    /// byte offsets) and `tokens` its tokens. Hits start at word tokens.
    pub fn find(&self, text: &str, lower: &str, tokens: &[Token]) -> Vec<Hit> {
        let bytes = text.as_bytes();
        let mut hits = Vec::new();
        let mut next_free = 0usize;
        for t in tokens {
            let s = t.start as usize;
            if s < next_free || !matches!(t.kind, TokKind::Word | TokKind::Number) {
                continue;
            }
            let lb = lower.as_bytes();
            let (b0, b1) = (lb[s], lb.get(s + 1).copied().unwrap_or(0));
            let filter = if bytes[s].is_ascii_lowercase() {
                &self.lowercase_pairs
            } else {
                &self.pairs
            };
            if !filter.contains(b0, b1) {
                continue;
            }
            if s > 0 {
                let prev = text[..s].chars().next_back().unwrap_or(' ');
                if prev.is_alphanumeric()
                    || prev == '&'
                    || (prev == '.' && s >= 2 && bytes[s - 2].is_ascii_alphanumeric())
                {
                    continue;
                }
            }
            let rest = &lower[s..];
            let keyed = self
                .by_first_word
                .get(first_word(rest))
                .map_or(&[][..], Vec::as_slice);
            // Only the longest form present is tried, and what it spans is
            // not searched again: when it runs on into a longer word
            // ("Lawrence Livermore National Lab" in "... Laboratories",
            // "National Guard" in "National Guardian Corp") the text names
            // something else, and a shorter form, or one starting inside it,
            // would take a part of that name for the whole.
            // Forms differing only in case ("OPEC", "Opec") are all tried.
            let mut cands = keyed.iter().chain(self.unkeyed.iter());
            // The last byte first: forms sharing a first word ("national
            // ...") mostly differ there, and it saves the full comparison.
            let rb = rest.as_bytes();
            let present = |c: &&Candidate| {
                let l = c.lowered.as_bytes();
                rb.len() >= l.len()
                    && l.last().is_none_or(|&b| rb[l.len() - 1] == b)
                    && rb.starts_with(l)
            };
            let Some(longest) = cands.find(present) else {
                continue;
            };
            next_free = s + longest.lowered.len();
            let found = std::iter::once(longest)
                .chain(cands.filter(|c| c.lowered == longest.lowered))
                .find_map(|c| self.try_at(text, bytes, s, c));
            hits.extend(found);
        }
        hits
    }

    /// The hit of candidate `c`, whose form the text has at byte `s`, if it
    /// ends on a word boundary and satisfies the case rules.
    fn try_at(&self, text: &str, bytes: &[u8], s: usize, c: &Candidate) -> Option<Hit> {
        let e = s + c.lowered.len();
        if let Some(next) = text[e..].chars().next() {
            if next.is_alphanumeric() || next == '&' {
                return None;
            }
            // "Amazon.com" must not match "Amazon" followed by ".com".
            if next == '.' && bytes.get(e + 1).is_some_and(|b| b.is_ascii_alphanumeric()) {
                return None;
            }
            // "EA-6B", "F-35": a model designation, not the name.
            if next == '-' && bytes.get(e + 1).is_some_and(u8::is_ascii_digit) {
                return None;
            }
        }
        let p = &self.patterns[c.pattern];
        let found = &text[s..e];
        if !case_ok(found, &p.form, p.exact_case) {
            return None;
        }
        let recased = found != p.form
            && found.replace('\u{2019}', "'") != p.form
            && found.chars().any(char::is_lowercase);
        Some(Hit {
            start: s,
            end: e,
            pattern: c.pattern,
            recased,
        })
    }
}

/// Case rules: exact match; or an all-caps rendering of a longer form
/// (headlines); or a rendering that only capitalises words the form has in
/// lowercase ("Amazon's Cloud Division").
fn case_ok(found: &str, form: &str, exact_case: bool) -> bool {
    let found_norm: String;
    let found = if found.contains('\u{2019}') || (form.contains(" & ") && !found.contains(" & ")) {
        found_norm = found
            .replace('\u{2019}', "'")
            .replace(" and ", " & ")
            .replace(" AND ", " & ")
            .replace(" And ", " & ");
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

    const GAZETTEER: &str = r#"#![enable(implicit_some)]
        [
          (id: "amazon", name: "Amazon", kind: firm, aliases: ["Amazon.com"], ambiguous: ["Amazon"]),
          (id: "aws", name: "Amazon Web Services", kind: cloud, aliases: ["AWS", "Amazon's cloud division"], parent: "amazon"),
          (id: "dod", name: "Department of Defense", kind: agency, aliases: ["DoD", "Pentagon"]),
          (id: "att", name: "AT&T", kind: firm),
        ]"#;

    /// The hits' texts with the gazetteer above.
    fn found(text: &str) -> Vec<String> {
        found_in(GAZETTEER, text)
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
        assert_eq!(found("the dod and aws"), Vec::<String>::new());
        assert_eq!(
            found("PENTAGON PICKS AMAZON WEB SERVICES"),
            vec!["PENTAGON", "AMAZON WEB SERVICES"]
        );
        assert_eq!(found("department of defense"), Vec::<String>::new());
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

    /// The hits' texts with a gazetteer given as RON.
    fn found_in(gazetteer: &str, text: &str) -> Vec<String> {
        let m = GazetteerMatcher::new(&Gazetteer::from_ron(gazetteer, "t").unwrap());
        m.find(
            text,
            &text.to_ascii_lowercase(),
            &crate::text::tokenize(text),
        )
        .iter()
        .map(|h| text[h.start..h.end].to_string())
        .collect()
    }

    #[test]
    fn an_ampersand_may_be_spelt_out() {
        let g = r#"[(id: "pw", name: "Pratt & Whitney", kind: firm)]"#;
        assert_eq!(
            found_in(
                g,
                "Pratt and Whitney; PRATT AND WHITNEY; Pratt & Whitney; pratt and whitney"
            ),
            vec!["Pratt and Whitney", "PRATT AND WHITNEY", "Pratt & Whitney"]
        );
    }

    #[test]
    fn forms_differing_only_in_case_are_all_tried() {
        let g = r#"[(id: "opec", name: "Organization of the Petroleum Exporting Countries", kind: agency, aliases: ["OPEC", "Opec"])]"#;
        assert_eq!(
            found_in(g, "OPEC met. Demand for Opec's crude rose; opec"),
            vec!["OPEC", "Opec"]
        );
    }

    #[test]
    fn a_form_running_into_a_longer_word_hides_what_it_spans() {
        let g = r#"[
            (id: "ng", name: "National Guard", kind: agency),
            (id: "guardian", name: "Guardian", kind: firm),
            (id: "llnl", name: "Lawrence Livermore National Laboratory", kind: agency, aliases: ["Lawrence Livermore", "Lawrence Livermore National Lab"]),
        ]"#;
        assert_eq!(
            found_in(g, "National Guardian Corp said"),
            Vec::<String>::new()
        );
        assert_eq!(
            found_in(g, "Lawrence Livermore National Laboratories banned phones"),
            Vec::<String>::new()
        );
        assert_eq!(
            found_in(g, "the National Guard and the Guardian"),
            vec!["National Guard", "Guardian"]
        );
    }

    #[test]
    fn names_do_not_start_inside_words() {
        let g = r#"[(id: "ibm", name: "IBM", kind: firm), (id: "sun", name: "Sun Microsystems", kind: firm, aliases: ["Sun"])]"#;
        assert_eq!(found_in(g, "xIBM IBMs Sunny Sun, IBM."), vec!["Sun", "IBM"]);
    }

    #[test]
    fn a_lowercase_word_starts_no_name_and_hides_none() {
        let g = r#"[(id: "ustr", name: "Office of the U.S. Trade Representative", kind: agency,
                     aliases: ["U.S. Trade Representative's office"]),
                    (id: "ebay", name: "eBay", kind: firm)]"#;
        // "office of the U.S. Trade Representative" is the long form in
        // lowercase, which the case rules refuse; the name after it counts.
        assert_eq!(
            found_in(
                g,
                "the Japan office of the U.S. Trade Representative's Office said"
            ),
            vec!["U.S. Trade Representative's Office"]
        );
        // Forms that start in lowercase still match.
        assert_eq!(found_in(g, "shares of eBay rose"), vec!["eBay"]);
    }

    #[test]
    fn the_pair_filter_keeps_one_letter_digit_and_headline_forms() {
        let g = r#"[(id: "x", name: "X", kind: firm), (id: "m3", name: "3M", kind: firm),
                    (id: "ebay", name: "eBay", kind: firm), (id: "intel", name: "Intel", kind: firm)]"#;
        assert_eq!(
            found_in(g, "X, 3M's unit, eBay and INTEL; X. and Xavier"),
            vec!["X", "3M", "eBay", "INTEL", "X"]
        );
        // A lowercase word never starts an uppercase form.
        assert_eq!(found_in(g, "x and intel"), Vec::<String>::new());
    }
}
