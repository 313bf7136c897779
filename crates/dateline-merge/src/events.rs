//! The pipeline: posts with times -> features -> candidates (blocking) -> scores -> clusters ->
//! events with their reports, evidence, related events and checks.

use dateline_model::{Diagnostic, Event, Evidence, Related, Relation, Report, Severity};
use rayon::prelude::*;

use crate::blocking::candidates;
use crate::checks::{event_checks, hours_minutes, outlet_shifts};
use crate::cluster::{Limits, Outcome, cluster};
use crate::explain::{Explanation, Verdict};
use crate::features::{Item, extract};
use crate::headline::headline;
use crate::merge::{Merged, Options, Report as Input};
use crate::score::{Score, evidence, round, score, share_names};

/// Related events kept per event, best first.
const MAX_RELATED: usize = 5;
/// Events an outlet must share with others before a constant shift is reported.
const SHIFT_EVENTS: usize = 3;

/// Builds the events of `reports` (every post once, in id order).
pub(crate) fn build(reports: &[Input<'_>], options: &Options) -> Merged {
    let mut merged = Merged::default();
    let mut items: Vec<Item<'_>> = Vec::with_capacity(reports.len());
    for &Input { doc, post } in reports {
        match &post.time {
            Some(time) => items.push(Item {
                doc,
                post,
                utc: time.utc,
                outlet: doc.outlet.as_deref().unwrap_or(&doc.path),
            }),
            None => merged.diagnostics.push(
                Diagnostic::new(
                    Severity::Warning,
                    "post-without-time",
                    "post has no resolved time; left out of the timeline",
                )
                .in_path(&doc.path)
                .at_line(post.line),
            ),
        }
    }
    let mut outlets: Vec<&str> = items.iter().map(|i| i.outlet).collect();
    outlets.sort_unstable();
    outlets.dedup();
    let outlet_of: Vec<u32> = items
        .iter()
        .map(|i| outlets.binary_search(&i.outlet).unwrap_or(0) as u32)
        .collect();

    let features = extract(&items);
    let max_gap_secs = (options.max_gap_hours * 3600.0) as i64;
    let pairs = candidates(&items, &features, max_gap_secs.saturating_mul(2));
    let floor = (options.merge_threshold - options.near_miss) as f32;
    let scored: Vec<(u32, u32, Score)> = pairs
        .par_iter()
        .filter_map(|&(i, j)| {
            let (a, b) = (items.get(i as usize)?, items.get(j as usize)?);
            let s = score(a, features.get(i as usize)?, b, features.get(j as usize)?);
            (s.total >= floor).then_some((i, j, s))
        })
        .collect();
    drop(pairs);
    let limits = Limits {
        threshold: options.merge_threshold as f32,
        near_miss: floor,
        same_outlet: options.same_outlet_threshold as f32,
        overwhelming: options.overwhelming as f32,
        max_gap_secs,
    };
    let (roots, outcomes) = cluster(&items, &outlet_of, scored, limits);
    // Whether each decided pair shares a name, from the hashed names; then the features go.
    let names: Vec<bool> = outcomes
        .par_iter()
        .map(
            |(i, j, _, _)| match (features.get(*i as usize), features.get(*j as usize)) {
                (Some(fa), Some(fb)) => share_names(fa, fb),
                _ => true,
            },
        )
        .collect();
    drop(features);

    // Members of each cluster, earliest first.
    let mut members: Vec<Vec<u32>> = vec![Vec::new(); items.len()];
    for (i, &root) in roots.iter().enumerate() {
        if let Some(m) = members.get_mut(root as usize) {
            m.push(i as u32);
        }
    }
    let key = |i: &u32| {
        items
            .get(*i as usize)
            .map(|it| (it.utc, it.post.id.as_str()))
    };
    let mut event_of: Vec<usize> = vec![0; items.len()];
    let mut events: Vec<Event> = Vec::new();
    for group in members.iter_mut().filter(|m| !m.is_empty()) {
        group.sort_by_key(key);
        for &i in group.iter() {
            if let Some(e) = event_of.get_mut(i as usize) {
                *e = events.len();
            }
        }
        events.push(event(&items, group, options, &mut merged.diagnostics));
    }

    let threshold = round(limits.threshold);
    // The evidence of every decision, spelled out in parallel (it reads the texts again, only for
    // the quotes and names the features say two posts share).
    let decided: Vec<(usize, usize, Verdict, bool, Evidence, String)> = outcomes
        .par_iter()
        .enumerate()
        .filter_map(|(k, (i, j, s, outcome))| {
            let (a, b) = (items.get(*i as usize)?, items.get(*j as usize)?);
            let (ea, eb) = (
                event_of.get(*i as usize).copied().unwrap_or(0),
                event_of.get(*j as usize).copied().unwrap_or(0),
            );
            let (first, second, efirst, esecond) = if (a.utc, &a.post.id) <= (b.utc, &b.post.id) {
                (a, b, ea, eb)
            } else {
                (b, a, eb, ea)
            };
            let verdict = match outcome {
                Outcome::Joined => Verdict::Merged,
                Outcome::NearMiss => Verdict::NearMiss,
                Outcome::SameOutlet => Verdict::SameOutlet,
                Outcome::TooFarApart => Verdict::TooFarApart,
                Outcome::Implied | Outcome::Below => return None,
            };
            let reason = reason(s, verdict, limits.threshold);
            let names = names.get(k).copied().unwrap_or(true);
            Some((
                efirst,
                esecond,
                verdict,
                s.same_outlet,
                evidence(first, second, s, names),
                reason,
            ))
        })
        .collect();
    for (efirst, esecond, verdict, same_outlet, ev, reason) in decided {
        let ids = |e: usize| events.get(e).map(|e| e.id.clone()).unwrap_or_default();
        merged.explanations.push(Explanation {
            events: [ids(efirst), ids(esecond)],
            verdict,
            evidence: ev.clone(),
            threshold,
            reason: reason.clone(),
        });
        if verdict == Verdict::Merged {
            if let Some(e) = events.get_mut(efirst) {
                e.evidence.push(ev);
            }
            continue;
        }
        if efirst == esecond {
            continue;
        }
        let relation = if same_outlet || verdict == Verdict::SameOutlet {
            Relation::FollowUp
        } else {
            Relation::PossiblySame
        };
        let (id_first, id_second) = (ids(efirst), ids(esecond));
        let mut flipped = ev.clone();
        flipped.posts.swap(0, 1);
        if let Some(e) = events.get_mut(efirst) {
            e.related
                .push(Related::new(id_second, relation, ev, reason.clone()));
        }
        if let Some(e) = events.get_mut(esecond) {
            e.related
                .push(Related::new(id_first, relation, flipped, reason));
        }
    }
    for event in &mut events {
        event.related.sort_by(|a, b| {
            b.evidence
                .total
                .total_cmp(&a.evidence.total)
                .then_with(|| a.event.cmp(&b.event))
                .then_with(|| a.evidence.posts.cmp(&b.evidence.posts))
        });
        let mut seen: Vec<String> = Vec::new();
        event.related.retain(|r| {
            let new = !seen.contains(&r.event);
            seen.push(r.event.clone());
            new
        });
        event.related.truncate(MAX_RELATED);
    }

    let shared: Vec<Vec<(&str, chrono::DateTime<chrono::Utc>)>> = events
        .iter()
        .filter(|e| e.outlets.len() > 1)
        .map(|e| {
            e.reports
                .iter()
                .map(|r| (r.outlet.as_str(), r.utc))
                .collect()
        })
        .collect();
    merged
        .diagnostics
        .extend(outlet_shifts(&shared, SHIFT_EVENTS));
    events.sort_by(|a, b| (a.utc, &a.id).cmp(&(b.utc, &b.id)));
    merged.events = events;
    merged
        .explanations
        .sort_by(|a, b| a.evidence.posts.cmp(&b.evidence.posts));
    merged
}

/// One event from its reports (indices into `items`, earliest first).
fn event(
    items: &[Item<'_>],
    group: &[u32],
    options: &Options,
    diagnostics: &mut Vec<Diagnostic>,
) -> Event {
    let reports: Vec<&Item<'_>> = group
        .iter()
        .filter_map(|&i| items.get(i as usize))
        .collect();
    let early_secs = (options.early_report_hours * 3600.0) as i64;
    let checks = event_checks(items, group, early_secs);
    for check in &checks {
        if let Some(item) = reports.iter().find(|r| r.post.id == check.post) {
            diagnostics.push(
                Diagnostic::new(Severity::Warning, check.code.clone(), check.message.clone())
                    .in_path(&item.doc.path)
                    .at_line(item.post.line),
            );
        }
    }
    let trusted = |r: &&&Item<'_>| !checks.iter().any(|c| c.post == r.post.id);
    let first = reports.iter().find(trusted).or(reports.first());
    let utc = first.map(|r| r.utc).unwrap_or_default();
    let best = reports
        .iter()
        .filter(trusted)
        .find(|r| r.post.headline.is_some())
        .or(first);
    let title = best.map_or_else(String::new, |r| {
        headline(r.post, r.doc, options.headline_chars)
    });
    let mut outlets: Vec<String> = Vec::new();
    for r in &reports {
        if !outlets.iter().any(|o| o == r.outlet) {
            outlets.push(r.outlet.to_owned());
        }
    }
    let posts = reports.iter().map(|r| r.post.id.clone()).collect();
    let mut event = Event::new(utc, title, posts, outlets);
    event.first_reporter = first.map(|r| r.outlet.to_owned());
    event.reports = reports
        .iter()
        .map(|r| Report::new(&r.post.id, r.outlet, r.utc, (r.utc - utc).num_minutes()))
        .collect();
    event.checks = checks;
    event
}

/// A short reason for people.
fn reason(s: &Score, verdict: Verdict, threshold: f32) -> String {
    let mut parts = Vec::new();
    if s.quote_words > 0 {
        parts.push(format!("a quote of {}+ words shared", s.quote_words));
    }
    parts.push(format!("content {:.2}", s.content));
    parts.push(format!("lead {:.2}", s.lead));
    parts.push(format!("names {:.2}", s.entities));
    if s.organisation < 0.0 {
        parts.push("different organisations speak".to_owned());
    }
    if s.same_outlet {
        parts.push("same outlet".to_owned());
    }
    let minutes = (f64::from(s.gap_hours) * 60.0).round() as i64;
    parts.push(format!("{} apart", hours_minutes(minutes)));
    let verdict = match verdict {
        Verdict::Merged => format!("merged: {:.2} >= {threshold:.2}", s.total),
        Verdict::NearMiss => format!("possibly the same: {:.2} < {threshold:.2}", s.total),
        Verdict::SameOutlet => format!(
            "not merged: {:.2}, but one outlet's reports stay apart unless very strong",
            s.total
        ),
        Verdict::TooFarApart => format!(
            "not merged: {:.2}, but the event would span too long without overwhelming evidence",
            s.total
        ),
    };
    format!("{}; {verdict}", parts.join(", "))
}
