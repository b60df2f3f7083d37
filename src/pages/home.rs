//! `/`: the list of documents, and the ways across them (glossary, names, timeline).

use leptos::prelude::*;

use crate::browser;
use crate::components::document_list::DocumentList;
use crate::library;
use crate::router::href;

#[component]
pub fn HomePage() -> impl IntoView {
    browser::set_page_title("Documents");
    let counts = library::counts();
    view! {
        <h1 tabindex="-1">"Documents"</h1>
        <p class="lede">"Official texts on countering terrorism and organised crime, shown as published. Every paragraph can be linked to and cited."</p>
        <DocumentList/>
        <nav class="explore" aria-labelledby="explore-title">
            <h2 id="explore-title">"Across the documents"</h2>
            <ul>
                <li><a href=href("/glossary")>{format!("{} acronyms explained", counts.glossary)}</a></li>
                <li><a href=href("/entities")>{format!("{} organisations, places, people, groups and legal instruments", counts.entities)}</a></li>
                <li><a href=href("/timeline")>{format!("{} dated events", counts.events)}</a></li>
            </ul>
        </nav>
    }
}
