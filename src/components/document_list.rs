//! The catalogue's list of documents with their kind, date, reading time and opening.

use leptos::prelude::*;

use crate::library::{self, DocEntry};
use crate::router::href;

/// The documents of the catalogue's page `page` (from 0) of `pages`, and links to the pages
/// before and after.
#[component]
pub fn DocumentList(page: u32, pages: u32) -> impl IntoView {
    let first = page * content_model::CATALOGUE_PAGE_SIZE;
    view! {
        <ol class="doc-list">
            {library::entries(first..first + content_model::CATALOGUE_PAGE_SIZE).into_iter().map(|doc| view! {
                <li class="doc-card">
                    <h2 class="doc-card-title"><a href=href(&doc.path())>{doc.title.as_str()}</a></h2>
                    <DocumentMeta doc=doc/>
                    <p class="doc-card-summary">{doc.summary.as_str()}</p>
                </li>
            }).collect_view()}
        </ol>
        <nav class="pages" aria-label="Pages of the list of documents" inner_html=page_links(page, pages)></nav>
    }
}

/// "← Previous page · Page 2 of 8 · Next page →", as markup (nothing when there is one page;
/// CSS hides the empty list). A string because views for the two optional links cost the wasm
/// 2 KB brotli; the router follows these links like any other.
fn page_links(page: u32, pages: u32) -> String {
    if pages < 2 {
        return String::new();
    }
    let link =
        |to: u32, rel: &str, label: &str| format!(r#"<a href="{}" rel="{rel}">{label}</a>"#, href(&content_model::catalogue_path(to)));
    let previous = if page > 0 { link(page - 1, "prev", "← Previous page") } else { String::new() };
    let next = if page + 1 < pages { link(page + 1, "next", "Next page →") } else { String::new() };
    format!(r#"{previous}<span aria-current="page">Page {} of {pages}</span>{next}"#, page + 1)
}

/// One line of facts about a document: kind, date, place, reading time.
#[component]
pub fn DocumentMeta(doc: &'static DocEntry) -> impl IntoView {
    view! {
        <p class="doc-meta">
            <span class="doc-kind">{doc.kind.label()}</span>
            {doc.date.as_ref().map(|d| view! { " · " <time datetime=d.iso.as_str()>{d.display.as_str()}</time> })}
            {doc.place.as_deref().map(|p| view! { " · " <span>{p}</span> })}
            " · " {format!("{} min read", doc.reading_minutes)}
        </p>
    }
}
