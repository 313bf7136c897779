//! schema.org JSON-LD: live blogs with their updates, articles, web pages and site names.
//!
//! Each `<script type="application/ld+json">` block is unwrapped (`<![CDATA[ ]]>`, `//<![CDATA[`,
//! `<!-- -->`) and read with `serde_json`. A block that is not valid JSON is tried once more after
//! a trivial repair (`//` and `/* */` comments, trailing commas before `}`/`]`, raw control
//! characters inside strings); if
//! that reads, a `json-ld-repaired` note says so, otherwise a `json-ld-invalid` note names the
//! block and the error, and the other blocks are still read.

use dateline_model::{Diagnostic, Severity};
use serde_json::{Map, Value};

use super::capped;
use super::entities::decode_entities;
use super::meta::collapse;
use super::text::element_text;
use super::{Item, ItemKind, Machine, MachineTime, Source, Sourced, Update, parse_machine_time};

/// How deep the walk follows `@graph`, `mainEntity` and arrays (serde_json stops at 128 anyway).
const MAX_DEPTH: usize = 32;

/// Reads every block into `machine`, with notes for blocks that are not valid JSON.
pub(crate) fn read_blocks(
    blocks: &[String],
    max_updates: usize,
    machine: &mut Machine,
    notes: &mut Vec<Diagnostic>,
) {
    for (index, raw) in blocks.iter().enumerate() {
        let block = index + 1;
        let body = unwrap(raw);
        if body.is_empty() {
            continue;
        }
        let value = match capped::from_str(body, max_updates) {
            Ok(value) => value,
            Err(error) => match repair(body).map_or_else(
                || capped::first_value(body, max_updates),
                |r| capped::first_value(&r, max_updates),
            ) {
                Some(value) => {
                    notes.push(Diagnostic::new(
                        Severity::Info,
                        "json-ld-repaired",
                        format!(
                            "json-ld block {block} is not valid json ({error}); read it after removing comments and trailing commas, escaping raw control characters and leaving out what follows its first value"
                        ),
                    ));
                    value
                }
                None => {
                    notes.push(Diagnostic::new(
                        Severity::Warning,
                        "json-ld-invalid",
                        format!("json-ld block {block} is not valid json ({error}); its facts are left out"),
                    ));
                    continue;
                }
            },
        };
        walk(&value, block, machine, notes, 0);
    }
}

/// Strips the wrappers pages put around JSON-LD: whitespace, `<!-- -->`, `<![CDATA[ ]]>` in its
/// plain, `//` and `/* */` forms. An unclosed CDATA is tolerated.
fn unwrap(raw: &str) -> &str {
    let mut s = raw.trim();
    for _ in 0..4 {
        let before = s.len();
        s = s.strip_prefix("<!--").unwrap_or(s).trim_start();
        s = s.strip_suffix("-->").unwrap_or(s).trim_end();
        for open in ["//<![CDATA[", "/*<![CDATA[*/", "<![CDATA["] {
            if let Some(rest) = s.strip_prefix(open) {
                s = rest.trim_start();
            }
        }
        // `// <![CDATA[` with a space.
        if let Some(rest) = s.strip_prefix("//")
            && let Some(rest) = rest.trim_start().strip_prefix("<![CDATA[")
        {
            s = rest.trim_start();
        }
        for close in ["/*]]>*/", "]]>"] {
            if let Some(rest) = s.strip_suffix(close) {
                s = rest.trim_end();
                if let Some(rest) = s.strip_suffix("//") {
                    s = rest.trim_end();
                }
            }
        }
        if s.len() == before {
            break;
        }
    }
    s
}

/// The trivial repair: drops `//` and `/* */` comments and commas that close an object or
/// array, and escapes raw control characters inside strings. `None` when there was nothing to
/// repair.
fn repair(body: &str) -> Option<String> {
    let mut out = String::with_capacity(body.len() + 16);
    let mut in_string = false;
    let mut escaped = false;
    let mut changed = false;
    // The end of a comment being skipped (exclusive byte offset).
    let mut comment_until: Option<usize> = None;
    for (i, c) in body.char_indices() {
        if let Some(end) = comment_until {
            if i < end {
                continue;
            }
            comment_until = None;
        }
        if in_string {
            if escaped {
                escaped = false;
                out.push(c);
                continue;
            }
            match c {
                '\\' => {
                    escaped = true;
                    out.push(c);
                }
                '"' => {
                    in_string = false;
                    out.push(c);
                }
                '\n' => {
                    changed = true;
                    out.push_str("\\n");
                }
                '\r' => {
                    changed = true;
                    out.push_str("\\r");
                }
                '\t' => {
                    changed = true;
                    out.push_str("\\t");
                }
                c if c < ' ' => {
                    changed = true;
                    out.push_str(&format!("\\u{:04x}", u32::from(c)));
                }
                c => out.push(c),
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '/' if comment_until.is_none() && body[i + 1..].starts_with('/') => {
                // A `//` comment to the end of the line.
                changed = true;
                comment_until = Some(body[i..].find('\n').map_or(body.len(), |n| i + n));
            }
            '/' if comment_until.is_none() && body[i + 1..].starts_with('*') => {
                changed = true;
                comment_until = Some(
                    body[i + 2..]
                        .find("*/")
                        .map_or(body.len(), |n| i + 2 + n + 2),
                );
            }
            ',' => {
                let next = body[i + 1..].trim_start().chars().next();
                if matches!(next, Some('}' | ']')) {
                    changed = true;
                } else {
                    out.push(c);
                }
            }
            c => out.push(c),
        }
    }
    changed.then_some(out)
}

/// The schema.org types of a node, without `schema:` or URL prefixes.
fn types(object: &Map<String, Value>) -> Vec<&str> {
    match object.get("@type") {
        Some(Value::String(t)) => vec![short(t)],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).map(short).collect(),
        _ => Vec::new(),
    }
}

/// `https://schema.org/NewsArticle` or `schema:NewsArticle` -> `NewsArticle`.
fn short(t: &str) -> &str {
    let t = t.trim();
    let t = t.rsplit(['/', '#']).next().unwrap_or(t);
    t.strip_prefix("schema:").unwrap_or(t)
}

fn kind_of(types: &[&str]) -> Option<(ItemKind, String)> {
    let pick = |kind: ItemKind, wanted: &[&str]| {
        types
            .iter()
            .find(|t| wanted.contains(t))
            .map(|t| (kind, (*t).to_owned()))
    };
    pick(ItemKind::LiveBlog, &["LiveBlogPosting"])
        .or_else(|| {
            pick(
                ItemKind::Article,
                &[
                    "NewsArticle",
                    "ReportageNewsArticle",
                    "AnalysisNewsArticle",
                    "OpinionNewsArticle",
                    "BackgroundNewsArticle",
                    "ReviewNewsArticle",
                    "AskPublicNewsArticle",
                    "Article",
                    "BlogPosting",
                    "SocialMediaPosting",
                    "Report",
                ],
            )
        })
        .or_else(|| {
            pick(
                ItemKind::WebPage,
                &["WebPage", "ItemPage", "CollectionPage", "AboutPage"],
            )
        })
}

fn walk(
    value: &Value,
    block: usize,
    machine: &mut Machine,
    notes: &mut Vec<Diagnostic>,
    depth: usize,
) {
    if depth > MAX_DEPTH {
        return;
    }
    match value {
        Value::Array(values) => {
            for v in values {
                walk(v, block, machine, notes, depth + 1);
            }
        }
        Value::Object(object) => {
            if let Some((kind, type_name)) = kind_of(&types(object)) {
                let item = read_item(object, kind, type_name, block, machine, notes);
                machine.items.push(item);
            }
            for key in ["@graph", "mainEntity", "hasPart"] {
                if let Some(inner) = object.get(key) {
                    walk(inner, block, machine, notes, depth + 1);
                }
            }
        }
        _ => {}
    }
}

fn read_item(
    object: &Map<String, Value>,
    kind: ItemKind,
    type_name: String,
    block: usize,
    machine: &mut Machine,
    notes: &mut Vec<Diagnostic>,
) -> Item {
    let source = Source::JsonLd { block };
    let mut item = Item::new(source.clone(), kind, type_name);
    item.headline = string(object.get("headline"))
        .or_else(|| string(object.get("name")))
        .map(|h| collapse(&decode_text(&h, notes)));
    item.published = time(object.get("datePublished"), &source);
    item.modified = time(object.get("dateModified"), &source);
    item.coverage_start = time(object.get("coverageStartTime"), &source);
    item.coverage_end = time(object.get("coverageEndTime"), &source);
    item.authors = names(object.get("author"));
    item.url = string(object.get("url")).or_else(|| {
        string(object.get("@id"))
            .filter(|id| id.starts_with("http://") || id.starts_with("https://"))
    });
    for key in ["publisher", "isPartOf"] {
        for name in names(object.get(key)) {
            machine.site_names.push(Sourced {
                value: name,
                source: source.clone(),
            });
        }
    }
    if kind == ItemKind::LiveBlog {
        let updates: &[Value] = match object.get("liveBlogUpdate") {
            Some(Value::Array(values)) => values,
            Some(single @ Value::Object(_)) => std::slice::from_ref(single),
            _ => &[],
        };
        item.updates = updates
            .iter()
            .filter_map(Value::as_object)
            .map(|u| Update {
                headline: string(u.get("headline"))
                    .or_else(|| string(u.get("name")))
                    .map(|h| collapse(&decode_text(&h, notes))),
                body: string(u.get("articleBody"))
                    .or_else(|| string(u.get("text")))
                    .map(|b| decode_text(&b, notes)),
                published: time(u.get("datePublished"), &source),
                modified: time(u.get("dateModified"), &source),
                authors: names(u.get("author")),
                url: string(u.get("url")),
                at: None,
            })
            .collect();
        item.updates_left_out = object
            .get(capped::SKIPPED)
            .and_then(Value::as_u64)
            .map_or(0, |n| usize::try_from(n).unwrap_or(usize::MAX));
    }
    item
}

/// A non-empty string, or the first of an array of them.
fn string(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) => Some(s.trim()).filter(|s| !s.is_empty()).map(str::to_owned),
        Value::Array(values) => values.iter().find_map(|v| string(Some(v))),
        _ => None,
    }
}

/// A time; the raw string is kept as written, and parsed after decoding entities
/// (`2023-11-02T10:14:29&#x2B;05:30`).
fn time(value: Option<&Value>, source: &Source) -> Option<MachineTime> {
    string(value).map(|raw| {
        let mut time = MachineTime::new(&raw, source.clone());
        if time.parsed.is_none() && raw.contains('&') {
            time.parsed = parse_machine_time(&decode_entities(&raw));
        }
        time
    })
}

/// Text from a JSON-LD string: markup is read as HTML (its visible text, the tree bounded as
/// the page's is, with the same warning once), bare entities are decoded, newlines kept.
fn decode_text(s: &str, notes: &mut Vec<Diagnostic>) -> String {
    if s.contains('<') {
        let (s, bounded) = super::bound::bound(s);
        for note in bounded {
            if !notes.iter().any(|n| n.code == note.code) {
                notes.push(note);
            }
        }
        let fragment = scraper::Html::parse_fragment(&s);
        element_text(fragment.tree.root())
    } else {
        decode_entities(s).into_owned()
    }
}

/// Names from a string, an object with `name`, or an array of either; character references
/// decoded (`Ren&eacute;e`).
fn names(value: Option<&Value>) -> Vec<String> {
    let mut out = Vec::new();
    let mut push = |v: &Value| {
        let name = match v {
            Value::String(s) => Some(s.trim()),
            Value::Object(o) => o.get("name").and_then(Value::as_str).map(str::trim),
            _ => None,
        };
        if let Some(name) = name.map(|n| decode_entities(n).trim().to_owned())
            && !name.is_empty()
        {
            out.push(name);
        }
    };
    match value {
        Some(Value::Array(values)) => values.iter().for_each(&mut push),
        Some(v) => push(v),
        None => {}
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrappers_are_stripped() {
        assert_eq!(unwrap("\n<![CDATA[ {\"a\":1} ]]>\n"), "{\"a\":1}");
        assert_eq!(unwrap("//<![CDATA[\n{\"a\":1}\n//]]>"), "{\"a\":1}");
        assert_eq!(unwrap("// <![CDATA[\n{\"a\":1}\n// ]]>"), "{\"a\":1}");
        assert_eq!(unwrap("<!-- {\"a\":1} -->"), "{\"a\":1}");
        assert_eq!(unwrap("<![CDATA[{\"a\":1}"), "{\"a\":1}");
    }

    #[test]
    fn a_block_with_a_stray_brace_after_its_object_is_read() {
        let mut machine = Machine::default();
        let mut notes = Vec::new();
        let block = r#"{"@type": "NewsArticle", "datePublished": "2020-10-26T18:10:00+01:00"}}"#;
        read_blocks(&[block.to_owned()], usize::MAX, &mut machine, &mut notes);
        assert_eq!(machine.items.len(), 1);
        assert!(notes.iter().any(|n| n.code == "json-ld-repaired"));
    }

    #[test]
    fn repair_drops_trailing_commas_and_escapes_raw_newlines() {
        let fixed = repair("{\"a\": [1, 2,], \"b\": \"x\ny\", }");
        assert_eq!(fixed.as_deref(), Some("{\"a\": [1, 2], \"b\": \"x\\ny\" }"));
        assert_eq!(repair("{\"a\": \"b,}\"}"), None);
        let fixed = repair("{\"a\": 1, // \"b\": 2,\n \"c\": \"http://x\" /* d */}");
        assert_eq!(
            fixed.as_deref(),
            Some("{\"a\": 1, \n \"c\": \"http://x\" }")
        );
    }

    #[test]
    fn entities_are_decoded() {
        assert_eq!(
            decode_text(
                "It&rsquo;s &eacute;t&eacute; &mdash; &#8217;&#x2019; &foo;",
                &mut Vec::new()
            ),
            "It\u{2019}s \u{e9}t\u{e9} \u{2014} \u{2019}\u{2019} &foo;"
        );
        let authors = serde_json::json!([{"name": "Ren&eacute;e O&#8217;Brien"}, "&nbsp;"]);
        assert_eq!(names(Some(&authors)), ["Ren\u{e9}e O\u{2019}Brien"]);
        assert_eq!(
            decode_text(
                "<p>One &amp; <a href=x>two</a></p><p>Three</p>",
                &mut Vec::new()
            ),
            "One & two\n\nThree"
        );
    }

    #[test]
    fn markup_in_a_string_is_bounded_as_the_page_is() {
        let deep = "<div>".repeat(10_000) + "deep" + &"</div>".repeat(10_000);
        let mut notes = Vec::new();
        assert_eq!(decode_text(&deep, &mut notes), "deep");
        let codes: Vec<&str> = notes.iter().map(|n| n.code.as_str()).collect();
        assert_eq!(codes, ["html-too-deep"]);
    }
}
