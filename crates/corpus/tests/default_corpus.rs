//! The default corpus in `content/`: four documents, faithful to the raw source dump.

use std::path::{Path, PathBuf};

use corpus::provenance::split_source_dump;
use corpus::{Block, DocKind, Document};

fn content_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content")
}

fn load() -> Vec<Document> {
    corpus::load_dir(&content_dir()).unwrap_or_else(|e| panic!("the default corpus must load:\n{e}"))
}

fn headings(doc: &Document) -> Vec<&str> {
    doc.blocks.iter().filter_map(|b| if let Block::Heading(h) = b { Some(h.text.as_str()) } else { None }).collect()
}

#[test]
fn the_dump_holds_five_texts_of_which_four_are_distinct() {
    let dump = std::fs::read_to_string(content_dir().join("source-documents.txt")).expect("dump is in the repo");
    let titles: Vec<_> = dump.lines().filter(|l| l.starts_with("Romanian THB ring")).collect();
    assert_eq!(titles.len(), 2, "the dump repeats the Romanian press release");
    assert_eq!(split_source_dump(&dump).len(), 4);
}

#[test]
fn every_document_shows_its_source_text_verbatim_and_adds_nothing() {
    let dump = std::fs::read_to_string(content_dir().join("source-documents.txt")).expect("dump is in the repo");
    let texts = split_source_dump(&dump);
    let docs = load();
    assert_eq!(docs.len(), texts.len(), "one document per distinct source text");
    for text in &texts {
        let doc = docs.iter().find(|d| d.title == text.title()).unwrap_or_else(|| panic!("no document titled {:?}", text.title()));
        let shown = doc.source_lines();
        for (i, (source, shown)) in text.lines.iter().zip(&shown).enumerate() {
            assert_eq!(source, shown, "{}: line {} differs from the dump", doc.path.display(), i + 1);
        }
        assert_eq!(text.lines.len(), shown.len(), "{}: the document has lines the dump lacks, or lacks some", doc.path.display());
    }
}

#[test]
fn the_statement_keeps_its_sections_and_numbered_paragraphs() {
    let docs = load();
    let statement = docs.iter().find(|d| d.kind == DocKind::Statement).expect("a statement");
    assert_eq!(statement.title, "G20 Leaders’ Statement on Countering Terrorism");
    assert_eq!(
        headings(statement),
        [
            "Implementing international commitments and enhancing cooperation",
            "Fighting terrorism finance",
            "Countering radicalization conducive to terrorism and the use of internet for terrorist purposes"
        ]
    );
    let numbers: Vec<u32> = statement.paragraphs().map(|p| p.number).collect();
    assert_eq!(numbers, (1..=21).collect::<Vec<_>>());
    assert!(statement.paragraphs().all(|p| p.numbered));
    let p10 = statement.paragraphs().find(|p| p.number == 10).expect("paragraph 10");
    assert!(p10.text.starts_with("We underline our resolve"));
}

#[test]
fn the_speech_keeps_its_headings_and_invents_none() {
    let docs = load();
    let speech = docs.iter().find(|d| d.kind == DocKind::Speech).expect("a speech");
    assert_eq!(
        headings(speech),
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
    assert!(speech.paragraphs().any(|p| p.text == "We too have reached such a moment"));
    assert_eq!(speech.place.as_deref(), Some("Washington"));
}

#[test]
fn press_releases_carry_their_dateline_and_slugs_are_unique() {
    let docs = load();
    let releases: Vec<_> = docs.iter().filter(|d| d.kind == DocKind::PressRelease).collect();
    assert_eq!(releases.len(), 2);
    for r in releases {
        assert_eq!(r.date.map(|d| d.display()).as_deref(), Some("7 July 2017"));
    }
    let mut slugs: Vec<_> = docs.iter().map(|d| d.slug.as_str()).collect();
    slugs.sort();
    slugs.dedup();
    assert_eq!(slugs.len(), 4);
}

#[test]
fn summaries_and_reading_times_are_filled_in() {
    for doc in load() {
        assert!(!doc.summary.is_empty() && doc.summary.chars().count() <= 181, "{}", doc.summary);
        assert!(doc.reading_minutes >= 1);
    }
}

#[test]
fn every_acronym_in_the_corpus_is_explained() {
    let docs = load();
    let text = std::fs::read_to_string(content_dir().join("glossary.toml")).expect("glossary is in the repo");
    let curated = corpus::glossary::parse_curated(&content_dir().join("glossary.toml"), &text).expect("glossary parses");
    let (entries, unknown) = corpus::glossary::build(&docs, &curated);
    assert!(unknown.is_empty(), "acronyms no entry explains: {unknown:?}");
    let find = |term: &str| entries.iter().find(|e| e.term == term).unwrap_or_else(|| panic!("{term} in the glossary"));
    assert_eq!(find("FATF").expansion, "Financial Action Task Force");
    assert_eq!(find("FATF").defined_in, Some(("g20-statement-countering-terrorism".to_string(), 10)));
    assert_eq!(find("FTF").expansion, "foreign terrorist fighters");
    assert_eq!(find("JIT").uses.len(), 2, "the JIT appears in paragraphs of both press releases: {:?}", find("JIT").uses);
    assert_eq!(find("THB").defined_in, None);
    assert!(find("ISIL").uses.contains(&("g20-statement-countering-terrorism".to_string(), 10)), "ISIL/ISIS/Daesh counts for ISIL");
    assert!(find("EAW").uses.contains(&("trafficking-ring-dismantled-spain-bulgaria".to_string(), 5)), "EAWs counts for EAW");
    assert_eq!(find("F35").uses.len(), 3, "F35 and F35s, in three paragraphs of the speech");
    assert_eq!(find("P8").uses.len(), 2, "P8s");
}

#[test]
fn entities_are_found_across_documents_and_aliases_resolve() {
    let docs = load();
    let path = content_dir().join("entities.toml");
    let list = corpus::entities::parse(&path, &std::fs::read_to_string(&path).expect("entities file")).expect("parses");
    let unknown = corpus::entities::unknown_names(&docs, &list);
    assert!(unknown.is_empty(), "names the entity file does not know: {:#?}", unknown.iter().map(|u| &u.name).collect::<Vec<_>>());
    let entities = list.entities;
    let mentions = corpus::entities::mentions(&docs, &entities);
    let of = |id: &str| {
        let i = entities.iter().position(|e| e.id == id).unwrap_or_else(|| panic!("{id} listed"));
        &mentions[i]
    };
    let in_doc = |id: &str, slug: &str| of(id).iter().filter(|m| m.slug == slug).count();
    // Counted by hand in the dump.
    assert_eq!(in_doc("eurojust", "trafficking-ring-dismantled-spain-bulgaria"), 5);
    assert_eq!(in_doc("eurojust", "romanian-thb-ring-disrupted-france"), 1);
    assert_eq!(of("fatf").len(), 17, "16 × FATF and once spelled out");
    let isil: Vec<&str> = of("isil").iter().map(|m| m.slug.as_str()).collect();
    assert!(isil.contains(&"g20-statement-countering-terrorism") && isil.contains(&"defence-secretary-speech-csis"), "{isil:?}");
    assert_eq!(of("isil").len(), 6, "ISIL, ISIS and Daesh in the statement; Daesh three times in the speech");
    assert_eq!(of("global-coalition").len(), 1, "the speech's third \"Daesh\" is in the Counter-Daesh Global Coalition's name");
    let malaga = &of("malaga")[0];
    assert_eq!(malaga.paragraph, 2);
    assert!(malaga.sentence.starts_with("They recruited vulnerable women in Bulgaria, transported them to Málaga"));
    assert!(of("un").iter().all(|m| !m.sentence.is_empty()));
    for (entity, found) in entities.iter().zip(&mentions) {
        assert!(!found.is_empty(), "{} is never mentioned", entity.id);
        assert_eq!(found.len(), counted_by_hand(&docs, &entity.aliases), "{}", entity.id);
    }
}

/// How many times the documents name something with one of `aliases`, counted without the
/// matcher: every alias split into words, looked for word by word in each paragraph's words;
/// an occurrence inside a longer alias of the same thing counts once.
fn counted_by_hand(docs: &[Document], aliases: &[String]) -> usize {
    let mut count = 0;
    for p in docs.iter().flat_map(|d| d.paragraphs()) {
        let words: Vec<&str> = p.text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
        let mut covered = vec![false; words.len()];
        let mut longest_first: Vec<Vec<&str>> =
            aliases.iter().map(|a| a.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect()).collect();
        longest_first.sort_by_key(|a| std::cmp::Reverse(a.len()));
        for alias in &longest_first {
            for at in 0..words.len().saturating_sub(alias.len() - 1) {
                if words[at..at + alias.len()] == alias[..] && !covered[at..at + alias.len()].iter().any(|c| *c) {
                    covered[at..at + alias.len()].iter_mut().for_each(|c| *c = true);
                    count += 1;
                }
            }
        }
    }
    count
}

#[test]
fn every_figure_and_event_quotes_its_document() {
    let docs = load();
    let figures_path = content_dir().join("figures.toml");
    let figures = corpus::verified::parse_figures(&figures_path, &std::fs::read_to_string(&figures_path).expect("figures"), &docs)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(figures.len(), 10);
    let arrests = figures.iter().find(|f| f.label == "Arrests" && f.doc == "romanian-thb-ring-disrupted-france").expect("arrests");
    assert_eq!(arrests.paragraph, 1);
    let timeline_path = content_dir().join("timeline.toml");
    let events = corpus::verified::parse_timeline(&timeline_path, &std::fs::read_to_string(&timeline_path).expect("timeline"), &docs)
        .unwrap_or_else(|e| panic!("{e}"));
    let dates: Vec<&str> = events.iter().map(|e| e.date.as_str()).collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted);
    assert_eq!(dates.first(), Some(&"1996"));
    assert_eq!(events.iter().filter(|e| e.date == "2017-07-07").count(), 2, "both press releases' own date");
    let paragraph = |slug: &str, number: u32| {
        let doc = docs.iter().find(|d| d.slug == slug).expect("known document");
        doc.paragraphs().find(|p| p.number == number).map(|p| p.text.clone()).unwrap_or_default()
    };
    for (slug, number, quote) in
        figures.iter().map(|f| (&f.doc, f.paragraph, &f.quote)).chain(events.iter().map(|e| (&e.doc, e.paragraph, &e.quote)))
    {
        if number > 0 {
            assert!(paragraph(slug, number).contains(quote.as_str()), "{slug} ¶{number} does not hold {quote:?}");
        }
    }
}
