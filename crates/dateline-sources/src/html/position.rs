//! Where the visible text of a saved HTML page stands in the file itself, so a post can cite the
//! file's own line and column, not only the line of the text dateline read.
//!
//! html5ever's tokenizer counts lines and tells the tree sink the line of each token
//! (`TreeSink::set_current_line`); scraper's sink does not keep it, so [`LineSink`] wraps it and
//! records, for every text node, the line of its first character that is not whitespace. A
//! character token is reported with the line its last character stands on (the tokenizer counts
//! a run's newlines before it hands the run on), so the line of its first character is that line
//! less the run's newlines. The text layout records which text node each run of visible text came
//! from ([`super::text`]); [`Locator`] then maps a position of the visible text to its text node,
//! counts the node's newlines up to it (a newline of the text is a line break of the file, as the
//! tokenizer turns CRLF and a lone CR into one LF) and finds the column by looking for the text in
//! that line of the file, with its character references decoded and its markup left out. The line
//! is checked too: the text is looked for on the lines around it when the tree builder held a
//! token back (table text), and where it is not found at all the line stands with column 1 of
//! its first text.
//!
//! Written by hand: html5ever reports lines only, no crate maps a DOM's text back to its source,
//! and the work is one pass over the file's lines and over the visible text (a cursor per line
//! keeps a page minified into one line linear).

use std::cell::{Cell, Ref, RefCell};
use std::collections::HashMap;

use dateline_model::SourcePosition;
use ego_tree::NodeId;
use html5ever::tendril::StrTendril;
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, QualName};
use scraper::{Html, HtmlTreeSink, Node};

use super::entities;

/// Where a text node's first character that is not whitespace stands: its byte offset in the
/// node's text and its 1-based line in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Anchor {
    /// Byte offset in the node's text.
    pub offset: usize,
    /// 1-based line of the file.
    pub line: u32,
}

/// The lines of the text nodes the parser built, by node.
pub(crate) type Anchors = HashMap<NodeId, Anchor>;

/// scraper's tree sink, with the line of every text node's first character kept.
pub(crate) struct LineSink {
    inner: HtmlTreeSink,
    line: Cell<u64>,
    anchors: RefCell<Anchors>,
}

impl LineSink {
    pub(crate) fn new() -> Self {
        LineSink {
            inner: HtmlTreeSink::new(Html::new_document()),
            line: Cell::new(1),
            anchors: RefCell::new(HashMap::new()),
        }
    }

    /// Records the anchor of the text node `node` just grew by `text`, if it has none yet.
    fn note(&self, node: Option<NodeId>, text: &str) {
        let Some(node) = node else {
            return;
        };
        let Some(first) = text.find(|c: char| !is_space(c)) else {
            return;
        };
        if self.anchors.borrow().contains_key(&node) {
            return;
        }
        let html = self.inner.0.borrow();
        let Some(Node::Text(t)) = html.tree.get(node).map(|n| n.value()) else {
            return;
        };
        let before = t.text.len().saturating_sub(text.len());
        let newlines = |s: &str| s.bytes().filter(|&b| b == b'\n').count() as u64;
        let after_first = text.get(first..).map_or(0, newlines);
        let line = self.line.get().saturating_sub(after_first).max(1);
        self.anchors.borrow_mut().insert(
            node,
            Anchor {
                offset: before + first,
                line: u32::try_from(line).unwrap_or(u32::MAX),
            },
        );
    }

    fn last_child(&self, parent: NodeId) -> Option<NodeId> {
        let html = self.inner.0.borrow();
        html.tree.get(parent)?.last_child().map(|c| c.id())
    }

    fn prev_sibling(&self, sibling: NodeId) -> Option<NodeId> {
        let html = self.inner.0.borrow();
        html.tree.get(sibling)?.prev_sibling().map(|c| c.id())
    }
}

/// HTML whitespace, as the tokenizer and innerText count it.
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}')
}

impl TreeSink for LineSink {
    type Output = (Html, Anchors);
    type Handle = NodeId;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Self::Output {
        (self.inner.finish(), self.anchors.into_inner())
    }

    fn parse_error(&self, msg: std::borrow::Cow<'static, str>) {
        self.inner.parse_error(msg);
    }

    fn get_document(&self) -> NodeId {
        self.inner.get_document()
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Ref<'a, QualName> {
        self.inner.elem_name(target)
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        self.inner.create_element(name, attrs, flags)
    }

    fn create_comment(&self, text: StrTendril) -> NodeId {
        self.inner.create_comment(text)
    }

    fn create_pi(&self, target: StrTendril, data: StrTendril) -> NodeId {
        self.inner.create_pi(target, data)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        match child {
            NodeOrText::AppendText(text) => {
                let copy = text.clone();
                self.inner.append(parent, NodeOrText::AppendText(text));
                self.note(self.last_child(*parent), &copy);
            }
            node => self.inner.append(parent, node),
        }
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        let has_parent = {
            let html = self.inner.0.borrow();
            html.tree
                .get(*element)
                .is_some_and(|n| n.parent().is_some())
        };
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(
        &self,
        name: StrTendril,
        public_id: StrTendril,
        system_id: StrTendril,
    ) {
        self.inner
            .append_doctype_to_document(name, public_id, system_id);
    }

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        self.inner.get_template_contents(target)
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        self.inner.same_node(x, y)
    }

    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.inner.set_quirks_mode(mode);
    }

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        match new_node {
            NodeOrText::AppendText(text) => {
                let copy = text.clone();
                self.inner
                    .append_before_sibling(sibling, NodeOrText::AppendText(text));
                self.note(self.prev_sibling(*sibling), &copy);
            }
            node => self.inner.append_before_sibling(sibling, node),
        }
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        self.inner.add_attrs_if_missing(target, attrs);
    }

    fn remove_from_parent(&self, target: &NodeId) {
        self.inner.remove_from_parent(target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        self.inner.reparent_children(node, new_parent);
    }

    fn set_current_line(&self, line_number: u64) {
        self.line.set(line_number);
    }
}

/// One text node whose text shows: its text and where its first character stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Shown {
    /// The node's text, as the parser gave it (references decoded, CRLF as LF).
    pub text: String,
    /// Where its first character that is not whitespace stands.
    pub anchor: Anchor,
}

/// From the visible text back to the file: which text node each run of the visible text came
/// from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Locator {
    /// `(byte offset in the visible text where the run begins, index in `shown`)`, in order.
    pub runs: Vec<(usize, usize)>,
    /// The text nodes that showed.
    pub shown: Vec<Shown>,
}

/// A place in the visible text to find in the file: a 1-based line and a byte offset in it; the
/// first character that is not whitespace at or after it is what is found.
pub(crate) type Query = (u32, usize);

impl Locator {
    /// Where each query stands in `file` (the page's text as decoded, before any bound),
    /// `visible` being the visible text the locator was built with. `None` where the visible text
    /// holds nothing there or came from no text node.
    pub(crate) fn locate(
        &self,
        visible: &str,
        file: &str,
        queries: &[Query],
    ) -> Vec<Option<SourcePosition>> {
        let starts = line_starts(visible);
        // Byte offsets of the queries in the visible text, visited in order.
        let mut order: Vec<(usize, usize)> = queries
            .iter()
            .enumerate()
            .filter_map(|(i, &(line, column))| {
                let start = *starts.get((line as usize).checked_sub(1)?)?;
                let rest = visible.get(start..)?;
                let rest = &rest[..rest.find('\n').unwrap_or(rest.len())];
                let at = rest
                    .get(column..)?
                    .char_indices()
                    .find(|&(_, c)| !is_space(c))?
                    .0;
                Some((start + column + at, i))
            })
            .collect();
        order.sort_unstable();
        let mut out = vec![None; queries.len()];
        let mut file_lines = FileLines::new(file);
        let mut cursor: Option<Cursor> = None;
        let mut order = order.into_iter().peekable();
        // Queries for the same place (a post's stamp and a diagnostic about its line) get the
        // same answer: the search has moved past it.
        let mut last: Option<(usize, Option<SourcePosition>)> = None;
        // Every text node that shows is looked for in the file in order, so each line's search
        // goes on from where the text before it was found: text printed twice on one line (a
        // list of the posts' headlines above the posts, on a page minified into one line) is
        // found where this node stands, not where it stood first.
        for (run, &(start, node)) in self.runs.iter().enumerate() {
            let end = self
                .runs
                .get(run + 1)
                .map_or(visible.len(), |&(next, _)| next);
            let mut asked = false;
            while let Some(&(at, i)) = order.peek() {
                if at >= end {
                    break;
                }
                order.next();
                if at < start {
                    continue;
                }
                asked = true;
                if let Some((before, answer)) = last
                    && before == at
                {
                    if let Some(slot) = out.get_mut(i) {
                        *slot = answer;
                    }
                    continue;
                }
                last = Some((at, None));
                let Some(found) = self.node_place(visible, at, &mut cursor) else {
                    continue;
                };
                let Some(shown) = self.shown.get(found.node) else {
                    continue;
                };
                let snippet = snippet(shown.text.get(found.offset..).unwrap_or_default());
                let answer = Some(file_lines.find(found.line, &snippet, Mode::Text));
                last = Some((at, answer));
                if let Some(slot) = out.get_mut(i) {
                    *slot = answer;
                }
            }
            if !asked && let Some(shown) = self.shown.get(node) {
                let snippet = snippet(shown.text.get(shown.anchor.offset..).unwrap_or_default());
                file_lines.find(shown.anchor.line, &snippet, Mode::Text);
            }
        }
        out
    }

    /// The text node, the byte offset in it and the file line of the visible text's byte `at`,
    /// which is not whitespace. `cursor` carries the last answer, so that queries in order cost
    /// no more than one walk over each node.
    fn node_place(&self, visible: &str, at: usize, cursor: &mut Option<Cursor>) -> Option<Place> {
        let run = self.runs.partition_point(|&(start, _)| start <= at);
        let run = run.checked_sub(1)?;
        let &(start, node) = self.runs.get(run)?;
        let shown = self.shown.get(node)?;
        let mut state = match cursor {
            Some(c) if c.run == run && c.at <= at => *c,
            _ => Cursor {
                run,
                at: start,
                offset: shown.anchor.offset,
                line: shown.anchor.line,
            },
        };
        // Visible characters that are not whitespace match the node's, one for one.
        let skip = visible
            .get(state.at..at)?
            .chars()
            .filter(|&c| !is_space(c))
            .count();
        let text = shown.text.as_str();
        let mut seen = 0;
        let mut offset = None;
        for (i, c) in text.get(state.offset..)?.char_indices() {
            if is_space(c) {
                if c == '\n' {
                    state.line = state.line.saturating_add(1);
                }
                continue;
            }
            if seen == skip {
                offset = Some(state.offset + i);
                break;
            }
            seen += 1;
        }
        let offset = offset?;
        state.at = at;
        state.offset = offset;
        *cursor = Some(state);
        Some(Place {
            node,
            offset,
            line: state.line,
        })
    }
}

/// What is looked for in the file: the rest of the text's line, up to 48 characters.
fn snippet(text: &str) -> String {
    let line = text.split('\n').next().unwrap_or_default();
    let short: String = line.chars().take(48).collect();
    short.trim_end().to_owned()
}

#[derive(Debug, Clone, Copy)]
struct Cursor {
    run: usize,
    at: usize,
    offset: usize,
    line: u32,
}

#[derive(Debug, Clone, Copy)]
struct Place {
    node: usize,
    offset: usize,
    line: u32,
}

/// Byte offsets where each line of `text` begins (LF only: the visible text has no CR).
fn line_starts(text: &str) -> Vec<usize> {
    let mut starts = vec![0];
    starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
    starts
}

/// How far on from the last text found on a line the next is looked for, in bytes of the line
/// as read (tags and scripts left out).
const WINDOW: usize = 16 * 1024;

/// How a line of the file is read when text is looked for in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Mode {
    /// As a page's text: character references decoded, tags, comments and the content of
    /// `<script>` and `<style>` left out.
    Text,
    /// As written (the content of a `<script>`).
    Raw,
}

/// A line of the file as read for a search: its characters, and for each the 1-based column of
/// the file's line it came from.
#[derive(Debug, Default)]
struct Read {
    text: String,
    columns: Vec<u32>,
    /// Byte offset in `text` past the last match: later text stands later in the file.
    cursor: usize,
    /// How many characters of `text` stand before `cursor`.
    cursor_chars: usize,
}

/// The file's lines, each read for a search on first use.
pub(crate) struct FileLines<'a> {
    lines: Vec<&'a str>,
    read: HashMap<(usize, Mode), Read>,
    /// Bytes the searches may still look through: a few times the file, so text that is not found
    /// (each miss looks through a window) cannot make a page cost more than linear time. Past it,
    /// a place keeps its line, with column 1.
    budget: usize,
}

impl<'a> FileLines<'a> {
    pub(crate) fn new(file: &'a str) -> Self {
        let lines = crate::page::split_lines(file);
        FileLines {
            lines,
            read: HashMap::new(),
            budget: 4 * file.len() + WINDOW * 64,
        }
    }

    /// Where `snippet` stands on line `line` of the file (or a line or two about it, nearest
    /// first); line `line`, column 1 when it is found on none.
    pub(crate) fn find(&mut self, line: u32, snippet: &str, mode: Mode) -> SourcePosition {
        let near = [0i64, -1, 1, -2, 2];
        if !snippet.is_empty() {
            for delta in near {
                let Ok(candidate) = u32::try_from(i64::from(line) + delta) else {
                    continue;
                };
                if let Some(column) = self.find_on(candidate, snippet, mode) {
                    return SourcePosition::new(candidate, column);
                }
            }
        }
        SourcePosition::new(line.max(1), 1)
    }

    fn find_on(&mut self, line: u32, snippet: &str, mode: Mode) -> Option<u32> {
        let index = (line as usize).checked_sub(1)?;
        let raw = *self.lines.get(index)?;
        let read = self
            .read
            .entry((index, mode))
            .or_insert_with(|| read_line(raw, mode));
        // Looked for a little way on only: the text shown before this was found there, and little
        // hidden text stands between (markup is one character), so a page costs linear time.
        let from = read.cursor;
        let mut to = (from + WINDOW).min(read.text.len());
        while !read.text.is_char_boundary(to) {
            to -= 1;
        }
        if self.budget == 0 {
            return None;
        }
        let Some(found) = read.text.get(from..to)?.find(snippet) else {
            self.budget = self.budget.saturating_sub(to - from);
            return None;
        };
        self.budget = self.budget.saturating_sub(found + snippet.len());
        // Characters are counted on from the cursor, never from the line's start, so a page
        // minified into one line stays linear.
        let chars = read.cursor_chars + read.text.get(from..from + found)?.chars().count();
        read.cursor = from + found + snippet.len();
        read.cursor_chars = chars + snippet.chars().count();
        read.columns.get(chars).copied()
    }
}

/// Reads a line of the file as [`Mode`] says, keeping each character's column.
fn read_line(raw: &str, mode: Mode) -> Read {
    let chars: Vec<char> = raw.chars().collect();
    let mut read = Read::default();
    let column = |i: usize| u32::try_from(i + 1).unwrap_or(u32::MAX);
    if mode == Mode::Raw {
        for (i, c) in chars.iter().enumerate() {
            read.text.push(*c);
            read.columns.push(column(i));
        }
        return read;
    }
    // Markup is replaced by one NUL, which no text node holds (the parser replaces it), so text
    // is never found across a tag.
    let mut i = 0;
    let mut raw_text: Option<&'static str> = None;
    let gap = |read: &mut Read, i: usize| {
        if !read.text.ends_with('\0') {
            read.text.push('\0');
            read.columns.push(column(i));
        }
    };
    let lower_at = |i: usize, s: &str| {
        s.chars()
            .enumerate()
            .all(|(k, c)| chars.get(i + k).is_some_and(|d| d.eq_ignore_ascii_case(&c)))
    };
    while let Some(&c) = chars.get(i) {
        if let Some(end) = raw_text {
            if c == '<' && lower_at(i, end) {
                raw_text = None;
            } else {
                i += 1;
                continue;
            }
        }
        if c == '<' && lower_at(i, "<!--") {
            gap(&mut read, i);
            let mut j = i + 4;
            while j < chars.len() && !lower_at(j, "-->") {
                j += 1;
            }
            i = j + 3;
            continue;
        }
        let opens_tag = c == '<'
            && chars
                .get(i + 1)
                .is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?'));
        if opens_tag {
            gap(&mut read, i);
            if lower_at(i, "<script") {
                raw_text = Some("</script");
            } else if lower_at(i, "<style") {
                raw_text = Some("</style");
            }
            let mut quote: Option<char> = None;
            let mut j = i + 1;
            while let Some(&d) = chars.get(j) {
                match quote {
                    Some(q) if d == q => quote = None,
                    Some(_) => {}
                    None if d == '"' || d == '\'' => quote = Some(d),
                    None if d == '>' => break,
                    None => {}
                }
                j += 1;
            }
            i = j + 1;
            continue;
        }
        if c == '&' {
            let after: String = chars
                .get(i + 1..)
                .unwrap_or_default()
                .iter()
                .take(40)
                .collect();
            if let Some((decoded, len)) = entities::decode_at(&after) {
                for d in decoded.into_iter().flatten() {
                    read.text.push(d);
                    read.columns.push(column(i));
                }
                i += 1 + after.get(..len).map_or(0, |s| s.chars().count());
                continue;
            }
        }
        read.text.push(if c == '\0' { '\u{fffd}' } else { c });
        read.columns.push(column(i));
        i += 1;
    }
    read
}

/// Where each JSON-LD update stands in its block: the position of its `datePublished` value
/// (else its `headline`), found in order, so that updates alike are told apart by their place.
pub(crate) struct Block<'a> {
    /// The block's text, as the parser gave it.
    text: &'a str,
    /// Where its first character that is not whitespace stands.
    anchor: Anchor,
    /// Where each line break of the text stands, found once: a position's line is a search in
    /// them, not a count from the block's start (a block of 100,000 updates took seconds so).
    breaks: Vec<usize>,
    /// The last position asked for past the block's first line: its byte, the start of its line
    /// and its column. Positions are asked for in order, so those along one long line are counted
    /// on from the last, never from the line's start.
    last: Option<(usize, usize, u32)>,
}

/// The positions of `keys`' string values in `block`, in order: `(key, value, byte offset of the
/// value's first character)`.
pub(crate) fn values<'t>(block: &'t str, keys: &[&str]) -> Vec<(usize, &'t str, usize)> {
    let mut out = Vec::new();
    let bytes = block.as_bytes();
    for at in memchr::memchr_iter(b'"', bytes) {
        for (k, key) in keys.iter().enumerate() {
            let Some(after) = block
                .get(at + 1..)
                .and_then(|r| r.strip_prefix(key))
                .and_then(|r| r.strip_prefix('"'))
            else {
                continue;
            };
            let rest = after.trim_start();
            let Some(rest) = rest.strip_prefix(':') else {
                continue;
            };
            let value = rest.trim_start();
            if !value.starts_with('"') {
                continue;
            }
            let open = block.len() - value.len() + 1;
            let body = &value[1..];
            let mut end = None;
            let mut escaped = false;
            for (i, c) in body.char_indices() {
                match c {
                    _ if escaped => escaped = false,
                    '\\' => escaped = true,
                    '"' => {
                        end = Some(i);
                        break;
                    }
                    _ => {}
                }
            }
            if let Some(end) = end {
                out.push((k, &body[..end], open));
            }
        }
    }
    out
}

impl<'a> Block<'a> {
    /// The block of `text`, whose first character that is not whitespace stands at `anchor`.
    pub(crate) fn new(text: &'a str, anchor: Anchor) -> Self {
        Block {
            text,
            anchor,
            breaks: memchr::memchr_iter(b'\n', text.as_bytes()).collect(),
            last: None,
        }
    }

    /// The file position of byte `at` of the block (`at` past its anchor).
    pub(crate) fn position(
        &mut self,
        at: usize,
        lines: &mut FileLines<'_>,
    ) -> Option<SourcePosition> {
        if at < self.anchor.offset || at > self.text.len() {
            return None;
        }
        let before_at = self.breaks.partition_point(|&b| b < at);
        let before_anchor = self.breaks.partition_point(|&b| b < self.anchor.offset);
        let newlines = u32::try_from(before_at - before_anchor).ok()?;
        let line = self.anchor.line.saturating_add(newlines);
        if newlines > 0 {
            // The block's text is the file's, line for line: the column is counted in it.
            let start = self.breaks.get(before_at - 1).map_or(0, |&b| b + 1);
            let column = match self.last {
                Some((last, last_start, column)) if last_start == start && last <= at => column
                    .saturating_add(u32::try_from(self.text.get(last..at)?.chars().count()).ok()?),
                _ => u32::try_from(self.text.get(start..at)?.chars().count() + 1).ok()?,
            };
            self.last = Some((at, start, column));
            return Some(SourcePosition::new(line, column));
        }
        // The first characters of its line only: never a search to the end of a long line.
        let snippet: String = self
            .text
            .get(at..)?
            .chars()
            .take_while(|&c| c != '\n')
            .take(48)
            .collect();
        Some(lines.find(line, snippet.trim_end(), Mode::Raw))
    }
}

#[cfg(test)]
mod tests {
    use super::super::extract;
    use super::*;

    /// Where `needle` stands in `html`'s file, found through its visible text.
    fn place(html: &str, needle: &str) -> (u32, u32) {
        let page = extract(html, 100);
        let at = page
            .text
            .find(needle)
            .unwrap_or_else(|| panic!("`{needle}` not in {:?}", page.text));
        let before = &page.text[..at];
        let line = before.matches('\n').count() + 1;
        let start = before.rfind('\n').map_or(0, |i| i + 1);
        let found = page.locate(html, &[(line as u32, at - start)]);
        let position = found[0].unwrap_or_else(|| panic!("`{needle}` not placed"));
        (position.line, position.column)
    }

    #[test]
    fn text_is_placed_at_its_line_and_column() {
        let html =
            "<html><body>\n<h1>Title</h1>\n  <p>Posted <b>21:22</b> by Jo</p>\n</body></html>";
        assert_eq!(place(html, "Title"), (2, 5));
        assert_eq!(place(html, "21:22"), (3, 16));
        assert_eq!(place(html, "by Jo"), (3, 26));
    }

    #[test]
    fn character_references_count_as_written() {
        let html = "<body><p>Tom &amp; Jerry &rsquo;s caf&#233; at 12:44</p></body>";
        // `12:44` stands after the references as written in the file, not as decoded.
        let column = html.find("12:44").unwrap() as u32 + 1;
        assert_eq!(place(html, "12:44"), (1, column));
        assert_eq!(
            place(html, "Jerry"),
            (1, html.find("Jerry").unwrap() as u32 + 1)
        );
    }

    #[test]
    fn crlf_and_a_lone_cr_each_end_one_line() {
        let html = "<body>\r\n<p>one</p>\r\n<p>two</p>\r<p>three 09:15</p>\n</body>";
        assert_eq!(place(html, "one"), (2, 4));
        assert_eq!(place(html, "two"), (3, 4));
        assert_eq!(place(html, "three"), (4, 4));
        assert_eq!(place(html, "09:15"), (4, 10));
    }

    #[test]
    fn tags_and_text_spanning_lines() {
        let html = "<body><div\n  class=\"entry\"\n  id=\"x\"><span\n>\n\n   21:22\n   GMT</span></div>\n<p>Long\ntext here</p></body>";
        assert_eq!(place(html, "21:22"), (6, 4));
        assert_eq!(place(html, "text here"), (9, 1));
        assert_eq!(place(html, "Long"), (8, 4));
    }

    #[test]
    fn text_printed_twice_on_one_line_is_placed_where_it_stands() {
        // A list of the posts' headlines above the posts, all on one line.
        let html = "<body><ul><li><a href=\"#a\">Markets rally</a></li><li><a href=\"#b\">Rates hold</a></li></ul>\
                    <h2 id=\"a\">Markets rally</h2><p>Stocks rose.</p><h2 id=\"b\">Rates hold</h2><p>No change.</p></body>";
        let page = extract(html, 100);
        let lines: Vec<&str> = page.text.split('\n').collect();
        let second = lines
            .iter()
            .enumerate()
            .filter(|(_, l)| **l == "Markets rally")
            .nth(1)
            .map(|(i, _)| i as u32 + 1)
            .unwrap();
        let found = page.locate(html, &[(second, 0)]);
        let heading = html.find("<h2 id=\"a\">").unwrap() + "<h2 id=\"a\">".len();
        assert_eq!(found[0], Some(SourcePosition::new(1, heading as u32 + 1)));
    }

    #[test]
    fn markup_in_attributes_and_scripts_is_not_taken_for_text() {
        let html = "<body><div title=\"12:44 GMT\"><script>var t = '12:44 GMT';</script><p>12:44 GMT</p></div></body>";
        let column = html.find("<p>").unwrap() as u32 + 4;
        assert_eq!(place(html, "12:44"), (1, column));
    }

    #[test]
    fn lines_stay_true_after_the_bound_cuts_tags_over_several_lines() {
        let depth = super::super::bound::MAX_DEPTH + 20;
        let html = format!(
            "<body>{}\n<p>Deep at 10:05</p>{}\n<p>After 11:30</p></body>",
            "<div\n>".repeat(depth),
            "</div\n>".repeat(depth)
        );
        let page = extract(&html, 100);
        assert!(page.notes.iter().any(|d| d.code == "html-too-deep"));
        assert_eq!(place(&html, "10:05").0, depth as u32 + 2);
        assert_eq!(place(&html, "11:30").0, 2 * depth as u32 + 3);
    }

    #[test]
    fn json_ld_updates_are_placed_at_their_dates() {
        let html = "<html><head>\n<script type=\"application/ld+json\">\n{\"@type\": \"LiveBlogPosting\", \"headline\": \"Blog\",\n \"liveBlogUpdate\": [\n  {\"headline\": \"One\", \"datePublished\": \"2024-07-04T10:00:00Z\"},\n  {\"headline\": \"Two\",\n   \"datePublished\": \"2024-07-04T11:00:00Z\"},\n  {\"headline\": \"Three &amp; more\"}\n ]}\n</script></head><body><p>Nothing</p></body></html>";
        let page = extract(html, 100);
        let updates = &page.machine.items[0].updates;
        let at: Vec<Option<(u32, u32)>> = updates
            .iter()
            .map(|u| u.at.map(|p| (p.line, p.column)))
            .collect();
        assert_eq!(at, [Some((5, 41)), Some((7, 22)), Some((8, 17))], "{html}");
    }

    #[test]
    fn a_json_ld_block_on_the_line_of_its_tag() {
        let html = "<html><head><script type=\"application/ld+json\">{\"@type\":\"LiveBlogPosting\",\"liveBlogUpdate\":[{\"headline\":\"A\",\"datePublished\":\"2024-07-04T10:00:00Z\"}]}</script></head><body></body></html>";
        let page = extract(html, 100);
        let at = page.machine.items[0].updates[0].at;
        let column = html.find("2024-07-04T10").unwrap() as u32 + 1;
        assert_eq!(at, Some(SourcePosition::new(1, column)));
    }

    #[test]
    fn positions_in_a_block_are_counted_on_from_the_last() {
        // A block whose second line is long, with characters of two bytes on it.
        let text = format!("{{\n{}\n}}", "\"é\":1,".repeat(2_000));
        let mut lines = FileLines::new("");
        let anchor = Anchor {
            offset: 0,
            line: 10,
        };
        let mut block = Block::new(&text, anchor);
        let naive = |at: usize| {
            let before = &text[..at];
            let line = 10 + before.matches('\n').count() as u32;
            let start = before.rfind('\n').map_or(0, |i| i + 1);
            SourcePosition::new(line, before[start..].chars().count() as u32 + 1)
        };
        let quotes: Vec<usize> = text.match_indices('"').map(|(i, _)| i).collect();
        // In order, then back to an earlier one, then past the long line.
        let mut asked: Vec<usize> = quotes.iter().copied().step_by(7).collect();
        asked.push(quotes[3]);
        asked.push(text.len() - 1);
        for at in asked {
            assert_eq!(block.position(at, &mut lines), Some(naive(at)), "at {at}");
        }
        assert_eq!(block.position(text.len() + 1, &mut lines), None);
    }
}
