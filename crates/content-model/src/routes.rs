//! The reader's addresses in one table. The app's router and its links, the pre-renderer
//! (which writes each page and lists it in `sitemap.xml`) and the content checks (a document
//! may not take a page's address) all read them here.

/// The search page; `?q=` holds the query.
pub const SEARCH: &str = "/search";
/// Every acronym and where it is used.
pub const GLOSSARY: &str = "/glossary";
/// The index of names.
pub const ENTITIES: &str = "/entities";
/// Dated events, in order.
pub const TIMELINE: &str = "/timeline";
/// The reader's own highlights and notes (kept in the browser; not in the sitemap).
pub const NOTES: &str = "/notes";
/// The not-found page, which the build writes as `404.html`.
pub const NOT_FOUND: &str = "/404";
/// Below this, one name's page: `/entities/<id>`.
pub const ENTITY_PREFIX: &str = "/entities/";
/// Below this, the catalogue's other pages: `/documents/2`, `/documents/newest`,
/// `/documents/kind/speech`, ... (see `catalogue.rs`).
pub const CATALOGUE_PREFIX: &str = "/documents/";

/// Slugs a document may not take: the first segment of every address above, and `index`
/// (the home page's file).
pub const RESERVED_SLUGS: [&str; 8] = ["search", "glossary", "entities", "timeline", "notes", "404", "documents", "index"];

/// The path of a catalogue shelf: the documents whose `key` is `value` (`/documents/name/nato`).
pub fn shelf_path(key: &str, value: &str) -> String {
    format!("{CATALOGUE_PREFIX}{key}/{value}")
}

/// The path of an entity's page.
pub fn entity_path(id: &str) -> String {
    format!("{ENTITY_PREFIX}{id}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_address_is_reserved_from_documents() {
        for path in [SEARCH, GLOSSARY, ENTITIES, TIMELINE, NOTES, NOT_FOUND, ENTITY_PREFIX, CATALOGUE_PREFIX] {
            let first = path.trim_start_matches('/').split('/').next().unwrap_or_default();
            assert!(RESERVED_SLUGS.contains(&first), "{path} is not reserved");
        }
    }
}
