use std::path::Path;
use std::process::ExitCode;

pub fn ausfuehren(projekt: &Path) -> ExitCode {
    match kataster_report::schema::schreiben(projekt) {
        Ok(geaendert) if geaendert.is_empty() => {
            super::drucken("Die Schemas sind aktuell.\n");
            ExitCode::SUCCESS
        }
        Ok(geaendert) => {
            for g in geaendert {
                super::drucken(&format!("geschrieben: {}\n", g.display()));
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            super::melden(&format!(
                "Fehler: Schemas konnten nicht geschrieben werden: {e}.\nHilfe: {}\n",
                e.hilfe()
            ));
            ExitCode::FAILURE
        }
    }
}
