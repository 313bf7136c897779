//! `dateline explain PAGE`: every line of a page with its role and the rule that gave it, so that
//! nothing a page holds is lost without a trace.
//!
//! A line is `metadata` (the page's own fields), a `timestamp` (a post's stamp, with the instant it
//! resolved to), `post` text (headline, credit, body), `boilerplate` (site furniture and links),
//! `noise` (media residue), `unplaced` (content that fit nowhere, always also a warning) or
//! `blank`. For an HTML page the lines are those of its visible text, which the listing prints.

use std::io::{self, Write};

use dateline_model::{Clue, PageContext, Post};
use dateline_sources::Reading;
use serde_json::json;

/// The longest text printed for one line in the listing; the rest is counted, not shown.
const MAX_SHOWN: usize = 240;

/// Writes the listing (or, with `json`, one JSON record per line) of every reading.
pub fn write(out: &mut dyn Write, readings: &[Reading], json: bool) -> Result<(), io::Error> {
    for (k, reading) in readings.iter().enumerate() {
        if json {
            write_json(out, reading)?;
        } else {
            if k > 0 {
                writeln!(out)?;
            }
            // Rendered, then written with the page's text escaped for a terminal; the JSON
            // records keep it exact.
            let mut listing = Vec::new();
            write_text(&mut listing, reading)?;
            let listing = String::from_utf8_lossy(&listing);
            out.write_all(crate::terminal::text(&listing).as_bytes())?;
        }
    }
    Ok(())
}

/// For every line (index 0 is line 1), the visible post whose span holds it: one pass over the
/// spans, so a page of a million posts costs no more than its lines.
fn owners(posts: &[Post], lines: usize) -> Vec<Option<&Post>> {
    let mut owner: Vec<Option<&Post>> = vec![None; lines];
    for post in posts.iter().filter(|p| p.visible) {
        let [first, last] = post.lines;
        let (first, last) = (first.max(1) as usize, last as usize);
        for slot in owner
            .iter_mut()
            .take(last)
            .skip(first - 1)
            .filter(|s| s.is_none())
        {
            *slot = Some(post);
        }
    }
    owner
}

struct Line<'a> {
    number: u32,
    category: &'static str,
    role: &'static str,
    rule: &'static str,
    post: Option<&'a Post>,
    text: &'a str,
}

fn lines(reading: &Reading) -> Vec<Line<'_>> {
    let texts: Vec<&str> = split_lines(&reading.text);
    let owner = owners(&reading.document.posts, texts.len());
    texts
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let number = u32::try_from(i + 1).unwrap_or(u32::MAX);
            let (category, role, rule) = match reading.roles.get(number) {
                Some((role, rule)) => (role.category(), role.name(), rule),
                None => ("blank", "blank", "-"),
            };
            let post = match category {
                "timestamp" | "post" => owner.get(i).copied().flatten(),
                _ => None,
            };
            Line {
                number,
                category,
                role,
                rule,
                post,
                text,
            }
        })
        .collect()
}

/// Lines as the reader counts them (LF, CRLF and lone CR each end one): the reader's own split.
fn split_lines(text: &str) -> Vec<&str> {
    dateline_sources::Page::new("", text)
        .lines()
        .map(|(_, line)| line)
        .collect()
}

fn write_text(out: &mut dyn Write, reading: &Reading) -> io::Result<()> {
    let doc = &reading.document;
    let visible = doc.posts.iter().filter(|p| p.visible).count();
    let shown = doc
        .posts
        .iter()
        .filter(|p| !p.visible && p.line > 0)
        .count();
    let hidden = doc.posts.len() - visible - shown;
    write!(
        out,
        "== {}: read as {}, {} posts",
        doc.path, doc.layout, visible
    )?;
    if shown > 0 {
        write!(
            out,
            " (and {shown} from machine data whose headline the page shows with no time)"
        )?;
    }
    if hidden > 0 {
        write!(
            out,
            " (and {hidden} from machine data only, not on the page)"
        )?;
    }
    writeln!(out)?;
    write_context(out, &doc.context)?;
    let rows = lines(reading);
    let mut counts: Vec<(&'static str, usize)> = Vec::new();
    for line in &rows {
        match counts.iter_mut().find(|(c, _)| *c == line.category) {
            Some((_, n)) => *n += 1,
            None => counts.push((line.category, 1)),
        }
        let post = match (line.post, line.category) {
            (Some(p), "timestamp") => match &p.time {
                Some(t) => format!(
                    "post {}{} {}",
                    p.line,
                    in_file(p),
                    t.utc.format("%Y-%m-%dT%H:%MZ")
                ),
                None => format!("post {}{} (no time)", p.line, in_file(p)),
            },
            (Some(p), _) => format!("post {}", p.line),
            _ => String::new(),
        };
        let chars = line.text.chars().count();
        let shown: String = line.text.chars().take(MAX_SHOWN).collect();
        let more = if chars > MAX_SHOWN {
            format!(" … (+{} characters)", chars - MAX_SHOWN)
        } else {
            String::new()
        };
        writeln!(
            out,
            "{:>6}  {:<11} {:<14} {:<28} {:<28} | {shown}{more}",
            line.number, line.category, line.role, line.rule, post
        )?;
    }
    let summary: Vec<String> = counts.iter().map(|(c, n)| format!("{n} {c}")).collect();
    writeln!(
        out,
        "{} lines, each accounted for once: {}",
        rows.len(),
        summary.join(", ")
    )?;
    for post in doc.posts.iter().filter(|p| !p.visible) {
        let time = post.time.as_ref().map_or("no time".to_owned(), |t| {
            t.utc.format("%Y-%m-%dT%H:%MZ").to_string()
        });
        let place = post.source.map_or_else(String::new, |s| {
            format!(" ({}:{}:{})", doc.path, s.line, s.column)
        });
        let what = if post.line > 0 {
            format!(
                "headline on line {} with no time, time from machine data",
                post.line
            )
        } else {
            "not on the page".to_owned()
        };
        writeln!(
            out,
            "{what}: {}{place} at {time}: {}",
            post.id,
            post.headline.as_deref().unwrap_or(&post.text)
        )?;
    }
    Ok(())
}

/// Where a post's stamp stands in the file, when the listed text is not the file (an HTML
/// page's visible text): ` (file 189:5)`.
fn in_file(post: &Post) -> String {
    post.source
        .map_or_else(String::new, |s| format!(" (file {}:{})", s.line, s.column))
}

/// The page's context: each decision, the clue that won it, the clues that agreed and those that
/// lost, so a reader sees why the page's zone, dates and kind are what they are.
fn write_context(out: &mut dyn Write, context: &PageContext) -> io::Result<()> {
    writeln!(out, "page context:")?;
    for decision in &context.decisions {
        let value = decision.value.as_deref().unwrap_or("-");
        match &decision.clue {
            Some(clue) => writeln!(
                out,
                "  {:<12} {:<28} <- {}",
                decision.question.name(),
                value,
                describe(clue)
            )?,
            None => writeln!(
                out,
                "  {:<12} {:<28}    no clue on the page",
                decision.question.name(),
                value
            )?,
        }
        if !decision.agreeing.is_empty() {
            let also: Vec<String> = decision.agreeing.iter().map(describe).collect();
            writeln!(out, "  {:<41} also: {}", "", also.join("; "))?;
        }
        for loser in &decision.runners_up {
            writeln!(
                out,
                "  {:<41} not {}: {}",
                "",
                loser.supports,
                describe(loser)
            )?;
        }
        if let Some(note) = &decision.note {
            writeln!(out, "  {:<41} note: {note}", "")?;
        }
    }
    Ok(())
}

/// A clue in a few words: its kind, its text and where it stands, its weight.
fn describe(clue: &Clue) -> String {
    let text: String = clue.text.chars().take(60).collect();
    let more = if clue.text.chars().count() > 60 {
        "…"
    } else {
        ""
    };
    match clue.line {
        Some(line) => format!(
            "{} `{text}{more}` (line {line}, weight {})",
            clue.kind, clue.weight
        ),
        None => format!("{} `{text}{more}` (weight {})", clue.kind, clue.weight),
    }
}

fn write_json(out: &mut dyn Write, reading: &Reading) -> io::Result<()> {
    let context = json!({
        "path": reading.document.path,
        "context": reading.document.context,
    });
    dateline_formats::json_text::to_writer(&mut *out, &context, true)?;
    writeln!(out)?;
    for line in lines(reading) {
        let record = json!({
            "path": reading.document.path,
            "line": line.number,
            "category": line.category,
            "role": line.role,
            "rule": line.rule,
            "post": line.post.map(|p| p.id.clone()),
            "utc": match line.category {
                "timestamp" => line.post.and_then(|p| p.time.as_ref()).map(|t| t.utc.to_rfc3339()),
                _ => None,
            },
            "text": line.text,
        });
        dateline_formats::json_text::to_writer(&mut *out, &record, true)?;
        writeln!(out)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_end_at_lf_crlf_and_lone_cr() {
        assert_eq!(split_lines("a\r\nb\rc\nd"), vec!["a", "b", "c", "d"]);
        assert_eq!(split_lines("a\n\nb\n"), vec!["a", "", "b"]);
        assert!(split_lines("").is_empty());
    }

    #[test]
    fn every_line_of_a_page_is_listed_with_its_role() {
        let page = "Storm live: the latest\n\nFriday 03 January 2020 09:00 GMT\n\n10:15 Later.\n\n09:30 Earlier.\n\nSubscribe to our newsletter by email\n";
        let reading = dateline_sources::read_explained(
            "g.txt",
            page.as_bytes(),
            &dateline_sources::Options::default(),
        );
        let mut out = Vec::new();
        write(&mut out, &[reading], false).unwrap();
        let text = String::from_utf8(out).unwrap();
        insta::assert_snapshot!(text, @r"
        == g.txt: read as generic, 2 posts
        page context:
          url          -                               no clue on the page
          outlet       -                               no clue on the page
          language     -                               no clue on the page
          country      -                               no clue on the page
          zone         UTC                          <- a stamp that prints its zone `Friday 03 January 2020 09:00 GMT` (line 3, weight 30)
          captured-at  -                               no clue on the page
          kind         live-blog                    <- a headline at the top of the page calls it live `Storm live: the latest` (line 1, weight 30)
          published    2020-01-03T09:00:00+00:00    <- a dated line above the first post `Friday 03 January 2020 09:00 GMT` (line 3, weight 5)
          updated      -                               no clue on the page
          page-date    2020-01-03                   <- the day it was published `Friday 03 January 2020 09:00 GMT` (line 3, weight 40)
          order        newest-first                 <- the order of the posts' times `2 posts, resolved together` (weight 2)
             1  metadata    title          first-line-of-page                                        | Storm live: the latest
             2  blank       blank          -                                                         | 
             3  metadata    published      published-line                                            | Friday 03 January 2020 09:00 GMT
             4  blank       blank          -                                                         | 
             5  timestamp   stamp          line-starts-with-stamp       post 5 2020-01-03T10:15Z     | 10:15 Later.
             6  blank       blank          -                                                         | 
             7  timestamp   stamp          line-starts-with-stamp       post 7 2020-01-03T09:30Z     | 09:30 Earlier.
             8  blank       blank          -                                                         | 
             9  boilerplate boilerplate    newsletter                                                | Subscribe to our newsletter by email
        9 lines, each accounted for once: 2 metadata, 4 blank, 2 timestamp, 1 boilerplate
        ");
    }
}
