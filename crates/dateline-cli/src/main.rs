//! The `dateline` command: reads saved news pages and prints one timeline in UTC.
//!
//! This crate only wires the libraries together [ripgrep core, mdBook src/cmd]: `args` parses the
//! command line with clap, `input` turns paths into pages, `commands` runs
//! `dateline_sources` -> `dateline_merge` -> `dateline_formats`, `atomic` writes `-o FILE` whole or
//! not at all, `time` is the `dateline time`
//! test bench over `dateline_time`, `plugins` runs the `dateline-*` executables on PATH
//! (subcommands, formats, sources; `docs/plugins.md`), `manual` prints the shell completions and the
//! manual pages, and `main` maps errors to exit codes
//! (0 on success and on a closed pipe, 2 on error, the whole error chain on stderr; an external
//! subcommand's own code).

// The command line is the one place that talks to the terminal.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod args;
mod atomic;
mod commands;
mod error;
mod explain;
mod input;
mod lines;
mod manual;
mod plugins;
mod progress;
mod report;
mod terminal;
mod time;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = args::Args::parse();
    match commands::run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if err.is_broken_pipe() => ExitCode::SUCCESS,
        Err(error::CliError::Exit(code)) => ExitCode::from(code),
        Err(err) => {
            // An error may quote a page's name or text.
            eprintln!("dateline: error: {}", terminal::line(&error::chain(&err)));
            ExitCode::from(2)
        }
    }
}
