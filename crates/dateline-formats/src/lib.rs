//! dateline's output formats: a [`Timeline`](dateline_model::Timeline) written as JSON or Markdown.
//!
//! Every format is a value that implements [`Format`]: a name for `--format`, a one-line
//! description for `dateline formats`, and a `write` method that renders a whole timeline to any
//! [`io::Write`](std::io::Write). [`formats`] lists the built-in formats and [`by_name`] finds one.
//! Each format lives in a module of its own:
//!
//! - [`Json`] (`json`): the whole timeline, every document, post, resolved time and its basis,
//!   event and diagnostic. This is the contract other programs read, documented in `docs/json.md`
//!   and versioned by its `version` field.
//! - [`Markdown`] (`markdown`): for people. The sources, then the events grouped by UTC day, each
//!   with its time, headline, outlets and the `path:line` it came from, then the warnings and
//!   errors. Text from the pages is escaped, so a post cannot inject HTML, links or headings.
//!
//! [`WriteOptions`] holds the choices that apply to every format. It is empty today and will grow,
//! starting with a display zone, without breaking callers.
//!
//! ```
//! use dateline_formats::{WriteOptions, by_name};
//! use dateline_model::Timeline;
//!
//! let json = by_name("json").expect("a built-in format");
//! let mut out: Vec<u8> = Vec::new();
//! json.write(&Timeline::default(), &WriteOptions::default(), &mut out)?;
//! let text = String::from_utf8(out)?;
//! assert!(text.starts_with("{\n  \"version\": 1,"));
//! assert!(text.ends_with("}\n"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Design
//!
//! Writers take `&mut dyn io::Write` and never touch standard output, files or the terminal. The
//! caller (the CLI) decides where the bytes go: a file, a pipe, a buffer in a test, a plugin's
//! stdin. Taking a trait object rather than a generic writer keeps [`Format`] object-safe, so built-in
//! formats and, later, external format plugins sit in one list. A writer buffers its own output and
//! flushes it, so an unbuffered writer costs no more than a buffered one.
//!
//! Output is deterministic: the same timeline and options give byte-identical output, on any
//! machine and in any run. Nothing reads the clock, the locale or the environment. Maps are never
//! iterated in hash order. Day headings and times are in UTC.
//!
//! Errors are one [`Error`] type. An I/O failure keeps the [`io::Error`](std::io::Error) as its
//! source, so a caller can tell a closed pipe from a real failure ([`Error::is_broken_pipe`]).

#![deny(missing_docs)]

mod error;
mod format;
mod json;
mod markdown;

pub use error::Error;
pub use format::{Format, WriteOptions, by_name, formats};
pub use json::Json;
pub use markdown::Markdown;

#[cfg(test)]
mod tests {
    use chrono::{DateTime, FixedOffset, Utc};
    use dateline_model::{
        Basis, Diagnostic, Document, DocumentKind, Post, ResolvedTime, Severity, Timeline,
        ZoneSource,
    };

    fn resolved(line: u32, utc: &str, local: &str, zone: &str) -> ResolvedTime {
        let utc: DateTime<Utc> = utc.parse().expect("an RFC 3339 time");
        let local: DateTime<FixedOffset> = local.parse().expect("an RFC 3339 time");
        let source = ZoneSource::OutletDefault {
            outlet: "The Independent".to_owned(),
        };
        let basis = Basis::new("day-month-year-time", source);
        ResolvedTime::new(
            line,
            local.format("%-d %B %Y %H:%M").to_string(),
            utc,
            local,
            zone,
            basis,
        )
    }

    /// A small timeline: two documents over two days, one post without time, three diagnostics.
    pub(crate) fn sample() -> Timeline {
        let mut blog = Document::new("seeds/blog.txt", "independent-liveblog", b"blog");
        blog.kind = DocumentKind::LiveBlog;
        blog.outlet = Some("The Independent".to_owned());
        blog.title = Some("Iran news \u{2013} live".to_owned());
        for (line, utc, text) in [
            (
                37,
                "2020-01-03T12:44:00Z",
                "US citizens have left Basra, the oil ministry said. More.",
            ),
            (
                41,
                "2020-01-03T12:45:00Z",
                "\"Iran never won a war!\" he said.",
            ),
        ] {
            let mut post = Post::new(&blog.id, line);
            post.time = Some(resolved(line, utc, utc, "Europe/London"));
            post.author = Some("Jon Sharman".to_owned());
            post.text = text.to_owned();
            blog.posts.push(post);
        }
        let mut untimed = Post::new(&blog.id, 50);
        untimed.text = "A post whose stamp could not be read.".to_owned();
        blog.posts.push(untimed);

        let mut cnn = Document::new("seeds/cnn.txt", "cnn-liveblog", b"cnn");
        cnn.kind = DocumentKind::LiveBlog;
        cnn.outlet = Some("CNN".to_owned());
        let mut post = Post::new(&cnn.id, 12);
        post.time = Some(resolved(
            12,
            "2020-01-04T17:31:00Z",
            "2020-01-04T12:31:00-05:00",
            "America/New_York",
        ));
        post.headline = Some("NATO suspends training in Iraq".to_owned());
        post.text = "The alliance said the safety of its personnel is paramount.".to_owned();
        cnn.posts.push(post);

        let documents = vec![blog, cnn];
        let merged = dateline_merge::merge(&documents, &dateline_merge::Options::default());
        let mut diagnostics = vec![
            Diagnostic::new(
                Severity::Info,
                "outlet-default-zone",
                "times read in Europe/London",
            )
            .in_path("seeds/blog.txt"),
            Diagnostic::new(
                Severity::Warning,
                "declared-count-mismatch",
                "the page says 26 posts; its text holds 1",
            )
            .in_path("seeds/cnn.txt")
            .at_line(3),
        ];
        diagnostics.extend(merged.diagnostics);
        let mut timeline = Timeline::default();
        timeline.documents = documents;
        timeline.events = merged.events;
        timeline.diagnostics = diagnostics;
        timeline
    }
}
