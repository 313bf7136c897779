//! A page that cannot be read is that page's error: exit code 1, the other pages written; a run
//! where no page could be read stops with every reason. What a directory holds besides its pages
//! is reported, and a name that is not UTF-8 stays distinguishable.

// A test that can check nothing when run as root (who reads and writes anything) says so.
#![allow(clippy::print_stderr)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::Value;

use crate::util::{dateline, seed, stderr};

const PAGE: &str = "Storm live: the latest\n\nFriday 03 January 2020 09:00 GMT\n\n10:15 Later.\n\n09:30 Earlier.\n";

fn parse(paths: &[&Path]) -> Output {
    dateline()
        .arg("parse")
        .args(paths)
        .output()
        .expect("dateline runs")
}

fn json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout).expect("the output is JSON")
}

/// The diagnostics of `json` with `code`, as (path, severity, message).
fn diagnostics(json: &Value, code: &str) -> Vec<(String, String, String)> {
    json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["code"] == code)
        .map(|d| {
            let text = |k: &str| d[k].as_str().unwrap_or_default().to_owned();
            (text("path"), text("severity"), text("message"))
        })
        .collect()
}

fn paths_of(json: &Value) -> Vec<String> {
    json["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .map(|d| d["path"].as_str().unwrap_or_default().to_owned())
        .collect()
}

/// A page the test cannot read (mode 000), or `None` when it still can: root reads anything.
#[cfg(unix)]
fn unreadable_page(dir: &Path) -> Option<PathBuf> {
    use std::os::unix::fs::PermissionsExt;
    let path = dir.join("locked.txt");
    fs::write(&path, PAGE).expect("written");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).expect("chmod");
    if fs::File::open(&path).is_ok() {
        eprintln!("skipped: a file of mode 000 is still readable (running as root?)");
        return None;
    }
    Some(path)
}

#[cfg(unix)]
#[test]
fn a_page_without_permission_is_that_pages_error_and_the_others_are_written() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let Some(locked) = unreadable_page(dir.path()) else {
        return;
    };
    let output = parse(&[Path::new(&seed("001")), &locked]);
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(
        err.contains("error[unreadable-page]")
            && err.contains("locked.txt: cannot read the page: Permission denied")
            && err.contains("check its permissions"),
        "{err}"
    );
    let json = json(&output);
    assert_eq!(paths_of(&json), [seed("001")]);
    assert_eq!(diagnostics(&json, "unreadable-page").len(), 1);
}

#[cfg(unix)]
#[test]
fn a_directory_without_permission_is_its_error_and_the_others_are_written() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("a temporary directory");
    let locked = dir.path().join("locked");
    fs::create_dir(&locked).expect("made");
    fs::write(locked.join("page.txt"), PAGE).expect("written");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).expect("chmod");
    let readable = fs::read_dir(&locked).is_ok();
    if readable {
        eprintln!("skipped: a directory of mode 000 is still readable (running as root?)");
    } else {
        let output = parse(&[Path::new(&seed("001")), &locked]);
        let err = stderr(&output);
        assert_eq!(output.status.code(), Some(1), "{err}");
        assert!(
            err.contains("error[unreadable-directory]")
                && err.contains("cannot list the directory"),
            "{err}"
        );
        assert_eq!(paths_of(&json(&output)), [seed("001")]);
    }
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).expect("chmod");
}

#[test]
fn a_page_that_cannot_be_opened_is_that_pages_error_whoever_runs_it() {
    // A path through a file cannot be opened, even by root.
    let dir = tempfile::tempdir().expect("a temporary directory");
    let file = dir.path().join("page.txt");
    fs::write(&file, PAGE).expect("written");
    let through = file.join("inside.txt");
    let missing = dir.path().join("missing.txt");
    let output = parse(&[Path::new(&seed("001")), &through, &missing]);
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(
        err.contains("inside.txt: cannot read the page: Not a directory"),
        "{err}"
    );
    assert!(
        err.contains("missing.txt: cannot read the page: No such file or directory")
            && err.contains("check the path exists"),
        "{err}"
    );
    let json = json(&output);
    assert_eq!(paths_of(&json), [seed("001")]);
    let unread = diagnostics(&json, "unreadable-page");
    assert_eq!(unread.len(), 2, "{unread:?}");
    assert!(unread.iter().all(|(_, severity, _)| severity == "error"));
}

#[test]
fn a_page_over_the_limit_is_that_pages_error_and_the_others_are_written() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let big = dir.path().join("big.txt");
    fs::write(&big, PAGE.repeat((1 << 20) / PAGE.len() + 1)).expect("written");
    let output = dateline()
        .args(["parse", &seed("001"), "--max-page-mib", "1"])
        .arg(&big)
        .output()
        .expect("dateline runs");
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(
        err.contains("error[page-too-large]")
            && err.contains("big.txt: the page is ")
            && err.contains("over the limit of 1 MiB (1048576 bytes)")
            && err.contains("--max-page-mib"),
        "{err}"
    );
    let json = json(&output);
    assert_eq!(paths_of(&json), [seed("001")]);
    assert_eq!(diagnostics(&json, "page-too-large").len(), 1);
}

#[test]
fn a_page_of_101_000_000_bytes_is_over_96_mib_and_shown_in_mib() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("dump.txt");
    // Sparse: 101,000,000 bytes by its size, refused from its size alone.
    let file = fs::File::create(&path).expect("created");
    file.set_len(101_000_000).expect("sized");
    let output = dateline()
        .args(["parse", "--max-page-mib", "96"])
        .arg(&path)
        .output()
        .expect("dateline runs");
    let err = stderr(&output);
    assert!(
        err.contains(
            "the page is 101000000 bytes (96.3 MiB), over the limit of 96 MiB (100663296 bytes)"
        ),
        "{err}"
    );
    // The help says what the unit is.
    let help = dateline()
        .args(["parse", "--help"])
        .output()
        .expect("dateline runs");
    let help = crate::util::stdout(&help);
    assert!(
        help.contains("--max-page-mib <MIB>") && help.contains("1,048,576 bytes"),
        "{help}"
    );
}

#[test]
fn a_run_where_no_page_could_be_read_fails_naming_each() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let out = dir.path().join("out.json");
    fs::write(&out, "old").expect("written");
    let output = dateline()
        .args(["parse", "--quiet", "no/such/a.txt", "no/such/b.txt", "-o"])
        .arg(&out)
        .output()
        .expect("dateline runs");
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(2), "{err}");
    assert!(
        err.contains("dateline: error: no page could be read: no/such/a.txt: cannot read the page")
            && err.contains("; no/such/b.txt: cannot read the page"),
        "{err}"
    );
    assert_eq!(fs::read_to_string(&out).expect("the old output"), "old");
}

#[cfg(unix)]
#[test]
fn what_a_directory_skips_is_reported() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let d = dir.path();
    fs::write(d.join("page.txt"), PAGE).expect("written");
    fs::write(d.join("SHA256SUMS"), "").expect("written");
    std::os::unix::fs::symlink(d.join("gone.txt"), d.join("dangling.txt")).expect("linked");
    let made = std::process::Command::new("mkfifo")
        .arg(d.join("pipe.txt"))
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let _socket = std::os::unix::net::UnixListener::bind(d.join("socket")).expect("bound");
    fs::create_dir(d.join("page_files")).expect("made");
    fs::write(d.join("page_files").join("inner.txt"), PAGE).expect("written");

    let output = parse(&[d]);
    let err = stderr(&output);
    // Skipped entries are warnings: the pages there were read.
    assert_eq!(output.status.code(), Some(0), "{err}");
    assert!(
        err.contains("dangling.txt: skipped: a link to `")
            && err.contains("gone.txt` whose target does not exist"),
        "{err}"
    );
    assert!(
        err.contains("pipe.txt: skipped: a FIFO (named pipe), not a saved page"),
        "{err}"
    );
    assert!(
        err.contains("socket: skipped: a socket, not a saved page"),
        "{err}"
    );
    assert!(
        !err.contains("SHA256SUMS"),
        "other files pass in silence: {err}"
    );
    let json = json(&output);
    assert_eq!(paths_of(&json).len(), 1);
    assert_eq!(diagnostics(&json, "skipped-entry").len(), 3);
    let note = diagnostics(&json, "subdirectories-not-read");
    assert_eq!(note.len(), 1, "{note:?}");
    assert!(
        note[0].1 == "info"
            && note[0]
                .2
                .starts_with("1 subdirectory not read (page_files)"),
        "{note:?}"
    );

    // A directory holding nothing but what is skipped says what it skipped.
    let empty = tempfile::tempdir().expect("a temporary directory");
    std::os::unix::fs::symlink("gone.txt", empty.path().join("dangling.txt")).expect("linked");
    let output = parse(&[empty.path()]);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(
        err.contains("has no pages") && err.contains("dangling.txt: skipped: a link to `gone.txt`"),
        "{err}"
    );
}

#[cfg(unix)]
#[test]
fn names_that_are_not_utf8_stay_distinct() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().expect("a temporary directory");
    // Two different pages (the same content would be read once), each without timestamps, so
    // each has a warning naming it.
    for (name, text) in [
        (&b"a\xff.txt"[..], "One\n\nNothing here.\n"),
        (b"a\xfe.txt", "Two\n\nNor here.\n"),
    ] {
        fs::write(dir.path().join(OsStr::from_bytes(name)), text).expect("written");
    }
    let output = parse(&[dir.path()]);
    let err = stderr(&output);
    let json = json(&output);
    let paths = paths_of(&json);
    let base = dir.path().to_str().expect("a UTF-8 temporary directory");
    assert_eq!(
        paths,
        [format!("{base}/a\\xFE.txt"), format!("{base}/a\\xFF.txt")]
    );
    assert!(
        err.contains("a\\xFE.txt: ") && err.contains("a\\xFF.txt: "),
        "{err}"
    );
    assert!(!err.contains('\u{FFFD}'), "{err}");
}

#[test]
fn explain_reports_an_unreadable_page_and_lists_the_others() {
    let output = dateline()
        .args(["explain", &seed("001"), "no/such/page.txt"])
        .output()
        .expect("dateline runs");
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(
        err.contains("no/such/page.txt: cannot read the page"),
        "{err}"
    );
    assert!(!output.stdout.is_empty());
}
