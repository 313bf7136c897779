//! `cargo xtask eval DIR` on a folder whose `gold.json` lists `pages` with an `expect_day`: how
//! often dateline gives a page's publication day, from its saved HTML and from its text copy, and
//! (with `--peers`) how often htmldate does on the same HTML.
//!
//! The gold gives, per page, `file` (the HTML copy's name under `html/`; the text copy is the same
//! stem under `text/`), `expect_day` (`YYYY-MM-DD`, the day in the page's own zone) and
//! `text_usable` (false when the text copy holds no article). Scoring, as the set's README says:
//! dateline's date for a page is its document's `published`, failing that the time of its only
//! post (a page read as several posts with no `published` gives none); the day is right when
//! `expect_day` is the day of that time's `local`, or of its `utc` when it has a time of day. A page
//! with no date is wrong. Text copies marked not usable are left out.
//!
//! Every wrong page is listed with what dateline gave and where it came from (the time's rule and
//! the source of its zone), so that failures can be sorted by cause; `--peers` adds htmldate's day
//! (`find_date(html, original_date=True)`, version 1.11.0, installed into a venv under the target
//! directory's `bench-tools/` on first use).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::eval::{Copy, dateline_binary, elements, ratio, str_field};

/// The version of htmldate the set's README quotes.
const HTMLDATE: &str = "htmldate==1.11.0";

/// Prints a JSON object of each file's htmldate day (or null).
const HTMLDATE_SCRIPT: &str = r#"import sys, json
from htmldate import find_date
out = {}
for path in sys.argv[1:]:
    with open(path, 'rb') as f:
        data = f.read()
    try:
        out[path] = find_date(data.decode('utf-8', 'replace'), original_date=True)
    except Exception:
        out[path] = None
print(json.dumps(out))
"#;

/// One page of the gold.
#[derive(Debug, Clone)]
struct Page {
    /// The file stem, shared by the HTML and text copies.
    stem: String,
    expect_day: String,
    text_usable: bool,
}

/// Whether a gold file is a page-dates gold (`pages` with `expect_day`) rather than an items gold.
pub(crate) fn is_dates_gold(value: &Value) -> bool {
    elements(value, "pages").any(|p| p.get("expect_day").is_some())
}

fn pages(value: &Value) -> Vec<Page> {
    elements(value, "pages")
        .filter_map(|p| {
            let file = str_field(p, "file")?;
            let stem = file
                .strip_suffix(".html")
                .or_else(|| file.strip_suffix(".htm"))
                .or_else(|| file.strip_suffix(".txt"))
                .unwrap_or(&file)
                .to_owned();
            Some(Page {
                stem,
                expect_day: str_field(p, "expect_day")?,
                text_usable: p
                    .get("text_usable")
                    .and_then(Value::as_bool)
                    .unwrap_or(true),
            })
        })
        .collect()
}

/// What dateline said of one page: its date, and where the date came from.
#[derive(Debug, Clone, Default)]
struct Answer {
    /// The days that count as this answer (the local day, and the UTC day when there is a time).
    days: Vec<String>,
    /// The time as printed, for the report.
    shown: String,
    /// Where it came from: the rule and the zone's source.
    basis: String,
}

fn day(iso: &str) -> String {
    iso.chars().take(10).collect()
}

fn answer_of(time: &Value, what: &str) -> Answer {
    let local = time.get("local").and_then(Value::as_str).unwrap_or("");
    let utc = time.get("utc").and_then(Value::as_str).unwrap_or("");
    let basis = time.get("basis");
    let precision = basis
        .and_then(|b| b.get("precision"))
        .and_then(Value::as_str)
        .unwrap_or("");
    let mut days = vec![day(local)];
    if precision != "day" && !utc.is_empty() {
        days.push(day(utc));
    }
    let rule = basis
        .and_then(|b| b.get("rule"))
        .and_then(Value::as_str)
        .unwrap_or("");
    let source = basis
        .and_then(|b| b.get("zone_source"))
        .map(|z| {
            let kind = z.get("kind").and_then(Value::as_str).unwrap_or("");
            let detail = z
                .as_object()
                .into_iter()
                .flatten()
                .filter(|(k, _)| *k != "kind")
                .map(|(_, v)| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
                .collect::<Vec<_>>()
                .join(" ");
            if detail.is_empty() {
                kind.to_owned()
            } else {
                format!("{kind} {detail}")
            }
        })
        .unwrap_or_default();
    let line = time.get("line").and_then(Value::as_u64).unwrap_or(0);
    Answer {
        days,
        shown: format!("{local} ({precision})"),
        basis: format!("{what} line {line}, {rule}, zone {source}"),
    }
}

/// dateline's date for a document, by the set's rule.
fn dateline_answer(doc: &Value) -> Option<Answer> {
    if let Some(published) = doc.get("published").filter(|p| !p.is_null()) {
        return Some(answer_of(published, "published"));
    }
    let posts: Vec<&Value> = elements(doc, "posts").collect();
    match posts.as_slice() {
        [one] => one
            .get("time")
            .filter(|t| !t.is_null())
            .map(|t| answer_of(t, "only post")),
        _ => None,
    }
}

fn run_parse(binary: &Path, files: &[PathBuf]) -> Result<Value, String> {
    let output = Command::new(binary)
        .arg("parse")
        .args(files)
        .args(["--format", "json", "--quiet"])
        .output()
        .map_err(|e| format!("cannot run {}: {e}", binary.display()))?;
    if output.stdout.is_empty() {
        return Err(format!(
            "dateline parse failed: {}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    serde_json::from_slice(&output.stdout).map_err(|e| format!("dateline printed no JSON: {e}"))
}

/// htmldate's day for each file, by path, from a venv under the target directory.
fn htmldate(root: &Path, files: &[PathBuf]) -> Result<BTreeMap<String, Option<String>>, String> {
    let dir = crate::synth::target_dir(root).join("bench-tools");
    let venv = dir.join("venv-htmldate");
    let python = venv.join("bin").join("python");
    let ready = python.is_file()
        && Command::new(&python)
            .args(["-c", "import htmldate"])
            .output()
            .is_ok_and(|o| o.status.success());
    if !ready {
        fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        println!("xtask eval: installing {HTMLDATE} into {}", venv.display());
        let made = Command::new("python3")
            .args(["-m", "venv"])
            .arg(&venv)
            .status()
            .is_ok_and(|s| s.success())
            && Command::new(venv.join("bin").join("pip"))
                .args(["install", "--quiet", HTMLDATE])
                .status()
                .is_ok_and(|s| s.success());
        if !made {
            return Err(format!("installing {HTMLDATE} into a venv failed"));
        }
    }
    let script = HTMLDATE_SCRIPT;
    let output = Command::new(&python)
        .arg("-c")
        .arg(script)
        .args(files)
        .output()
        .map_err(|e| format!("cannot run htmldate: {e}"))?;
    let value: Value = serde_json::from_slice(&output.stdout).map_err(|e| {
        format!(
            "htmldate printed no JSON: {e}: {}",
            String::from_utf8_lossy(&output.stderr)
        )
    })?;
    Ok(value
        .as_object()
        .into_iter()
        .flatten()
        .map(|(k, v)| (k.clone(), v.as_str().map(str::to_owned)))
        .collect())
}

/// Scores one copy kind; returns the report's section.
fn score(
    dir: &Path,
    gold: &[Page],
    copy: Copy,
    binary: &Path,
    peers: Option<&BTreeMap<String, Option<String>>>,
    verbose: bool,
) -> Result<String, String> {
    let mut files = Vec::new();
    let mut by_path: BTreeMap<String, &Page> = BTreeMap::new();
    for page in gold {
        if copy == Copy::Text && !page.text_usable {
            continue;
        }
        let path = match copy {
            Copy::Html => dir.join("html").join(format!("{}.html", page.stem)),
            Copy::Text => dir.join("text").join(format!("{}.txt", page.stem)),
        };
        if path.is_file() {
            by_path.insert(path.display().to_string(), page);
            files.push(path);
        }
    }
    if files.is_empty() {
        return Ok(String::new());
    }
    let parsed = run_parse(binary, &files)?;
    let mut answers: BTreeMap<String, Option<Answer>> = BTreeMap::new();
    for doc in elements(&parsed, "documents") {
        let path = str_field(doc, "path").unwrap_or_default();
        answers.insert(path, dateline_answer(doc));
    }
    let mut out = String::new();
    let _ = writeln!(out, "== {} copies (page dates)", copy.name());
    let (mut right, mut dated, mut peer_right) = (0, 0, 0);
    let mut wrong_lines = Vec::new();
    for (path, page) in &by_path {
        let answer = answers.get(path).cloned().flatten();
        let ok = answer
            .as_ref()
            .is_some_and(|a| a.days.contains(&page.expect_day));
        if answer.is_some() {
            dated += 1;
        }
        if ok {
            right += 1;
        }
        let peer = peers.and_then(|p| p.get(&page.stem)).cloned().flatten();
        let peer_ok = peer.as_deref() == Some(page.expect_day.as_str());
        if peer_ok {
            peer_right += 1;
        }
        if !ok || verbose {
            let mark = if ok { "right" } else { "WRONG" };
            let got = answer.as_ref().map_or_else(
                || "no date".to_owned(),
                |a| format!("{} from {}", a.shown, a.basis),
            );
            let peer_text = match (peers, &peer) {
                (None, _) => String::new(),
                (Some(_), Some(d)) => format!(
                    "; htmldate {d}{}",
                    if peer_ok { " (right)" } else { " (wrong)" }
                ),
                (Some(_), None) => "; htmldate none".to_owned(),
            };
            wrong_lines.push(format!(
                "  {mark:<5} {}: expected {}, got {got}{peer_text}",
                page.stem, page.expect_day
            ));
        }
    }
    for line in wrong_lines {
        let _ = writeln!(out, "{line}");
    }
    let total = by_path.len();
    let _ = writeln!(
        out,
        "page day right: {right}/{total} ({}); dated: {dated}/{total} ({})",
        ratio(right, total),
        ratio(dated, total)
    );
    if copy == Copy::Html {
        let shown = crate::eval_cite::shown(binary, &files)?;
        crate::eval::cite_section(&mut out, elements(&parsed, "documents"), &shown, verbose);
        out.pop();
    }
    if peers.is_some() && copy == Copy::Html {
        let _ = writeln!(
            out,
            "htmldate ({HTMLDATE}, find_date original_date=True) on the same HTML: {peer_right}/{total} ({})",
            ratio(peer_right, total)
        );
    }
    let _ = writeln!(out);
    Ok(out)
}

/// Runs the page-dates evaluation over `dir` with its parsed gold.
pub(crate) fn eval(
    root: &Path,
    dir: &Path,
    gold: &Value,
    copies: &[Copy],
    peers: bool,
    verbose: bool,
) -> Result<(), String> {
    let pages = pages(gold);
    if pages.is_empty() {
        return Err(format!("{}/gold.json lists no pages", dir.display()));
    }
    let binary = dateline_binary(root)?;
    let html_files: Vec<PathBuf> = pages
        .iter()
        .map(|p| dir.join("html").join(format!("{}.html", p.stem)))
        .filter(|p| p.is_file())
        .collect();
    // htmldate reads the HTML only; its day is shown beside both copies, by page.
    let peer_days = if peers {
        let by_path = htmldate(root, &html_files)?;
        let stem = |path: &str| {
            Path::new(path)
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default()
        };
        Some(
            by_path
                .into_iter()
                .map(|(path, day)| (stem(&path), day))
                .collect::<BTreeMap<_, _>>(),
        )
    } else {
        None
    };
    let mut report = String::new();
    for &copy in copies {
        report.push_str(&score(
            dir,
            &pages,
            copy,
            &binary,
            peer_days.as_ref(),
            verbose,
        )?);
    }
    print!("{report}");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_time_of_day_counts_its_local_and_utc_days_a_date_only_its_local_day() {
        let minute = serde_json::json!({"local": "2020-04-25T07:25:00+10:00",
            "utc": "2020-04-24T21:25:00Z", "basis": {"precision": "minute"}});
        assert_eq!(
            answer_of(&minute, "published").days,
            ["2020-04-25", "2020-04-24"]
        );
        let date = serde_json::json!({"local": "2020-04-15T00:00:00+02:00",
            "utc": "2020-04-14T22:00:00Z", "basis": {"precision": "day"}});
        assert_eq!(answer_of(&date, "published").days, ["2020-04-15"]);
    }

    #[test]
    fn several_posts_and_no_published_time_give_no_date() {
        let doc = serde_json::json!({"published": null, "posts": [
            {"time": {"local": "2020-01-01T10:00:00Z", "utc": "2020-01-01T10:00:00Z"}},
            {"time": {"local": "2020-01-01T11:00:00Z", "utc": "2020-01-01T11:00:00Z"}}]});
        assert!(dateline_answer(&doc).is_none());
        let one = serde_json::json!({"published": null, "posts": [
            {"time": {"local": "2020-01-01T10:00:00Z", "utc": "2020-01-01T10:00:00Z"}}]});
        assert!(dateline_answer(&one).is_some());
    }
}
