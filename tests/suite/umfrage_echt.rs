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
fn importiert(version: &str, lss: Option<&str>, antworten: &str) -> (Kopie, String) {
    let k = crate::umfrage::leere_ausgabe_2026();
    let quelle = crate::common::projekt().join(format!("tests/fixtures/limesurvey/{version}"));
    std::fs::create_dir_all(k.datei("umfrage")).unwrap();
    for datei in lss.into_iter().chain([antworten]) {
        std::fs::copy(quelle.join(datei), k.datei(&format!("umfrage/{datei}"))).unwrap();
    }
    let antworten = format!("umfrage/{antworten}");
    let mut args = vec![
        "survey",
        "import",
        "--responses",
        &antworten,
        "--edition",
        "2026",
    ];
    let lss = lss.map(|l| format!("umfrage/{l}"));
    if let Some(l) = &lss {
        args.extend(["--lss", l]);
    }
    let o = cli(k.pfad(), &args);
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
    let (k, e) = importiert("6.4.2", Some("q.lss"), "export_code_short.csv");
    assert!(
        e.contains("Antwort 5"),
        "die unvollständige Antwort wird genannt: {e}"
    );
    // The questionnaire of these exports is older than the register fields:
    // they stay empty, and the import says so.
    assert!(
        e.contains("Die Umfrage fragt diese Felder des Steckbriefs nicht")
            && e.contains("beschreibung, kontakt, rechtsgrundlage"),
        "{e}"
    );
    wie_eingegeben(&k, "6.4.2");
}

#[test]
fn limesurvey_6_14_nie_gesetzte_optionen_als_n_a_sind_nicht_angekreuzt() {
    let (k, _) = importiert("6.14", Some("survey_712433.lss"), "export_code_long.csv");
    wie_eingegeben(&k, "6.14");
}

/// The imported edition's data files, by name.
fn importierte_dateien(k: &Kopie) -> Vec<(String, String)> {
    let mut out = vec![(
        "landkreise.yaml".to_owned(),
        k.lesen("data/2026/landkreise.yaml"),
    )];
    let mut namen: Vec<String> = std::fs::read_dir(k.datei("data/2026/steckbriefe"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    namen.sort();
    for n in namen {
        let text = k.lesen(&format!("data/2026/steckbriefe/{n}"));
        out.push((n, text));
    }
    out
}

#[test]
fn jede_exportform_ergibt_dieselben_daten() {
    // The reference: codes as headings and answers.
    let (k, _) = importiert("6.4.2", Some("q.lss"), "export_code_short.csv");
    let erwartet = importierte_dateien(&k);
    assert!(
        !erwartet.iter().any(|(_, t)| t.contains('\r')),
        "Zeilenumbrüche als LF"
    );
    let formen = [
        // Answers as full texts; LimeSurvey's own re-export of the structure.
        ("6.4.2", Some("q.lss"), "export_code_long.csv"),
        (
            "6.4.2",
            Some("survey_394438_round1.lss"),
            "export_code_short.csv",
        ),
        // Headings as full and as abbreviated question texts.
        ("6.4.2", Some("q.lss"), "export_full_short.csv"),
        ("6.4.2", Some("q.lss"), "export_abbreviated_short.csv"),
        // The archive, with the structure it carries (ids renumbered by
        // LimeSurvey, numbers as 1.0000000000, texts with CRLF).
        ("6.4.2", None, "survey_archive_394438_round1.lsa"),
        // What 6.14's "Export results" gives with its defaults: comma, full
        // question texts, full answer texts.
        ("6.14", Some("survey_712433.lss"), "ui_export_default.csv"),
    ];
    for (version, lss, antworten) in formen {
        let (k, _) = importiert(version, lss, antworten);
        assert_eq!(importierte_dateien(&k), erwartet, "{antworten}");
        wie_eingegeben(&k, version);
    }
}

#[test]
fn eine_csv_ohne_struktur_wird_abgelehnt() {
    let k = crate::umfrage::leere_ausgabe_2026();
    let quelle = crate::common::projekt().join("tests/fixtures/limesurvey/6.4.2");
    std::fs::create_dir_all(k.datei("umfrage")).unwrap();
    std::fs::copy(
        quelle.join("export_code_short.csv"),
        k.datei("umfrage/a.csv"),
    )
    .unwrap();
    let o = cli(
        k.pfad(),
        &[
            "survey",
            "import",
            "--responses",
            "umfrage/a.csv",
            "--edition",
            "2026",
        ],
    );
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{e}");
    assert!(
        e.contains("zu einer CSV-Datei fehlt die Umfragestruktur"),
        "{e}"
    );
    assert!(e.contains("--lss"), "{e}");
    assert!(!k.datei("data/2026/steckbriefe/goettingen.yaml").exists());
}

/// The real 6.4.2 export with its rows changed by `aendern` (the header
/// first), written as LimeSurvey writes it.
fn export_geaendert(aendern: impl Fn(&mut Vec<Vec<String>>)) -> String {
    let p = crate::common::projekt().join("tests/fixtures/limesurvey/6.4.2/export_code_short.csv");
    let text = std::fs::read_to_string(p).unwrap();
    let mut r = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let mut zeilen: Vec<Vec<String>> = r
        .records()
        .map(|z| z.unwrap().iter().map(str::to_owned).collect())
        .collect();
    aendern(&mut zeilen);
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .quote_style(csv::QuoteStyle::Always)
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    for z in &zeilen {
        w.write_record(z).unwrap();
    }
    format!(
        "\u{feff}{}",
        String::from_utf8(w.into_inner().unwrap()).unwrap()
    )
}

fn import_von(text: &str) -> (Kopie, std::process::Output) {
    let k = crate::umfrage::leere_ausgabe_2026();
    k.schreiben(
        "umfrage/q.lss",
        &std::fs::read_to_string(
            crate::common::projekt().join("tests/fixtures/limesurvey/6.4.2/q.lss"),
        )
        .unwrap(),
    );
    k.schreiben("umfrage/a.csv", text);
    let o = cli(
        k.pfad(),
        &[
            "survey",
            "import",
            "--lss",
            "umfrage/q.lss",
            "--responses",
            "umfrage/a.csv",
            "--edition",
            "2026",
        ],
    );
    (k, o)
}

#[test]
fn eine_zweimal_abgeschickte_antwort_wird_einmal_uebernommen() {
    let (referenz, _) = importiert("6.4.2", Some("q.lss"), "export_code_short.csv");
    // Response 3 (a continued project) submitted again as response 6.
    let doppelt = |z: &mut Vec<Vec<String>>| {
        let mut kopie = z[3].clone();
        kopie[0] = "6".into();
        z.push(kopie);
    };
    let (k, o) = import_von(&export_geaendert(doppelt));
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{e}");
    assert!(
        e.contains(
            "Übersprungen, weil zweimal abgeschickt: Antwort 6 (dieselben Angaben wie Antwort 3)."
        ),
        "{e}"
    );
    assert_eq!(importierte_dateien(&k), importierte_dateien(&referenz));

    // With other answers it is not the same response: refused at its line.
    let anders = |z: &mut Vec<Vec<String>>| {
        doppelt(z);
        let name = z[0].iter().position(|h| h == "projektname").unwrap();
        let letzte = z.len() - 1;
        z[letzte][name].push_str(" (Phase 2)");
    };
    let text = export_geaendert(anders);
    let zeile = text.lines().position(|z| z.starts_with("\"6\";")).unwrap() + 1;
    let (k, o) = import_von(&text);
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{e}");
    assert!(
        e.contains("Antwort 6 und Antwort 3 geben dem Projekt „"),
        "{e}"
    );
    assert!(e.contains(&format!("umfrage/a.csv:{zeile}:1")), "{e}");
    assert!(!k.datei("data/2026/steckbriefe/goettingen.yaml").exists());
}

#[test]
fn ein_fehler_einer_antwort_steht_an_ihrer_ersten_zeile() {
    // Response 3 starts after response 2, whose texts span several lines.
    let text = export_geaendert(|z| {
        let lk = z[0].iter().position(|h| h == "LK").unwrap();
        z[3][lk] = "K99".into();
    });
    let zeile = text.lines().position(|z| z.starts_with("\"3\";")).unwrap() + 1;
    let (_, o) = import_von(&text);
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{e}");
    assert!(e.contains("Antwort 3, Frage LK, Spalte „LK“: „K99“"), "{e}");
    assert!(e.contains(&format!("umfrage/a.csv:{zeile}:1")), "{e}");
    // The wrong code is the one problem, not also "no Landkreis".
    assert!(!e.contains("kein Landkreis angegeben"), "{e}");
}
