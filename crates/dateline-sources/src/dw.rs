//! DW live blogs: each post starts with a line `HH:MM  text` (the clock, spaces or a no-break
//! space, then the first paragraph), newest first, under a page date (`January 3, 2020`) and a
//! statement of the zone (`All updates in Coordinated Universal Time (UTC)`).
//!
//! The header also holds a section label, the title, a standfirst, a captioned picture and key
//! points as bullets (the summary). The page ends with the editors' credit line, a newsletter
//! line and navigation.

use std::sync::LazyLock;

use dateline_model::{DocumentKind, DropReason};
use regex::Regex;

use crate::boilerplate::{self, re};
use crate::independent::MONTHS;
use crate::layout::{DraftPost, Parsed, RawStamp, Role, clean, is_blank};
use crate::{Detection, Layout, Page};

/// The clock that starts a post line; the text after it is found without the regex, which with
/// captures over `.*` cost a step per character of every long line.
static STAMP_LINE: LazyLock<Regex> = LazyLock::new(|| re(r"^\d{1,2}:\d{2}"));

static PAGE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^(?:(?:{MONTHS}) \d{{1,2}}, \d{{4}}|\d{{1,2}} (?:{MONTHS}) \d{{4}})$"
    ))
});

/// Whether a line states the page's zone (`All updates in Coordinated Universal Time (UTC)`),
/// as the time library reads such statements.
fn is_zone_statement(line: &str) -> bool {
    let line = line.trim();
    line.chars().count() <= 120 && dateline_time::zone_statement(line).is_some()
}

static BULLET: LazyLock<Regex> = LazyLock::new(|| re(r"^[•·▪◦‣\-\*]\s"));

static CAPTION_CREDIT: LazyLock<Regex> = LazyLock::new(|| re(r"^(Image|Photo|Picture):\s"));

static MARKER: LazyLock<Regex> = LazyLock::new(|| re(r"\bDW\b|\bdw\.com\b|Deutsche Welle"));

/// The stamp and the first paragraph of a post line.
///
/// The line (trimmed) is the clock, spaces, then text: `^(\d{1,2}:\d{2})\s+(\S.*)$`.
fn stamp_line(line: &str) -> Option<(&str, &str)> {
    let line = line.trim();
    let stamp = STAMP_LINE.find(line)?;
    let after = line.get(stamp.end()..)?;
    if !after.starts_with(char::is_whitespace) {
        return None;
    }
    let rest = after.trim();
    (!rest.is_empty()).then_some((stamp.as_str(), rest))
}

/// DW's live blog.
#[derive(Debug, Clone, Copy, Default)]
pub struct DwLiveBlog;

impl Layout for DwLiveBlog {
    fn name(&self) -> &'static str {
        "dw-liveblog"
    }

    fn outlet(&self) -> Option<&'static str> {
        Some("DW")
    }

    fn kind(&self) -> Option<DocumentKind> {
        Some(DocumentKind::LiveBlog)
    }

    fn detect(&self, page: &Page<'_>) -> Option<Detection> {
        let count = page
            .lines()
            .filter(|(_, t)| stamp_line(t).is_some())
            .count();
        // A page that does not name DW is another outlet's, whose clocks the generic reader
        // reads without DW's zone and order.
        if count < 3 || !MARKER.is_match(page.text()) {
            return None;
        }
        let mut score = 80;
        let mut reason = format!(
            "{count} lines start with `HH:MM` followed by text (post stamps); the page names DW"
        );
        if page.lines().any(|(_, t)| is_zone_statement(t)) {
            score += 5;
            reason.push_str("; it states the zone of its updates");
        }
        Some(Detection::new(score, reason))
    }

    fn parse(&self, page: &Page<'_>) -> Parsed {
        let mut parsed = Parsed::new(DocumentKind::LiveBlog, page.len());
        let stamps: Vec<u32> = page
            .lines()
            .filter(|(_, t)| stamp_line(t).is_some())
            .map(|(n, _)| n)
            .collect();
        let first = stamps.first().copied().unwrap_or(page.len() + 1);
        let last = stamps.last().copied().unwrap_or(page.len());
        // The closing furniture: the first newsletter or navigation line after the last post.
        let tail = (last + 1..=page.len())
            .find(|n| {
                page.line(*n)
                    .and_then(boilerplate::classify)
                    .is_some_and(|(r, rule)| {
                        r == DropReason::Boilerplate && matches!(rule, "newsletter" | "skip-link")
                    })
            })
            .unwrap_or(page.len() + 1);

        header(page, &mut parsed, first);

        for (i, start) in stamps.iter().copied().enumerate() {
            let end = stamps.get(i + 1).copied().unwrap_or(tail);
            let Some((stamp, rest)) = page.line(start).and_then(stamp_line) else {
                continue;
            };
            let mut post = DraftPost::new(RawStamp::new(start, stamp));
            post.paragraphs.push(rest.to_owned());
            parsed
                .roles
                .assign(start, Role::Stamp, "line-starts-with-clock");
            for n in start + 1..end {
                let Some(text) = page.line(n) else { continue };
                if is_blank(text) {
                    continue;
                }
                if let Some((reason, rule)) = media_or_furniture(page, n, text) {
                    parsed.drop_line(n, reason, rule);
                } else {
                    parsed.place_in_post(
                        &mut post,
                        n,
                        text,
                        "editors-credit",
                        "paragraph-after-stamp",
                    );
                }
            }
            parsed.posts.push(post);
        }

        for n in tail..=page.len() {
            let Some(text) = page.line(n) else { continue };
            if is_blank(text) {
                continue;
            }
            match boilerplate::classify(text) {
                Some((reason, rule)) => parsed.drop_line(n, reason, rule),
                None => parsed.drop_line(n, DropReason::Boilerplate, "closing-furniture"),
            }
        }
        parsed
    }
}

/// Media and furniture lines, including a caption whose credit stands on the next line.
fn media_or_furniture(page: &Page<'_>, n: u32, text: &str) -> Option<(DropReason, &'static str)> {
    if boilerplate::is_video_length(page, n) {
        return Some((DropReason::Media, "video-length"));
    }
    if boilerplate::is_video_title(page, n) {
        return Some((DropReason::Media, "video-title"));
    }
    if page
        .line(n + 1)
        .is_some_and(|next| CAPTION_CREDIT.is_match(next.trim()))
    {
        return Some((DropReason::Media, "image-caption"));
    }
    boilerplate::classify(text)
}

fn header(page: &Page<'_>, parsed: &mut Parsed, first_post: u32) {
    let date_line =
        (1..first_post).find(|n| page.line(*n).is_some_and(|t| PAGE_DATE.is_match(t.trim())));
    if let Some(d) = date_line {
        parsed.roles.assign(d, Role::PageDate, "date-under-title");
    }
    let mut content: Vec<u32> = Vec::new();
    for n in 1..first_post {
        let Some(text) = page.line(n) else { continue };
        if is_blank(text) || parsed.roles.is_assigned(n) {
            continue;
        }
        let trimmed = text.trim();
        if let Some((reason, rule)) = media_or_furniture(page, n, text) {
            parsed.drop_line(n, reason, rule);
        } else if is_zone_statement(trimmed) {
            parsed
                .roles
                .assign(n, Role::ZoneStatement, "zone-statement");
        } else if BULLET.is_match(trimmed) {
            let point = trimmed
                .trim_start_matches(['•', '·', '▪', '◦', '‣', '-', '*'])
                .trim();
            parsed.summary.push(point.to_owned());
            parsed.roles.assign(n, Role::Summary, "key-point");
        } else {
            content.push(n);
        }
    }
    // The title is the last content line above the page date (a short label may stand above
    // it); the standfirst is the first content line under the date.
    let (above, below): (Vec<u32>, Vec<u32>) = match date_line {
        Some(d) => content.iter().partition(|n| **n < d),
        None => (
            content.first().copied().into_iter().collect(),
            content.iter().skip(1).copied().collect(),
        ),
    };
    if let Some((title, labels)) = above.split_last() {
        parsed.title = page.line(*title).map(clean);
        parsed
            .roles
            .assign(*title, Role::Title, "line-above-page-date");
        for n in labels {
            parsed.drop_line(*n, DropReason::Boilerplate, "section-label");
        }
    }
    for (i, n) in below.iter().enumerate() {
        let Some(text) = page.line(*n) else { continue };
        if i == 0 {
            parsed.standfirst = Some(clean(text));
            parsed
                .roles
                .assign(*n, Role::Standfirst, "line-under-page-date");
        } else {
            parsed.summary.push(clean(text));
            parsed.roles.assign(*n, Role::Summary, "intro-paragraph");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BLOG: &str = "\
1. Skip to content
Conflicts

US to send more troops — as it happened

January 3, 2020

Tehran vowed to retaliate.

Caption of a picture
Image: Reuters/WANA/N. Tabatabaee
  • First key point.

All updates in Coordinated Universal Time (UTC)

03:09\u{a0} Newest post.

Its second paragraph.

'Not active enough'

03:42

This browser does not support the video element.

01:19 Middle post.

23:56 Older post.

Read more: something

A caption of a photoImage: picture-alliance/dpa/Cpt. R. Haake

nm,dj/sms (AP, AFP, dpa, Reuters)

Each evening at 1830 UTC, DW's editors send out news. You can sign up to receive it directly here.

Skip next section DW's Top Story

DW's Top Story
";

    #[test]
    fn stamp_lines_are_read_as_the_regex_read_them() {
        let regex = re(r"^(?P<stamp>\d{1,2}:\d{2})\s+(?P<rest>\S.*)$");
        let by_regex = |line: &str| -> Option<(String, String)> {
            let caps = regex.captures(line.trim())?;
            Some((
                caps.name("stamp")?.as_str().to_owned(),
                caps.name("rest")?.as_str().trim().to_owned(),
            ))
        };
        let mut lines: Vec<String> = BLOG.lines().map(str::to_owned).collect();
        for head in ["03:09", "3:09", "123:45", "03:0", "٠٣:٠٩", "03:09x"] {
            for tail in ["", " ", "\u{a0}Pompeo", "  Yemen's  ", "\tx", " \r", "Said"] {
                lines.push(format!("{head}{tail}"));
                lines.push(format!(" {head}{tail}"));
            }
        }
        for line in &lines {
            let ours = stamp_line(line).map(|(a, b)| (a.to_owned(), b.to_owned()));
            assert_eq!(ours, by_regex(line), "{line:?}");
        }
    }

    #[test]
    fn stamp_lines_need_text_after_the_clock() {
        assert_eq!(
            stamp_line("03:09\u{a0} Pompeo said"),
            Some(("03:09", "Pompeo said"))
        );
        assert_eq!(stamp_line("19:24  Yemen's"), Some(("19:24", "Yemen's")));
        assert_eq!(stamp_line("03:42"), None);
        assert_eq!(stamp_line("Each evening at 1830 UTC"), None);
    }

    #[test]
    fn the_blog_is_read_into_posts_metadata_and_furniture() {
        let page = Page::new("x", BLOG);
        assert!(DwLiveBlog.detect(&page).is_some_and(|d| d.score == 85));
        let parsed = DwLiveBlog.parse(&page);
        assert_eq!(
            parsed.title.as_deref(),
            Some("US to send more troops — as it happened")
        );
        assert_eq!(parsed.roles.get(6).map(|r| r.0), Some(Role::PageDate));
        assert_eq!(
            parsed.standfirst.as_deref(),
            Some("Tehran vowed to retaliate.")
        );
        assert_eq!(parsed.summary, vec!["First key point."]);
        assert_eq!(parsed.roles.get(14).map(|r| r.0), Some(Role::ZoneStatement));
        assert_eq!(parsed.posts.len(), 3);
        let newest = &parsed.posts[0];
        assert_eq!(newest.stamp, RawStamp::new(16, "03:09"));
        assert_eq!(
            newest.paragraphs,
            vec!["Newest post.", "Its second paragraph."]
        );
        let older = &parsed.posts[2];
        assert_eq!(older.paragraphs, vec!["Older post."]);
        assert_eq!(
            older.attribution.as_deref(),
            Some("nm,dj/sms (AP, AFP, dpa, Reuters)")
        );
        assert_eq!(parsed.roles.get(2).map(|r| r.1), Some("section-label"));
        assert_eq!(parsed.roles.get(10).map(|r| r.1), Some("image-caption"));
        assert_eq!(parsed.roles.get(20).map(|r| r.1), Some("video-title"));
        assert_eq!(parsed.roles.get(22).map(|r| r.1), Some("video-length"));
        assert_eq!(parsed.roles.get(36).map(|r| r.1), Some("newsletter"));
        assert_eq!(parsed.roles.get(40).map(|r| r.1), Some("closing-furniture"));
        for (n, text) in page.lines() {
            assert_eq!(
                is_blank(text),
                !parsed.roles.is_assigned(n),
                "line {n}: {text}"
            );
        }
        assert!(parsed.roles.conflicts().is_empty());
    }
}
