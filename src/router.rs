//! Client-side routing: the URL as a signal, links followed without a reload, back / forward.
//!
//! Hand-written instead of leptos_router for two reasons that matter to readers: leptos_router
//! made up about a quarter of the wasm every first visit downloads (removing it took the wasm
//! from 157 KB to 118 KB brotli), and it can only route by path, while a reader opened from
//! `file://` needs the page in the query: browsers forbid changing a `file:` URL's path, but
//! let its query change. So the app path lives in one of two places:
//!
//! - served over http(s): the URL's path, below the base path (`/reader/g20-...?q=x#p-3`);
//! - opened from a file: the `page` query parameter (`reader.html?page=/g20-...&q=x#p-3`).
//!
//! The rest of the app only sees app URLs (`/g20-...?q=x#p-3`): [`href`] turns one into a
//! browser URL and [`Location`] turns the browser URL back. The router knows the pages
//! [`Page`] lists; the query and the fragment are read by the pages through [`use_location`].

use content_model::routes;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The parts of the URL the app reads. `path` is the app path (below the base path, starting
/// with `/`), percent-encoded as the browser gives it; `query` and `hash` come without their
/// `?` and `#`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Location {
    pub path: String,
    pub query: String,
    pub hash: String,
}

/// The path the app is served under, from the page's `<base href>` (set at build time by
/// Trunk's public URL): "/" at a site's root, "/reader/" under a sub-path. The pre-renderer
/// sets it with [`prerender_at`].
fn base_path() -> &'static str {
    BASE.with(|b| {
        *b.get_or_init(|| leak_folder(&crate::browser::window().and_then(|w| w.document()?.base_uri().ok()?).unwrap_or_default()))
    })
}

thread_local! {
    static BASE: std::cell::OnceCell<&'static str> = const { std::cell::OnceCell::new() };
}

/// The folder part of an absolute URL ("https://host/reader/x" gives "/reader/"), kept for
/// the life of the page.
fn leak_folder(url: &str) -> &'static str {
    let after_scheme = url.split_once("://").map_or("", |(_, rest)| rest);
    let path = after_scheme.find('/').map_or("/", |i| &after_scheme[i..]);
    let path = path.split(['?', '#']).next().unwrap_or("/");
    // A base names a folder: keep what is up to its last slash.
    let folder = &path[..path.rfind('/').map_or(0, |i| i + 1)];
    Box::leak(if folder.is_empty() { "/".into() } else { folder.to_string().into_boxed_str() })
}

#[cfg(feature = "ssr")]
thread_local! {
    static PRERENDERED_PATH: std::cell::RefCell<String> = std::cell::RefCell::new("/".to_string());
}

/// Pre-rendering: the app is served under `base` ("/" or "/reader/", set once) and the next
/// render is of the app path `path`.
#[cfg(feature = "ssr")]
pub fn prerender_at(base: &str, path: &str) {
    BASE.with(|b| {
        b.get_or_init(|| leak_folder(&format!("http://host{base}")));
    });
    PRERENDERED_PATH.with(|p| *p.borrow_mut() = path.to_string());
}

/// The query parameter that holds the app path when the reader is opened from a file.
const PAGE_PARAM: &str = "page";

fn opened_from_file() -> bool {
    crate::browser::window().and_then(|w| w.location().protocol().ok()).is_some_and(|p| p == "file:")
}

/// The browser URL of an app URL (`/slug?q=...#p-3`): under the base path when served, in the
/// `page` parameter of this same file when opened from one.
pub fn href(app_url: &str) -> String {
    if !opened_from_file() {
        return format!("{}{}", base_path().trim_end_matches('/'), app_url);
    }
    let (rest, hash) = app_url.split_once('#').map_or((app_url, None), |(r, h)| (r, Some(h)));
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    let file = crate::browser::window()
        .and_then(|w| w.location().pathname().ok())
        .and_then(|p| p.rsplit('/').next().map(str::to_string))
        .unwrap_or_default();
    let mut params: Vec<String> = Vec::new();
    if path != "/" {
        params.push(format!("{PAGE_PARAM}={path}"));
    }
    params.extend(query.split('&').filter(|p| !p.is_empty()).map(str::to_string));
    let mut url = file;
    if !params.is_empty() {
        url = format!("{url}?{}", params.join("&"));
    }
    if let Some(hash) = hash {
        url = format!("{url}#{hash}");
    }
    url
}

impl Location {
    /// The URL the browser shows; when pre-rendering, the path being rendered.
    pub fn current() -> Self {
        let Some(location) = crate::browser::window().map(|w| w.location()) else { return Self::prerendered() };
        let part = |s: Result<String, _>, prefix: char| s.unwrap_or_default().trim_start_matches(prefix).to_string();
        let query = part(location.search(), '?');
        let hash = part(location.hash(), '#');
        if opened_from_file() {
            let (pages, rest): (Vec<&str>, Vec<&str>) = query.split('&').filter(|p| !p.is_empty()).partition(|p| p.starts_with("page="));
            let path = pages.first().map_or("/".to_string(), |p| decode(&p[PAGE_PARAM.len() + 1..]));
            return Self { path, query: rest.join("&"), hash };
        }
        let pathname = location.pathname().unwrap_or_else(|_| "/".into());
        let base = base_path().trim_end_matches('/');
        let path = match pathname.strip_prefix(base) {
            Some(rest) if rest.starts_with('/') => rest.to_string(),
            _ => "/".to_string(),
        };
        Self { path, query, hash }
    }

    /// The page being pre-rendered: its path alone (a page file serves every query).
    fn prerendered() -> Self {
        #[cfg(feature = "ssr")]
        return Self { path: PRERENDERED_PATH.with(|p| p.borrow().clone()), ..Self::default() };
        #[cfg(not(feature = "ssr"))]
        Self { path: "/".to_string(), ..Self::default() }
    }

    /// A query parameter, decoded (`+` and `%20` as spaces); `None` when absent.
    pub fn param(&self, name: &str) -> Option<String> {
        self.query.split('&').find_map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(key) == name).then(|| decode(value))
        })
    }

    /// The path for display, percent-decoded where it decodes.
    pub fn display_path(&self) -> String {
        decode(&self.path)
    }
}

/// Percent-encodes a URL query value as `encodeURIComponent` does: in the browser with it, in
/// the pre-renderer with the same set of characters left as they are (letters, digits and
/// `-_.!~*'()`), so both write the same links.
pub fn encode(text: &str) -> String {
    #[cfg(feature = "ssr")]
    return percent_encoding::utf8_percent_encode(text, URI_COMPONENT).to_string();
    #[cfg(not(feature = "ssr"))]
    String::from(js_sys::encode_uri_component(text))
}

#[cfg(feature = "ssr")]
const URI_COMPONENT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'!')
    .remove(b'~')
    .remove(b'*')
    .remove(b'\'')
    .remove(b'(')
    .remove(b')');

/// The app URL of paragraph `paragraph` of the document at `path`, with `quote` (words of
/// that paragraph, verbatim) marked when the page opens: how a figure or an event cites its
/// source. No quote, no marks.
pub fn cited_url(path: &str, quote: &str, paragraph: u32) -> String {
    match quote {
        "" => format!("{path}#{}", content_model::paragraph_anchor(paragraph)),
        quote => format!("{path}?quote={}#{}", encode(quote), content_model::paragraph_anchor(paragraph)),
    }
}

/// Percent-decodes a query value or path (`+` as a space); left as it is where it does not
/// decode.
fn decode(text: &str) -> String {
    let spaced = text.replace('+', " ");
    #[cfg(feature = "ssr")]
    return percent_encoding::percent_decode_str(&spaced).decode_utf8().map(|d| d.into_owned()).unwrap_or(spaced);
    #[cfg(not(feature = "ssr"))]
    js_sys::decode_uri_component(&spaced).map(String::from).unwrap_or(spaced)
}

/// The page a path selects.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    /// A page of the catalogue: the home page, `/documents/2`, a shelf (`/documents/kind/speech`),
    /// by its place in the store (see [`crate::library::listing_at`]).
    Home(u32),
    Search,
    Glossary,
    Entities,
    Timeline,
    /// The reader's highlights and notes.
    Notes,
    /// The entity's index in the library.
    Entity(u16),
    /// The document's index in the library.
    Document(u32),
    NotFound,
    /// A page whose data is still on its way (or could not be fetched).
    Pending,
}

impl Page {
    /// Every page the reader has, each once: what the build pre-renders (from the whole
    /// library). The not-found page is listed under `/404` (the build writes it as `404.html`).
    pub fn all() -> Vec<Self> {
        let catalogue = (0..crate::library::listings()).map(Self::Home);
        let fixed = [Self::Search, Self::Glossary, Self::Entities, Self::Timeline, Self::Notes, Self::NotFound];
        let documents = crate::library::documents().into_iter().map(|(i, _)| Self::Document(i));
        let entities = crate::library::entities().into_iter().map(|(i, _)| Self::Entity(i));
        catalogue.chain(fixed).chain(documents).chain(entities).collect()
    }

    /// The app path of the page (`/`, `/documents/2`, `/search`, `/<slug>`, `/entities/<id>`, `/404`).
    pub fn path(self) -> String {
        match self {
            Self::Home(i) => crate::library::listing(i).map_or_else(|| routes::NOT_FOUND.to_string(), |l| l.path()),
            Self::Search => routes::SEARCH.to_string(),
            Self::Glossary => routes::GLOSSARY.to_string(),
            Self::Entities => routes::ENTITIES.to_string(),
            Self::Timeline => routes::TIMELINE.to_string(),
            Self::Notes => routes::NOTES.to_string(),
            Self::Entity(i) => crate::library::entity(i).map_or_else(|| routes::NOT_FOUND.to_string(), |e| e.path()),
            Self::Document(i) => crate::library::entry(i).map_or_else(|| routes::NOT_FOUND.to_string(), |d| d.path()),
            Self::NotFound | Self::Pending => routes::NOT_FOUND.to_string(),
        }
    }

    /// The path's own form: no trailing slash, `/index.html` as `/`.
    pub fn canonical(path: &str) -> String {
        match path.trim_end_matches('/') {
            "" | "/index.html" => "/".to_string(),
            other => other.to_string(),
        }
    }

    /// The page at `path`, once its data is here: [`Page::Pending`] until then, unless the
    /// build is known to have no such page.
    pub fn for_path(path: &str) -> Self {
        let path = Self::canonical(path);
        let needs_data = match path.as_str() {
            routes::SEARCH => return Self::Search,
            routes::NOTES => return Self::Notes,
            routes::NOT_FOUND => return Self::NotFound,
            "/" | routes::GLOSSARY | routes::ENTITIES | routes::TIMELINE => true,
            other => {
                other.starts_with(routes::ENTITY_PREFIX)
                    || other.starts_with(routes::CATALOGUE_PREFIX)
                    || other.strip_prefix('/').is_some_and(|rest| !rest.contains('/'))
            }
        };
        if needs_data && !crate::library::is_complete(&path) {
            return if crate::library::is_absent(&path) { Self::NotFound } else { Self::Pending };
        }
        if path == "/" || path.starts_with(routes::CATALOGUE_PREFIX) {
            return crate::library::listing_at(&path).map_or(Self::NotFound, Self::Home);
        }
        match path.as_str() {
            routes::GLOSSARY => Self::Glossary,
            routes::ENTITIES => Self::Entities,
            routes::TIMELINE => Self::Timeline,
            other => match other.strip_prefix(routes::ENTITY_PREFIX) {
                Some(id) => crate::library::entity_by_id(id).map_or(Self::NotFound, Self::Entity),
                None => other
                    .strip_prefix('/')
                    .filter(|slug| !slug.contains('/'))
                    .and_then(crate::library::position)
                    .map_or(Self::NotFound, Self::Document),
            },
        }
    }
}

#[derive(Clone, Copy)]
struct RouterState {
    location: RwSignal<Location>,
    /// The scroll position to return to, when back / forward lands on an entry that saved one.
    restore_scroll: StoredValue<Option<f64>>,
}

/// Puts the current URL in a signal and keeps it there: back / forward and fragment changes
/// (`popstate`) and clicks on same-origin links (followed with `pushState`, no reload).
pub fn provide_router() {
    let now = Location::current();
    let first = crate::hydrating_route().map_or(now, |path| Location { path, ..Location::default() });
    let location = RwSignal::new(first);
    let restore_scroll = StoredValue::new(None);
    provide_context(RouterState { location, restore_scroll });
    let refresh = move || {
        let now = Location::current();
        if location.with_untracked(|l| *l != now) {
            location.set(now);
        }
    };
    // Once the first render is in place: the query and fragment a taken-over page left out.
    Effect::new(move |_| refresh());
    let popstate = window_event_listener(leptos::ev::popstate, move |ev| {
        restore_scroll.set_value(ev.state().as_f64());
        refresh();
    });
    let clicks = window_event_listener(leptos::ev::click, move |ev| {
        if let Some(url) = link_to_follow(&ev) {
            ev.prevent_default();
            push(&url);
            refresh();
        }
    });
    on_cleanup(move || {
        popstate.remove();
        clicks.remove();
    });
}

/// The URL to follow in the app for a click on a link, or `None` to let the browser act:
/// modified or non-primary clicks, links with a target or download, other origins, and
/// fragment-only changes (the browser scrolls and fires `popstate` itself).
fn link_to_follow(ev: &web_sys::MouseEvent) -> Option<String> {
    if ev.default_prevented() || ev.button() != 0 || ev.meta_key() || ev.ctrl_key() || ev.shift_key() || ev.alt_key() {
        return None;
    }
    let target: web_sys::Element = ev.target()?.dyn_into().ok()?;
    let anchor: web_sys::HtmlAnchorElement = target.closest("a[href]").ok()??.dyn_into().ok()?;
    if !anchor.target().is_empty() || anchor.has_attribute("download") {
        return None;
    }
    let here = crate::browser::window()?.location();
    if anchor.origin() != here.origin().ok()? {
        return None;
    }
    let same_page = anchor.pathname() == here.pathname().ok()? && anchor.search() == here.search().ok()?;
    if same_page && !anchor.hash().is_empty() {
        return None;
    }
    Some(format!("{}{}{}", anchor.pathname(), anchor.search(), anchor.hash()))
}

/// Adds a history entry for `url`, first noting in the current entry how far the reader had
/// scrolled, so back returns there.
fn push(url: &str) {
    let Some(window) = crate::browser::window() else { return };
    let Ok(history) = window.history() else { return };
    let scrolled = window.scroll_y().unwrap_or(0.0);
    let _ = history.replace_state(&wasm_bindgen::JsValue::from_f64(scrolled), "");
    let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url));
}

/// The current URL, as a signal.
pub fn use_location() -> RwSignal<Location> {
    use_context::<RouterState>().map_or_else(|| RwSignal::new(Location::current()), |s| s.location)
}

/// The scroll position saved in the history entry just returned to, once.
pub fn take_restored_scroll() -> Option<f64> {
    use_context::<RouterState>().and_then(|s| s.restore_scroll.try_update_value(Option::take).flatten())
}

/// A function that goes to an app URL (path, optional query and fragment) without a reload.
pub fn use_navigate() -> impl Fn(&str) + Clone + 'static {
    let location = use_location();
    move |app_url: &str| {
        push(&href(app_url));
        location.set(Location::current());
    }
}
