//! Tests of the whole extraction on small fixtures written for them, each reproducing a
//! structure found on real saved pages.

use chrono::{DateTime, FixedOffset};
use dateline_model::Severity;

use super::*;

const LIVEBLOG_LD_GRAPH: &str = include_str!("../../tests/fixtures/html/liveblog-ld-graph.html");
const MICRODATA_LIVEBLOG: &str = include_str!("../../tests/fixtures/html/microdata-liveblog.html");
const GERMAN_ARTICLE: &str = include_str!("../../tests/fixtures/html/german-article.html");

fn at(s: &str) -> Option<DateTime<FixedOffset>> {
    DateTime::parse_from_rfc3339(s).ok()
}

/// [`super::extract`] with no limit on the updates read.
fn extract(html: &str) -> HtmlPage {
    super::extract(html, usize::MAX)
}

fn codes(page: &HtmlPage) -> Vec<&str> {
    page.notes.iter().map(|n| n.code.as_str()).collect()
}

#[test]
fn html_is_detected_by_content() {
    assert!(looks_like_html(
        "<!DOCTYPE html><html><body>x</body></html>"
    ));
    assert!(looks_like_html(
        "\u{feff}  \n<!-- saved from url=(0014)about:internet -->\n<html lang=\"en\">"
    ));
    assert!(looks_like_html(
        "<?xml version=\"1.0\"?>\n<!doctype HTML PUBLIC \"-//W3C//DTD XHTML 1.0\">"
    ));
    assert!(looks_like_html("<head><meta charset=utf-8>"));
    assert!(looks_like_html("<div class=\"page\">"));
    assert!(!looks_like_html(
        "Iran news – live\n\nUse <div> to wrap the post.\n<html> is a tag."
    ));
    assert!(!looks_like_html("Jo Bloggs 3 January 2020 12:44"));
    assert!(!looks_like_html("<divider>"));
    assert!(!looks_like_html("<!-- never closed <html>"));
    assert!(!looks_like_html(""));
}

#[test]
fn liveblog_updates_are_read_from_a_json_ld_graph() {
    let page = extract(LIVEBLOG_LD_GRAPH);
    assert!(page.notes.is_empty(), "{:?}", page.notes);
    let blogs: Vec<&Item> = page.machine.live_blogs().collect();
    assert_eq!(blogs.len(), 1);
    let blog = blogs[0];
    assert_eq!(blog.source, Source::JsonLd { block: 1 });
    assert_eq!(
        blog.headline.as_deref(),
        Some("Town news LIVE: roads closed after storm")
    );
    assert_eq!(
        blog.published.as_ref().and_then(MachineTime::instant),
        at("2020-10-06T07:15:59Z")
    );
    assert_eq!(
        blog.modified.as_ref().map(|t| t.raw.as_str()),
        Some("2020-10-06T20:22:53Z")
    );
    assert_eq!(
        blog.coverage_start.as_ref().map(|t| t.raw.as_str()),
        Some("2020-10-06T07:15:59Z")
    );
    assert_eq!(blog.authors, ["Sam Reporter"]);
    assert_eq!(blog.updates.len(), 2);
    let first = &blog.updates[0];
    assert_eq!(first.headline.as_deref(), Some("Goodnight"));
    assert_eq!(
        first.published.as_ref().and_then(MachineTime::instant),
        at("2020-10-06T21:22:53.212+01:00")
    );
    assert_eq!(first.authors, ["Sam Reporter"]);
    assert_eq!(
        first.url.as_deref(),
        Some("https://echo.example/news/storm-live-123#2")
    );
    let second = &blog.updates[1];
    // Markup and entities inside `articleBody` come out as text.
    assert_eq!(
        second.body.as_deref(),
        Some("Read our guide & stay safe.\n\nMore soon.")
    );
    assert_eq!(
        second.modified.as_ref().and_then(MachineTime::instant),
        at("2020-10-06T08:05:00+01:00")
    );
    assert_eq!(second.authors, ["Sam Reporter"]);
    let m = &page.machine;
    assert_eq!(m.lang.as_deref(), Some("en-GB"));
    assert_eq!(
        m.canonical.as_deref(),
        Some("https://echo.example/news/storm-live-123")
    );
    assert_eq!(m.og_type.as_deref(), Some("article"));
    assert_eq!(
        m.title.as_deref(),
        Some("Town news LIVE: roads closed after storm - Town Echo")
    );
    assert_eq!(
        m.titles[0].value,
        "Town news LIVE: roads closed after storm"
    );
    let sites: Vec<&str> = m.site_names.iter().map(|s| s.value.as_str()).collect();
    assert_eq!(sites, ["Town Echo", "Town Echo"]);
    assert_eq!(
        m.site_names[0].source,
        Source::Meta {
            name: "og:site_name".into()
        }
    );
    let roles: Vec<(TimeRole, &str)> = m
        .times
        .iter()
        .map(|t| (t.role, t.time.raw.as_str()))
        .collect();
    assert_eq!(
        roles,
        [
            (TimeRole::Published, "2020-10-06T20:22:53Z"),
            (TimeRole::Modified, "2020-10-06T20:22:53Z")
        ]
    );
    assert_eq!(
        page.text,
        "Home\nNews\nTown news LIVE: roads closed after storm\nBy Sam Reporter\nGoodnight\n21:22\n\n\
         We are logging off for the night.\n\nIn case you missed it\n08:01\n\nRead our guide & stay safe.\n\nMore soon."
    );
}

#[test]
fn cdata_wrapped_blocks_are_read_and_blocks_are_numbered() {
    let html = "<html><head>\
        <script type=\"application/ld+json\">//<![CDATA[\n{\"@type\":\"VideoObject\",\"name\":\"clip\"}\n//]]></script>\
        <script type=\"application/ld+json\"><![CDATA[{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\
          \"headline\":\"Impeachment fails\",\"datePublished\":\"2024-12-06T22:00:40.000Z\",\
          \"dateModified\":\"2024-12-07T12:43:39.889Z\",\"author\":[{\"name\":\"Stella Kim\"},{\"name\":\"Jennifer Jett\"}]}]]></script>\
        </head><body><p>Text</p></body></html>";
    let page = extract(html);
    assert!(page.notes.is_empty(), "{:?}", page.notes);
    assert_eq!(page.machine.items.len(), 1);
    let article = &page.machine.items[0];
    assert_eq!(article.kind, ItemKind::Article);
    assert_eq!(article.type_name, "NewsArticle");
    assert_eq!(article.source, Source::JsonLd { block: 2 });
    assert_eq!(article.authors, ["Stella Kim", "Jennifer Jett"]);
    assert_eq!(
        article.modified.as_ref().and_then(MachineTime::instant),
        at("2024-12-07T12:43:39.889Z")
    );
}

#[test]
fn several_blocks_top_level_arrays_and_type_arrays_are_all_read() {
    let page = extract(GERMAN_ARTICLE);
    assert!(page.notes.is_empty(), "{:?}", page.notes);
    let article = &page.machine.items[0];
    assert_eq!(article.kind, ItemKind::Article);
    assert_eq!(
        article.headline.as_deref(),
        Some("Russland-Wahl: Kandidat setzt auf ein Ende der Ära")
    );
    assert_eq!(
        article.published.as_ref().and_then(MachineTime::instant),
        at("2024-01-30T14:13:12.269Z")
    );
    assert_eq!(article.authors, ["Erika Muster"]);
    assert_eq!(page.machine.lang.as_deref(), Some("de"));
    let sites: Vec<&str> = page
        .machine
        .site_names
        .iter()
        .map(|s| s.value.as_str())
        .collect();
    assert_eq!(sites, ["dw.com", "Deutsche Welle"]);
    // No `<time>` or meta times: the German date is only in the text, for dateline-time.
    assert!(page.machine.times.is_empty());
    assert_eq!(
        page.text,
        "Startseite Themen\nRussland-Wahl: Kandidat setzt auf ein Ende der Ära\n30.01.2024\n\n\
         Er will bei der Präsidentenwahl im März antreten. Die Wahlkommission prüft noch die Unterschriften.\n\n\
         Ein Wahllokal\nBild: Agentur\n\nAm Mittwoch, 31. Januar, soll entschieden werden.\n\n\
         Bitte aktivieren Sie JavaScript."
    );
}

#[test]
fn invalid_json_ld_is_noted_and_the_other_blocks_still_read() {
    let html = "<html><head>\
        <script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": }</script>\
        <script type=\"application/ld+json\">{\"@type\": \"WebPage\", \"name\": \"Page\"}</script>\
        </head><body></body></html>";
    let page = extract(html);
    assert_eq!(codes(&page), ["json-ld-invalid"]);
    assert_eq!(page.notes[0].severity, Severity::Warning);
    assert!(
        page.notes[0]
            .message
            .starts_with("json-ld block 1 is not valid json ("),
        "{}",
        page.notes[0].message
    );
    assert_eq!(page.machine.items.len(), 1);
    assert_eq!(page.machine.items[0].kind, ItemKind::WebPage);
    assert_eq!(page.machine.items[0].source, Source::JsonLd { block: 2 });
}

#[test]
fn json_ld_with_comments_trailing_commas_and_entities_is_repaired_and_said() {
    let page = extract(MICRODATA_LIVEBLOG);
    assert_eq!(codes(&page), ["json-ld-repaired"]);
    assert_eq!(page.notes[0].severity, Severity::Info);
    let article = &page.machine.items[0];
    assert_eq!(article.source, Source::JsonLd { block: 1 });
    // The raw string is kept; the entity is decoded for the parse.
    let published = article.published.as_ref();
    assert_eq!(
        published.map(|t| t.raw.as_str()),
        Some("2023-11-02T10:14:29&#x2B;05:30")
    );
    assert_eq!(
        published.and_then(MachineTime::instant),
        at("2023-11-02T10:14:29+05:30")
    );
}

#[test]
fn microdata_liveblog_updates_are_read_with_their_properties() {
    let page = extract(MICRODATA_LIVEBLOG);
    let blogs: Vec<&Item> = page.machine.live_blogs().collect();
    assert_eq!(blogs.len(), 1);
    let blog = blogs[0];
    assert_eq!(blog.source, Source::Microdata);
    assert_eq!(blog.headline.as_deref(), Some("India vs Sri Lanka live"));
    // The parser decodes the entity in the attribute.
    assert_eq!(
        blog.published.as_ref().and_then(MachineTime::instant),
        at("2023-11-02T10:14:29+05:30")
    );
    assert_eq!(
        blog.coverage_start.as_ref().map(|t| t.raw.as_str()),
        Some("2023-11-02T16:00:24+05:30")
    );
    assert_eq!(blog.updates.len(), 2);
    let first = &blog.updates[0];
    assert_eq!(first.headline.as_deref(), Some("It's a wrap!"));
    assert_eq!(first.body.as_deref(), Some("That's it from the game."));
    assert_eq!(
        first.published.as_ref().map(|t| t.source.clone()),
        Some(Source::Microdata)
    );
    assert_eq!(
        first.published.as_ref().and_then(MachineTime::instant),
        at("2023-11-02T21:06:52+05:30")
    );
    assert_eq!(first.authors, ["Sports Desk"]);
    assert_eq!(first.url.as_deref(), Some("https://sports.example/live#80"));
    // A BlogPosting item inside the live blog's scope is an update too; values from
    // `datetime` and from text.
    let second = &blog.updates[1];
    assert_eq!(
        second.published.as_ref().map(|t| t.raw.as_str()),
        Some("2023-11-02T20:51:11+05:30")
    );
    assert_eq!(
        second.headline.as_deref(),
        Some("Shami named Player of the Match")
    );
    assert_eq!(
        second.body.as_deref(),
        Some("Mohammed Shami gets the award.")
    );
    assert_eq!(second.authors, ["Sports Desk"]);
    // The page-level meta is read both as a meta and as microdata; the update's `<time>` too.
    let times: Vec<(TimeRole, Source, &str)> = page
        .machine
        .times
        .iter()
        .map(|t| (t.role, t.time.source.clone(), t.time.raw.as_str()))
        .collect();
    assert_eq!(
        times,
        [
            (
                TimeRole::Published,
                Source::Meta {
                    name: "publish-date".into()
                },
                "2023-11-02T21:20:38+05:30"
            ),
            (
                TimeRole::Unknown,
                Source::TimeElement,
                "2023-11-02T20:51:11+05:30"
            ),
            (
                TimeRole::Published,
                Source::Microdata,
                "2023-11-02T21:20:38+05:30"
            ),
        ]
    );
}

#[test]
fn time_elements_keep_their_text_even_when_they_contradict_json_ld() {
    // A real page gives `11:48:00Z` in `<time>` where its JSON-LD says `11:48:00+01:00`: the wall
    // clock written as UTC. Both are kept, each with its source, for the reader to cross-check.
    let html = "<!DOCTYPE html><html><head>\
        <meta property=\"article:published_time\" content=\"2024-07-18T11:48:00+01:00\">\
        <script type=\"application/ld+json\">{\"@type\":\"LiveBlogPosting\",\"datePublished\":\"2024-07-18T11:48:00+01:00\",\
          \"liveBlogUpdate\":[{\"@type\":\"BlogPosting\",\"headline\":\"A &#39;quoted&#39; word\",\"datePublished\":\"2024-07-18T11:48:00+01:00\"},\
          {\"@type\":\"BlogPosting\",\"datePublished\":\"2024-07-18T07:06:00+01:00\"},\
          {\"@type\":\"BlogPosting\",\"datePublished\":\"2024-07-18T07:06:00+01:00\"}]}</script>\
        </head><body><div><time datetime=\"2024-07-18T11:48:00Z\"> 11:48, Thu, Jul 18, 2024 </time>\
        <time data-time=\"2024-07-18T11:48\">11:48</time></div></body></html>";
    let page = extract(html);
    let blog = &page.machine.items[0];
    assert_eq!(blog.updates.len(), 3);
    assert_eq!(blog.updates[0].headline.as_deref(), Some("A 'quoted' word"));
    let ld = blog.published.as_ref().and_then(MachineTime::instant);
    let times = &page.machine.times;
    assert_eq!(times.len(), 2);
    let element = &times[1];
    assert_eq!(element.time.source, Source::TimeElement);
    assert_eq!(element.text.as_deref(), Some("11:48, Thu, Jul 18, 2024"));
    let shown = element.time.instant();
    assert_eq!(shown, at("2024-07-18T11:48:00Z"));
    assert_ne!(shown, ld);
}

#[test]
fn times_that_are_not_iso_are_kept_raw() {
    let html = "<html><head><script type=\"application/ld+json\">\
        {\"@type\":\"NewsArticle\",\"datePublished\":\"19 Nov 2019 07:09 GMT\",\"dateModified\":\"2019-11-19T07:09\"}</script>\
        <meta name=\"pubdate\" content=\"25.09.2020\"><meta property=\"og:updated_time\" content=\"2019-11-19T04:54:08+0000\">\
        </head><body><time datetime=\"Tue Nov 19 2019 05:44:06 GMT+0000\">19 Nov 2019 05:44 GMT</time></body></html>";
    let page = extract(html);
    let article = &page.machine.items[0];
    assert_eq!(
        article
            .published
            .as_ref()
            .map(|t| (t.raw.as_str(), t.parsed)),
        Some(("19 Nov 2019 07:09 GMT", None))
    );
    assert!(matches!(
        article.modified.as_ref().and_then(|t| t.parsed),
        Some(ParsedTime::Zoneless(_))
    ));
    let parsed: Vec<(TimeRole, bool)> = page
        .machine
        .times
        .iter()
        .map(|t| (t.role, t.time.parsed.is_some()))
        .collect();
    assert_eq!(
        parsed,
        [
            (TimeRole::Published, false),
            (TimeRole::Modified, true),
            (TimeRole::Unknown, false)
        ]
    );
}

#[test]
fn a_page_without_machine_data_gives_only_text() {
    let html = "<html><body><h1>Plain page</h1><p>Nothing machine-readable here.</p></body></html>";
    let page = extract(html);
    // The headline's place is known (it anchors the page's dateline), and nothing else.
    let expected = Machine {
        headline_at: Some(4),
        h1: Some("Plain page".to_owned()),
        ..Machine::default()
    };
    assert_eq!(page.machine, expected);
    assert!(page.notes.is_empty());
    assert_eq!(page.text, "Plain page\n\nNothing machine-readable here.");
}

#[test]
fn garbage_and_hostile_input_never_panics() {
    let deep_divs = "<div>".repeat(3_000) + "deep" + &"</div>".repeat(3_000);
    let page = extract(&deep_divs);
    assert_eq!(page.text, "deep");
    let deep_updates =
        "<div itemprop=\"liveBlogUpdate\" itemscope><span itemprop=\"articleBody\">x".repeat(2_000);
    // Past the depth bound an element's tags are left out, so the updates nested deeper are not
    // read as updates (their text is), and a warning says so.
    let page = extract(&deep_updates);
    assert_eq!(
        page.machine.items.first().map(|i| i.updates.len()),
        Some(bound::MAX_DEPTH / 2)
    );
    assert_eq!(codes(&page), ["html-too-deep"]);
    let deep_times = "<time datetime=\"2020-01-01T00:00Z\">".repeat(2_000);
    assert_eq!(extract(&deep_times).machine.times.len(), bound::MAX_DEPTH);
    let deep_json = format!(
        "<script type=\"application/ld+json\">{}{}</script>",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    assert_eq!(codes(&extract(&deep_json)), ["json-ld-invalid"]);
    let huge_attr = format!(
        "<html lang=\"{}\"><body><p title=\"{}\">ok</p>",
        "x".repeat(1 << 20),
        "y".repeat(1 << 20)
    );
    assert_eq!(extract(&huge_attr).text, "ok");
    let unclosed =
        "<script type=\"application/ld+json\"><![CDATA[{\"@type\":\"Article\",\"headline\":\"h\"}";
    assert_eq!(extract(unclosed).machine.items.len(), 1);
    for garbage in [
        "",
        "\0\u{fffd}<<<>>>&&&;;",
        "<table><td><tr><th>a<td>b</table></table>",
        "<p><b><i>nested</b></i></p><br/><br><pre>\n x\n</pre>",
        "<script type=\"application/ld+json\">\u{0}{,,}]]></script><svg><title>t</title></svg>",
        "<time datetime=\"9999-99-99T99:99:99+99:99\">x</time><meta name=date content=\"&#xFFFFFFFF;\">",
        "<div itemscope itemtype=\"https://schema.org/LiveBlogPosting\"><div itemscope itemtype=\"BlogPosting\"><div itemprop=author itemscope><b itemprop=name>",
    ] {
        let _ = extract(garbage);
        let _ = looks_like_html(garbage);
    }
}

/// A page whose JSON-LD lists `n` live-blog updates, none of them shown.
fn live_blog_with_updates(n: usize) -> String {
    let updates: Vec<String> = (0..n)
        .map(|i| {
            format!(
                r#"{{"@type":"BlogPosting","headline":"Update {i}","articleBody":"Body {i}.","datePublished":"2024-07-04T{:02}:{:02}:00+01:00"}}"#,
                10 + i / 60 % 12,
                i % 60
            )
        })
        .collect();
    format!(
        r#"<!DOCTYPE html><html lang="en"><head><script type="application/ld+json">{{"@context":"https://schema.org","@type":"LiveBlogPosting","headline":"Storm live","liveBlogUpdate":[{}]}}</script></head><body><h1>Storm live</h1><p>Thu 4 Jul 2024 09.00 BST</p></body></html>"#,
        updates.join(",")
    )
}

#[test]
fn updates_past_the_limit_of_posts_are_counted_not_read() {
    let page = live_blog_with_updates(5_000);
    let extracted = super::extract(&page, 10);
    let blog = extracted.machine.live_blogs().next().cloned();
    assert_eq!(blog.as_ref().map(|b| b.updates.len()), Some(10));
    assert_eq!(blog.map(|b| b.updates_left_out), Some(4_990));
    let options = crate::Options {
        max_posts: 10,
        ..crate::Options::default()
    };
    let (doc, diagnostics) = crate::read("storm.html", page.as_bytes(), &options);
    assert_eq!(doc.posts.len(), 10);
    let over: Vec<&str> = diagnostics
        .iter()
        .filter(|d| d.code == "too-many-posts")
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(over.len(), 1, "{diagnostics:?}");
    assert!(
        over[0].starts_with("4990 updates of the page's machine data that the page does not show were left out, past the limit of 10 posts"),
        "{over:?}"
    );
    assert!(over[0].contains("4990 of them"), "{over:?}");
}

#[test]
fn updates_within_the_limit_are_all_read() {
    let page = live_blog_with_updates(30);
    let blog = super::extract(&page, 30)
        .machine
        .live_blogs()
        .next()
        .cloned();
    assert_eq!(blog.as_ref().map(|b| b.updates.len()), Some(30));
    assert_eq!(blog.map(|b| b.updates_left_out), Some(0));
}

#[test]
fn a_tree_deeper_than_a_browser_builds_keeps_its_text_with_a_warning() {
    let n = 5_000;
    let html = format!(
        "<html><body>{}<p>Posted at 12:30 GMT</p>{}</body></html>",
        "<div>".repeat(n),
        "</div>".repeat(n)
    );
    let page = extract(&html);
    assert_eq!(page.text, "Posted at 12:30 GMT");
    assert_eq!(codes(&page), ["html-too-deep"]);
    let attributes: String = (0..1_000).map(|i| format!(" data-a{i}=x")).collect();
    let page = extract(&format!(
        "<html><body><p{attributes} hidden>Hidden</p><p>Shown</p></body></html>"
    ));
    // The element keeps its first attributes only, so a `hidden` past them does not count.
    assert_eq!(page.text, "Hidden\n\nShown");
    assert_eq!(codes(&page), ["html-too-many-attributes"]);
}

#[test]
fn json_ld_text_with_entities_reads_as_the_page_shows_it() {
    // The machine data escapes its text as HTML; the page shows the characters. Undecoded, the
    // title read `It&rsquo;s ...` and the updates matched no visible post.
    let page = r#"<!DOCTYPE html><html><head><title>Site</title>
<link rel="canonical" href="https://www.theguardian.com/world/live/2024/jul/04/a-live-blog">
<script type="application/ld+json">{"@type": "LiveBlogPosting",
  "headline": "It&rsquo;s the caf&eacute; &mdash; live &foo;",
  "liveBlogUpdate": [
    {"headline": "Minister&#8217;s r&eacute;sum&eacute; &mdash; a long headline", "datePublished": "2024-07-04T12:50:00+01:00"},
    {"headline": "Mayor&#x2019;s caf&eacute; &mdash; another headline", "datePublished": "2024-07-04T11:05:00+01:00"}]}
</script></head><body><h1>It’s the café — live &amp;foo;</h1>
<div><p>Thu 4 Jul 2024 10.00 BST</p></div>
<div><p>12.50 BST</p><h2>Minister’s résumé — a long headline</h2><p>Second post.</p></div>
<div><p>11.05 BST</p><h2>Mayor’s café — another headline</h2><p>First post.</p></div>
</body></html>"#;
    let (doc, _) = crate::read("blog.html", page.as_bytes(), &crate::Options::default());
    assert_eq!(
        doc.title.as_deref(),
        Some("It\u{2019}s the caf\u{e9} \u{2014} live &foo;")
    );
    let headlines: Vec<(Option<&str>, bool)> = doc
        .posts
        .iter()
        .map(|p| (p.headline.as_deref(), p.visible))
        .collect();
    assert_eq!(
        headlines,
        [
            (
                Some("Minister\u{2019}s r\u{e9}sum\u{e9} \u{2014} a long headline"),
                true
            ),
            (
                Some("Mayor\u{2019}s caf\u{e9} \u{2014} another headline"),
                true
            ),
        ]
    );
    let notes = &doc.posts[0]
        .time
        .as_ref()
        .map(|t| t.basis.notes.clone())
        .unwrap_or_default();
    assert!(
        notes
            .iter()
            .any(|n| n.contains("liveBlogUpdate datePublished agrees")),
        "{notes:?}"
    );
}

/// An article whose page shows neither a stamp nor its headline is dated by its machine data,
/// and cites the line of the file where that date stands.
#[test]
fn an_item_dated_by_machine_data_alone_cites_the_date_in_the_file() {
    let page = "<!DOCTYPE html>\n<html><head>\n<script type=\"application/ld+json\">\n{\"@type\": \"NewsArticle\",\n \"headline\": \"A title the page never prints\",\n \"datePublished\": \"2021-05-04T08:30:00+02:00\"}\n</script>\n</head><body>\n<p>Watch: the ferry leaves the harbour for the last time before the winter timetable.</p>\n<p>The crossing will close for repairs until the spring, the operator said on its website.</p>\n<p>Passengers were told to use the bridge while the work goes on, which adds twenty minutes.</p>\n</body></html>\n";
    let (doc, _) = crate::read("page.html", page.as_bytes(), &crate::Options::default());
    let post = doc.posts.first().expect("the article's item");
    assert_eq!(
        post.time.as_ref().map(|t| t.utc.to_rfc3339()),
        Some("2021-05-04T06:30:00+00:00".to_owned())
    );
    assert_eq!(post.source.map(|s| s.line), Some(6), "{:?}", post.source);
}

/// A list whose every entry carries its time in a `data-` attribute keeps only the first few of
/// them: the context reads only the first after the headline.
#[test]
fn a_long_list_of_attribute_times_keeps_a_few() {
    let entries: String = (0..1_000)
        .map(|i| {
            format!(
                "<li data-timestamp=\"{}\">Story {i}</li>",
                1_678_000_000 + i
            )
        })
        .collect();
    let page = extract(&format!(
        "<!DOCTYPE html><html><body><h1>Headline</h1><ul>{entries}</ul></body></html>"
    ));
    let kept = page
        .machine
        .times
        .iter()
        .filter(|t| matches!(t.time.source, Source::Attribute { .. }))
        .count();
    assert_eq!(kept, 64);
}
