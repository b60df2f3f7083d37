//! Why a passage ranks where it does: each query unit's part of its score, down to the terms
//! it matched (their weight, rarity and count), the proximity factor, and the total. It takes
//! the search's own scoring path (`unit_scores`, `combine`), so its total is the hit's score.

use std::fmt;

use super::{Expansion, Index, PassageId, TermId};
use crate::query;
use crate::rank::{idf, tf_weight, BM25, FIELDS};

/// Why `passage` scores what it does for a query (see [`Index::explain`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation {
    pub passage: u32,
    /// One per query word (a synonym typed out counts as one unit) and quoted phrase.
    pub units: Vec<UnitPart>,
    /// Query words the passage matched, of how many; passages matching fewer words than the
    /// best one are not listed, and an excluded word makes this 0.
    pub matched: (u32, u32),
    /// The BM25 and field part: the units' scores summed.
    pub bm25: f32,
    /// The proximity factor (1.0 when the query has a single word or phrase). Search applies
    /// it to the leading 32 candidates by BM25 (or `limit`, if more).
    pub proximity: f32,
    /// `bm25 × proximity`: the hit's score.
    pub score: f32,
}

/// One query unit's part.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitPart {
    /// The unit as the query has it (a phrase in quotes).
    pub unit: String,
    pub score: f32,
    /// The dictionary terms of the unit found in the passage's body or fields.
    pub terms: Vec<TermPart>,
}

/// A matched term's part: `weight × idf × tf` in the body, plus its best field boost.
#[derive(Debug, Clone, PartialEq)]
pub struct TermPart {
    pub term: String,
    /// The expansion's weight: exact 1.0; stemmed, completed and typo matches less.
    pub weight: f32,
    pub idf: f32,
    /// Occurrences in the passage's body.
    pub count: u32,
    pub body: f32,
    /// "title" or "heading" when the term stands there (the boost is the larger of the two).
    pub field: Option<&'static str>,
    pub field_score: f32,
}

impl Index {
    /// Explains the score of `passage` for the query `input`, as [`Index::search`] computes it.
    pub fn explain(&self, input: &str, passage: u32) -> Explanation {
        let mut query = query::parse(input);
        let resolved = self.resolve(&mut query);
        let units = self.unit_scores(&resolved);
        let (scores, matched) = self.combine(&units, &query);
        let p = passage as usize;
        let labels =
            query.words.iter().map(|w| w.term.clone()).chain(query.phrases.iter().map(|ph| format!("\"{}\"", crate::text::spaced(ph))));
        let expansions =
            resolved.words.iter().map(|(members, _)| members.concat()).chain(resolved.phrases.iter().map(|(ph, _)| phrase_expansion(ph)));
        let parts = units
            .iter()
            .zip(labels)
            .zip(expansions)
            .map(|((unit, label), expansion)| UnitPart {
                unit: label,
                score: unit.score.get(p).copied().unwrap_or(0.0),
                terms: self.term_parts(&expansion, passage),
            })
            .collect();
        let bm25 = scores.get(p).copied().unwrap_or(0.0);
        let proximity = if Self::uses_proximity(&resolved) && p < self.passages.len() {
            let phrases: Vec<Vec<Vec<TermId>>> = resolved.phrases.iter().map(|(ph, _)| ph.clone()).collect();
            self.proximity(passage, &resolved.flat_expansions(), &phrases)
        } else {
            1.0
        };
        let of = units.iter().map(|u| u32::from(u.words)).sum();
        Explanation {
            passage,
            units: parts,
            matched: (u32::from(matched.get(p).copied().unwrap_or(0)), of),
            bm25,
            proximity,
            score: bm25 * proximity,
        }
    }

    /// The terms of `expansion` that stand in `passage`, as [`Index::word_scores`] weighs them.
    fn term_parts(&self, expansion: &Expansion, passage: PassageId) -> Vec<TermPart> {
        let n = self.passages.len();
        let Some(p) = self.passages.get(passage as usize) else { return Vec::new() };
        let mut parts: Vec<TermPart> = Vec::new();
        for &(id, weight) in expansion {
            let idf = idf(n, self.document_frequency(id));
            let places = self.places(id);
            let count = self.postings_of(id, passage).map_or(0, |positions| positions.len() as u32);
            let body = if count > 0 { weight * idf * tf_weight(count, p.len, self.avg_len, BM25) } else { 0.0 };
            let field = [(&places.in_title, FIELDS.title, "title"), (&places.in_heading, FIELDS.heading, "heading")]
                .into_iter()
                .filter(|(passages, _, _)| passages.contains(&passage))
                .map(|(_, boost, name)| (name, weight * idf * boost))
                .fold(None, |best: Option<(&'static str, f32)>, f| if best.is_some_and(|b| b.1 >= f.1) { best } else { Some(f) });
            if count > 0 || field.is_some() {
                parts.push(TermPart {
                    term: self.terms[id as usize].text.to_string(),
                    weight,
                    idf,
                    count,
                    body,
                    field: field.map(|f| f.0),
                    field_score: field.map_or(0.0, |f| f.1),
                });
            }
        }
        parts
    }
}

/// A phrase's words as one expansion of full weight (for listing its terms).
fn phrase_expansion(phrase: &[Vec<TermId>]) -> Expansion {
    phrase.iter().flatten().map(|&id| (id, 1.0)).collect()
}

/// `x` with three decimals, written with integer formatting only (float formatting would add
/// its own code to the wasm).
pub fn fixed3(x: f32) -> String {
    let thousandths = (x.abs() * 1000.0).round() as u64;
    let sign = if x < 0.0 && thousandths > 0 { "-" } else { "" };
    format!("{sign}{}.{:03}", thousandths / 1000, thousandths % 1000)
}

impl fmt::Display for Explanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "score {} = BM25 and fields {} × proximity {} ({} of {} words)",
            fixed3(self.score),
            fixed3(self.bm25),
            fixed3(self.proximity),
            self.matched.0,
            self.matched.1
        )?;
        for unit in &self.units {
            writeln!(f, "  {}: {}", unit.unit, fixed3(unit.score))?;
            for t in &unit.terms {
                write!(f, "    {}: weight {} × idf {} × tf({}) = {}", t.term, fixed3(t.weight), fixed3(t.idf), t.count, fixed3(t.body))?;
                if let Some(field) = t.field {
                    write!(f, "; in the {field} + {}", fixed3(t.field_score))?;
                }
                writeln!(f)?;
            }
        }
        Ok(())
    }
}
