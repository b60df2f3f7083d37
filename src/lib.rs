//! The reader: a Leptos client-side app that shows the bundled documents.
//!
//! `content` holds the documents (generated at build time), `corpus_search` their search
//! index, `app` the shell and router,
//! `router` the URL as a signal, `pages` one module per route, `components` the pieces pages share, and `browser` the few
//! direct DOM calls (title, focus, scrolling, storage, clipboard) kept in one place.

pub mod app;
pub mod browser;
pub mod components;
pub mod content;
pub mod corpus_search;
pub mod pages;
pub mod router;

/// Starts the app in the page's `<body>`.
pub fn start() {
    // Panic messages in the console help in development; release builds abort without them,
    // which keeps formatting machinery out of the wasm.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    components::theme_toggle::apply_saved_theme();
    leptos::mount::mount_to_body(app::App);
}
