//! A table of a document, written as one string of HTML. Its rows are paragraphs (anchored,
//! cited, searched: `#table-1-row-2`, "Table 1, row 2"), but cells built as elements one by one
//! cost the wasm about 3.5 KB brotli, so the table is markup the app never changes: search
//! matches are marked and glossary terms explained (`<abbr title>`) as the page is written, a
//! row's link leads to it without copying itself (the row is focused, and shown so by CSS), and
//! its Cite button opens the dialog as a paragraph's does (public/cite.js listens on the page).
//! The names the reader marks are not marked in a table.

use std::ops::Range;

use crate::components::escape;
use crate::components::highlighted::{note_link_html, pieces};
use crate::library::{self, Paragraph};
use crate::router::href;

/// The HTML of the `number`-th table of the document `slug`, made of `rows` (its header row
/// first), each with the byte ranges `marks` gives it marked.
pub fn table_html(number: u32, rows: &[&Paragraph], slug: &str, marks: impl Fn(&Paragraph) -> Vec<Range<usize>>) -> String {
    let mut out = format!("<table><caption>Table {number}</caption>");
    let is_header = |row: &&&Paragraph| content_model::table_row(row.number).is_some_and(|(_, r)| r == 0);
    let (header, body): (Vec<&&Paragraph>, Vec<&&Paragraph>) = rows.iter().partition(is_header);
    for (group, cell, rows) in [("thead", "th", header), ("tbody", "td", body)] {
        out.push_str(&format!("<{group}>"));
        for row in rows {
            let label = row.label();
            out.push_str(&format!(r#"<tr class="para row" id="{}" tabindex="-1" data-n="{label}">"#, row.anchor()));
            push_cells(&mut out, row, &marks(row), cell, slug);
            // A column's header is read out with each of its cells: no controls there.
            if cell == "td" {
                let link = href(&format!("/{slug}#{}", row.anchor()));
                out.push_str(&format!(
                    r#"<a class="para-link" href="{link}" aria-label="Link to {label}" title="Link to this row">¶</a><button type="button" class="cite-button" aria-label="Cite {label}" title="Cite this row">Cite</button>"#
                ));
            }
            out.push_str(&format!("</{cell}></tr>"));
        }
        out.push_str(&format!("</{group}>"));
    }
    out.push_str("</table>");
    out
}

/// The cells of `row` (its text, cells separated by tabs) as HTML, the last left open for the
/// row's controls: `marks` marked, glossary terms as `<abbr>` with their expansion, footnote
/// references as links.
fn push_cells(out: &mut String, row: &Paragraph, marks: &[Range<usize>], cell: &str, slug: &str) {
    let text = row.text.as_str();
    let open = if cell == "th" { r#"<th scope="col">"# } else { "<td>" };
    out.push_str(open);
    // Pieces end at every tab and at every footnote reference.
    let cuts: Vec<(u32, u32)> =
        text.match_indices('\t').flat_map(|(at, _)| [(at as u32, 0), (at as u32 + 1, 0)]).chain(row.notes.iter().copied()).collect();
    let refs_at = |out: &mut String, at: usize| {
        for (_, n) in row.notes.iter().filter(|(offset, _)| *offset as usize == at) {
            out.push_str(&format!(r#"<sup class="note-ref" id="fnref-{n}" tabindex="-1">{}</sup>"#, note_link_html(slug, *n)));
        }
    };
    refs_at(out, 0);
    for piece in pieces(text, marks, &row.terms, &[], &cuts) {
        if piece.text == "\t" {
            out.push_str(&format!("</{cell}>{open}"));
        } else {
            let mut html = escape(piece.text);
            if let Some(entry) = piece.term.and_then(|t| library::glossary_entry(row.terms[t].2)) {
                html = format!(r#"<abbr title="{}">{html}</abbr>"#, escape(&entry.expansion).replace('"', "&quot;"));
            }
            if piece.marked {
                html = format!(r#"<mark class="hit{}">{html}</mark>"#, if piece.continues { " continued" } else { "" });
            }
            out.push_str(&html);
        }
        refs_at(out, piece.text.as_ptr() as usize - text.as_ptr() as usize + piece.text.len());
    }
}
