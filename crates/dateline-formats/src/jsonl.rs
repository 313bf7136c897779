//! `jsonl`: the timeline as JSON Lines, one record per line, for streaming consumers.

use std::io::{self, Write};

use dateline_model::Timeline;
use serde::Serialize;

use crate::{Error, Format, WriteOptions};

/// JSON Lines: one compact JSON object per line, each `{"type": TYPE, "data": VALUE}`.
///
/// The first line is `{"type":"header","data":{"version":N}}`, `N` being the JSON contract's
/// version (`docs/json.md`), so a consumer that reads one line at a time knows what follows before
/// it follows. Then come the documents (`"document"`), the events (`"event"`), and the diagnostics
/// (`"diagnostic"`), in the timeline's order; each `data` is exactly the object the `json` format
/// has in its `documents`, `events` or `diagnostics` array. Every line ends with `\n`, so a
/// document's newlines are escaped inside its strings and never split a record.
#[derive(Debug, Clone, Copy, Default)]
pub struct Jsonl;

#[derive(Serialize)]
struct Record<'a, T: Serialize> {
    #[serde(rename = "type")]
    kind: &'static str,
    data: &'a T,
}

#[derive(Serialize)]
struct Header {
    version: u32,
}

impl Format for Jsonl {
    fn name(&self) -> &'static str {
        "jsonl"
    }

    fn description(&self) -> &'static str {
        "JSON Lines for streaming: a version header, then one line per document, event and diagnostic"
    }

    fn write(
        &self,
        timeline: &Timeline,
        options: &WriteOptions,
        out: &mut dyn io::Write,
    ) -> Result<(), Error> {
        let mut out = io::BufWriter::new(out);
        let header = Header {
            version: timeline.version,
        };
        line(&mut out, "header", &header, options.terminal)?;
        for doc in &timeline.documents {
            line(&mut out, "document", doc, options.terminal)?;
        }
        for event in &timeline.events {
            line(&mut out, "event", event, options.terminal)?;
        }
        for diagnostic in &timeline.diagnostics {
            line(&mut out, "diagnostic", diagnostic, options.terminal)?;
        }
        out.flush()?;
        Ok(())
    }
}

fn line<T: Serialize>(
    out: &mut impl Write,
    kind: &'static str,
    data: &T,
    terminal: bool,
) -> Result<(), Error> {
    crate::json_text::to_writer(&mut *out, &Record { kind, data }, terminal)?;
    out.write_all(b"\n")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tests::sample;
    use dateline_model::{Diagnostic, Document, Event};

    #[test]
    fn a_date_alone_carries_its_printed_date_east_and_west_of_utc() {
        for place in [crate::tests::EAST, crate::tests::WEST] {
            let text = jsonl(&crate::tests::dated(place));
            let event = text
                .lines()
                .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
                .find(|v| v["type"] == "event" && v["data"]["outlets"][0] == "Beta Times")
                .expect("Beta's event line");
            assert_eq!(event["data"]["date"], "2020-04-15", "{place:?}");
            assert_eq!(event["data"]["reports"][0]["date"], "2020-04-15");
        }
    }

    fn jsonl(timeline: &Timeline) -> String {
        let mut out = Vec::new();
        Jsonl
            .write(timeline, &WriteOptions::default(), &mut out)
            .expect("writing to a Vec");
        String::from_utf8(out).expect("JSON is UTF-8")
    }

    #[test]
    fn an_empty_timeline_is_its_header() {
        insta::assert_snapshot!(jsonl(&Timeline::default()), @r#"{"type":"header","data":{"version":1}}"#);
    }

    #[test]
    fn one_complete_object_per_line_documents_then_events_then_diagnostics() {
        let timeline = sample();
        let text = jsonl(&timeline);
        assert!(text.ends_with('\n'));
        let lines: Vec<&str> = text.lines().collect();
        let expected =
            1 + timeline.documents.len() + timeline.events.len() + timeline.diagnostics.len();
        assert_eq!(lines.len(), expected);
        let values: Vec<serde_json::Value> = lines
            .iter()
            .map(|l| serde_json::from_str(l).expect("every line is a JSON object"))
            .collect();
        let types: Vec<&str> = values
            .iter()
            .map(|v| v["type"].as_str().expect("a type"))
            .collect();
        let mut want = vec!["header"];
        want.extend(timeline.documents.iter().map(|_| "document"));
        want.extend(timeline.events.iter().map(|_| "event"));
        want.extend(timeline.diagnostics.iter().map(|_| "diagnostic"));
        assert_eq!(types, want);
        assert_eq!(values[0]["data"]["version"], 1);
        for v in &values {
            assert_eq!(
                v.as_object().map(|o| o.len()),
                Some(2),
                "only type and data"
            );
        }
        // Each record's data is the model value itself.
        let doc: Document = serde_json::from_value(values[1]["data"].clone()).expect("a document");
        assert_eq!(doc, timeline.documents[0]);
        let event: Event = serde_json::from_value(values[3]["data"].clone()).expect("an event");
        assert_eq!(event, timeline.events[0]);
        let last: Diagnostic =
            serde_json::from_value(values[expected - 1]["data"].clone()).expect("a diagnostic");
        assert_eq!(Some(&last), timeline.diagnostics.last());
    }

    #[test]
    fn newlines_in_text_never_split_a_record() {
        let mut timeline = sample();
        timeline.events[0].headline = "one\ntwo\r\n{\"type\":\"event\"}\u{2028}".to_owned();
        let text = jsonl(&timeline);
        let lines = text.lines().count();
        assert_eq!(lines, 1 + 2 + 3 + timeline.diagnostics.len());
        assert!(text.contains(r#""headline":"one\ntwo\r\n{\"type\":\"event\"}"#));
    }
}
