//! Renders every page of the reader to HTML at build time, with the app's own components
//! (Leptos `ssr`), so each page reads before and without the wasm, which then takes it over
//! (Leptos `hydrate`); and writes the data files the app fetches.
//!
//!     cargo run --no-default-features --features ssr --bin prerender -- BASE SITE_DIR > pages.jsonl
//!     cargo run --no-default-features --features ssr --bin prerender -- --one-file DIR
//!
//! BASE is the path the site is served under ("/" or "/reader/"). Writes under SITE_DIR/data/
//! each route's part, the search index (its dictionary and shards, `data/search/`) and the
//! list of routes, each named by its content (`data/<route>.<hash>.bin`), and prints one JSON object a line per page: `path` (the app
//! path), `file` (where the build writes it, relative to the site), `title`, `description`
//! (absent for pages without one), `kind` ("article" for a document, else "website"), `part`
//! (its data file, absent for pages that need none), `data` (that file's bytes in
//! `content_model::text_form`, for the page to carry), `manifest` (the list of routes),
//! `citation` (a document's citation data, for its head) and `body` (the markup that goes
//! inside `<body>`). `scripts/finish-build.mjs` puts each body
//! into the built shell and writes the files. Each page is rendered twice, from the whole
//! library and from its part alone, and the build stops if the two differ: a part must hold
//! everything its page shows, or the take-over would find another page.
//!
//! `--one-file DIR` only writes the whole library as `DIR/library.bin` and the search index as
//! `DIR/search-0.bin` (its dictionary) and `DIR/search-1.bin` (its one shard), which the
//! one-file build embeds.

use std::hash::{Hash, Hasher};
use std::path::Path;
use std::sync::Arc;

use content_model::{Manifest, Part, Route};
use leptos::prelude::*;
use leptos::serde_json::json;
use reader::router::{prerender_at, Page};

/// Postings per search shard, about (before compression): a query of a few words fetches a few
/// shards of this size besides the dictionary.
const SHARD_BYTES: usize = 16 * 1024;

/// The whole library, as `build.rs` wrote it from the content folder.
const LIBRARY: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/library.bin"));

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

/// Writes `bytes` as `SITE_DIR/data/<stem>.<hash>.bin` and returns that name, relative to the site.
fn write_data(site: &Path, stem: &str, bytes: &[u8]) -> String {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut hasher);
    let name = format!("data/{stem}.{:016x}.bin", hasher.finish());
    let file = site.join(&name);
    std::fs::create_dir_all(file.parent().expect("data files sit in a folder")).expect("the site folder is writable");
    std::fs::write(&file, bytes).expect("the site folder is writable");
    name
}

/// Writes the search index's shards and then its dictionary, which names them and each
/// document's data file; returns the dictionary's file.
fn write_search_index(site: &Path, library: &Part, document_files: Vec<String>) -> String {
    let (mut dictionary, shards) = library.search_index().to_shards(SHARD_BYTES);
    dictionary.shard_files = shards.iter().enumerate().map(|(n, bytes)| write_data(site, &format!("search/{n}"), bytes)).collect();
    dictionary.document_files = document_files;
    write_data(site, "search/dictionary", &dictionary.to_bytes())
}

/// What a document page's head tells reference managers (Highwire Press `citation_*` tags and
/// schema.org JSON-LD, written by `scripts/finish-build.mjs`): only what its front matter says.
fn citation(doc: &content_model::Document) -> leptos::serde_json::Value {
    json!({
        "title": doc.title, "kind": doc.kind.label(), "date": doc.date.as_ref().map(|d| &d.iso), "place": doc.place,
        "author": doc.citation.author, "issuedBy": doc.citation.issued_by, "publisher": doc.citation.publisher,
        "url": doc.citation.url, "summary": doc.summary,
    })
}

fn fail(message: String) -> ! {
    eprintln!("prerender: {message}");
    std::process::exit(1);
}

fn main() {
    let library = Part::from_bytes(LIBRARY).unwrap_or_else(|e| fail(format!("the library build.rs wrote: {e}")));
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, dir] = args.as_slice() {
        if flag == "--one-file" {
            let dir = Path::new(dir);
            let write = |name: &str, bytes: &[u8]| std::fs::write(dir.join(name), bytes).unwrap_or_else(|e| fail(format!("{name}: {e}")));
            write("library.bin", LIBRARY);
            let (dictionary, shards) = library.search_index().to_shards(usize::MAX);
            write("search-0.bin", &dictionary.to_bytes());
            for (n, shard) in shards.iter().enumerate() {
                write(&format!("search-{}.bin", n + 1), shard);
            }
            return;
        }
    }
    let [base, site] = args.as_slice() else { fail("usage: prerender BASE SITE_DIR | prerender --library FILE".to_string()) };
    let site = Path::new(site);

    let mut manifest = Manifest::default();
    let mut parts = std::collections::HashMap::new();
    let mut document_files = vec![String::new(); library.documents.len()];
    for route in library.routes() {
        let path = library.path_of(route).unwrap_or_else(|| fail(format!("no path for {route:?}")));
        let stem = if path == "/" { "index".to_string() } else { path.trim_start_matches('/').to_string() };
        let part = library.for_route(route);
        let bytes = part.to_bytes();
        let file = write_data(site, &stem, &bytes);
        if let Route::Document(doc) = route {
            match document_files.get_mut(doc as usize) {
                Some(slot) => *slot = file.clone(),
                None => fail(format!("document {doc} of {} is out of order", library.documents.len())),
            }
        }
        manifest.routes.push((path.clone(), file.clone()));
        parts.insert(path, (part, file, content_model::text_form::encode(&bytes)));
    }
    manifest.search = write_search_index(site, &library, document_files);
    let manifest_file = write_data(site, "routes", &manifest.to_bytes());

    let citations: std::collections::HashMap<String, leptos::serde_json::Value> =
        library.documents.iter().map(|(_, doc)| (doc.path(), citation(doc))).collect();
    reader::library::merge(library);
    let mut out = String::new();
    let mut checks = Vec::new();
    for page in Page::all() {
        let path = page.path();
        let (body, head) = render(base, &path);
        let part = parts.get(&path);
        checks.push((path.clone(), body.clone(), part.map(|(p, _, _)| p.clone())));
        let title = reader::browser::full_title(head.title.as_deref().unwrap_or(reader::browser::SITE_NAME));
        let kind = if matches!(page, Page::Document(_)) { "article" } else { "website" };
        let line = json!({
            "path": path, "file": file_of(&path), "title": title, "description": head.description, "kind": kind,
            "part": part.map(|(_, file, _)| file), "data": part.map(|(_, _, text)| text), "manifest": manifest_file, "search": manifest.search, "body": body,
            "citation": citations.get(&path),
        });
        out.push_str(&line.to_string());
        out.push('\n');
    }
    // What the browser will have when it takes each page over: that page's part, nothing else.
    for (path, full, part) in checks {
        reader::library::clear();
        if let Some(part) = part {
            reader::library::merge(part);
        }
        let (alone, _) = render(base, &path);
        if alone != full {
            let at = full.bytes().zip(alone.bytes()).position(|(a, b)| a != b).unwrap_or(full.len().min(alone.len()));
            let context = |s: &str| s.get(at.saturating_sub(80)..(at + 80).min(s.len())).unwrap_or_default().to_string();
            fail(format!(
                "the page {path} renders differently from its data file alone, so the app could not take it over:\n  whole library: …{}…\n  its part:      …{}…",
                context(&full),
                context(&alone)
            ));
        }
    }
    print!("{out}");
}
