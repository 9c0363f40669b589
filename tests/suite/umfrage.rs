//! `survey inspect` and `survey questionnaire`: LimeSurvey's survey
//! structure read (current and older exports) and written from the model.

use crate::common;

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
    // The field lists of a real LimeSurvey 6.6 export (DBVersion 623, the
    // test survey 478651 of LimeSurvey's own repository).
    let doc = lss::dokument(&text).unwrap();
    let echt: [(&str, &str); 4] = [
        (
            "questions",
            "qid parent_qid sid gid type title preg other mandatory encrypted question_order scale_id same_default relevance question_theme_name modulename same_script",
        ),
        (
            "group_l10ns",
            "id gid group_name description language sid group_order randomization_group grelevance",
        ),
        ("question_l10ns", "id qid question help script language"),
        (
            "surveys_languagesettings",
            "surveyls_survey_id surveyls_language surveyls_title surveyls_description surveyls_welcometext surveyls_endtext surveyls_policy_notice surveyls_policy_error surveyls_policy_notice_label surveyls_url surveyls_urldescription surveyls_email_invite_subj surveyls_email_invite surveyls_email_remind_subj surveyls_email_remind surveyls_email_register_subj surveyls_email_register surveyls_email_confirm_subj surveyls_email_confirm surveyls_dateformat surveyls_attributecaptions surveyls_alias email_admin_notification_subj email_admin_notification email_admin_responses_subj email_admin_responses surveyls_numberformat attachments",
        ),
    ];
    for (abschnitt, felder) in echt {
        assert_eq!(doc.felder[abschnitt].join(" "), felder, "{abschnitt}");
    }
    assert_eq!(doc.felder["surveys"].len(), 58);
    assert_eq!(
        doc.felder["surveys"].last().map(String::as_str),
        Some("tokenencryptionoptions")
    );
    assert!(text.contains("<title><![CDATA[anbieterProdukt]]></title>"));

    let u = lss::lesen(&text).expect("liest sich zurück");
    assert_eq!(u.languages, vec!["de"]);
    let g = lade_edition(&common::projekt(), "2025").unwrap();
    let v = &g.edition.vokabular;
    let steckbrief: Vec<&lss::Frage> = u
        .questions
        .iter()
        .filter(|f| f.gruppe == "Projektsteckbrief" && f.code != fragebogen::KENNUNG)
        .collect();
    assert_eq!(steckbrief.len(), FELDER.len());
    for (f, q) in FELDER.iter().zip(&steckbrief) {
        assert_eq!(q.code, fragebogen::frage_code(f.schluessel));
        assert_eq!(q.text, f.bezeichnung);
        // Every value asked: not the published ones never asked, not the
        // spelling variants, and one "Sonstiges" (LimeSurvey's, with a text).
        let werte = |name: &str| -> Vec<String> {
            v.liste(name)
                .unwrap()
                .iter()
                .filter(|e| !e.ausserhalb_umfrage && e.variante_von.is_none())
                .filter(|e| e.wert != "Sonstiges")
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
        let sonstiges = |o: &[lss::Option_]| o.iter().filter(|x| x.text == "Sonstiges").count();
        assert_eq!(
            sonstiges(&q.answers) + sonstiges(&q.subquestions),
            0,
            "{}",
            q.code
        );
    }
    let status = steckbrief
        .iter()
        .find(|q| q.code == "projektstatus")
        .unwrap();
    assert!(!status.answers.iter().any(|a| a.text == "Erprobung"));
    let betrieb = steckbrief
        .iter()
        .find(|q| q.code == "betriebsmodell")
        .unwrap();
    assert_eq!(
        betrieb
            .answers
            .iter()
            .filter(|a| a.text.starts_with("kommunale Datenzentrale"))
            .count(),
        1,
        "eine Schreibweise"
    );
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
    assert_eq!(codes.len(), fragebogen::landkreis_fragen().len());
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

/// How a response export is written (the options of LimeSurvey's export).
#[derive(Clone, Copy)]
pub(crate) struct Variante {
    trenner: u8,
    bom: bool,
    /// Full answer texts instead of codes.
    volltext: bool,
    /// Expression Manager headings `Q_SQ001` instead of `Q[SQ001]`.
    em: bool,
}

impl Variante {
    /// Codes, comma, no BOM, bracket headings.
    pub(crate) const SCHLICHT: Variante = Variante {
        trenner: b',',
        bom: false,
        volltext: false,
        em: false,
    };
}

/// A response export of the 2025 data to the questionnaire `u`, as the
/// respondents can give them.
fn antworten_2025(u: &lss::Umfrage, v: Variante) -> String {
    let g = lade_edition(&common::projekt(), "2025").unwrap();
    antworten(&wie_befragt(&g.edition), u, v)
}

/// The data as a respondent can give them in the questionnaire: a spelling
/// variant (`variante_von`) as its main form, a value never asked
/// (`ausserhalb_umfrage`, "Erprobung") as "Sonstiges" with its text, and a
/// bare "Sonstiges" of a multiple choice gone (LimeSurvey's free text there
/// has nothing to tick).
pub(crate) fn wie_befragt(e: &kataster_report::model::Edition) -> kataster_report::model::Edition {
    let vokabular = e.vokabular.clone();
    let umformen = |feld: &str, w: &str| -> Option<Value> {
        let eintrag = vokabular.eintrag(feld, w);
        Some(match eintrag {
            Some(x) if x.ausserhalb_umfrage => json!({ "sonstiges": w }),
            Some(x) if x.variante_von.is_some() => json!(x.variante_von),
            _ => json!(w),
        })
    };
    let mut e = e.clone();
    for datei in &mut e.steckbriefe {
        for s in &mut datei.steckbriefe {
            let mut v = serde_json::to_value(&*s).unwrap();
            for (feld, w) in v.as_object_mut().unwrap().iter_mut() {
                if vokabular.liste(feld).is_none() {
                    continue;
                }
                match w {
                    Value::String(t) => *w = umformen(feld, t).unwrap(),
                    Value::Array(liste) => {
                        let mut neu: Vec<Value> = Vec::new();
                        for a in liste.iter() {
                            let x = match a.as_str() {
                                Some("Sonstiges") => continue,
                                Some(t) => umformen(feld, t).unwrap(),
                                None => a.clone(),
                            };
                            if !neu.contains(&x) {
                                neu.push(x);
                            }
                        }
                        *liste = neu;
                    }
                    _ => {}
                }
            }
            *s = serde_json::from_value(v).unwrap();
        }
    }
    e
}

/// A response export of the data of `e` to the questionnaire `u`, as
/// LimeSurvey writes it: one response per fact sheet, one for each
/// Landkreis without any; every field quoted; plus one incomplete response.
pub(crate) fn antworten(
    e: &kataster_report::model::Edition,
    u: &lss::Umfrage,
    v: Variante,
) -> String {
    use kataster_report::model::{Antwort, FeldWert, Steckbrief};
    let spalte = |code: &str, teil: &str| {
        if v.em {
            format!("{code}_{teil}")
        } else {
            format!("{code}[{teil}]")
        }
    };
    let mut kopf: Vec<String> = ["id", "submitdate", "lastpage", "startlanguage", "seed"]
        .map(String::from)
        .to_vec();
    for q in &u.questions {
        if q.typ == "M" {
            kopf.extend(q.subquestions.iter().map(|s| spalte(&q.code, &s.code)));
        } else {
            kopf.push(q.code.clone());
        }
        if q.other {
            kopf.push(spalte(&q.code, "other"));
        }
    }
    let wahl = |q: &lss::Frage, text: &str| -> String {
        match q.answers.iter().find(|a| a.text == text) {
            Some(a) if v.volltext => a.text.clone(),
            Some(a) => a.code.clone(),
            None => panic!("{}: {text} fehlt", q.code),
        }
    };
    let ja = |b: bool| {
        if v.volltext {
            if b { "Ja" } else { "Nein" }
        } else if b {
            "J"
        } else {
            "N"
        }
    };
    let mut zeilen: Vec<Vec<String>> = Vec::new();
    let mut antwort = |l: &kataster_report::model::Landkreis,
                       s: Option<&Steckbrief>,
                       fertig: bool| {
        let mut z = vec![
            (zeilen.len() + 1).to_string(),
            if fertig {
                "2026-03-01 10:00:00".into()
            } else {
                String::new()
            },
            "2".into(),
            "de".into(),
            "123".into(),
        ];
        for q in &u.questions {
            let mut other = String::new();
            let p = &l.projekte;
            match q.code.as_str() {
                "LK" => z.push(wahl(q, &l.name)),
                "LKoe" => z.push(l.organisationseinheit.clone()),
                "LKverantwortung" => z.push(wahl(q, l.gesamtverantwortung.text())),
                "LKstrategie" => z.push(ja(l.ki_strategie).into()),
                "LKdigital" => z.push(ja(l.digitalstrategie_mit_ki).into()),
                "LKdienstanweisung" => z.push(ja(l.dienstanweisung).into()),
                "LKvzae" => z.push(l.vzae.0.to_string().replace('.', ",")),
                "LKabgeschlossen" => z.push(p.abgeschlossen.to_string()),
                "LKumsetzung" => z.push(p.in_umsetzung.to_string()),
                "LKgeplant" => z.push(p.geplant.to_string()),
                "kennung" => z.push(s.map(|s| s.id.clone()).unwrap_or_default()),
                code => {
                    let feld = FELDER
                        .iter()
                        .find(|f| fragebogen::frage_code(f.schluessel) == code)
                        .unwrap();
                    let wert = s.and_then(|s| s.wert(feld.schluessel));
                    match (q.typ.as_str(), wert) {
                        ("M", w) => {
                            let liste: &[Antwort] = match w {
                                Some(FeldWert::Mehrfach(l)) => l,
                                _ => &[],
                            };
                            for sq in &q.subquestions {
                                let an = liste.iter().any(|a| a.wert() == Some(sq.text.as_str()));
                                z.push(
                                    if an {
                                        if v.volltext { "Ja" } else { "Y" }
                                    } else {
                                        ""
                                    }
                                    .into(),
                                );
                            }
                            other = liste
                                .iter()
                                .filter(|a| a.wert().is_none())
                                .map(Antwort::text)
                                .collect::<Vec<_>>()
                                .join("; ");
                        }
                        // A bare "Sonstiges": LimeSurvey's own, without a text.
                        ("L", Some(FeldWert::Einfach(Antwort::Wert(w)))) if w == "Sonstiges" => {
                            z.push(if v.volltext { "Sonstiges" } else { "-oth-" }.into());
                        }
                        ("L", Some(FeldWert::Einfach(Antwort::Wert(w)))) => z.push(wahl(q, w)),
                        ("L", Some(FeldWert::Einfach(a))) => {
                            z.push(if v.volltext { "Sonstiges" } else { "-oth-" }.into());
                            other = a.text().to_owned();
                        }
                        (_, Some(FeldWert::Text(t))) => z.push(t.to_owned()),
                        _ => z.push(String::new()),
                    }
                }
            }
            if q.other {
                z.push(other);
            }
        }
        zeilen.push(z);
    };
    for l in &e.landkreise {
        let mut eigene = e
            .alle_steckbriefe()
            .filter(|(lk, _)| *lk == l.name)
            .peekable();
        if eigene.peek().is_none() {
            antwort(l, None, true);
        }
        for (_, s) in eigene {
            antwort(l, Some(s), true);
        }
    }
    antwort(&e.landkreise[0], None, false);
    let mut w = csv::WriterBuilder::new()
        .delimiter(v.trenner)
        .quote_style(csv::QuoteStyle::Always)
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    w.write_record(&kopf).unwrap();
    for z in &zeilen {
        w.write_record(z).unwrap();
    }
    let text = String::from_utf8(w.into_inner().unwrap()).unwrap();
    if v.bom {
        format!("\u{feff}{text}")
    } else {
        text
    }
}

/// A fact sheet for comparing what a response export can carry: answers
/// of a multiple choice as a set (LimeSurvey keeps no order), its
/// "Sonstiges" texts as one (it has one text field), an empty field as no
/// field (the CSV cannot tell them apart).
fn vergleichbar(s: &kataster_report::model::Steckbrief) -> Value {
    let mut v = serde_json::to_value(s).unwrap();
    v.as_object_mut()
        .unwrap()
        .retain(|_, w| !(w.as_str() == Some("") || w.as_array().is_some_and(Vec::is_empty)));
    for (_, w) in v.as_object_mut().unwrap().iter_mut() {
        if let Value::Array(liste) = w {
            let sonstige: Vec<String> = liste
                .iter()
                .filter_map(|a| a["sonstiges"].as_str().map(str::to_owned))
                .collect();
            let mut werte: Vec<Value> = liste.iter().filter(|a| a.is_string()).cloned().collect();
            werte.sort_by_key(|a| a.to_string());
            if !sonstige.is_empty() {
                werte.push(json!({"sonstiges": sonstige.join("; ")}));
            }
            *liste = werte;
        }
    }
    v
}

/// A copy with an empty edition 2026, the questionnaire and a response
/// export of the 2025 data in `umfrage/`.
/// A copy of the project with an empty edition 2026 made from 2025.
pub(crate) fn leere_ausgabe_2026() -> Kopie {
    let k = Kopie::neu();
    let o = cli(
        k.pfad(),
        &[
            "new-edition",
            "2026",
            "--from",
            "2025",
            "--datum",
            "2026-03-01",
            "--leer",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    k
}

pub(crate) fn mit_antworten(v: Variante) -> Kopie {
    let k = leere_ausgabe_2026();
    let lss_text = fragebogen_2025(&k);
    let u = lss::lesen(&lss_text).unwrap();
    k.schreiben("umfrage/antworten.csv", &antworten_2025(&u, v));
    k
}

pub(crate) fn importieren(k: &Kopie, zusatz: &[&str]) -> std::process::Output {
    importieren_aus(k, "umfrage/antworten.csv", zusatz)
}

fn importieren_aus(k: &Kopie, antworten: &str, zusatz: &[&str]) -> std::process::Output {
    let mut args = vec![
        "survey",
        "import",
        "--lss",
        "umfrage/fragebogen.lss",
        "--responses",
        antworten,
        "--edition",
        "2026",
    ];
    args.extend(zusatz);
    cli(k.pfad(), &args)
}

#[test]
fn import_ergibt_die_daten_von_2025_in_jeder_exportvariante() {
    let varianten = [
        Variante {
            trenner: b',',
            bom: true,
            volltext: false,
            em: false,
        },
        Variante {
            trenner: b';',
            bom: false,
            volltext: true,
            em: true,
        },
    ];
    let alt = wie_befragt(&lade_edition(&common::projekt(), "2025").unwrap().edition);
    for v in varianten {
        let k = mit_antworten(v);
        let o = importieren(&k, &[]);
        let e = stderr(&o);
        assert!(o.status.success(), "{e}");
        assert!(e.contains("19 Landkreise und 69 Steckbriefe"), "{e}");
        assert!(
            e.contains("nicht abgeschlossen (ohne Abschlussdatum): Antwort 73."),
            "{e}"
        );
        let neu = lade_edition(k.pfad(), "2026")
            .unwrap_or_else(|(d, _)| panic!("{d:?}"))
            .edition;
        let mut a = alt.landkreise.clone();
        a.sort_by(|x, y| x.name.cmp(&y.name));
        assert_eq!(neu.landkreise, a);
        let sortiert = |e: &kataster_report::model::Edition| {
            let mut s: Vec<(String, Value)> = e
                .alle_steckbriefe()
                .map(|(lk, s)| (lk.to_owned(), vergleichbar(s)))
                .collect();
            s.sort_by(|x, y| x.1["id"].to_string().cmp(&y.1["id"].to_string()));
            s
        };
        let (x, y) = (sortiert(&neu), sortiert(&alt));
        assert_eq!(x.len(), 69);
        for (n, a) in x.iter().zip(&y) {
            assert_eq!(n, a);
        }
        // The imported edition passes check.
        let o = cli(k.pfad(), &["check", "--edition", "2026"]);
        assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    }
}

#[test]
fn import_ueberschreibt_nichts_ohne_force() {
    let k = mit_antworten(Variante::SCHLICHT);
    assert!(importieren(&k, &[]).status.success());
    // A second import over edited data: refused with the list, then --force.
    k.ersetzen(
        "data/2026/steckbriefe/celle.yaml",
        "Chat- & Voicebot",
        "Chatbot (bearbeitet)",
    );
    let o = importieren(&k, &[]);
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{e}");
    assert!(
        e.contains("data/2026/steckbriefe/celle.yaml: geändert"),
        "{e}"
    );
    assert!(
        k.lesen("data/2026/steckbriefe/celle.yaml")
            .contains("Chatbot (bearbeitet)")
    );
    let o = importieren(&k, &["--force"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        !k.lesen("data/2026/steckbriefe/celle.yaml")
            .contains("Chatbot (bearbeitet)")
    );
}

#[test]
fn fehler_der_antworten_werden_zusammen_und_mit_ort_gemeldet() {
    let k = mit_antworten(Variante::SCHLICHT);
    let text = k.lesen("umfrage/antworten.csv");
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let mut kopf: Vec<String> = r.headers().unwrap().iter().map(str::to_owned).collect();
    let mut saetze: Vec<Vec<String>> = r
        .records()
        .map(|s| s.unwrap().iter().map(str::to_owned).collect())
        .collect();
    // Response 1: an unknown answer code; response 2: no Landkreis.
    saetze[0][5] = "K99".into();
    saetze[1][5] = String::new();
    // Responses 3 and 4 (both Celle): different rows of Tabelle 1.
    let oe = kopf.iter().position(|c| c == "LKoe").unwrap();
    saetze[3][oe] = "Andere Stelle".into();
    // A column missing: the first subquestion of Technologien.
    let weg = kopf
        .iter()
        .position(|c| c == "technologien[SQ001]")
        .unwrap();
    kopf.remove(weg);
    for z in &mut saetze {
        z.remove(weg);
    }
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(&kopf).unwrap();
    for z in &saetze {
        w.write_record(z).unwrap();
    }
    k.schreiben(
        "umfrage/antworten.csv",
        &String::from_utf8(w.into_inner().unwrap()).unwrap(),
    );
    let o = importieren(&k, &[]);
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{e}");
    assert!(e.contains("die Spalte „technologien[SQ001]“ fehlt"), "{e}");
    assert!(
        e.contains("Antwort 1, Frage LK, Spalte „LK“: „K99“ – erwartet einen der Codes K01, K02"),
        "{e}"
    );
    assert!(e.contains("antworten.csv:2:"), "{e}");
    assert!(
        e.contains("Antwort 2: kein Landkreis angegeben (Frage LK)"),
        "{e}"
    );
    assert!(
        e.contains("Antwort 4 gibt für Celle andere Angaben zu Tabelle 1 als Antwort 3"),
        "{e}"
    );
    assert!(e.contains("Es wurde nichts übernommen."), "{e}");
    assert!(!k.datei("data/2026/steckbriefe/celle.yaml").exists());
}

/// `survey map` proposes a mapping for a foreign survey from the texts of
/// its questions and answers, lists what it could not match, and never
/// replaces an existing mapping.
#[test]
fn map_schlaegt_eine_zuordnung_nach_den_texten_vor() {
    let k = Kopie::neu();
    std::fs::create_dir_all(k.datei("umfrage")).unwrap();
    std::fs::copy(
        common::projekt().join("tests/fixtures/umfrage/alt-zweisprachig.lss"),
        k.datei("umfrage/alt.lss"),
    )
    .unwrap();
    let args = ["survey", "map", "umfrage/alt.lss", "--edition", "2025"];
    let o = cli(k.pfad(), &args);
    let e = stderr(&o);
    assert!(o.status.success(), "{e}");
    assert!(
        e.contains("Steckbrief, Feld projektname: keine Frage „Projektname“"),
        "{e}"
    );
    let z: kataster_report::umfrage::zuordnung::Zuordnung =
        serde_saphyr::from_str(&k.lesen("data/2025/umfrage.yaml")).unwrap();
    assert_eq!(z.landkreis, "LK");
    assert_eq!(z.felder["projektstatus"], "Status");
    assert_eq!(z.felder["technologien"], "Tech");
    assert!(!z.felder.contains_key("projektname"));
    assert!(
        k.lesen("data/2025/umfrage.yaml")
            .starts_with("# yaml-language-server: $schema=../schema/umfrage.schema.json")
    );
    // Never over an existing mapping.
    let o = cli(k.pfad(), &args);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("gibt es schon"), "{}", stderr(&o));
}

/// A survey archive (`.lsa`): the responses as `.lsr` XML, columns named
/// `{sid}X{gid}X{qid}…`, empty values left out, in a zip.
fn als_archiv(k: &Kopie) -> Vec<u8> {
    use std::io::Write;
    let u = lss::lesen(&k.lesen("umfrage/fragebogen.lss")).unwrap();
    let text = k.lesen("umfrage/antworten.csv");
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let kopf: Vec<String> = r
        .headers()
        .unwrap()
        .iter()
        .map(|h| {
            let (code, teil) = match h.split_once('[') {
                Some((c, t)) => (c, t.trim_end_matches(']')),
                None => (h, ""),
            };
            match u.questions.iter().find(|f| f.code == code) {
                Some(f) => format!("_{}X{}X{}{teil}", u.sid, f.gid, f.qid),
                None => h.to_owned(),
            }
        })
        .collect();
    let mut lsr = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<document>\n <LimeSurveyDocType>Responses</LimeSurveyDocType>\n \
         <DBVersion>623</DBVersion>\n <languages><language>de</language></languages>\n <responses>\n  <fields>",
    );
    for name in &kopf {
        lsr.push_str(&format!(
            "<fieldname>{}</fieldname>",
            name.trim_start_matches('_')
        ));
    }
    lsr.push_str("</fields>\n  <rows>\n");
    for satz in r.records() {
        lsr.push_str("   <row>");
        for (name, wert) in kopf.iter().zip(satz.unwrap().iter()) {
            if !wert.is_empty() {
                lsr.push_str(&format!("<{name}><![CDATA[{wert}]]></{name}>"));
            }
        }
        lsr.push_str("</row>\n");
    }
    lsr.push_str("  </rows>\n </responses>\n</document>\n");
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file(format!("survey_{}.lss", u.sid), stored)
        .unwrap();
    zip.write_all(k.lesen("umfrage/fragebogen.lss").as_bytes())
        .unwrap();
    zip.start_file(format!("survey_{}_responses.lsr", u.sid), stored)
        .unwrap();
    zip.write_all(lsr.as_bytes()).unwrap();
    zip.finish().unwrap().into_inner()
}

#[test]
fn import_liest_ein_umfragearchiv() {
    let k = mit_antworten(Variante::SCHLICHT);
    std::fs::write(k.datei("umfrage/archiv.lsa"), als_archiv(&k)).unwrap();
    let o = importieren_aus(&k, "umfrage/archiv.lsa", &[]);

    let e = stderr(&o);
    assert!(o.status.success(), "{e}");
    assert!(e.contains("19 Landkreise und 69 Steckbriefe"), "{e}");
    let neu = lade_edition(k.pfad(), "2026")
        .unwrap_or_else(|(d, _)| panic!("{d:?}"))
        .edition;
    let alt = lade_edition(&common::projekt(), "2025").unwrap().edition;
    let celle = |e: &kataster_report::model::Edition| {
        e.alle_steckbriefe()
            .find(|(_, s)| s.id == "celle-infektionsmeldungen")
            .map(|(_, s)| vergleichbar(s))
            .unwrap()
    };
    assert_eq!(celle(&neu), celle(&alt));
    // Not a zip: a located German message.
    k.schreiben("umfrage/kaputt.lsa", "kein Archiv");
    let o = importieren_aus(&k, "umfrage/kaputt.lsa", &["--force"]);

    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("kein lesbares Umfragearchiv"),
        "{}",
        stderr(&o)
    );
}
