//! Parses and validates `content/` at build time and writes it as static Rust data
//! (`$OUT_DIR/corpus.rs`, included by `src/content.rs`): the documents, the glossary, the
//! index of names, the key figures and the timeline. A malformed content file stops the
//! build with its file and line; acronyms nothing explains and names the entity file does not
//! know are reported as warnings.

use std::path::Path;

/// Stops the build with the content errors, each as `file:line: message`.
fn fail(errors: &dyn std::fmt::Display) -> ! {
    for line in errors.to_string().lines() {
        println!("cargo::error={line}");
    }
    eprintln!("{errors}");
    std::process::exit(1);
}

/// Reads and parses an optional content file (absent: empty).
fn optional<T: Default>(path: &Path, parse: impl FnOnce(&str) -> Result<T, corpus::ContentError>) -> T {
    match std::fs::read_to_string(path) {
        Ok(text) => parse(&text).unwrap_or_else(|e| fail(&e)),
        Err(_) => T::default(),
    }
}

fn main() {
    let dir = Path::new("content");
    println!("cargo::rerun-if-changed={}", dir.display());
    let docs = corpus::load_dir(dir).unwrap_or_else(|errors| fail(&errors));

    let glossary_path = dir.join("glossary.toml");
    let curated = optional(&glossary_path, |text| corpus::glossary::parse_curated(&glossary_path, text));
    let (glossary, unknown) = corpus::glossary::build(&docs, &curated);
    if !unknown.is_empty() {
        println!(
            "cargo::warning=acronyms the documents use that neither the text nor {} explains: {}",
            glossary_path.display(),
            unknown.join(", ")
        );
    }

    let entities_path = dir.join("entities.toml");
    let list = optional(&entities_path, |text| corpus::entities::parse(&entities_path, text));
    let unknown_names = corpus::entities::unknown_names(&docs, &list);
    if !unknown_names.is_empty() {
        let names: Vec<String> =
            unknown_names.iter().map(|u| format!("{} ({}×, first in {} ¶{})", u.name, u.count, u.first.0, u.first.1)).collect();
        println!(
            "cargo::warning=names the documents use that {} neither lists nor dismisses in `not_entities`: {}",
            entities_path.display(),
            names.join(", ")
        );
    }
    let mentions = corpus::entities::mentions(&docs, &list.entities);
    let entities: Vec<_> = list.entities.into_iter().zip(mentions).collect();

    let figures_path = dir.join("figures.toml");
    let figures = optional(&figures_path, |text| corpus::verified::parse_figures(&figures_path, text, &docs));
    let timeline_path = dir.join("timeline.toml");
    let timeline = optional(&timeline_path, |text| corpus::verified::parse_timeline(&timeline_path, text, &docs));

    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("corpus.rs");
    let code = corpus::codegen::to_rust(&docs, &glossary, &entities, &figures, &timeline);
    std::fs::write(&out, code).expect("OUT_DIR is writable");
}
