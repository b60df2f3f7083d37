//! The index: term dictionary, postings, and query evaluation.

use std::collections::BTreeMap;
use std::ops::Range;

mod synonyms;

use synonyms::{Resolved, Synonym};

use crate::fuzzy::{bounded_distance, char_mask, max_edits, may_be_within, BitPattern, Rows};
use crate::query::{self, Query, QueryWord};
use crate::rank::{idf, proximity_factor, tf_weight, BM25, FIELDS, WEIGHTS};
use crate::results::{DocumentHits, SearchHit, SearchResults};
use crate::text::{char_len, stem, tokenize};

/// One paragraph to index, with the context that boosts it.
#[derive(Debug, Clone, Copy)]
pub struct PassageInput<'a> {
    pub doc: u32,
    pub title: &'a str,
    pub heading: Option<&'a str>,
    pub text: &'a str,
}

type TermId = u32;
type PassageId = u32;

struct Passage {
    doc: u32,
    /// Length in word positions.
    len: u32,
    /// The passage's tokens, resolved to terms at build time so highlighting a hit needs no
    /// re-tokenising.
    tokens: Vec<StoredToken>,
}

/// A token of a passage: its term and byte range (`u32`: passages are far below 4 GiB).
#[derive(Clone, Copy)]
struct StoredToken {
    term: TermId,
    start: u32,
    end: u32,
    compound: bool,
}

struct Posting {
    passage: PassageId,
    positions: Vec<u32>,
}

struct Term {
    text: Box<str>,
    ascii: bool,
    char_len: u16,
    mask: u64,
    /// Body occurrences, by passage.
    postings: Vec<Posting>,
    /// Passages whose document title or section heading holds the term.
    in_title: Vec<PassageId>,
    in_heading: Vec<PassageId>,
}

/// A searchable index over paragraphs. It keeps no text: hits name their passage and the
/// byte ranges that matched in it.
pub struct Index {
    passages: Vec<Passage>,
    /// Sorted by text, for exact and prefix lookup.
    terms: Vec<Term>,
    /// Stem → terms sharing it, sorted by stem.
    stems: Vec<(Box<str>, Vec<TermId>)>,
    avg_len: f32,
    /// Other ways to say a thing, longest first.
    synonyms: Vec<Synonym>,
}

#[derive(Default)]
struct TermBuild {
    postings: Vec<Posting>,
    in_title: Vec<PassageId>,
    in_heading: Vec<PassageId>,
}

/// Sorts and dedups through the crate's one `u64` sort: a second sort routine for `u32` would
/// add its own code to the wasm for no gain.
fn sort_dedup(values: &mut Vec<u32>) {
    let mut wide: Vec<u64> = values.iter().map(|&v| u64::from(v)).collect();
    wide.sort_unstable();
    wide.dedup();
    values.clear();
    values.extend(wide.into_iter().map(|v| v as u32));
}

/// A sort key that orders passages by descending score, then by passage: positive `f32`s
/// order as their bits do.
fn rank_key(score: f32, passage: PassageId) -> u64 {
    (u64::from(u32::MAX - score.max(0.0).to_bits()) << 32) | u64::from(passage)
}

fn from_rank_key(key: u64) -> (f32, PassageId) {
    (f32::from_bits(u32::MAX - (key >> 32) as u32), key as PassageId)
}

/// How many of the best BM25 candidates proximity may reorder.
const PROXIMITY_CANDIDATES: usize = 32;

/// Query word expanded to dictionary terms, each with its weight.
type Expansion = Vec<(TermId, f32)>;

impl Index {
    pub fn build<'a>(inputs: impl IntoIterator<Item = PassageInput<'a>>) -> Self {
        let mut dict: BTreeMap<String, TermBuild> = BTreeMap::new();
        let mut passages = Vec::new();
        let mut passage_tokens: Vec<Vec<crate::text::Token>> = Vec::new();
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
            passage_tokens.push(tokens);
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
            passages.push(Passage { doc: input.doc, len, tokens: Vec::new() });
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
                    postings: build.postings,
                    in_title: build.in_title,
                    in_heading: build.in_heading,
                }
            })
            .collect();
        let find = |term: &str| terms.binary_search_by(|t| (*t.text).cmp(term)).map_or(0, |i| i as TermId);
        for (passage, tokens) in passages.iter_mut().zip(passage_tokens) {
            passage.tokens = tokens
                .iter()
                .map(|t| StoredToken { term: find(&t.term), start: t.range.start as u32, end: t.range.end as u32, compound: t.compound })
                .collect();
        }
        let total: u64 = passages.iter().map(|p| u64::from(p.len)).sum();
        let avg_len = if passages.is_empty() { 1.0 } else { total as f32 / passages.len() as f32 };
        Self { passages, terms, stems: stems.into_iter().map(|(s, t)| (s.into_boxed_str(), t)).collect(), avg_len, synonyms: Vec::new() }
    }

    pub fn passage_count(&self) -> usize {
        self.passages.len()
    }

    pub fn term_count(&self) -> usize {
        self.terms.len()
    }

    /// Approximate heap bytes the index holds (its own data, not the borrowed text).
    pub fn heap_bytes(&self) -> usize {
        let terms: usize = self
            .terms
            .iter()
            .map(|t| {
                std::mem::size_of::<Term>()
                    + t.text.len()
                    + t.postings.iter().map(|p| std::mem::size_of::<Posting>() + 4 * p.positions.len()).sum::<usize>()
                    + 4 * (t.in_title.len() + t.in_heading.len())
            })
            .sum();
        let stems: usize = self.stems.iter().map(|(s, t)| s.len() + 4 * t.len() + 40).sum();
        let tokens: usize = self.passages.iter().map(|p| p.tokens.len() * std::mem::size_of::<StoredToken>()).sum();
        terms + stems + tokens + self.passages.len() * std::mem::size_of::<Passage>()
    }

    fn term_id(&self, term: &str) -> Option<TermId> {
        self.terms.binary_search_by(|t| (*t.text).cmp(term)).ok().map(|i| i as TermId)
    }

    fn stem_group(&self, term: &str) -> &[TermId] {
        let stem = stem(term);
        match self.stems.binary_search_by(|(s, _)| (**s).cmp(stem.as_str())) {
            Ok(i) => &self.stems[i].1,
            Err(_) => &[],
        }
    }

    fn document_frequency(&self, id: TermId) -> usize {
        self.terms[id as usize].postings.len()
    }

    /// Terms within the allowed edits of `term`, with their distance.
    fn fuzzy_terms(&self, term: &str, edits: u8) -> Vec<(TermId, u8)> {
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

    /// Most terms a word being typed expands to; the most frequent are kept.
    const MAX_PREFIX_TERMS: usize = 64;

    /// The dictionary terms a query word stands for: exactly, by stem, as a completion when it
    /// is being typed, and within its typo allowance; each with the weight of that kind.
    fn expand(&self, word: &QueryWord) -> Expansion {
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
            for key in completions.into_iter().take(Self::MAX_PREFIX_TERMS) {
                add(key as TermId, WEIGHTS.prefix, &mut out);
            }
        }
        // A word the corpus has as typed gets one edit at most (spelling variants such as
        // "radicalization" / "radicalisation"); two are for words that look mistyped. This
        // keeps the dictionary scan short for the common, correctly spelled case.
        let allowed = max_edits(char_len(&word.term));
        let allowed = if self.term_id(&word.term).is_some() { allowed.min(1) } else { allowed };
        for (id, distance) in self.fuzzy_terms(&word.term, allowed) {
            add(id, if distance == 1 { WEIGHTS.fuzzy_one } else { WEIGHTS.fuzzy_two }, &mut out);
        }
        out
    }

    /// Exact and stemmed terms only: how phrases and exclusions match.
    fn expand_strict(&self, term: &str) -> Vec<TermId> {
        let mut ids: Vec<TermId> = self.stem_group(term).to_vec();
        if let Some(id) = self.term_id(term) {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        ids
    }

    fn postings_of(&self, id: TermId, passage: PassageId) -> Option<&[u32]> {
        let postings = &self.terms[id as usize].postings;
        postings.binary_search_by_key(&passage, |p| p.passage).ok().map(|i| postings[i].positions.as_slice())
    }

    /// Parses `input` and searches; returns at most `limit` paragraphs, grouped by document.
    pub fn search(&self, input: &str, limit: usize) -> SearchResults {
        self.search_query(query::parse(input), limit)
    }

    pub fn search_query(&self, mut query: Query, limit: usize) -> SearchResults {
        if query.is_empty() {
            return SearchResults { query, ..SearchResults::default() };
        }
        let n = self.passages.len();
        let resolved = self.resolve(&mut query);
        // A synonym typed out counts as its words: all of them, or an alternative standing
        // for them, match it whole; some of them match it in part, as free words would.
        let units: usize = resolved.words.iter().map(|(members, _)| members.len()).sum::<usize>() + resolved.phrases.len();
        let mut score = vec![0f32; n];
        let mut matched = vec![0u8; n];
        for (members, alternatives) in &resolved.words {
            let member_scores: Vec<Vec<f32>> = members.iter().map(|m| self.word_scores(m)).collect();
            let own: Vec<f32> = (0..n)
                .map(|p| if member_scores.iter().all(|s| s[p] > 0.0) { member_scores.iter().map(|s| s[p]).sum() } else { 0.0 })
                .collect();
            let whole = self.with_alternatives(own, alternatives);
            for p in 0..n {
                if whole[p] > 0.0 {
                    score[p] += whole[p];
                    matched[p] += members.len() as u8;
                } else {
                    for s in member_scores.iter().filter(|s| s[p] > 0.0) {
                        score[p] += s[p];
                        matched[p] += 1;
                    }
                }
            }
        }
        for (phrase, alternatives) in &resolved.phrases {
            for (p, s) in self.with_alternatives(self.phrase_score_list(phrase), alternatives).into_iter().enumerate() {
                if s > 0.0 {
                    score[p] += s;
                    matched[p] += 1;
                }
            }
        }
        for term in &query.excluded {
            for id in self.expand_strict(term) {
                for posting in &self.terms[id as usize].postings {
                    matched[posting.passage as usize] = 0;
                }
            }
        }

        let best = matched.iter().copied().max().unwrap_or(0);
        if best == 0 {
            let suggestions = self.suggestions(&query, &resolved);
            return SearchResults { query, suggestions, ..SearchResults::default() };
        }
        let expansions = resolved.flat_expansions();
        let phrase_terms: Vec<Vec<Vec<TermId>>> = resolved.phrases.iter().map(|(p, _)| p.clone()).collect();
        let partial = usize::from(best) < units;
        let mut ranked: Vec<u64> = (0..n).filter(|&p| matched[p] == best).map(|p| rank_key(score[p], p as PassageId)).collect();
        ranked.sort_unstable();
        if expansions.len() + phrase_terms.len() > 1 {
            // Proximity reorders the leading candidates only; the tail stays in BM25 order.
            let head = ranked.len().min(limit.max(PROXIMITY_CANDIDATES));
            for key in &mut ranked[..head] {
                let (score, passage) = from_rank_key(*key);
                *key = rank_key(score * self.proximity(passage, &expansions, &phrase_terms), passage);
            }
            ranked[..head].sort_unstable();
        }
        let total = ranked.len();
        ranked.truncate(limit);

        let matcher = self.matcher_of(&resolved);
        let mut groups: Vec<DocumentHits> = Vec::new();
        for (score, passage) in ranked.into_iter().map(from_rank_key) {
            let p = &self.passages[passage as usize];
            let hit = SearchHit { passage, score, ranges: matcher.passage_ranges(passage) };
            match groups.iter_mut().find(|g| g.doc == p.doc) {
                Some(group) => group.hits.push(hit),
                None => groups.push(DocumentHits { doc: p.doc, hits: vec![hit] }),
            }
        }
        SearchResults { query, groups, total, partial, suggestions: Vec::new() }
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
    fn word_scores(&self, expansion: &Expansion) -> Vec<f32> {
        let n = self.passages.len();
        let mut body = vec![0f32; n];
        let mut field = vec![0f32; n];
        for &(id, weight) in expansion {
            let term = &self.terms[id as usize];
            let idf = idf(n, term.postings.len());
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
        body.iter_mut().zip(field).for_each(|(b, f)| *b += f);
        body
    }

    /// Passages holding the phrase's words in order, with the summed BM25 of those words
    /// times the adjacency bonus.
    fn phrase_scores(&self, words: &[Vec<TermId>]) -> Vec<(PassageId, f32)> {
        let Some(first) = words.first() else { return Vec::new() };
        let n = self.passages.len();
        let mut candidates: Vec<PassageId> =
            first.iter().flat_map(|&id| self.terms[id as usize].postings.iter().map(|p| p.passage)).collect();
        sort_dedup(&mut candidates);
        let mut out = Vec::new();
        for passage in candidates {
            let positions: Vec<Vec<u32>> = words.iter().map(|ids| self.positions_in(ids, passage)).collect();
            let found = positions[0]
                .iter()
                .any(|&start| positions.iter().enumerate().skip(1).all(|(k, list)| list.binary_search(&(start + k as u32)).is_ok()));
            if found {
                let len = self.passages[passage as usize].len;
                let s: f32 = words
                    .iter()
                    .zip(&positions)
                    .map(|(ids, pos)| {
                        let df = ids.iter().map(|&id| self.document_frequency(id)).max().unwrap_or(1);
                        idf(n, df) * tf_weight(pos.len() as u32, len, self.avg_len, BM25)
                    })
                    .sum();
                out.push((passage, s * proximity_factor(words.len(), words.len() as u32 - 1)));
            }
        }
        out
    }

    /// Sorted positions in `passage` of any of the terms.
    fn positions_in(&self, ids: &[TermId], passage: PassageId) -> Vec<u32> {
        let mut positions: Vec<u32> = ids.iter().filter_map(|&id| self.postings_of(id, passage)).flatten().copied().collect();
        sort_dedup(&mut positions);
        positions
    }

    /// The proximity multiplier of a passage: the smallest window of word positions holding
    /// one match of every query word (and phrase start) that occurs in its body.
    fn proximity(&self, passage: PassageId, expansions: &[Expansion], phrases: &[Vec<Vec<TermId>>]) -> f32 {
        let mut lists: Vec<Vec<u32>> =
            expansions.iter().map(|e| self.positions_in(&e.iter().map(|(id, _)| *id).collect::<Vec<_>>(), passage)).collect();
        lists.extend(phrases.iter().filter_map(|p| p.first()).map(|ids| self.positions_in(ids, passage)));
        lists.retain(|l| !l.is_empty());
        if lists.len() < 2 {
            return 1.0;
        }
        // (position, word) packed in one key; at most MAX_WORDS words.
        let mut events: Vec<u64> =
            lists.iter().enumerate().flat_map(|(w, l)| l.iter().map(move |&p| (u64::from(p) << 8) | w as u64)).collect();
        events.sort_unstable();
        let events: Vec<(u32, usize)> = events.into_iter().map(|e| ((e >> 8) as u32, (e & 0xff) as usize)).collect();
        let mut counts = vec![0u32; lists.len()];
        let mut covered = 0;
        let mut best = u32::MAX;
        let mut left = 0;
        for right in 0..events.len() {
            let w = events[right].1;
            counts[w] += 1;
            if counts[w] == 1 {
                covered += 1;
            }
            while covered == lists.len() {
                best = best.min(events[right].0 - events[left].0);
                let lw = events[left].1;
                counts[lw] -= 1;
                if counts[lw] == 0 {
                    covered -= 1;
                }
                left += 1;
            }
        }
        proximity_factor(lists.len(), best)
    }

    /// For a query that found nothing: the query with its first unknown word replaced by each
    /// of the (up to three) nearest frequent terms.
    fn suggestions(&self, query: &Query, resolved: &Resolved) -> Vec<String> {
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
                fixed.join(" ")
            })
            .collect()
    }

    /// A highlighter for `input`: what the query matches in any text (the landing page marks
    /// every match in a document with it).
    pub fn matcher(&self, input: &str) -> Matcher<'_> {
        let mut query = query::parse(input);
        let resolved = self.resolve(&mut query);
        self.matcher_of(&resolved)
    }

    /// What a resolved query marks: its single words anywhere, the words of a synonym typed
    /// out where they all stand, and its phrases and their alternatives.
    fn matcher_of(&self, resolved: &Resolved) -> Matcher<'_> {
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

    fn matcher_for(&self, expansions: &[Expansion], phrases: &[Vec<Vec<TermId>>]) -> Matcher<'_> {
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

    /// What matched in an indexed passage (its stored tokens; no re-tokenising).
    pub fn passage_ranges(&self, passage: u32) -> Vec<Range<usize>> {
        match self.index.passages.get(passage as usize) {
            Some(p) if !self.is_empty() => self.ranges_of(&p.tokens),
            _ => Vec::new(),
        }
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
