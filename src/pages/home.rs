//! `/`, `/documents/N` and the shelves (`/documents/kind/speech`, ...): the catalogue, 50
//! documents a page, with its orders and shelves, the ways across the documents (glossary,
//! names, timeline) and reading offline.

use content_model::routes;
use leptos::prelude::*;

use crate::components::document_list::DocumentList;
use crate::components::page_header::PageHeader;
use crate::components::{count, escape, link_html};
use crate::library::{self, Listing};
use crate::router::href;

/// The catalogue page at `index` in the store: a page of the whole catalogue, in one of its
/// orders, or of a shelf (the documents of one kind, year, issuer or place).
#[component]
pub fn HomePage(index: u32) -> impl IntoView {
    let counts = library::counts();
    library::listing(index).map(|listing| {
        let whole = listing.base == "/";
        let lede = if whole {
            "Official texts on countering terrorism and organised crime, shown as published. Every paragraph can be linked to and cited."
        } else {
            // Kept for the page's life, like the listing itself: ledes are static text elsewhere.
            Box::leak(count(listing.total as usize, "document", "documents").into_boxed_str())
        };
        view! {
            <PageHeader
                title=listing.title.as_str()
                lede=lede
                window_title=(listing.page > 0).then(|| format!("{}, page {} of {}", listing.title, listing.page + 1, listing.pages))
            />
            <section class="resume" aria-labelledby="resume-title" hidden inner_html=RESUME_SECTION></section>
            <nav class="shelves" aria-labelledby="shelves-title" inner_html=shelves(listing)></nav>
            <DocumentList listing=listing/>
            <nav class="explore" aria-labelledby="explore-title">
                <h2 id="explore-title">"Across the documents"</h2>
                <ul>
                    <li><a href=href(routes::GLOSSARY)>{format!("{} acronyms explained", counts.glossary)}</a></li>
                    <li><a href=href(routes::ENTITIES)>{format!("{} organisations, places, people, groups and legal instruments", counts.entities)}</a></li>
                    <li><a href=href(routes::TIMELINE)>{format!("{} dated events", counts.events)}</a></li>
                </ul>
            </nav>
            <OfflineSection/>
        }
    })
}

/// The catalogue's orders and shelves with their counts, the one `listing` belongs to marked:
/// as one string, since a view per link would cost the wasm about 200 B each kind of list.
fn shelves(listing: &Listing) -> String {
    let mut html = String::from(r#"<h2 id="shelves-title">Browse the documents</h2>"#);
    for group in library::shelves() {
        html.push_str(&format!("<div><h3>{}</h3><ul>", escape(&group.heading)));
        for shelf in &group.shelves {
            html.push_str(&format!("<li>{}</li>", link_html(&shelf.base, &shelf.label, shelf.base == listing.base, shelf.count)));
        }
        html.push_str("</ul></div>");
    }
    html
}

/// "Continue reading": where the reader left each document, kept in this browser only. Filled,
/// shown and cleared by public/register-sw.js, which notes the place as the reader scrolls; markup
/// the app never changes (see [`OFFLINE_SECTION`]).
const RESUME_SECTION: &str = concat!(
    r#"<h2 id="resume-title">Continue reading</h2><ul class="resume-list"></ul>"#,
    r#"<p class="resume-note">Kept only in this browser. <button type="button" data-action="forget-places">Forget these places</button></p>"#,
);

/// "Reading offline": the way to keep the whole library for offline reading. Shown only where
/// a service worker can serve it (the page's head script marks `<html data-offline>` before the
/// first paint), and worked by public/save-offline.js, loaded on the first click. Markup the app
/// never changes, so it is one string: elements built one by one would cost the wasm about half a
/// kilobyte more.
const OFFLINE_SECTION: &str = concat!(
    r#"<h2 id="offline-title">Reading offline</h2>"#,
    "<p>Every page you open stays readable without a network. To take the whole library with you, search included, save it once.</p>",
    r#"<p><button type="button" data-action="save">Save every document for offline</button> "#,
    r#"<button type="button" data-action="cancel" hidden>Cancel</button></p>"#,
    r#"<progress hidden></progress><p class="offline-status" role="status"></p>"#,
);

#[component]
fn OfflineSection() -> impl IntoView {
    view! { <section class="offline" aria-labelledby="offline-title" inner_html=OFFLINE_SECTION></section> }
}
