//! Arbitrary bytes as the JSON of the plugin protocol (`docs/plugins.md`).
//!
//! - As a source plugin's answer, read into `dateline_model::SourceReply` exactly as the CLI reads
//!   it; a document that reads goes on through the pipeline as the CLI sends it: merged, then
//!   written in every built-in format. A plugin's document can be anything, so none of that may
//!   panic, and the `json` output must read back as a timeline (what a format plugin is given).
//! - As the timeline of a format plugin's request, read into `dateline_model::Timeline`.

#![no_main]

use dateline_model::{SourceReply, Timeline};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(reply) = serde_json::from_slice::<SourceReply>(data) {
        let (document, diagnostics) = reply.into_parts();
        let mut timeline = Timeline::default();
        timeline.documents.push(document);
        timeline.diagnostics.extend(diagnostics);
        let merged =
            dateline_merge::merge(&timeline.documents, &dateline_merge::Options::default());
        timeline.events = merged.events;
        timeline.diagnostics.extend(merged.diagnostics);
        let options = dateline_formats::WriteOptions::default();
        for format in dateline_formats::formats() {
            let mut out = Vec::new();
            let written = format.write(&timeline, &options, &mut out);
            if format.name() == "json" && written.is_ok() {
                if let Err(e) = serde_json::from_slice::<Timeline>(&out) {
                    panic!("the json output does not read back as a timeline: {e}");
                }
            }
        }
    }
    let _ = serde_json::from_slice::<Timeline>(data);
});
