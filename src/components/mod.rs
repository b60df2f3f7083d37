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
pub mod theme_toggle;

/// A count with its noun: "1 mention", "17 mentions".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Text as HTML element content, for markup the app writes as one string.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}
