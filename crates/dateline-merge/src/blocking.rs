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

    // Every post's entries, post by post. Within every posting list the posts stand in one global
    // order (time, then index), so all meetings of a pair are found from its earlier post: each
    // post's meetings are summed on their own, and the pairs of all posts are never held at once.
    // A counting sort of the entries by post: `start[i]..start[i + 1]` of `by_item` are post i's.
    let mut start: Vec<u32> = vec![0; items.len() + 1];
    for &(_, _, i, _) in &postings {
        if let Some(c) = start.get_mut(i as usize + 1) {
            *c += 1;
        }
    }
    for k in 1..start.len() {
        let before = start.get(k - 1).copied().unwrap_or(0);
        if let Some(c) = start.get_mut(k) {
            *c += before;
        }
    }
    let mut by_item: Vec<u32> = vec![0; postings.len()];
    let mut next = start.clone();
    for (q, &(_, _, i, _)) in postings.iter().enumerate() {
        if let Some(slot) = next.get_mut(i as usize) {
            if let Some(b) = by_item.get_mut(*slot as usize) {
                *b = u32::try_from(q).unwrap_or(u32::MAX);
            }
            *slot += 1;
        }
    }
    drop(next);
    let runs: Vec<&[u32]> = start
        .windows(2)
        .filter_map(|w| by_item.get(w[0] as usize..w[1] as usize))
        .filter(|run| !run.is_empty())
        .collect();
    let mut pairs: Vec<(u32, u32)> = runs
        .par_iter()
        .flat_map_iter(|run| {
            let mut met: Vec<(u32, u8)> = Vec::new();
            let mut me = u32::MAX;
            for &q in run.iter() {
                let q = q as usize;
                let Some(&(key, t, i, w)) = postings.get(q) else {
                    continue;
                };
                me = i;
                let later = postings.get(q + 1..).unwrap_or_default();
                for &(k, u, j, _) in later.iter().take(MAX_NEIGHBOURS) {
                    if k != key || u - t > window_secs {
                        break;
                    }
                    if i != j {
                        met.push((j, w));
                    }
                }
            }
            met.sort_unstable();
            met.chunk_by(|a, b| a.0 == b.0)
                .filter(|run| run.iter().map(|&(_, w)| u32::from(w)).sum::<u32>() >= 2)
                .filter_map(|run| run.first().map(|&(j, _)| (me.min(j), me.max(j))))
                .collect::<Vec<_>>()
        })
        .collect();
    drop(runs);
    drop(by_item);
    drop(postings);
    pairs.par_sort_unstable();
    pairs.dedup();
    pairs
}
