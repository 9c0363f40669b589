//! `new-layout`: a new layout version as a copy of an existing one.

use std::path::Path;
use std::process::ExitCode;

use kataster_report::ausgabe::neu;

use super::Abbruch;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Name des neuen Layouts, z. B. 2026.
    #[arg(value_name = "LAYOUT")]
    pub name: String,
    /// Das Layout, aus dem es entsteht, z. B. 2025-barrierefrei.
    #[arg(long = "from", value_name = "LAYOUT")]
    pub von: String,
}

pub fn ausfuehren(projekt: &Path, args: Args) -> Result<ExitCode, Abbruch> {
    let dateien = neu::layout_anlegen(projekt, &args.name, &args.von)
        .map_err(|m| Abbruch::from(m).schluss("Es wurde nichts angelegt."))?;
    super::melden(&format!(
        "Layout {} aus {} angelegt ({} Dateien): report/layout/{0}/.\nNächster Schritt: in \
         edition.yaml der Ausgabe `layout: \"{0}\"` eintragen, dann das Layout ändern.\n",
        args.name,
        args.von,
        dateien.len()
    ));
    Ok(ExitCode::SUCCESS)
}
