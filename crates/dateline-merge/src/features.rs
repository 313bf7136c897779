//! Per-post features, computed once: hashed content stems and names with their rarity weights,
//! quote shingles, predicates and organisations as bit sets.

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

impl Item<'_> {
    /// The text the post is judged by: headline and body, or for an article its headline and lead.
    /// Paragraphs of context ("Some context:", "Some background:") recap other events and are left
    /// out.
    pub(crate) fn text(&self) -> String {
        let body = if self.doc.kind == DocumentKind::Article {
            lead(&self.post.text)
        } else {
            self.post.text.as_str()
        };
        let body: Vec<&str> = body.split("\n\n").filter(|p| !is_context(p)).collect();
        let body = body.join("\n\n");
        match &self.post.headline {
            Some(h) => format!("{h}\n\n{body}"),
            None => body,
        }
    }

    /// What the post is about in one line: its headline, else its first sentence.
    pub(crate) fn lead_sentence(&self) -> String {
        match &self.post.headline {
            Some(h) if !h.trim().is_empty() => h.clone(),
            _ => first_sentence(&self.post.text).unwrap_or_default(),
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
    let mut end = text.len();
    let mut seen = 0;
    for (i, _) in text.match_indices("\n\n") {
        seen += 1;
        if seen == 2 {
            end = i;
            break;
        }
    }
    text.get(..end).unwrap_or(text)
}

/// What is compared, for one post.
#[derive(Debug, Default, Clone)]
pub(crate) struct Features {
    /// Content stems (hashed), sorted, with their weights once rarity is known.
    pub(crate) content: Vec<(u64, f32)>,
    /// The square root of the sum of squared content weights.
    pub(crate) content_norm: f32,
    /// Content stems of the headline or first sentence, sorted, with their weights.
    pub(crate) lead: Vec<(u64, f32)>,
    /// The square root of the sum of squared lead weights.
    pub(crate) lead_norm: f32,
    /// Names (hashed), sorted, with their weights.
    pub(crate) entities: Vec<(u64, f32)>,
    /// The sum of the entity weights.
    pub(crate) entity_mass: f32,
    /// Hashes of every run of [`SHINGLE`] words inside a quotation, sorted, without repeats.
    pub(crate) shingles: Vec<u64>,
    /// Bit `i` set when the post uses `LEMMAS[i]`.
    pub(crate) predicates: u32,
    /// Bit `i` set when `ORGS[i]` speaks in the post.
    pub(crate) orgs: u8,
}

/// The features of every item, weighted by rarity across all of them.
pub(crate) fn extract(items: &[Item<'_>]) -> Vec<Features> {
    let mut features: Vec<Features> = items.par_iter().map(raw_features).collect();
    let df = DocumentFrequency::new(&features);
    let n = items.len() as f32 + 1.0;
    features.par_iter_mut().for_each(|f| {
        for (id, w) in &mut f.content {
            *w = idf(n, df.get(*id));
        }
        f.content_norm = f.content.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        for (id, w) in &mut f.lead {
            *w = idf(n, df.get(*id));
        }
        f.lead_norm = f.lead.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        for (id, w) in &mut f.entities {
            *w = idf(n, df.get(*id));
        }
        f.entity_mass = f.entities.iter().map(|(_, w)| w).sum();
    });
    features
}

pub(crate) fn idf(n: f32, df: u32) -> f32 {
    (n / df.max(1) as f32).ln().max(0.0)
}

/// Features before weights: everything one post says by itself.
fn raw_features(item: &Item<'_>) -> Features {
    let text = item.text();
    let mut content: Vec<(u64, f32)> = Vec::with_capacity(64);
    let mut predicates: Vec<&'static str> = Vec::new();
    let mut cue = false;
    text::for_each_word(&text, |w| {
        if !text::is_stop_word(w) && w.len() > 1 {
            content.push((hash_one(text::stem_str(w), b'c'), 0.0));
        }
        if let Some(lemma) = text::predicate(w) {
            predicates.push(lemma);
        }
        cue |= text::is_organisation_cue(w);
    });
    content.sort_unstable_by_key(|&(id, _)| id);
    content.dedup_by_key(|(id, _)| *id);
    predicates.sort_unstable();
    predicates.dedup();
    let orgs = if cue {
        text::organisations(&text::words(&text))
    } else {
        Vec::new()
    };
    let lead = stems(&item.lead_sentence());
    let mut entities: Vec<(u64, f32)> = Vec::with_capacity(16);
    text::for_each_entity(&text, |e| entities.push((hash_one(e, b'e'), 0.0)));
    entities.sort_unstable_by_key(|&(id, _)| id);
    entities.dedup_by_key(|(id, _)| *id);
    // Every post's features live until the end of the merge: no spare capacity.
    content.shrink_to_fit();
    entities.shrink_to_fit();
    let mut shingles: Vec<u64> = text::quotes(&text)
        .iter()
        .flat_map(|q| {
            q.windows(SHINGLE)
                .map(text::shingle_hash)
                .collect::<Vec<_>>()
        })
        .collect();
    shingles.sort_unstable();
    shingles.dedup();
    shingles.shrink_to_fit();
    Features {
        content,
        content_norm: 0.0,
        lead,
        lead_norm: 0.0,
        entities,
        entity_mass: 0.0,
        shingles,
        predicates: bits(LEMMAS, &predicates) as u32,
        orgs: bits(ORGS, &orgs) as u8,
    }
}

/// The hashed stems of the content words of `sentence`, sorted, without repeats, weights to come.
fn stems(sentence: &str) -> Vec<(u64, f32)> {
    let mut out: Vec<(u64, f32)> = Vec::new();
    text::for_each_word(sentence, |w| {
        if !text::is_stop_word(w) && w.chars().nth(1).is_some() {
            out.push((hash_one(text::stem_str(w), b'c'), 0.0));
        }
    });
    out.sort_unstable_by_key(|&(id, _)| id);
    out.dedup_by_key(|(id, _)| *id);
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

/// How many posts carry each hashed token: a sorted table, searched by binary search.
#[derive(Debug)]
pub(crate) struct DocumentFrequency {
    table: Vec<(u64, u32)>,
}

impl DocumentFrequency {
    fn new(features: &[Features]) -> Self {
        let mut all: Vec<u64> = features
            .iter()
            .flat_map(|f| f.content.iter().chain(f.entities.iter()).map(|&(id, _)| id))
            .collect();
        all.par_sort_unstable();
        let mut table: Vec<(u64, u32)> = Vec::new();
        for id in all {
            match table.last_mut() {
                Some((last, count)) if *last == id => *count += 1,
                _ => table.push((id, 1)),
            }
        }
        DocumentFrequency { table }
    }

    fn get(&self, id: u64) -> u32 {
        self.table
            .binary_search_by_key(&id, |&(k, _)| k)
            .ok()
            .and_then(|i| self.table.get(i))
            .map_or(0, |&(_, n)| n)
    }
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
