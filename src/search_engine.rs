//! The search engine, which lives in a WebAssembly module of its own (`crates/search-module`):
//! the reader's wasm holds none of it, and the page loads it on the first sign of a search
//! (`window.readerSearch()`, defined by the boot module, or by the one-file page). The browser
//! tests link the module in instead (feature `linked-search`): they have no page to load it
//! from, and call the same functions through the same JavaScript values.

use std::ops::Range;

use search::Answer;
use wasm_bindgen::prelude::*;

#[cfg(not(feature = "linked-search"))]
#[wasm_bindgen]
extern "C" {
    /// The module's exports (see `crates/search-module/src/lib.rs`).
    type Module;
    #[wasm_bindgen(method, catch)]
    fn open(this: &Module, dictionary: &[u8]) -> Result<(), JsValue>;
    #[wasm_bindgen(method, catch, js_name = addShard)]
    fn add_shard(this: &Module, bytes: &[u8]) -> Result<(), JsValue>;
    #[wasm_bindgen(method, js_name = passagePlace)]
    fn passage_place(this: &Module, passage: u32) -> Vec<u32>;
    #[wasm_bindgen(method, js_name = documentFile)]
    fn document_file(this: &Module, doc: u32) -> String;
    #[wasm_bindgen(method, catch)]
    fn search(this: &Module, query: &str, limit: usize, text_of: &js_sys::Function) -> Result<Vec<u8>, JsValue>;
    #[wasm_bindgen(method)]
    fn marks(this: &Module, query: &str, text: &str) -> Vec<u32>;
    #[wasm_bindgen(method, catch)]
    fn explain(this: &Module, query: &str, passage: u32) -> Result<String, JsValue>;
}

/// The linked module, called as the page calls the loaded one.
#[cfg(feature = "linked-search")]
mod linked {
    pub struct Module;
    impl Module {
        pub fn open(&self, dictionary: &[u8]) -> Result<(), String> {
            search_module::open(dictionary)
        }
        pub fn add_shard(&self, bytes: &[u8]) -> Result<(), String> {
            search_module::add_shard(bytes)
        }
        pub fn passage_place(&self, passage: u32) -> Vec<u32> {
            search_module::passage_place(passage)
        }
        pub fn document_file(&self, doc: u32) -> String {
            search_module::document_file(doc)
        }
        pub fn search(&self, query: &str, limit: usize, text_of: &js_sys::Function) -> Result<Vec<u8>, String> {
            search_module::search(query, limit, text_of)
        }
        pub fn marks(&self, query: &str, text: &str) -> Vec<u32> {
            search_module::marks(query, text)
        }
        pub fn explain(&self, query: &str, passage: u32) -> Result<String, String> {
            search_module::explain(query, passage)
        }
    }
}
#[cfg(feature = "linked-search")]
use linked::Module;

/// The engine, once its module is here.
pub struct Engine(Module);

/// What a failed call says (the module throws its messages as strings).
fn message(error: impl Into<JsValue>) -> String {
    let error = error.into();
    error.as_string().unwrap_or_else(|| format!("{error:?}"))
}

/// Starts loading the engine's module at once (the page keeps one load), to be awaited when
/// needed: the index's dictionary can be fetched meanwhile.
pub fn load() -> impl std::future::Future<Output = Result<Engine, String>> {
    #[cfg(feature = "linked-search")]
    return std::future::ready(Ok(Engine(Module)));
    #[cfg(not(feature = "linked-search"))]
    {
        let started = (|| {
            let window: JsValue = crate::browser::window().ok_or("no window")?.into();
            let start = js_sys::Reflect::get(&window, &"readerSearch".into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok());
            let promise = start.ok_or("this page cannot load the search engine")?.call0(&JsValue::NULL).map_err(message)?;
            Ok::<_, String>(wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(promise)))
        })();
        async move { Ok(Engine(started?.await.map_err(message)?.unchecked_into())) }
    }
}

impl Engine {
    /// Opens the index from its dictionary's bytes.
    pub fn open(&self, dictionary: &[u8]) -> Result<(), String> {
        self.0.open(dictionary).map_err(message)
    }

    pub fn add_shard(&self, bytes: &[u8]) -> Result<(), String> {
        self.0.add_shard(bytes).map_err(message)
    }

    /// A passage's document and paragraph ordinal.
    pub fn passage_place(&self, passage: u32) -> Option<(u32, u32)> {
        match self.0.passage_place(passage)[..] {
            [doc, ordinal] => Some((doc, ordinal)),
            _ => None,
        }
    }

    /// A document's data file ("" for an unknown document).
    pub fn document_file(&self, doc: u32) -> String {
        self.0.document_file(doc)
    }

    /// The best `limit` paragraphs for `query`, or the shards it needs first; `text_of` gives a
    /// hit's text where it is here.
    pub fn search(&self, query: &str, limit: usize, text_of: impl Fn(u32) -> Option<String> + 'static) -> Result<Answer, String> {
        let text_of = Closure::<dyn Fn(u32) -> Option<String>>::new(text_of);
        let bytes = self.0.search(query, limit, text_of.as_ref().unchecked_ref()).map_err(message)?;
        postcard::from_bytes(&bytes).map_err(|_| "search answered in a form this reader cannot read".to_string())
    }

    /// The byte ranges of `text` that `query` matches.
    pub fn marks(&self, query: &str, text: &str) -> Vec<Range<usize>> {
        self.0.marks(query, text).chunks_exact(2).map(|r| r[0] as usize..r[1] as usize).collect()
    }

    /// Why `passage` ranks where it does for `query`, as text.
    pub fn explain(&self, query: &str, passage: u32) -> Result<String, String> {
        self.0.explain(query, passage).map_err(message)
    }
}
