//! The accessible PDF (layout „2025-barrierefrei“, version 1.1): what a
//! screen reader gets from the tags, read back with a PDF parser, and the
//! file's size.

use crate::common;

use std::sync::OnceLock;

use common::{Kopie, cli, pdf_text, stderr};
use kataster_report::load::lade_edition;
use lopdf::{Dictionary, Document, Object};

/// The 2025 edition as built now (version 1.1), built once for all tests.
fn pdf() -> &'static [u8] {
    static PDF: OnceLock<Vec<u8>> = OnceLock::new();
    PDF.get_or_init(|| common::pdf_bytes(&common::projekt()))
}

/// A structure element of the tag tree.
#[derive(Debug, PartialEq)]
struct Element {
    typ: String,
    lang: Option<String>,
    alt: Option<String>,
    /// `/Scope` of a table header cell (`Row`, `Column`, `Both`).
    scope: Option<String>,
    kinder: Vec<Element>,
}

impl Element {
    fn alle(&self) -> Vec<&Element> {
        let mut out = vec![self];
        for k in &self.kinder {
            out.extend(k.alle());
        }
        out
    }
}

/// A PDF text string: UTF-16BE with its byte order mark, or PDFDocEncoding
/// (taken as Latin-1, enough for these tests).
fn text(o: &Object) -> Option<String> {
    let Object::String(b, _) = o else { return None };
    Some(match b.strip_prefix(&[0xfe, 0xff]) {
        Some(u) => String::from_utf16_lossy(
            &u.chunks(2)
                .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
                .collect::<Vec<_>>(),
        ),
        None => b.iter().map(|&c| c as char).collect(),
    })
}

fn aufloesen<'a>(d: &'a Document, o: &'a Object) -> &'a Object {
    match o {
        Object::Reference(r) => d.get_object(*r).unwrap_or(o),
        _ => o,
    }
}

/// The `/Scope` in a struct element's attributes (a dictionary or an array
/// of them).
fn scope(d: &Document, dict: &Dictionary) -> Option<String> {
    let a = aufloesen(d, dict.get(b"A").ok()?);
    let liste = match a {
        Object::Array(v) => v.iter().collect::<Vec<_>>(),
        o => vec![o],
    };
    liste.into_iter().find_map(|x| {
        let Object::Dictionary(a) = aufloesen(d, x) else {
            return None;
        };
        a.get(b"Scope")
            .ok()?
            .as_name()
            .ok()
            .map(|n| String::from_utf8_lossy(n).into_owned())
    })
}

fn element(d: &Document, o: &Object) -> Option<Element> {
    let Object::Dictionary(dict) = aufloesen(d, o) else {
        return None;
    };
    let typ = String::from_utf8_lossy(dict.get(b"S").ok()?.as_name().ok()?).into_owned();
    Some(Element {
        typ,
        lang: dict.get(b"Lang").ok().and_then(text),
        alt: dict.get(b"Alt").ok().and_then(text),
        scope: scope(d, dict),
        kinder: kinder(d, dict),
    })
}

fn kinder(d: &Document, dict: &Dictionary) -> Vec<Element> {
    match dict.get(b"K").map(|k| aufloesen(d, k)) {
        Ok(Object::Array(v)) => v.iter().filter_map(|k| element(d, k)).collect(),
        Ok(k) => element(d, k).into_iter().collect(),
        Err(_) => Vec::new(),
    }
}

/// The document's language and its tag tree.
fn struktur(bytes: &[u8]) -> (String, Element) {
    let d = Document::load_mem(bytes).expect("PDF lesbar");
    let katalog = d.catalog().unwrap();
    let lang = katalog.get(b"Lang").ok().and_then(text).unwrap_or_default();
    let wurzel = katalog.get(b"StructTreeRoot").unwrap();
    let Object::Dictionary(w) = aufloesen(&d, wurzel) else {
        panic!("kein StructTreeRoot")
    };
    let baum = Element {
        typ: "StructTreeRoot".into(),
        lang: None,
        alt: None,
        scope: None,
        kinder: kinder(&d, w),
    };
    (lang, baum)
}

/// The bookmarks: (depth, title) in document order.
fn lesezeichen(bytes: &[u8]) -> Vec<(usize, String)> {
    fn gehe(d: &Document, id: lopdf::ObjectId, tiefe: usize, out: &mut Vec<(usize, String)>) {
        let mut jetzt = Some(id);
        while let Some(i) = jetzt {
            let o = d.get_dictionary(i).unwrap();
            out.push((
                tiefe,
                o.get(b"Title").ok().and_then(text).unwrap_or_default(),
            ));
            if let Ok(erstes) = o.get(b"First").and_then(Object::as_reference) {
                gehe(d, erstes, tiefe + 1, out);
            }
            jetzt = o.get(b"Next").and_then(Object::as_reference).ok();
        }
    }
    let d = Document::load_mem(bytes).unwrap();
    let wurzel = d
        .catalog()
        .unwrap()
        .get(b"Outlines")
        .unwrap()
        .as_reference()
        .unwrap();
    let erstes = d
        .get_dictionary(wurzel)
        .unwrap()
        .get(b"First")
        .unwrap()
        .as_reference()
        .unwrap();
    let mut out = Vec::new();
    gehe(&d, erstes, 0, &mut out);
    out
}

/// The rows of a table's body and footer: TR under TBody or TFoot, or
/// directly under Table unless all its cells are headers (a header row).
fn zeilen(tabelle: &Element) -> Vec<&Element> {
    tabelle
        .kinder
        .iter()
        .flat_map(|k| match k.typ.as_str() {
            "TBody" | "TFoot" => k.kinder.iter().filter(|z| z.typ == "TR").collect(),
            "TR" if !k.kinder.iter().all(|c| c.typ == "TH") => vec![k],
            _ => Vec::new(),
        })
        .collect()
}

/// How often a language is set on marked content in the pages' content
/// streams (Typst tags a passage there, `/Span <</Lang (en)>> BDC`).
fn sprachmarken(bytes: &[u8], lang: &str) -> usize {
    let d = Document::load_mem(bytes).unwrap();
    let muster = format!("/Lang({lang}");
    d.get_pages()
        .values()
        .map(|id| {
            let inhalt = d.get_page_content(*id).unwrap();
            String::from_utf8_lossy(&inhalt).matches(&muster).count()
        })
        .sum()
}

#[test]
fn jede_tabellenzeile_hat_einen_zeilenkopf() {
    let (_, baum) = struktur(pdf());
    let tabellen: Vec<&Element> = baum
        .alle()
        .into_iter()
        .filter(|e| e.typ == "Table")
        .collect();
    let mut mit_kopf = 0;
    for t in &tabellen {
        for z in zeilen(t) {
            let erste = z.kinder.first().expect("leere Zeile");
            assert_eq!(
                (erste.typ.as_str(), erste.scope.as_deref()),
                ("TH", Some("Row")),
                "erste Zelle einer Zeile ist kein Zeilenkopf: {erste:?}"
            );
            assert!(z.kinder[1..].iter().all(|c| c.typ == "TD"), "{z:?}");
            mit_kopf += 1;
        }
    }
    // Every fact-sheet row and Tabelle 1 (its rows and the totals) at least.
    let g = lade_edition(&common::projekt(), "2025").unwrap();
    let steckbrief_zeilen: usize = g
        .edition
        .alle_steckbriefe()
        .map(|(_, s)| {
            kataster_report::model::FELDER
                .iter()
                .filter(|f| s.wert(f.schluessel).is_some())
                .count()
        })
        .sum();
    assert!(
        mit_kopf > steckbrief_zeilen + g.edition.landkreise.len(),
        "{mit_kopf} Zeilen mit Kopf, {steckbrief_zeilen} Steckbrief-Zeilen"
    );
}

#[test]
fn tabelle_1_liest_ja_und_nein() {
    let (_, baum) = struktur(pdf());
    let g = lade_edition(&common::projekt(), "2025").unwrap();
    let ja: usize = g
        .edition
        .landkreise
        .iter()
        .map(|l| {
            [l.ki_strategie, l.digitalstrategie_mit_ki, l.dienstanweisung]
                .iter()
                .filter(|b| **b)
                .count()
        })
        .sum();
    let alt = |w: &str| {
        baum.alle()
            .iter()
            .filter(|e| e.alt.as_deref() == Some(w))
            .count()
    };
    assert_eq!(alt("ja"), ja);
    assert_eq!(alt("nein"), 3 * g.edition.landkreise.len() - ja);
    // Printed as published: a cross, nothing for "nein", no alternative text.
    let text = pdf_text(pdf());
    assert!(
        text.contains("Harburg ITK Harburg (Landkreis Harburg) Interne IT X 1 3 3 7"),
        "{text}"
    );
}

#[test]
fn englische_stellen_sind_als_englisch_ausgezeichnet() {
    let (lang, baum) = struktur(pdf());
    assert_eq!(lang, "de-DE");
    let englisch = baum
        .alle()
        .into_iter()
        .filter(|e| e.lang.as_deref().is_some_and(|l| l.starts_with("en")))
        .count()
        + sprachmarken(pdf(), "en");
    // Chapters ({{#sprache "en"}}) and data (<en>…</en>) of the 2025 edition.
    let kapitel: usize = std::fs::read_dir(common::projekt().join("report/kapitel/2025"))
        .unwrap()
        .map(|f| {
            std::fs::read_to_string(f.unwrap().path())
                .unwrap()
                .matches("{{#sprache \"en\"}}")
                .count()
        })
        .sum();
    let daten = [
        "glossar.yaml",
        "quellen.yaml",
        "steckbriefe/hameln-pyrmont.yaml",
    ]
    .iter()
    .map(|f| {
        std::fs::read_to_string(common::projekt().join("data/2025").join(f))
            .unwrap()
            .matches("<en>")
            .count()
    })
    .sum::<usize>();
    assert!(kapitel >= 5 && daten >= 7, "{kapitel} {daten}");
    assert!(englisch >= kapitel + daten, "{englisch} englische Stellen");
    // The marker is not printed.
    let text = pdf_text(pdf());
    // (The extractor puts spaces around a tagged passage.)
    assert!(
        text.contains("erstmal \" silent go live \" um"),
        "Anmerkung fehlt"
    );
    assert!(!text.contains("<en>") && !text.contains("</en>"));
}

#[test]
fn ueberschriften_und_lesezeichen() {
    let (_, baum) = struktur(pdf());
    // The title is a heading of level 1 of its own, not inside a paragraph.
    for e in baum.alle() {
        assert!(
            !(e.typ == "P" && e.kinder.iter().any(|k| k.typ.starts_with('H'))),
            "Überschrift in einem Absatz: {e:?}"
        );
    }
    let l = lesezeichen(pdf());
    assert_eq!(
        l[0],
        (
            0,
            "KI- und RPA-Projekte der niedersächsischen Landkreise".into()
        )
    );
    assert_eq!(l[1], (1, "1.1 Dokumenten-Historie".into()));
    assert_eq!(l[3], (1, "1.3 Inhalt".into()));
    assert_eq!(l[4], (0, "2 Einleitung".into()));
    // Unnumbered headings are bookmarked too, below their section.
    let ki = l
        .iter()
        .position(|x| x.1 == "Künstliche Intelligenz (KI)")
        .expect("Lesezeichen fehlt");
    let definitionen = l.iter().position(|x| x.1 == "3.2 Definitionen").unwrap();
    assert!(ki > definitionen && l[ki].0 == 2, "{:?}", l[ki]);
}

/// The text of a chapter heading as the PDF carries it: number, a space,
/// title (the extractors of pdftotext or pdf-extract insert spaces at gaps
/// and would not tell; lopdf's text is the glyphs as written).
#[test]
fn kapitelnummer_und_titel_trennt_ein_leerzeichen() {
    let d = Document::load_mem(pdf()).unwrap();
    let seiten: Vec<u32> = d.get_pages().keys().copied().collect();
    let text = d.extract_text(&seiten).unwrap();
    for (tiefe, titel) in lesezeichen(pdf()) {
        let nummeriert = titel.starts_with(|c: char| c.is_ascii_digit());
        if tiefe == 0 && nummeriert {
            assert!(text.contains(&titel), "„{titel}“ steht nicht so im Text");
        }
    }
    assert!(text.contains("4 Ergebnisse der Bestandsaufnahme"));
}

/// A fact sheet that starts on a page shows at least its first four rows
/// there (Projektname, Landkreis, Ziele, Projektstatus), never only its
/// heading and a row at the foot of the page.
#[test]
fn kein_steckbrief_beginnt_mit_nur_einer_zeile_am_seitenfuss() {
    let mut anfaenge = 0;
    for (nr, seite) in common::pdf_seiten(pdf()).iter().enumerate() {
        for (i, _) in seite.match_indices("Feld Angabe Projektname") {
            anfaenge += 1;
            assert!(
                seite[i..].contains("Projektstatus"),
                "Seite {}: ein Steckbrief beginnt am Fuß der Seite",
                nr + 1
            );
        }
    }
    assert_eq!(anfaenge, 69, "jeder Steckbrief beginnt einmal");
}

#[test]
fn pdf_ist_hoechstens_900_kb_gross() {
    let n = pdf().len();
    assert!(n <= 900 * 1024, "{n} Bytes");
}

#[test]
fn zu_schwache_farben_werden_abgelehnt() {
    let k = Kopie::neu();
    // A released layout stays as it is: the design change in a new one.
    let o = cli(
        k.pfad(),
        &["new-layout", "neu", "--from", "2025-barrierefrei"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    k.ersetzen(
        "data/2025/edition.yaml",
        "layout: \"2025-barrierefrei\"",
        "layout: neu",
    );
    k.ersetzen(
        "report/layout/neu/gestaltung.yaml",
        "\"#6a8fb3\"",
        "\"#c6dbef\"",
    );
    let o = cli(k.pfad(), &["check", "--edition", "2025"]);
    let e = stderr(&o);
    assert!(!o.status.success());
    assert!(e.contains("gestaltung.yaml:"), "{e}");
    assert!(
        e.contains("„geplant“ (#c6dbef) hat zu „Weiß“ nur einen Kontrast von 1,42 : 1"),
        "{e}"
    );
    assert!(e.contains("trennlinien: true"), "{e}");
}

#[test]
fn unbekannter_sprachcode_im_kapitel_wird_gemeldet() {
    let k = Kopie::neu();
    k.ersetzen(
        "report/kapitel/2025/03-rahmenbedingungen.typ.hbs",
        "{{#sprache \"en\"}}Weak AI",
        "{{#sprache \"englisch\"}}Weak AI",
    );
    let o = cli(k.pfad(), &["check", "--edition", "2025"]);
    let e = stderr(&o);
    assert!(!o.status.success());
    assert!(e.contains("03-rahmenbedingungen.typ.hbs:"), "{e}");
    assert!(e.contains("„englisch“ ist kein Sprachcode"), "{e}");
}

#[test]
fn layout_2026_liest_tabelle_1_als_text_und_das_titelsymbol_als_schmuck() {
    let (bytes, _) = crate::seitenbilder::pdf();
    let (_, baum) = struktur(bytes);
    let alle = baum.alle();
    let figuren: Vec<Option<&str>> = alle
        .iter()
        .filter(|e| e.typ == "Figure")
        .map(|e| e.alt.as_deref())
        .collect();
    // The map and the four charts, each with its description; no figure
    // for a mark of Tabelle 1 ("Grafik, nein"), none for the cover symbol.
    assert_eq!(figuren.len(), 5, "{figuren:?}");
    assert!(
        figuren.iter().all(|a| a.is_some_and(|a| a.len() > 100)),
        "{figuren:?}"
    );
    // Tabelle 1's marks are text in their cells: no table holds a figure
    // (in 1.1, Tabelle 1 holds one per mark).
    let figuren_in_tabellen = |baum: &Element| {
        baum.alle()
            .iter()
            .filter(|e| e.typ == "Table")
            .map(|t| t.alle().iter().filter(|e| e.typ == "Figure").count())
            .sum::<usize>()
    };
    assert_eq!(figuren_in_tabellen(&baum), 0);
    assert!(figuren_in_tabellen(&struktur(pdf()).1) >= 57);
    // "Management Summary" (heading 2.3 and its entry in the contents) is
    // English, in addition to the passages 1.1 marks.
    let englisch = |b: &[u8]| {
        let (_, baum) = struktur(b);
        baum.alle()
            .iter()
            .filter(|e| e.lang.as_deref().is_some_and(|l| l.starts_with("en")))
            .count()
            + sprachmarken(b, "en")
    };
    assert!(
        englisch(bytes) >= englisch(pdf()) + 2,
        "{} {}",
        englisch(bytes),
        englisch(pdf())
    );
}

#[test]
fn objektstroeme_in_einem_durchgang_aendern_weder_text_noch_tags() {
    // Layout 2026 writes its object streams in one pass; the same PDF with
    // lopdf rewriting it, as layout 2025-barrierefrei (1.1) does.
    let (schnell, _) = crate::seitenbilder::pdf();
    let k = crate::seitenbilder::als_version_1_2();
    k.ersetzen(
        "report/layout/2026/gestaltung.yaml",
        "objektstroeme_in_einem_durchgang: true",
        "objektstroeme_in_einem_durchgang: false",
    );
    let gelesen = common::pdf_bytes(k.pfad());
    assert_ne!(schnell, &gelesen, "beide Wege gingen durch denselben Code");
    assert_eq!(struktur(schnell), struktur(&gelesen));
    assert_eq!(lesezeichen(schnell), lesezeichen(&gelesen));
    assert_eq!(pdf_text(schnell), pdf_text(&gelesen));
    let d = Document::load_mem(schnell).unwrap();
    let katalog = d.catalog().unwrap();
    assert_eq!(
        katalog.get(b"PageMode").unwrap().as_name().unwrap(),
        b"UseOutlines"
    );
    assert_eq!(
        d.get_pages().len(),
        Document::load_mem(&gelesen).unwrap().get_pages().len()
    );
    // Object streams and a cross-reference stream, no classic table.
    let roh = String::from_utf8_lossy(schnell);
    assert!(roh.contains("/Type /ObjStm") && roh.contains("/Type /XRef"));
    assert!(!roh.contains("\nxref\n") && !roh.contains("/StructElem"));
    assert!(
        schnell.len() <= gelesen.len(),
        "{} > {}",
        schnell.len(),
        gelesen.len()
    );
}
