//! What a stage says about its input: problems, inferences and what it dropped.

use serde::{Deserialize, Serialize};

/// How much a [`Diagnostic`] matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Something was inferred or left out on purpose; nothing is wrong.
    Info,
    /// The result may be wrong or incomplete; a person should look.
    Warning,
    /// A part of the input could not be used.
    Error,
}

/// One thing a stage says about its input, with where it applies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Diagnostic {
    /// How much it matters.
    pub severity: Severity,
    /// A stable, kebab-case name for the kind of diagnostic, such as `declared-count-mismatch`.
    pub code: String,
    /// The document's path, when the diagnostic is about one.
    pub path: Option<String>,
    /// The 1-based line, when one line is the point: a line of the text that was read (for a saved
    /// HTML page, its visible text; the file's own line for what its decoding says, such as
    /// invalid bytes).
    pub line: Option<u32>,
    /// Where that line's point stands in the file itself, when the read text is not the file (a
    /// saved HTML page). Omitted from JSON when there is none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<crate::SourcePosition>,
    /// What happened and, where it helps, what to do; lowercase, no trailing period.
    pub message: String,
    /// The text of [`Diagnostic::line`] as the page gives it, with the part the diagnostic is
    /// about, for showing the line with that part marked (as a compiler shows a line of code).
    /// Omitted from JSON when there is none.
    // Boxed, so that a diagnostic stays small: most are passed on without it being read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub excerpt: Option<Box<Excerpt>>,
}

/// A diagnostic's line as the page gives it, and the part of it the diagnostic is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Excerpt {
    /// The line's text; on a long line, the part around the span, with `…` where it was cut.
    pub text: String,
    /// Where in `text` the part the diagnostic is about stands: the UTF-8 byte offsets of its start
    /// and end. Omitted when the diagnostic is about the line as a whole.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<[u32; 2]>,
}

impl Excerpt {
    /// An excerpt of a line, with the byte range of the part a diagnostic is about, if any.
    pub fn new(text: impl Into<String>, span: Option<[u32; 2]>) -> Self {
        Excerpt {
            text: text.into(),
            span,
        }
    }
}

impl Diagnostic {
    /// A diagnostic with no path or line yet.
    pub fn new(severity: Severity, code: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            code: code.into(),
            path: None,
            line: None,
            source: None,
            message: message.into(),
            excerpt: None,
        }
    }

    /// The line a reader finds the point on in the file: [`Diagnostic::source`]'s line where the
    /// read text is not the file, else [`Diagnostic::line`]. This is the line every `path:line`
    /// shows.
    pub fn cited_line(&self) -> Option<u32> {
        self.source.map(|s| s.line).or(self.line)
    }

    /// Sets the line this diagnostic is about.
    #[must_use]
    pub fn at_line(mut self, line: u32) -> Self {
        self.line = Some(line);
        self
    }

    /// Sets the excerpt of the line this diagnostic is about.
    #[must_use]
    pub fn with_excerpt(mut self, excerpt: Excerpt) -> Self {
        self.excerpt = Some(Box::new(excerpt));
        self
    }

    /// Sets where the line's point stands in the file, when the read text is not the file (a
    /// post's [`crate::Post::source`]).
    #[must_use]
    pub fn at_source(mut self, source: Option<crate::SourcePosition>) -> Self {
        self.source = source;
        self
    }

    /// Sets the document path this diagnostic is about.
    #[must_use]
    pub fn in_path(mut self, path: impl Into<String>) -> Self {
        self.path = Some(path.into());
        self
    }
}
