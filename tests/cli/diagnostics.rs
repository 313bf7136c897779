//! One stream of diagnostics: standard error shows the warnings the output holds, the merge's
//! as well as the pages', each once.

use serde_json::Value;

use crate::util::{dateline, json_of, seed, stderr};

/// The warnings and errors of a timeline's JSON, as standard error prints them
/// (`warning[CODE]: PATH:LINE: MESSAGE`).
fn printed(json: &Value) -> Vec<String> {
    json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["severity"] != "info")
        .map(|d| {
            let place = match (d["path"].as_str(), d["line"].as_u64()) {
                (Some(path), Some(line)) => format!("{path}:{line}: "),
                (Some(path), None) => format!("{path}: "),
                _ => String::new(),
            };
            format!(
                "dateline: {}[{}]: {place}{}",
                d["severity"].as_str().unwrap_or_default(),
                d["code"].as_str().unwrap_or_default(),
                d["message"].as_str().unwrap_or_default()
            )
        })
        .collect()
}

#[cfg(unix)]
#[test]
fn the_merges_warnings_reach_standard_error_as_the_pages_do() {
    use crate::util::{path_with, script};
    // A source plugin answers a document one of whose posts has no time, and says nothing of it:
    // the merge's warning is the only one.
    let page = seed("001");
    let json = json_of(&["parse", &page, "--format", "json", "--quiet"]);
    let mut document = json["documents"][0].clone();
    document["posts"][0]["time"] = Value::Null;
    let line = document["posts"][0]["line"].as_u64().expect("a line");
    let answer = serde_json::json!({ "document": document, "diagnostics": [] });
    let dir = tempfile::tempdir().expect("a temporary directory");
    script(
        dir.path(),
        "dateline-source-untimed",
        &format!("[ \"$1\" = supports ] && exit 0\ncat >/dev/null\ncat <<'JSON'\n{answer}\nJSON"),
    );
    let output = dateline()
        .env("PATH", path_with(&[dir.path()]))
        .args(["timeline", &page, "--layout", "untimed", "--format", "json"])
        .output()
        .expect("dateline runs");
    assert!(output.status.success(), "{}", stderr(&output));
    let timeline: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let err = stderr(&output);
    let expected = format!("dateline: warning[post-without-time]: {page}:{line}: ");
    assert_eq!(err.matches(&expected).count(), 1, "{err}");
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(
        lines,
        printed(&timeline),
        "standard error shows what the output holds"
    );

    // `--quiet` leaves the warning out.
    let output = dateline()
        .env("PATH", path_with(&[dir.path()]))
        .args(["timeline", &page, "--layout", "untimed", "--quiet"])
        .output()
        .expect("dateline runs");
    assert_eq!(stderr(&output), "");
}

#[test]
fn an_unreadable_stamp_is_one_warning_at_its_line_not_one_more_from_the_merge() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let page = dir.path().join("page.txt");
    std::fs::write(
        &page,
        "Home\nNews\nCouncil approves the new budget after a long debate\n6 hours ago\nShare\n\
         Ann Writer\n\nThe council approved the budget this evening after a long debate about \
         the roads and schools.\n\nThe vote was seven to four, the clerk said.\n",
    )
    .expect("the page is written");
    let path = page.to_str().expect("a UTF-8 path");
    let output = dateline()
        .args(["timeline", path, "--format", "json"])
        .output()
        .expect("dateline runs");
    assert!(output.status.success(), "{}", stderr(&output));
    let timeline: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let err = stderr(&output);
    assert_eq!(err.matches(&format!("{path}:4: ")).count(), 1, "{err}");
    assert!(err.contains("warning[unresolved-stamp]"), "{err}");
    assert!(!err.contains("post-without-time"), "{err}");
    // The page's count of posts without a time says nothing the stamp's warning did not: a note.
    assert!(!err.contains("posts-without-time"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    let count = timeline["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .find(|d| d["code"] == "posts-without-time")
        .expect("the count is in the output");
    assert_eq!(count["severity"], "info");
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(
        lines,
        printed(&timeline),
        "standard error shows what the output holds"
    );
}

/// A page whose fourth line is a relative stamp no capture time anchors, and its path.
fn untimed_page(dir: &std::path::Path) -> String {
    let page = dir.join("page.txt");
    std::fs::write(
        &page,
        "Home\nNews\nCouncil approves the new budget after a long debate\n6 hours ago\nShare\n\
         Ann Writer\n\nThe council approved the budget this evening after a long debate about \
         the roads and schools.\n",
    )
    .expect("the page is written");
    page.to_str().expect("a UTF-8 path").to_owned()
}

#[test]
fn with_color_always_a_warning_shows_its_line_with_the_stamp_marked() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = untimed_page(dir.path());
    let output = dateline()
        .args(["timeline", &path, "--color", "always"])
        .output()
        .expect("dateline runs");
    assert!(output.status.success(), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(err.contains('\u{1b}'), "in colour: {err:?}");
    let plain = strip_ansi(&err);
    let expected = format!(
        "warning[unresolved-stamp]: `6 hours ago` is relative to the capture time, which is missing; the post has no time\n \
         --> {path}:4:1\n  |\n4 | 6 hours ago\n  | ^^^^^^^^^^^\n"
    );
    assert!(plain.contains(&expected), "{plain}");

    // Piped, as here, and with `never`: one plain line each, as scripts read them.
    for args in [
        &["timeline", path.as_str()][..],
        &["timeline", &path, "--color", "never"],
    ] {
        let output = dateline().args(args).output().expect("dateline runs");
        let err = stderr(&output);
        assert!(!err.contains('\u{1b}'), "{err:?}");
        assert!(
            err.contains(&format!(
                "dateline: warning[unresolved-stamp]: {path}:4: `6 hours ago`"
            )),
            "{err}"
        );
        assert!(!err.contains("-->"), "{err}");
    }
}

/// `text` without its ANSI escape sequences (CSI `ESC [ ... letter`).
fn strip_ansi(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn a_check_of_the_merge_reaches_standard_error_and_names_no_path_as_an_outlet() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let page = dir.path().join("own.txt");
    std::fs::write(
        &page,
        "Council approves the new budget after a long debate\n\nBy Ann Writer\n\n\
         7 December 2024 09:00 GMT\n\nThe council approved the budget at 12:43 PM GMT on Dec. 7, \
         2024, after a long debate about the roads and schools, the clerk said.\n\n\
         The vote was seven to four.\n",
    )
    .expect("the page is written");
    let path = page.to_str().expect("a UTF-8 path");
    let output = dateline()
        .args(["timeline", path, "--format", "json"])
        .output()
        .expect("dateline runs");
    assert!(output.status.success(), "{}", stderr(&output));
    let err = stderr(&output);
    let expected = format!(
        "dateline: warning[before-own-text]: {path}:5: the page is stamped 3h43 before `12:43 PM GMT on Dec. 7, 2024`"
    );
    assert!(err.contains(&expected), "{err}");
    assert!(!err.contains(&format!("{path} is stamped")), "{err}");
    let timeline: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(
        lines,
        printed(&timeline),
        "standard error shows what the output holds"
    );
}
