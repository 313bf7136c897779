//! `dateline time`: every time in a text, found and resolved by `dateline_time`, with its basis.
//!
//! Timestamps (`3 January 2020 12:44`, `12:31 p.m. ET`) and expressions in running text ("last
//! night", "1.12am local time") are both reported; where one covers the other, the longer reading
//! is kept, and a stamp wins a tie.

use std::io::{self, BufRead, BufWriter, Write};
use std::ops::Range;

use chrono::{DateTime, Utc};
use dateline_time::{
    Context, Expression, Granularity, Inferred, ReportContext, Resolved, Stamp, Tz, ZoneOrigin,
};
use serde::Serialize;

use crate::args::TimeArgs;
use crate::commands::write_error;
use crate::error::CliError;

/// What `--format json` prints.
#[derive(Serialize)]
struct Output<'a> {
    reference: Option<DateTime<Utc>>,
    zone: Option<&'a str>,
    found: Vec<Found>,
}

/// One time found on one line.
#[derive(Serialize)]
struct Found {
    /// 1-based line of the input.
    line: usize,
    /// Byte range within the line.
    span: [usize; 2],
    text: String,
    #[serde(flatten)]
    reading: Reading,
}

#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
enum Reading {
    Stamp {
        stamp: Stamp,
        resolved: Option<Resolved>,
        error: Option<String>,
    },
    Expression {
        expression: Expression,
    },
}

impl Found {
    fn span(&self) -> Range<usize> {
        self.span[0]..self.span[1]
    }
}

pub fn run(args: &TimeArgs) -> Result<(), CliError> {
    let reference = match &args.reference {
        Some(value) => Some(
            DateTime::parse_from_rfc3339(value)
                .map_err(|source| CliError::Reference {
                    value: value.clone(),
                    source,
                })?
                .with_timezone(&Utc),
        ),
        None => None,
    };
    let zone = match &args.zone {
        Some(name) => Some(
            name.parse::<Tz>()
                .map_err(|_| CliError::Zone(name.clone()))?,
        ),
        None => None,
    };
    let mut ctx = Context::default();
    if let Some(tz) = zone {
        ctx = ctx.with_zone(tz, ZoneOrigin::Caller);
    }
    if let Some(country) = &args.country {
        ctx = ctx.with_country(country);
    }
    let report = reference.map(|utc| {
        let tz = zone.unwrap_or(Tz::UTC);
        let report = ReportContext::new(utc, tz);
        match &args.country {
            Some(country) => report.with_country(country),
            None => report,
        }
    });
    if let Some(utc) = reference {
        let tz = zone.unwrap_or(Tz::UTC);
        ctx = ctx
            .with_now(utc)
            .with_page_date(utc.with_timezone(&tz).date_naive());
    }

    let lines: Vec<String> = match args.text.as_deref() {
        Some(text) if text != "-" => text.lines().map(str::to_owned).collect(),
        _ => io::stdin()
            .lock()
            .lines()
            .collect::<Result<_, _>>()
            .map_err(CliError::Stdin)?,
    };
    let mut found = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        found.extend(read_line(i + 1, line, &ctx, report.as_ref()));
    }

    let mut out = BufWriter::new(io::stdout().lock());
    let target = "standard output";
    if args.format == "json" {
        let output = Output {
            reference,
            zone: args.zone.as_deref(),
            found,
        };
        dateline_formats::json_text::to_writer_pretty(&mut out, &output, true)
            .map_err(|e| write_error(target, e.into()))?;
        writeln!(out).map_err(|e| write_error(target, e.into()))?;
    } else {
        for f in &found {
            // The text read is shown escaped for a terminal (`crate::terminal`).
            let mut block = Vec::new();
            write_text(&mut block, f).map_err(|e| write_error(target, e.into()))?;
            let block = String::from_utf8_lossy(&block);
            out.write_all(crate::terminal::text(&block).as_bytes())
                .map_err(|e| write_error(target, e.into()))?;
        }
        if found.is_empty() {
            writeln!(out, "no times found").map_err(|e| write_error(target, e.into()))?;
        }
        if report.is_none() {
            writeln!(
                out,
                "(expressions such as \"last night\" are read only against --reference)"
            )
            .map_err(|e| write_error(target, e.into()))?;
        }
    }
    out.flush().map_err(|e| write_error(target, e.into()))
}

/// Stamps and expressions on one line; where two overlap, the longer stays (a stamp on a tie).
fn read_line(
    number: usize,
    line: &str,
    ctx: &Context,
    report: Option<&ReportContext>,
) -> Vec<Found> {
    let mut found: Vec<Found> = Vec::new();
    for stamp in dateline_time::find_stamps(line) {
        let (resolved, error) = match dateline_time::resolve(&stamp, ctx) {
            Ok(r) => (Some(r), None),
            Err(e) => (None, Some(e.to_string())),
        };
        found.push(Found {
            line: number,
            span: [stamp.span.start, stamp.span.end],
            text: line.get(stamp.span.clone()).unwrap_or_default().to_owned(),
            reading: Reading::Stamp {
                stamp,
                resolved,
                error,
            },
        });
    }
    if let Some(report) = report {
        for expression in dateline_time::find_expressions(line, report) {
            let span = expression.span.clone();
            let overlapping: Vec<usize> = found
                .iter()
                .enumerate()
                .filter(|(_, f)| f.span().start < span.end && span.start < f.span().end)
                .map(|(i, _)| i)
                .collect();
            let longer = overlapping
                .iter()
                .all(|&i| found.get(i).is_some_and(|f| f.span().len() < span.len()));
            if !longer {
                continue;
            }
            for i in overlapping.into_iter().rev() {
                found.remove(i);
            }
            found.push(Found {
                line: number,
                span: [span.start, span.end],
                text: expression.text.clone(),
                reading: Reading::Expression { expression },
            });
        }
    }
    found.sort_by_key(|f| (f.span[0], f.span[1]));
    found
}

fn write_text(out: &mut impl Write, f: &Found) -> io::Result<()> {
    match &f.reading {
        Reading::Stamp {
            stamp,
            resolved,
            error,
        } => {
            writeln!(
                out,
                "{}:{}-{} `{}` timestamp, rule {}",
                f.line,
                f.span[0],
                f.span[1],
                f.text,
                stamp.form.name()
            )?;
            if let Some(r) = resolved {
                writeln!(
                    out,
                    "    utc {}  local {}  zone {} ({})",
                    r.utc.format("%Y-%m-%dT%H:%M:%SZ"),
                    r.local.to_rfc3339(),
                    r.zone,
                    origin(&r.origin)
                )?;
                if !r.inferred.is_empty() {
                    let inferred: Vec<String> = r.inferred.iter().map(inference).collect();
                    writeln!(out, "    inferred: {}", inferred.join("; "))?;
                }
                for note in &r.notes {
                    writeln!(out, "    {note}")?;
                }
            }
            if let Some(error) = error {
                writeln!(out, "    unresolved: {error}")?;
            }
        }
        Reading::Expression { expression: e } => {
            writeln!(
                out,
                "{}:{}-{} `{}` expression, rule {}",
                f.line, f.span[0], f.span[1], f.text, e.rule
            )?;
            match &e.interval {
                Some(i) => writeln!(
                    out,
                    "    interval {} .. {} ({})  zone {} ({})",
                    i.start.format("%Y-%m-%dT%H:%M:%SZ"),
                    i.end.format("%Y-%m-%dT%H:%M:%SZ"),
                    granularity(i.granularity),
                    e.zone,
                    match &e.origin {
                        ZoneOrigin::Caller => "the reference's zone".to_owned(),
                        other => origin(other),
                    }
                )?,
                None => writeln!(
                    out,
                    "    recurring: {}",
                    e.recurrence.as_deref().unwrap_or("no single time")
                )?,
            }
            for a in &e.alternatives {
                writeln!(
                    out,
                    "    or {} .. {}",
                    a.start.format("%Y-%m-%dT%H:%M:%SZ"),
                    a.end.format("%Y-%m-%dT%H:%M:%SZ")
                )?;
            }
            for note in &e.notes {
                writeln!(out, "    {note}")?;
            }
        }
    }
    Ok(())
}

fn origin(origin: &ZoneOrigin) -> String {
    match origin {
        ZoneOrigin::Stated { label } => format!("stated: {label}"),
        ZoneOrigin::PageStatement { line } => format!("page statement, line {line}"),
        ZoneOrigin::OutletDefault { outlet } => format!("outlet default: {outlet}"),
        ZoneOrigin::Caller => "given by --zone".to_owned(),
        ZoneOrigin::Gazetteer { place } => format!("gazetteer: {place}"),
        ZoneOrigin::Assumed => "assumed UTC".to_owned(),
        other => format!("{other:?}"),
    }
}

fn granularity(g: Granularity) -> &'static str {
    match g {
        Granularity::Minute => "minute",
        Granularity::Hour => "hour",
        Granularity::PartOfDay => "part of day",
        Granularity::Day => "day",
        Granularity::Week => "week",
        Granularity::Month => "month",
        _ => "year",
    }
}

fn inference(inferred: &Inferred) -> String {
    match inferred {
        Inferred::DateFromPage(date) => format!("date {date} from --reference"),
        Inferred::Rollover(days) => format!("rollover {days:+} days"),
        Inferred::Year(year) => format!("year {year}"),
        Inferred::Dst(policy) => format!("daylight-saving policy {policy:?}"),
        other => format!("{other:?}"),
    }
}
