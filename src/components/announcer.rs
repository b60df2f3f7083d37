//! A polite live region for messages a screen reader should hear: page changes, copied links.

use leptos::prelude::*;

/// Handle to the live region; `say` replaces its message.
#[derive(Clone, Copy)]
pub struct Announce(RwSignal<String>);

impl Announce {
    pub fn say(&self, message: impl Into<String>) {
        let message = message.into();
        // Re-announcing the same text needs a change the screen reader notices.
        self.0.set(String::new());
        request_animation_frame({
            let signal = self.0;
            move || {
                let _ = signal.try_set(message);
            }
        });
    }
}

pub fn provide_announcer() {
    provide_context(Announce(RwSignal::new(String::new())));
}

pub fn use_announcer() -> Announce {
    use_context::<Announce>().unwrap_or_else(|| Announce(RwSignal::new(String::new())))
}

#[component]
pub fn Announcer() -> impl IntoView {
    let Announce(message) = use_announcer();
    view! { <div id="announcer" class="visually-hidden" role="status" aria-live="polite">{move || message.get()}</div> }
}
