//! `dateline timeline --explain`: why each event with several reports was merged, and why the
//! closest candidates were not, rendered from `dateline_merge`'s structured explanations.

use std::io::{self, Write};

use dateline_merge::{Explanation, Verdict};
use dateline_model::{Event, Evidence, Precision, ResolvedTime, Timeline, UNKNOWN_OUTLET};

/// Writes the explanation report for `timeline`'s events, with the pages' text in it (headlines,
/// quotes, names, paths) escaped for a terminal (`crate::terminal`).
pub fn write(
    out: &mut impl Write,
    timeline: &Timeline,
    explanations: &[Explanation],
) -> io::Result<()> {
    let mut report = Vec::new();
    write_report(&mut report, timeline, explanations)?;
    let report = String::from_utf8_lossy(&report);
    out.write_all(crate::terminal::text(&report).as_bytes())
}

fn write_report(
    out: &mut impl Write,
    timeline: &Timeline,
    explanations: &[Explanation],
) -> io::Result<()> {
    let merged: Vec<&Event> = timeline
        .events
        .iter()
        .filter(|e| e.posts.len() > 1)
        .collect();
    let events = timeline.events.len();
    let reports: usize = timeline.events.iter().map(|e| e.posts.len()).sum();
    writeln!(
        out,
        "{events} {} from {reports} {}; {} {} more than one report.",
        if events == 1 { "event" } else { "events" },
        if reports == 1 { "report" } else { "reports" },
        merged.len(),
        if merged.len() == 1 { "has" } else { "have" },
    )?;
    let mut shown = vec![false; explanations.len()];
    for event in &merged {
        writeln!(out)?;
        writeln!(
            out,
            "## {} {}",
            event.utc.format("%Y-%m-%d %H:%M UTC"),
            event.headline
        )?;
        writeln!(out, "event {}", event.id)?;
        // One report is the first, though two pages of unknown outlets share a name.
        let mut first_seen = false;
        for report in &event.reports {
            let found = timeline.post(&report.post);
            let time = found.and_then(|(_, post)| post.time.as_ref());
            let first = if !first_seen
                && event.first_reporter.as_deref() == Some(report.outlet.as_str())
                && report.lag_minutes == 0
            {
                first_seen = true;
                " (first)".to_owned()
            } else if report.lag_minutes == 0 && time.is_some_and(dated_only) {
                " (its day holds the event's time)".to_owned()
            } else {
                format!(" (+{})", minutes(report.lag_minutes))
            };
            writeln!(
                out,
                "  report {} {} {}{first}",
                report.post,
                // A page of an unknown outlet is told apart by its path here, as the pages of
                // this listing are.
                match found {
                    Some((doc, _)) if report.outlet == UNKNOWN_OUTLET => doc.path.as_str(),
                    _ => report.outlet.as_str(),
                },
                match time {
                    Some(t) if dated_only(t) => when(t),
                    _ => format!("at {}", report.utc.format("%H:%M UTC")),
                }
            )?;
        }
        for check in &event.checks {
            writeln!(out, "  check: {}", serde_text(check))?;
        }
        for (i, x) in explanations.iter().enumerate() {
            if x.verdict == Verdict::Merged && x.events[0] == event.id {
                writeln!(out, "  merged because: {}", x.reason)?;
                evidence(out, timeline, &x.evidence, x.threshold)?;
                shown[i] = true;
            }
        }
        let rejected: Vec<(usize, &Explanation)> = explanations
            .iter()
            .enumerate()
            .filter(|(_, x)| x.verdict != Verdict::Merged && x.events.contains(&event.id))
            .collect();
        for (i, x) in rejected {
            let other = if x.events[0] == event.id {
                &x.events[1]
            } else {
                &x.events[0]
            };
            writeln!(
                out,
                "  not merged with {} ({}): {}",
                other,
                headline(timeline, other),
                x.reason
            )?;
            evidence(out, timeline, &x.evidence, x.threshold)?;
            shown[i] = true;
        }
    }
    let rest: Vec<&Explanation> = explanations
        .iter()
        .zip(&shown)
        .filter(|(x, shown)| !**shown && x.verdict != Verdict::Merged)
        .map(|(x, _)| x)
        .collect();
    if !rest.is_empty() {
        writeln!(out)?;
        writeln!(out, "## Possibly the same, not merged")?;
        for x in rest {
            writeln!(
                out,
                "  {} ({}) and {} ({}): {} [{}]",
                x.events[0],
                headline(timeline, &x.events[0]),
                x.events[1],
                headline(timeline, &x.events[1]),
                x.reason,
                x.verdict.as_str()
            )?;
            evidence(out, timeline, &x.evidence, x.threshold)?;
        }
    }
    Ok(())
}

fn evidence(
    out: &mut impl Write,
    timeline: &Timeline,
    e: &Evidence,
    threshold: f64,
) -> io::Result<()> {
    let describe = |id: &str| match timeline.post(id) {
        Some((doc, post)) => format!(
            "{}{}:{} ({})",
            doc.outlet
                .as_deref()
                .map_or_else(String::new, |outlet| format!("{outlet} ")),
            doc.path,
            post.cited_line(),
            post.time
                .as_ref()
                .map_or_else(|| "no time".to_owned(), when)
        ),
        None => id.to_owned(),
    };
    writeln!(
        out,
        "    {} <-> {}: score {:.2} (threshold {threshold:.2}), {} apart",
        describe(&e.posts[0]),
        describe(&e.posts[1]),
        e.total,
        minutes(e.gap_minutes)
    )?;
    for q in &e.quotes {
        writeln!(out, "    quote: \"{q}\"")?;
    }
    if !e.entities.is_empty() {
        writeln!(out, "    shared names: {}", e.entities.join(", "))?;
    }
    if let Some(p) = &e.predicate {
        writeln!(out, "    predicate: {p}")?;
    }
    let signals: Vec<String> = e
        .signals
        .iter()
        .map(|s| format!("{} {:.2} ({:+.2})", s.name, s.value, s.contribution))
        .collect();
    if !signals.is_empty() {
        writeln!(out, "    signals: {}", signals.join(", "))?;
    }
    Ok(())
}

fn headline<'a>(timeline: &'a Timeline, event: &str) -> &'a str {
    timeline
        .events
        .iter()
        .find(|e| e.id == event)
        .map_or("?", |e| e.headline.as_str())
}

/// Whether a time gives only the date.
fn dated_only(time: &ResolvedTime) -> bool {
    time.basis.precision == Precision::Day
}

/// A post's time as the report prints it: `22:05 UTC`, or `dated 2019-11-18 only`.
fn when(time: &ResolvedTime) -> String {
    if dated_only(time) {
        time.local.format("dated %Y-%m-%d only").to_string()
    } else {
        time.utc.format("%H:%M UTC").to_string()
    }
}

fn minutes(m: i64) -> String {
    let m = m.abs();
    if m < 60 {
        format!("{m} min")
    } else {
        format!("{}h{:02}", m / 60, m % 60)
    }
}

fn serde_text(check: &impl serde::Serialize) -> String {
    serde_json::to_string(check).unwrap_or_default()
}
