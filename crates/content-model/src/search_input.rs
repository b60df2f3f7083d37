//! What the library gives the search engine: every paragraph with the context that boosts it,
//! and the pairs of words that mean the same thing. The one adapter from the library to the
//! engine: the pre-renderer, the browser tests, the corpus query tests and the benchmark all
//! build their index here, so the tests test the index the reader ships.

use std::collections::{BTreeMap, HashMap};

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

    /// Each document's slug, by index, and the tags search narrows by (`kind:speech`,
    /// `year:2017`, `topic:defence`, `by:eurojust`, `place:washington`, `name:eurojust`), each
    /// with its documents: the catalogue's shelves (see `catalogue.rs`); then each date
    /// documents bear, for `from:` and `to:`.
    pub fn search_documents(&self) -> (Vec<String>, Vec<(String, Vec<u32>)>) {
        let mut names = Vec::new();
        for (doc, entry) in &self.entries {
            if names.len() <= *doc as usize {
                names.resize(*doc as usize + 1, String::new());
            }
            names[*doc as usize] = entry.slug.clone();
        }
        // The catalogue's shelves (`/documents/<key>/<value>`, in the order results offer them),
        // so a filter finds what its shelf lists; `by:` is shorter to type than `issued-by`.
        let mut tags: Vec<(String, Vec<u32>)> = Vec::new();
        let mut position: HashMap<String, usize> = HashMap::new(); // each tag's place in `tags`
        for listing in &self.listings {
            let Some((key, value)) = listing.base.strip_prefix(crate::routes::CATALOGUE_PREFIX).and_then(|s| s.split_once('/')) else {
                continue;
            };
            let tag = format!("{}:{value}", if key == "issued-by" { "by" } else { key });
            match position.get(&tag) {
                Some(&at) => tags[at].1.extend(&listing.docs),
                None => {
                    position.insert(tag.clone(), tags.len());
                    tags.push((tag, listing.docs.clone()));
                }
            }
        }
        // Each date documents bear (`date:2017-07-07`), for `from:` and `to:`, in date order.
        let mut dates: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        for (doc, entry) in &self.entries {
            if let Some(date) = &entry.date {
                dates.entry(format!("date:{}", date.iso)).or_default().push(*doc);
            }
        }
        tags.extend(dates);
        (names, tags)
    }

    /// The search index over this library (the whole library: the pre-renderer's, the tests').
    pub fn search_index(&self) -> Index {
        let (names, tags) = self.search_documents();
        Index::build(self.search_passages()).with_synonyms(self.synonym_pairs()).with_documents(names, tags)
    }
}
