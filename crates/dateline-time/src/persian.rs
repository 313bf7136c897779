//! Solar Hijri (Persian) dates, as Iranian and Afghan pages print them (`۲۹ بهمن ۱۳۹۸`), read
//! to the Gregorian date.
//!
//! The conversion is written here by hand, as the arithmetic is short and well known, and no
//! crate does it at a cost that fits: the small Jalali crates on crates.io (`jalali-date`
//! 0.2, `ptime` 0.1, `jalali` 0.1 with no licence) have not been maintained for years, and
//! `icu_calendar`, maintained by the Unicode Consortium, brings a dozen crates of ICU4X's data
//! model for this one function. The algorithm is
//! Kazimierz M. Borkowski's, as `jalaali-js` implements it: the table of the years in which the
//! 33-year cycle of leap years breaks ([`BREAKS`]) gives, for any year from 1 to 3177 of the
//! Solar Hijri era, the day of March on which its first day (Nowruz, 1 Farvardin) falls. It
//! agrees with the astronomical calendar Iran keeps for the years pages print; the tests check
//! Nowruz of several years and dates of 1398 and 1399 against the official calendar.

use chrono::{Duration, NaiveDate};

/// The years in which the leap-year cycle breaks.
const BREAKS: [i32; 20] = [
    -61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262, 2324,
    2394, 2456, 3178,
];

/// The month names, each with the spellings pages print (Arabic `ي` and `ك` for Persian `ی` and
/// `ک`, `آ` with or without its madda, `امرداد` for `مرداد`), compared by [`fold`].
const MONTHS: &[(&str, u32)] = &[
    ("فروردین", 1),
    ("اردیبهشت", 2),
    ("خرداد", 3),
    ("تیر", 4),
    ("مرداد", 5),
    ("امرداد", 5),
    ("شهریور", 6),
    ("مهر", 7),
    ("آبان", 8),
    ("آذر", 9),
    ("دی", 10),
    ("بهمن", 11),
    ("اسفند", 12),
];

/// A Persian word as [`MONTHS`] are compared: Arabic yeh, alef maksura and kaf as Persian yeh
/// and kaf, alef with madda or hamza as alef, without the zero-width non-joiner, tatweel and
/// vowel marks.
fn fold(word: &str) -> String {
    word.chars()
        .filter_map(|c| match c {
            '\u{64a}' | '\u{649}' => Some('\u{6cc}'),
            '\u{643}' => Some('\u{6a9}'),
            '\u{622}' | '\u{623}' | '\u{625}' => Some('\u{627}'),
            '\u{200c}' | '\u{640}' | '\u{64b}'..='\u{65f}' => None,
            c => Some(c),
        })
        .collect()
}

/// The month a Persian month name stands for, 1 (Farvardin) to 12 (Esfand).
pub(crate) fn month(name: &str) -> Option<u32> {
    let name = fold(name.trim());
    MONTHS
        .iter()
        .find(|(m, _)| fold(m) == name)
        .map(|(_, n)| *n)
}

/// Truncating division and remainder, as the algorithm is written with them.
fn div(a: i32, b: i32) -> i32 {
    a / b
}

fn rem(a: i32, b: i32) -> i32 {
    a - a / b * b
}

/// The Gregorian year in which Solar Hijri year `jy` starts, the day of March of its Nowruz,
/// and whether `jy` is a leap year (Esfand has 30 days); `None` outside the years of [`BREAKS`].
fn year(jy: i32) -> Option<(i32, u32, bool)> {
    let (&first, &last) = (BREAKS.first()?, BREAKS.last()?);
    if jy < first || jy >= last {
        return None;
    }
    let gy = jy + 621;
    let mut leap_j = -14;
    let mut jp = first;
    let mut jump = 0;
    for &jm in BREAKS.iter().skip(1) {
        jump = jm - jp;
        if jy < jm {
            break;
        }
        leap_j += div(jump, 33) * 8 + div(rem(jump, 33), 4);
        jp = jm;
    }
    let mut n = jy - jp;
    leap_j += div(n, 33) * 8 + div(rem(n, 33) + 3, 4);
    if rem(jump, 33) == 4 && jump - n == 4 {
        leap_j += 1;
    }
    let leap_g = div(gy, 4) - div((div(gy, 100) + 1) * 3, 4) - 150;
    let march = u32::try_from(20 + leap_j - leap_g).ok()?;
    if jump - n < 6 {
        n = n - jump + div(jump + 4, 33) * 33;
    }
    let mut leap = rem(rem(n + 1, 33) - 1, 4);
    if leap == -1 {
        leap = 4;
    }
    Some((gy, march, leap == 0))
}

/// The Gregorian date of day `jd` of month `jm` of Solar Hijri year `jy`, or `None` if there is
/// no such day (the 31st of Mehr, the 30th of Esfand in a common year).
pub(crate) fn to_gregorian(jy: i32, jm: u32, jd: u32) -> Option<NaiveDate> {
    let (gy, march, leap) = year(jy)?;
    let days = match jm {
        1..=6 => 31,
        7..=11 => 30,
        12 if leap => 30,
        12 => 29,
        _ => return None,
    };
    if !(1..=days).contains(&jd) {
        return None;
    }
    // Six months of 31 days, then months of 30.
    let before = if jm <= 7 {
        (jm - 1) * 31
    } else {
        6 * 31 + (jm - 7) * 30
    };
    let nowruz = NaiveDate::from_ymd_opt(gy, 3, march)?;
    nowruz.checked_add_signed(Duration::days(i64::from(before + jd - 1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(date: Option<NaiveDate>) -> String {
        date.map_or_else(|| "none".to_owned(), |d| d.to_string())
    }

    #[test]
    fn dates_of_the_official_calendar() {
        assert_eq!(ymd(to_gregorian(1398, 11, 29)), "2020-02-18");
        assert_eq!(ymd(to_gregorian(1399, 2, 21)), "2020-05-10");
        assert_eq!(ymd(to_gregorian(1399, 4, 2)), "2020-06-22");
        assert_eq!(ymd(to_gregorian(1399, 12, 30)), "2021-03-20");
        assert_eq!(ymd(to_gregorian(1403, 10, 11)), "2024-12-31");
    }

    #[test]
    fn nowruz() {
        for (jy, date) in [
            (1354, "1975-03-21"),
            (1375, "1996-03-20"),
            (1395, "2016-03-20"),
            (1396, "2017-03-21"),
            (1397, "2018-03-21"),
            (1398, "2019-03-21"),
            (1399, "2020-03-20"),
            (1400, "2021-03-21"),
            (1403, "2024-03-20"),
            (1404, "2025-03-21"),
        ] {
            assert_eq!(ymd(to_gregorian(jy, 1, 1)), date, "{jy}");
        }
    }

    #[test]
    fn no_such_day() {
        // 1399 is a leap year, 1398 not.
        assert_eq!(ymd(to_gregorian(1398, 12, 30)), "none");
        assert_eq!(ymd(to_gregorian(1399, 7, 31)), "none");
        assert_eq!(ymd(to_gregorian(1399, 13, 1)), "none");
        assert_eq!(ymd(to_gregorian(3178, 1, 1)), "none");
    }

    #[test]
    fn month_names_in_their_spellings() {
        assert_eq!(month("بهمن"), Some(11));
        assert_eq!(month("ارديبهشت"), Some(2));
        assert_eq!(month("اردیبهشت"), Some(2));
        assert_eq!(month("تير"), Some(4));
        assert_eq!(month("ابان"), Some(8));
        assert_eq!(month("دي"), Some(10));
        assert_eq!(month("مارس"), None);
    }
}
