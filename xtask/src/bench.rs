//! `cargo xtask bench`: the micro-benchmarks (divan, `cargo bench`), then the merge at scale on
//! generated corpora of 10 k, 100 k and 1 M posts, with a table written to `docs/performance.md`.
//! `--cli` (or `--peers`) runs the whole-CLI benchmark of `bench_cli.rs` instead, and `--growth`
//! the growth checks of `bench_growth.rs` (hostile pages that double in size).

use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use std::process::Command;

use dateline_synth::Spec;

use crate::bench_cli;
use crate::bench_growth;
use crate::synth;

/// The crates with divan benchmarks.
const BENCHED: &[&str] = &[
    "dateline-time",
    "dateline-sources",
    "dateline-merge",
    "dateline-formats",
];

pub(crate) const USAGE: &str = "usage: cargo xtask bench [--quick] [--scale-only] [--micro-only] [--sizes N,N,...] [-- DIVAN ARGS]\n   or: cargo xtask bench --cli [--quick] [--sizes 10mb,100mb,1gb] [--runs N] [--peers]\n   or: cargo xtask bench --growth [--quick] [--top 4mb] [--steps N] [--only NAME,NAME]";

/// The sizes of the scale run and how many merges each is timed over (the median is reported).
const SIZES: &[(usize, usize)] = &[(10_000, 3), (100_000, 3), (1_000_000, 1)];

/// Outlets of every scale corpus: four of each layout.
const OUTLETS: usize = 12;

#[derive(Debug, Default)]
struct Flags {
    quick: bool,
    scale_only: bool,
    micro_only: bool,
    sizes: Option<Vec<usize>>,
    divan: Vec<String>,
}

fn flags(args: &[String]) -> Result<Flags, String> {
    let mut f = Flags::default();
    let mut i = 0;
    while let Some(arg) = args.get(i) {
        match arg.as_str() {
            "--quick" => f.quick = true,
            "--scale-only" => f.scale_only = true,
            "--micro-only" => f.micro_only = true,
            "--sizes" => {
                let list = args
                    .get(i + 1)
                    .ok_or_else(|| format!("--sizes needs a list\n{USAGE}"))?;
                let sizes: Result<Vec<usize>, String> = list
                    .split(',')
                    .map(|s| {
                        let s = s.trim().to_ascii_lowercase();
                        let (digits, scale) = match s.strip_suffix('k') {
                            Some(d) => (d.to_owned(), 1_000),
                            None => match s.strip_suffix('m') {
                                Some(d) => (d.to_owned(), 1_000_000),
                                None => (s.clone(), 1),
                            },
                        };
                        digits
                            .replace('_', "")
                            .parse::<usize>()
                            .map(|n| n * scale)
                            .map_err(|_| format!("--sizes takes numbers like 10k,100k, not `{s}`"))
                    })
                    .collect();
                f.sizes = Some(sizes?);
                i += 1;
            }
            "--" => {
                f.divan = args.get(i + 1..).unwrap_or_default().to_vec();
                break;
            }
            // Anything else goes to the benchmark harness, as before.
            _ => f.divan.push(arg.clone()),
        }
        i += 1;
    }
    Ok(f)
}

/// One row of the scale table, from the `key=value` line of the `scale` example.
#[derive(Debug, Clone, Default)]
struct Row {
    fields: Vec<(String, String)>,
}

impl Row {
    fn parse(line: &str) -> Row {
        Row {
            fields: line
                .split_whitespace()
                .filter_map(|kv| kv.split_once('='))
                .map(|(k, v)| (k.to_owned(), v.to_owned()))
                .collect(),
        }
    }

    fn get(&self, key: &str) -> f64 {
        self.fields
            .iter()
            .find(|(k, _)| k == key)
            .and_then(|(_, v)| v.parse().ok())
            .unwrap_or(f64::NAN)
    }
}

pub(crate) fn bench(root: &Path, args: &[String]) -> Result<(), String> {
    if args.iter().any(|a| a == "--cli" || a == "--peers") {
        return bench_cli::run(root, &bench_cli::flags(args)?);
    }
    if args.iter().any(|a| a == "--growth") {
        return bench_growth::run(root, &bench_growth::flags(args)?);
    }
    let f = flags(args)?;
    if !f.quick && !f.scale_only {
        let mut cargo_args = vec!["bench", "--benches"];
        for package in BENCHED {
            cargo_args.extend(["-p", package]);
        }
        if !f.divan.is_empty() {
            cargo_args.push("--");
            cargo_args.extend(f.divan.iter().map(String::as_str));
        }
        crate::cargo(root, &cargo_args)?;
    }
    if f.micro_only {
        return Ok(());
    }
    let sizes: Vec<(usize, usize)> = match (&f.sizes, f.quick) {
        (Some(list), _) => list
            .iter()
            .map(|n| (*n, if *n >= 1_000_000 { 1 } else { 3 }))
            .collect(),
        (None, true) => vec![(10_000, 3)],
        (None, false) => SIZES.to_vec(),
    };
    crate::cargo(
        root,
        &[
            "build",
            "--release",
            "-p",
            "dateline-merge",
            "--example",
            "scale",
        ],
    )?;
    crate::cargo(root, &["build", "--release", "-p", "xtask"])?;
    let mut rows = Vec::new();
    for (posts, runs) in &sizes {
        let dir = synth::generate_optimised(root, &Spec::new(*posts, OUTLETS, 1))?;
        let output = Command::new(crate::cargo_bin())
            .args([
                "run",
                "--release",
                "-q",
                "-p",
                "dateline-merge",
                "--example",
                "scale",
                "--",
            ])
            .arg(&dir)
            .args(["--runs", &runs.to_string()])
            .current_dir(root)
            .stderr(std::process::Stdio::inherit())
            .output()
            .map_err(|e| format!("cannot run the scale example: {e}"))?;
        if !output.status.success() {
            return Err(format!("the scale run of {posts} posts failed"));
        }
        let stdout = String::from_utf8_lossy(&output.stdout);
        let line = stdout.lines().last().unwrap_or_default();
        rows.push(Row::parse(line));
    }
    let table = table(&rows, &sizes);
    println!("\n{table}");
    if f.sizes.is_none() && !f.quick {
        write_docs(root, &table)?;
        println!("xtask bench: the table is in docs/performance.md under \"Merging\"");
    }
    Ok(())
}

pub(crate) fn machine() -> String {
    let cpu = fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|c| {
            c.lines()
                .find_map(|l| l.strip_prefix("model name"))
                .map(|l| l.trim_start_matches([' ', '\t', ':']).trim().to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".to_owned());
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    format!("{cores} cores ({cpu}), Linux")
}

/// `1234567` -> `1,234,567`.
pub(crate) fn grouped(n: f64) -> String {
    if n.is_nan() {
        return "-".to_owned();
    }
    let digits = format!("{:.0}", n);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn mib(kib: f64) -> String {
    if kib.is_nan() {
        "-".to_owned()
    } else {
        format!("{:.0} MiB", kib / 1024.0)
    }
}

fn fixed(x: f64, digits: usize) -> String {
    if x.is_nan() {
        "-".to_owned()
    } else {
        format!("{x:.digits$}")
    }
}

fn table(rows: &[Row], sizes: &[(usize, usize)]) -> String {
    let mut out = String::from(
        "| posts | documents | MB | merge (s) | runs | posts/s | RSS of documents | peak RSS | precision | recall | cross-outlet recall | wrong pairs (quote / actor / sibling / other) | time misses | growth (time / posts) |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n",
    );
    let mut previous: Option<&Row> = None;
    for (row, (_, runs)) in rows.iter().zip(sizes) {
        let posts = row.get("posts");
        let secs = row.get("merge_s");
        let growth = previous.map_or("-".to_owned(), |p| {
            format!(
                "{:.1}x / {:.0}x",
                secs / p.get("merge_s"),
                posts / p.get("posts")
            )
        });
        let _ = writeln!(
            out,
            "| {} | {} | {:.1} | {} | {runs} | {} | {} | {} | {} | {} | {} | {} | {} | {growth} |",
            grouped(posts),
            grouped(row.get("documents")),
            row.get("bytes") / 1e6,
            fixed(secs, 3),
            grouped(posts / secs),
            mib(row.get("rss_read_kib")),
            mib(row.get("rss_peak_kib")),
            fixed(row.get("precision"), 3),
            fixed(row.get("recall"), 3),
            fixed(row.get("recall_cross"), 3),
            [
                "wrong_same_quote",
                "wrong_same_actor",
                "wrong_sibling_org",
                "wrong_other"
            ]
            .map(|k| grouped(row.get(k)))
            .join(" / "),
            grouped(row.get("time_misses")),
        );
        previous = Some(row);
    }
    out
}

const HEADING: &str = "## Merging";

fn write_docs(root: &Path, table: &str) -> Result<(), String> {
    let path = root.join("docs").join("performance.md");
    let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    // The section runs from its heading to the next `## ` heading or the end.
    let (before, after) = match text.find(HEADING) {
        Some(start) => {
            let rest = &text[start + HEADING.len()..];
            let end = rest
                .find("\n## ")
                .map_or(text.len(), |e| start + HEADING.len() + e + 1);
            (&text[..start], &text[end..])
        }
        None => (text.as_str(), ""),
    };
    let section = format!(
        "{HEADING}\n\n\
`cargo xtask bench` also measures `dateline_merge::merge` at scale (`--quick`: 10 k posts only;\n\
`--sizes 10k,100k` picks sizes; `--scale-only` skips the micro-benchmarks). For each size it\n\
generates a corpus with `cargo xtask synth --posts N --outlets {OUTLETS} --seed 1` (pages in the\n\
three seed layouts under `target/synth/`, with `gold.json`), reads the pages into documents with\n\
`dateline_sources::read` (not timed), then the `scale` example\n\
(`cargo run --release -p dateline-merge --example scale -- DIR --runs R`) times `merge` alone (the\n\
median of the runs), records the resident memory of the documents and the peak while merging\n\
(`VmHWM` reset before the merge, so the documents are included), and scores the events against\n\
the gold groups: pairwise precision and recall of \"same event\"; the recall of the gold pairs\n\
whose documents name different outlets (`dateline-sources` names a page's outlet by its layout,\n\
so two invented outlets of one layout look like one outlet to the merge); and the posts whose UTC\n\
minute differs from the gold (a check of the reading: 0 when all is well). The wrong pairs are\n\
pairs of posts put in one event that the gold keeps apart, by what the generator built them as:\n\
a distractor and the event it resembles (the same quote on another day, the same actor doing\n\
something else, a sibling ministry in the same hour), or unrelated events. The divan\n\
micro-benchmarks in `crates/dateline-merge/benches/merge.rs` time the merge of the five seeds and\n\
of generated corpora of 1,000 and 5,000 posts.\n\n\
Figures from `cargo xtask bench` on {}, other builds running beside it:\n\n\
{table}\n\
The growth column compares each size with the one before: near-linear is 10x posts for at most\n\
12x time. The target (issue 4) is 1 M posts merged in at most 15 s with at most 4 GiB.\n",
        machine()
    );
    let mut out = before.trim_end().to_owned();
    out.push_str("\n\n");
    out.push_str(&section);
    if !after.is_empty() {
        out.push('\n');
        out.push_str(after);
    }
    fs::write(&path, out).map_err(|e| format!("{}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_read_sizes_and_pass_the_rest_to_divan() {
        let args: Vec<String> = ["--quick", "--sizes", "10k,2m", "--", "merge"]
            .iter()
            .map(|s| (*s).to_owned())
            .collect();
        let f = flags(&args).unwrap_or_else(|e| unreachable!("{e}"));
        assert!(f.quick);
        assert_eq!(f.sizes, Some(vec![10_000, 2_000_000]));
        assert_eq!(f.divan, vec!["merge".to_owned()]);
    }

    #[test]
    fn the_table_shows_growth_between_sizes() {
        let rows = [
            Row::parse(
                "posts=10000 documents=40 bytes=5000000 merge_s=0.1 rss_read_kib=51200 rss_peak_kib=102400 precision=0.9 recall=0.8 recall_cross=0.85 time_misses=0",
            ),
            Row::parse(
                "posts=100000 documents=400 bytes=50000000 merge_s=1.1 rss_read_kib=512000 rss_peak_kib=1024000 precision=0.9 recall=0.8 recall_cross=0.85 time_misses=0",
            ),
        ];
        let t = table(&rows, &[(10_000, 3), (100_000, 3)]);
        assert!(t.contains("| 100,000 | 400 | 50.0 | 1.100 | 3 | 90,909 | 500 MiB | 1000 MiB | 0.900 | 0.800 | 0.850 | - / - / - / - | 0 | 11.0x / 10x |"), "{t}");
        assert_eq!(grouped(1_234_567.0), "1,234,567");
        assert_eq!(grouped(999.0), "999");
    }
}
