//! `json`: the whole timeline, as documented in `docs/json.md`.

use std::io::{self, Write};

use dateline_model::Timeline;

use crate::{Error, Format, WriteOptions};

/// The JSON contract: the whole [`Timeline`] with serde, pretty-printed with two-space
/// indentation, and a final newline.
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
        _options: &WriteOptions,
        out: &mut dyn io::Write,
    ) -> Result<(), Error> {
        let mut out = io::BufWriter::new(out);
        serde_json::to_writer_pretty(&mut out, timeline)?;
        out.write_all(b"\n")?;
        out.flush()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tests::sample;

    fn json(timeline: &Timeline) -> String {
        let mut out = Vec::new();
        Json.write(timeline, &WriteOptions::default(), &mut out)
            .expect("writing to a Vec");
        String::from_utf8(out).expect("JSON is UTF-8")
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
