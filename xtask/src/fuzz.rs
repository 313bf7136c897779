//! `cargo xtask fuzz [--seconds N] [--runs N] [--no-trace-compares] [--corpus DIR] [TARGET...]
//! [-- LIBFUZZER_ARGS]`: runs the cargo-fuzz targets of `fuzz/` one after the other, each for N
//! seconds (60 by default) or, with `--runs`, until it has run N inputs (with no time limit unless
//! `--seconds` is also given), and reports how many inputs each ran. `--no-trace-compares` builds
//! without libFuzzer's comparison tracing: coverage guides the mutations a little less well, but
//! the regex engines compare so often that a target then runs several times as many inputs a
//! second, which is what a long campaign wants.
//!
//! Two corpora a target: the minimised one committed in `fuzz/corpus/TARGET/` (a few hundred
//! inputs that cover what the full one covers), and the full one, which grows with every run and
//! stays outside the repository, in `DIR/TARGET/`: `--corpus DIR`, else `$DATELINE_FUZZ_CORPUS`,
//! else `fuzz-corpus/` under the target directory (ignored by git). Each target runs as
//! `cargo +nightly fuzz run --sanitizer none TARGET FULL fuzz/corpus/TARGET -- -max_total_time=N
//! -print_final_stats=1`: libFuzzer reads both, so the committed set seeds the full one, and
//! writes what it finds to the first, so the repository only changes on purpose. No sanitizer:
//! the workspace forbids `unsafe`, and without one a target runs about twice as many inputs;
//! overflow checks and debug assertions stay on. A crash fails the task, naming the input
//! libFuzzer saved under `fuzz/artifacts/TARGET/`.
//!
//! `cargo xtask fuzz --minimise [--keep N] [--corpus DIR] [TARGET...]` rebuilds the committed set
//! from both corpora. libFuzzer's `-set_cover_merge=1`, with hit counts left out of the features
//! (`-use_counters=0`, so a feature is an edge of the code), records every input's features;
//! inputs are then taken greedily, each the one that adds the most features not yet reached, up to
//! N (300 by default). The whole cover takes from about 400 (`stamps`) to 1,100 (`html_page`)
//! inputs, most of its tail adding one or two edges each: the first 300 reach 92 to 99% of the
//! features of the full corpus, and the fuzzer finds the rest again in its first minutes. Inputs
//! that crash a target are named, and left out. What is dropped stays in the full corpus.

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

pub(crate) const USAGE: &str = "usage: cargo xtask fuzz [--seconds N] [--runs N] [--no-trace-compares] [--corpus DIR] [--minimise [--keep N]] [TARGET...] [-- LIBFUZZER_ARGS]";

/// How long each target runs, and how it is built.
struct Limits {
    /// `-max_total_time`, when set.
    seconds: Option<u64>,
    /// `-runs`, when set.
    runs: Option<u64>,
    no_trace_compares: bool,
}

/// What one target's run reported.
struct Run {
    target: String,
    executions: Option<u64>,
    seconds: f64,
    crash: Option<String>,
}

pub(crate) fn fuzz(root: &Path, args: &[String]) -> Result<(), String> {
    let mut limits = Limits {
        seconds: None,
        runs: None,
        no_trace_compares: false,
    };
    let mut targets = Vec::new();
    let mut extra = Vec::new();
    let mut corpus: Option<PathBuf> = None;
    let mut minimise = false;
    let mut keep = 300;
    let mut i = 0;
    let number = |i: usize, flag: &str| -> Result<u64, String> {
        let value = args
            .get(i + 1)
            .ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))?;
        value
            .parse()
            .map_err(|_| format!("{flag} takes a whole number, not `{value}`"))
    };
    while let Some(arg) = args.get(i) {
        match arg.as_str() {
            "--seconds" => {
                limits.seconds = Some(number(i, "--seconds")?);
                i += 1;
            }
            "--runs" => {
                limits.runs = Some(number(i, "--runs")?);
                i += 1;
            }
            "--no-trace-compares" => limits.no_trace_compares = true,
            "--minimise" => minimise = true,
            "--keep" => {
                keep = usize::try_from(number(i, "--keep")?).unwrap_or(usize::MAX);
                i += 1;
            }
            "--corpus" => {
                let dir = args
                    .get(i + 1)
                    .ok_or_else(|| format!("--corpus needs a directory\n{USAGE}"))?;
                corpus = Some(PathBuf::from(dir));
                i += 1;
            }
            "--" => {
                extra.extend(args.iter().skip(i + 1).cloned());
                break;
            }
            flag if flag.starts_with('-') => return Err(format!("unknown flag `{flag}`\n{USAGE}")),
            target => targets.push(target.to_owned()),
        }
        i += 1;
    }
    if limits.seconds.is_none() && limits.runs.is_none() {
        limits.seconds = Some(60);
    }
    let known = known_targets(root)?;
    if targets.is_empty() {
        targets.clone_from(&known);
    }
    if let Some(unknown) = targets.iter().find(|t| !known.contains(t)) {
        return Err(format!(
            "unknown fuzz target `{unknown}`; the targets are {}",
            known.join(", ")
        ));
    }

    let full = full_corpus(root, corpus);
    if minimise {
        for target in &targets {
            minimise_target(root, &full.join(target), target, keep, &extra)?;
        }
        return Ok(());
    }
    let mut runs = Vec::new();
    for target in &targets {
        let run = run_target(root, &full.join(target), target, &limits, &extra)?;
        let failed = run.crash.is_some();
        runs.push(run);
        if failed {
            break;
        }
    }

    println!(
        "xtask fuzz: {:<18} {:>14} {:>9}",
        "target", "executions", "seconds"
    );
    for run in &runs {
        let executions = run
            .executions
            .map_or_else(|| "?".to_owned(), |n| n.to_string());
        println!(
            "xtask fuzz: {:<18} {:>14} {:>9.0}",
            run.target, executions, run.seconds
        );
    }
    match runs
        .iter()
        .find_map(|r| r.crash.as_ref().map(|c| (&r.target, c)))
    {
        Some((target, crash)) => Err(format!(
            "fuzz target `{target}` crashed: {crash}; reproduce with \
             `cargo +nightly fuzz run --sanitizer none {target} ARTIFACT`, fix it in the library \
             and add the input as a regression test beside the code"
        )),
        None => Ok(()),
    }
}

/// The `[[bin]]` names of `fuzz/Cargo.toml`, in order.
fn known_targets(root: &Path) -> Result<Vec<String>, String> {
    let manifest = fs::read_to_string(root.join("fuzz").join("Cargo.toml"))
        .map_err(|e| format!("cannot read fuzz/Cargo.toml: {e}"))?;
    let mut names = Vec::new();
    let mut in_bin = false;
    for line in manifest.lines().map(str::trim) {
        if line.starts_with('[') {
            in_bin = line == "[[bin]]";
        } else if in_bin
            && let Some(value) = line.strip_prefix("name").map(str::trim_start)
            && let Some(value) = value.strip_prefix('=')
        {
            names.push(value.trim().trim_matches('"').to_owned());
        }
    }
    if names.is_empty() {
        return Err("fuzz/Cargo.toml names no [[bin]] targets".to_owned());
    }
    Ok(names)
}

/// Where the full corpora live: `--corpus`, `$DATELINE_FUZZ_CORPUS`, or `fuzz-corpus/` under the
/// target directory; a relative path is taken from the repository's root.
fn full_corpus(root: &Path, flag: Option<PathBuf>) -> PathBuf {
    let dir = flag
        .or_else(|| std::env::var_os("DATELINE_FUZZ_CORPUS").map(PathBuf::from))
        .unwrap_or_else(|| crate::synth::target_dir(root).join("fuzz-corpus"));
    if dir.is_absolute() {
        dir
    } else {
        root.join(dir)
    }
}

/// The minimised corpus of `target`, committed in the repository.
fn committed_corpus(root: &Path, target: &str) -> PathBuf {
    root.join("fuzz").join("corpus").join(target)
}

/// The arguments of libFuzzer's merge that records every input's edges.
const MERGE: [&str; 2] = ["-set_cover_merge=1", "-use_counters=0"];

/// Rebuilds the committed corpus of `target` from it and the full one (see the module's
/// documentation); the full corpus keeps every input.
fn minimise_target(
    root: &Path,
    full: &Path,
    target: &str,
    keep: usize,
    extra: &[String],
) -> Result<(), String> {
    let committed = committed_corpus(root, target);
    let work = crate::synth::target_dir(root)
        .join("fuzz-minimise")
        .join(target);
    let (merged, control) = (work.join("merged"), work.join("control.txt"));
    if work.exists() {
        fs::remove_dir_all(&work).map_err(|e| format!("cannot remove {}: {e}", work.display()))?;
    }
    for dir in [&merged, full] {
        fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    // Everything committed is kept in the full corpus too, so nothing left out is lost.
    copy_files(&committed, full)?;
    let mut args: Vec<String> = ["+nightly", "fuzz", "run", "--sanitizer", "none", target]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
    args.push(merged.display().to_string());
    args.push(full.display().to_string());
    args.push("--".to_owned());
    args.extend(MERGE.iter().map(|s| (*s).to_owned()));
    args.push(format!("-merge_control_file={}", control.display()));
    args.extend(extra.iter().cloned());
    println!("xtask fuzz: cargo {}", args.join(" "));
    let status = Command::new("cargo")
        .args(&args)
        .current_dir(root)
        .status()
        .map_err(|e| format!("cannot run cargo +nightly fuzz (is cargo-fuzz installed?): {e}"))?;
    if !status.success() {
        return Err(format!(
            "the merge of fuzz target `{target}` failed ({status}); the committed corpus is unchanged"
        ));
    }
    let record =
        fs::File::open(&control).map_err(|e| format!("cannot read {}: {e}", control.display()))?;
    let record = read_control(BufReader::new(record))
        .map_err(|e| format!("cannot read {}: {e}", control.display()))?;
    let cover = greedy_cover(&record.features, keep);
    if cover.chosen.is_empty() {
        return Err(format!(
            "the merge of fuzz target `{target}` kept no input; the committed corpus is unchanged"
        ));
    }
    let fresh = work.join("committed");
    fs::create_dir_all(&fresh).map_err(|e| format!("cannot create {}: {e}", fresh.display()))?;
    for &i in &cover.chosen {
        let Some(path) = record.files.get(i) else {
            continue;
        };
        let path = Path::new(path);
        if let Some(name) = path.file_name() {
            fs::copy(path, fresh.join(name))
                .map_err(|e| format!("cannot copy {}: {e}", path.display()))?;
        }
    }
    if committed.exists() {
        fs::remove_dir_all(&committed)
            .map_err(|e| format!("cannot remove {}: {e}", committed.display()))?;
    }
    fs::create_dir_all(&committed)
        .map_err(|e| format!("cannot create {}: {e}", committed.display()))?;
    copy_files(&fresh, &committed)?;
    let percent = |n: usize| 100.0 * n as f64 / cover.total.max(1) as f64;
    println!(
        "xtask fuzz: {target}: {} of {} inputs committed, reaching {} of the {} coverage features of all \
         ({:.1}%; the whole cover takes {} inputs); the full corpus, {}, keeps every input",
        cover.chosen.len(),
        record.files.len(),
        cover.reached,
        cover.total,
        percent(cover.reached),
        cover.whole,
        full.display()
    );
    for i in record.crashed() {
        if let Some(path) = record.files.get(i) {
            println!("xtask fuzz: {target}: left out, as it crashes the target: {path}");
        }
    }
    Ok(())
}

/// What libFuzzer's merge control file records: the inputs, and the features of each that it ran
/// to the end (`FT` lines, whole under `-set_cover_merge`).
#[derive(Debug, Default)]
struct Control {
    files: Vec<String>,
    started: Vec<usize>,
    features: Vec<(usize, Vec<u32>)>,
}

impl Control {
    /// The inputs that were started and never finished: those that crashed the target.
    fn crashed(&self) -> Vec<usize> {
        let finished: std::collections::HashSet<usize> =
            self.features.iter().map(|(i, _)| *i).collect();
        self.started
            .iter()
            .copied()
            .filter(|i| !finished.contains(i))
            .collect()
    }
}

/// Reads a merge control file: the number of inputs, the number of those in the first directory,
/// the inputs' paths, then `STARTED i size`, `FT i f...` and `COV i pc...` lines.
fn read_control(reader: impl BufRead) -> std::io::Result<Control> {
    let mut lines = reader.lines();
    let mut next = || lines.next().transpose();
    let count: usize = next()?.and_then(|l| l.trim().parse().ok()).unwrap_or(0);
    let _first_dir = next()?;
    let mut control = Control::default();
    for _ in 0..count {
        match next()? {
            Some(path) => control.files.push(path),
            None => return Ok(control),
        }
    }
    while let Some(line) = next()? {
        let mut words = line.split_ascii_whitespace();
        let kind = words.next();
        let Some(index) = words.next().and_then(|w| w.parse::<usize>().ok()) else {
            continue;
        };
        match kind {
            Some("STARTED") => control.started.push(index),
            Some("FT") => {
                let features = words.filter_map(|w| w.parse().ok()).collect();
                control.features.push((index, features));
            }
            _ => {}
        }
    }
    Ok(control)
}

/// The inputs chosen for a corpus: at most `keep` of them, each in turn the one that adds the
/// most features not yet reached (lazily re-scored), with what they reach of the features of all.
#[derive(Debug, PartialEq)]
struct Cover {
    chosen: Vec<usize>,
    reached: usize,
    total: usize,
    /// How many inputs the whole cover takes.
    whole: usize,
}

fn greedy_cover(features: &[(usize, Vec<u32>)], keep: usize) -> Cover {
    use std::cmp::Reverse;
    use std::collections::{BinaryHeap, HashSet};
    let total = features
        .iter()
        .flat_map(|(_, f)| f.iter().copied())
        .collect::<HashSet<u32>>()
        .len();
    let mut covered: HashSet<u32> = HashSet::new();
    // (gain when last scored, the smaller input first among equals, its place in `features`)
    let mut heap: BinaryHeap<(usize, Reverse<usize>, usize)> = features
        .iter()
        .enumerate()
        .map(|(k, (i, f))| (f.len(), Reverse(*i), k))
        .collect();
    let mut chosen = Vec::new();
    let (mut whole, mut reached) = (0, 0);
    while let Some((stale, order, k)) = heap.pop() {
        let Some((index, f)) = features.get(k) else {
            continue;
        };
        let gain = f.iter().filter(|x| !covered.contains(x)).count();
        if gain == 0 {
            continue;
        }
        if gain < stale && heap.peek().is_some_and(|(next, _, _)| *next > gain) {
            heap.push((gain, order, k));
            continue;
        }
        whole += 1;
        covered.extend(f.iter().copied());
        if chosen.len() < keep {
            chosen.push(*index);
            reached = covered.len();
        }
    }
    Cover {
        chosen,
        reached,
        total,
        whole,
    }
}

/// Copies the files of `from` (if it exists) into `to`, and gives how many `from` holds.
fn copy_files(from: &Path, to: &Path) -> Result<usize, String> {
    let Ok(entries) = fs::read_dir(from) else {
        return Ok(0);
    };
    let mut n = 0;
    for entry in entries {
        let entry = entry.map_err(|e| format!("cannot read {}: {e}", from.display()))?;
        let path = entry.path();
        if path.is_file() {
            let into = to.join(entry.file_name());
            fs::copy(&path, &into).map_err(|e| {
                format!("cannot copy {} to {}: {e}", path.display(), into.display())
            })?;
            n += 1;
        }
    }
    Ok(n)
}

fn run_target(
    root: &Path,
    full: &Path,
    target: &str,
    limits: &Limits,
    extra: &[String],
) -> Result<Run, String> {
    fs::create_dir_all(full).map_err(|e| format!("cannot create {}: {e}", full.display()))?;
    let corpus = committed_corpus(root, target);
    let mut args: Vec<String> = ["+nightly", "fuzz", "run", "--sanitizer", "none"]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
    if limits.no_trace_compares {
        args.push("--no-trace-compares".to_owned());
    }
    args.push(target.to_owned());
    args.push(full.display().to_string());
    if corpus.is_dir() {
        args.push(corpus.display().to_string());
    }
    args.push("--".to_owned());
    if let Some(seconds) = limits.seconds {
        args.push(format!("-max_total_time={seconds}"));
    }
    if let Some(runs) = limits.runs {
        args.push(format!("-runs={runs}"));
    }
    args.push("-print_final_stats=1".to_owned());
    args.extend(extra.iter().cloned());
    println!("xtask fuzz: cargo {}", args.join(" "));

    let started = Instant::now();
    // The rustup proxy, not $CARGO: `+nightly` picks the toolchain cargo-fuzz needs.
    let mut child = Command::new("cargo")
        .args(&args)
        .current_dir(root)
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run cargo +nightly fuzz (is cargo-fuzz installed?): {e}"))?;
    let mut executions = None;
    let mut done = None;
    let mut crash = None;
    let mut deadly = None;
    // Stopped by Ctrl-C (SIGINT): the counts so far stand, and nothing crashed.
    let mut interrupted = false;
    if let Some(stderr) = child.stderr.take() {
        for line in BufReader::new(stderr).lines() {
            let Ok(line) = line else { break };
            eprintln!("{line}");
            if let Some(n) = line.strip_prefix("stat::number_of_executed_units:") {
                executions = n.trim().parse().ok();
            } else if let Some(n) = done_runs(&line) {
                done = Some(n);
            } else if let Some(path) = line.split("Test unit written to ").nth(1) {
                crash = Some(path.trim().to_owned());
            } else if line.starts_with("==") && line.contains("ERROR: libFuzzer: ") {
                deadly = line.split("ERROR: libFuzzer: ").nth(1).map(str::to_owned);
            } else if line.starts_with("==") && line.contains("libFuzzer: run interrupted") {
                interrupted = true;
            }
        }
    }
    let status = child
        .wait()
        .map_err(|e| format!("cannot wait for cargo fuzz: {e}"))?;
    let seconds = started.elapsed().as_secs_f64();
    let executions = executions.or(done);
    if !status.success() && crash.is_none() && !interrupted {
        crash =
            Some(deadly.unwrap_or_else(|| format!("cargo fuzz run {target} failed ({status})")));
    } else if let (Some(path), Some(kind)) = (&crash, deadly) {
        crash = Some(format!("{kind}, input saved to {path}"));
    }
    Ok(Run {
        target: target.to_owned(),
        executions,
        seconds,
        crash,
    })
}

/// The N of libFuzzer's closing lines, `#N DONE ...` and `Done N runs in S second(s)`.
fn done_runs(line: &str) -> Option<u64> {
    if let Some(rest) = line.strip_prefix('#') {
        let (n, after) = rest.split_once(|c: char| c.is_ascii_whitespace())?;
        return after
            .trim_start()
            .starts_with("DONE")
            .then(|| n.parse().ok())?;
    }
    let rest = line.strip_prefix("Done ")?;
    let (n, after) = rest.split_once(' ')?;
    after.starts_with("runs in").then(|| n.parse().ok())?
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_closing_line_gives_the_runs() {
        assert_eq!(
            done_runs("Done 1234567 runs in 61 second(s)"),
            Some(1_234_567)
        );
        assert_eq!(done_runs("#1234567\tDONE   cov: 1 ft: 2"), Some(1_234_567));
        assert_eq!(done_runs("#1024\tpulse  cov: 1 ft: 2"), None);
    }

    #[test]
    fn the_control_file_gives_each_inputs_features_and_the_inputs_that_crashed() {
        let text = "4\n0\n/c/a\n/c/b\n/c/c\n/c/d\nSTARTED 0 10\nFT 0 1 2 3\nCOV 0 7\n\
                    STARTED 1 20\nSTARTED 2 5\nFT 2 3 4\nCOV 2 8\nSTARTED 3 9\nFT 3 1\n";
        let control = read_control(text.as_bytes()).expect("read");
        assert_eq!(control.files, ["/c/a", "/c/b", "/c/c", "/c/d"]);
        assert_eq!(control.crashed(), [1]);
        assert_eq!(
            control.features,
            [(0, vec![1, 2, 3]), (2, vec![3, 4]), (3, vec![1])]
        );
    }

    #[test]
    fn the_cover_takes_the_input_that_adds_most_first_and_stops_at_the_limit() {
        let features = vec![
            (0, vec![1, 2]),
            (1, vec![1, 2, 3, 4]),
            (2, vec![4, 5, 6]),
            (3, vec![7]),
            (4, vec![1]),
        ];
        assert_eq!(
            greedy_cover(&features, 10),
            Cover {
                chosen: vec![1, 2, 3],
                reached: 7,
                total: 7,
                whole: 3
            }
        );
        assert_eq!(
            greedy_cover(&features, 2),
            Cover {
                chosen: vec![1, 2],
                reached: 6,
                total: 7,
                whole: 3
            }
        );
    }

    #[test]
    fn the_full_corpus_given_by_flag_is_taken_from_the_root_when_relative() {
        let root = Path::new("/repo");
        assert_eq!(
            full_corpus(root, Some(PathBuf::from("corpora"))),
            Path::new("/repo/corpora")
        );
        assert_eq!(
            full_corpus(root, Some(PathBuf::from("/var/fuzz"))),
            Path::new("/var/fuzz")
        );
    }
}
