//! Recognising time expressions in running text: every rule run over the text, the timestamp
//! scanner's stamps added, overlaps settled (longest first) and neighbours joined (`on Friday` +
//! `at 3pm`, `Each evening` + `at 1830 UTC`).

use std::sync::LazyLock;

use chrono::NaiveTime;
use regex::Regex;

use super::ExpressionRule;
#[cfg(test)]
use super::rules::ZONE_AFTER;
use super::rules::{RULES, S, words_before};
use super::what::{Found, What};
use crate::gate;
use crate::rx::G;
use crate::types::{Form, Stamp};

/// What follows a clock to say it is in the zone of a place named in the text.
static LOCAL_TIME: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^{S}*(?:\({S}*)?(?:local{S}+time|locally)\b(?:{S}*\))?"
    ))
    .ok()
});

/// Every expression in `text`, overlaps settled and neighbours joined, in text order.
pub(super) fn recognise(text: &str) -> Vec<Found> {
    recognise_gated(text, true)
}

/// [`recognise`], with each rule run only on the lines that have what it needs (`gated`), or over
/// the whole text at once (to check that the gate and the split into lines change nothing).
pub(super) fn recognise_gated(text: &str, gated: bool) -> Vec<Found> {
    let lines = gate::split(text, gated);
    let mut found: Vec<(usize, Found)> = Vec::new();
    for line in &lines {
        // No rule matches across a line break (see `crate::gate`).
        let Some(hay) = text.get(..line.end) else {
            continue;
        };
        for (priority, rule) in RULES.iter().enumerate() {
            if !rule.needs.met(line.mask) {
                continue;
            }
            let Some(re) = rule.re() else { continue };
            let mut at = line.start;
            while let Some(caps) = re.captures_at(hay, at) {
                let Some(whole) = caps.get(0) else { break };
                at = if whole.is_empty() {
                    next_char(text, whole.end())
                } else {
                    whole.end()
                };
                if let Some((name, what)) = (rule.build)(&caps, text) {
                    let mut span = whole.range();
                    // `comment on Friday's developments`: the `on` belongs to the verb.
                    if let (What::Weekday { .. }, Some(_), Some(wd)) =
                        (&what, caps.name(G::Pos), caps.name(G::Wd))
                    {
                        span.start = wd.start();
                    }
                    found.push((
                        priority,
                        Found {
                            span,
                            rule: name,
                            what,
                        },
                    ));
                }
                if at > hay.len() {
                    break;
                }
            }
        }
    }
    let base = RULES.len();
    for stamp in crate::scan::find_stamps_in(text, &lines) {
        if let Some(f) = from_stamp(text, stamp) {
            found.push((base, f));
        }
    }
    found.sort_by(|(pa, a), (pb, b)| {
        b.span
            .len()
            .cmp(&a.span.len())
            .then(pa.cmp(pb))
            .then(a.span.start.cmp(&b.span.start))
    });
    let mut kept: Vec<Found> = Vec::new();
    for (_, f) in found {
        if kept
            .iter()
            .all(|k| k.span.end <= f.span.start || f.span.end <= k.span.start)
        {
            kept.push(f);
        }
    }
    kept.sort_by_key(|f| f.span.start);
    join(text, kept)
}

/// What [`recognise_gated`] finds, spelled out (for the gate's tests).
#[cfg(test)]
pub(crate) fn recognised_for_test(text: &str, gated: bool) -> String {
    format!("{:?}", recognise_gated(text, gated))
}

/// The byte index after the character at `at` (or past the end).
fn next_char(text: &str, at: usize) -> usize {
    text.get(at..)
        .and_then(|rest| rest.chars().next())
        .map_or(at + 1, |c| at + c.len_utf8())
}

/// A stamp from the timestamp scanner, kept when running text can mean it as a time.
fn from_stamp(text: &str, stamp: Stamp) -> Option<Found> {
    match stamp.form {
        // Dates without a clock are read by the date rules here, which also know `on`.
        Form::Date => None,
        Form::Clock => clock(text, stamp),
        _ => Some(Found {
            span: stamp.span.clone(),
            rule: ExpressionRule::Stamp(stamp.form),
            what: What::Stamp(stamp),
        }),
    }
}

/// A clock in running text: kept with am/pm, a zone, `local time` or a preposition before it
/// (`at 18:30`), never alone (`03:42` is a video's length).
fn clock(text: &str, stamp: Stamp) -> Option<Found> {
    let mut span = stamp.span.clone();
    // `at 3pm.` ends a sentence: the full stop is not an abbreviation's.
    let lowered = stamp.text.to_ascii_lowercase();
    if (lowered.ends_with("am.") || lowered.ends_with("pm.")) && !lowered.ends_with(".m.") {
        span.end -= 1;
    }
    let rest = text.get(span.end..).unwrap_or("");
    let local = LOCAL_TIME
        .as_ref()
        .and_then(|re| re.find(rest))
        .map(|m| m.end());
    if let Some(len) = local {
        span.end += len;
    }
    let ampm = lowered.trim_end_matches('.').ends_with('m') && !lowered.ends_with("gmt");
    let named = lowered.contains("noon") || lowered.contains("midnight");
    let before = words_before(text, span.start, 1);
    let cue = before.first().is_some_and(|w| {
        matches!(
            w.to_ascii_lowercase().as_str(),
            "at" | "by"
                | "until"
                | "till"
                | "from"
                | "around"
                | "about"
                | "since"
                | "before"
                | "after"
                | "to"
                | "between"
                | "and"
        )
    });
    if !(ampm || named || stamp.zone.is_some() || local.is_some() || cue) {
        return None;
    }
    // `at 3pm` reads as a whole.
    let lead = text.get(..span.start).unwrap_or("");
    let trimmed = lead.trim_end_matches([' ', '\u{a0}']);
    if trimmed.len() < lead.len() {
        let word_start = trimmed.len().saturating_sub(2);
        if trimmed
            .get(word_start..)
            .is_some_and(|w| w.eq_ignore_ascii_case("at"))
            && !trimmed
                .get(..word_start)
                .and_then(|s| s.chars().next_back())
                .is_some_and(char::is_alphanumeric)
        {
            span.start = word_start;
        }
    }
    let rule = if local.is_some() {
        ExpressionRule::ClockLocalTime
    } else if stamp.zone.is_some() {
        ExpressionRule::ClockStatedZone
    } else {
        ExpressionRule::Clock
    };
    Some(Found {
        span,
        rule,
        what: What::Clock {
            stamp,
            local: local.is_some(),
            on: None,
        },
    })
}

/// Whether the text between two expressions lets them read as one (`on Friday at 3pm`).
fn joinable(between: &str) -> bool {
    let t = between.trim_matches(|c: char| c.is_whitespace() || c == ',');
    t.is_empty() || t.eq_ignore_ascii_case("at") || t.eq_ignore_ascii_case("on")
}

/// Joins a clock to the day or recurrence printed beside it.
fn join(text: &str, found: Vec<Found>) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    for f in found {
        let Some(last) = out.last_mut() else {
            out.push(f);
            continue;
        };
        let between = text.get(last.span.end..f.span.start).unwrap_or("x");
        if between.contains('\n') || !joinable(between) {
            out.push(f);
            continue;
        }
        let span = last.span.start..f.span.end;
        let joined = match (&last.what, &f.what) {
            (
                What::Every { unit, clock: None },
                What::Clock {
                    stamp,
                    local,
                    on: None,
                },
            )
            | (
                What::Clock {
                    stamp,
                    local,
                    on: None,
                },
                What::Every { unit, clock: None },
            ) => Some((
                ExpressionRule::Recurring,
                What::Every {
                    unit: unit.clone(),
                    clock: Some((stamp.clone(), *local)),
                },
            )),
            (
                day,
                What::Clock {
                    stamp,
                    local,
                    on: None,
                },
            ) if day.takes_clock() => Some((
                f.rule,
                What::Clock {
                    stamp: stamp.clone(),
                    local: *local,
                    on: Some(Box::new(day.clone())),
                },
            )),
            (
                What::Clock {
                    stamp,
                    local,
                    on: None,
                },
                day,
            ) if day.takes_clock() => Some((
                last.rule,
                What::Clock {
                    stamp: stamp.clone(),
                    local: *local,
                    on: Some(Box::new(day.clone())),
                },
            )),
            _ => None,
        };
        match joined {
            Some((rule, what)) => {
                *last = Found { span, rule, what };
            }
            None => out.push(f),
        }
    }
    out
}

/// The time a clock prints, for notes.
pub(super) fn clock_text(stamp: &Stamp) -> String {
    stamp
        .time
        .unwrap_or(NaiveTime::MIN)
        .format("%H:%M")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules_of(text: &str) -> Vec<(String, &'static str)> {
        recognise(text)
            .into_iter()
            .map(|f| (text[f.span].to_owned(), f.rule.as_str()))
            .collect()
    }

    #[test]
    fn every_rule_compiles() {
        assert_eq!(RULES.len(), 21);
        assert!(RULES.iter().all(|r| r.re().is_some()));
        for (i, rule) in RULES.iter().enumerate() {
            let unlisted = rule
                .re()
                .map(crate::rx::Rx::unlisted_groups)
                .unwrap_or_default();
            assert!(unlisted.is_empty(), "rule {i}: {unlisted:?}");
        }
        assert!(ZONE_AFTER.is_some());
        assert!(LOCAL_TIME.is_some());
    }

    #[test]
    fn names_must_be_capitalised() {
        assert!(rules_of("Iran may now prioritize").is_empty());
        assert!(rules_of("we will march on friday").is_empty());
        assert_eq!(rules_of("in May"), [("in May".to_owned(), "in-month")]);
    }

    #[test]
    fn clocks_need_a_reason() {
        assert!(rules_of("03:42").is_empty());
        assert_eq!(rules_of("at 18:30"), [("at 18:30".to_owned(), "clock")]);
        assert_eq!(
            rules_of("took place at 1.12am local time."),
            [("at 1.12am local time".to_owned(), "clock-local-time")]
        );
    }

    #[test]
    fn clocks_join_their_day() {
        assert_eq!(
            rules_of("on Friday at 3pm"),
            [("on Friday at 3pm".to_owned(), "clock")]
        );
        assert_eq!(
            rules_of("Each evening at 1830 UTC, DW"),
            [("Each evening at 1830 UTC".to_owned(), "recurring")]
        );
    }

    #[test]
    fn years_are_not_clocks_or_numbers() {
        assert!(
            rules_of("from 1830 UTC")
                .iter()
                .all(|(_, r)| *r != "in-year")
        );
        assert!(rules_of("in 2019%").is_empty());
        assert_eq!(rules_of("in 2019"), [("in 2019".to_owned(), "in-year")]);
    }

    #[test]
    fn weekday_names() {
        assert!(rules_of("the Sunday Times said").is_empty());
        assert!(
            rules_of("on Good Friday")
                .iter()
                .all(|(t, _)| t != "Friday")
        );
        assert_eq!(
            rules_of("a Saturday phone call"),
            [("Saturday".to_owned(), "weekday")]
        );
    }
}
