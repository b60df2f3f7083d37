//! `/timeline`: the dated events the documents recall and the documents' own dates, in order,
//! each linked to the paragraph that states it, with the words that state it marked; by year,
//! with a list of the years to jump to.

use content_model::{paragraph_label, routes, Event};
use leptos::prelude::*;

use crate::components::page_header::PageHeader;
use crate::library;
use crate::router::{cited_url, href};

#[component]
pub fn TimelinePage() -> impl IntoView {
    crate::head::set_page_description(|| {
        format!("{} dated events the documents recall, in order, each linked to the words that state it.", library::timeline().len())
    });
    let year_of = |event: &'static Event| event.date.get(..4).unwrap_or(event.date.as_str());
    // The first event of each year carries the year (shown above it) and its anchor, which the
    // list of years at the top jumps to. One list, not a section a year: nested lists of views
    // cost the wasm about 1.6 KB brotli more.
    let mut years: Vec<&'static str> = library::timeline().iter().map(year_of).collect();
    years.dedup();
    // Written as one string (years are digits from the content's dates): a view per link cost
    // the wasm about 200 B more.
    let jumps: String =
        years.iter().map(|year| format!(r#"<li><a href="{}">{year}</a></li>"#, href(&format!("{}#y-{year}", routes::TIMELINE)))).collect();
    let mut last_year = "";
    view! {
        <PageHeader title="Timeline" lede="What happened when, as the documents tell it; each event links to the words it comes from."/>
        <nav class="timeline-years" aria-label="Years">
            <ul inner_html=jumps></ul>
        </nav>
        <ol class="timeline">
            {library::timeline().iter().filter_map(|e| Some((e, library::entry(e.doc)?))).map(|(event, doc)| {
                let (target, place) = match event.paragraph {
                    0 => (doc.path(), doc.title.to_string()),
                    n => (cited_url(&doc.path(), &event.quote, n), format!("{} ¶{}", doc.title, paragraph_label(n))),
                };
                let year = year_of(event);
                let first = std::mem::replace(&mut last_year, year) != year;
                view! {
                    <li class="timeline-event" id=first.then(|| format!("y-{year}")) data-year=first.then_some(year)>
                        <span class="timeline-when">{event.when.as_str()}</span>
                        <span class="timeline-label">{event.label.as_str()}</span>
                        <a class="timeline-source" href=href(&target)>{place}</a>
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}
