//! What the format tests share: the seed timeline, and a timeline of pages dated only by their day,
//! read and merged as the CLI does.

use std::path::{Path, PathBuf};

use dateline_model::Timeline;

/// The timeline of the first `n` seeds by name (all of them for `usize::MAX`), read with
/// `dateline-sources` and merged with `dateline-merge` as `dateline timeline seeds` does, under
/// relative paths (`seeds/NAME`) so outputs hold no machine paths.
pub fn seed_timeline(n: usize) -> Timeline {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("the seeds directory")
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths.truncate(n);
    let mut documents = Vec::new();
    let mut diagnostics = Vec::new();
    for path in &paths {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .expect("a UTF-8 name");
        let bytes = std::fs::read(path).expect("a readable seed");
        let (doc, said) =
            dateline_sources::read(&format!("seeds/{name}"), &bytes, &Default::default());
        documents.push(doc);
        diagnostics.extend(said);
    }
    let merged = dateline_merge::merge(&documents, &dateline_merge::Options::default());
    let mut timeline = Timeline::default();
    timeline.documents = documents;
    timeline.events = merged.events;
    timeline.diagnostics = diagnostics;
    timeline.diagnostics.extend(merged.diagnostics);
    timeline
}

/// Three articles as a browser copies their text: two whose pages print only a date, 15 April
/// 2020, one read in Berlin (DW's zone, east of UTC: the day starts at 22:00 UTC on the 14th) and
/// one in Chicago (the Chicago Tribune's, west of UTC: 05:00 UTC on the 15th), and one stamped
/// 23:30 GMT on the 14th, which in Berlin is already the 15th.
pub const DATED_PAGES: [(&str, &str); 3] = [
    (
        "pages/berlin.txt",
        "DW\ndw.com\nHarbour authority picks three firms for Kelport ferry terminal\n15.04.2020\n\n\
         The Kelport harbour authority chose Nordkai Bau, Vessel Works and Tidewater Group to \
         build the city's new ferry terminal.\n\nThe terminal is due to open in 2024.\n",
    ),
    (
        "pages/chicago.txt",
        "Chicago Tribune\nchicagotribune.com\nCity council approves new lakefront park budget\n\
         April 15, 2020\n\nThe Chicago city council approved a budget for the new lakefront park \
         on a vote of 40 to 8.\n\nConstruction starts next spring.\n",
    ),
    (
        "pages/sky.txt",
        "Sky News\nnews.sky.com\nStorm closes the port of Ostmark\nTuesday 14 April 2020 23:30 GMT\n\n\
         Gales of 120 km/h shut the harbour overnight, the port authority said.\n\n\
         Ferries will resume on Thursday.\n",
    ),
];

/// The timeline of [`DATED_PAGES`]: three events, two dated only by 15 April 2020.
#[allow(
    dead_code,
    reason = "the write benchmark shares this module and times the seeds' timeline only"
)]
pub fn dated_timeline() -> Timeline {
    let mut documents = Vec::new();
    let mut diagnostics = Vec::new();
    for (path, text) in DATED_PAGES {
        let (doc, said) = dateline_sources::read(path, text.as_bytes(), &Default::default());
        documents.push(doc);
        diagnostics.extend(said);
    }
    let merged = dateline_merge::merge(&documents, &dateline_merge::Options::default());
    let mut timeline = Timeline::default();
    timeline.documents = documents;
    timeline.events = merged.events;
    timeline.diagnostics = diagnostics;
    timeline.diagnostics.extend(merged.diagnostics);
    assert_eq!(timeline.events.len(), 3, "{:#?}", timeline.events);
    let april_15 = chrono::NaiveDate::from_ymd_opt(2020, 4, 15);
    let dated = timeline
        .events
        .iter()
        .filter(|e| e.date == april_15)
        .count();
    assert_eq!(dated, 2, "{:#?}", timeline.events);
    timeline
}
