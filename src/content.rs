//! The documents, as static data generated at build time from `content/` (see `build.rs`).

/// What kind of text a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocKind {
    Statement,
    PressRelease,
    Speech,
}

impl DocKind {
    pub fn label(self) -> &'static str {
        match self {
            Self::Statement => "Statement",
            Self::PressRelease => "Press release",
            Self::Speech => "Speech",
        }
    }
}

/// A date the source states: ISO form for `<time datetime>`, and as the source writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocDate {
    pub iso: &'static str,
    pub display: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Heading {
    pub level: u8,
    /// The heading's fragment id within its document.
    pub anchor: &'static str,
    pub text: &'static str,
    /// Where the text uses glossary terms, as in [`Paragraph::terms`].
    pub terms: &'static [(u32, u32, u16)],
}

/// A paragraph; `number` is its identity and anchor (`#p-<number>`). When `numbered`, the
/// source prints the number before the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paragraph {
    pub number: u32,
    pub numbered: bool,
    pub text: &'static str,
    /// Where the text uses glossary terms: (start, end) byte range and index in `GLOSSARY`.
    pub terms: &'static [(u32, u32, u16)],
}

impl Paragraph {
    pub fn anchor(&self) -> String {
        format!("p-{}", self.number)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Block {
    Heading(Heading),
    Paragraph(Paragraph),
}

#[derive(Debug, PartialEq, Eq)]
pub struct Document {
    pub slug: &'static str,
    pub title: &'static str,
    /// Where the title uses glossary terms, as in [`Paragraph::terms`].
    pub title_terms: &'static [(u32, u32, u16)],
    pub kind: DocKind,
    pub date: Option<DocDate>,
    pub place: Option<&'static str>,
    pub source: Option<&'static str>,
    pub summary: &'static str,
    pub reading_minutes: u32,
    pub blocks: &'static [Block],
}

impl Document {
    pub fn headings(&self) -> impl Iterator<Item = &'static Heading> {
        self.blocks.iter().filter_map(|b| if let Block::Heading(h) = b { Some(h) } else { None })
    }

    /// The document's route, relative to the app's base.
    pub fn path(&self) -> String {
        format!("/{}", self.slug)
    }
}

/// An acronym the documents use and what it stands for (see `content/glossary.toml`; terms the
/// text defines itself are found at build time).
#[derive(Debug, PartialEq, Eq)]
pub struct GlossaryEntry {
    pub term: &'static str,
    pub expansion: &'static str,
    /// The document (slug) and paragraph that define it, when the text does.
    pub defined_in: Option<(&'static str, u32)>,
    /// Every (slug, paragraph) that uses it.
    pub uses: &'static [(&'static str, u32)],
    /// The entity it names ("FATF"), as an index in `ENTITIES`.
    pub entity: Option<u16>,
}

/// A mention of an entity: (document index, paragraph number, sentence start, sentence end,
/// alias start, alias end), the ranges in bytes of that paragraph's text (16 bits each: the
/// build rejects longer paragraphs, and the table is a fair part of the download).
pub type EntityMention = (u16, u16, u16, u16, u16, u16);

/// An organisation, place, person, group or legal instrument the documents name (see
/// `content/entities.toml`), with every mention.
#[derive(Debug, PartialEq, Eq)]
pub struct Entity {
    pub id: &'static str,
    pub name: &'static str,
    /// organisation, place, person, group or instrument.
    pub kind: &'static str,
    pub aliases: &'static [&'static str],
    pub mentions: &'static [EntityMention],
}

/// The kinds of entity, in the order pages list them: (kind, heading).
pub const ENTITY_KINDS: [(&str, &str); 5] = [
    ("organisation", "Organisations"),
    ("place", "Places"),
    ("person", "People"),
    ("group", "Groups"),
    ("instrument", "Legal instruments"),
];

impl Entity {
    /// The entity's page of mentions, relative to the app's base.
    pub fn path(&self) -> String {
        format!("/entities/{}", self.id)
    }
}

/// A key figure of an operation, from `content/figures.toml`, checked against the text.
#[derive(Debug, PartialEq, Eq)]
pub struct Figure {
    /// The index of its document in `DOCUMENTS`.
    pub doc: u16,
    pub label: &'static str,
    pub value: &'static str,
    /// The words of the text that state it, verbatim.
    pub quote: &'static str,
    /// The paragraph that states it.
    pub paragraph: u32,
}

/// A dated event, from `content/timeline.toml` (checked against the text) or a document's own
/// date; `paragraph` 0 is the document as a whole.
#[derive(Debug, PartialEq, Eq)]
pub struct Event {
    pub date: &'static str,
    pub when: &'static str,
    pub label: &'static str,
    pub doc: u16,
    /// The words of the text that state it, verbatim (empty for a document's own date).
    pub quote: &'static str,
    pub paragraph: u32,
}

include!(concat!(env!("OUT_DIR"), "/corpus.rs"));

/// Where the document at `doc` mentions entities: (paragraph number, start, end, index in
/// `ENTITIES`), entity by entity.
pub fn entity_mentions_in(doc: usize) -> Vec<(u32, u32, u32, u16)> {
    ENTITIES
        .iter()
        .enumerate()
        .flat_map(|(i, e)| {
            e.mentions
                .iter()
                .filter(move |m| usize::from(m.0) == doc)
                .map(move |m| (u32::from(m.1), u32::from(m.4), u32::from(m.5), i as u16))
        })
        .collect()
}

/// The index of the document with this slug.
pub fn position(slug: &str) -> Option<usize> {
    DOCUMENTS.iter().position(|d| d.slug == slug)
}
