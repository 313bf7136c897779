//! `cargo xtask python`: the Python package (`crates/dateline-py`) built as a wheel, installed in
//! a fresh virtual environment, its pytest suite run there, and the README's Python example run
//! there too, as a user would install and try it.
//!
//! maturin (pinned, [`MATURIN`]) is installed in a build environment under the target directory
//! and builds the wheel with the dev profile, so it reuses what `cargo test` built. The test
//! environment is made afresh each run (`venv --clear`), so nothing of an earlier run is imported.
//! The tests compare the package's output with the `dateline` binary's (`target/debug/dateline`,
//! built by `cargo test`), found through `DATELINE_BIN`. The distributed recipe
//! (`dateline.distributed`) runs on a local Dask cluster of two workers over a generated corpus of
//! [`DASK_POSTS`] posts (`DATELINE_SYNTH`, made here as `cargo xtask synth` makes it, once).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The maturin the wheel is built with.
const MATURIN: &str = "maturin==1.16.0";
/// The pytest the tests run with.
const PYTEST: &str = "pytest==9.2.0";
/// The Dask the distributed recipe (`dateline.distributed`) is tested on, and the pyarrow its
/// Parquet is read back with.
const DASK: &str = "dask[distributed]==2026.11.0";
const PYARROW: &str = "pyarrow==26.0.1";
/// The posts of the generated corpus the recipe is run over, on a cluster of two workers, by
/// default: the wheel and the binary are debug builds here, so CI's corpus is small;
/// `--dask-posts N --release` runs it at scale (`docs/scale.md`).
const DASK_POSTS: usize = 10_000;

fn run(command: &mut Command, what: &str) -> Result<(), String> {
    let status = command
        .status()
        .map_err(|e| format!("cannot {what}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("xtask python: could not {what}"))
    }
}

/// A virtual environment at `dir`, made afresh when `clear`; its Python.
fn venv(dir: &Path, clear: bool) -> Result<PathBuf, String> {
    let python = dir.join("bin/python");
    if clear || !python.exists() {
        let mut command = Command::new("python3");
        command.args(["-m", "venv"]);
        if clear {
            command.arg("--clear");
        }
        run(
            command.arg(dir),
            &format!(
                "make a virtual environment at {} (is python3 with venv installed?)",
                dir.display()
            ),
        )?;
    }
    Ok(python)
}

fn pip(python: &Path, args: &[&str]) -> Result<(), String> {
    run(
        Command::new(python)
            .args([
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
            ])
            .args(args),
        &format!("pip install {}", args.join(" ")),
    )
}

/// What `cargo xtask python` was asked for.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Options {
    /// The posts of the corpus the Dask recipe is tested on.
    pub dask_posts: usize,
    /// Whether the wheel and the binary it is compared with are release builds.
    pub release: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            dask_posts: DASK_POSTS,
            release: false,
        }
    }
}

/// Reads `[--dask-posts N] [--release]`.
pub(crate) fn flags(args: &[String]) -> Result<Options, String> {
    let usage = "usage: cargo xtask python [--dask-posts N] [--release]";
    let mut options = Options::default();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--release" => options.release = true,
            "--dask-posts" => {
                options.dask_posts = args
                    .next()
                    .and_then(|n| n.replace('_', "").parse().ok())
                    .ok_or(format!("--dask-posts needs a number of posts\n{usage}"))?;
            }
            other => return Err(format!("unknown argument `{other}`\n{usage}")),
        }
    }
    Ok(options)
}

pub(crate) fn python(root: &Path, options: &Options) -> Result<(), String> {
    let target = root.join("target/python");
    let build = venv(&target.join("build"), false)?;
    pip(&build, &[MATURIN])?;
    let wheels = target.join("wheels");
    if wheels.exists() {
        fs::remove_dir_all(&wheels)
            .map_err(|e| format!("cannot clear {}: {e}", wheels.display()))?;
    }
    let mut maturin = Command::new(build.with_file_name("maturin"));
    maturin.args([
        "build",
        "--manifest-path",
        "crates/dateline-py/Cargo.toml",
        "--out",
    ]);
    maturin.arg(&wheels);
    if options.release {
        maturin.arg("--release");
        crate::cargo(root, &["build", "--release", "--bin", "dateline"])?;
    }
    run(
        maturin.arg("--interpreter").arg(&build).current_dir(root),
        "build the wheel with maturin",
    )?;
    let wheel = fs::read_dir(&wheels)
        .map_err(|e| format!("cannot read {}: {e}", wheels.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "whl"))
        .ok_or("maturin wrote no wheel")?;
    let fresh = venv(&target.join("venv"), true)?;
    let wheel_arg = wheel.display().to_string();
    pip(&fresh, &[&wheel_arg, PYTEST, DASK, PYARROW])?;
    let binary = root
        .join("target")
        .join(if options.release { "release" } else { "debug" })
        .join("dateline");
    let spec = dateline_synth::Spec::new(options.dask_posts, 12, 1);
    let corpus = crate::synth::default_out(root, &spec);
    if !corpus.join("gold.json").exists() {
        crate::synth::write(&spec, &corpus)?;
    }
    run(
        Command::new(&fresh)
            .args(["-m", "pytest", "-q", "-s", "crates/dateline-py/tests"])
            .env("DATELINE_BIN", &binary)
            .env("DATELINE_SYNTH", &corpus)
            .current_dir(root),
        "pass the Python package's tests",
    )?;
    // The README's example, as a user would paste it, from the repository's root.
    let readme = fs::read_to_string(root.join("README.md"))
        .map_err(|e| format!("cannot read README.md: {e}"))?;
    let example = python_example(&readme).ok_or("README.md has no ```python example")?;
    run(
        Command::new(&fresh)
            .args(["-c", &example])
            .current_dir(root),
        "run the README's Python example",
    )?;
    println!(
        "xtask python: the wheel installs in a fresh environment, its tests and the README's example pass"
    );
    Ok(())
}

/// The first ```python block of a Markdown text.
fn python_example(markdown: &str) -> Option<String> {
    let start = markdown.find("```python\n")? + "```python\n".len();
    let end = markdown.get(start..)?.find("```")? + start;
    markdown.get(start..end).map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_python_block_is_the_example() {
        let text =
            "# x\n```sh\nls\n```\n```python\nimport dateline\nprint(1)\n```\n```python\nno\n```";
        assert_eq!(
            python_example(text).as_deref(),
            Some("import dateline\nprint(1)\n")
        );
        assert_eq!(python_example("no code"), None);
    }
}
