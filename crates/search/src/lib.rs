//! Paragraph-level full-text search for the reader, in pure Rust (no web-sys), so it is tested
//! and benchmarked natively and runs unchanged in WebAssembly.
//!
//! - [`text`] folds case, diacritics and typographic punctuation and splits text into tokens
//!   with their byte ranges (hyphenated and digit-grouped forms also as one compound token).
//! - [`query`] parses what a reader types: free words, `"quoted phrases"`, `-exclusions`, and
//!   the last word as a prefix while typing.
//! - [`Index`] holds the term dictionary and postings; [`Index::search`] expands each query word
//!   to exact, stemmed, prefix and fuzzy terms, ranks paragraphs with BM25 plus title, heading and
//!   proximity boosts ([`rank`]), and groups hits by document with the byte ranges it matched.
//! - [`snippet`] cuts a window around the best matches for display.

pub mod function_words;
mod fuzzy;
mod index;
pub mod query;
pub mod rank;
mod results;
pub mod snippet;
pub mod text;

pub use index::{fixed3, Dictionary, Explanation, Index, Matcher, PassageInput, ShardError, TermPart, UnitPart};
pub use results::{Answer, DocumentHits, SearchHit, SearchResults};
