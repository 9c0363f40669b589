use std::path::Path;
use std::process::ExitCode;

use kataster_report::diagnostics::alle_darstellen;
use kataster_report::model::Datum;
use kataster_report::neue_ausgabe::{self, Auftrag, Fehler};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Name der neuen Ausgabe, z. B. 2026.
    #[arg(value_name = "AUSGABE")]
    pub id: String,
    /// Die Ausgabe, aus der sie entsteht, z. B. 2025.
    #[arg(long = "from", value_name = "AUSGABE")]
    pub von: String,
    /// Datum der ersten Version (0.1, „Entwurf“) als JJJJ-MM-TT.
    #[arg(long, value_name = "DATUM")]
    pub datum: String,
    /// Mit leerer Tabelle 1 und ohne Steckbriefe beginnen (statt mit den
    /// Daten der Vorlage).
    #[arg(long)]
    pub leer: bool,
}

/// Creates the next edition from a previous one; exit 1 when anything is in
/// the way (nothing is overwritten).
pub fn ausfuehren(projekt: &Path, args: Args) -> ExitCode {
    let Some(datum) = Datum::aus_text(&args.datum) else {
        super::melden(&format!(
            "Fehler: „{}“ ist kein Datum der Form JJJJ-MM-TT.\nHilfe: z. B. --datum 2026-03-01\n",
            args.datum
        ));
        return ExitCode::FAILURE;
    };
    let auftrag = Auftrag {
        id: &args.id,
        von: &args.von,
        datum,
        leer: args.leer,
    };
    match neue_ausgabe::anlegen(projekt, &auftrag) {
        Ok(dateien) => {
            super::melden(&format!(
                "Ausgabe {} aus {} angelegt ({} Dateien): data/{0}/, report/kapitel/{0}/, \
                 report/layout/{0}/.\nNächste Schritte: edition.yaml prüfen (Titel, Umfrage, \
                 Sitzungen, Mitwirkende), {}, dann `kataster-report check --edition {0}`.\n",
                args.id,
                args.von,
                dateien.len(),
                if args.leer {
                    "Tabelle 1 und Steckbriefe eintragen"
                } else {
                    "Tabelle 1 und Steckbriefe auf den neuen Stand bringen"
                }
            ));
            ExitCode::SUCCESS
        }
        Err(Fehler::Vorlage(d, q)) => {
            super::melden(&alle_darstellen(&d, |p| q.text(p), super::farbe()));
            super::melden(&format!(
                "Die Vorlage {} lädt nicht; es wurde nichts angelegt.\n",
                args.von
            ));
            ExitCode::FAILURE
        }
        Err(Fehler::Text(m)) => {
            super::melden(&format!("Fehler: {m}\nEs wurde nichts angelegt.\n"));
            ExitCode::FAILURE
        }
    }
}
