//! Narrowing a search to some documents: `kind:speech`, `year:2017`, `by:eurojust`,
//! `place:washington` (tags the library gives each document) and `in:<slug>` (one document,
//! by its name). Filters of one key widen (`year:2016 year:2017`: either year), of different
//! keys narrow (`kind:speech year:2017`: speeches of 2017); `-kind:speech` leaves speeches out.

use super::Index;
use crate::query::Filter;

impl Index {
    /// Names each document (by index) by its slug, for `in:`, and gives the tags that narrow a
    /// search to documents, each with its documents, in the order results list them.
    pub fn with_documents(mut self, names: Vec<String>, tags: Vec<(String, Vec<u32>)>) -> Self {
        self.names = names;
        for (tag, mut docs) in tags {
            docs.sort_unstable();
            self.tags.push(tag);
            self.tag_documents.push(docs);
        }
        self
    }

    /// Which documents (by index) the filters allow; `None` without filters. A document
    /// passes when, for each key the filters name, it has one of that key's values, and it
    /// has none of the values negated.
    pub(super) fn allowed_documents(&self, filters: &[Filter]) -> Option<Vec<bool>> {
        if filters.is_empty() {
            return None;
        }
        let count = self.passages.last().map_or(0, |p| p.doc + 1);
        let allowed = (0..count).map(|doc| {
            filters.iter().all(|f| match f.negated {
                true => !self.is_tagged(f, doc),
                false => filters.iter().any(|g| !g.negated && g.key() == f.key() && self.is_tagged(g, doc)),
            })
        });
        Some(allowed.collect())
    }

    /// Each tag some of these results' documents have, with how many.
    pub(super) fn facets(&self, groups: &[crate::DocumentHits]) -> Vec<(String, u32)> {
        let counts = self
            .tags
            .iter()
            .zip(&self.tag_documents)
            .map(|(tag, docs)| (tag.clone(), groups.iter().filter(|g| docs.binary_search(&g.doc).is_ok()).count() as u32));
        counts.filter(|(_, n)| *n > 0).collect()
    }

    /// Whether document `doc` has what `filter` names.
    fn is_tagged(&self, filter: &Filter, doc: u32) -> bool {
        let fits = |have: &str, wanted: &str| {
            have.strip_prefix(wanted)
                .is_some_and(|rest| filter.prefix || rest.is_empty() || (filter.tag.starts_with("in:") && rest.starts_with('.')))
        };
        match filter.tag.strip_prefix("in:") {
            // A data file's name is its document's slug, between its folder and its hash.
            Some(name) => self.names.get(doc as usize).is_some_and(|n| fits(n.strip_prefix("data/").unwrap_or(n), name)),
            None => self.tags.iter().zip(&self.tag_documents).any(|(tag, docs)| fits(tag, &filter.tag) && docs.binary_search(&doc).is_ok()),
        }
    }
}
