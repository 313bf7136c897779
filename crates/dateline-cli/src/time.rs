//! `dateline time`: every time in a text, found and resolved by `dateline_time`, with its basis.
//!
//! Timestamps (`3 January 2020 12:44`, `12:31 p.m. ET`) and expressions in running text ("last
//! night", "1.12am local time") are both reported; where one covers the other, the longer reading
//! is kept, and a stamp wins a tie.

use std::io::{self, BufRead, BufWriter, Write};

use chrono::{DateTime, Utc};
use dateline_time::{
    Context, Found, Granularity, Inferred, Reading, ReportContext, Tz, ZoneOrigin,
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
    let found = dateline_time::find_times(&lines.join("\n"), &ctx, report.as_ref());

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
        // A reading a later dateline-time adds is in the JSON; the text shows what it knows.
        _ => {}
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
