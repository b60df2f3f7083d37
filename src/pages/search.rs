//! `/search?q=...`: every matching paragraph, grouped by document, with snippets. The URL is
//! the state, so a results page can be shared and reloaded.

use content_model::routes;
use leptos::either::EitherOf4;
use leptos::prelude::*;
use search::SearchResults;

use crate::browser;
use crate::components::count;
use crate::components::hit_preview::HitPreview;
use crate::corpus_search::{self, hit_url, search_page_url};
use crate::library;
use crate::router::{href, use_location};

/// Paragraphs listed at most.
const MAX_RESULTS: usize = 200;
const SNIPPET_CHARS: usize = 240;

#[component]
pub fn SearchPage() -> impl IntoView {
    let location = use_location();
    let query = Memo::new(move |_| location.with(|l| l.param("q")).unwrap_or_default());
    // `?explain`: each result says why it ranks where it does, for tuning the engine.
    let explain = Memo::new(move |_| location.with(|l| l.param("explain").is_some()));
    move || {
        let q = query.get();
        browser::set_page_title(&if q.trim().is_empty() { "Search".to_string() } else { format!("Search: {q}") });
        let results = corpus_search::run(&q, MAX_RESULTS);
        let loading = !q.trim().is_empty() && results.is_none();
        if loading {
            corpus_search::warm_up();
        }
        let results = results.unwrap_or_default();
        view! {
            <h1 tabindex="-1">"Search results"</h1>
            <Summary query=q.clone() results=results.clone() loading=loading/>
            <Groups query=q results=results explain=explain.get()/>
        }
    }
}

#[component]
fn Summary(query: String, results: SearchResults, loading: bool) -> impl IntoView {
    if loading {
        let status = move || match corpus_search::failure() {
            Some(why) => format!("Search could not fetch part of its index: {why}."),
            None => "Loading the search index…".to_string(),
        };
        return EitherOf4::D(view! { <p class="search-summary" role="status">{status}</p> });
    }
    if query.trim().is_empty() || results.query.is_empty() {
        return EitherOf4::A(view! {
            <p class="search-summary needs-script">"Type words to find in the search box above: phrases in quotes, "<kbd>"-word"</kbd>" to leave a word out."</p>
            <p class="search-summary no-script-only">
                "Searching needs JavaScript, which is off or blocked here. Every document is listed on the "
                <a href=href("/")>"home page"</a> "; the " <a href=href(routes::ENTITIES)>"index of names"</a> " and the "
                <a href=href(routes::GLOSSARY)>"glossary"</a> " lead to each paragraph that names an organisation, place, person or acronym."
            </p>
        });
    }
    if results.is_empty() {
        let suggestions = results.suggestions.clone();
        return EitherOf4::B(view! {
            <p class="search-summary">"No results for " <q class="search-query">{query}</q> "."</p>
            {(!suggestions.is_empty()).then(|| view! {
                <p class="suggestions">"Did you mean "
                    {suggestions.into_iter().enumerate().map(|(i, s)| view! {
                        {(i > 0).then_some(", ")}
                        <a href=href(&search_page_url(&s))>{s.clone()}</a>
                    }).collect_view()}
                "?"</p>
            })}
        });
    }
    let documents = results.groups.len();
    let paragraphs = results.total;
    EitherOf4::C(view! {
        <p class="search-summary" role="status">
            // The names index and a name's page speak of "N mentions in M paragraphs of D documents":
            // results count paragraphs, in the same words.
            {format!(
                "{} of {} {} ",
                count(paragraphs, "paragraph", "paragraphs"),
                count(documents, "document", "documents"),
                if paragraphs == 1 { "matches" } else { "match" }
            )}
            <q class="search-query">{query}</q>
        </p>
        {results.partial.then(|| view! { <p class="partial-note">"No paragraph holds every word; these hold the most."</p> })}
        {notes(&results).map(|note| view! { <p class="partial-note">{note}</p> })}
    })
}

/// What a reader should know about the results besides their count: words found only as close
/// spellings, and paragraphs that match only by their heading or their document's title.
fn notes(results: &SearchResults) -> Option<String> {
    let mut notes = Vec::new();
    if !results.approximate.is_empty() {
        notes.push(format!("No paragraph has “{}”: these have close spellings.", results.approximate.join("”, “")));
    }
    match results.by_heading {
        0 => {}
        1 => notes.push("The last matches by its heading or title only.".to_string()),
        n => notes.push(format!("The last {n} match by their heading or title only.")),
    }
    (!notes.is_empty()).then(|| notes.join(" "))
}

#[component]
fn Groups(query: String, results: SearchResults, explain: bool) -> impl IntoView {
    results
        .groups
        .into_iter()
        .filter_map(|group| Some((library::entry(group.doc)?, group)))
        .map(|(doc, group)| {
            let heading_id = format!("results-{}", doc.slug);
            let hits = group
                .hits
                .into_iter()
                .filter_map(|hit| Some((corpus_search::passage(hit.passage)?, hit)))
                .map(|(passage, hit)| {
                    let label = match passage.heading {
                        Some(h) => format!("¶ {} · {h}", passage.paragraph.number),
                        None => format!("¶ {}", passage.paragraph.number),
                    };
                    let why = explain.then(|| corpus_search::explain(&query, hit.passage)).flatten();
                    view! {
                        <li class="result">
                            <a href=href(&hit_url(&passage, &query)) class="hit-link">
                                <HitPreview passage=passage hit=hit label=label chars=SNIPPET_CHARS/>
                            </a>
                            {why.map(|why| view! { <pre class="explain">{why}</pre> })}
                        </li>
                    }
                })
                .collect_view();
            let labelled_by = heading_id.clone();
            view! {
                <section class="result-group" aria-labelledby=labelled_by>
                    <h2 id=heading_id><a href=href(&doc.path())>{doc.title.as_str()}</a></h2>
                    <ol class="hits">{hits}</ol>
                </section>
            }
        })
        .collect_view()
}
