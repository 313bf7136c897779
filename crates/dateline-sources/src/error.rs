//! What can fail in this crate.

/// An error from this crate; the message says what and, where it helps, what to do.
#[derive(Debug, thiserror::Error)]
#[error(transparent)]
pub struct Error(#[from] ErrorKind);

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub(crate) enum ErrorKind {
    #[error("unknown layout `{name}`; the known layouts are {known}")]
    UnknownLayout { name: String, known: String },
}
