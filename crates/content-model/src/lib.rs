//! The reader's content as data: what the build (crates/corpus, through `build.rs`) writes and
//! the app reads back. The wasm holds none of it: each page's data is a [`Part`], a data file
//! serialized with postcard, fetched when a page needs it; the whole library (one [`Part`]
//! holding everything, from `corpus::library::to_library`) is what the pre-renderer splits
//! and the one-file build carries.
//!
//! Documents, glossary entries and entities are named by their index in the whole library, so
//! parts fetched one by one fit together in the app.

use serde::{Deserialize, Serialize};

mod catalogue;
mod parts;
pub mod routes;
mod search_input;
pub mod text_form;

pub use catalogue::{page_path, segment, Listing, Shelf, ShelfGroup, CATALOGUE_PAGE_SIZE, NAMES_OFFERED};
pub use parts::Route;

/// Documents a list of where a name or an acronym stands covers at most: at 4,000 documents an
/// entity's page or the glossary would otherwise list tens of thousands of paragraphs, megabytes
/// of HTML. (An entity's page states the true counts; search finds the rest.)
pub const LISTED_DOCUMENTS: usize = 50;

/// Events the timeline lists at most, the earliest first.
pub const LISTED_EVENTS: usize = 500;

/// What kind of text a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocDate {
    pub iso: String,
    pub display: String,
}

/// Where a text uses a glossary term: (start, end) byte range and index in the glossary.
pub type TermSpan = (u32, u32, u16);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Heading {
    pub level: u8,
    /// The heading's fragment id within its document.
    pub anchor: String,
    pub text: String,
    pub terms: Vec<TermSpan>,
}

/// Marks a paragraph number as a preamble's: the unnumbered paragraphs before a document's
/// paragraph 1 (a resolution's "Recalling ...", a communiqué's opening) are numbered apart,
/// `PREAMBLE + 1`, `PREAMBLE + 2`, ..., so the numbered paragraphs keep the numbers the
/// source prints.
pub const PREAMBLE: u32 = 1 << 15;

/// Marks a paragraph number as a footnote's: the `n`-th footnote (in the order the text refers
/// to them) is `FOOTNOTE | n`, anchored `fn-n` and cited "note n".
pub const FOOTNOTE: u32 = 1 << 20;

/// The footnote paragraph `number` is the text of: `n` for `FOOTNOTE | n`, `None` for any other
/// paragraph.
pub fn footnote_index(number: u32) -> Option<u32> {
    (number & (FOOTNOTE | CHILD | TABLE) == FOOTNOTE).then_some(number & !FOOTNOTE)
}

/// Marks a paragraph number as a table row's: row `r` of a document's `t`-th table (both from
/// 1; row 0 is its header) is `TABLE | t << 12 | r`, anchored `table-t-row-r` and cited
/// "Table t, row r". A row's text is its cells' separated by tabs.
pub const TABLE: u32 = 1 << 22;
/// Tables a document may have, and rows in each.
pub const MAX_TABLES: u32 = 255;
pub const MAX_TABLE_ROWS: u32 = 4095;

/// The number of row `row` (0 for the header) of the `table`-th table (from 1).
pub fn table_row_number(table: u32, row: u32) -> u32 {
    TABLE | table << 12 | row
}

/// The table and row paragraph `number` is, or `None` for a paragraph outside a table.
pub fn table_row(number: u32) -> Option<(u32, u32)> {
    (number & (TABLE | CHILD) == TABLE).then_some((number >> 12 & MAX_TABLES, number & MAX_TABLE_ROWS))
}

/// Marks a paragraph number as one of a section whose numbering starts again (front matter
/// `numbering = "per-section"` or `"per-annex"`): paragraph `n` of the `s`-th such section is
/// `SECTIONED | s << 12 | n`, with [`ANNEX`] set where that section is an annex.
pub const SECTIONED: u32 = 1 << 19;
/// Set in a [`SECTIONED`] number whose section is an annex.
pub const ANNEX: u32 = 1 << 18;
/// Sections whose numbering starts again a document may have, and paragraphs in each.
pub const MAX_SECTIONS: u32 = 63;
pub const MAX_SECTION_PARAGRAPHS: u32 = 4095;

/// The number of paragraph `n` of the `section`-th section (from 1) whose numbering starts
/// again.
pub fn sectioned_number(section: u32, annex: bool, n: u32) -> u32 {
    SECTIONED | if annex { ANNEX } else { 0 } | section << 12 | n
}

/// The number the source prints before numbered paragraph `number`: 3 for the third
/// paragraph of a section numbered afresh, 2 for the second item of a paragraph's numbered list.
pub fn printed_number(number: u32) -> u32 {
    if number & CHILD != 0 {
        number & 0xff
    } else if number & SECTIONED != 0 {
        number & MAX_SECTION_PARAGRAPHS
    } else {
        number
    }
}

/// Marks a paragraph number as a child's: a sub-paragraph, list item or quotation that belongs
/// to the paragraph before it. `(b)` of paragraph 10 is `CHILD | 10 << 10 | (Lettered << 8) | 2`,
/// so a child's anchor and label come from its number alone, wherever a page refers to it.
pub const CHILD: u32 = 1 << 31;

/// What kind of child of its paragraph a text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Child {
    /// A sub-paragraph marked `(a)`, `(b)`, ...
    Lettered,
    /// A sub-paragraph marked `(i)`, `(ii)`, ...
    Roman,
    /// An item of a bulleted list, or of a numbered list in a numbered paragraph's flow.
    Item,
    /// A paragraph of a quotation set apart.
    Quote,
}

impl Child {
    /// How many children of this kind one paragraph may have: (a) to (z), (i) to (xxxix),
    /// and 255 items or quoted paragraphs.
    pub fn limit(self) -> u32 {
        match self {
            Self::Lettered => 26,
            Self::Roman => 39,
            Self::Item | Self::Quote => 255,
        }
    }

    /// Children of this kind, in a sentence: "list items".
    pub fn describe(self) -> &'static str {
        match self {
            Self::Lettered | Self::Roman => "sub-paragraphs",
            Self::Item => "list items",
            Self::Quote => "quoted paragraphs",
        }
    }
}

/// The number of the `index`-th (from 1, at most [`Child::limit`]) child of paragraph `parent`.
pub fn child_number(parent: u32, kind: Child, index: u32) -> u32 {
    CHILD | parent << 10 | (kind as u32) << 8 | index
}

/// The kind of child paragraph `number` is, or `None` for a paragraph of its own.
pub fn child_kind(number: u32) -> Option<Child> {
    (number & CHILD != 0).then(|| [Child::Lettered, Child::Roman, Child::Item, Child::Quote][(number >> 8 & 3) as usize])
}

/// How a source marks the `index`-th sub-paragraph (from 1): `b`, or `ii` when `roman`.
pub fn subparagraph_marker(roman: bool, index: u32) -> String {
    let mut out = String::new();
    push_marker(&mut out, roman, index);
    out
}

fn push_marker(out: &mut String, roman: bool, index: u32) {
    if !roman {
        out.extend(char::from_u32(u32::from(b'a') + index - 1));
        return;
    }
    for _ in 0..index / 10 {
        out.push('x');
    }
    out.push_str(["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"][index as usize % 10]);
}

/// Paragraph `number` named as an anchor (`p-10`, `pp-2`, `p-10-b`, `p-3-item-2`,
/// `table-1-row-2`) or as readers cite it (`10`, `PP2`, `10(b)`, `3, item 2`, `Table 1, row 2`): one function for both, since each
/// format string costs the wasm.
fn paragraph_name(number: u32, anchor: bool) -> String {
    let kind = child_kind(number);
    let base = if kind.is_some() { (number & !CHILD) >> 10 } else { number };
    let mut out = String::new();
    if let Some((table, row)) = table_row(number) {
        // table-2-row-3 / Table 2, row 3; table-2-head / Table 2, header.
        out.push_str(if anchor { "table-" } else { "Table " });
        out.push_str(&table.to_string());
        match (row, anchor) {
            (0, true) => out.push_str("-head"),
            (0, false) => out.push_str(", header"),
            (_, true) => out.push_str("-row-"),
            (_, false) => out.push_str(", row "),
        }
        if row > 0 {
            out.push_str(&row.to_string());
        }
        return out;
    }
    let n = if let Some(n) = footnote_index(base) {
        out.push_str(if anchor { "fn-" } else { "note " });
        n
    } else if base & SECTIONED != 0 {
        // p-2-3 / 2.3, and annex-1-p-3 / Annex 1.3.
        let annex = base & ANNEX != 0;
        out.push_str(match (anchor, annex) {
            (true, true) => "annex-",
            (true, false) => "p-",
            (false, true) => "Annex ",
            (false, false) => "",
        });
        out.push_str(&(base >> 12 & MAX_SECTIONS).to_string());
        out.push_str(match (anchor, annex) {
            (true, true) => "-p-",
            (true, false) => "-",
            (false, _) => ".",
        });
        base & MAX_SECTION_PARAGRAPHS
    } else if let Some(n) = base.checked_sub(PREAMBLE) {
        out.push_str(if anchor { "pp-" } else { "PP" });
        n
    } else {
        out.push_str(if anchor { "p-" } else { "" });
        base
    };
    out.push_str(&n.to_string());
    let index = number & 0xff;
    match (kind, anchor) {
        (None, _) => {}
        (Some(Child::Item), _) | (Some(Child::Quote), _) => {
            let word = if kind == Some(Child::Item) { "item" } else { "quote" };
            out.push_str(if anchor { "-" } else { ", " });
            out.push_str(word);
            out.push_str(if anchor { "-" } else { " " });
            out.push_str(&index.to_string());
        }
        (Some(marked), true) => {
            out.push('-');
            push_marker(&mut out, marked == Child::Roman, index);
        }
        (Some(marked), false) => {
            out.push('(');
            push_marker(&mut out, marked == Child::Roman, index);
            out.push(')');
        }
    }
    out
}

/// The fragment id of paragraph `number`: `p-10`, `pp-2` for the second paragraph of a
/// preamble, `p-10-b` for sub-paragraph (b) of paragraph 10.
pub fn paragraph_anchor(number: u32) -> String {
    paragraph_name(number, true)
}

/// How a reader refers to paragraph `number`: `10`, `PP2` for the second paragraph of a
/// preamble (as the UN cites preambular paragraphs), `10(b)` for a sub-paragraph.
pub fn paragraph_label(number: u32) -> String {
    paragraph_name(number, false)
}

/// A paragraph; `number` is its identity, anchor and label (see [`paragraph_anchor`]): the
/// number the source prints, its position where the source prints none. When `numbered`,
/// the source prints the number before the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    pub number: u32,
    pub numbered: bool,
    pub text: String,
    pub terms: Vec<TermSpan>,
    /// Where the text refers to a footnote: (byte offset, `n` of the footnote numbered
    /// `FOOTNOTE | n`).
    pub notes: Vec<(u32, u32)>,
}

impl Paragraph {
    pub fn anchor(&self) -> String {
        paragraph_anchor(self.number)
    }

    pub fn label(&self) -> String {
        paragraph_label(self.number)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Block {
    Heading(Heading),
    Paragraph(Paragraph),
}

/// A document as a catalogue lists it: everything but its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocEntry {
    pub slug: String,
    pub title: String,
    /// Where the title uses glossary terms.
    pub title_terms: Vec<TermSpan>,
    pub kind: DocKind,
    pub date: Option<DocDate>,
    pub place: Option<String>,
    pub source: Option<String>,
    pub summary: String,
    pub reading_minutes: u32,
}

impl DocEntry {
    /// The document's route, relative to the app's base.
    pub fn path(&self) -> String {
        format!("/{}", self.slug)
    }
}

/// Who issued a document and where it was first published, for citing it: from the front
/// matter, each left out where the file does not say (never guessed).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Citation {
    /// A person who wrote or delivered it.
    pub author: Option<String>,
    /// The institution that issued it (its corporate author where no person is named).
    pub issued_by: Option<String>,
    pub publisher: Option<String>,
    /// Where the institution publishes the original.
    pub url: Option<String>,
}

/// A document with its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub entry: DocEntry,
    pub citation: Citation,
    pub blocks: Vec<Block>,
    /// Where it mentions entities, entity by entity.
    pub names: Vec<NameSpan>,
    /// Its key figures, from `content/figures.toml`.
    pub figures: Vec<Figure>,
}

impl std::ops::Deref for Document {
    type Target = DocEntry;

    fn deref(&self) -> &DocEntry {
        &self.entry
    }
}

impl Document {
    pub fn headings(&self) -> impl Iterator<Item = &Heading> {
        self.blocks.iter().filter_map(|b| if let Block::Heading(h) = b { Some(h) } else { None })
    }

    pub fn paragraphs(&self) -> impl Iterator<Item = &Paragraph> {
        self.blocks.iter().filter_map(|b| if let Block::Paragraph(p) = b { Some(p) } else { None })
    }
}

/// A mention of an entity in a document: paragraph number, byte range in its text, and the
/// entity's index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct NameSpan {
    pub paragraph: u32,
    pub start: u32,
    pub end: u32,
    pub entity: u16,
}

/// An acronym the documents use and what it stands for (see `content/glossary.toml`; terms
/// the text defines itself are found at build time).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GlossaryEntry {
    pub term: String,
    pub expansion: String,
    /// The document (index) and paragraph that define it, when the text does.
    pub defined_in: Option<(u32, u32)>,
    /// The (document, paragraph)s that use it, in the first [`LISTED_DOCUMENTS`] documents
    /// that do.
    pub uses: Vec<(u32, u32)>,
    /// The entity it names ("FATF"), by index.
    pub entity: Option<u16>,
}

/// An organisation, place, person, group or legal instrument the documents name (see
/// `content/entities.toml`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    pub id: String,
    pub name: String,
    /// organisation, place, person, group or instrument.
    pub kind: String,
    pub aliases: Vec<String>,
    /// How many mentions, in how many paragraphs, of how many documents.
    pub mentions: u32,
    pub paragraphs: u32,
    pub documents: u32,
}

impl Entity {
    /// The entity's page of mentions, relative to the app's base.
    pub fn path(&self) -> String {
        routes::entity_path(&self.id)
    }
}

/// The kinds of entity, in the order pages list them: (kind, heading).
pub const ENTITY_KINDS: [(&str, &str); 5] = [
    ("organisation", "Organisations"),
    ("place", "Places"),
    ("person", "People"),
    ("group", "Groups"),
    ("instrument", "Legal instruments"),
];

/// The mentions of an entity in one paragraph, in their sentences, as the entity's page shows
/// them (those in the first [`LISTED_DOCUMENTS`] documents that mention it): a sentence that
/// names it twice is quoted once, and two sentences are joined by " … ".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    pub doc: u32,
    pub paragraph: u32,
    pub sentence: String,
    /// Each mention's byte range in `sentence`.
    pub marks: Vec<(u32, u32)>,
}

/// A key figure of an operation, from `content/figures.toml`, checked against the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figure {
    pub label: String,
    pub value: String,
    /// The words of the text that state it, verbatim.
    pub quote: String,
    /// The paragraph that states it.
    pub paragraph: u32,
}

/// A dated event, from `content/timeline.toml` (checked against the text) or a document's own
/// date; `paragraph` 0 is the document as a whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub date: String,
    pub when: String,
    pub label: String,
    pub doc: u32,
    /// The words of the text that state it, verbatim (empty for a document's own date).
    pub quote: String,
    pub paragraph: u32,
}

/// How much the library holds, for the home page.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub documents: u32,
    pub glossary: u32,
    pub entities: u32,
    pub events: u32,
}

/// A piece of the library, keyed by index in the whole: the data one page needs (see
/// [`Part::for_route`]) or all of it (the whole library). `complete` lists the routes
/// (app paths) this part holds everything for.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Part {
    pub complete: Vec<String>,
    pub counts: Option<Counts>,
    pub entries: Vec<(u32, DocEntry)>,
    pub documents: Vec<(u32, Document)>,
    pub glossary: Vec<(u16, GlossaryEntry)>,
    pub entities: Vec<(u16, Entity)>,
    pub quotes: Vec<(u16, Vec<Quote>)>,
    pub timeline: Option<Vec<Event>>,
    /// Pages of the catalogue's listings (see `catalogue.rs`): every one in the whole
    /// library, a catalogue page's own in its part.
    pub listings: Vec<Listing>,
    /// The catalogue's orders and shelves, which every catalogue page offers.
    pub shelves: Vec<ShelfGroup>,
}

/// A data file this version of the reader cannot read. (Postcard's own messages are left out:
/// their text would weigh on the wasm.)
#[derive(Debug)]
pub struct DecodeError;

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the data file is not one this version of the reader can read")
    }
}

/// A data file's bytes (postcard).
fn to_bytes<T: Serialize>(value: &T) -> Vec<u8> {
    postcard::to_allocvec(value).expect("owned data always serializes")
}

fn from_bytes<'a, T: Deserialize<'a>>(bytes: &'a [u8]) -> Result<T, DecodeError> {
    postcard::from_bytes(bytes).map_err(|_| DecodeError)
}

impl Part {
    pub fn to_bytes(&self) -> Vec<u8> {
        to_bytes(self)
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Self, DecodeError> {
        from_bytes(bytes)
    }
}

/// The build's list of data files: each route's part (app path → file, relative to the site's
/// base) and the search index's dictionary (which names the index's other files).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub routes: Vec<(String, String)>,
    pub search: String,
}

impl Manifest {
    pub fn to_bytes(&self) -> Vec<u8> {
        to_bytes(self)
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Self, DecodeError> {
        from_bytes(bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_preambles_and_sub_paragraphs_have_their_own_anchors_and_labels() {
        let cases = [
            (10, "p-10", "10"),
            (PREAMBLE + 2, "pp-2", "PP2"),
            (child_number(10, Child::Lettered, 2), "p-10-b", "10(b)"),
            (child_number(3, Child::Roman, 4), "p-3-iv", "3(iv)"),
            (child_number(3, Child::Roman, 19), "p-3-xix", "3(xix)"),
            (child_number(3, Child::Roman, 30), "p-3-xxx", "3(xxx)"),
            (child_number(3, Child::Lettered, 26), "p-3-z", "3(z)"),
            (child_number(7, Child::Item, 2), "p-7-item-2", "7, item 2"),
            (child_number(PREAMBLE + 1, Child::Quote, 12), "pp-1-quote-12", "PP1, quote 12"),
            (sectioned_number(2, false, 3), "p-2-3", "2.3"),
            (FOOTNOTE | 4, "fn-4", "note 4"),
            (sectioned_number(1, true, 12), "annex-1-p-12", "Annex 1.12"),
            (child_number(sectioned_number(1, true, 2), Child::Lettered, 1), "annex-1-p-2-a", "Annex 1.2(a)"),
            (table_row_number(2, 3), "table-2-row-3", "Table 2, row 3"),
            (table_row_number(1, 0), "table-1-head", "Table 1, header"),
        ];
        for (number, anchor, label) in cases {
            assert_eq!((paragraph_anchor(number), paragraph_label(number)), (anchor.to_string(), label.to_string()));
        }
        assert_eq!(child_kind(child_number(PREAMBLE + 3, Child::Quote, 1)), Some(Child::Quote));
        assert_eq!(child_kind(PREAMBLE + 1), None);
        assert_eq!((table_row(table_row_number(7, 12)), table_row(FOOTNOTE | 3)), (Some((7, 12)), None));
        assert_eq!(footnote_index(FOOTNOTE | 3), Some(3));
        assert_eq!(footnote_index(child_number(1024, Child::Item, 1)), None);
        assert_eq!(footnote_index(table_row_number(MAX_TABLES, 1)), None);
        assert_eq!(table_row(table_row_number(MAX_TABLES, MAX_TABLE_ROWS)), Some((MAX_TABLES, MAX_TABLE_ROWS)));
    }
}
