//! `json`: the whole timeline, as documented in `docs/json.md`.

use std::cell::RefCell;
use std::io::{self, Write};

use dateline_model::Timeline;
use rayon::prelude::*;
use serde::Serialize;

use crate::{Error, Format, WriteOptions};

/// The JSON contract: the whole [`Timeline`] with serde, pretty-printed with two-space
/// indentation, and a final newline.
///
/// The bytes are `serde_json::to_writer_pretty`'s (on a terminal, DEL, the C1 controls and the
/// bidirectional controls are `\u` escapes in strings too, [`crate::json_text`]), written by a
/// printer of its layout that copies strings with nothing to escape as they are (the crate's
/// `json_pretty` module); the lists (documents, events, diagnostics)
/// are serialised in parallel, a batch at a time, each batch while the one before it is written.
///
/// Field names are the model's, times are RFC 3339 (`utc` with `Z`), absent values are `null`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Json;

impl Format for Json {
    fn name(&self) -> &'static str {
        "json"
    }

    fn description(&self) -> &'static str {
        "the whole timeline as one JSON object: documents, posts, times with their basis, events, diagnostics"
    }

    fn write(
        &self,
        timeline: &Timeline,
        options: &WriteOptions,
        out: &mut dyn io::Write,
    ) -> Result<(), Error> {
        let mut out = io::BufWriter::with_capacity(1 << 16, out);
        let terminal = options.terminal;
        // The fields in the order the model declares them, as serde writes them; a field the model
        // gains must be written here too (`the_bytes_are_the_pretty_printers` fails until it is).
        write!(
            out,
            "{{\n  \"version\": {},\n  \"documents\": ",
            timeline.version
        )?;
        write_list(&mut out, &timeline.documents, terminal)?;
        out.write_all(b",\n  \"events\": ")?;
        write_list(&mut out, &timeline.events, terminal)?;
        out.write_all(b",\n  \"diagnostics\": ")?;
        write_list(&mut out, &timeline.diagnostics, terminal)?;
        out.write_all(b"\n}\n")?;
        out.flush()?;
        Ok(())
    }
}

/// Items serialised together before any of them is written: enough to keep both cores busy,
/// few enough that the buffers stay small beside the timeline.
const BATCH: usize = 64;

/// A list that is the value of a top-level field: `[]`, or its items one per line at four
/// spaces, as the pretty printer nests them.
fn write_list<T: Serialize + Sync>(
    out: &mut impl Write,
    items: &[T],
    terminal: bool,
) -> Result<(), Error> {
    if items.is_empty() {
        out.write_all(b"[]")?;
        return Ok(());
    }
    out.write_all(b"[")?;
    let mut batches = items.chunks(BATCH);
    let mut ready = batches
        .next()
        .map(|batch| serialise(batch, terminal))
        .transpose()?;
    let mut first = true;
    while let Some(done) = ready.take() {
        // The next batch is serialised on the thread pool while this one is written here.
        let mut next = None;
        let written = rayon::in_place_scope(|scope| {
            scope.spawn(|_| next = batches.next().map(|batch| serialise(batch, terminal)));
            for item in &done {
                out.write_all(if first { b"\n    " } else { b",\n    " })?;
                first = false;
                out.write_all(item)?;
            }
            io::Result::Ok(())
        });
        written?;
        ready = next.transpose()?;
    }
    out.write_all(b"\n  ]")?;
    Ok(())
}

/// Each item of a batch pretty-printed on its own as it stands in the timeline (two levels in),
/// in parallel.
///
/// Each thread prints into one buffer that it keeps, and each item is copied out at its size:
/// printed into a new buffer, a document of a hundred kilobytes grew it a dozen times.
fn serialise<T: Serialize + Sync>(batch: &[T], terminal: bool) -> Result<Vec<Vec<u8>>, Error> {
    thread_local! {
        static BUFFER: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    }
    batch
        .par_iter()
        .map(|item| {
            BUFFER.with_borrow_mut(|buf| {
                buf.clear();
                crate::json_pretty::to_vec_nested(buf, item, terminal, 2)?;
                Ok(buf.as_slice().to_vec())
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tests::sample;

    #[test]
    fn a_date_alone_carries_its_printed_date_east_and_west_of_utc() {
        for (place, start) in [
            (crate::tests::EAST, "2020-04-14T22:00:00Z"),
            (crate::tests::WEST, "2020-04-15T05:00:00Z"),
        ] {
            let timeline = crate::tests::dated(place);
            let value: serde_json::Value =
                serde_json::from_str(&json(&timeline)).expect("valid JSON");
            let events = value["events"].as_array().cloned().unwrap_or_default();
            let dated = events
                .iter()
                .find(|e| e["outlets"][0] == "Beta Times")
                .expect("Beta's event");
            assert_eq!(dated["utc"], start, "{place:?}");
            assert_eq!(dated["precision"], "day");
            assert_eq!(dated["date"], "2020-04-15", "{place:?}");
            assert_eq!(dated["reports"][0]["date"], "2020-04-15");
            let time = &value["documents"][0]["posts"][0]["time"];
            assert_eq!(time["date"], "2020-04-15");
            assert_eq!(time["local"], "2020-04-15T00:00:00".to_owned() + place.0);
            let timed = events
                .iter()
                .find(|e| e["outlets"][0] == "Alpha News")
                .expect("Alpha's event");
            assert_eq!(timed["date"], serde_json::Value::Null);
            let back: Timeline = serde_json::from_value(value).expect("reads back");
            assert_eq!(back, timeline);
        }
    }

    #[test]
    fn on_a_terminal_the_json_formats_escape_the_controls_a_terminal_acts_on() {
        let mut timeline = sample();
        timeline.documents[0].title = Some("Live \u{9b}2J \u{202e}txt \u{7f}".to_owned());
        for name in ["json", "jsonl", "timelinejs"] {
            let format = crate::by_name(name).expect("a built-in format");
            let shown = WriteOptions {
                terminal: true,
                ..WriteOptions::default()
            };
            let mut out = Vec::new();
            format
                .write(&timeline, &shown, &mut out)
                .expect("writing to a Vec");
            let text = String::from_utf8(out).expect("UTF-8");
            assert!(
                !text.contains(['\u{9b}', '\u{202e}', '\u{7f}']),
                "{name}: {text}"
            );
            let mut out = Vec::new();
            format
                .write(&timeline, &WriteOptions::default(), &mut out)
                .expect("writing to a Vec");
            let piped = String::from_utf8(out).expect("UTF-8");
            if name == "json" {
                assert!(piped.contains("\u{9b}2J \u{202e}txt \u{7f}"), "{name}");
            }
            // The same values: only the escapes differ.
            let values = |text: &str| -> Vec<serde_json::Value> {
                let lines: Vec<&str> = if name == "jsonl" {
                    text.lines().collect()
                } else {
                    vec![text]
                };
                lines
                    .iter()
                    .map(|l| serde_json::from_str(l).expect("valid JSON"))
                    .collect()
            };
            assert_eq!(values(&text), values(&piped), "{name}");
        }
    }

    fn json(timeline: &Timeline) -> String {
        let mut out = Vec::new();
        Json.write(timeline, &WriteOptions::default(), &mut out)
            .expect("writing to a Vec");
        String::from_utf8(out).expect("JSON is UTF-8")
    }

    /// What the writer must print, byte for byte: serde's pretty printer on the whole timeline.
    fn pretty(timeline: &Timeline) -> String {
        serde_json::to_string_pretty(timeline).expect("serialising a timeline") + "\n"
    }

    #[test]
    fn the_bytes_are_the_pretty_printers() {
        assert_eq!(json(&Timeline::default()), pretty(&Timeline::default()));
        assert_eq!(json(&sample()), pretty(&sample()));
        // Lists longer than a batch, and a list ending just after one, cross batch boundaries.
        let mut long = sample();
        let documents = long.documents.clone();
        let events = long.events.clone();
        for k in 0..BATCH * 2 {
            long.documents.extend(documents.iter().cloned());
            if k < BATCH {
                long.events.extend(events.iter().cloned());
            }
        }
        assert!(long.documents.len() > 2 * BATCH && long.events.len() > BATCH);
        assert_eq!(json(&long), pretty(&long));
    }

    #[test]
    fn an_empty_timeline() {
        insta::assert_snapshot!(json(&Timeline::default()), @r#"
        {
          "version": 1,
          "documents": [],
          "events": [],
          "diagnostics": []
        }
        "#);
    }

    #[test]
    fn round_trips_through_serde() {
        let timeline = sample();
        let text = json(&timeline);
        assert!(text.ends_with("}\n"));
        let back: Timeline = serde_json::from_str(&text).expect("our own JSON reads back");
        assert_eq!(back, timeline);
        assert_eq!(json(&back), text, "byte-identical when written again");
    }

    #[test]
    fn times_are_rfc3339_with_z() {
        let text = json(&sample());
        let value: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
        assert_eq!(value["events"][0]["utc"], "2020-01-03T12:44:00Z");
        assert_eq!(
            value["documents"][0]["posts"][0]["time"]["utc"],
            "2020-01-03T12:44:00Z"
        );
        // chrono writes a zero offset as `Z`, any other as `+HH:MM`.
        assert_eq!(
            value["documents"][0]["posts"][0]["time"]["local"],
            "2020-01-03T12:44:00Z"
        );
        assert_eq!(
            value["documents"][1]["posts"][0]["time"]["local"],
            "2020-01-04T12:31:00-05:00"
        );
    }

    #[test]
    fn a_failing_writer_is_an_io_error() {
        struct Closed;
        impl io::Write for Closed {
            fn write(&mut self, _: &[u8]) -> io::Result<usize> {
                Err(io::Error::new(io::ErrorKind::BrokenPipe, "closed"))
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let err = Json
            .write(&sample(), &WriteOptions::default(), &mut Closed)
            .expect_err("the writer fails");
        assert!(err.is_broken_pipe(), "{err:?}");
    }
}
