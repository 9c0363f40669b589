//! Reference images of layout 2026 (issue 25): the first page of every kind
//! (title, Impressum, contents, summary, Tabelle 1, map, the charts, a short,
//! a long and a continued fact sheet, glossary) rendered at low resolution
//! and compared with the PNGs in `tests/fixtures/seitenbilder/`, as Typst's
//! own test suite does. Rendering is hayro's (the PDF as a reader sees it,
//! not Typst's frames). An intended change updates the references with
//!
//! ```text
//! SEITENBILDER_AKTUALISIEREN=1 cargo test seitenbilder
//! ```
//!
//! and the changed PNGs go into the commit, where a reviewer sees them.
//! Layout rules that can be read from the PDF's text are asserted directly.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use hayro::hayro_interpret::InterpreterSettings;
use hayro::hayro_syntax::Pdf;
use hayro::vello_cpu::Pixmap;
use hayro::vello_cpu::color::palette::css::WHITE;
use hayro::{RenderCache, RenderSettings};
use kataster_report::model::FELDER;

use crate::common::{Kopie, cli, pdf_bytes, pdf_seiten, pdf_zeichen, stdout};

/// 36 dpi: a page is 298 × 421 pixels; enough to see a moved block, a lost
/// row or a changed colour, small enough to commit.
const MASSSTAB: f32 = 0.5;
/// A pixel differs when one channel differs by more than this.
const KANAL: u8 = 40;
/// A page matches when at most this share of its pixels differ.
const ANTEIL: f64 = 0.004;

/// A copy of the project whose 2025 edition is set with layout 2026, as a
/// version 1.2 would be.
pub(crate) fn als_version_1_2() -> Kopie {
    let k = Kopie::neu();
    k.ersetzen(
        "data/2025/edition.yaml",
        "layout: \"2025-barrierefrei\"",
        "layout: \"2026\"",
    );
    k.ersetzen(
        "data/2025/edition.yaml",
        "version: \"1.1\"",
        "version: \"1.2\"",
    );
    k
}

/// The 2025 edition set with layout 2026 (as a version 1.2 would be), built once.
pub(crate) fn pdf() -> &'static (Vec<u8>, Vec<String>) {
    static PDF: OnceLock<(Vec<u8>, Vec<String>)> = OnceLock::new();
    PDF.get_or_init(|| {
        let k = als_version_1_2();
        let bytes = pdf_bytes(k.pfad());
        let seiten = pdf_seiten(&bytes);
        (bytes, seiten)
    })
}

/// The first page (1-based) whose text contains `merkmal`.
fn seite_mit(merkmal: &str) -> usize {
    let (_, seiten) = pdf();
    seiten
        .iter()
        .position(|s| s.contains(merkmal))
        .map(|i| i + 1)
        .unwrap_or_else(|| panic!("keine Seite enthält „{merkmal}“"))
}

fn referenz(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/seitenbilder")
        .join(format!("{name}.png"))
}

fn rendern(seite: usize) -> Pixmap {
    let (bytes, _) = pdf();
    let pdf = Pdf::new(Arc::new(bytes.clone())).expect("PDF lesbar");
    let cache = RenderCache::new();
    let einstellungen = RenderSettings {
        x_scale: MASSSTAB,
        y_scale: MASSSTAB,
        bg_color: WHITE,
        ..RenderSettings::default()
    };
    let page = &pdf.pages()[seite - 1];
    hayro::render(
        page,
        &cache,
        &InterpreterSettings::default(),
        &einstellungen,
    )
}

/// How many pixels of `a` and `b` differ (all of them if the sizes differ).
fn abweichende_pixel(a: &Pixmap, b: &Pixmap) -> usize {
    if (a.width(), a.height()) != (b.width(), b.height()) {
        return a.data().len().max(b.data().len());
    }
    a.data_as_u8_slice()
        .chunks_exact(4)
        .zip(b.data_as_u8_slice().chunks_exact(4))
        .filter(|(x, y)| x.iter().zip(y.iter()).any(|(p, q)| p.abs_diff(*q) > KANAL))
        .count()
}

/// Renders page `seite` and compares it with reference `name`; with
/// SEITENBILDER_AKTUALISIEREN set, writes the reference instead.
fn vergleichen(name: &str, seite: usize) -> Result<(), String> {
    let bild = rendern(seite);
    let pfad = referenz(name);
    if std::env::var_os("SEITENBILDER_AKTUALISIEREN").is_some() {
        std::fs::create_dir_all(pfad.parent().unwrap()).unwrap();
        std::fs::write(&pfad, bild.into_png().unwrap()).unwrap();
        return Ok(());
    }
    let Ok(datei) = std::fs::read(&pfad) else {
        return Err(format!("{name}: keine Referenz {}", pfad.display()));
    };
    let vorher = Pixmap::from_png(std::io::Cursor::new(datei)).unwrap();
    let anders = abweichende_pixel(&bild, &vorher);
    let anteil = anders as f64 / (usize::from(bild.width()) * usize::from(bild.height())) as f64;
    if anteil > ANTEIL {
        let neu = std::env::temp_dir().join(format!("seitenbild-{name}.png"));
        std::fs::write(&neu, bild.into_png().unwrap()).unwrap();
        return Err(format!(
            "{name} (Seite {seite}): {:.2} % der Pixel anders (erlaubt {:.2} %); neu: {}",
            anteil * 100.0,
            ANTEIL * 100.0,
            neu.display()
        ));
    }
    Ok(())
}

#[test]
fn die_seiten_jeder_art_gleichen_ihren_referenzbildern() {
    let arten = [
        ("titel", 1),
        ("impressum", seite_mit("Impressum")),
        ("inhalt", seite_mit("1.3 Inhalt")),
        ("zusammenfassung", seite_mit("2.3 Zusammenfassung")),
        ("tabelle-1", seite_mit("Tabelle 1:")),
        ("karte", seite_mit("Abbildung 1:")),
        ("status-und-streuung", seite_mit("Abbildung 3:")),
        ("anteile", seite_mit("Abbildung 4:")),
        ("steckbrief-kurz", seite_mit("5.15.1 ")),
        ("steckbrief-lang", seite_mit("5.1.2 ")),
        ("steckbrief-fortsetzung", seite_mit("(Fortsetzung)")),
        ("glossar", seite_mit("11 Glossar")),
    ];
    let fehler: Vec<String> = arten
        .iter()
        .filter_map(|(name, seite)| vergleichen(name, *seite).err())
        .collect();
    assert!(
        fehler.is_empty(),
        "Seiten weichen von ihren Referenzbildern ab (gewollt? dann \
         SEITENBILDER_AKTUALISIEREN=1 cargo test seitenbilder):\n{}",
        fehler.join("\n")
    );
}

#[test]
fn ein_geaendertes_seitenbild_faellt_auf() {
    // The comparison is not blind: the title page is not the contents page.
    let titel = rendern(1);
    let inhalt = rendern(seite_mit("1.3 Inhalt"));
    let anders = abweichende_pixel(&titel, &inhalt);
    assert!(anders as f64 > ANTEIL * 298.0 * 421.0, "{anders}");
    assert_eq!(abweichende_pixel(&titel, &rendern(1)), 0);
}

/// Text without diacritics, whether the extractor wrote "ü" as one
/// character or as "u" and a combining mark.
fn grundform(text: &str) -> String {
    text.chars()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .map(|c| match c {
            'ä' => 'a',
            'ö' => 'o',
            'ü' => 'u',
            'Ä' => 'A',
            'Ö' => 'O',
            'Ü' => 'U',
            c => c,
        })
        .collect()
}

/// The rows of each fact sheet on a page: the text after each column
/// header "Feld Angabe" (a sheet's start, or its continuation at the top of
/// a page) up to the next is one sheet's part; its rows are the labels of the
/// fact-sheet fields it contains, and "Landkreis" with the first.
fn zeilen_je_steckbrief(seite: &str) -> Vec<usize> {
    seite
        .split("Feld Angabe")
        .skip(1)
        .map(|teil| {
            let teil = grundform(&(teil.split_whitespace().collect::<Vec<_>>().join(" ") + " "));
            let felder = FELDER
                .iter()
                .filter(|f| teil.contains(&grundform(&format!("{} ", f.bezeichnung))))
                .count();
            // The row "Landkreis" follows "Projektname" in print (not a field).
            felder + usize::from(teil.contains("Projektname "))
        })
        .collect()
}

#[test]
fn kein_steckbrief_hat_weniger_als_drei_zeilen_auf_einer_seite() {
    let (_, seiten) = pdf();
    // The last pages with these headings: the chapters, not the contents.
    let letzte = |merkmal: &str| seiten.iter().rposition(|s| s.contains(merkmal)).unwrap() + 1;
    let von = letzte("5.1 Landkreis Celle");
    let bis = letzte("6 Organisationsstrukturen");
    let mut fortsetzungen = 0;
    let mut gezaehlt = 0;
    for (i, seite) in seiten.iter().enumerate().take(bis - 1).skip(von - 1) {
        for n in zeilen_je_steckbrief(seite) {
            gezaehlt += n;
            assert!(
                n >= 3,
                "Seite {}: ein Steckbrief mit nur {n} Zeilen:\n{seite:?}",
                i + 1
            );
        }
        fortsetzungen += usize::from(seite.contains("(Fortsetzung)"));
    }
    // Every sheet of 2025 is longer than a page's rest: many continue, and say so.
    assert!(fortsetzungen > 20, "{fortsetzungen}");
    // 69 sheets of about 29 rows: the count sees the rows, it is not blind.
    assert!(gezaehlt > 69 * 25, "{gezaehlt}");
}

#[test]
fn tabelle_1_liest_ja_und_nein_und_erklaert_ihre_zeichen() {
    let (_, seiten) = pdf();
    let seite = &seiten[seite_mit("Tabelle 1:") - 1];
    assert!(seite.contains("ja: vorhanden"), "{seite}");
    assert!(seite.contains("nein"), "{seite}");
    // No header word broken inside (the narrow columns stand upright).
    for kopf in ["abgeschlossen", "in Umsetzung", "geplant", "KI-Strategie"] {
        assert!(
            seite.contains(kopf),
            "„{kopf}“ fehlt oder ist getrennt:\n{seite}"
        );
    }
}

/// The heights (y) of the characters of every occurrence of `teil` (white
/// space left out) on the pages.
fn zeilenhoehen(zeichen: &[Vec<(String, f64, f64)>], teil: &str) -> Vec<Vec<f64>> {
    let gesucht: Vec<char> = teil.chars().filter(|c| !c.is_whitespace()).collect();
    let mut funde = Vec::new();
    for seite in zeichen {
        let folge: Vec<(char, f64)> = seite
            .iter()
            .flat_map(|(z, _, y)| z.chars().map(move |c| (c, *y)))
            .collect();
        for start in 0..folge.len() {
            let passt = gesucht
                .iter()
                .enumerate()
                .all(|(i, c)| folge.get(start + i).is_some_and(|(d, _)| d == c));
            if passt {
                funde.push(
                    folge[start..start + gesucht.len()]
                        .iter()
                        .map(|(_, y)| *y)
                        .collect(),
                );
            }
        }
    }
    funde
}

#[test]
fn deutsche_typografie_haelt_zusammen_was_zusammengehoert() {
    let (bytes, seiten) = pdf();
    let zeichen = pdf_zeichen(bytes);
    // Each phrase stands on one line wherever it occurs (a line break would
    // put its characters at two heights).
    for teil in ["(z. T. < 1.000 €)", "RPA + LLM", "etwa 49 %"] {
        let funde = zeilenhoehen(&zeichen, teil);
        assert!(!funde.is_empty(), "„{teil}“ nicht gefunden");
        for hoehen in funde {
            assert!(
                hoehen.iter().all(|y| (y - hoehen[0]).abs() < 0.5),
                "„{teil}“ auf zwei Zeilen: {hoehen:?}"
            );
        }
    }
    let impressum = &seiten[seite_mit("Impressum") - 1];
    assert!(
        impressum.contains("Niedersächsischer Landkreistag"),
        "{impressum}"
    );
    assert!(impressum.contains("Version 1.2"), "{impressum}");
}

#[test]
fn die_regeln_finden_die_fehler_der_version_1_1() {
    // Version 1.1 (layout 2025-barrierefrei) has a page with a single row
    // of 5.1.4 ("Wünsche an Land, Bund?") and splits "(z. T. <" / "1.000 €)"
    // across lines (p. 4): both rules see it.
    let bytes = pdf_bytes(&crate::common::projekt());
    let hoehen = zeilenhoehen(&pdf_zeichen(&bytes), "(z. T. < 1.000 €)");
    assert!(
        hoehen
            .iter()
            .any(|h| h.iter().any(|y| (y - h[0]).abs() > 0.5)),
        "{hoehen:?}"
    );
    let seiten = pdf_seiten(&bytes);
    // P. 11 is three-quarters empty: 4.1 and Tabelle 1 moved to p. 12.
    let (leer, _) = zu_leere_seiten(&bytes, &seiten);
    assert!(leer.iter().any(|(s, _)| *s == 11), "{leer:?}");
    // Lüneburg (0; 2) and Wittmund (0; 0) have no name in Abbildung 3.
    let ohne = ohne_namen_im_streudiagramm(&bytes, &seiten);
    assert!(ohne.contains(&"Wittmund".to_owned()), "{ohne:?}");
    let einzeln = seiten
        .iter()
        .flat_map(|s| zeilen_je_steckbrief(s))
        .filter(|n| *n < 3)
        .count();
    assert!(einzeln > 0, "{einzeln}");
}

#[test]
fn das_impressum_steht_aus_den_daten_und_check_nennt_was_fehlt() {
    let k = als_version_1_2();
    let vorher = stdout(&cli(k.pfad(), &["check", "--edition", "2025"]));
    assert!(vorher.contains("Impressum: edition.yaml"), "{vorher}");
    assert!(
        vorher.contains("die Anschrift des Herausgebers"),
        "{vorher}"
    );
    k.ersetzen(
        "data/2025/edition.yaml",
        "herausgeber_kurz: NLT\n",
        "herausgeber_kurz: NLT\nimpressum:\n  anschrift: [\"Musterweg 1 #[*fett*] $x$\", \"30000 Hannover\"]\n  \
         email: kontakt@example.org\n  isbn: 978-3-00-000000-0\nlizenz:\n  name: Datenlizenz Deutschland – Namensnennung – Version 2.0\n  \
         url: https://www.govdata.de/dl-de/by-2-0\n",
    );
    let nachher = stdout(&cli(k.pfad(), &["check", "--edition", "2025"]));
    assert!(!nachher.contains("Impressum: edition.yaml"), "{nachher}");
    let seiten = pdf_seiten(&pdf_bytes(k.pfad()));
    let impressum = seiten.iter().find(|s| s.contains("Impressum")).unwrap();
    for teil in [
        "Musterweg 1 #[*fett*] $x$",
        "30000 Hannover",
        "kontakt@example.org",
        "978-3-00-000000-0",
        "Datenlizenz Deutschland",
    ] {
        assert!(impressum.contains(teil), "„{teil}“ fehlt: {impressum}");
    }
}

/// How full the body of a page is: from its top margin down to the lowest
/// line of text, as a share of the body's height (A4, margins 2.6 and 2.4 cm).
fn fuellung(zeichen: &[(String, f64, f64)]) -> f64 {
    let zentimeter = 72.0 / 2.54;
    let (oben, unten) = (842.0 - 2.6 * zentimeter, 2.4 * zentimeter);
    let tiefste = zeichen
        .iter()
        .map(|(_, _, y)| *y)
        .filter(|y| (unten..=oben).contains(y))
        .fold(oben, f64::min);
    (oben - tiefste) / (oben - unten)
}

/// The pages (1-based, after the Impressum, before the last) less than two
/// fifths full that do not stand before a chapter, with their fill.
fn zu_leere_seiten(bytes: &[u8], seiten: &[String]) -> (Vec<(usize, f64)>, usize) {
    let zeichen = pdf_zeichen(bytes);
    let kopf = "KI- und RPA-Projekte der niedersächsischen Landkreise NLT · Ausgabe 2025 ";
    // A chapter starts a page with its number alone ("4 Ergebnisse …").
    let kapitelanfang = |s: &str| {
        let rest = s.strip_prefix(kopf).unwrap_or(s);
        let (nr, titel) = rest.split_once(' ').unwrap_or(("", ""));
        !nr.is_empty()
            && nr.chars().all(|c| c.is_ascii_digit())
            && titel.starts_with(char::is_uppercase)
    };
    let mut vor_kapitel = 0;
    let mut leer = Vec::new();
    for i in 2..seiten.len() - 1 {
        let f = fuellung(&zeichen[i]);
        if f < 0.4 {
            if kapitelanfang(&seiten[i + 1]) {
                vor_kapitel += 1;
            } else {
                leer.push((i + 1, f));
            }
        }
    }
    (leer, vor_kapitel)
}

#[test]
fn keine_seite_ist_weniger_als_zu_zwei_fuenfteln_gefuellt_ausser_vor_einem_kapitel() {
    let (bytes, seiten) = pdf();
    let (leer, vor_kapitel) = zu_leere_seiten(bytes, seiten);
    assert!(leer.is_empty(), "zu leere Seiten (Seite, Anteil): {leer:?}");
    // Chapters that end early are allowed, and there are some: the measure sees them.
    assert!(vor_kapitel > 0);
}

/// The Landkreise of Tabelle 1 without a name in the scatter chart, which
/// stands between the captions of Abbildung 2 and 3.
fn ohne_namen_im_streudiagramm(bytes: &[u8], seiten: &[String]) -> Vec<String> {
    let zeichen = pdf_zeichen(bytes);
    let nr = seiten
        .iter()
        .position(|s| s.contains("Abbildung 3:"))
        .unwrap();
    let seite = &zeichen[nr];
    let hoehe = |teil: &str| zeilenhoehen(std::slice::from_ref(seite), teil)[0][0];
    let (oben, unten) = (hoehe("Abbildung 2:"), hoehe("Abbildung 3:"));
    let text: String = seite
        .iter()
        .filter(|(_, _, y)| *y < oben && *y > unten)
        .map(|(z, _, _)| z.as_str())
        .collect();
    let tabelle =
        std::fs::read_to_string(crate::common::projekt().join("data/2025/landkreise.yaml"))
            .unwrap();
    let namen: Vec<String> = tabelle
        .lines()
        .filter_map(|z| z.trim().strip_prefix("- name: "))
        .map(|n| n.chars().filter(|c| !c.is_whitespace()).collect())
        .collect();
    assert_eq!(namen.len(), 19);
    namen
        .into_iter()
        .filter(|n| !text.contains(n.as_str()))
        .collect()
}

#[test]
fn im_streudiagramm_traegt_jeder_punkt_seinen_namen() {
    let (bytes, seiten) = pdf();
    let ohne = ohne_namen_im_streudiagramm(bytes, seiten);
    assert!(ohne.is_empty(), "ohne Namen: {ohne:?}");
}

/// How far apart the first lines of the fact-sheet pages stand (in PDF
/// points): the spread of the highest baseline below the top margin.
fn streuung_der_seitenanfaenge(bytes: &[u8], seiten: &[String]) -> f64 {
    let zeichen = pdf_zeichen(bytes);
    let letzte = |merkmal: &str| seiten.iter().rposition(|s| s.contains(merkmal)).unwrap();
    let (von, bis) = (
        letzte("5.1 Landkreis Celle"),
        letzte("6 Organisationsstrukturen"),
    );
    let oben = 842.0 - 2.6 * 72.0 / 2.54;
    let anfaenge: Vec<f64> = zeichen[von + 1..bis]
        .iter()
        .map(|z| {
            z.iter()
                .map(|(_, _, y)| *y)
                .filter(|y| *y < oben)
                .fold(0.0, f64::max)
        })
        .collect();
    let hoechster = anfaenge.iter().copied().fold(0.0, f64::max);
    let tiefster = anfaenge.iter().copied().fold(f64::MAX, f64::min);
    hoechster - tiefster
}

#[test]
fn jede_seite_der_steckbriefe_beginnt_auf_gleicher_hoehe() {
    let (bytes, seiten) = pdf();
    // A heading, a continued sheet's title and a row start a page alike
    // (their baselines differ by their type size, under 6 pt).
    let streuung = streuung_der_seitenanfaenge(bytes, seiten);
    assert!(streuung < 6.0, "{streuung:.1} pt");
    // In 1.1 a sheet's heading at a page's top kept its space above
    // (14 pt, 5 mm, lower than a page that starts with a row).
    let alt = pdf_bytes(&crate::common::projekt());
    let streuung_1_1 = streuung_der_seitenanfaenge(&alt, &pdf_seiten(&alt));
    assert!(streuung_1_1 > 10.0, "{streuung_1_1:.1} pt");
}
