//! The scanner's unit tests.

use chrono::Weekday;

use super::words::{
    MONTHS, MONTHS_IBERIAN, MONTHS_INTL, MONTHS_INTL_FULL, WEEKDAYS, WEEKDAYS_IBERIAN,
    WEEKDAYS_INTL, flat, names_of,
};
use super::*;

#[test]
fn every_rule_compiles() {
    assert_eq!(RULES.len(), 34);
    assert!(RULES.iter().all(|r| r.re().is_some()));
    for rule in RULES.iter() {
        let unlisted = rule.re().map(Rx::unlisted_groups).unwrap_or_default();
        assert!(unlisted.is_empty(), "{:?}: {unlisted:?}", rule.form);
    }
}

/// The matches and groups of `rule` from every position of `text`, found as the rule is
/// run (its zone after it) and as it is written (one pattern), or the first difference.
fn as_written(rule: &Rule, written: &Rx, text: &str) -> Result<(), String> {
    let spans = |caps: Option<Captures<'_>>| {
        caps.map(|c| {
            let groups: Vec<_> = G::ALL
                .iter()
                .map(|g| c.name(*g).map(|m| m.range()))
                .collect();
            (c.get(0).map(|m| m.range()), groups)
        })
    };
    for (at, _) in text.char_indices().chain([(text.len(), ' ')]) {
        let run = spans(rule.captures_at(text, at));
        let one = spans(written.captures_at(text, at));
        if run != one {
            return Err(format!(
                "{:?} at {at} of {text:?}:\n{run:?}\n{one:?}",
                rule.form
            ));
        }
    }
    Ok(())
}

/// Texts with stamps and zones: the lines of the seeds and fixtures with a digit, the texts
/// of `tests/cases.txt`, and zones in every place a rule reads one.
fn texts_with_zones() -> Vec<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut texts: Vec<String> = Vec::new();
    for dir in ["../../seeds", "../dateline-sources/tests/fixtures/pages"] {
        let mut files: Vec<_> = std::fs::read_dir(root.join(dir))
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        files.sort();
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap_or_default();
            texts.extend(
                text.lines()
                    .filter(|l| l.bytes().any(|b| b.is_ascii_digit()))
                    .map(str::to_owned),
            );
        }
    }
    let cases = std::fs::read_to_string(root.join("tests/cases.txt")).unwrap_or_default();
    texts.extend(
        cases
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| l.split(" | ").next())
            .map(|t| t.replace("\\|", "|")),
    );
    for zone in [
        "EST",
        " (HKT)",
        "( GMT )",
        "GMT+3",
        "GMT +5:30",
        "+05:30",
        "-0800",
        "Z",
        "ET)",
        " (IST",
        "est",
        "CET,",
    ] {
        for stamp in [
            "3 January 2020 12:44",
            "January 3, 2020 12:44 PM",
            "3 Jan, 15:44",
            "Jan 3, 3:44 PM",
            "03.01.2020 13:44 Uhr",
            "2020/01/03 21:44",
            "1830 hrs",
            "12:44",
            "5pm",
            "yesterday at 9:05",
            "at noon",
            "5 ноября 2021 в 07:15",
            "2020. március 27., 14:05",
            "3 January 2020",
        ] {
            texts.push(format!("{stamp} {zone}"));
            texts.push(format!("{stamp}{zone} and more"));
        }
    }
    texts
}

#[test]
fn rules_read_as_written_with_their_zone_compiled_once() {
    let cut: Vec<&Rule> = RULES.iter().filter(|r| r.zone_after.is_some()).collect();
    assert_eq!(cut.len(), 18);
    assert!(ZONE.is_some());
    let texts = texts_with_zones();
    assert!(texts.len() > 1000, "{}", texts.len());
    for rule in cut {
        let Some(written) = Rx::new(&rule.written) else {
            panic!("{:?} compiles as written", rule.form);
        };
        assert_ne!(rule.pattern, rule.written);
        for text in &texts {
            if let Err(e) = as_written(rule, &written, text) {
                panic!("{e}");
            }
        }
    }
}

#[test]
fn preparing_on_other_threads_compiles_every_rule_and_changes_nothing() {
    let text = "Friday 03 January 2020 13:34 EST\nJon Sharman3 January 2020 12:44\n\
                at 1.12am local time, 0846 GMT (1646 HKT), yesterday at 9pm";
    let before = format!("{:?}", find_stamps(text));
    std::thread::scope(|s| {
        for _ in 0..3 {
            s.spawn(crate::prepare);
        }
        s.spawn(|| assert_eq!(format!("{:?}", find_stamps(text)), before));
    });
    assert!(
        RULES
            .iter()
            .filter(|r| r.eager)
            .all(|r| r.re.get().is_some()),
        "all compiled but the rules of names.rs and of rare forms, which compile on first use"
    );
    // The two rules of names.rs, and the Solar Hijri one, which reads its months' letters.
    assert_eq!(RULES.iter().filter(|r| r.needs.names()).count(), 3);
    assert!(RULES.iter().filter(|r| r.rare).all(|r| !r.eager));
    assert_eq!(RULES.iter().filter(|r| r.rare).count(), 12);
    assert!(
        crate::expr::rules_all_compiled(),
        "every expression rule compiled"
    );
    assert_eq!(format!("{:?}", find_stamps(text)), before);
}

#[test]
fn offsets() {
    let show = |t: &str| parse_offset(t).map(|o| o.to_string());
    assert_eq!(show("+0100").as_deref(), Some("+01:00"));
    assert_eq!(show("-05:00").as_deref(), Some("-05:00"));
    assert_eq!(show("GMT+3").as_deref(), Some("+03:00"));
    assert_eq!(show("UTC+5:30").as_deref(), Some("+05:30"));
    assert_eq!(show("+2500"), None);
    assert_eq!(show("0100"), None);
}

#[test]
fn months_and_weekdays() {
    assert_eq!(month_number("Sept."), Some(9));
    assert_eq!(month_number("DECEMBER"), Some(12));
    assert_eq!(month_number("Mo"), None);
    assert_eq!(weekday("thurs"), Some(Weekday::Thu));
}

#[test]
fn months_and_weekdays_in_other_languages() {
    let months = [
        ("Januar", 1),
        ("Jänner", 1),
        ("gen", 1),
        ("ene", 1),
        ("janv.", 1),
        ("Feb.", 2),
        ("févr", 2),
        ("fevereiro", 2),
        ("März", 3),
        ("Mär.", 3),
        ("Mrz", 3),
        ("maart", 3),
        ("mrt", 3),
        ("março", 3),
        ("avril", 4),
        ("abr", 4),
        ("Mai", 5),
        ("maggio", 5),
        ("mag", 5),
        ("mei", 5),
        ("juin", 6),
        ("giu", 6),
        ("juillet", 7),
        ("juil.", 7),
        ("luglio", 7),
        ("août", 8),
        ("ago", 8),
        ("set", 9),
        ("settembre", 9),
        ("Okt.", 10),
        ("ott", 10),
        ("out", 10),
        ("Dez.", 12),
        ("déc.", 12),
        ("dic", 12),
    ];
    for (name, month) in months {
        assert_eq!(month_number(name), Some(month), "{name}");
    }
    let days = [
        ("Dienstag", Weekday::Tue),
        ("Sonnabend", Weekday::Sat),
        ("Sonntag", Weekday::Sun),
        ("venerdì", Weekday::Fri),
        ("venerdi,", Weekday::Fri),
        ("giovedì", Weekday::Thu),
        ("jeudi", Weekday::Thu),
        ("miércoles", Weekday::Wed),
        ("sábado", Weekday::Sat),
        ("terça-feira", Weekday::Tue),
        ("sexta-feira", Weekday::Fri),
        ("donderdag", Weekday::Thu),
        ("zondag", Weekday::Sun),
    ];
    for (name, day) in days {
        assert_eq!(weekday(name), Some(day), "{name}");
    }
}

/// The text and the date of the one stamp in `text`.
fn one(text: &str) -> (String, Option<PartialDate>, Option<NaiveTime>) {
    let stamps = find_stamps(text);
    assert_eq!(stamps.len(), 1, "{text}: {stamps:?}");
    let s = &stamps[0];
    (s.text.clone(), s.date, s.time)
}

fn date(y: i32, m: u32, d: u32, wd: Option<Weekday>) -> Option<PartialDate> {
    Some(PartialDate {
        year: Some(y),
        month: m,
        day: d,
        weekday: wd,
    })
}

#[test]
fn german_dates_are_read_whole() {
    let (text, d, t) = one("Dienstag, 30. Januar 2024, 15:13 Uhr");
    assert_eq!(text, "Dienstag, 30. Januar 2024, 15:13 Uhr");
    assert_eq!(d, date(2024, 1, 30, Some(Weekday::Tue)));
    assert_eq!(t, NaiveTime::from_hms_opt(15, 13, 0));
    assert_eq!(
        one("30. Januar 2024 um 15:13 Uhr").0,
        "30. Januar 2024 um 15:13 Uhr"
    );
    assert_eq!(one("Stand: 30. Jan. 2024").1, date(2024, 1, 30, None));
}

#[test]
fn romance_and_dutch_dates_are_read_whole() {
    let (text, d, t) = one("venerdì 3 gennaio 2020 14:30");
    assert_eq!(text, "venerdì 3 gennaio 2020 14:30");
    assert_eq!(d, date(2020, 1, 3, Some(Weekday::Fri)));
    assert_eq!(t, NaiveTime::from_hms_opt(14, 30, 0));
    assert_eq!(one("il 3 gen 2020, 14.30 ").0, "3 gen 2020, 14.30");
    let (text, _, t) = one("Publié le 1er janvier 2020 à 14h30");
    assert_eq!(text, "1er janvier 2020 à 14h30");
    assert_eq!(t, NaiveTime::from_hms_opt(14, 30, 0));
    let (text, d, _) = one("viernes, 3 de enero de 2020 a las 14:30 h");
    assert_eq!(text, "viernes, 3 de enero de 2020 a las 14:30 h");
    assert_eq!(d, date(2020, 1, 3, Some(Weekday::Fri)));
    let (text, d, _) = one("sexta-feira, 3 de janeiro de 2020 às 14h30");
    assert_eq!(text, "sexta-feira, 3 de janeiro de 2020 às 14h30");
    assert_eq!(d, date(2020, 1, 3, Some(Weekday::Fri)));
    assert_eq!(
        one("vrijdag 3 januari 2020 om 14:30").1,
        date(2020, 1, 3, Some(Weekday::Fri))
    );
}

#[test]
fn foreign_words_in_english_text_are_no_dates() {
    // Short month names that are English words need a day before them and a year after.
    for text in [
        "the second set ended 6-3 and Mai Tai was served",
        "Mars 2020 landed; 5 out of 2020 entries; 3 de facto rulers",
        "set 3, 2020 and Mai 3, 2020 and Mar 3",
        "3 mag wheels, 3 set pieces, 10 years ago",
        "iron ore 12.50 a tonne",
    ] {
        assert!(
            find_stamps(text).is_empty(),
            "{text}: {:?}",
            find_stamps(text)
        );
    }
    // Italian `ore` and `alle` make a dotted clock a time, English `ore` does not.
    assert_eq!(one("Roma, ore 14.30").0, "14.30");
    assert_eq!(one("Aggiornato alle ore 14.30").0, "14.30");
    assert_eq!(one("Aggiornato alle 9.05").1, None);
    assert!(find_stamps("iron ore 12.50 a tonne").is_empty());
    assert!(find_stamps("shore 12.50").is_empty());
    // Nor is a short one with a clock but no year: only the clock is a stamp.
    let (text, d, _) = one("Game 3 set, 14:30");
    assert_eq!((text.as_str(), d), ("14:30", None));
    // `de` joins a day, a month and a year only.
    assert!(find_stamps("3 de 2020").is_empty());
}

#[test]
fn clocks() {
    assert_eq!(clock(12, 0, 0, Some('a')), NaiveTime::from_hms_opt(0, 0, 0));
    assert_eq!(
        clock(12, 30, 0, Some('p')),
        NaiveTime::from_hms_opt(12, 30, 0)
    );
    assert_eq!(clock(13, 0, 0, Some('p')), None);
    assert_eq!(clock(0, 0, 0, Some('a')), None);
    assert_eq!(clock(24, 0, 0, None), None);
}

#[test]
fn longest_reading_wins() {
    let s = find_stamps("Friday 03 January 2020 13:34 EST");
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].form, Form::DayMonthYearTime);
}

#[test]
fn a_rejected_match_does_not_hide_a_later_one() {
    // `25:61` is no clock, and the scan must go on to find `12:44`.
    let s = find_stamps("25:61 then 12:44");
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].text, "12:44");
}

#[test]
fn stray_closing_parenthesis_is_not_part_of_the_stamp() {
    let s = find_stamps("(at 12:44 GMT) and");
    assert_eq!(s[0].text, "12:44 GMT");
}

#[test]
fn text_glued_on_the_right() {
    let s = find_stamps("Jon Sharman3 January 2020 12:44Comments");
    assert_eq!(s[0].text, "3 January 2020 12:44");
    assert!(find_stamps("12:44pmThe").is_empty());
    assert!(find_stamps("12:44x").is_empty());
    let s = find_stamps("21:22Ann Byrne");
    assert_eq!(s.first().map(|s| s.text.as_str()), Some("21:22"));
    let s = find_stamps("21:22Pat Lee");
    assert_eq!(s.first().map(|s| s.text.as_str()), Some("21:22"));
}

fn reading(text: &str, country: Option<&str>) -> Option<(u32, u32, &'static str, String)> {
    let stamp = find_stamps(text).into_iter().next()?;
    numeric_reading(&stamp, country)
        .map(|(d, form, note)| (d.month, d.day, form.name(), note.to_string()))
}

#[test]
fn open_numeric_dates_are_read_by_country_and_reported() {
    let (month, day, form, note) = reading("01/03/2020 07:44 AM", Some("us")).unwrap();
    assert_eq!((month, day, form), (1, 3, "month-day-year-time"));
    assert_eq!(
        note,
        "info[date-order]: `01/03/2020 07:44 AM` read month first (January 3) from outlet country US; read the other way it would be 1 March"
    );
    let (month, day, _, note) = reading("01/03/2020", Some("GB")).unwrap();
    assert_eq!((month, day), (3, 1));
    assert!(note.starts_with("info[date-order]: `01/03/2020` read day first (1 March)"));
    let (month, day, _, note) = reading("Fri 03-01-2020 12:44", None).unwrap();
    assert_eq!((month, day), (1, 3));
    assert!(note.starts_with("warning[date-order]"), "{note}");
    // Settled by the numbers, the same both ways, or dotted: nothing to choose.
    assert_eq!(reading("13/01/2020", Some("US")), None);
    assert_eq!(reading("01/13/2020", Some("US")), None);
    assert_eq!(reading("03/03/2020", Some("US")), None);
    assert_eq!(reading("03.01.2020", Some("US")), None);
    assert_eq!(reading("3 January 2020", Some("US")), None);
}

#[test]
fn numeric_orders() {
    let order = |a, b, dotted| numeric_order(a, b, dotted).map(|o| (o.day, o.month));
    assert_eq!(order(13, 1, false), Some((13, 1)));
    assert_eq!(order(1, 13, false), Some((13, 1)));
    assert_eq!(order(3, 1, false), Some((3, 1)));
    assert_eq!(order(1, 13, true), None);
    assert_eq!(order(13, 13, false), None);
    assert_eq!(order(0, 1, false), None);
    assert_eq!(order(32, 1, false), None);
}

#[test]
fn offsets_with_a_space_or_a_minus_sign() {
    let show = |t: &str| parse_offset(t).map(|o| o.to_string());
    assert_eq!(show("GMT +3").as_deref(), Some("+03:00"));
    assert_eq!(show("\u{2212}05:00").as_deref(), Some("-05:00"));
    assert_eq!(show("+04").as_deref(), Some("+04:00"));
}

#[test]
fn a_24_hour_clock_with_pm_is_read_with_a_note() {
    let note = |t: &str| {
        parse_stamp(t)
            .as_ref()
            .and_then(clock_suffix_note)
            .map(|n| n.to_string())
    };
    assert_eq!(
        note("14:10pm").as_deref(),
        Some(
            "warning[clock-suffix-ignored]: `14:10pm` prints a 24-hour clock with an am/pm; read as 14:10, the suffix ignored"
        )
    );
    assert!(note("00:30 am").is_some());
    assert_eq!(note("6:14 pm"), None);
    assert_eq!(note("12:30 am"), None);
    assert_eq!(note("14:10"), None);
    // With dots, `13:00 p.m.` is an error to report, not a template's.
    assert!(find_stamps("13:00 p.m.").is_empty());
    assert!(find_stamps("14:10am").is_empty());
}

#[test]
fn a_zone_in_small_letters_only_after_am_pm() {
    let (text, _, _) = one("at 9:05am ist today");
    assert_eq!(text, "9:05am ist");
    assert_eq!(
        find_stamps("9:05am ist")
            .first()
            .and_then(|s| s.zone.clone()),
        Some(ZoneLabel::Abbreviation("IST".into()))
    );
    assert_eq!(one("9:05 a.m. est").0, "9:05 a.m. est");
    // No zone: an English word, another word glued on, or no am/pm.
    assert_eq!(one("9am eat").0, "9am");
    assert_eq!(one("9:05am istanbul").0, "9:05am");
    assert_eq!(one("09:05 ist").0, "09:05");
}

#[test]
fn listopad_is_read_by_country() {
    let stamp = find_stamps("5. listopada 2021.").remove(0);
    let read = |c| listopad_reading(&stamp, c).map(|(d, n)| (d.month, n.warning));
    assert_eq!(read(Some("hr")), Some((10, false)));
    assert_eq!(read(Some("PL")), None);
    assert_eq!(read(None), Some((11, true)));
    let other = find_stamps("5 ноября 2021").remove(0);
    assert!(listopad_reading(&other, None).is_none());
}

#[test]
fn other_languages_weekdays_and_words_before_dates() {
    // A word before the day that is no weekday is not part of the stamp.
    assert_eq!(one("Москва 3 декабря 2020").0, "3 декабря 2020");
    assert_eq!(
        one("Четверг, 3 декабря 2020").1,
        date(2020, 12, 3, Some(Weekday::Thu))
    );
    // German two-letter weekdays only before a dotted date.
    assert_eq!(
        one("Mi 24.04.24 | 09:15 Uhr").1,
        date(2024, 4, 24, Some(Weekday::Wed))
    );
    assert_eq!(one("So 03/04/2020 12:44").0, "03/04/2020 12:44");
    // A shared name needs a weekday of its own language (or a year first).
    assert_eq!(
        one("fredag 5 november 2021").1,
        date(2021, 11, 5, Some(Weekday::Fri))
    );
    assert_eq!(one("Kashmir 5 November 2021").0, "5 November 2021");
    // Without a year, a short name is no date.
    assert!(find_stamps("5 maj, 14:30").iter().all(|s| s.date.is_none()));
}

/// `2020-10` of an ISO date glued to a Chinese byline was read as a four-digit clock (20:20)
/// with the offset `-10`.
#[test]
fn a_dates_year_and_month_are_no_clock_with_an_offset() {
    assert!(find_stamps("2020-10").is_empty());
    let (text, d, t) = one("2020-10-04 15:05聯合報 記者");
    assert_eq!(text, "2020-10-04 15:05");
    assert_eq!(d, date(2020, 10, 4, None));
    assert_eq!(t, NaiveTime::from_hms_opt(15, 5, 0));
    assert_eq!(one("0846 -05:00").0, "0846 -05:00");
}

#[test]
fn text_glued_in_other_scripts_and_after_a_year() {
    assert_eq!(
        one("દિવ્ય ભાસ્કરMar 28, 2020, 06:15 PM IST").0,
        "Mar 28, 2020, 06:15 PM IST"
    );
    assert_eq!(one("12:44記者").0, "12:44");
    let (text, d, _) = one("Mon., March 23, 2020timer5 min. read");
    assert_eq!(text, "Mon., March 23, 2020");
    assert_eq!(d, date(2020, 3, 23, Some(Weekday::Mon)));
    // Not a word of two letters (`2020s`, `2020th`), nor a CJK date's own signs, nor a
    // Latin word glued before a month.
    assert!(find_stamps("March 23, 2020s").is_empty());
    assert!(find_stamps("March 23, 2020th").is_empty());
    assert!(find_stamps("12:44分").is_empty());
    assert!(find_stamps("xMar 28, 2020").is_empty());
    // An Arabic am/pm glued to a clock is read, not left as glue.
    assert!(find_stamps("12:09م").iter().all(|s| s.text != "12:09"));
}

#[test]
fn suffixes_after_a_clock_and_spaced_slashes() {
    assert_eq!(one("a las 07:46hrs.").0, "07:46hrs");
    assert_eq!(one("a las 07:46 hs").0, "07:46 hs");
    assert_eq!(one("a las 07:46h").0, "07:46h");
    // `hrs` makes a dotted clock a time; a bare `h` does not (`12.50 h` is a duration).
    assert_eq!(one("12.50 hrs").0, "12.50 hrs");
    assert!(find_stamps("12.50 h").is_empty());
    assert_eq!(one("1 / 12 / 2020").1, date(2020, 12, 1, None));
    assert_eq!(one("١ / ١٢ / ٢٠٢٠").1, date(2020, 12, 1, None));
    assert_eq!(one("٠٢:٠٠").2, NaiveTime::from_hms_opt(2, 0, 0));
    // Spaces go around a slash only.
    assert!(find_stamps("1 . 12 . 2020").is_empty());
    assert!(find_stamps("1 - 12 - 2020").is_empty());
    assert!(find_stamps("١٢٣:٤٥").is_empty());
}

#[test]
fn spanish_portuguese_and_catalan_month_first() {
    let (text, d, t) = one("Domingo, Diciembre 6, 2020 - 07:32");
    assert_eq!(text, "Domingo, Diciembre 6, 2020 - 07:32");
    assert_eq!(d, date(2020, 12, 6, Some(Weekday::Sun)));
    assert_eq!(t, NaiveTime::from_hms_opt(7, 32, 0));
    assert_eq!(
        one("octubre 7, 2020 | 7:09 am").2,
        NaiveTime::from_hms_opt(7, 9, 0)
    );
    assert_eq!(
        one("Dilluns, Març 23, 2020").1,
        date(2020, 3, 23, Some(Weekday::Mon))
    );
    for (name, day) in [
        ("dilluns", Weekday::Mon),
        ("dimarts", Weekday::Tue),
        ("dimecres", Weekday::Wed),
        ("dijous", Weekday::Thu),
        ("divendres", Weekday::Fri),
        ("dissabte", Weekday::Sat),
        ("diumenge", Weekday::Sun),
        ("dimanche", Weekday::Sun),
    ] {
        assert_eq!(weekday(name), Some(day), "{name}");
    }
    assert_eq!(month_number("desembre"), Some(12));
    // Only full names: a short one is an English word, a name's look-alike no month.
    assert!(find_stamps("Marco 3, 2020 and mayor 3, 2020").is_empty());
}

#[test]
fn cjk_seconds_yearless_dates_and_clocks() {
    let (text, d, t) = one("2020年03月12日 20:19:00");
    assert_eq!(text, "2020年03月12日 20:19:00");
    assert_eq!(d, date(2020, 3, 12, None));
    assert_eq!(t, NaiveTime::from_hms_opt(20, 19, 0));
    let s = find_stamps("2月15日（土）7時0分");
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].form, Form::MonthDayYearTime);
    assert_eq!(
        s[0].date.map(|d| (d.year, d.month, d.day)),
        Some((None, 2, 15))
    );
    assert_eq!(s[0].time, NaiveTime::from_hms_opt(7, 0, 0));
    assert_eq!(one("7時0分").2, NaiveTime::from_hms_opt(7, 0, 0));
    assert_eq!(
        one("午後9時44分30秒").2,
        NaiveTime::from_hms_opt(21, 44, 30)
    );
    assert_eq!(one("7時0分ごろ").0, "7時0分");
    // A minute of one figure only before `分`; a month and day alone are no stamp.
    assert!(find_stamps("21:4").is_empty());
    assert!(find_stamps("7時0").is_empty());
    assert!(find_stamps("2月15日").is_empty());
}

/// A morning or afternoon word between a numeric date and its clock (`오후 2:05`, as Korean
/// pages print it); a dot after a numeric date's year before its clock (`12.03.2023. u 14:05`);
/// Estonian and Latvian month names.
#[test]
fn half_day_words_year_dots_and_baltic_months() {
    let pm = NaiveTime::from_hms_opt(14, 5, 0);
    for text in [
        "2023.03.12. 오후 2:05",
        "2023-03-12 오후 2:05",
        "2023/03/12 下午2:05",
        "12.03.2023. u 14:05",
        "12. märts 2023 14:05",
        "12. martā 2023, 14:05",
    ] {
        let (shown, d, t) = one(text);
        assert_eq!(shown, text);
        assert_eq!(d, date(2023, 3, 12, None), "{text}");
        assert_eq!(t, pm, "{text}");
    }
    assert_eq!(
        one("2023.03.12. 오전 9:05").2,
        NaiveTime::from_hms_opt(9, 5, 0)
    );
    // A sentence's full stop after a date takes no clock with it.
    assert_eq!(one("Published 12.03.2023. It rained.").0, "12.03.2023");
    // The clock after a date knows the words the CJK clocks know.
    assert!(super::DATED_TIME.contains(super::CJK_HALF_DAY));
}

/// A day, a month's short name and a year joined by dots, as Brazilian pages print them
/// (`12.mar.2023 às 14h05`); a dot ends a month's name only before a year.
#[test]
fn a_day_month_and_year_joined_by_dots() {
    for text in ["12.mar.2023 às 14h05", "12.MAR.2023, 14:05", "12.jan.2023"] {
        let (shown, d, _) = one(text);
        assert_eq!(shown, text);
        assert_eq!(d.map(|d| d.day), Some(12), "{text}");
    }
    assert_eq!(
        one("12.mar.2023 às 14h05").2,
        NaiveTime::from_hms_opt(14, 5, 0)
    );
    assert!(find_stamps("photo.12.mar.jpg").is_empty());
    assert!(find_stamps("v1.2.mar").is_empty());
}

/// Malay pages say the part of the day after a 12-hour clock: `pagi` (morning), `petang` or
/// `ptg` (afternoon), `malam` (night, and `12 malam` midnight).
#[test]
fn malay_parts_of_the_day() {
    for (text, h, m) in [
        ("12 Mac 2023 2:05 petang", 14, 5),
        ("12 Mac 2023, 2:05 ptg", 14, 5),
        ("12 Mac 2023 9:15 pagi", 9, 15),
        ("12 Mac 2023 8:30 malam", 20, 30),
        ("12 Mac 2023 12:10 malam", 0, 10),
    ] {
        let (_, d, t) = one(text);
        assert_eq!(d, date(2023, 3, 12, None), "{text}");
        assert_eq!(t, NaiveTime::from_hms_opt(h, m, 0), "{text}");
    }
}

/// Thai month names, in full and abbreviated with dots, with years of the Buddhist era.
#[test]
fn thai_months_and_buddhist_years() {
    let (shown, d, t) = one("12 มี.ค. 2566 14:05 น.");
    assert!(shown.starts_with("12 มี.ค. 2566 14:05"), "{shown}");
    assert_eq!(d, date(2023, 3, 12, None));
    assert_eq!(t, NaiveTime::from_hms_opt(14, 5, 0));
    // January's abbreviation differs from March's by a vowel mark only.
    assert_eq!(one("5 ม.ค. 2567").1, date(2024, 1, 5, None));
    assert_eq!(one("5 มกราคม 2567").1, date(2024, 1, 5, None));
    // A year of the common era stays as printed.
    assert_eq!(one("5 มกราคม 2024").1, date(2024, 1, 5, None));
}

/// Hindi and Marathi month names in Devanagari, in either spelling of a month.
#[test]
fn devanagari_months() {
    let (shown, d, t) = one("अपडेटेड: 12 मार्च 2023, 14:05 IST");
    assert_eq!(shown, "12 मार्च 2023, 14:05 IST");
    assert_eq!(d, date(2023, 3, 12, None));
    assert_eq!(t, NaiveTime::from_hms_opt(14, 5, 0));
    for text in ["5 नवंबर 2021", "5 नवम्बर 2021", "5 नोव्हेंबर 2021"]
    {
        assert_eq!(one(text).1, date(2021, 11, 5, None), "{text}");
    }
    // A Devanagari word that is no month is no date.
    assert!(find_stamps("5 नमस्ते 2021").is_empty());
}

#[test]
fn french_clocks_alone_and_two_digit_years() {
    assert_eq!(one("Publié à 0 h 23").2, NaiveTime::from_hms_opt(0, 23, 0));
    assert_eq!(one("14h30").2, NaiveTime::from_hms_opt(14, 30, 0));
    assert!(find_stamps("2 h 5").is_empty());
    assert!(find_stamps("24 h 60").is_empty());
    // `20` after a month's name is the year 2020 only with a clock after it.
    let (text, d, t) = one("Publié le 27 Mar 20 à 9:21");
    assert_eq!(text, "27 Mar 20 à 9:21");
    assert_eq!(d, date(2020, 3, 27, None));
    assert_eq!(t, NaiveTime::from_hms_opt(9, 21, 0));
    assert!(find_stamps("27 Mar 20").is_empty());
}

#[test]
fn solar_hijri_dates() {
    let s = find_stamps("۲۹ بهمن ۱۳۹۸ - ۰۶:۵۵");
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].form, Form::SolarHijri);
    assert_eq!(s[0].date, date(2020, 2, 18, None));
    assert_eq!(s[0].time, NaiveTime::from_hms_opt(6, 55, 0));
    let (_, d, t) = one("2 تير 1399 - 12:09:08 ب.ظ");
    assert_eq!(d, date(2020, 6, 22, None));
    assert_eq!(t, NaiveTime::from_hms_opt(12, 9, 8));
    assert_eq!(one("۲۱ ارديبهشت ۱۳۹۹").1, date(2020, 5, 10, None));
    assert_eq!(
        one("۳۰ اسفند ۱۳۹۹ ساعت ۰۹:۱۵ ب.ظ").2,
        NaiveTime::from_hms_opt(21, 15, 0)
    );
    // No such day (1398 is no leap year), no such month.
    assert!(find_stamps("۳۰ اسفند ۱۳۹۸").is_empty());
    assert!(find_stamps("۲۹ مارچ ۱۳۹۸").is_empty());
}

#[test]
fn a_clock_before_a_numeric_date() {
    let s = find_stamps("GMT 17:27 17.03.2020");
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].form, Form::TimeZoneDayMonthYear);
    assert_eq!(s[0].zone, Some(ZoneLabel::Abbreviation("GMT".into())));
    assert_eq!(s[0].date, date(2020, 3, 17, None));
    let (text, d, t) = one("٠٢:٠٠ الثلاثاء ١ / ١٢ / ٢٠٢٠");
    assert_eq!(text, "٠٢:٠٠ الثلاثاء ١ / ١٢ / ٢٠٢٠");
    assert_eq!(d, date(2020, 12, 1, Some(Weekday::Tue)));
    assert_eq!(t, NaiveTime::from_hms_opt(2, 0, 0));
    assert_eq!(
        one("14:05 Dienstag, 03.11.2020").1,
        date(2020, 11, 3, Some(Weekday::Tue))
    );
    // A field over 12 settles the order, and the form says so.
    let s = find_stamps("12:30 - 1/13/2020");
    assert_eq!(s[0].form, Form::TimeZoneMonthDayYear);
    // A word between them that is no weekday, or a dotted number, keeps them apart.
    let s = find_stamps("12:44 Monkey 03/01/2020");
    assert_eq!(s.len(), 2, "{s:?}");
    assert_eq!(one("12.50 24.11.2020").0, "24.11.2020");
    // An open order is read by the outlet's country, as a date alone is.
    let stamp = find_stamps("9:05 am, 01/03/2020").remove(0);
    let read = numeric_reading(&stamp, Some("US")).map(|(d, f, _)| (d.month, d.day, f));
    assert_eq!(read, Some((1, 3, Form::TimeZoneMonthDayYear)));
}

#[test]
fn numbers_glued_to_digits_are_not_stamps() {
    assert!(find_stamps("112:44").is_empty());
    assert!(find_stamps("1.12:44").is_empty());
    assert!(find_stamps("12:44:5").is_empty());
    assert!(find_stamps("v1.2.12:30").is_empty());
}

/// The overlap filter as it was first written: each candidate compared with every kept one.
fn longest_first_naive(mut found: Vec<(usize, Range<usize>)>) -> Vec<Range<usize>> {
    found.sort_by(|(pa, a), (pb, b)| {
        b.len()
            .cmp(&a.len())
            .then(pa.cmp(pb))
            .then(a.start.cmp(&b.start))
    });
    let mut kept: Vec<Range<usize>> = Vec::new();
    for (_, span) in found {
        if kept
            .iter()
            .all(|k| k.end <= span.start || span.end <= k.start)
        {
            kept.push(span);
        }
    }
    kept.sort_by_key(|s| s.start);
    kept
}

proptest::proptest! {
    /// The ordered set keeps exactly what comparing with every kept span keeps, empty spans and
    /// equal spans included.
    #[test]
    fn overlap_filter_keeps_what_the_pairwise_rule_keeps(
        spans in proptest::collection::vec((0usize..4, 0usize..40, 0usize..12), 0..40)
    ) {
        let found: Vec<(usize, Range<usize>)> = spans
            .iter()
            .map(|&(priority, start, len)| (priority, start..start + len))
            .collect();
        let fast = longest_first(found.clone(), Clone::clone);
        let naive = longest_first_naive(found);
        // The naive one sorts by start only, stably; the fast one by start and end.
        let key = |v: &[Range<usize>]| {
            let mut v = v.to_vec();
            v.sort_by_key(|r| (r.start, r.end));
            v
        };
        proptest::prop_assert_eq!(key(&fast), key(&naive));
    }
}

#[test]
fn overlapping_stamps_keep_the_longest() {
    // `12:30 GMT` and `12:30` overlap: the longest is kept, and so is the next clock.
    let stamps = find_stamps("At 12:30 GMT, then 13:00.");
    let texts: Vec<&str> = stamps.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(texts, ["12:30 GMT", "13:00"]);
}

#[test]
fn a_long_line_of_clocks_keeps_every_clock() {
    let line = "12:30 ".repeat(5_000);
    let stamps = find_stamps(&line);
    assert_eq!(stamps.len(), 5_000);
    assert!(stamps.windows(2).all(|w| w[0].span.end <= w[1].span.start));
}

/// Every word of the rules' alternations, in both cases, as a date's month, weekday or zone, and
/// cut short by a letter: texts where a prefix tree could take another word than the
/// alternation as written.
fn texts_with_names() -> Vec<String> {
    let lists = [
        WEEKDAYS,
        MONTHS,
        WEEKDAYS_INTL,
        MONTHS_INTL,
        MONTHS_INTL_FULL,
        MONTHS_IBERIAN,
        WEEKDAYS_IBERIAN,
    ];
    let mut words: Vec<String> = lists
        .into_iter()
        .flat_map(names_of)
        .chain(crate::relative::day_words())
        .chain(crate::zones::abbreviations())
        .map(str::to_owned)
        .chain(clock_weekdays())
        .collect();
    words.extend(words.iter().map(|w| w.to_uppercase()).collect::<Vec<_>>());
    let mut texts = Vec::new();
    for word in &words {
        texts.push(format!("{word} 3, 2020 12:44"));
        texts.push(format!("{word}, 3 {word} 2020 um 12:44 {word}"));
        let cut: String = word.chars().take(word.chars().count() - 1).collect();
        texts.push(format!("3 {cut}. 2020, 12:44 GMT"));
    }
    texts
}

#[test]
fn prefix_trees_of_names_read_as_the_names_one_by_one() {
    let trees = rules_with(rx::alternation);
    let flat = rules_with(flat);
    let texts: Vec<String> = texts_with_zones()
        .into_iter()
        .chain(texts_with_names())
        .collect();
    for (tree, flat) in trees.iter().zip(&flat) {
        if tree.written == flat.written {
            continue;
        }
        let Some(written) = Rx::new(&flat.written) else {
            panic!("{:?} compiles with its names one by one", flat.form);
        };
        for text in &texts {
            if let Err(e) = as_written(tree, &written, text) {
                panic!("{e}");
            }
        }
    }
}
