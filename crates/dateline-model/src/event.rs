//! Events: one real-world occurrence and the posts that report it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// One real-world occurrence, with the posts that report it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Event {
    /// Stable id, from the ids of its posts ([`crate::event_id`]).
    pub id: String,
    /// The earliest report's time.
    pub utc: DateTime<Utc>,
    /// The best report's headline, or its first sentence.
    pub headline: String,
    /// The ids of the posts that report it, earliest first.
    pub posts: Vec<String>,
    /// The outlets that report it, in order of their first report.
    pub outlets: Vec<String>,
}

impl Event {
    /// An event from its parts; the id is derived from the post ids.
    pub fn new(
        utc: DateTime<Utc>,
        headline: String,
        posts: Vec<String>,
        outlets: Vec<String>,
    ) -> Self {
        let id = crate::event_id(posts.iter().map(String::as_str));
        Event {
            id,
            utc,
            headline,
            posts,
            outlets,
        }
    }
}
