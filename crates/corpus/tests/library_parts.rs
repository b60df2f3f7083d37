//! The default corpus as the reader's data: the whole library, and the part each page fetches.

use std::path::Path;

use content_model::{Block, Part, Route};

fn library() -> Part {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    corpus::build_library(&dir).unwrap_or_else(|e| panic!("the default corpus must load:\n{e}")).library
}

#[test]
fn the_library_survives_its_data_file_unchanged() {
    let library = library();
    assert_eq!(Part::from_bytes(&library.to_bytes()).expect("decodes"), library);
    assert!(Part::from_bytes(b"not a data file").is_err(), "garbage is an error, not a panic");
}

#[test]
fn a_document_part_holds_that_document_its_terms_and_its_names_and_no_other_text() {
    let library = library();
    for (i, doc) in &library.documents {
        let part = library.for_route(Route::Document(*i));
        assert_eq!(part.complete, vec![doc.path()]);
        assert_eq!(part.documents.len(), 1, "{}: only its own text", doc.slug);
        assert_eq!(&part.documents[0].1, doc);
        let used = doc.blocks.iter().flat_map(|b| match b {
            Block::Heading(h) => h.terms.clone(),
            Block::Paragraph(p) => p.terms.clone(),
        });
        for (_, _, term) in used.chain(doc.title_terms.iter().copied()) {
            assert!(part.glossary.iter().any(|(j, _)| *j == term), "{}: glossary entry {term}", doc.slug);
        }
        for name in &doc.names {
            assert!(part.entities.iter().any(|(j, _)| *j == name.entity), "{}: entity {}", doc.slug, name.entity);
        }
        let neighbours: Vec<u32> = part.entries.iter().map(|(j, _)| *j).filter(|j| j != i).collect();
        assert!(neighbours.iter().all(|j| j.abs_diff(*i) == 1), "{}: entries are its neighbours only", doc.slug);
        assert!(part.to_bytes().len() < library.to_bytes().len() / 2, "{}: a part is a fraction of the library", doc.slug);
    }
}

#[test]
fn every_route_has_a_path_and_a_part_that_completes_it() {
    let library = library();
    let routes = library.routes();
    // Three orders, three kinds, one year, seven topics, three issuers, one place, and each
    // name the documents mention: a page each.
    let named = library.entities.iter().filter(|(_, e)| e.documents > 0).count();
    assert!(named > 50, "{named} names");
    assert_eq!(library.listings.len(), 18 + named);
    assert_eq!(routes.len(), 3 + library.listings.len() + library.documents.len() + library.entities.len());
    for route in routes {
        let path = library.path_of(route).expect("every route has a path");
        assert_eq!(library.for_route(route).complete, vec![path]);
    }
    // Names: a shelf for each name the documents mention, at its id, as many documents as the
    // names index counts; the catalogue offers the most named and the names index.
    for (_, entity) in library.entities.iter().filter(|(_, e)| e.documents > 0) {
        let shelf = library
            .listings
            .iter()
            .find(|l| l.base == format!("/documents/name/{}", entity.id))
            .unwrap_or_else(|| panic!("a shelf for {}", entity.id));
        assert_eq!((shelf.title.clone(), shelf.total), (format!("Documents naming {}", entity.name), entity.documents), "{}", entity.id);
    }
    let years = &library.shelves.iter().find(|g| g.heading == "Year").expect("years").shelves;
    let range = years.last().expect("a range");
    assert_eq!((range.label.as_str(), range.base.as_str(), range.count), ("Between two dates", "/search?q=from%3A2017%20to%3A2017", None));
    let names = &library.shelves.iter().find(|g| g.heading == "Names").expect("names").shelves;
    assert_eq!(names.len(), content_model::NAMES_OFFERED + 1);
    assert!(names.windows(2).take(content_model::NAMES_OFFERED - 1).all(|w| w[0].count >= w[1].count), "most named first: {names:?}");
    let all = names.last().expect("the names index");
    assert_eq!(
        (all.label.as_str(), all.base.as_str(), all.count),
        (format!("All {} names", library.entities.len()).as_str(), "/entities", None)
    );
    let entity = library.for_route(Route::Entity(0));
    let quotes = &entity.quotes[0].1;
    assert!(!quotes.is_empty());
    let places: Vec<(u32, u32)> = quotes.iter().map(|q| (q.doc, q.paragraph)).collect();
    assert!(places.windows(2).all(|w| w[0] != w[1]), "one quote per paragraph: {places:?}");
    for quote in quotes {
        for mark in &quote.marks {
            let name = &quote.sentence[mark.0 as usize..mark.1 as usize];
            assert!(library.entities[0].1.aliases.iter().any(|a| a == name), "each mark covers one of the entity's names: {name}");
        }
        assert!(entity.entries.iter().any(|(j, _)| *j == quote.doc), "the quoted document is listed");
    }
}

#[test]
fn the_catalogue_lists_fifty_documents_a_page_in_three_orders_and_on_shelves() {
    let mut library = library();
    let first = library.entries[0].1.clone();
    for i in library.entries.len() as u32..120 {
        library.entries.push((i, content_model::DocEntry { slug: format!("copy-{i}"), ..first.clone() }));
    }
    let library = library.with_catalogue(Vec::new(), Vec::new());
    let paths: Vec<String> =
        library.routes().into_iter().filter(|r| matches!(r, Route::Listing(_))).filter_map(|r| library.path_of(r)).collect();
    for path in ["/", "/documents/2", "/documents/3", "/documents/newest", "/documents/newest/3", "/documents/title/2"] {
        assert!(paths.iter().any(|p| p == path), "{path} in {paths:?}");
    }
    for path in [
        "/documents/kind/statement",
        "/documents/kind/statement/2",
        "/documents/kind/press-release",
        "/documents/year/2017",
        "/documents/issued-by/eurojust",
    ] {
        assert!(paths.iter().any(|p| p == path), "{path} in {paths:?}");
    }
    let index = |path: &str| library.listings.iter().position(|l| l.path() == path).expect(path) as u32;
    let second = library.for_route(Route::Listing(index("/documents/2")));
    assert_eq!(second.complete, ["/documents/2"]);
    assert_eq!(second.entries.iter().map(|(i, _)| *i).collect::<Vec<_>>(), (50..100).collect::<Vec<_>>());
    assert_eq!(second.listings.len(), 1);
    assert_eq!((second.listings[0].page, second.listings[0].pages, second.listings[0].total), (1, 3, 120));
    assert_eq!(second.shelves, library.shelves, "every page offers every shelf");
    assert_eq!(library.for_route(Route::Listing(index("/documents/3"))).entries.len(), 20);

    // The statement and its 116 copies: 117 statements.
    let statements = library.shelves.iter().find(|g| g.heading == "Kind").expect("kinds").shelves[0].clone();
    assert_eq!((statements.label.as_str(), statements.count), ("Statement", Some(117)));
    let newest = &library.listings[index("/documents/newest") as usize];
    let dates: Vec<Option<String>> =
        newest.docs.iter().map(|d| library.entries[*d as usize].1.date.as_ref().map(|d| d.iso.clone())).collect();
    assert!(dates.windows(2).all(|w| w[1].is_none() || w[0] >= w[1]), "newest first, undated last: {dates:?}");
    let speech = library.entries.iter().position(|(_, e)| e.slug == "defence-secretary-speech-csis").expect("the speech") as u32;
    assert_eq!(
        library.listings[index("/documents/issued-by/uk-defence-secretary") as usize].docs,
        [speech],
        "an author where no body is named"
    );
    assert_eq!(library.listings[index("/documents/place/washington") as usize].title, "Documents from Washington");
    assert_eq!(content_model::segment("Málaga, Spain"), "malaga-spain");
    assert_eq!(content_model::page_path("/", 2), "/documents/3");
}

/// At scale an entity's page and the glossary list the first fifty documents of each name or
/// acronym, and keep the true counts for the note that offers the rest.
#[test]
fn lists_of_mentions_and_uses_stop_at_fifty_documents_with_the_true_counts() {
    let dir = std::env::temp_dir().join(format!("reader-listed-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    for file in ["glossary.toml", "entities.toml"] {
        std::fs::copy(content.join(file), dir.join(file)).expect("copy");
    }
    for i in 0..60 {
        let text = format!(
            "+++\nslug = \"release-{i}\"\ntitle = \"Release {i}\"\nkind = \"press-release\"\ndate = \"2017-07-07\"\n+++\n\n1. The Financial Action Task Force (FATF) met in Paris, and FATF members agreed.\n"
        );
        std::fs::write(dir.join(format!("{i:02}-release.md")), text).expect("write");
    }
    let library = corpus::build_library(&dir).unwrap_or_else(|e| panic!("{e}")).library;
    std::fs::remove_dir_all(&dir).ok();

    let fatf = library.entities.iter().position(|(_, e)| e.id == "fatf").expect("the FATF entity");
    let (_, entity) = &library.entities[fatf];
    assert_eq!(entity.documents, 60);
    assert!(entity.mentions >= 60);
    let quotes = &library.quotes[fatf].1;
    let mut quoted: Vec<u32> = quotes.iter().map(|q| q.doc).collect();
    quoted.dedup();
    assert_eq!(quoted, (0..50).collect::<Vec<u32>>(), "the first fifty documents, each with all its mentions");

    let (_, entry) = library.glossary.iter().find(|(_, g)| g.term == "FATF").expect("FATF in the glossary");
    let mut used: Vec<u32> = entry.uses.iter().map(|(doc, _)| *doc).collect();
    used.dedup();
    assert_eq!(used.len(), content_model::LISTED_DOCUMENTS);
}
