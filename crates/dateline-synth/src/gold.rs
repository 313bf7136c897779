//! The gold file: what a perfect reader and a perfect merge would say about a generated corpus.

use std::fmt::Write as _;

use crate::EventKind;
use crate::clock::rfc3339;

/// An outlet of the corpus and the layout its pages are printed in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldOutlet {
    /// The invented name, printed on its pages.
    pub name: String,
    /// The layout of its live blogs, as `dateline-sources` names it.
    pub layout: &'static str,
}

/// A generated page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldPage {
    /// The file name, relative to the corpus directory.
    pub file: String,
    /// Index into [`Gold::outlets`].
    pub outlet: usize,
    /// The layout `dateline-sources` must detect.
    pub layout: &'static str,
    /// The document id: the first 12 hex digits of the SHA-256 of the page's bytes.
    pub id: String,
    /// How many posts the page holds.
    pub posts: usize,
    /// The page's size in bytes.
    pub bytes: usize,
}

/// A post: where it is printed and the minute it was stamped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldPost {
    /// The post id as `dateline-sources` makes it: `DOCID:LINE`.
    pub id: String,
    /// Index into [`Gold::pages`].
    pub page: usize,
    /// The line of its stamp (1-based).
    pub line: u32,
    /// Its stamp, in minutes since 1970-01-01 00:00 UTC.
    pub utc: i64,
    /// Index into [`Gold::events`].
    pub event: u32,
}

/// An underlying event and the posts that report it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldEvent {
    /// Whether it is a plain event or a distractor built to resemble another.
    pub kind: EventKind,
    /// For a distractor, the event it resembles.
    pub of: Option<u32>,
    /// When it happened, in minutes since 1970-01-01 00:00 UTC.
    pub utc: i64,
    /// Indexes into [`Gold::posts`], earliest report first.
    pub posts: Vec<usize>,
}

/// Everything known about a generated corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gold {
    /// The posts asked for.
    pub posts_wanted: usize,
    /// The outlets asked for.
    pub outlets_wanted: usize,
    /// The seed.
    pub seed: u64,
    /// The outlets.
    pub outlets: Vec<GoldOutlet>,
    /// The pages, in the order they were written.
    pub pages: Vec<GoldPage>,
    /// The posts, page by page in line order.
    pub posts: Vec<GoldPost>,
    /// The events; an event's index is its id.
    pub events: Vec<GoldEvent>,
}

fn string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

impl Gold {
    /// Pairs of posts that report the same event: what pairwise recall is measured against.
    pub fn pairs(&self) -> u64 {
        self.events
            .iter()
            .map(|e| {
                let n = e.posts.len() as u64;
                n * n.saturating_sub(1) / 2
            })
            .sum()
    }

    /// The gold as JSON, one post or event per line:
    ///
    /// ```text
    /// {"v":1,"posts_wanted":N,"outlets_wanted":K,"seed":S,"pairs":P,
    /// "outlets":[{"name":"The Northern Herald","layout":"independent-liveblog"},...],
    /// "pages":[{"file":"o000-p0000.txt","outlet":0,"layout":"...","id":"...","posts":n,"bytes":b},...],
    /// "posts":[{"id":"DOCID:LINE","file":"o000-p0000.txt","line":17,"utc":"2020-01-03T12:44:00Z","event":3},...],
    /// "events":[{"id":3,"kind":"same-quote","of":1,"utc":"...","posts":["DOCID:LINE",...]},...]}
    /// ```
    pub fn to_json(&self) -> String {
        let mut out = String::with_capacity(160 * (self.posts.len() + self.events.len()));
        let _ = write!(
            out,
            "{{\"v\":1,\"posts_wanted\":{},\"outlets_wanted\":{},\"seed\":{},\"pairs\":{},\n\"outlets\":[",
            self.posts_wanted,
            self.outlets_wanted,
            self.seed,
            self.pairs()
        );
        for (i, o) in self.outlets.iter().enumerate() {
            out.push_str(if i == 0 { "\n" } else { ",\n" });
            out.push_str("{\"name\":");
            string(&mut out, &o.name);
            let _ = write!(out, ",\"layout\":\"{}\"}}", o.layout);
        }
        out.push_str("],\n\"pages\":[");
        for (i, p) in self.pages.iter().enumerate() {
            out.push_str(if i == 0 { "\n" } else { ",\n" });
            out.push_str("{\"file\":");
            string(&mut out, &p.file);
            let _ = write!(
                out,
                ",\"outlet\":{},\"layout\":\"{}\",\"id\":\"{}\",\"posts\":{},\"bytes\":{}}}",
                p.outlet, p.layout, p.id, p.posts, p.bytes
            );
        }
        out.push_str("],\n\"posts\":[");
        for (i, p) in self.posts.iter().enumerate() {
            out.push_str(if i == 0 { "\n" } else { ",\n" });
            let file = self.pages.get(p.page).map_or("", |pg| pg.file.as_str());
            out.push_str("{\"id\":");
            string(&mut out, &p.id);
            out.push_str(",\"file\":");
            string(&mut out, file);
            let _ = write!(
                out,
                ",\"line\":{},\"utc\":\"{}\",\"event\":{}}}",
                p.line,
                rfc3339(p.utc),
                p.event
            );
        }
        out.push_str("],\n\"events\":[");
        for (i, e) in self.events.iter().enumerate() {
            out.push_str(if i == 0 { "\n" } else { ",\n" });
            let _ = write!(
                out,
                "{{\"id\":{i},\"kind\":\"{}\",\"of\":{},\"utc\":\"{}\",\"posts\":[",
                e.kind.name(),
                e.of.map_or("null".to_owned(), |o| o.to_string()),
                rfc3339(e.utc)
            );
            for (k, p) in e.posts.iter().enumerate() {
                if k > 0 {
                    out.push(',');
                }
                string(&mut out, self.posts.get(*p).map_or("", |p| p.id.as_str()));
            }
            out.push_str("]}");
        }
        out.push_str("]}\n");
        out
    }
}
