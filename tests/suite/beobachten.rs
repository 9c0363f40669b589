//! `watch`: builds a preview, rebuilds it after an edit of a chapter and of a
//! data file, and keeps the last good preview when an edit breaks the
//! build. Driven through the real command on the small test edition; the
//! test waits for the command's messages, it never measures time.

use crate::common;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use common::Kopie;

/// The running command and its messages, line by line.
struct Wache {
    kind: Child,
    zeilen: Receiver<String>,
    bisher: Vec<String>,
}

impl Wache {
    fn starten(projekt: &Path, zielordner: &Path) -> Wache {
        Wache::starten_mit(projekt, zielordner, &[])
    }

    fn starten_mit(projekt: &Path, zielordner: &Path, umgebung: &[(&str, &str)]) -> Wache {
        let mut kind = Command::new(env!("CARGO_BIN_EXE_kataster-report"))
            .arg("--projekt")
            .arg(projekt)
            .args(["watch", "--edition", "klein", "--out"])
            .arg(zielordner)
            .env("NO_COLOR", "1")
            .envs(umgebung.iter().copied())
            .stderr(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .expect("kataster-report startet");
        let stderr = kind.stderr.take().expect("stderr");
        let (tx, zeilen) = channel();
        std::thread::spawn(move || {
            for zeile in BufReader::new(stderr).lines().map_while(Result::ok) {
                if tx.send(zeile).is_err() {
                    break;
                }
            }
        });
        Wache {
            kind,
            zeilen,
            bisher: Vec::new(),
        }
    }

    /// Waits for a message that contains `teil` (a generous limit only
    /// guards against a hanging test) and returns everything said since the
    /// last wait.
    fn warten(&mut self, teil: &str) -> String {
        let mut neu = Vec::new();
        loop {
            match self.zeilen.recv_timeout(Duration::from_secs(300)) {
                Ok(z) => {
                    let gefunden = z.contains(teil);
                    neu.push(z);
                    if gefunden {
                        self.bisher.extend(neu.iter().cloned());
                        return neu.join("\n");
                    }
                }
                Err(_) => panic!(
                    "„{teil}“ kam nicht; bisher:\n{}\n{}",
                    self.bisher.join("\n"),
                    neu.join("\n")
                ),
            }
        }
    }
}

impl Drop for Wache {
    fn drop(&mut self) {
        let _ = self.kind.kill();
        let _ = self.kind.wait();
    }
}

fn vorschau(zielordner: &Path) -> PathBuf {
    zielordner.join("ki-kataster-klein-v0.1-vorschau.pdf")
}

#[test]
fn watch_baut_nach_jeder_aenderung_neu_und_behaelt_die_letzte_gute_vorschau() {
    let k = Kopie::klein();
    let zielordner = tempfile::tempdir().unwrap();
    let mut w = Wache::starten(k.pfad(), zielordner.path());
    w.warten("Vorschau aktualisiert");
    w.warten("Beobachte");
    let pdf = vorschau(zielordner.path());
    assert!(common::pdf_text(&std::fs::read(&pdf).unwrap()).contains("Absatz zum Bearbeiten"));

    // A chapter: the new paragraph is in the rebuilt preview.
    let kapitel = "report/kapitel/klein/01-ergebnisse.typ.hbs";
    k.ersetzen(
        kapitel,
        "Absatz zum Bearbeiten.",
        "Wachhund bellt im Kapitel.",
    );
    let m = w.warten("Vorschau aktualisiert");
    assert!(m.contains(&format!("Geändert: {kapitel}")), "{m}");
    let text = common::pdf_text(&std::fs::read(&pdf).unwrap());
    assert!(text.contains("Wachhund bellt im Kapitel."), "{text}");

    // A data file: the new value is in the fact sheet.
    let daten = "data/klein/steckbriefe/peine.yaml";
    k.ersetzen(
        daten,
        "projektname: Rechnungseingang",
        "projektname: Wachhund-Rechnungen",
    );
    w.warten("Vorschau aktualisiert");
    let gut = std::fs::read(&pdf).unwrap();
    assert!(common::pdf_text(&gut).contains("Wachhund-Rechnungen"));

    // A broken edit: the error in German, at the template's line; the last
    // good preview stays as it was.
    k.ersetzen(kapitel, "Wachhund bellt im Kapitel.", "#unbekannt()");
    let zeile = k.zeile(kapitel, "#unbekannt()");
    let m = w.warten("bleibt stehen");
    assert!(
        m.contains(&format!("{kapitel}:{zeile}:1")) && m.contains("unbekannte Funktion"),
        "{m}"
    );
    assert_eq!(
        std::fs::read(&pdf).unwrap(),
        gut,
        "letzte gute Vorschau verändert"
    );

    // Repaired: built again.
    k.ersetzen(kapitel, "#unbekannt()", "Wieder heil.");
    w.warten("Vorschau aktualisiert");
    assert!(common::pdf_text(&std::fs::read(&pdf).unwrap()).contains("Wieder heil."));
    // Never a file of the report's own name: a built or released PDF is
    // never replaced by a preview.
    assert!(
        !zielordner
            .path()
            .join("ki-kataster-klein-v0.1.pdf")
            .exists()
    );
}

#[test]
fn watch_bricht_einen_satz_ohne_ende_ab_und_laeuft_weiter() {
    let k = Kopie::klein();
    let ziel = k.datei("vorschau");
    let mut w = Wache::starten_mit(k.pfad(), &ziel, &[("KATASTER_REPORT_SATZZEIT", "2")]);
    w.warten("Beobachte data/");
    let kapitel = "report/kapitel/klein/01-ergebnisse.typ.hbs";
    let echt = k.lesen(kapitel);
    k.schreiben(
        kapitel,
        &format!("{echt}\n#for i in range(100000) {{ for j in range(100000) {{ }} }}\n"),
    );
    let t = w.warten("länger als 2 s gerechnet");
    assert!(t.contains(kapitel), "{t}");
    k.schreiben(kapitel, &echt);
    w.warten("Vorschau aktualisiert");
}
