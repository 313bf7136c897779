//! The visible text of a page, as `document.body.innerText` gives it with JavaScript off.
//!
//! This follows the HTML standard's innerText algorithm with the default (user-agent) styles:
//! block-level elements start and end lines ("required line breaks" that merge), `<p>` leaves a
//! blank line, `<br>` is a newline, table cells are separated by tabs, whitespace collapses as CSS
//! `white-space: normal` does, and `<pre>` keeps its own. Elements that are not rendered
//! (`<script>`, `<style>`, `<template>`, `hidden`, `display: none` in a `style` attribute, closed
//! `<details>` bodies...) give nothing. Stylesheets are not read, so text a site hides with a CSS
//! class still shows.
//!
//! One departure, for the same reason: where two inline elements meet with no space between them
//! and a digit stands on either side of the seam (`<span>November</span><span>02</span>`,
//! `<span>21:22</span><span>Frances</span>`), a space is put in. Sites lay such spans out as
//! blocks with their stylesheets, which are not read here; glued, a date and a clock would read as
//! one number. Letters meeting letters (a drop capital: `<span>T</span>he`) stay glued.

use ego_tree::{NodeId, NodeRef};
use scraper::{Html, Node};

use super::position::{Anchors, Locator, Shown};

/// The visible text of the document's `<body>` (or of the whole document when it has none).
#[cfg(test)]
pub(crate) fn inner_text(document: &Html) -> String {
    let root = document.tree.root();
    let body = root
        .children()
        .filter(|n| is_element(n, "html"))
        .flat_map(|html| html.children())
        .find(|n| is_element(n, "body") || is_element(n, "frameset"));
    let mut builder = TextBuilder::default();
    builder.walk(body.unwrap_or(root));
    builder.finish()
}

/// The visible text of the document's `<body>`, with the [`Locator`] that maps it back to the text
/// nodes it came from (`anchors`: where each text node stands in the file).
pub(crate) fn inner_text_located(document: &Html, anchors: &Anchors) -> (String, Locator) {
    let root = document.tree.root();
    let body = root
        .children()
        .filter(|n| is_element(n, "html"))
        .flat_map(|html| html.children())
        .find(|n| is_element(n, "body") || is_element(n, "frameset"));
    let mut builder = TextBuilder {
        runs: Some(Vec::new()),
        ..TextBuilder::default()
    };
    builder.walk(body.unwrap_or(root));
    let mut locator = Locator::default();
    for (out, id) in builder.runs.take().unwrap_or_default() {
        let (Some(anchor), Some(node)) = (anchors.get(&id), document.tree.get(id)) else {
            continue;
        };
        let Node::Text(text) = node.value() else {
            continue;
        };
        locator.runs.push((out, locator.shown.len()));
        locator.shown.push(Shown {
            text: text.text.to_string(),
            anchor: *anchor,
        });
    }
    (builder.finish(), locator)
}

/// The visible text of one element's content, for microdata values.
pub(crate) fn element_text(node: NodeRef<'_, Node>) -> String {
    let mut builder = TextBuilder::default();
    builder.walk(node);
    builder.finish()
}

/// The visible text of one element's content, looking at no more than `max_nodes` nodes, so
/// that nested elements of one kind cost linear time in all.
pub(crate) fn element_text_bounded(node: NodeRef<'_, Node>, max_nodes: usize) -> String {
    let mut builder = TextBuilder {
        budget: Some(max_nodes),
        ..TextBuilder::default()
    };
    builder.walk(node);
    builder.finish()
}

fn is_element(node: &NodeRef<'_, Node>, name: &str) -> bool {
    node.value().as_element().is_some_and(|e| e.name() == name)
}

/// How an element lays out, as far as innerText cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Display {
    /// Not rendered: nothing inside counts.
    None,
    /// Inline: text flows.
    Inline,
    /// Block-level: a required line break before and after.
    Block,
    /// A paragraph: two required line breaks before and after.
    Paragraph,
    /// A table cell: a tab after it when another cell follows.
    Cell,
    /// A line break.
    Break,
    /// Preformatted block: whitespace kept.
    Pre,
}

fn display(node: &NodeRef<'_, Node>) -> Display {
    let Some(element) = node.value().as_element() else {
        return Display::Inline;
    };
    if element.attr("hidden").is_some() || style_hides(element.attr("style")) {
        return Display::None;
    }
    if &*element.name.ns != "http://www.w3.org/1999/xhtml" {
        // SVG and MathML: only their text content shows, never `<title>`/`<desc>`.
        return match element.name() {
            "title" | "desc" | "metadata" | "style" | "script" | "defs" => Display::None,
            _ => Display::Inline,
        };
    }
    match element.name() {
        "script" | "style" | "template" | "head" | "title" | "meta" | "link" | "base"
        | "iframe" | "object" | "embed" | "video" | "audio" | "canvas" | "img" | "picture"
        | "source" | "track" | "map" | "area" | "input" | "textarea" | "select" | "datalist"
        | "param" | "frame" | "frameset" | "noembed" | "noframes" => Display::None,
        "dialog" if element.attr("open").is_none() => Display::None,
        "br" => Display::Break,
        "p" => Display::Paragraph,
        "pre" | "listing" | "plaintext" | "xmp" => Display::Pre,
        "td" | "th" => Display::Cell,
        "address" | "article" | "aside" | "blockquote" | "body" | "center" | "dd" | "details"
        | "dialog" | "dir" | "div" | "dl" | "dt" | "fieldset" | "figcaption" | "figure"
        | "footer" | "form" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "header" | "hgroup"
        | "hr" | "html" | "legend" | "li" | "main" | "menu" | "nav" | "ol" | "section"
        | "summary" | "table" | "ul" | "tr" | "caption" | "thead" | "tbody" | "tfoot"
        | "optgroup" | "option" | "search" => Display::Block,
        _ => Display::Inline,
    }
}

/// Whether an inline `style` attribute hides the element (`display:none`, `visibility:hidden`).
fn style_hides(style: Option<&str>) -> bool {
    let Some(style) = style else {
        return false;
    };
    style.split(';').any(|decl| {
        let Some((name, value)) = decl.split_once(':') else {
            return false;
        };
        let name = name.trim();
        let value = value.trim().trim_end_matches("!important").trim();
        (name.eq_ignore_ascii_case("display") && value.eq_ignore_ascii_case("none"))
            || (name.eq_ignore_ascii_case("visibility") && value.eq_ignore_ascii_case("hidden"))
    })
}

/// Whether a closed `<details>` hides this child (everything but its first `<summary>`).
fn hidden_by_closed_details(parent: &NodeRef<'_, Node>, child: &NodeRef<'_, Node>) -> bool {
    let Some(element) = parent.value().as_element() else {
        return false;
    };
    if element.name() != "details" || element.attr("open").is_some() {
        return false;
    }
    !is_element(child, "summary")
}

#[derive(Debug, Default)]
struct TextBuilder {
    out: String,
    /// Required line breaks waiting for the next content (they merge: the largest wins).
    pending_breaks: usize,
    /// Collapsible whitespace seen since the last content on this line.
    pending_space: bool,
    /// How many `<pre>`-like elements are open.
    pre_depth: usize,
    /// How many more nodes may be visited, when bounded.
    budget: Option<usize>,
    /// An inline element opened or closed since the last character written.
    seam: bool,
    /// When recording: where each text node's text begins in `out`, with the node.
    runs: Option<Vec<(usize, NodeId)>>,
}

impl TextBuilder {
    /// Walks `start`'s descendants in document order without recursion.
    fn walk(&mut self, start: NodeRef<'_, Node>) {
        let Some(mut node) = start.first_child() else {
            return;
        };
        loop {
            if let Some(budget) = self.budget.as_mut() {
                if *budget == 0 {
                    return;
                }
                *budget -= 1;
            }
            let parent_hides = node
                .parent()
                .is_some_and(|p| hidden_by_closed_details(&p, &node));
            let shown = !parent_hides && self.open(&node);
            if shown && let Some(child) = node.first_child() {
                node = child;
                continue;
            }
            if shown {
                self.close(&node);
            }
            // Climb until a sibling is found, closing each parent on the way.
            loop {
                if let Some(next) = node.next_sibling() {
                    node = next;
                    break;
                }
                match node.parent() {
                    Some(parent) if parent != start => {
                        self.close(&parent);
                        node = parent;
                    }
                    _ => return,
                }
            }
        }
    }

    /// Handles the start of a node; returns whether its content is rendered.
    fn open(&mut self, node: &NodeRef<'_, Node>) -> bool {
        match node.value() {
            Node::Text(text) => {
                if let Some(runs) = self.runs.as_mut() {
                    runs.push((self.out.len(), node.id()));
                }
                self.text(text);
                false
            }
            Node::Element(_) => match display(node) {
                Display::None => false,
                Display::Inline | Display::Cell => {
                    self.seam = true;
                    true
                }
                Display::Block => {
                    self.require(1);
                    true
                }
                Display::Paragraph => {
                    self.require(2);
                    true
                }
                Display::Pre => {
                    self.require(1);
                    self.pre_depth += 1;
                    true
                }
                Display::Break => {
                    self.flush_breaks();
                    self.out.push('\n');
                    self.pending_space = false;
                    false
                }
            },
            _ => false,
        }
    }

    /// Handles the end of an element whose content was rendered.
    fn close(&mut self, node: &NodeRef<'_, Node>) {
        match display(node) {
            Display::Block => self.require(1),
            Display::Paragraph => self.require(2),
            Display::Pre => {
                self.pre_depth = self.pre_depth.saturating_sub(1);
                self.require(1);
            }
            Display::Cell => {
                // Only the next element sibling is looked at, so a long row stays linear.
                let another = node
                    .next_siblings()
                    .find(|s| s.value().is_element())
                    .is_some_and(|s| display(&s) == Display::Cell);
                if another {
                    self.flush_breaks();
                    self.out.push('\t');
                    self.pending_space = false;
                }
            }
            Display::Inline => self.seam = true,
            Display::None | Display::Break => {}
        }
    }

    fn require(&mut self, count: usize) {
        self.pending_breaks = self.pending_breaks.max(count);
        self.pending_space = false;
    }

    fn at_line_start(&self) -> bool {
        self.out.is_empty() || self.out.ends_with(['\n', '\t'])
    }

    /// Writes the required line breaks before new content; breaks at the very start are dropped,
    /// and newlines already written (`<br>`) count towards them.
    fn flush_breaks(&mut self) {
        if self.pending_breaks == 0 {
            return;
        }
        if !self.out.is_empty() {
            let have = self.out.bytes().rev().take_while(|&b| b == b'\n').count();
            for _ in have..self.pending_breaks {
                self.out.push('\n');
            }
        }
        self.pending_breaks = 0;
    }

    fn text(&mut self, text: &str) {
        if self.pre_depth > 0 {
            if text.is_empty() {
                return;
            }
            self.flush_breaks();
            if self.pending_space && !self.at_line_start() {
                self.out.push(' ');
            }
            self.pending_space = false;
            // A newline straight after `<pre>` is dropped by the parser; keep the rest.
            for c in text.chars() {
                match c {
                    '\r' => {}
                    _ => self.out.push(c),
                }
            }
            return;
        }
        for c in text.chars() {
            if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}') {
                self.pending_space = true;
            } else {
                self.flush_breaks();
                let glued_digits = self.seam
                    && self.out.chars().next_back().is_some_and(|p| {
                        (p.is_ascii_digit() && c.is_alphanumeric())
                            || (p.is_alphabetic() && c.is_ascii_digit())
                    });
                if (self.pending_space || glued_digits) && !self.at_line_start() {
                    self.out.push(' ');
                }
                self.pending_space = false;
                self.seam = false;
                self.out.push(c);
            }
        }
    }

    fn finish(self) -> String {
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(html: &str) -> String {
        inner_text(&super::super::parse(html))
    }

    #[test]
    fn blocks_start_lines_and_paragraphs_leave_a_blank_line() {
        let html =
            "<body><h1>Title</h1><div>by <b>Jo</b>\n  Bloggs</div><p>One.</p><p>Two</p></body>";
        assert_eq!(text_of(html), "Title\nby Jo Bloggs\n\nOne.\n\nTwo");
    }

    #[test]
    fn whitespace_collapses_across_inline_elements() {
        let html = "<p>  a  <span> b </span>  c<em>d</em>  </p>";
        assert_eq!(text_of(html), "a b cd");
    }

    #[test]
    fn digits_meeting_at_a_seam_between_elements_are_kept_apart() {
        let html = "<div><span>November</span><span>02</span><span>2023</span><span>21:06 (IST)</span></div>\
                    <div><span>21:22</span><span>Frances Watkins</span></div>\
                    <p><span class=\"drop\">T</span>he end of 2023.</p>";
        assert_eq!(
            text_of(html),
            "November 02 2023 21:06 (IST)\n21:22 Frances Watkins\n\nThe end of 2023."
        );
    }

    #[test]
    fn br_is_a_newline_and_pre_keeps_its_whitespace() {
        let html = "<div>one<br>two<br></div><pre>  x\n    y</pre><div>z</div>";
        assert_eq!(text_of(html), "one\ntwo\n  x\n    y\nz");
    }

    #[test]
    fn table_cells_are_tab_separated_and_rows_are_lines() {
        let html = "<table><tr><td>a</td><td> b </td></tr><tr><th>c</th><td>d</td></tr></table>";
        assert_eq!(text_of(html), "a\tb\nc\td");
    }

    #[test]
    fn list_items_are_lines() {
        assert_eq!(
            text_of("<ul><li>one</li><li>two <a>link</a></li></ul>"),
            "one\ntwo link"
        );
    }

    #[test]
    fn unrendered_elements_give_nothing_but_noscript_does() {
        let html = "<html><head><title>T</title><style>p{}</style></head><body>\
            <script>var x = 1;</script><template><p>t</p></template>\
            <div hidden>hidden</div><div style=\"display: none\">gone</div>\
            <noscript><p>Enable JavaScript</p></noscript>\
            <details><summary>More</summary><p>secret</p></details>\
            <svg><title>logo</title><text>svg text</text></svg>\
            <p>Shown</p></body></html>";
        assert_eq!(
            text_of(html),
            "Enable JavaScript\n\nMore\nsvg text\n\nShown"
        );
    }
}
