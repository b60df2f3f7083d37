//! `/entities`: the organisations, places, people, groups and legal instruments the documents
//! name, by kind; `/entities/<id>`: one of them, every mention in its sentence, linked to the
//! paragraph.

use content_model::{paragraph_label, routes};
use leptos::prelude::*;

use crate::browser;
use crate::components::count;
use crate::components::highlighted::Highlighted;
use crate::components::page_header::PageHeader;
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
        {ENTITY_KINDS.iter().map(|&(kind, heading)| view! {
            <section aria-labelledby=format!("kind-{kind}")>
                <h2 id=format!("kind-{kind}")>{heading}</h2>
                <ul class="entity-list">
                    {library::entities().into_iter().map(|(_, e)| e).filter(|e| e.kind == kind).map(|e| view! {
                        <li>
                            <a href=href(&e.path())>{e.name.as_str()}</a>
                            <span class="entity-count">{format!(" · {}", count(e.mentions as usize, "mention", "mentions"))}</span>
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        }).collect_view()}
    }
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
    Some(view! {
        <h1 tabindex="-1">{entity.name.as_str()}</h1>
        <p class="doc-meta">
            <a href=href(routes::ENTITIES)>{kind}</a>
            {format!(
                " · {} in {} of {}",
                count(entity.mentions as usize, "mention", "mentions"),
                count(entity.paragraphs as usize, "paragraph", "paragraphs"),
                count(entity.documents as usize, "document", "documents")
            )}
        </p>
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
