//! The merge stage on every seed: one snapshot of the events and diagnostics per seed, and the
//! whole set merged in two orders.

#![allow(
    clippy::expect_used,
    reason = "test helpers: a failure is a panic with a message"
)]

mod common;

use std::fmt::Write as _;

use dateline_merge::{Merged, Options, merge};

/// One line per event (UTC, id, posts, outlets, headline); for a merged event its reports, the
/// evidence of each join, its related events and checks; then the diagnostics and explanations.
fn render(merged: &Merged) -> String {
    let mut out = format!("{} events\n", merged.events.len());
    for e in &merged.events {
        let _ = writeln!(
            out,
            "{} {} {} [{}] {}",
            e.utc.format("%Y-%m-%dT%H:%M:%SZ"),
            e.id,
            e.posts.join(","),
            e.outlets.join(", "),
            e.headline
        );
        if e.posts.len() > 1 {
            let _ = writeln!(
                out,
                "    first reporter: {}",
                e.first_reporter.as_deref().unwrap_or("-")
            );
            for r in &e.reports {
                let _ = writeln!(
                    out,
                    "    report {} {} {} lag {} min",
                    r.post,
                    r.outlet,
                    r.utc.format("%Y-%m-%dT%H:%MZ"),
                    r.lag_minutes
                );
            }
            for ev in &e.evidence {
                let _ = writeln!(out, "    evidence {}", evidence(ev));
            }
        }
        for r in &e.related {
            let _ = writeln!(
                out,
                "    related {:?} {} {}",
                r.relation,
                r.event,
                evidence(&r.evidence)
            );
        }
        for c in &e.checks {
            let _ = writeln!(
                out,
                "    check {} {} {} min zone {}: {}",
                c.code,
                c.post,
                c.minutes,
                c.zone.as_deref().unwrap_or("-"),
                c.message
            );
        }
    }
    for d in &merged.diagnostics {
        let _ = writeln!(
            out,
            "{:?}[{}] {}:{}: {}",
            d.severity,
            d.code,
            d.path.as_deref().unwrap_or("-"),
            d.line.map_or_else(|| "-".to_owned(), |l| l.to_string()),
            d.message
        );
    }
    for x in &merged.explanations {
        let _ = writeln!(
            out,
            "explain {} {} | {}",
            x.verdict.as_str(),
            evidence(&x.evidence),
            x.reason
        );
    }
    out
}

fn evidence(ev: &dateline_model::Evidence) -> String {
    let signals: Vec<String> = ev
        .signals
        .iter()
        .map(|s| format!("{}={}:{:+}", s.name, s.value, s.contribution))
        .collect();
    format!(
        "{} ~ {} total {} gap {} min; quotes {:?}; names {:?}; predicate {}; {}",
        ev.posts[0],
        ev.posts[1],
        ev.total,
        ev.gap_minutes,
        ev.quotes,
        ev.entities,
        ev.predicate.as_deref().unwrap_or("-"),
        signals.join(" ")
    )
}

#[test]
fn each_seed() {
    insta::glob!("../../../seeds", "*.txt", |path| {
        let (doc, _) = common::read(path);
        let merged = merge(&[doc], &Options::default());
        for event in &merged.events {
            assert!(!event.headline.is_empty(), "{}", event.id);
            assert!(event.headline.chars().count() <= 140, "{}", event.headline);
        }
        insta::assert_snapshot!(render(&merged));
    });
}

#[test]
fn all_seeds_in_any_order_give_the_same_timeline() {
    let docs = common::seeds();
    let forward = merge(&docs, &Options::default());
    let mut reversed = docs.clone();
    reversed.reverse();
    for doc in &mut reversed {
        doc.posts.reverse();
    }
    assert_eq!(merge(&reversed, &Options::default()), forward);
    assert!(
        forward
            .events
            .windows(2)
            .all(|w| (w[0].utc, &w[0].id) < (w[1].utc, &w[1].id))
    );
    insta::assert_snapshot!(render(&forward));
}

#[test]
fn without_explanations_the_events_are_the_same() {
    let documents = common::seeds();
    let with = merge(&documents, &Options::default());
    let mut options = Options::default();
    options.explanations = false;
    let without = merge(&documents, &options);
    assert!(!with.explanations.is_empty());
    assert!(without.explanations.is_empty());
    assert!(with.events.iter().any(|e| !e.evidence.is_empty()));
    assert!(with.events.iter().any(|e| !e.related.is_empty()));
    assert_eq!(with.events, without.events);
    assert_eq!(with.diagnostics, without.diagnostics);
}
