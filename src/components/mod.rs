//! Pieces the pages share.

pub mod announcer;
pub mod document_list;
pub mod fragment;
pub mod fresh;
pub mod highlighted;
pub mod hit_preview;
pub mod match_bar;
pub mod name_marks;
pub mod page_header;
pub mod paragraph;
pub mod search_box;
pub mod table;
pub mod theme_toggle;

/// A count with its noun: "1 mention", "17 mentions".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Text as HTML element content, for markup the app writes as one string.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// A link to the app URL `url` as HTML, marked `aria-current` when `current`, with a count
/// after it when given: a catalogue's shelf, a search's filter or order.
pub fn link_html(url: &str, label: &str, current: bool, count: Option<u32>) -> String {
    let current = if current { r#" aria-current="true""# } else { "" };
    let count = count.map_or(String::new(), |n| format!(r#" <span class="count">({n})</span>"#));
    format!(r#"<a href="{}"{current}>{}</a>{count}"#, crate::router::href(url), escape(label))
}
