//! Helpers shared by the end-to-end tests.

use std::path::Path;
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;

/// The built `dateline` binary, run from the workspace root so paths like `seeds/` work.
pub fn dateline() -> Command {
    let mut cmd = Command::cargo_bin("dateline").expect("the dateline binary is built");
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

/// Runs dateline with `args` and reads its standard output as JSON.
pub fn json_of(args: &[&str]) -> Value {
    let output = dateline().args(args).output().expect("dateline runs");
    assert!(
        output.status.success(),
        "dateline failed: {}",
        stderr(&output)
    );
    serde_json::from_slice(&output.stdout).expect("the output is JSON")
}

/// `seeds/<the seed file whose name starts with prefix>`.
pub fn seed(prefix: &str) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("seeds/ exists")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(prefix) && n.ends_with(".txt"))
        .collect();
    names.sort();
    format!("seeds/{}", names.first().expect("the seed exists"))
}

/// A PATH with `dirs` first, then the inherited PATH (for `sh` and `cat` in script plugins).
pub fn path_with(dirs: &[&Path]) -> std::ffi::OsString {
    let inherited = std::env::var_os("PATH").unwrap_or_default();
    let all = dirs
        .iter()
        .map(|d| d.to_path_buf())
        .chain(std::env::split_paths(&inherited));
    std::env::join_paths(all).expect("the directories join into a PATH")
}

/// Writes an executable shell script `name` into `dir`.
#[cfg(unix)]
pub fn script(dir: &Path, name: &str, body: &str) {
    use std::os::unix::fs::PermissionsExt;
    let path = dir.join(name);
    std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).expect("the script is written");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755))
        .expect("the script is made executable");
}
