//! `survey inspect` and `survey questionnaire`: LimeSurvey's survey
//! structure read (current and older exports) and written from the model.

mod common;

use common::{Kopie, cli, stderr, stdout};
use kataster_report::load::lade_edition;
use kataster_report::model::{FELDER, FeldArt};
use kataster_report::umfrage::{fragebogen, lss};
use serde_json::{Value, json};

/// The questionnaire of 2025, written by the command into the copy `k`.
fn fragebogen_2025(k: &Kopie) -> String {
    let o = cli(
        k.pfad(),
        &[
            "survey",
            "questionnaire",
            "--edition",
            "2025",
            "--out",
            "umfrage/fragebogen.lss",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    k.lesen("umfrage/fragebogen.lss")
}

#[test]
fn fragebogen_fragt_jedes_feld_mit_dem_vokabular_und_liest_sich_zurueck() {
    let k = Kopie::neu();
    let text = fragebogen_2025(&k);
    // The sections of a LimeSurvey 6 export, each with fields and CDATA rows.
    for abschnitt in [
        "answers",
        "answer_l10ns",
        "groups",
        "group_l10ns",
        "questions",
        "subquestions",
        "question_l10ns",
        "surveys",
        "surveys_languagesettings",
    ] {
        assert!(
            text.contains(&format!(" <{abschnitt}>\n  <fields>")),
            "{abschnitt}"
        );
    }
    assert!(text.contains("<DBVersion>623</DBVersion>"));
    assert!(text.contains("<title><![CDATA[anbieterProdukt]]></title>"));

    let u = lss::lesen(&text).expect("liest sich zurück");
    assert_eq!(u.languages, vec!["de"]);
    let g = lade_edition(&common::projekt(), "2025").unwrap();
    let v = &g.edition.vokabular;
    let steckbrief: Vec<&lss::Frage> = u
        .questions
        .iter()
        .filter(|f| f.gruppe == "Projektsteckbrief")
        .collect();
    assert_eq!(steckbrief.len(), FELDER.len());
    for (f, q) in FELDER.iter().zip(&steckbrief) {
        assert_eq!(q.code, fragebogen::frage_code(f.schluessel));
        assert_eq!(q.text, f.bezeichnung);
        let werte = |name: &str| -> Vec<String> {
            v.liste(name)
                .unwrap()
                .iter()
                .map(|e| e.wert.clone())
                .collect()
        };
        let texte = |o: &[lss::Option_]| o.iter().map(|x| x.text.clone()).collect::<Vec<_>>();
        match f.art {
            FeldArt::Text => {
                assert!(q.typ == "S" || q.typ == "T", "{}: {}", q.code, q.typ);
                assert!(q.subquestions.is_empty() && q.answers.is_empty() && !q.other);
            }
            FeldArt::Einfach(name) => {
                assert_eq!((q.typ.as_str(), q.other), ("L", true), "{}", q.code);
                assert_eq!(texte(&q.answers), werte(name), "{}", q.code);
            }
            FeldArt::Mehrfach(name) => {
                assert_eq!((q.typ.as_str(), q.other), ("M", true), "{}", q.code);
                assert_eq!(texte(&q.subquestions), werte(name), "{}", q.code);
                assert_eq!(q.subquestions[0].code, "SQ001");
            }
        }
    }
    // Tabelle 1: the Landkreis from a dropdown of all Landkreise, the rest.
    let lk = &u.questions[0];
    assert_eq!((lk.code.as_str(), lk.typ.as_str()), ("LK", "!"));
    for l in &g.edition.landkreise {
        assert!(
            lk.answers.iter().any(|a| a.text == l.name),
            "{} fehlt",
            l.name
        );
    }
    let codes: Vec<&str> = u
        .questions
        .iter()
        .filter(|f| f.gruppe == "Landkreis")
        .map(|f| f.code.as_str())
        .collect();
    assert_eq!(codes.len(), fragebogen::LANDKREIS_FRAGEN.len());
    // The same bytes again.
    assert_eq!(fragebogen_2025(&k), text);
}

#[test]
fn inspect_liest_einen_aelteren_export_in_zwei_sprachen() {
    let k = Kopie::neu();
    std::fs::create_dir_all(k.datei("umfrage")).unwrap();
    std::fs::copy(
        common::projekt().join("tests/fixtures/umfrage/alt-zweisprachig.lss"),
        k.datei("umfrage/alt.lss"),
    )
    .unwrap();
    let o = cli(
        k.pfad(),
        &["survey", "inspect", "umfrage/alt.lss", "--format", "json"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let json: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(
        json,
        json!({
            "title": "KI-Projekte 2023",
            "languages": ["de", "en"],
            "questions": [
                {"code": "LK", "type": "S", "text": "Name des Landkreises", "other": false,
                 "subquestions": [], "answers": []},
                {"code": "Status", "type": "L", "text": "Wie ist der Projektstatus?", "other": true,
                 "subquestions": [],
                 "answers": [{"code": "A1", "text": "Geplant"}, {"code": "A2", "text": "In Umsetzung"}]},
                {"code": "Tech", "type": "M", "text": "Technologien & Werkzeuge", "other": false,
                 "subquestions": [{"code": "SQ001", "text": "Robotic-Process-Automation (RPA)"},
                                  {"code": "SQ002", "text": "ChatBot"}],
                 "answers": []}
            ]
        })
    );
    let o = cli(k.pfad(), &["survey", "inspect", "umfrage/alt.lss"]);
    let t = stdout(&o);
    assert!(t.contains("Gruppe „Projekt“"), "{t}");
    assert!(
        t.contains("  Status [L] Wie ist der Projektstatus? (mit „Sonstiges“)"),
        "{t}"
    );
    assert!(t.contains("      Teilfrage SQ002: ChatBot"), "{t}");
}

#[test]
fn kaputtes_xml_und_fremde_dateien_werden_gemeldet() {
    let k = Kopie::neu();
    let faelle: [(&str, &str, &str); 3] = [
        (
            "kaputt.lss",
            "<document>\n<LimeSurveyDocType>Survey</LimeSurveyDocType>\n<rows><row>\n</document>\n",
            "kaputt.lss:",
        ),
        (
            "fremd.lss",
            "<html><body>kein Export</body></html>",
            "keine LimeSurvey-Umfragestruktur",
        ),
        ("leer.lss", "", "keine LimeSurvey-Umfragestruktur"),
    ];
    for (datei, inhalt, erwartet) in faelle {
        k.schreiben(&format!("umfrage/{datei}"), inhalt);
        let o = cli(
            k.pfad(),
            &["survey", "inspect", &format!("umfrage/{datei}")],
        );
        let e = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "{datei}: {e}");
        assert!(e.contains(erwartet), "{datei}: {e}");
        assert!(e.contains("Umfragestruktur (.lss) erneut"), "{datei}: {e}");
    }
    // A file outside the project is not read.
    let aussen = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(
        aussen.path(),
        "<document><LimeSurveyDocType>Survey</LimeSurveyDocType></document>",
    )
    .unwrap();
    let o = cli(
        k.pfad(),
        &["survey", "inspect", aussen.path().to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("außerhalb des Projektordners"),
        "{}",
        stderr(&o)
    );
}
