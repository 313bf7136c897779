//! dateline's merge stage: documents in, events out, one event per real-world occurrence, across
//! outlets, with the evidence.
//!
//! The pages dateline reads become [`Document`]s, each with its posts and
//! their resolved times. This crate turns them into the timeline's
//! [`Event`]s. An event is one real-world occurrence (the same statement or
//! tweet, the same strike, the same phone call, the same announcement) together with every post that
//! reports it. Reactions to it, analysis of it and later recaps are other events. When The
//! Independent (12:45 UK time) and DW (12:53 UTC) both report Trump's "Iran never won a war, but
//! never lost a negotiation!", the timeline has one event with two reports, says The Independent had
//! it first and DW eight minutes later, and keeps the evidence: the shared quote, the shared names,
//! each signal's score and the time gap.
//!
//! # Signals
//!
//! Two posts are compared on several signals, none decisive alone, and their contributions are
//! summed (see `docs/merging.md` for the weights):
//!
//! - **quote**: a verbatim quotation of five words or more found in both (quotes normalised: curly
//!   and straight marks, case, punctuation). The strongest signal, but translations differ, so it is
//!   never required.
//! - **content** and **lead**: the rarity-weighted (IDF) cosine of the content words of the whole
//!   posts and of their headlines or first sentences. Paragraphs of context ("Some context:") are
//!   left out: they recap other events. Rarity counts the input as if it came with a hundred more
//!   posts that carry none of its words, so that in a few articles about one story the story's
//!   words still weigh.
//! - **entities**: the rarity-weighted overlap of names (capitalised words with a stop list,
//!   nationalities read as countries, numbers).
//! - **predicate**: the same verb lemma (`tweet`, `suspend`, `strike`, `urge`, `leave`...) in both.
//! - **organisation**: the organisation that speaks must agree: "Russia's defence ministry said X"
//!   and "Russia's foreign ministry said Y" are two events.
//! - **time**: a soft score, a small bonus within two hours, nothing at twelve, a growing penalty past
//!   a day, so that beyond a day and a half only overwhelming evidence merges. Times are compared
//!   as the spans their stamps allow: a page dated only by its day is at no distance from a report
//!   made that day.
//! - **outlet**: a prior against two posts of one outlet being the same event.
//!
//! An article (a one-item document) is judged by its headline and lead (its first two paragraphs).
//!
//! # Pipeline
//!
//! 1. **Features**, once per post and in parallel: word stems and names as ids into a vocabulary of
//!    every post's tokens, with their rarity, quote shingles (runs of five words), predicates and
//!    organisations as bit sets. Words are stemmed in the report's language when its page's
//!    context is sure of one other than English (Snowball stems, that language's stop words); a
//!    body's name spelled out also gives its acronym (`Popular Mobilization Forces`, `PMF`).
//! 2. **Blocking**: no all-pairs comparison. Each post is indexed under its rarest words and its
//!    quote shingles; a word carried by too many posts is not indexed. Within a posting list sorted
//!    by time, a post meets the next few posts within twice [`Options::max_gap_hours`]. Pairs that
//!    meet through two keys, or one quote shingle, are candidates.
//! 3. **Scoring** of the candidates, in parallel.
//! 4. **Clustering**: union-find over the pairs at or above [`Options::merge_threshold`], best first,
//!    with guards: two reports of one outlet are put together only above
//!    [`Options::same_outlet_threshold`] (a follow-up is linked, not merged), and a join that would
//!    stretch an event beyond [`Options::max_gap_hours`] needs [`Options::overwhelming`] evidence.
//! 5. **Events and checks**: each event lists its reports with their lag behind the first, the
//!    evidence of each join, its related events (near misses as "possibly the same", same-outlet
//!    follow-ups) and the checks on its times: a report stamped hours before every other outlet's,
//!    where a real zone would fit, or before a time its own text gives, is not crowned first
//!    reporter, and a warning says so. An outlet shifted by the same whole number of hours across
//!    several events is named once. Events, their evidence and the explanations are built in
//!    parallel.
//!
//! [`merge`] returns a [`Merged`]: the events sorted by UTC time and then by id, the diagnostics,
//! and an [`Explanation`] for each decision worth explaining (each join, each near miss, each join
//! a guard refused), for `--explain`. [`try_merge`] is the strict variant: it refuses, with an
//! [`Error`] (of [`ErrorKind::DuplicatePost`]), input in which two posts share an id.
//!
//! ```
//! use dateline_merge::dateline_model::chrono::{DateTime, Utc};
//! use dateline_merge::dateline_model::{Basis, DocumentKind, Post, ResolvedTime, ZoneSource};
//! use dateline_merge::{Document, Options, Verdict, merge};
//!
//! fn blog(outlet: &str, bytes: &[u8], posts: &[(u32, &str, &str)]) -> Document {
//!     let mut doc = Document::new(format!("{outlet}.txt"), "generic", bytes);
//!     doc.kind = DocumentKind::LiveBlog;
//!     doc.outlet = Some(outlet.to_owned());
//!     for &(line, utc, text) in posts {
//!         let utc: DateTime<Utc> = utc.parse().unwrap_or_default();
//!         let basis = Basis::new("clock", ZoneSource::PageStatement { line: 1 });
//!         let mut post = Post::new(&doc.id, line);
//!         post.time = Some(ResolvedTime::new(line, "", utc, utc.fixed_offset(), "UTC", basis));
//!         post.text = text.to_owned();
//!         doc.posts.push(post);
//!     }
//!     doc
//! }
//!
//! let independent = blog("The Independent", b"one page", &[
//!     (42, "2020-01-03T12:45:00Z", "Donald Trump has made his first statement since the bombing.\n\n\
//!         \"Iran never won a war, but never lost a negotiation!\" he said."),
//!     (56, "2020-01-03T13:04:00Z", "Russia's Ministry of Defence has called the killing short-sighted."),
//! ]);
//! let dw = blog("DW", b"another page", &[
//!     (175, "2020-01-03T12:53:00Z", "US President Donald Trump responded with a cryptic tweet.\n\n\
//!         \u{201c}Iran never won a war, but never lost a negotiation!\u{201d} Trump wrote."),
//!     (327, "2020-01-03T08:12:00Z", "The Russian foreign ministry said in a statement it was concerned."),
//! ]);
//!
//! let merged = merge(&[dw, independent], &Options::default());
//! assert_eq!(merged.events.len(), 3);
//! let tweet = merged.events.iter().find(|e| e.posts.len() == 2).ok_or("no merge")?;
//! assert_eq!(tweet.outlets, ["The Independent", "DW"]);
//! assert_eq!(tweet.first_reporter.as_deref(), Some("The Independent"));
//! assert_eq!(tweet.reports[1].lag_minutes, 8);
//! assert_eq!(tweet.evidence[0].quotes, ["iran never won a war but never lost a negotiation"]);
//! assert!(merged.explanations.iter().any(|x| x.verdict == Verdict::Merged));
//! # Ok::<(), &str>(())
//! ```
//!
//! # Design
//!
//! Events are a pure function of the documents. `merge` reads no clock, no files and no
//! environment, and nothing in it depends on the order it was given: posts are numbered in the order
//! of their ids, tokens are stable hashes (never `std::hash`) and a token's id is its hash's rank
//! among all of them, pairs are visited best first with ties broken by post order, a cluster's root
//! is its smallest post, and events are sorted by UTC time and then by id. The same documents in any order give byte-identical output. Ids come from
//! [`event_id`](dateline_model::event_id) over the sorted post ids, so they are stable across runs.
//!
//! The key decision is to score and cluster, rather than to match with rules: every signal adds or
//! takes a little, the sum decides, and each decision keeps its numbers, so a reader can see why two
//! reports were merged and why the closest candidates were not. Clustering is greedy single linkage,
//! kept in check by guards (one outlet, a longest span) rather than a global optimisation, because it
//! is near-linear and every join is explainable by one pair.

#![deny(missing_docs)]

mod blocking;
mod checks;
mod cluster;
mod error;
mod events;
mod explain;
mod features;
mod gather;
mod headline;
mod merge;
pub mod partition;
mod score;
mod text;
mod tokens;
mod tongue;

/// The model crate whose [`Document`]s [`merge`] reads and whose [`Event`]s and [`Diagnostic`]s
/// it gives.
pub use dateline_model;
pub use dateline_model::{Diagnostic, Document, Event};
pub use error::{Error, ErrorKind};
pub use explain::{Explanation, Verdict};
pub use gather::{Page, gather, untold};
pub use merge::{Merged, Options, merge, try_merge};

/// The README's example, compiled and run as a doctest so that it stays true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
