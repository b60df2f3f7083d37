//! Queries readers ask of the default corpus: the right document first, the right paragraph
//! on top, and highlights that show what matched.

use std::path::Path;
use std::sync::OnceLock;

use content_model::Part;
use search::{Index, SearchResults};

/// The default corpus as the reader's library, and each indexed paragraph: (document slug,
/// paragraph number, text), in the order the index numbers them.
struct Corpus {
    library: Part,
    passages: Vec<(String, u32, String)>,
}

fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
        let library = corpus::build_library(&dir).expect("default corpus builds").library;
        let mut passages = Vec::new();
        for (_, doc) in &library.documents {
            passages.extend(doc.paragraphs().map(|p| (doc.slug.clone(), p.number, p.text.clone())));
        }
        Corpus { library, passages }
    })
}

/// The index without synonyms: what the words alone find.
fn index() -> Index {
    Index::build(corpus().library.search_passages())
}

/// The text of a passage, for marking what a search matched in it.
fn text_of(passage: u32) -> Option<&'static str> {
    corpus().passages.get(passage as usize).map(|(_, _, text)| text.as_str())
}

fn search(q: &str) -> SearchResults {
    index().search_marked(q, 50, text_of)
}

/// (slug, paragraph number) of the top hit.
fn top(q: &str) -> (String, u32) {
    let results = search(q);
    let (_, hit) = results.hits().next().unwrap_or_else(|| panic!("no results for {q:?}"));
    let (slug, number, _) = &corpus().passages[hit.passage as usize];
    (slug.clone(), *number)
}

/// The distinct words a query highlighted in its hits, without synonyms.
fn matched_words(q: &str) -> Vec<String> {
    hit_words(&index(), q)
}

const STATEMENT: &str = "g20-statement-countering-terrorism";
const SPAIN: &str = "trafficking-ring-dismantled-spain-bulgaria";
const FRANCE: &str = "romanian-thb-ring-disrupted-france";
const SPEECH: &str = "defence-secretary-speech-csis";

#[test]
fn readers_questions_land_on_the_right_paragraph() {
    let cases: &[(&str, &str, u32)] = &[
        ("aviation security", STATEMENT, 8),
        ("Chicago Convention", STATEMENT, 8),
        ("foreign terrorist fighters conflict zones", STATEMENT, 4),
        ("returning foreign terrorist fighters home-grown", STATEMENT, 19),
        ("2178", STATEMENT, 4),
        ("beneficial ownership", STATEMENT, 14),
        ("kidnapping for ransom", STATEMENT, 16),
        ("\"safe spaces\" FATF", STATEMENT, 11),
        ("INTERPOL information sharing", STATEMENT, 6),
        ("support for victims of terrorism", STATEMENT, 9),
        ("luxury watches seized", SPAIN, 5),
        ("Puerto Banus", SPAIN, 2),
        ("Pazardzhik", SPAIN, 5),
        ("EUR 600 000", FRANCE, 4),
        ("Saint-Denis", FRANCE, 3),
        ("metro thefts Paris", FRANCE, 2),
        ("minors suspects", FRANCE, 4),
        ("Joint Expeditionary Force Sweden Finland", SPEECH, 55),
        ("Thomas Schelling", SPEECH, 67),
        ("Evil Empire", SPEECH, 91),
        ("Counter-Daesh coalition", SPEECH, 29),
        ("foreign fighters returning from Iraq and Syria", STATEMENT, 4),
        ("World Customs Organization", STATEMENT, 7),
        ("removal of terrorist content online", STATEMENT, 20),
        ("role of civil society and media", STATEMENT, 21),
        ("Europol mobile office", SPAIN, 4),
        ("when did the investigation begin", SPAIN, 3),
        ("pickpocketing metro Paris", FRANCE, 2),
        ("Dreadnought submarines", SPEECH, 20),
        ("Fulton Missouri Iron Lady", SPEECH, 95),
        ("Norway P8 agreement", SPEECH, 58),
    ];
    let mut misses = Vec::new();
    for &(q, slug, number) in cases {
        let got = top(q);
        if got != (slug.to_string(), number) {
            misses.push(format!("{q:?}: expected {slug} #{number}, got {} #{}", got.0, got.1));
        }
    }
    assert!(misses.is_empty(), "{}", misses.join("\n"));
}

#[test]
fn folding_finds_accents_apostrophes_and_hyphen_forms() {
    assert!(matched_words("malaga").contains(&"Málaga".to_string()));
    assert!(matched_words("Banus").contains(&"Banús".to_string()));
    assert!(matched_words("Sharansky's").contains(&"Sharansky’s".to_string()));
    assert!(matched_words("F-35").iter().any(|w| w.starts_with("F35")));
    assert_eq!(top("saint").0, FRANCE);
    assert_eq!(top("denis").0, FRANCE);
    assert_eq!(top("counter daesh").0, SPEECH);
}

#[test]
fn stems_prefixes_and_typos_match_ranked_below_exact() {
    assert!(matched_words("financing ").contains(&"finance".to_string()), "stemmed");
    assert!(matched_words("terr").iter().any(|w| w.starts_with("terror")), "prefix while typing");
    assert!(matched_words("Eurojsut ").contains(&"Eurojust".to_string()));
    assert!(matched_words("terorism ").contains(&"terrorism".to_string()));
    let radical = matched_words("radicalization ");
    assert!(radical.contains(&"radicalization".to_string()) && radical.contains(&"radicalisation".to_string()), "{radical:?}");
    // The exact spelling ranks above the one-edit variant.
    let results = search("radicalization ");
    let first = &corpus().passages[results.hits().next().unwrap().1.passage as usize].2;
    assert!(first.contains("radicalization"), "{first}");
}

#[test]
fn exclusions_and_phrases_narrow_results() {
    let with = search("FATF ").total;
    let without = search("FATF -Indonesia ").total;
    assert_eq!(with, without + 1);
    let phrase = search("\"human trafficking\"");
    for (_, hit) in phrase.hits() {
        assert!(corpus().passages[hit.passage as usize].2.contains("human trafficking"));
    }
    assert!(search("\"trafficking human\"").is_empty());
}

#[test]
fn results_are_grouped_by_document_best_first() {
    let results = search("Eurojust ");
    let docs: Vec<u32> = results.groups.iter().map(|g| g.doc).collect();
    let mut unique = docs.clone();
    unique.dedup();
    assert_eq!(docs, unique, "one group per document");
    for group in &results.groups {
        assert!(group.hits.windows(2).all(|w| w[0].score >= w[1].score));
    }
}

#[test]
fn no_results_offers_the_nearest_terms() {
    let results = search("xqzvk ");
    assert!(results.is_empty());
    let results = search("Bulgariaa Marbelya ");
    assert!(!results.is_empty(), "typos within the allowance still find");
    let results = search("eurojustice ");
    assert!(results.is_empty());
    assert!(results.suggestions.iter().any(|s| s == "eurojust"), "{:?}", results.suggestions);
}

#[test]
fn a_query_some_words_of_which_match_nowhere_together_still_answers() {
    let results = search("how many were arrested in Spain");
    assert!(results.partial);
    assert_eq!(top("how many were arrested in Spain").0, SPAIN);
}

/// The index with the corpus glossary's acronyms and the entities' names as synonyms: the
/// reader's own (`content_model::Part::search_index`).
fn index_with_synonyms() -> Index {
    corpus().library.search_index()
}

/// The distinct words a query highlighted in its hits on `index`.
fn hit_words(index: &Index, q: &str) -> Vec<String> {
    let results = index.search_marked(q, 50, text_of);
    let mut words: Vec<String> = results
        .hits()
        .flat_map(|(_, h)| {
            let text = &corpus().passages[h.passage as usize].2;
            h.ranges.iter().map(move |r| text[r.clone()].to_string())
        })
        .collect();
    words.sort();
    words.dedup();
    words
}

#[test]
fn an_expansion_finds_its_acronym_and_the_acronym_its_expansion() {
    let with_glossary = index_with_synonyms();
    assert!(search("\"trafficking in human beings\"").is_empty(), "the corpus never spells it out");
    let words = hit_words(&with_glossary, "trafficking in human beings");
    assert!(words.contains(&"THB".to_string()), "{words:?}");
    let words = hit_words(&with_glossary, "\"European Arrest Warrant\"");
    assert!(words.contains(&"EAWs".to_string()), "{words:?}");
    let words = hit_words(&with_glossary, "FTF ");
    assert!(words.contains(&"foreign terrorist fighters".to_string()), "{words:?}");
    // Without the glossary the acronym alone is all "FTF" finds.
    assert!(!hit_words(&index(), "FTF ").contains(&"foreign terrorist fighters".to_string()));
}

#[test]
fn an_entity_is_found_by_any_of_its_names() {
    let with_aliases = index_with_synonyms();
    let words = hit_words(&with_aliases, "ISIL ");
    assert!(words.contains(&"Daesh".to_string()), "ISIL finds Daesh in the speech: {words:?}");
    let speech_hits = with_aliases.search("ISIL ", 50).groups.iter().any(|g| corpus().library.documents[g.doc as usize].1.slug == SPEECH);
    assert!(speech_hits);
    let words = hit_words(&with_aliases, "Britain ");
    assert!(words.contains(&"UK".to_string()), "{words:?}");
    assert!(!hit_words(&index(), "Britain ").contains(&"UK".to_string()), "not without the aliases");
    // Names of several words on both sides.
    let words = hit_words(&with_aliases, "Iron Lady");
    assert!(words.contains(&"Margaret Thatcher".to_string()) && words.contains(&"Prime Minister Thatcher".to_string()), "{words:?}");
    let results = with_aliases.search("margaret thatcher", 10);
    let top = &corpus().passages[results.hits().next().expect("a hit").1.passage as usize].2;
    assert!(top.contains("Margaret Thatcher"), "what was typed outranks its synonyms: {top}");
    let results = with_aliases.search("Iron Lady", 10);
    let top = &corpus().passages[results.hits().next().expect("a hit").1.passage as usize].2;
    assert!(top.contains("the Iron Lady"), "the name as typed ranks first: {top}");
}

#[test]
fn a_slashed_acronym_and_each_of_its_parts_find_their_expansions() {
    let with_synonyms = index_with_synonyms();
    for q in [
        "anti-money laundering and countering the financing of terrorism",
        "\"anti-money laundering\"",
        "anti-money laundering",
        "countering the financing of terrorism",
    ] {
        let words = hit_words(&with_synonyms, q);
        assert!(words.iter().any(|w| w == "AML/CFT" || w == "AML" || w == "CFT"), "{q}: {words:?}");
    }
    assert!(hit_words(&index(), "anti-money laundering").is_empty(), "the corpus never spells it out");
    let words = hit_words(&with_synonyms, "AML/CFT");
    assert!(words.contains(&"AML/CFT".to_string()) || words.contains(&"AML".to_string()), "{words:?}");
}

/// `explain` takes the search's own scoring path: for the leading hits of readers' queries its
/// total is the hit's score, and it names the terms that earned it.
#[test]
fn explain_accounts_for_every_leading_hit_score() {
    let index = index();
    for q in ["FATF", "terrorist financing", "\"safe spaces\" FATF", "Eurojsut", "nuclear deterrent", "aviation security -ICAO"] {
        for (_, hit) in index.search(q, 10).hits() {
            let why = index.explain(q, hit.passage);
            assert!(
                (why.score - hit.score).abs() <= hit.score * 1e-5,
                "{q:?} passage {}: explained {} vs ranked {}\n{why}",
                hit.passage,
                why.score,
                hit.score
            );
            assert_eq!(why.matched.0, why.matched.1.min(why.matched.0), "{q:?}: matched words counted");
            assert!(why.units.iter().any(|u| !u.terms.is_empty()), "{q:?}: some term earned the score\n{why}");
        }
    }
}

#[test]
fn explain_shows_why_the_statement_leads_for_fatf() {
    let index = index();
    let results = index.search("FATF", 5);
    let (_, first) = results.hits().next().expect("a hit");
    let why = index.explain("FATF", first.passage);
    let text = why.to_string();
    assert!(text.starts_with(&format!("score {} = BM25 and fields", search::fixed3(first.score))), "{text}");
    let fatf = &why.units[0].terms.iter().find(|t| t.term == "fatf").expect("the exact term");
    assert_eq!(fatf.weight, 1.0, "an exact match weighs fully");
    assert!(fatf.count >= 1 && fatf.idf > 0.0);
    // A typo finds the same passage, at a lower weight, and says so.
    let typo = index.explain("FATG", first.passage);
    let fuzzy = typo.units[0].terms.iter().find(|t| t.term == "fatf").expect("fatf through one edit");
    assert!(fuzzy.weight < 1.0, "{typo}");
    assert!(typo.score < why.score);
    // A passage the query does not match explains itself as nothing.
    let unrelated = index.explain("FATF", u32::MAX);
    assert_eq!((unrelated.score, unrelated.units[0].terms.len()), (0.0, 0));
}

/// The index the browser reads (its dictionary, then only the shards each query asks for)
/// answers every query exactly as the index built from the text does, highlights included.
#[test]
fn the_index_read_from_its_shards_answers_as_the_built_one() {
    let built = index_with_synonyms();
    // Small shards, so a query's terms fall in many and a missing one would show.
    let (dictionary, shards) = built.to_shards(256);
    assert!(shards.len() > 50, "only {} shards", shards.len());
    let bytes = dictionary.to_bytes();
    let queries = [
        "aviation security",
        "\"safe spaces\" FATF",
        "returning foreign terrorist fighters home-grown",
        "EUR 600 000",
        "Saint-Denis",
        "trafficking in human beings",
        "THB",
        "AML/CFT",
        "Daesh",
        "terror",
        "t",
        "finance -terrorism",
        "\"foreign terrorist fighters\"",
        "teror finacing",
        "zzzzqx",
        "when did the investigation begin",
        "Fulton Missouri Iron Lady",
        "",
    ];
    let mut most = (0, "");
    for q in queries {
        let loaded = Index::from_dictionary(search::Dictionary::from_bytes(&bytes).expect("reads back")).expect("valid");
        let needed = loaded.shards_for(q);
        eprintln!("{q:?}: {} shards", needed.len());
        if q != "t" && needed.len() > most.0 {
            most = (needed.len(), q);
        }
        if !needed.is_empty() {
            assert_eq!(loaded.search_if_ready(q, 50, text_of), Err(needed.clone()), "{q:?} asks for its shards first");
        }
        for &s in &needed {
            loaded.add_shard(&shards[s]).expect("shard reads back");
        }
        assert!(loaded.shards_for(q).is_empty(), "{q:?} still needs shards");
        assert_eq!(Ok(built.search_marked(q, 50, text_of)), loaded.search_if_ready(q, 50, text_of), "{q:?}");
    }
    // A query fetches a few shards, not the index (a lone letter, a prefix of thousands of
    // terms, may need many).
    assert!(most.0 * 4 < shards.len(), "{:?} fetched {} shards of {}", most.1, most.0, shards.len());
}

#[test]
fn a_damaged_index_file_is_refused_and_never_panics() {
    let (dictionary, shards) = index_with_synonyms().to_shards(4096);
    let bytes = dictionary.to_bytes();
    assert!(search::Dictionary::from_bytes(&bytes[..bytes.len() / 2]).is_err());
    let read = || Index::from_dictionary(search::Dictionary::from_bytes(&bytes).expect("reads")).expect("valid");
    let shard = &shards[1];
    assert!(read().add_shard(&shard[..shard.len() - 3]).is_err());
    // Whatever a damaged byte makes of a shard, it is refused or read, and searching after
    // it answers without a panic.
    for at in (0..shard.len()).step_by(shard.len() / 150 + 1) {
        let mut damaged = shard.clone();
        damaged[at] ^= 0xa5;
        let index = read();
        let _ = index.add_shard(&damaged);
        for q in ["security", "\"safe spaces\" -fatf", "a"] {
            let _ = index.search(q, 10);
        }
    }
}

/// (slug, paragraph number, its text) of every hit of `q` on the reader's own index, in order.
fn hits_with_synonyms(q: &str) -> Vec<(&'static str, u32, &'static str)> {
    let results = index_with_synonyms().search_marked(q, 50, text_of);
    results
        .hits()
        .map(|(_, hit)| {
            let (slug, number, text) = &corpus().passages[hit.passage as usize];
            (slug.as_str(), *number, text.as_str())
        })
        .collect()
}

#[test]
fn a_question_in_a_readers_own_words_is_answered_by_its_content_words() {
    // Its small words ("what", "did", "the", "say", "about") match nothing, and "what" is never
    // read as "that".
    let hits = hits_with_synonyms("what did the defence secretary say about russia");
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|(slug, _, text)| *slug == SPEECH && text.contains("Russia")), "{hits:#?}");
    let when = hits_with_synonyms("when was the romanian action day");
    assert_eq!((when[0].0, when[0].1), (FRANCE, 1), "the paragraph that dates the action day: {when:#?}");
    assert!(hits_with_synonyms("what").iter().all(|(_, _, text)| text.to_lowercase().contains("what")));
    // A question of small words only still searches for them.
    assert!(!hits_with_synonyms("what they").is_empty());
    // Quoted, small words count.
    assert!(search("\"the action day\"").hits().count() >= 1);
}

#[test]
fn numbers_are_never_read_as_other_numbers() {
    let results = index_with_synonyms().search_marked("2017", 50, text_of);
    assert!(results.is_empty(), "no paragraph holds 2017");
    assert!(!results.suggestions.is_empty(), "the nearest years are offered instead");
    let hits = hits_with_synonyms("2018");
    assert!(!hits.is_empty() && hits.iter().all(|(_, _, text)| text.contains("2018")), "{hits:#?}");
}

#[test]
fn a_dotted_initialism_finds_the_acronym() {
    assert_eq!(hits_with_synonyms("F.A.T.F."), hits_with_synonyms("FATF"));
    assert!(hits_with_synonyms("F.A.T.F.").len() <= 10);
}

#[test]
fn paragraphs_matched_only_by_their_heading_follow_those_whose_text_matches() {
    let results = index_with_synonyms().search_marked("internet", 50, text_of);
    let hits: Vec<_> = results.hits().map(|(_, h)| h).collect();
    assert!(hits[0].in_text && !hits[0].ranges.is_empty(), "the paragraph that says internet comes first");
    assert_eq!(results.by_heading, hits.iter().filter(|h| !h.in_text).count());
    assert!(results.by_heading >= 1, "the section's other paragraphs match by its heading");
    let first_by_heading = hits.iter().position(|h| !h.in_text).expect("some by heading");
    assert!(hits[first_by_heading..].iter().all(|h| !h.in_text), "none with its own match after them");
    assert!(hits.iter().all(|h| h.in_text != h.ranges.is_empty()), "a hit's text is marked exactly when it matches");
}

#[test]
fn a_word_found_only_as_a_close_spelling_is_said_to_be() {
    let results = index_with_synonyms().search_marked("eurojsut ", 50, text_of);
    assert!(!results.is_empty());
    assert_eq!(results.approximate, ["eurojsut"]);
    assert!(index_with_synonyms().search_marked("eurojust ", 50, text_of).approximate.is_empty());
}

/// The documents (slugs) a query finds, with the index the reader ships, each once.
fn documents_found(index: &Index, q: &str) -> Vec<String> {
    let results = index.search_marked(q, 200, text_of);
    results.groups.iter().map(|g| corpus().library.entries[g.doc as usize].1.slug.clone()).collect()
}

#[test]
fn filters_narrow_a_search_to_a_kind_a_year_an_issuer_a_place_or_one_document() {
    let index = corpus().library.search_index();
    assert_eq!(documents_found(&index, "trafficking").len(), 3);
    // The results say what would narrow them, with how many of their documents each holds.
    let facets = index.search_marked("trafficking", 200, text_of).facets;
    let facet = |tag: &str| facets.iter().find(|(t, _)| t == tag).map(|(_, n)| *n);
    assert_eq!((facet("kind:statement"), facet("kind:press-release"), facet("kind:speech")), (Some(1), Some(2), None));
    assert_eq!((facet("year:2017"), facet("by:eurojust"), facet("by:g20")), (Some(2), Some(2), Some(1)));
    assert!(
        facets.iter().position(|(t, _)| t.starts_with("kind:")) < facets.iter().position(|(t, _)| t.starts_with("year:")),
        "kinds first"
    );
    assert_eq!(documents_found(&index, "trafficking kind:press-release"), [SPAIN, FRANCE]);
    assert_eq!(documents_found(&index, "trafficking -kind:press-release"), [STATEMENT]);
    assert_eq!(documents_found(&index, "trafficking in:romanian-thb-ring-disrupted-france"), [FRANCE]);
    assert_eq!(documents_found(&index, "trafficking In:Romanian-THB-ring-disrupted-France"), [FRANCE], "keys and values fold case");
    assert_eq!(documents_found(&index, "terrorism by:uk-defence-secretary"), [SPEECH]);
    assert_eq!(documents_found(&index, "terrorism place:washington"), [SPEECH]);
    assert_eq!(documents_found(&index, "terrorism topic:defence"), [SPEECH]);
    assert_eq!(documents_found(&index, "trafficking topic:human-trafficking"), [SPAIN, FRANCE]);
    assert_eq!(documents_found(&index, "trafficking year:2017").len(), 2);
    // One key widens, two keys narrow.
    assert_eq!(documents_found(&index, "terrorism kind:speech kind:statement").len(), 2);
    assert!(documents_found(&index, "terrorism kind:speech year:2017").is_empty());
    // A filter still being typed takes what it starts with; a finished unknown one, nothing.
    assert_eq!(documents_found(&index, "trafficking kind:press"), [SPAIN, FRANCE]);
    assert!(documents_found(&index, "trafficking kind:press ").is_empty());
    assert!(documents_found(&index, "trafficking in:no-such-document").is_empty());
    // The filter is not a word: it is neither searched for nor marked.
    assert!(hit_words(&index, "eurojust by:eurojust").iter().all(|w| w.to_lowercase() == "eurojust"));

    // A name the documents mention (the names index's id), and a date range, either end a
    // year, a month or a day.
    assert_eq!(documents_found(&index, "terrorism name:nato"), [SPEECH]);
    assert_eq!(documents_found(&index, "trafficking name:eurojust"), [SPAIN, FRANCE]);
    assert_eq!(documents_found(&index, "trafficking -name:eurojust"), [STATEMENT]);
    assert_eq!(documents_found(&index, "trafficking from:2017-07"), [SPAIN, FRANCE]);
    assert_eq!(documents_found(&index, "trafficking from:2017 to:2017-07-07"), [SPAIN, FRANCE]);
    assert!(documents_found(&index, "trafficking to:2017-06").is_empty());
    assert!(documents_found(&index, "trafficking from:2017-07-08").is_empty());
    assert!(facets.iter().any(|(t, n)| t == "name:eurojust" && *n == 2), "names are counted: {facets:?}");
    assert!(facets.iter().all(|(t, _)| !t.starts_with("date:")), "but not dates: {facets:?}");

    // Filters alone list the documents they allow, each by its first paragraph.
    let listed = index.search_marked("kind:press-release", 200, text_of);
    assert_eq!((listed.total, listed.groups.len()), (2, 2));
    assert!(listed
        .groups
        .iter()
        .all(|g| g.hits.len() == 1 && corpus().passages[g.hits[0].passage as usize].0 == corpus().library.entries[g.doc as usize].1.slug));
    assert_eq!(documents_found(&index, "from:2017-01 to:2017-12"), [SPAIN, FRANCE]);
    assert_eq!(documents_found(&index, "-kind:press-release"), [STATEMENT, SPEECH]);
    assert!(documents_found(&index, "kind:no-such-kind").is_empty());

    // The stored index finds each document by its data file's name.
    let (mut dictionary, shards) = index.to_shards(usize::MAX);
    dictionary.document_files = corpus().library.entries.iter().map(|(_, e)| format!("data/{}.0123456789abcdef.bin", e.slug)).collect();
    let stored = Index::from_dictionary(dictionary).expect("reads back");
    shards.iter().for_each(|s| stored.add_shard(s).expect("shard"));
    assert_eq!(documents_found(&stored, "trafficking in:romanian-thb-ring-disrupted-france"), [FRANCE]);
    assert_eq!(documents_found(&stored, "trafficking kind:press-release"), [SPAIN, FRANCE]);
    assert_eq!(documents_found(&stored, "from:2017-07-07 name:eurojust"), [SPAIN, FRANCE]);
}
