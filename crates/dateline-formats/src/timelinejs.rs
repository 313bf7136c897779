//! `timelinejs`: the JSON that Knight Lab's TimelineJS 3 reads.

use std::io::{self, Write};

use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};
use dateline_model::{Event, Timeline};
use serde::Serialize;

use crate::html::{clock, count, escape, one_line};
use crate::reports::{self, Index};
use crate::{Error, Format, WriteOptions};

/// A timeline as TimelineJS 3 JSON: `{"title": ..., "events": [...]}`, for
/// `new TL.Timeline(element, data)` or a JSON file served next to the page.
///
/// Each event is one slide: `start_date` with `year`, `month`, `day`, `hour` and `minute` as
/// strings (TimelineJS's documented form) in UTC (the printed date's `year`, `month` and `day`
/// alone for an event whose page prints only a date), `display_date` such as `3 Jan 2020 12:45 UTC`
/// (so the slides say UTC whatever the reader's zone), `text.headline`, `text.text` with the
/// reports (outlet, time, lag, a line of text, the source `path:line`, and a link to the original
/// page when it has an `http` or `https` address), `group` (the outlet, or the
/// first reporter when several outlets report the event) and `unique_id` (the event id). The title
/// slide counts the events and lists the sources.
///
/// TimelineJS renders `text.headline` and `text.text` as HTML (after its own sanitiser), so every
/// source string in them is HTML-escaped. It reads `group` as HTML, takes its text, and then
/// renders that text as HTML again in the time navigator, so `group` is escaped twice: an outlet
/// called `<b>` shows as `<b>`, not bold, and nothing in it can become markup.
#[derive(Debug, Clone, Copy, Default)]
pub struct TimelineJs;

impl Format for TimelineJs {
    fn name(&self) -> &'static str {
        "timelinejs"
    }

    fn description(&self) -> &'static str {
        "Knight Lab TimelineJS 3 JSON: one slide per event, grouped by outlet, times in UTC"
    }

    fn write(
        &self,
        timeline: &Timeline,
        options: &WriteOptions,
        out: &mut dyn io::Write,
    ) -> Result<(), Error> {
        let mut out = io::BufWriter::new(out);
        crate::json_text::to_writer_pretty(&mut out, &document(timeline), options.terminal)?;
        out.write_all(b"\n")?;
        out.flush()?;
        Ok(())
    }
}

/// The whole file.
#[derive(Serialize)]
struct Document {
    title: Slide,
    events: Vec<Slide>,
}

/// A slide: the title, or one event.
#[derive(Serialize)]
struct Slide {
    #[serde(skip_serializing_if = "Option::is_none")]
    start_date: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    display_date: Option<String>,
    text: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<String>,
    unique_id: String,
}

/// A date as TimelineJS reads it: its fields as decimal strings.
#[derive(Serialize)]
struct Date {
    year: String,
    month: String,
    day: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    hour: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    minute: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    second: Option<String>,
}

impl Date {
    fn new(utc: &DateTime<Utc>) -> Self {
        Date {
            year: utc.year().to_string(),
            month: utc.month().to_string(),
            day: utc.day().to_string(),
            hour: Some(utc.hour().to_string()),
            minute: Some(utc.minute().to_string()),
            second: (utc.second() != 0).then(|| utc.second().to_string()),
        }
    }

    /// The date alone, for an event whose page gives only its day (the day it prints): TimelineJS
    /// then shows that day.
    fn day(date: NaiveDate) -> Self {
        Date {
            year: date.year().to_string(),
            month: date.month().to_string(),
            day: date.day().to_string(),
            hour: None,
            minute: None,
            second: None,
        }
    }
}

/// A slide's text, both fields HTML.
#[derive(Serialize)]
struct Text {
    headline: String,
    text: String,
}

fn document(timeline: &Timeline) -> Document {
    let index = Index::new(timeline);
    Document {
        title: title(timeline),
        events: reports::by_day(&timeline.events)
            .into_iter()
            .map(|event| slide(&index, event))
            .collect(),
    }
}

/// The title slide: what the timeline holds and where it comes from.
fn title(timeline: &Timeline) -> Slide {
    let mut text = format!(
        "<p>{} from {}, times in UTC.</p>",
        count(timeline.events.len(), "event", "events"),
        count(timeline.documents.len(), "document", "documents"),
    );
    if !timeline.documents.is_empty() {
        text.push_str("<ul>");
        for doc in &timeline.documents {
            let link = reports::url(doc)
                .map(|url| format!(" {}", original_link(url)))
                .unwrap_or_default();
            text.push_str(&format!(
                "<li>{}: <code>{}</code>{link}</li>",
                escape(&one_line(reports::outlet(doc))),
                escape(&doc.path)
            ));
        }
        text.push_str("</ul>");
    }
    Slide {
        start_date: None,
        display_date: None,
        text: Text {
            headline: "Timeline".to_owned(),
            text,
        },
        group: None,
        unique_id: "dateline-title".to_owned(),
    }
}

fn slide(index: &Index<'_>, event: &Event) -> Slide {
    let reports = index.reports(event);
    let first = reports::first_reporter(event, &reports);
    let mut text = String::new();
    if event.outlets.len() > 1 {
        let outlets: Vec<String> = event.outlets.iter().map(|o| escape(&one_line(o))).collect();
        text.push_str(&format!("<p>{}", outlets.join(", ")));
        if let Some(first) = first {
            text.push_str(&format!(
                "; first reporter: <strong>{}</strong>",
                escape(&one_line(first))
            ));
        }
        text.push_str("</p>");
    }
    if !reports.is_empty() {
        text.push_str("<ul>");
        for report in &reports {
            let mut parts = Vec::new();
            if !report.outlet.is_empty() {
                parts.push(format!(
                    "<strong>{}</strong>",
                    escape(&one_line(report.outlet))
                ));
            }
            let when = match (report.date, report.utc) {
                (Some(printed), _) => Some(printed.format("%-d %b %Y").to_string()),
                (None, Some(utc)) if utc.date_naive() == reports::day(event) => {
                    Some(format!("{} UTC", clock(&utc)))
                }
                (None, Some(utc)) => Some(display_date(&utc)),
                (None, None) => None,
            };
            if let Some(mut when) = when {
                if let Some(lag) = report.shown_lag() {
                    when.push_str(&format!(" ({lag})"));
                }
                parts.push(when);
            }
            let mut line = parts.join(", ");
            if !report.text.is_empty() && report.text != one_line(&event.headline) {
                if !line.is_empty() {
                    line.push_str(": ");
                }
                line.push_str(&escape(&report.text));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(&format!("<code>{}</code>", escape(&report.source())));
            if let Some(url) = report.url {
                line.push_str(&format!(" {}", original_link(url)));
            }
            text.push_str(&format!("<li>{line}</li>"));
        }
        text.push_str("</ul>");
    }
    let headline = match one_line(&event.headline) {
        h if h.is_empty() => "(no headline)".to_owned(),
        h => escape(&h),
    };
    let group = first
        .or_else(|| event.outlets.first().map(String::as_str))
        .map(|outlet| escape(&escape(&one_line(outlet))));
    let (start_date, shown) = if let Some(printed) = reports::printed_date(event) {
        (
            Date::day(printed),
            printed.format("%-d %b %Y, date only").to_string(),
        )
    } else {
        (Date::new(&event.utc), display_date(&event.utc))
    };
    Slide {
        start_date: Some(start_date),
        display_date: Some(shown),
        text: Text { headline, text },
        group,
        unique_id: event.id.clone(),
    }
}

/// A link to a report's original page, [`reports::url`] (`http` or `https` only), in a slide's
/// text, where TimelineJS keeps links (a slide's `media` would have it fetch and embed the page).
fn original_link(url: &str) -> String {
    format!(
        "<a href=\"{}\" rel=\"noreferrer\">original page</a>",
        escape(url)
    )
}

/// `3 Jan 2020 12:45 UTC`.
fn display_date(utc: &DateTime<Utc>) -> String {
    format!("{} {} UTC", utc.format("%-d %b %Y"), clock(utc))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tests::sample;

    #[test]
    fn a_date_alone_starts_on_its_printed_day_east_and_west_of_utc() {
        for place in [crate::tests::EAST, crate::tests::WEST] {
            let value: serde_json::Value =
                serde_json::from_str(&timelinejs(&crate::tests::dated(place))).expect("valid JSON");
            let slides = value["events"].as_array().cloned().unwrap_or_default();
            let slide = slides
                .iter()
                .find(|s| s["group"] == "Beta Times")
                .expect("Beta's slide");
            assert_eq!(
                slide["start_date"],
                serde_json::json!({"year": "2020", "month": "4", "day": "15"}),
                "{place:?}"
            );
            assert_eq!(slide["display_date"], "15 Apr 2020, date only");
            let text = slide["text"]["text"].as_str().unwrap_or_default();
            assert!(
                text.contains("<strong>Beta Times</strong>, 15 Apr 2020 (same day)"),
                "{place:?}: {text}"
            );
        }
    }

    fn timelinejs(timeline: &Timeline) -> String {
        let mut out = Vec::new();
        TimelineJs
            .write(timeline, &WriteOptions::default(), &mut out)
            .expect("writing to a Vec");
        String::from_utf8(out).expect("JSON is UTF-8")
    }

    #[test]
    fn an_empty_timeline_has_a_title_and_no_events() {
        insta::assert_snapshot!(timelinejs(&Timeline::default()), @r#"
        {
          "title": {
            "text": {
              "headline": "Timeline",
              "text": "<p>0 events from 0 documents, times in UTC.</p>"
            },
            "unique_id": "dateline-title"
          },
          "events": []
        }
        "#);
    }

    #[test]
    fn one_slide_per_event_in_utc() {
        let timeline = sample();
        let text = timelinejs(&timeline);
        let mut value: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
        let ids: Vec<&str> = timeline.events.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(value["events"][2]["unique_id"], ids[2]);
        value["events"][2]["unique_id"] = "[event id]".into();
        insta::assert_json_snapshot!(value["events"][2], @r#"
            {
              "display_date": "4 Jan 2020 17:31 UTC",
              "group": "CNN",
              "start_date": {
                "day": "4",
                "hour": "17",
                "minute": "31",
                "month": "1",
                "year": "2020"
              },
              "text": {
                "headline": "NATO suspends training in Iraq",
                "text": "<ul><li><strong>CNN</strong>, 17:31 UTC <code>seeds/cnn.txt:12</code> <a href=\"https://edition.cnn.com/middleeast/live-news/iran-news-01-04-20/index.html\" rel=\"noreferrer\">original page</a></li></ul>"
              },
              "unique_id": "[event id]"
            }
        "#);
        assert_eq!(
            value["title"]["text"]["text"],
            "<p>3 events from 2 documents, times in UTC.</p><ul><li>The Independent: <code>seeds/blog.txt</code></li><li>CNN: <code>seeds/cnn.txt</code> <a href=\"https://edition.cnn.com/middleeast/live-news/iran-news-01-04-20/index.html\" rel=\"noreferrer\">original page</a></li></ul>"
        );
        assert!(text.ends_with("}\n"));
        assert_eq!(timelinejs(&sample()), text, "the same bytes every time");
    }

    #[test]
    fn several_outlets_are_grouped_under_the_first_reporter() {
        let mut timeline = sample();
        let posts = vec![
            timeline.documents[1].posts[0].id.clone(),
            timeline.documents[0].posts[1].id.clone(),
        ];
        let outlets = vec!["CNN".to_owned(), "The Independent".to_owned()];
        let utc: DateTime<Utc> = "2020-01-03T12:45:30Z".parse().expect("a time");
        let mut event = Event::new(utc, "One event".to_owned(), posts, outlets);
        event.first_reporter = Some("The Independent".to_owned());
        timeline.events = vec![event];
        let value: serde_json::Value =
            serde_json::from_str(&timelinejs(&timeline)).expect("valid JSON");
        let slide = &value["events"][0];
        assert_eq!(slide["group"], "The Independent");
        assert_eq!(slide["start_date"]["second"], "30");
        assert_eq!(slide["display_date"], "3 Jan 2020 12:45:30 UTC");
        insta::assert_snapshot!(slide["text"]["text"].as_str().unwrap_or_default(), @r#"<p>CNN, The Independent; first reporter: <strong>The Independent</strong></p><ul><li><strong>CNN</strong>, 4 Jan 2020 17:31 UTC (+28 h 45 min): NATO suspends training in Iraq <code>seeds/cnn.txt:12</code> <a href="https://edition.cnn.com/middleeast/live-news/iran-news-01-04-20/index.html" rel="noreferrer">original page</a></li><li><strong>The Independent</strong>, 12:45 UTC: &quot;Iran never won a war!&quot; he said. <code>seeds/blog.txt:41</code></li></ul>"#);
    }

    #[test]
    fn hostile_text_is_escaped_and_the_group_twice() {
        let mut timeline = sample();
        let hostile = "<img src=x onerror=alert(1)>&amp;";
        timeline.events[0].headline = hostile.to_owned();
        timeline.events[0].outlets = vec![hostile.to_owned()];
        timeline.events[0].first_reporter = Some(hostile.to_owned());
        timeline.documents[0].posts[0].text = hostile.to_owned();
        timeline.documents[0].path = "<b>path</b>".to_owned();
        let value: serde_json::Value =
            serde_json::from_str(&timelinejs(&timeline)).expect("valid JSON");
        let slide = &value["events"][0];
        assert_eq!(
            slide["text"]["headline"],
            "&lt;img src=x onerror=alert(1)&gt;&amp;amp;"
        );
        assert_eq!(
            slide["group"],
            "&amp;lt;img src=x onerror=alert(1)&amp;gt;&amp;amp;amp;"
        );
        let text = slide["text"]["text"].as_str().unwrap_or_default();
        assert!(!text.contains("<img") && !text.contains("<b>"), "{text}");
        assert!(text.contains("&lt;b&gt;path&lt;/b&gt;:37"), "{text}");
    }
}
