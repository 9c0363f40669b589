//! `site`: the catalogue website with open data.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use kataster_report::projekt::Projektpfade;

use super::Abbruch;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Ausgabe, z. B. 2025 (Vorgabe: die neueste in data/).
    #[arg(long, value_name = "AUSGABE")]
    pub edition: Option<String>,
    /// Zielordner der Website (Vorgabe: dist/website/ im Projektordner; ein
    /// relativer Pfad gilt im Projektordner).
    #[arg(long, value_name = "ORDNER")]
    pub out: Option<PathBuf>,
    /// Einen Zielordner ersetzen, der Dateien enthält, die nicht von `site`
    /// stammen.
    #[arg(long)]
    pub force: bool,
}

/// Writes the website of the edition (pages, open data, the PDF).
pub fn ausfuehren(projekt: &Path, args: Args) -> Result<ExitCode, Abbruch> {
    const NICHTS: &str = "Es wurde keine Website geschrieben.";
    let mut s = super::sitzung(projekt, args.edition.as_deref())?;
    let out = args.out.unwrap_or_else(Projektpfade::website_ziel);
    let ordner = super::zielordner(projekt, &out, NICHTS)?;
    match s.website(&ordner, args.force) {
        Ok(w) => {
            super::melden(&format!(
                "Ausgabe {}: Website mit {} Dateien geschrieben (Seiten und offene Daten in {} ms, \
                 dazu das PDF).\n",
                s.id(),
                w.dateien,
                w.dauer.as_millis()
            ));
            for h in &w.hinweise {
                super::melden(&format!("Hinweis: {h}.\n"));
            }
            super::drucken(&format!("{}\n", w.ordner.join("index.html").display()));
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => Err(Abbruch::bau(&s, &e).schluss(NICHTS)),
    }
}
