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

use crate::types::{Form, Note, ZoneOrigin};

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
    /// The rule that read it; its kebab-case name is `last-night`, `on-weekday`,
    /// `clock-local-time`, ...
    pub rule: ExpressionRule,
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

/// The rule that read an expression: [`ExpressionRule::as_str`] is its stable kebab-case name
/// (`last-night`, `on-weekday`, `clock-local-time`), which dateline prints and serialises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ExpressionRule {
    /// `day-before-yesterday`: "the day before yesterday".
    DayBeforeYesterday,
    /// `yesterday`: "yesterday".
    Yesterday,
    /// `today`: "today".
    Today,
    /// `tomorrow`: "tomorrow".
    Tomorrow,
    /// `yesterday-part-of-day`: "yesterday morning", "yesterday evening".
    YesterdayPartOfDay,
    /// `tomorrow-part-of-day`: "tomorrow morning".
    TomorrowPartOfDay,
    /// `tonight`: "tonight".
    Tonight,
    /// `last-night`: "last night".
    LastNight,
    /// `this-morning`: "this morning".
    ThisMorning,
    /// `this-afternoon`: "this afternoon".
    ThisAfternoon,
    /// `this-evening`: "this evening".
    ThisEvening,
    /// `overnight`: "overnight".
    Overnight,
    /// `early-hours`: "in the early hours", "the small hours of Friday".
    EarlyHours,
    /// `earlier-today`: "earlier today".
    EarlierToday,
    /// `later-today`: "later today".
    LaterToday,
    /// `this-week`: "this week".
    ThisWeek,
    /// `last-week`: "last week".
    LastWeek,
    /// `next-week`: "next week".
    NextWeek,
    /// `earlier-this-week`: "earlier this week".
    EarlierThisWeek,
    /// `later-this-week`: "later this week".
    LaterThisWeek,
    /// `this-month`: "this month".
    ThisMonth,
    /// `last-month`: "last month".
    LastMonth,
    /// `next-month`: "next month".
    NextMonth,
    /// `earlier-this-month`: "earlier this month".
    EarlierThisMonth,
    /// `later-this-month`: "later this month".
    LaterThisMonth,
    /// `this-year`: "this year".
    ThisYear,
    /// `last-year`: "last year".
    LastYear,
    /// `next-year`: "next year".
    NextYear,
    /// `earlier-this-year`: "earlier this year".
    EarlierThisYear,
    /// `later-this-year`: "later this year".
    LaterThisYear,
    /// `days-ago`: "three days ago".
    DaysAgo,
    /// `days-earlier`: "two days earlier".
    DaysEarlier,
    /// `days-later`: "a day later".
    DaysLater,
    /// `the-day-before`: "the day before".
    TheDayBefore,
    /// `the-day-after`: "the day after".
    TheDayAfter,
    /// `on-weekday`: "on Friday".
    OnWeekday,
    /// `since-weekday`: "since Friday".
    SinceWeekday,
    /// `last-weekday`: "last Friday".
    LastWeekday,
    /// `next-weekday`: "next Friday".
    NextWeekday,
    /// `this-weekday`: "this Friday".
    ThisWeekday,
    /// `weekday-part-of-day`: "Friday night".
    WeekdayPartOfDay,
    /// `weekday-possessive`: "Friday's attack".
    WeekdayPossessive,
    /// `weekday`: a weekday alone ("Friday").
    Weekday,
    /// `in-month`: "in March", "by early March", "this March".
    InMonth,
    /// `since-month`: "since October".
    SinceMonth,
    /// `last-named-month`: "last March".
    LastNamedMonth,
    /// `next-named-month`: "next March".
    NextNamedMonth,
    /// `month-year`: "March 2019".
    MonthYear,
    /// `in-year`: "in 2019", "by 2019".
    InYear,
    /// `since-year`: "since 2019".
    SinceYear,
    /// `date`: a date ("3 January", "Friday 3 January 2020").
    Date,
    /// `on-date`: "on 3 January".
    OnDate,
    /// `since-date`: "since 3 January".
    SinceDate,
    /// `weekend`: "this weekend".
    Weekend,
    /// `recurring`: "each evening", "on Fridays".
    Recurring,
    /// `clock`: a clock ("at 18:30", "at 3pm").
    Clock,
    /// `clock-stated-zone`: a clock with its zone ("at 9pm IST").
    ClockStatedZone,
    /// `clock-local-time`: a clock in local time ("1.12am local time").
    ClockLocalTime,
    /// A whole timestamp in running text (`3 January 2020 12:44`, `2020-01-03T12:44Z`), read by
    /// the stamp rule of its [`Form`] (never [`Form::Clock`] or [`Form::Date`], which are
    /// [`ExpressionRule::Clock`] and [`ExpressionRule::Date`] here); named as the form is.
    Stamp(Form),
}

impl ExpressionRule {
    /// The kebab-case name, as printed and serialised.
    pub fn as_str(self) -> &'static str {
        match self {
            ExpressionRule::DayBeforeYesterday => "day-before-yesterday",
            ExpressionRule::Yesterday => "yesterday",
            ExpressionRule::Today => "today",
            ExpressionRule::Tomorrow => "tomorrow",
            ExpressionRule::YesterdayPartOfDay => "yesterday-part-of-day",
            ExpressionRule::TomorrowPartOfDay => "tomorrow-part-of-day",
            ExpressionRule::Tonight => "tonight",
            ExpressionRule::LastNight => "last-night",
            ExpressionRule::ThisMorning => "this-morning",
            ExpressionRule::ThisAfternoon => "this-afternoon",
            ExpressionRule::ThisEvening => "this-evening",
            ExpressionRule::Overnight => "overnight",
            ExpressionRule::EarlyHours => "early-hours",
            ExpressionRule::EarlierToday => "earlier-today",
            ExpressionRule::LaterToday => "later-today",
            ExpressionRule::ThisWeek => "this-week",
            ExpressionRule::LastWeek => "last-week",
            ExpressionRule::NextWeek => "next-week",
            ExpressionRule::EarlierThisWeek => "earlier-this-week",
            ExpressionRule::LaterThisWeek => "later-this-week",
            ExpressionRule::ThisMonth => "this-month",
            ExpressionRule::LastMonth => "last-month",
            ExpressionRule::NextMonth => "next-month",
            ExpressionRule::EarlierThisMonth => "earlier-this-month",
            ExpressionRule::LaterThisMonth => "later-this-month",
            ExpressionRule::ThisYear => "this-year",
            ExpressionRule::LastYear => "last-year",
            ExpressionRule::NextYear => "next-year",
            ExpressionRule::EarlierThisYear => "earlier-this-year",
            ExpressionRule::LaterThisYear => "later-this-year",
            ExpressionRule::DaysAgo => "days-ago",
            ExpressionRule::DaysEarlier => "days-earlier",
            ExpressionRule::DaysLater => "days-later",
            ExpressionRule::TheDayBefore => "the-day-before",
            ExpressionRule::TheDayAfter => "the-day-after",
            ExpressionRule::OnWeekday => "on-weekday",
            ExpressionRule::SinceWeekday => "since-weekday",
            ExpressionRule::LastWeekday => "last-weekday",
            ExpressionRule::NextWeekday => "next-weekday",
            ExpressionRule::ThisWeekday => "this-weekday",
            ExpressionRule::WeekdayPartOfDay => "weekday-part-of-day",
            ExpressionRule::WeekdayPossessive => "weekday-possessive",
            ExpressionRule::Weekday => "weekday",
            ExpressionRule::InMonth => "in-month",
            ExpressionRule::SinceMonth => "since-month",
            ExpressionRule::LastNamedMonth => "last-named-month",
            ExpressionRule::NextNamedMonth => "next-named-month",
            ExpressionRule::MonthYear => "month-year",
            ExpressionRule::InYear => "in-year",
            ExpressionRule::SinceYear => "since-year",
            ExpressionRule::Date => "date",
            ExpressionRule::OnDate => "on-date",
            ExpressionRule::SinceDate => "since-date",
            ExpressionRule::Weekend => "weekend",
            ExpressionRule::Recurring => "recurring",
            ExpressionRule::Clock => "clock",
            ExpressionRule::ClockStatedZone => "clock-stated-zone",
            ExpressionRule::ClockLocalTime => "clock-local-time",
            ExpressionRule::Stamp(form) => form.as_str(),
        }
    }
}

impl std::fmt::Display for ExpressionRule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<str> for ExpressionRule {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for ExpressionRule {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// An expression's rule is its name (the serde form of `Stamp(form)` would be an object).
#[cfg(feature = "serde")]
impl serde::Serialize for ExpressionRule {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
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
