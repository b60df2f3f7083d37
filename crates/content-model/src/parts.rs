//! Splitting the library into the parts pages need: each route's part holds everything its
//! page shows (the pre-renderer checks this by rendering each page again from its part
//! alone), so a page is taken over, or reached by a link, with one small data file.

use crate::routes;
use std::collections::BTreeSet;

use crate::{Block, Part};

/// A page that needs data, by index in the library.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// A page of one of the catalogue's listings, by index in the library's `listings`
    /// (0: the home page).
    Listing(u32),
    Glossary,
    Entities,
    Timeline,
    Document(u32),
    Entity(u16),
}

impl Part {
    /// Every route the library has a page for, in the order the build writes them.
    pub fn routes(&self) -> Vec<Route> {
        let catalogue = (0..self.listings.len() as u32).map(Route::Listing);
        let fixed = [Route::Glossary, Route::Entities, Route::Timeline];
        let documents = self.documents.iter().map(|(i, _)| Route::Document(*i));
        let entities = self.entities.iter().map(|(i, _)| Route::Entity(*i));
        catalogue.chain(fixed).chain(documents).chain(entities).collect()
    }

    /// The app path of a route (`/`, `/documents/2`, `/glossary`, `/<slug>`, `/entities/<id>`).
    pub fn path_of(&self, route: Route) -> Option<String> {
        Some(match route {
            Route::Listing(i) => self.listings.get(i as usize)?.path(),
            Route::Glossary => routes::GLOSSARY.to_string(),
            Route::Entities => routes::ENTITIES.to_string(),
            Route::Timeline => routes::TIMELINE.to_string(),
            Route::Document(i) => self.documents.iter().find(|(j, _)| *j == i)?.1.path(),
            Route::Entity(i) => self.entities.iter().find(|(j, _)| *j == i)?.1.path(),
        })
    }

    /// What the page of `route` needs, taken from this part (the whole library).
    pub fn for_route(&self, route: Route) -> Part {
        let mut part = Part { complete: self.path_of(route).into_iter().collect(), ..Part::default() };
        let mut docs = BTreeSet::new();
        let mut terms = BTreeSet::new();
        let mut entities = BTreeSet::new();
        match route {
            Route::Listing(i) => {
                part.counts = self.counts;
                if let Some(listing) = self.listings.get(i as usize) {
                    docs.extend(listing.docs.iter().copied());
                    part.listings.push(listing.clone());
                }
                part.shelves = self.shelves.clone();
            }
            Route::Glossary => {
                terms.extend(self.glossary.iter().map(|(i, _)| *i));
            }
            Route::Entities => entities.extend(self.entities.iter().map(|(i, _)| *i)),
            Route::Timeline => {
                let events = self.timeline.clone().unwrap_or_default();
                docs.extend(events.iter().map(|e| e.doc));
                part.timeline = Some(events);
            }
            Route::Document(i) => {
                if let Some((_, doc)) = self.documents.iter().find(|(j, _)| *j == i) {
                    terms.extend(doc.title_terms.iter().map(|t| t.2));
                    for block in &doc.blocks {
                        let spans = match block {
                            Block::Heading(h) => &h.terms,
                            Block::Paragraph(p) => &p.terms,
                        };
                        terms.extend(spans.iter().map(|t| t.2));
                    }
                    entities.extend(doc.names.iter().map(|n| n.entity));
                    part.documents.push((i, doc.clone()));
                }
                // The previous and next documents, which the page links to.
                docs.extend(i.checked_sub(1));
                docs.insert(i + 1);
            }
            Route::Entity(i) => {
                entities.insert(i);
                if let Some((_, quotes)) = self.quotes.iter().find(|(j, _)| *j == i) {
                    docs.extend(quotes.iter().map(|q| q.doc));
                    part.quotes.push((i, quotes.clone()));
                }
            }
        }
        for (i, entry) in &self.glossary {
            if terms.contains(i) {
                let mut entry = entry.clone();
                if route == Route::Glossary {
                    docs.extend(entry.defined_in.iter().chain(&entry.uses).map(|(doc, _)| *doc));
                } else {
                    // Elsewhere a term shows what it stands for: where else it is used would
                    // grow every document's data with the library.
                    entry.uses.clear();
                    entry.defined_in = None;
                }
                entities.extend(entry.entity);
                part.glossary.push((*i, entry));
            }
        }
        part.entities = self.entities.iter().filter(|(i, _)| entities.contains(i)).cloned().collect();
        part.entries = self.entries.iter().filter(|(i, _)| docs.contains(i)).cloned().collect();
        part
    }
}
