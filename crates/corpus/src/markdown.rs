//! The Markdown body of a content file, turned into headings and paragraphs.
//!
//! Only what official documents need is accepted: paragraphs, `##`/`###` headings, and
//! ordered lists whose items are numbered paragraphs (`10. We underline ...`). Anything else
//! is an error, so no markup silently changes the text a reader sees.

use std::path::Path;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::error::{line_of, ContentError};
use crate::model::{Block, Heading, Paragraph};

/// Text being collected for the block that is open.
struct Pending {
    heading_level: Option<u8>,
    list_number: Option<u32>,
    line: usize,
    text: String,
}

pub fn parse_blocks(path: &Path, body: &str, first_line: usize) -> Result<Vec<Block>, Vec<ContentError>> {
    let mut errors = Vec::new();
    let mut blocks = Vec::new();
    let mut pending: Option<Pending> = None;
    let mut next_item: Option<u32> = None;
    let mut in_item = false;

    for (event, range) in Parser::new_ext(body, Options::empty()).into_offset_iter() {
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
                pending = Some(Pending { heading_level: Some(level), list_number: None, line, text: String::new() });
            }
            Event::Start(Tag::List(Some(start))) => match u32::try_from(start) {
                Ok(n) if next_item.is_none() => next_item = Some(n),
                _ => fail("numbered paragraphs cannot be nested".into()),
            },
            Event::Start(Tag::Item) => {
                in_item = true;
                // The number as the file writes it: Markdown renumbers a list's items from its
                // first ("1." then "3." reads as 1, 2), which would hide a gap from the check.
                let digits: String = body[range.start..].trim_start().chars().take_while(char::is_ascii_digit).collect();
                let written = digits.parse().ok().or(next_item);
                pending = Some(Pending { heading_level: None, list_number: written, line, text: String::new() });
            }
            Event::Start(Tag::Paragraph) => match &pending {
                Some(p) if in_item && !p.text.is_empty() => fail("a numbered paragraph must be one paragraph; number the next one".into()),
                Some(_) if in_item => {}
                _ => pending = Some(Pending { heading_level: None, list_number: None, line, text: String::new() }),
            },
            Event::End(TagEnd::Heading(_)) | Event::End(TagEnd::Item) => {
                blocks.extend(pending.take().map(|p| finish(p, &mut fail)));
                if in_item {
                    in_item = false;
                    next_item = next_item.map(|n| n + 1);
                }
            }
            Event::End(TagEnd::Paragraph) if !in_item => blocks.extend(pending.take().map(|p| finish(p, &mut fail))),
            Event::End(TagEnd::List(_)) => next_item = None,
            Event::End(_) => {}
            Event::Text(text) => match pending.as_mut() {
                Some(p) => p.text.push_str(&text),
                None => fail("text outside a paragraph or heading".into()),
            },
            Event::SoftBreak | Event::HardBreak => {
                if let Some(p) = pending.as_mut() {
                    p.text.push(' ');
                }
            }
            other => {
                fail(format!("unsupported Markdown ({}): write plain paragraphs, `##` headings and numbered paragraphs", describe(&other)))
            }
        }
    }
    let blocks = number_paragraphs(path, blocks, &mut errors);
    if errors.is_empty() {
        Ok(blocks)
    } else {
        Err(errors)
    }
}

fn finish(p: Pending, fail: &mut impl FnMut(String)) -> Block {
    let text = p.text.trim().to_string();
    if text.is_empty() {
        fail("empty heading or paragraph".into());
    }
    match p.heading_level {
        Some(level) => Block::Heading(Heading { level, anchor: String::new(), text, line: p.line }),
        None => Block::Paragraph(Paragraph { number: p.list_number.unwrap_or(0), numbered: p.list_number.is_some(), text, line: p.line }),
    }
}

/// Gives every paragraph its number and every heading a unique anchor. Numbered paragraphs
/// must follow on from the paragraph before; unnumbered ones take the next number.
fn number_paragraphs(path: &Path, mut blocks: Vec<Block>, errors: &mut Vec<ContentError>) -> Vec<Block> {
    let mut next = 1;
    let mut unnumbered = 0;
    let mut anchors: Vec<String> = Vec::new();
    for block in &mut blocks {
        match block {
            Block::Paragraph(p) => {
                if p.numbered && p.number != next {
                    let mut message = format!("paragraph numbered {} where {} was expected", p.number, next);
                    if unnumbered > 0 {
                        let before = if unnumbered == 1 {
                            "the unnumbered paragraph before it takes a number".to_string()
                        } else {
                            format!("the {unnumbered} unnumbered paragraphs before it take numbers")
                        };
                        message.push_str(&format!(
                            " ({before} too: an unnumbered preamble before numbered paragraphs is not supported yet, so number every paragraph or none)"
                        ));
                    }
                    errors.push(ContentError::new(path, p.line, message));
                }
                unnumbered += usize::from(!p.numbered);
                p.number = next;
                next += 1;
            }
            Block::Heading(h) => {
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
