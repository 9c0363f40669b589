//! Bad inputs (issue 22): each class answered with a German message at its
//! place, exit 1, nothing written; never a crash.

use std::process::Command;

use crate::common::{self, Kopie, cli, stderr};

const KAPITEL: &str = "report/kapitel/klein/01-ergebnisse.typ.hbs";

/// The small edition with `alt` replaced by `neu` in `datei`.
fn klein_mit(datei: &str, alt: &str, neu: &str) -> Kopie {
    let k = Kopie::klein();
    k.ersetzen(datei, alt, neu);
    k
}

#[test]
fn teilvorlagen_und_zu_tiefe_bloecke_werden_abgelehnt_statt_abzustuerzen() {
    let tief = "{{#if true}}".repeat(40_000) + &"{{/if}}".repeat(40_000);
    let faelle: &[(&str, &str)] = &[
        (
            "{{#*inline \"a\"}}x{{> a}}{{/inline}}{{> a}}",
            "Inline-Teilvorlagen und Dekoratoren",
        ),
        (
            "{{> kopf}}",
            "Teilvorlagen ({{> …}}) gibt es in Kapiteln nicht",
        ),
        ("{{#> rahmen}}x{{/rahmen}}", "Teilvorlagen"),
        ("{{~> kopf}}", "Teilvorlagen"),
        ("{{* dekorator}}", "Dekoratoren"),
        (&tief, "tiefer als 32 Ebenen"),
    ];
    for (eingabe, erwartet) in faelle {
        let k = klein_mit(
            KAPITEL,
            "Absatz zum Bearbeiten.",
            &format!("Absatz zum Bearbeiten.\n\n{eingabe}"),
        );
        let zeile = k.zeile(KAPITEL, &eingabe[..eingabe.len().min(12)]);
        for befehl in [&["check"][..], &["build", "--out", "ziel"][..]] {
            let o = cli(k.pfad(), befehl);
            let e = stderr(&o);
            assert_eq!(o.status.code(), Some(1), "{befehl:?} {erwartet}: {e}");
            assert!(e.contains(erwartet), "{befehl:?}: {e}");
            assert!(
                e.contains(&format!("{KAPITEL}:{zeile}:")),
                "{befehl:?}: {e}"
            );
            assert!(e.contains("Hilfe:"), "{e}");
        }
        assert!(!k.datei("ziel").exists(), "{erwartet}: kein PDF");
    }
}

#[test]
fn kommentare_mit_teilvorlagen_bleiben_erlaubt() {
    let k = klein_mit(
        KAPITEL,
        "Absatz zum Bearbeiten.",
        "Absatz zum Bearbeiten. {{!-- {{> kein}} --}}{{! {{#*x}} }}",
    );
    let o = cli(k.pfad(), &["check"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn ein_programmfehler_wird_auf_deutsch_erklaert() {
    let o = Command::new(env!("CARGO_BIN_EXE_kataster-report"))
        .args(["--projekt"])
        .arg(common::projekt())
        .arg("check")
        .env("KATASTER_REPORT_TESTPANIK", "1")
        .output()
        .unwrap();
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(101), "{e}");
    assert!(
        e.starts_with("Fehler: interner Fehler von kataster-report"),
        "{e}"
    );
    assert!(e.contains("nicht in Ihren Daten"), "{e}");
    assert!(!e.contains("RUST_BACKTRACE"), "{e}");
}

#[test]
fn nur_sichere_adressen_werden_links() {
    let schlecht = [
        "javascript:alert(6)",
        "JaVaScRiPt:alert(6)",
        "data:text/html,<script>alert(1)</script>",
        "file:///etc/passwd",
        "https://",
        "https://x y",
    ];
    for url in schlecht {
        for (datei, alt, neu) in [
            (
                "data/klein/quellen.yaml",
                "    text: \"Testquelle für die kleine Ausgabe.\"",
                format!("    text: \"Testquelle für die kleine Ausgabe.\"\n    url: '{url}'"),
            ),
            (
                "data/klein/edition.yaml",
                "titel:",
                format!("lizenz: {{name: Testlizenz, url: '{url}'}}\ntitel:"),
            ),
        ] {
            let k = Kopie::klein();
            k.ersetzen(datei, alt, &neu);
            let zeile = k.zeile(datei, url);
            let o = cli(k.pfad(), &["check"]);
            let e = stderr(&o);
            assert_eq!(o.status.code(), Some(1), "{url} in {datei}: {e}");
            assert!(e.contains(&format!("{datei}:{zeile}:")), "{url}: {e}");
            assert!(e.contains("url“: "), "{url}: {e}");
            assert!(e.contains("`https:`, `http:` oder `mailto:`"), "{url}: {e}");
            let o = cli(k.pfad(), &["site", "--out", "web"]);
            assert_eq!(o.status.code(), Some(1), "{url}: site");
            assert!(!k.datei("web").exists());
        }
    }
    let k = klein_mit(
        "data/klein/quellen.yaml",
        "    text: \"Testquelle für die kleine Ausgabe.\"",
        "    text: \"Testquelle für die kleine Ausgabe.\"\n    url: 'mailto:ag@example.org'",
    );
    let o = cli(k.pfad(), &["check"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn offene_daten_fuehren_in_der_tabellenkalkulation_nichts_aus() {
    let k = Kopie::klein();
    let formeln = [
        "=HYPERLINK(\"http://x\",\"y\")",
        "+cmd|' /C calc'!A0",
        "@SUM(1+1)",
        "\t=1+1",
        "-2+3",
    ];
    let mut yaml = String::from("  anbieter_produkt: UiPath");
    for (i, f) in formeln.iter().enumerate() {
        let feld = [
            "anmerkung",
            "wuensche",
            "entlastung",
            "schnittstellen",
            "datenschutz",
        ][i];
        yaml.push_str(&format!(
            "\n  {feld}: {}",
            serde_json::to_string(f).unwrap()
        ));
    }
    k.ersetzen(
        "data/klein/steckbriefe/celle.yaml",
        "  anbieter_produkt: UiPath",
        &yaml,
    );
    let o = cli(k.pfad(), &["site", "--out", "web"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let csv = k.lesen("web/daten/projekte.csv");
    let mut r = ::csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let kopf = r.headers().unwrap().clone();
    let zeile = r.records().next().unwrap().unwrap();
    let json: serde_json::Value =
        serde_json::from_str(&k.lesen("web/daten/projekte.json")).unwrap();
    let projekt = &json["projekte"][0];
    for (i, f) in formeln.iter().enumerate() {
        let feld = [
            "anmerkung",
            "wuensche",
            "entlastung",
            "schnittstellen",
            "datenschutz",
        ][i];
        let spalte = kopf.iter().position(|h| h == feld).unwrap();
        assert_eq!(&zeile[spalte], format!("'{f}"), "{feld}");
        assert_eq!(projekt[feld], *f, "JSON wie geschrieben: {feld}");
    }
    assert!(k.lesen("web/daten.html").contains("CSV-Injection"));
}

#[test]
fn zahlen_kennungen_und_daten_wie_die_redaktion_sie_schreibt() {
    const LK: &str = "data/klein/landkreise.yaml";
    let id_lang = "x".repeat(300);
    let faelle: Vec<(&str, &str, String, &str, &str)> = vec![
        (
            LK,
            "    geplant: 0",
            "    geplant: 0x10".into(),
            "nur mit den Ziffern 0–9",
            "Schreiben Sie 16.",
        ),
        (
            LK,
            "    geplant: 0",
            "    geplant: 1_000".into(),
            "gefunden den Text „1_000“",
            "ohne „_“: 1000",
        ),
        (
            LK,
            "    geplant: 0",
            "    geplant: 010".into(),
            "gefunden den Text „010“",
            "ohne führende Null",
        ),
        (
            LK,
            "    geplant: 0",
            "    geplant: 8.0".into(),
            "erwartet eine ganze Zahl, gefunden die Zahl 8.0",
            "Schreiben Sie 8",
        ),
        (
            LK,
            "  vzae: 1.5",
            "  vzae: 1e-320".into(),
            "zu klein, um gedruckt zu werden",
            "",
        ),
        (
            LK,
            "    geplant: 0",
            "    geplant: 99999999999999999999".into(),
            "die Zahl 1e20 ist größer als 9999",
            "Plausibilitätsgrenze",
        ),
        (
            "data/klein/steckbriefe/celle.yaml",
            "- id: celle-posteingang-mit-rpa",
            "- id: con".into(),
            "„con“ ist unter Windows ein Gerätename",
            "andere Kennung",
        ),
        (
            "data/klein/steckbriefe/celle.yaml",
            "- id: celle-posteingang-mit-rpa",
            format!("- id: {id_lang}"),
            "(300 Zeichen) ist länger als 80 Zeichen",
            "höchstens 80 Zeichen",
        ),
        (
            "data/klein/edition.yaml",
            "    datum: 2030-03-01",
            "    datum: 2030-13-01".into(),
            "„2030-13-01“ ist kein Datum der Form JJJJ-MM-TT",
            "",
        ),
    ];
    for (datei, alt, neu, meldung, hilfe) in &faelle {
        let k = Kopie::klein();
        k.ersetzen(datei, alt, neu);
        let zeile = k.zeile(datei, neu.trim_start_matches([' ', '-']));
        let o = cli(k.pfad(), &["check"]);
        let e = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "{neu}: {e}");
        assert!(e.contains(&format!("{datei}:{zeile}:")), "{neu}: {e}");
        assert!(e.contains(meldung), "{neu}: {e}");
        assert!(e.contains(hilfe), "{neu}: {e}");
        assert!(!e.contains("invalid type"), "{neu}: {e}");
        // One mistake, one message (not a second, misleading one beside it).
        assert!(e.contains("\n1 Fehler gefunden."), "{neu}: {e}");
    }
}

#[test]
fn typst_liest_nichts_ausserhalb_und_sagt_es_auf_deutsch() {
    let k = klein_mit(
        KAPITEL,
        "Absatz zum Bearbeiten.",
        "Absatz zum Bearbeiten. #read(\"../../../etc/passwd\")",
    );
    let o = cli(k.pfad(), &["check"]);
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{e}");
    assert!(
        e.contains("der Pfad führt aus dem Projektordner hinaus"),
        "{e}"
    );
    assert!(!e.contains("would escape"), "{e}");
    assert!(
        !e.contains("--root"),
        "ein Hinweis für das typst-Programm: {e}"
    );
    assert!(!e.contains("root:x:0"), "Inhalt einer Datei außerhalb: {e}");
}

#[test]
fn ein_vertippter_landkreis_wird_an_seiner_zeile_gemeldet() {
    let k = klein_mit(
        "data/klein/landkreise.yaml",
        "- name: Celle",
        "- name: Zelle",
    );
    let zeile = k.zeile("data/klein/landkreise.yaml", "- name: Zelle");
    let o = cli(k.pfad(), &["check"]);
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{e}");
    // At the misspelt row, with the right name proposed; not only the fact
    // sheets that now miss their row (which would propose the typo).
    assert!(
        e.contains(&format!("data/klein/landkreise.yaml:{zeile}:")),
        "{e}"
    );
    assert!(
        e.contains("„Zelle“ ist kein Landkreis der Karte Niedersachsens"),
        "{e}"
    );
    assert!(e.contains("meinten Sie „Celle“?"), "{e}");
}

/// The response export of the rehearsal edition with the cells in `felder`
/// (fact-sheet keys) replaced by `wert`: of the first response, or with
/// `alle_des_landkreises` of every response of its Landkreis.
fn antworten_mit(k: &Kopie, felder: &[&str], wert: &str, alle_des_landkreises: bool) {
    use kataster_report::umfrage::fragebogen::frage_code;
    let text = k.lesen("umfrage/antworten.csv");
    let mut r = ::csv::Reader::from_reader(text.as_bytes());
    let kopf = r.headers().unwrap().clone();
    let lk = kopf.iter().position(|h| h == "LK").unwrap();
    let mut w = ::csv::Writer::from_writer(Vec::new());
    w.write_record(&kopf).unwrap();
    let mut erster = None;
    for (i, z) in r.records().enumerate() {
        let mut z: Vec<String> = z.unwrap().iter().map(str::to_owned).collect();
        let landkreis = erster.get_or_insert_with(|| z[lk].clone()).clone();
        let ersetzen = i == 0 || (alle_des_landkreises && z[lk] == landkreis);
        for f in felder.iter().filter(|_| ersetzen) {
            let spalte = kopf.iter().position(|h| h == frage_code(f)).unwrap();
            z[spalte] = wert.to_owned();
        }
        w.write_record(&z).unwrap();
    }
    k.schreiben(
        "umfrage/antworten.csv",
        &String::from_utf8(w.into_inner().unwrap()).unwrap(),
    );
}

#[test]
fn der_import_bleibt_in_den_grenzen_der_datendateien() {
    use crate::umfrage::{Variante, importieren, mit_antworten};
    let k = mit_antworten(Variante::SCHLICHT);
    let vorher = std::fs::read_dir(k.datei("data/2026/steckbriefe")).map_or(0, |d| d.count());
    antworten_mit(&k, &["anmerkung"], &"x".repeat(200_000), false);
    let o = importieren(&k, &[]);
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{e}");
    assert!(
        e.contains("Frage anmerkung: die Antwort ist 200000 Zeichen lang"),
        "{e}"
    );
    assert!(e.contains("höchstens 100000"), "{e}");
    assert!(e.contains("Es wurde nichts übernommen."), "{e}");
    // Many answers, each within the limit, would make a file over 2 MB.
    let k = mit_antworten(Variante::SCHLICHT);
    let felder = [
        "anmerkung",
        "wuensche",
        "entlastung",
        "schnittstellen",
        "datenschutz",
        "qualitaetssicherung",
        "trainingsdaten",
        "projektbudget",
        "anbieter_produkt",
        "erfolgsfaktoren_erfahrung",
        "massnahmen_art4",
        "verantwortliche_oe",
        "zeitraum",
    ];
    antworten_mit(&k, &felder, &"y".repeat(99_000), true);
    let o = importieren(&k, &[]);
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{e}");
    assert!(
        e.contains("eine Datendatei darf höchstens 2048 KB haben"),
        "{e}"
    );
    let nachher = std::fs::read_dir(k.datei("data/2026/steckbriefe")).map_or(0, |d| d.count());
    assert_eq!(vorher, nachher, "nichts geschrieben");
}

#[test]
fn freigaben_lassen_sich_nicht_faelschen_oder_verlieren() {
    const F: &str = "data/2025/freigaben.yaml";
    let echt = std::fs::read_to_string(common::projekt().join(F)).unwrap();
    let sha_10 = "53ad0b006713ddc4e59fd6fffccbd18bf52ab07d13bff1faf1858750cb44645f";
    let eingabe_10 = "9ca371d19315a6a2d0a53ef059ce9bc72457d0b780821a76b04978ebb935ebb5";
    let ab_11 = echt.find("- version: \"1.1\"").unwrap();
    let kopf_ende = echt.find("- version: \"1.0\"").unwrap();
    let faelle: Vec<(String, &str)> = vec![
        (
            echt.replace(sha_10, &"0".repeat(64)),
            "Version 1.0 in freigaben.yaml wurde nach der Freigabe geändert",
        ),
        (
            echt.replacen(eingabe_10, &"a".repeat(64), 1),
            "Version 1.0 in freigaben.yaml wurde nach der Freigabe geändert",
        ),
        (
            format!("{}{}", &echt[..kopf_ende], &echt[ab_11..]),
            "Version 1.1 in freigaben.yaml wurde nach der Freigabe geändert, oder ein Eintrag davor wurde gelöscht",
        ),
    ];
    assert!(echt.contains(sha_10) && echt.contains(eingabe_10));
    for (text, erwartet) in &faelle {
        let k = Kopie::neu();
        k.schreiben(F, text);
        let o = cli(k.pfad(), &["verify"]);
        let e = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "{erwartet}: {e}");
        assert!(e.contains(erwartet), "{e}");
        assert!(e.contains("git log -p"), "{e}");
        assert!(!e.contains("abgelöst"), "{e}");
    }
    // Without the record of 1.0 even a rebuilt record chain would not let
    // 1.1 be built as if 1.0 had never been published.
    let k = Kopie::neu();
    k.schreiben(F, &format!("{}{}", &echt[..kopf_ende], &echt[ab_11..]));
    let o = cli(k.pfad(), &["build", "--out", "ziel"]);
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{e}");
    assert!(
        e.contains("Version 1.0 steht in der Historie als veröffentlicht"),
        "{e}"
    );
    assert!(!k.datei("ziel").exists());
}

/// Runs git in `ordner` (a test's own repository).
fn git(ordner: &std::path::Path, args: &[&str]) {
    let o = Command::new("git")
        .arg("-C")
        .arg(ordner)
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.org"])
        .args(args)
        .output()
        .unwrap();
    assert!(o.status.success(), "git {args:?}: {}", stderr(&o));
}

#[test]
fn der_geloeschte_juengste_freigabeeintrag_faellt_durch_die_versionsverwaltung_auf() {
    const F: &str = "data/2025/freigaben.yaml";
    let k = Kopie::neu();
    // Outside a repository the check is not possible, and verify says so.
    let o = cli(k.pfad(), &["verify"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("ob ein Eintrag von freigaben.yaml gelöscht wurde, ist nicht zu prüfen: das Projekt liegt nicht in einem Git-Repository"),
        "{}",
        stderr(&o)
    );
    git(k.pfad(), &["init", "-q"]);
    git(k.pfad(), &["add", "-A"]);
    git(k.pfad(), &["commit", "-qm", "Ausgabe 2025"]);
    let echt = k.lesen(F);
    let ohne_11 = &echt[..echt.find("- version: \"1.1\"").unwrap()];
    k.schreiben(F, ohne_11);
    let geloescht = "Version 1.1, freigegeben am 27.11.2026, hat in freigaben.yaml keinen Eintrag mehr: er wurde gelöscht";
    for (schritt, args) in [
        ("verify", vec!["verify"]),
        ("build", vec!["build", "--out", "ziel"]),
        ("release", vec!["release", "--out", "ziel"]),
    ] {
        let o = cli(k.pfad(), &args);
        let e = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "{schritt}: {e}");
        assert!(
            e.contains(geloescht) && e.contains("git show "),
            "{schritt}: {e}"
        );
        assert!(!k.datei("ziel").exists(), "{schritt}: kein PDF");
    }
    // Committing the deletion does not make git forget the record.
    git(k.pfad(), &["commit", "-qam", "Eintrag weg"]);
    let e = stderr(&cli(k.pfad(), &["verify"]));
    assert!(e.contains(geloescht), "{e}");
    // The record restored, everything passes again.
    k.schreiben(F, &echt);
    let o = cli(k.pfad(), &["verify"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!stderr(&o).contains("nicht zu prüfen"), "{}", stderr(&o));
}

#[test]
fn eine_nicht_berechenbare_kennzahl_ist_nur_dort_ein_fehler_wo_sie_steht() {
    let k = Kopie::klein();
    let mut yaml = k.lesen("data/klein/kennzahlen.yaml");
    // No fact sheet of `klein` answers the Amortisationsdauer: 0 of 0.
    yaml.push_str(
        "  - name: anteil_amortisation_bekannt\n    titel: \"Anteil Amortisation bekannt\"\n    \
         art: anteil\n    feld: \"amortisationsdauer\"\n    antwort: \"ist unbekannt\"\n    \
         definition: \"Steckbriefe mit bekannter Amortisationsdauer.\"\n",
    );
    k.schreiben("data/klein/kennzahlen.yaml", &yaml);
    let o = cli(k.pfad(), &["check"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "unbenutzt: kein Fehler: {}",
        stderr(&o)
    );
    let o = cli(k.pfad(), &["figures"]);
    let t = common::stdout(&o);
    assert!(
        t.contains("anteil_amortisation_bekannt")
            && t.contains("nicht berechenbar: Kennzahl anteil_amortisation_bekannt"),
        "{t}"
    );
    k.ersetzen(
        KAPITEL,
        "Absatz zum Bearbeiten.",
        "Absatz zum Bearbeiten. Amortisation bekannt: {{prozent \"anteil_amortisation_bekannt\"}}.",
    );
    let zeile = k.zeile(KAPITEL, "Amortisation bekannt");
    let o = cli(k.pfad(), &["check"]);
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{e}");
    assert!(e.contains(&format!("{KAPITEL}:{zeile}:")), "{e}");
    assert!(
        e.contains("ist nicht berechenbar: Division durch null"),
        "{e}"
    );
}

/// A chapter whose code runs without end or takes ever more memory: the
/// compilation is given up within its budget (set low here), with the
/// chapter named; no PDF.
#[test]
fn ein_satz_ohne_ende_oder_mit_zu_viel_speicher_wird_abgebrochen() {
    let k = Kopie::klein();
    let kapitel = "report/kapitel/klein/01-ergebnisse.typ.hbs";
    let echt = k.lesen(kapitel);
    let faelle = [
        (
            "#for i in range(100000) { for j in range(100000) { } }",
            ("KATASTER_REPORT_SATZZEIT", "2"),
            "Typst hat länger als 2 s gerechnet und wurde abgebrochen",
        ),
        (
            "#let s = \"x\"\n#for i in range(40) { s = s + s }\n#s.len()",
            ("KATASTER_REPORT_SATZSPEICHER", "300"),
            "Typst brauchte mehr als 300 MB Arbeitsspeicher und wurde abgebrochen",
        ),
    ];
    for (code, umgebung, meldung) in faelle {
        k.schreiben(kapitel, &format!("{echt}\n{code}\n"));
        for befehl in [
            &["check", "--edition", "klein"][..],
            &["build", "--edition", "klein", "--out", "ziel"],
        ] {
            let o = crate::common::cli_mit(k.pfad(), befehl, &[umgebung]);
            let e = stderr(&o);
            assert_eq!(o.status.code(), Some(1), "{befehl:?}: {e}");
            assert!(e.contains(meldung), "{befehl:?}: {e}");
            assert!(e.contains(&format!("Berechnungen in {kapitel}")), "{e}");
            assert!(
                !e.contains("panicked") && !e.contains("memory allocation"),
                "{e}"
            );
        }
        assert!(
            !k.datei("ziel").exists()
                || std::fs::read_dir(k.datei("ziel")).unwrap().next().is_none()
        );
    }
    k.schreiben(kapitel, &echt);
    let o = crate::common::cli_mit(
        k.pfad(),
        &["check", "--edition", "klein"],
        &[("KATASTER_REPORT_SATZZEIT", "bald")],
    );
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{e}");
    assert!(
        e.contains("KATASTER_REPORT_SATZZEIT=bald ist keine ganze Zahl größer als 0"),
        "{e}"
    );
}
