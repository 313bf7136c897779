//! Times in the JSON a page embeds for its own scripts, which is no schema.org: a framework's
//! state (`<script id="__NEXT_DATA__" type="application/json">`) and analytics metadata
//! (`<meta name="parsely-page" content='{"pub_date": ...}'>`). Sites built on such frameworks
//! often carry no other machine time.
//!
//! A framework's state holds every story the page links to, and settings with dates of their
//! own, so a time there is the page's only when the object that holds it is the page's story:
//! its `headline` or `title` is the page's headline. Metadata about the page itself (Parse.ly's)
//! needs no title: its times are the page's when they agree. Each time keeps the key it was
//! found under.

use serde_json::Value;

use super::{Machine, MachineTime, PageTime, Source, TimeRole};

/// The most JSON read from one block: a framework's state of a few megabytes is a page's whole
/// catalogue, not its story.
const MAX_BYTES: usize = 2 * 1024 * 1024;

/// The most values visited in one block, the deepest nesting followed, and the most times kept
/// from one block (a catalogue's every story has some).
const MAX_VALUES: usize = 200_000;
const MAX_DEPTH: usize = 32;
const MAX_TIMES: usize = 1_000;

/// Keys that name a first publication time, lower case with `_` and `-` removed
/// (`publishedAt`, `pub_date`, `first_published_at`).
const PUBLISHED: &[&str] = &[
    "datepublished",
    "publishedat",
    "publishdate",
    "publisheddate",
    "publishedtime",
    "publishtime",
    "pubdate",
    "publicationdate",
    "firstpublished",
    "firstpublishedat",
    "firstpublisheddate",
    "published",
    "displaydate",
];

/// Keys that name a last modification time, in the same form.
const MODIFIED: &[&str] = &[
    "datemodified",
    "modifiedat",
    "modifieddate",
    "modifiedtime",
    "updatedat",
    "updateddate",
    "updatedtime",
    "lastmodified",
    "lastupdated",
    "lastpublishedat",
];

/// Keys whose text names the story an object is.
const TITLES: &[&str] = &["headline", "title", "name"];

/// One time found: its role, its value as written, its key, and whether its object's title is
/// the page's headline.
struct Found {
    role: TimeRole,
    raw: String,
    key: String,
    titled: bool,
}

/// What an embedded block is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum About {
    /// The page itself (analytics metadata): its agreeing times are the page's.
    Page,
    /// Anything the page's scripts need: only its headline's object is the page's.
    Anything,
}

/// Reads one embedded block, `name` saying where it stands (`<script id="__NEXT_DATA__">`), and
/// adds the page's times it holds to `machine`. `headlines` are the page's own (`<h1>`,
/// `<title>`, `og:title`). Invalid or oversized JSON is left alone: it is the page's scripts',
/// not the reader's.
pub(crate) fn read(
    name: &str,
    about: About,
    json: &str,
    headlines: &[String],
    machine: &mut Machine,
) {
    if json.len() > MAX_BYTES {
        return;
    }
    let Ok(value) = serde_json::from_str::<Value>(json) else {
        return;
    };
    let headlines: Vec<String> = headlines
        .iter()
        .map(|h| key_text(h))
        .filter(|h| h.len() >= MIN_TITLE)
        .collect();
    let mut found = Vec::new();
    let mut budget = MAX_VALUES;
    let mut stack = vec![(&value, 0usize)];
    while let Some((value, depth)) = stack.pop() {
        if budget == 0 || found.len() >= MAX_TIMES {
            break;
        }
        budget -= 1;
        match value {
            Value::Array(items) if depth < MAX_DEPTH => {
                stack.extend(items.iter().rev().map(|v| (v, depth + 1)));
            }
            Value::Object(map) => {
                let titled = map.iter().any(|(k, v)| {
                    TITLES.iter().any(|t| k.eq_ignore_ascii_case(t))
                        && v.as_str().is_some_and(|s| is_headline(s, &headlines))
                });
                for (key, v) in map {
                    let folded: String = key
                        .chars()
                        .filter(|c| *c != '_' && *c != '-')
                        .flat_map(char::to_lowercase)
                        .collect();
                    let role = if PUBLISHED.contains(&folded.as_str()) {
                        TimeRole::Published
                    } else if MODIFIED.contains(&folded.as_str()) {
                        TimeRole::Modified
                    } else {
                        if depth < MAX_DEPTH && (v.is_object() || v.is_array()) {
                            stack.push((v, depth + 1));
                        }
                        continue;
                    };
                    let raw = match v {
                        Value::String(s) => s.clone(),
                        Value::Number(n) => n.to_string(),
                        _ => continue,
                    };
                    found.push(Found {
                        role,
                        raw,
                        key: key.clone(),
                        titled,
                    });
                }
            }
            _ => {}
        }
    }
    // The headline's object's times; else, in metadata about the page, every time, where all of
    // each role agree.
    let titled = found.iter().any(|f| f.titled);
    if !titled && about == About::Anything {
        return;
    }
    let agree = |role: TimeRole| {
        let mut raws = found.iter().filter(|f| f.role == role).map(|f| &f.raw);
        raws.next().is_none_or(|first| raws.all(|r| r == first))
    };
    let agreeing = [
        (TimeRole::Published, agree(TimeRole::Published)),
        (TimeRole::Modified, agree(TimeRole::Modified)),
    ];
    let agrees = |role: TimeRole| agreeing.iter().any(|&(r, a)| r == role && a);
    let mut seen: Vec<(TimeRole, &str)> = Vec::new();
    for f in &found {
        if titled && !f.titled || !titled && !agrees(f.role) {
            continue;
        }
        if seen.iter().any(|(r, raw)| *r == f.role && *raw == f.raw) {
            continue;
        }
        let time = MachineTime::new(
            &f.raw,
            Source::Embedded {
                name: name.to_owned(),
                titled: f.titled,
            },
        );
        if time.parsed.is_none() {
            continue;
        }
        seen.push((f.role, &f.raw));
        machine.times.push(PageTime {
            role: f.role,
            time,
            text: None,
            mark: Some(f.key.clone()),
            order: 0,
            quoted: false,
        });
    }
}

/// The shortest headline matched: a few letters match too much.
const MIN_TITLE: usize = 12;

/// A text's letters and digits, in lower case, for comparing headlines.
fn key_text(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether `title` is one of the page's `headlines` (in key form): the same, or the start of one
/// (a `<title>` goes on with the site's name).
fn is_headline(title: &str, headlines: &[String]) -> bool {
    let title = key_text(title);
    title.len() >= MIN_TITLE && headlines.iter().any(|h| h.starts_with(&title))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn times(json: &str, headline: &str) -> Vec<(TimeRole, String, String, bool)> {
        let mut machine = Machine::default();
        read(
            "test",
            About::Page,
            json,
            &[headline.to_owned()],
            &mut machine,
        );
        machine
            .times
            .iter()
            .map(|t| {
                let titled = matches!(t.time.source, Source::Embedded { titled: true, .. });
                (
                    t.role,
                    t.time.raw.clone(),
                    t.mark.clone().unwrap_or_default(),
                    titled,
                )
            })
            .collect()
    }

    #[test]
    fn the_headlines_object_gives_the_pages_times() {
        let json = r#"{"props": {"pageProps": {
            "related": [{"title": "Another story of the week", "publishedAt": 1678000000000}],
            "article": {"title": "Council approves housing plan", "publishedAt": 1678626300000,
                        "updated_at": "2023-03-12T16:20:00Z"}}}}"#;
        assert_eq!(
            times(json, "Council approves housing plan | Example News"),
            vec![
                (
                    TimeRole::Published,
                    "1678626300000".to_owned(),
                    "publishedAt".to_owned(),
                    true
                ),
                (
                    TimeRole::Modified,
                    "2023-03-12T16:20:00Z".to_owned(),
                    "updated_at".to_owned(),
                    true
                ),
            ]
        );
    }

    #[test]
    fn without_the_headline_only_agreeing_times_about_the_page_count() {
        let one = r#"{"title": "Site", "pub_date": "2023-03-12T13:05:00Z"}"#;
        assert_eq!(times(one, "Council approves housing plan").len(), 1);
        let mut machine = Machine::default();
        let headlines = ["Council approves housing plan".to_owned()];
        read("test", About::Anything, one, &headlines, &mut machine);
        assert!(machine.times.is_empty());
        let list =
            r#"[{"pub_date": "2023-03-12T13:05:00Z"}, {"pub_date": "2023-03-01T09:00:00Z"}]"#;
        assert!(times(list, "Council approves housing plan").is_empty());
    }

    #[test]
    fn what_is_no_time_or_no_json_gives_nothing() {
        assert!(
            times(
                r#"{"publishedAt": true, "pubDate": "soon"}"#,
                "Headline of it"
            )
            .is_empty()
        );
        assert!(times("{not json", "Headline of it").is_empty());
        let deep = format!("{}1{}", "[".repeat(10_000), "]".repeat(10_000));
        assert!(times(&deep, "Headline of it").is_empty());
    }
}
