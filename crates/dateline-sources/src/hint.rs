//! What would help with a page that gave no timestamps, where the layouts' own hint (`--layout`
//! can force a known layout) would not: a page whose HTML shows almost no text (its posts are
//! drawn by scripts), a file of JSON data, bytes that decode to no text. An archive with no HTML
//! part and a file of a known binary kind are refused before, with their own hint.

use dateline_model::Diagnostic;

/// Below this many characters of visible text, an HTML page that has scripts shows nothing of
/// its own: a live blog's shortest posts alone are longer.
const ALMOST_NO_TEXT: usize = 200;

/// The share of the first characters that may be no text (controls other than whitespace,
/// U+FFFD for invalid bytes) before the file is taken as binary data.
const BINARY_SHARE: usize = 10;

/// Replaces the `--layout` hint of each `no-timestamps` diagnostic where the page is one of the
/// kinds it would not help with. `text` is the decoded page (for HTML, its markup), `visible`
/// an HTML page's visible text.
pub(crate) fn no_timestamps(diagnostics: &mut [Diagnostic], text: &str, visible: Option<&str>) {
    let Some(hint) = hint(text, visible) else {
        return;
    };
    for d in diagnostics.iter_mut().filter(|d| d.code == "no-timestamps") {
        if let Some(cut) = d.message.find("; if the page has times") {
            d.message.truncate(cut);
        }
        d.message.push_str("; ");
        d.message.push_str(&hint);
    }
}

fn hint(text: &str, visible: Option<&str>) -> Option<String> {
    if let Some(visible) = visible {
        let shown = visible.chars().filter(|c| !c.is_whitespace()).count();
        let scripted = text.contains("<script") || text.contains("<SCRIPT");
        return (shown < ALMOST_NO_TEXT && scripted).then(|| {
            format!(
                "the HTML shows almost no text ({shown} characters in {} bytes): its posts are \
                 drawn by scripts when a browser runs them; open the page in a browser, let it \
                 load, and save it as text (select all, copy, paste into a .txt file) or as \
                 \"Webpage, single file\" (MHTML), which keeps what the scripts drew",
                text.len()
            )
        });
    }
    let trimmed = text.trim_start_matches('\u{feff}').trim();
    if (trimmed.starts_with('{') || trimmed.starts_with('['))
        && serde_json::from_str::<serde::de::IgnoredAny>(trimmed).is_ok()
    {
        return Some(
            "the file is JSON data, not a saved page; dateline reads the text or the HTML of a \
             news page: open the page in a browser and save it as text or HTML"
                .to_owned(),
        );
    }
    let head: Vec<char> = text.chars().take(4096).collect();
    let odd = head
        .iter()
        .filter(|&&c| c == '\u{fffd}' || (c.is_control() && !c.is_whitespace()))
        .count();
    (!head.is_empty() && odd * 100 >= head.len() * BINARY_SHARE).then(|| {
        format!(
            "the file looks like binary data, not text ({odd} of its first {} characters are \
             none); check that it is the saved page, and save the page as text or HTML",
            head.len()
        )
    })
}

#[cfg(test)]
mod tests {
    use crate::{Options, read};

    fn no_timestamps(bytes: &[u8]) -> String {
        let (_, diagnostics) = read("page", bytes, &Options::default());
        diagnostics
            .iter()
            .find(|d| d.code == "no-timestamps")
            .map(|d| d.message.clone())
            .unwrap_or_default()
    }

    #[test]
    fn a_page_drawn_by_scripts_is_told_to_be_saved_after_it_loads() {
        let data = "{\"posts\":[".to_owned() + &"{\"body\":\"A post.\"},".repeat(200) + "{}]}";
        let page = format!(
            "<!DOCTYPE html><html><head><title>Live</title><script>window.__DATA__ = {data};</script>\
             <script src=\"app.js\"></script></head><body><div id=\"root\"></div><noscript>Enable JavaScript.</noscript></body></html>"
        );
        let message = no_timestamps(page.as_bytes());
        assert!(message.contains("drawn by scripts"), "{message}");
        assert!(!message.contains("--layout"), "{message}");
    }

    #[test]
    fn json_data_is_named_as_such() {
        let message = no_timestamps(
            b"{\"headline\": \"A title\", \"items\": [{\"text\": \"Some words here.\"}]}\n",
        );
        assert!(message.contains("JSON data"), "{message}");
        assert!(!message.contains("--layout"), "{message}");
    }

    #[test]
    fn bytes_that_are_no_text_are_named_binary() {
        let bytes: Vec<u8> = (0..2000u32)
            .map(|i| [1u8, 2, 3, 0x0e, 0x1f, b'a', b'b', 0xc3, 0x28, b' '][(i % 10) as usize])
            .collect();
        let message = no_timestamps(&bytes);
        assert!(message.contains("binary data"), "{message}");
        assert!(!message.contains("--layout"), "{message}");
    }

    #[test]
    fn a_text_page_without_times_keeps_the_layout_hint() {
        let message = no_timestamps(b"A title\n\nSome words of a story with no time at all.\n");
        assert!(message.contains("--layout"), "{message}");
    }
}
