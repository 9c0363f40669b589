//! The yearly cycle as a rehearsal, end to end through the real commands,
//! on the small edition `klein` (released) and its successor `probe`: new
//! edition, questionnaire, a LimeSurvey 6 response export, import, check,
//! the editor's edits, build, release, verify of both, diff and site. The
//! steps are the ones README's "Der Jahreszyklus" names.

use std::path::Path;

use kataster_report::load::lade_edition;
use kataster_report::model::{Edition, Landkreis, SteckbriefDatei};
use kataster_report::umfrage::lss;

use crate::common::{Kopie, cli, pdf_text, stderr, stdout};
use crate::umfrage::{Variante, antworten};

/// Runs the command; (exit code, stdout + stderr).
fn lauf(k: &Kopie, args: &[&str]) -> (Option<i32>, String) {
    let o = cli(k.pfad(), args);
    (o.status.code(), format!("{}{}", stdout(&o), stderr(&o)))
}

/// Runs the command and asserts that it succeeds; its output.
fn erfolg(k: &Kopie, args: &[&str]) -> String {
    let (code, t) = lauf(k, args);
    assert_eq!(code, Some(0), "{args:?}:\n{t}");
    t
}

fn enthaelt(t: &str, teile: &[&str]) {
    for teil in teile {
        assert!(t.contains(teil), "„{teil}“ fehlt in:\n{t}");
    }
}

/// Edition `klein` with a second claim that the data contradict,
/// acknowledged, and released as version 1.0.
fn freigegebene_vorlage() -> Kopie {
    let k = Kopie::klein();
    let kapitel = "report/kapitel/klein/01-ergebnisse.typ.hbs";
    k.ersetzen(
        kapitel,
        "Absatz zum Bearbeiten.",
        "Davon sind {{#behauptung \"projekte_abgeschlossen\" \"mehr_als\" 2}}mehr als zwei\
         {{/behauptung}} abgeschlossen.\n\nAbsatz zum Bearbeiten.",
    );
    k.schreiben(
        "data/klein/abweichungen.yaml",
        "abweichungen:\n  - kapitel: 01-ergebnisse.typ.hbs\n    kennzahl: projekte_abgeschlossen\n    \
         wortlaut: mehr als zwei\n    behauptet: mehr als 2\n    berechnet: \"2\"\n    \
         begruendung: So veröffentlicht.\nwebsite:\n  - befund: lizenz_fehlt\n    begruendung: Die Testausgabe hat keine Lizenz.\n",
    );
    k.ersetzen(
        "data/klein/edition.yaml",
        "  - version: \"0.1\"\n    datum: 2030-03-01\n    bearbeiter: Test\n    anmerkung: Entwurf\n",
        "  - version: \"1.0\"\n    datum: 2030-03-01\n    bearbeiter: Test\n    anmerkung: Veröffentlichung\n",
    );
    let t = erfolg(&k, &["release", "--edition", "klein", "--out", "dist"]);
    enthaelt(&t, &["1.0"]);
    k
}

/// What the Landkreise answer in the survey of `probe`: the data of
/// `klein`, except that Peine does not take part again and Uelzen (one
/// finished project) and Harburg (none) join.
fn umfrage_daten(k: &Kopie) -> Edition {
    let mut e = lade_edition(k.pfad(), "klein").unwrap().edition;
    let peine = e.landkreise.iter().position(|l| l.name == "Peine").unwrap();
    let mut uelzen: Landkreis = e.landkreise.remove(peine);
    let datei = e
        .steckbriefe
        .iter()
        .position(|d| d.landkreis == "Peine")
        .unwrap();
    let mut sheets: SteckbriefDatei = e.steckbriefe.remove(datei);
    let mut harburg = uelzen.clone();
    uelzen.name = "Uelzen".into();
    uelzen.organisationseinheit = "Stabsstelle Digitalisierung".into();
    sheets.landkreis = "Uelzen".into();
    sheets.steckbriefe[0].id = "uelzen-rechnungseingang".into();
    harburg.name = "Harburg".into();
    harburg.projekte.abgeschlossen = 0;
    e.landkreise.push(uelzen);
    e.landkreise.push(harburg);
    e.steckbriefe.push(sheets);
    e
}

#[test]
fn der_jahreszyklus_von_der_umfrage_bis_zur_freigabe() {
    let k = freigegebene_vorlage();
    let dist_klein = std::fs::read(k.datei("dist/ki-kataster-klein-v1.0.pdf")).unwrap();
    neue_ausgabe_aus_der_umfrage(&k);
    erste_pruefung(&k);
    redaktion(&k);
    bauen_und_freigeben(&k);
    assert_eq!(
        std::fs::read(k.datei("dist/ki-kataster-klein-v1.0.pdf")).unwrap(),
        dist_klein
    );
    vergleich_und_katalog(&k);
}

/// Steps 1 to 4: the new edition, the questionnaire, the responses, the import.
fn neue_ausgabe_aus_der_umfrage(k: &Kopie) {
    // 1. The new edition, empty, from the released one; it shares the layout.
    let t = erfolg(
        k,
        &[
            "new-edition",
            "probe",
            "--from",
            "klein",
            "--datum",
            "2031-02-01",
            "--leer",
        ],
    );
    enthaelt(
        &t,
        &[
            "Ausgabe probe aus klein angelegt",
            "Layout „klein“ wie klein",
        ],
    );
    assert!(!k.datei("report/layout/probe").exists());

    // 2. The questionnaire from the data model.
    let t = erfolg(
        k,
        &[
            "survey",
            "questionnaire",
            "--edition",
            "probe",
            "--out",
            "umfrage/fragebogen.lss",
        ],
    );
    enthaelt(&t, &["Fragebogen der Ausgabe probe geschrieben"]);

    // 3. The responses as LimeSurvey 6 exports them; 4. the import.
    let u = lss::lesen(&k.lesen("umfrage/fragebogen.lss")).unwrap();
    k.schreiben(
        "umfrage/antworten.csv",
        &antworten(&umfrage_daten(k), &u, Variante::SCHLICHT),
    );
    let t = erfolg(
        k,
        &[
            "survey",
            "import",
            "--lss",
            "umfrage/fragebogen.lss",
            "--responses",
            "umfrage/antworten.csv",
            "--edition",
            "probe",
        ],
    );
    enthaelt(
        &t,
        &[
            "Ausgabe probe: 4 Landkreise und 5 Steckbriefe aus der Umfrage übernommen.",
            "data/probe/steckbriefe/uelzen.yaml: neu",
            "Übersprungen, weil nicht abgeschlossen (ohne Abschlussdatum): Antwort 7.",
        ],
    );
    assert!(!k.datei("data/probe/steckbriefe/peine.yaml").exists());
}

/// Step 5: the first check and diff of the imported edition.
fn erste_pruefung(k: &Kopie) {
    // 5. Check: the text says "drei", four took part; the acknowledgement
    // from klein waits for confirmation.
    let (code, t) = lauf(k, &["check", "--edition", "probe"]);
    assert_eq!(code, Some(1), "{t}");
    enthaelt(
        &t,
        &[
            "4 Landkreise, 5 Steckbriefe; 2 Aussagen im Text geprüft: 0 stimmen, 0 grenzwertig, 1 anerkannte \
             Abweichungen (davon 1 übernommen und zu bestätigen), 1 verletzt",
            "report/kapitel/probe/01-ergebnisse.typ.hbs:3: „drei“",
            "behauptet: gleich 3 · berechnet: 4",
            "Zu bestätigen: übernommen aus Ausgabe klein",
            "Aus Ausgabe klein übernommene Worte, deren Daten sich geändert haben",
            "Ausgabe klein: stimmt, berechnet 3 · Ausgabe probe: verletzt, berechnet 4",
        ],
    );
    let (_, t) = lauf(k, &["diff", "--from", "klein", "--to", "probe"]);
    enthaelt(
        &t,
        &[
            "„drei“ (01-ergebnisse.typ.hbs, landkreise_teilnehmend): klein stimmt, berechnet 3; \
             probe verletzt, berechnet 4",
            "Übernommene Anerkennungen, noch zu bestätigen:\n  \
             report/kapitel/probe/01-ergebnisse.typ.hbs:5: „mehr als zwei“",
        ],
    );
}

/// Step 6: the editor's edits, until check passes.
fn redaktion(k: &Kopie) {
    // 6. The editor's edits: a project renamed, a new one, one ended (no
    // longer reported), a status move; Tabelle 1 to match; the text
    // corrected; the version set.
    let celle = "data/probe/steckbriefe/celle.yaml";
    k.ersetzen(
        celle,
        "projektname: Chatbot Bürgerservice",
        "projektname: Chatbot Bürgerbüro",
    );
    let mut text = k.lesen(celle);
    text.push_str(
        "- id: celle-uebersetzung\n  projektname: Übersetzung mit KI\n  projektstatus: Geplant\n  \
         technologien:\n  - Large-Language-Modell (LLM)\n",
    );
    k.schreiben(celle, &text);
    let gifhorn = "data/probe/steckbriefe/gifhorn.yaml";
    let ohne = k.lesen(gifhorn);
    let anfang = ohne.find("- id: gifhorn-antragspruefung").unwrap();
    k.schreiben(gifhorn, &ohne[..anfang]);
    k.ersetzen(
        gifhorn,
        "projektstatus: In Umsetzung",
        "projektstatus: Abgeschlossen",
    );
    let tabelle = "data/probe/landkreise.yaml";
    k.ersetzen(
        tabelle,
        "abgeschlossen: 0\n    in_umsetzung: 1\n    geplant: 1",
        "abgeschlossen: 1\n    in_umsetzung: 0\n    geplant: 0",
    );
    k.ersetzen(
        tabelle,
        "abgeschlossen: 1\n    in_umsetzung: 1\n    geplant: 0",
        "abgeschlossen: 1\n    in_umsetzung: 1\n    geplant: 1",
    );
    let kapitel = "report/kapitel/probe/01-ergebnisse.typ.hbs";
    k.ersetzen(
        kapitel,
        "{{#behauptung \"landkreise_teilnehmend\" \"gleich\" 3}}drei{{/behauptung}}",
        "{{#behauptung \"landkreise_teilnehmend\" \"gleich\" 4}}vier{{/behauptung}}",
    );
    // Three finished now: the acknowledged claim holds, its entry is stale.
    let (code, t) = lauf(k, &["check", "--edition", "probe"]);
    assert_eq!(code, Some(1), "{t}");
    enthaelt(
        &t,
        &[
            "„mehr als zwei“ (projekte_abgeschlossen) ist als Abweichung anerkannt, gilt aber inzwischen (berechnet 3)",
        ],
    );
    let (_, t) = lauf(k, &["diff", "--from", "klein", "--to", "probe"]);
    enthaelt(
        &t,
        &[
            "Anerkennungen, die entfallen können (die Aussage stimmt jetzt):\n  \
             report/kapitel/probe/01-ergebnisse.typ.hbs:5: „mehr als zwei“",
        ],
    );
    // The claim holds again; the missing licence stays acknowledged (confirmed).
    k.schreiben(
        "data/probe/abweichungen.yaml",
        "abweichungen: []\nwebsite:\n  - befund: lizenz_fehlt\n    begruendung: Noch keine Lizenz.\n",
    );
    k.ersetzen(
        "data/probe/edition.yaml",
        "version: \"0.1\"",
        "version: \"1.0\"",
    );
    let t = erfolg(k, &["check", "--edition", "probe"]);
    enthaelt(
        &t,
        &[
            "Ausgabe probe: 4 Landkreise, 5 Steckbriefe; 2 Aussagen im Text geprüft: 2 stimmen, 0 grenzwertig, 0 anerkannte Abweichungen",
        ],
    );
}

/// Steps 7 to 9: build, release, verify of both editions.
fn bauen_und_freigeben(k: &Kopie) {
    // 7. Build, 8. release: the PDF says what the data say.
    erfolg(k, &["build", "--edition", "probe", "--out", "vorschau"]);
    let pdf = std::fs::read(k.datei("vorschau/ki-kataster-probe-v1.0.pdf")).unwrap();
    let text = pdf_text(&pdf);
    for teil in [
        "vier Landkreise",
        "Chatbot Bürgerbüro",
        "Übersetzung mit KI",
        "Uelzen",
    ] {
        assert!(text.contains(teil), "{teil} fehlt im PDF");
    }
    for weg in ["Antragsprüfung", "Peine", "Chatbot Bürgerservice"] {
        assert!(!text.contains(weg), "{weg} steht noch im PDF");
    }
    erfolg(k, &["release", "--edition", "probe", "--out", "dist"]);
    let freigabe = std::fs::read(k.datei("dist/ki-kataster-probe-v1.0.pdf")).unwrap();
    assert_eq!(freigabe, pdf, "die Freigabe ist der gebaute Stand");

    // 9. Both editions rebuilt byte for byte; klein's PDF untouched.
    for id in ["klein", "probe"] {
        let t = erfolg(k, &["verify", "--edition", id]);
        enthaelt(
            &t,
            &[&format!("Ausgabe {id} Version 1.0: byte-gleich nachgebaut")],
        );
    }
}

/// Steps 10 and 11: diff and site.
fn vergleich_und_katalog(k: &Kopie) {
    // 10. What changed, for the working group.
    let t = erfolg(k, &["diff", "--from", "klein", "--to", "probe"]);
    enthaelt(
        &t,
        &[
            "Projekte: 2 neu, 2 entfallen, 3 fortgeführt (davon 1 umbenannt, 1 mit neuem Status",
            "celle-chatbot-buergerservice: „Chatbot Bürgerservice“ → „Chatbot Bürgerbüro“",
            "gifhorn-protokolle-mit-scriba „Protokolle mit Scriba“: Projektstatus: „In Umsetzung“ → „Abgeschlossen“",
            "gifhorn-antragspruefung – Gifhorn: „Antragsprüfung“ (Geplant)",
            "celle-uebersetzung – Celle: „Übersetzung mit KI“ (Geplant)",
            "Uelzen: neu in Tabelle 1",
            "Peine: nicht mehr in Tabelle 1",
            "„mehr als zwei“ (01-ergebnisse.typ.hbs, projekte_abgeschlossen): klein verletzt (anerkannt), berechnet 2; probe stimmt, berechnet 3",
            "Aussagen neu im Text:\n  „vier“",
            "Aussagen nicht mehr im Text:\n  „drei“",
        ],
    );
    let json: serde_json::Value = serde_json::from_str(&stdout(&cli(
        k.pfad(),
        &[
            "diff", "--from", "klein", "--to", "probe", "--format", "json",
        ],
    )))
    .unwrap();
    let geaendert: Vec<&str> = json["aussagen"]["liste"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["alt"]["urteil"] != a["neu"]["urteil"])
        .filter_map(|a| a["wortlaut"].as_str())
        .collect();
    assert_eq!(geaendert, ["vier", "mehr als zwei", "drei"]);

    // 11. The catalogue of both editions: probe at the root, klein below.
    let t = erfolg(k, &["site", "--out", "web"]);
    enthaelt(&t, &["Ausgaben klein, probe: Website mit"]);
    katalog_ueber_die_ausgaben(k);
}

/// The site of both editions: each project's history, the ended one in the
/// older edition, the open data of both, and every link resolves.
fn katalog_ueber_die_ausgaben(k: &Kopie) {
    let start = k.lesen("web/index.html");
    enthaelt(&start, &["Ausgabe probe", "href=\"klein/index.html\""]);
    let alt = k.lesen("web/klein/index.html");
    enthaelt(
        &alt,
        &["Dies ist die Ausgabe klein", "Zur aktuellen Ausgabe probe"],
    );
    let projekt = k.lesen("web/projekt/celle-chatbot-buergerservice.html");
    enthaelt(
        &projekt,
        &[
            "Chatbot Bürgerbüro",
            "Über die Ausgaben",
            "Zuerst berichtet in Ausgabe klein.",
            "Das Projekt wurde umbenannt.",
            "href=\"../klein/projekt/celle-chatbot-buergerservice.html\"",
            "Chatbot Bürgerservice",
        ],
    );
    let neu = k.lesen("web/projekt/celle-uebersetzung.html");
    enthaelt(
        &neu,
        &["Zuerst berichtet in Ausgabe probe.", "nicht berichtet"],
    );
    assert!(!k.datei("web/projekt/gifhorn-antragspruefung.html").exists());
    let beendet = k.lesen("web/klein/projekt/gifhorn-antragspruefung.html");
    enthaelt(
        &beendet,
        &["In Ausgabe probe nicht mehr berichtet (zuletzt in Ausgabe klein)."],
    );
    let alle = k.lesen("web/daten/projekte-alle-ausgaben.csv");
    assert!(alle.starts_with("\u{feff}ausgabe;id;landkreis;"), "{alle}");
    let zeilen = |id: &str| {
        alle.lines()
            .filter(|z| z.starts_with(&format!("{id};")))
            .count()
    };
    assert_eq!((zeilen("klein"), zeilen("probe")), (5, 5), "{alle}");
    let json: serde_json::Value =
        serde_json::from_str(&k.lesen("web/daten/projekte-alle-ausgaben.json")).unwrap();
    assert_eq!(json["ausgaben"][0]["ausgabe"], "klein");
    assert_eq!(json["ausgaben"][1]["ausgabe"], "probe");
    assert!(k.lesen("web/klein/daten/projekte.csv").contains("\nklein;"));
    // One catalogue for both editions: a dataset each, every file found.
    let katalog: serde_json::Value =
        serde_json::from_str(&k.lesen("web/daten/katalog.jsonld")).unwrap();
    let datensaetze = katalog["dcat:dataset"].as_array().unwrap();
    assert_eq!(datensaetze.len(), 2);
    for d in datensaetze {
        for v in d["dcat:distribution"].as_array().unwrap() {
            let adresse = v["dcat:downloadURL"]["@id"].as_str().unwrap();
            assert!(k.datei("web/daten").join(adresse).is_file(), "{adresse}");
        }
    }
    assert!(!k.datei("web/klein/daten/katalog.jsonld").exists());
    links_fuehren_zu_dateien(&k.datei("web"));
}

/// Every local `href` and `src` of every page names a file of the site.
fn links_fuehren_zu_dateien(wurzel: &Path) {
    let mut seiten = Vec::new();
    let mut offen = vec![wurzel.to_path_buf()];
    while let Some(d) = offen.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                offen.push(p);
            } else if p.extension().is_some_and(|x| x == "html") {
                seiten.push(p);
            }
        }
    }
    assert!(seiten.len() > 20, "{}", seiten.len());
    let mut geprueft = 0;
    for seite in &seiten {
        let html = std::fs::read_to_string(seite).unwrap();
        for teil in html.split(['"']).collect::<Vec<_>>().windows(2) {
            let (vor, ziel) = (teil[0], teil[1]);
            if !(vor.ends_with("href=") || vor.ends_with("src=")) {
                continue;
            }
            let pfad = ziel.split(['#', '?']).next().unwrap_or_default();
            if pfad.is_empty() || pfad.contains(':') {
                continue;
            }
            let datei = seite.parent().unwrap().join(pfad);
            assert!(
                datei.is_file(),
                "{}: {ziel} führt ins Leere",
                seite.display()
            );
            geprueft += 1;
        }
    }
    assert!(geprueft > 100, "{geprueft}");
}

#[test]
fn die_website_entsteht_nur_wenn_jede_ausgabe_die_pruefung_besteht() {
    let k = freigegebene_vorlage();
    erfolg(
        &k,
        &[
            "new-edition",
            "probe",
            "--from",
            "klein",
            "--datum",
            "2031-02-01",
        ],
    );
    erfolg(&k, &["site", "--out", "web"]);
    let vorher = k.lesen("web/index.html");
    // The earlier edition's text no longer fits its data (a version 1.1 in
    // the making): the site names it and stays as it was.
    k.ersetzen(
        "report/kapitel/klein/01-ergebnisse.typ.hbs",
        "\"gleich\" 3}}drei",
        "\"gleich\" 4}}drei",
    );
    let (code, t) = lauf(&k, &["site", "--out", "web"]);
    assert_eq!(code, Some(1), "{t}");
    enthaelt(
        &t,
        &["Ausgabe klein besteht die Prüfung nicht. Es wurde keine Website geschrieben."],
    );
    assert_eq!(k.lesen("web/index.html"), vorher);
}
