//! Candidate generation without comparing every pair: posts meet only when they share a rare
//! token or a quote shingle and stand close enough in time.
//!
//! Each post picks a few keys: its rarest content tokens (carried by at least two posts and at most
//! [`MAX_POSTING`]) and its quote shingles. A key's posting list is sorted by time, and each post
//! meets the next posts of the list within the time window, at most [`MAX_NEIGHBOURS`] of them. A pair
//! becomes a candidate when it meets through two keys, or through one quote shingle.
//!
//! A posting is one `u64`: the key in the high half (a token's vocabulary id, or past the
//! vocabulary the id of a quote shingle that more than one post is indexed under), the post's rank
//! in the order of time and then index in the low half. Sorting the postings sorts every list by
//! time.

use rayon::prelude::*;

use crate::features::{FeatureTable, Item, idf};

/// Rare tokens a post is indexed under.
const KEYS_PER_POST: usize = 24;
/// Quote shingles a post is indexed under.
const SHINGLES_PER_POST: usize = 16;
/// A token carried by more posts than this is too common to index.
const MAX_POSTING: u32 = 512;
/// How many later posts of one posting list a post meets.
const MAX_NEIGHBOURS: usize = 32;
/// Posts whose meetings are counted with one table of counters.
const MEETING_CHUNK: usize = 4096;

/// Which pairs [`candidates`] gives: of the items' posts, weighed as `posts` posts (the whole
/// input's count when the items are a window of it), the pairs whose earlier post (in the order
/// of time) stands in `owned`, seconds since the epoch, when one is given.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Scope {
    pub(crate) posts: usize,
    pub(crate) owned: Option<(i64, i64)>,
}

/// Candidate pairs `(i, j)` with `i < j`, sorted, without repeats. `weights` are the rarity
/// weights of the token ids.
///
/// A pair is found from its earlier post, which meets the posts after it within `window_secs`:
/// so the pairs of the posts in `scope.owned` are those of the whole input as long as the items
/// hold every post from the start of `owned` to `window_secs` past its end.
pub(crate) fn candidates(
    items: &[Item<'_>],
    features: &FeatureTable,
    weights: &[f32],
    window_secs: i64,
    scope: Scope,
) -> Vec<(u32, u32)> {
    let n = scope.posts as f32 + 1.0;
    let common = idf(n, MAX_POSTING);
    let unique = idf(n, 1);
    // The posts in the order of every posting list: by time, then by index.
    let mut by_time: Vec<(i64, u32)> = items
        .iter()
        .enumerate()
        .map(|(i, it)| (it.utc.timestamp(), i as u32))
        .collect();
    by_time.par_sort_unstable();
    let order: Vec<u32> = by_time.iter().map(|&(_, i)| i).collect();
    let time: Vec<i64> = by_time.iter().map(|&(t, _)| t).collect();
    drop(by_time);
    let mut rank: Vec<u32> = vec![0; order.len()];
    for (r, &i) in order.iter().enumerate() {
        if let Some(slot) = rank.get_mut(i as usize) {
            *slot = r as u32;
        }
    }

    // Token postings, sorted by token id and rank.
    let mut postings: Vec<u64> = rank
        .par_iter()
        .enumerate()
        .flat_map_iter(|(i, &r)| {
            let content = features.get(i).map(|f| f.content).unwrap_or_default();
            let mut chosen: Vec<u32> = content
                .iter()
                .copied()
                .filter(|&id| {
                    let w = weights.get(id as usize).copied().unwrap_or(0.0);
                    w >= common && w < unique
                })
                .collect();
            // Rarest first; the id (in the order of the hashes) breaks ties so the choice is stable.
            chosen.sort_unstable_by(|a, b| {
                let w = |id: &u32| weights.get(*id as usize).copied().unwrap_or(0.0);
                w(b).total_cmp(&w(a)).then(a.cmp(b))
            });
            chosen.truncate(KEYS_PER_POST);
            chosen
                .into_iter()
                .map(move |id| (u64::from(id) << 32) | u64::from(r))
        })
        .collect();
    postings.par_sort_unstable();
    // Shingle postings, sorted by shingle and rank; each shingle more than one post is indexed
    // under gets the next key after the token ids, so that all postings stay sorted.
    let mut by_shingle: Vec<(u64, u32)> = rank
        .par_iter()
        .enumerate()
        .flat_map_iter(|(i, &r)| {
            let shingles = features.get(i).map(|f| f.shingles).unwrap_or_default();
            shingles
                .iter()
                .take(SHINGLES_PER_POST)
                .map(move |&s| (s, r))
        })
        .collect();
    by_shingle.par_sort_unstable();
    let tokens = weights.len() as u64;
    let mut list = tokens;
    for group in by_shingle.chunk_by(|a, b| a.0 == b.0) {
        if group.len() > 1 {
            postings.extend(group.iter().map(|&(_, r)| (list << 32) | u64::from(r)));
            list += 1;
        }
    }
    drop(by_shingle);
    // A posting alone in its list meets no one (only a token's can be).
    let key = |p: u64| p >> 32;
    let mut kept = 0;
    for q in 0..postings.len() {
        let p = postings.get(q).copied().unwrap_or(0);
        let before = q.checked_sub(1).and_then(|b| postings.get(b).copied());
        let after = postings.get(q + 1).copied();
        if before.is_some_and(|b| key(b) == key(p)) || after.is_some_and(|a| key(a) == key(p)) {
            if let Some(slot) = postings.get_mut(kept) {
                *slot = p;
            }
            kept += 1;
        }
    }
    postings.truncate(kept);
    postings.shrink_to_fit();

    // Every post's postings, post by post in the order of time. Within every posting list the
    // posts stand in that order, so all meetings of a pair are found from its earlier post: each
    // post's meetings are summed on their own, and the pairs of all posts are never held at once.
    // A post meets only posts a little later than itself, so the posts of a chunk of consecutive
    // ranks meet posts within a short stretch of ranks, and their counters stay in the cache.
    // A counting sort of the postings by rank: `start[r]..start[r + 1]` of `by_rank` are the
    // postings of the post of rank r.
    let rank_of = |p: u64| (p & 0xffff_ffff) as usize;
    let mut start: Vec<u32> = vec![0; items.len() + 1];
    for &p in &postings {
        if let Some(c) = start.get_mut(rank_of(p) + 1) {
            *c += 1;
        }
    }
    for k in 1..start.len() {
        let before = start.get(k - 1).copied().unwrap_or(0);
        if let Some(c) = start.get_mut(k) {
            *c += before;
        }
    }
    let mut by_rank: Vec<u32> = vec![0; postings.len()];
    let mut next = start.clone();
    for (q, &p) in postings.iter().enumerate() {
        if let Some(slot) = next.get_mut(rank_of(p)) {
            if let Some(b) = by_rank.get_mut(*slot as usize) {
                *b = u32::try_from(q).unwrap_or(u32::MAX);
            }
            *slot += 1;
        }
    }
    drop(next);
    let weight = |k: u64| if k >= tokens { 2 } else { 1 };
    let post_at = |r: usize| order.get(r).copied().unwrap_or(0);
    let mut pairs: Vec<(u32, u32)> = (0..items.len().div_ceil(MEETING_CHUNK))
        .into_par_iter()
        .flat_map_iter(|c| {
            let chunk = c * MEETING_CHUNK..((c + 1) * MEETING_CHUNK).min(items.len());
            // What each post of the chunk met, summed per other post: `met[r]` is the weight of
            // the meetings with the post of rank r, `touched` the ranks whose weight is not zero.
            let mut met: Vec<u8> = vec![0; items.len()];
            let mut touched: Vec<u32> = Vec::new();
            let mut out: Vec<(u32, u32)> = Vec::new();
            for me in chunk {
                let owned = scope
                    .owned
                    .is_none_or(|(from, to)| time.get(me).is_some_and(|&t| from <= t && t < to));
                if !owned {
                    continue;
                }
                let run = start
                    .get(me..me + 2)
                    .and_then(|w| by_rank.get(w[0] as usize..w[1] as usize))
                    .unwrap_or_default();
                for &q in run {
                    let q = q as usize;
                    let Some(&p) = postings.get(q) else {
                        continue;
                    };
                    let k = key(p);
                    let t = time.get(rank_of(p)).copied().unwrap_or(0);
                    let later = postings.get(q + 1..).unwrap_or_default();
                    for &o in later.iter().take(MAX_NEIGHBOURS) {
                        let u = time.get(rank_of(o)).copied().unwrap_or(0);
                        if key(o) != k || u - t > window_secs {
                            break;
                        }
                        let r = rank_of(o);
                        if r != me
                            && let Some(m) = met.get_mut(r)
                        {
                            if *m == 0 {
                                touched.push(r as u32);
                            }
                            *m = m.saturating_add(weight(k));
                        }
                    }
                }
                let i = post_at(me);
                for r in touched.drain(..) {
                    if let Some(m) = met.get_mut(r as usize) {
                        if *m >= 2 {
                            let j = post_at(r as usize);
                            out.push((i.min(j), i.max(j)));
                        }
                        *m = 0;
                    }
                }
            }
            out
        })
        .collect();
    drop(by_rank);
    drop(postings);
    pairs.par_sort_unstable();
    pairs.dedup();
    pairs
}
