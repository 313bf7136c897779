//! The engine the stamp and expression rules run on: regex-automata's meta regex, built without
//! literal prefilters.
//!
//! The rules are large case-insensitive alternations (month and weekday names in seven languages,
//! every zone abbreviation). Extracting literals from them for a prefilter cost more than half of
//! the time to build them, and a prefilter buys little here: [`crate::gate`] already runs a rule
//! only on the lines that have what it needs, so the lazy DFA goes straight at a short line.
//! [`Captures`] and [`Match`] mirror the `regex` crate's types the rules were written against;
//! searches are the same leftmost-first searches with the same look-behind at their start.

use std::ops::Range;

use regex_automata::Input;
use regex_automata::meta;
use regex_automata::util::captures::Captures as Slots;

/// A compiled rule.
#[derive(Debug)]
pub(crate) struct Rx {
    re: meta::Regex,
    /// The groups' names with their indexes: the rules look groups up by name many times a
    /// match, and a scan of a dozen short names beats hashing each one.
    names: Vec<(Box<str>, usize)>,
}

impl Rx {
    /// Compiles `pattern` (the `regex` crate's syntax), or `None` if it does not compile.
    pub(crate) fn new(pattern: &str) -> Option<Rx> {
        let re = meta::Builder::new()
            .configure(meta::Config::new().auto_prefilter(false))
            .build(pattern)
            .ok()?;
        let names = re
            .group_info()
            .pattern_names(regex_automata::PatternID::ZERO)
            .enumerate()
            .filter_map(|(i, name)| name.map(|n| (Box::from(n), i)))
            .collect();
        Some(Rx { re, names })
    }

    /// The leftmost-first match in `hay` starting at or after `at`, with its groups; the text
    /// before `at` still counts for `\b`.
    pub(crate) fn captures_at<'h>(&'h self, hay: &'h str, at: usize) -> Option<Captures<'h>> {
        if at > hay.len() {
            return None;
        }
        let mut slots = self.re.create_captures();
        self.re
            .search_captures(&Input::new(hay).range(at..), &mut slots);
        slots.is_match().then_some(Captures {
            hay,
            slots,
            names: &self.names,
        })
    }
}

/// The groups of one match.
#[derive(Debug)]
pub(crate) struct Captures<'h> {
    hay: &'h str,
    slots: Slots,
    names: &'h [(Box<str>, usize)],
}

impl<'h> Captures<'h> {
    /// Group `index` (0: the whole match), if it took part.
    pub(crate) fn get(&self, index: usize) -> Option<Match<'h>> {
        let span = self.slots.get_group(index)?;
        Some(Match {
            hay: self.hay,
            start: span.start,
            end: span.end,
        })
    }

    /// The group called `name`, if it took part.
    pub(crate) fn name(&self, name: &str) -> Option<Match<'h>> {
        let index = self
            .names
            .iter()
            .find(|(n, _)| n.as_ref() == name)
            .map(|(_, i)| *i)?;
        let span = self.slots.get_group(index)?;
        Some(Match {
            hay: self.hay,
            start: span.start,
            end: span.end,
        })
    }
}

/// Where a group matched.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Match<'h> {
    hay: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Match<'h> {
    pub(crate) fn start(&self) -> usize {
        self.start
    }

    pub(crate) fn end(&self) -> usize {
        self.end
    }

    pub(crate) fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.start == self.end
    }

    pub(crate) fn as_str(&self) -> &'h str {
        self.hay.get(self.start..self.end).unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn searches_as_the_regex_crate_does() {
        let pattern = r"(?i)\b(?P<d>[0-9]{1,2})\s+(?P<mon>jan|feb)(?P<dot>\.)?";
        let ours = Rx::new(pattern);
        let theirs = regex::Regex::new(pattern).ok();
        let (Some(ours), Some(theirs)) = (ours, theirs) else {
            panic!("the pattern compiles");
        };
        let hay = "x3 Jan, 13 FEB. and 4 jan";
        for at in 0..=hay.len() {
            let a = ours.captures_at(hay, at);
            let b = theirs.captures_at(hay, at);
            assert_eq!(a.is_some(), b.is_some(), "at {at}");
            if let (Some(a), Some(b)) = (a, b) {
                for name in ["d", "mon", "dot"] {
                    assert_eq!(
                        a.name(name).map(|m| (m.range(), m.as_str())),
                        b.name(name).map(|m| (m.range(), m.as_str())),
                        "{name} at {at}"
                    );
                }
                assert_eq!(a.get(0).map(|m| m.range()), b.get(0).map(|m| m.range()));
            }
        }
        assert!(ours.captures_at(hay, hay.len() + 1).is_none());
    }
}
