//! The heading and one-line lede that open the library's own pages (catalogue, glossary,
//! names, timeline).

use leptos::prelude::*;

use crate::browser;

/// `title` as the page's heading and, unless `window_title` says otherwise, the window's
/// title. The heading takes focus after a client-side navigation (hence `tabindex`).
#[component]
pub fn PageHeader(title: &'static str, lede: &'static str, #[prop(default = None)] window_title: Option<String>) -> impl IntoView {
    browser::set_page_title(window_title.as_deref().unwrap_or(title));
    view! {
        <h1 tabindex="-1">{title}</h1>
        <p class="lede">{lede}</p>
    }
}
