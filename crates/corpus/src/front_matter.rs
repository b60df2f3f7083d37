//! The TOML front matter between the opening `+++` lines of a content file.

use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use crate::error::{line_of, ContentError};
use crate::model::{DocDate, DocKind, Meta, Numbering};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMeta {
    slug: Option<Spanned<String>>,
    title: Option<Spanned<String>>,
    kind: Option<Spanned<String>>,
    date: Option<Spanned<String>>,
    place: Option<String>,
    source: Option<String>,
    summary: Option<String>,
    author: Option<Spanned<String>>,
    issued_by: Option<Spanned<String>>,
    publisher: Option<Spanned<String>>,
    url: Option<Spanned<String>>,
    topics: Option<Spanned<Vec<String>>>,
    numbering: Option<Spanned<String>>,
}

const FENCE: &str = "+++";

/// Splits `text` into front matter and body; returns the metadata, the body and the body's
/// first line number.
pub fn parse<'a>(path: &Path, text: &'a str) -> Result<(Meta, &'a str, usize), ContentError> {
    let fail = |line: usize, msg: String| ContentError::new(path, line, msg);
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.split_inclusive('\n');
    if lines.next().map(str::trim_end) != Some(FENCE) {
        return Err(fail(1, format!("a content file must open with a `{FENCE}` line, then TOML front matter, then `{FENCE}`")));
    }
    let start = FENCE.len() + text[FENCE.len()..].find('\n').map_or(0, |i| i + 1);
    let mut offset = start;
    let mut end = None;
    for line in lines {
        if line.trim_end() == FENCE {
            end = Some(offset);
            break;
        }
        offset += line.len();
    }
    let Some(end) = end else {
        return Err(fail(1, format!("the front matter is never closed: add a `{FENCE}` line after it")));
    };
    let toml_text = &text[start..end];
    let body_start = (end + FENCE.len() + 1).min(text.len());
    let first_line = 2;
    let line_at = |span: std::ops::Range<usize>| first_line + line_of(toml_text, span.start) - 1;

    let raw: RawMeta = toml::from_str(toml_text).map_err(|e| {
        let line = e.span().map_or(first_line, line_at);
        fail(line, format!("bad front matter: {}", e.message().trim()))
    })?;

    let required = |field: Option<Spanned<String>>, name: &str| -> Result<(String, usize), ContentError> {
        let f = field.ok_or_else(|| fail(1, format!("the front matter has no `{name}`")))?;
        let line = line_at(f.span());
        let value = f.into_inner();
        if value.trim().is_empty() {
            return Err(fail(line, format!("`{name}` is empty")));
        }
        Ok((value, line))
    };
    let (title, _) = required(raw.title, "title")?;
    let (slug, slug_line) = required(raw.slug, "slug")?;
    if !is_valid_slug(&slug) {
        return Err(fail(slug_line, format!("slug {slug:?} must be lowercase letters, digits and single hyphens")));
    }
    if crate::RESERVED_SLUGS.contains(&slug.as_str()) {
        return Err(fail(slug_line, format!("slug {slug:?} is reserved for one of the reader's own pages")));
    }
    let (kind_name, kind_line) = required(raw.kind, "kind")?;
    let kind = DocKind::from_name(&kind_name)
        .ok_or_else(|| fail(kind_line, format!("unknown kind {kind_name:?}: expected one of {}", DocKind::NAMES.join(", "))))?;
    let date = match raw.date {
        None => None,
        Some(d) => {
            let line = line_at(d.span());
            let value = d.into_inner();
            Some(
                DocDate::parse_iso(&value)
                    .ok_or_else(|| fail(line, format!("bad date {value:?}: expected a real calendar date written YYYY-MM-DD")))?,
            )
        }
    };
    let optional = |field: Option<Spanned<String>>, name: &str| field.map(|f| required(Some(f), name).map(|(value, _)| value)).transpose();
    let url = match raw.url {
        Some(u) if !is_web_address(u.get_ref()) => {
            let line = line_at(u.span());
            return Err(fail(
                line,
                format!("url {:?} must be a web address: https:// or http://, then the rest, without spaces", u.into_inner()),
            ));
        }
        u => optional(u, "url")?,
    };
    let issued_by_line = raw.issued_by.as_ref().map_or(1, |i| line_at(i.span()));
    let citation = content_model::Citation {
        author: optional(raw.author, "author")?,
        issued_by: optional(raw.issued_by, "issued_by")?,
        publisher: optional(raw.publisher, "publisher")?,
        url,
    };
    let numbering = match raw.numbering {
        None => Numbering::Continuous,
        Some(n) => Numbering::from_name(n.get_ref()).ok_or_else(|| {
            fail(line_at(n.span()), format!("unknown numbering {:?}: expected one of {}", n.get_ref(), Numbering::NAMES.join(", ")))
        })?,
    };
    let (topics_line, topics) = raw.topics.map_or((1, Vec::new()), |t| (line_at(t.span()), t.into_inner()));
    let meta = Meta {
        slug,
        slug_line,
        title,
        kind,
        date,
        place: raw.place,
        source: raw.source,
        summary: raw.summary,
        citation,
        issued_by_line,
        topics,
        topics_line,
        numbering,
    };
    Ok((meta, &text[body_start..], line_of(text, body_start)))
}

/// An absolute http(s) address with something after the scheme and no whitespace.
fn is_web_address(url: &str) -> bool {
    ["https://", "http://"].iter().any(|scheme| url.strip_prefix(scheme).is_some_and(|rest| !rest.is_empty()))
        && !url.contains(char::is_whitespace)
}

fn is_valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !slug.starts_with('-')
        && !slug.ends_with('-')
        && !slug.contains("--")
}
