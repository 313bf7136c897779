//! The merge in windows of time, for an input that outgrows one machine or one process.
//!
//! Reading is per page, but merging needs every report of a stretch of time: two reports are
//! compared only within twice [`Options::max_gap_hours`] of each other, and a word's rarity is
//! measured over the whole input. So the merge splits into three steps, each of which can run
//! apart from the others (in other processes, on other machines) and whose results combine:
//!
//! 1. **Census**, window by window: every word of the posts a [`Window`] owns (those whose UTC
//!    time falls in it), with the posts that carry it. The censuses of all windows are summed
//!    (with `+`, in any order) into the census of the whole input.
//! 2. **Scoring**, window by window: the candidate pairs whose earlier post the window owns,
//!    found and scored with the whole input's census. A window needs the posts it owns and those
//!    up to twice [`Options::max_gap_hours`] past its end ([`Window::reach`]): a pair is found from
//!    its earlier post, which meets only the posts after it within that gap, so every pair is
//!    found in exactly one window, as the whole merge would find and score it.
//! 3. **Reconciling**: clustering the scored pairs of every window and building the events, over
//!    all the documents ([`reconcile`]).
//!
//! The result is the single-machine [`merge`](crate::merge)'s, byte for byte:
//! [`merge_in_windows`] runs the three steps in one process, and the crate's tests check it
//! against [`merge`](crate::merge) on the seeds and on generated corpora, with windows of a day
//! and of an hour.
//!
//! A census and a window's pairs travel between processes as bytes ([`Census::to_bytes`],
//! [`Scored::to_bytes`]); the bytes belong to this version of the crate.
//!
//! ```
//! use dateline_merge::partition::{self, Window};
//! use dateline_merge::{Options, merge};
//! # let documents: Vec<dateline_merge::Document> = Vec::new();
//!
//! let options = Options::default();
//! let windows = Window::days(&documents, 1);
//! // Step 1, anywhere: a census a window, summed.
//! let census = windows
//!     .iter()
//!     .map(|w| partition::census(&documents, w))
//!     .fold(partition::Census::default(), |all, c| all + c);
//! // Step 2, anywhere: each window's pairs, from the posts within its reach.
//! let mut scored = partition::Scored::default();
//! for window in &windows {
//!     scored.append(partition::score(&documents, &census, window, &options));
//! }
//! // Step 3: the events.
//! let merged = partition::reconcile(&documents, &scored, &options);
//! assert_eq!(merged, merge(&documents, &options));
//! ```

use chrono::{DateTime, Duration, TimeZone, Utc};
use dateline_model::Document;

use crate::error::{Error, Repr};
use crate::events::{self, ScoredPair};
use crate::features;
use crate::merge::{Merged, Options, Report, collect};
use crate::score::Score;

/// A stretch of UTC time whose posts one worker owns: from `start`, up to `end` (not included).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Window {
    /// The first instant the window owns.
    pub start: DateTime<Utc>,
    /// The first instant past it.
    pub end: DateTime<Utc>,
}

impl Window {
    /// Windows of `days` whole UTC days (at least one), from the day of the earliest post with a
    /// time to that of the latest, each owning the posts of its days; none for documents without
    /// such posts.
    pub fn days(documents: &[Document], days: u32) -> Vec<Window> {
        let times = documents
            .iter()
            .flat_map(|d| d.posts.iter())
            .filter_map(|p| p.time.as_ref().map(|t| t.utc));
        let (Some(first), Some(last)) = (times.clone().min(), times.max()) else {
            return Vec::new();
        };
        let span = Duration::days(i64::from(days.max(1)));
        let midnight = |t: DateTime<Utc>| {
            Utc.from_utc_datetime(&t.date_naive().and_time(chrono::NaiveTime::MIN))
        };
        let mut windows = Vec::new();
        let mut start = midnight(first);
        while start <= last {
            let end = start + span;
            windows.push(Window { start, end });
            start = end;
        }
        windows
    }

    /// Whether the window owns a post stamped at `utc`.
    pub fn owns(&self, utc: DateTime<Utc>) -> bool {
        self.start <= utc && utc < self.end
    }

    /// The stretch of time whose posts the window's scoring needs: from its start to twice
    /// [`Options::max_gap_hours`] past its end (not included).
    pub fn reach(&self, options: &Options) -> Window {
        Window {
            start: self.start,
            end: self.end + reach(options),
        }
    }

    fn seconds(&self) -> (i64, i64) {
        (self.start.timestamp(), self.end.timestamp())
    }
}

/// How far past its end a window's scoring reads: twice [`Options::max_gap_hours`], the farthest
/// two reports stand that the merge compares.
pub fn reach(options: &Options) -> Duration {
    Duration::seconds(options.reach_secs())
}

/// Every word of a set of posts, with how many of them carry it: what the rarity of a word is
/// measured over. Sum the censuses of all windows to get the whole input's.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Census(features::Census);

/// The census of two sets of posts that share none (two windows'), in either order.
impl std::ops::Add for Census {
    type Output = Census;

    fn add(self, other: Census) -> Census {
        Census(self.0.add(other.0))
    }
}

impl Census {
    /// How many posts it counts.
    pub fn posts(&self) -> usize {
        self.0.posts
    }

    /// The census as bytes, to send to another process.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(20 + self.0.tokens.len() * 12);
        out.extend_from_slice(CENSUS_MAGIC);
        out.extend_from_slice(&(self.0.posts as u64).to_le_bytes());
        out.extend_from_slice(&(self.0.tokens.len() as u64).to_le_bytes());
        for &(hash, posts) in &self.0.tokens {
            out.extend_from_slice(&hash.to_le_bytes());
            out.extend_from_slice(&posts.to_le_bytes());
        }
        out
    }

    /// A census from [`Census::to_bytes`].
    ///
    /// # Errors
    ///
    /// When the bytes are not a census of this version of the crate.
    pub fn from_bytes(bytes: &[u8]) -> Result<Census, Error> {
        let mut r = Bytes::new(bytes, CENSUS_MAGIC, "a census")?;
        let posts = r.u64()?;
        let count = r.u64()?;
        let mut tokens =
            Vec::with_capacity(usize::try_from(count).unwrap_or(0).min(bytes.len() / 12));
        for _ in 0..count {
            tokens.push((r.u64()?, r.u32()?));
        }
        r.end()?;
        let posts = usize::try_from(posts).map_err(|_| r.bad())?;
        Ok(Census(features::Census { posts, tokens }))
    }
}

/// Scored pairs of posts from the windows of a partitioned merge: what [`reconcile`] clusters.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scored(Vec<ScoredPair>);

impl Scored {
    /// Adds another window's pairs.
    pub fn append(&mut self, other: Scored) {
        self.0.extend(other.0);
    }

    /// How many pairs it holds.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether it holds no pair.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The pairs as bytes, to send to another process.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(SCORED_MAGIC);
        out.extend_from_slice(&(self.0.len() as u64).to_le_bytes());
        for pair in &self.0 {
            for id in &pair.posts {
                out.extend_from_slice(&(id.len() as u64).to_le_bytes());
                out.extend_from_slice(id.as_bytes());
            }
            let s = &pair.score;
            out.extend_from_slice(&s.quote_words.to_le_bytes());
            for value in [
                s.quote,
                s.content,
                s.lead,
                s.body,
                s.entities,
                s.predicate,
                s.organisation,
                s.gap_hours,
                s.time,
                s.outlet,
                s.total,
            ] {
                out.extend_from_slice(&value.to_le_bytes());
            }
            out.extend_from_slice(&s.predicate_bits.to_le_bytes());
            out.push(u8::from(s.across) | (u8::from(s.same_outlet) << 1));
        }
        out
    }

    /// Pairs from [`Scored::to_bytes`].
    ///
    /// # Errors
    ///
    /// When the bytes are not pairs of this version of the crate.
    pub fn from_bytes(bytes: &[u8]) -> Result<Scored, Error> {
        let mut r = Bytes::new(bytes, SCORED_MAGIC, "scored pairs")?;
        let count = r.u64()?;
        let mut pairs = Vec::new();
        for _ in 0..count {
            let posts = [r.string()?, r.string()?];
            let quote_words = r.u32()?;
            let mut f = [0.0_f32; 11];
            for value in &mut f {
                *value = f32::from_bits(r.u32()?);
            }
            let predicate_bits = r.u32()?;
            let flags = r.u8()?;
            let [
                quote,
                content,
                lead,
                body,
                entities,
                predicate,
                organisation,
                gap_hours,
                time,
                outlet,
                total,
            ] = f;
            pairs.push(ScoredPair {
                posts,
                score: Score {
                    quote_words,
                    quote,
                    content,
                    lead,
                    body,
                    entities,
                    across: flags & 1 != 0,
                    predicate_bits,
                    predicate,
                    organisation,
                    gap_hours,
                    time,
                    same_outlet: flags & 2 != 0,
                    outlet,
                    total,
                },
            });
        }
        r.end()?;
        Ok(Scored(pairs))
    }
}

const CENSUS_MAGIC: &[u8] = b"dateline-census-1\n";
const SCORED_MAGIC: &[u8] = b"dateline-pairs-1\n";

/// A reader of the bytes of a census or of pairs.
struct Bytes<'b> {
    rest: &'b [u8],
    what: &'static str,
}

impl<'b> Bytes<'b> {
    fn new(bytes: &'b [u8], magic: &[u8], what: &'static str) -> Result<Self, Error> {
        let bad = Error::from(Repr::Partition { what });
        let rest = bytes.strip_prefix(magic).ok_or(bad)?;
        Ok(Bytes { rest, what })
    }

    fn bad(&self) -> Error {
        Repr::Partition { what: self.what }.into()
    }

    fn take(&mut self, n: usize) -> Result<&'b [u8], Error> {
        if self.rest.len() < n {
            return Err(self.bad());
        }
        let (head, rest) = self.rest.split_at(n);
        self.rest = rest;
        Ok(head)
    }

    fn u8(&mut self) -> Result<u8, Error> {
        Ok(self.take(1)?.first().copied().unwrap_or(0))
    }

    fn u32(&mut self) -> Result<u32, Error> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes(b.try_into().map_err(|_| self.bad())?))
    }

    fn u64(&mut self) -> Result<u64, Error> {
        let b = self.take(8)?;
        Ok(u64::from_le_bytes(b.try_into().map_err(|_| self.bad())?))
    }

    fn string(&mut self) -> Result<String, Error> {
        let n = usize::try_from(self.u64()?).map_err(|_| self.bad())?;
        let b = self.take(n)?;
        String::from_utf8(b.to_vec()).map_err(|_| self.bad())
    }

    fn end(&self) -> Result<(), Error> {
        if self.rest.is_empty() {
            Ok(())
        } else {
            Err(self.bad())
        }
    }
}

/// The posts of `reports` stamped within `window`.
fn within<'a>(reports: Vec<Report<'a>>, window: &Window) -> Vec<Report<'a>> {
    reports
        .into_iter()
        .filter(|r| r.post.time.as_ref().is_some_and(|t| window.owns(t.utc)))
        .collect()
}

/// The census of the posts of `documents` that `window` owns. Documents may hold other posts
/// too: they are not counted.
pub fn census(documents: &[Document], window: &Window) -> Census {
    let (reports, _) = collect(documents);
    Census(events::census(&within(reports, window)))
}

/// The scored pairs whose earlier post `window` owns. `documents` must hold every post within the
/// window's [`Window::reach`] (they may hold others), and `census` must be the whole input's.
pub fn score(
    documents: &[Document],
    census: &Census,
    window: &Window,
    options: &Options,
) -> Scored {
    let (reports, _) = collect(documents);
    let reports = within(reports, &window.reach(options));
    Scored(events::score_window(
        &reports,
        options,
        &census.0,
        window.seconds(),
    ))
}

/// The events of `documents` (the whole input) from the scored pairs of all its windows: the
/// result of [`merge`](crate::merge) when `scored` holds the pairs of windows that together own
/// every post.
pub fn reconcile(documents: &[Document], scored: &Scored, options: &Options) -> Merged {
    crate::merge::merge_given(documents, options, &scored.0)
}

/// [`merge`](crate::merge), in windows of `days` UTC days, in this process: the same result.
pub fn merge_in_windows(documents: &[Document], options: &Options, days: u32) -> Merged {
    let windows = Window::days(documents, days);
    let census = windows
        .iter()
        .map(|w| census(documents, w))
        .fold(Census::default(), |all, c| all + c);
    let mut scored = Scored::default();
    for window in &windows {
        scored.append(score(documents, &census, window, options));
    }
    reconcile(documents, &scored, options)
}
