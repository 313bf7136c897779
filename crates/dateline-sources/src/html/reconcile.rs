//! The HTML reader's judgement: the visible text, read by a text layout, checked against the
//! page's machine data, each source trusted in its order and every disagreement said.
//!
//! Order of trust, for each time: JSON-LD, then microdata, then `<meta>`, then `<time datetime>`,
//! then the visible stamp. The visible stamp still decides when the machine data is plainly wrong:
//! every update with the same `datePublished` (a template's time, not the posts'), or a JSON-LD
//! `datePublished` later than its own `dateModified` that disagrees with the dateline the reader sees
//! while another machine time agrees with it.
//!
//! Posts are matched one to one with the machine's updates by headline, body and time. A machine
//! update that matches no visible post is kept as a post with `visible: false`. An article whose
//! visible dateline shows only a date, a relative time or nothing takes its minute from the
//! machine data, checked against the visible date.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset, Offset, TimeZone, Timelike, Utc};
use dateline_model::{
    Basis, Diagnostic, Document, DocumentKind, Post, Precision, ResolvedTime, Severity, ZoneSource,
};
use dateline_time::Tz;

use super::{ItemKind, Machine, MachineTime, Source, TimeRole, Update};
use crate::{Page, outlets};

/// Before resolving: what the machine data says about the outlet and the title.
pub(crate) fn prepare(parsed: &mut crate::Parsed, machine: &Machine) {
    if let Some(outlet) = outlet(machine) {
        parsed.outlet = Some(outlet);
    }
    let headline = main_item(machine)
        .and_then(|i| i.headline.clone())
        .or_else(|| machine.titles.first().map(|t| t.value.clone()));
    if let Some(headline) = headline.filter(|h| !h.trim().is_empty()) {
        parsed.title = Some(headline.trim().to_owned());
    }
}

/// The outlet the machine data names: by the canonical or `og:url` domain, else by site name.
fn outlet(machine: &Machine) -> Option<String> {
    let urls = machine.canonical.iter().chain(machine.og_url.iter());
    for url in urls {
        if let Some(o) = host(url).and_then(outlets::outlet_by_domain) {
            return Some(o.name.to_owned());
        }
    }
    for name in &machine.site_names {
        if let Some(o) = outlets::outlet_by_name(&name.value) {
            return Some(o.name.to_owned());
        }
        if let Some(o) = outlets::outlet_by_domain(&name.value) {
            return Some(o.name.to_owned());
        }
    }
    machine
        .site_names
        .first()
        .map(|s| s.value.trim().to_owned())
        .filter(|s| !s.is_empty() && s.chars().count() <= 60)
}

fn host(url: &str) -> Option<&str> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next()?;
    (!host.is_empty()).then_some(host)
}

/// The live blog when there is one, else the first article, else the first web page.
fn main_item(machine: &Machine) -> Option<&super::Item> {
    machine
        .items
        .iter()
        .find(|i| i.kind == ItemKind::LiveBlog && !i.updates.is_empty())
        .or_else(|| machine.items.iter().find(|i| i.kind == ItemKind::LiveBlog))
        .or_else(|| machine.items.iter().find(|i| i.kind == ItemKind::Article))
        .or_else(|| machine.items.iter().find(|i| i.kind == ItemKind::WebPage))
}

/// Where a machine time came from, as a person reads it.
fn field(source: &Source, what: &str) -> String {
    match source {
        Source::JsonLd { block } => format!("JSON-LD block {block}: {what}"),
        Source::Microdata => format!("microdata: {what}"),
        Source::TimeElement => "<time datetime>".to_owned(),
        Source::Meta { name } => format!("<meta {name}>"),
    }
}

/// The instant of a machine time: ISO 8601 with an offset, or another form that states its zone
/// (`19 Nov 2019 07:09 GMT`, `Tue Nov 19 2019 05:44:06 GMT+0000`), read by `dateline-time`.
fn instant(time: &MachineTime) -> Option<DateTime<FixedOffset>> {
    if let Some(t) = time.instant() {
        return Some(t);
    }
    let stamp = dateline_time::find_stamp(&time.raw)?;
    stamp.zone.as_ref()?;
    let resolved = dateline_time::resolve(&stamp, &dateline_time::Context::default()).ok()?;
    Some(resolved.local)
}

/// A machine time as a resolved time: its instant in the outlet's zone when the offset fits it.
fn resolved(time: &MachineTime, what: &str, line: u32, zone: Option<Tz>) -> Option<ResolvedTime> {
    let instant = instant(time)?;
    let utc = instant.with_timezone(&Utc);
    let (local, zone_name) = match zone {
        Some(tz) if tz.offset_from_utc_datetime(&utc.naive_utc()).fix() == *instant.offset() => {
            (instant, tz.name().to_owned())
        }
        _ => (instant, offset_name(instant.offset())),
    };
    let mut basis = Basis::new(
        "machine-time",
        ZoneSource::Machine {
            field: field(&time.source, what),
        },
    );
    basis.precision = if instant.second() == 0 && instant.nanosecond() == 0 {
        Precision::Minute
    } else {
        Precision::Second
    };
    let mut out = ResolvedTime::new(line, time.raw.clone(), utc, local, zone_name, basis);
    out.span = [0, 0];
    Some(out)
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

fn minute(t: DateTime<Utc>) -> i64 {
    t.timestamp().div_euclid(60)
}

/// After resolving: the document checked against the machine data.
pub(crate) fn reconcile(
    doc: &mut Document,
    page: &Page<'_>,
    machine: &Machine,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let zone = doc
        .outlet
        .as_deref()
        .and_then(outlets::outlet_by_name)
        .and_then(|o| o.zone.parse::<Tz>().ok());
    page_times(doc, machine, zone, diagnostics);
    let untimed: Vec<u32> = doc
        .posts
        .iter()
        .filter(|p| p.time.is_none())
        .map(|p| p.line)
        .collect();
    let updates = updates(machine);
    if !updates.is_empty() {
        live_blog(doc, &updates, zone, diagnostics);
    } else if doc.kind != DocumentKind::LiveBlog && doc.posts.len() <= 1 {
        article(doc, page, machine, zone, diagnostics);
    }
    // A stamp the text could not resolve, whose time the machine data gave: say so once, softly.
    for post in doc.posts.iter().filter(|p| p.time.is_some()) {
        if !untimed.contains(&post.line) {
            continue;
        }
        for d in diagnostics.iter_mut() {
            if d.code == "unresolved-stamp" && d.line == Some(post.line) {
                d.severity = Severity::Info;
                d.code = "stamp-resolved-by-machine".to_owned();
                d.message = format!(
                    "{}; the page's machine data gives the time instead",
                    d.message
                )
                .replace("; the post has no time;", ";");
            }
        }
    }
    diagnostics.retain(|d| d.code != "posts-without-time");
    diagnostics.extend(crate::resolve::untimed(doc));
}

/// The page's published and updated times: the machine's, unless the page shows none.
fn page_times(
    doc: &mut Document,
    machine: &Machine,
    zone: Option<Tz>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let Some(item) = main_item(machine) else {
        return;
    };
    let pairs = [
        (&item.published, "datePublished", true),
        (&item.modified, "dateModified", false),
    ];
    for (time, what, published) in pairs {
        let Some(time) = time else { continue };
        let slot = if published {
            &mut doc.published
        } else {
            &mut doc.updated
        };
        let line = slot.as_ref().map_or(0, |t| t.line);
        let Some(machine_time) = resolved(time, what, line, zone) else {
            continue;
        };
        match slot {
            Some(visible) if minute(visible.utc) == minute(machine_time.utc) => visible
                .basis
                .notes
                .push(format!("{} agrees", field(&time.source, what))),
            Some(visible) => {
                diagnostics.push(disagreement(
                    "page-time-disagrees",
                    "the page's time",
                    visible,
                    &field(&time.source, what),
                    &machine_time,
                ));
                *slot = Some(machine_time);
            }
            None => *slot = Some(machine_time),
        }
    }
}

/// Every live-blog update of the page: JSON-LD first, then microdata updates JSON-LD lacks.
fn updates(machine: &Machine) -> Vec<(&Update, Source)> {
    let mut out: Vec<(&Update, Source)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for item in machine
        .items
        .iter()
        .filter(|i| i.kind == ItemKind::LiveBlog)
    {
        for update in &item.updates {
            let key = (
                update.headline.as_deref().map(norm),
                update.published.as_ref().and_then(instant),
                update.body.as_deref().map(norm),
            );
            if seen.insert(key) {
                out.push((update, item.source.clone()));
            }
        }
    }
    out
}

/// The warning for a visible time the machine data contradicts, whose machine time is used.
fn disagreement(
    code: &str,
    shown: &str,
    visible: &ResolvedTime,
    source: &str,
    machine: &ResolvedTime,
) -> Diagnostic {
    Diagnostic::new(
        Severity::Warning,
        code,
        format!(
            "{shown} `{}` reads as {}, but the page's {source} says {}; the machine time is used",
            visible.raw,
            visible.utc.to_rfc3339(),
            machine.utc.to_rfc3339()
        ),
    )
    .at_line(visible.line)
}

/// Text compared as a reader sees it: whitespace collapsed, invisible characters gone, quotes and
/// dashes folded, case ignored.
fn norm(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        let c = match c {
            '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}' | '\u{ad}' => continue,
            '\u{2018}' | '\u{2019}' | '\u{201a}' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{201e}' => '"',
            '\u{2013}' | '\u{2014}' => '-',
            c => c,
        };
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// What the matching index files a post or an update under.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    /// The UTC minute of its time.
    Minute(i64),
    /// Its first twelve characters, as a reader sees them (`same_start` needs at least twelve).
    Opening(String),
}

fn opening(text: &str) -> String {
    norm(text).chars().take(12).collect()
}

/// Whether two texts open alike: their first 40 characters, or all of the shorter when it has
/// at least 12, are the same.
fn same_start(a: &str, b: &str) -> bool {
    let a: Vec<char> = norm(a).chars().take(40).collect();
    let b: Vec<char> = norm(b).chars().take(40).collect();
    let n = a.len().min(b.len());
    n >= 12 && a.get(..n) == b.get(..n)
}

/// How well a visible post answers a machine update; 0 is not at all.
fn affinity(post: &Post, update: &Update, instant: Option<DateTime<Utc>>) -> u32 {
    let mut score = 0;
    if let (Some(a), Some(b)) = (&post.headline, &update.headline) {
        let (a, b) = (norm(a), norm(b));
        if !a.is_empty() && (a == b || b.ends_with(&a) || a.ends_with(&b)) {
            score += 3;
        }
    }
    // A post with no headline of its own may open with the update's headline as its text.
    if post.headline.is_none() {
        if let Some(h) = &update.headline {
            let whole = !h.trim().is_empty() && norm(&post.text) == norm(h);
            if whole || same_start(&post.text, h) {
                score += 3;
            }
        }
    }
    if let Some(body) = &update.body {
        if same_start(&post.text, body) {
            score += 3;
        }
    }
    if let (Some(t), Some(m)) = (post.time.as_ref(), instant) {
        if minute(t.utc) == minute(m) {
            score += 2;
        } else if t.local.minute() == m.minute() && (t.utc - m).num_minutes() % 60 == 0 {
            // The same wall clock read in another zone: the same post, a zone apart.
            score += 1;
        }
    }
    score
}

fn live_blog(
    doc: &mut Document,
    updates: &[(&Update, Source)],
    zone: Option<Tz>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let instants: Vec<Option<DateTime<Utc>>> = updates
        .iter()
        .map(|(u, _)| {
            u.published
                .as_ref()
                .and_then(instant)
                .map(|t| t.with_timezone(&Utc))
        })
        .collect();
    // A template's time given to every update is not the posts' time.
    let distinct: std::collections::BTreeSet<i64> =
        instants.iter().flatten().map(|t| minute(*t)).collect();
    let degenerate = updates.len() >= 3 && distinct.len() == 1;
    if degenerate {
        diagnostics.push(Diagnostic::new(
            Severity::Warning,
            "machine-times-degenerate",
            format!(
                "all {} live-blog updates in the page's machine data carry the same datePublished; \
                 it is the page's time, not the posts', so the visible stamps are used",
                updates.len()
            ),
        ));
    }
    // Candidates come from an index (the same minute, the same headline, the same opening words),
    // so a page with thousands of posts and updates is not compared all against all.
    let mut index: HashMap<Key, Vec<usize>> = HashMap::new();
    for (u, (update, _)) in updates.iter().enumerate() {
        let instant = instants.get(u).copied().flatten().filter(|_| !degenerate);
        let mut keys = vec![];
        if let Some(t) = instant {
            keys.push(Key::Minute(minute(t)));
        }
        for text in [&update.headline, &update.body].into_iter().flatten() {
            keys.push(Key::Opening(opening(text)));
        }
        for key in keys {
            index.entry(key).or_default().push(u);
        }
    }
    let mut pairs: Vec<(u32, usize, usize)> = Vec::new();
    for (p, post) in doc.posts.iter().enumerate() {
        let mut keys = vec![Key::Opening(opening(&post.text))];
        if let Some(t) = &post.time {
            keys.push(Key::Minute(minute(t.utc)));
        }
        if let Some(h) = &post.headline {
            keys.push(Key::Opening(opening(h)));
        }
        let mut candidates: Vec<usize> = keys
            .iter()
            .filter_map(|k| index.get(k))
            .flatten()
            .copied()
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        for u in candidates {
            let Some((update, _)) = updates.get(u) else {
                continue;
            };
            let instant = instants.get(u).copied().flatten().filter(|_| !degenerate);
            let score = affinity(post, update, instant);
            if score >= 3 {
                pairs.push((score, p, u));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut post_of: Vec<Option<usize>> = vec![None; updates.len()];
    let mut taken = vec![false; doc.posts.len()];
    for (_, p, u) in pairs {
        if taken.get(p).copied().unwrap_or(true) || post_of.get(u).copied().flatten().is_some() {
            continue;
        }
        if let Some(slot) = taken.get_mut(p) {
            *slot = true;
        }
        if let Some(slot) = post_of.get_mut(u) {
            *slot = Some(p);
        }
    }
    let mut confirmed = 0;
    let mut corrected = 0;
    let mut filled = 0;
    for (u, (update, _)) in updates.iter().enumerate() {
        let Some(p) = post_of.get(u).copied().flatten() else {
            continue;
        };
        let Some(post) = doc.posts.get_mut(p) else {
            continue;
        };
        let Some(time) = update.published.as_ref().filter(|_| !degenerate) else {
            continue;
        };
        let what = "liveBlogUpdate datePublished";
        let Some(machine_time) = resolved(time, what, post.line, zone) else {
            continue;
        };
        match &mut post.time {
            Some(visible) if minute(visible.utc) == minute(machine_time.utc) => {
                visible
                    .basis
                    .notes
                    .push(format!("{} agrees", field(&time.source, what)));
                confirmed += 1;
            }
            Some(visible) => {
                let hours = (machine_time.utc - visible.utc).num_minutes() as f64 / 60.0;
                diagnostics.push(
                    Diagnostic::new(
                        Severity::Warning,
                        "post-time-disagrees",
                        format!(
                            "the stamp `{}` reads as {} ({}), but the page's {} says {}{}; the machine time is used",
                            visible.raw,
                            visible.utc.to_rfc3339(),
                            visible.zone,
                            field(&time.source, what),
                            machine_time.utc.to_rfc3339(),
                            if hours.fract() == 0.0 {
                                format!(", {hours:+} h: the stamp's zone is likely wrong")
                            } else {
                                String::new()
                            }
                        ),
                    )
                    .at_line(post.line),
                );
                let mut machine_time = machine_time;
                machine_time.basis.notes.push(format!(
                    "the visible stamp `{}` said otherwise",
                    visible.raw
                ));
                post.time = Some(machine_time);
                corrected += 1;
            }
            None => {
                post.time = Some(machine_time);
                filled += 1;
            }
        }
    }
    // Updates the page does not show are kept, marked.
    let mut hidden = 0;
    for (u, (update, _)) in updates.iter().enumerate() {
        if post_of.get(u).copied().flatten().is_some() {
            continue;
        }
        hidden += 1;
        let mut post = Post::new(&doc.id, 0);
        post.id = format!("{}:ld-{}", doc.id, u + 1);
        post.visible = false;
        post.headline.clone_from(&update.headline);
        post.text = update.body.clone().unwrap_or_default();
        post.author = (!update.authors.is_empty()).then(|| update.authors.join(", "));
        post.time = update
            .published
            .as_ref()
            .filter(|_| !degenerate)
            .and_then(|t| resolved(t, "liveBlogUpdate datePublished", 0, zone));
        doc.posts.push(post);
    }
    if doc.kind != DocumentKind::LiveBlog && !updates.is_empty() {
        doc.kind = DocumentKind::LiveBlog;
    }
    diagnostics.push(Diagnostic::new(
        Severity::Info,
        "machine-updates",
        format!(
            "the page's machine data lists {} live-blog updates: {} match a visible post whose time \
             they confirm, {} correct a visible time, {} give a time the page did not, {} are not on \
             the visible page and are kept with `visible: false`",
            updates.len(),
            confirmed,
            corrected,
            filled,
            hidden
        ),
    ));
}

/// The machine's candidates for an article's publication time, most trusted first.
fn published_candidates(machine: &Machine) -> Vec<(&MachineTime, &'static str)> {
    let mut out: Vec<(&MachineTime, &'static str)> = Vec::new();
    for item in machine
        .items
        .iter()
        .filter(|i| i.kind == ItemKind::Article)
        .chain(machine.items.iter().filter(|i| i.kind == ItemKind::WebPage))
    {
        if let Some(t) = &item.published {
            out.push((t, "datePublished"));
        }
    }
    let meta = machine
        .times
        .iter()
        .filter(|t| t.role == TimeRole::Published && !matches!(t.time.source, Source::TimeElement));
    out.extend(meta.map(|t| (&t.time, "published time")));
    out
}

/// Other machine times an article's visible dateline may agree with.
fn other_times(machine: &Machine) -> Vec<(&MachineTime, &'static str)> {
    let mut out: Vec<(&MachineTime, &'static str)> = Vec::new();
    for item in &machine.items {
        if let Some(t) = &item.modified {
            out.push((t, "dateModified"));
        }
    }
    for t in &machine.times {
        let what = match t.role {
            TimeRole::Modified => "modified time",
            _ => "time",
        };
        out.push((&t.time, what));
    }
    out
}

fn article(
    doc: &mut Document,
    page: &Page<'_>,
    machine: &Machine,
    zone: Option<Tz>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let candidates = published_candidates(machine);
    let contradictory = |t: &MachineTime| {
        let modified = machine
            .items
            .iter()
            .find(|i| i.published.as_ref() == Some(t))
            .and_then(|i| i.modified.as_ref())
            .and_then(instant);
        matches!((instant(t), modified), (Some(p), Some(m)) if (p - m).num_minutes() >= 1)
    };
    let visible = doc
        .posts
        .first()
        .and_then(|p| p.time.as_ref())
        .filter(|t| matches!(t.basis.precision, Precision::Minute | Precision::Second))
        .cloned();
    if let Some(visible) = visible {
        let agrees = |t: &MachineTime| {
            instant(t).is_some_and(|i| minute(i.with_timezone(&Utc)) == minute(visible.utc))
        };
        let agreeing: Vec<String> = candidates
            .iter()
            .chain(other_times(machine).iter())
            .filter(|(t, _)| agrees(t))
            .map(|(t, what)| field(&t.source, what))
            .collect();
        if !agreeing.is_empty() {
            if let Some(time) = doc.posts.first_mut().and_then(|p| p.time.as_mut()) {
                time.basis
                    .notes
                    .push(format!("agrees with {}", agreeing.join(", ")));
            }
            for (bad, what) in candidates
                .iter()
                .filter(|(t, _)| !agrees(t) && instant(t).is_some())
            {
                let why = if contradictory(bad) {
                    ", and is later than its own dateModified"
                } else {
                    ""
                };
                diagnostics.push(
                    Diagnostic::new(
                        Severity::Info,
                        "machine-time-ignored",
                        format!(
                            "the page's {} ({}) disagrees with the visible dateline `{}`{why}; the dateline, which {} confirm{}, is kept",
                            field(&bad.source, what),
                            bad.raw,
                            visible.raw,
                            agreeing.join(", "),
                            if agreeing.len() == 1 { "s" } else { "" }
                        ),
                    )
                    .at_line(visible.line),
                );
            }
        } else if let Some((t, what)) = candidates.iter().find(|(t, _)| instant(t).is_some()) {
            if let Some(machine_time) = resolved(t, what, visible.line, zone) {
                diagnostics.push(disagreement(
                    "post-time-disagrees",
                    "the dateline",
                    &visible,
                    &field(&t.source, what),
                    &machine_time,
                ));
                if let Some(post) = doc.posts.first_mut() {
                    post.time = Some(machine_time);
                }
            }
        }
        return;
    }
    // The page shows a date, a relative time or nothing: the machine gives the minute.
    let Some((t, what)) = candidates
        .iter()
        .find(|(t, _)| instant(t).is_some() && !contradictory(t))
        .or_else(|| candidates.iter().find(|(t, _)| instant(t).is_some()))
    else {
        return;
    };
    let shown = doc.posts.first().and_then(|p| p.time.clone());
    let line = doc
        .posts
        .first()
        .map(|p| p.line)
        .or_else(|| title_line(doc, page))
        .unwrap_or(1);
    let Some(mut machine_time) = resolved(t, what, line, zone) else {
        return;
    };
    if let Some(shown) = &shown {
        let shown_date = shown.local.date_naive();
        let in_zone = zone.map(|tz| machine_time.utc.with_timezone(&tz).date_naive());
        let same_day = machine_time.local.date_naive() == shown_date
            || machine_time.utc.date_naive() == shown_date
            || in_zone == Some(shown_date);
        machine_time
            .basis
            .notes
            .push(format!("the page shows only `{}`", shown.raw));
        if !same_day {
            diagnostics.push(
                Diagnostic::new(
                    Severity::Warning,
                    "page-date-disagrees",
                    format!(
                        "the page shows the date `{}`, but its {} says {}",
                        shown.raw,
                        field(&t.source, what),
                        machine_time.utc.to_rfc3339()
                    ),
                )
                .at_line(shown.line),
            );
        }
    }
    match doc.posts.first_mut() {
        Some(post) => post.time = Some(machine_time),
        None => {
            let mut post = Post::new(&doc.id, line);
            post.headline.clone_from(&doc.title);
            post.text = doc.standfirst.clone().unwrap_or_default();
            post.time = Some(machine_time);
            doc.posts.push(post);
            doc.kind = DocumentKind::Article;
        }
    }
    diagnostics.push(Diagnostic::new(
        Severity::Info,
        "article-time-from-machine",
        format!(
            "the page shows no minute for its publication; the time is its {} `{}`",
            field(&t.source, what),
            t.raw
        ),
    ));
}

/// The line of the visible text that prints the document's title.
fn title_line(doc: &Document, page: &Page<'_>) -> Option<u32> {
    let title = norm(doc.title.as_deref()?);
    page.lines()
        .find(|(_, text)| !title.is_empty() && norm(text) == title)
        .map(|(n, _)| n)
}
