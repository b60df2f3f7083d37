//! From a query word to dictionary terms: exact, stemmed, completed while typed, and within
//! its typo allowance, each with the weight of that kind.

use super::{Expansion, Index, TermId};
use crate::function_words::is_function_word;
use crate::fuzzy::{bounded_distance, char_mask, max_edits, may_be_within, BitPattern, Rows};
use crate::query::QueryWord;
use crate::rank::WEIGHTS;
use crate::text::char_len;

impl Index {
    /// Terms within the allowed edits of `term`, with their distance.
    pub(super) fn fuzzy_terms(&self, term: &str, edits: u8) -> Vec<(TermId, u8)> {
        if edits == 0 {
            return Vec::new();
        }
        let chars: Vec<char> = term.chars().collect();
        let mask = char_mask(term);
        let len = chars.len();
        let mut other = Vec::new();
        let mut rows = Rows::default();
        let pattern = BitPattern::new(term.as_bytes());
        let mut found = Vec::new();
        for (id, t) in self.terms.iter().enumerate() {
            if usize::from(t.char_len).abs_diff(len) > usize::from(edits) || !may_be_within(mask, t.mask, edits) {
                continue;
            }
            let distance = if let (Some(p), true) = (&pattern, t.ascii) {
                p.distance(t.text.as_bytes(), edits)
            } else {
                other.clear();
                other.extend(t.text.chars());
                bounded_distance(&chars, &other, edits, &mut rows)
            };
            if let Some(d) = distance.filter(|&d| d > 0) {
                found.push((id as TermId, d));
            }
        }
        found
    }

    /// Most terms a word being typed expands to; the most frequent are kept. A word of one or
    /// two letters so far completes to fewer: it will change at the next keystroke, and each
    /// term may need its own shard of the index fetched (see `stored`).
    fn max_prefix_terms(typed: &str) -> usize {
        match char_len(typed) {
            1 => 8,
            2 => 16,
            _ => 64,
        }
    }

    /// The dictionary terms a query word stands for: exactly, by stem, as a completion when it
    /// is being typed, and within its typo allowance; each with the weight of that kind.
    pub(super) fn expand(&self, word: &QueryWord) -> Expansion {
        let mut out: Expansion = Vec::new();
        let add = |id: TermId, weight: f32, out: &mut Expansion| match out.iter_mut().find(|(t, _)| *t == id) {
            Some(entry) => entry.1 = entry.1.max(weight),
            None => out.push((id, weight)),
        };
        if let Some(id) = self.term_id(&word.term) {
            add(id, WEIGHTS.exact, &mut out);
        }
        for &id in self.stem_group(&word.term) {
            add(id, WEIGHTS.stemmed, &mut out);
        }
        if word.prefix && !word.term.is_empty() {
            let start = self.terms.partition_point(|t| *t.text < *word.term);
            let end = start + self.terms[start..].partition_point(|t| t.text.starts_with(word.term.as_str()));
            // Most frequent first: (inverted frequency, term) packed in one sortable key.
            let mut completions: Vec<u64> = (start as TermId..end as TermId)
                .map(|id| (u64::from(u32::MAX - self.document_frequency(id) as u32) << 32) | u64::from(id))
                .collect();
            completions.sort_unstable();
            for key in completions.into_iter().take(Self::max_prefix_terms(&word.term)) {
                add(key as TermId, WEIGHTS.prefix, &mut out);
            }
        }
        // A word the corpus has as typed gets one edit at most (spelling variants such as
        // "radicalization" / "radicalisation"); two are for words that look mistyped. This
        // keeps the dictionary scan short for the common, correctly spelled case. Numbers
        // (2017 is not 2015) and function words ("what" is not "that") get none.
        let allowed = max_edits(char_len(&word.term));
        let allowed = if self.term_id(&word.term).is_some() { allowed.min(1) } else { allowed };
        let allowed = if word.term.bytes().any(|b| b.is_ascii_digit()) || is_function_word(&word.term) { 0 } else { allowed };
        for (id, distance) in self.fuzzy_terms(&word.term, allowed) {
            add(id, if distance == 1 { WEIGHTS.fuzzy_one } else { WEIGHTS.fuzzy_two }, &mut out);
        }
        out
    }

    /// Exact and stemmed terms only: how phrases and exclusions match.
    pub(super) fn expand_strict(&self, term: &str) -> Vec<TermId> {
        let mut ids: Vec<TermId> = self.stem_group(term).to_vec();
        if let Some(id) = self.term_id(term) {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        ids
    }
}
