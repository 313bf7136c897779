//! News timestamps, resolved to UTC instants with the reasons why.
//!
//! News pages print times in a dozen shapes, glued to bylines (`Jon Sharman3 January 2020 12:44`),
//! with zone abbreviations that change meaning with the season (`EST`, `BST`) or the country
//! (`IST`, `CST`), and, on live blogs, as bare clocks (`03:09`) whose date is only known from the
//! page and from the posts around them. This crate does two things with such text:
//!
//! 1. **Recognise** stamps: [`find_stamps`] returns every [`Stamp`] in a text with its byte span,
//!    the [`Form`] that read it, and the fields it prints (date, clock, zone, a second reading such
//!    as `(1646 HKT)`). [`parse_stamp`] reads a whole string as one stamp; [`zone_statement`]
//!    recognises a page's statement of its zone ("All updates in Coordinated Universal Time (UTC)").
//! 2. **Resolve** them: [`resolve`] turns one stamp and a [`Context`] (page date, zone hint, outlet
//!    country, daylight-saving policy) into a [`Resolved`] instant; [`resolve_sequence`] resolves a
//!    page's stamps together into a [`Sequence`], detecting whether the page runs newest or oldest
//!    first, carrying the date to bare clocks, rolling over midnight, and reporting steps that go
//!    against the page's order.
//!
//! It also reads the **time expressions in a post's running text** ("last night", "on Friday",
//! "1.12am local time"): [`find_expressions`] returns each [`Expression`] with its span, the rule,
//! an [`Interval`] read against the post's own [`ReportContext`] time and zone, and notes on every
//! choice (see [Expressions in running text](#expressions-in-running-text)).
//!
//! # What is recognised
//!
//! | [`Form`] | examples |
//! |---|---|
//! | `day-month-year-time` | `3 January 2020 12:44`, `Friday 03 January 2020 13:34 EST`, `4 January 2020 at 12:31 GMT`, `Fri 3 Jan 2020 12.44 GMT`, `3 January 2020 • 12:44pm`, `03.01.2020, 13.44 Uhr`, `03/01/2020 à 13h44`, `3 JAN, 15:44`; in other languages `Dienstag, 30. Januar 2024, 15:13 Uhr`, `30. Jan. 2024 um 15:13 Uhr`, `venerdì 3 gennaio 2020 alle 14:30`, `3 gen 2020, 14.30`, `1er janvier 2020 à 14h30`, `viernes, 3 de enero de 2020 a las 14:30 h`, `3 de janeiro de 2020 às 14h30`, `12.mar.2023 às 14h05`, `vrijdag 3 januari 2020 om 14:30`, `31. Januar, 15:13 Uhr`, `27 Mar 20 à 9:21` (a two-digit year only after a month's name and before a clock) |
//! | `month-day-year-time` | `Jan. 4, 2020, 12:31 p.m. ET`, `Sept. 25, 2020, 5:43 p.m. ET`, `Saturday, January 4, 2020 at 9:21 AM EST`, `January 3, 2020 / 12:44 PM`, `January 3, 20207:44 AM ET`, `01/13/20 07:44 AM ET`, `Jan 3, 3:44 PM ET`; Spanish, Portuguese and Catalan month names in full `Domingo, Diciembre 6, 2020 - 07:32`, `octubre 7, 2020 \| 7:09 am`, `Dilluns, Març 23, 2020`; CJK `2月15日（土）7時0分` (no year) |
//! | `time-zone-month-day-year` | `12:31 p.m. ET, January 4, 2020`, `23:58 (IST) Feb 25`, `12:44 PM EST, Fri January 3, 2020`, `3:44 PM · Jan 3, 2020` |
//! | `time-zone-day-month-year` | `8:44pm, 3 Jan, 2020`, `20:44 HKT 3 Jan 2020`, `12:44 GMT, 3 January 2020`, `1:44 am on 4 January 2020`, `14:30, 3 gennaio 2020`, `14:30 · 3 de enero de 2020`; a clock before a numeric date `08:22, 24.11.2020`, `22:57 GMT 28.04.2020`, `GMT 17:27 17.03.2020`, `٠٢:٠٠ الثلاثاء ١ / ١٢ / ٢٠٢٠` (`time-zone-month-day-year` when a field over 12 makes it month first) |
//! | `compact-time-zone-date` | `0846 GMT (1646 HKT) January 5, 2020` (a four-digit clock only when a zone follows) |
//! | `iso-8601`, `rfc-2822` | `2020-01-03T12:44:00+01:00`, `2020-01-03 12:44`, `20200103T124400Z`, `2020-01-03 HKT 20:44`, `2020/01/03 21:44`, `2020.01.03 21:44`, `2020年1月3日 21時44分`, `2020年03月12日 20:19:00`, `2020년 1월 3일 오후 9:44`, `Fri, 03 Jan 2020 12:44:00 +0000` |
//! | `clock` | `03:09`, `3.09pm`, `12.50 BST`, `13.44 Uhr`, `07:46hrs`, `ore 14.30`, `5pm ET`, `1830 UTC`, `1830 hrs`, `at noon`, `until midnight`, `٠٢:٠٠`, `7時0分`, `午後9時44分30秒`, French `0 h 23`, `14h30` |
//! | `date` | `January 3, 2020`, `3 January 2020`, `03.01.2020`, `1 / 12 / 2020`, `١٥/٠٣/٢٠٢٠`, `30. Januar 2024`, `3 gennaio 2020`, `vendredi 3 janvier 2020`, `3 de enero de 2020`, `1º de janeiro de 2020`, `3 mrt 2020` |
//! | `year-month-day-time` | Hungarian `2020. március 27., 14:05`, Lithuanian `2020 m. spalio 26 d.` |
//! | `solar-hijri` | `۲۹ بهمن ۱۳۹۸ - ۰۶:۵۵`, `2 تير 1399 - 12:09:08 ب.ظ`, `۲۱ ارديبهشت ۱۳۹۹` (Persian months in Persian and Arabic spellings; the stamp's date is the Gregorian one) |
//! | `ago`, `relative-day-time` | `4m ago`, `5 minutes ago`, `updated 3 hours ago`, `2 weeks ago`, `Yesterday at 18:40`, `Today 09:15`; in other languages `hace 2 horas`, `há 2 horas`, `il y a 3 heures`, `vor 23 Minuten`, `vor einer Stunde`, `3 ore fa`, `2 saat önce`, `prije 28 minuta`, `před 2 hodinami`, `godzinę temu`, `5 минут назад`, `2 uur geleden`, `сегодня в 05:46`, `вчера в 16:19`, `Dnes 9:44`, `hoy a las 10:05`, `heute, 10:05 Uhr`, `aujourd'hui à 10h05`, `wczoraj 18:40`, `dün 18:40`; a weekday and a clock with no date, `Monday 6:30PM`, `Dienstag, 10:05 Uhr`, `Четверг в 10:05` ([`Relative::Weekday`]: the last such weekday on or before the capture date, a week earlier if the clock would be after the capture); all against [`Context::now`] |
//!
//! Numeric dates: year first (`2020/01/03`) and dotted (`03.01.2020`) have one order; with slashes or
//! dashes a field over 12 is the day (`13/01/2020`, `01/13/2020`). When both could be the month
//! (`03/01/2020`) the stamp carries the day-first reading, as most countries print dates; reading
//! it month first for US outlets (by [`Context::country`], with a note) is for resolution. A
//! two-digit year is read only with a clock (`01/13/20 07:44 AM`, so `1.12.30` stays a version), and
//! a slashed date inside a path (`/2020/01/03/`) is a URL, not a stamp.
//!
//! Day-first dates are also read with the month and weekday names of Polish, Czech, Slovak,
//! Serbian, Croatian, Bosnian and Slovene (Latin letters), Russian, Ukrainian, Belarusian,
//! Bulgarian and Serbian (Cyrillic), Greek, Turkish, Romanian, Albanian, Swedish, Danish,
//! Norwegian, Finnish, Indonesian, Malay, Catalan and Arabic (`5 ноября 2021 г., 07:15`,
//! `19 sierpnia 2020, 5:16`, `19 Αυγούστου 2020 9:02 μμ`, `30 Ekim 2020 Cuma 18:28`,
//! `الأربعاء، 07 أكتوبر 2020 - 12:09 م`, Arabic-Indic and Persian digits too), with their words
//! before a clock (`kl.`, `klo`, `saat`, `в`, `o`, `godz.`, `u`, `v`); `listopad` is read as November
//! unless the outlet's country is Croatia or Bosnia and Herzegovina. A 24-hour clock with an
//! undotted `pm` (`14:10pm`) is read as the 24-hour clock, with a `clock-suffix-ignored` warning;
//! a zone in small letters is read right after an am/pm (`9:05am ist`). Arabic-Indic and Persian
//! digits are read in clocks and numeric dates too (`٠٢:٠٠`, `١ / ١٢ / ٢٠٢٠`).
//!
//! Text copies of pages glue elements together, and a stamp is read through the glue: a word of
//! small letters after a named month's year (`March 23, 2020timer`, not `2020s`), a script no rule
//! reads right before an English month (`ભાસ્કરMar 28, 2020`) or right after a clock (`15:05聯合報`),
//! `hrs`, `hs` or `h` after a clock (`a las 07:46hrs.`).
//!
//! Month and weekday names are read in any case, full or abbreviated, with or without a dot; zone
//! abbreviations only in capitals (`ET` is a zone, `et` a word). Day-first dates are also read in
//! German, Italian, French, Spanish, Portuguese and Dutch: month names in full and short (`Januar`,
//! `Jänner`, `März`/`Mär.`, `Okt.`, `gennaio`/`gen`, `février`/`févr.`/`fevrier`, `enero`/`ene`,
//! `março`, `mrt`), weekdays in full (`Dienstag`, `venerdì` or `venerdi`, `vendredi`, `viernes`,
//! `sexta-feira`, `vrijdag`), the ordinals `30.`, `1er`, `1º`, Spanish and Portuguese `de`, and the
//! words before a clock (`um`, `alle`, `ore`, `à`, `às`, `a las`, `om`). Short names that are English
//! words (`set`, `mai`, `mag`, `ago`, `out`, `dic`) count only between a day and a year, so
//! `5 out of 2020` and `Mai Tai` stay text; month first (`Mai 3, 2020`) is English only, but for the full month names of Spanish, Portuguese and Catalan (`octubre 7, 2020`). A dotted
//! clock after Italian `alle` or `ore` is a time (`Roma, ore 14.30`), after English `iron ore` a price. A dotted clock (`12.50`) needs
//! am/pm or a zone, or it is a decimal. U+00A0 and other spaces count as spaces; a stamp never
//! spans a line break. Zones: `ET`/`EST`/`EDT`, `CT`, `MT`, `PT`, `GMT`/`UTC`/`Z`, `BST`, `IST`,
//! `CST`, `AST` (each ambiguous: see [Zones and places](#zones-and-places)), `CET`, `EET`,
//! `WET` and their summer forms, `MSK`, `GST`, `PKT`, `HKT`, `SGT`, `JST`, `KST`, `AEST`/`AEDT`,
//! `NZST`/`NZDT`, `SAST`, `EAT`, `WAT` and a few more, and numeric offsets (`+05:30`, `GMT+3`).
//! Each is resolved against the date with the region's real daylight-saving rules.
//!
//! # Example
//!
//! An Independent live-blog footer, in the outlet's zone (UK civil time):
//!
//! ```
//! use dateline_time::{find_stamps, resolve, Context, Form, Tz, ZoneOrigin};
//!
//! let line = "Jon Sharman3 January 2020 12:44";
//! let stamps = find_stamps(line);
//! assert_eq!(stamps.len(), 1);
//! assert_eq!(&line[stamps[0].span.clone()], "3 January 2020 12:44");
//!
//! let ctx = Context::default().with_zone(
//!     Tz::Europe__London,
//!     ZoneOrigin::OutletDefault { outlet: "The Independent".into() },
//! );
//! let t = resolve(&stamps[0], &ctx)?;
//! assert_eq!(t.utc.to_rfc3339(), "2020-01-03T12:44:00+00:00");
//! assert_eq!(t.zone, "Europe/London");
//! assert_eq!(t.rule, Form::DayMonthYearTime);
//! assert_eq!(t.rule.as_str(), "day-month-year-time");
//! # Ok::<(), dateline_time::Error>(())
//! ```
//!
//! A DW live blog runs newest first, prints bare clocks in UTC and the date it started; its posts
//! after midnight belong to the next day:
//!
//! ```
//! use dateline_time::chrono::NaiveDate;
//! use dateline_time::{parse_stamp, resolve_sequence, Context, Inferred, Order, Tz, ZoneOrigin};
//!
//! let stamps: Vec<_> = ["00:17", "00:04", "23:56", "23:42"]
//!     .iter()
//!     .filter_map(|s| parse_stamp(s))
//!     .collect();
//! let ctx = Context::default()
//!     .with_page_date(NaiveDate::from_ymd_opt(2020, 1, 3).unwrap())
//!     .with_zone(Tz::UTC, ZoneOrigin::PageStatement { line: 23 });
//! let seq = resolve_sequence(&stamps, &ctx);
//! assert_eq!(seq.order, Order::NewestFirst);
//! let first = seq.times[0].as_ref().unwrap();
//! assert_eq!(first.utc.to_rfc3339(), "2020-01-04T00:17:00+00:00");
//! assert!(first.inferred.contains(&Inferred::Rollover(1)));
//! let last = seq.times[3].as_ref().unwrap();
//! assert_eq!(last.utc.to_rfc3339(), "2020-01-03T23:42:00+00:00");
//! ```
//!
//! # Expressions in running text
//!
//! A story's body says when things happened, not when it was written: "the bombing last night",
//! "Friday's attack", "since October", "at 1.12am local time". [`find_expressions`] reads each
//! against the post's own [`ReportContext`] (its time and zone, never the page's later update), in the
//! report's zone unless the expression states one, and **past-biased**, as news is: "Friday" in a
//! Saturday post is the day before, "in May" in a January post last May, a clock with no day the
//! last such time at or before the report. A sentence that looks ahead ("is set to", "will")
//! takes the coming day instead, with the past one kept in [`Expression::alternatives`]. "A day
//! later" counts from the previous expression in the text. "Local time" takes the zone of the
//! place named nearest before it ([`find_places`]). Recurrences ("each evening at 1830 UTC") have
//! no interval. Each [`Interval`] is half-open, `[start, end)`, with the [`Granularity`] the text
//! names; parts of days are 05-12 (morning), 12-18 (afternoon), 18-24 (evening), 18-06 (night).
//! What is not a date is left alone: `may` the verb, `51%`, `the 82nd`, a video's `03:42`.
//!
//! The second strike in the Independent's story of Friday 3 January 2020, 19:44 GMT, "is said to
//! have taken place at 1.12am local time": 01:12 in Baghdad that Friday, or the coming night?
//!
//! ```
//! use dateline_time::chrono::{TimeZone, Utc};
//! use dateline_time::{find_expressions, ExpressionRule, NoteCode, ReportContext, Tz, ZoneOrigin};
//!
//! let report = ReportContext::new(Utc.with_ymd_and_hms(2020, 1, 3, 19, 44, 0).unwrap(), Tz::Europe__London);
//! let text = "The airstrike north of Baghdad is said to have taken place at 1.12am local time.";
//! let found = find_expressions(text, &report);
//! let strike = &found[0];
//! assert_eq!(strike.text, "at 1.12am local time");
//! assert_eq!(strike.rule, ExpressionRule::ClockLocalTime);
//! assert_eq!(strike.origin, ZoneOrigin::Gazetteer { place: "Baghdad".into() });
//! let t = strike.interval.unwrap();
//! assert_eq!(t.start.to_rfc3339(), "2020-01-02T22:12:00+00:00");
//! // The night after the dateline is kept, and the note says why.
//! assert_eq!(strike.alternatives[0].start.to_rfc3339(), "2020-01-03T22:12:00+00:00");
//! assert!(strike.notes.iter().any(|n| n.code == NoteCode::ClockDayUncertain));
//!
//! let night = &find_expressions("since the bombing last night", &report)[0];
//! let t = night.interval.unwrap();
//! assert_eq!((t.start.to_rfc3339(), t.end.to_rfc3339()),
//!            ("2020-01-02T18:00:00+00:00".into(), "2020-01-03T06:00:00+00:00".into()));
//! ```
//!
//! # Zones and places
//!
//! Four abbreviations have more than one reading: `IST` (India, Ireland, Israel), `CST` (US
//! Central, China), `BST` (British Summer Time, Bangladesh), `AST` (Atlantic, Arabia). The
//! stamp's own second reading settles it when exactly one reading agrees with it
//! (`0846 IST (0316 GMT)` is India's); else the outlet's country ([`Context::country`]); else the
//! page: the unambiguous zones of its other stamps in [`resolve_sequence`] (`GMT` in winter
//! and `BST` in summer is a British page, `GMT+6` a Bangladeshi one, `HKT` makes `CST` China's),
//! then the page's own zone ([`Context::zone`]); else a default, the reading English-language
//! news uses most (India, US Central, British Summer Time, Atlantic). Every choice carries an
//! info note `zone-ambiguous` saying which reading and why; a reading out of season (`BST` in
//! January) also gets the `abbreviation-season` warning, naming the reading that is in force.
//!
//! "Local time" with a place takes the place's zone from a gazetteer compiled into the crate:
//! every country's capital and every city of 100,000 inhabitants or more, about 6,300 places,
//! from [GeoNames](https://www.geonames.org/) (CC BY 4.0), with the English spellings news uses
//! (`Kyiv`/`Kiev`, `Mumbai`/`Bombay`). [`place`] looks a name up regardless of case, diacritics
//! and punctuation (`Sao Paulo` finds `São Paulo`); [`find_places`] finds capitalised names in
//! running text, longest first (`New York` before `York`), leaving names that are also common
//! words or people's names (`Reading`, `Nice`, `Austin`) to where a preposition marks them as
//! places ("in Nice"). When several places share a name, the most populous wins unless a capital
//! has at least a quarter of its population; [`place_candidates`] lists them all.
//!
//! # Features
//!
//! `serde`: every public type implements `serde::Serialize` (what `dateline time --format json`
//! prints). Names are kebab-case (`"form": "day-month-year-time"`), instants RFC 3339, zones IANA
//! names, spans `{"start", "end"}`, enums with data tagged by `kind` (`{"kind": "stated",
//! "label": "EST"}`, `{"kind": "rollover", "value": 1}`), a sequence's results `{"ok": ...}` or
//! `{"error": "message"}` and its notes with their `index`. [`Precision`], [`Interval`],
//! [`Granularity`] and [`ExpressionKind`] also deserialise: they are the types of dateline's JSON
//! contract too, which `dateline-model` re-exports.
//!
//! `schema`: `schemars::JsonSchema` for those four, for the model's JSON Schema.
//!
//! # Names and types
//!
//! The chrono types in the signatures are chrono's own, and the crate is re-exported as
//! [`chrono`] (with chrono-tz's [`Tz`]), so a user needs no chrono dependency, nor one of the same
//! version. The rule that read a stamp ([`Resolved::rule`], a [`Form`]) or an expression
//! ([`ExpressionRule`]), a note's [`NoteCode`] and an error's [`ErrorKind`] are `#[non_exhaustive]`
//! enums to match on; `as_str()` and `Display` give
//! the kebab-case names dateline prints and serialises (`day-month-year-time`, `zone-disagrees`).
//!
//! # Design
//!
//! A page's stamps are resolved **together**, not one by one against a reference instant: the
//! date of `00:04` on a live blog depends on the `23:56` below it, not on when the page was saved.
//! And nothing is silently guessed. Every [`Resolved`] says which rule read the stamp
//! ([`Resolved::rule`]), where its zone came from ([`ZoneOrigin`]: stated in the stamp, a page
//! statement, the outlet's default, a place in the gazetteer, the caller, or assumed), what was inferred ([`Inferred`]: the
//! page's date, a midnight rollover, the year, a daylight-saving choice), and carries [`Note`]s
//! for what a person should check (an `EST` printed in July, two readings that disagree, a
//! weekday that does not match the date). A local time in a daylight-saving gap or overlap goes
//! through an explicit [`DstPolicy`], unless the printed abbreviation settles it (`01:30 EST` on
//! the night New York's clocks go back is the second 01:30). Stamps that cannot be resolved give an [`Error`] naming the
//! text, of a kind to match on ([`Error::kind`]), while the rest of the sequence still resolves.
//!
//! The crate does no I/O and never reads the system clock: the page's date and its capture time
//! are always the caller's ([`Context::page_date`], [`Context::now`]).
//!
//! # Performance
//!
//! Speed is measured by benchmarks only, never by timed assertions in tests: `cargo xtask bench`
//! runs `benches/stamps.rs` (divan) in release over the five seed pages (58,816 bytes, 128 stamps).
//! On the development VM (2 shared cores), the rules compile once, on first use, in about 22 ms;
//! then [`find_stamps`] over every line of the seeds takes a median 1.0 ms, **about 59 MB/s and
//! 128,000 stamps a second**, and finding and [`resolve`]-ing them about 56 MB/s and 121,000 stamps
//! a second (resolving alone runs at about 7 million stamps a second; scanning is the cost).
//! [`resolve_sequence`] resolves the DW live blog's 102 stamps in 48 µs. Prose-heavy articles scan
//! at about 100 MB/s, the DW live blog, a stamp every few lines, at about 50 MB/s. The table is in
//! `docs/performance.md`.
//!
//! # Tests
//!
//! The tests pin the behaviour down: every form to the exact minute (`tests/forms.rs`), a table of
//! real-world forms from outlets in thirty countries (`tests/cases.txt`, over 450 rows, with the
//! daylight-saving edges of London, New York and Sydney), instants rendered in every layout and
//! zone and read back, on every change of offset (`tests/roundtrip.rs`) and for random instants
//! with random text that must never panic (`tests/properties.rs`, proptest), the seeds' ground truth
//! (`tests/pages.rs`) and a snapshot of every stamp in every seed (`tests/seeds.rs`). Expressions
//! in running text have their own table, mostly the seeds' own sentences, with the rejections,
//! the notes and a snapshot of every expression in every seed (`tests/expressions.rs`).
#![deny(missing_docs)]

mod expr;
mod found;
mod gate;
mod gazetteer;
mod names;
mod persian;
mod relative;
mod resolve;
mod rx;
mod scan;
mod sequence;
mod types;
mod zones;

/// The chrono crate this one is built on, whose types are in its signatures (`NaiveDate`,
/// `NaiveTime`, `DateTime<Utc>`, `FixedOffset`, `Weekday`, `Duration`): a caller needs no chrono
/// dependency of its own, nor one of the same version.
pub use chrono;
pub use chrono_tz::Tz;
pub use expr::{Expression, ExpressionKind, ExpressionRule, Granularity, Interval, ReportContext};
pub use found::{Found, Reading, find_times};
pub use gazetteer::{Place, find_places, place, place_candidates};
pub use types::{
    Anchor, Context, DstPolicy, Error, ErrorKind, Form, Inferred, Note, NoteCode, Order,
    PartialDate, Precision, Relative, Resolved, Sequence, Stamp, ZoneHint, ZoneLabel, ZoneOrigin,
    ZoneStatementMatch,
};

/// Finds every timestamp in `text`, in order, with byte spans into `text`.
///
/// Overlapping readings are settled in favour of the longest, so `3 January 2020 12:44` is one
/// stamp, not a date and a clock. Glued text is normal: in `Jon Sharman3 January 2020 12:44` the
/// stamp starts at `3`.
pub fn find_stamps(text: &str) -> Vec<Stamp> {
    scan::find_stamps(text)
}

/// Finds the first timestamp in `text`.
pub fn find_stamp(text: &str) -> Option<Stamp> {
    find_stamps(text).into_iter().next()
}

/// Reads `text` (trimmed of whitespace, including no-break spaces) as exactly one timestamp.
///
/// The span is into `text` as given.
pub fn parse_stamp(text: &str) -> Option<Stamp> {
    scan::parse_stamp(text)
}

/// Reads a bare dotted clock (`16.42`) as a clock, for a caller that has seen it stand where a
/// clock stands: at the head of each post of a run (`16.42 The ministry said ...`). Found in
/// running text, a dotted number with no am/pm, `Uhr` or zone is a decimal (`12.50`), so
/// [`find_stamps`] and [`parse_stamp`] leave it alone; this reads it when the page's shape has
/// said otherwise.
///
/// ```
/// use dateline_time::{dotted_clock, parse_stamp};
///
/// let stamp = dotted_clock("16.42").expect("a clock");
/// assert_eq!(stamp.text, "16.42");
/// assert_eq!(stamp.time.map(|t| t.to_string()), Some("16:42:00".to_owned()));
/// assert!(parse_stamp("16.42").is_none());
/// assert!(dotted_clock("25.10").is_none());
/// assert!(dotted_clock("3.5").is_none());
/// ```
pub fn dotted_clock(text: &str) -> Option<Stamp> {
    let trimmed = text.trim();
    let (h, m) = trimmed.split_once('.')?;
    let digits = |s: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    if !digits(h, 1..=2) || !digits(m, 2..=2) {
        return None;
    }
    let mut stamp = parse_stamp(&format!("{h}:{m}"))?;
    let offset = text.len() - text.trim_start().len();
    stamp.text = trimmed.to_owned();
    stamp.span = offset..offset + trimmed.len();
    Some(stamp)
}

/// Recognises a page's statement of the zone its times are in, such as
/// `All updates in Coordinated Universal Time (UTC)`, `All times BST` or `Times in ET`.
pub fn zone_statement(line: &str) -> Option<ZoneStatementMatch> {
    zones::zone_statement(line)
}

/// Resolves one stamp to an instant.
///
/// The stamp's own zone beats the context's; a stamp without a date takes the page date, one
/// without a year takes the year that puts it nearest the page date.
pub fn resolve(stamp: &Stamp, ctx: &Context) -> Result<Resolved, Error> {
    resolve::resolve(stamp, ctx)
}

/// Resolves a page's stamps together, in page order.
///
/// See the crate documentation for the rules: order by majority of neighbouring steps, dates
/// carried from the [`Anchor`] end, a backwards step of more than 12 hours is a midnight rollover,
/// a smaller one is reported as `out-of-order`. Each result's [`Resolved::inferred`] says where
/// the date came from: [`Inferred::DateFromPage`] or [`Inferred::DateFromStamp`], then any
/// [`Inferred::Rollover`].
///
/// The 12-hour rule has a known blind spot: two neighbouring posts on either side of midnight more
/// than 12 hours apart (22:00, then 11:00 the next morning) read as the same day; the step is then
/// reported as `out-of-order`, never silently accepted. A stamp that cannot be resolved is an
/// `Err` in its slot; the others still resolve.
pub fn resolve_sequence(stamps: &[Stamp], ctx: &Context) -> Sequence {
    sequence::resolve_sequence(stamps, ctx)
}

/// Finds the time expressions in a post's running text ("last night", "on Friday",
/// "1.12am local time", "since October") and reads each against the post's own time and zone.
///
/// News is past-biased: a weekday or month with no other word is the most recent one on or
/// before the report ("Friday" in a Saturday post is the day before), unless the sentence looks
/// ahead ("is set to", "will"); a clock with no day is the last such time at or before the
/// report, with a reading up to 12 hours after it kept in [`Expression::alternatives`]. "a day
/// later" counts from the previous expression in the text. Every choice is in
/// [`Expression::notes`].
pub fn find_expressions(text: &str, report: &ReportContext) -> Vec<Expression> {
    expr::find_expressions(text, report)
}

/// The weekday a word names, in any language whose weekdays dateline reads (`Monday`, `Mon.`,
/// `lunes`, `Dienstag`, `venerdì`, `понедельник`, `الاثنين`), or `None`.
///
/// ```
/// use dateline_time::chrono::Weekday;
/// use dateline_time::weekday_named;
///
/// assert_eq!(weekday_named("Monday"), Some(Weekday::Mon));
/// assert_eq!(weekday_named("miércoles"), Some(Weekday::Wed));
/// assert_eq!(weekday_named("Montana"), None);
/// ```
pub fn weekday_named(word: &str) -> Option<chrono::Weekday> {
    scan::any_weekday(word)
}

/// Compiles the rules now instead of on first use.
///
/// Each rule is compiled the first time a text needs it, so a short text never pays for the
/// rules it does not need. A program that is about to read pages and has a core to spare can
/// call this on another thread first: the two compile the rules between them, and no result
/// changes. Calling it more than once, or from several threads, is harmless. The two rules
/// that read dates with the month names of the twenty languages beyond the first seven
/// (`5 ноября 2021`, `2020. március 27.`) are still compiled on first use, as only a page with
/// such a name needs them.
pub fn prepare() {
    scan::prepare();
    expr::prepare();
}

/// The README's example, compiled and run as a doctest so that it stays true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
