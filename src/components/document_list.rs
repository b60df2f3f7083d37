//! The list of every document with its kind, date, reading time and opening.

use leptos::prelude::*;

use crate::content::{Document, DOCUMENTS};
use crate::router::href;

#[component]
pub fn DocumentList() -> impl IntoView {
    view! {
        <ol class="doc-list">
            {DOCUMENTS.iter().map(|doc| view! {
                <li class="doc-card">
                    <h2 class="doc-card-title"><a href=href(&doc.path())>{doc.title}</a></h2>
                    <DocumentMeta doc=doc/>
                    <p class="doc-card-summary">{doc.summary}</p>
                </li>
            }).collect_view()}
        </ol>
    }
}

/// One line of facts about a document: kind, date, place, reading time.
#[component]
pub fn DocumentMeta(doc: &'static Document) -> impl IntoView {
    view! {
        <p class="doc-meta">
            <span class="doc-kind">{doc.kind.label()}</span>
            {doc.date.map(|d| view! { " · " <time datetime=d.iso>{d.display}</time> })}
            {doc.place.map(|p| view! { " · " <span>{p}</span> })}
            " · " {format!("{} min read", doc.reading_minutes)}
        </p>
    }
}
