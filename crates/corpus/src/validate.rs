//! Checks that span a whole document or the whole corpus.

use crate::error::ContentError;
use crate::model::Document;

pub fn document(doc: &Document) -> Vec<ContentError> {
    let mut errors = Vec::new();
    if doc.paragraphs().next().is_none() {
        errors.push(ContentError::new(&doc.path, 0, "the document has no paragraphs"));
    }
    // The app stores paragraph numbers and offsets in 16 bits, a preamble's numbers in the
    // upper half (content_model::PREAMBLE).
    if doc.paragraphs().count() >= content_model::PREAMBLE as usize {
        errors.push(ContentError::new(&doc.path, 0, "the document has too many paragraphs (at most 32 767): split it"));
    }
    for p in doc.paragraphs() {
        if p.text.len() > usize::from(u16::MAX) {
            errors.push(ContentError::new(&doc.path, p.line, "the paragraph is too long (at most 65 535 bytes)"));
        }
    }
    errors
}

pub fn corpus(docs: &[Document]) -> Vec<ContentError> {
    let mut errors = Vec::new();
    for (i, doc) in docs.iter().enumerate() {
        if let Some(first) = docs[..i].iter().find(|d| d.slug == doc.slug) {
            errors.push(ContentError::new(
                &doc.path,
                doc.slug_line,
                format!("duplicate slug {:?}: {} uses it already", doc.slug, first.path.display()),
            ));
        }
    }
    errors
}
