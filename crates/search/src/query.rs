//! What a reader types, parsed: free words, `"quoted phrases"` (straight or typographic
//! quotes, an unclosed quote runs to the end), `-word` exclusions, and whether the last word
//! is still being typed (then it also matches as a prefix).

use crate::text::{tokenize, Token};
use serde::{Deserialize, Serialize};

/// Longest query taken into account, in characters; the rest is ignored so any input is
/// answered in bounded time.
pub const MAX_QUERY_CHARS: usize = 256;
/// Most words (free or in phrases) a query keeps.
pub const MAX_WORDS: usize = 12;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueryWord {
    /// The folded term. After the index resolves synonyms, a synonym typed out in several
    /// words ("trafficking in human beings") is one query word: those words joined by spaces.
    pub term: String,
    /// The word is the last one typed, with no space after it: complete it.
    pub prefix: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Query {
    pub words: Vec<QueryWord>,
    /// Each phrase as its folded words, in order.
    pub phrases: Vec<Vec<String>>,
    /// Folded terms whose paragraphs are left out.
    pub excluded: Vec<String>,
    /// `kind:speech`, `year:2017`, `in:<document>`...: which documents to search (see
    /// `index/filter.rs`). Not sent with results: the page reads them from the query it shows.
    #[serde(skip)]
    pub filters: Vec<Filter>,
}

/// The keys a query word may narrow a search by: `key:value`.
pub const FILTER_KEYS: [&str; 9] = ["kind", "year", "in", "by", "place", "topic", "name", "from", "to"];

/// A `key:value` word of a query: documents of that kind, year, issuer or place, or the one
/// document of that name (`in:`); with `-` before it, all but those.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filter {
    /// `key:value`, lowercase.
    pub tag: String,
    pub negated: bool,
    /// Still being typed: documents whose tag starts with it.
    pub prefix: bool,
    key_len: usize,
}

impl Filter {
    pub fn key(&self) -> &str {
        &self.tag[..self.key_len]
    }

    /// What follows the key and its colon.
    pub fn value(&self) -> &str {
        &self.tag[self.key_len + 1..]
    }

    /// A filter when `word` is one (`Kind:Speech` gives `kind:speech`).
    fn parse(word: &str, negated: bool, prefix: bool) -> Option<Self> {
        let tag = word.to_ascii_lowercase();
        // (a byte search: a `char` pattern's searcher would add to the module's code)
        let key_len = tag.bytes().position(|b| b == b':')?;
        (FILTER_KEYS.contains(&&tag[..key_len]) && key_len + 1 < tag.len()).then_some(Self { tag, negated, prefix, key_len })
    }
}

/// Whether a query word as typed narrows the search (`kind:speech`, `-year:2017`) rather than
/// being searched for.
pub fn is_filter(word: &str) -> bool {
    let (key, value) = word.trim_start_matches('-').split_once(':').unwrap_or_default();
    !value.is_empty() && FILTER_KEYS.contains(&key.to_ascii_lowercase().as_str())
}

impl Query {
    pub fn is_empty(&self) -> bool {
        self.words.is_empty() && self.phrases.is_empty()
    }
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»')
}

/// Terms of a chunk of free text: a compound (`F-35`) stands for its parts.
pub(crate) fn chunk_terms(chunk: &str) -> Vec<String> {
    let mut terms: Vec<Token> = Vec::new();
    for token in tokenize(chunk) {
        if token.compound {
            terms.retain(|t| t.range.start < token.range.start || t.range.end > token.range.end);
        }
        terms.push(token);
    }
    terms.into_iter().map(|t| t.term).filter(|t| !t.is_empty()).collect()
}

/// Terms of a quoted phrase, word by word (a compound such as "F-35" as its parts, which are
/// what phrase positions count).
pub(crate) fn phrase_terms(text: &str) -> Vec<String> {
    tokenize(text).into_iter().filter(|t| !t.compound).map(|t| t.term).collect()
}

enum Segment {
    Words { text: String, negated: bool },
    Phrase(String),
}

fn segments(input: &str) -> (Vec<Segment>, bool) {
    let mut out = Vec::new();
    let mut buf = String::new();
    let mut in_phrase = false;
    let mut negated = false;
    let flush = |buf: &mut String, in_phrase: bool, negated: bool, out: &mut Vec<Segment>| {
        if !buf.is_empty() {
            let text = std::mem::take(buf);
            out.push(if in_phrase { Segment::Phrase(text) } else { Segment::Words { text, negated } });
        }
    };
    for c in input.chars().take(MAX_QUERY_CHARS) {
        if is_quote(c) {
            flush(&mut buf, in_phrase, negated, &mut out);
            in_phrase = !in_phrase;
            negated = false;
        } else if !in_phrase && c.is_whitespace() {
            flush(&mut buf, in_phrase, negated, &mut out);
            negated = false;
        } else if !in_phrase && buf.is_empty() && c == '-' {
            negated = true;
        } else {
            buf.push(c);
        }
    }
    let still_typing = !buf.is_empty() && !in_phrase;
    flush(&mut buf, in_phrase, negated, &mut out);
    (out, still_typing)
}

/// Parses a query. Never fails: text without words gives an empty query.
pub fn parse(input: &str) -> Query {
    let (segments, still_typing) = segments(input);
    let mut query = Query::default();
    let mut count = 0;
    let last = segments.len().saturating_sub(1);
    for (i, segment) in segments.into_iter().enumerate() {
        if let Segment::Words { text, negated } = &segment {
            if let Some(filter) = Filter::parse(text, *negated, still_typing && i == last) {
                query.filters.push(filter);
                continue;
            }
        }
        match segment {
            Segment::Words { text, negated: true } => query.excluded.extend(chunk_terms(&text)),
            Segment::Words { text, negated: false } => {
                let terms = chunk_terms(&text);
                let n = terms.len();
                for (j, term) in terms.into_iter().enumerate() {
                    if count < MAX_WORDS && !query.words.iter().any(|w| w.term == term) {
                        let prefix = still_typing && i == last && j + 1 == n;
                        query.words.push(QueryWord { term, prefix });
                        count += 1;
                    }
                }
            }
            Segment::Phrase(text) => {
                let terms: Vec<String> = phrase_terms(&text).into_iter().take(MAX_WORDS.saturating_sub(count)).collect();
                count += terms.len();
                match terms.len() {
                    0 => {}
                    1 => query.words.extend(terms.into_iter().map(|term| QueryWord { term, prefix: false })),
                    _ => query.phrases.push(terms),
                }
            }
        }
    }
    query
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(q: &Query) -> Vec<(&str, bool)> {
        q.words.iter().map(|w| (w.term.as_str(), w.prefix)).collect()
    }

    #[test]
    fn free_words_and_the_last_one_as_prefix() {
        let q = parse("Terror fin");
        assert_eq!(words(&q), [("terror", false), ("fin", true)]);
        assert_eq!(words(&parse("terror fin ")), [("terror", false), ("fin", false)]);
    }

    #[test]
    fn phrases_mixed_with_words_and_exclusions() {
        let q = parse("\"safe spaces\" FATF -Indonesia");
        assert_eq!(q.phrases, [vec!["safe".to_string(), "spaces".to_string()]]);
        assert_eq!(words(&q), [("fatf", false)], "the exclusion is the last word typed");
        assert_eq!(q.excluded, ["indonesia"]);
        let typographic = parse("“safe spaces”");
        assert_eq!(typographic.phrases.len(), 1);
        assert!(typographic.words.is_empty());
    }

    #[test]
    fn an_unclosed_quote_runs_to_the_end() {
        let q = parse("\"human trafficking");
        assert_eq!(q.phrases, [vec!["human".to_string(), "trafficking".to_string()]]);
    }

    #[test]
    fn a_hyphenated_word_is_searched_whole() {
        assert_eq!(words(&parse("F-35 ")), [("f35", false)]);
        assert_eq!(words(&parse("Counter-Daesh coalition")), [("counterdaesh", false), ("coalition", true)]);
    }

    #[test]
    fn nothing_to_search_gives_an_empty_query() {
        for input in ["", "   ", "-", "\"\"", "!!! ???", "\u{0}\u{1}", "- - -"] {
            assert!(parse(input).is_empty(), "{input:?}");
        }
    }

    #[test]
    fn key_value_words_narrow_the_search_and_are_not_searched_for() {
        let q = parse("Terror Kind:Speech -year:2017 in:g20-statement 10:30 by:Euro");
        assert_eq!(words(&q), [("terror", false), ("10", false), ("30", false)]);
        let tags: Vec<(&str, bool, bool)> = q.filters.iter().map(|f| (f.tag.as_str(), f.negated, f.prefix)).collect();
        assert_eq!(
            tags,
            [("kind:speech", false, false), ("year:2017", true, false), ("in:g20-statement", false, false), ("by:euro", false, true)]
        );
        assert!(parse("kind:").filters.is_empty(), "a key alone is a word");
        assert!(parse("\"kind:speech\"").filters.is_empty(), "quoted, it is words");
    }

    #[test]
    fn long_input_is_bounded() {
        let q = parse(&"word ".repeat(2000));
        assert!(q.words.len() <= MAX_WORDS);
        let q = parse(&(0..100).map(|i| format!("w{i} ")).collect::<String>());
        assert_eq!(q.words.len(), MAX_WORDS);
    }
}
