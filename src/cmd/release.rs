//! `release`: releases the current version and records it.

use std::path::Path;
use std::process::ExitCode;

use super::Abbruch;

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub ziel: super::AusgabeUndZiel,
}

/// Releases the edition's current version: builds it (it must pass
/// `check`), writes the PDF and records it in `freigaben.yaml`.
pub fn ausfuehren(projekt: &Path, args: Args) -> Result<ExitCode, Abbruch> {
    const NICHTS: &str = "Es wurde nichts freigegeben.";
    let mut s = super::sitzung(projekt, args.ziel.edition.as_deref())?;
    let ordner = super::zielordner(projekt, &args.ziel.out, NICHTS)?;
    match s.freigeben(&ordner) {
        Ok(f) => {
            let a = &f.freigabe;
            super::melden(&format!(
                "Ausgabe {} Version {} freigegeben: {} ({} Bytes, SHA-256 {}), {} Eingaben in {} \
                 festgehalten.\nHilfe: Nehmen Sie freigaben.yaml mit dem PDF in die \
                 Versionsverwaltung auf; `kataster-report verify` prüft die Freigabe.\n",
                s.id(),
                a.version,
                a.pdf.datei,
                a.pdf.bytes,
                a.pdf.sha256,
                a.eingaben.len(),
                kataster_report::ausgabe::freigabe::pfad(s.id()).display()
            ));
            super::drucken(&format!("{}\n", f.pdf.display()));
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => Err(Abbruch::bau(&s, &e).schluss(NICHTS)),
    }
}
