//! The index as data files, written at build time and read in the browser, so no reader's
//! device builds it and a query fetches only what it needs. The [`Dictionary`] is what every
//! query needs: each term with how many passages hold it (prefix, stem and typo expansion, and
//! ranking's idf, read only that), the stems, the synonyms, and each passage's document and
//! length. The postings (where each term stands) are cut into shards by term range, so a query
//! fetches the few shards holding its terms ([`Index::shards_for`]). Passage ids and
//! positions are stored as gaps, which postcard writes as varints: most take one byte.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::{sort_dedup, Index, Passage, PassageId, Places, Posting, TermId};
use crate::fuzzy::char_mask;
use crate::query;
use crate::text::char_len;

/// What a query needs before any postings: see the module's documentation. Plain lists of
/// strings and numbers, which the data files' decoder already reads: a field of its own type
/// would add its decoder to the wasm.
#[derive(Serialize, Deserialize, Default)]
pub struct Dictionary {
    /// Every term, sorted.
    terms: Vec<String>,
    /// Per term: how many passages hold it in their body.
    frequencies: Vec<u32>,
    /// Per term: its stem, by index in `stems`.
    term_stems: Vec<u32>,
    stems: Vec<String>,
    /// Per synonym, three lists: what a reader types as free words, as a quoted phrase, and
    /// the phrase it also finds.
    synonyms: Vec<Vec<String>>,
    /// Runs of passages, as pairs: a document, how many passages in a row belong to it.
    documents: Vec<u32>,
    /// Each passage's length in word positions.
    lengths: Vec<u32>,
    /// The first term of each shard.
    shard_starts: Vec<TermId>,
    /// Where each shard is, by number (the writer of the files fills it in).
    pub shard_files: Vec<String>,
    /// Where each document's text is, by document (the writer of the files fills it in),
    /// each file named after its document (`data/<slug>.<hash>.bin`): `in:<slug>` finds it.
    pub document_files: Vec<String>,
    /// What narrows a search to documents (`kind:speech`), and each one's documents (two
    /// lists: the types the dictionary already reads, so the module's code does not grow),
    /// each as the gaps between them: at 4,000 documents a name's list is mostly 1s and 2s,
    /// one byte each, which brotli packs far better than the documents' numbers.
    tags: Vec<String>,
    tag_documents: Vec<Vec<u32>>,
}

/// One shard: the places of the terms from `first` on, three lists a term (see [`Places::store`]).
#[derive(Serialize, Deserialize)]
struct Shard {
    first: TermId,
    places: Vec<Vec<u32>>,
}

/// Why a data file of the index could not be read.
#[derive(Debug, PartialEq, Eq)]
pub struct ShardError(pub &'static str);

impl std::fmt::Display for ShardError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

const UNREADABLE: ShardError = ShardError("the search index file is not one this version of the reader can read");

fn gaps(values: impl IntoIterator<Item = u32>) -> Vec<u32> {
    let mut last = 0;
    values
        .into_iter()
        .map(|v| {
            let gap = v.wrapping_sub(last);
            last = v;
            gap
        })
        .collect()
}

/// Passage ids back from their gaps; `None` if one names no passage.
fn passages_from_gaps(gaps: &[u32], passages: usize) -> Option<Vec<PassageId>> {
    let mut last = 0u32;
    gaps.iter()
        .map(|&g| {
            last = last.wrapping_add(g);
            ((last as usize) < passages).then_some(last)
        })
        .collect()
}

impl Places {
    /// A term's places as gaps: postings flat as (passage gap, count, position gaps...), then
    /// the passages whose title holds it, then those whose heading does.
    fn store(&self) -> [Vec<u32>; 3] {
        let mut flat = Vec::new();
        let mut last = 0;
        for posting in &self.postings {
            flat.push(posting.passage - last);
            last = posting.passage;
            flat.push(posting.positions.len() as u32);
            flat.extend(gaps(posting.positions.iter().copied()));
        }
        [flat, gaps(self.in_title.iter().copied()), gaps(self.in_heading.iter().copied())]
    }

    fn load(stored: &[Vec<u32>], passages: usize) -> Option<Places> {
        let [flat, in_title, in_heading] = stored else { return None };
        let mut postings = Vec::new();
        let mut rest = flat.as_slice();
        let mut passage = 0u32;
        while let [gap, count, tail @ ..] = rest {
            passage = passage.wrapping_add(*gap);
            let count = *count as usize;
            if passage as usize >= passages || tail.len() < count {
                return None;
            }
            let mut position = 0u32;
            let positions = tail[..count].iter().map(|g| {
                position = position.wrapping_add(*g);
                position
            });
            postings.push(Posting { passage, positions: positions.collect() });
            rest = &tail[count..];
        }
        if !rest.is_empty() {
            return None;
        }
        Some(Places { postings, in_title: passages_from_gaps(in_title, passages)?, in_heading: passages_from_gaps(in_heading, passages)? })
    }
}

impl Dictionary {
    pub fn to_bytes(&self) -> Vec<u8> {
        postcard::to_allocvec(self).expect("owned data always serializes")
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ShardError> {
        postcard::from_bytes(bytes).map_err(|_| UNREADABLE)
    }
}

impl Index {
    /// The index as a dictionary and shards of about `shard_bytes` each (a term whose postings
    /// are larger has a shard of its own). The dictionary's file lists are left empty.
    pub fn to_shards(&self, shard_bytes: usize) -> (Dictionary, Vec<Vec<u8>>) {
        let mut shards: Vec<Shard> = Vec::new();
        let mut size = 0;
        for (id, term) in self.terms.iter().enumerate() {
            let stored = term.places.get().unwrap_or(&super::NOWHERE).store();
            let bytes = postcard::to_allocvec(&stored).map_or(0, |b| b.len());
            match shards.last_mut() {
                Some(shard) if size + bytes <= shard_bytes => shard.places.extend(stored),
                _ => {
                    shards.push(Shard { first: id as TermId, places: stored.into() });
                    size = 0;
                }
            }
            size += bytes;
        }
        let mut documents: Vec<u32> = Vec::new();
        for passage in &self.passages {
            match documents.as_mut_slice() {
                [.., doc, count] if *doc == passage.doc => *count += 1,
                _ => documents.extend([passage.doc, 1]),
            }
        }
        let mut term_stems = vec![0; self.terms.len()];
        for (n, (_, ids)) in self.stems.iter().enumerate() {
            ids.iter().for_each(|&id| term_stems[id as usize] = n as u32);
        }
        let synonyms = self.synonyms.iter().flat_map(|s| [s.typed.clone(), s.typed_phrase.clone(), s.alternative.clone()]).collect();
        let dictionary = Dictionary {
            terms: self.terms.iter().map(|t| t.text.to_string()).collect(),
            frequencies: self.terms.iter().map(|t| t.df).collect(),
            term_stems,
            stems: self.stems.iter().map(|(s, _)| s.to_string()).collect(),
            synonyms,
            documents,
            lengths: self.passages.iter().map(|p| p.len).collect(),
            shard_starts: shards.iter().map(|s| s.first).collect(),
            shard_files: Vec::new(),
            document_files: Vec::new(),
            tags: self.tags.clone(),
            tag_documents: self
                .tag_documents
                .iter()
                .map(|docs| docs.iter().scan(0, |last, &d| Some(d - std::mem::replace(last, d))).collect())
                .collect(),
        };
        let bytes = shards.iter().map(|s| postcard::to_allocvec(s).expect("owned data always serializes")).collect();
        (dictionary, bytes)
    }

    /// An index with every term but no postings yet: [`Index::shards_for`] says which shards a
    /// query needs, and [`Index::add_shard`] brings each in.
    pub fn from_dictionary(dictionary: Dictionary) -> Result<Self, ShardError> {
        let Dictionary {
            terms,
            frequencies,
            term_stems,
            stems,
            synonyms,
            documents,
            lengths,
            shard_starts,
            document_files,
            tags,
            tag_documents,
            ..
        } = dictionary;
        let term_count = terms.len();
        let runs: u64 = documents.chunks(2).map(|pair| u64::from(pair[pair.len() - 1])).sum();
        let starts_valid = shard_starts.first().is_some_and(|&s| s == 0)
            && shard_starts.windows(2).all(|w| w[0] < w[1])
            && shard_starts.last().is_some_and(|&s| (s as usize) < term_count);
        let lists_valid = frequencies.len() == term_count
            && term_stems.len() == term_count
            && synonyms.len() % 3 == 0
            && tags.len() == tag_documents.len();
        if runs != lengths.len() as u64 || documents.len() % 2 != 0 || !lists_valid || !(starts_valid || term_count == 0) {
            return Err(UNREADABLE);
        }
        let mut stem_groups: Vec<(Box<str>, Vec<TermId>)> = stems.into_iter().map(|s| (s.into_boxed_str(), Vec::new())).collect();
        for (id, &stem) in term_stems.iter().enumerate() {
            stem_groups.get_mut(stem as usize).ok_or(UNREADABLE)?.1.push(id as TermId);
        }
        let docs = documents.chunks(2).flat_map(|pair| std::iter::repeat_n(pair[0], pair[1] as usize));
        let passages: Vec<Passage> = docs.zip(&lengths).map(|(doc, &len)| Passage { doc, len }).collect();
        let total: u64 = lengths.iter().map(|&l| u64::from(l)).sum();
        let avg_len = if passages.is_empty() { 1.0 } else { total as f32 / passages.len() as f32 };
        let terms = terms
            .into_iter()
            .zip(frequencies)
            .map(|(text, df)| super::Term {
                char_len: char_len(&text).min(u16::MAX as usize) as u16,
                mask: char_mask(&text),
                ascii: text.is_ascii(),
                text: text.into_boxed_str(),
                df,
                places: OnceLock::new(),
            })
            .collect();
        let mut lists = synonyms.into_iter();
        let mut synonyms = Vec::new();
        while let (Some(typed), Some(typed_phrase), Some(alternative)) = (lists.next(), lists.next(), lists.next()) {
            synonyms.push(super::Synonym { key: crate::text::spaced(&typed), typed, typed_phrase, alternative });
        }
        let mut tag_documents = tag_documents;
        for docs in &mut tag_documents {
            // (wrapping: damaged gaps give wrong documents, never a panic)
            docs.iter_mut().fold(0u32, |at, d| {
                *d = at.wrapping_add(*d);
                *d
            });
        }
        Ok(Self { passages, terms, stems: stem_groups, avg_len, synonyms, shard_starts, names: document_files, tags, tag_documents })
    }

    /// The shards `input` needs that have not arrived, by number (none for a built index).
    pub fn shards_for(&self, input: &str) -> Vec<usize> {
        let mut query = query::parse(input);
        let resolved = self.resolve(&mut query);
        self.shards_of(&query, &resolved)
    }

    /// The shards a resolved query needs that have not arrived.
    pub(super) fn shards_of(&self, query: &query::Query, resolved: &super::synonyms::Resolved) -> Vec<usize> {
        if self.shard_starts.is_empty() {
            return Vec::new();
        }
        let mut ids: Vec<TermId> = Vec::new();
        let units =
            resolved.words.iter().map(|(members, alternatives)| (members.iter().flatten().map(|(id, _)| *id).collect(), alternatives));
        let phrases = resolved.phrases.iter().map(|(phrase, alternatives)| (phrase.concat(), alternatives));
        for (own, alternatives) in units.chain(phrases) {
            ids.extend::<Vec<TermId>>(own);
            ids.extend(alternatives.iter().flat_map(|(phrase, _)| phrase.iter().flatten()));
        }
        for term in &query.excluded {
            ids.extend(self.expand_strict(term));
        }
        let mut shards: Vec<u32> = ids.iter().map(|&id| self.shard_starts.partition_point(|&s| s <= id) as u32 - 1).collect();
        sort_dedup(&mut shards);
        shards.into_iter().map(|s| s as usize).filter(|&s| self.terms[self.shard_starts[s] as usize].places.get().is_none()).collect()
    }

    /// Brings in a shard's postings (a shard already here is left as it is).
    pub fn add_shard(&self, bytes: &[u8]) -> Result<(), ShardError> {
        let shard: Shard = postcard::from_bytes(bytes).map_err(|_| UNREADABLE)?;
        let Ok(number) = self.shard_starts.binary_search(&shard.first) else { return Err(UNREADABLE) };
        let end = self.shard_starts.get(number + 1).map_or(self.terms.len(), |&s| s as usize);
        if shard.places.len() != 3 * (end - shard.first as usize) {
            return Err(UNREADABLE);
        }
        let places: Vec<Places> =
            shard.places.chunks(3).map(|s| Places::load(s, self.passages.len())).collect::<Option<_>>().ok_or(UNREADABLE)?;
        for (term, places) in self.terms[shard.first as usize..end].iter().zip(places) {
            let _ = term.places.set(places);
        }
        Ok(())
    }

    /// Where a passage is: its document, and which of the document's passages it is (from
    /// 0). Passages are indexed in library order, a document's together.
    /// Document `doc`'s data file, for an index loaded from its dictionary.
    pub fn document_file(&self, doc: u32) -> Option<&str> {
        self.names.get(doc as usize).map(String::as_str)
    }

    pub fn passage_place(&self, passage: PassageId) -> Option<(u32, u32)> {
        let doc = self.passages.get(passage as usize)?.doc;
        let first = self.passages.partition_point(|p| p.doc < doc);
        Some((doc, passage - first as PassageId))
    }
}
