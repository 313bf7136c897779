//! A timestamp resolved to UTC, with everything needed to say why.

use std::borrow::Cow;

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
pub use dateline_time::{ExpressionKind, Granularity, Interval, Precision};
use serde::{Deserialize, Serialize};

/// A time read from a page and resolved to an instant.
///
/// This is the `time` object of the JSON contract: the raw text and where it stood, the instant in
/// UTC, the wall-clock time with its offset, the zone that turned one into the other, and the
/// [`Basis`] that says which rule fired and what was inferred.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ResolvedTime {
    /// The 1-based line of the page where the stamp stands.
    pub line: u32,
    /// The byte range of the stamp within its line, `[start, end)`.
    pub span: [u32; 2],
    /// The stamp exactly as printed (no-break spaces kept), without glued text such as a byline.
    pub raw: String,
    /// The instant, RFC 3339 with `Z`.
    pub utc: DateTime<Utc>,
    /// The wall-clock time in the zone, with its UTC offset.
    pub local: DateTime<FixedOffset>,
    /// The day as printed, when the page gives only a day ([`Precision::Day`]), and none for a
    /// time of day. `utc` and `local` are then the start of that day in the zone, and this is the
    /// day to show: a `15.04.2020` read in `Europe/Berlin` is `2020-04-15`, whose start is
    /// `2020-04-14T22:00:00Z`.
    #[serde(default)]
    pub date: Option<NaiveDate>,
    /// The zone: an IANA name such as `Europe/London`, or `UTC`, or a fixed offset such as `+05:30`.
    pub zone: Cow<'static, str>,
    /// Why this instant: the rule, where the zone came from, what was inferred.
    pub basis: Basis,
}

impl ResolvedTime {
    /// A resolved time from its parts.
    /// The span starts at 0; set [`ResolvedTime::span`] when the stamp stands inside a longer line,
    /// and [`ResolvedTime::date`] when the stamp gives only a day.
    pub fn new(
        line: u32,
        raw: impl Into<String>,
        utc: DateTime<Utc>,
        local: DateTime<FixedOffset>,
        zone: impl Into<Cow<'static, str>>,
        basis: Basis,
    ) -> Self {
        let raw = raw.into();
        let len = u32::try_from(raw.len()).unwrap_or(u32::MAX);
        ResolvedTime {
            line,
            span: [0, len],
            raw,
            utc,
            local,
            date: None,
            zone: zone.into(),
            basis,
        }
    }
}

/// Why a [`ResolvedTime`] is what it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Basis {
    /// The parsing rule that read the stamp, such as `day-month-year-time`.
    pub rule: Cow<'static, str>,
    /// Where the zone came from.
    pub zone_source: ZoneSource,
    /// What was not printed in the stamp and had to be inferred.
    pub inferred: Vec<Inference>,
    /// The finest unit the stamp gives.
    pub precision: Precision,
    /// Remarks a reader should know, such as a zone abbreviation that disagrees with its date.
    pub notes: Vec<String>,
}

impl Basis {
    /// A basis with a rule and a zone source, nothing inferred, minute precision.
    pub fn new(rule: impl Into<Cow<'static, str>>, zone_source: ZoneSource) -> Self {
        Basis {
            rule: rule.into(),
            zone_source,
            inferred: Vec::new(),
            precision: Precision::Minute,
            notes: Vec::new(),
        }
    }
}

/// Where the zone of a time came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum ZoneSource {
    /// Printed in the stamp itself (`EST`, `GMT`, `+01:00`).
    Stated {
        /// The label as printed.
        label: String,
    },
    /// A statement on the page, such as "All updates in Coordinated Universal Time (UTC)".
    PageStatement {
        /// The line of the statement.
        line: u32,
    },
    /// The outlet's home zone, because the stamp and the page say nothing.
    OutletDefault {
        /// The outlet whose default applied.
        outlet: Cow<'static, str>,
    },
    /// A place named in the text, through the gazetteer ("1.12am local time" in a Baghdad story).
    Gazetteer {
        /// The place.
        place: Cow<'static, str>,
    },
    /// The zone of the post the expression stands in (for times in running text).
    Post,
    /// Given by whoever ran dateline (a `--zone` option).
    Given,
    /// Decided from the page's clues (its address, its language, the zones its other stamps
    /// print); the page's context says which clue won and which lost.
    Context {
        /// The clue that decided, in words.
        clue: String,
    },
    /// Nothing said anything; UTC was assumed and a warning given.
    Assumed,
    /// The page's machine-readable data gave the instant with its offset (an HTML page's
    /// JSON-LD, microdata, `<time datetime>` or `<meta>`); the zone is the outlet's when the
    /// offset fits it, else the offset itself.
    Machine {
        /// Which field, such as `JSON-LD block 2: liveBlogUpdate datePublished`.
        field: String,
    },
}

/// One thing that was not printed in a stamp and had to be inferred.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Inference {
    /// The date was carried from the page (a bare `HH:MM` under a dated page).
    DateFromPage {
        /// The page's date.
        date: NaiveDate,
    },
    /// The date moved across midnight from the page date, reading the posts in time order.
    Rollover {
        /// Days added to the page date (negative for days before it).
        days: i32,
    },
    /// The year was not printed and was taken from the page.
    Year {
        /// The year used.
        year: i32,
    },
    /// A wall-clock time fell in a daylight-saving gap or overlap and a policy chose.
    DstChoice {
        /// The policy that chose, such as `earlier`.
        policy: String,
    },
}

/// A time expression in a post's running text ("last night", "on Friday", "1.12am local time"),
/// read against that post's own time and zone: when the reported event happened, as opposed to
/// when it was reported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct TimeExpression {
    /// The 1-based line of the page where the expression stands.
    pub line: u32,
    /// The byte range of the expression within its line, `[start, end)`.
    pub span: [u32; 2],
    /// The expression as printed.
    pub text: String,
    /// The rule that read it, such as `last-night` or `on-weekday`.
    pub rule: Cow<'static, str>,
    /// An instant, an interval, an open interval since a time, or a recurrence.
    pub kind: ExpressionKind,
    /// The time it most probably means; none for a recurrence.
    pub interval: Option<Interval>,
    /// Other plausible readings, when the text leaves it open.
    pub alternatives: Vec<Interval>,
    /// The zone it was read in: an IANA name or `UTC`.
    pub zone: Cow<'static, str>,
    /// Where that zone came from.
    pub zone_source: ZoneSource,
    /// For a recurrence, what recurs, such as `every evening at 18:30 UTC`.
    pub recurrence: Option<String>,
    /// What a reader should know: uncertainty, choices made.
    pub notes: Vec<String>,
}

impl TimeExpression {
    /// An expression with no reading yet.
    pub fn new(
        line: u32,
        span: [u32; 2],
        text: impl Into<String>,
        rule: impl Into<Cow<'static, str>>,
        kind: ExpressionKind,
    ) -> Self {
        TimeExpression {
            line,
            span,
            text: text.into(),
            rule: rule.into(),
            kind,
            interval: None,
            alternatives: Vec::new(),
            zone: Cow::Borrowed("UTC"),
            zone_source: ZoneSource::Post,
            recurrence: None,
            notes: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn berlin_day() -> ResolvedTime {
        let local: DateTime<FixedOffset> = "2020-04-15T00:00:00+02:00".parse().unwrap_or_default();
        let mut basis = Basis::new("date", ZoneSource::Given);
        basis.precision = Precision::Day;
        let mut time = ResolvedTime::new(
            4,
            "15.04.2020",
            local.to_utc(),
            local,
            "Europe/Berlin",
            basis,
        );
        time.date = NaiveDate::from_ymd_opt(2020, 4, 15);
        time
    }

    #[test]
    fn a_date_alone_is_written_as_printed_and_a_time_of_day_has_none() {
        let day = serde_json::to_value(berlin_day()).unwrap_or_default();
        assert_eq!(day["utc"], "2020-04-14T22:00:00Z");
        assert_eq!(day["date"], "2020-04-15");
        let mut timed = berlin_day();
        timed.date = None;
        let timed = serde_json::to_value(timed).unwrap_or_default();
        assert_eq!(timed.get("date"), Some(&serde_json::Value::Null));
    }

    #[test]
    fn a_time_written_before_the_date_reads_back_without_one() {
        let mut value = serde_json::to_value(berlin_day()).unwrap_or_default();
        if let Some(fields) = value.as_object_mut() {
            fields.remove("date");
        }
        let back: Result<ResolvedTime, _> = serde_json::from_value(value);
        assert_eq!(back.ok().map(|t| t.date), Some(None));
    }
}
