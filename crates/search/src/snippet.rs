//! A short window of a paragraph around its best matches, for result lists.

use std::ops::Range;

/// Text to show, the matched ranges within it, and whether it was cut at either end (the UI
/// shows an ellipsis there).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    pub text: String,
    pub ranges: Vec<Range<usize>>,
    pub cut_start: bool,
    pub cut_end: bool,
}

/// Characters of context kept before the first match in the window.
const LEAD: usize = 40;

/// The window of at most `max_chars` characters that holds the most matches, starting a little
/// before its first one and cut at word boundaries.
pub fn snippet(text: &str, ranges: &[Range<usize>], max_chars: usize) -> Snippet {
    let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).chain(std::iter::once(text.len())).collect();
    let chars = boundaries.len() - 1;
    if chars <= max_chars {
        return Snippet { text: text.to_string(), ranges: ranges.to_vec(), cut_start: false, cut_end: false };
    }
    let char_at = |byte: usize| boundaries.partition_point(|&b| b < byte);
    // The match that starts the densest window.
    let anchor = (0..ranges.len())
        .max_by_key(|&i| {
            let start = char_at(ranges[i].start);
            let inside = ranges[i..].iter().take_while(|r| char_at(r.end) <= start + max_chars - LEAD.min(max_chars / 2)).count();
            (inside, std::cmp::Reverse(i))
        })
        .map_or(0, |i| char_at(ranges[i].start));
    let mut start = anchor.saturating_sub(LEAD.min(max_chars / 2)).min(chars - max_chars);
    let mut end = start + max_chars;
    // Move inward to whole words.
    if start > 0 {
        while start < anchor && !text[boundaries[start - 1]..boundaries[start]].chars().all(char::is_whitespace) {
            start += 1;
        }
    }
    if end < chars {
        while end > start + 1 && !text[boundaries[end]..boundaries[end + 1]].chars().all(char::is_whitespace) {
            end -= 1;
        }
    }
    let (from, to) = (boundaries[start], boundaries[end]);
    let ranges = ranges.iter().filter(|r| r.end > from && r.start < to).map(|r| r.start.max(from) - from..r.end.min(to) - from).collect();
    Snippet { text: text[from..to].to_string(), ranges, cut_start: start > 0, cut_end: end < chars }
}

#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)] // one highlighted range is what these tests give
mod tests {
    use super::*;

    #[test]
    fn short_text_is_whole() {
        let s = snippet("short text", &[0..5], 100);
        assert_eq!(s.text, "short text");
        assert!(!s.cut_start && !s.cut_end);
    }

    #[test]
    fn long_text_is_cut_around_the_match_at_word_boundaries() {
        let text = format!("{} needle {}", "alpha ".repeat(50), "omega ".repeat(50));
        let at = text.find("needle").unwrap();
        let s = snippet(&text, &[at..at + 6], 80);
        assert!(s.cut_start && s.cut_end);
        assert!(s.text.chars().count() <= 80);
        assert_eq!(&s.text[s.ranges[0].clone()], "needle");
        assert!(s.text.starts_with("alpha") && s.text.trim_end().ends_with("omega"), "{:?}", s.text);
    }

    #[test]
    fn multibyte_text_is_cut_on_char_boundaries() {
        let text = "é".repeat(300) + " Málaga " + &"ü".repeat(300);
        let at = text.find("Málaga").unwrap();
        let s = snippet(&text, &[at..at + "Málaga".len()], 50);
        assert_eq!(&s.text[s.ranges[0].clone()], "Málaga");
    }
}
