//! The app shell (skip link, header, main landmark, live region) and the page the URL selects.

use content_model::routes;
use leptos::either::EitherOf9;
use leptos::prelude::*;

use crate::browser;
use crate::components::announcer::{provide_announcer, Announcer};
use crate::components::fresh::Fresh;
use crate::components::name_marks::provide_name_marks;
use crate::components::search_box::SearchBox;
use crate::components::theme_toggle::ThemeToggle;
use crate::pages::entities::{EntitiesPage, EntityPage};
use crate::pages::timeline::TimelinePage;
use crate::pages::{document::DocumentPage, glossary::GlossaryPage, home::HomePage, search::SearchPage, text_page::TextPage};
use crate::router::{href, provide_router, take_restored_scroll, use_location, Page};

#[component]
pub fn App() -> impl IntoView {
    provide_app_running();
    provide_announcer();
    provide_router();
    provide_name_marks();
    let location = use_location();
    // Which page shows: the URL's, once its data is here (the store's version changes when
    // data arrives).
    let page = Memo::new(move |_| {
        crate::library::version();
        location.with(|l| Page::for_path(&l.path))
    });
    Effect::new(move |_| {
        if page.get() == Page::Pending {
            load_page_data(location.with_untracked(|l| Page::canonical(&l.path)));
        }
    });
    // The landing page's citation data leaves the head when another page shows.
    Effect::new(move |landing: Option<Page>| {
        let now = page.get();
        let landing = landing.unwrap_or(now);
        if now != landing && now != Page::Pending {
            browser::forget_landing_citation();
        }
        landing
    });
    view! {
        // The page's own path before the fragment: `<base href>` would take a bare `#main` home.
        <a class="skip-link" href=move || href(&format!("{}#main", location.with(|l| l.path.clone()))) on:click=skip_to_main>"Skip to content"</a>
        <header class="site-header">
            <a href=href("/") class="site-name">{browser::SITE_NAME}</a>
            <nav class="site-nav" aria-label="Library">
                <a href=href(routes::GLOSSARY)>"Glossary"</a>
                <a href=href(routes::ENTITIES)>"Names"</a>
                <a href=href(routes::TIMELINE)>"Timeline"</a>
            </nav>
            <SearchBox/>
            <ThemeToggle/>
        </header>
        <main id="main" tabindex="-1">
            // An enum of views rather than `into_any()`: a type-erased view carries the async
            // hydration path for its whole tree (about 70 KB of wasm brotli).
            // Fresh: a new page is built and replaces the old, never diffed against it (see
            // components/fresh.rs).
            {move || Fresh(match page.get() {
                Page::Home(index) => EitherOf9::A(view! { <HomePage index=index/> }),
                Page::Search => EitherOf9::B(view! { <SearchPage/> }),
                Page::Glossary => EitherOf9::C(view! { <GlossaryPage/> }),
                Page::Entities => EitherOf9::D(view! { <EntitiesPage/> }),
                Page::Timeline => EitherOf9::E(view! { <TimelinePage/> }),
                Page::Entity(index) => EitherOf9::F(view! { <EntityPage index=index/> }),
                Page::Document(index) => EitherOf9::G(view! { <DocumentPage index=index/> }),
                Page::NotFound => EitherOf9::H(view! { <TextPage notes=false/> }),
                Page::Notes => EitherOf9::H(view! { <TextPage notes=true/> }),
                Page::Pending => EitherOf9::I(view! { <Loading/> }),
            })}
        </main>
        <footer class="site-footer">
            <p>"Documents are shown as published; numbering and headings are the source’s. "
                <a href=href(routes::GLOSSARY)>"Glossary of acronyms"</a> " · " <a href=href(routes::ENTITIES)>"Index of names"</a> " · " <a href=href(routes::TIMELINE)>"Timeline"</a> " · " <a href=href(routes::NOTES)>"My notes"</a></p>
            // On a phone the header scrolls away with the page: a way back up to it (fixed at
            // the screen's corner; in the footer so it belongs to a landmark).
            <a class="to-top needs-script" href=move || href(&location.with(|l| l.path.clone())) aria-label="Back to the top" on:click=to_top>"↑"</a>
        </footer>
        <Announcer/>
        <RouteChangeFocus page=page/>
    }
}

/// What shows while a page's data is on its way, or why it could not come.
#[component]
fn Loading() -> impl IntoView {
    let location = use_location();
    move || match crate::library::load_error() {
        None => leptos::either::Either::Left(view! { <p class="loading" role="status">"Loading…"</p> }),
        Some(why) => leptos::either::Either::Right(view! {
            <h1 tabindex="-1">"This page could not be loaded"</h1>
            <p role="alert">{format!("The reader could not fetch this page: {why}.")}</p>
            <p><button type="button" on:click=move |_| load_page_data(location.with_untracked(|l| Page::canonical(&l.path)))>"Try again"</button>
                " or go to the " <a href=href("/")>"list of documents"</a> "."</p>
        }),
    }
}

/// Asks for the data of the page at `path` (when it is first wanted, and again on "Try again").
fn load_page_data(path: String) {
    #[cfg(feature = "hydrate")]
    leptos::task::spawn_local(async move { crate::library::load_route(&path).await });
    #[cfg(not(feature = "hydrate"))]
    let _ = path;
}

/// Whether the app is running in the browser with its first page in place: false in the
/// pre-rendered HTML and in the render that takes it over, true from the next moment on. What
/// only the browser knows (the full URL, a remembered choice) or what only a page without
/// script needs (a `title` tooltip) keys on it, so the take-over finds the page as rendered.
#[derive(Clone, Copy)]
pub struct AppRunning(pub ReadSignal<bool>);

fn provide_app_running() {
    let running = RwSignal::new(false);
    Effect::new(move |_| running.set(true));
    provide_context(AppRunning(running.read_only()));
}

/// See [`AppRunning`]; false outside the app.
pub fn app_running() -> ReadSignal<bool> {
    use_context::<AppRunning>().map_or_else(|| RwSignal::new(false).read_only(), |r| r.0)
}

fn skip_to_main(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    if let Some(main) = browser::element_by_id("main") {
        browser::focus_quietly(&main);
        browser::scroll_to_element(&main);
    }
}

/// Back to the top of the page, where the header and its search are; focus to the content.
fn to_top(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    browser::scroll_to(0.0);
    if let Some(main) = browser::element_by_id("main") {
        browser::focus_quietly(&main);
    }
}

/// After every client-side navigation to another page (not the first load), moves focus to
/// the new page's main heading and announces its title, as a page load would for a
/// screen-reader user. Pages with a fragment target (`#p-10`) move focus themselves. A page
/// whose data is on its way gets focus when it arrives.
#[component]
fn RouteChangeFocus(page: Memo<Page>) -> impl IntoView {
    let location = use_location();
    let path = Memo::new(move |_| location.with(|l| l.path.clone()));
    let announce = crate::components::announcer::use_announcer();
    // The path last given focus; `None` before the first page.
    let handled = StoredValue::new(None::<String>);
    Effect::new(move |_| {
        let path = path.get();
        if page.get() == Page::Pending {
            return;
        }
        let first = handled.with_value(Option::is_none);
        if handled.with_value(|h| h.as_deref() == Some(path.as_str())) {
            return;
        }
        handled.set_value(Some(path));
        if first {
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
    let doc = browser::window()?.document()?;
    doc.query_selector("main h1").ok()??.dyn_into().ok()
}
