//! `schema`: writes the JSON Schemas of the data files (from the Rust
//! types) and those with an edition's vocabulary.

use std::path::Path;
use std::process::ExitCode;

use kataster_report::diagnostics::Meldung;

use super::Abbruch;

pub fn ausfuehren(projekt: &Path) -> Result<ExitCode, Abbruch> {
    let geaendert = kataster_report::ausgabe::schema::schreiben(projekt)
        .map_err(|e| Meldung::from(e).vorne("Schemas konnten nicht geschrieben werden: "))?;
    if geaendert.is_empty() {
        super::drucken("Die Schemas sind aktuell.\n");
    }
    for g in geaendert {
        super::drucken(&format!("geschrieben: {}\n", g.display()));
    }
    Ok(ExitCode::SUCCESS)
}
