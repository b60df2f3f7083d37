//! Text with the ranges a search matched wrapped in `<mark>`, and (in a document's title,
//! headings and paragraphs) the glossary terms it uses made into controls that show their
//! expansion, and (in paragraphs) the names of the kinds the reader marks. The text stays
//! text: no HTML is built from it here (a table, components/table.rs, escapes its pieces).

use std::ops::Range;

use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::name_marks::{name_mark, use_name_marks};
use crate::library::{self, GlossaryEntry};
use crate::router::href;

/// A run of text with its decorations: inside a search match or not, inside a glossary term
/// or not, inside a mention of an entity or not.
#[derive(Debug, PartialEq, Eq)]
pub struct Piece<'t> {
    pub text: &'t str,
    pub marked: bool,
    /// Marked, and continuing a match begun in the piece before (a match split by a control's
    /// edge, as "FATF" + "’s"): one match, counted once.
    pub continues: bool,
    /// Index into the `terms` given to [`pieces`].
    pub term: Option<usize>,
    /// Index into the `names` given to [`pieces`].
    pub name: Option<usize>,
}

/// Splits `text` at every edge of `marks`, `terms` and `names` (byte ranges, with what they
/// point at). Ranges off char boundaries or out of the text (the build and the engine never
/// give such) are ignored rather than panicking, and so is a name that neither holds a term
/// whole nor stays clear of it, so that one control never straddles two. A piece inside
/// several names belongs to the longest.
pub fn pieces<'t>(
    text: &'t str,
    marks: &[Range<usize>],
    terms: &[(u32, u32, u16)],
    names: &[(u32, u32, u16)],
    cuts: &[(u32, u32)],
) -> Vec<Piece<'t>> {
    let valid = |r: &Range<usize>| r.start < r.end && text.get(r.clone()).is_some();
    let span = |&(s, e, _): &(u32, u32, u16)| s as usize..e as usize;
    let marks: Vec<Range<usize>> = marks.iter().filter(|r| valid(r)).cloned().collect();
    let terms: Vec<Range<usize>> = terms.iter().map(span).collect();
    let names: Vec<Range<usize>> = names
        .iter()
        .map(span)
        .map(|n| {
            let straddles = terms.iter().any(|t| t.start < n.end && n.start < t.end && !(n.start <= t.start && t.end <= n.end));
            if straddles {
                0..0
            } else {
                n
            }
        })
        .collect();
    // Kept sorted and unique as they come, by hand: a paragraph has tens of edges, and a sort
    // routine would add about 3 KB of code to the wasm (the search engine's lives in its own).
    let mut edges: Vec<usize> = Vec::new();
    let mut add = |edge: usize| {
        let at = edges.iter().position(|&e| e >= edge).unwrap_or(edges.len());
        if edges.get(at) != Some(&edge) {
            edges.insert(at, edge);
        }
    };
    add(0);
    add(text.len());
    // Where footnote references stand (and a table's cells end): no piece runs past one.
    for &(at, _) in cuts {
        if text.is_char_boundary(at as usize) {
            add(at as usize);
        }
    }
    for r in marks.iter().chain(terms.iter().chain(&names).filter(|r| valid(r))) {
        add(r.start);
        add(r.end);
    }
    edges
        .windows(2)
        .map(|w| [w[0], w[1]])
        .filter_map(|w| {
            let piece = text.get(w[0]..w[1])?;
            let inside = |r: &Range<usize>| valid(r) && r.start <= w[0] && w[1] <= r.end;
            // A name inside a longer one ("UN" in "UN Security Council") shows as the longer.
            let name = (0..names.len()).filter(|&i| inside(&names[i])).max_by_key(|&i| names[i].len());
            let marked = marks.iter().any(inside);
            let continues = marked && !marks.iter().any(|r| r.start == w[0]);
            Some(Piece { text: piece, marked, continues, term: terms.iter().position(inside), name })
        })
        .collect()
}

fn marked_or_plain(text: String, marked: bool, continues: bool) -> impl IntoView {
    if marked {
        Either::Left(view! { <mark class="hit" class:continued=continues>{text}</mark> })
    } else {
        Either::Right(text)
    }
}

/// Text with search matches marked.
#[component]
pub fn Highlighted(#[prop(into)] text: String, ranges: Vec<Range<usize>>) -> impl IntoView {
    pieces(&text, &ranges, &[], &[], &[]).into_iter().map(|p| marked_or_plain(p.text.to_string(), p.marked, p.continues)).collect_view()
}

/// Text of a document (a paragraph, a heading, the title): search matches marked, glossary
/// terms as [`Term`] controls, and the names of the kinds the reader marks (see
/// [`name_mark`]). `names` are (start, end, entity index). Choosing other kinds draws
/// the text anew, so a name within a name ("UN" in "UN Charter") shows as the longest of
/// those marked. `notes` are the footnote references of a paragraph of the document `slug`
/// (byte offset, `n` of footnote `n`): each a superscript link to its footnote.
#[component]
pub fn ReadingText(
    text: &'static str,
    ranges: Vec<Range<usize>>,
    terms: &'static [(u32, u32, u16)],
    names: Vec<(u32, u32, u16)>,
    #[prop(optional)] notes: &'static [(u32, u32)],
    #[prop(optional)] slug: &'static str,
) -> impl IntoView {
    let marks = use_name_marks();
    move || {
        let entity = |n: &(u32, u32, u16)| library::entity(n.2);
        let shown: Vec<(u32, u32, u16)> = names.iter().filter(|n| entity(n).is_some_and(|e| marks.is_marked(&e.kind))).copied().collect();
        let all = pieces(text, &ranges, terms, &shown, notes);
        let offset = |p: &Piece<'_>| (p.text.as_ptr() as usize - text.as_ptr() as usize) as u32;
        // The references at a place (two may follow one word: "text.[^1][^2]").
        let note_at = |at: u32| notes.iter().filter(move |n| n.0 == at).map(|n| n.1);
        let mut views = Vec::new();
        // A reference at the very start of the text.
        views.extend(note_at(0).map(|n| EitherOf3::C(note_ref(slug, n))));
        let mut i = 0;
        while i < all.len() {
            let run = 1 + all[i + 1..].iter().take_while(|p| p.name == all[i].name && note_at(offset(p)).next().is_none()).count();
            let inner = term_views(&all[i..i + run], terms);
            match all[i].name.and_then(|n| entity(&shown[n])) {
                Some(entity) => {
                    let holds_control = all[i..i + run].iter().any(|p| p.term.is_some());
                    views.push(EitherOf3::A(name_mark(entity, holds_control, inner)));
                }
                None => views.push(EitherOf3::B(inner)),
            }
            let end = &all[i + run - 1];
            views.extend(note_at(offset(end) + end.text.len() as u32).map(|n| EitherOf3::C(note_ref(slug, n))));
            i += run;
        }
        views
    }
}

/// A reference to footnote `n` of the document `slug`, where the text makes it. Its link is
/// markup the app never changes, so it is written as one string (elements built one by one
/// cost the wasm more).
fn note_ref(slug: &str, n: u32) -> impl IntoView {
    view! { <sup class="note-ref" id=format!("fnref-{n}") tabindex="-1" inner_html=note_link_html(slug, n)></sup> }
}

/// The link of a reference to footnote `n` of the document `slug`, as HTML.
pub fn note_link_html(slug: &str, n: u32) -> String {
    format!(r#"<a href="{}" aria-label="note {n}">{n}</a>"#, href(&format!("/{slug}#fn-{n}")))
}

/// Pieces with glossary terms made into [`Term`] controls, the rest marked or plain.
fn term_views(all: &[Piece<'_>], terms: &'static [(u32, u32, u16)]) -> Vec<Either<impl IntoView, impl IntoView>> {
    let mut views = Vec::new();
    let mut i = 0;
    while i < all.len() {
        match all[i].term {
            None => {
                views.push(Either::Left(marked_or_plain(all[i].text.to_string(), all[i].marked, all[i].continues)));
                i += 1;
            }
            Some(t) => {
                let run: Vec<(String, bool, bool)> =
                    all[i..].iter().take_while(|p| p.term == Some(t)).map(|p| (p.text.to_string(), p.marked, p.continues)).collect();
                i += run.len();
                if let Some(entry) = library::glossary_entry(terms[t].2) {
                    views.push(Either::Right(view! { <Term entry=entry run=run/> }));
                }
            }
        }
    }
    views
}

thread_local! {
    /// Whether the acronym tip open on the page is shown: one at a time.
    static OPEN_TIP: std::cell::Cell<Option<RwSignal<bool>>> = const { std::cell::Cell::new(None) };
}

/// An acronym in the text: a control (keyboard, touch and pointer alike) that shows what it
/// stands for and, for a named entity, a link to every mention, under the word; one at a
/// time. Esc (on the button or the link, which hands focus back to the button) or a second
/// press hides it; resting the pointer on it previews the expansion (style/main.css). Its
/// name carries the expansion for screen readers; the expansion is only in the page while
/// shown, so copied text stays the source's.
#[component]
fn Term(entry: &'static GlossaryEntry, run: Vec<(String, bool, bool)>) -> impl IntoView {
    let open = RwSignal::new(false);
    let toggle = move |control: Option<web_sys::EventTarget>| {
        let show = !open.get_untracked();
        if let Some(other) = OPEN_TIP.with(|t| t.replace(show.then_some(open))) {
            other.try_set(false);
        }
        open.set(show);
        // Under the word, moved left where a tip (at most 24rem) would pass the paragraph.
        if let Some(button) = control.and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) {
            let width = button.offset_parent().map_or(0, |p| p.client_width());
            let left = button.offset_left().min(width - 24 * 16).max(0);
            if let Some(term) = button.parent_element().and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = term.style().set_property("--tip-left", &format!("{left}px"));
            }
        }
    };
    // Without script the expansion is the `<abbr>`'s tooltip; once the app runs, the tip.
    let running = crate::app::app_running();
    // An acronym that names an entity ("FATF") leads to its page of mentions.
    let entity = entry.entity.and_then(library::entity);
    let written: String = run.iter().map(|(t, ..)| t.as_str()).collect();
    let close_on_escape = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" && open.get_untracked() {
            ev.stop_propagation();
            open.set(false);
            let term = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
            if let Some(button) = term.and_then(|t| t.query_selector(".term-button").ok().flatten()).and_then(|b| b.dyn_into().ok()) {
                crate::browser::focus_quietly(&button);
            }
        }
    };
    view! {
        <span class="term" on:keydown=close_on_escape>
            // A button by role, not a <button>: a <button> is an atomic inline, which lets a
            // line break between "(" and "JIT)"; a span wraps as the words around it do.
            <span
                role="button"
                tabindex="0"
                class="term-button"
                aria-expanded=move || open.get().to_string()
                aria-label=format!("{written}: {}", entry.expansion)
                on:click=move |ev| toggle(ev.current_target())
                on:keydown=move |ev| {
                    if matches!(ev.key().as_str(), "Enter" | " ") {
                        ev.prevent_default();
                        toggle(ev.current_target());
                    }
                }
            >
                <abbr title=move || (!running.get()).then_some(entry.expansion.as_str())>
                    {run.into_iter().map(|(t, marked, continues)| marked_or_plain(t, marked, continues)).collect_view()}
                </abbr>
            </span>
            {move || open.get().then(|| view! {
                <span class="term-tip">
                    <span class="term-expansion">{entry.expansion.as_str()}</span>
                    {entity.map(|e| view! { <a class="term-entity" href=href(&e.path())>{format!("Every mention of {}", e.name)}</a> })}
                </span>
            })}
        </span>
    }
}
