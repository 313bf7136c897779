//! Warnings and errors on standard error, as they are made: each on one line
//! (`dateline: warning[code]: path:line: message`), or, on a terminal (`--color`), as a compiler
//! shows them: the message, then the page's line with the part it is about marked, rendered by
//! `annotate-snippets` (rustc's own renderer) from the diagnostic's excerpt. Page text is escaped
//! for the terminal first (`crate::terminal`), in both forms.

use std::io::{self, IsTerminal, Write};

use annotate_snippets::{AnnotationKind, Level, Origin, Renderer, Snippet};
use dateline_model::{Diagnostic, Severity};

use crate::args::Color;
use crate::terminal;

/// How diagnostics are printed on standard error in this run.
#[derive(Debug, Clone, Copy)]
pub struct Report {
    /// Warnings too, or errors only (`--quiet`).
    quiet: bool,
    /// Whether each is shown with its line (else on one line).
    snippets: bool,
    /// How colour is chosen for the shown lines.
    color: anstream::ColorChoice,
}

impl Report {
    pub fn new(quiet: bool, color: Color) -> Self {
        let (snippets, color) = match color {
            Color::Always => (true, anstream::ColorChoice::Always),
            Color::Never => (false, anstream::ColorChoice::Never),
            // `Auto` leaves NO_COLOR and CLICOLOR_FORCE to anstream.
            Color::Auto => (io::stderr().is_terminal(), anstream::ColorChoice::Auto),
        };
        Report {
            quiet,
            snippets,
            color,
        }
    }

    /// Prints the warnings and errors of `diagnostics` (the errors only when quiet).
    pub fn print(&self, diagnostics: &[Diagnostic]) {
        let least = if self.quiet {
            Severity::Error
        } else {
            Severity::Warning
        };
        let mut shown = diagnostics
            .iter()
            .filter(|d| d.severity >= least)
            .peekable();
        if shown.peek().is_none() {
            return;
        }
        let mut err = anstream::AutoStream::new(io::stderr().lock(), self.color);
        for d in shown {
            let text = if self.snippets {
                snippet(d)
            } else {
                one_line(d)
            };
            // Nothing is left to tell of a standard error that cannot be written to.
            let _ = writeln!(err, "{text}");
        }
    }
}

/// `dateline: warning[code]: path:line: message`, escaped.
pub fn one_line(d: &Diagnostic) -> String {
    let place = match (&d.path, d.cited_line()) {
        (Some(path), Some(line)) => format!("{path}:{line}: "),
        (Some(path), None) => format!("{path}: "),
        _ => String::new(),
    };
    let text = format!("{}[{}]: {place}{}", level_name(d), d.code, d.message);
    format!("dateline: {}", terminal::line(&text))
}

fn level_name(d: &Diagnostic) -> &'static str {
    if d.severity == Severity::Error {
        "error"
    } else {
        "warning"
    }
}

/// The diagnostic as a compiler shows one, styled (the stream drops the styles where colour is
/// off): its message, then where it is, and its line with the part it is about marked; the
/// line as a whole when the part is not known.
pub fn snippet(d: &Diagnostic) -> String {
    let level = if d.severity == Severity::Error {
        Level::ERROR
    } else {
        Level::WARNING
    };
    let message = terminal::line(&d.message);
    let code = terminal::line(&d.code);
    let path = d.path.as_deref().map(terminal::line);
    let title = level.primary_title(message).id(code);
    let renderer = Renderer::styled();
    // An HTML page's diagnostic cites the file's own line; its excerpt is the text as read, not
    // that line, so the file's line and column are shown without it.
    let excerpt = if d.source.is_some() {
        &None
    } else {
        &d.excerpt
    };
    let group = match (path, d.cited_line(), excerpt) {
        (Some(path), Some(line), Some(excerpt)) => {
            let (text, span) = escaped(&excerpt.text, excerpt.span);
            let snippet = Snippet::source(text)
                .line_start(usize::try_from(line).unwrap_or(usize::MAX))
                .path(path)
                .annotation(AnnotationKind::Primary.span(span));
            title.element(snippet)
        }
        (Some(path), Some(line), None) => {
            title.element(Origin::path(path).line(usize::try_from(line).unwrap_or(usize::MAX)))
        }
        (Some(path), None, _) => title.element(Origin::path(path)),
        (None, ..) => {
            return renderer.render(&[level_title(d)]);
        }
    };
    renderer.render(&[group])
}

/// A diagnostic about no page: its message alone.
fn level_title(d: &Diagnostic) -> annotate_snippets::Group<'_> {
    let level = if d.severity == Severity::Error {
        Level::ERROR
    } else {
        Level::WARNING
    };
    annotate_snippets::Group::with_title(
        level
            .primary_title(terminal::line(&d.message))
            .id(terminal::line(&d.code)),
    )
}

/// A line escaped for the terminal, with its marked part's range moved to match: escaping
/// lengthens what it escapes. The part is the line's text, blanks trimmed, when none is given.
fn escaped(text: &str, span: Option<[u32; 2]>) -> (String, std::ops::Range<usize>) {
    let whole = || {
        let start = text.len() - text.trim_start().len();
        [start, text.trim_end().len().max(start)]
    };
    let [start, end] = span
        .map(|[a, b]| [a as usize, b as usize])
        .filter(|&[a, b]| a <= b && text.get(a..b).is_some())
        .unwrap_or_else(whole);
    let (before, part, after) = (&text[..start], &text[start..end], &text[end..]);
    let before = terminal::line(before);
    let part = terminal::line(part);
    let range = before.len()..before.len() + part.len();
    (format!("{before}{part}{}", terminal::line(after)), range)
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_model::Excerpt;

    fn plain(text: &str) -> String {
        anstream::adapter::strip_str(text).to_string()
    }

    fn warning() -> Diagnostic {
        Diagnostic::new(
            Severity::Warning,
            "unresolved-stamp",
            "`6 hours ago` is relative to the capture time, which is missing",
        )
        .in_path("page.txt")
        .at_line(4)
        .with_excerpt(Excerpt::new("Posted 6 hours ago", Some([7, 18])))
    }

    #[test]
    fn a_warning_shows_its_line_with_the_part_marked() {
        insta::assert_snapshot!(plain(&snippet(&warning())), @r"
        warning[unresolved-stamp]: `6 hours ago` is relative to the capture time, which is missing
         --> page.txt:4:8
          |
        4 | Posted 6 hours ago
          |        ^^^^^^^^^^^
        ");
    }

    #[test]
    fn page_text_is_escaped_and_the_mark_follows_it() {
        let d = warning().with_excerpt(Excerpt::new("\u{1b}]0;x\u{7} 6 hours ago", Some([7, 18])));
        let shown = plain(&snippet(&d));
        assert!(
            !shown.contains('\u{1b}') && !shown.contains('\u{7}'),
            "{shown:?}"
        );
        assert!(shown.contains("\\u{1b}]0;x\\u{7} 6 hours ago"), "{shown}");
        let (text, range) = escaped("\u{1b}]0;x\u{7} 6 hours ago", Some([7, 18]));
        assert_eq!(&text[range], "6 hours ago");
        // No part given: the line, blanks trimmed.
        let (text, range) = escaped("  whole line ", None);
        assert_eq!(&text[range], "whole line");
        // A part that is not on the line's character boundaries: the line.
        let (text, range) = escaped("é", Some([1, 2]));
        assert_eq!(&text[range], "é");
    }

    #[test]
    fn without_an_excerpt_the_place_is_still_said() {
        let mut d = warning();
        d.excerpt = None;
        let shown = plain(&snippet(&d));
        assert!(shown.contains("--> page.txt:4"), "{shown}");
        d.path = None;
        d.line = None;
        assert_eq!(
            plain(&snippet(&d)).trim_end(),
            "warning[unresolved-stamp]: `6 hours ago` is relative to the capture time, which is missing"
        );
        assert_eq!(
            one_line(&warning()),
            "dateline: warning[unresolved-stamp]: page.txt:4: `6 hours ago` is relative to the capture time, which is missing"
        );
    }
}
