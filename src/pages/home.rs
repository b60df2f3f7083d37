//! `/`: the list of documents.

use leptos::prelude::*;

use crate::browser;
use crate::components::document_list::DocumentList;

#[component]
pub fn HomePage() -> impl IntoView {
    browser::set_page_title("Documents");
    view! {
        <h1 tabindex="-1">"Documents"</h1>
        <p class="lede">"Official texts on countering terrorism and organised crime, shown as published. Every paragraph can be linked to and cited."</p>
        <DocumentList/>
    }
}
