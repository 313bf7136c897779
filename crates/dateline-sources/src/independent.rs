//! The Independent: live blogs whose posts END with a footer (`Jon Sharman3 January 2020 12:44`,
//! the author glued to the date), and articles with one dateline
//! (`Friday 03 January 2020 19:44 GMT`).
//!
//! Both share the header: title, standfirst, then a block of lines right above the dateline whose
//! first line is the byline (`Vincent Wood,Jon Sharman,Samuel Osborne`) and whose other lines are
//! places (`New York`). The lines glued under the dateline are the lead video's title.

use std::sync::LazyLock;

use dateline_model::{DocumentKind, DropReason};
use regex::Regex;

use crate::boilerplate::{self, re};
use crate::layout::{DraftPost, Parsed, RawStamp, Role, clean, is_blank};
use crate::{Detection, Layout, Page};

const OUTLET: &str = "The Independent";

/// Month names, for the patterns below.
pub(crate) const MONTHS: &str =
    "January|February|March|April|May|June|July|August|September|October|November|December";

/// A footer's stamp, from its first digit to the end of the line.
static FOOTER_STAMP: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^\d{{1,2}} (?:{MONTHS}) \d{{4}},? \d{{1,2}}:\d{{2}}$"
    ))
});
static DIGIT: LazyLock<Regex> = LazyLock::new(|| re(r"\d"));

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),? \d{{1,2}} (?:{MONTHS}) \d{{4}},? \d{{1,2}}:\d{{2}}(?: [A-Z]{{2,5}})?$"
    ))
});

static MARKER: LazyLock<Regex> =
    LazyLock::new(|| re(r"\bThe Independent\b|\bIndependent readers\b|independent\.co\.uk"));

static LOADING: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^please allow a moment for the live blog to load$"));

/// A footer: the author (possibly empty) and the stamp, both trimmed.
///
/// The line is an author of at most 80 characters with no digit, then the stamp
/// (`Jon Sharman3 January 2020 12:44`): the stamp starts at the line's first digit, and the
/// author is what comes before it, spaces trimmed. (As one regex, `^(\D{0,80}?)\s*(STAMP)$`, the
/// counted Unicode class made every line cost thousands of steps.)
fn footer(line: &str) -> Option<(&str, &str)> {
    let line = line.trim();
    // A footer ends with its clock's minutes: most lines are turned away at once.
    if !line.chars().next_back().is_some_and(char::is_numeric) || !line.contains(':') {
        return None;
    }
    let first = DIGIT.find(line)?.start();
    let (before, stamp) = line.split_at_checked(first)?;
    if !FOOTER_STAMP.is_match(stamp) {
        return None;
    }
    let author = before.trim_end();
    if author.chars().count() > 80 {
        return None;
    }
    Some((author.trim(), stamp))
}

fn dateline(page: &Page<'_>) -> Option<u32> {
    page.lines()
        .find(|(_, t)| DATELINE.is_match(t.trim()))
        .map(|(n, _)| n)
}

fn footers(page: &Page<'_>) -> usize {
    page.lines().filter(|(_, t)| footer(t).is_some()).count()
}

fn marker_reason(page: &Page<'_>) -> (u32, &'static str) {
    if MARKER.is_match(page.text()) {
        (10, "; the page names The Independent")
    } else {
        (0, "")
    }
}

/// The Independent's live blog.
#[derive(Debug, Clone, Copy, Default)]
pub struct IndependentLiveBlog;

/// An article from The Independent.
#[derive(Debug, Clone, Copy, Default)]
pub struct IndependentArticle;

impl Layout for IndependentLiveBlog {
    fn name(&self) -> &'static str {
        "independent-liveblog"
    }

    fn outlet(&self) -> Option<&'static str> {
        Some(OUTLET)
    }

    fn kind(&self) -> Option<DocumentKind> {
        Some(DocumentKind::LiveBlog)
    }

    fn detect(&self, page: &Page<'_>) -> Option<Detection> {
        let count = footers(page);
        if count < 2 {
            return None;
        }
        // Footers glued to bylines are common to many outlets; the generic reader reads them
        // when the page does not name The Independent.
        let (bonus, named) = marker_reason(page);
        if bonus == 0 {
            return None;
        }
        Some(Detection::new(
            80 + bonus,
            format!(
                "{count} lines end with a `D Month YYYY HH:MM` stamp after a byline (post footers){named}"
            ),
        ))
    }

    fn parse(&self, page: &Page<'_>) -> Parsed {
        let mut parsed = Parsed::new(DocumentKind::LiveBlog, page.len());
        let loading = page
            .lines()
            .find(|(_, t)| LOADING.is_match(t.trim()))
            .map(|(n, _)| n);
        let first_footer = page
            .lines()
            .find(|(_, t)| footer(t).is_some())
            .map_or(page.len() + 1, |(n, _)| n);
        let header_limit = loading.unwrap_or(first_footer).min(first_footer);
        let dateline = dateline(page).filter(|d| *d < header_limit);
        let mut next = header(page, &mut parsed, dateline, header_limit);
        drop_donations(page, &mut parsed);

        if let Some(loading) = loading.filter(|l| *l < first_footer) {
            for n in next..loading {
                let Some(text) = page.line(n) else { continue };
                if is_blank(text) || parsed.roles.is_assigned(n) {
                    continue;
                }
                match boilerplate::classify(text) {
                    Some((reason, rule)) => parsed.drop_line(n, reason, rule),
                    None => {
                        parsed.summary.push(clean(text));
                        parsed.roles.assign(n, Role::Summary, "intro-before-blog");
                    }
                }
            }
            // A donation appeal around the loading message has placed it already.
            if !parsed.roles.is_assigned(loading) {
                parsed.drop_line(loading, DropReason::Boilerplate, "loading-message");
            }
            next = loading + 1;
        }

        // Posts: paragraphs accumulate until the footer that ends them.
        let mut pending: Vec<(u32, String)> = Vec::new();
        for n in next..=page.len() {
            let Some(text) = page.line(n) else { continue };
            if is_blank(text) || parsed.roles.is_assigned(n) {
                continue;
            }
            if let Some((author, stamp)) = footer(text) {
                let mut post = DraftPost::new(RawStamp::new(n, stamp));
                if !author.is_empty() {
                    post.author = Some(author.to_owned());
                }
                for (line, paragraph) in pending.drain(..) {
                    post.cover(line);
                    post.paragraphs.push(paragraph);
                }
                parsed.roles.assign(n, Role::Stamp, "footer-with-byline");
                parsed.posts.push(post);
            } else if let Some((reason, rule)) = classify_in_post(page, n, text) {
                parsed.drop_line(n, reason, rule);
            } else {
                pending.push((n, clean(text)));
                parsed
                    .roles
                    .assign(n, Role::Body, "paragraph-before-footer");
            }
        }
        // Paragraphs after the last footer belong to no post: take their roles back, so the
        // shared step reports them as unplaced.
        for (n, _) in pending {
            parsed.roles.unassign(n);
        }
        parsed
    }
}

impl Layout for IndependentArticle {
    fn name(&self) -> &'static str {
        "independent-article"
    }

    fn outlet(&self) -> Option<&'static str> {
        Some(OUTLET)
    }

    fn kind(&self) -> Option<DocumentKind> {
        Some(DocumentKind::Article)
    }

    fn detect(&self, page: &Page<'_>) -> Option<Detection> {
        let line = dateline(page)?;
        if footers(page) >= 2 {
            return None;
        }
        // A weekday dateline alone is common to many outlets; the article layout also needs the
        // page to name The Independent.
        let (bonus, named) = marker_reason(page);
        if bonus == 0 {
            return None;
        }
        Some(Detection::new(
            45 + 2 * bonus,
            format!(
                "a `Weekday DD Month YYYY HH:MM ZONE` dateline on line {line} and no post footers{named}"
            ),
        ))
    }

    fn parse(&self, page: &Page<'_>) -> Parsed {
        let mut parsed = Parsed::new(DocumentKind::Article, page.len());
        let dateline = dateline(page);
        let next = header(page, &mut parsed, dateline, page.len() + 1);
        drop_donations(page, &mut parsed);
        let Some(d) = dateline else {
            return parsed;
        };
        let Some(stamp) = page.line(d).map(clean) else {
            return parsed;
        };
        let mut post = DraftPost::new(RawStamp::new(d, stamp));
        post.headline.clone_from(&parsed.title);
        if !parsed.bylines.is_empty() {
            post.author = Some(parsed.bylines.join(", "));
        }
        for n in next..=page.len() {
            let Some(text) = page.line(n) else { continue };
            if is_blank(text) || parsed.roles.is_assigned(n) {
                continue;
            }
            if let Some((reason, rule)) = classify_in_post(page, n, text) {
                parsed.drop_line(n, reason, rule);
            } else {
                parsed.place_in_post(&mut post, n, text, "credit-line", "article-paragraph");
            }
        }
        parsed.posts.push(post);
        parsed
    }
}

/// Furniture and media inside a post's span.
fn classify_in_post(page: &Page<'_>, n: u32, text: &str) -> Option<(DropReason, &'static str)> {
    if boilerplate::is_video_length(page, n) {
        return Some((DropReason::Media, "video-length"));
    }
    if boilerplate::is_video_title(page, n) {
        return Some((DropReason::Media, "video-title"));
    }
    boilerplate::classify(text)
}

fn drop_donations(page: &Page<'_>, parsed: &mut Parsed) {
    for [first, last] in boilerplate::donation_blocks(page) {
        parsed.drop_range(
            page,
            first,
            last,
            DropReason::Boilerplate,
            "donation-appeal",
        );
    }
}

/// Reads the header (everything up to the dateline and the lines glued under it), returning the
/// first line after it.
fn header(page: &Page<'_>, parsed: &mut Parsed, dateline: Option<u32>, limit: u32) -> u32 {
    let (before_end, next) = match dateline {
        Some(d) => {
            parsed.roles.assign(d, Role::Published, "dateline");
            // The block of lines right above the dateline: byline first, then places.
            let mut top = d;
            while top > 1 && page.line(top - 1).is_some_and(|t| !is_blank(t)) {
                top -= 1;
            }
            for n in top..d {
                let Some(text) = page.line(n) else { continue };
                if let Some((reason, rule)) = boilerplate::classify(text) {
                    parsed.drop_line(n, reason, rule);
                } else if parsed.bylines.is_empty() && n == top {
                    parsed.bylines = split_byline(text);
                    parsed.roles.assign(n, Role::Byline, "line-above-dateline");
                } else {
                    parsed.drop_line(n, DropReason::Metadata, "location");
                }
            }
            // Lines glued under the dateline: furniture, or the lead video's title.
            let mut after = d + 1;
            while let Some(text) = page.line(after).filter(|t| !is_blank(t)) {
                match boilerplate::classify(text) {
                    Some((reason, rule)) => parsed.drop_line(after, reason, rule),
                    None => parsed.drop_line(after, DropReason::Media, "video-title"),
                }
                after += 1;
            }
            (top, after)
        }
        None => (limit, limit),
    };
    for n in 1..before_end {
        let Some(text) = page.line(n) else { continue };
        if is_blank(text) || parsed.roles.is_assigned(n) {
            continue;
        }
        if let Some((reason, rule)) = boilerplate::classify(text) {
            parsed.drop_line(n, reason, rule);
        } else if parsed.title.is_none() {
            parsed.title = Some(clean(text));
            parsed.roles.assign(n, Role::Title, "first-line-of-header");
        } else if parsed.standfirst.is_none() {
            parsed.standfirst = Some(clean(text));
            parsed.roles.assign(n, Role::Standfirst, "line-under-title");
        }
        // Anything further is left for the shared step to report as unplaced.
    }
    next
}

fn split_byline(text: &str) -> Vec<String> {
    let text = text.trim();
    let text = text.strip_prefix("By ").unwrap_or(text);
    text.split([',', '&'])
        .flat_map(|part| part.split(" and "))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {

    /// The footer as the one regex it was, against which [`footer`] is checked.
    fn footer_by_regex(line: &str) -> Option<(&str, &str)> {
        static REGEX: LazyLock<Regex> = LazyLock::new(|| {
            re(&format!(
                r"^(?P<author>\D{{0,80}}?)\s*(?P<stamp>\d{{1,2}} (?:{MONTHS}) \d{{4}},? \d{{1,2}}:\d{{2}})$"
            ))
        });
        let caps = REGEX.captures(line.trim())?;
        let author = caps.name("author").map_or("", |m| m.as_str().trim());
        Some((author, caps.name("stamp")?.as_str()))
    }

    #[test]
    fn footers_are_read_as_the_regex_read_them() {
        let mut lines: Vec<String> = Vec::new();
        for seed in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds"))
            .into_iter()
            .flatten()
            .flatten()
        {
            let text = std::fs::read_to_string(seed.path()).unwrap_or_default();
            lines.extend(text.lines().map(str::to_owned));
        }
        assert!(lines.len() > 500, "the seeds were read");
        let stamp = "3 January 2020 12:44";
        for author in [
            "",
            "Jon Sharman",
            " Jon ",
            "Al\u{a0}",
            "x²",
            "٣",
            "a".repeat(80).as_str(),
        ] {
            for tail in [
                stamp,
                "3 January 2020, 1:44",
                "13 Jan 2020 12:44",
                "3 January 2020 12:4",
            ] {
                lines.push(format!("{author}{tail}"));
                lines.push(format!("{author}  {tail}  "));
                lines.push(format!("{author}a{tail}"));
            }
        }
        lines.push(format!("{}{stamp}", "b".repeat(81)));
        lines.push(format!("{} {stamp}", "b".repeat(80)));
        lines.push(format!("1 {stamp}"));
        lines.push(format!("Jon 3 {stamp}"));
        for line in &lines {
            assert_eq!(footer(line), footer_by_regex(line), "{line:?}");
        }
    }

    use super::*;

    const BLOG: &str = "\
Stay up to date with notifications from The Independent

Iran news – live: a title

A standfirst

Vincent Wood,Jon Sharman
Friday 03 January 2020 13:34 EST
Comments
A video title

Intro paragraph.

Please allow a moment for the live blog to load

First post.

Jon Sharman3 January 2020 12:44

Second post, first paragraph.

Second paragraph.

Vincent Wood13 January 2020 12:45

Join our commenting forum
";

    #[test]
    fn footers_split_the_author_from_the_stamp() {
        assert_eq!(
            footer("Jon Sharman3 January 2020 12:44"),
            Some(("Jon Sharman", "3 January 2020 12:44"))
        );
        assert_eq!(
            footer("Samuel Osborne13 January 2020 13:04"),
            Some(("Samuel Osborne", "13 January 2020 13:04"))
        );
        assert_eq!(
            footer("3 January 2020 12:44"),
            Some(("", "3 January 2020 12:44"))
        );
        assert_eq!(
            footer("It happened on 3 January 2020 12:44 and then more"),
            None
        );
    }

    #[test]
    fn the_live_blog_is_detected_from_its_footers() {
        let page = Page::new("x.txt", BLOG);
        let d = IndependentLiveBlog.detect(&page).map(|d| d.score);
        assert_eq!(d, Some(90));
        assert_eq!(IndependentArticle.detect(&page), None);
    }

    #[test]
    fn posts_end_at_their_footers_and_the_header_is_metadata() {
        let page = Page::new("x.txt", BLOG);
        let parsed = IndependentLiveBlog.parse(&page);
        assert_eq!(parsed.title.as_deref(), Some("Iran news – live: a title"));
        assert_eq!(parsed.standfirst.as_deref(), Some("A standfirst"));
        assert_eq!(parsed.bylines, vec!["Vincent Wood", "Jon Sharman"]);
        assert_eq!(parsed.roles.get(8).map(|r| r.0), Some(Role::Published));
        assert_eq!(parsed.summary, vec!["Intro paragraph."]);
        assert_eq!(parsed.posts.len(), 2);
        let first = &parsed.posts[0];
        assert_eq!(first.stamp, RawStamp::new(18, "3 January 2020 12:44"));
        assert_eq!(first.author.as_deref(), Some("Jon Sharman"));
        assert_eq!(first.lines, [16, 18]);
        assert_eq!(parsed.posts[1].paragraphs.len(), 2);
        assert_eq!(
            parsed.roles.get(10),
            Some((Role::Dropped(DropReason::Media), "video-title"))
        );
        assert_eq!(parsed.roles.get(9).map(|r| r.1), Some("comments-link"));
        for (n, text) in page.lines() {
            assert_eq!(
                is_blank(text),
                !parsed.roles.is_assigned(n),
                "line {n}: {text}"
            );
        }
        assert!(parsed.roles.conflicts().is_empty());
    }

    /// Found by the `text_page` fuzz target: a donation appeal that closes after the loading
    /// message had placed that line, which was then placed a second time.
    #[test]
    fn a_loading_message_inside_a_donation_appeal_is_placed_once() {
        let text = "\
Iran news – live: Trump urges US citizens to leave Iraq
The Independent
Friday 03 January 2020 13:34 EST

Your support helps us to tell the story

Please allow a moment for the live blog to load

Your support makes all the difference.

US citizens have left Basra.

Jon Sharman4 January 2020 12:44

Donald Trump has made his first statement.

Jon Sharman3 January 2020 12:45
";
        let page = Page::new("x.txt", text);
        assert!(IndependentLiveBlog.detect(&page).is_some());
        let parsed = IndependentLiveBlog.parse(&page);
        assert!(
            parsed.roles.conflicts().is_empty(),
            "{:?}",
            parsed.roles.conflicts()
        );
        assert_eq!(
            parsed.roles.get(7).map(|(_, rule)| rule),
            Some("donation-appeal")
        );
        assert_eq!(parsed.posts.len(), 2);
        let crash = include_bytes!("../tests/fixtures/fuzz/text_page-donation-around-loading.txt");
        let reading = crate::read_explained("crash.txt", crash, &crate::Options::default());
        assert!(
            reading.roles.conflicts().is_empty(),
            "{:?}",
            reading.roles.conflicts()
        );
    }

    #[test]
    fn text_after_the_last_footer_is_left_unplaced() {
        let page = Page::new(
            "x.txt",
            "T\n\nA.\nJo1 May 2020 10:00\nB.\nJo1 May 2020 10:05\nStray.\n",
        );
        let parsed = IndependentLiveBlog.parse(&page);
        assert_eq!(parsed.posts.len(), 2);
        assert!(!parsed.roles.is_assigned(7));
    }

    #[test]
    fn an_article_is_one_item_at_its_dateline() {
        let text = "\
A headline

A standfirst

Richard Hall
New York
Wednesday 01 April 2020 19:16 BST
Comments
A video title

Body one.

Related Video - something

Body two.

Additional reporting by agencies

Join our commenting forum

Join thought-provoking conversations, follow other Independent readers and see their replies
";
        let page = Page::new("a.txt", text);
        assert!(IndependentArticle.detect(&page).is_some());
        assert_eq!(IndependentLiveBlog.detect(&page), None);
        let parsed = IndependentArticle.parse(&page);
        assert_eq!(parsed.bylines, vec!["Richard Hall"]);
        assert_eq!(
            parsed.roles.get(6),
            Some((Role::Dropped(DropReason::Metadata), "location"))
        );
        let post = &parsed.posts[0];
        assert_eq!(post.stamp.text, "Wednesday 01 April 2020 19:16 BST");
        assert_eq!(post.headline.as_deref(), Some("A headline"));
        assert_eq!(post.author.as_deref(), Some("Richard Hall"));
        assert_eq!(
            post.attribution.as_deref(),
            Some("Additional reporting by agencies")
        );
        assert_eq!(post.paragraphs, vec!["Body one.", "Body two."]);
        for (n, text) in page.lines() {
            assert_eq!(
                is_blank(text),
                !parsed.roles.is_assigned(n),
                "line {n}: {text}"
            );
        }
    }

    #[test]
    fn bylines_split_on_commas_and_and() {
        assert_eq!(split_byline("A B,C D and E F"), vec!["A B", "C D", "E F"]);
    }
}
