//! Time expressions in a post's running text ("last night", "on Friday", "1.12am local time"),
//! read against the post's own time and zone.
//!
//! Recognition is in [`recognise`], with the regexes for families of phrases in [`rules`] and
//! what each match says in [`what`]: overlaps settled, clocks joined to the day printed beside
//! them. Reading is in [`read`]: each expression to an interval in the report's zone,
//! past-biased as news is, with the choices made written into notes.

use std::borrow::Cow;
use std::ops::Range;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::types::{Note, ZoneOrigin};

mod clock;
mod read;
mod recognise;
mod rules;
mod what;

#[cfg(test)]
pub(crate) use recognise::recognised_for_test;

/// What an expression is read against: the report it stands in (the post's own time and zone,
/// and the outlet's country). Not to be confused with `dateline_model::Report`, a post's report
/// of an event.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct ReportContext {
    /// When the post was published.
    pub utc: DateTime<Utc>,
    /// The zone the post is written in: "today" and "last night" are its days and nights.
    pub tz: Tz,
    /// ISO 3166 alpha-2 code of the outlet's country, to choose among ambiguous abbreviations
    /// (`IST`, `CST`) in clocks such as `at 9pm IST`.
    pub country: Option<String>,
}

impl ReportContext {
    /// A report published at `utc` in zone `tz`.
    pub fn new(utc: DateTime<Utc>, tz: Tz) -> Self {
        ReportContext {
            utc,
            tz,
            country: None,
        }
    }

    /// The same report, for an outlet in `country` (ISO 3166 alpha-2, such as `GB`).
    #[must_use]
    pub fn with_country(mut self, country: &str) -> Self {
        self.country = Some(country.to_ascii_uppercase());
        self
    }
}

/// A time expression found in running text and read against a [`ReportContext`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Expression {
    /// Byte range of the expression in the text.
    pub span: Range<usize>,
    /// The expression as printed (the bytes of `span`).
    pub text: String,
    /// The kebab-case rule that read it, such as `last-night`, `on-weekday`, `clock-local-time`.
    pub rule: &'static str,
    /// An instant, an interval, an open interval up to the report, or a recurrence.
    pub kind: ExpressionKind,
    /// The reading; `None` for a recurrence.
    pub interval: Option<Interval>,
    /// Other plausible readings, when the text does not settle it.
    pub alternatives: Vec<Interval>,
    /// The zone it was read in: an IANA name, `UTC`, or a fixed offset such as `+03:00`.
    pub zone: Cow<'static, str>,
    /// Where the zone came from: stated in the expression, the report's ([`ZoneOrigin::Caller`]),
    /// or a place named in the text ([`ZoneOrigin::Gazetteer`]).
    pub origin: ZoneOrigin,
    /// For a recurrence, what recurs, such as `every evening at 18:30 UTC`.
    pub recurrence: Option<String>,
    /// Uncertainty and the choices made.
    pub notes: Vec<Note>,
}

/// What kind of time an expression names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub enum ExpressionKind {
    /// A point in time, to the expression's granularity ("at 1.12am").
    Instant,
    /// A span ("last night", "in March", "earlier this week").
    Interval,
    /// From a time until the report ("since October").
    OpenSince,
    /// A repeating time ("each evening at 1830 UTC"); it has no single interval.
    Recurring,
}

/// A half-open interval of time, `[start, end)`, with the granularity of what was said.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Interval {
    /// The start, inclusive.
    pub start: DateTime<Utc>,
    /// The end, exclusive.
    pub end: DateTime<Utc>,
    /// How fine the expression is.
    pub granularity: Granularity,
}

impl Interval {
    /// An interval from its bounds and granularity.
    pub fn new(start: DateTime<Utc>, end: DateTime<Utc>, granularity: Granularity) -> Self {
        Interval {
            start,
            end,
            granularity,
        }
    }
}

/// How fine a time expression is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub enum Granularity {
    /// To the minute ("at 1.12am").
    Minute,
    /// To the hour ("at 3pm", "around 5 o'clock").
    Hour,
    /// A part of a day ("last night", "this morning").
    PartOfDay,
    /// A day ("yesterday", "on Friday", "on 3 January").
    Day,
    /// A week ("earlier this week").
    Week,
    /// A month ("in March").
    Month,
    /// A year ("in 2019").
    Year,
}

/// Compiles every expression rule now (see [`crate::prepare`]).
pub(crate) fn prepare() {
    rules::prepare();
}

/// Whether every expression rule has been compiled.
#[cfg(test)]
pub(crate) fn rules_all_compiled() -> bool {
    rules::all_compiled()
}

/// Finds and reads every time expression in `text` against `report`.
pub(crate) fn find_expressions(text: &str, report: &ReportContext) -> Vec<Expression> {
    let mut out: Vec<Expression> = Vec::new();
    for found in recognise::recognise(text) {
        if let Some(e) = read::read(&found, text, report, &out) {
            out.push(e);
        }
    }
    out
}
