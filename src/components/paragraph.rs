//! One paragraph of a document, with its anchor and a "link to this paragraph" control.

use std::ops::Range;

use leptos::prelude::*;

use crate::browser;
use crate::components::announcer::use_announcer;
use crate::components::fragment::go_to_fragment;
use crate::components::highlighted::ReadingText;
use crate::library::Paragraph;
use crate::router::href;

/// The paragraph's text reads exactly as the source prints it, number included, so a copied
/// passage is a faithful quotation. `matches` are the byte ranges a search matched, marked;
/// `names` the entities it mentions (start, end, entity index).
#[component]
pub fn ParagraphBlock(
    paragraph: &'static Paragraph,
    /// The slug of the paragraph's document: its link names the page as well as the
    /// paragraph, since `<base href>` would take a bare `#p-3` to the home page.
    slug: &'static str,
    target: RwSignal<String>,
    matches: Vec<Range<usize>>,
    names: Vec<(u32, u32, u16)>,
) -> impl IntoView {
    let anchor = paragraph.anchor();
    let label = paragraph.label();
    let child = content_model::child_kind(paragraph.number);
    let quote = child == Some(content_model::Child::Quote);
    let announce = use_announcer();
    let is_target = {
        let anchor = anchor.clone();
        move || target.with(|t| *t == anchor)
    };
    let copy_link = {
        let anchor = anchor.clone();
        move |ev: leptos::ev::MouseEvent| {
            ev.prevent_default();
            browser::copy_to_clipboard(&browser::url_with_hash(&anchor));
            browser::flag_again(ev.current_target(), "data-copied");
            go_to_fragment(target, &anchor);
            announce.say(format!("Link to paragraph {} copied", paragraph.label()));
        }
    };
    view! {
        <div
            class="para"
            id=anchor.clone()
            tabindex="-1"
            role=quote.then_some("blockquote")
            class:sub=child.is_some()
            class:quote=quote
            class:is-target=is_target
        >
            <p data-n=label.clone()>
                {paragraph.numbered.then(|| view! { <span class="para-num">{format!("{}. ", content_model::printed_number(paragraph.number))}</span> })}
                <ReadingText text=&paragraph.text ranges=matches terms=&paragraph.terms names=names notes=&paragraph.notes slug=slug/>
            </p>
            // After the text: in the margin on wide screens, at the end of the last line on
            // phones, so it never shortens the lines a reader starts on.
            <a
                class="para-link"
                href=href(&format!("/{slug}#{anchor}"))
                aria-label=format!("Copy link to paragraph {label}")
                title="Copy link to this paragraph"
                on:click=copy_link
            >"¶"</a>
            // A footnote leads back to where the text refers to it.
            {content_model::footnote_index(paragraph.number).map(|n| {
                let back = href(&format!("/{slug}#fnref-{n}"));
                view! { <span inner_html=format!(r#"<a class="note-back" href="{back}" aria-label="Back to the reference to {label}">↩</a>"#)></span> }
            })}
            // Opens the citation dialog (public/cite.js, loaded on first use by register-sw.js).
            <button type="button" class="cite-button" aria-label=format!("Cite paragraph {label}") title="Cite this paragraph">
                "Cite"
            </button>
        </div>
    }
}
