//! Narrowing a search to some documents: `kind:speech`, `year:2017`, `by:eurojust`,
//! `place:washington`, `name:eurojust` (tags the library gives each document), `in:<slug>`
//! (one document, by its name) and `from:2016-03`, `to:2017` (documents dated in that range,
//! either end written as a year, a month or a day). Filters of one key widen (`year:2016
//! year:2017`: either year), of different keys narrow (`kind:speech year:2017`: speeches of
//! 2017); `-kind:speech` leaves speeches out.

use super::Index;
use crate::query::Filter;

/// The tags that date documents (`date:2017-07-07`), which the library gives for `from:` and
/// `to:`.
const DATE_TAG: &str = "date:";

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
    /// has none of the values negated. Each filter marks its documents first, in one pass over
    /// the tags, so a query costs the same at 4,000 documents with a date each.
    pub(super) fn allowed_documents(&self, filters: &[Filter]) -> Option<Vec<bool>> {
        if filters.is_empty() {
            return None;
        }
        let count = self.passages.last().map_or(0, |p| p.doc as usize + 1);
        let tagged: Vec<Vec<bool>> = filters.iter().map(|f| self.tagged(f, count)).collect();
        let allowed = (0..count).map(|doc| {
            filters.iter().zip(&tagged).all(|(f, t)| match f.negated {
                true => !t[doc],
                false => filters.iter().zip(&tagged).any(|(g, u)| !g.negated && g.key() == f.key() && u[doc]),
            })
        });
        Some(allowed.collect())
    }

    /// Each tag but the dates some of these results' documents have, with how many (the page
    /// offers a few of the names).
    pub(super) fn facets(&self, groups: &[crate::DocumentHits]) -> Vec<(String, u32)> {
        // (dates come last: at 4,000 documents there can be as many, and every query counts)
        let counts = self
            .tags
            .iter()
            .zip(&self.tag_documents)
            .take_while(|(tag, _)| !tag.starts_with(DATE_TAG))
            .map(|(tag, docs)| (tag.clone(), groups.iter().filter(|g| docs.binary_search(&g.doc).is_ok()).count() as u32));
        counts.filter(|(_, n)| *n > 0).collect()
    }

    /// Which documents (by index, of `count`) have what `filter` names.
    fn tagged(&self, filter: &Filter, count: usize) -> Vec<bool> {
        // Whole, or while typed its start; `in:` names a data file, the slug before a dot (no
        // tag's value holds one).
        let fits = |have: &str, wanted: &str| {
            have.strip_prefix(wanted).is_some_and(|rest| filter.prefix || rest.is_empty() || rest.starts_with('.'))
        };
        let mut tagged = vec![false; count];
        let (key, value) = (filter.key(), filter.value());
        if key == "in" {
            // A data file's name is its document's slug, between its folder and its hash.
            for (t, name) in tagged.iter_mut().zip(&self.names) {
                *t = fits(name.strip_prefix("data/").unwrap_or(name), value);
            }
            return tagged;
        }
        for (tag, docs) in self.tags.iter().zip(&self.tag_documents) {
            let hit = match (key, tag.strip_prefix(DATE_TAG)) {
                // From a year, month or day on (`from:2016-03` takes 2016-03-01), up to one's
                // end (`to:2016-03` takes 2016-03-31).
                ("from", Some(date)) => date >= value,
                ("to", Some(date)) => date < value || date.starts_with(value),
                _ => fits(tag, &filter.tag),
            };
            if hit {
                for &doc in docs {
                    if let Some(t) = tagged.get_mut(doc as usize) {
                        *t = true;
                    }
                }
            }
        }
        tagged
    }
}
