//! `cargo xtask package` and `cargo xtask msrv`: the library crates as they would be published,
//! and the workspace on the oldest Rust it claims.
//!
//! `package` packs every library crate (`cargo package`, as `cargo publish` would, without
//! uploading) and compiles each package's own tests from the packed files alone, the packed
//! crates standing in for the registry's copies of one another (`[patch.crates-io]`): a file a
//! package needs but does not hold (an `include_str!` of the repository's seeds) fails here, not
//! on a user's machine. `msrv` installs the toolchain of the workspace's `rust-version` with
//! rustup and checks every target with it.

use std::fs;
use std::path::Path;
use std::process::Command;

use crate::cargo_bin;

/// The crates other projects depend on, in the order of their dependencies.
const LIBRARIES: &[&str] = &[
    "dateline-model",
    "dateline-time",
    "dateline-sources",
    "dateline-merge",
    "dateline-formats",
];

pub(crate) fn package(root: &Path) -> Result<(), String> {
    let version = workspace_field(root, "version")?;
    let mut pack = vec!["package", "--no-verify", "--allow-dirty"];
    for name in LIBRARIES {
        pack.extend(["-p", name]);
    }
    crate::cargo(root, &pack)?;
    let packed = root.join("target/package");
    // `--no-verify` leaves the `.crate` archives only: each is unpacked afresh, as a registry
    // would unpack it (`tar`, as on every machine CI runs on), so no file of an earlier run stays.
    for name in LIBRARIES {
        let dir = packed.join(format!("{name}-{version}"));
        if dir.exists() {
            fs::remove_dir_all(&dir)
                .map_err(|e| format!("cannot remove {}: {e}", dir.display()))?;
        }
        let status = Command::new("tar")
            .arg("-xzf")
            .arg(packed.join(format!("{name}-{version}.crate")))
            .arg("-C")
            .arg(&packed)
            .status()
            .map_err(|e| format!("cannot run tar to unpack the package of {name}: {e}"))?;
        if !status.success() {
            return Err(format!("tar could not unpack the package of {name}"));
        }
    }
    let patches: Vec<String> = LIBRARIES
        .iter()
        .map(|name| {
            let dir = packed.join(format!("{name}-{version}"));
            format!(
                "patch.crates-io.{name}.path={:?}",
                dir.display().to_string()
            )
        })
        .collect();
    for name in LIBRARIES {
        let manifest = packed.join(format!("{name}-{version}/Cargo.toml"));
        let mut command = Command::new(cargo_bin());
        command
            .args(["test", "--no-run", "--quiet", "--manifest-path"])
            .arg(&manifest)
            // The workspace's target directory: the dependencies built for its tests serve here.
            .env("CARGO_TARGET_DIR", root.join("target"))
            .current_dir(root);
        for patch in &patches {
            command.args(["--config", patch]);
        }
        let status = command
            .status()
            .map_err(|e| format!("cannot run cargo test for the package {name}: {e}"))?;
        if !status.success() {
            return Err(format!(
                "the package of {name} does not compile its tests from its own files; a file it \
                 needs is not in its `include` list ({})",
                manifest.display()
            ));
        }
    }
    println!(
        "xtask package: {} library crates packed, each compiles its tests on its own",
        LIBRARIES.len()
    );
    Ok(())
}

pub(crate) fn msrv(root: &Path) -> Result<(), String> {
    let version = workspace_field(root, "rust-version")?;
    let install = Command::new("rustup")
        .args(["toolchain", "install", &version, "--profile", "minimal"])
        .current_dir(root)
        .status();
    match install {
        Ok(status) if status.success() => {}
        Ok(_) | Err(_) => {
            return Err(format!(
                "cannot install Rust {version} with rustup, so the workspace's rust-version is \
                 not checked; install that toolchain and run `cargo xtask msrv` again"
            ));
        }
    }
    let status = Command::new("rustup")
        .args([
            "run",
            &version,
            "cargo",
            "check",
            "--workspace",
            "--all-targets",
        ])
        .args(["--locked", "--quiet"])
        .env("CARGO_TARGET_DIR", root.join("target/msrv"))
        // The outer cargo's own variables name its toolchain; the inner one is rustup's choice.
        .env_remove("CARGO")
        .env_remove("RUSTC")
        .env_remove("RUSTDOC")
        .current_dir(root)
        .status()
        .map_err(|e| format!("cannot run cargo with Rust {version}: {e}"))?;
    if status.success() {
        println!("xtask msrv: the workspace builds with Rust {version}, its rust-version");
        Ok(())
    } else {
        Err(format!(
            "the workspace does not build with Rust {version}, the rust-version that Cargo.toml \
             and the README claim: raise both to the oldest version that builds it"
        ))
    }
}

/// A field of `[workspace.package]` in the root `Cargo.toml` (`version = "0.1.0"`).
fn workspace_field(root: &Path, field: &str) -> Result<String, String> {
    let manifest = fs::read_to_string(root.join("Cargo.toml"))
        .map_err(|e| format!("cannot read Cargo.toml: {e}"))?;
    let section = manifest
        .split("\n[")
        .find(|s| s.starts_with("workspace.package]"))
        .ok_or("Cargo.toml has no [workspace.package]")?;
    section
        .lines()
        .filter_map(|line| line.split_once('='))
        .find(|(key, _)| key.trim() == field)
        .map(|(_, value)| value.trim().trim_matches('"').to_owned())
        .ok_or_else(|| format!("Cargo.toml's [workspace.package] has no {field}"))
}
