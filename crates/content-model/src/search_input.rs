//! What the library gives the search engine: every paragraph with the context that boosts it,
//! and the pairs of words that mean the same thing. The one adapter from the library to the
//! engine: the pre-renderer, the browser tests, the corpus query tests and the benchmark all
//! build their index here, so the tests test the index the reader ships.

use search::{Index, PassageInput};

use crate::{Block, Part};

impl Part {
    /// Every paragraph, in library order (a document's together), with its document's index
    /// and title and the heading it stands under.
    pub fn search_passages(&self) -> Vec<PassageInput<'_>> {
        let mut passages = Vec::new();
        for (doc, document) in &self.documents {
            let mut heading = None;
            for block in &document.blocks {
                match block {
                    Block::Heading(h) => heading = Some(h.text.as_str()),
                    Block::Paragraph(p) => passages.push(PassageInput { doc: *doc, title: &document.title, heading, text: &p.text }),
                }
            }
        }
        passages
    }

    /// Pairs that mean the same thing, each to be found by the other: each acronym and its
    /// expansion without a bracketed note ("CFT", "countering the financing of terrorism");
    /// each part of a slashed acronym whose expansion joins as many parts with "and" ("AML/CFT":
    /// "AML", "anti-money laundering"); every two names of one entity ("Daesh", "ISIL").
    pub fn synonym_pairs(&self) -> Vec<(&str, &str)> {
        let mut pairs = Vec::new();
        for (_, entry) in &self.glossary {
            let (acronym, expansion) = (entry.term.as_str(), entry.expansion.split(" (").next().unwrap_or_default());
            pairs.push((acronym, expansion));
            let parts: Vec<(&str, &str)> = acronym.split('/').zip(expansion.split(" and ")).collect();
            if acronym.contains('/') && parts.len() == acronym.split('/').count() && parts.len() == expansion.split(" and ").count() {
                pairs.extend(parts);
            }
        }
        for (_, entity) in &self.entities {
            for (i, a) in entity.aliases.iter().enumerate() {
                pairs.extend(entity.aliases[i + 1..].iter().map(|b| (a.as_str(), b.as_str())));
            }
        }
        pairs
    }

    /// The search index over this library (the whole library: the pre-renderer's, the tests').
    pub fn search_index(&self) -> Index {
        Index::build(self.search_passages()).with_synonyms(self.synonym_pairs())
    }
}
