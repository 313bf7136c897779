use std::borrow::Cow;
use std::ops::Range;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, Utc, Weekday};
use chrono_tz::Tz;

/// A timestamp found in text, not yet resolved to an instant.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub struct Stamp {
    /// The stamp's text as printed (the bytes of `span`).
    pub text: String,
    /// Byte range of the stamp in the text that was searched (glued text such as a byline excluded).
    pub span: Range<usize>,
    /// The rule that recognised it.
    pub form: Form,
    /// What the stamp prints of the date.
    pub date: Option<PartialDate>,
    /// The wall-clock time, 24-hour.
    pub time: Option<NaiveTime>,
    /// The zone printed in the stamp.
    pub zone: Option<ZoneLabel>,
    /// A second reading of the same instant in another zone, as in `0846 GMT (1646 HKT)`.
    pub also: Option<(NaiveTime, ZoneLabel)>,
    /// The finest unit printed.
    pub precision: Precision,
    /// A time counted from the capture time ([`Context::now`]) rather than printed in full.
    pub relative: Option<Relative>,
}

/// What a relative stamp counts from the capture time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(tag = "kind", content = "value"))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum Relative {
    /// `4m ago`: this long before the capture time (in JSON, whole seconds).
    Ago(#[cfg_attr(feature = "serde", serde(serialize_with = "ser::seconds"))] chrono::Duration),
    /// `Yesterday 18:40` (-1), `Today 09:05` (0): days from the capture date, in the page's zone.
    Days(i32),
    /// `Monday 6:30PM`, `Tuesday 10:05`: a clock on the last such weekday on or before the
    /// capture date, in the page's zone, within the week before the capture time (in JSON, the
    /// weekday as `Mon` ... `Sun`).
    Weekday(Weekday),
}

/// The date fields a stamp prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct PartialDate {
    /// The year, when printed.
    pub year: Option<i32>,
    /// The month, 1-12.
    pub month: u32,
    /// The day of the month.
    pub day: u32,
    /// The weekday, when printed (checked against the date when resolving).
    pub weekday: Option<Weekday>,
}

/// A zone as a stamp prints it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(untagged))]
pub enum ZoneLabel {
    /// An abbreviation such as `EST`, `ET`, `GMT`, `BST`, `HKT`, `UTC`, `Z`.
    Abbreviation(String),
    /// A numeric offset such as `+01:00`.
    Offset(#[cfg_attr(feature = "serde", serde(serialize_with = "ser::offset"))] FixedOffset),
}

/// The rules that recognise stamps; [`Form::as_str`] is the kebab-case name a basis reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum Form {
    /// `2020-01-03T12:44:00Z`, with or without offset.
    #[cfg_attr(feature = "serde", serde(rename = "iso-8601"))]
    Iso8601,
    /// `Fri, 03 Jan 2020 12:44:00 +0000`.
    #[cfg_attr(feature = "serde", serde(rename = "rfc-2822"))]
    Rfc2822,
    /// `3 January 2020 12:44`, `Friday 03 January 2020 13:34 EST`, `4 January 2020 at 12:31 GMT`.
    DayMonthYearTime,
    /// `12:31 p.m. ET, January 4, 2020`.
    TimeZoneMonthDayYear,
    /// `Jan. 4, 2020, 12:31 p.m. ET`.
    MonthDayYearTime,
    /// `8:44pm, 3 Jan, 2020`, `12:44 GMT 3 January 2020`.
    TimeZoneDayMonthYear,
    /// `0846 GMT (1646 HKT) January 5, 2020`.
    CompactTimeZoneDate,
    /// `03:09`, `3.09pm`, `12.50 BST`: a clock with no date.
    Clock,
    /// `January 3, 2020`, `3 January 2020`: a date with no time.
    Date,
    /// `4m ago`, `2 hours ago`: a span before the capture time.
    Ago,
    /// `Yesterday 18:40`, `Today at 9:05`, `Monday 6:30PM`: a clock on a day counted from the
    /// capture time.
    RelativeDayTime,
    /// `2020. március 27., 14:05`, `2020 m. spalio 26 d.`: a year, a month's name and a day.
    YearMonthDayTime,
    /// `۲۹ بهمن ۱۳۹۸ - ۰۶:۵۵`, `2 تير 1399 - 12:09:08 ب.ظ`: a Solar Hijri (Persian) date, with or
    /// without a clock, whose [`Stamp::date`] is the Gregorian date.
    SolarHijri,
}

impl Form {
    /// The kebab-case name, as printed and serialised, and reported in a basis.
    pub fn as_str(self) -> &'static str {
        match self {
            Form::Iso8601 => "iso-8601",
            Form::Rfc2822 => "rfc-2822",
            Form::DayMonthYearTime => "day-month-year-time",
            Form::TimeZoneMonthDayYear => "time-zone-month-day-year",
            Form::MonthDayYearTime => "month-day-year-time",
            Form::TimeZoneDayMonthYear => "time-zone-day-month-year",
            Form::CompactTimeZoneDate => "compact-time-zone-date",
            Form::Clock => "clock",
            Form::Date => "date",
            Form::Ago => "ago",
            Form::RelativeDayTime => "relative-day-time",
            Form::YearMonthDayTime => "year-month-day-time",
            Form::SolarHijri => "solar-hijri",
        }
    }

    /// The same as [`Form::as_str`].
    pub fn name(self) -> &'static str {
        self.as_str()
    }
}

/// The finest unit a stamp gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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

/// A page's statement of its zone, such as "All updates in Coordinated Universal Time (UTC)", as
/// [`crate::zone_statement`] finds it in a line: the zone and where the line names it. (A
/// document's record of the statement, its line and text, is `dateline_model::ZoneStatement`.)
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ZoneStatementMatch {
    /// The zone it names.
    pub tz: Tz,
    /// The byte range of the zone's name in the line.
    pub span: Range<usize>,
    /// A `zone-ambiguous` note when the statement names an ambiguous abbreviation ("All times
    /// are local (IST)"), saying which reading was taken; the caller that knows the outlet's
    /// country may choose again with [`crate::resolve`] on a stamp in that zone.
    pub note: Option<Note>,
}

/// What resolution knows about the page around a stamp.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub struct Context {
    /// The page's date, carried to stamps that print no date.
    pub page_date: Option<NaiveDate>,
    /// Which end of the page's time span the page date belongs to.
    pub anchor: Anchor,
    /// The zone for stamps that print none, and where it came from.
    pub zone: Option<ZoneHint>,
    /// ISO 3166 country code of the outlet (`GB`, `US`, `DE`), used to choose among ambiguous
    /// abbreviations such as `IST` or `CST`.
    pub country: Option<String>,
    /// What to do with a local time in a daylight-saving gap or overlap.
    pub dst: DstPolicy,
    /// When the page was captured: the reference for `4m ago` and `Yesterday 18:40`. Never read
    /// from the system clock; the caller passes it in.
    pub now: Option<DateTime<Utc>>,
    /// The page's own "updated" time, when it prints one: a post after it is reported.
    pub updated: Option<DateTime<Utc>>,
}

impl Default for Context {
    fn default() -> Self {
        Context {
            page_date: None,
            anchor: Anchor::Oldest,
            zone: None,
            country: None,
            dst: DstPolicy::Earlier,
            now: None,
            updated: None,
        }
    }
}

/// Which stamp of a page the page's date belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum Anchor {
    /// The oldest stamp (a live blog that prints the day it started).
    #[default]
    Oldest,
    /// The newest stamp (a page that prints the day of its last update).
    Newest,
}

/// A zone to use for stamps that print none.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ZoneHint {
    /// The zone.
    pub tz: Tz,
    /// Where it came from.
    pub origin: ZoneOrigin,
}

/// Where a zone came from.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(tag = "kind"))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum ZoneOrigin {
    /// Printed in the stamp.
    Stated {
        /// The label as printed.
        label: String,
    },
    /// The page's statement on a line.
    PageStatement {
        /// 1-based line of the statement.
        line: u32,
    },
    /// The outlet's home zone.
    OutletDefault {
        /// The outlet.
        outlet: Cow<'static, str>,
    },
    /// A place named near the time ("1.12am local time" in a Baghdad story), looked up in the
    /// gazetteer ([`crate::place`]).
    Gazetteer {
        /// The place's name as the gazetteer spells it.
        place: Cow<'static, str>,
    },
    /// Given by the caller.
    Caller,
    /// Decided by the caller from clues on the page (its address, its language, the zones its
    /// other stamps print), named here in words.
    Context {
        /// The clue that decided.
        clue: Cow<'static, str>,
    },
    /// Nothing said anything: UTC assumed.
    Assumed,
}

/// What to do with a local time that falls in a daylight-saving gap or overlap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum DstPolicy {
    /// The earlier of the two instants: in an overlap the first pass of the clock, in a gap the
    /// time read with the offset in force after the change (`02:30` in New York on a spring-forward
    /// night is `01:30 EST`).
    #[default]
    Earlier,
    /// The later of the two instants: in an overlap the second pass of the clock, in a gap the time
    /// read with the offset in force before the change (`02:30` becomes `03:30 EDT`).
    Later,
    /// An error.
    Reject,
}

/// A stamp resolved to an instant, with why.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Resolved {
    /// The instant.
    pub utc: DateTime<Utc>,
    /// The wall-clock time with its offset.
    pub local: DateTime<FixedOffset>,
    /// The zone's name: IANA, `UTC`, or a fixed offset.
    pub zone: Cow<'static, str>,
    /// Where the zone came from.
    pub origin: ZoneOrigin,
    /// The rule that read the stamp (the [`Form`] of its reading: a numeric date read month
    /// first is [`Form::TimeZoneMonthDayYear`] or [`Form::MonthDayYearTime`]).
    pub rule: Form,
    /// What was inferred.
    pub inferred: Vec<Inferred>,
    /// The finest unit printed.
    pub precision: Precision,
    /// Remarks, such as an abbreviation that disagrees with the date.
    pub notes: Vec<Note>,
}

/// Something a stamp did not print and resolution inferred.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(tag = "kind", content = "value"))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum Inferred {
    /// The date came from the page.
    DateFromPage(NaiveDate),
    /// The date was carried from the dated stamp at this index of the sequence (a bare clock
    /// after `5 January 2020 01:00`).
    DateFromStamp(usize),
    /// Days added across midnight to the date the clock was carried from (the page date, or the
    /// dated stamp of [`Inferred::DateFromStamp`]); negative walking back from a newest anchor.
    Rollover(i32),
    /// The year came from the page.
    Year(i32),
    /// A daylight-saving policy chose between two instants or across a gap.
    Dst(DstPolicy),
    /// Counted from the capture time ([`Context::now`]).
    Capture(DateTime<Utc>),
}

/// A remark about a stamp or a sequence.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Note {
    /// What it is about; its kebab-case name, such as `zone-disagrees`, is stable.
    pub code: NoteCode,
    /// Whether a person should look (`true`) or it is only information.
    pub warning: bool,
    /// What was noticed; lowercase, no trailing period.
    pub message: String,
}

/// What a [`Note`] is about: a stable code whose kebab-case name ([`NoteCode::as_str`]) is what
/// dateline prints and serialises, such as `zone-disagrees`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum NoteCode {
    /// `abbreviation-season`: a zone abbreviation out of season (`BST` in January); the reading in
    /// force is named.
    AbbreviationSeason,
    /// `after-update`: a post stamped after the page's own "updated" time.
    AfterUpdate,
    /// `anchor-coarse`: an expression counted from an earlier one ("a day later") that names no
    /// day, so the day is not known.
    AnchorCoarse,
    /// `anchored`: an expression counted from the previous one in the text ("a day later").
    Anchored,
    /// `clock-day-inferred`: a clock with no day, read on the last such time at or before the
    /// report.
    ClockDayInferred,
    /// `clock-day-uncertain`: a clock with no day that could as well be on the next day; the other
    /// reading is an alternative.
    ClockDayUncertain,
    /// `clock-suffix-ignored`: a 24-hour clock with an am/pm (`14:10pm`), read as the 24-hour
    /// clock.
    ClockSuffixIgnored,
    /// `date-order`: a numeric date whose fields could be either way round (`03/01/2020`), and the
    /// order chosen.
    DateOrder,
    /// `dst-gap`: a local time in a daylight-saving gap, and how it was read.
    DstGap,
    /// `dst-overlap`: a local time that happens twice as daylight saving ends, and which was taken.
    DstOverlap,
    /// `future-cue`: a sentence that looks ahead ("is set to", "will"), read as the coming time.
    FutureCue,
    /// `local-time-place`: "Local time" read in the zone of the place named before it.
    LocalTimePlace,
    /// `local-time-places-disagree`: "Local time" in a text that also names places in other zones.
    LocalTimePlacesDisagree,
    /// `local-time-unplaced`: "Local time" in a text that names no place the gazetteer knows; read
    /// in the report's zone.
    LocalTimeUnplaced,
    /// `month-name`: a month name with more than one reading (`listopad`), and the one chosen.
    MonthName,
    /// `no-anchor`: an expression counted from an earlier time the text does not give; counted from
    /// the report's day.
    NoAnchor,
    /// `out-of-order`: a step against the page's order, too short to be a midnight rollover.
    OutOfOrder,
    /// `part-of-day`: a part of a day ("last night", "this morning") and the hours it was read as.
    PartOfDay,
    /// `past-biased`: a weekday, month or date with no other word, read as the most recent one.
    PastBiased,
    /// `recurring`: a time that repeats ("each evening at 1830 UTC"): no single interval.
    Recurring,
    /// `since-after-report`: "Since" a time after the report, read as that time alone.
    SinceAfterReport,
    /// `week-monday`: a week read as Monday to Sunday.
    WeekMonday,
    /// `weekday-before-capture`: a weekday and a clock with no date, read on the last such weekday
    /// before the capture.
    WeekdayBeforeCapture,
    /// `weekday-last`: a weekday read as the last one before the report's day ("last Friday").
    WeekdayLast,
    /// `weekday-mismatch`: a printed weekday that does not match the date.
    WeekdayMismatch,
    /// `weekday-next`: a weekday read as the coming one ("next Friday").
    WeekdayNext,
    /// `weekday-this`: a weekday read as the coming one, which may mean the one just past.
    WeekdayThis,
    /// `weekend`: a weekend, read as its Saturday and Sunday.
    Weekend,
    /// `year-inferred`: a month or date with no year, and the year it was read in.
    YearInferred,
    /// `zone-ambiguous`: an ambiguous zone abbreviation (`IST`, `CST`, `BST`, `AST`), and the
    /// reading chosen and why.
    ZoneAmbiguous,
    /// `zone-assumed`: a stamp with no zone on a page that gives none: UTC assumed.
    ZoneAssumed,
    /// `zone-disagrees`: two readings of a stamp (a zone and its second clock, an offset and its
    /// zone) that disagree.
    ZoneDisagrees,
}

impl NoteCode {
    /// The kebab-case code, as printed and serialised.
    pub fn as_str(self) -> &'static str {
        match self {
            NoteCode::AbbreviationSeason => "abbreviation-season",
            NoteCode::AfterUpdate => "after-update",
            NoteCode::AnchorCoarse => "anchor-coarse",
            NoteCode::Anchored => "anchored",
            NoteCode::ClockDayInferred => "clock-day-inferred",
            NoteCode::ClockDayUncertain => "clock-day-uncertain",
            NoteCode::ClockSuffixIgnored => "clock-suffix-ignored",
            NoteCode::DateOrder => "date-order",
            NoteCode::DstGap => "dst-gap",
            NoteCode::DstOverlap => "dst-overlap",
            NoteCode::FutureCue => "future-cue",
            NoteCode::LocalTimePlace => "local-time-place",
            NoteCode::LocalTimePlacesDisagree => "local-time-places-disagree",
            NoteCode::LocalTimeUnplaced => "local-time-unplaced",
            NoteCode::MonthName => "month-name",
            NoteCode::NoAnchor => "no-anchor",
            NoteCode::OutOfOrder => "out-of-order",
            NoteCode::PartOfDay => "part-of-day",
            NoteCode::PastBiased => "past-biased",
            NoteCode::Recurring => "recurring",
            NoteCode::SinceAfterReport => "since-after-report",
            NoteCode::WeekMonday => "week-monday",
            NoteCode::WeekdayBeforeCapture => "weekday-before-capture",
            NoteCode::WeekdayLast => "weekday-last",
            NoteCode::WeekdayMismatch => "weekday-mismatch",
            NoteCode::WeekdayNext => "weekday-next",
            NoteCode::WeekdayThis => "weekday-this",
            NoteCode::Weekend => "weekend",
            NoteCode::YearInferred => "year-inferred",
            NoteCode::ZoneAmbiguous => "zone-ambiguous",
            NoteCode::ZoneAssumed => "zone-assumed",
            NoteCode::ZoneDisagrees => "zone-disagrees",
        }
    }
}

/// The order a page's stamps run in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum Order {
    /// Newest first, as most live blogs.
    NewestFirst,
    /// Oldest first.
    OldestFirst,
    /// Fewer than two stamps, or no clear order.
    Unknown,
}

/// A page's stamps resolved together.
#[derive(Debug)]
#[non_exhaustive]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Sequence {
    /// One result per stamp, in the order given (in JSON, `{"ok": ...}` or `{"error": "..."}`).
    #[cfg_attr(feature = "serde", serde(serialize_with = "ser::results"))]
    pub times: Vec<Result<Resolved, Error>>,
    /// The order detected.
    pub order: Order,
    /// Remarks about the sequence (`out-of-order`, `after-update`), with the index of the stamp
    /// each is about, in index order (in JSON, the note's fields and `index`).
    #[cfg_attr(feature = "serde", serde(serialize_with = "ser::indexed_notes"))]
    pub notes: Vec<(usize, Note)>,
}

/// Why a stamp could not be resolved.
///
/// The message names the stamp's text; the variants are private so they can change, and
/// [`Error::kind`] says which kind of failure it is, to match on.
#[derive(Debug, thiserror::Error)]
#[error(transparent)]
pub struct Error(#[from] Repr);

/// The kind of an [`Error`], to match on; the details are in the error's message.
///
/// ```
/// use dateline_time::{parse_stamp, resolve, Context, ErrorKind};
///
/// let stamp = parse_stamp("03:09").expect("a clock");
/// let err = resolve(&stamp, &Context::default()).expect_err("no page date");
/// assert_eq!(err.kind(), ErrorKind::PageDateMissing);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The stamp names a date no calendar has (`31 February 2020`).
    NoSuchDate,
    /// The stamp prints no date and the context gives no page date ([`Context::page_date`]).
    PageDateMissing,
    /// The stamp prints no year and the context gives no page date.
    YearMissing,
    /// The stamp counts from the capture time and the context gives none ([`Context::now`]).
    CaptureTimeMissing,
    /// The instant falls outside the dates chrono can represent.
    OutOfRange,
    /// The stamp prints neither a time nor a date.
    Empty,
    /// The stamp names a zone this crate does not know.
    UnknownZone,
    /// The local time falls in a daylight-saving gap and the policy is [`DstPolicy::Reject`].
    DstGap,
    /// The local time happens twice (daylight saving ends) and the policy is
    /// [`DstPolicy::Reject`].
    DstOverlap,
}

impl Error {
    /// The kind of failure.
    pub fn kind(&self) -> ErrorKind {
        match &self.0 {
            Repr::NoSuchDate { .. } => ErrorKind::NoSuchDate,
            Repr::PageDateMissing { .. } => ErrorKind::PageDateMissing,
            Repr::YearMissing { .. } => ErrorKind::YearMissing,
            Repr::CaptureTimeMissing { .. } => ErrorKind::CaptureTimeMissing,
            Repr::OutOfRange { .. } => ErrorKind::OutOfRange,
            Repr::Empty { .. } => ErrorKind::Empty,
            Repr::UnknownZone { .. } => ErrorKind::UnknownZone,
            Repr::DstGap { .. } => ErrorKind::DstGap,
            Repr::DstOverlap { .. } => ErrorKind::DstOverlap,
        }
    }

    /// The stamp's text as printed.
    pub fn text(&self) -> &str {
        match &self.0 {
            Repr::NoSuchDate { text, .. }
            | Repr::PageDateMissing { text }
            | Repr::YearMissing { text }
            | Repr::CaptureTimeMissing { text }
            | Repr::OutOfRange { text }
            | Repr::Empty { text }
            | Repr::UnknownZone { text, .. }
            | Repr::DstGap { text, .. }
            | Repr::DstOverlap { text, .. } => text,
        }
    }
}

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub(crate) enum Repr {
    #[error("`{text}` names no such date ({year:04}-{month:02}-{day:02})")]
    NoSuchDate {
        text: String,
        year: i32,
        month: u32,
        day: u32,
    },
    #[error("`{text}` prints no date and the page date is missing")]
    PageDateMissing { text: String },
    #[error("`{text}` prints no year and the page date is missing")]
    YearMissing { text: String },
    #[error("`{text}` is relative to the capture time, which is missing")]
    CaptureTimeMissing { text: String },
    #[error("`{text}` falls outside the dates this library can represent")]
    OutOfRange { text: String },
    #[error("`{text}` has no time and no date")]
    Empty { text: String },
    #[error("`{text}` names an unknown zone `{label}`")]
    UnknownZone { text: String, label: String },
    #[error(
        "`{text}` falls in a daylight-saving gap in {zone} on {date}, and the policy is to reject it"
    )]
    DstGap {
        text: String,
        zone: String,
        date: NaiveDate,
    },
    #[error(
        "`{text}` happens twice in {zone} on {date} (daylight saving ends), and the policy is to reject it"
    )]
    DstOverlap {
        text: String,
        zone: String,
        date: NaiveDate,
    },
}

impl Context {
    /// A context with the page's date.
    #[must_use]
    pub fn with_page_date(mut self, date: NaiveDate) -> Self {
        self.page_date = Some(date);
        self
    }

    /// A context whose unzoned stamps are in `tz`, which came from `origin`.
    #[must_use]
    pub fn with_zone(mut self, tz: Tz, origin: ZoneOrigin) -> Self {
        self.zone = Some(ZoneHint::new(tz, origin));
        self
    }

    /// A context with the given anchor.
    #[must_use]
    pub fn with_anchor(mut self, anchor: Anchor) -> Self {
        self.anchor = anchor;
        self
    }

    /// A context for an outlet in `country` (ISO 3166 alpha-2, such as `GB`).
    #[must_use]
    pub fn with_country(mut self, country: &str) -> Self {
        self.country = Some(country.to_ascii_uppercase());
        self
    }

    /// A context captured at `now` (the reference for `4m ago` and `Yesterday 18:40`).
    #[must_use]
    pub fn with_now(mut self, now: DateTime<Utc>) -> Self {
        self.now = Some(now);
        self
    }

    /// A context for a page that says it was last updated at `updated`.
    #[must_use]
    pub fn with_updated(mut self, updated: DateTime<Utc>) -> Self {
        self.updated = Some(updated);
        self
    }

    /// A context with the given daylight-saving policy.
    #[must_use]
    pub fn with_dst(mut self, dst: DstPolicy) -> Self {
        self.dst = dst;
        self
    }
}

impl ZoneHint {
    /// A zone hint.
    pub fn new(tz: Tz, origin: ZoneOrigin) -> Self {
        ZoneHint { tz, origin }
    }
}

impl Note {
    pub(crate) fn warn(code: NoteCode, message: String) -> Self {
        Note {
            code,
            warning: true,
            message,
        }
    }

    pub(crate) fn info(code: NoteCode, message: String) -> Self {
        Note {
            code,
            warning: false,
            message,
        }
    }
}

impl std::fmt::Display for Note {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let level = if self.warning { "warning" } else { "info" };
        write!(f, "{level}[{}]: {}", self.code, self.message)
    }
}

impl std::fmt::Display for NoteCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<str> for NoteCode {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for NoteCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl std::fmt::Display for Form {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<str> for Form {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Form {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl std::fmt::Display for ZoneLabel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ZoneLabel::Abbreviation(a) => f.write_str(a),
            ZoneLabel::Offset(o) => write!(f, "{o}"),
        }
    }
}

/// Serialization where the derived form would read badly: offsets and durations as text and
/// seconds, a sequence's results and notes as plain objects, an error as its message.
#[cfg(feature = "serde")]
mod ser {
    use chrono::FixedOffset;
    use serde::ser::{SerializeSeq, SerializeStruct};
    use serde::{Serialize, Serializer};

    use super::{Error, Note, Resolved};

    pub(super) fn offset<S: Serializer>(off: &FixedOffset, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(off)
    }

    pub(super) fn seconds<S: Serializer>(d: &chrono::Duration, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i64(d.num_seconds())
    }

    #[derive(Serialize)]
    #[serde(rename_all = "kebab-case")]
    enum Slot<'a> {
        Ok(&'a Resolved),
        Error(&'a Error),
    }

    pub(super) fn results<S: Serializer>(
        times: &[Result<Resolved, Error>],
        s: S,
    ) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(times.len()))?;
        for t in times {
            match t {
                Ok(r) => seq.serialize_element(&Slot::Ok(r))?,
                Err(e) => seq.serialize_element(&Slot::Error(e))?,
            }
        }
        seq.end()
    }

    struct Indexed<'a>(usize, &'a Note);

    impl Serialize for Indexed<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut st = s.serialize_struct("Note", 4)?;
            st.serialize_field("index", &self.0)?;
            st.serialize_field("code", self.1.code.as_str())?;
            st.serialize_field("warning", &self.1.warning)?;
            st.serialize_field("message", &self.1.message)?;
            st.end()
        }
    }

    pub(super) fn indexed_notes<S: Serializer>(
        notes: &[(usize, Note)],
        s: S,
    ) -> Result<S::Ok, S::Error> {
        s.collect_seq(notes.iter().map(|(i, n)| Indexed(*i, n)))
    }

    /// An error is its message.
    impl Serialize for Error {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_str(self)
        }
    }

    #[cfg(test)]
    mod tests {
        use chrono::NaiveDate;

        use crate::{
            Context, Form, NoteCode, Tz, ZoneOrigin, find_stamps, parse_stamp, place,
            resolve_sequence,
        };

        fn json<T: serde::Serialize>(value: &T) -> String {
            serde_json::to_string(value).unwrap_or_else(|e| e.to_string())
        }

        #[test]
        fn codes_and_forms_serialise_as_their_names() {
            let codes = [
                NoteCode::AbbreviationSeason,
                NoteCode::AfterUpdate,
                NoteCode::AnchorCoarse,
                NoteCode::Anchored,
                NoteCode::ClockDayInferred,
                NoteCode::ClockDayUncertain,
                NoteCode::ClockSuffixIgnored,
                NoteCode::DateOrder,
                NoteCode::DstGap,
                NoteCode::DstOverlap,
                NoteCode::FutureCue,
                NoteCode::LocalTimePlace,
                NoteCode::LocalTimePlacesDisagree,
                NoteCode::LocalTimeUnplaced,
                NoteCode::MonthName,
                NoteCode::NoAnchor,
                NoteCode::OutOfOrder,
                NoteCode::PartOfDay,
                NoteCode::PastBiased,
                NoteCode::Recurring,
                NoteCode::SinceAfterReport,
                NoteCode::WeekMonday,
                NoteCode::WeekdayBeforeCapture,
                NoteCode::WeekdayLast,
                NoteCode::WeekdayMismatch,
                NoteCode::WeekdayNext,
                NoteCode::WeekdayThis,
                NoteCode::Weekend,
                NoteCode::YearInferred,
                NoteCode::ZoneAmbiguous,
                NoteCode::ZoneAssumed,
                NoteCode::ZoneDisagrees,
            ];
            for code in codes {
                assert_eq!(json(&code), format!("\"{code}\""));
                assert_eq!(code, code.as_str());
            }
            let forms = [
                Form::Iso8601,
                Form::Rfc2822,
                Form::DayMonthYearTime,
                Form::TimeZoneMonthDayYear,
                Form::MonthDayYearTime,
                Form::TimeZoneDayMonthYear,
                Form::CompactTimeZoneDate,
                Form::Clock,
                Form::Date,
                Form::Ago,
                Form::RelativeDayTime,
                Form::YearMonthDayTime,
                Form::SolarHijri,
            ];
            for form in forms {
                assert_eq!(json(&form), format!("\"{form}\""));
                assert_eq!(form, form.as_str());
            }
            let stamp_in_text = crate::ExpressionRule::Stamp(Form::Iso8601);
            assert_eq!(json(&stamp_in_text), r#""iso-8601""#);
            insta::assert_snapshot!(
                format!("{} {} {stamp_in_text}", NoteCode::ZoneDisagrees, Form::Iso8601),
                @"zone-disagrees iso-8601 iso-8601"
            );
        }

        #[test]
        fn expressions_name_their_kind_and_granularity_in_kebab_case_as_the_model_does() {
            let now = chrono::DateTime::parse_from_rfc3339("2020-01-03T19:44:00Z")
                .map(|t| t.to_utc())
                .unwrap_or_default();
            let report = crate::ReportContext::new(now, Tz::Europe__London);
            let found = crate::find_expressions("since the bombing last night", &report);
            let e = serde_json::to_value(&found[0]).unwrap_or_default();
            insta::assert_snapshot!(
                format!("{} {} {}", e["rule"], e["kind"], e["interval"]),
                @r#""last-night" "interval" {"end":"2020-01-03T06:00:00Z","granularity":"part-of-day","start":"2020-01-02T18:00:00Z"}"#
            );
            let back: crate::Interval = serde_json::from_value(e["interval"].clone())
                .unwrap_or_else(|_| crate::Interval::new(now, now, crate::Granularity::Year));
            assert_eq!(Some(back), found[0].interval);
        }

        #[test]
        fn stamps_and_places() {
            let stamps = find_stamps("Updated 0846 GMT (1646 HKT) January 5, 2020; 4m ago");
            let lines: Vec<String> = stamps.iter().map(json).collect();
            insta::assert_snapshot!(lines.join("\n"), @r#"
                {"text":"0846 GMT (1646 HKT) January 5, 2020","span":{"start":8,"end":43},"form":"compact-time-zone-date","date":{"year":2020,"month":1,"day":5,"weekday":null},"time":"08:46:00","zone":"GMT","also":["16:46:00","HKT"],"precision":"minute","relative":null}
                {"text":"4m ago","span":{"start":45,"end":51},"form":"ago","date":null,"time":null,"zone":null,"also":null,"precision":"minute","relative":{"kind":"ago","value":240}}
            "#);
            insta::assert_snapshot!(json(&place("Baghdad")), @r#"
                {"name":"Baghdad","country":"IQ","tz":"Asia/Baghdad","population":7216000,"capital":true}
            "#);
        }

        #[test]
        fn sequence() {
            let stamps: Vec<_> = [
                "00:17",
                "23:56 EST",
                "01:00 +05:30",
                "31 February 2020 10:00",
            ]
            .iter()
            .filter_map(|s| parse_stamp(s))
            .collect();
            let ctx = Context::default()
                .with_page_date(NaiveDate::from_ymd_opt(2020, 1, 3).unwrap_or_default())
                .with_zone(Tz::UTC, ZoneOrigin::PageStatement { line: 2 });
            let seq = resolve_sequence(&stamps, &ctx);
            let json = serde_json::to_string_pretty(&seq).unwrap_or_default();
            insta::assert_snapshot!(json, @r#"
                {
                  "times": [
                    {
                      "ok": {
                        "utc": "2020-01-03T00:17:00Z",
                        "local": "2020-01-03T00:17:00Z",
                        "zone": "UTC",
                        "origin": {
                          "kind": "page-statement",
                          "line": 2
                        },
                        "rule": "clock",
                        "inferred": [
                          {
                            "kind": "date-from-page",
                            "value": "2020-01-03"
                          }
                        ],
                        "precision": "minute",
                        "notes": []
                      }
                    },
                    {
                      "ok": {
                        "utc": "2020-01-04T04:56:00Z",
                        "local": "2020-01-03T23:56:00-05:00",
                        "zone": "America/New_York",
                        "origin": {
                          "kind": "stated",
                          "label": "EST"
                        },
                        "rule": "clock",
                        "inferred": [
                          {
                            "kind": "date-from-page",
                            "value": "2020-01-03"
                          }
                        ],
                        "precision": "minute",
                        "notes": []
                      }
                    },
                    {
                      "ok": {
                        "utc": "2020-01-03T19:30:00Z",
                        "local": "2020-01-04T01:00:00+05:30",
                        "zone": "+05:30",
                        "origin": {
                          "kind": "stated",
                          "label": "+05:30"
                        },
                        "rule": "clock",
                        "inferred": [
                          {
                            "kind": "date-from-page",
                            "value": "2020-01-03"
                          },
                          {
                            "kind": "rollover",
                            "value": 1
                          }
                        ],
                        "precision": "minute",
                        "notes": []
                      }
                    },
                    {
                      "error": "`31 February 2020 10:00` names no such date (2020-02-31)"
                    }
                  ],
                  "order": "oldest-first",
                  "notes": [
                    {
                      "index": 2,
                      "code": "out-of-order",
                      "warning": true,
                      "message": "`01:00 +05:30` is 9h 26m older than `23:56 EST` before it on a oldest-first page"
                    }
                  ]
                }
            "#);
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, TimeZone, Utc};

    use super::{ErrorKind, ZoneLabel};
    use crate::{Context, DstPolicy, Tz, ZoneOrigin, parse_stamp, resolve};

    /// The kind of the error `text` gives in `ctx`, and the text the error names.
    fn failure(text: &str, ctx: &Context) -> Option<(ErrorKind, String)> {
        let stamp = parse_stamp(text)?;
        failure_of(&stamp, ctx)
    }

    fn failure_of(stamp: &super::Stamp, ctx: &Context) -> Option<(ErrorKind, String)> {
        let err = resolve(stamp, ctx).err()?;
        Some((err.kind(), err.text().to_owned()))
    }

    fn new_york_on(date: (i32, u32, u32)) -> Context {
        let (y, m, d) = date;
        Context::default()
            .with_page_date(NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default())
            .with_zone(Tz::America__New_York, ZoneOrigin::Caller)
            .with_dst(DstPolicy::Reject)
    }

    #[test]
    fn every_error_has_a_kind_to_match_on() {
        let none = Context::default();
        let kind = |text: &str, ctx: &Context| failure(text, ctx).map(|(k, _)| k);
        assert_eq!(
            failure("31 February 2020 10:00", &none),
            Some((ErrorKind::NoSuchDate, "31 February 2020 10:00".to_owned()))
        );
        assert_eq!(kind("03:09", &none), Some(ErrorKind::PageDateMissing));
        assert_eq!(
            kind("Jan 3, 3:44 PM ET", &none),
            Some(ErrorKind::YearMissing)
        );
        assert_eq!(kind("4m ago", &none), Some(ErrorKind::CaptureTimeMissing));
        let now = Context::default().with_now(Utc.with_ymd_and_hms(2020, 1, 3, 12, 0, 0).unwrap());
        assert_eq!(
            kind(
                "Yesterday 18:40",
                &now.clone().with_now(chrono::DateTime::<Utc>::MIN_UTC)
            ),
            Some(ErrorKind::OutOfRange)
        );
        assert_eq!(kind("Yesterday 18:40", &now), None);
        assert_eq!(
            kind("02:30", &new_york_on((2020, 3, 8))),
            Some(ErrorKind::DstGap)
        );
        assert_eq!(
            kind("01:30", &new_york_on((2020, 11, 1))),
            Some(ErrorKind::DstOverlap)
        );

        let clock = parse_stamp("03:09 GMT");
        let mut unknown = clock.clone();
        if let Some(s) = unknown.as_mut() {
            s.zone = Some(ZoneLabel::Abbreviation("XYZ".to_owned()));
        }
        let unknown = unknown.and_then(|s| failure_of(&s, &none)).map(|(k, _)| k);
        assert_eq!(unknown, Some(ErrorKind::UnknownZone));
        let mut empty = clock;
        if let Some(s) = empty.as_mut() {
            s.time = None;
        }
        let empty = empty.and_then(|s| failure_of(&s, &none)).map(|(k, _)| k);
        assert_eq!(empty, Some(ErrorKind::Empty));
    }
}
