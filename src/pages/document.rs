//! `/<slug>`: one document, with its contents, paragraph anchors and neighbours.

use content_model::Child;
use leptos::either::{Either, EitherOf4};
use leptos::prelude::*;

use crate::browser;
use crate::components::document_list::DocumentMeta;
use crate::components::fragment::{go_to_fragment, use_fragment_target};
use crate::components::highlighted::ReadingText;
use crate::components::match_bar::MatchBar;
use crate::components::name_marks::NameFilter;
use crate::components::paragraph::ParagraphBlock;
use crate::components::table::table_html;
use crate::library::{self, Block, Document, Heading, Paragraph};
use crate::router::{cited_url, href, use_location};

/// The document at `index`. A search query in the URL (`?q=`) marks every match and brings up
/// the match bar; quoted words (`?quote=`, from a figure or an event) are marked where the
/// paragraph the URL names has them verbatim. A new query renders the document anew.
#[component]
pub fn DocumentPage(index: u32) -> impl IntoView {
    let location = use_location();
    // The location changes a moment before the router replaces this page with the next one:
    // a URL of another page keeps what this page shows, rather than rendering it anew for
    // the next page's query.
    let path = location.with_untracked(|l| l.path.clone());
    let param = move |name: &'static str| {
        let path = path.clone();
        Memo::new(move |shown: Option<&Option<String>>| {
            location.with(|l| match shown {
                Some(shown) if l.path != path => shown.clone(),
                _ => l.param(name).filter(|q| !q.trim().is_empty()),
            })
        })
    };
    let query = param("q");
    let quote = param("quote");
    // Marking a query's matches needs the search index, which comes with the whole library.
    let searchable = Memo::new(move |_| query.get().is_some() && crate::corpus_search::ready());
    Effect::new(move |_| {
        if query.get().is_some() {
            crate::corpus_search::warm_up();
        }
    });
    move || {
        let _ = searchable.get();
        view! { <DocumentView index=index query=query.get() quote=quote.get()/> }
    }
}

/// The address printed under a document: the page's URL once the app runs, its path before;
/// without a search's marks (`?q=`, `?quote=`), which are the reader's, not the document's
/// (a `file:` page keeps its query, which names the page).
fn printed_url(path: &str, running: bool) -> String {
    let full = running.then(|| browser::window()?.location().href().ok()).flatten();
    full.map_or_else(
        || href(path),
        |url| {
            let url = url.split('#').next().unwrap_or_default();
            if url.starts_with("file:") { url } else { url.split('?').next().unwrap_or_default() }.to_string()
        },
    )
}

/// Where `text` holds `quote` verbatim.
fn quoted_ranges(text: &str, quote: Option<&str>) -> Vec<std::ops::Range<usize>> {
    quote.map(|q| text.match_indices(q).map(|(at, _)| at..at + q.len()).collect()).unwrap_or_default()
}

#[component]
fn DocumentView(index: u32, query: Option<String>, quote: Option<String>) -> impl IntoView {
    let doc: &'static Document = library::document(index)?;
    browser::set_page_title(&doc.title);
    crate::head::set_page_description(|| doc.summary.to_string());
    let running = crate::app::app_running();
    let target = use_fragment_target();
    let mentions = &doc.names;
    let mentioned: Vec<u16> = mentions.iter().map(|m| m.entity).collect();
    let body = {
        let marks = query.as_deref().and_then(crate::corpus_search::marks);
        // The quote is marked in the paragraph the link named, not wherever the words recur.
        let cited = use_location().with_untracked(|l| l.hash.clone());
        let ranges = |text: &str| marks.as_ref().map(|m| m(text)).unwrap_or_default();
        let paragraph_ranges = |p: &Paragraph| {
            let mut ranges = ranges(&p.text);
            if p.anchor() == cited {
                ranges.extend(quoted_ranges(&p.text, quote.as_deref()));
            }
            ranges
        };
        let names_in =
            |number: u32| mentions.iter().filter(|m| m.paragraph == number).map(|m| (m.start, m.end, m.entity)).collect::<Vec<_>>();
        let paragraph = |p: &'static Paragraph| {
            view! { <ParagraphBlock paragraph=p slug=&doc.slug target=target matches=paragraph_ranges(p) names=names_in(p.number)/> }
        };
        // A bulleted list's items (each a paragraph of its own, for anchors and search) are
        // set in one list, and a table's rows in one table.
        let is_item = |b: &Block| matches!(b, Block::Paragraph(p) if content_model::child_kind(p.number) == Some(Child::Item));
        let numbered = |b: &Block| matches!(b, Block::Paragraph(p) if p.numbered);
        let table_of = |b: &Block| if let Block::Paragraph(p) = b { content_model::table_row(p.number).map(|(t, _)| t) } else { None };
        let blocks = doc
            .blocks
            .chunk_by(|a, b| is_item(a) && is_item(b) && numbered(a) == numbered(b) || table_of(a).is_some() && table_of(a) == table_of(b))
            .map(|run| match run {
                [Block::Heading(h)] => EitherOf4::A(view! { <SectionHeading heading=h target=target matches=ranges(&h.text)/> }),
                [block @ Block::Paragraph(p)] if !is_item(block) && table_of(block).is_none() => EitherOf4::B(paragraph(p)),
                [first, ..] if table_of(first).is_some() => {
                    let number = table_of(first).unwrap_or_default();
                    let rows: Vec<&Paragraph> = run.iter().filter_map(|b| if let Block::Paragraph(p) = b { Some(p) } else { None }).collect();
                    // Scrolls sideways on a narrow screen rather than squeezing its columns.
                    EitherOf4::D(view! {
                        <div
                            class="table-scroll"
                            role="region"
                            tabindex="0"
                            aria-label=format!("Table {number}")
                            inner_html=table_html(number, &rows, &doc.slug, paragraph_ranges)
                        ></div>
                    })
                }
                items => EitherOf4::C(view! {
                    <ul class="items">
                        {items.iter().filter_map(|b| if let Block::Paragraph(p) = b { Some(view! { <li>{paragraph(p)}</li> }) } else { None }).collect_view()}
                    </ul>
                }),
            })
            .collect_view();
        view! {
            <div class="doc-body">{blocks}</div>
            {query.map(|q| view! { <MatchBar query=q doc_path=doc.path()/> })}
        }
    };
    Some(view! {
        // Citation data for the Cite dialog (public/cite.js): only what the content file gives.
        <article
            class="document"
            aria-label=doc.title.as_str()
            data-cite-kind=doc.kind.label()
            data-cite-date=doc.date.as_ref().map(|d| d.iso.as_str())
            data-cite-place=doc.place.as_deref()
            data-cite-author=doc.citation.author.as_deref()
            data-cite-issued-by=doc.citation.issued_by.as_deref()
            data-cite-publisher=doc.citation.publisher.as_deref()
            data-cite-url=doc.citation.url.as_deref()
        >
            <header class="doc-header">
                <h1 tabindex="-1"><ReadingText text=&doc.title ranges=Vec::new() terms=&doc.title_terms names=Vec::new()/></h1>
                <DocumentMeta doc=&doc.entry/>
                {doc.source.as_deref().map(|s| view! { <p class="doc-source">"Source: " {s}</p> })}
            </header>
            <NameFilter mentions=mentioned/>
            <KeyFigures doc=doc/>
            <Contents doc=doc target=target/>
            {body}
            <p class="print-only print-url">{move || printed_url(&doc.path(), running.get())}</p>
        </article>
        <Neighbours index=index/>
    })
}

#[component]
fn SectionHeading(heading: &'static Heading, target: RwSignal<String>, matches: Vec<std::ops::Range<usize>>) -> impl IntoView {
    let id = heading.anchor.as_str();
    let is_target = move || target.with(|t| t == id);
    let text = view! { <ReadingText text=&heading.text ranges=matches terms=&heading.terms names=Vec::new()/> };
    match heading.level {
        3 => Either::Left(view! { <h3 id=id tabindex="-1" class:is-target=is_target>{text}</h3> }),
        _ => Either::Right(view! { <h2 id=id tabindex="-1" class:is-target=is_target>{text}</h2> }),
    }
}

/// The operation's key figures, for documents that have them, each linked to its paragraph
/// with the words that state it marked.
#[component]
fn KeyFigures(doc: &'static Document) -> impl IntoView {
    let doc_path = doc.path();
    let figures = &doc.figures;
    (!figures.is_empty()).then(|| {
        view! {
            <aside class="key-figures" aria-labelledby="key-figures-title">
                <h2 id="key-figures-title" class="key-figures-title">"Key figures"</h2>
                <dl>
                    {figures.iter().map(|f| view! {
                        <div class="key-figure">
                            <dt>{f.label.as_str()}</dt>
                            <dd><a href=href(&cited_url(&doc_path, &f.quote, f.paragraph))>{f.value.as_str()}</a></dd>
                        </div>
                    }).collect_view()}
                </dl>
            </aside>
        }
    })
}

/// The table of contents, for documents with headings.
#[component]
fn Contents(doc: &'static Document, target: RwSignal<String>) -> impl IntoView {
    let headings: Vec<&'static Heading> = doc.headings().collect();
    (!headings.is_empty()).then(|| {
        view! {
            <nav class="toc" aria-label="Contents">
                <h2 class="toc-title">"Contents"</h2>
                <ul>
                    {headings.into_iter().map(|h| view! {
                        <li class=format!("toc-level-{}", h.level)>
                            <a href=href(&format!("{}#{}", doc.path(), h.anchor)) on:click=move |ev| {
                                ev.prevent_default();
                                go_to_fragment(target, &h.anchor);
                            }>{h.text.as_str()}</a>
                        </li>
                    }).collect_view()}
                </ul>
            </nav>
        }
    })
}

/// Links to the previous and next documents in the list.
#[component]
fn Neighbours(index: u32) -> impl IntoView {
    let previous = index.checked_sub(1).and_then(library::entry);
    let next = library::entry(index + 1);
    view! {
        <nav class="neighbours" aria-label="Previous and next documents">
            {previous.map(|d| view! {
                <a href=href(&d.path()) class="neighbour previous" rel="prev">
                    <span class="neighbour-label">"Previous"</span>
                    <span class="neighbour-title">{d.title.as_str()}</span>
                </a>
            })}
            {next.map(|d| view! {
                <a href=href(&d.path()) class="neighbour next" rel="next">
                    <span class="neighbour-label">"Next"</span>
                    <span class="neighbour-title">{d.title.as_str()}</span>
                </a>
            })}
        </nav>
    }
}
