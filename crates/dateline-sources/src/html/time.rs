//! Machine times: the raw string, parsed when it is ISO 8601.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime};

use super::Source;

/// A machine-readable time: its raw string, where it came from, and its parse when ISO 8601.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct MachineTime {
    /// The string as the page gives it, trimmed.
    pub raw: String,
    /// The ISO 8601 reading, or `None` when the string is in another form (left to
    /// `dateline-time`).
    pub parsed: Option<ParsedTime>,
    /// Where it came from.
    pub source: Source,
}

impl MachineTime {
    /// A time from `raw`, parsed when it is ISO 8601.
    pub fn new(raw: &str, source: Source) -> Self {
        let raw = raw.trim();
        MachineTime {
            raw: raw.to_owned(),
            parsed: parse_machine_time(raw),
            source,
        }
    }

    /// The instant, when the time carries an offset.
    pub fn instant(&self) -> Option<DateTime<FixedOffset>> {
        match self.parsed {
            Some(ParsedTime::Offset(t)) => Some(t),
            _ => None,
        }
    }
}

/// An ISO 8601 time read from a machine string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ParsedTime {
    /// It carried an offset or `Z`: an instant.
    Offset(DateTime<FixedOffset>),
    /// It carried no offset: a wall-clock time in a zone the page does not say.
    Zoneless(NaiveDateTime),
    /// A date alone (`2020-04-15`): the day as the outlet printed it.
    Date(NaiveDate),
}

/// Reads ISO 8601 dates and date-times as pages write them: `2020-10-06T21:22:53.212+01:00`,
/// `...Z`, `...+0000`, `2024-07-18T11:48` and `2022-02-11 16:45:02.0` (zoneless), with `T` or a
/// space, a one-digit second (`23:15:0Z`), a date alone (`2020-04-15`), the same with slashes
/// (`2020/04/15`), and the compact forms of [`compact`]. Anything else is `None`.
pub(crate) fn parse_machine_time(raw: &str) -> Option<ParsedTime> {
    let s = raw.trim();
    if let Some(compact) = compact(s) {
        return Some(compact);
    }
    // `2020/04/15` as `2020-04-15`: the same fields with another separator.
    let dashed;
    let s = if s.len() >= 10 && s.as_bytes()[4] == b'/' && s.as_bytes()[7] == b'/' {
        dashed = s.replacen('/', "-", 2);
        dashed.as_str()
    } else {
        s
    };
    // Cheap shape check first: `YYYY-MM-DD`, then nothing, or `T` or a space.
    let bytes = s.as_bytes();
    if bytes.len() < 10
        || !bytes[..4].iter().all(u8::is_ascii_digit)
        || bytes[4] != b'-'
        || bytes[7] != b'-'
    {
        return None;
    }
    if bytes.len() == 10 {
        return NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .ok()
            .map(ParsedTime::Date);
    }
    if bytes.len() < 16 || !matches!(bytes[10], b'T' | b't' | b' ') {
        return None;
    }
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(ParsedTime::Offset(t));
    }
    let mut normal: String = s
        .chars()
        .map(|c| if c == 't' || c == ' ' { 'T' } else { c })
        .collect();
    // A one-digit second (`23:15:0Z`) is read as it would be with two.
    if let Some(fixed) = pad_second(&normal) {
        normal = fixed;
    }
    let normal = match normal.strip_suffix(['Z', 'z']) {
        Some(body) => format!("{body}+00:00"),
        None => normal,
    };
    const WITH_OFFSET: &[&str] = &["%Y-%m-%dT%H:%M:%S%.f%#z", "%Y-%m-%dT%H:%M%#z"];
    for format in WITH_OFFSET {
        if let Ok(t) = DateTime::parse_from_str(&normal, format) {
            return Some(ParsedTime::Offset(t));
        }
    }
    const NAIVE: &[&str] = &["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M"];
    for format in NAIVE {
        if let Ok(t) = NaiveDateTime::parse_from_str(&normal, format) {
            return Some(ParsedTime::Zoneless(t));
        }
    }
    None
}

/// The compact forms of machine fields, all digits: a day (`20200415`), a day and time
/// (`20200415143000`, zoneless), and an instant as seconds or milliseconds since 1970
/// (`1586961000`, `1586961000000`). A count is read only within the years 1995 to 2099, so that
/// an identifier is not taken for a time.
fn compact(s: &str) -> Option<ParsedTime> {
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year_ok = |y: i32| (1995..2100).contains(&y);
    match s.len() {
        8 => NaiveDate::parse_from_str(s, "%Y%m%d")
            .ok()
            .filter(|d| year_ok(d.year()))
            .map(ParsedTime::Date),
        14 => NaiveDateTime::parse_from_str(s, "%Y%m%d%H%M%S")
            .ok()
            .filter(|t| year_ok(t.year()))
            .map(ParsedTime::Zoneless),
        10 | 13 => {
            let n: i64 = s.parse().ok()?;
            let secs = if s.len() == 13 { n.div_euclid(1000) } else { n };
            let nanos = if s.len() == 13 {
                u32::try_from(n.rem_euclid(1000) * 1_000_000).ok()?
            } else {
                0
            };
            DateTime::from_timestamp(secs, nanos)
                .filter(|t| year_ok(t.year()))
                .map(|t| ParsedTime::Offset(t.fixed_offset()))
        }
        _ => None,
    }
}

/// `2020-12-05T23:15:0Z` as `2020-12-05T23:15:00Z`: the second after `HH:MM:` given as one digit.
fn pad_second(normal: &str) -> Option<String> {
    let (head, tail) = normal.split_at_checked(17)?;
    let second = tail.as_bytes();
    let one_digit = head.ends_with(':')
        && second.first().is_some_and(u8::is_ascii_digit)
        && !second.get(1).is_some_and(u8::is_ascii_digit);
    one_digit.then(|| format!("{head}0{tail}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(raw: &str) -> String {
        match parse_machine_time(raw) {
            Some(ParsedTime::Offset(t)) => t.to_rfc3339(),
            Some(ParsedTime::Zoneless(t)) => format!("zoneless {t}"),
            Some(ParsedTime::Date(d)) => format!("date {d}"),
            None => "none".to_owned(),
        }
    }

    #[test]
    fn iso_forms_with_offsets_parse_to_instants() {
        assert_eq!(
            show("2020-10-06T21:22:53.212+01:00"),
            "2020-10-06T21:22:53.212+01:00"
        );
        assert_eq!(show("2024-03-07T07:55:25Z"), "2024-03-07T07:55:25+00:00");
        assert_eq!(
            show("2026-02-25T17:00:49.725Z"),
            "2026-02-25T17:00:49.725+00:00"
        );
        assert_eq!(
            show("2019-11-18T22:05:36+0000"),
            "2019-11-18T22:05:36+00:00"
        );
        assert_eq!(show("2023-11-02T21:20+05:30"), "2023-11-02T21:20:00+05:30");
        assert_eq!(
            show("2023-11-02 21:20:38+05:30"),
            "2023-11-02T21:20:38+05:30"
        );
    }

    #[test]
    fn times_without_offset_are_zoneless() {
        assert_eq!(show("2024-07-18T11:48"), "zoneless 2024-07-18 11:48:00");
        assert_eq!(show("2026-02-25T19:37:04"), "zoneless 2026-02-25 19:37:04");
    }

    #[test]
    fn dates_alone_and_loose_seconds_are_read() {
        assert_eq!(show("2019-11-19"), "date 2019-11-19");
        assert_eq!(show("2019-02-30"), "none");
        assert_eq!(show("2020-12-05T23:15:0Z"), "2020-12-05T23:15:00+00:00");
        assert_eq!(
            show("2022-02-11 16:45:02.0"),
            "zoneless 2022-02-11 16:45:02"
        );
    }

    #[test]
    fn compact_and_slashed_forms_are_read() {
        assert_eq!(show("20200925"), "date 2020-09-25");
        assert_eq!(show("20200925143005"), "zoneless 2020-09-25 14:30:05");
        assert_eq!(show("1678626300"), "2023-03-12T13:05:00+00:00");
        assert_eq!(show("1678626300250"), "2023-03-12T13:05:00.250+00:00");
        assert_eq!(show("2023/03/12"), "date 2023-03-12");
        assert_eq!(show("2023/03/12 14:05"), "zoneless 2023-03-12 14:05:00");
        // Numbers that are no time of these years: identifiers, counts.
        assert_eq!(show("12345678"), "none");
        assert_eq!(show("0000000001"), "none");
        assert_eq!(show("4102444800"), "none");
    }

    #[test]
    fn other_forms_are_left_raw() {
        assert_eq!(show("Tue Nov 19 2019 05:44:06 GMT+0000"), "none");
        assert_eq!(show("19 Nov 2019 07:09 GMT"), "none");
        assert_eq!(show("2019-11"), "none");
        assert_eq!(show("2019-1ä-19T00:00:00Z"), "none");
        assert_eq!(show(""), "none");
    }
}
