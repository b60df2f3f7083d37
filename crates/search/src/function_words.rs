//! English function words: the small words of a question ("what did the … say about …")
//! that hold a sentence together but say nothing about what a reader looks for, and the verbs
//! of reported speech a question is framed with ("say", "tell"). In free
//! query words they neither count as a match nor get typo tolerance (see `Index::resolve` and
//! `Index::expand`); quoted phrases keep them. Left out on purpose: words that are also names
//! or acronyms ("us", "may"); and a function word the index knows as a synonym (an acronym
//! such as WHO in a glossary) counts as content.

/// Sorted, folded (see [`crate::text::fold`]), separated by spaces: one string, not a slice of
/// them, which would cost the search module a pointer and a length per word.
const FUNCTION_WORDS: &str =
    "a about above after again against all am an and any are as at be because been before being below between both \
     but by can could did do does doing down during each few for from further had has have having he her here hers \
     herself him himself his how i if in into is it its itself just me more most my myself no nor not of off on \
     once only or other our ours ourselves out over own said same say saying says she should so some such tell \
     than that the their theirs them themselves then there these they this those through to told too under until \
     up very was we were what when where which while who whom why will with would you your yours yourself \
     yourselves";

/// Whether a folded term is a function word.
pub fn is_function_word(term: &str) -> bool {
    FUNCTION_WORDS.split(' ').any(|word| word == term)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_sorted_and_folded() {
        let words: Vec<&str> = FUNCTION_WORDS.split(' ').collect();
        assert!(words.windows(2).all(|w| w[0] < w[1]), "sorted, no repeats, one space apart");
        assert!(words.iter().all(|w| !w.is_empty() && crate::text::fold(w) == *w));
        assert!(is_function_word("the") && is_function_word("what") && !is_function_word("russia") && !is_function_word("may"));
    }
}
