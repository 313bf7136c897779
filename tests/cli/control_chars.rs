//! Escape sequences on a page (`ESC ]0;title BEL` retitles the terminal, `ESC [2J` clears it) never
//! reach a terminal raw: warnings, errors, `explain`, `--explain` and `time` show them escaped, CSV
//! cells drop them, and the other formats drop them (markdown, HTML, iCalendar) or escape them
//! (JSON, as `\u001b`).

use std::path::Path;

use crate::util::{dateline, stderr, stdout};

const TITLE: &str = "\u{1b}]0;title\u{7}";
const CLEAR: &str = "\u{1b}[2J";

/// Two reports of one event whose headline and body hold both sequences, and a live blog whose
/// posts a forced layout leaves out with a warning quoting them.
fn pages(dir: &Path) {
    let headline = format!("Agency picks five firms {TITLE} for its lunar lander {CLEAR} program");
    let body = format!(
        "the agency announced that it was adding five companies {CLEAR} to a contract for \
         deliveries to the moon.\n\nAll 14 companies are now eligible to bid on future task orders.\n"
    );
    std::fs::write(
        dir.join("a.txt"),
        format!("{headline}\n\nBy Ann Writer 2019-11-18T22:05:36Z Spaceflight\n\nToday (Nov. 18), {body}"),
    )
    .expect("writes a page");
    std::fs::write(
        dir.join("b.txt"),
        format!("{headline}\n\nBy Bo Reporter 2019-11-18T22:15:00Z Science\n\nOn Monday {body}"),
    )
    .expect("writes a page");
    std::fs::write(
        dir.join("live.txt"),
        format!(
            "Storm live {TITLE}\n\nFriday 03 January 2020 09:00 GMT\n\n10:15 Flood {TITLE} warning \
             {CLEAR} issued \u{0}\u{7f}\u{9b}31m \u{202e}.\n\n09:30 Earlier.\n"
        ),
    )
    .expect("writes a page");
}

/// No ESC, BEL or other control character but tab, CR and LF, nor (for what is printed to be
/// read on a terminal) a bidirectional override. The formats keep the overrides, part of text in
/// right-to-left scripts.
fn assert_inert(what: &str, text: &str) {
    assert_no_controls(what, text, true);
}

fn assert_no_controls(what: &str, text: &str, bidi: bool) {
    let raw: Vec<char> = text
        .chars()
        .filter(|&c| {
            (c.is_control() && !matches!(c, '\t' | '\r' | '\n'))
                || (bidi && ('\u{202a}'..='\u{202e}').contains(&c))
        })
        .collect();
    assert!(raw.is_empty(), "{what} holds {raw:?}: {text:?}");
}

fn run(dir: &Path, args: &[&str]) -> std::process::Output {
    dateline()
        .current_dir(dir)
        .args(args)
        .output()
        .expect("dateline runs")
}

#[test]
fn warnings_show_a_pages_escape_sequences_escaped() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    pages(dir.path());
    let output = run(
        dir.path(),
        &[
            "timeline",
            "live.txt",
            "--layout",
            "independent-liveblog",
            "-o",
            "out.md",
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(
        err.contains("live.txt:5: this line fits no post and no page field"),
        "a warning quotes the line: {err}"
    );
    assert!(
        err.contains("Flood \\u{1b}]0;title\\u{7} warning \\u{1b}[2J issued \\u{0}\\u{7f}\\u{9b}31m \\u{202e}."),
        "{err}"
    );
    assert_inert("standard error", &err);
}

#[test]
fn explain_and_the_merges_explanation_show_them_escaped() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    pages(dir.path());

    let output = run(dir.path(), &["explain", "a.txt", "live.txt", "--quiet"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.contains("| Agency picks five firms \\u{1b}]0;title\\u{7} for its lunar lander \\u{1b}[2J program\n"),
        "{text}"
    );
    assert_inert("explain", &text);

    let output = run(
        dir.path(),
        &["timeline", "a.txt", "b.txt", "--explain", "--quiet"],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.contains("1 has more than one report"),
        "the two are merged: {text}"
    );
    assert!(
        text.contains(" Agency picks five firms \\u{1b}]0;title\\u{7} for its lunar lander"),
        "{text}"
    );
    assert_inert("--explain", &text);

    let output = dateline()
        .args([
            "time",
            &format!("12:30 GMT {TITLE} {CLEAR}"),
            "--reference",
            "2020-01-03T12:00:00Z",
        ])
        .output()
        .expect("dateline runs");
    assert!(output.status.success(), "{}", stderr(&output));
    assert_inert("time", &stdout(&output));
}

#[test]
fn csv_cells_drop_them_and_the_other_formats_drop_or_escape_them() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    pages(dir.path());
    for format in [
        "csv",
        "markdown",
        "html",
        "ics",
        "json",
        "jsonl",
        "timelinejs",
    ] {
        for extra in [&[][..], &["--csv-reports"][..]] {
            let output = run(
                dir.path(),
                &[&["timeline", ".", "--quiet", "--format", format][..], extra].concat(),
            );
            assert!(output.status.success(), "{format}: {}", stderr(&output));
            let text = stdout(&output);
            assert!(text.contains("Agency picks five firms"), "{format}: {text}");
            if format.contains("json") {
                // JSON escapes the C0 controls (`\u001b`); DEL, the C1 and the bidirectional
                // controls are valid raw in a JSON string, and are escaped too only where the
                // output is a terminal (`WriteOptions::terminal`; a test here writes to a pipe).
                let c0: String = text.chars().filter(|&c| c < ' ').collect();
                assert!(c0.chars().all(|c| c == '\n'), "{format}: {c0:?}");
            } else {
                assert_no_controls(format, &text, false);
            }
        }
    }
    let output = run(dir.path(), &["timeline", ".", "--quiet", "--format", "csv"]);
    assert!(
        stdout(&output)
            .contains(",Agency picks five firms ]0;title for its lunar lander [2J program,"),
        "{}",
        stdout(&output)
    );
}
