//! Plugins end to end (`docs/plugins.md`): the example plugins in `examples/plugins/` are built
//! with cargo and put first on the PATH given to `dateline`; small shell-script plugins written to
//! a temporary directory play the failing ones.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use assert_cmd::Command;

#[cfg(unix)]
use crate::util::script;
use crate::util::{dateline, path_with, seed, stderr, stdout};

/// The directory holding the built example plugins (`dateline-format-count`, `dateline-hello`).
///
/// `cargo test --test cli` does not build examples, so they are built here, once, into the same
/// target directory and profile as this test.
fn examples_dir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let exe = std::env::current_exe().expect("the test knows its path");
        // <target>/<profile>/deps/cli-HASH
        let profile_dir = exe
            .parent()
            .and_then(Path::parent)
            .expect("the test runs from <target>/<profile>/deps");
        let target_dir = profile_dir.parent().expect("a target directory");
        let profile = match profile_dir.file_name().and_then(|n| n.to_str()) {
            Some("debug") | None => "dev",
            Some(other) => other,
        };
        let cargo = option_env!("CARGO").unwrap_or("cargo");
        let status = std::process::Command::new(cargo)
            .args(["build", "--quiet", "--profile", profile])
            .args(["--example", "dateline-format-count"])
            .args(["--example", "dateline-hello"])
            .arg("--manifest-path")
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml"))
            .env("CARGO_TARGET_DIR", target_dir)
            .status()
            .expect("cargo runs");
        assert!(status.success(), "building the example plugins failed");
        profile_dir.join("examples")
    })
}

/// `dateline` with the example plugins first on PATH.
fn with_examples() -> Command {
    let mut cmd = dateline();
    cmd.env("PATH", path_with(&[examples_dir()]));
    cmd
}

#[test]
fn plugins_lists_the_example_plugins_by_kind() {
    let output = with_examples()
        .arg("plugins")
        .output()
        .expect("dateline runs");
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    let lines: Vec<Vec<&str>> = text
        .lines()
        .map(|l| l.split_whitespace().take(2).collect())
        .collect();
    assert!(lines.contains(&vec!["format", "count"]), "{text}");
    assert!(lines.contains(&vec!["subcommand", "hello"]), "{text}");
}

#[test]
fn a_format_plugin_renders_the_timeline() {
    let output = with_examples()
        .args(["timeline", "seeds", "--format", "count", "--quiet"])
        .output()
        .expect("dateline runs");
    assert!(output.status.success(), "{}", stderr(&output));
    let events =
        crate::util::json_of(&["timeline", "seeds", "--format", "json", "--quiet"])["events"]
            .as_array()
            .expect("events")
            .len();
    assert_eq!(stdout(&output), format!("{events} events, 5 documents\n"));

    // -o FILE gets the plugin's output too.
    let dir = tempfile::tempdir().expect("a temporary directory");
    let file = dir.path().join("count.txt");
    let output = with_examples()
        .args(["parse", &seed("001"), "--format", "count", "--quiet", "-o"])
        .arg(&file)
        .output()
        .expect("dateline runs");
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        std::fs::read_to_string(&file).expect("the output file"),
        "0 events, 1 documents\n"
    );
}

#[cfg(unix)]
#[test]
fn a_failing_format_plugin_is_an_error_naming_it_and_its_code() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    script(
        dir.path(),
        "dateline-format-broken",
        "[ \"$1\" = supports ] && exit 0\ncat >/dev/null\necho 'broken: out of ink' >&2\nexit 3",
    );
    script(dir.path(), "dateline-format-picky", "exit 1");
    let run = |format: &str| {
        dateline()
            .env("PATH", path_with(&[dir.path()]))
            .args(["timeline", "seeds", "--quiet", "--format", format])
            .output()
            .expect("dateline runs")
    };

    let output = run("broken");
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(
        err.contains("broken: out of ink"),
        "stderr passes through: {err}"
    );
    assert!(
        err.contains("`dateline-format-broken` exited with code 3"),
        "{err}"
    );

    let output = run("picky");
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(err.contains("`dateline-format-picky` refused"), "{err}");

    let output = run("absent");
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("unknown format `absent`"));
}

#[test]
fn an_external_subcommand_gets_its_name_args_and_dateline_and_its_code_passes_through() {
    let output = with_examples()
        .args(["hello", "x"])
        .output()
        .expect("dateline runs");
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.starts_with("hello from dateline-hello: args [\"hello\", \"x\"], DATELINE="),
        "{text}"
    );
    let exe = format!("dateline{}", std::env::consts::EXE_SUFFIX);
    assert!(text.trim_end().ends_with(&exe), "DATELINE is set: {text}");

    let output = with_examples()
        .args(["hello", "7"])
        .output()
        .expect("dateline runs");
    assert_eq!(output.status.code(), Some(7));
    assert_eq!(
        stderr(&output),
        "",
        "a plugin's own exit code is not an error"
    );
}

#[cfg(unix)]
#[test]
fn a_subcommand_killed_by_a_signal_exits_2_with_a_message() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    script(dir.path(), "dateline-crash", "kill -9 $$");
    let output = dateline()
        .env("PATH", path_with(&[dir.path()]))
        .arg("crash")
        .output()
        .expect("dateline runs");
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(
        err.contains("`dateline-crash` was killed by signal 9"),
        "{err}"
    );
}

#[test]
fn an_unknown_command_suggests_close_names() {
    let output = with_examples()
        .arg("timelin")
        .output()
        .expect("dateline runs");
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(err.contains("no such command `timelin`"), "{err}");
    assert!(err.contains("did you mean `timeline`?"), "{err}");

    let output = with_examples().arg("helo").output().expect("dateline runs");
    assert!(
        stderr(&output).contains("did you mean `hello`?"),
        "plugins are suggested too: {}",
        stderr(&output)
    );
}

#[cfg(unix)]
#[test]
fn a_source_plugin_answers_the_document() {
    let page = seed("001");
    let json = crate::util::json_of(&["parse", &page, "--format", "json", "--quiet"]);
    let document = &json["documents"][0];
    let answer = serde_json::json!({
        "document": document,
        "diagnostics": [],
        "a_field_from_the_future": true,
    });
    let dir = tempfile::tempdir().expect("a temporary directory");
    // The plugin checks it got the request, then answers the document dateline itself read.
    script(
        dir.path(),
        "dateline-source-replay",
        &format!(
            "[ \"$1\" = supports ] && exit 0\ngrep -q '\"v\":1' || exit 4\ncat <<'JSON'\n{answer}\nJSON"
        ),
    );
    let output = dateline()
        .env("PATH", path_with(&[dir.path()]))
        .args([
            "parse", &page, "--layout", "replay", "--format", "json", "--quiet",
        ])
        .output()
        .expect("dateline runs");
    assert!(output.status.success(), "{}", stderr(&output));
    let read: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(&read["documents"][0], document);
}

/// A guard for the tests of plugins that would run for long without their limits: the slowest
/// fake plugin below ends by itself within 30 s, and dateline is killed after this.
#[cfg(unix)]
const GUARD: std::time::Duration = std::time::Duration::from_secs(20);

#[cfg(unix)]
#[test]
fn a_plugin_that_never_answers_is_stopped_at_the_time_limit() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    // `exec`, so the sleep is the plugin's own process, the one dateline kills; 30 s, so that
    // without the limit the test still ends (and fails) within the guard and a few seconds.
    script(dir.path(), "dateline-format-mute", "exec sleep 30");
    script(
        dir.path(),
        "dateline-format-stuck",
        "[ \"$1\" = supports ] && exit 0\nexec sleep 30",
    );
    script(
        dir.path(),
        "dateline-source-stuck",
        "[ \"$1\" = supports ] && exit 0\nexec sleep 30",
    );
    let page = seed("001");
    for (args, what) in [
        (
            ["--format", "mute"],
            "did not answer its probe `dateline-format-mute supports` within 1 s",
        ),
        (
            ["--format", "stuck"],
            "`dateline-format-stuck` did not finish within 1 s",
        ),
        (
            ["--layout", "stuck"],
            "`dateline-source-stuck` did not finish within 1 s",
        ),
    ] {
        let output = dateline()
            .env("PATH", path_with(&[dir.path()]))
            .args(["parse", &page, "--quiet", "--plugin-timeout", "1"])
            .args(args)
            .timeout(GUARD)
            .output()
            .expect("dateline runs");
        let err = stderr(&output);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(what), "{args:?}: {err}");
        assert!(err.contains("--plugin-timeout SECONDS"), "{err}");
    }
}

#[cfg(unix)]
#[test]
fn a_plugin_that_writes_past_the_cap_is_stopped_with_an_error() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    // 64 MiB, as good as endless against a cap of 1 MiB, and yet a bounded run without the cap.
    let flood = "[ \"$1\" = supports ] && exit 0\nexec head -c 67108864 /dev/zero";
    script(dir.path(), "dateline-format-flood", flood);
    script(dir.path(), "dateline-source-flood", flood);
    let out = dir.path().join("out");
    let page = seed("001");
    for (option, program) in [
        ("--format", "dateline-format-flood"),
        ("--layout", "dateline-source-flood"),
    ] {
        let output = dateline()
            .env("PATH", path_with(&[dir.path()]))
            .args(["parse", &page, "--quiet", "--plugin-max-output-mib", "1"])
            .args([option, "flood", "-o"])
            .arg(&out)
            .timeout(GUARD)
            .output()
            .expect("dateline runs");
        let err = stderr(&output);
        assert_eq!(output.status.code(), Some(2), "{option}: {err}");
        assert!(
            err.contains(&format!("`{program}` wrote more than 1 MiB")),
            "{option}: {err}"
        );
        assert!(err.contains("--plugin-max-output-mib"), "{err}");
    }
}

#[cfg(unix)]
#[test]
fn a_name_with_a_slash_or_dots_runs_nothing_even_past_a_directory_named_dateline_dots() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let marker = dir.path().join("ran");
    // `PATH/dateline-../evil` is `evil` in a directory named `dateline-..`: not a plugin.
    for folder in ["dateline-..", "dateline-format-..", "dateline-source-.."] {
        let inside = dir.path().join(folder);
        std::fs::create_dir(&inside).expect("the directory is made");
        script(&inside, "evil", &format!("touch '{}'", marker.display()));
    }
    let page = seed("001");
    let runs: [(&[&str], &str); 5] = [
        (&["../evil"], "command `../evil`"),
        (&["parse", &page, "--format", "../evil"], "format `../evil`"),
        (&["parse", &page, "--layout", "../evil"], "layout `../evil`"),
        (&["parse", &page, "--format", "a/b"], "format `a/b`"),
        (&["parse", &page, "--layout", "a.b"], "layout `a.b`"),
    ];
    for (args, what) in runs {
        let output = dateline()
            .env("PATH", path_with(&[dir.path()]))
            .args(args)
            .timeout(GUARD)
            .output()
            .expect("dateline runs");
        let err = stderr(&output);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.contains(&format!(
                "{what} is not built in, and cannot be a plugin's name: a plugin's name is ASCII letters, digits and `-` only"
            )),
            "{args:?}: {err}"
        );
        assert!(!marker.exists(), "{args:?} ran a program that is no plugin");
    }
}

#[cfg(unix)]
#[test]
fn a_plugin_name_that_leads_to_a_directory_or_another_program_is_not_run() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let marker = dir.path().join("ran");
    std::fs::create_dir(dir.path().join("dateline-format-folder")).expect("a directory");
    script(
        dir.path(),
        "other",
        &format!("touch '{}'", marker.display()),
    );
    std::os::unix::fs::symlink("other", dir.path().join("dateline-format-alias"))
        .expect("the link is made");
    // A link to a file of the plugin's own name is a plugin.
    let real = dir.path().join("real");
    std::fs::create_dir(&real).expect("a directory");
    script(
        &real,
        "dateline-format-linked",
        "[ \"$1\" = supports ] && exit 0\necho linked",
    );
    let linked = dir.path().join("dateline-format-linked");
    std::os::unix::fs::symlink(real.join("dateline-format-linked"), &linked)
        .expect("the link is made");
    let page = seed("001");
    let run = |format: &str| {
        dateline()
            .env("PATH", path_with(&[dir.path()]))
            .args(["parse", &page, "--quiet", "--format", format])
            .timeout(GUARD)
            .output()
            .expect("dateline runs")
    };

    let output = run("folder");
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("unknown format `folder`"),
        "{}",
        stderr(&output)
    );

    let output = run("alias");
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(err.contains("plugin `dateline-format-alias` at "), "{err}");
    assert!(
        err.contains("a file not named dateline-format-alias, so it was not run"),
        "{err}"
    );
    assert!(!marker.exists(), "the link's target ran");

    let output = run("linked");
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stdout(&output), "linked\n");

    let output = dateline()
        .env("PATH", path_with(&[dir.path()]))
        .arg("plugins")
        .output()
        .expect("dateline runs");
    let names: Vec<String> = stdout(&output)
        .lines()
        .filter_map(|l| l.split_whitespace().nth(1).map(str::to_owned))
        .collect();
    assert!(names.contains(&"linked".to_owned()), "{names:?}");
    for refused in ["folder", "alias", ".."] {
        assert!(!names.contains(&refused.to_owned()), "{names:?}");
    }
}
