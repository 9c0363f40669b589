//! Abbildung 1 (the map) and the charts: one shape per district, labels,
//! colour order, deterministic SVG, and chart values equal to the figures.

use crate::common;

use kataster_report::charts::{self, geo::Geodaten, karte, mass::Schriftmass};
use kataster_report::compile::world::Schriften;
use kataster_report::figures::{BETRIEBSMODELLE, TECHNOLOGIEN, berechne};
use kataster_report::load::lade_edition;
use kataster_report::model::{Edition, Gestaltung, KartenZahlen, kontrast};

fn laden() -> (Edition, Geodaten, Schriftmass) {
    let wurzel = common::projekt();
    let e = lade_edition(&wurzel, "2025").unwrap().edition;
    let text =
        std::fs::read_to_string(wurzel.join(kataster_report::projekt::Projektpfade::GEODATEN))
            .unwrap();
    let mass = Schriftmass::aus(&Schriften::laden(&wurzel).unwrap()).unwrap();
    (e, Geodaten::aus_text(&text).unwrap(), mass)
}

/// Relative luminance of an sRGB colour (WCAG).
fn helligkeit(c: plotters::style::RGBColor) -> f64 {
    kataster_report::model::leuchtdichte((c.0, c.1, c.2))
}

/// The design of the accessible layout, as `check` loads it.
fn barrierefrei() -> Gestaltung {
    let mut dateien = Default::default();
    let mut texte = Default::default();
    kataster_report::load::lade_datei(
        &common::projekt(),
        std::path::Path::new("report/layout/2025-barrierefrei/gestaltung.yaml"),
        &mut dateien,
        &mut texte,
    )
    .expect("gestaltung.yaml")
}

#[test]
fn karte_hat_einen_kreis_je_gebiet_und_die_richtigen_zahlen() {
    let (e, geo, mass) = laden();
    let plan = karte::darstellung(&e, &geo);
    assert_eq!(
        plan.len(),
        45,
        "36 Landkreise, Region Hannover, 8 kreisfreie Städte"
    );
    let mut rs: Vec<&str> = plan.iter().map(|k| k.rs.as_str()).collect();
    rs.dedup();
    assert_eq!(rs.len(), 45, "jedes Gebiet genau einmal");
    // Göttingen (with the former Osterode am Harz) is one district.
    assert_eq!(plan.iter().filter(|k| k.name == "Göttingen").count(), 1);
    assert!(plan.iter().all(|k| k.rs != "03152" && k.rs != "03156"));
    // Every responding Landkreis is on the map with its count from Tabelle 1.
    for l in &e.landkreise {
        let k = plan
            .iter()
            .find(|k| k.name == l.name && k.projekte.is_some())
            .unwrap_or_else(|| panic!("{} fehlt auf der Karte", l.name));
        assert_eq!(k.projekte, Some(l.projekte.summe()), "{}", l.name);
    }
    assert_eq!(
        plan.iter().filter(|k| k.projekte.is_some()).count(),
        e.landkreise.len()
    );
    // The city of Osnabrück did not respond; the Landkreis did.
    let osnabrueck: Vec<_> = plan.iter().filter(|k| k.name == "Osnabrück").collect();
    assert_eq!(osnabrueck.len(), 2);
    assert_eq!(
        osnabrueck.iter().filter(|k| k.projekte == Some(6)).count(),
        1
    );

    // Fill colours get darker as the count rises (never lighter).
    let mut nach_zahl: Vec<(u32, f64)> = plan
        .iter()
        .filter_map(|k| k.projekte.map(|p| (p, helligkeit(k.fuellung))))
        .collect();
    nach_zahl.sort_by_key(|a| a.0);
    for w in nach_zahl.windows(2) {
        assert!(
            w[1].1 <= w[0].1,
            "Farbe bei {} heller als bei {}",
            w[1].0,
            w[0].0
        );
    }
    assert!(nach_zahl.first().unwrap().1 > nach_zahl.last().unwrap().1);

    // The SVG: one filled ring per outer ring and hole of the 45 districts,
    // and a label with the right number on each responding Landkreis.
    let abb = karte::karte(&e, &geo, &mass, &Gestaltung::default()).unwrap();
    let svg = abb.svg.replace('\n', "");
    let ringe: usize = geo
        .kreise
        .iter()
        .map(|k| k.polygone.iter().map(Vec::len).sum::<usize>())
        .sum();
    assert_eq!(abb.svg.matches("<polygon").count(), ringe);
    for l in &e.landkreise {
        let label = format!(">{}</text>", l.projekte.summe());
        assert!(svg.contains(&label), "Zahl von {} fehlt", l.name);
        assert!(
            abb.alt
                .contains(&format!("{} {}", l.name, l.projekte.summe())),
            "Alternativtext nennt {}",
            l.name
        );
    }
    assert!(
        abb.svg.contains("font-family=\"Inter\""),
        "Schrift des Berichts"
    );
}

#[test]
fn abbildungen_sind_deterministisch() {
    let (e, geo, mass) = laden();
    let k = berechne(&e).expect("Kennzahlen");
    let a = charts::alle(&e, &k, &geo, &mass, &barrierefrei()).unwrap();
    let b = charts::alle(&e, &k, &geo, &mass, &barrierefrei()).unwrap();
    assert_eq!(a.len(), 5);
    for (x, y) in a.iter().zip(&b) {
        assert!(x.svg == y.svg, "{} unterscheidet sich", x.id);
        assert!(
            !x.alt.is_empty() && !x.titel.is_empty(),
            "{} braucht Titel und Alternativtext",
            x.id
        );
    }
}

#[test]
fn diagramme_zeigen_die_werte_der_kennzahlen() {
    let (e, geo, mass) = laden();
    let k = berechne(&e).expect("Kennzahlen");
    let abb = charts::alle(&e, &k, &geo, &mass, &barrierefrei()).unwrap();
    let finde = |id: &str| abb.iter().find(|a| a.id == id).unwrap();

    let tech = finde("technologien");
    for (name, kurz) in TECHNOLOGIEN {
        let wert = tech.werte.iter().find(|(l, _)| l == kurz).unwrap().1;
        assert_eq!(wert, k.get(name).unwrap().wert, "{kurz}");
    }
    let modell = finde("betriebsmodelle");
    for (name, kurz) in BETRIEBSMODELLE {
        let wert = modell.werte.iter().find(|(l, _)| l == kurz).unwrap().1;
        assert_eq!(wert, k.get(name).unwrap().wert, "{kurz}");
    }
    let status = finde("projekte-status");
    let summe: f64 = status.werte.iter().map(|w| w.1).sum();
    assert_eq!(summe, k.get("projekte_gesamt").unwrap().wert);
    for l in &e.landkreise {
        let w = status
            .werte
            .iter()
            .find(|(n, _)| *n == format!("{} geplant", l.name))
            .unwrap()
            .1;
        assert_eq!(w, f64::from(l.projekte.geplant));
    }
    let vzae = finde("vzae-projekte");
    let r = kataster_report::figures::format::dezimal(
        k.get("korrelation_vzae_projekte").unwrap().wert,
        2,
    );
    assert!(vzae.titel.contains(&format!("r = {r}")), "{}", vzae.titel);
    // The data behind each share chart is also a table.
    let t = tech.tabelle.as_ref().unwrap();
    assert!(
        t.zeilen
            .iter()
            .any(|z| z[0] == "RPA" && z[2] == "22 von 57")
    );
}

#[test]
fn abbildungen_stehen_mit_nummer_und_verweis_im_pdf() {
    // References are links; the extractor puts spaces around their text.
    let text = common::pdf_text(&common::pdf_bytes(&common::projekt()))
        .replace("( ", "(")
        .replace(" )", ")");
    for t in [
        "Abbildung 1: Anzahl der KI-Projekte bei den Teilnehmern der Umfrage",
        "Abbildung 2: Projekte je Landkreis nach Status",
        "Abbildung 3: VZÄ für KI und Zahl der Projekte je Landkreis (Korrelationskoeffizient r = 0,40)",
        "Abbildung 4: Eingesetzte Technologien",
        "Abbildung 5: Betriebsmodelle",
        "die Projekte je Landkreis nach Status (Abbildung 2)",
        "© GeoBasis-DE / BKG",
    ] {
        assert!(text.contains(t), "{t:?} fehlt");
    }
}

/// The numbers on the map reach 4.5:1 against their district in the
/// accessible design; version 1.0's white on the 7–10 class did not.
#[test]
fn kartenzahlen_erreichen_4_5_zu_1() {
    let g = barrierefrei();
    assert_eq!(g.karten_zahlen, KartenZahlen::Kontrast);
    let rgb = |c: plotters::style::RGBColor| (c.0, c.1, c.2);
    for n in 0..=30 {
        let k = kontrast(
            rgb(karte::farbe(n)),
            rgb(karte::zahlfarbe(n, g.karten_zahlen)),
        );
        assert!(k >= 4.5, "{n} Projekte: {k:.2} : 1");
    }
    let alt = kontrast(
        rgb(karte::farbe(8)),
        rgb(karte::zahlfarbe(8, KartenZahlen::HellAb7)),
    );
    assert!(alt < 4.5, "Version 1.0: {alt:.2}");
}

/// The status bars of the accessible design: separated by white lines,
/// each colour at least 3:1 against white.
#[test]
fn statusbalken_erreichen_3_zu_1() {
    let g = barrierefrei();
    assert!(g.trennlinien && g.kontrastmaengel().is_empty());
    for f in &g.status_farben {
        assert!(kontrast(f.rgb(), (255, 255, 255)) >= 3.0, "{f:?}");
    }
    assert!(!Gestaltung::default().kontrastmaengel().is_empty());
}

/// The scatter chart names the Landkreise at their dots, those at the same
/// values in one label; version 1.0 names none.
#[test]
fn streudiagramm_nennt_die_landkreise() {
    let (e, geo, mass) = laden();
    let k = berechne(&e).expect("Kennzahlen");
    let abb = charts::alle(&e, &k, &geo, &mass, &barrierefrei()).unwrap();
    let svg = abb
        .iter()
        .find(|a| a.id == "vzae-projekte")
        .unwrap()
        .svg
        .replace('\n', "");
    for name in [
        "Celle",
        "Harburg",
        "Lüchow-Dannenberg",
        "Friesland",
        "Stade",
    ] {
        assert!(svg.contains(&format!(">{name}</text>")), "{name} fehlt");
    }
    assert!(
        svg.contains(">Osnabrück, Uelzen</text>"),
        "gleiche Werte, ein Name"
    );
    let ohne = charts::alle(&e, &k, &geo, &mass, &Gestaltung::default()).unwrap();
    let svg = ohne
        .iter()
        .find(|a| a.id == "vzae-projekte")
        .unwrap()
        .svg
        .replace('\n', "");
    assert!(
        !svg.contains(">Celle</text>"),
        "Version 1.0 hat keine Namen"
    );
}

#[test]
fn balkenbeschriftungen_kommen_aus_den_definitionen_der_daten() {
    let (mut e, geo, mass) = laden();
    let d = e
        .kennzahl_definitionen
        .iter_mut()
        .find(|d| d.name == "anteil_externes_hosting")
        .unwrap();
    d.antwort = Some("Cloud/SaaS".into());
    let k = berechne(&e).expect("Kennzahlen");
    let alle = charts::alle(&e, &k, &geo, &mass, &barrierefrei()).unwrap();
    let b = alle.iter().find(|a| a.id == "betriebsmodelle").unwrap();
    let cloud = b.werte.iter().filter(|(n, _)| n == "Cloud/SaaS").count();
    // The bar counts what its definition says, and says so.
    assert_eq!(cloud, 2, "{:?}", b.werte);
    assert!(
        !b.werte.iter().any(|(n, _)| n == "Externes Hosting"),
        "{:?}",
        b.werte
    );
    assert!(!b.alt.contains("Externes Hosting"), "{}", b.alt);
}

/// The share charts of layout 2026: bars by size, the axis to the next ten
/// above the largest share; the released layouts as they were.
#[test]
fn die_balken_des_layouts_2026_stehen_nach_groesse() {
    let k = common::Kopie::klein();
    k.mit_layout_2026();
    let svg = |k: &common::Kopie, ordner: &str| {
        let o = common::cli(
            k.pfad(),
            &[
                "build",
                "--edition",
                "klein",
                "--out",
                "ziel",
                "--force",
                "--emit-typst",
                ordner,
            ],
        );
        assert!(o.status.success(), "{}", common::stderr(&o));
        k.lesen(&format!("{ordner}/generiert/abb/technologien.svg"))
    };
    // LLM the largest (3 of 5), RPA defined first.
    for d in ["peine", "gifhorn"] {
        k.ersetzen(
            &format!("data/klein/steckbriefe/{d}.yaml"),
            "- Robotic-Process-Automation (RPA)",
            "- Large-Language-Modell (LLM)",
        );
    }
    let alt = svg(&k, "alt");
    k.ersetzen(
        "data/klein/edition.yaml",
        "layout: klein",
        "layout: \"2026\"",
    );
    let neu = svg(&k, "neu");
    // The height at which a label stands (smaller: higher up).
    let stelle = |svg: &str, t: &str| -> f64 {
        let i = svg
            .find(&format!("\n{t}\n"))
            .unwrap_or_else(|| panic!("{t}"));
        let vor = &svg[..i];
        let y = &vor[vor.rfind(" y=\"").unwrap() + 4..];
        y[..y.find('"').unwrap()].parse().unwrap()
    };
    assert!(
        stelle(&alt, "RPA") < stelle(&alt, "LLM"),
        "1.1: Reihenfolge der Definition"
    );
    assert!(alt.contains("\n100\u{202f}%\n"));
    assert!(
        stelle(&neu, "LLM") < stelle(&neu, "RPA"),
        "2026: der größte oben"
    );
    assert!(
        neu.contains("\n70\u{202f}%\n") && !neu.contains("\n100\u{202f}%\n"),
        "Achse bis 70 %"
    );
}
