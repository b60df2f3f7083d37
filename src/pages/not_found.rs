//! Any path the reader does not know: says so and offers the way back.

use leptos::either::Either;
use leptos::prelude::*;

use crate::browser;
use crate::components::document_list::DocumentList;
use crate::router::{href, use_location};

#[component]
pub fn NotFoundPage() -> impl IntoView {
    browser::set_page_title("Page not found");
    let location = use_location();
    let running = crate::app::app_running();
    // The pre-rendered page (404.html) answers every unknown path, so it names none.
    let path = move || running.get().then(|| location.with(|l| l.display_path()));
    view! {
        <h1 tabindex="-1">"Page not found"</h1>
        <p>
            {move || match path() {
                Some(path) => Either::Left(view! { "There is no page at " <code class="not-found-path">{path}</code> "." }),
                None => Either::Right("There is no page at this address."),
            }}
            " The address may be mistyped, or the document may have moved."
        </p>
        <p><a href=href("/")>"Go to the list of documents"</a></p>
        <p>"Or open one of the documents:"</p>
        <DocumentList/>
    }
}
