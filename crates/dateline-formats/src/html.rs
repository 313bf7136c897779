//! `html`: one self-contained page, readable without JavaScript, with filters when it runs.

use std::collections::BTreeMap;
use std::io::{self, Write};

use base64::Engine as _;
use chrono::{DateTime, NaiveDate, Timelike, Utc};
use dateline_model::{Diagnostic, DocumentKind, Event, Severity, Timeline};
use sha2::{Digest, Sha256};

use crate::reports::{self, Index, Report};
use crate::{Error, Format, WriteOptions};

/// The page's style sheet, inlined in a `<style>` element.
const STYLE: &str = include_str!("html/style.css");

/// The page's script, inlined in a `<script>` element at the end of the body.
const SCRIPT: &str = include_str!("html/script.js");

/// A timeline as one HTML page that needs nothing else: no network, no fonts, no images.
///
/// Without JavaScript it is a plain document: the events grouped by UTC day (an event whose page
/// prints only a date under that date, first, as `date only`), each with its time,
/// headline, outlets, first reporter and reports (outlet, time, lag, a line of text, the source
/// `path:line` and a link to the original page when it has an `http` or `https` address), then the
/// sources and the warnings and errors. A page whose outlet is unknown is named by its address's
/// domain, or `unknown outlet`, in the reports and the outlet filter alike. With JavaScript, a form above the
/// events filters them by outlet (checkboxes) and switches to a first-reporter view, which shows the
/// events the checked outlets had first and highlights the first report.
///
/// Every piece of text from a page is HTML-escaped (`&`, `<`, `>`, `"`, `'`), in text and in
/// attributes alike. The script never turns text into markup: it reads `data-` attributes (outlet
/// numbers) and toggles classes. A Content-Security-Policy allows only the page's own inline style
/// and script, by their SHA-256 hashes, and nothing from the network.
#[derive(Debug, Clone, Copy, Default)]
pub struct Html;

impl Format for Html {
    fn name(&self) -> &'static str {
        "html"
    }

    fn description(&self) -> &'static str {
        "one self-contained web page grouped by UTC day; filters by outlet and a first-reporter view with JavaScript"
    }

    fn write(
        &self,
        timeline: &Timeline,
        _options: &WriteOptions,
        out: &mut dyn io::Write,
    ) -> Result<(), Error> {
        let mut out = io::BufWriter::new(out);
        write_page(timeline, &mut out)?;
        out.flush()?;
        Ok(())
    }
}

/// An event with its reports, ready to write.
struct Item<'a> {
    event: &'a Event,
    reports: Vec<Report<'a>>,
    first: Option<&'a str>,
    /// Every outlet that reports it: the event's own list, then any other report's.
    outlets: Vec<&'a str>,
}

fn items(timeline: &Timeline) -> Vec<Item<'_>> {
    let index = Index::new(timeline);
    reports::by_day(&timeline.events)
        .into_iter()
        .map(|event| {
            let reports = index.reports(event);
            let first = reports::first_reporter(event, &reports);
            let mut outlets: Vec<&str> = Vec::new();
            let named = event.outlets.iter().map(String::as_str);
            for outlet in named.chain(reports.iter().map(|r| r.outlet)) {
                if !outlet.is_empty() && !outlets.contains(&outlet) {
                    outlets.push(outlet);
                }
            }
            Item {
                event,
                reports,
                first,
                outlets,
            }
        })
        .collect()
}

/// For one outlet: its number in the page, how many events it reports and how many it had first.
#[derive(Default)]
struct Tally {
    number: usize,
    events: usize,
    first: usize,
}

fn tallies<'a>(items: &[Item<'a>]) -> BTreeMap<&'a str, Tally> {
    let mut tallies: BTreeMap<&str, Tally> = BTreeMap::new();
    for item in items {
        for outlet in &item.outlets {
            tallies.entry(outlet).or_default().events += 1;
        }
        if let Some(first) = item.first {
            tallies.entry(first).or_default().first += 1;
        }
    }
    for (number, tally) in tallies.values_mut().enumerate() {
        tally.number = number;
    }
    tallies
}

fn write_page(timeline: &Timeline, out: &mut dyn Write) -> io::Result<()> {
    let items = items(timeline);
    let tallies = tallies(&items);
    writeln!(out, "<!DOCTYPE html>")?;
    writeln!(out, "<html lang=\"en\">")?;
    writeln!(out, "<head>")?;
    writeln!(out, "<meta charset=\"utf-8\">")?;
    writeln!(
        out,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    )?;
    writeln!(
        out,
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
        content_security_policy()
    )?;
    writeln!(out, "<meta name=\"generator\" content=\"dateline\">")?;
    writeln!(out, "<title>Timeline</title>")?;
    writeln!(out, "<style>{STYLE}</style>")?;
    writeln!(out, "</head>")?;
    writeln!(out, "<body>")?;
    writeln!(out, "<header>")?;
    writeln!(out, "<h1>Timeline</h1>")?;
    if timeline.documents.is_empty() && timeline.events.is_empty() {
        writeln!(out, "<p>No events: no documents were read.</p>")?;
    } else {
        writeln!(
            out,
            "<p>{} from {}, times in UTC.</p>",
            count(timeline.events.len(), "event", "events"),
            count(timeline.documents.len(), "document", "documents"),
        )?;
    }
    writeln!(out, "</header>")?;
    if !items.is_empty() {
        write_controls(&tallies, items.len(), out)?;
    }
    write_events(timeline, &items, &tallies, out)?;
    write_sources(timeline, out)?;
    write_diagnostics(&timeline.diagnostics, out)?;
    writeln!(out, "<script>{SCRIPT}</script>")?;
    writeln!(out, "</body>")?;
    writeln!(out, "</html>")
}

/// The filter form. Hidden by the style sheet until the script marks the page as scripted.
fn write_controls(
    tallies: &BTreeMap<&str, Tally>,
    events: usize,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(
        out,
        "<form id=\"controls\" class=\"controls\" aria-label=\"Filter the events\">"
    )?;
    writeln!(out, "<fieldset>")?;
    writeln!(out, "<legend>Outlets</legend>")?;
    for (outlet, tally) in tallies {
        writeln!(
            out,
            "<label><input type=\"checkbox\" data-outlet=\"{}\" checked> {} <span class=\"count\">({}, first on {})</span></label>",
            tally.number,
            escape(outlet),
            count(tally.events, "event", "events"),
            tally.first,
        )?;
    }
    writeln!(
        out,
        "<button type=\"button\" data-select=\"all\">All</button><button type=\"button\" data-select=\"none\">None</button>"
    )?;
    writeln!(out, "</fieldset>")?;
    writeln!(out, "<fieldset>")?;
    writeln!(out, "<legend>Show the events</legend>")?;
    writeln!(
        out,
        "<label><input type=\"radio\" name=\"view\" value=\"any\" checked> reported by a checked outlet</label>"
    )?;
    writeln!(
        out,
        "<label><input type=\"radio\" name=\"view\" value=\"first\"> first reported by a checked outlet</label>"
    )?;
    writeln!(out, "</fieldset>")?;
    writeln!(
        out,
        "<p><output id=\"shown\">{events}</output> of {} shown.</p>",
        count(events, "event", "events")
    )?;
    writeln!(out, "</form>")
}

fn write_events(
    timeline: &Timeline,
    items: &[Item<'_>],
    tallies: &BTreeMap<&str, Tally>,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(out, "<main>")?;
    if items.is_empty() {
        let timed = timeline
            .documents
            .iter()
            .flat_map(|d| &d.posts)
            .any(|p| p.time.is_some());
        // With no documents, the header has already said so.
        if !timeline.documents.is_empty() {
            let why = if timed {
                "the posts have not been merged into events"
            } else {
                "no post has a resolved time"
            };
            writeln!(out, "<p>No events: {why}.</p>")?;
        }
    }
    let number = |outlet: &str| tallies.get(outlet).map(|t| t.number.to_string());
    let mut day: Option<NaiveDate> = None;
    for item in items {
        let event = item.event;
        let date = reports::day(event);
        if day != Some(date) {
            if day.is_some() {
                writeln!(out, "</ol>")?;
                writeln!(out, "</section>")?;
            }
            day = Some(date);
            writeln!(
                out,
                "<section class=\"day\" id=\"day-{}\">",
                date.format("%Y-%m-%d")
            )?;
            writeln!(out, "<h2>{}</h2>", date.format("%A %-d %B %Y"))?;
            writeln!(out, "<ol class=\"events\">")?;
        }
        let numbers: Vec<String> = item.outlets.iter().filter_map(|o| number(o)).collect();
        writeln!(
            out,
            "<li class=\"event\" id=\"event-{}\" data-outlets=\"{}\" data-first=\"{}\">",
            escape(&event.id),
            numbers.join(" "),
            item.first.and_then(number).unwrap_or_default(),
        )?;
        let outlets: Vec<String> = item.outlets.iter().map(|o| escape(&one_line(o))).collect();
        let reporters = match (outlets.is_empty(), item.first) {
            (true, _) => String::new(),
            (false, Some(first)) if outlets.len() > 1 => format!(
                " \u{b7} <span class=\"outlets\">{}</span>; first reporter: <strong>{}</strong>",
                outlets.join(", "),
                escape(&one_line(first))
            ),
            (false, _) => format!(
                " \u{b7} <span class=\"outlets\">{}</span>",
                outlets.join(", ")
            ),
        };
        if let Some(printed) = reports::printed_date(event) {
            writeln!(
                out,
                "<p class=\"when\"><time datetime=\"{}\">date only</time>{reporters}</p>",
                printed.format("%Y-%m-%d"),
            )?;
        } else {
            writeln!(
                out,
                "<p class=\"when\"><time datetime=\"{}\">{} UTC</time>{reporters}</p>",
                rfc3339(&event.utc),
                clock(&event.utc)
            )?;
        }
        let headline = one_line(&event.headline);
        if headline.is_empty() {
            writeln!(out, "<h3>(no headline)</h3>")?;
        } else {
            writeln!(out, "<h3>{}</h3>", escape(&headline))?;
        }
        write_reports(item, out)?;
        if !event.checks.is_empty() {
            writeln!(out, "<ul class=\"checks\">")?;
            for check in &event.checks {
                writeln!(
                    out,
                    "<li>time in doubt: {} (<code>{}</code>)</li>",
                    escape(&one_line(&check.message)),
                    escape(&check.code)
                )?;
            }
            writeln!(out, "</ul>")?;
        }
        writeln!(out, "</li>")?;
    }
    if day.is_some() {
        writeln!(out, "</ol>")?;
        writeln!(out, "</section>")?;
    }
    writeln!(out, "</main>")
}

fn write_reports(item: &Item<'_>, out: &mut dyn Write) -> io::Result<()> {
    if item.reports.is_empty() {
        return Ok(());
    }
    let event_day = reports::day(item.event);
    // The first reporter's earliest report is the one marked first.
    let first = item
        .first
        .and_then(|first| item.reports.iter().position(|r| r.outlet == first));
    writeln!(out, "<ul class=\"reports\">")?;
    for (i, report) in item.reports.iter().enumerate() {
        let class = if first == Some(i) {
            "report first"
        } else {
            "report"
        };
        write!(out, "<li class=\"{class}\">")?;
        if !report.outlet.is_empty() {
            write!(
                out,
                "<span class=\"outlet\">{}</span> ",
                escape(report.outlet)
            )?;
        }
        match (report.date, report.utc) {
            // The day the page prints, alone: no time of day, and no zone.
            (Some(printed), _) => write!(
                out,
                "<time datetime=\"{}\">{}</time> ",
                printed.format("%Y-%m-%d"),
                printed.format("%-d %b %Y")
            )?,
            (None, Some(utc)) => {
                let when = if utc.date_naive() == event_day {
                    clock(&utc)
                } else {
                    format!("{} {}", utc.format("%-d %b %Y"), clock(&utc))
                };
                write!(
                    out,
                    "<time datetime=\"{}\">{when} UTC</time> ",
                    rfc3339(&utc)
                )?;
            }
            (None, None) => {}
        }
        if let Some(lag) = report.shown_lag() {
            write!(out, "<span class=\"lag\">{}</span> ", escape(&lag))?;
        }
        if first == Some(i) && item.reports.len() > 1 {
            write!(out, "<span class=\"badge\">first</span> ")?;
        }
        if !report.text.is_empty() && report.text != one_line(&item.event.headline) {
            write!(out, "{} ", escape(&report.text))?;
        }
        write!(
            out,
            "<code class=\"source\">{}</code>",
            escape(&report.source())
        )?;
        if let Some(url) = report.url {
            write!(out, " {}", original_link(url))?;
        }
        writeln!(out, "</li>")?;
    }
    writeln!(out, "</ul>")
}

fn write_sources(timeline: &Timeline, out: &mut dyn Write) -> io::Result<()> {
    if timeline.documents.is_empty() {
        return Ok(());
    }
    writeln!(out, "<section id=\"sources\">")?;
    writeln!(out, "<h2>Sources</h2>")?;
    writeln!(out, "<ul class=\"sources\">")?;
    for doc in &timeline.documents {
        let mut outlet = escape(&one_line(reports::outlet(doc)));
        if let Some(url) = reports::url(doc) {
            outlet = format!("{outlet} ({})", original_link(url));
        }
        writeln!(
            out,
            "<li><code>{}</code>: {outlet}; layout <code>{}</code>; {}; {}</li>",
            escape(&doc.path),
            escape(&doc.layout),
            kind(doc.kind),
            count(doc.posts.len(), "post", "posts"),
        )?;
    }
    writeln!(out, "</ul>")?;
    writeln!(out, "</section>")
}

fn write_diagnostics(diagnostics: &[Diagnostic], out: &mut dyn Write) -> io::Result<()> {
    let infos = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Info)
        .count();
    let mut listed: Vec<&Diagnostic> = diagnostics
        .iter()
        .filter(|d| d.severity > Severity::Info)
        .collect();
    listed.sort_by(|a, b| (&a.path, a.cited_line()).cmp(&(&b.path, b.cited_line())));
    writeln!(out, "<section id=\"diagnostics\">")?;
    writeln!(out, "<h2>Diagnostics</h2>")?;
    if listed.is_empty() {
        writeln!(out, "<p>No warnings or errors.</p>")?;
    } else {
        writeln!(out, "<ul class=\"diagnostics\">")?;
        for d in &listed {
            let severity = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "info",
            };
            let place = match (&d.path, d.cited_line()) {
                (Some(path), Some(line)) => format!(" <code>{}:{line}</code>", escape(path)),
                (Some(path), None) => format!(" <code>{}</code>", escape(path)),
                (None, Some(line)) => format!(" line {line}"),
                (None, None) => String::new(),
            };
            writeln!(
                out,
                "<li><strong>{severity}</strong>{place}: {} (<code>{}</code>)</li>",
                message(&d.message),
                escape(&d.code)
            )?;
        }
        writeln!(out, "</ul>")?;
    }
    if infos > 0 {
        writeln!(
            out,
            "<p>{} not listed here; the <code>json</code> format has them all.</p>",
            count(infos, "info diagnostic", "info diagnostics")
        )?;
    }
    writeln!(out, "</section>")
}

/// A link to a report's original page, [`reports::url`] (`http` or `https` only), which does not
/// tell the page where its reader came from.
fn original_link(url: &str) -> String {
    format!(
        "<a class=\"original\" href=\"{}\" rel=\"noreferrer\">original page</a>",
        escape(url)
    )
}

/// The page's Content-Security-Policy: nothing from anywhere, except its own inline style and
/// script, named by hash so that no other inline code (an injected handler or element) can run.
fn content_security_policy() -> String {
    format!(
        "default-src 'none'; script-src '{}'; style-src '{}'; base-uri 'none'; form-action 'none'",
        sha256_source(SCRIPT),
        sha256_source(STYLE)
    )
}

/// A CSP hash source, `sha256-` and the base64 of the SHA-256 of `text`'s UTF-8 bytes.
fn sha256_source(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    format!(
        "sha256-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// `text` made safe anywhere in HTML text or in a quoted attribute value: `&`, `<`, `>`, `"` and
/// `'` become character references, and control characters other than tab, newline and carriage
/// return (which HTML forbids) are dropped.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A diagnostic's message on one line, escaped, with its quotes in backticks
/// (`` `12:31 p.m. ET` ``) as `<code>`. With an odd number of backticks, all of it is text.
fn message(text: &str) -> String {
    let text = one_line(text);
    let parts: Vec<&str> = text.split('`').collect();
    if parts.len().is_multiple_of(2) {
        return escape(&text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for (i, part) in parts.iter().enumerate() {
        if i % 2 == 1 {
            out.push_str(&format!("<code>{}</code>", escape(part)));
        } else {
            out.push_str(&escape(part));
        }
    }
    out
}

/// Whitespace, newlines included, collapsed to single spaces.
pub(crate) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `+3 min`, `+1 h 05 min`, `-2 min`: a report's lag behind the event's time.
pub(crate) fn lag_text(minutes: i64) -> String {
    let sign = if minutes < 0 { '-' } else { '+' };
    let minutes = minutes.unsigned_abs();
    if minutes < 60 {
        format!("{sign}{minutes} min")
    } else {
        format!("{sign}{} h {:02} min", minutes / 60, minutes % 60)
    }
}

/// `12:44`, or `12:44:30` when the seconds are not zero.
pub(crate) fn clock(utc: &DateTime<Utc>) -> String {
    if utc.second() == 0 {
        utc.format("%H:%M").to_string()
    } else {
        utc.format("%H:%M:%S").to_string()
    }
}

/// `2020-01-03T12:44:00Z`, for a `<time datetime>`.
fn rfc3339(utc: &DateTime<Utc>) -> String {
    utc.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// `1 post`, `2 posts`.
pub(crate) fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn kind(kind: DocumentKind) -> &'static str {
    match kind {
        DocumentKind::LiveBlog => "live blog",
        DocumentKind::Article => "article",
        _ => "kind unknown",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tests::sample;

    #[test]
    fn a_date_alone_is_shown_on_its_printed_day_east_and_west_of_utc() {
        for place in [crate::tests::EAST, crate::tests::WEST] {
            let page = html(&crate::tests::dated(place));
            let day = page
                .split("<section class=\"day\" id=\"day-2020-04-15\">")
                .nth(1)
                .and_then(|rest| rest.split("</section>").next())
                .expect("the 15th's section");
            assert!(
                day.starts_with("\n<h2>Wednesday 15 April 2020</h2>"),
                "{day}"
            );
            assert!(
                day.contains("<time datetime=\"2020-04-15\">date only</time> \u{b7} <span class=\"outlets\">Beta Times</span>"),
                "{place:?}: {day}"
            );
            assert!(
                day.contains("<span class=\"outlet\">Beta Times</span> <time datetime=\"2020-04-15\">15 Apr 2020</time> <span class=\"lag\">same day</span>"),
                "{place:?}: {day}"
            );
            assert!(!day.contains("14 Apr"), "{place:?}: {day}");
            assert_eq!(page.matches("id=\"day-2020-04-15\"").count(), 1);
        }
    }

    fn html(timeline: &Timeline) -> String {
        let mut out = Vec::new();
        Html.write(timeline, &WriteOptions::default(), &mut out)
            .expect("writing to a Vec");
        String::from_utf8(out).expect("HTML is UTF-8")
    }

    /// The part of the page between `start` and `end`, both included, with event ids (hashes that
    /// change with the merge) replaced by `[id N]`, N the event's index in the timeline.
    fn between(timeline: &Timeline, page: &str, start: &str, end: &str) -> String {
        let from = page.find(start).expect("the start marker");
        let to = page[from..].find(end).expect("the end marker") + from + end.len();
        let mut part = page[from..to].to_owned();
        for (i, event) in timeline.events.iter().enumerate() {
            part = part.replace(&event.id, &format!("[id {i}]"));
        }
        part
    }

    #[test]
    fn escaping_covers_text_and_attributes() {
        assert_eq!(
            escape(r#"<script>alert("x" + 'y')</script> & more"#),
            "&lt;script&gt;alert(&quot;x&quot; + &#39;y&#39;)&lt;/script&gt; &amp; more"
        );
        assert_eq!(
            escape("<img src=x onerror=alert(1)>"),
            "&lt;img src=x onerror=alert(1)&gt;"
        );
        assert_eq!(escape("&amp; stays visible"), "&amp;amp; stays visible");
        assert_eq!(escape("bell\u{7}\u{0}\u{1b}[31m\ttab"), "bell[31m\ttab");
        assert_eq!(escape("caf\u{e9} \u{2014} ok"), "caf\u{e9} \u{2014} ok");
    }

    #[test]
    fn messages_keep_their_quotes_as_code() {
        assert_eq!(
            message("`1:32 p.m. ET` is newer than\n`11:53 a.m.`"),
            "<code>1:32 p.m. ET</code> is newer than <code>11:53 a.m.</code>"
        );
        assert_eq!(
            message("stamp `<b>x</b>` & more"),
            "stamp <code>&lt;b&gt;x&lt;/b&gt;</code> &amp; more"
        );
        assert_eq!(message("odd ` <i>"), "odd ` &lt;i&gt;");
    }

    #[test]
    fn lags_and_clocks() {
        assert_eq!(lag_text(3), "+3 min");
        assert_eq!(lag_text(65), "+1 h 05 min");
        assert_eq!(lag_text(-2), "-2 min");
        assert_eq!(lag_text(1500), "+25 h 00 min");
        let utc: DateTime<Utc> = "2020-01-03T12:44:30Z".parse().expect("a time");
        assert_eq!(clock(&utc), "12:44:30");
        assert_eq!(rfc3339(&utc), "2020-01-03T12:44:30Z");
    }

    #[test]
    fn the_policy_hashes_the_inline_style_and_script() {
        let page = html(&sample());
        let policy = content_security_policy();
        assert!(page.contains(&format!("content=\"{policy}\"")));
        assert!(page.contains(&format!("<style>{STYLE}</style>")));
        assert!(page.contains(&format!("<script>{SCRIPT}</script>")));
        assert!(policy.starts_with("default-src 'none'; script-src 'sha256-"));
        // A known vector: the SHA-256 of the empty string.
        assert_eq!(
            sha256_source(""),
            "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="
        );
        // Exactly one of each inline element, and no external resource of any kind: the only
        // addresses are the links to the reports' original pages, which load nothing.
        assert_eq!(page.matches("<script").count(), 1);
        assert_eq!(page.matches("<style").count(), 1);
        let links = "<a class=\"original\" href=\"https://edition.cnn.com/";
        assert_eq!(page.matches(links).count(), 2);
        let rest = page.replace(links, "");
        for external in ["src=", "href=", "url(", "@import", "http://", "https://"] {
            assert!(!rest.contains(external), "{external}");
        }
    }

    #[test]
    fn the_assets_hold_nothing_that_ends_their_element() {
        assert!(!STYLE.contains("</"));
        assert!(!SCRIPT.contains("</"));
        assert!(!SCRIPT.contains("innerHTML") && !SCRIPT.contains("insertAdjacentHTML"));
    }

    #[test]
    fn an_empty_timeline_is_a_short_page() {
        let timeline = Timeline::default();
        let page = html(&timeline);
        insta::assert_snapshot!(between(&timeline, &page, "<body>", "</section>"), @r#"
        <body>
        <header>
        <h1>Timeline</h1>
        <p>No events: no documents were read.</p>
        </header>
        <main>
        </main>
        <section id="diagnostics">
        <h2>Diagnostics</h2>
        <p>No warnings or errors.</p>
        </section>
        "#);
    }

    #[test]
    fn a_small_timeline_reads_without_javascript() {
        let timeline = sample();
        let page = html(&timeline);
        insta::assert_snapshot!(between(&timeline, &page, "<body>", "<script>"), @r#"
            <body>
            <header>
            <h1>Timeline</h1>
            <p>3 events from 2 documents, times in UTC.</p>
            </header>
            <form id="controls" class="controls" aria-label="Filter the events">
            <fieldset>
            <legend>Outlets</legend>
            <label><input type="checkbox" data-outlet="0" checked> CNN <span class="count">(1 event, first on 1)</span></label>
            <label><input type="checkbox" data-outlet="1" checked> The Independent <span class="count">(2 events, first on 2)</span></label>
            <button type="button" data-select="all">All</button><button type="button" data-select="none">None</button>
            </fieldset>
            <fieldset>
            <legend>Show the events</legend>
            <label><input type="radio" name="view" value="any" checked> reported by a checked outlet</label>
            <label><input type="radio" name="view" value="first"> first reported by a checked outlet</label>
            </fieldset>
            <p><output id="shown">3</output> of 3 events shown.</p>
            </form>
            <main>
            <section class="day" id="day-2020-01-03">
            <h2>Friday 3 January 2020</h2>
            <ol class="events">
            <li class="event" id="event-[id 0]" data-outlets="1" data-first="1">
            <p class="when"><time datetime="2020-01-03T12:44:00Z">12:44 UTC</time> · <span class="outlets">The Independent</span></p>
            <h3>US citizens have left Basra, the oil ministry said.</h3>
            <ul class="reports">
            <li class="report first"><span class="outlet">The Independent</span> <time datetime="2020-01-03T12:44:00Z">12:44 UTC</time> <code class="source">seeds/blog.txt:37</code></li>
            </ul>
            </li>
            <li class="event" id="event-[id 1]" data-outlets="1" data-first="1">
            <p class="when"><time datetime="2020-01-03T12:45:00Z">12:45 UTC</time> · <span class="outlets">The Independent</span></p>
            <h3>&quot;Iran never won a war!&quot; he said.</h3>
            <ul class="reports">
            <li class="report first"><span class="outlet">The Independent</span> <time datetime="2020-01-03T12:45:00Z">12:45 UTC</time> <code class="source">seeds/blog.txt:41</code></li>
            </ul>
            </li>
            </ol>
            </section>
            <section class="day" id="day-2020-01-04">
            <h2>Saturday 4 January 2020</h2>
            <ol class="events">
            <li class="event" id="event-[id 2]" data-outlets="0" data-first="0">
            <p class="when"><time datetime="2020-01-04T17:31:00Z">17:31 UTC</time> · <span class="outlets">CNN</span></p>
            <h3>NATO suspends training in Iraq</h3>
            <ul class="reports">
            <li class="report first"><span class="outlet">CNN</span> <time datetime="2020-01-04T17:31:00Z">17:31 UTC</time> <code class="source">seeds/cnn.txt:12</code> <a class="original" href="https://edition.cnn.com/middleeast/live-news/iran-news-01-04-20/index.html" rel="noreferrer">original page</a></li>
            </ul>
            </li>
            </ol>
            </section>
            </main>
            <section id="sources">
            <h2>Sources</h2>
            <ul class="sources">
            <li><code>seeds/blog.txt</code>: The Independent; layout <code>independent-liveblog</code>; live blog; 3 posts</li>
            <li><code>seeds/cnn.txt</code>: CNN (<a class="original" href="https://edition.cnn.com/middleeast/live-news/iran-news-01-04-20/index.html" rel="noreferrer">original page</a>); layout <code>cnn-liveblog</code>; live blog; 1 post</li>
            </ul>
            </section>
            <section id="diagnostics">
            <h2>Diagnostics</h2>
            <ul class="diagnostics">
            <li><strong>warning</strong> <code>seeds/blog.txt:50</code>: <code>6 hours ago</code> is relative to the capture time, which is missing; the post has no time (<code>unresolved-stamp</code>)</li>
            <li><strong>warning</strong> <code>seeds/cnn.txt:3</code>: the page says 26 posts; its text holds 1 (<code>declared-count-mismatch</code>)</li>
            </ul>
            <p>1 info diagnostic not listed here; the <code>json</code> format has them all.</p>
            </section>
            <script>
        "#);
    }

    #[test]
    fn an_event_with_several_reports_marks_the_first_and_the_lags() {
        let mut timeline = sample();
        let posts = vec![
            timeline.documents[0].posts[1].id.clone(),
            timeline.documents[1].posts[0].id.clone(),
            "unknown:1".to_owned(),
        ];
        let outlets = vec!["The Independent".to_owned(), "CNN".to_owned()];
        let utc = timeline.events[1].utc;
        timeline.events = vec![Event::new(utc, "One event".to_owned(), posts, outlets)];
        let page = html(&timeline);
        insta::assert_snapshot!(between(&timeline, &page, "<li class=\"event\"", "</li>\n</ol>"), @r#"
            <li class="event" id="event-[id 0]" data-outlets="1 0" data-first="1">
            <p class="when"><time datetime="2020-01-03T12:45:00Z">12:45 UTC</time> · <span class="outlets">The Independent, CNN</span>; first reporter: <strong>The Independent</strong></p>
            <h3>One event</h3>
            <ul class="reports">
            <li class="report first"><span class="outlet">The Independent</span> <time datetime="2020-01-03T12:45:00Z">12:45 UTC</time> <span class="badge">first</span> &quot;Iran never won a war!&quot; he said. <code class="source">seeds/blog.txt:41</code></li>
            <li class="report"><span class="outlet">CNN</span> <time datetime="2020-01-04T17:31:00Z">4 Jan 2020 17:31 UTC</time> <span class="lag">+28 h 46 min</span> NATO suspends training in Iraq <code class="source">seeds/cnn.txt:12</code> <a class="original" href="https://edition.cnn.com/middleeast/live-news/iran-news-01-04-20/index.html" rel="noreferrer">original page</a></li>
            <li class="report"><code class="source">unknown:1</code></li>
            </ul>
            </li>
            </ol>
        "#);
    }

    #[test]
    fn hostile_text_never_becomes_markup() {
        let mut timeline = sample();
        let hostile = "<script>alert(1)</script><img src=x onerror=alert(1)>\"'&";
        timeline.events[0].headline = hostile.to_owned();
        timeline.events[0].outlets = vec![hostile.to_owned()];
        timeline.documents[0].path = hostile.to_owned();
        timeline.documents[0].outlet = Some(hostile.to_owned());
        timeline.documents[0].layout = hostile.to_owned();
        timeline.documents[0].posts[0].text = hostile.to_owned();
        timeline.diagnostics[0].message = hostile.to_owned();
        timeline.diagnostics[1].code = hostile.to_owned();
        timeline.diagnostics[1].path = Some(hostile.to_owned());
        let page = html(&timeline);
        let escaped = "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;";
        assert!(page.contains(escaped));
        assert_eq!(page.matches("<script").count(), 1, "only our own script");
        assert!(!page.contains("<img"));
        assert!(!page.contains("alert(1)</script>"));
        assert!(!page.contains("\"'&"));
    }

    #[test]
    fn the_same_timeline_gives_the_same_bytes() {
        assert_eq!(html(&sample()), html(&sample()));
    }
}
