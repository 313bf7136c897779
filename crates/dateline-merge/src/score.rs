//! Pairwise scoring: each signal's measure and contribution, and their sum.

use dateline_model::{DocumentKind, Evidence, Signal};

use crate::features::{FeatureTable, Features, Item, LEMMAS, ORGS, SHINGLE};
use crate::text;

/// Weight of the quote signal (a verbatim quote of eight words or more scores it in full).
const QUOTE: f32 = 0.6;
/// Weight of the rarity-weighted cosine of content words.
const CONTENT: f32 = 0.8;
/// Weight of the rarity-weighted cosine of the headlines (or first sentences).
const LEAD: f32 = 0.4;
/// Weight of the rarity-weighted cosine of whole texts, where one report is an article: its
/// headline, lead and the rest, against the other's whole text (an article's judged text is its
/// lead, and two reports of one event may share more in their bodies than their leads say).
const BODY: f32 = 0.4;
/// Weight of the rarity-weighted overlap of names.
const ENTITIES: f32 = 0.3;
/// Weight of the names' overlap between reports in two languages: their words cannot meet, so
/// the names, places and numbers they share carry the comparison.
const ENTITIES_ACROSS: f32 = 0.6;
/// Added when both posts use the same specific predicate.
const PREDICATE_MATCH: f32 = 0.08;
/// Taken when both posts have specific predicates and none is shared.
const PREDICATE_CLASH: f32 = -0.05;
/// Added when the same organisation speaks in both.
const ORG_MATCH: f32 = 0.05;
/// Taken when both name a speaking organisation and none is shared ("defence ministry" against
/// "foreign ministry").
const ORG_CLASH: f32 = -0.5;
/// Taken when both posts come from the same outlet.
const SAME_OUTLET: f32 = -0.25;

/// The measures and contributions of one comparison.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Score {
    pub(crate) quote_words: u32,
    pub(crate) quote: f32,
    pub(crate) content: f32,
    pub(crate) lead: f32,
    pub(crate) body: f32,
    pub(crate) entities: f32,
    /// Whether the reports are read in two languages, each known ([`crate::tongue::key`]).
    pub(crate) across: bool,
    /// Shared specific predicates, as a bit set.
    pub(crate) predicate_bits: u32,
    pub(crate) predicate: f32,
    pub(crate) organisation: f32,
    pub(crate) gap_hours: f32,
    pub(crate) time: f32,
    pub(crate) same_outlet: bool,
    pub(crate) outlet: f32,
    pub(crate) total: f32,
}

/// The time signal: a small bonus within two hours, nothing at twelve, then a growing penalty, so
/// that past a day and a half only overwhelming evidence can merge.
pub(crate) fn time_contribution(gap_hours: f32) -> f32 {
    let g = gap_hours.abs();
    if g <= 2.0 {
        0.1
    } else if g <= 12.0 {
        0.1 * (12.0 - g) / 10.0
    } else if g <= 24.0 {
        -0.3 * (g - 12.0) / 12.0
    } else {
        (-0.3 - 0.4 * (g - 24.0) / 12.0).max(-2.0)
    }
}

/// The outlet prior: posts of one outlet are rarely the same event.
pub(crate) fn outlet_contribution(same: bool) -> f32 {
    if same { SAME_OUTLET } else { 0.0 }
}

/// Compares two posts; `weights` are the rarity weights of the token ids.
pub(crate) fn score(
    a: &Item<'_>,
    fa: &Features<'_>,
    b: &Item<'_>,
    fb: &Features<'_>,
    weights: &[f32],
) -> Score {
    let mut s = Score::default();
    let shared = count_shared(fa.shingles, fb.shingles);
    if shared > 0 {
        s.quote_words = shared + SHINGLE as u32 - 1;
        s.quote = QUOTE * (s.quote_words as f32 / 8.0).min(1.0);
    }
    if fa.content_norm > 0.0 && fb.content_norm > 0.0 {
        let dot = weighted_shared(fa.content, fb.content, weights, |w| w * w);
        s.content = CONTENT * dot / (fa.content_norm * fb.content_norm);
    }
    if fa.lead_norm > 0.0 && fb.lead_norm > 0.0 {
        let dot = weighted_shared(fa.lead, fb.lead, weights, |w| w * w);
        s.lead = LEAD * dot / (fa.lead_norm * fb.lead_norm);
    }
    s.body = BODY * whole_cosine(fa, fb, weights);
    s.across = fa.language != 0 && fb.language != 0 && fa.language != fb.language;
    let mass = fa.entity_mass + fb.entity_mass;
    if mass > 0.0 {
        // Dice's coefficient, weighted by rarity: common names count for little.
        let shared = weighted_shared(fa.entities, fb.entities, weights, |w| w);
        let weight = if s.across { ENTITIES_ACROSS } else { ENTITIES };
        s.entities = weight * (2.0 * shared / mass).min(1.0);
    }
    let both = fa.predicates & fb.predicates;
    s.predicate_bits = both;
    s.predicate = if both != 0 {
        PREDICATE_MATCH
    } else if fa.predicates != 0 && fb.predicates != 0 {
        PREDICATE_CLASH
    } else {
        0.0
    };
    s.organisation = if fa.orgs & fb.orgs != 0 {
        ORG_MATCH
    } else if fa.orgs != 0 && fb.orgs != 0 {
        ORG_CLASH
    } else {
        0.0
    };
    s.gap_hours = (a.gap_secs(b) / 60) as f32 / 60.0;
    s.time = time_contribution(s.gap_hours);
    s.same_outlet = a.outlet == b.outlet;
    s.outlet = outlet_contribution(s.same_outlet);
    s.total = s.quote
        + s.content
        + s.lead
        + s.body
        + s.entities
        + s.predicate
        + s.organisation
        + s.time
        + s.outlet;
    s
}

/// The rarity-weighted cosine of two reports' whole texts (content stems and names) where one
/// of them is an article; 0 between two posts, whose whole texts are their judged texts. A
/// post's whole text is its content and its names (ids of different kinds, never shared).
fn whole_cosine(fa: &Features<'_>, fb: &Features<'_>, weights: &[f32]) -> f32 {
    let square = |w: f32| w * w;
    let (article, other) = match (fa.whole.is_empty(), fb.whole.is_empty()) {
        (true, true) => return 0.0,
        (false, true) => (fa, fb),
        _ => (fb, fa),
    };
    let (dot, norm) = if other.whole.is_empty() {
        let dot = weighted_shared(article.whole, other.content, weights, square)
            + weighted_shared(article.whole, other.entities, weights, square);
        (dot, other.content_norm.hypot(other.entity_norm))
    } else {
        let dot = weighted_shared(article.whole, other.whole, weights, square);
        (dot, other.whole_norm)
    };
    if article.whole_norm > 0.0 && norm > 0.0 {
        dot / (article.whole_norm * norm)
    } else {
        0.0
    }
}

/// How many values `a` and `b` (sorted, without repeats) share. Each step moves past the smaller
/// value (or both) by arithmetic rather than a three-way branch, which the processor cannot
/// predict.
fn count_shared<T: Ord + Copy>(a: &[T], b: &[T]) -> u32 {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while let (Some(&x), Some(&y)) = (a.get(i), b.get(j)) {
        n += u32::from(x == y);
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    n
}

/// The sum of `f(weight)` over the ids found in both `a` and `b` (sorted, without repeats), in
/// order.
fn weighted_shared(a: &[u32], b: &[u32], weights: &[f32], f: impl Fn(f32) -> f32) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while let (Some(&x), Some(&y)) = (a.get(i), b.get(j)) {
        if x == y {
            sum += f(weights.get(x as usize).copied().unwrap_or(0.0));
        }
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    sum
}

/// Rounds to three decimals, so that scores print the same everywhere.
pub(crate) fn round(x: f32) -> f64 {
    (f64::from(x) * 1000.0).round() / 1000.0
}

/// The evidence of a comparison, with the quotes and names spelled out: each post with its
/// features and its id, the earlier first.
///
/// The shared names are the names both posts' features hold, spelled from `table`; the text of `a`
/// is read again only when the posts share a quote shingle (`s.quote_words`), for its quotes.
pub(crate) fn evidence(
    [(a, fa, id_a), (b, fb, id_b)]: [(&Item<'_>, &Features<'_>, &str); 2],
    s: &Score,
    table: &FeatureTable,
) -> Evidence {
    let mut e = Evidence::new(id_a, id_b);
    if s.quote_words > 0 {
        e.quotes = shared_quotes(&a.text(), fb.shingles);
    }
    e.entities = shared_names(fa.entities, fb.entities, table);
    e.predicate = LEMMAS
        .iter()
        .enumerate()
        .find(|(i, _)| s.predicate_bits & (1 << i) != 0)
        .map(|(_, l)| std::borrow::Cow::Borrowed(*l));
    let _ = ORGS;
    e.signals = vec![
        Signal::new("quote", f64::from(s.quote_words), round(s.quote)),
        Signal::new("content", round(s.content / CONTENT), round(s.content)),
        Signal::new("lead", round(s.lead / LEAD), round(s.lead)),
        Signal::new(
            "entities",
            round(s.entities / if s.across { ENTITIES_ACROSS } else { ENTITIES }),
            round(s.entities),
        ),
        Signal::new(
            "predicate",
            f64::from(u8::from(s.predicate > 0.0)),
            round(s.predicate),
        ),
        Signal::new(
            "organisation",
            f64::from(i8::from(s.organisation > 0.0) - i8::from(s.organisation < 0.0)),
            round(s.organisation),
        ),
        Signal::new("time", round(s.gap_hours), round(s.time)),
        Signal::new(
            "outlet",
            f64::from(u8::from(s.same_outlet)),
            round(s.outlet),
        ),
    ];
    // Whole texts are compared only where one report is an article.
    if [a, b].iter().any(|i| i.doc.kind == DocumentKind::Article) {
        e.signals
            .insert(3, Signal::new("body", round(s.body / BODY), round(s.body)));
    }
    e.total = round(s.total);
    e.gap_minutes = a.gap_secs(b) / 60;
    e
}

/// The word runs (normalised) that a quote of `a` shares with a quote of the other post, whose
/// shingle hashes are `other` (sorted): each maximal run of overlapping [`SHINGLE`]-word windows
/// found in both, so the evidence shows what was shared and not the whole of a long quote.
fn shared_quotes(a: &str, other: &[u64]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut quote = text::Shingles::default();
    text::for_each_quote(a, |q| {
        quote.read(q);
        let mut run: Option<(usize, usize)> = None;
        for i in 0..(quote.len() + 1).saturating_sub(SHINGLE) {
            if other.binary_search(&quote.hash(i, SHINGLE)).is_ok() {
                run = match run {
                    Some((start, _)) => Some((start, i + SHINGLE)),
                    None => Some((i, i + SHINGLE)),
                };
            } else if let Some((start, end)) = run.take() {
                out.push(quote.words(start, end).to_owned());
            }
        }
        if let Some((start, end)) = run {
            out.push(quote.words(start, end).to_owned());
        }
    });
    out.dedup();
    out.shrink_to_fit();
    out
}

/// The names (normalised) of both posts, from their name ids (sorted), spelled, sorted, without
/// repeats.
fn shared_names(a: &[u32], b: &[u32], table: &FeatureTable) -> Vec<String> {
    let mut names: Vec<&str> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while let (Some(&x), Some(&y)) = (a.get(i), b.get(j)) {
        match x.cmp(&y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                names.extend(table.name(x));
                i += 1;
                j += 1;
            }
        }
    }
    // Different ids are different names: no repeats.
    names.sort_unstable();
    names.into_iter().map(str::to_owned).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::post_with;
    use dateline_model::{Document, Post};

    #[test]
    fn time_is_a_soft_score() {
        assert!(time_contribution(0.1) > 0.0);
        assert!(
            (time_contribution(10.0) - 0.02).abs() < 1e-6,
            "ten hours is still fine"
        );
        assert!(time_contribution(12.0).abs() < 1e-6);
        assert!(time_contribution(24.0) < -0.29);
        assert!(time_contribution(36.0) < -0.69);
        assert!(time_contribution(1000.0) >= -2.0);
        assert!(time_contribution(-3.0) == time_contribution(3.0));
    }

    #[test]
    fn one_outlet_is_a_prior_against() {
        assert!(outlet_contribution(true) < 0.0);
        assert!(outlet_contribution(false) == 0.0);
    }

    #[test]
    fn shared_counts() {
        assert_eq!(count_shared(&[1, 3, 5], &[2, 3, 5, 7]), 2);
        let s = weighted_shared(&[1, 3], &[1], &[0.0, 2.0, 0.0, 1.0], |w| w * w);
        assert!((s - 4.0).abs() < 1e-6);
    }

    /// The features of posts with `texts`, and the items they were read from.
    fn with_table(texts: &[&str], check: impl Fn(&[Item<'_>], &FeatureTable)) {
        let doc = Document::new("a.txt", "test", b"a");
        let posts: Vec<Post> = texts
            .iter()
            .enumerate()
            .map(|(k, text)| post_with(&doc, k as u32 + 1, text))
            .collect();
        let items: Vec<Item<'_>> = posts
            .iter()
            .map(|post| Item::at(&doc, post, chrono::DateTime::<chrono::Utc>::UNIX_EPOCH, "o"))
            .collect();
        let (table, _) = crate::features::extract(&items);
        check(&items, &table);
    }

    /// A post on line 1 of each document, with the text of the same place.
    fn one_post_each(docs: &[Document], texts: &[&str]) -> Vec<Post> {
        docs.iter()
            .zip(texts)
            .map(|(doc, text)| post_with(doc, 1, text))
            .collect()
    }

    /// The posts as items at one instant, each of its own outlet.
    fn items_of<'a>(docs: &'a [Document], posts: &'a [Post]) -> Vec<Item<'a>> {
        let at = chrono::DateTime::<chrono::Utc>::UNIX_EPOCH;
        docs.iter()
            .zip(posts)
            .map(|(doc, post)| Item::at(doc, post, at, &doc.path))
            .collect()
    }

    /// Two articles whose leads differ meet in the rest of their texts; the rest of an article
    /// counts for nothing against a post that shares only its lead's words.
    #[test]
    fn articles_meet_in_their_whole_texts() {
        let mut docs: Vec<Document> = ["a.txt", "b.txt", "c.txt"]
            .iter()
            .map(|&p| Document::new(p, "test", p.as_bytes()))
            .collect();
        for doc in &mut docs[..2] {
            doc.kind = DocumentKind::Article;
        }
        let texts = [
            "Space agency widens its moon programme.\n\nThe agency spoke on Monday.\n\n\
             Tyvak, Ceres Robotics and Sierra Nevada join the lunar lander pool of fourteen.",
            "Five firms may now bid.\n\nOfficials said so in a call.\n\n\
             Sierra Nevada, Tyvak and Ceres Robotics enter the lunar lander pool, now fourteen.",
            "Five firms may now bid, officials said in a call.",
        ];
        let posts = one_post_each(&docs, &texts);
        let items = items_of(&docs, &posts);
        let (table, weights) = crate::features::extract(&items);
        let f = |k: usize| table.get(k).unwrap_or_default();
        let both = score(&items[0], &f(0), &items[1], &f(1), &weights);
        assert!(both.body > 0.2, "{both:?}");
        assert!(both.lead < 0.05, "{both:?}");
        // The post shares the second article's lead, not the first's rest: little of the
        // first's whole text.
        let post = score(&items[0], &f(0), &items[2], &f(2), &weights);
        assert!(post.body < both.body / 2.0, "{post:?}");
        let e = evidence(
            [(&items[0], &f(0), "a"), (&items[1], &f(1), "b")],
            &both,
            &table,
        );
        assert!(e.signals.iter().any(|s| s.name == "body"));
    }

    /// Between reports in two languages, each sure, the names they share weigh double: their
    /// words cannot meet. Between reports of one language, or of a language not sure, they weigh
    /// as ever.
    #[test]
    fn names_weigh_double_between_two_languages() {
        let mut docs: Vec<Document> = ["en.txt", "it.txt"]
            .iter()
            .map(|&p| Document::new(p, "test", p.as_bytes()))
            .collect();
        let texts = [
            "Zelensky met Meloni and Stoltenberg in Kyiv.",
            "Zelensky ha incontrato Meloni e Stoltenberg a Kyiv.",
        ];
        let posts = one_post_each(&docs, &texts);
        let scores = |docs: &[Document], posts: &[Post]| {
            let items = items_of(docs, posts);
            let (table, weights) = crate::features::extract(&items);
            let f = |k: usize| table.get(k).unwrap_or_default();
            score(&items[0], &f(0), &items[1], &f(1), &weights)
        };
        let alike = scores(&docs, &posts);
        assert!(!alike.across && alike.entities > 0.0, "{alike:?}");
        for (doc, (code, weight)) in docs.iter_mut().zip([("en", 60), ("it", 60)]) {
            doc.context.language = Some(code.to_owned());
            let mut decision = dateline_model::Decision::new(
                dateline_model::Question::Language,
                doc.context.language.clone(),
            );
            decision.clue = Some(dateline_model::Clue::new(code, "prose", code, weight));
            doc.context.decisions.push(decision);
        }
        let across = scores(&docs, &posts);
        assert!(across.across, "{across:?}");
        assert!(
            (across.entities - 2.0 * alike.entities).abs() < 1e-4,
            "{alike:?} {across:?}"
        );
    }

    #[test]
    fn shared_names_are_those_of_both_spelled_once() {
        let a =
            "The Russian foreign ministry said NATO's Dylan White met 3,000 troops. NATO agreed.";
        let b = "Russia and NATO: Dylan Black saw 3,000 troops in Moscow.";
        with_table(&[a, b, ""], |_, table| {
            let names = |x: usize, y: usize| {
                let (fx, fy) = (table.get(x).unwrap(), table.get(y).unwrap());
                shared_names(fx.entities, fy.entities, table)
            };
            let eb = text::entities(b);
            let expected: Vec<String> = text::entities(a)
                .into_iter()
                .filter(|x| eb.binary_search(x).is_ok())
                .collect();
            assert_eq!(names(0, 1), expected);
            assert_eq!(names(0, 1), ["#3000", "dylan", "nato", "russia"]);
            assert_eq!(names(1, 0), expected);
            assert!(names(0, 2).is_empty());
        });
    }

    /// `shared_quotes` as it was written before it had the other post's shingles: from both
    /// texts, the quotes as lists of words.
    fn shared_quotes_of_texts(a: &str, b: &str) -> Vec<String> {
        let mut qb: Vec<u64> = Vec::new();
        text::for_each_quote_shingle(b, SHINGLE, |h| qb.push(h));
        let mut out: Vec<String> = Vec::new();
        for q in text::quotes(a) {
            let mut run: Option<(usize, usize)> = None;
            for (i, w) in q.windows(SHINGLE).enumerate() {
                if qb.contains(&text::shingle_hash(w)) {
                    run = match run {
                        Some((start, _)) => Some((start, i + SHINGLE)),
                        None => Some((i, i + SHINGLE)),
                    };
                } else if let Some((start, end)) = run.take() {
                    out.extend(q.get(start..end).map(|r| r.join(" ")));
                }
            }
            if let Some((start, end)) = run {
                out.extend(q.get(start..end).map(|r| r.join(" ")));
            }
        }
        out.dedup();
        out
    }

    #[test]
    fn shared_quotes_are_the_runs_of_shared_shingles() {
        let a = "Trump: \u{201c}Iran never won a war, but never lost a negotiation!\u{201d} \
                 Then \"one two three four five six\" and \"one two three four five six\" \
                 and \u{2018}short one\u{2019}.";
        let b = "\"IRAN never won a war but never lost\" he said; \"but never lost a \
                 negotiation\" and \"two three four five six seven\"";
        let texts = [a, b, "", "no quotes at all"];
        with_table(&texts, |items, table| {
            for (x, y) in [(0, 1), (1, 0), (0, 2), (2, 0), (0, 0), (3, 1)] {
                let fy = table.get(y).unwrap();
                let (ta, tb) = (items[x].text(), items[y].text());
                assert_eq!(
                    shared_quotes(&ta, fy.shingles),
                    shared_quotes_of_texts(&ta, &tb),
                    "{x} {y}"
                );
            }
            let fb = table.get(1).unwrap();
            assert_eq!(
                shared_quotes(a, fb.shingles),
                [
                    "iran never won a war but never lost",
                    "but never lost a negotiation",
                    "two three four five six"
                ]
            );
        });
    }

    #[test]
    fn round_to_thousandths() {
        assert!((round(0.123_456) - 0.123).abs() < 1e-9);
    }
}
