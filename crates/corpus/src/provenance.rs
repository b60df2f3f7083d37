//! The raw source dump the content files were made from, split back into its texts.
//!
//! The dump separates texts by three or more blank lines and may hold the same text twice;
//! [`split_source_dump`] returns each distinct text once, as its non-blank lines. Tests compare
//! these with [`crate::Document::source_lines`] to prove the reader shows the source verbatim.

/// One text of the dump: its non-blank lines, the first being its title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceText {
    pub lines: Vec<String>,
}

impl SourceText {
    pub fn title(&self) -> &str {
        self.lines.first().map_or("", String::as_str)
    }
}

/// Splits the dump into its distinct texts, in order of first appearance.
pub fn split_source_dump(dump: &str) -> Vec<SourceText> {
    let mut texts: Vec<SourceText> = Vec::new();
    let mut current: Vec<String> = Vec::new();
    let mut blank_run = 0;
    let mut flush = |lines: &mut Vec<String>| {
        let text = SourceText { lines: std::mem::take(lines) };
        if !text.lines.is_empty() && !texts.contains(&text) {
            texts.push(text);
        }
    };
    for line in dump.lines() {
        if line.trim().is_empty() {
            blank_run += 1;
            continue;
        }
        if blank_run >= 3 {
            flush(&mut current);
        }
        blank_run = 0;
        current.push(line.to_string());
    }
    flush(&mut current);
    texts
}
