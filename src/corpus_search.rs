//! Search over the library with the index the build wrote (`search::Dictionary`). On the first
//! sign the reader will search (see [`warm_up`]) the app loads the search engine's module
//! (`crate::search_engine`) and fetches the index's dictionary; each query then fetches the few
//! shards holding its terms, and the hits' documents for their text. Nothing is built in the
//! browser. The one-file build carries the whole index in the page.

use content_model::routes;
use std::cell::{OnceCell, RefCell};

use leptos::prelude::*;
use search::{Answer, SearchResults};

use crate::library::{self, Block, DocEntry, Paragraph};
use crate::router::encode;
use crate::search_engine::Engine;

/// Where an indexed passage lives: its document and paragraph.
#[derive(Clone, Copy)]
pub struct PassageRef {
    pub doc: &'static DocEntry,
    pub paragraph: &'static Paragraph,
    pub heading: Option<&'static str>,
}

thread_local! {
    static ENGINE: OnceCell<&'static Engine> = const { OnceCell::new() };
    /// Changes whenever search can answer more: the dictionary or a shard has arrived.
    static ARRIVALS: ArcRwSignal<u32> = ArcRwSignal::new(0);
    /// Why search cannot answer, when a file it needs could not be fetched.
    static FAILURE: ArcRwSignal<Option<String>> = ArcRwSignal::new(None);
    /// Files asked for and not yet here, so each is fetched once.
    static IN_FLIGHT: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

fn loaded() -> Option<&'static Engine> {
    ENGINE.with(|s| s.get().copied())
}

fn arrived() {
    ARRIVALS.with(|a| a.update(|n| *n += 1));
}

/// Whether the engine and the dictionary are here, so search can start answering (tracked).
pub fn ready() -> bool {
    ARRIVALS.with(|a| a.track());
    loaded().is_some()
}

/// Why search cannot answer now, if a file it needs could not be fetched (tracked).
pub fn failure() -> Option<String> {
    FAILURE.with(|f| f.get())
}

/// Runs `task` once at a time for `file` (fetching it, say); a failure is kept for
/// [`failure`], and the file is asked for again at the next query that needs it.
#[cfg(feature = "hydrate")]
fn once_at_a_time(file: &str, task: impl std::future::Future<Output = Result<(), String>> + 'static) {
    if file.is_empty() || IN_FLIGHT.with(|f| f.borrow().iter().any(|x| x == file)) {
        return;
    }
    IN_FLIGHT.with(|f| f.borrow_mut().push(file.to_string()));
    let file = file.to_string();
    leptos::task::spawn_local(async move {
        let result = task.await;
        IN_FLIGHT.with(|f| f.borrow_mut().retain(|x| *x != file));
        FAILURE.with(|f| f.set(result.err()));
    });
}

/// Fetches `file` and hands its bytes to `arrive` (in the browser).
fn fetch(file: &str, arrive: fn(&[u8]) -> Result<(), String>) {
    #[cfg(feature = "hydrate")]
    {
        let owned = file.to_string();
        once_at_a_time(file, async move { arrive(&library::fetch_bytes(&owned).await?) });
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (file, arrive);
}

/// Loads the engine and opens the index: from the files the page carries (the one-file build:
/// the dictionary, then every shard), or else from the dictionary the manifest names.
#[cfg(feature = "hydrate")]
async fn open() -> Result<(), String> {
    let loading = crate::search_engine::load();
    // The dictionary comes while the engine loads.
    let files = match crate::browser::embedded_search_index() {
        Some(files) => files,
        None => vec![library::fetch_bytes(&library::search_file().await?).await?],
    };
    let (dictionary, shards) = files.split_first().ok_or("the page carries no search index")?;
    let engine = loading.await?;
    engine.open(dictionary)?;
    shards.iter().try_for_each(|shard| engine.add_shard(shard))?;
    install(engine);
    Ok(())
}

/// Keeps the engine for the life of the page: search can answer.
#[cfg(feature = "hydrate")]
fn install(engine: Engine) {
    ENGINE.with(|s| s.set(Box::leak(Box::new(engine))).ok());
    arrived();
}

/// Loads the engine and the index's dictionary (on the first sign the reader will search:
/// focus of the search box, a URL with a query), so the first keystroke finds them ready.
pub fn warm_up() {
    #[cfg(feature = "hydrate")]
    if loaded().is_none() {
        once_at_a_time("dictionary", open());
    }
}

/// The byte ranges of a paragraph's text that `query` matches, once the engine is here
/// (tracked).
pub fn marks(query: &str) -> Option<impl Fn(&str) -> Vec<std::ops::Range<usize>>> {
    let engine = ready().then(loaded).flatten()?;
    let query = query.to_string();
    Some(move |text: &str| engine.marks(&query, text))
}

/// Why the paragraph `passage` ranks where it does for `query` (see `Index::explain`), once
/// the engine is here: the results page shows it behind `?explain`, for tuning.
pub fn explain(query: &str, passage: u32) -> Option<String> {
    Some(loaded()?.explain(query, passage).unwrap_or_else(|why| why))
}

/// The best `limit` paragraphs for `query`, each with what it matched once its document is
/// here; `None` while the engine, the index or a shard the query needs is on its way (tracked:
/// it answers again when they arrive).
pub fn run(query: &str, limit: usize) -> Option<SearchResults> {
    ARRIVALS.with(|a| a.track());
    let engine = loaded()?;
    // A hit's text is its document's, fetched when first needed.
    let text_of = |id: u32| match passage(id) {
        Some(p) => Some(p.paragraph.text.clone()),
        None => {
            let engine = loaded()?;
            let doc = engine.passage_place(id).map_or(u32::MAX, |(doc, _)| doc);
            fetch(&engine.document_file(doc), |bytes| {
                library::merge(library::Part::from_bytes(bytes).map_err(|e| e.to_string())?);
                Ok(())
            });
            None
        }
    };
    match engine.search(query, limit, text_of) {
        Ok(Answer::Results(results)) => Some(results),
        Ok(Answer::Missing(shards)) => {
            for shard in shards {
                fetch(&shard, |bytes| {
                    loaded().ok_or("no index")?.add_shard(bytes)?;
                    arrived();
                    Ok(())
                });
            }
            None
        }
        Err(error) => {
            FAILURE.with(|f| f.set(Some(error)));
            None
        }
    }
}

/// The paragraph a passage is, once its document is here (tracked).
pub fn passage(id: u32) -> Option<PassageRef> {
    library::version();
    let (doc, ordinal) = loaded()?.passage_place(id)?;
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

/// The landing app URL of a hit: the paragraph, with the query riding along for highlighting
/// (none for a query of filters only, which has no words to mark).
pub fn hit_url(passage: &PassageRef, query: &str) -> String {
    let marked = if query.split_whitespace().all(search::query::is_filter) { String::new() } else { format!("?q={}", encode(query)) };
    format!("{}{marked}#{}", passage.doc.path(), passage.paragraph.anchor())
}

pub fn search_page_url(query: &str) -> String {
    format!("{}?q={}", routes::SEARCH, encode(query))
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
