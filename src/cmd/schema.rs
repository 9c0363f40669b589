use std::path::Path;
use std::process::ExitCode;

pub fn ausfuehren(projekt: &Path) -> ExitCode {
    match kataster_report::schema::schreiben(projekt) {
        Ok(geaendert) if geaendert.is_empty() => {
            println!("Die Schemas sind aktuell.");
            ExitCode::SUCCESS
        }
        Ok(geaendert) => {
            for g in geaendert {
                println!("geschrieben: {}", g.display());
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("Fehler: Schemas konnten nicht geschrieben werden: {e}");
            ExitCode::FAILURE
        }
    }
}
