//! `site`: the catalogue as a static website with open data. (The browser
//! test with axe-core is `tests/browser/`.)

use crate::common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use common::{Kopie, cli, stderr};
use kataster_report::load::lade_edition;
use kataster_report::model::Steckbrief;
use kataster_report::sitzung::Sitzung;
use serde_json::Value;

/// Builds the website of `id` into a new folder.
fn bauen(wurzel: &Path, id: &str) -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    let mut s = Sitzung::oeffnen(wurzel, Some(id)).expect("Ausgabe");
    if let Err(e) = s.website(
        &kataster_report::projekt::Zielordner::fuer_ausgabe(wurzel, out.path()).unwrap(),
        false,
    ) {
        panic!("Website: {e:?}");
    }
    out
}

/// Every file under `ordner`, as paths relative to it, sorted.
fn alle_dateien(ordner: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut offen = vec![ordner.to_path_buf()];
    while let Some(o) = offen.pop() {
        for e in std::fs::read_dir(&o).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                offen.push(p);
            } else {
                out.push(p.strip_prefix(ordner).unwrap().to_path_buf());
            }
        }
    }
    out.sort();
    out
}

/// The `href` and `src` addresses in a page, with their attribute.
fn adressen(html: &str) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    for attr in ["href", "src"] {
        for teil in html.split(&format!(" {attr}=\"")).skip(1) {
            out.push((attr, teil.split('"').next().unwrap_or_default().to_owned()));
        }
    }
    out
}

#[test]
fn jedes_projekt_hat_eine_seite_und_jeder_link_fuehrt_zu_einer_datei() {
    let out = bauen(&common::projekt(), "2025");
    let g = lade_edition(&common::projekt(), "2025").unwrap();
    let e = &g.edition;
    for (_, s) in e.alle_steckbriefe() {
        let seite = std::fs::read_to_string(out.path().join(format!("projekt/{}.html", s.id)))
            .unwrap_or_else(|_| panic!("keine Seite für {}", s.id));
        assert!(seite.contains("<html lang=\"de\">"));
        assert_eq!(seite.matches("<h1>").count(), 1);
    }
    for l in &e.landkreise {
        assert!(
            out.path()
                .join(kataster_report::website::landkreis_adresse(&l.name))
                .is_file()
        );
    }
    let dateien = alle_dateien(out.path());
    let mut geprueft = 0;
    for d in dateien
        .iter()
        .filter(|d| d.extension().is_some_and(|x| x == "html"))
    {
        let html = std::fs::read_to_string(out.path().join(d)).unwrap();
        let ordner = d.parent().unwrap_or(Path::new(""));
        for (attr, a) in adressen(&html) {
            if a.starts_with('#') {
                continue;
            }
            // Nothing is loaded from another host; a link to one (a
            // licence) would be an <a href> with https.
            assert!(
                !a.contains("//") || (attr == "href" && a.starts_with("https://")),
                "{}: Adresse außerhalb der Website: {a}",
                d.display()
            );
            if a.starts_with("https://") {
                continue;
            }
            let ziel = out.path().join(ordner).join(a.split('#').next().unwrap());
            assert!(ziel.is_file(), "{}: {a} fehlt", d.display());
            geprueft += 1;
        }
        assert!(html.contains("Content-Security-Policy"), "{}", d.display());
    }
    assert!(geprueft > 1000, "{geprueft} Links");
    // The PDF beside it; its SHA-256 on the data page, not in the start
    // page's text for readers.
    let pdf = std::fs::read(out.path().join("ki-kataster-2025-v1.1.pdf")).unwrap();
    let summe = kataster_report::ausgabe::freigabe::sha256(&pdf);
    let start = std::fs::read_to_string(out.path().join("index.html")).unwrap();
    assert!(start.contains("ki-kataster-2025-v1.1.pdf"));
    assert!(!start.contains(&summe));
    let daten = std::fs::read_to_string(out.path().join("daten.html")).unwrap();
    assert!(daten.contains(&format!(
        "Prüfsumme (SHA-256) des PDFs: <code>{summe}</code>"
    )));
    // What the report's text checks: 37 statements, 43 passages marked
    // with their reason, none left unmarked.
    assert!(
        daten.contains("<h2>Was der Bericht prüft</h2><p>37 Zahlen und Aussagen")
            && daten.contains("43 Stellen können die Daten nicht entscheiden")
            && daten.contains("0 Sätze mit einer Zahl oder einem Mengenwort"),
        "{daten}"
    );
    assert!(
        daten.contains("<td>kein Feld für Herausforderungen</td>")
            && daten.contains("„Häufig genannte Herausforderungen betreffen"),
        "{daten}"
    );
}

#[test]
fn offene_daten_enthalten_jedes_projekt_und_ergeben_wieder_das_modell() {
    let out = bauen(&common::projekt(), "2025");
    let g = lade_edition(&common::projekt(), "2025").unwrap();
    let e = &g.edition;
    let text = std::fs::read_to_string(out.path().join("daten/projekte.json")).unwrap();
    let json: Value = serde_json::from_str(&text).unwrap();
    let projekte = json["projekte"].as_array().unwrap();
    assert_eq!(projekte.len(), 69);
    // Round trip: each project, without its Landkreis, is the model's sheet.
    for (p, (lk, s)) in projekte.iter().zip(e.alle_steckbriefe()) {
        let mut p = p.clone();
        let landkreis = p.as_object_mut().unwrap().remove("landkreis").unwrap();
        assert_eq!(landkreis, lk);
        let rs = p
            .as_object_mut()
            .unwrap()
            .remove("regionalschluessel")
            .unwrap();
        assert_eq!(rs.as_str().map(str::len), Some(5), "{lk}: {rs}");
        // The same project alone, under daten/projekt/.
        let einzeln: Value = serde_json::from_str(
            &std::fs::read_to_string(out.path().join(format!("daten/projekt/{}.json", s.id)))
                .unwrap(),
        )
        .unwrap();
        assert_eq!(einzeln["ausgabe"], "2025");
        assert_eq!(einzeln["projekt"]["regionalschluessel"], rs);
        let zurueck: Steckbrief = serde_json::from_value(p).unwrap();
        assert_eq!(&zurueck, s);
    }
    assert_eq!(projekte[0]["landkreis"], "Celle");
    assert_eq!(projekte[0]["regionalschluessel"], "03351");
    assert_eq!(json["lizenz"], Value::Null, "2025 nennt keine Lizenz");
    // The JSON Schema describes the file.
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(out.path().join("daten/projekte.schema.json")).unwrap(),
    )
    .unwrap();
    let pruefer = jsonschema::validator_for(&schema).unwrap();
    let fehler: Vec<String> = pruefer.iter_errors(&json).map(|f| f.to_string()).collect();
    assert!(fehler.is_empty(), "{fehler:?}");
    // CSV as a German spreadsheet opens it: BOM, ";", decimal commas; a
    // header row and one row per project; lists joined with " | ".
    let roh = std::fs::read(out.path().join("daten/projekte.csv")).unwrap();
    assert!(
        roh.starts_with("\u{feff}ausgabe;id;landkreis;".as_bytes()),
        "BOM und Semikolon"
    );
    let lesen = |datei: &str| {
        let text = std::fs::read_to_string(out.path().join(datei)).unwrap();
        csv::ReaderBuilder::new()
            .delimiter(b';')
            .from_reader(std::io::Cursor::new(
                text.trim_start_matches('\u{feff}').to_owned().into_bytes(),
            ))
    };
    let mut csv = lesen("daten/projekte.csv");
    let kopf = csv.headers().unwrap().clone();
    assert_eq!(&kopf[0], "ausgabe");
    assert_eq!(&kopf[1], "id");
    assert_eq!(&kopf[2], "landkreis");
    let zeilen: Vec<csv::StringRecord> = csv.records().map(Result::unwrap).collect();
    assert_eq!(zeilen.len(), 69);
    assert!(zeilen.iter().all(|z| &z[0] == "2025"));
    let spalte = kopf.iter().position(|k| k == "technologien").unwrap();
    let celle = e.alle_steckbriefe().next().unwrap().1;
    let technologien: Vec<&str> = celle
        .technologien
        .as_ref()
        .unwrap()
        .iter()
        .map(|a| a.text())
        .collect();
    assert_eq!(&zeilen[0][spalte], technologien.join(" | "));
    let mut lk = lesen("daten/landkreise.csv");
    let vzae = lk
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "vzae")
        .unwrap();
    let zeilen: Vec<csv::StringRecord> = lk.records().map(Result::unwrap).collect();
    assert_eq!(zeilen.len(), e.landkreise.len());
    // A VZÄ of 1.5 is "1,5", never a date in a German spreadsheet.
    for (z, l) in zeilen.iter().zip(&e.landkreise) {
        assert_eq!(z[vzae], l.vzae.0.to_string().replace('.', ","));
    }
    assert!(
        zeilen.iter().any(|z| z[vzae].contains(',')),
        "ein Wert mit Komma"
    );
    // The same tables for programs (RFC 4180): no mark, ",", CRLF, points.
    for (name, n) in [("projekte", 69), ("landkreise", e.landkreise.len())] {
        let roh = std::fs::read(out.path().join(format!("daten/{name}-rfc4180.csv"))).unwrap();
        assert!(
            roh.starts_with(b"name,") || roh.starts_with(b"ausgabe,"),
            "{name}"
        );
        let text = String::from_utf8(roh).unwrap();
        assert!(text.ends_with("\r\n"), "{name}: CRLF");
        let mut r = csv::Reader::from_reader(text.as_bytes());
        let kopf = r.headers().unwrap().clone();
        let zeilen: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
        assert_eq!(zeilen.len(), n, "{name}");
        if name == "landkreise" {
            let i = kopf.iter().position(|h| h == "vzae").unwrap();
            let j = kopf.iter().position(|h| h == "regionalschluessel").unwrap();
            for (z, l) in zeilen.iter().zip(&e.landkreise) {
                assert_eq!(z[i], l.vzae.0.to_string());
                assert_eq!(z[j].len(), 5, "{}", l.name);
            }
        }
    }
}

#[test]
fn daten_werden_als_text_gesetzt_nie_als_html() {
    let k = Kopie::klein();
    let boese = "<script>alert(1)</script> <img src=x onerror=alert(2)> #x *y* ] $z$ @l \"q\"";
    k.ersetzen(
        "data/klein/steckbriefe/celle.yaml",
        "anbieter_produkt: UiPath",
        &format!("anbieter_produkt: 'UiPath {}'", boese.replace('\'', "''")),
    );
    let out = bauen(k.pfad(), "klein");
    for d in alle_dateien(out.path())
        .iter()
        .filter(|d| d.extension().is_some_and(|x| x == "html"))
    {
        let html = std::fs::read_to_string(out.path().join(d)).unwrap();
        assert!(!html.contains("<script>alert"), "{}", d.display());
        assert!(!html.contains("<img src=x"), "{}", d.display());
    }
    let seite =
        std::fs::read_to_string(out.path().join("projekt/celle-posteingang-mit-rpa.html")).unwrap();
    assert!(
        seite.contains("UiPath &lt;script&gt;alert(1)&lt;/script&gt; &lt;img src&#x3D;x onerror&#x3D;alert(2)&gt; #x *y* ] $z$ @l &quot;q&quot;"),
        "{seite}"
    );
    // The same value in the open data, as written.
    let json = std::fs::read_to_string(out.path().join("daten/projekte.json")).unwrap();
    assert!(json.contains("<script>alert(1)</script>"));
}

#[test]
fn gleiche_eingaben_ergeben_gleiche_bytes() {
    let k = Kopie::klein();
    let a = bauen(k.pfad(), "klein");
    let b = bauen(k.pfad(), "klein");
    let dateien = alle_dateien(a.path());
    assert_eq!(dateien, alle_dateien(b.path()));
    for d in &dateien {
        assert!(
            std::fs::read(a.path().join(d)).unwrap() == std::fs::read(b.path().join(d)).unwrap(),
            "{} unterscheidet sich",
            d.display()
        );
    }
    let namen: BTreeSet<String> = dateien.iter().map(|d| d.display().to_string()).collect();
    for erwartet in [
        "index.html",
        "projekte.html",
        "daten.html",
        "stil.css",
        "suche.js",
        "daten/projekte.json",
        "daten/projekte.csv",
        "daten/landkreise.csv",
        "schriften/Inter-Regular.otf",
        "ki-kataster-klein-v0.1.pdf",
    ] {
        assert!(namen.contains(erwartet), "{erwartet} fehlt: {namen:?}");
    }
}

#[test]
fn lizenz_aus_edition_yaml_steht_bei_den_daten() {
    let k = Kopie::klein();
    let edition = k.lesen("data/klein/edition.yaml");
    k.schreiben(
        "data/klein/edition.yaml",
        &format!(
            "{edition}lizenz:\n  name: Datenlizenz Deutschland – Namensnennung – Version 2.0\n  \
             url: https://www.govdata.de/dl-de/by-2-0\n"
        ),
    );
    let out = bauen(k.pfad(), "klein");
    let seite = std::fs::read_to_string(out.path().join("daten.html")).unwrap();
    assert!(seite.contains(
        "<a href=\"https://www.govdata.de/dl-de/by-2-0\">Datenlizenz Deutschland – Namensnennung – Version 2.0</a>"
    ), "{seite}");
    let json: Value = serde_json::from_str(
        &std::fs::read_to_string(out.path().join("daten/projekte.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(json["lizenz"]["url"], "https://www.govdata.de/dl-de/by-2-0");
}

#[test]
fn site_schreibt_nie_in_die_eingaben() {
    let k = Kopie::klein();
    let vorher = k.lesen("report/website/stil.css");
    let o = cli(
        k.pfad(),
        &["site", "--edition", "klein", "--out", "report/website"],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("Es wurde keine Website geschrieben."),
        "{}",
        stderr(&o)
    );
    assert_eq!(k.lesen("report/website/stil.css"), vorher);
    assert!(!k.datei("report/website/index.html").exists());
}

/// A product id becomes an address: only lower-case letters, digits and
/// `_`, so that no page is written outside the website's folder.
#[test]
fn produktkennung_ist_ein_schlichter_name() {
    let k = Kopie::klein();
    k.ersetzen(
        "data/klein/vokabular.yaml",
        "- id: scriba",
        "- id: ../scriba",
    );
    let o = cli(k.pfad(), &["site", "--edition", "klein", "--out", "ziel"]);
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{e}");
    assert!(e.contains("vokabular.yaml:"), "{e}");
    assert!(!k.datei("scriba.html").exists() && !k.datei("ziel").exists());
}

#[test]
fn site_sagt_es_wenn_die_offenen_daten_keine_lizenz_haben() {
    let k = Kopie::klein();
    let o = cli(k.pfad(), &["site", "--out", "web"]);
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{e}");
    assert!(
        e.contains("Hinweis: data/klein/edition.yaml nennt keine Lizenz der offenen Daten"),
        "{e}"
    );
    k.ersetzen(
        "data/klein/edition.yaml",
        "titel:",
        "lizenz: {name: Datenlizenz Deutschland – Namensnennung – Version 2.0, url: 'https://www.govdata.de/dl-de/by-2-0'}\ntitel:",
    );
    let o = cli(k.pfad(), &["site", "--out", "web"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!stderr(&o).contains("Lizenz"), "{}", stderr(&o));
    assert!(
        k.lesen("web/daten.html")
            .contains("https://www.govdata.de/dl-de/by-2-0")
    );
}

#[test]
fn diagramme_der_website_zeigen_die_schrift_des_berichts_als_umrisse() {
    // An SVG in <img> cannot load Inter: its text is drawn as the outlines
    // of Inter's glyphs, so it looks as in the PDF on every system.
    let out = bauen(&common::projekt(), "2025");
    let g = lade_edition(&common::projekt(), "2025").unwrap();
    for id in [
        "technologien",
        "betriebsmodelle",
        "projekte-status",
        "vzae-projekte",
        "karte",
    ] {
        let svg = std::fs::read_to_string(out.path().join(format!("abb/{id}.svg"))).unwrap();
        assert!(
            !svg.contains("<text") && !svg.contains("font-family"),
            "{id}"
        );
        assert!(
            svg.starts_with("<svg") && svg.matches("<path").count() > 20,
            "{id}"
        );
    }
    // No label lost on the way: a text usvg finds no font for would stop
    // `site` (website/abbildungen.rs); the scatter plot names every
    // Landkreis with projects, so it is far larger than its points alone.
    let streu = std::fs::read_to_string(out.path().join("abb/vzae-projekte.svg")).unwrap();
    let punkte = g.edition.landkreise.len();
    assert!(streu.len() > punkte * 2_000, "{}", streu.len());
}

/// A provider's statements as an editor writes them (invented, for tests).
const ANGABEN: &str = "anbieter:
  name: Beispielverband <script>x</script>
  anschrift: [Musterstraße 1, 30000 Musterstadt]
  email: kataster@example.org
  telefon: 0511 000000
barrierefreiheit:
  stand: teilweise-vereinbar
  erstellt: 2026-12-01
  methode: Selbstbewertung
  bekannte_maengel: [Die Karte ist als Bild nur mit ihrer Tabelle zugänglich.]
  kontakt: barrieren@example.org
  schlichtungsstelle: {name: Schlichtungsstelle, url: 'https://example.org/schlichtung'}
datenschutz: [Der Webserver speichert keine Zugriffe.]
";

#[test]
fn die_pflichtseiten_entstehen_aus_den_angaben_sonst_sagt_site_was_fehlt() {
    let k = Kopie::klein();
    let o = cli(k.pfad(), &["site", "--out", "web"]);
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{e}");
    assert!(e.contains("angaben.yaml nennt keinen Anbieter"), "{e}");
    assert!(e.contains("keine Erklärung zur Barrierefreiheit"), "{e}");
    let leicht = k.lesen("web/leichte-sprache.html");
    assert!(
        leicht.contains("<p>Das ist der KI-Kataster. Kataster bedeutet: eine Liste."),
        "{leicht}"
    );
    assert!(
        leicht.contains("Deutscher Gebärdensprache (DGS)"),
        "{leicht}"
    );
    assert!(!k.datei("web/impressum.html").exists());
    assert!(
        k.lesen("web/projekte.html")
            .contains("href=\"leichte-sprache.html\"")
    );
    assert!(!k.lesen("web/index.html").contains("impressum.html"));

    k.schreiben("report/website/angaben.yaml", ANGABEN);
    let o = cli(k.pfad(), &["site", "--out", "web"]);
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{e}");
    assert!(!e.contains("angaben.yaml"), "{e}");
    let impressum = k.lesen("web/impressum.html");
    assert!(
        impressum.contains("Beispielverband &lt;script&gt;x&lt;/script&gt;"),
        "{impressum}"
    );
    assert!(
        impressum.contains("Musterstraße 1<br>30000 Musterstadt"),
        "{impressum}"
    );
    assert!(
        impressum.contains("href=\"mailto:kataster@example.org\""),
        "{impressum}"
    );
    let erklaerung = k.lesen("web/barrierefreiheit.html");
    for teil in [
        "teilweise mit den Anforderungen an die Barrierefreiheit vereinbar",
        "Die Karte ist als Bild nur mit ihrer Tabelle zugänglich.",
        "Erstellt am 01.12.2026. Methode: Selbstbewertung",
        "href=\"mailto:barrieren@example.org\"",
        "href=\"https://example.org/schlichtung\"",
    ] {
        assert!(erklaerung.contains(teil), "{teil}: {erklaerung}");
    }
    assert!(
        k.lesen("web/datenschutz.html")
            .contains("Der Webserver speichert keine Zugriffe.")
    );
    let projekt = k.lesen("web/projekt/celle-posteingang-mit-rpa.html");
    for ziel in [
        "leichte-sprache",
        "barrierefreiheit",
        "impressum",
        "datenschutz",
    ] {
        assert!(
            projekt.contains(&format!("href=\"../{ziel}.html\"")),
            "{ziel}"
        );
    }

    // A wrong field: located, nothing of the site changed.
    let vorher = k.lesen("web/impressum.html");
    k.ersetzen("report/website/angaben.yaml", "telefon:", "fax:");
    let o = cli(k.pfad(), &["site", "--out", "web"]);
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{e}");
    assert!(e.contains("report/website/angaben.yaml:5"), "{e}");
    assert_eq!(k.lesen("web/impressum.html"), vorher);
}

/// The distributions of `daten/katalog.jsonld` of the site in `ordner`:
/// (download address resolved in the site, licence).
fn verteilungen(ordner: &Path) -> Vec<(PathBuf, Option<String>)> {
    let text = std::fs::read_to_string(ordner.join("daten/katalog.jsonld")).unwrap();
    let k: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(k["@type"], "dcat:Catalog");
    assert_eq!(k["@context"]["dcat"], "http://www.w3.org/ns/dcat#");
    k["dcat:dataset"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["dcat:distribution"].as_array().unwrap().clone())
        .map(|v| {
            let adresse = v["dcat:downloadURL"]["@id"].as_str().unwrap().to_owned();
            let datei = ordner.join("daten").join(&adresse);
            (datei, v["dct:license"]["@id"].as_str().map(str::to_owned))
        })
        .collect()
}

#[test]
fn der_katalog_nach_dcat_ap_de_nennt_jede_datei_mit_ihrer_lizenz() {
    let k = Kopie::klein();
    let o = cli(k.pfad(), &["site", "--out", "web"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v = verteilungen(&k.datei("web"));
    assert_eq!(v.len(), 6, "fünf Dateien der offenen Daten und das PDF");
    for (datei, lizenz) in &v {
        assert!(datei.is_file(), "{} fehlt", datei.display());
        assert_eq!(lizenz, &None, "ohne Lizenz in edition.yaml keine");
    }
    k.ersetzen(
        "data/klein/edition.yaml",
        "titel:",
        "lizenz: {name: Datenlizenz Deutschland – Namensnennung – Version 2.0, url: 'https://www.govdata.de/dl-de/by-2-0'}\ntitel:",
    );
    let o = cli(k.pfad(), &["site", "--out", "web"]);
    assert!(o.status.success(), "{}", stderr(&o));
    for (_, lizenz) in verteilungen(&k.datei("web")) {
        assert_eq!(
            lizenz.as_deref(),
            Some("https://www.govdata.de/dl-de/by-2-0")
        );
    }
}

#[test]
fn die_abbildungen_der_website_tragen_die_nummern_des_pdfs() {
    let out = bauen(&common::projekt(), "2025");
    let start = std::fs::read_to_string(out.path().join("index.html")).unwrap();
    let pdf = common::falten(&common::pdf_text(&common::pdf_bytes(&common::projekt())));
    let mut nummern = Vec::new();
    for teil in start.split("<figcaption>").skip(1) {
        let (nr, rest) = teil.split_once(": ").unwrap();
        let titel: String = rest.chars().take(25).collect();
        assert!(
            pdf.contains(&common::falten(&format!("{nr}: {titel}"))),
            "„{nr}: {titel}“ steht so nicht im PDF"
        );
        nummern.push(nr.to_owned());
    }
    let erwartet: Vec<String> = (1..=5).map(|i| format!("Abbildung {i}")).collect();
    assert_eq!(nummern, erwartet, "in der Folge des PDFs");
}

/// The fields a public algorithm register asks for, filled for one sheet.
const REGISTERFELDER: &str = "  anbieter_produkt: UiPath\n  \
    beschreibung: 'Ein Programm liest die Post ein <script>x</script> #[*y*]'\n  \
    kontakt: ki@celle.example\n  \
    rechtsgrundlage: § 3 NDSG\n  \
    menschliche_aufsicht: Eine Sachbearbeiterin prüft jede Zuordnung.\n  \
    widerspruch: Widerspruch beim Landkreis, wie gegen jeden Bescheid.\n  \
    verwendete_daten: Eingangspost, keine Trainingsdaten.\n  \
    ziele: [Effizienzsteigerung]\n  \
    entlastung: Weniger Sortierarbeit.\n  \
    datenschutz: Verarbeitung im eigenen Rechenzentrum.\n  \
    risikoklasse: Minimales Risiko (z. B. automatische Übersetzungen)\n  \
    verantwortliche_oe: Amt für IT\n";

#[test]
fn das_algorithmenregister_folgt_dem_standard_und_nennt_was_fehlt() {
    let k = Kopie::klein();
    let o = cli(k.pfad(), &["site", "--out", "web"]);
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{e}");
    // Without the register fields no entry is complete, and site says which fields lack.
    assert!(
        e.contains("daten/algorithmenregister.json: 0 von 5 Einträgen erfüllen den Standard"),
        "{e}"
    );
    assert!(e.contains("contact_email (5; Feld „kontakt“)"), "{e}");
    assert!(
        e.contains("impact_assessment_name (5; kein Feld im Steckbrief)"),
        "{e}"
    );
    k.ersetzen(
        "data/klein/steckbriefe/celle.yaml",
        "  anbieter_produkt: UiPath\n",
        REGISTERFELDER,
    );
    let out = bauen(k.pfad(), "klein");
    let register: Value = serde_json::from_str(
        &std::fs::read_to_string(out.path().join("daten/algorithmenregister.json")).unwrap(),
    )
    .unwrap();
    let eintraege = register["eintraege"].as_array().unwrap();
    assert_eq!(eintraege.len(), 5);
    let eintrag = eintraege
        .iter()
        .find(|e| e["name"] == "Posteingang mit RPA")
        .unwrap();
    assert_eq!(eintrag["organisation"], "Landkreis Celle");
    assert_eq!(eintrag["contact_email"], "ki@celle.example");
    assert_eq!(eintrag["phase"], "production");
    assert_eq!(
        eintrag["human_decisions"],
        "Eine Sachbearbeiterin prüft jede Zuordnung."
    );
    assert_eq!(
        eintrag["website"],
        "../projekt/celle-posteingang-mit-rpa.html"
    );
    assert!(
        out.path()
            .join("projekt/celle-posteingang-mit-rpa.html")
            .is_file()
    );
    // Every entry has the standard's form (required fields aside): the schema
    // without `required` accepts each, the schema with it names what lacks.
    let mut schema: Value = serde_json::from_str(
        &std::fs::read_to_string(out.path().join("daten/algorithmenregister.schema.json")).unwrap(),
    )
    .unwrap();
    let streng = jsonschema::validator_for(&schema).unwrap();
    let fehler: Vec<String> = streng.iter_errors(eintrag).map(|f| f.to_string()).collect();
    assert!(
        fehler.iter().all(|f| f.contains("impact_assessment_name")
            || f.contains("external_supplier_role")
            || f.contains("source_data_name")
            || f.contains("data_collection")
            || f.contains("data_sharing_agreements")),
        "{fehler:#?}"
    );
    schema.as_object_mut().unwrap().remove("required");
    let form = jsonschema::validator_for(&schema).unwrap();
    for e in eintraege {
        assert!(form.is_valid(e), "{e}");
    }
    // Shown on the project page as text, asked by the questionnaire.
    let seite =
        std::fs::read_to_string(out.path().join("projekt/celle-posteingang-mit-rpa.html")).unwrap();
    assert!(seite.contains("Menschliche Aufsicht"), "{seite}");
    assert!(
        seite.contains("&lt;script&gt;x&lt;/script&gt; #[*y*]"),
        "{seite}"
    );
    assert!(!seite.contains("<script>x"));
    let o = cli(
        k.pfad(),
        &[
            "survey",
            "questionnaire",
            "--edition",
            "klein",
            "--out",
            "dist/f.lss",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let lss = k.lesen("dist/f.lss");
    for frage in [
        "Beschreibung in einfacher Sprache",
        "Rechtsgrundlage",
        "Menschliche Aufsicht",
        "Verwendete Daten",
    ] {
        assert!(lss.contains(frage), "{frage}");
    }
}

#[test]
fn eine_fehlende_lizenz_ist_ein_befund_den_die_redaktion_anerkennen_kann() {
    let k = Kopie::klein();
    let pruefen = |k: &Kopie| {
        let o = cli(k.pfad(), &["check", "--edition", "klein"]);
        (o.status.code(), common::stdout(&o), stderr(&o))
    };
    // The fixture acknowledges it: check passes and lists it with its reason.
    let (code, aus, fehler) = pruefen(&k);
    assert_eq!(code, Some(0), "{aus}{fehler}");
    assert!(aus.contains("Anerkannte Befunde zur Website"), "{aus}");
    assert!(
        aus.contains("Begründung: Die Testausgabe hat keine Lizenz."),
        "{aus}"
    );
    // Without the acknowledgement: a finding, with how to fix or acknowledge it.
    k.schreiben("data/klein/abweichungen.yaml", "abweichungen: []\n");
    let (code, aus, _) = pruefen(&k);
    assert_eq!(code, Some(1), "{aus}");
    assert!(
        aus.contains("data/klein/edition.yaml: keine Lizenz der offenen Daten"),
        "{aus}"
    );
    assert!(
        aus.contains("website: [{befund: lizenz_fehlt, begruendung: …}]"),
        "{aus}"
    );
    // A licence with the acknowledgement still there: the acknowledgement is stale.
    k.schreiben(
        "data/klein/abweichungen.yaml",
        "abweichungen: []\nwebsite:\n  - befund: lizenz_fehlt\n    begruendung: Noch offen.\n",
    );
    k.ersetzen(
        "data/klein/edition.yaml",
        "titel:",
        "lizenz: {name: Datenlizenz Deutschland – Namensnennung – Version 2.0, url: 'https://www.govdata.de/dl-de/by-2-0'}\ntitel:",
    );
    let (code, aus, _) = pruefen(&k);
    assert_eq!(code, Some(1), "{aus}");
    assert!(
        aus.contains("die Anerkennung „lizenz_fehlt“ ist veraltet"),
        "{aus}"
    );
    // Licence and no acknowledgement: nothing to say.
    k.schreiben("data/klein/abweichungen.yaml", "abweichungen: []\n");
    let (code, aus, fehler) = pruefen(&k);
    assert_eq!(code, Some(0), "{aus}{fehler}");
    assert!(!aus.contains("Website"), "{aus}");
    // A mistyped finding is located, with the known one proposed.
    k.schreiben(
        "data/klein/abweichungen.yaml",
        "abweichungen: []\nwebsite:\n  - befund: lizenz_fehl\n    begruendung: x\n",
    );
    let (code, aus, fehler) = pruefen(&k);
    assert_eq!(code, Some(1), "{aus}");
    assert!(
        fehler.contains("abweichungen.yaml") && fehler.contains("lizenz_fehlt"),
        "{fehler}"
    );
}

/// The text of an HTML page as a reader sees it: tags out, the entities of
/// the site's escaping back, white space folded.
fn lesetext(html: &str) -> String {
    let mut text = String::new();
    let mut im_tag = false;
    for c in html.chars() {
        match c {
            '<' => im_tag = true,
            '>' => {
                im_tag = false;
                text.push(' ');
            }
            c if !im_tag => text.push(c),
            _ => {}
        }
    }
    // Numeric entities (Typst writes a space at a line's start as `&#x20;`).
    let mut ohne = String::new();
    let mut rest = text.as_str();
    while let Some(i) = rest.find("&#x") {
        ohne.push_str(&rest[..i]);
        let nach = &rest[i + 3..];
        match nach.split_once(';').and_then(|(h, r)| {
            u32::from_str_radix(h, 16)
                .ok()
                .and_then(char::from_u32)
                .map(|c| (c, r))
        }) {
            Some((c, r)) if c != '<' && c != '>' => {
                ohne.push(c);
                rest = r;
            }
            _ => {
                ohne.push_str("&#x");
                rest = nach;
            }
        }
    }
    ohne.push_str(rest);
    let text = ohne
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    common::falten(&text)
}

#[test]
fn der_bericht_steht_als_html_kapitel_fuer_kapitel_auf_der_website() {
    let out = bauen(&common::projekt(), "2025");
    let ordner = out.path().join("bericht");
    let lesen = |d: &str| std::fs::read_to_string(ordner.join(d)).unwrap();
    let inhalt = lesen("index.html");
    // Chapter 1 of the PDF (history, contributors) on the contents page.
    assert!(
        inhalt.contains("1.1 Dokumenten-Historie")
            && inhalt.contains("Fassung durch NLT-Präsidium freigegeben")
    );
    assert!(
        inhalt.contains("<th scope=\"row\">Behrens, Niklas</th>"),
        "{inhalt}"
    );
    let mut html_text = String::new();
    let mut seiten = Vec::new();
    for nr in 2..=11 {
        let datei = format!("kapitel-{nr}.html");
        assert!(
            inhalt.contains(&format!("href=\"{datei}\"")),
            "{datei} fehlt im Inhalt"
        );
        let seite = lesen(&datei);
        assert_eq!(seite.matches("<h1>").count(), 1, "{datei}");
        html_text.push_str(&lesetext(&seite));
        seiten.push((datei, seite));
    }
    let (_, kapitel_4) = &seiten[2];
    // Tabelle 1 a real table with header cells, "ja"/"nein" as text; the
    // map and the charts with their descriptions, from the site's files.
    assert!(
        kapitel_4.contains(
            "<figcaption>Tabelle\u{a0}1: Übersicht der beteiligten Landkreise</figcaption>"
        )
    );
    assert!(kapitel_4.contains("<th>Landkreis</th>") && kapitel_4.contains("<td>nein</td>"));
    // Row headers as in the PDF: the Landkreis in Tabelle 1, the field in a fact sheet.
    assert!(
        kapitel_4.contains("<tr><th scope=\"row\">Celle</th>"),
        "{kapitel_4}"
    );
    assert!(
        seiten[3]
            .1
            .contains("<tr><th scope=\"row\">Projektstatus</th>")
    );
    assert!(
        kapitel_4.contains("src=\"../abb/karte.svg\" alt=\"Karte Niedersachsens"),
        "{kapitel_4}"
    );
    assert!(out.path().join("abb/karte.svg").is_file());
    assert!(
        !kapitel_4.contains("data:image"),
        "Bilder als Daten verstößt gegen die CSP"
    );
    // Every sentence of the PDF's chapters stands on a chapter page (compared
    // without white space, which the PDF's extraction puts in odd places).
    let pdf = std::fs::read(out.path().join("ki-kataster-2025-v1.1.pdf")).unwrap();
    let pdf_text = common::pdf_text(&pdf);
    let kapitel = &pdf_text
        [pdf_text.rfind("2 Einleitung").unwrap()..pdf_text.rfind("11.1 Bildnachweise").unwrap()];
    // Left out of the comparison: white space, hyphens (the extraction joins
    // words broken at a line's end), list bullets and numbers, an empty value
    // ("-" in the PDF of 1.1, "keine Angabe" on the web page); sentences
    // that run into a footnote or into the labels of a figure (the PDF's
    // text flows around them).
    let dicht = |s: &str| {
        s.chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '•' | '\u{ad}'))
            .collect::<String>()
    };
    let html_dicht = dicht(&html_text.replace("keine Angabe", ""));
    let quellen =
        std::fs::read_to_string(common::projekt().join("data/2025/quellen.yaml")).unwrap();
    let fussnoten: Vec<String> = quellen
        .lines()
        .filter_map(|z| z.trim().strip_prefix("text: "))
        .map(|t| t.trim_matches(['"', '\'']).chars().take(25).collect())
        .collect();
    let in_abbildung = |s: &str| {
        s.split(' ')
            .collect::<Vec<_>>()
            .windows(4)
            .any(|w| w.iter().all(|t| t.chars().count() == 1))
    };
    let saetze: Vec<&str> = kapitel
        .split(". ")
        .map(|s| {
            s.trim()
                .trim_end_matches(|c: char| c.is_ascii_digit())
                .trim_end()
        })
        .filter(|s| s.len() > 60 && !s.contains("Seite ") && !s.contains("NLT · Ausgabe"))
        .filter(|s| !in_abbildung(s) && !fussnoten.iter().any(|f| s.contains(f.as_str())))
        .collect();
    let fehlend: Vec<&&str> = saetze
        .iter()
        .filter(|s| !html_dicht.contains(&dicht(s)))
        .collect();
    assert!(saetze.len() > 300, "{}", saetze.len());
    assert!(
        fehlend.is_empty(),
        "{} von {} Sätzen fehlen, z. B. {:?}",
        fehlend.len(),
        saetze.len(),
        &fehlend[..fehlend.len().min(3)]
    );
    // Each checked statement links to its evidence, which exists and leads back.
    let nachweis = lesen("nachweis.html");
    let mut links = 0;
    for (datei, seite) in &seiten {
        for teil in seite.split("href=\"nachweis.html#").skip(1) {
            let anker = teil.split('"').next().unwrap();
            assert!(
                nachweis.contains(&format!("id=\"{anker}\"")),
                "{datei}: {anker} ohne Nachweis"
            );
            links += 1;
        }
    }
    // 37 checks; words several checks share are one link (no link in a link).
    assert!(links >= 30, "{links}");
    for n in 1..=3 {
        let anker = format!("zt-02-einleitung-{n}");
        assert!(
            seiten
                .iter()
                .any(|(_, s)| s.contains(&format!("id=\"{anker}\""))),
            "{anker}"
        );
    }
    for (datei, seite) in &seiten {
        assert!(
            !seite.contains("style=\""),
            "{datei}: Inline-Stil, den die CSP verweigert"
        );
        let verschachtelt = seite.split("<a ").skip(1).any(|t| {
            let bis = t.find("</a>").unwrap_or(t.len());
            t[..bis].contains("<a ")
        });
        assert!(!verschachtelt, "{datei}: ein Link in einem Link");
    }
    assert!(
        nachweis.contains("href=\"kapitel-2.html#zt-02-einleitung-1\""),
        "{nachweis}"
    );
    assert!(nachweis.contains("anerkannte Abweichung"));
    // A footnote stands on the page that refers to it.
    assert!(seiten[0].1.contains("role=\"doc-endnotes\"") && seiten[0].1.contains("187. Sitzung"));
    assert!(!seiten[3].1.contains("187. Sitzung"));
}

/// The list under „Gezählt: …“ whose summary starts with `anfang`: the
/// count it states and the addresses it links to.
fn gezaehlt<'a>(nachweis: &'a str, anfang: &str) -> (usize, Vec<&'a str>) {
    let start = nachweis
        .find(&format!("<summary>Gezählt: {anfang}"))
        .unwrap_or_else(|| panic!("keine Liste „{anfang}“"));
    let liste = &nachweis[start..start + nachweis[start..].find("</details>").unwrap()];
    let zahl = liste["<summary>Gezählt: ".len()..]
        .split(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let ziele = liste
        .split("href=\"../")
        .skip(1)
        .map(|t| t.split('"').next().unwrap())
        .collect();
    (zahl, ziele)
}

#[test]
fn der_nachweis_zeigt_welche_steckbriefe_und_landkreise_eine_zahl_zaehlt() {
    let out = bauen(&common::projekt(), "2025");
    let nachweis = std::fs::read_to_string(out.path().join("bericht/nachweis.html")).unwrap();
    let g = lade_edition(&common::projekt(), "2025").unwrap();
    let mit_llm: Vec<String> = g
        .edition
        .alle_steckbriefe()
        .filter(|(_, s)| {
            s.technologien
                .iter()
                .flatten()
                .any(|t| t.text() == "Large-Language-Modell (LLM)")
        })
        .map(|(_, s)| format!("projekt/{}.html", s.id))
        .collect();
    // The sheets behind „29 Projekte nutzen LLM“ (the vocabulary's short
    // form), each linked to its page.
    let (zahl, ziele) = gezaehlt(&nachweis, "29 Steckbriefe mit „LLM“ bei „Technologien“");
    assert_eq!(zahl, 29);
    assert_eq!(ziele, mit_llm);
    for ziel in &ziele {
        assert!(out.path().join(ziel).is_file(), "{ziel}");
    }
    // Rows of Tabelle 1 named as the table names its columns, one row in
    // the singular.
    let (zahl, ziele) = gezaehlt(
        &nachweis,
        "12 Zeilen der Tabelle 1 mit mehr als 0 bei „VZÄ für KI“",
    );
    assert_eq!((zahl, ziele.len()), (12, 12));
    assert!(ziele.iter().all(|z| z.starts_with("landkreis/")));
    let (zahl, ziele) = gezaehlt(&nachweis, "1 Steckbrief mit „DeepL“ im Projektnamen");
    assert_eq!((zahl, ziele.len()), (1, 1));
    assert!(nachweis.contains("bei „Projekte (alle)“"));
    for roh in [
        "„vzae“",
        "„projekte“",
        "digitalstrategie_mit_ki",
        "Gezählt: 1 Steckbriefe",
    ] {
        assert!(!nachweis.contains(roh), "{roh}");
    }
}
