//! Ranking: each query word's and phrase's BM25 in the body with title and heading boosts,
//! the passages matching the most of the query, proximity over the leading candidates, and
//! the hits grouped by document.

use super::synonyms::Resolved;
use super::{from_rank_key, rank_key, sort_dedup, Expansion, Index, PassageId, TermId};
use crate::query::{self, Query};
use crate::rank::{idf, proximity_factor, tf_weight, BM25, FIELDS, WEIGHTS};
use crate::results::{DocumentHits, SearchHit, SearchResults};

/// One query unit's part in every passage (see [`Index::unit_scores`]).
pub(super) struct UnitScores {
    pub(super) score: Vec<f32>,
    /// How many of the query's words the unit matched, by passage.
    pub(super) matched: Vec<u8>,
    /// How many words the unit stands for.
    pub(super) words: u8,
    /// Whether the unit stands in the passage's own text, not only in its document's title or
    /// section heading.
    pub(super) in_text: Vec<bool>,
}

/// How many of the best BM25 candidates proximity may reorder.
pub(super) const PROXIMITY_CANDIDATES: usize = 32;

impl Index {
    /// Parses `input` and searches; returns at most `limit` paragraphs, grouped by document,
    /// without what they matched (see [`Index::search_marked`]).
    pub fn search(&self, input: &str, limit: usize) -> SearchResults {
        self.search_marked(input, limit, |_| None::<&str>)
    }

    /// [`Index::search`], each hit with the byte ranges that matched in its text, where
    /// `text_of` gives it (the index keeps no text).
    pub fn search_marked<T: AsRef<str>>(&self, input: &str, limit: usize, text_of: impl Fn(PassageId) -> Option<T>) -> SearchResults {
        let mut query = query::parse(input);
        let resolved = self.resolve(&mut query);
        self.search_resolved(query, &resolved, limit, &text_of)
    }

    /// [`Index::search_marked`] where every shard the query needs is here; otherwise the
    /// shards it needs (see [`Index::shards_for`]), having read the query once.
    pub fn search_if_ready<T: AsRef<str>>(
        &self,
        input: &str,
        limit: usize,
        text_of: impl Fn(PassageId) -> Option<T>,
    ) -> Result<SearchResults, Vec<usize>> {
        let mut query = query::parse(input);
        let resolved = self.resolve(&mut query);
        match self.shards_of(&query, &resolved) {
            missing if missing.is_empty() => Ok(self.search_resolved(query, &resolved, limit, &text_of)),
            missing => Err(missing),
        }
    }

    fn search_resolved<T: AsRef<str>>(
        &self,
        query: Query,
        resolved: &Resolved,
        limit: usize,
        text_of: &dyn Fn(PassageId) -> Option<T>,
    ) -> SearchResults {
        if query.is_empty() && query.filters.is_empty() {
            return SearchResults { query, ..SearchResults::default() };
        }
        let units = self.unit_scores(resolved);
        let (score, matched) = self.combine(&units, &query);
        let best = matched.iter().copied().max().unwrap_or(0);
        if best == 0 {
            let suggestions = self.suggestions(&query, resolved);
            return SearchResults { query, suggestions, ..SearchResults::default() };
        }
        let partial = usize::from(best) < units.iter().map(|u| usize::from(u.words)).sum();
        let in_text: Vec<bool> = (0..score.len()).map(|p| units.is_empty() || units.iter().any(|u| u.in_text[p])).collect();
        // Paragraphs whose own text matches come first; those that match only through their
        // document's title or section heading follow, in their own order, marked as such.
        let (text_hits, heading_hits): (Vec<u64>, Vec<u64>) = (0..score.len())
            .filter(|&p| matched[p] == best)
            .map(|p| rank_key(score[p], p as PassageId))
            .partition(|&key| in_text[from_rank_key(key).1 as usize]);
        let total = text_hits.len() + heading_hits.len();
        let by_heading = heading_hits.len();
        let mut ranked = self.rank(text_hits, resolved, limit);
        ranked.extend(self.rank(heading_hits, resolved, limit - ranked.len()));
        let groups = self.group(ranked, resolved, &in_text, text_of);
        let approximate = self.approximate_words(&query, resolved);
        let facets = self.facets(&groups);
        SearchResults { query, groups, total, by_heading, partial, approximate, suggestions: Vec::new(), facets }
    }

    /// The query words found only within their typo allowance: no term of the corpus is the
    /// word, shares its stem or completes it, and no synonym stands for it.
    fn approximate_words(&self, query: &Query, resolved: &Resolved) -> Vec<String> {
        let fuzzy_only = |e: &Expansion| !e.is_empty() && e.iter().all(|&(_, weight)| weight < WEIGHTS.prefix);
        query
            .words
            .iter()
            .zip(&resolved.words)
            .filter(|(_, (members, alternatives))| alternatives.is_empty() && members.iter().any(fuzzy_only))
            .map(|(word, _)| word.term.clone())
            .collect()
    }

    /// Each query unit's score in every passage, and how many of the query's words it matched
    /// there: a word; a synonym typed out, whose words match it whole where all of them (or an
    /// alternative standing for them) are, and in part as free words would; a quoted phrase.
    pub(super) fn unit_scores(&self, resolved: &Resolved) -> Vec<UnitScores> {
        let n = self.passages.len();
        let mut units = Vec::new();
        for (members, alternatives) in &resolved.words {
            // Most words stand alone, with no synonym: their scores are the unit's as they are
            // (at 1000x the corpus this skips four passes over every passage per word).
            if let ([member], true) = (members.as_slice(), alternatives.is_empty()) {
                let (score, in_text) = self.word_scores(member);
                let matched = score.iter().map(|&s| u8::from(s > 0.0)).collect();
                units.push(UnitScores { score, matched, words: 1, in_text });
                continue;
            }
            let (member_scores, member_in_text): (Vec<Vec<f32>>, Vec<Vec<bool>>) = members.iter().map(|m| self.word_scores(m)).unzip();
            let own: Vec<f32> = (0..n)
                .map(|p| if member_scores.iter().all(|s| s[p] > 0.0) { member_scores.iter().map(|s| s[p]).sum() } else { 0.0 })
                .collect();
            let mut in_text: Vec<bool> = (0..n).map(|p| member_in_text.iter().any(|t| t[p])).collect();
            let whole = self.with_alternatives(own, alternatives, &mut in_text);
            let mut unit = UnitScores { score: vec![0.0; n], matched: vec![0; n], words: members.len() as u8, in_text };
            for p in 0..n {
                if whole[p] > 0.0 {
                    unit.score[p] = whole[p];
                    unit.matched[p] = members.len() as u8;
                } else {
                    for s in member_scores.iter().filter(|s| s[p] > 0.0) {
                        unit.score[p] += s[p];
                        unit.matched[p] += 1;
                    }
                }
            }
            units.push(unit);
        }
        for (phrase, alternatives) in &resolved.phrases {
            let mut in_text = vec![false; n];
            let score = self.with_alternatives(self.phrase_score_list(phrase), alternatives, &mut in_text);
            let matched = score.iter().map(|&s| u8::from(s > 0.0)).collect();
            // A phrase stands in the text, as its alternatives do.
            in_text.iter_mut().zip(&score).for_each(|(t, &s)| *t |= s > 0.0);
            units.push(UnitScores { score, matched, words: 1, in_text });
        }
        units
    }

    /// The units' scores and matched words summed per passage; passages holding an excluded
    /// word match nothing.
    pub(super) fn combine(&self, units: &[UnitScores], query: &Query) -> (Vec<f32>, Vec<u8>) {
        let n = self.passages.len();
        let mut score = vec![0f32; n];
        let mut matched = vec![0u8; n];
        for unit in units {
            for p in 0..n {
                score[p] += unit.score[p];
                matched[p] += unit.matched[p];
            }
        }
        if units.is_empty() {
            // Filters alone (`kind:speech from:2017`): each document they allow, by its first
            // paragraph, in library order.
            for (p, m) in matched.iter_mut().enumerate() {
                *m = u8::from(p == 0 || self.passages[p - 1].doc != self.passages[p].doc);
            }
        }
        for term in &query.excluded {
            for id in self.expand_strict(term) {
                for posting in &self.places(id).postings {
                    matched[posting.passage as usize] = 0;
                }
            }
        }
        if let Some(allowed) = self.allowed_documents(&query.filters) {
            for (passage, matched) in self.passages.iter().zip(&mut matched) {
                if !allowed.get(passage.doc as usize).copied().unwrap_or(false) {
                    *matched = 0;
                }
            }
        }
        (score, matched)
    }

    /// Whether proximity reorders this query's candidates: it needs two words or phrases.
    pub(super) fn uses_proximity(resolved: &Resolved) -> bool {
        resolved.words.len() + resolved.phrases.len() > 1
    }

    /// Candidates (rank keys) sorted best first, the leading ones reordered by proximity, cut
    /// to `limit`.
    fn rank(&self, mut ranked: Vec<u64>, resolved: &Resolved, limit: usize) -> Vec<u64> {
        ranked.sort_unstable();
        if Self::uses_proximity(resolved) {
            let expansions = resolved.flat_expansions();
            let phrase_terms: Vec<Vec<Vec<TermId>>> = resolved.phrases.iter().map(|(p, _)| p.clone()).collect();
            // Proximity reorders the leading candidates only; the tail stays in BM25 order.
            let head = ranked.len().min(limit.max(PROXIMITY_CANDIDATES));
            for key in &mut ranked[..head] {
                let (score, passage) = from_rank_key(*key);
                *key = rank_key(score * self.proximity(passage, &expansions, &phrase_terms), passage);
            }
            ranked[..head].sort_unstable();
        }
        ranked.truncate(limit);
        ranked
    }

    /// The ranked passages as hits with what they matched, grouped by document (documents in
    /// the order of their best hit).
    fn group<T: AsRef<str>>(
        &self,
        ranked: Vec<u64>,
        resolved: &Resolved,
        in_text: &[bool],
        text_of: &dyn Fn(PassageId) -> Option<T>,
    ) -> Vec<DocumentHits> {
        let matcher = self.matcher_of(resolved);
        let mut groups: Vec<DocumentHits> = Vec::new();
        for (score, passage) in ranked.into_iter().map(from_rank_key) {
            let doc = self.passages[passage as usize].doc;
            let ranges = text_of(passage).map(|text| matcher.ranges(text.as_ref())).unwrap_or_default();
            let hit = SearchHit { passage, score, ranges, in_text: in_text[passage as usize] };
            match groups.iter_mut().find(|g| g.doc == doc) {
                Some(group) => group.hits.push(hit),
                None => groups.push(DocumentHits { doc, hits: vec![hit] }),
            }
        }
        groups
    }

    /// A phrase's score in every passage (0 where it does not stand).
    fn phrase_score_list(&self, phrase: &[Vec<TermId>]) -> Vec<f32> {
        let mut scores = vec![0f32; self.passages.len()];
        for (p, s) in self.phrase_scores(phrase) {
            scores[p as usize] = s;
        }
        scores
    }

    /// A word's score in every passage: its best expansion's BM25 in the body, plus its best
    /// title and heading boosts.
    pub(super) fn word_scores(&self, expansion: &Expansion) -> (Vec<f32>, Vec<bool>) {
        let n = self.passages.len();
        let mut body = vec![0f32; n];
        let mut field = vec![0f32; n];
        for &(id, weight) in expansion {
            let idf = idf(n, self.document_frequency(id));
            let term = self.places(id);
            for posting in &term.postings {
                let p = posting.passage as usize;
                let s = weight * idf * tf_weight(posting.positions.len() as u32, self.passages[p].len, self.avg_len, BM25);
                body[p] = body[p].max(s);
            }
            for (passages, boost) in [(&term.in_title, FIELDS.title), (&term.in_heading, FIELDS.heading)] {
                for &p in passages {
                    let f = &mut field[p as usize];
                    *f = f.max(weight * idf * boost);
                }
            }
        }
        let in_text = body.iter().map(|&b| b > 0.0).collect();
        body.iter_mut().zip(field).for_each(|(b, f)| *b += f);
        (body, in_text)
    }

    /// Passages holding the phrase's words in order, with the summed BM25 of those words
    /// times the adjacency bonus.
    pub(super) fn phrase_scores(&self, words: &[Vec<TermId>]) -> Vec<(PassageId, f32)> {
        let Some(first) = words.first() else { return Vec::new() };
        let n = self.passages.len();
        // Each word's idf is its commonest spelling's, the same in every passage.
        let idfs: Vec<f32> = words.iter().map(|ids| idf(n, ids.iter().map(|&id| self.document_frequency(id)).max().unwrap_or(1))).collect();
        let adjacency = proximity_factor(words.len(), words.len() as u32 - 1);
        let mut candidates: Vec<PassageId> = first.iter().flat_map(|&id| self.places(id).postings.iter().map(|p| p.passage)).collect();
        sort_dedup(&mut candidates);
        let mut out = Vec::new();
        // One list of positions per word, reused from passage to passage.
        let mut positions: Vec<Vec<u32>> = vec![Vec::new(); words.len()];
        'passages: for passage in candidates {
            for (list, ids) in positions.iter_mut().zip(words) {
                self.positions_into(ids, passage, list);
                // A passage without one of the words cannot hold the phrase (at 1000x a common
                // first word has thousands of passages): the rest are not looked up.
                if list.is_empty() {
                    continue 'passages;
                }
            }
            let found = positions[0]
                .iter()
                .any(|&start| positions.iter().enumerate().skip(1).all(|(k, list)| list.binary_search(&(start + k as u32)).is_ok()));
            if found {
                let len = self.passages[passage as usize].len;
                let s: f32 = idfs.iter().zip(&positions).map(|(idf, pos)| idf * tf_weight(pos.len() as u32, len, self.avg_len, BM25)).sum();
                out.push((passage, s * adjacency));
            }
        }
        out
    }
}
