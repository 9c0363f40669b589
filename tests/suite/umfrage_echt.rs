//! The files of real LimeSurveys (6.4.2 and 6.14) that imported the tool's
//! own questionnaire (tests/fixtures/limesurvey/): imported as entered.

use kataster_report::model::{Antwort, Landkreise, SteckbriefDatei};

use crate::common::{Kopie, cli, stderr};

/// What was entered into LimeSurvey: one value per response and question.
fn eingegeben(version: &str) -> Vec<serde_json::Value> {
    let p =
        crate::common::projekt().join(format!("tests/fixtures/limesurvey/{version}/entered.json"));
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

/// A copy with an empty edition 2026 and the survey's files in `umfrage/`,
/// imported; the import's output.
fn importiert(version: &str, lss: &str, antworten: &str) -> (Kopie, String) {
    let k = crate::umfrage::leere_ausgabe_2026();
    let quelle = crate::common::projekt().join(format!("tests/fixtures/limesurvey/{version}"));
    for datei in [lss, antworten] {
        k.schreiben(
            &format!("umfrage/{datei}"),
            &std::fs::read_to_string(quelle.join(datei)).unwrap(),
        );
    }
    let o = cli(
        k.pfad(),
        &[
            "survey",
            "import",
            "--lss",
            &format!("umfrage/{lss}"),
            "--responses",
            &format!("umfrage/{antworten}"),
            "--edition",
            "2026",
        ],
    );
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{version}: {e}");
    (k, e)
}

/// Asserts the imported Tabelle 1 and fact sheets against what was entered.
fn wie_eingegeben(k: &Kopie, version: &str) {
    let lk: Landkreise = serde_saphyr::from_str(&k.lesen("data/2026/landkreise.yaml")).unwrap();
    let goettingen = lk
        .landkreise
        .iter()
        .find(|l| l.name == "Göttingen")
        .unwrap();
    let r1 = &eingegeben(version)[0]["values"];
    // The "Sonstiges" the questionnaire offers for Gesamtverantwortung is kept.
    assert_eq!(
        goettingen.gesamtverantwortung,
        Antwort::Sonstiges {
            sonstiges: r1["LKverantwortung"][1].as_str().unwrap().to_owned()
        }
    );
    assert_eq!(
        goettingen.organisationseinheit,
        r1["LKoe"].as_str().unwrap()
    );
    assert_eq!(goettingen.vzae.0, 2.75);
    assert_eq!(
        (
            goettingen.projekte.abgeschlossen,
            goettingen.projekte.in_umsetzung,
            goettingen.projekte.geplant
        ),
        (1, 2, 3)
    );
    let namen: Vec<String> = ["goettingen", "luechow-dannenberg"]
        .iter()
        .flat_map(|d| {
            let text = k.lesen(&format!("data/2026/steckbriefe/{d}.yaml"));
            let datei: SteckbriefDatei = serde_saphyr::from_str(&text).unwrap();
            datei.steckbriefe.into_iter().map(|s| s.projektname)
        })
        .collect();
    for r in eingegeben(version).iter().filter(|r| r["complete"] == true) {
        if let Some(name) = r["values"]["projektname"].as_str() {
            assert!(
                namen.iter().any(|n| n == name.trim()),
                "{version}: {name} fehlt in {namen:?}"
            );
        }
    }
    let o = cli(k.pfad(), &["check", "--edition", "2026"]);
    assert!(
        !stderr(&o).contains("gesamtverantwortung"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn limesurvey_6_4_export_mit_codes_wird_wie_eingegeben_uebernommen() {
    let (k, e) = importiert("6.4.2", "q.lss", "export_code_short.csv");
    assert!(
        e.contains("Antwort 5"),
        "die unvollständige Antwort wird genannt: {e}"
    );
    wie_eingegeben(&k, "6.4.2");
}

#[test]
fn limesurvey_6_14_nie_gesetzte_optionen_als_n_a_sind_nicht_angekreuzt() {
    let (k, _) = importiert("6.14", "survey_712433.lss", "export_code_long.csv");
    wie_eingegeben(&k, "6.14");
}
