//! `ics`: the events as an iCalendar file (RFC 5545) for calendar clients.

use std::io::{self, Write};

use chrono::{DateTime, TimeDelta, Utc};
use dateline_model::{Event, Timeline};

use crate::reports::{self, Index, Report};
use crate::{Error, Format, WriteOptions};

/// An iCalendar object (RFC 5545): one `VCALENDAR` with one `VEVENT` per event.
///
/// Written to the letter of the RFC: every line ends with CRLF; a line longer than 75 octets is
/// folded, never inside a UTF-8 sequence, and its continuation lines start with one space; text
/// values escape `\`, `;`, `,` and newlines (`\n`) and drop other control characters, so text from
/// a page can never start a property or a component of its own.
///
/// Each `VEVENT` has:
///
/// - `UID`: `EVENT_ID@dateline`. The event's id is derived from its posts, so writing the same
///   pages again gives the same UIDs, and a client that imports the file again updates its events
///   instead of adding copies. When merging changes an event's posts (a new page adds a report to
///   it), its id changes: the client sees a new event, and the old one stays until the calendar is
///   replaced as a whole (a subscription does that).
/// - `DTSTAMP`: the newest time in the timeline (a post's, or a page's published or updated time),
///   the same for every event. It never reads the clock, so the output is deterministic, and a
///   timeline with newer pages gets a newer stamp, as RFC 5545 wants of a revision.
/// - `DTSTART`: the event's time in UTC (`20200103T124400Z`), and `DTEND` one minute later: news
///   times are stamped to the minute, and a one-minute event shows as a short entry at the right
///   time in every client, where a zero-length one is hidden or drawn inconsistently, and
///   `DURATION` is less widely supported than `DTEND`. An event whose page prints only a date is
///   an all-day event on that date (`DTSTART;VALUE=DATE:20200415`, `DTEND;VALUE=DATE:20200416`).
/// - `TRANSP:TRANSPARENT`: a news event does not make its reader busy.
/// - `SUMMARY`: the headline; `CATEGORIES`: the outlets; `DESCRIPTION`: one line per report (its
///   outlet, UTC time and lag, headline or first sentence, and `path:line`).
/// - `URL`: the address of the first reporter's page (else of the first report's page that has
///   one), when it is an `http` or `https` address; non-ASCII characters percent-encoded.
#[derive(Debug, Clone, Copy, Default)]
pub struct Ics;

/// The longest a physical line may be, in octets, without its CRLF.
const FOLD_AT: usize = 75;

impl Format for Ics {
    fn name(&self) -> &'static str {
        "ics"
    }

    fn description(&self) -> &'static str {
        "an iCalendar file (RFC 5545) for calendar clients: one VEVENT per event, outlets as categories"
    }

    fn write(
        &self,
        timeline: &Timeline,
        _options: &WriteOptions,
        out: &mut dyn io::Write,
    ) -> Result<(), Error> {
        let mut out = io::BufWriter::new(out);
        write_calendar(timeline, &mut out)?;
        out.flush()?;
        Ok(())
    }
}

fn write_calendar(timeline: &Timeline, out: &mut dyn Write) -> io::Result<()> {
    line(out, "BEGIN:VCALENDAR")?;
    line(out, "VERSION:2.0")?;
    line(
        out,
        &format!(
            "PRODID:-//dateline//dateline {}//EN",
            env!("CARGO_PKG_VERSION")
        ),
    )?;
    line(out, "CALSCALE:GREGORIAN")?;
    if timeline.events.is_empty() {
        // RFC 5545 wants at least one component in a calendar: an empty timeline gets the UTC
        // time zone, which every client reads as an empty calendar.
        for l in [
            "BEGIN:VTIMEZONE",
            "TZID:UTC",
            "BEGIN:STANDARD",
            "DTSTART:19700101T000000",
            "TZOFFSETFROM:+0000",
            "TZOFFSETTO:+0000",
            "TZNAME:UTC",
            "END:STANDARD",
            "END:VTIMEZONE",
        ] {
            line(out, l)?;
        }
    }
    let stamp = dtstamp(timeline);
    let index = Index::new(timeline);
    for event in &timeline.events {
        let reports = index.reports(event);
        write_event(event, &reports, stamp.unwrap_or(event.utc), out)?;
    }
    line(out, "END:VCALENDAR")
}

fn write_event(
    event: &Event,
    reports: &[Report<'_>],
    stamp: DateTime<Utc>,
    out: &mut dyn Write,
) -> io::Result<()> {
    line(out, "BEGIN:VEVENT")?;
    line(out, &format!("UID:{}@dateline", text(&event.id)))?;
    line(out, &format!("DTSTAMP:{}", utc(stamp)))?;
    if let Some(day) = reports::printed_date(event) {
        // A page dated only by its day: an all-day event (RFC 5545, 3.6.1) on the day it prints,
        // which calendars show on that date in any zone, rather than at a midnight.
        line(out, &format!("DTSTART;VALUE=DATE:{}", day.format("%Y%m%d")))?;
        let next = day.succ_opt().unwrap_or(day);
        line(out, &format!("DTEND;VALUE=DATE:{}", next.format("%Y%m%d")))?;
    } else {
        line(out, &format!("DTSTART:{}", utc(event.utc)))?;
        line(
            out,
            &format!("DTEND:{}", utc(event.utc + TimeDelta::minutes(1))),
        )?;
    }
    line(out, "TRANSP:TRANSPARENT")?;
    line(out, &format!("SUMMARY:{}", text(&event.headline)))?;
    if !reports.is_empty() {
        let description: Vec<String> = reports.iter().map(describe).collect();
        line(
            out,
            &format!("DESCRIPTION:{}", text(&description.join("\n"))),
        )?;
    }
    let outlets: Vec<String> = event
        .outlets
        .iter()
        .filter(|o| !o.is_empty())
        .map(|o| text(o))
        .collect();
    if !outlets.is_empty() {
        line(out, &format!("CATEGORIES:{}", outlets.join(",")))?;
    }
    if let Some(url) = event_url(event, reports) {
        line(out, &format!("URL:{}", uri(url)))?;
    }
    line(out, "END:VEVENT")
}

/// The address an event links to (`URL` may appear once in a `VEVENT`): the first reporter's
/// page's, else the first report's that has one.
fn event_url<'a>(event: &Event, reports: &[Report<'a>]) -> Option<&'a str> {
    let first = reports::first_reporter(event, reports);
    reports
        .iter()
        .filter(|r| Some(r.outlet) == first)
        .chain(reports)
        .find_map(|r| r.url)
}

/// An address as a `URI` value (RFC 5545, 3.3.13, which RFC 3986 defines): every byte outside
/// ASCII percent-encoded, as an address in another script (an IRI) needs to be a URI. Text escaping
/// does not apply to a URI value, and [`reports::url`] lets no space or control character through,
/// so nothing in it can end the property.
fn uri(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            let mut buf = [0; 4];
            for byte in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{byte:02X}"));
            }
        }
    }
    out
}

/// One report as a line of the description:
/// `DW, 2020-01-03 22:36 UTC (+4h06): Headline. (seeds/x.txt:37)`.
fn describe(report: &Report<'_>) -> String {
    let mut s = String::new();
    s.push_str(if report.outlet.is_empty() {
        "unknown outlet"
    } else {
        report.outlet
    });
    match (report.date, report.utc) {
        (Some(day), _) => s.push_str(&day.format(", %Y-%m-%d (date only)").to_string()),
        (None, Some(t)) => s.push_str(&t.format(", %Y-%m-%d %H:%M UTC").to_string()),
        (None, None) => {}
    }
    match report.lag_minutes {
        Some(m) if m != 0 => s.push_str(&format!(" ({})", lag(m))),
        _ => {}
    }
    s.push(':');
    if !report.text.is_empty() {
        s.push(' ');
        s.push_str(&report.text);
    }
    s.push_str(&format!(" ({})", report.source()));
    s
}

/// A lag as people read it: `+3 min`, `-12 min`, `+4h06`, `+26h00`.
fn lag(minutes: i64) -> String {
    let sign = if minutes < 0 { '-' } else { '+' };
    let abs = minutes.unsigned_abs();
    if abs < 60 {
        format!("{sign}{abs} min")
    } else {
        format!("{sign}{}h{:02}", abs / 60, abs % 60)
    }
}

/// The newest time the timeline knows: its posts', its pages' published and updated times.
fn dtstamp(timeline: &Timeline) -> Option<DateTime<Utc>> {
    let documents = timeline.documents.iter().flat_map(|doc| {
        let posts = doc.posts.iter().filter_map(|p| p.time.as_ref());
        posts
            .chain(doc.published.as_ref())
            .chain(doc.updated.as_ref())
            .map(|t| t.utc)
    });
    documents.chain(timeline.events.iter().map(|e| e.utc)).max()
}

/// A UTC DATE-TIME value, `20200103T124400Z`.
fn utc(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// A TEXT value (RFC 5545 3.3.11): `\`, `;` and `,` escaped, each line break (CRLF, LF or CR) as
/// `\n`, and other control characters but the tab dropped, since TEXT cannot hold them.
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 8);
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Writes one content line, folded (RFC 5545 3.1), with CRLF.
fn line(out: &mut dyn Write, content: &str) -> io::Result<()> {
    out.write_all(fold(content).as_bytes())
}

/// `content` as physical lines of at most 75 octets each, CRLF after each, continuation lines
/// starting with one space (which counts toward their 75). A line is only cut between characters,
/// never inside a UTF-8 sequence.
fn fold(content: &str) -> String {
    let mut out = String::with_capacity(content.len() + content.len() / 64 * 3 + 2);
    let mut rest = content;
    let mut room = FOLD_AT;
    loop {
        if rest.len() <= room {
            out.push_str(rest);
            out.push_str("\r\n");
            return out;
        }
        let mut cut = room;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        room = FOLD_AT - 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tests::sample;

    #[test]
    fn a_date_alone_is_an_all_day_event_on_its_printed_date_east_and_west_of_utc() {
        for place in [crate::tests::EAST, crate::tests::WEST] {
            let calendar = ics(&crate::tests::dated(place));
            let event = calendar
                .split("BEGIN:VEVENT")
                .find(|e| e.contains("SUMMARY:Kelport"))
                .expect("Beta's event");
            assert!(
                event.contains("\r\nDTSTART;VALUE=DATE:20200415\r\nDTEND;VALUE=DATE:20200416\r\n"),
                "{place:?}: {event}"
            );
            assert!(
                event.contains("Beta Times\\, 2020-04-15 (date only)"),
                "{event}"
            );
            assert!(!event.contains("DATE:20200414"), "{place:?}: {event}");
        }
    }

    fn ics(timeline: &Timeline) -> String {
        let mut out = Vec::new();
        Ics.write(timeline, &WriteOptions::default(), &mut out)
            .expect("writing to a Vec");
        String::from_utf8(out).expect("iCalendar is UTF-8")
    }

    /// The content lines of a calendar: physical lines unfolded.
    fn unfold(calendar: &str) -> Vec<String> {
        calendar
            .replace("\r\n ", "")
            .split("\r\n")
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn a_small_timeline() {
        insta::assert_snapshot!(ics(&sample()).replace("\r\n", "\u{240d}\n"), @r#"
            BEGIN:VCALENDAR␍
            VERSION:2.0␍
            PRODID:-//dateline//dateline 0.1.0//EN␍
            CALSCALE:GREGORIAN␍
            BEGIN:VEVENT␍
            UID:e9aa4e6bfe99a@dateline␍
            DTSTAMP:20200104T173100Z␍
            DTSTART:20200103T124400Z␍
            DTEND:20200103T124500Z␍
            TRANSP:TRANSPARENT␍
            SUMMARY:US citizens have left Basra\, the oil ministry said.␍
            DESCRIPTION:The Independent\, 2020-01-03 12:44 UTC: US citizens have left B␍
             asra\, the oil ministry said. (seeds/blog.txt:37)␍
            CATEGORIES:The Independent␍
            END:VEVENT␍
            BEGIN:VEVENT␍
            UID:e36eb487af38d@dateline␍
            DTSTAMP:20200104T173100Z␍
            DTSTART:20200103T124500Z␍
            DTEND:20200103T124600Z␍
            TRANSP:TRANSPARENT␍
            SUMMARY:"Iran never won a war!" he said.␍
            DESCRIPTION:The Independent\, 2020-01-03 12:45 UTC: "Iran never won a war!"␍
              he said. (seeds/blog.txt:41)␍
            CATEGORIES:The Independent␍
            END:VEVENT␍
            BEGIN:VEVENT␍
            UID:efc6ec74ddbd3@dateline␍
            DTSTAMP:20200104T173100Z␍
            DTSTART:20200104T173100Z␍
            DTEND:20200104T173200Z␍
            TRANSP:TRANSPARENT␍
            SUMMARY:NATO suspends training in Iraq␍
            DESCRIPTION:CNN\, 2020-01-04 17:31 UTC: NATO suspends training in Iraq (see␍
             ds/cnn.txt:12)␍
            CATEGORIES:CNN␍
            URL:https://edition.cnn.com/middleeast/live-news/iran-news-01-04-20/index.h␍
             tml␍
            END:VEVENT␍
            END:VCALENDAR␍
        "#);
    }

    #[test]
    fn an_empty_timeline_is_a_calendar_with_the_utc_zone() {
        insta::assert_snapshot!(ics(&Timeline::default()).replace("\r\n", "\u{240d}\n"), @r#"
        BEGIN:VCALENDAR␍
        VERSION:2.0␍
        PRODID:-//dateline//dateline 0.1.0//EN␍
        CALSCALE:GREGORIAN␍
        BEGIN:VTIMEZONE␍
        TZID:UTC␍
        BEGIN:STANDARD␍
        DTSTART:19700101T000000␍
        TZOFFSETFROM:+0000␍
        TZOFFSETTO:+0000␍
        TZNAME:UTC␍
        END:STANDARD␍
        END:VTIMEZONE␍
        END:VCALENDAR␍
        "#);
    }

    #[test]
    fn folding_is_at_75_octets_exactly() {
        let ascii = "x".repeat(75);
        assert_eq!(fold(&ascii), format!("{ascii}\r\n"));
        let ascii = "x".repeat(76);
        assert_eq!(fold(&ascii), format!("{}\r\n x\r\n", "x".repeat(75)));
        let long = "y".repeat(75 + 74 + 1);
        assert_eq!(
            fold(&long),
            format!("{}\r\n {}\r\n y\r\n", "y".repeat(75), "y".repeat(74))
        );
    }

    #[test]
    fn folding_never_splits_a_utf8_sequence() {
        // `é` is 2 octets, `€` 3, `😀` 4: put each across the 75th octet.
        for (c, width) in [('é', 2), ('€', 3), ('😀', 4)] {
            for before in 75 - width + 1..75 {
                let content = format!("{}{c}{}", "a".repeat(before), "b".repeat(100));
                let folded = fold(&content);
                let first = folded.split("\r\n").next().unwrap_or_default();
                assert_eq!(first, "a".repeat(before), "{c} after {before} octets");
                for physical in folded.split("\r\n") {
                    assert!(physical.len() <= 75, "{physical:?}");
                }
                assert_eq!(folded.replace("\r\n ", "").trim_end(), content);
            }
            // Ending exactly at octet 75, it stays on the first line.
            let content = format!("{}{c}b", "a".repeat(75 - width));
            let folded = fold(&content);
            assert_eq!(folded, format!("{}{c}\r\n b\r\n", "a".repeat(75 - width)));
        }
        // Continuation lines hold 74 octets after their space, and never split either.
        let content = "€".repeat(60);
        let folded = fold(&content);
        let lines: Vec<&str> = folded.trim_end().split("\r\n").collect();
        assert_eq!(lines[0].len(), 75);
        assert_eq!(lines[1].len(), 1 + 72);
        assert!(lines.iter().all(|l| l.len() <= 75));
        assert_eq!(folded.replace("\r\n ", "").trim_end(), content);
    }

    proptest::proptest! {
        #[test]
        fn folded_text_unfolds_to_itself_in_lines_of_at_most_75_octets(value in "\\PC{0,300}", raw in ".{0,200}") {
            let content = format!("SUMMARY:{}", text(&format!("{value}{raw}\r\n{raw}")));
            let folded = fold(&content);
            proptest::prop_assert!(folded.ends_with("\r\n"));
            let physical: Vec<&str> = folded.trim_end_matches("\r\n").split("\r\n").collect();
            for (i, line) in physical.iter().enumerate() {
                proptest::prop_assert!(line.len() <= 75);
                proptest::prop_assert!(!line.contains(['\r', '\n']));
                proptest::prop_assert_eq!(i > 0, line.starts_with(' '));
            }
            proptest::prop_assert_eq!(folded.replace("\r\n ", ""), format!("{content}\r\n"));
        }
    }

    #[test]
    fn text_escaping() {
        assert_eq!(text(r"a\b;c,d"), r"a\\b\;c\,d");
        assert_eq!(text("one\ntwo\r\nthree\rfour"), r"one\ntwo\nthree\nfour");
        assert_eq!(text("tab\there\u{7}\u{1b}[0m"), "tab\there[0m");
        assert_eq!(text(":colon \"quotes\""), ":colon \"quotes\"");
        assert_eq!(text("\\n is not a newline"), r"\\n is not a newline");
    }

    #[test]
    fn hostile_text_cannot_start_a_property_or_component() {
        let mut timeline = sample();
        let hostile =
            "x\r\nBEGIN:VEVENT\r\nUID:evil\r\nEND:VEVENT\r\nEND:VCALENDAR\nBEGIN:VALARM\rX";
        timeline.events[0].headline = hostile.to_owned();
        timeline.events[0].outlets = vec!["Evil,Outlet;\r\nEND:VEVENT".to_owned()];
        timeline.documents[0].path = "dir\r\nEND:VCALENDAR".to_owned();
        let calendar = ics(&timeline);
        assert!(
            !calendar.replace("\r\n", "").contains(['\r', '\n']),
            "no bare CR or LF"
        );
        let lines = unfold(&calendar);
        let names: Vec<&str> = lines
            .iter()
            .map(|l| l.split([':', ';']).next().unwrap_or_default())
            .collect();
        assert_eq!(names.iter().filter(|n| **n == "BEGIN").count(), 1 + 3);
        assert_eq!(names.iter().filter(|n| **n == "END").count(), 1 + 3);
        assert_eq!(lines.iter().filter(|l| l.starts_with("UID:")).count(), 3);
        assert!(
            lines.contains(
                &r"SUMMARY:x\nBEGIN:VEVENT\nUID:evil\nEND:VEVENT\nEND:VCALENDAR\nBEGIN:VALARM\nX"
                    .to_owned()
            )
        );
        assert!(lines.contains(&r"CATEGORIES:Evil\,Outlet\;\nEND:VEVENT".to_owned()));
        for physical in calendar.split("\r\n").filter(|l| !l.is_empty()) {
            let known = [
                "BEGIN:",
                "END:",
                "VERSION:",
                "PRODID:",
                "CALSCALE:",
                "UID:",
                "DTSTAMP:",
                "DTSTART:",
                "DTEND:",
                "TRANSP:",
                "SUMMARY:",
                "DESCRIPTION:",
                "CATEGORIES:",
                "URL:",
                " ",
            ];
            assert!(
                known.iter().any(|k| physical.starts_with(k)),
                "{physical:?}"
            );
            assert!(physical.len() <= 75);
        }
    }

    #[test]
    fn a_report_line_names_outlet_time_lag_text_and_source() {
        let report = Report {
            post: "abc:87",
            outlet: "DW",
            utc: "2020-01-03T22:36:00Z".parse().ok(),
            lag_minutes: Some(246),
            date: None,
            path: Some("seeds/dw.txt"),
            url: None,
            line: Some(87),
            text: "Oil workers leave Basra.".to_owned(),
        };
        assert_eq!(
            describe(&report),
            "DW, 2020-01-03 22:36 UTC (+4h06): Oil workers leave Basra. (seeds/dw.txt:87)"
        );
        // Dated `03.01.2020` in Berlin: the day it prints, not the UTC day of its start.
        let dated = Report {
            utc: "2020-01-02T23:00:00Z".parse().ok(),
            lag_minutes: Some(0),
            date: chrono::NaiveDate::from_ymd_opt(2020, 1, 3),
            ..report
        };
        assert_eq!(
            describe(&dated),
            "DW, 2020-01-03 (date only): Oil workers leave Basra. (seeds/dw.txt:87)"
        );
        assert_eq!(lag(3), "+3 min");
        assert_eq!(lag(-12), "-12 min");
        assert_eq!(lag(-60), "-1h00");
        assert_eq!(lag(1560), "+26h00");
    }

    #[test]
    fn the_stamp_is_the_newest_time_and_the_same_every_time() {
        let timeline = sample();
        assert_eq!(
            dtstamp(&timeline).map(utc).as_deref(),
            Some("20200104T173100Z")
        );
        assert_eq!(ics(&timeline), ics(&timeline));
        assert_eq!(dtstamp(&Timeline::default()), None);
    }
}
