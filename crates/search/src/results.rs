//! What a search returns.

use serde::{Deserialize, Serialize};
use std::ops::Range;

use crate::query::Query;

/// One matching paragraph: its passage number (the order it was given to the index), its
/// score, and the byte ranges of its text that matched, exact, stemmed, completed, fuzzy and
/// folded forms included.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchHit {
    pub passage: u32,
    pub score: f32,
    pub ranges: Vec<Range<usize>>,
    /// The paragraph's own text matches; `false` when only its document's title or its
    /// section heading does (such hits come after the others).
    pub in_text: bool,
}

/// The hits of one document, best first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentHits {
    pub doc: u32,
    pub hits: Vec<SearchHit>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchResults {
    pub query: Query,
    /// Documents in order of their best paragraph.
    pub groups: Vec<DocumentHits>,
    /// Paragraphs matched in all (before any limit).
    pub total: usize,
    /// Of those, how many match only through their document's title or section heading.
    pub by_heading: usize,
    /// No paragraph holds every word: these hold the most.
    pub partial: bool,
    /// Query words the corpus does not hold, found only as close spellings.
    pub approximate: Vec<String>,
    /// For a query with no results: the query with an unknown word replaced by the nearest
    /// terms of the corpus, best first.
    pub suggestions: Vec<String>,
    /// What would narrow these results (`kind:speech`), each with how many of their documents
    /// it holds, in the library's order of tags.
    pub facets: Vec<(String, u32)>,
}

impl SearchResults {
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// Every hit, in rank order within documents in rank order.
    pub fn hits(&self) -> impl Iterator<Item = (u32, &SearchHit)> {
        self.groups.iter().flat_map(|g| g.hits.iter().map(move |h| (g.doc, h)))
    }
}

/// What a search answers where the index comes in shards: the results, or the shards (by
/// file) the query needs first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Answer {
    Results(SearchResults),
    Missing(Vec<String>),
}
