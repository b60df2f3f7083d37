//! On a document opened from a search: "Match 3 of 12" with previous / next (buttons, and the
//! keys n and p or N), and a way to clear the highlights. It steps through the `<mark>`s the
//! page rendered, in reading order.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};

use crate::browser;

fn marks() -> Vec<HtmlElement> {
    let Some(doc) = browser::window().and_then(|w| w.document()) else { return Vec::new() };
    // A match split by a control's edge ("FATF" + "’s") is one match: its first mark.
    let Ok(list) = doc.query_selector_all(".doc-body mark.hit:not(.continued)") else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into().ok()).collect()
}

/// Marks match `current` and, when asked, scrolls it to the middle of the screen.
fn select(current: usize, scroll: bool) {
    for (i, mark) in marks().iter().enumerate() {
        let is_current = i == current;
        let _ = mark.class_list().toggle_with_force("current", is_current);
        if is_current && scroll {
            let options = ScrollIntoViewOptions::new();
            options.set_block(ScrollLogicalPosition::Center);
            options.set_behavior(ScrollBehavior::Instant);
            mark.scroll_into_view_with_scroll_into_view_options(&options);
        }
    }
}

/// The first match inside the paragraph the URL targets, else the first match.
fn initial_match(marks: &[HtmlElement]) -> usize {
    let target = browser::current_hash();
    if target.is_empty() {
        return 0;
    }
    marks.iter().position(|m| m.closest(&format!("[id=\"{}\"]", target.replace('"', ""))).ok().flatten().is_some()).unwrap_or(0)
}

#[component]
pub fn MatchBar(query: String, doc_path: String) -> impl IntoView {
    let total = RwSignal::new(0usize);
    let current = RwSignal::new(0usize);
    request_animation_frame(move || {
        let found = marks();
        // By the next frame the page may have been rendered anew and this bar disposed.
        if total.try_set(found.len()).is_some() || current.try_set(initial_match(&found)).is_some() {
            return;
        }
        select(current.get_untracked(), browser::current_hash().is_empty());
    });
    let step = move |forward: bool| {
        let n = total.get_untracked();
        if n == 0 {
            return;
        }
        current.update(|c| *c = if forward { (*c + 1) % n } else { (*c + n - 1) % n });
        select(current.get_untracked(), true);
    };
    // Clearing is a plain link to the document without the query (the router follows it);
    // Esc clicks it.
    let clear_url = {
        let hash = browser::current_hash();
        crate::router::href(&if hash.is_empty() { doc_path } else { format!("{doc_path}#{hash}") })
    };
    let keys = window_event_listener(ev::keydown, move |ev| {
        let in_field = ev
            .target()
            .and_then(|t| t.dyn_into::<HtmlElement>().ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        if in_field || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        match ev.key().as_str() {
            "n" => step(true),
            "p" | "N" => step(false),
            "Escape" => {
                if let Some(link) = browser::element_by_id("match-clear") {
                    link.click();
                }
            }
            _ => return,
        }
        ev.prevent_default();
    });
    on_cleanup(move || keys.remove());
    let status = move || match total.get() {
        0 => "No matches in this document".to_string(),
        n => format!("Match {} of {}", current.get() + 1, n),
    };
    view! {
        <div class="match-bar" role="region" aria-label="Search matches">
            <span class="match-query">"“" {query} "”"</span>
            <span class="match-status" aria-live="polite">{status}</span>
            <button type="button" aria-label="Previous match" title="Previous match (p)" on:click=move |_| step(false) disabled=move || total.get() == 0>"↑"</button>
            <button type="button" aria-label="Next match" title="Next match (n)" on:click=move |_| step(true) disabled=move || total.get() == 0>"↓"</button>
            <a id="match-clear" class="match-clear" href=clear_url>"Clear"</a>
        </div>
    }
}
