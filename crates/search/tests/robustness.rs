//! Any query is answered, without panicking and in bounded time, with valid highlight ranges.

use std::time::{Duration, Instant};

use proptest::prelude::*;
use search::snippet::snippet;
use search::{Index, PassageInput};

const TEXTS: &[&str] = &[
    "The criminal group operated in Spain and Bulgaria, transported them to Málaga and Puerto Banús.",
    "A joint action day on 19 June in France and Romania led to 23 arrests; EUR 600 000 since 2011.",
    "There should be no “safe spaces” for terrorist financing; Sharansky’s “beautiful moment”.",
    "Today we’re performing a pivotal role in the 71 member Counter-Daesh Global Coalition, F35s and P8s.",
    "مرحبا بالعالم — עברית — 日本語のテキスト — emoji 🛡️👩🏽‍⚖️ — combining e\u{301}",
];

fn index() -> Index {
    Index::build(TEXTS.iter().enumerate().map(|(i, text)| PassageInput {
        doc: (i % 2) as u32,
        title: if i % 2 == 0 { "Statement on Countering Terrorism" } else { "Press release" },
        heading: (i == 1).then_some("Fighting terrorism finance"),
        text,
    }))
}

/// Generous: the point is that no input makes the work blow up, not a speed target.
const BOUND: Duration = Duration::from_millis(500);

fn check(index: &Index, query: &str) {
    let started = Instant::now();
    let results = index.search_marked(query, 20, |p| TEXTS.get(p as usize).copied());
    let matcher = index.matcher(query);
    for (_, hit) in results.hits() {
        let text = TEXTS[hit.passage as usize];
        assert_eq!(hit.ranges, matcher.ranges(text), "search and landing highlight agree");
        for pair in hit.ranges.windows(2) {
            assert!(pair[0].end < pair[1].start, "sorted and apart");
        }
        for r in &hit.ranges {
            assert!(r.start < r.end && text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        }
        let s = snippet(text, &hit.ranges, 40);
        for r in &s.ranges {
            assert!(s.text.is_char_boundary(r.start) && s.text.is_char_boundary(r.end) && r.end <= s.text.len());
        }
    }
    assert!(started.elapsed() < BOUND, "{query:?} took {:?}", started.elapsed());
}

#[test]
fn strange_queries_are_answered() {
    let index = index();
    let long = "terrorism ".repeat(1000);
    let cases = [
        "",
        " ",
        "-",
        "--",
        "- -",
        "\"",
        "\"\"",
        "\"safe",
        "safe\"",
        "“",
        "”safe spaces“",
        "-\"safe spaces\"",
        "!!!",
        "...",
        "'",
        "’s",
        "🛡️",
        "👩🏽‍⚖️ terror",
        "مرحبا",
        "עברית",
        "\u{0}\u{7}\u{1b}[31m",
        "\u{202e}malaga",
        "e\u{301}",
        "Ｍálaga",
        "a-b-c-d-e-f",
        "1-2-3",
        "600 000 000 000",
        "<img src=x onerror=alert(1)>",
        "%00%ff",
        "\\",
        "*",
        "?",
        "((((",
        long.as_str(),
    ];
    for q in cases {
        check(&index, q);
    }
    let ten_thousand: String = "ab-".repeat(3334);
    check(&index, &ten_thousand);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn any_text_is_a_query(query in ".{0,300}") {
        check(&index(), &query);
    }

    #[test]
    fn any_mix_of_words_quotes_and_dashes_is_a_query(parts in proptest::collection::vec(
        prop_oneof!["[a-zA-Zá-ú]{1,12}", Just("\"".to_string()), Just("-".to_string()), Just(" ".to_string()), Just("’".to_string()), "[0-9]{1,4}"],
        0..40,
    )) {
        check(&index(), &parts.concat());
    }

    #[test]
    fn snippets_of_any_text_are_valid(text in ".{0,400}", max in 1usize..120) {
        let ranges: Vec<_> = text.char_indices().step_by(7).map(|(i, c)| i..i + c.len_utf8()).collect();
        let s = snippet(&text, &ranges, max);
        prop_assert!(s.text.chars().count() <= max.max(text.chars().count().min(max)));
        for r in &s.ranges {
            prop_assert!(s.text.is_char_boundary(r.start) && s.text.is_char_boundary(r.end));
        }
    }
}
