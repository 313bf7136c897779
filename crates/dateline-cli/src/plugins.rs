//! Plugins, in the manner of cargo's external subcommands and mdBook's renderers: executables on
//! `PATH` named `dateline-NAME` (a subcommand), `dateline-format-NAME` (an output format) and
//! `dateline-source-NAME` (a page layout). The protocol is in `docs/plugins.md`.
//!
//! A plugin is only ever run by its explicit name found on `PATH`, never through a shell, with its
//! arguments as a list. It gets `DATELINE` (this executable) in its environment, and its standard
//! error passes through. A format plugin stands in for a built-in format behind
//! [`dateline_formats::Format`]; a source plugin answers a [`Document`] as `dateline_sources::read`
//! does.
//!
//! A plugin's name is ASCII letters, digits and `-` ([`check_name`]), checked before `PATH` is
//! searched, so a name cannot leave the `PATH` directory (`../x`); what is found must resolve to a
//! regular executable file whose own name is the plugin's ([`candidate`]), so neither a directory
//! nor a link to another program is run. A format or source plugin's run, its `supports` probe
//! included, is bounded in time and in output ([`Limits`]): one that hangs or writes without end
//! is killed and is an error naming the plugin, the limit and the flag that raises it.

use std::ffi::OsString;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use dateline_model::{Diagnostic, Document, SourceReply, Timeline};
use serde_json::{Value, json};
use wait_timeout::ChildExt;

use crate::args::PluginArgs;
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

    /// The executable's name for the plugin `name` of this kind, without `.exe`.
    fn program(self, name: &str) -> String {
        match self {
            Kind::Subcommand => format!("dateline-{name}"),
            Kind::Format => format!("dateline-format-{name}"),
            Kind::Source => format!("dateline-source-{name}"),
        }
    }

    /// What the user gave the name as, for messages.
    fn given_as(self) -> &'static str {
        match self {
            Kind::Subcommand => "command",
            Kind::Format => "format",
            Kind::Source => "layout",
        }
    }
}

/// Whether `name` may name a plugin: ASCII letters, digits and `-`, at least one. Nothing else can
/// reach the file system as part of a path: not `/`, `\`, `..`, a drive letter's `:`, nor a
/// control character.
fn valid_name(name: &str) -> bool {
    !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// [`valid_name`] as the error for a name the user gave.
pub fn check_name(kind: Kind, name: &str) -> Result<(), CliError> {
    if valid_name(name) {
        Ok(())
    } else {
        Err(CliError::PluginName {
            what: kind.given_as(),
            name: name.to_owned(),
        })
    }
}

/// How long a format or source plugin may run, and how much it may write.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// For each run, the `supports` probe and the request each on their own.
    pub timeout: Duration,
    /// In bytes, of the plugin's standard output.
    pub max_output: u64,
}

impl Limits {
    /// The limits the command line sets (`--plugin-timeout`, `--plugin-max-output-mib`).
    pub fn from_args(args: &PluginArgs) -> Self {
        Limits {
            timeout: Duration::from_secs(args.plugin_timeout),
            max_output: args.plugin_max_output_mib.saturating_mul(1 << 20),
        }
    }

    /// Why a run was stopped: `what` (`finish`, `answer its probe ...`) took too long.
    fn timed_out(&self, what: &str) -> String {
        format!(
            "did not {what} within {} s, so it was stopped; if the plugin needs longer, raise \
             the limit with --plugin-timeout SECONDS",
            self.timeout.as_secs()
        )
    }

    fn too_much(&self) -> String {
        format!(
            "wrote more than {} MiB, the limit on a plugin's output, so it was stopped; if the \
             output is real, raise the limit with --plugin-max-output-mib MIB",
            self.max_output >> 20
        )
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

/// Every `dateline-*` plugin on `PATH`: the first of each name, sorted by kind then name. Names a
/// plugin cannot have ([`valid_name`]) and entries [`candidate`] refuses are left out.
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
            let Some(rest) = stem.strip_prefix("dateline-") else {
                continue;
            };
            let path = entry.path();
            if valid_name(rest) && matches!(candidate(&path, file_name), Candidate::Plugin(_)) {
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

/// The plugin `name` of `kind`: the first entry of its name on `PATH` that [`candidate`] takes,
/// as the path of the file itself (links resolved); `Ok(None)` when there is none. The name is
/// checked before anything is looked up.
pub fn find(kind: Kind, name: &str) -> Result<Option<PathBuf>, CliError> {
    check_name(kind, name)?;
    let program = kind.program(name);
    let file = format!("{program}{}", std::env::consts::EXE_SUFFIX);
    for dir in path_dirs() {
        let path = dir.join(&file);
        match candidate(&path, &file) {
            Candidate::Plugin(resolved) => return Ok(Some(resolved)),
            Candidate::Nothing => {}
            Candidate::Elsewhere(target) => {
                return Err(CliError::Plugin {
                    name: program,
                    reason: format!(
                        "at {} is a link to {}, a file not named {file}, so it was not run; \
                         install the plugin under its own name, or link to a file of that name",
                        path.display(),
                        target.display()
                    ),
                });
            }
        }
    }
    Ok(None)
}

/// What a `PATH` entry named like a plugin holds.
#[derive(Debug, PartialEq, Eq)]
enum Candidate {
    /// Nothing that could be run: no such entry, a dangling link, a directory, a file that is not
    /// executable.
    Nothing,
    /// A plugin: the path of the regular executable file, links resolved, whose name is `file`.
    Plugin(PathBuf),
    /// A link to an executable file named otherwise: some other program, never run as a plugin.
    Elsewhere(PathBuf),
}

/// Whether `path` (an entry of a `PATH` directory) is a plugin whose file is named `file`: it must
/// resolve, links followed, to a regular executable file of that very name.
fn candidate(path: &Path, file: &str) -> Candidate {
    let Ok(resolved) = std::fs::canonicalize(path) else {
        return Candidate::Nothing;
    };
    if !is_executable(&resolved) {
        return Candidate::Nothing;
    }
    let named = resolved
        .file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| same_file_name(n, file));
    if named {
        Candidate::Plugin(resolved)
    } else {
        Candidate::Elsewhere(resolved)
    }
}

/// File names compared as the file system does: exactly on Linux and the other Unixes, ignoring
/// ASCII case where the usual file systems do (Windows, macOS), since a resolved name there keeps
/// the case it was created with.
fn same_file_name(a: &str, b: &str) -> bool {
    if cfg!(any(windows, target_os = "macos")) {
        a.eq_ignore_ascii_case(b)
    } else {
        a == b
    }
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
fn command(path: &Path) -> Command {
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
    let program = Kind::Subcommand.program(&name_text);
    // No time limit here: a subcommand is a program the user runs, at the terminal, as long as it
    // takes (cargo's external subcommands have none either); Ctrl-C stops it.
    let Some(path) = find(Kind::Subcommand, &name_text)? else {
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

/// Runs `PROGRAM supports`: exit 0 means the plugin will do the work; anything else is a refusal,
/// and so is a probe still running after the time limit (it is killed).
fn probe(program: &str, path: &Path, limits: &Limits) -> Result<(), CliError> {
    let mut child = command(path)
        .arg("supports")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| spawn_error(program, &e))?;
    let stderr = pass_stderr(&mut child);
    let deadline = Instant::now() + limits.timeout;
    let failed = |reason: String| CliError::Plugin {
        name: program.to_owned(),
        reason,
    };
    let status = match child.wait_timeout(limits.timeout) {
        Ok(Some(status)) => status,
        Ok(None) => {
            stop(&mut child);
            return Err(failed(
                limits.timed_out(&format!("answer its probe `{program} supports`")),
            ));
        }
        Err(e) => {
            stop(&mut child);
            return Err(failed(format!("could not be waited for: {e}")));
        }
    };
    stderr.finish(deadline);
    match failure(status) {
        None => Ok(()),
        Some(why) => Err(failed(format!("refused: `{program} supports` {why}"))),
    }
}

/// The copy of a plugin's standard error to dateline's.
///
/// A plugin's standard error is read and copied, chunk by chunk as it comes, rather than given
/// dateline's own: a program the plugin started and left running (a shell script's child not
/// started with `exec`) then holds only this pipe, not dateline's standard error, and so cannot
/// keep whoever reads dateline's standard error (`2>&1 | tee`, a test) waiting once dateline ends.
#[derive(Debug)]
struct Stderr(mpsc::Receiver<()>);

fn pass_stderr(child: &mut Child) -> Stderr {
    let (done, ended) = mpsc::channel::<()>();
    if let Some(mut from) = child.stderr.take() {
        std::thread::spawn(move || {
            let _done = done; // dropped, and so heard, when the copy ends
            let mut buf = vec![0; 8 * 1024];
            loop {
                match from.read(&mut buf) {
                    Ok(0) => return,
                    Ok(n) => {
                        let mut to = io::stderr().lock();
                        // Nowhere to report a failure to write to standard error.
                        let _ = to.write_all(buf.get(..n).unwrap_or_default());
                        let _ = to.flush();
                    }
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    Err(_) => return,
                }
            }
        });
    }
    Stderr(ended)
}

/// How long to wait, once a plugin has ended, for the rest of its standard error: a second at
/// most, and never past its deadline.
const STDERR_GRACE: Duration = Duration::from_secs(1);

impl Stderr {
    /// Waits until the plugin's standard error is all copied, so that it comes before what
    /// dateline says next; a program the plugin left running may hold it open, so not for long.
    fn finish(self, deadline: Instant) {
        let left = deadline.saturating_duration_since(Instant::now());
        let _ = self.0.recv_timeout(left.min(STDERR_GRACE));
    }
}

/// Kills a plugin that is still running and reaps it, so no zombie is left. Only the plugin's own
/// process is killed: a program it started and left running (a shell script's child not started
/// with `exec`) is its to end, and dateline no longer waits for it (see [`exchange`]).
fn stop(child: &mut Child) {
    // An error means it has already ended, which the wait then reaps.
    let _ = child.kill();
    let _ = child.wait();
}

/// The size of one read of a plugin's output.
const CHUNK: usize = 64 * 1024;

/// Runs `path` with `request` on its standard input, copying its standard output to `out`, within
/// `limits`: past the time limit or the output cap the plugin is killed and the run is an error.
///
/// Threads and a channel, rather than a wait with a timeout alone (the `wait-timeout` crate, which
/// serves the end): the request is written and the answer read at the same time, so that neither
/// side blocks on a full pipe, and the one deadline must cover reading the answer too, since a
/// plugin can go silent without ending, or end while a program it started keeps its standard
/// output open. The reader sends the answer in chunks over a bounded channel, so no more than a
/// few chunks are ever held beyond what `out` keeps, and the main thread waits on the channel
/// only until the deadline. A thread still blocked on such a pipe when the run is over is left
/// behind (detached): it ends when the pipe closes, or with dateline. The standard error is
/// copied to dateline's by a thread of its own ([`pass_stderr`]), so no pipe can fill there.
fn exchange(
    program: &str,
    path: &Path,
    request: Vec<u8>,
    out: &mut dyn Write,
    limits: &Limits,
) -> Result<(), PluginError> {
    let mut child = command(path)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| PluginError::new(program, format!("could not be run: {e}")))?;
    let stderr = pass_stderr(&mut child);
    if let Some(mut stdin) = child.stdin.take() {
        // A plugin may answer without reading everything: a closed pipe is not an error.
        std::thread::spawn(move || {
            let _ = stdin.write_all(&request);
        });
    }
    let (chunks, answer) = mpsc::sync_channel::<io::Result<Vec<u8>>>(4);
    if let Some(mut stdout) = child.stdout.take() {
        std::thread::spawn(move || {
            let mut buf = vec![0; CHUNK];
            loop {
                let chunk = match stdout.read(&mut buf) {
                    Ok(0) => return,
                    Ok(n) => Ok(buf.get(..n).unwrap_or_default().to_vec()),
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(e) => Err(e),
                };
                let last = chunk.is_err();
                if chunks.send(chunk).is_err() || last {
                    return;
                }
            }
        });
    }
    let mut deadline = Instant::now() + limits.timeout;
    let mut written: u64 = 0;
    let failed = |child: &mut Child, reason: String| {
        stop(child);
        PluginError::new(program, reason)
    };
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match answer.recv_timeout(left) {
            Ok(Ok(chunk)) => {
                written = written.saturating_add(chunk.len() as u64);
                if written > limits.max_output {
                    return Err(failed(&mut child, limits.too_much()));
                }
                // The time spent writing is ours, not the plugin's: a slow reader of dateline's
                // output (a pager) does not count against the plugin's time.
                let started = Instant::now();
                if let Err(e) = out.write_all(&chunk) {
                    // A failed write first: when our reader went away (`| head`), the plugin
                    // ending of it is a consequence, and the broken pipe must stay visible as such.
                    stop(&mut child);
                    return Err(PluginError::Output(e));
                }
                deadline += started.elapsed();
            }
            Ok(Err(e)) => {
                return Err(failed(&mut child, format!("could not be read from: {e}")));
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {
                return Err(failed(&mut child, limits.timed_out("finish")));
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        }
    }
    let left = deadline.saturating_duration_since(Instant::now());
    let status = match child.wait_timeout(left) {
        Ok(Some(status)) => status,
        Ok(None) => return Err(failed(&mut child, limits.timed_out("finish"))),
        Err(e) => {
            return Err(failed(&mut child, format!("could not be waited for: {e}")));
        }
    };
    stderr.finish(deadline);
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
    limits: Limits,
}

impl PluginFormat {
    /// Finds `dateline-format-NAME` on `PATH` and probes it; `Ok(None)` when there is none.
    pub fn find(name: &str, limits: Limits) -> Result<Option<&'static PluginFormat>, CliError> {
        let Some(path) = find(Kind::Format, name)? else {
            return Ok(None);
        };
        let program = Kind::Format.program(name);
        probe(&program, &path, &limits)?;
        // One per run: leaked so it lives as long as the built-in formats.
        let format = PluginFormat {
            name: Box::leak(name.to_owned().into_boxed_str()),
            program,
            path,
            limits,
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
        exchange(&self.program, &self.path, request, out, &self.limits)
            .map_err(|e| e.into_io().into())
    }
}

/// `--layout NAME` for a NAME no built-in has: `dateline-source-NAME`.
#[derive(Debug)]
pub struct PluginSource {
    program: String,
    path: PathBuf,
    limits: Limits,
}

impl PluginSource {
    /// Finds `dateline-source-NAME` on `PATH` and probes it; `Ok(None)` when there is none.
    pub fn find(name: &str, limits: Limits) -> Result<Option<PluginSource>, CliError> {
        let Some(path) = find(Kind::Source, name)? else {
            return Ok(None);
        };
        let program = Kind::Source.program(name);
        probe(&program, &path, &limits)?;
        Ok(Some(PluginSource {
            program,
            path,
            limits,
        }))
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
        // Held whole to be parsed, which the output cap bounds.
        let mut answer: Vec<u8> = Vec::new();
        exchange(
            &self.program,
            &self.path,
            request,
            &mut answer,
            &self.limits,
        )
        .map_err(|e| match e {
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
    fn a_plugin_name_is_ascii_letters_digits_and_dashes() {
        for good in ["count", "x", "my-format-2", "HTML5"] {
            assert!(valid_name(good), "{good}");
        }
        for bad in [
            "",
            "..",
            "../x",
            "a/b",
            "a\\b",
            "c:x",
            "a.b",
            "a_b",
            "a b",
            "caf\u{e9}",
            "a\u{1b}b",
        ] {
            assert!(!valid_name(bad), "{bad:?}");
        }
        assert!(matches!(
            check_name(Kind::Format, "../x"),
            Err(CliError::PluginName { what: "format", .. })
        ));
    }

    #[cfg(unix)]
    #[test]
    fn only_a_regular_executable_of_the_plugin_s_own_name_is_a_plugin() {
        use std::os::unix::fs::{PermissionsExt, symlink};
        let dir = tempfile::tempdir().unwrap();
        let exe = |name: &str, mode: u32| {
            let path = dir.path().join(name);
            std::fs::write(&path, "#!/bin/sh\n").unwrap();
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
            path
        };
        let plugin = exe("dateline-format-a", 0o755);
        exe("dateline-format-plain", 0o644);
        let other = exe("other", 0o755);
        std::fs::create_dir(dir.path().join("dateline-format-dir")).unwrap();
        symlink(&other, dir.path().join("dateline-format-b")).unwrap();
        symlink(&plugin, dir.path().join("dateline-format-c")).unwrap();
        symlink("nowhere", dir.path().join("dateline-format-dangling")).unwrap();
        let at = |name: &str| candidate(&dir.path().join(name), name);
        let resolved = |path: &Path| std::fs::canonicalize(path).unwrap();

        assert_eq!(
            at("dateline-format-a"),
            Candidate::Plugin(resolved(&plugin))
        );
        assert_eq!(
            at("dateline-format-b"),
            Candidate::Elsewhere(resolved(&other))
        );
        // A link to a plugin of another name is not this one.
        assert_eq!(
            at("dateline-format-c"),
            Candidate::Elsewhere(resolved(&plugin))
        );
        for nothing in [
            "dateline-format-plain",
            "dateline-format-dir",
            "dateline-format-dangling",
            "dateline-format-absent",
        ] {
            assert_eq!(at(nothing), Candidate::Nothing, "{nothing}");
        }
    }

    #[test]
    fn base64_matches_rfc_4648() {
        assert_eq!(base64_encode(b""), "");
        assert_eq!(base64_encode(b"f"), "Zg==");
        assert_eq!(base64_encode(b"fo"), "Zm8=");
        assert_eq!(base64_encode(b"foobar"), "Zm9vYmFy");
    }
}
