//! Clues and how a question is decided from them.
//!
//! A clue is one piece of evidence on a page for one answer to one question: a value (a zone, a
//! country, a time), where it stands (a line of the visible text, or an element of the HTML), what
//! kind of evidence it is, and a weight. A question is decided by [`vote`]: every clue gives its
//! weight to each answer it agrees with, the answer with the most weight wins, and the decision
//! keeps the clue that won, the clues that agreed and the best clue of every answer that lost.
//!
//! Weights are in [`weight`]: one scale for every question, so that "machine data beats a visible
//! line beats a guess from the language" reads the same everywhere.

use dateline_model::{Clue as ClueRecord, Decision, Question};

/// The weights of the kinds of evidence, on one scale. A clue's weight says how much a reader
/// would trust it alone; agreeing clues add up.
pub(crate) mod weight {
    /// What the user said (`--zone`, `--country`, `--captured-at`): never outvoted.
    pub(crate) const GIVEN: u32 = 10_000;
    /// The page's own statement of its zone ("All times are UTC"): what the page says of itself
    /// outweighs whatever is inferred about it.
    pub(crate) const STATEMENT: u32 = 200;
    /// A JSON-LD field of the page's main item, an offset its machine times state.
    pub(crate) const STATED: u32 = 100;
    /// Microdata of the main item, a `<meta>` named for the question.
    pub(crate) const MACHINE: u32 = 80;
    /// A labelled line of the visible text ("Published 3 March 2020").
    pub(crate) const LABELLED: u32 = 70;
    /// The outlet's row in the table of outlets.
    pub(crate) const TABLE: u32 = 60;
    /// A dateline beside the headline or the byline; a `<time>` element there.
    pub(crate) const DATELINE: u32 = 50;
    /// The page's address (its domain, a date in its path).
    pub(crate) const ADDRESS: u32 = 40;
    /// Zones printed by the page's own stamps.
    pub(crate) const PRINTED: u32 = 30;
    /// Other machine data: a generic `<meta>` date, a `<time>` element elsewhere.
    pub(crate) const WEAK_MACHINE: u32 = 20;
    /// A name or domain printed on the page, a copyright line.
    pub(crate) const NAMED: u32 = 20;
    /// The language of the page's text.
    pub(crate) const LANGUAGE: u32 = 10;
    /// A dated line elsewhere on the page.
    pub(crate) const ELSEWHERE: u32 = 5;
    /// The domain of the page's address as the outlet's name, when nothing names the outlet.
    pub(crate) const DOMAIN: u32 = 1;
}

/// One clue for an answer of type `T`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Clue<T> {
    /// The answer it supports.
    pub value: T,
    /// The kind of evidence, in words (`JSON-LD datePublished`, `the page's address`).
    pub kind: String,
    /// The line of the visible text it stands on.
    pub line: Option<u32>,
    /// The evidence as the page gives it, shortened for the record.
    pub text: String,
    /// How much it weighs.
    pub weight: u32,
}

impl<T> Clue<T> {
    /// A clue with no line.
    pub(crate) fn new(value: T, kind: impl Into<String>, text: &str, weight: u32) -> Self {
        Clue {
            value,
            kind: kind.into(),
            line: None,
            text: short(text),
            weight,
        }
    }

    /// The same clue, standing on `line`.
    pub(crate) fn at(mut self, line: u32) -> Self {
        self.line = Some(line);
        self
    }

    /// The clue as the document records it, its answer shown by `show`.
    pub(crate) fn record(&self, show: &impl Fn(&T) -> String) -> ClueRecord {
        let mut record = ClueRecord::new(
            show(&self.value),
            self.kind.clone(),
            &*self.text,
            self.weight,
        );
        record.line = self.line;
        record
    }
}

/// At most this many characters of a clue's text are kept.
const TEXT_CHARS: usize = 120;

fn short(text: &str) -> String {
    let text = text.trim();
    match text.char_indices().nth(TEXT_CHARS) {
        Some((end, _)) => format!("{}…", text.get(..end).unwrap_or(text)),
        None => text.to_owned(),
    }
}

/// How many losing answers a decision keeps.
const RUNNERS_UP: usize = 3;

/// The outcome of a vote: the index of the winning clue, the clues that agreed with it, and the
/// best clue of each losing answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Outcome {
    /// The clue whose answer won.
    pub winner: usize,
    /// The weight the winning answer gathered.
    pub score: u32,
    /// Other clues that agree with it.
    pub agreeing: Vec<usize>,
    /// The strongest clue of each other answer, strongest answer first.
    pub runners_up: Vec<usize>,
}

/// Decides among clues: each clue's answer gathers the weight of every clue that `agrees` with it;
/// the answer with the most weight wins, ties going to `better` (then to the heavier clue, then to
/// the earlier one). `None` when there are no clues.
pub(crate) fn vote<T>(
    clues: &[Clue<T>],
    agrees: impl Fn(&T, &T) -> bool,
    better: impl Fn(&T, &T) -> std::cmp::Ordering,
) -> Option<Outcome> {
    let scores: Vec<u32> = clues
        .iter()
        .map(|c| {
            clues
                .iter()
                .filter(|o| agrees(&c.value, &o.value))
                .map(|o| o.weight)
                .sum()
        })
        .collect();
    let winner = (0..clues.len()).max_by(|&a, &b| {
        let (ca, cb) = (&clues[a], &clues[b]);
        scores[a]
            .cmp(&scores[b])
            .then_with(|| better(&ca.value, &cb.value))
            .then_with(|| ca.weight.cmp(&cb.weight))
            .then_with(|| b.cmp(&a))
    })?;
    let won = &clues[winner].value;
    let agreeing: Vec<usize> = (0..clues.len())
        .filter(|&i| i != winner && agrees(won, &clues[i].value))
        .collect();
    // The losers, each answer once (by its strongest clue), strongest answer first.
    let mut losers: Vec<usize> = (0..clues.len())
        .filter(|&i| !agrees(won, &clues[i].value))
        .collect();
    losers.sort_by(|&a, &b| {
        scores[b]
            .cmp(&scores[a])
            .then_with(|| clues[b].weight.cmp(&clues[a].weight))
            .then_with(|| a.cmp(&b))
    });
    let mut runners_up: Vec<usize> = Vec::new();
    for i in losers {
        if runners_up.len() == RUNNERS_UP {
            break;
        }
        if !runners_up
            .iter()
            .any(|&r| agrees(&clues[r].value, &clues[i].value))
        {
            runners_up.push(i);
        }
    }
    Some(Outcome {
        winner,
        score: scores[winner],
        agreeing,
        runners_up,
    })
}

/// The record of a decision: its answer and clues, and a note when a strong clue lost.
pub(crate) fn record<T>(
    question: Question,
    clues: &[Clue<T>],
    outcome: Option<&Outcome>,
    value: Option<String>,
    show: impl Fn(&T) -> String,
) -> Decision {
    let mut decision = Decision::new(question, value);
    let Some(outcome) = outcome else {
        return decision;
    };
    decision.clue = clues.get(outcome.winner).map(|c| c.record(&show));
    decision.agreeing = outcome
        .agreeing
        .iter()
        .filter_map(|&i| clues.get(i))
        .map(|c| c.record(&show))
        .collect();
    decision.runners_up = outcome
        .runners_up
        .iter()
        .filter_map(|&i| clues.get(i))
        .map(|c| c.record(&show))
        .collect();
    let strong_loser = outcome
        .runners_up
        .first()
        .and_then(|&i| clues.get(i))
        .filter(|c| c.weight >= weight::DATELINE);
    if let Some(loser) = strong_loser {
        decision.note = Some(format!(
            "{} says {}, against the {} the decision took",
            loser.kind,
            show(&loser.value),
            clues
                .get(outcome.winner)
                .map_or_else(String::new, |c| show(&c.value))
        ));
    }
    decision
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clue(value: &'static str, weight: u32) -> Clue<&'static str> {
        Clue::new(value, "test", value, weight)
    }

    #[test]
    fn agreeing_clues_add_up_against_a_heavier_single_clue() {
        let clues = [clue("a", 50), clue("b", 30), clue("b", 30), clue("c", 5)];
        let outcome = vote(&clues, |x, y| x == y, |_, _| std::cmp::Ordering::Equal);
        let outcome = outcome.map(|o| (clues[o.winner].value, o.score, o.agreeing, o.runners_up));
        assert_eq!(outcome, Some(("b", 60, vec![2], vec![0, 3])));
    }

    #[test]
    fn ties_go_to_the_better_answer_then_the_heavier_clue_then_the_first() {
        let clues = [clue("x", 10), clue("yy", 10)];
        let longer = |a: &&str, b: &&str| a.len().cmp(&b.len());
        let o = vote(&clues, |x, y| x == y, longer);
        assert_eq!(o.map(|o| o.winner), Some(1));
        let o = vote(&clues, |x, y| x == y, |_, _| std::cmp::Ordering::Equal);
        assert_eq!(o.map(|o| o.winner), Some(0));
        let none: [Clue<&str>; 0] = [];
        assert!(vote(&none, |x, y| x == y, |_, _| std::cmp::Ordering::Equal).is_none());
    }

    #[test]
    fn a_strong_losing_clue_is_noted() {
        let clues = [clue("a", 100), clue("a", 10), clue("b", 70)];
        let outcome = vote(&clues, |x, y| x == y, |_, _| std::cmp::Ordering::Equal);
        let d = record(
            Question::Zone,
            &clues,
            outcome.as_ref(),
            Some("a".into()),
            |v| (*v).to_owned(),
        );
        assert_eq!(d.agreeing.len(), 1);
        assert_eq!(d.runners_up.len(), 1);
        assert_eq!(
            d.note.as_deref(),
            Some("test says b, against the a the decision took")
        );
    }
}
