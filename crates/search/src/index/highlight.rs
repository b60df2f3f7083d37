//! Highlighting: what a query matched in a passage or any text, as byte ranges.

use std::ops::Range;

use super::synonyms::Resolved;
use super::{sort_dedup, Expansion, Index, StoredToken, TermId};
use crate::query;
use crate::text::tokenize;

impl Index {
    /// A highlighter for `input`: what the query matches in any text (the landing page marks
    /// every match in a document with it).
    pub fn matcher(&self, input: &str) -> Matcher<'_> {
        let mut query = query::parse(input);
        let resolved = self.resolve(&mut query);
        self.matcher_of(&resolved)
    }

    /// What a resolved query marks: its single words anywhere, the words of a synonym typed
    /// out where they all stand, and its phrases and their alternatives.
    pub(super) fn matcher_of(&self, resolved: &Resolved) -> Matcher<'_> {
        let mut matcher = self.matcher_for(&resolved.single_word_expansions(), &resolved.all_phrases());
        matcher.together = resolved
            .words
            .iter()
            .filter(|(members, _)| members.len() > 1)
            .map(|(members, _)| {
                members
                    .iter()
                    .map(|m| {
                        let mut ids: Vec<TermId> = m.iter().map(|(id, _)| *id).collect();
                        sort_dedup(&mut ids);
                        ids
                    })
                    .collect()
            })
            .collect();
        matcher
    }

    pub(super) fn matcher_for(&self, expansions: &[Expansion], phrases: &[Vec<Vec<TermId>>]) -> Matcher<'_> {
        let mut terms: Vec<TermId> = expansions.iter().flatten().map(|(id, _)| *id).collect();
        sort_dedup(&mut terms);
        Matcher { index: self, terms, phrases: phrases.to_vec(), together: Vec::new() }
    }
}

/// Finds what a query matched in a text, as sorted, non-overlapping byte ranges.
pub struct Matcher<'i> {
    index: &'i Index,
    terms: Vec<TermId>,
    phrases: Vec<Vec<Vec<TermId>>>,
    /// Groups of words (each as its sorted terms) marked only where every one of them stands.
    together: Vec<Vec<Vec<TermId>>>,
}

impl Matcher<'_> {
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty() && self.phrases.is_empty() && self.together.is_empty()
    }

    /// What matched in any text, such as a heading or title.
    pub fn ranges(&self, text: &str) -> Vec<Range<usize>> {
        if self.is_empty() {
            return Vec::new();
        }
        let tokens: Vec<StoredToken> = tokenize(text)
            .into_iter()
            .map(|t| StoredToken {
                term: self.index.term_id(&t.term).unwrap_or(TermId::MAX),
                start: t.range.start as u32,
                end: t.range.end as u32,
                compound: t.compound,
            })
            .collect();
        self.ranges_of(&tokens)
    }

    fn ranges_of(&self, tokens: &[StoredToken]) -> Vec<Range<usize>> {
        let span = |t: &StoredToken| t.start as usize..t.end as usize;
        let mut ranges: Vec<Range<usize>> = tokens.iter().filter(|t| self.terms.binary_search(&t.term).is_ok()).map(span).collect();
        for group in &self.together {
            let holds = |ids: &Vec<TermId>| tokens.iter().any(|t| ids.binary_search(&t.term).is_ok());
            if group.iter().all(holds) {
                ranges.extend(tokens.iter().filter(|t| group.iter().any(|ids| ids.binary_search(&t.term).is_ok())).map(span));
            }
        }
        let words: Vec<&StoredToken> = tokens.iter().filter(|t| !t.compound).collect();
        for phrase in &self.phrases {
            for window in words.windows(phrase.len()) {
                if window.iter().zip(phrase).all(|(t, allowed)| allowed.contains(&t.term)) {
                    ranges.push(window[0].start as usize..window[window.len() - 1].end as usize);
                }
            }
        }
        merge(ranges)
    }
}

fn merge(ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    // Sorted as packed (start, end) keys: one sort routine serves the whole crate.
    let mut keys: Vec<u64> = ranges.into_iter().map(|r| ((r.start as u64) << 32) | r.end as u64).collect();
    keys.sort_unstable();
    let mut out: Vec<Range<usize>> = Vec::with_capacity(keys.len());
    for r in keys.into_iter().map(|k| (k >> 32) as usize..(k & 0xffff_ffff) as usize) {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}
