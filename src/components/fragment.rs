//! The URL fragment as the target of a document page: `#p-10` marks, scrolls to and focuses
//! paragraph 10, whether the page was opened with it, a link inside the page set it, or
//! back / forward returned to it.

use leptos::prelude::*;

use crate::browser;
use crate::router::use_location;

/// The current fragment (without `#`), kept in step with the URL; on every change the
/// element it names is scrolled to the top and focused once the page has rendered.
pub fn use_fragment_target() -> RwSignal<String> {
    // Set by the effect below, so a pre-rendered page is taken over as rendered (without a
    // JavaScript the stylesheet's `:target` marks it).
    let target = RwSignal::new(String::new());
    let location = use_location();
    // The router's location follows links, back / forward and fragment-only navigations
    // (`popstate` fires for those too).
    Effect::new(move |_| {
        let hash = location.with(|l| l.hash.clone());
        // Only a change: each paragraph and heading watches the target.
        if target.with_untracked(|t| *t != hash) {
            target.set(hash);
        }
    });
    Effect::new(move |_| {
        let id = target.get();
        if id.is_empty() {
            return;
        }
        request_animation_frame(move || {
            if let Some(el) = browser::element_by_id(&id) {
                browser::scroll_to_element(&el);
                browser::focus_quietly(&el);
            }
        });
    });
    target
}

/// Follows an in-page link to `id` as a fragment navigation, whatever the router would do,
/// and re-targets it when the URL already names it.
pub fn go_to_fragment(target: RwSignal<String>, id: &str) {
    if browser::current_hash() == id {
        target.set(String::new());
    }
    browser::set_hash(id);
    target.set(id.to_string());
}
