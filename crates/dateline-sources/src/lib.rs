//! Saved news pages read into documents: posts, page metadata, times in UTC, and what was left out.
//!
//! A person saves a live blog or an article, as text or as HTML; this crate turns the bytes into a
//! [`dateline_model::Document`]: the outlet, the [`Layout`] that read it, whether it is a live blog
//! or an article, its title, standfirst, bylines, published and updated times, the post count it
//! claims, its statement of zone, its summary, and its posts, each with the line and raw text of
//! its stamp, the instant in UTC and why (through `dateline-time`), its author, headline, credit
//! and body. Lines that belong to no item are kept in [`Document::dropped`] with a reason.
//!
//! The entry point is [`read`]. The principal abstraction is the [`Layout`] trait, one small
//! trait with [`Layout::detect`] and [`Layout::parse`]; the built-in layouts are listed by
//! [`layouts`]: The Independent's live blog and article ([`IndependentLiveBlog`],
//! [`IndependentArticle`]), DW's and CNN's live blogs ([`DwLiveBlog`], [`CnnLiveBlog`]), and the
//! [`Generic`] reader for pages from outlets dateline has never seen. [`outlets`] is the table of
//! known outlets with their domains, countries and home zones.
//!
//! ```
//! use dateline_sources::{read, Options};
//!
//! let page = "\
//! Stay up to date with notifications from The Independent
//!
//! Iran news – live: a title
//!
//! Jo Bloggs
//! Friday 03 January 2020 13:34 EST
//!
//! Please allow a moment for the live blog to load
//!
//! First post.
//!
//! Jo Bloggs3 January 2020 12:44
//!
//! Second post.
//!
//! Jo Bloggs3 January 2020 12:50
//! ";
//! let (doc, diagnostics) = read("blog.txt", page.as_bytes(), &Options::default());
//! assert_eq!(doc.layout, "independent-liveblog");
//! assert_eq!(doc.posts.len(), 2);
//! let first = &doc.posts[0];
//! assert_eq!(first.author.as_deref(), Some("Jo Bloggs"));
//! let time = first.time.as_ref().unwrap();
//! assert_eq!(time.raw, "3 January 2020 12:44");
//! assert_eq!(time.utc.to_rfc3339(), "2020-01-03T12:44:00+00:00");
//! assert_eq!(time.zone, "Europe/London");
//! // The page's own time prints EST; that zone does not leak into the posts.
//! assert_eq!(doc.published.unwrap().utc.to_rfc3339(), "2020-01-03T18:34:00+00:00");
//! assert!(diagnostics.iter().any(|d| d.code == "layout-detected"));
//! ```
//!
//! Saved HTML is read the same way, through the text a browser shows, then checked against the
//! page's machine data (JSON-LD, microdata, `<meta>`, `<time>`):
//!
//! ```
//! use dateline_sources::{read, Options};
//!
//! let page = r#"<!DOCTYPE html><html><head>
//! <link rel="canonical" href="https://www.theguardian.com/world/live/2024/jul/04/a-live-blog">
//! <script type="application/ld+json">{"@type": "LiveBlogPosting", "headline": "A live blog",
//!   "liveBlogUpdate": [
//!     {"headline": "Later", "datePublished": "2024-07-04T12:50:00+01:00"},
//!     {"headline": "Earlier", "datePublished": "2024-07-04T11:05:00+01:00"},
//!     {"headline": "Not shown on the page", "datePublished": "2024-07-04T10:00:00+01:00"}]}
//! </script></head><body><h1>A live blog</h1>
//! <div><p>Thu 4 Jul 2024 10.00 BST</p></div>
//! <div><p>12.50 BST</p><h2>Later</h2><p>Second post.</p></div>
//! <div><p>11.05 BST</p><h2>Earlier</h2><p>First post.</p></div>
//! </body></html>"#;
//! let (doc, diagnostics) = read("blog.html", page.as_bytes(), &Options::default());
//! assert_eq!(doc.outlet.as_deref(), Some("The Guardian"));
//! let times: Vec<String> = doc.posts.iter().map(|p| p.time.as_ref().unwrap().utc.to_rfc3339()).collect();
//! assert_eq!(times, ["2024-07-04T11:50:00+00:00", "2024-07-04T10:05:00+00:00", "2024-07-04T09:00:00+00:00"]);
//! // The visible stamps agree with the machine data; the third update is kept, marked.
//! let notes = &doc.posts[0].time.as_ref().unwrap().basis.notes;
//! assert!(notes.iter().any(|n| n.contains("JSON-LD block 1: liveBlogUpdate datePublished agrees")));
//! assert!(!doc.posts[2].visible);
//! assert!(diagnostics.iter().any(|d| d.code == "machine-updates"));
//! ```
//!
//! # Design
//!
//! - **Layouts are recognised from the text, never from the file name.** Each layout scores the
//!   page ([`Detection`]); the best score wins and an info diagnostic says which and why. When
//!   none fits, the generic reader learns from the page whether stamps open or close its posts,
//!   and says what it inferred. `Options::layout` forces a layout by name.
//! - **A parser returns what it could read plus diagnostics**, `(Document, Vec<Diagnostic>)`,
//!   never all-or-nothing: half-readable pages are the normal case. [`read`] never panics and
//!   never fails; bad bytes, unknown layouts and unreadable stamps become diagnostics.
//! - **Nothing is lost.** Every line of a page ends in exactly one place: a post (stamp,
//!   headline, credit, body), the document's metadata (title, standfirst, bylines, dates, count,
//!   zone statement, summary), or [`Document::dropped`] with a reason. Layouts fill a ledger of
//!   line roles ([`LineRoles`], returned by [`read_with_roles`]); a line no layout placed is
//!   dropped as unplaced *and* reported as a warning.
//! - **A page's context is decided once, from every clue on it**, before its posts are read: its
//!   address, outlet, language, country, zone, capture time, kind, publication and update times
//!   and the day of its bare clocks, each by a weighted vote of the clues its machine data and
//!   its text give (a statement of its zone, a labelled line, a dateline beside the headline, a
//!   domain, the language of its prose...), each decision kept with the clue that won, the clues
//!   that agreed and the strongest that lost ([`Document::context`]). Layouts only split posts.
//! - **Times are resolved in one shared step**, not by each layout: layouts hand back raw stamps
//!   ([`Parsed`]), and the shared step reads them in the page's context, resolves the posts
//!   together with `dateline_time::resolve_sequence`, passes on the time library's notes as
//!   diagnostics, and checks the page against itself (posts later than its update time, a post
//!   count its text does not hold).
//! - **HTML is read through its visible text**, so one set of layouts serves text copies and
//!   saved pages alike, and line numbers refer to that text. The machine data gives the context
//!   its strongest clues (JSON-LD, microdata, `<meta>`, `<time>`), but a visible dateline can
//!   outvote a plainly wrong one (a publication time later than its own modification time), and
//!   a live blog's posts are checked against its machine updates (every update with one time is
//!   a template's, not the posts').
//! - The crate does no I/O, reads no clock and prints nothing.
//! - **One dependency for a reader.** What [`read`] returns is re-exported ([`Document`],
//!   [`Diagnostic`], [`Severity`], and the crates [`dateline_model`] and [`dateline_time`], with
//!   its `chrono` for [`Options::captured_at`]); the crate's one [`Error`] (from [`layout`]) has an
//!   [`Error::kind`] to match on.
//!
//! [`Document::dropped`]: dateline_model::Document::dropped
//! [`Document::context`]: dateline_model::Document::context

#![deny(missing_docs)]

pub mod archive;
mod boilerplate;
mod cnn;
mod context;
mod dw;
mod error;
mod excerpt;
mod generic;
mod headline;
mod hint;
mod html;
mod independent;
mod layout;
mod mhtml;
mod outlets;
mod page;
mod resolve;

pub use cnn::CnnLiveBlog;
/// The model crate whose [`Document`] and [`Diagnostic`] [`read`] returns.
pub use dateline_model;
pub use dateline_model::{Diagnostic, Document, Severity};
/// The time crate that resolves the stamps, with the chrono crate of [`Options::captured_at`]
/// (`dateline_sources::dateline_time::chrono`).
pub use dateline_time;
pub use dateline_time::{DstPolicy, Tz};
pub use dw::DwLiveBlog;
pub use error::{Error, ErrorKind};
pub use generic::Generic;
pub use independent::{IndependentArticle, IndependentLiveBlog};
pub use layout::{Conflict, Detection, DraftPost, Layout, LineRoles, Parsed, RawStamp, Role};
pub use outlets::{Outlet, outlet_by_domain, outlet_by_name, outlets};
pub use page::Page;

use chrono::{DateTime, Utc};

/// How to read a page.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Options {
    /// Read with this layout (by [`Layout::name`]) instead of detecting one.
    pub layout: Option<String>,
    /// What to do with a local time in a daylight-saving gap or overlap.
    pub dst: DstPolicy,
    /// The most posts read from one page; the lines of any beyond are dropped as unplaced, with
    /// one warning naming the line where reading stopped. Default [`MAX_POSTS`].
    pub max_posts: usize,
    /// The zone of the page's clocks, when the user knows it: it outweighs every clue on the
    /// page, and the page's context records it as given.
    pub zone: Option<Tz>,
    /// The outlet's country (ISO 3166-1 alpha-2), when the user knows it.
    pub country: Option<String>,
    /// When the page was saved: the "now" of its relative times (`4m ago`, `Yesterday 18:40`).
    pub captured_at: Option<DateTime<Utc>>,
    /// The address a web archive says the page was fetched from (a WARC record's
    /// `WARC-Target-URI`): a clue to the page's URL, below the page's own canonical link.
    pub saved_from: Option<String>,
    /// When a web archive says the page was fetched (a WARC record's `WARC-Date`): a clue to the
    /// capture time, outweighed only by `captured_at`.
    pub fetched_at: Option<DateTime<Utc>>,
}

/// The default of [`Options::max_posts`]: far more than any real live blog holds (the longest
/// run to a few thousand posts), few enough that one page cannot exhaust memory.
pub const MAX_POSTS: usize = 100_000;

impl Default for Options {
    fn default() -> Self {
        Options {
            layout: None,
            dst: DstPolicy::default(),
            max_posts: MAX_POSTS,
            zone: None,
            country: None,
            captured_at: None,
            saved_from: None,
            fetched_at: None,
        }
    }
}

static LAYOUTS: &[&dyn Layout] = &[
    &IndependentLiveBlog,
    &IndependentArticle,
    &DwLiveBlog,
    &CnnLiveBlog,
    &Generic,
];

/// The built-in layouts, in the order ties are broken; `generic` is last and always matches.
pub fn layouts() -> &'static [&'static dyn Layout] {
    LAYOUTS
}

/// The names of the built-in layouts, as `Options::layout` takes them.
pub fn layout_names() -> Vec<&'static str> {
    LAYOUTS.iter().map(|l| l.name()).collect()
}

/// The built-in layout with this name.
pub fn layout(name: &str) -> Result<&'static dyn Layout, Error> {
    LAYOUTS
        .iter()
        .copied()
        .find(|l| l.name() == name)
        .ok_or_else(|| error::Repr::UnknownLayout {
            name: name.to_owned(),
            known: layout_names().join(", "),
        })
        .map_err(Error::from)
}

/// Reads one page: decodes the bytes, picks a layout from the text, reads the posts and the page's
/// metadata, resolves every time to UTC and checks the page against itself.
///
/// `path` names the page in the document and in every diagnostic; it is never used to choose a
/// layout. This function never panics and never fails: what could not be read is in the
/// diagnostics.
pub fn read(path: &str, bytes: &[u8], options: &Options) -> (Document, Vec<Diagnostic>) {
    let (doc, diagnostics, _) = read_with_roles(path, bytes, options);
    (doc, diagnostics)
}

/// A page read with everything needed to explain the reading line by line.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Reading {
    /// The document, as [`read`] gives it.
    pub document: Document,
    /// What the reading had to say, as [`read`] gives it.
    pub diagnostics: Vec<Diagnostic>,
    /// The role of every line of [`Reading::text`] and the rule that gave it.
    pub roles: LineRoles,
    /// The text the layouts read, whose lines the document's line numbers count: the decoded
    /// page, or an HTML page's visible text.
    pub text: String,
}

/// Like [`read`], also returning the text that was read and the role every line of it was given,
/// with the rule that gave it (what `dateline explain` shows).
pub fn read_explained(path: &str, bytes: &[u8], options: &Options) -> Reading {
    let (document, diagnostics, roles, text) = read_inner(path, bytes, options);
    Reading {
        document,
        diagnostics,
        roles,
        text,
    }
}

/// Like [`read`], also returning the role every line was given and the rule that gave it.
pub fn read_with_roles(
    path: &str,
    bytes: &[u8],
    options: &Options,
) -> (Document, Vec<Diagnostic>, LineRoles) {
    let (document, diagnostics, roles, _) = read_inner(path, bytes, options);
    (document, diagnostics, roles)
}

fn read_inner(
    path: &str,
    bytes: &[u8],
    options: &Options,
) -> (Document, Vec<Diagnostic>, LineRoles, String) {
    let mut diagnostics = Vec::new();
    // A page saved as a single file (MHTML) is read as the HTML it holds.
    let archive = mhtml::unpack(bytes, &mut diagnostics);
    let (text, location, archived) = match archive {
        Some(unpacked) => (unpacked.html, unpacked.location, true),
        None => (page::decode(bytes, &mut diagnostics), None, false),
    };
    // What was said so far (the decoding's invalid bytes) counts the file's own lines.
    let about_file = diagnostics.len();
    // An HTML page is read through its visible text, then checked against its machine data.
    let mut html = ((archived && !text.is_empty()) || html::looks_like_html(&text))
        .then(|| html::extract(&text, options.max_posts));
    if let Some(h) = &mut html
        && h.machine.saved_from.is_none()
    {
        h.machine.saved_from = location.or_else(|| options.saved_from.clone());
    }
    let visible = html.as_ref().map_or(text.as_str(), |h| h.text.as_str());
    let page = Page::new(path, visible);
    let chosen = choose(&page, options, &mut diagnostics);
    // The page's context, decided once from every clue on it, before its posts are read.
    let hint = context::LayoutHint {
        outlet: chosen.outlet().map(|o| (chosen.name(), o)),
        kind: chosen.kind().map(|k| (chosen.name(), k)),
    };
    let given = context::Given {
        zone: options.zone,
        country: options.country.clone(),
        captured_at: options.captured_at,
        fetched_at: options.fetched_at,
    };
    let context = context::decide(
        &page,
        html.as_ref().map(|h| &h.machine),
        hint,
        &given,
        options.dst,
    );
    let page = page.with_context(&context);
    let mut parsed = chosen.parse(&page);
    if let Some(h) = &html {
        diagnostics.push(Diagnostic::new(
            Severity::Info,
            "html-page",
            format!(
                "an HTML page: its visible text ({} lines; line numbers refer to it, as \
                 `dateline explain` prints it) was read as {}, then checked against {}",
                page.len(),
                chosen.name(),
                h.machine.summary()
            ),
        ));
        html::prepare(&mut parsed, &context);
        if options.layout.is_some() {
            diagnostics.push(Diagnostic::new(
                Severity::Warning,
                "layout-forced-on-html",
                format!(
                    "the page is HTML, and --layout {} was read over its visible text; if its \
                     posts or times are missing, leave --layout out so the layout is detected",
                    chosen.name()
                ),
            ));
        }
    }
    let how = resolve::Finish {
        bytes,
        layout: chosen.name(),
        dst: options.dst,
        max_posts: options.max_posts,
    };
    let (mut doc, more, roles) = resolve::finish(&page, parsed, &how, &context);
    diagnostics.extend(more);
    if let Some(h) = &html {
        diagnostics.extend(h.notes.iter().cloned());
        html::reconcile(
            &mut doc,
            &h.machine,
            &h.text,
            context.zone.as_ref().map(|z| z.tz),
            options.max_posts,
            &mut diagnostics,
        );
    }
    // An HTML file's own lines and columns, for every post and every diagnostic about a line
    // (a page unpacked from an archive has no lines of its own in the file: its HTML was encoded).
    if let Some(h) = html.as_ref().filter(|_| !archived) {
        let stamp_line = |line: u32| {
            roles
                .get(line)
                .is_some_and(|(role, _)| role.category() == "timestamp")
        };
        h.place(
            &text,
            &mut doc,
            diagnostics.get_mut(about_file..).unwrap_or_default(),
            stamp_line,
        );
    } else if archived {
        // Positions in the archive's HTML part (a JSON-LD update's) are none of the file's.
        for post in &mut doc.posts {
            post.source = None;
        }
    }
    hint::no_timestamps(
        &mut diagnostics,
        &text,
        html.as_ref().map(|h| h.text.as_str()),
    );
    // A file with nothing to read has been said to be so; the layouts have nothing to add.
    if diagnostics.iter().any(|d| {
        matches!(
            d.code.as_str(),
            "not-a-page" | "empty-page" | "mhtml-without-html"
        )
    }) {
        diagnostics.retain(|d| d.code != "no-timestamps" && d.code != "layout-detected");
    }
    for d in &mut diagnostics {
        if d.path.is_none() {
            d.path = Some(path.to_owned());
        }
    }
    excerpt::attach(&mut diagnostics, &page);
    let text = match html {
        Some(h) => h.text,
        None => text,
    };
    (doc, diagnostics, roles, text)
}

fn choose(
    page: &Page<'_>,
    options: &Options,
    diagnostics: &mut Vec<Diagnostic>,
) -> &'static dyn Layout {
    if let Some(name) = &options.layout {
        match layout(name) {
            Ok(forced) => {
                diagnostics.push(Diagnostic::new(
                    Severity::Info,
                    "layout-forced",
                    format!("read as {name}, as asked"),
                ));
                return forced;
            }
            Err(error) => diagnostics.push(Diagnostic::new(
                Severity::Error,
                "unknown-layout",
                format!("{error}; the layout is detected instead"),
            )),
        }
    }
    let mut best: Option<(&'static dyn Layout, Detection)> = None;
    for candidate in LAYOUTS.iter().copied() {
        if let Some(found) = candidate.detect(page)
            && best.as_ref().is_none_or(|(_, b)| found.score > b.score)
        {
            best = Some((candidate, found));
        }
    }
    match best {
        Some((chosen, detection)) => {
            diagnostics.push(Diagnostic::new(
                Severity::Info,
                "layout-detected",
                format!("read as {}: {}", chosen.name(), detection.reason),
            ));
            chosen
        }
        None => &Generic,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_model::DropReason;

    #[test]
    fn layouts_have_unique_names_and_generic_is_last() {
        let names = layout_names();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), names.len());
        assert_eq!(names.last(), Some(&"generic"));
        assert!(layout("dw-liveblog").is_ok());
    }

    #[test]
    fn an_unknown_forced_layout_is_an_error_diagnostic_listing_the_names() {
        let options = Options {
            layout: Some("nope".to_owned()),
            ..Options::default()
        };
        let (_, diagnostics) = read("p.txt", b"", &options);
        let d = diagnostics.iter().find(|d| d.code == "unknown-layout");
        let d = d.map(|d| (d.severity, d.message.clone(), d.path.clone()));
        insta::assert_debug_snapshot!(d, @r#"
        Some(
            (
                Error,
                "unknown layout `nope`; the known layouts are independent-liveblog, independent-article, dw-liveblog, cnn-liveblog, generic; the layout is detected instead",
                Some(
                    "p.txt",
                ),
            ),
        )
        "#);
    }

    /// Every non-blank line of every seed is accounted for exactly once, and none is unplaced.
    #[test]
    fn every_line_of_every_seed_is_accounted_for_exactly_once() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
        let mut seen = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "txt") {
                continue;
            }
            seen += 1;
            let bytes = std::fs::read(&path).unwrap();
            let name = path.display().to_string();
            let (doc, diagnostics, roles) = read_with_roles(&name, &bytes, &Options::default());
            let text = String::from_utf8(bytes).unwrap();
            let page = Page::new(&name, &text);
            assert!(
                roles.conflicts().is_empty(),
                "{name}: {:?}",
                roles.conflicts()
            );
            for (n, line) in page.lines() {
                let role = roles.get(n);
                assert_eq!(
                    role.is_some(),
                    !line.trim().is_empty(),
                    "{name}:{n}: {line}"
                );
                assert_ne!(
                    role.map(|r| r.0),
                    Some(Role::Dropped(DropReason::Unplaced)),
                    "{name}:{n}: {line}"
                );
            }
            assert!(
                !diagnostics.iter().any(|d| d.code == "unplaced-line"),
                "{name}"
            );
            // Each post line lies within its post's span.
            for post in &doc.posts {
                assert!(
                    post.lines[0] <= post.line && post.line <= post.lines[1],
                    "{name}: {}",
                    post.id
                );
            }
        }
        assert_eq!(seen, 5);
    }

    /// Every non-blank line of every page fixture (HTML through its visible text, and text) is
    /// accounted for exactly once, and what is unplaced is also warned about.
    #[test]
    fn every_line_of_every_fixture_is_accounted_for_exactly_once() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages");
        let mut seen = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "txt" && e != "html") {
                continue;
            }
            seen += 1;
            let bytes = std::fs::read(&path).unwrap();
            let name = path.display().to_string();
            let reading = read_explained(&name, &bytes, &Options::default());
            let page = Page::new(&name, &reading.text);
            assert!(reading.roles.conflicts().is_empty(), "{name}");
            let mut unplaced = 0;
            for (n, line) in page.lines() {
                let role = reading.roles.get(n);
                assert_eq!(
                    role.is_some(),
                    !line.trim().is_empty(),
                    "{name}:{n}: {line}"
                );
                if role.map(|r| r.0) == Some(Role::Dropped(DropReason::Unplaced)) {
                    unplaced += 1;
                    assert!(
                        reading
                            .diagnostics
                            .iter()
                            .any(|d| d.code == "unplaced-line" && d.line == Some(n)),
                        "{name}:{n}"
                    );
                }
            }
            assert_eq!(unplaced, 0, "{name}");
        }
        assert!(seen >= 8, "{seen}");
    }

    /// The generic reader, knowing no outlet, finds the same posts at the same instants as the
    /// outlet layouts on every seed, and places every line.
    #[test]
    fn the_generic_reader_finds_the_same_posts_as_the_outlet_layouts_on_every_seed() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
        let generic = Options {
            layout: Some("generic".to_owned()),
            ..Options::default()
        };
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "txt") {
                continue;
            }
            let bytes = std::fs::read(&path).unwrap();
            let name = path.display().to_string();
            let (known, _) = read(&name, &bytes, &Options::default());
            let (guessed, diagnostics) = read(&name, &bytes, &generic);
            let times = |d: &Document| -> Vec<(u32, Option<String>)> {
                d.posts
                    .iter()
                    .map(|p| (p.line, p.time.as_ref().map(|t| t.utc.to_rfc3339())))
                    .collect()
            };
            assert_eq!(times(&guessed), times(&known), "{name}");
            assert!(
                diagnostics.iter().any(|d| d.code == "layout-inferred"),
                "{name}"
            );
            assert!(
                !diagnostics.iter().any(|d| d.code == "unplaced-line"),
                "{name}"
            );
        }
    }

    fn utc(doc: &Document) -> Vec<String> {
        doc.posts
            .iter()
            .map(|p| {
                p.time
                    .as_ref()
                    .map_or("-".to_owned(), |t| t.utc.to_rfc3339())
            })
            .collect()
    }

    #[test]
    fn independent_footers_in_august_are_british_summer_time() {
        let page = "Stay up to date with notifications from The Independent\n\nA live blog\n\nA.\n\nJo Lee4 August 2020 12:44\n\nB.\n\nJo Lee4 August 2020 13:05\n";
        let (doc, _) = read("summer.txt", page.as_bytes(), &Options::default());
        assert_eq!(doc.layout, "independent-liveblog");
        assert_eq!(
            utc(&doc),
            vec!["2020-08-04T11:44:00+00:00", "2020-08-04T12:05:00+00:00"]
        );
    }

    #[test]
    fn a_newest_first_dw_blog_crossing_midnight_twice_rolls_over_twice() {
        let page = "DW\n\nA blog — as it happened\n\nJanuary 3, 2020\n\nAll updates in Coordinated Universal Time (UTC)\n\n\
                    00:10 Third day.\n\n23:50 Second day, late.\n\n12:00 Second day.\n\n00:05 Second day, early.\n\n23:00 First day.\n";
        let (doc, diagnostics) = read("dw.txt", page.as_bytes(), &Options::default());
        assert_eq!(doc.layout, "dw-liveblog", "{diagnostics:?}");
        assert_eq!(
            utc(&doc),
            vec![
                "2020-01-05T00:10:00+00:00",
                "2020-01-04T23:50:00+00:00",
                "2020-01-04T12:00:00+00:00",
                "2020-01-04T00:05:00+00:00",
                "2020-01-03T23:00:00+00:00",
            ]
        );
    }

    #[test]
    fn posts_later_than_the_update_time_and_disagreeing_zones_are_warned() {
        let page = "A title\n\nBy Ann Lee, CNN\n\nUpdated 0846 GMT (1746 HKT) January 5, 2020\n3 Posts\n\
                    9:31 a.m. ET, January 5, 2020\n\nA headline\n\nFrom CNN's Bo Ray\n\nBody.\n";
        let (doc, diagnostics) = read("cnn.txt", page.as_bytes(), &Options::default());
        assert_eq!(doc.layout, "cnn-liveblog");
        let codes: Vec<(&str, Option<u32>)> = diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .map(|d| (d.code.as_str(), d.line))
            .collect();
        assert!(codes.contains(&("zone-disagrees", Some(5))), "{codes:?}");
        assert!(codes.contains(&("post-after-update", Some(7))), "{codes:?}");
        assert!(
            codes.contains(&("declared-count-mismatch", Some(6))),
            "{codes:?}"
        );
        assert_eq!(doc.declared_posts, Some(3));
    }

    #[test]
    fn a_line_that_fits_nowhere_is_dropped_as_unplaced_with_a_warning() {
        let page = "A title\n\nA standfirst\n\nJo\nFriday 03 January 2020 19:44 GMT\n\nBody.\n\nJoin our commenting forum\n\nJoin thought-provoking conversations, follow other Independent readers and see their replies\n";
        let mut text = String::from("Stray first line\n\n");
        text.push_str(page);
        let (doc, diagnostics) = read("a.txt", text.as_bytes(), &Options::default());
        assert_eq!(doc.layout, "independent-article");
        let unplaced: Vec<_> = doc
            .dropped
            .iter()
            .filter(|d| d.reason == DropReason::Unplaced)
            .map(|d| d.lines)
            .collect();
        assert_eq!(unplaced, vec![[5, 5]]);
        assert!(
            diagnostics
                .iter()
                .any(|d| d.code == "unplaced-line" && d.line == Some(5))
        );
    }

    #[test]
    fn crlf_and_a_bom_do_not_change_the_reading() {
        let lf = "Storm live: the latest\n\nJo Lee3 January 2020 12:44\n\nB\n\nJo Lee3 January 2020 12:50\n";
        let crlf = format!("\u{feff}{}", lf.replace('\n', "\r\n"));
        let (a, _) = read("lf.txt", lf.as_bytes(), &Options::default());
        let (b, _) = read("crlf.txt", crlf.as_bytes(), &Options::default());
        assert_eq!(utc(&a), utc(&b));
        assert_eq!(
            a.posts.iter().map(|p| p.line).collect::<Vec<_>>(),
            vec![3, 7]
        );
        assert_eq!(
            b.posts.iter().map(|p| p.line).collect::<Vec<_>>(),
            vec![3, 7]
        );
    }

    #[test]
    fn bare_clocks_under_no_page_date_take_the_day_of_the_published_time() {
        let page = "Storm live: the latest\n\nFriday 03 January 2020 09:00 GMT\n\n10:15 Later.\n\n09:30 Earlier.\n";
        let (doc, diagnostics) = read("g.txt", page.as_bytes(), &Options::default());
        assert_eq!(doc.layout, "generic");
        assert_eq!(
            utc(&doc),
            vec!["2020-01-03T10:15:00+00:00", "2020-01-03T09:30:00+00:00"]
        );
        assert!(
            diagnostics
                .iter()
                .any(|d| d.code == "page-date-inferred" && d.line == Some(3))
        );
    }

    #[test]
    fn no_input_panics() {
        let inputs: [&[u8]; 7] = [
            b"",
            b"\n\n\n",
            b"\xff\xfe\x00",
            b"\x89PNG\r\n\x1a\n\x00\x00",
            b"12:00\n12:00\n12:00 x\n\xe2\x80",
            b"Jo1 January 2020 25:61\nJo31 February 2020 10:00\nJo1 May 2020 10:00",
            b"1:00 p.m. ET, February 31, 2020\nheadline\n26 Posts\nUpdated 0846 GMT (1746 HKT) January 5, 2020",
        ];
        for bytes in inputs {
            let _ = read("x", bytes, &Options::default());
        }
    }

    #[test]
    fn a_page_with_no_stamps_is_an_article_with_a_warning_naming_the_file() {
        let (doc, diagnostics) = read("notes.txt", b"A title\n\nSome text.\n", &Options::default());
        assert_eq!(doc.layout, "generic");
        assert!(doc.posts.is_empty());
        assert_eq!(doc.title.as_deref(), Some("A title"));
        let d = diagnostics.iter().find(|d| d.code == "no-timestamps");
        assert!(d.is_some_and(|d| d.path.as_deref() == Some("notes.txt")));
    }
}

/// The README's example, compiled and run as a doctest so that it stays true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
