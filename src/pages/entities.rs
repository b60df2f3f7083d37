//! `/entities`: the organisations, places, people, groups and legal instruments the documents
//! name, by kind; `/entities/<id>`: one of them, every mention in its sentence, linked to the
//! paragraph.

use leptos::prelude::*;

use crate::browser;
use crate::components::highlighted::Highlighted;
use crate::content::{Block, Entity, EntityMention, DOCUMENTS, ENTITIES, ENTITY_KINDS};
use crate::router::href;

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// How many documents mention the entity.
fn document_count(entity: &Entity) -> usize {
    let mut docs: Vec<u16> = entity.mentions.iter().map(|m| m.0).collect();
    docs.dedup();
    docs.len()
}

#[component]
pub fn EntitiesPage() -> impl IntoView {
    browser::set_page_title("Names");
    crate::head::set_page_description(|| {
        format!(
        "The {} organisations, places, people, groups and legal instruments the documents name, each with every mention in its sentence.",
        ENTITIES.len()
    )
    });
    view! {
        <h1 tabindex="-1">"Names"</h1>
        <p class="lede">"Every organisation, place, person, group and legal instrument the documents name, with each mention."</p>
        {ENTITY_KINDS.iter().map(|&(kind, heading)| view! {
            <section aria-labelledby=format!("kind-{kind}")>
                <h2 id=format!("kind-{kind}")>{heading}</h2>
                <ul class="entity-list">
                    {ENTITIES.iter().filter(|e| e.kind == kind).map(|e| view! {
                        <li>
                            <a href=href(&e.path())>{e.name}</a>
                            <span class="entity-count">{format!(" · {}", plural(e.mentions.len(), "mention", "mentions"))}</span>
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        }).collect_view()}
    }
}

#[component]
pub fn EntityPage(index: usize) -> impl IntoView {
    let entity: &'static Entity = &ENTITIES[index];
    browser::set_page_title(entity.name);
    crate::head::set_page_description(|| {
        format!(
            "{}: {} in {}, each in its sentence and linked to its paragraph.",
            entity.name,
            plural(entity.mentions.len(), "mention", "mentions"),
            plural(document_count(entity), "document", "documents")
        )
    });
    let kind = ENTITY_KINDS.iter().find(|(k, _)| *k == entity.kind).map_or(entity.kind, |(_, heading)| heading);
    let mut groups: Vec<(u16, Vec<&EntityMention>)> = Vec::new();
    for mention in entity.mentions {
        match groups.last_mut() {
            Some((doc, list)) if *doc == mention.0 => list.push(mention),
            _ => groups.push((mention.0, vec![mention])),
        }
    }
    view! {
        <h1 tabindex="-1">{entity.name}</h1>
        <p class="doc-meta">
            <a href=href("/entities")>{kind}</a>
            {format!(" · {} in {}", plural(entity.mentions.len(), "mention", "mentions"), plural(document_count(entity), "document", "documents"))}
        </p>
        <p class="entity-aliases">"Written as: " {entity.aliases.join(", ")}</p>
        {groups.into_iter().filter_map(|(doc, mentions)| Some((DOCUMENTS.get(usize::from(doc))?, mentions))).map(|(doc, mentions)| view! {
            <section class="result-group" aria-label=doc.title>
                <h2><a href=href(&doc.path())>{doc.title}</a></h2>
                <ol class="hits">
                    {mentions.into_iter().filter_map(|&(_, number, s_start, s_end, start, end)| {
                        let text = doc.blocks.iter().find_map(|b| match b {
                            Block::Paragraph(p) if p.number == u32::from(number) => Some(p.text),
                            _ => None,
                        })?;
                        let sentence = text.get(s_start as usize..s_end as usize)?;
                        let mark = (start - s_start) as usize..(end - s_start) as usize;
                        Some(view! {
                            <li class="result">
                                <a href=href(&format!("{}#p-{number}", doc.path())) class="hit-link">
                                    <span class="hit-where">{format!("¶ {number}")}</span>
                                    <span class="hit-snippet"><Highlighted text=sentence.trim_end() ranges=vec![mark]/></span>
                                </a>
                            </li>
                        })
                    }).collect_view()}
                </ol>
            </section>
        }).collect_view()}
    }
}
