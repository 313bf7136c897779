//! Apache Parquet: one row per report (a post's report of an event), for pyarrow, pandas, Polars,
//! DuckDB and Spark.
//!
//! Written with the `parquet` crate of arrow-rs through its column writers, without Arrow
//! arrays: the rows are few columns of strings and integers, and the Arrow stack would add a large
//! build for nothing the columns need. Times are Parquet timestamps (microseconds, adjusted to UTC),
//! a page's printed day a Parquet date; the local time stays the text the JSON contract gives
//! (`2020-01-03T13:44:00+01:00`), as Parquet has no type for a time with its offset. Rows go
//! out in row groups of [`ROWS_PER_GROUP`], events in the timeline's order (UTC, then id) and
//! each event's reports earliest first, so the same timeline gives the same bytes.

use std::io;
use std::sync::Arc;

use chrono::{DateTime, NaiveDate, Utc};
use dateline_model::{Event, Precision, Timeline};
use parquet::basic::Compression;
use parquet::data_type::{ByteArray, ByteArrayType, Int32Type, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;

use crate::reports::Index;
use crate::{Error, Format, WriteOptions};

/// The Parquet writer; see the module documentation.
#[derive(Debug, Clone, Copy, Default)]
pub struct Parquet;

/// The columns, in the file's order: what each is, `docs/formats.md` says.
pub const PARQUET_COLUMNS: [&str; 16] = [
    "event_id",
    "event_utc",
    "event_headline",
    "post_id",
    "outlet",
    "utc",
    "local",
    "zone",
    "precision",
    "date",
    "lag_minutes",
    "headline",
    "text",
    "path",
    "line",
    "url",
];

/// The file's schema, in Parquet's message syntax, column for column as [`PARQUET_COLUMNS`].
const SCHEMA: &str = "
message report {
  required binary event_id (STRING);
  required int64 event_utc (TIMESTAMP(MICROS,true));
  required binary event_headline (STRING);
  required binary post_id (STRING);
  required binary outlet (STRING);
  optional int64 utc (TIMESTAMP(MICROS,true));
  optional binary local (STRING);
  optional binary zone (STRING);
  optional binary precision (STRING);
  optional int32 date (DATE);
  optional int64 lag_minutes;
  optional binary headline (STRING);
  required binary text (STRING);
  optional binary path (STRING);
  optional int32 line;
  optional binary url (STRING);
}
";

/// Rows held before a row group is written: enough for Parquet's statistics and compression to
/// pay, few enough that a large timeline is never all in columns at once.
const ROWS_PER_GROUP: usize = 65_536;

impl Format for Parquet {
    fn name(&self) -> &'static str {
        "parquet"
    }

    fn description(&self) -> &'static str {
        "apache parquet, one row per report, for pyarrow, polars and duckdb"
    }

    fn binary(&self) -> bool {
        true
    }

    fn write(
        &self,
        timeline: &Timeline,
        _options: &WriteOptions,
        out: &mut dyn io::Write,
    ) -> Result<(), Error> {
        // The file writer needs a `Send` sink; a Parquet file is written whole before its footer,
        // so the bytes go to memory first and then out.
        let bytes =
            file(timeline).map_err(|e| io::Error::other(format!("cannot write Parquet: {e}")))?;
        out.write_all(&bytes)?;
        Ok(())
    }
}

/// The whole file.
fn file(timeline: &Timeline) -> parquet::errors::Result<Vec<u8>> {
    let schema = Arc::new(parse_message_type(SCHEMA)?);
    let properties = Arc::new(
        WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_created_by(format!("dateline {}", env!("CARGO_PKG_VERSION")))
            .build(),
    );
    let mut writer = SerializedFileWriter::new(Vec::new(), schema, properties)?;
    let index = Index::new(timeline);
    let mut columns = Columns::default();
    for event in &timeline.events {
        columns.push_event(&index, event);
        if columns.rows >= ROWS_PER_GROUP {
            columns.write(&mut writer)?;
            columns = Columns::default();
        }
    }
    if columns.rows > 0 || timeline.events.is_empty() {
        columns.write(&mut writer)?;
    }
    writer.into_inner()
}

/// A nullable column of one physical type: its present values and one definition level per row
/// (1 present, 0 null).
#[derive(Debug, Default)]
struct Column<T> {
    values: Vec<T>,
    levels: Vec<i16>,
}

impl<T> Column<T> {
    fn push(&mut self, value: Option<T>) {
        match value {
            Some(v) => {
                self.values.push(v);
                self.levels.push(1);
            }
            None => self.levels.push(0),
        }
    }
}

/// The rows of one row group, column by column.
#[derive(Debug, Default)]
struct Columns {
    rows: usize,
    event_id: Vec<ByteArray>,
    event_utc: Vec<i64>,
    event_headline: Vec<ByteArray>,
    post_id: Vec<ByteArray>,
    outlet: Vec<ByteArray>,
    utc: Column<i64>,
    local: Column<ByteArray>,
    zone: Column<ByteArray>,
    precision: Column<ByteArray>,
    date: Column<i32>,
    lag_minutes: Column<i64>,
    headline: Column<ByteArray>,
    text: Vec<ByteArray>,
    path: Column<ByteArray>,
    line: Column<i32>,
    url: Column<ByteArray>,
}

fn bytes(text: &str) -> ByteArray {
    ByteArray::from(text.as_bytes().to_vec())
}

fn micros(utc: DateTime<Utc>) -> i64 {
    utc.timestamp_micros()
}

/// Days since 1970-01-01, Parquet's `DATE`.
fn days(date: NaiveDate) -> Option<i32> {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1)?;
    i32::try_from((date - epoch).num_days()).ok()
}

fn precision(precision: Precision) -> &'static str {
    match precision {
        Precision::Minute => "minute",
        Precision::Hour => "hour",
        Precision::Day => "day",
        _ => "other",
    }
}

impl Columns {
    /// One row per report of `event`, earliest first.
    fn push_event(&mut self, index: &Index<'_>, event: &Event) {
        for report in index.reports(event) {
            let found = index.post(report.post);
            let time = found.and_then(|(_, post)| post.time.as_ref());
            self.rows += 1;
            self.event_id.push(bytes(&event.id));
            self.event_utc.push(micros(event.utc));
            self.event_headline.push(bytes(&event.headline));
            self.post_id.push(bytes(report.post));
            self.outlet.push(bytes(report.outlet));
            self.utc.push(report.utc.map(micros));
            self.local.push(time.map(|t| bytes(&t.local.to_rfc3339())));
            self.zone.push(time.map(|t| bytes(&t.zone)));
            self.precision
                .push(time.map(|t| bytes(precision(t.basis.precision))));
            self.date.push(report.date.and_then(days));
            self.lag_minutes.push(report.lag_minutes);
            self.headline.push(
                found
                    .and_then(|(_, post)| post.headline.as_deref())
                    .map(bytes),
            );
            self.text.push(bytes(&report.text));
            self.path.push(report.path.map(bytes));
            self.line
                .push(report.line.and_then(|l| i32::try_from(l).ok()));
            self.url.push(
                found
                    .and_then(|(doc, _)| doc.context.url.as_deref())
                    .map(bytes),
            );
        }
    }

    /// The rows as one row group.
    fn write(self, writer: &mut SerializedFileWriter<Vec<u8>>) -> parquet::errors::Result<()> {
        let mut group = writer.next_row_group()?;
        let mut k = 0;
        while let Some(mut column) = group.next_column()? {
            match k {
                0 => required_bytes(&mut column, &self.event_id)?,
                1 => required_i64(&mut column, &self.event_utc)?,
                2 => required_bytes(&mut column, &self.event_headline)?,
                3 => required_bytes(&mut column, &self.post_id)?,
                4 => required_bytes(&mut column, &self.outlet)?,
                5 => optional_i64(&mut column, &self.utc)?,
                6 => optional_bytes(&mut column, &self.local)?,
                7 => optional_bytes(&mut column, &self.zone)?,
                8 => optional_bytes(&mut column, &self.precision)?,
                9 => optional_i32(&mut column, &self.date)?,
                10 => optional_i64(&mut column, &self.lag_minutes)?,
                11 => optional_bytes(&mut column, &self.headline)?,
                12 => required_bytes(&mut column, &self.text)?,
                13 => optional_bytes(&mut column, &self.path)?,
                14 => optional_i32(&mut column, &self.line)?,
                _ => optional_bytes(&mut column, &self.url)?,
            }
            column.close()?;
            k += 1;
        }
        group.close()?;
        Ok(())
    }
}

type ColumnWriter<'a> = parquet::file::writer::SerializedColumnWriter<'a>;

fn required_bytes(
    column: &mut ColumnWriter<'_>,
    values: &[ByteArray],
) -> parquet::errors::Result<()> {
    column
        .typed::<ByteArrayType>()
        .write_batch(values, None, None)
        .map(drop)
}

fn optional_bytes(
    column: &mut ColumnWriter<'_>,
    values: &Column<ByteArray>,
) -> parquet::errors::Result<()> {
    column
        .typed::<ByteArrayType>()
        .write_batch(&values.values, Some(&values.levels), None)
        .map(drop)
}

fn required_i64(column: &mut ColumnWriter<'_>, values: &[i64]) -> parquet::errors::Result<()> {
    column
        .typed::<Int64Type>()
        .write_batch(values, None, None)
        .map(drop)
}

fn optional_i64(
    column: &mut ColumnWriter<'_>,
    values: &Column<i64>,
) -> parquet::errors::Result<()> {
    column
        .typed::<Int64Type>()
        .write_batch(&values.values, Some(&values.levels), None)
        .map(drop)
}

fn optional_i32(
    column: &mut ColumnWriter<'_>,
    values: &Column<i32>,
) -> parquet::errors::Result<()> {
    column
        .typed::<Int32Type>()
        .write_batch(&values.values, Some(&values.levels), None)
        .map(drop)
}

#[cfg(test)]
mod tests {
    use super::*;
    use parquet::file::reader::{FileReader, SerializedFileReader};
    use parquet::record::RowAccessor;

    fn timeline() -> Timeline {
        crate::tests::sample()
    }

    fn rows(out: Vec<u8>) -> Vec<parquet::record::Row> {
        let reader = SerializedFileReader::new(bytes::Bytes::from(out));
        let reader = match reader {
            Ok(reader) => reader,
            Err(e) => panic!("the file reads back: {e}"),
        };
        reader
            .get_row_iter(None)
            .into_iter()
            .flatten()
            .flatten()
            .collect()
    }

    #[test]
    fn the_schema_parses_and_names_the_columns_in_order() {
        let schema = parse_message_type(SCHEMA).map(|s| {
            s.get_fields()
                .iter()
                .map(|f| f.name().to_owned())
                .collect::<Vec<_>>()
        });
        assert_eq!(
            schema.ok(),
            Some(PARQUET_COLUMNS.map(str::to_owned).to_vec())
        );
    }

    #[test]
    fn every_report_is_one_row_and_reads_back() {
        let timeline = timeline();
        let reports: usize = timeline
            .events
            .iter()
            .map(|e| e.reports.len().max(e.posts.len()))
            .sum();
        assert!(reports > 0);
        let mut out = Vec::new();
        assert!(
            Parquet
                .write(&timeline, &WriteOptions::default(), &mut out)
                .is_ok()
        );
        assert!(out.starts_with(b"PAR1") && out.ends_with(b"PAR1"));
        let rows = rows(out);
        assert_eq!(rows.len(), reports);
        let first = &rows[0];
        assert_eq!(
            first.get_string(0).ok(),
            timeline.events.first().map(|e| &e.id)
        );
        // Times are timestamps in microseconds since the epoch, UTC.
        assert_eq!(
            first.get_timestamp_micros(1).ok(),
            timeline.events.first().map(|e| e.utc.timestamp_micros())
        );
    }

    #[test]
    fn a_date_alone_is_a_parquet_date_of_the_printed_day() {
        for place in [crate::tests::EAST, crate::tests::WEST] {
            let mut out = Vec::new();
            let timeline = crate::tests::dated(place);
            assert!(
                Parquet
                    .write(&timeline, &WriteOptions::default(), &mut out)
                    .is_ok()
            );
            let day = NaiveDate::from_ymd_opt(2020, 4, 15).and_then(days);
            let dated: Vec<_> = rows(out)
                .iter()
                .filter(|r| r.get_string(4).is_ok_and(|o| o == "Beta Times"))
                .map(|r| {
                    let date = match r.get_column_iter().nth(9) {
                        Some((_, parquet::record::Field::Date(d))) => Some(*d),
                        _ => None,
                    };
                    (date, r.get_string(8).ok().cloned())
                })
                .collect();
            assert_eq!(dated, [(day, Some("day".to_owned()))], "{place:?}");
        }
    }

    #[test]
    fn the_same_timeline_gives_the_same_bytes() {
        let (mut a, mut b) = (Vec::new(), Vec::new());
        assert!(
            Parquet
                .write(&timeline(), &WriteOptions::default(), &mut a)
                .is_ok()
        );
        assert!(
            Parquet
                .write(&timeline(), &WriteOptions::default(), &mut b)
                .is_ok()
        );
        assert_eq!(a, b);
    }

    #[test]
    fn an_empty_timeline_is_a_file_with_no_rows() {
        let mut out = Vec::new();
        assert!(
            Parquet
                .write(&Timeline::default(), &WriteOptions::default(), &mut out)
                .is_ok()
        );
        assert!(rows(out).is_empty());
    }
}
