//! The `html` and `timelinejs` formats, proven in a real client: headless Chromium.
//!
//! Each test writes a timeline, serves it on 127.0.0.1 with a small harness page (in
//! `tests/browser/`), loads it in headless Chromium, and reads what happened from the dumped DOM
//! and the console. The `html` page must work with and without JavaScript, its filters must do what
//! they say, and hostile posts must show as text and run nothing. The `timelinejs` output must
//! render in Knight Lab's TimelineJS with the seed headlines on its slides.
//!
//! Chromium and TimelineJS are installed by `.ci/run`, not by the tests. When one is missing, a test
//! fails under `CI` and otherwise shows as `ignored` with the reason (`skip`: the file runs under
//! libtest-mimic, `harness = false`).

#![allow(
    clippy::expect_used,
    clippy::panic,
    clippy::print_stderr,
    reason = "tests: a failure is a panic with a message; how long Chromium took is a note on stderr"
)]

#[path = "browser/chromium.rs"]
mod chromium;
mod common;
mod skip;

use skip::Outcome;

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use chromium::{Rendered, Server};
use chrono::{DateTime, FixedOffset, Utc};
use dateline_formats::{Format, WriteOptions, by_name};
use dateline_model::{Basis, Document, DocumentKind, Post, ResolvedTime, Timeline, ZoneSource};
use serde_json::Value;

const HTML_HARNESS: &str = include_str!("browser/html-harness.html");
const TIMELINEJS_HARNESS: &str = include_str!("browser/timelinejs-harness.html");

/// Every seed read and merged into one timeline, as `dateline timeline seeds` does.
fn seeds() -> Timeline {
    common::seed_timeline(usize::MAX)
}

fn timeline(
    documents: Vec<Document>,
    mut diagnostics: Vec<dateline_model::Diagnostic>,
) -> Timeline {
    let merged = dateline_merge::merge(&documents, &dateline_merge::Options::default());
    diagnostics.extend(merged.diagnostics);
    let mut timeline = Timeline::default();
    timeline.documents = documents;
    timeline.events = merged.events;
    timeline.diagnostics = diagnostics;
    timeline
}

/// Posts written to attack whoever opens the output: each payload, if it ran, would set
/// `window.pwned`, retitle the page `pwned`, or add a `<pwned>` element or a `data-pwned` attribute.
const PAYLOADS: [&str; 6] = [
    "<script>document.title='pwned'</script>",
    "<img src=x onerror=\"document.body.appendChild(document.createElement('pwned'))\">",
    "\"><svg onload=\"window.pwned=1\"> ' onmouseover='window.pwned=1' x='",
    "</li></ol></main><script>window.pwned=1</script>",
    "<iframe srcdoc=\"<script>parent.pwned=1</script>\"></iframe>",
    "<a href=\"javascript:window.pwned=1\" data-pwned=1>click</a> &lt;b&gt; &amp; AT&T",
];

/// Two documents from outlets with hostile names whose posts carry [`PAYLOADS`].
fn hostile() -> Timeline {
    let mut documents = Vec::new();
    for (n, (outlet, path)) in [
        (
            "<img src=x onerror=\"window.pwned=1\">Evil & Co",
            "seeds/<script>window.pwned=1</script>.txt",
        ),
        ("</label><script>window.pwned=1</script>", "seeds/b.txt"),
    ]
    .into_iter()
    .enumerate()
    {
        let mut doc = Document::new(path, "generic", format!("hostile {n}").as_bytes());
        doc.kind = DocumentKind::LiveBlog;
        doc.outlet = Some(outlet.to_owned());
        doc.title = Some(PAYLOADS[0].to_owned());
        for (i, payload) in PAYLOADS.iter().enumerate() {
            let line = u32::try_from(10 * i + 5 + n).expect("a small line number");
            // Both outlets report every payload; the second has the even ones first.
            let minute = match (n, i % 2) {
                (0, _) => 10 * i + 5,
                (_, 0) => 10 * i + 1,
                _ => 10 * i + 8,
            };
            let utc: DateTime<Utc> = format!("2020-01-03T12:{minute:02}:00Z")
                .parse()
                .expect("a time");
            let local: DateTime<FixedOffset> = utc.fixed_offset();
            let basis = Basis::new("iso-8601", ZoneSource::Given);
            let mut post = Post::new(&doc.id, line);
            post.time = Some(ResolvedTime::new(
                line,
                utc.to_rfc3339(),
                utc,
                local,
                "UTC",
                basis,
            ));
            if i % 2 == 0 {
                post.headline = Some(format!("{payload} headline {n}{i}"));
            }
            post.text = format!("{payload} body {n}{i}. Second sentence.");
            doc.posts.push(post);
        }
        documents.push(doc);
    }
    timeline(documents, Vec::new())
}

/// The headlines of two seed events every rendering must show: CNN's "Rocket strikes Baghdad's
/// Green Zone" and the event with DW's post on Trump's tweet (whose headline depends on what the
/// merge joins it with).
fn landmarks(timeline: &Timeline) -> Vec<String> {
    let reports = |event: &dateline_model::Event, needle: &str| {
        event.posts.iter().any(|id| {
            timeline.post(id).is_some_and(|(_, post)| {
                post.headline.as_deref().is_some_and(|h| h.contains(needle))
                    || post.text.contains(needle)
            })
        })
    };
    let found: Vec<String> = ["Rocket strikes Baghdad's Green Zone", "cryptic tweet"]
        .into_iter()
        .map(|needle| {
            timeline
                .events
                .iter()
                .find(|event| reports(event, needle))
                .map(|event| event.headline.clone())
                .unwrap_or_else(|| panic!("no seed event reports {needle:?}"))
        })
        .collect();
    assert_eq!(found[0], "Rocket strikes Baghdad's Green Zone");
    found
}

/// Text as a serialised DOM holds it: `&`, `<`, `>` and no-break spaces as references.
fn dom_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('\u{a0}', "&nbsp;")
}

fn write(format: &str, timeline: &Timeline) -> Vec<u8> {
    let format: &dyn Format = by_name(format).expect("a built-in format");
    let mut out = Vec::new();
    format
        .write(timeline, &WriteOptions::default(), &mut out)
        .expect("writing to a Vec");
    out
}

/// The JSON object a harness wrote into `<pre id="results">`.
fn results(rendered: &Rendered) -> Value {
    let text = chromium::pre_text(&rendered.dom, "results").unwrap_or_else(|| {
        panic!(
            "no results in the DOM; console: {:#?}\n{}",
            rendered.console, rendered.dom
        )
    });
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("results are not JSON ({e}): {text}"))
}

/// The outlets as the page numbers them (sorted by name), each event's outlets and first reporter.
/// Per event: its outlets and its first reporter.
type PerEvent<'a> = Vec<(Vec<&'a str>, Option<&'a str>)>;

fn expected_outlets(timeline: &Timeline) -> (Vec<String>, PerEvent<'_>) {
    let names: BTreeSet<&str> = timeline
        .events
        .iter()
        .flat_map(|e| e.outlets.iter().map(String::as_str))
        .collect();
    let events = timeline
        .events
        .iter()
        .map(|e| {
            let outlets = e.outlets.iter().map(String::as_str).collect();
            let first = e
                .first_reporter
                .as_deref()
                .or(e.outlets.first().map(String::as_str));
            (outlets, first)
        })
        .collect();
    (names.into_iter().map(str::to_owned).collect(), events)
}

/// Serves the html page under `/page.html` with its harness and returns what the harness saw.
fn render_html(chromium: &Path, timeline: &Timeline) -> (Rendered, Value) {
    let mut files = HashMap::new();
    files.insert(
        "/harness.html".to_owned(),
        ("text/html; charset=utf-8", HTML_HARNESS.as_bytes().to_vec()),
    );
    files.insert(
        "/page.html".to_owned(),
        ("text/html; charset=utf-8", write("html", timeline)),
    );
    let server = Server::new(files);
    let rendered = chromium::render(chromium, &server.url("/harness.html"));
    let value = results(&rendered);
    eprintln!(
        "note: Chromium rendered the html harness in {:?}",
        rendered.took
    );
    (rendered, value)
}

fn html_renders_without_errors_and_its_filters_work() -> Outcome {
    let chromium = chromium::require(chromium::chromium())?;
    let timeline = seeds();
    let (rendered, seen) = render_html(&chromium, &timeline);
    assert!(
        rendered.console.is_empty(),
        "console: {:#?}",
        rendered.console
    );
    assert_eq!(seen["error"], Value::Null, "{seen}");
    let events = timeline.events.len();
    assert!(events > 100, "the seeds make many events");
    assert_eq!(seen["title"], "Timeline");
    assert_eq!(
        seen["scripted"], true,
        "the script ran under the page's CSP"
    );
    assert_eq!(seen["controlsShown"], true);
    assert_eq!(seen["events"], events);
    assert_eq!(seen["visible"], events);
    assert_eq!(seen["shown"], events.to_string());
    assert_eq!(seen["images"], 0);
    assert_eq!(seen["scripts"], 1);
    assert_eq!(seen["pwned"], 0);
    let text = seen["text"].as_str().expect("the page's text");
    for headline in landmarks(&timeline) {
        assert!(text.contains(&headline), "{headline}");
    }
    assert!(text.contains("US President Donald Trump responded with a cryptic tweet on Iran"));

    // Unchecking the first outlet hides exactly the events no other outlet reports.
    let (outlets, per_event) = expected_outlets(&timeline);
    assert_eq!(seen["outlets"], outlets.len());
    let first_outlet = outlets[0].as_str();
    let without = per_event
        .iter()
        .filter(|(o, _)| o.iter().any(|o| *o != first_outlet))
        .count();
    assert!(without < events, "the first outlet reports something");
    assert_eq!(seen["withoutFirstOutlet"], without);
    assert_eq!(seen["shownWithoutFirstOutlet"], without.to_string());
    assert_eq!(seen["none"], 0);
    assert_eq!(seen["daysNone"], 0);
    assert_eq!(seen["all"], events);

    // The first-reporter view filters on the first reporter only.
    assert_eq!(seen["firstView"], true);
    let with_first = per_event.iter().filter(|(_, f)| f.is_some()).count();
    assert_eq!(seen["first"], with_first);
    let first_elsewhere = per_event
        .iter()
        .filter(|(_, f)| f.is_some_and(|f| f != first_outlet))
        .count();
    assert_eq!(seen["firstWithoutFirstOutlet"], first_elsewhere);
    Ok(())
}

fn html_reads_without_javascript() -> Outcome {
    let chromium = chromium::require(chromium::chromium())?;
    let timeline = seeds();
    let mut files = HashMap::new();
    files.insert(
        "/page.html".to_owned(),
        ("text/html; charset=utf-8", write("html", &timeline)),
    );
    // Chromium's --dump-dom needs scripting on, so the server turns the page's script off instead:
    // a CSP header that allows no script at all, on top of the page's own policy.
    let server = Server::with_header(files, Some("Content-Security-Policy: script-src 'none'"));
    let rendered = chromium::render(&chromium, &server.url("/page.html"));
    eprintln!(
        "note: Chromium rendered the html page without JavaScript in {:?}",
        rendered.took
    );
    // The one thing said on the console is that our script was blocked.
    assert_eq!(
        rendered.console.len(),
        1,
        "console: {:#?}",
        rendered.console
    );
    assert!(rendered.console[0].contains("Content Security Policy"));
    let dom = &rendered.dom;
    assert!(
        dom.starts_with("<!DOCTYPE html>\n<html lang=\"en\"><head>"),
        "{dom}"
    );
    assert!(!dom.contains("class=\"js"), "the script did not run");
    assert_eq!(
        dom.matches("<li class=\"event\"").count(),
        timeline.events.len()
    );
    for headline in landmarks(&timeline) {
        assert!(
            dom.contains(&format!("<h3>{}</h3>", dom_text(&headline))),
            "{headline}"
        );
    }
    assert!(dom.contains("<h2>Friday 3 January 2020</h2>"));
    assert!(dom.contains("<code class=\"source\">seeds/"));
    Ok(())
}

fn html_shows_a_page_dated_only_by_its_day_on_that_day() -> Outcome {
    let chromium = chromium::require(chromium::chromium())?;
    let timeline = common::dated_timeline();
    let (rendered, seen) = render_html(&chromium, &timeline);
    assert!(
        rendered.console.is_empty(),
        "console: {:#?}",
        rendered.console
    );
    assert_eq!(seen["events"], 3, "{seen}");
    assert_eq!(seen["visible"], 3, "{seen}");
    // The page's text as the reader sees it, day by day: the storm, 23:30 UTC on the 14th, on the
    // 14th; both pages dated the 15th on the 15th, Berlin's too, though its day starts at 22:00
    // UTC on the 14th.
    let text = seen["text"].as_str().expect("the page's text");
    let (_, days) = text
        .split_once("Tuesday 14 April 2020")
        .expect("a heading for the 14th");
    let (fourteenth, fifteenth) = days
        .split_once("Wednesday 15 April 2020")
        .expect("a heading for the 15th after it");
    let fifteenth = fifteenth.split("Sources").next().unwrap_or_default();
    assert!(fourteenth.contains("23:30 UTC \u{b7} Sky News\nStorm closes the port of Ostmark"));
    assert!(!fourteenth.contains("date only"), "{fourteenth}");
    for (outlet, headline, source) in [
        (
            "DW",
            "Harbour authority picks three firms for Kelport ferry terminal",
            "pages/berlin.txt:4",
        ),
        (
            "Chicago Tribune",
            "City council approves new lakefront park budget",
            "pages/chicago.txt:4",
        ),
    ] {
        let shown = format!(
            "date only \u{b7} {outlet}\n{headline}\n\n{outlet} 15 Apr 2020 same day {source}"
        );
        assert!(fifteenth.contains(&shown), "{shown:?} in {fifteenth:?}");
    }
    assert!(!text.contains("14 Apr 2020"), "{text}");
    Ok(())
}

fn html_shows_hostile_posts_as_text_and_runs_nothing() -> Outcome {
    let chromium = chromium::require(chromium::chromium())?;
    let mut timeline = hostile();
    // The first page claims an address that would break out of its attribute, and is not linked;
    // the second's is, beside each of its reports and in the sources, and leads there alone.
    timeline.documents[0].context.url =
        Some("https://evil.example/\"><script>window.pwned=1</script>".to_owned());
    let address = "https://b.example/live?x=1&y='2'";
    timeline.documents[1].context.url = Some(address.to_owned());
    let page = String::from_utf8(write("html", &timeline)).expect("UTF-8 HTML");
    let originals = page.matches("<a class=\"original\"").count();
    assert!(originals > 1, "{page}");
    assert!(!timeline.events.is_empty());
    let (rendered, seen) = render_html(&chromium, &timeline);
    // An injected script or handler would also show here, as a CSP violation.
    assert!(
        rendered.console.is_empty(),
        "console: {:#?}",
        rendered.console
    );
    assert_eq!(seen["error"], Value::Null, "{seen}");
    assert_eq!(seen["pwned"], 0, "{seen}");
    assert_eq!(seen["title"], "Timeline");
    assert_eq!(seen["images"], 0);
    assert_eq!(seen["frames"], 0);
    assert_eq!(seen["svgs"], 0);
    assert_eq!(seen["links"], originals);
    let hrefs = seen["hrefs"].as_array().expect("the links' addresses");
    assert!(
        hrefs
            .iter()
            .all(|h| h == "https://b.example/live?x=1&y=%272%27"),
        "{hrefs:?}"
    );
    assert_eq!(seen["scripts"], 1, "only the page's own script");
    assert_eq!(seen["scripted"], true);
    let text = seen["text"].as_str().expect("the page's text");
    for payload in PAYLOADS {
        assert!(text.contains(payload), "shown as text: {payload}\n{text}");
    }
    assert!(text.contains("<img src=x onerror=\"window.pwned=1\">Evil & Co"));
    assert!(text.contains("</label><script>window.pwned=1</script>"));
    assert!(text.contains("seeds/<script>window.pwned=1</script>.txt:5"));
    Ok(())
}

/// Our timelinejs output, inlined into the TimelineJS harness and served with the package's files.
fn render_timelinejs(chromium: &Path, package: &Path, timeline: &Timeline) -> (Rendered, Value) {
    let data = String::from_utf8(write("timelinejs", timeline)).expect("UTF-8 JSON");
    // Inside a <script> element, `</script` would end it: JSON allows `\u003c` for `<` anywhere.
    let inline = data.replace('<', "\\u003c");
    let page = TIMELINEJS_HARNESS.replace("/*DATELINE_TIMELINEJS*/", &inline);
    let read = |path: &str| std::fs::read(package.join(path)).expect("a TimelineJS file");
    let mut files = HashMap::new();
    files.insert(
        "/harness.html".to_owned(),
        ("text/html; charset=utf-8", page.into_bytes()),
    );
    files.insert(
        "/timeline.js".to_owned(),
        (
            "text/javascript; charset=utf-8",
            read("dist/js/timeline.js"),
        ),
    );
    files.insert(
        "/timeline.css".to_owned(),
        ("text/css; charset=utf-8", read("dist/css/timeline.css")),
    );
    let server = Server::new(files);
    let rendered = chromium::render(chromium, &server.url("/harness.html"));
    eprintln!(
        "note: Chromium rendered the TimelineJS harness in {:?}",
        rendered.took
    );
    let errors = chromium::pre_text(&rendered.dom, "errors").unwrap_or_default();
    assert_eq!(errors, "", "errors in the page");
    let uncaught: Vec<_> = rendered
        .console
        .iter()
        .filter(|line| line.contains("Uncaught") || line.contains("Content Security Policy"))
        .collect();
    assert!(uncaught.is_empty(), "console: {uncaught:#?}");
    let value = results(&rendered);
    (rendered, value)
}

fn timelinejs_renders_the_seed_headlines_on_its_slides() -> Outcome {
    let chromium = chromium::require(chromium::chromium())?;
    let package = chromium::require(chromium::timelinejs())?;
    let timeline = seeds();
    let (rendered, seen) = render_timelinejs(&chromium, &package, &timeline);
    assert_eq!(
        seen["slides"],
        timeline.events.len() + 1,
        "a title and one slide per event"
    );
    let headlines: Vec<&str> = seen["headlines"]
        .as_array()
        .expect("headlines")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(headlines.first(), Some(&"Timeline"));
    for headline in landmarks(&timeline) {
        assert!(
            headlines.contains(&headline.as_str()),
            "{headline} in {headlines:#?}"
        );
        // And in the rendered DOM itself, as a slide's headline.
        assert!(
            rendered
                .dom
                .contains(&format!("{}</h2>", dom_text(&headline))),
            "{headline} as a slide headline"
        );
    }
    let dates: Vec<&str> = seen["dates"]
        .as_array()
        .expect("dates")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    // The title slide has no date; every event's slide shows its own, in UTC.
    let expected: Vec<String> = timeline
        .events
        .iter()
        .map(|e| e.utc.format("%-d %b %Y %H:%M UTC").to_string())
        .collect();
    assert_eq!(dates.first(), Some(&""));
    assert_eq!(dates[1..], expected, "slide dates");
    let groups: BTreeSet<&str> = seen["groups"]
        .as_array()
        .expect("groups")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let (outlets, _) = expected_outlets(&timeline);
    let outlets: BTreeSet<&str> = outlets.iter().map(String::as_str).collect();
    assert_eq!(
        groups, outlets,
        "one group per outlet in the time navigator"
    );
    let text = seen["text"].as_str().expect("slide texts");
    assert!(
        text.contains("seeds/004_2efaa9d9c244e32e.txt:"),
        "sources on the slides"
    );
    assert!(text.contains("US President Donald Trump responded with a cryptic tweet on Iran"));
    Ok(())
}

fn timelinejs_shows_a_page_dated_only_by_its_day_on_that_day() -> Outcome {
    let chromium = chromium::require(chromium::chromium())?;
    let package = chromium::require(chromium::timelinejs())?;
    let timeline = common::dated_timeline();
    let (_, seen) = render_timelinejs(&chromium, &package, &timeline);
    assert_eq!(seen["slides"], 4, "a title and one slide per event: {seen}");
    let slides: Vec<(&str, &str)> = seen["headlines"]
        .as_array()
        .expect("headlines")
        .iter()
        .zip(seen["dates"].as_array().expect("dates"))
        .skip(1)
        .filter_map(|(h, d)| Some((h.as_str()?, d.as_str()?)))
        .collect();
    // TimelineJS orders the slides by their start: the storm on the 14th, then the 15th's.
    assert_eq!(slides.len(), 3, "{seen}");
    assert_eq!(
        slides[0],
        ("Storm closes the port of Ostmark", "14 Apr 2020 23:30 UTC")
    );
    let mut dated = slides[1..].to_vec();
    dated.sort_unstable();
    assert_eq!(
        dated,
        [
            (
                "City council approves new lakefront park budget",
                "15 Apr 2020, date only"
            ),
            (
                "Harbour authority picks three firms for Kelport ferry terminal",
                "15 Apr 2020, date only"
            ),
        ]
    );
    let text = seen["text"].as_str().expect("slide texts");
    assert_eq!(text.matches("15 Apr 2020 (same day)").count(), 2, "{text}");
    Ok(())
}

fn timelinejs_shows_hostile_posts_as_text_and_runs_nothing() -> Outcome {
    let chromium = chromium::require(chromium::chromium())?;
    let package = chromium::require(chromium::timelinejs())?;
    let mut timeline = hostile();
    // As in the html test: one page's address is not linked, the other's is, and alone.
    timeline.documents[0].context.url =
        Some("https://evil.example/\"><script>window.pwned=1</script>".to_owned());
    timeline.documents[1].context.url = Some("https://b.example/live?x=1&y='2'".to_owned());
    let (rendered, seen) = render_timelinejs(&chromium, &package, &timeline);
    assert_eq!(seen["pwned"], 0, "{seen}");
    let hrefs = seen["hrefs"].as_array().expect("the links' addresses");
    assert!(!hrefs.is_empty(), "the slides link to the original pages");
    assert!(
        hrefs
            .iter()
            .all(|h| h == "https://b.example/live?x=1&y=%272%27"),
        "{hrefs:?}"
    );
    assert_eq!(seen["images"], 0, "{seen}");
    assert!(!rendered.dom.contains("<pwned"));
    let headlines: Vec<&str> = seen["headlines"]
        .as_array()
        .expect("headlines")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let headlines = headlines.join("\n");
    let text = seen["text"].as_str().expect("slide texts");
    for payload in PAYLOADS {
        assert!(headlines.contains(payload), "{payload} in {headlines}");
        assert!(text.contains(payload), "{payload} in {text}");
    }
    let groups: BTreeSet<&str> = seen["groups"]
        .as_array()
        .expect("groups")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(
        groups,
        BTreeSet::from([
            "<img src=x onerror=\"window.pwned=1\">Evil & Co",
            "</label><script>window.pwned=1</script>",
        ])
    );
    Ok(())
}

fn main() -> std::process::ExitCode {
    skip::run(tests![
        html_renders_without_errors_and_its_filters_work,
        html_reads_without_javascript,
        html_shows_a_page_dated_only_by_its_day_on_that_day,
        html_shows_hostile_posts_as_text_and_runs_nothing,
        timelinejs_renders_the_seed_headlines_on_its_slides,
        timelinejs_shows_a_page_dated_only_by_its_day_on_that_day,
        timelinejs_shows_hostile_posts_as_text_and_runs_nothing,
    ])
}
