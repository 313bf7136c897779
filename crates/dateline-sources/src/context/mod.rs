//! A page's context, decided once from every clue on the page before its posts are read.
//!
//! Whose page this is, in which language and country, which zone its bare clocks are in, when it
//! was published and updated, which day its clocks fall on, when it was saved and whether it is a
//! live blog or an article: each is a question ([`Question`]) that the clues on the page answer
//! together. The clues come from the page's machine data ([`machine`]: JSON-LD, microdata,
//! `<meta>`, `<time>`, the canonical address, `<html lang>`), from its visible text ([`text`]:
//! labelled lines in many languages, datelines beside the headline, stamps that print their zone,
//! domains and copyright lines, the language of its prose), from the layout that recognised it,
//! and from what the user said (`Options`). Each question is decided by [`clue::vote`]; the
//! decision keeps the clue that won, those that agreed and the best of those that lost, and the
//! document carries them ([`dateline_model::PageContext`]) for `dateline explain` and the JSON.
//!
//! Layouts then split the page into posts with this context, and the shared resolution step reads
//! every post's stamp in it: no layout decides a page's zone, date or times on its own.

mod clue;
mod language;
mod machine;
mod places;
mod printed;
mod text;

pub(crate) use machine::main_item;

use chrono::{DateTime, FixedOffset, NaiveDate, Offset, TimeZone, Utc};
use dateline_model::{
    Basis, Diagnostic, DocumentKind, PageContext, Precision, Question, ResolvedTime, Severity,
    ZoneSource,
};
use dateline_time::{Anchor, Context as TimeContext, Stamp, Tz, ZoneHint, ZoneOrigin};

use crate::layout::{RawStamp, Role};
use crate::{Page, html::Machine, outlets};
pub(crate) use clue::weight;
use clue::{Clue, Outcome, vote};
pub(crate) use text::bodied_blocks;
pub(crate) use text::body as is_body;
pub(crate) use text::broadcast as is_broadcast;
pub(crate) use text::label_only as is_label;
pub(crate) use text::prose as is_prose;

/// What the user knows about a page and says so: it outweighs every clue on the page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Given {
    /// The zone of the page's clocks (`--zone`).
    pub zone: Option<Tz>,
    /// The outlet's country (`--country`).
    pub country: Option<String>,
    /// When the page was saved (`--captured-at`).
    pub captured_at: Option<DateTime<Utc>>,
    /// When a web archive says it was fetched (`Options::fetched_at`).
    pub fetched_at: Option<DateTime<Utc>>,
}

/// What the layout that recognised the page knows of it: its outlet, and whether the layout reads
/// live blogs or articles.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct LayoutHint {
    /// The layout's name and the outlet it is made for.
    pub outlet: Option<(&'static str, &'static str)>,
    /// The kind of page the layout reads.
    pub kind: Option<(&'static str, DocumentKind)>,
}

/// A time the page gives for itself, resolved in the page's zone, with where it stands.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Dated {
    /// The time: the most precise of the agreeing clues.
    pub time: ResolvedTime,
    /// The line of the visible text that shows it, when the page shows it.
    pub line: Option<u32>,
    /// The visible stamp, when the page shows less than the time gives (a date where the machine
    /// data gives the minute).
    pub shown: Option<ResolvedTime>,
    /// The stamp of the visible text that shows the time, as printed.
    pub visible: Option<RawStamp>,
    /// What reading the time noticed, for the page's diagnostics.
    pub notes: Vec<dateline_time::Note>,
}

/// The day of a page's bare clocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PageDate {
    pub date: NaiveDate,
    /// Which end of the page's posts the day belongs to.
    pub anchor: Anchor,
    /// The line that prints it, or that prints the time it was taken from.
    pub line: Option<u32>,
    /// Which of the page's times it was taken from (`published`, `updated`), when no line prints
    /// the date alone.
    pub from: Option<&'static str>,
}

/// A page's context: every decision, in the form the reading needs, and the record the
/// document carries.
#[derive(Debug, Clone)]
pub(crate) struct Context {
    /// The outlet's name.
    pub outlet: Option<String>,
    /// The outlet's country (ISO 3166-1 alpha-2).
    pub country: Option<String>,
    /// The zone of the page's clocks, and where it came from.
    pub zone: Option<ZoneHint>,
    /// Where the zone came from, in words, when it is only a guess (the places the page names,
    /// directly or through its country): the reading warns where the page's clocks use it.
    pub zone_guess: Option<String>,
    /// When the page was saved.
    pub now: Option<DateTime<Utc>>,
    /// When the page was published.
    pub published: Option<Dated>,
    /// When the page was last updated.
    pub updated: Option<Dated>,
    /// The day of the page's bare clocks.
    pub page_date: Option<PageDate>,
    /// The page's statement of its zone: its line and text.
    pub statement: Option<RawStamp>,
    /// The line that heads the comment thread under the article, when the page has one.
    pub comments: Option<u32>,
    /// The lists of other stories on the page (related, latest, most read): each heading's line
    /// and the last line of its list.
    pub related: Vec<(u32, u32)>,
    /// Whether the page is a live blog or an article, when the clues say.
    pub kind: Option<DocumentKind>,
    /// Whether the page's machine data (not only its text) says which kind it is.
    pub kind_declared: bool,
    /// The page's headline, from its machine data.
    pub title: Option<String>,
    /// The record the document carries.
    pub record: PageContext,
    /// What the decisions had to say (contradictions, a zone assumed).
    pub diagnostics: Vec<Diagnostic>,
}

impl Context {
    /// Whether `line` stands in a list of other stories, under its heading.
    pub(crate) fn in_related(&self, line: u32) -> bool {
        // The lists are in page order, and a later list ends no sooner than an earlier one:
        // the last heading above the line says.
        let above = self.related.partition_point(|&(h, _)| h < line);
        above
            .checked_sub(1)
            .and_then(|i| self.related.get(i))
            .is_some_and(|&(_, end)| line <= end)
    }

    /// The role of a line the context read as the page's own (its zone statement, its
    /// publication and update lines, its date line), and the rule that says so.
    pub(crate) fn claims(&self, line: u32) -> Option<(Role, &'static str)> {
        if self.statement.as_ref().is_some_and(|s| s.line == line) {
            return Some((Role::ZoneStatement, "zone-statement"));
        }
        let shows = |d: &Option<Dated>| {
            d.as_ref()
                .and_then(|d| d.visible.as_ref())
                .is_some_and(|v| v.line == line)
        };
        if shows(&self.published) {
            return Some((Role::Published, "published-line"));
        }
        if shows(&self.updated) {
            return Some((Role::Updated, "updated-line"));
        }
        if self
            .page_date
            .is_some_and(|d| d.from.is_none() && d.line == Some(line))
        {
            return Some((Role::PageDate, "date-line"));
        }
        None
    }

    /// The time context that resolves the page's stamps: its zone, country, page date and
    /// capture time.
    pub(crate) fn time_context(&self, dst: dateline_time::DstPolicy) -> TimeContext {
        let mut ctx = TimeContext::default().with_dst(dst);
        if let Some(hint) = &self.zone {
            ctx = ctx.with_zone(hint.tz, hint.origin.clone());
        }
        if let Some(country) = &self.country {
            ctx = ctx.with_country(country);
        }
        if let Some(now) = self.now {
            ctx = ctx.with_now(now);
        }
        if let Some(d) = self.page_date {
            ctx = ctx.with_page_date(d.date).with_anchor(d.anchor);
        }
        ctx
    }
}

/// The places of one country that a page's prose names.
#[derive(Debug, Clone)]
pub(crate) struct Places {
    /// The country (ISO 3166-1 alpha-2).
    pub country: String,
    /// How many times the prose names its places.
    pub mentions: u32,
    /// How many of its places the page names.
    pub distinct: u32,
    /// Its most named place, that place's zone, and the line it is first named on.
    pub place: String,
    pub tz: Tz,
    pub line: u32,
}

/// A relative time beside a clock: the page was saved that long after the clock's time.
#[derive(Debug, Clone)]
pub(crate) struct Ago {
    pub clock: Stamp,
    pub ago: chrono::Duration,
    pub line: u32,
    pub text: String,
}

/// Every clue found on a page, by question.
#[derive(Debug, Default)]
pub(crate) struct Found {
    pub url: Vec<Clue<String>>,
    pub outlet: Vec<Clue<String>>,
    pub language: Vec<Clue<String>>,
    pub country: Vec<Clue<String>>,
    pub zone: Vec<Clue<ZoneClue>>,
    pub published: Vec<Clue<When>>,
    pub updated: Vec<Clue<When>>,
    pub page_date: Vec<Clue<NaiveDate>>,
    pub now: Vec<Clue<DateTime<Utc>>>,
    pub kind: Vec<Clue<DocumentKind>>,
    /// The places the page's prose names, by country, most named first.
    pub places: Vec<Places>,
    /// The place a story's own dateline names (`MANILA, Philippines —`), with its line and the
    /// dateline as printed.
    pub story_dateline: Option<(dateline_time::Place, u32, String)>,
    /// The days of the social posts the page quotes, with their lines: the page is no older.
    pub quoted: Vec<(NaiveDate, u32)>,
    /// The weekdays the prose calls today ("today (Monday)", "اليوم الاثنين"), with their lines
    /// and text.
    pub today: Vec<(chrono::Weekday, u32, String)>,
    /// Relative times beside clocks (`4m ago` beside `09.10 BST`): the clock, how long before
    /// the capture it was, the line and the text.
    pub ago: Vec<Ago>,
    /// The page's statement of its zone, when it makes one.
    pub statement: Option<(RawStamp, Tz)>,
    /// The line that heads a comment thread under the article.
    pub comments: Option<u32>,
    /// The lists of other stories: each heading's line and its list's last line.
    pub related: Vec<(u32, u32)>,
    /// The page's headline from its machine data.
    pub title: Option<String>,
}

/// What a zone clue says: a zone, a label printed in a stamp (read once the country is known),
/// or an offset in force at an instant.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum ZoneClue {
    /// A zone by name.
    Region(Tz),
    /// A stamp that prints its zone (`10:01 pm PST`), read with the page's country.
    Printed(Box<Stamp>),
    /// A UTC offset the page's times carry at an instant (`+02:00` on a June date).
    Offset(FixedOffset, DateTime<Utc>),
}

/// A time a clue gives, before the page's zone is known.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum When {
    /// A machine time with its offset: an instant.
    Instant {
        at: DateTime<FixedOffset>,
        raw: String,
        field: String,
    },
    /// A machine time with no zone, or a date alone, or in another form: read in the page's zone.
    Machine {
        stamp: Box<Stamp>,
        raw: String,
        field: String,
    },
    /// A stamp of the visible text.
    Visible { stamp: Box<Stamp>, raw: RawStamp },
}

impl When {
    /// The day it names, as the page prints it (local), when it names a whole date.
    fn day(&self) -> Option<NaiveDate> {
        match self {
            When::Visible { stamp, .. } | When::Machine { stamp, .. } => stamp
                .date
                .as_ref()
                .and_then(|p| NaiveDate::from_ymd_opt(p.year?, p.month, p.day)),
            When::Instant { at, .. } => Some(at.date_naive()),
        }
    }
}

impl When {
    fn line(&self) -> Option<u32> {
        match self {
            When::Visible { raw, .. } => Some(raw.line),
            _ => None,
        }
    }
}

/// The domain an address names its outlet by: its host without `www.`, when the host is a name
/// (`example.com`), not an address (`127.0.0.1`) or a machine of no domain (`localhost`).
fn outlet_domain(url: &str) -> Option<String> {
    let host = machine::host(url)?.to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let tld = host.rsplit('.').next()?;
    (host.contains('.') && !tld.is_empty() && tld.chars().all(char::is_alphabetic))
        .then(|| host.to_owned())
}

/// Decides a page's context from its clues.
pub(crate) fn decide(
    page: &Page<'_>,
    machine: Option<&Machine>,
    hint: LayoutHint,
    given: &Given,
    dst: dateline_time::DstPolicy,
) -> Context {
    let mut found = Found::default();
    if let Some(machine) = machine {
        machine::clues(machine, page, &mut found);
    }
    text::clues(page, &mut found);
    printed::clues(page, &mut found);
    hint_clues(hint, &mut found);
    given_clues(given, &mut found);

    let mut record = PageContext::default();
    let mut diagnostics = Vec::new();

    let url = decide_str(Question::Url, &found.url, &mut record);
    record.url.clone_from(&url);
    // A page no clue names the outlet of is known by its address's domain, so that every format
    // and the merge's one-outlet guard agree on one name for it (never its file's path).
    if let Some(domain) = url.as_deref().and_then(outlet_domain) {
        found.outlet.push(Clue::new(
            domain,
            "the domain of the page's address",
            url.as_deref().unwrap_or_default(),
            weight::DOMAIN,
        ));
    }
    let outlet = decide_str(Question::Outlet, &found.outlet, &mut record);
    // Every outlet of the table a clue names says where its clocks are, as much as the clue weighs.
    for clue in &found.outlet {
        if let Some(o) = outlets::outlet_by_name(&clue.value) {
            let weight = clue.weight.min(weight::TABLE);
            if let Ok(tz) = o.zone.parse::<Tz>() {
                let mut c = Clue::new(
                    ZoneClue::Region(tz),
                    "the outlet's home zone",
                    o.name,
                    weight,
                );
                c.line = clue.line;
                found.zone.push(c);
            }
            let mut c = Clue::new(o.country.to_owned(), "the outlet's country", o.name, weight);
            c.line = clue.line;
            found.country.push(c);
        }
    }
    let language = decide_str(Question::Language, &found.language, &mut record);
    record.language.clone_from(&language);
    if let Some(language) = &language
        && let Some((country, only)) = places::country_of_language(language)
    {
        let w = if only {
            weight::LANGUAGE
        } else {
            weight::LANGUAGE / 2
        };
        found.country.push(Clue::new(
            country.to_owned(),
            "the language of the page",
            language::name(language),
            w,
        ));
    }
    // The places a page names weigh less than a language: read them only where no stronger clue
    // to the zone stands (a printed zone, the outlet's home, a one-zone country named firmly), as
    // reading them costs the gazetteer.
    let firm = |w: u32| w >= weight::LANGUAGE;
    let placed = found.zone.iter().any(|c| firm(c.weight))
        || found.country.iter().any(|c| {
            firm(c.weight) && places::zone_of_country(&c.value).is_some_and(|(_, several)| !several)
        });
    if !placed {
        text::places_named(page, &mut found);
        places_clues(&mut found, language.as_deref());
    }
    let country = decide_str(Question::Country, &found.country, &mut record);
    record.country.clone_from(&country);
    let country_clue = record.decisions.last().and_then(|d| d.clue.as_ref());
    let country_score = country_clue.map_or(0, |c| c.weight);
    // A country the outlet's row gave says nothing the outlet's home zone does not.
    let from_outlet = country_clue.is_some_and(|c| c.kind == "the outlet's country");
    if let Some((tz, several)) = country
        .as_deref()
        .filter(|_| !from_outlet)
        .and_then(places::zone_of_country)
    {
        let w = if several {
            country_score.min(weight::ADDRESS) / 2
        } else {
            country_score.min(weight::ADDRESS)
        };
        if let Some(c) = &country {
            // The country as decided, from whatever clue won it (a domain, the language...).
            found.zone.push(Clue::new(
                ZoneClue::Region(tz),
                "the page's country",
                c,
                w.max(1),
            ));
        }
    }
    let zone = decide_zone(&found, country.as_deref(), &mut record);
    // A zone only the places the page names gave (directly or through its country) is a guess
    // the user should hear of: a page names the places its story is about, which need not be
    // its own.
    let by_places = |d: &&dateline_model::Decision| {
        d.clue
            .as_ref()
            .is_some_and(|c| c.kind == PLACES_NAMED || c.kind == STORY_DATELINE)
    };
    let country_by_places = record
        .decisions
        .iter()
        .filter(|d| d.question == Question::Country)
        .any(|d| by_places(&d));
    let guessed = record
        .decisions
        .last()
        .is_some_and(|d| by_places(&d) || country_by_places);
    record.zone = zone.as_ref().map(|z| z.tz.name().to_owned());
    record.zone_source = zone.as_ref().map(|z| zone_words(&z.origin));
    let zone_guess = record.zone_source.clone().filter(|_| guessed);

    let now = decide_now(&found, &mut record);
    record.captured_at = now;

    let mut ctx = TimeContext::default().with_dst(dst);
    if let Some(hint) = &zone {
        ctx = ctx.with_zone(hint.tz, hint.origin.clone());
    }
    if let Some(country) = &country {
        ctx = ctx.with_country(country);
    }
    if let Some(now) = now {
        ctx = ctx.with_now(now);
    }
    // The kind first: on a live blog, the first of the stamps its posts share is a post's.
    let (kind, kind_score) = decide_kind(&found, &mut record);
    let kind_declared = kind_score >= weight::MACHINE;
    // A live blog's posts carry its other dated stamps: only a labelled line, its dateline or
    // its machine data say when the page itself was published.
    if kind == Some(DocumentKind::LiveBlog) {
        found.published.retain(|c| {
            c.kind != text::LISTED_DATELINE
                && c.kind != text::ELSEWHERE
                && c.kind != text::POST_STAMP
        });
    }
    // A page is no older than the social posts it quotes: a publication time days before the
    // latest of them is a related story's, or a reading gone wrong, and weighs little.
    if let Some(&(latest, line)) = found.quoted.iter().max() {
        let limit = latest - chrono::Days::new(1);
        for c in &mut found.published {
            if c.value.day().is_some_and(|d| d < limit) {
                c.weight = (c.weight / 4).max(1);
                c.kind = format!(
                    "{}, before a social post the page quotes (line {line})",
                    c.kind
                );
            }
        }
    }
    weekday_clues(&mut found);
    let published = decide_time(
        Question::Published,
        &found.published,
        page,
        &ctx,
        zone.as_ref(),
        &mut record,
        &mut diagnostics,
    );
    let updated = decide_time(
        Question::Updated,
        &found.updated,
        page,
        &ctx,
        zone.as_ref(),
        &mut record,
        &mut diagnostics,
    );
    let page_date = decide_page_date(&found, published.as_ref(), updated.as_ref(), &mut record);
    // A relative time beside a clock (`4m ago` by `09.10 BST`) says when the page was saved, once
    // the clock's day is known.
    let now = now.or_else(|| {
        let ctx = match &page_date {
            Some(d) => ctx.clone().with_page_date(d.date).with_anchor(d.anchor),
            None => ctx.clone(),
        };
        capture_from_ago(&found.ago, &ctx, &mut record)
    });

    Context {
        outlet,
        country,
        zone_guess,
        zone,
        now,
        published,
        updated,
        page_date,
        statement: found.statement.map(|(raw, _)| raw),
        comments: found.comments,
        related: found.related,
        kind,
        kind_declared,
        title: found.title,
        record,
        diagnostics,
    }
}

fn hint_clues(hint: LayoutHint, found: &mut Found) {
    if let Some((layout, outlet)) = hint.outlet {
        found.outlet.push(Clue::new(
            outlet.to_owned(),
            "the layout that recognised the page",
            layout,
            weight::TABLE,
        ));
    }
    if let Some((layout, kind)) = hint.kind {
        found.kind.push(Clue::new(
            kind,
            "the layout that recognised the page",
            layout,
            weight::TABLE,
        ));
    }
}

fn given_clues(given: &Given, found: &mut Found) {
    if let Some(tz) = given.zone {
        found.zone.push(Clue::new(
            ZoneClue::Region(tz),
            "given (--zone)",
            tz.name(),
            weight::GIVEN,
        ));
    }
    if let Some(country) = &given.country {
        found.country.push(Clue::new(
            country.to_ascii_uppercase(),
            "given (--country)",
            country,
            weight::GIVEN,
        ));
    }
    if let Some(at) = given.captured_at {
        found.now.push(Clue::new(
            at,
            "given (--captured-at)",
            &at.to_rfc3339(),
            weight::GIVEN,
        ));
    }
    if let Some(at) = given.fetched_at {
        // The archive's own record of the fetch: the page as saved is the page at that instant.
        found.now.push(Clue::new(
            at,
            "the web archive's record of when it was fetched",
            &at.to_rfc3339(),
            weight::STATEMENT,
        ));
    }
}

/// The weekday the prose calls today ("today (Monday)", "اليوم الاثنين") agrees with each
/// publication date that falls on it: one more clue for each such day, from the line that names
/// it most often.
fn weekday_clues(found: &mut Found) {
    let mut counts: Vec<(chrono::Weekday, usize, u32, &str)> = Vec::new();
    for (day, line, text) in &found.today {
        match counts.iter_mut().find(|c| c.0 == *day) {
            Some(c) => c.1 += 1,
            None => counts.push((*day, 1, *line, text)),
        }
    }
    // The most named weekday, the first named on a tie.
    let Some(&(weekday, _, line, text)) = counts.iter().rev().max_by_key(|c| c.1) else {
        return;
    };
    let mut days: Vec<NaiveDate> = Vec::new();
    let mut agreeing = Vec::new();
    for c in &found.published {
        let Some(day) = c
            .value
            .day()
            .filter(|d| chrono::Datelike::weekday(d) == weekday)
        else {
            continue;
        };
        if !days.contains(&day) {
            days.push(day);
            agreeing.push(
                Clue::new(c.value.clone(), TODAY_WEEKDAY, text, weight::PRINTED / 2).at(line),
            );
        }
    }
    found.published.extend(agreeing);
}

/// The kind of the clue a weekday the prose calls today gives.
const TODAY_WEEKDAY: &str = "a weekday the prose calls today";

/// The kind of the clue the places a page names give.
const PLACES_NAMED: &str = "the places the page names";

/// The kind of the clue the place of a story's own dateline gives.
const STORY_DATELINE: &str = "the place of the story's dateline";

/// The weight of [`STORY_DATELINE`]: that of three places named, more than a language several
/// countries write, less than a page that names four places of another country.
const STORY_DATELINE_WEIGHT: u32 = 6;

/// The places a page's prose names say where it is from, as little as a language does: a country
/// among those where the page's language is written, when its places stand out ([`placed_by`]),
/// and the zone most of them keep.
fn places_clues(found: &mut Found, language: Option<&str>) {
    // A place counts where the page's language may be written.
    let may_speak =
        |country: &str| language.is_none_or(|l| places::spoken_in(l, country) != Some(false));
    let candidates: Vec<&Places> = found
        .places
        .iter()
        .filter(|p| may_speak(&p.country))
        .collect();
    // Where nothing else says anything of the page's country or zone, the country whose places
    // lead is a better guess than UTC, however few they are: the lightest clue, which any other
    // outweighs.
    let unplaced =
        found.zone.is_empty() && found.country.is_empty() && found.story_dateline.is_none();
    let (top, fallback) = match placed_by(&candidates) {
        Some(top) => (Some(top), false),
        None if unplaced => (leading(&candidates), true),
        None => (None, false),
    };
    // The place the story was filed from: a guess as weak as three places named, which the
    // prose's places, where they name the same country, add to.
    if let Some((place, line, text)) = &found.story_dateline
        && may_speak(place.country)
    {
        let w = STORY_DATELINE_WEIGHT;
        found
            .country
            .push(Clue::new(place.country.to_owned(), STORY_DATELINE, text, w).at(*line));
        found
            .zone
            .push(Clue::new(ZoneClue::Region(place.tz), STORY_DATELINE, text, w).at(*line));
    }
    let Some(top) = top else {
        return;
    };
    let w = if fallback {
        weight::DOMAIN
    } else {
        (2 * top.distinct).min(weight::LANGUAGE - 1)
    };
    let text = format!(
        "{} and {} more places in {}",
        top.place,
        top.distinct - 1,
        top.country
    );
    let kind = PLACES_NAMED;
    let (country, tz, line) = (top.country.clone(), top.tz, top.line);
    found
        .country
        .push(Clue::new(country, kind, &text, w).at(line));
    found
        .zone
        .push(Clue::new(ZoneClue::Region(tz), kind, &text, w).at(line));
}

/// The country of `candidates` (most places first) whose places lead all others', in places or,
/// as many, in mentions: the guess where nothing else places the page ([`placed_by`] asks more).
fn leading<'a>(candidates: &[&'a Places]) -> Option<&'a Places> {
    let top = *candidates.first()?;
    let ahead = candidates.get(1).is_none_or(|second| {
        top.distinct > second.distinct
            || (top.distinct == second.distinct && top.mentions > second.mentions)
    });
    ahead.then_some(top)
}

/// The country whose places place the page, of `candidates` (most places first): the first,
/// when it has several places and twice as many as the next (or as many, named thrice as
/// often); else the country named most, when it is named five times or more and four times as
/// often as any other (a page names its own country's places again and again, where another
/// country's many places are each named once, in a list or a story about it).
fn placed_by<'a>(candidates: &[&'a Places]) -> Option<&'a Places> {
    let top = *candidates.first()?;
    let (second_distinct, second_mentions) = candidates
        .get(1)
        .map_or((0, 0), |p| (p.distinct, p.mentions));
    // Several places of one country; or one named again and again, far more than any other
    // country's.
    let alone = (second_mentions == 0 && top.mentions >= 3)
        || (top.mentions >= 5 && top.mentions >= 4 * second_mentions);
    let enough = top.distinct >= 3 || (top.distinct >= 2 && top.mentions >= 6) || alone;
    let ahead = top.distinct >= 2 * second_distinct
        || (top.distinct >= second_distinct && top.mentions >= 3 * second_mentions);
    if enough && ahead {
        return Some(top);
    }
    let (at, loudest) = candidates
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.mentions.cmp(&b.1.mentions).then_with(|| b.0.cmp(&a.0)))?;
    let others = candidates
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != at)
        .map(|(_, p)| p.mentions)
        .max()
        .unwrap_or(0);
    (loudest.mentions >= 5 && loudest.mentions >= 4 * others).then_some(*loudest)
}

/// The capture time from the page's relative times beside clocks, replacing the record's empty
/// decision when they give one.
fn capture_from_ago(
    pairs: &[Ago],
    ctx: &TimeContext,
    record: &mut PageContext,
) -> Option<DateTime<Utc>> {
    // Each clue: the capture time it gives, and how coarse its relative time is (`21 mins ago`
    // to the minute, `2 hours ago` to the hour).
    let clues: Vec<Clue<(DateTime<Utc>, i64)>> = pairs
        .iter()
        .filter_map(|p| {
            let at = dateline_time::resolve(&p.clock, ctx).ok()?.utc + p.ago;
            let coarse = if p.ago.num_minutes() >= 60 { 3600 } else { 120 };
            let w = if coarse > 120 {
                weight::PRINTED / 3
            } else {
                weight::PRINTED
            };
            Some(Clue::new((at, coarse), "a relative time beside a clock", &p.text, w).at(p.line))
        })
        .collect();
    let outcome = vote(
        &clues,
        |a, b| (a.0 - b.0).num_seconds().abs() <= a.1.max(b.1),
        |a, b| b.1.cmp(&a.1),
    )?;
    let value = clues.get(outcome.winner).map(|c| c.value.0)?;
    let decision = clue::record(
        Question::CapturedAt,
        &clues,
        Some(&outcome),
        Some(value.to_rfc3339()),
        |v| v.0.to_rfc3339(),
    );
    if let Some(slot) = record
        .decisions
        .iter_mut()
        .find(|d| d.question == Question::CapturedAt)
    {
        *slot = decision;
    }
    record.captured_at = Some(value);
    Some(value)
}

/// Decides a question whose answers are text, compared without regard to case.
fn decide_str(
    question: Question,
    clues: &[Clue<String>],
    record: &mut PageContext,
) -> Option<String> {
    let outcome = vote(
        clues,
        |a, b| a.eq_ignore_ascii_case(b),
        |_, _| std::cmp::Ordering::Equal,
    );
    let value = outcome
        .as_ref()
        .and_then(|o| clues.get(o.winner))
        .map(|c| c.value.clone());
    record.decisions.push(clue::record(
        question,
        clues,
        outcome.as_ref(),
        value.clone(),
        |v| v.clone(),
    ));
    value
}

/// The zone a zone clue names, read with the page's country; an offset stands for itself.
#[derive(Debug, Clone, Copy, PartialEq)]
enum ZoneAnswer {
    Region(Tz),
    Offset(FixedOffset, DateTime<Utc>),
}

impl ZoneAnswer {
    fn name(self) -> String {
        match self {
            ZoneAnswer::Region(tz) => tz.name().to_owned(),
            ZoneAnswer::Offset(off, _) => off.to_string(),
        }
    }
}

fn read_zone(clue: &ZoneClue, country: Option<&str>) -> Option<ZoneAnswer> {
    match clue {
        ZoneClue::Region(tz) => Some(ZoneAnswer::Region(*tz)),
        ZoneClue::Offset(off, at) => Some(ZoneAnswer::Offset(*off, *at)),
        ZoneClue::Printed(stamp) => {
            let mut ctx = TimeContext::default();
            if let Some(c) = country {
                ctx = ctx.with_country(c);
            }
            // A printed label read on its own: the date does not matter for which zone it names.
            let mut stamp = (**stamp).clone();
            if stamp.date.as_ref().is_none_or(|d| d.year.is_none()) {
                ctx = ctx.with_page_date(NaiveDate::from_ymd_opt(2020, 1, 1)?);
                stamp.relative = None;
            }
            let resolved = dateline_time::resolve(&stamp, &ctx).ok()?;
            match resolved.zone.parse::<Tz>() {
                Ok(tz) => Some(ZoneAnswer::Region(tz)),
                Err(_) => Some(ZoneAnswer::Offset(*resolved.local.offset(), resolved.utc)),
            }
        }
    }
}

/// Whether two zone answers give the same clocks: the same zone, or an offset the zone is at on
/// that instant.
fn zones_agree(a: &ZoneAnswer, b: &ZoneAnswer) -> bool {
    match (a, b) {
        (ZoneAnswer::Region(x), ZoneAnswer::Region(y)) => x == y,
        (ZoneAnswer::Region(tz), ZoneAnswer::Offset(off, at))
        | (ZoneAnswer::Offset(off, at), ZoneAnswer::Region(tz)) => {
            tz.offset_from_utc_datetime(&at.naive_utc()).fix() == *off
        }
        (ZoneAnswer::Offset(x, _), ZoneAnswer::Offset(y, _)) => x == y,
    }
}

fn decide_zone(found: &Found, country: Option<&str>, record: &mut PageContext) -> Option<ZoneHint> {
    let clues: Vec<Clue<ZoneAnswer>> = found
        .zone
        .iter()
        .filter_map(|c| {
            let answer = read_zone(&c.value, country)?;
            Some(Clue {
                value: answer,
                kind: c.kind.clone(),
                line: c.line,
                text: c.text.clone(),
                weight: c.weight,
            })
        })
        .collect();
    // A zone by name tells more than an offset; a zone with a place more than UTC.
    let rank = |a: &ZoneAnswer| match a {
        ZoneAnswer::Region(tz) if *tz != Tz::UTC => 2,
        ZoneAnswer::Region(_) => 1,
        ZoneAnswer::Offset(..) => 0,
    };
    let outcome = vote(&clues, zones_agree, |a, b| rank(a).cmp(&rank(b)));
    let chosen = outcome.as_ref().and_then(|o| {
        let won = clues.get(o.winner)?;
        match won.value {
            ZoneAnswer::Region(tz) => Some((tz, o.winner)),
            // An offset alone: the zone of an agreeing clue that names one, else the offset's own.
            ZoneAnswer::Offset(off, _) => o
                .agreeing
                .iter()
                .filter_map(|&i| clues.get(i).map(|c| (i, c)))
                .filter_map(|(i, c)| match c.value {
                    ZoneAnswer::Region(tz) => Some((tz, i, c.weight)),
                    ZoneAnswer::Offset(..) => None,
                })
                .max_by_key(|(_, _, w)| *w)
                .map(|(tz, i, _)| (tz, i))
                .or_else(|| offset_zone(off).map(|tz| (tz, o.winner))),
        }
    });
    let value = chosen.map(|(tz, _)| tz.name().to_owned());
    record.decisions.push(clue::record(
        Question::Zone,
        &clues,
        outcome.as_ref(),
        value,
        |v| v.name(),
    ));
    let (tz, by) = chosen?;
    let clue = clues.get(by)?;
    let origin = if clue.weight >= weight::GIVEN {
        ZoneOrigin::Caller
    } else if clue.kind == text::STATEMENT {
        ZoneOrigin::PageStatement {
            line: clue.line.unwrap_or(0),
        }
    } else if clue.kind == "the outlet's home zone" && clue.weight >= weight::TABLE {
        ZoneOrigin::OutletDefault {
            outlet: outlets::outlet_by_name(&clue.text)
                .map_or_else(|| clue.text.clone().into(), |o| o.name.into()),
        }
    } else {
        ZoneOrigin::Context {
            clue: describe(clue).into(),
        }
    };
    Some(ZoneHint::new(tz, origin))
}

/// A clue in words, for a zone's origin: its kind, its text and its line.
fn describe<T>(clue: &Clue<T>) -> String {
    match clue.line {
        Some(line) => format!("{} (`{}`, line {line})", clue.kind, clue.text),
        None => format!("{} (`{}`)", clue.kind, clue.text),
    }
}

/// Where a zone came from, in words.
fn zone_words(origin: &ZoneOrigin) -> String {
    match origin {
        ZoneOrigin::Caller => "given (--zone)".to_owned(),
        ZoneOrigin::PageStatement { line } => {
            format!("the page's statement of its zone (line {line})")
        }
        ZoneOrigin::OutletDefault { outlet } => format!("the home zone of {outlet}"),
        ZoneOrigin::Context { clue } => clue.to_string(),
        other => format!("{other:?}"),
    }
}

/// A zone for a UTC offset with no place: the `Etc/GMT` zone of a whole hour, else the zone of
/// the one country that keeps that offset.
fn offset_zone(offset: FixedOffset) -> Option<Tz> {
    let secs = offset.local_minus_utc();
    if secs == 0 {
        return Some(Tz::UTC);
    }
    if secs % 3600 == 0 {
        // `Etc/GMT-2` is two hours east of UTC (POSIX's sign).
        let name = format!("Etc/GMT{:+}", -secs / 3600);
        return name.parse().ok();
    }
    match secs {
        19_800 => Some(Tz::Asia__Kolkata),
        20_700 => Some(Tz::Asia__Kathmandu),
        12_600 => Some(Tz::Asia__Tehran),
        16_200 => Some(Tz::Asia__Kabul),
        23_400 => Some(Tz::Asia__Yangon),
        34_200 => Some(Tz::Australia__Darwin),
        -12_600 => Some(Tz::America__St_Johns),
        _ => None,
    }
}

fn decide_now(found: &Found, record: &mut PageContext) -> Option<DateTime<Utc>> {
    let outcome = vote(
        &found.now,
        |a, b| (*a - *b).num_seconds().abs() < 60,
        |_, _| std::cmp::Ordering::Equal,
    );
    let value = outcome
        .as_ref()
        .and_then(|o| found.now.get(o.winner))
        .map(|c| c.value);
    record.decisions.push(clue::record(
        Question::CapturedAt,
        &found.now,
        outcome.as_ref(),
        value.map(|v| v.to_rfc3339()),
        DateTime::to_rfc3339,
    ));
    value
}

/// A time clue resolved in the page's context, as the document would carry it, with what its
/// reading noticed.
fn resolve_when(
    when: &When,
    page: &Page<'_>,
    ctx: &TimeContext,
    zone: Option<&ZoneHint>,
) -> Option<(ResolvedTime, Vec<dateline_time::Note>)> {
    match when {
        When::Instant { at, raw, field } => {
            let utc = at.with_timezone(&Utc);
            // The instant as the page's clocks show it, when the page's zone is known.
            let (local, name) = match zone {
                Some(z) => (
                    utc.with_timezone(&z.tz).fixed_offset(),
                    z.tz.name().to_owned(),
                ),
                None => (*at, offset_name(at.offset())),
            };
            let mut basis = Basis::new(
                "machine-time",
                ZoneSource::Machine {
                    field: field.clone(),
                },
            );
            basis.precision = if at.timestamp_subsec_nanos() == 0 && at.timestamp() % 60 == 0 {
                Precision::Minute
            } else {
                Precision::Second
            };
            let mut time = ResolvedTime::new(0, raw.clone(), utc, local, name, basis);
            time.span = [0, 0];
            Some((time, Vec::new()))
        }
        When::Machine { stamp, raw, field } => {
            let resolved = dateline_time::resolve(stamp, ctx).ok()?;
            let zoned = stamp.zone.is_some();
            let mut time = crate::resolve::convert_detached(raw, resolved);
            time.basis.rule = "machine-time".into();
            if !zoned {
                time.basis.notes.push(format!(
                    "{field} `{raw}` carries no zone: read in the page's"
                ));
            }
            Some((time, Vec::new()))
        }
        When::Visible { stamp, raw } => {
            let resolved = dateline_time::resolve(stamp, ctx).ok()?;
            let notes = resolved.notes.clone();
            Some((crate::resolve::convert(page, raw, resolved), notes))
        }
    }
}

fn offset_name(offset: &FixedOffset) -> String {
    let secs = offset.local_minus_utc();
    if secs == 0 {
        return "UTC".to_owned();
    }
    let sign = if secs < 0 { '-' } else { '+' };
    let secs = secs.unsigned_abs();
    format!("{sign}{:02}:{:02}", secs / 3600, secs % 3600 / 60)
}

fn is_day(t: &ResolvedTime) -> bool {
    t.basis.precision == Precision::Day
}

/// Whether two times say the same: the same minute, or the same day when one gives only a day
/// (in the page's clocks).
fn same_time(a: &ResolvedTime, b: &ResolvedTime) -> bool {
    if is_day(a) || is_day(b) {
        return a.local.date_naive() == b.local.date_naive();
    }
    let tolerance = if matches!(a.basis.precision, Precision::Hour)
        || matches!(b.basis.precision, Precision::Hour)
    {
        3600
    } else {
        60
    };
    (a.utc - b.utc).num_seconds().abs() < tolerance
}

/// How fine a time is, for choosing among agreeing clues: seconds tell a reader no more than
/// the minute.
fn fineness(p: Precision) -> u8 {
    match p {
        Precision::Second | Precision::Minute => 2,
        Precision::Hour => 1,
        _ => 0,
    }
}

fn decide_time(
    question: Question,
    clues: &[Clue<When>],
    page: &Page<'_>,
    ctx: &TimeContext,
    zone: Option<&ZoneHint>,
    record: &mut PageContext,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Dated> {
    let mut resolved: Vec<Clue<Timed>> = Vec::with_capacity(clues.len());
    for c in clues {
        let Some((time, notes)) = resolve_when(&c.value, page, ctx, zone) else {
            continue;
        };
        let visible = match &c.value {
            When::Visible { raw, .. } => Some(raw.clone()),
            _ => None,
        };
        // A numeric date that reads both ways (`06/01/2020`) is read the way the outlet's country
        // writes dates; the other reading stays a candidate, so that the page's other dates can
        // say which it is.
        let other = other_reading(&c.value, &time, page, ctx);
        let loose = c.kind.starts_with(machine::ADDRESS_DATE);
        let labelled_utc = match &c.value {
            When::Instant { at, .. } if at.offset().local_minus_utc() == 0 => Some(at.naive_utc()),
            _ => None,
        };
        // A clock whose zone is its own: the visible text's, read in the page's zone, or a
        // machine time's with its offset (not a zoneless one, often UTC without its label).
        let own_zone = matches!(c.value, When::Visible { .. } | When::Instant { .. });
        let clue = Clue {
            value: Timed {
                time,
                visible: visible.clone(),
                notes,
                loose,
                labelled_utc,
                own_zone,
            },
            kind: c.kind.clone(),
            line: c.line.or_else(|| c.value.line()),
            text: c.text.clone(),
            weight: c.weight,
        };
        if let Some(time) = other {
            let mut alternative = clue.clone();
            alternative.value = Timed {
                time,
                visible,
                notes: Vec::new(),
                loose,
                labelled_utc: None,
                own_zone: false,
            };
            alternative.kind = format!("{}, its numbers read the other way round", c.kind);
            resolved.push(clue);
            resolved.push(alternative);
        } else {
            resolved.push(clue);
        }
    }
    if let Some(zone) = zone {
        relabel_local_utc(&mut resolved, zone.tz);
    }
    let outcome = vote(
        &resolved,
        |a, b| {
            same_time(&a.time, &b.time)
                || (a.loose && b.time.utc.date_naive() == a.time.local.date_naive())
                || (b.loose && a.time.utc.date_naive() == b.time.local.date_naive())
        },
        |a, b| fineness(a.time.basis.precision).cmp(&fineness(b.time.basis.precision)),
    );
    // A time as the record shows it: the day alone for a date, else the local time.
    let shown = |t: &ResolvedTime| {
        if is_day(t) {
            t.local.date_naive().to_string()
        } else {
            t.local.to_rfc3339()
        }
    };
    let show = |t: &Timed| shown(&t.time);
    // Stamps from lists and the page's far corners never decide alone, however many they are:
    // at least one clue of the answer (whose weights make its score) weighs as a dated line far
    // from the headline does.
    let outcome = outcome.filter(|o| {
        std::iter::once(o.winner)
            .chain(o.agreeing.iter().copied())
            .filter_map(|i| resolved.get(i))
            .any(|c| c.weight >= weight::ELSEWHERE)
    });
    let dated = outcome.as_ref().and_then(|o| dated(&resolved, o));
    if let (Some(o), Some(d)) = (&outcome, &dated) {
        // A strong clue for another time: one of them is wrong, and the reader should know, once
        // for the decision (the page context lists every clue that lost).
        let mut losers = o
            .runners_up
            .iter()
            .filter_map(|&i| resolved.get(i))
            .filter(|c| c.weight >= weight::DATELINE);
        if let Some(loser) = losers.next() {
            let more = losers.count();
            let besides = match more {
                0 => String::new(),
                1 => " (1 more clue disagrees too: `dateline explain` lists it)".to_owned(),
                n => format!(" ({n} more clues disagree too: `dateline explain` lists them)"),
            };
            let mut diagnostic = Diagnostic::new(
                Severity::Warning,
                "page-time-disagrees",
                format!(
                    "{} `{}` says {} for the page's {} time, but {} says {}; the latter, with more \
                     evidence, is used{besides}",
                    loser.kind,
                    loser.text,
                    show(&loser.value),
                    question.name(),
                    resolved.get(o.winner).map_or("", |c| c.kind.as_str()),
                    shown(&d.time),
                ),
            );
            diagnostic.line = loser.line;
            diagnostics.push(diagnostic);
        }
    }
    let value = dated.as_ref().map(|d| shown(&d.time));
    record.decisions.push(clue::record(
        question,
        &resolved,
        outcome.as_ref(),
        value,
        show,
    ));
    dated
}

/// The other reading of a visible numeric date whose first two numbers could each be the month
/// (`06/01/2020`): read as an outlet of the other order's country would.
fn other_reading(
    when: &When,
    first: &ResolvedTime,
    page: &Page<'_>,
    ctx: &TimeContext,
) -> Option<ResolvedTime> {
    let When::Visible { stamp, raw } = when else {
        return None;
    };
    let mut numbers = stamp
        .text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .map(|s| s.parse::<u32>().ok());
    let (Some(Some(a)), Some(Some(b))) = (numbers.next(), numbers.next()) else {
        return None;
    };
    let numeric = stamp
        .text
        .trim_start()
        .starts_with(|c: char| c.is_ascii_digit())
        && stamp.text.contains(['/', '.', '-']);
    if !numeric || a == b || a > 12 || b > 12 || a == 0 || b == 0 {
        return None;
    }
    let readings = ["US", "GB"].into_iter().filter_map(|country| {
        let other = ctx.clone().with_country(country);
        let resolved = dateline_time::resolve(stamp, &other).ok()?;
        Some(crate::resolve::convert(page, raw, resolved))
    });
    readings
        .into_iter()
        .find(|t| t.local.date_naive() != first.local.date_naive())
}

/// A time clue resolved, with the visible stamp it was read from, when it was.
#[derive(Debug, Clone, PartialEq)]
struct Timed {
    time: ResolvedTime,
    visible: Option<RawStamp>,
    notes: Vec<dateline_time::Note>,
    /// A day that may be the server's rather than the outlet's (the date in an address): it
    /// agrees with a time on that day in the page's zone or in UTC.
    loose: bool,
    /// For a machine time labelled UTC (`Z`, `+00:00`), its clock as written: the clock a
    /// mislabelled local time would show ([`relabel_local_utc`]).
    labelled_utc: Option<chrono::NaiveDateTime>,
    /// Whether its zone is its own (a visible clock in the page's zone, a machine time with its
    /// offset), not a zoneless machine time's: only such a clock can show that another's UTC
    /// label is wrong.
    own_zone: bool,
}

/// Machine times labelled UTC whose clock is really the page's local time, read as such.
///
/// A page's software that writes a local time and appends `Z` (or `+00:00`) puts the page's
/// clock a whole offset away from its instant. The evidence is another of the page's times, in
/// its zone, showing the same clock to the minute: the dateline under the headline, or a
/// machine time with its true offset (`2020-04-24T21:25:06+00:00` against a JSON-LD
/// `2020-04-25T07:25:06Z` on a page in UTC+10). A zoneless machine time is no witness: it is
/// as often the same UTC clock without its label. A coincidence to the minute is unlikely where
/// the offset is hours, so the labelled time is read in the page's zone, agrees with its
/// witness, and says so in its kind and notes. Nothing changes where the page's zone is UTC
/// at that time, or where no other time shows the clock.
fn relabel_local_utc(clues: &mut [Clue<Timed>], tz: Tz) {
    if clues.iter().all(|c| c.value.labelled_utc.is_none()) {
        return;
    }
    let minute = |t: chrono::NaiveDateTime| t.and_utc().timestamp().div_euclid(60);
    // The clocks the clues show in the page's zone: (clue, minute).
    let shown: Vec<(usize, i64)> = clues
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            c.value.own_zone
                && !is_day(&c.value.time)
                && c.value.time.local.offset().local_minus_utc() != 0
        })
        .map(|(i, c)| (i, minute(c.value.time.local.naive_local())))
        .collect();
    for i in 0..clues.len() {
        let Some(clock) = clues.get(i).and_then(|c| c.value.labelled_utc) else {
            continue;
        };
        let Some(local) = tz.from_local_datetime(&clock).earliest() else {
            continue;
        };
        if local.offset().fix().local_minus_utc() == 0 {
            continue;
        }
        let Some(witness) = shown
            .iter()
            .find(|&&(at, m)| at != i && m == minute(clock))
            .and_then(|&(at, _)| clues.get(at))
            .map(|w| w.kind.clone())
        else {
            continue;
        };
        let Some(c) = clues.get_mut(i) else {
            continue;
        };
        let time = &mut c.value.time;
        time.utc = local.with_timezone(&Utc);
        time.local = local.fixed_offset();
        time.basis.notes.push(format!(
            "labelled UTC, but {witness} shows the same clock in the page's zone: read as {}",
            time.local.to_rfc3339()
        ));
        c.kind = format!("{}, its UTC label read as the page's local time", c.kind);
        c.value.labelled_utc = None;
    }
}

/// The time a vote settled on: the finest of the agreeing clues (the heaviest among equals), on
/// the line of the visible clue that shows it.
fn dated(clues: &[Clue<Timed>], outcome: &Outcome) -> Option<Dated> {
    let members = std::iter::once(outcome.winner).chain(outcome.agreeing.iter().copied());
    // The finest of them; among equals, the one the page shows, then the heaviest.
    let finest = members
        .clone()
        .filter_map(|i| clues.get(i))
        .max_by(|a, b| {
            fineness(a.value.time.basis.precision)
                .cmp(&fineness(b.value.time.basis.precision))
                .then(a.value.visible.is_some().cmp(&b.value.visible.is_some()))
                .then(a.weight.cmp(&b.weight))
        })?;
    // The visible stamp that shows it: the heaviest agreeing clue read from the visible text.
    let shown = members
        .clone()
        .filter_map(|i| clues.get(i))
        .filter(|c| c.value.visible.is_some())
        .max_by_key(|c| c.weight);
    let mut time = finest.value.time.clone();
    let visible = shown.and_then(|c| c.value.visible.clone());
    let line = visible.as_ref().map(|v| v.line).or(finest.line);
    let less =
        shown.filter(|c| fineness(c.value.time.basis.precision) < fineness(time.basis.precision));
    if let Some(s) = less {
        time.basis
            .notes
            .push(format!("the page shows only `{}`", s.value.time.raw));
    }
    if let Some(line) = line.filter(|_| time.line == 0) {
        time.line = line;
    }
    // The other clues that say the same, by kind, once each.
    let mut agree: Vec<&str> = Vec::new();
    for c in members.filter_map(|i| clues.get(i)) {
        if !std::ptr::eq(c, finest) && !agree.contains(&c.kind.as_str()) {
            agree.push(c.kind.as_str());
        }
    }
    if !agree.is_empty() {
        time.basis
            .notes
            .push(format!("agrees with {}", agree.join(", ")));
    }
    let notes = shown.map(|c| c.value.notes.clone()).unwrap_or_default();
    Some(Dated {
        time,
        line,
        shown: less.map(|c| c.value.time.clone()),
        visible,
        notes,
    })
}

fn decide_page_date(
    found: &Found,
    published: Option<&Dated>,
    updated: Option<&Dated>,
    record: &mut PageContext,
) -> Option<PageDate> {
    let mut clues: Vec<Clue<(NaiveDate, Anchor)>> = found
        .page_date
        .iter()
        .map(|c| Clue {
            value: (c.value, Anchor::Oldest),
            kind: c.kind.clone(),
            line: c.line,
            text: c.text.clone(),
            weight: c.weight,
        })
        .collect();
    if let Some(p) = published {
        clues.push(Clue {
            value: (p.time.local.date_naive(), Anchor::Oldest),
            kind: PUBLISHED_DAY.to_owned(),
            line: p.line,
            text: p.time.raw.clone(),
            weight: weight::ADDRESS,
        });
    }
    if let Some(u) = updated {
        clues.push(Clue {
            value: (u.time.local.date_naive(), Anchor::Newest),
            kind: UPDATED_DAY.to_owned(),
            line: u.line,
            text: u.time.raw.clone(),
            weight: weight::PRINTED,
        });
    }
    let outcome = vote(&clues, |a, b| a.0 == b.0, |_, _| std::cmp::Ordering::Equal);
    // The line that prints the date, when one does; else the page date is one of its times' day.
    let chosen = outcome.as_ref().and_then(|o| {
        std::iter::once(o.winner)
            .chain(o.agreeing.iter().copied())
            .filter_map(|i| clues.get(i))
            .find(|c| c.kind == text::DATE_LINE)
            .or_else(|| clues.get(o.winner))
    });
    let from = chosen.and_then(|c| match c.kind.as_str() {
        PUBLISHED_DAY => Some("published"),
        UPDATED_DAY => Some("updated"),
        _ => None,
    });
    let value = chosen.map(|c| PageDate {
        date: c.value.0,
        anchor: c.value.1,
        line: if from.is_some() {
            c.line
        } else {
            c.line.filter(|_| c.kind == text::DATE_LINE)
        },
        from,
    });
    record.decisions.push(clue::record(
        Question::PageDate,
        &clues,
        outcome.as_ref(),
        value.map(|v| v.date.to_string()),
        |v| v.0.to_string(),
    ));
    value
}

/// The kinds of the page-date clues that are one of the page's times' day.
const PUBLISHED_DAY: &str = "the day it was published";
const UPDATED_DAY: &str = "the day it was updated";

/// A kind as the record names it.
pub(crate) fn kind_name(kind: DocumentKind) -> &'static str {
    match kind {
        DocumentKind::LiveBlog => "live-blog",
        DocumentKind::Article => "article",
        _ => "unknown",
    }
}

fn decide_kind(found: &Found, record: &mut PageContext) -> (Option<DocumentKind>, u32) {
    let outcome = vote(&found.kind, |a, b| a == b, |_, _| std::cmp::Ordering::Equal);
    let value = outcome
        .as_ref()
        .and_then(|o| found.kind.get(o.winner))
        .map(|c| c.value);
    let name = |k: &DocumentKind| kind_name(*k).to_owned();
    record.decisions.push(clue::record(
        Question::Kind,
        &found.kind,
        outcome.as_ref(),
        value.as_ref().map(name),
        name,
    ));
    (value, outcome.map_or(0, |o| o.score))
}

/// The warning for a page whose clocks only a weak clue places: the zone is a guess, and the
/// user can say.
pub(crate) fn zone_guessed(path: &str, tz: &str, clue: &str) -> Diagnostic {
    Diagnostic::new(
        Severity::Warning,
        "zone-guessed",
        format!(
            "nothing on {path} says for sure which zone its clocks are in; {tz} is taken from \
             {clue}: pass --zone (or --country) if you know it"
        ),
    )
}

/// The warning for a page whose clocks no clue places: UTC is assumed, and the user can say.
pub(crate) fn zone_assumed(path: &str) -> Diagnostic {
    Diagnostic::new(
        Severity::Warning,
        "zone-assumed",
        format!(
            "nothing on {path} says which zone its clocks are in (no zone printed, no statement, \
             no known outlet, address, country or language); UTC is assumed: pass --zone (or \
             --country) if you know it"
        ),
    )
}

#[cfg(test)]
mod tests;
