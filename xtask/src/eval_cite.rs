//! The figure `cargo xtask eval` gives for HTML copies: how many items cite a line of the file
//! that holds their stamp or their headline.
//!
//! For each item the output gives (`posts[]`), the file line it cites (`source.line`) is read
//! from the page, with the next lines for text that runs on; markup is left out, character
//! references decoded (numeric ones, and the names news pages use: see [`NAMES`]; an unknown name
//! stays as written and shows as a miss in `--verbose`), and whitespace and case ignored (innerText
//! puts spaces where the markup has tags). The line holds the item when the item's stamp as
//! printed (`time.raw`, when it stands on the item's line; for an item of the machine data, its
//! time as the JSON-LD writes it, as for an item whose time was read from the machine data alone) or else its headline, else the first words of its text, begins
//! on it.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::eval::{elements, ratio, str_field};

/// Named character references decoded here (a small table: the figure only needs what the pages
/// print; `dateline` itself decodes every name of the HTML standard).
const NAMES: &[(&str, &str)] = &[
    ("amp", "&"),
    ("lt", "<"),
    ("gt", ">"),
    ("quot", "\""),
    ("apos", "'"),
    ("nbsp", " "),
    ("rsquo", "\u{2019}"),
    ("lsquo", "\u{2018}"),
    ("rdquo", "\u{201d}"),
    ("ldquo", "\u{201c}"),
    ("mdash", "\u{2014}"),
    ("ndash", "\u{2013}"),
    ("hellip", "\u{2026}"),
    ("middot", "\u{b7}"),
    ("bull", "\u{2022}"),
    ("eacute", "\u{e9}"),
    ("egrave", "\u{e8}"),
    ("aacute", "\u{e1}"),
    ("agrave", "\u{e0}"),
    ("oacute", "\u{f3}"),
    ("iacute", "\u{ed}"),
    ("uacute", "\u{fa}"),
    ("ntilde", "\u{f1}"),
    ("uuml", "\u{fc}"),
    ("ouml", "\u{f6}"),
    ("auml", "\u{e4}"),
    ("szlig", "\u{df}"),
    ("ccedil", "\u{e7}"),
    ("copy", "\u{a9}"),
    ("reg", "\u{ae}"),
    ("trade", "\u{2122}"),
    ("laquo", "\u{ab}"),
    ("raquo", "\u{bb}"),
    ("zwj", "\u{200d}"),
    ("zwnj", "\u{200c}"),
    ("shy", "\u{ad}"),
    ("deg", "\u{b0}"),
    ("pound", "\u{a3}"),
    ("euro", "\u{20ac}"),
    ("times", "\u{d7}"),
    ("sect", "\u{a7}"),
];

/// How many lines after the cited one text may run on to (a stamp whose date and clock stand in
/// elements on lines of their own).
const RUN_ON: usize = 8;

/// The lines of a file: LF, CRLF and a lone CR each end one.
fn lines(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        match rest.find(['\n', '\r']) {
            Some(i) => {
                out.push(rest.get(..i).unwrap_or_default());
                let skip = if rest.get(i..i + 2) == Some("\r\n") {
                    2
                } else {
                    1
                };
                rest = rest.get(i + skip..).unwrap_or_default();
            }
            None => {
                out.push(rest);
                rest = "";
            }
        }
    }
    out
}

/// Text as compared: comments and markup left out (a line may open inside a tag: what stands
/// before its first `>` with no `<` is left out too), references decoded, then [`compact`].
fn visible(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    // Comments first: what they hold is no text (`<!--<span>Posted</span>-->`).
    let mut uncommented = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(open) = rest.find("<!--") {
        uncommented.push_str(rest.get(..open).unwrap_or_default());
        let after = rest.get(open + 4..).unwrap_or_default();
        rest = after
            .find("-->")
            .map_or("", |close| after.get(close + 3..).unwrap_or_default());
    }
    uncommented.push_str(rest);
    let mut rest = uncommented.as_str();
    if let Some(gt) = rest.find('>')
        && !rest.get(..gt).unwrap_or_default().contains('<')
        && rest.get(..gt).unwrap_or_default().contains('=')
    {
        rest = rest.get(gt + 1..).unwrap_or_default();
    }
    let mut in_tag = false;
    for c in rest.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    compact(&decode(&out))
}

/// Character references decoded: numeric ones and the names of [`NAMES`].
fn decode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(rest.get(..at).unwrap_or_default());
        let after = rest.get(at + 1..).unwrap_or_default();
        let end = after.find(';').filter(|&e| e <= 32);
        let decoded = end.and_then(|e| {
            let name = after.get(..e)?;
            let c = if let Some(hex) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                char::from_u32(u32::from_str_radix(hex, 16).ok()?).map(String::from)
            } else if let Some(dec) = name.strip_prefix('#') {
                char::from_u32(dec.parse().ok()?).map(String::from)
            } else {
                NAMES
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| (*v).to_owned())
            }?;
            Some((c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push_str(&c);
                rest = after.get(len..).unwrap_or_default();
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Whitespace gone, quotes and dashes folded, case ignored.
fn compact(text: &str) -> String {
    text.chars()
        .filter(|c| {
            !c.is_whitespace() && !matches!(c, '\u{200b}'..='\u{200d}' | '\u{feff}' | '\u{ad}')
        })
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{201c}' | '\u{201d}' => '"',
            '\u{2013}' | '\u{2014}' => '-',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// The visible text's lines of HTML pages, by path and line, as `dateline explain --format json`
/// prints them.
pub(crate) type Shown = BTreeMap<(String, u64), (String, String)>;

/// The visible lines of `files`, read by `binary`'s `explain`.
pub(crate) fn shown(binary: &Path, files: &[PathBuf]) -> Result<Shown, String> {
    let output = Command::new(binary)
        .args(["explain", "--format", "json", "--quiet"])
        .args(files)
        .output()
        .map_err(|e| format!("cannot run {}: {e}", binary.display()))?;
    let mut out = Shown::new();
    for record in String::from_utf8_lossy(&output.stdout).lines() {
        let Ok(value) = serde_json::from_str::<Value>(record) else {
            continue;
        };
        let (Some(path), Some(line), Some(category), Some(text)) = (
            str_field(&value, "path"),
            value.get("line").and_then(Value::as_u64),
            str_field(&value, "category"),
            str_field(&value, "text"),
        ) else {
            continue;
        };
        out.insert((path, line), (category, text));
    }
    Ok(out)
}

/// What an item is looked for by, any of which will do: its stamp and its headline; else its
/// text's first words. The stamp is the raw text of its time where it stands on the item's line;
/// where the item's line is a stamp line (a dateline) that does not print the time's raw text (an
/// article's time taken from its machine data), it is that line's text from its start, which is
/// what the item cites (so it is, too, where the time stands on the item's line without its raw
/// text: a relative `28 minutes ago` the machine time agrees with). For an item of the machine
/// data, its time is as the JSON-LD writes it. A headline counts by its opening (a page's title
/// runs on past what the page shows), or by its longest part between a title's separators.
fn wanted(post: &Value, line: Option<&(String, String)>) -> Vec<String> {
    let own = post.get("line").and_then(Value::as_u64).unwrap_or(0);
    let raw = post
        .get("time")
        .and_then(|t| t.get("raw"))
        .and_then(Value::as_str)
        .filter(|s| !s.trim().is_empty());
    let on_line = post
        .get("time")
        .and_then(|t| t.get("line"))
        .and_then(Value::as_u64)
        == Some(own);
    // A time read from the machine data (an article whose page prints no stamp) stands where the
    // JSON-LD writes it, which is what such an item cites.
    let machine = post
        .get("time")
        .and_then(|t| t.get("basis"))
        .and_then(|b| b.get("rule"))
        .and_then(Value::as_str)
        == Some("machine-time");
    let mut out = Vec::new();
    match line {
        Some((category, text)) if category == "timestamp" || (on_line && raw.is_some()) => {
            match raw {
                Some(raw) if text.contains(raw) => out.push(raw.to_owned()),
                _ => out.push(text.chars().take(40).collect()),
            }
        }
        _ => {
            if let Some(raw) = raw.filter(|_| on_line || machine) {
                out.push(raw.to_owned());
            }
        }
    }
    // A headline taken from the page's title may run on past what the page shows (` - 24 Канал`):
    // its opening will do.
    if let Some(headline) = str_field(post, "headline") {
        out.push(headline.chars().take(40).collect());
        // Or its longest part between the separators a title adds (`Frain | Incendie…`).
        let mut split = headline.clone();
        for separator in [" | ", "｜", " - ", " – ", " — ", "...", "…", " (", "（"] {
            split = split.replace(separator, "\n");
        }
        if let Some(part) = split
            .split('\n')
            .map(str::trim)
            .max_by_key(|p| p.chars().count())
            .filter(|p| p.chars().count() >= 12 && p.len() < headline.len())
        {
            out.push(part.chars().take(40).collect());
        }
    }
    if out.is_empty() {
        out.extend(str_field(post, "text").map(|t| t.chars().take(40).collect::<String>()));
    }
    out.into_iter()
        .map(|s| compact(&decode(&s)))
        .filter(|s| !s.is_empty())
        .collect()
}

/// The figure for the documents of one run: `(items that cite a line holding them, items)`, and
/// a line for each miss.
pub(crate) fn cited<'a>(
    documents: impl Iterator<Item = &'a Value>,
    shown: &Shown,
) -> (usize, usize, Vec<String>) {
    let (mut held, mut total) = (0, 0);
    let mut misses = Vec::new();
    let mut files: BTreeMap<String, Option<String>> = BTreeMap::new();
    for doc in documents {
        let path = str_field(doc, "path").unwrap_or_default();
        let file = files
            .entry(path.clone())
            .or_insert_with(|| {
                fs::read(&path)
                    .ok()
                    .map(|b| String::from_utf8_lossy(&b).into_owned())
            })
            .clone()
            .unwrap_or_default();
        let file_lines = lines(&file);
        for post in elements(doc, "posts") {
            total += 1;
            let id = str_field(post, "id").unwrap_or_default();
            let line = post
                .get("source")
                .and_then(|s| s.get("line"))
                .and_then(Value::as_u64)
                .unwrap_or(0);
            let own = post.get("line").and_then(Value::as_u64).unwrap_or(0);
            let wants = wanted(post, shown.get(&(path.clone(), own)));
            let Some(want) = wants.first() else {
                misses.push(format!("  cite miss   {id}: nothing to look for"));
                continue;
            };
            let Some(index) = usize::try_from(line).ok().and_then(|l| l.checked_sub(1)) else {
                misses.push(format!("  cite miss   {id}: cites line {line}"));
                continue;
            };
            let first = file_lines
                .get(index)
                .map(|l| visible(l))
                .unwrap_or_default();
            let mut joined = first.clone();
            for next in file_lines.iter().skip(index + 1).take(RUN_ON) {
                joined.push_str(&visible(next));
            }
            // Held when it begins on the cited line, wholly there or running on.
            let ok = wants.iter().any(|want| {
                joined
                    .match_indices(want.as_str())
                    .any(|(at, _)| at < first.len().max(1))
            });
            if ok {
                held += 1;
            } else {
                let shown: String = want.chars().take(40).collect();
                misses.push(format!(
                    "  cite miss   {id}: {path}:{line} does not hold `{shown}`"
                ));
            }
        }
    }
    (held, total, misses)
}

/// The report's line for the figure.
pub(crate) fn line(held: usize, total: usize) -> String {
    format!(
        "items citing a file line that holds their stamp or headline: {held}/{total} ({})",
        ratio(held, total)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stamp_split_by_tags_and_lines_is_held_by_its_start_line() {
        let page = "<p>x</p>\r\n<div><time>21:22</time> <b>6 Oct</b>\n2020</div>\n";
        let lines = lines(page);
        let want = compact("21:22 6 Oct 2020");
        let first = visible(lines[1]);
        let joined = first.clone() + &visible(lines[2]);
        assert!(!first.contains(&want));
        assert!(joined.find(&want).is_some_and(|at| at < first.len()));
    }

    #[test]
    fn references_are_decoded_and_markup_left_out() {
        assert_eq!(
            visible("<h2>Jo&rsquo;s &amp; <i>Co</i>&#8217;s</h2>"),
            "jo's&co's"
        );
        assert_eq!(visible(" class=\"x\">Text"), "text");
    }
}
