//! `cargo xtask eval DIR`: runs dateline over a folder of real pages with a gold file and prints
//! how much of the gold it found, how much of what it printed is in the gold, how many times are
//! right to the minute, and how well it merged.
//!
//! The folder holds `gold.json` and the pages, as text copies (`text/NAME.txt`, or `NAME.txt` at
//! the top) and as saved HTML (`html/NAME.html`); each copy kind present is measured on its own.
//! The gold lists, per page (`documents[].file`, the text copy's name), the items a reader can see
//! with a timestamp: the 1-based `line` of the stamp in the text copy, the `utc` minute, the first
//! characters of the body (`starts`) and the `headline`; an article is one item (`article: true`),
//! with `visible_precision` saying when the page shows only a date or a relative time. `events`
//! groups items that report one occurrence; `dont_care_pairs` are neither right nor wrong when
//! merged; `must_not_merge` pairs are traps.
//!
//! Matching is one to one. A printed post and a gold item are a candidate pair when the post's
//! stamp is on the item's line (text copies only), its body starts as the item's does, or its
//! headline is the item's; the strongest pairs are taken first. An article's one item also pairs
//! with the one post of an article document. A post the reader marked as not visible on the page
//! (machine data only) is counted apart, neither found nor wrong.
//!
//! The figures: found = matched items / gold items; precision = matched posts / printed posts;
//! exact = matched items at the gold's UTC minute / matched items (and the same over the items
//! whose page shows the minute); merge precision and recall over pairs of matched items.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

pub(crate) const USAGE: &str =
    "usage: cargo xtask eval DIR [--copies text|html|both] [--peers] [--verbose]";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Copy {
    Text,
    Html,
}

impl Copy {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Copy::Text => "text",
            Copy::Html => "html",
        }
    }
}

#[derive(Debug)]
struct Flags {
    dir: PathBuf,
    copies: Vec<Copy>,
    peers: bool,
    verbose: bool,
}

fn flags(args: &[String]) -> Result<Flags, String> {
    let mut dir = None;
    let mut copies = vec![Copy::Text, Copy::Html];
    let mut verbose = false;
    let mut peers = false;
    let mut i = 0;
    while let Some(arg) = args.get(i) {
        match arg.as_str() {
            "--copies" => {
                i += 1;
                copies = match args.get(i).map(String::as_str) {
                    Some("text") => vec![Copy::Text],
                    Some("html") => vec![Copy::Html],
                    Some("both") => vec![Copy::Text, Copy::Html],
                    _ => return Err(format!("--copies takes text, html or both\n{USAGE}")),
                };
            }
            "--verbose" | "-v" => verbose = true,
            "--peers" => peers = true,
            other if other.starts_with('-') => {
                return Err(format!("unknown flag `{other}`\n{USAGE}"));
            }
            other if dir.is_none() => dir = Some(PathBuf::from(other)),
            other => return Err(format!("one folder only, not also `{other}`\n{USAGE}")),
        }
        i += 1;
    }
    let dir = dir.ok_or_else(|| format!("which folder?\n{USAGE}"))?;
    Ok(Flags {
        dir,
        copies,
        peers,
        verbose,
    })
}

/// One gold item.
#[derive(Debug, Clone)]
struct Item {
    /// `FILESTEM:LINE`, as the gold's events name it.
    id: String,
    line: u64,
    utc: String,
    article: bool,
    /// Whether the page shows the item's minute (articles may show a date or a relative time).
    minute_visible: bool,
    starts: Option<String>,
    headline: Option<String>,
}

#[derive(Debug, Clone)]
struct GoldPage {
    stem: String,
    items: Vec<Item>,
}

#[derive(Debug)]
struct Gold {
    pages: Vec<GoldPage>,
    /// Pairs of item ids reported as one occurrence.
    same: BTreeSet<(String, String)>,
    dont_care: BTreeSet<(String, String)>,
    must_not: BTreeSet<(String, String)>,
}

fn pair(a: &str, b: &str) -> (String, String) {
    if a <= b {
        (a.to_owned(), b.to_owned())
    } else {
        (b.to_owned(), a.to_owned())
    }
}

/// The elements of the array `v[key]`, none when it is missing or not an array.
pub(crate) fn elements<'a>(v: &'a Value, key: &str) -> impl Iterator<Item = &'a Value> {
    v.get(key).and_then(Value::as_array).into_iter().flatten()
}

pub(crate) fn str_field(v: &Value, key: &str) -> Option<String> {
    v.get(key)
        .and_then(Value::as_str)
        .map(str::to_owned)
        .filter(|s| !s.is_empty())
}

fn pairs_of(list: Option<&Value>) -> BTreeSet<(String, String)> {
    let mut out = BTreeSet::new();
    for entry in list.and_then(Value::as_array).into_iter().flatten() {
        let members: Vec<&str> = match entry {
            Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
            Value::Object(_) => entry
                .get("members")
                .or_else(|| entry.get("pair"))
                .and_then(Value::as_array)
                .map(|a| a.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        for (k, a) in members.iter().enumerate() {
            for b in members.iter().skip(k + 1) {
                out.insert(pair(a, b));
            }
        }
    }
    out
}

fn read_json(path: &Path) -> Result<Value, String> {
    let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: not JSON: {e}", path.display()))
}

fn read_gold(path: &Path, value: &Value) -> Result<Gold, String> {
    let documents = value
        .get("documents")
        .and_then(Value::as_array)
        .ok_or_else(|| format!("{}: no `documents` list", path.display()))?;
    let mut pages = Vec::new();
    for doc in documents {
        let file = str_field(doc, "file")
            .ok_or_else(|| format!("{}: a document without `file`", path.display()))?;
        let stem = file.strip_suffix(".txt").unwrap_or(&file).to_owned();
        let mut items = Vec::new();
        for post in elements(doc, "posts") {
            let line = post.get("line").and_then(Value::as_u64).unwrap_or(1);
            let utc = str_field(post, "utc")
                .ok_or_else(|| format!("{}: {stem}:{line} has no `utc`", path.display()))?;
            let precision = str_field(post, "visible_precision");
            items.push(Item {
                id: format!("{stem}:{line}"),
                line,
                utc: minute(&utc),
                article: post
                    .get("article")
                    .and_then(Value::as_bool)
                    .unwrap_or(false),
                minute_visible: precision.as_deref().is_none_or(|p| p == "minute"),
                starts: str_field(post, "starts"),
                headline: str_field(post, "headline"),
            });
        }
        pages.push(GoldPage { stem, items });
    }
    Ok(Gold {
        pages,
        same: pairs_of(value.get("events")),
        dont_care: pairs_of(value.get("dont_care_pairs")),
        must_not: pairs_of(value.get("must_not_merge")),
    })
}

/// `2020-01-03T12:44:00Z` and `2020-01-03T12:44:59+00:00` alike as `2020-01-03T12:44`.
fn minute(utc: &str) -> String {
    utc.chars().take(16).collect()
}

/// Text compared as a reader sees it: whitespace of any kind collapsed, invisible characters gone,
/// quotes and dashes folded, case ignored.
fn norm(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        let c = match c {
            '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}' | '\u{ad}' => continue,
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{2032}' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{2033}' => '"',
            '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
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

fn prefix_matches(body: &str, starts: &str) -> bool {
    let body = norm(body);
    let starts = norm(starts);
    let n = starts.chars().count().min(40);
    let head: String = starts.chars().take(n).collect();
    !head.is_empty() && (body.starts_with(&head) || (n >= 20 && body.contains(&head)))
}

/// A printed post, as the JSON output gives it.
#[derive(Debug, Clone)]
struct Printed {
    id: String,
    line: u64,
    lines: (u64, u64),
    utc: Option<String>,
    headline: Option<String>,
    text: String,
    /// Whether the reader says the post is not on the visible page (machine data only).
    hidden: bool,
}

fn printed_posts(doc: &Value) -> Vec<Printed> {
    let mut out = Vec::new();
    for post in elements(doc, "posts") {
        let line = post.get("line").and_then(Value::as_u64).unwrap_or(0);
        let lines = post
            .get("lines")
            .and_then(Value::as_array)
            .map(|a| {
                let at = |k: usize| a.get(k).and_then(Value::as_u64).unwrap_or(line);
                (at(0), at(1))
            })
            .unwrap_or((line, line));
        let hidden = post
            .get("visible")
            .and_then(Value::as_bool)
            .is_some_and(|v| !v);
        out.push(Printed {
            id: str_field(post, "id").unwrap_or_default(),
            line,
            lines,
            utc: post
                .get("time")
                .and_then(|t| t.get("utc"))
                .and_then(Value::as_str)
                .map(minute),
            headline: str_field(post, "headline"),
            text: str_field(post, "text").unwrap_or_default(),
            hidden,
        });
    }
    out
}

/// How strongly a printed post answers a gold item; 0 is not at all.
fn affinity(item: &Item, post: &Printed, copy: Copy, article_doc: bool) -> u32 {
    let mut score = 0;
    if copy == Copy::Text && post.line == item.line {
        score += 4;
    } else if copy == Copy::Text && post.lines.0 <= item.line && item.line <= post.lines.1 {
        score += 1;
    }
    if let Some(starts) = &item.starts
        && prefix_matches(&post.text, starts)
    {
        score += 3;
    }
    match (&item.headline, &post.headline) {
        (Some(a), Some(b)) if norm(a) == norm(b) => score += 2,
        // A post of one line may carry its headline as its text.
        (Some(a), None) if item.starts.is_none() && prefix_matches(&post.text, a) => score += 2,
        _ => {}
    }
    if item.article && article_doc {
        score += 2;
    }
    score
}

#[derive(Debug, Default, Clone)]
struct Tally {
    gold: usize,
    found: usize,
    exact: usize,
    gold_minute: usize,
    found_minute: usize,
    exact_minute: usize,
    printed: usize,
    matched_posts: usize,
    hidden: usize,
    empty_pages: Vec<String>,
    missing_pages: Vec<String>,
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        self.gold += other.gold;
        self.found += other.found;
        self.exact += other.exact;
        self.gold_minute += other.gold_minute;
        self.found_minute += other.found_minute;
        self.exact_minute += other.exact_minute;
        self.printed += other.printed;
        self.matched_posts += other.matched_posts;
        self.hidden += other.hidden;
        self.empty_pages.extend(other.empty_pages.iter().cloned());
        self.missing_pages
            .extend(other.missing_pages.iter().cloned());
    }
}

pub(crate) fn ratio(a: usize, b: usize) -> String {
    if b == 0 {
        "-".to_owned()
    } else {
        format!("{:.1}%", 100.0 * a as f64 / b as f64)
    }
}

fn copy_path(dir: &Path, stem: &str, copy: Copy) -> Option<PathBuf> {
    let candidates = match copy {
        Copy::Text => vec![
            dir.join("text").join(format!("{stem}.txt")),
            dir.join(format!("{stem}.txt")),
        ],
        Copy::Html => vec![
            dir.join("html").join(format!("{stem}.html")),
            dir.join("html").join(format!("{stem}.htm")),
            dir.join(format!("{stem}.html")),
        ],
    };
    candidates.into_iter().find(|p| p.is_file())
}

pub(crate) fn dateline_binary(root: &Path) -> Result<PathBuf, String> {
    crate::cargo(root, &["build", "--release", "--quiet", "-p", "dateline"])?;
    let exe = if cfg!(windows) {
        "dateline.exe"
    } else {
        "dateline"
    };
    Ok(crate::synth::target_dir(root).join("release").join(exe))
}

fn run_timeline(binary: &Path, files: &[PathBuf]) -> Result<Value, String> {
    let output = Command::new(binary)
        .arg("timeline")
        .args(files)
        .args(["--format", "json", "--quiet"])
        .output()
        .map_err(|e| format!("cannot run {}: {e}", binary.display()))?;
    if !output.status.success() && output.stdout.is_empty() {
        return Err(format!(
            "dateline timeline failed: {}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    serde_json::from_slice(&output.stdout).map_err(|e| format!("dateline printed no JSON: {e}"))
}

pub(crate) fn eval(root: &Path, args: &[String]) -> Result<(), String> {
    let flags = flags(args)?;
    let gold_path = flags.dir.join("gold.json");
    let value = read_json(&gold_path)?;
    if crate::eval_dates::is_dates_gold(&value) {
        return crate::eval_dates::eval(
            root,
            &flags.dir,
            &value,
            &flags.copies,
            flags.peers,
            flags.verbose,
        );
    }
    let gold = read_gold(&gold_path, &value)?;
    let binary = dateline_binary(root)?;
    let mut report = String::new();
    for &copy in &flags.copies {
        let mut files = Vec::new();
        let mut by_path: BTreeMap<String, usize> = BTreeMap::new();
        for (k, page) in gold.pages.iter().enumerate() {
            if let Some(path) = copy_path(&flags.dir, &page.stem, copy) {
                by_path.insert(path.display().to_string(), k);
                files.push(path);
            }
        }
        if files.is_empty() {
            continue;
        }
        let timeline = run_timeline(&binary, &files)?;
        let (tally, rows, merge) = score_copy(&gold, &timeline, &by_path, copy, flags.verbose);
        write_report(&mut report, copy, &tally, &rows, &merge);
        if copy == Copy::Html {
            let shown = crate::eval_cite::shown(&binary, &files)?;
            let documents = elements(&timeline, "documents")
                .filter(|d| str_field(d, "path").is_some_and(|p| by_path.contains_key(&p)));
            cite_section(&mut report, documents, &shown, flags.verbose);
        }
    }
    if report.is_empty() {
        return Err(format!(
            "no page of {}/gold.json found under {}",
            flags.dir.display(),
            flags.dir.display()
        ));
    }
    print!("{report}");
    Ok(())
}

/// One page's figures and what went wrong on it.
type Row = (String, Tally, Vec<String>);

#[derive(Debug, Default)]
struct Merge {
    /// Gold pairs whose items are both found.
    gold_pairs: usize,
    /// Of those, pairs put in one event.
    joined: usize,
    /// Pairs of found items put in one event, dont-care pairs left out.
    predicted: usize,
    /// Of those, pairs the gold calls one occurrence.
    right: usize,
    /// Must-not-merge pairs put in one event.
    traps: Vec<(String, String)>,
}

fn score_copy(
    gold: &Gold,
    timeline: &Value,
    by_path: &BTreeMap<String, usize>,
    copy: Copy,
    verbose: bool,
) -> (Tally, Vec<Row>, Merge) {
    let mut total = Tally::default();
    let mut rows = Vec::new();
    // Printed post id -> gold item id.
    let mut matched_ids: BTreeMap<String, String> = BTreeMap::new();
    let documents: Vec<&Value> = elements(timeline, "documents").collect();
    let mut seen_pages = BTreeSet::new();
    for doc in &documents {
        let path = str_field(doc, "path").unwrap_or_default();
        let Some(&k) = by_path.get(&path) else {
            continue;
        };
        let Some(page) = gold.pages.get(k) else {
            continue;
        };
        seen_pages.insert(k);
        let article_doc = str_field(doc, "kind").as_deref() == Some("article");
        let posts = printed_posts(doc);
        let mut candidates: Vec<(u32, usize, usize)> = Vec::new();
        for (g, item) in page.items.iter().enumerate() {
            for (p, post) in posts.iter().enumerate() {
                let a = affinity(item, post, copy, article_doc);
                if a >= 2 || (a > 0 && item.article) {
                    candidates.push((a, g, p));
                }
            }
        }
        // Strongest first; then the pair whose times agree; then page order.
        candidates.sort_by(|x, y| {
            let agree = |&(_, g, p): &(u32, usize, usize)| {
                let item = page.items.get(g);
                let post = posts.get(p);
                match (item, post) {
                    (Some(i), Some(q)) => q.utc.as_deref() == Some(i.utc.as_str()),
                    _ => false,
                }
            };
            y.0.cmp(&x.0)
                .then(agree(y).cmp(&agree(x)))
                .then(x.1.cmp(&y.1))
                .then(x.2.cmp(&y.2))
        });
        let mut item_taken = vec![None; page.items.len()];
        let mut post_taken = vec![false; posts.len()];
        for (_, g, p) in candidates {
            if item_taken.get(g).is_some_and(Option::is_none)
                && post_taken.get(p).is_some_and(|t| !t)
            {
                if let Some(slot) = item_taken.get_mut(g) {
                    *slot = Some(p);
                }
                if let Some(slot) = post_taken.get_mut(p) {
                    *slot = true;
                }
            }
        }
        let mut tally = Tally {
            gold: page.items.len(),
            ..Tally::default()
        };
        let mut misses = Vec::new();
        for (g, item) in page.items.iter().enumerate() {
            if item.minute_visible {
                tally.gold_minute += 1;
            }
            let post = item_taken
                .get(g)
                .copied()
                .flatten()
                .and_then(|p| posts.get(p));
            match post {
                Some(post) => {
                    tally.found += 1;
                    matched_ids.insert(post.id.clone(), item.id.clone());
                    let exact = post.utc.as_deref() == Some(item.utc.as_str());
                    if exact {
                        tally.exact += 1;
                    }
                    if item.minute_visible {
                        tally.found_minute += 1;
                        if exact {
                            tally.exact_minute += 1;
                        }
                    }
                    if !exact {
                        misses.push(format!(
                            "  wrong time  {}: gold {} printed {} (line {})",
                            item.id,
                            item.utc,
                            post.utc.as_deref().unwrap_or("none"),
                            post.line
                        ));
                    }
                }
                None => misses.push(format!("  not found   {} at {}", item.id, item.utc)),
            }
        }
        for (p, post) in posts.iter().enumerate() {
            if post.hidden {
                tally.hidden += 1;
                continue;
            }
            tally.printed += 1;
            if post_taken.get(p).is_some_and(|t| *t) {
                tally.matched_posts += 1;
            } else if verbose {
                misses.push(format!(
                    "  extra post  line {} at {}: {}",
                    post.line,
                    post.utc.as_deref().unwrap_or("none"),
                    post.text.chars().take(60).collect::<String>()
                ));
            }
        }
        if !page.items.is_empty() && tally.printed == 0 {
            tally.empty_pages.push(page.stem.clone());
        }
        total.add(&tally);
        rows.push((page.stem.clone(), tally, misses));
    }
    for (k, page) in gold.pages.iter().enumerate() {
        if by_path.values().any(|&v| v == k) && !seen_pages.contains(&k) {
            let tally = Tally {
                gold: page.items.len(),
                gold_minute: page.items.iter().filter(|i| i.minute_visible).count(),
                missing_pages: vec![page.stem.clone()],
                ..Tally::default()
            };
            total.add(&tally);
            rows.push((
                page.stem.clone(),
                tally,
                vec!["  the page is not in dateline's output".to_owned()],
            ));
        }
    }
    let merge = score_merge(gold, timeline, &matched_ids);
    (total, rows, merge)
}

fn score_merge(gold: &Gold, timeline: &Value, matched: &BTreeMap<String, String>) -> Merge {
    let mut merge = Merge::default();
    let found: BTreeSet<&String> = matched.values().collect();
    let mut joined: BTreeSet<(String, String)> = BTreeSet::new();
    for event in elements(timeline, "events") {
        let members: Vec<&String> = elements(event, "posts")
            .filter_map(Value::as_str)
            .filter_map(|id| matched.get(id))
            .collect();
        for (k, a) in members.iter().enumerate() {
            for b in members.iter().skip(k + 1) {
                joined.insert(pair(a, b));
            }
        }
    }
    for (a, b) in &gold.same {
        if found.contains(a) && found.contains(b) {
            merge.gold_pairs += 1;
            if joined.contains(&(a.clone(), b.clone())) {
                merge.joined += 1;
            }
        }
    }
    for p in &joined {
        if gold.dont_care.contains(p) {
            continue;
        }
        merge.predicted += 1;
        if gold.same.contains(p) {
            merge.right += 1;
        }
        if gold.must_not.contains(p) {
            merge.traps.push(p.clone());
        }
    }
    merge
}

fn write_report(out: &mut String, copy: Copy, total: &Tally, rows: &[Row], merge: &Merge) {
    let _ = writeln!(out, "== {} copies", copy.name());
    let _ = writeln!(
        out,
        "{:<48} {:>5} {:>6} {:>7} {:>6} {:>7}",
        "page", "gold", "found", "printed", "exact", "hidden"
    );
    for (stem, t, misses) in rows {
        let _ = writeln!(
            out,
            "{:<48} {:>5} {:>6} {:>7} {:>6} {:>7}",
            stem, t.gold, t.found, t.printed, t.exact, t.hidden
        );
        for m in misses {
            let _ = writeln!(out, "{m}");
        }
    }
    let _ = writeln!(
        out,
        "items found: {}/{} ({}); precision: {}/{} ({}); exact UTC minute: {}/{} ({}); \
         where the page shows the minute: found {}/{}, exact {}/{} ({})",
        total.found,
        total.gold,
        ratio(total.found, total.gold),
        total.matched_posts,
        total.printed,
        ratio(total.matched_posts, total.printed),
        total.exact,
        total.found,
        ratio(total.exact, total.found),
        total.found_minute,
        total.gold_minute,
        total.exact_minute,
        total.found_minute,
        ratio(total.exact_minute, total.found_minute),
    );
    let _ = writeln!(
        out,
        "posts kept from machine data only (not on the page): {}",
        total.hidden
    );
    let _ = writeln!(
        out,
        "pages that yield nothing: {}; pages missing from the output: {}",
        list(&total.empty_pages),
        list(&total.missing_pages)
    );
    let _ = writeln!(
        out,
        "merge: {}/{} gold pairs joined (recall {}); {}/{} joined pairs right (precision {}); \
         traps merged: {}",
        merge.joined,
        merge.gold_pairs,
        ratio(merge.joined, merge.gold_pairs),
        merge.right,
        merge.predicted,
        ratio(merge.right, merge.predicted),
        if merge.traps.is_empty() {
            "none".to_owned()
        } else {
            merge
                .traps
                .iter()
                .map(|(a, b)| format!("{a} + {b}"))
                .collect::<Vec<_>>()
                .join(", ")
        }
    );
    let _ = writeln!(out);
}

/// Adds the figure of [`crate::eval_cite`] to a copy's section (before its closing blank line),
/// with each miss when `verbose`.
pub(crate) fn cite_section<'a>(
    report: &mut String,
    documents: impl Iterator<Item = &'a Value>,
    shown: &crate::eval_cite::Shown,
    verbose: bool,
) {
    let (held, total, misses) = crate::eval_cite::cited(documents, shown);
    while report.ends_with("\n\n") {
        report.pop();
    }
    let _ = writeln!(report, "{}", crate::eval_cite::line(held, total));
    if verbose {
        for miss in misses {
            let _ = writeln!(report, "{miss}");
        }
    }
    let _ = writeln!(report);
}

fn list(items: &[String]) -> String {
    if items.is_empty() {
        "none".to_owned()
    } else {
        items.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_compared_as_a_reader_sees_it() {
        assert_eq!(
            norm("\u{200b}Hello\u{a0} \u{2018}World\u{2019}"),
            "hello 'world'"
        );
        assert!(prefix_matches(
            "Mohammed Shami gets the Player of the Match award.",
            "Mohammed Shami gets the\u{a0}Player of the Match award.\u{a0}\"I always"
        ));
        assert!(!prefix_matches("Something else", "Mohammed Shami"));
    }

    #[test]
    fn events_become_pairs_both_ways_round() {
        let list = serde_json::json!([{"members": ["b:1", "a:2", "c:3"]}, ["x:1", "y:1"]]);
        let pairs = pairs_of(Some(&list));
        assert_eq!(pairs.len(), 4);
        assert!(pairs.contains(&pair("b:1", "a:2")));
        assert!(pairs.contains(&("x:1".to_owned(), "y:1".to_owned())));
    }

    #[test]
    fn minutes_ignore_seconds_and_offsets() {
        assert_eq!(minute("2020-01-03T12:44:59+00:00"), "2020-01-03T12:44");
        assert_eq!(minute("2020-01-03T12:44:00Z"), "2020-01-03T12:44");
    }

    #[test]
    fn the_line_and_the_body_pair_an_item_with_a_post() {
        let item = Item {
            id: "p:10".to_owned(),
            line: 10,
            utc: "2020-01-03T12:44".to_owned(),
            article: false,
            minute_visible: true,
            starts: Some("First words of the body".to_owned()),
            headline: None,
        };
        let post = Printed {
            id: "abc:10".to_owned(),
            line: 10,
            lines: (9, 14),
            utc: Some("2020-01-03T12:44".to_owned()),
            headline: None,
            text: "First words of the body, and more.".to_owned(),
            hidden: false,
        };
        assert_eq!(affinity(&item, &post, Copy::Text, false), 7);
        assert_eq!(affinity(&item, &post, Copy::Html, false), 3);
    }
}
