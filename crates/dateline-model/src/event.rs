//! An event: one real-world occurrence, the posts that report it, and why they were put together.

use std::borrow::Cow;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::Precision;

/// An event's precision when a timeline written before it was recorded is read back.
fn minute() -> Precision {
    Precision::Minute
}

/// One real-world occurrence, with the posts that report it.
///
/// An event is the same statement, tweet, strike, phone call or announcement, however many outlets
/// report it; reactions to it, analysis of it and recaps are other events. A single-report event has
/// one [`Report`], no [`Evidence`] and possibly some [`Related`] near misses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Event {
    /// Stable id, from the ids of its posts ([`crate::event_id`]).
    pub id: String,
    /// The earliest trusted report's time (the earliest report's when every report is in doubt).
    pub utc: DateTime<Utc>,
    /// How much of `utc` that report's stamp gives: `minute` or `second` for a time of day, `day`
    /// when its page gives only the date (`utc` is then the start of that day in the page's zone,
    /// and [`Event::date`] the day).
    #[serde(default = "minute")]
    pub precision: Precision,
    /// The day as printed, when that report's page gives only a day (precision `day`), and none
    /// for a time of day. It is the day to show the event on, which the day of `utc`, the start
    /// of that day in the page's zone, may not be: a `15.04.2020` in Berlin starts at
    /// `2020-04-14T22:00:00Z`.
    #[serde(default)]
    pub date: Option<NaiveDate>,
    /// The best report's headline, or its first sentence.
    pub headline: String,
    /// The ids of the posts that report it, earliest first.
    pub posts: Vec<String>,
    /// The outlets that report it, in order of their first report.
    pub outlets: Vec<String>,
    /// The outlet that had it first, among reports whose time is not in doubt ([`Event::checks`]).
    pub first_reporter: Option<String>,
    /// Every report, earliest first, with its lag behind the first trusted report.
    pub reports: Vec<Report>,
    /// Why the reports were put together: one entry per join, in the order the joins were made.
    pub evidence: Vec<Evidence>,
    /// Other events that are possibly the same occurrence, or follow-ups of it, best first.
    pub related: Vec<Related>,
    /// What merging found out about the reports' times: stale datelines, mislabelled zones.
    pub checks: Vec<Check>,
}

impl Event {
    /// An event from its parts; the id is derived from the post ids.
    ///
    /// The reports, evidence, related events and checks start empty, the first reporter is the
    /// first outlet, the precision is the minute and there is no printed date.
    pub fn new(
        utc: DateTime<Utc>,
        headline: String,
        posts: Vec<String>,
        outlets: Vec<String>,
    ) -> Self {
        let id = crate::event_id(posts.iter().map(String::as_str));
        let first_reporter = outlets.first().cloned();
        Event {
            id,
            utc,
            precision: Precision::Minute,
            date: None,
            headline,
            posts,
            outlets,
            first_reporter,
            reports: Vec::new(),
            evidence: Vec::new(),
            related: Vec::new(),
            checks: Vec::new(),
        }
    }
}

/// One post's report of an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Report {
    /// The post's id.
    pub post: String,
    /// The outlet (the document's path when the outlet is unknown).
    pub outlet: String,
    /// The post's time.
    pub utc: DateTime<Utc>,
    /// The day as printed, when the post's page gives only a day, and none for a time of day: the
    /// day to show the report on (its `utc` is the start of that day in the page's zone).
    #[serde(default)]
    pub date: Option<NaiveDate>,
    /// Minutes behind the event's time (the first trusted report); negative for a report stamped
    /// earlier than that, whose time is then in doubt. For a post whose time gives only its date,
    /// 0 when that day holds the event's time.
    pub lag_minutes: i64,
}

impl Report {
    /// A report from its parts, with no printed date; set [`Report::date`] for a post whose page
    /// gives only a day.
    pub fn new(
        post: impl Into<String>,
        outlet: impl Into<String>,
        utc: DateTime<Utc>,
        lag_minutes: i64,
    ) -> Self {
        Report {
            post: post.into(),
            outlet: outlet.into(),
            utc,
            date: None,
            lag_minutes,
        }
    }
}

/// One signal of a comparison between two posts: what was measured and what it added to the score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Signal {
    /// The signal: `quote`, `content`, `lead`, `body`, `entities`, `predicate`, `organisation`,
    /// `time`, `outlet`.
    // Borrowed when it is one of these (a merge holds millions of signals), owned when read back.
    pub name: Cow<'static, str>,
    /// What was measured, in the signal's own unit (a share in `[0, 1]`, or hours for `time`).
    pub value: f64,
    /// What it added to (or took from) the total.
    pub contribution: f64,
}

// Values are rounded finite numbers, never NaN, so equality is total.
impl Eq for Signal {}

impl Signal {
    /// A signal from its parts.
    pub fn new(name: impl Into<Cow<'static, str>>, value: f64, contribution: f64) -> Self {
        Signal {
            name: name.into(),
            value,
            contribution,
        }
    }
}

/// Why two posts were judged to report the same occurrence (or not).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Evidence {
    /// The two posts compared, the earlier first.
    pub posts: [String; 2],
    /// The verbatim quotes (normalised) of five words or more that both posts carry.
    pub quotes: Vec<String>,
    /// The names both posts give (people, organisations, places, numbers), rarest first.
    pub entities: Vec<String>,
    /// The predicate (a verb's lemma, such as `tweet` or `suspend`) both posts use, if any.
    pub predicate: Option<Cow<'static, str>>,
    /// Each signal's measure and contribution.
    pub signals: Vec<Signal>,
    /// The sum of the contributions.
    pub total: f64,
    /// Minutes between the two posts' times (never negative).
    pub gap_minutes: i64,
}

// Scores are rounded finite numbers, never NaN, so equality is total.
impl Eq for Evidence {}

impl Evidence {
    /// Evidence for the pair of posts `a` (the earlier) and `b`, with nothing found yet.
    pub fn new(a: impl Into<String>, b: impl Into<String>) -> Self {
        Evidence {
            posts: [a.into(), b.into()],
            quotes: Vec::new(),
            entities: Vec::new(),
            predicate: None,
            signals: Vec::new(),
            total: 0.0,
            gap_minutes: 0,
        }
    }
}

/// How another event relates to this one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Relation {
    /// Scored close to the merge threshold, or was kept apart by a guard: possibly the same.
    PossiblySame,
    /// A later post of the same outlet on the same occurrence: linked, not merged.
    FollowUp,
}

/// A link to another event that was not merged with this one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Related {
    /// The other event's id.
    pub event: String,
    /// Possibly the same, or a follow-up.
    pub relation: Relation,
    /// The comparison that links them: this event's post first.
    pub evidence: Evidence,
    /// Why they were not merged, for people.
    pub reason: String,
}

impl Related {
    /// A link from its parts.
    pub fn new(
        event: impl Into<String>,
        relation: Relation,
        evidence: Evidence,
        reason: impl Into<String>,
    ) -> Self {
        Related {
            event: event.into(),
            relation,
            evidence,
            reason: reason.into(),
        }
    }
}

/// Something merging found out about the time of one of an event's reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Check {
    /// A stable kebab-case code: `early-report` (stamped hours before every other report) or
    /// `before-own-text` (stamped before a time its own text gives).
    pub code: String,
    /// The post whose time is in doubt.
    pub post: String,
    /// By how many minutes it is early.
    pub minutes: i64,
    /// A zone that would fit, when the gap is a whole number of hours matching a real zone's
    /// offset (`America/New_York` for a `GMT` label five hours off), else none.
    pub zone: Option<String>,
    /// What was found, for people; lowercase, no trailing period.
    pub message: String,
}

impl Check {
    /// A check from its parts.
    pub fn new(
        code: impl Into<String>,
        post: impl Into<String>,
        minutes: i64,
        zone: Option<String>,
        message: impl Into<String>,
    ) -> Self {
        Check {
            code: code.into(),
            post: post.into(),
            minutes,
            zone,
            message: message.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_event_and_a_report_dated_only_by_their_day_carry_it() {
        let start: DateTime<Utc> = "2020-04-14T22:00:00Z".parse().unwrap_or_default();
        let mut event = Event::new(start, "Headline".to_owned(), vec!["d:4".to_owned()], vec![]);
        event.precision = Precision::Day;
        event.date = NaiveDate::from_ymd_opt(2020, 4, 15);
        let mut report = Report::new("d:4", "Beta Times", start, 0);
        report.date = event.date;
        event.reports.push(report);
        let value = serde_json::to_value(&event).unwrap_or_default();
        assert_eq!(value["date"], "2020-04-15");
        assert_eq!(value["reports"][0]["date"], "2020-04-15");
        assert_eq!(value["utc"], "2020-04-14T22:00:00Z");

        // Written before the field, an event reads back with none.
        let mut old = value;
        if let Some(fields) = old.as_object_mut() {
            fields.remove("date");
            fields.remove("precision");
        }
        let back: Result<Event, _> = serde_json::from_value(old);
        let back = back.ok();
        assert_eq!(back.as_ref().map(|e| e.date), Some(None));
        assert_eq!(back.map(|e| e.precision), Some(Precision::Minute));
    }
}
