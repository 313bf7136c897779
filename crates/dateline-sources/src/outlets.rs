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
    /// ISO 3166 country code.
    pub country: &'static str,
    /// IANA name of its home zone.
    pub zone: &'static str,
}

const fn outlet(
    name: &'static str,
    domains: &'static [&'static str],
    country: &'static str,
    zone: &'static str,
) -> Outlet {
    Outlet {
        name,
        domains,
        country,
        zone,
    }
}

static OUTLETS: &[Outlet] = &[
    outlet(
        "The Independent",
        &["independent.co.uk"],
        "GB",
        "Europe/London",
    ),
    outlet("DW", &["dw.com"], "DE", "Europe/Berlin"),
    outlet(
        "CNN",
        &["cnn.com", "edition.cnn.com"],
        "US",
        "America/New_York",
    ),
    outlet(
        "The Guardian",
        &["theguardian.com", "guardian.co.uk"],
        "GB",
        "Europe/London",
    ),
    outlet("BBC", &["bbc.co.uk", "bbc.com"], "GB", "Europe/London"),
    outlet("Reuters", &["reuters.com"], "GB", "Europe/London"),
    outlet("AP", &["apnews.com"], "US", "America/New_York"),
    outlet(
        "The New York Times",
        &["nytimes.com"],
        "US",
        "America/New_York",
    ),
    outlet(
        "The Washington Post",
        &["washingtonpost.com"],
        "US",
        "America/New_York",
    ),
    outlet(
        "Times of India",
        &["timesofindia.indiatimes.com", "indiatimes.com"],
        "IN",
        "Asia/Kolkata",
    ),
    outlet("Al Jazeera", &["aljazeera.com"], "QA", "Asia/Qatar"),
    outlet("Sky News", &["news.sky.com"], "GB", "Europe/London"),
    outlet("The Telegraph", &["telegraph.co.uk"], "GB", "Europe/London"),
    outlet("Daily Mirror", &["mirror.co.uk"], "GB", "Europe/London"),
    outlet("Fox News", &["foxnews.com"], "US", "America/New_York"),
    outlet("NBC News", &["nbcnews.com"], "US", "America/New_York"),
    outlet(
        "Los Angeles Times",
        &["latimes.com"],
        "US",
        "America/Los_Angeles",
    ),
    outlet(
        "ABC News (Australia)",
        &["abc.net.au"],
        "AU",
        "Australia/Sydney",
    ),
    outlet("The Hindu", &["thehindu.com"], "IN", "Asia/Kolkata"),
    outlet("France 24", &["france24.com"], "FR", "Europe/Paris"),
    outlet("Der Spiegel", &["spiegel.de"], "DE", "Europe/Berlin"),
    outlet("Corriere della Sera", &["corriere.it"], "IT", "Europe/Rome"),
    outlet(
        "The Times of Israel",
        &["timesofisrael.com"],
        "IL",
        "Asia/Jerusalem",
    ),
    outlet(
        "South China Morning Post",
        &["scmp.com"],
        "HK",
        "Asia/Hong_Kong",
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
pub(crate) fn outlet_in_text(text: &str) -> Option<&'static Outlet> {
    let lower = text.to_ascii_lowercase();
    let mut found = OUTLETS
        .iter()
        .filter(|o| o.domains.iter().any(|d| lower.contains(d)));
    let first = found.next()?;
    found.next().is_none().then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;

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
    }
}
