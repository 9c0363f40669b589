use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use kataster_report::figures;

pub use super::AusgabeUndFormat as Args;
use super::Format;

pub fn ausfuehren(projekt: &Path, args: Args) -> ExitCode {
    let mut s = match super::sitzung(projekt, args.edition.as_deref()) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let geladen = match s.laden() {
        Ok(g) => g,
        Err(e) => return super::melde(&s, &e, "Es wurden keine Kennzahlen berechnet."),
    };
    let id = s.id();
    let k = match figures::berechne(&geladen.edition) {
        Ok(k) => k,
        Err(f) => {
            for x in f {
                super::melden(&format!("Fehler: {x}\n"));
            }
            return ExitCode::FAILURE;
        }
    };
    let text = match args.format {
        Format::Json => serde_json::to_string_pretty(&k.liste).unwrap_or_default() + "\n",
        Format::Text => {
            let mut s = format!("Kennzahlen der Ausgabe {id}:\n\n");
            for z in &k.liste {
                let _ = writeln!(s, "{:<32} {}", z.name, z.text_genau());
                let _ = writeln!(s, "{:<32} {} – {}\n", "", z.titel, z.definition);
            }
            s
        }
    };
    super::drucken(&text);
    ExitCode::SUCCESS
}
