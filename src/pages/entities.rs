//! `/entities`: the organisations, places, people, groups and legal instruments the documents
//! name, by kind; `/entities/<id>`: one of them, every mention in its sentence, linked to the
//! paragraph.

use content_model::{paragraph_label, routes};
use leptos::prelude::*;

use crate::browser;
use crate::components::highlighted::Highlighted;
use crate::components::page_header::PageHeader;
use crate::components::{count, escape};
use crate::library::{self, Quote, ENTITY_KINDS};
use crate::router::{cited_url, href};

#[component]
pub fn EntitiesPage() -> impl IntoView {
    crate::head::set_page_description(|| {
        format!(
        "The {} organisations, places, people, groups and legal instruments the documents name, each with every mention in its sentence.",
        library::entities().len()
    )
    });
    view! {
        <PageHeader title="Names" lede="Every organisation, place, person, group and legal instrument the documents name, with each mention."/>
        <div inner_html=names_by_kind()></div>
    }
}

/// The names, kind by kind, each kind with its letters to jump to, after a list of the kinds
/// with how many names each holds. Written as one string: markup the app never changes, which
/// as views cost the wasm about 1 KB brotli more.
fn names_by_kind() -> String {
    let entities = library::entities();
    let page = |anchor: &str| href(&format!("{}#{anchor}", routes::ENTITIES));
    let mut kinds = String::new();
    let mut sections = String::new();
    for &(kind, heading) in &ENTITY_KINDS {
        let mut letters = String::new();
        let mut names = String::new();
        let mut last = None;
        let mut n = 0;
        for e in entities.iter().map(|(_, e)| *e).filter(|e| e.kind == kind) {
            // The first name of each letter carries the letter's anchor, which the section's
            // list of letters jumps to.
            let letter = initial(&e.name);
            let id = match last.replace(letter) != Some(letter) {
                true => {
                    let anchor = format!("{kind}-{}", letter.to_ascii_lowercase());
                    letters.push_str(&format!(r#"<li><a href="{}">{letter}</a></li>"#, page(&anchor)));
                    format!(r#" id="{anchor}""#)
                }
                false => String::new(),
            };
            n += 1;
            let mentions = count(e.mentions as usize, "mention", "mentions");
            names.push_str(&format!(
                r#"<li{id}><a href="{}">{}</a><span class="entity-count"> · {mentions}</span></li>"#,
                href(&e.path()),
                escape(&e.name)
            ));
        }
        if n == 0 {
            continue;
        }
        kinds.push_str(&format!(r#"<li><a href="{}">{heading}</a> <span class="count">({n})</span></li>"#, page(&format!("kind-{kind}"))));
        sections.push_str(&format!(
            r#"<section aria-labelledby="kind-{kind}"><h2 id="kind-{kind}">{heading}</h2><nav class="jumps" aria-label="{heading} by initial"><ul>{letters}</ul></nav><ul class="entity-list">{names}</ul></section>"#
        ));
    }
    format!(r#"<nav class="jumps" aria-label="Kinds of name"><ul>{kinds}</ul></nav>{sections}"#)
}

/// The letter a name is listed under: its first character, in capitals (the build sorts names
/// with accents aside, and the names it indexes start with a plain letter).
fn initial(name: &str) -> char {
    name.chars().next().map_or('#', |c| c.to_ascii_uppercase())
}

#[component]
pub fn EntityPage(index: u16) -> impl IntoView {
    let entity = library::entity(index)?;
    browser::set_page_title(&entity.name);
    crate::head::set_page_description(|| {
        format!(
            "{}: {} in {}, each in its sentence and linked to its paragraph.",
            entity.name,
            count(entity.mentions as usize, "mention", "mentions"),
            count(entity.documents as usize, "document", "documents")
        )
    });
    let kind = ENTITY_KINDS.iter().find(|(k, _)| *k == entity.kind).map_or(entity.kind.as_str(), |(_, heading)| heading);
    let mut groups: Vec<(u32, Vec<&'static Quote>)> = Vec::new();
    for quote in library::quotes(index) {
        match groups.last_mut() {
            Some((doc, list)) if *doc == quote.doc => list.push(quote),
            _ => groups.push((quote.doc, vec![quote])),
        }
    }
    // Its kind in the names index, its counts and, where it has one, its catalogue shelf: as
    // one string, like the names index.
    let shelf = match entity.documents {
        0 => String::new(),
        _ => format!(r#" · <a href="{}">The documents that name it</a>"#, href(&routes::shelf_path("name", &entity.id))),
    };
    let meta = format!(
        r#"<a href="{}">{kind}</a> · {} in {} of {}{shelf}"#,
        href(&format!("{}#kind-{}", routes::ENTITIES, entity.kind)),
        count(entity.mentions as usize, "mention", "mentions"),
        count(entity.paragraphs as usize, "paragraph", "paragraphs"),
        count(entity.documents as usize, "document", "documents")
    );
    Some(view! {
        <h1 tabindex="-1">{entity.name.as_str()}</h1>
        <p class="doc-meta" inner_html=meta></p>
        <p class="entity-aliases">"Written as: " {entity.aliases.join(", ")}</p>
        {groups.into_iter().filter_map(|(doc, quotes)| Some((library::entry(doc)?, quotes))).map(|(doc, quotes)| view! {
            <section class="result-group" aria-label=doc.title.as_str()>
                <h2><a href=href(&doc.path())>{doc.title.as_str()}</a></h2>
                <ol class="hits">
                    {quotes.into_iter().map(|quote| {
                        let number = quote.paragraph;
                        let marks = quote.marks.iter().map(|m| m.0 as usize..m.1 as usize).collect();
                        view! {
                            <li class="result">
                                <a href=href(&cited_url(&doc.path(), "", number)) class="hit-link">
                                    <span class="hit-where">{format!("¶ {}", paragraph_label(number))}</span>
                                    <span class="hit-snippet"><Highlighted text=quote.sentence.as_str() ranges=marks/></span>
                                </a>
                            </li>
                        }
                    }).collect_view()}
                </ol>
            </section>
        }).collect_view()}
    })
}
