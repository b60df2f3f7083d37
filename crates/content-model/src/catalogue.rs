//! The catalogue: the whole library a page of 50 at a time, in three orders, and its shelves,
//! the documents of one kind, year, issuing body or place. Every listing page is a route the
//! build pre-renders (`/documents/kind/speech/2`), so each works without script, can be shared
//! and comes back with back and forward; its part carries the page's documents, so at 4,000
//! documents no page holds more than 50 of them.
//!
//! Listings are worked out here, at build time ([`Part::with_catalogue`]); the app only reads
//! them (its wasm keeps the types and [`page_path`]).

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

use crate::routes::CATALOGUE_PREFIX;
use crate::{DocKind, Part};

/// Documents one page of a listing shows.
pub const CATALOGUE_PAGE_SIZE: u32 = 50;

/// One page of a listing of documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Listing {
    /// The path of the listing's first page (`/`, `/documents/kind/speech`).
    pub base: String,
    /// Its heading: "Documents", "Speeches", "Issued by Eurojust".
    pub title: String,
    /// This page, from 0, and how many the listing has.
    pub page: u32,
    pub pages: u32,
    /// How many documents the listing holds, on all its pages.
    pub total: u32,
    /// The documents on this page, by index in the library, in the listing's order.
    pub docs: Vec<u32>,
}

impl Listing {
    pub fn path(&self) -> String {
        page_path(&self.base, self.page)
    }
}

/// The path of page `page` (from 0) of the listing starting at `base`: the whole catalogue's
/// later pages are `/documents/2`, ..., a shelf's `/documents/kind/speech/2`, ...
pub fn page_path(base: &str, page: u32) -> String {
    match (page, base) {
        (0, _) => base.to_string(),
        (_, "/") => format!("{CATALOGUE_PREFIX}{}", page + 1),
        _ => format!("{base}/{}", page + 1),
    }
}

/// Names whose shelves every catalogue page offers (the most named first).
pub const NAMES_OFFERED: usize = 12;

/// A way into the catalogue: a listing's first page, what it is called and, for a shelf, how
/// many documents it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shelf {
    pub label: String,
    pub base: String,
    pub count: Option<u32>,
}

/// Shelves of one kind ("Kind", "Year", ...), or the catalogue's orders ("Order").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShelfGroup {
    pub heading: String,
    pub shelves: Vec<Shelf>,
}

impl DocKind {
    /// The kind as front matter and addresses write it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Statement => "statement",
            Self::PressRelease => "press-release",
            Self::Speech => "speech",
        }
    }

    const ALL: [Self; 3] = [Self::Statement, Self::PressRelease, Self::Speech];

    fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.name() == name)
    }

    fn plural(self) -> &'static str {
        match self {
            Self::Statement => "Statements",
            Self::PressRelease => "Press releases",
            Self::Speech => "Speeches",
        }
    }
}

/// A value as an address segment: lowercase ASCII letters and digits joined by single hyphens,
/// accents dropped ("Málaga" gives "malaga"). Empty when nothing is left.
pub fn segment(value: &str) -> String {
    let mut out = String::new();
    for c in value.nfd().filter(char::is_ascii) {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// Documents (by index) that share a value, under a heading, a label and an address.
struct Shelving {
    heading: &'static str,
    /// `/documents/<key>/<value>`
    key: &'static str,
    /// value label → documents, in the order first met, and the value's address segment
    values: Vec<(String, Vec<u32>, String)>,
    /// Each value's address segment → its place in `values`.
    by_segment: HashMap<String, usize>,
}

impl Shelving {
    fn new(heading: &'static str, key: &'static str) -> Self {
        Self { heading, key, values: Vec::new(), by_segment: HashMap::new() }
    }

    fn add(&mut self, label: &str, doc: u32) {
        self.add_at(segment(label), label, doc);
    }

    /// [`Self::add`] at an address of its own (a name's shelf is at its entity's id).
    fn add_at(&mut self, address: String, label: &str, doc: u32) {
        if address.is_empty() {
            return;
        }
        // One shelf per address: values written alike but for case or accents share it.
        let next = self.values.len();
        let at = *self.by_segment.entry(address.clone()).or_insert(next);
        match self.values.get_mut(at) {
            Some((_, docs, _)) => docs.push(doc),
            None => self.values.push((label.to_string(), vec![doc], address)),
        }
    }
}

impl Part {
    /// This library (the whole, as the build holds it) with its catalogue worked out: every
    /// page of every listing, and the shelves and orders each catalogue page offers. `doc_topics`
    /// holds each document's topics, by index (they live in the shelves only: search's filters
    /// are read from them too, so the documents' data does not carry them); `doc_names` the names
    /// (entities, by index) each mentions, each once, as the names index counts them (a
    /// document's marked names leave out a name inside another).
    pub fn with_catalogue(mut self, doc_topics: Vec<Vec<String>>, doc_names: Vec<Vec<u16>>) -> Self {
        let all: Vec<u32> = self.entries.iter().map(|(i, _)| *i).collect();
        // Looked up once, not searched for in every comparison: 4,000 documents would make
        // that quadratic.
        let entries: HashMap<u32, &crate::DocEntry> = self.entries.iter().map(|(i, e)| (*i, e)).collect();
        let citations: HashMap<u32, &crate::Citation> = self.documents.iter().map(|(i, d)| (*i, &d.citation)).collect();
        let entry = |i: &u32| entries.get(i).copied();
        let mut newest = all.clone();
        // Dated documents newest first (a stable sort keeps the library's order among equals),
        // then the undated.
        newest.sort_by(|a, b| {
            let date = |i| entry(i).and_then(|e| e.date.as_ref()).map(|d| d.iso.clone());
            date(b).cmp(&date(a))
        });
        let mut by_title = all.clone();
        by_title.sort_by_cached_key(|i| entry(i).map(|e| e.title.to_lowercase()));

        let mut kinds = Shelving::new("Kind", "kind");
        let mut years = Shelving::new("Year", "year");
        let mut issuers = Shelving::new("Issued by", "issued-by");
        let mut places = Shelving::new("Place", "place");
        let mut topics = Shelving::new("Topic", "topic");
        for (i, e) in &self.entries {
            let own_topics = doc_topics.get(*i as usize).into_iter().flatten().map(|t| ("topic", t.as_str()));
            for (key, value) in filed_under(e, citations.get(i).copied()).into_iter().chain(own_topics) {
                let shelving = [&mut kinds, &mut years, &mut issuers, &mut places, &mut topics].into_iter().find(|s| s.key == key);
                shelving.expect("every key has its shelves").add(value, *i);
            }
        }
        // The names each document mentions (as the names index counts them), a shelf a name.
        let mut names = Shelving::new("Names", "name");
        let entities: HashMap<u16, &crate::Entity> = self.entities.iter().map(|(i, e)| (*i, e)).collect();
        for (i, named) in doc_names.iter().enumerate() {
            for entity in named.iter().filter_map(|e| entities.get(e)) {
                names.add_at(entity.id.clone(), &entity.name, i as u32);
            }
        }
        years.values.sort_by(|a, b| b.0.cmp(&a.0));
        kinds.values.sort_by_key(|(name, _, _)| DocKind::from_name(name).map(|k| k as u8));
        for shelving in [&mut issuers, &mut places, &mut topics, &mut names] {
            shelving.values.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then_with(|| a.0.cmp(&b.0)));
        }

        let mut listings = Vec::new();
        let mut list = |base: String, title: String, docs: &[u32]| {
            let total = docs.len() as u32;
            let pages = docs.len().div_ceil(CATALOGUE_PAGE_SIZE as usize).max(1) as u32;
            for page in 0..pages {
                let start = (page * CATALOGUE_PAGE_SIZE) as usize;
                let docs = docs[start.min(docs.len())..(start + CATALOGUE_PAGE_SIZE as usize).min(docs.len())].to_vec();
                listings.push(Listing { base: base.clone(), title: title.clone(), page, pages, total, docs });
            }
        };
        let orders = [
            ("Catalogue order", "Documents", "/".to_string(), &all),
            ("Newest first", "Documents, newest first", order_base("newest"), &newest),
            ("Title A–Z", "Documents by title", order_base("title"), &by_title),
        ];
        let mut groups = vec![ShelfGroup {
            heading: "Order".into(),
            shelves: orders.iter().map(|(label, _, base, _)| Shelf { label: label.to_string(), base: base.clone(), count: None }).collect(),
        }];
        for (_, title, base, docs) in &orders {
            list(base.clone(), title.to_string(), docs);
        }
        let entity_count = self.entities.len();
        for shelving in [kinds, years, topics, issuers, places, names] {
            let mut shelves = Vec::new();
            for (value, docs, address) in &shelving.values {
                let base = crate::routes::shelf_path(shelving.key, address);
                let title = match shelving.key {
                    "kind" => DocKind::from_name(value).map_or(value.clone(), |k| k.plural().to_string()),
                    "year" => format!("Documents of {value}"),
                    "issued-by" => format!("Issued by {value}"),
                    "topic" => format!("Topic: {value}"),
                    "name" => format!("Documents naming {value}"),
                    _ => format!("Documents from {value}"),
                };
                let label = match shelving.key {
                    "kind" => DocKind::from_name(value).map_or(value.clone(), |k| k.label().to_string()),
                    _ => value.clone(),
                };
                list(base.clone(), title, docs);
                shelves.push(Shelf { label, base, count: Some(docs.len() as u32) });
            }
            if let (true, Some(newest), Some(oldest)) = (shelving.key == "year", shelving.values.first(), shelving.values.last()) {
                // Any range of dates is a search for documents alone (`from:2016-03 to:2017`),
                // which opens on the library's whole span, to narrow.
                let base = format!("{}?q=from%3A{}%20to%3A{}", crate::routes::SEARCH, oldest.2, newest.2);
                shelves.push(Shelf { label: "Between two dates".into(), base, count: None });
            }
            if shelving.key == "name" && shelves.len() > NAMES_OFFERED {
                // Every name has its listing (and search its `name:` filter); the catalogue's
                // pages offer the most named, and the names index the rest.
                shelves.truncate(NAMES_OFFERED);
                let label = format!("All {entity_count} names");
                shelves.push(Shelf { label, base: crate::routes::ENTITIES.to_string(), count: None });
            }
            groups.push(ShelfGroup { heading: shelving.heading.into(), shelves });
        }
        self.listings = listings;
        self.shelves = groups;
        self
    }
}

/// What a document is filed under besides its topics, as (key, value) pairs: its kind, year,
/// issuer (the body, or the author where no body is named) and place, each where the front
/// matter says.
fn filed_under<'a>(entry: &'a crate::DocEntry, citation: Option<&'a crate::Citation>) -> Vec<(&'static str, &'a str)> {
    let mut filed = vec![("kind", entry.kind.name())];
    filed.extend(entry.date.as_ref().and_then(|d| d.iso.get(..4)).map(|y| ("year", y)));
    filed.extend(citation.and_then(|c| c.issued_by.as_deref().or(c.author.as_deref())).map(|i| ("issued-by", i)));
    filed.extend(entry.place.as_deref().map(|p| ("place", p)));
    filed
}

fn order_base(order: &str) -> String {
    format!("{CATALOGUE_PREFIX}{order}")
}
