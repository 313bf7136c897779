//! The merge stage's error type.

/// Why [`try_merge`](crate::try_merge) refused its input.
///
/// [`merge`](crate::merge) never fails: it reports the same problems as diagnostics and goes on.
/// The variants are private so they can change without breaking callers; the message names the
/// post and both documents.
#[derive(Debug, thiserror::Error)]
#[error(transparent)]
pub struct Error(#[from] ErrorKind);

impl Error {
    /// The post id that was found more than once, when that is the problem.
    pub fn duplicate_post(&self) -> Option<&str> {
        match &self.0 {
            ErrorKind::DuplicatePost { id, .. } => Some(id),
        }
    }
}

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub(crate) enum ErrorKind {
    /// Two posts share an id, usually because the same page was given twice.
    #[error("post `{id}` is in both `{kept}` and `{dropped}` (the same page given twice?)")]
    DuplicatePost {
        id: String,
        kept: String,
        dropped: String,
    },
}
