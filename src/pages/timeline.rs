//! `/timeline`: the dated events the documents recall and the documents' own dates, in order,
//! each linked to the paragraph that states it, with the words that state it marked.

use leptos::prelude::*;

use crate::components::page_header::PageHeader;
use crate::library;
use crate::router::{cited_url, href};

#[component]
pub fn TimelinePage() -> impl IntoView {
    crate::head::set_page_description(|| {
        format!("{} dated events the documents recall, in order, each linked to the words that state it.", library::timeline().len())
    });
    view! {
        <PageHeader title="Timeline" lede="What happened when, as the documents tell it; each event links to the words it comes from."/>
        <ol class="timeline">
            {library::timeline().iter().filter_map(|e| Some((e, library::entry(e.doc)?))).map(|(event, doc)| {
                let (target, place) = match event.paragraph {
                    0 => (doc.path(), doc.title.to_string()),
                    n => (cited_url(&doc.path(), &event.quote, n), format!("{} ¶{n}", doc.title)),
                };
                view! {
                    <li class="timeline-event">
                        <span class="timeline-when">{event.when.as_str()}</span>
                        <span class="timeline-label">{event.label.as_str()}</span>
                        <a class="timeline-source" href=href(&target)>{place}</a>
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}
