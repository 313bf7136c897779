//! An example format plugin (`docs/plugins.md`): `dateline timeline PAGES --format count` prints
//! one line, the number of events and documents in the timeline.
//!
//! Put the built `dateline-format-count` on PATH. dateline first runs `dateline-format-count
//! supports` (exit 0: yes), then runs it with no arguments and one JSON request on standard input:
//! `{"v":1,"dateline_version":"...","options":{...},"timeline":{...}}`. What it writes on standard
//! output is the output; its standard error passes through; a non-zero exit is an error.

use std::io::{self, Read, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    if std::env::args().nth(1).as_deref() == Some("supports") {
        return ExitCode::SUCCESS;
    }
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            let _ = writeln!(io::stderr(), "dateline-format-count: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let mut input = String::new();
    io::stdin()
        .read_to_string(&mut input)
        .map_err(|e| format!("cannot read the request: {e}"))?;
    let request: serde_json::Value =
        serde_json::from_str(&input).map_err(|e| format!("the request is not JSON: {e}"))?;
    // Only version 1 is understood; fields this plugin does not know are ignored.
    if request["v"] != 1 {
        return Err(format!(
            "protocol version {} is not supported",
            request["v"]
        ));
    }
    let count = |field: &str| request["timeline"][field].as_array().map_or(0, Vec::len);
    let (events, documents) = (count("events"), count("documents"));
    writeln!(io::stdout(), "{events} events, {documents} documents")
        .map_err(|e| format!("cannot write: {e}"))
}
