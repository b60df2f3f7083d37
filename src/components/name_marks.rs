//! Marking names in the text: the reader picks kinds of entity (places, people...) and every
//! mention of that kind in a document is highlighted and links to the entity's page. The
//! choice is remembered, so it holds from one document to the next and across visits.

use leptos::either::Either;
use leptos::prelude::*;

use crate::browser;
use crate::content::{Entity, ENTITIES, ENTITY_KINDS};
use crate::router::href;

const STORAGE_KEY: &str = "reader-name-marks";

/// The kinds being marked, one bit per entry of `ENTITY_KINDS`.
#[derive(Clone, Copy)]
pub struct NameMarks(RwSignal<u8>);

fn kind_bit(kind: &str) -> u8 {
    ENTITY_KINDS.iter().position(|(k, _)| *k == kind).map_or(0, |i| 1 << i)
}

/// Makes the remembered choice available to every page.
pub fn provide_name_marks() {
    let saved = browser::load_setting(STORAGE_KEY).unwrap_or_default();
    let bits = saved.split(',').fold(0, |bits, kind| bits | kind_bit(kind));
    provide_context(NameMarks(RwSignal::new(bits)));
}

fn use_name_marks() -> NameMarks {
    use_context::<NameMarks>().unwrap_or_else(|| NameMarks(RwSignal::new(0)))
}

impl NameMarks {
    fn is_marked(self, kind: &str) -> bool {
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
        .map(|&(kind, heading)| (kind, heading, mentions.iter().filter(|&&e| ENTITIES.get(usize::from(e)).is_some_and(|e| e.kind == kind)).count()))
        .filter(|(_, _, count)| *count > 0)
        .collect();
    (!kinds.is_empty()).then(|| {
        view! {
            <div class="name-filter" role="group" aria-labelledby="name-filter-label">
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
                        <span class="name-count">{format!(" {count}")}</span>
                    </button>
                }).collect_view()}
            </div>
        }
    })
}

/// A mention in the text, drawn by `inner`. Marked, it is highlighted and links to the
/// entity's page; unmarked, it is plain text. One holding a glossary control is only
/// highlighted: a button cannot sit inside a link.
pub fn name_mark<V: IntoView + 'static>(entity: &'static Entity, holds_control: bool, inner: impl Fn() -> V + Send + Sync + 'static) -> impl IntoView {
    let marks = use_name_marks();
    move || match (marks.is_marked(entity.kind), holds_control) {
        (true, false) => Either::Left(view! {
            <a class="name name-on" data-kind=entity.kind href=href(&format!("/entities/{}", entity.id))>{inner()}</a>
        }),
        (marked, _) => Either::Right(view! { <span class="name" class:name-on=marked data-kind=entity.kind>{inner()}</span> }),
    }
}
