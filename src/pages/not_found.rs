//! Any path the reader does not know: says so and offers the way back.

use content_model::routes;
use leptos::either::Either;
use leptos::prelude::*;

use crate::browser;
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
        // A line of its own, so naming the path once the app runs moves nothing below it.
        <p>
            {move || match path() {
                Some(path) => Either::Left(view! { "There is no page at " <code class="not-found-path">{path}</code> "." }),
                None => Either::Right("There is no page at this address."),
            }}
        </p>
        <p>"The address may be mistyped, or the document may have moved."</p>
        <p><a href=href("/")>"Go to the list of documents"</a></p>
        // Ways into the library that hold at any size (the list of documents may be long).
        <p>"Or look a word up in the " <a href=href(routes::GLOSSARY)>"glossary"</a> ", a name in the "
            <a href=href(routes::ENTITIES)>"index of names"</a> ", or a date on the " <a href=href(routes::TIMELINE)>"timeline"</a> "."</p>
    }
}
