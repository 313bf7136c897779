//! The command's errors: each names the file it is about and says what to do.

use std::error::Error as _;
use std::io;

/// Everything that stops a run.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("cannot read standard input: {0}")]
    Stdin(#[source] io::Error),
    #[error(
        "{path} has no pages: a directory is read for its saved pages (*.txt, *.html, *.htm, *.mhtml, *.mht), and it has none; give the files themselves to read other names{skipped}"
    )]
    NoPages { path: String, skipped: String },
    /// Every page failed: nothing to write, and every reason in one message.
    #[error("no page could be read: {0}")]
    NothingRead(String),
    #[error("`-` (standard input) was given more than once")]
    StdinTwice,
    #[error("unknown format `{name}`; known formats: {known}")]
    UnknownFormat { name: String, known: String },
    #[error(
        "`parse` writes documents, and the {0} format shows events, which `parse` does not make: use `dateline timeline --format {0}` for the events, or `parse --format json` (or `jsonl`) for the documents"
    )]
    ParseFormat(String),
    #[error(
        "the {0} format writes binary data, which a terminal cannot show: write it to a file with `-o FILE` (or redirect standard output)"
    )]
    BinaryToTerminal(String),
    #[error("unknown layout `{name}`; known layouts: {known}")]
    UnknownLayout { name: String, known: String },
    #[error(
        "--reference `{value}` is not an RFC 3339 time ({source}); write it like 2020-01-03T12:44:00Z"
    )]
    Reference {
        value: String,
        source: chrono::ParseError,
    },
    #[error(
        "--zone `{0}` is not an IANA zone name; write it like Europe/London or America/New_York"
    )]
    Zone(String),
    #[error("--country `{0}` is not an ISO 3166 country code; write it like GB, IT or US")]
    Country(String),
    #[error(
        "--captured-at `{value}` is not an RFC 3339 time ({source}); write it like 2020-01-03T12:44:00Z"
    )]
    CapturedAt {
        value: String,
        source: chrono::ParseError,
    },
    #[error(
        "--display-zone `{0}` is not an IANA zone name; write it like Europe/London or America/New_York"
    )]
    DisplayZone(String),
    #[error("no manual page for `{name}`; there is one for each of: {known}")]
    UnknownManPage { name: String, known: String },
    #[error("no such command `{name}`, built in or `dateline-{name}` on PATH{hint}")]
    UnknownCommand { name: String, hint: String },
    #[error("plugin `{name}` {reason}")]
    Plugin { name: String, reason: String },
    /// An external subcommand's non-zero exit code, passed through without a message.
    #[error("the plugin exited with code {0}")]
    Exit(u8),
    /// `-o FILE` could not be written whole; `untouched` says what became of FILE.
    #[error("cannot write {target}: {reason}; {untouched}")]
    Output {
        target: String,
        reason: String,
        untouched: String,
    },
    #[error("cannot write {target}")]
    Write {
        target: String,
        #[source]
        source: WriteError,
    },
    #[error(
        "{what} `{name}` is not built in, and cannot be a plugin's name: a plugin's name is ASCII letters, digits and `-` only"
    )]
    PluginName { what: &'static str, name: String },
}

/// Why writing the output failed.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error(transparent)]
    Io(#[from] io::Error),
    #[error(transparent)]
    Format(#[from] dateline_formats::Error),
    #[error(transparent)]
    Json(#[from] serde_json::Error),
}

impl CliError {
    /// The output's reader went away (`dateline ... | head`): not an error for a command-line tool.
    pub fn is_broken_pipe(&self) -> bool {
        // A transparent `WriteError::Io` hides its io::Error from the chain below.
        if let CliError::Write {
            source: WriteError::Io(io),
            ..
        } = self
        {
            return io.kind() == io::ErrorKind::BrokenPipe;
        }
        let mut source: Option<&(dyn std::error::Error + 'static)> = self.source();
        while let Some(err) = source {
            if let Some(io) = err.downcast_ref::<io::Error>()
                && io.kind() == io::ErrorKind::BrokenPipe
            {
                return true;
            }
            source = err.source();
        }
        false
    }
}

/// The error and its causes, joined with `: `.
pub fn chain(err: &dyn std::error::Error) -> String {
    let mut out = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        let text = cause.to_string();
        if !out.contains(&text) {
            out.push_str(": ");
            out.push_str(&text);
        }
        source = cause.source();
    }
    out
}
