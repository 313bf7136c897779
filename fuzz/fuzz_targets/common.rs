//! What every page target checks about a reading.

use dateline_sources::{Page, Reading};

/// Every non-blank line of the text that was read has exactly one role: none is missing, none was
/// given two.
pub fn assert_every_line_has_one_role(reading: &Reading, options: &str) {
    assert!(
        reading.roles.conflicts().is_empty(),
        "{options}: lines given two roles: {:?}",
        reading.roles.conflicts()
    );
    let page = Page::new("fuzz", &reading.text);
    for (n, line) in page.lines() {
        if !line.trim().is_empty() {
            assert!(
                reading.roles.get(n).is_some(),
                "{options}: line {n} has no role: {line:?}"
            );
        }
    }
}
