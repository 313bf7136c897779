//! `csv`: one row per event (or per report), RFC 4180, safe to open in a spreadsheet.

use std::io::{self, Write};

use dateline_model::Timeline;

use crate::reports::{self, Index, first_reporter};
use crate::{Error, Format, WriteOptions};

/// RFC 4180 CSV with a header row: CRLF line ends, and a field that holds `"`, `,`, CR or LF
/// quoted, its quotes doubled.
///
/// By default there is one row per event, with the columns [`EVENT_COLUMNS`]: its UTC time
/// (RFC 3339 with `Z`), headline, outlets (joined with `; `), first reporter, number of reports,
/// the `path:line` of each report (joined with `; `), the event's id and, when all its reports
/// come from one page, that page's address (`url`). With [`WriteOptions::csv_reports`] there is
/// one row per report instead, with the columns [`REPORT_COLUMNS`], the last the address of the
/// report's page. An address is given only when it is an `http` or `https` one; the columns are
/// added at the end, so a reader that picks columns by position reads the others as before.
///
/// A text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with a
/// single quote `'`, so a spreadsheet shows it as text instead of running it as a formula (OWASP's
/// advice against CSV injection). Cells dateline makes itself (times, counts, lags, lines, ids) are
/// never prefixed: a negative lag stays a number. Control characters other than tab, carriage
/// return and newline (which a quoted cell holds) are dropped from text cells, as the HTML and
/// iCalendar writers drop them: NUL cuts a cell short in some readers, and ESC, BEL and the C1
/// controls would run in a terminal that prints the file. With [`WriteOptions::excel`] the file starts with
/// the UTF-8 byte order mark, without which Excel reads UTF-8 as a legacy code page.
#[derive(Debug, Clone, Copy, Default)]
pub struct Csv;

/// The columns of the default table, one row per event.
pub const EVENT_COLUMNS: [&str; 8] = [
    "utc",
    "headline",
    "outlets",
    "first_reporter",
    "reports",
    "source_lines",
    "event_id",
    "url",
];

/// The columns of the `csv_reports` table, one row per report.
pub const REPORT_COLUMNS: [&str; 10] = [
    "event_id",
    "event_utc",
    "report_utc",
    "lag_minutes",
    "outlet",
    "path",
    "line",
    "post_id",
    "headline",
    "url",
];

/// The UTF-8 byte order mark.
const BOM: &[u8] = "\u{feff}".as_bytes();

impl Format for Csv {
    fn name(&self) -> &'static str {
        "csv"
    }

    fn description(&self) -> &'static str {
        "spreadsheet-safe CSV (RFC 4180): one row per event, or per report, with outlets and source lines"
    }

    fn write(
        &self,
        timeline: &Timeline,
        options: &WriteOptions,
        out: &mut dyn io::Write,
    ) -> Result<(), Error> {
        let mut out = io::BufWriter::new(out);
        if options.excel {
            out.write_all(BOM)?;
        }
        let mut csv = ::csv::WriterBuilder::new()
            .terminator(::csv::Terminator::CRLF)
            .quote_style(::csv::QuoteStyle::Necessary)
            .from_writer(&mut out);
        if options.csv_reports {
            write_reports(timeline, &mut csv)
        } else {
            write_events(timeline, &mut csv)
        }
        .map_err(io_error)?;
        csv.flush()?;
        drop(csv);
        out.flush()?;
        Ok(())
    }
}

fn write_events<W: Write>(timeline: &Timeline, csv: &mut ::csv::Writer<W>) -> ::csv::Result<()> {
    csv.write_record(EVENT_COLUMNS)?;
    let index = Index::new(timeline);
    for event in &timeline.events {
        let reports = index.reports(event);
        let sources: Vec<String> = reports.iter().map(|r| r.source()).collect();
        // An event's address is its page's when all its reports come from one page.
        let url = match reports.split_first() {
            Some((first, rest)) if rest.iter().all(|r| r.path == first.path) => first.url,
            _ => None,
        };
        csv.write_record([
            when(event.utc, reports::printed_date(event)),
            inert(&event.headline),
            inert(&event.outlets.join("; ")),
            inert(first_reporter(event, &reports).unwrap_or_default()),
            reports.len().to_string(),
            inert(&sources.join("; ")),
            event.id.clone(),
            inert(url.unwrap_or_default()),
        ])?;
    }
    Ok(())
}

fn write_reports<W: Write>(timeline: &Timeline, csv: &mut ::csv::Writer<W>) -> ::csv::Result<()> {
    csv.write_record(REPORT_COLUMNS)?;
    let index = Index::new(timeline);
    for event in &timeline.events {
        for report in index.reports(event) {
            csv.write_record([
                event.id.clone(),
                when(event.utc, reports::printed_date(event)),
                report.utc.map(|t| when(t, report.date)).unwrap_or_default(),
                report
                    .lag_minutes
                    .map(|m| m.to_string())
                    .unwrap_or_default(),
                inert(report.outlet),
                inert(report.path.unwrap_or_default()),
                report.line.map(|l| l.to_string()).unwrap_or_default(),
                report.post.to_owned(),
                inert(&report.text),
                inert(report.url.unwrap_or_default()),
            ])?;
        }
    }
    Ok(())
}

/// A time cell: RFC 3339 in UTC, or, for a time whose page gives only its date, that date alone as
/// printed (`2020-04-15`), which spreadsheets read as that date rather than as a midnight (and which
/// the UTC day of its start, `2020-04-14T22:00:00Z` in Berlin, is not).
fn when(utc: chrono::DateTime<chrono::Utc>, date: Option<chrono::NaiveDate>) -> String {
    match date {
        Some(date) => date.format("%Y-%m-%d").to_string(),
        None => utc.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true),
    }
}

/// A text cell a spreadsheet will not run and a terminal will not obey: control characters
/// dropped but the tab, carriage return and newline (C0, DEL and C1), then a leading `=`, `+`,
/// `-`, `@`, tab or carriage return given a `'` before it, so a control character in front
/// cannot hide a formula from the check.
///
/// The bidirectional controls (U+202A to U+202E, U+2066 to U+2069) stay: they are part of text in
/// right-to-left scripts as a page wrote it, and a spreadsheet keeps their effect within the cell.
fn inert(text: &str) -> String {
    let text: String = text
        .chars()
        .filter(|&c| matches!(c, '\t' | '\r' | '\n') || !c.is_control())
        .collect();
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text
    }
}

/// The CSV writer's error as the I/O error it is (a writer of string records fails only on I/O),
/// keeping its kind so a broken pipe stays one.
fn io_error(err: ::csv::Error) -> io::Error {
    match err.into_kind() {
        ::csv::ErrorKind::Io(err) => err,
        other => io::Error::other(format!("{other:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tests::sample;
    use dateline_model::Report;

    #[test]
    fn a_date_alone_is_its_printed_date_east_and_west_of_utc() {
        for place in [crate::tests::EAST, crate::tests::WEST] {
            let timeline = crate::tests::dated(place);
            let events = csv_with(&timeline, &WriteOptions::default());
            let row = events
                .lines()
                .find(|l| l.contains("Beta Times"))
                .expect("Beta's row");
            assert!(
                row.starts_with("2020-04-15,Kelport picks"),
                "{place:?}: {row}"
            );
            let options = WriteOptions {
                csv_reports: true,
                ..WriteOptions::default()
            };
            let reports = csv_with(&timeline, &options);
            let row = reports
                .lines()
                .find(|l| l.contains("Beta Times"))
                .expect("Beta's report");
            let cells: Vec<&str> = row.split(',').collect();
            assert_eq!(
                cells[1..4],
                ["2020-04-15", "2020-04-15", "0"],
                "{place:?}: {row}"
            );
            // The other event keeps its time.
            assert!(events.contains("Z,Storm closes"), "{events}");
        }
    }

    fn csv_with(timeline: &Timeline, options: &WriteOptions) -> String {
        let mut out = Vec::new();
        Csv.write(timeline, options, &mut out)
            .expect("writing to a Vec");
        String::from_utf8(out).expect("CSV is UTF-8")
    }

    fn csv(timeline: &Timeline) -> String {
        csv_with(timeline, &WriteOptions::default())
    }

    #[test]
    fn an_empty_timeline_is_its_header() {
        assert_eq!(
            csv(&Timeline::default()),
            "utc,headline,outlets,first_reporter,reports,source_lines,event_id,url\r\n"
        );
    }

    #[test]
    fn one_row_per_event_with_crlf() {
        insta::assert_snapshot!(csv(&sample()).replace("\r\n", "\u{240d}\n"), @r#"
            utc,headline,outlets,first_reporter,reports,source_lines,event_id,url␍
            2020-01-03T12:44:00Z,"US citizens have left Basra, the oil ministry said.",The Independent,The Independent,1,seeds/blog.txt:37,e9aa4e6bfe99a,␍
            2020-01-03T12:45:00Z,"""Iran never won a war!"" he said.",The Independent,The Independent,1,seeds/blog.txt:41,e36eb487af38d,␍
            2020-01-04T17:31:00Z,NATO suspends training in Iraq,CNN,CNN,1,seeds/cnn.txt:12,efc6ec74ddbd3,https://edition.cnn.com/middleeast/live-news/iran-news-01-04-20/index.html␍
        "#);
    }

    #[test]
    fn one_row_per_report() {
        let options = WriteOptions {
            csv_reports: true,
            ..WriteOptions::default()
        };
        insta::assert_snapshot!(csv_with(&sample(), &options).replace("\r\n", "\u{240d}\n"), @r#"
            event_id,event_utc,report_utc,lag_minutes,outlet,path,line,post_id,headline,url␍
            e9aa4e6bfe99a,2020-01-03T12:44:00Z,2020-01-03T12:44:00Z,0,The Independent,seeds/blog.txt,37,def53e95f1fc:37,"US citizens have left Basra, the oil ministry said.",␍
            e36eb487af38d,2020-01-03T12:45:00Z,2020-01-03T12:45:00Z,0,The Independent,seeds/blog.txt,41,def53e95f1fc:41,"""Iran never won a war!"" he said.",␍
            efc6ec74ddbd3,2020-01-04T17:31:00Z,2020-01-04T17:31:00Z,0,CNN,seeds/cnn.txt,12,4aa08612a8f6:12,NATO suspends training in Iraq,https://edition.cnn.com/middleeast/live-news/iran-news-01-04-20/index.html␍
        "#);
    }

    #[test]
    fn rfc_4180_quoting() {
        let mut timeline = sample();
        timeline.events[0].headline = "a \"quoted\", word\r\nand a line\rand\nmore".to_owned();
        timeline.events[1].headline = "plain; semicolons are fine".to_owned();
        let text = csv(&timeline);
        assert!(
            text.contains("\r\n2020-01-03T12:44:00Z,\"a \"\"quoted\"\", word\r\nand a line\rand\nmore\",The Independent,"),
            "{text}"
        );
        assert!(
            text.contains("\r\n2020-01-03T12:45:00Z,plain; semicolons are fine,The Independent,"),
            "{text}"
        );
    }

    #[test]
    fn formula_leads_are_neutralised_one_by_one() {
        for lead in ['=', '+', '-', '@', '\t', '\r'] {
            let cell = format!("{lead}1+1");
            assert_eq!(inert(&cell), format!("'{cell}"), "{lead:?}");
        }
        for safe in ["1+1", "'=x", " =x", "a=b", "", "\u{ff1d}x"] {
            assert_eq!(inert(safe), safe);
        }
        let mut timeline = sample();
        timeline.events[0].headline = "=HYPERLINK(\"http://evil\",\"x\")".to_owned();
        timeline.events[0].outlets = vec!["@SUM(A1)".to_owned(), "CNN".to_owned()];
        let text = csv(&timeline);
        assert!(
            text.contains(",\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",'@SUM(A1); CNN,"),
            "{text}"
        );
    }

    #[test]
    fn control_characters_are_dropped_from_text_cells() {
        assert_eq!(
            inert("a\u{1b}]0;title\u{7} \u{1b}[2J\u{0}b\u{7f}\u{85}\u{9b}c"),
            "a]0;title [2Jbc"
        );
        assert_eq!(inert("tab\tline\r\nend"), "tab\tline\r\nend");
        // A control character in front does not hide a formula.
        assert_eq!(inert("\u{0}=1+1"), "'=1+1");
        assert_eq!(inert("\u{1b}\t=1"), "'\t=1");
        assert_eq!(
            inert("\u{5e9}\u{202b}x\u{202c}"),
            "\u{5e9}\u{202b}x\u{202c}"
        );

        let mut timeline = sample();
        let hostile = "Flood \u{1b}]0;title\u{7} warning \u{1b}[2J\u{0}";
        timeline.events[0].headline = hostile.to_owned();
        for post in timeline
            .documents
            .iter_mut()
            .flat_map(|d| d.posts.iter_mut())
        {
            post.headline = Some(hostile.to_owned());
        }
        for options in [
            WriteOptions::default(),
            WriteOptions {
                csv_reports: true,
                ..WriteOptions::default()
            },
        ] {
            let text = csv_with(&timeline, &options);
            assert!(text.contains(",Flood ]0;title warning [2J"), "{text}");
            assert!(
                !text
                    .chars()
                    .any(|c| c.is_control() && c != '\r' && c != '\n'),
                "{text:?}"
            );
        }
    }

    #[test]
    fn lags_and_times_are_never_prefixed() {
        let mut timeline = sample();
        let later = timeline.events[1].utc;
        // Derived from the posts, and as merging gives them.
        timeline.events[0].utc = later;
        timeline.events[0].reports.clear();
        let report = Report::new(timeline.events[1].posts[0].clone(), "CNN", later, -7);
        timeline.events[1].reports = vec![report];
        let options = WriteOptions {
            csv_reports: true,
            ..WriteOptions::default()
        };
        let text = csv_with(&timeline, &options);
        assert!(
            text.contains(",2020-01-03T12:45:00Z,2020-01-03T12:44:00Z,-1,The Independent,"),
            "{text}"
        );
        assert!(
            text.contains(",2020-01-03T12:45:00Z,2020-01-03T12:45:00Z,-7,CNN,"),
            "{text}"
        );
    }

    #[test]
    fn the_bom_is_there_only_for_excel() {
        assert!(csv(&sample()).starts_with("utc,"));
        let options = WriteOptions {
            excel: true,
            ..WriteOptions::default()
        };
        let text = csv_with(&sample(), &options);
        assert!(text.starts_with("\u{feff}utc,"));
        assert_eq!(text.matches('\u{feff}').count(), 1);
    }

    #[test]
    fn a_failing_writer_is_an_io_error() {
        struct Closed;
        impl io::Write for Closed {
            fn write(&mut self, _: &[u8]) -> io::Result<usize> {
                Err(io::Error::new(io::ErrorKind::BrokenPipe, "closed"))
            }
            fn flush(&mut self) -> io::Result<()> {
                Err(io::Error::new(io::ErrorKind::BrokenPipe, "closed"))
            }
        }
        let err = Csv
            .write(&sample(), &WriteOptions::default(), &mut Closed)
            .expect_err("the writer fails");
        assert!(err.is_broken_pipe(), "{err:?}");
    }
}
