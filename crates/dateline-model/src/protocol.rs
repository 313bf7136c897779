//! The answers of pipeline plugins (`docs/plugins.md`), as plain data.
//!
//! Running a plugin is I/O and stays in the CLI; what a plugin answers is data, and lives here so
//! that anything that reads such an answer (the CLI, a test, a fuzz target) reads it the same way.

use serde::Deserialize;

use crate::{Diagnostic, Document};

/// A source plugin's answer (`dateline-source-NAME`): a document as the model serialises it, or
/// an object with the document and its diagnostics.
///
/// Unknown fields are ignored, as everywhere in the protocol.
///
/// ```
/// use dateline_model::SourceReply;
///
/// let doc = dateline_model::Document::new("p.txt", "text", b"bytes");
/// let bare = serde_json::to_vec(&doc).unwrap();
/// let reply: SourceReply = serde_json::from_slice(&bare).unwrap();
/// let (read, diagnostics) = reply.into_parts();
/// assert_eq!(read, doc);
/// assert!(diagnostics.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum SourceReply {
    /// `{"document": {...}, "diagnostics": [...]}`; the diagnostics may be left out.
    Wrapped {
        /// The document read from the page.
        document: Box<Document>,
        /// What the plugin had to say about the page.
        #[serde(default)]
        diagnostics: Vec<Diagnostic>,
    },
    /// A document alone.
    Bare(Box<Document>),
}

impl SourceReply {
    /// The document and the diagnostics (none for a bare document).
    pub fn into_parts(self) -> (Document, Vec<Diagnostic>) {
        match self {
            SourceReply::Wrapped {
                document,
                diagnostics,
            } => (*document, diagnostics),
            SourceReply::Bare(document) => (*document, Vec::new()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Severity;

    #[test]
    fn a_wrapped_reply_keeps_its_diagnostics_and_ignores_unknown_fields() {
        let doc = Document::new("p.txt", "text", b"bytes");
        let reply = serde_json::json!({
            "document": doc,
            "diagnostics": [{"severity": "warning", "code": "x", "path": null, "line": 3, "message": "m"}],
            "later": true,
        });
        let reply: SourceReply = serde_json::from_value(reply).unwrap();
        let (read, diagnostics) = reply.into_parts();
        assert_eq!(read, doc);
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(diagnostics[0].severity, Severity::Warning);
        assert_eq!(diagnostics[0].line, Some(3));
    }

    #[test]
    fn anything_else_is_an_error_not_a_panic() {
        for bytes in [
            &b""[..],
            b"{}",
            b"[]",
            b"null",
            b"{\"document\": 1}",
            b"\xff",
        ] {
            assert!(serde_json::from_slice::<SourceReply>(bytes).is_err());
        }
    }
}
