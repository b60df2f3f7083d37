//! Curated facts checked against the text: the key figures of each operation
//! (`content/figures.toml`) and the timeline of dated events (`content/timeline.toml`). Every
//! entry quotes the words it comes from; the build finds the paragraph that holds them and
//! fails, naming the file and line, when no paragraph of that document does.

use std::path::Path;

use serde::Deserialize;

use crate::error::{line_of, ContentError};
use crate::model::{DocDate, Document, MONTHS};

/// A figure of an operation, linked to its paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    pub doc: String,
    pub label: String,
    pub value: String,
    /// The words of the text that state it, verbatim.
    pub quote: String,
    pub paragraph: u32,
}

/// A dated event. `date` sorts (YYYY, YYYY-MM or YYYY-MM-DD); `when` is shown. `paragraph` 0
/// means the document as a whole (its own date).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub date: String,
    pub when: String,
    pub label: String,
    pub doc: String,
    /// The words of the text that state it, verbatim (empty for a document's own date).
    pub quote: String,
    pub paragraph: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FigureFile {
    #[serde(default)]
    figure: Vec<RawFigure>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFigure {
    doc: toml::Spanned<String>,
    label: String,
    value: String,
    quote: toml::Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TimelineFile {
    #[serde(default)]
    event: Vec<RawEvent>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEvent {
    date: toml::Spanned<String>,
    when: String,
    label: String,
    doc: toml::Spanned<String>,
    quote: toml::Spanned<String>,
}

fn toml_error(path: &Path, text: &str, e: toml::de::Error, what: &str) -> ContentError {
    let line = e.span().map_or(1, |s| line_of(text, s.start));
    ContentError::new(path, line, format!("bad {what}: {}", e.message().trim()))
}

/// The paragraph of document `slug` whose text holds `quote` verbatim.
fn locate(
    path: &Path,
    text: &str,
    docs: &[Document],
    slug: &toml::Spanned<String>,
    quote: &toml::Spanned<String>,
) -> Result<u32, ContentError> {
    let doc = docs.iter().find(|d| d.slug == *slug.get_ref()).ok_or_else(|| {
        ContentError::new(path, line_of(text, slug.span().start), format!("no document has the slug {:?}", slug.get_ref()))
    })?;
    doc.paragraphs().find(|p| p.text.contains(quote.get_ref().as_str())).map(|p| p.number).ok_or_else(|| {
        ContentError::new(
            path,
            line_of(text, quote.span().start),
            format!("the quote {:?} is not in {} word for word", quote.get_ref(), doc.path.display()),
        )
    })
}

pub fn parse_figures(path: &Path, text: &str, docs: &[Document]) -> Result<Vec<Figure>, ContentError> {
    let file: FigureFile = toml::from_str(text).map_err(|e| toml_error(path, text, e, "figures file"))?;
    file.figure
        .into_iter()
        .map(|f| {
            let paragraph = locate(path, text, docs, &f.doc, &f.quote)?;
            Ok(Figure { doc: f.doc.into_inner(), label: f.label, value: f.value, quote: f.quote.into_inner(), paragraph })
        })
        .collect()
}

fn valid_sort_date(date: &str) -> bool {
    let parts: Vec<&str> = date.split('-').collect();
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [y] => digits(y, 4),
        [y, m] => digits(y, 4) && digits(m, 2),
        [y, m, d] => digits(y, 4) && digits(m, 2) && digits(d, 2),
        _ => false,
    }
}

/// Full dates a text states ("26 June 2017"): (date, the words exactly as written).
pub fn full_dates_in(text: &str) -> Vec<(DocDate, String)> {
    fn clean(w: &str) -> &str {
        w.trim_matches(|c: char| !c.is_alphanumeric())
    }
    // Each word cleaned of punctuation, with its offset in `text` (it is a slice of it).
    let words: Vec<(usize, &str)> =
        text.split_whitespace().map(clean).filter(|w| !w.is_empty()).map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w)).collect();
    words
        .windows(3)
        .filter_map(|w| {
            let [(start, day), (_, month), (year_at, year)] = [w[0], w[1], w[2]];
            let month = MONTHS.iter().position(|m| *m == month)? + 1;
            let iso = format!("{year:0>4}-{month:02}-{day:0>2}");
            let date = DocDate::parse_iso(&iso).filter(|_| year.len() == 4 && day.len() <= 2)?;
            Some((date, text[start..year_at + year.len()].to_string()))
        })
        .collect()
}

/// The timeline: the curated events, checked; each dated document's own date; and every
/// full date the texts state that no curated event already covers; in date order (events of
/// one date keep their order).
pub fn parse_timeline(path: &Path, text: &str, docs: &[Document]) -> Result<Vec<Event>, ContentError> {
    let file: TimelineFile = toml::from_str(text).map_err(|e| toml_error(path, text, e, "timeline file"))?;
    let mut events = Vec::new();
    for e in file.event {
        if !valid_sort_date(e.date.get_ref()) {
            let line = line_of(text, e.date.span().start);
            return Err(ContentError::new(path, line, format!("bad date {:?}: expected YYYY, YYYY-MM or YYYY-MM-DD", e.date.get_ref())));
        }
        let paragraph = locate(path, text, docs, &e.doc, &e.quote)?;
        let quote = e.quote.into_inner();
        events.push(Event { date: e.date.into_inner(), when: e.when, label: e.label, doc: e.doc.into_inner(), quote, paragraph });
    }
    for doc in docs {
        if let Some(date) = doc.date {
            events.push(Event {
                date: date.iso(),
                when: date.display(),
                label: format!("Published: {}", doc.title),
                doc: doc.slug.clone(),
                quote: String::new(),
                paragraph: 0,
            });
        }
        for p in doc.paragraphs() {
            for (date, written) in full_dates_in(&p.text) {
                let known = events.iter().any(|e| e.date == date.iso() && e.doc == doc.slug && e.paragraph == p.number);
                if !known {
                    let label = format!("Stated in {}", doc.title);
                    events.push(Event {
                        date: date.iso(),
                        when: written.clone(),
                        label,
                        doc: doc.slug.clone(),
                        quote: written,
                        paragraph: p.number,
                    });
                }
            }
        }
    }
    events.sort_by(|a, b| a.date.cmp(&b.date));
    Ok(events)
}
