//! The HTML reader's last step: a live blog's visible posts checked against the updates its
//! machine data lists.
//!
//! The page's own context (its outlet, zone, publication and update times, from the machine data
//! and the text alike) is decided before the posts are read, by [`crate::context`]; what is left
//! here is what only the posts can say. Posts are matched one to one with the machine's updates by
//! headline, body and time: a match confirms a post's time, corrects it (with a warning) or fills
//! it where the page shows none, unless every update carries the same time (a template's, not the
//! posts'). A machine update that matches no visible post is kept as a post with
//! `visible: false`.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset, Offset, TimeZone, Timelike, Utc};
use dateline_model::{
    Basis, Diagnostic, Document, DocumentKind, Post, Precision, ResolvedTime, Severity, ZoneSource,
};
use dateline_time::Tz;

use super::{ItemKind, Machine, MachineTime, Source, Update};

/// Before resolving: the machine data's headline is the page's title.
pub(crate) fn prepare(parsed: &mut crate::Parsed, context: &crate::context::Context) {
    if let Some(headline) = context.title.as_ref().filter(|h| !h.trim().is_empty()) {
        parsed.title = Some(headline.trim().to_owned());
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
            field: time.source.field(what),
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
    machine: &Machine,
    text: &str,
    zone: Option<Tz>,
    max_posts: usize,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let untimed: std::collections::HashSet<u32> = doc
        .posts
        .iter()
        .filter(|p| p.time.is_none())
        .map(|p| p.line)
        .collect();
    let updates = updates(machine);
    // Updates past the limit of posts were only counted while the machine data was read.
    let left_out: usize = machine
        .items
        .iter()
        .filter(|i| i.kind == ItemKind::LiveBlog)
        .map(|i| i.updates_left_out)
        .sum();
    if !updates.is_empty() || left_out > 0 {
        live_blog(doc, &updates, left_out, zone, max_posts, diagnostics);
        let shown = place_headlines(doc, &updates, text);
        if shown > 0
            && let Some(d) = diagnostics
                .iter_mut()
                .rev()
                .find(|d| d.code == "machine-updates")
        {
            d.message.push_str(&format!(
                "; of those, {shown} show their headline as a line of the page, with no time, and \
                 are placed at that line"
            ));
        }
    }
    // A stamp the text could not resolve, whose time the machine data gave: say so once, softly.
    let now_timed: std::collections::HashSet<u32> = doc
        .posts
        .iter()
        .filter(|p| p.time.is_some() && untimed.contains(&p.line))
        .map(|p| p.line)
        .collect();
    if !now_timed.is_empty() {
        for d in diagnostics.iter_mut() {
            if d.code == "unresolved-stamp" && d.line.is_some_and(|l| now_timed.contains(&l)) {
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
    let untimed = crate::resolve::untimed(doc, diagnostics);
    diagnostics.extend(untimed);
}

/// Gives each post known only from machine data the line of the visible text that shows its
/// headline, when the page shows it outside any post (a page that prints no time for its posts
/// reads them as text above the posts, or as none): the post is on the page, only its time is
/// not. Of several such lines, the one whose next lines open with the update's body is taken, else
/// the first. One pass over the lines, one look-up per post.
/// Returns how many posts were placed.
fn place_headlines(doc: &mut Document, updates: &[(&Update, Source)], text: &str) -> usize {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut by_text: HashMap<String, Vec<usize>> = HashMap::new();
    let wanted: std::collections::HashSet<String> = doc
        .posts
        .iter()
        .filter(|p| !p.visible)
        .filter_map(|p| p.headline.as_deref().map(norm))
        .filter(|h| !h.is_empty())
        .collect();
    if wanted.is_empty() {
        return 0;
    }
    for (i, line) in lines.iter().enumerate() {
        let key = norm(line);
        if wanted.contains(&key) {
            by_text.entry(key).or_default().push(i);
        }
    }
    let mut taken: std::collections::HashSet<u32> = doc.posts.iter().map(|p| p.line).collect();
    let bodies: HashMap<String, &str> = updates
        .iter()
        .filter_map(|(u, _)| Some((norm(u.headline.as_deref()?), u.body.as_deref()?)))
        .collect();
    let mut placed = 0;
    for post in doc.posts.iter_mut().filter(|p| !p.visible && p.line == 0) {
        let Some(headline) = post.headline.as_deref().map(norm) else {
            continue;
        };
        let Some(found) = by_text.get(&headline) else {
            continue;
        };
        // One of the next few lines opens as the update's body does (a caption or a credit may
        // come between).
        let body_follows = |i: usize| {
            bodies.get(&headline).is_some_and(|body| {
                lines
                    .iter()
                    .skip(i + 1)
                    .filter(|l| !l.trim().is_empty())
                    .take(4)
                    .any(|l| same_start(l, body))
            })
        };
        // A few of the lines that show it are weighed, so a headline printed on every line of a
        // page costs no more than a few.
        let line = found
            .iter()
            .take(8)
            .copied()
            .find(|&i| body_follows(i))
            .or_else(|| found.first().copied());
        let Some(line) = line.and_then(|i| u32::try_from(i + 1).ok()) else {
            continue;
        };
        if taken.insert(line) {
            post.line = line;
            post.lines = [line, line];
            placed += 1;
        }
    }
    placed
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
    if post.headline.is_none()
        && let Some(h) = &update.headline
    {
        let whole = !h.trim().is_empty() && norm(&post.text) == norm(h);
        if whole || same_start(&post.text, h) {
            score += 3;
        }
    }
    if let Some(body) = &update.body
        && same_start(&post.text, body)
    {
        score += 3;
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
    left_out: usize,
    zone: Option<Tz>,
    max_posts: usize,
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
    // Machine times that all stand the same whole number of hours from visible clocks whose zone
    // the page states (in the stamp, in a statement, or as the user gave it) are written in
    // another zone than they say: the visible clocks are kept.
    let offsets: Vec<i64> = updates
        .iter()
        .enumerate()
        .filter_map(|(u, _)| {
            let p = post_of.get(u).copied().flatten()?;
            let visible = doc.posts.get(p)?.time.as_ref()?;
            let machine = instants.get(u).copied().flatten().filter(|_| !degenerate)?;
            let firm = matches!(
                visible.basis.zone_source,
                ZoneSource::Stated { .. } | ZoneSource::PageStatement { .. } | ZoneSource::Given
            );
            Some(if firm {
                minute(machine) - minute(visible.utc)
            } else {
                // A clock whose zone was only decided or assumed: never kept against the machine.
                i64::MIN
            })
        })
        .collect();
    let shift = offsets.first().copied().filter(|&first| {
        first != 0
            && first != i64::MIN
            && first % 60 == 0
            && offsets.len() >= 2
            && offsets.iter().all(|&o| o == first)
    });
    if let Some(shift) = shift {
        diagnostics.push(Diagnostic::new(
            Severity::Warning,
            "machine-times-shifted",
            format!(
                "every live-blog update in the page's machine data stands {:+} h from the visible \
                 clock it matches, whose zone the page states: the machine times are written in \
                 another zone than they say, so the visible clocks are kept",
                shift / 60
            ),
        ));
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
                    .push(format!("{} agrees", time.source.field(what)));
                confirmed += 1;
            }
            Some(visible) if shift.is_some() => {
                visible.basis.notes.push(format!(
                    "{} says {}, in another zone than it says; the visible clock is kept",
                    time.source.field(what),
                    machine_time.utc.to_rfc3339()
                ));
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
                            time.source.field(what),
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
    // Updates the page does not show are kept, marked, as far as the limit of posts allows.
    let mut hidden = 0;
    let mut over = left_out;
    for (u, (update, _)) in updates.iter().enumerate() {
        if post_of.get(u).copied().flatten().is_some() {
            continue;
        }
        if doc.posts.len() >= max_posts {
            over += 1;
            continue;
        }
        hidden += 1;
        let mut post = Post::new(&doc.id, 0);
        post.id = format!("{}:ld-{}", doc.id, u + 1);
        post.visible = false;
        post.source = update.at;
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
    if over > 0 {
        diagnostics.push(Diagnostic::new(
            Severity::Warning,
            "too-many-posts",
            format!(
                "{over} updates of the page's machine data that the page does not show were left \
                 out, past the limit of {max_posts} posts; raise --max-posts to read them all{}",
                if left_out > 0 {
                    format!(
                        " ({left_out} of them, listed past the first {max_posts}, were counted \
                         without being read, so not matched with the visible posts)"
                    )
                } else {
                    String::new()
                }
            ),
        ));
    }
    if doc.kind != DocumentKind::LiveBlog {
        doc.kind = DocumentKind::LiveBlog;
    }
    diagnostics.push(Diagnostic::new(
        Severity::Info,
        "machine-updates",
        format!(
            "the page's machine data lists {} live-blog updates: {} match a visible post whose time \
             they confirm, {} correct a visible time, {} give a time the page did not, {} are not on \
             the visible page and are kept with `visible: false`",
            updates.len() + left_out,
            confirmed,
            corrected,
            filled,
            hidden
        ),
    ));
}
