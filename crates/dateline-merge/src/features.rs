//! Per-post features, computed once: content stems and names as ids into a vocabulary of every
//! post's tokens, with a rarity weight per id, quote shingles, predicates and organisations as bit
//! sets.
//!
//! Each post's text is read once ([`tokens::scan`]): its words give the content stems, the stems
//! of its lead (when the lead is where the text starts, as it nearly always is), its predicates
//! and the organisations that speak; the pieces between whitespace give its names; its quotations
//! give the shingles. The features of a block of posts live in a few flat lists rather than in
//! lists of their own, and every name is spelled once, in a table, for the evidence.

use std::borrow::Cow;

use chrono::{DateTime, Duration, LocalResult, NaiveDate, NaiveTime, Offset, TimeZone, Utc};
use chrono_tz::Tz;
use dateline_model::{Document, DocumentKind, Post, Precision, ResolvedTime, ZoneSource};
use rayon::prelude::*;

use crate::headline::first_sentence_span;
use crate::text;
use crate::tokens::{self, Visitor};

/// Words in a quote shingle: a verbatim quote must share this many consecutive words.
pub(crate) const SHINGLE: usize = 5;

/// The predicate lemmas, in a fixed order: a post's predicates are a bit set over this list.
pub(crate) const LEMMAS: &[&str] = &[
    "announce", "appoint", "call", "cancel", "condemn", "deploy", "express", "leave", "monitor",
    "offer", "protest", "strike", "suspend", "talk", "tweet", "urge", "vow", "warn",
];

/// The organisations, in a fixed order: a post's organisations are a bit set over this list.
pub(crate) const ORGS: &[&str] = &[
    "defence-ministry",
    "foreign-ministry",
    "interior-ministry",
    "oil-ministry",
];

/// A post with a time, ready to be compared.
#[derive(Debug)]
pub(crate) struct Item<'a> {
    pub(crate) doc: &'a Document,
    pub(crate) post: &'a Post,
    /// The instant the stamp resolved to (for a date alone, the start of that day).
    pub(crate) utc: DateTime<Utc>,
    /// The earliest and the latest instant the stamp allows: both are `utc` when the stamp gives
    /// the minute; a stamp that gives only the hour or the day allows that whole hour or day, and
    /// a day whose zone was only assumed allows that day in any zone on Earth.
    pub(crate) from: DateTime<Utc>,
    pub(crate) until: DateTime<Utc>,
    /// The outlet, or the document's path when the outlet is unknown.
    pub(crate) outlet: &'a str,
}

/// The furthest a zone's clock runs behind UTC, and ahead of it (Baker Island, Kiribati's Line
/// Islands).
const BEHIND_UTC: i64 = 12;
const AHEAD_OF_UTC: i64 = 14;

impl<'a> Item<'a> {
    /// The post with its resolved time, and the span of instants the time allows.
    pub(crate) fn new(
        doc: &'a Document,
        post: &'a Post,
        time: &ResolvedTime,
        outlet: &'a str,
    ) -> Self {
        let (from, until) = span(time);
        Item {
            doc,
            post,
            utc: time.utc,
            from,
            until,
            outlet,
        }
    }

    /// A post stamped to the minute at `utc`.
    #[cfg(test)]
    pub(crate) fn at(
        doc: &'a Document,
        post: &'a Post,
        utc: DateTime<Utc>,
        outlet: &'a str,
    ) -> Self {
        Item {
            doc,
            post,
            utc,
            from: utc,
            until: utc,
            outlet,
        }
    }

    /// Whether the stamp gives the time of day, not only the date (or the hour).
    pub(crate) fn is_precise(&self) -> bool {
        self.from == self.until
    }

    /// The seconds between the spans of two posts' stamps: 0 when they overlap, so that a page
    /// dated only by its day stands at no distance from a report made at any time of that day.
    pub(crate) fn gap_secs(&self, other: &Item<'_>) -> i64 {
        let later_start = self.from.max(other.from);
        let earlier_end = self.until.min(other.until);
        (later_start - earlier_end).num_seconds().max(0)
    }

    /// This post's lag behind `start` in minutes: 0 when its span holds `start`, negative when the
    /// span ends before it.
    pub(crate) fn lag_minutes(&self, start: DateTime<Utc>) -> i64 {
        if self.from > start {
            (self.from - start).num_minutes()
        } else if self.until < start {
            (self.until - start).num_minutes()
        } else {
            0
        }
    }

    /// The rest of an article past the lead its text is judged by ([`Item::text`]), without its
    /// paragraphs of context; `None` for a post, or an article that is all lead.
    pub(crate) fn rest(&self) -> Option<impl Iterator<Item = &'a str> + 'a> {
        if self.doc.kind != DocumentKind::Article {
            return None;
        }
        let text: &'a str = self.post.text.as_str();
        let rest = text
            .get(lead(text).len()..)
            .filter(|r| !r.trim().is_empty())?;
        Some(paragraphs(rest).filter(|p| !is_context(p)))
    }

    /// The text the post is judged by: headline and body, or for an article its headline and lead.
    /// Paragraphs of context ("Some context:", "Some background:") recap other events and are left
    /// out. Borrowed, it is where the post's text starts (the whole text, or an article's lead).
    pub(crate) fn text(&self) -> Cow<'a, str> {
        let body: &'a str = if self.doc.kind == DocumentKind::Article {
            lead(&self.post.text)
        } else {
            self.post.text.as_str()
        };
        if self.post.headline.is_none() && !paragraphs(body).any(is_context) {
            return Cow::Borrowed(body);
        }
        let body: Vec<&str> = paragraphs(body).filter(|p| !is_context(p)).collect();
        let body = body.join("\n\n");
        match &self.post.headline {
            Some(h) => Cow::Owned(format!("{h}\n\n{body}")),
            None => Cow::Owned(body),
        }
    }

    /// What the post is about in one line: its headline, else its first sentence.
    #[cfg(test)]
    pub(crate) fn lead_sentence(&self) -> Cow<'a, str> {
        match &self.post.headline {
            Some(h) if !h.trim().is_empty() => Cow::Borrowed(h.as_str()),
            _ => Cow::Owned(crate::headline::first_sentence(&self.post.text).unwrap_or_default()),
        }
    }
}

/// The earliest and the latest instant a resolved time allows (see [`Item::from`]).
pub(crate) fn span(time: &ResolvedTime) -> (DateTime<Utc>, DateTime<Utc>) {
    let end = match time.basis.precision {
        Precision::Second | Precision::Minute => return (time.utc, time.utc),
        Precision::Hour => time.utc + Duration::hours(1),
        // A day, and any coarser precision a later model may add, allows at least its day: the
        // day as printed, in the page's zone, from its start (`utc`) to the next day's start.
        _ => next_day(time),
    };
    // The last instant of the hour or day, not the first of the next.
    let until = end - Duration::seconds(1);
    if time.basis.zone_source == ZoneSource::Assumed {
        // UTC was a guess: the day starts up to `AHEAD_OF_UTC` hours earlier in UTC, or ends up to
        // `BEHIND_UTC` hours later.
        (
            time.utc - Duration::hours(AHEAD_OF_UTC),
            until + Duration::hours(BEHIND_UTC),
        )
    } else {
        (time.utc, until)
    }
}

/// The day a time gives when its page gives only a day: its printed [`ResolvedTime::date`], else
/// (a source plugin's time written without one) the day of its wall-clock start. `None` for a time
/// of day.
pub(crate) fn printed_date(time: &ResolvedTime) -> Option<NaiveDate> {
    (time.basis.precision == Precision::Day)
        .then(|| time.date.unwrap_or_else(|| time.local.date_naive()))
}

/// The start of the day after a date alone's day, in its zone: 24 hours after `utc` but on a day
/// the clocks change, when it is 23 or 25. A zone that is a fixed offset (or not an IANA name)
/// keeps the offset of `local`.
fn next_day(time: &ResolvedTime) -> DateTime<Utc> {
    let day = time.date.unwrap_or_else(|| time.local.date_naive());
    let Some(midnight) = day.succ_opt().map(|d| d.and_time(NaiveTime::MIN)) else {
        return time.utc + Duration::days(1);
    };
    let offset = match time.zone.parse::<Tz>() {
        Ok(tz) => match tz.from_local_datetime(&midnight) {
            LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => return t.to_utc(),
            // Midnight falls in the gap where the clocks jump forward, so the day ends at the
            // jump: midnight at the offset in force the day before.
            LocalResult::None => tz
                .offset_from_utc_datetime(&(midnight - Duration::days(1)))
                .fix(),
        },
        Err(_) => *time.local.offset(),
    };
    (midnight - offset).and_utc()
}

/// Whether a paragraph recaps other events rather than reporting this one.
fn is_context(paragraph: &str) -> bool {
    let p = paragraph.trim_start();
    [
        "Some context:",
        "Some background:",
        "Background:",
        "Context:",
        "Read more",
    ]
    .iter()
    .any(|prefix| p.starts_with(prefix))
}

/// An article's lead: its first two paragraphs.
fn lead(text: &str) -> &str {
    let end = breaks(text).nth(1).unwrap_or(text.len());
    text.get(..end).unwrap_or(text)
}

/// Where `text` has a paragraph break (`\n\n`), left to right, without overlaps, as
/// `text.match_indices("\n\n")` finds them.
fn breaks(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    let mut newlines = memchr::memchr_iter(b'\n', bytes);
    let mut from = 0;
    std::iter::from_fn(move || {
        loop {
            let at = newlines.next()?;
            if at >= from && bytes.get(at + 1) == Some(&b'\n') {
                from = at + 2;
                return Some(at);
            }
        }
    })
}

/// The paragraphs of `text`: `text.split("\n\n")`.
fn paragraphs(text: &str) -> impl Iterator<Item = &str> + '_ {
    let mut start = Some(0);
    let mut breaks = breaks(text);
    std::iter::from_fn(move || {
        let from = start?;
        match breaks.next() {
            Some(at) => {
                start = Some(at + 2);
                text.get(from..at)
            }
            None => {
                start = None;
                text.get(from..)
            }
        }
    })
}

/// A post of `doc` on `line` with `text`, for the tests.
#[cfg(test)]
pub(crate) fn post_with(doc: &Document, line: u32, text: &str) -> Post {
    let mut post = Post::new(&doc.id, line);
    post.text = text.to_owned();
    post
}

/// Posts per block: the features of a block are read, counted and kept together.
const BLOCK: usize = 8192;

/// What is compared, for one post: slices of the [`FeatureTable`]. Tokens are ids into the
/// vocabulary of every post's tokens: ids are in the order of the tokens' hashes, so a post's
/// tokens sorted by id are sorted by hash.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Features<'f> {
    /// Content stems, sorted, without repeats.
    pub(crate) content: &'f [u32],
    /// The square root of the sum of squared content weights.
    pub(crate) content_norm: f32,
    /// Content stems of the headline or first sentence, sorted, without repeats.
    pub(crate) lead: &'f [u32],
    /// The square root of the sum of squared lead weights.
    pub(crate) lead_norm: f32,
    /// An article's content stems and names through its whole text (headline, lead and the
    /// rest), sorted, without repeats; empty for a post, whose content and names are its whole
    /// text.
    pub(crate) whole: &'f [u32],
    /// The square root of the sum of squared whole-text weights.
    pub(crate) whole_norm: f32,
    /// Names, sorted, without repeats.
    pub(crate) entities: &'f [u32],
    /// The sum of the entity weights.
    pub(crate) entity_mass: f32,
    /// The square root of the sum of squared entity weights.
    pub(crate) entity_norm: f32,
    /// Hashes of every run of [`SHINGLE`] words inside a quotation, sorted, without repeats.
    pub(crate) shingles: &'f [u64],
    /// Bit `i` set when the post uses `LEMMAS[i]`.
    pub(crate) predicates: u32,
    /// Bit `i` set when `ORGS[i]` speaks in the post.
    pub(crate) orgs: u8,
    /// The language the post is read in ([`crate::tongue::key`]; 0 when not known).
    pub(crate) language: u8,
}

/// One list per post, all in one: the values of post `k` are `values[ends[k - 1]..ends[k]]`.
#[derive(Debug)]
struct Runs<T> {
    values: Vec<T>,
    ends: Vec<u32>,
}

impl<T> Default for Runs<T> {
    fn default() -> Self {
        Runs {
            values: Vec::new(),
            ends: Vec::new(),
        }
    }
}

impl<T: Copy + Ord> Runs<T> {
    /// The values of the last post closed, if any.
    fn last(&self) -> Option<&[T]> {
        self.ends.len().checked_sub(1).map(|k| self.get(k))
    }

    /// The values of post `k`.
    fn get(&self, k: usize) -> &[T] {
        let start = k
            .checked_sub(1)
            .and_then(|before| self.ends.get(before))
            .map_or(0, |&e| e as usize);
        let end = self.ends.get(k).map_or(start, |&e| e as usize);
        self.values.get(start..end).unwrap_or_default()
    }

    /// Where the values of the post being read start.
    fn open(&self) -> usize {
        self.ends.last().map_or(0, |&e| e as usize)
    }

    /// Ends the post being read: its values sorted, without repeats.
    fn close(&mut self) {
        let start = self.open();
        if let Some(run) = self.values.get_mut(start..) {
            run.sort_unstable();
        }
        let mut kept = start;
        for k in start..self.values.len() {
            let Some(&v) = self.values.get(k) else {
                break;
            };
            if kept == start || self.values.get(kept - 1) != Some(&v) {
                if let Some(slot) = self.values.get_mut(kept) {
                    *slot = v;
                }
                kept += 1;
            }
        }
        self.values.truncate(kept);
        self.ends.push(u32::try_from(kept).unwrap_or(u32::MAX));
    }
}

/// The features of a block of posts.
#[derive(Debug, Default)]
struct Block {
    content: Runs<u32>,
    lead: Runs<u32>,
    whole: Runs<u32>,
    whole_norm: Vec<f32>,
    entities: Runs<u32>,
    shingles: Runs<u64>,
    content_norm: Vec<f32>,
    lead_norm: Vec<f32>,
    entity_mass: Vec<f32>,
    entity_norm: Vec<f32>,
    predicates: Vec<u32>,
    orgs: Vec<u8>,
    language: Vec<u8>,
}

/// The features of every item, block by block, and the spelling of every name.
#[derive(Debug, Default)]
pub(crate) struct FeatureTable {
    blocks: Vec<Block>,
    names: Names,
}

impl FeatureTable {
    /// The features of item `i`.
    pub(crate) fn get(&self, i: usize) -> Option<Features<'_>> {
        let block = self.blocks.get(i / BLOCK)?;
        let k = i % BLOCK;
        Some(Features {
            content: block.content.get(k),
            content_norm: block.content_norm.get(k).copied()?,
            lead: block.lead.get(k),
            lead_norm: block.lead_norm.get(k).copied()?,
            whole: block.whole.get(k),
            whole_norm: block.whole_norm.get(k).copied()?,
            entities: block.entities.get(k),
            entity_mass: block.entity_mass.get(k).copied()?,
            entity_norm: block.entity_norm.get(k).copied()?,
            shingles: block.shingles.get(k),
            predicates: block.predicates.get(k).copied()?,
            orgs: block.orgs.get(k).copied()?,
            language: block.language.get(k).copied()?,
        })
    }

    /// Lets the content and lead stems go, which only scoring reads; names and shingles stay
    /// for the evidence.
    pub(crate) fn drop_stems(&mut self) {
        for block in &mut self.blocks {
            block.content = Runs::default();
            block.lead = Runs::default();
            block.whole = Runs::default();
        }
    }

    /// How the name of token id `id` is spelled.
    pub(crate) fn name(&self, id: u32) -> Option<&str> {
        self.names.get(id)
    }
}

/// The spelling of every name, by token id.
#[derive(Debug, Default)]
struct Names {
    /// For every token id, the name's place + 1 in `ends` (0 for a token that is no name): one
    /// look-up, not a search, as the evidence reads names at random.
    place: Vec<u32>,
    /// Where each name ends in `spelled`, and the next one starts.
    ends: Vec<u32>,
    spelled: String,
}

impl Names {
    /// Every name the blocks spell, once, by its id in `vocabulary`. The blocks' lists of names
    /// go.
    fn new(raw: &mut [RawBlock], vocabulary: &Vocabulary) -> Self {
        let mut all: Vec<(u64, &str)> = raw
            .iter()
            .flat_map(|block| {
                block.names.iter().map(|&(h, start, end)| {
                    let spelled = block.spelled.get(start as usize..end as usize);
                    (h, spelled.unwrap_or_default())
                })
            })
            .collect();
        // One spelling for each name: the first in byte order, as in each block, so the evidence
        // spells a name alike whatever the blocks and threads.
        all.par_sort_unstable();
        all.dedup_by_key(|&mut (h, _)| h);
        let mut names = Names {
            place: vec![0; vocabulary.hashes.len()],
            ends: Vec::with_capacity(all.len()),
            spelled: String::with_capacity(all.iter().map(|(_, s)| s.len()).sum()),
        };
        for (h, spelled) in all {
            if let Some(slot) = names.place.get_mut(vocabulary.id(h) as usize) {
                names.spelled.push_str(spelled);
                names
                    .ends
                    .push(u32::try_from(names.spelled.len()).unwrap_or(u32::MAX));
                *slot = u32::try_from(names.ends.len()).unwrap_or(u32::MAX);
            }
        }
        for block in raw.iter_mut() {
            block.names = Vec::new();
            block.spelled = String::new();
        }
        names
    }

    fn get(&self, id: u32) -> Option<&str> {
        let k = (*self.place.get(id as usize)? as usize).checked_sub(1)?;
        let start = k
            .checked_sub(1)
            .and_then(|before| self.ends.get(before))
            .map_or(0, |&e| e as usize);
        let end = self.ends.get(k).map_or(start, |&e| e as usize);
        self.spelled.get(start..end)
    }
}

/// What the rarity of a word is measured over: how many posts, and every token with the posts
/// that carry it, sorted by hash. The merge counts its input; a window of a partitioned merge
/// ([`crate::partition`]) is given the counts of the whole input, summed window by window.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Census {
    pub(crate) posts: usize,
    pub(crate) tokens: Vec<(u64, u32)>,
}

impl Census {
    /// The census of `items`.
    pub(crate) fn of(items: &[Item<'_>]) -> Census {
        let raw: Vec<RawBlock> = items.par_chunks(BLOCK).map(read_block).collect();
        Census {
            posts: items.len(),
            tokens: Vocabulary::counts(&raw),
        }
    }

    /// The census of two sets of posts that share none.
    pub(crate) fn add(self, other: Census) -> Census {
        Census {
            posts: self.posts + other.posts,
            tokens: merge_counts(self.tokens, other.tokens),
        }
    }
}

/// The features of every item, and the rarity weight of every token id across all of them.
pub(crate) fn extract(items: &[Item<'_>]) -> (FeatureTable, Vec<f32>) {
    extract_with(items, None)
}

/// The features of every item, with token ids and rarity weights from `census` when one is given
/// (which must count every item), else from the items themselves.
pub(crate) fn extract_with(
    items: &[Item<'_>],
    census: Option<&Census>,
) -> (FeatureTable, Vec<f32>) {
    let mut raw: Vec<RawBlock> = items.par_chunks(BLOCK).map(read_block).collect();
    let (vocabulary, posts) = match census {
        Some(census) => (Vocabulary::from_counts(census.tokens.clone()), census.posts),
        None => (
            Vocabulary::from_counts(Vocabulary::counts(&raw)),
            items.len(),
        ),
    };
    let n = posts as f32 + 1.0;
    let weights: Vec<f32> = vocabulary.df.iter().map(|&df| idf(n, df)).collect();
    let names = Names::new(&mut raw, &vocabulary);
    let blocks = raw
        .into_par_iter()
        .map(|r| r.with_ids(&vocabulary, &weights))
        .collect();
    let table = FeatureTable { blocks, names };
    (table, weights)
}

/// Posts assumed besides the input when weighing a token by its rarity, none of which carries it.
///
/// Rarity measured on the input alone fails when the input is small: given the three articles of
/// one announcement, every word of the story (the agency, the companies, `lunar`) is in all of
/// them and would weigh nothing. Counting the input as a sample of a larger stream in which any
/// one token is rare keeps those words heavy in a small input, and changes almost nothing in a
/// large one (at 100,000 posts, a weight moves by less than 0.001).
const PRIOR_POSTS: f32 = 100.0;

/// The rarity weight of a token carried by `df` of `n` posts: `ln((n + PRIOR_POSTS) / df)`.
pub(crate) fn idf(n: f32, df: u32) -> f32 {
    ((n + PRIOR_POSTS) / df.max(1) as f32).ln().max(0.0)
}

/// The features of a block of posts before weights: everything each post says by itself, tokens
/// as hashes.
#[derive(Debug, Default)]
struct RawBlock {
    /// Hashed content stems.
    content: Runs<u64>,
    /// Hashed content stems of the headline or first sentence.
    lead: Runs<u64>,
    /// Hashed content stems and names of an article's whole text (none for a post).
    whole: Runs<u64>,
    /// The stems and names of each article's whole text that its judged text lacks, which count
    /// towards their rarity as its content stems do: a word is rare for how few reports carry
    /// it anywhere, not only in their leads.
    rest_only: Vec<u64>,
    /// Hashed names.
    entities: Runs<u64>,
    shingles: Runs<u64>,
    predicates: Vec<u32>,
    orgs: Vec<u8>,
    language: Vec<u8>,
    /// Each name of the block once, sorted by hash: its hash and where it is in `spelled`.
    names: Vec<(u64, u32, u32)>,
    spelled: String,
}

impl RawBlock {
    /// The block with token ids for hashes, and each post's norms.
    fn with_ids(self, vocabulary: &Vocabulary, weights: &[f32]) -> Block {
        let weight = |id: &u32| weights.get(*id as usize).copied().unwrap_or(0.0);
        let content = vocabulary.ids(&self.content);
        drop(self.content);
        let lead = vocabulary.ids(&self.lead);
        drop(self.lead);
        let whole = vocabulary.ids(&self.whole);
        drop(self.whole);
        drop(self.rest_only);
        let entities = vocabulary.ids(&self.entities);
        drop(self.entities);
        let posts = self.predicates.len();
        let norm = |runs: &Runs<u32>, k: usize| {
            runs.get(k)
                .iter()
                .map(|id| weight(id) * weight(id))
                .sum::<f32>()
                .sqrt()
        };
        Block {
            content_norm: (0..posts).map(|k| norm(&content, k)).collect(),
            lead_norm: (0..posts).map(|k| norm(&lead, k)).collect(),
            whole_norm: (0..posts).map(|k| norm(&whole, k)).collect(),
            entity_mass: (0..posts)
                .map(|k| entities.get(k).iter().map(weight).sum())
                .collect(),
            entity_norm: (0..posts).map(|k| norm(&entities, k)).collect(),
            content,
            lead,
            whole,
            entities,
            shingles: self.shingles,
            predicates: self.predicates,
            orgs: self.orgs,
            language: self.language,
        }
    }
}

/// Reads a block of posts, each once.
fn read_block(items: &[Item<'_>]) -> RawBlock {
    let mut block = RawBlock::default();
    let mut scratch = Scratch::default();
    for item in items {
        read_post(item, &mut block, &mut scratch);
    }
    // Each name once, by hash; the spellings are copied into a list of their own. Spellings of
    // one name (one key, `name_hash`) keep the first in byte order, whatever the order read.
    let spelling = |&(_, start, end): &(u64, u32, u32)| {
        block
            .spelled
            .get(start as usize..end as usize)
            .unwrap_or_default()
    };
    block
        .names
        .sort_unstable_by(|a, b| a.0.cmp(&b.0).then_with(|| spelling(a).cmp(spelling(b))));
    block.names.dedup_by_key(|&mut (h, _, _)| h);
    let mut spelled = String::with_capacity(block.names.len() * 8);
    for (_, start, end) in &mut block.names {
        let name = block
            .spelled
            .get(*start as usize..*end as usize)
            .unwrap_or_default();
        *start = u32::try_from(spelled.len()).unwrap_or(u32::MAX);
        spelled.push_str(name);
        *end = u32::try_from(spelled.len()).unwrap_or(u32::MAX);
    }
    block.spelled = spelled;
    for runs in [
        &mut block.content,
        &mut block.lead,
        &mut block.whole,
        &mut block.entities,
    ] {
        runs.values.shrink_to_fit();
    }
    block.shingles.values.shrink_to_fit();
    block
}

/// Buffers reused from post to post.
#[derive(Debug, Default)]
struct Scratch {
    scan: tokens::Scratch,
    initials: text::Initials,
    name: String,
    shingles: text::Shingles,
}

/// Reads one post into `block`: one pass over its text, and a second over its lead only when the
/// lead is not where its text starts.
fn read_post(item: &Item<'_>, block: &mut RawBlock, scratch: &mut Scratch) {
    let text = item.text();
    // The lead is the headline, else the first sentence of the post's own text; its words are
    // the text's first words when the text starts with it: a headline is followed by a paragraph
    // break, and a borrowed text is where the post's text starts.
    let mut apart: Option<&str> = None;
    let lead_end = match &item.post.headline {
        Some(h) if !h.trim().is_empty() => Some(h.len()),
        _ => match first_sentence_span(&item.post.text) {
            Some((_, end)) if matches!(text, Cow::Borrowed(_)) && end <= text.len() => Some(end),
            Some((start, end)) => {
                apart = item.post.text.get(start..end);
                None
            }
            None => None,
        },
    };
    let sure = crate::tongue::sure_language(item.doc);
    let tongue = sure.and_then(crate::tongue::of).filter(|t| t.speaks(&text));
    let mut reader = Reader {
        tongue,
        initials: &mut scratch.initials,
        block: &mut *block,
        lead_end,
        predicates: 0,
        speakers: text::Speakers::default(),
        name: &mut scratch.name,
        shingles: &mut scratch.shingles,
    };
    tokens::scan(&text, &mut scratch.scan, &mut reader);
    let block_now = &mut *reader.block;
    reader
        .initials
        .finish(&mut |acronym| push_name(block_now, acronym));
    let predicates = reader.predicates;
    let orgs = reader.speakers.finish();
    if let Some(sentence) = apart {
        text::for_each_word(sentence, |w| {
            let lexeme = text::lexeme(w);
            if !is_stop(&lexeme, tongue, w) && w.chars().nth(1).is_some() {
                block.lead.values.push(stem_hash(&lexeme, tongue, w));
            }
        });
    }
    // An article's whole text: the stems and names of its judged text and of the rest.
    if let Some(rest) = item.rest() {
        for run in [&block.content, &block.entities] {
            let judged = run.values.get(run.open()..).unwrap_or_default();
            block.whole.values.extend_from_slice(judged);
        }
        let mut reader = RestReader {
            tongue,
            whole: &mut block.whole.values,
            name: &mut scratch.name,
        };
        for paragraph in rest {
            tokens::scan(paragraph, &mut scratch.scan, &mut reader);
        }
    }
    block.content.close();
    block.lead.close();
    block.whole.close();
    block.entities.close();
    // What the rest adds counts towards rarity, once a report, as its judged text does.
    let RawBlock {
        content,
        entities,
        whole,
        rest_only,
        ..
    } = &mut *block;
    if let (Some(whole), Some(content), Some(entities)) =
        (whole.last(), content.last(), entities.last())
    {
        rest_only.extend(
            whole.iter().filter(|h| {
                content.binary_search(h).is_err() && entities.binary_search(h).is_err()
            }),
        );
    }
    block.shingles.close();
    block.predicates.push(predicates);
    block.orgs.push(bits(ORGS, &orgs) as u8);
    block.language.push(crate::tongue::key(sure, tongue));
}

/// The name a piece of text gives ([`text::entity_name`]), read into `buf`: none for a
/// capitalised stop word of the report's language (`El`, `Además`).
fn name_in<'b>(
    token: &str,
    buf: &'b mut String,
    tongue: Option<&crate::tongue::Tongue>,
) -> Option<&'b str> {
    text::entity_name(token, buf).filter(|name| !tongue.is_some_and(|t| t.is_stop(name)))
}

/// Whether `word` is a stop word: of English (the merge's own table), or of the report's
/// language.
fn is_stop(lexeme: &text::Lexeme, tongue: Option<&crate::tongue::Tongue>, word: &str) -> bool {
    lexeme.stop || tongue.is_some_and(|t| t.is_stop(word))
}

/// The hashed stem of a content word: a nationality's country, else the stem of the report's
/// language (Snowball), else the merge's own English stem.
fn stem_hash(lexeme: &text::Lexeme, tongue: Option<&crate::tongue::Tongue>, word: &str) -> u64 {
    match (lexeme.country, tongue) {
        (None, Some(t)) => hash_one(&t.stem(word), b'c'),
        _ => hash_one(text::stem_of(word, lexeme.country), b'c'),
    }
}

/// The id of a name: the hash of its key, its letters with the vowels after the first and doubled
/// letters left out where four or more remain (the name itself otherwise, as for a short name, a
/// number or a name not in ASCII letters), so that spellings of one name across transliterations
/// meet (`Zelensky`, `Zelenskiy`; `Tehran`, `Teheran`). One pass, hashing the key as it is read.
pub(crate) fn name_hash(name: &str) -> u64 {
    let bytes = name.as_bytes();
    if bytes.len() < 5 {
        return hash_one(name, b'e');
    }
    let mut hash = fnv(FNV_OFFSET, b'e');
    let mut len = 0;
    let mut last = 0u8;
    for (i, &b) in bytes.iter().enumerate() {
        if !b.is_ascii_lowercase() {
            return hash_one(name, b'e');
        }
        if (i > 0 && matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')) || b == last {
            continue;
        }
        hash = fnv(hash, b);
        len += 1;
        last = b;
    }
    if len >= 4 { hash } else { hash_one(name, b'e') }
}

/// Adds a name (or an acronym) to the post being read: its hash, and its spelling once per post.
fn push_name(block: &mut RawBlock, name: &str) {
    let hash = name_hash(name);
    block.entities.values.push(hash);
    // Spelled once per post at most; the block keeps one spelling per name.
    let seen = block
        .entities
        .values
        .get(block.entities.open()..)
        .is_some_and(|run| run.iter().filter(|&&h| h == hash).nth(1).is_some());
    if !seen {
        let start = u32::try_from(block.spelled.len()).unwrap_or(u32::MAX);
        block.spelled.push_str(name);
        let end = u32::try_from(block.spelled.len()).unwrap_or(u32::MAX);
        block.names.push((hash, start, end));
    }
}

/// What one pass over a post's text hands to its features.
struct Reader<'r> {
    /// The stop words and stemmer of the report's language, when it is not English.
    tongue: Option<&'static crate::tongue::Tongue>,
    /// The acronym of the run of capitalised words being read.
    initials: &'r mut text::Initials,
    block: &'r mut RawBlock,
    /// The lead's words are the words that end by here.
    lead_end: Option<usize>,
    predicates: u32,
    speakers: text::Speakers,
    name: &'r mut String,
    shingles: &'r mut text::Shingles,
}

impl Visitor for Reader<'_> {
    fn word(&mut self, word: &str, end: usize) {
        let lexeme = text::lexeme(word);
        if !is_stop(&lexeme, self.tongue, word) {
            let content = word.len() > 1;
            let lead = self.lead_end.is_some_and(|e| end <= e) && word.chars().nth(1).is_some();
            if content || lead {
                let stem = stem_hash(&lexeme, self.tongue, word);
                if content {
                    self.block.content.values.push(stem);
                }
                if lead {
                    self.block.lead.values.push(stem);
                }
            }
        }
        if let Some(lemma) = lexeme.lemma {
            self.predicates |= bits(LEMMAS, &[lemma]) as u32;
        }
        self.speakers.push_code(lexeme.org);
    }

    fn token(&mut self, token: &str) {
        let name = name_in(token, self.name, self.tongue);
        let named = name.is_some();
        if let Some(name) = name {
            push_name(self.block, name);
        }
        let block = &mut *self.block;
        self.initials
            .token(token, named, &mut |acronym| push_name(block, acronym));
    }

    fn quote(&mut self, quote: &str) {
        let shingles = &mut self.block.shingles.values;
        self.shingles
            .of_quote(quote, SHINGLE, &mut |h| shingles.push(h));
    }
}

/// Reads the rest of an article past its judged text: its content stems and its names, into its
/// whole text's stems.
struct RestReader<'r> {
    tongue: Option<&'r crate::tongue::Tongue>,
    whole: &'r mut Vec<u64>,
    name: &'r mut String,
}

impl Visitor for RestReader<'_> {
    fn word(&mut self, word: &str, _end: usize) {
        let lexeme = text::lexeme(word);
        if !is_stop(&lexeme, self.tongue, word) && word.len() > 1 {
            self.whole.push(stem_hash(&lexeme, self.tongue, word));
        }
    }

    fn token(&mut self, token: &str) {
        if let Some(name) = name_in(token, self.name, self.tongue) {
            self.whole.push(name_hash(name));
        }
    }

    fn quote(&mut self, _quote: &str) {}
}

/// The features of one post as they were read before the single pass, each kind on its own:
/// what [`read_post`] must give.
#[cfg(test)]
#[derive(Debug, PartialEq)]
struct Reference {
    content: Vec<u64>,
    lead: Vec<u64>,
    entities: Vec<u64>,
    shingles: Vec<u64>,
    predicates: u32,
    orgs: u8,
}

#[cfg(test)]
fn reference_features(item: &Item<'_>) -> Reference {
    let text = item.text();
    let mut content: Vec<u64> = Vec::new();
    let mut predicates: u64 = 0;
    let mut speakers = text::Speakers::default();
    text::for_each_word(&text, |w| {
        if !text::is_stop_word(w) && w.len() > 1 {
            content.push(hash_one(text::stem_str(w), b'c'));
        }
        if let Some(lemma) = text::predicate(w) {
            predicates |= bits(LEMMAS, &[lemma]);
        }
        speakers.push(w);
    });
    content.sort_unstable();
    content.dedup();
    let orgs = speakers.finish();
    let mut lead: Vec<u64> = Vec::new();
    text::for_each_word(&item.lead_sentence(), |w| {
        if !text::is_stop_word(w) && w.chars().nth(1).is_some() {
            lead.push(hash_one(text::stem_str(w), b'c'));
        }
    });
    lead.sort_unstable();
    lead.dedup();
    let mut entities: Vec<u64> = Vec::new();
    text::for_each_entity(&text, |e| entities.push(name_hash(e)));
    entities.sort_unstable();
    entities.dedup();
    let mut shingles: Vec<u64> = Vec::new();
    text::for_each_quote_shingle(&text, SHINGLE, |h| shingles.push(h));
    shingles.sort_unstable();
    shingles.dedup();
    Reference {
        content,
        lead,
        entities,
        shingles,
        predicates: predicates as u32,
        orgs: bits(ORGS, &orgs) as u8,
    }
}

/// A bit set over `table` of the `present` names.
fn bits(table: &[&str], present: &[&str]) -> u64 {
    present
        .iter()
        .filter_map(|p| table.iter().position(|t| t == p))
        .fold(0, |acc, i| acc | (1 << i))
}

/// A stable hash of one word in a namespace (content stems and names do not collide).
pub(crate) fn hash_one(word: &str, space: u8) -> u64 {
    word.bytes().fold(fnv(FNV_OFFSET, space), fnv)
}

/// FNV-1a's starting value.
const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// One step of FNV-1a: `hash` with `byte` folded in.
fn fnv(hash: u64, byte: u8) -> u64 {
    (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
}

/// Every hashed token of every post (content stems, lead stems, names), sorted: a token's id is its
/// position. With each, how many posts carry it among their content stems or names.
#[derive(Debug, Default)]
struct Vocabulary {
    hashes: Vec<u64>,
    df: Vec<u32>,
    /// An open-addressing table from a hash to its id + 1 (0 for an empty slot), twice as long as
    /// the vocabulary or more, a power of two: the hashes are already well mixed, so their top
    /// bits pick the slot.
    slots: Vec<u32>,
    /// How far the hashes are shifted to pick a slot.
    shift: u32,
}

impl Vocabulary {
    /// Every token of `raw` with the posts that carry it (see [`Vocabulary`]), sorted by hash.
    fn counts(raw: &[RawBlock]) -> Vec<(u64, u32)> {
        // Each block's tokens are sorted in a buffer each thread reuses: a buffer a block, grown
        // and shrunk among the tables that stay, would leave the heap full of holes too small
        // for the next.
        let table = raw
            .par_iter()
            .map_init(Vec::new, |all: &mut Vec<(u64, u32)>, block| {
                all.clear();
                let counted = block
                    .content
                    .values
                    .iter()
                    .chain(&block.entities.values)
                    .chain(&block.rest_only);
                all.extend(
                    counted
                        .map(|&h| (h, 1))
                        .chain(block.lead.values.iter().map(|&h| (h, 0)))
                        .chain(block.whole.values.iter().map(|&h| (h, 0))),
                );
                all.sort_unstable_by_key(|&(h, _)| h);
                count_sorted(all)
            })
            .collect::<Vec<_>>();
        merge_all(table)
    }

    /// The vocabulary of a table of [`Vocabulary::counts`].
    fn from_counts(table: Vec<(u64, u32)>) -> Self {
        let (hashes, df): (Vec<u64>, Vec<u32>) = table.into_iter().unzip();
        let bits = (hashes.len().max(1) * 2)
            .next_power_of_two()
            .trailing_zeros();
        let shift = 64 - bits;
        let mask = (1usize << bits) - 1;
        let mut slots: Vec<u32> = vec![0; 1 << bits];
        for (id, &h) in hashes.iter().enumerate() {
            let mut at = (h >> shift) as usize;
            while let Some(slot) = slots.get_mut(at) {
                if *slot == 0 {
                    *slot = u32::try_from(id + 1).unwrap_or(u32::MAX);
                    break;
                }
                at = (at + 1) & mask;
            }
        }
        Vocabulary {
            hashes,
            df,
            slots,
            shift,
        }
    }

    /// The id of `hash`, which must be in the vocabulary.
    fn id(&self, hash: u64) -> u32 {
        let mask = self.slots.len() - 1;
        let mut at = (hash >> self.shift) as usize;
        while let Some(&slot) = self.slots.get(at) {
            if slot == 0 {
                break;
            }
            if self.hashes.get(slot as usize - 1) == Some(&hash) {
                return slot - 1;
            }
            at = (at + 1) & mask;
        }
        u32::MAX
    }

    /// The runs of `hashes` as runs of ids, in the same order.
    fn ids(&self, hashes: &Runs<u64>) -> Runs<u32> {
        Runs {
            values: hashes.values.iter().map(|&h| self.id(h)).collect(),
            ends: hashes.ends.clone(),
        }
    }
}

/// Sorted `(hash, count)` entries with the counts of equal hashes summed (in place in `sorted`),
/// copied into a table of exactly their length: every block's table is alive at once.
fn count_sorted(sorted: &mut Vec<(u64, u32)>) -> Vec<(u64, u32)> {
    sorted.dedup_by(|next, kept| {
        if next.0 == kept.0 {
            kept.1 += next.1;
            true
        } else {
            false
        }
    });
    sorted.as_slice().to_vec()
}

/// Tables of [`count_sorted`] as one, merged two by two in rounds, so that each entry is copied
/// once a round.
fn merge_all(mut tables: Vec<Vec<(u64, u32)>>) -> Vec<(u64, u32)> {
    while tables.len() > 1 {
        tables = tables
            .into_par_iter()
            .chunks(2)
            .map(|pair| pair.into_iter().reduce(merge_counts).unwrap_or_default())
            .collect();
    }
    tables.pop().unwrap_or_default()
}

/// Two tables of [`count_sorted`] as one.
fn merge_counts(a: Vec<(u64, u32)>, b: Vec<(u64, u32)>) -> Vec<(u64, u32)> {
    if a.is_empty() {
        return b;
    }
    if b.is_empty() {
        return a;
    }
    // Room for both, given back once the equal hashes are joined (shrinking does not copy).
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut a, mut b) = (a.into_iter().peekable(), b.into_iter().peekable());
    loop {
        let next = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) if x.0 < y.0 => a.next(),
            (Some(x), Some(y)) if x.0 > y.0 => b.next(),
            (Some(_), Some(_)) => match (a.next(), b.next()) {
                (Some((h, m)), Some((_, n))) => Some((h, m + n)),
                _ => None,
            },
            (Some(_), None) => a.next(),
            (None, _) => b.next(),
        };
        match next {
            Some(entry) => out.push(entry),
            None => break,
        }
    }
    out.shrink_to_fit();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolved(utc: &str, precision: Precision, zone_source: ZoneSource) -> ResolvedTime {
        let utc: DateTime<Utc> = utc.parse().unwrap_or_default();
        let mut basis = dateline_model::Basis::new("test", zone_source);
        basis.precision = precision;
        ResolvedTime::new(1, "stamp", utc, utc.fixed_offset(), "UTC", basis)
    }

    #[test]
    fn rarity_holds_in_a_small_input_and_barely_moves_in_a_large_one() {
        // Three articles of one announcement (n counts one more than the posts): the story's
        // words, in all three, weigh most of what a word of one of them weighs.
        let small = 3.0 + 1.0;
        assert!(idf(small, 3) > 0.7 * idf(small, 1));
        // In a large input a word of every post weighs next to nothing, and the prior moves a
        // weight by less than a thousandth.
        let large = 1_000_001.0;
        assert!(idf(large, 1_000_000) < 0.001);
        assert!((idf(large, 10) - (large / 10.0_f32).ln()).abs() < 0.001);
    }

    #[test]
    fn a_stamp_allows_what_it_gives() {
        let stated = || ZoneSource::Stated {
            label: "GMT".to_owned(),
        };
        let t = |s: &str| s.parse::<DateTime<Utc>>().unwrap_or_default();
        let minute = resolved("2019-11-18T22:05:00Z", Precision::Minute, stated());
        assert_eq!(
            span(&minute),
            (t("2019-11-18T22:05:00Z"), t("2019-11-18T22:05:00Z"))
        );
        let hour = resolved("2019-11-18T22:00:00Z", Precision::Hour, stated());
        assert_eq!(
            span(&hour),
            (t("2019-11-18T22:00:00Z"), t("2019-11-18T22:59:59Z"))
        );
        let day = resolved("2019-11-18T00:00:00Z", Precision::Day, stated());
        assert_eq!(
            span(&day),
            (t("2019-11-18T00:00:00Z"), t("2019-11-18T23:59:59Z"))
        );
        // In Kiribati the 18th starts at 10:00 UTC on the 17th; on Baker Island it ends at 11:59:59
        // UTC on the 19th.
        let guessed = resolved("2019-11-18T00:00:00Z", Precision::Day, ZoneSource::Assumed);
        assert_eq!(
            span(&guessed),
            (t("2019-11-17T10:00:00Z"), t("2019-11-19T11:59:59Z"))
        );
    }

    #[test]
    fn a_date_alone_allows_its_day_in_its_zone() {
        let t = |s: &str| s.parse::<DateTime<Utc>>().unwrap_or_default();
        // A page dated `date` read in `zone`, whose day starts at `local`, as dateline-sources
        // resolves it.
        let dated = |local: &str, zone: &'static str, date: Option<&str>| {
            let local: DateTime<chrono::FixedOffset> = local.parse().unwrap_or_default();
            let mut basis = dateline_model::Basis::new(
                "date",
                ZoneSource::OutletDefault { outlet: "o".into() },
            );
            basis.precision = Precision::Day;
            let mut time = ResolvedTime::new(1, "stamp", local.to_utc(), local, zone, basis);
            time.date = date.and_then(|d| d.parse().ok());
            time
        };
        // 15 April 2020 in Berlin, east of UTC, and in Bogotá, west of it: the local day.
        let berlin = dated(
            "2020-04-15T00:00:00+02:00",
            "Europe/Berlin",
            Some("2020-04-15"),
        );
        assert_eq!(
            span(&berlin),
            (t("2020-04-14T22:00:00Z"), t("2020-04-15T21:59:59Z"))
        );
        assert_eq!(printed_date(&berlin), "2020-04-15".parse().ok());
        let bogota = dated(
            "2020-04-15T00:00:00-05:00",
            "America/Bogota",
            Some("2020-04-15"),
        );
        assert_eq!(
            span(&bogota),
            (t("2020-04-15T05:00:00Z"), t("2020-04-16T04:59:59Z"))
        );
        // A fixed offset, and a time without its printed date (from a source plugin): the day of
        // its wall-clock start.
        let fixed = dated("2020-04-15T00:00:00+02:00", "+02:00", None);
        assert_eq!(span(&fixed), span(&berlin));
        assert_eq!(printed_date(&fixed), "2020-04-15".parse().ok());
        // The days the clocks change in Berlin last 23 and 25 hours.
        let spring = dated(
            "2020-03-29T00:00:00+01:00",
            "Europe/Berlin",
            Some("2020-03-29"),
        );
        assert_eq!(
            span(&spring),
            (t("2020-03-28T23:00:00Z"), t("2020-03-29T21:59:59Z"))
        );
        let autumn = dated(
            "2020-10-25T00:00:00+02:00",
            "Europe/Berlin",
            Some("2020-10-25"),
        );
        assert_eq!(
            span(&autumn),
            (t("2020-10-24T22:00:00Z"), t("2020-10-25T22:59:59Z"))
        );
        // In Santiago the clocks went from 00:00 to 01:00 on 6 September 2020: the 5th ends there.
        let santiago = dated(
            "2020-09-05T00:00:00-04:00",
            "America/Santiago",
            Some("2020-09-05"),
        );
        assert_eq!(
            span(&santiago),
            (t("2020-09-05T04:00:00Z"), t("2020-09-06T03:59:59Z"))
        );
        // A time of day has no printed date.
        let minute = resolved("2019-11-18T22:05:00Z", Precision::Minute, ZoneSource::Given);
        assert_eq!(printed_date(&minute), None);
    }

    #[test]
    fn the_gap_between_stamps_is_the_gap_between_what_they_allow() {
        let doc = Document::new("a.txt", "test", b"a");
        let post = Post::new(&doc.id, 1);
        let t = |s: &str| s.parse::<DateTime<Utc>>().unwrap_or_default();
        let at = |s: &str| Item::at(&doc, &post, t(s), "o");
        let day = resolved("2019-11-18T00:00:00Z", Precision::Day, ZoneSource::Assumed);
        let dated = Item::new(&doc, &post, &day, "o");
        assert!(!dated.is_precise());
        assert!(at("2019-11-18T22:05:00Z").is_precise());
        // Reports made at any time of the day, in any zone, stand at no distance from the date.
        assert_eq!(dated.gap_secs(&at("2019-11-18T22:05:00Z")), 0);
        assert_eq!(at("2019-11-19T05:44:00Z").gap_secs(&dated), 0);
        assert_eq!(dated.gap_secs(&at("2019-11-19T13:59:59Z")), 2 * 3600);
        assert_eq!(dated.lag_minutes(t("2019-11-18T22:05:00Z")), 0);
        assert_eq!(dated.lag_minutes(t("2019-11-20T00:00:00Z")), -12 * 60);
        assert_eq!(
            at("2019-11-18T22:05:00Z").gap_secs(&at("2019-11-18T21:05:00Z")),
            3600
        );
        assert_eq!(
            at("2019-11-18T22:05:00Z").lag_minutes(t("2019-11-18T21:05:00Z")),
            60
        );
    }

    #[test]
    fn lead_is_the_first_two_paragraphs() {
        assert_eq!(lead("one\n\ntwo\n\nthree"), "one\n\ntwo");
        assert_eq!(lead("one"), "one");
    }

    #[test]
    fn paragraphs_split_like_str_split() {
        for text in [
            "",
            "a",
            "\n\n",
            "a\n\n\nb",
            "a\n\n\n\nb\n",
            "\u{e9}\n\n\u{201c}x\n\n",
        ] {
            let ours: Vec<&str> = paragraphs(text).collect();
            let std: Vec<&str> = text.split("\n\n").collect();
            assert_eq!(ours, std, "{text:?}");
            let ours: Vec<usize> = breaks(text).collect();
            let std: Vec<usize> = text.match_indices("\n\n").map(|(i, _)| i).collect();
            assert_eq!(ours, std, "{text:?}");
        }
    }

    #[test]
    fn lemma_table_covers_every_predicate() {
        for w in ["tweeted", "suspends", "struck", "urged", "called", "spoke"] {
            let lemma = text::predicate(w).unwrap_or_default();
            assert!(LEMMAS.contains(&lemma), "{w} -> {lemma}");
        }
        assert!(LEMMAS.len() <= 32);
    }

    /// The features [`read_post`] gives one item, in the reference's shape.
    fn read_one(item: &Item<'_>) -> Reference {
        let mut block = RawBlock::default();
        read_post(item, &mut block, &mut Scratch::default());
        Reference {
            content: block.content.get(0).to_vec(),
            lead: block.lead.get(0).to_vec(),
            entities: block.entities.get(0).to_vec(),
            shingles: block.shingles.get(0).to_vec(),
            predicates: block.predicates.first().copied().unwrap_or(0),
            orgs: block.orgs.first().copied().unwrap_or(0),
        }
    }

    fn item<'a>(doc: &'a Document, post: &'a Post) -> Item<'a> {
        Item::at(doc, post, DateTime::<Utc>::UNIX_EPOCH, "o")
    }

    #[test]
    fn one_pass_gives_the_features_each_reader_gave() {
        let texts = [
            "",
            "   \n\n",
            "Trump tweeted: \u{201c}Iran never won a war, but never lost a negotiation!\u{201d} The U.S. \
             Defence Ministry said 3,000 troops left.",
            "\n\n\n\nLate first sentence. Second one.\n\nSome context: Russia's foreign ministry \
             called it \"a dangerous escalation of the conflict\".\n\nNATO suspends training.",
            "Some context: the Pentagon said so.\n\nThe Iraqi oil ministry said US workers \
             were leaving Basra. \u{2018}We are safe here, all of us,\u{2019} one said.",
            "Mr. Pompeo spoke to CNN:\n\"It was imminent, and we acted on the intelligence we had.\"\n\n\
             Read more: the state department\u{2019}s note.\n\nThird paragraph, Caf\u{e9} \u{c9}cole.",
            "\u{e9} a\u{e9} x-ray Iran-backed \u{201c}\u{201d} '' \"open quote never closed",
        ];
        let headlines = [
            None,
            Some("NATO suspends its training mission in Iraq"),
            Some("  "),
        ];
        for kind in [DocumentKind::LiveBlog, DocumentKind::Article] {
            for headline in headlines {
                for text in texts {
                    let mut doc = Document::new("a.txt", "test", b"a");
                    doc.kind = kind;
                    let mut post = Post::new(&doc.id, 1);
                    post.text = text.to_owned();
                    post.headline = headline.map(str::to_owned);
                    let it = item(&doc, &post);
                    assert_eq!(
                        read_one(&it),
                        reference_features(&it),
                        "{kind:?} {headline:?} {text:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_block_keeps_each_post_apart_and_spells_each_name_once() {
        let doc = Document::new("a.txt", "test", b"a");
        let posts: Vec<Post> = [
            "NATO and NATO again. Iran.",
            "Iran, NATO.",
            "",
            "Iran said no.",
        ]
        .iter()
        .enumerate()
        .map(|(k, text)| post_with(&doc, k as u32 + 1, text))
        .collect();
        let items: Vec<Item<'_>> = posts.iter().map(|p| item(&doc, p)).collect();
        let block = read_block(&items);
        for (k, it) in items.iter().enumerate() {
            let reference = reference_features(it);
            assert_eq!(block.content.get(k), reference.content, "post {k}");
            assert_eq!(block.entities.get(k), reference.entities, "post {k}");
        }
        let spelled: Vec<&str> = block
            .names
            .iter()
            .map(|&(_, s, e)| &block.spelled[s as usize..e as usize])
            .collect();
        let mut expected = vec!["iran", "nato"];
        expected.sort_by_key(|n| name_hash(n));
        assert_eq!(spelled, expected);
    }

    /// Spellings of one name in one block are spelled alike, the first in byte order, whatever
    /// order the posts come in.
    #[test]
    fn a_names_spellings_are_spelled_one_way_whatever_their_order() {
        let doc = Document::new("a.txt", "test", b"a");
        let spelled = |texts: [&str; 2]| {
            let posts: Vec<Post> = texts
                .iter()
                .enumerate()
                .map(|(k, text)| post_with(&doc, k as u32 + 1, text))
                .collect();
            let items: Vec<Item<'_>> = posts.iter().map(|p| item(&doc, p)).collect();
            read_block(&items).spelled
        };
        let one = ["President Zelensky spoke.", "President Zelenskiy spoke."];
        let other = [one[1], one[0]];
        assert_eq!(spelled(one), spelled(other));
        assert!(spelled(one).contains("zelenskiy"));
    }

    /// Spellings of one name share its id; a short name, a number or a name not in ASCII letters
    /// is its own key.
    #[test]
    fn a_names_spellings_share_its_id() {
        for (a, b) in [
            ("zelensky", "zelenskiy"),
            ("zelenskyy", "zelensky"),
            ("soleimani", "suleimani"),
            ("mohammed", "muhammad"),
            ("teheran", "tehran"),
        ] {
            assert_eq!(name_hash(a), name_hash(b), "{a} {b}");
        }
        assert_eq!(name_hash("zelensky"), hash_one("zlnsk", b'e'));
        for own in ["iran", "maas", "#3000", "münchen", "bagdad"] {
            assert_eq!(name_hash(own), hash_one(own, b'e'), "{own}");
        }
        assert_ne!(name_hash("baghdad"), name_hash("basra"));
    }

    #[test]
    fn the_table_gives_each_post_its_features_and_each_name_its_spelling() {
        let doc = Document::new("a.txt", "test", b"a");
        let posts: Vec<Post> = (0..BLOCK + 3)
            .map(|k| {
                post_with(
                    &doc,
                    k as u32 + 1,
                    &format!("oil workers leave Basra, said Name{k}."),
                )
            })
            .collect();
        let items: Vec<Item<'_>> = posts.iter().map(|p| item(&doc, p)).collect();
        let (table, weights) = extract(&items);
        for i in [0, 1, BLOCK - 1, BLOCK, BLOCK + 2] {
            let f = table.get(i).expect("a post of the table");
            let reference = reference_features(&items[i]);
            assert_eq!(f.content.len(), reference.content.len());
            assert!(f.content.windows(2).all(|w| w[0] < w[1]));
            let names: Vec<&str> = f.entities.iter().filter_map(|&id| table.name(id)).collect();
            let mut expected = vec!["basra".to_owned(), format!("name{i}")];
            expected.sort_by_key(|n| name_hash(n));
            assert_eq!(names, expected);
            let norm = f
                .content
                .iter()
                .map(|&id| weights[id as usize] * weights[id as usize])
                .sum::<f32>()
                .sqrt();
            assert_eq!(f.content_norm, norm);
        }
        assert!(table.get(items.len()).is_none());
    }

    #[test]
    fn hashes_are_namespaced() {
        assert_ne!(hash_one("iran", b'c'), hash_one("iran", b'e'));
        assert_eq!(hash_one("iran", b'c'), hash_one("iran", b'c'));
    }
}
