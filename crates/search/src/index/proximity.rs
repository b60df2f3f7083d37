//! Proximity: how close together a passage holds the query's words.

use super::{Expansion, Index, PassageId, TermId};
use crate::rank::proximity_factor;

impl Index {
    /// The proximity multiplier of a passage: the smallest window of word positions holding
    /// one match of every query word (and phrase start) that occurs in its body.
    pub(super) fn proximity(&self, passage: PassageId, expansions: &[Expansion], phrases: &[Vec<Vec<TermId>>]) -> f32 {
        let mut lists: Vec<Vec<u32>> =
            expansions.iter().map(|e| self.positions_in(&e.iter().map(|(id, _)| *id).collect::<Vec<_>>(), passage)).collect();
        lists.extend(phrases.iter().filter_map(|p| p.first()).map(|ids| self.positions_in(ids, passage)));
        lists.retain(|l| !l.is_empty());
        if lists.len() < 2 {
            return 1.0;
        }
        // (position, word) packed in one key; at most MAX_WORDS words.
        let mut events: Vec<u64> =
            lists.iter().enumerate().flat_map(|(w, l)| l.iter().map(move |&p| (u64::from(p) << 8) | w as u64)).collect();
        events.sort_unstable();
        let events: Vec<(u32, usize)> = events.into_iter().map(|e| ((e >> 8) as u32, (e & 0xff) as usize)).collect();
        let mut counts = vec![0u32; lists.len()];
        let mut covered = 0;
        let mut best = u32::MAX;
        let mut left = 0;
        for right in 0..events.len() {
            let w = events[right].1;
            counts[w] += 1;
            if counts[w] == 1 {
                covered += 1;
            }
            while covered == lists.len() {
                best = best.min(events[right].0 - events[left].0);
                let lw = events[left].1;
                counts[lw] -= 1;
                if counts[lw] == 0 {
                    covered -= 1;
                }
                left += 1;
            }
        }
        proximity_factor(lists.len(), best)
    }
}
