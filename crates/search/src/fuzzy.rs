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

/// The optimal-string-alignment distance between `a` and `b` (insertions, deletions,
/// substitutions and swaps of neighbours each cost one), or `None` when it exceeds `max`.
/// Works on chars and stops as soon as a row's minimum passes `max`.
pub fn bounded_distance(a: &[char], b: &[char], max: u8) -> Option<u8> {
    let max = usize::from(max);
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let width = b.len() + 1;
    // Three rows: two back (for swaps), one back, current.
    let mut before: Vec<usize> = vec![0; width];
    let mut previous: Vec<usize> = (0..width).collect();
    let mut current: Vec<usize> = vec![0; width];
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
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    let d = previous[b.len()];
    (d <= max).then_some(d as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dist(a: &str, b: &str, max: u8) -> Option<u8> {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        bounded_distance(&a, &b, max)
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
