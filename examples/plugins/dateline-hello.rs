//! An example external subcommand (`docs/plugins.md`): `dateline hello ARGS...` runs
//! `dateline-hello hello ARGS...` found on PATH, with `DATELINE` set to the dateline executable.
//!
//! It greets, says where dateline is, and, when its first argument is a number, exits with that
//! code (which dateline passes through).

use std::io::{self, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dateline = std::env::var("DATELINE").unwrap_or_default();
    let greeting = writeln!(
        io::stdout(),
        "hello from dateline-hello: args {args:?}, DATELINE={dateline}"
    );
    if greeting.is_err() {
        return ExitCode::FAILURE;
    }
    let code = args.get(1).and_then(|a| a.parse::<u8>().ok()).unwrap_or(0);
    ExitCode::from(code)
}
