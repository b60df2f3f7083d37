//! How a search hit is previewed, in the search box's options and on the results page alike:
//! where it is, then a snippet with the matches marked.

use leptos::prelude::*;
use search::snippet::snippet;
use search::SearchHit;

use crate::components::highlighted::Highlighted;
use crate::corpus_search::PassageRef;

#[component]
pub fn HitPreview(passage: PassageRef, hit: SearchHit, label: String, chars: usize) -> impl IntoView {
    let cut = snippet(&passage.paragraph.text, &hit.ranges, chars);
    view! {
        <span class="hit-where">{label}{(!hit.in_text).then_some(" · matched by its heading or title")}</span>
        <span class="hit-snippet">
            {cut.cut_start.then_some("…")}
            <Highlighted text=cut.text ranges=cut.ranges/>
            {cut.cut_end.then_some("…")}
        </span>
    }
}
