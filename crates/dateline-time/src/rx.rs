//! The engine the stamp and expression rules run on: regex-automata's lazy DFA to find a
//! match's span, its bounded backtracker to read the groups there, and its PikeVM past the
//! backtracker's reach, as its meta regex runs them, without literal prefilters or full DFAs.
//!
//! The rules are large case-insensitive alternations (month and weekday names in seven languages,
//! every zone abbreviation). Extracting literals from them for a prefilter cost more than half of
//! the time to build them, and a prefilter buys little here: [`crate::gate`] already runs a rule
//! only on the lines that have what it needs, so the lazy DFA goes straight at a short line. The
//! few rules small enough for a full DFA cost more to determinise than the lazy DFA spends on the
//! lines they see (1% fewer instructions without, for a page and for 10 k generated posts).
//! The engines are put together here rather than by the meta regex, which read a match's groups
//! only after running its lazy DFA over the span again. The alternations of names are written as
//! prefix trees ([`alternation`]), so that the backtracker tries a branch a letter where the
//! names part, not a branch a name.
//! [`Captures`] and [`Match`] mirror the `regex` crate's types the rules were written against;
//! searches are the same leftmost-first searches with the same look-behind at their start. Groups
//! are read by [`G`], not by name: each rule's group indexes are found once, when it is compiled.
//! A match can be extended by a group found right after it by another pattern
//! ([`Captures::extend`]): the stamp rules' common zone, compiled once ([`Rx::end_from`]).

use std::ops::Range;
use std::panic::{RefUnwindSafe, UnwindSafe};
use std::sync::Arc;

use regex_automata::hybrid;
use regex_automata::nfa::thompson::backtrack::{self, BoundedBacktracker};
use regex_automata::nfa::thompson::pikevm::{self, PikeVM};
use regex_automata::nfa::thompson::{self, WhichCaptures};
use regex_automata::util::captures::Captures as Slots;
use regex_automata::util::pool::Pool;
use regex_automata::{Anchored, Input, MatchKind};

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
pub(crate) struct Rx {
    /// The lazy DFAs, forward and reverse, that find a match's span (`None` if they could not
    /// be built, as for the meta regex, which then searches without them).
    dfa: Option<Arc<hybrid::regex::Regex>>,
    /// What reads the groups of a match whose span is known; and finds matches, for a span too
    /// long for it ([`BoundedBacktracker::max_haystack_len`]) or when the lazy DFA gives up.
    backtrack: BoundedBacktracker,
    /// What does so past the backtracker's reach.
    pikevm: PikeVM,
    /// Each thread's room to search in.
    caches: Pool<Cache, CacheFn>,
    /// Each group of [`G::ALL`] by its place there: its index in this rule's pattern, if the
    /// pattern has it.
    groups: [Option<usize>; G::ALL.len()],
}

/// What makes a thread's [`Cache`] for an [`Rx`].
type CacheFn = Box<dyn Fn() -> Cache + Send + Sync + UnwindSafe + RefUnwindSafe>;

/// A thread's room to search in, for each engine of an [`Rx`].
#[derive(Debug)]
struct Cache {
    dfa: Option<hybrid::regex::Cache>,
    backtrack: backtrack::Cache,
    pikevm: pikevm::Cache,
}

impl std::fmt::Debug for Rx {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rx").field("groups", &self.groups).finish()
    }
}

impl Rx {
    /// Compiles `pattern` (the `regex` crate's syntax), or `None` if it does not compile.
    ///
    /// The engines are those the meta regex runs for these rules, configured as it configures
    /// them (the lazy DFA gives up where the meta regex's would, and the search falls back as
    /// it does), built from one forward NFA: the meta regex finds a match's span with the lazy
    /// DFA and then runs it again on that span before the backtracker reads the groups there,
    /// a second pass this type does not make.
    pub(crate) fn new(pattern: &str) -> Option<Rx> {
        let hir = regex_automata::util::syntax::parse(pattern).ok()?;
        let config = thompson::Config::new().shrink(false);
        let nfa = thompson::Compiler::new()
            .configure(config.clone())
            .build_from_hir(&hir)
            .ok()?;
        let reverse = thompson::Compiler::new()
            .configure(config.which_captures(WhichCaptures::None).reverse(true))
            .build_from_hir(&hir)
            .ok()?;
        let lazy = hybrid::dfa::Config::new()
            .match_kind(MatchKind::LeftmostFirst)
            .starts_for_each_pattern(true)
            .unicode_word_boundary(true)
            .skip_cache_capacity_check(false)
            .minimum_cache_clear_count(Some(3))
            .minimum_bytes_per_state(Some(10));
        let forward = hybrid::dfa::Builder::new()
            .configure(lazy.clone())
            .build_from_nfa(nfa.clone());
        let reverse = hybrid::dfa::Builder::new()
            .configure(lazy.match_kind(MatchKind::All))
            .build_from_nfa(reverse);
        let dfa = match (forward, reverse) {
            (Ok(forward), Ok(reverse)) => Some(Arc::new(
                hybrid::regex::Builder::new().build_from_dfas(forward, reverse),
            )),
            _ => None,
        };
        let backtrack = BoundedBacktracker::new_from_nfa(nfa.clone()).ok()?;
        let pikevm = PikeVM::new_from_nfa(nfa.clone()).ok()?;
        let info = nfa.group_info();
        let groups = G::ALL.map(|g| info.to_index(regex_automata::PatternID::ZERO, g.name()));
        let caches: CacheFn = {
            let (dfa, backtrack, pikevm) = (dfa.clone(), backtrack.clone(), pikevm.clone());
            Box::new(move || Cache {
                dfa: dfa.as_ref().map(|dfa| dfa.create_cache()),
                backtrack: backtrack.create_cache(),
                pikevm: pikevm.create_cache(),
            })
        };
        Some(Rx {
            dfa,
            backtrack,
            pikevm,
            caches: Pool::new(caches),
            groups,
        })
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
        self.search(&Input::new(hay).range(at..))
    }

    /// The match of `input`, by the lazy DFA, or by the other engines where it gives up.
    fn search(&self, input: &Input<'_>) -> Option<Range<usize>> {
        let mut cache = self.caches.get();
        let cache = &mut *cache;
        if let (Some(dfa), Some(dfa_cache)) = (&self.dfa, &mut cache.dfa)
            && let Ok(found) = dfa.try_search(dfa_cache, input)
        {
            return found.map(|m| m.range());
        }
        self.search_without_dfa(cache, input)
    }

    /// [`Rx::search`] without the lazy DFA: by the backtracker, or the PikeVM past its reach.
    fn search_without_dfa(&self, cache: &mut Cache, input: &Input<'_>) -> Option<Range<usize>> {
        let mut slots = [None, None];
        let found = if input.get_span().len() <= self.backtrack.max_haystack_len() {
            self.backtrack
                .try_search_slots(&mut cache.backtrack, input, &mut slots)
                .ok()?
        } else {
            self.pikevm
                .search_slots(&mut cache.pikevm, input, &mut slots)
        };
        found?;
        let [start, end] = slots;
        Some(start?.get()..end?.get())
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
        let mut slots = self.backtrack.create_captures();
        let mut cache = self.caches.get();
        if input.get_span().len() <= self.backtrack.max_haystack_len() {
            self.backtrack
                .try_captures(&mut cache.backtrack, input, &mut slots)
                .ok()?;
        } else {
            self.pikevm.captures(&mut cache.pikevm, input, &mut slots);
        }
        slots.is_match().then_some(Captures {
            hay,
            slots,
            groups: &self.groups,
            after: None,
        })
    }

    /// The leftmost-first match in `hay` that starts exactly at `at`, with its groups; the text
    /// before `at` still counts for `\b`. The match [`Rx::captures_at`] finds when one starts
    /// at `at` (the leftmost match is the first choice among those that start leftmost), and
    /// none when it finds one further on; a search that fails at `at` stops there.
    pub(crate) fn captures_from<'h>(&'h self, hay: &'h str, at: usize) -> Option<Captures<'h>> {
        if at > hay.len() {
            return None;
        }
        let found = self.search(&Input::new(hay).range(at..).anchored(Anchored::Yes))?;
        self.captures_on(hay, found)
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
        self.search(&Input::new(hay).range(at..).anchored(Anchored::Yes))
            .map(|m| m.end)
    }
}

/// The alternation `w1|w2|...` of literal `words`, written as a prefix tree with the same
/// leftmost-first matches: `(?:j(?:an(?:uary|)|u(?:ne|ly))|...)` for `january|june|july|jan`.
///
/// The rules' month and weekday names are alternations of a hundred words and more. The regex
/// compiles such an alternation to one branch a word, and its backtracker, filling a match's
/// groups, tries the branches one by one and pushes a frame for each; in a tree a word costs a
/// branch per letter where the words part. The tree takes words that start with the same letter
/// together: two words that start with different letters never match at one place, so which
/// of them comes first changes nothing, and words that share a letter keep their order. A word
/// that ends where others go on (`jan` among `january`, `janvier`) matches everywhere they do,
/// so nothing moves across it: the words before it and after it make trees of their own.
///
/// Letters are compared as written: two words must not write one letter in two cases where
/// the pattern ignores case (the rules write their names in small letters). Every character
/// but an ASCII letter or digit is written as `\x{...}`, so a word is never read as syntax.
pub(crate) fn alternation(words: &[&str]) -> String {
    let words: Vec<Vec<char>> = words.iter().map(|w| w.chars().collect()).collect();
    let tails: Vec<&[char]> = words.iter().map(Vec::as_slice).collect();
    format!("(?:{})", branches(&tails).join("|"))
}

/// The branches of the tree of `tails`, in order (see [`alternation`]).
fn branches(tails: &[&[char]]) -> Vec<String> {
    let mut out = Vec::new();
    // The words between two that end here, taken together by their first letter, in the
    // order each letter first comes.
    for run in tails.split(|t| t.is_empty()) {
        let mut firsts: Vec<char> = Vec::new();
        for tail in run {
            if let Some(&c) = tail.first()
                && !firsts.contains(&c)
            {
                firsts.push(c);
            }
        }
        // Two letters that are one under case folding (`σ` and `ς`) may both match at one place:
        // such words stay as they are, in their order.
        let folds_together = firsts
            .iter()
            .enumerate()
            .any(|(i, &a)| firsts.iter().skip(i + 1).any(|&b| fold(a) == fold(b)));
        if folds_together {
            out.extend(run.iter().map(|t| literal(t)));
            out.push(String::new());
            continue;
        }
        for c in firsts {
            let rest: Vec<&[char]> = run
                .iter()
                .filter(|t| t.first() == Some(&c))
                .map(|t| t.get(1..).unwrap_or(&[]))
                .collect();
            let mut branch = literal(&[c]);
            match branches(&rest).as_slice() {
                [one] => branch.push_str(one),
                many => {
                    branch.push_str("(?:");
                    branch.push_str(&many.join("|"));
                    branch.push(')');
                }
            }
            out.push(branch);
        }
        out.push(String::new());
    }
    // `split` gives one run more than there are words that end here.
    out.pop();
    out
}

/// A letter that stands for every letter it is one with under case folding (`ς`, `Σ` and `σ`
/// are `σ`; Kelvin's `K` is `k`), or a letter as it is when its capital is more than one letter.
fn fold(c: char) -> char {
    fn one(mut chars: impl Iterator<Item = char>) -> Option<char> {
        let first = chars.next()?;
        chars.next().is_none().then_some(first)
    }
    let upper = one(c.to_uppercase()).unwrap_or(c);
    one(upper.to_lowercase()).unwrap_or(upper)
}

/// `chars` as a regex that matches them literally.
fn literal(chars: &[char]) -> String {
    chars
        .iter()
        .map(|&c| {
            if c.is_ascii_alphanumeric() {
                c.to_string()
            } else {
                format!("\\x{{{:x}}}", u32::from(c))
            }
        })
        .collect()
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
        self.backtrack
            .get_nfa()
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

    #[test]
    fn a_prefix_tree_matches_as_its_words_one_by_one() {
        // Words that are prefixes of others before and after them, repeated words, letters
        // outside ASCII, letters one under case folding (`σ`, `ς`), a space and a quote.
        let lists: [&[&str]; 5] = [
            &[
                "january", "jan", "janvier", "ja", "june", "jun", "juni", "jan", "march", "mar",
            ],
            &[
                "mar", "março", "marzo", "mars", "märz", "mär", "m", "ma", "may", "mai",
            ],
            &["σάββατο", "ςάββατο", "σάβ", "Σα", "k", "ks", "ſo", "so"],
            &["i går", "i", "i gar", "aujourd'hui", "aujourd", "au"],
            &["UTC", "UT", "U", "CEST", "CET", "CT", "C", "EST", "ET", "E"],
        ];
        let flat = |words: &[&str]| {
            let words: Vec<String> = words
                .iter()
                .map(|w| literal(&w.chars().collect::<Vec<_>>()))
                .collect();
            format!("(?:{})", words.join("|"))
        };
        let shapes = [
            "(?i)(?P<w>{})(?-u:\\b)\\.?",
            "(?i)(?P<w>{})",
            "(?-i)(?P<w>{})",
            "(?i)(?P<w>{})(?P<rd>[a-zà-ÿ]?)(?-u:\\b)",
            "(?i)(?P<w>{})(?P<rd>[a-zà-ÿ ']{2})(?-u:\\b)",
            "(?i)(?P<w>{})(?:-feira)?[ ,]*[0-9]",
        ];
        for words in lists {
            let mut hay = String::new();
            for w in words {
                for end in ["", "o", "s 3", ".", "ì", "-feira, 3", "'hui", " 3"] {
                    hay.push_str(&format!(" {w}{end} {} x{w}", w.to_uppercase()));
                }
            }
            for shape in shapes {
                let (Some(tree), Some(one_by_one)) = (
                    Rx::new(&shape.replace("{}", &alternation(words))),
                    Rx::new(&shape.replace("{}", &flat(words))),
                ) else {
                    panic!("{shape} compiles");
                };
                for at in (0..=hay.len()).filter(|&at| hay.is_char_boundary(at)) {
                    let read = |rx: &Rx| {
                        rx.captures_at(&hay, at).map(|c| {
                            (
                                c.get(0).map(|m| m.range()),
                                [G::W, G::Rd].map(|g| c.name(g).map(|m| m.range())),
                            )
                        })
                    };
                    assert_eq!(
                        read(&tree),
                        read(&one_by_one),
                        "{shape} {words:?} at {at} of {hay:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_prefix_tree_shares_the_words_first_letters() {
        assert_eq!(
            alternation(&["january", "june", "july", "jan"]),
            "(?:j(?:an(?:uary|)|u(?:ne|ly)))"
        );
        // A word that is a prefix of the next ones keeps them after it.
        assert_eq!(
            alternation(&["mon", "monday", "tue"]),
            "(?:mon(?:|day)|tue)"
        );
        assert_eq!(alternation(&["ab", "a", "ac"]), "(?:a(?:b||c))");
        // Letters one under case folding are not taken together.
        assert_eq!(alternation(&["σa", "ςb"]), "(?:\\x{3c3}a|\\x{3c2}b)");
    }

    #[test]
    fn searches_without_the_lazy_dfa_find_what_it_finds() {
        let pattern = r"(?i)(?:(?P<wd>mon|tue)(?-u:\b),?[ ]+)?(?P<d>[0-9]{1,2})[ ]*(?P<mon>jan|feb)(?-u:\b)\.?";
        let Some(rx) = Rx::new(pattern) else {
            panic!("the pattern compiles");
        };
        let hay = "x3 Jan, Mon 13 FEB. and Tue, 4 jan 5feb 12 janx";
        let mut cache = rx.caches.get();
        for at in 0..=hay.len() {
            for anchored in [Anchored::No, Anchored::Yes] {
                let input = Input::new(hay).range(at..).anchored(anchored);
                let by_dfa = rx.search(&input);
                assert_eq!(rx.search_without_dfa(&mut cache, &input), by_dfa, "at {at}");
                if let Some(span) = by_dfa {
                    // Past the backtracker's reach, the PikeVM reads the same groups.
                    let mut slots = rx.backtrack.create_captures();
                    let mut pike = rx.backtrack.create_captures();
                    let on = Input::new(hay).range(span).anchored(Anchored::Yes);
                    assert!(
                        rx.backtrack
                            .try_captures(&mut cache.backtrack, on.clone(), &mut slots)
                            .is_ok()
                    );
                    rx.pikevm.captures(&mut cache.pikevm, on, &mut pike);
                    assert_eq!(slots.slots(), pike.slots(), "at {at}");
                }
            }
        }
    }
}
