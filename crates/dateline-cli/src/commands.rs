//! The subcommands: read pages, build the timeline, write it.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::sync::Mutex;

use dateline_model::{Diagnostic, Severity, Timeline};
use rayon::prelude::*;

use crate::args::{Args, Command, InputArgs};
use crate::error::{CliError, WriteError};
use crate::input;
use crate::progress::Progress;

pub fn run(args: Args) -> Result<(), CliError> {
    match args.command {
        Command::Parse(a) => {
            let format = format(&a.format, &a.input)?;
            if dateline_formats::by_name(format.name()).is_some()
                && !DOCUMENT_FORMATS.contains(&format.name())
            {
                return Err(CliError::ParseFormat(format.name().to_owned()));
            }
            let timeline = read_all(&a.input)?;
            let mut options = dateline_formats::WriteOptions::default();
            options.terminal = a.input.output.is_none() && io::stdout().is_terminal();
            let result = finish(&a.input, format, &timeline, &options);
            leave(timeline);
            result
        }
        Command::Timeline(a) => {
            let format = format(&a.format, &a.input)?;
            // Checked before any page is read, so a typo fails fast and alone.
            let display_zone = match &a.display_zone {
                Some(name) => Some(
                    name.parse::<dateline_time::Tz>()
                        .map_err(|_| CliError::DisplayZone(name.clone()))?,
                ),
                None => None,
            };
            // Said before any page is read, and kept in the output as the pages' warnings are.
            let unread = unread_flags(&a, format);
            report(&unread, &a.input);
            let mut timeline = read_all(&a.input)?;
            timeline.diagnostics.splice(0..0, unread);
            let posts: usize = timeline.documents.iter().map(|d| d.posts.len()).sum();
            let mut progress = Progress::new(0, a.input.quiet);
            if posts >= 10_000 {
                progress.step(format!("merging {posts} posts"));
            }
            let mut merge_options = dateline_merge::Options::default();
            // The explanations are only printed by `--explain`; the events carry their evidence.
            merge_options.explanations = a.explain;
            let merged = dateline_merge::merge(&timeline.documents, &merge_options);
            progress.finish();
            // The merge's warnings are said as the pages' were, once each: the pages' were
            // printed as they were read.
            let merge_diagnostics =
                dateline_merge::untold(&timeline.diagnostics, merged.diagnostics);
            report(&merge_diagnostics, &a.input);
            timeline.events = merged.events;
            timeline.diagnostics.extend(merge_diagnostics);
            if a.explain {
                return explain(&a.input, &timeline, &merged.explanations);
            }
            let mut options = dateline_formats::WriteOptions::default();
            options.csv_reports = a.csv_reports;
            options.excel = a.excel;
            options.display_zone = display_zone;
            options.terminal = a.input.output.is_none() && io::stdout().is_terminal();
            let result = finish(&a.input, format, &timeline, &options);
            leave(timeline);
            result
        }
        Command::Explain(a) => {
            let json = match a.format.as_str() {
                "text" => false,
                "json" => true,
                other => {
                    return Err(CliError::UnknownFormat {
                        name: other.to_owned(),
                        known: "text, json".to_owned(),
                    });
                }
            };
            let options = source_options(&a.input)?;
            if let Some(layout) = &a.input.layout {
                dateline_sources::layout(layout).map_err(|_| CliError::UnknownLayout {
                    name: layout.clone(),
                    known: dateline_sources::layout_names().join(", "),
                })?;
            }
            let expanded = input::expand(&a.input.paths)?;
            let mut diagnostics = expanded.diagnostics;
            let mut readings = Vec::new();
            for path in &expanded.files {
                match input::read(path, input::max_bytes(a.input.max_page_mib)) {
                    Ok(page) => readings.push(dateline_sources::read_explained(
                        &page.path,
                        &page.bytes,
                        &options,
                    )),
                    Err(unread) => diagnostics.push(unread),
                }
            }
            if readings.is_empty() {
                return Err(nothing_read(&diagnostics));
            }
            for r in &readings {
                diagnostics.extend(r.diagnostics.iter().cloned());
            }
            report(&diagnostics, &a.input);
            output(&a.input, |out| {
                crate::lines::write(out, &readings, json).map_err(WriteError::from)
            })?;
            failed(&diagnostics)
        }
        Command::Time(a) => crate::time::run(&a),
        Command::Formats => {
            let mut out = io::stdout().lock();
            for f in dateline_formats::formats() {
                writeln!(out, "{:<12} {}", f.name(), f.description())
                    .map_err(|e| write_error("standard output", e.into()))?;
            }
            for p in crate::plugins::list() {
                if p.kind == crate::plugins::Kind::Format
                    && dateline_formats::by_name(&p.name).is_none()
                {
                    writeln!(out, "{:<12} a format plugin: {}", p.name, p.path.display())
                        .map_err(|e| write_error("standard output", e.into()))?;
                }
            }
            Ok(())
        }
        Command::Plugins => crate::plugins::print_list(),
        Command::Completions(a) => crate::manual::completions(&a),
        Command::Man(a) => crate::manual::man(&a),
        Command::External(argv) => {
            use clap::CommandFactory;
            let builtins: Vec<String> = Args::command()
                .get_subcommands()
                .map(|c| c.get_name().to_owned())
                .collect();
            crate::plugins::run_subcommand(&argv, &builtins)
        }
        Command::Layouts => {
            let mut out = io::stdout().lock();
            for name in dateline_sources::layout_names() {
                writeln!(out, "{name}").map_err(|e| write_error("standard output", e.into()))?;
            }
            Ok(())
        }
    }
}

/// A built-in format, or else the format plugin `dateline-format-NAME` on PATH.
/// A format whose output is no text (Parquet) is refused on a terminal, before any page is read.
fn format(name: &str, args: &InputArgs) -> Result<&'static dyn dateline_formats::Format, CliError> {
    if let Some(format) = dateline_formats::by_name(name) {
        if format.binary() && args.output.is_none() && io::stdout().is_terminal() {
            return Err(CliError::BinaryToTerminal(name.to_owned()));
        }
        return Ok(format);
    }
    let limits = crate::plugins::Limits::from_args(&args.plugin);
    if let Some(plugin) = crate::plugins::PluginFormat::find(name, limits)? {
        return Ok(plugin);
    }
    Err(CliError::UnknownFormat {
        name: name.to_owned(),
        known: dateline_formats::formats()
            .iter()
            .map(|f| f.name())
            .collect::<Vec<_>>()
            .join(", ")
            + &format!(", or a plugin `dateline-format-{name}` on PATH"),
    })
}

/// The built-in formats that write the documents themselves; the others show events only, which
/// `parse` does not make.
const DOCUMENT_FORMATS: [&str; 2] = ["json", "jsonl"];

/// The built-in formats that read each of `timeline`'s format flags.
const FORMAT_FLAGS: [(&str, &str); 3] = [
    ("--csv-reports", "csv"),
    ("--excel", "csv"),
    ("--display-zone", "markdown"),
];

/// A warning for each format flag of `timeline` that the run will not read: the chosen built-in
/// format does not (a format plugin is given them all, and may), or `--explain` writes no format
/// (`--format` too, when it is not the default).
fn unread_flags(
    args: &crate::args::TimelineArgs,
    format: &dyn dateline_formats::Format,
) -> Vec<Diagnostic> {
    let given = [args.csv_reports, args.excel, args.display_zone.is_some()];
    let builtin = dateline_formats::by_name(format.name()).is_some();
    FORMAT_FLAGS
        .iter()
        .zip(given)
        .filter(|&(_, given)| given)
        .filter_map(|(&(flag, reader), _)| {
            let message = if args.explain {
                format!(
                    "{flag} changes nothing with --explain, which prints the merge's reasons instead of the timeline; it is read by the {reader} format only"
                )
            } else if builtin && format.name() != reader {
                format!(
                    "{flag} changes nothing with --format {}; it is read by the {reader} format only (--format {reader})",
                    format.name()
                )
            } else {
                return None;
            };
            Some(Diagnostic::new(Severity::Warning, "unread-flag", message))
        })
        .chain((args.explain && args.format != "markdown").then(|| {
            let message = format!(
                "--format {} changes nothing with --explain, which prints the merge's reasons instead of the timeline",
                args.format
            );
            Diagnostic::new(Severity::Warning, "unread-flag", message)
        }))
        .collect()
}

/// Reads every page into a document; documents are sorted by path so that the order of the paths
/// on the command line does not change the output.
fn read_all(args: &InputArgs) -> Result<Timeline, CliError> {
    let mut plugin = None;
    if let Some(layout) = &args.layout {
        let names = dateline_sources::layout_names();
        if !names.iter().any(|n| n == layout) {
            // Not built in: the source plugin `dateline-source-NAME` on PATH, if there is one.
            let limits = crate::plugins::Limits::from_args(&args.plugin);
            plugin = crate::plugins::PluginSource::find(layout, limits)?;
            if plugin.is_none() {
                return Err(CliError::UnknownLayout {
                    name: layout.clone(),
                    known: names.join(", ")
                        + &format!(", or a plugin `dateline-source-{layout}` on PATH"),
                });
            }
        }
    }
    let options = source_options(args)?;

    let expanded = input::expand(&args.paths)?;
    // Web archives hold many pages each: they are read record by record below.
    let (archives, paths): (Vec<PathBuf>, Vec<PathBuf>) = expanded
        .files
        .into_iter()
        .partition(|p| dateline_sources::archive::is_archive(p));
    let total: u64 = paths
        .iter()
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum();
    let progress = Mutex::new(Progress::new(total, args.quiet));
    let max_bytes = input::max_bytes(args.max_page_mib);
    let read_one = |path: &PathBuf| -> Result<dateline_merge::Page, CliError> {
        let page = match input::read(path, max_bytes) {
            Ok(page) => page,
            Err(unread) => return Ok(Err(unread)),
        };
        if let Ok(mut progress) = progress.lock() {
            progress.advance(page.bytes.len() as u64);
        }
        let (document, diagnostics) = match &plugin {
            Some(plugin) => plugin.read(&page.path, &page.bytes)?,
            None => dateline_sources::read(&page.path, &page.bytes, &options),
        };
        Ok(Ok((document, diagnostics)))
    };
    // Pages are read in parallel, each dropped once it is a document, so memory holds at most
    // one page per thread. A plugin's pages go one at a time. The first error in path order is
    // the one reported, whatever the threads' timing.
    // Meanwhile the time rules are compiled on the other core, rather than one by one as the
    // first page meets them.
    let results: Vec<Result<dateline_merge::Page, CliError>> = if plugin.is_some() {
        paths.iter().map(read_one).collect()
    } else {
        rayon::join(dateline_time::prepare, || {
            paths.par_iter().map(read_one).collect()
        })
        .1
    };
    let mut read = results.into_iter().collect::<Result<Vec<_>, _>>()?;
    for archive in &archives {
        read.extend(read_archive(archive, &options, max_bytes, plugin.as_ref())?);
    }
    let mut timeline = dateline_merge::gather(read);
    timeline.diagnostics.splice(0..0, expanded.diagnostics);
    if let Ok(mut progress) = progress.lock() {
        progress.finish();
    }
    if timeline.documents.is_empty() {
        return Err(nothing_read(&timeline.diagnostics));
    }
    report(&timeline.diagnostics, args);
    Ok(timeline)
}

/// The pages of one web archive, read in batches in parallel (so an archive of any size holds at
/// most a batch of pages in memory besides the documents), each known by its target address and
/// read with the record's date as the time it was fetched; then the archive's own diagnostics.
fn read_archive(
    path: &std::path::Path,
    options: &dateline_sources::Options,
    max_bytes: u64,
    plugin: Option<&crate::plugins::PluginSource>,
) -> Result<Vec<dateline_merge::Page>, CliError> {
    const BATCH: usize = 64;
    let shown = input::shown(path);
    let mut pages: Vec<dateline_merge::Page> = Vec::new();
    let mut batch: Vec<dateline_sources::archive::Record> = Vec::new();
    let mut failure: Option<CliError> = None;
    let mut flush = |batch: &mut Vec<dateline_sources::archive::Record>,
                     pages: &mut Vec<dateline_merge::Page>| {
        let read =
            |record: &dateline_sources::archive::Record| -> Result<dateline_merge::Page, CliError> {
                Ok(Ok(match plugin {
                    Some(plugin) => plugin.read(&record.uri, &record.bytes)?,
                    None => record.read(options),
                }))
            };
        let results: Vec<Result<dateline_merge::Page, CliError>> = if plugin.is_some() {
            batch.iter().map(read).collect()
        } else {
            batch.par_iter().map(read).collect()
        };
        batch.clear();
        for result in results {
            match result {
                Ok(page) => pages.push(page),
                Err(err) => {
                    failure.get_or_insert(err);
                }
            }
        }
    };
    let diagnostics = dateline_sources::archive::read(path, &shown, max_bytes, |record| {
        batch.push(record);
        if batch.len() >= BATCH {
            flush(&mut batch, &mut pages);
        }
    });
    flush(&mut batch, &mut pages);
    if let Some(err) = failure {
        return Err(err);
    }
    pages.extend(diagnostics.into_iter().map(Err));
    Ok(pages)
}

/// No page could be read at all: there is nothing to write (and an old `-o FILE` is better kept
/// than replaced by an empty timeline), so the run stops with every reason in one message, which
/// `--quiet` does not hide.
fn nothing_read(diagnostics: &[Diagnostic]) -> CliError {
    let reasons: Vec<String> = diagnostics
        .iter()
        .filter(|d| d.severity >= Severity::Warning)
        .map(|d| match &d.path {
            Some(path) => format!("{path}: {}", d.message),
            None => d.message.clone(),
        })
        .collect();
    CliError::NothingRead(reasons.join("; "))
}

/// Leaves the timeline to the operating system: the process ends once the output is written, and
/// freeing a large timeline's millions of strings one by one only walks gigabytes of memory again
/// (1% of the instructions of `timeline` on 10 k generated posts, more in time on a large input
/// whose memory is no longer in any cache).
#[allow(clippy::mem_forget)]
fn leave(timeline: Timeline) {
    std::mem::forget(timeline);
}

/// Warnings and errors go to standard error as well as into the output (`crate::report`): those
/// of the flags, of the pages and of the merge, each printed once, as it is made; `--quiet` leaves
/// out the warnings, never an error (a page that could not be read at all).
fn report(diagnostics: &[Diagnostic], args: &InputArgs) {
    crate::report::Report::new(args.quiet, args.color).print(diagnostics);
}

fn finish(
    args: &InputArgs,
    format: &dyn dateline_formats::Format,
    timeline: &Timeline,
    options: &dateline_formats::WriteOptions,
) -> Result<(), CliError> {
    output(args, |out| {
        format
            .write(timeline, options, out)
            .map_err(WriteError::from)
    })?;
    pages_failed(timeline)
}

/// Exit code 1 once the output is written, when a page could not be read at all (an error in
/// the diagnostics: a file that cannot be opened, one over the size limit, an image given as a
/// page): the output holds every other page, and a script sees that something is missing.
fn pages_failed(timeline: &Timeline) -> Result<(), CliError> {
    failed(&timeline.diagnostics)
}

fn failed(diagnostics: &[Diagnostic]) -> Result<(), CliError> {
    if diagnostics.iter().any(|d| d.severity == Severity::Error) {
        Err(CliError::Exit(1))
    } else {
        Ok(())
    }
}

/// `--explain`: the merge's reasons instead of the timeline.
fn explain(
    args: &InputArgs,
    timeline: &Timeline,
    explanations: &[dateline_merge::Explanation],
) -> Result<(), CliError> {
    output(args, |out| {
        let mut out = out;
        crate::explain::write(&mut out, timeline, explanations).map_err(WriteError::from)
    })?;
    pages_failed(timeline)
}

/// Runs `write` on the output (`-o FILE`, whole or untouched, or standard output).
fn output(
    args: &InputArgs,
    write: impl FnOnce(&mut dyn Write) -> Result<(), WriteError>,
) -> Result<(), CliError> {
    crate::atomic::write(args.output.as_deref(), write)
}

pub(crate) fn write_error(target: &str, source: WriteError) -> CliError {
    CliError::Write {
        target: target.to_owned(),
        source,
    }
}

/// How to read pages, from what every reading command takes: the layout, the limits, and what the
/// user knows of the pages (their zone, country and capture time), checked here so that a typo
/// stops the run with a message rather than being ignored.
fn source_options(args: &InputArgs) -> Result<dateline_sources::Options, CliError> {
    let mut options = dateline_sources::Options::default();
    options.layout.clone_from(&args.layout);
    options.max_posts = args.max_posts;
    if let Some(name) = &args.zone {
        options.zone = Some(
            name.parse::<dateline_sources::Tz>()
                .map_err(|_| CliError::Zone(name.clone()))?,
        );
    }
    if let Some(code) = &args.country {
        let code = code.trim();
        if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_alphabetic()) {
            return Err(CliError::Country(code.to_owned()));
        }
        options.country = Some(code.to_ascii_uppercase());
    }
    if let Some(value) = &args.captured_at {
        let at =
            chrono::DateTime::parse_from_rfc3339(value).map_err(|source| CliError::CapturedAt {
                value: value.clone(),
                source,
            })?;
        options.captured_at = Some(at.with_timezone(&chrono::Utc));
    }
    Ok(options)
}
