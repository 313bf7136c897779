//! dateline's output formats: a [`Timeline`] written as JSON, Markdown,
//! JSON Lines, CSV, Apache Parquet, iCalendar, TimelineJS JSON or a web page.
//!
//! Every format is a value that implements [`Format`]: a name for `--format`, a one-line
//! description for `dateline formats`, and a `write` method that renders a whole timeline to any
//! [`io::Write`](std::io::Write). [`formats`] lists the built-in formats and [`by_name`] finds one.
//! Each format lives in a module of its own:
//!
//! - [`Json`] (`json`): the whole timeline, every document, post, resolved time and its basis,
//!   event and diagnostic. This is the contract other programs read, documented in `docs/json.md`
//!   and versioned by its `version` field.
//! - [`Markdown`] (`markdown`): for people. The sources, then the events grouped by UTC day, each
//!   with its time (and, with [`WriteOptions::display_zone`], the time in that zone), headline,
//!   outlets and the `path:line` it came from; an event with several reports names its first
//!   reporter and every other report's lag (`The Independent first, DW +8 min`); then the warnings
//!   and errors. Text from the pages is escaped, so a post cannot inject HTML, links or headings.
//! - [`Jsonl`] (`jsonl`): JSON Lines for streaming consumers. A first line
//!   `{"type":"header","data":{"version":N}}` carries the contract's version, since a consumer
//!   reading line by line never sees a top-level `version`; then one compact line per document,
//!   event and diagnostic, in that order, each `{"type": "document"|"event"|"diagnostic", "data": ...}`
//!   with `data` exactly as in `json`.
//! - [`Csv`] (`csv`): RFC 4180 (CRLF, quoting only where needed, quotes doubled) with a header row,
//!   one row per event ([`EVENT_COLUMNS`]) or, with [`WriteOptions::csv_reports`], one per report
//!   ([`REPORT_COLUMNS`]). A text cell that starts with `=`, `+`, `-`, `@`, tab or CR gets a leading
//!   `'`, OWASP's defence against spreadsheet formula injection, once the control characters but
//!   tab, CR and LF are dropped from it (NUL, ESC, BEL, DEL, C1); [`WriteOptions::excel`] adds the
//!   UTF-8 byte order mark Excel needs. Read back by Python's `csv` module in the tests.
//! - `Parquet` (`parquet`, behind the default `parquet` feature): Apache Parquet, one row per
//!   report (`PARQUET_COLUMNS`): ids, outlet, times as UTC timestamps, the printed day as a date, lag,
//!   headline, text, source and the page's URL; binary ([`Format::binary`]). Read back by pyarrow,
//!   DuckDB and Polars in the tests.
//! - [`Ics`] (`ics`): an iCalendar file (RFC 5545) with one `VEVENT` per event: CRLF, lines folded
//!   at 75 octets between characters, TEXT escaped so page text cannot start a property,
//!   `UID:EVENT_ID@dateline` so importing an updated timeline updates events, a `DTSTAMP` from the
//!   data (never the clock), `DTSTART`/`DTEND` in UTC a minute apart (an all-day event on its
//!   printed date for a page that gives only a date), outlets as `CATEGORIES`.
//!   Parsed by Python's `icalendar` in the tests.
//! - [`TimelineJs`] (`timelinejs`): the JSON Knight Lab's TimelineJS 3 reads, one slide per event:
//!   `start_date` (`year` to `minute`, as strings) in UTC with a `display_date` such as
//!   `3 Jan 2020 12:45 UTC`, `text.headline`, `text.text` with the reports (outlet, time, lag, a
//!   line of text, the source `path:line`), `group` (the outlet, or the first reporter when several
//!   report the event) and `unique_id` (the event id). TimelineJS renders text as HTML, so source
//!   text is HTML-escaped, and `group` twice, because TimelineJS decodes it once before rendering it.
//!   Rendered by TimelineJS in headless Chromium in the tests.
//! - [`Html`] (`html`): one self-contained page (style and script inline, nothing from the network)
//!   that reads as a plain document without JavaScript: the events grouped by UTC day, each with its
//!   time, outlets, first reporter, headline and reports, then the sources and diagnostics. With
//!   JavaScript, checkboxes filter by outlet and a first-reporter view shows the events the checked
//!   outlets had first. Source text is escaped (`&`, `<`, `>`, `"`, `'`); the script only reads
//!   `data-` attributes and toggles classes; a Content-Security-Policy allows the page's own style
//!   and script by their SHA-256 hashes and nothing else. Loaded in headless Chromium in the tests,
//!   with and without JavaScript and with hostile posts.
//!
//! [`WriteOptions`] holds the choices for the formats (each ignores those that are not its own). It
//! is `#[non_exhaustive]`, so it grows without breaking callers.
//!
//! ```
//! use dateline_formats::{Timeline, WriteOptions, by_name};
//!
//! let json = by_name("json").expect("a built-in format");
//! let mut out: Vec<u8> = Vec::new();
//! json.write(&Timeline::default(), &WriteOptions::default(), &mut out)?;
//! let text = String::from_utf8(out)?;
//! assert!(text.starts_with("{\n  \"version\": 1,"));
//! assert!(text.ends_with("}\n"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Design
//!
//! Writers take `&mut dyn io::Write` and never touch standard output, files or the terminal. The
//! caller (the CLI) decides where the bytes go: a file, a pipe, a buffer in a test, a plugin's
//! stdin. Taking a trait object rather than a generic writer keeps [`Format`] object-safe, so built-in
//! formats and, later, external format plugins sit in one list. A writer buffers its own output and
//! flushes it, so an unbuffered writer costs no more than a buffered one.
//!
//! Output is deterministic: the same timeline and options give byte-identical output, on any
//! machine and in any run. Nothing reads the clock, the locale or the environment. Maps are never
//! iterated in hash order. Day headings and times are in UTC, except that an event or report whose
//! page prints only a date is shown on that date, as printed (its `date`), with no time of day:
//! its time, the start of that day in the page's zone, can be on the UTC day before.
//!
//! Errors are one [`Error`] type, whose [`Error::kind`] ([`ErrorKind`]) can be matched on. An I/O
//! failure keeps the [`io::Error`](std::io::Error) as its source, so a caller can tell a closed
//! pipe from a real failure ([`Error::is_broken_pipe`]).

#![deny(missing_docs)]

mod csv;
mod error;
mod format;
mod html;
mod ics;
mod json;
mod json_pretty;
pub mod json_text;
mod jsonl;
mod markdown;
#[cfg(feature = "parquet")]
mod parquet;
mod reports;
mod timelinejs;

pub use crate::csv::{Csv, EVENT_COLUMNS, REPORT_COLUMNS};
/// The model crate whose [`Timeline`] the formats write.
pub use dateline_model;
pub use dateline_model::Timeline;
pub use error::{Error, ErrorKind};
pub use format::{Format, WriteOptions, by_name, formats};
pub use html::Html;
pub use ics::Ics;
pub use json::Json;
pub use jsonl::Jsonl;
pub use markdown::Markdown;
#[cfg(feature = "parquet")]
pub use parquet::{PARQUET_COLUMNS, Parquet};
pub use timelinejs::TimelineJs;

#[cfg(test)]
mod tests {
    use chrono::{DateTime, FixedOffset, Utc};
    use dateline_model::{
        Basis, Diagnostic, Document, DocumentKind, Post, ResolvedTime, Severity, Timeline,
        ZoneSource,
    };

    fn resolved(line: u32, utc: &str, local: &str, zone: &str) -> ResolvedTime {
        let utc: DateTime<Utc> = utc.parse().expect("an RFC 3339 time");
        let local: DateTime<FixedOffset> = local.parse().expect("an RFC 3339 time");
        let source = ZoneSource::OutletDefault {
            outlet: "The Independent".into(),
        };
        let basis = Basis::new("day-month-year-time", source);
        ResolvedTime::new(
            line,
            local.format("%-d %B %Y %H:%M").to_string(),
            utc,
            local,
            zone.to_owned(),
            basis,
        )
    }

    /// A small timeline: two documents over two days, one post without time, four diagnostics.
    pub(crate) fn sample() -> Timeline {
        let mut blog = Document::new("seeds/blog.txt", "independent-liveblog", b"blog");
        blog.kind = DocumentKind::LiveBlog;
        blog.outlet = Some("The Independent".to_owned());
        blog.title = Some("Iran news \u{2013} live".to_owned());
        for (line, utc, text) in [
            (
                37,
                "2020-01-03T12:44:00Z",
                "US citizens have left Basra, the oil ministry said. More.",
            ),
            (
                41,
                "2020-01-03T12:45:00Z",
                "\"Iran never won a war!\" he said.",
            ),
        ] {
            let mut post = Post::new(&blog.id, line);
            post.time = Some(resolved(line, utc, utc, "Europe/London"));
            post.author = Some("Jon Sharman".to_owned());
            post.text = text.to_owned();
            blog.posts.push(post);
        }
        let mut untimed = Post::new(&blog.id, 50);
        untimed.text = "A post whose stamp could not be read.".to_owned();
        blog.posts.push(untimed);

        let mut cnn = Document::new("seeds/cnn.txt", "cnn-liveblog", b"cnn");
        cnn.kind = DocumentKind::LiveBlog;
        cnn.outlet = Some("CNN".to_owned());
        cnn.context.url = Some(
            "https://edition.cnn.com/middleeast/live-news/iran-news-01-04-20/index.html".to_owned(),
        );
        let mut post = Post::new(&cnn.id, 12);
        post.time = Some(resolved(
            12,
            "2020-01-04T17:31:00Z",
            "2020-01-04T12:31:00-05:00",
            "America/New_York",
        ));
        post.headline = Some("NATO suspends training in Iraq".to_owned());
        post.text = "The alliance said the safety of its personnel is paramount.".to_owned();
        cnn.posts.push(post);

        let documents = vec![blog, cnn];
        let merged = dateline_merge::merge(&documents, &dateline_merge::Options::default());
        let mut diagnostics = vec![
            Diagnostic::new(
                Severity::Info,
                "outlet-default-zone",
                "times read in Europe/London",
            )
            .in_path("seeds/blog.txt"),
            Diagnostic::new(
                Severity::Warning,
                "declared-count-mismatch",
                "the page says 26 posts; its text holds 1",
            )
            .in_path("seeds/cnn.txt")
            .at_line(3),
            // As dateline-sources warns of the post it could not date.
            Diagnostic::new(
                Severity::Warning,
                "unresolved-stamp",
                "`6 hours ago` is relative to the capture time, which is missing; the post has no time",
            )
            .in_path("seeds/blog.txt")
            .at_line(50),
        ];
        let told = dateline_merge::untold(&diagnostics, merged.diagnostics);
        diagnostics.extend(told);
        let mut timeline = Timeline::default();
        timeline.documents = documents;
        timeline.events = merged.events;
        timeline.diagnostics = diagnostics;
        timeline
    }

    /// Where an article dated only `15.04.2020` was read: east of UTC, where that day starts on
    /// the 14th in UTC, and west of it.
    pub(crate) const EAST: (&str, &str) = ("+02:00", "Europe/Berlin");
    pub(crate) const WEST: (&str, &str) = ("-05:00", "America/Bogota");

    /// A timeline of two articles, merged as the CLI merges: Beta Times' `seeds/dated.txt`, whose
    /// page prints only `15.04.2020`, read in `zone` where that day starts at `offset`, and Alpha
    /// News' `seeds/timed.txt`, stamped 23:30 UTC on the 14th east of UTC (before the 15th starts
    /// in UTC, after it starts in Berlin) and 03:00 UTC on the 15th west of it (before the 15th
    /// starts in Bogotá).
    pub(crate) fn dated((offset, zone): (&str, &'static str)) -> Timeline {
        let local: DateTime<FixedOffset> = format!("2020-04-15T00:00:00{offset}")
            .parse()
            .expect("a local time");
        let mut basis = Basis::new(
            "date",
            ZoneSource::OutletDefault {
                outlet: "Beta Times".into(),
            },
        );
        basis.precision = dateline_model::Precision::Day;
        let mut time = ResolvedTime::new(4, "15.04.2020", local.to_utc(), local, zone, basis);
        time.date = chrono::NaiveDate::from_ymd_opt(2020, 4, 15);
        let mut dated = Document::new("seeds/dated.txt", "generic", b"dated");
        dated.kind = DocumentKind::Article;
        dated.outlet = Some("Beta Times".to_owned());
        let mut post = Post::new(&dated.id, 4);
        post.time = Some(time);
        post.headline = Some("Kelport picks three firms for its ferry terminal".to_owned());
        post.text = "Nordkai Bau, Vessel Works and Tidewater Group will build it.".to_owned();
        dated.posts.push(post);

        let at = if offset.starts_with('+') {
            "2020-04-14T23:30:00Z"
        } else {
            "2020-04-15T03:00:00Z"
        };
        let mut timed = Document::new("seeds/timed.txt", "generic", b"timed");
        timed.kind = DocumentKind::Article;
        timed.outlet = Some("Alpha News".to_owned());
        let mut post = Post::new(&timed.id, 9);
        post.time = Some(resolved(9, at, at, "UTC"));
        post.headline = Some("Storm closes the port of Ostmark".to_owned());
        post.text = "Gales of 120 km/h shut the harbour overnight.".to_owned();
        timed.posts.push(post);

        let documents = vec![dated, timed];
        let merged = dateline_merge::merge(&documents, &dateline_merge::Options::default());
        let mut timeline = Timeline::default();
        timeline.documents = documents;
        timeline.events = merged.events;
        assert_eq!(timeline.events.len(), 2, "{:#?}", timeline.events);
        timeline
    }

    #[test]
    fn the_dated_timeline_keeps_the_printed_day_through_the_merge() {
        for (place, start) in [
            (EAST, "2020-04-14T22:00:00+00:00"),
            (WEST, "2020-04-15T05:00:00+00:00"),
        ] {
            let timeline = dated(place);
            let event = timeline
                .events
                .iter()
                .find(|e| e.outlets == ["Beta Times"])
                .expect("Beta's event");
            assert_eq!(event.utc.to_rfc3339(), start);
            assert_eq!(event.date, chrono::NaiveDate::from_ymd_opt(2020, 4, 15));
            assert_eq!(event.reports[0].date, event.date);
        }
    }

    #[test]
    fn an_event_dated_only_by_its_day_is_shown_by_its_day_in_every_format_for_people() {
        // Written without its printed date (a timeline from before the field): its UTC day.
        let mut timeline = sample();
        timeline.events[0].precision = dateline_model::Precision::Day;
        let day = timeline.events[0].utc.format("%Y-%m-%d").to_string();
        let render = |name: &str| {
            let mut out = Vec::new();
            let format = crate::by_name(name).expect("a built-in format");
            format
                .write(&timeline, &crate::WriteOptions::default(), &mut out)
                .expect("written");
            String::from_utf8(out).expect("UTF-8")
        };
        let markdown = render("markdown");
        assert!(markdown.contains("- **date only** "), "{markdown}");
        let html = render("html");
        assert!(
            html.contains(&format!("<time datetime=\"{day}\">date only</time>")),
            "{html}"
        );
        let ics = render("ics");
        assert!(
            ics.contains(&format!("DTSTART;VALUE=DATE:{}", day.replace('-', ""))),
            "{ics}"
        );
        let slides: serde_json::Value = serde_json::from_str(&render("timelinejs")).expect("JSON");
        let first = &slides["events"][0];
        assert!(first["start_date"].get("hour").is_none(), "{first}");
        assert!(
            first["display_date"]
                .as_str()
                .is_some_and(|d| d.ends_with("date only")),
            "{first}"
        );
        // The other events keep their time of day.
        assert!(slides["events"][1]["start_date"].get("hour").is_some());
        let csv = render("csv");
        let row = csv.lines().nth(1).expect("the first event's row");
        assert!(row.starts_with(&format!("{day},")), "{csv}");
    }
}

/// The README's example, compiled and run as a doctest so that it stays true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
