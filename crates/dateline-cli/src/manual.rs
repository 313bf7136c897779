//! `dateline completions SHELL` and `dateline man`: the shell completion scripts (clap_complete)
//! and the manual pages (clap_mangen), both made from the one clap definition in `args`, so they
//! cannot drift from `--help`.
//!
//! A user who installed with `cargo install` reaches them through these subcommands; packagers
//! take the pages committed in `docs/man/`, which `cargo xtask codegen` writes with
//! `dateline man --out-dir docs/man` (and `--check` keeps fresh).

use std::fs;
use std::io::{self, Write};
use std::path::Path;

use clap::CommandFactory;

use crate::args::{Args, CompletionsArgs, ManArgs};
use crate::error::CliError;

/// Prints the completion script for one shell.
pub fn completions(args: &CompletionsArgs) -> Result<(), CliError> {
    let mut command = Args::command();
    // Rendered whole first: clap_complete panics on a failed write, and `| head` is no error.
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "dateline", &mut script);
    print(&script)
}

/// Prints one manual page, or writes every page into a directory.
pub fn man(args: &ManArgs) -> Result<(), CliError> {
    let pages = pages().map_err(|e| crate::commands::write_error("the manual", e.into()))?;
    if let Some(dir) = &args.out_dir {
        return write_pages(dir, &pages);
    }
    let wanted = match &args.command {
        Some(name) => format!("dateline-{name}.1"),
        None => "dateline.1".to_owned(),
    };
    match pages.iter().find(|(file, _)| *file == wanted) {
        Some((_, page)) => print(page),
        None => Err(CliError::UnknownManPage {
            name: args.command.clone().unwrap_or_default(),
            known: pages
                .iter()
                .filter_map(|(file, _)| file.strip_prefix("dateline-")?.strip_suffix(".1"))
                .collect::<Vec<_>>()
                .join(", "),
        }),
    }
}

/// Every page, `(file name, roff)`: `dateline.1`, then `dateline-NAME.1` for each subcommand, as
/// `git` and `cargo` have one page per subcommand (the main page's SUBCOMMANDS section names
/// them as `dateline-NAME(1)`).
fn pages() -> io::Result<Vec<(String, Vec<u8>)>> {
    // `help` is clap's own, and would get a page that says nothing.
    let mut command = Args::command().disable_help_subcommand(true);
    command.build();
    let mut pages = Vec::new();
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        pages.push(page(sub.clone())?);
    }
    pages.insert(0, page(command)?);
    Ok(pages)
}

fn page(command: clap::Command) -> io::Result<(String, Vec<u8>)> {
    // Every page's footer names the program, not the subcommand.
    let man =
        clap_mangen::Man::new(command).source(concat!("dateline ", env!("CARGO_PKG_VERSION")));
    let mut roff = Vec::new();
    man.render(&mut roff)?;
    Ok((man.get_filename(), roff))
}

/// `--out-dir DIR`: every page written into DIR (made if missing), each file whole.
fn write_pages(dir: &Path, pages: &[(String, Vec<u8>)]) -> Result<(), CliError> {
    let shown = dir.display().to_string();
    fs::create_dir_all(dir).map_err(|e| crate::commands::write_error(&shown, e.into()))?;
    for (file, page) in pages {
        let path = dir.join(file);
        crate::atomic::write(Some(&path), |out| out.write_all(page).map_err(Into::into))?;
    }
    Ok(())
}

fn print(bytes: &[u8]) -> Result<(), CliError> {
    let mut out = io::stdout().lock();
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .map_err(|e| crate::commands::write_error("standard output", e.into()))
}
