//! An article's headline, chosen from the lines around the start of its story by what each line
//! says, not by where it stands alone.
//!
//! A text copy of an article holds, above its body, the site's menus, a section's name, the
//! headline, a standfirst, bylines, a photo's caption and credits, in an order each outlet sets.
//! The nearest line above the dateline that is shaped like a headline is as often a caption or a
//! byline as the headline. What marks the headline is that its words are the story's: most of its
//! rarer words come back in the first paragraphs of the body, while a menu's, a prompt's or another
//! story's do not. Of the lines that read as a headline and whose words the lead echoes, the first
//! is taken: a standfirst, a caption and a byline come after the headline they belong to.

use std::collections::HashSet;

use crate::boilerplate;
use crate::layout::Parsed;
use crate::page::Page;

/// How the headline was chosen, as the line's role rule says in `dateline explain`.
pub(crate) const ECHOED: &str = "headline-echoed-in-lead";
/// Chosen by shape alone, the lead echoing none of the lines above it.
pub(crate) const SHAPED: &str = "headline-nearest-above";

/// How many non-blank lines above the story's start are read for its headline: past the
/// standfirst, bylines, captions and share buttons between a headline and its body.
const ABOVE: usize = 30;
/// How many non-blank lines above the story's start may hold its headline when the lead repeats
/// none of them.
const NEAREST: usize = 8;
/// How many lines of prose make the lead whose words a headline repeats: past a photo's caption or
/// two, which read as prose too.
const LEAD_LINES: usize = 5;
/// The most of the lead read, in bytes.
const LEAD_BYTES: usize = 3_000;
/// The share of a line's words the lead must repeat for the line to be its headline.
const ECHO: f32 = 0.4;
/// How many of its words the lead must repeat: two words a menu's line and a story share by
/// chance (`Astronomy & Space` over a story on astronauts in space) are no echo.
const ECHO_WORDS: usize = 3;

/// The line chosen as the headline and the rule that chose it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Headline {
    /// The 1-based line.
    pub(crate) line: u32,
    /// [`ECHOED`] or [`SHAPED`].
    pub(crate) rule: &'static str,
}

/// The headline of the story that starts at line `start` (its dateline, or its first paragraph
/// when it prints no time): of the lines above it (and, for a dateline, those between it and the
/// body), the first that reads as a headline and whose words the lead repeats; failing that, the
/// longest of the nearest lines above that reads as one.
pub(crate) fn choose(page: &Page<'_>, parsed: &Parsed, start: u32) -> Option<Headline> {
    let free = |n: u32| !parsed.roles.is_assigned(n);
    // The lead: the first lines of prose from the start on.
    let mut lead = String::new();
    let mut body_start = None;
    for (n, text) in page.lines().skip(start.saturating_sub(1) as usize) {
        if lead.len() >= LEAD_BYTES {
            break;
        }
        // A line shown twice in a row is a gallery's caption (and its screen reader's copy).
        let twice = page.line(n + 1).is_some_and(|t| t.trim() == text.trim())
            || page
                .line(n.saturating_sub(1))
                .is_some_and(|t| t.trim() == text.trim());
        // A story told in short paragraphs has sentences of a body, none long enough to be prose.
        if free(n) && crate::context::is_body(text) && !twice {
            body_start.get_or_insert(n);
            lead.push_str(text.trim());
            lead.push('\n');
            if lead.lines().count() >= LEAD_LINES {
                break;
            }
        }
    }
    let lead_words = words(&lead);
    // Lines above the start, nearest first; then those between the start and the body. A line
    // of one word (a share bar's `Share`, `Tweet`, `Email`) is passed without counting.
    let mut above: Vec<u32> = Vec::new();
    let mut passed = 0;
    let mut n = start;
    while n > 1 && above.len() < ABOVE && passed < 2 * ABOVE {
        n -= 1;
        let Some(text) = page.line(n).map(str::trim).filter(|t| !t.is_empty()) else {
            continue;
        };
        passed += 1;
        if text.split_whitespace().nth(1).is_some() || text.chars().count() >= 6 {
            above.push(n);
        }
    }
    let between = body_start.map_or(start + 1..start + 1, |b| start + 1..b);
    let candidates = above
        .iter()
        .rev()
        .copied()
        .chain(between)
        .filter(|&n| free(n) && n != start);
    // The first line whose words the lead repeats: a standfirst repeats more of them, but comes
    // after its headline.
    let mut echoed: Option<u32> = None;
    for n in candidates {
        let Some(text) = page.line(n).map(str::trim) else {
            continue;
        };
        if !shaped(text) {
            continue;
        }
        let own = words(text);
        if own.len() < ECHO_WORDS {
            continue;
        }
        let repeated = own.iter().filter(|w| lead_words.contains(*w)).count();
        let share = repeated as f32 / own.len() as f32;
        if repeated >= ECHO_WORDS && share >= ECHO {
            echoed = Some(n);
            break;
        }
    }
    if let Some(line) = echoed {
        return Some(Headline { line, rule: ECHOED });
    }
    // No line above is the lead's: of the nearest few that read as a headline and are no
    // sentence, the longest (a section's name, a byline or a caption is shorter than the story's
    // headline).
    above
        .iter()
        .copied()
        .take(NEAREST)
        .filter(|&n| free(n))
        .filter_map(|n| {
            let text = page.line(n)?.trim();
            let fits = shaped(text) && text.split_whitespace().count() >= 4 && !text.ends_with('.');
            fits.then_some((text.chars().count(), n))
        })
        .fold(None, |best: Option<(usize, u32)>, (len, n)| match best {
            Some((b, _)) if b >= len => best,
            _ => Some((len, n)),
        })
        .map(|(_, line)| Headline { line, rule: SHAPED })
}

/// Whether a line reads as a headline: a few words to thirty (or, in a script without spaces,
/// six characters to eighty), no colon, comma or semicolon at its end, some lower case, no time or
/// date in it, and none of a byline's, a caption's, a credit's or a menu's marks.
fn shaped(text: &str) -> bool {
    let chars = text.chars().count();
    let unspaced = text.chars().filter(|&c| unspaced_script(c)).count();
    let words = text.split_whitespace().count();
    let sized = if unspaced * 2 > chars {
        (6..=80).contains(&chars)
    } else {
        (3..=30).contains(&words) && chars <= 200
    };
    sized
        && !text.ends_with([':', ',', ';', '|', '…'])
        && !text.ends_with("...")
        && (text.chars().any(char::is_lowercase) || unspaced > 0 || !text.is_ascii())
        && !furniture(text)
        && dateline_time::find_stamp(text).is_none()
}

/// A byline, a photo's caption or credit, a prompt or a menu's line: none is the headline, however
/// many of the story's words it holds.
fn furniture(text: &str) -> bool {
    /// Words that open a byline, in the languages dateline reads.
    const BYLINE: &[&str] = &[
        "by", "por", "von", "par", "di", "door", "av", "af", "od", "autor", "author",
    ];
    /// A caption's or credit's marks, anywhere in the line.
    const CAPTION: &[&str] = &[
        "file photo",
        "in this photo",
        "in this file",
        "photo:",
        "photo by",
        "photo credit",
        "(photo",
        "/ap photo",
        "(ap photo",
        "ap photo/",
        "getty images",
        "afp via",
        "reuters/",
        "image:",
        "image credit",
        "foto:",
        "bild:",
        "arkivbild",
        "crédito",
        "crédit photo",
        "fotografía:",
        "imagem:",
        "file image",
        "took this image",
        "this image",
        "all rights reserved",
        "copyright",
        "©",
    ];
    let lower = text.to_lowercase();
    let first = lower
        .split_whitespace()
        .next()
        .map(|w| w.trim_end_matches(':'))
        .unwrap_or_default();
    // A byline is a few words: a headline may open with `Di` or `Av` as a name or a word.
    (BYLINE.contains(&first) && lower.split_whitespace().count() <= 8)
        || CAPTION.iter().any(|m| lower.contains(m))
        || boilerplate::classify(text).is_some()
        || boilerplate::is_credit(text)
        || text.contains(" | ")
}

/// Whether `c` is of a script written without spaces between words (Chinese, Japanese, Thai).
fn unspaced_script(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{9fff}' | '\u{0e00}'..='\u{0e7f}')
}

/// The words of a text that say what it is about, lower-cased: those of four letters or more
/// (short words are grammar's, in most languages), cut to their first [`STEM`] letters so that a
/// word's forms meet (`hibernating`, `hibernation`), and each pair of neighbouring characters in a
/// script without spaces.
fn words(text: &str) -> HashSet<String> {
    let mut set = HashSet::new();
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        if word.chars().any(unspaced_script) {
            let chars: Vec<char> = word.chars().collect();
            for pair in chars.windows(2) {
                set.insert(pair.iter().collect::<String>());
            }
        } else if word.chars().count() >= 4 {
            set.insert(
                word.chars()
                    .take(STEM)
                    .flat_map(char::to_lowercase)
                    .collect(),
            );
        }
    }
    set
}

/// How many letters of a word are compared: a crude stem, enough to tell words apart in a page's
/// few lines and to join a word's forms in the languages that add endings.
const STEM: usize = 6;

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_model::DocumentKind;

    fn choose_in(text: &str, start: u32) -> Option<(String, &'static str)> {
        let page = Page::new("page.txt", text);
        let parsed = Parsed::new(DocumentKind::Article, page.len());
        let chosen = choose(&page, &parsed, start)?;
        Some((page.line(chosen.line)?.trim().to_owned(), chosen.rule))
    }

    const PAGE: &str = "Home\nLocal News\nSign in to comment\n\
        Harbour ferry fares to double from March, council says\n\
        The price of a single crossing rises for the first time in a decade.\n\
        By Ana Ruiz\n\
        12 January 2024\n\
        Passengers wait at the pier in a file photo from last summer\n\
        Ferry fares across the harbour will double from March, the council said on Friday, \
        after a decade in which the price of a crossing did not change.\n\
        The council said the rise would pay for two new boats and a longer timetable.\n";

    #[test]
    fn the_headline_is_the_first_line_whose_words_the_lead_repeats() {
        // Above the dateline (line 7): menus, the headline, a standfirst, a byline; below it a
        // caption. The headline, not the nearest headline-shaped line, is chosen.
        assert_eq!(
            choose_in(PAGE, 7),
            Some((
                "Harbour ferry fares to double from March, council says".to_owned(),
                ECHOED
            ))
        );
    }

    #[test]
    fn a_caption_or_a_byline_is_never_the_headline() {
        assert!(furniture(
            "Passengers wait at the pier in a file photo from last summer"
        ));
        assert!(furniture("By Ana Ruiz"));
        assert!(furniture("A ferry leaves the pier. (AP Photo/Jo Lee)"));
        assert!(!furniture(
            "Harbour ferry fares to double from March, council says"
        ));
    }

    #[test]
    fn with_no_line_the_lead_repeats_the_longest_headline_shaped_line_near_is_taken() {
        let text = "Menu\nWeather and traffic for the region today\n12 January 2024\n\
            Nothing in this paragraph repeats the words of the line above it, which is only a \
            menu entry of the site, and the body goes on at length about other things.\n";
        assert_eq!(
            choose_in(text, 3),
            Some((
                "Weather and traffic for the region today".to_owned(),
                SHAPED
            ))
        );
    }

    #[test]
    fn words_of_unspaced_scripts_are_pairs_of_characters() {
        let w = words("東京都 news");
        assert!(w.contains("東京") && w.contains("京都"));
        assert!(w.contains("news") && !w.contains("東京都"));
        // A word's forms meet.
        assert_eq!(words("hibernating"), words("Hibernation"));
    }
}
