//! Clustering: union-find over the scored pairs, best first, with guards.
//!
//! A pair at or above the merge threshold joins its two clusters unless a guard refuses: two
//! reports of one outlet in one event need a very strong score (a live blog rarely reports the same
//! thing twice; a follow-up is linked instead), and a join that would stretch an event over more
//! than the longest gap needs overwhelming evidence.

use rayon::prelude::*;

use crate::features::Item;
use crate::score::Score;

/// What became of a scored pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Outcome {
    /// The pair joined two clusters.
    Joined,
    /// Already in one cluster through other pairs.
    Implied,
    /// Below the threshold but within the near-miss band.
    NearMiss,
    /// Strong enough, but both clusters have a report of the same outlet.
    SameOutlet,
    /// Strong enough, but the event would span too long.
    TooFarApart,
    /// Below the band: not worth mentioning.
    Below,
}

/// A scored pair `(i, j, score)` and what became of it.
pub(crate) type Decision = (u32, u32, Score, Outcome);

/// The thresholds clustering needs.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limits {
    pub(crate) threshold: f32,
    pub(crate) near_miss: f32,
    pub(crate) same_outlet: f32,
    pub(crate) overwhelming: f32,
    pub(crate) max_gap_secs: i64,
}

struct Cluster {
    parent: u32,
    first: i64,
    last: i64,
    /// Outlet indices, sorted.
    outlets: Vec<u32>,
}

fn find(sets: &mut [Cluster], mut x: u32) -> u32 {
    while let Some(p) = sets.get(x as usize).map(|c| c.parent) {
        if p == x {
            break;
        }
        let grand = sets.get(p as usize).map_or(p, |c| c.parent);
        if let Some(c) = sets.get_mut(x as usize) {
            c.parent = grand;
        }
        x = grand;
    }
    x
}

/// Clusters `items` through `pairs`, visited best first (ties by post order). Returns each item's
/// cluster root and the outcome of every pair, in the order visited.
pub(crate) fn cluster(
    items: &[Item<'_>],
    outlet_of: &[u32],
    mut pairs: Vec<(u32, u32, Score)>,
    limits: Limits,
) -> (Vec<u32>, Vec<Decision>) {
    let mut sets: Vec<Cluster> = items
        .iter()
        .enumerate()
        .map(|(i, item)| Cluster {
            parent: u32::try_from(i).unwrap_or(u32::MAX),
            // The narrowest span the cluster's stamps allow: a post dated only by its day does not
            // stretch it.
            first: item.until.timestamp(),
            last: item.from.timestamp(),
            outlets: outlet_of.get(i).copied().into_iter().collect(),
        })
        .collect();
    // Pairs are unique, so the order is total and an unstable sort gives the one order.
    pairs.par_sort_unstable_by(|a, b| {
        b.2.total
            .total_cmp(&a.2.total)
            .then(a.0.cmp(&b.0))
            .then(a.1.cmp(&b.1))
    });
    let mut outcomes = Vec::with_capacity(pairs.len());
    for (i, j, s) in pairs {
        let outcome = if s.total < limits.threshold {
            if s.total >= limits.near_miss {
                Outcome::NearMiss
            } else {
                Outcome::Below
            }
        } else {
            let (ri, rj) = (find(&mut sets, i), find(&mut sets, j));
            if ri == rj {
                Outcome::Implied
            } else {
                join(&mut sets, ri, rj, &s, limits)
            }
        };
        if outcome != Outcome::Below {
            outcomes.push((i, j, s, outcome));
        }
    }
    let roots = (0..sets.len())
        .map(|i| find(&mut sets, u32::try_from(i).unwrap_or(u32::MAX)))
        .collect();
    (roots, outcomes)
}

fn join(sets: &mut [Cluster], ri: u32, rj: u32, s: &Score, limits: Limits) -> Outcome {
    let (Some(a), Some(b)) = (sets.get(ri as usize), sets.get(rj as usize)) else {
        return Outcome::Below;
    };
    let shares_outlet = a.outlets.iter().any(|o| b.outlets.binary_search(o).is_ok());
    if shares_outlet && s.total < limits.same_outlet {
        return Outcome::SameOutlet;
    }
    let first = a.first.min(b.first);
    let last = a.last.max(b.last);
    if last - first > limits.max_gap_secs && s.total < limits.overwhelming {
        return Outcome::TooFarApart;
    }
    let mut outlets = a.outlets.clone();
    outlets.extend_from_slice(&b.outlets);
    outlets.sort_unstable();
    outlets.dedup();
    // The smaller index stays the root, so the result does not depend on the order of joins.
    let (root, child) = (ri.min(rj), ri.max(rj));
    if let Some(c) = sets.get_mut(child as usize) {
        c.parent = root;
        c.outlets = Vec::new();
    }
    if let Some(r) = sets.get_mut(root as usize) {
        r.first = first;
        r.last = last;
        r.outlets = outlets;
    }
    Outcome::Joined
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_model::{Document, Post};

    fn limits() -> Limits {
        Limits {
            threshold: 0.5,
            near_miss: 0.3,
            same_outlet: 1.2,
            overwhelming: 1.4,
            max_gap_secs: 36 * 3600,
        }
    }

    fn scored(total: f32) -> Score {
        Score {
            total,
            ..Score::default()
        }
    }

    #[test]
    fn guards_keep_one_outlet_apart_and_far_times_apart() {
        let doc = Document::new("a.txt", "test", b"a");
        let post = Post::new(&doc.id, 1);
        let t = |h: i64| chrono::DateTime::<chrono::Utc>::UNIX_EPOCH + chrono::Duration::hours(h);
        let item = |outlet, h| Item::at(&doc, &post, t(h), outlet);
        let items = [item("A", 0), item("A", 1), item("B", 2), item("C", 100)];
        let outlets = [0, 0, 1, 2];
        let pairs = vec![
            (0, 1, scored(0.9)), // one outlet, not very strong: a follow-up
            (1, 2, scored(0.8)), // joins
            (0, 2, scored(0.7)), // would put A twice with B: refused
            (2, 3, scored(1.0)), // 98 hours apart, not overwhelming: refused
            (0, 3, scored(0.4)), // a near miss
            (1, 3, scored(0.1)), // below the band: not kept
        ];
        let (roots, outcomes) = cluster(&items, &outlets, pairs, limits());
        assert_eq!(roots, [0, 1, 1, 3]);
        let verdicts: Vec<_> = outcomes.iter().map(|o| (o.0, o.1, o.3)).collect();
        assert_eq!(
            verdicts,
            [
                (2, 3, Outcome::TooFarApart),
                (0, 1, Outcome::SameOutlet),
                (1, 2, Outcome::Joined),
                (0, 2, Outcome::SameOutlet),
                (0, 3, Outcome::NearMiss),
            ]
        );
    }
}
