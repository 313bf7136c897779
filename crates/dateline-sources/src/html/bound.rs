//! Bounds on the tree a page's markup builds, applied to the markup before html5ever reads it.
//!
//! The HTML tree builder's steps are linear in the depth of the tree and in the number of
//! formatting elements left open, and its tokenizer compares each attribute with the ones before
//! it: 100,000 nested `<div>`s (1 MB) take a minute, and so does one element with a million
//! attributes. Browsers bound the tree for the same reason (Chromium attaches elements deeper
//! than 512 to the element at that depth, `kMaximumHTMLParserDOMTreeDepth`), and so does this
//! pass, over the markup itself:
//!
//! - an element that would stand deeper than [`MAX_DEPTH`] loses its tags (and its end tag), so
//!   its content joins the element at the bound: its text is still read;
//! - an element keeps its first [`MAX_ATTRIBUTES`] attributes;
//! - a formatting element (`<b>`, `<font>`, `<a>`...) that would leave more than
//!   [`MAX_FORMATTING`] of them open loses its tags: the tree builder reopens every open
//!   formatting element in each new paragraph, so without a bound a page of paragraphs costs
//!   their product.
//!
//! Each bound hit is said once, with the source line where it was first hit. A page within the
//! bounds is handed on untouched (borrowed), so ordinary pages read exactly as before.
//!
//! Written by hand: html5ever has no such limit and its tree builder's stack is private, so a
//! bounded `TreeSink` cannot keep the tree builder's own walks short, and no crate rewrites
//! markup this way. The pass follows the HTML tokenizer closely enough to find tags, attributes,
//! comments and raw text (`<script>`, `<style>`...) and keeps a model of the open elements with
//! the tree builder's common implied end tags; where the model is unsure it counts an element as
//! still open, so a page can only be bounded early, never late. One pass, constant work a byte.

use std::borrow::Cow;
use std::collections::HashMap;

use dateline_model::{Diagnostic, Severity};

/// The deepest an element may stand (Chromium's bound).
pub(crate) const MAX_DEPTH: usize = 512;
/// The attributes an element keeps (no real page comes near; the tokenizer's duplicate check is
/// quadratic in them).
pub(crate) const MAX_ATTRIBUTES: usize = 256;
/// The formatting elements that may be open at once (the tree builder reopens them all in each
/// new block; it already keeps at most three alike). Each paragraph under them holds a copy of
/// each, so the bound is what a page of short paragraphs costs a paragraph: at eight, such a page
/// took 70 times its size in memory, at four 45 times. No development page leaves more than four
/// open, and past the bound only the tags go (a microdata link on an `<a>` at most): the text stays.
pub(crate) const MAX_FORMATTING: usize = 4;

/// How far back the implied end tag of `<li>`, `<dd>` and `<dt>` is looked for: past it, the
/// model counts the old item as open.
const ITEM_LOOKBACK: usize = 32;

/// `html` within the bounds, and a warning for each bound it hit.
pub(crate) fn bound(html: &str) -> (Cow<'_, str>, Vec<Diagnostic>) {
    let mut pass = Pass::new(html);
    pass.run();
    pass.finish()
}

/// What a name is to the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Never has content (`<br>`, `<img>`): never pushed.
    Void,
    /// Its content is text up to its end tag (`<script>`, `<style>`, `<textarea>`...).
    Raw,
    /// `<plaintext>`: the rest of the page is its text.
    Plaintext,
    /// A formatting element, kept in the list of active formatting elements.
    Formatting,
    /// Any other element.
    Other,
}

fn kind(name: &[u8]) -> Kind {
    match name {
        b"area" | b"base" | b"basefont" | b"bgsound" | b"br" | b"col" | b"embed" | b"frame"
        | b"hr" | b"img" | b"input" | b"keygen" | b"link" | b"meta" | b"param" | b"source"
        | b"track" | b"wbr" | b"image" => Kind::Void,
        b"script" | b"style" | b"xmp" | b"iframe" | b"noembed" | b"noframes" | b"textarea"
        | b"title" => Kind::Raw,
        b"plaintext" => Kind::Plaintext,
        b"a" | b"b" | b"big" | b"code" | b"em" | b"font" | b"i" | b"nobr" | b"s" | b"small"
        | b"strike" | b"strong" | b"tt" | b"u" => Kind::Formatting,
        _ => Kind::Other,
    }
}

/// The start tags that leave SVG and MathML for HTML (`<font>` only with `color`, `face` or
/// `size`).
fn leaves_foreign(name: &[u8], font_attribute: bool) -> bool {
    matches!(
        name,
        b"b" | b"big"
            | b"blockquote"
            | b"body"
            | b"br"
            | b"center"
            | b"code"
            | b"dd"
            | b"div"
            | b"dl"
            | b"dt"
            | b"em"
            | b"embed"
            | b"h1"
            | b"h2"
            | b"h3"
            | b"h4"
            | b"h5"
            | b"h6"
            | b"head"
            | b"hr"
            | b"i"
            | b"img"
            | b"li"
            | b"listing"
            | b"menu"
            | b"meta"
            | b"nobr"
            | b"ol"
            | b"p"
            | b"pre"
            | b"ruby"
            | b"s"
            | b"small"
            | b"span"
            | b"strong"
            | b"strike"
            | b"sub"
            | b"sup"
            | b"table"
            | b"tt"
            | b"u"
            | b"ul"
            | b"var"
    ) || (name == b"font" && font_attribute)
}

/// Elements whose start tag closes an open `<p>`.
fn closes_p(name: &[u8]) -> bool {
    matches!(
        name,
        b"address"
            | b"article"
            | b"aside"
            | b"blockquote"
            | b"center"
            | b"details"
            | b"dialog"
            | b"dir"
            | b"div"
            | b"dl"
            | b"fieldset"
            | b"figcaption"
            | b"figure"
            | b"footer"
            | b"header"
            | b"hgroup"
            | b"main"
            | b"menu"
            | b"nav"
            | b"ol"
            | b"p"
            | b"search"
            | b"section"
            | b"summary"
            | b"ul"
            | b"h1"
            | b"h2"
            | b"h3"
            | b"h4"
            | b"h5"
            | b"h6"
            | b"pre"
            | b"listing"
            | b"form"
            | b"table"
            | b"hr"
            | b"xmp"
            | b"plaintext"
            | b"li"
            | b"dd"
            | b"dt"
    )
}

/// Elements that end the scope an end tag looks in (the HTML standard's default scope, with
/// `<button>`): an end tag whose element is open only below one of them is ignored.
fn scope_boundary(name: &[u8]) -> bool {
    matches!(
        name,
        b"applet"
            | b"caption"
            | b"html"
            | b"table"
            | b"td"
            | b"th"
            | b"marquee"
            | b"object"
            | b"template"
            | b"button"
            | b"svg"
            | b"math"
    )
}

/// Elements that stop the look-back for an open `<li>`, `<dd>` or `<dt>` (the standard's special
/// elements, but for `<address>`, `<div>` and `<p>`).
fn stops_item_lookback(name: &[u8]) -> bool {
    !matches!(name, b"address" | b"div" | b"p") && special(name)
}

/// The HTML standard's special elements that can hold content (with `<dialog>`, `<svg>` and
/// `<math>`, to err on the side of counting an element open). An end tag of any other element
/// closes it only when no special element stands above it, and a formatting element's end tag
/// with one above it leaves the tree as deep as it was.
fn special(name: &[u8]) -> bool {
    matches!(
        name,
        b"address"
            | b"div"
            | b"p"
            | b"li"
            | b"dd"
            | b"dt"
            | b"dialog"
            | b"applet"
            | b"article"
            | b"aside"
            | b"blockquote"
            | b"body"
            | b"button"
            | b"caption"
            | b"center"
            | b"colgroup"
            | b"details"
            | b"dir"
            | b"dl"
            | b"fieldset"
            | b"figcaption"
            | b"figure"
            | b"footer"
            | b"form"
            | b"frameset"
            | b"h1"
            | b"h2"
            | b"h3"
            | b"h4"
            | b"h5"
            | b"h6"
            | b"head"
            | b"header"
            | b"hgroup"
            | b"html"
            | b"listing"
            | b"main"
            | b"marquee"
            | b"menu"
            | b"nav"
            | b"noscript"
            | b"object"
            | b"ol"
            | b"pre"
            | b"search"
            | b"section"
            | b"select"
            | b"summary"
            | b"table"
            | b"tbody"
            | b"td"
            | b"template"
            | b"tfoot"
            | b"th"
            | b"thead"
            | b"tr"
            | b"ul"
            | b"svg"
            | b"math"
    )
}

/// One open element of the model.
#[derive(Debug, Clone, Copy)]
struct Open {
    /// Its name, interned.
    name: usize,
    /// Whether its tags were kept (elements past a bound are not).
    kept: bool,
    /// Whether it is an SVG or MathML element.
    foreign: bool,
    /// Whether its content is read as HTML though it is foreign (`<foreignObject>`, `<mi>`...).
    integration: bool,
    /// Whether it is `<h1>`...`<h6>`.
    heading: bool,
    /// Whether it stops the look-back for an open list item.
    stops_items: bool,
}

/// A tag as the tokenizer reads it.
struct Tag {
    /// Its name, lowercased.
    name: Vec<u8>,
    /// Where its `>` is (the tag's last byte).
    close: usize,
    /// Whether it ends with `/>`.
    self_closing: bool,
    /// Where the first attribute past the bound begins (the end of the last kept one).
    cut_attributes: Option<usize>,
    /// Its attributes as written, for the tree builder's "same element" test.
    attributes: std::ops::Range<usize>,
    /// Whether it has a `color`, `face` or `size` attribute (a `<font>` that leaves SVG).
    font_attribute: bool,
    /// Whether its `encoding` is HTML (an `<annotation-xml>` whose content is HTML).
    html_encoding: bool,
}

/// A bound hit: how often, and where first (a byte offset).
#[derive(Debug, Default, Clone, Copy)]
struct Hits {
    count: usize,
    first: Option<usize>,
}

impl Hits {
    fn hit(&mut self, at: usize) {
        self.count += 1;
        self.first.get_or_insert(at);
    }
}

struct Pass<'a> {
    html: &'a str,
    bytes: &'a [u8],
    /// The rewritten page, once anything is cut: the page up to `copied`, rewritten.
    out: Option<String>,
    copied: usize,
    /// Names, interned, and where each stands in `stack`.
    names: HashMap<Vec<u8>, usize>,
    at: Vec<Vec<usize>>,
    /// The open elements, as the model has them.
    stack: Vec<Open>,
    /// How many of them lost their tags.
    dropped: usize,
    /// Where scope boundaries stand in `stack`, and where special elements do.
    boundaries: Vec<usize>,
    specials: Vec<usize>,
    /// The active formatting elements (open, or closed by another element's end tag, which the
    /// tree builder reopens): how many of each (name, attributes as written), at most three
    /// alike as the tree builder keeps, and for each name their attributes, last on top.
    formatting: HashMap<(usize, &'a str), usize>,
    formatting_by_name: HashMap<usize, Vec<&'a str>>,
    formatting_total: usize,
    deep: Hits,
    attributes: Hits,
    too_much_formatting: Hits,
}

impl<'a> Pass<'a> {
    fn new(html: &'a str) -> Self {
        Pass {
            html,
            bytes: html.as_bytes(),
            out: None,
            copied: 0,
            names: HashMap::new(),
            at: Vec::new(),
            stack: Vec::new(),
            dropped: 0,
            boundaries: Vec::new(),
            specials: Vec::new(),
            formatting: HashMap::new(),
            formatting_by_name: HashMap::new(),
            formatting_total: 0,
            deep: Hits::default(),
            attributes: Hits::default(),
            too_much_formatting: Hits::default(),
        }
    }

    fn run(&mut self) {
        let mut i = 0;
        while let Some(lt) = self
            .bytes
            .get(i..)
            .and_then(|rest| memchr::memchr(b'<', rest))
        {
            let lt = i + lt;
            let next = self.bytes.get(lt + 1).copied();
            let after = match next {
                Some(b'!') => Some(self.skip_markup_declaration(lt)),
                Some(b'?') => Some(self.skip_to_gt(lt)),
                Some(b'/') if self.bytes.get(lt + 2).is_some_and(u8::is_ascii_alphabetic) => {
                    self.read_tag(lt, lt + 2).map(|tag| self.end_tag(lt, &tag))
                }
                Some(c) if c.is_ascii_alphabetic() => self
                    .read_tag(lt, lt + 1)
                    .and_then(|tag| self.start_tag(lt, &tag)),
                _ => Some(lt + 1),
            };
            // The page ends inside a tag or in the text of a `<plaintext>`.
            let Some(after) = after else { return };
            i = after;
        }
    }

    fn finish(self) -> (Cow<'a, str>, Vec<Diagnostic>) {
        let line = |at: Option<usize>| {
            let before = self.bytes.get(..at.unwrap_or(0)).unwrap_or_default();
            memchr::memchr_iter(b'\n', before).count() + 1
        };
        let mut notes = Vec::new();
        if self.deep.count > 0 {
            notes.push(Diagnostic::new(
                Severity::Warning,
                "html-too-deep",
                format!(
                    "the page's markup nests elements deeper than {MAX_DEPTH} (first at line {} of \
                     the HTML): the tags of {} elements past that depth were left out and their \
                     text read as the content of the element at it, as browsers do",
                    line(self.deep.first),
                    self.deep.count
                ),
            ));
        }
        if self.too_much_formatting.count > 0 {
            notes.push(Diagnostic::new(
                Severity::Warning,
                "html-too-much-formatting",
                format!(
                    "the page's markup leaves more than {MAX_FORMATTING} formatting elements \
                     (`<b>`, `<font>`...) open (first at line {} of the HTML): the tags of {} \
                     more were left out and their text kept",
                    line(self.too_much_formatting.first),
                    self.too_much_formatting.count
                ),
            ));
        }
        if self.attributes.count > 0 {
            notes.push(Diagnostic::new(
                Severity::Warning,
                "html-too-many-attributes",
                format!(
                    "{} elements of the page's markup have more than {MAX_ATTRIBUTES} attributes \
                     (the first at line {} of the HTML): each kept its first {MAX_ATTRIBUTES}",
                    self.attributes.count,
                    line(self.attributes.first)
                ),
            ));
        }
        let html = match self.out {
            Some(mut out) => {
                out.push_str(self.html.get(self.copied..).unwrap_or_default());
                Cow::Owned(out)
            }
            None => Cow::Borrowed(self.html),
        };
        (html, notes)
    }

    /// Replaces the page's bytes `from..to` (tag edges, so character boundaries) with `with`.
    ///
    /// The line breaks of what is cut are kept, so every line after it is still the file's line
    /// (a post cites the file's line, counted by the parser on this markup): inside a tag as they
    /// are (whitespace between attributes), outside one after `with` when it is a space, else in
    /// a comment, which joins no text.
    fn cut(&mut self, from: usize, to: usize, with: &str, inside_tag: bool) {
        let out = self
            .out
            .get_or_insert_with(|| String::with_capacity(self.html.len()));
        out.push_str(self.html.get(self.copied..from).unwrap_or_default());
        out.push_str(with);
        let cut = self.html.get(from..to).unwrap_or_default();
        if cut.contains(['\n', '\r']) {
            let breaks: String = cut.chars().filter(|c| matches!(c, '\n' | '\r')).collect();
            if inside_tag || !with.is_empty() {
                out.push_str(&breaks);
            } else {
                out.push_str("<!--");
                out.push_str(&breaks);
                out.push_str("-->");
            }
        }
        self.copied = to;
    }

    /// `<!--...-->`, `<!DOCTYPE ...>`, `<![CDATA[...]]>` (in foreign content) or a bogus comment.
    fn skip_markup_declaration(&self, lt: usize) -> usize {
        let rest = self.bytes.get(lt..).unwrap_or_default();
        if rest.starts_with(b"<!--") {
            // `<!-->` and `<!--->` end at once; otherwise the first `-->` ends it.
            return match memchr::memmem::find(rest.get(2..).unwrap_or_default(), b"-->") {
                Some(end) => lt + 2 + end + 3,
                None => self.bytes.len(),
            };
        }
        if self.in_foreign_content() && rest.starts_with(b"<![CDATA[") {
            return match memchr::memmem::find(rest, b"]]>") {
                Some(end) => lt + end + 3,
                None => self.bytes.len(),
            };
        }
        self.skip_to_gt(lt)
    }

    fn skip_to_gt(&self, lt: usize) -> usize {
        match self
            .bytes
            .get(lt..)
            .and_then(|rest| memchr::memchr(b'>', rest))
        {
            Some(gt) => lt + gt + 1,
            None => self.bytes.len(),
        }
    }

    /// Reads a tag from its name at `from` as the tokenizer does; `None` when the page ends
    /// inside it (the tokenizer drops such a tag).
    fn read_tag(&mut self, lt: usize, from: usize) -> Option<Tag> {
        let b = self.bytes;
        let space = |c: &u8| matches!(c, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ');
        let name_char = |c: &u8| !space(c) && *c != b'/' && *c != b'>';
        let skip = |mut i: usize, keep: &dyn Fn(&u8) -> bool| {
            while b.get(i).is_some_and(keep) {
                i += 1;
            }
            i
        };
        let mut i = skip(from, &name_char);
        let name = b.get(from..i)?.to_ascii_lowercase();
        let attributes_start = i;
        let mut count = 0;
        let mut cut_attributes = None;
        let mut self_closing = false;
        let mut font_attribute = false;
        let mut html_encoding = false;
        loop {
            // Before an attribute name: whitespace and stray `/`s.
            while let Some(c) = b.get(i).filter(|c| space(c) || **c == b'/') {
                self_closing = *c == b'/';
                i += 1;
            }
            if *b.get(i)? == b'>' {
                break;
            }
            self_closing = false;
            // The name (its first character may be `=`), then maybe `=` and a value.
            let name_start = i;
            i = skip(i + 1, &|c| name_char(c) && *c != b'=');
            let attribute = b.get(name_start..i).unwrap_or_default();
            i = skip(i, &space);
            let mut value: &[u8] = &[];
            if b.get(i) == Some(&b'=') {
                i = skip(i + 1, &space);
                match *b.get(i)? {
                    quote @ (b'"' | b'\'') => {
                        let close = memchr::memchr(quote, b.get(i + 1..)?)?;
                        value = b.get(i + 1..i + 1 + close).unwrap_or_default();
                        i += 1 + close + 1;
                    }
                    b'>' => {}
                    _ => {
                        let start = i;
                        i = skip(i, &|c| !space(c) && *c != b'>');
                        value = b.get(start..i).unwrap_or_default();
                    }
                }
            }
            font_attribute |= [&b"color"[..], b"face", b"size"]
                .iter()
                .any(|a| attribute.eq_ignore_ascii_case(a));
            html_encoding |= attribute.eq_ignore_ascii_case(b"encoding")
                && [&b"text/html"[..], b"application/xhtml+xml"]
                    .iter()
                    .any(|v| value.eq_ignore_ascii_case(v));
            count += 1;
            if count == MAX_ATTRIBUTES {
                cut_attributes = Some(i);
            }
        }
        if count <= MAX_ATTRIBUTES {
            cut_attributes = None;
        } else {
            self.attributes.hit(lt);
        }
        Some(Tag {
            name,
            close: i,
            self_closing,
            cut_attributes,
            attributes: attributes_start..i,
            font_attribute,
            html_encoding,
        })
    }

    fn intern(&mut self, name: &[u8]) -> usize {
        if let Some(&id) = self.names.get(name) {
            return id;
        }
        let id = self.at.len();
        self.names.insert(name.to_vec(), id);
        self.at.push(Vec::new());
        id
    }

    fn top_of(&self, name: &[u8]) -> Option<usize> {
        let id = *self.names.get(name)?;
        self.at.get(id)?.last().copied()
    }

    /// Where the topmost open `name` stands, when no scope boundary stands above it.
    fn in_scope(&self, name: &[u8]) -> Option<usize> {
        let top = self.top_of(name)?;
        let boundary = self.boundaries.last().copied();
        boundary.is_none_or(|b| b <= top).then_some(top)
    }

    /// Closes the open elements from the top down to the one at `index`, included.
    fn pop_to(&mut self, index: usize) {
        while self.stack.len() > index {
            let Some(open) = self.stack.pop() else {
                break;
            };
            let at = self.stack.len();
            if let Some(list) = self.at.get_mut(open.name) {
                list.pop();
            }
            if self.specials.last() == Some(&at) {
                self.specials.pop();
            }
            if self.boundaries.last() == Some(&at) {
                self.boundaries.pop();
            }
            if !open.kept {
                self.dropped = self.dropped.saturating_sub(1);
            }
        }
    }

    /// The implied end tags of a start tag, as far as the model follows them.
    fn close_implied(&mut self, name: &[u8]) {
        if closes_p(name)
            && let Some(p) = self.in_scope(b"p")
        {
            self.pop_to(p);
        }
        match name {
            b"h1" | b"h2" | b"h3" | b"h4" | b"h5" | b"h6"
                if self.stack.last().is_some_and(|o| o.heading) =>
            {
                self.pop_to(self.stack.len() - 1);
            }
            b"li" => self.close_item(&[b"li"]),
            b"dd" | b"dt" => self.close_item(&[b"dd", b"dt"]),
            b"option" | b"optgroup"
                if self.top_of(b"option") == self.stack.len().checked_sub(1) =>
            {
                self.pop_to(self.stack.len() - 1);
            }
            b"td" | b"th" => self.close_in_table(&[b"td", b"th"]),
            b"tr" => self.close_in_table(&[b"tr"]),
            b"tbody" | b"thead" | b"tfoot" => self.close_in_table(&[b"tbody", b"thead", b"tfoot"]),
            b"button" => {
                if let Some(at) = self.in_scope(name) {
                    self.pop_to(at);
                }
            }
            // An open `<a>` or `<nobr>` is closed as by its end tag.
            b"a" | b"nobr" => self.close_formatting(name),
            _ => {}
        }
    }

    /// A new list item closes an open one, unless a special element other than `<address>`,
    /// `<div>` and `<p>` stands between; looked for only near the top.
    fn close_item(&mut self, items: &[&[u8]]) {
        let ids: Vec<usize> = items
            .iter()
            .filter_map(|n| self.names.get(*n).copied())
            .collect();
        let found = self
            .stack
            .iter()
            .enumerate()
            .rev()
            .take(ITEM_LOOKBACK)
            .take_while(|(_, o)| ids.contains(&o.name) || !o.stops_items)
            .find(|(_, o)| ids.contains(&o.name))
            .map(|(index, _)| index);
        if let Some(index) = found {
            self.pop_to(index);
        }
    }

    /// A new cell, row or row group closes the open one of its table.
    fn close_in_table(&mut self, names: &[&[u8]]) {
        let top = names.iter().filter_map(|n| self.top_of(n)).max();
        let table = self.top_of(b"table");
        if let Some(top) = top.filter(|&t| table.is_none_or(|table| t > table)) {
            self.pop_to(top);
        }
    }
}

impl<'a> Pass<'a> {
    /// A start tag at `lt`: where reading goes on, or `None` when the rest of the page is text.
    fn start_tag(&mut self, lt: usize, tag: &Tag) -> Option<usize> {
        let after = tag.close + 1;
        let name = tag.name.as_slice();
        // In SVG or MathML, a start tag is a foreign element, unless it is one that leaves them
        // (`<p>`, `<div>`, `<b>`...): those close the foreign elements first.
        let mut html = true;
        if self.in_foreign_content() {
            if leaves_foreign(name, tag.font_attribute) {
                while self
                    .stack
                    .last()
                    .is_some_and(|o| o.foreign && !o.integration)
                {
                    self.pop_to(self.stack.len() - 1);
                }
            } else {
                html = false;
            }
        }
        if html && matches!(name, b"html" | b"head" | b"body") {
            // Merged into the elements the tree builder made already: never nested.
            self.cut_attributes(tag);
            return Some(after);
        }
        if html {
            self.close_implied(name);
        }
        let kind = if html { kind(name) } else { Kind::Other };
        let foreign = !html || matches!(name, b"svg" | b"math");
        let leaf = match kind {
            Kind::Void => true,
            Kind::Raw | Kind::Plaintext => true,
            Kind::Formatting | Kind::Other => tag.self_closing && foreign,
        };
        if leaf {
            // At most one level deeper, and holding no elements: never cut.
            self.cut_attributes(tag);
            return match kind {
                Kind::Plaintext => None,
                Kind::Raw => Some(self.skip_raw_text(after, name)),
                _ => Some(after),
            };
        }
        let formatting = kind == Kind::Formatting;
        let attributes = self
            .html
            .get(tag.attributes.clone())
            .unwrap_or_default()
            .trim();
        let id = self.intern(name);
        let alike = if formatting {
            self.formatting.get(&(id, attributes)).copied().unwrap_or(0)
        } else {
            0
        };
        let depth = self.stack.len() - self.dropped + self.formatting_total;
        let kept = if depth >= MAX_DEPTH {
            self.deep.hit(lt);
            false
        } else if formatting && alike < 3 && self.formatting_total >= MAX_FORMATTING {
            self.too_much_formatting.hit(lt);
            false
        } else {
            true
        };
        if kept {
            self.cut_attributes(tag);
            if formatting && alike < 3 {
                *self.formatting.entry((id, attributes)).or_insert(0) += 1;
                self.formatting_by_name
                    .entry(id)
                    .or_default()
                    .push(attributes);
                self.formatting_total += 1;
            }
        } else {
            self.cut(lt, after, if formatting { "" } else { " " }, false);
            self.dropped += 1;
        }
        let index = self.stack.len();
        if let Some(list) = self.at.get_mut(id) {
            list.push(index);
        }
        if scope_boundary(name) {
            self.boundaries.push(index);
        }
        if special(name) {
            self.specials.push(index);
        }
        let integration = !html
            && (matches!(
                name,
                b"foreignobject" | b"desc" | b"title" | b"mi" | b"mo" | b"mn" | b"ms" | b"mtext"
            ) || (name == b"annotation-xml" && tag.html_encoding));
        self.stack.push(Open {
            name: id,
            kept,
            foreign,
            integration,
            heading: matches!(name, b"h1" | b"h2" | b"h3" | b"h4" | b"h5" | b"h6"),
            stops_items: stops_item_lookback(name),
        });
        Some(after)
    }

    /// An end tag at `lt`: where reading goes on.
    fn end_tag(&mut self, lt: usize, tag: &Tag) -> usize {
        let after = tag.close + 1;
        let name = tag.name.as_slice();
        let top = self.top_of(name);
        if let Some(at) = top.filter(|&at| self.stack.get(at).is_some_and(|o| !o.kept)) {
            // The end tag of an element that lost its tags goes too. It is closed in the model
            // when it is the current element; otherwise it stays, counted as open.
            self.cut(
                lt,
                after,
                if kind(name) == Kind::Formatting {
                    ""
                } else {
                    " "
                },
                false,
            );
            if at + 1 == self.stack.len() {
                self.pop_to(at);
            }
            return after;
        }
        self.cut_attributes(tag);
        if !self.in_foreign_content() && kind(name) == Kind::Formatting {
            self.close_formatting(name);
        } else if special(name) {
            // Closed when open within its scope.
            if let Some(at) = self.in_scope(name) {
                self.pop_to(at);
            }
        } else if let Some(at) = top.filter(|&at| self.no_special_above(at)) {
            // Any other element is closed when no special element stands above it.
            self.pop_to(at);
        }
        after
    }

    /// Whether the current element is SVG or MathML whose content is not read as HTML.
    fn in_foreign_content(&self) -> bool {
        self.stack
            .last()
            .is_some_and(|o| o.foreign && !o.integration)
    }

    /// Whether no special element stands above the open element at `at`.
    fn no_special_above(&self, at: usize) -> bool {
        self.specials.last().is_none_or(|&s| s < at)
    }

    /// A formatting element's end tag (the adoption agency): the element is closed when no
    /// special element stands above it; with one above, the tree builder moves that one under a
    /// copy of the formatting element, as deep as before, so the model keeps both.
    fn close_formatting(&mut self, name: &[u8]) {
        match self.top_of(name) {
            Some(at) if !self.no_special_above(at) => {}
            Some(at) if self.in_scope(name).is_some() => {
                self.pop_to(at);
                self.forget_formatting(name);
            }
            Some(_) => {}
            None => self.forget_formatting(name),
        }
    }

    /// The last active formatting element named `name` is closed for good.
    fn forget_formatting(&mut self, name: &[u8]) {
        let Some(&id) = self.names.get(name) else {
            return;
        };
        let Some(attributes) = self.formatting_by_name.get_mut(&id).and_then(Vec::pop) else {
            return;
        };
        if let Some(n) = self.formatting.get_mut(&(id, attributes)) {
            *n = n.saturating_sub(1);
        }
        self.formatting_total = self.formatting_total.saturating_sub(1);
    }

    /// Leaves out the attributes of a tag past the bound.
    fn cut_attributes(&mut self, tag: &Tag) {
        if let Some(from) = tag.cut_attributes {
            // Keep a closing `/`.
            let to = if tag.self_closing {
                tag.close - 1
            } else {
                tag.close
            };
            self.cut(from, to.max(from), "", true);
        }
    }

    /// Skips the text of a `<script>`, `<style>`, `<textarea>`... that begins at `from`, to its
    /// end tag (case aside, followed by a space, `/` or `>`).
    fn skip_raw_text(&self, from: usize, name: &[u8]) -> usize {
        let mut i = from;
        while let Some(found) = self
            .bytes
            .get(i..)
            .and_then(|rest| memchr::memmem::find(rest, b"</"))
        {
            let at = i + found;
            let end = at + 2 + name.len();
            let same = self
                .bytes
                .get(at + 2..end)
                .is_some_and(|n| n.eq_ignore_ascii_case(name));
            let delimited = matches!(
                self.bytes.get(end),
                Some(b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'/' | b'>')
            );
            if same && delimited {
                return at;
            }
            i = at + 2;
        }
        self.bytes.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bounded(html: &str) -> (String, Vec<String>) {
        let (out, notes) = bound(html);
        (
            out.into_owned(),
            notes.into_iter().map(|d| d.code).collect(),
        )
    }

    #[test]
    fn an_ordinary_page_is_untouched() {
        let html = "<!doctype html><html><body><div><p>One<p>Two<ul><li>a<li>b</ul>\
                    <table><tr><td>1<td>2<tr><td>3</table><b>bold</b><script>if (a<b) {}</script>\
                    <svg><path d='M0'/></svg></div></body></html>";
        let (out, notes) = bound(html);
        assert!(matches!(out, Cow::Borrowed(_)));
        assert!(notes.is_empty());
    }

    #[test]
    fn paragraphs_and_items_left_open_are_not_deep() {
        let html = format!(
            "<body>{}{}{}",
            "<p>text ".repeat(2 * MAX_DEPTH),
            "<ul><li>item ".repeat(MAX_DEPTH / 4),
            "<li>item ".repeat(2 * MAX_DEPTH),
        );
        let (out, notes) = bound(&html);
        assert!(matches!(out, Cow::Borrowed(_)), "{notes:?}");
    }

    #[test]
    fn elements_past_the_depth_bound_lose_their_tags_not_their_text() {
        let n = MAX_DEPTH + 100;
        let html = format!("<body>{}deep text{}", "<div>".repeat(n), "</div>".repeat(n));
        let (out, notes) = bounded(&html);
        assert_eq!(notes, ["html-too-deep"]);
        assert_eq!(out.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(out.matches("</div>").count(), MAX_DEPTH);
        assert!(out.contains("deep text"));
    }

    #[test]
    fn an_element_keeps_its_first_attributes() {
        let attributes: String = (0..MAX_ATTRIBUTES + 10)
            .map(|i| format!(" a{i}=\"{i}\""))
            .collect();
        let html = format!("<body><div{attributes}/>text</div>");
        let (out, notes) = bounded(&html);
        assert_eq!(notes, ["html-too-many-attributes"]);
        let last = MAX_ATTRIBUTES - 1;
        assert!(out.contains(&format!(" a{last}=\"{last}\"/>text")), "{out}");
        assert!(!out.contains(&format!(" a{MAX_ATTRIBUTES}=")));
    }

    #[test]
    fn formatting_elements_left_open_are_bounded() {
        let html: String = (0..100)
            .map(|i| format!("<p><b id={i}>bold {i}</p>"))
            .collect();
        let (out, notes) = bounded(&format!("<body>{html}"));
        assert_eq!(notes, ["html-too-much-formatting"]);
        assert_eq!(out.matches("<b ").count(), MAX_FORMATTING);
        assert!(out.contains("bold 99"));
        // Alike ones are kept: the tree builder keeps only three of them active.
        let alike = "<p><b>bold</p>".repeat(100);
        let (out, _) = bound(&alike);
        assert!(matches!(out, Cow::Borrowed(_)));
    }

    #[test]
    fn cut_tags_and_attributes_keep_their_line_breaks() {
        let lines = |s: &str| s.matches('\n').count() + s.matches('\r').count();
        // Tags past the depth bound written over several lines, CRLF and LF.
        let n = MAX_DEPTH + 10;
        let html = format!(
            "<body>{}<b\r\n class=x>deep</b\n>text{}\nafter",
            "<div\n>".repeat(n),
            "</div\r\n>".repeat(n)
        );
        let (out, notes) = bounded(&html);
        assert!(notes.contains(&"html-too-deep".to_owned()), "{notes:?}");
        assert_eq!(lines(&out), lines(&html));
        assert_eq!(out.matches("\r\n").count(), html.matches("\r\n").count());
        // A formatting element's tags keep theirs in a comment, so its text is not split.
        let formatting: String = (0..20)
            .map(|i| format!("<p><b\n id={i}>bold {i}</p>"))
            .collect();
        let html = format!("<body>{formatting}");
        let (out, notes) = bounded(&html);
        assert_eq!(notes, ["html-too-much-formatting"]);
        assert_eq!(lines(&out), lines(&html));
        assert!(out.contains("<!--\n-->bold 19"), "{out}");
        // Attributes past the bound over several lines.
        let attributes: String = (0..MAX_ATTRIBUTES + 10)
            .map(|i| format!("\n a{i}=\"{i}\""))
            .collect();
        let html = format!("<body><div{attributes}>text</div>");
        let (out, _) = bounded(&html);
        assert_eq!(lines(&out), lines(&html));
    }

    #[test]
    fn misnested_end_tags_do_not_hide_depth() {
        // `</b>` with a block above it leaves the tree as deep (the adoption agency moves the
        // block), and `</span>` with a block above it is ignored: neither closes the blocks.
        for (open, close) in [("<b>", "</b>"), ("<span>", "</span>")] {
            let html = format!(
                "<body>{}",
                format!("{open}{}{close}", "<div>".repeat(10)).repeat(100)
            );
            let (_, notes) = bounded(&html);
            assert_eq!(
                notes.first().map(String::as_str),
                Some("html-too-deep"),
                "{open}"
            );
        }
    }

    #[test]
    fn svg_and_mathml_are_followed_where_they_end() {
        // `/>` closes an SVG element, so these are not deep.
        let flat = format!(
            "<body><svg>{}</svg>",
            "<path d='M0'/>".repeat(2 * MAX_DEPTH)
        );
        assert!(matches!(bound(&flat).0, Cow::Borrowed(_)));
        // A `<p>` leaves SVG, so the `<x/>`s after it are HTML elements, each inside the last.
        let html = format!("<body><svg><g><p>{}", "<x/>".repeat(2 * MAX_DEPTH));
        assert_eq!(bounded(&html).1, ["html-too-deep"]);
        // In `<foreignObject>`, the content is HTML.
        let html = format!("<body><svg><foreignObject>{}", "<x/>".repeat(2 * MAX_DEPTH));
        assert_eq!(bounded(&html).1, ["html-too-deep"]);
        // A `<font>` leaves SVG only with `color`, `face` or `size`.
        let stays = format!(
            "<body><svg><font x=\"size\">{}",
            "<x/>".repeat(2 * MAX_DEPTH)
        );
        assert!(matches!(bound(&stays).0, Cow::Borrowed(_)));
        let leaves = format!("<body><svg><font size=2>{}", "<x/>".repeat(2 * MAX_DEPTH));
        assert_eq!(bounded(&leaves).1, ["html-too-deep"]);
    }

    #[test]
    fn tags_inside_raw_text_and_comments_do_not_count() {
        let html = format!(
            "<body><script>{}</script><!--{}--><textarea>{}</textarea>",
            "<div>".repeat(2 * MAX_DEPTH),
            "<div>".repeat(2 * MAX_DEPTH),
            "<div>".repeat(2 * MAX_DEPTH)
        );
        let (out, notes) = bound(&html);
        assert!(matches!(out, Cow::Borrowed(_)), "{notes:?}");
    }
}
