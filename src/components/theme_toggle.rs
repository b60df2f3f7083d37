//! Light and dark themes: the system's choice until the reader picks one, then that choice,
//! remembered in localStorage.

use leptos::prelude::*;

use crate::browser;

const STORAGE_KEY: &str = "reader-theme";

fn saved_theme() -> Option<&'static str> {
    match browser::load_setting(STORAGE_KEY).as_deref() {
        Some("dark") => Some("dark"),
        Some("light") => Some("light"),
        _ => None,
    }
}

/// Applies a remembered theme before the first render, so the page never flashes the other.
pub fn apply_saved_theme() {
    if let Some(theme) = saved_theme() {
        browser::set_root_theme(theme);
    }
}

#[component]
pub fn ThemeToggle() -> impl IntoView {
    // Unpressed as pre-rendered; the browser's state once running.
    let dark = RwSignal::new(false);
    Effect::new(move |_| dark.set(saved_theme().map_or_else(browser::system_prefers_dark, |t| t == "dark")));
    let toggle = move |_| {
        let theme = if dark.get() { "light" } else { "dark" };
        dark.set(theme == "dark");
        browser::set_root_theme(theme);
        browser::save_setting(STORAGE_KEY, theme);
    };
    view! {
        <button type="button" class="theme-toggle needs-script" aria-pressed=move || dark.get().to_string() on:click=toggle>
            <span aria-hidden="true">"◐ "</span>"Dark theme"
        </button>
    }
}
