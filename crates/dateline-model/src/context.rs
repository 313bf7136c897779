//! A page's context: what was decided about a page as a whole before its posts were read, and on
//! what evidence.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// What was decided about a page before its posts were read: whose it is, in which language and
/// zone its clocks are, when it was published, updated and saved. Each decision keeps the clue that
/// won and the clues that lost, so a reader can audit it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct PageContext {
    /// The page's own address (its canonical link or `og:url`).
    pub url: Option<String>,
    /// The language of the page's text, as an ISO 639-1 code (`it`).
    pub language: Option<String>,
    /// The outlet's country, as an ISO 3166-1 alpha-2 code (`IT`).
    pub country: Option<String>,
    /// The zone the page's clocks are read in when they print none: an IANA name (a fixed offset
    /// the page states is named as one, `Etc/GMT-2`), or `UTC`.
    pub zone: Option<String>,
    /// The clue the zone was decided by, in words (`the page's address ends in .it`).
    pub zone_source: Option<String>,
    /// When the page was saved: the "now" of its relative times (`4m ago`).
    pub captured_at: Option<DateTime<Utc>>,
    /// Every decision, in the order they were taken.
    pub decisions: Vec<Decision>,
}

/// A question about a page that its context answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Question {
    /// The page's own address.
    Url,
    /// The outlet that published the page.
    Outlet,
    /// The language of the page's text.
    Language,
    /// The outlet's country.
    Country,
    /// The zone of the page's clocks.
    Zone,
    /// When the page says it was first published.
    Published,
    /// When the page says it was last updated.
    Updated,
    /// The day the page's bare clocks fall on.
    PageDate,
    /// When the page was saved.
    CapturedAt,
    /// Whether the page is a live blog or an article.
    Kind,
    /// Whether the page's posts run newest first or oldest first.
    Order,
}

impl Question {
    /// The question's kebab-case name, as the JSON writes it.
    pub fn name(self) -> &'static str {
        match self {
            Question::Url => "url",
            Question::Outlet => "outlet",
            Question::Language => "language",
            Question::Country => "country",
            Question::Zone => "zone",
            Question::Published => "published",
            Question::Updated => "updated",
            Question::PageDate => "page-date",
            Question::CapturedAt => "captured-at",
            Question::Kind => "kind",
            Question::Order => "order",
        }
    }
}

/// One decision about a page: the answer, the clue that won it, and what disagreed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Decision {
    /// What was decided.
    pub question: Question,
    /// The answer, as text (`Europe/Rome`, `2020-04-15T08:14:00+02:00`, `live-blog`); `None` when
    /// no clue answered.
    pub value: Option<String>,
    /// The clue that won.
    pub clue: Option<Clue>,
    /// Other clues that gave the same answer.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agreeing: Vec<Clue>,
    /// The strongest clues for other answers, strongest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub runners_up: Vec<Clue>,
    /// A contradiction worth a reader's attention: a strong clue that lost.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Decision {
    /// A decision with its answer and nothing else yet.
    pub fn new(question: Question, value: Option<String>) -> Self {
        Decision {
            question,
            value,
            clue: None,
            agreeing: Vec::new(),
            runners_up: Vec::new(),
            note: None,
        }
    }
}

/// One piece of evidence on a page: what it says, where it stands, how much it weighs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Clue {
    /// The answer it supports, as text.
    pub supports: String,
    /// What kind of evidence it is, in words (`JSON-LD datePublished`, `a labelled line`,
    /// `stamps that print BST`, `the page's address`).
    pub kind: String,
    /// The line of the page's text it stands on, when it stands on one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    /// The evidence as the page gives it (a line's text, an attribute's value), shortened.
    pub text: String,
    /// How much it weighs in its decision.
    pub weight: u32,
}

impl Clue {
    /// A clue for an answer, of a kind, with its text and weight.
    pub fn new(
        supports: impl Into<String>,
        kind: impl Into<String>,
        text: impl Into<String>,
        weight: u32,
    ) -> Self {
        Clue {
            supports: supports.into(),
            kind: kind.into(),
            line: None,
            text: text.into(),
            weight,
        }
    }
}
