//! Arbitrary bytes read as a saved page: with the layout detected, and with one layout forced,
//! chosen by the input's length, so that over a run every layout reads every kind of input at the
//! cost of two readings per input rather than one per layout.
//!
//! No input may panic, and every reading places every non-blank line exactly once.
//! (`read` is `read_explained` without the text and the roles: one code path.)

#![no_main]

use dateline_sources::{Options, layout_names, read_explained};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let reading = read_explained("fuzz.txt", data, &Options::default());
    common::assert_every_line_has_one_role(&reading, "detected");

    let names = layout_names();
    if let Some(name) = names.get(data.len() % names.len().max(1)) {
        let mut options = Options::default();
        options.layout = Some((*name).to_owned());
        let reading = read_explained("fuzz.txt", data, &options);
        common::assert_every_line_has_one_role(&reading, name);
    }
});
