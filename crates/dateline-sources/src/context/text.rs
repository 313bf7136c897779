//! Clues from a page's visible text: what a reader sees on it.
//!
//! - Lines that state the page's zone ("All times are UTC").
//! - Stamps that print their zone (`10:01 pm PST`): the page's bare clocks are likely in it.
//! - Dated stamps, each a candidate for the page's publication or update time, weighed by what
//!   stands before it on its line (a label in one of many languages: `Publié le`, `Aktualisiert`,
//!   `Опубликовано`, `تحديث`) and by where the line stands: beside the headline or just above the
//!   article's first paragraphs (a dateline), or elsewhere on the page (a teaser, a related story,
//!   a masthead's "today", a comment). A stamp whose shape repeats down the page is one of a list.
//! - Lines that print a date alone (`January 3, 2020`): the day of the page's bare clocks.
//! - Domains and copyright lines: the outlet, and its country (a country-code domain, a media
//!   group such as "Reach plc").
//! - The language of the page's prose.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};
use dateline_time::{Stamp, ZoneLabel};
use regex::Regex;

use super::clue::{Clue, weight};
use super::{Found, When, ZoneClue, language, places};
use crate::Page;
use crate::layout::{RawStamp, is_blank};
use crate::outlets;

/// The kind of a clue from a line that states the page's zone.
pub(crate) const STATEMENT: &str = "the page's statement of its zone";

/// How many of a page's first and last short lines are read for its outlet's domain and rights.
const EDGE_LINES: usize = 150;

/// How many of a page's first non-blank lines are its masthead.
const MASTHEAD_LINES: usize = 5;

/// The kind of a kind clue from the page's run of stamped posts.
const RUN_OF_POSTS: &str = "a run of stamped posts with bodies of their own";
/// The kind of a kind clue from the prose before a page's stamped blocks.
const PROSE_BEFORE: &str = "prose that runs before any stamped block";
/// A kind clue: stamps with no prose of their own (a list's) beside an article's prose.
const BARE_STAMPS: &str = "stamps with no prose of their own, beside an article's";
/// The kind of a publication clue from a labelled line.
const LABELLED: &str = "a line labelled as the publication time";

/// The kind of a publication clue from a dated line beside the headline or above the prose.
pub(crate) const DATELINE: &str = "a dateline beside the headline";
/// The same, when the stamp is shaped like several others on the page (the first of a list).
pub(crate) const LISTED_DATELINE: &str = "a dated line beside the headline, shaped like a list's";
/// The kind of a publication clue from a dated stamp that opens a post after the first.
pub(crate) const POST_STAMP: &str = "a dated stamp that opens a post";
/// The kind of a publication clue from a dated line above the page's first post.
pub(crate) const HEADER: &str = "a dated line above the first post";
/// The kind of a publication clue from a dated line far from the headline.
pub(crate) const ELSEWHERE: &str = "a dated line elsewhere on the page";

/// The kind of a page-date clue from a line that prints a date alone.
pub(crate) const DATE_LINE: &str = "a date alone on its line";

/// Lines longer than this are prose: their stamps are not the page's times.
const SHORT_LINE: usize = 300;

/// At most this many characters may stand around a stamp without a label for the line to be a
/// dateline (a byline, a place, a section name), rather than a sentence.
const DATELINE_LEAD: usize = 80;

/// Which of the page's times a label names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Label {
    Published,
    Updated,
}

/// Words that label a page's publication time, in the languages dateline reads (lower case).
const PUBLISHED: &[&str] = &[
    // English
    "published",
    "first published",
    "posted",
    "publish date",
    "publication date",
    "date published",
    "originally published",
    "original",
    "released",
    "created",
    "issued",
    "date",
    // German, Dutch
    "veröffentlicht",
    "erstellt",
    "erschienen",
    "publiziert",
    "datum",
    "gepubliceerd",
    "geplaatst",
    "gepost",
    // French, Italian, Spanish, Portuguese, Catalan, Romanian
    "publié",
    "mis en ligne",
    "paru",
    "date de publication",
    "pubblicato",
    "pubblicata",
    "pubblicazione",
    "publicado",
    "publicada",
    "publicación",
    "fecha",
    "fecha de publicación",
    "publicação",
    "data de publicação",
    "data",
    "publicat",
    "data publicării",
    // Polish, Czech, Slovak, Slovenian, Croatian, Serbian, Bosnian
    "opublikowano",
    "publikacja",
    "data publikacji",
    "dodano",
    "publikováno",
    "zveřejněno",
    "vydáno",
    "publikované",
    "objavljeno",
    "objavljen",
    "objavljena",
    // Russian, Ukrainian, Bulgarian
    "опубликовано",
    "опубликован",
    "дата публикации",
    "публикация",
    "размещено",
    "дата",
    "опубліковано",
    "дата публікації",
    "публикувано",
    // Turkish, Greek, Hungarian
    "yayınlanma",
    "yayınlanma tarihi",
    "yayın tarihi",
    "yayınlandı",
    "tarih",
    "δημοσίευση",
    "δημοσιεύθηκε",
    "közzétéve",
    "publikálva",
    "megjelent",
    "létrehozva",
    // Nordic
    "publicerad",
    "publicerat",
    "publiceret",
    "udgivet",
    "publisert",
    "julkaistu",
    // Arabic, Persian, Hebrew, Hindi
    "نشر",
    "نُشر",
    "تم نشره",
    "تاريخ النشر",
    "التاريخ",
    "تاریخ انتشار",
    "انتشار",
    "פורסם",
    "प्रकाशित",
    // Indonesian and Malay, Vietnamese
    "diterbitkan",
    "dipublikasikan",
    "diposting",
    "terbit",
    "ngày đăng",
    // Korean, Japanese, Chinese (no spaces: found inside the lead)
    "입력",
    "게시",
    "등록",
    "公開",
    "配信",
    "掲載",
    "投稿",
    "发布",
    "發布",
    "发表",
    "發表",
];

/// Words that label a page's update time.
const UPDATED: &[&str] = &[
    "updated",
    "last updated",
    "update",
    "modified",
    "last modified",
    "revised",
    "edited",
    "aktualisiert",
    "zuletzt aktualisiert",
    "stand",
    "geändert",
    "bijgewerkt",
    "laatste update",
    "gewijzigd",
    "mis à jour",
    "mise à jour",
    "dernière mise à jour",
    "modifié",
    "aggiornato",
    "aggiornata",
    "ultimo aggiornamento",
    "modificato",
    "actualizado",
    "actualizada",
    "última actualización",
    "modificado",
    "atualizado",
    "atualizada",
    "atualização",
    "actualitzat",
    "actualizat",
    "actualizare",
    "zaktualizowano",
    "aktualizacja",
    "aktualizováno",
    "aktualizace",
    "ažurirano",
    "ažuriran",
    "обновлено",
    "обновление",
    "изменено",
    "оновлено",
    "обновено",
    "актуализирано",
    "güncellendi",
    "güncelleme",
    "son güncelleme",
    "ενημέρωση",
    "ενημερώθηκε",
    "frissítve",
    "módosítva",
    "frissítés",
    "uppdaterad",
    "uppdaterat",
    "opdateret",
    "oppdatert",
    "päivitetty",
    "تحديث",
    "محدثة",
    "آخر تحديث",
    "تم التحديث",
    "به‌روزرسانی",
    "بروزرسانی",
    "עודכן",
    "अपडेटेड",
    "अपडेट",
    "diperbarui",
    "수정",
    "更新",
];

/// Automata over every label word, ASCII letters in any case; a word with letters outside
/// ASCII is also looked for capitalised and in capitals (`Опубликовано`, `ОПУБЛИКОВАНО`), so no
/// line is copied to lower case to be searched.
struct Labels {
    /// Every word.
    all: AhoCorasick,
    /// Each word's label, by its place in `all`.
    labels: Vec<Label>,
    /// The words written in ASCII alone, in the same order, as a DFA: most lines searched are
    /// ASCII, where no other word can match, and this automaton reads them several times faster
    /// (it is small enough to build quickly, where a DFA of every word is not).
    ascii: AhoCorasick,
    /// Each ASCII word's label, by its place in `ascii`.
    ascii_labels: Vec<Label>,
}

static LABELS: LazyLock<Option<Labels>> = LazyLock::new(|| {
    let mut words: Vec<String> = Vec::new();
    let mut labels = Vec::new();
    let all = PUBLISHED
        .iter()
        .map(|w| (*w, Label::Published))
        .chain(UPDATED.iter().map(|w| (*w, Label::Updated)));
    for (word, label) in all {
        let mut forms = vec![word.to_owned()];
        if !word.is_ascii() {
            let mut chars = word.chars();
            if let Some(first) = chars.next() {
                forms.push(first.to_uppercase().chain(chars).collect());
            }
            forms.push(word.to_uppercase());
        }
        forms.dedup();
        for form in forms {
            words.push(form);
            labels.push(label);
        }
    }
    let builder = |kind| {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(kind)
            .clone()
    };
    let (ascii_words, ascii_labels): (Vec<&String>, Vec<Label>) = words
        .iter()
        .zip(&labels)
        .filter(|(w, _)| w.is_ascii())
        .unzip();
    Some(Labels {
        all: builder(None).build(&words).ok()?,
        labels,
        ascii: builder(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(ascii_words)
            .ok()?,
        ascii_labels,
    })
});

/// The label of a stamp: one that ends at most [`LABEL_REACH`] characters before it (`Posted by
/// Jo Lee, 06/01/2020`), not one that opens a sentence that mentions a date much later
/// (`Published in the paper's print edition No. 28372 of 24 September`).
fn stamp_label(lead: &str) -> Option<Label> {
    let start = lead
        .char_indices()
        .rev()
        .nth(LABEL_REACH)
        .map_or(0, |(i, _)| i);
    // The label may begin before the reach, as long as it ends within it.
    let from = lead
        .get(..start)
        .and_then(|b| b.rfind(char::is_whitespace))
        .map_or(0, |i| i);
    label(lead.get(from..).unwrap_or(lead))
}

/// How far before a stamp its label may end, in characters.
const LABEL_REACH: usize = 30;

/// The label closest before the end of `lead` (the text before a stamp on its line), as a whole
/// word; `None` when it has none.
pub(crate) fn label(lead: &str) -> Option<Label> {
    let words = LABELS.as_ref()?;
    // In an ASCII text only the ASCII words can match, and they match there as they do among
    // all the words (the others never stand at a place), so the matches are the same.
    let (ac, labels) = if lead.is_ascii() {
        (&words.ascii, &words.ascii_labels)
    } else {
        (&words.all, &words.labels)
    };
    let lower = lead;
    let mut found = None;
    for m in ac.find_iter(lower) {
        let before = lower.get(..m.start()).and_then(|b| b.chars().next_back());
        let after = lower.get(m.end()..).and_then(|a| a.chars().next());
        let cjk = lower
            .get(m.start()..m.end())
            .and_then(|w| w.chars().next())
            .is_some_and(|c| !c.is_ascii() && !c.is_alphabetic() || is_cjk(c));
        let bounded = cjk
            || (before.is_none_or(|c| !c.is_alphanumeric())
                && after.is_none_or(|c| !c.is_alphanumeric()));
        if bounded {
            found = labels.get(m.pattern().as_usize()).copied();
        }
    }
    found
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{9fff}' | '\u{ac00}'..='\u{d7af}')
}

/// A dated stamp on a short line, with what stands around it.
#[derive(Debug, Clone)]
struct Dated {
    line: u32,
    stamp: Stamp,
    /// The text before the stamp (after the stamp before it on the line).
    lead: String,
    /// The text after the stamp, to the next stamp or the end of the line.
    tail: String,
    label: Option<Label>,
    /// The stamp's shape: its form, and its text with digits and letters folded, so that a list's
    /// stamps share one.
    shape: String,
}

/// Adds the clues of the page's visible text to `found`.
pub(crate) fn clues(page: &Page<'_>, found: &mut Found) {
    // A comment thread under the article: its stamps are its comments', never the page's times or
    // posts, and its prose is not the article's. (A thread follows the article's prose; a menu's
    // `Comments` link stands above it, and a share bar's among buttons of one word each.)
    let facts = Facts::new(page);
    let comments = page
        .lines()
        .skip_while(|(n, _)| !facts.is(*n, Facts::PROSE))
        .find(|(n, t)| {
            facts.is(*n, Facts::SHORT)
                && comments_heading(t)
                && !crate::boilerplate::among_buttons(page, *n)
        })
        .map(|(n, _)| n);
    found.comments = comments;
    // The headings of lists of related, recommended or latest stories under the article's start.
    let related: Vec<u32> = page
        .lines()
        .skip_while(|(n, _)| !facts.is(*n, Facts::PROSE))
        .filter(|(n, t)| facts.is(*n, Facts::SHORT) && related_heading(t))
        .map(|(n, _)| n)
        .collect();
    let mut anchors = Anchors::find(page, facts, found.title.as_deref(), comments);
    // Past the first lines with stamps, a long page's stamps are its posts' (or its lists'): only
    // the lines beside its headline and labelled lines are still read, so a page of thousands of
    // posts costs no more than one of a few hundred.
    let mut stamped_lines = 0;
    // The last line with stamps: its number, its relative time and its clock.
    let mut last_stamps: Option<(u32, Option<chrono::Duration>, Option<Stamp>)> = None;
    let mut late_shaped = 0;
    let mut dated: Vec<Dated> = Vec::new();
    let mut printed: HashMap<String, usize> = HashMap::new();
    // Stamps that print their zone: their line, the stamp, and whether a label names it a page time.
    let mut zoned: Vec<(u32, Stamp, bool)> = Vec::new();
    // Lines that open with a clock (a post's head) or end with one after a short byline (a post's
    // foot), with the clock's form.
    let mut heads: Vec<(u32, bool)> = Vec::new();
    // Each head line, and whether a story's headline follows its clock (a list's entry).
    let mut headlines: Vec<(u32, bool)> = Vec::new();
    // A label alone on its line ("Last Updated", "Publicado:") names the stamp under it.
    let mut label_above: Option<Label> = None;
    let mut previous: Option<&str> = None;
    for (n, text) in page.lines() {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            continue;
        }
        let above = label_above.take();
        // The same line twice in a row is one line shown twice (a screen reader's copy).
        let repeat = previous == Some(trimmed);
        previous = Some(trimmed);
        if trimmed.len() > SHORT_LINE || repeat {
            continue;
        }
        let digit = has_digit(trimmed);
        if anchors.facts.is(n, Facts::SHORT) && !digit {
            label_above = alone_label(trimmed);
        }
        if found.statement.is_none()
            && may_state_zone(trimmed)
            && trimmed.chars().count() <= 160
            && let Some(statement) = dateline_time::zone_statement(trimmed)
        {
            found.zone.push(
                Clue::new(
                    ZoneClue::Region(statement.tz),
                    STATEMENT,
                    trimmed,
                    weight::STATEMENT,
                )
                .at(n),
            );
            found.statement = Some((RawStamp::new(n, trimmed), statement.tz));
            continue;
        }
        if !digit {
            continue;
        }
        // Every stamp is read on the lines beside the headline, on labelled lines, and on the
        // page's first short lines with stamps (a byline's glued date, a footer); elsewhere only
        // a stamp that opens a line (a post's head). Past the first lines with stamps, a long
        // page's stamps are its posts' or its lists': they are read no more.
        let early = stamped_lines < STAMPED_LINES;
        // Past them, a line that only stands as a dateline stands is read a few times more (an
        // article's dateline below a long sidebar): a live blog's posts all stand so.
        let shaped = (early || late_shaped < LATE_SHAPED) && anchors.shaped(n);
        if shaped && !early {
            late_shaped += 1;
        }
        let read_all = (trimmed.len() <= GLUED_LINE && early)
            || anchors.near(n)
            || shaped
            || above.is_some()
            || label(head_of(trimmed, LABEL_HEAD)).is_some();
        // A browser's copy may glue two elements into one word ("25 Feb 202625 Feb 2026",
        // "7:55 AM UTCUpdated"): such a line is read with the space put back.
        let unglued = if read_all {
            crate::generic::unglue(trimmed)
        } else {
            None
        };
        let stamps: Vec<Stamp> = if read_all {
            match &unglued {
                Some(unglued) => dateline_time::find_stamps(unglued),
                None => page.stamps(n).to_vec(),
            }
        } else if early {
            // A stamp that opens the line stands in its first few words.
            let head = trimmed
                .char_indices()
                .nth(HEAD_CHARS)
                .map_or(trimmed, |(end, _)| trimmed.get(..end).unwrap_or(trimmed));
            let mut stamps = dateline_time::find_stamps(head);
            stamps.truncate(1);
            stamps
        } else {
            continue;
        };
        let trimmed = unglued.as_deref().unwrap_or(trimmed);
        if !stamps.is_empty() {
            stamped_lines += 1;
        }
        // A relative time beside a clock, on this line or the one before (`21 mins ago11:48`,
        // `4m ago` above `09.10 BST`): the page was saved that long after the clock.
        if found.ago.len() < AGO_PAIRS {
            let ago_of = |stamps: &[Stamp]| {
                stamps.iter().find_map(|s| match s.relative {
                    Some(dateline_time::Relative::Ago(d)) => Some(d),
                    _ => None,
                })
            };
            let clock = stamps
                .iter()
                .find(|s| s.relative.is_none() && s.time.is_some());
            // Glued before the clock, the relative time is no stamp of its own.
            let ago = ago_of(&stamps).or_else(|| {
                let before = trimmed.get(..clock?.span.start)?.trim();
                let glued = crate::generic::RELATIVE_PREFIX
                    .find(before)
                    .is_some_and(|m| m.start() == 0 && m.end() == before.len());
                if glued {
                    ago_of(&dateline_time::find_stamps(&format!("{before} ")))
                } else {
                    None
                }
            });
            let before = last_stamps.as_ref().filter(|(m, _, _)| *m + 2 >= n);
            let pair = match (ago, clock) {
                (Some(d), Some(c)) => Some((d, c.clone())),
                (Some(d), None) => before.and_then(|(_, _, c)| c.clone()).map(|c| (d, c)),
                (None, Some(c)) => before.and_then(|(_, a, _)| *a).map(|d| (d, c.clone())),
                (None, None) => None,
            };
            if let Some((ago, clock)) = pair {
                found.ago.push(super::Ago {
                    clock,
                    ago,
                    line: n,
                    text: trimmed.to_owned(),
                });
            }
            if !stamps.is_empty() {
                last_stamps = Some((n, ago, clock.cloned()));
            }
        }
        if let Some(first) = stamps
            .iter()
            .find(|s| s.relative.is_none() && s.time.is_some())
        {
            let before = trimmed.get(..first.span.start).unwrap_or_default().trim();
            let after = trimmed.get(first.span.end..).unwrap_or_default().trim();
            let relative = crate::generic::RELATIVE_PREFIX
                .find(before)
                .is_some_and(|m| m.end() == before.len());
            // A clock a label names a post's (`Posted at 16:42`, no date: a page's own dateline
            // prints its date) heads a post as a bare one does.
            let posted = !before.is_empty()
                && !relative
                && first.date.is_none()
                && before.chars().count() <= LABEL_HEAD
                && label(before) == Some(Label::Published);
            // A video's length (`0:57` over the video's title) heads no post.
            if (before.is_empty() || relative || posted)
                && label(after).is_none()
                && !crate::boilerplate::is_video_length(page, n)
                && !crate::generic::ticker(page, n)
            {
                heads.push((n, true));
                headlines.push((n, crate::generic::headline_after(after)));
            } else if after.is_empty()
                && before.chars().count() <= 60
                && label(before).is_none()
                && !byline(before)
                && before.chars().next().is_some_and(char::is_uppercase)
            {
                heads.push((n, false));
                headlines.push((n, false));
            }
        }
        let mut from = 0;
        for (k, stamp) in stamps.iter().enumerate() {
            let lead = trimmed.get(from..stamp.span.start).unwrap_or_default();
            let until = stamps
                .get(k + 1)
                .map_or(trimmed.len(), |next| next.span.start);
            let tail = trimmed.get(stamp.span.end..until).unwrap_or_default();
            from = stamp.span.end;
            if let Some(ZoneLabel::Abbreviation(abbr)) = &stamp.zone {
                let count = printed.entry(abbr.to_ascii_uppercase()).or_default();
                *count += 1;
                // Three lines say as much as a page of them.
                if *count <= 3 && stamp.time.is_some() && !abbr.eq_ignore_ascii_case("z") {
                    zoned.push((n, stamp.clone(), label(lead).is_some()));
                }
            }
            let has_year = stamp.date.as_ref().is_some_and(|d| d.year.is_some());
            if !has_year || stamp.relative.is_some() {
                continue;
            }
            // A broadcast's air time (`Sendung: ...`, `Air Date: ...`) never dates the page.
            if comments.is_some_and(|c| n > c) || broadcast(trimmed) {
                continue;
            }
            let lead = lead.trim().to_owned();
            let named = stamp_label(&lead).or_else(|| above.filter(|_| k == 0 && lead.is_empty()));
            dated.push(Dated {
                line: n,
                label: named,
                shape: shape(stamp, &lead, tail),
                stamp: stamp.clone(),
                lead,
                tail: tail.trim().to_owned(),
            });
        }
    }
    // A zone printed by the page's own dateline says less about its other clocks than one printed
    // by the stamps of its posts: a page may show its own time in its reader's zone.
    for (n, stamp, labelled) in zoned {
        let own = labelled || anchors.near(n) || anchors.shaped(n);
        let (kind, w) = if own {
            (
                "the page's own dateline prints its zone",
                weight::PRINTED / 2,
            )
        } else {
            ("a stamp that prints its zone", weight::PRINTED)
        };
        let text = stamp.text.clone();
        found
            .zone
            .push(Clue::new(ZoneClue::Printed(Box::new(stamp)), kind, &text, w).at(n));
    }
    // The first line that opens (or closes) a post: a dated line above it is the page's own;
    // where the page is a run of posts, a dated line that opens a later post is that post's.
    // A stamp in a list of other stories, a few lines under its heading or in a run of stamped
    // headlines, is the story's.
    let listed = crate::generic::story_list(page, &headlines);
    let stamped: Vec<u32> = heads.iter().map(|(n, _)| *n).collect();
    anchors.related = anchors.lists(&related, &stamped);
    let posts_before: Vec<(u32, bool)> = heads
        .iter()
        .copied()
        .filter(|(n, _)| {
            comments.is_none_or(|c| *n < c)
                && !anchors.in_related(*n)
                && listed.binary_search(n).is_err()
        })
        .collect();
    found.related.clone_from(&anchors.related);
    kind(page, &anchors.facts, &posts_before, found);
    let first_post = heads.first().map(|(n, _)| *n);
    let posts: Vec<u32> = heads.iter().skip(1).map(|(n, _)| *n).collect();
    times(&dated, &anchors, first_post, &posts, found);
    // A dateline under the headline, and no run of posts with bodies: the stamps elsewhere on the
    // page are its furniture's (a list of stories, a menu, comments), and the page an article.
    let runs = found
        .kind
        .iter()
        .any(|c| c.kind == RUN_OF_POSTS || c.kind == PROSE_BEFORE || c.kind == BARE_STAMPS);
    let dateline = found
        .published
        .iter()
        .find(|c| c.kind == DATELINE || (c.kind == LABELLED && c.weight >= weight::LABELLED));
    if let (false, Some(d)) = (runs, dateline) {
        let mut clue = Clue::new(
            dateline_model::DocumentKind::Article,
            "a dateline under the headline, and no run of posts",
            &d.text,
            weight::NAMED,
        );
        clue.line = d.line;
        found.kind.push(clue);
    }
    live_title(page, found);
    names(page, found);
    weekdays_today(page, &anchors.facts, found);
    if let Some((code, confidence)) = language::of_text(page.lines().map(|(_, t)| t)) {
        // whatlang's confidence runs 0 to 1; a sure reading outweighs a page's declared tag.
        let w = weight::LANGUAGE + (confidence * f64::from(weight::DATELINE)) as u32;
        found.language.push(Clue::new(
            code.to_owned(),
            "the language of the page's prose",
            language::name(code),
            w,
        ));
    }
}

/// Whether a line is a label and nothing else: a few words, the last of them the label, and a
/// colon at most after it.
pub(crate) fn label_only(text: &str) -> bool {
    let text = text.trim().trim_end_matches([':', '\u{a0}', ' ']);
    text.split_whitespace().count() <= 4 && label(text).is_some()
}

/// The label of a trimmed line that is a label and nothing else ([`label_only`]): the line's
/// words are counted before its text is searched for a label, and it is searched once when it
/// has no colon or space to strip at its end.
fn alone_label(trimmed: &str) -> Option<Label> {
    let bare = trimmed.trim_end_matches([':', '\u{a0}', ' ']);
    if bare.split_whitespace().count() > 4 {
        return None;
    }
    let found = label(trimmed)?;
    (bare.len() == trimmed.len() || label(bare).is_some()).then_some(found)
}

/// Whether a trimmed line may state the page's zone ([`dateline_time::zone_statement`]): a
/// statement opens, after spaces and punctuation, with `all`, `alle` or a word for the page's
/// times (`updates`, `times`, `timestamps`, `posts`, `entries`, `uhrzeiten`, `zeiten`,
/// `zeitangaben`), in any case, so its first letter or digit is the first letter of one of them.
/// Most lines' is not, and they are not searched.
fn may_state_zone(trimmed: &str) -> bool {
    trimmed
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| matches!(c.to_ascii_lowercase(), 'a' | 'e' | 'p' | 't' | 'u' | 'z'))
}

/// How far into a line a label that names its stamp stands (`By Jo Lee | Updated 9:53 am`).
const LABEL_HEAD: usize = 64;

/// The first `bytes` of a text, or as many as end on a character's boundary.
fn head_of(text: &str, bytes: usize) -> &str {
    if text.len() <= bytes {
        return text;
    }
    let mut end = bytes;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(..end).unwrap_or(text)
}

fn has_digit(text: &str) -> bool {
    // Most lines read here are prose without a digit, read to their end. The ASCII digits are
    // looked for 32 bytes at a time (a test with no early exit inside the block runs on vector
    // instructions); the Arabic-Indic ones (U+0660 to U+0669 and U+06F0 to U+06F9) only on a
    // line beyond ASCII with a byte 0xD9 or 0xDB, which every one of them begins with in UTF-8.
    let bytes = text.as_bytes();
    bytes.chunks(32).any(|block| {
        block
            .iter()
            .fold(false, |found, b| found | b.is_ascii_digit())
    }) || (!bytes.is_ascii()
        && memchr::memchr2(0xd9, 0xdb, bytes).is_some()
        && text
            .chars()
            .any(|c| matches!(c, '\u{660}'..='\u{669}' | '\u{6f0}'..='\u{6f9}')))
}

/// A stamp's shape: its form, whether it prints a weekday, a clock and a zone, and its text with
/// every digit as `9` and every run of letters as `a`.
fn shape(stamp: &Stamp, lead: &str, tail: &str) -> String {
    // What stands beside the stamp: nothing, a mark (`[`, `|`, `-`), or words. A list's lines
    // are alike there too (`[ October 24, 2020 ] Title`); a dateline under them need not be.
    let beside = |c: Option<char>| match c {
        None => '_',
        Some(c) if c.is_alphanumeric() => 'w',
        Some(c) => c,
    };
    let mut out = format!(
        "{}{}{}|",
        beside(lead.trim().chars().next_back()),
        stamp.form.name(),
        beside(tail.trim().chars().next()),
    );
    // The kind of the character before: 1 a digit, 2 a letter, 0 anything else. A run of digits
    // is one `9` (`7 May` and `19 May` share a shape), a run of letters one `a`.
    let mut last = 0;
    for c in stamp.text.chars() {
        let kind = if c.is_ascii_digit() {
            1
        } else if c.is_alphabetic() {
            2
        } else {
            0
        };
        match kind {
            1 if last != 1 => out.push('9'),
            2 if last != 2 => out.push('a'),
            0 => out.push(c),
            _ => {}
        }
        last = kind;
    }
    out
}

/// How many lines with stamps are read in full before only a long page's headline, its prose's
/// start and its labelled lines are.
const STAMPED_LINES: usize = 60;

/// How many relative times beside clocks are read for the capture time: a few agree or not.
const AGO_PAIRS: usize = 5;

/// How many lines that stand as a dateline stands are read past the first lines with stamps.
const LATE_SHAPED: usize = 12;

/// The most non-blank lines between two stamps of one list.
const LIST_GAP: u32 = 8;

/// The least [`Anchors::proximity`] of a line that stands near the headline or the prose.
const NEAR: u32 = 10;

/// How many characters at the start of a long line are read for a stamp that opens it.
const HEAD_CHARS: usize = 48;

/// Lines longer than this, unless labelled or beside the headline, are read only for a stamp that
/// opens them: a footer's byline glued to its stamp is short.
const GLUED_LINE: usize = 60;

/// Where a page's article stands: the line that prints its headline (when the machine data names
/// it), and the line where its prose begins.
#[derive(Debug, Clone, Default)]
struct Anchors {
    title: Option<u32>,
    body: Option<u32>,
    /// The last line of the main run of prose: a stamp under it that stands as a dateline stands
    /// is a related story's.
    body_end: Option<u32>,
    /// For each line (index 0 is line 1), how many non-blank lines come before it and it: the
    /// distance between two lines in one subtraction.
    counted: Vec<u32>,
    /// The same count of the lines that say something ([`content`]): a share bar's ten buttons
    /// do not put a dateline far from the prose under it.
    said: Vec<u32>,
    /// The non-blank lines, in order.
    nonblank: Vec<u32>,
    /// What each line is.
    facts: Facts,
    /// The lists of other stories (under `Related`, `Mehr zum Thema`), in order: each heading's
    /// line and the list's last line ([`Self::lists`]).
    related: Vec<(u32, u32)>,
}

impl Anchors {
    fn find(page: &Page<'_>, facts: Facts, title: Option<&str>, comments: Option<u32>) -> Anchors {
        let title = title.map(fold).filter(|t| t.chars().count() >= 8);
        let title_line = title.as_ref().and_then(|t| {
            page.lines().find_map(|(n, line)| {
                let line = fold(line);
                let close = line == *t
                    || (line.chars().count() >= 20
                        && (t.starts_with(&line) || line.starts_with(t.as_str())));
                close.then_some(n)
            })
        });
        let lines = usize::try_from(page.len()).unwrap_or(0);
        let mut counted = Vec::with_capacity(lines);
        let mut said = Vec::with_capacity(lines);
        let mut nonblank = Vec::new();
        let (mut so_far, mut saying) = (0, 0);
        for n in 1..=page.len() {
            if !facts.is(n, Facts::BLANK) {
                so_far += 1;
                nonblank.push(n);
                if facts.is(n, Facts::CONTENT) {
                    saying += 1;
                }
            }
            counted.push(so_far);
            said.push(saying);
        }
        let prose_run = main_prose(page, &facts, comments.unwrap_or(u32::MAX));
        Anchors {
            title: title_line,
            body: prose_run.map(|r| r.0),
            body_end: prose_run.map(|r| r.1),
            counted,
            said,
            nonblank,
            facts,
            related: Vec::new(),
        }
    }

    /// Whether `line` stands where a dateline does, wherever it is above the end of the page's main
    /// prose: under a line that reads as a headline (one or two lines up) and over the start of a
    /// paragraph (within four).
    fn shaped(&self, line: u32) -> bool {
        if self.body_end.is_some_and(|end| line > end) {
            return false;
        }
        let Ok(at) = self.nonblank.binary_search(&line) else {
            return false;
        };
        let line_at = |i: usize| self.nonblank.get(i).copied();
        let mut above = (1..=2)
            .filter_map(|k| at.checked_sub(k))
            .filter_map(line_at);
        let mut below = (at + 1..=at + 4).filter_map(line_at);
        above.any(|n| self.facts.is(n, Facts::HEADLINE))
            && below.any(|n| self.facts.is(n, Facts::PROSE) || self.facts.is(n, Facts::LONG))
    }

    /// Whether `line` stands in a list of other stories: under its heading, up to the list's end.
    fn in_related(&self, line: u32) -> bool {
        let before = self.related.partition_point(|&(h, _)| h < line);
        before
            .checked_sub(1)
            .and_then(|i| self.related.get(i))
            .is_some_and(|&(_, end)| line <= end)
    }

    /// The last of the [`RELATED_SPAN`] non-blank lines under `heading`.
    fn span_end(&self, heading: u32) -> u32 {
        let from = self.nonblank.partition_point(|&n| n <= heading);
        let span = usize::try_from(RELATED_SPAN).unwrap_or(usize::MAX);
        let last = from.saturating_add(span).min(self.nonblank.len());
        last.checked_sub(1)
            .filter(|&i| i >= from)
            .and_then(|i| self.nonblank.get(i))
            .copied()
            .unwrap_or(heading)
    }

    /// Each list of other stories under `headings` (in order), with the line it ends on, found
    /// from its shape: its entries are short
    /// (a stamp every [`ENTRY_SPAN`] non-blank lines at most) and spaced alike, so the list runs
    /// on past its first [`RELATED_SPAN`] lines for as long as the stamps under it keep the
    /// spacing of the entries there (two of them at least), and ends with its last entry. A feed
    /// of thirty teasers is one list; a live blog's posts, of bodies of their own lengths, keep no
    /// such spacing. `stamps` are the page's stamped lines, in order: one pass over them.
    fn lists(&self, headings: &[u32], stamps: &[u32]) -> Vec<(u32, u32)> {
        let mut lists = Vec::with_capacity(headings.len());
        for (i, &h) in headings.iter().enumerate() {
            let span_end = self.span_end(h);
            // The next list's heading ends this one.
            let until = headings.get(i + 1).copied().unwrap_or(u32::MAX);
            let from = stamps.partition_point(|&n| n <= h);
            let under: Vec<u32> = stamps
                .get(from..)
                .unwrap_or_default()
                .iter()
                .copied()
                .take_while(|&n| n < until)
                .collect();
            // The entries' spacing, learned from the stamps within the heading's first lines.
            let first: Vec<u32> = under
                .iter()
                .copied()
                .take_while(|&n| n <= span_end)
                .collect();
            let spacing = first
                .windows(2)
                .filter_map(|w| Some(self.distance(*w.first()?, *w.get(1)?)))
                .max();
            let end = match spacing {
                Some(gap) if first.len() >= 2 && gap <= ENTRY_SPAN => {
                    let mut last = first.last().copied().unwrap_or(h);
                    for &n in under.iter().skip(first.len()) {
                        if self.distance(last, n) > gap {
                            break;
                        }
                        last = n;
                    }
                    // The last entry's own lines, as long as the others'.
                    let at = self.nonblank.partition_point(|&m| m < last);
                    let entry = usize::try_from(gap).unwrap_or(0).saturating_sub(1);
                    let tail = self
                        .nonblank
                        .get(
                            at.saturating_add(entry)
                                .min(self.nonblank.len().saturating_sub(1)),
                        )
                        .copied()
                        .unwrap_or(last)
                        .min(until.saturating_sub(1));
                    span_end.max(tail)
                }
                _ => span_end,
            };
            lists.push((h, end));
        }
        lists
    }

    /// The non-blank lines from `a` to `b` (`a` <= `b`), not counting `a`.
    fn distance(&self, a: u32, b: u32) -> u32 {
        let at = |n: u32| {
            usize::try_from(n)
                .ok()
                .and_then(|n| n.checked_sub(1))
                .and_then(|i| self.counted.get(i))
                .copied()
                .unwrap_or(0)
        };
        at(b).saturating_sub(at(a))
    }

    /// The lines that say something from `a` to `b` (`a` <= `b`), not counting `a`.
    fn said_between(&self, a: u32, b: u32) -> u32 {
        let at = |n: u32| {
            usize::try_from(n)
                .ok()
                .and_then(|n| n.checked_sub(1))
                .and_then(|i| self.said.get(i))
                .copied()
                .unwrap_or(0)
        };
        at(b).saturating_sub(at(a))
    }

    /// Whether `line` stands near the article's headline or the start of its prose.
    fn near(&self, line: u32) -> bool {
        self.proximity(line) >= NEAR
    }

    /// How near `line` stands to where a dateline stands, from 0 (far) to [`weight::DATELINE`]:
    /// right under the headline (a standfirst and a picture may come between) or just above it;
    /// above the start of the article's prose, with few lines that say anything between (a
    /// standfirst, a caption; a share bar's buttons say nothing), or just inside it. The nearer,
    /// the more a dateline there weighs: a masthead's date far above the prose weighs little.
    fn proximity(&self, line: u32) -> u32 {
        let top = weight::DATELINE;
        let mut best = 0;
        if let Some(t) = self.title {
            let near = if line < t {
                let d = self.distance(line, t);
                (d <= 3).then(|| top.saturating_sub(5 * d))
            } else {
                let d = self.distance(t, line);
                (d <= 12).then(|| top.saturating_sub(2 * d))
            };
            best = best.max(near.unwrap_or(0));
        }
        if let Some(b) = self.body {
            let near = if line <= b {
                let said = self.said_between(line, b);
                let lines = self.distance(line, b);
                (said <= 6 && lines <= 40).then(|| top.saturating_sub(4 * said + lines / 4))
            } else {
                (self.distance(b, line) <= 2).then_some(top - 10)
            };
            best = best.max(near.unwrap_or(0));
        }
        best
    }
}

/// Words that head a comment thread, in the languages dateline reads (lower case).
/// Only plurals: a section called `Comment` (opinion) heads no thread.
const COMMENTS: &[&str] = &[
    "comments",
    "reader comments",
    "leave a comment",
    "join the conversation",
    "reacties",
    "kommentare",
    "commentaires",
    "comentarios",
    "commenti",
    "comentários",
    "comentarios de los lectores",
    "komentarze",
    "komentáře",
    "комментарии",
    "коментарі",
    "yorumlar",
    "kommentarer",
    "kommentit",
    "hozzászólások",
    "comentarii",
    "σχόλια",
    "تعليقات",
    "التعليقات",
    "نظرات",
];

/// How many non-blank lines under a heading of other stories its list runs, at least.
const RELATED_SPAN: u32 = 12;

/// The most non-blank lines from one entry's stamp to the next in a list of other stories whose
/// end is found from its shape (a stamp, a relative time, a headline and a teaser).
const ENTRY_SPAN: u32 = 5;

/// Words that head a list of other stories (related, recommended, latest, most read), in the
/// languages dateline reads (lower case).
const RELATED: &[&str] = &[
    "related",
    "related stories",
    "related articles",
    "related content",
    "related coverage",
    "related news",
    "more on this story",
    "more stories",
    "more news",
    "read more",
    "read next",
    "read also",
    "you may also like",
    "you might also like",
    "recommended",
    "recommended for you",
    "most read",
    "most popular",
    "latest news",
    "latest stories",
    "top stories",
    "mehr zum thema",
    "das könnte sie auch interessieren",
    "weitere artikel",
    "lesen sie auch",
    "meistgelesen",
    "meistgelesene artikel",
    "à lire aussi",
    "a lire aussi",
    "sur le même sujet",
    "les plus lus",
    "leia também",
    "relacionadas",
    "alte știri",
    "alte ştiri",
    "notícias relacionadas",
    "mais lidas",
    "as mais lidas agora",
    "últimas notícias",
    "te puede interesar",
    "noticias relacionadas",
    "lo más leído",
    "más noticias",
    "leggi anche",
    "articoli correlati",
    "i più letti",
    "lees ook",
    "gerelateerd",
    "meest gelezen",
    "czytaj także",
    "zobacz też",
    "najczęściej czytane",
    "читайте также",
    "по теме",
    "самое читаемое",
    "похожие новости",
    "ilgili haberler",
    "en çok okunanlar",
    "relaterade artiklar",
    "läs också",
    "les også",
    "læs også",
    "lue myös",
    "citește și",
    "διαβάστε επίσης",
    "اقرأ أيضا",
    "اقرأ أيضاً",
    "أخبار ذات صلة",
    "مواضيع ذات صلة",
];

/// Words that head a list of another outlet's (or section's) stories when its name follows them
/// (`More from Reuters`, `Alte știri de Unica.md`), in the languages dateline reads (lower case,
/// with the space before the name).
const RELATED_FROM: &[&str] = &[
    "more from ",
    "more stories from ",
    "other news from ",
    "other stories from ",
    "alte știri de ",
    "alte ştiri de ",
    "mehr von ",
    "weitere nachrichten von ",
    "altre notizie da ",
    "autres articles de ",
    "otras noticias de ",
    "outras notícias de ",
    "meer van ",
    "więcej od ",
];

/// A line that heads a list of other stories: one of [`RELATED`], alone, or one of
/// [`RELATED_FROM`] and a name; a colon after it at most.
fn related_heading(line: &str) -> bool {
    let line = line.trim().trim_end_matches([':', '\u{a0}', ' ']);
    if line.is_empty() || line.chars().count() > 40 {
        return false;
    }
    // A heading's first letter is the first of one of the words: a line whose is no such letter
    // (most short lines) is not copied to lower case. Most others are ASCII: their lower case is
    // made in a buffer, not a new string, and looked up in a set rather than compared with each
    // heading in turn.
    static FIRST: LazyLock<Vec<char>> =
        LazyLock::new(|| first_chars(RELATED.iter().chain(RELATED_FROM)));
    static HEADINGS: LazyLock<HashSet<&'static str>> =
        LazyLock::new(|| RELATED.iter().copied().collect());
    if !line.chars().next().is_some_and(|c| starts_any(c, &FIRST)) {
        return false;
    }
    let mut buffer = [0u8; 40];
    let owned: String;
    let line = match ascii_lower(line, &mut buffer) {
        Some(lower) => lower,
        None => {
            owned = line.to_lowercase();
            owned.as_str()
        }
    };
    HEADINGS.contains(line)
        || RELATED_FROM.iter().any(|p| {
            line.strip_prefix(p)
                .is_some_and(|name| !name.trim().is_empty())
        })
}

/// The first character of each of `words` (in lower case), once each.
fn first_chars<'a>(words: impl Iterator<Item = &'a &'a str>) -> Vec<char> {
    let mut first: Vec<char> = words.filter_map(|w| w.chars().next()).collect();
    first.sort_unstable();
    first.dedup();
    first
}

/// Whether `c`, in lower case, is one of `first` (as [`first_chars`] gives them): the first
/// character a text that begins with `c` has in lower case. (Only a final `Σ` lowers otherwise,
/// and it is no text's first.)
fn starts_any(c: char, first: &[char]) -> bool {
    c.to_lowercase()
        .next()
        .is_some_and(|lower| first.binary_search(&lower).is_ok())
}

/// An ASCII text of 40 bytes at most in lower case, made in `buffer`: what `to_lowercase` makes
/// of it, without a new string. `None` for any other text.
fn ascii_lower<'a>(text: &str, buffer: &'a mut [u8; 40]) -> Option<&'a str> {
    if !text.is_ascii() {
        return None;
    }
    let lower = buffer.get_mut(..text.len())?;
    lower.copy_from_slice(text.as_bytes());
    lower.make_ascii_lowercase();
    std::str::from_utf8(lower).ok()
}

/// A line that heads a comment thread: one of [`COMMENTS`], alone, with a count before or after it
/// (`Comments (29)`, `12 Comments`, `Reacties (29)`).
fn comments_heading(line: &str) -> bool {
    let line = line.trim();
    if line.is_empty() || line.chars().count() > 40 {
        return false;
    }
    let kept = |c: &char| !c.is_ascii_digit() && !matches!(c, '(' | ')' | '[' | ']' | ':');
    // The words' first letter is the line's first that is neither left out nor white: a line
    // whose is not the first of any heading's (most short lines) is not copied.
    static FIRST: LazyLock<Vec<char>> = LazyLock::new(|| first_chars(COMMENTS.iter()));
    let first = line.chars().find(|c| kept(c) && !c.is_whitespace());
    if !first.is_some_and(|c| starts_any(c, &FIRST)) {
        return false;
    }
    // An ASCII line (of 40 bytes at most) is lowered byte by byte into a buffer, not a new string:
    // its lower case is each byte's.
    if line.is_ascii() {
        let mut buffer = [0u8; 40];
        let mut len = 0;
        let lowered = line
            .chars()
            .filter(kept)
            .map(|c| c.to_ascii_lowercase() as u8);
        for (slot, b) in buffer.iter_mut().zip(lowered) {
            *slot = b;
            len += 1;
        }
        return buffer
            .get(..len)
            .and_then(|words| std::str::from_utf8(words).ok())
            .is_some_and(|words| COMMENTS.contains(&words.trim()));
    }
    let words: String = line.to_lowercase().chars().filter(kept).collect();
    COMMENTS.contains(&words.trim())
}

/// Whether the text after a date makes it one a sentence speaks of, in the languages whose
/// particles follow the date (`2020年6月1日現在`, as of; `に`, on; `から`, from; `まで`, until).
fn spoken_of(tail: &str) -> bool {
    const AFTER: &[&str] = &[
        "現在", "時点", "に", "から", "まで", "より", "以降", "以前", "부터", "까지", "기준",
    ];
    let tail = tail.trim_start();
    AFTER.iter().any(|p| tail.starts_with(p))
}

/// Whether a text ends as a sentence does: with its stop, or a quotation's closing mark after one.
fn sentence_end(text: &str) -> bool {
    let stop = |t: &str| t.ends_with(['.', '!', '?', '\u{3002}', '\u{61f}']);
    let text = text.trim_end();
    stop(text)
        || text
            .strip_suffix(['"', '\u{201d}', '\u{bb}', ')'])
            .is_some_and(|t| stop(t.trim_end()))
}

/// Whether the text before a stamp is a sentence leading up to it: several words, the last a
/// preposition or the article a date takes (`on`, `since`, `le`, `am`, `el`, `den`...).
fn in_sentence(lead: &str) -> bool {
    const BEFORE: &[&str] = &[
        "on", "since", "until", "till", "from", "before", "after", "by", "of", "in", "at", "to",
        "le", "du", "depuis", "am", "seit", "bis", "vom", "el", "desde", "hasta", "del", "il",
        "dal", "fino", "em", "desde", "op", "sinds", "tot", "den", "dem", "zum", "ab", "this",
    ];
    let words: Vec<&str> = lead.split_whitespace().collect();
    words.len() >= 4
        && words
            .last()
            .map(|w| w.trim_end_matches(',').to_lowercase())
            .is_some_and(|w| BEFORE.contains(&w.as_str()))
}

/// Whether a date is a photo caption's (`In this Dec. 12, 2006, file photo, ...`): the picture's
/// day, not the page's.
fn caption(lead: &str, tail: &str) -> bool {
    const PICTURE: &[&str] = &[
        "file photo",
        "file image",
        "file picture",
        "photo",
        "image",
        "picture",
    ];
    let lead = lead.trim().to_lowercase();
    let tail = tail.trim_start_matches([',', ' ', '\u{a0}']).to_lowercase();
    lead.ends_with("in this") || PICTURE.iter().any(|w| tail.starts_with(w))
}

/// Whether a text opens as a byline (`By Jo Lee`, `Por`, `Von`, `Par`, `Di`, `Door`, `Av`, `Af`):
/// a stamp after it is its article's dateline, not a post's footer.
fn byline(text: &str) -> bool {
    const WORDS: &[&str] = &[
        "by", "por", "von", "par", "di", "door", "av", "af", "od", "autor", "author",
    ];
    text.split_whitespace()
        .next()
        .map(|w| w.trim_end_matches(':').to_lowercase())
        .is_some_and(|w| WORDS.contains(&w.as_str()))
}

/// A line that reads as a headline: several words, not a sentence's end, not a menu's label.
fn headline_like(text: &str) -> bool {
    Facts::of(text) & Facts::HEADLINE != 0
}

/// Text folded for comparing a headline with a line: lower case, whitespace collapsed, quotes and
/// dashes folded.
fn fold(text: &str) -> String {
    let mut out = String::new();
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            let c = match c {
                '\u{2018}' | '\u{2019}' => '\'',
                '\u{201c}' | '\u{201d}' => '"',
                '\u{2013}' | '\u{2014}' => '-',
                c => c,
            };
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// A line of prose: long, several words, ending as a sentence does.
pub(crate) fn prose(text: &str) -> bool {
    Facts::of(text) & Facts::PROSE != 0
}

/// A line of a post's body: a sentence, or a long run of text, not a teaser cut off with an
/// ellipsis.
pub(crate) fn body(text: &str) -> bool {
    Facts::of(text) & Facts::BODY != 0
}

/// A line cut off with an ellipsis (`...`, `…`, `[…]`), as a list's teaser is.
fn truncated(text: &str) -> bool {
    let text = text.trim_end().trim_end_matches([']', ')']).trim_end();
    text.ends_with("...") || text.ends_with('\u{2026}')
}

/// What each line of a page is, read once for every clue that asks: blank, prose, a post's body,
/// saying something, headline-like, long.
#[derive(Debug, Clone, Default)]
struct Facts {
    /// Per line (index 0 is line 1), its [`Facts`] bits.
    bits: Vec<u8>,
}

impl Facts {
    const BLANK: u8 = 1;
    /// A line of prose: long, several words, ending as a sentence does (a sentence ends with its
    /// stop, or with a quotation's closing mark after one; a headline ends with neither).
    const PROSE: u8 = 2;
    /// A line of a post's body: a sentence, or a long run of text; not a teaser's text, cut off
    /// with an ellipsis to send the reader to the story.
    const BODY: u8 = 4;
    /// A line that says something: several words, or a long run of text in a script without
    /// spaces.
    const CONTENT: u8 = 8;
    /// A line that reads as a headline: several words, not a sentence's end, not a menu's label.
    const HEADLINE: u8 = 16;
    /// 150 characters or more.
    const LONG: u8 = 32;
    /// 40 characters or fewer.
    const SHORT: u8 = 64;

    fn new(page: &Page<'_>) -> Facts {
        Facts {
            bits: page.lines().map(|(_, t)| Facts::of(t)).collect(),
        }
    }

    /// The bits of one line: [`prose`], [`body_line`], [`content`], [`headline_like`] and the
    /// rest in one reading of it.
    fn of(text: &str) -> u8 {
        let text = text.trim();
        if text.is_empty() {
            return Facts::BLANK;
        }
        // No test below needs to count past 250 characters or 30 words, and none reads the
        // words of a line longer than 250 characters (it is prose, a body, content and long
        // whatever its words): a paragraph's words are not counted.
        let (chars, words) = if text.is_ascii() {
            if text.len() > 250 {
                return Facts::bits(text, text.len(), 31);
            }
            // A word starts at the line's first byte (it is trimmed) and wherever a byte that is
            // not white follows one that is. Counted over the whole line with no early exit and
            // no branch, in a byte (a line of 250 bytes has fewer than 125 such places), the
            // loop runs on vector instructions; the count is then capped at 31, as counting
            // stopped there before.
            let bytes = text.as_bytes();
            let white = |b: &u8| b.is_ascii_whitespace();
            let starts = bytes
                .iter()
                .zip(bytes.get(1..).unwrap_or_default())
                .fold(0u8, |n, (before, at)| {
                    n + u8::from(white(before) & !white(at))
                });
            (text.len(), (1 + usize::from(starts)).min(31))
        } else {
            // Chinese, Japanese and Thai put no spaces between words: two of their characters
            // count as a word, and each as two of an alphabet's characters. Their characters'
            // first bytes in UTF-8 are 0xE0 (Thai) and 0xE3 to 0xE9: a line with none of those
            // bytes (accented Latin, curly quotes, Cyrillic) has none of them, and is not read
            // character by character for them.
            let maybe_unspaced = text
                .bytes()
                .any(|b| b == 0xe0 || (0xe3..=0xe9).contains(&b));
            let unspaced = if maybe_unspaced {
                text.chars()
                    .take(250)
                    .filter(|&c| {
                        matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{9fff}' | '\u{0e00}'..='\u{0e7f}')
                    })
                    .count()
            } else {
                0
            };
            let words = text.split_whitespace().take(31).count().max(unspaced / 2);
            let chars = if text.len() > 1_000 {
                1_000
            } else {
                text.chars().count() + unspaced
            };
            (chars, words)
        };
        Facts::bits(text, chars, words)
    }

    /// The bits of a trimmed, non-blank line of `chars` characters and `words` words (counted up
    /// to 31).
    fn bits(text: &str, chars: usize, words: usize) -> u8 {
        let stop = |t: &str| t.ends_with(['.', '!', '?', '\u{3002}', '\u{61f}']);
        let ended = stop(text)
            || text
                .strip_suffix(['"', '\u{201d}', '\u{bb}', ')'])
                .is_some_and(|t| stop(t.trim_end()));
        let mut bits = 0;
        if chars >= 200 || (chars >= 90 && words >= 12 && ended) {
            bits |= Facts::PROSE;
        }
        if (chars >= 150 || (chars >= 50 && words >= 8 && ended)) && !truncated(text) {
            bits |= Facts::BODY;
        }
        if words >= 6 || chars >= 40 {
            bits |= Facts::CONTENT;
        }
        if (4..=30).contains(&words) && chars <= 250 && !text.ends_with(['.', ':', ',']) {
            bits |= Facts::HEADLINE;
        }
        if chars >= 150 {
            bits |= Facts::LONG;
        }
        if chars <= 40 {
            bits |= Facts::SHORT;
        }
        bits
    }

    /// Whether line `n` has every bit of `bit`.
    fn is(&self, n: u32, bit: u8) -> bool {
        usize::try_from(n)
            .ok()
            .and_then(|n| n.checked_sub(1))
            .and_then(|i| self.bits.get(i))
            .is_some_and(|b| b & bit == bit)
    }

    /// How many of lines `from..=to` have `bit`.
    fn count(&self, from: u32, to: u32, bit: u8) -> usize {
        (from..=to).filter(|&n| self.is(n, bit)).count()
    }
}

/// The first and last lines of the page's main run of prose (its article's body): of the runs of
/// prose lines (a run goes on across at most three other non-blank lines), the one with the most
/// text.
fn main_prose(page: &Page<'_>, facts: &Facts, until: u32) -> Option<(u32, u32)> {
    // The best run: its first and last prose lines and its text's length.
    let mut best: Option<(u32, u32, usize)> = None;
    // The run being read: its first and last prose lines, its text's length, and the non-blank
    // lines since its last prose line.
    let mut run: Option<(u32, u32, usize, usize)> = None;
    for (n, text) in page
        .lines()
        .take_while(|(n, _)| *n < until)
        .filter(|(n, _)| !facts.is(*n, Facts::BLANK))
    {
        if facts.is(n, Facts::PROSE) {
            run = match run {
                Some((start, _, size, gap)) if gap <= 3 => Some((start, n, size + text.len(), 0)),
                _ => Some((n, n, text.len(), 0)),
            };
            if let Some((start, end, size, _)) = run
                && best.is_none_or(|(_, _, b)| size > b)
            {
                best = Some((start, end, size));
            }
        } else if let Some((_, _, _, gap)) = run.as_mut() {
            *gap += 1;
        }
    }
    best.map(|(start, end, _)| (start, end))
}

/// Published and updated clues from the page's dated stamps, and the day of its bare clocks.
fn times(
    dated: &[Dated],
    anchors: &Anchors,
    first_post: Option<u32>,
    posts: &[u32],
    found: &mut Found,
) {
    // A list is three or more stamps of one shape, spaced alike: a stamp far more lines from the
    // next of its shape than the shape's stamps usually are (a dateline above an article whose
    // related stories share its shape) starts a list of its own. Each stamp's list (its shape
    // and the list's first line) and each list's size.
    let mut by_shape: HashMap<&str, Vec<u32>> = HashMap::new();
    for d in dated {
        by_shape.entry(d.shape.as_str()).or_default().push(d.line);
    }
    let mut first_of: HashMap<(&str, u32), u32> = HashMap::new();
    let mut lists: HashMap<(&str, u32), usize> = HashMap::new();
    for (shape, lines) in &by_shape {
        let mut gaps: Vec<u32> = lines
            .windows(2)
            .filter_map(|w| Some(anchors.distance(*w.first()?, *w.get(1)?)))
            .collect();
        gaps.sort_unstable();
        let usual = gaps.get(gaps.len() / 2).copied().unwrap_or(0);
        let split = LIST_GAP.max(3 * usual);
        let mut first = lines.first().copied().unwrap_or(0);
        let mut last = first;
        for &line in lines {
            if anchors.distance(last, line) > split {
                first = line;
            }
            last = line;
            first_of.insert((shape, line), first);
            *lists.entry((shape, first)).or_default() += 1;
        }
    }
    let list_of: Vec<(&str, u32)> = dated
        .iter()
        .map(|d| {
            let shape = d.shape.as_str();
            (
                shape,
                first_of.get(&(shape, d.line)).copied().unwrap_or(d.line),
            )
        })
        .collect();
    let mut labelled_published = 0;
    let mut labelled_updated = 0;
    let mut elsewhere = 0;
    for (k, d) in dated.iter().enumerate() {
        // A quoted social post's date (`— Name (@handle) March 3, 2023`) is the post's; the page
        // that quotes it cannot be older.
        if d.lead.contains("(@") || d.lead.contains("pic.twitter.com") {
            if let Some(date) = d
                .stamp
                .date
                .as_ref()
                .and_then(|p| chrono::NaiveDate::from_ymd_opt(p.year?, p.month, p.day))
            {
                found.quoted.push((date, d.line));
            }
            continue;
        }
        // A date in the headline is part of what it says, and a range's first day
        // (`2020/7/11-12`) is no one time.
        if anchors.title == Some(d.line) || is_range(&d.tail) {
            continue;
        }
        let list = list_of
            .get(k)
            .copied()
            .unwrap_or((d.shape.as_str(), d.line));
        let listed = lists.get(&list).copied().unwrap_or(0) >= 3;
        // Beside the page's headline or prose; or, for a stamp of a shape of its own, standing
        // where a dateline stands (a list's stamps stand so too: under their headlines).
        // Standing as a dateline stands (under a headline-like line, over the start of the prose)
        // weighs most; nearness to the page's anchors alone weighs less, as a masthead's date
        // above a short menu can be near the prose too. The first of a list that stands so is the
        // article's dateline, the rest of its list its related stories'.
        let first = list.1 == d.line;
        // Under a heading of other stories, a stamp is theirs, however it stands.
        let related = anchors.in_related(d.line);
        let shaped = !related && (!listed || first) && anchors.shaped(d.line);
        let proximity = if shaped {
            weight::DATELINE
        } else if related {
            0
        } else {
            anchors.proximity(d.line).min(weight::DATELINE - 10)
        };
        let listed = listed && !shaped;
        let near = proximity >= NEAR;
        let raw = RawStamp::new(d.line, d.stamp.text.as_str());
        let when = || When::Visible {
            stamp: Box::new(d.stamp.clone()),
            raw: raw.clone(),
        };
        let text = format!("{} {} {}", d.lead, d.stamp.text, d.tail);
        match d.label {
            Some(Label::Published) => {
                labelled_published += 1;
                // Labelled beside the headline, it is the page's; the page's first labelled line
                // elsewhere may be (a dateline at the article's foot) or may be a sidebar's story's.
                let w = if near {
                    weight::LABELLED
                } else if labelled_published == 1 && !listed {
                    weight::LABELLED / 2
                } else {
                    weight::ELSEWHERE
                };
                found
                    .published
                    .push(Clue::new(when(), LABELLED, &text, w).at(d.line));
            }
            Some(Label::Updated) => {
                labelled_updated += 1;
                let w = if (labelled_updated == 1 && !listed) || near {
                    weight::LABELLED
                } else {
                    weight::ELSEWHERE
                };
                found.updated.push(
                    Clue::new(when(), "a line labelled as the update time", &text, w).at(d.line),
                );
            }
            None => {
                let lead_chars = d.lead.chars().count();
                let short = lead_chars + d.tail.chars().count() <= DATELINE_LEAD;
                // A date a sentence speaks of (`... speaks at the Capitol on July 25, 2019`, a
                // caption) is none of the page's times.
                if in_sentence(&d.lead) || spoken_of(&d.tail) || caption(&d.lead, &d.tail) {
                    continue;
                }
                // A dateline may run long after its date (the author, the categories, the
                // comment count), but not into a sentence; and a long one weighs less.
                let long = !short;
                if long && (!near || lead_chars > DATELINE_LEAD / 2 || sentence_end(&d.tail)) {
                    continue;
                }
                let proximity = if long { proximity * 3 / 4 } else { proximity };
                let post = posts.binary_search(&d.line).is_ok();
                let (kind, w) = match (near, listed) {
                    (true, false) => (DATELINE, proximity),
                    // The first of a list of stamps of one shape: an article's dateline above its
                    // related stories, or a live blog's first post.
                    (true, true) => (LISTED_DATELINE, proximity / 2),
                    (false, true) => (ELSEWHERE, 1),
                    (false, false) if first_post.is_some_and(|f| d.line <= f) => {
                        (HEADER, weight::ELSEWHERE)
                    }
                    (false, false) => {
                        elsewhere += 1;
                        (
                            ELSEWHERE,
                            if elsewhere <= 3 { weight::ELSEWHERE } else { 1 },
                        )
                    }
                };
                // A later post's own stamp: the page's time only if the page is no live blog.
                let kind = if post { POST_STAMP } else { kind };
                found
                    .published
                    .push(Clue::new(when(), kind, &text, w).at(d.line));
                // A date alone on its line is the day of the page's bare clocks; one of a list
                // of them far from the headline (each story's date in a sidebar) weighs as little
                // as its stamp does, so that a long list does not outvote the page's own dates.
                let day_weight = if listed && !near {
                    w
                } else {
                    w.max(weight::ELSEWHERE)
                };
                if d.stamp.time.is_none()
                    && d.lead.is_empty()
                    && d.tail.is_empty()
                    && let Some(date) = d
                        .stamp
                        .date
                        .as_ref()
                        .and_then(|p| chrono::NaiveDate::from_ymd_opt(p.year?, p.month, p.day))
                {
                    found
                        .page_date
                        .push(Clue::new(date, DATE_LINE, &d.stamp.text, day_weight).at(d.line));
                }
            }
        }
    }
}

/// Labels of a broadcast's air time, in the languages dateline reads (with their colon where they
/// take one; letters beyond ASCII in each case the news prints them): the programme's time, never
/// the page's.
#[rustfmt::skip]
const BROADCAST: &[&str] = &[
    "sendung:", "sendung vom", "ausstrahlung:", "air date:", "aired:", "airs:", "broadcast:",
    "first broadcast:", "emisión:", "emitido:", "diffusion :", "diffusion:", "diffusé le",
    "trasmissione:", "in onda:", "uitzending:", "emisja:", "эфир:", "Эфир:", "yayın:",
];

/// Whether a line gives a broadcast's air time (`Sendung: Das Erste, 03.11.2022 20:00 Uhr`):
/// one anchored automaton over its first bytes.
pub(crate) fn broadcast(line: &str) -> bool {
    static LABELS: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .start_kind(StartKind::Anchored)
            .build(BROADCAST)
            .ok()
    });
    LABELS.as_ref().is_some_and(|labels| {
        labels
            .find(Input::new(line.trim_start()).anchored(Anchored::Yes))
            .is_some()
    })
}

/// Links that send the reader from a story's teaser to the story, alone on their line, in the
/// languages dateline reads (lower case).
#[rustfmt::skip]
const READ_MORE: &[&str] = &[
    "read more", "read the full story", "full story", "continue reading", "ver noticia",
    "ver más", "leer más", "seguir leyendo", "lire la suite", "lire plus", "weiterlesen",
    "mehr lesen", "leggi tutto", "leggi di più", "continua a leggere", "czytaj więcej",
    "czytaj dalej", "подробнее", "читать далее", "devamını oku", "ler mais", "saiba mais",
    "lees meer", "les mer", "läs mer", "læs mere", "lue lisää", "اقرأ المزيد", "المزيد",
    "続きを読む", "더보기",
];

/// Whether the block of lines `from..=to` is a teaser: its last line is a link to the story.
fn teaser(page: &Page<'_>, from: u32, to: u32) -> bool {
    (from..=to)
        .rev()
        .filter_map(|n| page.line(n))
        .find(|t| !is_blank(t))
        .is_some_and(|t| {
            let t = t
                .trim()
                .trim_end_matches(['»', '›', '>', '…', '.', ' ', '\u{a0}', '→'])
                .to_lowercase();
            READ_MORE.contains(&t.as_str())
        })
}

/// For each of a page's stamps (in page order), the first line of its block when the block has
/// prose of its own (`body(from, to)`) and is no teaser of another story. A stamp at its post's
/// head (`head`) opens a block that runs to the line before the next stamp; one at its post's
/// foot closes a block that runs from the line after the stamp before.
pub(crate) fn bodied_blocks(
    page: &Page<'_>,
    stamps: &[u32],
    head: bool,
    body: impl Fn(u32, u32) -> bool,
) -> Vec<Option<u32>> {
    stamps
        .iter()
        .enumerate()
        .map(|(i, &n)| {
            let (from, to) = if head {
                (n, stamps.get(i + 1).map_or(page.len(), |m| m - 1))
            } else {
                (
                    i.checked_sub(1)
                        .and_then(|j| stamps.get(j))
                        .map_or(1, |m| m + 1),
                    n,
                )
            };
            (body(from, to) && !teaser(page, from, to)).then_some(from)
        })
        .collect()
}

/// A page whose stamps open (or close) blocks of prose of their own, in a run, is a live blog;
/// stamps that only follow a whole article (its comments, its related stories) say nothing of it.
fn kind(page: &Page<'_>, facts: &Facts, heads: &[(u32, bool)], found: &mut Found) {
    // The posts' stamps stand at their heads or at their feet: whichever the page has more of.
    let at_head = heads.iter().filter(|(_, h)| *h).count();
    let at_foot = heads.len() - at_head;
    let head = at_head >= at_foot;
    let stamps: Vec<u32> = heads
        .iter()
        .filter(|(_, h)| *h == head)
        .map(|(n, _)| *n)
        .collect();
    let blocks = bodied_blocks(page, &stamps, head, |from, to| {
        facts.count(from, to, Facts::BODY) > 0
    });
    let bodied = blocks.iter().flatten().count();
    let first_bodied = blocks.iter().flatten().next().copied();
    if bodied < 3 {
        // Stamps in a run with hardly any prose of their own, on a page whose prose runs long
        // elsewhere: a list of stories (titles, bylines, times) beside an article.
        let paragraphs = facts.count(1, page.len(), Facts::PROSE);
        if stamps.len() >= 3 && bodied <= 1 && paragraphs >= 3 {
            found.kind.push(Clue::new(
                dateline_model::DocumentKind::Article,
                BARE_STAMPS,
                &format!(
                    "{} stamps, {bodied} with prose of its own, beside {paragraphs} paragraphs",
                    stamps.len()
                ),
                weight::NAMED,
            ));
        }
        return;
    }
    // Twice as much prose before the first post as there are posts: a whole article, whose
    // comments or related stories follow. Fewer paragraphs than posts: a live blog's
    // introduction. Between the two, the blocks say nothing either way.
    let before = first_bodied.map_or(0, |first| facts.count(1, first - 1, Facts::PROSE));
    if before >= bodied {
        if before < 3 || before < 2 * bodied {
            return;
        }
        found.kind.push(Clue::new(
            dateline_model::DocumentKind::Article,
            PROSE_BEFORE,
            &format!("{before} paragraphs before the first of {bodied} stamped blocks"),
            weight::PRINTED,
        ));
        return;
    }
    found.kind.push(Clue::new(
        dateline_model::DocumentKind::LiveBlog,
        RUN_OF_POSTS,
        &format!("{bodied} stamped blocks with prose of their own"),
        weight::PRINTED + bodied.min(20) as u32,
    ));
}

/// Words a live blog's headline calls it by, in the languages dateline reads (lower case). The
/// word `live` alone counts only where a headline puts it as a label (see [`live_label`]).
const LIVE: &[&str] = &[
    "liveblog",
    "live blog",
    "live updates",
    "live coverage",
    "as it happened",
    "all the latest",
    "the latest updates",
    "minute by minute",
    "en direct",
    "en vivo",
    "en directo",
    "ao vivo",
    "in diretta",
    "diretta",
    "liveticker",
    "live-ticker",
    "ticker",
    "na żywo",
    "relacja na żywo",
    "online-трансляция",
    "онлайн",
    "в прямом эфире",
    "canlı",
    "živě",
    "élő",
    "suora",
    "direkte",
    "live-blogg",
];

/// Whether a headline (lower case) carries `live` as a label: at its start or its end, or set off
/// by a colon, a dash or a bar (`Live: ...`, `... – live`, `Election night live`), not as a word
/// of its sentence (`Live Nation shares fall`).
fn live_label(lower: &str) -> bool {
    // A broadcast to watch or hear live (`Watch live: ...`, `Listen live`, `live stream`) is a
    // video or an audio player, not a live blog.
    const BROADCAST: &[&str] = &[
        "watch live",
        "listen live",
        "live stream",
        "livestream",
        "live video",
        "live tv",
        "live radio",
    ];
    if BROADCAST.iter().any(|b| lower.contains(b)) {
        return false;
    }
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != ':')
        .filter(|w| !w.is_empty())
        .collect();
    let first = words.first().copied();
    let last = words.last().copied();
    // A news agency's running story, `The Latest: ...`, as a label, not "for the latest news".
    let latest = lower.starts_with("the latest:")
        || lower.ends_with(": the latest")
        || lower.ends_with("– the latest")
        || lower.ends_with("- the latest");
    latest
        || first == Some("live:")
        || last == Some("live")
        || lower.contains("live:")
        || lower.contains("– live")
        || lower.contains("- live")
        || lower.contains("| live")
        || lower.contains(": live")
        || lower.starts_with("live |")
        || lower.starts_with("live –")
        || lower.starts_with("live -")
}

/// A headline that calls the page a live blog: the machine data's, else a headline-like line at
/// the top of the page (several words, not a menu's `Live TV`).
fn live_title(page: &Page<'_>, found: &mut Found) {
    // One automaton tells whether a headline holds any of the words at all; only one that does is
    // searched for each word as a whole word.
    static WORDS: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| AhoCorasick::new(LIVE).ok());
    let is_live = |text: &str| {
        let lower = text.to_lowercase();
        live_label(&lower)
            || (WORDS.as_ref().is_none_or(|words| words.is_match(&lower))
                && LIVE.iter().any(|w| {
                    lower.match_indices(w).any(|(i, _)| {
                        let before = lower.get(..i).and_then(|b| b.chars().next_back());
                        let after = lower.get(i + w.len()..).and_then(|a| a.chars().next());
                        before.is_none_or(|c| !c.is_alphanumeric())
                            && after.is_none_or(|c| !c.is_alphanumeric())
                    })
                }))
    };
    if let Some(title) = found.title.clone() {
        if is_live(&title) {
            found.kind.push(Clue::new(
                dateline_model::DocumentKind::LiveBlog,
                "the headline calls the page live",
                &title,
                weight::PRINTED,
            ));
        }
        return;
    }
    let top = page
        .lines()
        .filter(|(_, t)| !is_blank(t))
        .take(12)
        .find(|(_, t)| headline_like(t) && is_live(t));
    if let Some((n, line)) = top {
        found.kind.push(
            Clue::new(
                dateline_model::DocumentKind::LiveBlog,
                "a headline at the top of the page calls it live",
                line,
                weight::PRINTED,
            )
            .at(n),
        );
    }
}

/// Whether the text after a stamp makes it the start of a range: a dash, then a number.
fn is_range(tail: &str) -> bool {
    tail.strip_prefix(['-', '\u{2013}', '\u{2014}'])
        .map(str::trim_start)
        .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
}

/// How much of a page's text is read for the places it names. They are read only where no firmer
/// clue to the zone stands, so a page without one is read far enough for a local story's places
/// (its dateline, its state, the towns of its paragraphs) to count, and no further: each
/// capitalised word is looked up in the gazetteer with the words after it.
const PLACE_BYTES: usize = 64_000;

/// How many of a page's first paragraphs are read for a story's dateline.
const STORY_PARAGRAPHS: usize = 3;

/// How long a line is to be a paragraph of prose, in bytes.
const PARAGRAPH_BYTES: usize = 60;

/// The place a paragraph's opening dateline names, with the dateline as printed: a place in
/// capitals, then a state or country or an agency or both, then a dash or a colon, before the
/// story's first sentence (`MANILA, Philippines —`, `SYDNEY (Reuters) -`, `BERLIN (dpa) -`,
/// `BUENOS AIRES.-`, `KARACHI:`). A state or country after the place picks among the places of
/// that name (`HAMILTON, Ontario`); else the gazetteer's preferred one.
fn story_dateline(text: &str) -> Option<(dateline_time::Place, &str)> {
    // The dateline ends at the first dash or colon, within its first 80 bytes (cut at the
    // character there).
    let cut = (0..=text.len().min(80))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    let head = text.get(..cut).unwrap_or_default();
    let end = ["\u{2014}", "\u{2013}", " - ", " -", ".-", ":"]
        .iter()
        .filter_map(|sep| head.find(sep))
        .min()?;
    let dateline = head.get(..end)?.trim_end();
    // The place: capitals up to a comma or a bracket.
    let name_end = dateline.find([',', '(']).unwrap_or(dateline.len());
    let name = dateline.get(..name_end)?.trim();
    let capitals = name.chars().filter(|c| c.is_alphabetic()).count();
    let all_capitals = name
        .chars()
        .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | '-' | '\u{2019}'));
    if capitals < 3 || !all_capitals || name.split(' ').count() > 4 {
        return None;
    }
    let candidates = dateline_time::place_candidates(name);
    let rest = dateline.get(name_end..).unwrap_or_default();
    let named_country = regions_named(rest).next().map(|(_, country, _, _)| country);
    let place = match named_country {
        Some(country) => candidates.iter().find(|p| p.country == country).copied(),
        None => candidates.first().copied(),
    }?;
    Some((place, dateline))
}

/// How many lines from a line of the page's own times a place line stands ([`place_line`]).
const PLACE_LINE_REACH: u32 = 2;

/// The place a line names when it names a place and nothing else: a town in the gazetteer,
/// alone or with its state, province or country after a comma (`Auckland, New Zealand`,
/// `Montréal, Québec`, `Lisboa`). A name that is also a common word (`Reading`, `Nice`) counts
/// only with its state or country; a country or state alone is no town.
fn place_line(text: &str) -> Option<dateline_time::Place> {
    if text.len() > PLACE_LINE_BYTES {
        return None;
    }
    let (name, rest) = text
        .split_once(',')
        .map_or((text, ""), |(name, rest)| (name.trim(), rest.trim()));
    let words = name.split_whitespace().count();
    let capitalised = name
        .split_whitespace()
        .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    if words == 0 || words > 4 || !capitalised {
        return None;
    }
    let candidates = dateline_time::place_candidates(name);
    if rest.is_empty() {
        // Alone, the name must read as a place in running text, whole.
        let whole = dateline_time::find_places(name)
            .first()
            .is_some_and(|(span, _)| span.start == 0 && span.end == name.len());
        return candidates.first().copied().filter(|_| whole);
    }
    // After the comma, a state, province or country and nothing more.
    let rest = rest.trim_end_matches('.');
    let (region, country, _, _) = regions_named(rest).next()?;
    if region.len() != rest.len() {
        return None;
    }
    candidates.iter().find(|p| p.country == country).copied()
}

/// The longest line read as a place line ([`place_line`]), in bytes.
const PLACE_LINE_BYTES: usize = 60;

/// The places the page's prose names (the gazetteer's, and Arabic names it does not hold), by
/// country, most named first.
pub(crate) fn places_named(page: &Page<'_>, found: &mut Found) {
    // Per place: its mentions, its zone, the line it is first named on, and whether it is the
    // country itself (whose capital's zone says nothing of which zone a page in it keeps, where
    // its places say).
    type ByPlace = HashMap<String, (u32, dateline_time::Tz, u32, bool)>;
    // Per country: its places' mentions, and its places.
    let mut tally: HashMap<String, (u32, ByPlace)> = HashMap::new();
    let mut count = |country: &str, name: &str, tz: dateline_time::Tz, line: u32, whole: bool| {
        let (mentions, by_place) = tally.entry(country.to_owned()).or_default();
        *mentions += 1;
        by_place
            .entry(name.to_owned())
            .or_insert((0, tz, line, whole))
            .0 += 1;
    };
    let mut read = 0;
    // The story's first paragraphs, where its own dateline stands.
    let mut paragraphs = 0;
    // The lines of the page's own times: a line that names a place and nothing else beside one
    // of them, above the story's first paragraph, is the story's place (`Auckland, New Zealand`
    // under `2:05pm 12 March 2023`).
    let own: Vec<u32> = found
        .published
        .iter()
        .chain(&found.updated)
        .filter_map(|c| c.line)
        .collect();
    let beside = |n: u32| own.iter().any(|&o| o.abs_diff(n) <= PLACE_LINE_REACH);
    for (n, text) in page.lines().filter(|(_, t)| !is_blank(t)) {
        let text = text.trim();
        read += text.len();
        if read > PLACE_BYTES {
            break;
        }
        if paragraphs < STORY_PARAGRAPHS && text.len() >= PARAGRAPH_BYTES {
            paragraphs += 1;
            if found.story_dateline.is_none()
                && let Some((place, shown)) = story_dateline(text)
            {
                found.story_dateline = Some((place, n, shown.to_owned()));
            }
        } else if paragraphs == 0
            && found.story_dateline.is_none()
            && beside(n)
            && let Some(place) = place_line(text)
        {
            found.story_dateline = Some((place, n, text.to_owned()));
        }
        for (_, place) in dateline_time::find_places(text) {
            count(place.country, place.name, place.tz, n, false);
        }
        for (name, country, tz, whole) in regions_named(text) {
            count(country, name, tz, n, whole);
        }
    }
    let mut out: Vec<super::Places> = tally
        .into_iter()
        .filter_map(|(country, (mentions, by_place))| {
            let distinct = u32::try_from(by_place.len()).unwrap_or(u32::MAX);
            // The zone most of the country's places keep, and its most named place.
            let only_whole = by_place.values().all(|p| p.3);
            let mut zones: HashMap<dateline_time::Tz, u32> = HashMap::new();
            for (_, tz, _, whole) in by_place.values() {
                if !whole || only_whole {
                    *zones.entry(*tz).or_default() += 1;
                }
            }
            let tz = zones
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.name().cmp(a.0.name())))?
                .0;
            let (place, (_, _, line, _)) = by_place
                .into_iter()
                .filter(|(_, p)| p.1 == tz)
                .max_by(|a, b| a.1.0.cmp(&b.1.0).then_with(|| b.0.cmp(&a.0)))?;
            Some(super::Places {
                country,
                mentions,
                distinct,
                place,
                tz,
                line,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        b.distinct
            .cmp(&a.distinct)
            .then_with(|| b.mentions.cmp(&a.mentions))
            .then_with(|| a.country.cmp(&b.country))
    });
    found.places = out;
}

/// The states, provinces and countries a line names ([`places::REGIONS`],
/// [`places::COUNTRY_NAMES`]), each as a whole word, and the places it names in Arabic
/// ([`places::ARABIC_PLACES`], which take prefixes such as `و` and `ب`), with the country, the
/// zone, and whether it is the country itself. One automaton finds them all in one pass.
fn regions_named(
    text: &str,
) -> impl Iterator<Item = (&'static str, &'static str, dateline_time::Tz, bool)> + '_ {
    static NAMES: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(
                places::REGIONS
                    .iter()
                    .map(|r| r.0)
                    .chain(places::COUNTRY_NAMES.iter().map(|c| c.0))
                    .chain(places::ARABIC_PLACES.iter().map(|c| c.0)),
            )
            .ok()
    });
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let regions = places::REGIONS.len();
    let countries = regions + places::COUNTRY_NAMES.len();
    NAMES
        .as_ref()
        .into_iter()
        .flat_map(move |names| names.find_iter(text))
        .filter_map(move |m| {
            let i = m.pattern().as_usize();
            let whole_word = !word(text.get(..m.start()).and_then(|s| s.chars().next_back()))
                && !word(text.get(m.end()..).and_then(|s| s.chars().next()));
            if i < regions {
                let &(name, country, tz) = places::REGIONS.get(i)?;
                whole_word.then_some((name, country, tz, false))
            } else if i < countries {
                let &(name, country) = places::COUNTRY_NAMES.get(i - regions)?;
                let (tz, _) = places::zone_of_country(country)?;
                whole_word.then_some((name, country, tz, true))
            } else {
                let &(name, country) = places::ARABIC_PLACES.get(i - countries)?;
                let (tz, _) = places::zone_of_country(country)?;
                Some((name, country, tz, false))
            }
        })
}

/// The kind of the clues a postal address with a ZIP code gives.
pub(super) const POSTAL_ADDRESS: &str = "a postal address on the page";

/// Words for today, after which a weekday is today's: "today (Monday)", "hoy lunes", "heute,
/// Dienstag", "اليوم الاثنين" (the way Arabic news dates the day of its report).
#[rustfmt::skip]
const TODAY: &[&str] = &[
    "today", "hoy", "hoje", "aujourd'hui", "aujourd\u{2019}hui", "oggi", "heute", "vandaag",
    "dziś", "dzisiaj", "сегодня", "Сегодня", "bugün", "Bugün", "idag", "tänään", "اليوم", "امروز",
];

/// How much of a page's prose is read for a weekday it calls today: a report names its day in
/// its first paragraphs.
const TODAY_BYTES: usize = 8_000;

/// The weekdays the page's prose calls today, each with its line and text: a clue for the
/// publication date whose weekday agrees.
fn weekdays_today(page: &Page<'_>, facts: &Facts, found: &mut Found) {
    static WORDS: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(TODAY)
            .ok()
    });
    let Some(words) = WORDS.as_ref() else { return };
    // The report's own sentences, near its start: its first paragraphs.
    let mut read = 0;
    for (n, text) in page.lines().filter(|(n, _)| facts.is(*n, Facts::BODY)) {
        read += text.len();
        if read > TODAY_BYTES {
            break;
        }
        for m in words.find_iter(text) {
            let before = text.get(..m.start()).and_then(|s| s.chars().next_back());
            if before.is_some_and(char::is_alphanumeric) {
                continue;
            }
            // The weekday comes next, after a space, a comma or an opening bracket.
            let after = text.get(m.end()..).unwrap_or_default();
            let rest = after.trim_start_matches([' ', '\u{a0}', ',', '(', '\u{060c}']);
            let end = rest
                .find(|c: char| !(c.is_alphabetic() || c == '-'))
                .unwrap_or(rest.len());
            if after.len() == rest.len() || end == 0 {
                continue;
            }
            let Some(day) = rest.get(..end).and_then(dateline_time::weekday_named) else {
                continue;
            };
            let shown = text.get(m.start()..m.end() + (after.len() - rest.len()) + end);
            found
                .today
                .push((day, n, shown.unwrap_or_default().to_owned()));
        }
    }
}

/// Outlets and countries named on the page: domains, copyright lines, media groups, a known
/// outlet's name in the masthead.
fn names(page: &Page<'_>, found: &mut Found) {
    // The page's first lines: its masthead, its notification and sign-in prompts.
    for (n, line) in page
        .lines()
        .filter(|(_, t)| !is_blank(t))
        .take(MASTHEAD_LINES)
    {
        if line.len() > 120 {
            continue;
        }
        // No-break spaces between a name's words are spaces.
        let spaced = line.split_whitespace().collect::<Vec<_>>().join(" ");
        let named = outlets::outlets().iter().find(|o| {
            std::iter::once(o.name)
                .chain(o.other_names.iter().copied())
                .any(|name| name.len() >= 4 && outlets::mentions_name(&spaced, name))
        });
        if let Some(o) = named {
            found.outlet.push(
                Clue::new(
                    o.name.to_owned(),
                    "the outlet named at the top of the page",
                    line,
                    weight::NAMED,
                )
                .at(n),
            );
            break;
        }
    }
    // One pass over the short lines (domains and rights lines are short; prose is not): the
    // lines that credit an owner, and the country-code domains printed, most printed first.
    static HOST: LazyLock<Regex> =
        LazyLock::new(|| crate::boilerplate::re(r"(?i)\b(?:www\.)?((?:[a-z0-9-]+\.)+[a-z]{2})\b"));
    // The words that say a line credits an owner, in lower case. Every short line is searched
    // for them, copied to lower case in its ASCII letters only (the search ignores only their
    // case), each word with a byte search: on short lines, twice as fast as an automaton.
    static OWNED: LazyLock<Vec<memchr::memmem::Finder<'static>>> = LazyLock::new(|| {
        [
            "part of",
            "onderdeel van",
            "subsidiary",
            "owned by",
            "ein angebot",
        ]
        .map(|w| memchr::memmem::Finder::new(w.as_bytes()))
        .into()
    });
    // A page names its outlet in its masthead and its footer: its first and last short lines.
    let all: Vec<(u32, &str)> = page
        .lines()
        .filter(|(_, l)| l.len() <= SHORT_LINE && !is_blank(l))
        .collect();
    let short: Vec<(u32, &str)> = if all.len() > 2 * EDGE_LINES {
        let (head, rest) = all.split_at(EDGE_LINES);
        let tail = rest.get(rest.len() - EDGE_LINES..).unwrap_or_default();
        head.iter().chain(tail).copied().collect()
    } else {
        all
    };
    let credit: Vec<(u32, &str)> = short
        .iter()
        .copied()
        .filter(|(_, l)| outlets::is_credit_line(l))
        .collect();
    let lines: Vec<&str> = short.iter().map(|(_, l)| *l).collect();
    let credit_lines: Vec<&str> = credit.iter().map(|(_, l)| *l).collect();
    if let Some(o) = outlets::outlet_in_lines(&lines, &credit_lines) {
        found.outlet.push(Clue::new(
            o.name.to_owned(),
            "a domain or copyright line on the page",
            o.name,
            weight::ADDRESS,
        ));
    }
    let mut hosts: HashMap<String, usize> = HashMap::new();
    // A domain has a dot between letters, where a sentence's full stop has a space after it.
    // (The dots are found with `memchr`, many bytes at a time.)
    let dotted = |l: &&&str| {
        let bytes = l.as_bytes();
        memchr::memchr_iter(b'.', bytes)
            .any(|i| bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic))
    };
    for line in lines.iter().filter(dotted) {
        for caps in HOST.captures_iter(line) {
            let Some(host) = caps.get(1) else { continue };
            let host = host.as_str().to_ascii_lowercase();
            if places::country_of_host(&host).is_some() {
                *hosts.entry(host).or_default() += 1;
            }
        }
    }
    let mut hosts: Vec<(String, usize)> = hosts.into_iter().collect();
    hosts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    if let Some((host, _)) = hosts.first()
        && let Some(country) = places::country_of_host(host)
    {
        found.country.push(Clue::new(
            country.to_owned(),
            "a country domain printed on the page",
            host,
            weight::NAMED,
        ));
    }
    // A US postal address (`450 West 31st Street, New York, NY 10001`): the outlet's state.
    static POSTAL: LazyLock<Regex> = LazyLock::new(|| {
        crate::boilerplate::re(r"[A-Za-z.'-]+,\s+([A-Z]{2})\s+[0-9]{5}(?:-[0-9]{4})?\b")
    });
    // An address has a comma and five digits in a row (its ZIP code): a line without them is not
    // searched.
    let zip = |line: &str| {
        line.as_bytes()
            .split(|b| !b.is_ascii_digit())
            .any(|run| run.len() >= 5)
    };
    let address = short.iter().find_map(|(n, line)| {
        if !line.contains(',') || !zip(line) {
            return None;
        }
        let caps = POSTAL.captures(line)?;
        let state = caps.get(1)?.as_str();
        let tz = places::zone_of_us_state(state)?;
        Some((*n, tz, caps.get(0)?.as_str().to_owned()))
    });
    if let Some((n, tz, text)) = address {
        found
            .zone
            .push(Clue::new(ZoneClue::Region(tz), POSTAL_ADDRESS, &text, weight::NAMED).at(n));
        found
            .country
            .push(Clue::new("US".to_owned(), POSTAL_ADDRESS, &text, weight::NAMED).at(n));
    }
    // Media groups named in copyright and publisher lines ("a Reach plc subsidiary", "part of").
    let mut lower: Vec<u8> = Vec::new();
    for (n, line) in short.iter().copied() {
        lower.clear();
        lower.extend_from_slice(line.as_bytes());
        lower.make_ascii_lowercase();
        let owned = OWNED.iter().any(|w| w.find(&lower).is_some());
        if !owned && !credit.iter().any(|(c, _)| *c == n) {
            continue;
        }
        if let Some((group, country)) = places::GROUPS.iter().find(|(g, _)| line.contains(g)) {
            found.country.push(
                Clue::new(
                    (*country).to_owned(),
                    "a media group named on the page",
                    group,
                    weight::NAMED,
                )
                .at(n),
            );
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_read_in_many_languages_closest_last() {
        assert_eq!(label("Publié le"), Some(Label::Published));
        assert_eq!(label("Aktualisiert am"), Some(Label::Updated));
        assert_eq!(label("Опубликовано:"), Some(Label::Published));
        assert_eq!(
            label("By Al Root Updated Nov. 19, 2019 8:21 am ET / Original"),
            Some(Label::Published)
        );
        assert_eq!(label("تم نشره الجمعة"), Some(Label::Published));
        assert_eq!(label("입력"), Some(Label::Published));
        assert_eq!(label("By Jo Bloggs |"), None);
        assert_eq!(label("Standing"), None);
        assert_eq!(label("Updates"), None);
    }

    /// `live` set off as a label calls a headline live; a broadcast to watch or hear live does
    /// not, nor does `live` as a word of the sentence.
    #[test]
    fn a_live_label_is_no_broadcast() {
        assert!(live_label("live: storm hits the coast"));
        assert!(live_label("election night live"));
        assert!(live_label("storm hits the coast – live"));
        assert!(!live_label(
            "watch live: lawmakers hold a news conference on the budget"
        ));
        assert!(!live_label("listen live: the morning show"));
        assert!(!live_label("live nation shares fall after the report"));
        assert!(live_label("the latest: man stabbed on a commuter train"));
        assert!(!live_label("get our free app for the latest news"));
    }

    /// The words of a line as they were counted one byte at a time, up to 31.
    fn words_one_by_one(text: &str) -> usize {
        let mut words = 0;
        let mut space = true;
        for b in text.trim().bytes() {
            let white = b.is_ascii_whitespace();
            if space && !white {
                words += 1;
                if words > 30 {
                    break;
                }
            }
            space = white;
        }
        words
    }

    /// The quick reading of a line's facts gives what reading it one byte at a time gave.
    #[test]
    fn facts_count_words_as_one_by_one() {
        let many = "word ".repeat(40);
        let long = format!("{} end.", "long ".repeat(49));
        let lines = [
            "a",
            "  Officials said 125 people had been affected.  ",
            "tab\tand\x0bvertical\x0ctabs \r  and  spaces",
            many.as_str(),
            long.as_str(),
        ];
        for line in lines {
            let text = line.trim();
            let bits = Facts::bits(text, text.len(), words_one_by_one(text));
            assert_eq!(Facts::of(line), bits, "{line:?}");
        }
    }

    #[test]
    fn digits_are_found_in_any_script_read() {
        assert!(has_digit("Updated 12:04"));
        assert!(has_digit(&format!("{}7", "x".repeat(70))));
        assert!(has_digit("تم التحديث ١٢:٠٤"));
        assert!(has_digit("به‌روزرسانی ۱۴۰۲"));
        assert!(!has_digit("Comments — “none yet”"));
        assert!(!has_digit("تعليقات"));
    }

    /// Every statement `dateline_time::zone_statement` reads passes the test of its first letter.
    #[test]
    fn zone_statements_pass_the_test_of_their_first_letter() {
        for line in [
            "All times are UTC",
            "Times in GMT",
            "— Updates in ET",
            "(All times Eastern)",
            "Timestamps in EST",
            "Posts are in PT",
            "Entries: CET",
            "Alle Zeitangaben in MEZ",
            "Uhrzeiten in MESZ",
            "Zeiten in MEZ",
        ] {
            assert!(dateline_time::zone_statement(line).is_some(), "{line}");
            assert!(may_state_zone(line), "{line}");
        }
        assert!(!may_state_zone("Officials said all times were UTC"));
    }

    #[test]
    fn headings_are_read_in_any_case_and_script() {
        assert!(comments_heading("Comments (29)"));
        assert!(comments_heading("12 COMMENTS"));
        assert!(comments_heading("Комментарии"));
        assert!(!comments_heading("Join our commenting forum"));
        assert!(related_heading("Read more:"));
        assert!(related_heading("MORE FROM Reuters"));
        assert!(related_heading("Читайте также"));
        assert!(related_heading("À lire aussi"));
        assert!(!related_heading("More from"));
        assert!(!related_heading("From CNN's Jo Lee"));
    }

    #[test]
    fn labels_in_ascii_and_beyond_are_read_alike() {
        assert_eq!(label("Last updated:"), Some(Label::Updated));
        assert_eq!(label("Publié le"), Some(Label::Published));
        assert_eq!(label("By Jo Lee — Updated"), Some(Label::Updated));
        assert_eq!(alone_label("Published:"), Some(Label::Published));
        assert_eq!(alone_label("Last Updated"), Some(Label::Updated));
        assert_eq!(alone_label("The date of the vote was set"), None);
    }
}
