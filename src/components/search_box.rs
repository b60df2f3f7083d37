//! The search box in every page's header: a combobox whose listbox shows the best paragraphs
//! as you type. "/" or Ctrl/Cmd+K focuses it; arrows move through the options; Enter opens the
//! chosen paragraph, or the full results page; Esc clears and closes.

use content_model::routes;
use leptos::ev;
use leptos::prelude::*;
use search::SearchHit;
use wasm_bindgen::JsCast;

use crate::browser;
use crate::components::hit_preview::HitPreview;
use crate::corpus_search::{self, hit_url};
use crate::router::{href, use_location, use_navigate};

/// Options the listbox shows at most.
const MAX_OPTIONS: usize = 8;
/// Characters of paragraph shown per option.
const OPTION_SNIPPET_CHARS: usize = 110;

/// The landing URL of the option a click fell in.
fn clicked_option_url(ev: &ev::MouseEvent) -> Option<String> {
    let target: web_sys::Element = ev.target()?.dyn_into().ok()?;
    target.closest("[data-url]").ok()??.get_attribute("data-url")
}

fn is_editable(target: Option<web_sys::EventTarget>) -> bool {
    target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()).is_some_and(|el| {
        let tag = el.tag_name();
        tag == "INPUT" || tag == "TEXTAREA" || tag == "SELECT" || el.is_content_editable()
    })
}

#[component]
pub fn SearchBox() -> impl IntoView {
    let query = RwSignal::new(String::new());
    let open = RwSignal::new(false);
    let active = RwSignal::new(None::<usize>);
    let input = NodeRef::<leptos::html::Input>::new();
    let navigate = use_navigate();
    let location = use_location();

    // On the results page the box shows the query being viewed. Words typed before the app
    // took the page over (it starts on the first sign of use, see public/register-sw.js) are
    // searched once it has: taking over empties the box.
    let mut typed = browser::typed_into("search-input");
    Effect::new(move |_| {
        let typed = typed.take(); // only at the first run
        if let Some(q) = location.with(|l| (l.path == routes::SEARCH).then(|| l.param("q").unwrap_or_default())) {
            query.set(q);
            open.set(false);
        } else if let Some((words, focused)) = typed {
            corpus_search::warm_up();
            query.set(words);
            open.set(focused);
        }
    });

    // The options and how many paragraphs match; no count while the index is on its way.
    let options = Memo::new(move |_| {
        let q = query.get();
        if q.trim().is_empty() {
            return (Vec::new(), Some(0));
        }
        let Some(results) = corpus_search::run(&q, MAX_OPTIONS) else { return (Vec::new(), None) };
        let options: Vec<(u32, SearchHit)> = results.hits().map(|(_, h)| (h.passage, h.clone())).collect();
        (options, Some(results.total))
    });
    let count = move || options.with(|(o, _)| o.len());
    let expanded = move || open.get() && count() > 0;

    let go = {
        let navigate = navigate.clone();
        move |url: String, keep_query: bool| {
            open.set(false);
            active.set(None);
            if !keep_query {
                query.set(String::new());
            }
            if let Some(el) = input.get_untracked() {
                let _ = el.blur();
            }
            navigate(&url);
        }
    };
    let option_url = move |i: usize| -> Option<String> {
        let passage = options.with_untracked(|(o, _)| o.get(i).map(|(p, _)| *p))?;
        corpus_search::passage(passage).map(|p| hit_url(&p, &query.get_untracked()))
    };

    let on_keydown = {
        let go = go.clone();
        move |ev: ev::KeyboardEvent| {
            let n = count();
            match ev.key().as_str() {
                "ArrowDown" | "ArrowUp" if n > 0 => {
                    ev.prevent_default();
                    open.set(true);
                    let down = ev.key() == "ArrowDown";
                    active.update(|a| {
                        *a = Some(match (*a, down) {
                            (None, true) => 0,
                            (None, false) => n - 1,
                            (Some(i), true) => (i + 1) % n,
                            (Some(i), false) => (i + n - 1) % n,
                        })
                    });
                }
                "Enter" => {
                    ev.prevent_default();
                    let q = query.get_untracked();
                    match active.get_untracked().and_then(option_url) {
                        Some(url) if open.get_untracked() => go(url, false),
                        _ if !q.trim().is_empty() => go(corpus_search::search_page_url(&q), true),
                        _ => {}
                    }
                }
                "Escape" => {
                    ev.prevent_default();
                    query.set(String::new());
                    open.set(false);
                    active.set(None);
                    // Back to the page, so its keys (n, p for the matches) work at once.
                    if let Some(main) = browser::element_by_id("main") {
                        browser::focus_quietly(&main);
                    }
                }
                _ => {}
            }
        }
    };

    // "/" anywhere but in a field, or Ctrl/Cmd+K anywhere, focuses the box.
    let shortcut = window_event_listener(ev::keydown, move |ev| {
        let slash = ev.key() == "/" && !ev.ctrl_key() && !ev.meta_key() && !ev.alt_key() && !is_editable(ev.target());
        let command_k = (ev.ctrl_key() || ev.meta_key()) && ev.key().eq_ignore_ascii_case("k");
        if slash || command_k {
            if let Some(el) = input.get_untracked() {
                ev.prevent_default();
                // Where the header stays in view (wide screens), focusing must not scroll the
                // page: browsers would bring the sticky box's original place into view.
                let box_in_view = el.get_bounding_client_rect().top() >= 0.0;
                if box_in_view {
                    browser::focus_quietly(&el);
                } else {
                    let _ = el.focus();
                }
                el.select();
            }
        }
    });
    on_cleanup(move || shortcut.remove());

    let status = move || {
        let q = query.get();
        if q.trim().is_empty() {
            return String::new();
        }
        match options.with(|(_, total)| *total) {
            None => match corpus_search::failure() {
                Some(why) => format!("Search could not fetch part of its index: {why}"),
                None => "Loading the search index".to_string(),
            },
            Some(0) => "No results".to_string(),
            Some(1) => "1 matching paragraph".to_string(),
            Some(n) => format!("{n} matching paragraphs"),
        }
    };

    view! {
        // Before the app runs, Enter in the box opens the results page (`action`, relative to
        // the page's <base>, and `name`).
        <form class="site-search" role="search" action="search" on:submit=|ev| ev.prevent_default()>
            <label for="search-input" class="visually-hidden">"Search the documents"</label>
            <input
                id="search-input"
                name="q"
                class="needs-script"
                node_ref=input
                type="search"
                role="combobox"
                autocomplete="off"
                spellcheck="false"
                placeholder="Search"
                aria-autocomplete="list"
                aria-controls="search-listbox"
                aria-expanded=move || expanded().to_string()
                aria-activedescendant=move || active.get().filter(|_| expanded()).map(|i| format!("search-option-{i}"))
                prop:value=move || query.get()
                on:input=move |ev| {
                    corpus_search::warm_up();
                    query.set(event_target_value(&ev));
                    open.set(true);
                    active.set(None);
                }
                on:focus=move |_| {
                    corpus_search::warm_up();
                    open.set(true);
                }
                on:blur=move |_| open.set(false)
                on:keydown=on_keydown
            />
            // One handler for the whole list: the option clicked names its landing URL.
            <ul
                id="search-listbox"
                role="listbox"
                aria-label="Matching paragraphs"
                class="search-listbox"
                hidden=move || !expanded()
                on:mousedown=|ev| ev.prevent_default()
                on:click=move |ev| {
                    if let Some(url) = clicked_option_url(&ev) {
                        go(url, false);
                    }
                }
            >
                {move || {
                    let active = active.get();
                    let q = query.get_untracked();
                    options.with(|(options, _)| {
                        options
                            .iter()
                            .enumerate()
                            .filter_map(|(i, (passage, hit))| Some((i, corpus_search::passage(*passage)?, hit.clone())))
                            .map(|(i, passage, hit)| {
                                let selected = active == Some(i);
                                let label = format!("{} · ¶{}", passage.doc.title, passage.paragraph.label());
                                view! {
                                    <li
                                        role="option"
                                        id=format!("search-option-{i}")
                                        class=if selected { "search-option active" } else { "search-option" }
                                        aria-selected=selected.to_string()
                                        data-url=hit_url(&passage, &q)
                                    >
                                        <HitPreview passage=passage hit=hit label=label chars=OPTION_SNIPPET_CHARS/>
                                    </li>
                                }
                            })
                            .collect_view()
                    })
                }}
            </ul>
            <div class="visually-hidden" role="status" aria-live="polite">{status}</div>
            <p class="no-script-only search-unavailable">
                "Search needs JavaScript. Browse the " <a href=href(routes::ENTITIES)>"names"</a> " or the " <a href=href(routes::GLOSSARY)>"glossary"</a> "."
            </p>
        </form>
    }
}
