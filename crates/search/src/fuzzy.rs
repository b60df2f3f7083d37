//! Typo tolerance: how many edits a word may have, a cheap filter, and a bounded
//! Damerau–Levenshtein (optimal string alignment) distance.

/// Edits allowed for a query word of `len` characters: one from 4, two from 8.
pub fn max_edits(len: usize) -> u8 {
    match len {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// A 64-bit set of the characters a term contains (a–z, 0–9, one bucket for the rest). One
/// edit changes at most two bits, so terms whose sets differ in more than `2 × edits` bits
/// cannot be within `edits`: a filter that skips most of the dictionary at a glance.
pub fn char_mask(term: &str) -> u64 {
    term.chars().fold(0u64, |mask, c| {
        let bit = match c {
            'a'..='z' => c as u32 - 'a' as u32,
            '0'..='9' => 26 + c as u32 - '0' as u32,
            '\'' => 36,
            _ => 37 + (c as u32 % 27),
        };
        mask | (1 << bit)
    })
}

pub fn may_be_within(mask_a: u64, mask_b: u64, edits: u8) -> bool {
    (mask_a ^ mask_b).count_ones() <= 2 * u32::from(edits)
}

/// An ASCII query word of 1 to 64 bytes, prepared for Hyyrö's bit-parallel
/// optimal-string-alignment distance: one pass over the other word, a few word-sized
/// operations per character, instead of a table. The dictionary scan runs on every
/// keystroke, so this is where typo tolerance spends its time.
pub struct BitPattern {
    /// For each ASCII byte, the positions of the pattern holding it.
    peq: [u64; 128],
    len: usize,
}

impl BitPattern {
    pub fn new(word: &[u8]) -> Option<Self> {
        if word.is_empty() || word.len() > 64 || !word.is_ascii() {
            return None;
        }
        let mut peq = [0u64; 128];
        for (i, &b) in word.iter().enumerate() {
            peq[usize::from(b)] |= 1 << i;
        }
        Some(Self { peq, len: word.len() })
    }

    /// The distance to an ASCII `text`, or `None` when it exceeds `max`.
    pub fn distance(&self, text: &[u8], max: u8) -> Option<u8> {
        let max = usize::from(max);
        if self.len.abs_diff(text.len()) > max {
            return None;
        }
        let last = 1u64 << (self.len - 1);
        let (mut pv, mut mv) = (u64::MAX, 0u64);
        let (mut d0_prev, mut eq_prev) = (0u64, 0u64);
        let mut score = self.len;
        for &b in text {
            let eq = self.peq[usize::from(b & 0x7f)];
            let transposed = ((!d0_prev & eq) << 1) & eq_prev;
            let d0 = (((eq & pv).wrapping_add(pv)) ^ pv) | eq | mv | transposed;
            let hp = mv | !(d0 | pv);
            let hn = d0 & pv;
            if hp & last != 0 {
                score += 1;
            } else if hn & last != 0 {
                score -= 1;
            }
            let hp = (hp << 1) | 1;
            let hn = hn << 1;
            pv = hn | !(d0 | hp);
            mv = d0 & hp;
            d0_prev = d0;
            eq_prev = eq;
        }
        (score <= max).then_some(score as u8)
    }
}

/// Row buffers reused across distance computations, so a dictionary scan allocates once.
#[derive(Default)]
pub struct Rows {
    before: Vec<usize>,
    previous: Vec<usize>,
    current: Vec<usize>,
}

/// The optimal-string-alignment distance between `a` and `b` (insertions, deletions,
/// substitutions and swaps of neighbours each cost one), or `None` when it exceeds `max`.
/// Works on bytes for ASCII and chars otherwise, and stops as soon as a row's minimum passes
/// `max`.
pub fn bounded_distance<T: PartialEq>(a: &[T], b: &[T], max: u8, rows: &mut Rows) -> Option<u8> {
    let max = usize::from(max);
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let width = b.len() + 1;
    let Rows { before, previous, current } = rows;
    for row in [&mut *before, &mut *current] {
        row.clear();
        row.resize(width, 0);
    }
    previous.clear();
    previous.extend(0..width);
    for i in 1..=a.len() {
        current[0] = i;
        let mut row_min = current[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (previous[j] + 1).min(current[j - 1] + 1).min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(before[j - 2] + 1);
            }
            current[j] = d;
            row_min = row_min.min(d);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(before, previous);
        std::mem::swap(previous, current);
    }
    let d = previous[b.len()];
    (d <= max).then_some(d as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dist(a: &str, b: &str, max: u8) -> Option<u8> {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        bounded_distance(&a, &b, max, &mut Rows::default())
    }

    #[test]
    fn counts_edits_with_swaps_as_one() {
        assert_eq!(dist("eurojsut", "eurojust", 2), Some(1));
        assert_eq!(dist("terorism", "terrorism", 2), Some(1));
        assert_eq!(dist("radicalization", "radicalisation", 2), Some(1));
        assert_eq!(dist("same", "same", 0), Some(0));
        assert_eq!(dist("kitten", "sitting", 2), None);
        assert_eq!(dist("kitten", "sitting", 3), Some(3));
        assert_eq!(dist("", "ab", 2), Some(2));
    }

    #[test]
    fn the_bit_parallel_distance_agrees_with_the_table() {
        let words = [
            "eurojsut",
            "eurojust",
            "terorism",
            "terrorism",
            "ab",
            "ba",
            "abc",
            "ca",
            "radicalization",
            "radicalisation",
            "fatf",
            "a",
            "kitten",
            "sitting",
            "abcdef",
            "badcfe",
        ];
        for a in words {
            let pattern = BitPattern::new(a.as_bytes()).expect("ascii");
            for b in words {
                for max in 0..4 {
                    let expected = bounded_distance(a.as_bytes(), b.as_bytes(), max, &mut Rows::default());
                    assert_eq!(pattern.distance(b.as_bytes(), max), expected, "{a} / {b} within {max}");
                }
            }
        }
    }

    #[test]
    fn the_mask_filter_never_rejects_a_true_match() {
        let pairs = [("eurojsut", "eurojust"), ("terorism", "terrorism"), ("radicalization", "radicalisation"), ("fatf", "fat")];
        for (a, b) in pairs {
            assert!(may_be_within(char_mask(a), char_mask(b), 1), "{a} / {b}");
        }
        assert!(!may_be_within(char_mask("xyzw"), char_mask("abcd"), 1));
    }

    #[test]
    fn allowed_edits_grow_with_length() {
        assert_eq!(max_edits(3), 0);
        assert_eq!(max_edits(4), 1);
        assert_eq!(max_edits(8), 2);
    }
}
