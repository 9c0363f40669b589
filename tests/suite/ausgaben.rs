//! Editions that live on: each edition names its own layout, so that a new
//! edition's layout never changes an earlier one.

use crate::common;

use common::{Kopie, cli, stderr, stdout};

#[test]
fn jede_ausgabe_nennt_ihr_layout_und_ein_unbekanntes_wird_gemeldet() {
    let k = Kopie::klein();
    let datei = "data/klein/edition.yaml";
    k.ersetzen(datei, "layout: klein", "layout: klain");
    let zeile = k.zeile(datei, "layout: klain");
    let o = cli(k.pfad(), &["check", "--edition", "klein"]);
    let text = format!("{}{}", stdout(&o), stderr(&o));
    assert_eq!(o.status.code(), Some(1), "{text}");
    assert!(
        text.contains(&format!("{datei}:{zeile}"))
            && text.contains("das Layout „klain“ gibt es nicht"),
        "{text}"
    );
    assert!(text.contains("meinten Sie „klein“?"), "{text}");
}

#[test]
fn das_layout_einer_ausgabe_aendert_keine_andere() {
    // Two editions with two layouts in one project: building the one with
    // a changed layout leaves the other's PDF byte for byte as it was.
    let k = Kopie::klein();
    let pdf = |k: &Kopie| {
        let o = cli(
            k.pfad(),
            &["build", "--edition", "klein", "--out", "ziel", "--force"],
        );
        assert!(o.status.success(), "{}", stderr(&o));
        std::fs::read(k.datei("ziel/ki-kataster-klein-v0.1.pdf")).unwrap()
    };
    let vorher = pdf(&k);
    // A second edition on its own copy of the layout, changed.
    common::kopiere_ordner(&k.datei("data/klein"), &k.datei("data/zwei"));
    common::kopiere_ordner(
        &k.datei("report/kapitel/klein"),
        &k.datei("report/kapitel/zwei"),
    );
    common::kopiere_ordner(
        &k.datei("report/layout/klein"),
        &k.datei("report/layout/zwei"),
    );
    k.ersetzen("data/zwei/edition.yaml", "layout: klein", "layout: zwei");
    k.ersetzen("report/layout/zwei/lib.typ", "\"Angabe\"", "\"Antwort\"");
    let o = cli(k.pfad(), &["build", "--edition", "zwei", "--out", "ziel"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let zwei = std::fs::read(k.datei("ziel/ki-kataster-zwei-v0.1.pdf")).unwrap();
    assert!(
        common::pdf_text(&zwei).contains("Feld Antwort"),
        "das geänderte Layout wirkt"
    );
    assert_eq!(
        pdf(&k),
        vorher,
        "das Layout von „zwei“ hat „klein“ verändert"
    );
}

/// Runs the command and returns (exit code, stdout + stderr).
fn lauf(k: &Kopie, args: &[&str]) -> (Option<i32>, String) {
    let o = cli(k.pfad(), args);
    (o.status.code(), format!("{}{}", stdout(&o), stderr(&o)))
}

#[test]
fn freigabe_wird_festgehalten_und_verify_nennt_jede_aenderung() {
    let k = Kopie::klein();
    let (code, t) = lauf(&k, &["release", "--edition", "klein", "--out", "ziel"]);
    assert_eq!(code, Some(0), "{t}");
    let pdf = std::fs::read(k.datei("ziel/ki-kataster-klein-v0.1.pdf")).unwrap();
    let freigaben = k.lesen("data/klein/freigaben.yaml");
    assert!(freigaben.contains("version: \"0.1\""), "{freigaben}");
    assert!(
        freigaben.contains(&kataster_report::ausgabe::freigabe::sha256(&pdf)),
        "{freigaben}"
    );
    let (code, t) = lauf(&k, &["verify", "--edition", "klein"]);
    assert_eq!(code, Some(0), "{t}");
    assert!(t.contains("Version 0.1: byte-gleich"), "{t}");

    // Never a second record of the same version.
    let (code, t) = lauf(&k, &["release", "--edition", "klein", "--out", "ziel2"]);
    assert_eq!(code, Some(1), "{t}");
    assert!(
        t.contains("Version 0.1 der Ausgabe klein ist bereits freigegeben"),
        "{t}"
    );
    assert_eq!(k.lesen("data/klein/freigaben.yaml"), freigaben);

    // A change to a data value, a layout file or a font: verify fails and
    // names the input; a build of the released version is refused, even
    // with --force, and the released PDF stays.
    type Aendern = fn(&Kopie);
    let faelle: [(&str, Aendern); 3] = [
        ("data/klein/steckbriefe/peine.yaml", |k| {
            k.ersetzen(
                "data/klein/steckbriefe/peine.yaml",
                "Rechnungseingang",
                "Rechnungsausgang",
            )
        }),
        ("report/layout/klein/lib.typ", |k| {
            k.ersetzen("report/layout/klein/lib.typ", "\"Angabe\"", "\"Antwort\"")
        }),
        ("fonts/Inter-Regular.otf", |k| {
            std::fs::copy(
                k.datei("fonts/Inter-Bold.otf"),
                k.datei("fonts/Inter-Regular.otf"),
            )
            .unwrap();
        }),
    ];
    for (datei, aendern) in faelle {
        let vorher = std::fs::read(k.datei(datei)).unwrap();
        aendern(&k);
        let (code, t) = lauf(&k, &["verify", "--edition", "klein"]);
        assert_eq!(code, Some(1), "{datei}: {t}");
        assert!(
            t.contains(&format!("erste geänderte Eingabe: {datei} geändert")),
            "{t}"
        );
        let (code, t) = lauf(
            &k,
            &["build", "--edition", "klein", "--out", "ziel", "--force"],
        );
        assert_eq!(code, Some(1), "{datei}: {t}");
        assert!(
            t.contains("ist freigegeben")
                || t.contains("ist von Ausgabe klein Version 0.1 freigegeben"),
            "{t}"
        );
        assert_eq!(
            std::fs::read(k.datei("ziel/ki-kataster-klein-v0.1.pdf")).unwrap(),
            pdf
        );
        std::fs::write(k.datei(datei), vorher).unwrap();
    }
    let (code, t) = lauf(&k, &["verify", "--edition", "klein"]);
    assert_eq!(code, Some(0), "{t}");
    // A change without effect on the PDF (a comment) passes, with a note.
    let glossar = k.lesen("data/klein/glossar.yaml");
    k.schreiben(
        "data/klein/glossar.yaml",
        &format!("# Kommentar\n{glossar}"),
    );
    let (code, t) = lauf(&k, &["verify", "--edition", "klein"]);
    assert_eq!(code, Some(0), "{t}");
    assert!(
        t.contains("ohne Wirkung auf das PDF: data/klein/glossar.yaml geändert"),
        "{t}"
    );
    k.schreiben("data/klein/glossar.yaml", &glossar);

    // A new version that says why: the old one is superseded, the new one
    // can be released and verified.
    k.ersetzen(
        "data/klein/edition.yaml",
        "historie:\n",
        "historie:\n  - version: \"0.2\"\n    datum: 2030-04-01\n    bearbeiter: Test\n    anmerkung: Projektname berichtigt\n",
    );
    k.ersetzen(
        "data/klein/steckbriefe/peine.yaml",
        "Rechnungseingang",
        "Rechnungseingang digital",
    );
    let (code, t) = lauf(&k, &["verify", "--edition", "klein"]);
    assert_eq!(code, Some(0), "{t}");
    assert!(t.contains("Version 0.1: abgelöst durch Version 0.2"), "{t}");
    let (code, t) = lauf(&k, &["release", "--edition", "klein", "--out", "ziel"]);
    assert_eq!(code, Some(0), "{t}");
    let (code, t) = lauf(&k, &["verify", "--edition", "klein"]);
    assert_eq!(code, Some(0), "{t}");
    assert!(t.contains("Version 0.2: byte-gleich"), "{t}");
    // Released, 0.2 took the change over: 0.1 stays superseded by it.
    assert!(t.contains("Version 0.1: abgelöst durch Version 0.2"), "{t}");
}

#[test]
fn die_freigaben_2025_werden_byte_gleich_nachgebaut() {
    let o = cli(&common::projekt(), &["verify", "--edition", "2025"]);
    let t = format!("{}{}", stdout(&o), stderr(&o));
    assert!(o.status.success(), "{t}");
    // Version 1.0 with the language markers added for 1.1: its layout tags
    // no languages, so they change nothing in its PDF.
    for v in ["1.0", "1.1"] {
        assert!(
            t.contains(&format!("Ausgabe 2025 Version {v}: byte-gleich nachgebaut")),
            "{t}"
        );
    }
}

#[test]
fn jedes_projekt_hat_eine_eindeutige_kennung() {
    let k = Kopie::klein();
    let datei = "data/klein/steckbriefe/gifhorn.yaml";
    // Missing: reported with a proposal from the Landkreis and the name.
    k.ersetzen(
        datei,
        "- id: gifhorn-antragspruefung\n  projektname",
        "- projektname",
    );
    let (code, t) = lauf(&k, &["check", "--edition", "klein"]);
    assert_eq!(code, Some(1), "{t}");
    assert!(t.contains("Pflichtfeld „id“ fehlt"), "{t}");
    assert!(
        t.contains("Vorschlag: „id: gifhorn-antragspruefung“"),
        "{t}"
    );
    // Twice in the edition: the second is reported, naming the first.
    k.ersetzen(
        datei,
        "- projektname: Antragsprüfung",
        "- id: celle-posteingang-mit-rpa\n  projektname: Antragsprüfung",
    );
    let zeile = k.zeile(
        "data/klein/steckbriefe/celle.yaml",
        "id: celle-posteingang-mit-rpa",
    );
    let (code, t) = lauf(&k, &["check", "--edition", "klein"]);
    assert_eq!(code, Some(1), "{t}");
    assert!(
        t.contains(&format!(
            "die Kennung „celle-posteingang-mit-rpa“ hat schon das Projekt in \
             data/klein/steckbriefe/celle.yaml:{zeile}"
        )),
        "{t}"
    );
    assert!(t.contains(datei), "{t}");
}

#[test]
fn new_edition_legt_eine_ausgabe_an_die_check_besteht() {
    let k = Kopie::klein();
    // An acknowledged deviation in the template edition, to be carried over.
    k.ersetzen(
        "report/kapitel/klein/01-ergebnisse.typ.hbs",
        "{{#behauptung \"landkreise_teilnehmend\" \"gleich\" 3}}drei{{/behauptung}}",
        "{{#behauptung \"landkreise_teilnehmend\" \"gleich\" 4}}vier{{/behauptung}}",
    );
    k.schreiben(
        "data/klein/abweichungen.yaml",
        "abweichungen:\n  - kapitel: 01-ergebnisse.typ.hbs\n    kennzahl: landkreise_teilnehmend\n    \
         wortlaut: vier\n    behauptet: gleich 4\n    berechnet: \"3\"\n    begruendung: So veröffentlicht.\nwebsite:\n  - befund: lizenz_fehlt\n    begruendung: Die Testausgabe hat keine Lizenz.\n",
    );
    let (code, t) = lauf(&k, &["check", "--edition", "klein"]);
    assert_eq!(code, Some(0), "{t}");

    let neu = [
        "new-edition",
        "neu",
        "--from",
        "klein",
        "--datum",
        "2031-02-01",
    ];
    let (code, t) = lauf(&k, &neu);
    assert_eq!(code, Some(0), "{t}");
    let edition = k.lesen("data/neu/edition.yaml");
    for teil in [
        "jahr: 2031",
        "monat: 2",
        "layout: klein",
        "version: \"0.1\"",
        "anmerkung: Entwurf",
    ] {
        assert!(edition.contains(teil), "{teil} fehlt:\n{edition}");
    }
    assert!(
        !k.datei("data/neu/freigaben.yaml").exists(),
        "Freigaben gehören zur Vorlage"
    );
    // The layout is shared, not copied.
    assert!(!k.datei("report/layout/neu").exists());
    assert!(
        k.datei("report/kapitel/neu/01-ergebnisse.typ.hbs")
            .is_file()
    );
    assert!(k.datei("data/neu/schema/steckbriefe.schema.json").is_file());
    let (code, t) = lauf(&k, &["check", "--edition", "neu"]);
    assert_eq!(code, Some(0), "{t}");
    assert!(t.contains("(davon 1 übernommen und zu bestätigen)"), "{t}");
    assert!(
        t.contains("Zu bestätigen: übernommen aus Ausgabe klein"),
        "{t}"
    );
    let (code, t) = lauf(&k, &["build", "--edition", "neu", "--out", "ziel"]);
    assert_eq!(code, Some(0), "{t}");

    // Never over an existing edition; nothing changed by the refusal.
    let vorher = k.lesen("data/neu/edition.yaml");
    let (code, t) = lauf(&k, &neu);
    assert_eq!(code, Some(1), "{t}");
    assert!(t.contains("data/neu gibt es schon"), "{t}");
    assert_eq!(k.lesen("data/neu/edition.yaml"), vorher);

    // --leer: empty Tabelle 1, no fact sheets.
    let (code, t) = lauf(
        &k,
        &[
            "new-edition",
            "leer",
            "--from",
            "klein",
            "--datum",
            "2031-02-01",
            "--leer",
        ],
    );
    assert_eq!(code, Some(0), "{t}");
    assert!(
        k.lesen("data/leer/landkreise.yaml")
            .contains("landkreise: []")
    );
    assert_eq!(
        std::fs::read_dir(k.datei("data/leer/steckbriefe"))
            .unwrap()
            .count(),
        0
    );
}

#[test]
fn das_layout_der_neuen_ausgabe_laesst_2025_unveraendert() {
    let k = Kopie::neu();
    let (code, t) = lauf(
        &k,
        &[
            "new-edition",
            "2026",
            "--from",
            "2025",
            "--datum",
            "2026-03-01",
        ],
    );
    assert_eq!(code, Some(0), "{t}");
    // Comments name the new edition; the published text stays as it was.
    let celle = k.lesen("data/2026/steckbriefe/celle.yaml");
    assert!(
        celle.contains("(Ausgabe 2026, wie veröffentlicht)"),
        "{celle}"
    );
    let text = |p: &str| -> Vec<String> {
        k.lesen(p)
            .lines()
            .filter(|z| !z.starts_with("//"))
            .map(str::to_owned)
            .collect()
    };
    let einleitung = k.lesen("report/kapitel/2026/02-einleitung.typ.hbs");
    assert!(
        einleitung.contains("data/2026/quellen.yaml"),
        "Kommentar angepasst"
    );
    assert_eq!(
        text("report/kapitel/2026/02-einleitung.typ.hbs"),
        text("report/kapitel/2025/02-einleitung.typ.hbs"),
        "der Text des Kapitels ist unverändert"
    );
    // 2026 shares 2025's layout; a change to it is refused, since 2025
    // v1.1 was released with it, and the way to a new design is named.
    assert!(
        k.lesen("data/2026/edition.yaml")
            .contains("layout: 2025-barrierefrei")
    );
    let layouts = || std::fs::read_dir(k.datei("report/layout")).unwrap().count();
    assert_eq!(layouts(), 3, "2025, 2025-barrierefrei, 2026: keine Kopie");
    let lib = "report/layout/2025-barrierefrei/lib.typ";
    let echt = k.lesen(lib);
    k.ersetzen(lib, "\"Angabe\"", "\"Antwort\"");
    let (code, t) = lauf(&k, &["check", "--edition", "2026"]);
    assert_eq!(code, Some(1), "{t}");
    assert!(
        t.contains("das Layout „2025-barrierefrei“ ist von Ausgabe 2025 Version 1.1 freigegeben"),
        "{t}"
    );
    assert!(
        t.contains("kataster-report new-layout 2026-2 --from 2025-barrierefrei"),
        "{t}"
    );
    k.schreiben(lib, &echt);
    let (code, t) = lauf(&k, &["new-layout", "2026-2", "--from", "2025-barrierefrei"]);
    assert_eq!(code, Some(0), "{t}");
    assert_eq!(
        k.lesen("report/layout/2026-2/lib.typ"),
        echt,
        "Byte für Byte"
    );
    // The copy declares the contract it reads; the design stays.
    let g = k.lesen("report/layout/2026-2/gestaltung.yaml");
    assert!(
        g.starts_with(&k.lesen("report/layout/2025-barrierefrei/gestaltung.yaml"))
            && g.ends_with("\nvertrag: 1\n"),
        "{g}"
    );
    let (code, t) = lauf(&k, &["new-layout", "2026-2", "--from", "2025-barrierefrei"]);
    assert_eq!(code, Some(1), "{t}");
    assert!(t.contains("report/layout/2026-2 gibt es schon"), "{t}");
    k.ersetzen(
        "data/2026/edition.yaml",
        "layout: 2025-barrierefrei",
        "layout: \"2026-2\"",
    );
    k.ersetzen("report/layout/2026-2/lib.typ", "\"Angabe\"", "\"Antwort\"");
    let (code, t) = lauf(&k, &["check", "--edition", "2026"]);
    assert_eq!(code, Some(0), "{t}");
    let (code, t) = lauf(&k, &["verify", "--edition", "2025"]);
    assert_eq!(code, Some(0), "{t}");
    assert!(t.contains("Version 1.0: byte-gleich"), "{t}");
    assert!(t.contains("Version 1.1: byte-gleich"), "{t}");
}

/// The small edition and a follow-up `neu` with planted changes: a new
/// project, a dropped one, a renamed one (same id), a status move, a
/// changed Tabelle-1 row.
fn mit_folgeausgabe() -> Kopie {
    let k = Kopie::klein();
    let (code, t) = lauf(
        &k,
        &[
            "new-edition",
            "neu",
            "--from",
            "klein",
            "--datum",
            "2031-02-01",
        ],
    );
    assert_eq!(code, Some(0), "{t}");
    let d = "data/neu/steckbriefe";
    k.ersetzen(
        &format!("{d}/peine.yaml"),
        "steckbriefe:\n",
        "steckbriefe:\n- id: peine-neues-projekt\n  projektname: Neues Projekt\n  projektstatus: Geplant\n",
    );
    k.ersetzen(
        &format!("{d}/gifhorn.yaml"),
        "- id: gifhorn-antragspruefung\n  projektname: Antragsprüfung\n  projektstatus: Geplant\n  technologien:\n  - Robotic-Process-Automation (RPA)\n  betriebsmodell: 'Eigene IT / \"On Prem\"'",
        "",
    );
    k.ersetzen(
        &format!("{d}/celle.yaml"),
        "projektname: Chatbot Bürgerservice",
        "projektname: Chatbot Bürgerbüro",
    );
    k.ersetzen(
        &format!("{d}/gifhorn.yaml"),
        "projektstatus: In Umsetzung",
        "projektstatus: Abgeschlossen",
    );
    k.ersetzen("data/neu/landkreise.yaml", "vzae: 1.5", "vzae: 2");
    k
}

#[test]
fn diff_findet_die_gepflanzten_aenderungen() {
    let k = mit_folgeausgabe();
    let (code, t) = lauf(&k, &["diff", "--from", "klein", "--to", "neu"]);
    assert_eq!(code, Some(0), "{t}");
    for teil in [
        "Projekte: 1 neu, 1 entfallen, 4 fortgeführt (davon 1 umbenannt, 1 mit neuem Status",
        "peine-neues-projekt – Peine: „Neues Projekt“ (Geplant)",
        "gifhorn-antragspruefung – Gifhorn: „Antragsprüfung“ (Geplant)",
        "celle-chatbot-buergerservice: „Chatbot Bürgerservice“ → „Chatbot Bürgerbüro“",
        "gifhorn-protokolle-mit-scriba „Protokolle mit Scriba“: Projektstatus: „In Umsetzung“ → „Abgeschlossen“",
        "Celle: VZÄ für KI: „1,5“ → „2,0“",
        "* vzae_summe",
    ] {
        assert!(t.contains(teil), "„{teil}“ fehlt:\n{t}");
    }
    let (code, json) = lauf(
        &k,
        &["diff", "--from", "klein", "--to", "neu", "--format", "json"],
    );
    assert_eq!(code, Some(0), "{json}");
    let v: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(v["neu"][0]["id"], "peine-neues-projekt");
    assert_eq!(v["entfallen"][0]["id"], "gifhorn-antragspruefung");
    let kz = v["kennzahlen"].as_array().unwrap();
    assert!(
        kz.iter()
            .any(|k| k["name"] == "vzae_summe" && k["geaendert"] == true)
    );
    assert!(
        kz.iter()
            .any(|k| k["name"] == "landkreise_teilnehmend" && k["geaendert"] == false)
    );
}

#[test]
fn der_abschnitt_veraenderungen_steht_im_pdf() {
    let k = mit_folgeausgabe();
    k.ersetzen(
        "report/kapitel/neu/01-ergebnisse.typ.hbs",
        "Absatz zum Bearbeiten.",
        "== Veränderungen gegenüber der Ausgabe klein\n\n#veraenderungen()",
    );
    let text = common::pdf_text(&common::pdf_bytes_von(k.pfad(), "neu"));
    for teil in [
        "Gegenüber der Ausgabe klein ist ein Projekt neu hinzugekommen und ein Projekt entfallen.",
        "4 Projekte wurden fortgeführt; davon wurde ein Projekt seither abgeschlossen.",
        "Protokolle mit Scriba Gifhorn In Umsetzung Abgeschlossen",
        "VZÄ für KI insgesamt 3,0 3,5",
    ] {
        assert!(text.contains(teil), "„{teil}“ fehlt im PDF:\n{text}");
    }
}

#[test]
fn verify_2025_nennt_geaenderten_wert_layout_und_schrift() {
    let k = Kopie::neu();
    type Aendern = fn(&Kopie);
    // The changed file, and the versions whose PDF it changes: a value and
    // a font change both; each layout only the version set with it. A
    // change no later release took over never passes as "superseded".
    let faelle: [(&str, &[&str], Aendern); 4] = [
        ("data/2025/landkreise.yaml", &["1.0", "1.1"], |k| {
            k.ersetzen("data/2025/landkreise.yaml", "vzae: 1.5", "vzae: 1.6")
        }),
        ("report/layout/2025/lib.typ", &["1.0"], |k| {
            k.ersetzen("report/layout/2025/lib.typ", "\"Angabe\"", "\"Antwort\"")
        }),
        ("report/layout/2025-barrierefrei/lib.typ", &["1.1"], |k| {
            k.ersetzen(
                "report/layout/2025-barrierefrei/lib.typ",
                "\"Angabe\"",
                "\"Antwort\"",
            )
        }),
        ("fonts/Inter-SemiBold.otf", &["1.0", "1.1"], |k| {
            std::fs::copy(
                k.datei("fonts/Inter-Bold.otf"),
                k.datei("fonts/Inter-SemiBold.otf"),
            )
            .unwrap();
        }),
    ];
    for (datei, versionen, aendern) in faelle {
        let vorher = std::fs::read(k.datei(datei)).unwrap();
        aendern(&k);
        let (code, t) = lauf(&k, &["verify", "--edition", "2025"]);
        assert_eq!(code, Some(1), "{datei}: {t}");
        for v in ["1.0", "1.1"] {
            let anders = format!("Ausgabe 2025 Version {v}: der Nachbau ergibt ein anderes PDF");
            let gleich = format!("Ausgabe 2025 Version {v}: byte-gleich");
            if versionen.contains(&v) {
                // The changed input is named (after any change without
                // effect since the release, which verify lists too).
                assert!(t.contains(&anders), "{datei}, {v}: {t}");
            } else {
                assert!(t.contains(&gleich), "{datei}, {v}: {t}");
            }
        }
        assert!(t.contains(&format!("{datei} geändert")), "{t}");
        std::fs::write(k.datei(datei), vorher).unwrap();
    }
}

#[test]
fn diff_warnt_vor_einer_kennung_fuer_zwei_projekte() {
    let k = mit_folgeausgabe();
    // Peine's project gone; its id given to another project in Celle.
    k.ersetzen(
        "data/neu/steckbriefe/peine.yaml",
        "- id: peine-rechnungseingang\n  projektname: Rechnungseingang",
        "- id: peine-rechnungspruefung\n  projektname: Rechnungseingang",
    );
    k.ersetzen(
        "data/neu/steckbriefe/celle.yaml",
        "- id: celle-chatbot-buergerservice",
        "- id: peine-rechnungseingang",
    );
    let (code, t) = lauf(&k, &["diff", "--from", "klein", "--to", "neu"]);
    assert_eq!(code, Some(0), "{t}");
    assert!(
        t.contains(
            "Warnung: dieselbe Kennung für verschiedene Projekte (Name und Landkreis verschieden):\n  \
             peine-rechnungseingang: Ausgabe klein „Rechnungseingang“ (Peine), Ausgabe neu \
             „Chatbot Bürgerbüro“ (Celle)"
        ),
        "{t}"
    );
    // A project renamed in its Landkreis is no such case.
    assert!(!t.contains("celle-chatbot-buergerservice: Ausgabe"), "{t}");
}

#[test]
fn das_layout_2026_nennt_die_aussagen_mit_neuem_urteil() {
    let k = mit_folgeausgabe();
    k.mit_layout_2026();
    k.ersetzen("data/neu/edition.yaml", "layout: klein", "layout: \"2026\"");
    // A fourth Landkreis: "drei" held in klein, is acknowledged in neu.
    let tabelle = k.lesen("data/neu/landkreise.yaml");
    let peine = &tabelle[tabelle.find("- name: Peine").unwrap()..];
    k.schreiben(
        "data/neu/landkreise.yaml",
        &format!("{tabelle}{}", peine.replace("Peine", "Uelzen")),
    );
    k.schreiben(
        "data/neu/abweichungen.yaml",
        "abweichungen:\n  - kapitel: 01-ergebnisse.typ.hbs\n    kennzahl: landkreise_teilnehmend\n    \
         wortlaut: drei\n    behauptet: gleich 3\n    berechnet: \"4\"\n    begruendung: Test.\n",
    );
    k.ersetzen(
        "report/kapitel/neu/01-ergebnisse.typ.hbs",
        "Absatz zum Bearbeiten.",
        "== Veränderungen gegenüber der Ausgabe klein\n\n#veraenderungen()",
    );
    let bytes = common::pdf_bytes_von(k.pfad(), "neu");
    // It opens with its bookmarks; klein's layout (as 1.0) does not.
    let seitenmodus = |b: &[u8]| {
        let d = lopdf::Document::load_mem(b).unwrap();
        d.catalog()
            .unwrap()
            .get(b"PageMode")
            .ok()
            .and_then(|m| m.as_name().ok().map(<[u8]>::to_vec))
    };
    assert_eq!(seitenmodus(&bytes), Some(b"UseOutlines".to_vec()));
    assert_eq!(seitenmodus(&common::pdf_bytes_von(k.pfad(), "klein")), None);
    let text = common::pdf_text(&bytes);
    for teil in [
        "Gegenüber der Ausgabe klein ist ein Projekt neu hinzugekommen",
        "Aussagen des Textes, deren Urteil sich gegenüber der Ausgabe klein geändert hat:",
        "„drei“ stimmt verletzt (anerkannt)",
    ] {
        assert!(text.contains(teil), "„{teil}“ fehlt im PDF:\n{text}");
    }
}

#[test]
fn new_edition_aus_einer_unvollstaendigen_vorlage_legt_nichts_an() {
    let k = Kopie::klein();
    std::fs::remove_file(k.datei("data/klein/glossar.yaml")).unwrap();
    let (code, t) = lauf(
        &k,
        &[
            "new-edition",
            "neu",
            "--from",
            "klein",
            "--datum",
            "2031-02-01",
        ],
    );
    assert_eq!(code, Some(1), "{t}");
    assert!(t.contains("data/klein/glossar.yaml: nicht gefunden"), "{t}");
    assert!(
        t.contains("Die Vorlage klein lädt nicht; es wurde nichts angelegt."),
        "{t}"
    );
    assert!(!k.datei("data/neu").exists());
    assert!(!k.datei("report/kapitel/neu").exists());
}
