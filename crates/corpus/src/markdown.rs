//! The Markdown body of a content file, turned into headings and paragraphs.
//!
//! Only what official documents need is accepted: paragraphs, `##`/`###` headings, ordered
//! lists whose items are numbered paragraphs (`10. We underline ...`), with or without a
//! preamble of unnumbered paragraphs before paragraph 1, and a paragraph's children: its
//! sub-paragraphs (`(a) ...`, indented under a numbered paragraph), a bulleted list's items (or a
//! numbered list's, indented in a numbered paragraph's flow) and
//! a `>` quotation's paragraphs, footnotes (`[^1]` in the text, `[^1]: ...` for its note), and
//! tables (a header row and rows of cells of text, as GitHub's Markdown writes them).
//! Anything else is an error, so no markup silently changes the text a reader sees.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::error::{line_of, ContentError};
use content_model::Child;

use crate::model::{Block, Heading, Numbering, Paragraph, Row};

/// Text being collected for the block that is open.
struct Pending {
    heading_level: Option<u8>,
    list_number: Option<u32>,
    /// What child of the paragraph before it this is: a sub-paragraph (`Lettered` until its
    /// marker is read), a list's item, a quotation's paragraph.
    child: Option<Child>,
    /// The table row this is.
    row: Option<Row>,
    /// The footnote whose text this is (its label).
    footnote: Option<String>,
    /// Footnote references so far: (byte offset in `text`, the footnote's number).
    notes: Vec<(u32, u32)>,
    line: usize,
    text: String,
}

impl Pending {
    fn new(line: usize, list_number: Option<u32>, child: Option<Child>) -> Self {
        Self { heading_level: None, list_number, child, row: None, footnote: None, notes: Vec::new(), line, text: String::new() }
    }
}

/// Where in the Markdown's structure the parser is.
#[derive(Default)]
struct Open {
    /// The number the next numbered paragraph's list gives, inside such a list.
    next_item: Option<u32>,
    /// Inside a list item (numbered paragraph or bulleted item).
    item: bool,
    /// Inside a bulleted list.
    bullets: bool,
    /// Inside a quotation set apart.
    quote: bool,
    /// Inside a footnote's text: its label.
    footnote: Option<String>,
    /// Inside a list within a numbered paragraph (its items are that paragraph's, bulleted, or
    /// numbered when `Some(true)`), and inside one of its items.
    inner: Option<bool>,
    inner_item: bool,
    /// Cells of the table row so far.
    cells: u32,
}

pub fn parse_blocks(path: &Path, body: &str, first_line: usize, numbering: Numbering) -> Result<Vec<Block>, Vec<ContentError>> {
    let mut errors = Vec::new();
    let mut blocks = Vec::new();
    let mut pending: Option<Pending> = None;
    let mut open = Open::default();
    // Footnotes by label, numbered in the order the text refers to them: (number, line of
    // the reference).
    let mut referred: HashMap<String, (u32, usize)> = HashMap::new();

    for (event, range) in Parser::new_ext(body, Options::ENABLE_FOOTNOTES | Options::ENABLE_TABLES).into_offset_iter() {
        let line = first_line + line_of(body, range.start) - 1;
        let mut fail = |msg: String| errors.push(ContentError::new(path, line, msg));
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                let level = match level {
                    HeadingLevel::H2 => 2,
                    HeadingLevel::H3 => 3,
                    _ => {
                        fail("use `##` or `###` headings: the title comes from the front matter".into());
                        2
                    }
                };
                pending = Some(Pending { heading_level: Some(level), ..Pending::new(line, None, None) });
            }
            Event::Start(Tag::List(_)) if open.quote || open.bullets || open.inner.is_some() => {
                fail("a list inside a list item or a quotation is not supported yet".into())
            }
            // A list in a numbered paragraph's flow: its items are the paragraph's children.
            Event::Start(Tag::List(numbered)) if open.item => {
                blocks.extend(pending.take().map(|p| finish(p, &mut fail)));
                open.inner = Some(numbered.is_some());
            }
            Event::Start(Tag::Item) if open.inner.is_some() => {
                open.inner_item = true;
                let number = if open.inner == Some(true) { written_number(&body[range.start..]) } else { None };
                pending = Some(Pending::new(line, number, Some(Child::Item)));
            }
            Event::Start(Tag::List(Some(start))) => open.next_item = Some(u32::try_from(start).unwrap_or(u32::MAX)),
            Event::Start(Tag::List(None)) => open.bullets = true,
            Event::Start(Tag::BlockQuote(_)) if open.item || open.quote => {
                fail("a quotation inside a list or another quotation is not supported yet".into())
            }
            Event::Start(Tag::BlockQuote(_)) => open.quote = true,
            Event::Start(Tag::Item) if open.bullets => {
                open.item = true;
                pending = Some(Pending::new(line, None, Some(Child::Item)));
            }
            Event::Start(Tag::Item) => {
                open.item = true;
                pending = Some(Pending::new(line, written_number(&body[range.start..]).or(open.next_item), None));
            }
            Event::Start(Tag::Table(_)) => {
                if open.item || open.quote || open.bullets || open.footnote.is_some() {
                    fail("a table inside a list, a quotation or a footnote is not supported: write it on lines of its own".into());
                }
                blocks.extend(pending.take().map(|p| finish(p, &mut fail)));
            }
            Event::Start(Tag::TableHead) | Event::Start(Tag::TableRow) => {
                let row = if matches!(event, Event::Start(Tag::TableHead)) { Row::Header } else { Row::Body };
                pending = Some(Pending { row: Some(row), ..Pending::new(line, None, None) });
                open.cells = 0;
            }
            // Cells are separated by tabs (a tab in a cell's text becomes a space).
            Event::Start(Tag::TableCell) => {
                if let Some(p) = pending.as_mut().filter(|_| open.cells > 0) {
                    p.text.push('\t');
                }
                open.cells += 1;
            }
            Event::End(TagEnd::TableHead) | Event::End(TagEnd::TableRow) => blocks.extend(pending.take().map(|p| finish(p, &mut fail))),
            Event::Start(Tag::FootnoteDefinition(label)) => {
                if open.item || open.quote || open.bullets {
                    fail(format!("footnote [^{label}] inside a list or a quotation: write it on a line of its own"));
                }
                blocks.extend(pending.take().map(|p| finish(p, &mut fail)));
                open.footnote = Some(label.to_string());
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                blocks.extend(pending.take().map(|p| finish(p, &mut fail)));
                open.footnote = None;
            }
            Event::Start(Tag::Paragraph) if open.footnote.is_some() => match pending.take() {
                Some(p) => {
                    fail("a footnote must be one paragraph".into());
                    pending = Some(p);
                }
                None => pending = Some(Pending { footnote: open.footnote.clone(), ..Pending::new(line, None, None) }),
            },
            Event::End(TagEnd::Paragraph) if open.footnote.is_some() => {}
            Event::FootnoteReference(label) => match pending.as_mut() {
                Some(p) if p.heading_level.is_none() && p.footnote.is_none() => {
                    if referred.contains_key(label.as_ref()) {
                        fail(format!("footnote [^{label}] is referred to twice: refer to each footnote once"));
                    } else {
                        let n = referred.len() as u32 + 1;
                        referred.insert(label.to_string(), (n, line));
                        p.notes.push((p.text.len() as u32, n));
                    }
                }
                _ => fail(format!("footnote reference [^{label}] outside a paragraph: footnotes belong to a paragraph's text")),
            },
            Event::Start(Tag::Paragraph) => match pending.take() {
                Some(p) if open.item && p.text.is_empty() => pending = Some(p),
                Some(p) if open.bullets || open.inner_item => {
                    fail("a list item must be one paragraph".into());
                    pending = Some(p);
                }
                // A numbered paragraph's later paragraphs are its sub-paragraphs.
                Some(p) if open.item => {
                    blocks.push(finish(p, &mut fail));
                    pending = Some(Pending::new(line, None, Some(Child::Lettered)));
                }
                None if open.item => pending = Some(Pending::new(line, None, Some(Child::Lettered))),
                _ => pending = Some(Pending::new(line, None, open.quote.then_some(Child::Quote))),
            },
            Event::End(TagEnd::Heading(_)) | Event::End(TagEnd::Item) => {
                blocks.extend(pending.take().map(|p| finish(p, &mut fail)));
                if open.inner_item {
                    open.inner_item = false;
                } else if open.item {
                    open.item = false;
                    open.next_item = open.next_item.map(|n| n + 1);
                }
            }
            Event::End(TagEnd::Paragraph) if !open.item || pending.as_ref().is_some_and(|p| p.child == Some(Child::Lettered)) => {
                blocks.extend(pending.take().map(|p| finish(p, &mut fail)))
            }
            Event::End(TagEnd::List(_)) if open.inner.is_some() => open.inner = None,
            Event::End(TagEnd::List(_)) => (open.next_item, open.bullets) = (None, false),
            Event::End(TagEnd::BlockQuote(_)) => open.quote = false,
            Event::End(_) => {}
            Event::Text(text) => match pending.as_mut() {
                Some(p) => {
                    // Markdown leaves a reference whose footnote the file lacks as text.
                    if let Some(label) = missing_footnote(body, range.start) {
                        fail(no_footnote_text(label));
                    }
                    if p.row.is_some() {
                        p.text.push_str(&text.replace('\t', " "))
                    } else {
                        p.text.push_str(&text)
                    }
                }
                None => fail("text outside a paragraph or heading".into()),
            },
            Event::SoftBreak | Event::HardBreak => {
                if let Some(p) = pending.as_mut() {
                    p.text.push(' ');
                }
            }
            other => fail(format!(
                "unsupported Markdown ({}): write plain paragraphs, `##` headings, numbered paragraphs, bulleted lists, `>` quotations and tables",
                describe(&other)
            )),
        }
    }
    let blocks = number_paragraphs(path, blocks, numbering, &mut errors);
    let blocks = number_footnotes(path, blocks, &referred, &mut errors);
    if errors.is_empty() {
        Ok(blocks)
    } else {
        Err(errors)
    }
}

fn finish(p: Pending, fail: &mut impl FnMut(String)) -> Block {
    // A table row keeps its empty cells (Markdown trims each cell's text).
    let trimmed = if p.row.is_some() { p.text.as_str() } else { p.text.trim() };
    let lead = (p.text.len() - p.text.trim_start().len()).min(p.text.len() - trimmed.len()) as u32;
    let text = trimmed.to_string();
    let notes = p.notes.into_iter().map(|(at, label)| (at.saturating_sub(lead).min(text.len() as u32), label)).collect();
    if text.is_empty() {
        fail("empty heading or paragraph".into());
    }
    match p.heading_level {
        Some(level) => Block::Heading(Heading { level, anchor: String::new(), text, line: p.line }),
        None => Block::Paragraph(Paragraph {
            number: p.list_number.unwrap_or(0),
            numbered: p.list_number.is_some(),
            child: p.child,
            row: p.row,
            footnote: p.footnote,
            notes,
            text,
            line: p.line,
        }),
    }
}

/// Gives every paragraph its number and every heading a unique anchor. Numbered paragraphs
/// must follow on from the paragraph before; unnumbered ones take the next number, except a
/// preamble: unnumbered paragraphs before the one numbered 1, numbered apart
/// ([`content_model::PREAMBLE`]) so the numbered ones keep the numbers the file writes.
fn number_paragraphs(path: &Path, mut blocks: Vec<Block>, numbering: Numbering, errors: &mut Vec<ContentError>) -> Vec<Block> {
    let own = || {
        blocks
            .iter()
            .filter_map(|b| if let Block::Paragraph(p) = b { Some(p) } else { None })
            .filter(|p| p.child.is_none() && p.row.is_none() && p.footnote.is_none())
    };
    let first_numbered = own().position(|p| p.numbered);
    let starts_at_one = first_numbered.and_then(|i| own().nth(i)).is_some_and(|p| p.number == 1);
    let preamble = if starts_at_one { first_numbered.unwrap_or(0) } else { 0 };
    let mut next = 1;
    let mut seen = 0;
    let mut after_unnumbered = false;
    let mut numbered_before = false;
    // The paragraph children belong to, and how many of each kind it has so far (sub-paragraphs
    // count together, whichever way they are marked).
    let mut parent = None;
    let mut children = [0u32; 3];
    let mut roman = false;
    // The section whose numbering started again (0: none yet), and whether it is an annex.
    let (mut section, mut annex) = (0, false);
    // Just after a `##` heading: a paragraph numbered 1 there may mean a numbering that
    // starts again, which the error then suggests declaring.
    let mut after_heading = false;
    let mut anchors: Vec<String> = Vec::new();
    // The table being numbered (from 1) and its row.
    let (mut table, mut row) = (0, 0);
    for block in &mut blocks {
        match block {
            // Footnotes are numbered once every reference is known (below).
            Block::Paragraph(p) if p.footnote.is_some() => {}
            Block::Paragraph(p) if p.row.is_some() => {
                if p.row == Some(Row::Header) {
                    (table, row) = (table + 1, 0);
                } else {
                    row += 1;
                }
                if table > content_model::MAX_TABLES || row > content_model::MAX_TABLE_ROWS {
                    errors.push(ContentError::new(path, p.line, "too many tables (at most 255) or rows in one table (at most 4 095)"));
                }
                p.number = content_model::table_row_number(table.min(content_model::MAX_TABLES), row.min(content_model::MAX_TABLE_ROWS));
                // What follows a table belongs to no paragraph.
                parent = None;
            }
            Block::Paragraph(p) if p.child.is_some() => {
                let Some(parent) = parent else {
                    errors.push(ContentError::new(path, p.line, "a list or a quotation must follow the paragraph it belongs to"));
                    continue;
                };
                let mut kind = p.child.unwrap_or(Child::Item);
                let slot = match kind {
                    Child::Lettered | Child::Roman => 0,
                    Child::Item => 1,
                    Child::Quote => 2,
                };
                children[slot] += 1;
                let index = children[slot];
                if slot == 0 {
                    let marker = marker_of(&p.text);
                    roman = if index == 1 { marker == Some("i") } else { roman };
                    kind = if roman { Child::Roman } else { Child::Lettered };
                    let expected = content_model::subparagraph_marker(roman, index);
                    if marker != Some(expected.as_str()) && index <= kind.limit() {
                        let written = marker.map_or_else(|| "no marker".to_string(), |m| format!("({m})"));
                        errors.push(ContentError::new(
                            path,
                            p.line,
                            format!(
                                "sub-paragraph {written} where ({expected}) was expected: a numbered paragraph's later paragraphs are its \
                                 sub-paragraphs, marked (a), (b), ... or (i), (ii), ... in order; to start a new paragraph, number it"
                            ),
                        ));
                    }
                }
                if index > kind.limit() {
                    let message = format!("too many {} under one paragraph: at most {}", kind.describe(), kind.limit());
                    errors.push(ContentError::new(path, p.line, message));
                }
                if p.numbered && p.number != index {
                    let message = format!(
                        "list item numbered {} where {index} was expected: number a paragraph's list from 1, in order (a numbered list \
                         must be its paragraph's first list)",
                        p.number
                    );
                    errors.push(ContentError::new(path, p.line, message));
                }
                p.number = content_model::child_number(parent, kind, index.min(kind.limit()));
            }
            Block::Paragraph(p) if seen < preamble => {
                seen += 1;
                p.number = content_model::PREAMBLE + seen as u32;
                (parent, children) = (Some(p.number), [0; 3]);
            }
            Block::Paragraph(p) => {
                if p.numbered && p.number != next {
                    let mut message = numbering_error(p.number, next, seen, numbered_before, after_unnumbered);
                    if p.number == 1 && after_heading && numbering == Numbering::Continuous {
                        message.push_str(
                            "; if the numbering starts again after each `##` heading, declare numbering = \"per-section\" in the \
                             front matter, or numbering = \"per-annex\" where it starts again in annexes only",
                        );
                    }
                    errors.push(ContentError::new(path, p.line, message));
                    // Go on from the number written, so one gap is one error.
                    next = next.max(p.number);
                }
                if section > 0 && next > content_model::MAX_SECTION_PARAGRAPHS {
                    errors.push(ContentError::new(
                        path,
                        p.line,
                        "too many paragraphs in one section (at most 4 095 where numbering starts again)",
                    ));
                }
                after_unnumbered = !p.numbered;
                after_heading = false;
                numbered_before |= p.numbered;
                seen += 1;
                p.number = if section > 0 {
                    content_model::sectioned_number(section, annex, next.min(content_model::MAX_SECTION_PARAGRAPHS))
                } else {
                    next
                };
                (parent, children) = (Some(p.number), [0; 3]);
                next += 1;
            }
            Block::Heading(h) => {
                after_heading = h.level == 2;
                if h.level == 2 && numbering.restarts_at(&h.text) {
                    section += 1;
                    (annex, next) = (numbering == Numbering::PerAnnex, 1);
                    if section > content_model::MAX_SECTIONS {
                        errors.push(ContentError::new(path, h.line, "too many sections whose numbering starts again (at most 63)"));
                    }
                }
                let base = anchor_for(&h.text);
                let mut anchor = base.clone();
                let mut n = 2;
                while anchors.contains(&anchor) {
                    anchor = format!("{base}-{n}");
                    n += 1;
                }
                anchors.push(anchor.clone());
                h.anchor = anchor;
            }
        }
    }
    blocks
}

/// Gives each footnote the number of its reference (`referred`: number and line by label)
/// and sets the footnotes after the text, in that order; a reference without a footnote, or a
/// footnote nothing refers to, is an error.
fn number_footnotes(
    path: &Path,
    blocks: Vec<Block>,
    referred: &HashMap<String, (u32, usize)>,
    errors: &mut Vec<ContentError>,
) -> Vec<Block> {
    let (mut notes, mut text): (Vec<Block>, Vec<Block>) =
        blocks.into_iter().partition(|b| matches!(b, Block::Paragraph(p) if p.footnote.is_some()));
    let mut defined: HashSet<&str> = HashSet::new();
    for block in &mut notes {
        let Block::Paragraph(p) = block else { continue };
        let label = p.footnote.as_deref().unwrap_or_default();
        match referred.get(label) {
            _ if defined.contains(&label) => errors.push(ContentError::new(path, p.line, format!("footnote [^{label}] is written twice"))),
            Some((n, _)) => p.number = content_model::FOOTNOTE | n,
            None => errors.push(ContentError::new(
                path,
                p.line,
                format!("footnote [^{label}] is never referred to: refer to it in the text, or remove it"),
            )),
        }
        defined.insert(label);
    }
    let mut missing: Vec<(&String, &(u32, usize))> = referred.iter().filter(|(label, _)| !defined.contains(&label.as_str())).collect();
    missing.sort_by_key(|(_, (n, _))| *n);
    for (label, (_, line)) in missing {
        errors.push(ContentError::new(path, *line, no_footnote_text(label)));
    }
    notes.sort_by_key(|b| if let Block::Paragraph(p) = b { p.number } else { 0 });
    text.extend(notes);
    text
}

/// The error for a reference to footnote `label` that the file does not write.
fn no_footnote_text(label: &str) -> String {
    format!("footnote [^{label}] has no text: add a line `[^{label}]: ...` to the file")
}

/// The label of a footnote reference written at `at` in `body` (`[^1]`) that Markdown left as
/// text because the file has no footnote `[^1]: ...`; `None` where the text there is no such
/// reference, or escapes it (`\[^1]`).
fn missing_footnote(body: &str, at: usize) -> Option<&str> {
    let rest = body[at..].strip_prefix("[^")?;
    let label = &rest[..rest.find(']')?];
    let is_label = !label.is_empty() && !label.contains(|c: char| c.is_whitespace() || c == '[');
    (is_label && !body[..at].ends_with('\\')).then_some(label)
}

/// The number a numbered list's item at the start of `item` writes: Markdown renumbers a list's
/// items from its first ("1." then "3." reads as 1, 2), which would hide a gap from the check.
fn written_number(item: &str) -> Option<u32> {
    let digits: String = item.trim_start().chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// The marker a sub-paragraph's text opens with: `b` of `(b) share ...` (the importer reads
/// dumps by it too).
pub fn marker_of(text: &str) -> Option<&str> {
    let (marker, rest) = text.strip_prefix('(')?.split_once(')')?;
    let is_marker = (1..=6).contains(&marker.len()) && marker.bytes().all(|b| b.is_ascii_lowercase());
    (is_marker && rest.starts_with(' ')).then_some(marker)
}

/// Why paragraph numbered `written` in the file is wrong where `expected` comes next, in the
/// file's own numbers, and what to write instead; `before` paragraphs precede it, some of them
/// numbered when `numbered_before`, the last unnumbered when `after_unnumbered`.
fn numbering_error(written: u32, expected: u32, before: usize, numbered_before: bool, after_unnumbered: bool) -> String {
    let advice = if before > 0 && !numbered_before {
        let they = match before {
            1 => "the unnumbered paragraph before it is".to_string(),
            n => format!("the {n} unnumbered paragraphs before it are"),
        };
        format!("if {they} a preamble, number this one 1 (a preamble is cited PP1, PP2, ...); otherwise number it {expected}")
    } else if after_unnumbered {
        format!("an unnumbered paragraph between numbered ones takes the next number, so number this one {expected}, or number the one before it")
    } else if written < expected {
        format!("{written} comes before it; number this one {expected}")
    } else {
        let skipped = if written == expected + 1 { expected.to_string() } else { format!("{expected} to {}", written - 1) };
        format!("the file skips {skipped}; number this one {expected}")
    };
    format!("paragraph numbered {written} where {expected} was expected: {advice}")
}

/// A readable fragment id for a heading: "1. Investing" becomes "1-investing". One that
/// would look like a paragraph anchor (`p-3`) gets a suffix.
fn anchor_for(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_matches('-');
    let is_paragraph_like = out.strip_prefix("p-").is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()));
    match out {
        "" => "section".to_string(),
        _ if is_paragraph_like => format!("{out}-section"),
        _ => out.to_string(),
    }
}

fn describe(event: &Event) -> String {
    match event {
        Event::Start(tag) => format!("{tag:?}").split(['(', ' ', '{']).next().unwrap_or("markup").to_string(),
        Event::Html(_) | Event::InlineHtml(_) => "HTML".into(),
        Event::Code(_) => "inline code".into(),
        Event::Rule => "horizontal rule".into(),
        other => format!("{other:?}").split('(').next().unwrap_or("markup").to_string(),
    }
}
