//! Civil dates and the two zones the layouts print (London for The Independent, New York for
//! CNN), computed by hand from their daylight-saving rules so the generator needs no time crate.
//!
//! Times are whole minutes since 1970-01-01 00:00 UTC.

/// Minutes in a day.
pub(crate) const DAY: i64 = 24 * 60;

pub(crate) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
pub(crate) fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day count since 1970-01-01.
pub(crate) fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// 0 for Monday .. 6 for Sunday.
fn weekday(days: i64) -> usize {
    // 1970-01-01 was a Thursday.
    (days + 3).rem_euclid(7) as usize
}

/// The day count of the last Sunday of a month.
fn last_sunday(y: i64, m: u32) -> i64 {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    let last = days_from_civil(ny, nm, 1) - 1;
    last - (weekday(last) as i64 + 1) % 7
}

/// The day count of the `n`th Sunday of a month.
fn nth_sunday(y: i64, m: u32, n: i64) -> i64 {
    let first = days_from_civil(y, m, 1);
    let to_sunday = (6 - weekday(first) as i64).rem_euclid(7);
    first + to_sunday + 7 * (n - 1)
}

fn year_of(utc: i64) -> i64 {
    civil_from_days(utc.div_euclid(DAY)).0
}

/// London's offset from UTC in minutes: BST from the last Sunday of March 01:00 UTC to the last
/// Sunday of October 01:00 UTC.
pub(crate) fn london_offset(utc: i64) -> i64 {
    let y = year_of(utc);
    let start = last_sunday(y, 3) * DAY + 60;
    let end = last_sunday(y, 10) * DAY + 60;
    if (start..end).contains(&utc) { 60 } else { 0 }
}

/// New York's offset: EDT from the second Sunday of March 07:00 UTC to the first Sunday of
/// November 06:00 UTC.
pub(crate) fn new_york_offset(utc: i64) -> i64 {
    let y = year_of(utc);
    let start = nth_sunday(y, 3, 2) * DAY + 7 * 60;
    let end = nth_sunday(y, 11, 1) * DAY + 6 * 60;
    if (start..end).contains(&utc) {
        -240
    } else {
        -300
    }
}

/// Whether the London wall clock shows this minute twice (the hour the clocks go back).
pub(crate) fn london_ambiguous(utc: i64) -> bool {
    let end = last_sunday(year_of(utc), 10) * DAY;
    (end..end + 120).contains(&utc)
}

/// Whether the New York wall clock shows this minute twice.
pub(crate) fn new_york_ambiguous(utc: i64) -> bool {
    let end = nth_sunday(year_of(utc), 11, 1) * DAY + 5 * 60;
    (end..end + 120).contains(&utc)
}

/// A wall-clock reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Wall {
    pub(crate) year: i64,
    pub(crate) month: u32,
    pub(crate) day: u32,
    pub(crate) hour: i64,
    pub(crate) minute: i64,
    weekday: usize,
}

impl Wall {
    /// The wall clock `offset` minutes from UTC at `utc`.
    pub(crate) fn at(utc: i64, offset: i64) -> Wall {
        let local = utc + offset;
        let days = local.div_euclid(DAY);
        let (year, month, day) = civil_from_days(days);
        let minutes = local.rem_euclid(DAY);
        Wall {
            year,
            month,
            day,
            hour: minutes / 60,
            minute: minutes % 60,
            weekday: weekday(days),
        }
    }

    pub(crate) fn month_name(&self) -> &'static str {
        MONTHS[(self.month as usize + 11) % 12]
    }

    pub(crate) fn weekday_name(&self) -> &'static str {
        WEEKDAYS[self.weekday % 7]
    }

    /// `3 January 2020 12:44`, The Independent's footer.
    pub(crate) fn footer(&self) -> String {
        format!(
            "{} {} {} {:02}:{:02}",
            self.day,
            self.month_name(),
            self.year,
            self.hour,
            self.minute
        )
    }

    /// `Friday 03 January 2020 19:44 GMT`, The Independent's dateline.
    pub(crate) fn dateline(&self, zone: &str) -> String {
        format!(
            "{} {:02} {} {} {:02}:{:02} {zone}",
            self.weekday_name(),
            self.day,
            self.month_name(),
            self.year,
            self.hour,
            self.minute
        )
    }

    /// `January 3, 2020`, DW's page date and CNN's dates.
    pub(crate) fn us_date(&self) -> String {
        format!("{} {}, {}", self.month_name(), self.day, self.year)
    }

    /// `12:31 p.m.`, CNN's clock.
    pub(crate) fn twelve_hour(&self) -> String {
        let h = match self.hour % 12 {
            0 => 12,
            h => h,
        };
        let half = if self.hour < 12 { "a.m." } else { "p.m." };
        format!("{h}:{:02} {half}", self.minute)
    }

    /// `12:44`.
    pub(crate) fn clock(&self) -> String {
        format!("{:02}:{:02}", self.hour, self.minute)
    }

    /// `1244`, CNN's update line.
    pub(crate) fn military(&self) -> String {
        format!("{:02}{:02}", self.hour, self.minute)
    }
}

/// `2020-01-03T12:44:00Z`.
pub(crate) fn rfc3339(utc: i64) -> String {
    let w = Wall::at(utc, 0);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:00Z",
        w.year, w.month, w.day, w.hour, w.minute
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates_round_trip() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2020, 1, 3), 18264);
        for z in [-1000, 0, 18264, 18321, 20000, 40000] {
            let (y, m, d) = civil_from_days(z);
            assert_eq!(days_from_civil(y, m, d), z);
        }
        let w = Wall::at(days_from_civil(2020, 1, 3) * DAY + 12 * 60 + 44, 0);
        assert_eq!(w.dateline("GMT"), "Friday 03 January 2020 12:44 GMT");
        assert_eq!(rfc3339(18264 * DAY + 5), "2020-01-03T00:05:00Z");
    }

    #[test]
    fn daylight_saving_follows_the_rules_of_2020() {
        let at = |y, m, d, h: i64| days_from_civil(y, m, d) * DAY + h * 60;
        // UK: 29 March and 25 October 2020, 01:00 UTC.
        assert_eq!(london_offset(at(2020, 3, 29, 0)), 0);
        assert_eq!(london_offset(at(2020, 3, 29, 1)), 60);
        assert_eq!(london_offset(at(2020, 10, 25, 0)), 60);
        assert_eq!(london_offset(at(2020, 10, 25, 1)), 0);
        assert!(london_ambiguous(at(2020, 10, 25, 1)));
        assert!(!london_ambiguous(at(2020, 10, 25, 2)));
        // US: 8 March and 1 November 2020.
        assert_eq!(new_york_offset(at(2020, 3, 8, 6)), -300);
        assert_eq!(new_york_offset(at(2020, 3, 8, 7)), -240);
        assert_eq!(new_york_offset(at(2020, 11, 1, 5)), -240);
        assert_eq!(new_york_offset(at(2020, 11, 1, 6)), -300);
        assert!(new_york_ambiguous(at(2020, 11, 1, 6)));
        let w = Wall::at(at(2020, 1, 4, 5) + 5, -300);
        assert_eq!(w.twelve_hour(), "12:05 a.m.");
        assert_eq!(w.us_date(), "January 4, 2020");
    }
}
