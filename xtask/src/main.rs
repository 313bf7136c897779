//! Maintainer tasks for the dateline workspace, run as `cargo xtask TASK`.
//!
//! - `ci`: everything CI checks: `fmt --check`, `clippy -D warnings`, tests, docs without warnings,
//!   `seeds`, `tidy`, `python`, `package` and `msrv`.
//! - `fmt`, `clippy`, `test`, `doc`: one of those steps.
//! - `package`: every library crate packed as `cargo publish` would pack it, and its tests compiled
//!   from the packed files alone (`package.rs`).
//! - `msrv`: the workspace checked with the Rust of its `rust-version` (installed by rustup).
//! - `python`: the Python package built as a wheel (maturin), installed in a fresh virtual
//!   environment, its pytest suite (the Dask recipe among it, on a generated corpus) and the
//!   README's Python example run there (`python.rs`; `--dask-posts N --release` at scale).
//! - `seeds`: every file in `seeds/` matches `seeds/SHA256SUMS`, and every listed file exists.
//! - `tidy`: every library opens with a `//!` essay, no library prints, no `.snap.new` is left.
//! - `codegen [--check]`: writes the JSON Schema of the contract to
//!   `docs/schema/timeline.schema.json`, generated from the model's types by the model's `schema`
//!   example (so xtask does not build schemars itself), and the manual pages to `docs/man/`, as
//!   `dateline man --out-dir` writes them (so xtask does not build clap_mangen itself); `--check`
//!   fails when a file is stale, missing, or no longer generated.
//! - `bench [--quick] [--scale-only] [--micro-only] [--sizes N,..] [-- ARGS]`: the divan
//!   benchmarks in release (`cargo bench -p dateline-time -p dateline-merge`, `ARGS` passed
//!   through: `cargo xtask bench -- find` runs the `find` benches only), then the merge at scale
//!   on generated corpora of 10 k, 100 k and 1 M posts (`bench.rs`), whose table goes into
//!   `docs/performance.md`; `--quick` runs the 10 k scale run only.
//! - `bench --cli [--quick] [--sizes 10mb,100mb,1gb] [--runs N] [--peers]`: instead, the release
//!   `dateline` binary (`parse` and `timeline`) on generated corpora of those sizes, against ripgrep
//!   and (installed by `--peers` under the target directory) chrono-node and dateparser, plus the
//!   start-up time; its section goes into `docs/performance.md` (`bench_cli.rs`).
//! - `bench --growth [--quick] [--top 4mb] [--steps N] [--only NAME,..]`: instead, the release
//!   `dateline` binary on generated hostile pages (long lines of stamps, deep HTML, huge JSON-LD...)
//!   at sizes that double, with the time, peak memory and ratio of each and a printed verdict
//!   that flags superlinear growth (`bench_growth.rs`).
//! - `synth [--posts N] [--outlets K] [--seed S] [--start DATE] [--out DIR]`: a generated
//!   corpus in the seed layouts with its `gold.json` (`synth.rs`, over the `dateline-synth`
//!   crate), by default under `target/synth/`.
//! - `eval DIR [--copies text|html|both] [--peers] [--verbose]`: runs dateline over a folder of
//!   real pages with a `gold.json` and prints items found, precision, the exact-UTC rate and merge
//!   figures (`eval.rs`); a gold of page dates (`pages` with `expect_day`) gives the share of pages
//!   whose publication day is right, beside htmldate's with `--peers` (`eval_dates.rs`).
//! - `fuzz [--seconds N] [--corpus DIR] [--minimise] [TARGET...] [-- LIBFUZZER_ARGS]`: the
//!   cargo-fuzz targets of `fuzz/` (`text_page`, `html_page`, `stamps`, `plugin_protocol`; all by
//!   default), each for N seconds (60 by default) with `cargo +nightly fuzz run`, seeded from the
//!   minimised corpus in `fuzz/corpus/` and growing the full one outside the repository (under the
//!   target directory by default), then a table of the executions each ran; a crash fails the
//!   task. `--minimise` rebuilds the committed corpus from both (`fuzz.rs`). Needs a nightly
//!   toolchain and `cargo install cargo-fuzz`.
//!
//! xtask is a plain binary with few dependencies [rust-analyzer, mdBook]: it runs cargo as a child
//! process and reads files; it is not part of the published crates.

// A task runner reports to its terminal; that is its job.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod bench;
mod bench_cli;
mod bench_growth;
mod eval;
mod eval_cite;
mod eval_dates;
mod fuzz;
mod package;
mod python;
mod synth;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use sha2::{Digest, Sha256};

const USAGE: &str = "usage: cargo xtask <ci|fmt|clippy|test|doc|package|msrv|python [--dask-posts N] [--release]|seeds|tidy|codegen [--check]|bench [ARGS]|synth [ARGS]|eval DIR|fuzz [--seconds N] [--corpus DIR] [--minimise] [TARGET...]>";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(task) = args.first() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let root = workspace_root();
    let result = match task.as_str() {
        "ci" => ci(&root),
        "fmt" => cargo(&root, &["fmt", "--all", "--", "--check"]),
        "clippy" => clippy(&root),
        "test" => test(&root),
        "doc" => doc(&root),
        "package" => package::package(&root),
        "msrv" => package::msrv(&root),
        "python" => python::flags(args.get(1..).unwrap_or_default())
            .and_then(|options| python::python(&root, &options)),
        "seeds" => seeds(&root),
        "tidy" => tidy(&root),
        "codegen" => codegen(&root, args.get(1..).unwrap_or_default()),
        "bench" => bench::bench(&root, args.get(1..).unwrap_or_default()),
        "synth" => synth::synth(&root, args.get(1..).unwrap_or_default()),
        "eval" => eval::eval(&root, args.get(1..).unwrap_or_default()),
        "fuzz" => fuzz::fuzz(&root, args.get(1..).unwrap_or_default()),
        "help" | "--help" | "-h" => {
            println!("{USAGE}");
            Ok(())
        }
        other => Err(format!("unknown task `{other}`\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::from(2)
        }
    }
}

fn workspace_root() -> PathBuf {
    // CARGO_MANIFEST_DIR is xtask/ when run through `cargo xtask`.
    let manifest = std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from);
    match manifest {
        Some(dir) => dir.parent().map(Path::to_path_buf).unwrap_or(dir),
        None => PathBuf::from("."),
    }
}

fn ci(root: &Path) -> Result<(), String> {
    seeds(root)?;
    tidy(root)?;
    codegen(root, &["--check".to_owned()])?;
    cargo(root, &["fmt", "--all", "--", "--check"])?;
    clippy(root)?;
    test(root)?;
    python::python(root, &python::Options::default())?;
    doc(root)?;
    package::package(root)?;
    package::msrv(root)?;
    println!("xtask ci: all checks passed");
    Ok(())
}

fn clippy(root: &Path) -> Result<(), String> {
    cargo(
        root,
        &[
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ],
    )
}

fn test(root: &Path) -> Result<(), String> {
    cargo(root, &["test", "--workspace"])
}

fn doc(root: &Path) -> Result<(), String> {
    let status = Command::new(cargo_bin())
        .args(["doc", "--workspace", "--no-deps"])
        .env("RUSTDOCFLAGS", "-D warnings")
        .current_dir(root)
        .status()
        .map_err(|e| format!("cannot run cargo doc: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err("cargo doc --workspace --no-deps reported warnings or errors".to_owned())
    }
}

pub(crate) fn cargo_bin() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned())
}

pub(crate) fn cargo(root: &Path, args: &[&str]) -> Result<(), String> {
    let status = Command::new(cargo_bin())
        .args(args)
        .current_dir(root)
        .status()
        .map_err(|e| format!("cannot run cargo {}: {e}", args.join(" ")))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("cargo {} failed", args.join(" ")))
    }
}

/// Checks `seeds/` against `seeds/SHA256SUMS`: each listed file exists with that digest, and no
/// other file sits beside them.
fn seeds(root: &Path) -> Result<(), String> {
    let dir = root.join("seeds");
    let sums_path = dir.join("SHA256SUMS");
    let sums =
        fs::read_to_string(&sums_path).map_err(|e| format!("cannot read seeds/SHA256SUMS: {e}"))?;
    let mut problems = Vec::new();
    let mut listed = Vec::new();
    for (number, line) in sums.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let Some((digest, name)) = line.split_once("  ") else {
            problems.push(format!(
                "seeds/SHA256SUMS:{}: expected `DIGEST  NAME`",
                number + 1
            ));
            continue;
        };
        listed.push(name.to_owned());
        match fs::read(dir.join(name)) {
            Ok(bytes) => {
                let actual = hex(&Sha256::digest(&bytes));
                if actual != digest {
                    problems.push(format!(
                        "seeds/{name}: digest {actual} differs from SHA256SUMS ({digest}); restore the seed byte for byte"
                    ));
                }
            }
            Err(e) => problems.push(format!("seeds/{name}: {e}")),
        }
    }
    let entries = fs::read_dir(&dir).map_err(|e| format!("cannot list seeds/: {e}"))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("cannot list seeds/: {e}"))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name != "SHA256SUMS" && !listed.contains(&name) {
            problems.push(format!("seeds/{name}: not listed in SHA256SUMS; seeds/ is data copied from the shared seeds only"));
        }
    }
    if problems.is_empty() {
        println!("xtask seeds: {} seed files match SHA256SUMS", listed.len());
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

/// Where `codegen` writes the JSON Schema, relative to the workspace root.
const SCHEMA_PATH: &str = "docs/schema/timeline.schema.json";

/// Where `codegen` writes the manual pages, relative to the workspace root.
const MAN_DIR: &str = "docs/man";

/// Writes (or with `--check`, compares) the generated files in `docs/`: the JSON Schema and the
/// manual pages.
fn codegen(root: &Path, args: &[String]) -> Result<(), String> {
    let check = match args {
        [] => false,
        [flag] if flag == "--check" => true,
        _ => return Err("usage: cargo xtask codegen [--check]".to_owned()),
    };
    let mut files = vec![(SCHEMA_PATH.to_owned(), generated_schema(root)?.into_bytes())];
    files.extend(generated_man_pages(root)?);
    if check {
        let mut problems = Vec::new();
        for (name, generated) in &files {
            match fs::read(root.join(name)) {
                Ok(committed) if committed == *generated => {}
                Ok(_) => problems.push(format!("{name} is stale")),
                Err(_) => problems.push(format!("{name} is missing")),
            }
        }
        // A page of a subcommand that is gone.
        let listed: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
        for entry in fs::read_dir(root.join(MAN_DIR))
            .into_iter()
            .flatten()
            .flatten()
        {
            let name = format!("{MAN_DIR}/{}", entry.file_name().to_string_lossy());
            if !listed.contains(&name.as_str()) {
                problems.push(format!("{name} is no longer generated"));
            }
        }
        if !problems.is_empty() {
            return Err(format!(
                "{}: the model's types or the command line changed; run `cargo xtask codegen` and commit the result",
                problems.join("; ")
            ));
        }
        println!("xtask codegen: {SCHEMA_PATH} and {MAN_DIR}/ are up to date");
        return Ok(());
    }
    // The pages of subcommands that are gone go with them.
    if let Ok(entries) = fs::read_dir(root.join(MAN_DIR)) {
        for entry in entries.flatten() {
            let _ = fs::remove_file(entry.path());
        }
    }
    for (name, bytes) in &files {
        let path = root.join(name);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        }
        fs::write(&path, bytes).map_err(|e| format!("cannot write {name}: {e}"))?;
    }
    println!(
        "xtask codegen: wrote {SCHEMA_PATH} and {} pages in {MAN_DIR}/",
        files.len() - 1
    );
    Ok(())
}

/// The manual pages as `dateline man --out-dir` writes them, `(path from the root, roff)`.
fn generated_man_pages(root: &Path) -> Result<Vec<(String, Vec<u8>)>, String> {
    let dir = root.join("target").join("xtask-man");
    let _ = fs::remove_dir_all(&dir);
    let out_dir = dir.display().to_string();
    let args = [
        "run",
        "-q",
        "--bin",
        "dateline",
        "--",
        "man",
        "--out-dir",
        &out_dir,
    ];
    let status = Command::new(cargo_bin())
        .args(args)
        .current_dir(root)
        .status()
        .map_err(|e| format!("cannot run cargo {}: {e}", args.join(" ")))?;
    if !status.success() {
        return Err(format!("cargo {} failed", args.join(" ")));
    }
    let mut pages = Vec::new();
    for entry in fs::read_dir(&dir).map_err(|e| format!("cannot list {out_dir}: {e}"))? {
        let path = entry
            .map_err(|e| format!("cannot list {out_dir}: {e}"))?
            .path();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let bytes = fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        pages.push((format!("{MAN_DIR}/{name}"), bytes));
    }
    pages.sort();
    Ok(pages)
}

/// The schema as the model's `schema` example prints it (pretty, with a trailing newline).
fn generated_schema(root: &Path) -> Result<String, String> {
    let args = [
        "run",
        "-q",
        "-p",
        "dateline-model",
        "--features",
        "schema",
        "--example",
        "schema",
    ];
    let output = Command::new(cargo_bin())
        .args(args)
        .current_dir(root)
        .stderr(std::process::Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot run cargo {}: {e}", args.join(" ")))?;
    if !output.status.success() {
        return Err(format!("cargo {} failed", args.join(" ")));
    }
    String::from_utf8(output.stdout)
        .map_err(|e| format!("the schema example wrote invalid UTF-8: {e}"))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// House rules that neither rustc nor clippy check.
fn tidy(root: &Path) -> Result<(), String> {
    let mut problems = Vec::new();
    let crates =
        fs::read_dir(root.join("crates")).map_err(|e| format!("cannot list crates/: {e}"))?;
    for entry in crates {
        let dir = entry
            .map_err(|e| format!("cannot list crates/: {e}"))?
            .path();
        let lib = dir.join("src").join("lib.rs");
        if !lib.exists() {
            continue;
        }
        let text = fs::read_to_string(&lib).map_err(|e| format!("{}: {e}", lib.display()))?;
        let name = relative(root, &lib);
        if !text.trim_start().starts_with("//!") {
            problems.push(format!("{name}: a library opens with a `//!` essay"));
        }
        if !text.contains("#![deny(missing_docs)]") {
            problems.push(format!("{name}: libraries deny missing docs"));
        }
        for file in rust_files(&dir.join("src")) {
            let source =
                fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
            let body = source.split("#[cfg(test)]").next().unwrap_or_default();
            for (number, line) in body.lines().enumerate() {
                let code = line.trim_start();
                if code.starts_with("//") {
                    continue;
                }
                if [
                    "println!",
                    "eprintln!",
                    "print!(",
                    "eprint!(",
                    "std::process::exit",
                ]
                .iter()
                .any(|p| code.contains(p))
                {
                    problems.push(format!(
                        "{}:{}: libraries do not print or exit; return data or an error",
                        relative(root, &file),
                        number + 1
                    ));
                }
            }
        }
    }
    for file in walk(root) {
        let name = file.to_string_lossy();
        if name.ends_with(".snap.new") || name.ends_with(".pending-snap") {
            problems.push(format!(
                "{}: an unreviewed snapshot; review it and accept or delete it",
                relative(root, &file)
            ));
        }
    }
    if problems.is_empty() {
        println!("xtask tidy: ok");
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

fn relative(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .display()
        .to_string()
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    walk(dir)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .collect()
}

/// Every file under `dir`, skipping build output and version control.
fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(current) = stack.pop() {
        let Ok(entries) = fs::read_dir(&current) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name == ".git" || name.starts_with("target") || name == "node_modules" {
                continue;
            }
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}
