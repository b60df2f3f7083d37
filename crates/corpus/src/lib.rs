//! The reader's content model, parsed and validated at build time.
//!
//! The `content/` folder holds one Markdown file per document, each opening with TOML front
//! matter between `+++` lines. [`load_dir`] reads every `*.md` file there, checks it, and returns
//! the documents in file-name order; every problem is reported as a [`ContentError`] naming the
//! file and line. [`build_library`] does all of it for a content folder and returns the
//! library as the reader's data ([`library::to_library`]), so the browser never parses Markdown.

pub mod entities;
mod error;
mod front_matter;
pub mod glossary;
pub mod library;
mod markdown;
mod model;
pub mod provenance;
pub mod topics;
mod validate;
pub mod verified;

use std::path::Path;

pub use error::{ContentError, ContentErrors};
pub use markdown::marker_of as subparagraph_marker;
pub use model::{Block, DocDate, DocKind, Document, Heading, Numbering, Paragraph};

pub use content_model::routes::RESERVED_SLUGS;

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
    let blocks = markdown::parse_blocks(path, body, body_line, meta.numbering)?;
    let doc = Document::new(path, meta, blocks);
    let errors = validate::document(&doc);
    if errors.is_empty() {
        Ok(doc)
    } else {
        Err(errors)
    }
}

/// A content folder turned into the reader's data, with what the author should look at.
pub struct Built {
    pub library: content_model::Part,
    /// Acronyms nothing explains, names the entity file does not know.
    pub warnings: Vec<String>,
}

/// Reads an optional content file (absent: empty) and parses it.
fn optional<T: Default>(path: &Path, parse: impl FnOnce(&str) -> Result<T, ContentError>) -> Result<T, ContentErrors> {
    match std::fs::read_to_string(path) {
        Ok(text) => parse(&text).map_err(ContentErrors::single),
        Err(_) => Ok(T::default()),
    }
}

/// Everything in a content folder: the documents (`*.md`), `topics.toml`, `glossary.toml`,
/// `entities.toml`, `figures.toml` and `timeline.toml`, checked and joined into the library.
pub fn build_library(dir: &Path) -> Result<Built, ContentErrors> {
    let docs = load_dir(dir)?;
    let mut warnings = Vec::new();

    let topics_path = dir.join("topics.toml");
    let topics = optional(&topics_path, |text| topics::parse(&topics_path, text))?;
    let unknown_topics = topics::check(&docs, &topics, &topics_path);
    if !unknown_topics.is_empty() {
        return Err(ContentErrors(unknown_topics));
    }

    let glossary_path = dir.join("glossary.toml");
    let curated = optional(&glossary_path, |text| glossary::parse_curated(&glossary_path, text))?;
    let (glossary, unknown) = glossary::build(&docs, &curated);
    if !unknown.is_empty() {
        warnings.push(format!(
            "acronyms the documents use that neither the text nor {} explains: {}",
            glossary_path.display(),
            unknown.join(", ")
        ));
    }

    let entities_path = dir.join("entities.toml");
    let list = optional(&entities_path, |text| entities::parse(&entities_path, text))?;
    let unknown_issuers = entities::unknown_issuers(&docs, &list, &entities_path);
    if !unknown_issuers.is_empty() {
        return Err(ContentErrors(unknown_issuers));
    }
    let unknown_names = entities::unknown_names(&docs, &list);
    if !unknown_names.is_empty() {
        let names: Vec<String> = unknown_names
            .iter()
            .map(|u| format!("{} ({}×, first in {} ¶{})", u.name, u.count, u.first.0, content_model::paragraph_label(u.first.1)))
            .collect();
        warnings.push(format!(
            "names the documents use that {} neither lists nor dismisses in `not_entities`: {}",
            entities_path.display(),
            names.join(", ")
        ));
    }
    let mentions = entities::mentions(&docs, &list.entities);
    let entities: Vec<_> = list.entities.into_iter().zip(mentions).collect();

    let figures_path = dir.join("figures.toml");
    let figures = optional(&figures_path, |text| verified::parse_figures(&figures_path, text, &docs))?;
    let timeline_path = dir.join("timeline.toml");
    let timeline = optional(&timeline_path, |text| verified::parse_timeline(&timeline_path, text, &docs))?;

    let library = library::to_library(&docs, &glossary, &entities, &figures, &timeline);
    Ok(Built { library, warnings })
}
