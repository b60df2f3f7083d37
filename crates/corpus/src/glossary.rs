//! The glossary: every acronym the documents use, with what it stands for.
//!
//! Acronyms a document defines itself, as "Financial Action Task Force (FATF)", are found here
//! by matching the letters in brackets against the initials of the words before them. The rest
//! come from the curated `content/glossary.toml`. [`build`] also lists every use of each term
//! (document and paragraph) and the acronyms the text uses that neither source explains, so
//! the build can report them.

use std::path::Path;

use serde::Deserialize;

use crate::error::{line_of, ContentError};
use crate::model::{Block, Document};

/// One acronym and its expansion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GlossaryEntry {
    /// As the text writes it, singular: "FATF", "FTF", "AML/CFT".
    pub term: String,
    pub expansion: String,
    /// Where a document defines it (slug, paragraph number); `None` for curated entries.
    pub defined_in: Option<(String, u32)>,
    /// Every paragraph that uses it: (slug, paragraph number), in corpus order, once each.
    pub uses: Vec<(String, u32)>,
}

/// Words that may stand in an expansion without giving the acronym a letter.
const MINOR_WORDS: &[&str] = &["of", "and", "the", "for", "in", "on", "to", "de", "du", "des", "et"];

/// `word` without a plural "s" after a capital or a digit ("EAWs", "F35s").
fn singular(word: &str) -> &str {
    word.strip_suffix('s').filter(|w| w.ends_with(|c: char| c.is_ascii_uppercase() || c.is_ascii_digit())).unwrap_or(word)
}

/// An acronym candidate: two or more capitals (digits and a slash allowed, "AML/CFT"), or a
/// capital with digits ("G20", "F35"), with an optional plural "s".
fn acronym_form(word: &str) -> Option<&str> {
    let singular = singular(word);
    let capitals = singular.chars().filter(char::is_ascii_uppercase).count();
    let digits = singular.chars().filter(char::is_ascii_digit).count();
    let allowed = singular.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '/');
    ((capitals >= 2 || digits > 0) && allowed && singular.starts_with(|c: char| c.is_ascii_uppercase())).then_some(singular)
}

/// The (acronym, expansion) pairs a text defines with "Long Form (ACRONYM)".
pub fn definitions_in(text: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut rest = text;
    let mut offset = 0;
    while let Some(open) = rest.find('(') {
        let Some(close) = rest[open..].find(')') else { break };
        let inside = &rest[open + 1..open + close];
        if let Some(acronym) = acronym_form(inside) {
            if let Some(expansion) = expansion_before(&text[..offset + open], acronym) {
                found.push((acronym.to_string(), expansion));
            }
        }
        offset += open + close + 1;
        rest = &text[offset..];
    }
    found
}

/// The words just before a bracket whose initials spell `acronym` (minor words may stand
/// between them), or `None`.
fn expansion_before(before: &str, acronym: &str) -> Option<String> {
    let letters: Vec<char> = acronym.chars().filter(char::is_ascii_alphabetic).collect();
    let words: Vec<&str> = before.split_whitespace().collect();
    let mut needed = letters.len();
    let mut first = words.len();
    for (i, raw) in words.iter().enumerate().rev() {
        if needed == 0 {
            break;
        }
        let word = clean_word(raw);
        let initial = word.chars().next()?;
        if initial.to_ascii_uppercase() == letters[needed - 1] {
            needed -= 1;
            first = i;
        } else if !MINOR_WORDS.contains(&word.to_lowercase().as_str()) {
            return None;
        }
    }
    (needed == 0).then(|| words[first..].iter().map(|w| clean_word(w)).collect::<Vec<_>>().join(" "))
}

/// A word without surrounding punctuation or a possessive: "Organization’s" → "Organization".
fn clean_word(word: &str) -> &str {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    word.strip_suffix("’s").or_else(|| word.strip_suffix("'s")).unwrap_or(word)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CuratedFile {
    #[serde(default)]
    term: Vec<CuratedTerm>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CuratedTerm {
    term: toml::Spanned<String>,
    expansion: String,
}

/// Parses the curated glossary file: (term, expansion, line).
pub fn parse_curated(path: &Path, text: &str) -> Result<Vec<(String, String, usize)>, ContentError> {
    let file: CuratedFile = toml::from_str(text).map_err(|e| {
        let line = e.span().map_or(1, |s| line_of(text, s.start));
        ContentError::new(path, line, format!("bad glossary: {}", e.message().trim()))
    })?;
    let mut out: Vec<(String, String, usize)> = Vec::new();
    for entry in file.term {
        let line = line_of(text, entry.term.span().start);
        let term = entry.term.into_inner();
        if term.trim().is_empty() || entry.expansion.trim().is_empty() {
            return Err(ContentError::new(path, line, "a glossary term needs both `term` and `expansion`"));
        }
        if out.iter().any(|(t, _, _)| *t == term) {
            return Err(ContentError::new(path, line, format!("{term:?} is in the glossary twice")));
        }
        out.push((term, entry.expansion, line));
    }
    Ok(out)
}

/// Where `text` uses the glossary's terms: (start, end, entry index) byte ranges, in order. A
/// term matches as a whole word, in the plural ("EAWs") or as part of a slashed group
/// ("ISIL/ISIS/Daesh").
pub fn occurrences(text: &str, entries: &[GlossaryEntry]) -> Vec<(usize, usize, usize)> {
    let mut found = Vec::new();
    let mut start = None;
    let is_part = |c: char| c.is_alphanumeric();
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        match (is_part(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                let part = &text[s..i];
                let singular = singular(part);
                // A slashed term ("AML/CFT") is matched whole, starting at its first part.
                let whole = entries.iter().position(|e| e.term.contains('/') && text[s..].starts_with(e.term.as_str()));
                if let Some(index) = whole {
                    found.push((s, s + entries[index].term.len(), index));
                    start = None;
                    continue;
                }
                if found.last().is_none_or(|&(_, end, _)| end <= s) {
                    if let Some(index) = entries.iter().position(|e| e.term == part || e.term == singular) {
                        found.push((s, i, index));
                    }
                }
                start = None;
            }
            _ => {}
        }
    }
    found
}

/// The glossary of `docs`: defined terms first found, then curated ones; sorted by term. Also
/// returns the acronyms the text uses that no entry explains.
pub fn build(docs: &[Document], curated: &[(String, String, usize)]) -> (Vec<GlossaryEntry>, Vec<String>) {
    let mut entries: Vec<GlossaryEntry> = Vec::new();
    for doc in docs {
        for p in doc.paragraphs() {
            for (term, expansion) in definitions_in(&p.text) {
                if !entries.iter().any(|e| e.term == term) {
                    entries.push(GlossaryEntry { term, expansion, defined_in: Some((doc.slug.clone(), p.number)), uses: Vec::new() });
                }
            }
        }
    }
    for (term, expansion, _) in curated {
        if !entries.iter().any(|e| e.term == *term) {
            entries.push(GlossaryEntry { term: term.clone(), expansion: expansion.clone(), defined_in: None, uses: Vec::new() });
        }
    }
    let mut unknown: Vec<String> = Vec::new();
    for doc in docs {
        // The title and headings show their acronyms too (checked, but not listed as uses:
        // a use is a paragraph).
        let texts = std::iter::once((doc.title.as_str(), None)).chain(doc.blocks.iter().map(|block| match block {
            Block::Heading(h) => (h.text.as_str(), None),
            Block::Paragraph(p) => (p.text.as_str(), Some(p.number)),
        }));
        for (text, paragraph) in texts {
            for word in text.split(|c: char| !(c.is_alphanumeric() || c == '/')).filter(|w| !w.is_empty()) {
                for part in std::iter::once(word).chain(word.split('/').filter(|_| word.contains('/'))) {
                    let singular = singular(part);
                    match entries.iter_mut().find(|e| e.term == part || e.term == singular) {
                        Some(e) => {
                            // Paragraphs come in order: a repeat use is the last one noted.
                            if let Some(here) = paragraph.map(|n| (doc.slug.clone(), n)).filter(|here| e.uses.last() != Some(here)) {
                                e.uses.push(here);
                            }
                        }
                        None => {
                            if let Some(form) = acronym_form(part).filter(|_| part == word) {
                                if !unknown.iter().any(|u| u == form) {
                                    unknown.push(form.to_string());
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    entries.sort_by(|a, b| a.term.cmp(&b.term));
    unknown.retain(|u| !u.split('/').all(|part| entries.iter().any(|e| e.term == part)));
    unknown.sort();
    (entries, unknown)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_acronyms_the_text_defines() {
        let text = "call for the Financial Action Task Force (FATF) standards and the World Customs Organization’s (WCO) programme";
        assert_eq!(
            definitions_in(text),
            [("FATF".to_string(), "Financial Action Task Force".to_string()), ("WCO".into(), "World Customs Organization".into())]
        );
        assert_eq!(
            definitions_in("returning foreign terrorist fighters (FTFs) from"),
            [("FTF".to_string(), "foreign terrorist fighters".to_string())]
        );
        assert_eq!(
            definitions_in("a joint investigation team (JIT), formed"),
            [("JIT".to_string(), "joint investigation team".to_string())]
        );
        assert_eq!(
            definitions_in("by the International Civil Aviation Organization (ICAO) in"),
            [("ICAO".to_string(), "International Civil Aviation Organization".to_string())]
        );
    }

    #[test]
    fn ignores_brackets_that_are_not_definitions() {
        assert!(definitions_in("23 arrests (13 in France and 10 in Romania)").is_empty());
        assert!(definitions_in("the Paris Climate Change Conference (CPO 21)").is_empty());
        assert!(definitions_in("Resolution 2178 (2014), which").is_empty());
        assert!(definitions_in("something else entirely (FATF)").is_empty());
    }

    #[test]
    fn occurrences_are_whole_words_plurals_and_slashed_groups() {
        let entry = |term: &str| GlossaryEntry { term: term.into(), expansion: String::new(), defined_in: None, uses: Vec::new() };
        let entries = [entry("AML/CFT"), entry("EAW"), entry("ISIS"), entry("UN")];
        let text = "UN and AML/CFT threats; Seven EAWs; ISIL/ISIS/Daesh; UNSCR and unit";
        let found: Vec<(&str, usize)> = occurrences(text, &entries).into_iter().map(|(s, e, i)| (&text[s..e], i)).collect();
        assert_eq!(found, [("UN", 3), ("AML/CFT", 0), ("EAWs", 1), ("ISIS", 2)]);
    }

    #[test]
    fn acronym_forms() {
        assert_eq!(acronym_form("FTFs"), Some("FTF"));
        assert_eq!(acronym_form("AML/CFT"), Some("AML/CFT"));
        assert_eq!(acronym_form("G20"), Some("G20"), "a capital with digits");
        assert_eq!(acronym_form("F35s"), Some("F35"));
        assert_eq!(acronym_form("Fifty"), None);
        assert_eq!(acronym_form("2014"), None);
        assert_eq!(acronym_form("Eurojust"), None);
        assert_eq!(acronym_form("US"), Some("US"));
    }
}
