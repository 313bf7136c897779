//! Clues from a saved HTML page's machine data: its address (the outlet's domain, its country,
//! a date in its path), its declared language and locale, its site name, the type of its main
//! item, and every publication and update time it carries (JSON-LD, microdata, `<meta>`,
//! `<time datetime>`), whatever their form: with an offset (an instant), without one (the
//! outlet's local time), or a date alone. Offsets are also clues to the zone.

use std::sync::LazyLock;

use chrono::{NaiveDate, Utc};
use dateline_model::DocumentKind;
use regex::Regex;

use super::clue::{Clue, weight};
use super::{Found, When, ZoneClue, language, places};
use crate::Page;
use crate::html::{Item, ItemKind, Machine, MachineTime, ParsedTime, Source, TimeRole};
use crate::outlets;

/// Adds the clues of `machine` to `found`.
pub(crate) fn clues(machine: &Machine, page: &Page<'_>, found: &mut Found) {
    address(machine, found);
    languages(machine, found);
    site_names(machine, found);
    found.title = main_item(machine)
        .and_then(|i| i.headline.clone())
        .or_else(|| machine.titles.first().map(|t| t.value.clone()))
        .or_else(|| machine.h1.clone())
        .map(|t| t.trim().to_owned())
        .filter(|t| !t.is_empty());
    items(machine, found);
    page_times(machine, page, found);
}

/// The page's address: the canonical link, else `og:url`, else the address a web archive says
/// the page was saved from.
fn address(machine: &Machine, found: &mut Found) {
    let urls = [
        (machine.canonical.as_deref(), "the canonical link"),
        (machine.og_url.as_deref(), "og:url"),
        (
            machine.saved_from.as_deref(),
            "the address the web archive was saved from",
        ),
    ];
    let mut seen_date = false;
    for (url, kind) in urls {
        let Some(url) = url.map(str::trim).filter(|u| u.contains('.')) else {
            continue;
        };
        seen_date |= address_clues(url, kind, None, !seen_date, found);
    }
}

/// The clues of one address of the page, from `kind` (standing on `line` of the visible text,
/// if it does): the address itself, its domain's outlet and country, and, when `date` asks, a
/// date in its path. Whether it gave a date.
pub(crate) fn address_clues(
    url: &str,
    kind: &str,
    line: Option<u32>,
    date: bool,
    found: &mut Found,
) -> bool {
    let placed = |mut c: Clue<String>| {
        c.line = line;
        c
    };
    found.url.push(placed(Clue::new(
        url.to_owned(),
        kind,
        url,
        weight::ADDRESS,
    )));
    let Some(host) = host(url) else { return false };
    if let Some(o) = outlets::outlet_by_domain(host) {
        found.outlet.push(placed(Clue::new(
            o.name.to_owned(),
            format!("the domain of {kind}"),
            host,
            weight::TABLE,
        )));
    }
    if let Some(country) = places::country_of_host(host) {
        found.country.push(placed(Clue::new(
            country.to_owned(),
            format!("the country domain of {kind}"),
            host,
            weight::ADDRESS,
        )));
    }
    let Some(date) = date.then(|| date_in_path(url)).flatten() else {
        return false;
    };
    let Some(stamp) = dateline_time::parse_stamp(&date.format("%Y-%m-%d").to_string()) else {
        return true;
    };
    let mut clue = Clue::new(
        When::Machine {
            stamp: Box::new(stamp),
            raw: url.to_owned(),
            field: format!("{ADDRESS_DATE} {kind}"),
        },
        format!("{ADDRESS_DATE} {kind}"),
        url,
        weight::NAMED,
    );
    clue.line = line;
    found.published.push(clue);
    true
}

/// The kind of a publication clue from the date in the page's address.
pub(crate) const ADDRESS_DATE: &str = "the date in";

/// The host of a URL (`www.bbc.co.uk` of `https://www.bbc.co.uk/news/x`).
pub(crate) fn host(url: &str) -> Option<&str> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let rest = rest.strip_prefix("//").unwrap_or(rest);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next()?;
    (host.contains('.') && !host.is_empty()).then_some(host)
}

/// A publication date written into a URL's path: `/2020/04/15/`, `/2020-04-15`, or eight digits
/// opening a path segment (`/20200415...`), when they make a real date.
pub(crate) fn date_in_path(url: &str) -> Option<NaiveDate> {
    static DATE: LazyLock<Regex> = LazyLock::new(|| {
        crate::boilerplate::re(
            r"/((?:19|20)[0-9]{2})(?:/([01]?[0-9])/([0-3]?[0-9])(?:/|$)|-([01][0-9])-([0-3][0-9])(?:[^0-9]|$)|([01][0-9])([0-3][0-9]))",
        )
    });
    let path = url.split_once("://").map_or(url, |(_, r)| r);
    let path = path.get(path.find('/')?..)?;
    let path = path.split(['?', '#']).next()?;
    let caps = DATE.captures(path)?;
    let year: i32 = caps.get(1)?.as_str().parse().ok()?;
    let (m, d) = [(2, 3), (4, 5), (6, 7)]
        .into_iter()
        .find_map(|(m, d)| Some((caps.get(m)?, caps.get(d)?)))?;
    NaiveDate::from_ymd_opt(year, m.as_str().parse().ok()?, d.as_str().parse().ok()?)
}

/// `<html lang>` and `og:locale`: the language, and the region they name.
fn languages(machine: &Machine, found: &mut Found) {
    let tags = [
        (machine.lang.as_deref(), "<html lang>"),
        (machine.locale.as_deref(), "og:locale"),
    ];
    for (tag, kind) in tags {
        let Some((lang, region)) = tag.and_then(language::of_tag) else {
            continue;
        };
        let text = tag.unwrap_or_default();
        found
            .language
            .push(Clue::new(lang.clone(), kind, text, weight::PRINTED));
        // A region where the language is not written is a placeholder (Facebook's `ar_AR` is
        // Arabic anywhere, not Argentina).
        if let Some(region) = region.filter(|r| {
            places::zone_of_country(r).is_some() && places::spoken_in(&lang, r) != Some(false)
        }) {
            found.country.push(Clue::new(
                region,
                format!("the region of {kind}"),
                text,
                weight::NAMED,
            ));
        }
    }
}

/// Site names (`og:site_name`, the JSON-LD publisher): an outlet of the table by its name or
/// domain, else the name itself.
fn site_names(machine: &Machine, found: &mut Found) {
    for name in machine.site_names.iter().take(4) {
        let value = name.value.trim();
        if value.is_empty() || value.chars().count() > 60 {
            continue;
        }
        let known = outlets::outlet_by_name(value).or_else(|| outlets::outlet_by_domain(value));
        let kind = match &name.source {
            Source::JsonLd { .. } => "the publisher in JSON-LD",
            _ => "the site's name (og:site_name)",
        };
        let (outlet, w) = match known {
            Some(o) => (o.name.to_owned(), weight::TABLE),
            None => (value.to_owned(), weight::DATELINE),
        };
        found.outlet.push(Clue::new(outlet, kind, value, w));
    }
}

/// The live blog when there is one, else the first article, else the first web page.
pub(crate) fn main_item(machine: &Machine) -> Option<&Item> {
    machine
        .items
        .iter()
        .find(|i| i.kind == ItemKind::LiveBlog && !i.updates.is_empty())
        .or_else(|| machine.items.iter().find(|i| i.kind == ItemKind::LiveBlog))
        .or_else(|| machine.items.iter().find(|i| i.kind == ItemKind::Article))
        .or_else(|| machine.items.iter().find(|i| i.kind == ItemKind::WebPage))
}

/// A machine time as a clue's time: an instant when it carries an offset, else a stamp read in
/// the page's zone (a wall-clock time, a date alone, or another form such as
/// `Tue Aug 25 2020 00:23:33 GMT+0000`).
pub(crate) fn when(time: &MachineTime, field: String) -> Option<When> {
    let raw = time.raw.clone();
    let text = match time.parsed {
        Some(ParsedTime::Offset(at)) => return Some(When::Instant { at, raw, field }),
        Some(ParsedTime::Zoneless(t)) => t.format("%Y-%m-%dT%H:%M:%S").to_string(),
        Some(ParsedTime::Date(d)) => d.format("%Y-%m-%d").to_string(),
        None => time.raw.clone(),
    };
    let stamp = dateline_time::find_stamp(&text)
        .filter(|s| s.relative.is_none() && s.date.as_ref().is_some_and(|d| d.year.is_some()))?;
    Some(When::Machine {
        stamp: Box::new(stamp),
        raw,
        field,
    })
}

/// The instant a machine time gives when it states its zone: ISO 8601 with an offset, or another
/// form that prints one (`19 Nov 2019 07:09 GMT`).
fn stated_instant(time: &MachineTime) -> Option<chrono::DateTime<Utc>> {
    if let Some(at) = time.instant() {
        return Some(at.with_timezone(&Utc));
    }
    let stamp = dateline_time::find_stamp(&time.raw)?;
    stamp.zone.as_ref()?;
    stamp.date.as_ref()?.year?;
    let resolved = dateline_time::resolve(&stamp, &dateline_time::Context::default()).ok()?;
    Some(resolved.utc)
}

/// The offset a machine time carries, as a clue to the page's zone; an offset of zero is a weak
/// one (many pages write every time in UTC).
fn offset_clue(time: &MachineTime, kind: &str, found: &mut Found, strong: bool) {
    let Some(ParsedTime::Offset(at)) = time.parsed else {
        return;
    };
    let zero = at.offset().local_minus_utc() == 0;
    let w = match (zero, strong) {
        (true, _) => weight::ELSEWHERE,
        (false, true) => weight::ADDRESS,
        (false, false) => weight::NAMED,
    };
    found.zone.push(Clue::new(
        ZoneClue::Offset(*at.offset(), at.with_timezone(&Utc)),
        format!("the offset of {kind}"),
        &time.raw,
        w,
    ));
}

/// The structured items: their type says the page's kind; the main item's dates are the page's.
fn items(machine: &Machine, found: &mut Found) {
    let main = main_item(machine);
    if let Some(item) = main {
        let (kind, w) = match item.kind {
            ItemKind::LiveBlog if !item.updates.is_empty() => {
                (DocumentKind::LiveBlog, weight::STATED)
            }
            ItemKind::LiveBlog => (DocumentKind::LiveBlog, weight::MACHINE),
            ItemKind::Article => (DocumentKind::Article, weight::MACHINE),
            ItemKind::WebPage => (DocumentKind::Article, weight::LANGUAGE),
        };
        let source = match item.source {
            Source::JsonLd { .. } => "JSON-LD",
            _ => "microdata",
        };
        found.kind.push(Clue::new(
            kind,
            format!("the type of the page's {source} item"),
            &item.type_name,
            w,
        ));
    }
    if machine
        .og_type
        .as_deref()
        .is_some_and(|t| t.eq_ignore_ascii_case("article"))
    {
        found.kind.push(Clue::new(
            DocumentKind::Article,
            "og:type",
            "article",
            weight::NAMED,
        ));
    }
    let mut articles = 0;
    for item in &machine.items {
        let is_main = main.is_some_and(|m| std::ptr::eq(m, item));
        let w = match (is_main, item.kind, &item.source) {
            (true, ItemKind::WebPage, _) => weight::WEAK_MACHINE,
            (true, _, Source::JsonLd { .. }) => weight::STATED,
            (true, _, _) => weight::MACHINE,
            (false, ItemKind::WebPage, _) => weight::ELSEWHERE,
            // Other articles on the page are related stories, but a page may describe itself twice.
            (false, _, _) => {
                articles += 1;
                if articles > 1 {
                    weight::ELSEWHERE
                } else {
                    weight::WEAK_MACHINE
                }
            }
        };
        // A publication time later than the item's own modification time contradicts itself:
        // one of the two is wrong, and the page's other clues must say which.
        let backwards = match (
            item.published.as_ref().and_then(stated_instant),
            item.modified.as_ref().and_then(stated_instant),
        ) {
            (Some(p), Some(m)) => (p - m).num_minutes() >= 1,
            _ => false,
        };
        let pairs = [
            (&item.published, "datePublished", true),
            (&item.modified, "dateModified", false),
        ];
        for (time, what, published) in pairs {
            let Some(time) = time else { continue };
            let mut kind = item.source.field(what);
            let Some(when) = when(time, kind.clone()) else {
                continue;
            };
            offset_clue(time, &kind, found, is_main);
            let w = if published && backwards {
                kind.push_str(", later than its own dateModified");
                w.min(weight::WEAK_MACHINE)
            } else {
                w
            };
            let clue = Clue::new(when, kind, &time.raw, w);
            if published {
                found.published.push(clue);
            } else {
                found.updated.push(clue);
            }
        }
    }
}

/// `<meta>` times, page-level microdata and `<time datetime>` elements.
fn page_times(machine: &Machine, page: &Page<'_>, found: &mut Found) {
    // Several page-level microdata dates that disagree are a list of stories, not the page's.
    let microdata: Vec<&str> = machine
        .times
        .iter()
        .filter(|t| t.time.source == Source::Microdata && t.role == TimeRole::Published)
        .map(|t| t.time.raw.as_str())
        .collect();
    let mut distinct = microdata.clone();
    distinct.sort_unstable();
    distinct.dedup();
    let listed = distinct.len() > 2;
    let mut first_after_headline = true;
    for t in &machine.times {
        let (w, kind) = match &t.time.source {
            Source::Meta { name } => {
                let generic = matches!(
                    name.to_ascii_lowercase().as_str(),
                    "date" | "dc.date" | "displaydate" | "lastmod" | "last-modified" | "revised"
                );
                let w = if generic {
                    weight::ADDRESS
                } else {
                    weight::MACHINE
                };
                (w, t.time.source.field(name))
            }
            Source::Microdata => {
                let w = if listed {
                    weight::ELSEWHERE
                } else {
                    weight::MACHINE
                };
                let what = t.mark.as_deref().unwrap_or("itemprop");
                (w, t.time.source.field(what))
            }
            Source::TimeElement => {
                if t.quoted {
                    continue;
                }
                // A `<time itemprop=...>` is microdata, read as such.
                if t.mark
                    .as_deref()
                    .is_some_and(|m| m.starts_with("itemprop=date"))
                {
                    continue;
                }
                let after = machine.headline_at.is_none_or(|h| t.order > h);
                let w = match (&t.mark, after) {
                    (Some(_), _) => weight::DATELINE,
                    (None, true) if first_after_headline => {
                        first_after_headline = false;
                        weight::WEAK_MACHINE
                    }
                    _ => continue,
                };
                let mark = t.mark.as_deref().map_or(String::new(), |m| format!(" {m}"));
                (w, format!("<time{mark} datetime>"))
            }
            // Marked by its class as the page's time, as a marked `<time>` is.
            Source::Titled { tag } => {
                if t.quoted {
                    continue;
                }
                let mark = t.mark.as_deref().map_or(String::new(), |m| format!(" {m}"));
                (weight::DATELINE, format!("<{tag}{mark} title>"))
            }
            // A `data-` attribute's time on an element that shows it: as an unmarked `<time>`.
            Source::Attribute { tag, attr } => {
                let after = machine.headline_at.is_none_or(|h| t.order > h);
                if t.quoted || !after || !first_after_headline {
                    continue;
                }
                first_after_headline = false;
                (weight::WEAK_MACHINE, format!("<{tag} {attr}>"))
            }
            // JSON the page embeds for its scripts: the story titled with the page's headline
            // is the page's, as a dateline is; untitled, its one time is a weak clue.
            Source::Embedded { titled, .. } => {
                let w = if *titled {
                    weight::DATELINE
                } else {
                    weight::WEAK_MACHINE
                };
                (w, t.time.source.field(t.mark.as_deref().unwrap_or("date")))
            }
            Source::JsonLd { .. } => continue,
        };
        let Some(when) = when(&t.time, kind.clone()) else {
            continue;
        };
        let role = match (t.role, t.mark.as_deref()) {
            (TimeRole::Unknown, Some(m)) if m.contains("updated") || m.contains("modified") => {
                if m.contains("publish") {
                    TimeRole::Published
                } else {
                    TimeRole::Modified
                }
            }
            (TimeRole::Unknown, _) => TimeRole::Published,
            (role, _) => role,
        };
        // An epoch in an attribute, or a framework's state (an API's times, in UTC whatever the
        // outlet's zone), says nothing of the page's zone.
        if !matches!(
            t.time.source,
            Source::Attribute { .. } | Source::Embedded { .. }
        ) {
            offset_clue(&t.time, &kind, found, w >= weight::MACHINE);
        }
        let mut clue = Clue::new(when, kind, &t.time.raw, w);
        // A `<time>` element's visible text stands on a line of the page.
        if let Some(text) = &t.text {
            clue.line = line_of(page, text);
        }
        match role {
            TimeRole::Modified => found.updated.push(clue),
            _ => found.published.push(clue),
        }
    }
}

/// The first line of the visible text that holds `text` (a `<time>` element's words).
fn line_of(page: &Page<'_>, text: &str) -> Option<u32> {
    let text = text.trim();
    if text.chars().count() < 4 {
        return None;
    }
    page.lines()
        .find(|(_, line)| line.contains(text))
        .map(|(n, _)| n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_paths_are_found_in_their_usual_forms() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(
            date_in_path("https://x.com/politics/2020/09/23/story.html"),
            d(2020, 9, 23)
        );
        assert_eq!(date_in_path("https://x.com/2020/8/4/story"), d(2020, 8, 4));
        assert_eq!(
            date_in_path("https://x.com/news/2020-04-15-a-story"),
            d(2020, 4, 15)
        );
        assert_eq!(
            date_in_path("https://x.com/world/202004281079127690-story/"),
            d(2020, 4, 28)
        );
        assert_eq!(date_in_path("https://x.com/a/30657941.html"), None);
        assert_eq!(date_in_path("https://x.com/2020/13/45/story"), None);
        assert_eq!(date_in_path("https://2020.com/"), None);
    }

    #[test]
    fn hosts_are_read_from_urls() {
        assert_eq!(host("https://www.bbc.co.uk/news/x"), Some("www.bbc.co.uk"));
        assert_eq!(host("//cdn.example.it/a"), Some("cdn.example.it"));
        assert_eq!(
            host("https://user@news.example.de:8080/x"),
            Some("news.example.de")
        );
        assert_eq!(host("/relative/path"), None);
    }
}
