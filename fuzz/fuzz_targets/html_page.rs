//! Arbitrary bytes read as a saved HTML page: behind a doctype, so that they are taken for HTML and
//! go through the visible text and the machine data (JSON-LD, microdata, `<meta>`, `<time>`), and
//! as they are.
//!
//! No input may panic, and the visible text's every non-blank line is placed exactly once.

#![no_main]

use dateline_sources::{Options, read, read_explained};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

const PREFIX: &[u8] = b"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head><body>\n";

fuzz_target!(|data: &[u8]| {
    let mut wrapped = Vec::with_capacity(PREFIX.len() + data.len());
    wrapped.extend_from_slice(PREFIX);
    wrapped.extend_from_slice(data);
    let reading = read_explained("fuzz.html", &wrapped, &Options::default());
    common::assert_every_line_has_one_role(&reading, "wrapped");
    let _ = read("fuzz.html", data, &Options::default());
});
