//! Parses and validates `content/` at build time and writes it as static Rust data
//! (`$OUT_DIR/corpus.rs`, included by `src/content.rs`): the documents and the glossary. A
//! malformed content file stops the build with its file and line; acronyms nothing explains
//! are reported as a warning.

use std::path::Path;

fn main() {
    let dir = Path::new("content");
    println!("cargo::rerun-if-changed={}", dir.display());
    let docs = match corpus::load_dir(dir) {
        Ok(docs) => docs,
        Err(errors) => {
            for e in &errors.0 {
                println!("cargo::error={e}");
            }
            eprintln!("{errors}");
            std::process::exit(1);
        }
    };
    let glossary_path = dir.join("glossary.toml");
    let curated = match std::fs::read_to_string(&glossary_path) {
        Ok(text) => corpus::glossary::parse_curated(&glossary_path, &text).unwrap_or_else(|e| {
            println!("cargo::error={e}");
            std::process::exit(1);
        }),
        Err(_) => Vec::new(),
    };
    let (glossary, unknown) = corpus::glossary::build(&docs, &curated);
    if !unknown.is_empty() {
        println!(
            "cargo::warning=acronyms the documents use that neither the text nor {} explains: {}",
            glossary_path.display(),
            unknown.join(", ")
        );
    }
    let entities_path = dir.join("entities.toml");
    let entities = match std::fs::read_to_string(&entities_path) {
        Ok(text) => corpus::entities::parse(&entities_path, &text).unwrap_or_else(|e| {
            println!("cargo::error={e}");
            std::process::exit(1);
        }),
        Err(_) => Vec::new(),
    };
    let mentions = corpus::entities::mentions(&docs, &entities);
    let entities: Vec<_> = entities.into_iter().zip(mentions).collect();
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("corpus.rs");
    std::fs::write(&out, corpus::codegen::to_rust(&docs, &glossary, &entities)).expect("OUT_DIR is writable");
}
