//! `/glossary`: every acronym the documents use, what it stands for, where a document defines
//! it, and every paragraph that uses it.

use content_model::paragraph_label;
use leptos::prelude::*;

use crate::components::page_header::PageHeader;
use crate::library::{self, GlossaryEntry};
use crate::router::{cited_url, href};

/// The fragment id of a term's entry: "AML/CFT" → "g-AML-CFT".
pub fn entry_anchor(term: &str) -> String {
    format!("g-{}", term.replace(|c: char| !c.is_ascii_alphanumeric(), "-"))
}

fn paragraph_link(doc: u32, number: u32, label: String) -> impl IntoView {
    let path = library::entry(doc).map_or_else(String::new, |d| d.path());
    view! { <a href=href(&cited_url(&path, "", number))>{label}</a> }
}

fn title_of(doc: u32) -> &'static str {
    library::entry(doc).map_or("", |d| d.title.as_str())
}

#[component]
pub fn GlossaryPage() -> impl IntoView {
    crate::head::set_page_description(|| {
        format!(
            "The {} acronyms the documents use: what each stands for, where it is defined, and every paragraph that uses it.",
            library::glossary().len()
        )
    });
    view! {
        <PageHeader title="Glossary" lede="Every acronym the documents use: what it stands for, where a document defines it, and each paragraph that uses it."/>
        <dl class="glossary">{library::glossary().into_iter().map(|entry| view! { <Entry entry=entry/> }).collect_view()}</dl>
    }
}

#[component]
fn Entry(entry: &'static GlossaryEntry) -> impl IntoView {
    // Uses grouped by document, in corpus order.
    let mut groups: Vec<(u32, Vec<u32>)> = Vec::new();
    for &(doc, number) in &entry.uses {
        match groups.last_mut() {
            Some((last, numbers)) if *last == doc => numbers.push(number),
            _ => groups.push((doc, vec![number])),
        }
    }
    view! {
        <dt id=entry_anchor(&entry.term)>{entry.term.as_str()}</dt>
        <dd>
            <p class="glossary-expansion">{entry.expansion.as_str()}</p>
            {entry.defined_in.map(|(doc, number)| view! {
                <p class="glossary-defined">"Defined in " {paragraph_link(doc, number, format!("{} ¶{}", title_of(doc), paragraph_label(number)))}</p>
            })}
            <ul class="glossary-uses" aria-label=format!("Paragraphs that use {}", entry.term)>
                {groups.into_iter().map(|(doc, numbers)| view! {
                    <li>
                        {title_of(doc)} ": "
                        {numbers.into_iter().enumerate().map(|(i, n)| view! {
                            {(i > 0).then_some(", ")}
                            {paragraph_link(doc, n, format!("¶{}", paragraph_label(n)))}
                        }).collect_view()}
                    </li>
                }).collect_view()}
            </ul>
        </dd>
    }
}
