//! The JSON Schema of the contract (`docs/schema/timeline.schema.json`) against real output: the
//! seeds' timeline, written by the `json` format, validates; a broken one does not; and the
//! committed schema is the one the model's types generate today.

#![allow(
    clippy::expect_used,
    clippy::panic,
    reason = "test helpers: a failure is a panic with a message"
)]

use std::path::{Path, PathBuf};

mod common;

use dateline_formats::{WriteOptions, by_name};
use dateline_model::Timeline;
use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn json_output(timeline: &Timeline) -> Value {
    let mut out = Vec::new();
    by_name("json")
        .expect("the json format")
        .write(timeline, &WriteOptions::default(), &mut out)
        .expect("writing to a Vec");
    serde_json::from_slice(&out).expect("the json format writes JSON")
}

fn committed_schema() -> String {
    std::fs::read_to_string(root().join("docs/schema/timeline.schema.json"))
        .expect("docs/schema/timeline.schema.json exists; run `cargo xtask codegen`")
}

fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(&committed_schema()).expect("the schema is JSON");
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("a valid JSON Schema")
}

fn errors(validator: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    validator
        .iter_errors(instance)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

#[test]
fn the_committed_schema_is_generated_from_the_types() {
    let fresh = serde_json::to_string_pretty(&dateline_model::json_schema())
        .expect("the schema serializes")
        + "\n";
    assert!(
        committed_schema() == fresh,
        "docs/schema/timeline.schema.json is stale; run `cargo xtask codegen`"
    );
}

#[test]
fn the_seeds_timeline_validates() {
    let timeline = common::seed_timeline(usize::MAX);
    assert!(timeline.events.len() > 50, "the seeds make many events");
    let output = json_output(&timeline);
    let problems = errors(&validator(), &output);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn a_timeline_of_pages_dated_only_by_their_day_validates() {
    let output = json_output(&common::dated_timeline());
    assert_eq!(output["events"][0]["date"], "2020-04-15");
    let problems = errors(&validator(), &output);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn an_empty_timeline_validates() {
    let output = json_output(&Timeline::default());
    let problems = errors(&validator(), &output);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn broken_output_does_not_validate() {
    let validator = validator();
    let good = json_output(&common::seed_timeline(usize::MAX));

    let mut newer = good.clone();
    newer["version"] = Value::from(2);
    assert!(!validator.is_valid(&newer), "another version is refused");

    let mut missing = good.clone();
    let Some(event) = missing["events"][0].as_object_mut() else {
        panic!("the seeds make events");
    };
    event.remove("utc");
    assert!(!validator.is_valid(&missing), "a missing field is refused");

    let mut bad_time = good.clone();
    bad_time["events"][0]["utc"] = Value::from("yesterday");
    assert!(!validator.is_valid(&bad_time), "a time must be RFC 3339");

    let mut bad_enum = good;
    bad_enum["diagnostics"][0]["severity"] = Value::from("catastrophe");
    assert!(!validator.is_valid(&bad_enum), "severity is an enum");
}
