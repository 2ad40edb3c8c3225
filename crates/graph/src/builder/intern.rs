//! A compact string interner: every distinct string is stored once, back to
//! back in one arena, and named by a `u32` symbol.
//!
//! Per distinct string the cost is its bytes plus 8 bytes of offset and
//! 16 to 32 bytes of hash table; there is no allocation per string. Symbols
//! are dense (`0..len`) and stable for the interner's life, but depend on
//! the order strings were first seen: anything written to disk is
//! re-numbered canonically by its writer.

use newsgraph_extract::fxhash::FxHasher;
use std::hash::Hasher;

/// A string symbol.
pub(crate) type Sym = u32;

/// "No string" in places that hold an optional symbol.
pub(crate) const NONE: Sym = u32::MAX;

/// An interner.
#[derive(Debug, Clone)]
pub(crate) struct Interner {
    arena: String,
    /// `ends[i]` is where string `i` ends; it starts at `ends[i - 1]` (or 0).
    ends: Vec<u64>,
    /// Open-addressing table: each slot holds a symbol in its low 32 bits
    /// and the high 32 bits of the string's hash above them (so a probe
    /// compares strings only when the hashes agree); `EMPTY` marks a free
    /// slot.
    table: Vec<u64>,
}

impl Default for Interner {
    fn default() -> Self {
        Interner {
            arena: String::new(),
            ends: Vec::new(),
            table: vec![EMPTY; 64],
        }
    }
}

impl Interner {
    /// Number of distinct strings.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// The string of a symbol.
    pub fn get(&self, s: Sym) -> &str {
        let i = s as usize;
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.arena[start..self.ends[i] as usize]
    }

    /// The string of an optional symbol.
    pub fn opt(&self, s: Sym) -> Option<&str> {
        (s != NONE).then(|| self.get(s))
    }

    /// The symbol of a string, interning it when new.
    pub fn intern(&mut self, s: &str) -> Sym {
        let h = hash_str(s);
        let mask = self.table.len() - 1;
        let mut slot = (h as usize) & mask;
        loop {
            let cur = self.table[slot];
            if cur == EMPTY {
                break;
            }
            if tag(cur) == tag(h) && self.get(cur as Sym) == s {
                return cur as Sym;
            }
            slot = (slot + 1) & mask;
        }
        let sym = Sym::try_from(self.ends.len())
            .ok()
            .filter(|&s| s != NONE)
            .expect("fewer than 2^32 - 1 distinct strings");
        self.arena.push_str(s);
        self.ends.push(self.arena.len() as u64);
        self.table[slot] = entry(sym, h);
        if self.ends.len() * 2 > self.table.len() {
            self.grow();
        }
        sym
    }

    /// The symbol of an optional string.
    pub fn intern_opt(&mut self, s: Option<&str>) -> Sym {
        s.map_or(NONE, |s| self.intern(s))
    }

    /// The symbol of a string if it is interned.
    pub fn find(&self, s: &str) -> Option<Sym> {
        let h = hash_str(s);
        let mask = self.table.len() - 1;
        let mut slot = (h as usize) & mask;
        loop {
            let cur = self.table[slot];
            if cur == EMPTY {
                return None;
            }
            if tag(cur) == tag(h) && self.get(cur as Sym) == s {
                return Some(cur as Sym);
            }
            slot = (slot + 1) & mask;
        }
    }

    fn grow(&mut self) {
        let size = self.table.len() * 2;
        let mut table = vec![EMPTY; size];
        let mask = size - 1;
        for sym in 0..self.ends.len() as Sym {
            let h = hash_str(self.get(sym));
            let mut slot = (h as usize) & mask;
            while table[slot] != EMPTY {
                slot = (slot + 1) & mask;
            }
            table[slot] = entry(sym, h);
        }
        self.table = table;
    }

    /// Approximate heap bytes in use.
    pub fn heap_bytes(&self) -> usize {
        self.arena.capacity() + self.ends.capacity() * 8 + self.table.capacity() * 8
    }
}

/// A free table slot (symbol `NONE` is never interned).
const EMPTY: u64 = u64::MAX;

/// A table slot: symbol below, hash tag above.
fn entry(sym: Sym, hash: u64) -> u64 {
    (hash & 0xffff_ffff_0000_0000) | u64::from(sym)
}

/// The hash tag of a slot or a hash.
fn tag(x: u64) -> u64 {
    x >> 32
}

/// A fast non-cryptographic string hash (FxHash over 8-byte words, with a
/// final mix so the low bits used by the table are well spread).
pub(crate) fn hash_str(s: &str) -> u64 {
    let mut h = FxHasher::default();
    h.write(s.as_bytes());
    let x = h.finish();
    (x ^ (x >> 29)).wrapping_mul(0xbf58_476d_1ce4_e5b9) ^ (x >> 32)
}

/// Hash maps keyed by symbols and other small integers (the extraction
/// crate's FxHash).
pub(crate) use newsgraph_extract::fxhash::FxHashMap;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interns_once_and_finds_again() {
        let mut i = Interner::default();
        let words: Vec<String> = (0..1000).map(|n| format!("w{n}")).collect();
        let syms: Vec<Sym> = words.iter().map(|w| i.intern(w)).collect();
        assert_eq!(i.len(), 1000);
        for (w, s) in words.iter().zip(&syms) {
            assert_eq!(i.intern(w), *s);
            assert_eq!(i.get(*s), w);
            assert_eq!(i.find(w), Some(*s));
        }
        assert_eq!(i.find("nope"), None);
        let e = i.intern("");
        assert_eq!(i.get(e), "");
        assert_eq!(i.opt(NONE), None);
    }
}
