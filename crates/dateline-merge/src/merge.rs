//! The merge stage: documents in, events sorted by UTC out.

use std::collections::BTreeMap;

use dateline_model::{Diagnostic, Document, Event, Post, Severity};
use rayon::prelude::*;

use crate::error::{Error, Repr};
use crate::events::build;
use crate::explain::Explanation;

/// How to merge. The defaults are what the CLI uses.
///
/// Scores are sums of signal contributions (see the crate's documentation); a typical merge of two
/// outlets' reports of one statement scores between 0.6 and 1.5.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Options {
    /// The longest headline, in characters; a longer one is cut at a word and ends with `…`.
    /// Default 140.
    pub headline_chars: usize,
    /// The score at or above which two reports are the same event. Default 0.5.
    pub merge_threshold: f64,
    /// The band below the threshold whose pairs are listed as "possibly the same". Default 0.2.
    pub near_miss: f64,
    /// The longest span of one event, in hours, unless the evidence is overwhelming; candidates are
    /// sought within twice this gap. Default 36.
    pub max_gap_hours: f64,
    /// The score needed to put two reports of one outlet in one event. Default 1.2.
    pub same_outlet_threshold: f64,
    /// The score that merges past [`Options::max_gap_hours`]. Default 1.4.
    pub overwhelming: f64,
    /// A report stamped this many hours before every other outlet's report of its event is in
    /// doubt, and not crowned first reporter. Default 3.
    pub early_report_hours: f64,
    /// Whether [`Merged::explanations`] is filled. Default `true`. The events carry the evidence
    /// of their merges and links either way; without the explanations, each piece of evidence is
    /// held once rather than twice, which matters at millions of posts.
    pub explanations: bool,
}

impl Options {
    /// The longest span of one event, in seconds.
    pub(crate) fn max_gap_secs(&self) -> i64 {
        (self.max_gap_hours * 3600.0) as i64
    }

    /// How far apart two reports may stand and still be compared, in seconds: twice
    /// [`Options::max_gap_hours`]. A window of the partitioned merge reads this far past its end.
    pub(crate) fn reach_secs(&self) -> i64 {
        self.max_gap_secs().saturating_mul(2)
    }
}

impl Default for Options {
    fn default() -> Self {
        Options {
            headline_chars: 140,
            merge_threshold: 0.5,
            near_miss: 0.2,
            max_gap_hours: 36.0,
            same_outlet_threshold: 1.2,
            overwhelming: 1.4,
            early_report_hours: 3.0,
            explanations: true,
        }
    }
}

/// What [`merge`] built: the events and what it had to say about its input.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Merged {
    /// The events, sorted by UTC time, then by id.
    pub events: Vec<Event>,
    /// Posts left out, reports whose time is in doubt and outlets that seem shifted, sorted by
    /// path, then line.
    pub diagnostics: Vec<Diagnostic>,
    /// Every decision worth explaining: each join, each near miss and each join a guard refused,
    /// sorted by the posts compared. Empty when [`Options::explanations`] is off.
    pub explanations: Vec<Explanation>,
}

/// Builds the events of `documents`: the reports of one real-world occurrence, across outlets, in
/// one event, with the evidence.
///
/// A post with no resolved time gets a warning and no event. A post whose id was already seen (the
/// same page given twice) is counted once, and the copy is reported in a warning. The output does not
/// depend on the order of `documents` or of their posts.
pub fn merge(documents: &[Document], options: &Options) -> Merged {
    let (reports, duplicates) = collect(documents);
    let mut merged = build(&reports, options);
    merged
        .diagnostics
        .extend(duplicate_diagnostics(&duplicates));
    sort_diagnostics(&mut merged.diagnostics);
    merged
}

/// [`merge`] with the scored pairs given (by [`crate::partition`]'s windows) rather than found.
pub(crate) fn merge_given(
    documents: &[Document],
    options: &Options,
    pairs: &[crate::events::ScoredPair],
) -> Merged {
    let (reports, duplicates) = collect(documents);
    let mut merged =
        crate::events::build_with(&reports, options, crate::events::Pairs::Given(pairs));
    merged
        .diagnostics
        .extend(duplicate_diagnostics(&duplicates));
    sort_diagnostics(&mut merged.diagnostics);
    merged
}

/// Like [`merge`], but a post id found twice is an error instead of a warning.
///
/// # Errors
///
/// When two posts share an id, which happens when the same page is given twice; the error names the
/// post id and both paths. When several ids collide, the smallest is reported.
pub fn try_merge(documents: &[Document], options: &Options) -> Result<Merged, Error> {
    let (reports, duplicates) = collect(documents);
    if let Some(duplicate) = duplicates.into_iter().next() {
        return Err(Repr::DuplicatePost {
            id: duplicate.id.to_owned(),
            kept: duplicate.kept.to_owned(),
            dropped: duplicate.dropped.to_owned(),
        }
        .into());
    }
    let mut merged = build(&reports, options);
    sort_diagnostics(&mut merged.diagnostics);
    Ok(merged)
}

/// A post with the document it came from.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Report<'a> {
    pub(crate) doc: &'a Document,
    pub(crate) post: &'a Post,
}

/// A post left out because an earlier one had its id.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Duplicate<'a> {
    id: &'a str,
    line: u32,
    source: Option<dateline_model::SourcePosition>,
    kept: &'a str,
    dropped: &'a str,
}

/// Every post once, in an order that depends on the posts alone, and the copies that were left out.
pub(crate) fn collect(documents: &[Document]) -> (Vec<Report<'_>>, Vec<Duplicate<'_>>) {
    let mut all: Vec<Report<'_>> = documents
        .iter()
        .flat_map(|doc| doc.posts.iter().map(move |post| Report { doc, post }))
        .collect();
    // Sorting by the post id and then by everything else that could differ makes the choice of the
    // copy that is kept independent of the input order. The sort is stable, as `sort_by` is.
    all.par_sort_by(|a, b| {
        a.post
            .id
            .cmp(&b.post.id)
            .then_with(|| a.doc.path.cmp(&b.doc.path))
            .then_with(|| a.doc.id.cmp(&b.doc.id))
            .then_with(|| a.post.line.cmp(&b.post.line))
            .then_with(|| {
                let utc = |r: &Report<'_>| r.post.time.as_ref().map(|t| t.utc);
                utc(a).cmp(&utc(b))
            })
            .then_with(|| a.post.headline.cmp(&b.post.headline))
            .then_with(|| a.post.text.cmp(&b.post.text))
            .then_with(|| a.doc.outlet.cmp(&b.doc.outlet))
            .then_with(|| a.doc.title.cmp(&b.doc.title))
    });
    let mut kept: Vec<Report<'_>> = Vec::with_capacity(all.len());
    let mut duplicates = Vec::new();
    for report in all {
        match kept.last() {
            Some(previous) if previous.post.id == report.post.id => duplicates.push(Duplicate {
                id: &report.post.id,
                line: report.post.line,
                source: report.post.source,
                kept: &previous.doc.path,
                dropped: &report.doc.path,
            }),
            _ => kept.push(report),
        }
    }
    (kept, duplicates)
}

/// One warning per pair of documents that share posts, rather than one per post.
fn duplicate_diagnostics(duplicates: &[Duplicate<'_>]) -> Vec<Diagnostic> {
    let mut groups: BTreeMap<(&str, &str), Vec<&Duplicate<'_>>> = BTreeMap::new();
    for duplicate in duplicates {
        groups
            .entry((duplicate.dropped, duplicate.kept))
            .or_default()
            .push(duplicate);
    }
    groups
        .into_iter()
        .filter_map(|((dropped, kept), group)| {
            let first = group.iter().min_by_key(|d| (d.line, d.id))?;
            let count = group.len();
            let message = if count == 1 {
                format!(
                    "post `{}` is also in `{kept}` (the same page given twice?); the copy is left out of the timeline",
                    first.id
                )
            } else {
                format!(
                    "{count} posts, the first `{}`, are also in `{kept}` (the same page given twice?); the copies are left out of the timeline",
                    first.id
                )
            };
            Some(
                Diagnostic::new(Severity::Warning, "duplicate-post", message)
                    .in_path(dropped)
                    .at_line(first.line)
                    .at_source(first.source),
            )
        })
        .collect()
}

/// A stable order for diagnostics: by path, line, severity, code and message.
fn sort_diagnostics(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (&a.path, a.line, a.severity, &a.code, &a.message)
            .cmp(&(&b.path, b.line, b.severity, &b.code, &b.message))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_model::{Basis, DocumentKind, ResolvedTime, ZoneSource};

    fn resolved(line: u32, utc: &str) -> ResolvedTime {
        let utc: chrono::DateTime<chrono::Utc> = utc.parse().expect("an RFC 3339 time");
        let basis = Basis::new(
            "iso-8601",
            ZoneSource::Stated {
                label: "Z".to_owned(),
            },
        );
        ResolvedTime::new(
            line,
            utc.to_rfc3339(),
            utc,
            utc.fixed_offset(),
            "UTC",
            basis,
        )
    }

    /// A document at `path` with posts `(line, utc, text)`; an empty `utc` means no time.
    fn doc(path: &str, outlet: Option<&str>, posts: &[(u32, &str, &str)]) -> Document {
        let mut doc = Document::new(path, "test", path.as_bytes());
        doc.kind = DocumentKind::LiveBlog;
        doc.outlet = outlet.map(str::to_owned);
        doc.title = Some(format!("Title of {path}"));
        for &(line, utc, text) in posts {
            let mut post = Post::new(&doc.id, line);
            post.time = (!utc.is_empty()).then(|| resolved(line, utc));
            post.text = text.to_owned();
            doc.posts.push(post);
        }
        doc
    }

    fn corpus() -> Vec<Document> {
        vec![
            doc(
                "b.txt",
                Some("DW"),
                &[
                    (30, "2020-01-04T03:09:00Z", "Late news. More."),
                    (10, "2020-01-03T12:53:00Z", "Trump tweeted."),
                    (20, "", "A post whose time was lost."),
                ],
            ),
            doc(
                "a.txt",
                None,
                &[
                    (5, "2020-01-03T12:53:00Z", "Same minute, other page."),
                    (9, "2020-01-03T12:44:00Z", ""),
                ],
            ),
        ]
    }

    fn render(merged: &Merged) -> String {
        let mut out = String::new();
        for e in &merged.events {
            out.push_str(&format!(
                "{} {} {:?} {:?} {}\n",
                e.utc.format("%Y-%m-%dT%H:%MZ"),
                e.id,
                e.posts,
                e.outlets,
                e.headline
            ));
        }
        for d in &merged.diagnostics {
            out.push_str(&format!(
                "{:?} {} {}:{} {}\n",
                d.severity,
                d.code,
                d.path.as_deref().unwrap_or("-"),
                d.line.unwrap_or(0),
                d.message
            ));
        }
        out
    }

    #[test]
    fn one_event_per_timed_post_sorted_by_utc_then_id() {
        let docs = corpus();
        let merged = merge(&docs, &Options::default());
        let utcs: Vec<_> = merged.events.iter().map(|e| e.utc).collect();
        let mut sorted = utcs.clone();
        sorted.sort();
        assert_eq!(utcs, sorted);
        // Two events share 12:53; their order is by id.
        assert_eq!(merged.events.len(), 4);
        assert!(merged.events[1].id < merged.events[2].id);
        for event in &merged.events {
            assert_eq!(event.posts.len(), 1);
            assert_eq!(
                event.id,
                dateline_model::event_id([event.posts[0].as_str()])
            );
        }
        insta::assert_snapshot!(render(&merged), @r#"
            2020-01-03T12:44Z eaa597d616d24 ["18b7cb099a9e:9"] ["unknown outlet"] Title of a.txt
            2020-01-03T12:53Z e22f629d666d7 ["18b7cb099a9e:5"] ["unknown outlet"] Same minute, other page.
            2020-01-03T12:53Z ed71c08718e8f ["ffa0da5d885f:10"] ["DW"] Trump tweeted.
            2020-01-04T03:09Z ef34edb5389f8 ["ffa0da5d885f:30"] ["DW"] Late news.
            Warning post-without-time b.txt:20 post has no resolved time; left out of the timeline
            "#);
    }

    #[test]
    fn a_post_without_time_gets_a_warning_and_no_event() {
        let docs = [doc("x.txt", Some("CNN"), &[(7, "", "No stamp here.")])];
        let merged = merge(&docs, &Options::default());
        assert!(merged.events.is_empty());
        assert_eq!(merged.diagnostics.len(), 1);
        let d = &merged.diagnostics[0];
        assert_eq!(d.severity, Severity::Warning);
        assert_eq!(d.path.as_deref(), Some("x.txt"));
        assert_eq!(d.line, Some(7));
        assert_eq!(
            d.message,
            "post has no resolved time; left out of the timeline"
        );
        assert_eq!(d.source, None);
    }

    #[test]
    fn a_warning_about_an_html_page_s_post_cites_the_file_s_line() {
        let mut docs = [doc("x.html", Some("CNN"), &[(7, "", "No stamp here.")])];
        docs[0].posts[0].source = Some(dateline_model::SourcePosition::new(412, 9));
        let merged = merge(&docs, &Options::default());
        let d = &merged.diagnostics[0];
        assert_eq!(d.line, Some(7));
        assert_eq!(d.cited_line(), Some(412));
    }

    #[test]
    fn any_order_of_documents_and_posts_gives_identical_output() {
        let docs = corpus();
        let expected = merge(&docs, &Options::default());
        let mut reversed: Vec<Document> = docs.iter().rev().cloned().collect();
        for d in &mut reversed {
            d.posts.reverse();
        }
        assert_eq!(merge(&reversed, &Options::default()), expected);
        // Every rotation of the posts across both documents, too.
        for shift in 0..5 {
            let mut rotated = docs.clone();
            rotated.rotate_left(shift % 2);
            for d in &mut rotated {
                let n = d.posts.len();
                d.posts.rotate_left(shift % n);
            }
            assert_eq!(
                merge(&rotated, &Options::default()),
                expected,
                "shift {shift}"
            );
        }
    }

    #[test]
    fn headline_prefers_the_post_headline_then_the_first_sentence_then_the_title() {
        let mut docs = [doc(
            "h.txt",
            Some("The Independent"),
            &[
                (1, "2020-01-03T10:00:00Z", "Body first. Body second."),
                (
                    2,
                    "2020-01-03T11:00:00Z",
                    "The U.S. Embassy said Mr. Smith left at 3.30pm. Then.",
                ),
                (3, "2020-01-03T12:00:00Z", "  "),
            ],
        )];
        docs[0].posts[0].headline = Some("  Own\nheadline ".to_owned());
        let headlines: Vec<_> = merge(&docs, &Options::default())
            .events
            .into_iter()
            .map(|e| e.headline)
            .collect();
        assert_eq!(
            headlines,
            [
                "Own headline",
                "The U.S. Embassy said Mr. Smith left at 3.30pm.",
                "Title of h.txt"
            ]
        );
    }

    #[test]
    fn long_headlines_are_cut_at_a_word() {
        let text = format!("{} end.", "word ".repeat(60));
        let docs = [doc("l.txt", None, &[(1, "2020-01-03T10:00:00Z", &text)])];
        let merged = merge(&docs, &Options::default());
        let headline = &merged.events[0].headline;
        assert!(headline.chars().count() <= 140);
        assert!(headline.ends_with("word\u{2026}"), "{headline}");
        let short = Options {
            headline_chars: 12,
            ..Options::default()
        };
        assert_eq!(merge(&docs, &short).events[0].headline, "word word\u{2026}");
    }

    #[test]
    fn the_same_page_given_twice_is_merged_once_with_a_warning() {
        let original = doc(
            "a.txt",
            Some("DW"),
            &[
                (1, "2020-01-03T10:00:00Z", "One."),
                (2, "2020-01-03T11:00:00Z", "Two."),
            ],
        );
        let mut copy = original.clone();
        copy.path = "copy/a.txt".to_owned();
        let once = merge(std::slice::from_ref(&original), &Options::default());
        let twice = merge(&[copy.clone(), original.clone()], &Options::default());
        assert_eq!(twice.events, once.events);
        assert_eq!(
            merge(&[original.clone(), copy.clone()], &Options::default()),
            twice
        );
        insta::assert_snapshot!(render(&twice), @r#"
            2020-01-03T10:00Z edfe0bd4c7c9f ["18b7cb099a9e:1"] ["DW"] One.
            2020-01-03T11:00Z e3633265960b4 ["18b7cb099a9e:2"] ["DW"] Two.
            Warning duplicate-post copy/a.txt:1 2 posts, the first `18b7cb099a9e:1`, are also in `a.txt` (the same page given twice?); the copies are left out of the timeline
            "#);

        let err =
            try_merge(&[copy, original.clone()], &Options::default()).expect_err("a duplicate");
        assert_eq!(err.kind(), crate::ErrorKind::DuplicatePost);
        assert_eq!(err.duplicate_post(), Some(original.posts[0].id.as_str()));
        insta::assert_snapshot!(err, @r#"post `18b7cb099a9e:1` is in both `a.txt` and `copy/a.txt` (the same page given twice?)"#);
        assert!(try_merge(&[original], &Options::default()).is_ok());
    }

    #[test]
    fn nothing_in_nothing_out() {
        assert_eq!(merge(&[], &Options::default()), Merged::default());
    }

    /// Two reports in Spanish on one occurrence, worded in different forms of the same words
    /// (`investigaciones`, `investigación`; `fiscales`, `fiscal`), meet through their stems once
    /// the page's context is sure of its language; read as English, their grammar words and
    /// inflections keep them apart.
    #[test]
    fn reports_in_another_language_meet_through_its_stems() {
        // The language as the page's context decides it, from a clue of `weight`.
        let reports = |language: Option<&str>, weight: u32| {
            let mut docs = vec![
                doc(
                    "uno.txt",
                    Some("Uno"),
                    &[(
                        3,
                        "2022-05-04T11:00:00Z",
                        "Las investigaciones de la fiscalía sobre los contratos portuarios \
                         continúan en el puerto, informaron los fiscales regionales.",
                    )],
                ),
                doc(
                    "dos.txt",
                    Some("Dos"),
                    &[(
                        7,
                        "2022-05-04T11:30:00Z",
                        "La fiscalía confirmó una investigación del contrato portuario del \
                         puerto, informó el fiscal regional.",
                    )],
                ),
                doc(
                    "tres.txt",
                    Some("Tres"),
                    &[
                        (
                            2,
                            "2022-05-04T09:00:00Z",
                            "El tiempo será soleado en la costa.",
                        ),
                        (
                            4,
                            "2022-05-04T10:00:00Z",
                            "Los trenes circulan con retrasos.",
                        ),
                    ],
                ),
            ];
            for d in &mut docs {
                d.context.language = language.map(str::to_owned);
                let mut decision = dateline_model::Decision::new(
                    dateline_model::Question::Language,
                    d.context.language.clone(),
                );
                decision.clue = language.map(|l| {
                    dateline_model::Clue::new(l, "the language of the page's prose", l, weight)
                });
                d.context.decisions.push(decision);
            }
            let merged = merge(&docs, &Options::default());
            merged.events.iter().map(|e| e.posts.len()).max()
        };
        assert_eq!(reports(Some("es"), 60), Some(2));
        assert_eq!(reports(None, 0), Some(1));
        // A reading the context is not sure of (a page of few words reads as some language by
        // chance) leaves the reports in the English tables.
        assert_eq!(reports(Some("es"), 20), Some(1));
    }
}
