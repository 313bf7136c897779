//! The line each diagnostic is about, as the page gives it, with the part it is about: what a
//! terminal shows under a warning, the line with that part marked, as a compiler shows code.
//!
//! Filled in once, by [`attach`] at the end of [`crate::read`], for every diagnostic of the page
//! that has a line of its text: the layouts, the context and the checks only say which line. The
//! part is the first text the message quotes in backticks that stands on the line (a stamp, a
//! zone, a statement, as the messages quote them); without one the diagnostic is about the line as
//! a whole.

use dateline_model::{Diagnostic, Excerpt};

use crate::page::Page;

/// At most this many bytes of a line are kept around the part a diagnostic is about.
const WIDTH: usize = 240;

/// Where a long line is cut: its kept part starts this many bytes before the marked part.
const BEFORE: usize = 60;

/// Fills in the excerpt of every diagnostic of `page` that has a line and none yet.
pub(crate) fn attach(diagnostics: &mut [Diagnostic], page: &Page<'_>) {
    for d in diagnostics.iter_mut() {
        if d.excerpt.is_some() || d.path.as_deref() != Some(page.path()) {
            continue;
        }
        let Some(line) = d.line.and_then(|n| page.line(n)) else {
            continue;
        };
        d.excerpt = excerpt(line, &d.message).map(Box::new);
    }
}

/// The excerpt of `line` for a diagnostic saying `message`; none for a blank line.
fn excerpt(line: &str, message: &str) -> Option<Excerpt> {
    let line = line.trim_end();
    if line.trim_start().is_empty() {
        return None;
    }
    let span = quoted(message).find_map(|q| line.find(q).map(|at| (at, at + q.len())));
    if line.len() <= WIDTH {
        return Some(Excerpt::new(line, span.and_then(offsets)));
    }
    // A long line (an HTML page's one-line text, a run of furniture): the part around the span.
    let from = span.map_or(line.len() - line.trim_start().len(), |(start, _)| start);
    let start = floor(line, from.saturating_sub(BEFORE));
    let end = ceil(
        line,
        (start + WIDTH).max(span.map_or(0, |(_, end)| end.min(start + 2 * WIDTH))),
    );
    let kept = line.get(start..end)?;
    let mut text = String::with_capacity(kept.len() + 6);
    if start > 0 {
        text.push('\u{2026}');
    }
    let shift = text.len();
    text.push_str(kept);
    if end < line.len() {
        text.push('\u{2026}');
    }
    let span = span.map(|(a, b)| (a - start + shift, b.min(end) - start + shift));
    Some(Excerpt::new(text, span.and_then(offsets)))
}

/// The texts `message` quotes in backticks, longest first, so a stamp wins over a word it holds.
fn quoted(message: &str) -> impl Iterator<Item = &str> {
    let mut all: Vec<&str> = message
        .split('`')
        .skip(1)
        .step_by(2)
        .filter(|q| !q.trim().is_empty())
        .collect();
    all.sort_by_key(|q| std::cmp::Reverse(q.len()));
    all.into_iter()
}

fn offsets((start, end): (usize, usize)) -> Option<[u32; 2]> {
    Some([u32::try_from(start).ok()?, u32::try_from(end).ok()?])
}

/// The nearest character boundary of `text` at or before `at`.
fn floor(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The nearest character boundary of `text` at or after `at`.
fn ceil(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(e: &Excerpt) -> Option<&str> {
        let [a, b] = e.span?;
        e.text.get(a as usize..b as usize)
    }

    #[test]
    fn the_quoted_stamp_is_marked_on_its_line() {
        let e = excerpt(
            "  Posted 6 hours ago by Ann  ",
            "`6 hours ago` is relative to the capture time, which is missing",
        )
        .expect("an excerpt");
        assert_eq!(e.text, "  Posted 6 hours ago by Ann");
        assert_eq!(marked(&e), Some("6 hours ago"));
        // A message that quotes nothing on the line: the line, unmarked.
        let e = excerpt("14:05 GMT", "the post is later than `x`").expect("an excerpt");
        assert_eq!((e.text.as_str(), e.span), ("14:05 GMT", None));
        assert_eq!(excerpt("   ", "`x`"), None);
    }

    #[test]
    fn a_long_line_is_cut_around_the_mark_on_character_boundaries() {
        let line = format!(
            "{}3 March 2024 12:44 GMT{}",
            "é".repeat(500),
            "ü".repeat(500)
        );
        let e = excerpt(&line, "`3 March 2024 12:44 GMT` disagrees").expect("an excerpt");
        assert!(e.text.starts_with('\u{2026}') && e.text.ends_with('\u{2026}'));
        assert!(
            e.text.len() <= WIDTH + 2 * '\u{2026}'.len_utf8() + 1,
            "{}",
            e.text.len()
        );
        assert_eq!(marked(&e), Some("3 March 2024 12:44 GMT"));
        // Nothing marked: the line's start.
        let e = excerpt(&"word ".repeat(200), "no quote").expect("an excerpt");
        assert!(e.text.starts_with("word ") && e.text.ends_with('\u{2026}'));
    }

    #[test]
    fn every_diagnostic_with_a_line_of_the_page_gets_its_excerpt() {
        let text = "Headline\n\n`odd` 6 hours ago\n";
        let page = Page::new("p.txt", text);
        let mut diagnostics = vec![
            Diagnostic::new(
                dateline_model::Severity::Warning,
                "a",
                "`6 hours ago` is relative",
            )
            .at_line(3)
            .in_path("p.txt"),
            Diagnostic::new(dateline_model::Severity::Info, "b", "no line").in_path("p.txt"),
            Diagnostic::new(dateline_model::Severity::Info, "c", "past the end")
                .at_line(9)
                .in_path("p.txt"),
            Diagnostic::new(dateline_model::Severity::Info, "d", "blank")
                .at_line(2)
                .in_path("p.txt"),
        ];
        attach(&mut diagnostics, &page);
        let e = diagnostics[0].excerpt.as_ref().expect("an excerpt");
        assert_eq!(e.text, "`odd` 6 hours ago");
        assert_eq!(e.span, Some([6, 17]));
        assert!(diagnostics[1..].iter().all(|d| d.excerpt.is_none()));
    }
}
