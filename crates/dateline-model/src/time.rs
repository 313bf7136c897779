//! A timestamp resolved to UTC, with everything needed to say why.

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// A time read from a page and resolved to an instant.
///
/// This is the `time` object of the JSON contract: the raw text and where it stood, the instant in
/// UTC, the wall-clock time with its offset, the zone that turned one into the other, and the
/// [`Basis`] that says which rule fired and what was inferred.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ResolvedTime {
    /// The 1-based line of the page where the stamp stands.
    pub line: u32,
    /// The stamp exactly as printed (no-break spaces kept), without glued text such as a byline.
    pub raw: String,
    /// The instant, RFC 3339 with `Z`.
    pub utc: DateTime<Utc>,
    /// The wall-clock time in the zone, with its UTC offset.
    pub local: DateTime<FixedOffset>,
    /// The zone: an IANA name such as `Europe/London`, or `UTC`, or a fixed offset such as `+05:30`.
    pub zone: String,
    /// Why this instant: the rule, where the zone came from, what was inferred.
    pub basis: Basis,
}

impl ResolvedTime {
    /// A resolved time from its parts.
    pub fn new(
        line: u32,
        raw: impl Into<String>,
        utc: DateTime<Utc>,
        local: DateTime<FixedOffset>,
        zone: impl Into<String>,
        basis: Basis,
    ) -> Self {
        ResolvedTime {
            line,
            raw: raw.into(),
            utc,
            local,
            zone: zone.into(),
            basis,
        }
    }
}

/// Why a [`ResolvedTime`] is what it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Basis {
    /// The parsing rule that read the stamp, such as `day-month-year-time`.
    pub rule: String,
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
    pub fn new(rule: impl Into<String>, zone_source: ZoneSource) -> Self {
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
        outlet: String,
    },
    /// Nothing said anything; UTC was assumed and a warning given.
    Assumed,
}

/// One thing that was not printed in a stamp and had to be inferred.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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

/// The finest unit a stamp gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Precision {
    /// Seconds are printed.
    Second,
    /// Hours and minutes are printed.
    Minute,
    /// Only the hour is meaningful.
    Hour,
    /// Only the date is printed.
    Day,
}
