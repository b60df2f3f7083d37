//! The search index over the bundled documents (with the glossary's acronyms and the
//! entities' other names as synonyms),
//! built on first use, and the way from a hit to the paragraph it names.

use std::cell::OnceCell;

use search::{Index, PassageInput, SearchResults};

use crate::content::{Block, Document, Paragraph, DOCUMENTS, ENTITIES, GLOSSARY};
use crate::router::encode;

/// Where an indexed passage lives: its document and paragraph.
#[derive(Clone, Copy)]
pub struct PassageRef {
    pub doc: &'static Document,
    pub paragraph: &'static Paragraph,
    pub heading: Option<&'static str>,
}

struct Corpus {
    index: Index,
    passages: Vec<PassageRef>,
}

thread_local! {
    static CORPUS: OnceCell<&'static Corpus> = const { OnceCell::new() };
}

/// Every paragraph of every document, with the heading it stands under.
fn passages() -> Vec<PassageRef> {
    let mut out = Vec::new();
    for doc in DOCUMENTS {
        let mut heading = None;
        for block in doc.blocks {
            match block {
                Block::Heading(h) => heading = Some(h.text),
                Block::Paragraph(paragraph) => out.push(PassageRef { doc, paragraph, heading }),
            }
        }
    }
    out
}

/// Every ordered pair of an entity's names ("Daesh", "ISIL"), so any of them finds the others.
fn alias_pairs() -> impl Iterator<Item = (&'static str, &'static str)> {
    ENTITIES.iter().flat_map(|e| e.aliases.iter().flat_map(move |a| e.aliases.iter().filter(move |b| *b != a).map(move |b| (*a, *b))))
}

fn corpus() -> &'static Corpus {
    CORPUS.with(|cell| {
        *cell.get_or_init(|| {
            let passages = passages();
            let index = Index::build(passages.iter().map(|p| PassageInput {
                doc: crate::content::position(p.doc.slug).unwrap_or(0) as u32,
                title: p.doc.title,
                heading: p.heading,
                text: p.paragraph.text,
            }))
            .with_synonyms(GLOSSARY.iter().map(|e| (e.term, e.expansion)).chain(alias_pairs()));
            // Built once and kept for the life of the page.
            Box::leak(Box::new(Corpus { index, passages }))
        })
    })
}

/// Builds the index now (on first focus of the search box) so the first keystroke is instant.
pub fn warm_up() {
    corpus();
}

pub fn index() -> &'static Index {
    &corpus().index
}

pub fn run(query: &str, limit: usize) -> SearchResults {
    corpus().index.search(query, limit)
}

pub fn passage(id: u32) -> Option<PassageRef> {
    corpus().passages.get(id as usize).copied()
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
