//! Ranking inputs and formulas. Every weight that shapes the order of results is here, named.

/// Okapi BM25 parameters, per paragraph.
#[derive(Debug, Clone, Copy)]
pub struct Bm25Params {
    /// Term-frequency saturation: how quickly repeats of a word stop adding score.
    pub k1: f32,
    /// Length normalisation: 0 ignores paragraph length, 1 fully normalises by it.
    pub b: f32,
}

pub const BM25: Bm25Params = Bm25Params { k1: 1.2, b: 0.75 };

/// How much a match of each kind counts, relative to the word exactly as typed.
#[derive(Debug, Clone, Copy)]
pub struct MatchWeights {
    pub exact: f32,
    /// Same Snowball stem ("financing" for "finance").
    pub stemmed: f32,
    /// Completion of the word being typed ("terror" for "terrorism").
    pub prefix: f32,
    /// One edit away.
    pub fuzzy_one: f32,
    /// Two edits away.
    pub fuzzy_two: f32,
    /// The expansion of an acronym typed (or the acronym of an expansion typed).
    pub synonym: f32,
}

pub const WEIGHTS: MatchWeights = MatchWeights { exact: 1.0, stemmed: 0.75, prefix: 0.6, fuzzy_one: 0.4, fuzzy_two: 0.25, synonym: 0.9 };

/// Field boosts, as a share of the word's idf added when the word is in the paragraph's
/// document title or section heading.
#[derive(Debug, Clone, Copy)]
pub struct FieldBoosts {
    pub title: f32,
    pub heading: f32,
}

pub const FIELDS: FieldBoosts = FieldBoosts { title: 0.35, heading: 0.5 };

/// Multiplier for paragraphs where all query words stand close together:
/// `1 + PROXIMITY × (words − 1) / span`, span being the smallest window (in word positions)
/// holding one match of every word; adjacent words give the full bonus.
pub const PROXIMITY: f32 = 0.6;

/// Inverse document frequency, BM25's form: `ln(1 + (N − df + 0.5) / (df + 0.5))`, where N is
/// the number of paragraphs and df those containing the term. Always positive.
pub fn idf(paragraphs: usize, containing: usize) -> f32 {
    let (n, df) = (paragraphs as f32, containing as f32);
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

/// BM25's term-frequency part: `tf × (k1 + 1) / (tf + k1 × (1 − b + b × len / avg_len))`.
pub fn tf_weight(tf: u32, len: u32, avg_len: f32, p: Bm25Params) -> f32 {
    let tf = tf as f32;
    let norm = 1.0 - p.b + p.b * (len as f32 / avg_len.max(1.0));
    tf * (p.k1 + 1.0) / (tf + p.k1 * norm)
}

/// The proximity multiplier for `words` matched within a window of `span` positions.
pub fn proximity_factor(words: usize, span: u32) -> f32 {
    if words < 2 {
        return 1.0;
    }
    let tight = (words - 1) as f32;
    1.0 + PROXIMITY * tight / (span as f32).max(tight)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rarer_terms_weigh_more() {
        assert!(idf(100, 1) > idf(100, 50));
        assert!(idf(100, 100) > 0.0);
    }

    #[test]
    fn repeats_saturate_and_long_paragraphs_weigh_less() {
        let once = tf_weight(1, 50, 50.0, BM25);
        let twice = tf_weight(2, 50, 50.0, BM25);
        assert!(twice > once && twice < 2.0 * once);
        assert!(tf_weight(1, 200, 50.0, BM25) < once);
    }

    #[test]
    fn adjacent_words_get_the_full_proximity_bonus() {
        assert!((proximity_factor(2, 1) - (1.0 + PROXIMITY)).abs() < 1e-6);
        assert!(proximity_factor(2, 10) < proximity_factor(2, 2));
        assert_eq!(proximity_factor(1, 0), 1.0);
    }
}
