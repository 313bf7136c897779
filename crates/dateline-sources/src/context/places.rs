//! What an address, a country or a language says about where a page is from: country-code
//! top-level domains, each country's civil zone, the countries and zones a language points to,
//! and the media groups whose name in a copyright line tells the country.
//!
//! Written by hand: no maintained crate maps countries to the zone their newsrooms print (the tz
//! database's `zone1970.tab` lists every zone of a country without saying which is its capital's,
//! and a newsroom in the United States prints Eastern time far more often than any other).

use dateline_time::Tz;

/// The country of a host's country-code top-level domain (`corriere.it` is `IT`, `bbc.co.uk` is
/// `GB`); `None` for generic domains (`.com`, `.org`, `.net`, `.info`).
pub(crate) fn country_of_host(host: &str) -> Option<&'static str> {
    let host = host.trim().trim_end_matches('.').to_ascii_lowercase();
    let tld = host.rsplit('.').next()?;
    // Country-code domains sold as generic ones say nothing about the outlet's country.
    const GENERIC_CC: &[&str] = &[
        "tv", "io", "co", "me", "fm", "ly", "to", "cc", "ws", "ai", "gg",
    ];
    if tld.len() != 2 || GENERIC_CC.contains(&tld) {
        return None;
    }
    let upper = match tld {
        "uk" => "GB",
        "eu" => return None,
        other => {
            return COUNTRIES
                .iter()
                .find(|c| c.0.eq_ignore_ascii_case(other))
                .map(|c| c.0);
        }
    };
    Some(upper)
}

/// A country's civil zone, where its newsrooms' clocks are: the only zone of a one-zone country,
/// the capital's or the main newsrooms' of a country of several (`US` is Eastern time, `RU`
/// Moscow, `BR` São Paulo, `AU` Sydney), with whether the country has other zones.
pub(crate) fn zone_of_country(country: &str) -> Option<(Tz, bool)> {
    COUNTRIES
        .iter()
        .find(|c| c.0.eq_ignore_ascii_case(country))
        .map(|c| (c.1, c.2))
}

/// Countries (ISO 3166-1 alpha-2), their newsrooms' zone, and whether they have other zones.
const COUNTRIES: &[(&str, Tz, bool)] = &[
    ("AD", Tz::Europe__Andorra, false),
    ("AE", Tz::Asia__Dubai, false),
    ("AF", Tz::Asia__Kabul, false),
    ("AL", Tz::Europe__Tirane, false),
    ("AM", Tz::Asia__Yerevan, false),
    ("AO", Tz::Africa__Luanda, false),
    ("AR", Tz::America__Argentina__Buenos_Aires, false),
    ("AT", Tz::Europe__Vienna, false),
    ("AU", Tz::Australia__Sydney, true),
    ("AZ", Tz::Asia__Baku, false),
    ("BA", Tz::Europe__Sarajevo, false),
    ("BD", Tz::Asia__Dhaka, false),
    ("BE", Tz::Europe__Brussels, false),
    ("BG", Tz::Europe__Sofia, false),
    ("BH", Tz::Asia__Bahrain, false),
    ("BO", Tz::America__La_Paz, false),
    ("BR", Tz::America__Sao_Paulo, true),
    ("BY", Tz::Europe__Minsk, false),
    ("CA", Tz::America__Toronto, true),
    ("CH", Tz::Europe__Zurich, false),
    ("CL", Tz::America__Santiago, true),
    ("CN", Tz::Asia__Shanghai, false),
    ("CO", Tz::America__Bogota, false),
    ("CR", Tz::America__Costa_Rica, false),
    ("CU", Tz::America__Havana, false),
    ("CY", Tz::Asia__Nicosia, false),
    ("CZ", Tz::Europe__Prague, false),
    ("DE", Tz::Europe__Berlin, false),
    ("DK", Tz::Europe__Copenhagen, false),
    ("DO", Tz::America__Santo_Domingo, false),
    ("DZ", Tz::Africa__Algiers, false),
    ("EC", Tz::America__Guayaquil, true),
    ("EE", Tz::Europe__Tallinn, false),
    ("EG", Tz::Africa__Cairo, false),
    ("ES", Tz::Europe__Madrid, true),
    ("ET", Tz::Africa__Addis_Ababa, false),
    ("FI", Tz::Europe__Helsinki, false),
    ("FR", Tz::Europe__Paris, false),
    ("GB", Tz::Europe__London, false),
    ("GE", Tz::Asia__Tbilisi, false),
    ("GH", Tz::Africa__Accra, false),
    ("GR", Tz::Europe__Athens, false),
    ("GT", Tz::America__Guatemala, false),
    ("HK", Tz::Asia__Hong_Kong, false),
    ("HN", Tz::America__Tegucigalpa, false),
    ("HR", Tz::Europe__Zagreb, false),
    ("HU", Tz::Europe__Budapest, false),
    ("ID", Tz::Asia__Jakarta, true),
    ("IE", Tz::Europe__Dublin, false),
    ("IL", Tz::Asia__Jerusalem, false),
    ("IN", Tz::Asia__Kolkata, false),
    ("IQ", Tz::Asia__Baghdad, false),
    ("IR", Tz::Asia__Tehran, false),
    ("IS", Tz::Atlantic__Reykjavik, false),
    ("IT", Tz::Europe__Rome, false),
    ("JM", Tz::America__Jamaica, false),
    ("JO", Tz::Asia__Amman, false),
    ("JP", Tz::Asia__Tokyo, false),
    ("KE", Tz::Africa__Nairobi, false),
    ("KG", Tz::Asia__Bishkek, false),
    ("KH", Tz::Asia__Phnom_Penh, false),
    ("KR", Tz::Asia__Seoul, false),
    ("KW", Tz::Asia__Kuwait, false),
    ("KZ", Tz::Asia__Almaty, true),
    ("LB", Tz::Asia__Beirut, false),
    ("LK", Tz::Asia__Colombo, false),
    ("LT", Tz::Europe__Vilnius, false),
    ("LU", Tz::Europe__Luxembourg, false),
    ("LV", Tz::Europe__Riga, false),
    ("LY", Tz::Africa__Tripoli, false),
    ("MA", Tz::Africa__Casablanca, false),
    ("MD", Tz::Europe__Chisinau, false),
    ("ME", Tz::Europe__Podgorica, false),
    ("MK", Tz::Europe__Skopje, false),
    ("MM", Tz::Asia__Yangon, false),
    ("MN", Tz::Asia__Ulaanbaatar, true),
    ("MT", Tz::Europe__Malta, false),
    ("MX", Tz::America__Mexico_City, true),
    ("MY", Tz::Asia__Kuala_Lumpur, false),
    ("NG", Tz::Africa__Lagos, false),
    ("NI", Tz::America__Managua, false),
    ("NL", Tz::Europe__Amsterdam, false),
    ("NO", Tz::Europe__Oslo, false),
    ("NP", Tz::Asia__Kathmandu, false),
    ("NZ", Tz::Pacific__Auckland, true),
    ("OM", Tz::Asia__Muscat, false),
    ("PA", Tz::America__Panama, false),
    ("PE", Tz::America__Lima, false),
    ("PH", Tz::Asia__Manila, false),
    ("PK", Tz::Asia__Karachi, false),
    ("PL", Tz::Europe__Warsaw, false),
    ("PR", Tz::America__Puerto_Rico, false),
    ("PS", Tz::Asia__Gaza, false),
    ("PT", Tz::Europe__Lisbon, true),
    ("PY", Tz::America__Asuncion, false),
    ("QA", Tz::Asia__Qatar, false),
    ("RO", Tz::Europe__Bucharest, false),
    ("RS", Tz::Europe__Belgrade, false),
    ("RU", Tz::Europe__Moscow, true),
    ("SA", Tz::Asia__Riyadh, false),
    ("SD", Tz::Africa__Khartoum, false),
    ("SE", Tz::Europe__Stockholm, false),
    ("SG", Tz::Asia__Singapore, false),
    ("SI", Tz::Europe__Ljubljana, false),
    ("SK", Tz::Europe__Bratislava, false),
    ("SN", Tz::Africa__Dakar, false),
    ("SV", Tz::America__El_Salvador, false),
    ("SY", Tz::Asia__Damascus, false),
    ("TH", Tz::Asia__Bangkok, false),
    ("TN", Tz::Africa__Tunis, false),
    ("TR", Tz::Europe__Istanbul, false),
    ("TW", Tz::Asia__Taipei, false),
    ("TZ", Tz::Africa__Dar_es_Salaam, false),
    ("UA", Tz::Europe__Kyiv, false),
    ("UG", Tz::Africa__Kampala, false),
    ("US", Tz::America__New_York, true),
    ("UY", Tz::America__Montevideo, false),
    ("UZ", Tz::Asia__Tashkent, false),
    ("VE", Tz::America__Caracas, false),
    ("VN", Tz::Asia__Ho_Chi_Minh, false),
    ("XK", Tz::Europe__Belgrade, false),
    ("YE", Tz::Asia__Aden, false),
    ("ZA", Tz::Africa__Johannesburg, false),
    ("ZW", Tz::Africa__Harare, false),
];

/// The country a language's pages most likely come from, when one country writes most of them
/// (`it` Italy, `pl` Poland, `tr` Turkey); `None` for languages written across many countries
/// (`en`, `es`, `fr`, `ar`, `pt`, `de`... are in [`LANGUAGE_COUNTRIES`] with a weaker guess).
pub(crate) fn country_of_language(language: &str) -> Option<(&'static str, bool)> {
    LANGUAGE_COUNTRIES
        .iter()
        .find(|l| l.0 == language)
        .map(|l| (l.1, l.2))
}

/// A language, the country most of its news pages come from, and whether that country is the
/// only one that matters (true: `it`, `pl`, `ja`; false: `de` also Austria and Switzerland, `es`
/// Spain and Latin America).
const LANGUAGE_COUNTRIES: &[(&str, &str, bool)] = &[
    ("bg", "BG", true),
    ("bs", "BA", true),
    ("ca", "ES", true),
    ("cs", "CZ", true),
    ("da", "DK", true),
    ("de", "DE", false),
    ("el", "GR", false),
    ("et", "EE", true),
    ("eu", "ES", true),
    ("fa", "IR", false),
    ("fi", "FI", true),
    ("fr", "FR", false),
    ("gl", "ES", true),
    ("he", "IL", true),
    ("hi", "IN", true),
    ("hr", "HR", true),
    ("hu", "HU", true),
    ("hy", "AM", true),
    ("id", "ID", true),
    ("it", "IT", false),
    ("ja", "JP", true),
    ("ka", "GE", true),
    ("ko", "KR", true),
    ("lt", "LT", true),
    ("lv", "LV", true),
    ("mk", "MK", true),
    ("ms", "MY", true),
    ("nb", "NO", true),
    ("nl", "NL", false),
    ("nn", "NO", true),
    ("no", "NO", true),
    ("pl", "PL", true),
    ("pt", "BR", false),
    ("ro", "RO", false),
    ("ru", "RU", false),
    ("sk", "SK", true),
    ("sl", "SI", true),
    ("sq", "AL", false),
    ("sr", "RS", false),
    ("sv", "SE", false),
    ("th", "TH", true),
    ("tl", "PH", true),
    ("tr", "TR", false),
    ("uk", "UA", true),
    ("ur", "PK", false),
    ("vi", "VN", true),
    ("zh", "CN", false),
];

/// The zone of a US state (or the District of Columbia) by its postal code, where most of its
/// people are: a postal address on a page (`New York, NY 10001`) says where the outlet is.
pub(crate) fn zone_of_us_state(code: &str) -> Option<Tz> {
    Some(match code {
        "CT" | "DC" | "DE" | "FL" | "GA" | "KY" | "MA" | "MD" | "ME" | "NC" | "NH" | "NJ"
        | "NY" | "OH" | "PA" | "RI" | "SC" | "VA" | "VT" | "WV" => Tz::America__New_York,
        "MI" => Tz::America__Detroit,
        "IN" => Tz::America__Indiana__Indianapolis,
        "AL" | "AR" | "IA" | "IL" | "KS" | "LA" | "MN" | "MO" | "MS" | "ND" | "NE" | "OK"
        | "SD" | "TN" | "TX" | "WI" => Tz::America__Chicago,
        "CO" | "MT" | "NM" | "UT" | "WY" => Tz::America__Denver,
        "ID" => Tz::America__Boise,
        "AZ" => Tz::America__Phoenix,
        "CA" | "NV" | "OR" | "WA" => Tz::America__Los_Angeles,
        "AK" => Tz::America__Anchorage,
        "HI" => Tz::Pacific__Honolulu,
        _ => return None,
    })
}

/// Media groups whose name in a copyright or publisher line tells the outlet's country.
pub(crate) const GROUPS: &[(&str, &str)] = &[
    ("Reach plc", "GB"),
    ("Trinity Mirror", "GB"),
    ("MGN Ltd", "GB"),
    ("MGN Limited", "GB"),
    ("News UK", "GB"),
    ("Guardian News & Media", "GB"),
    ("DMG Media", "GB"),
    ("Associated Newspapers", "GB"),
    ("Telegraph Media Group", "GB"),
    ("National World", "GB"),
    ("Newsquest", "GB"),
    ("Independent Digital News", "GB"),
    ("News Corp Australia", "AU"),
    ("Nine Entertainment", "AU"),
    ("Australian Broadcasting Corporation", "AU"),
    ("Stuff Limited", "NZ"),
    ("NZME", "NZ"),
    ("Postmedia", "CA"),
    ("Torstar", "CA"),
    ("Bell Media", "CA"),
    ("Gannett", "US"),
    ("Tribune Publishing", "US"),
    ("McClatchy", "US"),
    ("Lee Enterprises", "US"),
    ("Hearst", "US"),
    ("Advance Local", "US"),
    ("Gray Media", "US"),
    ("Gray Television", "US"),
    ("Sinclair Broadcast", "US"),
    ("Nexstar", "US"),
    ("TEGNA", "US"),
    ("Scripps", "US"),
    ("Axel Springer", "DE"),
    ("Funke Mediengruppe", "DE"),
    ("Madsack", "DE"),
    ("Ippen", "DE"),
    ("Burda", "DE"),
    ("Gruner + Jahr", "DE"),
    ("Tamedia", "CH"),
    ("Ringier", "CH"),
    ("Mediahuis", "BE"),
    ("DPG Media", "BE"),
    ("Schibsted", "NO"),
    ("Amedia", "NO"),
    ("Bonnier", "SE"),
    ("Sanoma", "FI"),
    ("RCS MediaGroup", "IT"),
    ("GEDI Gruppo Editoriale", "IT"),
    ("Gruppo Editoriale L'Espresso", "IT"),
    ("Caltagirone Editore", "IT"),
    ("Mondadori", "IT"),
    ("Groupe Le Monde", "FR"),
    ("Le Figaro", "FR"),
    ("Groupe EBRA", "FR"),
    ("Prisa", "ES"),
    ("Vocento", "ES"),
    ("Grupo Godó", "ES"),
    ("Unidad Editorial", "ES"),
    ("Grupo Globo", "BR"),
    ("Grupo Clarín", "AR"),
    ("Grupo Televisa", "MX"),
    ("Organización Editorial Mexicana", "MX"),
    ("El Mercurio", "CL"),
    ("Agora", "PL"),
    ("Ringier Axel Springer Polska", "PL"),
    ("Polska Press", "PL"),
    ("Doğan", "TR"),
    ("Times Internet", "IN"),
    ("Bennett, Coleman", "IN"),
    ("HT Media", "IN"),
    ("Network18", "IN"),
    ("NDTV Convergence", "IN"),
    ("Express Network", "IN"),
    ("SPH Media", "SG"),
    ("Singapore Press Holdings", "SG"),
    ("Mediacorp", "SG"),
    ("Media Prima", "MY"),
    ("Nation Media Group", "KE"),
    ("Media24", "ZA"),
    ("Tiso Blackstar", "ZA"),
];

/// The countries whose news is written in a language, for the languages written in several
/// (a page's language narrows where it is from, and the places it names say which of these).
const SPOKEN: &[(&str, &[&str])] = &[
    (
        "ar",
        &[
            "EG", "SA", "AE", "JO", "LB", "SY", "IQ", "KW", "QA", "BH", "OM", "YE", "LY", "TN",
            "DZ", "MA", "SD", "PS", "MR",
        ],
    ),
    ("de", &["DE", "AT", "CH", "LI", "LU", "BE"]),
    ("el", &["GR", "CY"]),
    (
        "en",
        &[
            "US", "GB", "CA", "AU", "NZ", "IE", "IN", "PK", "NG", "ZA", "KE", "PH", "SG", "MY",
            "GH", "ZW", "UG", "TZ", "JM", "TT", "BB", "BS", "BZ", "MT", "ZM", "BW", "NA", "LR",
            "SL", "GM", "RW", "MW", "FJ", "PG", "HK", "LK", "BD", "AE", "QA", "NP", "CY",
        ],
    ),
    (
        "es",
        &[
            "ES", "MX", "AR", "CO", "CL", "PE", "VE", "EC", "GT", "CU", "BO", "DO", "HN", "PY",
            "SV", "NI", "CR", "PA", "UY", "PR", "US", "GQ",
        ],
    ),
    ("fa", &["IR", "AF"]),
    (
        "fr",
        &[
            "FR", "BE", "CH", "CA", "LU", "MC", "SN", "CI", "CM", "ML", "BF", "NE", "TG", "BJ",
            "GA", "CG", "CD", "MG", "HT", "DZ", "MA", "TN", "RW", "BI", "DJ", "TD", "CF", "GN",
        ],
    ),
    ("it", &["IT", "CH", "SM", "VA"]),
    ("ms", &["MY", "SG", "BN"]),
    ("nl", &["NL", "BE", "SR"]),
    ("pt", &["BR", "PT", "AO", "MZ", "CV", "GW", "ST", "TL"]),
    ("ro", &["RO", "MD"]),
    ("ru", &["RU", "BY", "KZ", "KG", "UA", "MD", "LV", "EE"]),
    ("sq", &["AL", "XK", "MK"]),
    ("sr", &["RS", "BA", "ME"]),
    ("sv", &["SE", "FI"]),
    ("tr", &["TR", "CY"]),
    ("ur", &["PK", "IN"]),
    ("zh", &["CN", "TW", "HK", "MO", "SG", "MY"]),
];

/// Whether a language's news is written in a country: `None` when dateline does not know where
/// the language is written.
pub(crate) fn spoken_in(language: &str, country: &str) -> Option<bool> {
    if let Some((_, countries)) = SPOKEN.iter().find(|s| s.0 == language) {
        return Some(countries.iter().any(|c| c.eq_ignore_ascii_case(country)));
    }
    let (home, _) = country_of_language(language)?;
    Some(home.eq_ignore_ascii_case(country))
}

/// Places named in Arabic, which the gazetteer (spelled in Latin letters) does not hold: the
/// capitals and largest cities of the Arab countries, and the countries' names.
pub(crate) const ARABIC_PLACES: &[(&str, &str)] = &[
    ("القاهرة", "EG"),
    ("الإسكندرية", "EG"),
    ("الجيزة", "EG"),
    ("مصر", "EG"),
    ("الرياض", "SA"),
    ("جدة", "SA"),
    ("مكة", "SA"),
    ("السعودية", "SA"),
    ("دبي", "AE"),
    ("أبوظبي", "AE"),
    ("أبو ظبي", "AE"),
    ("الشارقة", "AE"),
    ("الإمارات", "AE"),
    ("الأردن", "JO"),
    ("بيروت", "LB"),
    ("لبنان", "LB"),
    ("دمشق", "SY"),
    ("حلب", "SY"),
    ("سوريا", "SY"),
    ("بغداد", "IQ"),
    ("البصرة", "IQ"),
    ("العراق", "IQ"),
    ("الكويت", "KW"),
    ("الدوحة", "QA"),
    ("قطر", "QA"),
    ("المنامة", "BH"),
    ("البحرين", "BH"),
    ("مسقط", "OM"),
    ("صنعاء", "YE"),
    ("عدن", "YE"),
    ("اليمن", "YE"),
    ("بنغازي", "LY"),
    ("ليبيا", "LY"),
    ("تونس", "TN"),
    ("الجزائر", "DZ"),
    ("الرباط", "MA"),
    ("الدار البيضاء", "MA"),
    ("المغرب", "MA"),
    ("الخرطوم", "SD"),
    ("السودان", "SD"),
    ("غزة", "PS"),
    ("رام الله", "PS"),
    ("نواكشوط", "MR"),
];

/// The states, provinces and regions of countries, named as their own press names them, with
/// the zone most of their people keep: a local page names its state more often than any city
/// (`Wichita, Kansas`; `Culiacán, Sinaloa`), and in a country of several zones the state says
/// which. Left out: names that are also a country, a city the gazetteer holds, a common surname
/// or word (`Georgia`, `Washington`, `New York`, `Victoria`, `Guerrero`, `Hidalgo`, `Santa Fe`,
/// `Punjab`, shared by India and Pakistan). Names with diacritics are also listed without them,
/// as pages print both.
#[rustfmt::skip]
pub(crate) const REGIONS: &[(&str, &str, Tz)] = &[
    // United States
    ("Alabama", "US", Tz::America__Chicago), ("Alaska", "US", Tz::America__Anchorage),
    ("Arizona", "US", Tz::America__Phoenix), ("Arkansas", "US", Tz::America__Chicago),
    ("California", "US", Tz::America__Los_Angeles), ("Colorado", "US", Tz::America__Denver),
    ("Connecticut", "US", Tz::America__New_York), ("Delaware", "US", Tz::America__New_York),
    ("Florida", "US", Tz::America__New_York), ("Hawaii", "US", Tz::Pacific__Honolulu),
    ("Idaho", "US", Tz::America__Boise), ("Illinois", "US", Tz::America__Chicago),
    ("Indiana", "US", Tz::America__Indiana__Indianapolis), ("Iowa", "US", Tz::America__Chicago),
    ("Kansas", "US", Tz::America__Chicago), ("Kentucky", "US", Tz::America__New_York),
    ("Louisiana", "US", Tz::America__Chicago), ("Maine", "US", Tz::America__New_York),
    ("Maryland", "US", Tz::America__New_York), ("Massachusetts", "US", Tz::America__New_York),
    ("Michigan", "US", Tz::America__Detroit), ("Minnesota", "US", Tz::America__Chicago),
    ("Mississippi", "US", Tz::America__Chicago), ("Missouri", "US", Tz::America__Chicago),
    ("Montana", "US", Tz::America__Denver), ("Nebraska", "US", Tz::America__Chicago),
    ("Nevada", "US", Tz::America__Los_Angeles), ("New Hampshire", "US", Tz::America__New_York),
    ("New Jersey", "US", Tz::America__New_York), ("New Mexico", "US", Tz::America__Denver),
    ("North Carolina", "US", Tz::America__New_York), ("North Dakota", "US", Tz::America__Chicago),
    ("Ohio", "US", Tz::America__New_York), ("Oklahoma", "US", Tz::America__Chicago),
    ("Oregon", "US", Tz::America__Los_Angeles), ("Pennsylvania", "US", Tz::America__New_York),
    ("Rhode Island", "US", Tz::America__New_York), ("South Carolina", "US", Tz::America__New_York),
    ("South Dakota", "US", Tz::America__Chicago), ("Tennessee", "US", Tz::America__Chicago),
    ("Texas", "US", Tz::America__Chicago), ("Utah", "US", Tz::America__Denver),
    ("Vermont", "US", Tz::America__New_York), ("Virginia", "US", Tz::America__New_York),
    ("West Virginia", "US", Tz::America__New_York), ("Wisconsin", "US", Tz::America__Chicago),
    ("Wyoming", "US", Tz::America__Denver),
    // Canada
    ("Ontario", "CA", Tz::America__Toronto), ("Quebec", "CA", Tz::America__Toronto),
    ("Québec", "CA", Tz::America__Toronto), ("British Columbia", "CA", Tz::America__Vancouver),
    ("Alberta", "CA", Tz::America__Edmonton), ("Manitoba", "CA", Tz::America__Winnipeg),
    ("Saskatchewan", "CA", Tz::America__Regina), ("Nova Scotia", "CA", Tz::America__Halifax),
    ("New Brunswick", "CA", Tz::America__Moncton), ("Newfoundland", "CA", Tz::America__St_Johns),
    ("Prince Edward Island", "CA", Tz::America__Halifax), ("Yukon", "CA", Tz::America__Whitehorse),
    ("Nunavut", "CA", Tz::America__Iqaluit),
    // Australia
    ("New South Wales", "AU", Tz::Australia__Sydney), ("Queensland", "AU", Tz::Australia__Brisbane),
    ("South Australia", "AU", Tz::Australia__Adelaide), ("Western Australia", "AU", Tz::Australia__Perth),
    ("Tasmania", "AU", Tz::Australia__Hobart), ("Northern Territory", "AU", Tz::Australia__Darwin),
    ("Australian Capital Territory", "AU", Tz::Australia__Sydney),
    // Mexico
    ("Baja California", "MX", Tz::America__Tijuana), ("Baja California Sur", "MX", Tz::America__Mazatlan),
    ("Sonora", "MX", Tz::America__Hermosillo), ("Sinaloa", "MX", Tz::America__Mazatlan),
    ("Nayarit", "MX", Tz::America__Mazatlan), ("Coahuila", "MX", Tz::America__Monterrey),
    ("Nuevo León", "MX", Tz::America__Monterrey), ("Nuevo Leon", "MX", Tz::America__Monterrey),
    ("Tamaulipas", "MX", Tz::America__Monterrey), ("Jalisco", "MX", Tz::America__Mexico_City),
    ("Michoacán", "MX", Tz::America__Mexico_City), ("Michoacan", "MX", Tz::America__Mexico_City),
    ("Guanajuato", "MX", Tz::America__Mexico_City), ("Querétaro", "MX", Tz::America__Mexico_City),
    ("Queretaro", "MX", Tz::America__Mexico_City), ("Zacatecas", "MX", Tz::America__Mexico_City),
    ("San Luis Potosí", "MX", Tz::America__Mexico_City), ("San Luis Potosi", "MX", Tz::America__Mexico_City),
    ("Veracruz", "MX", Tz::America__Mexico_City), ("Oaxaca", "MX", Tz::America__Mexico_City),
    ("Chiapas", "MX", Tz::America__Mexico_City), ("Tabasco", "MX", Tz::America__Mexico_City),
    ("Tlaxcala", "MX", Tz::America__Mexico_City), ("Colima", "MX", Tz::America__Mexico_City),
    ("Yucatán", "MX", Tz::America__Merida), ("Yucatan", "MX", Tz::America__Merida),
    ("Campeche", "MX", Tz::America__Merida), ("Quintana Roo", "MX", Tz::America__Cancun),
    // Colombia
    ("Antioquia", "CO", Tz::America__Bogota), ("Cundinamarca", "CO", Tz::America__Bogota),
    ("Nariño", "CO", Tz::America__Bogota), ("Valle del Cauca", "CO", Tz::America__Bogota),
    ("Boyacá", "CO", Tz::America__Bogota), ("Risaralda", "CO", Tz::America__Bogota),
    ("Tolima", "CO", Tz::America__Bogota), ("Huila", "CO", Tz::America__Bogota),
    ("Putumayo", "CO", Tz::America__Bogota), ("Casanare", "CO", Tz::America__Bogota),
    ("Caquetá", "CO", Tz::America__Bogota), ("Chocó", "CO", Tz::America__Bogota),
    ("Norte de Santander", "CO", Tz::America__Bogota), ("La Guajira", "CO", Tz::America__Bogota),
    // Argentina
    ("Entre Ríos", "AR", Tz::America__Argentina__Buenos_Aires), ("Chubut", "AR", Tz::America__Argentina__Buenos_Aires),
    ("Neuquén", "AR", Tz::America__Argentina__Buenos_Aires), ("Río Negro", "AR", Tz::America__Argentina__Buenos_Aires),
    ("Jujuy", "AR", Tz::America__Argentina__Buenos_Aires), ("Tucumán", "AR", Tz::America__Argentina__Buenos_Aires),
    ("Catamarca", "AR", Tz::America__Argentina__Buenos_Aires), ("Santiago del Estero", "AR", Tz::America__Argentina__Buenos_Aires),
    ("Tierra del Fuego", "AR", Tz::America__Argentina__Buenos_Aires), ("La Pampa", "AR", Tz::America__Argentina__Buenos_Aires),
    // Spain
    ("Andalucía", "ES", Tz::Europe__Madrid), ("Andalusia", "ES", Tz::Europe__Madrid),
    ("Catalunya", "ES", Tz::Europe__Madrid), ("Cataluña", "ES", Tz::Europe__Madrid),
    ("Catalonia", "ES", Tz::Europe__Madrid), ("Euskadi", "ES", Tz::Europe__Madrid),
    ("País Vasco", "ES", Tz::Europe__Madrid), ("Castilla y León", "ES", Tz::Europe__Madrid),
    ("Castilla-La Mancha", "ES", Tz::Europe__Madrid), ("Extremadura", "ES", Tz::Europe__Madrid),
    ("Asturias", "ES", Tz::Europe__Madrid), ("Cantabria", "ES", Tz::Europe__Madrid),
    ("Navarra", "ES", Tz::Europe__Madrid), ("Comunitat Valenciana", "ES", Tz::Europe__Madrid),
    ("Comunidad Valenciana", "ES", Tz::Europe__Madrid), ("Canarias", "ES", Tz::Atlantic__Canary),
    // India
    ("Maharashtra", "IN", Tz::Asia__Kolkata), ("Uttar Pradesh", "IN", Tz::Asia__Kolkata),
    ("Madhya Pradesh", "IN", Tz::Asia__Kolkata), ("Andhra Pradesh", "IN", Tz::Asia__Kolkata),
    ("Himachal Pradesh", "IN", Tz::Asia__Kolkata), ("Arunachal Pradesh", "IN", Tz::Asia__Kolkata),
    ("Tamil Nadu", "IN", Tz::Asia__Kolkata), ("Kerala", "IN", Tz::Asia__Kolkata),
    ("Karnataka", "IN", Tz::Asia__Kolkata), ("Gujarat", "IN", Tz::Asia__Kolkata),
    ("Rajasthan", "IN", Tz::Asia__Kolkata), ("West Bengal", "IN", Tz::Asia__Kolkata),
    ("Bihar", "IN", Tz::Asia__Kolkata), ("Telangana", "IN", Tz::Asia__Kolkata),
    ("Odisha", "IN", Tz::Asia__Kolkata), ("Assam", "IN", Tz::Asia__Kolkata),
    ("Jharkhand", "IN", Tz::Asia__Kolkata), ("Chhattisgarh", "IN", Tz::Asia__Kolkata),
    ("Haryana", "IN", Tz::Asia__Kolkata), ("Uttarakhand", "IN", Tz::Asia__Kolkata),
    // Pakistan
    ("Sindh", "PK", Tz::Asia__Karachi), ("Khyber Pakhtunkhwa", "PK", Tz::Asia__Karachi),
    ("Balochistan", "PK", Tz::Asia__Karachi),
    // Brazil
    ("Minas Gerais", "BR", Tz::America__Sao_Paulo), ("Rio Grande do Sul", "BR", Tz::America__Sao_Paulo),
    ("Santa Catarina", "BR", Tz::America__Sao_Paulo), ("Pernambuco", "BR", Tz::America__Recife),
    ("Ceará", "BR", Tz::America__Fortaleza),
    ("Goiás", "BR", Tz::America__Sao_Paulo),
    ("Espírito Santo", "BR", Tz::America__Sao_Paulo), ("Mato Grosso do Sul", "BR", Tz::America__Campo_Grande),
    ("Mato Grosso", "BR", Tz::America__Cuiaba), ("Maranhão", "BR", Tz::America__Fortaleza),
];

/// Countries by the names their own press and English news give them (from GeoNames, CC BY 4.0,
/// with Spanish, Portuguese, French, German and Italian names added by hand where they differ):
/// a page's prose names its own country more than any other. Left out: names that are mostly a
/// person's, a state's or a word (`Jordan`, `Chad`, `Georgia`, `Jersey`, `Dominica`, `America`).
#[rustfmt::skip]
pub(crate) const COUNTRY_NAMES: &[(&str, &str)] = &[
    ("Andorra", "AD"), ("United Arab Emirates", "AE"), ("Afghanistan", "AF"),
    ("Antigua and Barbuda", "AG"), ("Anguilla", "AI"), ("Albania", "AL"), ("Armenia", "AM"),
    ("Angola", "AO"), ("Argentina", "AR"), ("American Samoa", "AS"), ("Austria", "AT"),
    ("Australia", "AU"), ("Aruba", "AW"), ("Aland Islands", "AX"), ("Azerbaijan", "AZ"),
    ("Bosnia and Herzegovina", "BA"), ("Barbados", "BB"), ("Bangladesh", "BD"), ("Belgium", "BE"),
    ("Burkina Faso", "BF"), ("Bulgaria", "BG"), ("Bahrain", "BH"), ("Burundi", "BI"),
    ("Benin", "BJ"), ("Saint Barthelemy", "BL"), ("Bermuda", "BM"), ("Brunei", "BN"),
    ("Bolivia", "BO"), ("Brazil", "BR"), ("Bahamas", "BS"), ("Bhutan", "BT"), ("Botswana", "BW"),
    ("Belarus", "BY"), ("Belize", "BZ"), ("Canada", "CA"), ("Cocos Islands", "CC"),
    ("Democratic Republic of the Congo", "CD"), ("Central African Republic", "CF"),
    ("Republic of the Congo", "CG"), ("Switzerland", "CH"), ("Ivory Coast", "CI"),
    ("Cook Islands", "CK"), ("Chile", "CL"), ("Cameroon", "CM"), ("China", "CN"),
    ("Colombia", "CO"), ("Costa Rica", "CR"), ("Cuba", "CU"), ("Cabo Verde", "CV"),
    ("Curacao", "CW"), ("Christmas Island", "CX"), ("Cyprus", "CY"), ("Czechia", "CZ"),
    ("Germany", "DE"), ("Djibouti", "DJ"), ("Denmark", "DK"), ("Dominican Republic", "DO"),
    ("Algeria", "DZ"), ("Ecuador", "EC"), ("Estonia", "EE"), ("Egypt", "EG"),
    ("Western Sahara", "EH"), ("Eritrea", "ER"), ("Spain", "ES"), ("Ethiopia", "ET"),
    ("Finland", "FI"), ("Fiji", "FJ"), ("Falkland Islands", "FK"), ("Micronesia", "FM"),
    ("Faroe Islands", "FO"), ("France", "FR"), ("Gabon", "GA"), ("United Kingdom", "GB"),
    ("Grenada", "GD"), ("French Guiana", "GF"), ("Guernsey", "GG"), ("Ghana", "GH"),
    ("Gibraltar", "GI"), ("Greenland", "GL"), ("Gambia", "GM"), ("Guinea", "GN"),
    ("Guadeloupe", "GP"), ("Equatorial Guinea", "GQ"), ("Greece", "GR"), ("Guatemala", "GT"),
    ("Guam", "GU"), ("Guinea-Bissau", "GW"), ("Guyana", "GY"), ("Hong Kong", "HK"),
    ("Honduras", "HN"), ("Croatia", "HR"), ("Haiti", "HT"), ("Hungary", "HU"), ("Indonesia", "ID"),
    ("Ireland", "IE"), ("Israel", "IL"), ("Isle of Man", "IM"), ("India", "IN"),
    ("British Indian Ocean Territory", "IO"), ("Iraq", "IQ"), ("Iran", "IR"), ("Iceland", "IS"),
    ("Italy", "IT"), ("Jamaica", "JM"), ("Japan", "JP"), ("Kenya", "KE"), ("Kyrgyzstan", "KG"),
    ("Cambodia", "KH"), ("Kiribati", "KI"), ("Comoros", "KM"), ("Saint Kitts and Nevis", "KN"),
    ("North Korea", "KP"), ("South Korea", "KR"), ("Kuwait", "KW"), ("Cayman Islands", "KY"),
    ("Kazakhstan", "KZ"), ("Laos", "LA"), ("Lebanon", "LB"), ("Saint Lucia", "LC"),
    ("Liechtenstein", "LI"), ("Sri Lanka", "LK"), ("Liberia", "LR"), ("Lesotho", "LS"),
    ("Lithuania", "LT"), ("Luxembourg", "LU"), ("Latvia", "LV"), ("Libya", "LY"),
    ("Morocco", "MA"), ("Monaco", "MC"), ("Moldova", "MD"), ("Montenegro", "ME"),
    ("Madagascar", "MG"), ("Marshall Islands", "MH"), ("North Macedonia", "MK"), ("Mali", "ML"),
    ("Myanmar", "MM"), ("Mongolia", "MN"), ("Macao", "MO"), ("Northern Mariana Islands", "MP"),
    ("Martinique", "MQ"), ("Mauritania", "MR"), ("Montserrat", "MS"), ("Malta", "MT"),
    ("Mauritius", "MU"), ("Maldives", "MV"), ("Malawi", "MW"), ("Mexico", "MX"),
    ("Malaysia", "MY"), ("Mozambique", "MZ"), ("Namibia", "NA"), ("New Caledonia", "NC"),
    ("Niger", "NE"), ("Norfolk Island", "NF"), ("Nigeria", "NG"), ("Nicaragua", "NI"),
    ("Netherlands", "NL"), ("Norway", "NO"), ("Nepal", "NP"), ("Nauru", "NR"), ("Niue", "NU"),
    ("New Zealand", "NZ"), ("Oman", "OM"), ("Panama", "PA"), ("Peru", "PE"),
    ("French Polynesia", "PF"), ("Papua New Guinea", "PG"), ("Philippines", "PH"),
    ("Pakistan", "PK"), ("Poland", "PL"), ("Saint Pierre and Miquelon", "PM"),
    ("Puerto Rico", "PR"), ("Palestine", "PS"), ("Portugal", "PT"), ("Palau", "PW"),
    ("Paraguay", "PY"), ("Qatar", "QA"), ("Reunion", "RE"), ("Romania", "RO"), ("Serbia", "RS"),
    ("Russia", "RU"), ("Rwanda", "RW"), ("Saudi Arabia", "SA"), ("Solomon Islands", "SB"),
    ("Seychelles", "SC"), ("Sudan", "SD"), ("Sweden", "SE"), ("Singapore", "SG"),
    ("Saint Helena", "SH"), ("Slovenia", "SI"), ("Svalbard and Jan Mayen", "SJ"),
    ("Slovakia", "SK"), ("Sierra Leone", "SL"), ("San Marino", "SM"), ("Senegal", "SN"),
    ("Somalia", "SO"), ("Suriname", "SR"), ("South Sudan", "SS"), ("Sao Tome and Principe", "ST"),
    ("El Salvador", "SV"), ("Sint Maarten", "SX"), ("Syria", "SY"), ("Eswatini", "SZ"),
    ("Turks and Caicos Islands", "TC"), ("Togo", "TG"), ("Thailand", "TH"), ("Tajikistan", "TJ"),
    ("Timor Leste", "TL"), ("Turkmenistan", "TM"), ("Tunisia", "TN"), ("Tonga", "TO"),
    ("Turkey", "TR"), ("Trinidad and Tobago", "TT"), ("Tuvalu", "TV"), ("Taiwan", "TW"),
    ("Tanzania", "TZ"), ("Ukraine", "UA"), ("Uganda", "UG"), ("United States", "US"),
    ("Uruguay", "UY"), ("Uzbekistan", "UZ"), ("Vatican", "VA"),
    ("Saint Vincent and the Grenadines", "VC"), ("Venezuela", "VE"),
    ("British Virgin Islands", "VG"), ("U.S. Virgin Islands", "VI"), ("Vietnam", "VN"),
    ("Vanuatu", "VU"), ("Wallis and Futuna", "WF"), ("Samoa", "WS"), ("Kosovo", "XK"),
    ("Yemen", "YE"), ("Mayotte", "YT"), ("South Africa", "ZA"), ("Zambia", "ZM"),
    ("Zimbabwe", "ZW"), ("Czech Republic", "CZ"), ("Britain", "GB"), ("Great Britain", "GB"),
    ("U.S.", "US"), ("Estados Unidos", "US"), ("EE.UU.", "US"), ("EEUU", "US"), ("México", "MX"),
    ("Perú", "PE"), ("Panamá", "PA"), ("República Dominicana", "DO"), ("España", "ES"),
    ("Brasil", "BR"), ("Moçambique", "MZ"), ("Belgique", "BE"), ("Suisse", "CH"),
    ("Sénégal", "SN"), ("Côte d'Ivoire", "CI"), ("Cameroun", "CM"), ("Maroc", "MA"),
    ("Algérie", "DZ"), ("Tunisie", "TN"), ("Haïti", "HT"), ("Deutschland", "DE"),
    ("Österreich", "AT"), ("Schweiz", "CH"), ("Italia", "IT"), ("Svizzera", "CH"),
    ("Marruecos", "MA"),
    ("Northern Ireland", "GB"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn country_code_domains_name_their_country_and_generic_ones_none() {
        assert_eq!(country_of_host("www.corriere.it"), Some("IT"));
        assert_eq!(country_of_host("bbc.co.uk"), Some("GB"));
        assert_eq!(country_of_host("example.com"), None);
        assert_eq!(country_of_host("news.tv"), None);
        assert_eq!(country_of_host("localhost"), None);
        assert_eq!(country_of_host("www.lemonde.fr."), Some("FR"));
    }

    #[test]
    fn every_country_has_a_real_zone_and_one_row() {
        let mut seen = std::collections::HashSet::new();
        for (code, tz, _) in COUNTRIES {
            assert_eq!(code.len(), 2, "{code}");
            assert!(seen.insert(*code), "{code} twice");
            assert!(!tz.name().is_empty());
        }
        for (language, country, _) in LANGUAGE_COUNTRIES {
            assert!(zone_of_country(country).is_some(), "{language}: {country}");
        }
        for (name, country) in COUNTRY_NAMES {
            assert!(
                zone_of_country(country).is_some() || country.len() == 2,
                "{name}: {country}"
            );
        }
        for (group, country) in GROUPS {
            assert!(zone_of_country(country).is_some(), "{group}: {country}");
        }
        assert_eq!(zone_of_country("it"), Some((Tz::Europe__Rome, false)));
    }
}
