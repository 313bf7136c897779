//! Plugins, in the manner of cargo's external subcommands and mdBook's renderers: executables on
//! `PATH` named `dateline-NAME` (a subcommand), `dateline-format-NAME` (an output format) and
//! `dateline-source-NAME` (a page layout). The protocol is in `docs/plugins.md`.
//!
//! A plugin is only ever run by its explicit name found on `PATH`, never through a shell, with its
//! arguments as a list. It gets `DATELINE` (this executable) in its environment, and its standard
//! error passes through. A format plugin stands in for a built-in format behind
//! [`dateline_formats::Format`]; a source plugin answers a [`Document`] as `dateline_sources::read`
//! does.

use std::ffi::OsString;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::{Command, ExitStatus, Stdio};

use dateline_model::{Diagnostic, Document, SourceReply, Timeline};
use serde_json::{Value, json};

use crate::error::CliError;

/// The protocol's version, the `v` of every request.
pub const PROTOCOL: u32 = 1;

/// What a plugin is, from its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Subcommand,
    Format,
    Source,
}

impl Kind {
    fn label(self) -> &'static str {
        match self {
            Kind::Subcommand => "subcommand",
            Kind::Format => "format",
            Kind::Source => "source",
        }
    }
}

/// A `dateline-*` executable found on `PATH`.
#[derive(Debug, Clone)]
pub struct Plugin {
    /// The name after the prefix: `hello` for `dateline-hello`, `count` for `dateline-format-count`.
    pub name: String,
    pub kind: Kind,
    pub path: PathBuf,
}

/// Every `dateline-*` executable on `PATH`: the first of each name, sorted by kind then name.
pub fn list() -> Vec<Plugin> {
    let mut found: Vec<(String, PathBuf)> = Vec::new();
    for dir in path_dirs() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut here: Vec<(String, PathBuf)> = Vec::new();
        for entry in entries.flatten() {
            let file_name = entry.file_name();
            let Some(file_name) = file_name.to_str() else {
                continue;
            };
            let stem = file_name
                .strip_suffix(std::env::consts::EXE_SUFFIX)
                .unwrap_or(file_name);
            if stem.len() <= "dateline-".len() || !stem.starts_with("dateline-") {
                continue;
            }
            let path = entry.path();
            if is_executable(&path) {
                here.push((stem.to_owned(), path));
            }
        }
        here.sort();
        for (stem, path) in here {
            if !found.iter().any(|(s, _)| *s == stem) {
                found.push((stem, path));
            }
        }
    }
    let mut plugins: Vec<Plugin> = found
        .into_iter()
        .map(|(stem, path)| {
            let rest = &stem["dateline-".len()..];
            let (kind, name) = if let Some(n) = rest.strip_prefix("format-") {
                (Kind::Format, n)
            } else if let Some(n) = rest.strip_prefix("source-") {
                (Kind::Source, n)
            } else {
                (Kind::Subcommand, rest)
            };
            Plugin {
                name: name.to_owned(),
                kind,
                path,
            }
        })
        .filter(|p| !p.name.is_empty())
        .collect();
    plugins.sort_by(|a, b| (a.kind.label(), &a.name).cmp(&(b.kind.label(), &b.name)));
    plugins
}

/// `dateline plugins`: one line per plugin, `KIND NAME PATH`.
pub fn print_list() -> Result<(), CliError> {
    let mut out = io::stdout().lock();
    for p in list() {
        writeln!(
            out,
            "{:<10} {:<16} {}",
            p.kind.label(),
            p.name,
            p.path.display()
        )
        .map_err(|e| crate::commands::write_error("standard output", e.into()))?;
    }
    Ok(())
}

/// The first executable called `program` on `PATH`.
pub fn find(program: &str) -> Option<PathBuf> {
    let file = format!("{program}{}", std::env::consts::EXE_SUFFIX);
    path_dirs()
        .into_iter()
        .map(|dir| dir.join(&file))
        .find(|path| is_executable(path))
}

fn path_dirs() -> Vec<PathBuf> {
    std::env::var_os("PATH")
        .map(|p| {
            std::env::split_paths(&p)
                .filter(|d| !d.as_os_str().is_empty())
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(unix)]
fn is_executable(path: &std::path::Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_executable(path: &std::path::Path) -> bool {
    path.is_file()
}

/// A command for a plugin: no shell, `DATELINE` set to this executable.
fn command(path: &PathBuf) -> Command {
    let mut cmd = Command::new(path);
    if let Ok(exe) = std::env::current_exe() {
        cmd.env("DATELINE", exe);
    }
    cmd
}

fn spawn_error(program: &str, err: &io::Error) -> CliError {
    CliError::Plugin {
        name: program.to_owned(),
        reason: format!("could not be run: {err}"),
    }
}

/// Why a plugin's run failed, from its exit status; `None` when it succeeded.
fn failure(status: ExitStatus) -> Option<String> {
    if status.success() {
        return None;
    }
    if let Some(code) = status.code() {
        return Some(format!("exited with code {code}"));
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(signal) = status.signal() {
            return Some(format!("was killed by signal {signal}"));
        }
    }
    Some("was stopped without an exit code".to_owned())
}

/// `dateline NAME ARGS...` for a NAME that is not built in: runs `dateline-NAME NAME ARGS...`
/// and passes its exit code through ([`CliError::Exit`] for a non-zero one).
pub fn run_subcommand(argv: &[OsString], builtins: &[String]) -> Result<(), CliError> {
    let Some(name) = argv.first() else {
        return Err(CliError::UnknownCommand {
            name: String::new(),
            hint: String::new(),
        });
    };
    let name_text = name.to_string_lossy().into_owned();
    let program = format!("dateline-{name_text}");
    let Some(path) = find(&program) else {
        return Err(CliError::UnknownCommand {
            hint: suggest(&name_text, builtins),
            name: name_text,
        });
    };
    let status = command(&path)
        .args(argv)
        .status()
        .map_err(|e| spawn_error(&program, &e))?;
    match status.code() {
        Some(0) => Ok(()),
        Some(code) => Err(CliError::Exit(u8::try_from(code).unwrap_or(2))),
        None => Err(CliError::Plugin {
            reason: failure(status).unwrap_or_default(),
            name: program,
        }),
    }
}

/// "; did you mean `x`?" for the built-in commands and subcommand plugins within two edits.
fn suggest(name: &str, builtins: &[String]) -> String {
    let mut candidates: Vec<String> = builtins.to_vec();
    candidates.extend(
        list()
            .into_iter()
            .filter(|p| p.kind == Kind::Subcommand)
            .map(|p| p.name),
    );
    let mut close: Vec<(usize, String)> = candidates
        .into_iter()
        .map(|c| (distance(name, &c), c))
        .filter(|(d, _)| *d <= 2)
        .collect();
    close.sort();
    close.dedup_by(|a, b| a.1 == b.1);
    match close.as_slice() {
        [] => "; `dateline --help` lists the commands, `dateline plugins` the plugins".to_owned(),
        [(_, one)] => format!("; did you mean `{one}`?"),
        many => {
            let names: Vec<String> = many.iter().map(|(_, c)| format!("`{c}`")).collect();
            format!("; did you mean one of {}?", names.join(", "))
        }
    }
}

/// Levenshtein distance over characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let old = row[j + 1];
            row[j + 1] = (old + 1).min(row[j] + 1).min(prev + usize::from(ca != *cb));
            prev = old;
        }
    }
    row[b.len()]
}

/// Runs `PROGRAM supports`: exit 0 means the plugin will do the work; anything else is a refusal.
fn probe(program: &str, path: &PathBuf) -> Result<(), CliError> {
    let status = command(path)
        .arg("supports")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .status()
        .map_err(|e| spawn_error(program, &e))?;
    match failure(status) {
        None => Ok(()),
        Some(why) => Err(CliError::Plugin {
            name: program.to_owned(),
            reason: format!("refused: `{program} supports` {why}"),
        }),
    }
}

/// Runs `path` with `request` on its standard input, copying its standard output to `out`.
fn exchange(
    program: &str,
    path: &PathBuf,
    request: &[u8],
    out: &mut dyn Write,
) -> Result<(), PluginError> {
    let mut child = command(path)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| PluginError::new(program, format!("could not be run: {e}")))?;
    let stdin = child.stdin.take();
    let stdout = child.stdout.take();
    let copied = std::thread::scope(|scope| {
        if let Some(mut stdin) = stdin {
            // A plugin may answer without reading everything: a closed pipe is not an error.
            scope.spawn(move || {
                let _ = stdin.write_all(request);
            });
        }
        match stdout {
            Some(mut stdout) => io::copy(&mut stdout, out).map(|_| ()),
            None => Ok(()),
        }
    });
    let status = child
        .wait()
        .map_err(|e| PluginError::new(program, format!("could not be waited for: {e}")))?;
    // A failed copy first: when our reader went away (`| head`), the plugin dying of the closed
    // pipe is a consequence, and the broken pipe must stay visible as such.
    copied.map_err(PluginError::Output)?;
    match failure(status) {
        Some(why) => Err(PluginError::new(program, why)),
        None => Ok(()),
    }
}

/// A format plugin's failure, inside the formats' error.
#[derive(Debug, thiserror::Error)]
enum PluginError {
    #[error("plugin `{name}` {reason}")]
    Failed { name: String, reason: String },
    /// Copying the plugin's output failed (a closed pipe among others).
    #[error(transparent)]
    Output(io::Error),
}

impl PluginError {
    fn new(name: &str, reason: String) -> Self {
        PluginError::Failed {
            name: name.to_owned(),
            reason,
        }
    }

    fn into_io(self) -> io::Error {
        match self {
            PluginError::Output(err) => err,
            failed => io::Error::other(failed),
        }
    }
}

/// `--format NAME` for a NAME no built-in has: `dateline-format-NAME`, once it said it supports
/// the request.
#[derive(Debug)]
pub struct PluginFormat {
    name: &'static str,
    program: String,
    path: PathBuf,
}

impl PluginFormat {
    /// Finds `dateline-format-NAME` on `PATH` and probes it; `Ok(None)` when there is none.
    pub fn find(name: &str) -> Result<Option<&'static PluginFormat>, CliError> {
        let program = format!("dateline-format-{name}");
        let Some(path) = find(&program) else {
            return Ok(None);
        };
        probe(&program, &path)?;
        // One per run: leaked so it lives as long as the built-in formats.
        let format = PluginFormat {
            name: Box::leak(name.to_owned().into_boxed_str()),
            program,
            path,
        };
        Ok(Some(Box::leak(Box::new(format))))
    }
}

/// The `options` of a format request: the options the formats know.
fn options_json(options: &dateline_formats::WriteOptions) -> Value {
    json!({
        "csv_reports": options.csv_reports,
        "excel": options.excel,
        "display_zone": options.display_zone.map(|zone| zone.name()),
    })
}

impl dateline_formats::Format for PluginFormat {
    fn name(&self) -> &'static str {
        self.name
    }

    fn description(&self) -> &'static str {
        "an external format plugin"
    }

    fn write(
        &self,
        timeline: &Timeline,
        options: &dateline_formats::WriteOptions,
        out: &mut dyn Write,
    ) -> Result<(), dateline_formats::Error> {
        // The request: the small fields, then the `timeline` exactly as `--format json` writes it.
        let head = json!({
            "v": PROTOCOL,
            "dateline_version": env!("CARGO_PKG_VERSION"),
            "options": options_json(options),
        });
        let mut request = serde_json::to_vec(&head).map_err(io::Error::other)?;
        request.pop(); // the closing brace
        request.extend_from_slice(b",\"timeline\":");
        dateline_formats::Json.write(timeline, options, &mut request)?;
        request.extend_from_slice(b"}\n");
        exchange(&self.program, &self.path, &request, out).map_err(|e| e.into_io().into())
    }
}

/// `--layout NAME` for a NAME no built-in has: `dateline-source-NAME`.
#[derive(Debug)]
pub struct PluginSource {
    program: String,
    path: PathBuf,
}

impl PluginSource {
    /// Finds `dateline-source-NAME` on `PATH` and probes it; `Ok(None)` when there is none.
    pub fn find(name: &str) -> Result<Option<PluginSource>, CliError> {
        let program = format!("dateline-source-{name}");
        let Some(path) = find(&program) else {
            return Ok(None);
        };
        probe(&program, &path)?;
        Ok(Some(PluginSource { program, path }))
    }

    /// Reads one page through the plugin.
    pub fn read(&self, path: &str, bytes: &[u8]) -> Result<(Document, Vec<Diagnostic>), CliError> {
        let (input, encoding) = match std::str::from_utf8(bytes) {
            Ok(text) => (text.to_owned(), "utf-8"),
            Err(_) => (base64_encode(bytes), "base64"),
        };
        let request = json!({
            "v": PROTOCOL,
            "dateline_version": env!("CARGO_PKG_VERSION"),
            "path": path,
            "input": input,
            "input_encoding": encoding,
        });
        let failed = |reason: String| CliError::Plugin {
            name: self.program.clone(),
            reason,
        };
        let mut request = serde_json::to_vec(&request).map_err(|e| failed(e.to_string()))?;
        request.push(b'\n');
        let mut answer: Vec<u8> = Vec::new();
        exchange(&self.program, &self.path, &request, &mut answer).map_err(|e| match e {
            PluginError::Failed { name, reason } => CliError::Plugin { name, reason },
            PluginError::Output(err) => failed(format!("could not be read: {err}")),
        })?;
        let reply: SourceReply = serde_json::from_slice(&answer).map_err(|e| {
            failed(format!(
                "answered no document for {path} (see docs/plugins.md): {e}"
            ))
        })?;
        Ok(reply.into_parts())
    }
}

/// Standard base64 with padding (RFC 4648), for pages that are not UTF-8.
fn base64_encode(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_and_suggestions() {
        assert_eq!(distance("timelin", "timeline"), 1);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("kitten", "sitting"), 3);
        let builtins = vec!["timeline".to_owned(), "time".to_owned()];
        assert_eq!(suggest("timelin", &builtins), "; did you mean `timeline`?");
    }

    #[test]
    fn base64_matches_rfc_4648() {
        assert_eq!(base64_encode(b""), "");
        assert_eq!(base64_encode(b"f"), "Zg==");
        assert_eq!(base64_encode(b"fo"), "Zm8=");
        assert_eq!(base64_encode(b"foobar"), "Zm9vYmFy");
    }
}
