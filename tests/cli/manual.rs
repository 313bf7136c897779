//! `dateline completions SHELL` and `dateline man`: made from the command line's own definition.

use crate::util::{dateline, stderr, stdout};

/// The subcommands a user types, as `dateline --help` lists them (clap's `help` aside).
fn subcommands() -> Vec<String> {
    let output = dateline().arg("--help").output().expect("dateline runs");
    let help = stdout(&output);
    let commands = help
        .split("Commands:\n")
        .nth(1)
        .and_then(|rest| rest.split("\n\n").next())
        .expect("--help lists the commands");
    let names: Vec<String> = commands
        .lines()
        .filter(|line| line.starts_with("  ") && !line.starts_with("   "))
        .filter_map(|line| line.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(str::to_owned)
        .collect();
    assert!(names.len() >= 9, "{names:?}");
    names
}

#[test]
fn bash_completions_know_the_subcommands_and_their_flags() {
    let output = dateline()
        .args(["completions", "bash"])
        .output()
        .expect("dateline runs");
    assert!(output.status.success(), "{}", stderr(&output));
    let script = stdout(&output);
    assert!(script.contains("complete -F _dateline"), "{script}");
    for name in subcommands() {
        assert!(script.contains(&format!("dateline,{name})")), "{name}");
    }
    for flag in ["--display-zone", "--csv-reports", "--max-page-mib"] {
        assert!(script.contains(flag), "{flag}");
    }
}

#[test]
fn every_shell_gets_a_script() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let output = dateline()
            .args(["completions", shell])
            .output()
            .expect("dateline runs");
        assert!(output.status.success(), "{shell}: {}", stderr(&output));
        assert!(stdout(&output).contains("timeline"), "{shell}");
    }
}

#[test]
fn an_unknown_shell_is_refused_with_the_known_ones() {
    let output = dateline()
        .args(["completions", "tcsh"])
        .output()
        .expect("dateline runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(stdout(&output).is_empty());
    let err = stderr(&output);
    assert!(err.contains("invalid value 'tcsh'"), "{err}");
    assert!(
        err.contains("[possible values: bash, elvish, fish, powershell, zsh]"),
        "{err}"
    );
}

#[test]
fn the_man_page_names_every_subcommand_and_each_has_its_page() {
    let output = dateline().arg("man").output().expect("dateline runs");
    assert!(output.status.success(), "{}", stderr(&output));
    let page = stdout(&output);
    assert!(page.starts_with(".ie \\n(.g .ds Aq"), "{page}");
    assert!(page.contains(".TH dateline 1"), "{page}");
    for name in subcommands() {
        // roff escapes the hyphen.
        assert!(
            page.contains(&format!("dateline\\-{name}(1)")),
            "{name}: {page}"
        );
        let output = dateline()
            .args(["man", &name])
            .output()
            .expect("dateline runs");
        assert!(output.status.success(), "{name}: {}", stderr(&output));
        let sub = stdout(&output);
        assert!(
            sub.contains(&format!(".TH dateline-{name} 1")),
            "{name}: {sub}"
        );
        assert!(
            sub.contains(&format!("\\fBdateline {name}\\fR")),
            "{name}: {sub}"
        );
    }
}

#[test]
fn the_timeline_page_documents_its_flags() {
    let output = dateline()
        .args(["man", "timeline"])
        .output()
        .expect("dateline runs");
    let page = stdout(&output);
    assert!(page.contains("\\fB\\-\\-display\\-zone\\fR"), "{page}");
    assert!(page.contains(".SH OPTIONS"), "{page}");
}

#[test]
fn an_unknown_man_page_names_the_known_ones() {
    let output = dateline()
        .args(["man", "merge"])
        .output()
        .expect("dateline runs");
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(err.contains("no manual page for `merge`"), "{err}");
    assert!(err.contains("parse, timeline, explain"), "{err}");
}

#[test]
fn the_committed_pages_are_what_the_binary_writes() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let output = dateline()
        .args(["man", "--out-dir"])
        .arg(dir.path())
        .output()
        .expect("dateline runs");
    assert!(output.status.success(), "{}", stderr(&output));
    let committed = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/man");
    let mut names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("listed")
        .map(|e| e.expect("an entry").file_name())
        .collect();
    names.sort();
    assert_eq!(names.len(), subcommands().len() + 1, "{names:?}");
    for name in names {
        let written = std::fs::read(dir.path().join(&name)).expect("read");
        let kept = std::fs::read(committed.join(&name)).unwrap_or_default();
        assert!(
            written == kept,
            "docs/man/{} is stale: run `cargo xtask codegen`",
            name.to_string_lossy()
        );
    }
}

/// Every `env::var("NAME")` or `env::var_os("NAME")` in the workspace's Rust files, and each is
/// named in the README (`env!`, read when compiling, is not one).
#[test]
fn every_environment_variable_read_is_in_the_readme() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).expect("the README");
    let mut names = std::collections::BTreeSet::new();
    let mut dirs = vec![
        root.join("crates"),
        root.join("xtask"),
        root.join("tests"),
        root.join("examples"),
        root.join("fuzz"),
    ];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() && !path.ends_with("target") {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("a source file");
                let code = text.lines().filter(|l| !l.trim_start().starts_with("//"));
                for line in code {
                    for call in ["env::var(\"", "env::var_os(\""] {
                        for (at, _) in line.match_indices(call) {
                            let rest = &line[at + call.len()..];
                            let name = rest.split('"').next().unwrap_or_default();
                            names.insert(name.to_owned());
                        }
                    }
                }
            }
        }
    }
    for known in ["CI", "DATELINE_CHROMIUM", "PATH"] {
        assert!(names.contains(known), "{known} not found in {names:?}");
    }
    let missing: Vec<_> = names
        .iter()
        .filter(|name| !readme.contains(&format!("`{name}`")))
        .collect();
    assert!(missing.is_empty(), "not in the README: {missing:?}");
}
