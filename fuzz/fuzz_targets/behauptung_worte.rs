//! The words of a claim: the numbers they state (`angaben`), the check of
//! words against every comparison and every unit (`worte::pruefe`), German
//! number words (`zahlwort`) and the number typography of `format`.
#![no_main]

use kataster_report::claims::{self, Vergleich, worte};
use kataster_report::figures::format;
use kataster_report::figures::{Einheit, Kennzahl};
use libfuzzer_sys::fuzz_target;

const EINHEITEN: [Einheit; 5] = [
    Einheit::Anzahl,
    Einheit::Anteil,
    Einheit::Dezimal,
    Einheit::Koeffizient,
    Einheit::Spanne,
];

fn kennzahl(einheit: Einheit, wert: f64) -> Kennzahl {
    Kennzahl {
        name: "x".into(),
        titel: String::new(),
        definition: String::new(),
        einheit,
        wert,
        bis: (einheit == Einheit::Spanne).then_some(wert + 0.3),
        zaehler: None,
        nenner: None,
    }
}

fuzz_target!(|daten: &[u8]| {
    let Ok(text) = std::str::from_utf8(daten) else {
        return;
    };
    let angaben = worte::angaben(text);
    for a in &angaben {
        let _ = format::dezimal(a.wert, 1);
        let _ = format::prozent(a.wert, 1);
        let _ = format::wort(a.wert);
    }
    // Values from the input's length, and the values the words themselves
    // state (so that the "words fit" path is reached too).
    let feste: [&[f64]; 6] = [&[0.4], &[0.2, 0.5], &[40.0], &[0.3333], &[0.0], &[0.5]];
    let aus_worten: Vec<f64> = angaben.iter().map(|a| a.wert).collect();
    let laenge = [text.len() as f64 / 100.0];
    let werte_listen: [&[f64]; 3] = [feste[text.len() % feste.len()], &aus_worten, &laenge];
    let wert = aus_worten.first().copied().unwrap_or(0.45);
    // Every unit with every comparison; the value lists take turns, so that
    // each input costs 45 checks, not 135.
    let mut n = text.len();
    for einheit in EINHEITEN {
        let kz = kennzahl(einheit, wert);
        let _ = kz.text();
        let _ = kz.text_genau();
        for (_, vergleich) in Vergleich::ALLE {
            let werte = werte_listen[n % werte_listen.len()];
            n += 1;
            let _ = worte::pruefe(text, &kz, *vergleich, werte);
            let _ = claims::gilt(&kz, *vergleich, werte);
            let _ = vergleich.beschreibung(werte, einheit);
        }
    }
    for w in text.split_whitespace() {
        if let Some(n) = format::zahlwort(w) {
            assert!(n <= 999_999, "{w} → {n}");
        }
    }
});
