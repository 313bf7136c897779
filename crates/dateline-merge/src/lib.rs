//! dateline's merge stage: documents in, events sorted by UTC out.
//!
//! The pages dateline reads become [`Document`](dateline_model::Document)s, each with its posts and
//! their resolved times. This crate turns them into the timeline's
//! [`Event`](dateline_model::Event)s. An event is one real-world occurrence together with the posts
//! that report it.
//!
//! For now an event holds exactly one post: every post with a resolved time becomes an event of
//! its own. Its headline is the post's headline, or else the first sentence of its text (a full stop
//! after `Mr.`, `U.S.` or in `3.5` does not end a sentence), cut at a word to at most
//! [`Options::headline_chars`] characters, or else the page's title. Its outlet is the document's
//! outlet, or the document's path when the outlet is unknown. A post without a resolved time has no
//! place on a timeline: it is left out, with a warning that names its path and line.
//!
//! Later, one event will gather the reports of the same occurrence from several outlets (the same
//! statement reported by The Independent and by DW) and keep the evidence for each merge: the
//! quotes, names and time gaps behind it. The types are already shaped for that. An event lists
//! its posts and outlets, and its id is derived from the set of its post ids.
//!
//! The principal type is [`Merged`], what [`merge`] returns: the events, sorted by UTC time and
//! then by id, and the diagnostics about posts that were left out. [`Options`] holds the few
//! choices there are. [`try_merge`] is the strict variant: it refuses, with an [`Error`], input in
//! which two posts share an id.
//!
//! ```
//! use chrono::{DateTime, Utc};
//! use dateline_merge::{Options, merge};
//! use dateline_model::{Basis, Document, DocumentKind, Post, ResolvedTime, ZoneSource};
//!
//! let mut doc = Document::new("seeds/blog.txt", "generic", b"the page's bytes");
//! doc.kind = DocumentKind::LiveBlog;
//! doc.outlet = Some("DW".to_owned());
//!
//! let utc: DateTime<Utc> = "2020-01-03T12:53:00Z".parse()?;
//! let basis = Basis::new("clock", ZoneSource::PageStatement { line: 3 });
//! let mut post = Post::new(&doc.id, 12);
//! post.time = Some(ResolvedTime::new(12, "12:53", utc, utc.fixed_offset(), "UTC", basis));
//! post.text = "Mr. Trump tweeted about Iran. He gave no details.".to_owned();
//! doc.posts.push(post);
//! doc.posts.push(Post::new(&doc.id, 20)); // no time: left out, with a warning
//!
//! let merged = merge(&[doc], &Options::default());
//! assert_eq!(merged.events.len(), 1);
//! let event = &merged.events[0];
//! assert_eq!(event.utc, utc);
//! assert_eq!(event.headline, "Mr. Trump tweeted about Iran.");
//! assert_eq!(event.outlets, ["DW"]);
//! assert_eq!(merged.diagnostics[0].line, Some(20));
//! # Ok::<(), chrono::ParseError>(())
//! ```
//!
//! # Design
//!
//! Events are a pure function of the documents. `merge` reads no clock, no files and no
//! environment, and nothing in it depends on the order it was given: posts are visited in the order
//! of their ids, events are sorted by UTC time and then by id, and diagnostics by path and line.
//! The same documents in any order give byte-identical output. Ids come from
//! [`Event::new`](dateline_model::Event::new), a hash of the sorted post ids, so they are stable
//! across runs and machines. When the same page is given twice, its posts have the same ids; each
//! post is kept once and a warning says which copy was left out.

#![deny(missing_docs)]

mod error;
mod headline;
mod merge;

pub use error::Error;
pub use merge::{Merged, Options, merge, try_merge};
