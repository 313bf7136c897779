//! The step every layout shares: raw stamps resolved to UTC with `dateline-time`, the result
//! turned into a model [`Document`], every line accounted for, and the page checked against itself.

use dateline_model::{
    Basis, Diagnostic, Document, DocumentKind, DropReason, Dropped, Inference, Post, Precision,
    ResolvedTime, Severity, TimeExpression, ZoneSource, ZoneStatement,
};
use dateline_time::{DstPolicy, Inferred, Note, ReportContext, Resolved, Stamp, Tz, ZoneOrigin};

use rayon::prelude::*;

use crate::Page;
use crate::layout::{DraftPost, LineRoles, Parsed, RawStamp, Role, is_blank};

/// A page with at least this many posts has its posts' texts read in parallel: below it, handing
/// the work out costs more than it saves, and a corpus of many pages is already read a page per
/// thread.
const PARALLEL_POSTS: usize = 64;

/// Everything [`finish`] needs besides the page and the layout's reading.
pub(crate) struct Finish<'a> {
    pub(crate) bytes: &'a [u8],
    pub(crate) layout: &'static str,
    pub(crate) dst: DstPolicy,
    pub(crate) max_posts: usize,
}

/// Turns a layout's reading into a document with resolved times, and says what it noticed.
pub(crate) fn finish(
    page: &Page<'_>,
    mut parsed: Parsed,
    how: &Finish<'_>,
    context: &crate::context::Context,
) -> (Document, Vec<Diagnostic>, LineRoles) {
    let mut diagnostics = std::mem::take(&mut parsed.diagnostics);
    limit(&mut parsed, how.max_posts, &mut diagnostics);
    // The lines the context read as the page's own, where no layout placed them.
    for (n, text) in page.lines() {
        if is_blank(text) || parsed.roles.is_assigned(n) {
            continue;
        }
        if let Some((role, rule)) = context.claims(n) {
            parsed.roles.assign(n, role, rule);
        }
    }
    account(page, &mut parsed, &mut diagnostics);

    let mut doc = Document::new(page.path(), how.layout, how.bytes);
    doc.kind = parsed.kind;
    // A page its machine data declares a live blog is one, even when the saved copy shows none of
    // its posts (they load later): it has no article item.
    if context.kind_declared
        && context.kind == Some(DocumentKind::LiveBlog)
        && parsed.posts.is_empty()
    {
        doc.kind = DocumentKind::LiveBlog;
    }
    doc.title = parsed.title.take();
    doc.standfirst = parsed.standfirst.take();
    doc.bylines = std::mem::take(&mut parsed.bylines);
    doc.declared_posts = parsed.declared_posts;
    doc.summary = std::mem::take(&mut parsed.summary);
    doc.dropped = dropped_runs(page, &parsed);
    doc.outlet.clone_from(&context.outlet);
    doc.context = context.record.clone();
    diagnostics.extend(context.diagnostics.iter().cloned());
    if let Some(statement) = &context.statement
        && let Some(zone) = &context.zone
    {
        doc.zone_statement = Some(ZoneStatement::new(
            statement.line,
            statement.text.clone(),
            zone.tz.name(),
        ));
    }

    // Every stamp is read in the page's context: its zone, country, date and capture time.
    let ctx = context.time_context(how.dst);
    doc.published = context.published.as_ref().map(|d| d.time.clone());
    doc.updated = context.updated.as_ref().map(|d| d.time.clone());
    // What reading the page's own times noticed (a zone that disagrees with its second reading).
    for dated in [&context.published, &context.updated].into_iter().flatten() {
        note_diagnostics(&dated.notes, dated.time.line, &mut diagnostics);
    }
    let before_posts = diagnostics.len();
    // Posts are resolved together, in page order.
    let mut stamps: Vec<Stamp> = Vec::new();
    let mut owner: Vec<usize> = Vec::new();
    for (i, post) in parsed.posts.iter().enumerate() {
        // An article that prints no time has an item with no stamp.
        if post.stamp.text.is_empty() {
            continue;
        }
        // A bare dotted clock is a stamp only where a layout saw a run of them head posts.
        let stamp = dateline_time::parse_stamp(&post.stamp.text)
            .or_else(|| dateline_time::dotted_clock(&post.stamp.text));
        match stamp {
            Some(stamp) => {
                stamps.push(stamp);
                owner.push(i);
            }
            None => diagnostics.push(unreadable(&post.stamp)),
        }
    }
    // Bare clocks (or dates without a year) under no page date: the page's own published (or
    // updated) day stands in.
    let undated = |s: &Stamp| s.date.as_ref().is_none_or(|d| d.year.is_none());
    if stamps.iter().any(undated)
        && let Some(page_date) = context.page_date
        && let Some(which) = page_date.from
    {
        let mut d = Diagnostic::new(
            Severity::Info,
            "page-date-inferred",
            format!(
                "the page prints no date for its clocks; the day it was {which} ({}) is used",
                page_date.date
            ),
        );
        d.line = page_date.line;
        diagnostics.push(d);
    }
    let mut times: Vec<Option<ResolvedTime>> = vec![None; parsed.posts.len()];
    // The order of the posts is the last decision of the page's context: their times say it.
    let mut order_decision = dateline_model::Decision::new(dateline_model::Question::Order, None);
    if !stamps.is_empty() {
        let sequence = dateline_time::resolve_sequence(&stamps, &ctx);
        for (k, result) in sequence.times.into_iter().enumerate() {
            let Some(&i) = owner.get(k) else { continue };
            let Some(raw) = parsed.posts.get(i).map(|p| &p.stamp) else {
                continue;
            };
            match result {
                Ok(resolved) => {
                    note_diagnostics(&resolved.notes, raw.line, &mut diagnostics);
                    if let Some(slot) = times.get_mut(i) {
                        *slot = Some(convert(page, raw, resolved));
                    }
                }
                Err(error) => diagnostics.push(
                    Diagnostic::new(
                        Severity::Warning,
                        "unresolved-stamp",
                        format!("{error}; the post has no time"),
                    )
                    .at_line(raw.line),
                ),
            }
        }
        let order = match sequence.order {
            dateline_time::Order::NewestFirst => Some("newest first"),
            dateline_time::Order::OldestFirst => Some("oldest first"),
            _ => None,
        };
        if let (Some(order), true) = (order, stamps.len() >= 2) {
            diagnostics.push(Diagnostic::new(
                Severity::Info,
                "post-order",
                format!("the {} posts run {order}", stamps.len()),
            ));
            let value = order.replace(' ', "-");
            order_decision.value = Some(value.clone());
            order_decision.clue = Some(dateline_model::Clue::new(
                value,
                "the order of the posts' times",
                format!("{} posts, resolved together", stamps.len()),
                u32::try_from(stamps.len()).unwrap_or(u32::MAX),
            ));
        }
        for (k, note) in sequence.notes {
            let line = owner
                .get(k)
                .and_then(|i| parsed.posts.get(*i))
                .map(|p| p.stamp.line);
            diagnostics.push(note_diagnostic(&note, line));
        }
    }

    // A kind the context found no clue to is the layout's reading of the page's stamps.
    if let Some(evidence) = &parsed.kind_evidence {
        let value = crate::context::kind_name(doc.kind);
        let undecided = doc
            .context
            .decisions
            .iter_mut()
            .find(|d| d.question == dateline_model::Question::Kind && d.value.is_none());
        if let Some(decision) = undecided {
            decision.value = Some(value.to_owned());
            decision.clue = Some(dateline_model::Clue::new(
                value.to_owned(),
                "the stamps the layout reads",
                evidence.clone(),
                1,
            ));
        }
    }
    doc.context.decisions.push(order_decision);
    collapse(&mut diagnostics, before_posts, "zone-assumed");
    // No clue on the page placed its clocks: one warning says so and what to pass.
    if context.zone.is_none() {
        let lines: Vec<u32> = diagnostics
            .iter()
            .filter(|d| d.code == "zone-assumed")
            .filter_map(|d| d.line)
            .collect();
        let assumed = diagnostics.iter().any(|d| d.code == "zone-assumed");
        diagnostics.retain(|d| d.code != "zone-assumed");
        if assumed {
            let mut d = crate::context::zone_assumed(page.path());
            d.line = lines.first().copied();
            diagnostics.push(d);
        }
    }

    // A zone the page only hints at: one warning where its bare clocks use it.
    if let (Some(zone), Some(clue)) = (&context.zone, &context.zone_guess) {
        let first = times.iter().flatten().find(|t| {
            t.date.is_none()
                && matches!(
                    t.basis.zone_source,
                    dateline_model::ZoneSource::Context { .. }
                )
        });
        if let Some(t) = first {
            let mut d = crate::context::zone_guessed(page.path(), zone.tz.name(), clue);
            d.line = Some(t.line);
            diagnostics.push(d);
        }
    }

    let country = context.country.as_deref();
    // The time expressions of each post's text, most of the reading of a long live blog: the
    // posts of a long page are read in parallel, a short page's in turn.
    let read = |(draft, time): (&DraftPost, &Option<ResolvedTime>)| -> Vec<TimeExpression> {
        time.as_ref().map_or_else(Vec::new, |time| {
            expressions(page, &parsed.roles, draft.lines, time, country)
        })
    };
    let found: Vec<Vec<TimeExpression>> = if parsed.posts.len() >= PARALLEL_POSTS {
        parsed
            .posts
            .par_iter()
            .zip(times.par_iter())
            .map(read)
            .collect()
    } else {
        parsed.posts.iter().zip(times.iter()).map(read).collect()
    };
    // Exactly the posts: a document lives until the timeline is written, and a grown list keeps
    // up to as much room again unused.
    doc.posts.reserve_exact(parsed.posts.len());
    for ((draft, time), expressions) in parsed.posts.into_iter().zip(times).zip(found) {
        let mut post = Post::new(&doc.id, draft.stamp.line);
        post.expressions = expressions;
        post.lines = draft.lines;
        post.time = time;
        post.author = draft.author;
        post.headline = draft.headline;
        post.attribution = draft.attribution;
        post.text = draft.paragraphs.join("\n\n");
        doc.posts.push(post);
    }
    if doc.kind == DocumentKind::Article {
        article_time(page, &mut doc, context, &mut diagnostics);
    }

    let count_line = parsed
        .roles
        .iter()
        .find(|(_, r)| matches!(r, Some((Role::DeclaredCount, _))))
        .map(|(n, _)| n);
    check(&doc, count_line, &mut diagnostics);
    // An article's dateline is both the page's time and its item's: say things about it once.
    let mut seen = std::collections::HashSet::new();
    diagnostics.retain(|d| seen.insert((d.code.clone(), d.line, d.message.clone())));
    (doc, diagnostics, parsed.roles)
}

/// An article's one item is dated as its context decided from every clue (its visible dateline,
/// its machine data, its address): the visible stamp keeps its place when they agree, and the
/// decided time replaces it when the page shows less (a date where the machine data gives the
/// minute). A page that shows only its update time has its item dated by it, with a warning; a
/// page with no visible dateline gets its item from the decided time, on its headline's line.
fn article_time(
    page: &Page<'_>,
    doc: &mut Document,
    context: &crate::context::Context,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let live = context.kind == Some(DocumentKind::LiveBlog);
    let decided = match (&context.published, &context.updated) {
        (Some(p), _) => Some((p, false)),
        (None, Some(u)) if !live => Some((u, true)),
        _ => None,
    };
    let Some((dated, by_update)) = decided else {
        return;
    };
    let mut time = dated.time.clone();
    let question = if by_update {
        dateline_model::Question::Updated
    } else {
        dateline_model::Question::Published
    };
    let agreeing: Vec<String> = context
        .record
        .decisions
        .iter()
        .filter(|d| d.question == question)
        .flat_map(|d| d.clue.iter().chain(d.agreeing.iter()))
        .map(|c| c.kind.clone())
        .collect();
    if by_update {
        time.basis.notes.push(
            "the page shows no publication time: the item is dated by its update time".to_owned(),
        );
        let mut d = Diagnostic::new(
            Severity::Warning,
            "dated-by-update",
            "the page prints only when it was updated, not when it was published; its item is \
             dated by the update time, which is the latest it can have been published",
        );
        d.line = dated.line;
        diagnostics.push(d);
    }
    // The page shows less than the machine data gives: say where the minute came from.
    if let ZoneSource::Machine { field } = &time.basis.zone_source
        && (dated.visible.is_none() || dated.shown.is_some())
    {
        diagnostics.push(Diagnostic::new(
            Severity::Info,
            "article-time-from-machine",
            format!(
                "the page shows no minute for its publication; the time is its {field} `{}`",
                time.raw
            ),
        ));
    }
    match doc.posts.iter_mut().find(|p| p.visible) {
        Some(post) => {
            let own = post.time.as_ref().filter(|t| {
                t.basis.precision == time.basis.precision
                    && (t.utc - time.utc).num_seconds().abs() < 60
            });
            match own {
                Some(_) if !by_update => {
                    if let Some(t) = post.time.as_mut()
                        && agreeing.len() > 1
                    {
                        t.basis
                            .notes
                            .push(format!("agrees with {}", agreeing.join(", ")));
                    }
                }
                _ => post.time = Some(time),
            }
        }
        None => {
            let line = dated.line.or_else(|| title_line(doc, page)).unwrap_or(1);
            let mut post = Post::new(&doc.id, line);
            post.headline.clone_from(&doc.title);
            post.text = doc.standfirst.clone().unwrap_or_default();
            post.time = Some(time);
            doc.posts.push(post);
        }
    }
}

/// The line of the visible text that prints the document's title.
fn title_line(doc: &Document, page: &Page<'_>) -> Option<u32> {
    let title = doc
        .title
        .as_deref()?
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if title.is_empty() {
        return None;
    }
    page.lines()
        .find(|(_, text)| text.split_whitespace().collect::<Vec<_>>().join(" ") == title)
        .map(|(n, _)| n)
}

/// The time expressions in a post's headline and body lines, read against the post's own time
/// and zone. On the stamp's line, the stamp itself is not an expression.
fn expressions(
    page: &Page<'_>,
    roles: &LineRoles,
    lines: [u32; 2],
    time: &ResolvedTime,
    country: Option<&str>,
) -> Vec<TimeExpression> {
    let tz = time.zone.parse::<Tz>().unwrap_or(Tz::UTC);
    let mut report = ReportContext::new(time.utc, tz);
    if let Some(country) = country {
        report = report.with_country(country);
    }
    let mut out = Vec::new();
    for n in lines[0]..=lines[1] {
        let Some((role, _)) = roles.get(n) else {
            continue;
        };
        if !matches!(role, Role::Body | Role::Headline | Role::Stamp) {
            continue;
        }
        let Some(text) = page.line(n) else { continue };
        let stamp = (n == time.line).then(|| time.span[0] as usize..time.span[1] as usize);
        // A line that is the stamp and nothing else has no expression to give: any would overlap
        // the stamp. Most posts' stamps stand on a line of their own.
        if let Some(s) = &stamp {
            let blank = |part: Option<&str>| part.is_some_and(|p| p.trim().is_empty());
            if blank(text.get(..s.start)) && blank(text.get(s.end..)) {
                continue;
            }
        }
        for e in dateline_time::find_expressions(text, &report) {
            if stamp
                .as_ref()
                .is_some_and(|s| e.span.start < s.end && s.start < e.span.end)
            {
                continue;
            }
            out.push(expression(n, e));
        }
    }
    // A post keeps its expressions until the timeline is written: no room for more.
    out.shrink_to_fit();
    out
}

fn expression(line: u32, e: dateline_time::Expression) -> TimeExpression {
    let span = [
        u32::try_from(e.span.start).unwrap_or(u32::MAX),
        u32::try_from(e.span.end).unwrap_or(u32::MAX),
    ];
    let mut out = TimeExpression::new(line, span, e.text, e.rule.as_str(), e.kind);
    out.interval = e.interval;
    out.alternatives = e.alternatives;
    out.zone = e.zone;
    out.zone_source = match e.origin {
        ZoneOrigin::Caller => ZoneSource::Post,
        other => zone_source(other),
    };
    out.recurrence = e.recurrence;
    out.notes = e.notes.into_iter().map(|n| n.message).collect();
    out
}

/// Keeps the first diagnostic with `code` from `from` on, and folds the others into it: a page
/// whose every stamp lacks a zone says so once, not once per post.
fn collapse(diagnostics: &mut Vec<Diagnostic>, from: usize, code: &str) {
    let mut first: Option<usize> = None;
    let mut lines: Vec<u32> = Vec::new();
    let mut index = 0;
    diagnostics.retain(|d| {
        let i = index;
        index += 1;
        if i < from || d.code != code {
            return true;
        }
        if first.is_none() {
            first = Some(i);
            return true;
        }
        lines.extend(d.line);
        false
    });
    if let (Some(first), false) = (first, lines.is_empty()) {
        let shown: Vec<String> = lines.iter().take(10).map(u32::to_string).collect();
        let more = if lines.len() > 10 { ", …" } else { "" };
        if let Some(d) = diagnostics.get_mut(first) {
            d.message = format!(
                "{}; so do {} more stamps (lines {}{more})",
                d.message,
                lines.len(),
                shown.join(", ")
            );
        }
    }
}

/// Every non-blank line without a role is dropped as unplaced, with a warning each.
/// Keeps the first `max` posts; the lines of the rest are dropped as unplaced, with one warning.
fn limit(parsed: &mut Parsed, max: usize, diagnostics: &mut Vec<Diagnostic>) {
    if parsed.posts.len() <= max {
        return;
    }
    let total = parsed.posts.len();
    let cut = parsed.posts.split_off(max);
    let first = cut.first().map(|p| p.lines[0].min(p.stamp.line));
    for post in &cut {
        for line in post.lines[0].min(post.stamp.line)..=post.lines[1].max(post.stamp.line) {
            if parsed.roles.is_assigned(line) {
                parsed.roles.unassign(line);
                parsed
                    .roles
                    .assign(line, Role::Dropped(DropReason::Unplaced), "over-max-posts");
            }
        }
    }
    let mut d = Diagnostic::new(
        Severity::Warning,
        "too-many-posts",
        format!(
            "the page holds {total} posts; only the first {max} were read and the rest left out \
             from this line on; raise --max-posts to read them all"
        ),
    );
    d.line = first;
    diagnostics.push(d);
}

fn account(page: &Page<'_>, parsed: &mut Parsed, diagnostics: &mut Vec<Diagnostic>) {
    for conflict in parsed.roles.conflicts() {
        diagnostics.push(
            Diagnostic::new(
                Severity::Warning,
                "line-role-conflict",
                format!(
                    "the layout gave this line two roles (by `{}`, then by `{}`); the first was \
                     kept (a dateline bug worth reporting)",
                    conflict.kept, conflict.refused
                ),
            )
            .at_line(conflict.line),
        );
    }
    for (n, text) in page.lines() {
        if is_blank(text) || parsed.roles.is_assigned(n) {
            continue;
        }
        parsed
            .roles
            .assign(n, Role::Dropped(DropReason::Unplaced), "unplaced");
        diagnostics.push(
            Diagnostic::new(
                Severity::Warning,
                "unplaced-line",
                format!(
                    "this line fits no post and no page field, so it was left out: `{}`",
                    sample(text)
                ),
            )
            .at_line(n),
        );
    }
}

/// Dropped lines as runs: consecutive dropped lines (blank lines between them included) of the
/// same reason and rule.
fn dropped_runs(page: &Page<'_>, parsed: &Parsed) -> Vec<Dropped> {
    let mut runs: Vec<(Dropped, &'static str)> = Vec::new();
    let mut open = false;
    for (n, role) in parsed.roles.iter() {
        match role {
            Some((Role::Dropped(reason), rule)) => {
                match runs.last_mut() {
                    Some((run, r)) if open && run.reason == reason && *r == rule => {
                        run.lines[1] = n
                    }
                    _ => {
                        let text = page.line(n).unwrap_or_default();
                        runs.push((Dropped::new([n, n], reason, sample(text)), rule));
                    }
                }
                open = true;
            }
            Some(_) => open = false,
            None => {}
        }
    }
    runs.into_iter().map(|(run, _)| run).collect()
}

/// A line shortened to 80 characters, for samples and messages.
pub(crate) fn sample(text: &str) -> String {
    let text = text.trim();
    match text.char_indices().nth(80) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    }
}

fn unreadable(raw: &RawStamp) -> Diagnostic {
    Diagnostic::new(
        Severity::Warning,
        "unreadable-stamp",
        format!(
            "`{}` was taken for a timestamp but could not be read as one",
            raw.text
        ),
    )
    .at_line(raw.line)
}

fn note_diagnostics(notes: &[Note], line: u32, diagnostics: &mut Vec<Diagnostic>) {
    diagnostics.extend(notes.iter().map(|n| note_diagnostic(n, Some(line))));
}

fn note_diagnostic(note: &Note, line: Option<u32>) -> Diagnostic {
    let severity = if note.warning {
        Severity::Warning
    } else {
        Severity::Info
    };
    let d = Diagnostic::new(severity, note.code.as_str(), note.message.clone());
    match line {
        Some(line) => d.at_line(line),
        None => d,
    }
}

/// A time that stands on no line of the page (a machine time read in the page's zone), in the
/// model's terms: line 0, span empty.
pub(crate) fn convert_detached(raw: &str, r: Resolved) -> ResolvedTime {
    let mut time = basis_of(RawStamp::new(0, raw), r);
    time.span = [0, 0];
    time
}

/// The time library's answer in the model's terms.
pub(crate) fn convert(page: &Page<'_>, raw: &RawStamp, r: Resolved) -> ResolvedTime {
    let mut time = basis_of(raw.clone(), r);
    if let Some(line) = page.line(raw.line) {
        match line.find(&raw.text) {
            Some(start) => {
                let start = u32::try_from(start).unwrap_or(u32::MAX);
                time.span = [start, start.saturating_add(time.span[1])];
            }
            // The stamp was read from a repaired copy of the line ("November02202321:06" read
            // as "November 02 2023 21:06"): the whole line is its span.
            None => time.span = [0, u32::try_from(line.len()).unwrap_or(u32::MAX)],
        }
    }
    time
}

fn basis_of(raw: RawStamp, r: Resolved) -> ResolvedTime {
    let zone_source = zone_source(r.origin);
    let mut basis = Basis::new(r.rule.as_str(), zone_source);
    basis.precision = r.precision;
    basis.inferred = r
        .inferred
        .iter()
        .filter_map(|i| match i {
            Inferred::DateFromPage(date) => Some(Inference::DateFromPage { date: *date }),
            Inferred::Rollover(days) => Some(Inference::Rollover { days: *days }),
            Inferred::Year(year) => Some(Inference::Year { year: *year }),
            Inferred::Dst(policy) => Some(Inference::DstChoice {
                policy: match policy {
                    DstPolicy::Earlier => "earlier",
                    DstPolicy::Later => "later",
                    _ => "reject",
                }
                .to_owned(),
            }),
            _ => None,
        })
        .collect();
    basis.notes = r.notes.iter().map(|n| n.message.clone()).collect();
    let mut time = ResolvedTime::new(raw.line, raw.text, r.utc, r.local, r.zone, basis);
    // A date alone resolves to the start of its day in the zone: that day is the one printed.
    if time.basis.precision == Precision::Day {
        time.date = Some(time.local.date_naive());
    }
    time
}

/// Where a zone came from, in the model's terms.
pub(crate) fn zone_source(origin: ZoneOrigin) -> ZoneSource {
    match origin {
        ZoneOrigin::Stated { label } => ZoneSource::Stated { label },
        ZoneOrigin::PageStatement { line } => ZoneSource::PageStatement { line },
        ZoneOrigin::OutletDefault { outlet } => ZoneSource::OutletDefault { outlet },
        ZoneOrigin::Caller => ZoneSource::Given,
        ZoneOrigin::Gazetteer { place } => ZoneSource::Gazetteer { place },
        ZoneOrigin::Context { clue } => ZoneSource::Context {
            clue: clue.into_owned(),
        },
        _ => ZoneSource::Assumed,
    }
}

/// The page against itself: posts after the page's update time, a post count that the text
/// does not hold.
fn check(doc: &Document, count_line: Option<u32>, diagnostics: &mut Vec<Diagnostic>) {
    if let Some(updated) = &doc.updated {
        for post in &doc.posts {
            if let Some(time) = post.time.as_ref().filter(|t| t.utc > updated.utc) {
                diagnostics.push(
                    Diagnostic::new(
                        Severity::Warning,
                        "post-after-update",
                        format!(
                            "the post at {} is later than the page's update time {} (line {}); one of them is wrong",
                            time.utc.to_rfc3339(),
                            updated.utc.to_rfc3339(),
                            updated.line
                        ),
                    )
                    .at_line(post.line),
                );
            }
        }
    }
    if let Some(declared) = doc.declared_posts {
        let found = doc.posts.len();
        if u32::try_from(found) != Ok(declared) {
            let why = if u32::try_from(found).is_ok_and(|f| f < declared) {
                "the saved copy is probably missing posts that load later"
            } else {
                "the count on the page is out of date"
            };
            let mut d = Diagnostic::new(
                Severity::Warning,
                "declared-count-mismatch",
                format!("the page says it has {declared} posts but its text holds {found}; {why}"),
            );
            d.line = count_line;
            diagnostics.push(d);
        }
    }
    // A page read with no timestamps at all has said so already.
    if diagnostics.iter().all(|d| d.code != "no-timestamps") {
        let untimed = untimed(doc, diagnostics);
        diagnostics.extend(untimed);
    }
}

/// The warning for posts with no time, when there are any, counting those that no other warning
/// of the page explains (one cause, one warning: a post whose stamp could not be read has its
/// `unresolved-stamp` or `unreadable-stamp` warning at its line). Where every such post has one,
/// the count says nothing new and is a note.
pub(crate) fn untimed(doc: &Document, diagnostics: &[Diagnostic]) -> Option<Diagnostic> {
    let explained = |post: &dateline_model::Post| {
        diagnostics.iter().any(|d| {
            matches!(d.code.as_str(), "unresolved-stamp" | "unreadable-stamp")
                && d.line
                    .is_some_and(|l| l == post.line || (post.lines[0]..=post.lines[1]).contains(&l))
        })
    };
    let untimed: Vec<&dateline_model::Post> =
        doc.posts.iter().filter(|p| p.time.is_none()).collect();
    if untimed.is_empty() {
        return None;
    }
    let missing = untimed.iter().filter(|p| !explained(p)).count();
    let total = doc.posts.len();
    Some(if missing == 0 {
        Diagnostic::new(
            Severity::Info,
            "posts-without-time",
            format!(
                "{} of {total} posts have no time and cannot be placed on the timeline; the warnings at their lines say why",
                untimed.len()
            ),
        )
    } else {
        let others = untimed.len() - missing;
        let besides = if others > 0 {
            format!(" (besides {others} whose stamp could not be read, warned at its line)")
        } else {
            String::new()
        };
        Diagnostic::new(
            Severity::Warning,
            "posts-without-time",
            format!(
                "{missing} of {total} posts have no time and cannot be placed on the timeline{besides}"
            ),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn samples_are_shortened_on_a_character_boundary() {
        let long = "é".repeat(100);
        let s = sample(&long);
        assert_eq!(s.chars().count(), 81);
        assert!(s.ends_with('…'));
        assert_eq!(sample("  short \u{a0}"), "short");
    }
}
