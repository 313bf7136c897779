//! The pairs issue 4 names, on the seeds: what must merge, what must not, what is only linked.

#![allow(
    clippy::expect_used,
    clippy::panic,
    reason = "test helpers: a failure is a panic with a message"
)]

mod common;

use dateline_merge::{Merged, Options, Verdict, merge};
use dateline_model::{Event, Relation};

/// The Independent's live blog, DW's and CNN's, and the Independent's article about the strike.
const INDEPENDENT: &str = "b30bb8440e3b";
const DW: &str = "819ab8ad52af";
const CNN: &str = "279f97b4ae5c";
const ARTICLE: &str = "7ce81a35adfd";

fn merged() -> Merged {
    merge(&common::seeds(), &Options::default())
}

fn event_of<'a>(merged: &'a Merged, post: &str) -> &'a Event {
    merged
        .events
        .iter()
        .find(|e| e.posts.iter().any(|p| p == post))
        .unwrap_or_else(|| panic!("no event has post {post}"))
}

fn post(doc: &str, line: u32) -> String {
    format!("{doc}:{line}")
}

#[test]
fn trump_tweet_is_one_event_independent_first_dw_eight_minutes_later() {
    let m = merged();
    let e = event_of(&m, &post(INDEPENDENT, 42));
    assert_eq!(e.posts, [post(INDEPENDENT, 42), post(DW, 175)]);
    assert_eq!(e.first_reporter.as_deref(), Some("The Independent"));
    assert_eq!(e.reports[1].lag_minutes, 8);
    let evidence = &e.evidence[0];
    assert_eq!(
        evidence.quotes,
        ["iran never won a war but never lost a negotiation"]
    );
    assert_eq!(evidence.gap_minutes, 8);
    assert!(evidence.entities.contains(&"trump".to_owned()));
}

#[test]
fn nato_monitoring_and_nato_suspending_are_two_events() {
    let m = merged();
    let dw = event_of(&m, &post(DW, 191));
    let cnn = event_of(&m, &post(CNN, 134));
    assert_ne!(dw.id, cnn.id);
    assert_eq!(dw.posts.len(), 1);
    assert_eq!(cnn.posts.len(), 1);
}

#[test]
fn russia_defence_ministry_and_foreign_ministry_are_two_events() {
    let m = merged();
    let defence = event_of(&m, &post(INDEPENDENT, 56));
    let foreign = event_of(&m, &post(DW, 327));
    assert_ne!(defence.id, foreign.id);
    assert_eq!(defence.posts.len(), 1);
}

#[test]
fn lavrov_zarif_posts_of_one_outlet_are_linked_not_merged() {
    let m = merged();
    let first = event_of(&m, &post(CNN, 124));
    let second = event_of(&m, &post(CNN, 75));
    assert_ne!(first.id, second.id);
    let link = first
        .related
        .iter()
        .find(|r| r.event == second.id)
        .expect("the later post is linked");
    assert_eq!(link.relation, Relation::FollowUp);
}

#[test]
fn lavrov_pompeo_call_and_lavrov_zarif_call_are_two_events() {
    let m = merged();
    assert_ne!(
        event_of(&m, &post(DW, 51)).id,
        event_of(&m, &post(CNN, 75)).id
    );
}

#[test]
fn likely_merges_of_the_seeds() {
    let m = merged();
    for (a, b, first) in [
        (post(INDEPENDENT, 36), post(DW, 87), "The Independent"),
        (post(DW, 305), post(INDEPENDENT, 52), "DW"),
        (post(INDEPENDENT, 74), post(DW, 157), "The Independent"),
        (post(DW, 165), post(INDEPENDENT, 90), "DW"),
    ] {
        let e = event_of(&m, &a);
        assert!(e.posts.contains(&b), "{a} and {b}: {:?}", e.posts);
        assert_eq!(e.first_reporter.as_deref(), Some(first), "{a}");
    }
}

#[test]
fn the_article_on_the_second_strike_and_dws_post_on_it_are_one_event() {
    // Its headline and lead match DW's 23:56 post only loosely; its whole text (the convoy, the
    // militia, the six killed that Reuters' source gave) makes them one event.
    let m = merged();
    let article = event_of(&m, &post(ARTICLE, 6));
    assert!(article.posts.contains(&post(DW, 69)), "{:?}", article.posts);
    let merged_by = m
        .explanations
        .iter()
        .find(|x| x.verdict == Verdict::Merged && x.events[0] == article.id)
        .expect("the merge is explained");
    assert!(
        merged_by
            .evidence
            .signals
            .iter()
            .any(|s| s.name == "body" && s.contribution > 0.0),
        "{:?}",
        merged_by.evidence.signals
    );
}

#[test]
fn every_multi_report_event_is_explained() {
    let m = merged();
    for e in m.events.iter().filter(|e| e.posts.len() > 1) {
        assert_eq!(e.evidence.len(), e.posts.len() - 1, "{}", e.id);
        assert!(m.explanations.iter().any(|x| x.verdict == Verdict::Merged
            && x.events[0] == e.id
            && x.evidence.total >= x.threshold));
    }
}
