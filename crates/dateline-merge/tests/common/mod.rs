//! What the merge tests share: the seeds, read as the CLI does.

use std::path::Path;

use dateline_model::{Diagnostic, Document};

/// Reads a seed as the CLI does, under a relative path so snapshots hold no machine paths.
#[allow(dead_code, reason = "not every test file reads single seeds")]
pub fn read(path: &Path) -> (Document, Vec<Diagnostic>) {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .expect("a UTF-8 file name");
    let bytes = std::fs::read(path).expect("a readable seed");
    dateline_sources::read(&format!("seeds/{name}"), &bytes, &Default::default())
}

/// Every seed, in file-name order.
pub fn seeds() -> Vec<Document> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("the seeds directory")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths.iter().map(|path| read(path).0).collect()
}
