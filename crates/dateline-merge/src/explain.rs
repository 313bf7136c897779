//! Why two reports were merged, or were not: structured, for `--explain` to render.

use dateline_model::Evidence;

/// What was decided about a compared pair of posts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Verdict {
    /// Scored at or above the threshold and joined the two reports' events.
    Merged,
    /// Scored just below the threshold: listed as "possibly the same".
    NearMiss,
    /// Scored above the threshold, but both events already have a report of this outlet and the
    /// score is not strong enough to put two of its reports together: linked as a follow-up.
    SameOutlet,
    /// Scored above the threshold, but the merged event would span more than the longest gap
    /// allowed, and the evidence is not overwhelming.
    TooFarApart,
}

impl Verdict {
    /// A stable kebab-case name: `merged`, `near-miss`, `same-outlet`, `too-far-apart`.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Merged => "merged",
            Verdict::NearMiss => "near-miss",
            Verdict::SameOutlet => "same-outlet",
            Verdict::TooFarApart => "too-far-apart",
        }
    }
}

/// One decision about a pair of posts, with everything needed to explain it.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Explanation {
    /// The events the two posts ended up in (the same event twice when merged), in the order of
    /// [`Evidence::posts`].
    pub events: [String; 2],
    /// What was decided.
    pub verdict: Verdict,
    /// The comparison: the posts, the shared quotes and names, every signal's value and
    /// contribution, the total and the time gap.
    pub evidence: Evidence,
    /// The score needed to merge.
    pub threshold: f64,
    /// A short reason for people, such as `quote of 8 words shared; 8 minutes apart`.
    pub reason: String,
}

// The threshold is a finite number, never NaN, so equality is total.
impl Eq for Explanation {}
