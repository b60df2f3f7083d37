//! Thin wrappers over the DOM calls the app makes by hand. Every one tolerates a missing
//! window, element or permission: the reader keeps working without them.

use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};

/// The name shown after every page title.
pub const SITE_NAME: &str = "Security Policy Reader";

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// Sets `document.title` to "<page> · <site>".
pub fn set_page_title(page: &str) {
    if let Some(doc) = document() {
        doc.set_title(&format!("{page} · {SITE_NAME}"));
    }
}

pub fn page_title() -> String {
    document().map(|d| d.title()).unwrap_or_default()
}

pub fn element_by_id(id: &str) -> Option<HtmlElement> {
    document()?.get_element_by_id(id)?.dyn_into().ok()
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
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, y);
    }
}

/// The current URL's fragment without its `#`.
pub fn current_hash() -> String {
    let raw = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
    raw.strip_prefix('#').unwrap_or(&raw).to_string()
}

/// Sets the URL's fragment (a fragment navigation: history entry, `hashchange`).
pub fn set_hash(id: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash(id);
    }
}

/// The current URL with its fragment replaced by `id`.
pub fn url_with_hash(id: &str) -> String {
    let href = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    let base = href.split('#').next().unwrap_or_default();
    format!("{base}#{id}")
}

/// Copies `text` to the clipboard where the browser allows it (secure contexts).
pub fn copy_to_clipboard(text: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.navigator().clipboard().write_text(text);
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
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
    web_sys::window().and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten()).is_some_and(|m| m.matches())
}

/// Sets `data-theme` on `<html>`, which the stylesheet keys its colours on.
pub fn set_root_theme(theme: &str) {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("data-theme", theme);
    }
}
