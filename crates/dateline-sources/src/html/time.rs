//! Machine times: the raw string, parsed when it is ISO 8601.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};

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
/// space, a one-digit second (`23:15:0Z`), and a date alone (`2020-04-15`). Anything else is `None`.
pub(crate) fn parse_machine_time(raw: &str) -> Option<ParsedTime> {
    let s = raw.trim();
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
    fn other_forms_are_left_raw() {
        assert_eq!(show("Tue Nov 19 2019 05:44:06 GMT+0000"), "none");
        assert_eq!(show("19 Nov 2019 07:09 GMT"), "none");
        assert_eq!(show("20200925"), "none");
        assert_eq!(show("2019-11"), "none");
        assert_eq!(show("2019-1ä-19T00:00:00Z"), "none");
        assert_eq!(show(""), "none");
    }
}
