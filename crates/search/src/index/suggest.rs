//! Suggestions for a query that found nothing: the nearest frequent terms.

use super::synonyms::Resolved;
use super::{Index, TermId};
use crate::fuzzy::max_edits;
use crate::query::Query;
use crate::text::char_len;

impl Index {
    /// For a query that found nothing: the query with its first unknown word replaced by each
    /// of the (up to three) nearest frequent terms.
    pub(super) fn suggestions(&self, query: &Query, resolved: &Resolved) -> Vec<String> {
        // Every word typed (a synonym typed out, word by word), and whether the index knows it.
        let free = query
            .words
            .iter()
            .zip(&resolved.words)
            .flat_map(|(w, (members, _))| w.term.split(' ').zip(members.iter().map(|m| !m.is_empty())));
        let quoted = query
            .phrases
            .iter()
            .zip(&resolved.phrases)
            .flat_map(|(p, (ids, _))| p.iter().map(String::as_str).zip(ids.iter().map(|i| !i.is_empty())));
        let (words, known): (Vec<String>, Vec<bool>) = free.chain(quoted).map(|(w, k)| (w.to_string(), k)).unzip();
        let Some(unknown) = known.iter().position(|k| !k) else { return Vec::new() };
        let term = words[unknown].clone();
        let edits = max_edits(char_len(&term)).max(2) + 1;
        // Nearest first, then most frequent: (distance, inverted frequency, term) in one key.
        let mut near: Vec<u64> = self
            .fuzzy_terms(&term, edits)
            .into_iter()
            .map(|(id, d)| {
                (u64::from(d) << 56)
                    | (u64::from(u32::MAX - self.document_frequency(id).min(1 << 23) as u32) & 0xff_ffff) << 32
                    | u64::from(id)
            })
            .collect();
        near.sort_unstable();
        near.into_iter()
            .take(3)
            .map(|key| {
                let id = key as TermId;
                let mut fixed = words.clone();
                fixed[unknown] = self.terms[id as usize].text.to_string();
                crate::text::spaced(&fixed)
            })
            .collect()
    }
}
