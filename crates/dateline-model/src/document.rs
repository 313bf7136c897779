//! Documents read from pages, and their posts.

use serde::{Deserialize, Serialize};

use crate::{PageContext, ResolvedTime, TimeExpression};

/// What every writer calls the outlet of a document whose [`Document::outlet`] is unknown.
pub const UNKNOWN_OUTLET: &str = "unknown outlet";

/// What kind of page a document came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum DocumentKind {
    /// A live blog: many timestamped posts.
    LiveBlog,
    /// An article: one item at its dateline.
    Article,
    /// The layout could not tell.
    Unknown,
}

/// One page, read: its metadata, its posts, and what was left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Document {
    /// Stable id from the page's bytes ([`crate::content_id`]).
    pub id: String,
    /// The path the page was read from, as given (`-` for standard input).
    pub path: String,
    /// The outlet, such as `The Independent`, when recognised; else the domain of the page's
    /// address (`example.com`, `www.` dropped) when it has one. Writers name a page with neither
    /// [`UNKNOWN_OUTLET`], never by its path.
    pub outlet: Option<String>,
    /// The layout that read the page, such as `independent-liveblog` or `generic`.
    pub layout: String,
    /// Live blog, article or unknown.
    pub kind: DocumentKind,
    /// The page's headline.
    pub title: Option<String>,
    /// The line under the headline that sums up the story.
    pub standfirst: Option<String>,
    /// The names in the page's byline, in order.
    pub bylines: Vec<String>,
    /// When the page says it was published (its dateline).
    pub published: Option<ResolvedTime>,
    /// When the page says it was last updated.
    pub updated: Option<ResolvedTime>,
    /// The number of posts the page says it has ("26 Posts"), which may exceed what its text holds.
    pub declared_posts: Option<u32>,
    /// The page's statement of the zone its times are in, if it makes one.
    pub zone_statement: Option<ZoneStatement>,
    /// Paragraphs about the whole story that belong to no post: key points, an introduction.
    pub summary: Vec<String>,
    /// The items: the posts of a live blog, or the one item of an article.
    pub posts: Vec<Post>,
    /// Lines that are not part of any item, and why.
    pub dropped: Vec<Dropped>,
    /// What was decided about the page as a whole before its posts were read (its address,
    /// language, country, zone, capture time), each decision with its evidence.
    #[serde(default)]
    pub context: PageContext,
}

impl Document {
    /// An empty document for a page, with its id computed from the page's bytes.
    pub fn new(path: impl Into<String>, layout: impl Into<String>, bytes: &[u8]) -> Self {
        Document {
            id: crate::content_id(bytes),
            path: path.into(),
            outlet: None,
            layout: layout.into(),
            kind: DocumentKind::Unknown,
            title: None,
            standfirst: None,
            bylines: Vec::new(),
            published: None,
            updated: None,
            declared_posts: None,
            zone_statement: None,
            summary: Vec::new(),
            posts: Vec::new(),
            dropped: Vec::new(),
            context: PageContext::default(),
        }
    }
}

/// A page's statement of the zone its times are in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ZoneStatement {
    /// The line of the statement.
    pub line: u32,
    /// The statement as printed.
    pub text: String,
    /// The zone it names, as an IANA name or `UTC`.
    pub zone: String,
}

impl ZoneStatement {
    /// A zone statement from its line, its text and the zone it names.
    pub fn new(line: u32, text: impl Into<String>, zone: impl Into<String>) -> Self {
        ZoneStatement {
            line,
            text: text.into(),
            zone: zone.into(),
        }
    }
}

/// One item of a page: a live-blog post, or an article's single item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Post {
    /// `DOCUMENT_ID:LINE`, unique in a run and stable across runs.
    pub id: String,
    /// The 1-based line of the post's timestamp.
    pub line: u32,
    /// The first and last lines the post spans, stamp and footer included.
    pub lines: [u32; 2],
    /// The post's time, when it could be resolved.
    pub time: Option<ResolvedTime>,
    /// The author, when the post names one (a footer byline, "By CNN's ...").
    pub author: Option<String>,
    /// The post's own headline, when it has one.
    pub headline: Option<String>,
    /// The credit line as printed, such as `From CNN's Barbara Starr`.
    pub attribution: Option<String>,
    /// The body: paragraphs joined by a blank line, boilerplate and credits removed.
    pub text: String,
    /// The time expressions in the post's headline and body, read against the post's time.
    pub expressions: Vec<TimeExpression>,
    /// Whether the post was read from the visible page. An HTML page's machine data can hold
    /// posts the page does not show, or shows with no time (its headline as a line of text
    /// outside any post); they are kept, with `visible: false`, never silently dropped. Their
    /// `line` is the line that shows their headline, else 0 (their place in the file is then
    /// [`Post::source`], in the machine data). Omitted from JSON when true.
    #[serde(default = "visible_default", skip_serializing_if = "is_visible")]
    pub visible: bool,
    /// Where the post stands in the file itself, for a page whose read text is not the file (a
    /// saved HTML page, read through its visible text): the position of its stamp, else its
    /// headline, else its first text; for a post known only from machine data, of its update's
    /// date (else headline) in the JSON-LD. `line` and `lines` count the read text; this counts
    /// the file. Omitted from JSON when there is none (a text copy, whose lines are the file's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourcePosition>,
}

/// A position in the file a page was read from: the 1-based line (LF, CRLF and a lone CR each end
/// one) and the 1-based column, counted in characters of that line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct SourcePosition {
    /// The 1-based line of the file.
    pub line: u32,
    /// The 1-based column, in characters of that line.
    pub column: u32,
}

impl SourcePosition {
    /// A position from its 1-based line and column.
    pub fn new(line: u32, column: u32) -> Self {
        SourcePosition { line, column }
    }
}

fn visible_default() -> bool {
    true
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference.
fn is_visible(visible: &bool) -> bool {
    *visible
}

impl Post {
    /// An empty post whose stamp stands on `line` of the document `doc_id`.
    pub fn new(doc_id: &str, line: u32) -> Self {
        Post {
            id: format!("{doc_id}:{line}"),
            line,
            lines: [line, line],
            time: None,
            author: None,
            headline: None,
            attribution: None,
            text: String::new(),
            expressions: Vec::new(),
            visible: true,
            source: None,
        }
    }

    /// The line a reader finds the post on in the file it was read from: the file's own line
    /// ([`Post::source`]) where the read text is not the file, else [`Post::line`]. This is the
    /// line every `path:line` shows.
    pub fn cited_line(&self) -> u32 {
        self.source.map_or(self.line, |s| s.line)
    }
}

/// A run of lines that belongs to no item, with the reason it was left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Dropped {
    /// The first and last line of the run.
    pub lines: [u32; 2],
    /// Why it was left out.
    pub reason: DropReason,
    /// The first line's text, shortened, so a reader can see what it was.
    pub sample: String,
}

impl Dropped {
    /// A dropped run of lines, with its reason and a sample of its first line.
    pub fn new(lines: [u32; 2], reason: DropReason, sample: impl Into<String>) -> Self {
        Dropped {
            lines,
            reason,
            sample: sample.into(),
        }
    }
}

/// Why lines were left out of every item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum DropReason {
    /// Site furniture: navigation, sign-up and comment prompts, donation appeals.
    Boilerplate,
    /// Media residue: a video's length, player messages, photo credits and captions.
    Media,
    /// Links to other stories ("Read more").
    Link,
    /// Lines the layout recognised as page metadata already kept elsewhere (a date line, a post count).
    Metadata,
    /// Lines that looked like content but fit no item; always also reported as a diagnostic.
    Unplaced,
}
