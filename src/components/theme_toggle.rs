//! Light and dark themes: the system's choice until the reader picks one, then that choice,
//! remembered in localStorage, until the reader goes back to the system's.

use leptos::prelude::*;

use crate::browser;
use crate::components::announcer::use_announcer;

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

/// The theme button: it shows the reader's choice (light, dark, or the system's) and moves to
/// the next on each press, the other look first, then back to following the system.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    // "System" as pre-rendered; the remembered choice once running.
    let choice = RwSignal::new(None::<&'static str>);
    Effect::new(move |_| choice.set(saved_theme()));
    let announce = use_announcer();
    let next = move |_| {
        let system = if browser::system_prefers_dark() { "dark" } else { "light" };
        let other = if system == "dark" { "light" } else { "dark" };
        let theme = match choice.get_untracked() {
            None => Some(other),
            Some(t) if t == other => Some(system),
            Some(_) => None,
        };
        choice.set(theme);
        browser::set_root_theme(theme.unwrap_or_default());
        browser::save_setting(STORAGE_KEY, theme.unwrap_or("system"));
        announce.say(match theme {
            Some("dark") => "Dark theme",
            Some(_) => "Light theme",
            None => "The theme follows the system",
        });
    };
    view! {
        <button type="button" class="theme-toggle needs-script" on:click=next>
            <span aria-hidden="true">"◐ "</span>"Theme: "
            {move || match choice.get() {
                Some("dark") => "Dark",
                Some(_) => "Light",
                None => "System",
            }}
        </button>
    }
}
