//! The rules: one regex per family of phrases, each with the function that says what a match
//! means, or that it is not a time after all (`Sunday Times`, `from 1830 UTC` as a year).
//!
//! Month and weekday names must be capitalised (`may` is a verb, `May` a month only after a
//! preposition or beside a day number); the words around them may take any case, so `Last night`
//! at the start of a sentence reads like `last night`.

use std::sync::{LazyLock, OnceLock};

use chrono::Weekday;
use regex::Regex;

use crate::rx::{Captures, G, Rx};

use super::ExpressionRule;
use super::what::{Bound, Part, Unit, What, Which};
use crate::gate::{self, Needs};

/// Horizontal whitespace, including no-break and thin spaces; never a line break.
pub(super) const S: &str = r"[\t \x{a0}\x{2009}\x{202f}]";

const WEEKDAYS: &str = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";

const MONTHS: &str =
    "January|February|March|April|May|June|July|August|September|October|November|December";

/// Month names and the abbreviations a date may use (`Jan. 4`, `4 Sept`).
const MONTHS_SHORT: &str = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";

const COUNT: &str = "a|an|one|two|three|four|five|six|seven|eight|nine|ten|[0-9]{1,2}";

type Build = fn(&Captures<'_>, &str) -> Option<(ExpressionRule, What)>;

pub(super) struct Rule {
    /// What a line needs for the rule to match on it (see [`crate::gate`]).
    pub needs: Needs,
    pattern: String,
    /// The compiled `pattern`, on first use: a text that never needs a rule never pays for it.
    re: OnceLock<Option<Rx>>,
    pub build: Build,
}

impl Rule {
    pub(super) fn re(&self) -> Option<&Rx> {
        self.re.get_or_init(|| Rx::new(&self.pattern)).as_ref()
    }
}

fn lower(caps: &Captures<'_>, name: G) -> Option<String> {
    caps.name(name).map(|m| {
        m.as_str()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_ascii_lowercase()
    })
}

fn count(word: &str) -> Option<i64> {
    Some(match word.to_ascii_lowercase().as_str() {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        digits => digits.parse().ok()?,
    })
}

pub(super) fn weekday(name: &str) -> Option<Weekday> {
    name.parse().ok()
}

pub(super) fn month_number(name: &str) -> Option<u32> {
    let key = name.get(..3)?.to_ascii_lowercase();
    let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let i = months.iter().position(|m| *m == key)?;
    u32::try_from(i + 1).ok()
}

/// The rules of a period (`this week`, `earlier this month`), found by the name built from the
/// words of a match.
const PERIOD_RULES: &[ExpressionRule] = &[
    ExpressionRule::ThisWeek,
    ExpressionRule::LastWeek,
    ExpressionRule::NextWeek,
    ExpressionRule::EarlierThisWeek,
    ExpressionRule::LaterThisWeek,
    ExpressionRule::ThisMonth,
    ExpressionRule::LastMonth,
    ExpressionRule::NextMonth,
    ExpressionRule::EarlierThisMonth,
    ExpressionRule::LaterThisMonth,
    ExpressionRule::ThisYear,
    ExpressionRule::LastYear,
    ExpressionRule::NextYear,
    ExpressionRule::EarlierThisYear,
    ExpressionRule::LaterThisYear,
];

fn rule_name(rules: &[ExpressionRule], wanted: &str) -> Option<ExpressionRule> {
    rules.iter().copied().find(|r| r.as_str() == wanted)
}

/// The words before `at` in `text`, lowercased, up to `n` of them, nearest first.
pub(super) fn words_before(text: &str, at: usize, n: usize) -> Vec<String> {
    text.get(..at)
        .unwrap_or("")
        .rsplit(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(n)
        .map(str::to_owned)
        .collect()
}

fn rules() -> Vec<Rule> {
    let specs: Vec<(Needs, String, Build)> = vec![
        (
            Needs(&[gate::YESTERDAY]),
            format!(r"\b(?:the{S}+)?day{S}+before{S}+yesterday\b"),
            |_, _| Some((ExpressionRule::DayBeforeYesterday, What::Day(-2))),
        ),
        (
            Needs(&[gate::YESTERDAY | gate::TOMORROW]),
            format!(r"\b(?P<d>yesterday|tomorrow){S}+(?P<p>morning|afternoon|evening|night)\b"),
            |c, _| {
                let part = Part::from_word(&lower(c, G::P)?)?;
                Some(match lower(c, G::D)?.as_str() {
                    "yesterday" => (
                        ExpressionRule::YesterdayPartOfDay,
                        What::PartOfDay(-1, part),
                    ),
                    _ => (ExpressionRule::TomorrowPartOfDay, What::PartOfDay(1, part)),
                })
            },
        ),
        (
            Needs(&[gate::YESTERDAY | gate::TODAY | gate::TOMORROW]),
            r"\b(?P<d>yesterday|today|tomorrow)\b".to_owned(),
            |c, text| {
                let d = c.name(G::D)?;
                // `USA Today`, the BBC's `Today` programme: a capitalised `Today` after a name.
                if d.as_str() == "Today"
                    && words_before(text, d.start(), 1)
                        .first()
                        .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
                    && !sentence_start(text, d.start())
                {
                    return None;
                }
                Some(match lower(c, G::D)?.as_str() {
                    "yesterday" => (ExpressionRule::Yesterday, What::Day(-1)),
                    "today" => (ExpressionRule::Today, What::Day(0)),
                    _ => (ExpressionRule::Tomorrow, What::Day(1)),
                })
            },
        ),
        (
            Needs(&[gate::TONIGHT]),
            r"\btonight\b".to_owned(),
            |_, _| Some((ExpressionRule::Tonight, What::PartOfDay(0, Part::Night))),
        ),
        (
            Needs(&[gate::NIGHT | gate::EVENING]),
            format!(r"\blast{S}+(?P<p>night|evening)\b"),
            |c, _| {
                let part = Part::from_word(&lower(c, G::P)?)?;
                Some((ExpressionRule::LastNight, What::PartOfDay(-1, part)))
            },
        ),
        (
            Needs(&[gate::MORNING | gate::AFTERNOON | gate::EVENING]),
            format!(r"\bthis{S}+(?P<p>morning|afternoon|evening)\b"),
            |c, _| {
                let part = Part::from_word(&lower(c, G::P)?)?;
                let rule = match part {
                    Part::Morning => ExpressionRule::ThisMorning,
                    Part::Afternoon => ExpressionRule::ThisAfternoon,
                    _ => ExpressionRule::ThisEvening,
                };
                Some((rule, What::PartOfDay(0, part)))
            },
        ),
        (
            Needs(&[gate::NIGHT]),
            r"\bovernight\b".to_owned(),
            |_, _| Some((ExpressionRule::Overnight, What::PartOfDay(-1, Part::Night))),
        ),
        (
            Needs(&[gate::TODAY]),
            format!(r"\b(?P<b>earlier|later){S}+today\b"),
            |c, _| {
                Some(match lower(c, G::B)?.as_str() {
                    "earlier" => (
                        ExpressionRule::EarlierToday,
                        What::Period(Unit::Day, 0, Bound::Earlier),
                    ),
                    _ => (
                        ExpressionRule::LaterToday,
                        What::Period(Unit::Day, 0, Bound::Later),
                    ),
                })
            },
        ),
        (
            Needs(&[gate::WEEK | gate::MONTH_WORD | gate::YEAR]),
            format!(
                r"\b(?:(?P<b>earlier|later){S}+(?:in{S}+)?)?(?P<w>this|last|next){S}+(?P<u>week|month|year)\b"
            ),
            |c, _| {
                let b = lower(c, G::B);
                let w = lower(c, G::W)?;
                let u = lower(c, G::U)?;
                let (offset, bound) = match (b.as_deref(), w.as_str()) {
                    (None, "this") => (0, Bound::Whole),
                    (None, "last") => (-1, Bound::Whole),
                    (None, _) => (1, Bound::Whole),
                    (Some("earlier"), "this") => (0, Bound::Earlier),
                    (Some(_), "this") => (0, Bound::Later),
                    // `earlier last week`: read as last week.
                    (Some(_), "last") => (-1, Bound::Whole),
                    (Some(_), _) => (1, Bound::Whole),
                };
                let unit = match u.as_str() {
                    "week" => Unit::Week,
                    "month" => Unit::Month,
                    _ => Unit::Year,
                };
                let name = match bound {
                    Bound::Whole => format!("{w}-{u}"),
                    Bound::Earlier => format!("earlier-this-{u}"),
                    Bound::Later => format!("later-this-{u}"),
                };
                Some((
                    rule_name(PERIOD_RULES, &name)?,
                    What::Period(unit, offset, bound),
                ))
            },
        ),
        (
            Needs(&[gate::DAY | gate::WEEK]),
            format!(
                r"\b(?P<n>{COUNT}){S}+(?P<u>days?|weeks?){S}+(?P<dir>later|earlier|afterwards|ago)\b"
            ),
            |c, _| {
                let n = count(c.name(G::N)?.as_str())?;
                let days = if lower(c, G::U)?.starts_with("week") {
                    7 * n
                } else {
                    n
                };
                Some(match lower(c, G::Dir)?.as_str() {
                    "ago" => (ExpressionRule::DaysAgo, What::Day(-days)),
                    "earlier" => (ExpressionRule::DaysEarlier, What::Shift(-days)),
                    _ => (ExpressionRule::DaysLater, What::Shift(days)),
                })
            },
        ),
        (
            Needs(&[gate::DAY | gate::NIGHT]),
            format!(
                r"\bthe{S}+(?:(?:day|night){S}+(?P<dir>before|after)|(?P<w>next|following|previous){S}+day)\b"
            ),
            |c, _| {
                let back = lower(c, G::Dir).as_deref() == Some("before")
                    || lower(c, G::W).as_deref() == Some("previous");
                Some(if back {
                    (ExpressionRule::TheDayBefore, What::Shift(-1))
                } else {
                    (ExpressionRule::TheDayAfter, What::Shift(1))
                })
            },
        ),
        (
            Needs(&[gate::WEEKDAY]),
            format!(
                r"\b(?:(?P<pre>on|since|until|till|by|before|after|last|next|this|(?:earlier|later|early|late){S}+on){S}+)?(?-i:(?P<wd>{WEEKDAYS}))(?P<pos>['’]s)?(?:{S}+(?P<p>morning|afternoon|evening|night))?\b"
            ),
            |c, text| {
                let wd_match = c.name(G::Wd)?;
                let wd = weekday(wd_match.as_str())?;
                let part = lower(c, G::P).and_then(|p| Part::from_word(&p));
                let pre = lower(c, G::Pre);
                let possessive = c.name(G::Pos).is_some();
                if pre.is_none() && !possessive && part.is_none() && !bare_weekday_ok(text, c) {
                    return None;
                }
                let pre = if possessive { None } else { pre };
                let (rule, which, since) = match pre.as_deref() {
                    Some("since") => (ExpressionRule::SinceWeekday, Which::Nearest, true),
                    Some("last") => (ExpressionRule::LastWeekday, Which::Last, false),
                    Some("next") => (ExpressionRule::NextWeekday, Which::Next, false),
                    Some("this") => (ExpressionRule::ThisWeekday, Which::This, false),
                    Some(_) => (ExpressionRule::OnWeekday, Which::Nearest, false),
                    None if part.is_some() => {
                        (ExpressionRule::WeekdayPartOfDay, Which::Nearest, false)
                    }
                    None if possessive => {
                        (ExpressionRule::WeekdayPossessive, Which::Nearest, false)
                    }
                    None => (ExpressionRule::Weekday, Which::Nearest, false),
                };
                let rule = if part.is_some() && pre.as_deref() == Some("on") {
                    ExpressionRule::WeekdayPartOfDay
                } else {
                    rule
                };
                Some((
                    rule,
                    What::Weekday {
                        wd,
                        which,
                        part,
                        since,
                    },
                ))
            },
        ),
        (
            Needs(&[gate::MONTH_NAME]),
            format!(
                r"\b(?P<pre>in|since|from|until|till|by|during|through|throughout|last|this|next|early|late|mid|(?:earlier|later){S}+in)(?:{S}+|-)(?:(?:early|late|mid)(?:{S}+|-))?(?-i:(?P<mon>{MONTHS}))(?:,?{S}+(?P<y>[0-9]{{4}}))?\b"
            ),
            |c, _| {
                let month = month_number(c.name(G::Mon)?.as_str())?;
                let year = year_of(c)?;
                let pre = lower(c, G::Pre)?;
                let (rule, which, since) = match pre.as_str() {
                    "since" => (ExpressionRule::SinceMonth, Which::Nearest, true),
                    "last" => (ExpressionRule::LastNamedMonth, Which::Last, false),
                    "next" => (ExpressionRule::NextNamedMonth, Which::Next, false),
                    "this" => (ExpressionRule::InMonth, Which::This, false),
                    _ => (ExpressionRule::InMonth, Which::Nearest, false),
                };
                Some((
                    rule,
                    What::Month {
                        month,
                        year,
                        which,
                        since,
                    },
                ))
            },
        ),
        (
            Needs(&[gate::FOUR_DIGITS, gate::MONTH_NAME]),
            format!(r"\b(?-i:(?P<mon>{MONTHS})),?{S}+(?P<y>(?:1[89]|20)[0-9]{{2}})\b"),
            |c, _| {
                Some((
                    ExpressionRule::MonthYear,
                    What::Month {
                        month: month_number(c.name(G::Mon)?.as_str())?,
                        year: year_of(c)?,
                        which: Which::Nearest,
                        since: false,
                    },
                ))
            },
        ),
        (
            Needs(&[gate::FOUR_DIGITS]),
            format!(
                r"\b(?P<pre>in|since|from|until|till|by|during|through|throughout|early|late|mid|before|after)(?:{S}+|-)(?P<y>(?:19|20)[0-9]{{2}})\b"
            ),
            |c, text| {
                let y = c.name(G::Y)?;
                if !year_edge_ok(text, y.end()) {
                    return None;
                }
                let since = lower(c, G::Pre).as_deref() == Some("since");
                let year = y.as_str().parse().ok()?;
                Some((
                    if since {
                        ExpressionRule::SinceYear
                    } else {
                        ExpressionRule::InYear
                    },
                    What::Year { year, since },
                ))
            },
        ),
        (
            Needs(&[gate::DIGIT, gate::MONTH_NAME]),
            format!(
                r"\b(?:(?P<pre>on|since|from|until|till|by|before|after){S}+)?(?:(?-i:(?P<wd>{WEEKDAYS})),?{S}+)?(?:the{S}+)?(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)?{S}+(?:of{S}+)?(?-i:(?P<mon>{MONTHS_SHORT}))\b\.?(?:,?{S}+(?P<y>[0-9]{{4}})\b)?"
            ),
            build_date,
        ),
        (
            Needs(&[gate::DIGIT, gate::MONTH_NAME]),
            format!(
                r"\b(?:(?P<pre>on|since|from|until|till|by|before|after){S}+)?(?:(?-i:(?P<wd>{WEEKDAYS})),?{S}+)?(?-i:(?P<mon>{MONTHS_SHORT}))\b\.?{S}*(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)?\b(?:,?{S}+(?P<y>[0-9]{{4}})\b)?"
            ),
            build_date,
        ),
        (
            Needs(&[gate::HOURS]),
            format!(
                r"\b(?:in{S}+)?the{S}+(?:early|small){S}+hours(?:{S}+of{S}+(?:(?P<d>yesterday|today)|(?:(?P<pre>last|this){S}+)?(?-i:(?P<wd>{WEEKDAYS}))))?\b"
            ),
            |c, _| {
                let part = Some(Part::EarlyHours);
                let what = match (lower(c, G::D).as_deref(), c.name(G::Wd)) {
                    (Some("yesterday"), _) => What::PartOfDay(-1, Part::EarlyHours),
                    (Some(_), _) | (None, None) => What::PartOfDay(0, Part::EarlyHours),
                    (None, Some(wd)) => What::Weekday {
                        wd: weekday(wd.as_str())?,
                        which: match lower(c, G::Pre).as_deref() {
                            Some("last") => Which::Last,
                            Some(_) => Which::This,
                            None => Which::Nearest,
                        },
                        part,
                        since: false,
                    },
                };
                Some((ExpressionRule::EarlyHours, what))
            },
        ),
        (
            Needs(&[gate::WEEK]),
            format!(r"\b(?P<w>this|last|next|at{S}+the|over{S}+the|on{S}+the){S}+weekend\b"),
            |c, _| {
                let which = match lower(c, G::W)?.as_str() {
                    "this" => Which::This,
                    "last" => Which::Last,
                    "next" => Which::Next,
                    _ => Which::Nearest,
                };
                Some((ExpressionRule::Weekend, What::Weekend(which)))
            },
        ),
        (
            Needs(&[gate::EACH]),
            format!(
                r"\b(?P<e>each|every){S}+(?:(?P<u>day|morning|afternoon|evening|night|week|month|year|hour|weekday|weekend)|(?-i:(?P<wd>{WEEKDAYS})))\b"
            ),
            |c, _| {
                let unit = match c.name(G::Wd) {
                    Some(wd) => wd.as_str().to_owned(),
                    None => lower(c, G::U)?,
                };
                Some((ExpressionRule::Recurring, What::Every { unit, clock: None }))
            },
        ),
        (
            Needs(&[gate::WEEKDAY]),
            format!(
                r"\bon{S}+(?-i:(?P<wd>Mondays|Tuesdays|Wednesdays|Thursdays|Fridays|Saturdays|Sundays))\b"
            ),
            |c, _| {
                let wd = c.name(G::Wd)?.as_str().trim_end_matches('s').to_owned();
                Some((
                    ExpressionRule::Recurring,
                    What::Every {
                        unit: wd,
                        clock: None,
                    },
                ))
            },
        ),
    ];
    specs
        .into_iter()
        .map(|(needs, pat, build)| Rule {
            needs,
            // Word boundaries are ASCII ones, as in the stamp rules: every `\b` here stands beside
            // an English word, and a Unicode `\b` makes the lazy DFA give up at the first
            // non-ASCII byte of a line (a curly quote, a dash), leaving the match to the slower
            // backtracker.
            pattern: format!("(?i){}", pat.replace(r"\b", r"(?-u:\b)")),
            re: OnceLock::new(),
            build,
        })
        .collect()
}

pub(super) static RULES: LazyLock<Vec<Rule>> = LazyLock::new(rules);

/// Whether every expression rule has been compiled.
#[cfg(test)]
pub(crate) fn all_compiled() -> bool {
    RULES.iter().all(|r| r.re.get().is_some())
}

/// Compiles every expression rule, last first (see [`crate::prepare`]).
pub(crate) fn prepare() {
    for rule in RULES.iter().rev() {
        let _ = rule.re();
    }
    LazyLock::force(&ZONE_AFTER);
}

/// Zone abbreviations right after a four-digit number: `from 1830 UTC` is a clock, not a year.
pub(super) static ZONE_AFTER: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^{S}*(?:{})\b",
        crate::zones::abbreviation_pattern()
    ))
    .ok()
});

fn year_of(c: &Captures<'_>) -> Option<Option<i32>> {
    match c.name(G::Y) {
        Some(y) => {
            let y: i32 = y.as_str().parse().ok()?;
            if !(1000..=2999).contains(&y) {
                return None;
            }
            Some(Some(y))
        }
        None => Some(None),
    }
}

fn build_date(c: &Captures<'_>, _text: &str) -> Option<(ExpressionRule, What)> {
    let month = month_number(c.name(G::Mon)?.as_str())?;
    let day: u32 = c.name(G::D)?.as_str().parse().ok()?;
    if !(1..=31).contains(&day) {
        return None;
    }
    let year = year_of(c)?;
    let weekday = c.name(G::Wd).and_then(|w| weekday(w.as_str()));
    let pre = lower(c, G::Pre);
    let since = pre.as_deref() == Some("since");
    let rule = match pre.as_deref() {
        Some("since") => ExpressionRule::SinceDate,
        Some("on") => ExpressionRule::OnDate,
        _ => ExpressionRule::Date,
    };
    Some((
        rule,
        What::Date {
            month,
            day,
            year,
            weekday,
            since,
        },
    ))
}

/// A year may not run on into a number, a percentage, a range or a zone (`from 1830 UTC`).
fn year_edge_ok(text: &str, end: usize) -> bool {
    let rest = text.get(end..).unwrap_or("");
    let mut chars = rest.chars();
    let next = chars.next();
    let after = chars.next();
    if matches!(next, Some('%' | '0'..='9'))
        || matches!(next, Some('-' | '–' | ',' | '.')) && after.is_some_and(|c| c.is_ascii_digit())
    {
        return false;
    }
    !ZONE_AFTER.as_ref().is_some_and(|re| re.is_match(rest))
}

/// Whether `at` starts a sentence (only spaces and quotes back to a full stop or a line start).
pub(super) fn sentence_start(text: &str, at: usize) -> bool {
    let before = text.get(..at).unwrap_or("");
    match before
        .chars()
        .rev()
        .find(|c| !c.is_whitespace() && !matches!(c, '"' | '“' | '‘' | '\'' | '(' | '–' | '—'))
    {
        None => true,
        Some(c) => matches!(c, '.' | '!' | '?' | ':' | '•'),
    }
}

/// A weekday with no preposition, possessive or part of day: `her father Friday in a US
/// airstrike`, `a Saturday phone call`, but not `Sunday Times` or `Good Friday`.
fn bare_weekday_ok(text: &str, c: &Captures<'_>) -> bool {
    let Some(wd) = c.name(G::Wd) else {
        return false;
    };
    let prev = words_before(text, wd.start(), 1);
    if prev.first().is_some_and(|w| {
        matches!(
            w.as_str(),
            "Good" | "Black" | "Holy" | "Ash" | "Palm" | "Easter" | "Super" | "Cyber" | "Bloody"
        )
    }) {
        return false;
    }
    // A capitalised word right after (`Sunday Times`, `Friday Prayers`) makes a name.
    let rest = text.get(wd.end()..).unwrap_or("");
    let trimmed = rest.trim_start_matches([' ', '\u{a0}']);
    let glued_name =
        trimmed.len() < rest.len() && trimmed.chars().next().is_some_and(char::is_uppercase);
    !glued_name
}
