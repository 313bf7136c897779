//! Same bytes every time: across reruns, the order of the paths, the order files were written in
//! a folder, and the number of threads.

use std::fs;
use std::path::PathBuf;

use crate::util::{dateline, stderr};

/// The seeds and the HTML and text page fixtures, by path from the workspace root.
fn pages() -> Vec<String> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in ["seeds", "crates/dateline-sources/tests/fixtures/pages"] {
        for entry in fs::read_dir(root.join(dir)).expect("the folder exists") {
            let name = entry
                .expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned();
            if name.ends_with(".txt") || name.ends_with(".html") {
                out.push(format!("{dir}/{name}"));
            }
        }
    }
    out.sort();
    out
}

fn run(args: &[String], threads: Option<&str>) -> Vec<u8> {
    let mut cmd = dateline();
    cmd.args(args).arg("--quiet");
    if let Some(n) = threads {
        cmd.env("RAYON_NUM_THREADS", n);
    }
    let output = cmd.output().expect("dateline runs");
    assert!(output.status.success(), "{}", stderr(&output));
    output.stdout
}

#[test]
fn reruns_path_orders_and_thread_counts_give_the_same_bytes() {
    let pages = pages();
    assert!(pages.len() >= 15, "{pages:?}");
    for format in ["json", "markdown", "ics", "csv"] {
        let args = |pages: &[String]| -> Vec<String> {
            let mut a = vec!["timeline".to_owned()];
            a.extend(pages.iter().cloned());
            a.extend(["--format".to_owned(), format.to_owned()]);
            a
        };
        let first = run(&args(&pages), None);
        assert!(!first.is_empty());
        let mut reversed = pages.clone();
        reversed.reverse();
        assert_eq!(
            run(&args(&reversed), None),
            first,
            "{format}: reversed paths"
        );
        if format != "json" {
            continue;
        }
        // The contract format carries everything the others print: it gets every variation.
        assert_eq!(run(&args(&pages), None), first, "{format}: a rerun");
        let mut rotated = pages.clone();
        rotated.rotate_left(7);
        assert_eq!(run(&args(&rotated), None), first, "{format}: rotated paths");
        for threads in ["1", "2", "7"] {
            assert_eq!(
                run(&args(&pages), Some(threads)),
                first,
                "{format}: {threads} threads"
            );
        }
    }
}

#[test]
fn the_order_files_were_written_in_a_folder_changes_nothing() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().expect("a temporary directory");
    let folder = dir.path().join("pages");
    let sources = pages();
    let write = |order: &[String]| {
        let _ = fs::remove_dir_all(&folder);
        fs::create_dir(&folder).expect("created");
        for page in order {
            let name = page.replace('/', "_");
            fs::copy(root.join(page), folder.join(name)).expect("copied");
        }
    };
    let args = vec![
        "timeline".to_owned(),
        folder.display().to_string(),
        "--format".to_owned(),
        "json".to_owned(),
    ];
    write(&sources);
    let first = run(&args, None);
    let mut reversed = sources.clone();
    reversed.reverse();
    write(&reversed);
    assert_eq!(run(&args, None), first);
}
