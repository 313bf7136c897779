//! The formats' error type.

use std::io;

/// Why a timeline could not be written.
///
/// The variants are private so they can change without breaking callers; [`Error::kind`] says
/// which kind of failure it is, to match on. The underlying
/// [`io::Error`] is the error's [`source`](std::error::Error::source), so a caller can walk the
/// chain and treat a broken pipe (`dateline ... | head`) as the end of the output rather than a failure.
#[derive(Debug, thiserror::Error)]
#[error(transparent)]
pub struct Error(#[from] Repr);

/// The kind of an [`Error`], to match on; the details are in the error's message and source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The output could not be written ([`Error::io_error`] gives the I/O error).
    Io,
    /// The timeline could not be serialised.
    Json,
}

impl Error {
    /// The kind of failure.
    pub fn kind(&self) -> ErrorKind {
        match &self.0 {
            Repr::Io(_) => ErrorKind::Io,
            Repr::Json(_) => ErrorKind::Json,
        }
    }

    /// The I/O error that stopped the writer, if that is what happened.
    pub fn io_error(&self) -> Option<&io::Error> {
        match &self.0 {
            Repr::Io(err) => Some(err),
            Repr::Json(_) => None,
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
        Error(Repr::Io(err))
    }
}

impl From<serde_json::Error> for Error {
    /// An I/O failure met while serialising is an I/O error, not a JSON one.
    fn from(err: serde_json::Error) -> Self {
        if err.is_io() {
            Error(Repr::Io(err.into()))
        } else {
            Error(Repr::Json(err))
        }
    }
}

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub(crate) enum Repr {
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
        assert_eq!(err.kind(), ErrorKind::Io);
        assert!(err.is_broken_pipe());
        let source = err.source().and_then(|s| s.downcast_ref::<io::Error>());
        assert_eq!(source.map(io::Error::kind), Some(io::ErrorKind::BrokenPipe));
        insta::assert_snapshot!(err, @"pipe closed");
    }

    #[test]
    fn a_value_json_cannot_hold_is_a_json_error() {
        let mut map = std::collections::BTreeMap::new();
        map.insert(vec![1u8], 1);
        let json = serde_json::to_vec(&map).expect_err("a map with a list as a key");
        let err = Error::from(json);
        assert_eq!(err.kind(), ErrorKind::Json);
        assert!(err.io_error().is_none() && !err.is_broken_pipe());
        insta::assert_snapshot!(err, @"cannot serialise the timeline as JSON: key must be a string");
    }
}
