//! What resolution reads again of a stamp the scanner found, knowing the outlet's country: the
//! order of a numeric date both of whose fields could be the month, `listopad`, and a 24-hour
//! clock printed with an am/pm.

use std::sync::LazyLock;

use super::words::weekday_intl;
use super::{ND, S, is_space, num};
use crate::names;
use crate::rx::{self, G, Rx};
use crate::types::{Form, Note, NoteCode, PartialDate, Stamp};

/// Countries whose pages print numeric dates month first (`01/03/2020` is 3 January): the
/// United States and its territories, the Philippines, the Pacific states in compact with the
/// US, and Canada, where month first is the commoner of its three orders.
const MONTH_FIRST: &[&str] = &[
    "US", "PR", "GU", "VI", "AS", "MP", "UM", "PH", "FM", "MH", "PW", "CA",
];

/// The start of a numeric date whose order is open: weekday, two fields, a slash (with spaces
/// around it or not) or a dash.
pub(super) static OPEN_ORDER: LazyLock<Option<Rx>> = LazyLock::new(|| {
    let weekday = weekday_intl(rx::alternation);
    Rx::new(&format!(
        r"(?i)^(?:{weekday}{S}+)?(?P<n1>{ND}{{1,2}}){S}*[/\-]{S}*(?P<n2>{ND}{{1,2}}){S}*[/\-]"
    ))
});

/// The numeric date after a clock (`08:22, 03/01/2020`), whose order may be open: two fields
/// and a slash or a dash, anywhere in the stamp (its clock has none).
static OPEN_ORDER_AFTER_CLOCK: LazyLock<Option<Rx>> = LazyLock::new(|| {
    Rx::new(&format!(
        r"(?P<n1>{ND}{{1,2}}){S}*[/\-]{S}*(?P<n2>{ND}{{1,2}}){S}*[/\-]"
    ))
});

/// For a numeric date both of whose first fields could be the month (`03/01/2020`), the reading
/// the outlet's country implies: month first in the United States (and [`MONTH_FIRST`]), day
/// first elsewhere and when no country is given, with a note saying which was read, from what,
/// and what the other reading would be. `None` for any other stamp, whose own date stands.
///
/// [`super::find_stamps`] cannot know the country, so a stamp carries the day-first reading; resolution
/// calls this to settle the order and report it.
pub(crate) fn numeric_reading(
    stamp: &Stamp,
    country: Option<&str>,
) -> Option<(PartialDate, Form, Note)> {
    let clock_first = matches!(
        stamp.form,
        Form::TimeZoneDayMonthYear | Form::TimeZoneMonthDayYear
    );
    let caps = if clock_first {
        OPEN_ORDER_AFTER_CLOCK
            .as_ref()?
            .captures_at(&stamp.text, 0)?
    } else {
        OPEN_ORDER.as_ref()?.captures_at(&stamp.text, 0)?
    };
    let (n1, n2) = (num(&caps, G::N1)?, num(&caps, G::N2)?);
    let pd = stamp.date?;
    if n1 > 12 || n2 > 12 || n1 == n2 || pd.day != n1 || pd.month != n2 {
        return None;
    }
    let country = country.map(str::to_ascii_uppercase);
    let month_first = country.as_deref().is_some_and(|c| MONTH_FIRST.contains(&c));
    let name = |month: u32| {
        chrono::Month::try_from(u8::try_from(month).unwrap_or(0))
            .map_or_else(|_| month.to_string(), |m| m.name().to_owned())
    };
    let (read, other, date, form) = if month_first {
        (
            format!("month first ({} {n2})", name(n1)),
            format!("{n1} {}", name(n2)),
            PartialDate {
                day: n2,
                month: n1,
                ..pd
            },
            if clock_first {
                Form::TimeZoneMonthDayYear
            } else {
                Form::MonthDayYearTime
            },
        )
    } else {
        (
            format!("day first ({n1} {})", name(n2)),
            format!("{} {n2}", name(n1)),
            pd,
            if clock_first {
                Form::TimeZoneDayMonthYear
            } else {
                Form::DayMonthYearTime
            },
        )
    };
    let note = match &country {
        Some(c) => Note::info(
            NoteCode::DateOrder,
            format!(
                "`{}` read {read} from outlet country {c}; read the other way it would be {other}",
                stamp.text
            ),
        ),
        None => Note::warn(
            NoteCode::DateOrder,
            format!(
                "`{}` read {read}, as most countries print dates, since no outlet country is given; month first it would be {other}",
                stamp.text
            ),
        ),
    };
    Some((date, form, note))
}

/// For a stamp whose 24-hour clock carries an am/pm (`14:10pm`, read as 14:10), a warning that
/// the suffix was ignored; `None` for any other stamp.
pub(crate) fn clock_suffix_note(stamp: &Stamp) -> Option<Note> {
    use chrono::Timelike;
    let hour = stamp.time?.hour();
    if (1..=12).contains(&hour) {
        return None;
    }
    let text = stamp.text.as_str();
    let bytes = text.as_bytes();
    // The printed hour before each `:` or `.`, and what follows its minutes.
    for i in memchr::memchr2_iter(b':', b'.', bytes) {
        let digit_before = i
            .checked_sub(1)
            .and_then(|j| bytes.get(j))
            .is_some_and(u8::is_ascii_digit);
        if !digit_before {
            continue;
        }
        let hour_start = text
            .get(..i)?
            .trim_end_matches(|c: char| c.is_ascii_digit())
            .len();
        let printed: u32 = text.get(hour_start..i)?.parse().ok()?;
        let after = text.get(i + 1..)?;
        let minutes = after.len() - after.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if minutes != 2 || (1..=12).contains(&printed) {
            continue;
        }
        let suffix = after.get(minutes..)?.trim_start_matches(is_space);
        let marked = suffix.starts_with(['a', 'A', 'p', 'P'])
            && suffix.get(1..).is_some_and(|r| {
                r.starts_with(['m', 'M']) || r.starts_with(" m") || r.starts_with(" M")
            })
            || suffix.starts_with(['ص', 'م']);
        if marked {
            return Some(Note::warn(
                NoteCode::ClockSuffixIgnored,
                format!(
                    "`{text}` prints a 24-hour clock with an am/pm; read as {:02}:{}, the suffix ignored",
                    hour,
                    after.get(..2)?
                ),
            ));
        }
    }
    None
}

/// For a stamp whose month is `listopad` (`5 listopada 2021`), the reading the outlet's country
/// implies: October for Croatia and Bosnia and Herzegovina, with a note, else November (Polish,
/// Czech), with a note only when no country is given. `None` for any other stamp.
pub(crate) fn listopad_reading(
    stamp: &Stamp,
    country: Option<&str>,
) -> Option<(PartialDate, Note)> {
    let date = stamp.date?;
    if date.month != 11 {
        return None;
    }
    let lowered = stamp.text.to_lowercase();
    if !names::LISTOPAD
        .iter()
        .any(|w| lowered.split(|c: char| !c.is_alphabetic()).any(|t| t == *w))
    {
        return None;
    }
    let country = country.map(str::to_ascii_uppercase);
    match country.as_deref() {
        Some(c) if names::LISTOPAD_OCTOBER.contains(&c) => Some((
            PartialDate { month: 10, ..date },
            Note::info(
                NoteCode::MonthName,
                format!(
                    "`{}` read `listopad` as October, as pages from {c} print it",
                    stamp.text
                ),
            ),
        )),
        Some(_) => None,
        None => Some((
            date,
            Note::warn(
                NoteCode::MonthName,
                format!(
                    "`{}` read `listopad` as November (Polish, Czech), since no outlet country is given; in Croatian it is October",
                    stamp.text
                ),
            ),
        )),
    }
}
