//! What an expression says, before it is read against the report.

use std::ops::Range;

use chrono::Weekday;

use super::ExpressionRule;
use crate::types::Stamp;

/// A part of a day, in local hours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Part {
    Morning,
    Afternoon,
    Evening,
    Night,
    /// "the early hours": midnight to six.
    EarlyHours,
}

impl Part {
    pub(super) fn from_word(word: &str) -> Option<Part> {
        Some(match word.to_ascii_lowercase().as_str() {
            "morning" => Part::Morning,
            "afternoon" => Part::Afternoon,
            "evening" => Part::Evening,
            "night" => Part::Night,
            _ => return None,
        })
    }

    /// Start and end hour from the day's midnight (the night runs past the next midnight).
    pub(super) fn hours(self) -> (i64, i64) {
        match self {
            Part::Morning => (5, 12),
            Part::Afternoon => (12, 18),
            Part::Evening => (18, 24),
            Part::Night => (18, 30),
            Part::EarlyHours => (0, 6),
        }
    }

    pub(super) fn word(self) -> &'static str {
        match self {
            Part::Morning => "morning",
            Part::Afternoon => "afternoon",
            Part::Evening => "evening",
            Part::Night => "night",
            Part::EarlyHours => "early hours",
        }
    }
}

/// A calendar unit counted from the report (`this week`, `last year`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unit {
    Day,
    Week,
    Month,
    Year,
}

/// How much of a period an expression takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Bound {
    /// All of it (`this week`).
    Whole,
    /// From its start to the report (`earlier this week`).
    Earlier,
    /// From the report to its end (`later this month`).
    Later,
}

/// Which occurrence of a named weekday or month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Which {
    /// The most recent on or before the report (news is past-biased), unless the sentence looks
    /// ahead (`will`, `is set to`).
    Nearest,
    /// `last Friday`: strictly before the report's day (or month).
    Last,
    /// `next Friday`: strictly after.
    Next,
    /// `this Friday`: on or after.
    This,
}

/// What an expression says, before it is read against the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum What {
    /// Days from the report's day: `today` 0, `yesterday` -1, `two days ago` -2.
    Day(i64),
    /// A part of a day counted from the report's day: `last night` is (-1, night).
    PartOfDay(i64, Part),
    /// A period counted from the report's (`last week` is (week, -1, whole)).
    Period(Unit, i64, Bound),
    /// A weekend, Saturday and Sunday.
    Weekend(Which),
    /// A named weekday.
    Weekday {
        wd: Weekday,
        which: Which,
        part: Option<Part>,
        since: bool,
    },
    /// Days from the previous expression (`a day later` +1, `the day before` -1).
    Shift(i64),
    /// A named month.
    Month {
        month: u32,
        year: Option<i32>,
        which: Which,
        since: bool,
    },
    /// A year.
    Year { year: i32, since: bool },
    /// A calendar date.
    Date {
        month: u32,
        day: u32,
        year: Option<i32>,
        weekday: Option<Weekday>,
        since: bool,
    },
    /// A clock, `local` when followed by "local time", on a day when one is printed beside it.
    Clock {
        stamp: Stamp,
        local: bool,
        on: Option<Box<What>>,
    },
    /// A stamp the timestamp scanner reads whole (`3 January 2020 12:44`, `2 hours ago`).
    Stamp(Stamp),
    /// A recurrence (`each evening`), with its clock when one is printed beside it.
    Every {
        unit: String,
        clock: Option<(Stamp, bool)>,
    },
}

impl What {
    /// Whether a clock beside this expression is on the day it names.
    pub(super) fn takes_clock(&self) -> bool {
        match self {
            What::Day(_) | What::Shift(_) | What::PartOfDay(..) => true,
            What::Weekday { since, .. } | What::Date { since, .. } => !since,
            _ => false,
        }
    }
}

/// A recognised expression: where, which rule, what it says.
#[derive(Debug, Clone)]
pub(super) struct Found {
    pub span: Range<usize>,
    pub rule: ExpressionRule,
    pub what: What,
}

/// The weekday's full English name.
pub(super) fn weekday_name(wd: Weekday) -> &'static str {
    match wd {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}
