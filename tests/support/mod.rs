//! Mounting the app at a URL in the test page and reading what it shows.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

pub fn document() -> web_sys::Document {
    web_sys::window().expect("window").document().expect("document")
}

/// The mounted app; dropping it unmounts the app and removes its container.
pub struct Mounted {
    pub root: HtmlElement,
    _handle: leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.root.remove();
    }
}

/// Mounts the whole app as if the browser had opened `url` (path, query and fragment), for a
/// reader the browser has never seen: what an earlier test remembered (theme, marked names)
/// is forgotten first, so no test depends on another's end.
pub async fn open(url: &str) -> Mounted {
    let window = web_sys::window().expect("window");
    window.local_storage().ok().flatten().expect("localStorage").clear().expect("clear localStorage");
    document().document_element().expect("root").remove_attribute("data-theme").expect("data-theme");
    open_again(url).await
}

/// Mounts the app at `url` for the same reader as before: what the browser remembers stays.
pub async fn open_again(url: &str) -> Mounted {
    load_library();
    let window = web_sys::window().expect("window");
    window.history().expect("history").replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url)).expect("replaceState");
    let root: HtmlElement = document().create_element("div").expect("div").dyn_into().expect("html element");
    document().body().expect("body").append_child(&root).expect("append");
    let handle = leptos::mount::mount_to(root.clone(), || reader::app::App().into_any());
    settle().await;
    Mounted { root, _handle: handle }
}

/// The whole library, as `build.rs` wrote it from `content/` (the served reader fetches it
/// page by page; these tests hold all of it, as the one-file build does).
const LIBRARY: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/library.bin"));

/// The library as the tests see it.
pub fn library() -> reader::library::Part {
    reader::library::Part::from_bytes(LIBRARY).expect("build.rs writes a library this reader reads")
}

/// Puts the whole library in the app's store and its search index in the page (as the
/// one-file build does), once.
fn load_library() {
    if !reader::library::has_everything() {
        let library = library();
        let (dictionary, shards) = library.search_index().to_shards(usize::MAX);
        reader::library::merge(library);
        let files = js_sys::Array::of1(&js_sys::Uint8Array::from(dictionary.to_bytes().as_slice()));
        for shard in &shards {
            files.push(&js_sys::Uint8Array::from(shard.as_slice()));
        }
        let window = web_sys::window().expect("window");
        js_sys::Reflect::set(&window, &"readerSearchIndex".into(), &files).expect("set readerSearchIndex");
    }
}

/// Lets effects, microtasks and two animation frames run.
pub async fn settle() {
    for _ in 0..3 {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window().expect("window").set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 30).expect("timeout");
        });
        wasm_bindgen_futures::JsFuture::from(promise).await.expect("timer");
    }
}

impl Mounted {
    pub fn all(&self, selector: &str) -> Vec<Element> {
        let list = self.root.query_selector_all(selector).expect("valid selector");
        (0..list.length()).filter_map(|i| list.item(i)?.dyn_into().ok()).collect()
    }

    pub fn one(&self, selector: &str) -> Element {
        self.root.query_selector(selector).expect("valid selector").unwrap_or_else(|| panic!("nothing matches {selector}"))
    }

    pub fn text(&self, selector: &str) -> String {
        self.one(selector).text_content().unwrap_or_default()
    }

    pub fn click(&self, selector: &str) {
        self.one(selector).dyn_into::<HtmlElement>().expect("html element").click();
    }
}

pub fn location_hash() -> String {
    web_sys::window().expect("window").location().hash().expect("hash")
}

pub fn active_element_id() -> String {
    document().active_element().map(|e| e.id()).unwrap_or_default()
}
