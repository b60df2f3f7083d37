//! The importer: a raw text dump of documents, as people copy them out of web pages and PDFs
//! (documents separated by three or more blank lines, one paragraph a line, like
//! `content/source-documents.txt`), turned into the reader's content files.
//!
//! It recognises what the text states and invents nothing: the title (a document's first
//! line), a dateline (a date standing alone on the line after the title), headings (short lines
//! without closing punctuation that do not open with a pronoun, numbered ones such as
//! `1. Investing` included), numbered
//! paragraphs (`10. We underline ...`), their sub-paragraphs (`(a) ...`, `(ii) ...` on the lines
//! after one, written indented under it), bulleted lines (`• ...`, as a list after the
//! paragraph before them) and plain paragraphs; the kind only where the title names
//! it (`Speech: ...`, `... Statement ...`, `Press release`). Exact duplicates are dropped and
//! reported. What it cannot decide (a kind the title does not name, a long line without closing
//! punctuation, numbering that skips) is listed, with its line in the dump, for a person.
//! Written by hand: it is a few rules over lines, not a grammar a parser library would help with.

mod lines;

use lines::{date_of, escape_markdown, heading_like, numbered, opens_as_sentence};

/// One document found in the dump, as a content file's parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    /// The dump's line its title stands on.
    pub line: usize,
    pub title: String,
    pub slug: String,
    /// `statement`, `speech` or `press-release` where the title names it.
    pub kind: Option<&'static str>,
    /// The dateline as `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The Markdown body: headings, numbered and plain paragraphs, a blank line between each.
    pub body: String,
}

impl Imported {
    /// The content file: TOML front matter (a kind not known is left for a person to write, and
    /// the build says so with the file and line until they do), then the body.
    pub fn content_file(&self) -> String {
        let mut front = format!("+++\nslug = {}\ntitle = {}\n", quoted(&self.slug), quoted(&self.title));
        match self.kind {
            Some(kind) => front.push_str(&format!("kind = {}\n", quoted(kind))),
            None => front.push_str("# The text does not say which kind this is: one of statement, press-release, speech.\nkind = \"\"\n"),
        }
        if let Some(date) = &self.date {
            front.push_str(&format!("date = {}\n", quoted(date)));
        }
        format!("{front}+++\n\n{}", self.body)
    }

    /// The content file's name: its place in the dump and its slug (`01-g20-...md`).
    pub fn file_name(&self, position: usize) -> String {
        format!("{:02}-{}.md", position + 1, self.slug)
    }
}

/// A document left out because an earlier one has exactly its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duplicate {
    pub line: usize,
    pub title: String,
    /// The line of the document it repeats.
    pub same_as: usize,
}

/// A line the importer could not decide about, and what it did with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    pub line: usize,
    pub text: String,
    pub question: String,
}

/// What a dump holds.
#[derive(Debug, Default)]
pub struct Import {
    pub documents: Vec<Imported>,
    pub duplicates: Vec<Duplicate>,
    pub questions: Vec<Question>,
}

/// Reads a dump.
pub fn import(dump: &str) -> Import {
    let mut result = Import::default();
    let mut seen: Vec<(Vec<&str>, usize)> = Vec::new();
    for block in documents_of(dump) {
        let texts: Vec<&str> = block.iter().map(|(_, text)| *text).collect();
        let line = block[0].0;
        if let Some((_, first)) = seen.iter().find(|(t, _)| *t == texts) {
            result.duplicates.push(Duplicate { line, title: texts[0].to_string(), same_as: *first });
            continue;
        }
        seen.push((texts, line));
        result.documents.push(document(&block, &mut result.questions));
    }
    result
}

/// The dump's documents, each as its non-blank lines with their line numbers (from 1): a run
/// of three or more blank lines ends a document.
fn documents_of(dump: &str) -> Vec<Vec<(usize, &str)>> {
    let mut documents = vec![Vec::new()];
    let mut blanks = 0;
    for (i, line) in dump.lines().enumerate() {
        let text = line.trim();
        if text.is_empty() {
            blanks += 1;
            continue;
        }
        if blanks >= 3 && !documents.last().is_some_and(Vec::is_empty) {
            documents.push(Vec::new());
        }
        blanks = 0;
        if let Some(current) = documents.last_mut() {
            current.push((i + 1, text));
        }
    }
    documents.retain(|d| !d.is_empty());
    documents
}

fn document(lines: &[(usize, &str)], questions: &mut Vec<Question>) -> Imported {
    let (line, title) = lines[0];
    let mut rest = &lines[1..];
    let date = rest.first().and_then(|(_, text)| date_of(text));
    if date.is_some() {
        rest = &rest[1..];
    }
    let kind = kind_named_in(title);
    if kind.is_none() {
        questions.push(Question {
            line,
            text: title.to_string(),
            question: "the title does not say which kind of document this is: write statement, press-release or speech as its kind".into(),
        });
    }
    let mut blocks = Vec::new();
    let mut next_number = None;
    // What the block before is: a numbered paragraph (or one of its sub-paragraphs), whose
    // sub-paragraphs may follow; a paragraph or a bulleted line, which a bulleted line may follow.
    let (mut after_numbered, mut after_paragraph) = (false, false);
    for (i, &(at, text)) in rest.iter().enumerate() {
        let last = i + 1 == rest.len();
        let ask = |question: &str| Question { line: at, text: text.to_string(), question: question.to_string() };
        let bullet = text.strip_prefix(['•', '▪', '◦']).map(str::trim_start).filter(|rest| !rest.is_empty());
        let (was_numbered, was_paragraph) = (after_numbered, after_paragraph);
        (after_numbered, after_paragraph) = (false, true);
        if was_numbered && corpus::subparagraph_marker(text).is_some() {
            // Indented under its paragraph, as the build reads a sub-paragraph.
            blocks.push(format!("    {}", escape_markdown(text)));
            after_numbered = true;
        } else if let Some(item) = bullet.filter(|_| was_paragraph) {
            blocks.push(format!("- {}", escape_markdown(item)));
        } else if let Some((number, _)) = numbered(text).filter(|_| !heading_like(text)) {
            after_numbered = true;
            let expected = next_number.unwrap_or(1);
            if number != expected {
                questions.push(ask(&format!("numbered {number} where {expected} was expected: check the numbering")));
            }
            next_number = Some(number + 1);
            blocks.push(text.to_string());
        } else if heading_like(text) && !last && !opens_as_sentence(text) && bullet.is_none() {
            blocks.push(format!("## {text}"));
            after_paragraph = false;
        } else {
            if bullet.is_some() {
                questions.push(ask("a bulleted line with no paragraph before it: kept as a paragraph"));
            } else if heading_like(text) && last {
                questions.push(ask("short and without closing punctuation, but the document's last line: kept as a paragraph"));
            } else if heading_like(text) {
                questions.push(ask("short and without closing punctuation, but it opens as a sentence does: kept as a paragraph"));
            } else if !lines::closes(text) {
                questions.push(ask("no closing punctuation, but too long for a heading: kept as a paragraph"));
            }
            blocks.push(escape_markdown(text));
        }
    }
    let body = blocks.iter().map(|b| format!("{b}\n")).collect::<Vec<_>>().join("\n");
    Imported { line, title: title.to_string(), slug: slug_of(title), kind, date, body }
}

/// The kind a title names, if it names one.
fn kind_named_in(title: &str) -> Option<&'static str> {
    let lower = title.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    if words.contains(&"speech") {
        Some("speech")
    } else if words.contains(&"statement") {
        Some("statement")
    } else if lower.contains("press release") {
        Some("press-release")
    } else {
        None
    }
}

/// A slug from a title: its letters and digits in lower case, words joined by `-`, accents and
/// apostrophes dropped ("Leaders’ Statement" gives `leaders-statement`), at most eight words.
pub fn slug_of(title: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    for word in title.split(|c: char| c.is_whitespace() || c == '-' || c == '/' || c == ':' || c == ',') {
        let kept: String = word.chars().filter_map(lines::ascii_of).collect::<String>().to_lowercase();
        if !kept.is_empty() {
            words.push(kept);
        }
    }
    words.truncate(8);
    let slug = words.join("-");
    let reserved = corpus::RESERVED_SLUGS.contains(&slug.as_str()) || slug.is_empty();
    if reserved {
        format!("document-{slug}").trim_end_matches('-').to_string()
    } else {
        slug
    }
}

/// A TOML basic string.
fn quoted(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const DUMP: &str = "Council Statement on Ports\n\n3 March 2024\n\n1. We meet.\n\nSecurity of ports\n\n2. We act.\n\n\n\n\
Council Statement on Ports\n\n3 March 2024\n\n1. We meet.\n\nSecurity of ports\n\n2. We act.\n\n\n\n\
Annual review\n\n- a list-looking line, and # a hash.\n\n4. Numbered out of the blue.\n\nA long line without any closing punctuation that goes on well past the length any heading would have in a document of this kind\n\nEnds\n";

    #[test]
    fn documents_are_split_on_three_blank_lines_and_duplicates_dropped() {
        let import = import(DUMP);
        assert_eq!(import.documents.len(), 2);
        assert_eq!(import.duplicates, vec![Duplicate { line: 13, title: "Council Statement on Ports".into(), same_as: 1 }]);
        let first = &import.documents[0];
        assert_eq!(
            (first.kind, first.date.as_deref(), first.slug.as_str()),
            (Some("statement"), Some("2024-03-03"), "council-statement-on-ports")
        );
        assert_eq!(first.body, "1. We meet.\n\n## Security of ports\n\n2. We act.\n");
    }

    #[test]
    fn what_the_text_does_not_settle_is_asked_with_its_line() {
        let import = import(DUMP);
        let asked: Vec<(usize, &str)> = import.questions.iter().map(|q| (q.line, q.text.as_str())).collect();
        assert_eq!(asked[0], (25, "Annual review"), "no kind in the title");
        assert_eq!(import.questions[1].question, "numbered 4 where 1 was expected: check the numbering");
        assert_eq!(asked[1], (29, "4. Numbered out of the blue."));
        assert!(asked[2].0 == 31 && asked[2].1.starts_with("A long line"));
        assert_eq!(asked[3], (33, "Ends"));
        assert_eq!(asked.len(), 4);
        let review = &import.documents[1];
        assert!(review.body.starts_with("\\- a list-looking line, and # a hash.\n"), "{}", review.body);
        assert!(review.content_file().contains("kind = \"\"\n"));
    }

    #[test]
    fn sub_paragraphs_and_bulleted_lines_are_written_as_the_build_reads_them() {
        let dump = "Council Statement on Ports\n\n1. We ask states to:\n\n(a) name one office;\n\n(b) answer within a week;\n\n\
2. We will review:\n\n• the number of requests;\n\n• the time taken.\n\nReview\n\n• A bullet after a heading.\n";
        let import = import(dump);
        let doc = &import.documents[0];
        assert_eq!(
            doc.body,
            "1. We ask states to:\n\n    (a) name one office;\n\n    (b) answer within a week;\n\n2. We will review:\n\n\
- the number of requests;\n\n- the time taken.\n\n## Review\n\n• A bullet after a heading.\n"
        );
        assert_eq!(import.questions[0].question, "a bulleted line with no paragraph before it: kept as a paragraph");
        // The file builds, each line where the document puts it.
        let file = doc.content_file();
        let docs = corpus::load_sources([(std::path::Path::new("c/ports.md"), file.as_str())]).expect("the imported file builds");
        let labels: Vec<String> = docs[0].paragraphs().map(|p| content_model::paragraph_label(p.number)).collect();
        assert_eq!(labels, ["1", "1(a)", "1(b)", "2", "2, item 1", "2, item 2", "3"]);
    }

    #[test]
    fn slugs_read_as_the_title_does() {
        assert_eq!(slug_of("G20 Leaders’ Statement on Countering Terrorism"), "g20-leaders-statement-on-countering-terrorism");
        assert_eq!(slug_of("Speech: Defence Secretary Speech at CSIS, Washington"), "speech-defence-secretary-speech-at-csis-washington");
        assert_eq!(slug_of("Timeline"), "document-timeline");
        assert_eq!(slug_of("Málaga – réunion"), "malaga-reunion");
    }
}
