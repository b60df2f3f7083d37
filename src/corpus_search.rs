//! The search index over the library (with the glossary's acronyms and the entities' other
//! names as synonyms), built on first use from the whole library, which is fetched then (see
//! [`warm_up`]), and the way from a hit to the paragraph it names.

use std::cell::OnceCell;

use leptos::prelude::*;
use search::{Index, PassageInput, SearchResults};

use crate::library::{self, Block, DocEntry, Paragraph};
use crate::router::encode;

/// Where an indexed passage lives: its document and paragraph.
#[derive(Clone, Copy)]
pub struct PassageRef {
    pub doc: &'static DocEntry,
    pub paragraph: &'static Paragraph,
    pub heading: Option<&'static str>,
}

struct Corpus {
    index: Index,
    passages: Vec<PassageRef>,
}

thread_local! {
    static CORPUS: OnceCell<&'static Corpus> = const { OnceCell::new() };
    /// Whether the index can answer; changes once, when the library has arrived.
    static READY: ArcRwSignal<bool> = ArcRwSignal::new(false);
    /// Whether the library has been asked for.
    static FETCHING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Every paragraph of every document, with its document index and the heading it stands under.
fn passages() -> Vec<(u32, PassageRef)> {
    let mut out = Vec::new();
    for (i, doc) in library::documents() {
        let mut heading = None;
        for block in &doc.blocks {
            match block {
                Block::Heading(h) => heading = Some(h.text.as_str()),
                Block::Paragraph(paragraph) => out.push((i, PassageRef { doc: &doc.entry, paragraph, heading })),
            }
        }
    }
    out
}

/// Every ordered pair of an entity's names ("Daesh", "ISIL"), so any of them finds the others.
fn alias_pairs() -> Vec<(&'static str, &'static str)> {
    let mut pairs = Vec::new();
    for (_, e) in library::entities() {
        for a in &e.aliases {
            pairs.extend(e.aliases.iter().filter(|b| *b != a).map(|b| (a.as_str(), b.as_str())));
        }
    }
    pairs
}

/// The index, once the whole library is here.
fn corpus() -> Option<&'static Corpus> {
    if !library::has_everything() {
        return None;
    }
    Some(CORPUS.with(|cell| {
        *cell.get_or_init(|| {
            let passages = passages();
            let index = Index::build(passages.iter().map(|(doc, p)| PassageInput {
                doc: *doc,
                title: &p.doc.title,
                heading: p.heading,
                text: &p.paragraph.text,
            }))
            .with_synonyms(library::glossary().into_iter().map(|e| (e.term.as_str(), e.expansion.as_str())).chain(alias_pairs()));
            let passages = passages.into_iter().map(|(_, p)| p).collect();
            // Built once and kept for the life of the page.
            Box::leak(Box::new(Corpus { index, passages }))
        })
    }))
}

/// Whether search can answer now; reading it in a reactive context tracks the moment it can.
pub fn ready() -> bool {
    READY.with(|r| r.get()) || corpus().is_some()
}

/// Fetches the library and builds the index (on the first sign the reader will search: focus
/// of the search box, a URL with a query), so the first keystroke finds it ready.
pub fn warm_up() {
    if READY.with(|r| r.get_untracked()) || FETCHING.with(|f| f.replace(true)) {
        return;
    }
    if corpus().is_some() {
        READY.with(|r| r.set(true));
    } else {
        #[cfg(feature = "hydrate")]
        leptos::task::spawn_local(async {
            let loaded = library::load_everything().await.is_ok() && corpus().is_some();
            READY.with(|r| r.set(loaded));
            // A failed fetch (offline, say) is tried again at the next sign.
            FETCHING.with(|f| f.set(false));
        });
    }
}

pub fn index() -> Option<&'static Index> {
    corpus().map(|c| &c.index)
}

/// The best `limit` paragraphs for `query`; nothing while the library is still on its way.
pub fn run(query: &str, limit: usize) -> SearchResults {
    corpus().map(|c| c.index.search(query, limit)).unwrap_or_default()
}

pub fn passage(id: u32) -> Option<PassageRef> {
    corpus()?.passages.get(id as usize).copied()
}

/// The landing app URL of a hit: the paragraph, with the query riding along for highlighting.
pub fn hit_url(passage: &PassageRef, query: &str) -> String {
    format!("{}?q={}#{}", passage.doc.path(), encode(query), passage.paragraph.anchor())
}

pub fn search_page_url(query: &str) -> String {
    format!("/search?q={}", encode(query))
}

/// Benchmark hook for the end-to-end tests (`window.wasmBindings.benchmark_search`): runs the
/// query `rounds` times on the live index, untimed so the engine's optimising tier takes over,
/// then `rounds` times more, and returns the mean time of those in microseconds.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn benchmark_search(query: &str, rounds: u32) -> f64 {
    let Some(performance) = crate::browser::window().and_then(|w| w.performance()) else { return f64::NAN };
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
