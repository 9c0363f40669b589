//! `figures`: every figure with its definition, value and where it is
//! defined.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

pub use super::AusgabeUndFormat as Args;
use super::{Abbruch, Format};
use kataster_report::projekt::Projektpfade;

pub fn ausfuehren(projekt: &Path, args: Args) -> Result<ExitCode, Abbruch> {
    let mut s = super::sitzung(projekt, args.edition.as_deref())?;
    let (geladen, k) = s
        .kennzahlen()
        .map_err(|e| Abbruch::bau(&s, &e).schluss("Es wurden keine Kennzahlen berechnet."))?;
    let id = s.id();
    // Where each figure is defined: the edition's kennzahlen.yaml or the program.
    let datei = Projektpfade::ausgabedatei(id, "kennzahlen.yaml")
        .display()
        .to_string();
    let herkunft = |name: &str| {
        if geladen
            .edition
            .kennzahl_definitionen
            .iter()
            .any(|d| d.name == name)
        {
            datei.clone()
        } else {
            "Programm".to_owned()
        }
    };
    let text = match args.wahl.format {
        Format::Json => {
            let mut liste = serde_json::to_value(&k.liste).unwrap_or_default();
            for z in liste.as_array_mut().into_iter().flatten() {
                let name = z["name"].as_str().unwrap_or_default().to_owned();
                z["definiert_in"] = serde_json::Value::String(herkunft(&name));
            }
            if let Some(l) = liste.as_array_mut() {
                l.extend(k.nicht_berechenbar.iter().map(|f| {
                    let name = f.kennzahl().unwrap_or_default();
                    serde_json::json!({
                        "name": name,
                        "nicht_berechenbar": f.to_string(),
                        "definiert_in": herkunft(name),
                    })
                }));
            }
            serde_json::to_string_pretty(&liste).unwrap_or_default() + "\n"
        }
        Format::Text => {
            let mut s = format!("Kennzahlen der Ausgabe {id}:\n\n");
            for z in &k.liste {
                let _ = writeln!(s, "{:<32} {}", z.name, z.text_genau());
                let _ = writeln!(s, "{:<32} {} – {}", "", z.titel, z.definition);
                let _ = writeln!(s, "{:<32} definiert in: {}\n", "", herkunft(&z.name));
            }
            for f in &k.nicht_berechenbar {
                let name = f.kennzahl().unwrap_or_default();
                let _ = writeln!(s, "{name:<32} nicht berechenbar: {f}");
                let _ = writeln!(s, "{:<32} definiert in: {}\n", "", herkunft(name));
            }
            s
        }
    };
    super::drucken(&text);
    Ok(ExitCode::SUCCESS)
}
