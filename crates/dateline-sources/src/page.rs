//! A page as the layouts see it: decoded text cut into numbered lines.

use std::sync::OnceLock;

use dateline_time::Stamp;

mod decode;
mod prescan;

pub(crate) use decode::decode;

/// The text of one page, cut into lines numbered from 1 as in the original file.
///
/// CRLF, lone CR and LF all end a line; the terminators are not part of the lines.
#[derive(Debug, Clone)]
pub struct Page<'a> {
    path: &'a str,
    text: &'a str,
    lines: Vec<&'a str>,
    /// For each line, 0 when it is blank (it holds no stamp), else its place + 1 in `stamps`:
    /// four bytes a line rather than a cell's 24, so that a page of blank lines costs little.
    slot: Vec<u32>,
    /// Each line's stamps, found once for whoever asks first (the page's context, then the
    /// layout that splits its posts read the same lines), held without spare room.
    stamps: Vec<OnceLock<Box<[Stamp]>>>,
    /// What was decided about the page as a whole, once it has been.
    context: Option<&'a crate::context::Context>,
}

impl<'a> Page<'a> {
    /// A page from its path (used in messages only, never to choose a layout) and its text.
    pub fn new(path: &'a str, text: &'a str) -> Self {
        let lines = split_lines(text);
        let mut cells = 0;
        let slot = lines
            .iter()
            .map(|line| {
                if line.trim_start().is_empty() {
                    0
                } else {
                    cells += 1;
                    u32::try_from(cells).unwrap_or(0)
                }
            })
            .collect();
        Page {
            path,
            text,
            slot,
            stamps: std::iter::repeat_with(OnceLock::new).take(cells).collect(),
            lines,
            context: None,
        }
    }

    /// The page with its context decided: what layouts read it with.
    pub(crate) fn with_context(self, context: &'a crate::context::Context) -> Page<'a> {
        Page {
            context: Some(context),
            ..self
        }
    }

    /// The page's context, once decided.
    pub(crate) fn context(&self) -> Option<&'a crate::context::Context> {
        self.context
    }

    /// The path the page was read from, as given.
    pub fn path(&self) -> &'a str {
        self.path
    }

    /// The whole decoded text.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The number of lines.
    pub fn len(&self) -> u32 {
        u32::try_from(self.lines.len()).unwrap_or(u32::MAX)
    }

    /// Whether the page has no lines at all.
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// The text of line `number` (1-based), without its terminator.
    pub fn line(&self, number: u32) -> Option<&'a str> {
        let index = usize::try_from(number).ok()?.checked_sub(1)?;
        self.lines.get(index).copied()
    }

    /// The stamps of line `number` (1-based), trimmed, as [`dateline_time::find_stamps`] finds
    /// them (their spans count from the trimmed line's start); read once per line.
    pub(crate) fn stamps(&self, number: u32) -> &[Stamp] {
        let Some(index) = usize::try_from(number).ok().and_then(|n| n.checked_sub(1)) else {
            return &[];
        };
        let cell = self
            .slot
            .get(index)
            .and_then(|&k| usize::try_from(k).ok()?.checked_sub(1))
            .and_then(|k| self.stamps.get(k));
        match (cell, self.lines.get(index)) {
            (Some(cell), Some(line)) => {
                cell.get_or_init(|| dateline_time::find_stamps(line.trim()).into_boxed_slice())
            }
            _ => &[],
        }
    }

    /// Every line with its 1-based number.
    pub fn lines(&self) -> impl DoubleEndedIterator<Item = (u32, &'a str)> + '_ {
        self.lines
            .iter()
            .enumerate()
            .map(|(i, l)| (u32::try_from(i + 1).unwrap_or(u32::MAX), *l))
    }
}

/// The lines of `text`: LF, CRLF and a lone CR each end one, and a final line break adds no line.
/// (Also how `html::position` counts the lines of a saved HTML file.)
pub(crate) fn split_lines(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    // Room for every line at once (a CRLF counts twice: a little spare at most), so that a page
    // of short lines is not copied as the table grows, nor held twice while it is.
    let mut lines = Vec::with_capacity(memchr::memchr2_iter(b'\n', b'\r', bytes).count() + 1);
    let mut start = 0;
    while let Some(found) = memchr::memchr2(b'\n', b'\r', bytes.get(start..).unwrap_or_default()) {
        let end = start + found;
        lines.push(text.get(start..end).unwrap_or_default());
        let crlf = bytes.get(end) == Some(&b'\r') && bytes.get(end + 1) == Some(&b'\n');
        start = end + if crlf { 2 } else { 1 };
    }
    if start < bytes.len() {
        lines.push(text.get(start..).unwrap_or_default());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_numbered_as_in_the_original_whatever_the_line_ends() {
        let page = Page::new("p", "a\r\nb\rc\n\nd");
        let lines: Vec<_> = page.lines().collect();
        assert_eq!(lines, vec![(1, "a"), (2, "b"), (3, "c"), (4, ""), (5, "d")]);
        assert_eq!(page.line(5), Some("d"));
        assert_eq!(page.line(0), None);
        assert_eq!(page.line(6), None);
    }

    #[test]
    fn only_lines_with_text_hold_a_cell_for_their_stamps() {
        let text = format!(
            "Updated 12:30 GMT{}\n  \nNothing here\n",
            "\n".repeat(10_000)
        );
        let page = Page::new("p", &text);
        assert_eq!(page.len(), 10_003);
        assert_eq!(page.stamps.len(), 2);
        assert_eq!(std::mem::size_of_val(page.slot.as_slice()), 4 * 10_003);
        assert_eq!(page.stamps(1).len(), 1);
        assert_eq!(page.stamps(1)[0].text, "12:30 GMT");
        assert!(page.stamps(2).is_empty());
        assert!(page.stamps(10_002).is_empty());
        assert!(page.stamps(10_003).is_empty());
        assert!(page.stamps(10_004).is_empty());
        assert!(page.stamps(0).is_empty());
    }

    #[test]
    fn a_final_newline_adds_no_line() {
        assert_eq!(Page::new("p", "a\n").len(), 1);
        assert!(Page::new("p", "").is_empty());
    }
}
