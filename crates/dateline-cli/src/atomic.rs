//! Outputs that are whole or untouched: `-o FILE` is written to a temporary file beside FILE and
//! renamed over it only once complete, so a failure (a full disk, a format plugin that fails
//! after printing) or an interrupt (Ctrl-C, `SIGTERM`, a closed terminal) leaves the old FILE
//! byte for byte, and no temporary file behind.
//!
//! The temporary file is `tempfile`'s [`NamedTempFile`], which is removed when dropped; an
//! interrupt ends the process without running destructors, so the file is kept in [`PENDING`]
//! while it is written, and the `ctrlc` handler (installed with the first temporary file) removes
//! it under the same lock that the rename takes: either the rename happened and the new file is
//! whole, or the temporary file is gone and the old file is as it was.
//!
//! Targets that are not regular files (a FIFO, a device such as `/dev/null`, `/dev/stdout`, or
//! anything under `/dev` or `/proc`) are written directly, as a rename cannot replace them.

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, Once};

use tempfile::NamedTempFile;

use crate::error::{CliError, WriteError};

/// The temporary file being written, with what to say of its target if the run is interrupted.
struct Pending {
    file: NamedTempFile,
    untouched: String,
}

/// The outputs being written (a run writes one; the tests, several at once).
static PENDING: Mutex<Vec<Pending>> = Mutex::new(Vec::new());

fn pending() -> MutexGuard<'static, Vec<Pending>> {
    // A panic while the lock was held cannot leave the list half-updated.
    PENDING
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Ctrl-C, `SIGTERM` or `SIGHUP` while an output is written: removes the temporary file and ends
/// the run with exit code 130, as a shell reports an interrupted command. The lock is held until
/// the process has ended, so the rename cannot happen after the file was removed.
#[allow(clippy::print_stderr)]
fn on_interrupt() {
    let mut guard = pending();
    if guard.is_empty() {
        eprintln!("dateline: interrupted");
    }
    for p in guard.drain(..) {
        let _ = p.file.close();
        eprintln!("dateline: interrupted; {}", p.untouched);
    }
    std::process::exit(130);
}

fn install_handler() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        // Without a handler (another one was installed first), an interrupt still never touches
        // the old file: only the temporary file may be left behind.
        let _ = ctrlc::set_handler(on_interrupt);
    });
}

/// Runs `write` on `-o FILE` or, without one, standard output, buffered, and flushes it.
pub fn write(
    path: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> Result<(), WriteError>,
) -> Result<(), CliError> {
    let Some(path) = path else {
        let target = "standard output";
        let mut out = BufWriter::new(io::stdout().lock());
        write(&mut out).map_err(|e| write_error(target, e))?;
        return out.flush().map_err(|e| write_error(target, e.into()));
    };
    let target = crate::input::path_text(path);
    match plan(path) {
        Plan::Direct => {
            let file = File::create(path).map_err(|e| write_error(&target, e.into()))?;
            let mut out = BufWriter::new(file);
            write(&mut out).map_err(|e| write_error(&target, e))?;
            out.flush().map_err(|e| write_error(&target, e.into()))
        }
        Plan::Replace { real, old } => replace(&target, &real, old.as_ref(), write),
    }
}

/// How `-o FILE` is written.
enum Plan {
    /// Straight into the file: a device, a FIFO, `/dev/stdout`, a dangling link.
    Direct,
    /// Into a temporary file beside `real` (the file itself, links followed), then renamed over
    /// it; `old` holds the permissions of the file it replaces, if there is one.
    Replace {
        real: PathBuf,
        old: Option<fs::Permissions>,
    },
}

fn plan(path: &Path) -> Plan {
    // `/dev/stdout`, `/dev/fd/1`, `/proc/self/fd/1` name whatever the descriptor is (a terminal,
    // a pipe, or a file the shell opened, maybe to append): only writing through them is right.
    if cfg!(unix) && (path.starts_with("/dev") || path.starts_with("/proc")) {
        return Plan::Direct;
    }
    match fs::metadata(path) {
        Ok(meta) if meta.is_file() => {
            let linked = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
            let real = if linked {
                match fs::canonicalize(path) {
                    Ok(real) => real,
                    Err(_) => return Plan::Direct,
                }
            } else {
                path.to_path_buf()
            };
            Plan::Replace {
                real,
                old: Some(meta.permissions()),
            }
        }
        // A directory fails to open with its own clear message; the rest are not files.
        Ok(_) => Plan::Direct,
        Err(_) if fs::symlink_metadata(path).is_ok() => Plan::Direct,
        Err(_) => Plan::Replace {
            real: path.to_path_buf(),
            old: None,
        },
    }
}

fn replace(
    target: &str,
    real: &Path,
    old: Option<&fs::Permissions>,
    write: impl FnOnce(&mut dyn Write) -> Result<(), WriteError>,
) -> Result<(), CliError> {
    let untouched = match old {
        Some(_) => format!("{target} is left untouched"),
        None => format!("{target} was not created"),
    };
    let failed = |reason: String| CliError::Output {
        target: target.to_owned(),
        reason,
        untouched: untouched.clone(),
    };
    // A file we could not write over is not replaced by renaming either (a rename needs only the
    // directory to be writable): it keeps its protection.
    if old.is_some() {
        fs::OpenOptions::new()
            .write(true)
            .open(real)
            .map_err(|e| failed(e.to_string()))?;
    }
    let dir = match real.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let name = real
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    if old.is_none() {
        // As `File::create` would make it: read-write for all, less the umask.
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let temp = builder.tempfile_in(dir).map_err(|e| {
        failed(format!(
            "cannot make a temporary file in {} ({e}), where the output is written whole before it replaces the target; write to a directory you can create files in",
            crate::input::path_text(dir)
        ))
    })?;
    let stage = |e: io::Error| failed(e.to_string());
    if let Some(old) = old {
        temp.as_file().set_permissions(old.clone()).map_err(stage)?;
    }
    let handle = temp.as_file().try_clone().map_err(stage)?;
    let temp_path = temp.path().to_path_buf();
    install_handler();
    pending().push(Pending {
        file: temp,
        untouched: untouched.clone(),
    });

    let mut out = BufWriter::new(handle);
    let written = write(&mut out)
        .map_err(|e| failed(crate::error::chain(&e)))
        .and_then(|()| out.flush().map_err(stage))
        // Data the disk had no room for can show only here; and a crash after the rename
        // should find the new file whole.
        .and_then(|()| out.get_ref().sync_all().map_err(stage));
    drop(out);

    let mut guard = pending();
    let mine = guard.iter().position(|p| p.file.path() == temp_path);
    let Some(p) = mine.map(|i| guard.swap_remove(i)) else {
        // Only the interrupt handler takes it, and it ends the process.
        return Err(failed("the output was interrupted".to_owned()));
    };
    match written {
        Ok(()) => p
            .file
            .persist(real)
            .map(drop)
            .map_err(|e| failed(format!("cannot rename the output over it: {}", e.error))),
        Err(err) => {
            let _ = p.file.close();
            Err(err)
        }
    }
}

fn write_error(target: &str, source: WriteError) -> CliError {
    crate::commands::write_error(target, source)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_file_is_written_and_no_temporary_file_stays() -> Result<(), Box<dyn std::error::Error>>
    {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("out.json");
        write(Some(&path), |out| Ok(out.write_all(b"{}\n")?))?;
        assert_eq!(fs::read(&path)?, b"{}\n");
        assert_eq!(fs::read_dir(dir.path())?.count(), 1);
        Ok(())
    }

    #[test]
    fn a_failed_write_leaves_the_old_file() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("out.json");
        fs::write(&path, "old")?;
        let result = write(Some(&path), |out| {
            out.write_all(b"partial")?;
            Err(io::Error::other("out of ink").into())
        });
        let message = result.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(message.contains("out of ink"), "{message}");
        assert!(message.ends_with("out.json is left untouched"), "{message}");
        assert_eq!(fs::read(&path)?, b"old");
        assert_eq!(fs::read_dir(dir.path())?.count(), 1);
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn the_replaced_file_keeps_its_permissions() -> Result<(), Box<dyn std::error::Error>> {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("out.txt");
        fs::write(&path, "old")?;
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640))?;
        write(Some(&path), |out| Ok(out.write_all(b"new")?))?;
        assert_eq!(fs::read(&path)?, b"new");
        assert_eq!(fs::metadata(&path)?.permissions().mode() & 0o777, 0o640);
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn a_link_is_followed_and_stays_a_link() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let real = dir.path().join("real.txt");
        fs::write(&real, "old")?;
        let link = dir.path().join("link.txt");
        std::os::unix::fs::symlink(&real, &link)?;
        write(Some(&link), |out| Ok(out.write_all(b"new")?))?;
        assert!(fs::symlink_metadata(&link)?.file_type().is_symlink());
        assert_eq!(fs::read(&real)?, b"new");
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn devices_are_written_directly() {
        assert!(matches!(plan(Path::new("/dev/null")), Plan::Direct));
        assert!(matches!(plan(Path::new("/dev/stdout")), Plan::Direct));
        assert!(matches!(
            plan(Path::new("no/such/dir/out.json")),
            Plan::Replace { old: None, .. }
        ));
    }
}
