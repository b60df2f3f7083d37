//! Documents shaped as institutions publish them, kept out of the default corpus
//! (`tests/fixtures/`): each builds, and reads as its file writes it.

use std::path::{Path, PathBuf};

use corpus::Block;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures").join(name)
}

#[test]
fn a_resolution_keeps_its_preamble_apart_and_its_operative_numbers() {
    let docs = corpus::load_dir(&fixture("resolution")).unwrap_or_else(|e| panic!("the fixture must load:\n{e}"));
    let doc = &docs[0];
    let anchors: Vec<String> = doc.paragraphs().map(|p| content_model::paragraph_anchor(p.number)).collect();
    assert_eq!(
        anchors,
        [
            "pp-1",
            "pp-2",
            "pp-3",
            "p-1",
            "p-1-quote-1",
            "p-1-quote-2",
            "p-2",
            "p-2-a",
            "p-2-b",
            "p-2-c",
            "p-3",
            "p-3-i",
            "p-3-ii",
            "p-4",
            "p-4-item-1",
            "p-4-item-2",
            "annex-1-p-1",
            "annex-1-p-1-item-1",
            "annex-1-p-1-item-2",
            "annex-1-p-2",
            "annex-1-p-2-a",
            "annex-1-p-3",
            "table-1-head",
            "table-1-row-1",
            "table-1-row-2",
            "table-1-row-3",
            "fn-1",
            "fn-2",
            "fn-3",
            "fn-4",
        ]
    );
    let labels: Vec<String> = doc.paragraphs().map(|p| content_model::paragraph_label(p.number)).collect();
    assert_eq!(labels[..7], ["PP1", "PP2", "PP3", "1", "1, quote 1", "1, quote 2", "2"]);
    assert_eq!(labels[7..13], ["2(a)", "2(b)", "2(c)", "3", "3(i)", "3(ii)"]);
    assert_eq!(labels[13..19], ["4", "4, item 1", "4, item 2", "Annex 1.1", "Annex 1.1, item 1", "Annex 1.1, item 2"]);
    assert_eq!(
        labels[19..26],
        ["Annex 1.2", "Annex 1.2(a)", "Annex 1.3", "Table 1, header", "Table 1, row 1", "Table 1, row 2", "Table 1, row 3"]
    );
    // Footnotes come after the text, numbered in the order the text refers to them.
    assert_eq!(labels[26..], ["note 1", "note 2", "note 3", "note 4"]);
    let note = |n: usize| doc.paragraphs().nth(25 + n).expect("the footnote");
    assert_eq!(note(1).text, "Decisions 12 and 15 of the Example Council, taken in 2024.");
    assert_eq!(note(2).text, "The channel is the one the Council's secretariat keeps for its members.");
    let built_doc = &corpus::build_library(&fixture("resolution")).expect("builds").library.documents[0].1;
    assert!(built_doc.headings().any(|h| h.anchor == "notes" && h.text == "Notes"), "the footnotes' heading");
    let pp2 = built_doc.paragraphs().nth(1).expect("PP2");
    assert_eq!(
        (pp2.text.as_str(), pp2.notes.as_slice()),
        ("Recalling its earlier decisions on the exchange of information between border agencies,", &[(31, 1)][..],)
    );
    // The annex numbers its paragraphs afresh, as its file writes them.
    assert_eq!(doc.paragraphs().nth(19).map(|p| p.source_text()).as_deref(), Some("2. An answer shall come within seven days:"));
    // Every line reads as the file writes it: the preamble without numbers, the numbered
    // paragraphs with theirs, each sub-paragraph with its marker.
    let lines: Vec<String> = doc.paragraphs().map(|p| p.source_text()).collect();
    assert_eq!(lines[0], "The Example Council,");
    assert!(lines[3].starts_with("1. Decides that member states shall share their watch lists"));
    assert_eq!(lines[5], "No state shall keep a list that its neighbours cannot read.");
    assert_eq!(lines[7], "(a) name for each entry the authority that keeps it;");
    assert_eq!(lines[12], "(ii) the entries removed and the time each removal took;");
    assert_eq!(lines[15], "the time each state took to answer a request.");
    // A numbered list in a paragraph's flow: its items are the paragraph's, with their numbers.
    assert_eq!(lines[17], "1. answer in the language of the request;");
    // A table's rows, each cell as the file writes it (an empty one kept).
    assert_eq!(lines[22], "Requested by | Requests | Answered within seven days");
    assert_eq!(lines[24], "Example State B | 64 | ");
    assert_eq!(doc.paragraphs().nth(25).map(|p| p.text.as_str()), Some("Example Council secretariat\t12\t12"));
    assert!(doc.blocks.iter().any(|b| matches!(b, Block::Heading(h) if h.anchor == "review")));
    // The whole folder builds, and the reader's data keeps the numbers.
    let built = corpus::build_library(&fixture("resolution")).unwrap_or_else(|e| panic!("the fixture must build:\n{e}"));
    let part_doc = &built.library.documents[0].1;
    let numbers: Vec<u32> = part_doc.paragraphs().map(|p| p.number).take(6).collect();
    let quote = |i| content_model::child_number(1, content_model::Child::Quote, i);
    assert_eq!(numbers, [content_model::PREAMBLE + 1, content_model::PREAMBLE + 2, content_model::PREAMBLE + 3, 1, quote(1), quote(2)]);
}
