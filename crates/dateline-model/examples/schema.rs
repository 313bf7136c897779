//! Prints the JSON Schema of the contract, pretty, with a trailing newline.
//!
//! `cargo run -q -p dateline-model --features schema --example schema`; `cargo xtask codegen`
//! runs this and writes the output to `docs/schema/timeline.schema.json`.

use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let schema = dateline_model::json_schema();
    let text = match serde_json::to_string_pretty(&schema) {
        Ok(text) => text,
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "schema: {e}");
            return ExitCode::from(2);
        }
    };
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{text}").and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "schema: {e}");
            ExitCode::from(2)
        }
    }
}
