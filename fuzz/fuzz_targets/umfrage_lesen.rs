//! LimeSurvey input, which comes from outside the project: any text as a
//! survey structure (`.lss`), as responses (CSV and `.lsr`), and the import
//! of those responses to the questionnaire. Nothing may panic; every
//! problem is a message.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use kataster_report::model::Vokabular;
use kataster_report::umfrage::{antworten::Antworten, fragebogen, import, lss, zuordnung};
use libfuzzer_sys::fuzz_target;

/// The vocabulary of the 2025 edition, read once.
fn vokabular() -> &'static Vokabular {
    static V: OnceLock<Vokabular> = OnceLock::new();
    V.get_or_init(|| {
        let wurzel = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        kataster_report::load::lade_datei(
            &wurzel,
            Path::new("data/2025/vokabular.yaml"),
            &mut Default::default(),
            &mut Default::default(),
        )
        .expect("Vokabular 2025")
    })
}

/// The questionnaire with the 2025 vocabulary, as a survey.
fn fragebogen_2025() -> &'static lss::Umfrage {
    static U: OnceLock<lss::Umfrage> = OnceLock::new();
    U.get_or_init(|| {
        let wahl = fragebogen::Wahl {
            vokabular: vokabular(),
            landkreise: vec!["Celle".into(), "Hannover".into()],
        };
        lss::lesen(&fragebogen::lss("Fuzz", &wahl)).expect("der eigene Fragebogen liest sich")
    })
}

fuzz_target!(|daten: &[u8]| {
    let Ok(text) = std::str::from_utf8(daten) else {
        return;
    };
    let vokabular = vokabular();
    // The input as a structure, else the questionnaire (read once).
    let eigene;
    let u = match lss::lesen(text) {
        Ok(u) => {
            eigene = u;
            &eigene
        }
        Err(_) => fragebogen_2025(),
    };
    let _ = zuordnung::vorschlagen(u, vokabular);
    for a in [Antworten::lesen(text), Antworten::aus_lsr(text, u)] {
        if let Ok(a) = a {
            let z = zuordnung::Zuordnung::standard();
            let _ =
                import::importieren(u, (&a, Path::new("antworten.csv")), (&z, vokabular), &|n| {
                    n == "Hannover"
                });
        }
    }
});
