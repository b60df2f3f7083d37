//! `/` and `/documents/N`: the catalogue, 50 documents a page, with the ways across the
//! documents (glossary, names, timeline) and reading offline.

use content_model::routes;
use leptos::prelude::*;

use crate::components::document_list::DocumentList;
use crate::components::page_header::PageHeader;
use crate::library;
use crate::router::href;

/// The catalogue's page `page` (from 0).
#[component]
pub fn HomePage(page: u32) -> impl IntoView {
    let counts = library::counts();
    let pages = content_model::catalogue_pages(counts.documents);
    view! {
        <PageHeader
            title="Documents"
            lede="Official texts on countering terrorism and organised crime, shown as published. Every paragraph can be linked to and cited."
            window_title=(page > 0).then(|| format!("Documents, page {} of {pages}", page + 1))
        />
        <section class="resume" aria-labelledby="resume-title" hidden inner_html=RESUME_SECTION></section>
        <DocumentList page=page pages=pages/>
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
}

/// "Continue reading": where the reader left each document, kept in this browser only. Filled,
/// shown and cleared by public/register-sw.js, which notes the place as the reader scrolls; markup
/// the app never changes (see [`OFFLINE_SECTION`]).
const RESUME_SECTION: &str = concat!(
    r#"<h2 id="resume-title">Continue reading</h2><ul class="resume-list"></ul>"#,
    r#"<p class="resume-note">Kept only in this browser. <button type="button" data-action="forget-places">Forget these places</button></p>"#,
);

/// "Reading offline": the way to keep the whole library for offline reading. Shown only where
/// a service worker can serve it (register-sw.js marks `<html data-offline>`), and worked by
/// public/save-offline.js, loaded on the first click. Markup the app never changes, so it is
/// one string: elements built one by one would cost the wasm about half a kilobyte more.
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
