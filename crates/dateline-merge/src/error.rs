//! The merge stage's error type.

/// Why [`try_merge`](crate::try_merge) refused its input.
///
/// [`merge`](crate::merge) never fails: it reports the same problems as diagnostics and goes on.
/// The variants are private so they can change without breaking callers; [`Error::kind`] says
/// which kind of failure it is, to match on, and the message names the post and both documents.
#[derive(Debug, thiserror::Error)]
#[error(transparent)]
pub struct Error(#[from] Repr);

/// The kind of an [`Error`], to match on; the details are in the error's message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Two posts share an id, usually because the same page was given twice
    /// ([`Error::duplicate_post`] names it).
    DuplicatePost,
    /// Bytes given as a census or as scored pairs ([`crate::partition`]) are not one of this
    /// version of the crate.
    Partition,
}

impl Error {
    /// The kind of failure.
    pub fn kind(&self) -> ErrorKind {
        match &self.0 {
            Repr::DuplicatePost { .. } => ErrorKind::DuplicatePost,
            Repr::Partition { .. } => ErrorKind::Partition,
        }
    }

    /// The post id that was found more than once, when that is the problem.
    pub fn duplicate_post(&self) -> Option<&str> {
        match &self.0 {
            Repr::DuplicatePost { id, .. } => Some(id),
            Repr::Partition { .. } => None,
        }
    }
}

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub(crate) enum Repr {
    /// Two posts share an id, usually because the same page was given twice.
    #[error("post `{id}` is in both `{kept}` and `{dropped}` (the same page given twice?)")]
    DuplicatePost {
        id: String,
        kept: String,
        dropped: String,
    },
    /// Bytes that are not a census or pairs of this version.
    #[error(
        "these bytes are not {what} of a partitioned merge of this version of dateline-merge: make them again with the same version"
    )]
    Partition { what: &'static str },
}
