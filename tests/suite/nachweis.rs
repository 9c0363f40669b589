//! The appendix "Zahlennachweis": switched on per edition, one entry per
//! checked claim, each claim in the text a link to its entry.

use crate::common;

use common::Kopie;
use lopdf::{Document, Object};

/// The internal links of a PDF: (page of the link, page of its target).
fn interne_links(bytes: &[u8]) -> Vec<(u32, u32)> {
    let doc = Document::load_mem(bytes).expect("PDF lesbar");
    let seiten: Vec<(u32, lopdf::ObjectId)> = doc.get_pages().into_iter().collect();
    let seite_von = |id: lopdf::ObjectId| seiten.iter().find(|(_, p)| *p == id).map(|x| x.0);
    let ziel = |o: &Object| -> Option<u32> {
        // [page /XYZ …] directly, or through a GoTo action.
        let arr = o.as_array().ok()?;
        seite_von(arr.first()?.as_reference().ok()?)
    };
    let mut out = Vec::new();
    for (nr, id) in &seiten {
        let Ok(seite) = doc.get_dictionary(*id) else {
            continue;
        };
        let Ok(annots) = seite.get(b"Annots") else {
            continue;
        };
        let liste = match annots {
            Object::Reference(r) => doc
                .get_object(*r)
                .and_then(Object::as_array)
                .cloned()
                .unwrap_or_default(),
            Object::Array(a) => a.clone(),
            _ => Vec::new(),
        };
        for a in liste {
            let Ok(d) = a.as_reference().and_then(|r| doc.get_dictionary(r)) else {
                continue;
            };
            if d.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Link".as_slice()) {
                continue;
            }
            let dest = d.get(b"Dest").ok().cloned().or_else(|| {
                let a = d.get(b"A").ok()?;
                let a = match a {
                    Object::Reference(r) => doc.get_dictionary(*r).ok()?,
                    Object::Dictionary(d) => d,
                    _ => return None,
                };
                a.get(b"D").ok().cloned()
            });
            let dest = match dest {
                Some(Object::Reference(r)) => doc.get_object(r).ok().cloned(),
                andere => andere,
            };
            if let Some(z) = dest.as_ref().and_then(ziel) {
                out.push((*nr, z));
            }
        }
    }
    out
}

#[test]
fn zahlennachweis_listet_jede_aussage_und_verlinkt_sie() {
    let k = Kopie::klein();
    k.ersetzen(
        "report/kapitel/klein/01-ergebnisse.typ.hbs",
        "Absatz zum Bearbeiten.",
        "RPA steht {{#aussage \"rang\" \"technologien\" \"RPA\" 1}}an erster Stelle{{/aussage}}.",
    );
    let ohne = common::pdf_bytes_von(k.pfad(), "klein");
    assert!(
        !common::pdf_text(&ohne).contains("Zahlennachweis"),
        "ohne Schalter kein Anhang"
    );

    k.ersetzen(
        "data/klein/edition.yaml",
        "layout: klein",
        "layout: klein\nzahlennachweis: true",
    );
    let bytes = common::pdf_bytes_von(k.pfad(), "klein");
    let seiten = common::pdf_seiten(&bytes);
    let letzte = seiten.len() as u32;
    let anhang = common::falten(&seiten[letzte as usize - 1]);
    assert!(anhang.contains("Zahlennachweis"), "{anhang}");
    for eintrag in [
        "„drei“",
        "Behauptet: gleich 3 · berechnet: 3",
        "stimmt mit den Daten überein",
        "„an erster Stelle“",
        "Behauptet: RPA auf Platz 1 · berechnet: Platz 1: RPA 3, ChatBot 1, LLM 1 (von 5 Steckbriefen)",
    ] {
        assert!(
            anhang.contains(eintrag),
            "„{eintrag}“ fehlt im Anhang: {anhang}"
        );
    }
    // Both claims are on the chapter's page and link to the appendix.
    let seite_kapitel = seiten
        .iter()
        .position(|s| s.contains("an erster Stelle") && !s.contains("Zahlennachweis"))
        .expect("Kapitelseite") as u32
        + 1;
    // (the extractor may put a space before the colon)
    let eintrag = anhang.replace(" :", ":");
    assert!(
        eintrag.contains(&format!("Seite {seite_kapitel}: „drei“")),
        "die Seite der Aussage fehlt: {anhang}"
    );
    let links = interne_links(&bytes);
    let zum_anhang = links
        .iter()
        .filter(|(von, nach)| *von == seite_kapitel && *nach == letzte)
        .count();
    assert_eq!(zum_anhang, 2, "Links: {links:?}");
}

#[test]
fn der_zahlennachweis_von_layout_2026_nennt_grenzwertige_und_stellen_ohne_daten() {
    let k = Kopie::klein();
    k.mit_layout_2026();
    k.ersetzen(
        "data/klein/edition.yaml",
        "layout: klein",
        "layout: \"2026\"\nzahlennachweis: true",
    );
    // 3 Landkreise, "etwa 3,4": 11,8 % off, inside the band of "etwa".
    k.ersetzen(
        "report/kapitel/klein/01-ergebnisse.typ.hbs",
        "Absatz zum Bearbeiten.",
        "Es sind {{#behauptung \"landkreise_teilnehmend\" \"etwa\" 3.4}}etwa 3,4{{/behauptung}} \
         Kreise. {{#ohne_daten \"kein Feld für Wünsche\"}}Viele wünschen sich Austausch.{{/ohne_daten}}",
    );
    let bytes = common::pdf_bytes_von(k.pfad(), "klein");
    let seiten = common::pdf_seiten(&bytes);
    let anhang = common::falten(&seiten[seiten.len() - 2..].join(" "));
    // Without white space: the extractor puts a space after each piece of
    // text the layout keeps together with a no-break space ("10 %").
    let dicht: String = anhang.split_whitespace().collect();
    for eintrag in [
        "„etwa 3,4“",
        "grenzwertig: im Grenzbereich des Wortes (Abweichung stimmt bis 10 %, grenzwertig unter 15 %)",
        "Stellen ohne Datengrundlage",
        "„Viele wünschen sich Austausch.“",
        "kein Feld für Wünsche",
    ] {
        let eintrag_dicht: String = eintrag.split_whitespace().collect();
        assert!(
            dicht.contains(&eintrag_dicht),
            "„{eintrag}“ fehlt im Anhang: {anhang}"
        );
    }
}
