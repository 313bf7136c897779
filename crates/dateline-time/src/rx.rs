//! The engine the stamp and expression rules run on: regex-automata's meta regex, built without
//! literal prefilters and without full DFAs.
//!
//! The rules are large case-insensitive alternations (month and weekday names in seven languages,
//! every zone abbreviation). Extracting literals from them for a prefilter cost more than half of
//! the time to build them, and a prefilter buys little here: [`crate::gate`] already runs a rule
//! only on the lines that have what it needs, so the lazy DFA goes straight at a short line. The
//! few rules small enough for a full DFA cost more to determinise than the lazy DFA spends on the
//! lines they see (1% fewer instructions without, for a page and for 10 k generated posts).
//! [`Captures`] and [`Match`] mirror the `regex` crate's types the rules were written against;
//! searches are the same leftmost-first searches with the same look-behind at their start. Groups
//! are read by [`G`], not by name: each rule's group indexes are found once, when it is compiled.
//! A match can be extended by a group found right after it by another pattern
//! ([`Captures::extend`]): the stamp rules' common zone, compiled once ([`Rx::end_from`]).

use std::ops::Range;

use regex_automata::meta;
use regex_automata::util::captures::Captures as Slots;
use regex_automata::{Anchored, Input};

/// Declares [`G`] from its groups and their names in the patterns, each listed once.
macro_rules! groups {
    ($($group:ident => $name:literal,)*) => {
        /// A group the rules read. Groups are found by their place in each rule, looked up once
        /// when the rule is compiled: a match's groups are read many times, and comparing names
        /// each time cost more than the search for some rules.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub(crate) enum G {
            $($group,)*
        }

        impl G {
            /// Every group, in the order of their places in [`Rx::groups`].
            pub(crate) const ALL: [G; [$(G::$group),*].len()] = [$(G::$group),*];

            /// The group's name in the rules' patterns.
            pub(crate) fn name(self) -> &'static str {
                match self {
                    $(G::$group => $name,)*
                }
            }
        }
    };
}

groups! {
    Ap => "ap",
    Apw => "apw",
    B => "b",
    Cjk => "cjk",
    D => "d",
    Dir => "dir",
    E => "e",
    Fap => "fap",
    H => "h",
    H2 => "h2",
    Hhmm => "hhmm",
    Hrs => "hrs",
    IsoZone => "iso_zone",
    M2 => "m2",
    Mi => "mi",
    Mo => "mo",
    Mon => "mon",
    N => "n",
    N1 => "n1",
    N2 => "n2",
    Nm => "nm",
    P => "p",
    Pmon => "pmon",
    Pos => "pos",
    Post => "post",
    Pre => "pre",
    Prep => "prep",
    Rd => "rd",
    Rdw => "rdw",
    S => "s",
    S1 => "s1",
    S2 => "s2",
    Sep => "sep",
    U => "u",
    Uhr => "uhr",
    Unit => "unit",
    W => "w",
    Wd => "wd",
    Wd2 => "wd2",
    Wda => "wda",
    Wdc => "wdc",
    Wdt => "wdt",
    Wmon => "wmon",
    Wmon2 => "wmon2",
    Wwd => "wwd",
    Y => "y",
    Zone => "zone",
    Zone2 => "zone2",
    Zpre => "zpre",
}

/// A compiled rule.
#[derive(Debug)]
pub(crate) struct Rx {
    re: meta::Regex,
    /// Each group of [`G::ALL`] by its place there: its index in this rule's pattern, if the
    /// pattern has it.
    groups: [Option<usize>; G::ALL.len()],
}

impl Rx {
    /// Compiles `pattern` (the `regex` crate's syntax), or `None` if it does not compile.
    pub(crate) fn new(pattern: &str) -> Option<Rx> {
        let re = meta::Builder::new()
            .configure(meta::Config::new().auto_prefilter(false).dfa(false))
            .build(pattern)
            .ok()?;
        let info = re.group_info();
        let groups = G::ALL.map(|g| info.to_index(regex_automata::PatternID::ZERO, g.name()));
        Some(Rx { re, groups })
    }

    /// The leftmost-first match in `hay` starting at or after `at`, with its groups; the text
    /// before `at` still counts for `\b`.
    pub(crate) fn captures_at<'h>(&'h self, hay: &'h str, at: usize) -> Option<Captures<'h>> {
        let found = self.find_at(hay, at)?;
        self.captures_on(hay, found)
    }

    /// The span of the leftmost-first match in `hay` starting at or after `at`, found by the
    /// DFAs alone; [`Rx::captures_on`] reads its groups. The text before `at` still counts for
    /// `\b`.
    pub(crate) fn find_at(&self, hay: &str, at: usize) -> Option<Range<usize>> {
        if at > hay.len() {
            return None;
        }
        self.re
            .search(&Input::new(hay).range(at..))
            .map(|m| m.range())
    }

    /// The groups of the match that [`Rx::find_at`] found at `span`.
    ///
    /// They are read on the span only, as the meta regex does inside `search_captures` (its
    /// capture engines run on the span its DFAs found, anchored there): the first choice that
    /// ends within the span is the first choice overall, and look-around still sees the whole
    /// haystack. Most searches find nothing, and then no room for groups is made.
    pub(crate) fn captures_on<'h>(
        &'h self,
        hay: &'h str,
        span: Range<usize>,
    ) -> Option<Captures<'h>> {
        let input = Input::new(hay).range(span).anchored(Anchored::Yes);
        self.captures_in(hay, &input)
    }

    /// The leftmost-first match in `hay` that starts exactly at `at`, with its groups; the text
    /// before `at` still counts for `\b`. The match [`Rx::captures_at`] finds when one starts
    /// at `at` (the leftmost match is the first choice among those that start leftmost), and
    /// none when it finds one further on; a search that fails at `at` stops there.
    pub(crate) fn captures_from<'h>(&'h self, hay: &'h str, at: usize) -> Option<Captures<'h>> {
        if at > hay.len() {
            return None;
        }
        let input = Input::new(hay).range(at..).anchored(Anchored::Yes);
        let found = self.re.search(&input)?;
        self.captures_on(hay, found.range())
    }

    /// The match of `input` with its groups.
    fn captures_in<'h>(&'h self, hay: &'h str, input: &Input<'_>) -> Option<Captures<'h>> {
        let mut slots = self.re.create_captures();
        self.re.search_captures(input, &mut slots);
        slots.is_match().then_some(Captures {
            hay,
            slots,
            groups: &self.groups,
            after: None,
        })
    }

    /// Whether the rule's pattern has group `g`.
    pub(crate) fn has(&self, g: G) -> bool {
        self.groups.get(g as usize).copied().flatten().is_some()
    }

    /// The end of the leftmost-first match that starts exactly at `at`, without its groups; the
    /// text before `at` still counts for `\b`.
    pub(crate) fn end_from(&self, hay: &str, at: usize) -> Option<usize> {
        if at > hay.len() {
            return None;
        }
        let input = Input::new(hay).range(at..).anchored(Anchored::Yes);
        self.re.search(&input).map(|m| m.end())
    }
}

/// The groups of one match.
#[derive(Debug)]
pub(crate) struct Captures<'h> {
    hay: &'h str,
    slots: Slots,
    groups: &'h [Option<usize>; G::ALL.len()],
    /// A group matched right after the match by a second rule, which extends the match to
    /// its end ([`Captures::extend`]): the group, its span and the new end.
    after: Option<(G, Range<usize>, usize)>,
}

impl<'h> Captures<'h> {
    /// Group `index` (0: the whole match, with what [`Captures::extend`] added), if it took
    /// part.
    pub(crate) fn get(&self, index: usize) -> Option<Match<'h>> {
        let span = self.slots.get_group(index)?;
        let end = match &self.after {
            Some((_, _, end)) if index == 0 => *end,
            _ => span.end,
        };
        Some(Match {
            hay: self.hay,
            start: span.start,
            end,
        })
    }

    /// Group `g`, if the rule has it and it took part.
    #[inline]
    pub(crate) fn name(&self, g: G) -> Option<Match<'h>> {
        let index = self.groups.get(g as usize).copied().flatten();
        match index.and_then(|index| self.slots.get_group(index)) {
            Some(span) => Some(Match {
                hay: self.hay,
                start: span.start,
                end: span.end,
            }),
            None => self.after(g),
        }
    }

    /// Group `g` of what [`Captures::extend`] added, if it is that group.
    fn after(&self, g: G) -> Option<Match<'h>> {
        match &self.after {
            Some((after, span, _)) if *after == g => Some(Match {
                hay: self.hay,
                start: span.start,
                end: span.end,
            }),
            _ => None,
        }
    }

    /// The match extended to `end` by what follows it, a text in which group `g` spans `span`:
    /// the match of a rule `A(?:B)?` found as `A`, then `B` from where `A` ends, which is the
    /// same match (leftmost-first, `A`'s choices come before `B`'s), with `B`'s group `g`.
    pub(crate) fn extend(self, g: G, span: Range<usize>, end: usize) -> Captures<'h> {
        Captures {
            after: Some((g, span, end)),
            ..self
        }
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
impl Rx {
    /// The names of the pattern's groups that [`G`] does not list (which no rule could read).
    pub(crate) fn unlisted_groups(&self) -> Vec<String> {
        self.re
            .group_info()
            .pattern_names(regex_automata::PatternID::ZERO)
            .flatten()
            .filter(|n| !G::ALL.iter().any(|g| g.name() == *n))
            .map(str::to_owned)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn searches_as_the_regex_crate_does() {
        // `e` is a group this pattern does not have: it never takes part.
        let pattern = r"(?i)\b(?P<d>[0-9]{1,2})\s+(?P<mon>jan|feb)(?P<s>\.)?";
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
                for g in [G::D, G::Mon, G::S, G::E] {
                    assert_eq!(
                        a.name(g).map(|m| (m.range(), m.as_str())),
                        b.name(g.name()).map(|m| (m.range(), m.as_str())),
                        "{g:?} at {at}"
                    );
                }
                assert_eq!(a.get(0).map(|m| m.range()), b.get(0).map(|m| m.range()));
            }
            // From `at` exactly: the same match when it starts there, else none.
            let from = ours.captures_from(hay, at);
            let b = theirs
                .captures_at(hay, at)
                .filter(|c| c.get(0).is_some_and(|m| m.start() == at));
            assert_eq!(
                from.map(|c| [G::D, G::Mon, G::S].map(|g| c.name(g).map(|m| m.range()))),
                b.map(|c| [G::D, G::Mon, G::S].map(|g| c.name(g.name()).map(|m| m.range()))),
                "from {at}"
            );
        }
        assert!(ours.captures_at(hay, hay.len() + 1).is_none());
    }

    #[test]
    fn group_names_are_distinct() {
        for (i, a) in G::ALL.iter().enumerate() {
            assert_eq!(*a as usize, i, "{a:?} is in its place");
            assert!(G::ALL.iter().skip(i + 1).all(|b| a.name() != b.name()));
        }
    }
}
