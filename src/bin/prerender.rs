//! Renders every page of the reader to HTML at build time, with the app's own components
//! (Leptos `ssr`), so each page reads before and without the wasm, which then takes it over
//! (Leptos `hydrate`).
//!
//!     cargo run --no-default-features --features ssr --bin prerender -- BASE > pages.jsonl
//!
//! BASE is the path the site is served under ("/" or "/reader/"). Prints one JSON object a
//! line per page: `path` (the app path), `file` (where the build writes it, relative to the
//! site), `title`, `description` (absent for pages without one), `kind` ("article" for a
//! document, else "website") and `body` (the markup that goes inside `<body>`).
//! `scripts/finish-build.mjs` puts each body into the built shell and writes the files.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::serde_json::json;
use reader::router::{prerender_at, Page};

/// The page file of an app path: `/` is `index.html`, `/entities/x` is `entities/x.html`.
fn file_of(path: &str) -> String {
    match path.trim_matches('/') {
        "" => "index.html".to_string(),
        route => format!("{route}.html"),
    }
}

/// The markup of the page at `path`, rendered as the browser's first render will be.
fn render(base: &str, path: &str) -> (String, reader::head::PageHead) {
    prerender_at(base, path);
    // A server-side context tells Leptos there is no window: listeners and the like stay off.
    let owner = Owner::new_root(Some(Arc::new(hydration_context::SsrSharedContext::new())));
    let body = owner.with(|| view! { <reader::app::App/> }.to_html());
    drop(owner);
    (body, reader::head::take())
}

fn main() {
    let base = std::env::args().nth(1).unwrap_or_else(|| "/".to_string());
    let mut out = String::new();
    for page in Page::all() {
        let path = page.path();
        let (body, head) = render(&base, &path);
        let title = reader::browser::full_title(head.title.as_deref().unwrap_or(reader::browser::SITE_NAME));
        let kind = if matches!(page, Page::Document(_)) { "article" } else { "website" };
        let line =
            json!({ "path": path, "file": file_of(&path), "title": title, "description": head.description, "kind": kind, "body": body });
        out.push_str(&line.to_string());
        out.push('\n');
    }
    print!("{out}");
}
