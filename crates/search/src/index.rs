//! The index: its data (term dictionary, postings, passages' lengths) and the lookups every
//! part of a search shares. Each job has its module, the way tantivy splits its own:
//! [`build`] makes an index from passages, [`expand`] turns a query word into dictionary
//! terms, [`synonyms`] rewrites a query for other ways to say a thing, [`score`] ranks
//! passages (BM25, fields, phrases), [`proximity`] rewards words found close together,
//! [`suggest`] offers nearby terms when nothing matched, [`highlight`] finds what matched in
//! a text, and [`explain`] says why a passage ranks where it does.

mod build;
mod expand;
mod explain;
mod filter;
mod highlight;
mod proximity;
mod score;
mod stored;
mod suggest;
mod synonyms;

pub use build::PassageInput;
pub use explain::{fixed3, Explanation, TermPart, UnitPart};
pub use highlight::Matcher;
pub use stored::{Dictionary, ShardError};
use synonyms::Synonym;

use std::sync::OnceLock;

use crate::text::stem;

type TermId = u32;
type PassageId = u32;

struct Passage {
    doc: u32,
    /// Length in word positions.
    len: u32,
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
    /// How many passages hold the term in their body, known before its postings are here.
    df: u32,
    /// Where the term stands: set when the index is built, or when its shard arrives (an
    /// index loaded from its dictionary fetches only the shards a query needs).
    places: OnceLock<Places>,
}

/// Where a term stands.
#[derive(Default)]
struct Places {
    /// Body occurrences, by passage.
    postings: Vec<Posting>,
    /// Passages whose document title or section heading holds the term.
    in_title: Vec<PassageId>,
    in_heading: Vec<PassageId>,
}

/// A term whose shard has not arrived stands nowhere.
static NOWHERE: Places = Places { postings: Vec::new(), in_title: Vec::new(), in_heading: Vec::new() };

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
    /// For an index loaded from its dictionary: the first term of each shard.
    shard_starts: Vec<TermId>,
    /// Each document's name, by document, for `in:`: its slug, or for an index loaded from
    /// its dictionary, its data file (`data/<slug>.<hash>.bin`).
    names: Vec<String>,
    /// What narrows a search to documents (`kind:speech`), and each one's documents, sorted.
    tags: Vec<String>,
    tag_documents: Vec<Vec<u32>>,
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

/// Query word expanded to dictionary terms, each with its weight.
type Expansion = Vec<(TermId, f32)>;

impl Index {
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
                let places = t.places.get().unwrap_or(&NOWHERE);
                std::mem::size_of::<Term>()
                    + t.text.len()
                    + places.postings.iter().map(|p| std::mem::size_of::<Posting>() + 4 * p.positions.len()).sum::<usize>()
                    + 4 * (places.in_title.len() + places.in_heading.len())
            })
            .sum();
        let stems: usize = self.stems.iter().map(|(s, t)| s.len() + 4 * t.len() + 40).sum();
        terms + stems + self.passages.len() * std::mem::size_of::<Passage>()
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
        self.terms[id as usize].df as usize
    }

    /// Where a term stands (nowhere while its shard is still to come).
    fn places(&self, id: TermId) -> &Places {
        self.terms[id as usize].places.get().unwrap_or(&NOWHERE)
    }

    fn postings_of(&self, id: TermId, passage: PassageId) -> Option<&[u32]> {
        let postings = &self.places(id).postings;
        postings.binary_search_by_key(&passage, |p| p.passage).ok().map(|i| postings[i].positions.as_slice())
    }

    /// Sorted positions in `passage` of any of the terms.
    fn positions_in(&self, ids: &[TermId], passage: PassageId) -> Vec<u32> {
        let mut positions = Vec::new();
        self.positions_into(ids, passage, &mut positions);
        positions
    }

    /// [`Index::positions_in`] into a list of the caller's (cleared first), so that a loop
    /// over many passages allocates once.
    fn positions_into(&self, ids: &[TermId], passage: PassageId, positions: &mut Vec<u32>) {
        positions.clear();
        positions.extend(ids.iter().filter_map(|&id| self.postings_of(id, passage)).flatten());
        // One term's positions in a passage are sorted and distinct already.
        if ids.len() > 1 {
            sort_dedup(positions);
        }
    }
}
