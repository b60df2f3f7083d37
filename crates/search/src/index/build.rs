//! Building an index from passages: tokens, postings, field terms and stems.

use std::collections::BTreeMap;

use std::sync::OnceLock;

use super::{Index, Passage, PassageId, Places, Posting, Term, TermId};
use crate::fuzzy::char_mask;
use crate::text::{char_len, stem, tokenize};

/// One paragraph to index, with the context that boosts it.
#[derive(Debug, Clone, Copy)]
pub struct PassageInput<'a> {
    pub doc: u32,
    pub title: &'a str,
    pub heading: Option<&'a str>,
    pub text: &'a str,
}

impl Index {
    pub fn build<'a>(inputs: impl IntoIterator<Item = PassageInput<'a>>) -> Self {
        let mut dict: BTreeMap<String, Places> = BTreeMap::new();
        let mut passages = Vec::new();
        let mut field_terms: Vec<String> = Vec::new();
        for (id, input) in inputs.into_iter().enumerate() {
            let id = id as PassageId;
            let tokens = tokenize(input.text);
            let len = tokens.iter().map(|t| t.position + 1).max().unwrap_or(0);
            for token in &tokens {
                let postings = &mut dict.entry(token.term.clone()).or_default().postings;
                match postings.last_mut() {
                    Some(p) if p.passage == id => p.positions.push(token.position),
                    _ => postings.push(Posting { passage: id, positions: vec![token.position] }),
                }
            }
            for (field, is_title) in [(Some(input.title), true), (input.heading, false)] {
                field_terms.clear();
                for token in field.map(tokenize).unwrap_or_default() {
                    if !field_terms.contains(&token.term) {
                        field_terms.push(token.term);
                    }
                }
                for term in field_terms.drain(..) {
                    let entry = dict.entry(term).or_default();
                    if is_title {
                        entry.in_title.push(id)
                    } else {
                        entry.in_heading.push(id)
                    }
                }
            }
            passages.push(Passage { doc: input.doc, len });
        }
        let mut stems: BTreeMap<String, Vec<TermId>> = BTreeMap::new();
        let terms: Vec<Term> = dict
            .into_iter()
            .enumerate()
            .map(|(id, (text, build))| {
                stems.entry(stem(&text)).or_default().push(id as TermId);
                Term {
                    char_len: char_len(&text).min(u16::MAX as usize) as u16,
                    mask: char_mask(&text),
                    ascii: text.is_ascii(),
                    text: text.into_boxed_str(),
                    df: build.postings.len() as u32,
                    places: OnceLock::from(build),
                }
            })
            .collect();
        let total: u64 = passages.iter().map(|p| u64::from(p.len)).sum();
        let avg_len = if passages.is_empty() { 1.0 } else { total as f32 / passages.len() as f32 };
        Self {
            passages,
            terms,
            stems: stems.into_iter().map(|(s, t)| (s.into_boxed_str(), t)).collect(),
            avg_len,
            synonyms: Vec::new(),
            shard_starts: Vec::new(),
            names: Vec::new(),
            tags: Vec::new(),
            tag_documents: Vec::new(),
        }
    }
}
