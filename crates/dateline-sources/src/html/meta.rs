//! One pass over the elements for `<meta>`, `<link rel="canonical">`, `<title>`, `<html lang>`,
//! `<time datetime>`, and the text of the JSON-LD blocks (read by [`super::ld`]).

use scraper::{Html, Node};

use super::embedded::About;
use super::text::element_text_bounded;
use super::{Machine, MachineTime, PageTime, Source, Sourced, TimeRole};

/// `<meta>` names and properties that give the page's first publication time (lowercase).
const PUBLISHED: &[&str] = &[
    "article:published_time",
    "article:published",
    "og:article:published_time",
    "article_published_time",
    "og:published_time",
    "published_time",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "pub_date",
    "publication_date",
    "publisheddate",
    "date",
    "dc.date",
    "dc.date.issued",
    "dc.date.created",
    "dcterms.issued",
    "dcterms.created",
    "parsely-pub-date",
    "sailthru.date",
    "article.published",
    "datepublished",
    "originalpublicationdate",
    "cxenseparse:recs:publishtime",
    "displaydate",
    "og:pubdate",
    "date_published",
    "published-date",
    "publish_time",
    "publication-date",
    "article_date_original",
    "pdate",
    "citation_publication_date",
    "citation_date",
    "citation_online_date",
    "prism.publicationdate",
    "rnews:datepublished",
];

/// `<meta>` names and properties that give the page's last modification time (lowercase).
const MODIFIED: &[&str] = &[
    "article:modified_time",
    "article:modified",
    "og:article:modified_time",
    "article_modified_time",
    "og:updated_time",
    "modified_time",
    "datemodified",
    "lastmod",
    "last-modified",
    "last_updated_date",
    "lastdate",
    "lastmodified",
    "article.updated",
    "dc.date.modified",
    "dcterms.modified",
    "sailthru.lastmodified",
    "revised",
    "og:modified_time",
    "article:updated_time",
    "updated_time",
    "date_modified",
    "mdate",
];

/// The scripts' JSON that [`scan`] found, for their own readers.
pub(crate) struct Scripts {
    /// The raw text of each `application/ld+json` script in document order, with its text node.
    pub ld: Vec<(String, Option<ego_tree::NodeId>)>,
    /// JSON the page embeds for its own scripts (`application/json` scripts, Parse.ly's
    /// `<meta>`), each with where it stands and what it is about.
    pub embedded: Vec<(String, About, String)>,
}

/// `<meta>` names whose content is JSON with the page's times (Parse.ly's).
const EMBEDDED_META: &[&str] = &["parsely-page", "parsely-metadata"];

/// `data-` attributes that hold an element's time, as epoch seconds or milliseconds or ISO 8601.
const DATA_TIMES: &[&str] = &[
    "data-timestamp",
    "data-seconds",
    "data-utime",
    "data-time",
    "data-datetime",
    "data-date",
    "data-published",
    "data-publish-date",
    "data-published-at",
    "data-pubdate",
];

/// The most times kept from `data-` attributes on one page.
const MAX_ATTRIBUTE_TIMES: usize = 64;

/// Fills `machine` with meta facts, `<time>` elements, title, language and canonical link, and
/// returns the JSON of the page's scripts.
pub(crate) fn scan(document: &Html, machine: &mut Machine) -> Scripts {
    let mut scripts = Vec::new();
    let mut embedded = Vec::new();
    let mut attribute_times = 0;
    let mut order = 0;
    for node in document.tree.root().descendants() {
        let Node::Element(element) = node.value() else {
            continue;
        };
        order += 1;
        match element.name() {
            "h1" if machine.headline_at.is_none() && is_html(element) => {
                let text = collapse(&element_text_bounded(node, 512));
                if !text.is_empty() {
                    machine.headline_at = Some(order);
                    machine.h1 = Some(text);
                }
            }
            "html" if machine.lang.is_none() => {
                machine.lang = element
                    .attr("lang")
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(str::to_owned);
            }
            "title" if machine.title.is_none() && is_html(element) => {
                let text: String = node
                    .children()
                    .filter_map(|c| c.value().as_text().map(|t| &**t))
                    .collect();
                let text = collapse(&text);
                if !text.is_empty() {
                    machine.title = Some(text);
                }
            }
            "link" if machine.canonical.is_none() => {
                let canonical = element.attr("rel").is_some_and(|rel| {
                    rel.split_ascii_whitespace()
                        .any(|r| r.eq_ignore_ascii_case("canonical"))
                });
                if canonical
                    && let Some(href) = element.attr("href").map(str::trim)
                    && !href.is_empty()
                {
                    machine.canonical = Some(href.to_owned());
                }
            }
            "meta" => {
                if let Some(name) = element.attr("name").map(str::trim)
                    && EMBEDDED_META.iter().any(|m| name.eq_ignore_ascii_case(m))
                    && let Some(content) = element.attr("content")
                {
                    embedded.push((format!("<meta {name}>"), About::Page, content.to_owned()));
                }
                meta(element, machine);
            }
            "abbr" | "span" | "div" | "p" | "li" | "a" => {
                // Only the first attribute time after the headline is read: a page of thousands
                // (a list's every entry) keeps a few, not one each.
                let stamped = titled(element).or_else(|| {
                    let time = (attribute_times < MAX_ATTRIBUTE_TIMES)
                        .then(|| data_time(element))
                        .flatten();
                    attribute_times += usize::from(time.is_some());
                    time
                });
                if let Some((time, mark)) = stamped {
                    let text = collapse(&element_text_bounded(node, 256));
                    machine.times.push(PageTime {
                        role: TimeRole::Unknown,
                        time,
                        text: (!text.is_empty()).then_some(text),
                        mark: Some(mark),
                        order,
                        quoted: in_blockquote(node),
                    });
                }
            }
            "time" => {
                if let Some(datetime) = element.attr("datetime").filter(|d| !d.trim().is_empty()) {
                    let text = collapse(&element_text_bounded(node, 256));
                    let quoted = in_blockquote(node);
                    machine.times.push(PageTime {
                        role: TimeRole::Unknown,
                        time: MachineTime::new(datetime, Source::TimeElement),
                        text: (!text.is_empty()).then_some(text),
                        mark: time_mark(element),
                        order,
                        quoted,
                    });
                }
            }
            "script" => {
                // The media type, without its parameters (`; charset=utf-8`).
                let media = element
                    .attr("type")
                    .and_then(|t| t.split(';').next())
                    .map(str::trim);
                let is = |wanted: &str| media.is_some_and(|m| m.eq_ignore_ascii_case(wanted));
                let (is_ld, is_json) = (is("application/ld+json"), is("application/json"));
                if is_ld || is_json {
                    let text: String = node
                        .children()
                        .filter_map(|c| c.value().as_text().map(|t| &**t))
                        .collect();
                    if is_ld {
                        let first = node
                            .children()
                            .find(|c| c.value().is_text())
                            .map(|c| c.id());
                        scripts.push((text, first));
                    } else {
                        let name = element.attr("id").map_or_else(
                            || "<script>".to_owned(),
                            |id| format!("<script id=\"{id}\">"),
                        );
                        embedded.push((name, About::Anything, text));
                    }
                }
            }
            _ => {}
        }
    }
    Scripts {
        ld: scripts,
        embedded,
    }
}

/// The time a `data-` attribute of an element holds ([`DATA_TIMES`]), with the attribute's name
/// as its mark, when it parses as one.
fn data_time(element: &scraper::node::Element) -> Option<(MachineTime, String)> {
    // One pass over the element's attributes (looking each name up with `attr` costs a pass
    // each): the first that names a time and parses as one.
    element.attrs().find_map(|(name, value)| {
        if !name.starts_with("data-") || !DATA_TIMES.contains(&name) {
            return None;
        }
        let time = MachineTime::new(
            value,
            Source::Attribute {
                tag: element.name().to_owned(),
                attr: name.to_owned(),
            },
        );
        time.parsed?;
        Some((time, name.to_owned()))
    })
}

/// Whether `node` stands in a quotation (an embedded social post, a quoted report).
fn in_blockquote(node: ego_tree::NodeRef<'_, Node>) -> bool {
    node.ancestors().any(|a| {
        a.value()
            .as_element()
            .is_some_and(|e| e.name() == "blockquote")
    })
}

/// The machine time an hAtom element holds in its `title` (`<abbr class="published"
/// title="2020-06-22T09:30:00+02:00">`, as blog templates print it), with its class as the mark:
/// only an element whose class names publication or update (`published`, `updated`,
/// `dt-published`, `dt-updated`) and whose title is an ISO 8601 time.
fn titled(element: &scraper::node::Element) -> Option<(MachineTime, String)> {
    let class = element.attr("class")?;
    let marked = class.split_ascii_whitespace().any(|c| {
        matches!(
            c.to_ascii_lowercase().as_str(),
            "published" | "updated" | "dt-published" | "dt-updated"
        )
    });
    if !marked {
        return None;
    }
    let time = MachineTime::new(
        element.attr("title")?,
        Source::Titled {
            tag: element.name().to_owned(),
        },
    );
    time.parsed?;
    Some((time, format!("class={}", class.trim().to_ascii_lowercase())))
}

/// What marks a `<time>` element as the page's publication or update time: a `pubdate`
/// attribute, an `itemprop`, or a class naming publication or update. `None` for an unmarked one.
fn time_mark(element: &scraper::node::Element) -> Option<String> {
    if element.attr("pubdate").is_some() {
        return Some("pubdate".to_owned());
    }
    if let Some(prop) = element
        .attr("itemprop")
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        return Some(format!("itemprop={prop}"));
    }
    let class = element.attr("class")?.to_ascii_lowercase();
    const WORDS: &[&str] = &[
        "publish",
        "posted",
        "created",
        "entry-date",
        "updated",
        "modified",
    ];
    WORDS
        .iter()
        .any(|w| class.contains(w))
        .then(|| format!("class={}", class.trim()))
}

fn is_html(element: &scraper::node::Element) -> bool {
    &*element.name.ns == "http://www.w3.org/1999/xhtml"
}

/// Reads one `<meta>`: its key is `property`, else `name`, else `http-equiv`. Metas that carry
/// only `itemprop` are microdata and read there.
fn meta(element: &scraper::node::Element, machine: &mut Machine) {
    let Some(key) = element
        .attr("property")
        .or_else(|| element.attr("name"))
        .or_else(|| element.attr("http-equiv"))
    else {
        return;
    };
    let Some(content) = element
        .attr("content")
        .map(str::trim)
        .filter(|c| !c.is_empty())
    else {
        return;
    };
    let key = key.trim();
    let lower = key.to_ascii_lowercase();
    let source = || Source::Meta {
        name: key.to_owned(),
    };
    let role = if PUBLISHED.contains(&lower.as_str()) {
        Some(TimeRole::Published)
    } else if MODIFIED.contains(&lower.as_str()) {
        Some(TimeRole::Modified)
    } else {
        None
    };
    if let Some(role) = role {
        machine.times.push(PageTime {
            role,
            time: MachineTime::new(content, source()),
            text: None,
            mark: None,
            order: 0,
            quoted: false,
        });
        return;
    }
    match lower.as_str() {
        "og:site_name" | "og_site_name" | "application-name" => machine.site_names.push(Sourced {
            value: content.to_owned(),
            source: source(),
        }),
        "og:title" | "twitter:title" => machine.titles.push(Sourced {
            value: content.to_owned(),
            source: source(),
        }),
        "og:type" if machine.og_type.is_none() => machine.og_type = Some(content.to_owned()),
        "og:url" if machine.og_url.is_none() => machine.og_url = Some(content.to_owned()),
        "og:locale" if machine.locale.is_none() => machine.locale = Some(content.to_owned()),
        _ => {}
    }
}

/// Collapses runs of whitespace to one space and trims.
pub(crate) fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}
