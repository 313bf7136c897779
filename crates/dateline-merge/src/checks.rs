//! Merging as a check on times: a report stamped hours before every other report of its event, or
//! before a time its own text gives, is not crowned first reporter; an outlet whose reports are
//! shifted by the same whole number of hours across several events is named once.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Offset, TimeZone, Utc};
use chrono_tz::Tz;
use dateline_model::{Check, Diagnostic, ExpressionKind, Granularity, Severity, UNKNOWN_OUTLET};

use crate::features::Item;

mod tense;

/// Zones a mislabelled stamp plausibly belongs to, in order of preference: a `GMT` label on a page
/// written in New York is the classic case.
const ZONES: &[Tz] = &[
    chrono_tz::America::New_York,
    chrono_tz::America::Chicago,
    chrono_tz::America::Los_Angeles,
    chrono_tz::Europe::London,
    chrono_tz::Europe::Paris,
    chrono_tz::Asia::Baghdad,
    chrono_tz::Asia::Tehran,
    chrono_tz::Asia::Hong_Kong,
];

/// The checks of one event's reports (indices into `items`, earliest first).
///
/// A first report stamped more than `early_secs` before every other outlet's report is in doubt
/// when a real zone read instead of its own puts it within a quarter of an hour of the next report
/// (a whole number of hours off: a mislabelled zone), or when at least two other outlets, all later,
/// agree within an hour of each other. Cross-outlet gaps of several hours are otherwise normal:
/// outlets do pick a story up late.
pub(crate) fn event_checks(reports: &[Item<'_>], early_secs: i64) -> Vec<Check> {
    let mut checks = Vec::new();
    if let Some(first) = reports.first() {
        let others: Vec<&Item<'_>> = reports
            .iter()
            .filter(|it| it.outlet != first.outlet)
            .collect();
        if let Some(next) = others.first() {
            let gap = (next.from - first.until).num_seconds();
            let zone = fitting_zone(first, next.utc);
            let mut outlets: Vec<&str> = others.iter().map(|o| o.outlet).collect();
            outlets.sort_unstable();
            outlets.dedup();
            let agree = outlets.len() >= 2
                && others
                    .last()
                    .is_some_and(|last| (last.utc - next.utc).num_minutes() <= 60);
            if gap > early_secs && (zone.is_some() || agree) {
                let minutes = gap / 60;
                let mut message = format!(
                    "{} is stamped {} before every other outlet's report of this event ({} first at {}); its dateline may be stale or its zone mislabelled",
                    subject(first),
                    hours_minutes(minutes),
                    next.doc.outlet.as_deref().unwrap_or(UNKNOWN_OUTLET),
                    next.utc.format("%Y-%m-%dT%H:%MZ"),
                );
                if let Some((tz, utc)) = &zone {
                    message.push_str(&format!(
                        "; read in {tz} it would be {}",
                        utc.format("%Y-%m-%dT%H:%MZ")
                    ));
                }
                checks.push(Check::new(
                    "early-report",
                    &first.post.id,
                    minutes,
                    zone.map(|(tz, _)| tz.name().to_owned()),
                    message,
                ));
            }
        }
    }
    for item in reports {
        checks.extend(before_own_text(item));
    }
    checks
}

/// A zone whose reading of the stamp's wall-clock time, a whole number of hours later, puts the
/// report within a quarter of an hour of `next`.
fn fitting_zone(item: &Item<'_>, next: DateTime<Utc>) -> Option<(Tz, DateTime<Utc>)> {
    let time = item.post.time.as_ref()?;
    if !item.is_precise() {
        // A date alone cannot be a whole number of hours off.
        return None;
    }
    let wall = time.local.naive_local();
    ZONES.iter().find_map(|tz| {
        if tz.name() == time.zone {
            return None;
        }
        let utc = tz
            .from_local_datetime(&wall)
            .earliest()?
            .with_timezone(&Utc);
        let shift = (utc - item.utc).num_seconds();
        let offset_hours = tz.offset_from_utc_datetime(&wall).fix().local_minus_utc() % 3600 == 0;
        let after = (utc - next).num_minutes();
        (shift > 0 && offset_hours && (-15..=15).contains(&after)).then_some((*tz, utc))
    })
}

/// A report stamped before a time its own text gives as past ("struck at 1.12am local time on
/// Friday", read after the stamp). The sentence the time stands in must say it has happened
/// ([`tense::past_sentence`]): a time to come, a bound, a stamp or headline the text runs into is
/// no contradiction. The verb that says so is named in the check.
fn before_own_text(item: &Item<'_>) -> Option<Check> {
    if crate::tongue::sure_language(item.doc).is_some_and(|l| l != "en") {
        // The past is read from English words only: no evidence either way.
        return None;
    }
    item.post.expressions.iter().find_map(|e| {
        if !matches!(e.kind, ExpressionKind::Instant | ExpressionKind::Interval) {
            return None;
        }
        // Only times fine enough to contradict a stamp: "at 1.12am", "last night", not "a day later".
        let interval = e.interval?;
        if interval.granularity > Granularity::PartOfDay {
            return None;
        }
        let ahead = (interval.start - item.until).num_minutes();
        let any_before = e.alternatives.iter().any(|a| a.start <= item.until);
        if ahead <= 30 || any_before || e.text.is_empty() {
            return None;
        }
        let text = item.post.text.as_str();
        let past = text
            .match_indices(e.text.as_str())
            .find_map(|(at, found)| tense::past_sentence(text, at..at + found.len()))?;
        Some(Check::new(
            "before-own-text",
            &item.post.id,
            ahead,
            None,
            format!(
                "{} is stamped {} before `{}`, a time its own text tells as past (`{}`); its dateline may be stale or its zone mislabelled",
                subject(item),
                hours_minutes(ahead),
                e.text,
                past.verb
            ),
        ))
    })
}

/// What a check calls the report it is about: its outlet, or `the page` when the outlet is
/// unknown (the check names the page's path and line besides), never the path as an outlet.
fn subject<'a>(item: &Item<'a>) -> &'a str {
    item.doc.outlet.as_deref().unwrap_or("the page")
}

/// `4h12` or `35 minutes`.
pub(crate) fn hours_minutes(minutes: i64) -> String {
    if minutes.abs() < 60 {
        format!("{minutes} minutes")
    } else {
        format!("{}h{:02}", minutes / 60, (minutes % 60).abs())
    }
}

/// One warning per outlet whose reports, in at least `min_events` events shared with other outlets,
/// are all shifted by the same whole number of hours (within a quarter of an hour). An outlet in
/// `pages` is a page whose outlet is unknown, kept apart by its path: the warning is at that page
/// rather than naming its path as an outlet.
pub(crate) fn outlet_shifts(
    events: &[Vec<(&str, DateTime<Utc>)>],
    pages: &BTreeSet<&str>,
    min_events: usize,
) -> Vec<Diagnostic> {
    // outlet -> gaps in minutes (its earliest report minus the others' earliest).
    let mut gaps: BTreeMap<&str, Vec<i64>> = BTreeMap::new();
    for reports in events {
        let mut earliest: BTreeMap<&str, DateTime<Utc>> = BTreeMap::new();
        for &(outlet, utc) in reports {
            earliest
                .entry(outlet)
                .and_modify(|t| *t = (*t).min(utc))
                .or_insert(utc);
        }
        if earliest.len() < 2 {
            continue;
        }
        for (&outlet, &utc) in &earliest {
            let others = earliest
                .iter()
                .filter(|(o, _)| **o != outlet)
                .map(|(_, t)| *t)
                .min();
            if let Some(other) = others {
                gaps.entry(outlet)
                    .or_default()
                    .push((utc - other).num_minutes());
            }
        }
    }
    let mut out = Vec::new();
    for (outlet, gaps) in gaps {
        if gaps.len() < min_events {
            continue;
        }
        let hours: Vec<i64> = gaps.iter().map(|g| (g + g.signum() * 30) / 60).collect();
        let Some(&first) = hours.first() else {
            continue;
        };
        let whole = gaps
            .iter()
            .zip(&hours)
            .all(|(g, h)| (g - h * 60).abs() <= 15);
        if first != 0 && whole && hours.iter().all(|h| *h == first) {
            let page = pages.contains(outlet);
            let whose = if page {
                "this page's (its outlet is unknown)".to_owned()
            } else {
                format!("{outlet}'s")
            };
            let diagnostic = Diagnostic::new(
                Severity::Warning,
                "outlet-shifted",
                format!(
                    "{whose} reports are {} hours {} the other outlets' in all {} events they share; its times may be in the wrong zone",
                    first.abs(),
                    if first > 0 { "behind" } else { "ahead of" },
                    gaps.len()
                ),
            );
            out.push(if page {
                diagnostic.in_path(outlet)
            } else {
                diagnostic
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_and_minutes() {
        assert_eq!(hours_minutes(8), "8 minutes");
        assert_eq!(hours_minutes(252), "4h12");
    }

    #[test]
    fn an_outlet_shifted_by_whole_hours_is_named_once() {
        let t = |s: &str| s.parse::<DateTime<Utc>>().unwrap_or_default();
        let events: Vec<Vec<(&str, DateTime<Utc>)>> = (0..3)
            .map(|k| {
                let base = t("2020-01-03T10:00:00Z") + chrono::Duration::hours(k);
                vec![
                    ("A", base),
                    ("B", base + chrono::Duration::minutes(5 * 60 + 3)),
                ]
            })
            .collect();
        let none = BTreeSet::new();
        let out = outlet_shifts(&events, &none, 3);
        assert_eq!(out.len(), 2, "{out:?}");
        assert!(
            out.iter()
                .any(|d| d.message.starts_with("B's reports are 5 hours behind"))
        );
        assert!(outlet_shifts(&events, &none, 4).is_empty());
        // A page whose outlet is unknown is kept apart by its path, which names no outlet.
        let pages = BTreeSet::from(["B"]);
        let out = outlet_shifts(&events, &pages, 3);
        let page = out.iter().find(|d| d.path.as_deref() == Some("B"));
        assert!(
            page.is_some_and(|d| d
                .message
                .starts_with("this page's (its outlet is unknown) reports are 5 hours behind")),
            "{out:?}"
        );
    }
}
