//! Stable ids, derived from content.

use sha2::{Digest, Sha256};
use std::fmt::Write;

/// The id of a document: the first 12 hex digits of the SHA-256 of its bytes.
///
/// ```
/// assert_eq!(dateline_model::content_id(b""), "e3b0c44298fc");
/// ```
pub fn content_id(bytes: &[u8]) -> String {
    hex_prefix(&Sha256::digest(bytes), 12)
}

/// The id of an event: `e` and the first 12 hex digits of the SHA-256 of its post ids, sorted, so
/// the id does not depend on the order in which the posts were found.
///
/// ```
/// let a = dateline_model::event_id(["x:1", "y:2"]);
/// let b = dateline_model::event_id(["y:2", "x:1"]);
/// assert_eq!(a, b);
/// assert!(a.starts_with('e'));
/// ```
pub fn event_id<'a>(post_ids: impl IntoIterator<Item = &'a str>) -> String {
    let mut ids: Vec<&str> = post_ids.into_iter().collect();
    ids.sort_unstable();
    ids.dedup();
    let mut hasher = Sha256::new();
    for id in ids {
        hasher.update(id.as_bytes());
        hasher.update(b"\n");
    }
    format!("e{}", hex_prefix(&hasher.finalize(), 12))
}

fn hex_prefix(digest: &[u8], digits: usize) -> String {
    let mut out = String::with_capacity(digits);
    for byte in digest.iter().take(digits.div_ceil(2)) {
        // Writing to a String cannot fail.
        let _ = write!(out, "{byte:02x}");
    }
    out.truncate(digits);
    out
}
