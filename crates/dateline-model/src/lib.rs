//! The data that flows between dateline's crates.
//!
//! dateline turns saved news pages into one timeline in UTC. The stages are separate crates
//! (`dateline-sources` reads pages, `dateline-time` resolves stamps, `dateline-merge` builds events,
//! `dateline-formats` writes them), and this crate is the vocabulary they share: plain serde data
//! with public fields and no behaviour beyond constructors and ids.
//!
//! The principal type is [`Timeline`]: the [`Document`]s that were read, each with its [`Post`]s and
//! their [`ResolvedTime`]s, the [`Event`]s built from them, and the [`Diagnostic`]s said on the way.
//! Its JSON form is the contract documented in `docs/json.md`; [`FORMAT_VERSION`] is bumped on any
//! breaking change, while new fields may appear at any time.
//!
//! ```
//! use dateline_model::{Document, DocumentKind, Post, Timeline};
//!
//! let mut doc = Document::new("seeds/page.txt", "text", b"page bytes");
//! doc.kind = DocumentKind::Article;
//! doc.posts.push(Post::new(&doc.id, 6));
//! assert_eq!(doc.posts[0].id, format!("{}:6", doc.id));
//!
//! let mut timeline = Timeline::default();
//! timeline.documents.push(doc);
//! assert_eq!(timeline.version, dateline_model::FORMAT_VERSION);
//! assert!(timeline.post(&timeline.documents[0].posts[0].id).is_some());
//! ```
//!
//! # Design
//!
//! Ids are derived from content, never from a counter over a run: a document's id is a hash of its
//! bytes, a post's id is its document's id and the line of its stamp, and an event's id is a hash of
//! its posts' ids. The same pages therefore give the same ids in any order and on any machine.
//! Every time keeps the line and the raw text it was read from and the rule that resolved it, so a
//! reader can always ask "where did this come from, and why".
//!
//! [`Precision`], [`Interval`], [`Granularity`] and [`ExpressionKind`] are `dateline-time`'s own
//! types, re-exported: a concept the time crate and the contract share has one type, which
//! serialises as the contract says. The chrono of the fields is re-exported as [`chrono`], so a
//! user needs no chrono dependency of its own.
//!
//! A source plugin's answer (`docs/plugins.md`) is read into a [`SourceReply`], here rather than in
//! the CLI, so that every reader of the protocol reads it the same way.
//!
//! With the `schema` feature, `json_schema()` gives the JSON Schema of the contract, derived from
//! these types with `schemars`; `cargo xtask codegen` writes it to `docs/schema/`.

#![deny(missing_docs)]

mod context;
mod diagnostic;
mod document;
mod event;
mod id;
mod protocol;
#[cfg(feature = "schema")]
mod schema;
mod time;

/// The chrono crate whose types are in the model's fields (`DateTime<Utc>`, `NaiveDate`,
/// `FixedOffset`), so that a user needs no chrono dependency of its own.
pub use chrono;
pub use context::{Clue, Decision, PageContext, Question};
pub use diagnostic::{Diagnostic, Excerpt, Severity};
pub use document::{
    Document, DocumentKind, DropReason, Dropped, Post, SourcePosition, UNKNOWN_OUTLET,
    ZoneStatement,
};
pub use event::{Check, Event, Evidence, Related, Relation, Report, Signal};
pub use id::{content_id, event_id};
pub use protocol::SourceReply;
#[cfg(feature = "schema")]
pub use schema::{SCHEMA_ID, json_schema};
pub use time::{
    Basis, ExpressionKind, Granularity, Inference, Interval, Precision, ResolvedTime,
    TimeExpression, ZoneSource,
};

use serde::{Deserialize, Serialize};

/// The version of the JSON contract (`docs/json.md`). Bumped on a breaking change only.
pub const FORMAT_VERSION: u32 = 1;

/// Everything one run produced: the documents read, the events built and what was said on the way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Timeline {
    /// The contract's version, [`FORMAT_VERSION`] when produced by this crate.
    pub version: u32,
    /// The documents, in the order of their paths.
    pub documents: Vec<Document>,
    /// The events, sorted by UTC time, then by id.
    pub events: Vec<Event>,
    /// Run-level diagnostics and those of every document, in a stable order.
    pub diagnostics: Vec<Diagnostic>,
}

impl Default for Timeline {
    fn default() -> Self {
        Timeline {
            version: FORMAT_VERSION,
            documents: Vec::new(),
            events: Vec::new(),
            diagnostics: Vec::new(),
        }
    }
}

impl Timeline {
    /// Finds a post by its id.
    pub fn post(&self, id: &str) -> Option<(&Document, &Post)> {
        let (doc_id, _) = id.split_once(':')?;
        let doc = self.documents.iter().find(|d| d.id == doc_id)?;
        let post = doc.posts.iter().find(|p| p.id == id)?;
        Some((doc, post))
    }
}

/// The README's example, compiled and run as a doctest so that it stays true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
