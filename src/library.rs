//! The documents, as far as this page has them. The wasm holds no content: each page's data is
//! a file the build writes (see `content-model`), fetched when a page needs it and kept for the
//! life of the page. A pre-rendered page names its own file (`<body data-part>`) and the app
//! loads it before taking the page over; a link to another page loads that page's file (its
//! name from the build's list of routes, `<body data-manifest>`); search loads the documents
//! of the paragraphs it finds (see `corpus_search`). The pre-renderer and the one-file build
//! hold the whole library from the start.
//!
//! Pages read the store synchronously: the router only shows a page once its route is
//! [`is_complete`], and the store's [`version`] changes whenever a file arrives.

use content_model::routes;
use std::cell::RefCell;

pub use content_model::{
    Block, Counts, DocEntry, DocKind, Document, Entity, Event, Figure, GlossaryEntry, Heading, Listing, NameSpan, Paragraph, Part, Quote,
    ShelfGroup, ENTITY_KINDS,
};
use leptos::prelude::*;

/// Items by their index in the library, where known. A vector rather than a map: indices are
/// dense, and one generic vector costs the wasm far less code than a map per kind of item.
struct Sparse<T: 'static>(Vec<Option<&'static T>>);

impl<T> Default for Sparse<T> {
    fn default() -> Self {
        Self(Vec::new())
    }
}

impl<T> Sparse<T> {
    fn get(&self, index: usize) -> Option<&'static T> {
        self.0.get(index).copied().flatten()
    }

    /// Sets the item at `index`; with `keep`, an item already there stays.
    fn set(&mut self, index: usize, item: &'static T, keep: bool) {
        if self.0.len() <= index {
            self.0.resize(index + 1, None);
        }
        if !(keep && self.0[index].is_some()) {
            self.0[index] = Some(item);
        }
    }

    fn iter(&self) -> impl Iterator<Item = (usize, &'static T)> + '_ {
        self.0.iter().enumerate().filter_map(|(i, item)| Some((i, (*item)?)))
    }
}

#[derive(Default)]
struct Store {
    /// The routes whose pages have all they need.
    complete: Vec<String>,
    /// Whether the whole library is here (the pre-renderer's and the one-file build's).
    everything: bool,
    counts: Option<Counts>,
    entries: Sparse<DocEntry>,
    documents: Sparse<Document>,
    glossary: Sparse<GlossaryEntry>,
    entities: Sparse<Entity>,
    quotes: Sparse<Vec<Quote>>,
    timeline: Option<&'static [Event]>,
    /// The catalogue's pages here, in the order they came (a page is named by its place here).
    listings: Vec<&'static Listing>,
    shelves: &'static [ShelfGroup],
    /// Every route the build wrote a data file for (app path → file) and the search index's
    /// dictionary; `None` until fetched.
    manifest: Option<&'static content_model::Manifest>,
    /// Paths the host already answered "not found" for.
    absent: Vec<String>,
}

thread_local! {
    static STORE: RefCell<Store> = RefCell::new(Store::default());
    static VERSION: ArcRwSignal<u32> = ArcRwSignal::new(0);
    /// Why the last page asked for could not be loaded.
    static LOAD_ERROR: ArcRwSignal<Option<String>> = ArcRwSignal::new(None);
}

/// Why the page being opened could not be loaded, if it could not (tracked).
pub fn load_error() -> Option<String> {
    LOAD_ERROR.with(|e| e.get())
}

/// Notes that the host has no page at `path` (it served its not-found page there).
pub fn mark_absent(path: &str) {
    STORE.with(|s| s.borrow_mut().absent.push(path.to_string()));
}

fn read<T>(f: impl FnOnce(&Store) -> T) -> T {
    STORE.with(|s| f(&s.borrow()))
}

/// Changes whenever data arrives: what decides which page shows tracks it.
pub fn version() -> u32 {
    VERSION.with(|v| v.get())
}

fn bump() {
    VERSION.with(|v| v.update(|n| *n += 1));
}

/// Adds a part's data to the store. Parts are kept for the life of the page.
pub fn merge(part: Part) {
    let part: &'static Part = Box::leak(Box::new(part));
    STORE.with(|s| {
        let mut s = s.borrow_mut();
        s.complete.extend(part.complete.iter().cloned());
        s.counts = s.counts.or(part.counts);
        for (i, entry) in &part.entries {
            s.entries.set(*i as usize, entry, false);
        }
        for (i, doc) in &part.documents {
            s.entries.set(*i as usize, &doc.entry, false);
            s.documents.set(*i as usize, doc, false);
        }
        // A document's part carries its terms without where else they are used: such an
        // entry never replaces the glossary's own.
        let full_glossary = part.complete.iter().any(|p| p == routes::GLOSSARY);
        for (i, entry) in &part.glossary {
            s.glossary.set(usize::from(*i), entry, !full_glossary);
        }
        for (i, entity) in &part.entities {
            s.entities.set(usize::from(*i), entity, false);
        }
        for (i, quotes) in &part.quotes {
            s.quotes.set(usize::from(*i), quotes, false);
        }
        for listing in &part.listings {
            if !s.listings.iter().any(|l| l.path() == listing.path()) {
                s.listings.push(listing);
            }
        }
        if !part.shelves.is_empty() {
            s.shelves = &part.shelves;
        }
        if let Some(timeline) = &part.timeline {
            s.timeline = Some(timeline);
        }
        if part.counts.is_some_and(|c| c.documents as usize == part.documents.len()) {
            s.everything = true;
        }
    });
    bump();
}

/// Empties the store (the pre-renderer checks each page against its part alone).
pub fn clear() {
    STORE.with(|s| *s.borrow_mut() = Store::default());
}

pub fn is_complete(path: &str) -> bool {
    read(|s| s.everything || s.complete.iter().any(|p| p == path))
}

pub fn has_everything() -> bool {
    read(|s| s.everything)
}

/// Whether the build wrote no page for `path` (known once the list of routes is here).
pub fn is_absent(path: &str) -> bool {
    read(|s| s.absent.iter().any(|p| p == path) || (!s.everything && s.manifest.is_some_and(|m| !m.routes.iter().any(|(p, _)| p == path))))
}

pub fn counts() -> Counts {
    read(|s| s.counts.unwrap_or_default())
}

pub fn entry(doc: u32) -> Option<&'static DocEntry> {
    read(|s| s.entries.get(doc as usize))
}

/// The catalogue page at `path`, by its place in the store.
pub fn listing_at(path: &str) -> Option<u32> {
    read(|s| s.listings.iter().position(|l| l.path() == path).map(|i| i as u32))
}

pub fn listing(index: u32) -> Option<&'static Listing> {
    read(|s| s.listings.get(index as usize).copied())
}

/// How many catalogue pages the store holds.
pub fn listings() -> u32 {
    read(|s| s.listings.len() as u32)
}

pub fn shelves() -> &'static [ShelfGroup] {
    read(|s| s.shelves)
}

pub fn document(doc: u32) -> Option<&'static Document> {
    read(|s| s.documents.get(doc as usize))
}

/// Every document whose text is here, with its index, in library order.
pub fn documents() -> Vec<(u32, &'static Document)> {
    read(|s| s.documents.iter().map(|(i, d)| (i as u32, d)).collect())
}

/// The index of the document with this slug, among those the store lists.
pub fn position(slug: &str) -> Option<u32> {
    read(|s| s.entries.iter().find(|(_, e)| e.slug == slug).map(|(i, _)| i as u32))
}

pub fn glossary_entry(term: u16) -> Option<&'static GlossaryEntry> {
    read(|s| s.glossary.get(usize::from(term)))
}

pub fn glossary() -> Vec<&'static GlossaryEntry> {
    read(|s| s.glossary.iter().map(|(_, e)| e).collect())
}

pub fn entity(index: u16) -> Option<&'static Entity> {
    read(|s| s.entities.get(usize::from(index)))
}

/// Every entity the store lists, with its index, in library order.
pub fn entities() -> Vec<(u16, &'static Entity)> {
    read(|s| s.entities.iter().map(|(i, e)| (i as u16, e)).collect())
}

pub fn entity_by_id(id: &str) -> Option<u16> {
    read(|s| s.entities.iter().find(|(_, e)| e.id == id).map(|(i, _)| i as u16))
}

pub fn quotes(entity: u16) -> &'static [Quote] {
    read(|s| s.quotes.get(usize::from(entity)).map_or(&[][..], Vec::as_slice))
}

pub fn timeline() -> &'static [Event] {
    read(|s| s.timeline.unwrap_or_default())
}

#[cfg(feature = "hydrate")]
pub use fetching::*;

/// Fetching data files (only the browser does).
#[cfg(feature = "hydrate")]
mod fetching {
    use js_sys::Uint8Array;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    use super::*;

    thread_local! {
        /// The file names the page was built with: the list of routes, the search dictionary.
        static MANIFEST_FILE: RefCell<Option<String>> = const { RefCell::new(None) };
        static SEARCH_FILE: RefCell<Option<String>> = const { RefCell::new(None) };
    }

    /// Remembers where the build's list of routes and its search dictionary are
    /// (`<body data-manifest data-search>`).
    pub fn set_data_files(manifest: Option<String>, search: Option<String>) {
        MANIFEST_FILE.with(|m| *m.borrow_mut() = manifest);
        SEARCH_FILE.with(|m| *m.borrow_mut() = search);
    }

    /// The search index's dictionary: named by the page, else by the list of routes.
    pub async fn search_file() -> Result<String, String> {
        match SEARCH_FILE.with(|m| m.borrow().clone()) {
            Some(file) => Ok(file),
            None => Ok(manifest().await?.search.clone()),
        }
    }

    fn fail(message: String) {
        LOAD_ERROR.with(|e| e.set(Some(message)));
    }

    /// The bytes of a file of this site, relative to the page's base.
    pub async fn fetch_bytes(file: &str) -> Result<Vec<u8>, String> {
        let window = crate::browser::window().ok_or("no window")?;
        let unreachable = |_| {
            let online = window.navigator().on_line();
            if online { "the network is unreachable" } else { "you are offline, and it was not kept for reading offline" }.to_string()
        };
        let response = JsFuture::from(window.fetch_with_str(file)).await.map_err(unreachable)?;
        let response: web_sys::Response = response.dyn_into().map_err(|_| "no response".to_string())?;
        if !response.ok() {
            return Err(format!("the server answered {}", response.status()));
        }
        let buffer = response.array_buffer().map_err(|_| "no body".to_string())?;
        let buffer = JsFuture::from(buffer).await.map_err(|_| "the download broke off".to_string())?;
        Ok(Uint8Array::new(&buffer).to_vec())
    }

    /// Fetches a part and adds it to the store.
    pub async fn load_part(file: &str) -> Result<(), String> {
        let bytes = fetch_bytes(file).await?;
        let part = Part::from_bytes(&bytes).map_err(|e| e.to_string())?;
        merge(part);
        Ok(())
    }

    /// The build's list of data files, fetched once.
    pub async fn manifest() -> Result<&'static content_model::Manifest, String> {
        if let Some(manifest) = read(|s| s.manifest) {
            return Ok(manifest);
        }
        let file = MANIFEST_FILE.with(|m| m.borrow().clone()).ok_or("this page does not name the list of pages")?;
        let bytes = fetch_bytes(&file).await?;
        let manifest = content_model::Manifest::from_bytes(&bytes).map_err(|e| e.to_string())?;
        let manifest: &'static content_model::Manifest = Box::leak(Box::new(manifest));
        STORE.with(|s| s.borrow_mut().manifest = Some(manifest));
        Ok(manifest)
    }

    /// Loads what the page at `path` needs; when there is no such page, notes that instead.
    pub async fn load_route(path: &str) {
        LOAD_ERROR.with(|e| e.set(None));
        let result = async {
            let manifest = manifest().await?;
            match manifest.routes.iter().find(|(p, _)| p == path) {
                Some((_, file)) => load_part(file).await,
                None => Ok(()),
            }
        }
        .await;
        match result {
            Ok(()) => bump(),
            Err(why) => fail(why),
        }
    }
}
