//! `new-edition`: the next edition from a previous one.

use std::path::Path;
use std::process::ExitCode;

use kataster_report::ausgabe::neu::{self, Auftrag, Fehler};
use kataster_report::diagnostics::Meldung;
use kataster_report::model::Datum;

use super::Abbruch;

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

/// Creates the next edition from a previous one; stops when anything is in
/// the way (nothing is overwritten).
pub fn ausfuehren(projekt: &Path, args: Args) -> Result<ExitCode, Abbruch> {
    let datum = Datum::aus_text(&args.datum).ok_or_else(|| {
        Meldung::neu(format!(
            "„{}“ ist kein Datum der Form JJJJ-MM-TT.",
            args.datum
        ))
        .hilfe("z. B. --datum 2026-03-01")
    })?;
    let auftrag = Auftrag {
        id: &args.id,
        von: &args.von,
        datum,
        leer: args.leer,
    };
    let (dateien, layout) = neu::anlegen(projekt, &auftrag).map_err(|e| match e {
        Fehler::Vorlage(d, q) => Abbruch::mit_quellen(&d, &q).schluss(format!(
            "Die Vorlage {} lädt nicht; es wurde nichts angelegt.",
            args.von
        )),
        Fehler::Meldung(m) => Abbruch::from(m).schluss("Es wurde nichts angelegt."),
    })?;
    super::melden(&format!(
        "Ausgabe {} aus {} angelegt ({} Dateien): data/{0}/, report/kapitel/{0}/; Layout \
         „{layout}“ wie {1} (für eine neue Gestaltung: `kataster-report new-layout {0} --from \
         {layout}`).\nNächste Schritte: edition.yaml prüfen (Titel, Umfrage, Sitzungen, \
         Mitwirkende), {}, dann `kataster-report check --edition {0}`.\n",
        args.id,
        args.von,
        dateien.len(),
        if args.leer {
            "Tabelle 1 und Steckbriefe eintragen"
        } else {
            "Tabelle 1 und Steckbriefe auf den neuen Stand bringen"
        }
    ));
    Ok(ExitCode::SUCCESS)
}
