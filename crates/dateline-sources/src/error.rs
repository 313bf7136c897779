//! What can fail in this crate.

/// An error from this crate; the message says what and, where it helps, what to do.
///
/// The variants are private so they can change; [`Error::kind`] says which kind of failure it
/// is, to match on.
#[derive(Debug, thiserror::Error)]
#[error(transparent)]
pub struct Error(#[from] Repr);

/// The kind of an [`Error`], to match on; the details are in the error's message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// [`crate::layout`] was asked for a name no layout has.
    UnknownLayout,
}

impl Error {
    /// The kind of failure.
    pub fn kind(&self) -> ErrorKind {
        match &self.0 {
            Repr::UnknownLayout { .. } => ErrorKind::UnknownLayout,
        }
    }
}

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub(crate) enum Repr {
    #[error("unknown layout `{name}`; the known layouts are {known}")]
    UnknownLayout { name: String, known: String },
}

#[cfg(test)]
mod tests {
    use super::ErrorKind;

    #[test]
    fn an_unknown_layout_is_its_kind() {
        let err = crate::layout("nytimes").err().expect("no such layout");
        assert_eq!(err.kind(), ErrorKind::UnknownLayout);
        assert!(
            err.to_string().starts_with("unknown layout `nytimes`"),
            "{err}"
        );
        assert!(crate::layout("generic").is_ok());
    }
}
