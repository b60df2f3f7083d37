//! `/search?q=...`: every matching paragraph, grouped by document, with snippets. The URL is
//! the state, so a results page can be shared and reloaded.

use content_model::routes;
use leptos::either::EitherOf4;
use leptos::prelude::*;
use search::SearchResults;

use crate::browser;
use crate::components::hit_preview::HitPreview;
use crate::components::{count, link_html};
use crate::corpus_search::{self, hit_url, search_page_url};
use crate::library;
use crate::router::{href, use_location};

/// Names the results offer to narrow by, at most.
const NAMES_OFFERED: usize = 6;
/// Paragraphs listed at most.
const MAX_RESULTS: usize = 200;
const SNIPPET_CHARS: usize = 240;

#[component]
pub fn SearchPage() -> impl IntoView {
    let location = use_location();
    let query = Memo::new(move |_| location.with(|l| l.param("q")).unwrap_or_default());
    // `?explain`: each result says why it ranks where it does, for tuning the engine.
    let explain = Memo::new(move |_| location.with(|l| l.param("explain").is_some()));
    // `?sort=date`: documents newest first rather than best first.
    let by_date = Memo::new(move |_| location.with(|l| l.param("sort").as_deref() == Some("date")));
    move || {
        let q = query.get();
        browser::set_page_title(&if q.trim().is_empty() { "Search".to_string() } else { format!("Search: {q}") });
        let results = corpus_search::run(&q, MAX_RESULTS);
        let loading = !q.trim().is_empty() && results.is_none();
        if loading {
            corpus_search::warm_up();
        }
        let mut results = results.unwrap_or_default();
        if by_date.get() {
            newest_first(&mut results.groups);
        }
        let refine = (!loading).then(|| refinements(&q, &results, by_date.get())).filter(|html| !html.is_empty());
        view! {
            <h1 tabindex="-1">"Search results"</h1>
            <Summary query=q.clone() results=results.clone() loading=loading/>
            {refine.map(|html| view! { <nav class="refine" aria-label="Narrow or order the results" inner_html=html></nav> })}
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
    if query.trim().is_empty() {
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
    // The names index and a name's page speak of "N mentions in M paragraphs of D documents":
    // results count paragraphs, in the same words; a query of filters only lists documents.
    let found = match results.query.is_empty() {
        true => count(paragraphs, "document", "documents"),
        false => format!("{} of {}", count(paragraphs, "paragraph", "paragraphs"), count(documents, "document", "documents")),
    };
    EitherOf4::C(view! {
        <p class="search-summary" role="status">
            {format!("{found} {} ", if paragraphs == 1 { "matches" } else { "match" })}
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
    if results.query.is_empty() && results.groups.len() < results.total {
        notes.push(format!("The first {} are listed: add words to find passages in all of them.", results.groups.len()));
    }
    match results.by_heading {
        0 => {}
        1 => notes.push("The last matches by its heading or title only.".to_string()),
        n => notes.push(format!("The last {n} match by their heading or title only.")),
    }
    (!notes.is_empty()).then(|| notes.join(" "))
}

/// Orders result groups by their document's date, newest first, undated last, best first
/// among equals. An insertion sort by hand: the standard library's stable sort would bring
/// about 3 KB of code into the wasm every first visit loads, for a list of at most 200.
fn newest_first(groups: &mut [search::DocumentHits]) {
    let date = |g: &search::DocumentHits| library::entry(g.doc).and_then(|e| e.date.as_ref()).map(|d| d.iso.as_str());
    for i in 1..groups.len() {
        let mut j = i;
        while j > 0 && date(&groups[j - 1]) < date(&groups[j]) {
            groups.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Ways to narrow the results (the tags of the documents found, `kind:speech`, with how many
/// of them have each: the engine counts them) and to order them, as links to this page with
/// the query changed; a filter in use links to the results without it. As one string, like
/// the catalogue's shelves. The links show the filters as typed, so readers learn them.
fn refinements(query: &str, results: &SearchResults, by_date: bool) -> String {
    let words: Vec<&str> = query.split_whitespace().collect();
    let without = |drop: &dyn Fn(&str) -> bool| words.iter().copied().filter(|w| !drop(w)).collect::<Vec<_>>().join(" ");
    let filtered = words.iter().any(|w| search::query::is_filter(w));
    if results.is_empty() && !filtered {
        return String::new();
    }
    let url_of = |q: &str, date: bool| format!("{}{}", search_page_url(q), if date { "&sort=date" } else { "" });
    let link = |q: &str, date: bool, label: &str, current: bool| link_html(&url_of(q, date), label, current, None) + " ";
    let mut html = String::from(r#"<p><span class="refine-name">Narrow to</span> "#);
    // Of the names (most named in the library first), a few.
    let mut names = 0;
    let offered = results.facets.iter().filter(|(tag, _)| {
        names += usize::from(tag.starts_with("name:"));
        !tag.starts_with("name:") || names <= NAMES_OFFERED
    });
    for (tag, n) in offered {
        let current = words.iter().any(|w| w.eq_ignore_ascii_case(tag));
        let q = if current { without(&|w| w.eq_ignore_ascii_case(tag)) } else { format!("{} {tag}", query.trim()) };
        html.push_str(&format!("<span>{}</span> ", link_html(&url_of(&q, by_date), tag, current, Some(*n))));
    }
    html.push_str(r#"</p><p><span class="refine-name">Order</span> "#);
    html.push_str(&link(query.trim(), false, "Best first", !by_date));
    html.push_str(&link(query.trim(), true, "Newest first", by_date));
    if filtered {
        html.push_str(&link(&without(&search::query::is_filter), by_date, "Search every document", false));
    }
    html + "</p>"
}

#[component]
fn Groups(query: String, results: SearchResults, explain: bool) -> impl IntoView {
    results
        .groups
        .into_iter()
        .filter_map(|group| Some((library::entry(group.doc)?, group)))
        .map(|(doc, group)| {
            let heading_id = format!("results-{}", doc.slug);
            let paragraphs = group.hits.len();
            let hits = group
                .hits
                .into_iter()
                .filter_map(|hit| Some((corpus_search::passage(hit.passage)?, hit)))
                .map(|(passage, hit)| {
                    let label = match passage.heading {
                        Some(h) => format!("¶ {} · {h}", passage.paragraph.label()),
                        None => format!("¶ {}", passage.paragraph.label()),
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
            let only_here = href(&search_page_url(&format!("{} in:{}", query.trim(), doc.slug)));
            view! {
                <section class="result-group" aria-labelledby=labelled_by>
                    <h2 id=heading_id><a href=href(&doc.path())>{doc.title.as_str()}</a></h2>
                    <p class="group-meta" inner_html=format!(r#"{} · <a href="{only_here}">Search this document only</a>"#, count(paragraphs, "paragraph", "paragraphs"))></p>
                    <ol class="hits">{hits}</ol>
                </section>
            }
        })
        .collect_view()
}
