//! Text with the ranges a search matched wrapped in `<mark>`. The text stays text: no HTML is
//! ever built from it.

use std::ops::Range;

use leptos::either::Either;
use leptos::prelude::*;

/// Splits `text` into (piece, is_match) runs. Ranges must be sorted, apart, and on char
/// boundaries (the search engine guarantees it); anything else is ignored rather than panicking.
pub fn pieces<'t>(text: &'t str, ranges: &[Range<usize>]) -> Vec<(&'t str, bool)> {
    let mut out = Vec::with_capacity(ranges.len() * 2 + 1);
    let mut at = 0;
    for r in ranges {
        let (Some(before), Some(hit)) = (text.get(at..r.start), text.get(r.start..r.end)) else { continue };
        if !before.is_empty() {
            out.push((before, false));
        }
        out.push((hit, true));
        at = r.end;
    }
    if let Some(rest) = text.get(at..) {
        if !rest.is_empty() {
            out.push((rest, false));
        }
    }
    out
}

#[component]
pub fn Highlighted(#[prop(into)] text: String, ranges: Vec<Range<usize>>) -> impl IntoView {
    pieces(&text, &ranges)
        .into_iter()
        .map(|(piece, hit)| {
            let piece = piece.to_string();
            if hit {
                Either::Left(view! { <mark class="hit">{piece}</mark> })
            } else {
                Either::Right(piece)
            }
        })
        .collect_view()
}
