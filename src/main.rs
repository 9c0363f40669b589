//! The command line of `kataster-report`: parse, run one command over a
//! session, render why it stopped (in German, in one place).

#![forbid(unsafe_code)]

use std::process::ExitCode;

mod cmd;

/// The program's allocator, counting what the program holds: a compilation
/// past its memory budget is given up with a message (see
/// `compile::budget`) instead of taking the machine's memory.
#[global_allocator]
static SPEICHER: cap::Cap<std::alloc::System> = cap::Cap::new(std::alloc::System, usize::MAX);

/// The last line of defence: a panic (a bug of the program, never a
/// problem of the data) is explained in German instead of a Rust backtrace.
/// Every writer is all-or-nothing, so the project's files are as before.
fn panik_erklaeren() {
    std::panic::set_hook(Box::new(|info| {
        let grund = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let ort = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        cmd::melden(&format!(
            "Fehler: interner Fehler von kataster-report {} ({ort}: {grund}).\n\
             Hilfe: Das ist ein Fehler im Programm, nicht in Ihren Daten; Ihre Dateien sind \
             unverändert. Bitte melden Sie ihn mit dem Befehl und dieser Ausgabe.\n",
            env!("CARGO_PKG_VERSION")
        ));
    }));
}

fn main() -> ExitCode {
    panik_erklaeren();
    kataster_report::compile::budget::speicher_messen(|| SPEICHER.allocated());
    match cmd::Cli::lesen() {
        Ok(cli) => {
            // Test hook: proves the panic message (tests/suite/pruefung.rs).
            if std::env::var_os("KATASTER_REPORT_TESTPANIK").is_some() {
                panic!("Test der Panikmeldung");
            }
            cmd::ausfuehren(cli).unwrap_or_else(|abbruch| {
                cmd::melden(&abbruch.darstellen());
                ExitCode::FAILURE
            })
        }
        Err(code) => code,
    }
}
