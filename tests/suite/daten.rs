//! The 2025 edition as data: loading, validation messages, round trip, schemas.

use crate::common;

use std::collections::BTreeMap;

use common::{Kopie, cli, stderr, stdout};
use kataster_report::diagnostics::Diagnose;
use kataster_report::load::{self, lade_edition};

#[test]
fn ausgabe_2025_hat_19_landkreise_und_69_steckbriefe() {
    let g = lade_edition(&common::projekt(), "2025").expect("2025 lädt");
    let e = &g.edition;
    assert_eq!(e.landkreise.len(), 19);
    assert_eq!(e.alle_steckbriefe().count(), 69);
    let mut je_lk: BTreeMap<&str, usize> = BTreeMap::new();
    for (lk, _) in e.alle_steckbriefe() {
        *je_lk.entry(lk).or_default() += 1;
    }
    let veroeffentlicht = [
        ("Celle", 6),
        ("Friesland", 3),
        ("Gifhorn", 4),
        ("Goslar", 4),
        ("Göttingen", 3),
        ("Hameln-Pyrmont", 6),
        ("Harburg", 6),
        ("Heidekreis", 3),
        ("Lüchow-Dannenberg", 6),
        ("Lüneburg", 2),
        ("Osnabrück", 6),
        ("Peine", 3),
        ("Stade", 10),
        ("Uelzen", 1),
        ("Verden", 3),
        ("Wolfenbüttel", 3),
    ];
    assert_eq!(je_lk, veroeffentlicht.into_iter().collect());
    // The Verden sheets are Verden's, not Stade's (the original numbered them 5.13.11–13).
    let verden: Vec<&str> = e
        .alle_steckbriefe()
        .filter(|(lk, _)| *lk == "Verden")
        .map(|(_, s)| s.projektname.as_str())
        .collect();
    assert_eq!(verden, ["EMMA", "Scriba", "Generative KI - GPT"]);
    // A field the published sheet lacks is absent, not empty.
    let celle2 = e.alle_steckbriefe().nth(1).unwrap().1;
    assert_eq!(celle2.projektname, "Interne Verwaltungsassistentz");
    assert!(celle2.amortisationsdauer.is_none());
    assert!(celle2.kennzahlen.is_none());
}

/// One class of bad input: a change to a copy of the data and what the
/// message must name.
struct Fall {
    name: &'static str,
    datei: &'static str,
    alt: &'static str,
    neu: &'static str,
    /// Text on the line the message must point at (after the change).
    zeile_mit: &'static str,
    feld: &'static str,
    meldung: &'static str,
    hilfe: &'static str,
}

const FAELLE: &[Fall] = &[
    Fall {
        name: "unbekannter Schlüssel",
        datei: "data/2025/steckbriefe/celle.yaml",
        alt: "  zeitraum: 01.05.2025",
        neu: "  zeitraumm: 01.05.2025",
        zeile_mit: "zeitraumm:",
        feld: "zeitraumm",
        meldung: "unbekanntes Feld „zeitraumm“",
        hilfe: "meinten Sie „zeitraum“?",
    },
    Fall {
        name: "falscher Typ (X statt true)",
        datei: "data/2025/landkreise.yaml",
        alt: "  ki_strategie: true",
        neu: "  ki_strategie: X",
        zeile_mit: "ki_strategie: X",
        feld: "ki_strategie",
        meldung: "erwartet true oder false",
        hilfe: "true (ja) oder false (nein)",
    },
    Fall {
        name: "keine Zahl",
        datei: "data/2025/landkreise.yaml",
        alt: "  vzae: 1.5",
        neu: "  vzae: anderthalb",
        zeile_mit: "vzae: anderthalb",
        feld: "vzae",
        meldung: "hat nicht die erwartete Form",
        hilfe: "Dezimalzahl",
    },
    Fall {
        name: "Wert außerhalb des Vokabulars",
        datei: "data/2025/steckbriefe/celle.yaml",
        alt: "  projektstatus: Geplant",
        neu: "  projektstatus: Geplannt",
        zeile_mit: "projektstatus: Geplannt",
        feld: "projektstatus",
        meldung: "„Geplannt“ steht nicht im Vokabular „projektstatus“",
        hilfe: "meinten Sie „Geplant“?",
    },
    Fall {
        name: "Steckbrief ohne Zeile in Tabelle 1",
        datei: "data/2025/steckbriefe/verden.yaml",
        alt: "landkreis: Verden",
        neu: "landkreis: Verdn",
        zeile_mit: "landkreis: Verdn",
        feld: "landkreis",
        meldung: "hat keine Zeile in Tabelle 1",
        hilfe: "meinten Sie „Verden“?",
    },
    Fall {
        name: "zwei Steckbriefe gleichen Namens",
        datei: "data/2025/steckbriefe/verden.yaml",
        alt: "  projektname: Scriba",
        neu: "  projektname: EMMA",
        zeile_mit: "  projektname: EMMA",
        feld: "projektname",
        meldung: "Steckbrief „EMMA“ gibt es in Verden zweimal",
        hilfe: "Steckbrief Nr. 1",
    },
    Fall {
        name: "negative Anzahl",
        datei: "data/2025/landkreise.yaml",
        alt: "    geplant: 8",
        neu: "    geplant: -8",
        zeile_mit: "geplant: -8",
        feld: "projekte.geplant",
        meldung: "kleiner als 0",
        hilfe: "nicht negativ",
    },
    Fall {
        name: "YAML-Syntaxfehler",
        datei: "data/2025/steckbriefe/celle.yaml",
        alt: "  zeitraum: 01.05.2025",
        neu: "  zeitraum: ab: 01.05.2025",
        zeile_mit: "zeitraum: ab: 01.05.2025",
        feld: "",
        meldung: "YAML-Syntaxfehler",
        hilfe: "Einrückung",
    },
    Fall {
        name: "doppelter Schlüssel",
        datei: "data/2025/steckbriefe/celle.yaml",
        alt: "  zeitraum: 01.05.2025",
        neu: "  zeitraum: 01.05.2025\n  zeitraum: 02.05.2025",
        zeile_mit: "zeitraum: 02.05.2025",
        feld: "",
        meldung: "doppelt",
        hilfe: "nur einmal",
    },
];

fn fehler_von(k: &Kopie) -> Vec<Diagnose> {
    match lade_edition(k.pfad(), "2025") {
        Ok(_) => panic!("fehlerhafte Daten wurden angenommen"),
        Err((d, _)) => d,
    }
}

#[test]
fn jede_art_fehlerhafter_eingabe_nennt_datei_zeile_feld_und_hilfe() {
    for f in FAELLE {
        let k = Kopie::neu();
        k.ersetzen(f.datei, f.alt, f.neu);
        let zeile = k.zeile(f.datei, f.zeile_mit);
        let fehler = fehler_von(&k);
        let treffer = fehler.iter().find(|d| d.meldung.contains(f.meldung));
        let Some(d) = treffer else {
            panic!(
                "{}: keine Meldung mit {:?} in {:#?}",
                f.name, f.meldung, fehler
            );
        };
        assert_eq!(d.datei.to_str().unwrap(), f.datei, "{}: Datei", f.name);
        assert_eq!(d.zeile, zeile, "{}: Zeile ({})", f.name, d.kurz());
        assert!(d.feld.contains(f.feld), "{}: Feld {:?}", f.name, d.feld);
        let hilfe = d.hilfen.join(" – ");
        assert!(hilfe.contains(f.hilfe), "{}: Hilfe {hilfe:?}", f.name);
        // The rendered message shows file:line:column and the source line.
        let text = d.darstellen(Some(&k.lesen(f.datei)), false);
        assert!(
            text.contains(&format!("{}:{}:", f.datei, zeile)),
            "{}: {text}",
            f.name
        );
        assert!(text.contains("Fehler"), "{text}");
    }
}

#[test]
fn alle_fehler_eines_laufs_werden_zusammen_gemeldet() {
    let k = Kopie::neu();
    k.ersetzen(
        "data/2025/steckbriefe/celle.yaml",
        "  projektstatus: Geplant",
        "  projektstatus: Geplannt",
    );
    k.ersetzen(
        "data/2025/steckbriefe/stade.yaml",
        "  zeitraum:",
        "  zeitrahmen:",
    );
    k.ersetzen(
        "data/2025/landkreise.yaml",
        "    geplant: 8",
        "    geplant: -8",
    );
    let fehler = fehler_von(&k);
    let dateien: Vec<String> = fehler
        .iter()
        .map(|d| d.datei.display().to_string())
        .collect();
    for d in [
        "data/2025/steckbriefe/celle.yaml",
        "data/2025/steckbriefe/stade.yaml",
        "data/2025/landkreise.yaml",
    ] {
        assert!(dateien.iter().any(|x| x == d), "{d} fehlt in {dateien:?}");
    }
}

#[test]
fn deutsches_dezimalkomma_wird_angenommen() {
    let k = Kopie::neu();
    k.ersetzen("data/2025/landkreise.yaml", "  vzae: 1.5", "  vzae: 1,5");
    k.ersetzen(
        "data/2025/landkreise.yaml",
        "  vzae: 2.5",
        "  vzae: \"2,5\"",
    );
    let g = lade_edition(k.pfad(), "2025").expect("Komma wird angenommen");
    assert_eq!(g.edition.landkreise[0].vzae.0, 1.5);
    assert_eq!(g.edition.landkreise[1].vzae.0, 2.5);
}

#[test]
fn pathologisches_yaml_wird_abgewiesen() {
    let k = Kopie::neu();
    // Alias bomb: each level doubles the size.
    let mut bombe = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..40 {
        bombe.push_str(&format!(
            "a{i}: &a{i} [*a{}, *a{}, *a{}, *a{}]\n",
            i - 1,
            i - 1,
            i - 1,
            i - 1
        ));
    }
    k.schreiben("data/2025/glossar.yaml", &bombe);
    let fehler = fehler_von(&k);
    let d = fehler
        .iter()
        .find(|d| d.datei.ends_with("glossar.yaml"))
        .expect("Meldung zur Datei");
    assert!(d.meldung.contains("Verarbeitungsgrenzen"), "{}", d.kurz());

    let k = Kopie::neu();
    let tief = format!("glossar: {}{}\n", "[".repeat(500), "]".repeat(500));
    k.schreiben("data/2025/glossar.yaml", &tief);
    let fehler = fehler_von(&k);
    let d = fehler
        .iter()
        .find(|d| d.datei.ends_with("glossar.yaml"))
        .unwrap();
    assert!(d.meldung.contains("Verarbeitungsgrenzen"), "{}", d.kurz());
}

#[test]
fn daten_2025_ueberstehen_laden_schreiben_laden() {
    let g = lade_edition(&common::projekt(), "2025").unwrap();
    let e = &g.edition;
    let k = Kopie::neu();
    let yaml = |v: &dyn erased::Ser| v.yaml();
    k.schreiben("data/2025/edition.yaml", &yaml(&e.meta));
    k.schreiben(
        "data/2025/landkreise.yaml",
        &yaml(&kataster_report::model::Landkreise {
            landkreise: e.landkreise.clone(),
        }),
    );
    k.schreiben("data/2025/vokabular.yaml", &yaml(&e.vokabular));
    for d in &e.steckbriefe {
        let name = format!(
            "data/2025/steckbriefe/{}.yaml",
            d.landkreis
                .to_lowercase()
                .replace('ü', "ue")
                .replace('ö', "oe")
                .replace('ä', "ae")
        );
        k.schreiben(&name, &yaml(d));
    }
    let neu = lade_edition(k.pfad(), "2025").expect("geschriebene Daten laden");
    assert_eq!(&neu.edition, e);
}

/// Serialises any model type to YAML (a tiny object-safe wrapper).
mod erased {
    pub trait Ser {
        fn yaml(&self) -> String;
    }
    impl<T: serde::Serialize> Ser for T {
        fn yaml(&self) -> String {
            serde_saphyr::to_string(self).unwrap()
        }
    }
}

#[test]
fn schemas_sind_aus_den_typen_erzeugt_und_eingebunden() {
    let wurzel = common::projekt();
    for (name, text) in kataster_report::ausgabe::schema::dateien() {
        let datei =
            std::fs::read_to_string(wurzel.join("data/schema").join(name)).unwrap_or_else(|_| {
                panic!("data/schema/{name} fehlt: `kataster-report schema` ausführen")
            });
        assert_eq!(
            datei, text,
            "data/schema/{name} ist veraltet: `kataster-report schema` ausführen"
        );
    }
    // Every data file names its schema for the editor.
    let mut dateien = vec![];
    for d in ["edition", "vokabular", "quellen", "glossar", "abweichungen"] {
        dateien.push((
            format!("data/2025/{d}.yaml"),
            format!("../schema/{d}.schema.json"),
        ));
    }
    // Tabelle 1 and the fact sheets use the edition's schemas with its vocabulary.
    dateien.push((
        "data/2025/landkreise.yaml".into(),
        "schema/landkreise.schema.json".into(),
    ));
    for e in std::fs::read_dir(wurzel.join("data/2025/steckbriefe"))
        .unwrap()
        .flatten()
    {
        dateien.push((
            format!("data/2025/steckbriefe/{}", e.file_name().to_string_lossy()),
            "../schema/steckbriefe.schema.json".into(),
        ));
    }
    let g = lade_edition(&wurzel, "2025").unwrap();
    let veraltet =
        kataster_report::ausgabe::schema::veraltet(&wurzel, "2025", &g.edition.vokabular);
    assert!(
        veraltet.is_empty(),
        "veraltet: {veraltet:?} – `kataster-report schema` ausführen"
    );
    let sb: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(wurzel.join("data/2025/schema/steckbriefe.schema.json")).unwrap(),
    )
    .unwrap();
    let status = &sb["$defs"]["Antwort_projektstatus"]["anyOf"][0]["enum"];
    assert_eq!(
        status,
        &serde_json::json!(["Geplant", "In Umsetzung", "Abgeschlossen", "Erprobung"])
    );
    for (datei, schema) in dateien {
        let text = std::fs::read_to_string(wurzel.join(&datei)).unwrap();
        let erste = text.lines().next().unwrap_or_default();
        assert_eq!(
            erste,
            format!("# yaml-language-server: $schema={schema}"),
            "{datei}"
        );
    }
}

#[test]
fn check_meldet_in_einer_zeile_oder_mit_bericht() {
    let o = cli(&common::projekt(), &["check", "--edition", "2025"]);
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    assert!(
        stdout(&o)
            .lines()
            .next()
            .unwrap()
            .starts_with("Ausgabe 2025: 19 Landkreise, 69 Steckbriefe")
    );

    let k = Kopie::neu();
    k.ersetzen(
        "data/2025/steckbriefe/celle.yaml",
        "  projektstatus: Geplant",
        "  projektstatus: Geplannt",
    );
    let o = cli(k.pfad(), &["check"]);
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert!(e.contains("data/2025/steckbriefe/celle.yaml:"), "{e}");
    assert!(e.contains("meinten Sie „Geplant“?"), "{e}");

    let o = cli(&common::projekt(), &["check", "--edition", "2052"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("meinten Sie „2025“?"), "{}", stderr(&o));
}

#[test]
fn editionen_werden_gefunden() {
    assert_eq!(load::editionen(&common::projekt()), ["2025"]);
}

#[test]
fn landkreis_der_nicht_auf_der_karte_steht_wird_gemeldet() {
    let k = Kopie::neu();
    k.ersetzen(
        "data/2025/landkreise.yaml",
        "- name: Wittmund",
        "- name: Witmund",
    );
    let zeile = k.zeile("data/2025/landkreise.yaml", "name: Witmund");
    for befehl in [&["check"][..], &["build", "--out", "ziel"][..]] {
        let o = cli(k.pfad(), befehl);
        assert_eq!(o.status.code(), Some(1), "{befehl:?}");
        let e = stderr(&o);
        assert!(
            e.contains(&format!("data/2025/landkreise.yaml:{zeile}:")),
            "{e}"
        );
        assert!(e.contains("„Witmund“ ist kein Landkreis der Karte"), "{e}");
        assert!(e.contains("meinten Sie „Wittmund“?"), "{e}");
    }
    assert!(!k.datei("ziel").exists(), "kein PDF");
}

#[test]
fn neuer_vokabularwert_verlangt_neue_schemas() {
    let k = Kopie::neu();
    k.ersetzen(
        "data/2025/vokabular.yaml",
        "- wert: Erprobung",
        "- wert: Pilotbetrieb\n- wert: Erprobung",
    );
    let o = cli(k.pfad(), &["check"]);
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert!(
        e.contains("data/2025/schema/steckbriefe.schema.json passt nicht zu vokabular.yaml"),
        "{e}"
    );
    assert!(e.contains("kataster-report schema"), "{e}");
    let o = cli(k.pfad(), &["schema"]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("data/2025/schema/steckbriefe.schema.json"));
    let o = cli(k.pfad(), &["check"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        k.lesen("data/2025/schema/steckbriefe.schema.json")
            .contains("Pilotbetrieb")
    );
}

#[test]
fn fast_gleiche_werte_im_vokabular_werden_gemeldet() {
    let k = Kopie::klein();
    let datei = "data/klein/vokabular.yaml";
    let variante =
        "  variante_von: \"kommunale Datenzentrale (z. B. KDO, Itebo, hanIT, KDG, IT-Verbund)\"\n";
    assert!(k.lesen(datei).contains(variante));
    // Not marked: a warning at the later spelling; check still passes.
    k.ersetzen(datei, variante, "");
    let zeile = k.zeile(datei, "han-nIT");
    let o = cli(k.pfad(), &["check", "--edition", "klein"]);
    let t = stderr(&o);
    assert!(o.status.success(), "{t}");
    for teil in [
        &format!("data/klein/vokabular.yaml:{zeile}:"),
        "Warnung",
        "„kommunale Datenzentrale (z. B. KDO, Itebo, han-nIT, KDG, IT-Verbund)“ ist fast gleich",
        "tragen Sie darunter `variante_von:",
    ] {
        assert!(t.contains(teil), "„{teil}“ fehlt:\n{t}");
    }
    // A variant of a value the list does not have: an error with a proposal.
    k.ersetzen(
        datei,
        "  hinweis: Schreibvariante von „kommunale Datenzentrale (z. B. KDO, Itebo, hanIT",
        "  variante_von: \"kommunale Datenzentrale (z. B. KDO, Itebo, hanlT, KDG, IT-Verbund)\"\n  hinweis: Schreibvariante von „kommunale Datenzentrale (z. B. KDO, Itebo, hanIT",
    );
    let o = cli(k.pfad(), &["check", "--edition", "klein"]);
    let t = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{t}");
    assert!(
        t.contains("ist kein Wert der Liste „betriebsmodell“"),
        "{t}"
    );
    assert!(
        t.contains(
            "meinten Sie „kommunale Datenzentrale (z. B. KDO, Itebo, hanIT, KDG, IT-Verbund)“?"
        ),
        "{t}"
    );
}
