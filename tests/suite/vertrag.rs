//! The contract between the Rust side and a layout (`kataster_report::vertrag`):
//! the 2025 `daten.json` pinned, every generated file valid against the
//! contract's schema, and a layout that wants more than the contract gives
//! refused with its file and line.

use std::path::Path;

use kataster_report::sitzung::Sitzung;
use kataster_report::vertrag;
use serde_json::{Value, json};

use crate::common::{self, Kopie, cli, stderr, stdout};

/// The generated files of edition `id` (`/generiert/…` → bytes).
fn erzeugt(wurzel: &Path, id: &str) -> Vec<(String, Vec<u8>)> {
    let mut s = Sitzung::oeffnen(wurzel, Some(id)).expect("Ausgabe");
    match s.vorbereiten() {
        Ok(v) => v.erzeugt,
        Err(e) => panic!("{}", e.meldung()),
    }
}

fn datei<'a>(dateien: &'a [(String, Vec<u8>)], pfad: &str) -> Option<&'a [u8]> {
    dateien
        .iter()
        .find(|(p, _)| p == pfad)
        .map(|(_, b)| b.as_slice())
}

fn json_von(dateien: &[(String, Vec<u8>)], pfad: &str) -> Value {
    datei(dateien, pfad).map_or(Value::Null, |b| serde_json::from_slice(b).unwrap())
}

/// The files the contract describes, as one instance of its schema.
fn vertragsdaten(dateien: &[(String, Vec<u8>)]) -> Value {
    let nachweis = json_von(dateien, "/generiert/zahlennachweis.json");
    let ohne = json_von(dateien, "/generiert/ohne-daten.json");
    json!({
        "daten": json_von(dateien, "/generiert/daten.json"),
        "veraenderungen": json_von(dateien, "/generiert/veraenderungen.json"),
        "zahlennachweis": if nachweis.is_null() { json!([]) } else { nachweis },
        "entwurf": json_von(dateien, "/generiert/entwurf.json"),
        "ohne_daten": if ohne.is_null() { json!([]) } else { ohne },
    })
}

fn schema_pruefen(instanz: &Value) {
    let schema: Value = serde_json::from_str(&vertrag::schema_text()).unwrap();
    let v = jsonschema::validator_for(&schema).unwrap();
    let fehler: Vec<String> = v
        .iter_errors(instanz)
        .map(|e| format!("{} bei {}", e, e.instance_path()))
        .collect();
    assert!(fehler.is_empty(), "{fehler:#?}");
}

#[test]
fn daten_json_2025_ist_festgehalten() {
    const FIXTUR: &str = "tests/fixtures/vertrag/daten-2025.json";
    let dateien = erzeugt(&common::projekt(), "2025");
    let jetzt = datei(&dateien, "/generiert/daten.json").unwrap();
    let pfad = common::projekt().join(FIXTUR);
    if std::env::var_os("KATASTER_VERTRAG_NEU").is_some() {
        std::fs::write(&pfad, jetzt).unwrap();
    }
    let fest = std::fs::read(&pfad).unwrap();
    assert!(
        fest == jetzt,
        "daten.json der Ausgabe 2025 hat sich geändert: der Vertrag mit den Layouts ist ein \
         anderer (vergleichen Sie mit `git diff` nach KATASTER_VERTRAG_NEU=1 cargo test \
         daten_json_2025). Ist das gewollt, gilt ein neuer Vertrag; die freigegebenen Layouts \
         müssen byte-gleich bauen (verify)."
    );
    schema_pruefen(&vertragsdaten(&dateien));
}

#[test]
fn das_schema_des_vertrags_ist_aktuell() {
    let datei = common::projekt().join(vertrag::SCHEMA_DATEI);
    assert_eq!(
        std::fs::read_to_string(datei).unwrap_or_default(),
        vertrag::schema_text(),
        "{} ist veraltet: `kataster-report schema` ausführen",
        vertrag::SCHEMA_DATEI
    );
}

#[test]
fn jede_erzeugte_datei_erfuellt_den_vertrag() {
    // A follow-up edition with the appendix and a draft: every file filled.
    let k = Kopie::klein();
    let o = cli(
        k.pfad(),
        &[
            "new-edition",
            "neu",
            "--from",
            "klein",
            "--datum",
            "2031-02-01",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    k.ersetzen(
        "data/neu/edition.yaml",
        "layout: klein",
        "layout: klein\nzahlennachweis: true",
    );
    k.ersetzen("data/neu/landkreise.yaml", "vzae: 1.5", "vzae: 2");
    let mut s = Sitzung::oeffnen(k.pfad(), Some("neu")).unwrap();
    let mut v = s
        .vorbereiten()
        .unwrap_or_else(|e| panic!("{}", e.meldung()));
    v.als_entwurf();
    let instanz = vertragsdaten(&v.erzeugt);
    assert!(instanz["veraenderungen"]["von"] == "klein", "{instanz}");
    assert!(!instanz["zahlennachweis"].as_array().unwrap().is_empty());
    assert!(instanz["entwurf"]["befunde"].is_array());
    schema_pruefen(&instanz);
}

/// A copy with a new layout `neu` (from `klein`) that edition klein uses.
fn mit_eigenem_layout() -> Kopie {
    let k = Kopie::klein();
    let o = cli(k.pfad(), &["new-layout", "neu", "--from", "klein"]);
    assert!(o.status.success(), "{}", stderr(&o));
    k.ersetzen("data/klein/edition.yaml", "layout: klein", "layout: neu");
    assert_eq!(
        k.lesen("report/layout/neu/lib.typ"),
        k.lesen("report/layout/klein/lib.typ")
    );
    k
}

#[test]
fn ein_layout_das_einen_unbekannten_schluessel_liest_scheitert_an_seiner_zeile() {
    let k = mit_eigenem_layout();
    let bericht = "report/layout/neu/bericht.typ";
    k.ersetzen(bericht, "title: ed.titel,", "title: ed.titl,");
    let zeile = k.zeile(bericht, "ed.titl,");
    let o = cli(k.pfad(), &["check", "--edition", "klein"]);
    let t = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{t}");
    for teil in [
        "der Schlüssel „titl“ fehlt: weder der Vertrag 1",
        &format!("report/layout/neu/bericht.typ:{zeile}:"),
        "meinten Sie „titel“?",
        "beschreibt report/vertrag-1.schema.json",
    ] {
        assert!(t.contains(teil), "„{teil}“ fehlt:\n{t}");
    }
}

#[test]
fn ein_layout_mit_einem_vertrag_den_es_nicht_gibt_wird_abgelehnt() {
    let k = mit_eigenem_layout();
    let g = "report/layout/neu/gestaltung.yaml";
    k.schreiben(
        g,
        "status_farben: [\"#08306b\", \"#2e6da4\", \"#6a8fb3\"]\ntrennlinien: true\nvertrag: 2\n",
    );
    let o = cli(k.pfad(), &["check", "--edition", "klein"]);
    let t = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{t}");
    for teil in [
        "report/layout/neu/gestaltung.yaml:3",
        "das Layout liest Vertrag 2; dieses Programm liefert Vertrag 1",
        "Tragen Sie `vertrag: 1` ein",
    ] {
        assert!(t.contains(teil), "„{teil}“ fehlt:\n{t}");
    }
    // Declared as this program gives it: passes.
    k.ersetzen(g, "vertrag: 2", "vertrag: 1");
    let o = cli(k.pfad(), &["check", "--edition", "klein"]);
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
}
