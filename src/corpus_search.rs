//! Search over the library with the index the build wrote (`search::Dictionary`). On the first
//! sign the reader will search (see [`warm_up`]) the app fetches the index's dictionary; each
//! query then fetches the few shards holding its terms, and the hits' documents for their text.
//! Nothing is built in the browser. The one-file build carries the whole index in the page.

use std::cell::{OnceCell, RefCell};

use leptos::prelude::*;
use search::{Index, SearchResults};

use crate::library::{self, Block, DocEntry, Paragraph};
use crate::router::encode;

/// Where an indexed passage lives: its document and paragraph.
#[derive(Clone, Copy)]
pub struct PassageRef {
    pub doc: &'static DocEntry,
    pub paragraph: &'static Paragraph,
    pub heading: Option<&'static str>,
}

struct Search {
    index: Index,
    /// Each shard's file, by number (none when the page carries the whole index).
    shard_files: Vec<String>,
    /// Each document's data file, by document.
    document_files: Vec<String>,
}

thread_local! {
    static SEARCH: OnceCell<&'static Search> = const { OnceCell::new() };
    /// Changes whenever search can answer more: the dictionary or a shard has arrived.
    static ARRIVALS: ArcRwSignal<u32> = ArcRwSignal::new(0);
    /// Why search cannot answer, when a file it needs could not be fetched.
    static FAILURE: ArcRwSignal<Option<String>> = ArcRwSignal::new(None);
    /// Files asked for and not yet here, so each is fetched once.
    static IN_FLIGHT: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

fn loaded() -> Option<&'static Search> {
    SEARCH.with(|s| s.get().copied())
}

fn arrived() {
    ARRIVALS.with(|a| a.update(|n| *n += 1));
}

/// Keeps the index for the life of the page.
fn install(index: Index, shard_files: Vec<String>, document_files: Vec<String>) {
    let search: &'static Search = Box::leak(Box::new(Search { index, shard_files, document_files }));
    SEARCH.with(|s| s.set(search).ok());
    arrived();
}

/// Whether the dictionary is here, so search can start answering (tracked).
pub fn ready() -> bool {
    ARRIVALS.with(|a| a.track());
    loaded().is_some()
}

/// Why search cannot answer now, if a file it needs could not be fetched (tracked).
pub fn failure() -> Option<String> {
    FAILURE.with(|f| f.get())
}

/// Fetches `file` once at a time and hands its bytes to `arrive`; a failure is kept for
/// [`failure`], and the file is asked for again at the next query that needs it.
fn fetch(file: &str, arrive: fn(&[u8]) -> Result<(), String>) {
    if file.is_empty() || IN_FLIGHT.with(|f| f.borrow().iter().any(|x| x == file)) {
        return;
    }
    IN_FLIGHT.with(|f| f.borrow_mut().push(file.to_string()));
    #[cfg(feature = "hydrate")]
    {
        let file = file.to_string();
        leptos::task::spawn_local(async move {
            let result = library::fetch_bytes(&file).await.and_then(|bytes| arrive(&bytes));
            IN_FLIGHT.with(|f| f.borrow_mut().retain(|x| *x != file));
            FAILURE.with(|f| f.set(result.err()));
        });
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = arrive;
}

/// The whole index from its files, as the one-file build carries them: the dictionary, then
/// every shard.
fn index_from_files(files: &[Vec<u8>]) -> Option<Index> {
    let (dictionary, shards) = files.split_first()?;
    let index = Index::from_dictionary(search::Dictionary::from_bytes(dictionary).ok()?).ok()?;
    shards.iter().all(|shard| index.add_shard(shard).is_ok()).then_some(index)
}

/// Fetches the index's dictionary (on the first sign the reader will search: focus of the
/// search box, a URL with a query), so the first keystroke finds it ready.
pub fn warm_up() {
    if loaded().is_some() {
        return;
    }
    if let Some(files) = crate::browser::embedded_search_index() {
        if let Some(index) = index_from_files(&files) {
            install(index, Vec::new(), Vec::new());
        }
        return;
    }
    if IN_FLIGHT.with(|f| f.borrow().iter().any(|x| x == "dictionary")) {
        return;
    }
    IN_FLIGHT.with(|f| f.borrow_mut().push("dictionary".to_string()));
    #[cfg(feature = "hydrate")]
    leptos::task::spawn_local(async {
        let result = async {
            let manifest = library::manifest().await?;
            let bytes = library::fetch_bytes(&manifest.search).await?;
            let mut dictionary = search::Dictionary::from_bytes(&bytes).map_err(|e| e.to_string())?;
            let shard_files = std::mem::take(&mut dictionary.shard_files);
            let document_files = std::mem::take(&mut dictionary.document_files);
            let index = Index::from_dictionary(dictionary).map_err(|e| e.to_string())?;
            install(index, shard_files, document_files);
            Ok::<(), String>(())
        }
        .await;
        IN_FLIGHT.with(|f| f.borrow_mut().retain(|x| x != "dictionary"));
        FAILURE.with(|f| f.set(result.err()));
    });
}

/// The index, once its dictionary is here (tracked): enough to mark what a query matches.
pub fn index() -> Option<&'static Index> {
    ready().then(|| loaded().map(|s| &s.index)).flatten()
}

/// The best `limit` paragraphs for `query`, each with what it matched once its document is
/// here; `None` while the index or a shard the query needs is on its way (tracked: it answers
/// again when they arrive).
pub fn run(query: &str, limit: usize) -> Option<SearchResults> {
    ARRIVALS.with(|a| a.track());
    let search = loaded()?;
    let missing = search.index.shards_for(query);
    if !missing.is_empty() {
        for shard in missing {
            fetch(search.shard_files.get(shard).map_or("", String::as_str), |bytes| {
                let search = loaded().ok_or("no index")?;
                search.index.add_shard(bytes).map_err(|e| e.to_string())?;
                arrived();
                Ok(())
            });
        }
        return None;
    }
    // A hit's text is its document's, fetched when first needed.
    let text_of = |id: u32| match passage(id) {
        Some(p) => Some(p.paragraph.text.as_str()),
        None => {
            let doc = search.index.passage_place(id).map_or(u32::MAX, |(doc, _)| doc);
            fetch(search.document_files.get(doc as usize).map_or("", String::as_str), |bytes| {
                library::merge(library::Part::from_bytes(bytes).map_err(|e| e.to_string())?);
                Ok(())
            });
            None
        }
    };
    Some(search.index.search_marked(query, limit, text_of))
}

/// The paragraph a passage is, once its document is here (tracked).
pub fn passage(id: u32) -> Option<PassageRef> {
    library::version();
    let (doc, ordinal) = loaded()?.index.passage_place(id)?;
    let document = library::document(doc)?;
    let mut heading = None;
    let mut paragraphs = 0;
    for block in &document.blocks {
        match block {
            Block::Heading(h) => heading = Some(h.text.as_str()),
            Block::Paragraph(paragraph) if paragraphs == ordinal => return Some(PassageRef { doc: &document.entry, paragraph, heading }),
            Block::Paragraph(_) => paragraphs += 1,
        }
    }
    None
}

/// The landing app URL of a hit: the paragraph, with the query riding along for highlighting.
pub fn hit_url(passage: &PassageRef, query: &str) -> String {
    format!("{}?q={}#{}", passage.doc.path(), encode(query), passage.paragraph.anchor())
}

pub fn search_page_url(query: &str) -> String {
    format!("/search?q={}", encode(query))
}

/// Benchmark hook for `scripts/bench-library.mjs` (`window.wasmBindings.benchmark_search`): runs the
/// query `rounds` times on the live index, untimed so the engine's optimising tier takes over,
/// then `rounds` times more, and returns the mean time of those in microseconds; NaN while
/// the index (fetched on the first sign of a search) or a shard the query needs is still on
/// its way (asking fetches the shards: call again).
#[cfg(feature = "bench-hooks")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn benchmark_search(query: &str, rounds: u32) -> f64 {
    let Some(performance) = crate::browser::window().and_then(|w| w.performance()) else { return f64::NAN };
    if run(query, 10).is_none() {
        return f64::NAN;
    }
    let rounds = rounds.max(1);
    for _ in 0..rounds {
        std::hint::black_box(run(std::hint::black_box(query), 10));
    }
    let started = performance.now();
    for _ in 0..rounds {
        std::hint::black_box(run(std::hint::black_box(query), 10));
    }
    (performance.now() - started) * 1000.0 / f64::from(rounds)
}
