//! The [`Format`] trait and the list of built-in formats.

use std::fmt;
use std::io;

use dateline_model::Timeline;

use crate::Error;

/// An output format: a name, one line of description, and a writer.
///
/// The built-in formats implement it, and so will the stand-ins for external format plugins. A
/// format writes the whole [`Timeline`] to `out` and nothing anywhere else. For the same timeline
/// and options, it writes the same bytes.
pub trait Format: Send + Sync {
    /// The name given to `--format`, lowercase, such as `json`.
    fn name(&self) -> &'static str;

    /// One line for `dateline formats`, lowercase, no trailing period.
    fn description(&self) -> &'static str;

    /// Whether the output is binary data rather than text (Parquet): a program that prints to a
    /// terminal should write it to a file instead. `false` unless a format says otherwise.
    fn binary(&self) -> bool {
        false
    }

    /// Writes `timeline` to `out`.
    ///
    /// # Errors
    ///
    /// When `out` fails, or when the timeline cannot be represented in the format.
    fn write(
        &self,
        timeline: &Timeline,
        options: &WriteOptions,
        out: &mut dyn io::Write,
    ) -> Result<(), Error>;
}

impl fmt::Debug for dyn Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Format")
            .field("name", &self.name())
            .finish()
    }
}

/// Choices for the formats. A format ignores the options that are not its own.
///
/// The struct is `#[non_exhaustive]`: start from [`WriteOptions::default`] and set fields.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct WriteOptions {
    /// `csv`: one row per report (a post's report of an event) instead of one row per event.
    pub csv_reports: bool,
    /// `csv`: start with the UTF-8 byte order mark, so Excel reads the file as UTF-8.
    pub excel: bool,
    /// `markdown`: also show each event's time in this zone, beside the UTC time.
    pub display_zone: Option<chrono_tz::Tz>,
    /// The output is shown on a terminal as it is written: the JSON formats (`json`, `jsonl`,
    /// `timelinejs`) then escape DEL, the C1 controls and the bidirectional controls in strings
    /// as well ([`crate::json_text`]), which a terminal would otherwise act on. The decoded text
    /// is the same; the other formats drop such characters always.
    pub terminal: bool,
}

static FORMATS: &[&dyn Format] = &[
    &crate::json::Json,
    &crate::markdown::Markdown,
    &crate::jsonl::Jsonl,
    &crate::csv::Csv,
    &crate::ics::Ics,
    &crate::timelinejs::TimelineJs,
    &crate::html::Html,
    #[cfg(feature = "parquet")]
    &crate::parquet::Parquet,
];

/// The built-in formats, in the order `dateline formats` lists them.
pub fn formats() -> &'static [&'static dyn Format] {
    FORMATS
}

/// The built-in format called `name`, if there is one.
pub fn by_name(name: &str) -> Option<&'static dyn Format> {
    FORMATS.iter().copied().find(|format| format.name() == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_found_by_name_and_names_are_unique() {
        let names: Vec<_> = formats().iter().map(|f| f.name()).collect();
        let mut expected = vec![
            "json",
            "markdown",
            "jsonl",
            "csv",
            "ics",
            "timelinejs",
            "html",
        ];
        if cfg!(feature = "parquet") {
            expected.push("parquet");
        }
        assert_eq!(names, expected);
        for name in names {
            assert_eq!(by_name(name).map(|f| f.name()), Some(name));
        }
        assert!(by_name("JSON").is_none());
        assert!(by_name("").is_none());
        assert_eq!(
            format!("{:?}", by_name("json")),
            r#"Some(Format { name: "json" })"#
        );
    }
}
