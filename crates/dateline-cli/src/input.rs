//! From command-line paths to pages: files, directories of saved pages (`*.txt`, `*.html`,
//! `*.htm`, `*.mhtml`, `*.mht`, and web archives `*.warc`, `*.warc.gz`, read by `warc.rs`),
//! standard input.
//!
//! A page that cannot be read (missing, not permitted, over the size limit, not a regular file)
//! is that page's error, a [`Diagnostic`], and the run goes on with the others; so is a
//! directory that cannot be listed. What a directory holds besides its pages is reported:
//! dangling links, FIFOs, sockets and devices as warnings, subdirectories (not read) in one note;
//! files with other extensions are passed over in silence, as the saved pages' neighbours
//! (checksums, notes, a saved page's `_files` folder) are no news to anyone.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use dateline_model::{Diagnostic, Severity};

use crate::error::CliError;

/// A page's bytes and the path it is known by in the output.
pub struct Page {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// The text a path is known by in outputs and messages: the path itself where it is printable
/// UTF-8, and otherwise unambiguous, so two files never print the same: a byte that is not UTF-8
/// is written `\xFF`, a control character `\x1B` (C0 and DEL) or `\u{85}` (C1), and a
/// backslash `\\`. (`Path::display` would print both `a\xff.txt` and `a\xfe.txt` as
/// `a\u{FFFD}.txt`; `Utf8Chunks` gives the valid runs and the invalid bytes between them.)
pub fn path_text(path: &Path) -> String {
    #[cfg(unix)]
    {
        use std::fmt::Write as _;
        use std::os::unix::ffi::OsStrExt;
        let bytes = path.as_os_str().as_bytes();
        if let Ok(text) = std::str::from_utf8(bytes)
            && !text.chars().any(|c| c == '\\' || c.is_control())
        {
            return text.to_owned();
        }
        let mut out = String::with_capacity(bytes.len() + 8);
        for chunk in bytes.utf8_chunks() {
            for c in chunk.valid().chars() {
                match c {
                    '\\' => out.push_str("\\\\"),
                    c if u32::from(c) < 0x20 || c == '\u{7F}' => {
                        let _ = write!(out, "\\x{:02X}", u32::from(c));
                    }
                    c if c.is_control() => {
                        let _ = write!(out, "\\u{{{:X}}}", u32::from(c));
                    }
                    c => out.push(c),
                }
            }
            for byte in chunk.invalid() {
                let _ = write!(out, "\\x{byte:02X}");
            }
        }
        out
    }
    #[cfg(not(unix))]
    {
        // Elsewhere paths are Unicode but for lone surrogates, and `\` is the separator.
        path.display().to_string()
    }
}

/// The text a page's path is shown by in outputs and messages ([`path_text`]): relative to the
/// working directory when the page lies under it, given as an absolute path or found in a
/// directory given as one (`/home/me/news/a.txt` is `a.txt` in `/home/me/news`); otherwise as
/// given (`../x.txt` stays `../x.txt`, an absolute path outside stays absolute). Only the text
/// changes: a document's id comes from its bytes, so it is the same whatever form its path takes.
pub fn shown(path: &Path) -> String {
    path_text(relative(path))
}

/// `path` under the working directory, relative to it; `path` itself otherwise.
fn relative(path: &Path) -> &Path {
    if !path.is_absolute() {
        return path;
    }
    working_directories()
        .iter()
        .filter_map(|dir| path.strip_prefix(dir).ok())
        // `..` in what is left could lead out of the directory again, through a link.
        .find(|rest| {
            !rest.as_os_str().is_empty()
                && rest
                    .components()
                    .all(|c| matches!(c, std::path::Component::Normal(_)))
        })
        .unwrap_or(path)
}

/// The working directory as the system gives it (links resolved) and as the shell shows it
/// (`PWD`, which keeps the links a user went through), when that names the same directory.
fn working_directories() -> &'static [PathBuf] {
    static DIRS: OnceLock<Vec<PathBuf>> = OnceLock::new();
    DIRS.get_or_init(|| {
        let mut dirs: Vec<PathBuf> = std::env::current_dir().into_iter().collect();
        if let Some(pwd) = std::env::var_os("PWD").map(PathBuf::from)
            && pwd.is_absolute()
            && !dirs.contains(&pwd)
            && fs::canonicalize(&pwd).ok() == dirs.first().and_then(|d| fs::canonicalize(d).ok())
        {
            dirs.push(pwd);
        }
        dirs
    })
}

/// The files to read, and what was said of the paths on the way.
pub struct Expanded {
    pub files: Vec<PathBuf>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Expands `paths` into the files to read, in order: a directory gives its saved pages (`*.txt`,
/// `*.html`, `*.htm`, `*.mhtml`, `*.mht`) sorted by name, `-` gives standard input, anything else is a page (read, or
/// reported as unreadable, by [`read`]).
pub fn expand(paths: &[PathBuf]) -> Result<Expanded, CliError> {
    let mut files = Vec::new();
    let mut diagnostics = Vec::new();
    let mut stdin_seen = false;
    for path in paths {
        if path.as_os_str() == "-" {
            if stdin_seen {
                return Err(CliError::StdinTwice);
            }
            stdin_seen = true;
            files.push(path.clone());
            continue;
        }
        if !fs::metadata(path).is_ok_and(|m| m.is_dir()) {
            files.push(path.clone());
            continue;
        }
        let mut listing = Listing::default();
        match fs::read_dir(path) {
            Ok(entries) => {
                for entry in entries {
                    listing.add(path, entry);
                }
            }
            Err(err) => {
                diagnostics.push(
                    Diagnostic::new(
                        Severity::Error,
                        "unreadable-directory",
                        format!(
                            "cannot list the directory: {err}; {}, so none of its pages was read",
                            advice(&err)
                        ),
                    )
                    .in_path(shown(path)),
                );
                continue;
            }
        }
        if listing.pages.is_empty() {
            let skipped: Vec<String> = listing
                .skipped
                .iter()
                .map(|d| format!("{}: {}", d.path.as_deref().unwrap_or_default(), d.message))
                .collect();
            return Err(CliError::NoPages {
                path: shown(path),
                skipped: if skipped.is_empty() {
                    String::new()
                } else {
                    format!(" (besides, {})", skipped.join("; "))
                },
            });
        }
        listing.pages.sort();
        files.extend(listing.pages);
        diagnostics.extend(listing.skipped);
        listing.subdirectories.sort();
        if let Some(note) = subdirectories_note(path, &listing.subdirectories) {
            diagnostics.push(note);
        }
    }
    Ok(Expanded { files, diagnostics })
}

/// A directory's entries, sorted into pages, what was skipped (with a warning each) and its
/// subdirectories.
#[derive(Default)]
struct Listing {
    pages: Vec<PathBuf>,
    skipped: Vec<Diagnostic>,
    subdirectories: Vec<PathBuf>,
}

impl Listing {
    fn add(&mut self, dir: &Path, entry: std::io::Result<fs::DirEntry>) {
        let skip = |path: &Path, message: String| {
            Diagnostic::new(Severity::Warning, "skipped-entry", message).in_path(shown(path))
        };
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                self.skipped.push(skip(
                    dir,
                    format!("an entry could not be listed ({err}), so it was not read; list the directory again, it may have changed meanwhile"),
                ));
                return;
            }
        };
        let file = entry.path();
        let is_page = dateline_sources::archive::is_archive(&file)
            || file.extension().is_some_and(|e| {
                e.eq_ignore_ascii_case("txt")
                    || e.eq_ignore_ascii_case("html")
                    || e.eq_ignore_ascii_case("htm")
                    || e.eq_ignore_ascii_case("mhtml")
                    || e.eq_ignore_ascii_case("mht")
            });
        let mut kind = match entry.file_type() {
            Ok(kind) => kind,
            Err(err) => {
                self.skipped.push(skip(
                    &file,
                    format!("skipped: it cannot be examined ({err}); check its permissions"),
                ));
                return;
            }
        };
        if kind.is_symlink() {
            // A link is what it points to; one that points nowhere is said so.
            match fs::metadata(&file) {
                Ok(meta) => kind = meta.file_type(),
                Err(err) => {
                    let to = fs::read_link(&file)
                        .map(|t| format!(" to `{}`", path_text(&t)))
                        .unwrap_or_default();
                    let why = if err.kind() == std::io::ErrorKind::NotFound {
                        "whose target does not exist".to_owned()
                    } else {
                        format!("that cannot be followed ({err})")
                    };
                    self.skipped.push(skip(
                        &file,
                        format!("skipped: a link{to} {why}; fix or remove the link"),
                    ));
                    return;
                }
            }
        }
        if kind.is_file() {
            if is_page {
                self.pages.push(file);
            }
        } else if kind.is_dir() {
            self.subdirectories.push(file);
        } else {
            self.skipped.push(skip(
                &file,
                format!(
                    "skipped: {}, not a saved page; it was not opened, as reading it could wait for ever",
                    special_kind(&kind)
                ),
            ));
        }
    }
}

/// "a FIFO", "a socket", "a device": what a file that is neither a file nor a directory is.
fn special_kind(kind: &fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_block_device() || kind.is_char_device() {
            return "a device";
        }
    }
    let _ = kind;
    "not a regular file"
}

/// One note for the subdirectories of a directory, which are not read.
fn subdirectories_note(dir: &Path, subdirectories: &[PathBuf]) -> Option<Diagnostic> {
    if subdirectories.is_empty() {
        return None;
    }
    let names: Vec<String> = subdirectories
        .iter()
        .take(3)
        .map(|d| {
            d.file_name()
                .map_or_else(|| shown(d), |n| path_text(Path::new(n)))
        })
        .collect();
    let more = subdirectories.len().saturating_sub(names.len());
    let list = if more > 0 {
        format!("{} and {more} more", names.join(", "))
    } else {
        names.join(", ")
    };
    let count = match subdirectories.len() {
        1 => "1 subdirectory".to_owned(),
        n => format!("{n} subdirectories"),
    };
    Some(
        Diagnostic::new(
            Severity::Info,
            "subdirectories-not-read",
            format!(
                "{count} not read ({list}): a directory is read for its own pages, not its subdirectories'; give a subdirectory itself to read its pages"
            ),
        )
        .in_path(shown(dir)),
    )
}

/// What to do about an error opening a path.
fn advice(err: &std::io::Error) -> &'static str {
    match err.kind() {
        std::io::ErrorKind::NotFound => "check the path exists",
        std::io::ErrorKind::PermissionDenied => {
            "check its permissions (`ls -l`), or read it as a user who may"
        }
        _ => "check the path exists and is readable",
    }
}

/// The largest page `--max-page-mib` lets through, in bytes.
pub fn max_bytes(mib: u64) -> u64 {
    mib.saturating_mul(1 << 20)
}

/// Reads one expanded path, refusing more than `max_bytes`; a page that cannot be read is an
/// error [`Diagnostic`] naming it and what to do.
pub fn read(path: &Path, max_bytes: u64) -> Result<Page, Diagnostic> {
    let name = if path.as_os_str() == "-" {
        "-".to_owned()
    } else {
        shown(path)
    };
    let error = |code: &str, message: String| {
        Diagnostic::new(Severity::Error, code, message).in_path(name.clone())
    };
    let unreadable = |err: std::io::Error| {
        error(
            "unreadable-page",
            format!("cannot read the page: {err}; {}", advice(&err)),
        )
    };
    let too_large = |size: u64| error("page-too-large", too_large_message(size, max_bytes));
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin()
            .lock()
            .take(max_bytes.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(unreadable)?;
    } else {
        // A FIFO or a device could block for ever or never end: only regular files are opened.
        let meta = fs::metadata(path).map_err(unreadable)?;
        if !meta.is_file() {
            let what = if meta.is_dir() {
                "a directory that could not be listed"
            } else {
                special_kind(&meta.file_type())
            };
            return Err(error(
                "not-a-file",
                format!(
                    "{what}, not a saved page, so it was not read; give the saved page itself, or `-` to read standard input"
                ),
            ));
        }
        if meta.len() > max_bytes {
            return Err(too_large(meta.len()));
        }
        // The limit holds even for a file that grows while it is read.
        fs::File::open(path)
            .and_then(|file| {
                file.take(max_bytes.saturating_add(1))
                    .read_to_end(&mut bytes)
            })
            .map_err(unreadable)?;
    }
    if bytes.len() as u64 > max_bytes {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(Page { path: name, bytes })
}

/// "the page is 101000000 bytes (96.3 MiB), over the limit of 96 MiB (100663296 bytes) ...": the
/// limit is in MiB (2^20 bytes), as `--max-page-mib` counts, with the bytes that decide.
fn too_large_message(size: u64, max_bytes: u64) -> String {
    // Tenths of a MiB, rounded down, so a page just over the limit never shows as equal to it
    // by rounding up, nor one just under it as over.
    let tenths = size.saturating_mul(10) >> 20;
    format!(
        "the page is {size} bytes ({}.{} MiB), over the limit of {} MiB ({max_bytes} bytes) for one page, so it was not read; if it is a real page, raise the limit with --max-page-mib",
        tenths / 10,
        tenths % 10,
        max_bytes >> 20,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_limit_is_in_mib() {
        assert_eq!(max_bytes(100), 104_857_600);
        // 101,000,000 bytes is 96.3 MiB: under a limit of 100 MiB, over one of 96.
        assert!(101_000_000 <= max_bytes(100));
        assert!(101_000_000 > max_bytes(96));
        assert_eq!(
            too_large_message(101_000_000, max_bytes(96)),
            "the page is 101000000 bytes (96.3 MiB), over the limit of 96 MiB (100663296 bytes) for one page, so it was not read; if it is a real page, raise the limit with --max-page-mib"
        );
        assert!(
            too_large_message(max_bytes(1) + 1, max_bytes(1))
                .contains("(1.0 MiB), over the limit of 1 MiB")
        );
    }

    #[cfg(unix)]
    #[test]
    fn paths_that_are_not_utf8_stay_distinct() {
        use std::ffi::OsStr;
        use std::os::unix::ffi::OsStrExt;
        let text = |bytes: &[u8]| path_text(Path::new(OsStr::from_bytes(bytes)));
        assert_eq!(text(b"dir/a\xff.txt"), "dir/a\\xFF.txt");
        assert_eq!(text(b"dir/a\xfe.txt"), "dir/a\\xFE.txt");
        // A backslash is escaped, so a name spelling `\xFF` is not the byte.
        assert_eq!(text(b"a\\xFF.txt"), "a\\\\xFF.txt");
        assert_eq!(text(b"caf\xc3\xa9 \x1b[2J.txt"), "caf\u{e9} \\x1B[2J.txt");
        assert_eq!(text(b"plain/page.txt"), "plain/page.txt");
    }
}
