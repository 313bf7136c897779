//! The formats' error type.

use std::io;

/// Why a timeline could not be written.
///
/// The variants are private so they can change without breaking callers. The underlying
/// [`io::Error`] is the error's [`source`](std::error::Error::source), so a caller can walk the
/// chain and treat a broken pipe (`dateline ... | head`) as the end of the output rather than a failure.
#[derive(Debug, thiserror::Error)]
#[error(transparent)]
pub struct Error(#[from] ErrorKind);

impl Error {
    /// The I/O error that stopped the writer, if that is what happened.
    pub fn io_error(&self) -> Option<&io::Error> {
        match &self.0 {
            ErrorKind::Io(err) => Some(err),
            ErrorKind::Json(_) => None,
        }
    }

    /// Whether the reader of the output went away, as `head` does.
    pub fn is_broken_pipe(&self) -> bool {
        self.io_error()
            .is_some_and(|err| err.kind() == io::ErrorKind::BrokenPipe)
    }
}

impl From<io::Error> for Error {
    fn from(err: io::Error) -> Self {
        Error(ErrorKind::Io(err))
    }
}

impl From<serde_json::Error> for Error {
    /// An I/O failure met while serialising is an I/O error, not a JSON one.
    fn from(err: serde_json::Error) -> Self {
        if err.is_io() {
            Error(ErrorKind::Io(err.into()))
        } else {
            Error(ErrorKind::Json(err))
        }
    }
}

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub(crate) enum ErrorKind {
    /// The output could not be written. Not transparent: the [`io::Error`] must be the source.
    #[error("{0}")]
    Io(#[source] io::Error),
    /// The timeline could not be serialised.
    #[error("cannot serialise the timeline as JSON: {0}")]
    Json(#[source] serde_json::Error),
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::error::Error as _;

    #[test]
    fn the_io_error_is_the_source_so_a_broken_pipe_can_be_found() {
        let err = Error::from(io::Error::new(io::ErrorKind::BrokenPipe, "pipe closed"));
        assert!(err.is_broken_pipe());
        let source = err.source().and_then(|s| s.downcast_ref::<io::Error>());
        assert_eq!(source.map(io::Error::kind), Some(io::ErrorKind::BrokenPipe));
        insta::assert_snapshot!(err, @"pipe closed");
    }
}
