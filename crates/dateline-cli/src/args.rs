//! The command line, as clap derives it.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// Turn saved news pages from many outlets into one timeline, true to the minute in UTC.
#[derive(Debug, Parser)]
#[command(name = "dateline", version, about, propagate_version = true)]
pub struct Args {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read pages into documents with resolved times (no events)
    Parse(ParseArgs),
    /// Read pages and print the merged timeline of events
    Timeline(TimelineArgs),
    /// Print every line of a page with its role (metadata, timestamp, post, boilerplate, noise)
    /// and the rule that gave it
    Explain(ExplainArgs),
    /// Find and resolve every time in a text (the dateline-time test bench)
    Time(TimeArgs),
    /// List the output formats
    Formats,
    /// List the page layouts dateline recognises
    Layouts,
    /// List the plugins found on PATH: `dateline-NAME` subcommands, `dateline-format-NAME`
    /// formats, `dateline-source-NAME` layouts (see docs/plugins.md)
    Plugins,
    /// Print the completion script for a shell (see the README for where to put it)
    Completions(CompletionsArgs),
    /// Print the manual page (roff): `dateline man | man -l -`
    Man(ManArgs),
    /// `dateline NAME ARGS...` runs the plugin `dateline-NAME NAME ARGS...` found on PATH
    #[command(external_subcommand)]
    External(Vec<OsString>),
}

/// What every reading command takes.
#[derive(Debug, clap::Args)]
pub struct InputArgs {
    /// Pages to read: files, directories (their *.txt, *.html, *.htm, *.mhtml and *.mht files and web archives, *.warc and *.warc.gz, sorted) or `-`
    /// for standard input; a page that cannot be read is reported and the others are read
    /// (exit code 1)
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,
    /// Read every page with this layout instead of detecting it (see `dateline layouts`)
    #[arg(long, value_name = "NAME")]
    pub layout: Option<String>,
    /// Write to FILE instead of standard output, whole or not at all: a run that fails or is
    /// interrupted leaves FILE as it was
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Do not print warnings on standard error (they stay in the output); errors are still printed
    #[arg(short, long)]
    pub quiet: bool,
    /// How warnings and errors are shown on standard error: `auto` shows each with its page's
    /// line and the part it is about marked, in colour, when standard error is a terminal (no
    /// colour with NO_COLOR set), and one line each otherwise; `always` shows lines and colour
    /// anywhere; `never`, one plain line each
    #[arg(long, value_name = "WHEN", value_enum, default_value_t = Color::Auto)]
    pub color: Color,
    /// Refuse pages larger than this many MiB (mebibytes of 1,048,576 bytes; a saved page is
    /// rarely over 10); `--max-page-mb` is an older name for it
    #[arg(long, value_name = "MIB", default_value_t = 100, alias = "max-page-mb")]
    pub max_page_mib: u64,
    /// Read at most this many posts from one page; the rest are reported and left out
    #[arg(long, value_name = "N", default_value_t = dateline_sources::MAX_POSTS)]
    pub max_posts: usize,
    /// The zone the pages' clocks are in (IANA name, such as Europe/Rome), when you know it: it
    /// outweighs every clue on the pages
    #[arg(long, value_name = "IANA")]
    pub zone: Option<String>,
    /// The outlet's country (ISO 3166 alpha-2, such as IT), when you know it
    #[arg(long, value_name = "CC")]
    pub country: Option<String>,
    /// When the pages were saved (RFC 3339): the "now" of their relative times (`4m ago`)
    #[arg(long, value_name = "RFC3339")]
    pub captured_at: Option<String>,
    #[command(flatten)]
    pub plugin: PluginArgs,
}

/// When diagnostics are shown with their lines and in colour (`--color`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Color {
    /// On a terminal.
    Auto,
    /// Anywhere.
    Always,
    /// Never: one plain line each.
    Never,
}

/// The limits of a format or source plugin's run (`docs/plugins.md`).
#[derive(Debug, Clone, clap::Args)]
pub struct PluginArgs {
    /// Stop a format or source plugin (and its `supports` probe) that has not finished after
    /// this many seconds
    // At most a year, so that a deadline is always a time the clock can hold.
    #[arg(long, value_name = "SECONDS", default_value_t = 60, help_heading = "Plugins",
          value_parser = clap::value_parser!(u64).range(1..=31_536_000))]
    pub plugin_timeout: u64,
    /// Stop a format or source plugin that writes more than this many MiB
    #[arg(long, value_name = "MIB", default_value_t = 1024, help_heading = "Plugins",
          value_parser = clap::value_parser!(u64).range(1..))]
    pub plugin_max_output_mib: u64,
}

#[derive(Debug, clap::Args)]
pub struct ExplainArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format: `text` (a listing) or `json` (one record per line)
    #[arg(long, value_name = "NAME", default_value = "text")]
    pub format: String,
}

#[derive(Debug, clap::Args)]
pub struct ParseArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format
    #[arg(long, value_name = "NAME", default_value = "json")]
    pub format: String,
}

#[derive(Debug, clap::Args)]
pub struct TimelineArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format (see `dateline formats`)
    #[arg(long, value_name = "NAME", default_value = "markdown")]
    pub format: String,
    /// Print why each event with several reports was merged, and why the closest candidates
    /// were not, instead of the timeline
    #[arg(long)]
    pub explain: bool,
    /// csv: one row per report instead of one row per event
    #[arg(long)]
    pub csv_reports: bool,
    /// csv: start with a UTF-8 byte order mark, so Excel reads the file as UTF-8
    #[arg(long)]
    pub excel: bool,
    /// markdown: also show each event's time in this zone (IANA name, such as America/New_York)
    #[arg(long, value_name = "IANA")]
    pub display_zone: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell to complete for
    #[arg(value_name = "SHELL", value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, clap::Args)]
pub struct ManArgs {
    /// The page of this subcommand (`dateline-COMMAND(1)`) instead of the main page
    #[arg(value_name = "COMMAND")]
    pub command: Option<String>,
    /// Write every page (dateline.1 and one dateline-COMMAND.1 per subcommand) into DIR
    /// instead of printing one, for packagers
    #[arg(long, value_name = "DIR", conflicts_with = "command")]
    pub out_dir: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct TimeArgs {
    /// The text to read; without it (or with `-`), each line of standard input is read
    #[arg(value_name = "TEXT")]
    pub text: Option<String>,
    /// The time the text was written (RFC 3339): the date of bare clocks, the "now" of
    /// "yesterday" and "2h ago", the report that "last night" is read against
    #[arg(long, value_name = "RFC3339")]
    pub reference: Option<String>,
    /// The zone of times that state none (IANA name, such as Europe/London)
    #[arg(long, value_name = "IANA")]
    pub zone: Option<String>,
    /// The country of the outlet (ISO 3166 alpha-2), to choose among ambiguous zone names
    /// such as IST or CST
    #[arg(long, value_name = "CC")]
    pub country: Option<String>,
    /// Output format
    #[arg(long, value_name = "NAME", default_value = "text", value_parser = ["text", "json"])]
    pub format: String,
}
