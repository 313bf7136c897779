//! Every time in a text, line by line: the stamps [`find_stamps`](crate::find_stamps) finds,
//! resolved against a [`Context`], and the expressions of running text read against a [`ReportContext`],
//! where one covers the other the longer kept (a stamp on a tie). What `dateline time` prints,
//! for any program that wants the same reading.

use std::ops::Range;

use crate::{Context, Expression, ReportContext, Resolved, Stamp};

/// One time found on one line of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Found {
    /// The 1-based line of the text it stands on.
    pub line: usize,
    /// Its byte range within that line, `[start, end)`.
    pub span: [usize; 2],
    /// The time as printed.
    pub text: String,
    /// What it was read as.
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub reading: Reading,
}

impl Found {
    /// Its byte range within its line.
    pub fn span(&self) -> Range<usize> {
        self.span[0]..self.span[1]
    }
}

/// What a time found in a text was read as.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize),
    serde(tag = "kind", rename_all = "kebab-case")
)]
#[non_exhaustive]
pub enum Reading {
    /// A timestamp, and its instant (or why it has none).
    Stamp {
        /// The stamp as scanned.
        stamp: Stamp,
        /// Its instant in the context, when it resolves.
        resolved: Option<Resolved>,
        /// Why it does not resolve.
        error: Option<String>,
    },
    /// A time expression of running text, read against the report.
    Expression {
        /// The expression and its reading.
        expression: Expression,
    },
}

/// Every time in `text`, line by line: stamps resolved in `context`, and, when `report` is given,
/// the expressions of running text read against it ("last night" needs a time to be read from).
/// Where a stamp and an expression overlap, the longer stays, a stamp on a tie; each line's times
/// come in the order they stand.
pub fn find_times(text: &str, context: &Context, report: Option<&ReportContext>) -> Vec<Found> {
    let mut found = Vec::new();
    for (i, line) in text.lines().enumerate() {
        found.extend(line_times(i + 1, line, context, report));
    }
    found
}

/// The times of one line, numbered `number`.
fn line_times(
    number: usize,
    line: &str,
    context: &Context,
    report: Option<&ReportContext>,
) -> Vec<Found> {
    let mut found: Vec<Found> = Vec::new();
    for stamp in crate::find_stamps(line) {
        let (resolved, error) = match crate::resolve(&stamp, context) {
            Ok(r) => (Some(r), None),
            Err(e) => (None, Some(e.to_string())),
        };
        found.push(Found {
            line: number,
            span: [stamp.span.start, stamp.span.end],
            text: line.get(stamp.span.clone()).unwrap_or_default().to_owned(),
            reading: Reading::Stamp {
                stamp,
                resolved,
                error,
            },
        });
    }
    if let Some(report) = report {
        for expression in crate::find_expressions(line, report) {
            let span = expression.span.clone();
            let overlapping: Vec<usize> = found
                .iter()
                .enumerate()
                .filter(|(_, f)| f.span().start < span.end && span.start < f.span().end)
                .map(|(i, _)| i)
                .collect();
            let longer = overlapping
                .iter()
                .all(|&i| found.get(i).is_some_and(|f| f.span().len() < span.len()));
            if !longer {
                continue;
            }
            for i in overlapping.into_iter().rev() {
                found.remove(i);
            }
            found.push(Found {
                line: number,
                span: [span.start, span.end],
                text: expression.text.clone(),
                reading: Reading::Expression { expression },
            });
        }
    }
    found.sort_by_key(|f| (f.span[0], f.span[1]));
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, Utc};

    #[test]
    fn stamps_and_expressions_of_each_line_in_order() {
        let utc: DateTime<Utc> = "2020-01-03T12:00:00Z".parse().unwrap_or_default();
        let report = ReportContext::new(utc, crate::Tz::UTC);
        let context = Context::default().with_now(utc);
        let found = find_times(
            "Updated 12:31 p.m. ET, January 4, 2020\nThe strike came last night, officials said.",
            &context,
            Some(&report),
        );
        let kinds: Vec<(usize, &str, bool)> = found
            .iter()
            .map(|f| {
                (
                    f.line,
                    f.text.as_str(),
                    matches!(f.reading, Reading::Stamp { .. }),
                )
            })
            .collect();
        assert_eq!(
            kinds,
            [
                (1, "12:31 p.m. ET, January 4, 2020", true),
                (2, "last night", false)
            ]
        );
    }

    #[test]
    fn without_a_report_only_stamps_are_read() {
        let found = find_times("last night at 03:09", &Context::default(), None);
        assert!(
            found
                .iter()
                .all(|f| matches!(f.reading, Reading::Stamp { .. }))
        );
    }
}
