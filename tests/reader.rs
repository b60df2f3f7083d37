//! The reader mounted in a real browser: what each route shows, and how it reacts.
#![cfg(target_arch = "wasm32")]
#![recursion_limit = "256"]

mod support;

use support::{active_element_id, document, library, location_hash, open, open_again, settle};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const STATEMENT: &str = "/g20-statement-countering-terrorism";
const SPEECH: &str = "/defence-secretary-speech-csis";

#[wasm_bindgen_test]
async fn home_lists_every_document_with_its_facts() {
    let app = open("/").await;
    assert_eq!(app.text("main h1"), "Documents");
    assert_eq!(document().title(), "Documents · Security Policy Reader");
    let cards = app.all(".doc-card");
    assert_eq!(cards.len(), library().documents.len());
    let explore: Vec<String> = app.all(".explore a").iter().map(|a| a.get_attribute("href").unwrap_or_default()).collect();
    assert_eq!(explore, ["/glossary", "/entities", "/timeline"]);
    assert_eq!(app.text(".explore li a"), format!("{} acronyms explained", library().glossary.len()));
    let titles: Vec<String> = app.all(".doc-card-title a").iter().map(|a| a.text_content().unwrap_or_default()).collect();
    assert_eq!(
        titles,
        [
            "G20 Leaders’ Statement on Countering Terrorism",
            "Human trafficking ring dismantled by Spanish and Bulgarian authorities",
            "Romanian THB ring disrupted in France",
            "Speech: Defence Secretary Speech at CSIS, Washington",
        ]
    );
    let hrefs: Vec<String> = app.all(".doc-card-title a").iter().filter_map(|a| a.get_attribute("href")).collect();
    assert_eq!(hrefs[0], STATEMENT);
    let second = cards[1].text_content().unwrap_or_default();
    assert!(second.contains("Press release · 7 July 2017 ·"), "{second}");
    assert!(second.contains("min read"));
    assert!(second.contains("A large-scale joint investigation"), "summary shown: {second}");
}

#[wasm_bindgen_test]
async fn a_document_keeps_its_numbered_paragraphs_contents_and_neighbours() {
    let app = open(STATEMENT).await;
    assert_eq!(app.text("main h1"), "G20 Leaders’ Statement on Countering Terrorism");
    assert_eq!(document().title(), "G20 Leaders’ Statement on Countering Terrorism · Security Policy Reader");
    let ids: Vec<String> = app.all(".para").iter().map(|p| p.id()).collect();
    assert_eq!(ids, (1..=21).map(|n| format!("p-{n}")).collect::<Vec<_>>());
    assert!(app.text("#p-10 p").starts_with("10. We underline our resolve"));
    assert_eq!(app.all(".toc a").len(), 3);
    assert_eq!(
        app.one(".toc a").get_attribute("href").as_deref(),
        Some("/g20-statement-countering-terrorism#implementing-international-commitments-and-enhancing-cooperation"),
        "the page's own path before the fragment: `<base href>` would take a bare fragment home"
    );
    assert!(app.all(".neighbour.previous").is_empty(), "the first document has no previous one");
    assert!(app.text(".neighbour.next").contains("Human trafficking ring dismantled"));
}

#[wasm_bindgen_test]
async fn the_speech_shows_its_eight_headings_in_order() {
    let app = open(SPEECH).await;
    let headings: Vec<String> = app.all(".doc-body h2").iter().map(|h| h.text_content().unwrap_or_default()).collect();
    assert_eq!(
        headings,
        [
            "Stronger Defence",
            "1. Investing",
            "2. Acting",
            "3. Partnering",
            "US Strongest Ally",
            "Stronger Deterrence",
            "Leadership",
            "Conclusion"
        ]
    );
    assert!(app.all(".neighbour.next").is_empty(), "the last document has no next one");
    assert!(app.text(".doc-meta").contains("Washington"));
}

#[wasm_bindgen_test]
async fn a_deep_link_marks_and_focuses_its_paragraph() {
    let app = open(&format!("{STATEMENT}#p-10")).await;
    assert!(app.one("#p-10").class_list().contains("is-target"));
    assert!(!app.one("#p-9").class_list().contains("is-target"));
    assert_eq!(active_element_id(), "p-10");
}

#[wasm_bindgen_test]
async fn the_paragraph_link_puts_the_paragraph_in_the_url_and_says_so() {
    let app = open(STATEMENT).await;
    app.click("#p-3 .para-link");
    settle().await;
    assert_eq!(location_hash(), "#p-3");
    assert!(app.one("#p-3").class_list().contains("is-target"));
    assert_eq!(app.text("#announcer"), "Link to paragraph 3 copied");
    assert_eq!(app.one("#p-3 .para-link").get_attribute("aria-label").as_deref(), Some("Copy link to paragraph 3"));
}

#[wasm_bindgen_test]
async fn the_contents_link_targets_its_heading() {
    let app = open(SPEECH).await;
    app.click(".toc li:nth-child(3) a");
    settle().await;
    assert_eq!(location_hash(), "#2-acting");
    assert!(app.one("[id=\"2-acting\"]").class_list().contains("is-target"));
}

#[wasm_bindgen_test]
async fn an_unknown_slug_shows_a_helpful_not_found_page() {
    let app = open("/no-such-document").await;
    assert_eq!(app.text("main h1"), "Page not found");
    assert_eq!(document().title(), "Page not found · Security Policy Reader");
    assert_eq!(app.text(".not-found-path"), "/no-such-document");
    assert!(app.all("main a").iter().any(|a| a.get_attribute("href").as_deref() == Some("/")));
    assert!(app.all("main a").iter().any(|a| a.get_attribute("href").as_deref() == Some("/glossary")));
}

#[wasm_bindgen_test]
async fn an_unknown_nested_path_is_not_found_too() {
    let app = open("/a/b/c").await;
    assert_eq!(app.text("main h1"), "Page not found");
}

#[wasm_bindgen_test]
async fn the_theme_toggle_switches_and_remembers() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let root = document().document_element().unwrap();
    let system_dark = web_sys::window().unwrap().match_media("(prefers-color-scheme: dark)").unwrap().is_some_and(|m| m.matches());
    storage.remove_item("reader-theme").unwrap();
    let app = open("/").await;
    assert_eq!(app.text(".theme-toggle"), "◐ Theme: System");
    app.click(".theme-toggle");
    settle().await;
    let expected = if system_dark { "light" } else { "dark" };
    assert_eq!(root.get_attribute("data-theme").as_deref(), Some(expected));
    assert_eq!(storage.get_item("reader-theme").unwrap().as_deref(), Some(expected));
    assert!(app.text(".theme-toggle").ends_with(if system_dark { "Light" } else { "Dark" }));
}

#[wasm_bindgen_test]
async fn the_shell_has_a_skip_link_and_landmarks() {
    let app = open("/").await;
    assert_eq!(app.one(".skip-link").get_attribute("href").as_deref(), Some("/#main"));
    assert_eq!(app.all("header.site-header").len(), 1);
    assert_eq!(app.all("main#main").len(), 1);
    assert_eq!(app.one("#announcer").get_attribute("role").as_deref(), Some("status"));
}

#[wasm_bindgen_test]
async fn the_results_page_groups_hits_by_document_with_marked_snippets() {
    let app = open("/search?q=Eurojust").await;
    assert_eq!(app.text("main h1"), "Search results");
    assert_eq!(document().title(), "Search: Eurojust · Security Policy Reader");
    let groups: Vec<String> = app.all(".result-group h2").iter().map(|h| h.text_content().unwrap_or_default()).collect();
    assert_eq!(groups.len(), 2, "both press releases mention Eurojust: {groups:?}");
    assert!(app.all(".result mark.hit").iter().all(|m| m.text_content().as_deref() == Some("Eurojust")));
    let first_link = app.one(".result .hit-link").get_attribute("href").unwrap_or_default();
    assert!(first_link.contains("?q=Eurojust#p-"), "{first_link}");
}

#[wasm_bindgen_test]
async fn a_landing_marks_every_match_and_counts_them() {
    let app = open(&format!("{STATEMENT}?q=FATF#p-11")).await;
    settle().await;
    let marks = app.all(".doc-body mark.hit:not(.continued)");
    assert!(marks.len() >= 10, "FATF appears across the statement: {}", marks.len());
    // "FATF’s" is one match, though the acronym's control splits its mark in two.
    assert!(!app.all(".doc-body mark.hit.continued").is_empty());
    assert_eq!(app.text(".match-status"), format!("Match {} of {}", first_mark_in(&app, "p-11") + 1, marks.len()));
    assert!(app.one("#p-11 mark.hit").class_list().contains("current"));
    assert!(app.text("#p-11 p").starts_with("11. There should be no"), "marks leave the text as it is");
}

fn first_mark_in(app: &support::Mounted, id: &str) -> usize {
    app.all(".doc-body mark.hit:not(.continued)")
        .iter()
        .position(|m| m.closest(&format!("#{id}")).ok().flatten().is_some())
        .expect("a mark in the target")
}

#[wasm_bindgen_test]
async fn no_results_names_the_query_and_suggests() {
    let app = open("/search?q=eurojustice").await;
    assert!(app.text(".search-summary").starts_with("No results for"));
    assert_eq!(app.text(".suggestions a"), "eurojust");
}

#[wasm_bindgen_test]
async fn the_glossary_explains_every_acronym_with_its_definition_and_uses() {
    let app = open("/glossary").await;
    assert_eq!(app.text("main h1"), "Glossary");
    assert_eq!(document().title(), "Glossary · Security Policy Reader");
    let terms: Vec<String> = app.all(".glossary dt").iter().map(|t| t.text_content().unwrap_or_default()).collect();
    for term in ["AML/CFT", "EAW", "FATF", "FTF", "ICAO", "JIT", "THB", "UNSCR", "WCO"] {
        assert!(terms.iter().any(|t| t == term), "{term} missing from {terms:?}");
    }
    let fatf = app.one("#g-FATF + dd");
    let text = fatf.text_content().unwrap_or_default();
    assert!(text.starts_with("Financial Action Task Force"), "{text}");
    assert!(text.contains("Defined in G20 Leaders’ Statement on Countering Terrorism ¶10"), "{text}");
    assert_eq!(
        app.one("#g-FATF + dd .glossary-defined a").get_attribute("href").as_deref(),
        Some("/g20-statement-countering-terrorism#p-10")
    );
    let thb = app.text("#g-THB + dd");
    assert!(thb.contains("trafficking in human beings") && !thb.contains("Defined in"), "{thb}");
}

#[wasm_bindgen_test]
async fn acronyms_in_the_text_show_their_expansion_on_demand() {
    let app = open(STATEMENT).await;
    let button = app.one("#p-12 .term-button");
    assert_eq!(button.text_content().as_deref(), Some("FATF"));
    assert_eq!(button.get_attribute("aria-label").as_deref(), Some("FATF: Financial Action Task Force"));
    assert_eq!(button.get_attribute("aria-expanded").as_deref(), Some("false"));
    assert!(app.all("#p-12 .term-tip").is_empty(), "the expansion is not in the text until asked for");
    assert!(app.text("#p-12 p").starts_with("12. We welcome the reforms agreed by the FATF Plenary"));
    app.click("#p-12 .term-button");
    settle().await;
    assert_eq!(app.text("#p-12 .term-expansion"), "Financial Action Task Force");
    assert_eq!(app.one("#p-12 .term-tip a").get_attribute("href").as_deref(), Some("/entities/fatf"), "the entity's mentions");
    assert_eq!(app.one("#p-12 .term-button").get_attribute("aria-expanded").as_deref(), Some("true"));
    let aml = app.all("#p-12 .term-button").into_iter().find(|b| b.text_content().as_deref() == Some("AML/CFT"));
    assert!(aml.is_some(), "slashed acronyms are one control");
    let release = open("/romanian-thb-ring-disrupted-france").await;
    assert_eq!(release.one("main h1 .term-button").get_attribute("aria-label").as_deref(), Some("THB: trafficking in human beings"));
    assert_eq!(release.text("main h1"), "Romanian THB ring disrupted in France");
    let speech = open(SPEECH).await;
    let in_headings: Vec<String> = speech.all(".doc-body h2 .term-button").iter().map(|b| b.text_content().unwrap_or_default()).collect();
    assert_eq!(in_headings, ["US"], "acronyms in headings are explained too");
}

#[wasm_bindgen_test]
async fn an_entity_page_lists_every_mention_in_its_sentence() {
    let app = open("/entities/isil").await;
    assert_eq!(app.text("main h1"), "ISIL / ISIS / Daesh");
    let meta = app.text(".doc-meta");
    assert!(meta.contains("6 mentions in ") && meta.ends_with(" paragraphs of 2 documents · The documents that name it"), "{meta}");
    assert_eq!(app.one(".doc-meta a:last-child").get_attribute("href").as_deref(), Some("/documents/name/isil"), "its catalogue shelf");
    assert!(meta.contains(&format!("in {} paragraphs", app.all(".result").len())), "one quote per paragraph: {meta}");
    let marks: Vec<String> = app.all(".result mark.hit").iter().map(|m| m.text_content().unwrap_or_default()).collect();
    assert_eq!(marks, ["ISIL", "ISIS", "Daesh", "Daesh", "Daesh", "Daesh"]);
    let first = app.one(".result .hit-link").get_attribute("href").unwrap_or_default();
    assert_eq!(first, "/g20-statement-countering-terrorism#p-10");
    assert!(app.text(".result .hit-snippet").starts_with("We call for strengthening measures against the financing"));
}

#[wasm_bindgen_test]
async fn names_are_marked_by_kind_and_link_to_their_entity() {
    let app = open("/trafficking-ring-dismantled-spain-bulgaria").await;
    assert!(app.all(".name").is_empty(), "nothing is marked until the reader asks");
    assert!(app.all("#p-2 a.name").is_empty(), "unmarked names are not links");
    let toggles: Vec<String> = app.all(".name-toggle").iter().map(|b| b.text_content().unwrap_or_default()).collect();
    assert_eq!(toggles.len(), 2, "only the kinds this document names: {toggles:?}");
    let places = app.one(".name-toggle[data-kind=place]");
    let label = places.text_content().unwrap_or_default();
    assert!(label.starts_with("Places ") && label.ends_with(" mentions"), "{label}");
    let count: usize = label.split_whitespace().nth(1).and_then(|n| n.parse().ok()).expect("a count");
    app.click(".name-toggle[data-kind=place]");
    settle().await;
    assert_eq!(places.get_attribute("aria-pressed").as_deref(), Some("true"));
    let marked = app.all(".name");
    assert_eq!(marked.len(), count);
    assert!(marked.iter().all(|m| m.get_attribute("data-kind").as_deref() == Some("place")));
    let names: Vec<String> = marked.iter().map(|m| m.text_content().unwrap_or_default()).collect();
    for place in ["Spain", "Bulgaria", "Málaga", "Marbella", "Torremolinos", "Puerto Banús", "Pazardzhik"] {
        assert!(names.iter().any(|n| n == place), "{place} is marked: {names:?}");
    }
    let malaga = marked.iter().find(|m| m.text_content().as_deref() == Some("Málaga")).expect("Málaga");
    assert_eq!(malaga.get_attribute("href").as_deref(), Some("/entities/malaga"));
    assert!(app.text("#p-2 p").contains("transported them to Málaga"), "the text reads as before");
    drop(app);

    // The choice holds on the next document; a name that is also an acronym keeps its control.
    let statement = open_again(STATEMENT).await;
    statement.click(".name-toggle[data-kind=organisation]");
    settle().await;
    let fatf = statement.all("#p-12 .name").into_iter().find(|m| m.text_content().as_deref() == Some("FATF")).expect("FATF marked");
    assert_eq!(fatf.get_attribute("href"), None, "no button inside a link");
    assert!(fatf.query_selector(".term-button").ok().flatten().is_some());
    assert!(statement.all(".name[data-kind=place]").iter().any(|m| m.text_content().as_deref() == Some("Indonesia")));
    // A name within a name ("UN" in "UN Security Council") shows as the longer one.
    let council = statement.all(".name").into_iter().filter(|m| m.text_content().as_deref() == Some("UN Security Council")).count();
    assert_eq!(council, 3);
    assert!(statement.all(".name .name").is_empty(), "names are never nested");
    let in_p2 = |app: &support::Mounted| -> Vec<(String, String)> {
        app.all("#p-2 .name")
            .iter()
            .map(|m| (m.text_content().unwrap_or_default(), m.get_attribute("data-kind").unwrap_or_default()))
            .collect()
    };
    assert_eq!(in_p2(&statement), [("UN".to_string(), "organisation".to_string())], "the UN within the UN Charter");
    statement.click(".name-toggle[data-kind=instrument]");
    settle().await;
    assert_eq!(in_p2(&statement), [("UN Charter".to_string(), "instrument".to_string())], "the longer name once both are marked");
    statement.click(".name-toggle[data-kind=instrument]");
    statement.click(".name-toggle[data-kind=organisation]");
    statement.click(".name-toggle[data-kind=place]");
    settle().await;
    assert!(statement.all(".name").is_empty(), "toggled off again");
}

#[wasm_bindgen_test]
async fn the_names_index_groups_entities_by_kind() {
    let app = open("/entities").await;
    assert_eq!(app.text("main h1"), "Names");
    let kinds: Vec<String> = app.all("main h2").iter().map(|h| h.text_content().unwrap_or_default()).collect();
    assert_eq!(kinds, ["Organisations", "Places", "People", "Groups", "Legal instruments"]);
    assert!(app.all(".entity-list a").iter().any(|a| a.get_attribute("href").as_deref() == Some("/entities/eurojust")));
    let unknown = open("/entities/nobody").await;
    assert_eq!(unknown.text("main h1"), "Page not found");
}

#[wasm_bindgen_test]
async fn a_press_release_shows_its_key_figures_linked_to_their_paragraphs() {
    let app = open("/trafficking-ring-dismantled-spain-bulgaria").await;
    let labels: Vec<String> = app.all(".key-figure dt").iter().map(|d| d.text_content().unwrap_or_default()).collect();
    assert_eq!(labels.len(), 7, "{labels:?}");
    assert_eq!(labels[0], "Arrests");
    let searches =
        app.all(".key-figure").into_iter().find(|f| f.text_content().unwrap_or_default().starts_with("Searches")).expect("searches");
    let link = searches.query_selector("a").unwrap().expect("a link");
    let quote = "In total, 38 searches were carried out (21 in Málaga, Spain, and 17 in Bulgaria)";
    let expected = format!("/trafficking-ring-dismantled-spain-bulgaria?quote={}#p-5", String::from(js_sys::encode_uri_component(quote)));
    assert_eq!(link.get_attribute("href").as_deref(), Some(expected.as_str()));
    link.dyn_ref::<web_sys::HtmlElement>().expect("html").click();
    settle().await;
    assert_eq!(location_hash(), "#p-5");
    let marked: String = app.all("#p-5 mark.hit").iter().map(|m| m.text_content().unwrap_or_default()).collect();
    assert_eq!(marked, quote, "the figure's source words are marked (split where names are)");
    assert_eq!(app.all(".doc-body mark.hit").len(), app.all("#p-5 mark.hit").len(), "and nothing else");
    assert!(app.all(".key-figures").len() == 1);
    let speech = open(SPEECH).await;
    assert!(speech.all(".key-figures").is_empty(), "no figures, no panel");
}

#[wasm_bindgen_test]
async fn the_timeline_lists_events_in_order_with_their_sources() {
    let app = open("/timeline").await;
    assert_eq!(app.text("main h1"), "Timeline");
    let whens: Vec<String> = app.all(".timeline-when").iter().map(|w| w.text_content().unwrap_or_default()).collect();
    assert_eq!(whens.first().map(String::as_str), Some("1996"));
    assert_eq!(whens.last().map(String::as_str), Some("7 July 2017"));
    assert_eq!(whens.len(), library().timeline.unwrap_or_default().len(), "every dated event, each once");
    let quote = String::from(js_sys::encode_uri_component("In 1996, the Iron Lady delivered a speech in Fulton Missouri"));
    let expected = format!("/defence-secretary-speech-csis?quote={quote}#p-95");
    assert_eq!(app.one(".timeline-source").get_attribute("href").as_deref(), Some(expected.as_str()));
    // By year: the first event of each year carries it and its anchor, reached from the list
    // of years at the top.
    let years: Vec<String> = app.all(".timeline-event[data-year]").iter().filter_map(|e| e.get_attribute("data-year")).collect();
    let mut expected_years: Vec<String> = library().timeline.unwrap_or_default().iter().map(|e| e.date.chars().take(4).collect()).collect();
    expected_years.dedup();
    assert_eq!(years, expected_years);
    assert_eq!(years.first().map(String::as_str), Some("1996"));
    let jumps: Vec<String> = app.all(".timeline-years a").iter().filter_map(|a| a.get_attribute("href")).collect();
    assert_eq!(jumps, years.iter().map(|y| format!("/timeline#y-{y}")).collect::<Vec<_>>());
    assert!(app.all(".timeline-event[data-year]").iter().all(|e| Some(e.id()) == e.get_attribute("data-year").map(|y| format!("y-{y}"))));
}
