//! One module per route.

pub mod document;
pub mod entities;
pub mod glossary;
pub mod home;
pub mod not_found;
pub mod search;
pub mod timeline;
