//! The importer on the default corpus's raw dump gives the four documents' bodies exactly as
//! they stand in `content/`, drops the repeated release, and each file it writes parses.

use std::path::Path;

fn body_of(content_file: &str) -> &str {
    let after = content_file.splitn(3, "+++\n").nth(2).unwrap_or_default();
    after.trim_start_matches('\n')
}

#[test]
fn the_default_dump_imports_as_the_content_folder_holds_it() {
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    let dump = std::fs::read_to_string(content.join("source-documents.txt")).expect("the dump");
    let import = importer::import(&dump);
    assert_eq!(import.duplicates.len(), 1, "the Romanian release stands twice");
    assert_eq!(import.duplicates[0].title, "Romanian THB ring disrupted in France");

    let mut files: Vec<_> = std::fs::read_dir(&content)
        .expect("content/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    files.sort();
    assert_eq!(import.documents.len(), files.len());
    for (doc, file) in import.documents.iter().zip(&files) {
        let written = std::fs::read_to_string(file).expect("a content file");
        let expected = corpus::parse_document(file, &written).expect("the content file parses");
        assert_eq!(doc.title, expected.title, "{}", file.display());
        assert_eq!(doc.body, body_of(&written), "{} body", file.display());
        let date = expected.date.map(|d| format!("{:04}-{:02}-{:02}", d.year, d.month, d.day));
        assert_eq!(doc.date, date, "{} date", file.display());
        if let Some(kind) = doc.kind {
            assert_eq!(corpus::DocKind::from_name(kind), Some(expected.kind), "{} kind", file.display());
        }
        let imported = corpus::parse_document(Path::new(&doc.file_name(0)), &doc.content_file());
        assert_eq!(imported.is_ok(), doc.kind.is_some(), "{}: a file with a kind parses; one without waits for a person", file.display());
    }
    // The releases do not name their kind: the importer asks, with the title's line.
    let asked: Vec<&str> = import.questions.iter().map(|q| q.text.as_str()).collect();
    assert!(asked.contains(&"Human trafficking ring dismantled by Spanish and Bulgarian authorities"), "{asked:?}");
}
