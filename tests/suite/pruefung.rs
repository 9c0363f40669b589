//! Figures, claims, acknowledged deviations and the typed-number lint.

use crate::common;

use common::{Kopie, cli, pdf_bytes, pdf_text, stderr, stdout};
use kataster_report::figures::{Kennzahlen, berechne};
use kataster_report::load::lade_edition;

fn kennzahlen(wurzel: &std::path::Path) -> Kennzahlen {
    berechne(&lade_edition(wurzel, "2025").expect("lädt").edition).expect("Kennzahlen")
}

fn nahe(k: &Kennzahlen, name: &str, erwartet: f64) {
    let wert = k
        .get(name)
        .unwrap_or_else(|| panic!("Kennzahl {name} fehlt"))
        .wert;
    assert!(
        (wert - erwartet).abs() < 1e-9,
        "{name}: berechnet {wert}, von Hand {erwartet}"
    );
}

/// Every figure against a count done by hand from the published Tabelle 1
/// and the 69 fact sheets.
#[test]
fn kennzahlen_2025_wie_von_hand_gezaehlt() {
    let k = kennzahlen(&common::projekt());
    nahe(&k, "landkreise_niedersachsen", 37.0);
    nahe(&k, "landkreise_teilnehmend", 19.0);
    nahe(&k, "landkreise_auswertbar", 18.0); // Wittmund meldet 0 Projekte
    nahe(&k, "abdeckung", 18.0 / 37.0);
    nahe(&k, "projekte_gesamt", 101.0);
    nahe(&k, "projekte_abgeschlossen", 24.0);
    nahe(&k, "projekte_in_umsetzung", 38.0); // veröffentlichte Summenzeile: 36
    nahe(&k, "projekte_geplant", 39.0); // veröffentlichte Summenzeile: 41
    nahe(&k, "projekte_je_landkreis", 101.0 / 19.0);
    nahe(&k, "vzae_summe", 10.0);
    nahe(&k, "vzae_mittel", 10.0 / 19.0);
    nahe(&k, "ki_strategie", 2.0); // Harburg, Lüchow-Dannenberg
    nahe(&k, "digitalstrategie_mit_ki", 4.0); // Friesland, Lüneburg, Osnabrück, Uelzen
    nahe(&k, "dienstanweisung", 5.0); // Gifhorn, Hameln-Pyrmont, Lüchow-Dannenberg, Osnabrück, Osterholz
    let spanne = k.get("vzae_spanne_gering").unwrap();
    assert_eq!((spanne.wert, spanne.bis), (0.1, Some(0.5))); // Peine 0,1 … Göttingen/Verden/Wolfenbüttel 0,5
    nahe(&k, "steckbriefe_gesamt", 69.0);
    nahe(&k, "steckbriefe_mit_technologie", 57.0);
    nahe(&k, "anteil_rpa", 22.0 / 57.0);
    nahe(&k, "anteil_llm", 29.0 / 57.0);
    nahe(&k, "anteil_chatbot", 11.0 / 57.0);
    nahe(&k, "anteil_voicebot", 7.0 / 57.0);
    nahe(&k, "anteil_rag", 3.0 / 57.0);
    nahe(&k, "anteil_on_prem", 33.0 / 64.0);
    nahe(&k, "anteil_cloud", 19.0 / 64.0);
    nahe(&k, "anteil_hybrid", 6.0 / 64.0);
    nahe(&k, "nennungen_scriba", 9.0);
    nahe(&k, "nennungen_emma", 6.0);
    nahe(&k, "nennungen_uipath", 11.0);
    nahe(&k, "nennungen_deepl", 1.0);
    nahe(&k, "nennungen_viind", 5.0);
    // Pearson's r from the published Tabelle 1, computed here independently.
    let vzae = [
        1.5, 2.5, 0.0, 0.0, 0.5, 0.3, 1.0, 0.3, 0.0, 0.8, 0.0, 1.0, 0.0, 0.1, 0.0, 1.0, 0.5, 0.0,
        0.5,
    ];
    let projekte = [
        17.0, 3.0, 4.0, 4.0, 3.0, 8.0, 13.0, 3.0, 1.0, 11.0, 2.0, 6.0, 1.0, 3.0, 10.0, 6.0, 3.0,
        0.0, 3.0,
    ];
    let strategie = [
        0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0,
        0.0,
    ];
    let r = |x: &[f64], y: &[f64]| {
        let n = x.len() as f64;
        let (mx, my) = (x.iter().sum::<f64>() / n, y.iter().sum::<f64>() / n);
        let c: f64 = x.iter().zip(y).map(|(a, b)| (a - mx) * (b - my)).sum();
        let vx: f64 = x.iter().map(|a| (a - mx).powi(2)).sum();
        let vy: f64 = y.iter().map(|b| (b - my).powi(2)).sum();
        c / (vx * vy).sqrt()
    };
    nahe(&k, "korrelation_vzae_projekte", r(&vzae, &projekte));
    nahe(
        &k,
        "korrelation_strategie_projekte",
        r(&strategie, &projekte),
    );
    assert!((r(&vzae, &projekte) - 0.4042).abs() < 1e-4);
}

#[test]
fn check_2025_besteht_und_listet_die_anerkannten_abweichungen() {
    let o = cli(&common::projekt(), &["check"]);
    let s = common::falten(&stdout(&o));
    assert!(o.status.success(), "{s}");
    assert!(s.contains("0 verletzt"), "{s}");
    assert!(s.contains("Anerkannte Abweichungen"), "{s}");
    assert!(s.contains("„mehr als 40 Prozent“"), "{s}");
    assert!(s.contains("38,6 % (22 von 57)"), "{s}");
}

#[test]
fn verletzte_aussage_nennt_datei_zeile_kennzahl_und_wert() {
    let k = Kopie::neu();
    let kapitel = "report/kapitel/2025/02-einleitung.typ.hbs";
    k.ersetzen(
        kapitel,
        "{{wort \"dienstanweisung\"}}",
        "{{#behauptung \"dienstanweisung\" \"gleich\" 6}}sechs{{/behauptung}}",
    );
    let zeile = k.zeile(kapitel, "sechs{{/behauptung}}");
    let o = cli(k.pfad(), &["check"]);
    assert_eq!(o.status.code(), Some(1));
    let s = stdout(&o);
    assert!(s.contains(&format!("{kapitel}:{zeile}: „sechs“")), "{s}");
    assert!(s.contains("Kennzahl dienstanweisung"), "{s}");
    assert!(s.contains("behauptet: gleich 6 · berechnet: 5"), "{s}");

    let o = cli(k.pfad(), &["check", "--format", "json"]);
    let j: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(j["bestanden"], false);
    let b = j["behauptungen"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["kennzahl"] == "dienstanweisung")
        .unwrap();
    assert_eq!(b["datei"], kapitel);
    assert_eq!(b["zeile"], zeile);
    assert_eq!(b["wortlaut"], "sechs");
    assert_eq!(b["berechnet"], "5");
    assert_eq!(b["gilt"], false);
    assert_eq!(b["anerkannt"], false);
    assert!(b["id"].as_str().unwrap().starts_with("02-einleitung:"));
}

#[test]
fn geaenderte_vzae_brechen_die_bindung_o_0_5() {
    let k = Kopie::neu();
    // Celle from 1,5 to 6 VZÄ: Ø = 14,5 / 19 ≈ 0,76, no longer "0,5".
    k.ersetzen("data/2025/landkreise.yaml", "  vzae: 1.5", "  vzae: 6");
    let o = cli(k.pfad(), &["check"]);
    assert_eq!(o.status.code(), Some(1));
    let s = stdout(&o);
    assert!(s.contains("„0,5“"), "{s}");
    assert!(s.contains("Kennzahl vzae_mittel"), "{s}");
    assert!(s.contains("berechnet: 0,763"), "{s}");
    // build refuses the violated claims; a draft's Tabelle 1 shows the new average.
    let out = tempfile::tempdir().unwrap();
    let ziel = out.path().to_str().unwrap();
    let o = cli(k.pfad(), &["build", "--out", ziel]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 0);
    let o = cli(k.pfad(), &["build", "--out", ziel, "--entwurf"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let pdf = std::fs::read(out.path().join("ki-kataster-2025-v1.1-entwurf.pdf")).unwrap();
    let text = pdf_text(&pdf);
    assert!(
        text.contains("Ø 0,8"),
        "Tabelle 1 zeigt den neuen Durchschnitt"
    );
}

#[test]
fn veraltete_anerkennung_laesst_check_fehlschlagen() {
    // The computed value changed since the acknowledgement was written.
    let k = Kopie::neu();
    k.ersetzen(
        "data/2025/abweichungen.yaml",
        "    berechnet: 38,6 % (22 von 57)",
        "    berechnet: 41,0 % (23 von 56)",
    );
    let o = cli(k.pfad(), &["check"]);
    assert_eq!(o.status.code(), Some(1));
    let s = stdout(&o);
    assert!(s.contains("Veraltete Anerkennungen"), "{s}");
    assert!(
        s.contains("anerkannt wurde der Wert 41,0 % (23 von 56)"),
        "{s}"
    );

    // The claim holds now (the data changed): the acknowledgement is stale.
    let k = Kopie::neu();
    k.ersetzen(
        "data/2025/landkreise.yaml",
        "  digitalstrategie_mit_ki: true",
        "  digitalstrategie_mit_ki: false",
    );
    k.ersetzen(
        "data/2025/landkreise.yaml",
        "  digitalstrategie_mit_ki: true",
        "  digitalstrategie_mit_ki: false",
    );
    let o = cli(k.pfad(), &["check"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).contains("gilt aber inzwischen"),
        "{}",
        stdout(&o)
    );

    // An acknowledgement without its claim is stale too.
    let k = Kopie::neu();
    k.ersetzen(
        "report/kapitel/2025/08-herausforderungen.typ.hbs",
        "{{#behauptung \"vzae_spanne_gering\" \"zwischen\" 0.2 0.5}}0,2 bis 0,5{{/behauptung}}",
        "0,2 bis 0,5",
    );
    let o = cli(k.pfad(), &["check"]);
    assert_eq!(o.status.code(), Some(1));
    let s = stdout(&o);
    assert!(s.contains("keine Aussage „0,2 bis 0,5“"), "{s}");
}

#[test]
fn getippte_zahl_wird_gemeldet() {
    let k = Kopie::neu();
    let kapitel = "report/kapitel/2025/10-ausblick.typ.hbs";
    k.ersetzen(kapitel, "= Ausblick <ausblick>\n", "= Ausblick <ausblick>\n\nBis 2026 kommen 17 Projekte hinzu, am 1. Juli, siehe Ziff. 5 und Art. 4 KI-VO.\n");
    let zeile = k.zeile(kapitel, "17 Projekte");
    let o = cli(k.pfad(), &["check"]);
    assert_eq!(o.status.code(), Some(1));
    let s = stdout(&o);
    assert!(
        s.contains(&format!("{kapitel}:{zeile}: „17 Projekte“")),
        "{s}"
    );
    assert!(
        s.contains("1 getippte Zahlen"),
        "Daten, Ziffern, Artikel sind erlaubt: {s}"
    );
}

#[test]
fn unbekannte_kennzahl_im_kapitel_mit_vorschlag() {
    let k = Kopie::neu();
    k.ersetzen(
        "report/kapitel/2025/09-schlussfolgerungen.typ.hbs",
        "{{zahl \"projekte_gesamt\"}}",
        "{{zahl \"projekte_gesammt\"}}",
    );
    let o = cli(k.pfad(), &["check"]);
    assert_eq!(o.status.code(), Some(1));
    let e = common::stderr(&o);
    assert!(e.contains("09-schlussfolgerungen.typ.hbs:"), "{e}");
    assert!(e.contains("unbekannte Kennzahl „projekte_gesammt“"), "{e}");
    assert!(e.contains("meinten Sie „projekte_gesamt“?"), "{e}");
}

#[test]
fn pdf_enthaelt_den_text_der_kapitel() {
    let text = pdf_text(&pdf_bytes(&common::projekt()));
    for t in [
        // 2 Einleitung, with figures filled in and claims keeping their words
        "An der Umfrage haben 18 Landkreise (≈ 49 % der nds. Landkreise) teilgenommen und insgesamt 101 Projekte gemeldet.",
        "Von den 18 auswertbaren Landkreisen verfügen zwei über eine eigenständige KI-Strategie, zwei über eine Digitalstrategie",
        "die in mehr als 40 Prozent der Projekte eingesetzt wird",
        // 3 Rahmenbedingungen, with a generated cross reference
        "Unter Künstlicher Intelligenz wird die Fähigkeit eines technischen Systems verstanden",
        "(siehe Projekt-Steckbriefe, Ziff. 5, S.",
        // 4 Ergebnisse
        "was einer Abdeckung von etwa 49 % der 37 Landkreise in Niedersachsen entspricht",
        "Abbildung 1: Anzahl der KI-Projekte bei den Teilnehmern der Umfrage",
        // 6 Organisationsstrukturen
        "Zentral verankerte Zuständigkeit in einer Stabsstelle",
        // 7 Praxisbeispiele
        "Spotlight-Projekt: Chatbot des IT-Verbundes Uelzen",
        // 8 Herausforderungen
        "Besonders deutlich wird dies bei Landkreisen mit nur 0,2 bis 0,5 VZÄ für KI",
        // 9 Schlussfolgerungen, 10 Ausblick, 11 Glossar
        "Handlungsempfehlungen für die Landkreise",
        "Die Entwicklungen der letzten Jahre lassen den Schluss zu",
        "VZÄ (Vollzeitäquivalent): Maßgröße zur Erfassung von Personalressourcen.",
        // a footnote with its link
        "https://eur-lex.europa.eu/eli/reg/2024/1689/oj",
    ] {
        assert!(text.contains(t), "{t:?} fehlt im PDF");
    }
}

#[test]
fn figures_listet_definition_und_wert() {
    let o = cli(&common::projekt(), &["figures", "--format", "json"]);
    assert!(o.status.success());
    let j: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let rpa = j
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["name"] == "anteil_rpa")
        .unwrap();
    assert_eq!(rpa["zaehler"], 22);
    assert_eq!(rpa["nenner"], 57);
    assert!(
        rpa["definition"]
            .as_str()
            .unwrap()
            .contains("Steckbriefe mit Angabe der Technologie")
    );
    // Every figure of 2025 is defined in the data; the program knows the kinds.
    for k in j.as_array().unwrap() {
        assert_eq!(
            k["definiert_in"], "data/2025/kennzahlen.yaml",
            "{}",
            k["name"]
        );
    }
    let o = cli(&common::projekt(), &["figures"]);
    assert!(stdout(&o).contains("projekte_je_landkreis"));
}
