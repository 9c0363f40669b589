//! Tabelle 1 is declared once (`model::tabelle`): the layout's data, the
//! open data, the questionnaire, the survey mapping and the website all
//! follow that one table, in its order.

use kataster_report::figures::berechne;
use kataster_report::load::lade_edition;
use kataster_report::model::tabelle::SPALTEN;
use kataster_report::report_data;
use kataster_report::umfrage::{fragebogen, zuordnung::Zuordnung};
use kataster_report::website::offene_daten::{Csvform, Regionalschluessel, landkreise_csv};

use crate::common;

fn kurznamen() -> Vec<String> {
    SPALTEN.iter().map(|s| s.kurz.to_owned()).collect()
}

#[test]
fn layoutdaten_und_landkreise_csv_haben_die_spalten_der_tabelle() {
    let g = lade_edition(&common::projekt(), "2025").unwrap();
    let k = berechne(&g.edition).unwrap();
    let daten = serde_json::to_value(report_data::daten(&g.edition, &k, &[]).unwrap()).unwrap();
    let zeile = daten["tabelle"]["zeilen"][0].as_object().unwrap();
    let mut schluessel: Vec<String> = zeile.keys().cloned().collect();
    let mut erwartet = kurznamen();
    erwartet.push("name".into());
    schluessel.sort();
    erwartet.sort();
    assert_eq!(schluessel, erwartet);
    // The totals row prints every column with a total.
    let summe = daten["tabelle"]["summe"].as_object().unwrap();
    assert_eq!(
        summe.len(),
        SPALTEN.iter().filter(|s| s.summe.is_some()).count()
    );
    assert_eq!(summe["vzae_mittel"], "0,5", "{summe:?}");
    assert_eq!(summe["geplant"], 39);

    let csv = String::from_utf8(
        landkreise_csv(
            &g.edition,
            &Regionalschluessel::default(),
            Csvform::Tabellenkalkulation,
        )
        .unwrap(),
    )
    .unwrap();
    let kopf = csv.lines().next().unwrap();
    assert_eq!(
        kopf,
        format!("\u{feff}name;regionalschluessel;{}", kurznamen().join(";"))
    );
}

#[test]
fn fragebogen_und_zuordnung_fragen_jede_spalte_in_ihrer_reihenfolge() {
    let fragen = fragebogen::landkreis_fragen();
    assert_eq!(fragen[0].0, "LK");
    let codes: Vec<&str> = fragen[1..].iter().map(|f| f.0).collect();
    let texte: Vec<&str> = fragen[1..].iter().map(|f| f.1).collect();
    assert_eq!(
        codes,
        SPALTEN.iter().map(|s| s.frage.code).collect::<Vec<_>>()
    );
    assert_eq!(
        texte,
        SPALTEN.iter().map(|s| s.frage.text).collect::<Vec<_>>()
    );
    let z = Zuordnung::standard();
    for s in SPALTEN {
        assert_eq!(
            z.tabelle.get(s.kurz).map(String::as_str),
            Some(s.frage.code)
        );
    }
    assert_eq!(z.tabelle.len(), SPALTEN.len());
}

#[test]
fn die_layouts_lesen_jede_spalte() {
    for layout in ["2025", "2025-barrierefrei"] {
        let lib = std::fs::read_to_string(
            common::projekt().join(format!("report/layout/{layout}/lib.typ")),
        )
        .unwrap();
        for s in SPALTEN {
            assert!(
                lib.contains(&format!("z.{}", s.kurz)),
                "{layout}: z.{}",
                s.kurz
            );
        }
    }
}
