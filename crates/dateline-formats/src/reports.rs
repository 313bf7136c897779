//! An event's reports as the table formats (`csv`, `ics`) show them: each post with its outlet, time,
//! lag, `path:line`, its page's address and a line of text, and the event's first reporter; the
//! name of a document's outlet and the addresses the writers link to; and the day every writer
//! shows an event on, which for a page that prints only a date is that date, not the UTC day of
//! its start.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use dateline_model::{Document, Event, Post, Precision, ResolvedTime, Timeline, UNKNOWN_OUTLET};

use crate::html::lag_text;

/// Every post of a timeline by its id, found once per write rather than once per report.
#[derive(Debug)]
pub(crate) struct Index<'a> {
    posts: HashMap<&'a str, (&'a Document, &'a Post)>,
}

impl<'a> Index<'a> {
    pub(crate) fn new(timeline: &'a Timeline) -> Self {
        let posts = timeline
            .documents
            .iter()
            .flat_map(|doc| {
                doc.posts
                    .iter()
                    .map(move |post| (post.id.as_str(), (doc, post)))
            })
            .collect();
        Index { posts }
    }

    /// The post `id` and its document, when the timeline holds it.
    pub(crate) fn post(&self, id: &str) -> Option<(&'a Document, &'a Post)> {
        self.posts.get(id).copied()
    }

    /// The reports of `event`, earliest first.
    ///
    /// They are the event's [`Event::reports`] when merging filled them in; otherwise they are
    /// derived from its posts, in the event's order, with the lag behind the event's time.
    pub(crate) fn reports(&self, event: &'a Event) -> Vec<Report<'a>> {
        if !event.reports.is_empty() {
            return event
                .reports
                .iter()
                .map(|r| {
                    let found = self.posts.get(r.post.as_str()).copied();
                    Report {
                        post: &r.post,
                        outlet: &r.outlet,
                        utc: Some(r.utc),
                        lag_minutes: Some(r.lag_minutes),
                        date: r
                            .date
                            .or_else(|| found.and_then(|(_, post)| post_date(post))),
                        path: found.map(|(doc, _)| doc.path.as_str()),
                        url: found.and_then(|(doc, _)| url(doc)),
                        line: found.map(|(_, post)| post.cited_line()),
                        text: found.map(|(_, post)| text(post)).unwrap_or_default(),
                    }
                })
                .collect();
        }
        event
            .posts
            .iter()
            .map(|id| match self.posts.get(id.as_str()).copied() {
                Some((doc, post)) => {
                    let utc = post.time.as_ref().map(|t| t.utc);
                    Report {
                        post: id,
                        outlet: outlet(doc),
                        utc,
                        lag_minutes: utc.map(|utc| (utc - event.utc).num_minutes()),
                        date: post_date(post),
                        path: Some(&doc.path),
                        url: url(doc),
                        line: Some(post.cited_line()),
                        text: text(post),
                    }
                }
                None => Report {
                    post: id,
                    outlet: "",
                    utc: None,
                    lag_minutes: None,
                    date: None,
                    path: None,
                    url: None,
                    line: None,
                    text: String::new(),
                },
            })
            .collect()
    }
}

/// One post's report of an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Report<'a> {
    /// The post's id.
    pub(crate) post: &'a str,
    /// The outlet, [`UNKNOWN_OUTLET`] when it is unknown, empty when the post is missing.
    pub(crate) outlet: &'a str,
    /// The post's time.
    pub(crate) utc: Option<DateTime<Utc>>,
    /// Minutes behind the event's time.
    pub(crate) lag_minutes: Option<i64>,
    /// The day the post's page prints when it gives only a date (its time is then the start of
    /// that day in the page's zone, and a lag of 0 means its day holds the event's time); none
    /// for a time of day.
    pub(crate) date: Option<NaiveDate>,
    /// The document's path.
    pub(crate) path: Option<&'a str>,
    /// The address of the post's page, when it has one a reader can follow ([`url`]).
    pub(crate) url: Option<&'a str>,
    /// The line of the post's stamp in its file ([`Post::cited_line`]: an HTML page's own line).
    pub(crate) line: Option<u32>,
    /// The post's headline, else the first sentence of its text.
    pub(crate) text: String,
}

impl Report<'_> {
    /// Whether the post's page gives only its date.
    pub(crate) fn dated_only(&self) -> bool {
        self.date.is_some()
    }

    /// How far the report is behind the event's time, as people read it (`+8 min`); a report
    /// dated only by its day says so (`same day`, `-12 h 00 min, date only`).
    pub(crate) fn lag_label(&self) -> Option<String> {
        let lag = self.lag_minutes?;
        Some(match (self.dated_only(), lag) {
            (true, 0) => "same day".to_owned(),
            (true, m) => format!("{}, date only", lag_text(m)),
            (false, m) => lag_text(m),
        })
    }

    /// The lag worth showing beside a report's time: none for a report on the event's time.
    pub(crate) fn shown_lag(&self) -> Option<String> {
        if self.lag_minutes == Some(0) && !self.dated_only() {
            return None;
        }
        self.lag_label()
    }

    /// `path:line`, or the post's id when its document is not in the timeline.
    pub(crate) fn source(&self) -> String {
        match (self.path, self.line) {
            (Some(path), Some(line)) => format!("{path}:{line}"),
            _ => self.post.to_owned(),
        }
    }
}

/// The name a document's outlet is shown by: its outlet (which reading fills from the domain of
/// the page's address when nothing else names it), else [`UNKNOWN_OUTLET`], never its path.
pub(crate) fn outlet(doc: &Document) -> &str {
    doc.outlet.as_deref().unwrap_or(UNKNOWN_OUTLET)
}

/// The page's own address (`PageContext::url`), when it is one a reader can follow and every
/// writer can link to as it is: `http` or `https`, with no whitespace, control character or quote.
/// Whatever else a page claims as its address (`javascript:`, a `file:` path) is never linked.
pub(crate) fn url(doc: &Document) -> Option<&str> {
    let url = doc.context.url.as_deref()?.trim();
    let scheme = url.split_once("://")?.0;
    let web = scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https");
    let plain = url
        .chars()
        .all(|c| !c.is_whitespace() && !c.is_control() && !matches!(c, '"' | '<' | '>' | '\\' | '`' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'));
    (web && plain && url.len() > scheme.len() + 3).then_some(url)
}

/// The outlet that had the event first: the event's own `first_reporter`, else the outlet of the
/// earliest timed report, else the event's first outlet.
pub(crate) fn first_reporter<'a>(event: &'a Event, reports: &[Report<'a>]) -> Option<&'a str> {
    event
        .first_reporter
        .as_deref()
        .or_else(|| {
            reports
                .iter()
                .filter(|r| r.utc.is_some() && !r.outlet.is_empty())
                .min_by_key(|r| r.utc)
                .map(|r| r.outlet)
        })
        .or_else(|| event.outlets.first().map(String::as_str))
}

/// The day an event's page prints when its time gives only a date ([`Precision::Day`]): every
/// writer then shows that day alone, which the day of its `utc`, the start of that day in the
/// page's zone, may not be. None for a time of day. An event written without its date (a timeline
/// from before [`Event::date`]) falls back to the day of its `utc`.
pub(crate) fn printed_date(event: &Event) -> Option<NaiveDate> {
    (event.precision == Precision::Day)
        .then(|| event.date.unwrap_or_else(|| event.utc.date_naive()))
}

/// The day an event is shown on: the day its page prints when it gives only a date, else the UTC
/// day of its time.
pub(crate) fn day(event: &Event) -> NaiveDate {
    printed_date(event).unwrap_or_else(|| event.utc.date_naive())
}

/// The events in the order the formats for people show them, day by day: by the [`day`] each is
/// shown on; within a day, those dated only by it first (they give no time of day to place them
/// by), then by UTC time and id. The timeline's own order (UTC, then id) can put an event dated
/// only by its day among the day before, when its page's zone is east of UTC.
pub(crate) fn by_day(events: &[Event]) -> Vec<&Event> {
    let mut ordered: Vec<&Event> = events.iter().collect();
    let key = |e: &Event| (day(e), printed_date(e).is_none(), e.utc);
    ordered.sort_by(|a, b| (key(a), &a.id).cmp(&(key(b), &b.id)));
    ordered
}

/// The day a post's page prints when its time gives only a date (see [`time_date`]).
fn post_date(post: &Post) -> Option<NaiveDate> {
    post.time.as_ref().and_then(time_date)
}

/// The day a time prints when it gives only a date: its `date`, else (a time written without one)
/// the day of its local start. None for a time of day.
fn time_date(time: &ResolvedTime) -> Option<NaiveDate> {
    (time.basis.precision == Precision::Day)
        .then(|| time.date.unwrap_or_else(|| time.local.date_naive()))
}

/// At most this many characters of a report's text.
const TEXT_CHARS: usize = 200;

/// A post's headline, else the first sentence of its text, on one line and at most
/// [`TEXT_CHARS`] characters, cut at a word with `…`.
fn text(post: &Post) -> String {
    let headline = post
        .headline
        .as_deref()
        .map(collapse)
        .filter(|h| !h.is_empty());
    let chosen = headline.unwrap_or_else(|| first_sentence(&post.text));
    shorten(&chosen, TEXT_CHARS)
}

/// Whitespace, newlines included, collapsed to single spaces.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first paragraph of `text`, up to the first `.`, `!` or `?` that a capital letter or an
/// opening quote follows. A simpler rule than the merge's headline: this is a reminder of what the
/// report says, not a title.
fn first_sentence(text: &str) -> String {
    let paragraph: Vec<&str> = text
        .lines()
        .skip_while(|line| line.trim().is_empty())
        .take_while(|line| !line.trim().is_empty())
        .collect();
    let words: Vec<&str> = paragraph
        .iter()
        .flat_map(|line| line.split_whitespace())
        .collect();
    let end = words
        .iter()
        .enumerate()
        .position(|(i, word)| {
            let core = word.trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}', ')']);
            let marked = core.ends_with(['!', '?'])
                || core
                    .strip_suffix('.')
                    .is_some_and(|token| !is_abbreviation(token));
            let next_starts = words.get(i + 1).is_none_or(|next| {
                next.starts_with(|c: char| c.is_uppercase() || matches!(c, '"' | '\u{201c}'))
            });
            marked && next_starts
        })
        .map_or(words.len(), |i| i + 1);
    words[..end].join(" ")
}

/// Whether `token`, the text before a full stop, is an abbreviation rather than a sentence's end:
/// an initial or title (`W`, `Mr`, `Gen`) or a dotted abbreviation (`U.S`, `a.m`).
fn is_abbreviation(token: &str) -> bool {
    let token = token.trim_start_matches(['"', '\'', '\u{201c}', '\u{2018}', '(']);
    let mut chars = token.chars();
    let titled = chars.next().is_some_and(char::is_uppercase)
        && token.chars().count() <= 3
        && chars.all(char::is_lowercase);
    titled || token.contains('.')
}

/// `text` cut to at most `max` characters at a word boundary, with `…` when cut.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut out = String::new();
    for word in text.split(' ') {
        let needed = out.chars().count() + usize::from(!out.is_empty()) + word.chars().count();
        if needed + 1 > max {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        out = text.chars().take(max - 1).collect();
    }
    out.push('\u{2026}');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tests::sample;
    use dateline_model::Report;

    #[test]
    fn reports_are_derived_from_posts_until_merging_fills_them_in() {
        let timeline = sample();
        let index = Index::new(&timeline);
        let mut event = timeline.events[0].clone();
        event.reports.clear();
        event.first_reporter = None;
        let reports = index.reports(&event);
        assert_eq!(reports.len(), 1);
        assert_eq!(reports[0].outlet, "The Independent");
        assert_eq!(reports[0].source(), "seeds/blog.txt:37");
        assert_eq!(reports[0].lag_minutes, Some(0));
        assert_eq!(
            reports[0].text,
            "US citizens have left Basra, the oil ministry said."
        );
        assert_eq!(first_reporter(&event, &reports), Some("The Independent"));
    }

    #[test]
    fn a_report_dated_only_by_its_day_says_so_beside_its_lag() {
        let mut timeline = sample();
        if let Some(time) = timeline.documents[0].posts[0].time.as_mut() {
            time.basis.precision = Precision::Day;
        }
        let index = Index::new(&timeline);
        let mut event = timeline.events[0].clone();
        event.reports.clear();
        let reports = index.reports(&event);
        assert!(reports[0].dated_only());
        assert_eq!(reports[0].lag_label().as_deref(), Some("same day"));
        assert_eq!(reports[0].shown_lag().as_deref(), Some("same day"));
        let behind = super::Report {
            lag_minutes: Some(-720),
            ..reports[0].clone()
        };
        assert_eq!(
            behind.lag_label().as_deref(),
            Some("-12 h 00 min, date only")
        );
        let on_time = super::Report {
            date: None,
            ..reports[0].clone()
        };
        assert_eq!(on_time.lag_label().as_deref(), Some("+0 min"));
        assert_eq!(on_time.shown_lag(), None);
    }

    #[test]
    fn a_missing_post_is_named_by_its_id() {
        let mut timeline = sample();
        timeline.events[0].posts = vec!["nowhere:3".to_owned()];
        timeline.events[0].reports.clear();
        let index = Index::new(&timeline);
        let reports = index.reports(&timeline.events[0]);
        assert_eq!(reports[0].source(), "nowhere:3");
        assert_eq!(reports[0].utc, None);
        assert_eq!(
            first_reporter(&timeline.events[0], &reports),
            Some("The Independent")
        );

        // The same through merging's reports: the outlet and time are the report's own.
        let utc = timeline.events[0].utc;
        timeline.events[0].reports = vec![Report::new("nowhere:3", "Nowhere News", utc, 2)];
        timeline.events[0].first_reporter = None;
        let index = Index::new(&timeline);
        let reports = index.reports(&timeline.events[0]);
        assert_eq!(reports[0].source(), "nowhere:3");
        assert_eq!(reports[0].outlet, "Nowhere News");
        assert_eq!(reports[0].lag_minutes, Some(2));
        assert_eq!(
            first_reporter(&timeline.events[0], &reports),
            Some("Nowhere News")
        );
    }

    #[test]
    fn an_unknown_outlet_is_named_so_never_by_the_path() {
        let mut timeline = sample();
        timeline.documents[0].outlet = None;
        let index = Index::new(&timeline);
        let mut event = timeline.events[0].clone();
        event.reports.clear();
        let reports = index.reports(&event);
        assert_eq!(reports[0].outlet, "unknown outlet");
        assert_eq!(reports[0].source(), "seeds/blog.txt:37");
        assert_eq!(outlet(&timeline.documents[0]), "unknown outlet");
        assert_eq!(outlet(&timeline.documents[1]), "CNN");
    }

    #[test]
    fn only_web_addresses_are_linked() {
        let mut doc = sample().documents[1].clone();
        let mut linked = |url: &str| {
            doc.context.url = Some(url.to_owned());
            self::url(&doc).map(str::to_owned)
        };
        assert_eq!(
            linked(" https://example.com/a?b=1&c=(2) ").as_deref(),
            Some("https://example.com/a?b=1&c=(2)")
        );
        assert_eq!(
            linked("HTTP://example.com/").as_deref(),
            Some("HTTP://example.com/")
        );
        for never in [
            "javascript:alert(1)",
            "file:///home/me/page.html",
            "data:text/html,<b>",
            "https://",
            "https://example.com/a b",
            "https://example.com/\"onmouseover=\"x",
            "https://example.com/<script>",
            "https://example.com/\u{202e}moc.live",
            "https://example.com/\u{1b}]0;x\u{7}",
            "/relative/page.html",
        ] {
            assert_eq!(linked(never), None, "{never:?}");
        }
    }

    #[test]
    fn first_sentences_and_shortening() {
        assert_eq!(first_sentence("One two. Three."), "One two.");
        assert_eq!(first_sentence("Mr. X said so. Then"), "Mr. X said so.");
        assert_eq!(first_sentence("\"No!\" he said. Next"), "\"No!\" he said.");
        assert_eq!(first_sentence("a\nb\n\nc"), "a b");
        assert_eq!(first_sentence(""), "");
        assert_eq!(
            first_sentence("The U.S. said no. Then"),
            "The U.S. said no."
        );
        assert_eq!(
            first_sentence("Gen. Soleimani was killed. Iran"),
            "Gen. Soleimani was killed."
        );
        assert_eq!(first_sentence("It is over. Now"), "It is over.");
        assert_eq!(shorten("one two three", 9), "one two\u{2026}");
        assert_eq!(shorten("abcdefghij", 5), "abcd\u{2026}");
        assert_eq!(shorten("short", 5), "short");
    }
}
