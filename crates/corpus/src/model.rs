//! The document model: what one content file becomes after parsing. It depends on no other
//! module of the crate: the parsers (`front_matter`, `markdown`) build it. (Citation data is
//! the content model's own type, passed through as it is.)

use std::path::{Path, PathBuf};

/// Validated front matter, with the line numbers later checks need for their messages.
#[derive(Debug, Clone)]
pub struct Meta {
    pub slug: String,
    pub slug_line: usize,
    pub title: String,
    pub kind: DocKind,
    pub date: Option<DocDate>,
    pub place: Option<String>,
    pub source: Option<String>,
    pub summary: Option<String>,
    pub citation: content_model::Citation,
    /// The line of `issued_by`, for the check that it names a known organisation.
    pub issued_by_line: usize,
    /// Topics from `content/topics.toml`, and the line naming them.
    pub topics: Vec<String>,
    pub topics_line: usize,
    /// Where the paragraphs' numbering starts again.
    pub numbering: Numbering,
}

/// Where a document's paragraph numbering starts again at 1, as its front matter declares
/// (`numbering = "per-section"`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Numbering {
    /// Nowhere: one numbering from the first paragraph to the last.
    #[default]
    Continuous,
    /// After every `##` heading.
    PerSection,
    /// After every `##` heading that begins with "Annex".
    PerAnnex,
}

impl Numbering {
    pub const NAMES: [&'static str; 3] = ["continuous", "per-section", "per-annex"];

    pub fn from_name(name: &str) -> Option<Self> {
        let all = [Self::Continuous, Self::PerSection, Self::PerAnnex];
        Self::NAMES.iter().position(|n| *n == name).map(|i| all[i])
    }

    /// Whether the numbering starts again after a `##` heading reading `heading`.
    pub fn restarts_at(self, heading: &str) -> bool {
        match self {
            Self::Continuous => false,
            Self::PerSection => true,
            Self::PerAnnex => heading.get(..5).is_some_and(|w| w.eq_ignore_ascii_case("annex")),
        }
    }
}

/// What kind of text a document is; content files name it in `kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocKind {
    Statement,
    PressRelease,
    Speech,
}

impl DocKind {
    /// The names content files may use, in the order error messages list them.
    pub const NAMES: [&'static str; 3] = ["statement", "press-release", "speech"];

    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "statement" => Some(Self::Statement),
            "press-release" => Some(Self::PressRelease),
            "speech" => Some(Self::Speech),
            _ => None,
        }
    }

    /// The variant's name in the app's `DocKind` enum.
    pub fn rust_name(self) -> &'static str {
        match self {
            Self::Statement => "Statement",
            Self::PressRelease => "PressRelease",
            Self::Speech => "Speech",
        }
    }
}

/// A calendar date as a document states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocDate {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

/// Month names as the sources write them, January first.
pub(crate) const MONTHS: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

impl DocDate {
    /// Parses `YYYY-MM-DD`, accepting only dates that exist.
    pub fn parse_iso(text: &str) -> Option<Self> {
        let mut parts = text.split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        let date = Self { year: y.parse().ok()?, month: m.parse().ok()?, day: d.parse().ok()? };
        ((1..=12).contains(&date.month) && date.day >= 1 && date.day <= date.days_in_month()).then_some(date)
    }

    fn days_in_month(self) -> u8 {
        let leap = (self.year.is_multiple_of(4) && !self.year.is_multiple_of(100)) || self.year.is_multiple_of(400);
        match self.month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        }
    }

    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// The date as the press releases write it: "7 July 2017".
    pub fn display(self) -> String {
        format!("{} {} {}", self.day, MONTHS[usize::from(self.month - 1)], self.year)
    }
}

/// A section heading; `anchor` is its fragment id within the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub level: u8,
    pub anchor: String,
    pub text: String,
    pub line: usize,
}

/// A paragraph. `number` is its identity (see `content_model::paragraph_anchor`): the printed
/// number for numbered paragraphs, its position otherwise, `PREAMBLE + k` for the k-th
/// paragraph of a preamble, `content_model::child_number` for a child, `table_row_number` for a
/// table's row, `FOOTNOTE | n` for a footnote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub number: u32,
    pub numbered: bool,
    /// A child of the paragraph before it (a sub-paragraph, its marker `(a)` in its text; a
    /// list item; a quotation's paragraph), or `None`.
    pub child: Option<content_model::Child>,
    /// The table row this paragraph is (its cells' text separated by tabs), if any.
    pub row: Option<Row>,
    /// The footnote this paragraph is the text of (its label in the file: `[^1]:`), if any.
    pub footnote: Option<String>,
    /// Where the text refers to footnotes: (byte offset, `n` of the footnote numbered
    /// `content_model::FOOTNOTE | n`).
    pub notes: Vec<(u32, u32)>,
    pub text: String,
    pub line: usize,
}

/// A row of a table: its header, or one of its body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Header,
    Body,
}

impl Paragraph {
    /// The paragraph as the source prints it, number included (a table row's cells separated
    /// by " | ").
    pub fn source_text(&self) -> String {
        if self.row.is_some() {
            self.text.replace('\t', " | ")
        } else if self.numbered {
            format!("{}. {}", content_model::printed_number(self.number), self.text)
        } else {
            self.text.clone()
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Heading(Heading),
    Paragraph(Paragraph),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The content file it came from.
    pub path: PathBuf,
    pub slug: String,
    pub slug_line: usize,
    pub title: String,
    pub kind: DocKind,
    pub date: Option<DocDate>,
    pub place: Option<String>,
    pub source: Option<String>,
    /// The front matter's summary, or else the opening of the first paragraph.
    pub summary: String,
    pub citation: content_model::Citation,
    /// The front-matter line of `issued_by` (the citation's).
    pub issued_by_line: usize,
    /// Topics from `content/topics.toml`, and the front-matter line naming them.
    pub topics: Vec<String>,
    pub topics_line: usize,
    pub reading_minutes: u32,
    pub blocks: Vec<Block>,
}

/// Words a minute assumed for reading time, a common figure for careful reading.
const WORDS_PER_MINUTE: usize = 200;
/// Longest summary taken from the first paragraph, in characters.
const SUMMARY_CHARS: usize = 180;

impl Document {
    pub fn new(path: &Path, meta: Meta, blocks: Vec<Block>) -> Self {
        let paragraphs = || blocks.iter().filter_map(|b| if let Block::Paragraph(p) = b { Some(p) } else { None });
        let words: usize = paragraphs().map(|p| p.text.split_whitespace().count()).sum();
        let summary =
            meta.summary.clone().unwrap_or_else(|| paragraphs().next().map_or_else(String::new, |p| shorten(&p.text, SUMMARY_CHARS)));
        Self {
            path: path.to_path_buf(),
            slug: meta.slug,
            slug_line: meta.slug_line,
            title: meta.title,
            kind: meta.kind,
            date: meta.date,
            place: meta.place,
            source: meta.source,
            summary,
            citation: meta.citation,
            issued_by_line: meta.issued_by_line,
            topics: meta.topics,
            topics_line: meta.topics_line,
            reading_minutes: words.div_ceil(WORDS_PER_MINUTE).max(1) as u32,
            blocks,
        }
    }

    pub fn paragraphs(&self) -> impl Iterator<Item = &Paragraph> {
        self.blocks.iter().filter_map(|b| if let Block::Paragraph(p) = b { Some(p) } else { None })
    }

    /// Every line of text the reader shows for this document, in order, as the source prints
    /// them: title, dateline, headings and paragraphs. The provenance test compares these with
    /// the raw dump.
    pub fn source_lines(&self) -> Vec<String> {
        let mut lines = vec![self.title.clone()];
        lines.extend(self.date.map(DocDate::display));
        lines.extend(self.blocks.iter().map(|b| match b {
            Block::Heading(h) => h.text.clone(),
            Block::Paragraph(p) => p.source_text(),
        }));
        lines
    }
}

/// `text` cut at a word boundary to at most `max` characters, with an ellipsis when cut.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let at_word = cut.rfind(' ').map_or(cut.as_str(), |i| &cut[..i]);
    format!("{}…", at_word.trim_end_matches([',', ';', ':', ' ']))
}
