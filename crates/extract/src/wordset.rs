//! Word membership tests for the hot path: fixed word lists behind a hash
//! set, and a bitmap that rules most words out of a set before any lookup.

use crate::fxhash::{FxHashMap, FxHashSet};

/// A fixed word list for membership tests on the hot path. A linear scan of
/// a few dozen words costs several times a hash lookup, so the list is put
/// in a hash set the first time it is asked.
pub(crate) struct WordSet {
    words: &'static [&'static str],
    set: std::sync::OnceLock<FxHashSet<&'static str>>,
}

impl WordSet {
    /// The list `words`.
    pub(crate) const fn new(words: &'static [&'static str]) -> Self {
        Self {
            words,
            set: std::sync::OnceLock::new(),
        }
    }

    /// Whether the list has `word` (exactly, case included).
    #[inline]
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.set
            .get_or_init(|| self.words.iter().copied().collect())
            .contains(word)
    }
}

/// A filter over a set of words: a bitmap of (first byte, second byte,
/// length), so a word whose bitmap bit is clear is surely not in the set.
/// A per-token lookup costs a hash of the word and a probe; this test
/// costs a few instructions and rules most tokens out.
#[derive(Debug, Clone)]
pub(crate) struct WordFilter(Box<[u64]>);

impl Default for WordFilter {
    fn default() -> Self {
        WordFilter(vec![0u64; 1024].into_boxed_slice())
    }
}

impl WordFilter {
    fn bit(w: &[u8]) -> usize {
        let b0 = usize::from(w.first().copied().unwrap_or(0));
        let b1 = usize::from(w.get(1).copied().unwrap_or(0));
        ((b0 << 8 | b1) ^ ((w.len() & 31) * 0x9e5)) & 0xffff
    }

    /// Let `word` through.
    pub(crate) fn add(&mut self, word: &str) {
        let k = Self::bit(word.as_bytes());
        self.0[k / 64] |= 1 << (k % 64);
    }

    /// Whether `word` may be in the set: false means it is not.
    #[inline]
    pub(crate) fn may_contain(&self, word: &[u8]) -> bool {
        let k = Self::bit(word);
        self.0[k / 64] & (1 << (k % 64)) != 0
    }
}

/// A set of words behind a [`WordFilter`]: most words that are not in it
/// are told apart by the filter alone, with no hashing.
#[derive(Debug, Clone, Default)]
pub(crate) struct FilteredSet {
    set: FxHashSet<String>,
    filter: WordFilter,
}

impl FilteredSet {
    /// Whether the set has `word` (exactly, case included).
    #[inline]
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.filter.may_contain(word.as_bytes()) && self.set.contains(word)
    }

    /// The number of words.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.set.len()
    }
}

impl FromIterator<String> for FilteredSet {
    fn from_iter<I: IntoIterator<Item = String>>(words: I) -> Self {
        let mut out = FilteredSet::default();
        for w in words {
            out.filter.add(&w);
            out.set.insert(w);
        }
        out
    }
}

/// A map from words behind a [`WordFilter`], as [`FilteredSet`] is.
#[derive(Debug, Clone)]
pub(crate) struct FilteredMap<V> {
    map: FxHashMap<String, V>,
    filter: WordFilter,
}

impl<V> Default for FilteredMap<V> {
    fn default() -> Self {
        FilteredMap {
            map: FxHashMap::default(),
            filter: WordFilter::default(),
        }
    }
}

impl<V> FilteredMap<V> {
    /// Map `word` to `value`, replacing an earlier value.
    pub(crate) fn insert(&mut self, word: String, value: V) {
        self.filter.add(&word);
        self.map.insert(word, value);
    }

    /// The value of `word`.
    #[inline]
    pub(crate) fn get(&self, word: &str) -> Option<&V> {
        if self.filter.may_contain(word.as_bytes()) {
            self.map.get(word)
        } else {
            None
        }
    }

    /// Whether `word` has a value.
    #[inline]
    pub(crate) fn contains_key(&self, word: &str) -> bool {
        self.get(word).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_sets_match_exact_words() {
        static HEADS: WordSet = WordSet::new(&["Department", "Office", "of"]);
        assert!(HEADS.contains("Department"));
        assert!(HEADS.contains("of"));
        assert!(!HEADS.contains("department"));
        assert!(!HEADS.contains("Offic"));
        assert!(!HEADS.contains(""));
    }

    #[test]
    fn filters_pass_every_word_added_and_stop_most_others() {
        let words = [
            "acquire", "buy", "take", "signed", "a", "", "\u{2014}", "deal",
        ];
        let mut f = WordFilter::default();
        for w in words {
            f.add(w);
        }
        for w in words {
            assert!(f.may_contain(w.as_bytes()), "{w:?}");
        }
        let others = ["acquires", "bu", "the", "of", "and", "company", "b"];
        assert!(others.iter().all(|w| !f.may_contain(w.as_bytes())));
    }

    #[test]
    fn filtered_sets_and_maps_answer_as_hash_sets_do() {
        let words = [
            "Inc",
            "Corp",
            "Department",
            "U.S.",
            "Soci\u{e9}t\u{e9}",
            "a",
        ];
        let set: FilteredSet = words.iter().map(|w| w.to_string()).collect();
        let mut map = FilteredMap::default();
        for (i, w) in words.iter().enumerate() {
            map.insert(w.to_string(), i);
        }
        assert_eq!(set.len(), words.len());
        for (i, w) in words.iter().enumerate() {
            assert!(set.contains(w), "{w:?}");
            assert_eq!(map.get(w), Some(&i));
        }
        for w in ["inc", "Corp.", "Departments", "US", "", "b", "Soci\u{e9}t"] {
            assert!(!set.contains(w), "{w:?}");
            assert!(!map.contains_key(w), "{w:?}");
        }
        map.insert("Inc".to_string(), 9);
        assert_eq!(map.get("Inc"), Some(&9));
    }
}
