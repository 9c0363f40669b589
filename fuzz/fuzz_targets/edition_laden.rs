//! The whole-edition path: the small test edition in a temporary folder,
//! one data file replaced by the input (raw bytes, also not UTF-8), then
//! `lade_edition` and on success `figures::berechne`. Every diagnostic is
//! rendered with the text of its file.
//!
//! The first byte chooses the file and is not written: `L` replaces
//! `landkreise.yaml`, anything else `steckbriefe/celle.yaml`.
#![no_main]

use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use kataster_report::{figures, load};
use libfuzzer_sys::fuzz_target;

struct Projekt {
    wurzel: PathBuf,
    /// (path, original content) of the two files the input may replace.
    originale: [(PathBuf, Vec<u8>); 2],
    /// Index of the file changed by the last input.
    zuletzt: Mutex<Option<usize>>,
}

fn kopiere(von: &Path, nach: &Path) {
    std::fs::create_dir_all(nach).unwrap();
    for e in std::fs::read_dir(von).unwrap() {
        let e = e.unwrap();
        let ziel = nach.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            kopiere(&e.path(), &ziel);
        } else {
            std::fs::copy(e.path(), &ziel).unwrap();
        }
    }
}

fn projekt() -> &'static Projekt {
    static P: OnceLock<Projekt> = OnceLock::new();
    P.get_or_init(|| {
        let quelle = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let wurzel = std::env::temp_dir().join(format!("kataster-fuzz-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&wurzel);
        // The small test edition (5 sheets) with the 2025 schemas and the
        // fuzz edition's vocabulary (three answers per question) and figure
        // definitions (every kind): the files read on every run are parsed
        // on every run, so they are kept small.
        let ziel = wurzel.join("data/klein");
        kopiere(&quelle.join("tests/fixtures/klein/data"), &ziel);
        kopiere(&quelle.join("data/2025/schema"), &ziel.join("schema"));
        for datei in ["vokabular.yaml", "kennzahlen.yaml"] {
            std::fs::copy(quelle.join("fuzz/ausgabe").join(datei), ziel.join(datei)).unwrap();
        }
        let original = |r: &str| {
            let p = wurzel.join(r);
            let inhalt = std::fs::read(&p).unwrap();
            (p, inhalt)
        };
        let originale = [
            original("data/klein/steckbriefe/celle.yaml"),
            original("data/klein/landkreise.yaml"),
        ];
        // The unchanged copy must load, or the target tests nothing.
        let geladen = load::lade_edition(&wurzel, "klein")
            .unwrap_or_else(|(d, _)| panic!("klein lädt nicht: {d:?}"));
        figures::berechne(&geladen.edition).expect("klein ist berechenbar");
        Projekt {
            wurzel,
            originale,
            zuletzt: Mutex::new(None),
        }
    })
}

fuzz_target!(|daten: &[u8]| {
    let Some((&wahl, inhalt)) = daten.split_first() else {
        return;
    };
    let p = projekt();
    let i = usize::from(wahl == b'L');
    let mut zuletzt = p.zuletzt.lock().unwrap();
    if let Some(j) = *zuletzt
        && j != i
    {
        std::fs::write(&p.originale[j].0, &p.originale[j].1).unwrap();
    }
    std::fs::write(&p.originale[i].0, inhalt).unwrap();
    *zuletzt = Some(i);

    let mut texte = load::Quelltexte::default();
    match load::lade_edition_in(&p.wurzel, "klein", &mut texte) {
        Ok(geladen) => match figures::berechne(&geladen.edition) {
            Ok(kz) => {
                for k in &kz.liste {
                    let _ = k.text();
                    let _ = k.text_genau();
                }
            }
            Err(fehler) => {
                for f in &fehler {
                    let d = f.diagnose("klein");
                    let _ = d.darstellen(texte.text(&d.datei).as_deref(), false);
                    let _ = d.kurz();
                }
            }
        },
        Err(diagnosen) => {
            for d in &diagnosen {
                let _ = d.darstellen(texte.text(&d.datei).as_deref(), false);
                let _ = d.kurz();
            }
        }
    }
});
