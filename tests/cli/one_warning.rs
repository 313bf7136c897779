//! One cause gives one warning: a stamp that cannot be read is warned of once, by the reader that
//! met it, not again as a post without time by the page's count and by the merge.

use crate::util::{dateline, stderr};

const PAGE: &str = "The Daily Example\n\nStorm hits coast\n\n6 hours ago\n\n\
A storm hit the coast on Tuesday, officials said. Hundreds of homes lost power and roads were \
closed across the region.\n\nThe weather service said the storm would weaken overnight.\n";

#[test]
fn a_relative_stamp_without_a_capture_time_is_one_warning() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let page = dir.path().join("storm.txt");
    std::fs::write(&page, PAGE).expect("the page is written");
    let output = dateline()
        .args(["timeline", "--format", "json"])
        .arg(&page)
        .output()
        .expect("dateline runs");
    assert!(output.status.success(), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let warnings: Vec<&str> = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["severity"] == "warning")
        .filter_map(|d| d["code"].as_str())
        .collect();
    assert_eq!(warnings, ["unresolved-stamp"]);
    // The post is still accounted for: the merge notes that it leaves it out.
    let notes: Vec<&str> = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    assert!(notes.contains(&"post-without-time"), "{notes:?}");
    let err = stderr(&output);
    assert_eq!(err.matches("warning[").count(), 1, "{err}");
    assert!(err.contains("warning[unresolved-stamp]"), "{err}");
}
