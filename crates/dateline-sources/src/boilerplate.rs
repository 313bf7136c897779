//! Recognisers for site furniture and media residue, shared by every layout.
//!
//! Each recogniser has a rule name, reported by `dateline explain`, and a [`DropReason`].

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};
use dateline_model::DropReason;
use regex::{Regex, RegexSet};

use crate::Page;
use crate::layout::is_blank;

/// One-line recognisers: (pattern over the trimmed line, reason, rule).
const LINE_RULES: &[(&str, DropReason, &str)] = &[
    (
        r"(?i)^stay up to date with notifications from\b",
        DropReason::Boilerplate,
        "notification-prompt",
    ),
    (
        r"(?i)^notifications can be managed in browser preferences\.?$",
        DropReason::Boilerplate,
        "notification-prompt",
    ),
    (
        r"(?i)^as it happened(\s*ended)?$",
        DropReason::Boilerplate,
        "live-status",
    ),
    (
        r"(?i)^(live|ended|updated live)$",
        DropReason::Boilerplate,
        "live-status",
    ),
    (r"(?i)^comments$", DropReason::Boilerplate, "comments-link"),
    (
        r"(?i)^join our commenting forum$",
        DropReason::Boilerplate,
        "comment-prompt",
    ),
    (
        r"(?i)^join thought-provoking conversations\b",
        DropReason::Boilerplate,
        "comment-prompt",
    ),
    (
        r"(?i)^thank you for registering$",
        DropReason::Boilerplate,
        "registration-prompt",
    ),
    (
        r"(?i)^please refresh the page\b",
        DropReason::Boilerplate,
        "registration-prompt",
    ),
    (
        r"(?i)^please allow a moment for the live blog to load$",
        DropReason::Boilerplate,
        "loading-message",
    ),
    (
        r"(?i)^(\d+\.\s*)?skip (to|next section)\b",
        DropReason::Boilerplate,
        "skip-link",
    ),
    (
        r"(?i)^sort by\s*(dropdown arrow)?$",
        DropReason::Boilerplate,
        "sort-control",
    ),
    (
        r"(?i)^(sign up|subscribe)\b.*\b(newsletter|email)",
        DropReason::Boilerplate,
        "newsletter",
    ),
    (
        r"(?i)^each (evening|morning|day|week)\b.*\bsign up\b",
        DropReason::Boilerplate,
        "newsletter",
    ),
    (
        // `Shares` and `1.2K shares` are a share button's counter.
        r"(?i)^(share|share this|copy link|advertisement|(?:\d[\d.,]*k?\s+)?shares)$",
        DropReason::Boilerplate,
        "share-control",
    ),
    (
        r"(?i)^this browser does not support the video element\.?$",
        DropReason::Media,
        "video-player",
    ),
    (
        r"(?i)^related video\s*[-–—:]",
        DropReason::Media,
        "related-video",
    ),
    (
        r"(?i)^photo(graph)?\s*(by|:)\s",
        DropReason::Media,
        "photo-credit",
    ),
    (IMAGE_CAPTION, DropReason::Media, "image-caption"),
    // Agency or photographer in brackets at the end of a caption: `[SpaceX via Nasa]`,
    // `[Ernesto Mastrascusa/EPA]`, `(AP Photo/Ahn Young-joon)`.
    (BRACKETED_CREDIT, DropReason::Media, "image-caption"),
    (CREDIT_LINE, DropReason::Media, "image-caption"),
    (
        r"(?i)^(?:image source|image caption|media caption),",
        DropReason::Media,
        "image-caption",
    ),
    (
        r"(?i)^(?:save|bookmark|link copied(?: bookmark)?|toggle|key events|click here to share on social media|get alerts for live updates|listen to this article\b.{0,20}|read time:\s*\d+\s*min(?:ute)?s?)$",
        DropReason::Boilerplate,
        "share-control",
    ),
    (COPYRIGHT, DropReason::Boilerplate, "copyright"),
    (
        r"(?i)^turn on notifications to receive alerts\b",
        DropReason::Boilerplate,
        "notification-prompt",
    ),
    (
        r"^[Rr]ead [Mm]ore(?:\b|[A-Z])",
        DropReason::Link,
        "read-more",
    ),
];

// Four rules have a counted repetition of a Unicode class (`.{0,200}`, sixty copies of `\w`),
// each of which took longer to build than most of the set. The set holds them unbounded, and
// `within_bounds` checks the bound of the rules the set matched; a test holds each check to its
// bounded pattern.

/// A copyright line: `© 2020 DW`, `(c) Reuters`, `Copyright 2024 NBC` with at most 200 characters
/// after the mark, or a line ending `All rights reserved`
/// (bounded: `(?i)^(?:©|\(c\)\s|copyright\b).{0,200}$|(?i)\ball rights reserved\.?$`).
const COPYRIGHT: &str = r"(?i)^(?:©|\(c\)\s|copyright\b)|(?i)\ball rights reserved\.?$";

/// `Image: Jane Doe/AFP`, after a caption or alone: the credit, 2 to 152 characters, does not end
/// a sentence (bounded: `(?:^|\S)\s*(?:Image|Photo|Picture):\s*\S.{0,150}[^.!?]$`).
const IMAGE_CAPTION: &str = r"(?:Image|Photo|Picture):\s*\S.*[^.!?]$";

/// `[SpaceX via Nasa]`, `[Ernesto Mastrascusa/EPA]`, `(AP Photo/Ahn Young-joon)` ending a line,
/// each name 2 to 60 characters (bounded: the same with `{2,60}` for `{2,}`).
const BRACKETED_CREDIT: &str =
    r"(?:\[[^\]\[]{2,}(?:/| via )[^\]\[]{2,}\]|\(AP Photo/[^)]{2,}\))\s*$";

/// Whether the bound of `pattern`, a rule the set matched on `line` (trimmed), holds.
fn within_bounds(pattern: &str, line: &str) -> bool {
    match pattern {
        CREDIT_LINE => credit_within_bounds(line),
        COPYRIGHT => copyright_within_bounds(line),
        IMAGE_CAPTION => image_caption_within_bounds(line),
        BRACKETED_CREDIT => bracketed_credit_within_bounds(line),
        _ => true,
    }
}

/// The number of characters in `text`.
fn chars(text: &str) -> usize {
    text.chars().count()
}

/// [`COPYRIGHT`]'s bound: the line ends `all rights reserved` after a word boundary, or at most
/// 200 characters follow its mark. (The words are compared in ASCII letters: a long `ſ` for the
/// `s` of `rights` no longer counts.)
fn copyright_within_bounds(line: &str) -> bool {
    const RESERVED: &str = "all rights reserved";
    // A byte of an ASCII word: what `(?-u:\b)` looks at on either side.
    let word = |b: Option<u8>| b.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_');
    let body = line.strip_suffix('.').unwrap_or(line);
    let reserved = [line, body].iter().any(|text| {
        text.len()
            .checked_sub(RESERVED.len())
            .and_then(|at| text.split_at_checked(at))
            .is_some_and(|(before, tail)| {
                tail.eq_ignore_ascii_case(RESERVED) && !word(before.bytes().next_back())
            })
    });
    if reserved {
        return true;
    }
    let mark = |m: &str| {
        line.split_at_checked(m.len())
            .filter(|(head, _)| head.eq_ignore_ascii_case(m))
            .map(|(_, after)| after)
    };
    let rest = if let Some(rest) = line.strip_prefix('©') {
        Some(rest)
    } else if let Some(after) = mark("(c)") {
        // `\s`: one whitespace character after the mark.
        let mut it = after.chars();
        it.next().filter(|c| c.is_whitespace()).map(|_| it.as_str())
    } else {
        mark("copyright").filter(|after| !word(after.bytes().next()))
    };
    rest.is_some_and(|rest| chars(rest) <= 200)
}

/// [`IMAGE_CAPTION`]'s bound: after some `Image:`, `Photo:` or `Picture:` and the spaces after it,
/// 2 to 152 characters end the line.
fn image_caption_within_bounds(line: &str) -> bool {
    ["Image:", "Photo:", "Picture:"].iter().any(|label| {
        line.match_indices(label).any(|(at, _)| {
            let credit = line
                .get(at + label.len()..)
                .unwrap_or_default()
                .trim_start();
            (2..=152).contains(&chars(credit)) && !credit.ends_with(['.', '!', '?'])
        })
    })
}

/// [`BRACKETED_CREDIT`]'s bound: the names around the `/` or ` via ` in the closing brackets, or
/// after `(AP Photo/`, are 2 to 60 characters each.
fn bracketed_credit_within_bounds(line: &str) -> bool {
    let line = line.trim_end();
    let name = |text: &str| (2..=60).contains(&chars(text));
    let in_brackets = line
        .strip_suffix(']')
        .and_then(|body| body.rfind('[').and_then(|open| body.get(open + 1..)))
        .filter(|inside| !inside.contains(']'))
        .is_some_and(|inside| {
            ["/", " via "].iter().any(|sep| {
                inside.match_indices(sep).any(|(at, _)| {
                    name(inside.get(..at).unwrap_or_default())
                        && name(inside.get(at + sep.len()..).unwrap_or_default())
                })
            })
        });
    let ap_photo = line.strip_suffix(')').is_some_and(|body| {
        body.match_indices("(AP Photo/").any(|(at, m)| {
            body.get(at + m.len()..)
                .is_some_and(|credit| !credit.contains(')') && name(credit))
        })
    });
    in_brackets || ap_photo
}

/// `Photograph: Jane Doe/AFP`, `Credits: Reuters`: a credit of 2 to 60 characters ends the line.
/// The set holds the rule with no upper bound (sixty copies of Unicode `\w` take longer to build
/// than the whole rest of the set); [`credit_within_bounds`] checks the bound.
const CREDIT_LINE: &str = r"(?i)(?:^|\s)(?:photograph|credit)s?\s*:\s*[\w .,'’/&-]{2,}$";

/// The longest run of a credit's characters that ends a line.
static CREDIT_TAIL: LazyLock<Regex> = LazyLock::new(|| re(r"[\w .,'’/&-]+$"));
/// What comes before a credit.
static CREDIT_HEAD: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)(?:^|\s)(?:photograph|credit)s?\s*:\s*$"));

/// Whether `line` (trimmed) ends with a credit of 2 to 60 characters after its label: what
/// `CREDIT_LINE` with `{2,60}` for `{2,}` would match. The credit is a suffix of the line's
/// closing run of credit characters; each length from 2 to 60 is tried.
fn credit_within_bounds(line: &str) -> bool {
    let Some(tail) = CREDIT_TAIL.find(line) else {
        return false;
    };
    let starts: Vec<usize> = line[tail.start()..]
        .char_indices()
        .map(|(i, _)| tail.start() + i)
        .collect();
    starts
        .iter()
        .rev()
        .skip(1)
        .take(59)
        .any(|&start| CREDIT_HEAD.is_match(&line[..start]))
}

static LINE_SET: LazyLock<RegexSet> = LazyLock::new(|| {
    // The patterns are constants, compiled in the tests; an error would leave the set empty.
    // Word boundaries are ASCII ones: the rules name English furniture, and a Unicode `\b` keeps
    // the set out of the fast automaton.
    // The lazy automaton gets room for the set's states, so it never falls back to the slow NFA.
    regex::RegexSetBuilder::new(LINE_RULES.iter().map(|(p, _, _)| ascii_boundaries(p)))
        .dfa_size_limit(64 << 20)
        .build()
        .unwrap_or_else(|_| RegexSet::empty())
});

/// What a single line is, if it is furniture or media, judged from that line alone.
pub(crate) fn classify(line: &str) -> Option<(DropReason, &'static str)> {
    let line = line.trim();
    if line.is_empty() {
        return None;
    }
    // Furniture is short: a long line is text, and the set of rules never runs over it.
    // `is_match` runs the fast automaton; only the few lines that match pay for finding which.
    if line.len() > 600 {
        return None;
    }
    if let Some(found) = prompt(line) {
        return Some(found);
    }
    if !LINE_SET.is_match(line) {
        return None;
    }
    LINE_SET
        .matches(line)
        .into_iter()
        .filter_map(|i| LINE_RULES.get(i))
        .find(|(pattern, _, _)| within_bounds(pattern, line))
        .map(|(_, reason, rule)| (*reason, *rule))
}

/// How prompts to subscribe, to install an app, and photo credits open, in the languages
/// dateline reads beyond English, with the rule each gives. Matched at the line's start by an
/// automaton that ignores ASCII case (letters beyond ASCII are listed in each case the news
/// prints them): patterns with these letters would cost the rule set more to build.
#[rustfmt::skip]
const PROMPTS: &[(&str, DropReason, &str)] = &[
    ("newsletter abonnieren", DropReason::Boilerplate, "newsletter"),
    ("newsletter bestellen", DropReason::Boilerplate, "newsletter"),
    ("jetzt newsletter", DropReason::Boilerplate, "newsletter"),
    ("jetzt zum newsletter", DropReason::Boilerplate, "newsletter"),
    ("abonnez-vous", DropReason::Boilerplate, "newsletter"),
    ("inscrivez-vous à notre newsletter", DropReason::Boilerplate, "newsletter"),
    ("inscrivez-vous à la newsletter", DropReason::Boilerplate, "newsletter"),
    ("suscríbete", DropReason::Boilerplate, "newsletter"),
    ("suscribete", DropReason::Boilerplate, "newsletter"),
    ("suscríbase", DropReason::Boilerplate, "newsletter"),
    ("iscriviti alla newsletter", DropReason::Boilerplate, "newsletter"),
    ("iscriviti", DropReason::Boilerplate, "newsletter"),
    ("zapisz się", DropReason::Boilerplate, "newsletter"),
    ("assine a newsletter", DropReason::Boilerplate, "newsletter"),
    ("assine nossa newsletter", DropReason::Boilerplate, "newsletter"),
    ("inscreva-se", DropReason::Boilerplate, "newsletter"),
    ("abonneer je", DropReason::Boilerplate, "newsletter"),
    ("prenumerera", DropReason::Boilerplate, "newsletter"),
    ("подпишитесь", DropReason::Boilerplate, "newsletter"),
    ("Подпишитесь", DropReason::Boilerplate, "newsletter"),
    ("download the app", DropReason::Boilerplate, "app-prompt"),
    ("download our app", DropReason::Boilerplate, "app-prompt"),
    ("download our free app", DropReason::Boilerplate, "app-prompt"),
    ("get the app", DropReason::Boilerplate, "app-prompt"),
    ("get our app", DropReason::Boilerplate, "app-prompt"),
    ("get our free app", DropReason::Boilerplate, "app-prompt"),
    ("install the app", DropReason::Boilerplate, "app-prompt"),
    ("laden sie unsere app", DropReason::Boilerplate, "app-prompt"),
    ("laden sie die app", DropReason::Boilerplate, "app-prompt"),
    ("hol dir die app", DropReason::Boilerplate, "app-prompt"),
    ("holen sie sich die app", DropReason::Boilerplate, "app-prompt"),
    ("descarga nuestra app", DropReason::Boilerplate, "app-prompt"),
    ("descargue nuestra app", DropReason::Boilerplate, "app-prompt"),
    ("descarga la app", DropReason::Boilerplate, "app-prompt"),
    ("téléchargez notre application", DropReason::Boilerplate, "app-prompt"),
    ("téléchargez l'application", DropReason::Boilerplate, "app-prompt"),
    ("scarica la nostra app", DropReason::Boilerplate, "app-prompt"),
    ("scarica l'app", DropReason::Boilerplate, "app-prompt"),
    ("baixe o app", DropReason::Boilerplate, "app-prompt"),
    ("baixe nosso app", DropReason::Boilerplate, "app-prompt"),
    ("foto:", DropReason::Media, "photo-credit"),
    ("fotos:", DropReason::Media, "photo-credit"),
    ("bild:", DropReason::Media, "photo-credit"),
    ("bilder:", DropReason::Media, "photo-credit"),
    ("imagen:", DropReason::Media, "photo-credit"),
    ("immagine:", DropReason::Media, "photo-credit"),
    ("fotografia:", DropReason::Media, "photo-credit"),
    ("zdjęcie:", DropReason::Media, "photo-credit"),
    ("фото:", DropReason::Media, "photo-credit"),
    ("Фото:", DropReason::Media, "photo-credit"),
];

/// Words that, in a line opening as a request to sign up, make it a newsletter's prompt.
const SIGN_UP: &[&str] = &[
    "melden sie sich",
    "registrieren sie sich",
    "inscríbete",
    "iscriviti",
    "zapisz się",
];

/// A prompt to subscribe or to install an app, or a photo credit, in another language than
/// English: [`PROMPTS`] by the line's first words, and a request to sign up that names a
/// newsletter.
fn prompt(line: &str) -> Option<(DropReason, &'static str)> {
    // One anchored automaton over the line's first bytes: most lines are done with at once.
    static OPENINGS: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .build(PROMPTS.iter().map(|p| p.0).chain(SIGN_UP.iter().copied()))
            .ok()
    });
    let openings = OPENINGS.as_ref()?;
    let found = openings.find(Input::new(line).anchored(Anchored::Yes))?;
    let rest = line.get(found.end()..).unwrap_or_default();
    match PROMPTS.get(found.pattern().as_usize()) {
        Some((p, reason, rule)) => {
            let word_end = rest.chars().next().is_none_or(|c| !c.is_alphanumeric());
            (p.ends_with(':') || word_end).then_some((*reason, *rule))
        }
        // A request to sign up that names a newsletter.
        None => line
            .to_lowercase()
            .contains("newsletter")
            .then_some((DropReason::Boilerplate, "newsletter")),
    }
}

static DURATION: LazyLock<Regex> = LazyLock::new(|| re(r"^(\d{1,2}:)?\d{1,2}:\d{2}$"));
static VIDEO_PLAYER: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^this browser does not support the video element"));

/// Whether `line` is a video's length: a bare `MM:SS` whose next non-blank line is a player
/// message, or the video's title shown twice (the second time after a label such as `WATCH:`).
pub(crate) fn is_video_length(page: &Page<'_>, line: u32) -> bool {
    let Some(text) = page.line(line) else {
        return false;
    };
    // A length is a few digits and colons: most lines are not, and need no pattern.
    let text = text.trim();
    if text.len() > 8
        || !text.bytes().all(|b| b.is_ascii_digit() || b == b':')
        || !DURATION.is_match(text)
    {
        return false;
    }
    let Some((n, next)) = next_non_blank(page, line) else {
        return false;
    };
    let next = next.trim();
    if VIDEO_PLAYER.is_match(next) {
        return true;
    }
    let title = |t: &str| !t.is_empty() && t.chars().count() <= 160 && !t.ends_with('.');
    title(next)
        && next_non_blank(page, n).is_some_and(|(_, again)| {
            let again = again.trim();
            let unlabelled = again
                .split_once(':')
                .filter(|(label, _)| VIDEO_LABELS.contains(&label.trim().to_lowercase().as_str()))
                .map_or(again, |(_, rest)| rest.trim());
            unlabelled == next
        })
}

/// Labels a page puts before a video's title (`WATCH: ...`).
const VIDEO_LABELS: &[&str] = &["watch", "video", "watch live", "ver", "vídeo", "vidéo"];

/// Whether `line` is a video's title: a short line whose next non-blank line is a video's length.
pub(crate) fn is_video_title(page: &Page<'_>, line: u32) -> bool {
    let Some(text) = page.line(line) else {
        return false;
    };
    let text = text.trim();
    !text.is_empty()
        && text.chars().count() <= 80
        && !text.ends_with(['.', ':'])
        && next_non_blank(page, line).is_some_and(|(n, _)| is_video_length(page, n))
}

/// The next non-blank line after `line`.
pub(crate) fn next_non_blank<'a>(page: &Page<'a>, line: u32) -> Option<(u32, &'a str)> {
    (line + 1..=page.len()).find_map(|n| page.line(n).filter(|t| !is_blank(t)).map(|t| (n, t)))
}

/// The line before `line` that is not blank, with its number.
fn previous_non_blank<'a>(page: &Page<'a>, line: u32) -> Option<(u32, &'a str)> {
    (1..line)
        .rev()
        .find_map(|n| page.line(n).filter(|t| !is_blank(t)).map(|t| (n, t)))
}

/// The most characters a bar's button has (`Facebook`, `WhatsApp`, `Kommentare`).
const BUTTON_CHARS: usize = 12;

/// The fewest buttons in a row that make a bar.
const BAR_BUTTONS: usize = 3;

/// A button of a bar (a share bar's `Facebook`, a menu's `World`): one word of letters alone on
/// its line.
fn is_button(text: &str) -> bool {
    let text = text.trim();
    !text.is_empty()
        && text.chars().count() <= BUTTON_CHARS
        && text.chars().all(char::is_alphabetic)
}

/// How many of the (at most `most`) non-blank lines before `line` (`ahead` false) or after it
/// (`ahead` true) are buttons, counted from `line` out to the first that is not.
fn buttons_beside(page: &Page<'_>, line: u32, ahead: bool, most: usize) -> usize {
    let mut at = line;
    let mut count = 0;
    while count < most {
        let next = if ahead {
            next_non_blank(page, at)
        } else {
            previous_non_blank(page, at)
        };
        match next {
            Some((n, text)) if is_button(text) => {
                count += 1;
                at = n;
            }
            _ => break,
        }
    }
    count
}

/// Whether `line` is a button in a bar of them: one word alone on its line among at least
/// [`BAR_BUTTONS`] such lines in a row, blank lines aside (a share bar's `Facebook` / `Twitter` /
/// `Print` / `Email`, a menu's `Home` / `World` / `Sport`). No sentence of a story stands so.
pub(crate) fn in_button_bar(page: &Page<'_>, line: u32) -> bool {
    page.line(line).is_some_and(is_button)
        && buttons_beside(page, line, false, BAR_BUTTONS)
            + 1
            + buttons_beside(page, line, true, BAR_BUTTONS)
            >= BAR_BUTTONS
}

/// Whether `line` stands between two buttons: the non-blank lines before and after it are each
/// one word (`Twitter` / `Comments` / `Print`), whatever `line` itself is.
pub(crate) fn among_buttons(page: &Page<'_>, line: u32) -> bool {
    buttons_beside(page, line, false, 1) == 1 && buttons_beside(page, line, true, 1) == 1
}

static DONATION_START: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^your support helps us to tell the story$"));
static DONATION_END: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^your support makes all the difference\.?$"));

/// Donation appeals: runs of lines from a known opening to a known closing, inclusive.
pub(crate) fn donation_blocks(page: &Page<'_>) -> Vec<[u32; 2]> {
    let mut blocks = Vec::new();
    let mut open = None;
    for (n, text) in page.lines() {
        let text = text.trim();
        if DONATION_START.is_match(text) {
            open = Some(n);
        } else if let (Some(start), true) = (open, DONATION_END.is_match(text)) {
            // An appeal is a handful of paragraphs; a far-away closing line is not its end.
            if n - start <= 20 {
                blocks.push([start, n]);
            }
            open = None;
        }
    }
    blocks
}

static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?ix)^(
        additional\ reporting\ by\b.*
      | (with\ )?reporting\ by\b.*
      | .*\bcontributed\ to\ this\ report\.?
      | (?-i:(From|By)\s[A-Z][\w.]*['’]s(\s+[A-Z][\w.-]*)+(,?\s+and\s+[A-Z][\w.-]*(\s+[A-Z][\w.-]*)*)?)
      | [a-z]{1,5}(\s*,\s*[a-z]{1,5})*(\s*/\s*[a-z]{1,5}(\s*,\s*[a-z]{1,5})*)?\s*\([^)]*\)
    )$")
});

/// Whether a line is a credit: `Additional reporting by agencies`, DW's `nm,dj/sms (AP, dpa)`.
pub(crate) fn is_credit(line: &str) -> bool {
    CREDIT.is_match(line.trim())
}

/// Compiles a pattern that is a constant of this crate (never text from a page).
///
/// Its word boundaries are ASCII ones, as in the line rules' set: a Unicode `\b` makes the fast
/// automaton give up at the first non-ASCII byte (a curly quote, an accent), and the regex falls
/// back to its slowest engine on most lines of a news page. A letter outside ASCII then counts
/// as a non-word character beside a boundary; the patterns name English and German words and
/// digits, whose edges are ASCII.
///
/// Every pattern is compiled by the unit tests, so a typo fails `cargo test`, not a user.
#[allow(clippy::expect_used)]
pub(crate) fn re(pattern: &str) -> Regex {
    Regex::new(&ascii_boundaries(pattern)).expect("the crate's own patterns compile")
}

/// `pattern` with each `\b` an ASCII word boundary, `(?-u:\b)`.
pub(crate) fn ascii_boundaries(pattern: &str) -> String {
    pattern.replace(r"\b", r"(?-u:\b)")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lines around each bound: names of every length near it, in ASCII and not, with and without
    /// a sentence's end, alone and after a caption.
    fn lines_near_bounds(labels: &[&str], ends: &[&str]) -> Vec<String> {
        let names = [
            "",
            "A",
            "AP",
            "Jane Doe/AFP",
            "José Pérez & Co.",
            "Ünal's",
            "José Pérez via Ünal",
            "x\ty",
            "a)b",
            "a]b",
            "a[b",
        ];
        let mut lines = Vec::new();
        for label in labels {
            for name in names {
                for pad in [
                    0, 1, 2, 58, 59, 60, 61, 148, 149, 150, 151, 152, 198, 199, 200, 201,
                ] {
                    let name = format!("{name}{}", "ñ".repeat(pad));
                    for end in ends {
                        lines.push(format!("{label}{name}{end}"));
                        lines.push(format!("Caption text {label} {name}{end}"));
                        lines.push(format!("{label} {name}{end} {label}{end}"));
                    }
                }
            }
        }
        lines
    }

    /// The set's unbounded rule and its check in code agree with the bounded pattern on `lines`.
    fn agrees(loose: &str, bounded: &str, lines: &[String]) {
        let (loose_re, bounded_re) = (re(loose), re(bounded));
        let (mut kept, mut bounded_out) = (0, 0);
        for line in lines {
            let line = line.trim();
            let checked = loose_re.is_match(line) && within_bounds(loose, line);
            assert_eq!(checked, bounded_re.is_match(line), "{loose}: {line:?}");
            kept += usize::from(checked);
            bounded_out += usize::from(loose_re.is_match(line) && !checked);
        }
        // Both sides of the bound are tried: lines the rule takes, and lines only its bound refuses.
        assert!(
            kept > 0 && bounded_out > 0,
            "{loose}: {kept} kept, {bounded_out} refused by the bound"
        );
    }

    #[test]
    fn the_bounds_are_checked_as_the_bounded_patterns_would() {
        agrees(
            CREDIT_LINE,
            r"(?i)(?:^|\s)(?:photograph|credit)s?\s*:\s*[\w .,'’/&-]{2,60}$",
            &lines_near_bounds(
                &[
                    "Photograph:",
                    "CREDITS :",
                    "credit:",
                    "Credit:  ",
                    "Photo credit:\t",
                ],
                &["", " Credit: Jane Doe", "."],
            ),
        );
        agrees(
            COPYRIGHT,
            r"(?i)^(?:©|\(c\)\s|copyright\b).{0,200}$|(?i)\ball rights reserved\.?$",
            &lines_near_bounds(
                &[
                    "©",
                    "© ",
                    "(c) ",
                    "(C)\t",
                    "(c)",
                    "Copyright ",
                    "COPYRIGHT",
                    "copyrights ",
                    "Text ",
                ],
                &[
                    "",
                    ".",
                    " All rights reserved",
                    " ALL RIGHTS RESERVED.",
                    "xall rights reserved",
                    " éall rights reserved",
                ],
            ),
        );
        agrees(
            IMAGE_CAPTION,
            r"(?:^|\S)\s*(?:Image|Photo|Picture):\s*\S.{0,150}[^.!?]$",
            &lines_near_bounds(
                &["Image:", "Photo: ", "Picture:  ", "image:", "x Photo:"],
                &["", ".", "!", " ?", " x"],
            ),
        );
        agrees(
            BRACKETED_CREDIT,
            r"(?:\[[^\]\[]{2,60}(?:/| via )[^\]\[]{2,60}\]|\(AP Photo/[^)]{2,60}\))\s*$",
            &lines_near_bounds(
                &[
                    "[",
                    "[ab/",
                    "[Getty via ",
                    "(AP Photo/",
                    "(AP Photo/x",
                    "x [a] [",
                ],
                &["]", "/ab]", " via Nasa]", ")", " ) ", "]]", "] ", "/a]"],
            ),
        );
    }

    #[test]
    fn every_rule_compiles() {
        for (pattern, _, rule) in LINE_RULES {
            assert!(Regex::new(pattern).is_ok(), "{rule}");
        }
        assert_eq!(LINE_SET.len(), LINE_RULES.len());
    }

    #[test]
    fn furniture_and_media_lines_are_recognised() {
        let cases = [
            (
                "Stay up to date with notifications from The Independent",
                "notification-prompt",
            ),
            ("As it happenedended", "live-status"),
            ("Comments", "comments-link"),
            ("Join our commenting forum", "comment-prompt"),
            ("1. Skip to content", "skip-link"),
            ("  2. Skip to main menu", "skip-link"),
            ("Skip next section DW's Top Story", "skip-link"),
            ("Sort byDropdown arrow", "sort-control"),
            (
                "Photo by LUDOVIC MARIN/AFP via Getty Images",
                "photo-credit",
            ),
            (
                "(File photo) NATO headquarters Photo: EMMANUEL DUNAND/AFP via Getty Images",
                "image-caption",
            ),
            (
                "Tehran resident protested the US killing of SoleimaniImage: picture-alliance/AP Photo/V. Salemi",
                "image-caption",
            ),
            ("Image: Reuters/WANA/N. Tabatabaee", "image-caption"),
            (
                "Read moreIran's military power: What you need to know",
                "read-more",
            ),
            ("Related Video - Mike Pompeo on Soleimani", "related-video"),
            (
                "Strong waves crash along the coast in Havana [Ernesto Mastrascusa/EPA]",
                "image-caption",
            ),
            (
                "A concept for a lunar lander [SpaceX via Nasa]",
                "image-caption",
            ),
            (
                "Lawmakers leave the chamber. (AP Photo/Ahn Young-joon)",
                "image-caption",
            ),
            (
                "Starship will carry 100 tons. Credit: SpaceX",
                "image-caption",
            ),
            ("Image source, Getty Images", "image-caption"),
            ("Link copied Bookmark ", "share-control"),
            ("Shares", "share-control"),
            ("1.2K shares", "share-control"),
            ("Listen to this article | 8 mins", "share-control"),
            ("Read Time: 1 min", "share-control"),
            ("© Reach plc 2020", "copyright"),
            (
                "This website follows the DNPA Code of Ethics © Copyright NDTV Convergence Limited 2023. All rights reserved.",
                "copyright",
            ),
            (
                "Each evening at 1830 UTC, DW's editors send out a selection. You can sign up to receive it directly here.",
                "newsletter",
            ),
        ];
        for (line, rule) in cases {
            assert_eq!(classify(line).map(|c| c.1), Some(rule), "{line}");
        }
    }

    #[test]
    fn body_text_is_not_furniture() {
        for line in [
            "Donald Trump has made his first statement since the bombing last night.",
            "Comments on the strike came from all sides.",
            "The airstrike north of Baghdad is said to have taken place at 1.12am local time.",
            "Readers will know the story.",
            "The ministry credited the army: it said the [strike] was brief.",
            "Shares fell 3% in early trading.",
            "He said the photograph: it was taken in 2019 by a soldier who was later killed there.",
        ] {
            assert_eq!(classify(line), None, "{line}");
        }
    }

    #[test]
    fn credits_are_recognised() {
        assert!(is_credit("nm,dj,ls,jsi,mmc/sms (AP, AFP, dpa, Reuters)"));
        assert!(is_credit("Additional reporting by agencies"));
        assert!(is_credit("From CNN’s Arnaud Siad and\u{a0}Vasco Cotovio"));
        assert!(!is_credit("Iran (officially) denies it"));
        assert!(!is_credit(
            "By Trump's own account, the strike was planned for days"
        ));
    }

    #[test]
    fn a_video_is_its_title_its_length_and_its_player_message() {
        let text = "Body.\n\n'Not active enough'\n\n03:42\n\nThis browser does not support the video element.\n";
        let page = Page::new("p", text);
        assert!(is_video_title(&page, 3));
        assert!(is_video_length(&page, 5));
        assert!(!is_video_title(&page, 1));
        assert!(!is_video_length(&page, 3));
    }

    /// A video's length over its title shown twice, the second time after a label, as a
    /// page's embedded player prints them; a clock over a post's headline and its prose is none.
    #[test]
    fn a_video_length_stands_over_its_title_shown_twice() {
        let text = "Body.\n0:57\nMigrants wait at the border\n WATCH: Migrants wait at the border\n\n\
                    1:30\nFootage of the strike\nFootage of the strike\n\n\
                    9:30\nMigrants wait at the border\nThe crossing stayed closed all day.\n";
        let page = Page::new("p", text);
        assert!(is_video_length(&page, 2));
        assert!(is_video_length(&page, 6));
        assert!(!is_video_length(&page, 10));
    }

    /// Newsletter and app prompts and photo credits in the languages dateline reads are furniture.
    #[test]
    fn prompts_and_credits_are_furniture_in_many_languages() {
        let rule = |line: &str| classify(line).map(|(_, rule)| rule);
        assert_eq!(rule("Newsletter abonnieren"), Some("newsletter"));
        assert_eq!(
            rule("Melden Sie sich für unseren Newsletter an und erhalten Sie alles."),
            Some("newsletter")
        );
        assert_eq!(rule("Suscríbete a nuestro boletín"), Some("newsletter"));
        assert_eq!(rule("Download the app"), Some("app-prompt"));
        assert_eq!(
            rule("Get our free app for the latest news"),
            Some("app-prompt")
        );
        assert_eq!(rule("Foto: dpa / Michael Kappeler"), Some("photo-credit"));
        assert_eq!(rule("Fotografia: Ansa"), Some("photo-credit"));
        assert_eq!(
            rule("Newsletters are a big business for publishers now."),
            None
        );
        assert_eq!(rule("Bild der Woche zeigt die Stadt."), None);
    }

    #[test]
    fn donation_appeals_are_found_as_blocks() {
        let text = "x\nYour support helps us to tell the story\n\nplease\n\nYour support makes all the difference.\ny";
        assert_eq!(donation_blocks(&Page::new("p", text)), vec![[2, 6]]);
    }
}
