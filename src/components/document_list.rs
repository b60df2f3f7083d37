//! The list of every document with its kind, date, reading time and opening.

use leptos::prelude::*;

use crate::library::{self, DocEntry};
use crate::router::href;

#[component]
pub fn DocumentList() -> impl IntoView {
    view! {
        <ol class="doc-list">
            {library::entries().into_iter().map(|doc| view! {
                <li class="doc-card">
                    <h2 class="doc-card-title"><a href=href(&doc.path())>{doc.title.as_str()}</a></h2>
                    <DocumentMeta doc=doc/>
                    <p class="doc-card-summary">{doc.summary.as_str()}</p>
                </li>
            }).collect_view()}
        </ol>
    }
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
