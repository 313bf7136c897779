//! `-o FILE` is whole or untouched: the output goes to a temporary file beside FILE, renamed over
//! it once complete; a failure or an interrupt leaves the old FILE byte for byte and no
//! temporary file behind.

// A test that can check nothing when run as root (who reads and writes anything) says so.
#![allow(clippy::print_stderr)]

use std::fs;
use std::path::Path;

use crate::util::{dateline, seed, stderr, stdout};
#[cfg(unix)]
use crate::util::{path_with, script};

const OLD: &[u8] = b"the previous output, which must survive\n";

/// The names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("the directory is listed")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

/// A directory holding `out.json` with [`OLD`] in it.
fn with_old_output() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let file = dir.path().join("out.json");
    fs::write(&file, OLD).expect("written");
    (dir, file)
}

/// A directory holding the shell-script format plugin `dateline-format-NAME` running `body`.
#[cfg(unix)]
fn format_plugin(name: &str, body: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    script(
        dir.path(),
        &format!("dateline-format-{name}"),
        &format!("[ \"$1\" = supports ] && exit 0\ncat >/dev/null\n{body}"),
    );
    dir
}

#[test]
fn a_successful_write_replaces_the_old_file() {
    let (dir, file) = with_old_output();
    let output = dateline()
        .args(["parse", &seed("001"), "--quiet", "-o"])
        .arg(&file)
        .output()
        .expect("dateline runs");
    assert!(output.status.success(), "{}", stderr(&output));
    let expected = dateline()
        .args(["parse", &seed("001"), "--quiet"])
        .output()
        .expect("dateline runs");
    assert_eq!(fs::read(&file).expect("the output"), expected.stdout);
    assert_eq!(names(dir.path()), ["out.json"]);
}

#[cfg(unix)]
#[test]
fn a_format_plugin_that_fails_after_printing_leaves_the_old_file() {
    let plugin = format_plugin("broken", "echo 'half an output'\nexit 3");
    let (dir, file) = with_old_output();
    let output = dateline()
        .env("PATH", path_with(&[plugin.path()]))
        .args(["parse", &seed("001"), "--quiet", "--format", "broken", "-o"])
        .arg(&file)
        .output()
        .expect("dateline runs");
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(
        err.contains("`dateline-format-broken` exited with code 3")
            && err.contains("out.json is left untouched"),
        "{err}"
    );
    assert_eq!(fs::read(&file).expect("the old file"), OLD);
    assert_eq!(names(dir.path()), ["out.json"], "no temporary file is left");

    // Onto a file that did not exist: none is made.
    let new = dir.path().join("new.json");
    let output = dateline()
        .env("PATH", path_with(&[plugin.path()]))
        .args(["parse", &seed("001"), "--quiet", "--format", "broken", "-o"])
        .arg(&new)
        .output()
        .expect("dateline runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("new.json was not created"));
    assert_eq!(names(dir.path()), ["out.json"]);
}

#[cfg(unix)]
#[test]
fn a_target_in_a_read_only_directory_is_left_untouched() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, file) = with_old_output();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o555)).expect("chmod");
    if fs::write(dir.path().join("probe"), "").is_ok() {
        // Root writes into any directory: there is nothing to refuse.
        eprintln!("skipped: the directory stays writable (running as root?)");
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).expect("chmod");
        return;
    }
    let output = dateline()
        .args(["parse", &seed("001"), "--quiet", "-o"])
        .arg(&file)
        .output()
        .expect("dateline runs");
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).expect("chmod");
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(
        err.contains("cannot make a temporary file in") && err.contains("left untouched"),
        "{err}"
    );
    assert_eq!(fs::read(&file).expect("the old file"), OLD);
    assert_eq!(names(dir.path()), ["out.json"]);
}

#[cfg(unix)]
#[test]
fn a_device_is_written_directly() {
    let output = dateline()
        .args(["parse", &seed("001"), "--quiet", "-o", "/dev/stdout"])
        .output()
        .expect("dateline runs");
    assert!(output.status.success(), "{}", stderr(&output));
    let expected = dateline()
        .args(["parse", &seed("001"), "--quiet"])
        .output()
        .expect("dateline runs");
    assert_eq!(stdout(&output), stdout(&expected));
    let output = dateline()
        .args(["parse", &seed("001"), "--quiet", "-o", "/dev/null"])
        .output()
        .expect("dateline runs");
    assert!(output.status.success(), "{}", stderr(&output));
}

/// Interrupted while the output is written (a format plugin that printed half of it and waits),
/// by `signal`: exit 130, the old file as it was, the temporary file removed.
#[cfg(unix)]
fn interrupted_by(signal: &str) {
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};
    let (dir, file) = with_old_output();
    let flags = tempfile::tempdir().expect("a temporary directory");
    let (started, stop) = (flags.path().join("started"), flags.path().join("stop"));
    let plugin = format_plugin(
        "slow",
        // It stops when told, or when the test's folder is gone (the test ended without telling).
        "echo 'half an output'\ntouch \"$STARTED\"\n\
         while [ ! -e \"$STOP\" ] && [ -e \"$STARTED\" ]; do sleep 0.05; done",
    );
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("dateline"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("PATH", path_with(&[plugin.path()]))
        .env("STARTED", &started)
        .env("STOP", &stop)
        .args(["parse", &seed("001"), "--quiet", "--format", "slow", "-o"])
        .arg(&file)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("dateline starts");
    // Not a timed assertion: a guard against a test that would otherwise wait for ever.
    let deadline = Instant::now() + Duration::from_secs(120);
    while !started.exists() {
        assert!(Instant::now() < deadline, "the plugin never started");
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(
        names(dir.path()).len(),
        2,
        "the temporary file is beside the target"
    );
    let killed = Command::new("kill")
        .args([signal, &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(killed.success());
    let status = child.wait().expect("dateline ends");
    fs::write(&stop, "").expect("the plugin is told to stop");
    let mut err = String::new();
    if let Some(mut pipe) = child.stderr.take() {
        std::io::Read::read_to_string(&mut pipe, &mut err).expect("stderr is read");
    }
    assert_eq!(status.code(), Some(130), "{err}");
    assert!(
        err.contains("interrupted; ") && err.contains("out.json is left untouched"),
        "{err}"
    );
    assert_eq!(fs::read(&file).expect("the old file"), OLD);
    assert_eq!(names(dir.path()), ["out.json"], "no temporary file is left");
}

#[cfg(unix)]
#[test]
fn an_interrupt_during_the_write_leaves_the_old_file() {
    interrupted_by("-INT");
}

#[cfg(unix)]
#[test]
fn a_termination_during_the_write_leaves_the_old_file() {
    interrupted_by("-TERM");
}
