//! A fact-sheet value longer than a page appears completely in the PDF: its
//! row breaks across pages, the table header repeats and the label of the
//! row stands again, marked "(Fortsetzung)", at the top of each further page.

use crate::common;

use common::{Kopie, pdf_bytes_von, pdf_seiten};

const WOERTER: usize = 2000;

/// The words "Wort0001" … "Wort2000" in the order they occur in `text`.
fn woerter(text: &str) -> Vec<&str> {
    text.split(' ')
        .filter(|w| {
            w.len() == 8 && w.starts_with("Wort") && w[4..].bytes().all(|b| b.is_ascii_digit())
        })
        .collect()
}

#[test]
fn steckbrief_mit_2000_woertern_steht_vollstaendig_im_pdf() {
    let k = Kopie::klein();
    let text: Vec<String> = (1..=WOERTER).map(|i| format!("Wort{i:04}")).collect();
    k.ersetzen(
        "data/klein/steckbriefe/peine.yaml",
        "  projektstatus: Abgeschlossen\n",
        &format!(
            "  projektstatus: Abgeschlossen\n  entlastung: {}\n  wuensche: Regelmäßigen Austausch\n",
            text.join(" ")
        ),
    );
    // One build; pdf_bytes_von panics with the diagnostics if it fails.
    let bytes = pdf_bytes_von(k.pfad(), "klein");
    assert!(bytes.starts_with(b"%PDF-"), "kein PDF");
    // Only text on the pages counts: an unbreakable row runs past the bottom
    // edge, and the extractor would still find the words printed there.
    let seiten = pdf_seiten(&bytes);

    // Every word, each once, in order.
    let ganz = seiten.join(" ");
    let gefunden = woerter(&ganz);
    if let Some(i) = (0..WOERTER).find(|&i| gefunden.get(i) != Some(&text[i].as_str())) {
        panic!(
            "{} von {WOERTER} Wörtern auf den Seiten; an Stelle {} erwartet {}, gefunden {:?}",
            gefunden.len(),
            i + 1,
            text[i],
            gefunden.get(i)
        );
    }
    assert_eq!(gefunden.len(), WOERTER, "Wörter doppelt im PDF");
    // The next row follows the long one.
    let ende = ganz.find("Wort2000").unwrap();
    assert!(
        ganz[ende..].contains("Wünsche an Land, Bund? Regelmäßigen Austausch"),
        "die Zeile nach dem langen Wert fehlt"
    );

    // The value spans consecutive pages. The first shows the label before the
    // first word; each further page shows the repeated table header and the
    // label marked "(Fortsetzung)" before its first word.
    let mit_text: Vec<(usize, &String)> = seiten
        .iter()
        .enumerate()
        .filter(|(_, s)| !woerter(s).is_empty())
        .collect();
    assert!(
        mit_text.len() >= 3,
        "der Wert müsste über mindestens drei Seiten gehen"
    );
    for paar in mit_text.windows(2) {
        assert_eq!(
            paar[1].0,
            paar[0].0 + 1,
            "Seiten des Werts folgen nicht aufeinander"
        );
    }
    let (nr, erste) = mit_text[0];
    let vor = &erste[..erste.find("Wort0001").unwrap()];
    assert!(
        vor.ends_with("Entlastung / Vereinfachung ") && !erste.contains("(Fortsetzung)"),
        "Seite {}: die Zeile beginnt nicht mit ihrer Bezeichnung: {vor:?}",
        nr + 1
    );
    for &(nr, seite) in &mit_text[1..] {
        let erstes = woerter(seite)[0];
        let vor = &seite[..seite.find(erstes).unwrap()];
        assert!(
            vor.ends_with("Feld Angabe Entlastung / Vereinfachung (Fortsetzung) "),
            "Seite {}: wiederholter Tabellenkopf und Bezeichnung mit „(Fortsetzung)“ \
             fehlen vor {erstes}: {vor:?}",
            nr + 1
        );
    }
}

/// A project name of 500 words and a word of 300 characters in the name and
/// in a value: with layout 2026 every character stands on the pages (the
/// long word breaks at the line's end instead of running past the edge).
#[test]
fn ein_wort_von_300_zeichen_bricht_um_statt_abgeschnitten_zu_werden() {
    let k = Kopie::klein();
    k.mit_layout_2026();
    k.ersetzen(
        "data/klein/edition.yaml",
        "layout: klein",
        "layout: \"2026\"",
    );
    let name: Vec<String> = (1..=500).map(|i| format!("Name{i:03}")).collect();
    let wort = "X".repeat(300);
    k.ersetzen(
        "data/klein/steckbriefe/peine.yaml",
        "projektname: Rechnungseingang",
        &format!("projektname: Rechnungseingang {wort} {}", name.join(" ")),
    );
    k.ersetzen(
        "data/klein/steckbriefe/peine.yaml",
        "  projektstatus: Abgeschlossen\n",
        &format!("  projektstatus: Abgeschlossen\n  entlastung: Anfang {wort} Schluss\n"),
    );
    let seiten = pdf_seiten(&pdf_bytes_von(k.pfad(), "klein"));
    let ganz = seiten.join(" ").replace('\u{200b}', "");
    // The name twice (heading and table), the value once: every X on a page.
    assert_eq!(ganz.matches('X').count(), 3 * 300, "abgeschnitten");
    for n in [&name[0], &name[249], &name[499]] {
        assert_eq!(ganz.matches(n.as_str()).count(), 2, "{n}");
    }
    // Broken over lines, the word reads whole once the line breaks go.
    let ohne_umbruch: String = ganz.split_whitespace().collect();
    let stelle = ohne_umbruch.find("Anfang").unwrap_or(0);
    assert!(
        ohne_umbruch[stelle..].starts_with(&format!("Anfang{wort}Schluss")),
        "der Wert ist nicht ganz: {}",
        &ohne_umbruch[stelle..(stelle + 400).min(ohne_umbruch.len())]
    );
}
