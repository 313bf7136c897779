//! The fallback for pages no other layout knows: it learns from the page itself where its stamps
//! stand (at the start of posts, or at their end as footers), and says what it inferred.
//!
//! The stamps that open (or close) posts are the lines whose stamp is of the page's most common
//! form; a stamp of another form above the first post is the page's publication time or date.
//! A page with no stamps at all is an article with no dated item, and a warning says so.

use dateline_model::{Diagnostic, DocumentKind, DropReason, Severity};
use dateline_time::{Form, Stamp};

use crate::boilerplate;
use crate::layout::{DraftPost, Parsed, RawStamp, Role, is_blank};
use crate::{Detection, Layout, Page};

/// The generic reader.
#[derive(Debug, Clone, Copy, Default)]
pub struct Generic;

/// Where a line's stamp stands.
#[derive(Debug, Clone)]
enum StampLine {
    /// At the start: the stamp, then the rest of the line (maybe empty).
    Head {
        stamp: String,
        rest: String,
        form: Form,
        dated: bool,
    },
    /// At the end, after a short byline: the byline (maybe empty) and the stamp.
    Foot {
        author: String,
        stamp: String,
        form: Form,
    },
}

impl StampLine {
    fn form(&self) -> Form {
        match self {
            StampLine::Head { form, .. } | StampLine::Foot { form, .. } => *form,
        }
    }
}

fn stamp_line(text: &str) -> Option<StampLine> {
    let text = text.trim();
    let stamp: Stamp = dateline_time::find_stamp(text)?;
    let before = text.get(..stamp.span.start)?.trim();
    let raw = text.get(stamp.span.clone())?.trim();
    let after = text.get(stamp.span.end..)?.trim();
    // A date alone is a page date, never a post.
    stamp.time?;
    if before.is_empty() {
        return Some(StampLine::Head {
            stamp: raw.to_owned(),
            rest: after
                .trim_start_matches(['-', '–', '—', '|', ':'])
                .trim()
                .to_owned(),
            form: stamp.form,
            dated: stamp.date.is_some(),
        });
    }
    let byline_like = before.chars().count() <= 60
        && !before.ends_with(['.', '!', '?', '"', '”', ':'])
        && before.chars().next().is_some_and(char::is_uppercase);
    if after.is_empty() && byline_like {
        return Some(StampLine::Foot {
            author: before
                .trim_end_matches([',', '|', '-', '–', '—'])
                .trim()
                .to_owned(),
            stamp: raw.to_owned(),
            form: stamp.form,
        });
    }
    None
}

impl Layout for Generic {
    fn name(&self) -> &'static str {
        "generic"
    }

    fn detect(&self, _page: &Page<'_>) -> Option<Detection> {
        Some(Detection::new(
            1,
            "no known layout matched, so the generic reader learns the layout from the page",
        ))
    }

    fn parse(&self, page: &Page<'_>) -> Parsed {
        let mut parsed = Parsed::new(DocumentKind::Article, page.len());
        parsed.outlet = crate::outlets::outlet_in_text(page.text()).map(|o| o.name.to_owned());

        let mut furniture = Vec::new();
        let mut stamped: Vec<(u32, StampLine)> = Vec::new();
        for (n, text) in page.lines() {
            if is_blank(text) {
                continue;
            }
            if let Some(found) = furniture_at(page, n, text) {
                furniture.push((n, found));
            } else if let Some(line) = stamp_line(text) {
                stamped.push((n, line));
            }
        }
        for [first, last] in boilerplate::donation_blocks(page) {
            for n in first..=last {
                if page.line(n).is_some_and(|t| !is_blank(t))
                    && !furniture.iter().any(|(l, _)| *l == n)
                {
                    furniture.push((n, (DropReason::Boilerplate, "donation-appeal")));
                }
            }
            stamped.retain(|(n, _)| *n < first || *n > last);
        }
        for (n, (reason, rule)) in furniture {
            parsed.drop_line(n, reason, rule);
        }

        // The page's most common stamp form opens (or closes) its posts.
        let mut forms: Vec<(Form, usize)> = Vec::new();
        for (_, line) in &stamped {
            match forms.iter_mut().find(|(f, _)| *f == line.form()) {
                Some((_, count)) => *count += 1,
                None => forms.push((line.form(), 1)),
            }
        }
        let dominant = forms.iter().max_by_key(|(_, c)| *c).map(|(f, _)| *f);
        let posts: Vec<&(u32, StampLine)> = stamped
            .iter()
            .filter(|(_, l)| Some(l.form()) == dominant)
            .collect();
        let heads = posts
            .iter()
            .filter(|(_, l)| matches!(l, StampLine::Head { rest, .. } if !rest.is_empty()))
            .count();
        let bare_heads = posts
            .iter()
            .filter(|(_, l)| matches!(l, StampLine::Head { rest, .. } if rest.is_empty()))
            .count();
        let feet = posts
            .iter()
            .filter(|(_, l)| matches!(l, StampLine::Foot { .. }))
            .count();
        let footers = feet > heads + bare_heads / 2 && feet > 0;

        let post_lines: Vec<(u32, StampLine)> = posts
            .iter()
            .filter(|(_, l)| matches!(l, StampLine::Foot { .. }) == footers)
            .map(|(n, l)| (*n, l.clone()))
            .collect();
        let Some(first_stamp) = post_lines.first().map(|(n, _)| *n) else {
            header(page, &mut parsed, &stamped, page.len() + 1);
            parsed.diagnostics.push(Diagnostic::new(
                Severity::Warning,
                "no-timestamps",
                format!(
                    "no timestamps found in {}: read as an article with no dated item; \
                     if the page has times, `--layout` can force a known layout",
                    page.path()
                ),
            ));
            return parsed;
        };

        let first_post_line = if footers {
            first_footer_post_start(page, &parsed, first_stamp)
        } else {
            first_stamp
        };
        header(page, &mut parsed, &stamped, first_post_line);
        let form = dominant.map_or("unknown", Form::name);
        parsed.diagnostics.push(Diagnostic::new(
            Severity::Info,
            "layout-inferred",
            format!(
                "unknown layout: {} {} stamp lines {} posts",
                post_lines.len(),
                form,
                if footers {
                    "end (footers with bylines)"
                } else {
                    "start"
                }
            ),
        ));

        if footers {
            read_footer_posts(page, &mut parsed, &post_lines, first_post_line);
        } else {
            read_header_posts(page, &mut parsed, &post_lines);
        }
        parsed.kind = if parsed.posts.len() >= 2 {
            DocumentKind::LiveBlog
        } else {
            DocumentKind::Article
        };
        if parsed.kind == DocumentKind::Article {
            if let Some(post) = parsed.posts.first_mut() {
                post.headline.clone_from(&parsed.title);
            }
        }
        parsed
    }
}

fn furniture_at(page: &Page<'_>, n: u32, text: &str) -> Option<(DropReason, &'static str)> {
    if boilerplate::is_video_length(page, n) {
        return Some((DropReason::Media, "video-length"));
    }
    if boilerplate::is_video_title(page, n) {
        return Some((DropReason::Media, "video-title"));
    }
    boilerplate::classify(text)
}

/// In a footer page, the first post starts after the last furniture line above its footer (or,
/// with none, at the paragraph right above it).
fn first_footer_post_start(page: &Page<'_>, parsed: &Parsed, footer: u32) -> u32 {
    let after_furniture = (1..footer)
        .rev()
        .find(|n| parsed.roles.is_assigned(*n))
        .map(|n| n + 1);
    after_furniture.unwrap_or_else(|| {
        (1..footer)
            .rev()
            .find(|n| page.line(*n).is_some_and(|t| !is_blank(t)))
            .unwrap_or(footer)
    })
}

fn header(page: &Page<'_>, parsed: &mut Parsed, stamped: &[(u32, StampLine)], end: u32) {
    for n in 1..end {
        let Some(text) = page.line(n) else { continue };
        if is_blank(text) || parsed.roles.is_assigned(n) {
            continue;
        }
        let trimmed = text.trim();
        let stamp = stamped
            .binary_search_by_key(&n, |(l, _)| *l)
            .ok()
            .and_then(|i| stamped.get(i))
            .map(|(_, s)| s);
        if let (
            Some(StampLine::Head {
                dated: true, rest, ..
            }),
            None,
        ) = (stamp, &parsed.published)
        {
            if rest.is_empty() {
                parsed.published = Some(RawStamp::new(n, trimmed));
                parsed
                    .roles
                    .assign(n, Role::Published, "dated-stamp-above-posts");
                continue;
            }
        }
        if parsed.page_date.is_none()
            && dateline_time::parse_stamp(trimmed)
                .is_some_and(|s| s.time.is_none() && s.date.is_some())
        {
            parsed.page_date = Some(RawStamp::new(n, trimmed));
            parsed.roles.assign(n, Role::PageDate, "date-above-posts");
            continue;
        }
        if parsed.zone_statement.is_none() && dateline_time::zone_statement(trimmed).is_some() {
            parsed.zone_statement = Some(RawStamp::new(n, trimmed));
            parsed
                .roles
                .assign(n, Role::ZoneStatement, "zone-statement");
        } else if parsed.title.is_none() {
            parsed.title = Some(trimmed.to_owned());
            parsed.roles.assign(n, Role::Title, "first-line-of-page");
        } else {
            parsed.summary.push(trimmed.to_owned());
            parsed
                .roles
                .assign(n, Role::Summary, "paragraph-above-posts");
        }
    }
}

fn read_header_posts(page: &Page<'_>, parsed: &mut Parsed, stamps: &[(u32, StampLine)]) {
    for (i, (start, line)) in stamps.iter().enumerate() {
        let StampLine::Head { stamp, rest, .. } = line else {
            continue;
        };
        let end = stamps.get(i + 1).map_or(page.len() + 1, |(n, _)| *n);
        let mut post = DraftPost::new(RawStamp::new(*start, stamp.as_str()));
        if !rest.is_empty() {
            post.paragraphs.push(rest.clone());
        }
        parsed
            .roles
            .assign(*start, Role::Stamp, "line-starts-with-stamp");
        let lines: Vec<u32> = (start + 1..end)
            .filter(|n| {
                page.line(*n).is_some_and(|t| !is_blank(t)) && !parsed.roles.is_assigned(*n)
            })
            .collect();
        for (j, n) in lines.iter().copied().enumerate() {
            let Some(text) = page.line(n) else { continue };
            let trimmed = text.trim();
            let short = trimmed.chars().count() <= 120 && !trimmed.ends_with(['.', '"', '”']);
            if j == 0 && rest.is_empty() && short && lines.len() > 1 {
                post.headline = Some(trimmed.to_owned());
                parsed
                    .roles
                    .assign(n, Role::Headline, "short-line-after-stamp");
            } else if boilerplate::is_credit(trimmed) && post.attribution.is_none() {
                post.attribution = Some(trimmed.to_owned());
                parsed.roles.assign(n, Role::Attribution, "credit-line");
            } else {
                post.paragraphs.push(trimmed.to_owned());
                parsed.roles.assign(n, Role::Body, "paragraph-after-stamp");
            }
            post.cover(n);
        }
        parsed.posts.push(post);
    }
}

fn read_footer_posts(
    page: &Page<'_>,
    parsed: &mut Parsed,
    stamps: &[(u32, StampLine)],
    first: u32,
) {
    let mut start = first;
    for (n, line) in stamps {
        let StampLine::Foot { author, stamp, .. } = line else {
            continue;
        };
        let mut post = DraftPost::new(RawStamp::new(*n, stamp.as_str()));
        if !author.is_empty() {
            post.author = Some(author.clone());
        }
        parsed.roles.assign(*n, Role::Stamp, "footer-stamp");
        for m in start..*n {
            let Some(text) = page.line(m) else { continue };
            if is_blank(text) || parsed.roles.is_assigned(m) {
                continue;
            }
            parsed.place_in_post(&mut post, m, text, "credit-line", "paragraph-before-footer");
        }
        parsed.posts.push(post);
        start = n + 1;
    }
    // Lines after the last footer that are not furniture stay unplaced.
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Parsed {
        Generic.parse(&Page::new("unknown.txt", text))
    }

    #[test]
    fn stamps_at_the_start_of_lines_open_posts() {
        let parsed = parse(
            "A blog\n\nAll times are in UTC\n\n12:50 Newest.\n\nMore of it.\n\n12:31 Older.\n\nSubscribe to our newsletter by email\n",
        );
        assert_eq!(parsed.kind, DocumentKind::LiveBlog);
        assert_eq!(parsed.title.as_deref(), Some("A blog"));
        assert_eq!(parsed.zone_statement.as_ref().map(|z| z.line), Some(3));
        let stamps: Vec<_> = parsed.posts.iter().map(|p| p.stamp.text.as_str()).collect();
        assert_eq!(stamps, vec!["12:50", "12:31"]);
        assert_eq!(parsed.posts[0].paragraphs, vec!["Newest.", "More of it."]);
        assert_eq!(parsed.roles.get(11).map(|r| r.1), Some("newsletter"));
        assert!(
            parsed
                .diagnostics
                .iter()
                .any(|d| d.code == "layout-inferred" && d.message.contains("start posts"))
        );
    }

    #[test]
    fn stamps_glued_to_bylines_at_the_end_of_posts_close_them() {
        let parsed = parse(
            "A blog\n\nFirst post.\n\nAnn Lee4 August 2020 12:44\n\nSecond post.\n\nBo Ray4 August 2020 13:05\n",
        );
        assert_eq!(parsed.posts.len(), 2);
        let first = &parsed.posts[0];
        assert_eq!(first.stamp, RawStamp::new(5, "4 August 2020 12:44"));
        assert_eq!(first.author.as_deref(), Some("Ann Lee"));
        assert_eq!(first.paragraphs, vec!["First post."]);
        assert_eq!(parsed.posts[1].paragraphs, vec!["Second post."]);
        assert!(
            parsed
                .diagnostics
                .iter()
                .any(|d| d.message.contains("footers"))
        );
    }

    #[test]
    fn a_stamp_inside_a_sentence_opens_nothing() {
        let parsed = parse("A title\n\nThe strike took place at 1.12am local time.\n");
        assert!(parsed.posts.is_empty());
        assert!(parsed.diagnostics.iter().any(|d| d.code == "no-timestamps"));
        assert_eq!(parsed.summary.len(), 1);
    }

    #[test]
    fn a_bare_stamp_line_with_a_short_line_under_it_has_a_headline() {
        let parsed =
            parse("T\n\n10:00\n\nA headline\n\nBody.\n\n09:00\n\nOther headline\n\nBody two.\n");
        assert_eq!(parsed.posts.len(), 2);
        assert_eq!(parsed.posts[0].headline.as_deref(), Some("A headline"));
        assert_eq!(parsed.posts[0].paragraphs, vec!["Body."]);
    }
}
