//! Time expressions in running text, read against a report: a table of phrases (most from the
//! seeds' own sentences) with the interval each must give, the rejections, the notes, and a
//! snapshot of every expression in every seed.
// The helpers below are test code outside `#[test]` functions, which clippy's test allowances miss.
#![allow(clippy::expect_used)]

use std::fmt::Write as _;

use chrono::{DateTime, Utc};
use dateline_time::{Expression, ExpressionKind, Interval, ReportContext, Tz, find_expressions};

fn report(utc: &str, tz: &str) -> ReportContext {
    let utc: DateTime<Utc> = utc.parse().expect("report time");
    let tz: Tz = tz.parse().expect("zone");
    ReportContext::new(utc, tz)
}

fn span(i: &Interval) -> String {
    format!(
        "{}/{} {:?}",
        i.start.format("%Y-%m-%dT%H:%MZ"),
        i.end.format("%Y-%m-%dT%H:%MZ"),
        i.granularity
    )
}

/// One line per expression: `[text] rule interval`, with `since`, alternatives and recurrences.
fn render(found: &[Expression]) -> String {
    if found.is_empty() {
        return "none".to_owned();
    }
    found
        .iter()
        .map(|e| {
            let mut out = format!("[{}] {}", e.text, e.rule);
            if e.kind == ExpressionKind::OpenSince {
                out.push_str(" since");
            }
            if let Some(i) = &e.interval {
                let _ = write!(out, " {}", span(i));
            }
            for a in &e.alternatives {
                let _ = write!(out, " alt {}", span(a));
            }
            if let Some(r) = &e.recurrence {
                let _ = write!(out, " ({r})");
            }
            out
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

fn notes(text: &str, r: &ReportContext) -> String {
    find_expressions(text, r)
        .iter()
        .flat_map(|e| e.notes.iter().map(ToString::to_string))
        .collect::<Vec<_>>()
        .join("\n")
}

// Reports the table reads against.
/// The Independent's live blog post of 3 January 2020 12:45 (a Friday), UK time.
const INDY: (&str, &str) = ("2020-01-03T12:45:00Z", "Europe/London");
/// DW's live blog, UTC, Friday 3 January 2020 at 17:35.
const DW: (&str, &str) = ("2020-01-03T17:35:00Z", "UTC");
/// The Independent, Friday 03 January 2020 19:44 GMT.
const INDY2: (&str, &str) = ("2020-01-03T19:44:00Z", "Europe/London");
/// The Independent, Wednesday 01 April 2020 19:16 BST.
const INDY3: (&str, &str) = ("2020-04-01T18:16:00Z", "Europe/London");
/// CNN's live blog post of 11:08 a.m. ET, Saturday 4 January 2020.
const CNN: (&str, &str) = ("2020-01-04T16:08:00Z", "America/New_York");
/// A Saturday post, UK time.
const SAT: (&str, &str) = ("2020-01-04T10:00:00Z", "Europe/London");
/// Tuesday 15 June 2021, noon in Berlin (summer time).
const BERLIN: (&str, &str) = ("2021-06-15T10:00:00Z", "Europe/Berlin");
/// Sunday 29 March 2020, the day UK clocks go forward.
const LONDON_SPRING: (&str, &str) = ("2020-03-29T12:00:00Z", "Europe/London");
/// Sunday 1 November 2020, the day New York's clocks go back.
const NY_FALL: (&str, &str) = ("2020-11-01T15:00:00Z", "America/New_York");
/// Sunday 4 October 2020, 13:00 in Sydney, the day its clocks go forward.
const SYDNEY_SPRING: (&str, &str) = ("2020-10-04T02:00:00Z", "Australia/Sydney");

#[rustfmt::skip]
const TABLE: &[(&str, (&str, &str), &str)] = &[
    // Seed 000, The Independent's live blog.
    ("Donald Trump has made his first statement since the bombing last night.", INDY,
     "[last night] last-night 2020-01-02T18:00Z/2020-01-03T06:00Z PartOfDay"),
    ("\"Last night was the time that we needed to strike.\"", INDY,
     "[Last night] last-night 2020-01-02T18:00Z/2020-01-03T06:00Z PartOfDay"),
    ("\"Yesterday's targeting of a military commander in Iraq's armed forces\"", INDY,
     "[Yesterday] yesterday 2020-01-02T00:00Z/2020-01-03T00:00Z Day"),
    ("promised to take revenge against the US for its killing of top Iranian general Qassem Soleimani on Friday, setting the scene", INDY,
     "[on Friday] on-weekday 2020-01-03T00:00Z/2020-01-04T00:00Z Day"),
    ("which the US blamed on Iran – last year.", INDY,
     "[last year] last-year 2019-01-01T00:00Z/2020-01-01T00:00Z Year"),
    // Days and parts of days against the same report.
    ("this morning", INDY, "[this morning] this-morning 2020-01-03T05:00Z/2020-01-03T12:00Z PartOfDay"),
    ("this afternoon", INDY, "[this afternoon] this-afternoon 2020-01-03T12:00Z/2020-01-03T18:00Z PartOfDay"),
    ("this evening", INDY, "[this evening] this-evening 2020-01-03T18:00Z/2020-01-04T00:00Z PartOfDay"),
    ("tonight", INDY, "[tonight] tonight 2020-01-03T18:00Z/2020-01-04T06:00Z PartOfDay"),
    ("earlier today", INDY, "[earlier today] earlier-today 2020-01-03T00:00Z/2020-01-03T12:45Z Day"),
    ("later today", INDY, "[later today] later-today 2020-01-03T12:45Z/2020-01-04T00:00Z Day"),
    ("today", INDY, "[today] today 2020-01-03T00:00Z/2020-01-04T00:00Z Day"),
    ("Today, the president spoke.", INDY, "[Today] today 2020-01-03T00:00Z/2020-01-04T00:00Z Day"),
    ("the day before yesterday", INDY, "[the day before yesterday] day-before-yesterday 2020-01-01T00:00Z/2020-01-02T00:00Z Day"),
    ("yesterday morning", INDY, "[yesterday morning] yesterday-part-of-day 2020-01-02T05:00Z/2020-01-02T12:00Z PartOfDay"),
    ("tomorrow", INDY, "[tomorrow] tomorrow 2020-01-04T00:00Z/2020-01-05T00:00Z Day"),
    ("tomorrow night", INDY, "[tomorrow night] tomorrow-part-of-day 2020-01-04T18:00Z/2020-01-05T06:00Z PartOfDay"),
    ("two days ago", INDY, "[two days ago] days-ago 2020-01-01T00:00Z/2020-01-02T00:00Z Day"),
    ("a week ago", INDY, "[a week ago] days-ago 2019-12-27T00:00Z/2019-12-28T00:00Z Day"),
    ("overnight", INDY, "[overnight] overnight 2020-01-02T18:00Z/2020-01-03T06:00Z PartOfDay"),
    ("last evening", INDY, "[last evening] last-night 2020-01-02T18:00Z/2020-01-03T00:00Z PartOfDay"),
    // Weeks, months and years counted from the report.
    ("this week", INDY, "[this week] this-week 2019-12-30T00:00Z/2020-01-06T00:00Z Week"),
    ("last week", INDY, "[last week] last-week 2019-12-23T00:00Z/2019-12-30T00:00Z Week"),
    ("next week", INDY, "[next week] next-week 2020-01-06T00:00Z/2020-01-13T00:00Z Week"),
    ("earlier this week", INDY, "[earlier this week] earlier-this-week 2019-12-30T00:00Z/2020-01-03T12:45Z Week"),
    ("later this week", INDY, "[later this week] later-this-week 2020-01-03T12:45Z/2020-01-06T00:00Z Week"),
    ("last month", INDY, "[last month] last-month 2019-12-01T00:00Z/2020-01-01T00:00Z Month"),
    ("earlier this month", INDY, "[earlier this month] earlier-this-month 2020-01-01T00:00Z/2020-01-03T12:45Z Month"),
    ("this year", INDY, "[this year] this-year 2020-01-01T00:00Z/2021-01-01T00:00Z Year"),
    ("next year", INDY, "[next year] next-year 2021-01-01T00:00Z/2022-01-01T00:00Z Year"),
    // Weekdays: the most recent on or before the report's day, unless told otherwise.
    ("on Thursday", INDY, "[on Thursday] on-weekday 2020-01-02T00:00Z/2020-01-03T00:00Z Day"),
    ("on Saturday", INDY, "[on Saturday] on-weekday 2019-12-28T00:00Z/2019-12-29T00:00Z Day"),
    ("Friday night", INDY, "[Friday night] weekday-part-of-day 2020-01-03T18:00Z/2020-01-04T06:00Z PartOfDay"),
    ("on Monday morning", INDY, "[on Monday morning] weekday-part-of-day 2019-12-30T05:00Z/2019-12-30T12:00Z PartOfDay"),
    ("last Friday", INDY, "[last Friday] last-weekday 2019-12-27T00:00Z/2019-12-28T00:00Z Day"),
    ("next Friday", INDY, "[next Friday] next-weekday 2020-01-10T00:00Z/2020-01-11T00:00Z Day"),
    ("this Sunday", INDY, "[this Sunday] this-weekday 2020-01-05T00:00Z/2020-01-06T00:00Z Day alt 2019-12-29T00:00Z/2019-12-30T00:00Z Day"),
    ("since Monday", INDY, "[since Monday] since-weekday since 2019-12-30T00:00Z/2020-01-03T12:45Z Day"),
    ("The ceasefire will begin on Sunday.", INDY,
     "[on Sunday] on-weekday 2020-01-05T00:00Z/2020-01-06T00:00Z Day alt 2019-12-29T00:00Z/2019-12-30T00:00Z Day"),
    ("next Sunday", INDY, "[next Sunday] next-weekday 2020-01-05T00:00Z/2020-01-06T00:00Z Day alt 2020-01-12T00:00Z/2020-01-13T00:00Z Day"),
    ("in the early hours of Friday", INDY, "[in the early hours of Friday] early-hours 2020-01-03T00:00Z/2020-01-03T06:00Z PartOfDay"),
    ("in the early hours", INDY, "[in the early hours] early-hours 2020-01-03T00:00Z/2020-01-03T06:00Z PartOfDay"),
    ("over the weekend", INDY, "[over the weekend] weekend 2019-12-28T00:00Z/2019-12-30T00:00Z Day"),
    ("over the weekend", SAT, "[over the weekend] weekend 2020-01-04T00:00Z/2020-01-06T00:00Z Day"),
    ("next weekend", INDY, "[next weekend] weekend 2020-01-11T00:00Z/2020-01-13T00:00Z Day"),
    // Years, months, dates.
    ("on Friday, 3 January", INDY, "[on Friday, 3 January] on-date 2020-01-03T00:00Z/2020-01-04T00:00Z Day"),
    ("Thursday, January 2", INDY, "[Thursday, January 2] date 2020-01-02T00:00Z/2020-01-03T00:00Z Day"),
    ("in 2019", INDY, "[in 2019] in-year 2019-01-01T00:00Z/2020-01-01T00:00Z Year"),
    ("since 2015", INDY, "[since 2015] since-year since 2015-01-01T00:00Z/2020-01-03T12:45Z Year"),
    ("in March 2019", INDY, "[in March 2019] in-month 2019-03-01T00:00Z/2019-03-31T23:00Z Month"),
    ("the March 2019 attack", INDY, "[March 2019] month-year 2019-03-01T00:00Z/2019-03-31T23:00Z Month"),
    ("in December", INDY, "[in December] in-month 2019-12-01T00:00Z/2020-01-01T00:00Z Month"),
    ("in January", INDY, "[in January] in-month 2020-01-01T00:00Z/2020-02-01T00:00Z Month"),
    ("on 3 January 2020", INDY, "[on 3 January 2020] on-date 2020-01-03T00:00Z/2020-01-04T00:00Z Day"),
    ("on 31 December", INDY, "[on 31 December] on-date 2019-12-31T00:00Z/2020-01-01T00:00Z Day"),
    ("on 5 January", INDY, "[on 5 January] on-date 2019-01-05T00:00Z/2019-01-06T00:00Z Day"),
    ("January 2", INDY, "[January 2] date 2020-01-02T00:00Z/2020-01-03T00:00Z Day"),
    ("on the 2nd of January", INDY, "[on the 2nd of January] on-date 2020-01-02T00:00Z/2020-01-03T00:00Z Day"),
    ("since 1 December", INDY, "[since 1 December] since-date since 2019-12-01T00:00Z/2020-01-03T12:45Z Day"),
    ("Jan. 2", INDY, "[Jan. 2] date 2020-01-02T00:00Z/2020-01-03T00:00Z Day"),
    // Clocks: past-biased, with the reading a few hours ahead kept.
    ("at 3pm", INDY, "[at 3pm] clock 2020-01-02T15:00Z/2020-01-02T16:00Z Hour alt 2020-01-03T15:00Z/2020-01-03T16:00Z Hour"),
    ("at 9am", INDY, "[at 9am] clock 2020-01-03T09:00Z/2020-01-03T10:00Z Hour"),
    ("at 12:44", INDY, "[at 12:44] clock 2020-01-03T12:44Z/2020-01-03T12:45Z Minute"),
    ("at 1830 UTC", INDY, "[at 1830 UTC] clock-stated-zone 2020-01-02T18:30Z/2020-01-02T18:31Z Minute alt 2020-01-03T18:30Z/2020-01-03T18:31Z Minute"),
    ("The curfew lasted until midnight.", INDY, "[midnight] clock 2020-01-03T00:00Z/2020-01-03T00:01Z Minute alt 2020-01-04T00:00Z/2020-01-04T00:01Z Minute"),
    ("on Friday at 3pm", INDY, "[on Friday at 3pm] clock 2020-01-03T15:00Z/2020-01-03T16:00Z Hour"),
    ("at 7.30am on Thursday", INDY, "[at 7.30am on Thursday] clock 2020-01-02T07:30Z/2020-01-02T07:31Z Minute"),
    ("last night at 1am", INDY, "[last night at 1am] clock 2020-01-03T01:00Z/2020-01-03T02:00Z Hour"),
    ("Friday at 1830 UTC", INDY, "[Friday at 1830 UTC] clock-stated-zone 2020-01-03T18:30Z/2020-01-03T18:31Z Minute"),
    ("He arrived in Baghdad on 2 January at 1am local time.", INDY,
     "[on 2 January at 1am local time] clock-local-time 2020-01-01T22:00Z/2020-01-01T23:00Z Hour"),
    ("yesterday at 9.30pm", INDY, "[yesterday at 9.30pm] relative-day-time 2020-01-02T21:30Z/2020-01-02T21:31Z Minute"),
    ("The meeting will start at 3pm.", INDY, "[at 3pm] clock 2020-01-03T15:00Z/2020-01-03T16:00Z Hour alt 2020-01-02T15:00Z/2020-01-02T16:00Z Hour"),
    ("2 hours ago", INDY, "[2 hours ago] ago 2020-01-03T10:45Z/2020-01-03T11:45Z Hour"),
    // Recurrences: no interval.
    ("every day at 9am", INDY, "[every day at 9am] recurring (every day at 09:00)"),
    ("The shop opens on Fridays.", INDY, "[on Fridays] recurring (every Friday)"),
    // Not dates.
    ("Iran may now prioritize making nuclear weapons", INDY, "none"),
    ("We have woken up to a more dangerous world", INDY, "none"),
    ("Some 51% of respondents said", INDY, "none"),
    ("the 82nd Airborne Division", INDY, "none"),
    ("03:42", INDY, "none"),
    ("Some 3,000 US troops", INDY, "none"),
    ("The Sunday Times reported", INDY, "none"),
    ("May God bestow His blessings on all of us", INDY, "none"),
    ("around 1830 people", INDY, "none"),
    ("the 2003 invasion", INDY, "none"),
    ("the March on Washington", INDY, "none"),
    ("Brent oil soared by 4.5% and WTI surged 4.1%", INDY, "none"),
    ("what happens in may be decided later", INDY, "none"),
    ("The Sun reported", INDY, "none"),
    ("the 2019-20 season began in 2019-20", INDY, "none"),
    ("the shelling went on at 1830", INDY, "none"),
    ("on Good Friday", INDY, "none"),
    ("USA Today reported", INDY, "none"),
    // Seed 001, DW's live blog in UTC.
    ("Iraq's parliament will hold extraordinary sessions to discuss this morning's airstrike.", DW,
     "[this morning] this-morning 2020-01-03T05:00Z/2020-01-03T12:00Z PartOfDay"),
    ("Earlier on Friday, US forces carried out a targeted airstrike killing Iranian General Qassem Soleimani", ("2020-01-03T06:00:00Z", "UTC"),
     "[Earlier on Friday] on-weekday 2020-01-03T00:00Z/2020-01-04T00:00Z Day"),
    ("Iranian officials have vowed retribution for Friday's attack.", DW,
     "[Friday's] weekday-possessive 2020-01-03T00:00Z/2020-01-04T00:00Z Day"),
    ("The troops will be joining some 750 forces that were sent to Kuwait, which borders Iraq to the south, earlier this week.", ("2020-01-03T19:33:00Z", "UTC"),
     "[earlier this week] earlier-this-week 2019-12-30T00:00Z/2020-01-03T19:33Z Week"),
    ("A poll published in May showed that a majority of Americans believe the US is on a warpath with Iran.", ("2020-01-03T10:15:00Z", "UTC"),
     "[in May] in-month 2019-05-01T00:00Z/2019-06-01T00:00Z Month"),
    ("the Iran-backed Popular Mobilization Forces were seen as instrumental in quelling anti-government protests since October.", ("2020-01-03T06:31:00Z", "UTC"),
     "[since October] since-month since 2019-10-01T00:00Z/2020-01-03T06:31Z Month"),
    ("Each evening at 1830 UTC, DW's editors send out a selection of the day's hard news", DW,
     "[Each evening at 1830 UTC] recurring (every evening at 18:30 UTC)"),
    ("Iraq's parliament is set to hold an emergency session on Saturday to discuss", ("2020-01-03T09:43:00Z", "UTC"),
     "[on Saturday] on-weekday 2020-01-04T00:00Z/2020-01-05T00:00Z Day alt 2019-12-28T00:00Z/2019-12-29T00:00Z Day"),
    ("A US strike was carried out overnight near Baghdad International Airport.", ("2020-01-03T07:05:00Z", "UTC"),
     "[overnight] overnight 2020-01-02T18:00Z/2020-01-03T06:00Z PartOfDay"),
    ("here's a brief rundown of today's events", ("2020-01-03T07:05:00Z", "UTC"),
     "[today] today 2020-01-03T00:00Z/2020-01-04T00:00Z Day"),
    ("US Defense Secretary Mark Esper has canceled plans to take a vacation later this month", ("2020-01-03T18:25:00Z", "UTC"),
     "[later this month] later-this-month 2020-01-03T18:25Z/2020-02-01T00:00Z Month"),
    ("Biden, who hopes to run against Trump in this year's election.", DW,
     "[this year] this-year 2020-01-01T00:00Z/2021-01-01T00:00Z Year"),
    ("Mexican President Andres Manuel Lopez Obrador refused to comment on Friday's developments", DW,
     "[Friday's] weekday-possessive 2020-01-03T00:00Z/2020-01-04T00:00Z Day"),
    ("\"Iran may now prioritize making nuclear weapons, even if they were not about to do it before,\" Kosachev wrote", DW, "none"),
    ("the Immediate Response Force (IRF) brigade of the 82nd Airborne Division was being sent out to the region.", DW, "none"),
    ("Some 51% of respondents said Washington and Tehran would go to war within a couple of years.", DW, "none"),
    // Seed 002, The Independent on the second strike.
    ("The airstrike north of Baghdad is said to have taken place at 1.12am local time.", INDY2,
     "[at 1.12am local time] clock-local-time 2020-01-02T22:12Z/2020-01-02T22:13Z Minute alt 2020-01-03T22:12Z/2020-01-03T22:13Z Minute"),
    ("On Thursday, when the US killed the 62-year-old Iranian leader", INDY2,
     "[On Thursday] on-weekday 2020-01-02T00:00Z/2020-01-03T00:00Z Day"),
    ("On Friday, Mr Trump claimed the US killed Soleimani", INDY2,
     "[On Friday] on-weekday 2020-01-03T00:00Z/2020-01-04T00:00Z Day"),
    ("\"We took action last night to stop a war.\"", INDY2,
     "[last night] last-night 2020-01-02T18:00Z/2020-01-03T06:00Z PartOfDay"),
    // Seed 003, The Independent, 1 April 2020.
    ("Soleimani was killed in a drone strike on 3 January in Baghdad airport.", INDY3,
     "[on 3 January] on-date 2020-01-03T00:00Z/2020-01-04T00:00Z Day"),
    ("In March, a rocket attack attributed to Kata'ib Hezbollah killed two American and one British military personnel.", INDY3,
     "[In March] in-month 2020-03-01T00:00Z/2020-03-31T23:00Z Month"),
    ("In March, a rocket attack killed three. The US launched retaliatory strikes a day later targeting Kata'ib Hezbollah.", INDY3,
     "[In March] in-month 2020-03-01T00:00Z/2020-03-31T23:00Z Month | [a day later] days-later 2020-03-02T00:00Z/2020-04-01T23:00Z Month"),
    ("Donald Trump claimed on Wednesday that Iran is planning a \"sneak attack\"", INDY3,
     "[on Wednesday] on-weekday 2020-03-31T23:00Z/2020-04-01T23:00Z Day"),
    ("since the US assassination of Iranian general Qassem Soleimani in January.", INDY3,
     "[in January] in-month 2020-01-01T00:00Z/2020-02-01T00:00Z Month"),
    ("On 8 January, Iran fired missiles. A day later, Trump spoke.", INDY3,
     "[On 8 January] on-date 2020-01-08T00:00Z/2020-01-09T00:00Z Day | [A day later] days-later 2020-01-09T00:00Z/2020-01-10T00:00Z Day"),
    ("On 8 January, Iran fired missiles; the day before, it buried Soleimani.", INDY3,
     "[On 8 January] on-date 2020-01-08T00:00Z/2020-01-09T00:00Z Day | [the day before] the-day-before 2020-01-07T00:00Z/2020-01-08T00:00Z Day"),
    ("He was killed on 3 January; two days later, parliament voted.", INDY3,
     "[on 3 January] on-date 2020-01-03T00:00Z/2020-01-04T00:00Z Day | [two days later] days-later 2020-01-05T00:00Z/2020-01-06T00:00Z Day"),
    ("a day later", INDY3, "[a day later] days-later 2020-04-01T23:00Z/2020-04-02T23:00Z Day"),
    ("the day before", INDY3, "[the day before] the-day-before 2020-03-30T23:00Z/2020-03-31T23:00Z Day"),
    // Seed 004, CNN's live blog on 4 January in ET: `today` is the 4th, not the page's 5 January update.
    ("\"...committed to de-escalation,\" Pompeo tweeted today.", CNN,
     "[today] today 2020-01-04T05:00Z/2020-01-05T05:00Z Day"),
    ("\"The escalation of tensions in the Middle-East isn't inevitable,\" Macron tweeted on Saturday.", CNN,
     "[on Saturday] on-weekday 2020-01-04T05:00Z/2020-01-05T05:00Z Day"),
    ("The State Department confirmed Pompeo’s Saturday tweet referred to Friday’s call.", CNN,
     "[Saturday] weekday 2020-01-04T05:00Z/2020-01-05T05:00Z Day | [Friday’s] weekday-possessive 2020-01-03T05:00Z/2020-01-04T05:00Z Day"),
    ("The Joint Comprehensive Plan of Action (JCPOA) was reached in Vienna on July 14, 2015.", CNN,
     "[on July 14, 2015] on-date 2015-07-14T04:00Z/2015-07-15T04:00Z Day"),
    ("The United States announced its withdrawal on May 8, 2018.", CNN,
     "[on May 8, 2018] on-date 2018-05-08T04:00Z/2018-05-09T04:00Z Day"),
    ("Pompeo spoke with Salih on Friday, the State Department said.", CNN,
     "[on Friday] on-weekday 2020-01-03T05:00Z/2020-01-04T05:00Z Day"),
    ("visited Qasem Soleimani's daughter following the death of her father Friday in a US airstrike.", CNN,
     "[Friday] weekday 2020-01-03T05:00Z/2020-01-04T05:00Z Day"),
    ("said the US strike violated international laws in a Saturday phone call with Iranian Foreign Minister Javad Zarif", CNN,
     "[Saturday] weekday 2020-01-04T05:00Z/2020-01-05T05:00Z Day"),
    // "Friday" in a Saturday post is the day before.
    ("Friday's attack", SAT, "[Friday's] weekday-possessive 2020-01-03T00:00Z/2020-01-04T00:00Z Day"),
    ("on Saturday", SAT, "[on Saturday] on-weekday 2020-01-04T00:00Z/2020-01-05T00:00Z Day"),
    ("last night", SAT, "[last night] last-night 2020-01-03T18:00Z/2020-01-04T06:00Z PartOfDay"),
    // Other zones and seasons.
    ("yesterday", BERLIN, "[yesterday] yesterday 2021-06-13T22:00Z/2021-06-14T22:00Z Day"),
    ("at 9pm IST", BERLIN, "[at 9pm IST] clock-stated-zone 2021-06-14T15:30Z/2021-06-14T16:30Z Hour alt 2021-06-15T15:30Z/2021-06-15T16:30Z Hour"),
    ("at 11:30 ET", BERLIN, "[at 11:30 ET] clock-stated-zone 2021-06-14T15:30Z/2021-06-14T15:31Z Minute alt 2021-06-15T15:30Z/2021-06-15T15:31Z Minute"),
    ("on 3 January", BERLIN, "[on 3 January] on-date 2021-01-02T23:00Z/2021-01-03T23:00Z Day"),
    ("in December", BERLIN, "[in December] in-month 2020-11-30T23:00Z/2020-12-31T23:00Z Month"),
    ("next month", BERLIN, "[next month] next-month 2021-06-30T22:00Z/2021-07-31T22:00Z Month"),
    ("in early March", BERLIN, "[in early March] in-month 2021-02-28T23:00Z/2021-03-31T22:00Z Month"),
    ("today", LONDON_SPRING, "[today] today 2020-03-29T00:00Z/2020-03-29T23:00Z Day"),
    ("at 1.30am", LONDON_SPRING, "[at 1.30am] clock 2020-03-29T00:30Z/2020-03-29T00:31Z Minute"),
    ("at 1:30 a.m.", NY_FALL, "[at 1:30 a.m.] clock 2020-11-01T05:30Z/2020-11-01T05:31Z Minute"),
    ("this morning", SYDNEY_SPRING, "[this morning] this-morning 2020-10-03T18:00Z/2020-10-04T01:00Z PartOfDay"),
    ("yesterday", SYDNEY_SPRING, "[yesterday] yesterday 2020-10-02T14:00Z/2020-10-03T14:00Z Day"),
];

#[test]
fn table() {
    assert!(TABLE.len() >= 80, "{} rows", TABLE.len());
    let mut failures = Vec::new();
    for (text, (utc, tz), want) in TABLE {
        let got = render(&find_expressions(text, &report(utc, tz)));
        if got != *want {
            failures.push(format!(
                "{text:?} at {utc} {tz}\n  want {want}\n  got  {got}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} rows differ:\n{}",
        failures.len(),
        TABLE.len(),
        failures.join("\n")
    );
}

#[test]
fn spans_are_the_printed_text() {
    for (text, (utc, tz), _) in TABLE {
        for e in find_expressions(text, &report(utc, tz)) {
            assert_eq!(text.get(e.span.clone()), Some(e.text.as_str()), "{text:?}");
        }
    }
}

#[test]
fn the_strike_at_local_time_is_uncertain() {
    let r = report(INDY2.0, INDY2.1);
    let text = "The airstrike north of Baghdad is said to have taken place at 1.12am local time.";
    let found = find_expressions(text, &r);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].zone, "Asia/Baghdad");
    assert_eq!(
        found[0].origin,
        dateline_time::ZoneOrigin::Gazetteer {
            place: "Baghdad".into()
        }
    );
    insta::assert_snapshot!(notes(text, &r), @r"
    info[local-time-place]: `at 1.12am local time` read in Baghdad (Asia/Baghdad), the place named before it in its sentence
    warning[clock-day-uncertain]: `at 1.12am local time` names no day: read as 2020-01-03 01:12 in Asia/Baghdad, 2020-01-02T22:12Z, the last such time before the report; 2020-01-03T22:12Z, 2h28 after the report, is also possible
    ");
}

#[test]
fn notes_say_what_was_chosen() {
    let indy = report(INDY.0, INDY.1);
    insta::assert_snapshot!(notes("since the bombing last night", &indy), @"info[part-of-day]: `last night` read as the night of 2020-01-02, 18:00 to 06:00 in Europe/London");
    insta::assert_snapshot!(notes("Parliament is set to meet on Saturday.", &indy), @"warning[future-cue]: `on Saturday` read as the coming Saturday, 2020-01-04, since the sentence looks ahead; the past one, 2019-12-28, is also possible");
    insta::assert_snapshot!(notes("Friday's attack", &indy), @"info[past-biased]: `Friday's` read as the most recent Friday on or before the report's day: 2020-01-03");
    insta::assert_snapshot!(notes("A poll published in May", &indy), @"info[year-inferred]: `in May` names no year: read as 2019-05, the most recent on or before the report's month");
    insta::assert_snapshot!(notes("earlier this week", &indy), @"info[week-monday]: `earlier this week` read with weeks running Monday to Sunday: from 2019-12-30");
    insta::assert_snapshot!(notes("Each evening at 1830 UTC", &indy), @"info[recurring]: `Each evening at 1830 UTC` recurs (every evening at 18:30 UTC); it names no single time");
    insta::assert_snapshot!(notes("a day later", &indy), @"warning[no-anchor]: `a day later` counts from an earlier time the text does not give; counted from the report's day: 2020-01-04");
    insta::assert_snapshot!(notes("In March, it began. A day later it ended.", &indy), @r"
    info[year-inferred]: `In March` names no year: read as 2019-03, the most recent on or before the report's month
    warning[anchor-coarse]: `A day later` counted from `In March`, which names a Month and not a day: the day is not known
    ");
    insta::assert_snapshot!(notes("It happened at 1.12am local time.", &indy), @r"
    warning[local-time-unplaced]: `at 1.12am local time` names a local time but the text names no place the gazetteer knows; read in the report's zone, Europe/London
    info[clock-day-inferred]: `at 1.12am local time` names no day: read as 2020-01-03 01:12 in Europe/London, the last such time before the report
    ");
    insta::assert_snapshot!(notes("Troops left Baghdad for Tehran, arriving at 6pm local time.", &indy), @r"
    info[local-time-place]: `at 6pm local time` read in Tehran (Asia/Tehran), the place named before it in its sentence
    warning[local-time-places-disagree]: the text also names places in other zones: Baghdad (Asia/Baghdad)
    warning[clock-day-uncertain]: `at 6pm local time` names no day: read as 2020-01-02 18:00 in Asia/Tehran, 2020-01-02T14:30Z, the last such time before the report; 2020-01-03T14:30Z, 1h45 after the report, is also possible
    ");
    insta::assert_snapshot!(notes("Thursday 3 January 2020", &indy), @"warning[weekday-mismatch]: `Thursday 3 January 2020` prints Thursday but 2020-01-03 is a Friday");
    insta::assert_snapshot!(notes("in the early hours of Friday", &indy), @r"
    info[past-biased]: `in the early hours of Friday` read as the most recent Friday on or before the report's day: 2020-01-03
    info[part-of-day]: `in the early hours of Friday` read as the early hours of 2020-01-03, 00:00 to 06:00 in Europe/London
    ");
    insta::assert_snapshot!(notes("over the weekend", &indy), @"info[weekend]: `over the weekend` read as Saturday 2019-12-28 and Sunday 2019-12-29");
    insta::assert_snapshot!(notes("at 9pm IST", &indy), @r"
    warning[clock-day-uncertain]: `at 9pm IST` names no day: read as 2020-01-02 21:00 in Asia/Kolkata, 2020-01-02T15:30Z, the last such time before the report; 2020-01-03T15:30Z, 2h45 after the report, is also possible
    info[zone-ambiguous]: `IST` read as India Standard Time (Asia/Kolkata) by default: neither the outlet's country nor the page's other zones say which; it may also mean Irish Standard Time (Europe/Dublin) or Israel Standard Time (Asia/Jerusalem)
    ");
    insta::assert_snapshot!(notes("at 1.30am", &report(LONDON_SPRING.0, LONDON_SPRING.1)), @r"
    info[clock-day-inferred]: `at 1.30am` names no day: read as 2020-03-29 00:30 in Europe/London, the last such time before the report
    warning[dst-gap]: 2020-03-29 01:30:00 does not exist in Europe/London (clocks skip it); the earlier policy read it as 2020-03-29T00:30:00+00:00
    ");
    insta::assert_snapshot!(notes("at 1:30 a.m.", &report(NY_FALL.0, NY_FALL.1)), @r"
    info[clock-day-inferred]: `at 1:30 a.m.` names no day: read as 2020-11-01 01:30 in America/New_York, the last such time before the report
    warning[dst-overlap]: 2020-11-01 01:30:00 happens twice in America/New_York (at 2020-11-01T01:30:00-04:00 and 2020-11-01T01:30:00-05:00); the earlier policy chose 2020-11-01T01:30:00-04:00
    ");
}

#[test]
fn a_country_chooses_an_ambiguous_zone() {
    let r = report(INDY.0, INDY.1).with_country("IE");
    let found = find_expressions("at 9pm IST", &r);
    assert_eq!(found[0].zone, "Europe/Dublin");
}

/// Every expression in every seed, read against the seed's own dateline.
#[test]
fn seeds() {
    insta::glob!("../../../seeds", "*.txt", |path| {
        let text = std::fs::read_to_string(path).expect("seed");
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let (utc, tz) = match name.get(..3) {
            Some("000") => INDY,
            Some("001") => DW,
            Some("002") => INDY2,
            Some("003") => INDY3,
            _ => CNN,
        };
        let r = report(utc, tz);
        let mut out = format!("report: {utc} in {tz}\n");
        for e in find_expressions(&text, &r) {
            let _ = write!(
                out,
                "{}..{} {} zone={} origin={:?}",
                e.span.start,
                e.span.end,
                render(std::slice::from_ref(&e)),
                e.zone,
                e.origin
            );
            for n in &e.notes {
                let _ = write!(out, "\n    {n}");
            }
            out.push('\n');
        }
        insta::assert_snapshot!(out);
    });
}

use proptest::prelude::Strategy as _;

proptest::proptest! {
    /// No text makes reading panic, every span is the printed text, and every interval runs
    /// forwards.
    #[test]
    fn any_text_reads_safely(
        words in proptest::collection::vec(
            proptest::prop_oneof![
                proptest::sample::select(vec![
                    "on", "Friday", "Friday's", "last", "night", "at", "3pm", "1.12am", "local",
                    "time", "in", "March", "May", "since", "October", "a", "day", "later", "the",
                    "before", "2019", "3", "January", "each", "evening", "1830", "UTC", "IST",
                    "Baghdad", "this", "week", "early", "hours", "of", "weekend", "\u{a0}", ".",
                    ",", "\n", "’s", "12:44", "99", "days", "ago",
                ]).prop_map(str::to_owned),
                "\\PC{0,6}",
            ],
            0..24,
        ),
        secs in 0i64..4_000_000_000,
        zone in proptest::sample::select(vec![
            Tz::UTC, Tz::Europe__London, Tz::America__New_York, Tz::Australia__Sydney,
            Tz::Asia__Kolkata, Tz::America__Santiago, Tz::Pacific__Chatham,
        ]),
    ) {
        let text = words.join(" ");
        let utc = DateTime::from_timestamp(secs, 0).expect("in range");
        for e in find_expressions(&text, &ReportContext::new(utc, zone)) {
            proptest::prop_assert_eq!(text.get(e.span.clone()), Some(e.text.as_str()));
            for i in e.interval.iter().chain(&e.alternatives) {
                proptest::prop_assert!(i.start <= i.end, "{:?} in {:?}", e, text);
            }
            proptest::prop_assert_eq!(e.interval.is_none(), e.kind == ExpressionKind::Recurring);
        }
    }
}

/// Found by the property test: "since 2019" in a report from 1970 gave an interval that ran
/// backwards. The text contradicts its own date; the year is kept, with a warning.
#[test]
fn since_a_time_after_the_report_does_not_run_backwards() {
    let utc = DateTime::from_timestamp(0, 0).expect("in range");
    let found = find_expressions(
        "prices have risen since 2019",
        &ReportContext::new(utc, Tz::UTC),
    );
    assert_eq!(found.len(), 1);
    let e = &found[0];
    assert_eq!(e.kind, ExpressionKind::Interval);
    let i = e.interval.expect("an interval");
    assert_eq!(i.start.to_rfc3339(), "2019-01-01T00:00:00+00:00");
    assert_eq!(i.end.to_rfc3339(), "2020-01-01T00:00:00+00:00");
    insta::assert_snapshot!(e.notes[0].to_string(), @"warning[since-after-report]: `since 2019` names a time after the report itself; read as that year alone");
}
