//! The reader's content model, parsed and validated at build time.
//!
//! The `content/` folder holds one Markdown file per document, each opening with TOML front
//! matter between `+++` lines. [`load_dir`] reads every `*.md` file there, checks it, and returns
//! the documents in file-name order; every problem is reported as a [`ContentError`] naming the
//! file and line. [`codegen::to_rust`] then writes the documents as static Rust data that the
//! app includes, so the browser never parses Markdown.

pub mod codegen;
pub mod entities;
mod error;
mod front_matter;
pub mod glossary;
mod markdown;
mod model;
pub mod provenance;
mod validate;
pub mod verified;

use std::path::Path;

pub use error::{ContentError, ContentErrors};
pub use model::{Block, DocDate, DocKind, Document, Heading, Paragraph};

/// Slugs the app's router uses for its own pages, and the names of page files the build
/// writes for other reasons (`index.html`, `404.html`); a document may not take them.
pub const RESERVED_SLUGS: &[&str] = &["search", "glossary", "entities", "timeline", "index", "404"];

/// Reads, parses and validates every `*.md` file in `dir`, sorted by file name.
pub fn load_dir(dir: &Path) -> Result<Vec<Document>, ContentErrors> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| ContentErrors::single(ContentError::new(dir, 0, format!("cannot read the content folder: {e}"))))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    paths.sort();
    let mut sources = Vec::with_capacity(paths.len());
    let mut errors = Vec::new();
    for path in paths {
        match std::fs::read_to_string(&path) {
            Ok(text) => sources.push((path, text)),
            Err(e) => errors.push(ContentError::new(&path, 0, format!("cannot read the file: {e}"))),
        }
    }
    let parsed = load_sources(sources.iter().map(|(p, t)| (p.as_path(), t.as_str())));
    match parsed {
        Ok(docs) if errors.is_empty() => Ok(docs),
        Ok(_) => Err(ContentErrors(errors)),
        Err(more) => {
            errors.extend(more.0);
            Err(ContentErrors(errors))
        }
    }
}

/// Parses and validates documents given as (path, text) pairs, in the given order.
/// The path only names the file in error messages.
pub fn load_sources<'a>(sources: impl IntoIterator<Item = (&'a Path, &'a str)>) -> Result<Vec<Document>, ContentErrors> {
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    for (path, text) in sources {
        match parse_document(path, text) {
            Ok(doc) => docs.push(doc),
            Err(mut e) => errors.append(&mut e),
        }
    }
    errors.extend(validate::corpus(&docs));
    if errors.is_empty() {
        Ok(docs)
    } else {
        Err(ContentErrors(errors))
    }
}

/// Parses one content file: front matter, then the Markdown body.
pub fn parse_document(path: &Path, text: &str) -> Result<Document, Vec<ContentError>> {
    let (meta, body, body_line) = front_matter::parse(path, text).map_err(|e| vec![e])?;
    let blocks = markdown::parse_blocks(path, body, body_line)?;
    let doc = Document::new(path, meta, blocks);
    let errors = validate::document(&doc);
    if errors.is_empty() {
        Ok(doc)
    } else {
        Err(errors)
    }
}
