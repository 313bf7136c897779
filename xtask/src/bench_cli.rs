//! `cargo xtask bench --cli`: the whole `dateline` binary on generated corpora of about 10 MB,
//! 100 MB and 1 GB, against the physical floor (a ripgrep scan of the same bytes for
//! timestamp-like lines) and the peers (chrono-node and Python's dateparser on the same text),
//! with a section written to `docs/performance.md`.
//!
//! Every figure is the median of several runs of a child process: wall time from this process,
//! CPU time and peak RSS from GNU `time` (`/usr/bin/time -f`) when it is there. Nothing here asserts
//! a time; the targets of issue 8 are compared in the table, met or missed by how much.
//!
//! ripgrep, chrono-node and dateparser are looked for on `PATH` and in `bench-tools/` under the
//! target directory; `--peers` installs the missing ones there (`cargo install ripgrep`,
//! `npm install chrono-node`, `pip install dateparser` into a venv). A tool that is not installed
//! is reported as such, and the bench goes on without it.

use std::ffi::OsString;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use dateline_synth::Spec;

use crate::synth;

/// The sizes measured when `--sizes` is not given.
const SIZES: &[u64] = &[10_000_000, 100_000_000, 1_000_000_000];

/// Outlets of every corpus: eight of each layout.
const OUTLETS: usize = 24;

/// The seed of every corpus.
const SEED: u64 = 1;

/// Posts of the corpus that measures the generator's bytes per post.
const CALIBRATION_POSTS: usize = 20_000;

/// Runs of the start-up measure.
const STARTUP_RUNS: usize = 21;

/// The text chrono-node reads from the corpus, and the (smaller) text dateparser reads.
const CHRONO_SLICE: u64 = 10_000_000;
const DATEPARSER_SLICE: u64 = 1_000_000;

/// What dateline's warm pass reads at least, repeated, in bytes.
const REPEATED_BYTES: u64 = 2_000_000;

/// The fewest repeats of dateline's warm pass: the difference of two medians of one repeat was
/// within the noise of this machine (0.16 s a pass over 10 MB where three repeats gave 0.34 s).
const MIN_REPEATS: usize = 3;

/// The physical floor: lines that look like a time or a date.
const FLOOR_REGEX: &str = "[0-9]{1,2}[:.][0-9]{2}|[0-9]{4} GMT|(January|February|March|April|May|June|July|August|September|October|November|December) [0-9]{1,2}";

/// What GNU `time` writes: elapsed, user and system seconds, peak RSS in KiB.
const TIME_FORMAT: &str = "%e %U %S %M";

/// What `cargo xtask bench --cli` was asked for.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct Options {
    /// Corpus sizes in bytes (`--sizes 10mb,100mb,1gb`).
    pub sizes: Option<Vec<u64>>,
    /// Runs of each command (`--runs N`); by default 3, and 1 from 1 GB up.
    pub runs: Option<usize>,
    /// Install the missing peers and ripgrep (`--peers`).
    pub peers: bool,
    /// 10 MB only (`--quick`).
    pub quick: bool,
}

/// Reads `--cli [--quick] [--sizes 10mb,100mb,1gb] [--runs N] [--peers]`.
pub(crate) fn flags(args: &[String]) -> Result<Options, String> {
    let usage = crate::bench::USAGE;
    let mut options = Options::default();
    let mut i = 0;
    while let Some(arg) = args.get(i) {
        match arg.as_str() {
            "--cli" => {}
            "--peers" => options.peers = true,
            "--quick" => options.quick = true,
            "--runs" => {
                let n = args
                    .get(i + 1)
                    .and_then(|n| n.parse::<usize>().ok())
                    .filter(|n| *n > 0)
                    .ok_or_else(|| format!("--runs needs a number from 1 up\n{usage}"))?;
                options.runs = Some(n);
                i += 1;
            }
            "--sizes" => {
                let list = args
                    .get(i + 1)
                    .ok_or_else(|| format!("--sizes needs a list\n{usage}"))?;
                let sizes = list
                    .split(',')
                    .map(parse_size)
                    .collect::<Result<Vec<u64>, String>>()?;
                options.sizes = Some(sizes);
                i += 1;
            }
            other => return Err(format!("`{other}` does not go with --cli\n{usage}")),
        }
        i += 1;
    }
    Ok(options)
}

/// `10mb`, `100MB`, `1gb`, `1.5gb`, `500kb` or a number of bytes; units are decimal (1 MB is
/// 1,000,000 bytes), as MB/s is.
pub(crate) fn parse_size(text: &str) -> Result<u64, String> {
    let s = text.trim().to_ascii_lowercase().replace('_', "");
    let (number, unit) = [("gb", 1e9), ("mb", 1e6), ("kb", 1e3), ("b", 1.0)]
        .iter()
        .find_map(|(suffix, unit)| s.strip_suffix(suffix).map(|n| (n.to_owned(), *unit)))
        .unwrap_or((s.clone(), 1.0));
    match number.trim().parse::<f64>() {
        Ok(n) if n.is_finite() && n * unit >= 1_000.0 => Ok((n * unit).round() as u64),
        _ => Err(format!(
            "--sizes takes sizes like 10mb,100mb,1gb (at least 1kb), not `{text}`"
        )),
    }
}

/// Sizes for the table: `10 MB`, `1 GB`, `2.5 GB`.
fn size_label(bytes: u64) -> String {
    let (n, unit) = if bytes >= 1_000_000_000 {
        (bytes as f64 / 1e9, "GB")
    } else if bytes >= 1_000_000 {
        (bytes as f64 / 1e6, "MB")
    } else {
        (bytes as f64 / 1e3, "kB")
    };
    if (n - n.round()).abs() < 0.05 {
        format!("{n:.0} {unit}")
    } else {
        format!("{n:.1} {unit}")
    }
}

/// The last line GNU `time -f '%e %U %S %M'` wrote (a failed command adds a line before it):
/// elapsed seconds, CPU seconds (user + system) and peak RSS in KiB.
fn parse_time_report(text: &str) -> Option<(f64, f64, u64)> {
    let line = text.lines().rev().find(|l| !l.trim().is_empty())?;
    let fields: Vec<&str> = line.split_whitespace().collect();
    match fields.as_slice() {
        [elapsed, user, system, rss] => Some((
            elapsed.parse().ok()?,
            user.parse::<f64>().ok()? + system.parse::<f64>().ok()?,
            rss.parse().ok()?,
        )),
        _ => None,
    }
}

/// The sum of `rg --count --no-filename` output: one count per file.
fn sum_counts(stdout: &str) -> u64 {
    stdout
        .lines()
        .filter_map(|l| l.trim().parse::<u64>().ok())
        .sum()
}

/// `key=value` pairs of a peer script's line.
fn field(line: &str, key: &str) -> Option<f64> {
    line.split_whitespace()
        .filter_map(|kv| kv.split_once('='))
        .find(|(k, _)| *k == key)
        .and_then(|(_, v)| v.parse().ok())
}

fn median(values: &[f64]) -> f64 {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    match v.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

/// The one-minute load average, from `/proc/loadavg`.
fn load_average() -> Option<f64> {
    fs::read_to_string("/proc/loadavg")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

/// A program on `PATH`.
fn which(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
}

/// One command, measured.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Measured {
    pub(crate) runs: usize,
    /// Median wall time in seconds.
    pub(crate) wall: f64,
    /// Median user + system CPU seconds, when GNU `time` is there.
    pub(crate) cpu: Option<f64>,
    /// The largest peak RSS of the runs in KiB, when GNU `time` is there.
    pub(crate) rss_kib: Option<u64>,
}

/// Runs children and measures them.
pub(crate) struct Timer {
    /// GNU `time`, if it works here.
    time: Option<PathBuf>,
    /// Where GNU `time` writes its report.
    report: PathBuf,
    /// The load average before each measured run.
    loads: Vec<f64>,
}

impl Timer {
    pub(crate) fn new(scratch: &Path) -> Timer {
        let report = scratch.join("time-report.txt");
        let time = Path::new("/usr/bin/time");
        let works = Command::new(time)
            .args(["-f", TIME_FORMAT, "-o"])
            .arg(&report)
            .args(["--", "true"])
            .status()
            .is_ok_and(|s| s.success())
            && fs::read_to_string(&report)
                .ok()
                .and_then(|t| parse_time_report(&t))
                .is_some();
        Timer {
            time: works.then(|| time.to_path_buf()),
            report,
            loads: Vec::new(),
        }
    }

    /// Runs `program args` once; returns the sample and its standard output. `no_match_ok`
    /// accepts exit code 1 (ripgrep's "no match").
    pub(crate) fn once(
        &mut self,
        program: &Path,
        args: &[OsString],
        env: &[(&str, &str)],
        no_match_ok: bool,
    ) -> Result<(Measured, String), String> {
        if let Some(load) = load_average() {
            self.loads.push(load);
        }
        let mut command = match &self.time {
            Some(time) => {
                let mut c = Command::new(time);
                c.args(["-f", TIME_FORMAT, "-o"])
                    .arg(&self.report)
                    .arg("--")
                    .arg(program);
                c
            }
            None => Command::new(program),
        };
        command
            .args(args)
            .envs(env.iter().copied())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit());
        let start = Instant::now();
        let output = command
            .output()
            .map_err(|e| format!("cannot run {}: {e}", program.display()))?;
        let wall = start.elapsed().as_secs_f64();
        let ok = output.status.success() || (no_match_ok && output.status.code() == Some(1));
        if !ok {
            return Err(format!(
                "{} {} failed: {}",
                program.display(),
                args.iter()
                    .take(4)
                    .map(|a| a.to_string_lossy())
                    .collect::<Vec<_>>()
                    .join(" "),
                output.status
            ));
        }
        let report = match &self.time {
            Some(_) => fs::read_to_string(&self.report)
                .ok()
                .and_then(|t| parse_time_report(&t)),
            None => None,
        };
        let sample = Measured {
            runs: 1,
            wall,
            cpu: report.map(|r| r.1),
            rss_kib: report.map(|r| r.2),
        };
        Ok((sample, String::from_utf8_lossy(&output.stdout).into_owned()))
    }

    /// The median of `runs` runs (the peak RSS is the largest); the standard output of the last.
    fn measure(
        &mut self,
        runs: usize,
        program: &Path,
        args: &[OsString],
        env: &[(&str, &str)],
        no_match_ok: bool,
    ) -> Result<(Measured, String), String> {
        let mut samples = Vec::new();
        let mut stdout = String::new();
        for _ in 0..runs.max(1) {
            let (sample, out) = self.once(program, args, env, no_match_ok)?;
            samples.push(sample);
            stdout = out;
        }
        let walls: Vec<f64> = samples.iter().map(|s| s.wall).collect();
        let cpus: Option<Vec<f64>> = samples.iter().map(|s| s.cpu).collect();
        Ok((
            Measured {
                runs: samples.len(),
                wall: median(&walls),
                cpu: cpus.map(|c| median(&c)),
                rss_kib: samples.iter().filter_map(|s| s.rss_kib).max(),
            },
            stdout,
        ))
    }
}

/// A generated corpus on disk.
#[derive(Debug, Clone, PartialEq)]
struct Corpus {
    /// The size asked for, in bytes.
    asked: u64,
    dir: PathBuf,
    /// The pages in name order, as `dateline` reads a folder.
    pages: Vec<PathBuf>,
    bytes: u64,
    posts: usize,
}

impl Corpus {
    fn read(asked: u64, dir: PathBuf, posts: usize) -> Result<Corpus, String> {
        let mut pages: Vec<PathBuf> = fs::read_dir(&dir)
            .map_err(|e| format!("{}: {e}", dir.display()))?
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        pages.sort();
        let bytes = pages
            .iter()
            .filter_map(|p| fs::metadata(p).ok())
            .map(|m| m.len())
            .sum();
        Ok(Corpus {
            asked,
            dir,
            pages,
            bytes,
            posts,
        })
    }

    /// The first pages, in name order, that hold at least `bytes` bytes (all when fewer).
    fn slice(&self, bytes: u64) -> Vec<PathBuf> {
        let mut total = 0;
        let mut out = Vec::new();
        for page in &self.pages {
            if total >= bytes {
                break;
            }
            total += fs::metadata(page).map_or(0, |m| m.len());
            out.push(page.clone());
        }
        out
    }
}

/// The measures of one corpus.
#[derive(Debug, Clone, Default, PartialEq)]
struct SizeResult {
    label: String,
    bytes: u64,
    pages: usize,
    posts: usize,
    parse: Measured,
    timeline: Measured,
    rg_one: Option<Measured>,
    rg_all: Option<Measured>,
    rg_lines: Option<u64>,
}

/// One peer (or dateline) on one text.
#[derive(Debug, Clone, PartialEq)]
struct PeerResult {
    text: String,
    chars: usize,
    tool: &'static str,
    /// Seconds of the median pass, or why there is none.
    seconds: Result<f64, String>,
    found: Option<u64>,
}

/// Everything one run of the bench measured.
#[derive(Debug, Clone, PartialEq)]
struct Report {
    machine: String,
    timer: &'static str,
    loads: (f64, f64),
    sizes: Vec<SizeResult>,
    rg: Result<String, String>,
    peers: Vec<PeerResult>,
    /// Start-up: runs, median and fastest wall time, median CPU time (seconds).
    startup: Option<(usize, f64, f64, Option<f64>)>,
}

fn os(args: &[&str]) -> Vec<OsString> {
    args.iter().map(OsString::from).collect()
}

fn with_paths(mut args: Vec<OsString>, paths: &[PathBuf]) -> Vec<OsString> {
    args.extend(paths.iter().map(|p| p.as_os_str().to_owned()));
    args
}

/// Generates the corpus of `posts` posts (with the optimised generator) and reads its listing.
fn generate(root: &Path, asked: u64, posts: usize) -> Result<Corpus, String> {
    let dir = synth::generate_optimised(root, &Spec::new(posts, OUTLETS, SEED))?;
    Corpus::read(asked, dir, posts)
}

/// `n` rounded to three significant digits.
fn round3(n: f64) -> usize {
    if n < 1_000.0 {
        return n.round().max(1.0) as usize;
    }
    let scale = 10f64.powi(n.log10().floor() as i32 - 2);
    ((n / scale).round() * scale) as usize
}

/// The comparison tools under `bench-tools/` in the target directory.
struct Tools {
    dir: PathBuf,
    install: bool,
}

impl Tools {
    fn ripgrep(&self, root: &Path) -> Result<Result<PathBuf, String>, String> {
        if let Some(rg) = which("rg") {
            return Ok(Ok(rg));
        }
        let local = self.dir.join("bin").join("rg");
        if local.is_file() {
            return Ok(Ok(local));
        }
        if !self.install {
            return Ok(Err("not installed (`--peers` installs it)".to_owned()));
        }
        let dir = self.dir.to_string_lossy().into_owned();
        println!("xtask bench: installing ripgrep into {dir} (cargo install)");
        crate::cargo(
            root,
            &["install", "ripgrep", "--locked", "--quiet", "--root", &dir],
        )?;
        Ok(Ok(local))
    }

    /// `node` and the chrono-node script.
    fn chrono(&self) -> Result<Result<(PathBuf, PathBuf), String>, String> {
        let Some(node) = which("node") else {
            return Ok(Err("not installed (no `node`)".to_owned()));
        };
        let dir = self.dir.join("node");
        let package = dir.join("node_modules").join("chrono-node");
        if !package.is_dir() {
            if !self.install {
                return Ok(Err("not installed (`--peers` installs it)".to_owned()));
            }
            let npm = which("npm").ok_or("--peers needs `npm` to install chrono-node")?;
            fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            println!("xtask bench: installing chrono-node into {}", dir.display());
            let status = Command::new(npm)
                .args(["install", "--no-audit", "--no-fund", "--prefix"])
                .arg(&dir)
                .arg("chrono-node")
                .status()
                .map_err(|e| format!("cannot run npm: {e}"))?;
            if !status.success() {
                return Err("npm install chrono-node failed".to_owned());
            }
        }
        let script = dir.join("peer-chrono.js");
        fs::write(&script, CHRONO_SCRIPT).map_err(|e| format!("{}: {e}", script.display()))?;
        Ok(Ok((node, script)))
    }

    /// The venv's Python and the dateparser script.
    fn dateparser(&self) -> Result<Result<(PathBuf, PathBuf), String>, String> {
        let venv = self.dir.join("venv");
        let python = venv.join("bin").join("python");
        let has = |python: &Path| {
            Command::new(python)
                .args(["-c", "import dateparser"])
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success())
        };
        if !has(&python) {
            if !self.install {
                return Ok(Err("not installed (`--peers` installs it)".to_owned()));
            }
            let python3 = which("python3").ok_or("--peers needs `python3` for dateparser")?;
            println!("xtask bench: installing dateparser into {}", venv.display());
            let made = Command::new(python3)
                .args(["-m", "venv"])
                .arg(&venv)
                .status()
                .is_ok_and(|s| s.success());
            let installed = made
                && Command::new(venv.join("bin").join("pip"))
                    .args(["install", "--quiet", "dateparser"])
                    .status()
                    .is_ok_and(|s| s.success());
            if !installed || !has(&python) {
                return Err("installing dateparser into a venv failed".to_owned());
            }
        }
        let script = self.dir.join("peer-dateparser.py");
        fs::create_dir_all(&self.dir).map_err(|e| format!("{}: {e}", self.dir.display()))?;
        fs::write(&script, DATEPARSER_SCRIPT).map_err(|e| format!("{}: {e}", script.display()))?;
        Ok(Ok((python, script)))
    }
}

/// chrono-node over each file: one warm-up parse of the first file, then PASSES passes over all
/// files; prints the median pass and the dates found.
const CHRONO_SCRIPT: &str = r#"const chrono = require('chrono-node');
const fs = require('fs');
const [passes, ...files] = process.argv.slice(2);
const texts = files.map((f) => fs.readFileSync(f, 'utf8'));
chrono.parse(texts[0]);
const times = [];
let found = 0;
for (let p = 0; p < Number(passes); p++) {
  const start = process.hrtime.bigint();
  let n = 0;
  for (const t of texts) n += chrono.parse(t).length;
  times.push(Number(process.hrtime.bigint() - start) / 1e9);
  found = n;
}
times.sort((a, b) => a - b);
console.log(`seconds=${times[Math.floor(times.length / 2)]} found=${found}`);
"#;

/// dateparser's `search_dates` over each file, English only, the same passes.
const DATEPARSER_SCRIPT: &str = r#"import sys, time
from dateparser.search import search_dates
passes, files = int(sys.argv[1]), sys.argv[2:]
texts = [open(f, encoding="utf-8", errors="replace").read() for f in files]
search_dates(texts[0], languages=["en"])
times, found = [], 0
for _ in range(passes):
    start, n = time.perf_counter(), 0
    for t in texts:
        n += len(search_dates(t, languages=["en"]) or [])
    times.append(time.perf_counter() - start)
    found = n
times.sort()
print(f"seconds={times[len(times) // 2]} found={found}")
"#;

/// Runs a peer script and reads its `seconds=` and `found=`.
fn run_peer(
    program: &Path,
    script: &Path,
    passes: usize,
    files: &[PathBuf],
) -> Result<(f64, u64), String> {
    let output = Command::new(program)
        .arg(script)
        .arg(passes.to_string())
        .args(files)
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot run {}: {e}", program.display()))?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let line = stdout.lines().last().unwrap_or_default();
    match (output.status.success(), field(line, "seconds")) {
        (true, Some(seconds)) => Ok((seconds, field(line, "found").unwrap_or(0.0) as u64)),
        _ => Err(format!(
            "{} {} failed: {}",
            program.display(),
            script.display(),
            output.status
        )),
    }
}

fn chars(files: &[PathBuf]) -> usize {
    files
        .iter()
        .filter_map(|f| fs::read(f).ok())
        .map(|b| String::from_utf8_lossy(&b).chars().count())
        .sum()
}

pub(crate) fn run(root: &Path, options: &Options) -> Result<(), String> {
    let sizes: Vec<u64> = match (&options.sizes, options.quick) {
        (Some(s), _) => s.clone(),
        (None, true) => vec![SIZES[0]],
        (None, false) => SIZES.to_vec(),
    };
    let target = synth::target_dir(root);
    let scratch = target.join("bench-cli");
    fs::create_dir_all(&scratch).map_err(|e| format!("{}: {e}", scratch.display()))?;
    let tools = Tools {
        dir: target.join("bench-tools"),
        install: options.peers,
    };
    // Install first: a failed install stops the bench before the long runs.
    let rg = tools.ripgrep(root)?;
    let chrono = tools.chrono()?;
    let dateparser = tools.dateparser()?;

    crate::cargo(
        root,
        &["build", "--release", "-p", "dateline", "--bin", "dateline"],
    )?;
    crate::cargo(root, &["build", "--release", "-p", "xtask"])?;
    let dateline = target.join("release").join("dateline");

    // The generator's bytes per post, from a small corpus, sizes every corpus.
    let calibration = generate(root, 0, CALIBRATION_POSTS)?;
    let per_post = calibration.bytes as f64 / CALIBRATION_POSTS as f64;

    let mut timer = Timer::new(&scratch);
    let mut report = Report {
        machine: crate::bench::machine(),
        timer: if timer.time.is_some() {
            "GNU time"
        } else {
            "wall only: GNU time (/usr/bin/time) is missing"
        },
        loads: (f64::NAN, f64::NAN),
        sizes: Vec::new(),
        rg: rg.clone().map(|p| p.display().to_string()),
        peers: Vec::new(),
        startup: None,
    };
    let mut corpora = Vec::new();
    for &asked in &sizes {
        let corpus = generate(root, asked, round3(asked as f64 / per_post))?;
        let runs = options
            .runs
            .unwrap_or(if asked >= 1_000_000_000 { 1 } else { 3 });
        println!(
            "xtask bench: {}: {} pages, {} posts, {:.1} MB; {runs} run(s) of each command",
            size_label(asked),
            corpus.pages.len(),
            corpus.posts,
            corpus.bytes as f64 / 1e6
        );
        let result = measure_size(&mut timer, &dateline, rg.as_ref().ok(), &corpus, runs)?;
        println!(
            "xtask bench: {}: parse {:.3} s, timeline {:.3} s",
            result.label, result.parse.wall, result.timeline.wall
        );
        report.sizes.push(result);
        corpora.push(corpus);
    }

    let seeds: Vec<PathBuf> = {
        let mut s: Vec<PathBuf> = fs::read_dir(root.join("seeds"))
            .map_err(|e| format!("seeds/: {e}"))?
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        s.sort();
        s
    };
    let mut texts = vec![Text {
        name: format!("the five seeds ({} B)", grouped_u(bytes_of(&seeds))),
        files: seeds.clone(),
        passes: options.runs.unwrap_or(3).max(3),
        chrono: true,
        dateparser: true,
    }];
    if let Some(corpus) = corpora.iter().min_by_key(|c| c.bytes) {
        for (bytes, chrono) in [(CHRONO_SLICE, true), (DATEPARSER_SLICE, false)] {
            let files = corpus.slice(bytes);
            texts.push(Text {
                name: format!(
                    "{} of the {} corpus ({} pages)",
                    size_label(bytes_of(&files)),
                    size_label(corpus.asked),
                    files.len()
                ),
                files,
                passes: 1,
                chrono,
                dateparser: !chrono,
            });
        }
    }
    let runs = options.runs.unwrap_or(3);
    for text in &texts {
        let results = measure_peers(&mut timer, &dateline, text, runs, &chrono, &dateparser)?;
        report.peers.extend(results);
    }
    if let Some(first) = seeds.iter().find(|p| {
        p.file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with("001_"))
    }) {
        let (runs, median, fastest) = startup(&dateline, first)?;
        let mut args = with_paths(os(&["timeline"]), std::slice::from_ref(first));
        args.extend(os(&["-o", "/dev/null", "--quiet"]));
        let cpu = timer
            .measure(STARTUP_RUNS, &dateline, &args, &[], false)?
            .0
            .cpu;
        report.startup = Some((runs, median, fastest, cpu));
    }

    let loads = &timer.loads;
    report.loads = (
        loads.iter().copied().fold(f64::INFINITY, f64::min),
        loads.iter().copied().fold(f64::NEG_INFINITY, f64::max),
    );
    let section = render(&report);
    println!("\n{section}");
    if options.sizes.is_none() && !options.quick {
        write_docs(root, &section)?;
        println!("xtask bench: the section is in docs/performance.md under \"{HEADING}\"");
    }
    Ok(())
}

/// `dateline parse` and `dateline timeline` on one corpus, then ripgrep on its bytes.
fn measure_size(
    timer: &mut Timer,
    dateline: &Path,
    rg: Option<&PathBuf>,
    corpus: &Corpus,
    runs: usize,
) -> Result<SizeResult, String> {
    let dir = corpus.dir.as_os_str().to_owned();
    let mut parse_args = vec![OsString::from("parse"), dir.clone()];
    parse_args.extend(os(&["-o", "/dev/null", "--quiet"]));
    let (parse, _) = timer.measure(runs, dateline, &parse_args, &[], false)?;
    let mut timeline_args = vec![OsString::from("timeline"), dir.clone()];
    timeline_args.extend(os(&["--format", "json", "-o", "/dev/null", "--quiet"]));
    let (timeline, _) = timer.measure(runs, dateline, &timeline_args, &[], false)?;
    let mut result = SizeResult {
        label: size_label(corpus.asked),
        bytes: corpus.bytes,
        pages: corpus.pages.len(),
        posts: corpus.posts,
        parse,
        timeline,
        ..SizeResult::default()
    };
    if let Some(rg) = rg {
        let base = os(&[
            "--count",
            "--no-filename",
            "--no-ignore",
            "--glob",
            "*.txt",
            "--regexp",
            FLOOR_REGEX,
        ]);
        let mut one = os(&["-j1"]);
        one.extend(base.iter().cloned());
        one.push(dir.clone());
        // ripgrep is quick: at least three runs even when dateline has one.
        let (m, stdout) = timer.measure(runs.max(3), rg, &one, &[], true)?;
        result.rg_one = Some(m);
        result.rg_lines = Some(sum_counts(&stdout));
        let mut all = base;
        all.push(dir);
        result.rg_all = Some(timer.measure(runs.max(3), rg, &all, &[], true)?.0);
    }
    Ok(result)
}

/// dateline's rows in the peers' table: the whole process, and a warm pass.
const DATELINE: &str = "dateline parse, whole process";
const DATELINE_WARM: &str = "dateline parse, warm pass";

/// A text the peers and dateline read: files, passes, and which peers read it.
struct Text {
    name: String,
    files: Vec<PathBuf>,
    passes: usize,
    chrono: bool,
    dateparser: bool,
}

type Peer = Result<(PathBuf, PathBuf), String>;

/// dateline on one thread, then the peers that read this text.
fn measure_peers(
    timer: &mut Timer,
    dateline: &Path,
    text: &Text,
    runs: usize,
    chrono: &Peer,
    dateparser: &Peer,
) -> Result<Vec<PeerResult>, String> {
    let chars = chars(&text.files);
    let env = [("RAYON_NUM_THREADS", "1")];
    let base = os(&["parse", "-o", "/dev/null", "--quiet"]);
    let runs = runs.max(5);
    let once = with_paths(base.clone(), &text.files);
    let (whole, _) = timer.measure(runs, dateline, &once, &env, false)?;
    // The peers are timed warm, one pass at a time; so is dateline: the same files read
    // 1 + passes times in one process (a repeated page is read and parsed, then left out of the
    // output as a duplicate), less the process that reads them once, per pass.
    // At least 2 MB more, so that the difference stands out of the noise.
    let passes = text
        .passes
        .max(REPEATED_BYTES.div_ceil(bytes_of(&text.files).max(1)) as usize)
        .max(MIN_REPEATS);
    let repeated: Vec<PathBuf> = (0..=passes)
        .flat_map(|_| text.files.iter().cloned())
        .collect();
    let (more, _) = timer.measure(runs, dateline, &with_paths(base, &repeated), &env, false)?;
    let warm = (more.wall - whole.wall) / passes as f64;
    let mut out = vec![
        PeerResult {
            text: text.name.clone(),
            chars,
            tool: DATELINE,
            seconds: Ok(whole.wall),
            found: None,
        },
        PeerResult {
            text: text.name.clone(),
            chars,
            tool: DATELINE_WARM,
            seconds: if warm > 0.0 {
                Ok(warm)
            } else {
                Err("too noisy to tell".to_owned())
            },
            found: None,
        },
    ];
    for (tool, wanted, peer) in [
        ("chrono-node", text.chrono, chrono),
        ("dateparser", text.dateparser, dateparser),
    ] {
        if !wanted {
            continue;
        }
        println!("xtask bench: {tool} on {}", text.name);
        let measured = match peer {
            Ok((program, script)) => run_peer(program, script, text.passes, &text.files),
            Err(why) => Err(why.clone()),
        };
        out.push(PeerResult {
            text: text.name.clone(),
            chars,
            tool,
            seconds: measured.as_ref().map(|r| r.0).map_err(Clone::clone),
            found: measured.ok().map(|r| r.1),
        });
    }
    Ok(out)
}

/// `dateline timeline SEED -o /dev/null --quiet`: runs, median and fastest wall time, measured
/// here (GNU time's 10 ms steps are too coarse), after one warm-up run.
fn startup(dateline: &Path, seed: &Path) -> Result<(usize, f64, f64), String> {
    let mut args = with_paths(os(&["timeline"]), &[seed.to_path_buf()]);
    args.extend(os(&["-o", "/dev/null", "--quiet"]));
    let mut walls = Vec::new();
    for i in 0..=STARTUP_RUNS {
        let start = Instant::now();
        let status = Command::new(dateline)
            .args(&args)
            .stdout(Stdio::null())
            .status()
            .map_err(|e| format!("cannot run dateline: {e}"))?;
        let wall = start.elapsed().as_secs_f64();
        if !status.success() {
            return Err(format!("dateline timeline on one seed failed: {status}"));
        }
        if i > 0 {
            walls.push(wall);
        }
    }
    let fastest = walls.iter().copied().fold(f64::INFINITY, f64::min);
    Ok((walls.len(), median(&walls), fastest))
}

fn bytes_of(files: &[PathBuf]) -> u64 {
    files
        .iter()
        .filter_map(|f| fs::metadata(f).ok())
        .map(|m| m.len())
        .sum()
}

fn grouped_u(n: u64) -> String {
    crate::bench::grouped(n as f64)
}

/// Seconds with sense for their size: `0.012`, `3.45`, `123.4`.
fn secs(x: f64) -> String {
    if x.is_nan() {
        "-".to_owned()
    } else if x < 1.0 {
        format!("{x:.3}")
    } else if x < 100.0 {
        format!("{x:.2}")
    } else {
        format!("{x:.1}")
    }
}

fn mib(kib: Option<u64>) -> String {
    kib.map_or("-".to_owned(), |k| format!("{} MiB", k / 1024))
}

fn ratio(x: f64) -> String {
    if x.is_finite() {
        if x >= 10.0 {
            format!("{x:.0}x")
        } else {
            format!("{x:.1}x")
        }
    } else {
        "-".to_owned()
    }
}

/// The 1 GB run, if one was measured (any corpus from 900 MB up).
fn gigabyte(report: &Report) -> Option<&SizeResult> {
    report.sizes.iter().rev().find(|s| s.bytes >= 900_000_000)
}

/// chars per second of `tool` on `text`.
fn speed(report: &Report, text: &str, tool: &str) -> Option<f64> {
    report
        .peers
        .iter()
        .find(|p| p.text == text && p.tool == tool)
        .and_then(|p| p.seconds.as_ref().ok().map(|s| p.chars as f64 / s))
}

/// Each target of issue 8 with its measure and "met" or "missed by ...".
fn targets(report: &Report) -> Vec<String> {
    let mut out = Vec::new();
    // 30x chrono-node, one core.
    let mut chrono = Vec::new();
    let mut texts: Vec<&str> = report.peers.iter().map(|p| p.text.as_str()).collect();
    texts.dedup();
    for text in texts {
        if let (Some(d), Some(c)) = (
            speed(report, text, DATELINE_WARM),
            speed(report, text, "chrono-node"),
        ) {
            let r = d / c;
            let verdict = if r >= 30.0 {
                "met".to_owned()
            } else {
                format!("missed by {:.0}x", 30.0 / r)
            };
            let whole = speed(report, text, DATELINE).map_or(String::new(), |w| {
                format!(" (the whole process, start-up included: {:.2} M)", w / 1e6)
            });
            chrono.push(format!(
                "{text}: a warm pass of dateline {:.2} M chars/s{whole} against {:.2} M, {} ({verdict})",
                d / 1e6,
                c / 1e6,
                ratio(r)
            ));
        }
    }
    out.push(if chrono.is_empty() {
        "At least 30x chrono-node's characters per second, one core: not measured (chrono-node not installed).".to_owned()
    } else {
        format!(
            "At least 30x chrono-node's characters per second, one core: {}.",
            chrono.join("; ")
        )
    });
    match gigabyte(report) {
        Some(g) => {
            let t = g.timeline.wall;
            let cpu = g.timeline.cpu.map_or(String::new(), |c| {
                format!(
                    " (CPU {} s, so at least {} s on two idle cores)",
                    secs(c),
                    secs(c / 2.0)
                )
            });
            out.push(format!(
                "The whole pipeline on {} ({} posts) in at most 30 s on 2 cores: {} s{cpu}, {}.",
                g.label,
                crate::bench::grouped(g.posts as f64),
                secs(t),
                if t <= 30.0 {
                    "met".to_owned()
                } else {
                    format!(
                        "missed by {} s ({} the target)",
                        secs(t - 30.0),
                        ratio(t / 30.0)
                    )
                }
            ));
            out.push(match g.timeline.rss_kib {
                Some(kib) => {
                    let gib = kib as f64 / (1024.0 * 1024.0);
                    format!(
                        "At most 4 GiB peak RSS on {}: {:.2} GiB, {}.",
                        g.label,
                        gib,
                        if gib <= 4.0 {
                            "met".to_owned()
                        } else {
                            format!("missed by {:.2} GiB", gib - 4.0)
                        }
                    )
                }
                None => "At most 4 GiB peak RSS: not measured (no GNU time).".to_owned(),
            });
            out.push(match (g.rg_one, g.rg_all) {
                (Some(one), Some(all)) => {
                    let (r1, ra) = (g.parse.wall / one.wall, g.parse.wall / all.wall);
                    let verdict = |r: f64| {
                        if r <= 5.0 {
                            "met".to_owned()
                        } else {
                            format!("missed by {:.1}x", r / 5.0)
                        }
                    };
                    let cpu = match (g.parse.cpu, one.cpu) {
                        (Some(p), Some(r)) if r > 0.0 => {
                            format!(" In CPU time, parse takes {} of `rg -j1`.", ratio(p / r))
                        }
                        _ => String::new(),
                    };
                    format!(
                        "Reading pages into posts within 5x of ripgrep on {}, wall time: {} of `rg -j1` ({}), {} of `rg` on both cores ({}).{cpu}",
                        g.label,
                        ratio(r1),
                        verdict(r1),
                        ratio(ra),
                        verdict(ra)
                    )
                }
                _ => "Reading pages into posts within 5x of ripgrep: not measured (ripgrep not installed).".to_owned(),
            });
        }
        None => out.push(
            "The 1 GB targets (30 s, 4 GiB, within 5x of ripgrep): not measured (no 1 GB run)."
                .to_owned(),
        ),
    }
    let mut growth = Vec::new();
    for pair in report.sizes.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let input = b.bytes as f64 / a.bytes as f64;
        for (name, ta, tb) in [
            ("parse", a.parse, b.parse),
            ("timeline", a.timeline, b.timeline),
        ] {
            // CPU time, when known: on a shared machine it varies far less than wall time.
            let (r, what) = match (ta.cpu, tb.cpu) {
                (Some(x), Some(y)) => (y / x, format!("CPU time (wall {:.1}x)", tb.wall / ta.wall)),
                _ => (tb.wall / ta.wall, "wall time".to_owned()),
            };
            let allowed = input * 1.2;
            growth.push(format!(
                "{name} {} to {}: {r:.1}x {what} for {input:.1}x input ({})",
                a.label,
                b.label,
                if r <= allowed {
                    "met".to_owned()
                } else {
                    format!("missed: at most {allowed:.1}x")
                }
            ));
        }
    }
    if !growth.is_empty() {
        out.push(format!(
            "10x more input costs at most 12x more time: {}.",
            growth.join("; ")
        ));
    }
    out.push(match report.startup {
        Some((_, median, _, cpu)) => format!(
            "Start-up under 20 ms: {:.1} ms{}, {}.",
            median * 1e3,
            cpu.map_or(String::new(), |c| format!(" (CPU {:.0} ms)", c * 1e3)),
            if median < 0.020 {
                "met".to_owned()
            } else {
                format!("missed by {:.1} ms", (median - 0.020) * 1e3)
            }
        ),
        None => "Start-up under 20 ms: not measured.".to_owned(),
    });
    out
}

pub(crate) const HEADING: &str = "## Whole pipeline";

/// The section of `docs/performance.md`: what was run, on what, and the tables.
fn render(report: &Report) -> String {
    let mut out = format!(
        "{HEADING}\n\n\
`cargo xtask bench --cli` (`xtask/src/bench_cli.rs`; `--sizes 10mb,100mb` picks sizes, `--runs N`\n\
the runs, `--quick` 10 MB only, `--peers` installs ripgrep, chrono-node and dateparser under\n\
`target/bench-tools/`) times the release `dateline` binary on corpora from\n\
`cargo xtask synth --posts N --outlets {OUTLETS} --seed {SEED}` (pages in the seed layouts under\n\
`target/synth/`), sized by bytes from the generator's bytes per post. For each corpus:\n\
`dateline parse DIR -o /dev/null --quiet` (read, detect, parse, resolve, write the documents as\n\
JSON; one thread) and `dateline timeline DIR --format json -o /dev/null --quiet` (the same and\n\
the merge, on both cores), then the physical floor: `rg --count --no-ignore -g '*.txt'` with a\n\
regex for timestamp-like lines, on one thread (`-j1`) and on both cores. Wall time is the median\n\
of the runs, measured around the child; CPU (user + system) and peak RSS come from {}. The page\n\
cache is warm (the corpus has just been written).\n\n\
Measured on {}, a machine shared with other work: load average {:.1}-{:.1} during the runs.\n\
On a shared machine the times vary by tens of per cent from run to run.\n\n",
        report.timer, report.machine, report.loads.0, report.loads.1
    );
    out.push_str(
        "| input | pages | posts | command | runs | median wall (s) | CPU (s) | MB/s | MB/s of CPU time | posts/s | peak RSS | growth (wall / CPU / input) |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n",
    );
    for (i, s) in report.sizes.iter().enumerate() {
        let previous = i.checked_sub(1).and_then(|p| report.sizes.get(p));
        for (name, m, prev) in [
            (
                "`dateline parse`",
                &s.parse,
                previous.map(|p| (p.parse, p.bytes)),
            ),
            (
                "`dateline timeline --format json`",
                &s.timeline,
                previous.map(|p| (p.timeline, p.bytes)),
            ),
        ] {
            let growth = prev.map_or("-".to_owned(), |(t, b)| {
                let cpu = match (m.cpu, t.cpu) {
                    (Some(now), Some(before)) => format!("{:.1}x", now / before),
                    _ => "-".to_owned(),
                };
                format!(
                    "{:.1}x / {cpu} / {:.1}x",
                    m.wall / t.wall,
                    s.bytes as f64 / b as f64
                )
            });
            let _ = writeln!(
                out,
                "| {} ({:.1} MB) | {} | {} | {name} | {} | {} | {} | {:.1} | {} | {} | {} | {growth} |",
                s.label,
                s.bytes as f64 / 1e6,
                grouped_u(s.pages as u64),
                grouped_u(s.posts as u64),
                m.runs,
                secs(m.wall),
                m.cpu.map_or("-".to_owned(), secs),
                s.bytes as f64 / 1e6 / m.wall,
                m.cpu.map_or("-".to_owned(), |c| format!(
                    "{:.1}",
                    s.bytes as f64 / 1e6 / c
                )),
                crate::bench::grouped(s.posts as f64 / m.wall),
                mib(m.rss_kib),
            );
        }
    }
    out.push_str("\nThe floor, on the same bytes (`parse` as above):\n\n");
    match &report.rg {
        Ok(_) => {
            out.push_str(
                "| input | lines matched | `rg -j1` wall (s) | CPU (s) | MB/s | `rg` wall (s) | CPU (s) | MB/s | parse / `rg -j1`, wall | CPU | parse / `rg`, wall | CPU |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n",
            );
            for s in &report.sizes {
                let (Some(one), Some(all)) = (s.rg_one, s.rg_all) else {
                    continue;
                };
                let mb = s.bytes as f64 / 1e6;
                let cpu = |m: Measured| m.cpu.map_or("-".to_owned(), secs);
                let cpu_ratio = |m: Measured| match (s.parse.cpu, m.cpu) {
                    (Some(p), Some(r)) if r > 0.0 => ratio(p / r),
                    _ => "-".to_owned(),
                };
                let _ = writeln!(
                    out,
                    "| {} | {} | {} | {} | {:.0} | {} | {} | {:.0} | {} | {} | {} | {} |",
                    s.label,
                    s.rg_lines.map_or("-".to_owned(), grouped_u),
                    secs(one.wall),
                    cpu(one),
                    mb / one.wall,
                    secs(all.wall),
                    cpu(all),
                    mb / all.wall,
                    ratio(s.parse.wall / one.wall),
                    cpu_ratio(one),
                    ratio(s.parse.wall / all.wall),
                    cpu_ratio(all),
                );
            }
        }
        Err(why) => {
            let _ = writeln!(out, "ripgrep: {why}.");
        }
    }
    out.push_str(
        "\nThe peers on the same text, one core. chrono-node (`chrono.parse(text)` per file) and\n\
dateparser (`search_dates(text, languages=[\"en\"])` per file) are timed inside their own process\n\
after a warm-up parse of the first file, without start-up or reading; dateline's figure is the\n\
whole `RAYON_NUM_THREADS=1 dateline parse FILES -o /dev/null --quiet` process (start-up, reading\n\
and writing the JSON included), and a warm pass: the same command given the files once and then\n\
again 1 + P times (P at least 3, and at least 2 MB more; a repeated page is read and parsed,\n\
then left out of the output as a duplicate), the difference of the two medians divided by P. Characters are Unicode\n\
scalar values. The ratio is the speed of dateline's warm pass over the peer's.\n\n",
    );
    out.push_str(
        "| text | characters | tool | seconds | M chars/s | dates found | dateline's speed / tool's |\n|---|---|---|---|---|---|---|\n",
    );
    for p in &report.peers {
        let (seconds, speed_text, vs) = match &p.seconds {
            Ok(s) => {
                let own = p.chars as f64 / s;
                let vs = if p.tool.starts_with("dateline") {
                    "-".to_owned()
                } else {
                    speed(report, &p.text, DATELINE_WARM).map_or("-".to_owned(), |d| ratio(d / own))
                };
                (secs(*s), format!("{:.3}", own / 1e6), vs)
            }
            Err(why) => (why.clone(), "-".to_owned(), "-".to_owned()),
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {seconds} | {speed_text} | {} | {vs} |",
            p.text,
            grouped_u(p.chars as u64),
            p.tool,
            p.found.map_or("-".to_owned(), grouped_u),
        );
    }
    if let Some((runs, median, min, cpu)) = report.startup {
        let cpu = cpu.map_or(String::new(), |c| {
            format!(
                "; CPU (user + system, GNU time in 10 ms steps) median {:.0} ms",
                c * 1e3
            )
        });
        let _ = write!(
            out,
            "\nStart-up: `dateline timeline seeds/001_*.txt -o /dev/null --quiet`, {runs} runs after one\n\
warm-up: wall median {:.1} ms, fastest {:.1} ms (measured around the child){cpu}.\n",
            median * 1e3,
            min * 1e3
        );
    }
    out.push_str("\nThe targets of issue 8:\n\n");
    for t in targets(report) {
        let _ = writeln!(out, "- {t}");
    }
    out
}

/// Where hand-written notes on the figures start; a new run keeps them.
const NOTES: &str = "\n### Notes on these figures";

/// Puts `section` in place of the old one (keeping its notes), or else before "## Merging", or
/// else at the end.
fn splice(text: &str, section: &str) -> String {
    let section = section.trim_end();
    if let Some(start) = text.find(HEADING) {
        let rest = &text[start + HEADING.len()..];
        let end = rest
            .find("\n## ")
            .map_or(text.len(), |e| start + HEADING.len() + e + 1);
        let old = &text[start..end];
        let notes = old.find(NOTES).map_or("", |n| old[n..].trim());
        let after = &text[end..];
        let mut out = text[..start].to_owned();
        out.push_str(section);
        out.push('\n');
        if !notes.is_empty() {
            out.push('\n');
            out.push_str(notes);
            out.push('\n');
        }
        if !after.is_empty() {
            out.push('\n');
            out.push_str(after);
        }
        return out;
    }
    match text.find("\n## Merging") {
        Some(at) => format!(
            "{}\n\n{section}\n\n{}",
            text[..at].trim_end(),
            &text[at + 1..]
        ),
        None => format!("{}\n\n{section}\n", text.trim_end()),
    }
}

fn write_docs(root: &Path, section: &str) -> Result<(), String> {
    let path = root.join("docs").join("performance.md");
    let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    fs::write(&path, splice(&text, section)).map_err(|e| format!("{}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn flags_read_sizes_runs_and_peers() {
        let o = flags(&strings(&[
            "--cli", "--sizes", "10mb,1gb", "--runs", "5", "--peers",
        ]))
        .unwrap_or_else(|e| unreachable!("{e}"));
        assert_eq!(o.sizes, Some(vec![10_000_000, 1_000_000_000]));
        assert_eq!((o.runs, o.peers, o.quick), (Some(5), true, false));
        assert_eq!(
            flags(&strings(&["--peers", "--quick"])),
            Ok(Options {
                peers: true,
                quick: true,
                ..Options::default()
            })
        );
        assert!(flags(&strings(&["--cli", "--runs", "0"])).is_err());
        assert!(flags(&strings(&["--cli", "--sizes", "10k"])).is_err());
        assert!(flags(&strings(&["--cli", "--scale-only"])).is_err());
    }

    #[test]
    fn sizes_take_decimal_units() {
        assert_eq!(parse_size("10mb"), Ok(10_000_000));
        assert_eq!(parse_size("100MB"), Ok(100_000_000));
        assert_eq!(parse_size("1gb"), Ok(1_000_000_000));
        assert_eq!(parse_size("1.5GB"), Ok(1_500_000_000));
        assert_eq!(parse_size("500kb"), Ok(500_000));
        assert_eq!(parse_size("2_000_000"), Ok(2_000_000));
        assert!(parse_size("10k").is_err());
        assert!(parse_size("mb").is_err());
        assert!(parse_size("12b").is_err());
        assert_eq!(size_label(10_000_000), "10 MB");
        assert_eq!(size_label(1_000_000_000), "1 GB");
        assert_eq!(size_label(1_050_000), "1.1 MB");
    }

    #[test]
    fn the_time_report_is_its_last_line() {
        let (wall, cpu, rss) = parse_time_report("3.00 0.80 0.05 47436\n").unwrap_or_default();
        assert_eq!((wall, rss), (3.0, 47_436));
        assert!((cpu - 0.85).abs() < 1e-9, "{cpu}");
        assert_eq!(
            parse_time_report("Command exited with non-zero status 1\n0.01 0.00 0.00 1556\n"),
            Some((0.01, 0.0, 1_556))
        );
        assert_eq!(parse_time_report("Command terminated by signal 9\n"), None);
        assert_eq!(parse_time_report(""), None);
    }

    #[test]
    fn counts_fields_and_medians() {
        assert_eq!(sum_counts("12\n3\n\n40\n"), 55);
        assert_eq!(field("seconds=0.25 found=7", "found"), Some(7.0));
        assert_eq!(field("seconds=0.25 found=7", "chars"), None);
        assert_eq!(median(&[3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&[4.0, 1.0]), 2.5);
        assert!(median(&[]).is_nan());
        assert_eq!(round3(18_867.9), 18_900);
        assert_eq!(round3(1_886_792.4), 1_890_000);
        assert_eq!(round3(12.4), 12);
    }

    fn measured(wall: f64, rss_kib: u64) -> Measured {
        Measured {
            runs: 3,
            wall,
            cpu: Some(wall * 1.5),
            rss_kib: Some(rss_kib),
        }
    }

    fn report() -> Report {
        let size = |label: &str, bytes: u64, parse: f64, timeline: f64, rss: u64| SizeResult {
            label: label.to_owned(),
            bytes,
            pages: (bytes / 40_000) as usize,
            posts: (bytes / 530) as usize,
            parse: measured(parse, 50_000),
            timeline: measured(timeline, rss),
            rg_one: Some(measured(parse / 20.0, 10_000)),
            rg_all: Some(measured(parse / 30.0, 10_000)),
            rg_lines: Some(bytes / 300),
        };
        Report {
            machine: "2 cores (a CPU), Linux".to_owned(),
            timer: "GNU time",
            loads: (2.0, 4.5),
            sizes: vec![
                size("100 MB", 100_000_000, 8.0, 20.0, 1_000_000),
                size("1 GB", 1_000_000_000, 100.0, 220.0, 5 * 1024 * 1024),
            ],
            rg: Ok("rg".to_owned()),
            peers: vec![
                PeerResult {
                    text: "seeds".to_owned(),
                    chars: 60_000,
                    tool: DATELINE_WARM,
                    seconds: Ok(0.006),
                    found: None,
                },
                PeerResult {
                    text: "seeds".to_owned(),
                    chars: 60_000,
                    tool: "chrono-node",
                    seconds: Ok(0.01),
                    found: Some(300),
                },
                PeerResult {
                    text: "seeds".to_owned(),
                    chars: 60_000,
                    tool: "dateparser",
                    seconds: Err("not installed (`--peers` installs it)".to_owned()),
                    found: None,
                },
            ],
            startup: Some((21, 0.0123, 0.0101, Some(0.01))),
        }
    }

    #[test]
    fn targets_say_met_or_by_how_much_they_are_missed() {
        let t = targets(&report()).join("\n");
        has(
            &t,
            "seeds: a warm pass of dateline 10.00 M chars/s against 6.00 M, 1.7x (missed by 18x)",
        );
        has(
            &t,
            "220.0 s (CPU 330.0 s, so at least 165.0 s on two idle cores), missed by 190.0 s (7.3x the target)",
        );
        has(
            &t,
            "parse 100 MB to 1 GB: 12.5x CPU time (wall 12.5x) for 10.0x input (missed: at most 12.0x)",
        );
        has(
            &t,
            "timeline 100 MB to 1 GB: 11.0x CPU time (wall 11.0x) for 10.0x input (met)",
        );
        has(&t, "5.00 GiB, missed by 1.00 GiB");
        has(
            &t,
            "20x of `rg -j1` (missed by 4.0x), 30x of `rg` on both cores (missed by 6.0x)",
        );
        has(&t, "Start-up under 20 ms: 12.3 ms (CPU 10 ms), met.");
    }

    #[test]
    fn the_section_has_every_table_and_missing_tools_say_so() {
        let s = render(&report());
        has(
            &s,
            "| 1 GB (1000.0 MB) | 25,000 | 1,886,792 | `dateline timeline --format json` | 3 | 220.0 | 330.0 | 4.5 | 3.0 | 8,576 | 5120 MiB | 11.0x / 11.0x / 10.0x |",
        );
        has(
            &s,
            "| 1 GB | 3,333,333 | 5.00 | 7.50 | 200 | 3.33 | 5.00 | 300 | 20x | 20x | 30x | 30x |",
        );
        has(
            &s,
            "| seeds | 60,000 | chrono-node | 0.010 | 6.000 | 300 | 1.7x |",
        );
        has(
            &s,
            "| seeds | 60,000 | dateparser | not installed (`--peers` installs it) | - | - | - |",
        );
        let mut no_rg = report();
        no_rg.rg = Err("not installed (`--peers` installs it)".to_owned());
        assert!(render(&no_rg).contains("ripgrep: not installed"));
    }

    fn has(haystack: &str, needle: &str) {
        assert!(
            haystack.contains(needle),
            "missing {needle:?} in\n{haystack}"
        );
    }

    #[test]
    fn the_section_goes_before_merging_and_replaces_itself() {
        let doc = "# Performance\n\nmicro\n\n## Merging\n\nmerge text\n";
        let once = splice(doc, "## Whole pipeline\n\nfirst\n");
        assert_eq!(
            once,
            "# Performance\n\nmicro\n\n## Whole pipeline\n\nfirst\n\n## Merging\n\nmerge text\n"
        );
        let twice = splice(&once, "## Whole pipeline\n\nsecond\n");
        assert_eq!(
            twice,
            "# Performance\n\nmicro\n\n## Whole pipeline\n\nsecond\n\n## Merging\n\nmerge text\n"
        );
        let noted = twice.replace("second\n", "second\n\n### Notes on these figures\n\nmine\n");
        assert_eq!(
            splice(&noted, "## Whole pipeline\n\nthird\n"),
            "# Performance\n\nmicro\n\n## Whole pipeline\n\nthird\n\n### Notes on these figures\n\nmine\n\n## Merging\n\nmerge text\n"
        );
        assert_eq!(
            splice("# P\n", "## Whole pipeline\n\nx\n"),
            "# P\n\n## Whole pipeline\n\nx\n"
        );
    }
}
