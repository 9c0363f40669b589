//! Every data file type of an edition read from arbitrary text: YAML with
//! limits and spanned tree (once), then schema check and serde for each
//! type; every diagnostic rendered with the text (bad byte ranges would
//! panic in the renderer).
#![no_main]

use std::collections::BTreeMap;
use std::path::Path;

use kataster_report::diagnostics::Diagnose;
use kataster_report::load::{Datei, lade_baum, parse_yaml};
use kataster_report::model::{
    Abweichungen, EditionMeta, Glossar, Landkreise, Quellen, SteckbriefDatei, Vokabular,
};
use libfuzzer_sys::fuzz_target;

/// The typed stage (`lade_baum`: schema, serde) for one data type on a copy
/// of the parsed file; its diagnostics rendered. (A macro, so that the fuzz
/// crate needs no serde/schemars of its own for the bounds.)
macro_rules! lade {
    ($t:ty, $datei:expr, $text:expr) => {{
        let mut dateien = BTreeMap::new();
        if let Err(diagnosen) = lade_baum::<$t>($datei.clone(), &mut dateien) {
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
    // The YAML stage once (it is the same for every type), the typed stage
    // for each type: what `lade_text` does, at a seventh of the parsing.
    let pfad = Path::new("data/x/datei.yaml");
    let datei = match parse_yaml(pfad, text) {
        Ok(baum) => Datei {
            pfad: pfad.to_path_buf(),
            baum,
        },
        Err(d) => {
            darstellen(&d, text);
            return;
        }
    };
    lade!(SteckbriefDatei, datei, text);
    lade!(Landkreise, datei, text);
    lade!(EditionMeta, datei, text);
    lade!(Vokabular, datei, text);
    lade!(Quellen, datei, text);
    lade!(Glossar, datei, text);
    lade!(Abweichungen, datei, text);
});
