use std::path::Path;
use std::process::ExitCode;

use kataster_report::figures;

pub use super::AusgabeUndFormat as Args;
use super::Format;

pub fn ausfuehren(projekt: &Path, args: Args) -> ExitCode {
    let (id, geladen) = match super::laden(projekt, args.edition) {
        Ok(t) => t,
        Err(code) => return code,
    };
    let k = figures::berechne(&geladen.edition);
    match args.format {
        Format::Json => {
            println!(
                "{}",
                serde_json::to_string_pretty(&k.liste).unwrap_or_default()
            );
        }
        Format::Text => {
            println!("Kennzahlen der Ausgabe {id}:\n");
            for z in &k.liste {
                println!("{:<32} {}", z.name, z.text_genau());
                println!("{:<32} {} – {}\n", "", z.titel, z.definition);
            }
        }
    }
    ExitCode::SUCCESS
}
