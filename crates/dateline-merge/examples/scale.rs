//! The merge at scale, on a corpus from `cargo xtask synth`: reads the pages into documents (not
//! timed), times `dateline_merge::merge` alone, records the peak resident memory, and scores the
//! events against the gold groups.
//!
//! ```text
//! cargo run --release -p dateline-merge --example scale -- DIR [--runs R] [--no-explanations]
//! ```
//!
//! `--no-explanations` merges as `dateline timeline` does without `--explain`: the events carry
//! their evidence, `Merged::explanations` stays empty.
//!
//! Prints a readable summary on standard error and one `key=value` line on standard output
//! (what `cargo xtask bench` collects): `posts`, `documents`, `bytes`, `read_s`, `merge_s` (the
//! median of the runs), `merge_cpu_s` (the CPU time of one merge, all threads, on average),
//! `runs`, `rss_read_kib` (resident after reading), `rss_peak_kib` (the peak while merging,
//! documents included), `events`, `gold_pairs`, `pairs`, `true_pairs`, `precision`, `recall`,
//! `recall_cross` (gold pairs whose documents name different outlets), `wrong_same_quote`,
//! `wrong_same_actor`, `wrong_sibling_org`, `wrong_other` (pairs wrongly put in one event: a
//! distractor with the event it was built to resemble, by kind, or unrelated), `time_misses`,
//! `missing`, `extra`, `layout_misses`, and `output_hash`: a hash (FNV-1a, 64 bits) of the whole
//! merged output (events, diagnostics, explanations, as `{:?}` writes them), so that a change
//! meant to keep the output can be checked at scale.
// A measuring program reports to its terminal and stops on a broken corpus.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use chrono::SecondsFormat;
use dateline_merge::{Options, merge};
use dateline_model::Document;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Gold {
    pairs: u64,
    pages: Vec<GoldPage>,
    posts: Vec<GoldPost>,
    events: Vec<GoldEvent>,
}

#[derive(Debug, Deserialize)]
struct GoldEvent {
    kind: String,
    of: Option<u32>,
}

#[derive(Debug, Deserialize)]
struct GoldPage {
    file: String,
    layout: String,
    posts: usize,
    bytes: usize,
}

#[derive(Debug, Deserialize)]
struct GoldPost {
    id: String,
    utc: String,
    event: u32,
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("scale: {message}");
            ExitCode::from(2)
        }
    }
}

/// A field of `/proc/self/status` in KiB (`VmRSS`, `VmHWM`), or 0 where there is none.
fn status_kib(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

/// The CPU time this process has used so far (user and system, all threads), in seconds, from
/// `/proc/self/stat` (in clock ticks, taken as the usual 100 a second), or 0 where there is none.
fn cpu_secs() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // The fields after the command name, which is in parentheses and may hold spaces.
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map(|(_, rest)| rest.split_whitespace().collect())
        .unwrap_or_default();
    let ticks = |k: usize| {
        fields
            .get(k)
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(0)
    };
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
    (ticks(11) + ticks(12)) as f64 / 100.0
}

/// Reads the pages on every core; the documents come back in the gold's page order.
fn read_pages(dir: &Path, pages: &[GoldPage]) -> Result<Vec<Document>, String> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let results: Vec<Result<Vec<(usize, Document)>, String>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                scope.spawn(move || {
                    let mut out = Vec::new();
                    for (i, page) in pages.iter().enumerate().skip(t).step_by(threads) {
                        let bytes = std::fs::read(dir.join(&page.file))
                            .map_err(|e| format!("{}: {e}", page.file))?;
                        let (doc, _) =
                            dateline_sources::read(&page.file, &bytes, &Default::default());
                        out.push((i, doc));
                    }
                    Ok(out)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err("a reader thread panicked".to_owned()))
            })
            .collect()
    });
    let mut all = Vec::with_capacity(pages.len());
    for r in results {
        all.extend(r?);
    }
    all.sort_by_key(|(i, _)| *i);
    Ok(all.into_iter().map(|(_, d)| d).collect())
}

/// A `fmt::Write` that hashes what is written to it (FNV-1a, 64 bits) instead of keeping it.
struct Fnv(u64);

impl std::fmt::Write for Fnv {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        for &b in s.as_bytes() {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
        Ok(())
    }
}

/// The hash of the whole merged output, written out by its `Debug` form without holding it.
fn output_hash(merged: &dateline_merge::Merged) -> u64 {
    use std::fmt::Write as _;
    let mut hasher = Fnv(0xcbf2_9ce4_8422_2325);
    // Writing to a hasher cannot fail.
    let _ = write!(hasher, "{merged:?}");
    hasher.0
}

fn pairs(n: u64) -> u64 {
    n * n.saturating_sub(1) / 2
}

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let mut dir: Option<PathBuf> = None;
    let mut runs = 1usize;
    let mut options = Options::default();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--no-explanations" => options.explanations = false,
            "--runs" => {
                runs = args
                    .next()
                    .and_then(|r| r.parse().ok())
                    .filter(|r| *r > 0)
                    .ok_or("--runs takes a positive number")?;
            }
            other if dir.is_none() => dir = Some(PathBuf::from(other)),
            other => return Err(format!("unexpected argument `{other}`")),
        }
    }
    let dir = dir
        .ok_or("usage: scale DIR [--runs R] [--no-explanations] (DIR from `cargo xtask synth`)")?;
    let gold_text = std::fs::read_to_string(dir.join("gold.json"))
        .map_err(|e| format!("{}: {e}", dir.join("gold.json").display()))?;
    let gold: Gold = serde_json::from_str(&gold_text).map_err(|e| format!("gold.json: {e}"))?;
    drop(gold_text);

    let start = Instant::now();
    let documents = read_pages(&dir, &gold.pages)?;
    let read_s = start.elapsed().as_secs_f64();
    let bytes: usize = gold.pages.iter().map(|p| p.bytes).sum();
    let posts: usize = documents.iter().map(|d| d.posts.len()).sum();
    let layout_misses = gold
        .pages
        .iter()
        .zip(&documents)
        .filter(|(g, d)| g.layout != d.layout || g.posts != d.posts.len())
        .count();

    // Reading checks: every post at its gold minute.
    let by_id: HashMap<&str, usize> = gold
        .posts
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    let mut outlet_of: Vec<Option<&str>> = vec![None; gold.posts.len()];
    let (mut time_misses, mut extra) = (0usize, 0usize);
    for doc in &documents {
        for post in &doc.posts {
            match by_id.get(post.id.as_str()) {
                Some(&i) => {
                    outlet_of[i] = Some(doc.outlet.as_deref().unwrap_or(&doc.path));
                    let utc = post
                        .time
                        .as_ref()
                        .map(|t| t.utc.to_rfc3339_opts(SecondsFormat::Secs, true));
                    if utc.as_deref() != gold.posts.get(i).map(|g| g.utc.as_str()) {
                        time_misses += 1;
                    }
                }
                None => extra += 1,
            }
        }
    }
    let missing = outlet_of.iter().filter(|o| o.is_none()).count();
    let rss_read_kib = status_kib("VmRSS");
    eprintln!(
        "read {} pages ({:.1} MB, {posts} posts) in {read_s:.1} s; {layout_misses} layout or count misses, {time_misses} time misses, {missing} gold posts missing, {extra} posts not in the gold",
        documents.len(),
        bytes as f64 / 1e6
    );

    // The peak resident size is reset (Linux 4.0+), so VmHWM is the peak while merging.
    let reset = std::fs::write("/proc/self/clear_refs", "5").is_ok();
    let mut times: Vec<Duration> = Vec::with_capacity(runs);
    let mut merged = None;
    let cpu_before = cpu_secs();
    for run in 0..runs {
        drop(merged.take());
        let start = Instant::now();
        let out = merge(&documents, &options);
        let took = start.elapsed();
        eprintln!(
            "merge run {}: {:.3} s, {} events",
            run + 1,
            took.as_secs_f64(),
            out.events.len()
        );
        times.push(took);
        merged = Some(out);
    }
    let rss_peak_kib = status_kib("VmHWM");
    // The CPU time of one merge, on average over the runs.
    let merge_cpu_s = (cpu_secs() - cpu_before) / runs as f64;
    times.sort();
    let merge_s = times
        .get(times.len() / 2)
        .map_or(0.0, Duration::as_secs_f64);
    let merged = merged.ok_or("no merge run")?;
    let hash = output_hash(&merged);

    // Pairwise scores: pairs of posts put in one event against the gold's pairs.
    let (mut predicted, mut true_pairs, mut true_cross) = (0u64, 0u64, 0u64);
    let mut members: Vec<(u32, &str)> = Vec::new();
    let mut wrong: HashMap<&str, u64> = HashMap::new();
    for event in &merged.events {
        predicted += pairs(event.posts.len() as u64);
        members.clear();
        for id in &event.posts {
            if let Some(&i) = by_id.get(id.as_str()) {
                let outlet = outlet_of.get(i).copied().flatten().unwrap_or("");
                members.push((gold.posts[i].event, outlet));
            }
        }
        members.sort_unstable();
        let groups: Vec<(u32, u64)> = members
            .chunk_by(|a, b| a.0 == b.0)
            .map(|g| (g[0].0, g.len() as u64))
            .collect();
        for (i, (a, na)) in groups.iter().enumerate() {
            for (b, nb) in groups.iter().skip(i + 1) {
                let relation = |x: u32, y: u32| {
                    gold.events
                        .get(x as usize)
                        .filter(|e| e.of == Some(y))
                        .map(|e| e.kind.as_str())
                };
                let kind = relation(*a, *b)
                    .or_else(|| relation(*b, *a))
                    .unwrap_or("other");
                *wrong.entry(kind).or_insert(0) += na * nb;
            }
        }
        for group in members.chunk_by(|a, b| a.0 == b.0) {
            let all = pairs(group.len() as u64);
            let same_outlet: u64 = group
                .chunk_by(|a, b| a.1 == b.1)
                .map(|g| pairs(g.len() as u64))
                .sum();
            true_pairs += all;
            true_cross += all - same_outlet;
        }
    }
    // Gold pairs across documents that name different outlets (what an outlet prior allows).
    let mut by_event: Vec<(u32, &str)> = gold
        .posts
        .iter()
        .zip(&outlet_of)
        .map(|(p, o)| (p.event, o.unwrap_or("")))
        .collect();
    by_event.sort_unstable();
    let gold_cross: u64 = by_event
        .chunk_by(|a, b| a.0 == b.0)
        .map(|g| {
            pairs(g.len() as u64)
                - g.chunk_by(|a, b| a.1 == b.1)
                    .map(|s| pairs(s.len() as u64))
                    .sum::<u64>()
        })
        .sum();
    // Missed gold pairs by the time between the two reports: where recall is lost.
    let mut event_of: HashMap<&str, usize> = HashMap::new();
    for (k, event) in merged.events.iter().enumerate() {
        for id in &event.posts {
            event_of.insert(id.as_str(), k);
        }
    }
    let minute = |i: usize| {
        chrono::DateTime::parse_from_rfc3339(&gold.posts[i].utc).map_or(0, |t| t.timestamp() / 60)
    };
    let mut members_of: HashMap<u32, Vec<usize>> = HashMap::new();
    for (i, p) in gold.posts.iter().enumerate() {
        members_of.entry(p.event).or_default().push(i);
    }
    let buckets = ["< 30 min", "30 min - 3 h", "3 h - 10 h", ">= 10 h"];
    let (mut gold_by_gap, mut missed_by_gap) = ([0u64; 4], [0u64; 4]);
    for posts_of_event in members_of.values() {
        for (x, &a) in posts_of_event.iter().enumerate() {
            for &b in posts_of_event.iter().skip(x + 1) {
                let gap = (minute(a) - minute(b)).abs();
                let bucket = match gap {
                    0..30 => 0,
                    30..180 => 1,
                    180..600 => 2,
                    _ => 3,
                };
                gold_by_gap[bucket] += 1;
                let of_a = event_of.get(gold.posts[a].id.as_str());
                let together = of_a.is_some() && of_a == event_of.get(gold.posts[b].id.as_str());
                if !together {
                    missed_by_gap[bucket] += 1;
                }
            }
        }
    }
    let missed: Vec<String> = buckets
        .iter()
        .zip(gold_by_gap.iter().zip(&missed_by_gap))
        .map(|(name, (all, miss))| format!("{name}: {miss} of {all}"))
        .collect();
    eprintln!(
        "gold pairs missed, by the time between the reports: {}",
        missed.join("; ")
    );
    let ratio = |a: u64, b: u64| {
        if b == 0 {
            f64::NAN
        } else {
            a as f64 / b as f64
        }
    };
    let precision = ratio(true_pairs, predicted);
    let recall = ratio(true_pairs, gold.pairs);
    let recall_cross = ratio(true_cross, gold_cross);
    eprintln!(
        "merge: median {merge_s:.3} s of {runs} ({:.0} posts/s), {merge_cpu_s:.2} s of CPU a run, {} events; peak RSS {:.0} MiB{}; precision {precision:.3}, recall {recall:.3} (cross-outlet {recall_cross:.3}) over {} gold pairs",
        posts as f64 / merge_s.max(1e-9),
        merged.events.len(),
        rss_peak_kib as f64 / 1024.0,
        if reset {
            ""
        } else {
            " (process peak: the reset was refused)"
        },
        gold.pairs
    );
    let wrong_of = |kind: &str| wrong.get(kind).copied().unwrap_or(0);
    let (wq, wa, ws, wo) = (
        wrong_of("same-quote"),
        wrong_of("same-actor"),
        wrong_of("sibling-org"),
        wrong_of("other"),
    );
    eprintln!(
        "pairs wrongly merged: {wq} same-quote distractors, {wa} same-actor, {ws} sibling-org, {wo} unrelated"
    );
    eprintln!("output hash: {hash:016x}");
    println!(
        "posts={posts} documents={} bytes={bytes} read_s={read_s:.3} merge_s={merge_s:.4} merge_cpu_s={merge_cpu_s:.2} runs={runs} rss_read_kib={rss_read_kib} rss_peak_kib={rss_peak_kib} events={} gold_pairs={} pairs={predicted} true_pairs={true_pairs} precision={precision:.4} recall={recall:.4} recall_cross={recall_cross:.4} wrong_same_quote={wq} wrong_same_actor={wa} wrong_sibling_org={ws} wrong_other={wo} time_misses={time_misses} missing={missing} extra={extra} layout_misses={layout_misses} output_hash={hash:016x}",
        documents.len(),
        merged.events.len(),
        gold.pairs
    );
    Ok(())
}
