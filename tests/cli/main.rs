//! End-to-end tests of the `dateline` binary: one module per command.

#![allow(clippy::expect_used)] // a failed expectation is a failed test

mod bad_input;
mod context;
mod control_chars;
mod determinism;
mod diagnostics;
mod explain;
mod flags;
mod manual;
mod mhtml;
mod output;
mod parquet;
mod paths;
mod plugins;
mod time;
mod timeline;
mod unreadable;
mod util;
mod warc;
