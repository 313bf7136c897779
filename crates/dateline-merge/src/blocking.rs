//! Candidate generation without comparing every pair: posts meet only when they share a rare
//! token or a quote shingle and stand close enough in time.
//!
//! Each post picks a few keys: its rarest content tokens (carried by at least two posts and at most
//! [`MAX_POSTING`]) and its quote shingles. A key's posting list is sorted by time, and each post
//! meets the next posts of the list within the time window, at most [`MAX_NEIGHBOURS`] of them. A pair
//! becomes a candidate when it meets through two keys, or through one quote shingle.

use rayon::prelude::*;

use crate::features::{Features, Item, idf};

/// Rare tokens a post is indexed under.
const KEYS_PER_POST: usize = 24;
/// Quote shingles a post is indexed under.
const SHINGLES_PER_POST: usize = 16;
/// A token carried by more posts than this is too common to index.
const MAX_POSTING: u32 = 512;
/// How many later posts of one posting list a post meets.
const MAX_NEIGHBOURS: usize = 32;

/// Candidate pairs `(i, j)` with `i < j`, sorted, without repeats.
pub(crate) fn candidates(
    items: &[Item<'_>],
    features: &[Features],
    window_secs: i64,
) -> Vec<(u32, u32)> {
    let n = items.len() as f32 + 1.0;
    let common = idf(n, MAX_POSTING);
    let unique = idf(n, 1);
    // (key, time, item, weight): weight 2 for a quote shingle, 1 for a token.
    let mut postings: Vec<(u64, i64, u32, u8)> = features
        .par_iter()
        .enumerate()
        .flat_map_iter(|(i, f)| {
            let mut tokens: Vec<(u64, f32)> = f
                .content
                .iter()
                .copied()
                .filter(|&(_, w)| w >= common && w < unique)
                .collect();
            // Rarest first; the hash breaks ties so the choice is stable.
            tokens.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            let utc = items.get(i).map_or(0, |it| it.utc.timestamp());
            let index = u32::try_from(i).unwrap_or(u32::MAX);
            let shingles = f
                .shingles
                .iter()
                .take(SHINGLES_PER_POST)
                .map(move |&s| (s ^ 0x5151, utc, index, 2));
            tokens
                .into_iter()
                .take(KEYS_PER_POST)
                .map(move |(t, _)| (t, utc, index, 1))
                .chain(shingles)
                .collect::<Vec<_>>()
        })
        .collect();
    postings.par_sort_unstable();

    let groups: Vec<&[(u64, i64, u32, u8)]> = postings.chunk_by(|a, b| a.0 == b.0).collect();
    let mut met: Vec<(u32, u32, u8)> = groups
        .par_iter()
        .flat_map_iter(|group| {
            let mut out = Vec::new();
            for (p, &(_, t, i, w)) in group.iter().enumerate() {
                for &(_, u, j, _) in group.iter().skip(p + 1).take(MAX_NEIGHBOURS) {
                    if u - t > window_secs {
                        break;
                    }
                    if i != j {
                        out.push((i.min(j), i.max(j), w));
                    }
                }
            }
            out
        })
        .collect();
    met.par_sort_unstable();
    met.chunk_by(|a, b| (a.0, a.1) == (b.0, b.1))
        .filter(|run| run.iter().map(|&(_, _, w)| u32::from(w)).sum::<u32>() >= 2)
        .filter_map(|run| run.first().map(|&(i, j, _)| (i, j)))
        .collect()
}
