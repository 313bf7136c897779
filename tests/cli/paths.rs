//! The path a page is known by: relative to the working directory when the page lies under it,
//! as given otherwise; its document's id is the same whatever form the path takes.

use std::path::Path;

use serde_json::Value;

use crate::util::{dateline, seed, stderr};

/// `parse --format json ARGS`, run in `dir`: each document's path and id.
fn read_in(dir: &Path, args: &[&str]) -> Vec<(String, String)> {
    let output = dateline()
        .current_dir(dir)
        .env_remove("PWD")
        .args(["parse", "--format", "json"])
        .args(args)
        .output()
        .expect("dateline runs");
    assert!(output.status.success(), "{}", stderr(&output));
    let value: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    value["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .map(|d| {
            let field = |k: &str| d[k].as_str().expect("a string").to_owned();
            (field("path"), field("id"))
        })
        .collect()
}

#[test]
fn paths_under_the_working_directory_are_shown_relative_to_it() {
    let tmp = tempfile::tempdir().expect("a temporary directory");
    // The real path, so that the working directory the child sees is a prefix of it.
    let root = std::fs::canonicalize(tmp.path()).expect("the directory exists");
    let news = root.join("news");
    let other = root.join("other");
    std::fs::create_dir_all(&news).expect("news/");
    std::fs::create_dir_all(&other).expect("other/");
    let text = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(seed("000")))
        .expect("the seed is there");
    std::fs::write(news.join("a.txt"), &text).expect("the page is written");
    let absolute = news.join("a.txt").to_string_lossy().into_owned();

    let given_absolute = read_in(&root, &[&absolute]);
    assert_eq!(given_absolute[0].0, "news/a.txt");
    // A directory given by its absolute path: its pages too.
    let in_directory = read_in(&root, &[&news.to_string_lossy()]);
    assert_eq!(in_directory[0].0, "news/a.txt");
    // Given relative: as given, `..` included.
    let relative = read_in(&root, &["news/a.txt"]);
    assert_eq!(relative[0].0, "news/a.txt");
    let up = read_in(&other, &["../news/a.txt"]);
    assert_eq!(up[0].0, "../news/a.txt");
    // Outside the working directory, an absolute path stays absolute.
    let outside = read_in(&other, &[&absolute]);
    assert_eq!(outside[0].0, absolute);

    let id = &given_absolute[0].1;
    for read in [&in_directory, &relative, &up, &outside] {
        assert_eq!(&read[0].1, id, "the id does not depend on the path");
    }
}
