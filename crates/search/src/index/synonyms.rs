//! Synonyms: acronyms and their expansions, the names of one entity. Either side may be
//! several words; a query is rewritten for them and resolved against the dictionary here.

use super::{Expansion, Index, TermId};
use crate::function_words::is_function_word;
use crate::query::{self, Query, QueryWord};
use crate::rank::WEIGHTS;

/// A synonym: what a reader may type, and the phrase it also finds.
#[derive(PartialEq, Eq)]
pub(super) struct Synonym {
    /// `typed` joined by spaces: the query word a synonym group becomes.
    pub(super) key: String,
    /// Folded as the query parser reads free words ("anti-money" as one compound).
    pub(super) typed: Vec<String>,
    /// Folded as the query parser reads a quoted phrase (word by word).
    pub(super) typed_phrase: Vec<String>,
    /// The phrase it also finds, folded word by word.
    pub(super) alternative: Vec<String>,
}

/// Phrases a query unit may match instead of itself (its synonyms), with their weight.
pub(super) type Alternatives = Vec<(Vec<Vec<TermId>>, f32)>;

/// A query resolved against the dictionary.
pub(super) struct Resolved {
    /// Per query word: the expansions of the words it stands for (one, or one per word of a
    /// synonym typed out, all needed) and its alternatives.
    pub(super) words: Vec<(Vec<Expansion>, Alternatives)>,
    /// Per quoted phrase: the terms of its words and its alternatives.
    pub(super) phrases: Vec<(Vec<Vec<TermId>>, Alternatives)>,
}

impl Resolved {
    /// Each query word's expansions as one list: what proximity looks for.
    pub(super) fn flat_expansions(&self) -> Vec<Expansion> {
        self.words.iter().map(|(members, _)| members.concat()).collect()
    }

    /// The expansions of the query words that are one word: what highlighting looks for in any
    /// text (the words of a synonym typed out are marked only where they all stand).
    pub(super) fn single_word_expansions(&self) -> Vec<Expansion> {
        self.words.iter().filter(|(members, _)| members.len() == 1).map(|(members, _)| members[0].clone()).collect()
    }

    /// The quoted phrases and every alternative: what highlighting looks for besides words.
    pub(super) fn all_phrases(&self) -> Vec<Vec<Vec<TermId>>> {
        let alternatives = self.words.iter().map(|(_, a)| a).chain(self.phrases.iter().map(|(_, a)| a)).flatten();
        self.phrases.iter().map(|(p, _)| p.clone()).chain(alternatives.map(|(p, _)| p.clone())).collect()
    }
}

impl Index {
    /// Teaches the index synonyms, pairs each of which finds the other: acronyms (searching
    /// "THB" also finds "trafficking in human beings", and the other way round) and other names
    /// of one thing ("Iron Lady" and "Margaret Thatcher"). Either side may be several words.
    /// The pairs come prepared (the library's conventions, such as a bracketed note in an
    /// expansion, are `content-model`'s business).
    pub fn with_synonyms<'s>(mut self, pairs: impl IntoIterator<Item = (&'s str, &'s str)>) -> Self {
        for (a, b) in pairs {
            self.add_synonym(a, b);
            self.add_synonym(b, a);
        }
        self
    }

    fn add_synonym(&mut self, typed_text: &str, stands_for: &str) {
        let typed = query::chunk_terms(typed_text);
        let synonym = Synonym {
            key: crate::text::spaced(&typed),
            typed,
            typed_phrase: query::phrase_terms(typed_text),
            alternative: query::phrase_terms(stands_for),
        };
        if !synonym.typed.is_empty() && !synonym.alternative.is_empty() && !self.synonyms.contains(&synonym) {
            // Kept longest first, so a query takes the longest synonym it spells out.
            let at = self.synonyms.partition_point(|s| s.typed.len() >= synonym.typed.len());
            self.synonyms.insert(at, synonym);
        }
    }

    /// Rewrites a query for the synonyms the index knows and resolves it against the
    /// dictionary. Free words that spell out a synonym of several words ("trafficking in human
    /// beings", "iron lady") become one query word: it matches where all of them do, as free
    /// words always match, or where one of its synonyms stands as a phrase. A single word, or
    /// a quoted phrase, may also match its synonyms.
    pub(super) fn resolve(&self, query: &mut Query) -> Resolved {
        for synonym in self.synonyms.iter().filter(|s| s.typed.len() > 1) {
            let at = query.words.windows(synonym.typed.len()).position(|w| w.iter().zip(&synonym.typed).all(|(a, b)| a.term == *b));
            if let Some(at) = at {
                let prefix = query.words[at + synonym.typed.len() - 1].prefix;
                query.words.splice(at..at + synonym.typed.len(), [QueryWord { term: synonym.key.clone(), prefix }]);
            }
        }
        // A question's small words ("what did … say about …") carry no match: where the query
        // has a word that says what it is about, they are left out (quoted phrases keep them).
        let is_content = |w: &QueryWord| !is_function_word(&w.term) || self.synonyms.iter().any(|s| s.key == w.term);
        if query.words.iter().any(is_content) {
            query.words.retain(is_content);
        }
        let strict = |phrase: &[String]| phrase.iter().map(|t| self.expand_strict(t)).collect::<Vec<_>>();
        let alternatives = |matches: &dyn Fn(&Synonym) -> bool| {
            self.synonyms.iter().filter(|s| matches(s)).map(|s| (strict(&s.alternative), WEIGHTS.synonym)).collect::<Vec<_>>()
        };
        let words = query
            .words
            .iter()
            .map(|w| {
                let parts: Vec<&str> = w.term.split(' ').collect();
                let members = parts
                    .iter()
                    .enumerate()
                    .map(|(i, part)| self.expand(&QueryWord { term: part.to_string(), prefix: w.prefix && i + 1 == parts.len() }))
                    .collect();
                let mut alternatives = alternatives(&|s| s.key == w.term);
                // The synonym as typed, word for word, counts in full.
                if let Some(typed) = self.synonyms.iter().find(|s| parts.len() > 1 && s.key == w.term) {
                    alternatives.push((strict(&typed.typed_phrase), WEIGHTS.exact));
                }
                (members, alternatives)
            })
            .collect();
        let phrases = query.phrases.iter().map(|p| (strict(p), alternatives(&|s| s.typed_phrase == *p))).collect();
        Resolved { words, phrases }
    }

    /// A unit's scores raised where its alternatives stand. The unit as typed (its own score,
    /// or an alternative of full weight) sets a ceiling for synonyms: no passage found only
    /// through a synonym outranks the best passage holding what was typed.
    /// Where an alternative stands, `in_text` is set: a phrase stands in a passage's text.
    pub(super) fn with_alternatives(&self, own: Vec<f32>, alternatives: &Alternatives, in_text: &mut [bool]) -> Vec<f32> {
        let mut scores = own;
        for (phrase, _) in alternatives.iter().filter(|(_, weight)| *weight >= WEIGHTS.exact) {
            for (p, s) in self.phrase_scores(phrase) {
                scores[p as usize] = scores[p as usize].max(s);
                in_text[p as usize] = true;
            }
        }
        let ceiling = scores.iter().copied().fold(0.0, f32::max);
        for (phrase, weight) in alternatives.iter().filter(|(_, weight)| *weight < WEIGHTS.exact) {
            for (p, s) in self.phrase_scores(phrase) {
                let s = if ceiling > 0.0 { s.min(ceiling) } else { s } * weight;
                scores[p as usize] = scores[p as usize].max(s);
                in_text[p as usize] = true;
            }
        }
        scores
    }
}
