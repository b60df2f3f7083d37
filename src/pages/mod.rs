//! One module per route.

pub mod document;
pub mod entities;
pub mod glossary;
pub mod home;
pub mod search;
pub mod text_page;
pub mod timeline;
