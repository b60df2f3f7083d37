//! The reader: a Leptos app that shows the bundled documents. Every page is pre-rendered to
//! HTML at build time (`src/bin/prerender.rs`, feature `ssr`); in the browser the wasm
//! (feature `hydrate`) takes over the page it finds, or renders the page itself where it
//! finds none (the one-file build, a host that answers every path with one page).
//!
//! `library` holds the documents this page has fetched (the wasm holds none), `corpus_search` their search
//! index, `app` the shell, `router` the URL as a signal, `pages` one module per route,
//! `components` the pieces pages share, `head` each page's title and description, and
//! `browser` the few direct DOM calls (title, focus, scrolling, storage, clipboard) kept in
//! one place.

// Hydration's async views nest deeply (the search page's layout needs more than 128 levels).
#![recursion_limit = "256"]

#[cfg(all(feature = "ssr", feature = "hydrate"))]
compile_error!(
    "the features `ssr` and `hydrate` build different programs: build the pre-renderer with `--no-default-features --features ssr`"
);

// Talc in place of Rust's default allocator for WebAssembly (dlmalloc): a few KB smaller, which
// every first visit downloads, and faster.
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub mod app;
pub mod browser;
pub mod components;
pub mod corpus_search;
pub mod head;
pub mod library;
pub mod pages;
pub mod router;
pub mod search_engine;

thread_local! {
    static HYDRATING_ROUTE: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// The path the pre-rendered page being taken over was rendered for (`/404` for the page
/// a host serves at an unknown URL), or `None` when the app renders from scratch. While the
/// app takes a page over, its first render must be what the pre-renderer rendered (that
/// path alone, nothing remembered in the browser); the rest comes in effects, which run
/// once the page is taken over.
pub fn hydrating_route() -> Option<String> {
    HYDRATING_ROUTE.with(|r| r.borrow().clone())
}

/// Starts the app: reads the data the page carries (`<script id="page-data">`), then takes
/// over the pre-rendered page when it is the page of this URL, else renders into an emptied
/// `<body>`. Marks `<html data-app="ready">` once events are live.
#[cfg(feature = "hydrate")]
pub fn start() {
    // Panic messages in the console help in development; release builds abort without them,
    // which keeps formatting machinery out of the wasm.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    components::theme_toggle::apply_saved_theme();
    // The one-file build carries the whole library in the page.
    if let Some(part) = browser::embedded_library().and_then(|bytes| library::Part::from_bytes(&bytes).ok()) {
        library::merge(part);
    }
    let body = browser::window().and_then(|w| w.document()?.body());
    let attribute = |name: &str| body.as_ref().and_then(|b| b.get_attribute(name));
    let rendered = attribute("data-route");
    library::set_data_files(attribute("data-manifest"), attribute("data-search"));
    let here = router::Page::canonical(&router::Location::current().path);
    // The host's not-found page, served at an unknown URL, is that URL's page.
    if rendered.as_deref() == Some(content_model::routes::NOT_FOUND) {
        library::mark_absent(&here);
    }
    let take_over = rendered.as_deref().is_some_and(|route| route == here || route == content_model::routes::NOT_FOUND);
    if take_over {
        if let Some(text) = browser::element_by_id("page-data").and_then(|e| e.text_content()) {
            let decoded = content_model::text_form::decode(&text).and_then(|bytes| library::Part::from_bytes(&bytes).ok());
            let Some(part) = decoded else {
                // The page reads as rendered; without its data it cannot be taken over.
                leptos::logging::warn!("The reader could not read this page's data; the page stays as it is, without its controls.");
                return;
            };
            library::merge(part);
        }
        HYDRATING_ROUTE.with(|r| r.replace(rendered));
        leptos::mount::hydrate_body(app::App);
    } else {
        // A page of another route (a host that serves one page for every path, the offline
        // fallback): rendered anew rather than taken over.
        if let (Some(body), Some(_)) = (&body, rendered) {
            body.set_inner_html("");
        }
        leptos::mount::mount_to_body(app::App);
    }
    browser::mark_app_ready();
}
