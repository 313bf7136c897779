//! `cargo xtask fuzz [--seconds N] [--runs N] [--no-trace-compares] [TARGET...] [-- LIBFUZZER_ARGS]`:
//! runs the cargo-fuzz targets of `fuzz/` one after the other, each for N seconds (60 by default)
//! or, with `--runs`, until it has run N inputs (with no time limit unless `--seconds` is also
//! given), and reports how many inputs each ran. `--no-trace-compares` builds without libFuzzer's
//! comparison tracing: coverage guides the mutations a little less well, but the regex engines
//! compare so often that a target then runs several times as many inputs a second, which is what
//! a long campaign wants.
//!
//! Each target runs as `cargo +nightly fuzz run --sanitizer none TARGET SCRATCH fuzz/corpus/TARGET
//! -- -max_total_time=N -print_final_stats=1`: the committed corpus seeds the run, and what the run
//! finds goes to a scratch directory under the target directory, so the committed corpus only
//! changes on purpose (`cargo fuzz cmin`). No sanitizer: the workspace forbids `unsafe`, and
//! without one a target runs about twice as many inputs; overflow checks and debug assertions stay
//! on. A crash fails the task, naming the input libFuzzer saved under `fuzz/artifacts/TARGET/`.

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

pub(crate) const USAGE: &str = "usage: cargo xtask fuzz [--seconds N] [--runs N] [--no-trace-compares] [TARGET...] [-- LIBFUZZER_ARGS]";

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

    let scratch = crate::synth::target_dir(root).join("fuzz-corpus");
    let mut runs = Vec::new();
    for target in &targets {
        let run = run_target(root, &scratch.join(target), target, &limits, &extra)?;
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
        } else if in_bin {
            if let Some(value) = line.strip_prefix("name").map(str::trim_start) {
                if let Some(value) = value.strip_prefix('=') {
                    names.push(value.trim().trim_matches('"').to_owned());
                }
            }
        }
    }
    if names.is_empty() {
        return Err("fuzz/Cargo.toml names no [[bin]] targets".to_owned());
    }
    Ok(names)
}

fn run_target(
    root: &Path,
    scratch: &Path,
    target: &str,
    limits: &Limits,
    extra: &[String],
) -> Result<Run, String> {
    fs::create_dir_all(scratch).map_err(|e| format!("cannot create {}: {e}", scratch.display()))?;
    let corpus = root.join("fuzz").join("corpus").join(target);
    let mut args: Vec<String> = ["+nightly", "fuzz", "run", "--sanitizer", "none"]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
    if limits.no_trace_compares {
        args.push("--no-trace-compares".to_owned());
    }
    args.push(target.to_owned());
    args.push(scratch.display().to_string());
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
}
