//! Clues from addresses a text copy prints: the page's own address on a line that says it is the
//! page's (a citation's `retrieved ... from https://...`, `Read or Share this story:`, `Link to
//! this article:`), which a saved HTML page gives as its canonical link, and an outlet's postal
//! address in its copyright line written without a ZIP code (`Palm Springs, CA USA`).
//!
//! Both are read in one pass over the lines that can hold them: a line with `://`, or a
//! copyright line. A link on any other line is left alone: a page links to other pages far more
//! often than it prints its own address.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;

use super::clue::{Clue, weight};
use super::{Found, ZoneClue, machine, places};
use crate::Page;
use crate::layout::is_blank;
use crate::outlets;

/// Words that, before an address on its line, say it is the page's own: a citation's `retrieved
/// ... from`, a footer's link to share the story, a print version's address, in the languages
/// dateline reads most.
#[rustfmt::skip]
const OWN_ADDRESS: &[&str] = &[
    "retrieved", "read or share this story", "link to this article", "link to this story",
    "link to this page", "permalink", "permanent link", "article url", "url of this article",
    "short url", "source url", "link deste artigo", "link da matéria", "link da notícia",
    "enlace de la noticia", "enlace permanente", "enlace corto", "lien de l'article",
    "lien permanent", "lien court", "link zum artikel", "link zu diesem artikel", "kurz-url",
    "link all'articolo", "link permanente", "link naar dit artikel", "ссылка на статью",
    "постоянная ссылка", "adres artykułu", "link do artykułu",
];

/// The kind of the clue a printed address gives.
pub(crate) const PRINTED_ADDRESS: &str = "the page's address printed on it";

/// The kind of the clue a copyright line's postal address gives.
const CREDIT_ADDRESS: &str = "the postal address in the copyright line";

/// Adds the clues of the addresses the page prints to `found`.
pub(crate) fn clues(page: &Page<'_>, found: &mut Found) {
    // Byte searches built once: an address's `://`, then the country's names.
    static FINDERS: LazyLock<[memchr::memmem::Finder<'static>; 4]> = LazyLock::new(|| {
        [&b"://"[..], b"USA", b"U.S.A.", b"United States"].map(memchr::memmem::Finder::new)
    });
    // A postal address is read only where the page has none with a ZIP code.
    let mut address = found
        .zone
        .iter()
        .any(|c| c.kind == super::text::POSTAL_ADDRESS);
    let mut url = false;
    for (n, line) in page.lines().filter(|(_, l)| !is_blank(l)) {
        // A single byte is looked for first, as it costs least on a short line: `:` for `://`,
        // `U` for the country's names (they all begin with it).
        let bytes = line.as_bytes();
        if !url
            && memchr::memchr(b':', bytes).is_some()
            && FINDERS[0].find(bytes).is_some()
            && let Some(own) = own_address(line)
        {
            machine::address_clues(own, PRINTED_ADDRESS, Some(n), true, found);
            url = true;
        }
        // The country's name first: a byte search, where most lines are no copyright line.
        let country = || {
            memchr::memchr(b'U', bytes).is_some()
                && FINDERS[1..].iter().any(|f| f.find(bytes).is_some())
        };
        if !address
            && country()
            && outlets::is_credit_line(line)
            && let Some((tz, text)) = credit_address(line)
        {
            let zone = Clue::new(ZoneClue::Region(tz), CREDIT_ADDRESS, text, weight::NAMED);
            found.zone.push(zone.at(n));
            let country = Clue::new("US".to_owned(), CREDIT_ADDRESS, text, weight::NAMED);
            found.country.push(country.at(n));
            address = true;
        }
        if url && address {
            break;
        }
    }
}

/// The address on `line` when words before it on the line say it is the page's own.
fn own_address(line: &str) -> Option<&str> {
    static OWN: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostFirst)
            .build(OWN_ADDRESS)
            .ok()
    });
    let start = line.find("http://").or_else(|| line.find("https://"))?;
    let lead = line.get(..start)?;
    OWN.as_ref()?.find(lead)?;
    let url = line.get(start..)?;
    let end = url
        .find(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '<' | '>' | ')'))
        .unwrap_or(url.len());
    let url = url.get(..end)?.trim_end_matches(['.', ',', ';']);
    machine::host(url).map(|_| url)
}

/// A US postal address without its ZIP code in a copyright line, a town, its state's postal code
/// and the country (`Palm Springs, CA USA`): the state's zone and its text.
fn credit_address(line: &str) -> Option<(dateline_time::Tz, &str)> {
    static ADDRESS: LazyLock<Regex> = LazyLock::new(|| {
        crate::boilerplate::re(
            r"(?:[A-Z][A-Za-z.'-]*\s+){0,2}[A-Za-z.'-]+,\s+([A-Z]{2}),?\s+(?:USA|U\.S\.A\.|United States)\b",
        )
    });
    let caps = ADDRESS.captures(line)?;
    let tz = places::zone_of_us_state(caps.get(1)?.as_str())?;
    Some((tz, caps.get(0)?.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_is_the_pages_own_only_after_words_that_say_so() {
        let read = own_address;
        assert_eq!(
            read(
                "Citation: Frogs sing (2021, May 3) retrieved 4 May 2021 from https://example.org/news/2021-05-frogs.html"
            ),
            Some("https://example.org/news/2021-05-frogs.html")
        );
        assert_eq!(
            read("Read or Share this story: https://www.example.com/story/x/123/."),
            Some("https://www.example.com/story/x/123/")
        );
        assert_eq!(read("Watch the match live: https://example.com/live"), None);
        assert_eq!(read("https://example.com/other-story"), None);
    }

    #[test]
    fn a_copyright_lines_town_and_state_place_the_outlet() {
        let (tz, text) = credit_address("© 2021 Valley Broadcasting Company, Red Bluff, CA USA")
            .unwrap_or((dateline_time::Tz::UTC, ""));
        assert_eq!(tz, dateline_time::Tz::America__Los_Angeles);
        assert_eq!(text, "Red Bluff, CA USA");
        assert_eq!(
            credit_address("© 2021 Example Media, all rights reserved"),
            None
        );
    }
}
