//! Place names -> IANA zones, for "1.12am local time" in a Baghdad story.
//!
//! The table is `data/places.tsv`, compiled in with `include_str!` and parsed once, on first use.
//! Names are matched without regard to case, diacritics or punctuation: `Sao Paulo` finds
//! `São Paulo`, `Xi’an` finds `Xi'an`, `Port au Prince` finds `Port-au-Prince`.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::str::FromStr;
use std::sync::LazyLock;

use chrono_tz::Tz;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// A place from the gazetteer, with the zone its clocks keep.
///
/// The gazetteer holds every country's capital and every city of 100,000 inhabitants or more,
/// about 6,300 places, from [GeoNames](https://www.geonames.org/) (CC BY 4.0), with the English
/// spellings news uses added (`Kyiv`/`Kiev`, `Mumbai`/`Bombay`, `Beijing`/`Peking`).
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Place {
    /// The name as the gazetteer spells it (`Kyiv`, `São Paulo`).
    pub name: &'static str,
    /// ISO 3166 alpha-2 code of the country (`UA`, `BR`).
    pub country: &'static str,
    /// The place's zone.
    pub tz: Tz,
    /// Inhabitants, as GeoNames counts them.
    pub population: u32,
    /// Whether it is its country's capital.
    pub capital: bool,
}

static DATA: &str = include_str!("../data/places.tsv");

/// The parsed table and its index.
#[derive(Debug)]
struct Gazetteer {
    places: Vec<Place>,
    /// Folded name -> indices into `places`, the preferred reading first.
    by_key: HashMap<String, Vec<usize>>,
    /// The most words in any folded name.
    max_words: usize,
    /// The first word of every folded name: a word that is none opens no name.
    first_words: HashSet<String>,
    /// Rows that did not parse, with their 1-based line (a bug in the data file; a test checks).
    #[cfg_attr(not(test), allow(dead_code))]
    rejected: Vec<(usize, String)>,
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| Gazetteer::parse(DATA));

impl Gazetteer {
    fn parse(data: &'static str) -> Gazetteer {
        let mut places = Vec::new();
        let mut names: Vec<(String, usize)> = Vec::new();
        let mut rejected = Vec::new();
        for (n, line) in data.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let fields: Vec<&'static str> = line.split('\t').collect();
            let [name, alternates, country, tz, population, capital] = fields[..] else {
                rejected.push((n + 1, format!("expected 6 fields, found {}", fields.len())));
                continue;
            };
            let Ok(tz) = Tz::from_str(tz) else {
                rejected.push((n + 1, format!("`{tz}` is not an IANA zone chrono-tz knows")));
                continue;
            };
            let Ok(population) = population.parse::<u32>() else {
                rejected.push((n + 1, format!("`{population}` is not a population")));
                continue;
            };
            let capital = match capital {
                "1" => true,
                "0" => false,
                other => {
                    rejected.push((n + 1, format!("`{other}` is not a capital flag (0 or 1)")));
                    continue;
                }
            };
            let index = places.len();
            places.push(Place {
                name,
                country,
                tz,
                population,
                capital,
            });
            for spelling in std::iter::once(name).chain(alternates.split('|')) {
                let key = fold(spelling);
                if !key.is_empty() {
                    names.push((key, index));
                }
            }
        }
        let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
        for (key, index) in names {
            let entry = by_key.entry(key).or_default();
            if !entry.contains(&index) {
                entry.push(index);
            }
        }
        for indices in by_key.values_mut() {
            rank(indices, &places);
        }
        let max_words = by_key
            .keys()
            .map(|k| k.split(' ').count())
            .max()
            .unwrap_or(1);
        let first_words = by_key
            .keys()
            .filter_map(|k| k.split(' ').next())
            .map(str::to_owned)
            .collect();
        Gazetteer {
            places,
            by_key,
            max_words,
            first_words,
            rejected,
        }
    }

    fn best(&self, key: &str) -> Option<Place> {
        let i = *self.by_key.get(key)?.first()?;
        self.places.get(i).copied()
    }
}

/// Orders the places sharing a name, preferred first: the most populous, unless a capital has at
/// least a quarter of its population (`San José` the capital of Costa Rica, not the city in
/// California; `Hamilton` in Ontario, not the capital of Bermuda).
fn rank(indices: &mut [usize], places: &[Place]) {
    let pop = |i: &usize| places.get(*i).map_or(0, |p| p.population);
    indices.sort_by(|a, b| pop(b).cmp(&pop(a)).then(a.cmp(b)));
    let Some(top) = indices.first().map(pop) else {
        return;
    };
    let capital = indices.iter().position(|i| {
        places
            .get(*i)
            .is_some_and(|p| p.capital && u64::from(p.population) * 4 >= u64::from(top))
    });
    if let Some(run) = capital.and_then(|c| indices.get_mut(..=c)) {
        run.rotate_right(1);
    }
}

/// Lowercase, without diacritics, each run of anything but letters and digits one space.
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut gap = false;
    if s.is_ascii() {
        // The common case, without decomposing.
        for c in s.chars() {
            if c.is_ascii_alphanumeric() {
                if gap && !out.is_empty() {
                    out.push(' ');
                }
                gap = false;
                out.push(c.to_ascii_lowercase());
            } else {
                gap = true;
            }
        }
        return out;
    }
    for c in s.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        if c.is_alphanumeric() {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            match c {
                'ł' | 'Ł' => out.push('l'),
                'ø' | 'Ø' => out.push('o'),
                'đ' | 'Đ' | 'ð' | 'Ð' => out.push('d'),
                'ı' => out.push('i'),
                'ß' => out.push_str("ss"),
                'æ' | 'Æ' => out.push_str("ae"),
                'œ' | 'Œ' => out.push_str("oe"),
                'þ' | 'Þ' => out.push_str("th"),
                _ => out.extend(c.to_lowercase()),
            }
        } else {
            gap = true;
        }
    }
    out
}

/// Looks a place up by name, ignoring case, diacritics and punctuation (`sao paulo` finds
/// `São Paulo`, `Kiev` finds `Kyiv`).
///
/// When several places share the name, the most populous is taken, unless a capital has at least
/// a quarter of its population (`San Jose` is Costa Rica's capital, `Hamilton` the city in
/// Ontario, not Bermuda's capital); [`place_candidates`] lists them all.
pub fn place(name: &str) -> Option<Place> {
    GAZETTEER.best(&fold(name))
}

/// Every place named `name` (ignoring case, diacritics and punctuation), the preferred first, so
/// a caller that knows the country can choose (`Valencia` is Venezuela's by population, Spain's
/// in a Spanish story).
pub fn place_candidates(name: &str) -> Vec<Place> {
    let g = &*GAZETTEER;
    g.by_key
        .get(&fold(name))
        .map(|indices| {
            indices
                .iter()
                .filter_map(|&i| g.places.get(i).copied())
                .collect()
        })
        .unwrap_or_default()
}

/// Names that are also common English words, given names or surnames, or that the news uses
/// mostly for something else (`Reading`, `Austin`, `Duma`): matched in running text only after
/// a word that says a place follows ("in Nice", "from Reading"), or as an all-capitals dateline
/// at the start of a line (`MOBILE, Ala. (AP) —`). Folded, sorted; a test checks each is in the
/// table.
#[rustfmt::skip]
const COMMON: &[&str] = &[
    "ann", "aurora", "austin", "bade", "bali", "banda", "barking", "bath", "batman", "bender",
    "beni", "bole", "boma", "boulder", "brent", "brits", "bush", "canton", "cary", "centurion",
    "chandler", "charlotte", "chia", "chu", "columbus", "commonwealth", "concord", "corona",
    "cypress", "delta", "denton", "derby", "douglas", "dudley", "duma", "elizabeth", "enterprise",
    "erode", "eugene", "florence", "fontana", "fuji", "ganja", "gao", "garland", "gilbert",
    "hamilton", "hassan", "ho", "hollywood", "honcho", "hub", "independence", "irving", "jackson",
    "jingling", "kent", "lafayette", "lander", "lincoln", "lira", "madison", "mage", "male", "man",
    "mango", "manta", "mantilla", "marka", "mary", "mascara", "mau", "midland", "mobile", "moro",
    "nancy", "natal", "newton", "nice", "norman", "oral", "orange", "orlando", "ota", "paradise",
    "pare", "pest", "providence", "reading", "riverside", "ruse", "saga", "sale", "samba", "san",
    "sari", "savannah", "shaping", "split", "stanley", "surprise", "tete", "timon", "tonk", "tyler",
    "van", "victoria", "vista", "warder", "warren", "yao",
];

/// Names that English news uses mostly for a larger place the table does not hold, a country or
/// a state (`Armenia`, `North Carolina`, `Ontario`, `El Salvador`): never matched in running
/// text, only by [`place`].
const ELSEWHERE: &[&str] = &[
    "armenia", "carolina", "columbia", "jamaica", "norfolk", "ontario", "salvador", "virginia",
];

/// Words after which a common-word name is taken as a place.
#[rustfmt::skip]
const PLACE_CUES: &[&str] = &[
    "across", "around", "at", "from", "in", "near", "outside", "to", "toward", "towards",
];

/// Titles after which a name is a person's (`Mr Lima`, `President Bush`).
#[rustfmt::skip]
const TITLES: &[&str] = &[
    "ayatollah", "bishop", "capt", "captain", "chancellor", "col", "colonel", "dr", "gen",
    "general", "gov", "governor", "imam", "judge", "justice", "king", "lady", "lord", "mayor",
    "minister", "miss", "mr", "mrs", "ms", "officer", "pope", "president", "prince", "prof",
    "queen", "rep", "secretary", "sen", "senator", "sergeant", "sgt", "sheikh", "sir",
];

/// Finds place names in running text: capitalised, at word boundaries, longest first
/// (`New York` before `York`), each with its byte span, in text order.
///
/// A name's words may be joined by spaces, hyphens, apostrophes or dots on one line
/// (`Port-au-Prince`, `St. Petersburg`, `Xi’an`). Left alone: a word of three capitals or fewer
/// (an acronym such as `ABA`); a name after a title (`President Bush`) or after a capitalised word
/// inside a sentence (`John Bolton`, `El Salvador`; `Greater Manchester` is a place); names that
/// are also common words or people's names (`Reading`, `Nice`, `Austin`) unless a preposition
/// marks them as places ("in Nice") or they open an all-capitals dateline (`MOBILE, Ala. (AP)`);
/// and names the news uses for a larger place elsewhere (`Armenia`, `North Carolina`). Several
/// places sharing a name are settled as in [`place`].
///
/// ```
/// use dateline_time::find_places;
///
/// let text = "Rockets hit Baghdad's Green Zone; in New York, oil rose.";
/// let found: Vec<_> = find_places(text)
///     .into_iter()
///     .map(|(span, p)| (&text[span], p.tz.name()))
///     .collect();
/// assert_eq!(found, [("Baghdad", "Asia/Baghdad"), ("New York", "America/New_York")]);
/// ```
pub fn find_places(text: &str) -> Vec<(Range<usize>, Place)> {
    let g = &*GAZETTEER;
    let words = words(text);
    let mut found = Vec::new();
    let mut i = 0;
    while let Some(&(start, _)) = words.get(i) {
        let capitalised = text
            .get(start..)
            .and_then(|s| s.chars().next())
            .is_some_and(char::is_uppercase);
        let mut matched = 0;
        // A word that opens no name in the table opens no name here.
        let opens = capitalised
            && words
                .get(i)
                .and_then(|&(a, b)| text.get(a..b))
                .is_some_and(|w| g.first_words.contains(&fold(w)));
        if opens {
            for k in (1..=g.max_words).rev() {
                let Some(&(_, end)) = words.get(i + k - 1) else {
                    continue;
                };
                // The words must be joined by spaces or light punctuation on one line.
                let joined = words.get(i..i + k).is_some_and(|run| {
                    run.windows(2).all(|w| match w {
                        [(_, a), (b, _)] => text.get(*a..*b).is_some_and(joins),
                        _ => true,
                    })
                });
                if !joined {
                    continue;
                }
                let Some(span_text) = text.get(start..end) else {
                    continue;
                };
                let key = fold(span_text);
                let Some(p) = g.best(&key) else { continue };
                if !plausible(text, start, end, &key) {
                    continue;
                }
                found.push((start..end, p));
                matched = k;
                break;
            }
        }
        i += matched.max(1);
    }
    found
}

/// Byte ranges of the maximal runs of letters and digits.
fn words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (at, c) in text.char_indices() {
        let word = c.is_alphanumeric() || is_combining_mark(c);
        match (word, start) {
            (true, None) => start = Some(at),
            (false, Some(s)) => {
                out.push((s, at));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

/// Whether the text between two words of one name may join them: spaces, hyphens, apostrophes
/// and dots (`St. Petersburg`, `Port-au-Prince`, `Xi’an`), never a line break.
fn joins(between: &str) -> bool {
    between.chars().count() <= 3
        && between
            .chars()
            .all(|c| matches!(c, ' ' | '\u{a0}' | '-' | '\'' | '’' | '.'))
}

/// Whether the name at `start..end` (folded: `key`) reads as a place where it stands.
fn plausible(text: &str, start: usize, end: usize, key: &str) -> bool {
    let name = text.get(start..end).unwrap_or_default();
    // `ABA`, `SAN`, `UFA`: a short word in capitals is an acronym, unless the table spells it so.
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    if letters <= 3 && name.chars().all(|c| !c.is_lowercase()) && !ACRONYMS.contains(&key) {
        return false;
    }
    if ELSEWHERE.contains(&key)
        || TITLES.contains(&previous_word(text, start).as_str())
        || after_a_given_name(text, start)
    {
        return false;
    }
    COMMON.binary_search(&key).is_err() || clearly_a_place(text, start, end)
}

/// Capitalised words that may stand before a place's name ("Greater Manchester").
#[rustfmt::skip]
const MODIFIERS: &[&str] = &[
    "central", "downtown", "east", "eastern", "greater", "inner", "lower", "north", "northern",
    "occupied", "old", "outer", "south", "southern", "upper", "west", "western",
];

/// Whether the name follows a capitalised word within a sentence, as a surname follows a given
/// name (`John Bolton`, `El Salvador`): not a place, unless the word is a modifier such as
/// `Greater`. A word that starts a sentence, or one in capitals (`LONDON`), does not count.
fn after_a_given_name(text: &str, start: usize) -> bool {
    let before = text.get(..start).unwrap_or_default();
    let Some(gap) = before.strip_suffix([' ', '\u{a0}']) else {
        return false;
    };
    let word_start = gap
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric())
        .last()
        .map_or(gap.len(), |(i, _)| i);
    let (rest, word) = gap.split_at(word_start);
    let capitalised = word.chars().next().is_some_and(char::is_uppercase);
    let all_caps = word.chars().all(|c| !c.is_lowercase());
    if !capitalised || all_caps || MODIFIERS.contains(&word.to_lowercase().as_str()) {
        return false;
    }
    // Within a sentence: something other than sentence punctuation comes before the word.
    rest.trim_end().chars().next_back().is_some_and(|c| {
        !matches!(
            c,
            '.' | '!' | '?' | '\n' | '(' | '"' | '“' | '‘' | ':' | ';' | '—' | '-'
        )
    })
}

/// Spellings the table gives in capitals.
const ACRONYMS: &[&str] = &["hcmc", "nyc"];

/// The word before `at`, lowercased, if only spaces or a dot separate them (`Mr. Lima`).
fn previous_word(text: &str, at: usize) -> String {
    let before = text.get(..at).unwrap_or_default();
    let trimmed = before.trim_end_matches([' ', '\u{a0}']);
    if trimmed.len() == before.len() {
        return String::new();
    }
    let trimmed = trimmed.strip_suffix('.').unwrap_or(trimmed);
    trimmed
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default()
        .to_lowercase()
}

/// Whether a common-word name at `start..end` is clearly a place: after a place cue, or an
/// all-capitals dateline at the start of a line.
fn clearly_a_place(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).unwrap_or_default();
    let previous = previous_word(text, start);
    // "from Hassan Hassan", "to Austin Butler": a capitalised word after it makes it a name.
    let named = text
        .get(end..)
        .and_then(|rest| rest.strip_prefix([' ', '\u{a0}']))
        .and_then(|rest| rest.chars().next())
        .is_some_and(char::is_uppercase);
    if !named && !before.trim_end().ends_with('.') && PLACE_CUES.contains(&previous.as_str()) {
        return true;
    }
    let name = text.get(start..end).unwrap_or_default();
    let line_start = before
        .rsplit('\n')
        .next()
        .unwrap_or_default()
        .trim()
        .is_empty();
    let all_caps = name.chars().all(|c| !c.is_lowercase());
    let after = text.get(end..).unwrap_or_default();
    line_start && all_caps && [",", " (", " —", " -"].iter().any(|p| after.starts_with(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every ISO 3166 code that GeoNames gives a capital (less the defunct `CS` and `AN`).
    const WITH_CAPITALS: &[&str] = &[
        "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AR", "AS", "AT", "AU", "AW", "AX", "AZ",
        "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BR", "BS",
        "BT", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN",
        "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC",
        "EE", "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD",
        "GE", "GF", "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW",
        "GY", "HK", "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS",
        "IT", "JE", "JM", "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY",
        "KZ", "LA", "LB", "LC", "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD",
        "ME", "MF", "MG", "MH", "MK", "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU",
        "MV", "MW", "MX", "MY", "MZ", "NA", "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR",
        "NU", "NZ", "OM", "PA", "PE", "PF", "PG", "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT",
        "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW", "SA", "SB", "SC", "SD", "SE", "SG", "SH",
        "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS", "ST", "SV", "SX", "SY", "SZ", "TC",
        "TD", "TF", "TG", "TH", "TJ", "TL", "TM", "TN", "TO", "TR", "TT", "TV", "TW", "TZ", "UA",
        "UG", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI", "VN", "VU", "WF", "WS", "XK", "YE",
        "YT", "ZA", "ZM", "ZW",
    ];

    fn found(text: &str) -> Vec<String> {
        find_places(text)
            .into_iter()
            .map(|(r, p)| {
                format!(
                    "{} -> {} {} {}",
                    text.get(r).unwrap_or_default(),
                    p.name,
                    p.country,
                    p.tz.name()
                )
            })
            .collect()
    }

    #[test]
    fn every_row_parses() {
        let g = &*GAZETTEER;
        assert!(g.rejected.is_empty(), "{:?}", g.rejected);
        // A wrong zone or field count in the data file would have been rejected; also check the
        // data is really there.
        assert_eq!(
            DATA.lines().filter(|l| !l.starts_with('#')).count(),
            g.places.len()
        );
    }

    #[test]
    fn covers_capitals_and_the_largest_cities() {
        let g = &*GAZETTEER;
        for cc in WITH_CAPITALS {
            let capitals = g
                .places
                .iter()
                .filter(|p| p.capital && p.country == *cc)
                .count();
            assert_eq!(capitals, 1, "capital of {cc}");
        }
        let big = g
            .places
            .iter()
            .filter(|p| p.population >= 1_000_000)
            .count();
        assert!(big >= 500, "{big} cities of a million or more");
        let cities = g.places.iter().filter(|p| !p.capital).count();
        assert!(cities >= 500 + WITH_CAPITALS.len(), "{cities}");
    }

    #[test]
    fn rows_are_sorted_and_common_words_known() {
        let g = &*GAZETTEER;
        let keys: Vec<String> = g.places.iter().map(|p| fold(p.name)).collect();
        let unsorted = keys.windows(2).find(|w| w[0] > w[1]);
        assert_eq!(unsorted, None, "data/places.tsv is not sorted");
        assert!(
            COMMON.windows(2).all(|w| w[0] < w[1]),
            "COMMON is not sorted"
        );
        for word in COMMON.iter().chain(ACRONYMS).chain(ELSEWHERE) {
            assert!(g.by_key.contains_key(*word), "{word} is not in the table");
        }
    }

    #[test]
    fn folding() {
        assert_eq!(fold("São Paulo"), "sao paulo");
        assert_eq!(fold("Xi’an"), "xi an");
        assert_eq!(fold("  Port-au-Prince "), "port au prince");
        assert_eq!(fold("Łódź"), "lodz");
        assert_eq!(fold("İzmir"), "izmir");
        assert_eq!(fold("BAGHDAD"), "baghdad");
    }

    #[test]
    fn lookup() {
        let p = place("Sao Paulo");
        assert_eq!(
            p.map(|p| (p.name, p.tz)),
            Some(("São Paulo", Tz::America__Sao_Paulo))
        );
        assert_eq!(place("kiev").map(|p| p.name), Some("Kyiv"));
        assert_eq!(place("Bombay").map(|p| p.name), Some("Mumbai"));
        assert_eq!(place("Peking").map(|p| p.tz), Some(Tz::Asia__Shanghai));
        assert_eq!(
            place("Baghdad").map(|p| (p.tz, p.capital)),
            Some((Tz::Asia__Baghdad, true))
        );
        assert_eq!(place("Xian").map(|p| p.name), Some("Xi'an"));
        assert_eq!(place("Atlantis"), None);
        assert_eq!(place(""), None);
    }

    #[test]
    fn ties() {
        let name_cc = |n: &str| place(n).map(|p| format!("{} {}", p.country, p.tz.name()));
        // The most populous...
        assert_eq!(name_cc("London").as_deref(), Some("GB Europe/London"));
        assert_eq!(name_cc("Hyderabad").as_deref(), Some("IN Asia/Kolkata"));
        assert_eq!(name_cc("Birmingham").as_deref(), Some("GB Europe/London"));
        // ...unless a capital has at least a quarter of its population.
        assert_eq!(
            name_cc("San Jose").as_deref(),
            Some("CR America/Costa_Rica")
        );
        assert_eq!(name_cc("Hamilton").as_deref(), Some("CA America/Toronto"));
        let valencia: Vec<_> = place_candidates("Valencia")
            .iter()
            .map(|p| p.country)
            .collect();
        assert_eq!(valencia, ["VE", "ES", "US"]);
    }

    #[test]
    fn places_in_text() {
        assert_eq!(
            found("Fighting in New York and York; 1.12am local time in Baghdad."),
            [
                "New York -> New York City US America/New_York",
                "York -> York GB Europe/London",
                "Baghdad -> Baghdad IQ Asia/Baghdad",
            ]
        );
        assert_eq!(
            found("Shelling in Kiev, Xi’an and Sao Paulo; Port-au-Prince, St. Petersburg."),
            [
                "Kiev -> Kyiv UA Europe/Kyiv",
                "Xi’an -> Xi'an CN Asia/Shanghai",
                "Sao Paulo -> São Paulo BR America/Sao_Paulo",
                "Port-au-Prince -> Port-au-Prince HT America/Port-au-Prince",
                "St. Petersburg -> Saint Petersburg RU Europe/Moscow",
            ]
        );
        assert_eq!(
            found("BAGHDAD (Reuters) - A strike at 1.12am local time"),
            ["BAGHDAD -> Baghdad IQ Asia/Baghdad"]
        );
    }

    #[test]
    fn words_that_are_not_places() {
        // Lowercase words, common words without a place cue, titles, acronyms.
        assert!(found("a nice day in paris, reading a split decision").is_empty());
        assert!(found("Reading the report, Nice said the Duma would Split.").is_empty());
        assert!(found("Mr Lima and President Bush met the ABA; Austin Butler too").is_empty());
        // A surname after a given name, a city inside a country's name.
        assert!(found("said John Bolton, the son of Hassan Rouhani, in El Salvador").is_empty());
        assert_eq!(
            found("Floods in Greater Manchester. Yesterday Baghdad said"),
            [
                "Manchester -> Manchester GB Europe/London",
                "Baghdad -> Baghdad IQ Asia/Baghdad"
            ]
        );
        assert!(found("Brits in Armenia and North Carolina").is_empty());
        assert!(found("the take from Hassan Hassan, a veteran").is_empty());
        assert_eq!(
            found("Police in Nice and officers from Reading said"),
            [
                "Nice -> Nice FR Europe/Paris",
                "Reading -> Reading GB Europe/London"
            ]
        );
        assert_eq!(
            found("MOBILE, Ala. (AP) — Storms"),
            ["MOBILE -> Mobile US America/Chicago"]
        );
        // A name does not run across a line break.
        assert_eq!(found("New\nYork"), ["York -> York GB Europe/London"]);
    }
}
