//! `markdown`: a readable timeline grouped by UTC day.

use std::io::{self, Write};

use chrono::{DateTime, NaiveDate, Timelike, Utc};
use chrono_tz::Tz;
use dateline_model::{
    Diagnostic, Document, DocumentKind, Event, Severity, Timeline, UNKNOWN_OUTLET,
};

use crate::reports::{self, Index, Report, first_reporter};
use crate::{Error, Format, WriteOptions};

/// A timeline for people to read: the sources, one section per UTC day with one list item per
/// event, and the warnings and errors at the end. An event whose page prints only a date stands
/// under that date, first in its day, as `**date only**`.
///
/// Each event names its outlets and source lines; when several posts report it, the first reporter
/// comes first and every other report follows with its lag (`The Independent first, DW +8 min`).
/// With [`WriteOptions::display_zone`], each event's time is also shown in that zone.
///
/// Every piece of text that comes from a page is escaped and kept on one line, so a post cannot
/// add a heading, a link, an image or HTML to the document. Paths stand in code spans. An outlet
/// links to its page's own address (its canonical link, `og:url`, the address it was saved from
/// or one it prints) when that is an `http` or `https` address; a page whose outlet is unknown
/// is named by its address's domain, or `unknown outlet`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Markdown;

impl Format for Markdown {
    fn name(&self) -> &'static str {
        "markdown"
    }

    fn description(&self) -> &'static str {
        "a readable timeline grouped by UTC day, with its sources and diagnostics"
    }

    fn write(
        &self,
        timeline: &Timeline,
        options: &WriteOptions,
        out: &mut dyn io::Write,
    ) -> Result<(), Error> {
        let mut out = io::BufWriter::new(out);
        write_timeline(timeline, options.display_zone, &mut out)?;
        out.flush()?;
        Ok(())
    }
}

fn write_timeline(timeline: &Timeline, zone: Option<Tz>, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "# Timeline")?;
    writeln!(out)?;
    if timeline.documents.is_empty() && timeline.events.is_empty() {
        writeln!(out, "No events: no documents were read.")?;
    } else {
        let zones = match zone {
            Some(tz) => format!("UTC, and in parentheses in {}", code(tz.name())),
            None => "UTC".to_owned(),
        };
        writeln!(
            out,
            "{} from {}, times in {zones}.",
            count(timeline.events.len(), "event", "events"),
            count(timeline.documents.len(), "document", "documents"),
        )?;
        write_sources(&timeline.documents, out)?;
        write_events(timeline, zone, out)?;
    }
    write_diagnostics(&timeline.diagnostics, out)
}

fn write_sources(documents: &[Document], out: &mut dyn Write) -> io::Result<()> {
    if documents.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(out, "## Sources")?;
    writeln!(out)?;
    for doc in documents {
        let outlet = linked(&inline(reports::outlet(doc)), reports::url(doc));
        writeln!(
            out,
            "- {}: {outlet}; layout {}; {}; {}",
            code(&doc.path),
            code(&doc.layout),
            kind(doc.kind),
            count(doc.posts.len(), "post", "posts"),
        )?;
    }
    Ok(())
}

fn write_events(timeline: &Timeline, zone: Option<Tz>, out: &mut dyn Write) -> io::Result<()> {
    if timeline.events.is_empty() {
        writeln!(out)?;
        let timed = timeline
            .documents
            .iter()
            .flat_map(|d| &d.posts)
            .any(|p| p.time.is_some());
        if timed {
            writeln!(
                out,
                "No events: the posts have not been merged into events."
            )?;
        } else {
            writeln!(out, "No events: no post has a resolved time.")?;
        }
        return Ok(());
    }
    // Every post by its id, for the outlet, time and `path:line` of every report.
    let index = Index::new(timeline);
    let mut day: Option<NaiveDate> = None;
    for event in reports::by_day(&timeline.events) {
        let date = reports::day(event);
        if day != Some(date) {
            day = Some(date);
            writeln!(out)?;
            writeln!(out, "## {}", date.format("%A %-d %B %Y"))?;
            writeln!(out)?;
        }
        let headline = match inline(&event.headline) {
            h if h.is_empty() => "(no headline)".to_owned(),
            h => h,
        };
        if reports::printed_date(event).is_some() {
            // The day's heading above, the day the page prints, is all it gives.
            write!(out, "- **date only**")?;
        } else {
            write!(out, "- **{} UTC**", clock(&event.utc))?;
            if let Some(tz) = zone {
                write!(out, " ({})", local_clock(&event.utc, tz))?;
            }
        }
        write!(out, " {headline}")?;
        let reports = index.reports(event);
        write!(out, "{}", attribution(event, &reports))?;
        writeln!(out)?;
    }
    Ok(())
}

/// Who reported `event` and where: ` \u{2014} The Independent, source `path:line`` for one report;
/// for several, the first reporter, then every other report in time order with its lag behind the
/// event's time, each with its source: ` \u{2014} The Independent first (`a:42`), DW +8 min (`b:7`)`.
fn attribution(event: &Event, reports: &[Report<'_>]) -> String {
    if reports.len() < 2 {
        // An outlet links to its report's page, when that page has an address.
        let outlets: Vec<String> = event
            .outlets
            .iter()
            .map(|o| {
                let url = reports.iter().find(|r| r.outlet == o).and_then(|r| r.url);
                linked(&inline(o), url)
            })
            .collect();
        let sources: Vec<String> = reports.iter().map(|r| code(&r.source())).collect();
        let label = if sources.len() == 1 {
            "source"
        } else {
            "sources"
        };
        return match (outlets.is_empty(), sources.is_empty()) {
            (false, false) => format!(
                " \u{2014} {}, {label} {}",
                outlets.join(", "),
                sources.join(", ")
            ),
            (false, true) => format!(" \u{2014} {}", outlets.join(", ")),
            (true, false) => format!(" \u{2014} {label} {}", sources.join(", ")),
            (true, true) => String::new(),
        };
    }
    // The first reporter's own report: the one the event's time comes from when there is one.
    let lead = first_reporter(event, reports).and_then(|name| {
        let by = |r: &&Report<'_>| r.outlet == name;
        let on_time = reports
            .iter()
            .position(|r| by(&r) && r.lag_minutes == Some(0));
        on_time.or_else(|| reports.iter().position(|r| by(&r)))
    });
    let mut parts = Vec::with_capacity(reports.len());
    if let Some(report) = lead.and_then(|i| reports.get(i)) {
        parts.push(format!(
            "{} first ({})",
            outlet(report),
            code(&report.source())
        ));
    }
    for (i, report) in reports.iter().enumerate() {
        if Some(i) == lead {
            continue;
        }
        let source = code(&report.source());
        parts.push(match report.lag_label() {
            Some(lag) => format!("{} {lag} ({source})", outlet(report)),
            None if report.outlet.is_empty() => format!("a post not in the timeline ({source})"),
            None => format!("{}, time unknown ({source})", outlet(report)),
        });
    }
    format!(" \u{2014} {}", parts.join(", "))
}

/// A report's outlet as Markdown text, linked to its page's address when it has one; `unknown
/// outlet` when its post is missing.
fn outlet(report: &Report<'_>) -> String {
    match inline(report.outlet) {
        name if name.is_empty() => UNKNOWN_OUTLET.to_owned(),
        name => linked(&name, report.url),
    }
}

/// `text` (Markdown already) as a link to `url` when there is one: `[text](url)`, with the
/// parentheses of the address percent-encoded, so an unbalanced one cannot end the link early
/// ([`reports::url`] lets through no space, angle bracket, quote or backslash).
fn linked(text: &str, url: Option<&str>) -> String {
    match url {
        Some(url) => format!("[{text}]({})", url.replace('(', "%28").replace(')', "%29")),
        None => text.to_owned(),
    }
}

/// The time in `tz`: `07:44 EST`, with the day when it is not the UTC day (`19:30 EST 2 Jan`).
fn local_clock(utc: &DateTime<Utc>, tz: Tz) -> String {
    let local = utc.with_timezone(&tz);
    let mut text = if local.second() == 0 {
        local.format("%H:%M %Z").to_string()
    } else {
        local.format("%H:%M:%S %Z").to_string()
    };
    if local.date_naive() != utc.date_naive() {
        text.push_str(&local.format(" %-d %b").to_string());
    }
    escape(&text)
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
    // By place, so a reader can walk a page from top to bottom; the sort is stable, so diagnostics
    // about the same line keep the timeline's order.
    listed.sort_by(|a, b| (&a.path, a.cited_line()).cmp(&(&b.path, b.cited_line())));
    writeln!(out)?;
    writeln!(out, "## Diagnostics")?;
    writeln!(out)?;
    if listed.is_empty() {
        writeln!(out, "No warnings or errors.")?;
    }
    for d in &listed {
        let severity = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        };
        let place = match (&d.path, d.cited_line()) {
            (Some(path), Some(line)) => format!(" {}", code(&format!("{path}:{line}"))),
            (Some(path), None) => format!(" {}", code(path)),
            (None, Some(line)) => format!(" line {line}"),
            (None, None) => String::new(),
        };
        writeln!(
            out,
            "- **{severity}**{place}: {} ({})",
            message(&d.message),
            code(&d.code)
        )?;
    }
    if infos > 0 {
        writeln!(out)?;
        writeln!(
            out,
            "{} not listed here; the `json` format has them all.",
            count(infos, "info diagnostic", "info diagnostics")
        )?;
    }
    Ok(())
}

/// `1 post`, `2 posts`.
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn kind(kind: DocumentKind) -> &'static str {
    match kind {
        DocumentKind::LiveBlog => "live blog",
        DocumentKind::Article => "article",
        _ => "kind unknown",
    }
}

/// `12:44`, or `12:44:30` when the seconds are not zero.
fn clock(utc: &DateTime<Utc>) -> String {
    if utc.second() == 0 {
        utc.format("%H:%M").to_string()
    } else {
        utc.format("%H:%M:%S").to_string()
    }
}

/// Source text made safe to stand inside a line of Markdown: whitespace, newlines included,
/// collapsed to single spaces, control characters removed, and every character that Markdown or
/// HTML would read as syntax escaped with a backslash, a block marker at the start included.
fn inline(text: &str) -> String {
    let mut out = escape(text);
    if out.starts_with(['#', '+', '-', '=']) {
        out.insert(0, '\\');
    }
    out
}

/// Like [`inline`], without the care for the start of a line: for text in the middle of one.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, word) in text.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        for (at, c) in word.char_indices() {
            match c {
                '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '|' | '~' => {
                    out.push('\\');
                    out.push(c);
                }
                // `&amp;` would show as `&`: escape the ampersand of anything that reads as an entity.
                '&' if is_entity(&word[at + 1..]) => out.push_str("\\&"),
                c if c.is_control() => {}
                c => out.push(c),
            }
        }
    }
    out
}

/// A diagnostic's message, whose quotes in backticks (`` `12:31 p.m. ET` ``) become code spans and
/// the rest escaped text. With an odd number of backticks, all of it is escaped text.
fn message(text: &str) -> String {
    let parts: Vec<&str> = text.split('`').collect();
    if parts.len().is_multiple_of(2) {
        return inline(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for (i, part) in parts.iter().enumerate() {
        if i % 2 == 1 {
            out.push_str(&code(part));
            continue;
        }
        let escaped = escape(part);
        let between = i > 0 && i + 1 < parts.len();
        if escaped.is_empty() {
            if between && !part.is_empty() {
                out.push(' ');
            }
            continue;
        }
        if i > 0 && part.starts_with(char::is_whitespace) {
            out.push(' ');
        }
        out.push_str(&escaped);
        if i + 1 < parts.len() && part.ends_with(char::is_whitespace) {
            out.push(' ');
        }
    }
    if out.starts_with(['#', '+', '-', '=']) {
        out.insert(0, '\\');
    }
    out
}

/// Whether `rest`, the text after an `&`, completes an HTML entity such as `amp;` or `#60;`.
fn is_entity(rest: &str) -> bool {
    let Some(end) = rest.find(';') else {
        return false;
    };
    let name = &rest[..end];
    !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '#')
}

/// `text` as a code span, on one line, with a fence longer than any run of backticks inside it.
fn code(text: &str) -> String {
    let text: String = text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .filter(|c| !c.is_control())
        .collect();
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    if text.is_empty() {
        return "` `".to_owned();
    }
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tests::sample;

    #[test]
    fn a_date_alone_stands_under_its_printed_day_east_and_west_of_utc() {
        // East: the timed event, 23:30 UTC on the 14th, stands under the 14th; the article dated
        // the 15th, whose day starts earlier in UTC, under the 15th.
        let east = markdown(&crate::tests::dated(crate::tests::EAST));
        let days: Vec<&str> = east.lines().filter(|l| l.starts_with("## ")).collect();
        assert_eq!(
            days,
            [
                "## Sources",
                "## Tuesday 14 April 2020",
                "## Wednesday 15 April 2020",
                "## Diagnostics"
            ]
        );
        assert!(
            east.contains("## Tuesday 14 April 2020\n\n- **23:30 UTC** Storm closes"),
            "{east}"
        );
        assert!(
            east.contains("## Wednesday 15 April 2020\n\n- **date only** Kelport picks"),
            "{east}"
        );
        // West: both on the 15th, the date alone first, though its day starts at 05:00 UTC.
        let west = markdown(&crate::tests::dated(crate::tests::WEST));
        assert!(
            west.contains(
                "## Wednesday 15 April 2020\n\n- **date only** Kelport picks three firms for its ferry terminal \u{2014} Beta Times, source `seeds/dated.txt:4`\n- **03:00 UTC** Storm closes"
            ),
            "{west}"
        );
        assert!(!west.contains("14 April"), "{west}");
    }

    fn markdown(timeline: &Timeline) -> String {
        let mut out = Vec::new();
        Markdown
            .write(timeline, &WriteOptions::default(), &mut out)
            .expect("writing to a Vec");
        String::from_utf8(out).expect("Markdown is UTF-8")
    }

    #[test]
    fn an_empty_timeline_is_a_short_document() {
        insta::assert_snapshot!(markdown(&Timeline::default()), @r#"
        # Timeline

        No events: no documents were read.

        ## Diagnostics

        No warnings or errors.
        "#);
    }

    #[test]
    fn a_page_of_an_unknown_outlet_is_named_so_and_never_by_its_path() {
        let mut timeline = sample();
        timeline.documents[0].outlet = None;
        timeline.documents[0].context.url = Some("javascript:alert(1)".to_owned());
        for event in &mut timeline.events {
            event.reports.clear();
            event.first_reporter = None;
        }
        let text = markdown(&timeline);
        assert!(
            text.contains("- `seeds/blog.txt`: unknown outlet; layout `independent-liveblog`"),
            "{text}"
        );
        // The event's outlets are the merge's; its report's outlet is the document's.
        timeline.events[0].outlets = vec![UNKNOWN_OUTLET.to_owned()];
        let text = markdown(&timeline);
        assert!(
            text.contains("— unknown outlet, source `seeds/blog.txt:37`"),
            "{text}"
        );
        assert!(!text.contains("javascript:"), "{text}");
    }

    #[test]
    fn documents_without_events() {
        let mut timeline = sample();
        timeline.events.clear();
        assert!(
            markdown(&timeline)
                .contains("\nNo events: the posts have not been merged into events.\n")
        );
        for doc in &mut timeline.documents {
            for post in &mut doc.posts {
                post.time = None;
            }
        }
        assert!(markdown(&timeline).contains("\nNo events: no post has a resolved time.\n"));
    }

    #[test]
    fn a_small_timeline() {
        insta::assert_snapshot!(markdown(&sample()), @r#"
            # Timeline

            3 events from 2 documents, times in UTC.

            ## Sources

            - `seeds/blog.txt`: The Independent; layout `independent-liveblog`; live blog; 3 posts
            - `seeds/cnn.txt`: [CNN](https://edition.cnn.com/middleeast/live-news/iran-news-01-04-20/index.html); layout `cnn-liveblog`; live blog; 1 post

            ## Friday 3 January 2020

            - **12:44 UTC** US citizens have left Basra, the oil ministry said. — The Independent, source `seeds/blog.txt:37`
            - **12:45 UTC** "Iran never won a war!" he said. — The Independent, source `seeds/blog.txt:41`

            ## Saturday 4 January 2020

            - **17:31 UTC** NATO suspends training in Iraq — [CNN](https://edition.cnn.com/middleeast/live-news/iran-news-01-04-20/index.html), source `seeds/cnn.txt:12`

            ## Diagnostics

            - **warning** `seeds/blog.txt:50`: `6 hours ago` is relative to the capture time, which is missing; the post has no time (`unresolved-stamp`)
            - **warning** `seeds/cnn.txt:3`: the page says 26 posts; its text holds 1 (`declared-count-mismatch`)

            1 info diagnostic not listed here; the `json` format has them all.
        "#);
    }

    #[test]
    fn an_event_with_several_reports_lists_every_outlet_and_source() {
        let mut timeline = sample();
        let posts = vec![
            timeline.documents[0].posts[1].id.clone(),
            timeline.documents[1].posts[0].id.clone(),
            "unknown:1".to_owned(),
        ];
        let outlets = vec!["The Independent".to_owned(), "CNN".to_owned()];
        let utc = timeline.events[1].utc;
        timeline.events = vec![Event::new(utc, "One event".to_owned(), posts, outlets)];
        let text = markdown(&timeline);
        let line = text
            .lines()
            .find(|l| l.starts_with("- **"))
            .unwrap_or_default();
        insta::assert_snapshot!(line, @r#"- **12:45 UTC** One event — The Independent first (`seeds/blog.txt:41`), [CNN](https://edition.cnn.com/middleeast/live-news/iran-news-01-04-20/index.html) +28 h 46 min (`seeds/cnn.txt:12`), a post not in the timeline (`unknown:1`)"#);
    }

    #[test]
    fn the_first_reporter_leads_and_the_others_follow_with_their_lag() {
        let mut timeline = sample();
        let utc = timeline.events[1].utc;
        let blog = timeline.documents[0].posts[1].id.clone();
        let cnn = timeline.documents[1].posts[0].id.clone();
        let mut event = Event::new(
            utc,
            "One event".to_owned(),
            vec![cnn.clone(), blog.clone()],
            vec!["CNN".to_owned(), "The Independent".to_owned()],
        );
        // CNN's stamp is earlier but in doubt: The Independent is the first reporter.
        event.first_reporter = Some("The Independent".to_owned());
        event.reports = vec![
            dateline_model::Report::new(&cnn, "CNN", utc - chrono::Duration::minutes(3), -3),
            dateline_model::Report::new(&blog, "The Independent", utc, 0),
            dateline_model::Report::new(&blog, "DW", utc + chrono::Duration::minutes(8), 8),
        ];
        timeline.events = vec![event];
        let text = markdown(&timeline);
        let line = text
            .lines()
            .find(|l| l.starts_with("- **"))
            .unwrap_or_default();
        insta::assert_snapshot!(line, @r#"- **12:45 UTC** One event — The Independent first (`seeds/blog.txt:41`), [CNN](https://edition.cnn.com/middleeast/live-news/iran-news-01-04-20/index.html) -3 min (`seeds/cnn.txt:12`), DW +8 min (`seeds/blog.txt:41`)"#);
    }

    #[test]
    fn a_display_zone_adds_the_local_time() {
        let options = WriteOptions {
            display_zone: Some(chrono_tz::America::New_York),
            ..WriteOptions::default()
        };
        let mut out = Vec::new();
        Markdown
            .write(&sample(), &options, &mut out)
            .expect("writing to a Vec");
        let text = String::from_utf8(out).expect("Markdown is UTF-8");
        let lines: Vec<&str> = text
            .lines()
            .filter(|l| l.contains(" UTC**") || l.contains("times in"))
            .collect();
        insta::assert_snapshot!(lines.join("\n"), @r#"
            3 events from 2 documents, times in UTC, and in parentheses in `America/New_York`.
            - **12:44 UTC** (07:44 EST) US citizens have left Basra, the oil ministry said. — The Independent, source `seeds/blog.txt:37`
            - **12:45 UTC** (07:45 EST) "Iran never won a war!" he said. — The Independent, source `seeds/blog.txt:41`
            - **17:31 UTC** (12:31 EST) NATO suspends training in Iraq — [CNN](https://edition.cnn.com/middleeast/live-news/iran-news-01-04-20/index.html), source `seeds/cnn.txt:12`
        "#);
        assert_eq!(
            local_clock(&(sample().events[0].utc), chrono_tz::Asia::Kolkata),
            "18:14 IST"
        );
        let late = chrono::DateTime::parse_from_rfc3339("2020-01-04T03:09:30Z")
            .expect("a time")
            .with_timezone(&Utc);
        assert_eq!(
            local_clock(&late, chrono_tz::America::New_York),
            "22:09:30 EST 3 Jan"
        );
    }

    #[test]
    fn hostile_text_is_escaped_and_stays_on_its_line() {
        assert_eq!(
            inline("<script>alert(1)</script>"),
            r"\<script\>alert(1)\</script\>"
        );
        assert_eq!(inline("[x](http://evil)"), r"\[x\](http://evil)");
        assert_eq!(inline("# heading"), r"\# heading");
        assert_eq!(inline("a # b"), "a # b");
        assert_eq!(
            inline("line one\n\n# two\n- three\r\n> four"),
            r"line one # two - three \> four"
        );
        assert_eq!(
            inline("*bold* _em_ `code` a|b c\\d ~~s~~"),
            r"\*bold\* \_em\_ \`code\` a\|b c\\d \~\~s\~\~"
        );
        assert_eq!(
            inline("<img src=x onerror=alert(1)>"),
            r"\<img src=x onerror=alert(1)\>"
        );
        assert_eq!(inline("AT&T &amp; &#60;"), r"AT&T \&amp; \&#60;");
        assert_eq!(inline("bell\u{7}\u{1b}[31m"), r"bell\[31m");
        assert_eq!(inline("- not a list"), r"\- not a list");
    }

    #[test]
    fn messages_keep_their_quotes_as_code_spans() {
        assert_eq!(
            message("`1:32 p.m. ET` is newer than `11:53 a.m.` before it"),
            "`1:32 p.m. ET` is newer than `11:53 a.m.` before it"
        );
        assert_eq!(
            message("stamp `<b>x</b>`, *really*"),
            r"stamp `<b>x</b>`, \*really\*"
        );
        assert_eq!(message("`a` `b`"), "`a` `b`");
        assert_eq!(message("odd ` <i>"), r"odd \` \<i\>");
        assert_eq!(message("- `x`"), r"\- `x`");
        assert_eq!(message("two\nlines `x\n# y`"), "two lines `x # y`");
    }

    #[test]
    fn code_spans_hold_any_path() {
        assert_eq!(code("seeds/a.txt:12"), "`seeds/a.txt:12`");
        assert_eq!(code("a`b"), "``a`b``");
        assert_eq!(code("`x``"), "``` `x`` ```");
        assert_eq!(code("two\nlines\n# no heading"), "`two lines # no heading`");
        assert_eq!(code(""), "` `");
    }

    #[test]
    fn hostile_headlines_outlets_and_paths_do_not_escape_their_item() {
        let mut timeline = sample();
        timeline.events[0].headline =
            "<script>alert(1)</script>\n\n# heading\n[x](http://evil)".to_owned();
        timeline.events[0].outlets = vec!["Evil <b>Outlet</b>".to_owned()];
        timeline.documents[0].path = "dir/`x`\n# y.txt".to_owned();
        insta::assert_snapshot!(markdown(&timeline), @r#"
            # Timeline

            3 events from 2 documents, times in UTC.

            ## Sources

            - ``dir/`x` # y.txt``: The Independent; layout `independent-liveblog`; live blog; 3 posts
            - `seeds/cnn.txt`: [CNN](https://edition.cnn.com/middleeast/live-news/iran-news-01-04-20/index.html); layout `cnn-liveblog`; live blog; 1 post

            ## Friday 3 January 2020

            - **12:44 UTC** \<script\>alert(1)\</script\> # heading \[x\](http://evil) — Evil \<b\>Outlet\</b\>, source ``dir/`x` # y.txt:37``
            - **12:45 UTC** "Iran never won a war!" he said. — The Independent, source ``dir/`x` # y.txt:41``

            ## Saturday 4 January 2020

            - **17:31 UTC** NATO suspends training in Iraq — [CNN](https://edition.cnn.com/middleeast/live-news/iran-news-01-04-20/index.html), source `seeds/cnn.txt:12`

            ## Diagnostics

            - **warning** `seeds/blog.txt:50`: `6 hours ago` is relative to the capture time, which is missing; the post has no time (`unresolved-stamp`)
            - **warning** `seeds/cnn.txt:3`: the page says 26 posts; its text holds 1 (`declared-count-mismatch`)

            1 info diagnostic not listed here; the `json` format has them all.
        "#);
    }

    /// What a CommonMark parser sees: headings, and whether any HTML, link or image came through.
    fn parsed(markdown: &str) -> (Vec<String>, Vec<String>, String) {
        use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
        let mut headings = Vec::new();
        let mut unsafe_events = Vec::new();
        let mut text = String::new();
        let mut heading: Option<String> = None;
        for event in Parser::new_ext(markdown, Options::all() - Options::ENABLE_SMART_PUNCTUATION) {
            match event {
                Event::Start(Tag::Heading { .. }) => heading = Some(String::new()),
                Event::End(TagEnd::Heading(_)) => headings.extend(heading.take()),
                Event::Text(t) | Event::Code(t) => {
                    if let Some(h) = heading.as_mut() {
                        h.push_str(&t);
                    }
                    text.push_str(&t);
                }
                e @ (Event::Html(_)
                | Event::InlineHtml(_)
                | Event::Start(
                    Tag::Link { .. } | Tag::Image { .. } | Tag::HtmlBlock | Tag::Strikethrough,
                )) => {
                    unsafe_events.push(format!("{e:?}"));
                }
                _ => {}
            }
        }
        (headings, unsafe_events, text)
    }

    #[test]
    fn a_commonmark_parser_sees_hostile_text_as_text() {
        let mut timeline = sample();
        let hostile = "<script>alert(1)</script>\n# heading\n[x](http://evil) <img src=x onerror=alert(1)> ~~gone~~ <http://evil>";
        timeline.events[0].headline = hostile.to_owned();
        timeline.events[1].outlets = vec!["</li><h1>Outlet</h1>".to_owned()];
        timeline.documents[1].layout = "`</code><b>`".to_owned();
        timeline.diagnostics[1].message = "![img](http://evil/x.png)\n\n---\n| a | b |".to_owned();
        // A page's address is a link's destination, and nothing more, whatever it holds.
        timeline.documents[1].context.url =
            Some("https://evil/)](javascript:alert(1))![i](http://evil/i.png)".to_owned());
        timeline.documents[0].context.url = Some("javascript:alert(1)".to_owned());
        let (headings, mut unsafe_events, text) = parsed(&markdown(&timeline));
        let evil = "dest_url: Borrowed(\"https://evil/%29]%28javascript:alert%281%29%29![i]%28http://evil/i.png%29\")";
        assert_eq!(
            unsafe_events.iter().filter(|e| e.contains(evil)).count(),
            2,
            "{unsafe_events:?}"
        );
        unsafe_events.retain(|e| !e.contains(evil));
        assert_eq!(
            headings,
            [
                "Timeline",
                "Sources",
                "Friday 3 January 2020",
                "Saturday 4 January 2020",
                "Diagnostics"
            ]
        );
        assert!(unsafe_events.is_empty(), "{unsafe_events:?}");
        let flat = hostile.replace('\n', " ");
        assert!(text.contains(&flat), "{text}");
        assert!(text.contains("</li><h1>Outlet</h1>"), "{text}");
        assert!(
            text.contains("![img](http://evil/x.png) --- | a | b |"),
            "{text}"
        );
    }
}
