//! Pieces the pages share.

pub mod announcer;
pub mod document_list;
pub mod fragment;
pub mod paragraph;
pub mod theme_toggle;
