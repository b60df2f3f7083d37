//! Normalisation and tokenisation shared by indexing, querying and highlighting.
//!
//! Hand-written rather than a general segmenter because the reader's matching rules are
//! specific: apostrophes inside words (’ and ') are one character, possessive `'s` is dropped,
//! `F-35` / `Saint-Denis` / `EUR 600 000` are also indexed whole, and every token keeps the
//! byte range of the original text it came from so highlights mark exactly what matched.

use std::ops::Range;

include!(concat!(env!("OUT_DIR"), "/folds.rs"));

/// Combining diacritical marks (the blocks that hold accents typed as separate characters).
/// A range check instead of the full Unicode property table, to keep the wasm small.
fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// A letter lowercased and without its diacritics, where the folding table knows it;
/// fullwidth ASCII as ASCII; anything else as it is.
fn fold_char(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).map_or(c, |a| a.to_ascii_lowercase()),
        _ => u16::try_from(u32::from(c))
            .ok()
            .and_then(|unit| FOLDS.binary_search_by_key(&unit, |&(from, _)| from).ok())
            .and_then(|i| char::from_u32(u32::from(FOLDS[i].1)))
            .unwrap_or(c),
    }
}

/// One token: its normalised term, where it stands in the original text, and its word
/// position. A compound (`F-35` as `f35`) shares the position of its first part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub term: String,
    pub range: Range<usize>,
    pub position: u32,
    pub compound: bool,
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{FF07}')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

fn is_digit_group_separator(c: char) -> bool {
    matches!(c, ',' | '.' | ' ' | '\u{A0}' | '\u{202F}' | '\u{2009}')
}

/// A letter, digit or combining mark: what words are made of, for search and for finding names.
/// Words joined by single spaces. Written out: the standard `join` is generic over its
/// separator and brought about 1 KB into the search module.
pub fn spaced<S: AsRef<str>>(words: &[S]) -> String {
    let mut out = String::new();
    for word in words {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word.as_ref());
    }
    out
}

pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

/// Folds a word: lowercase, diacritics removed, apostrophes made ASCII, possessive dropped.
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if is_apostrophe(c) {
            out.push('\'');
        } else {
            match c {
                'ß' => out.push_str("ss"),
                'æ' | 'Æ' => out.push_str("ae"),
                'œ' | 'Œ' => out.push_str("oe"),
                'ø' | 'Ø' => out.push('o'),
                'đ' | 'Đ' => out.push('d'),
                'ł' | 'Ł' => out.push('l'),
                'ı' => out.push('i'),
                _ if is_combining_mark(c) => {}
                _ => out.push(fold_char(c)),
            }
        }
    }
    if let Some(stripped) = out.strip_suffix("'s").or_else(|| out.strip_suffix('\'')) {
        let len = stripped.len();
        out.truncate(len);
    }
    out
}

/// The word spans of `text`: runs of letters, digits and combining marks, with apostrophes
/// between two word characters kept inside the word.
fn words(text: &str) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next_is_word = chars.peek().is_some_and(|&(_, n)| is_word_char(n));
        let inside = is_word_char(c) || (start.is_some() && is_apostrophe(c) && next_is_word);
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                spans.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        spans.push(s..text.len());
    }
    spans
}

/// Whether two adjacent words join into a compound: one hyphen between them, or digit groups
/// of a number (`600 000`, `50,000`).
fn joins(text: &str, left: &Range<usize>, right: &Range<usize>) -> bool {
    let gap = &text[left.end..right.start];
    let mut gap_chars = gap.chars();
    let (Some(sep), None) = (gap_chars.next(), gap_chars.next()) else {
        return false;
    };
    if is_hyphen(sep) {
        return true;
    }
    let all_digits = |r: &Range<usize>| text[r.clone()].bytes().all(|b| b.is_ascii_digit());
    is_digit_group_separator(sep) && all_digits(left) && all_digits(right) && right.len() == 3
}

/// Whether a word is one letter followed by a dot with another such letter right after it:
/// the start or middle of a dotted initialism (`F.A.T.F.`, `U.K.`).
fn dotted_initial(text: &str, left: &Range<usize>, right: &Range<usize>) -> bool {
    let single_letter = |r: &Range<usize>| text[r.clone()].chars().count() == 1 && text[r.clone()].chars().all(char::is_alphabetic);
    &text[left.end..right.start] == "." && single_letter(left) && single_letter(right)
}

/// Splits `text` into tokens. Parts of a compound are tokens of their own; the compound is
/// added after them, spanning them all. A dotted initialism is one token, its letters joined
/// (`F.A.T.F.` is `fatf`, as FATF is): its single letters alone would match any "a".
pub fn tokenize(text: &str) -> Vec<Token> {
    let spans = words(text);
    let mut tokens = Vec::with_capacity(spans.len() + 4);
    let mut i = 0;
    let mut position = 0u32;
    while i < spans.len() {
        let mut j = i;
        while j + 1 < spans.len() && dotted_initial(text, &spans[j], &spans[j + 1]) {
            j += 1;
        }
        if j > i {
            let term = spans[i..=j].iter().map(|span| fold(&text[span.clone()])).collect();
            tokens.push(Token { term, range: spans[i].start..spans[j].end, position, compound: false });
            position += 1;
            i = j + 1;
            continue;
        }
        let mut j = i;
        while j + 1 < spans.len() && joins(text, &spans[j], &spans[j + 1]) {
            j += 1;
        }
        let first_position = position;
        let mut whole = String::new();
        for span in &spans[i..=j] {
            let term = fold(&text[span.clone()]);
            if j > i {
                whole.push_str(&term);
            }
            tokens.push(Token { term, range: span.clone(), position, compound: false });
            position += 1;
        }
        if j > i {
            tokens.push(Token { term: whole, range: spans[i].start..spans[j].end, position: first_position, compound: true });
        }
        i = j + 1;
    }
    tokens
}

/// The English Snowball stem of a folded term; terms with digits are kept as they are.
pub fn stem(term: &str) -> String {
    if term.bytes().any(|b| b.is_ascii_digit()) {
        return term.to_string();
    }
    thread_local! {
        static STEMMER: rust_stemmers::Stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
    }
    STEMMER.with(|s| s.stem(term).into_owned())
}

/// Length in characters, as typo tolerance counts it.
pub fn char_len(term: &str) -> usize {
    term.chars().count()
}
#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<String> {
        tokenize(text).into_iter().map(|t| t.term).collect()
    }

    #[test]
    fn folds_case_diacritics_and_apostrophes() {
        assert_eq!(fold("Málaga"), "malaga");
        assert_eq!(fold("Banús"), "banus");
        assert_eq!(fold("Sharansky’s"), "sharansky");
        assert_eq!(fold("Sharansky's"), "sharansky");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("wouldn’t"), "wouldn't");
        assert_eq!(fold("ÉCOLE Ἀθῆναι ЁЛКА"), "ecole αθηναι елка");
        assert_eq!(fold("e\u{301}te\u{301}"), "ete");
        assert_eq!(fold("ＦＡＴＦ"), "fatf");
    }

    #[test]
    fn hyphenated_words_are_parts_and_a_whole() {
        assert_eq!(terms("Saint-Denis"), ["saint", "denis", "saintdenis"]);
        assert_eq!(terms("F-35 and F35s"), ["f", "35", "f35", "and", "f35s"]);
        let tokens = tokenize("the Counter-Daesh Global");
        let compound = tokens.iter().find(|t| t.compound).expect("compound");
        assert_eq!(&"the Counter-Daesh Global"[compound.range.clone()], "Counter-Daesh");
        assert_eq!(compound.position, 1);
        assert_eq!(tokens.last().map(|t| t.position), Some(3));
    }

    #[test]
    fn a_dotted_initialism_is_one_word() {
        assert_eq!(terms("the F.A.T.F. said"), ["the", "fatf", "said"]);
        assert_eq!(terms("U.K. and e.g. A. Smith"), ["uk", "and", "eg", "a", "smith"]);
        let text = "by the U.N.";
        let un = tokenize(text).into_iter().find(|t| t.term == "un").expect("un");
        assert_eq!(&text[un.range], "U.N");
    }

    #[test]
    fn numbers_are_tokens_and_digit_groups_join() {
        assert_eq!(terms("EUR 600 000 since 2011"), ["eur", "600", "000", "600000", "since", "2011"]);
        assert_eq!(terms("over 50,000 local"), ["over", "50", "000", "50000", "local"]);
        assert_eq!(terms("2015 and 2016"), ["2015", "and", "2016"]);
        assert_eq!(terms("UNSCR 2178 (2014)"), ["unscr", "2178", "2014"]);
    }

    #[test]
    fn ranges_point_into_the_original_text() {
        let text = "“safe spaces” in Málaga’s port";
        for t in tokenize(text) {
            assert!(text.is_char_boundary(t.range.start) && text.is_char_boundary(t.range.end));
        }
        let malaga = tokenize(text).into_iter().find(|t| t.term == "malaga").expect("malaga");
        assert_eq!(&text[malaga.range], "Málaga’s");
    }

    #[test]
    fn stems_english_words_but_not_numbers() {
        assert_eq!(stem("financing"), stem("finance"));
        assert_eq!(stem("2178"), "2178");
        assert_eq!(stem("f35s"), "f35s");
    }
}
