//! The pages that are a heading and fixed text: any path the reader does not know, and "My
//! notes" (whose list public/notes.js fills from this browser's storage, with its export,
//! import and deletion; the app carries none of that code). One component serves both, so
//! they share one variant of the app's page enum: each variant costs the wasm about 800 B
//! brotli, since the enum's rebuild handles every pair of variants.

use content_model::routes;
use leptos::prelude::*;

use crate::browser;
use crate::components::escape;
use crate::router::{href, use_location};

/// "My notes" when `notes`, else "Page not found".
#[component]
pub fn TextPage(notes: bool) -> impl IntoView {
    let location = use_location();
    let running = crate::app::app_running();
    let (title, body) = if notes { ("My notes", NOTES_SECTION.to_string()) } else { ("Page not found", not_found_body()) };
    browser::set_page_title(title);
    // The pre-rendered page (404.html) answers every unknown path, so it names none; the app,
    // once running, names the path (a line of its own, so that moves nothing below it).
    let first_line = move || match (notes, running.get()) {
        (true, _) => "Your highlights and notes, by document. They are kept only in this browser: nothing leaves this device.".to_string(),
        (false, true) => {
            format!("There is no page at <code class=\"not-found-path\">{}</code>.", escape(&location.with(|l| l.display_path())))
        }
        (false, false) => "There is no page at this address.".to_string(),
    };
    view! {
        <h1 tabindex="-1">{title}</h1>
        <p class:lede=notes inner_html=first_line></p>
        <div class:my-notes=notes inner_html=body></div>
    }
}

/// What "My notes" says before public/notes.js lists the notes, and where scripts do not run.
const NOTES_SECTION: &str = "<p class=\"notes-status\">To keep a highlight or a note, select words in a document and choose \
Highlight. Notes need JavaScript, and stay in the browser that made them.</p>";

/// The way back, and ways into the library that hold at any size (the list of documents may
/// be long).
fn not_found_body() -> String {
    format!(
        "<p>The address may be mistyped, or the document may have moved.</p><p><a href=\"{}\">Go to the list of documents</a></p>\
<p>Or look a word up in the <a href=\"{}\">glossary</a>, a name in the <a href=\"{}\">index of names</a>, or a date on the \
<a href=\"{}\">timeline</a>.</p>",
        href("/"),
        href(routes::GLOSSARY),
        href(routes::ENTITIES),
        href(routes::TIMELINE)
    )
}
