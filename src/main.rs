//! The command line of `kataster-report`: parse, run one command over a
//! session, render why it stopped (in German, in one place).

#![forbid(unsafe_code)]

use std::process::ExitCode;

mod cmd;

fn main() -> ExitCode {
    match cmd::Cli::lesen() {
        Ok(cli) => cmd::ausfuehren(cli).unwrap_or_else(|abbruch| {
            cmd::melden(&abbruch.darstellen());
            ExitCode::FAILURE
        }),
        Err(code) => code,
    }
}
