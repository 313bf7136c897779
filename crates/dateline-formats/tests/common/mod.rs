//! What the format tests share: the seed timeline, read and merged as the CLI does.

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
