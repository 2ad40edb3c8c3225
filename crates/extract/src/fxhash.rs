//! A small, fast, non-cryptographic hasher for the hash maps on the hot
//! path (word lookups per token). The keys are the project's own data and
//! document words, so hash flooding is not a concern here.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// Multiply-rotate hashing over 8-byte words (the scheme of rustc's FxHasher).
#[derive(Debug, Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        // The last 1 to 7 bytes by fixed-size loads (no call to memcpy): a
        // 4-byte read, then 0 to 3 bytes as first, middle and last. Bytes 0
        // to 6 of the word hold them; byte 7 the length.
        let rest = chunks.remainder();
        let n = rest.len();
        if n > 0 {
            let small = |r: &[u8]| match r.len() {
                0 => 0,
                k => u64::from(r[0]) | u64::from(r[k / 2]) << 8 | u64::from(r[k - 1]) << 16,
            };
            let w = if n >= 4 {
                let lo = u32::from_le_bytes([rest[0], rest[1], rest[2], rest[3]]);
                u64::from(lo) | small(&rest[4..]) << 32
            } else {
                small(rest)
            };
            self.add(w ^ (n as u64) << 56);
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// Build hasher for [`FxHasher`].
pub type FxBuild = BuildHasherDefault<FxHasher>;
/// A `HashMap` with [`FxHasher`].
pub type FxHashMap<K, V> = HashMap<K, V, FxBuild>;
/// A `HashSet` with [`FxHasher`].
pub type FxHashSet<T> = HashSet<T, FxBuild>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_tail_byte_counts() {
        // All strings of 1 to 11 letters over {a, b}: the tails of 1 to 7
        // bytes must mix in each byte and the length.
        let mut seen = std::collections::HashSet::new();
        let mut total = 0;
        for len in 1..=11u32 {
            for bits in 0..(1u32 << len) {
                let s: Vec<u8> = (0..len)
                    .map(|k| if bits >> k & 1 == 1 { b'b' } else { b'a' })
                    .collect();
                let mut h = FxHasher::default();
                h.write(&s);
                seen.insert(h.finish());
                total += 1;
            }
        }
        assert_eq!(seen.len(), total);
    }

    #[test]
    fn maps_work_with_strings() {
        let mut m: FxHashMap<String, u32> = FxHashMap::default();
        m.insert("Pentagon".into(), 1);
        m.insert("Pentagon Federal".into(), 2);
        assert_eq!(m.get("Pentagon"), Some(&1));
        assert_eq!(m.get("Pentagon Federal"), Some(&2));
        assert_eq!(m.get("pentagon"), None);
    }
}
