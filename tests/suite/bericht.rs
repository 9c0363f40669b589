//! `build`: the report as a reproducible PDF from embedded Typst.

use crate::common;

use common::{Kopie, cli, falten, pdf_bytes, pdf_text, stderr, stdout};
use kataster_report::load::lade_edition;
use kataster_report::sitzung::stufen::BauFehler;

#[test]
fn pdf_enthaelt_alle_steckbriefe_und_tabelle_1_mit_berechneter_summe() {
    let bytes = pdf_bytes(&common::projekt());
    let text = pdf_text(&bytes);
    let g = lade_edition(&common::projekt(), "2025").unwrap();
    let e = &g.edition;
    for (lk, s) in e.alle_steckbriefe() {
        assert!(
            text.contains(&falten(&s.projektname)),
            "Steckbrief {} ({lk}) fehlt",
            s.projektname
        );
    }
    // Tabelle 1: each row with its values, in one line of the table.
    for l in &e.landkreise {
        let vzae = kataster_report::figures::format::dezimal(
            l.vzae.0,
            if l.vzae.0.fract() == 0.0 { 0 } else { 1 },
        );
        let p = &l.projekte;
        let werte = format!(
            "{vzae} {} {} {}",
            p.abgeschlossen, p.in_umsetzung, p.geplant
        );
        assert!(text.contains(&werte), "Zeile {}: {werte:?} fehlt", l.name);
        assert!(
            text.contains(&falten(&l.organisationseinheit)) || l.organisationseinheit.len() > 40
        );
    }
    // The totals row equals the column sums (computed here by hand from the rows).
    let summe =
        |f: fn(&kataster_report::model::Landkreis) -> u32| e.landkreise.iter().map(f).sum::<u32>();
    let anzahl = |f: fn(&kataster_report::model::Landkreis) -> bool| {
        e.landkreise.iter().filter(|l| f(l)).count()
    };
    let zeile = format!(
        "Summe bzw. Durchschnitt {} {} {} Ø {} {} {} {}",
        anzahl(|l| l.ki_strategie),
        anzahl(|l| l.digitalstrategie_mit_ki),
        anzahl(|l| l.dienstanweisung),
        kataster_report::figures::format::dezimal(
            e.landkreise.iter().map(|l| l.vzae.0).sum::<f64>() / e.landkreise.len() as f64,
            1
        ),
        summe(|l| l.projekte.abgeschlossen),
        summe(|l| l.projekte.in_umsetzung),
        summe(|l| l.projekte.geplant),
    );
    assert_eq!(zeile, "Summe bzw. Durchschnitt 2 4 5 Ø 0,5 24 38 39");
    assert!(text.contains(&zeile), "Summenzeile fehlt");
    // Structure as published, numbering generated (no "6 Landkreis Verden").
    for t in [
        "1.1 Dokumenten-Historie",
        "1.2 Mitwirkende in der Arbeitsgruppe",
        "1.3 Inhalt",
        "2 Einleitung",
        "5 Projektsteckbriefe",
        "5.15 Landkreis Verden",
        "6 Organisationsstrukturen und Netzwerke",
        "6.1 Übersicht über zuständige Stellen",
        "7 Praxisbeispiele",
        "11 Glossar",
        "Tabelle 1: Übersicht der beteiligten Landkreise",
        "Fassung durch NLT-Präsidium freigegeben",
        "Urbansky, Maik",
    ] {
        assert!(text.contains(t), "{t:?} fehlt");
    }
    assert!(!text.contains("6 Landkreis Verden"));
}

#[test]
fn zwei_builds_und_ein_build_an_anderem_ort_sind_bytegleich() {
    let a = pdf_bytes(&common::projekt());
    let b = pdf_bytes(&common::projekt());
    assert!(a == b, "zwei Builds unterscheiden sich");
    let kopie = Kopie::neu();
    let c = pdf_bytes(kopie.pfad());
    assert!(
        a == c,
        "Build in {} unterscheidet sich",
        kopie.pfad().display()
    );
}

#[test]
fn typst_syntax_in_daten_wird_gedruckt_nicht_ausgefuehrt() {
    let eingaben = ["#panic(\"x\")", "*fett*", "a ] b", "$x$", "@ref", "<lbl>"];
    let k = Kopie::klein();
    let liste = eingaben
        .iter()
        .map(|e| format!("'{}'", e.replace('\'', "''")))
        .collect::<Vec<_>>();
    let felder = [
        "anbieter_produkt",
        "zeitraum",
        "schnittstellen",
        "qualitaetssicherung",
        "verantwortliche_oe",
        "massnahmen_art4",
    ];
    let mut neu = String::from("  projektname: 'Bot #panic(\"x\") *fett* $x$'\n");
    for (feld, wert) in felder.iter().zip(&liste) {
        neu.push_str(&format!("  {feld}: {wert}\n"));
    }
    k.ersetzen(
        "data/klein/steckbriefe/celle.yaml",
        "  projektname: Chatbot Bürgerservice\n",
        &neu,
    );
    let text = pdf_text(&common::pdf_bytes_von(k.pfad(), "klein"));
    for e in eingaben {
        assert!(text.contains(e), "{e:?} steht nicht wörtlich im PDF");
    }
    assert!(
        text.contains("Bot #panic(\"x\") *fett* $x$"),
        "Projektname wörtlich"
    );
}

fn satzfehler(k: &Kopie) -> String {
    let out = tempfile::tempdir().unwrap();
    match common::bauen(k.pfad(), out.path()) {
        Ok(_) => panic!("Bau hätte fehlschlagen müssen"),
        Err(BauFehler::Diagnosen(d)) => {
            assert_eq!(
                std::fs::read_dir(out.path()).unwrap().count(),
                0,
                "kein halbes PDF"
            );
            d.iter().map(|x| x.kurz()).collect::<Vec<_>>().join("\n")
        }
        Err(e) => panic!("unerwarteter Fehler {e:?}"),
    }
}

#[test]
fn vorlage_kann_nichts_ausserhalb_des_projekts_lesen() {
    let kapitel = "report/kapitel/2025/10-ausblick.typ.hbs";
    // Relative paths that climb out of the root are refused by Typst.
    let k = Kopie::neu();
    k.ersetzen(
        kapitel,
        "= Ausblick <ausblick>",
        "= Ausblick <ausblick>\n#read(\"../../../../../../etc/passwd\")",
    );
    let m = satzfehler(&k);
    assert!(m.contains("10-ausblick.typ"), "{m}");
    assert!(!m.contains("root:"), "{m}");
    // Absolute paths are project paths: /etc/passwd is <projekt>/etc/passwd.
    let k = Kopie::neu();
    k.ersetzen(
        kapitel,
        "= Ausblick <ausblick>",
        "= Ausblick <ausblick>\n#read(\"/etc/passwd\")",
    );
    let m = satzfehler(&k);
    assert!(
        m.contains("not found") || m.contains("nicht gefunden"),
        "{m}"
    );
    // A symbolic link inside the project that points outside is refused.
    let k = Kopie::neu();
    std::os::unix::fs::symlink("/etc/passwd", k.datei("report/geheim.txt")).unwrap();
    k.ersetzen(
        kapitel,
        "= Ausblick <ausblick>",
        "= Ausblick <ausblick>\n#read(\"/report/geheim.txt\")",
    );
    let m = satzfehler(&k);
    assert!(m.contains("access denied") || m.contains("Zugriff"), "{m}");
}

#[test]
fn build_schreibt_versioniertes_pdf_und_ueberschreibt_keine_fassung() {
    let k = Kopie::neu();
    let o = cli(k.pfad(), &["build", "--out", "ziel"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let pfad = k.datei("ziel/ki-kataster-2025-v1.1.pdf");
    assert_eq!(stdout(&o).trim(), pfad.display().to_string());
    let bytes = std::fs::read(&pfad).unwrap();
    // Metadata: title, author, language, creation date from the edition.
    let roh = String::from_utf8_lossy(&bytes);
    // The catalog sits in an object stream: read it with a PDF parser.
    let dokument = lopdf::Document::load_mem(&bytes).unwrap();
    let lang = dokument.catalog().unwrap().get(b"Lang").unwrap();
    assert_eq!(lang.as_str().unwrap(), b"de-DE", "Sprache");
    assert!(roh.contains("<pdfuaid:part>1</pdfuaid:part>"), "PDF/UA-1");
    assert!(
        roh.contains("<dc:language><rdf:Bag><rdf:li>de-DE"),
        "Sprache in XMP"
    );
    assert!(
        roh.contains("<xmp:CreateDate>2026-11-27T00:00:00Z"),
        "Datum der Version 1.1, keine Uhr"
    );
    assert!(
        roh.contains("KI- und RPA-Projekte der niedersächsischen Landkreise"),
        "Titel"
    );
    // An existing file with other content is not replaced without --force.
    std::fs::write(&pfad, b"alte Fassung").unwrap();
    let o = cli(k.pfad(), &["build", "--out", "ziel"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("--force"), "{}", stderr(&o));
    assert_eq!(std::fs::read(&pfad).unwrap(), b"alte Fassung");
    let o = cli(k.pfad(), &["build", "--out", "ziel", "--force"]);
    assert!(o.status.success());
    assert_eq!(std::fs::read(&pfad).unwrap(), bytes);
}

/// Compiles the layout's `bericht.typ` in a folder of emitted sources, with only
/// the files in it and its fonts; the number of pages.
fn quellen_setzen(ordner: &std::path::Path, haupt: &str) -> usize {
    use kataster_report::compile::world::{BerichtsWelt, Schriften};
    use kataster_report::model::Datum;
    let schriften = Schriften::laden(ordner).unwrap();
    let datum = Datum {
        jahr: 2025,
        monat: 6,
        tag: 23,
    };
    let welt = BerichtsWelt::neu(ordner, haupt, Vec::new(), &schriften, datum).unwrap();
    let ergebnis = typst::compile::<typst_layout::PagedDocument>(&welt);
    match ergebnis.output {
        Ok(d) => d.pages().len(),
        Err(f) => panic!(
            "die geschriebenen Quellen übersetzen nicht: {:?}",
            f.iter().map(|d| d.message.to_string()).collect::<Vec<_>>()
        ),
    }
}

#[test]
fn emit_typst_schreibt_kompilierbare_quellen() {
    // Layout 2026, which imports the functions of 2025-barrierefrei: the
    // emitted folder must hold both.
    let k = crate::seitenbilder::als_version_1_2();
    let o = cli(
        k.pfad(),
        &[
            "build",
            "--out",
            "ziel",
            "--emit-typst",
            "quellen",
            "--timings",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    for d in [
        "quellen/report/layout/2026/bericht.typ",
        "quellen/report/layout/2025-barrierefrei/bericht.typ",
        "quellen/report/layout/2025-barrierefrei/lib.typ",
        "quellen/report/layout/2025-barrierefrei/bilder/head-circuit.svg",
        "quellen/generiert/daten.json",
        "quellen/generiert/kapitel.typ",
        "quellen/generiert/kapitel/02-einleitung.typ",
        "quellen/generiert/abb/karte.svg",
        "quellen/fonts/Inter-Regular.otf",
    ] {
        assert!(k.datei(d).is_file(), "{d} fehlt");
    }
    // What was written compiles on its own, as `typst compile --root quellen`
    // would: the emitted folder as the only project, nothing generated in
    // memory. Same page count as the build.
    let seiten = quellen_setzen(&k.datei("quellen"), "/report/layout/2026/bericht.typ");
    let pdf = std::fs::read_dir(k.datei("ziel"))
        .unwrap()
        .flatten()
        .next()
        .unwrap()
        .path();
    assert_eq!(
        seiten,
        common::pdf_seiten(&std::fs::read(pdf).unwrap()).len()
    );
    let e = stderr(&o);
    for stufe in [
        "Daten laden",
        "Kennzahlen",
        "Abbildungen",
        "Kapitel füllen",
        "Satz (Typst)",
        "PDF-Export",
    ] {
        assert!(e.contains(stufe), "Zeit für {stufe} fehlt: {e}");
    }
    // Typst's layout passes: the report has page references, so at least
    // two (the first one knows no page numbers yet), at most five.
    let durchlaeufe: usize = e
        .split("Typst setzte den Bericht in ")
        .nth(1)
        .and_then(|r| r.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("keine Durchläufe: {e}"));
    assert!((2..=5).contains(&durchlaeufe), "{durchlaeufe}");
}

#[test]
fn fehler_im_kapitel_nennt_die_vorlage() {
    let k = Kopie::neu();
    k.ersetzen(
        "report/kapitel/2025/10-ausblick.typ.hbs",
        "= Ausblick <ausblick>",
        "= Ausblick <ausblick>\n#unbekannt()",
    );
    let zeile = k.zeile("report/kapitel/2025/10-ausblick.typ.hbs", "#unbekannt()");
    let m = satzfehler(&k);
    // Reported at the template's own line, with a pointer to the generated file.
    assert!(
        m.contains(&format!(
            "report/kapitel/2025/10-ausblick.typ.hbs:{zeile}:1: Satz: unbekannte Funktion"
        )),
        "{m}"
    );
    assert!(m.contains("generiert/kapitel/10-ausblick.typ"), "{m}");
}

#[test]
fn zeichen_ohne_glyphe_in_der_schrift_wird_gemeldet() {
    let k = Kopie::neu();
    let datei = "data/2025/steckbriefe/celle.yaml";
    k.ersetzen(datei, "  zeitraum: 01.05.2025", "  zeitraum: ≅ 01.05.2025");
    let zeile = k.zeile(datei, "zeitraum: ≅");
    for befehl in [&["check"][..], &["build", "--out", "ziel"][..]] {
        let o = cli(k.pfad(), befehl);
        assert_eq!(o.status.code(), Some(1), "{befehl:?}");
        let e = stderr(&o);
        assert!(e.contains(&format!("{datei}:{zeile}:")), "{e}");
        assert!(
            e.contains("„≅“ (U+2245) gibt es in der Schrift des Berichts nicht"),
            "{e}"
        );
    }
    assert!(!k.datei("ziel").exists(), "kein PDF mit leeren Kästchen");
}

#[test]
fn satzfehler_behaelt_jeden_hinweis_und_die_aufrufstelle() {
    let k = Kopie::klein();
    let datei = "report/kapitel/klein/01-ergebnisse.typ.hbs";
    k.ersetzen(
        datei,
        "Absatz zum Bearbeiten.",
        "#let formel(x) = $ab$\n\nAbsatz zum Bearbeiten. #formel(1)",
    );
    let aufruf = k.zeile(datei, "#formel(1)");
    let o = cli(k.pfad(), &["build", "--out", "ziel"]);
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    // Both of Typst's hints for an unknown math variable, not only the first.
    assert!(e.contains("try adding spaces"), "{e}");
    assert!(e.contains("try placing it in quotes"), "{e}");
    // The trace: where the function that failed was called, at the template's line.
    assert!(
        e.contains(&format!("{datei}:{aufruf}:1: beim Aufruf von `formel`")),
        "{e}"
    );
    assert!(e.contains("Es wurde kein PDF geschrieben."), "{e}");
    assert!(!k.datei("ziel").exists());
}
