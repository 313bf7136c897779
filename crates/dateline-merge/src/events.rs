//! The pipeline: posts with times -> features -> candidates (blocking) -> scores -> clusters ->
//! events with their reports, evidence, related events and checks.

use std::fmt::Write as _;

use dateline_model::{
    Diagnostic, Document, Event, Evidence, Post, Related, Relation, Report, ResolvedTime, Severity,
    UNKNOWN_OUTLET, event_id,
};
use rayon::prelude::*;

use crate::blocking::{Scope, candidates};
use crate::checks::{event_checks, hours_minutes, outlet_shifts};
use crate::cluster::{Limits, Outcome, cluster};
use crate::explain::{Explanation, Verdict};
use crate::features::{Census, FeatureTable, Item, extract, extract_with, printed_date};
use crate::headline::headline;
use crate::merge::{Merged, Options, Report as Input};
use crate::score::{Score, evidence, round, score};

/// A report's outlet and the minute it was stamped.
type Stamped<'a> = (&'a str, chrono::DateTime<chrono::Utc>);

/// Related events kept per event, best first.
const MAX_RELATED: usize = 5;
/// Events an outlet must share with others before a constant shift is reported.
const SHIFT_EVENTS: usize = 3;

/// Where the scored pairs of [`build_with`] come from.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Pairs<'p> {
    /// Found and scored over the reports themselves.
    Found,
    /// Scored by the windows of a partitioned merge, each pair once: the pairs of post ids.
    Given(&'p [ScoredPair]),
}

/// A pair of posts, by their ids (the earlier id first), with its score: what a window of a
/// partitioned merge gives.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ScoredPair {
    pub(crate) posts: [String; 2],
    pub(crate) score: Score,
}

/// Builds the events of `reports` (every post once, in id order).
pub(crate) fn build(reports: &[Input<'_>], options: &Options) -> Merged {
    build_with(reports, options, Pairs::Found)
}

/// The items of the reports that have a time, in the reports' order; a warning for each that has
/// none.
fn items_of<'a>(reports: &[Input<'a>], diagnostics: &mut Vec<Diagnostic>) -> Vec<Item<'a>> {
    let mut items: Vec<Item<'a>> = Vec::with_capacity(reports.len());
    for &Input { doc, post } in reports {
        match &post.time {
            Some(time) => items.push(item(doc, post, time)),
            // Where the page's reader has warned at the post's line already, `untold` leaves
            // this out: one cause, one warning.
            None => diagnostics.push(
                Diagnostic::new(
                    Severity::Warning,
                    "post-without-time",
                    "post has no resolved time; left out of the timeline",
                )
                .in_path(&doc.path)
                .at_line(post.line)
                .at_source(post.source),
            ),
        }
    }
    items
}

/// The candidate pairs of `scope`, scored, with those below the near-miss band left out.
fn score_pairs(
    items: &[Item<'_>],
    features: &FeatureTable,
    weights: &[f32],
    options: &Options,
    scope: Scope,
) -> Vec<(u32, u32, Score)> {
    let pairs = candidates(items, features, weights, options.reach_secs(), scope);
    let floor = (options.merge_threshold - options.near_miss) as f32;
    pairs
        .par_iter()
        .filter_map(|&(i, j)| {
            let (a, b) = (items.get(i as usize)?, items.get(j as usize)?);
            let (fa, fb) = (features.get(i as usize)?, features.get(j as usize)?);
            let s = score(a, &fa, b, &fb, weights);
            (s.total >= floor).then_some((i, j, s))
        })
        .collect()
}

/// The census of the reports that have a time.
pub(crate) fn census(reports: &[Input<'_>]) -> Census {
    Census::of(&items_of(reports, &mut Vec::new()))
}

/// The scored pairs whose earlier post (in the order of time) stands in `owned` (seconds since
/// the epoch), by post ids: `reports` must hold every post from the start of `owned` to twice
/// [`Options::max_gap_hours`] past its end, and `census` count the whole input.
pub(crate) fn score_window(
    reports: &[Input<'_>],
    options: &Options,
    census: &Census,
    owned: (i64, i64),
) -> Vec<ScoredPair> {
    let items = items_of(reports, &mut Vec::new());
    let (features, weights) = extract_with(&items, Some(census));
    let scope = Scope {
        posts: census.posts,
        owned: Some(owned),
    };
    let id = |i: u32| {
        items
            .get(i as usize)
            .map(|it| it.post.id.clone())
            .unwrap_or_default()
    };
    score_pairs(&items, &features, &weights, options, scope)
        .into_iter()
        .map(|(i, j, score)| ScoredPair {
            posts: [id(i), id(j)],
            score,
        })
        .collect()
}

/// Builds the events of `reports` (every post once, in id order), from pairs found here or given.
pub(crate) fn build_with(reports: &[Input<'_>], options: &Options, pairs: Pairs<'_>) -> Merged {
    let mut merged = Merged::default();
    let items = items_of(reports, &mut merged.diagnostics);
    let mut outlets: Vec<&str> = items.iter().map(|i| i.outlet).collect();
    outlets.par_sort_unstable();
    outlets.dedup();
    let outlet_of: Vec<u32> = items
        .par_iter()
        .map(|i| outlets.binary_search(&i.outlet).unwrap_or(0) as u32)
        .collect();

    let post_ids = Strings::of(items.iter().map(|i| i.post.id.as_str()));
    let (mut features, weights) = extract(&items);
    let max_gap_secs = options.max_gap_secs();
    let floor = (options.merge_threshold - options.near_miss) as f32;
    let scored: Vec<(u32, u32, Score)> = match pairs {
        Pairs::Found => {
            let scope = Scope {
                posts: items.len(),
                owned: None,
            };
            score_pairs(&items, &features, &weights, options, scope)
        }
        Pairs::Given(given) => {
            // The items are in the order of their posts' ids.
            let index = |id: &str| {
                items
                    .binary_search_by(|it| it.post.id.as_str().cmp(id))
                    .ok()
                    .and_then(|i| u32::try_from(i).ok())
            };
            let mut scored: Vec<(u32, u32, Score)> = given
                .par_iter()
                .filter_map(|p| {
                    let (i, j) = (index(&p.posts[0])?, index(&p.posts[1])?);
                    Some((i.min(j), i.max(j), p.score))
                })
                .collect();
            // Windows that overlap would give a pair twice: it counts once.
            scored.par_sort_unstable_by_key(|&(i, j, _)| (i, j));
            scored.dedup_by_key(|&mut (i, j, _)| (i, j));
            scored
        }
    };
    let limits = Limits {
        threshold: options.merge_threshold as f32,
        near_miss: floor,
        same_outlet: options.same_outlet_threshold as f32,
        overwhelming: options.overwhelming as f32,
        max_gap_secs,
    };
    let (roots, outcomes) = cluster(&items, &outlet_of, scored, limits);
    // The evidence needs only the names and quote shingles from here on.
    features.drop_stems();

    // Each cluster's members, earliest first, cluster by cluster in the order of their roots; a
    // post dated only by its day counts as late as its day allows, so that it leads only when it
    // was surely earlier.
    let mut order: Vec<u32> = (0..items.len() as u32).collect();
    let member_key = |i: u32| {
        (
            roots.get(i as usize).copied(),
            items
                .get(i as usize)
                .map(|it| (it.until, it.utc, post_ids.get(i as usize))),
        )
    };
    // Post ids are unique, so the order is total.
    order.par_sort_unstable_by(|&x, &y| member_key(x).cmp(&member_key(y)));
    let groups: Vec<&[u32]> = order
        .chunk_by(|&x, &y| roots.get(x as usize) == roots.get(y as usize))
        .collect();
    drop(roots);
    let mut event_of: Vec<u32> = vec![0; items.len()];
    for (e, group) in groups.iter().enumerate() {
        for &i in group.iter() {
            if let Some(slot) = event_of.get_mut(i as usize) {
                *slot = e as u32;
            }
        }
    }
    // Each event's id, from its posts: the events choose their links by the other event's id,
    // and they are built once their evidence is.
    let ids: Vec<String> = groups
        .par_iter()
        .map(|group| {
            event_id(
                group
                    .iter()
                    .filter(|&&i| items.get(i as usize).is_some())
                    .map(|&i| post_ids.get(i as usize)),
            )
        })
        .collect();
    let event_ids = Strings::of(ids.iter().map(String::as_str));
    drop(ids);

    let shared = shift_stamps(&groups, &items);
    // Pages of no known outlet are kept apart by their paths, which name no outlet.
    let pages: std::collections::BTreeSet<&str> = items
        .iter()
        .filter(|it| it.doc.outlet.is_none())
        .map(|it| it.outlet)
        .collect();
    merged
        .diagnostics
        .extend(outlet_shifts(&shared, &pages, SHIFT_EVENTS));
    drop(shared);

    let threshold = round(limits.threshold);
    // The decisions worth explaining, in the order they were made.
    let shown: Vec<u32> = outcomes
        .iter()
        .enumerate()
        .filter(|(_, (_, _, _, outcome))| verdict_of(*outcome).is_some())
        .map(|(k, _)| k as u32)
        .collect();
    // The output lists them by the posts compared, the earlier first (the pairs are unique, so
    // the order is total): each is seen in that order, without its evidence, before any evidence
    // is spelled out.
    let mut decisions: Vec<Decision> = shown
        .par_iter()
        .filter_map(|&k| {
            let &(i, j, ref s, outcome) = outcomes.get(k as usize)?;
            let (a, b) = (items.get(i as usize)?, items.get(j as usize)?);
            let (pa, pb) = (post_ids.get(i as usize), post_ids.get(j as usize));
            let posts = if (a.utc, pa) <= (b.utc, pb) {
                [i, j]
            } else {
                [j, i]
            };
            let event = |p: u32| event_of.get(p as usize).copied().unwrap_or(0);
            Some(Decision {
                k,
                verdict: verdict_of(outcome)?,
                total: round(s.total),
                posts,
                events: posts.map(event),
                same_outlet: s.same_outlet,
            })
        })
        .collect();
    drop(shown);
    decisions.par_sort_unstable_by(|x, y| {
        let ids = |d: &Decision| d.posts.map(|p| post_ids.get(p as usize));
        ids(x).cmp(&ids(y))
    });
    // Decision `p`'s evidence and reason (the reason only when `reasoned`): it reads a text again
    // only for the quotes the features say two posts share.
    let explain = |p: u32, reasoned: bool| -> Option<(Evidence, String)> {
        let d = decisions.get(p as usize)?;
        let (_, _, s, _) = outcomes.get(d.k as usize)?;
        let [i, j] = d.posts.map(|p| p as usize);
        let (first, second) = (items.get(i)?, items.get(j)?);
        let (ffirst, fsecond) = (features.get(i)?, features.get(j)?);
        let mut reason = if reasoned {
            let dated = !(first.is_precise() && second.is_precise());
            reason(s, d.verdict, limits.threshold, dated)
        } else {
            String::new()
        };
        // Every reason lives until the end: no spare capacity.
        reason.shrink_to_fit();
        let evidence = evidence(
            [
                (first, &ffirst, post_ids.get(i)),
                (second, &fsecond, post_ids.get(j)),
            ],
            s,
            &features,
        );
        Some((evidence, reason))
    };
    // Every decision, spelled out in parallel, when the caller keeps them.
    let explanations: Vec<Explanation> = if options.explanations {
        (0..decisions.len() as u32)
            .into_par_iter()
            .map(|p| {
                let d = decisions.get(p as usize);
                let ids = |e: u32| event_ids.get(e as usize).to_owned();
                match (d, explain(p, true)) {
                    (Some(d), Some((evidence, reason))) => Explanation {
                        events: d.events.map(ids),
                        verdict: d.verdict,
                        evidence,
                        threshold,
                        reason,
                    },
                    // Every decision has its posts; the fallback is never built.
                    _ => Explanation {
                        events: [String::new(), String::new()],
                        verdict: Verdict::NearMiss,
                        evidence: Evidence::new("", ""),
                        threshold,
                        reason: String::new(),
                    },
                }
            })
            .collect()
    } else {
        Vec::new()
    };

    let (touch_start, touches) = touches(&decisions, groups.len());
    // Each event's decisions, chosen in parallel without copying anything: the merges whose
    // evidence it carries, in the order they were made, and its best links to other events.
    let chosen: Vec<Chosen<'_>> = (0..groups.len())
        .into_par_iter()
        .map(|e| {
            let ks = touch_start
                .get(e..e + 2)
                .and_then(|w| touches.get(w[0] as usize..w[1] as usize))
                .unwrap_or_default();
            choose(e, ks, &decisions, &post_ids, &event_ids)
        })
        .collect();
    drop(touches);
    drop(touch_start);
    // The evidence goes to the events that keep it, event by event in parallel: copied from the
    // explanations when they are kept, else spelled out for the decisions the events keep only.
    let kept: Vec<(Vec<Evidence>, Vec<Related>)> = chosen
        .into_par_iter()
        .map(|c| {
            if options.explanations {
                fill(c, |k, _| {
                    explanations
                        .get(k as usize)
                        .map(|x| (x.evidence.clone(), x.reason.clone()))
                })
            } else {
                fill(c, &explain)
            }
        })
        .collect();
    // The events need none of the features: they go before the events are built.
    drop(decisions);
    drop(outcomes);
    drop(features);
    drop(event_of);
    drop(event_ids);
    drop(post_ids);
    // The events are built from the posts themselves, each event's items made again: the items
    // of every post go first.
    let sources: Vec<Input<'_>> = items
        .iter()
        .map(|it| Input {
            doc: it.doc,
            post: it.post,
        })
        .collect();
    drop(items);

    let mut events: Vec<Event> = Vec::with_capacity(groups.len());
    groups
        .par_iter()
        .zip(kept.into_par_iter())
        .map(|(group, (evidence, related))| {
            let mut event = event(&sources, group, options);
            event.evidence = evidence;
            event.related = related;
            event
        })
        .collect_into_vec(&mut events);
    // A warning for each report whose time is in doubt, at its post.
    let doubts: Vec<Diagnostic> = events
        .par_iter()
        .zip(groups.par_iter())
        .flat_map_iter(|(event, group)| {
            event.checks.iter().filter_map(|check| {
                let source = group
                    .iter()
                    .filter_map(|&i| sources.get(i as usize))
                    .find(|source| source.post.id == check.post)?;
                Some(
                    Diagnostic::new(Severity::Warning, check.code.clone(), check.message.clone())
                        .in_path(&source.doc.path)
                        .at_line(source.post.line)
                        .at_source(source.post.source),
                )
            })
        })
        .collect();
    merged.diagnostics.extend(doubts);
    drop(groups);
    drop(order);

    // The sort moves indices and then the events in place: no second copy of the output.
    let mut by_time: Vec<u32> = (0..events.len() as u32).collect();
    by_time.par_sort_unstable_by(|&x, &y| {
        let key = |e: u32| events.get(e as usize).map(|e| (e.utc, &e.id));
        key(x).cmp(&key(y)).then(x.cmp(&y))
    });
    permute(&mut events, by_time);
    merged.events = events;
    merged.explanations = explanations;
    merged
}

/// The outlet a report is shown under: the document's, else [`UNKNOWN_OUTLET`]. (An item's own
/// `outlet`, which keeps one outlet's reports apart, is the document's path when the outlet is
/// unknown, so that two such pages are not taken for one outlet; it is never shown.)
fn shown_outlet<'a>(item: &Item<'a>) -> &'a str {
    item.doc.outlet.as_deref().unwrap_or(UNKNOWN_OUTLET)
}

/// A post with a time, ready to be compared; its outlet is the document's path when the outlet
/// is unknown.
fn item<'a>(doc: &'a Document, post: &'a Post, time: &ResolvedTime) -> Item<'a> {
    Item::new(doc, post, time, doc.outlet.as_deref().unwrap_or(&doc.path))
}

/// The reports that can show an outlet's shift, event by event: those stamped to the minute, of
/// events that several outlets reported.
fn shift_stamps<'a>(groups: &[&[u32]], items: &[Item<'a>]) -> Vec<Vec<Stamped<'a>>> {
    groups
        .par_iter()
        .map(|group| {
            let mut reports = group.iter().filter_map(|&i| items.get(i as usize));
            let several = reports
                .next()
                .is_some_and(|first| reports.any(|it| it.outlet != first.outlet));
            if several {
                group
                    .iter()
                    .filter_map(|&i| items.get(i as usize))
                    .filter(|it| it.is_precise())
                    .map(|it| (it.outlet, it.utc))
                    .collect()
            } else {
                Vec::new()
            }
        })
        .collect()
}

/// Each event's decisions, in the order they were made (a merge's evidence goes to its event, any
/// other decision between two events links each to the other), as places in `decisions`: those of
/// event `e` are `touches[touch_start[e]..touch_start[e + 1]]`.
fn touches(decisions: &[Decision], events: usize) -> (Vec<u32>, Vec<u32>) {
    let mut touch_start: Vec<u32> = vec![0; events + 1];
    let touched = |d: &Decision| -> [Option<u32>; 2] {
        let [first, second] = d.events;
        if d.verdict == Verdict::Merged {
            [Some(first), None]
        } else if first == second {
            [None, None]
        } else {
            [Some(first), Some(second)]
        }
    };
    // The decisions by the order they were made (`Decision::k`), as places in `decisions`.
    let mut made: Vec<u32> = (0..decisions.len() as u32).collect();
    made.par_sort_unstable_by_key(|&p| decisions.get(p as usize).map(|d| d.k));
    let decided = |p: &u32| decisions.get(*p as usize);
    for d in made.iter().filter_map(decided) {
        for e in touched(d).into_iter().flatten() {
            if let Some(c) = touch_start.get_mut(e as usize + 1) {
                *c += 1;
            }
        }
    }
    for e in 1..touch_start.len() {
        let before = touch_start.get(e - 1).copied().unwrap_or(0);
        if let Some(c) = touch_start.get_mut(e) {
            *c += before;
        }
    }
    let mut touches: Vec<u32> = vec![0; touch_start.last().copied().unwrap_or(0) as usize];
    let mut next = touch_start.clone();
    for &p in &made {
        let Some(d) = decided(&p) else {
            continue;
        };
        for e in touched(d).into_iter().flatten() {
            if let Some(slot) = next.get_mut(e as usize) {
                if let Some(t) = touches.get_mut(*slot as usize) {
                    *t = p;
                }
                *slot += 1;
            }
        }
    }
    (touch_start, touches)
}

/// What event `e` keeps of its decisions `ks` (places in `decisions`): the merges whose evidence
/// it carries, in the order they were made, and its best links to other events.
fn choose<'x>(
    e: usize,
    ks: &[u32],
    decisions: &[Decision],
    post_ids: &'x Strings,
    event_ids: &'x Strings,
) -> Chosen<'x> {
    let mut chosen = Chosen::default();
    // The links to other events, ordered: best first, then by the other event and the
    // posts (this event's post first).
    let mut candidates: Vec<LinkTo<'_>> = Vec::new();
    for &k in ks {
        let Some(d) = decisions.get(k as usize) else {
            continue;
        };
        if d.verdict == Verdict::Merged {
            chosen.merges.push(k);
            continue;
        }
        let [event_first, event_second] = d.events;
        let [post_first, post_second] = d.posts.map(|p| post_ids.get(p as usize));
        let flipped = event_first as usize != e;
        candidates.push(LinkTo {
            k,
            relation: if d.same_outlet || d.verdict == Verdict::SameOutlet {
                Relation::FollowUp
            } else {
                Relation::PossiblySame
            },
            total: d.total,
            other: event_ids.get(if flipped { event_first } else { event_second } as usize),
            posts: if flipped {
                [post_second, post_first]
            } else {
                [post_first, post_second]
            },
            flipped,
        });
    }
    candidates.sort_by(|a, b| {
        b.total
            .total_cmp(&a.total)
            .then_with(|| a.other.cmp(b.other))
            .then_with(|| a.posts.cmp(&b.posts))
    });
    // The best link to each other event, the best few events.
    for link in &candidates {
        if chosen.links.len() == MAX_RELATED {
            break;
        }
        if !chosen.links.iter().any(|l| l.other == link.other) {
            chosen.links.push(ChosenLink {
                k: link.k,
                flipped: link.flipped,
                relation: link.relation,
                other: link.other,
            });
        }
    }
    chosen
}

/// Strings one after the other in one buffer: a compact copy of ids that are read in no
/// particular order, so that reading one does not touch a page of its own.
#[derive(Debug, Default)]
struct Strings {
    text: String,
    ends: Vec<usize>,
}

impl Strings {
    fn of<'s>(all: impl Iterator<Item = &'s str>) -> Self {
        let mut strings = Strings::default();
        for s in all {
            strings.text.push_str(s);
            strings.ends.push(strings.text.len());
        }
        strings
    }

    /// String `k`, empty when there is none.
    fn get(&self, k: usize) -> &str {
        let start = k
            .checked_sub(1)
            .and_then(|before| self.ends.get(before))
            .copied()
            .unwrap_or(0);
        let end = self.ends.get(k).copied().unwrap_or(start);
        self.text.get(start..end).unwrap_or_default()
    }
}

/// A decision worth explaining, seen without its evidence: what its events need to choose their
/// merges and links.
#[derive(Debug, Clone, Copy)]
struct Decision {
    /// Its place among the outcomes of the clustering: the order it was made in.
    k: u32,
    verdict: Verdict,
    /// The score, rounded as the evidence gives it.
    total: f64,
    /// The posts compared (indices into the items), the earlier first.
    posts: [u32; 2],
    /// The events of those posts.
    events: [u32; 2],
    same_outlet: bool,
}

/// A decision seen from one of its two events, while the event chooses its links.
struct LinkTo<'x> {
    /// The decision's place in the decisions.
    k: u32,
    relation: Relation,
    total: f64,
    /// The other event's id.
    other: &'x str,
    /// The posts compared, this event's first.
    posts: [&'x str; 2],
    /// Whether this event's post is the later of the two.
    flipped: bool,
}

/// An event's evidence and links from the decisions it chose; `fetch` gives a decision's evidence
/// and, when asked (for a link), its reason.
fn fill(
    c: Chosen<'_>,
    mut fetch: impl FnMut(u32, bool) -> Option<(Evidence, String)>,
) -> (Vec<Evidence>, Vec<Related>) {
    let mut evidence = Vec::with_capacity(c.merges.len());
    for k in c.merges {
        if let Some((e, _)) = fetch(k, false) {
            evidence.push(e);
        }
    }
    let mut related = Vec::with_capacity(c.links.len());
    for link in c.links {
        let Some((mut e, reason)) = fetch(link.k, true) else {
            continue;
        };
        if link.flipped {
            e.posts.swap(0, 1);
        }
        related.push(Related::new(link.other, link.relation, e, reason));
    }
    (evidence, related)
}

/// What one event keeps of the decisions about its posts: the merges (places in the decisions)
/// and its links to other events.
#[derive(Debug, Default)]
struct Chosen<'x> {
    merges: Vec<u32>,
    links: Vec<ChosenLink<'x>>,
}

/// A link an event keeps: the decision's place in the decisions, whether this event's post is
/// the later of the two, the relation and the other event's id.
#[derive(Debug)]
struct ChosenLink<'x> {
    k: u32,
    flipped: bool,
    relation: Relation,
    other: &'x str,
}

/// The verdict to explain, for the outcomes worth explaining.
fn verdict_of(outcome: Outcome) -> Option<Verdict> {
    match outcome {
        Outcome::Joined => Some(Verdict::Merged),
        Outcome::NearMiss => Some(Verdict::NearMiss),
        Outcome::SameOutlet => Some(Verdict::SameOutlet),
        Outcome::TooFarApart => Some(Verdict::TooFarApart),
        Outcome::Implied | Outcome::Below => None,
    }
}

/// Puts `values[order[i]]` at `i`, in place, by following the cycles of the permutation `order`.
fn permute<T>(values: &mut [T], mut order: Vec<u32>) {
    for start in 0..order.len() {
        let mut at = start;
        while let Some(slot) = order.get_mut(at) {
            let from = *slot as usize;
            // Done: this place already holds its value.
            *slot = at as u32;
            if from == start || from == at {
                break;
            }
            values.swap(at, from);
            at = from;
        }
    }
}

/// One event from its reports (indices into `sources`, earliest first).
fn event(sources: &[Input<'_>], group: &[u32], options: &Options) -> Event {
    let items: Vec<Item<'_>> = group
        .iter()
        .filter_map(|&i| sources.get(i as usize))
        .filter_map(|&Input { doc, post }| Some(item(doc, post, post.time.as_ref()?)))
        .collect();
    let early_secs = (options.early_report_hours * 3600.0) as i64;
    let checks = event_checks(&items, early_secs);
    let trusted = |r: &&Item<'_>| !checks.iter().any(|c| c.post == r.post.id);
    let first = items.iter().find(trusted).or(items.first());
    let utc = first.map(|r| r.utc).unwrap_or_default();
    let best = items
        .iter()
        .filter(trusted)
        .find(|r| r.post.headline.is_some())
        .or(first);
    let title = best.map_or_else(String::new, |r| {
        headline(r.post, r.doc, options.headline_chars)
    });
    // The lists are exactly as long as they need to be: an event lives until the timeline is
    // written, and a list grown by pushes keeps room for four.
    let mut distinct: Vec<&str> = Vec::with_capacity(items.len());
    for r in &items {
        if !distinct.contains(&shown_outlet(r)) {
            distinct.push(shown_outlet(r));
        }
    }
    let outlets: Vec<String> = distinct.iter().map(|&o| o.to_owned()).collect();
    let posts: Vec<String> = items.iter().map(|r| r.post.id.clone()).collect();
    let mut event = Event::new(utc, title, posts, outlets);
    if let Some(time) = first.and_then(|r| r.post.time.as_ref()) {
        event.precision = time.basis.precision;
        event.date = printed_date(time);
    }
    event.first_reporter = first.map(|r| shown_outlet(r).to_owned());
    event.reports = items
        .iter()
        .map(|r| {
            let mut report = Report::new(&r.post.id, shown_outlet(r), r.utc, r.lag_minutes(utc));
            report.date = r.post.time.as_ref().and_then(printed_date);
            report
        })
        .collect();
    event.checks = checks;
    event
}

/// Why a decision was made, for people; `dated` when a post's page gives only its date or hour,
/// so that a gap of 0 means "within the span it allows", not "at the same minute".
fn reason(s: &Score, verdict: Verdict, threshold: f32, dated: bool) -> String {
    // Writing to a String cannot fail.
    let mut out = String::with_capacity(160);
    if s.quote_words > 0 {
        let _ = write!(out, "a quote of {}+ words shared, ", s.quote_words);
    }
    let _ = write!(
        out,
        "content {:.2}, lead {:.2}, names {:.2}",
        s.content, s.lead, s.entities
    );
    if s.body > 0.0 {
        let _ = write!(out, ", whole texts {:.2}", s.body);
    }
    if s.organisation < 0.0 {
        out.push_str(", different organisations speak");
    }
    if s.same_outlet {
        out.push_str(", same outlet");
    }
    if s.across {
        out.push_str(", in two languages (names weigh double)");
    }
    let minutes = (f64::from(s.gap_hours) * 60.0).round() as i64;
    if dated && minutes == 0 {
        out.push_str(", not apart (a page gives only its date or hour); ");
    } else {
        let _ = write!(out, ", {} apart; ", hours_minutes(minutes));
    }
    let _ = match verdict {
        Verdict::Merged => write!(out, "merged: {:.2} >= {threshold:.2}", s.total),
        Verdict::NearMiss => {
            let _ = write!(out, "possibly the same: {:.2} < {threshold:.2}", s.total);
            held_back(&mut out, s, threshold)
        }
        Verdict::SameOutlet => write!(
            out,
            "not merged: {:.2}, but one outlet's reports stay apart unless very strong",
            s.total
        ),
        Verdict::TooFarApart => write!(
            out,
            "not merged: {:.2}, but the event would span too long without overwhelming evidence",
            s.total
        ),
    };
    out
}

/// What held a near miss back, appended to its reason: how far short it fell, the signals that
/// took from its score, and the strongest signal it lacked (a shared quote), so a reader sees
/// whether time, the outlet or missing evidence kept two reports apart.
fn held_back(out: &mut String, s: &Score, threshold: f32) -> std::fmt::Result {
    write!(out, "; short by {:.2}", threshold - s.total)?;
    let against: Vec<String> = [
        ("time apart", s.time),
        ("same outlet", s.outlet),
        ("different verbs", s.predicate),
        ("different organisations", s.organisation),
    ]
    .iter()
    .filter(|(_, v)| *v < 0.0)
    .map(|(name, v)| format!("{name} {v:+.2}"))
    .collect();
    if !against.is_empty() {
        write!(out, "; against it: {}", against.join(", "))?;
    }
    if s.quote_words == 0 {
        out.push_str("; no quote shared");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_near_miss_says_what_held_it_back() {
        let s = Score {
            content: 0.16,
            lead: 0.12,
            entities: 0.06,
            predicate: -0.05,
            time: 0.08,
            gap_hours: 3.5,
            total: 0.42,
            ..Score::default()
        };
        let why = reason(&s, Verdict::NearMiss, 0.5, false);
        assert!(
            why.ends_with(
                "possibly the same: 0.42 < 0.50; short by 0.08; against it: different verbs -0.05; no quote shared"
            ),
            "{why}"
        );
    }

    #[test]
    fn permute_moves_each_value_to_its_place() {
        let mut values = ['a', 'b', 'c', 'd', 'e'];
        permute(&mut values, vec![2, 0, 1, 4, 3]);
        assert_eq!(values, ['c', 'a', 'b', 'e', 'd']);
        let mut same = [1, 2];
        permute(&mut same, vec![0, 1]);
        assert_eq!(same, [1, 2]);
    }
}
