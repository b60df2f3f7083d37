//! The parsed content as the reader's data: one [`content_model::Part`] holding the whole
//! library (documents, glossary, names with their mentions, figures, timeline), which the
//! build serializes and splits into the data files pages fetch.

use content_model as out;

use crate::entities::{Entity, Mention};
use crate::glossary::GlossaryEntry;
use crate::model::{Block, Document};
use crate::verified::{Event, Figure};

/// Everything the content folder holds, indexed as the app names it.
pub fn to_library(
    docs: &[Document],
    glossary: &[GlossaryEntry],
    entities: &[(Entity, Vec<Mention>)],
    figures: &[Figure],
    timeline: &[Event],
) -> out::Part {
    let by_slug: std::collections::HashMap<&str, u32> = docs.iter().enumerate().map(|(i, d)| (d.slug.as_str(), i as u32)).collect();
    let doc_index = |slug: &str| by_slug.get(slug).copied().unwrap_or(0);
    // Every mention, by document: (entity, mention).
    let mut mentions_in: Vec<Vec<(usize, &Mention)>> = vec![Vec::new(); docs.len()];
    for (e, (_, mentions)) in entities.iter().enumerate() {
        for m in mentions {
            mentions_in[doc_index(&m.slug) as usize].push((e, m));
        }
    }
    let terms = |text: &str| -> Vec<out::TermSpan> {
        crate::glossary::occurrences(text, glossary).into_iter().map(|(s, e, i)| (s as u32, e as u32, i as u16)).collect()
    };
    let documents: Vec<(u32, out::Document)> = docs
        .iter()
        .enumerate()
        .map(|(i, doc)| {
            let entry = out::DocEntry {
                slug: doc.slug.clone(),
                title: doc.title.clone(),
                title_terms: terms(&doc.title),
                kind: match doc.kind {
                    crate::DocKind::Statement => out::DocKind::Statement,
                    crate::DocKind::PressRelease => out::DocKind::PressRelease,
                    crate::DocKind::Speech => out::DocKind::Speech,
                },
                date: doc.date.map(|d| out::DocDate { iso: d.iso(), display: d.display() }),
                place: doc.place.clone(),
                source: doc.source.clone(),
                summary: doc.summary.clone(),
                reading_minutes: doc.reading_minutes,
            };
            let mut blocks: Vec<out::Block> = doc
                .blocks
                .iter()
                .map(|b| match b {
                    Block::Heading(h) => out::Block::Heading(out::Heading {
                        level: h.level,
                        anchor: h.anchor.clone(),
                        text: h.text.clone(),
                        terms: terms(&h.text),
                    }),
                    Block::Paragraph(p) => out::Block::Paragraph(out::Paragraph {
                        number: p.number,
                        numbered: p.numbered,
                        text: p.text.clone(),
                        terms: terms(&p.text),
                        notes: p.notes.clone(),
                    }),
                })
                .collect();
            // Footnotes (after the text, see markdown.rs) under a heading of their own: the
            // reader's contents list it, and search names it as their section.
            if let Some(first) =
                blocks.iter().position(|b| matches!(b, out::Block::Paragraph(p) if content_model::footnote_index(p.number).is_some()))
            {
                let taken = blocks.iter().any(|b| matches!(b, out::Block::Heading(h) if h.anchor == "notes"));
                let anchor = if taken { "footnotes" } else { "notes" };
                let heading = out::Heading { level: 2, anchor: anchor.into(), text: "Notes".into(), terms: Vec::new() };
                blocks.insert(first, out::Block::Heading(heading));
            }
            let names = mentions_in[i]
                .iter()
                .map(|(e, m)| out::NameSpan { paragraph: m.paragraph, start: m.start as u32, end: m.end as u32, entity: *e as u16 })
                .collect();
            let figures = figures
                .iter()
                .filter(|f| f.doc == doc.slug)
                .map(|f| out::Figure { label: f.label.clone(), value: f.value.clone(), quote: f.quote.clone(), paragraph: f.paragraph })
                .collect();
            (i as u32, out::Document { entry, citation: doc.citation.clone(), blocks, names, figures })
        })
        .collect();
    let glossary_out = glossary
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let entry = out::GlossaryEntry {
                term: g.term.clone(),
                expansion: g.expansion.clone(),
                defined_in: g.defined_in.as_ref().map(|(slug, n)| (doc_index(slug), *n)),
                uses: in_listed_documents(g.uses.iter().map(|(slug, n)| (doc_index(slug), *n)), |(doc, _)| *doc),
                entity: entities.iter().position(|(e, _)| e.aliases.contains(&g.term)).map(|e| e as u16),
            };
            (i as u16, entry)
        })
        .collect();
    let entities_out = entities
        .iter()
        .enumerate()
        .map(|(i, (e, mentions))| {
            let entity = out::Entity {
                id: e.id.clone(),
                name: e.name.clone(),
                kind: e.kind.clone(),
                aliases: e.aliases.clone(),
                mentions: mentions.len() as u32,
                paragraphs: {
                    let mut places: Vec<(&str, u32)> = mentions.iter().map(|m| (m.slug.as_str(), m.paragraph)).collect();
                    places.dedup();
                    places.len() as u32
                },
                documents: documents_of(mentions.iter().map(|m| m.slug.as_str())),
            };
            (i as u16, entity)
        })
        .collect();
    let quotes = entities
        .iter()
        .enumerate()
        .map(|(i, (_, mentions))| {
            // One quote per paragraph: its sentences that name the entity, each once.
            let mut quotes: Vec<out::Quote> = Vec::new();
            let mut last_sentence = (String::new(), 0, 0);
            for m in in_listed_documents(mentions.iter(), |m| doc_index(&m.slug)) {
                // The sentence as the paragraph holds it, so the mark's range fits.
                let doc = doc_index(&m.slug);
                let text = docs.get(doc as usize).and_then(|d| d.paragraphs().find(|p| p.number == m.paragraph));
                let (start, end) = m.sentence_range;
                let sentence = text.and_then(|p| p.text.get(start..end)).unwrap_or(&m.sentence).trim_end();
                let quote = match quotes.last_mut() {
                    Some(q) if q.doc == doc && q.paragraph == m.paragraph => q,
                    _ => {
                        quotes.push(out::Quote { doc, paragraph: m.paragraph, sentence: String::new(), marks: Vec::new() });
                        quotes.last_mut().expect("just pushed")
                    }
                };
                let here = (m.slug.clone(), m.paragraph, start);
                if quote.sentence.is_empty() || here != last_sentence {
                    if !quote.sentence.is_empty() {
                        quote.sentence.push_str(" … ");
                    }
                    last_sentence = here;
                    quote.sentence.push_str(sentence);
                }
                let offset = quote.sentence.len() - sentence.len();
                quote.marks.push(((offset + m.start - start) as u32, (offset + m.end - start) as u32));
            }
            (i as u16, quotes)
        })
        .collect();
    let events = timeline
        .iter()
        .take(out::LISTED_EVENTS)
        .map(|e| out::Event {
            date: e.date.clone(),
            when: e.when.clone(),
            label: e.label.clone(),
            doc: doc_index(&e.doc),
            quote: e.quote.clone(),
            paragraph: e.paragraph,
        })
        .collect();
    let doc_names = mentions_in
        .iter()
        .map(|mentions| {
            let mut named: Vec<u16> = mentions.iter().map(|(e, _)| *e as u16).collect();
            named.sort_unstable();
            named.dedup();
            named
        })
        .collect();
    let counts = out::Counts {
        documents: docs.len() as u32,
        glossary: glossary.len() as u32,
        entities: entities.len() as u32,
        events: timeline.len() as u32,
    };
    let mut library = out::Part {
        complete: Vec::new(),
        counts: Some(counts),
        entries: documents.iter().map(|(i, d)| (*i, d.entry.clone())).collect(),
        documents,
        glossary: glossary_out,
        entities: entities_out,
        quotes,
        timeline: Some(events),
        listings: Vec::new(),
        shelves: Vec::new(),
    }
    .with_catalogue(docs.iter().map(|d| d.topics.clone()).collect(), doc_names);
    library.complete = library.routes().into_iter().filter_map(|r| library.path_of(r)).collect();
    library
}

/// How many documents a list in corpus order names (a document's entries are together).
fn documents_of<'a>(slugs: impl Iterator<Item = &'a str>) -> u32 {
    let mut slugs: Vec<&str> = slugs.collect();
    slugs.dedup();
    slugs.len() as u32
}

/// The items of a list in corpus order that belong to its first [`out::LISTED_DOCUMENTS`]
/// documents.
fn in_listed_documents<T>(items: impl Iterator<Item = T>, doc_of: impl Fn(&T) -> u32) -> Vec<T> {
    let mut documents: Vec<u32> = Vec::new();
    items
        .filter(|item| {
            let doc = doc_of(item);
            if documents.last() != Some(&doc) {
                documents.push(doc);
            }
            documents.len() <= out::LISTED_DOCUMENTS
        })
        .collect()
}
