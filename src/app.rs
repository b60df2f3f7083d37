//! The app shell (skip link, header, main landmark, live region) and the page the URL selects.

use leptos::prelude::*;

use crate::browser;
use crate::components::announcer::{provide_announcer, Announcer};
use crate::components::name_marks::provide_name_marks;
use crate::components::search_box::SearchBox;
use crate::components::theme_toggle::ThemeToggle;
use crate::pages::entities::{EntitiesPage, EntityPage};
use crate::pages::timeline::TimelinePage;
use crate::pages::{document::DocumentPage, glossary::GlossaryPage, home::HomePage, not_found::NotFoundPage, search::SearchPage};
use crate::router::{href, provide_router, take_restored_scroll, use_location, Page};

#[component]
pub fn App() -> impl IntoView {
    provide_announcer();
    provide_router();
    provide_name_marks();
    let location = use_location();
    let page = Memo::new(move |_| location.with(|l| Page::for_path(&l.path)));
    view! {
        <a class="skip-link" href="#main" on:click=skip_to_main>"Skip to content"</a>
        <header class="site-header">
            <a href=href("/") class="site-name">{browser::SITE_NAME}</a>
            <SearchBox/>
            <ThemeToggle/>
        </header>
        <main id="main" tabindex="-1">
            {move || match page.get() {
                Page::Home => view! { <HomePage/> }.into_any(),
                Page::Search => view! { <SearchPage/> }.into_any(),
                Page::Glossary => view! { <GlossaryPage/> }.into_any(),
                Page::Entities => view! { <EntitiesPage/> }.into_any(),
                Page::Timeline => view! { <TimelinePage/> }.into_any(),
                Page::Entity(index) => view! { <EntityPage index=index/> }.into_any(),
                Page::Document(index) => view! { <DocumentPage index=index/> }.into_any(),
                Page::NotFound => view! { <NotFoundPage/> }.into_any(),
            }}
        </main>
        <footer class="site-footer">
            <p>"Documents are shown as published; numbering and headings are the source’s. "
                <a href=href("/glossary")>"Glossary of acronyms"</a> " · " <a href=href("/entities")>"Index of names"</a> " · " <a href=href("/timeline")>"Timeline"</a></p>
        </footer>
        <Announcer/>
        <RouteChangeFocus/>
    }
}

fn skip_to_main(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    if let Some(main) = browser::element_by_id("main") {
        browser::focus_quietly(&main);
        browser::scroll_to_element(&main);
    }
}

/// After every client-side navigation to another page (not the first load), moves focus to
/// the new page's main heading and announces its title, as a page load would for a
/// screen-reader user. Pages with a fragment target (`#p-10`) move focus themselves.
#[component]
fn RouteChangeFocus() -> impl IntoView {
    let location = use_location();
    let path = Memo::new(move |_| location.with(|l| l.path.clone()));
    let announce = crate::components::announcer::use_announcer();
    let first = StoredValue::new(true);
    Effect::new(move |_| {
        let _path = path.get();
        if first.get_value() {
            first.set_value(false);
            return;
        }
        // Back / forward returns to where the reader was; a new page starts at the top.
        let restore = take_restored_scroll();
        request_animation_frame(move || {
            if browser::current_hash().is_empty() {
                browser::scroll_to(restore.unwrap_or(0.0));
                if let Some(h1) = main_heading() {
                    browser::focus_quietly(&h1);
                }
            }
            announce.say(browser::page_title());
        });
    });
}

fn main_heading() -> Option<web_sys::HtmlElement> {
    use wasm_bindgen::JsCast;
    let doc = web_sys::window()?.document()?;
    doc.query_selector("main h1").ok()??.dyn_into().ok()
}
