//! The search engine behind a small JavaScript interface, compiled to a WebAssembly module of
//! its own. The reader's wasm holds no engine: it loads this module on the first sign of a
//! search (see `src/search_engine.rs` in the reader), so a first visit downloads none of it.
//!
//! One index per page: [`open`] it from the dictionary's bytes, then [`search()`], which
//! answers with the results, or with the shards the query needs first, for [`add_shard`].
//! Answers cross as postcard bytes of [`search::Answer`]; errors as messages. No input can panic here: the index answers
//! any query, and damaged files are refused with a message.

use std::cell::RefCell;

// Talc in place of Rust's default allocator for WebAssembly (dlmalloc): smaller (the module
// loads on the first search) and faster for the many small allocations a query makes.
#[cfg(all(feature = "allocator", target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

use search::{Answer, Dictionary, Index, Matcher};
use wasm_bindgen::prelude::*;

struct Open {
    index: Index,
    /// Each shard's file, by number (none when the page carries every shard).
    shard_files: Vec<String>,
}

thread_local! {
    static OPEN: RefCell<Option<&'static Open>> = const { RefCell::new(None) };
    /// The last query [`marks`] was asked about, resolved: a page marks every paragraph for one.
    static MATCHER: RefCell<Option<(String, Matcher<'static>)>> = const { RefCell::new(None) };
}

fn open_index() -> Result<&'static Open, String> {
    OPEN.with(|o| *o.borrow()).ok_or_else(|| "the search index is not open".to_string())
}

/// Opens the index from its dictionary's bytes, for the life of the page.
#[wasm_bindgen]
pub fn open(dictionary: &[u8]) -> Result<(), String> {
    let mut dictionary = Dictionary::from_bytes(dictionary).map_err(|e| e.to_string())?;
    let shard_files = std::mem::take(&mut dictionary.shard_files);
    let index = Index::from_dictionary(dictionary).map_err(|e| e.to_string())?;
    let open: &'static Open = Box::leak(Box::new(Open { index, shard_files }));
    OPEN.with(|o| *o.borrow_mut() = Some(open));
    Ok(())
}

/// Adds a shard's postings from its file's bytes.
#[wasm_bindgen(js_name = addShard)]
pub fn add_shard(bytes: &[u8]) -> Result<(), String> {
    open_index()?.index.add_shard(bytes).map_err(|e| e.to_string())
}

/// Where a passage lives: `[document, paragraph ordinal]`, or nothing for an unknown passage.
#[wasm_bindgen(js_name = passagePlace)]
pub fn passage_place(passage: u32) -> Vec<u32> {
    open_index().ok().and_then(|open| open.index.passage_place(passage)).map_or_else(Vec::new, |(doc, ordinal)| vec![doc, ordinal])
}

/// A document's data file ("" for an unknown document).
#[wasm_bindgen(js_name = documentFile)]
pub fn document_file(doc: u32) -> String {
    open_index().ok().and_then(|open| open.index.document_file(doc)).unwrap_or_default().to_string()
}

/// The best `limit` paragraphs for `query`, each hit with what it matched where
/// `text_of(passage)` gives its text (a string, or undefined while its document is not here);
/// or, while some are not here, the files of the shards the query needs. Postcard bytes of a
/// [`search::Answer`].
#[wasm_bindgen]
pub fn search(query: &str, limit: usize, text_of: &js_sys::Function) -> Result<Vec<u8>, String> {
    let open = open_index()?;
    let text = |passage: u32| text_of.call1(&JsValue::NULL, &passage.into()).ok()?.as_string();
    let answer = match open.index.search_if_ready(query, limit, text) {
        Ok(results) => Answer::Results(results),
        Err(missing) => Answer::Missing(missing.into_iter().map(|n| open.shard_files.get(n).cloned().unwrap_or_default()).collect()),
    };
    // (postcard's own messages would bring their text and formatting into the module)
    postcard::to_allocvec(&answer).map_err(|_| "search could not write its answer".to_string())
}

/// The byte ranges of `text` that `query` matches, flattened: start, end, start, end…
#[wasm_bindgen]
pub fn marks(query: &str, text: &str) -> Vec<u32> {
    let Ok(open) = open_index() else { return Vec::new() };
    MATCHER.with(|last| {
        let mut last = last.borrow_mut();
        if last.as_ref().is_none_or(|(asked, _)| asked != query) {
            *last = Some((query.to_string(), open.index.matcher(query)));
        }
        let ranges = last.as_ref().map(|(_, matcher)| matcher.ranges(text)).unwrap_or_default();
        ranges.into_iter().flat_map(|r| [r.start as u32, r.end as u32]).collect()
    })
}

/// Why `passage` ranks where it does for `query` (term weights, field boosts, proximity), as
/// text, for the results page's `?explain` view. Written here, not in the reader, whose wasm
/// every first visit downloads.
#[wasm_bindgen]
pub fn explain(query: &str, passage: u32) -> Result<String, String> {
    Ok(open_index()?.index.explain(query, passage).to_string())
}
