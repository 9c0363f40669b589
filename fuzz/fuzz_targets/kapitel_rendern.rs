//! A chapter template from arbitrary text: parse, placeholders, placeholder
//! check, claim check, rendering for the report and for the check, and the
//! lint for typed numbers on the check rendering. Figures, meta, sources and
//! acknowledged deviations are those of the real 2025 edition.
#![no_main]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use kataster_report::diagnostics::Diagnose;
use kataster_report::figures::Kennzahlen;
use kataster_report::model::Edition;
use kataster_report::templates::{self, Modus};
use kataster_report::{claims, figures, load};
use libfuzzer_sys::fuzz_target;

struct Ausgabe {
    edition: Edition,
    kennzahlen: Kennzahlen,
}

fn ausgabe() -> &'static Ausgabe {
    static A: OnceLock<Ausgabe> = OnceLock::new();
    A.get_or_init(|| {
        let wurzel = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
        let geladen = load::lade_edition(&wurzel, "2025")
            .unwrap_or_else(|(d, _)| panic!("2025 lädt nicht: {d:?}"));
        let kennzahlen = figures::berechne(&geladen.edition).expect("2025 ist berechenbar");
        Ausgabe {
            edition: geladen.edition,
            kennzahlen,
        }
    })
}

fn darstellen(d: &Diagnose, text: &str) {
    assert!(!d.darstellen(Some(text), false).is_empty());
    assert!(!d.kurz().is_empty());
}

fuzz_target!(|daten: &[u8]| {
    // The longest valid UTF-8 prefix: a seed chapter cut at -max_len may
    // end inside a character and should still be read.
    let text = match std::str::from_utf8(daten) {
        Ok(t) => t,
        Err(e) => std::str::from_utf8(&daten[..e.valid_up_to()]).unwrap_or_default(),
    };
    let a = ausgabe();
    let k = match templates::vorlage_lesen(
        "01-x.typ.hbs",
        Path::new("report/kapitel/2025/01-x.typ.hbs"),
        text.to_owned(),
    ) {
        Ok(k) => k,
        Err(d) => {
            darstellen(&d, text);
            return;
        }
    };
    let kapitel = [k.clone()];
    let _ = templates::platzhalter(&k);
    for d in templates::pruefe_platzhalter(&kapitel, &a.kennzahlen, &a.edition.quellen) {
        darstellen(&d, text);
    }
    let bericht = claims::pruefe(&kapitel, &a.edition, &a.kennzahlen);
    for d in &bericht.fehler {
        darstellen(d, text);
    }
    let _ = bericht.befunde();
    let _ = bericht.bestanden();
    match templates::rendern(
        &kapitel,
        &a.kennzahlen,
        &a.edition.meta,
        Modus::Bericht,
        true,
    ) {
        Ok(_) => {}
        Err(ds) => ds.iter().for_each(|d| darstellen(d, text)),
    }
    match templates::rendern(
        &kapitel,
        &a.kennzahlen,
        &a.edition.meta,
        Modus::Pruefung,
        false,
    ) {
        Ok(gerendert) => {
            for (_, r) in gerendert {
                let _ = claims::pruefe_zahlen(&[(&k, r)]);
            }
        }
        Err(ds) => ds.iter().for_each(|d| darstellen(d, text)),
    }
});
