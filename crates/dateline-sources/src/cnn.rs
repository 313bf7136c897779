//! CNN live blogs: each post starts with `12:31 p.m. ET, January 4, 2020`, then its headline,
//! then a credit (`From CNN's ...`, `By CNN's ...`), photo credits and captions, then the body.
//!
//! The header holds the title, the byline (`By A, B and C, CNN`), the update time
//! (`Updated 0846 GMT (1646 HKT) January 5, 2020`) and the post count the page claims (`26 Posts`).
//! Pinned posts come first, so the posts are not in time order: the time library says so.

use std::sync::LazyLock;

use dateline_model::{DocumentKind, DropReason};
use regex::Regex;

use crate::boilerplate::{self, re};
use crate::independent::MONTHS;
use crate::layout::{DraftPost, Parsed, RawStamp, Role, clean, is_blank};
use crate::{Detection, Layout, Page};

static STAMP: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^\d{{1,2}}:\d{{2}}\s*[ap]\.?m\.?\s+[A-Z]{{1,4}},\s+(?:{MONTHS}) \d{{1,2}}, \d{{4}}$"
    ))
});

static CREDIT: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?:From|By) CNN(?:['’]s)?\s+(?P<names>\S.*)$"));

static BYLINE: LazyLock<Regex> = LazyLock::new(|| re(r"^By\s+(?P<names>\S.*)$"));

static UPDATED: LazyLock<Regex> = LazyLock::new(|| re(r"^Updated\s+(?P<stamp>\S.*)$"));

static COUNT: LazyLock<Regex> = LazyLock::new(|| re(r"^(?P<count>\d{1,6})\s+Posts?$"));

static MARKER: LazyLock<Regex> = LazyLock::new(|| re(r"\bCNN\b"));

fn is_stamp(line: &str) -> bool {
    STAMP.is_match(line.trim())
}

/// CNN's live blog.
#[derive(Debug, Clone, Copy, Default)]
pub struct CnnLiveBlog;

impl Layout for CnnLiveBlog {
    fn name(&self) -> &'static str {
        "cnn-liveblog"
    }

    fn outlet(&self) -> Option<&'static str> {
        Some("CNN")
    }

    fn kind(&self) -> Option<DocumentKind> {
        Some(DocumentKind::LiveBlog)
    }

    fn detect(&self, page: &Page<'_>) -> Option<Detection> {
        let count = page.lines().filter(|(_, t)| is_stamp(t)).count();
        if count == 0 {
            return None;
        }
        let mut score = 60;
        let mut reason =
            format!("{count} lines are `H:MM a.m. ZONE, Month D, YYYY` stamps (post headers)");
        if page.lines().any(|(_, t)| CREDIT.is_match(t.trim())) {
            score += 30;
            reason.push_str("; posts are credited `From CNN's ...`");
        } else if MARKER.is_match(page.text()) {
            score += 20;
            reason.push_str("; the page names CNN");
        } else {
            // Another outlet's page with US-style stamps: the generic reader takes it.
            return None;
        }
        Some(Detection::new(score, reason))
    }

    fn parse(&self, page: &Page<'_>) -> Parsed {
        let mut parsed = Parsed::new(DocumentKind::LiveBlog, page.len());
        let stamps: Vec<u32> = page
            .lines()
            .filter(|(_, t)| is_stamp(t))
            .map(|(n, _)| n)
            .collect();
        let first = stamps.first().copied().unwrap_or(page.len() + 1);
        header(page, &mut parsed, first);

        for (i, start) in stamps.iter().copied().enumerate() {
            let end = stamps.get(i + 1).copied().unwrap_or(page.len() + 1);
            let Some(stamp) = page.line(start).map(clean) else {
                continue;
            };
            let mut post = DraftPost::new(RawStamp::new(start, stamp));
            parsed
                .roles
                .assign(start, Role::Stamp, "clock-zone-date-line");
            for n in start + 1..end {
                let Some(text) = page.line(n) else { continue };
                if is_blank(text) {
                    continue;
                }
                let trimmed = text.trim();
                if let Some((reason, rule)) = media_or_furniture(page, n, trimmed) {
                    parsed.drop_line(n, reason, rule);
                } else if let (None, Some(caps)) = (&post.attribution, CREDIT.captures(trimmed)) {
                    post.attribution = Some(trimmed.to_owned());
                    post.author = caps.name("names").map(|m| m.as_str().trim().to_owned());
                    post.cover(n);
                    parsed.roles.assign(n, Role::Attribution, "from-cnn-credit");
                } else if post.headline.is_none()
                    && post.paragraphs.is_empty()
                    && post.attribution.is_none()
                {
                    post.headline = Some(trimmed.to_owned());
                    post.cover(n);
                    parsed.roles.assign(n, Role::Headline, "line-after-stamp");
                } else {
                    post.paragraphs.push(trimmed.to_owned());
                    post.cover(n);
                    parsed.roles.assign(n, Role::Body, "paragraph");
                }
            }
            parsed.posts.push(post);
        }
        parsed
    }
}

/// Photo credits, and a caption printed twice: once alone, once followed by its credit.
fn media_or_furniture(page: &Page<'_>, n: u32, text: &str) -> Option<(DropReason, &'static str)> {
    if let Some(next) = page.line(n + 1).map(str::trim)
        && !next.is_empty()
        && next.len() > text.len()
        && next.starts_with(text)
        && boilerplate::classify(next).is_some_and(|(r, _)| r == DropReason::Media)
    {
        return Some((DropReason::Media, "image-caption"));
    }
    boilerplate::classify(text)
}

fn header(page: &Page<'_>, parsed: &mut Parsed, first_post: u32) {
    let mut updated = false;
    for n in 1..first_post {
        let Some(text) = page.line(n) else { continue };
        if is_blank(text) {
            continue;
        }
        let trimmed = text.trim();
        if UPDATED.is_match(trimmed) && !updated {
            updated = true;
            parsed.roles.assign(n, Role::Updated, "updated-line");
        } else if let Some(caps) = COUNT
            .captures(trimmed)
            .filter(|_| parsed.declared_posts.is_none())
        {
            parsed.declared_posts = caps.name("count").and_then(|m| m.as_str().parse().ok());
            parsed.roles.assign(n, Role::DeclaredCount, "post-count");
        } else if let Some(caps) = BYLINE
            .captures(trimmed)
            .filter(|_| parsed.bylines.is_empty())
        {
            parsed.bylines = split_names(caps.name("names").map_or("", |m| m.as_str()));
            parsed.roles.assign(n, Role::Byline, "by-line");
        } else if let Some((reason, rule)) = media_or_furniture(page, n, trimmed) {
            parsed.drop_line(n, reason, rule);
        } else if parsed.title.is_none() {
            parsed.title = Some(trimmed.to_owned());
            parsed.roles.assign(n, Role::Title, "first-line-of-header");
        } else if parsed.standfirst.is_none() {
            parsed.standfirst = Some(trimmed.to_owned());
            parsed.roles.assign(n, Role::Standfirst, "line-under-title");
        } else {
            parsed.summary.push(trimmed.to_owned());
            parsed.roles.assign(n, Role::Summary, "intro-paragraph");
        }
    }
}

/// `Julia Hollingsworth, Fernando Alfonso III, Ivana Kottasová and Amir Vera, CNN` -> the names.
fn split_names(names: &str) -> Vec<String> {
    let names = names.trim();
    let names = names
        .strip_suffix(", CNN")
        .or_else(|| names.strip_suffix(" CNN"))
        .unwrap_or(names);
    names
        .split(',')
        .flat_map(|part| part.split(" and "))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const BLOG: &str = "\
A title

By Julia Hollingsworth, Fernando Alfonso III and Amir Vera, CNN

Updated 0846 GMT (1646 HKT) January 5, 2020
26 Posts
Sort byDropdown arrow
12:31 p.m. ET, January 4, 2020

Rocket strikes

From CNN’s Ingrid Formanek\u{a0}

Body one.

8:31 a.m. ET, January 4, 2020

NATO suspends

By CNN's Arnaud Siad

(File photo) NATO headquarters
(File photo) NATO headquarters Photo: EMMANUEL DUNAND/AFP via Getty Images
Photo by X/AFP via Getty Images

Body two.
";

    #[test]
    fn stamps_are_recognised() {
        assert!(is_stamp("12:31 p.m. ET, January 4, 2020"));
        assert!(is_stamp("8:31 a.m. ET, January 4, 2020"));
        assert!(!is_stamp("12:31 p.m. ET"));
    }

    #[test]
    fn the_blog_is_read_into_posts_with_headlines_and_credits() {
        let page = Page::new("x", BLOG);
        assert_eq!(CnnLiveBlog.detect(&page).map(|d| d.score), Some(90));
        let parsed = CnnLiveBlog.parse(&page);
        assert_eq!(parsed.title.as_deref(), Some("A title"));
        assert_eq!(
            parsed.bylines,
            vec!["Julia Hollingsworth", "Fernando Alfonso III", "Amir Vera"]
        );
        assert_eq!(parsed.roles.get(5).map(|r| r.0), Some(Role::Updated));
        assert_eq!(parsed.declared_posts, Some(26));
        assert_eq!(parsed.posts.len(), 2);
        let first = &parsed.posts[0];
        assert_eq!(first.headline.as_deref(), Some("Rocket strikes"));
        assert_eq!(
            first.attribution.as_deref(),
            Some("From CNN’s Ingrid Formanek")
        );
        assert_eq!(first.author.as_deref(), Some("Ingrid Formanek"));
        assert_eq!(first.paragraphs, vec!["Body one."]);
        let second = &parsed.posts[1];
        assert_eq!(second.author.as_deref(), Some("Arnaud Siad"));
        assert_eq!(second.paragraphs, vec!["Body two."]);
        assert_eq!(parsed.roles.get(22).map(|r| r.1), Some("image-caption"));
        assert_eq!(parsed.roles.get(23).map(|r| r.1), Some("image-caption"));
        assert_eq!(parsed.roles.get(24).map(|r| r.1), Some("photo-credit"));
        for (n, text) in page.lines() {
            assert_eq!(
                is_blank(text),
                !parsed.roles.is_assigned(n),
                "line {n}: {text}"
            );
        }
    }
}
