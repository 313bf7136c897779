//! `cargo xtask bench --growth`: the `dateline` binary on generated hostile pages that double in
//! size, to find any step whose time grows faster than the page.
//!
//! Each shape is a page a person could write or a tool could spit out: one long line of clocks,
//! of relative times or of clocks with a zone; many short posts; a line without spaces; blank
//! lines; HTML nested 100,000 deep; nested formatting elements with distinct attributes, or left
//! open in paragraphs, or closed around blocks; one element with a million attributes; thousands
//! of `<time>` elements on one visible line; a live blog whose JSON-LD lists a hundred thousand
//! updates... Every shape is generated at sizes that
//! double, up to `--top` (4 MB by default, 1 MB with `--quick`), and read by
//! `dateline parse --quiet` in a child process; the time (wall and CPU) and the peak memory of each
//! run are printed with the ratio to the size before. A ratio near 2 is linear, near 4 quadratic:
//! the verdict flags a shape whose CPU time grows more than 2.6 times a doubling from its first
//! run long enough to measure to its last, whose rate would read 10 MB in more than 10 s of CPU
//! (the target of issue 18), or whose peak memory, less that of reading a page of one line,
//! passes 50 times the page. Nothing here asserts a time: the verdicts are printed for a person
//! to read.

use std::ffi::OsString;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use crate::bench_cli::Timer;

/// The largest size measured by default, and with `--quick`.
const TOP: u64 = 4_000_000;
const QUICK_TOP: u64 = 1_000_000;

/// How many sizes each shape is measured at (each twice the one before, up to the top).
const STEPS: u32 = 4;
const QUICK_STEPS: u32 = 3;

/// A time ratio for a doubling above which growth is flagged, and the shortest run whose ratio is
/// read (shorter ones are within the noise of starting a process).
const SUPERLINEAR: f64 = 2.6;
const SHORTEST: f64 = 0.15;

/// The target: a 10 MB page of any shape read in under 10 s, on one core.
const TARGET_SECS_PER_MB: f64 = 1.0;

/// The peak memory, as a multiple of the page, above which a shape is flagged.
const MEMORY_MULTIPLE: f64 = 50.0;

/// What `--growth` was asked for.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Options {
    /// The largest page, in bytes.
    pub top: u64,
    /// How many sizes, each half the next.
    pub steps: u32,
    /// Only the shapes whose name contains one of these.
    pub only: Vec<String>,
}

/// Reads `--growth [--quick] [--top 10mb] [--steps N] [--only NAME,NAME]`.
pub(crate) fn flags(args: &[String]) -> Result<Options, String> {
    let usage = crate::bench::USAGE;
    let mut options = Options {
        top: TOP,
        steps: STEPS,
        only: Vec::new(),
    };
    let mut i = 0;
    while let Some(arg) = args.get(i) {
        let value = || {
            args.get(i + 1)
                .ok_or_else(|| format!("{arg} needs a value\n{usage}"))
        };
        match arg.as_str() {
            "--growth" => {}
            "--quick" => {
                options.top = QUICK_TOP;
                options.steps = QUICK_STEPS;
            }
            "--top" => {
                options.top = crate::bench_cli::parse_size(value()?)?;
                i += 1;
            }
            "--steps" => {
                options.steps = value()?
                    .parse::<u32>()
                    .ok()
                    .filter(|n| (2..=12).contains(n))
                    .ok_or_else(|| format!("--steps takes a number from 2 to 12\n{usage}"))?;
                i += 1;
            }
            "--only" => {
                options.only = value()?.split(',').map(str::to_owned).collect();
                i += 1;
            }
            other => return Err(format!("`{other}` does not go with --growth\n{usage}")),
        }
        i += 1;
    }
    Ok(options)
}

/// A generated page: its file extension and how to write one of about `bytes` bytes.
struct Shape {
    name: &'static str,
    extension: &'static str,
    build: fn(usize) -> String,
}

const HEAD: &str = "<!DOCTYPE html><html><head><title>Live</title></head><body>";
const TAIL: &str = "</body></html>";

/// `unit(i)` repeated from `i = 0` until the text holds `bytes` bytes.
fn repeat(bytes: usize, mut out: String, unit: impl Fn(usize) -> String) -> String {
    let mut i = 0;
    while out.len() < bytes {
        out.push_str(&unit(i));
        i += 1;
    }
    out
}

/// `open` repeated, the middle, then `close` as many times: nesting `bytes` bytes deep.
fn nested(bytes: usize, open: &str, middle: &str, close: &str) -> String {
    let n = bytes / (open.len() + close.len()).max(1);
    let mut out = String::with_capacity(bytes + HEAD.len() + TAIL.len() + middle.len());
    out.push_str(HEAD);
    out.push_str(&open.repeat(n));
    out.push_str(middle);
    out.push_str(&close.repeat(n));
    out.push_str(TAIL);
    out
}

fn html(bytes: usize, unit: impl Fn(usize) -> String) -> String {
    let mut out = repeat(bytes, HEAD.to_owned(), unit);
    out.push_str(TAIL);
    out
}

fn line(bytes: usize, unit: impl Fn(usize) -> String) -> String {
    let mut out = repeat(bytes, String::new(), unit);
    out.push('\n');
    out
}

/// A live blog whose JSON-LD lists updates up to `bytes`, none of them shown.
fn json_ld(bytes: usize) -> String {
    let mut updates = repeat(bytes, String::from("["), |i| {
        format!(
            r#"{}{{"@type":"BlogPosting","headline":"Update {i}","articleBody":"Body of update {i}.","datePublished":"2024-07-04T{:02}:{:02}:00+01:00"}}"#,
            if i == 0 { "" } else { "," },
            i / 60 % 24,
            i % 60
        )
    });
    updates.push(']');
    format!(
        r#"<!DOCTYPE html><html><head><script type="application/ld+json">{{"@context":"https://schema.org","@type":"LiveBlogPosting","headline":"Storm live","liveBlogUpdate":{updates}}}</script></head><body><h1>Storm live</h1></body></html>"#
    )
}

/// Markup nested deep inside a JSON-LD string, which is read as HTML too.
fn json_ld_markup(bytes: usize) -> String {
    let n = bytes / 11;
    let body = format!("{}deep{}", "<div>".repeat(n), "</div>".repeat(n));
    format!(
        r#"<!DOCTYPE html><html><head><script type="application/ld+json">{{"@type":"LiveBlogPosting","liveBlogUpdate":[{{"articleBody":"{body}","datePublished":"2024-07-04T10:00:00Z"}}]}}</script></head><body><p>Live</p></body></html>"#
    )
}

fn shapes() -> Vec<Shape> {
    vec![
        Shape {
            name: "text: one line of clocks",
            extension: "txt",
            build: |b| line(b, |_| "12:30 ".to_owned()),
        },
        Shape {
            name: "text: one line of relative times",
            extension: "txt",
            build: |b| line(b, |_| "4m ago ".to_owned()),
        },
        Shape {
            name: "text: one line of clocks with a zone",
            extension: "txt",
            build: |b| line(b, |_| "12:31 p.m. ET, ".to_owned()),
        },
        Shape {
            name: "text: one line without spaces",
            extension: "txt",
            build: |b| line(b, |i| if i % 2 == 0 { "ab".into() } else { "12".into() }),
        },
        Shape {
            name: "text: many short posts",
            extension: "txt",
            build: |b| {
                repeat(b, String::new(), |i| {
                    format!(
                        "Update {i}\n{:02}:{:02} GMT\nSomething happened here.\n\n",
                        i / 60 % 24,
                        i % 60
                    )
                })
            },
        },
        Shape {
            name: "text: dated posts",
            extension: "txt",
            build: |b| {
                repeat(b, String::new(), |i| {
                    format!(
                        "Monday {} July 2024\n{:02}:{:02} BST\nEvent {i}\n\n",
                        i % 28 + 1,
                        i / 60 % 24,
                        i % 60
                    )
                })
            },
        },
        Shape {
            name: "text: blank lines",
            extension: "txt",
            build: |b| format!("First\n{}Last\n", "\n".repeat(b)),
        },
        Shape {
            name: "html: nested <div>s",
            extension: "html",
            build: |b| nested(b, "<div>", "deep 12:30", "</div>"),
        },
        Shape {
            name: "html: nested distinct <b id=N>",
            extension: "html",
            build: |b| html(b, |i| format!("<b id={i}>")),
        },
        Shape {
            name: "html: one element with many attributes",
            extension: "html",
            build: |b| {
                let mut out = repeat(b, format!("{HEAD}<div"), |i| format!(" a{i}=1"));
                out.push_str(">text</div>");
                out.push_str(TAIL);
                out
            },
        },
        Shape {
            name: "html: <time>s on one visible line",
            extension: "html",
            build: |b| {
                html(b, |i| {
                    format!(
                        "<time datetime=\"2024-01-01T12:{:02}:00Z\">12:{:02}</time> ",
                        i % 60,
                        i % 60
                    )
                })
            },
        },
        Shape {
            name: "html: paragraphs of posts",
            extension: "html",
            build: |b| html(b, |i| format!("<p>Update {i} at 12:{:02} GMT</p>", i % 60)),
        },
        Shape {
            name: "html: <b>s left open in paragraphs",
            extension: "html",
            build: |b| html(b, |i| format!("<p><b id={i}>x {i}</p>")),
        },
        Shape {
            name: "html: </b> around blocks (the adoption agency)",
            extension: "html",
            build: |b| html(b, |_| format!("<b>{}</b>", "<div>".repeat(10))),
        },
        Shape {
            name: "html: blocks 500 deep",
            extension: "html",
            build: |b| {
                let mut out = repeat(b, format!("{HEAD}{}", "<div>".repeat(500)), |_| {
                    "<div>x</div>".to_owned()
                });
                out.push_str(TAIL);
                out
            },
        },
        Shape {
            name: "html: table rows",
            extension: "html",
            build: |b| {
                html(b, |i| {
                    format!("<tr><td>12:{:02} GMT</td><td>Row {i}</td></tr>", i % 60)
                })
            },
        },
        Shape {
            name: "html: JSON-LD updates",
            extension: "html",
            build: json_ld,
        },
        Shape {
            name: "html: markup nested in JSON-LD",
            extension: "html",
            build: json_ld_markup,
        },
    ]
}

/// One measured size of a shape.
struct Sample {
    bytes: usize,
    /// Wall time, and CPU time (user and system) when GNU `time` is there.
    secs: f64,
    cpu: Option<f64>,
    rss_kib: Option<u64>,
    /// The peak memory of reading a page of one line: what any run costs.
    base_kib: u64,
}

impl Sample {
    /// The time that decides: CPU time where it is known (the target is for one core, and it
    /// counts no time waiting for other processes), else wall time.
    fn time(&self) -> f64 {
        self.cpu.unwrap_or(self.secs)
    }

    /// The peak memory the page itself cost, as a multiple of its size.
    fn memory_multiple(&self) -> Option<f64> {
        let kib = self.rss_kib?.saturating_sub(self.base_kib);
        Some(kib as f64 * 1024.0 / self.bytes.max(1) as f64)
    }
}

pub(crate) fn run(root: &Path, options: &Options) -> Result<(), String> {
    crate::cargo(
        root,
        &["build", "--release", "-p", "dateline", "--bin", "dateline"],
    )?;
    let target = crate::synth::target_dir(root);
    let dateline = target.join("release").join("dateline");
    let scratch = target.join("bench-growth");
    fs::create_dir_all(&scratch).map_err(|e| format!("{}: {e}", scratch.display()))?;
    let mut timer = Timer::new(&scratch);
    let sizes: Vec<usize> = (0..options.steps)
        .rev()
        .map(|k| (options.top >> k) as usize)
        .collect();
    let tiny = scratch.join("tiny.txt");
    fs::write(&tiny, "12:30 GMT Something happened.\n")
        .map_err(|e| format!("{}: {e}", tiny.display()))?;
    let tiny_args: Vec<OsString> = vec!["parse".into(), "--quiet".into(), tiny.into()];
    let (tiny_run, _) = timer.once(&dateline, &tiny_args, &[], false)?;
    let base_kib = tiny_run.rss_kib.unwrap_or(0);
    println!(
        "reading a page of one line: {:.3} s, {:.0} MiB (taken from each peak below)\n",
        tiny_run.wall,
        base_kib as f64 / 1024.0
    );
    let mut report = String::new();
    let mut flagged = Vec::new();
    for shape in shapes() {
        if !options.only.is_empty() && !options.only.iter().any(|o| shape.name.contains(o.as_str()))
        {
            continue;
        }
        let mut samples = Vec::new();
        for &bytes in &sizes {
            let page = (shape.build)(bytes);
            let path = scratch.join(format!("page.{}", shape.extension));
            fs::write(&path, &page).map_err(|e| format!("{}: {e}", path.display()))?;
            let args: Vec<OsString> = vec!["parse".into(), "--quiet".into(), path.into()];
            let (measured, _) = timer.once(&dateline, &args, &[], false)?;
            samples.push(Sample {
                bytes: page.len(),
                secs: measured.wall,
                cpu: measured.cpu,
                rss_kib: measured.rss_kib,
                base_kib,
            });
        }
        let verdict = verdict(&samples);
        let _ = writeln!(report, "{}\n{}", shape.name, rows(&samples));
        let _ = writeln!(report, "  verdict: {verdict}\n");
        print!("{}", report);
        report.clear();
        if verdict != "linear" {
            flagged.push(format!("{}: {verdict}", shape.name));
        }
    }
    if flagged.is_empty() {
        println!("xtask bench --growth: every shape grows linearly, within the targets");
    } else {
        println!("xtask bench --growth: flagged\n  {}", flagged.join("\n  "));
    }
    Ok(())
}

fn rows(samples: &[Sample]) -> String {
    let mut out = String::new();
    let mut previous: Option<&Sample> = None;
    for s in samples {
        let ratio = previous.map_or("-".to_owned(), |p| {
            format!(
                "{:.1}x time for {:.1}x size",
                s.time() / p.time().max(1e-9),
                s.bytes as f64 / p.bytes.max(1) as f64
            )
        });
        let memory = match (s.rss_kib, s.memory_multiple()) {
            (Some(k), Some(m)) => format!("{:.0} MiB ({m:.0}x the page)", k as f64 / 1024.0),
            _ => "-".to_owned(),
        };
        let cpu = s.cpu.map_or("-".to_owned(), |c| format!("{c:.3}"));
        let _ = writeln!(
            out,
            "  {:>8.2} MB  {:>7.3} s wall  {cpu:>7} s CPU  {memory:<26}  {ratio}",
            s.bytes as f64 / 1e6,
            s.secs
        );
        previous = Some(s);
    }
    out.trim_end().to_owned()
}

/// `linear`, or what is wrong: superlinear growth, too slow for the target, too much memory.
fn verdict(samples: &[Sample]) -> String {
    let mut problems = Vec::new();
    // The growth from the first run long enough to measure to the last, for one doubling: the
    // time ratio to the power of 1 / log2 of the size ratio. Over the whole range, so that one
    // run slowed by another process does not decide it.
    let first = samples.iter().find(|s| s.time() >= SHORTEST);
    let growth = match (first, samples.last()) {
        (Some(a), Some(b)) if b.bytes > a.bytes => {
            let size = b.bytes as f64 / a.bytes.max(1) as f64;
            (b.time() / a.time()).powf(1.0 / size.log2())
        }
        _ => f64::NAN,
    };
    if growth > SUPERLINEAR {
        problems.push(format!(
            "superlinear ({growth:.1}x time when the page doubles)"
        ));
    }
    if let Some(last) = samples.last() {
        let per_mb = last.time() / (last.bytes as f64 / 1e6);
        if per_mb > TARGET_SECS_PER_MB && last.time() >= SHORTEST {
            problems.push(format!(
                "{:.1} s a MB: 10 MB would take {:.0} s (target 10 s)",
                per_mb,
                per_mb * 10.0
            ));
        }
        if let Some(multiple) = last.memory_multiple()
            && multiple > MEMORY_MULTIPLE
        {
            problems.push(format!("peak memory {multiple:.0}x the page"));
        }
    }
    if problems.is_empty() {
        "linear".to_owned()
    } else {
        problems.join("; ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn samples(points: &[(usize, f64)]) -> Vec<Sample> {
        points
            .iter()
            .map(|&(bytes, secs)| Sample {
                bytes,
                secs,
                cpu: None,
                rss_kib: Some(bytes as u64 / 1024 * 10 + 15_000),
                base_kib: 15_000,
            })
            .collect()
    }

    #[test]
    fn quadratic_growth_is_flagged_and_linear_is_not() {
        let linear = samples(&[(1_000_000, 0.2), (2_000_000, 0.41), (4_000_000, 0.8)]);
        assert_eq!(verdict(&linear), "linear");
        let quadratic = samples(&[(1_000_000, 0.2), (2_000_000, 0.8), (4_000_000, 3.2)]);
        assert!(
            verdict(&quadratic).starts_with("superlinear (4.0x"),
            "{}",
            verdict(&quadratic)
        );
        // Runs too short to measure are not read.
        let noise = samples(&[(1_000, 0.01), (2_000, 0.05)]);
        assert_eq!(verdict(&noise), "linear");
        // Memory is read above what reading any page costs.
        let mut heavy = samples(&[(1_000_000, 0.2), (2_000_000, 0.4)]);
        if let Some(last) = heavy.last_mut() {
            last.rss_kib = Some(15_000 + 2_000 * 100);
        }
        assert_eq!(verdict(&heavy), "peak memory 102x the page");
    }

    #[test]
    fn shapes_reach_their_size() {
        for shape in shapes() {
            let page = (shape.build)(10_000);
            assert!(
                page.len() >= 10_000 && page.len() < 12_000,
                "{}: {}",
                shape.name,
                page.len()
            );
        }
    }

    #[test]
    fn flags_read_top_steps_and_only() {
        let args: Vec<String> = [
            "--growth",
            "--top",
            "10mb",
            "--steps",
            "5",
            "--only",
            "html,text",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        let options = flags(&args).unwrap_or_else(|e| unreachable!("{e}"));
        assert_eq!(options.top, 10_000_000);
        assert_eq!(options.steps, 5);
        assert_eq!(options.only, ["html", "text"]);
    }
}
