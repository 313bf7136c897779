//! Recognising stamps in text.
//!
//! Each rule is one regex for one [`Form`] (a form may have several rules). All of them run over
//! the text; a candidate is kept when its fields are a real clock and a plausible calendar day, and
//! its edges do not cut into a number or a word. Among overlapping candidates the longest wins
//! (`3 January 2020 12:44` over the `12:44` inside it), then the earlier rule.
//!
//! Scanning checks only what the text alone can tell (`25:61` is no clock, `13:00 p.m.` no time);
//! whether `31 February` exists is for resolution, which can name the text in its error. What the
//! text cannot tell is left open for resolution too: a numeric date both of whose first fields
//! could be the month (`03/01/2020`) carries its day-first reading, and [`numeric_reading`] gives
//! the one the outlet's country implies, with a note.

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::{LazyLock, OnceLock};

use chrono::{Datelike, FixedOffset, NaiveTime};

use crate::rx::{self, Captures, G, Match, Rx};

use crate::gate::{self, Needs};
use crate::names;
use crate::types::{Form, PartialDate, Precision, Relative, Stamp, ZoneLabel};
use crate::zones::abbreviations;

mod readings;
mod words;

use readings::OPEN_ORDER;
pub(crate) use readings::{clock_suffix_note, listopad_reading, numeric_reading};
pub(crate) use words::any_weekday;
use words::{
    Alt, clock_weekday, clock_weekdays, month_iberian, month_intl, month_intl_full, month_number,
    month_pattern, weekday, weekday_de, weekday_iberian, weekday_intl, weekday_pattern,
    world_month,
};

/// Horizontal whitespace, including U+00A0 and other Unicode spaces; never a line break.
/// (Spelled out: the negated class `[^\S\r\n]` is the same set but makes the rules far slower
/// to compile.)
const S: &str = r"[\t \x{a0}\x{1680}\x{2000}-\x{200a}\x{202f}\x{205f}\x{3000}]";

/// A clock: `12:44`, `12:44:05`, `3.09pm`, `12:31 p.m.`.
const TIME: &str = r"(?P<h>[0-9]{1,2})(?P<sep>[:.])(?P<mi>[0-9]{2})(?::(?P<s>[0-9]{2}))?(?:[\t \x{a0}\x{202f}]*(?P<ap>[ap])\.?[\t \x{a0}\x{202f}]?m(?-u:\b)\.?)?";

/// [`TIME`] with any digit of [`ND`] (`٠٢:٠٠`), for the rules that read a clock with the digits
/// of Arabic and Persian pages too.
const TIME_ND: &str = r"(?P<h>[0-9\x{660}-\x{669}\x{6f0}-\x{6f9}]{1,2})(?P<sep>[:.])(?P<mi>[0-9\x{660}-\x{669}\x{6f0}-\x{6f9}]{2})(?::(?P<s>[0-9\x{660}-\x{669}\x{6f0}-\x{6f9}]{2}))?(?:[\t \x{a0}\x{202f}]*(?P<ap>[ap])\.?[\t \x{a0}\x{202f}]?m(?-u:\b)\.?)?";

/// Chinese, Japanese and Korean morning and afternoon words before a clock (`上午` is am, and
/// so are `午前` and `오전`). [`DATED_TIME`] spells them out too, as a constant can hold no
/// other; a test checks that it holds these.
const CJK_HALF_DAY: &str = "上午|下午|午前|午後|오전|오후";

/// A clock after a date, where French `13h44` and `13 h 44`, German `13:44 Uhr` and Spanish
/// `13:44 h` are also clearly times, and a Chinese, Japanese or Korean morning or afternoon word
/// may stand before it (`2023.03.12. 오후 2:05`, `2023/03/12 下午2:05`).
const DATED_TIME: &str = r"(?:(?P<cjk>上午|下午|午前|午後|오전|오후)[\t \x{a0}\x{202f}]*)?(?P<h>[0-9]{1,2})(?P<sep>[:.h]|[\t \x{a0}\x{202f}]h[\t \x{a0}\x{202f}])(?P<mi>[0-9]{2})(?::(?P<s>[0-9]{2}))?(?:[\t \x{a0}\x{202f}]*(?P<ap>[ap])\.?[\t \x{a0}\x{202f}]?m(?-u:\b)\.?|[\t \x{a0}\x{202f}]*(?P<uhr>(?-i:Uhr)|h|hrs|hs|horas)(?-u:\b))?";

/// Between a date and its clock: `, `, ` at `, ` / `, ` | `, ` • `, ` - `, ` — `, Arabic `، `,
/// `, à `, ` um `, ` alle `, ` alle ore `, ` ore `, ` om `, ` às `, ` a las `, ` a les `, the
/// Nordic ` kl. ` and Finnish ` klo `, Turkish ` saat `, Russian and Ukrainian ` в `/` о `,
/// Polish ` o `/` godz. `, Czech ` v `, Croatian, Serbian and Bosnian ` u `, Slovene ` ob `,
/// Romanian ` ora `, Indonesian ` pukul `, Greek ` στις `, Arabic ` الساعة `, or nothing at all
/// after a year (`January 3, 20207:44 AM ET`, as NPR's pages come out as text).
const DATE_TIME_SEP: &str = r"(?:(?:[\t \x{a0}\x{202f}]*[,/|\x{2022}\x{b7}\x{2013}\x{2014}\x{60c}\-][\t \x{a0}\x{202f}]*|[\t \x{a0}\x{202f}]+)(?:(?:at|um|alle(?:[\t \x{a0}\x{202f}]+ore)?|ore|om|@|\x{e0}s?|a[\t \x{a0}\x{202f}]+l[ae]s?|kl\.?|klo|saat|\x{432}|\x{43e}|o|godz\.|v|u|ob|ora|pukul|\x{3c3}\x{3c4}\x{3b9}\x{3c2}|\x{627}\x{644}\x{633}\x{627}\x{639}\x{629})[\t \x{a0}\x{202f}]+)?)";

/// A letter of a word that [`crate::names`] may read as a month or a weekday: ASCII, Latin-1 and
/// Latin Extended-A and -B, combining marks, Greek, Cyrillic, Arabic and Persian letters with
/// their marks (not their digits), and Devanagari's and Thai letters and signs (not their
/// dandas or digits).
/// Case-sensitive, as it holds both cases; no word boundary is needed around it, as the rules put
/// spaces, digits or punctuation on either side.
const LETTER: &str = r"(?-i:[a-zA-Z\x{c0}-\x{d6}\x{d8}-\x{f6}\x{f8}-\x{24f}\x{300}-\x{36f}\x{370}-\x{3ff}\x{400}-\x{52f}\x{620}-\x{65f}\x{66e}-\x{6d3}\x{900}-\x{963}\x{970}-\x{97f}\x{e01}-\x{e3a}\x{e40}-\x{e4e}])";

/// A digit: ASCII, Arabic-Indic (`٠`-`٩`) or Persian (`۰`-`۹`), for the rules that read
/// [`crate::names`] ([`digits`] reads them).
const ND: &str = r"[0-9\x{660}-\x{669}\x{6f0}-\x{6f9}]";

/// The clock after a date read by [`crate::names`]: [`DATED_TIME`] with any digit of [`ND`], and
/// the am/pm words of those languages (Arabic `ص`/`صباحاً` and `م`/`مساءً`, Greek `π.μ.`/`πμ`
/// and `μ.μ.`/`μμ`) in the group `apw`.
const WORLD_TIME: &str = r"(?P<h>[0-9\x{660}-\x{669}\x{6f0}-\x{6f9}]{1,2})(?P<sep>[:.h]|[\t \x{a0}\x{202f}]h[\t \x{a0}\x{202f}])(?P<mi>[0-9\x{660}-\x{669}\x{6f0}-\x{6f9}]{2})(?::(?P<s>[0-9\x{660}-\x{669}\x{6f0}-\x{6f9}]{2}))?(?:[\t \x{a0}\x{202f}]*(?P<ap>[ap])\.?[\t \x{a0}\x{202f}]?m(?-u:\b)\.?|[\t \x{a0}\x{202f}]*(?P<apw>\x{635}\x{628}\x{627}\x{62d}\x{627}\x{64b}?|\x{635}|\x{645}\x{633}\x{627}\x{621}\x{64b}?|\x{645}|\x{3c0}\.?[\t \x{a0}]?\x{3bc}\.?|\x{3bc}\.?[\t \x{a0}]?\x{3bc}\.?|(?:pagi|petang|ptg|malam|tengah[\t \x{a0}]?hari)(?-u:\b))|[\t \x{a0}\x{202f}]*(?P<uhr>(?-i:Uhr)|h|hrs|hs|horas)(?-u:\b))?";

/// A zone group named `name`: an abbreviation (case-sensitive) or a numeric offset.
fn zone(name: &str, parens: bool, alt: Alt) -> String {
    let inner = format!(
        r"(?-i:(?P<{name}>(?:GMT|UTC){S}?[+-][0-9]{{1,2}}(?::?[0-9]{{2}})?|[+-][0-9]{{2}}:?[0-9]{{2}}|[+-][0-9]{{2}}(?-u:\b)|{}(?-u:\b)))",
        alt(&abbreviations())
    );
    if parens {
        format!(r"(?:\({S}*)?{inner}(?:{S}*\))?")
    } else {
        inner
    }
}

struct Rule {
    form: Form,
    /// What a line needs for the rule to match on it (see [`crate::gate`]).
    needs: Needs,
    /// The rule's pattern without the zone that may end it (see [`ZoneAfter`]).
    pattern: String,
    /// Whether a zone may follow the match of `pattern`.
    zone_after: Option<ZoneAfter>,
    /// Whether [`prepare`] compiles the rule ahead of use: not the rules of forms few pages print
    /// (a rule of `names.rs`, a clock before a numeric date, a month first in Spanish).
    eager: bool,
    /// Whether the rule reads a form few pages print: one of the rules after all the others,
    /// which a line without any of their words or shapes skips at once ([`RARE_NEEDS`]).
    rare: bool,
    /// The compiled `pattern`, on first use: a text that never needs a rule never pays for it.
    re: OnceLock<Option<Rx>>,
    /// The pattern as written, with its zone, which the tests compare the rule with.
    #[cfg(test)]
    written: String,
}

/// Where a rule's pattern, as written, ends with an optional zone (`(?:{S}*{z})?`): right after
/// the rest, or at the end of an optional clock that ends it (`(?:{sep}{dated}(?:{S}*{z})?)?`).
///
/// Eighteen rules end so. Each compiled with its own copy of the zone (every abbreviation of
/// `zones.rs`), the copies were about a sixth of the time to compile the stamp rules; so the
/// zone is cut from those patterns and compiled once, as [`ZONE`], and looked for where a
/// rule's match ends ([`Rule::captures_at`]). That is the same match as the pattern as written:
/// a leftmost-first search takes the earlier choices of a pattern before the later ones, and the
/// zone, optional, comes last (a test compares the two on the seeds, the fixtures and the
/// table of forms).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ZoneAfter {
    /// After every match.
    Always,
    /// After a match with a clock ([`G::H`]), as the zone is inside the optional clock.
    Clock,
}

impl Rule {
    fn re(&self) -> Option<&Rx> {
        self.re.get_or_init(|| Rx::new(&self.pattern)).as_ref()
    }

    /// The rule's leftmost-first match in `hay` at or after `at` ([`Rx::captures_at`]), with
    /// the zone that follows it when the rule reads one there ([`ZoneAfter`]).
    #[cfg(test)]
    fn captures_at<'h>(&'h self, hay: &'h str, at: usize) -> Option<Captures<'h>> {
        let caps = self.re()?.captures_at(hay, at)?;
        self.with_zone(hay, caps)
    }

    /// [`Rule::captures_at`] for the match found at `span` ([`Rx::find_at`]).
    fn captures_on<'h>(&'h self, hay: &'h str, span: Range<usize>) -> Option<Captures<'h>> {
        let caps = self.re()?.captures_on(hay, span)?;
        self.with_zone(hay, caps)
    }

    /// Whether the stamps of this rule start where its matches do: [`build`] moves a stamp's
    /// start only to group `nm`, to `hhmm` after `prep`, or past a weekday (`wwd`, `wd2`) it
    /// drops, and a rule without these groups has none of them.
    fn starts_at_match(&self) -> bool {
        self.re()
            .is_some_and(|re| ![G::Nm, G::Prep, G::Wwd, G::Wd2].iter().any(|&g| re.has(g)))
    }

    /// [`Rule::captures_at`] for a match that starts exactly at `at` ([`Rx::captures_from`]).
    fn captures_from<'h>(&'h self, hay: &'h str, at: usize) -> Option<Captures<'h>> {
        let caps = self.re()?.captures_from(hay, at)?;
        self.with_zone(hay, caps)
    }

    /// `caps`, extended by the zone that follows it when the rule reads one there.
    fn with_zone<'h>(&self, hay: &'h str, caps: Captures<'h>) -> Option<Captures<'h>> {
        let zone = match self.zone_after {
            Some(ZoneAfter::Always) => true,
            Some(ZoneAfter::Clock) => caps.name(G::H).is_some(),
            None => false,
        };
        let end = caps.get(0)?.end();
        match zone.then(|| zone_after(hay, end)).flatten() {
            Some((span, end)) => Some(caps.extend(G::Zone, span, end)),
            None => Some(caps),
        }
    }
}

/// The zone that may end a rule ([`ZoneAfter`]): spaces, then a zone, in parentheses or not
/// (`{S}*{z}` in [`rules`]), compiled once for every rule that ends with it.
static ZONE: LazyLock<Option<Rx>> =
    LazyLock::new(|| Rx::new(&format!("(?i){S}*{}", zone("zone", true, rx::alternation))));

/// The zone of [`ZONE`] that starts at `at`, if one does: its span (without the spaces and
/// parentheses around it) and the end of the match.
fn zone_after(hay: &str, at: usize) -> Option<(std::ops::Range<usize>, usize)> {
    let rest = hay.get(at..)?;
    // A zone starts with a capital, a sign or a parenthesis: most matches end where none does.
    let first = rest.trim_start_matches(is_space).bytes().next()?;
    if !(first.is_ascii_uppercase() || matches!(first, b'+' | b'-' | b'(')) {
        return None;
    }
    let end = ZONE.as_ref()?.end_from(hay, at)?;
    let text = hay.get(at..end)?;
    let mut start = at + (text.len() - text.trim_start_matches(is_space).len());
    if hay.get(start..end)?.starts_with('(') {
        let inner = hay.get(start + 1..end)?;
        start += 1 + (inner.len() - inner.trim_start_matches(is_space).len());
    }
    let mut zone_end = end;
    if text.ends_with(')') {
        zone_end = start + hay.get(start..end - 1)?.trim_end_matches(is_space).len();
    }
    Some((start..zone_end, end))
}

/// `pattern` without the optional zone that ends it, `zone` (see [`ZoneAfter`]), and where the
/// zone was.
fn cut_zone(pattern: &str, zone: &str) -> (String, Option<ZoneAfter>) {
    if let Some(head) = pattern.strip_suffix(zone) {
        return (head.to_owned(), Some(ZoneAfter::Always));
    }
    for close in [")?", "|)"] {
        if let Some(head) = pattern
            .strip_suffix(close)
            .and_then(|p| p.strip_suffix(zone))
        {
            return (format!("{head}{close}"), Some(ZoneAfter::Clock));
        }
    }
    (pattern.to_owned(), None)
}

fn rules() -> Vec<Rule> {
    rules_with(rx::alternation)
}

/// The rules, their alternations of names written by `alt`.
fn rules_with(alt: Alt) -> Vec<Rule> {
    let weekday = weekday_pattern(alt);
    let month = month_pattern(alt);
    let weekday_intl = weekday_intl(alt);
    let month_intl = month_intl(alt);
    let month_intl_full = month_intl_full(alt);
    let weekday_iberian = weekday_iberian(alt);
    let month_iberian = month_iberian(alt);
    let wd = format!("(?:{weekday}{S}+)?");
    // Day-first dates are read in the other languages too.
    let wd_intl = format!("(?:{weekday_intl}{S}+)?");
    // Before a numeric date, also German `Mo` ... `So` (`Mi 24.04.24`), kept only before a dotted
    // one (see `build`).
    let wd_numeric =
        format!("(?:(?:{weekday_intl}|(?-i:(?P<wd2>Mo|Di|Mi|Do|Fr|Sa|So))\\.?,?){S}+)?");
    // A word in the place of a month or a weekday, read by `crate::names`.
    // Thai abbreviations join their letters with dots (`มี.ค.`, March).
    let word = format!(
        r"{LETTER}+(?:['\x{{2019}}\x{{2bc}}]{LETTER}+|(?:\.[\x{{e01}}-\x{{e3a}}\x{{e40}}-\x{{e4e}}]+)+)?"
    );
    let world_time = WORLD_TIME;
    // A day's ordinal: English `3rd`, French `1er`, Spanish and Portuguese `1º`, German `30.`.
    let ordinal = r"(?:st|nd|rd|th|er|\x{ba}|\.)?";
    // Between the day, the month and the year: English `of`, Spanish and Portuguese `de`.
    let of = format!("(?:(?:of|de){S}+)?");
    let time = TIME;
    let time_nd = TIME_ND;
    // A CJK clock: `21:44`, `21時44分`, `7時0分` (a minute of one figure only before `分`), with
    // seconds (`20:19:00`, `21時44分30秒`), after `午後` and the like.
    let cjk_half = CJK_HALF_DAY;
    let cjk_clock = format!(
        r"(?P<cjk>{cjk_half})?{S}*(?P<h>[0-9]{{1,2}}){S}*(?:[:：]|時|时|시){S}*(?P<mi>[0-9]{{1,2}})(?:(?:[:：]|{S}*(?:分|분){S}*)(?P<s>[0-9]{{2}})(?:{S}*(?:秒|초))?|{S}*(?:分|분))?"
    );
    let dated = DATED_TIME;
    // The same with any digit of `ND` (a numeric date in Arabic-Indic digits, then its clock).
    let dated_nd = DATED_TIME.replace("[0-9]", ND);
    // A numeric date, day or month first: its fields with any digit of `ND`, a slash with spaces
    // around it or not, a dot or a dash without (which `build` checks); the year ends a number,
    // which `(?-u:\b)` sees after ASCII digits and `edges_ok` after the others.
    let numeric_date = format!(
        r"(?P<n1>{ND}{{1,2}}){S}*(?P<s1>[/.\-]){S}*(?P<n2>{ND}{{1,2}}){S}*(?P<s2>[/.\-]){S}*(?P<y>[0-9]{{4}}(?-u:\b)|[0-9]{{2}}(?-u:\b)|[\x{{660}}-\x{{669}}\x{{6f0}}-\x{{6f9}}]{{4}}|[\x{{660}}-\x{{669}}\x{{6f0}}-\x{{6f9}}]{{2}})"
    );
    let sep = DATE_TIME_SEP;
    // Between a clock and the date after it: `, `, ` on `, ` · ` (as embedded posts print it).
    let time_sep = format!(r"(?:{S}*[,\x{{b7}}\x{{2022}}|][{S}]*|{S}+)(?:on{S}+)?");
    let z = zone("zone", true, alt);
    let plain_z = zone("zone", false, alt);
    let z2 = zone("zone2", false, alt);
    // A year, then either nothing more or a clock (after a separator, or glued on).
    let year_then_time = format!(r"(?P<y>[0-9]{{4}})(?:(?:(?-u:\b){sep}|){dated}(?:{S}*{z})?|)");
    // (A year glued to the next word, as in `January 3, 2020UPDATED:`, is left to `edges_ok`,
    // which lets a capital through and stops a digit or a lower-case letter.)
    let specs: Vec<(Form, Needs, String)> = vec![
        (
            Form::Rfc2822,
            Needs(&[gate::MONTH, gate::CLOCK]),
            format!(
                r"(?:(?P<wd>mon|tue|wed|thu|fri|sat|sun),{S}*)?(?P<d>[0-9]{{1,2}}){S}+(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec){S}+(?P<y>[0-9]{{4}}){S}+(?P<h>[0-9]{{2}}):(?P<mi>[0-9]{{2}})(?::(?P<s>[0-9]{{2}}))?{S}+(?-i:(?P<zone>[+-][0-9]{{4}}|UT|GMT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|Z)(?-u:\b))"
            ),
        ),
        (
            Form::Iso8601,
            Needs(&[gate::DIGIT_SEP]),
            format!(
                r"(?P<y>[0-9]{{4}})-(?P<mo>[0-9]{{2}})-(?P<d>[0-9]{{2}})(?:(?:T|{S}+|{S}*[,|]{S}*)(?:(?P<cjk>{cjk_half}){S}*)?(?P<h>[0-9]{{1,2}}):(?P<mi>[0-9]{{2}})(?::(?P<s>[0-9]{{2}})(?:[.,][0-9]+)?)?(?:{S}*(?P<ap>[ap])\.?m(?-u:\b)\.?)?(?:(?P<iso_zone>Z|[+-][0-9]{{2}}(?::?[0-9]{{2}})?)|{S}*{z})?)?"
            ),
        ),
        // ISO 8601 basic format, only with its `T`: `20200103T124400Z`.
        (
            Form::Iso8601,
            Needs(&[gate::FOUR_DIGITS]),
            r"(?P<y>[0-9]{4})(?P<mo>[0-9]{2})(?P<d>[0-9]{2})T(?P<h>[0-9]{2})(?P<mi>[0-9]{2})(?P<s>[0-9]{2})?(?:[.,][0-9]+)?(?P<iso_zone>Z|[+-][0-9]{2}(?::?[0-9]{2})?)?".to_owned(),
        ),
        // RTHK prints the zone between the date and the clock: `2020-01-03 HKT 20:44`.
        (
            Form::Iso8601,
            Needs(&[gate::DIGIT_SEP]),
            format!(
                r"(?P<y>[0-9]{{4}})-(?P<mo>[0-9]{{2}})-(?P<d>[0-9]{{2}}){S}+{plain_z}{S}+(?P<h>[0-9]{{2}}):(?P<mi>[0-9]{{2}})"
            ),
        ),
        // Year first with slashes or dots (Japan, China, Korea, South Africa): `2020/01/03 21:44`,
        // `2020.01.03 21:44` (dotted only with two-digit fields: `2021.3.1` is a version), and
        // Hungarian `2020. 08. 18. 21:35`, with a space after each dot.
        (
            Form::Iso8601,
            Needs(&[gate::DIGIT_SEP]),
            format!(
                r"(?P<y>[0-9]{{4}})(?P<s1>[/.]|\. )(?P<mo>[0-9]{{1,2}})(?P<s2>[/.]|\. )(?P<d>[0-9]{{1,2}})(?-u:\b)(?:\.?{sep}{dated}(?:{S}*{z})?)?"
            ),
        ),
        // Japanese and Chinese `2020年1月3日 21時44分`, `2020年03月12日 20:19:00`, Korean
        // `2020년 1월 3일 오후 9:44`.
        (
            Form::Iso8601,
            Needs(&[gate::DIGIT, gate::CJK_YEAR]),
            format!(
                r"(?P<y>[0-9]{{4}}){S}*(?:年|년){S}*(?P<mo>[0-9]{{1,2}}){S}*(?:月|월){S}*(?P<d>[0-9]{{1,2}}){S}*(?:日|일)(?:{S}*[(（][^)）\n]{{1,3}}[)）])?(?:{S}*{cjk_clock})?"
            ),
        ),
        (
            Form::DayMonthYearTime,
            Needs(&[gate::FOUR_DIGITS, gate::MONTH_INTL]),
            format!(
                r"{wd_intl}(?P<d>[0-9]{{1,2}})(?:{ordinal}{S}+{of}|\.){month_intl}(?:{S}*,{S}*|{S}+|\.)(?:del?{S}+)?{year_then_time}"
            ),
        ),
        (
            Form::MonthDayYearTime,
            Needs(&[gate::FOUR_DIGITS, gate::MONTH]),
            format!(
                r"{wd}{month}{S}*(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)?(?:{S}*,{S}*|{S}+){year_then_time}"
            ),
        ),
        // A day and month with a clock but no year, or a two-digit one: `3 Jan, 15:44`,
        // `Jan 3, 3:44 PM ET`, `31. Januar, 15:13 Uhr`, `3 janvier à 14h30`, `27 Mar 20 à 9:21`
        // (no short foreign month without a year).
        (
            Form::DayMonthYearTime,
            Needs(&[gate::CLOCK, gate::MONTH_INTL]),
            format!(
                r"{wd_intl}(?P<d>[0-9]{{1,2}}){ordinal}{S}+{of}{month_intl_full}(?:{S}*,{S}*|{S}+)(?:(?P<y>[0-9]{{2}})(?-u:\b){sep}|(?:(?:at|um|alle|ore|\x{{e0}}s?|a{S}+las?|kl\.?|klo|saat|godz\.){S}+)?){dated}(?:{S}*{z})?"
            ),
        ),
        (
            Form::MonthDayYearTime,
            Needs(&[gate::CLOCK, gate::MONTH]),
            format!(
                r"{wd}{month}{S}*(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)?(?:{S}*,{S}*|{S}+)(?:at{S}+)?{dated}(?:{S}*{z})?"
            ),
        ),
        // Day first with a month of another language, read by `crate::names`: `5 ноября 2021, 07:15`,
        // `Четверг, 3 декабря 2020`, `الأربعاء، 07 أكتوبر 2020 - 12:09 م`, `19 sierpnia 2020, 5:16`,
        // `30 Ekim 2020 Cuma 18:28`, `21. juni/lipanj, 2020.`, `3 d'abril de 2020`.
        (
            Form::DayMonthYearTime,
            Needs(&[
                gate::FOUR_DIGITS | gate::NATIVE_DIGIT,
                gate::NAME_MONTH | gate::NAME_SHARED,
                gate::NAME_MONTH | gate::NAME_WEEKDAY,
            ]),
            format!(
                r"(?:(?P<wwd>{word})\.?[,\x{{60c}}]?{S}+)?(?P<d>{ND}{{1,2}})\.?{S}+(?:de{S}+|d['\x{{2019}}])?(?P<wmon>{word}(?:{S}[\x{{620}}-\x{{65f}}]+)?)(?:{S}*/{S}*(?P<wmon2>{word}))?\.?(?:{S}+de)?,?{S}+(?P<y>{ND}{{4}})(?:{S}*(?:\x{{433}}\.|\x{{433}}\x{{43e}}\x{{434}}\x{{430}}|\x{{440}}\.|\x{{440}}\x{{43e}}\x{{43a}}\x{{443}}|godine|god\.)|\.|\x{{645}})?(?:(?:{S}+(?P<wda>{word}))?{sep}{world_time}(?:{S}*{z})?)?"
            ),
        ),
        // Year first with a month of another language: Hungarian `2020. március 27., 14:05`,
        // Lithuanian `2020 m. spalio 26 d.`.
        (
            Form::YearMonthDayTime,
            Needs(&[gate::YEAR_DOT, gate::NAME_MONTH | gate::NAME_SHARED]),
            format!(
                r"(?P<y>[0-9]{{4}})(?:\.|{S}+m\.){S}+(?P<wmon>{word})\.?{S}+(?P<d>[0-9]{{1,2}})(?:\.|{S}+d\.)?(?:{sep}{world_time}(?:{S}*{z})?)?"
            ),
        ),
        // Numbers only, day or month first: `03/01/2020`, `03.01.2020 13:44 Uhr`, `01/03/20 07:44 AM`,
        // slashes with spaces (`1 / 12 / 2020`), Arabic-Indic and Persian digits.
        (
            Form::DayMonthYearTime,
            Needs(&[gate::DATE_SHAPE | gate::NATIVE_DIGIT]),
            format!(r"{wd_numeric}{numeric_date}(?:\.?{sep}{dated_nd}(?:{S}*{z})?)?"),
        ),
        (
            Form::TimeZoneMonthDayYear,
            Needs(&[gate::CLOCK, gate::MONTH]),
            format!(
                r"{time}(?:{S}*{z})?{time_sep}{wd}{month}{S}*(?P<d>[0-9]{{1,2}})(?-u:\b)(?:,?{S}+(?P<y>[0-9]{{4}})(?-u:\b))?"
            ),
        ),
        (
            Form::TimeZoneDayMonthYear,
            Needs(&[gate::CLOCK, gate::MONTH_INTL]),
            format!(
                r"{time}(?:{S}*{z})?{time_sep}{wd_intl}(?P<d>[0-9]{{1,2}}){ordinal}{S}+{of}{month_intl_full},?(?:{S}+(?:de{S}+)?(?P<y>[0-9]{{4}})(?-u:\b))?"
            ),
        ),
        (
            Form::CompactTimeZoneDate,
            Needs(&[gate::FOUR_DIGITS]),
            format!(
                r"(?P<hhmm>[0-9]{{4}}){S}*{plain_z}(?:{S}*\({S}*(?P<h2>[0-9]{{1,2}}):?(?P<m2>[0-9]{{2}}){S}*{z2}{S}*\))?(?:,?{S}+{month}{S}*(?P<d>[0-9]{{1,2}})(?-u:\b)(?:,?{S}+(?P<y>[0-9]{{4}})(?-u:\b))?)?"
            ),
        ),
        // `1830 hrs`, `1830hrs IST`: a four-digit clock its suffix marks as one.
        (
            Form::Clock,
            Needs(&[gate::FOUR_DIGITS, gate::HRS]),
            format!(
                r"(?:(?-u:\b)(?P<prep>at|by|from|until|till|before|after|around|about|since){S}+)?(?P<hhmm>[0-9]{{4}}){S}*(?P<hrs>hrs)(?-u:\b)\.?(?:{S}*{z})?"
            ),
        ),
        // `12:44`, `٠٢:٠٠`, `13.44 Uhr`, `07:46hrs` (`hrs`, `hs` or `h` after it, as Spanish pages
        // print it, glued or not).
        (
            Form::Clock,
            Needs(&[gate::CLOCK | gate::NATIVE_DIGIT]),
            format!(
                r"{time_nd}(?:{S}*(?P<uhr>(?-i:Uhr)|hrs|hs)(?-u:\b)|{S}*h(?-u:\b))?(?:{S}*{z})?"
            ),
        ),
        (
            Form::Clock,
            Needs(&[gate::AM_PM]),
            format!(r"(?P<h>[0-9]{{1,2}}){S}?(?P<ap>[ap])\.?{S}?m(?-u:\b)\.?(?:{S}*{z})?"),
        ),
        (
            Form::Ago,
            Needs(&[gate::AGO]),
            format!(
                r"(?-u:\b)(?P<n>[0-9]{{1,3}}|an?|one){S}*(?P<unit>seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|wks?|w)(?-u:\b){S}+ago(?-u:\b)"
            ),
        ),
        (
            Form::RelativeDayTime,
            Needs(&[gate::CLOCK, gate::YESTERDAY | gate::TODAY]),
            format!(r"(?-u:\b)(?P<rd>yesterday|today)(?-u:\b),?{S}+(?:at{S}+)?{time}(?:{S}*{z})?"),
        ),
        (
            Form::Clock,
            Needs(&[gate::NOON]),
            format!(
                r"(?-u:\b)(?:at|by|until|till|before|after|from|around|about|since|past){S}+(?P<nm>noon|midnight)(?-u:\b)(?:{S}*{z})?"
            ),
        ),
    ];
    // Rules for forms that few pages print, compiled on first use (see `prepare`), after the
    // others (a tie between two rules goes to the earlier).
    let rare: Vec<(Form, Needs, String)> = vec![
        // Solar Hijri: `۲۹ بهمن ۱۳۹۸ - ۰۶:۵۵`, `2 تير 1399 - 12:09:08 ب.ظ`, `۲۱ ارديبهشت ۱۳۹۹`
        // (the month read by `crate::persian`, `ق.ظ` and `ب.ظ` for am and pm).
        (
            Form::SolarHijri,
            Needs(&[gate::FOUR_DIGITS | gate::NATIVE_DIGIT, gate::NAME_MONTH]),
            format!(
                r"(?P<d>{ND}{{1,2}}){S}+(?P<pmon>[\x{{621}}-\x{{64a}}\x{{671}}-\x{{6d3}}\x{{200c}}]+){S}+(?P<y>{ND}{{4}})(?:(?:{S}*[,\x{{60c}}|\-\x{{2013}}]{S}*|{S}+)(?:\x{{633}}\x{{627}}\x{{639}}\x{{62a}}{S}+)?(?P<h>{ND}{{1,2}}):(?P<mi>{ND}{{2}})(?::(?P<s>{ND}{{2}}))?(?:{S}*(?P<fap>\x{{642}}\.?{S}?\x{{638}}|\x{{628}}\.?{S}?\x{{638}}))?)?"
            ),
        ),
        // A weekday in full and a clock, no date: `Monday 6:30PM`, `Tuesday 10:05`, `Friday at
        // 9.05pm BST`.
        (
            Form::RelativeDayTime,
            Needs(&[gate::CLOCK, gate::WEEKDAY]),
            format!(
                r"(?-u:\b)(?P<wdc>monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?-u:\b),?{S}+(?:at{S}+)?{time}(?:{S}*{z})?"
            ),
        ),
        // In the other languages: `Dienstag, 10:05 Uhr`, `mardi à 10h05`, `Четверг в 10:05`,
        // `fredag kl. 10.05` (the names of `WEEKDAYS_INTL`'s languages, Catalan and
        // `crate::names`, listed, so that no other word is a candidate).
        (
            Form::RelativeDayTime,
            Needs(&[
                gate::CLOCK | gate::NATIVE_DIGIT,
                gate::WEEKDAY_INTL | gate::NAME_WEEKDAY,
            ]),
            format!(
                r"(?P<wdc>(?:{weekdays})(?:-feira)?)\.?,?{S}+(?:(?:um|\x{{e0}}|alle|a{S}+las?|a{S}+les|om|\x{{e0}}s|\x{{432}}|\x{{43e}}|o|u|ob|kl\.?|klo|saat|\x{{3c3}}\x{{3c4}}\x{{3b9}}\x{{3c2}}|\x{{627}}\x{{644}}\x{{633}}\x{{627}}\x{{639}}\x{{629}}){S}+)?{world_time}(?:{S}*{z})?",
                weekdays = alt(&clock_weekdays()
                    .iter()
                    .map(String::as_str)
                    .collect::<Vec<_>>())
            ),
        ),
        // Relative in other languages, a word before: `hace 2 horas`, `há 2 horas`, `il y a 3
        // heures`, `vor 23 Minuten`, `vor einer Stunde`, `prije 28 minuta`, `před 2 hodinami`,
        // `acum 2 ore` (the unit and a number in words read by `crate::relative`).
        (
            Form::Ago,
            Needs(&[gate::AGO_INTL]),
            format!(
                r"(?P<pre>hace|h\x{{e1}}|il y a|vor|prije|p\x{{159}}ed|pred|acum){S}+(?:(?P<n>{ND}{{1,3}}|{word}){S}+)?(?P<unit>{word})\.?"
            ),
        ),
        // A word after: `2 saat önce`, `godzinę temu`, `5 минут назад`, `5 хвилин тому`, `2 uur
        // geleden`, `2 timmar sedan`, `2 timer siden`, `2 tuntia sitten`.
        (
            Form::Ago,
            Needs(&[gate::AGO_INTL]),
            format!(
                r"(?:(?P<n>{ND}{{1,3}}|{word}){S}+)?(?P<unit>{word})\.?{S}+(?P<post>(?:temu|geleden|sedan|siden|sitten|\x{{f6}}nce)(?-u:\b)|\x{{43d}}\x{{430}}\x{{437}}\x{{430}}\x{{434}}|\x{{442}}\x{{43e}}\x{{43c}}\x{{443}})"
            ),
        ),
        // Italian `3 ore fa`, `un'ora fa` (one space before `fa`, as the gate looks for it).
        (
            Form::Ago,
            Needs(&[gate::AGO_INTL]),
            format!(r"(?:(?P<n>{ND}{{1,3}}|{word}){S}+)?(?P<unit>{word}) (?P<post>fa)(?-u:\b)"),
        ),
        // Today and yesterday in other languages, with a clock: `сегодня в 05:46`, `вчера в
        // 16:19`, `сьогодні, 18:06`, `Dnes 9:44`, `hoy a las 10:05`, `heute, 10:05 Uhr`,
        // `aujourd'hui à 10h05`, `oggi alle 10:05`, `wczoraj 18:40`, `dün 18:40`.
        (
            Form::RelativeDayTime,
            Needs(&[gate::DAY_INTL, gate::CLOCK | gate::NATIVE_DIGIT]),
            format!(
                r"(?P<rdw>{days})(?:(?:{S}*,{S}*|{S}+)(?:(?:a{S}+las?|a{S}+les|\x{{e0}}s?|um|alle|om|o|\x{{432}}|\x{{43e}}|u|ob|la|kl\.?|klo|saat|\x{{3c3}}\x{{3c4}}\x{{3b9}}\x{{3c2}}|\x{{627}}\x{{644}}\x{{633}}\x{{627}}\x{{639}}\x{{629}}){S}+)?)?{world_time}(?:{S}*{z})?",
                days = alt(&crate::relative::day_words())
            ),
        ),
        // CJK month and day with a clock but no year: Japanese `2月15日（土）7時0分`.
        (
            Form::MonthDayYearTime,
            Needs(&[gate::CJK_MONTH, gate::CLOCK | gate::CJK_CLOCK]),
            format!(
                r"(?P<mo>[0-9]{{1,2}}){S}*(?:月|월){S}*(?P<d>[0-9]{{1,2}}){S}*(?:日|일)(?:{S}*[(（][^)）\n]{{1,3}}[)）])?{S}*{cjk_clock}"
            ),
        ),
        // A CJK clock alone: `7時0分`, `午後9時44分`, `9시 44분`.
        (
            Form::Clock,
            Needs(&[gate::CJK_CLOCK]),
            format!(
                r"(?P<cjk>{cjk_half})?{S}*(?P<h>[0-9]{{1,2}}){S}*(?:時|时|시){S}*(?P<mi>[0-9]{{1,2}}){S}*(?:分|분)(?:{S}*(?P<s>[0-9]{{2}}){S}*(?:秒|초))?"
            ),
        ),
        // French `0 h 23`, `14h30` alone (`Publié à 0 h 23`).
        (
            Form::Clock,
            Needs(&[gate::H_CLOCK]),
            format!(
                r"(?P<h>[0-9]{{1,2}})(?P<sep>h|[\t \x{{a0}}\x{{202f}}]h[\t \x{{a0}}\x{{202f}}])(?P<mi>[0-9]{{2}})(?-u:\b)(?:{S}*{z})?"
            ),
        ),
        // A clock, then a numeric date: `08:22, 24.11.2020`, `22:57 GMT 28.04.2020`, `GMT 17:27
        // 17.03.2020` (GMT or UTC before the clock), `٠٢:٠٠ الثلاثاء ١ / ١٢ / ٢٠٢٠` (a weekday
        // between them, in any language the stamps read).
        (
            Form::TimeZoneDayMonthYear,
            Needs(&[gate::CLOCK_THEN_DATE | gate::NATIVE_DIGIT]),
            format!(
                r"(?:(?-i:(?P<zpre>(?:GMT|UTC)(?:{S}?[+-][0-9]{{1,2}}(?::?[0-9]{{2}})?)?)){S}+)?{world_time}(?:{S}*{z})?(?:{S}*[,\x{{b7}}\x{{2022}}|\-\x{{2013}}\x{{2014}}]{S}*|{S}+)(?:(?P<wdt>{word})\.?[,\x{{60c}}]?{S}+)?{numeric_date}"
            ),
        ),
        // Spanish, Portuguese and Catalan month first: `Domingo, Diciembre 6, 2020 - 07:32`,
        // `octubre 7, 2020 | 7:09 am`, `Dilluns, Març 23, 2020`.
        (
            Form::MonthDayYearTime,
            Needs(&[gate::FOUR_DIGITS, gate::MONTH_IBERIAN]),
            format!(
                r"(?:{weekday_iberian}{S}+)?{month_iberian}{S}*(?P<d>[0-9]{{1,2}})(?:{S}*,{S}*|{S}+)(?:de{S}+)?{year_then_time}"
            ),
        ),
    ];
    let zone_last = format!("(?:{S}*{z})?");
    let eager = specs.len();
    specs
        .into_iter()
        .chain(rare)
        .enumerate()
        .map(|(i, (form, needs, pat))| {
            let (head, zone_after) = cut_zone(&pat, &zone_last);
            Rule {
                form,
                needs,
                pattern: format!("(?i){head}"),
                zone_after,
                eager: i < eager && !needs.names(),
                rare: i >= eager,
                re: OnceLock::new(),
                #[cfg(test)]
                written: format!("(?i){pat}"),
            }
        })
        .collect()
}

static RULES: LazyLock<Vec<Rule>> = LazyLock::new(rules);

/// The number of rules before those of rare forms, and the bits of which a line needs one for
/// any of these to run: the last group of each one's [`Needs`].
static RARE_NEEDS: LazyLock<(usize, gate::Mask)> = LazyLock::new(|| {
    let common = RULES.iter().take_while(|r| !r.rare).count();
    let rare = RULES
        .get(common..)
        .unwrap_or(&[])
        .iter()
        .map(|r| r.needs.0.last().copied().unwrap_or(gate::ALL))
        .fold(0, |all, group| all | group);
    (common, rare)
});

/// Compiles every stamp rule but those that read [`crate::names`] and those of forms few pages
/// print ([`Rule::eager`]), in reverse order: a reader that meets a rule first compiles it
/// itself, from the front, so a reader and a [`crate::prepare`] on another thread meet in the
/// middle. The rules of `names.rs` are left to their first use: the gate runs them only on a
/// line with one of its names (or with Greek, Cyrillic or Arabic letters), so a page without one
/// never needs them, and they are a tenth of the time to compile the rules; so are the rules of
/// rare forms, whose words or shapes (a Spanish month, a clock before a numeric date) a page in
/// English seldom has.
pub(crate) fn prepare() {
    for rule in RULES.iter().rev().filter(|r| r.eager) {
        let _ = rule.re();
    }
    LazyLock::force(&ZONE);
    LazyLock::force(&OPEN_ORDER);
}

/// Finds every stamp in `text`, in order, without overlaps.
pub(crate) fn find_stamps(text: &str) -> Vec<Stamp> {
    find_stamps_gated(text, true)
}

/// [`find_stamps`], with each rule run only on the lines that have what it needs (`gated`), or
/// over the whole text at once (to check that the gate and the split into lines change nothing).
pub(crate) fn find_stamps_gated(text: &str, gated: bool) -> Vec<Stamp> {
    let lines = gate::split(text, gated);
    find_stamps_in(text, &lines)
}

/// [`find_stamps`] over `lines`, the lines of `text` from [`gate::lines`] (or the whole text).
pub(crate) fn find_stamps_in(text: &str, lines: &[gate::Line]) -> Vec<Stamp> {
    let mut found: Vec<(usize, Stamp)> = Vec::new();
    for line in lines {
        // The haystack ends with the line: no rule matches across a line break, and a word
        // boundary at the haystack's end is the same as before the `\n`.
        let Some(hay) = text.get(..line.end) else {
            continue;
        };
        // The rules of rare forms only on a line with one of their words or shapes.
        let (common, rare) = *RARE_NEEDS;
        let rules = if line.mask & rare == 0 {
            RULES.get(..common).unwrap_or(&[])
        } else {
            &RULES[..]
        };
        for (priority, rule) in rules.iter().enumerate() {
            if !rule.needs.met(line.mask) {
                continue;
            }
            let starts_at_match = rule.starts_at_match();
            let Some(re) = rule.re() else { continue };
            let mut at = line.start;
            while let Some(span) = re.find_at(hay, at) {
                // A match that starts inside a number or a word gives no stamp, whatever its
                // groups say ([`edges_ok`]), when its stamp would start where it does: its groups
                // are not read (`59 p.m.` of `12:59 p.m.` for the rule of `3 p.m.`).
                if starts_at_match && !start_ok(text, span.start) {
                    at = next_boundary(text, span.start);
                    continue;
                }
                let Some(caps) = rule.captures_on(hay, span) else {
                    break;
                };
                let Some(whole) = caps.get(0) else { break };
                let stamp = build(rule.form, &caps, text);
                match stamp {
                    Some(stamp)
                        if edges_ok(text, stamp.span.start, whole.end(), || year_glued(&caps)) =>
                    {
                        at = whole.end().max(whole.start() + 1);
                        found.push((priority, stamp));
                    }
                    _ => {
                        // Try again one character later: a rejected match may hide a good one.
                        at = next_boundary(text, whole.start());
                    }
                }
            }
        }
    }
    without_overlaps(found)
}

/// The longest candidates, among those that overlap: by length, then by the rule's priority, then
/// the first; each candidate is kept when it overlaps no candidate kept before it. In order.
///
/// The kept spans never overlap, so in order of their start they are also in order of their end,
/// and a candidate can only overlap the kept span that starts last before it ends: one look-up in
/// an ordered set, where comparing with every kept span made a long line of stamps quadratic.
fn without_overlaps(found: Vec<(usize, Stamp)>) -> Vec<Stamp> {
    longest_first(found, |s| s.span.clone())
}

/// [`without_overlaps`] over anything with a span, so its rule can be checked on bare spans.
///
/// The candidates stay where they are: an order of their indices is sorted, the set holds
/// indices, and the kept candidates are compacted in place, so a line of a hundred thousand
/// stamps holds each stamp once.
fn longest_first<T>(mut found: Vec<(usize, T)>, span: impl Fn(&T) -> Range<usize>) -> Vec<T> {
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_by(|&a, &b| {
        let ((pa, a), (pb, b)) = (&found[a], &found[b]);
        let (a, b) = (span(a), span(b));
        b.len()
            .cmp(&a.len())
            .then(pa.cmp(pb))
            .then(a.start.cmp(&b.start))
    });
    // Keyed by start, end and the order kept, so two empty spans at one place are both kept.
    let mut kept: BTreeMap<(usize, usize, usize), usize> = BTreeMap::new();
    for (n, &index) in order.iter().enumerate() {
        let Range { start, end } = span(&found[index].1);
        let overlaps = kept
            .range(..(end, 0, 0))
            .next_back()
            .is_some_and(|(&(_, k_end, _), _)| k_end > start);
        if !overlaps {
            kept.insert((start, end, n), index);
        }
    }
    drop(order);
    // The priorities are spent: each slot now holds its place among the kept, or none.
    for (place, _) in found.iter_mut() {
        *place = usize::MAX;
    }
    for (place, &index) in kept.values().enumerate() {
        if let Some(slot) = found.get_mut(index) {
            slot.0 = place;
        }
    }
    drop(kept);
    found.retain(|(place, _)| *place != usize::MAX);
    found.sort_unstable_by_key(|(place, _)| *place);
    found.into_iter().map(|(_, item)| item).collect()
}

/// Reads the whole of `text` (trimmed) as one stamp.
///
/// The same as [`find_stamps`] finding exactly one stamp that spans the text, found directly: such
/// a stamp is the longest candidate any rule can give, so it wins over every other; a rule can
/// give it only with its first match from the start (a span never grows past its match, but for
/// a zone in small letters after an am/pm); and no stamp spans a line break. So each rule the gate lets through is tried once, at the start, in
/// order, and the first that spans the text is the answer.
pub(crate) fn parse_stamp(text: &str) -> Option<Stamp> {
    let trimmed = text.trim();
    let offset = text.len() - text.trim_start().len();
    let whole = 0..trimmed.len();
    if trimmed.is_empty() || trimmed.contains('\n') {
        return None;
    }
    let mask = gate::mask(trimmed);
    for rule in RULES.iter() {
        if !rule.needs.met(mask) {
            continue;
        }
        // Only a match from the start can span the text: a search that fails there stops.
        let Some(caps) = rule.captures_from(trimmed, 0) else {
            continue;
        };
        // The match spans the text, or ends with an am/pm that a zone in small letters may follow.
        let Some(m) = caps.get(0) else { continue };
        if m.start() != 0 || m.end() != whole.end && caps.name(G::Ap).is_none() {
            continue;
        }
        let Some(mut stamp) = build(rule.form, &caps, trimmed) else {
            continue;
        };
        if stamp.span == whole
            && edges_ok(trimmed, stamp.span.start, whole.end, || year_glued(&caps))
        {
            stamp.span = stamp.span.start + offset..stamp.span.end + offset;
            return Some(stamp);
        }
    }
    None
}

/// [`parse_stamp`] as its definition reads: [`find_stamps`] finds one stamp, spanning the text.
#[cfg(test)]
pub(crate) fn parse_stamp_by_definition(text: &str) -> Option<Stamp> {
    let trimmed = text.trim();
    let offset = text.len() - text.trim_start().len();
    let stamps = find_stamps_gated(trimmed, false);
    match stamps.as_slice() {
        [one] if one.span == (0..trimmed.len()) => {
            let mut one = one.clone();
            one.span = one.span.start + offset..one.span.end + offset;
            Some(one)
        }
        _ => None,
    }
}

fn next_boundary(text: &str, from: usize) -> usize {
    let mut next = from + 1;
    while next < text.len() && !text.is_char_boundary(next) {
        next += 1;
    }
    next
}

/// A stamp may not start inside a number (or, starting with a letter, inside a word), nor end
/// inside one.
///
/// Text copies of pages glue elements together, so a stamp may also start right after a letter
/// of a script the rules do not read (`દિવ્ય ભાસ્કરMar 28, 2020`), end right before one (a
/// Chinese byline, `2020-10-04 15:05聯合報`) but for the signs of CJK dates and clocks, and, when
/// `year_glued` (a named month's date that ends with its year), end before a word of three small
/// letters or more (`March 23, 2020timer`, not `2020s`).
fn edges_ok(text: &str, start: usize, end: usize, year_glued: impl Fn() -> bool) -> bool {
    start_ok(text, start) && end_ok(text, end, year_glued)
}

/// The start's half of [`edges_ok`]: whether a stamp may start at `start`.
fn start_ok(text: &str, start: usize) -> bool {
    let before = text.get(..start).and_then(|s| s.chars().next_back());
    let first = text.get(start..).and_then(|s| s.chars().next());
    match (before, first) {
        (Some(b), Some(f)) if is_digit(f) => {
            !(is_digit(b) || matches!(b, '.' | ':' | ',' | '-' | '/') && digit_before(text, start))
        }
        (Some(b), Some(f)) if f.is_alphabetic() => {
            !b.is_alphanumeric() || f.is_ascii_alphabetic() && glue(b)
        }
        _ => true,
    }
}

/// The end's half of [`edges_ok`]: whether a stamp may end at `end`.
fn end_ok(text: &str, end: usize, year_glued: impl Fn() -> bool) -> bool {
    let last = text.get(..end).and_then(|s| s.chars().next_back());
    let after = text.get(end..).and_then(|s| s.chars().next());
    match (last, after) {
        // `12.44 +12%` is a change in price, not a clock with an offset.
        (_, Some('%')) => false,
        // Text glued on the right, as in `12:44Comments`, starts a new word with a capital; an
        // `A`/`P` followed by `M` or a dot could be an am/pm the regex did not take, so it is not
        // glue, but `21:22Ann Byrne` is.
        (Some(l), Some(a))
            if l.is_ascii_digit()
                && a.is_uppercase()
                && !(matches!(a, 'A' | 'P') && am_pm_after(text, end))
                && !digit_after(text, end) =>
        {
            true
        }
        (Some(l), Some(a)) if (is_digit(l) || cjk_sign(l)) && glue(a) => true,
        (Some(l), Some(a))
            if l.is_ascii_digit() && a.is_ascii_lowercase() && year_glued() && {
                let rest = text.get(end..).unwrap_or("");
                rest.len()
                    - rest
                        .trim_start_matches(|c: char| c.is_ascii_lowercase())
                        .len()
                    >= 3
            } =>
        {
            true
        }
        (Some(l), Some(a)) if l.is_alphanumeric() => {
            !(a.is_alphanumeric() || matches!(a, ':' | '.' | ',' | '/') && digit_after(text, end))
        }
        _ => true,
    }
}

/// Whether a match ends with the year of a date whose month is a name (`March 23, 2020`), after
/// which [`edges_ok`] lets a glued word of small letters through.
fn year_glued(caps: &Captures<'_>) -> bool {
    let (Some(y), Some(whole)) = (caps.name(G::Y), caps.get(0)) else {
        return false;
    };
    y.end() == whole.end()
        && y.as_str().len() == 4
        && (caps.name(G::Mon).is_some() || caps.name(G::Wmon).is_some())
}

/// A letter of a script that no rule reads (beyond Arabic: Indic scripts, Thai, CJK, ...), but
/// for the signs of CJK dates and clocks: text glued to a stamp, not part of it.
fn glue(c: char) -> bool {
    c >= '\u{800}' && c.is_alphabetic() && !cjk_sign(c)
}

/// A sign of a CJK date or clock (`年`, `月`, `日`, `時`, `分`, `秒`, Korean `년` ... `초`), which
/// ends such a stamp as a digit does.
fn cjk_sign(c: char) -> bool {
    c >= '\u{5206}' && "年月日時时分秒년월일시분초".contains(c)
}

/// The number of figures in `digits`, a run of [`ND`] (two bytes each outside ASCII).
fn figures(digits: &str) -> usize {
    if digits.is_ascii() {
        digits.len()
    } else {
        digits.chars().count()
    }
}

/// An ASCII, Arabic-Indic or Persian digit ([`ND`]).
fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '\u{660}'..='\u{669}' | '\u{6f0}'..='\u{6f9}')
}

/// Words that make the dotted number after them a clock (`klo 11.20`, `kl. 11.20`, `godz. 14.05`,
/// `saat 14.05`, `um 14.30`, `в 14.05`, `pukul 14.05`), as Italian `alle` and `ore` do.
const CLOCK_WORDS: &[&str] = &["kl", "klo", "kello", "godz", "saat", "um", "в", "pukul"];

/// Whether the clock at `start` follows Italian `alle`, `alle ore` or `ore` (`Aggiornato alle
/// 14.30`, `Roma, ore 14.30`) or a word of [`CLOCK_WORDS`], which make a dotted clock a time.
/// `ore` counts only at the start or after punctuation, so that English `iron ore 12.50` stays a
/// price.
fn after_ore(text: &str, start: usize) -> bool {
    let Some(before) = text.get(..start) else {
        return false;
    };
    let trimmed = before.trim_end_matches(is_space);
    if trimmed.len() == before.len() {
        return false;
    }
    let ends_with_word = |s: &str, word: &str| {
        s.len() >= word.len()
            && s.get(s.len() - word.len()..)
                .is_some_and(|w| w.eq_ignore_ascii_case(word))
            && s.get(..s.len() - word.len())
                .and_then(|r| r.chars().next_back())
                .is_none_or(|c| !c.is_alphanumeric())
    };
    let trimmed_word = trimmed.strip_suffix('.').unwrap_or(trimmed);
    if ends_with_word(trimmed, "alle")
        || CLOCK_WORDS.iter().any(|w| ends_with_word(trimmed_word, w))
    {
        return true;
    }
    if !ends_with_word(trimmed, "ore") {
        return false;
    }
    let rest = trimmed
        .get(..trimmed.len() - 3)
        .unwrap_or("")
        .trim_end_matches(is_space);
    match rest.chars().next_back() {
        None => true,
        Some(c) if !c.is_alphanumeric() => true,
        Some(_) => ends_with_word(rest, "alle"),
    }
}

/// The spaces of [`S`].
fn is_space(c: char) -> bool {
    c != '\n' && c != '\r' && c.is_whitespace()
}

fn digit_before(text: &str, start: usize) -> bool {
    let mut chars = text
        .get(..start)
        .map(|s| s.chars().rev())
        .into_iter()
        .flatten();
    chars.next();
    chars.next().is_some_and(is_digit)
}

/// Whether the character after the one at `end` makes an am/pm of it (`AM`, `Pm`, `A.`).
fn am_pm_after(text: &str, end: usize) -> bool {
    let mut chars = text.get(end..).map(str::chars).into_iter().flatten();
    chars.next();
    chars
        .next()
        .is_none_or(|c| matches!(c, 'M' | 'm' | '.') || !c.is_alphabetic())
}

fn digit_after(text: &str, end: usize) -> bool {
    let mut chars = text.get(end..).map(str::chars).into_iter().flatten();
    chars.next();
    chars.next().is_some_and(is_digit)
}

fn num(caps: &Captures<'_>, name: G) -> Option<u32> {
    caps.name(name).and_then(|m| digits(m.as_str()))
}

/// The number `text` writes in ASCII, Arabic-Indic or Persian digits ([`ND`]), or `None`.
fn digits(text: &str) -> Option<u32> {
    if let Ok(n) = text.parse() {
        return Some(n);
    }
    text.chars().try_fold(0u32, |n, c| {
        let d = match c {
            '0'..='9' => u32::from(c) - u32::from('0'),
            '\u{660}'..='\u{669}' => u32::from(c) - 0x660,
            '\u{6f0}'..='\u{6f9}' => u32::from(c) - 0x6f0,
            _ => return None,
        };
        n.checked_mul(10)?.checked_add(d)
    })
}

/// Zone abbreviations read in small letters after an am/pm (`9:05am ist`): those of at least
/// three letters that are no English word (not `eat`, `cat`, `wat`, `wet`, `west`).
const SMALL_ZONES: &[&str] = &[
    "gmt", "utc", "bst", "ist", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "akst",
    "akdt", "hst", "idt", "ast", "adt", "cet", "cest", "eet", "eest", "wib", "msk", "gst", "pkt",
    "ict", "hkt", "sgt", "pht", "jst", "kst", "awst", "acst", "acdt", "aest", "aedt", "nzst",
    "nzdt", "sast",
];

/// A zone of [`SMALL_ZONES`] after `end` (past spaces), as a word of its own: the label and the
/// end of it.
fn small_zone_after(text: &str, end: usize) -> Option<(&str, usize)> {
    let rest = text.get(end..)?;
    let word_start = end + (rest.len() - rest.trim_start_matches(is_space).len());
    if word_start == end {
        return None;
    }
    let word_rest = text.get(word_start..)?;
    let len = word_rest
        .find(|c: char| !c.is_ascii_lowercase())
        .unwrap_or(word_rest.len());
    let word = word_rest.get(..len)?;
    if word_rest
        .get(len..)
        .and_then(|r| r.chars().next())
        .is_some_and(char::is_alphanumeric)
    {
        return None;
    }
    SMALL_ZONES
        .contains(&word)
        .then_some((word, word_start + len))
}

/// How the first two fields of a numeric date read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct NumericOrder {
    day: u32,
    month: u32,
    month_first: bool,
}

/// Reads `n1/n2` of a numeric date. A field over 12 can only be the day, which settles the
/// order; when both could be the month (`03/01/2020`) the stamp carries the day-first reading
/// and [`numeric_reading`] chooses by the outlet's country. Dotted dates are day-first.
fn numeric_order(n1: u32, n2: u32, dotted: bool) -> Option<NumericOrder> {
    let field = 1..=31;
    if !field.contains(&n1) || !field.contains(&n2) {
        return None;
    }
    match (n1 > 12, n2 > 12) {
        (true, true) => None,
        (false, true) if !dotted => Some(NumericOrder {
            day: n2,
            month: n1,
            month_first: true,
        }),
        (false, true) => None,
        _ => Some(NumericOrder {
            day: n1,
            month: n2,
            month_first: false,
        }),
    }
}

/// A clock from hour, minute, optional second and optional am/pm; `None` if it is no clock.
fn clock(h: u32, m: u32, s: u32, ampm: Option<char>) -> Option<NaiveTime> {
    let hour = match ampm {
        Some(ap) => {
            if !(1..=12).contains(&h) {
                return None;
            }
            match (ap.to_ascii_lowercase(), h) {
                ('a', 12) => 0,
                ('a', h) => h,
                ('p', 12) => 12,
                (_, h) => h + 12,
            }
        }
        None => h,
    };
    NaiveTime::from_hms_opt(hour, m, s)
}

/// Parses a numeric offset such as `+0100`, `+01:00`, `-05`, `GMT+1`, `UTC-3:30`.
pub(crate) fn parse_offset(text: &str) -> Option<FixedOffset> {
    let body = text
        .strip_prefix("GMT")
        .or_else(|| text.strip_prefix("UTC"))
        .unwrap_or(text)
        .trim_start_matches(|c: char| c.is_whitespace());
    let first = body.chars().next()?;
    let sign = match first {
        '+' => 1,
        '-' | '\u{2212}' => -1,
        _ => return None,
    };
    let digits = body.get(first.len_utf8()..)?;
    let digits: String = digits.chars().filter(char::is_ascii_digit).collect();
    let (h, m): (i32, i32) = match digits.len() {
        1 | 2 => (digits.parse().ok()?, 0),
        3 => (
            digits.get(..1)?.parse().ok()?,
            digits.get(1..)?.parse().ok()?,
        ),
        4 => (
            digits.get(..2)?.parse().ok()?,
            digits.get(2..)?.parse().ok()?,
        ),
        _ => return None,
    };
    if h > 18 || m > 59 {
        return None;
    }
    FixedOffset::east_opt(sign * (h * 3600 + m * 60))
}

fn zone_label(text: &str) -> Option<ZoneLabel> {
    if text.starts_with(['+', '-', '\u{2212}']) || text.len() > 4 && text.contains(['+', '-']) {
        parse_offset(text).map(ZoneLabel::Offset)
    } else {
        Some(ZoneLabel::Abbreviation(text.to_ascii_uppercase()))
    }
}

/// Builds a stamp from a match, checking that its fields are a real clock and a plausible date.
fn build(form: Form, caps: &Captures<'_>, text: &str) -> Option<Stamp> {
    let whole = caps.get(0)?;
    // A word before a date read by `crate::names` is kept as its weekday only if it is one
    // (`Четверг, 3 декабря 2020`, not `Москва 3 декабря 2020`); German `Mo`...`So` only before a
    // dotted date.
    let world_weekday = caps.name(G::Wwd).and_then(|w| names::weekday(w.as_str()));
    // A word between a clock and the date after it must be a weekday, in any language read.
    let between_weekday = match caps.name(G::Wdt) {
        Some(w) => Some(any_weekday(w.as_str())?),
        None => None,
    };
    // A clock before a numeric date (`08:22, 24.11.2020`).
    let clock_first = form == Form::TimeZoneDayMonthYear && caps.name(G::N1).is_some();
    let dotted = caps.name(G::S1).is_some_and(|m| m.as_str() == ".");
    let dropped_weekday = caps.name(G::Wwd).is_some() && world_weekday.is_none()
        || caps.name(G::Wd2).is_some() && !dotted;
    let start = caps
        .name(G::Nm)
        .or_else(|| caps.name(G::Hhmm).filter(|_| caps.name(G::Prep).is_some()))
        .or_else(|| {
            caps.name(G::D)
                .or_else(|| caps.name(G::N1))
                .filter(|_| dropped_weekday)
        })
        .map_or(whole.start(), |m| m.start());
    let mut end = whole.end();
    // An optional closing parenthesis without its opening one is not part of the stamp.
    if whole.as_str().ends_with(')') && !whole.as_str().contains('(') {
        end -= 1;
        end = text.get(..end).map_or(end, |s| s.trim_end().len());
    }

    // The time.
    let ampm = caps
        .name(G::Ap)
        .and_then(|m| m.as_str().chars().next())
        .or_else(|| {
            caps.name(G::Cjk).map(|m| {
                if matches!(m.as_str(), "上午" | "午前" | "오전") {
                    'a'
                } else {
                    'p'
                }
            })
        })
        .or_else(|| {
            // Persian `ق.ظ` (before noon) is am, `ب.ظ` pm.
            let first = caps.name(G::Fap)?.as_str().chars().next()?;
            Some(if first == 'ق' { 'a' } else { 'p' })
        })
        .or_else(|| {
            // Arabic `ص` (morning), Greek `π.μ.` and Malay `pagi` are am; `م`, `μ.μ.` and Malay
            // `petang` (`ptg`), `tengah hari` (noon) and `malam` (night) pm, but `12 malam`,
            // midnight.
            let word = caps.name(G::Apw)?.as_str();
            let first = word.chars().next()?;
            let malam = word.eq_ignore_ascii_case("malam");
            let midnight = malam && caps.name(G::H).is_some_and(|h| h.as_str() == "12");
            Some(
                if matches!(first, 'ص' | 'π' | 'Π') || word.eq_ignore_ascii_case("pagi") || midnight
                {
                    'a'
                } else {
                    'p'
                },
            )
        });
    let mut precision = Precision::Minute;
    let mut relative = None;
    // A relative stamp in another language: its unit and number read by `crate::relative`.
    if caps.name(G::Pre).is_some() || caps.name(G::Post).is_some() {
        let span_word = caps.name(G::Pre).or_else(|| caps.name(G::Post))?;
        let lang = crate::relative::language(span_word.as_str())?;
        let (unit, alone) = crate::relative::unit(caps.name(G::Unit)?.as_str(), lang)?;
        let n: i64 = match caps.name(G::N) {
            Some(n) => match digits(n.as_str()) {
                Some(v) => i64::from(v),
                None if crate::relative::one(n.as_str(), lang) => 1,
                None => return None,
            },
            None if alone => 1,
            None => return None,
        };
        let (ago, p) = unit.span(n);
        return Some(Stamp {
            text: text.get(whole.range())?.to_owned(),
            span: whole.range(),
            form,
            date: None,
            time: None,
            zone: None,
            also: None,
            precision: p,
            relative: Some(Relative::Ago(ago)),
        });
    }
    if let (Some(n), Some(unit)) = (caps.name(G::N), caps.name(G::Unit)) {
        let n: i64 = match n.as_str().to_ascii_lowercase().as_str() {
            "a" | "an" | "one" => 1,
            digits => digits.parse().ok()?,
        };
        let unit = unit.as_str().to_ascii_lowercase();
        let (ago, p) = match unit.chars().next()? {
            's' => (chrono::Duration::seconds(n), Precision::Second),
            'm' => (chrono::Duration::minutes(n), Precision::Minute),
            'h' => (chrono::Duration::hours(n), Precision::Hour),
            'w' => (chrono::Duration::weeks(n), Precision::Day),
            _ => (chrono::Duration::days(n), Precision::Day),
        };
        return Some(Stamp {
            text: text.get(whole.range())?.to_owned(),
            span: whole.range(),
            form,
            date: None,
            time: None,
            zone: None,
            also: None,
            precision: p,
            relative: Some(Relative::Ago(ago)),
        });
    }
    if let Some(wdc) = caps.name(G::Wdc) {
        relative = Some(Relative::Weekday(clock_weekday(wdc.as_str())?));
    }
    if let Some(rdw) = caps.name(G::Rdw) {
        relative = Some(Relative::Days(crate::relative::day(rdw.as_str())?));
    }
    if let Some(rd) = caps.name(G::Rd) {
        let days = if rd.as_str().eq_ignore_ascii_case("yesterday") {
            -1
        } else {
            0
        };
        relative = Some(Relative::Days(days));
    }
    let time = if let Some(nm) = caps.name(G::Nm) {
        if nm.as_str().eq_ignore_ascii_case("noon") {
            NaiveTime::from_hms_opt(12, 0, 0)
        } else {
            NaiveTime::from_hms_opt(0, 0, 0)
        }
    } else if let Some(hhmm) = caps.name(G::Hhmm) {
        let v: u32 = hhmm.as_str().parse().ok()?;
        Some(clock(v / 100, v % 100, 0, None)?)
    } else if let Some(h) = num(caps, G::H) {
        // A minute of one figure only in a CJK clock, before its `分` (`7時0分`).
        if let Some(mi) = caps.name(G::Mi) {
            let after = text
                .get(mi.end()..)
                .unwrap_or("")
                .trim_start_matches(is_space);
            if figures(mi.as_str()) < 2 && !after.starts_with(['分', '분']) {
                return None;
            }
        }
        let (m, s) = match caps.name(G::Mi) {
            Some(_) => (num(caps, G::Mi)?, num(caps, G::S)),
            None => {
                precision = Precision::Hour;
                (0, None)
            }
        };
        if s.is_some() {
            precision = Precision::Second;
        }
        let s = s.unwrap_or(0);
        // A 24-hour clock with a `pm` (or `00:30am`), as a template for `H:i a` prints it, is read
        // as the 24-hour clock; [`clock_suffix_note`] says so when it is resolved. Spelled with
        // dots (`13:00 p.m.`), it is no time.
        let dotless = caps
            .name(G::Ap)
            .is_some_and(|m| !text.get(m.end()..).is_some_and(|t| t.starts_with('.')))
            || caps.name(G::Apw).is_some();
        let twenty_four = matches!((ampm, h), (Some('p' | 'P'), 13..=23) | (Some('a' | 'A'), 0));
        Some(match clock(h, m, s, ampm) {
            Some(t) => t,
            None if twenty_four && dotless => clock(h, m, s, None)?,
            None => return None,
        })
    } else {
        None
    };

    // The zone, and a second reading.
    let mut zone = match caps
        .name(G::Zone)
        .or_else(|| caps.name(G::IsoZone))
        .or_else(|| caps.name(G::Zpre))
    {
        Some(z) => Some(zone_label(z.as_str())?),
        None => None,
    };
    // A zone in small letters right after an am/pm that ends the match (`9:05am ist`).
    if let (None, Some(ap)) = (&zone, caps.name(G::Ap)) {
        let tail = text.get(ap.end()..whole.end()).unwrap_or("");
        if tail.len() <= 3
            && tail
                .chars()
                .all(|c| matches!(c, 'm' | 'M' | '.') || is_space(c))
            && let Some((label, after)) = small_zone_after(text, end)
        {
            zone = Some(ZoneLabel::Abbreviation(label.to_ascii_uppercase()));
            end = after;
        }
    }
    // `2020-10` of `2020-10-04` is a date's year and month, not a four-digit clock glued to an
    // offset.
    if let (Some(hhmm), Some(z)) = (caps.name(G::Hhmm), caps.name(G::Zone))
        && z.start() == hhmm.end()
        && z.as_str().starts_with(['+', '-'])
    {
        return None;
    }
    let span = start..end;
    let also = match (num(caps, G::H2), num(caps, G::M2), caps.name(G::Zone2)) {
        (Some(h), Some(m), Some(z)) => Some((clock(h, m, 0, None)?, zone_label(z.as_str())?)),
        _ => None,
    };

    // A dotted clock (`12.50`) is a decimal number unless am/pm, `Uhr`, a zone or Italian `ore`
    // says otherwise.
    if (form == Form::Clock || clock_first)
        && caps.name(G::Sep).is_some_and(|m| m.as_str() == ".")
        && ampm.is_none()
        && zone.is_none()
        && caps.name(G::Uhr).is_none()
        && !after_ore(text, whole.start())
    {
        return None;
    }

    // `1830 hrs` is a clock after `at` (or with a zone); `1000 hrs of footage` is not.
    if caps.name(G::Hrs).is_some() && zone.is_none() && caps.name(G::Prep).is_none() {
        return None;
    }
    // Without a year, `on March 3, 12.25 million` is no clock: a dotted one needs am/pm, `Uhr` or
    // a zone here too.
    if caps.name(G::Y).is_none()
        && (caps.name(G::Mon).is_some() || caps.name(G::Wmon).is_some())
        && caps.name(G::Sep).is_some_and(|m| m.as_str() == ".")
        && ampm.is_none()
        && zone.is_none()
        && caps.name(G::Uhr).is_none()
        && matches!(form, Form::DayMonthYearTime | Form::MonthDayYearTime)
    {
        return None;
    }

    // The date: named, numeric year first, or numeric day or month first.
    let mut form = form;
    let numeric = match (caps.name(G::S1), caps.name(G::S2)) {
        (Some(a), Some(b)) => {
            // `03/01-2020` is no date; a slashed date inside a path (`/2020/01/03/`) is a URL;
            // year first with dots needs two-digit fields (`2021.3.1` is a version).
            let short = |name| caps.name(name).is_some_and(|m| figures(m.as_str()) < 2);
            // Spaces go only around a slash (`1 / 12 / 2020`), not a dot or a dash.
            let spaced = |sep: Match<'_>, before: Option<Match<'_>>, after: Option<Match<'_>>| {
                sep.as_str() != "/"
                    && (before.is_some_and(|b| b.end() != sep.start())
                        || after.is_some_and(|n| n.start() != sep.end()))
            };
            if a.as_str() != b.as_str()
                || caps.name(G::N1).is_some()
                    && (spaced(a, caps.name(G::N1), caps.name(G::N2))
                        || spaced(b, caps.name(G::N2), caps.name(G::Y)))
                || a.as_str() == "." && (short(G::Mo) || short(G::D))
                || a.as_str() == "/"
                    && (text.get(..whole.start()).is_some_and(|t| t.ends_with('/'))
                        || text.get(whole.end()..).is_some_and(|t| t.starts_with('/')))
            {
                return None;
            }
            Some(a.as_str())
        }
        _ => None,
    };
    if let Some(pmon) = caps.name(G::Pmon) {
        let jy = i32::try_from(num(caps, G::Y)?).ok()?;
        let date = crate::persian::to_gregorian(
            jy,
            crate::persian::month(pmon.as_str())?,
            num(caps, G::D)?,
        )?;
        if time.is_none() {
            precision = Precision::Day;
        }
        return Some(Stamp {
            text: text.get(span.clone())?.to_owned(),
            span,
            form,
            date: Some(PartialDate {
                year: Some(date.year()),
                month: date.month(),
                day: date.day(),
                weekday: None,
            }),
            time,
            zone,
            also,
            precision,
            relative,
        });
    }
    let (month, day) = match (num(caps, G::N1), num(caps, G::N2)) {
        (Some(n1), Some(n2)) => {
            let reading = numeric_order(n1, n2, numeric == Some("."))?;
            if reading.month_first {
                form = if clock_first {
                    Form::TimeZoneMonthDayYear
                } else {
                    Form::MonthDayYearTime
                };
            }
            (Some(reading.month), Some(reading.day))
        }
        _ => {
            let month = match (caps.name(G::Mon), caps.name(G::Wmon)) {
                (Some(m), _) => Some(month_number(m.as_str())?),
                (None, Some(m)) => Some(world_month(caps, m.as_str(), form, world_weekday)?),
                (None, None) => num(caps, G::Mo),
            };
            (month, num(caps, G::D))
        }
    };
    let date = match (month, day) {
        (Some(month), Some(day)) => {
            if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
                return None;
            }
            let year = match caps.name(G::Y) {
                // A two-digit year only in a numeric date with a clock (`01/03/20 07:44 AM`), so
                // that `1.12.30` stays a version number.
                // A dotted one also with two-digit day and month (`24.04.24`, `Mi 24.04.24`).
                Some(y) if figures(y.as_str()) == 2 => {
                    let padded = |g| caps.name(g).is_some_and(|m| figures(m.as_str()) == 2);
                    if time.is_none() && !(numeric == Some(".") && padded(G::N1) && padded(G::N2)) {
                        return None;
                    }
                    let yy = i32::try_from(digits(y.as_str())?).ok()?;
                    Some(if yy < 70 { 2000 + yy } else { 1900 + yy })
                }
                Some(y) => {
                    let y = i32::try_from(digits(y.as_str())?).ok()?;
                    // A Thai month's year is of the Buddhist era, 543 years ahead (`2566` is
                    // 2023).
                    let thai = caps.name(G::Wmon).is_some_and(|m| {
                        m.as_str()
                            .chars()
                            .any(|c| ('\u{e01}'..='\u{e4e}').contains(&c))
                    });
                    Some(if thai && y >= 2400 { y - 543 } else { y })
                }
                None => None,
            };
            if year.is_some_and(|y| !(1000..=9999).contains(&y)) {
                return None;
            }
            Some(PartialDate {
                year,
                month,
                day,
                weekday: caps
                    .name(G::Wd)
                    .and_then(|w| weekday(w.as_str()))
                    .or_else(|| {
                        caps.name(G::Wd2)
                            .filter(|_| dotted)
                            .and_then(|w| weekday_de(w.as_str()))
                    })
                    .or(world_weekday)
                    .or(between_weekday)
                    .or_else(|| caps.name(G::Wda).and_then(|w| names::weekday(w.as_str()))),
            })
        }
        _ => None,
    };

    let form = match (form, date.is_some(), time.is_some()) {
        (Form::DayMonthYearTime | Form::MonthDayYearTime | Form::YearMonthDayTime, true, false) => {
            Form::Date
        }
        (Form::Iso8601, true, false) => Form::Iso8601,
        (Form::CompactTimeZoneDate, false, true) => Form::Clock,
        (form, _, _) => form,
    };
    if time.is_none() {
        precision = Precision::Day;
    }
    Some(Stamp {
        text: text.get(span.clone())?.to_owned(),
        span,
        form,
        date,
        time,
        zone,
        also,
        precision,
        relative,
    })
}

#[cfg(test)]
mod tests;
