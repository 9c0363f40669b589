//! `verify`: every released version rebuilt and compared byte for byte.

use std::path::Path;
use std::process::ExitCode;

use kataster_report::ausgabe::freigeben::{Nachbau, Urteil};
use kataster_report::ausgabe::verlauf::Verlauf;
use kataster_report::diagnostics::Meldung;
use kataster_report::sitzung::Sitzung;

use super::Abbruch;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Nur diese Ausgabe (Vorgabe: jede Ausgabe mit freigaben.yaml).
    #[arg(long, value_name = "AUSGABE")]
    pub edition: Option<String>,
}

/// One line (or a rendered error) per released version.
fn urteil_text(s: &Sitzung, n: &Nachbau) -> String {
    let f = &n.freigabe;
    let kopf = format!("Ausgabe {} Version {}", s.id(), f.version);
    match &n.urteil {
        Urteil::Gleich { ohne_wirkung } => {
            let mut t = format!(
                "{kopf}: byte-gleich nachgebaut ({}, SHA-256 {}).\n",
                f.pdf.datei,
                &f.pdf.sha256[..12]
            );
            if !ohne_wirkung.is_empty() {
                t.push_str(&format!(
                    "  Hinweis: seit der Freigabe geändert, ohne Wirkung auf das PDF: {}.\n",
                    ohne_wirkung.join("; ")
                ));
            }
            t
        }
        Urteil::Abgeloest { eingabe, neuer } => format!(
            "{kopf}: abgelöst durch Version {neuer}; seither {eingabe}, daher nicht mehr aus dem \
             Arbeitsstand nachzubauen (die Freigabe bleibt festgehalten).\n"
        ),
        Urteil::Anders { eingaben, sha256 } => {
            let grund = match eingaben.split_first() {
                Some((e, [])) => format!("erste geänderte Eingabe: {e}"),
                Some((e, weitere)) => format!(
                    "erste geänderte Eingabe: {e}; außerdem: {}",
                    weitere.join("; ")
                ),
                None => format!(
                    "alle Eingaben sind gleich; das Programm ändert das PDF (freigegeben mit \
                     kataster-report {}, Typst {}; jetzt {}, Typst {})",
                    f.werkzeug.kataster_report,
                    f.werkzeug.typst,
                    env!("CARGO_PKG_VERSION"),
                    kataster_report::ausgabe::freigabe::werkzeug().typst
                ),
            };
            Meldung::neu(format!(
                "{kopf}: der Nachbau ergibt ein anderes PDF (SHA-256 {} statt {}); {grund}.",
                &sha256[..12],
                &f.pdf.sha256[..12]
            ))
            .hilfe(
                "Ein freigegebenes PDF ändert sich nie. Nehmen Sie die Änderung zurück, oder \
                 machen Sie sie zu einer neuen Version (neue Zeile der Historie in edition.yaml, \
                 dann `kataster-report release`).",
            )
            .darstellen()
        }
        Urteil::Fehler(e) => format!(
            "{kopf}: kann nicht gebaut werden:\n{}",
            super::fehler_text(s, e)
        ),
    }
}

/// Verifies one edition; whether every released version passed.
fn pruefen(projekt: &Path, id: &str) -> bool {
    let mut s = match super::sitzung(projekt, Some(id)) {
        Ok(s) => s,
        Err(a) => {
            super::melden(&a.darstellen());
            return false;
        }
    };
    match s.nachbauen() {
        Ok(liste) if liste.is_empty() => {
            super::melden(&format!("Ausgabe {id}: noch keine Version freigegeben.\n"));
            true
        }
        Ok(liste) => {
            for n in &liste {
                super::melden(&urteil_text(&s, n));
            }
            if let Verlauf::Unbekannt(grund) = s.freigabeverlauf() {
                super::melden(&format!(
                    "Ausgabe {id}: Hinweis: ob ein Eintrag von freigaben.yaml gelöscht wurde, ist \
                     nicht zu prüfen: {grund}.\n"
                ));
            }
            liste.iter().all(Nachbau::bestanden)
        }
        Err(e) => {
            super::melden(&super::fehler_text(&s, &e));
            false
        }
    }
}

/// Rebuilds every released version and compares it byte for byte with its
/// record; exit 1 when one differs.
pub fn ausfuehren(projekt: &Path, args: Args) -> Result<ExitCode, Abbruch> {
    let editionen = match args.edition {
        Some(id) => vec![id],
        None => kataster_report::load::editionen(projekt)
            .into_iter()
            .filter(|id| {
                projekt
                    .join(kataster_report::ausgabe::freigabe::pfad(id))
                    .is_file()
            })
            .collect(),
    };
    let mut gut = true;
    for id in &editionen {
        gut &= pruefen(projekt, id);
    }
    if editionen.is_empty() {
        super::melden("Keine Ausgabe hat eine Freigabe (data/<ausgabe>/freigaben.yaml).\n");
    }
    if gut {
        Ok(ExitCode::SUCCESS)
    } else {
        super::melden("Die Prüfung der Freigaben ist fehlgeschlagen.\n");
        Ok(ExitCode::FAILURE)
    }
}
