//! Events, their reports by outlets, and the pages those reports are printed on.

use std::fmt::Write as _;

use sha2::{Digest, Sha256};

use crate::clock::{self, DAY, Wall};
use crate::gold::{Gold, GoldEvent, GoldOutlet, GoldPage, GoldPost};
use crate::rng::Rng;
use crate::text::{MINISTRIES, PREDICATES, World, capitalise};
use crate::{EventKind, Spec};

/// The layouts the generator prints, as `dateline-sources` names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Layout {
    IndependentLive,
    IndependentArticle,
    Dw,
    Cnn,
}

impl Layout {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Layout::IndependentLive => "independent-liveblog",
            Layout::IndependentArticle => "independent-article",
            Layout::Dw => "dw-liveblog",
            Layout::Cnn => "cnn-liveblog",
        }
    }
}

/// Posts per day across all outlets: the span of a corpus grows with its size, so the density of
/// news (and of candidate pairs) is the same at every size.
const POSTS_PER_DAY: usize = 2000;
/// DW pages print bare clocks: two neighbouring posts must be less than 12 hours apart for the
/// midnight rollover to be read, so a longer gap starts a new page.
const DW_MAX_GAP: i64 = 11 * 60;

const ADJECTIVES: [&str; 20] = [
    "Northern",
    "Daily",
    "Evening",
    "Global",
    "Capital",
    "Harbour",
    "Union",
    "Morning",
    "Western",
    "Continental",
    "Civic",
    "Royal",
    "Free",
    "National",
    "Metropolitan",
    "Coastal",
    "Atlantic",
    "Eastern",
    "Central",
    "Southern",
];
const NOUNS: [&str; 20] = [
    "Herald",
    "Courier",
    "Gazette",
    "Tribune",
    "Observer",
    "Sentinel",
    "Dispatch",
    "Chronicle",
    "Post",
    "Ledger",
    "Monitor",
    "Standard",
    "Examiner",
    "Record",
    "Journal",
    "Express",
    "Mercury",
    "Beacon",
    "Times",
    "Wire",
];

/// The most outlets a corpus can have (each with a distinct invented name).
pub(crate) const MAX_OUTLETS: usize = ADJECTIVES.len() * NOUNS.len();

struct Outlet {
    name: String,
    layout: Layout,
    reporters: Vec<String>,
}

#[derive(Debug, Clone, Copy)]
struct Actor {
    first: u32,
    last: u32,
    country: u32,
    ministry: u32,
}

struct Event {
    utc: i64,
    actor: Actor,
    place: u32,
    predicate: u32,
    object: [u32; 2],
    quote: Vec<u32>,
    number: Option<u32>,
    kind: EventKind,
    of: Option<u32>,
}

#[derive(Debug, Clone, Copy)]
struct Report {
    event: u32,
    outlet: u32,
    utc: i64,
    article: bool,
}

fn outlets(spec: &Spec, world: &World) -> Vec<Outlet> {
    (0..spec.outlets)
        .map(|i| {
            let a = i % ADJECTIVES.len();
            let n = (i / ADJECTIVES.len() + a) % NOUNS.len();
            let layout = match i % 3 {
                0 => Layout::IndependentLive,
                1 => Layout::Dw,
                _ => Layout::Cnn,
            };
            let mut rng = Rng::derive(spec.seed, 0x0007_0000 + i as u64);
            let reporters = (0..5)
                .map(|_| {
                    format!(
                        "{} {}",
                        rng.pick(&world.first_names),
                        rng.pick(&world.surnames)
                    )
                })
                .collect();
            Outlet {
                name: format!("The {} {}", ADJECTIVES[a], NOUNS[n]),
                layout,
                reporters,
            }
        })
        .collect()
}

fn actor(rng: &mut Rng, world: &World) -> Actor {
    Actor {
        first: rng.index(world.first_names.len()) as u32,
        last: rng.index(world.surnames.len()) as u32,
        country: rng.index(world.countries.len()) as u32,
        ministry: rng.index(MINISTRIES.len()) as u32,
    }
}

fn other(rng: &mut Rng, n: usize, not: u32) -> u32 {
    let pick = rng.index(n.saturating_sub(1)) as u32;
    if pick >= not { pick + 1 } else { pick }
}

fn plain(rng: &mut Rng, world: &World, utc: i64) -> Event {
    Event {
        utc,
        actor: actor(rng, world),
        place: rng.index(world.cities.len()) as u32,
        predicate: rng.index(PREDICATES.len()) as u32,
        object: [world.content(rng), world.content(rng)],
        quote: world.quote(rng),
        number: rng.percent(40).then(|| rng.range(2, 400) as u32),
        kind: EventKind::Plain,
        of: None,
    }
}

/// An event built to look like `base` and yet be another occurrence.
fn distractor(rng: &mut Rng, world: &World, kind: EventKind, base: &Event, id: u32) -> Event {
    let mut e = plain(rng, world, base.utc);
    e.kind = kind;
    e.of = Some(id);
    match kind {
        EventKind::Plain => {}
        EventKind::SameActor => {
            // The same person doing something else a little later.
            e.actor = base.actor;
            e.predicate = other(rng, PREDICATES.len(), base.predicate);
            if rng.percent(50) {
                e.place = base.place;
            }
            e.utc = base.utc + rng.range(30, 600) as i64;
        }
        EventKind::SameQuote => {
            // The NATO trap: the same words from the same organisation on another day.
            e.actor.country = base.actor.country;
            e.actor.ministry = base.actor.ministry;
            if rng.percent(50) {
                e.actor = base.actor;
            }
            e.quote.clone_from(&base.quote);
            e.predicate = other(rng, PREDICATES.len(), base.predicate);
            e.utc = base.utc + rng.range(DAY as u64 + 60, 3 * DAY as u64) as i64;
        }
        EventKind::SiblingOrg => {
            // The defence ministry and the foreign ministry of one country, the same hour.
            e.actor.country = base.actor.country;
            e.actor.ministry = other(rng, MINISTRIES.len(), base.actor.ministry);
            e.place = base.place;
            if rng.percent(60) {
                e.predicate = base.predicate;
            }
            let shift = rng.range(0, 120) as i64;
            e.utc = if rng.percent(50) {
                base.utc + shift
            } else {
                base.utc - shift
            };
        }
    }
    e
}

/// `utc` moved into `first..=last`: a distractor that would fall outside is mirrored to the
/// other side of its base event (so it stays as far from it), else put at the farther end.
fn within(utc: i64, base: Option<&Event>, first: i64, last: i64) -> i64 {
    if (first..=last).contains(&utc) {
        return utc;
    }
    let Some(base) = base else {
        return utc.clamp(first, last);
    };
    let mirrored = 2 * base.utc - utc;
    if (first..=last).contains(&mirrored) {
        mirrored
    } else if base.utc - first > last - base.utc {
        first
    } else {
        last
    }
}

/// Minutes from the event to a report of it: minutes for most, hours for some, up to ten.
fn lag(rng: &mut Rng, first: bool) -> i64 {
    if first {
        return rng.range(0, 15) as i64;
    }
    let roll = rng.below(100);
    (match roll {
        0..60 => rng.range(1, 30),
        60..85 => rng.range(30, 180),
        _ => rng.range(180, 600),
    }) as i64
}

/// Moves a report off a wall-clock hour its layout would print twice (the night clocks go back),
/// where no reader could tell which instant was meant.
fn unambiguous(layout: Layout, utc: i64) -> i64 {
    let ambiguous = match layout {
        Layout::IndependentLive | Layout::IndependentArticle => clock::london_ambiguous,
        Layout::Cnn => clock::new_york_ambiguous,
        Layout::Dw => return utc,
    };
    let mut utc = utc;
    while ambiguous(utc) {
        utc += 60;
    }
    utc
}

/// The events and their reports: exactly `spec.posts` reports.
fn events(spec: &Spec, world: &World, outlets: &[Outlet]) -> (Vec<Event>, Vec<Report>) {
    let days = spec.posts.div_ceil(POSTS_PER_DAY).max(3) as u64;
    let span = days * DAY as u64;
    let (y, m, d) = spec.start;
    let start = clock::days_from_civil(y, m, d) * DAY;
    let mut rng = Rng::derive(spec.seed, 1);
    let mut by_layout: [Vec<u32>; 3] = [Vec::new(), Vec::new(), Vec::new()];
    for (i, o) in outlets.iter().enumerate() {
        let slot = match o.layout {
            Layout::Dw => 1,
            Layout::Cnn => 2,
            _ => 0,
        };
        by_layout[slot].push(i as u32);
    }
    let mut events: Vec<Event> = Vec::new();
    let mut reports: Vec<Report> = Vec::with_capacity(spec.posts);
    while reports.len() < spec.posts {
        let id = events.len() as u32;
        let kind = if id < 10 {
            EventKind::Plain
        } else {
            match rng.below(100) {
                0..72 => EventKind::Plain,
                72..82 => EventKind::SameActor,
                82..92 => EventKind::SameQuote,
                _ => EventKind::SiblingOrg,
            }
        };
        let mut event = match kind {
            EventKind::Plain => {
                let utc = start + rng.below(span) as i64;
                plain(&mut rng, world, utc)
            }
            _ => {
                let base = id - 1 - rng.below(u64::from(id).min(200)) as u32;
                match events.get(base as usize) {
                    Some(b) => distractor(&mut rng, world, kind, b, base),
                    None => {
                        let utc = start + rng.below(span) as i64;
                        plain(&mut rng, world, utc)
                    }
                }
            }
        };
        // Every event happens inside the span, early enough for its last report to fall in it
        // too, so news is equally dense everywhere (no sparse tail of pages).
        event.utc = within(
            event.utc,
            event.of.and_then(|base| events.get(base as usize)),
            start,
            start + span as i64 - 600,
        );
        let wanted = match rng.below(100) {
            0..40 => 1,
            40..70 => 2,
            70..90 => 3,
            _ => 4,
        };
        let count = wanted.min(outlets.len()).min(spec.posts - reports.len());
        // Distinct outlets, of distinct layouts first (dateline-sources names a page's outlet by
        // its layout, so two outlets of one layout look like one outlet to the merge).
        let mut order = [0usize, 1, 2];
        for i in (1..3).rev() {
            order.swap(i, rng.index(i + 1));
        }
        let mut chosen: Vec<u32> = Vec::new();
        for k in 0..count {
            let mut picked = None;
            for round in 0..3 {
                let pool = &by_layout[order[(k + round) % 3]];
                let free: Vec<u32> = pool
                    .iter()
                    .copied()
                    .filter(|o| !chosen.contains(o))
                    .collect();
                if !free.is_empty() {
                    picked = Some(*rng.pick(&free));
                    break;
                }
            }
            if let Some(o) = picked {
                chosen.push(o);
            }
        }
        for (k, outlet) in chosen.iter().copied().enumerate() {
            let mut utc = event.utc + lag(&mut rng, k == 0);
            // Rarely an outlet prints a whole hour off (a mislabelled zone).
            if rng.percent(2) {
                utc += if rng.percent(50) { 60 } else { -60 };
            }
            let o = &outlets[outlet as usize];
            let article = o.layout == Layout::IndependentLive && rng.percent(3);
            let layout = if article {
                Layout::IndependentArticle
            } else {
                o.layout
            };
            reports.push(Report {
                event: id,
                outlet,
                utc: unambiguous(layout, utc),
                article,
            });
        }
        events.push(event);
    }
    (events, reports)
}

/// A page being written, line by line (1-based, as `dateline-sources` counts).
struct Text {
    text: String,
    lines: u32,
}

impl Text {
    fn new() -> Text {
        Text {
            text: String::new(),
            lines: 0,
        }
    }

    /// Writes a line and returns its number.
    fn line(&mut self, line: &str) -> u32 {
        self.text.push_str(line);
        self.text.push('\n');
        self.lines += 1;
        self.lines
    }

    fn blank(&mut self) {
        self.line("");
    }

    /// A paragraph and the blank line after it.
    fn para(&mut self, line: &str) -> u32 {
        let n = self.line(line);
        self.blank();
        n
    }
}

/// How a report words its quote.
#[derive(Debug, Clone, Copy)]
enum Quoting {
    Full,
    Partial,
    Paraphrase,
}

/// A report's words: headline and paragraphs.
struct Words {
    headline: String,
    paragraphs: Vec<String>,
}

fn words(world: &World, e: &Event, rng: &mut Rng, first: bool, long: bool) -> Words {
    let a = &e.actor;
    let first_name = &world.first_names[a.first as usize];
    let last = &world.surnames[a.last as usize];
    let full = format!("{first_name} {last}");
    let country = &world.countries[a.country as usize];
    let (ministry, role) = MINISTRIES[a.ministry as usize % MINISTRIES.len()];
    let city = &world.cities[e.place as usize];
    let wordings = PREDICATES[e.predicate as usize % PREDICATES.len()];
    let verb = rng.pick(wordings);
    // Reworded: an object word may be replaced by its synonym.
    let object_ids = if rng.percent(25) {
        [e.object[0], world.synonym(e.object[1])]
    } else {
        e.object
    };
    let object = format!(
        "the {} {}",
        world.word(object_ids[0]),
        world.word(object_ids[1])
    );
    let lead = match rng.below(4) {
        0 => format!("{full}, {country}'s {role}, {verb} {object} in {city}."),
        1 => format!("In {city}, {country}'s {role} {full} {verb} {object}."),
        2 => {
            format!("{country}'s {ministry} said {full} {verb} {object} during a visit to {city}.")
        }
        _ => format!(
            "{full} {verb} {object} on a visit to {city}, according to {country}'s {ministry}."
        ),
    };
    let headline = match rng.below(3) {
        0 => capitalise(&format!("{country}'s {ministry} {verb} {object}")),
        1 => format!("{last} {verb} {object} in {city}"),
        _ => format!("{country}'s {role} {verb} {object}"),
    };
    let quoting = match (first, rng.below(100)) {
        (true, 0..60) | (false, 0..40) => Quoting::Full,
        (true, 60..90) | (false, 40..75) => Quoting::Partial,
        _ => Quoting::Paraphrase,
    };
    let quote = match quoting {
        Quoting::Full => {
            let q = capitalise(&world.words_text(&e.quote));
            match rng.below(3) {
                0 => format!("\u{201c}{q},\u{201d} {last} said."),
                1 => format!("{last} said: \"{q}.\""),
                _ => format!("\"{q},\" the {role} told reporters."),
            }
        }
        Quoting::Partial => {
            let n = e.quote.len();
            let len = rng.range(5, (n as u64 - 1).max(5)) as usize;
            let from = rng.index(n.saturating_sub(len) + 1);
            let part = e.quote.get(from..(from + len).min(n)).unwrap_or(&e.quote);
            format!("{last} said {object} was \"{}\".", world.words_text(part))
        }
        Quoting::Paraphrase => {
            let mut para: Vec<u32> = Vec::with_capacity(e.quote.len());
            for id in &e.quote {
                if !world.is_content(*id) && rng.percent(30) {
                    continue;
                }
                para.push(if rng.percent(50) {
                    world.synonym(*id)
                } else {
                    *id
                });
            }
            format!("{last} said that {}.", world.words_text(&para))
        }
    };
    let mut paragraphs = vec![lead];
    let mut second = quote;
    if let Some(n) = e.number {
        let _ = write!(second, " Officials said {n} people had been affected.");
    }
    paragraphs.push(second);
    let fillers = if long {
        rng.range(4, 7)
    } else {
        rng.range(1, 3)
    };
    let mut background = String::new();
    for i in 0..fillers {
        if !background.is_empty() {
            background.push(' ');
        }
        background.push_str(&world.filler(rng, country));
        if !long && i == 1 && rng.percent(50) {
            paragraphs.push(std::mem::take(&mut background));
        }
    }
    if !background.is_empty() {
        paragraphs.push(background);
    }
    Words {
        headline,
        paragraphs,
    }
}

fn salt(spec: &Spec, report: usize) -> Rng {
    Rng::derive(spec.seed, 0x5107_0000_0000 + report as u64)
}

/// The page's reports, in page order, and for each the line of its stamp.
struct Rendered {
    bytes: Vec<u8>,
    lines: Vec<(usize, u32)>,
}

fn london(utc: i64) -> (Wall, &'static str) {
    let offset = clock::london_offset(utc);
    (
        Wall::at(utc, offset),
        if offset == 0 { "GMT" } else { "BST" },
    )
}

/// The country and city of a page's first report, for its title.
fn topic(world: &World, events: &[Event], reports: &[Report], of: &[usize]) -> (String, String) {
    let e = of
        .first()
        .and_then(|r| reports.get(*r))
        .and_then(|r| events.get(r.event as usize));
    match e {
        Some(e) => {
            let country = world.countries[e.actor.country as usize].clone();
            let city = world.cities[e.place as usize].clone();
            (country, city)
        }
        None => ("World".to_owned(), "the capital".to_owned()),
    }
}

fn render_independent(ctx: &Ctx<'_>, outlet: &Outlet, page: &[usize], rng: &mut Rng) -> Rendered {
    let (country, city) = topic(ctx.world, ctx.events, ctx.reports, page);
    let mut t = Text::new();
    t.para("Stay up to date with notifications from The Independent");
    t.para("Notifications can be managed in browser preferences.");
    t.para(&format!(
        "{} news – live: {country} latest as talks in {city} continue",
        outlet.name
    ));
    t.para(&ctx.world.filler(rng, &country));
    t.line(&outlet.reporters[..3].join(","));
    let newest = page.iter().map(|r| ctx.reports[*r].utc).max().unwrap_or(0);
    let (wall, zone) = london(newest);
    t.line(&wall.dateline(zone));
    t.line("Comments");
    t.blank();
    t.para(&ctx.world.filler(rng, &country));
    t.para("Please allow a moment for the live blog to load");
    let mut lines = Vec::with_capacity(page.len());
    for r in page {
        let report = &ctx.reports[*r];
        let mut prng = salt(ctx.spec, *r);
        let e = &ctx.events[report.event as usize];
        let w = words(ctx.world, e, &mut prng, is_first(ctx, *r), false);
        for p in &w.paragraphs {
            t.para(p);
        }
        let (wall, _) = london(report.utc);
        let author = prng.pick(&outlet.reporters);
        lines.push((*r, t.line(&format!("{author}{}", wall.footer()))));
        t.blank();
    }
    t.para("Join our commenting forum");
    t.para("Join thought-provoking conversations, follow other Independent readers and see their replies");
    t.para("Comments");
    t.para("Thank you for registering");
    t.line("Please refresh the page or navigate to another page on the site to be automatically logged inPlease refresh your browser to be logged in");
    Rendered {
        bytes: t.text.into_bytes(),
        lines,
    }
}

fn render_article(ctx: &Ctx<'_>, outlet: &Outlet, r: usize) -> Rendered {
    let report = &ctx.reports[r];
    let mut prng = salt(ctx.spec, r);
    let e = &ctx.events[report.event as usize];
    let w = words(ctx.world, e, &mut prng, is_first(ctx, r), true);
    let country = &ctx.world.countries[e.actor.country as usize];
    let mut t = Text::new();
    t.para("Stay up to date with notifications from The Independent");
    t.para("Notifications can be managed in browser preferences.");
    t.para(&w.headline);
    t.para(&ctx.world.filler(&mut prng, country));
    t.line(&format!(
        "{} for {}",
        prng.pick(&outlet.reporters),
        outlet.name
    ));
    let (wall, zone) = london(report.utc);
    let line = t.line(&wall.dateline(zone));
    t.line("Comments");
    t.blank();
    for p in &w.paragraphs {
        t.para(p);
    }
    t.para("Join our commenting forum");
    t.para("Join thought-provoking conversations, follow other Independent readers and see their replies");
    t.para("Thank you for registering");
    t.line("Please refresh the page or navigate to another page on the site to be automatically logged inPlease refresh your browser to be logged in");
    Rendered {
        bytes: t.text.into_bytes(),
        lines: vec![(r, line)],
    }
}

fn render_dw(ctx: &Ctx<'_>, outlet: &Outlet, page: &[usize], rng: &mut Rng) -> Rendered {
    let (country, city) = topic(ctx.world, ctx.events, ctx.reports, page);
    // Newest first, under the date of the oldest post.
    let mut order: Vec<usize> = page.to_vec();
    order.reverse();
    let oldest = page.first().map_or(0, |r| ctx.reports[*r].utc);
    let mut t = Text::new();
    t.line("1. Skip to content");
    t.line("  2. Skip to main menu");
    t.line("  3. Skip to more DW sites");
    t.line(&format!("{} | Conflicts", outlet.name));
    t.blank();
    t.para(&format!("{country} crisis in {city} — as it happened"));
    t.para(&Wall::at(oldest, 0).us_date());
    t.para(&ctx.world.filler(rng, &country));
    t.line(&format!("  • {}", ctx.world.filler(rng, &country)));
    t.line(&format!("  • {}", ctx.world.filler(rng, &country)));
    t.blank();
    t.para("All updates in Coordinated Universal Time (UTC)");
    let mut lines = Vec::with_capacity(page.len());
    for r in order {
        let report = &ctx.reports[r];
        let mut prng = salt(ctx.spec, r);
        let e = &ctx.events[report.event as usize];
        let w = words(ctx.world, e, &mut prng, is_first(ctx, r), false);
        let clock = Wall::at(report.utc, 0).clock();
        let mut paragraphs = w.paragraphs.iter();
        let lead = paragraphs.next().map_or("", String::as_str);
        lines.push((r, t.para(&format!("{clock} {lead}"))));
        for p in paragraphs {
            t.para(p);
        }
    }
    t.para("nm,dj/sms (AP, AFP, dpa, Reuters)");
    t.para("Each evening at 1830 UTC, DW's editors send out a selection of the day's hard news and quality feature journalism. You can sign up to receive it directly here.");
    t.line("Skip next section Explore more");
    Rendered {
        bytes: t.text.into_bytes(),
        lines,
    }
}

fn render_cnn(ctx: &Ctx<'_>, outlet: &Outlet, page: &[usize]) -> Rendered {
    let (country, city) = topic(ctx.world, ctx.events, ctx.reports, page);
    let mut order: Vec<usize> = page.to_vec();
    order.reverse();
    let newest = order.first().map_or(0, |r| ctx.reports[*r].utc);
    let gmt = Wall::at(newest, 0);
    let hkt = Wall::at(newest, 8 * 60);
    let mut t = Text::new();
    t.para(&format!(
        "{} live updates: {country} and the talks in {city}",
        outlet.name
    ));
    t.para(&format!(
        "By {}, {} and {}, CNN",
        outlet.reporters[0], outlet.reporters[1], outlet.reporters[2]
    ));
    t.line(&format!(
        "Updated {} GMT ({} HKT) {}",
        gmt.military(),
        hkt.military(),
        gmt.us_date()
    ));
    t.line(&format!("{} Posts", page.len()));
    t.line("Sort byDropdown arrow");
    let mut lines = Vec::with_capacity(page.len());
    for r in order {
        let report = &ctx.reports[r];
        let mut prng = salt(ctx.spec, r);
        let e = &ctx.events[report.event as usize];
        let w = words(ctx.world, e, &mut prng, is_first(ctx, r), false);
        let wall = Wall::at(report.utc, clock::new_york_offset(report.utc));
        let stamp = format!("{} ET, {}", wall.twelve_hour(), wall.us_date());
        lines.push((r, t.para(&stamp)));
        t.para(&w.headline);
        t.para(&format!("From CNN's {}", prng.pick(&outlet.reporters)));
        for p in &w.paragraphs {
            t.para(p);
        }
    }
    Rendered {
        bytes: t.text.into_bytes(),
        lines,
    }
}

struct Ctx<'a> {
    spec: &'a Spec,
    world: &'a World,
    events: &'a [Event],
    reports: &'a [Report],
    /// For each event, its earliest report.
    first: &'a [usize],
}

fn is_first(ctx: &Ctx<'_>, r: usize) -> bool {
    ctx.reports
        .get(r)
        .and_then(|rep| ctx.first.get(rep.event as usize))
        .is_some_and(|f| *f == r)
}

/// Splits an outlet's live-blog reports (in time order) into pages of a few hundred posts.
fn pages_of(rng: &mut Rng, layout: Layout, reports: &[Report], mine: &[usize]) -> Vec<Vec<usize>> {
    let mut pages: Vec<Vec<usize>> = Vec::new();
    let mut current: Vec<usize> = Vec::new();
    let mut target = rng.range(150, 400) as usize;
    for r in mine.iter().copied() {
        let gap_too_long = layout == Layout::Dw
            && current
                .last()
                .is_some_and(|last| reports[r].utc - reports[*last].utc >= DW_MAX_GAP);
        if current.len() >= target || gap_too_long {
            pages.push(std::mem::take(&mut current));
            target = rng.range(150, 400) as usize;
        }
        current.push(r);
    }
    if !current.is_empty() {
        // A page needs a few posts for its layout to be recognised: a short tail joins the page
        // before it when it can.
        let joinable = pages.last().is_some_and(|prev| {
            layout != Layout::Dw
                || prev
                    .last()
                    .zip(current.first())
                    .is_some_and(|(a, b)| reports[*b].utc - reports[*a].utc < DW_MAX_GAP)
        });
        match pages.last_mut() {
            Some(prev) if current.len() < 3 && joinable => prev.extend(current),
            _ => pages.push(current),
        }
    }
    pages
}

fn doc_id(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(12);
    for b in digest.iter().take(6) {
        let _ = write!(out, "{b:02x}");
    }
    out
}

/// Generates the corpus, handing each page to `sink` as it is written, and returns the gold.
pub(crate) fn generate<E, F>(spec: &Spec, sink: &mut F) -> Result<Gold, E>
where
    F: FnMut(&str, &[u8]) -> Result<(), E>,
{
    let world = World::new(spec.posts);
    let outlets = outlets(spec, &world);
    let (events, reports) = events(spec, &world, &outlets);
    let mut first = vec![usize::MAX; events.len()];
    for (i, r) in reports.iter().enumerate() {
        let slot = &mut first[r.event as usize];
        if *slot == usize::MAX || reports[*slot].utc > r.utc {
            *slot = i;
        }
    }
    let ctx = Ctx {
        spec,
        world: &world,
        events: &events,
        reports: &reports,
        first: &first,
    };
    let mut gold = Gold {
        posts_wanted: spec.posts,
        outlets_wanted: spec.outlets,
        seed: spec.seed,
        outlets: outlets
            .iter()
            .map(|o| GoldOutlet {
                name: o.name.clone(),
                layout: o.layout.name(),
            })
            .collect(),
        pages: Vec::new(),
        posts: Vec::new(),
        events: events
            .iter()
            .map(|e| GoldEvent {
                kind: e.kind,
                of: e.of,
                utc: e.utc,
                posts: Vec::new(),
            })
            .collect(),
    };
    let mut post_of_report = vec![usize::MAX; reports.len()];
    for (o, outlet) in outlets.iter().enumerate() {
        let mut mine: Vec<usize> = (0..reports.len())
            .filter(|r| reports[*r].outlet as usize == o)
            .collect();
        mine.sort_by_key(|r| (reports[*r].utc, *r));
        let (articles, live): (Vec<usize>, Vec<usize>) =
            mine.into_iter().partition(|r| reports[*r].article);
        let mut rng = Rng::derive(spec.seed, 0x9a9e_0000 + o as u64);
        let mut rendered: Vec<(String, Layout, Rendered)> = Vec::new();
        for (p, page) in pages_of(&mut rng, outlet.layout, &reports, &live)
            .iter()
            .enumerate()
        {
            let out = match outlet.layout {
                Layout::Dw => render_dw(&ctx, outlet, page, &mut rng),
                Layout::Cnn => render_cnn(&ctx, outlet, page),
                _ => render_independent(&ctx, outlet, page, &mut rng),
            };
            rendered.push((format!("o{o:03}-p{p:04}.txt"), outlet.layout, out));
        }
        for (a, r) in articles.iter().enumerate() {
            let out = render_article(&ctx, outlet, *r);
            rendered.push((
                format!("o{o:03}-a{a:05}.txt"),
                Layout::IndependentArticle,
                out,
            ));
        }
        for (file, layout, page) in rendered {
            sink(&file, &page.bytes)?;
            let id = doc_id(&page.bytes);
            let page_index = gold.pages.len();
            for (r, line) in &page.lines {
                post_of_report[*r] = gold.posts.len();
                gold.posts.push(GoldPost {
                    id: format!("{id}:{line}"),
                    page: page_index,
                    line: *line,
                    utc: reports[*r].utc,
                    event: reports[*r].event,
                });
            }
            gold.pages.push(GoldPage {
                file,
                outlet: o,
                layout: layout.name(),
                id,
                posts: page.lines.len(),
                bytes: page.bytes.len(),
            });
        }
    }
    for (r, report) in reports.iter().enumerate() {
        if let (Some(event), Some(post)) = (
            gold.events.get_mut(report.event as usize),
            post_of_report.get(r).filter(|p| **p != usize::MAX),
        ) {
            event.posts.push(*post);
        }
    }
    for event in &mut gold.events {
        event
            .posts
            .sort_by_key(|p| (gold.posts.get(*p).map_or(0, |p| p.utc), *p));
    }
    Ok(gold)
}
