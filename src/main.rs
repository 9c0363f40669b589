#![forbid(unsafe_code)]

use std::process::ExitCode;

mod cmd;

fn main() -> ExitCode {
    match cmd::Cli::lesen() {
        Ok(cli) => cmd::ausfuehren(cli),
        Err(code) => code,
    }
}
