//! Saved HTML and the text a browser copies from the same page give the same posts at the same
//! instants; where the HTML knows more (machine data), it says so and the text copy stays honest.

// Test helpers read fixtures that are part of the repository.
#![allow(clippy::unwrap_used)]

use dateline_model::{Document, Precision};
use dateline_sources::{Options, read};

fn fixture(name: &str) -> (Document, Vec<dateline_model::Diagnostic>) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/pages")
        .join(name);
    let bytes = std::fs::read(&path).unwrap();
    read(name, &bytes, &Options::default())
}

/// The visible posts as (UTC minute, author, headline, first words of the body).
fn posts(doc: &Document) -> Vec<(String, Option<String>, Option<String>, String)> {
    doc.posts
        .iter()
        .filter(|p| p.visible)
        .map(|p| {
            (
                p.time.as_ref().map_or("-".to_owned(), |t| {
                    t.utc.format("%Y-%m-%dT%H:%MZ").to_string()
                }),
                p.author.clone(),
                p.headline.clone(),
                p.text.chars().take(40).collect(),
            )
        })
        .collect()
}

#[test]
fn html_and_text_copies_give_the_same_posts_and_times() {
    for name in [
        "reach-liveblog",
        "cricket-microdata",
        "degenerate-machine-times",
    ] {
        let (html, _) = fixture(&format!("{name}.html"));
        let (text, _) = fixture(&format!("{name}.txt"));
        assert!(!posts(&html).is_empty(), "{name}");
        assert_eq!(posts(&html), posts(&text), "{name}");
        assert_eq!(html.kind, text.kind, "{name}");
        assert_eq!(html.outlet, text.outlet, "{name}");
    }
}

#[test]
fn the_reach_live_blog_reads_at_irish_summer_time_across_midnight() {
    let (doc, _) = fixture("reach-liveblog.txt");
    let times: Vec<String> = posts(&doc).into_iter().map(|p| p.0).collect();
    assert_eq!(
        times,
        vec![
            "2020-10-06T20:22Z",
            "2020-10-06T18:29Z",
            "2020-10-06T17:28Z",
            "2020-10-05T23:44Z"
        ]
    );
    assert_eq!(doc.outlet.as_deref(), Some("Dublin Live"));
}

#[test]
fn an_update_only_in_the_machine_data_is_kept_and_marked() {
    let (doc, diagnostics) = fixture("reach-liveblog.html");
    let hidden: Vec<_> = doc.posts.iter().filter(|p| !p.visible).collect();
    assert_eq!(hidden.len(), 1);
    let post = hidden[0];
    assert_eq!(post.line, 0);
    assert!(post.id.ends_with(":ld-4"));
    assert_eq!(post.headline.as_deref(), Some("Trees down in Phoenix Park"));
    let time = post.time.as_ref().unwrap();
    assert_eq!(time.utc.to_rfc3339(), "2020-10-06T08:02:41+00:00");
    assert_eq!(time.zone, "Europe/Dublin");
    assert!(diagnostics.iter().any(
        |d| d.code == "machine-updates" && d.message.contains("1 are not on the visible page")
    ));
    // The visible posts' times are confirmed by the machine data, and say so.
    let first = doc.posts[0].time.as_ref().unwrap();
    assert!(
        first
            .basis
            .notes
            .iter()
            .any(|n| n.contains("JSON-LD block 1"))
    );
}

#[test]
fn the_html_copy_gives_the_minute_a_date_only_text_copy_cannot() {
    let (html, diagnostics) = fixture("article-date-only.html");
    let (text, _) = fixture("article-date-only.txt");
    let from_html = html.posts[0].time.as_ref().unwrap();
    let from_text = text.posts[0].time.as_ref().unwrap();
    assert_eq!(from_html.utc.to_rfc3339(), "2019-11-19T04:50:22+00:00");
    assert_eq!(from_text.basis.precision, Precision::Day);
    assert_eq!(from_text.local.date_naive().to_string(), "2019-11-18");
    // The visible date is the US date of the same instant: no disagreement is reported.
    assert!(!diagnostics.iter().any(|d| d.code == "page-date-disagrees"));
    assert!(
        diagnostics
            .iter()
            .any(|d| d.code == "article-time-from-machine")
    );
    assert_eq!(html.outlet.as_deref(), Some("SpaceNews"));
}

#[test]
fn machine_times_all_alike_are_not_the_posts_times() {
    let (doc, diagnostics) = fixture("degenerate-machine-times.html");
    assert!(
        diagnostics
            .iter()
            .any(|d| d.code == "machine-times-degenerate")
    );
    let times: Vec<String> = posts(&doc).into_iter().map(|p| p.0).collect();
    assert_eq!(
        times,
        vec![
            "2024-07-04T22:40Z",
            "2024-07-04T21:30Z",
            "2024-07-04T21:01Z"
        ]
    );
    assert!(doc.posts.iter().all(|p| p.visible));
}

#[test]
fn german_and_italian_pages_are_read_in_their_own_words_and_zones() {
    let (doc, _) = fixture("german-liveblog.txt");
    let times: Vec<String> = posts(&doc).into_iter().map(|p| p.0).collect();
    assert_eq!(
        times,
        vec![
            "2024-01-30T14:13Z",
            "2024-01-30T10:02Z",
            "2024-01-30T05:00Z"
        ]
    );
    assert!(doc.updated.is_some());
    let (doc, _) = fixture("italian-article.txt");
    let time = doc.posts[0].time.as_ref().unwrap();
    assert_eq!(time.utc.to_rfc3339(), "2024-01-30T13:30:00+00:00");
    assert_eq!(time.zone, "Europe/Rome");
}

/// Machine times written in local time but labelled UTC stand the same whole hour from every
/// visible clock whose zone the page prints: the visible clocks are kept, with a warning and a
/// note on each post.
#[test]
fn machine_times_shifted_by_a_whole_zone_lose_to_clocks_that_print_theirs() {
    let update = |clock: &str, headline: &str, body: &str| {
        format!(
            r#"{{"@type":"BlogPosting","headline":"{headline}","articleBody":"{body}","datePublished":"2024-07-04T{clock}:00+00:00"}}"#
        )
    };
    let html = format!(
        r#"<!DOCTYPE html><html lang="en-GB"><head><script type="application/ld+json">
{{"@context":"https://schema.org","@type":"LiveBlogPosting","headline":"Storm live: the latest","datePublished":"2024-07-04T08:00:00+01:00","liveBlogUpdate":[{},{},{}]}}
</script></head><body><h1>Storm live: the latest</h1>
<div><p>10.15 BST</p><h2>Roads closed</h2><p>Police have closed the coast road after the sea wall gave way overnight.</p></div>
<div><p>09.30 BST</p><h2>Trains stopped</h2><p>No trains will run between the two towns until the line is checked.</p></div>
<div><p>08.45 BST</p><h2>Schools shut</h2><p>Every school in the county will stay shut today, the council said.</p></div>
</body></html>"#,
        update(
            "10:15",
            "Roads closed",
            "Police have closed the coast road after the sea wall gave way overnight."
        ),
        update(
            "09:30",
            "Trains stopped",
            "No trains will run between the two towns until the line is checked."
        ),
        update(
            "08:45",
            "Schools shut",
            "Every school in the county will stay shut today, the council said."
        ),
    );
    let (doc, diagnostics) = read("shifted.html", html.as_bytes(), &Options::default());
    let times: Vec<String> = posts(&doc).into_iter().map(|p| p.0).collect();
    assert_eq!(
        times,
        vec![
            "2024-07-04T09:15Z",
            "2024-07-04T08:30Z",
            "2024-07-04T07:45Z"
        ]
    );
    assert!(
        diagnostics
            .iter()
            .any(|d| d.code == "machine-times-shifted"),
        "{diagnostics:?}"
    );
    assert!(doc.posts.iter().all(|p| p.visible));
    assert!(doc.posts.iter().all(|p| {
        p.time.as_ref().is_some_and(|t| {
            t.basis
                .notes
                .iter()
                .any(|n| n.contains("visible clock is kept"))
        })
    }));
}
