//! The subcommands, one file each.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod build;
mod check;
mod figures;
mod schema;

/// kataster-report: erzeugt den Bericht „KI- und RPA-Projekte der
/// niedersächsischen Landkreise“ aus Daten und prüft seine Zahlen.
#[derive(Parser, Debug)]
#[command(name = "kataster-report", version, about)]
pub struct Cli {
    /// Projektordner (mit data/, report/, fonts/); Vorgabe: aktueller Ordner.
    #[arg(long, global = true, default_value = ".")]
    pub projekt: PathBuf,
    #[command(subcommand)]
    pub befehl: Befehl,
}

#[derive(Subcommand, Debug)]
pub enum Befehl {
    /// Baut das PDF einer Ausgabe nach dist/.
    Build(build::Args),
    /// Prüft die Daten einer Ausgabe (und die Zahlen im Text).
    Check(check::Args),
    /// Listet alle Kennzahlen mit Definition und Wert.
    Figures(figures::Args),
    /// Schreibt die JSON-Schemas der Datendateien nach data/schema/.
    Schema,
}

pub fn ausfuehren(cli: Cli) -> ExitCode {
    match cli.befehl {
        Befehl::Build(a) => build::ausfuehren(&cli.projekt, a),
        Befehl::Check(a) => check::ausfuehren(&cli.projekt, a),
        Befehl::Figures(a) => figures::ausfuehren(&cli.projekt, a),
        Befehl::Schema => schema::ausfuehren(&cli.projekt),
    }
}

/// Output format of `check` and `figures`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
}

/// The options `check` and `figures` share.
#[derive(clap::Args, Debug)]
pub struct AusgabeUndFormat {
    /// Ausgabe, z. B. 2025 (Vorgabe: die neueste in data/).
    #[arg(long)]
    pub edition: Option<String>,
    /// Ausgabeformat.
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
}

/// The edition to work on: the one asked for, else the newest in `data/`.
/// Reports to stderr when there is none.
pub fn edition_waehlen(projekt: &std::path::Path, gewuenscht: Option<String>) -> Option<String> {
    let id = gewuenscht.or_else(|| kataster_report::load::editionen(projekt).pop());
    if id.is_none() {
        eprintln!(
            "Fehler: In {}/data gibt es keine Ausgabe (Ordner mit edition.yaml).",
            projekt.display()
        );
    }
    id
}

/// Chooses and loads an edition; problems are printed and become exit 1.
pub fn laden(
    projekt: &std::path::Path,
    gewuenscht: Option<String>,
) -> Result<(String, kataster_report::load::Geladen), ExitCode> {
    let id = edition_waehlen(projekt, gewuenscht).ok_or(ExitCode::FAILURE)?;
    match kataster_report::load::lade_edition(projekt, &id) {
        Ok(g) => Ok((id, g)),
        Err((fehler, quellen)) => {
            eprint!(
                "{}",
                kataster_report::diagnostics::alle_darstellen(
                    &fehler,
                    |p| quellen.text(p),
                    farbe()
                )
            );
            Err(ExitCode::FAILURE)
        }
    }
}

/// Colour only on a terminal.
pub fn farbe() -> bool {
    use std::io::IsTerminal;
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}
