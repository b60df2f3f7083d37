//! Synonyms on a small index: either side may be several words, and spelling one out never
//! loses what its words would find on their own.

use search::{Index, PassageInput};

const TEXTS: [&str; 6] = [
    "Thatcher, Margaret: her speech at Fulton.",
    "The Iron Lady spoke of the iron curtain.",
    "Margaret Thatcher Security Conference in London.",
    "Riots in Saint Denis last year.",
    "The THB ring was dismantled.",
    "Police in St Denis.",
];

fn index() -> Index {
    Index::build(TEXTS.iter().map(|text| PassageInput { doc: 0, title: "Title", heading: None, text })).with_synonyms([
        ("Iron Lady", "Margaret Thatcher"),
        ("Saint-Denis", "St Denis"),
        ("THB", "trafficking in human beings"),
    ])
}

fn found(q: &str) -> Vec<&'static str> {
    index().search(q, 10).hits().map(|(_, h)| TEXTS[h.passage as usize]).collect()
}

#[test]
fn a_synonym_spelled_out_still_finds_its_words_anywhere() {
    let hits = found("margaret thatcher");
    assert!(hits.contains(&TEXTS[0]), "words in another order still match: {hits:?}");
    assert!(hits.contains(&TEXTS[1]), "and the synonym finds the Iron Lady: {hits:?}");
    let rank = |text: &str| hits.iter().position(|h| *h == text);
    assert!(rank(TEXTS[2]) < rank(TEXTS[0]), "the name as typed ranks above its words apart: {hits:?}");
}

#[test]
fn a_multi_word_synonym_finds_the_other_side() {
    assert_eq!(found("iron lady")[0], TEXTS[1]);
    assert!(found("iron lady").contains(&TEXTS[2]));
    assert_eq!(found("trafficking in human beings"), [TEXTS[4]]);
    assert_eq!(found("\"trafficking in human beings\""), [TEXTS[4]], "quoted too");
}

#[test]
fn a_quoted_phrase_stays_a_phrase_and_finds_its_synonyms() {
    assert_eq!(found("\"saint denis\""), [TEXTS[3], TEXTS[5]]);
    assert_eq!(found("\"Saint-Denis\""), [TEXTS[3], TEXTS[5]]);
}

#[test]
fn some_words_of_a_synonym_typed_out_still_answer_in_part() {
    let index = Index::build(["Margaret spoke at Fulton.", "Nothing here."].iter().map(|text| PassageInput {
        doc: 0,
        title: "T",
        heading: None,
        text,
    }))
    .with_synonyms([("Iron Lady", "Margaret Thatcher")]);
    let results = index.search("margaret thatcher", 10);
    assert!(results.partial);
    assert_eq!(results.hits().map(|(_, h)| h.passage).collect::<Vec<_>>(), [0]);
}

#[test]
fn a_landing_marks_a_synonym_typed_out_where_all_its_words_stand() {
    let index = index();
    let text = "Thatcher, Margaret: her speech.";
    let marked = |q: &str, text: &'static str| index.matcher(q).ranges(text).into_iter().map(|r| &text[r]).collect::<Vec<_>>();
    assert_eq!(marked("margaret thatcher", text), ["Thatcher", "Margaret"]);
    assert!(marked("trafficking in human beings", "The ring in Sofia and in Varna.").is_empty());
    assert_eq!(marked("trafficking in human beings", "The THB ring."), ["THB"]);
}

#[test]
fn the_last_word_of_a_spelled_out_synonym_is_still_completed() {
    // "iron lad" is no synonym, but typing on completes "lad" to "lady" as usual.
    assert_eq!(found("iron lad")[0], TEXTS[1]);
}

#[test]
fn a_synonym_spelled_out_marks_its_words_only_where_they_all_stand() {
    let marked = |q: &str, text: &'static str| -> Vec<&'static str> {
        let results = index().search_marked(q, 10, |p| TEXTS.get(p as usize).copied());
        let (_, hit) = results.hits().find(|(_, h)| TEXTS[h.passage as usize] == text).expect("a hit");
        hit.ranges.iter().map(|r| &text[r.clone()]).collect()
    };
    assert_eq!(marked("trafficking in human beings", TEXTS[4]), ["THB"], "not every \"in\" of the text");
    assert_eq!(marked("margaret thatcher", TEXTS[0]), ["Thatcher", "Margaret"]);
}
