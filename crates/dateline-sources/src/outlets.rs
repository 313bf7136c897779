//! Known outlets: their names, web domains, country and home zone.
//!
//! The home zone is what a stamp that prints no zone is read in, when the page states none.
//! The country chooses among ambiguous zone abbreviations (`IST`, `CST`).

/// A news outlet dateline knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outlet {
    /// The outlet's name, as reported in documents.
    pub name: &'static str,
    /// Its web domains, without `www.`.
    pub domains: &'static [&'static str],
    /// Other names it goes by on its pages (a publisher's name in the copyright line, a
    /// masthead spelling).
    pub other_names: &'static [&'static str],
    /// ISO 3166 country code.
    pub country: &'static str,
    /// IANA name of its home zone.
    pub zone: &'static str,
}

const fn outlet(
    name: &'static str,
    domains: &'static [&'static str],
    other_names: &'static [&'static str],
    country: &'static str,
    zone: &'static str,
) -> Outlet {
    Outlet {
        name,
        domains,
        other_names,
        country,
        zone,
    }
}

static OUTLETS: &[Outlet] = &[
    outlet(
        "The Independent",
        &["independent.co.uk"],
        &[],
        "GB",
        "Europe/London",
    ),
    outlet(
        "DW",
        &["dw.com"],
        &["Deutsche Welle"],
        "DE",
        "Europe/Berlin",
    ),
    outlet(
        "CNN",
        &["cnn.com", "edition.cnn.com"],
        &["Cable News Network"],
        "US",
        "America/New_York",
    ),
    outlet(
        "The Guardian",
        &["theguardian.com", "guardian.co.uk"],
        &["Guardian News & Media", "Guardian News and Media"],
        "GB",
        "Europe/London",
    ),
    outlet(
        "BBC",
        &["bbc.co.uk", "bbc.com"],
        &["BBC News"],
        "GB",
        "Europe/London",
    ),
    outlet(
        "Reuters",
        &["reuters.com"],
        &["Thomson Reuters"],
        "GB",
        "Europe/London",
    ),
    outlet(
        "AP",
        &["apnews.com"],
        &["The Associated Press", "Associated Press"],
        "US",
        "America/New_York",
    ),
    outlet(
        "AFP",
        &["afp.com"],
        &["Agence France-Presse"],
        "FR",
        "Europe/Paris",
    ),
    outlet(
        "The New York Times",
        &["nytimes.com"],
        &["The New York Times Company"],
        "US",
        "America/New_York",
    ),
    outlet(
        "The Washington Post",
        &["washingtonpost.com"],
        &[],
        "US",
        "America/New_York",
    ),
    outlet(
        "The Wall Street Journal",
        &["wsj.com"],
        &["Dow Jones"],
        "US",
        "America/New_York",
    ),
    outlet(
        "USA Today",
        &["usatoday.com"],
        &[],
        "US",
        "America/New_York",
    ),
    outlet("NBC News", &["nbcnews.com"], &[], "US", "America/New_York"),
    outlet("CBS News", &["cbsnews.com"], &[], "US", "America/New_York"),
    outlet(
        "ABC News",
        &["abcnews.go.com"],
        &[],
        "US",
        "America/New_York",
    ),
    outlet(
        "Fox News",
        &["foxnews.com"],
        &["Fox News Network"],
        "US",
        "America/New_York",
    ),
    outlet("CNBC", &["cnbc.com"], &[], "US", "America/New_York"),
    outlet(
        "Bloomberg",
        &["bloomberg.com"],
        &["Bloomberg L.P."],
        "US",
        "America/New_York",
    ),
    outlet("Politico", &["politico.com"], &[], "US", "America/New_York"),
    outlet(
        "Politico Europe",
        &["politico.eu"],
        &[],
        "BE",
        "Europe/Brussels",
    ),
    outlet("Axios", &["axios.com"], &[], "US", "America/New_York"),
    outlet("NPR", &["npr.org"], &[], "US", "America/New_York"),
    outlet("The Hill", &["thehill.com"], &[], "US", "America/New_York"),
    outlet(
        "Chicago Tribune",
        &["chicagotribune.com"],
        &[],
        "US",
        "America/Chicago",
    ),
    outlet(
        "Los Angeles Times",
        &["latimes.com"],
        &[],
        "US",
        "America/Los_Angeles",
    ),
    outlet(
        "San Francisco Chronicle",
        &["sfchronicle.com"],
        &[],
        "US",
        "America/Los_Angeles",
    ),
    outlet(
        "The Seattle Times",
        &["seattletimes.com"],
        &[],
        "US",
        "America/Los_Angeles",
    ),
    outlet(
        "The Denver Post",
        &["denverpost.com"],
        &[],
        "US",
        "America/Denver",
    ),
    outlet("Space.com", &["space.com"], &[], "US", "America/New_York"),
    outlet(
        "SpaceNews",
        &["spacenews.com"],
        &[],
        "US",
        "America/New_York",
    ),
    outlet("Sky News", &["news.sky.com"], &[], "GB", "Europe/London"),
    outlet(
        "The Telegraph",
        &["telegraph.co.uk"],
        &["Telegraph Media Group"],
        "GB",
        "Europe/London",
    ),
    outlet(
        "The Times",
        &["thetimes.co.uk", "thetimes.com"],
        &["Times Media"],
        "GB",
        "Europe/London",
    ),
    outlet(
        "Daily Mail",
        &["dailymail.co.uk"],
        &["Associated Newspapers"],
        "GB",
        "Europe/London",
    ),
    outlet(
        "The Sun",
        &["thesun.co.uk"],
        &["News Group Newspapers"],
        "GB",
        "Europe/London",
    ),
    outlet(
        "Daily Mirror",
        &["mirror.co.uk"],
        &["Mirror Group Newspapers"],
        "GB",
        "Europe/London",
    ),
    outlet(
        "Daily Express",
        &["express.co.uk"],
        &["Express Newspapers", "Daily Express"],
        "GB",
        "Europe/London",
    ),
    outlet(
        "Evening Standard",
        &["standard.co.uk"],
        &[],
        "GB",
        "Europe/London",
    ),
    outlet("Metro", &["metro.co.uk"], &[], "GB", "Europe/London"),
    outlet("The i Paper", &["inews.co.uk"], &[], "GB", "Europe/London"),
    outlet("ITV News", &["itv.com"], &[], "GB", "Europe/London"),
    outlet(
        "Manchester Evening News",
        &["manchestereveningnews.co.uk"],
        &[],
        "GB",
        "Europe/London",
    ),
    outlet(
        "Liverpool Echo",
        &["liverpoolecho.co.uk"],
        &[],
        "GB",
        "Europe/London",
    ),
    outlet(
        "Birmingham Live",
        &["birminghammail.co.uk"],
        &["Birmingham Mail"],
        "GB",
        "Europe/London",
    ),
    outlet(
        "WalesOnline",
        &["walesonline.co.uk"],
        &[],
        "GB",
        "Europe/London",
    ),
    outlet(
        "Daily Record",
        &["dailyrecord.co.uk"],
        &[],
        "GB",
        "Europe/London",
    ),
    outlet(
        "The Scotsman",
        &["scotsman.com"],
        &[],
        "GB",
        "Europe/London",
    ),
    outlet(
        "Belfast Telegraph",
        &["belfasttelegraph.co.uk"],
        &[],
        "GB",
        "Europe/London",
    ),
    outlet(
        "The Irish Times",
        &["irishtimes.com"],
        &[],
        "IE",
        "Europe/Dublin",
    ),
    outlet(
        "RTÉ",
        &["rte.ie"],
        &["RTÉ News", "RTE News"],
        "IE",
        "Europe/Dublin",
    ),
    outlet(
        "Irish Independent",
        &["independent.ie"],
        &[],
        "IE",
        "Europe/Dublin",
    ),
    outlet(
        "Irish Examiner",
        &["irishexaminer.com"],
        &[],
        "IE",
        "Europe/Dublin",
    ),
    outlet(
        "TheJournal.ie",
        &["thejournal.ie"],
        &[],
        "IE",
        "Europe/Dublin",
    ),
    outlet(
        "Cork Beo",
        &["corkbeo.ie"],
        &["CorkBeo"],
        "IE",
        "Europe/Dublin",
    ),
    outlet(
        "Dublin Live",
        &["dublinlive.ie"],
        &[],
        "IE",
        "Europe/Dublin",
    ),
    outlet(
        "Irish Mirror",
        &["irishmirror.ie"],
        &[],
        "IE",
        "Europe/Dublin",
    ),
    outlet(
        "Times of India",
        &["timesofindia.indiatimes.com", "indiatimes.com"],
        &["The Times of India", "Bennett, Coleman"],
        "IN",
        "Asia/Kolkata",
    ),
    outlet(
        "NDTV",
        &["ndtv.com"],
        &["NDTV Convergence"],
        "IN",
        "Asia/Kolkata",
    ),
    outlet("The Hindu", &["thehindu.com"], &[], "IN", "Asia/Kolkata"),
    outlet(
        "Hindustan Times",
        &["hindustantimes.com"],
        &[],
        "IN",
        "Asia/Kolkata",
    ),
    outlet(
        "The Indian Express",
        &["indianexpress.com"],
        &["Indian Express"],
        "IN",
        "Asia/Kolkata",
    ),
    outlet("India Today", &["indiatoday.in"], &[], "IN", "Asia/Kolkata"),
    outlet("News18", &["news18.com"], &[], "IN", "Asia/Kolkata"),
    outlet("Dawn", &["dawn.com"], &[], "PK", "Asia/Karachi"),
    outlet(
        "Al Jazeera",
        &["aljazeera.com"],
        &["Al Jazeera Media Network"],
        "QA",
        "Asia/Qatar",
    ),
    outlet("Al Arabiya", &["alarabiya.net"], &[], "AE", "Asia/Dubai"),
    outlet("Gulf News", &["gulfnews.com"], &[], "AE", "Asia/Dubai"),
    outlet("Arab News", &["arabnews.com"], &[], "SA", "Asia/Riyadh"),
    outlet(
        "The Times of Israel",
        &["timesofisrael.com"],
        &[],
        "IL",
        "Asia/Jerusalem",
    ),
    outlet("Haaretz", &["haaretz.com"], &[], "IL", "Asia/Jerusalem"),
    outlet(
        "The Jerusalem Post",
        &["jpost.com"],
        &[],
        "IL",
        "Asia/Jerusalem",
    ),
    outlet(
        "ABC News (Australia)",
        &["abc.net.au"],
        &["Australian Broadcasting Corporation"],
        "AU",
        "Australia/Sydney",
    ),
    outlet(
        "The Sydney Morning Herald",
        &["smh.com.au"],
        &[],
        "AU",
        "Australia/Sydney",
    ),
    outlet(
        "The Age",
        &["theage.com.au"],
        &[],
        "AU",
        "Australia/Melbourne",
    ),
    outlet(
        "news.com.au",
        &["news.com.au"],
        &[],
        "AU",
        "Australia/Sydney",
    ),
    outlet(
        "The New Zealand Herald",
        &["nzherald.co.nz"],
        &[],
        "NZ",
        "Pacific/Auckland",
    ),
    outlet(
        "CBC News",
        &["cbc.ca"],
        &["Canadian Broadcasting Corporation"],
        "CA",
        "America/Toronto",
    ),
    outlet(
        "The Globe and Mail",
        &["theglobeandmail.com"],
        &[],
        "CA",
        "America/Toronto",
    ),
    outlet(
        "Toronto Star",
        &["thestar.com"],
        &[],
        "CA",
        "America/Toronto",
    ),
    outlet("France 24", &["france24.com"], &[], "FR", "Europe/Paris"),
    outlet("Le Monde", &["lemonde.fr"], &[], "FR", "Europe/Paris"),
    outlet("Le Figaro", &["lefigaro.fr"], &[], "FR", "Europe/Paris"),
    outlet("Euronews", &["euronews.com"], &[], "FR", "Europe/Paris"),
    outlet(
        "Der Spiegel",
        &["spiegel.de"],
        &["SPIEGEL"],
        "DE",
        "Europe/Berlin",
    ),
    outlet("Tagesschau", &["tagesschau.de"], &[], "DE", "Europe/Berlin"),
    outlet(
        "Süddeutsche Zeitung",
        &["sueddeutsche.de"],
        &[],
        "DE",
        "Europe/Berlin",
    ),
    outlet(
        "Frankfurter Allgemeine",
        &["faz.net"],
        &[],
        "DE",
        "Europe/Berlin",
    ),
    outlet(
        "Die Zeit",
        &["zeit.de"],
        &["ZEIT ONLINE"],
        "DE",
        "Europe/Berlin",
    ),
    outlet("Bild", &["bild.de"], &[], "DE", "Europe/Berlin"),
    outlet(
        "Neue Zürcher Zeitung",
        &["nzz.ch"],
        &[],
        "CH",
        "Europe/Zurich",
    ),
    outlet(
        "Der Standard",
        &["derstandard.at"],
        &[],
        "AT",
        "Europe/Vienna",
    ),
    outlet(
        "Corriere della Sera",
        &["corriere.it"],
        &[],
        "IT",
        "Europe/Rome",
    ),
    outlet(
        "la Repubblica",
        &["repubblica.it"],
        &[],
        "IT",
        "Europe/Rome",
    ),
    outlet("ANSA", &["ansa.it"], &[], "IT", "Europe/Rome"),
    outlet("El País", &["elpais.com"], &[], "ES", "Europe/Madrid"),
    outlet("El Mundo", &["elmundo.es"], &[], "ES", "Europe/Madrid"),
    outlet(
        "The Kyiv Independent",
        &["kyivindependent.com"],
        &[],
        "UA",
        "Europe/Kyiv",
    ),
    outlet(
        "The Moscow Times",
        &["themoscowtimes.com"],
        &[],
        "RU",
        "Europe/Moscow",
    ),
    outlet("TASS", &["tass.com", "tass.ru"], &[], "RU", "Europe/Moscow"),
    outlet(
        "South China Morning Post",
        &["scmp.com"],
        &[],
        "HK",
        "Asia/Hong_Kong",
    ),
    outlet(
        "Hong Kong Free Press",
        &["hongkongfp.com"],
        &[],
        "HK",
        "Asia/Hong_Kong",
    ),
    outlet(
        "Xinhua",
        &["xinhuanet.com", "news.cn"],
        &[],
        "CN",
        "Asia/Shanghai",
    ),
    outlet(
        "The Straits Times",
        &["straitstimes.com"],
        &[],
        "SG",
        "Asia/Singapore",
    ),
    outlet(
        "The Japan Times",
        &["japantimes.co.jp"],
        &[],
        "JP",
        "Asia/Tokyo",
    ),
    outlet("NHK", &["nhk.or.jp"], &[], "JP", "Asia/Tokyo"),
    outlet(
        "Yonhap",
        &["yna.co.kr", "en.yna.co.kr"],
        &["Yonhap News Agency"],
        "KR",
        "Asia/Seoul",
    ),
    outlet(
        "The Korea Herald",
        &["koreaherald.com"],
        &[],
        "KR",
        "Asia/Seoul",
    ),
    outlet("News24", &["news24.com"], &[], "ZA", "Africa/Johannesburg"),
    outlet(
        "Daily Maverick",
        &["dailymaverick.co.za"],
        &[],
        "ZA",
        "Africa/Johannesburg",
    ),
    outlet(
        "Nation",
        &["nation.africa"],
        &["Nation Media Group"],
        "KE",
        "Africa/Nairobi",
    ),
    outlet("Punch", &["punchng.com"], &[], "NG", "Africa/Lagos"),
    outlet(
        "Folha de S.Paulo",
        &["folha.uol.com.br"],
        &[],
        "BR",
        "America/Sao_Paulo",
    ),
    outlet(
        "Clarín",
        &["clarin.com"],
        &[],
        "AR",
        "America/Argentina/Buenos_Aires",
    ),
    outlet(
        "El Universal",
        &["eluniversal.com.mx"],
        &[],
        "MX",
        "America/Mexico_City",
    ),
];

/// Every known outlet.
pub fn outlets() -> &'static [Outlet] {
    OUTLETS
}

/// The outlet with this exact name.
pub fn outlet_by_name(name: &str) -> Option<&'static Outlet> {
    OUTLETS.iter().find(|o| o.name.eq_ignore_ascii_case(name))
}

/// The outlet whose domain (or a subdomain of it) is `host`.
pub fn outlet_by_domain(host: &str) -> Option<&'static Outlet> {
    let host = host.trim().trim_end_matches('.').to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    OUTLETS.iter().find(|o| {
        o.domains
            .iter()
            .any(|d| host == *d || host.strip_suffix(d).is_some_and(|rest| rest.ends_with('.')))
    })
}

/// The outlet a page's text names by one of its domains, if exactly one is named.
#[cfg(test)]
pub(crate) fn outlet_in_text(text: &str) -> Option<&'static Outlet> {
    let lines: Vec<&str> = text.lines().collect();
    let credit: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| is_credit_line(l))
        .collect();
    outlet_in_lines(&lines, &credit)
}

/// The outlet the given lines name by one of its domains, if exactly one is named, or else by its
/// name in one of the credit lines (copyright and rights lines, found by [`is_credit_line`]).
pub(crate) fn outlet_in_lines(lines: &[&str], credit_lines: &[&str]) -> Option<&'static Outlet> {
    // One pass over the text for every domain at once, ASCII letters in either case; the longest
    // domain found at a place wins (`news.sky.com` over a shorter domain it contains). An
    // automaton rather than a regex: a case-insensitive alternation of every domain has more
    // states than a lazy DFA keeps, and the regex fell back to its slowest engine.
    static DOMAINS: std::sync::LazyLock<Option<aho_corasick::AhoCorasick>> =
        std::sync::LazyLock::new(|| {
            let domains = OUTLETS.iter().flat_map(|o| o.domains.iter().copied());
            aho_corasick::AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                .kind(Some(aho_corasick::AhoCorasickKind::DFA))
                .build(domains)
                .ok()
        });
    let mut by_domain: Vec<&'static Outlet> = Vec::new();
    for text in lines.iter().copied().filter(|l| dotted(l)) {
        let Some(re) = DOMAINS.as_ref() else { break };
        for m in re.find_iter(text) {
            let before = text.get(..m.start()).and_then(|b| b.chars().next_back());
            let after = text.get(m.end()..).and_then(|a| a.chars().next());
            let bounded = before.is_none_or(|c| !c.is_alphanumeric() && c != '-')
                && after.is_none_or(|c| !c.is_alphanumeric() && c != '-');
            if !bounded {
                continue;
            }
            let found = text
                .get(m.start()..m.end())
                .unwrap_or_default()
                .to_ascii_lowercase();
            let outlet = OUTLETS.iter().find(|o| o.domains.contains(&found.as_str()));
            if let Some(o) = outlet
                && !by_domain.iter().any(|b| b.name == o.name)
            {
                by_domain.push(o);
            }
        }
    }
    // The credit lines are searched for each outlet's names.
    let by_credit: Vec<&'static Outlet> = if credit_lines.is_empty() {
        Vec::new()
    } else {
        OUTLETS
            .iter()
            .filter(|o| {
                credit_lines
                    .iter()
                    .any(|l| names(o).any(|n| mentions_name(l, n)))
            })
            .collect()
    };
    match (by_domain.as_slice(), by_credit.as_slice()) {
        ([one], _) => Some(one),
        (_, [one]) => Some(one),
        (several, credited) => {
            let both: Vec<_> = several
                .iter()
                .filter(|o| credited.iter().any(|c| c.name == o.name))
                .collect();
            match both.as_slice() {
                [one] => Some(**one),
                _ => None,
            }
        }
    }
}

/// Whether `text` has a dot before an ASCII letter, as every domain of the table does (a test
/// says so): a line without one names none of them, and is not searched.
fn dotted(text: &str) -> bool {
    memchr::memchr_iter(b'.', text.as_bytes()).any(|i| {
        text.as_bytes()
            .get(i + 1)
            .is_some_and(u8::is_ascii_alphabetic)
    })
}

/// The outlet's name and its other names.
fn names(outlet: &'static Outlet) -> impl Iterator<Item = &'static str> {
    std::iter::once(outlet.name).chain(outlet.other_names.iter().copied())
}

/// A line that says who owns the page: a copyright or rights line. One automaton over the words,
/// ASCII letters in any case, so no line is copied to lower case to be searched.
pub(crate) fn is_credit_line(line: &str) -> bool {
    static WORDS: std::sync::LazyLock<Option<aho_corasick::AhoCorasick>> =
        std::sync::LazyLock::new(|| {
            aho_corasick::AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .kind(Some(aho_corasick::AhoCorasickKind::DFA))
                .build(["©", "copyright", "all rights reserved"])
                .ok()
        });
    // Most lines hold neither the sign nor `ight` (of `copyright` and `rights`, in lower case or
    // capitals): a byte search tells quickly.
    static MARKS: std::sync::LazyLock<[memchr::memmem::Finder<'static>; 3]> =
        std::sync::LazyLock::new(|| {
            ["©", "ight", "IGHT"].map(|m| memchr::memmem::Finder::new(m.as_bytes()))
        });
    line.len() <= 400
        && MARKS.iter().any(|f| f.find(line.as_bytes()).is_some())
        && WORDS.as_ref().is_some_and(|w| w.is_match(line))
}

/// Whether `line` names `name` as whole words. Copyright lines spell a name in their own case
/// (`2019 Spacenews, Inc.` for SpaceNews), so case is ignored after a capital first letter: a
/// proper name, not the word `time` for Time.
pub(crate) fn mentions_name(line: &str, name: &str) -> bool {
    let Some(&start) = name.as_bytes().first() else {
        return false;
    };
    let (lower, upper) = (start.to_ascii_lowercase(), start.to_ascii_uppercase());
    memchr::memchr2_iter(lower, upper, line.as_bytes()).any(|i| {
        let Some(found) = line.get(i..i + name.len()) else {
            return false;
        };
        let capital = found.chars().next().is_some_and(char::is_uppercase);
        if !capital || !found.eq_ignore_ascii_case(name) {
            return false;
        }
        let before = line.get(..i).and_then(|b| b.chars().next_back());
        let after = line.get(i + name.len()..).and_then(|a| a.chars().next());
        before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_domain_has_a_dot_before_a_letter() {
        for o in outlets() {
            for d in o.domains {
                assert!(dotted(d), "{d}");
            }
        }
    }

    #[test]
    fn every_zone_is_a_real_iana_zone() {
        for o in outlets() {
            assert!(o.zone.parse::<dateline_time::Tz>().is_ok(), "{}", o.name);
            assert_eq!(o.country.len(), 2, "{}", o.name);
        }
    }

    #[test]
    fn outlets_are_found_by_name_and_domain() {
        assert_eq!(outlet_by_name("dw").map(|o| o.zone), Some("Europe/Berlin"));
        assert_eq!(
            outlet_by_domain("www.independent.co.uk").map(|o| o.name),
            Some("The Independent")
        );
        assert_eq!(
            outlet_by_domain("edition.cnn.com").map(|o| o.zone),
            Some("America/New_York")
        );
        assert_eq!(outlet_by_domain("notcnn.com"), None);
        assert_eq!(
            outlet_in_text("see https://www.aljazeera.com/news").map(|o| o.zone),
            Some("Asia/Qatar")
        );
        assert_eq!(outlet_in_text("cnn.com and bbc.co.uk"), None);
        assert_eq!(outlet_in_text("visit myspace.com today"), None);
        assert_eq!(
            outlet_in_text("A story\n\n© Copyright NDTV Convergence Limited 2023.").map(|o| o.zone),
            Some("Asia/Kolkata")
        );
        assert_eq!(
            outlet_in_text("email news@corkbeo.ie").map(|o| o.zone),
            Some("Europe/Dublin")
        );
        assert_eq!(
            outlet_in_text("A story\n\n2019 Spacenews, Inc. All Rights Reserved").map(|o| o.name),
            Some("SpaceNews")
        );
    }

    #[test]
    fn a_name_in_a_credit_line_is_a_capitalised_whole_word() {
        assert!(mentions_name("© 2019 Spacenews, Inc.", "SpaceNews"));
        assert!(mentions_name("© Copyright NDTV 2023", "NDTV"));
        assert!(!mentions_name("all rights reserved at this time", "Time"));
        assert!(!mentions_name("© 2019 MySpaceNews", "SpaceNews"));
        assert!(!mentions_name("© 2019 SpaceNewsroom", "SpaceNews"));
        assert!(!mentions_name("© 2019 Süd", "SpaceNews"));
        assert!(!mentions_name("©", ""));
    }
}
