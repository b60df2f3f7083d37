//! What a page puts in its `<head>` besides the shell's: its title and a description. Pages
//! set them while rendering; in the browser the title becomes `document.title` (see
//! [`crate::browser::set_page_title`]) and the description is not needed, while the
//! pre-renderer (`src/bin/prerender.rs`, feature `ssr`) takes both for the page file's
//! `<title>`, description and Open Graph tags.

#[cfg(feature = "ssr")]
thread_local! {
    static HEAD: std::cell::RefCell<PageHead> = std::cell::RefCell::default();
}

/// A page's title (without the site's name) and description, as its component set them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageHead {
    pub title: Option<String>,
    pub description: Option<String>,
}

/// Notes the page's title for the pre-rendered page.
pub fn record_title(title: &str) {
    #[cfg(feature = "ssr")]
    HEAD.with(|h| h.borrow_mut().title = Some(title.to_string()));
    #[cfg(not(feature = "ssr"))]
    let _ = title;
}

/// Sets the page's description (a sentence or two: what a shared link previews). Written
/// only by the pre-renderer: in the browser the closure is dropped uncalled, and its words
/// stay out of the wasm.
pub fn set_page_description(description: impl FnOnce() -> String) {
    #[cfg(feature = "ssr")]
    HEAD.with(|h| h.borrow_mut().description = Some(description()));
    #[cfg(not(feature = "ssr"))]
    drop(description);
}

/// What the page rendered since the last call set, cleared for the next page.
#[cfg(feature = "ssr")]
pub fn take() -> PageHead {
    HEAD.with(|h| std::mem::take(&mut *h.borrow_mut()))
}
