//! Any path the reader does not know: says so and offers the way back.

use leptos::prelude::*;

use crate::browser;
use crate::components::document_list::DocumentList;
use crate::router::{href, use_location};

#[component]
pub fn NotFoundPage() -> impl IntoView {
    browser::set_page_title("Page not found");
    let path = use_location().with_untracked(|l| l.display_path());
    view! {
        <h1 tabindex="-1">"Page not found"</h1>
        <p>"There is no page at " <code class="not-found-path">{path}</code> ". The address may be mistyped, or the document may have moved."</p>
        <p><a href=href("/")>"Go to the list of documents"</a></p>
        <p>"Or open one of the documents:"</p>
        <DocumentList/>
    }
}
