//! Generated corpora in the seed layouts, with a gold file, so that dateline's reading and
//! merging can be measured for speed and quality together at any size.
//!
//! [`generate`] invents a world (countries with sibling ministries, their ministers, cities, a
//! vocabulary of pseudo-words in synonym pairs), draws events from it (an actor of an
//! organisation does something to an object in a place, and says a sentence of 8 to 20 words),
//! and has each event reported by one to four outlets. The reports vary as real ones do:
//! reworded (predicate synonyms, clauses reordered, an object word swapped for its synonym),
//! re-quoted (the whole quote, a part of it, or a paraphrase without quote marks) and re-timed
//! (the first report within a quarter of an hour, the others minutes to ten hours later, and one
//! in fifty a whole hour off, as a mislabelled zone). A quarter of the events are distractors
//! built to resemble an earlier one and yet be another occurrence ([`EventKind`]): the same actor
//! doing something else hours later, the same quote from the same organisation on another day
//! (the NATO trap of the seeds), a sibling ministry of the same country in the same hour (the
//! Russian defence and foreign ministries).
//!
//! The reports are printed on pages in the layouts `dateline-sources` reads: The Independent's
//! live blog (footers `Jon Sharman3 January 2020 12:44`, London time) and its articles, DW's live
//! blog (bare `HH:MM` clocks in UTC, newest first, under a page date, so they cross midnights),
//! and CNN's (`12:31 p.m. ET, January 4, 2020`, headline, `From CNN's ...`). Outlets get invented
//! names and cycle through the three layouts; each page keeps the markers its layout's detector
//! looks for. A live-blog page holds 150 to 400 posts over one or several days. The corpus spans
//! one day per 2,000 posts (at least three), so news is as dense at every size.
//!
//! [`Gold`] says, for every post, its page, line, id (`DOCID:LINE`, as `dateline-sources` makes
//! it) and UTC minute, and for every event the posts that report it; [`Gold::to_json`] writes it.
//!
//! ```
//! use dateline_synth::{Spec, generate};
//!
//! let mut pages = Vec::new();
//! let spec = Spec::new(200, 3, 7);
//! let gold = generate(&spec, &mut |name: &str, bytes: &[u8]| {
//!     pages.push((name.to_owned(), bytes.len()));
//!     Ok::<(), std::io::Error>(())
//! })?;
//! assert_eq!(gold.posts.len(), 200);
//! assert_eq!(gold.pages.len(), pages.len());
//! # Ok::<(), std::io::Error>(())
//! ```
//!
//! # Design
//!
//! - **Byte-identical on every machine.** One small generator ([`Rng`], SplitMix64) seeded by
//!   the spec, integer arithmetic only, no hash maps in any order that reaches the output, and
//!   zone rules (London, New York) computed by hand, so the crate depends on `sha2` alone.
//! - **Each post is drawn from its own stream** ([`Rng::derive`] of the seed and the report's
//!   number), so its words do not depend on which page it lands on.
//! - **No wall clock the reader cannot read.** A report that would fall in the hour a zone's
//!   clocks go back is moved past it, and DW pages break where two posts are 11 hours apart, so
//!   every stamp has exactly one reading and the gold minute is that reading.
//! - The library does no I/O: pages go to a caller's sink (`cargo xtask synth` writes files).

#![deny(missing_docs)]

mod clock;
mod corpus;
mod gold;
mod rng;
mod text;

pub use gold::{Gold, GoldEvent, GoldOutlet, GoldPage, GoldPost};
pub use rng::Rng;

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spec {
    /// Posts in the whole corpus (exactly).
    pub posts: usize,
    /// Outlets, cycling through the layouts (at most [`MAX_OUTLETS`]).
    pub outlets: usize,
    /// The seed: the same spec gives the same bytes.
    pub seed: u64,
    /// The first day of the corpus (year, month, day); [`Spec::new`] starts on 2 January 2020.
    pub start: (i64, u32, u32),
}

impl Spec {
    /// `posts` posts from `outlets` outlets, drawn with `seed`, from 2 January 2020.
    pub fn new(posts: usize, outlets: usize, seed: u64) -> Spec {
        Spec {
            posts,
            outlets,
            seed,
            start: (2020, 1, 2),
        }
    }
}

/// The most outlets a corpus can have.
pub const MAX_OUTLETS: usize = corpus::MAX_OUTLETS;

/// What an event is, with respect to the others.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventKind {
    /// An event of its own.
    Plain,
    /// The same actor as an earlier event, another predicate, minutes to hours later.
    SameActor,
    /// The same quote from the same organisation as an earlier event, one to three days later.
    SameQuote,
    /// A sibling organisation (another ministry of the same country), within two hours.
    SiblingOrg,
}

impl EventKind {
    /// The kebab-case name used in the gold file.
    pub fn name(self) -> &'static str {
        match self {
            EventKind::Plain => "plain",
            EventKind::SameActor => "same-actor",
            EventKind::SameQuote => "same-quote",
            EventKind::SiblingOrg => "sibling-org",
        }
    }
}

/// Generates the corpus of `spec`, handing each page to `sink` (its file name and bytes) as it is
/// written, and returns the gold. An error from the sink stops the generation and is returned.
///
/// Zero outlets are taken as one; more than [`MAX_OUTLETS`] as that many.
pub fn generate<E, F>(spec: &Spec, mut sink: F) -> Result<Gold, E>
where
    F: FnMut(&str, &[u8]) -> Result<(), E>,
{
    let spec = Spec {
        outlets: spec.outlets.clamp(1, MAX_OUTLETS),
        ..*spec
    };
    corpus::generate(&spec, &mut sink)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus(spec: &Spec) -> (Vec<(String, Vec<u8>)>, Gold) {
        let mut pages = Vec::new();
        let gold = generate(spec, &mut |name: &str, bytes: &[u8]| {
            pages.push((name.to_owned(), bytes.to_vec()));
            Ok::<(), ()>(())
        });
        (pages, gold.unwrap_or_else(|()| unreachable!()))
    }

    #[test]
    fn the_same_spec_gives_the_same_bytes_and_another_seed_others() {
        let spec = Spec::new(200, 3, 1);
        let (a, gold_a) = corpus(&spec);
        let (b, gold_b) = corpus(&spec);
        assert_eq!(a, b);
        assert_eq!(gold_a.to_json(), gold_b.to_json());
        let (c, _) = corpus(&Spec { seed: 2, ..spec });
        assert_ne!(a, c);
    }

    #[test]
    fn every_post_is_in_the_gold_once_with_its_event() {
        let spec = Spec::new(1000, 7, 3);
        let (pages, gold) = corpus(&spec);
        assert_eq!(gold.posts.len(), 1000);
        assert_eq!(gold.pages.len(), pages.len());
        assert_eq!(
            gold.pages.iter().map(|p| p.posts).sum::<usize>(),
            gold.posts.len()
        );
        let grouped: usize = gold.events.iter().map(|e| e.posts.len()).sum();
        assert_eq!(grouped, 1000);
        let mut ids: Vec<&str> = gold.posts.iter().map(|p| p.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), 1000);
        assert!(gold.pairs() > 200, "{}", gold.pairs());
        for kind in [
            EventKind::SameActor,
            EventKind::SameQuote,
            EventKind::SiblingOrg,
        ] {
            assert!(gold.events.iter().any(|e| e.kind == kind), "{kind:?}");
        }
        // Posts of the realistic size: a few hundred bytes each.
        let bytes: usize = pages.iter().map(|(_, b)| b.len()).sum();
        let per_post = bytes / gold.posts.len();
        assert!((300..=900).contains(&per_post), "{per_post}");
    }
}
