//! Statements beyond a figure, decided on the 2025 data. The expected
//! counts were counted independently from the YAML files (a short script
//! over data/2025/steckbriefe), not with the program.

use crate::common;

use std::path::Path;

use kataster_report::claims::{self, Ergebnis, Urteil};
use kataster_report::figures::berechne;
use kataster_report::load::lade_edition;
use kataster_report::templates::vorlage_lesen;

/// Every statement of `text` (a chapter template), decided on 2025.
fn entscheiden(text: &str) -> (Vec<Ergebnis>, Vec<String>) {
    let g = lade_edition(&common::projekt(), "2025").expect("2025 lädt");
    let kz = berechne(&g.edition).expect("Kennzahlen");
    let k = vorlage_lesen("t.typ.hbs", Path::new("t.typ.hbs"), text.into()).expect("Vorlage");
    let b = claims::pruefe(&[k], &g.edition, &kz);
    (b.behauptungen, b.fehler.iter().map(|d| d.kurz()).collect())
}

/// One statement with the verdict `erwartet`; the statement.
fn urteil(text: &str, erwartet: Urteil) -> Ergebnis {
    let (e, f) = entscheiden(text);
    assert!(f.is_empty() && e.len() == 1, "{text}: {f:?}");
    assert_eq!(e[0].urteil, erwartet, "{text}: {}", e[0].berechnet);
    assert_eq!(e[0].gilt, erwartet != Urteil::Verletzt, "{text}");
    e[0].clone()
}

/// One statement that must hold (`gilt`) or not, with parts of what
/// `check` computes.
fn fall(text: &str, gilt: bool, berechnet: &[&str]) {
    let (e, f) = entscheiden(text);
    assert!(f.is_empty(), "{text}: {f:?}");
    assert_eq!(e.len(), 1, "{text}");
    assert_eq!(e[0].gilt, gilt, "{text}: {}", e[0].berechnet);
    // Reported at its place in the template.
    assert_eq!(
        (e[0].datei.as_str(), e[0].zeile),
        ("t.typ.hbs", 1),
        "{text}"
    );
    let ist = common::falten(&e[0].berechnet);
    for b in berechnet {
        assert!(ist.contains(b), "{text}: „{b}“ fehlt in {ist}");
    }
}

#[test]
fn rang_unter_den_technologien() {
    // LLM 29, RPA 22, ChatBot 11, VoiceBot 7, RAG 3, DMS 2 of 57 sheets.
    let zaehlung = "LLM 29, RPA 22, ChatBot 11, VoiceBot 7, RAG 3, DMS 2 (von 57 Steckbriefen)";
    fall(
        r#"{{#aussage "rang" "technologien" "LLM" 1}}am häufigsten{{/aussage}}"#,
        true,
        &["Platz 1", zaehlung],
    );
    fall(
        r#"{{#aussage "rang" "technologien" "RPA" 1}}steht im Mittelpunkt{{/aussage}}"#,
        false,
        &["Platz 2", zaehlung],
    );
    fall(
        r#"{{#aussage "dominiert" "betriebsmodell" "On-Premises"}}dominieren{{/aussage}}"#,
        true, // On-Premises 33, Cloud/SaaS 19: 33 ≥ 1,5 × 19
        &["On-Premises 33, Cloud/SaaS 19"],
    );
    // LLM 29, RPA 22: 56,9 % of the two front-runners, in the borderline
    // band of "dominieren" (over 50 %, below 58,5 %): shown, passes.
    let e = urteil(
        r#"{{#aussage "dominiert" "technologien" "LLM"}}dominieren{{/aussage}}"#,
        Urteil::Grenzwertig,
    );
    assert!(
        common::falten(&e.berechnet).contains("56,9 % der ersten beiden: LLM 29, RPA 22"),
        "{}",
        e.berechnet
    );
    assert_eq!(
        e.grenzbereich.as_deref().map(common::falten).as_deref(),
        Some("stimmt ab 58,5 %, grenzwertig über 50 %")
    );
    // RPA is not first: violated whatever its share.
    urteil(
        r#"{{#aussage "dominiert" "technologien" "RPA"}}dominieren{{/aussage}}"#,
        Urteil::Verletzt,
    );
}

#[test]
fn vergleich_zweier_kennzahlen() {
    fall(
        r#"{{#aussage "seltener_als" "anteil_voicebot" "anteil_chatbot"}}seltener{{/aussage}}"#,
        true,
        &["12,3 % (7 von 57) gegenüber 19,3 % (11 von 57)"],
    );
    fall(
        r#"{{#aussage "haeufiger_als" "anteil_rpa" "anteil_llm"}}häufiger{{/aussage}}"#,
        false,
        &["38,6 % (22 von 57) gegenüber 50,9 % (29 von 57)"],
    );
}

#[test]
fn fuehrende_antworten() {
    // Kennzahlen: Zeitersparnis 30, Nutzenden-Zufriedenheit 22, eingesparte
    // manuelle Arbeitsschritte 21, Nutzungsquote 13, Fehlerquote 12.
    fall(
        r#"{{#aussage "fuehrend" "kennzahlen" 3 "Zeitersparnis" "Nutzenden-Zufriedenheit"}}vor allem{{/aussage}}"#,
        true,
        &["Zeitersparnis: Platz 1", "Nutzenden-Zufriedenheit: Platz 2"],
    );
    fall(
        r#"{{#aussage "fuehrend" "kennzahlen" 3 "Zeitersparnis" "Fehlerquote"}}vor allem{{/aussage}}"#,
        false,
        &["Fehlerquote: Platz 5"],
    );
}

#[test]
fn verbreitung_ueber_landkreise() {
    // Scriba in 9 Landkreisen, EMMA in 6, UiPath in 3.
    fall(
        r#"{{#aussage "verbreitet" "emma" 2}}in mehreren Landkreisen{{/aussage}}"#,
        true,
        &[
            "in 6 Landkreisen (Göttingen, Hameln-Pyrmont, Lüchow-Dannenberg, Peine, Verden, Wolfenbüttel)",
        ],
    );
    fall(
        r#"{{#aussage "verbreitet" "uipath" 4}}in vielen Landkreisen{{/aussage}}"#,
        false,
        &["in 3 Landkreisen (Celle, Heidekreis, Stade)"],
    );
}

#[test]
fn anteil_in_einer_gruppe_und_haeufigkeitsworte() {
    // Among the 22 RPA sheets with a Betriebsmodell: On-Premises 16 (72,7 %);
    // among the 26 LLM sheets: 9 (34,6 %).
    fall(
        r#"{{#aussage "anteil_in_gruppe" "betriebsmodell" "On-Premises" "technologien" "RPA" "ueberwiegend"}}überwiegend{{/aussage}}"#,
        true,
        &["On-Premises in 16 von 22 Steckbriefen (72,7 %)"],
    );
    // 34,6 % "häufig": just inside the borderline band (over 34,5 %).
    urteil(
        r#"{{#aussage "anteil_in_gruppe" "betriebsmodell" "On-Premises" "technologien" "LLM" "haeufig"}}häufig{{/aussage}}"#,
        Urteil::Grenzwertig,
    );
    fall(
        r#"{{#aussage "anteil_in_gruppe" "betriebsmodell" "On-Premises" "technologien" "LLM" "ueberwiegend"}}überwiegend{{/aussage}}"#,
        false,
        &["On-Premises in 9 von 26 Steckbriefen (34,6 %)"],
    );
    // RAG in 3 of 57 sheets (5,3 %) and Fördermittel in 7 of 69 (10,1 %):
    // both a minor role ("untergeordnet" holds up to 17 %).
    fall(
        r#"{{#aussage "haeufigkeit" "technologien" "RAG" "untergeordnet"}}eine untergeordnete Rolle{{/aussage}}"#,
        true,
        &["RAG in 3 von 57 Steckbriefen (5,3 %)"],
    );
    fall(
        r#"{{#aussage "haeufigkeit" "foerdermittel" "Ja (bitte Förderprogramm in Kommentar eintragen)" "untergeordnet"}}eine untergeordnete Rolle{{/aussage}}"#,
        true,
        &["in 7 von 69 Steckbriefen (10,1 %)"],
    );
}

#[test]
fn worte_muessen_sagen_was_die_aussage_sagt() {
    for (text, teil) in [
        (
            r#"{{#aussage "haeufiger_als" "anteil_llm" "anteil_rpa"}}seltener{{/aussage}}"#,
            "sagen „seltener“",
        ),
        (
            r#"{{#aussage "rang" "technologien" "LLM" 2}}am häufigsten{{/aussage}}"#,
            "erwartet wird eines von: zweit",
        ),
        (
            r#"{{#aussage "haeufigkeit" "technologien" "RAG" "ueberwiegend"}}selten{{/aussage}}"#,
            "erwartet wird eines von: überwiegend",
        ),
    ] {
        let (e, f) = entscheiden(text);
        assert!(e.is_empty(), "{text}");
        assert!(
            f.iter()
                .any(|x| x.contains(teil) && x.starts_with("t.typ.hbs:1:")),
            "{text}: {f:?}"
        );
    }
    // A mistyped answer or kind is named with a proposal.
    let (_, f) =
        entscheiden(r#"{{#aussage "rang" "technologien" "LMM" 1}}am häufigsten{{/aussage}}"#);
    assert!(f.iter().any(|x| x.contains("meinten Sie „LLM“?")), "{f:?}");
    let (_, f) =
        entscheiden(r#"{{#aussage "rank" "technologien" "LLM" 1}}am häufigsten{{/aussage}}"#);
    assert!(f.iter().any(|x| x.contains("meinten Sie „rang“?")), "{f:?}");
}

#[test]
fn check_meldet_eine_widerlegte_aussage_mit_ort_und_zaehlung() {
    let k = common::Kopie::klein();
    k.ersetzen(
        "report/kapitel/klein/01-ergebnisse.typ.hbs",
        "Absatz zum Bearbeiten.",
        "Am häufigsten ist {{#aussage \"rang\" \"technologien\" \"ChatBot\" 1}}an erster Stelle{{/aussage}} der Chatbot.",
    );
    let zeile = k.zeile("report/kapitel/klein/01-ergebnisse.typ.hbs", "\"rang\"");
    let o = common::cli(k.pfad(), &["check", "--edition", "klein"]);
    let t = common::stdout(&o);
    assert_eq!(o.status.code(), Some(1), "{t}");
    assert!(
        t.contains(&format!(
            "report/kapitel/klein/01-ergebnisse.typ.hbs:{zeile}: „an erster Stelle“"
        )) && t.contains("behauptet: ChatBot auf Platz 1")
            && t.contains("RPA 3, ChatBot 1, LLM 1 (von 5 Steckbriefen)"),
        "{t}"
    );
}

#[test]
fn readme_nennt_jede_art_und_jedes_haeufigkeitswort() {
    let readme = std::fs::read_to_string(common::projekt().join("README.md")).unwrap();
    for a in claims::aussagen::ARTEN {
        assert!(
            readme.contains(&format!("`{}`", a.name)),
            "README: Art {}",
            a.name
        );
    }
    // Every vague word has a row in the README's table, and the row states
    // the ranges the program uses.
    let prozent = |x: f64| {
        let p = (x * 1000.0).round() / 10.0;
        format!("{p} %").replace('.', ",")
    };
    for w in claims::grenzen::SKALA {
        let werte = [prozent(w.grenzen.stimmt), prozent(w.grenzen.grenzwertig)];
        assert!(
            readme
                .lines()
                .filter(|l| l.starts_with(&format!("| `{}`", w.name)))
                .any(|l| werte.iter().all(|v| l.contains(v.as_str()))),
            "README: keine Zeile für {} mit {werte:?}",
            w.name
        );
    }
}

#[test]
fn kennzahlen_aus_kennzahlen_yaml_behalten_ihre_werte() {
    // Counted independently from the YAML files of 2025.
    let g = lade_edition(&common::projekt(), "2025").expect("2025 lädt");
    let kz = berechne(&g.edition).expect("Kennzahlen");
    let erwartet: &[(&str, u32, u32)] = &[
        ("anteil_rpa", 22, 57),
        ("anteil_llm", 29, 57),
        ("anteil_chatbot", 11, 57),
        ("anteil_voicebot", 7, 57),
        ("anteil_rag", 3, 57),
        ("anteil_dms", 2, 57),
        ("anteil_on_prem", 33, 64),
        ("anteil_cloud", 19, 64),
        ("anteil_hybrid", 6, 64),
        ("anteil_datenzentrale", 2, 64),
        ("anteil_externes_hosting", 1, 64),
        ("anteil_betriebsmodell_sonstiges", 3, 64),
    ];
    for (name, z, n) in erwartet {
        let k = kz.get(name).unwrap_or_else(|| panic!("{name} fehlt"));
        assert_eq!((k.zaehler, k.nenner), (Some(*z), Some(*n)), "{name}");
        assert!(
            g.edition
                .kennzahl_definitionen
                .iter()
                .any(|d| d.name == *name),
            "{name} aus Daten"
        );
    }
    for (produkt, z) in [
        ("scriba", 9.0),
        ("emma", 6.0),
        ("uipath", 11.0),
        ("viind", 5.0),
        ("dragon", 3.0),
    ] {
        assert_eq!(
            kz.get(&format!("nennungen_{produkt}")).map(|k| k.wert),
            Some(z),
            "{produkt}"
        );
    }
}

#[test]
fn eine_neue_kennzahl_in_den_daten_braucht_kein_neues_programm() {
    let k = common::Kopie::klein();
    let datei = "data/klein/kennzahlen.yaml";
    k.schreiben(
        datei,
        &format!(
            "{}  - name: anteil_cloud_bei_llm\n    titel: Cloud-Anteil der LLM-Projekte\n    \
             art: anteil_in_gruppe\n    feld: betriebsmodell\n    antwort: Cloud/SaaS\n    \
             gruppenfeld: technologien\n    gruppenantwort: LLM\n  - name: rang_llm\n    titel: Platz von LLM\n    \
             art: rang\n    feld: technologien\n    antwort: LLM\n  - name: landkreise_mit_scriba\n    \
             titel: Landkreise mit Scriba\n    art: landkreise\n    produkt: scriba\n",
            k.lesen(datei)
        ),
    );
    k.ersetzen(
        "report/kapitel/klein/01-ergebnisse.typ.hbs",
        "Absatz zum Bearbeiten.",
        "Cloud-Anteil bei LLM: {{prozent \"anteil_cloud_bei_llm\"}}; LLM auf Platz {{zahl \"rang_llm\"}}; Scriba in \
         {{#behauptung \"landkreise_mit_scriba\" \"gleich\" 1}}einem Landkreis{{/behauptung}}.",
    );
    // The only LLM sheet (Gifhorn, Scriba) runs as Cloud/SaaS.
    let text = common::pdf_text(&common::pdf_bytes_von(k.pfad(), "klein"));
    assert!(text.contains("Cloud-Anteil bei LLM: 100 %"), "{text}");
    // RPA 3, then ChatBot and LLM with 1 each (sharing place 2).
    assert!(text.contains("LLM auf Platz 2"), "{text}");
    let o = common::cli(k.pfad(), &["figures", "--edition", "klein"]);
    assert!(common::stdout(&o).contains("definiert in: data/klein/kennzahlen.yaml"));

    // A mistyped definition is named at its line, with a proposal.
    k.ersetzen(datei, "gruppenantwort: LLM", "gruppenantwort: LMM");
    let zeile = k.zeile(datei, "gruppenantwort: LMM");
    let o = common::cli(k.pfad(), &["check", "--edition", "klein"]);
    let t = common::stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{t}");
    assert!(
        t.contains(&format!("{datei}:{zeile}")) && t.contains("meinten Sie „LLM“?"),
        "{t}"
    );
}

/// The 42 figures of 2025 as the program computed them before they moved
/// into kennzahlen.yaml (tests/fixtures/kennzahlen-2025.json): the same
/// names in the same order, titles, definitions and values.
#[test]
fn alle_kennzahlen_2025_wie_vor_dem_umzug_in_die_daten() {
    let text =
        std::fs::read_to_string(common::projekt().join("tests/fixtures/kennzahlen-2025.json"))
            .unwrap();
    let vorher: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
    let g = lade_edition(&common::projekt(), "2025").expect("2025 lädt");
    let jetzt = serde_json::to_value(&berechne(&g.edition).expect("Kennzahlen").liste).unwrap();
    let jetzt = jetzt.as_array().unwrap();
    assert_eq!(jetzt.len(), vorher.len());
    for (v, j) in vorher.iter().zip(jetzt) {
        for feld in [
            "name",
            "titel",
            "definition",
            "einheit",
            "wert",
            "bis",
            "zaehler",
            "nenner",
        ] {
            assert_eq!(v.get(feld), j.get(feld), "{}: {feld}", v["name"]);
        }
    }
}
