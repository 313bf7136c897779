//! The merge's checks on times, through `merge`: a report stamped before a time its own text
//! tells as past is in doubt; a later time its text speaks of as to come is no contradiction.

#![allow(
    clippy::expect_used,
    reason = "test helpers: a failure is a panic with a message"
)]

use chrono::{DateTime, Utc};
use dateline_merge::{Options, merge};
use dateline_model::{
    Basis, Document, DocumentKind, ExpressionKind, Granularity, Interval, Post, ResolvedTime,
    TimeExpression, ZoneSource,
};

fn utc(text: &str) -> DateTime<Utc> {
    text.parse().expect("a UTC time")
}

/// An article stamped 20:00 UTC whose text is `text`, with `time` in it read as the minute
/// 23:00 UTC, three hours after the stamp.
fn article(text: &str, time: &str) -> Document {
    let mut doc = Document::new("alpha.txt", "test", text.as_bytes());
    doc.outlet = Some("Alpha News".to_owned());
    doc.kind = DocumentKind::Article;
    let mut post = Post::new(&doc.id, 3);
    post.headline = Some("Depot hit in overnight strike".to_owned());
    post.text = text.to_owned();
    let stamp = utc("2024-03-05T20:00:00Z");
    let basis = Basis::new(
        "test",
        ZoneSource::Stated {
            label: "GMT".to_owned(),
        },
    );
    post.time = Some(ResolvedTime::new(
        3,
        "20:00 GMT",
        stamp,
        stamp.fixed_offset(),
        "UTC",
        basis,
    ));
    let start = text.find(time).expect("the time is in the text");
    let mut expression = TimeExpression::new(
        4,
        [start as u32, (start + time.len()) as u32],
        time,
        "clock",
        ExpressionKind::Instant,
    );
    expression.interval = Some(Interval::new(
        utc("2024-03-05T23:00:00Z"),
        utc("2024-03-05T23:01:00Z"),
        Granularity::Minute,
    ));
    post.expressions.push(expression);
    doc.posts.push(post);
    doc
}

fn checks(doc: Document) -> Vec<String> {
    let merged = merge(&[doc], &Options::default());
    merged
        .events
        .iter()
        .flat_map(|e| e.checks.iter())
        .map(|c| format!("{}: {}", c.code, c.message))
        .collect()
}

#[test]
fn a_past_time_after_the_stamp_puts_the_report_in_doubt_with_the_verb_as_its_clue() {
    let found = checks(article(
        "Officials said the drone struck the depot at 11pm on Tuesday, local time.",
        "at 11pm on Tuesday",
    ));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0]
            .starts_with("before-own-text: Alpha News is stamped 3h00 before `at 11pm on Tuesday`"),
        "{found:?}"
    );
    assert!(found[0].contains("(`said`)"), "{found:?}");
}

#[test]
fn a_later_time_to_come_a_bound_or_a_stamp_line_is_no_contradiction() {
    for (text, time) in [
        (
            "The council will vote on the depot's future at 11pm on Tuesday, officials said.",
            "at 11pm on Tuesday",
        ),
        (
            "The depot stays closed until 11pm on Tuesday, the company said in a statement.",
            "11pm on Tuesday",
        ),
        (
            "Depot hit in overnight strike\n\nUpdated 11pm on Tuesday\n\nOfficials said the depot burned.",
            "11pm on Tuesday",
        ),
    ] {
        assert_eq!(checks(article(text, time)), Vec::<String>::new(), "{text}");
    }
}
