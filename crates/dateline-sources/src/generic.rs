//! The fallback for pages no other layout knows: it learns from the page itself where its stamps
//! stand (at the start of posts, or at their end as footers), and says what it inferred.
//!
//! The stamps that open (or close) posts are the lines whose stamp is of the page's most common
//! form; a stamp of another form above the first post is the page's publication time or date.
//! A page with no stamps at all is an article with no dated item, and a warning says so.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use dateline_model::{Diagnostic, DocumentKind, DropReason, Severity};
use dateline_time::{Form, Stamp};
use regex::Regex;

use crate::boilerplate;
use crate::layout::{DraftPost, Parsed, RawStamp, Role, is_blank};
use crate::{Detection, Layout, Page};

/// The generic reader.
#[derive(Debug, Clone, Copy, Default)]
pub struct Generic;

/// Where a line's stamp stands.
#[derive(Debug, Clone)]
enum StampLine {
    /// At the start (after a relative time such as "21 mins ago", if any): the stamp, then the
    /// rest of the line (maybe empty), and a byline glued to the stamp.
    Head {
        stamp: String,
        rest: String,
        form: Form,
        dated: bool,
        /// Text glued straight to the stamp that reads as a name ("21:22Frances Watkins").
        glued_name: bool,
        /// Short lines right above that carry the stamp's date ("November" / "02" / "2023").
        date_lines: Vec<u32>,
    },
    /// At the end, after a short byline: the byline (maybe empty) and the stamp.
    Foot {
        author: String,
        stamp: String,
        form: Form,
    },
}

impl StampLine {
    fn form(&self) -> Form {
        match self {
            StampLine::Head { form, .. } | StampLine::Foot { form, .. } => *form,
        }
    }
}

/// A relative time that some outlets print before the clock ("21 mins ago11:48").
pub(crate) static RELATIVE_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    boilerplate::re(
        r"(?i)^(?:just now|moments? ago|an? (?:minute|hour) ago|\d{1,3}\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?)\s+ago)\s*",
    )
});

/// Words that make a stamp the page's own time rather than a post's.
static PAGE_TIME_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    boilerplate::re(
        r"(?i)^(?:(?P<updated>last updated|updated|modified|last modified|aktualisiert|zuletzt aktualisiert|stand|aggiornato|ultimo aggiornamento|mis à jour|dernière mise à jour|actualizado|última actualización|atualizado|bijgewerkt)|(?P<published>first published|published|publication date|posted|veröffentlicht|erstellt|pubblicato|publié|publicado|gepubliceerd))\b?\s*(?:on|at|am|il|le|el)?\s*[:|-]?\s*",
    )
});

/// Which of the page's times a line gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PageTime {
    Published,
    Updated,
}

/// The label a line opens with ("Updated", "Last Updated:", "Published On", glued to a clock as in
/// "Updated21:22"), which time it names, and where the text after it starts. A word that only
/// begins like a label ("Standing", "Posted-up") is none.
fn page_label(text: &str) -> Option<(PageTime, usize)> {
    // The fast automaton first: most lines are not labelled, and captures cost more.
    if !PAGE_TIME_PREFIX.is_match(text) {
        return None;
    }
    let caps = PAGE_TIME_PREFIX.captures(text)?;
    let (which, word) = match (caps.name("updated"), caps.name("published")) {
        (Some(w), _) => (PageTime::Updated, w),
        (None, Some(w)) => (PageTime::Published, w),
        (None, None) => return None,
    };
    let next = text.get(word.end()..).and_then(|r| r.chars().next());
    if next.is_some_and(|c| c.is_alphabetic() || c == '-') {
        return None;
    }
    Some((which, caps.get(0)?.end()))
}

/// A line that states the page's publication or update time ("Updated21:22, 6 OCT 2020",
/// "Published On 25 Feb 2026", "Updated: November 02, 2023 09:20 PM IST"): which, and the stamp.
fn page_time_line(text: &str) -> Option<(PageTime, String)> {
    let text = text.trim();
    let (which, end) = page_label(text)?;
    let rest = text.get(end..)?;
    let stamp = dateline_time::find_stamp(rest)?;
    // The stamp is the line, give or take a few words.
    let before = rest.get(..stamp.span.start)?.trim();
    let after = rest.get(stamp.span.end..)?.trim();
    if before.chars().count() > 12 || after.chars().count() > 40 {
        return None;
    }
    stamp.date.as_ref()?;
    Some((which, rest.get(stamp.span.clone())?.trim().to_owned()))
}

/// A label some pages print beside a post's clock ("18:28 KEY EVENT", "12:01 Pinned").
fn is_label(text: &str) -> bool {
    const LABELS: &[&str] = &[
        "key event",
        "pinned",
        "pinned post",
        "breaking",
        "breaking news",
        "important",
        "highlight",
        "update",
        "just in",
    ];
    let text = text.trim().trim_end_matches(':').to_lowercase();
    LABELS.contains(&text.as_str())
}

/// A clock-like token that is no time of day: `25:61`, `13:00 p.m.`.
fn impossible_clock(text: &str) -> Option<String> {
    static CLOCK: LazyLock<Regex> = LazyLock::new(|| {
        boilerplate::re(r"(?i)(?:^|[^\d:.])(\d{1,2}):(\d{2})(?:\s*([ap])\.?m\b\.?)?(?:[^\d:]|$)")
    });
    if !text.contains(':') {
        return None;
    }
    CLOCK.captures_iter(text).find_map(|c| {
        let hour: u32 = c.get(1)?.as_str().parse().ok()?;
        let minute: u32 = c.get(2)?.as_str().parse().ok()?;
        let am_pm = c.get(3).is_some();
        let bad = minute > 59 || hour > 24 || (am_pm && (hour > 12 || hour == 0));
        bad.then(|| c.get(0).map(|m| m.as_str().trim().to_owned()))
            .flatten()
    })
}

/// A label that stands alone on its line ("Last Updated", "Published:").
fn label_alone(text: &str) -> Option<PageTime> {
    let text = text.trim();
    if text.chars().count() > 40 {
        return None;
    }
    let (which, end) = page_label(text)?;
    (end >= text.len()).then_some(which)
}

/// A line that is one dated stamp and nothing else.
fn dated_stamp_alone(text: &str) -> bool {
    dateline_time::parse_stamp(text.trim()).is_some_and(|s| s.date.is_some())
}

/// Whether `text` reads as a person's name: two to four capitalised words, no digits, no
/// sentence punctuation.
fn name_like(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && text.chars().count() <= 40
        && words.iter().all(|w| {
            let mut chars = w.chars();
            chars.next().is_some_and(char::is_uppercase)
                && chars.all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-' | '.'))
        })
}

fn stamp_line(page: &Page<'_>, n: u32, text: &str) -> Option<StampLine> {
    let text = text.trim();
    // "21 mins ago 11:48": the relative time is the page's rendering, the clock is the stamp.
    let first = |stamps: Vec<Stamp>| stamps.into_iter().find(|s| s.relative.is_none());
    // "November02202321:06 (IST)": a date and a clock whose elements the copy glued together.
    let unglued = unglue(text).and_then(|u| {
        first(dateline_time::find_stamps(&u))
            .filter(|s| s.date.is_some())
            .map(|s| (u, s))
    });
    let own = page
        .stamps(n)
        .iter()
        .find(|s| s.relative.is_none())
        .cloned();
    // "2h ago" alone on its line: a post's head on a live blog that prints its posts' times
    // relative to when it was read (resolved from the capture time, or matched to the page's
    // machine updates). Only where other evidence made the page a live blog: an article prints
    // its own time so, and so do the lists of other stories under it. Beside a headline on its
    // line it is a list's entry, not a head.
    let relative_alone = || {
        if page.context().and_then(|c| c.kind) != Some(DocumentKind::LiveBlog) {
            return None;
        }
        let stamps = page.stamps(n);
        match stamps {
            [s] if matches!(s.relative, Some(dateline_time::Relative::Ago(_)))
                && s.span.start == 0
                && s.span.end == text.len() =>
            {
                Some(s.clone())
            }
            _ => None,
        }
    };
    let (text, stamp): (std::borrow::Cow<'_, str>, Stamp) = match (own, unglued) {
        (Some(s), _) if s.date.is_some() => (text.into(), s),
        (_, Some((u, s))) => (u.into(), s),
        (Some(s), None) => (text.into(), s),
        (None, None) => (text.into(), relative_alone()?),
    };
    let text = text.as_ref();
    let before = text.get(..stamp.span.start)?.trim();
    let raw = text.get(stamp.span.clone())?.trim();
    let after_raw = text.get(stamp.span.end..)?;
    let after = after_raw.trim();
    // A date alone is a page date, never a post.
    if stamp.time.is_none() && stamp.relative.is_none() {
        return None;
    }
    let relative = RELATIVE_PREFIX
        .find(before)
        .is_some_and(|m| m.end() == before.len());
    // "Posted at 10:15": a label before a post's clock. "Updated at 12.52 GMT" inside a post
    // is a note of an edit, part of the post's text.
    let label = page_label(before).filter(|(_, end)| *end == before.len());
    if label.is_some_and(|(which, _)| which == PageTime::Updated) {
        return None;
    }
    let labelled = label.is_some() || clock_word(before);
    if before.is_empty() || relative || labelled {
        let glued_name = after_raw.chars().next().is_some_and(char::is_alphabetic)
            && name_like(after)
            && !is_label(after);
        return Some(StampLine::Head {
            stamp: raw.to_owned(),
            rest: after
                .trim_start_matches(['-', '–', '—', '|', ':', '.'])
                .trim()
                .to_owned(),
            form: stamp.form,
            dated: stamp.date.is_some(),
            glued_name,
            date_lines: Vec::new(),
        });
    }
    let byline_like = before.chars().count() <= 60
        && !before.ends_with(['.', '!', '?', '"', '”', ':'])
        && before.chars().next().is_some_and(char::is_uppercase);
    if after.is_empty() && byline_like {
        return Some(StampLine::Foot {
            author: before
                .trim_end_matches([',', '|', '-', '–', '—'])
                .trim()
                .to_owned(),
            stamp: raw.to_owned(),
            form: stamp.form,
        });
    }
    None
}

/// The lines of a summary of key events, in page order: a clock and a headline on one line, with
/// no prose of their own before the next stamp, whose clock and headline a later post repeats
/// (its headline on its stamp's line or on the line under it).
fn summary_repeats(page: &Page<'_>, stamped: &[(u32, StampLine)]) -> Vec<u32> {
    let headline_of = |n: u32, line: &StampLine| -> Option<(String, String)> {
        let StampLine::Head { stamp, rest, .. } = line else {
            return None;
        };
        let headline = if rest.is_empty() {
            boilerplate::next_non_blank(page, n)?.1.trim().to_owned()
        } else {
            rest.clone()
        };
        Some((stamp.clone(), headline))
    };
    // The same clock, whatever date lines a later stamp took from above it.
    let clock = |s: &str| {
        dateline_time::parse_stamp(s)
            .or_else(|| dateline_time::dotted_clock(s))
            .and_then(|s| s.time)
    };
    // Each clock and headline, with the last place it stands: one pass, so a page of many
    // stamps costs no more than its stamps.
    let mut last: HashMap<(chrono::NaiveTime, String), usize> = HashMap::new();
    for (i, (n, line)) in stamped.iter().enumerate() {
        if let Some((stamp, headline)) = headline_of(*n, line)
            && let Some(t) = clock(&stamp)
        {
            last.insert((t, headline), i);
        }
    }
    let mut out = Vec::new();
    for (i, (n, line)) in stamped.iter().enumerate() {
        let StampLine::Head { stamp, rest, .. } = line else {
            continue;
        };
        if rest.is_empty() {
            continue;
        }
        let next = stamped.get(i + 1).map_or(page.len() + 1, |(m, _)| *m);
        let bodied = (n + 1..next).any(|m| page.line(m).is_some_and(crate::context::is_body));
        if bodied {
            continue;
        }
        let repeated = clock(stamp)
            .and_then(|t| last.get(&(t, rest.clone())))
            .is_some_and(|&j| j > i);
        if repeated {
            out.push(*n);
        }
    }
    out
}

/// Whether a word before a clock says it is one, as `at` does in English (`ore 14.05`, `alle
/// 14:05`, `um 14:05`, `à 14h05`, `a las 14:05`, `às 14h05`, `om 14:05`, `kl. 14.05`).
fn clock_word(before: &str) -> bool {
    const WORDS: &[&str] = &[
        "at", "ore", "alle", "um", "à", "a las", "a la", "às", "om", "kl.", "kl", "klo", "godz.",
        "saat",
    ];
    let before = before.trim().to_lowercase();
    WORDS.contains(&before.as_str())
}

/// The fewest lines headed by a bare dotted clock that make a run of posts.
const DOTTED_RUN: usize = 3;

/// A line headed by a bare dotted clock, then a sentence or a dash (`16.42 The ministry said
/// ...`, `14.05 - Police said ...`), as a post's head: the clock and the rest of the line.
fn dotted_head(text: &str) -> Option<StampLine> {
    let text = text.trim();
    let end = text.find(|c: char| c.is_whitespace()).unwrap_or(text.len());
    let (clock, rest) = text.split_at(end);
    let stamp = dateline_time::dotted_clock(clock)?;
    let rest = rest
        .trim()
        .trim_start_matches(['-', '–', '—', '|', ':'])
        .trim();
    if !rest.is_empty()
        && !rest
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c == '"' || c == '“')
    {
        return None;
    }
    Some(StampLine::Head {
        stamp: stamp.text,
        rest: rest.to_owned(),
        form: stamp.form,
        dated: false,
        glued_name: false,
        date_lines: Vec::new(),
    })
}

/// Whether the page has a run of lines headed by bare dotted clocks, each with prose after it
/// or under it: at least [`DOTTED_RUN`] of them, with their clocks in order (each no later than
/// the one above, or each no earlier, but for one midnight).
fn dotted_run(page: &Page<'_>) -> bool {
    let mut minutes: Vec<u32> = Vec::new();
    for (_, text) in page.lines() {
        if let Some(StampLine::Head { stamp, .. }) = dotted_head(text)
            && let Some(t) = dateline_time::dotted_clock(&stamp).and_then(|s| s.time)
        {
            minutes.push(chrono::Timelike::hour(&t) * 60 + chrono::Timelike::minute(&t));
        }
    }
    if minutes.len() < DOTTED_RUN {
        return false;
    }
    let steps = |down: bool| {
        minutes
            .windows(2)
            .filter(|w| match w {
                [a, b] => (down && b > a) || (!down && b < a),
                _ => false,
            })
            .count()
    };
    steps(true) <= 1 || steps(false) <= 1
}

/// A date alone on its line among the posts (`Tuesday 3 November 2020` between the days of a
/// live blog that runs over several) dates the bare clocks under it, down to the next such line:
/// each such stamp becomes the date and the clock (as [`with_date_lines`] makes them), and the
/// date line is the page's furniture. Date lines above the first post are the page's own date,
/// which the page's context reads.
fn with_day_lines(page: &Page<'_>, parsed: &mut Parsed, stamped: &mut [(u32, StampLine)]) {
    let Some(first) = stamped.first().map(|(n, _)| *n) else {
        return;
    };
    // A date line is short and prints a year: four digits in a row.
    let year = |t: &str| {
        t.as_bytes()
            .windows(4)
            .any(|w| w.iter().all(u8::is_ascii_digit))
    };
    let days: Vec<(u32, String)> = page
        .lines()
        .filter(|(n, _)| *n > first && !parsed.roles.is_assigned(*n))
        .filter_map(|(n, text)| {
            let text = text.trim();
            if text.len() > 80 || !year(text) {
                return None;
            }
            let stamp = dateline_time::parse_stamp(text)?;
            let whole_date = stamp.time.is_none()
                && stamp.relative.is_none()
                && stamp.date.as_ref().is_some_and(|d| d.year.is_some());
            whole_date.then(|| (n, text.to_owned()))
        })
        .collect();
    if days.is_empty() {
        return;
    }
    // Both in page order: one walk pairs each stamp with the last date line above it.
    let mut above = 0;
    for (n, line) in stamped.iter_mut() {
        while days.get(above).is_some_and(|(d, _)| d < n) {
            above += 1;
        }
        let StampLine::Head { stamp, dated, .. } = line else {
            continue;
        };
        if *dated {
            continue;
        }
        let Some((_, day)) = above.checked_sub(1).and_then(|i| days.get(i)) else {
            continue;
        };
        let joined = format!("{day} {stamp}");
        if dateline_time::parse_stamp(&joined).is_some_and(|s| s.time.is_some()) {
            *stamp = joined;
            *dated = true;
        }
    }
    // A day line is furniture, also where the clock right under it took it as its date (its
    // `date_lines`, which then no longer claim it: one role a line).
    let lines: HashSet<u32> = days.iter().map(|(n, _)| *n).collect();
    for (_, line) in stamped.iter_mut() {
        if let StampLine::Head { date_lines, .. } = line {
            date_lines.retain(|n| !lines.contains(n));
        }
    }
    for (n, _) in days {
        parsed.drop_line(n, DropReason::Metadata, "day-line");
    }
}

/// A clock alone on its line may take its date from the short lines right above it, as pages
/// that print "November" / "02" / "2023" / "21:06 (IST)" do: the stamp becomes the joined text.
fn with_date_lines(page: &Page<'_>, parsed: &Parsed, n: u32, line: &mut StampLine) {
    let StampLine::Head {
        stamp,
        rest,
        dated,
        form,
        date_lines,
        ..
    } = line
    else {
        return;
    };
    if *dated || !rest.is_empty() {
        return;
    }
    let mut above: Vec<(u32, &str)> = Vec::new();
    let mut m = n;
    while above.len() < 3 && m > 1 {
        m -= 1;
        let Some(text) = page.line(m) else { break };
        if is_blank(text) {
            continue;
        }
        // The page's own date line (its context read it as the page's) dates no single post.
        let claimed = page.context().is_some_and(|c| c.claims(m).is_some());
        if parsed.roles.is_assigned(m) || claimed || text.trim().chars().count() > 24 {
            break;
        }
        above.push((m, text.trim()));
    }
    for k in (1..=above.len()).rev() {
        let Some(chosen) = above.get(..k) else {
            continue;
        };
        let joined: Vec<&str> = chosen.iter().rev().map(|(_, t)| *t).collect();
        let text = format!("{} {stamp}", joined.join(" "));
        if let Some(found) = dateline_time::parse_stamp(&text)
            && found.date.is_some()
            && found.time.is_some()
        {
            *stamp = text;
            *dated = true;
            *form = found.form;
            *date_lines = chosen.iter().map(|(l, _)| *l).collect();
            return;
        }
    }
}

impl Layout for Generic {
    fn name(&self) -> &'static str {
        "generic"
    }

    fn detect(&self, _page: &Page<'_>) -> Option<Detection> {
        Some(Detection::new(
            1,
            "no known layout matched, so the generic reader learns the layout from the page",
        ))
    }

    fn parse(&self, page: &Page<'_>) -> Parsed {
        // Read on its own, a page's context is decided from its text first.
        if page.context().is_none() {
            let context = crate::context::decide(
                page,
                None,
                crate::context::LayoutHint::default(),
                &crate::context::Given::default(),
                dateline_time::DstPolicy::default(),
            );
            return self.parse(&page.clone().with_context(&context));
        }
        let mut parsed = Parsed::new(DocumentKind::Article, page.len());

        let mut furniture = Vec::new();
        // A comment thread under the article is furniture: its stamps open no posts.
        let thread = page.context().and_then(|c| c.comments);
        let mut page_times: Vec<(u32, PageTime, String)> = Vec::new();
        let mut stamped: Vec<(u32, StampLine)> = Vec::new();
        // A label alone on its line ("Last Updated") dates the page with the stamp under it;
        // the same stamp printed twice in a row (a visible and a screen-reader copy) is one.
        let mut label: Option<(u32, PageTime)> = None;
        let mut previous: Option<(u32, &str)> = None;
        // Bare dotted clocks (`16.42 The ministry said ...`) head posts only where a run of them
        // does: alone, a dotted number is a decimal.
        let dotted = dotted_run(page);
        for (n, text) in page.lines() {
            if is_blank(text) {
                continue;
            }
            let pending = label.take();
            let repeat = previous.is_some_and(|(_, p)| p.trim() == text.trim());
            previous = Some((n, text));
            if thread.is_some_and(|t| n >= t) {
                furniture.push((n, (DropReason::Boilerplate, "comment-thread")));
            } else if let Some(found) = furniture_at(page, n, text) {
                furniture.push((n, found));
            } else if repeat && page_times.last().is_some_and(|(m, _, _)| m + 1 == n) {
                furniture.push((n, (DropReason::Metadata, "repeated-page-time")));
            } else if let Some(which) = label_alone(text) {
                label = Some((n, which));
            } else if let Some((which, raw)) = page_time_line(text) {
                page_times.push((n, which, raw));
            } else if let Some((at, which)) = pending.filter(|_| dated_stamp_alone(text)) {
                furniture.push((at, (DropReason::Metadata, "page-time-label")));
                if let Some(stamp) = dateline_time::find_stamp(text.trim()) {
                    page_times.push((n, which, stamp.text));
                }
            } else if crate::context::is_broadcast(text) {
                furniture.push((n, (DropReason::Metadata, "broadcast-time")));
            } else if ticker(page, n) {
                furniture.push((n, (DropReason::Link, "list-of-stories")));
            } else if let Some(line) =
                stamp_line(page, n, text).or_else(|| dotted.then(|| dotted_head(text)).flatten())
            {
                stamped.push((n, line));
            }
        }
        for [first, last] in boilerplate::donation_blocks(page) {
            for n in first..=last {
                if page.line(n).is_some_and(|t| !is_blank(t))
                    && !furniture.iter().any(|(l, _)| *l == n)
                {
                    furniture.push((n, (DropReason::Boilerplate, "donation-appeal")));
                }
            }
            stamped.retain(|(n, _)| *n < first || *n > last);
            page_times.retain(|(n, _, _)| *n < first || *n > last);
        }
        for (n, (reason, rule)) in furniture {
            parsed.drop_line(n, reason, rule);
        }
        for (n, line) in &mut stamped {
            with_date_lines(page, &parsed, *n, line);
        }
        with_day_lines(page, &mut parsed, &mut stamped);
        // A clock that cannot be ("25:61", "13:00 p.m.") is text, and is said to be.
        for (n, text) in page.lines() {
            if parsed.roles.is_assigned(n) || stamped.binary_search_by_key(&n, |(m, _)| *m).is_ok()
            {
                continue;
            }
            if let Some(clock) = impossible_clock(text) {
                parsed.diagnostics.push(
                    Diagnostic::new(
                        Severity::Warning,
                        "impossible-time",
                        format!(
                            "`{clock}` looks like a time of day but is none (hours run 0-23, or 1-12 \
                             with am/pm; minutes 0-59), so this line was read as text; check the page"
                        ),
                    )
                    .at_line(n),
                );
            }
        }
        learn_bylines(&mut stamped, &mut parsed.diagnostics);
        // A summary of key events repeats posts' clocks and headlines: its entries open no post.
        let summary = summary_repeats(page, &stamped);
        stamped.retain(|(m, _)| summary.binary_search(m).is_err());
        for n in summary {
            parsed.drop_line(n, DropReason::Link, "key-event-summary");
        }
        // Clocks with a headline each, on lines that follow one another, are a list of stories.
        let heads: Vec<(u32, bool)> = stamped
            .iter()
            .map(|(n, l)| {
                let headline = matches!(l, StampLine::Head { rest, .. } if headline_after(rest));
                (*n, headline)
            })
            .collect();
        let listed = story_list(page, &heads);
        stamped.retain(|(m, _)| listed.binary_search(m).is_err());
        for n in listed {
            parsed.drop_line(n, DropReason::Link, "list-of-stories");
        }

        // The page's most common stamp form opens (or closes) its posts.
        let mut forms: Vec<(Form, usize)> = Vec::new();
        for (_, line) in &stamped {
            match forms.iter_mut().find(|(f, _)| *f == line.form()) {
                Some((_, count)) => *count += 1,
                None => forms.push((line.form(), 1)),
            }
        }
        let dominant = forms.iter().rev().max_by_key(|(_, c)| *c).map(|(f, _)| *f);
        let posts: Vec<&(u32, StampLine)> = stamped
            .iter()
            .filter(|(_, l)| Some(l.form()) == dominant)
            .collect();
        let heads = posts
            .iter()
            .filter(|(_, l)| matches!(l, StampLine::Head { rest, .. } if !rest.is_empty()))
            .count();
        let bare_heads = posts
            .iter()
            .filter(|(_, l)| matches!(l, StampLine::Head { rest, .. } if rest.is_empty()))
            .count();
        let feet = posts
            .iter()
            .filter(|(_, l)| matches!(l, StampLine::Foot { .. }))
            .count();
        let footers = feet > heads + bare_heads / 2 && feet > 0;

        let mut post_lines: Vec<(u32, StampLine)> = posts
            .iter()
            .filter(|(_, l)| matches!(l, StampLine::Foot { .. }) == footers)
            .map(|(n, l)| (*n, l.clone()))
            .collect();
        // Where posts open with a stamp alone on its line, a stamp of another form alone on its
        // line below the first post opens a post too (`Dienstag, 30. Januar 2024, 06:00 Uhr`
        // among bare `15:13 Uhr` clocks).
        if !footers && bare_heads * 2 >= post_lines.len() {
            let first = post_lines.first().map_or(u32::MAX, |(n, _)| *n);
            let extra: Vec<(u32, StampLine)> = stamped
                .iter()
                .filter(|(n, l)| {
                    *n > first
                        && Some(l.form()) != dominant
                        && matches!(l, StampLine::Head { rest, .. } if rest.is_empty())
                })
                .cloned()
                .collect();
            if !extra.is_empty() {
                parsed.diagnostics.push(Diagnostic::new(
                    Severity::Info,
                    "mixed-stamp-forms",
                    format!(
                        "{} stamps of other forms stand alone on their lines among the posts and open posts too",
                        extra.len()
                    ),
                ));
                post_lines.extend(extra);
                post_lines.sort_by_key(|(n, _)| *n);
            }
        }
        // A page is a live blog where its context found the evidence (a run of stamped posts
        // with bodies of their own, machine data the text agrees with, a live headline), or,
        // where the context found none either way, where the stamps this layout reads (glued to
        // bylines, in forms the context does not read line by line) open such a run; otherwise
        // it is an article, whatever clocks its sidebars print.
        let article = match page.context().and_then(|c| c.kind) {
            Some(DocumentKind::LiveBlog) => false,
            Some(_) => true,
            None => !run_of_posts(page, &post_lines, footers, &mut parsed),
        };
        if post_lines.len() < 2 || article {
            read_article(page, &mut parsed, &stamped, &page_times);
            return parsed;
        }
        let first_stamp = post_lines.first().map_or(1, |(n, l)| match l {
            StampLine::Head { date_lines, .. } => {
                date_lines.iter().copied().min().unwrap_or(*n).min(*n)
            }
            StampLine::Foot { .. } => *n,
        });

        let first_post_line = if footers {
            first_footer_post_start(page, &parsed, first_stamp)
        } else {
            first_stamp
        };
        page_times_above(page, &mut parsed, &page_times, first_post_line);
        // The headline stands above the byline or the page's time, when the page prints them.
        let byline = (1..first_post_line).find(|n| {
            page.line(*n).is_some_and(|t| {
                let t = t.trim();
                t.starts_with("By ") || t.starts_with("by ") || t == "By"
            }) || page_times.binary_search_by_key(n, |(m, _, _)| *m).is_ok()
        });
        if let Some(title) = byline.and_then(|b| title_above(page, &parsed, b)) {
            parsed.title = page.line(title).map(|t| t.trim().to_owned());
            parsed
                .roles
                .assign(title, Role::Title, "headline-above-byline");
        }
        header(page, &mut parsed, &stamped, first_post_line);
        let form = dominant.map_or("unknown", Form::name);
        parsed.diagnostics.push(Diagnostic::new(
            Severity::Info,
            "layout-inferred",
            format!(
                "unknown layout: {} {} stamp lines {} posts",
                post_lines.len(),
                form,
                if footers {
                    "end (footers with bylines)"
                } else {
                    "start"
                }
            ),
        ));

        if footers {
            read_footer_posts(page, &mut parsed, &post_lines, first_post_line);
        } else {
            read_header_posts(page, &mut parsed, &post_lines);
        }
        parsed.kind = DocumentKind::LiveBlog;
        parsed
    }
}

/// Whether the text after a clock is a story's headline: words, no sentence's end, not a body.
pub(crate) fn headline_after(rest: &str) -> bool {
    let rest = rest.trim();
    !rest.is_empty()
        && !rest.ends_with(['.', '!', '…'])
        && !rest.ends_with("...")
        && !crate::context::is_body(rest)
}

/// The fewest stamped headlines in a row that make a list of stories.
const STORY_LIST: usize = 3;

/// The lines of lists of stories, in page order: [`STORY_LIST`] or more stamped lines in a row, each a clock
/// and a headline (`17:53 GMT Why the president changed his mind`), with nothing between them
/// but blank lines. A live blog's posts have bodies between their stamps, or sentences after
/// them. `heads` holds each stamped line and whether it is a clock with a headline.
pub(crate) fn story_list(page: &Page<'_>, heads: &[(u32, bool)]) -> Vec<u32> {
    let mut out = Vec::new();
    let mut run: Vec<u32> = Vec::new();
    let mut flush = |run: &mut Vec<u32>| {
        if run.len() >= STORY_LIST {
            out.extend(run.iter().copied());
        }
        run.clear();
    };
    for &(n, headline) in heads {
        let follows = run
            .last()
            .is_some_and(|&m| (m + 1..n).all(|k| page.line(k).is_none_or(is_blank)));
        if !headline {
            flush(&mut run);
            continue;
        }
        if !follows {
            flush(&mut run);
        }
        run.push(n);
    }
    flush(&mut run);
    out
}

/// Whether line `n` is a list of stories run together, each after its clock (`08:45 Minister
/// resigns 08:38 Storm closes roads 08:31 ...`): three clocks or more on one line head no post.
pub(crate) fn ticker(page: &Page<'_>, n: u32) -> bool {
    // Three clocks need three `9:41`-like shapes: most lines have none, and need no search.
    let shapes = page.line(n).map_or(0, |t| {
        t.as_bytes()
            .windows(4)
            .filter(|w| {
                matches!(w, [a, b':' | b'.' | b'h', c, d]
                    if a.is_ascii_digit() && c.is_ascii_digit() && d.is_ascii_digit())
            })
            .count()
    });
    shapes >= 3
        && page
            .stamps(n)
            .iter()
            .filter(|s| s.time.is_some() && s.relative.is_none())
            .nth(2)
            .is_some()
}

/// Whether the page's stamped lines open (or, as footers, close) a run of posts with bodies of
/// their own: three blocks or more with a line of prose, and less than twice as much prose
/// before the first of them (more is a whole article, whose comments or related stories follow);
/// or two such blocks that open with bare clocks and hold all the page's prose. The reckoning is
/// noted either way.
fn run_of_posts(
    page: &Page<'_>,
    post_lines: &[(u32, StampLine)],
    footers: bool,
    parsed: &mut Parsed,
) -> bool {
    // A stamp in a list of other stories, under its heading, opens no post.
    let listed = |n: u32| page.context().is_some_and(|c| c.in_related(n));
    let post_lines: Vec<&(u32, StampLine)> =
        post_lines.iter().filter(|(n, _)| !listed(*n)).collect();
    let lines: Vec<u32> = post_lines.iter().map(|(n, _)| *n).collect();
    let blocks = crate::context::bodied_blocks(page, &lines, !footers, |from, to| {
        (from..=to).any(|m| page.line(m).is_some_and(crate::context::is_body))
    });
    let bodied = blocks.iter().flatten().count();
    let first = blocks.iter().flatten().next().copied();
    // Whether every block with prose opens with a clock and no date, as a live blog's posts do
    // (an article's dateline, and the stories listed beside it, print their dates).
    let bare = blocks
        .iter()
        .zip(&post_lines)
        .filter(|(block, _)| block.is_some())
        .all(|(_, (_, line))| matches!(line, StampLine::Head { dated: false, .. }));
    let before = first.map_or(0, |f| {
        (1..f)
            .filter(|m| page.line(*m).is_some_and(crate::context::is_prose))
            .count()
    });
    // Two posts are a run when all the page's prose is theirs and their clocks are bare.
    let run = (bodied >= 3 && before < 2 * bodied) || (bodied >= 2 && before == 0 && bare);
    let evidence = format!(
        "{} stamped lines, {bodied} with prose of their own, {before} paragraphs before the first",
        lines.len()
    );
    parsed.diagnostics.push(Diagnostic::new(
        Severity::Info,
        "kind-inferred",
        format!(
            "{evidence}: {}",
            if run { "a live blog" } else { "an article" }
        ),
    ));
    parsed.kind_evidence = Some(evidence);
    run
}

/// The page's publication and update lines above its first post: the page's own times where its
/// context took them, other page times otherwise.
fn page_times_above(
    page: &Page<'_>,
    parsed: &mut Parsed,
    page_times: &[(u32, PageTime, String)],
    end: u32,
) {
    for (n, _, _) in page_times.iter().filter(|(n, _, _)| *n < end) {
        claim(page, parsed, *n, DropReason::Metadata, "page-time-line");
    }
}

/// Gives `line` the role the page's context gives it (its publication, update or date line, its
/// statement of zone), or else drops it for `reason` by `rule`.
fn claim(page: &Page<'_>, parsed: &mut Parsed, line: u32, reason: DropReason, rule: &'static str) {
    if parsed.roles.is_assigned(line) {
        return;
    }
    match page.context().and_then(|c| c.claims(line)) {
        Some((role, by)) => parsed.roles.assign(line, role, by),
        None => parsed.drop_line(line, reason, rule),
    }
}

/// Text glued after a stamp is a byline when it reads as a name and is glued without a space, or
/// when the same name follows the stamps of several posts.
fn learn_bylines(stamped: &mut [(u32, StampLine)], diagnostics: &mut Vec<Diagnostic>) {
    let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (_, line) in stamped.iter() {
        if let StampLine::Head { rest, .. } = line
            && name_like(rest)
            && !is_label(rest)
        {
            *counts.entry(rest.clone()).or_default() += 1;
        }
    }
    let mut learned = 0;
    for (_, line) in stamped.iter_mut() {
        if let StampLine::Head {
            rest, glued_name, ..
        } = line
            && !*glued_name
            && counts.get(rest.as_str()).is_some_and(|c| *c >= 2)
        {
            *glued_name = true;
            learned += 1;
        }
    }
    let glued = stamped
        .iter()
        .filter(|(_, l)| {
            matches!(
                l,
                StampLine::Head {
                    glued_name: true,
                    ..
                }
            )
        })
        .count();
    if glued >= 2 {
        diagnostics.push(Diagnostic::new(
            Severity::Info,
            "bylines-inferred",
            format!(
                "{glued} stamps carry a byline after the clock ({} learned from names that repeat)",
                learned
            ),
        ));
    }
}

/// Text a browser glued together where the page had two elements: a year and the next date or
/// clock ("25 Feb 202625 Feb 2026"), a zone and the next word ("7:55 AM UTCUpdated"). The text with
/// a space put back, when there is such a place.
pub(crate) fn unglue(text: &str) -> Option<String> {
    static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
        boilerplate::re(
            r"(?i)\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(\d{2})((?:19|20)\d{2})",
        )
    });
    static YEAR: LazyLock<Regex> =
        LazyLock::new(|| boilerplate::re(r"\b((?:19|20)\d{2})(\d{1,2}[ :.])"));
    static ZONE: LazyLock<Regex> = LazyLock::new(|| {
        boilerplate::re(r"\b(UTC|GMT|[ECMP][SD]T|BST|CES?T|IST|HKT|JST|AES?T)([A-Z][a-z])")
    });
    // Cheap tests first, each what a pattern needs to match: a glued year is a run of five ASCII
    // digits or more (`202625`) in an ASCII text (`\d` also takes other scripts' digits), and a
    // glued zone ends in `T` or `C` with a capital and a small letter after it (`UTCUp`).
    let year = !text.is_ascii()
        || text
            .as_bytes()
            .split(|b| !b.is_ascii_digit())
            .any(|run| run.len() >= 5);
    let zone = text.as_bytes().windows(3).any(|w| {
        matches!(w, [b'T' | b'C', capital, small]
            if capital.is_ascii_uppercase() && small.is_ascii_lowercase())
    });
    if !(year && (MONTH_DAY_YEAR.is_match(text) || YEAR.is_match(text)))
        && !(zone && ZONE.is_match(text))
    {
        return None;
    }
    let text = MONTH_DAY_YEAR.replace_all(text, "$1 $2 $3");
    let text = YEAR.replace_all(&text, "$1 $2");
    Some(ZONE.replace_all(&text, "$1 $2").into_owned())
}

/// An article's dateline on a line: the stamp (with a date), the byline before it and an update
/// time after it. The stamp must be most of the line: alone, after a byline or a label, with at
/// most a few words after it.
fn dateline(text: &str) -> Option<(String, Option<String>, Option<String>)> {
    let text = text.trim();
    if let Some((_, raw)) = page_time_line(text) {
        return Some((raw, None, None));
    }
    let text = unglue(text).unwrap_or_else(|| text.to_owned());
    let stamp = dateline_time::find_stamp(&text).filter(|s| s.date.is_some())?;
    let before = text.get(..stamp.span.start)?.trim();
    let after = text.get(stamp.span.end..)?.trim();
    let raw = text.get(stamp.span.clone())?.trim().to_owned();
    if after.chars().count() > 40 {
        return None;
    }
    let before = before
        .trim_end_matches([',', '|', '-', '–', '—', '·'])
        .trim();
    let byline = before
        .strip_prefix("By ")
        .or_else(|| before.strip_prefix("by "))
        .or_else(|| before.strip_prefix("BY "));
    let author = match byline {
        Some(names) if names.chars().count() <= 80 => Some(names.trim().to_owned()),
        Some(_) => return None,
        None if before.is_empty() => None,
        None if page_label(before).is_some() && before.chars().count() <= 24 => None,
        None if name_like(before) => Some(before.to_owned()),
        None => return None,
    };
    let updated = after
        .find(|c: char| c.is_ascii_digit() || c.is_alphabetic())
        .and_then(|i| page_time_line(after.get(i..)?))
        .filter(|(which, _)| *which == PageTime::Updated)
        .map(|(_, raw)| raw);
    Some((raw, author, updated))
}

/// A page with fewer than two post stamps is an article: its one item is its dateline, the first
/// line that reads as one; lines above it are the page's header, lines below it the body.
fn read_article(
    page: &Page<'_>,
    parsed: &mut Parsed,
    stamped: &[(u32, StampLine)],
    page_times: &[(u32, PageTime, String)],
) {
    let context = page.context();
    // The item's dateline is the line that shows the page's publication time, as its context
    // decided from every clue; failing that, the line of its update time. (A live blog whose
    // posts the page does not show has no item for its publication or update time: they are
    // the page's, not a post's.)
    let shown = context
        .filter(|c| c.kind != Some(DocumentKind::LiveBlog))
        .and_then(|c| {
            let published = c.published.as_ref().and_then(|d| d.visible.clone());
            let updated = c.updated.as_ref().and_then(|d| d.visible.clone());
            published.or(updated)
        });
    let found = shown
        .filter(|raw| !parsed.roles.is_assigned(raw.line))
        .map(|raw| {
            let author = page
                .line(raw.line)
                .and_then(dateline)
                .and_then(|(_, author, _)| author);
            (raw.line, (raw.text, author))
        });
    for (n, _, _) in page_times {
        if found.as_ref().is_none_or(|(line, _)| line != n) {
            claim(page, parsed, *n, DropReason::Metadata, "page-time-line");
        }
    }
    // A dateline that prints no date ("6 hours ago", "Published 1 day ago", "Monday 6:30PM")
    // makes the item, dated only when the page's capture time is known: of the lines with such a
    // stamp alone (or after a label or one word), the one with the most prose under it. Only the
    // page's first 400 lines that are not blank are read (a text copy's lines of spaces are no
    // distance).
    let found = found.or_else(|| {
        // The lines a dateline is sought on, and the lines under each whose prose weighs it.
        const SOUGHT: usize = 400;
        const UNDER: usize = 30;
        let filled: Vec<(u32, &str)> = page
            .lines()
            .filter(|(_, t)| !is_blank(t))
            .take(SOUGHT + UNDER)
            .collect();
        let mut best: Option<((usize, usize), u32, String)> = None;
        for (i, &(n, text)) in filled.iter().enumerate().take(SOUGHT) {
            let text = text.trim();
            if parsed.roles.is_assigned(n)
                || text.chars().count() > 60
                || !text.bytes().any(|b| b.is_ascii_digit())
            {
                continue;
            }
            let Some(stamp) = dateline_time::find_stamp(text)
                .filter(|s| s.relative.is_some() || s.date.is_none())
            else {
                continue;
            };
            let lead = text.get(..stamp.span.start).unwrap_or_default().trim();
            let alone = lead.is_empty()
                || crate::context::is_label(lead)
                || (stamp.time.is_some() && !lead.contains(char::is_whitespace));
            if !alone
                || text
                    .get(stamp.span.end..)
                    .is_some_and(|t| !t.trim().is_empty())
            {
                continue;
            }
            // The prose of its next 30 lines that are not blank: a text copy pads a page's
            // blocks with lines of spaces, which put no distance between a dateline and its body.
            // A brief's paragraphs may all be too short for prose; then its body's sentences
            // weigh it, below any prose (as `body_start` falls back from prose to sentences).
            let under = filled.iter().skip(i + 1).take(UNDER);
            let prose = under
                .clone()
                .filter(|(_, t)| crate::context::is_prose(t))
                .count();
            let sentences = under.filter(|(_, t)| crate::context::is_body(t)).count();
            let weight = (prose, sentences);
            if weight > (0, 1) && best.as_ref().is_none_or(|(w, _, _)| weight > *w) {
                best = Some((weight, n, text.to_owned()));
            }
        }
        best.map(|(_, n, text)| (n, (text, None)))
    });
    let Some((line, (stamp, author))) = found else {
        let dated = context.is_some_and(|c| c.published.is_some() || c.updated.is_some());
        let live = context.is_some_and(|c| c.kind == Some(DocumentKind::LiveBlog));
        // A page that prints no time at all is still an article: one item with no time, at its
        // headline over the first paragraphs of its body.
        if let Some(headline) = (!dated && !live)
            .then(|| lead_headline(page, parsed))
            .flatten()
        {
            let (headline, rule) = (headline.line, headline.rule);
            parsed.title = page.line(headline).map(|t| t.trim().to_owned());
            header(page, parsed, stamped, headline);
            let mut d = Diagnostic::new(
                Severity::Warning,
                "no-timestamps",
                "no timestamps found: read as an article whose item has no time, so the timeline \
                 cannot place it; if the page has times, `--layout` can force a known layout",
            );
            d.line = Some(headline);
            parsed.diagnostics.push(d);
            let mut post = DraftPost::new(RawStamp::new(headline, ""));
            post.headline.clone_from(&parsed.title);
            parsed.roles.assign(headline, Role::Title, rule);
            place_after(
                page,
                parsed,
                &mut post,
                headline,
                "paragraph-after-headline",
            );
            parsed.posts.push(post);
            parsed.kind = DocumentKind::Article;
            return;
        }
        header(page, parsed, stamped, page.len() + 1);
        if !dated {
            parsed.diagnostics.push(Diagnostic::new(
                Severity::Warning,
                "no-timestamps",
                "no timestamps found: read as an article with no dated item; if the page has \
                 times, `--layout` can force a known layout",
            ));
        }
        return;
    };
    let headline = crate::headline::choose(page, parsed, line)
        .and_then(|h| Some((h, page.line(h.line)?.trim().to_owned())));
    if let Some((chosen, text)) = &headline {
        parsed.title = Some(text.clone());
        parsed.roles.assign(chosen.line, Role::Title, chosen.rule);
    }
    header(page, parsed, stamped, line);
    parsed.diagnostics.push(Diagnostic::new(
        Severity::Info,
        "layout-inferred",
        format!("unknown layout: fewer than two post stamps, so an article dated by line {line} (`{stamp}`)"),
    ));
    let mut post = DraftPost::new(RawStamp::new(line, stamp.as_str()));
    post.author = author;
    // The page's first line, which the header takes for a title when no headline was found, is
    // a menu's more often than the story's: the item then has none, and is told by its text.
    post.headline = headline.map(|(_, text)| text);
    parsed.roles.assign(line, Role::Stamp, "article-dateline");
    place_after(page, parsed, &mut post, line, "paragraph-after-dateline");
    parsed.posts.push(post);
    parsed.kind = DocumentKind::Article;
}

/// An article's lines after its dateline (or headline), not yet claimed, placed in its item.
fn place_after(
    page: &Page<'_>,
    parsed: &mut Parsed,
    post: &mut DraftPost,
    line: u32,
    rule: &'static str,
) {
    for n in line + 1..=page.len() {
        let Some(text) = page.line(n) else { continue };
        if is_blank(text) || parsed.roles.is_assigned(n) {
            continue;
        }
        parsed.place_in_post(post, n, text, "credit-line", rule);
    }
}

/// The headline of an article that prints no time: the line that reads as a headline nearest
/// above the start of its body ([`body_start`]), past bylines, credits, captions and furniture.
fn lead_headline(page: &Page<'_>, parsed: &Parsed) -> Option<crate::headline::Headline> {
    crate::headline::choose(page, parsed, body_start(page, parsed)?)
}

/// Where the body of an article that prints no time starts: the first of two paragraphs of prose
/// close together (at most four other lines between them); failing that, of two sentences of a
/// body close together (a story told in short paragraphs). A paragraph alone is no body: a
/// notice of cookies or advertising is one too. Each pass reads the page's unclaimed lines once.
fn body_start(page: &Page<'_>, parsed: &Parsed) -> Option<u32> {
    let non_blank = |a: u32, b: u32| {
        (a + 1..b)
            .filter(|n| page.line(*n).is_some_and(|t| !is_blank(t)))
            .count()
    };
    let lines = |is: fn(&str) -> bool| -> Vec<u32> {
        page.lines()
            .filter(|(n, t)| !parsed.roles.is_assigned(*n) && is(t))
            .map(|(n, _)| n)
            .collect()
    };
    let pair = |lines: &[u32]| {
        lines
            .windows(2)
            .find(|w| matches!(w, [a, b] if non_blank(*a, *b) <= 4))
            .and_then(|w| w.first().copied())
    };
    pair(&lines(crate::context::is_prose)).or_else(|| pair(&lines(crate::context::is_body)))
}

/// The article's headline: the nearest line above its dateline that reads as one (several words,
/// no closing full stop), past bylines and short labels.
fn title_above(page: &Page<'_>, parsed: &Parsed, dateline: u32) -> Option<u32> {
    let mut looked = 0;
    let mut n = dateline;
    while n > 1 && looked < 8 {
        n -= 1;
        let Some(text) = page.line(n) else { break };
        let text = text.trim();
        if text.is_empty() || parsed.roles.is_assigned(n) {
            continue;
        }
        looked += 1;
        let words = text.split_whitespace().count();
        let byline = text.starts_with("By ") || text.starts_with("by ");
        if (4..=40).contains(&words) && !byline && !text.ends_with(['.', ':']) {
            return Some(n);
        }
    }
    None
}

fn furniture_at(page: &Page<'_>, n: u32, text: &str) -> Option<(DropReason, &'static str)> {
    if boilerplate::in_button_bar(page, n) {
        return Some((DropReason::Boilerplate, "button-bar"));
    }
    if boilerplate::is_video_length(page, n) {
        return Some((DropReason::Media, "video-length"));
    }
    if boilerplate::is_video_title(page, n) {
        return Some((DropReason::Media, "video-title"));
    }
    boilerplate::classify(text)
}

/// In a footer page, the first post starts after the last furniture line above its footer (or,
/// with none, at the paragraph right above it).
fn first_footer_post_start(page: &Page<'_>, parsed: &Parsed, footer: u32) -> u32 {
    let after_furniture = (1..footer)
        .rev()
        .find(|n| parsed.roles.is_assigned(*n))
        .map(|n| n + 1);
    after_furniture.unwrap_or_else(|| {
        (1..footer)
            .rev()
            .find(|n| page.line(*n).is_some_and(|t| !is_blank(t)))
            .unwrap_or(footer)
    })
}

fn header(page: &Page<'_>, parsed: &mut Parsed, stamped: &[(u32, StampLine)], end: u32) {
    let context = page.context();
    let mut dated_seen = false;
    let mut date_seen = false;
    for n in 1..end {
        let Some(text) = page.line(n) else { continue };
        if is_blank(text) || parsed.roles.is_assigned(n) {
            continue;
        }
        // The lines the page's context read as the page's own.
        if let Some((role, rule)) = context.and_then(|c| c.claims(n)) {
            parsed.roles.assign(n, role, rule);
            continue;
        }
        let trimmed = text.trim();
        let stamp = stamped
            .binary_search_by_key(&n, |(l, _)| *l)
            .ok()
            .and_then(|i| stamped.get(i))
            .map(|(_, s)| s);
        // A dated stamp above the posts, alone or with a few words, is the page's own time.
        let page_stamp = match stamp {
            Some(StampLine::Head {
                dated: true,
                rest,
                stamp,
                ..
            }) if rest.chars().count() <= 40 => Some(stamp.as_str()),
            Some(StampLine::Foot { stamp, .. })
                if dateline_time::parse_stamp(stamp).is_some_and(|s| s.date.is_some()) =>
            {
                Some(stamp.as_str())
            }
            _ => None,
        };
        // A dated stamp above the posts that the context did not take: another of the page's
        // times (a masthead's date, an edition's).
        if page_stamp.is_some() && !dated_seen {
            dated_seen = true;
            parsed.drop_line(n, DropReason::Metadata, "dated-stamp-above-posts");
            continue;
        }
        if !date_seen
            && dateline_time::parse_stamp(trimmed)
                .is_some_and(|s| s.time.is_none() && s.date.is_some())
        {
            date_seen = true;
            parsed.drop_line(n, DropReason::Metadata, "date-above-posts");
            continue;
        }
        // A byline: "By Ann Byrne", or "By" alone above the names.
        if let Some(names) = trimmed
            .strip_prefix("By ")
            .or_else(|| trimmed.strip_prefix("by "))
            .filter(|n| n.chars().count() <= 80)
        {
            parsed.bylines.push(names.trim().to_owned());
            parsed.roles.assign(n, Role::Byline, "by-line");
            continue;
        }
        if trimmed == "By" || trimmed == "by" {
            let next = (n + 1..end).find(|m| page.line(*m).is_some_and(|t| !is_blank(t)));
            if let Some(m) = next.filter(|m| !parsed.roles.is_assigned(*m))
                && let Some(names) = page.line(m).map(str::trim).filter(|t| name_like(t))
            {
                parsed.bylines.push(names.to_owned());
                parsed.roles.assign(n, Role::Byline, "by-label");
                parsed.roles.assign(m, Role::Byline, "name-under-by-label");
                continue;
            }
        }
        if parsed.title.is_none() {
            parsed.title = Some(trimmed.to_owned());
            parsed.roles.assign(n, Role::Title, "first-line-of-page");
        } else {
            parsed.summary.push(trimmed.to_owned());
            parsed
                .roles
                .assign(n, Role::Summary, "paragraph-above-posts");
        }
    }
}

fn read_header_posts(page: &Page<'_>, parsed: &mut Parsed, stamps: &[(u32, StampLine)]) {
    // Lines that carry a clock's date belong to its stamp, not to the post above.
    for (_, line) in stamps {
        if let StampLine::Head { date_lines, .. } = line {
            for n in date_lines {
                parsed
                    .roles
                    .assign(*n, Role::Stamp, "date-lines-above-clock");
            }
        }
    }
    for (i, (start, line)) in stamps.iter().enumerate() {
        let StampLine::Head {
            stamp,
            rest,
            glued_name,
            date_lines,
            ..
        } = line
        else {
            continue;
        };
        let end = stamps.get(i + 1).map_or(page.len() + 1, |(n, _)| *n);
        let mut post = DraftPost::new(RawStamp::new(*start, stamp.as_str()));
        for n in date_lines {
            post.cover(*n);
        }
        let rest = if *glued_name {
            post.author = Some(rest.clone());
            ""
        } else if is_label(rest) {
            ""
        } else {
            rest.as_str()
        };
        if !rest.is_empty() {
            post.paragraphs.push(rest.to_owned());
        }
        let rule = if *glued_name {
            "stamp-with-byline"
        } else {
            "line-starts-with-stamp"
        };
        parsed.roles.assign(*start, Role::Stamp, rule);
        let lines: Vec<u32> = (start + 1..end)
            .filter(|n| {
                page.line(*n).is_some_and(|t| !is_blank(t)) && !parsed.roles.is_assigned(*n)
            })
            .collect();
        for (j, n) in lines.iter().copied().enumerate() {
            let Some(text) = page.line(n) else { continue };
            let trimmed = text.trim();
            let short = trimmed.chars().count() <= 120 && !trimmed.ends_with(['.', '"', '”']);
            if j == 0 && rest.is_empty() && short && lines.len() > 1 {
                post.headline = Some(trimmed.to_owned());
                parsed
                    .roles
                    .assign(n, Role::Headline, "short-line-after-stamp");
            } else if boilerplate::is_credit(trimmed) && post.attribution.is_none() {
                post.attribution = Some(trimmed.to_owned());
                parsed.roles.assign(n, Role::Attribution, "credit-line");
            } else {
                post.paragraphs.push(trimmed.to_owned());
                parsed.roles.assign(n, Role::Body, "paragraph-after-stamp");
            }
            post.cover(n);
        }
        parsed.posts.push(post);
    }
}

fn read_footer_posts(
    page: &Page<'_>,
    parsed: &mut Parsed,
    stamps: &[(u32, StampLine)],
    first: u32,
) {
    let mut start = first;
    for (n, line) in stamps {
        let StampLine::Foot { author, stamp, .. } = line else {
            continue;
        };
        let mut post = DraftPost::new(RawStamp::new(*n, stamp.as_str()));
        if !author.is_empty() {
            post.author = Some(author.clone());
        }
        parsed.roles.assign(*n, Role::Stamp, "footer-stamp");
        for m in start..*n {
            let Some(text) = page.line(m) else { continue };
            if is_blank(text) || parsed.roles.is_assigned(m) {
                continue;
            }
            parsed.place_in_post(&mut post, m, text, "credit-line", "paragraph-before-footer");
        }
        parsed.posts.push(post);
        start = n + 1;
    }
    // Lines after the last footer that are not furniture stay unplaced.
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Parsed {
        Generic.parse(&Page::new("unknown.txt", text))
    }

    #[test]
    fn stamps_at_the_start_of_lines_open_posts() {
        let parsed = parse(
            "Storm live: the latest\n\nAll times are in UTC\n\n12:50 Newest.\n\nMore of it.\n\n12:31 Older.\n\nSubscribe to our newsletter by email\n",
        );
        assert_eq!(parsed.kind, DocumentKind::LiveBlog);
        assert_eq!(parsed.title.as_deref(), Some("Storm live: the latest"));
        assert_eq!(parsed.roles.get(3).map(|r| r.0), Some(Role::ZoneStatement));
        let stamps: Vec<_> = parsed.posts.iter().map(|p| p.stamp.text.as_str()).collect();
        assert_eq!(stamps, vec!["12:50", "12:31"]);
        assert_eq!(parsed.posts[0].paragraphs, vec!["Newest.", "More of it."]);
        assert_eq!(parsed.roles.get(11).map(|r| r.1), Some("newsletter"));
        assert!(
            parsed
                .diagnostics
                .iter()
                .any(|d| d.code == "layout-inferred" && d.message.contains("start posts"))
        );
    }

    #[test]
    fn stamps_glued_to_bylines_at_the_end_of_posts_close_them() {
        let parsed = parse(
            "Storm live: the latest\n\nFirst post.\n\nAnn Lee4 August 2020 12:44\n\nSecond post.\n\nBo Ray4 August 2020 13:05\n",
        );
        assert_eq!(parsed.posts.len(), 2);
        let first = &parsed.posts[0];
        assert_eq!(first.stamp, RawStamp::new(5, "4 August 2020 12:44"));
        assert_eq!(first.author.as_deref(), Some("Ann Lee"));
        assert_eq!(first.paragraphs, vec!["First post."]);
        assert_eq!(parsed.posts[1].paragraphs, vec!["Second post."]);
        assert!(
            parsed
                .diagnostics
                .iter()
                .any(|d| d.message.contains("footers"))
        );
    }

    #[test]
    fn a_stamp_inside_a_sentence_opens_nothing() {
        let parsed = parse("A title\n\nThe strike took place at 1.12am local time.\n");
        assert!(parsed.posts.is_empty());
        assert!(parsed.diagnostics.iter().any(|d| d.code == "no-timestamps"));
        assert_eq!(parsed.summary.len(), 1);
    }

    #[test]
    fn a_date_line_a_clock_takes_as_its_date_is_no_day_line_too() {
        // The second day's date line dates the clock under it as a day line, and was claimed by
        // that clock's stamp (`date-lines-above-clock`) as well: a line with two roles.
        let parsed = parse(
            "Election night live\n\nThu 4 Jul 2024\n\n22.30 BST\n\nTurnout\n\n\
             Turnout is up in the north after a long day of voting across the country\n\n\
             By Jo Bloggs\nLive: storm over the north coast\n\nThu 4 Jul 2024\n\n22.10 BST\n\n\
             Turnout\n\nPolls have closed across the country after a long day of voting\n\n\
             By Jo Bloggs\nLive: storm over the north coast\n\nStand: 30.01.2024 15:13 Uhr\n\n\
             A storm front reaches the coast.\n",
        );
        assert_eq!(parsed.roles.conflicts(), &[]);
        assert_eq!(parsed.roles.get(14).map(|r| r.1), Some("day-line"));
        assert_eq!(stamps(&parsed)[1], (16, "Thu 4 Jul 2024 22.10 BST", None));
    }

    fn stamps(parsed: &Parsed) -> Vec<(u32, &str, Option<&str>)> {
        parsed
            .posts
            .iter()
            .map(|p| (p.stamp.line, p.stamp.text.as_str(), p.author.as_deref()))
            .collect()
    }

    #[test]
    fn clocks_with_glued_bylines_under_an_updated_line() {
        let parsed = parse(
            "Cork news live: level 3 restrictions\nBy\nAnn Lee\nUpdated21:22, 6 OCT 2020\nIntro.\n\
             21:22Frances Watkins\nGoodnight\n\nWe are logging off.\n\n\
             20:36Frances Watkins\nA pub closes\nhttps://example.com/post/1\n",
        );
        assert_eq!(parsed.roles.get(4).map(|r| r.0), Some(Role::Updated));
        assert_eq!(
            stamps(&parsed),
            vec![
                (6, "21:22", Some("Frances Watkins")),
                (11, "20:36", Some("Frances Watkins"))
            ]
        );
        assert_eq!(parsed.posts[0].headline.as_deref(), Some("Goodnight"));
        assert_eq!(parsed.roles.get(6).map(|r| r.1), Some("stamp-with-byline"));
    }

    #[test]
    fn a_relative_time_before_the_clock_and_a_repeated_byline_after_it() {
        let parsed = parse(
            "Royal family news LIVE: the latest\nBy Jon King\n11:48, Thu, Jul 18, 2024 | UPDATED: 11:50, Thu, Jul 18, 2024\n\n\
             21 mins ago11:48 Jon King\nA headline\n\nBody one.\n\
             2 hours ago 10:05 Jon King\nAnother headline\n\nBody two.\n",
        );
        assert_eq!(parsed.roles.get(3).map(|r| r.0), Some(Role::Published));
        assert_eq!(
            stamps(&parsed),
            vec![
                (5, "11:48", Some("Jon King")),
                (9, "10:05", Some("Jon King"))
            ]
        );
        assert!(
            parsed
                .diagnostics
                .iter()
                .any(|d| d.code == "bylines-inferred")
        );
    }

    #[test]
    fn a_clock_takes_its_date_from_the_short_lines_above_it() {
        let parsed = parse(
            "India v Sri Lanka cricket live\nUpdated:November 02, 2023 09:20 PM IST\nToggle\n\
             November\n02\n2023\n21:06 (IST)\nIt's a wrap!\nThat's it from the game.\n\
             November\n02\n2023\n20:51 (IST)\nPlayer of the match\nShami gets the award.\n",
        );
        assert_eq!(
            stamps(&parsed),
            vec![
                (7, "November 02 2023 21:06 (IST)", None),
                (13, "November 02 2023 20:51 (IST)", None)
            ]
        );
        assert_eq!(parsed.posts[0].paragraphs, vec!["That's it from the game."]);
        assert_eq!(parsed.posts[1].lines[0], 10);
        assert_eq!(
            parsed.roles.get(10).map(|r| r.1),
            Some("date-lines-above-clock")
        );
        assert!(
            parsed
                .roles
                .iter()
                .any(|(_, r)| r.is_some_and(|r| r.0 == Role::Updated))
        );
    }

    #[test]
    fn impossible_clocks_are_text_with_a_warning() {
        let parsed = parse(
            "Vote count live: the latest\n\n10:15 A post.\n\nThe vote ends at 25:61 tonight.\n\n09:40 Another.\n\nDoors at 13:00 p.m.\n\nThe score was 3:2 at 12:30.\n",
        );
        let lines: Vec<(Option<u32>, String)> = parsed
            .diagnostics
            .iter()
            .filter(|d| d.code == "impossible-time")
            .map(|d| (d.line, d.message.clone()))
            .collect();
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert_eq!(lines[0].0, Some(5));
        assert!(lines[0].1.starts_with("`25:61`"), "{lines:?}");
        assert_eq!(lines[1].0, Some(9));
        assert!(lines[1].1.contains("13:00 p.m."), "{lines:?}");
        assert_eq!(parsed.posts.len(), 2);
    }

    #[test]
    fn labels_are_whole_words_or_glued_to_a_clock() {
        assert_eq!(
            page_time_line("Updated21:22, 6 OCT 2020"),
            Some((PageTime::Updated, "21:22, 6 OCT 2020".to_owned()))
        );
        assert_eq!(
            page_time_line("Stand: 30.01.2024 15:13 Uhr").map(|p| p.0),
            Some(PageTime::Updated)
        );
        assert_eq!(page_time_line("Standing order 12 January 2020"), None);
        assert_eq!(page_time_line("Postedup 3 January 2020 10:00"), None);
        assert_eq!(label_alone("Last Updated"), Some(PageTime::Updated));
        assert_eq!(label_alone("Published:"), Some(PageTime::Published));
        assert_eq!(label_alone("Publishers"), None);
    }

    #[test]
    fn a_label_before_each_clock_opens_posts() {
        let parsed = parse(
            "Live: the day in politics\n\nPosted at 10:15\n\nA vote is called\n\nMPs will vote at noon.\n\n\
             Posted at 09:40\n\nMorning\n\nGood morning.\n\nUpdated at 09:52\n",
        );
        assert_eq!(
            stamps(&parsed),
            vec![(3, "10:15", None), (9, "09:40", None)]
        );
        assert_eq!(
            parsed.posts[0].headline.as_deref(),
            Some("A vote is called")
        );
        assert_eq!(
            parsed.posts[1].paragraphs,
            vec!["Good morning.", "Updated at 09:52"]
        );
    }

    #[test]
    fn a_page_stamp_after_the_outlet_name_gives_the_year() {
        let parsed = parse(
            "Live score\n\nTHE TIMES OF INDIA | Oct 02, 2020, 19:02:47 IST\n\n\
             19:02 (IST), Oct 02\n\nRajasthan won the toss and chose to field first in Dubai.\n\n\
             18:45 (IST), Oct 02\n\nThe pitch looks dry and the captains expect it to turn late.\n\n\
             18:32 (IST), Oct 02\n\nWelcome to our live coverage of tonight's league match.\n",
        );
        assert_eq!(parsed.roles.get(3).map(|r| r.0), Some(Role::Published));
        assert_eq!(parsed.posts.len(), 3);
    }

    #[test]
    fn an_article_is_dated_by_its_first_dateline_even_with_a_glued_year() {
        let parsed = parse(
            "Menu\nNews|Military\nCuban agents fire upon a speedboat, killing four\n\n\
             The ministry said it reserves the right.\n\nBy Al Jazeera Staff\n\
             Published On 25 Feb 202625 Feb 2026\nShare\n\nThe body.\n",
        );
        assert_eq!(parsed.kind, DocumentKind::Article);
        assert_eq!(stamps(&parsed), vec![(8, "25 Feb 2026", None)]);
        assert_eq!(
            parsed.title.as_deref(),
            Some("Cuban agents fire upon a speedboat, killing four")
        );
    }

    #[test]
    fn an_article_dateline_after_a_byline_with_an_update_after_it() {
        let parsed = parse(
            "Middle East\nA tank likely fired at reporters, report finds\n\
             By Maya Gebeily\nMarch 7, 20247:55 AM UTCUpdated ago\nThe body.\n\
             Read Next\nAnother story12:07 PM UTC · Updated ago\nOil prices slip10:34 AM UTC\n",
        );
        assert_eq!(
            stamps(&parsed),
            vec![(4, "March 7, 2024 7:55 AM UTC", None)]
        );
        let parsed = parse(
            "Space\nNASA adds five companies to its lunar lander program\n\
             By Tariq Malik, Mike Wall 2019-11-18T22:05:36Z Spaceflight\nThe body.\n",
        );
        assert_eq!(
            stamps(&parsed),
            vec![(3, "2019-11-18T22:05:36Z", Some("Tariq Malik, Mike Wall"))]
        );
    }

    #[test]
    fn an_update_time_alone_is_the_articles_dateline() {
        let parsed = parse(
            "A briefing\nLast Updated\nSept. 25, 2020, 5:43 p.m. ET\nSept. 25, 2020, 5:43 p.m. ET\n\
             Here's what you need to know:\n\nStocks rallied.\n",
        );
        assert_eq!(parsed.posts.len(), 1);
        assert_eq!(parsed.posts[0].stamp.line, 3);
        assert_eq!(parsed.roles.get(2).map(|r| r.1), Some("page-time-label"));
        assert_eq!(parsed.roles.get(4).map(|r| r.1), Some("repeated-page-time"));
        assert!(!parsed.diagnostics.iter().any(|d| d.code == "no-timestamps"));
    }

    #[test]
    fn a_bare_stamp_line_with_a_short_line_under_it_has_a_headline() {
        let parsed = parse(
            "Storm live: the latest updates\n\n10:00\n\nA headline\n\nBody.\n\n09:00\n\nOther headline\n\nBody two.\n",
        );
        assert_eq!(parsed.posts.len(), 2);
        assert_eq!(parsed.posts[0].headline.as_deref(), Some("A headline"));
        assert_eq!(parsed.posts[0].paragraphs, vec!["Body."]);
    }

    /// With no live headline and no machine data, the stamps decide: three posts with prose of
    /// their own, stamps glued to their bylines, make a live blog.
    #[test]
    fn three_stamped_posts_with_prose_make_a_live_blog() {
        let parsed = parse(
            "Cork news\n\n\
             21:22Frances Watkins\nWe are logging off for the night and will be back from seven tomorrow.\n\n\
             20:36Frances Watkins\nAnother favourite pub is preparing to shut its doors for three weeks.\n\n\
             20:03Frances Watkins\nThe county council has given an update on its services this evening.\n",
        );
        assert_eq!(parsed.kind, DocumentKind::LiveBlog);
        assert_eq!(parsed.posts.len(), 3);
    }

    /// An article whose page lists other stories, each with its date and a line of teaser: one
    /// item, at the article's dateline, however many stamps the list prints.
    #[test]
    fn dated_stamps_of_a_list_under_an_article_make_no_live_blog() {
        let parsed = parse(
            "Bridge to close for a year after cracks are found\n\n\
             14/03/2020 16h15\n\n\
             The council voted on Tuesday evening to close the old bridge to cars for the whole of \
             next year, while engineers repair the cracks they found in its piers last month.\n\n\
             Drivers who cross it every day will have to take the long road around the lake, which \
             adds twenty minutes to the journey each way, the council said.\n\n\
             More news\n\n\
             13/03/2020 14h24\n\nNew school opens its doors to three hundred pupils in the north.\n\n\
             12/03/2020 09h10\n\nMarket square to get new trees and benches by the summer.\n",
        );
        assert_eq!(parsed.kind, DocumentKind::Article);
        assert_eq!(parsed.posts.len(), 1);
        assert_eq!(parsed.posts[0].stamp.line, 3);
    }

    /// Two updates that open with bare clocks and hold all the page's prose ("The Latest" of a
    /// news agency) are a live blog of two posts.
    #[test]
    fn two_bare_clocks_holding_all_the_prose_make_a_live_blog() {
        let parsed = parse(
            "The Latest: Man stabbed on commuter train\n\n\
             10 p.m.\n\n\
             Authorities say the stabbing may have happened after the attacker tried to steal a phone.\n\n\
             ___\n\n\
             4:14 p.m.\n\n\
             A transit chief says a man has been stabbed to death on a commuter train during a fight.\n",
        );
        assert_eq!(parsed.kind, DocumentKind::LiveBlog);
        assert_eq!(parsed.posts.len(), 2);
    }

    /// A line of stories run together after their clocks is a list, dropped as such: it heads
    /// no post, and the article under it keeps its own dateline.
    #[test]
    fn a_line_of_clocks_and_headlines_is_a_list_of_stories() {
        let parsed = parse(
            "Minister resigns over the budget\n\n\
             08:45 Storm closes roads 08:38 New school opens 08:31 Market square gets trees\n\n\
             08:30 Rail strike called off 08:22 Council votes on the bridge 08:16 Fair opens\n\n\
             24.11.2020, 07:10\n\n\
             The finance minister resigned on Tuesday after parliament rejected the budget she had \
             spent the whole autumn negotiating with the coalition's smaller parties.\n\n\
             Her deputy will lead the ministry until a successor is chosen next month, the prime \
             minister's office said in a statement.\n",
        );
        assert_eq!(parsed.kind, DocumentKind::Article);
        assert_eq!(parsed.posts.len(), 1);
        assert_eq!(parsed.posts[0].stamp.line, 7);
        assert_eq!(parsed.roles.get(3).map(|r| r.1), Some("list-of-stories"));
    }

    /// Bare dotted clocks that head a run of posts, at the start of each post's first sentence,
    /// are the posts' stamps; one alone is a number.
    #[test]
    fn a_run_of_dotted_clocks_at_the_start_of_sentences_opens_posts() {
        let parsed = parse(
            "Flood live: rivers burst their banks\n\n\
             16.42 The ministry said more than two hundred homes had been evacuated since the morning.\n\n\
             16.10 Rail services between the two cities have been suspended until at least Wednesday.\n\n\
             15.35 The river at the old bridge rose another forty centimetres in the last hour.\n",
        );
        assert_eq!(parsed.kind, DocumentKind::LiveBlog);
        let texts: Vec<&str> = stamps(&parsed).into_iter().map(|s| s.1).collect();
        assert_eq!(texts, vec!["16.42", "16.10", "15.35"]);
        assert_eq!(
            parsed.posts[0].paragraphs,
            vec![
                "The ministry said more than two hundred homes had been evacuated since the morning."
            ]
        );
        let one = parse(
            "Prices rise again\n\n3 March 2021\n\n\
             12.50 Euros is what a litre of olive oil now costs in the capital's markets.\n",
        );
        assert_eq!(one.kind, DocumentKind::Article);
    }

    /// A summary of key events repeats posts' clocks and headlines: its lines open no post. Date
    /// lines between the days of a live blog date the bare clocks under them.
    #[test]
    fn key_events_are_no_posts_and_day_lines_date_the_clocks_under_them() {
        let parsed = parse(
            "Election live: the count through the night\n\n\
             Key events\n01:10 Recount ordered in the north\n23:45 First seat declared\n\n\
             Wednesday 4 November 2020\n\n\
             01:10\nRecount ordered in the north\n\
             Officials have ordered a full recount in the northern district after the margin fell.\n\n\
             Tuesday 3 November 2020\n\n\
             23:45\nFirst seat declared\n\
             The first seat of the night has been declared in the southern town, where they held on.\n\n\
             22:00\nPolls close\n\
             Polling stations have now closed across the country and the count is under way.\n",
        );
        assert_eq!(parsed.kind, DocumentKind::LiveBlog);
        let texts: Vec<&str> = stamps(&parsed).into_iter().map(|s| s.1).collect();
        assert_eq!(
            texts,
            vec![
                "Wednesday 4 November 2020 01:10",
                "Tuesday 3 November 2020 23:45",
                "Tuesday 3 November 2020 22:00"
            ]
        );
        assert_eq!(parsed.roles.get(4).map(|r| r.1), Some("key-event-summary"));
        assert_eq!(parsed.roles.get(5).map(|r| r.1), Some("key-event-summary"));
        assert_eq!(parsed.roles.get(13).map(|r| r.1), Some("day-line"));
        assert_eq!(parsed.posts[2].headline.as_deref(), Some("Polls close"));
    }

    /// The page's own date line above the first bare clock dates the page, not that post: the
    /// post keeps its bare clock, and the run crosses midnight oldest first.
    #[test]
    fn the_pages_date_line_above_the_first_clock_stays_the_pages() {
        let parsed = parse(
            "Marathon live: runners set off through the city\n\n3 November 2020\n\n\
             08:10\nThe first runners have set off from the start line in the park, cheered on.\n\n\
             08:55\nThe leaders have passed the ten kilometre mark in just under half an hour.\n\n\
             23:40\nThe last runners have crossed the line, nearly sixteen hours after the start.\n\n\
             00:15\nOrganisers say the course will reopen to traffic once it has been cleared.\n",
        );
        let texts: Vec<&str> = stamps(&parsed).into_iter().map(|s| s.1).collect();
        assert_eq!(texts, vec!["08:10", "08:55", "23:40", "00:15"]);
    }

    /// A word before a clock that says it is one (`ore`, `alle`, `um`, `à`) heads a post as `at`
    /// does, and a dot after a clock's `h` is no part of the post's text.
    #[test]
    fn clock_words_and_a_dot_after_the_clock_head_posts() {
        let italian = parse(
            "Maltempo, la diretta: allerta rossa in tre regioni\n\n3 novembre 2022\n\n\
             ore 14.05 – La protezione civile ha chiuso le scuole in tutta la provincia fino a giovedì.\n\n\
             ore 13.20 – Il fiume ha superato il livello di guardia vicino al ponte vecchio oggi.\n\n\
             ore 12.45 – Il sindaco ha firmato un'ordinanza che vieta la circolazione in centro.\n",
        );
        let texts: Vec<&str> = stamps(&italian).into_iter().map(|s| s.1).collect();
        assert_eq!(texts, vec!["14.05", "13.20", "12.45"]);
        let spanish = parse(
            "Tormenta en directo: las lluvias inundan la costa\n\n3 de noviembre de 2022\n\n\
             14:05 h. Los bomberos han rescatado a una familia atrapada en su coche en la costa.\n\n\
             13:20 h. El ayuntamiento ha cerrado todos los parques y pide a los vecinos que no salgan.\n\n\
             12:45 h. La agencia de meteorología eleva a rojo el aviso por lluvias en la provincia.\n",
        );
        assert_eq!(spanish.posts.len(), 3);
        assert!(
            spanish.posts[0].paragraphs[0].starts_with("Los bomberos"),
            "{:?}",
            spanish.posts[0].paragraphs
        );
    }

    /// Clocks with a headline each on lines that follow one another are a list of stories, not
    /// posts, however many there are; the article above them keeps its one item.
    #[test]
    fn stamped_headlines_in_a_row_are_a_list_of_stories() {
        let parsed = parse(
            "Ministry reports thirty new cases\n\n17:27 GMT 17.03.2020\n\n\
             The health ministry reported thirty new cases and two deaths on Tuesday, bringing the \
             total since the outbreak began to more than two hundred.\n\n\
             It said the new cases had been in contact with travellers who returned last week.\n\n\
             Latest\n\
             17:53 GMT Why the president changed his mind on the nominee\n\
             17:43 GMT Talks between the factions are postponed again\n\
             17:41 GMT First probe to the moon is planned for next year\n\
             17:32 GMT Will the truce in the capital hold?\n",
        );
        assert_eq!(parsed.kind, DocumentKind::Article);
        assert_eq!(parsed.posts.len(), 1);
        assert_eq!(parsed.roles.get(12).map(|r| r.1), Some("list-of-stories"));
    }

    /// Stamped blocks that each end with a link to the story (`Ver noticia`, `Read more`) are
    /// teasers of other stories, not posts: the page is an article.
    #[test]
    fn teasers_that_end_with_a_link_to_the_story_are_no_posts() {
        let parsed = parse(
            "Miércoles, 15 de Abril de 2020\n\nInternacionales\n\
             2:21 pm\nEl presidente asegura que la pandemia le ha permitido recuperar la imagen\n\n\
             El presidente de la encuestadora asegura que la pandemia le ha permitido al gobierno \
             recuperar la imagen del control del territorio en todo el país.\n\nVer noticia\n\
             3:32 pm\nAlcalde asegura que el retorno de ciudadanos al país va en aumento\n\n\
             El alcalde del municipio fronterizo aseguró que el flujo de ciudadanos que regresan \
             al país por los pasos de la frontera va en aumento cada semana.\n\nVer noticia\n\
             3:29 pm\nPor qué el presidente dejó de financiar a la organización\n\n\
             La organización es una institución que pertenece a las Naciones Unidas y se encarga \
             de la salud de los ciudadanos de todos los países miembros.\n\nVer noticia\n",
        );
        assert_eq!(parsed.kind, DocumentKind::Article);
    }

    /// A page that prints no time at all is still an article: one item with no time, at the
    /// longest headline-like line over its body, past the byline and the photo's caption.
    #[test]
    fn an_article_that_prints_no_time_has_one_undated_item() {
        let parsed = parse(
            "NEWS\nSPORT\nWEATHER\n\n\
             Woman hurt after being hit by car in Station Street, Eastbourne\n\
             By Harry Bullmore\n\n\
             Station Street in Eastbourne\n\n\
             A woman was taken to hospital with serious injuries after she was hit by a car in the \
             town centre on Tuesday afternoon, police said.\n\n\
             Officers closed the road for several hours while they examined the scene, and asked \
             anyone who saw the crash to come forward.\n",
        );
        assert_eq!(parsed.kind, DocumentKind::Article);
        assert_eq!(parsed.posts.len(), 1);
        let post = &parsed.posts[0];
        assert_eq!(post.stamp.text, "");
        assert_eq!(
            post.headline.as_deref(),
            Some("Woman hurt after being hit by car in Station Street, Eastbourne")
        );
        assert!(
            parsed
                .diagnostics
                .iter()
                .any(|d| d.code == "no-timestamps" && d.line == Some(5))
        );
    }

    /// A story told in short paragraphs (sentences, none long enough to be prose alone) still has
    /// a body, and its headline is found past a share bar's buttons of one word each.
    #[test]
    fn an_undated_article_in_short_paragraphs_under_a_share_bar_has_its_headline() {
        let parsed = parse(
            "Home\nWorld\n\n\
             Harbour ferry service to resume after two weeks of repairs\n\
             By Lena Ortiz\n\
             Share\nTweet\nEmail\nPrint\nShare\nTweet\nEmail\n\n\
             The harbour ferry will run again from Monday, the operator said.\n\n\
             Engineers replaced both engines and tested the hull.\n\n\
             Tickets bought before the repairs stay valid until the end of the year.\n",
        );
        assert_eq!(parsed.posts.len(), 1);
        assert_eq!(
            parsed.posts[0].headline.as_deref(),
            Some("Harbour ferry service to resume after two weeks of repairs")
        );
    }

    /// A bar of one-word buttons inside an article (a share bar under its first paragraph) is
    /// furniture, dropped with its reason; a one-word line alone is kept.
    #[test]
    fn a_bar_of_one_word_buttons_is_no_part_of_the_story() {
        let (doc, _) = crate::read(
            "page.txt",
            "Harbour ferry service to resume after two weeks of repairs\n\
             Published 06-09-2024 07:30\n\n\
             The harbour ferry will run again from Monday, the operator said.\n\n\
             Facebook\n\nTwitter\n\nWhatsApp\n\nEmail\n\n\
             Engineers replaced both engines and tested the hull.\n\n\
             Update\n\n\
             Tickets bought before the repairs stay valid until the end of the year.\n"
                .as_bytes(),
            &crate::Options::default(),
        );
        assert_eq!(doc.posts.len(), 1);
        let text = &doc.posts[0].text;
        assert!(
            !text.contains("Facebook") && !text.contains("WhatsApp"),
            "{text}"
        );
        assert!(
            text.contains("Engineers replaced") && text.contains("Update"),
            "{text}"
        );
        assert!(
            doc.dropped
                .iter()
                .any(|d| d.lines[0] == 6 && d.sample == "Facebook"),
            "{:?}",
            doc.dropped
        );
    }

    /// In a script written without spaces, a headline's words are counted by its characters.
    #[test]
    fn an_undated_article_in_japanese_has_its_headline() {
        let parsed = parse(
            "ニュース\n\n\
             市内の図書館が来月から夜九時まで開館時間を延長すると発表\n\n\
             市の教育委員会は十日、市内にある五つの図書館の開館時間を来月一日から夜九時まで延長すると発表した。仕事帰りの利用者の要望に応えるためで、平日のみが対象となる。\n\n\
             委員会によると、延長に伴う職員の増員は行わず、自動貸出機を各館に二台ずつ追加で設置する。利用者の反応を見ながら、土曜日への拡大も検討するという。\n",
        );
        assert_eq!(parsed.posts.len(), 1);
        assert_eq!(
            parsed.posts[0].headline.as_deref(),
            Some("市内の図書館が来月から夜九時まで開館時間を延長すると発表")
        );
    }

    /// A brief whose paragraphs are all too short for prose is still dated by the relative
    /// dateline under its headline: its body's sentences weigh the line, below any prose.
    #[test]
    fn a_relative_dateline_over_a_brief_of_short_sentences_makes_the_item() {
        let parsed = parse(
            "The Daily Example\n\n\
             Council approves the budget\n\n\
             2 hours ago\n\n\
             The council approved the budget this evening after a long debate about the roads.\n\n\
             The vote was seven to four, the clerk said after the meeting closed.\n",
        );
        assert_eq!(parsed.posts.len(), 1);
        assert_eq!(parsed.posts[0].stamp.text, "2 hours ago");
        // One sentence under a relative line is not enough to call it a dateline.
        let parsed = parse(
            "The Daily Example\n\nCouncil approves the budget\n\n2 hours ago\n\n\
             The council approved the budget this evening after a long debate about the roads.\n",
        );
        assert_ne!(
            parsed.posts.first().map(|p| p.stamp.text.as_str()),
            Some("2 hours ago")
        );
    }

    /// A dateline that prints no date (`7m ago`) makes the item even where the page pads its
    /// blocks with many lines of spaces before the body: those lines put no distance between.
    #[test]
    fn a_relative_dateline_far_above_a_padded_body_makes_the_item() {
        let padding = "   \n".repeat(420);
        let parsed = parse(&format!(
            "Menu\n{padding}\
             City council approves new cycle lanes on the river road\n\
             Mara Quist\n\
             7m ago\n{padding}\
             The council voted on Tuesday to build protected cycle lanes along the river road, a \
             plan that campaigners have sought for a decade and that drivers' groups opposed.\n\n\
             Work is due to start in the spring and to last about eight months, the council said in \
             a statement after the vote, which passed by twelve votes to seven.\n",
        ));
        assert_eq!(parsed.posts.len(), 1);
        assert_eq!(parsed.posts[0].stamp.text, "7m ago");
        assert_eq!(
            parsed.posts[0].headline.as_deref(),
            Some("City council approves new cycle lanes on the river road")
        );
    }

    /// A list of another outlet's stories runs as far as its entries keep their spacing, past the
    /// first lines under its heading: thirty teasers, each a headline, a clock and a sentence, are
    /// the list's, and the page stays one article.
    #[test]
    fn a_long_list_of_teasers_under_its_heading_is_one_list() {
        let mut text = String::from(
            "Valley council to rebuild the old stone bridge\n3 May 2021\n\n\
             The council agreed on Monday to rebuild the old stone bridge over the river, which \
             has been closed to traffic since the floods of last winter damaged its piers.\n\n\
             Work will start in the summer and cost about four million, the council said, with \
             most of the money coming from the regional government's flood fund.\n\n\
             More from Valley Courier\n",
        );
        for i in 1..=30 {
            let (h, m) = (23 - i % 20, (i * 7) % 60);
            text.push_str(&format!(
                "Story number {i} about the town's weekly market\n{h:02}:{m:02}\n\
                 Traders said the market had its busiest day since the spring, with stalls on \
                 both sides of the square.\n\n"
            ));
        }
        let parsed = parse(&text);
        assert_eq!(parsed.kind, DocumentKind::Article);
        assert_eq!(parsed.posts.len(), 1);
    }
}
