//! The catalogue's list of documents with their kind, date, reading time and opening.

use leptos::prelude::*;

use content_model::page_path;

use crate::library::{self, DocEntry, Listing};
use crate::router::href;

/// The documents of a catalogue page, and links to the pages before and after.
#[component]
pub fn DocumentList(listing: &'static Listing) -> impl IntoView {
    view! {
        <ol class="doc-list">
            {listing.docs.iter().filter_map(|i| library::entry(*i)).map(|doc| view! {
                <li class="doc-card">
                    <h2 class="doc-card-title"><a href=href(&doc.path())>{doc.title.as_str()}</a></h2>
                    <DocumentMeta doc=doc/>
                    <p class="doc-card-summary">{doc.summary.as_str()}</p>
                </li>
            }).collect_view()}
        </ol>
        <nav class="pages" aria-label="Pages of the list of documents" inner_html=page_links(listing)></nav>
    }
}

/// "← Previous page · Page 2 of 8 · Next page →", as markup (nothing when there is one page;
/// CSS hides the empty list). A string because views for the two optional links cost the wasm
/// 2 KB brotli; the router follows these links like any other.
fn page_links(listing: &Listing) -> String {
    let (page, pages) = (listing.page, listing.pages);
    if pages < 2 {
        return String::new();
    }
    let link = |to: u32, rel: &str, label: &str| format!(r#"<a href="{}" rel="{rel}">{label}</a>"#, href(&page_path(&listing.base, to)));
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
