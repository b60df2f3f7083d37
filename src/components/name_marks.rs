//! Marking names in the text: the reader picks kinds of entity (places, people...) and every
//! mention of that kind in a document is highlighted and links to the entity's page (the
//! text itself is drawn by `highlighted::ReadingText`). The choice is remembered, so it holds
//! from one document to the next and across visits.

use leptos::either::Either;
use leptos::prelude::*;

use crate::browser;
use crate::library::{self, Entity, ENTITY_KINDS};
use crate::router::href;

const STORAGE_KEY: &str = "reader-name-marks";

/// The kinds being marked, one bit per entry of `ENTITY_KINDS`.
#[derive(Clone, Copy)]
pub struct NameMarks(RwSignal<u8>);

fn kind_bit(kind: &str) -> u8 {
    ENTITY_KINDS.iter().position(|(k, _)| *k == kind).map_or(0, |i| 1 << i)
}

/// Makes the remembered choice available to every page (once the app runs: pre-rendered
/// pages mark no names).
pub fn provide_name_marks() {
    let marks = RwSignal::new(0);
    Effect::new(move |_| {
        let saved = browser::load_setting(STORAGE_KEY).unwrap_or_default();
        let bits = saved.split(',').fold(0, |bits, kind| bits | kind_bit(kind));
        // Setting a signal redraws what reads it, even to the same value: every paragraph.
        if bits != marks.get_untracked() {
            marks.set(bits);
        }
    });
    provide_context(NameMarks(marks));
}

pub fn use_name_marks() -> NameMarks {
    use_context::<NameMarks>().unwrap_or_else(|| NameMarks(RwSignal::new(0)))
}

impl NameMarks {
    pub fn is_marked(self, kind: &str) -> bool {
        self.0.get() & kind_bit(kind) != 0
    }

    fn toggle(self, kind: &str) {
        self.0.update(|bits| *bits ^= kind_bit(kind));
        let bits = self.0.get_untracked();
        let kinds: Vec<&str> = ENTITY_KINDS.iter().map(|(k, _)| *k).filter(|k| bits & kind_bit(k) != 0).collect();
        browser::save_setting(STORAGE_KEY, &kinds.join(","));
    }
}

/// The toggles above a document: one per kind it mentions, with how many mentions.
#[component]
pub fn NameFilter(mentions: Vec<u16>) -> impl IntoView {
    let marks = use_name_marks();
    let kinds: Vec<(&'static str, &'static str, usize)> = ENTITY_KINDS
        .iter()
        .map(|&(kind, heading)| (kind, heading, mentions.iter().filter(|&&e| library::entity(e).is_some_and(|e| e.kind == kind)).count()))
        .filter(|(_, _, count)| *count > 0)
        .collect();
    (!kinds.is_empty()).then(|| {
        view! {
            <div class="name-filter needs-script" role="group" aria-labelledby="name-filter-label">
                <span id="name-filter-label" class="name-filter-label">"Mark names:"</span>
                {kinds.into_iter().map(|(kind, heading, count)| view! {
                    <button
                        type="button"
                        class="name-toggle"
                        data-kind=kind
                        aria-pressed=move || marks.is_marked(kind).to_string()
                        on:click=move |_| marks.toggle(kind)
                    >
                        <span class="name-swatch" aria-hidden="true"></span>
                        {heading}
                        <span class="name-count">{format!(" {count}")}<span class="visually-hidden">" mentions"</span></span>
                    </button>
                }).collect_view()}
            </div>
        }
    })
}

/// A marked mention: highlighted, and a link to the entity's page, unless it holds a
/// glossary control (a button cannot sit inside a link).
pub fn name_mark(entity: &'static Entity, holds_control: bool, inner: impl IntoView) -> impl IntoView {
    if holds_control {
        Either::Left(view! { <span class="name" data-kind=entity.kind.as_str()>{inner}</span> })
    } else {
        Either::Right(view! { <a class="name" data-kind=entity.kind.as_str() href=href(&entity.path())>{inner}</a> })
    }
}
