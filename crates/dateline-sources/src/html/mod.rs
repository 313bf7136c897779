//! Saved HTML pages: their visible text and every machine-readable fact they carry.
//!
//! [`extract`] parses a page once with html5ever (through `scraper`, scripting off, as a browser
//! with JavaScript disabled builds it) and walks the tree to give an [`HtmlPage`]:
//!
//! - the visible text, as `document.body.innerText` gives it ([`text`]), for the text layouts;
//! - the machine data ([`Machine`]): schema.org JSON-LD ([`ld`]), microdata ([`microdata`]),
//!   `<time datetime>` elements, `<meta>` times and names, the canonical link, the language and the
//!   title ([`meta`]), each fact kept with its [`Source`] and its raw string;
//! - notes about what could not be read (invalid JSON-LD) or was bounded (markup nested deeper
//!   than a browser builds it, elements with too many attributes: [`bound`]), as diagnostics.
//!
//! Nothing here decides which source to trust: the reader cross-checks them. Every walk over the
//! tree is iterative and linear, so deep nesting or huge pages cost no stack and no quadratic time.

mod bound;
mod capped;
mod embedded;
mod entities;
mod ld;
mod meta;
mod microdata;
mod position;
mod reconcile;
mod text;
mod time;

pub(crate) use reconcile::{prepare, reconcile};

use dateline_model::{Diagnostic, Document, SourcePosition};
use html5ever::tendril::TendrilSink;
use scraper::Html;

pub(crate) use position::Locator;

#[allow(unused_imports)] // The reader uses them next.
pub(crate) use time::{MachineTime, ParsedTime, parse_machine_time};

/// Where a machine-readable fact came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Source {
    /// A `<script type="application/ld+json">` block, numbered from 1 in document order.
    JsonLd {
        /// The block's number, from 1.
        block: usize,
    },
    /// Microdata (`itemscope`/`itemprop` attributes).
    Microdata,
    /// A `<time datetime>` element.
    TimeElement,
    /// An element whose class marks it as the publication or update time and whose `title`
    /// holds the machine time (the hAtom microformat, as blog templates print it:
    /// `<abbr class="published" title="2020-06-22T09:30:00+02:00">`), by its tag.
    Titled {
        /// The element's tag name.
        tag: String,
    },
    /// A `<meta>` element, by its name or property.
    Meta {
        /// The `property`, `name` or `http-equiv` it carried, as written.
        name: String,
    },
    /// A `data-` attribute that holds a time, on the element that shows it
    /// (`<span data-timestamp="1678626300">12 March 2023</span>`).
    Attribute {
        /// The element's tag name.
        tag: String,
        /// The attribute's name.
        attr: String,
    },
    /// JSON the page embeds for its own scripts ([`embedded`]): a framework's state, analytics
    /// metadata.
    Embedded {
        /// Where it stands: `<script id="__NEXT_DATA__">`, `<meta parsely-page>`.
        name: String,
        /// Whether the object that holds the time is titled with the page's headline.
        titled: bool,
    },
}

impl Source {
    /// Where a machine time came from, as a person reads it, with `what` it gave (the field's
    /// name, or the mark of a microdata property): `JSON-LD block 2: datePublished`,
    /// `<meta article:published_time>`.
    pub(crate) fn field(&self, what: &str) -> String {
        match self {
            Source::JsonLd { block } => format!("JSON-LD block {block}: {what}"),
            Source::Microdata => format!("microdata: {what}"),
            Source::TimeElement => "<time datetime>".to_owned(),
            Source::Titled { tag } => format!("<{tag} title>"),
            Source::Meta { name } => format!("<meta {name}>"),
            Source::Attribute { tag, attr } => format!("<{tag} {attr}>"),
            Source::Embedded { name, .. } => format!("{name}: {what}"),
        }
    }
}

/// A string value with where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Sourced {
    /// The value, trimmed.
    pub value: String,
    /// Where it came from.
    pub source: Source,
}

/// What kind of creative work a structured item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ItemKind {
    /// A schema.org `LiveBlogPosting`.
    LiveBlog,
    /// A `NewsArticle`, `ReportageNewsArticle`, `Article`, `BlogPosting` or similar.
    Article,
    /// A `WebPage` (lower priority than an article).
    WebPage,
}

/// A creative work described by JSON-LD or microdata: a live blog, an article or a web page.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Item {
    /// Where it came from.
    pub source: Source,
    /// What kind of work it is.
    pub kind: ItemKind,
    /// The `@type` (or `itemtype`) as written, without the schema.org prefix.
    pub type_name: String,
    /// `headline` (or `name` when there is no headline).
    pub headline: Option<String>,
    /// `datePublished`.
    pub published: Option<MachineTime>,
    /// `dateModified`.
    pub modified: Option<MachineTime>,
    /// `coverageStartTime` (live blogs).
    pub coverage_start: Option<MachineTime>,
    /// `coverageEndTime` (live blogs).
    pub coverage_end: Option<MachineTime>,
    /// Author names, in order.
    pub authors: Vec<String>,
    /// `url` or `@id` when it is a URL.
    pub url: Option<String>,
    /// The live blog's updates (`liveBlogUpdate`), in the order the page gives them.
    pub updates: Vec<Update>,
    /// How many updates the page lists past the limit of posts, skipped unread.
    pub updates_left_out: usize,
    /// Where its `datePublished` value stands in the file (JSON-LD only).
    pub published_at: Option<SourcePosition>,
}

impl Item {
    fn new(source: Source, kind: ItemKind, type_name: impl Into<String>) -> Self {
        Item {
            source,
            kind,
            type_name: type_name.into(),
            headline: None,
            published: None,
            modified: None,
            coverage_start: None,
            coverage_end: None,
            authors: Vec::new(),
            url: None,
            updates: Vec::new(),
            updates_left_out: 0,
            published_at: None,
        }
    }
}

/// One `liveBlogUpdate` of a live blog.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Update {
    /// `headline`.
    pub headline: Option<String>,
    /// `articleBody`, as the page gives it (JSON-LD string or microdata text).
    pub body: Option<String>,
    /// `datePublished`.
    pub published: Option<MachineTime>,
    /// `dateModified`.
    pub modified: Option<MachineTime>,
    /// Author names, in order.
    pub authors: Vec<String>,
    /// `url` (often the page URL with a fragment naming the post).
    pub url: Option<String>,
    /// Where the update stands in the file: its `datePublished` value (else its `headline`) in
    /// the JSON-LD block, or the block's start; none for microdata.
    pub at: Option<SourcePosition>,
}

/// What a page-level time says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TimeRole {
    /// When the page was first published.
    Published,
    /// When the page was last modified or updated.
    Modified,
    /// Neither said (a `<time>` element, a bare `date` meta).
    Unknown,
}

/// A page-level time outside the structured items: a `<meta>`, a `<time>` element or microdata.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PageTime {
    /// What the time says about the page.
    pub role: TimeRole,
    /// The time, with its raw string and source.
    pub time: MachineTime,
    /// The element's visible text, for `<time>` elements (collapsed whitespace).
    pub text: Option<String>,
    /// For `<time>` elements, what marks it as the page's own time: its `pubdate` attribute, an
    /// `itemprop`, or a class that names publication or update (`entry-date published`).
    pub mark: Option<String>,
    /// The element's place among the page's elements, in document order (`<meta>`s are in the
    /// head, so 0 for them): with [`Machine::headline_at`], whether it stands after the headline.
    pub order: usize,
    /// Whether the element sits inside a quotation (`<blockquote>`), as embedded social posts do:
    /// their times are the quoted post's, not the page's.
    pub quoted: bool,
}

/// Every machine-readable fact of a page, each with its source.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Machine {
    /// Live blogs, articles and web pages from JSON-LD and microdata, in document order
    /// (JSON-LD first).
    pub items: Vec<Item>,
    /// Page-level times from `<meta>`, `<time datetime>` and page-level microdata.
    pub times: Vec<PageTime>,
    /// Site names: `og:site_name`, JSON-LD `publisher`/`isPartOf` names, and the like.
    pub site_names: Vec<Sourced>,
    /// `og:title` and `twitter:title`.
    pub titles: Vec<Sourced>,
    /// `og:type`.
    pub og_type: Option<String>,
    /// `og:url`.
    pub og_url: Option<String>,
    /// `<link rel="canonical">`.
    pub canonical: Option<String>,
    /// The address a web archive (MHTML) says the page was saved from.
    pub saved_from: Option<String>,
    /// `<html lang>`.
    pub lang: Option<String>,
    /// The document's `<title>`, whitespace collapsed.
    pub title: Option<String>,
    /// `og:locale` (`it_IT`).
    pub locale: Option<String>,
    /// The place of the page's first `<h1>` among its elements, in document order.
    pub headline_at: Option<usize>,
    /// The page's first `<h1>`, whitespace collapsed.
    pub h1: Option<String>,
}

impl Machine {
    /// The live blogs among the items.
    #[cfg(test)]
    pub fn live_blogs(&self) -> impl Iterator<Item = &Item> {
        self.items.iter().filter(|i| i.kind == ItemKind::LiveBlog)
    }

    /// What the machine data holds, in a few words: "JSON-LD LiveBlogPosting (26 updates),
    /// 3 <meta> times, 1 <time>", or "no machine data".
    pub fn summary(&self) -> String {
        let mut parts: Vec<String> = self
            .items
            .iter()
            .map(|i| {
                let from = match i.source {
                    Source::JsonLd { .. } => "JSON-LD",
                    Source::Microdata => "microdata",
                    _ => "markup",
                };
                if i.updates.is_empty() {
                    format!("{from} {}", i.type_name)
                } else {
                    format!("{from} {} ({} updates)", i.type_name, i.updates.len())
                }
            })
            .collect();
        // The page-level times by source, in one pass, each kind named as the summary says it.
        const KINDS: [&str; 5] = [
            "<meta> times",
            "<time> elements",
            "times in a title attribute",
            "times in a data- attribute",
            "times in the page's embedded JSON",
        ];
        let mut counts = [0usize; KINDS.len()];
        for t in &self.times {
            let kind = match t.time.source {
                Source::Meta { .. } => 0,
                Source::TimeElement => 1,
                Source::Titled { .. } => 2,
                Source::Attribute { .. } => 3,
                Source::Embedded { .. } => 4,
                Source::JsonLd { .. } | Source::Microdata => continue,
            };
            if let Some(n) = counts.get_mut(kind) {
                *n += 1;
            }
        }
        for (n, what) in counts.into_iter().zip(KINDS) {
            if n > 0 {
                parts.push(format!("{n} {what}"));
            }
        }
        if parts.is_empty() {
            "no machine data".to_owned()
        } else {
            format!("its machine data: {}", parts.join(", "))
        }
    }
}

/// A parsed HTML page: visible text, machine data and notes.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct HtmlPage {
    /// The visible text as `document.body.innerText` gives it with JavaScript off.
    pub text: String,
    /// The machine-readable facts.
    pub machine: Machine,
    /// What could not be read or was repaired (`json-ld-invalid`, `json-ld-repaired`).
    pub notes: Vec<Diagnostic>,
    /// Where the visible text stands in the file.
    pub locator: Locator,
}

impl HtmlPage {
    /// Where each place of the visible text (a 1-based line and a byte offset in it) stands in
    /// `file`, the page's text as it was handed to [`extract`].
    pub(crate) fn locate(
        &self,
        file: &str,
        queries: &[(u32, usize)],
    ) -> Vec<Option<SourcePosition>> {
        self.locator.locate(&self.text, file, queries)
    }

    /// Gives every post of `doc` and every diagnostic about one of its lines the position in
    /// `file` where it stands: a post's stamp (else the first text of its line: its headline or
    /// its first words), a diagnostic's line where a post's stamp stands on it, else its first
    /// text. Posts from machine data only already have theirs (their update's), unless the page
    /// shows their headline (a line of theirs).
    pub(crate) fn place(
        &self,
        file: &str,
        doc: &mut Document,
        diagnostics: &mut [Diagnostic],
        stamp_line: impl Fn(u32) -> bool,
    ) {
        let mut queries: Vec<(u32, usize)> = Vec::new();
        let mut headlines = Headlines::new(&self.text);
        let machine_dated =
            crate::context::main_item(&self.machine).and_then(|item| item.published_at);
        let mut cited_machine: Vec<String> = Vec::new();
        for post in doc.posts.iter().filter(|p| p.line > 0) {
            let stamp = post
                .time
                .as_ref()
                .filter(|t| t.line == post.line && !t.raw.is_empty());
            let query = match stamp {
                Some(t) => (post.line, t.span[0] as usize),
                // An item whose line shows no stamp (an article dated by its machine data alone,
                // its item on the page's first line) is cited at its headline.
                None if !stamp_line(post.line) => {
                    match post.headline.as_deref().and_then(|h| headlines.find(h)) {
                        Some(line) => (line, 0),
                        // Neither a stamp nor its headline on the page: its time is the machine
                        // data's, which is cited where it stands.
                        None if post.time.is_some() && machine_dated.is_some() => {
                            cited_machine.push(post.id.clone());
                            (post.line, 0)
                        }
                        None => (post.line, 0),
                    }
                }
                None => (post.line, 0),
            };
            queries.push(query);
        }
        for d in diagnostics.iter().filter(|d| d.path.is_none()) {
            if let Some(line) = d.line.filter(|&l| l > 0) {
                queries.push((line, 0));
            }
        }
        let found = self.locate(file, &queries);
        let mut found = found.into_iter();
        for post in doc.posts.iter_mut().filter(|p| p.line > 0) {
            // A post from machine data whose headline the page shows is cited there.
            post.source = found.next().flatten().or(post.source);
            if cited_machine.contains(&post.id) {
                post.source = machine_dated.or(post.source);
            }
        }
        let stamps: std::collections::HashMap<u32, SourcePosition> = doc
            .posts
            .iter()
            .filter(|p| p.visible)
            .filter_map(|p| Some((p.line, p.source?)))
            .collect();
        for d in diagnostics.iter_mut().filter(|d| d.path.is_none()) {
            if let Some(line) = d.line.filter(|&l| l > 0) {
                let own = found.next().flatten();
                d.source = stamps.get(&line).copied().or(own);
            }
        }
    }
}

/// The lines of the visible text that show a headline, found by the headline with its whitespace
/// collapsed, its case and its quotes' shapes ignored: the first line equal to it, else (for the
/// first few asked) the first line that holds its opening; failing both, the same for its longest
/// part between the separators a page's title adds (`Frain | Incendie…`, `… - 24 Канал`,
/// `…（2020年2月15日）｜BIGLOBEニュース`). The lines are indexed once, on the first question.
struct Headlines<'a> {
    text: &'a str,
    index: Option<std::collections::HashMap<String, u32>>,
    scans: usize,
}

impl<'a> Headlines<'a> {
    /// How many headlines may be looked for line by line when no line equals them.
    const SCANS: usize = 16;

    fn new(text: &'a str) -> Self {
        Headlines {
            text,
            index: None,
            scans: 0,
        }
    }

    fn find(&mut self, headline: &str) -> Option<u32> {
        let key = fold(headline);
        if key.is_empty() {
            return None;
        }
        let mut split = key.clone();
        for separator in [" | ", "｜", " - ", " – ", " — ", "...", "…", " (", "（"] {
            split = split.replace(separator, "\n");
        }
        let part = split
            .split('\n')
            .map(str::trim)
            .max_by_key(|p| p.chars().count())
            .filter(|p| p.chars().count() >= 12 && p.len() < key.len())
            .map(str::to_owned);
        self.find_key(&key)
            .or_else(|| part.and_then(|p| self.find_key(&p)))
    }

    fn find_key(&mut self, key: &str) -> Option<u32> {
        let text = self.text;
        let index = self.index.get_or_insert_with(|| {
            let mut index = std::collections::HashMap::new();
            for (i, line) in text.split('\n').enumerate() {
                let number = u32::try_from(i + 1).unwrap_or(u32::MAX);
                index.entry(fold(line)).or_insert(number);
            }
            index
        });
        if let Some(&line) = index.get(key) {
            return Some(line);
        }
        if self.scans >= Self::SCANS {
            return None;
        }
        self.scans += 1;
        let opening: String = key.chars().take(40).collect();
        text.split('\n')
            .position(|line| fold(line).contains(&opening))
            .and_then(|i| u32::try_from(i + 1).ok())
    }
}

/// A line or a headline as compared: whitespace collapsed, case ignored, curly quotes straight (a
/// title may write `"` where the page prints `“`).
fn fold(text: &str) -> String {
    meta::collapse(text)
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{201e}' => '"',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether `text` is an HTML document, judged by its first markup: after a BOM, whitespace, and
/// comments, it must open with a doctype or one of the tags that begin real pages.
pub(crate) fn looks_like_html(text: &str) -> bool {
    let mut rest = text.trim_start_matches('\u{feff}');
    // Skip whitespace, comments and an XML declaration; a bounded number of them.
    for _ in 0..64 {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix("<!--") {
            match after.find("-->") {
                Some(end) => rest = &after[end + 3..],
                None => return false,
            }
        } else if rest.starts_with("<?xml") {
            match rest.find("?>") {
                Some(end) => rest = &rest[end + 2..],
                None => return false,
            }
        } else {
            break;
        }
    }
    let head: String = rest
        .chars()
        .take(16)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.starts_with("<!doctype html") {
        return true;
    }
    const OPENERS: &[&str] = &[
        "html", "head", "body", "meta", "title", "link", "script", "style", "div", "base",
    ];
    let Some(tag) = head.strip_prefix('<') else {
        return false;
    };
    OPENERS.iter().any(|name| {
        tag.strip_prefix(name).is_some_and(|after| {
            after
                .chars()
                .next()
                .is_some_and(|c| c == '>' || c == '/' || c.is_ascii_whitespace())
        })
    })
}

/// Parses `html` once and extracts its visible text, machine data and notes. Never panics.
///
/// A JSON-LD list of updates longer than `max_updates` is read no further: the rest are only
/// counted ([`Item::updates_left_out`]), so huge machine data costs no more memory than the
/// posts that can be kept.
pub(crate) fn extract(html: &str, max_updates: usize) -> HtmlPage {
    // The tree is bounded first (depth, attributes), as browsers bound it, so that no page costs
    // the tree builder more than linear time.
    let file = html;
    let (html, mut notes) = bound::bound(html);
    let (document, anchors) = parse_located(&html);
    let mut machine = Machine::default();
    let meta::Scripts {
        ld: scripts,
        embedded,
    } = meta::scan(&document, &mut machine);
    let texts: Vec<String> = scripts.iter().map(|(text, _)| text.clone()).collect();
    ld::read_blocks(&texts, max_updates, &mut machine, &mut notes);
    if !embedded.is_empty() {
        let headlines: Vec<String> = machine
            .h1
            .iter()
            .chain(&machine.title)
            .chain(machine.titles.iter().map(|t| &t.value))
            .cloned()
            .collect();
        for (name, about, json) in &embedded {
            embedded::read(name, *about, json, &headlines, &mut machine);
        }
    }
    place_updates(file, &scripts, &anchors, &mut machine);
    microdata::scan(&document, &mut machine);
    let (text, locator) = text::inner_text_located(&document, &anchors);
    HtmlPage {
        text,
        machine,
        notes,
        locator,
    }
}

/// Gives each JSON-LD update the file position of its `datePublished` value (else its
/// `headline`), sought in order in its block's text, so that the updates the page does not show
/// can be cited by the line that holds them.
fn place_updates(
    file: &str,
    scripts: &[(String, Option<ego_tree::NodeId>)],
    anchors: &position::Anchors,
    machine: &mut Machine,
) {
    // Only a page with JSON-LD has anything to place: the file's lines are split for it alone.
    if !machine
        .items
        .iter()
        .any(|i| matches!(i.source, Source::JsonLd { .. }))
    {
        return;
    }
    let mut lines = position::FileLines::new(file);
    let key = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .take(24)
            .flat_map(char::to_lowercase)
            .collect()
    };
    let mut cursors: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    let mut found: std::collections::HashMap<usize, Vec<(usize, &str, usize)>> =
        std::collections::HashMap::new();
    let mut blocks: std::collections::HashMap<usize, position::Block<'_>> =
        std::collections::HashMap::new();
    for item in &mut machine.items {
        let Source::JsonLd { block: number } = item.source else {
            continue;
        };
        let Some((text, Some(node))) = number.checked_sub(1).and_then(|i| scripts.get(i)) else {
            continue;
        };
        let Some(anchor) = anchors.get(node).copied() else {
            continue;
        };
        let block = blocks
            .entry(number)
            .or_insert_with(|| position::Block::new(text, anchor));
        let values = found
            .entry(number)
            .or_insert_with(|| position::values(text, &["datePublished", "headline"]));
        // The item's own publication time, where the page shows no stamp of it.
        if let Some(raw) = item.published.as_ref().map(|t| t.raw.as_str()) {
            item.published_at = values
                .iter()
                .find(|(k, v, _)| *k == 0 && v.trim() == raw)
                .and_then(|&(_, _, at)| block.position(at, &mut lines));
        }
        let cursor = cursors.entry(number).or_insert(0);
        for update in &mut item.updates {
            let date = update.published.as_ref().map(|t| t.raw.as_str());
            let headline = update.headline.as_deref().map(key);
            // Looked for a little way ahead only, so a block of updates costs linear time.
            let hit = values
                .iter()
                .enumerate()
                .skip(*cursor)
                .take(64)
                .find(|(_, (k, v, _))| match *k {
                    0 => date.is_some_and(|d| d == v.trim()),
                    _ => {
                        date.is_none()
                            && headline.as_deref().is_some_and(|h| {
                                // As the reader took it: JSON escapes, then references, undone.
                                let text = serde_json::from_str::<String>(&format!("\"{v}\""))
                                    .unwrap_or_else(|_| (*v).to_owned());
                                key(&entities::decode_entities(&text)) == h
                            })
                    }
                });
            let at = match hit {
                Some((i, &(_, _, at))) => {
                    *cursor = i + 1;
                    at
                }
                None => anchor.offset,
            };
            update.at = block.position(at, &mut lines);
        }
    }
}

/// Parses a document as a browser does with scripting disabled, so `<noscript>` holds markup.
#[cfg(test)]
fn parse(html: &str) -> Html {
    parse_located(html).0
}

/// Parses a document as [`parse`] does, with the file line of each text node's first character.
fn parse_located(html: &str) -> (Html, position::Anchors) {
    let mut opts = html5ever::ParseOpts::default();
    opts.tree_builder.scripting_enabled = false;
    html5ever::driver::parse_document(position::LineSink::new(), opts).one(html)
}

#[cfg(test)]
mod tests;
