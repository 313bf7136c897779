//! From command-line paths to pages: files, directories of saved pages (`*.txt`, `*.html`,
//! `*.htm`), standard input.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

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
        if let Ok(text) = std::str::from_utf8(bytes) {
            if !text.chars().any(|c| c == '\\' || c.is_control()) {
                return text.to_owned();
            }
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

/// Expands `paths` into the files to read, in order: a directory gives its saved pages (`*.txt`,
/// `*.html`, `*.htm`) sorted by name, `-` gives standard input.
pub fn expand(paths: &[PathBuf]) -> Result<Vec<PathBuf>, CliError> {
    let mut files = Vec::new();
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
        let meta = fs::metadata(path).map_err(|source| CliError::Read {
            path: path.clone(),
            source,
        })?;
        if meta.is_dir() {
            let mut pages = Vec::new();
            let entries = fs::read_dir(path).map_err(|source| CliError::Read {
                path: path.clone(),
                source,
            })?;
            for entry in entries {
                let entry = entry.map_err(|source| CliError::Read {
                    path: path.clone(),
                    source,
                })?;
                let file = entry.path();
                let page = file.extension().is_some_and(|e| {
                    e.eq_ignore_ascii_case("txt")
                        || e.eq_ignore_ascii_case("html")
                        || e.eq_ignore_ascii_case("htm")
                });
                if page && file.is_file() {
                    pages.push(file);
                }
            }
            if pages.is_empty() {
                return Err(CliError::NoPages { path: path.clone() });
            }
            pages.sort();
            files.extend(pages);
        } else {
            files.push(path.clone());
        }
    }
    Ok(files)
}

/// Reads one expanded path, refusing more than `max_bytes`.
pub fn read(path: &Path, max_bytes: u64) -> Result<Page, CliError> {
    let too_large = |size: u64| CliError::PageTooLarge {
        path: path.to_path_buf(),
        megabytes: size.div_ceil(1 << 20),
        limit: max_bytes >> 20,
    };
    if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .take(max_bytes.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(CliError::Stdin)?;
        if bytes.len() as u64 > max_bytes {
            return Err(too_large(bytes.len() as u64));
        }
        return Ok(Page {
            path: "-".to_owned(),
            bytes,
        });
    }
    // A FIFO or a device could block for ever or never end: only regular files are pages.
    let meta = fs::metadata(path).map_err(|source| CliError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    if !meta.is_file() {
        return Err(CliError::NotAFile {
            path: path.to_path_buf(),
        });
    }
    if meta.len() > max_bytes {
        return Err(too_large(meta.len()));
    }
    let bytes = fs::read(path).map_err(|source| CliError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(Page {
        path: path.display().to_string(),
        bytes,
    })
}
