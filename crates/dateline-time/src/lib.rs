//! (essay to be written: see the issue)
#![deny(missing_docs)]

mod types;

pub use chrono_tz::Tz;
pub use types::*;

/// Finds every timestamp in `text`, in order, with byte spans into `text`.
pub fn find_stamps(text: &str) -> Vec<Stamp> {
    let _ = text;
    todo!()
}

/// Finds the first timestamp in `text`.
pub fn find_stamp(text: &str) -> Option<Stamp> {
    find_stamps(text).into_iter().next()
}

/// Reads `text` (trimmed of whitespace, including no-break spaces) as exactly one timestamp.
pub fn parse_stamp(text: &str) -> Option<Stamp> {
    let _ = text;
    todo!()
}

/// Recognises a page's statement of the zone its times are in.
pub fn zone_statement(line: &str) -> Option<ZoneStatement> {
    let _ = line;
    todo!()
}

/// Resolves one stamp to an instant.
pub fn resolve(stamp: &Stamp, ctx: &Context) -> Result<Resolved, Error> {
    let _ = (stamp, ctx);
    todo!()
}

/// Resolves a page's stamps together, in page order.
pub fn resolve_sequence(stamps: &[Stamp], ctx: &Context) -> Sequence {
    let _ = (stamps, ctx);
    todo!()
}
