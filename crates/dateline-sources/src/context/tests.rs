//! Whole pages, written for these tests, read for their context: each test pins one kind of clue
//! and the decision it leads to, and that the decision keeps its evidence.

use dateline_model::{Document, DocumentKind, Question};

use crate::{Options, read};

fn page(text: &str) -> Document {
    read("page.txt", text.as_bytes(), &Options::default()).0
}

fn html(text: &str) -> Document {
    read("page.html", text.as_bytes(), &Options::default()).0
}

/// The winning clue's kind of a decision.
fn won_by(doc: &Document, question: Question) -> Option<String> {
    doc.context
        .decisions
        .iter()
        .find(|d| d.question == question)
        .and_then(|d| d.clue.as_ref())
        .map(|c| c.kind.clone())
}

fn published_day(doc: &Document) -> Option<String> {
    doc.published
        .as_ref()
        .map(|t| t.local.date_naive().to_string())
}

/// An Italian article with nothing but its prose to place it: the language says Italy, Italy's
/// zone reads its clock, and the zone's source says so.
#[test]
fn the_language_of_the_prose_places_bare_clocks_when_nothing_else_does() {
    let doc = page(
        "Il governo approva il decreto sulle bollette\n\n\
         12 marzo 2024, 17:05\n\n\
         Il Consiglio dei ministri ha approvato questa sera il decreto che riduce le bollette per le \
         famiglie, con un fondo di tre miliardi di euro per il prossimo trimestre.\n\n\
         Secondo il ministro, le misure entreranno in vigore dal primo aprile e dureranno fino alla \
         fine dell'anno, salvo nuove decisioni del governo.\n",
    );
    assert_eq!(doc.context.language.as_deref(), Some("it"));
    assert_eq!(doc.context.country.as_deref(), Some("IT"));
    assert_eq!(doc.context.zone.as_deref(), Some("Europe/Rome"));
    let time = doc.posts.first().and_then(|p| p.time.as_ref());
    assert_eq!(
        time.map(|t| t.utc.to_rfc3339()),
        Some("2024-03-12T16:05:00+00:00".to_owned())
    );
    assert_eq!(
        won_by(&doc, Question::Country).as_deref(),
        Some("the language of the page")
    );
}

/// The places an English page names say where it is from when nothing else does: three towns of
/// one US zone place its bare clocks there, and the clue says which places.
#[test]
fn the_places_a_page_names_place_its_clocks_when_nothing_else_does() {
    let doc = page(
        "Bridge to close for a year after cracks are found\n\n\
         March 4, 2021 9:30 AM\n\n\
         The council in Wichita voted on Tuesday evening to close the old bridge to cars for the \
         whole of next year, while engineers repair the cracks found in its piers.\n\n\
         Drivers from Topeka and Kansas City who cross it every day will have to take the long \
         road around the lake, which adds twenty minutes to the journey each way.\n",
    );
    assert_eq!(doc.context.country.as_deref(), Some("US"));
    assert_eq!(doc.context.zone.as_deref(), Some("America/Chicago"));
    assert_eq!(
        won_by(&doc, Question::Zone).as_deref(),
        Some("the places the page names")
    );
}

/// A local page names its state more than any city: the state and the country, as the page's own
/// press spells them, place its clocks in the state's zone (Mountain time, not the capital's),
/// and a warning says the zone is a guess from the places named.
#[test]
fn the_state_and_country_a_page_names_place_its_clocks_with_a_warning() {
    let text = "Productores piden apoyo ante la sequía\n\n\
         14 de marzo de 2021, 10:15\n\n\
         Los productores de Sinaloa pidieron al gobierno federal un apoyo especial por la sequía, \
         que ya afecta a la mitad de las presas del estado y a miles de hectáreas de cultivo.\n\n\
         En Mazatlán, los pescadores dijeron que la temporada es la peor en diez años, y que \
         México debe revisar las cuotas antes del verano.\n";
    let (doc, diagnostics) = read("page.txt", text.as_bytes(), &Options::default());
    assert_eq!(doc.context.country.as_deref(), Some("MX"));
    assert_eq!(doc.context.zone.as_deref(), Some("America/Mazatlan"));
    let time = doc.posts.first().and_then(|p| p.time.as_ref());
    assert_eq!(
        time.map(|t| t.utc.to_rfc3339()),
        Some("2021-03-14T17:15:00+00:00".to_owned())
    );
    let guessed: Vec<_> = diagnostics
        .iter()
        .filter(|d| d.code == "zone-guessed")
        .collect();
    assert_eq!(guessed.len(), 1, "{diagnostics:?}");
    assert!(
        guessed
            .iter()
            .all(|d| d.message.contains("America/Mazatlan")
                && d.message.contains("the places the page names")
                && d.message.contains("--zone")),
        "{guessed:?}"
    );
}

/// Where nothing at all places a page, the country whose places lead is a better guess than UTC,
/// however few they are (one town and its country here), with the warning that says it is a
/// guess; two countries named as often place nothing.
#[test]
fn where_nothing_else_places_a_page_its_leading_places_do() {
    let text = |places: &str| {
        format!(
            "حريق الميناء: تغطية مباشرة\n12 مارس 2023\n\n16:42\n\
             قالت الوزارة إن إجلاء سكان منطقة الميناء سيستمر طوال الليل مع توفير حافلات للسكان.\n\n\
             15:45\nقال المجلس البلدي إنه لم يصب أحد حتى الآن وطلب من السكان البقاء في منازلهم.\n\n\
             {places}\n"
        )
    };
    let placed = text("القاهرة - مصر");
    let (doc, diagnostics) = read("page.txt", placed.as_bytes(), &Options::default());
    assert_eq!(doc.context.zone.as_deref(), Some("Africa/Cairo"));
    let times: Vec<String> = doc
        .posts
        .iter()
        .filter_map(|p| p.time.as_ref().map(|t| t.utc.to_rfc3339()))
        .collect();
    assert_eq!(
        times,
        ["2023-03-12T14:42:00+00:00", "2023-03-12T13:45:00+00:00"]
    );
    assert!(
        diagnostics.iter().any(|d| d.code == "zone-guessed"),
        "{diagnostics:?}"
    );
    let tied = text("القاهرة - بيروت");
    let (doc, diagnostics) = read("page.txt", tied.as_bytes(), &Options::default());
    assert_eq!(doc.context.zone, None);
    assert!(
        diagnostics.iter().any(|d| d.code == "zone-assumed"),
        "{diagnostics:?}"
    );
}

/// One country named again and again, where no other is, places a page as several of its towns
/// would: its zone, as a guess the warning names.
#[test]
fn one_country_named_again_and_again_places_the_page() {
    let text = "Ringgit falls as exports slow\n\n\
         March 4, 2021 9:30 AM\n\n\
         Malaysia's currency fell for a third day on Thursday, as figures showed exports had \
         slowed for the first time this year.\n\n\
         Economists said Malaysia would need to cut rates again if the slowdown went on, and \
         that the central bank of Malaysia was likely to act before the summer.\n";
    let (doc, diagnostics) = read("page.txt", text.as_bytes(), &Options::default());
    assert_eq!(doc.context.country.as_deref(), Some("MY"));
    assert_eq!(doc.context.zone.as_deref(), Some("Asia/Kuala_Lumpur"));
    assert!(
        diagnostics.iter().any(|d| d.code == "zone-guessed"),
        "{diagnostics:?}"
    );
}

/// A page that prints only a date has no clock for a zone to place: the places it names may
/// still say its country, and no warning speaks of a zone.
#[test]
fn a_date_only_page_gets_no_zone_warning() {
    let text = "Farmers ask for help as the drought spreads\n\n\
         March 14, 2021\n\n\
         Farmers across Kansas asked the state for help on Sunday, as the drought reached the \
         fields around Wichita and Topeka and the river fell to its lowest level in decades.\n\n\
         Officials in Kansas said a relief fund would open next month.\n";
    let (doc, diagnostics) = read("page.txt", text.as_bytes(), &Options::default());
    assert_eq!(doc.context.country.as_deref(), Some("US"));
    assert!(
        diagnostics
            .iter()
            .all(|d| d.code != "zone-guessed" && d.code != "zone-assumed"),
        "{diagnostics:?}"
    );
}

/// A language written in one country says the country: Tagalog prose places a page in the
/// Philippines.
#[test]
fn a_language_of_one_country_names_it() {
    let doc = page(
        "Bagong batas sa trapiko, ipatutupad na\n\n\
         Marso 4, 2021 9:30 AM\n\n\
         Ipatutupad na simula sa susunod na linggo ang bagong batas sa trapiko, ayon sa mga \
         opisyal ng lungsod na nagsabing mas mahigpit na ang parusa sa mga lalabag dito.\n\n\
         Sinabi ng mga opisyal na magkakaroon ng mga karagdagang tauhan sa mga kalsada upang \
         bantayan ang pagpapatupad ng batas sa buong lungsod at sa mga karatig na bayan.\n",
    );
    assert_eq!(doc.context.language.as_deref(), Some("tl"));
    assert_eq!(doc.context.country.as_deref(), Some("PH"));
    assert_eq!(doc.context.zone.as_deref(), Some("Asia/Manila"));
}

/// A weekday the prose calls today ("today (Tuesday)", "اليوم الثلاثاء") agrees with the
/// publication date that falls on it, and with no other: the decision records it among the
/// clues for that date.
#[test]
fn a_weekday_the_prose_calls_today_agrees_with_the_date_on_it() {
    let agreeing = |doc: &Document| -> Vec<String> {
        doc.context
            .decisions
            .iter()
            .filter(|d| d.question == Question::Published)
            .flat_map(|d| d.agreeing.iter().chain(d.clue.iter()))
            .filter(|c| c.kind == "a weekday the prose calls today")
            .map(|c| c.supports.clone())
            .collect()
    };
    let arabic = page(
        "الوزارة تمدد العطلة المدرسية\n\n\
         17.03.2020 | 14:20\n\n\
         أعلنت وزارة التربية اليوم الثلاثاء تمديد العطلة المدرسية أسبوعين إضافيين في جميع المدارس \
         الحكومية والخاصة، وذلك في إطار الإجراءات الاحترازية لمواجهة انتشار الفيروس.\n",
    );
    assert_eq!(published_day(&arabic).as_deref(), Some("2020-03-17"));
    let found = agreeing(&arabic);
    assert_eq!(found.len(), 1, "{:?}", arabic.context.decisions);
    assert!(
        found.iter().all(|s| s.starts_with("2020-03-17")),
        "{found:?}"
    );
    let english = |weekday: &str| {
        page(&format!(
            "Ministry extends the school holiday\n\n\
             March 17, 2020 2:20 PM\n\n\
             The education ministry said today ({weekday}) that the school holiday would be \
             extended by two more weeks in every public and private school across the country.\n"
        ))
    };
    let tuesday = english("Tuesday");
    assert_eq!(
        agreeing(&tuesday).len(),
        1,
        "{:?}",
        tuesday.context.decisions
    );
    // The same page calling the day a Monday: the clue agrees with nothing.
    let monday = english("Monday");
    assert_eq!(published_day(&monday).as_deref(), Some("2020-03-17"));
    assert!(agreeing(&monday).is_empty());
}

/// A photo caption's date (`In this Dec. 12, 2006, file photo`) and a broadcast's air time
/// (`Sendung: ...`, `Air Date: ...`) never date the page: its labelled line does.
#[test]
fn captions_and_air_times_never_date_the_page() {
    let doc = page(
        "Snooze cruise: study sees a future for hibernating astronauts\n\n\
         In this Dec. 12, 2006, file photo, two astronauts take part in a space walk outside the \
         station.\n\n\
         The Associated Press\n\
         Published Monday, November 18, 2019 8:22AM EST\n\n\
         Astronauts could one day sleep through the long trip to Mars, scientists say in a study \
         published on Monday, which looks at how animals hibernate through the winter.\n\n\
         Sendung: Das Erste, 19.11.2019 20:00 Uhr\n\
         Air Date: November 20, 2019\n",
    );
    assert_eq!(
        doc.published.as_ref().map(|t| t.utc.to_rfc3339()),
        Some("2019-11-18T13:22:00+00:00".to_owned())
    );
    let supports: Vec<String> = doc
        .context
        .decisions
        .iter()
        .filter(|d| d.question == Question::Published)
        .flat_map(|d| d.clue.iter().chain(&d.agreeing).chain(&d.runners_up))
        .map(|c| c.supports.clone())
        .collect();
    assert!(
        supports.iter().all(|s| !s.starts_with("2006")
            && !s.starts_with("2019-11-19")
            && !s.starts_with("2019-11-20")),
        "{supports:?}"
    );
}

/// A page whose context finds no clue to its kind is the kind the layout's reading of its
/// stamps says, and the kind decision records that reading as its clue.
#[test]
fn the_layouts_reading_of_the_stamps_is_the_kind_decisions_clue() {
    let doc = page(
        "Man stabbed on commuter train\n\n\
         10 p.m.\n\n\
         Authorities say the stabbing may have happened after the attacker tried to steal a phone.\n\n\
         4:14 p.m.\n\n\
         A transit chief says a man has been stabbed to death on a commuter train during a fight.\n",
    );
    assert_eq!(doc.kind, DocumentKind::LiveBlog);
    let decision = doc
        .context
        .decisions
        .iter()
        .find(|d| d.question == Question::Kind);
    assert_eq!(decision.and_then(|d| d.value.as_deref()), Some("live-blog"));
    assert_eq!(
        won_by(&doc, Question::Kind).as_deref(),
        Some("the stamps the layout reads")
    );
}

/// Facebook's `ar_AR` locale is Arabic anywhere, not Argentina: a region where the page's
/// language is not written names no country.
#[test]
fn a_locale_whose_region_does_not_write_the_language_names_no_country() {
    let doc = html(
        r#"<!DOCTYPE html><html><head><meta property="og:locale" content="ar_AR"></head>
        <body><h1>عنوان</h1><p>نص</p></body></html>"#,
    );
    assert_ne!(doc.context.country.as_deref(), Some("AR"));
}

/// A zone printed by one of the page's stamps places the clocks that print none.
#[test]
fn a_zone_printed_on_the_page_places_its_bare_clocks() {
    let doc = page(
        "Election night as it happened\n\n\
         Thu 4 Jul 2024\n\n\
         23.40 BST Sunderland declares first, as it always does.\n\n\
         22:30 Turnout looks lower than in 2019, officials say.\n\n\
         22:01 The exit poll points to a large majority.\n",
    );
    assert_eq!(doc.context.zone.as_deref(), Some("Europe/London"));
    let utc: Vec<String> = doc
        .posts
        .iter()
        .filter_map(|p| p.time.as_ref())
        .map(|t| t.utc.format("%H:%M").to_string())
        .collect();
    assert_eq!(utc, ["22:40", "21:30", "21:01"]);
}

/// A relative time beside a clock says when the page was saved: `21 mins ago` by `11:48 BST`
/// is 12:09 BST; coarser ones (`2 hours ago`) agree to the hour and weigh less.
#[test]
fn relative_times_beside_clocks_say_when_the_page_was_saved() {
    let doc = page(
        "Bridge closure: all the latest as it happens\n\n\
         Thursday 18 July 2024\n\n\
         21 mins ago11:48 BST Ann Lee\n\
         Engineers have started to close the bridge to cars, one lane at a time, as the council \
         voted on Tuesday evening.\n\n\
         2 hours ago10:05 BST Ann Lee\n\
         The council says the works will start in March and last until the end of the year, with \
         the ferry running every twenty minutes.\n\n\
         4 hours ago08:13 BST Ann Lee\n\
         Good morning and welcome to our coverage of the closure of the old bridge across the bay \
         as it happens.\n",
    );
    assert_eq!(
        doc.context.captured_at.map(|t| t.to_rfc3339()),
        Some("2024-07-18T11:09:00+00:00".to_owned())
    );
    assert_eq!(
        won_by(&doc, Question::CapturedAt).as_deref(),
        Some("a relative time beside a clock")
    );
}

/// A page with no clue at all says so once, and names the flag that settles it.
#[test]
fn a_page_with_no_clue_assumes_utc_with_one_warning_naming_the_flag() {
    let (_, diagnostics) = read(
        "bare.txt",
        b"A blog\n\n3 January 2020\n\n10:15 Later.\n\n09:30 Earlier.\n",
        &Options::default(),
    );
    let assumed: Vec<_> = diagnostics
        .iter()
        .filter(|d| d.code == "zone-assumed")
        .collect();
    assert_eq!(assumed.len(), 1);
    assert!(assumed[0].message.contains("--zone"));
}

/// What the user says outweighs every clue, and is recorded as given.
#[test]
fn a_given_zone_outweighs_the_page() {
    let options = Options {
        zone: Some(crate::Tz::Asia__Tokyo),
        ..Options::default()
    };
    let (doc, _) = read(
        "blog.txt",
        b"A blog\n\n3 January 2020\n\n10:15 BST A post.\n\n09:30 Another.\n",
        &options,
    );
    assert_eq!(doc.context.zone.as_deref(), Some("Asia/Tokyo"));
    assert_eq!(
        won_by(&doc, Question::Zone).as_deref(),
        Some("given (--zone)")
    );
}

/// The body of an article's text copy: two paragraphs of prose.
const ARTICLE_TEXT: &str = "The council voted on Tuesday evening to close the old bridge to cars for \
    the whole of next year, while engineers repair the cracks found in its piers.\n\nResidents who \
    cross it every day to reach the station will have to take the ferry or the long road around \
    the bay, which adds twenty minutes to the journey each way.\n";

const ARTICLE_BODY: &str = "<p>The council voted on Tuesday evening to close the old bridge to \
    cars for the whole of next year, while engineers repair the cracks found in its piers.</p>\
    <p>Residents who cross it every day to reach the station will have to take the ferry or the \
    long road around the bay, which adds twenty minutes to the journey each way.</p>";

/// A date alone in JSON-LD is the day the page prints, whatever the zone: never the day before.
#[test]
fn a_date_only_machine_date_keeps_its_day_east_of_utc() {
    let doc = html(&format!(
        r#"<!DOCTYPE html><html lang="de"><head>
        <link rel="canonical" href="https://www.example-zeitung.de/lokales/bruecke">
        <script type="application/ld+json">{{"@type": "NewsArticle", "headline": "Die Brücke wird gesperrt",
        "datePublished": "2020-04-15"}}</script></head><body><h1>Die Brücke wird gesperrt</h1>{ARTICLE_BODY}</body></html>"#
    ));
    assert_eq!(published_day(&doc).as_deref(), Some("2020-04-15"));
    let published = doc.published.as_ref();
    assert_eq!(
        published
            .and_then(|t| t.date)
            .map(|d| d.to_string())
            .as_deref(),
        Some("2020-04-15")
    );
    assert_eq!(doc.context.zone.as_deref(), Some("Europe/Berlin"));
}

/// A machine time without an offset is the outlet's local time, not UTC.
#[test]
fn a_zone_less_machine_time_is_read_in_the_outlets_zone() {
    let doc = html(&format!(
        r#"<!DOCTYPE html><html><head>
        <link rel="canonical" href="https://www.example-zeitung.de/lokales/bruecke">
        <script type="application/ld+json">{{"@type": "NewsArticle", "headline": "Die Brücke",
        "datePublished": "2020-12-15 14:49:06"}}</script></head><body><h1>Die Brücke</h1>{ARTICLE_BODY}</body></html>"#
    ));
    let published = doc.published.as_ref();
    assert_eq!(
        published.map(|t| t.utc.to_rfc3339()),
        Some("2020-12-15T13:49:06+00:00".to_owned())
    );
}

/// A sidebar's list of stories, each with its date alone on a line, never dates the page, however
/// long the list: the page's own update line gives its day.
#[test]
fn a_long_list_of_dated_stories_does_not_outvote_the_pages_own_date() {
    let mut text = String::from(
        "Home > Region > City\n\nWheat buying starts at 32 centres\n\n\
         City Bureau Updated Thu, 16 Apr 2020 01:00 AM IST\n\n\
         Wheat buying started on Wednesday at the district's 32 purchase centres, the district food \
         marketing officer said, with farmers asked to keep their distance in the queues.\n\n\
         Each centre will weigh the grain of twenty farmers a day, and the payment will reach \
         their bank accounts within three days, he added.\n\nSpotlight\n\n",
    );
    for topic in [
        "Television",
        "Cricket",
        "India News",
        "Business",
        "Health",
        "Cities",
        "World",
        "Education",
    ] {
        text.push_str(&format!(
            "{topic}\nA story about {topic} that the site links to\n\n15 April 2020\n\n"
        ));
    }
    let doc = page(&text);
    let day = doc
        .context
        .decisions
        .iter()
        .find(|d| d.question == Question::PageDate)
        .and_then(|d| d.value.clone());
    assert_eq!(day.as_deref(), Some("2020-04-16"));
    assert_ne!(published_day(&doc).as_deref(), Some("2020-04-15"));
    let item = doc.posts.first().and_then(|p| p.time.as_ref());
    assert_eq!(
        item.map(|t| t.local.date_naive().to_string()).as_deref(),
        Some("2020-04-16")
    );
}

/// A story's own dateline (`MANILA, Philippines —`) says where it was filed: where nothing firmer
/// places the page, its clocks are read in that place's zone, as a guess the record names. A
/// heading in capitals is no place, and the country after the place picks among places of one
/// name.
#[test]
fn the_place_of_a_storys_dateline_places_bare_clocks_as_a_guess() {
    let story = |opening: &str| {
        page(&format!(
            "Council approves housing plan\n\nBy Jane Doe\n\nMarch 12, 2023 2:05 pm\n\n\
             {opening} The city council voted on Tuesday to approve the new housing plan after \
             months of debate.\n\nOfficials said construction would begin next spring and take \
             about two years to finish.\n"
        ))
    };
    let manila = story("MANILA, Philippines \u{2014}");
    assert_eq!(manila.context.zone.as_deref(), Some("Asia/Manila"));
    assert_eq!(
        won_by(&manila, Question::Zone).as_deref(),
        Some("the place of the story's dateline")
    );
    assert_eq!(
        manila.published.as_ref().map(|t| t.utc.to_rfc3339()),
        Some("2023-03-12T06:05:00+00:00".to_owned())
    );
    let hamilton = story("HAMILTON, Ontario \u{2014}");
    assert_eq!(hamilton.context.zone.as_deref(), Some("America/Toronto"));
    let heading = story("UPDATE -");
    assert_eq!(heading.context.zone, None);
    // A dash past the first 80 bytes ends no dateline, even where a letter of two bytes stands
    // across the 80th.
    // (Where nothing else places the page, the town it names still does, as the lightest clue.)
    let sentence = story(
        "SYDNEY, where the council met on Tuesday evening in a crowded hall of all its résidents -",
    );
    assert_eq!(
        won_by(&sentence, Question::Zone).as_deref(),
        Some("the places the page names")
    );
}

/// A line that names a place and nothing else, beside the page's dateline and above its first
/// paragraph (`Auckland, New Zealand`), is the story's place, as a dateline in its first sentence
/// is: it places bare clocks where nothing firmer does, and outweighs the country most pages of
/// the page's language come from when that place's country writes it. A common word alone is no
/// place, and a place line far from the dateline, or under the story's first paragraph, is not
/// read as one.
#[test]
fn a_place_on_a_line_of_its_own_beside_the_dateline_is_the_storys_place() {
    let body = "The city council voted on Tuesday to approve the new housing plan after months \
                of debate.\n\nOfficials said construction would begin next spring and take about \
                two years to finish.\n";
    let story = |dateline: &str, place: &str| {
        page(&format!(
            "Council approves housing plan\n\n{dateline}\n{place}\n\n{body}"
        ))
    };
    let auckland = story("2:05pm 12 March 2023", "Auckland, New Zealand");
    assert_eq!(auckland.context.zone.as_deref(), Some("Pacific/Auckland"));
    assert_eq!(
        won_by(&auckland, Question::Zone).as_deref(),
        Some("the place of the story's dateline")
    );
    assert_eq!(
        auckland.published.as_ref().map(|t| t.utc.to_rfc3339()),
        Some("2023-03-12T01:05:00+00:00".to_owned())
    );
    let johannesburg = story("12 March 2023 - 14:05", "Johannesburg");
    assert_eq!(
        johannesburg.context.zone.as_deref(),
        Some("Africa/Johannesburg")
    );
    // French is written most in France, but Montréal's country writes it too.
    let montreal = page(
        "Le conseil approuve le plan de logement\n\nPublié le 12 mars 2023 à 14 h 05\n\
         Montréal, Québec\n\nLe conseil municipal a approuvé mardi le nouveau plan de logement \
         après des mois de débat.\n\nLes responsables ont indiqué que les travaux \
         commenceraient au printemps prochain et dureraient environ deux ans.\n",
    );
    assert_eq!(montreal.context.country.as_deref(), Some("CA"));
    assert_eq!(montreal.context.zone.as_deref(), Some("America/Toronto"));
    // A common word alone is no place; with its country it is one.
    assert_eq!(story("2:05pm 12 March 2023", "Mobile").context.zone, None);
    let mobile = story("2:05pm 12 March 2023", "Mobile, Alabama");
    assert_eq!(mobile.context.zone.as_deref(), Some("America/Chicago"));
    // Far from the dateline, or under the first paragraph, a place line is not the story's (it
    // is one of the places the page names, the lightest clue where nothing else places it).
    let far = page(&format!(
        "Council approves housing plan\n\n2:05pm 12 March 2023\n\nBy Jane Doe\n\nPhotos\n\n\
         Share\n\nAuckland, New Zealand\n\n{body}"
    ));
    let under = page(&format!(
        "Council approves housing plan\n2:05pm 12 March 2023\n{body}Auckland, New Zealand\n"
    ));
    for doc in [far, under] {
        assert_eq!(
            won_by(&doc, Question::Zone).as_deref(),
            Some("the places the page names")
        );
    }
}

/// A time in a `data-` attribute of the element that shows the page's date gives the minute the
/// date alone does not, and says nothing of the zone: an epoch is an instant, printed in the
/// reader's zone by the page's script.
#[test]
fn a_data_attributes_time_on_the_dateline_gives_its_minute() {
    let doc = html(&format!(
        r#"<!DOCTYPE html><html lang="en-GB"><head><title>The bridge closes</title></head>
        <body><h1>The bridge closes for a year</h1>
        <span class="date" data-timestamp="1678626300">12 March 2023</span>{ARTICLE_BODY}
        <ul><li data-timestamp="1677000000">An older story</li></ul></body></html>"#
    ));
    let published = doc.published.as_ref();
    assert_eq!(
        published.map(|t| t.utc.to_rfc3339()).as_deref(),
        Some("2023-03-12T13:05:00+00:00")
    );
    assert_eq!(doc.context.zone.as_deref(), Some("Europe/London"));
    assert!(
        doc.context
            .decisions
            .iter()
            .filter(|d| d.question == Question::Published)
            .flat_map(|d| d.clue.iter().chain(&d.agreeing))
            .any(|c| c.kind == "<span data-timestamp>"),
        "{:?}",
        doc.context.decisions
    );
    // An epoch says nothing of the zone: a page nothing else places stays unplaced.
    let unplaced = html(&format!(
        r#"<!DOCTYPE html><html lang="en"><head><title>The bridge closes</title></head>
        <body><h1>The bridge closes for a year</h1>
        <span class="date" data-timestamp="1678626300">12 March 2023</span>{ARTICLE_BODY}
        </body></html>"#
    ));
    assert_eq!(unplaced.context.zone, None);
}

/// JSON a page embeds for its scripts (a framework's state) holds the page's story among the
/// stories it links to: the object titled with the page's headline gives the page's times; a
/// state with no such object gives none, however many dates it holds.
#[test]
fn a_frameworks_state_gives_the_times_of_the_story_titled_with_the_headline() {
    let page = |state: &str| {
        html(&format!(
            r#"<!DOCTYPE html><html lang="en"><head><title>The bridge closes for a year | The Bay
            Times</title><script id="__NEXT_DATA__" type="application/json">{state}</script></head>
            <body><h1>The bridge closes for a year</h1>{ARTICLE_BODY}</body></html>"#
        ))
    };
    let doc = page(
        r#"{"props": {"pageProps": {"related": [{"title": "The ferry adds a crossing",
        "publishedAt": 1677000000000}], "story": {"headline": "The bridge closes for a year",
        "publishedAt": 1678626300000, "updatedAt": "2023-03-12T16:20:00Z"}}}}"#,
    );
    assert_eq!(
        doc.published
            .as_ref()
            .map(|t| t.utc.to_rfc3339())
            .as_deref(),
        Some("2023-03-12T13:05:00+00:00")
    );
    assert_eq!(
        doc.updated.as_ref().map(|t| t.utc.to_rfc3339()).as_deref(),
        Some("2023-03-12T16:20:00+00:00")
    );
    let untitled = page(
        r#"{"props": {"settings": {"publishedAt": 1500000000}, "related": [{"title": "The ferry
        adds a crossing", "publishedAt": 1677000000000}]}}"#,
    );
    assert_eq!(untitled.published, None);
    // A framework's times are an API's, in UTC whatever the outlet's zone: no clue to the zone.
    assert_eq!(doc.context.zone, None);
    // Parse.ly's metadata is about the page itself: its time is the page's, untitled.
    let parsely = html(&format!(
        r#"<!DOCTYPE html><html lang="en"><head><title>The bridge closes for a year</title>
        <meta name="parsely-page" content='{{"title": "Bay Times", "pub_date": "2023-03-12T13:05:00Z"}}'>
        </head><body><h1>The bridge closes for a year</h1>{ARTICLE_BODY}</body></html>"#
    ));
    assert_eq!(
        parsely
            .published
            .as_ref()
            .map(|t| t.utc.to_rfc3339())
            .as_deref(),
        Some("2023-03-12T13:05:00+00:00")
    );
}

/// A live blog that shows its posts' times relative to when it was read (`2h ago`, alone on its
/// line) has its posts split there, and each visible post takes the time of its machine update:
/// every post once, visible. A page that nothing else makes a live blog is not split at such
/// lines: an article prints its own time so, and so does the list of other stories under it.
#[test]
fn relative_times_alone_on_their_lines_open_the_posts_of_a_live_blog() {
    let posts = [
        (
            "16:42",
            "Evacuation to continue overnight",
            "The ministry said the evacuation of the port area would continue through the night, with buses laid on.",
        ),
        (
            "15:45",
            "Council says no injuries",
            "The city council said no one had been injured so far and asked residents to stay indoors while crews worked.",
        ),
        (
            "14:20",
            "Smoke seen across the bay",
            "A large column of smoke could be seen for miles across the bay, witnesses told reporters at the harbour.",
        ),
    ];
    let updates: Vec<String> = posts
        .iter()
        .map(|(clock, headline, body)| {
            format!(
                r#"{{"@type": "BlogPosting", "headline": "{headline}", "articleBody": "{body}",
                "datePublished": "2023-03-12T{clock}:00+01:00"}}"#
            )
        })
        .collect();
    let visible: String = posts
        .iter()
        .enumerate()
        .map(|(i, (_, headline, body))| {
            format!(
                r#"<article><span class="ago">{}h ago</span><h2>{headline}</h2><p>{body}</p></article>"#,
                i + 1
            )
        })
        .collect();
    let doc = html(&format!(
        r#"<!DOCTYPE html><html lang="de"><head><title>Port fire: live</title>
        <script type="application/ld+json">{{"@context": "https://schema.org",
        "@type": "LiveBlogPosting", "headline": "Port fire: live",
        "datePublished": "2023-03-12T14:00:00+01:00", "liveBlogUpdate": [{}]}}</script></head>
        <body><h1>Port fire: live</h1>{visible}</body></html>"#,
        updates.join(",")
    ));
    assert_eq!(doc.kind, DocumentKind::LiveBlog);
    let got: Vec<(Option<String>, bool)> = doc
        .posts
        .iter()
        .map(|p| (p.time.as_ref().map(|t| t.utc.to_rfc3339()), p.visible))
        .collect();
    let visible_at = |utc: &str| (Some(utc.to_owned()), true);
    assert_eq!(
        got,
        [
            visible_at("2023-03-12T15:42:00+00:00"),
            visible_at("2023-03-12T14:45:00+00:00"),
            visible_at("2023-03-12T13:20:00+00:00"),
        ]
    );
    // An article dated `6 hours ago`, with a list of other stories dated so under it.
    let article = page(&format!(
        "Port fire forces evacuation of harbour district\n6 hours ago\n\n{}\n\n\
         More from the site\n{}",
        posts.map(|p| p.2).join("\n\n"),
        posts
            .iter()
            .enumerate()
            .map(|(i, (_, headline, body))| format!("{} days ago\n{headline}\n\n{body}\n\n", i + 1))
            .collect::<String>()
    ));
    assert_eq!(article.kind, DocumentKind::Article);
    assert_eq!(article.posts.len(), 1);
}

/// Clocks a label names a post's (`Posted at 16:42`, with no date) head the posts of a live blog
/// as bare clocks do; a page's own labelled dateline, with its date, heads none.
#[test]
fn clocks_labelled_as_posted_head_the_posts_of_a_live_blog() {
    let mut text = String::from("Port fire: latest\n12 March 2023\n\n");
    for (clock, body) in [
        (
            "16:42",
            "The ministry said the evacuation of the port area would continue through the night.",
        ),
        (
            "16:10",
            "Firefighters said more than a hundred crew were working to contain the warehouse blaze.",
        ),
        (
            "15:45",
            "The city council said no one had been injured so far and asked residents to stay indoors.",
        ),
    ] {
        text.push_str(&format!(
            "Posted at {clock}\nHeadline of the update at {clock}\n{body}\n\n"
        ));
    }
    let doc = page(&format!(
        "{text}\u{a9} 2023 The Harbour Gazette, Southampton\n"
    ));
    assert_eq!(doc.kind, DocumentKind::LiveBlog);
    let times: Vec<String> = doc
        .posts
        .iter()
        .filter_map(|p| p.time.as_ref().map(|t| t.local.format("%H:%M").to_string()))
        .collect();
    assert_eq!(times, ["16:42", "16:10", "15:45"]);
    let article = page(&format!(
        "Port fire forces evacuation\nPosted at 16:42 on 12 March 2023\n\n{ARTICLE_TEXT}"
    ));
    assert_eq!(article.kind, DocumentKind::Article);
}

/// A machine time labelled UTC whose clock the page's dateline shows in the page's zone is the
/// outlet's local time with a wrong label: it is read in the page's zone, and says so. A zoneless
/// machine time with the same clock is no such evidence (it is as often UTC without its `Z`).
#[test]
fn a_utc_label_on_the_pages_local_clock_is_read_as_local() {
    let with = |head: &str, dateline: &str| {
        html(&format!(
            r#"<!DOCTYPE html><html lang="de"><head>
            <link rel="canonical" href="https://www.example-zeitung.de/lokales/bruecke">
            <script type="application/ld+json">{{"@type": "NewsArticle", "headline": "Die Brücke",
            "datePublished": "2020-12-15T14:49:00Z"}}</script>{head}</head>
            <body><h1>Die Brücke</h1>{dateline}{ARTICLE_BODY}</body></html>"#
        ))
    };
    let utc = |doc: &Document| doc.published.as_ref().map(|t| t.utc.to_rfc3339());
    // The dateline shows 14:49 in Berlin: the `Z` was wrong.
    let shown = with("", "<p>15.12.2020, 14:49 Uhr</p>");
    assert_eq!(utc(&shown).as_deref(), Some("2020-12-15T13:49:00+00:00"));
    assert!(
        won_by(&shown, Question::Published)
            .is_some_and(|k| k.ends_with("its UTC label read as the page's local time")),
        "{:?}",
        won_by(&shown, Question::Published)
    );
    // Another machine time gives the true instant, which is the labelled clock in Berlin.
    let meta = with(
        r#"<meta property="article:published_time" content="2020-12-15T13:49:00+00:00">"#,
        "",
    );
    assert_eq!(utc(&meta).as_deref(), Some("2020-12-15T13:49:00+00:00"));
    // A zoneless time with the same clock proves nothing: the label stands.
    let zoneless = with(
        r#"<meta name="publishdate" content="2020-12-15T14:49:00">"#,
        "",
    );
    assert_eq!(utc(&zoneless).as_deref(), Some("2020-12-15T14:49:00+00:00"));
    // Alone, the label stands.
    let alone = with("", "");
    assert_eq!(utc(&alone).as_deref(), Some("2020-12-15T14:49:00+00:00"));
}

/// A scholarly page's `citation_publication_date`, slashed as such pages write it, dates the page.
#[test]
fn a_citation_date_dates_the_page() {
    let doc = html(&format!(
        r#"<!DOCTYPE html><html><head>
        <meta name="citation_publication_date" content="2023/03/12"></head>
        <body><h1>The bridge will close</h1>{ARTICLE_BODY}</body></html>"#
    ));
    assert_eq!(published_day(&doc).as_deref(), Some("2023-03-12"));
}

/// A blog template's hAtom time (`<abbr class="published" title="...">`) dates the page, its
/// visible words (`2:05 PM`) being only a clock; an element whose class marks no publication, or
/// whose title is no time, does not.
#[test]
fn an_hatom_title_dates_the_page() {
    let post = |footer: &str| {
        html(&format!(
            r#"<!DOCTYPE html><html><head></head><body><div class="post hentry">
            <h3 class="post-title entry-title">The bridge will close</h3>{ARTICLE_BODY}
            <div class="post-footer">Posted by Jane at {footer}</div></div></body></html>"#
        ))
    };
    let utc = |doc: &Document| doc.published.as_ref().map(|t| t.utc.to_rfc3339());
    let marked =
        post(r#"<abbr class="published" title="2023-03-12T14:05:00-05:00">2:05 PM</abbr>"#);
    assert_eq!(utc(&marked).as_deref(), Some("2023-03-12T19:05:00+00:00"));
    let unmarked = post(r#"<abbr class="clock" title="2023-03-12T14:05:00-05:00">2:05 PM</abbr>"#);
    assert_eq!(utc(&unmarked), None);
    let no_time = post(r#"<abbr class="published" title="a while ago">2:05 PM</abbr>"#);
    assert_eq!(utc(&no_time), None);
}

/// `<time datetime>` marked as the publication time dates the page; a quoted social post's
/// `<time>` does not.
#[test]
fn a_marked_time_element_dates_the_page_and_a_quoted_one_does_not() {
    let doc = html(&format!(
        r#"<!DOCTYPE html><html><head></head><body><h1>The bridge will close</h1>
        <time class="entry-date published" datetime="2020-06-22T09:30:00+02:00">a while ago</time>
        {ARTICLE_BODY}<blockquote><time datetime="2020-06-20T08:00:00+00:00">June 20</time></blockquote>
        </body></html>"#
    ));
    assert_eq!(
        doc.published.as_ref().map(|t| t.utc.to_rfc3339()),
        Some("2020-06-22T07:30:00+00:00".to_owned())
    );
}

/// The date in a page's address dates it when nothing else does, to the day.
#[test]
fn the_date_in_the_address_dates_a_page_that_prints_none() {
    let doc = html(&format!(
        r#"<!DOCTYPE html><html><head>
        <meta property="og:url" content="https://www.example.cl/deportes/2020/08/24/670291/torneo.html">
        </head><body><h1>El torneo será en línea</h1>{ARTICLE_BODY}</body></html>"#
    ));
    assert_eq!(published_day(&doc).as_deref(), Some("2020-08-24"));
    assert_eq!(
        won_by(&doc, Question::Published).as_deref(),
        Some("the date in og:url")
    );
}

/// An address dates a page by the day its server kept, which may be UTC's: a stamp printed
/// late in the evening west of Greenwich agrees with the next day in the address.
#[test]
fn the_date_in_the_address_agrees_with_a_stamp_on_the_same_utc_day() {
    let doc = html(&format!(
        r#"<!DOCTYPE html><html><head>
        <meta property="og:url" content="https://www.example.com/news/2021/03/05/bridge-vote.html">
        </head><body><h1>The bridge will close</h1><p>March 4, 2021 9:30 p.m. EST</p>{ARTICLE_BODY}</body></html>"#
    ));
    assert_eq!(published_day(&doc).as_deref(), Some("2021-03-04"));
    let decision = doc
        .context
        .decisions
        .iter()
        .find(|d| d.question == Question::Published);
    let agreeing: Vec<&str> = decision
        .map(|d| d.agreeing.iter().map(|c| c.kind.as_str()).collect())
        .unwrap_or_default();
    assert!(agreeing.contains(&"the date in og:url"), "{agreeing:?}");
}

/// Labels in many languages name a line as the page's publication or update time.
#[test]
fn labelled_lines_name_the_pages_times_in_many_languages() {
    let cases = [
        ("Publié le 27/03/2020 à 10h15", "2020-03-27"),
        ("Veröffentlicht am 30.01.2024 um 15:13", "2024-01-30"),
        ("Pubblicato il 12 marzo 2024 alle 17:05", "2024-03-12"),
        ("Опубликовано: 3 декабря 2020, 18:47", "2020-12-03"),
    ];
    for (line, day) in cases {
        let doc = page(&format!(
            "Navigation\n\nA headline about the bridge being closed\n\n{line}\n\n\
             The council voted on Tuesday evening to close the old bridge to cars for the whole of \
             next year, while engineers repair the cracks found in its piers.\n\n\
             Residents who cross it every day will have to take the ferry or the long road around \
             the bay, which adds twenty minutes to the journey each way.\n"
        ));
        assert_eq!(published_day(&doc).as_deref(), Some(day), "{line}");
    }
    let doc = page(
        "A headline about the bridge\n\nAktualisiert am 31.01.2024, 09:00 Uhr\n\n\
         Der Stadtrat hat am Dienstagabend beschlossen, die alte Brücke für ein ganzes Jahr für \
         Autos zu sperren, während Ingenieure die Risse in den Pfeilern reparieren.\n",
    );
    assert_eq!(
        doc.updated
            .as_ref()
            .map(|t| t.local.date_naive().to_string()),
        Some("2024-01-31".to_owned())
    );
}

/// A masthead's "today" far above the article and the dates of related stories below it lose to
/// the dateline under the headline.
#[test]
fn the_dateline_under_the_headline_beats_the_masthead_and_related_stories() {
    let doc = page(
        "Wednesday, September 30, 2020\n\nHome\nWorld\nBusiness\nSport\nWeather\n\n\
         Bridge to close for a year after cracks are found\n\
         By Ann Lee | September 29, 2020\n\n\
         The council voted on Tuesday evening to close the old bridge to cars for the whole of next \
         year, while engineers repair the cracks found in its piers.\n\n\
         Residents who cross it every day will have to take the ferry or the long road around the \
         bay, which adds twenty minutes to the journey each way.\n\n\
         Related stories\n\n\
         Ferry fares to rise in spring\nSeptember 12, 2020\n\n\
         Station car park to be rebuilt\nAugust 30, 2020\n\n\
         New cycle lane opens on the quay\nAugust 2, 2020\n",
    );
    assert_eq!(published_day(&doc).as_deref(), Some("2020-09-29"));
    assert_eq!(doc.kind, DocumentKind::Article);
    assert_eq!(doc.posts.len(), 1);
}

/// A feed of the outlet's latest stories under the article, each a stamp, a title and a teaser
/// cut off with an ellipsis, is no live blog: its teasers are no posts' bodies, and a date a
/// title speaks of (`am Donnerstag, den 10.12.2020`) is no dateline.
#[test]
fn a_feed_of_teasers_under_an_article_makes_no_live_blog() {
    let doc = page(
        "Brücke wird für ein Jahr gesperrt

15.12.2020 \u{2013} 14:49

         Der Stadtrat hat am Dienstagabend beschlossen, die alte Brücke im kommenden Jahr für Autos          zu sperren, während Ingenieure die Risse in den Pfeilern reparieren.

         Wer sie täglich überquert, muss die Fähre oder den langen Weg um die Bucht nehmen, was          jede Fahrt um zwanzig Minuten verlängert.

         Die Arbeiten sollen im März beginnen und bis zum Ende des Jahres dauern, teilte die Stadt          am Abend in einer Erklärung mit.

         Neueste Meldungen

         14.12.2020 \u{2013} 18:03
Fähre fährt ab Januar öfter

         Die Stadt hat mit der Reederei vereinbart, dass die Fähre im Winter alle zwanzig Minuten          fährt, und sucht...

         14.12.2020 \u{2013} 11:15
Konzert im Dom am Donnerstag, den 10.12.2020 ab 20 Uhr

         Der Chor der Stadt singt zum ersten Mal seit dem Frühjahr wieder vor Publikum, mit          Karten zu...

         13.12.2020 \u{2013} 09:40
Neuer Radweg am Kai eröffnet

         Nach zwei Jahren Bauzeit ist der Radweg zwischen Hafen und Bahnhof fertig und wird ab          Montag...

         12.12.2020 \u{2013} 16:20
Parkhaus am Bahnhof wird neu gebaut

         Das alte Parkhaus wird im Sommer abgerissen, der Neubau soll doppelt so viele Plätze          haben und...
",
    );
    assert_eq!(doc.kind, DocumentKind::Article);
    assert_eq!(
        doc.published
            .as_ref()
            .map(|t| t.local.format("%Y-%m-%d %H:%M").to_string()),
        Some("2020-12-15 14:49".to_owned())
    );
}

/// A list of stories whose stamps print no date, above an article whose dateline prints none
/// either: the page is an article, and its item stands at the dateline with the prose under it.
#[test]
fn stamps_with_no_prose_beside_an_article_make_an_article_dated_by_its_own_line() {
    let doc = page(
        "You may also like
         Ferry fares to rise in spring as the operator blames fuel
         Ann LeeMonday 2:30PM
         Station car park to be rebuilt with twice the spaces
         Bo ChenSaturday 4:08PM
         New cycle lane opens on the quay after two years of works
         Ann LeeFriday 2:05PM
         LOCAL
         Bridge to close for a year after cracks are found
         Ann Lee
         Tuesday 6:30PM

         The council voted on Tuesday evening to close the old bridge to cars for the whole of next          year, while engineers repair the cracks found in its piers.

         Residents who cross it every day will have to take the ferry or the long road around the          bay, which adds twenty minutes to the journey each way.

         The works will start in March and last until the end of the year, the council said in a          statement on Tuesday evening.
",
    );
    assert_eq!(doc.kind, DocumentKind::Article);
    assert_eq!(
        won_by(&doc, Question::Kind).as_deref(),
        Some("stamps with no prose of their own, beside an article's")
    );
    let lines: Vec<u32> = doc.posts.iter().map(|p| p.line).collect();
    assert_eq!(lines, vec![11]);
}

/// A dateline may run long after its date (author, categories, a comment count) and still be
/// the page's, though a ticker of the same date form stands above it; a caption's date is not.
#[test]
fn a_long_dateline_under_the_headline_beats_a_ticker_above_it_and_a_caption() {
    let doc = page(
        "The Latest
         [ October 26, 2020 ] Ferry fares to rise in spring Audio
         [ October 25, 2020 ] Station car park to be rebuilt Local News
         [ October 24, 2020 ] New cycle lane opens on the quay Audio
         [ October 24, 2020 ] Market hall reopens after repairs Audio
         Search for:
         Bridge to close for a year after cracks are found
         October 26, 2020 Ann Lee Audio, Local News, Media, News Comments Off on Bridge to close
         FILE - In this June 20, 2020, file photo, cars cross the old bridge at dusk on a summer          evening before the works began (AP Photo/Ann Lee, File)

         The council voted on Monday evening to close the old bridge to cars for the whole of next          year, while engineers repair the cracks found in its piers.

         Residents who cross it every day will have to take the ferry or the long road around the          bay, which adds twenty minutes to the journey each way.
",
    );
    assert_eq!(published_day(&doc).as_deref(), Some("2020-10-26"));
}

/// Under a heading of other stories (`Mehr zum Thema`), bylines with dates are those stories',
/// though the first stands under a headline-like title as a dateline does.
#[test]
fn stamps_under_a_heading_of_other_stories_are_theirs() {
    let doc = page(
        "Brücke wird für ein Jahr gesperrt\n\n\
         Der Stadtrat hat beschlossen, die alte Brücke zu sperren.\n\n\
         Anna Meier\n\
         15.06.2020, 12.11 Uhr\n\
         Teilen\n\
         Der Stadtrat hat am Dienstagabend beschlossen, die alte Brücke im kommenden Jahr für Autos \
         zu sperren, während Ingenieure die Risse in den Pfeilern reparieren.\n\n\
         Wer sie täglich überquert, muss die Fähre oder den langen Weg um die Bucht nehmen, was \
         jede Fahrt um zwanzig Minuten verlängert.\n\n\
         Mehr zum Thema\n\
         Die Fähre fährt ab Januar öfter und länger in die Nacht\n\
         Die Stadt hat mit der Reederei vereinbart, dass die Fähre im Winter alle zwanzig Minuten \
         fährt, auch spät in der Nacht und am Wochenende.\n\
         Anna Meier 04.05.2020\n\
         Das alte Parkhaus am Bahnhof wird im Sommer abgerissen\n\
         Der Neubau soll doppelt so viele Plätze haben und im Herbst des nächsten Jahres öffnen, \
         teilte die Stadt am Abend in einer Erklärung mit.\n\
         Jan Berg 15.12.2019\n",
    );
    assert_eq!(published_day(&doc).as_deref(), Some("2020-06-15"));
}

/// A page is no older than the social posts it quotes: a date days before the latest of them
/// (an old story's, high in a sidebar) loses to one after it.
#[test]
fn a_page_is_no_older_than_the_social_posts_it_quotes() {
    let doc = page(
        "Latest\n\
         Ferry fares to rise in spring\n\
         September 12, 2020\n\n\
         Bridge to close for a year after cracks are found\n\n\
         The council voted on Tuesday evening to close the old bridge to cars for the whole of next \
         year, while engineers repair the cracks found in its piers.\n\n\
         The bridge is closing for a year. Plan your trips now. \u{2014} City Council (@citycouncil) \
         September 27, 2020\n\n\
         Residents who cross it every day will have to take the ferry or the long road around the \
         bay, which adds twenty minutes to the journey each way.\n\n\
         Posted on September 28, 2020 in Local\n",
    );
    assert_eq!(published_day(&doc).as_deref(), Some("2020-09-28"));
}

/// A Japanese release: its dateline under the company's name, a date its profile speaks of
/// (`2020年6月1日現在`, as of), and related releases below that share the dateline's form.
#[test]
fn a_date_a_japanese_sentence_speaks_of_is_no_dateline() {
    let doc = page(
        "橋の通行止めについてのお知らせ\n\
         株式会社サンプル\n\
         2020年7月1日 10時00分\n\
         ツイート\n\n\
         当社は本日、老朽化した橋の補修工事のため、来年の三月から一年間にわたり橋を通行止めにすることを決定いたしましたので、お知らせいたします。工事期間中はフェリーをご利用ください。\n\n\
         店舗数：187店舗 2020年6月1日現在\n\n\
         関連リリース\n\
         新しいフェリーの運航についてのお知らせ\n\
         2020年6月22日 15時00分\n\
         駅前駐車場の建て替えについてのお知らせ\n\
         2020年6月1日 13時13分\n\
         新しい自転車道の開通についてのお知らせ\n\
         2020年5月19日 11時00分\n",
    );
    assert_eq!(published_day(&doc).as_deref(), Some("2020-07-01"));
    // The profile's `as of` date is no clue at all.
    let published = doc
        .context
        .decisions
        .iter()
        .find(|d| d.question == Question::Published);
    let lines: Vec<Option<u32>> = published
        .map(|d| {
            d.agreeing
                .iter()
                .chain(&d.runners_up)
                .map(|c| c.line)
                .collect()
        })
        .unwrap_or_default();
    assert!(!lines.contains(&Some(8)), "{lines:?}");
}

/// The dates of a comment thread under an article are its comments', not the page's.
#[test]
fn a_comment_threads_dates_are_not_the_pages() {
    let doc = page(
        "Bridge to close for a year after cracks are found\n\n06-09-2024 • 07:30\n\n\
         The council voted on Tuesday evening to close the old bridge to cars for the whole of next \
         year, while engineers repair the cracks found in its piers.\n\n\
         Residents who cross it every day will have to take the ferry or the long road around the \
         bay, which adds twenty minutes to the journey each way.\n\n\
         Comments (3)\n\n\
         annb 6 september 2024 12:59\n\
         This is going to be a nightmare for everyone who commutes across the bay every morning.\n\
         Reply\n\n\
         kees 6 september 2024 13:10\n\
         The ferry is fine, honestly, and it is nicer than sitting in traffic on the bridge anyway.\n\
         Reply\n\n\
         mo 6 september 2024 14:02\n\
         They should have repaired it years ago when the first cracks were reported by the papers.\n\
         Reply\n",
    );
    assert_eq!(
        doc.published
            .as_ref()
            .map(|t| t.local.format("%Y-%m-%d %H:%M").to_string()),
        Some("2024-09-06 07:30".to_owned())
    );
}

/// A share bar's `Comments` button, among its other buttons above the article, heads no comment
/// thread: the article under it keeps its body.
#[test]
fn a_share_bars_comments_button_heads_no_thread() {
    let doc = page(
        "Markets data is delayed by at least fifteen minutes and is provided for information only, \
         not for trading purposes; see the terms of use of the data provider for details.\n\n\
         Ferry operator's shares fall after a weak quarter\n\
         Published 06-09-2024 07:30\n\
         Facebook\nTwitter\nComments\nPrint\nEmail\n\n\
         The operator of the harbour ferries reported a loss for the third quarter on Tuesday, and \
         its shares fell by a tenth in early trading as investors weighed the cost of repairs.\n\n\
         The company said the two ferries out of service since the summer would sail again next \
         month, and that bookings for the winter were above last year's.\n",
    );
    let text = doc
        .posts
        .first()
        .map(|p| p.text.as_str())
        .unwrap_or_default();
    assert!(text.contains("bookings for the winter"), "{:?}", doc.posts);
}

/// A numeric date that reads both ways is read the way the page's other dates agree with.
#[test]
fn a_numeric_date_is_read_the_way_the_pages_other_dates_agree() {
    let doc = page(
        "Bridge to close for a year\n\nPosted by Ann Lee, 06/01/2020\n\n\
         The council voted on Tuesday evening to close the old bridge to cars for the whole of next \
         year, while engineers repair the cracks found in its piers.\n\n\
         Residents who cross it every day will have to take the ferry or the long road around the \
         bay, which adds twenty minutes to the journey each way.\n\n\
         Share this story, first shared Jun 1, 2020 at 3:27 pm\n",
    );
    assert_eq!(published_day(&doc).as_deref(), Some("2020-06-01"));
}

/// A page that prints only when it was updated has its article dated by that time, with a
/// warning that says so.
#[test]
fn an_update_time_alone_dates_the_article_with_a_warning() {
    let (doc, diagnostics) = read(
        "update.txt",
        "Stocks slip as talks stall\n\nUpdated 0339 GMT (1139 HKT) November 19, 2019\n\n\
         Asian markets fell on Tuesday as investors waited for news from the trade talks between \
         the two largest economies in the world.\n\n\
         Hong Kong's main index lost one per cent in early trading, while Tokyo was flat.\n"
            .as_bytes(),
        &Options::default(),
    );
    let time = doc.posts.first().and_then(|p| p.time.as_ref());
    assert_eq!(
        time.map(|t| t.utc.to_rfc3339()),
        Some("2019-11-19T03:39:00+00:00".to_owned())
    );
    assert!(diagnostics.iter().any(|d| d.code == "dated-by-update"));
}

/// A JSON-LD publication time later than its own modification time loses to the dateline the
/// page shows, which its modification time confirms.
#[test]
fn a_publication_time_after_its_own_modification_loses_to_the_visible_dateline() {
    let doc = html(&format!(
        r#"<!DOCTYPE html><html><head>
        <script type="application/ld+json">{{"@type": "NewsArticle", "headline": "The bridge will close",
        "datePublished": "19 Nov 2019 07:09 GMT", "dateModified": "19 Nov 2019 05:44 GMT"}}</script>
        </head><body><h1>The bridge will close</h1><p>19 Nov 2019 05:44 GMT</p>{ARTICLE_BODY}</body></html>"#
    ));
    assert_eq!(
        doc.published.as_ref().map(|t| t.utc.to_rfc3339()),
        Some("2019-11-19T05:44:00+00:00".to_owned())
    );
}

/// Every decision is in the document, with its clue.
#[test]
fn every_question_is_answered_in_the_record() {
    let doc = page("A title\n\nSome text.\n");
    let asked: Vec<Question> = doc.context.decisions.iter().map(|d| d.question).collect();
    for q in [
        Question::Url,
        Question::Outlet,
        Question::Language,
        Question::Country,
        Question::Zone,
        Question::CapturedAt,
        Question::Kind,
        Question::Published,
        Question::Updated,
        Question::PageDate,
        Question::Order,
    ] {
        assert!(asked.contains(&q), "{q:?}");
    }
}

/// The places a page names place it where one country's are named again and again and each of
/// the others' once or twice (a list of a trip's stops abroad), though those countries name more
/// places in all.
#[test]
fn the_country_named_most_often_places_the_page_past_a_list_of_others() {
    let place = |country: &str, mentions, distinct| super::Places {
        country: country.to_owned(),
        mentions,
        distinct,
        place: String::new(),
        tz: dateline_time::Tz::UTC,
        line: 1,
    };
    let (fr, it, au) = (place("FR", 3, 3), place("IT", 2, 2), place("AU", 12, 1));
    assert_eq!(
        super::placed_by(&[&fr, &it, &au]).map(|p| p.country.as_str()),
        Some("AU")
    );
    // Named not four times as often as the others, it places nothing.
    let au = place("AU", 8, 1);
    assert_eq!(
        super::placed_by(&[&fr, &it, &au]).map(|p| p.country.as_str()),
        None
    );
}

/// A text copy's own address, printed where its line says it is the page's (a citation's
/// `retrieved ... from`), is the page's address in the record, as a canonical link would be.
#[test]
fn a_printed_address_of_the_page_is_its_url() {
    let doc = page(
        "Frogs sing in the rain, study finds\n\n\
         Frogs sing more after rain than before it, researchers who recorded ponds across a whole \
         summer found, and the songs carry further in the damp night air than in dry weather.\n\n\
         Citation: Frogs sing in the rain (2021, May 3) retrieved 4 May 2021 from \
         https://example.org/news/2021-05-frogs-sing.html\n",
    );
    assert_eq!(
        doc.context.url.as_deref(),
        Some("https://example.org/news/2021-05-frogs-sing.html")
    );
}

/// Several strong clues that lose one decision are one cause: one `page-time-disagrees` warning,
/// naming the first and counting the rest, which the page context lists.
#[test]
fn clues_that_lose_one_decision_give_one_warning() {
    let text = format!(
        r#"<!DOCTYPE html><html><head>
        <script type="application/ld+json">{{"@type": "NewsArticle", "headline": "The bridge will close",
        "datePublished": "2020-06-22T09:30:00+02:00"}}</script>
        <meta property="article:published_time" content="2020-06-22T09:30:00+02:00">
        </head><body><h1>The bridge will close</h1>
        <p>Published: June 2, 2020 10:00</p>
        <time class="entry-date published" datetime="2020-06-01T07:00:00+00:00">June 1</time>
        {ARTICLE_BODY}</body></html>"#
    );
    let (doc, diagnostics) = read("page.html", text.as_bytes(), &Options::default());
    assert_eq!(
        doc.published.as_ref().map(|t| t.utc.to_rfc3339()),
        Some("2020-06-22T07:30:00+00:00".to_owned())
    );
    let disagree: Vec<&str> = diagnostics
        .iter()
        .filter(|d| d.code == "page-time-disagrees")
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(disagree.len(), 1, "{disagree:?}");
    assert!(
        disagree[0].ends_with("(1 more clue disagrees too: `dateline explain` lists it)"),
        "{disagree:?}"
    );
}

/// A page whose outlet nothing names is known by its address's domain, `www.` dropped, and the
/// decision says so; a known outlet's name still wins, and a page with no address has none.
#[test]
fn an_unknown_outlet_is_named_by_the_domain_of_the_pages_address() {
    let story = "<h1>Council approves the budget</h1>\
         <p>12 March 2024, 17:05</p>\
         <p>The council approved the budget this evening after a long debate about the roads.</p>";
    let doc = html(&format!(
        "<html><head><link rel=\"canonical\" href=\"https://WWW.Example-News.com/story/1\">\
         </head><body>{story}</body></html>"
    ));
    assert_eq!(
        doc.context.url.as_deref(),
        Some("https://WWW.Example-News.com/story/1")
    );
    assert_eq!(doc.outlet.as_deref(), Some("example-news.com"));
    assert_eq!(
        won_by(&doc, Question::Outlet).as_deref(),
        Some("the domain of the page's address")
    );

    let named = html(&format!(
        "<html><head><link rel=\"canonical\" href=\"https://www.example-news.com/story/1\">\
         <meta property=\"og:site_name\" content=\"Example News\"></head><body>{story}</body></html>"
    ));
    assert_eq!(named.outlet.as_deref(), Some("Example News"));

    let local = html(&format!(
        "<html><head><link rel=\"canonical\" href=\"http://127.0.0.1:8000/story\">\
         </head><body>{story}</body></html>"
    ));
    assert_eq!(local.outlet, None);
    assert_eq!(
        page("Council approves the budget\n\n12 March 2024, 17:05\n").outlet,
        None
    );
}

/// A web archive's record of when it fetched the page is its capture time, the "now" of its
/// relative stamps, and its target address the page's URL, both as clues below the user's.
#[test]
fn a_web_archives_record_gives_the_capture_time_and_the_address() {
    let text = "<html><body><p>The Daily Example</p><h1>Storm hits coast</h1><p>2 hours ago</p>\
        <p>A storm hit the coast on Tuesday, officials said. Hundreds of homes lost power and roads \
        were closed across the region.</p>\
        <p>The weather service said the storm would weaken overnight.</p></body></html>";
    let fetched: chrono::DateTime<chrono::Utc> = "2024-03-12T18:00:00Z".parse().unwrap_or_default();
    let mut options = Options {
        fetched_at: Some(fetched),
        saved_from: Some("https://news.example.org/budget".to_owned()),
        ..Options::default()
    };
    let (doc, _) = read("page.html", text.as_bytes(), &options);
    assert_eq!(doc.context.captured_at, Some(fetched));
    assert_eq!(
        won_by(&doc, Question::CapturedAt).as_deref(),
        Some("the web archive's record of when it was fetched")
    );
    assert_eq!(
        doc.context.url.as_deref(),
        Some("https://news.example.org/budget")
    );
    assert_eq!(
        doc.posts
            .first()
            .and_then(|p| p.time.as_ref())
            .map(|t| t.utc.to_rfc3339()),
        Some("2024-03-12T16:00:00+00:00".to_owned())
    );
    // What the user says outweighs the archive.
    let given: chrono::DateTime<chrono::Utc> = "2024-03-13T09:00:00Z".parse().unwrap_or_default();
    options.captured_at = Some(given);
    let (doc, _) = read("page.html", text.as_bytes(), &options);
    assert_eq!(doc.context.captured_at, Some(given));
}
