//! The entity index: organisations, places, people, groups and legal instruments, from the
//! curated `content/entities.toml`, and every mention of each in the documents.
//!
//! A mention is an alias found as whole words (case-sensitive); where one entity's aliases
//! overlap ("UN Security Council" and "Security Council") the longest counts, once, while a
//! name inside another entity's name counts for both ("UN Security Council" also mentions the
//! UN). Aliases resolve to their entity: "ISIL/ISIS/Daesh" and "Daesh" are one group.

use std::path::Path;

use serde::Deserialize;

use crate::error::{line_of, ContentError};
use crate::model::Document;

/// The kinds of entity, in the order pages list them.
pub const KINDS: [&str; 5] = ["organisation", "place", "person", "group", "instrument"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub aliases: Vec<String>,
}

/// One mention: the document and paragraph, the sentence it stands in, and where in the
/// paragraph the alias is (byte range).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub slug: String,
    pub paragraph: u32,
    pub sentence: String,
    /// The sentence's byte range in the paragraph.
    pub sentence_range: (usize, usize),
    /// The alias's byte range in the paragraph.
    pub start: usize,
    pub end: usize,
}

/// The curated entity file: the entities, and the capitalised words the build should not
/// report as names it does not know ("June", "British", "Cold War").
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EntityList {
    pub entities: Vec<Entity>,
    pub not_entities: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntityFile {
    #[serde(default)]
    not_entities: Vec<String>,
    #[serde(default)]
    entity: Vec<RawEntity>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntity {
    id: toml::Spanned<String>,
    name: String,
    kind: toml::Spanned<String>,
    aliases: Vec<String>,
}

/// Parses the curated entity file, checking ids (lowercase, digits, hyphens; unique), kinds
/// and aliases (at least one, none empty, none shared by two entities); the entities come
/// back in alphabetical order of their names.
/// Every `issued_by` that names no organisation of the entity file (`list`, from
/// `entities_path`), at its line: the catalogue shelves documents by issuer and search filters
/// by it (`by:`), so one body is never written two ways. A folder without an entity file is
/// not checked.
pub fn unknown_issuers(docs: &[Document], list: &EntityList, entities_path: &Path) -> Vec<ContentError> {
    let organisations: Vec<&Entity> = list.entities.iter().filter(|e| e.kind == "organisation").collect();
    if organisations.is_empty() {
        return Vec::new();
    }
    let known = |name: &str| organisations.iter().any(|e| e.name == name || e.aliases.iter().any(|a| a == name));
    docs.iter()
        .filter_map(|doc| Some((doc, doc.citation.issued_by.as_deref()?)))
        .filter(|(_, issuer)| !known(issuer))
        .map(|(doc, issuer)| {
            ContentError::new(
                &doc.path,
                doc.issued_by_line,
                format!(
                    "issued_by {issuer:?} is not an organisation of {}: add it there (kind = \"organisation\") or write one of the names it lists",
                    entities_path.display()
                ),
            )
        })
        .collect()
}

pub fn parse(path: &Path, text: &str) -> Result<EntityList, ContentError> {
    let file: EntityFile = toml::from_str(text).map_err(|e| {
        let line = e.span().map_or(1, |s| line_of(text, s.start));
        ContentError::new(path, line, format!("bad entity file: {}", e.message().trim()))
    })?;
    let mut out: Vec<Entity> = Vec::new();
    for raw in file.entity {
        let line = line_of(text, raw.id.span().start);
        let fail = |msg: String| ContentError::new(path, line, msg);
        let id = raw.id.into_inner();
        if id.is_empty() || !id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') {
            return Err(fail(format!("entity id {id:?} must be lowercase letters, digits and hyphens")));
        }
        if out.iter().any(|e| e.id == id) {
            return Err(fail(format!("entity id {id:?} is used twice")));
        }
        let kind = raw.kind.into_inner();
        if !KINDS.contains(&kind.as_str()) {
            return Err(fail(format!("unknown entity kind {kind:?}: expected one of {}", KINDS.join(", "))));
        }
        if raw.aliases.is_empty() || raw.aliases.iter().any(|a| a.trim().is_empty()) {
            return Err(fail(format!("entity {id:?} needs aliases, none empty")));
        }
        if let Some(other) = out.iter().find(|e| e.aliases.iter().any(|a| raw.aliases.contains(a))) {
            return Err(fail(format!("entity {id:?} shares an alias with {:?}", other.id)));
        }
        out.push(Entity { id, name: raw.name, kind, aliases: raw.aliases });
    }
    // In alphabetical order (accents and case aside), as the names index lists them.
    out.sort_by_cached_key(|e| search::text::fold(&e.name));
    Ok(EntityList { entities: out, not_entities: file.not_entities })
}

/// Where in `text` the entities are mentioned: (start, end, entity index), in order. Where
/// one entity's aliases overlap ("Fulton Missouri", "Fulton"), the longest counts, once; a
/// name inside another entity's name counts for both ("UN Security Council" mentions the
/// Council and the UN).
pub fn find(text: &str, entities: &[Entity]) -> Vec<(usize, usize, usize)> {
    let mut found: Vec<(usize, usize, usize)> = Vec::new();
    for (index, entity) in entities.iter().enumerate() {
        let mut candidates: Vec<(usize, usize)> = Vec::new();
        for alias in &entity.aliases {
            for (start, _) in text.match_indices(alias.as_str()) {
                let end = start + alias.len();
                let before = text[..start].chars().next_back().is_none_or(|c| !search::text::is_word_char(c));
                let after = text[end..].chars().next().is_none_or(|c| !search::text::is_word_char(c));
                if before && after {
                    candidates.push((start, end));
                }
            }
        }
        // Longest first, then earliest; keep those that overlap nothing kept.
        candidates.sort_by(|a, b| (b.1 - b.0).cmp(&(a.1 - a.0)).then(a.0.cmp(&b.0)));
        let mut kept: Vec<(usize, usize)> = Vec::new();
        for c in candidates {
            if kept.iter().all(|k| c.1 <= k.0 || c.0 >= k.1) {
                kept.push(c);
            }
        }
        found.extend(kept.into_iter().map(|(start, end)| (start, end, index)));
    }
    found.sort();
    found
}

/// The byte range of the sentence of `text` around byte `at`: from after the previous
/// sentence end to the next.
fn sentence_range(text: &str, at: usize) -> (usize, usize) {
    let ends = |s: &str| s.ends_with(['.', '?', '!']);
    let mut start = 0;
    let mut end = text.len();
    for (i, _) in text.match_indices(' ') {
        if i < at && ends(&text[..i]) {
            start = i + 1;
        } else if i >= at && ends(&text[..i]) {
            end = i;
            break;
        }
    }
    (start, end)
}

fn sentence_at(text: &str, at: usize) -> String {
    let (start, end) = sentence_range(text, at);
    text[start..end].trim().to_string()
}

/// Every mention of every entity in `docs`, by entity index.
pub fn mentions(docs: &[Document], entities: &[Entity]) -> Vec<Vec<Mention>> {
    let mut out: Vec<Vec<Mention>> = vec![Vec::new(); entities.len()];
    for doc in docs {
        for p in doc.paragraphs() {
            for (start, end, index) in find(&p.text, entities) {
                out[index].push(Mention {
                    slug: doc.slug.clone(),
                    paragraph: p.number,
                    sentence: sentence_at(&p.text, start),
                    sentence_range: sentence_range(&p.text, start),
                    start,
                    end,
                });
            }
        }
    }
    out
}

/// A capitalised name the documents use that the entity file neither lists nor dismisses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownName {
    pub name: String,
    pub count: usize,
    /// Where it first appears: (slug, paragraph number).
    pub first: (String, u32),
}

/// Small words that may stand inside a name ("Directorate for Investigation of Organized
/// Crime", "Bank of England").
const NAME_CONNECTORS: &[&str] = &["of", "the", "for", "de"];

/// A word of a paragraph (split at any white space): its bytes without surrounding
/// punctuation or a possessive, and what the punctuation around it says.
struct Word<'t> {
    text: &'t str,
    start: usize,
    end: usize,
    /// Punctuation before it ("(Paris") or after it ("Paris,", "Alliance’s").
    breaks_before: bool,
    breaks_after: bool,
    starts_sentence: bool,
}

fn words_of(text: &str) -> Vec<Word<'_>> {
    let mut out: Vec<Word<'_>> = Vec::new();
    let mut after_sentence_end = true;
    for raw in text.split_whitespace() {
        // The token's offset in `text` (it is a slice of it).
        let at = raw.as_ptr() as usize - text.as_ptr() as usize;
        let lead = raw.len() - raw.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
        let core = raw[lead..].trim_end_matches(|c: char| !c.is_alphanumeric());
        let tail = &raw[lead + core.len()..];
        // A table's cell ends at a tab: a name does not run on into the next cell.
        let ends_cell = text[at + raw.len()..].starts_with('\t');
        let ends_sentence = tail.contains(['.', '?', '!', ':']) || ends_cell;
        if core.is_empty() {
            // Punctuation standing alone ("–", "...") ends a name, and may end a sentence.
            if let Some(last) = out.last_mut() {
                last.breaks_after = true;
            }
            after_sentence_end |= raw.contains(['.', '?', '!', ':']);
            continue;
        }
        let word = core.strip_suffix("’s").or_else(|| core.strip_suffix("'s")).unwrap_or(core);
        let start = at + lead;
        out.push(Word {
            text: word,
            start,
            end: start + word.len(),
            breaks_before: lead > 0,
            breaks_after: !tail.is_empty() || word.len() < core.len() || ends_cell,
            starts_sentence: after_sentence_end || raw[..lead].contains(['“', '"', '‘']),
        });
        after_sentence_end = ends_sentence;
    }
    out
}

/// A word that may be part of a name: capitalised, and not an acronym (the glossary covers
/// those).
fn is_capitalised(word: &str) -> bool {
    let singular = word.strip_suffix('s').unwrap_or(word);
    word.starts_with(char::is_uppercase) && singular.chars().any(char::is_lowercase)
}

/// Runs of capitalised words (small connectors allowed inside) that no entity alias covers
/// and the entity file does not dismiss: what the build reports so a new document's names get
/// curated. A capitalised word opening a sentence is left out when the corpus also writes it
/// in lower case ("The Bulgarian" is "Bulgarian"), and alone it is not reported at all.
pub fn unknown_names(docs: &[Document], list: &EntityList) -> Vec<UnknownName> {
    let lower_words: std::collections::BTreeSet<&str> = docs
        .iter()
        .flat_map(|d| d.paragraphs())
        .flat_map(|p| p.text.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.starts_with(char::is_lowercase))
        .collect();
    let mut out: Vec<UnknownName> = Vec::new();
    for doc in docs {
        for p in doc.paragraphs() {
            let known = find(&p.text, &list.entities);
            let words = words_of(&p.text);
            let mut run: Vec<&Word<'_>> = Vec::new();
            let mut report = |run: &mut Vec<&Word<'_>>| {
                while run.last().is_some_and(|w| NAME_CONNECTORS.contains(&w.text)) {
                    run.pop();
                }
                // A lone capitalised word opening a sentence may be any word.
                if run.len() == 1 && run[0].starts_sentence {
                    run.clear();
                }
                if let (Some(first), Some(last)) = (run.first(), run.last()) {
                    let name = &p.text[first.start..last.end];
                    if !list.not_entities.iter().any(|n| n == name) {
                        match out.iter_mut().find(|u| u.name == name) {
                            Some(u) => u.count += 1,
                            None => out.push(UnknownName { name: name.to_string(), count: 1, first: (doc.slug.clone(), p.number) }),
                        }
                    }
                }
                run.clear();
            };
            for word in &words {
                let is_known = known.iter().any(|&(s, e, _)| word.start < e && s < word.end);
                if word.breaks_before {
                    report(&mut run);
                }
                let opener = word.starts_sentence && lower_words.contains(word.text.to_lowercase().as_str());
                if is_known || opener || !(is_capitalised(word.text) || (!run.is_empty() && NAME_CONNECTORS.contains(&word.text))) {
                    report(&mut run);
                    continue;
                }
                run.push(word);
                if word.breaks_after {
                    report(&mut run);
                }
            }
            report(&mut run);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity(id: &str, aliases: &[&str]) -> Entity {
        Entity { id: id.into(), name: id.into(), kind: "organisation".into(), aliases: aliases.iter().map(|a| a.to_string()).collect() }
    }

    #[test]
    fn whole_words_once_per_entity_and_names_within_names() {
        let entities = [
            entity("un", &["UN"]),
            entity("unsc", &["UN Security Council", "Security Council"]),
            entity("isil", &["ISIL", "ISIS", "Daesh"]),
        ];
        let text = "the UN Security Council and the UN; UNSCR; ISIL/ISIS/Daesh and Counter-Daesh";
        let found: Vec<(&str, &str)> = find(text, &entities).into_iter().map(|(s, e, i)| (&text[s..e], entities[i].id.as_str())).collect();
        assert_eq!(
            found,
            [
                ("UN", "un"),
                ("UN Security Council", "unsc"),
                ("UN", "un"),
                ("ISIL", "isil"),
                ("ISIS", "isil"),
                ("Daesh", "isil"),
                ("Daesh", "isil")
            ]
        );
    }

    #[test]
    fn a_mention_carries_its_sentence() {
        assert_eq!(sentence_at("First one. The UN acts here. Last.", 15), "The UN acts here.");
        assert_eq!(sentence_at("Only one sentence about the UN", 28), "Only one sentence about the UN");
    }

    #[test]
    fn a_malformed_entity_file_names_its_line() {
        let path = Path::new("content/entities.toml");
        let kind = "[[entity]]\nid = \"x\"\nname = \"X\"\nkind = \"planet\"\naliases = [\"X\"]\n";
        assert!(parse(path, kind).unwrap_err().to_string().starts_with("content/entities.toml:2: unknown entity kind \"planet\""));
        let shared = "[[entity]]\nid = \"a\"\nname = \"A\"\nkind = \"place\"\naliases = [\"A\"]\n[[entity]]\nid = \"b\"\nname = \"B\"\nkind = \"place\"\naliases = [\"A\"]\n";
        assert_eq!(parse(path, shared).unwrap_err().to_string(), "content/entities.toml:7: entity \"b\" shares an alias with \"a\"");
        let id = "[[entity]]\nid = \"Bad Id\"\nname = \"A\"\nkind = \"place\"\naliases = [\"A\"]\n";
        assert!(parse(path, id).unwrap_err().to_string().starts_with("content/entities.toml:2: entity id"));
    }
}
