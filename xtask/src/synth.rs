//! `cargo xtask synth`: writes a generated corpus (pages in the seed layouts and `gold.json`)
//! with `dateline-synth`.

use std::fs;
use std::path::{Path, PathBuf};

use dateline_synth::{Gold, Spec, generate};

pub(crate) const USAGE: &str = "usage: cargo xtask synth [--posts N] [--outlets K] [--seed S] [--start YYYY-MM-DD] [--out DIR]";

/// The defaults: 10,000 posts from 12 outlets (four of each layout), seed 1.
pub(crate) const DEFAULT: Spec = Spec {
    posts: 10_000,
    outlets: 12,
    seed: 1,
    start: (2020, 1, 2),
};

/// Where build output goes: `CARGO_TARGET_DIR`, else the workspace's `target/`.
pub(crate) fn target_dir(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .map(|p| if p.is_absolute() { p } else { root.join(p) })
        .unwrap_or_else(|| root.join("target"))
}

/// Writes the corpus of `spec` (default start day) to its [`default_out`] directory with the
/// generator built optimised (five times faster than in a debug build of xtask; the output is the
/// same bytes either way), and returns the directory.
pub(crate) fn generate_optimised(root: &Path, spec: &Spec) -> Result<PathBuf, String> {
    let dir = default_out(root, spec);
    let out = dir.to_string_lossy().into_owned();
    let (posts, outlets, seed) = (
        spec.posts.to_string(),
        spec.outlets.to_string(),
        spec.seed.to_string(),
    );
    crate::cargo(
        root,
        &[
            "run",
            "--release",
            "-q",
            "-p",
            "xtask",
            "--",
            "synth",
            "--posts",
            &posts,
            "--outlets",
            &outlets,
            "--seed",
            &seed,
            "--out",
            &out,
        ],
    )?;
    Ok(dir)
}

/// The default directory of a corpus: under the target directory, never in the repository.
pub(crate) fn default_out(root: &Path, spec: &Spec) -> PathBuf {
    let mut name = format!(
        "posts-{}-outlets-{}-seed-{}",
        spec.posts, spec.outlets, spec.seed
    );
    if spec.start != DEFAULT.start {
        let (y, m, d) = spec.start;
        name.push_str(&format!("-from-{y:04}-{m:02}-{d:02}"));
    }
    target_dir(root).join("synth").join(name)
}

fn number<T: std::str::FromStr>(flag: &str, value: Option<&String>) -> Result<T, String> {
    let value = value.ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))?;
    let digits: String = value.chars().filter(|c| *c != '_').collect();
    let digits = digits
        .strip_suffix(['k', 'K'])
        .map(|d| format!("{d}000"))
        .or_else(|| {
            digits
                .strip_suffix(['m', 'M'])
                .map(|d| format!("{d}000000"))
        })
        .unwrap_or(digits);
    digits
        .parse()
        .map_err(|_| format!("{flag} takes a number, not `{value}`"))
}

/// Parses `--posts N --outlets K --seed S --start YYYY-MM-DD --out DIR` (`10k`, `1M` and `1_000` are numbers).
pub(crate) fn parse(root: &Path, args: &[String]) -> Result<(Spec, PathBuf), String> {
    let mut spec = DEFAULT;
    let mut out = None;
    let mut i = 0;
    while let Some(flag) = args.get(i) {
        let value = args.get(i + 1);
        match flag.as_str() {
            "--posts" => spec.posts = number(flag, value)?,
            "--outlets" => spec.outlets = number(flag, value)?,
            "--seed" => spec.seed = number(flag, value)?,
            "--start" => {
                let date = value.ok_or_else(|| format!("--start needs a date\n{USAGE}"))?;
                let parts: Vec<&str> = date.split('-').collect();
                let parsed = match parts.as_slice() {
                    [y, m, d] => y.parse().ok().zip(m.parse().ok()).zip(d.parse().ok()),
                    _ => None,
                };
                match parsed {
                    Some(((y, m), d)) if (1..=12).contains(&m) && (1..=31).contains(&d) => {
                        spec.start = (y, m, d);
                    }
                    _ => return Err(format!("--start takes a date YYYY-MM-DD, not `{date}`")),
                }
            }
            "--out" => {
                out =
                    Some(PathBuf::from(value.ok_or_else(|| {
                        format!("--out needs a directory\n{USAGE}")
                    })?));
            }
            other => return Err(format!("unknown argument `{other}`\n{USAGE}")),
        }
        i += 2;
    }
    if spec.posts == 0 {
        return Err("--posts must be at least 1".to_owned());
    }
    if !(1..=dateline_synth::MAX_OUTLETS).contains(&spec.outlets) {
        return Err(format!(
            "--outlets must be from 1 to {}",
            dateline_synth::MAX_OUTLETS
        ));
    }
    let out = out.unwrap_or_else(|| default_out(root, &spec));
    Ok((spec, out))
}

/// Writes the corpus of `spec` into `out` (created if needed; pages and gold of an earlier corpus
/// there are removed first) and returns its gold.
pub(crate) fn write(spec: &Spec, out: &Path) -> Result<Gold, String> {
    fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    // Only an earlier corpus is replaced: pages are never deleted from any other directory.
    let is_corpus = out.join("gold.json").exists();
    let is_empty = fs::read_dir(out)
        .map_err(|e| format!("{}: {e}", out.display()))?
        .next()
        .is_none();
    if !is_corpus && !is_empty {
        return Err(format!(
            "{} is not empty and holds no corpus (no gold.json); give an empty or new directory",
            out.display()
        ));
    }
    let entries = fs::read_dir(out).map_err(|e| format!("{}: {e}", out.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        let stale = path.extension().is_some_and(|e| e == "txt")
            || path.file_name().is_some_and(|n| n == "gold.json");
        if stale {
            fs::remove_file(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    let gold = generate(spec, &mut |name: &str, bytes: &[u8]| {
        let path = out.join(name);
        fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))
    })?;
    let path = out.join("gold.json");
    fs::write(&path, gold.to_json()).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(gold)
}

/// `cargo xtask synth ARGS`.
pub(crate) fn synth(root: &Path, args: &[String]) -> Result<(), String> {
    let (spec, out) = parse(root, args)?;
    let start = std::time::Instant::now();
    let gold = write(&spec, &out)?;
    let bytes: usize = gold.pages.iter().map(|p| p.bytes).sum();
    println!(
        "xtask synth: {} posts of {} events ({} gold pairs) on {} pages, {:.1} MB, from {} outlets, seed {}, in {:.1} s\n  {}",
        gold.posts.len(),
        gold.events.len(),
        gold.pairs(),
        gold.pages.len(),
        bytes as f64 / 1e6,
        gold.outlets.len(),
        spec.seed,
        start.elapsed().as_secs_f64(),
        out.display()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn arguments_take_suffixes_and_default_under_target() {
        let root = Path::new("/r");
        let (spec, out) = parse(
            root,
            &strings(&[
                "--posts",
                "100k",
                "--outlets",
                "6",
                "--seed",
                "9",
                "--start",
                "2020-10-24",
            ]),
        )
        .unwrap_or_else(|e| unreachable!("{e}"));
        assert_eq!((spec.posts, spec.outlets, spec.seed), (100_000, 6, 9));
        assert_eq!(spec.start, (2020, 10, 24));
        assert!(parse(root, &strings(&["--start", "2020-13-01"])).is_err());
        assert!(out.ends_with("synth/posts-100000-outlets-6-seed-9-from-2020-10-24"));
        assert!(parse(root, &strings(&["--posts", "x"])).is_err());
        assert!(parse(root, &strings(&["--outlets", "0"])).is_err());
        assert!(parse(root, &strings(&["--bogus"])).is_err());
    }

    /// The same arguments write the same bytes: two runs into two directories compare equal.
    #[test]
    fn a_small_corpus_is_byte_identical_across_runs() {
        let base = std::env::temp_dir().join(format!("xtask-synth-{}", std::process::id()));
        let spec = Spec::new(200, 3, 5);
        let read = |dir: &Path| -> Vec<(String, Vec<u8>)> {
            let mut files: Vec<(String, Vec<u8>)> = fs::read_dir(dir)
                .into_iter()
                .flatten()
                .flatten()
                .map(|e| {
                    (
                        e.file_name().to_string_lossy().into_owned(),
                        fs::read(e.path()).unwrap_or_default(),
                    )
                })
                .collect();
            files.sort();
            files
        };
        let (a, b) = (base.join("a"), base.join("b"));
        assert!(write(&spec, &a).is_ok());
        assert!(write(&spec, &b).is_ok());
        // A second run into the same directory replaces the corpus.
        assert!(write(&spec, &b).is_ok());
        // A directory that holds something else is left alone.
        let other = base.join("other");
        assert!(fs::create_dir_all(&other).is_ok());
        assert!(fs::write(other.join("keep.txt"), "mine").is_ok());
        assert!(write(&spec, &other).is_err());
        assert_eq!(
            fs::read_to_string(other.join("keep.txt")).ok().as_deref(),
            Some("mine")
        );
        let (fa, fb) = (read(&a), read(&b));
        let _ = fs::remove_dir_all(&base);
        assert!(fa.len() > 3, "{}", fa.len());
        assert!(fa.iter().any(|(n, _)| n == "gold.json"));
        assert_eq!(fa, fb);
    }
}
