//! The real-client tests' runner: libtest-mimic instead of libtest, so that a test whose client
//! is missing is reported as `ignored (REASON)` in `cargo test`'s own lines and counted among the
//! ignored in its summary.
//!
//! libtest's `#[ignore = "..."]` is fixed when the test is compiled, and whether Chromium or
//! Python's `icalendar` is installed is known only when the test runs; a notice printed by a test
//! that then passes is swallowed by libtest's output capture, and the test shows as `ok`. A build
//! script could set a `cfg` from what it finds, but it would run for every user of the library and
//! not again when a client is installed later. Under `CI` a missing client is a failure instead.

use libtest_mimic::{Arguments, Completion, Trial};

/// Why a test did not run: the client it opens its output in is missing (and `CI` is not set).
#[derive(Debug)]
pub struct Skipped(pub String);

/// A test: it ran (and passed, or panicked), or it says why it could not run.
pub type Outcome = Result<(), Skipped>;

/// A missing client: under `CI` a failure saying what to do, elsewhere the reason to skip.
pub fn missing(reason: String) -> Skipped {
    if std::env::var_os("CI").is_some() {
        #[allow(
            clippy::panic,
            reason = "tests: under CI a missing client fails its test"
        )]
        {
            panic!("{reason} (CI is set, so this test must run; .ci/run installs its client)");
        }
    }
    Skipped(reason)
}

/// A test function with its name.
pub type Test = (&'static str, fn() -> Outcome);

/// Runs the tests given by name, with libtest's command line (filters, `--list`, `--ignored`).
pub fn run(tests: Vec<Test>) -> std::process::ExitCode {
    let args = Arguments::from_args();
    let trials = tests
        .into_iter()
        .map(|(name, test)| {
            Trial::ignorable_test(name, move || match test() {
                Ok(()) => Ok(Completion::Completed),
                Err(Skipped(reason)) => Ok(Completion::ignored_with(reason)),
            })
        })
        .collect();
    libtest_mimic::run(&args, trials).exit_code()
}

/// `tests![a, b]`: each test function with its name.
#[macro_export]
macro_rules! tests {
    ($($test:ident),* $(,)?) => {
        vec![$((stringify!($test), $test as fn() -> $crate::skip::Outcome)),*]
    };
}
