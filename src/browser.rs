//! Thin wrappers over the DOM calls the app makes by hand. Every one tolerates a missing
//! window, element or permission: the reader keeps working without them. When the pages are
//! pre-rendered (natively, with the `ssr` feature) there is no window at all: [`window`] is
//! `None` there, so no DOM call can run (a web-sys call off wasm would panic).

use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};

/// The name shown after every page title.
pub const SITE_NAME: &str = "Security Policy Reader";

/// The browser window; `None` off wasm (the pre-renderer) and where there is none.
pub fn window() -> Option<web_sys::Window> {
    if cfg!(target_arch = "wasm32") {
        web_sys::window()
    } else {
        None
    }
}

fn document() -> Option<web_sys::Document> {
    window()?.document()
}

/// The full title of a page: "Page · Site".
pub fn full_title(page: &str) -> String {
    format!("{page} · {SITE_NAME}")
}

/// Sets the page's title ("Page · Site"): `document.title` in the browser, the page
/// file's `<title>` when pre-rendering (see [`crate::head`]).
pub fn set_page_title(page: &str) {
    crate::head::record_title(page);
    if let Some(doc) = document() {
        doc.set_title(&full_title(page));
    }
}

/// Removes the landing page's citation data from the head (its `citation_*` tags and JSON-LD,
/// written by the build): once the app shows another page they would describe the wrong one.
pub fn forget_landing_citation() {
    let Some(found) = document().and_then(|d| d.query_selector_all(r#"meta[name^="citation_"], script[type="application/ld+json"]"#).ok())
    else {
        return;
    };
    for i in 0..found.length() {
        if let Some(el) = found.item(i).and_then(|node| node.dyn_into::<web_sys::Element>().ok()) {
            el.remove();
        }
    }
}

pub fn page_title() -> String {
    document().map(|d| d.title()).unwrap_or_default()
}

pub fn element_by_id(id: &str) -> Option<HtmlElement> {
    document()?.get_element_by_id(id)?.dyn_into().ok()
}

/// The words in the text field `id`, if any, and whether it has focus.
pub fn typed_into(id: &str) -> Option<(String, bool)> {
    let field: web_sys::HtmlInputElement = document()?.get_element_by_id(id)?.dyn_into().ok()?;
    let words = field.value();
    let focused = document()?.active_element().is_some_and(|el| el == **field);
    (!words.is_empty()).then_some((words, focused))
}

/// Focuses an element without scrolling to it (the caller scrolls as it wants).
pub fn focus_quietly(el: &HtmlElement) {
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = el.focus_with_options(&options);
}

/// Scrolls `el` to the top of the viewport, without animation.
pub fn scroll_to_element(el: &HtmlElement) {
    let options = ScrollIntoViewOptions::new();
    options.set_block(ScrollLogicalPosition::Start);
    options.set_behavior(ScrollBehavior::Instant);
    el.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Scrolls the page to `y` pixels from the top.
pub fn scroll_to(y: f64) {
    if let Some(w) = window() {
        w.scroll_to_with_x_and_y(0.0, y);
    }
}

/// The current URL's fragment without its `#`.
pub fn current_hash() -> String {
    let raw = window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
    raw.strip_prefix('#').unwrap_or(&raw).to_string()
}

/// Sets the URL's fragment (a fragment navigation: history entry, `hashchange`).
pub fn set_hash(id: &str) {
    if let Some(w) = window() {
        let _ = w.location().set_hash(id);
    }
}

/// The current URL with its fragment replaced by `id`.
pub fn url_with_hash(id: &str) -> String {
    let href = window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    let base = href.split('#').next().unwrap_or_default();
    format!("{base}#{id}")
}

/// Sets the attribute `name` on the element `target`, afresh: a style it starts (an animation)
/// runs again each time.
pub fn flag_again(target: Option<web_sys::EventTarget>, name: &str) {
    if let Some(el) = target.and_then(|t| t.dyn_into::<HtmlElement>().ok()) {
        let _ = el.remove_attribute(name);
        let _ = el.offset_width(); // a reflow between, so the style starts over
        let _ = el.set_attribute(name, "");
    }
}

/// Copies `text` to the clipboard where the browser allows it (secure contexts).
pub fn copy_to_clipboard(text: &str) {
    if let Some(w) = window() {
        let _ = w.navigator().clipboard().write_text(text);
    }
}

fn storage() -> Option<web_sys::Storage> {
    window()?.local_storage().ok().flatten()
}

pub fn load_setting(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

pub fn save_setting(key: &str, value: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(key, value);
    }
}

/// Whether the system asks for a dark colour scheme.
pub fn system_prefers_dark() -> bool {
    window().and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten()).is_some_and(|m| m.matches())
}

/// Sets `data-theme` on `<html>`, which the stylesheet keys its colours on.
pub fn set_root_theme(theme: &str) {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("data-theme", theme);
    }
}

/// Marks `<html data-app="ready">`: the app is running and handles events (tests wait for it).
pub fn mark_app_ready() {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("data-app", "ready");
    }
}

/// What the page carries as `window[name]` (the one-file build's library and index).
fn embedded(name: &str) -> Option<wasm_bindgen::JsValue> {
    let window: wasm_bindgen::JsValue = window()?.into();
    js_sys::Reflect::get(&window, &name.into()).ok()
}

/// The whole library, where the page carries it (`window.readerLibrary`, the one-file build).
pub fn embedded_library() -> Option<Vec<u8>> {
    embedded("readerLibrary")?.dyn_into::<js_sys::Uint8Array>().ok().map(|bytes| bytes.to_vec())
}

/// The search index's files, where the page carries them (`window.readerSearchIndex`, the
/// one-file build): its dictionary, then its shards.
pub fn embedded_search_index() -> Option<Vec<Vec<u8>>> {
    let files = embedded("readerSearchIndex")?.dyn_into::<js_sys::Array>().ok()?;
    files.iter().map(|file| file.dyn_into::<js_sys::Uint8Array>().ok().map(|bytes| bytes.to_vec())).collect()
}
