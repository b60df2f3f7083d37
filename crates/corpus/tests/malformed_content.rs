//! A malformed content file fails the build with its file and line.

use std::path::Path;

use corpus::ContentErrors;

const GOOD_BODY: &str = "\nA paragraph.\n";

fn load(files: &[(&str, &str)]) -> Result<Vec<corpus::Document>, ContentErrors> {
    corpus::load_sources(files.iter().map(|(p, t)| (Path::new(*p), *t)))
}

/// The one error reported, as "file:line: message".
fn error_of(files: &[(&str, &str)]) -> String {
    let errors = load(files).expect_err("the content must be rejected");
    assert_eq!(errors.0.len(), 1, "expected one error, got:\n{errors}");
    errors.0[0].to_string()
}

fn file(front: &str) -> String {
    format!("+++\n{front}\n+++\n{GOOD_BODY}")
}

#[test]
fn a_well_formed_file_loads() {
    let text = file("slug = \"a\"\ntitle = \"A\"\nkind = \"speech\"\ndate = \"2024-02-29\"");
    let docs = load(&[("content/a.md", &text)]).expect("valid");
    assert_eq!(docs[0].date.map(|d| d.display()).as_deref(), Some("29 February 2024"));
}

#[test]
fn missing_title_names_the_file_and_front_matter() {
    let text = file("slug = \"a\"\nkind = \"speech\"");
    assert_eq!(error_of(&[("content/a.md", &text)]), "content/a.md:1: the front matter has no `title`");
}

#[test]
fn unknown_kind_names_its_line() {
    let text = file("slug = \"a\"\ntitle = \"A\"\nkind = \"pamphlet\"");
    assert_eq!(
        error_of(&[("content/a.md", &text)]),
        "content/a.md:4: unknown kind \"pamphlet\": expected one of statement, press-release, speech"
    );
}

#[test]
fn bad_dates_name_their_line() {
    for bad in ["2017-13-01", "2017-02-30", "7 July 2017", "2017-7-7"] {
        let text = file(&format!("slug = \"a\"\ntitle = \"A\"\nkind = \"speech\"\ndate = \"{bad}\""));
        let error = error_of(&[("content/a.md", &text)]);
        assert!(error.starts_with("content/a.md:5: bad date"), "{bad}: {error}");
    }
}

#[test]
fn duplicate_slug_names_the_second_file_and_the_first() {
    let a = file("title = \"A\"\nslug = \"same\"\nkind = \"speech\"");
    let b = file("kind = \"speech\"\ntitle = \"B\"\nslug = \"same\"");
    assert_eq!(
        error_of(&[("content/a.md", &a), ("content/b.md", &b)]),
        "content/b.md:4: duplicate slug \"same\": content/a.md uses it already"
    );
}

#[test]
fn reserved_and_malformed_slugs_are_refused() {
    for slug in content_model::routes::RESERVED_SLUGS {
        let reserved = file(&format!("slug = \"{slug}\"\ntitle = \"A\"\nkind = \"speech\""));
        assert!(error_of(&[("c/a.md", &reserved)]).starts_with(&format!("c/a.md:2: slug \"{slug}\" is reserved")), "{slug}");
    }
    let spaced = file("slug = \"Two Words\"\ntitle = \"A\"\nkind = \"speech\"");
    assert!(error_of(&[("c/a.md", &spaced)]).starts_with("c/a.md:2: slug \"Two Words\" must be"));
}

/// A valid front matter with `line` added as its fifth line.
fn with_line(line: &str) -> String {
    file(&format!("slug = \"a\"\ntitle = \"A\"\nkind = \"speech\"\n{line}"))
}

#[test]
fn citation_fields_are_checked_like_the_others() {
    let relative = with_line("url = \"www.example.org/a\"");
    assert!(error_of(&[("c/a.md", &relative)]).starts_with("c/a.md:5: url \"www.example.org/a\" must be a web address"));
    assert!(error_of(&[("c/a.md", &with_line("url = \"https://example.org/a b\""))]).starts_with("c/a.md:5: url"));
    assert_eq!(error_of(&[("c/a.md", &with_line("issued_by = \" \""))]), "c/a.md:5: `issued_by` is empty");
}

#[test]
fn unknown_fields_and_broken_toml_name_their_line() {
    assert!(error_of(&[("c/a.md", &with_line("titel = \"x\""))]).starts_with("c/a.md:5: bad front matter: unknown field `titel`"));
    let broken = file("slug = \"a\"\ntitle = \"A\nkind = \"speech\"");
    assert!(error_of(&[("c/a.md", &broken)]).starts_with("c/a.md:3: bad front matter"));
}

#[test]
fn missing_fences_are_reported() {
    assert_eq!(error_of(&[("c/a.md", "title = \"A\"\n")]).split(':').nth(1), Some("1"));
    assert!(error_of(&[("c/a.md", "+++\ntitle = \"A\"\n")]).contains("never closed"));
}

#[test]
fn body_errors_name_their_line() {
    let front = "+++\nslug = \"a\"\ntitle = \"A\"\nkind = \"statement\"\n+++\n";
    let skipped = format!("{front}\n1. One.\n\n## Section\n\n3. Three.\n\n4. Four.\n");
    // One gap is one error, in the file's own numbers, with what to write instead.
    assert_eq!(
        error_of(&[("c/a.md", &skipped)]),
        "c/a.md:11: paragraph numbered 3 where 2 was expected: the file skips 2; number this one 2"
    );
    // Numbering that starts again after a heading: say how to declare it.
    let restarted = format!("{front}\n1. One.\n\n2. Two.\n\n## Annex\n\n1. First of the annex.\n");
    assert!(error_of(&[("c/a.md", &restarted)]).ends_with(
        "declare numbering = \"per-section\" in the front matter, or numbering = \"per-annex\" where it starts again in annexes only"
    ));
    let declared = restarted.replace("kind = \"statement\"", "kind = \"statement\"\nnumbering = \"per-annex\"");
    let doc = &load(&[("c/a.md", &declared)]).expect("declared")[0];
    let anchors: Vec<String> = doc.paragraphs().map(|p| content_model::paragraph_anchor(p.number)).collect();
    assert_eq!(anchors, ["p-1", "p-2", "annex-1-p-1"]);
    let unknown = restarted.replace("kind = \"statement\"", "kind = \"statement\"\nnumbering = \"by-chapter\"");
    assert_eq!(
        error_of(&[("c/a.md", &unknown)]),
        "c/a.md:5: unknown numbering \"by-chapter\": expected one of continuous, per-section, per-annex"
    );
    // In one list too, the number is the one the file writes (Markdown would read "3." as 2).
    let in_one_list = format!("{front}\n1. One.\n3. Three.\n");
    assert!(error_of(&[("c/a.md", &in_one_list)]).starts_with("c/a.md:8: paragraph numbered 3 where 2 was expected"));
    let repeated = format!("{front}\n1. One.\n\n2. Two.\n\n2. Two again.\n");
    assert_eq!(
        error_of(&[("c/a.md", &repeated)]),
        "c/a.md:11: paragraph numbered 2 where 3 was expected: 2 comes before it; number this one 3"
    );
    // Unnumbered paragraphs, then a number that is neither 1 (a preamble) nor the next.
    let preamble = format!("{front}\nHaving met in Paris,\n\nRecalling its earlier decisions,\n\n4. Decides.\n");
    assert_eq!(
        error_of(&[("c/a.md", &preamble)]),
        "c/a.md:11: paragraph numbered 4 where 3 was expected: if the 2 unnumbered paragraphs before it are a preamble, \
         number this one 1 (a preamble is cited PP1, PP2, ...); otherwise number it 3"
    );
    let between = format!("{front}\n1. One.\n\nUnnumbered.\n\n2. Two.\n");
    assert!(error_of(&[("c/a.md", &between)]).ends_with("takes the next number, so number this one 3, or number the one before it"));
    // A numbered paragraph's later paragraphs are sub-paragraphs, marked in order.
    let unmarked = format!("{front}\n1. One:\n\n    (a) first;\n\n    then more.\n");
    assert!(error_of(&[("c/a.md", &unmarked)]).starts_with("c/a.md:11: sub-paragraph no marker where (b) was expected"));
    let out_of_order = format!("{front}\n1. One:\n\n    (i) first;\n\n    (iii) third.\n");
    assert!(error_of(&[("c/a.md", &out_of_order)]).starts_with("c/a.md:11: sub-paragraph (iii) where (ii) was expected"));
    let orphan = format!("{front}\n> Quoted before any paragraph.\n\nText.\n");
    assert_eq!(error_of(&[("c/a.md", &orphan)]), "c/a.md:7: a list or a quotation must follow the paragraph it belongs to");
    let nested = format!("{front}\nText:\n\n- one\n  - two\n");
    assert!(error_of(&[("c/a.md", &nested)]).starts_with("c/a.md:10: a list inside a list item or a quotation"));
    // A numbered paragraph's own list is its children; numbered, it counts from 1.
    let own_list = format!("{front}\n1. One:\n\n    - first;\n    - second.\n\n2. Two.\n");
    let docs = load(&[("c/a.md", &own_list)]).expect("a list in a numbered paragraph");
    let labels: Vec<String> = docs[0].paragraphs().map(|p| content_model::paragraph_label(p.number)).collect();
    assert_eq!(labels, ["1", "1, item 1", "1, item 2", "2"]);
    let gap = format!("{front}\n1. One:\n\n    1. first;\n    3. third.\n");
    assert_eq!(
        error_of(&[("c/a.md", &gap)]),
        "c/a.md:10: list item numbered 3 where 2 was expected: number a paragraph's list from 1, in order (a numbered list must be \
         its paragraph's first list)"
    );
    // Footnotes: each referred to once, each reference with its text.
    let missing = format!("{front}\nText.[^1]\n");
    assert_eq!(error_of(&[("c/a.md", &missing)]), "c/a.md:7: footnote [^1] has no text: add a line `[^1]: ...` to the file");
    let unreferred = format!("{front}\nText.\n\n[^1]: A note.\n");
    assert_eq!(error_of(&[("c/a.md", &unreferred)]), "c/a.md:9: footnote [^1] is never referred to: refer to it in the text, or remove it");
    let twice = format!("{front}\nText.[^1] More.[^1]\n\n[^1]: A note.\n");
    assert_eq!(error_of(&[("c/a.md", &twice)]), "c/a.md:7: footnote [^1] is referred to twice: refer to each footnote once");
    let in_list = format!("{front}\nText:[^1]\n\n- one\n\n  [^1]: A note.\n");
    assert_eq!(error_of(&[("c/a.md", &in_list)]), "c/a.md:11: footnote [^1] inside a list or a quotation: write it on a line of its own");
    let table_in_list = format!("{front}\nText:\n\n- one\n\n  | a | b |\n  | - | - |\n  | 1 | 2 |\n");
    assert!(error_of(&[("c/a.md", &table_in_list)]).starts_with("c/a.md:11: a table inside a list, a quotation or a footnote"));
    let marked_cell = format!("{front}\n| a | b |\n| - | - |\n| *1* | 2 |\n");
    assert!(error_of(&[("c/a.md", &marked_cell)]).starts_with("c/a.md:9: unsupported Markdown (Emphasis)"));
    let after_table = format!("{front}\n| a | b |\n| - | - |\n| 1 | 2 |\n\n- an item\n");
    assert_eq!(error_of(&[("c/a.md", &after_table)]), "c/a.md:11: a list or a quotation must follow the paragraph it belongs to");
    let two_lists = format!("{front}\n1. One:\n\n    - first;\n\n    1. then.\n");
    assert!(error_of(&[("c/a.md", &two_lists)]).ends_with("(a numbered list must be its paragraph's first list)"));
    // Text that only looks like a reference is no error when escaped, nor where it is none.
    let escaped = format!("{front}\nThe pattern \\[^1] and a [^ b] bracket.\n");
    let docs = load(&[("c/a.md", &escaped)]).expect("an escaped reference is text");
    assert_eq!(docs[0].paragraphs().next().map(|p| p.text.as_str()), Some("The pattern [^1] and a [^ b] bracket."));
    let long_note = format!("{front}\nText.[^1]\n\n[^1]: A note.\n\n    Its second paragraph.\n");
    assert_eq!(error_of(&[("c/a.md", &long_note)]), "c/a.md:11: a footnote must be one paragraph");
    let markup = format!("{front}\nSome *emphasis* here.\n");
    assert!(error_of(&[("c/a.md", &markup)]).starts_with("c/a.md:7: unsupported Markdown (Emphasis)"));
    let title_heading = format!("{front}\n# Title\n\nText.\n");
    assert!(error_of(&[("c/a.md", &title_heading)]).starts_with("c/a.md:7: use `##`"));
    let empty = format!("{front}\n## Only a heading\n");
    assert_eq!(error_of(&[("c/a.md", &empty)]), "c/a.md:0: the document has no paragraphs");
}

#[test]
fn every_error_in_a_folder_is_reported_at_once() {
    let a = file("slug = \"a\"\nkind = \"speech\"");
    let b = file("slug = \"b\"\ntitle = \"B\"\nkind = \"memo\"");
    let errors = load(&[("c/a.md", &a), ("c/b.md", &b)]).expect_err("both are bad");
    assert_eq!(errors.0.len(), 2);
}

#[test]
fn headings_get_readable_unique_anchors_and_paragraphs_numbers() {
    let text = "+++\nslug = \"a\"\ntitle = \"A\"\nkind = \"speech\"\n+++\n\n## 1. Investing\n\nOne.\n\n## 1. Investing\n\nTwo.\n\n## P 3\n\nThree.\n";
    let doc = &load(&[("c/a.md", text)]).expect("valid")[0];
    let anchors: Vec<_> =
        doc.blocks.iter().filter_map(|b| if let corpus::Block::Heading(h) = b { Some(h.anchor.as_str()) } else { None }).collect();
    assert_eq!(anchors, ["1-investing", "1-investing-2", "p-3-section"]);
    assert_eq!(doc.paragraphs().map(|p| p.number).collect::<Vec<_>>(), [1, 2, 3]);
}

#[test]
fn a_malformed_glossary_names_its_line() {
    let path = Path::new("content/glossary.toml");
    let dup = "[[term]]\nterm = \"UN\"\nexpansion = \"United Nations\"\n\n[[term]]\nterm = \"UN\"\nexpansion = \"again\"\n";
    assert_eq!(
        corpus::glossary::parse_curated(path, dup).unwrap_err().to_string(),
        "content/glossary.toml:6: \"UN\" is in the glossary twice"
    );
    let missing = "[[term]]\nterm = \"UN\"\n";
    assert!(corpus::glossary::parse_curated(path, missing).unwrap_err().to_string().starts_with("content/glossary.toml:1: bad glossary"));
    let empty = "[[term]]\nterm = \"UN\"\nexpansion = \" \"\n";
    assert!(corpus::glossary::parse_curated(path, empty).unwrap_err().to_string().starts_with("content/glossary.toml:2:"));
}

#[test]
fn a_figure_whose_quote_is_not_in_the_text_fails_with_its_line() {
    let doc = file("slug = \"a\"\ntitle = \"A\"\nkind = \"press-release\"");
    let docs = load(&[("content/a.md", &doc)]).expect("valid");
    let path = Path::new("content/figures.toml");
    let good = "[[figure]]\ndoc = \"a\"\nlabel = \"L\"\nvalue = \"1\"\nquote = \"A paragraph\"\n";
    assert_eq!(corpus::verified::parse_figures(path, good, &docs).expect("quote found")[0].paragraph, 1);
    let bad = "[[figure]]\ndoc = \"a\"\nlabel = \"L\"\nvalue = \"1\"\nquote = \"A paragraph that is not there\"\n";
    assert_eq!(
        corpus::verified::parse_figures(path, bad, &docs).unwrap_err().to_string(),
        "content/figures.toml:5: the quote \"A paragraph that is not there\" is not in content/a.md word for word"
    );
    let no_doc = "[[figure]]\ndoc = \"zz\"\nlabel = \"L\"\nvalue = \"1\"\nquote = \"A\"\n";
    assert!(corpus::verified::parse_figures(path, no_doc, &docs)
        .unwrap_err()
        .to_string()
        .starts_with("content/figures.toml:2: no document"));
    let bad_date = "[[event]]\ndate = \"July 2017\"\nwhen = \"x\"\nlabel = \"x\"\ndoc = \"a\"\nquote = \"A\"\n";
    assert!(corpus::verified::parse_timeline(Path::new("t.toml"), bad_date, &docs)
        .unwrap_err()
        .to_string()
        .starts_with("t.toml:2: bad date"));
}

#[test]
fn full_dates_in_the_text_join_the_timeline() {
    let text = "+++\nslug = \"a\"\ntitle = \"A\"\nkind = \"speech\"\n+++\n\nOn 26 June 2017, and again on 31 February 2017 (no such day), and in June 2017, and on 4  July\u{a0}2017.\n";
    let docs = load(&[("content/a.md", text)]).expect("valid");
    let events = corpus::verified::parse_timeline(Path::new("t.toml"), "", &docs).expect("empty timeline file is fine");
    let found: Vec<(&str, &str, u32)> = events.iter().map(|e| (e.date.as_str(), e.when.as_str(), e.paragraph)).collect();
    assert_eq!(found, [("2017-06-26", "26 June 2017", 1), ("2017-07-04", "4  July\u{a0}2017", 1)]);
    assert!(events.iter().all(|e| docs[0].paragraphs().any(|p| p.text.contains(&e.quote))), "quotes are the text's own words");
}

#[test]
fn a_new_document_s_unknown_names_are_reported_and_known_ones_are_not() {
    let text = file("slug = \"a\"\ntitle = \"A\"\nkind = \"speech\"").replace(
        "A paragraph.",
        "Europol officers met the Danube Commission in Lyon in June. The Bulgarian police helped. Vienna agreed, then waited (see Annex). The\u{a0}report said “no”. Then Paris – London.",
    );
    let docs = load(&[("content/a.md", &text)]).expect("valid");
    let list = corpus::entities::parse(
        Path::new("content/entities.toml"),
        "not_entities = [\"June\", \"Bulgarian\"]\n[[entity]]\nid = \"europol\"\nname = \"Europol\"\nkind = \"organisation\"\naliases = [\"Europol\"]\n",
    )
    .expect("parses");
    let unknown: Vec<(String, usize, (String, u32))> =
        corpus::entities::unknown_names(&docs, &list).into_iter().map(|u| (u.name, u.count, u.first)).collect();
    // "Vienna" opens a sentence alone: it could be any word, so it is not reported there.
    let at = |name: &str| (name.to_string(), 1, ("a".to_string(), 1));
    // "The" and "Then" open sentences after "(see Annex)." and "“no”." (the text also writes
    // them in lower case); "Annex" stands alone in brackets; the dash parts Paris from London.
    assert_eq!(unknown, [at("Danube Commission"), at("Lyon"), at("Annex"), at("Paris"), at("London")]);
}

#[test]
fn an_unexplained_acronym_in_a_title_or_heading_is_reported() {
    let text = "+++\nslug = \"a\"\ntitle = \"The XYZ report\"\nkind = \"speech\"\n+++\n\n## About QRS\n\nA paragraph.\n";
    let docs = load(&[("content/a.md", text)]).expect("valid");
    let (_, unknown) = corpus::glossary::build(&docs, &[]);
    assert_eq!(unknown, ["QRS", "XYZ"]);
}

#[test]
fn a_topic_the_topics_file_does_not_hold_fails_at_its_line() {
    let path = Path::new("content/topics.toml");
    let topics = corpus::topics::parse(path, "topics = [\"Terrorism\", \"Defence\"]\n").expect("parses");
    let text = file("slug = \"a\"\ntitle = \"A\"\nkind = \"speech\"\ntopics = [\"Defence\", \"Cyber\"]");
    let docs = load(&[("content/a.md", &text)]).expect("valid on its own");
    let errors: Vec<String> = corpus::topics::check(&docs, &topics, path).iter().map(ToString::to_string).collect();
    assert_eq!(
        errors,
        ["content/a.md:5: unknown topic \"Cyber\": add it to content/topics.toml or use one of its topics (it lists Terrorism, Defence)"]
    );
    assert_eq!(
        corpus::topics::parse(path, "topics = [\n  \"Terrorism\",\n  \"terrorism\",\n]\n").unwrap_err().to_string(),
        "content/topics.toml:3: \"terrorism\" is in the list twice"
    );
    assert!(corpus::topics::parse(path, "topic = []\n").unwrap_err().to_string().starts_with("content/topics.toml:1: bad topics file"));
}

#[test]
fn an_issuing_body_the_entity_file_does_not_hold_fails_at_its_line() {
    let path = Path::new("content/entities.toml");
    let list = corpus::entities::parse(
        path,
        "[[entity]]\nid = \"eurojust\"\nname = \"Eurojust\"\nkind = \"organisation\"\naliases = [\"Eurojust\", \"EJ\"]\n",
    )
    .expect("parses");
    let good = file("slug = \"a\"\ntitle = \"A\"\nkind = \"speech\"\nissued_by = \"EJ\"");
    let bad = file("slug = \"b\"\ntitle = \"B\"\nkind = \"speech\"\nissued_by = \"Eurojst\"");
    let docs = load(&[("content/a.md", &good), ("content/b.md", &bad)]).expect("valid on their own");
    let errors: Vec<String> = corpus::entities::unknown_issuers(&docs, &list, path).iter().map(ToString::to_string).collect();
    assert_eq!(
        errors,
        ["content/b.md:5: issued_by \"Eurojst\" is not an organisation of content/entities.toml: add it there (kind = \"organisation\") or write one of the names it lists"]
    );
}

#[test]
fn tables_keep_their_cells_and_are_numbered_in_order() {
    let front = "+++\nslug = \"a\"\ntitle = \"A\"\nkind = \"statement\"\n+++\n";
    let text = format!(
        "{front}\nFigures:\n\n| Year | Cases[^1] |\n| - | - |\n| 2024 | 12 |\n| 2025 | a&#9;b |\n\nMore.\n\n| x |\n| - |\n| y |\n\n[^1]: Counted at the end of each year.\n"
    );
    let docs = load(&[("c/a.md", &text)]).expect("tables load");
    let rows: Vec<(String, String)> = docs[0].paragraphs().map(|p| (content_model::paragraph_label(p.number), p.source_text())).collect();
    let row = |label: &str, text: &str| (label.to_string(), text.to_string());
    assert_eq!(
        rows,
        [
            row("1", "Figures:"),
            row("Table 1, header", "Year | Cases"),
            row("Table 1, row 1", "2024 | 12"),
            // A tab written in a cell is a space in it, not a new cell.
            row("Table 1, row 2", "2025 | a b"),
            row("2", "More."),
            row("Table 2, header", "x"),
            row("Table 2, row 1", "y"),
            row("note 1", "Counted at the end of each year."),
        ]
    );
    // A reference in a cell stands where the cell's text ends.
    let header = docs[0].paragraphs().nth(1).expect("the header row");
    assert_eq!((header.text.as_str(), header.notes.as_slice()), ("Year\tCases", &[(10, 1)][..]));
}
