//! Pages read, gathered into one timeline's documents before merging, in an order that does not
//! depend on the order they were read in.

use std::collections::HashMap;

use dateline_model::{Diagnostic, Document, Severity, Timeline};

/// The merge's diagnostics but those that say again what a page's reading said: that a post has
/// no time, where the page warned at the post's line already (a stamp it could not read says
/// why), so one cause gives one warning. A page from a reader that said nothing of it (a source
/// plugin's) keeps the merge's warning.
pub fn untold(pages: &[Diagnostic], merged: Vec<Diagnostic>) -> Vec<Diagnostic> {
    merged
        .into_iter()
        .filter(|d| {
            d.code != "post-without-time"
                || !pages.iter().any(|p| {
                    p.severity >= Severity::Warning
                        && d.line.is_some()
                        && p.line == d.line
                        && p.path == d.path
                })
        })
        .collect()
}

/// One page for [`gather`]: its document and the diagnostics its reader gave, or the one
/// diagnostic that says why it could not be read at all.
pub type Page = Result<(Document, Vec<Diagnostic>), Diagnostic>;

/// Gathers pages into a timeline with no events yet, as `dateline timeline` does before it
/// merges: pages in path order (then content, so the order they come in changes nothing), each
/// page's diagnostics after those of the pages before it, and a page whose content repeats one
/// before it (the same bytes saved twice) left out with a `duplicate-document` warning naming the
/// first. A page that could not be read leaves its diagnostic in its place.
///
/// ```
/// use dateline_merge::gather;
/// use dateline_model::Document;
///
/// let a = Document::new("b.txt", "generic", b"same bytes");
/// let b = Document::new("a.txt", "generic", b"same bytes");
/// let timeline = gather(vec![Ok((a, Vec::new())), Ok((b, Vec::new()))]);
/// assert_eq!(timeline.documents.len(), 1);
/// assert_eq!(timeline.documents[0].path, "a.txt");
/// assert_eq!(timeline.diagnostics[0].code, "duplicate-document");
/// ```
pub fn gather(mut pages: Vec<Page>) -> Timeline {
    fn key(page: &Page) -> (&str, &str) {
        match page {
            Ok((doc, _)) => (&doc.path, &doc.id),
            Err(d) => (d.path.as_deref().unwrap_or_default(), ""),
        }
    }
    pages.sort_by(|a, b| key(a).cmp(&key(b)));
    let mut timeline = Timeline::default();
    let mut seen: HashMap<String, String> = HashMap::new();
    for page in pages {
        let (doc, diagnostics) = match page {
            Ok(read) => read,
            Err(unread) => {
                timeline.diagnostics.push(unread);
                continue;
            }
        };
        if let Some(first) = seen.get(&doc.id) {
            let message = format!("same content as {first}; read once, this copy is skipped");
            timeline.diagnostics.push(
                Diagnostic::new(Severity::Warning, "duplicate-document", message)
                    .in_path(&doc.path),
            );
            continue;
        }
        seen.insert(doc.id.clone(), doc.path.clone());
        timeline.diagnostics.extend(diagnostics);
        timeline.documents.push(doc);
    }
    timeline
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_post_without_time_the_page_warned_of_is_not_warned_of_again() {
        let page = Diagnostic::new(Severity::Warning, "unresolved-stamp", "unread")
            .in_path("a.txt")
            .at_line(4);
        let merged = |line| {
            vec![
                Diagnostic::new(Severity::Warning, "post-without-time", "left out")
                    .in_path("a.txt")
                    .at_line(line),
            ]
        };
        assert!(untold(std::slice::from_ref(&page), merged(4)).is_empty());
        assert_eq!(untold(&[page], merged(9)).len(), 1);
    }

    #[test]
    fn the_order_pages_come_in_changes_nothing() {
        let page = |path: &str, bytes: &[u8]| -> Page {
            let doc = Document::new(path, "generic", bytes);
            let note = Diagnostic::new(Severity::Info, "read", "read").in_path(path);
            Ok((doc, vec![note]))
        };
        let unread = || -> Page {
            Err(Diagnostic::new(Severity::Error, "unreadable-page", "no").in_path("b.txt"))
        };
        let forward = gather(vec![page("a.txt", b"1"), unread(), page("c.txt", b"2")]);
        let backward = gather(vec![page("c.txt", b"2"), unread(), page("a.txt", b"1")]);
        assert_eq!(forward, backward);
        let paths: Vec<_> = forward
            .diagnostics
            .iter()
            .filter_map(|d| d.path.as_deref())
            .collect();
        assert_eq!(paths, ["a.txt", "b.txt", "c.txt"]);
    }
}
