//! Every data file type of an edition read from arbitrary text: YAML with
//! limits, spanned tree, schema check, serde; every diagnostic rendered with
//! the text (bad byte ranges would panic in the renderer).
#![no_main]

use std::collections::BTreeMap;
use std::path::Path;

use kataster_report::diagnostics::Diagnose;
use kataster_report::load::lade_text;
use kataster_report::model::{
    Abweichungen, EditionMeta, Glossar, Landkreise, Quellen, SteckbriefDatei, Vokabular,
};
use libfuzzer_sys::fuzz_target;

/// `lade_text` for one data type; its diagnostics rendered. (A macro, so
/// that the fuzz crate needs no serde/schemars of its own for the bounds.)
macro_rules! lade {
    ($t:ty, $text:expr) => {{
        let pfad = Path::new("data/x/datei.yaml");
        let mut dateien = BTreeMap::new();
        if let Err(diagnosen) = lade_text::<$t>(pfad, $text, &mut dateien) {
            for d in &diagnosen {
                darstellen(d, $text);
            }
        }
    }};
}

fn darstellen(d: &Diagnose, text: &str) {
    let lang = d.darstellen(Some(text), false);
    assert!(!lang.is_empty());
    let _ = d.darstellen(None, false);
    assert!(!d.kurz().is_empty());
}

fuzz_target!(|daten: &[u8]| {
    let Ok(text) = std::str::from_utf8(daten) else {
        return;
    };
    lade!(SteckbriefDatei, text);
    lade!(Landkreise, text);
    lade!(EditionMeta, text);
    lade!(Vokabular, text);
    lade!(Quellen, text);
    lade!(Glossar, text);
    lade!(Abweichungen, text);
});
