//! Per-post features, computed once: content stems and names as ids into a vocabulary of every
//! post's tokens, with a rarity weight per id, quote shingles, predicates and organisations as bit
//! sets.

use std::borrow::Cow;

use chrono::{DateTime, Utc};
use dateline_model::{Document, DocumentKind, Post};
use rayon::prelude::*;

use crate::headline::first_sentence;
use crate::text;

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
    pub(crate) utc: DateTime<Utc>,
    /// The outlet, or the document's path when the outlet is unknown.
    pub(crate) outlet: &'a str,
}

impl<'a> Item<'a> {
    /// The text the post is judged by: headline and body, or for an article its headline and lead.
    /// Paragraphs of context ("Some context:", "Some background:") recap other events and are left
    /// out.
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
    pub(crate) fn lead_sentence(&self) -> Cow<'a, str> {
        match &self.post.headline {
            Some(h) if !h.trim().is_empty() => Cow::Borrowed(h.as_str()),
            _ => Cow::Owned(first_sentence(&self.post.text).unwrap_or_default()),
        }
    }
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
    let mut from = 0;
    std::iter::from_fn(move || {
        let rest = bytes.get(from..)?;
        let at = from + rest.windows(2).position(|w| w == b"\n\n")?;
        from = at + 2;
        Some(at)
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

/// What is compared, for one post. Tokens are ids into the [`Vocabulary`]: ids are in the order
/// of the tokens' hashes, so a post's tokens sorted by id are sorted by hash.
#[derive(Debug, Default, Clone)]
pub(crate) struct Features {
    /// Content stems, sorted, without repeats.
    pub(crate) content: Vec<u32>,
    /// The square root of the sum of squared content weights.
    pub(crate) content_norm: f32,
    /// Content stems of the headline or first sentence, sorted, without repeats.
    pub(crate) lead: Vec<u32>,
    /// The square root of the sum of squared lead weights.
    pub(crate) lead_norm: f32,
    /// Names, sorted, without repeats.
    pub(crate) entities: Vec<u32>,
    /// The sum of the entity weights.
    pub(crate) entity_mass: f32,
    /// Hashes of every run of [`SHINGLE`] words inside a quotation, sorted, without repeats.
    pub(crate) shingles: Vec<u64>,
    /// Bit `i` set when the post uses `LEMMAS[i]`.
    pub(crate) predicates: u32,
    /// Bit `i` set when `ORGS[i]` speaks in the post.
    pub(crate) orgs: u8,
}

/// The features of every item, and the rarity weight of every token id across all of them.
pub(crate) fn extract(items: &[Item<'_>]) -> (Vec<Features>, Vec<f32>) {
    let raw: Vec<Raw> = items.par_iter().map(raw_features).collect();
    let vocabulary = Vocabulary::new(&raw);
    let n = items.len() as f32 + 1.0;
    let weights: Vec<f32> = vocabulary.df.iter().map(|&df| idf(n, df)).collect();
    let features = raw
        .into_par_iter()
        .map(|r| {
            let content = vocabulary.ids(&r.content);
            let lead = vocabulary.ids(&r.lead);
            let entities = vocabulary.ids(&r.entities);
            let weight = |id: &u32| weights.get(*id as usize).copied().unwrap_or(0.0);
            Features {
                content_norm: content
                    .iter()
                    .map(|id| weight(id) * weight(id))
                    .sum::<f32>()
                    .sqrt(),
                content,
                lead_norm: lead
                    .iter()
                    .map(|id| weight(id) * weight(id))
                    .sum::<f32>()
                    .sqrt(),
                lead,
                entity_mass: entities.iter().map(weight).sum(),
                entities,
                shingles: r.shingles,
                predicates: r.predicates,
                orgs: r.orgs,
            }
        })
        .collect();
    (features, weights)
}

pub(crate) fn idf(n: f32, df: u32) -> f32 {
    (n / df.max(1) as f32).ln().max(0.0)
}

/// Features before weights: everything one post says by itself, tokens as hashes.
struct Raw {
    /// Hashed content stems, sorted, without repeats.
    content: Vec<u64>,
    /// Hashed content stems of the headline or first sentence, sorted, without repeats.
    lead: Vec<u64>,
    /// Hashed names, sorted, without repeats.
    entities: Vec<u64>,
    shingles: Vec<u64>,
    predicates: u32,
    orgs: u8,
}

fn raw_features(item: &Item<'_>) -> Raw {
    let text = item.text();
    let mut content: Vec<u64> = Vec::with_capacity(64);
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
    content.shrink_to_fit();
    let orgs = speakers.finish();
    let lead = stems(&item.lead_sentence());
    let mut entities: Vec<u64> = Vec::with_capacity(16);
    text::for_each_entity(&text, |e| entities.push(hash_one(e, b'e')));
    entities.sort_unstable();
    entities.dedup();
    entities.shrink_to_fit();
    let mut shingles: Vec<u64> = Vec::new();
    text::for_each_quote_shingle(&text, SHINGLE, |h| shingles.push(h));
    shingles.sort_unstable();
    shingles.dedup();
    // Every post's shingles live until the end of the merge: no spare capacity.
    shingles.shrink_to_fit();
    Raw {
        content,
        lead,
        entities,
        shingles,
        predicates: predicates as u32,
        orgs: bits(ORGS, &orgs) as u8,
    }
}

/// The hashed stems of the content words of `sentence`, sorted, without repeats.
fn stems(sentence: &str) -> Vec<u64> {
    let mut out: Vec<u64> = Vec::new();
    text::for_each_word(sentence, |w| {
        if !text::is_stop_word(w) && w.chars().nth(1).is_some() {
            out.push(hash_one(text::stem_str(w), b'c'));
        }
    });
    out.sort_unstable();
    out.dedup();
    out.shrink_to_fit();
    out
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
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in std::iter::once(space).chain(word.bytes()) {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// Posts counted per chunk when the vocabulary is built: each chunk's tokens are sorted and counted
/// on their own, so the tokens of all posts are never in one list.
const VOCABULARY_CHUNK: usize = 8192;

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
    fn new(raw: &[Raw]) -> Self {
        let table = raw
            .par_chunks(VOCABULARY_CHUNK)
            .map(|chunk| {
                let mut all: Vec<(u64, u32)> = chunk
                    .iter()
                    .flat_map(|r| {
                        let counted = r.content.iter().chain(&r.entities).map(|&h| (h, 1));
                        counted.chain(r.lead.iter().map(|&h| (h, 0)))
                    })
                    .collect();
                all.sort_unstable_by_key(|&(h, _)| h);
                count_sorted(all)
            })
            .collect::<Vec<_>>();
        let table = merge_all(table);
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

    /// The ids of `hashes`, in the same order.
    fn ids(&self, hashes: &[u64]) -> Vec<u32> {
        hashes.iter().map(|&h| self.id(h)).collect()
    }
}

/// Sorted `(hash, count)` entries with the counts of equal hashes summed.
fn count_sorted(sorted: Vec<(u64, u32)>) -> Vec<(u64, u32)> {
    let mut out: Vec<(u64, u32)> = Vec::with_capacity(sorted.len() / 2);
    for (h, c) in sorted {
        match out.last_mut() {
            Some((last, n)) if *last == h => *n += c,
            _ => out.push((h, c)),
        }
    }
    out
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
    let mut out = Vec::with_capacity(a.len().max(b.len()));
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
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn hashes_are_namespaced() {
        assert_ne!(hash_one("iran", b'c'), hash_one("iran", b'e'));
        assert_eq!(hash_one("iran", b'c'), hash_one("iran", b'c'));
    }
}
