//! Machine times: the raw string, parsed when it is ISO 8601.

use chrono::{DateTime, FixedOffset, NaiveDateTime};

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
}

/// Reads ISO 8601 date-times: `2020-10-06T21:22:53.212+01:00`, `...Z`, `...+0000`,
/// `2024-07-18T11:48` (zoneless), with `T` or a space. Anything else is `None`.
pub(crate) fn parse_machine_time(raw: &str) -> Option<ParsedTime> {
    let s = raw.trim();
    // Cheap shape check first: `YYYY-MM-DD` then `T` or space.
    let bytes = s.as_bytes();
    if bytes.len() < 16
        || !bytes[..4].iter().all(u8::is_ascii_digit)
        || bytes[4] != b'-'
        || bytes[7] != b'-'
        || !matches!(bytes[10], b'T' | b't' | b' ')
    {
        return None;
    }
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(ParsedTime::Offset(t));
    }
    let normal: String = s
        .chars()
        .map(|c| if c == 't' || c == ' ' { 'T' } else { c })
        .collect();
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

#[cfg(test)]
mod tests {
    use super::*;

    fn show(raw: &str) -> String {
        match parse_machine_time(raw) {
            Some(ParsedTime::Offset(t)) => t.to_rfc3339(),
            Some(ParsedTime::Zoneless(t)) => format!("zoneless {t}"),
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
    fn other_forms_are_left_raw() {
        assert_eq!(show("Tue Nov 19 2019 05:44:06 GMT+0000"), "none");
        assert_eq!(show("19 Nov 2019 07:09 GMT"), "none");
        assert_eq!(show("20200925"), "none");
        assert_eq!(show("2019-11-19"), "none");
        assert_eq!(show("2019-1ä-19T00:00:00Z"), "none");
        assert_eq!(show(""), "none");
    }
}
