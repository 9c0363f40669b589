use std::path::Path;
use std::process::ExitCode;

use kataster_report::charts::geo::Geodaten;
use kataster_report::claims::{self, Pruefbericht};
use kataster_report::compile::world::Schriften;
use kataster_report::diagnostics::alle_darstellen;
use kataster_report::figures;

pub use super::AusgabeUndFormat as Args;
use super::Format;

fn text_bericht(id: &str, b: &Pruefbericht, landkreise: usize, steckbriefe: usize) -> String {
    let mut s = String::new();
    let n = b.behauptungen.len();
    let gelten = b.behauptungen.iter().filter(|e| e.gilt).count();
    let anerkannt = b.anerkannt().count();
    let verletzt = b.fehlgeschlagen().count();
    s.push_str(&format!(
        "Ausgabe {id}: {landkreise} Landkreise, {steckbriefe} Steckbriefe; {n} Aussagen im Text geprüft: \
         {gelten} stimmen, {anerkannt} anerkannte Abweichungen, {verletzt} verletzt, \
         {} veraltete Anerkennungen, {} getippte Zahlen.\n",
        b.veraltet.len(),
        b.zahlen.len()
    ));
    let zeile = |e: &claims::Ergebnis| {
        format!(
            "  {}:{}: „{}“\n    Kennzahl {}: {}\n    behauptet: {} · berechnet: {}\n",
            e.datei, e.zeile, e.wortlaut, e.kennzahl, e.definition, e.vergleich, e.berechnet
        )
    };
    if verletzt > 0 {
        s.push_str("\nVerletzte Aussagen (Text und Daten widersprechen sich):\n");
        for e in b.fehlgeschlagen() {
            s.push_str(&zeile(e));
        }
        s.push_str(
            "  → Korrigieren Sie den Text oder erkennen Sie die Abweichung mit Begründung in \
             abweichungen.yaml an. Die Daten werden dafür nicht geändert.\n",
        );
    }
    if !b.veraltet.is_empty() {
        s.push_str("\nVeraltete Anerkennungen:\n");
        for v in &b.veraltet {
            s.push_str(&format!("  {v}\n"));
        }
    }
    if !b.zahlen.is_empty() {
        s.push_str("\nVon Hand getippte Zahlen (statt Kennzahl oder Behauptung):\n");
        for z in &b.zahlen {
            s.push_str(&format!("  {}:{}: „{}“\n", z.datei, z.zeile, z.wortlaut));
        }
        s.push_str(
            "  → Schreiben Sie {{zahl \"kennzahl\"}} oder {{#behauptung …}}…{{/behauptung}} \
             (kataster-report figures listet die Kennzahlen).\n",
        );
    }
    if anerkannt > 0 {
        s.push_str("\nAnerkannte Abweichungen (bleiben im Text, Prüfung besteht):\n");
        for e in b.anerkannt() {
            s.push_str(&zeile(e));
            if let Some(g) = &e.begruendung {
                s.push_str(&format!("    Begründung: {g}\n"));
            }
        }
    }
    s
}

pub fn ausfuehren(projekt: &Path, args: Args) -> ExitCode {
    let (id, geladen) = match super::laden(projekt, args.edition) {
        Ok(t) => t,
        Err(code) => return code,
    };
    let e = &geladen.edition;
    let karte = match Geodaten::laden(projekt) {
        Ok(geo) => kataster_report::validate::pruefe_kartenbezug(
            &e.landkreise,
            &geo.landkreisnamen(),
            &geladen.dateien,
            &Path::new("data").join(&id),
        ),
        Err(f) => {
            eprintln!("Fehler: {f}");
            return ExitCode::FAILURE;
        }
    };
    let schemas = kataster_report::schema::veraltet(projekt, &id, &e.vokabular);
    if !schemas.is_empty() {
        for p in &schemas {
            eprintln!(
                "Fehler: {} passt nicht zu vokabular.yaml (der Editor schlägt sonst falsche Werte vor).
Hilfe: Führen Sie `kataster-report schema` aus.",
                p.display()
            );
        }
        return ExitCode::FAILURE;
    }
    if !karte.is_empty() {
        let q = geladen.quelltexte();
        eprint!("{}", alle_darstellen(&karte, |p| q.text(p), super::farbe()));
        return ExitCode::FAILURE;
    }
    let kennzahlen = figures::berechne(e);
    let schriften = match Schriften::laden(&projekt.join("fonts")) {
        Ok(s) => s,
        Err(f) => {
            eprintln!("Fehler: Schriften in fonts/ nicht lesbar: {f}");
            return ExitCode::FAILURE;
        }
    };
    let bericht = match claims::pruefe_edition(projekt, &geladen, &kennzahlen, &schriften) {
        Ok(b) => b,
        Err((fehler, kapitel)) => {
            let text = |p: &Path| {
                kapitel
                    .iter()
                    .find(|k| k.pfad == p)
                    .map(|k| k.text.clone())
                    .or_else(|| geladen.quelltexte().text(p))
            };
            eprint!("{}", alle_darstellen(&fehler, text, super::farbe()));
            return ExitCode::FAILURE;
        }
    };
    match args.format {
        Format::Json => {
            let json = serde_json::json!({
                "edition": id,
                "bestanden": bericht.bestanden(),
                "behauptungen": bericht.behauptungen,
                "veraltet": bericht.veraltet,
                "getippte_zahlen": bericht.zahlen,
            });
            println!(
                "{}",
                serde_json::to_string_pretty(&json).unwrap_or_default()
            );
        }
        Format::Text => {
            print!(
                "{}",
                text_bericht(
                    &id,
                    &bericht,
                    e.landkreise.len(),
                    e.alle_steckbriefe().count()
                )
            );
        }
    }
    if bericht.bestanden() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
