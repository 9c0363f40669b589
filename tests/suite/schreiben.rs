//! One confined writer: every command writes through the same checked
//! folder and one write function. Nothing is written through a symbolic
//! link, a FIFO at a target is never read, a file is replaced only when
//! asked, and a multi-file write (`survey import`, `site`) killed at any
//! step leaves the old state or the new one, never a mixture.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::{self, Kopie, cli, stderr};
use crate::umfrage::{Variante, importieren, mit_antworten};

/// Every file below `ordner` with its bytes (relative paths).
fn baum(ordner: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn sammeln(basis: &Path, p: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
        for e in std::fs::read_dir(p).unwrap().flatten() {
            let q = e.path();
            if e.file_type().unwrap().is_dir() {
                sammeln(basis, &q, out);
            } else {
                let r = q.strip_prefix(basis).unwrap().to_path_buf();
                out.insert(r, std::fs::read(&q).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    if ordner.exists() {
        sammeln(ordner, ordner, &mut out);
    }
    out
}

/// Puts the folder back to `stand` exactly.
fn herstellen(ordner: &Path, stand: &BTreeMap<PathBuf, Vec<u8>>) {
    let _ = std::fs::remove_dir_all(ordner);
    for (p, bytes) in stand {
        let z = ordner.join(p);
        std::fs::create_dir_all(z.parent().unwrap()).unwrap();
        std::fs::write(z, bytes).unwrap();
    }
}

/// The entries of `data/` that are not editions (leftovers of a writer).
fn reste(k: &Kopie) -> Vec<String> {
    std::fs::read_dir(k.datei("data"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect()
}

/// Runs the CLI with the writer's test hook: abort at step `n`.
fn mit_abbruch(k: &Kopie, n: usize, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_kataster-report"))
        .arg("--projekt")
        .arg(k.pfad())
        .args(args)
        .env("NO_COLOR", "1")
        .env("KATASTER_REPORT_ABBRUCH_NACH", n.to_string())
        .output()
        .unwrap()
}

#[test]
fn import_nach_abbruch_an_jeder_stelle_alt_oder_neu() {
    let k = mit_antworten(Variante::SCHLICHT);
    assert!(importieren(&k, &[]).status.success());
    let celle = "data/2026/steckbriefe/celle.yaml";
    k.ersetzen(celle, "Chat- & Voicebot", "Chatbot (bearbeitet)");
    // A file the import will remove: it has no responses.
    k.schreiben(
        "data/2026/steckbriefe/zusatz.yaml",
        "landkreis: Celle\nsteckbriefe: []\n",
    );
    let ausgabe = k.datei("data/2026");
    let alt = baum(&ausgabe);
    let args = [
        "survey",
        "import",
        "--lss",
        "umfrage/fragebogen.lss",
        "--responses",
        "umfrage/antworten.csv",
        "--edition",
        "2026",
        "--force",
    ];
    let mut abgebrochen = Vec::new();
    let neu = loop {
        let n = abgebrochen.len() + 1;
        assert!(n < 200, "der Import endet nie");
        let o = mit_abbruch(&k, n, &args);
        let stand = baum(&ausgabe);
        if o.status.success() {
            break stand;
        }
        assert_ne!(o.status.code(), Some(1), "Schritt {n}: {}", stderr(&o));
        abgebrochen.push(stand);
        herstellen(&ausgabe, &alt);
    };
    assert_ne!(neu, alt);
    assert!(!neu.contains_key(Path::new("steckbriefe/zusatz.yaml")));
    // Copy, the changed files (temporary file, rename), the removal, the
    // switch and the clean-up: each a place to be killed at.
    assert!(abgebrochen.len() >= 6, "{} Schritte", abgebrochen.len());
    for (i, stand) in abgebrochen.iter().enumerate() {
        assert!(
            *stand == alt || *stand == neu,
            "Abbruch nach Schritt {}: weder alt noch neu",
            i + 1
        );
    }
    assert!(abgebrochen.contains(&neu), "Abbruch nach dem Umstellen");
    // The run that finished removed what the killed runs left behind.
    assert_eq!(reste(&k), Vec::<String>::new());
}

#[cfg(unix)]
#[test]
fn import_schreibt_nie_durch_einen_link() {
    let k = mit_antworten(Variante::SCHLICHT);
    assert!(importieren(&k, &[]).status.success());
    let draussen = tempfile::tempdir().unwrap();
    let fremd = draussen.path().join("fremd.yaml");
    std::fs::write(&fremd, "fremder Inhalt\n").unwrap();
    let celle = k.datei("data/2026/steckbriefe/celle.yaml");
    std::fs::remove_file(&celle).unwrap();
    std::os::unix::fs::symlink(&fremd, &celle).unwrap();
    let o = importieren(&k, &["--force"]);
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{e}");
    assert!(e.contains("symbolischer Link"), "{e}");
    assert!(e.contains("celle.yaml"), "{e}");
    assert!(!e.contains("fremder Inhalt"), "{e}");
    assert_eq!(std::fs::read_to_string(&fremd).unwrap(), "fremder Inhalt\n");
    assert!(
        std::fs::symlink_metadata(&celle)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(reste(&k), Vec::<String>::new());
}

#[test]
fn site_ersetzt_keinen_fremden_ordner_und_nie_halb() {
    let k = Kopie::klein();
    let site = ["site", "--edition", "klein", "--out", "ziel"];
    k.schreiben("ziel/index.html", "<p>eine andere Website</p>");
    let o = cli(k.pfad(), &site);
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{e}");
    assert!(e.contains("nicht von kataster-report angelegt"), "{e}");
    assert!(e.contains("--force"), "{e}");
    assert_eq!(k.lesen("ziel/index.html"), "<p>eine andere Website</p>");
    let o = cli(k.pfad(), &[&site[..], &["--force"]].concat());
    assert!(o.status.success(), "{}", stderr(&o));
    let erste = baum(&k.datei("ziel"));
    assert!(erste.contains_key(Path::new("index.html")));
    assert!(erste.contains_key(Path::new("projekte.html")));
    // A second run replaces its own site without --force; a run killed
    // half-way leaves the first site as it was.
    let o = mit_abbruch(&k, 60, &site);
    assert_ne!(o.status.code(), Some(0));
    assert_eq!(baum(&k.datei("ziel")), erste);
    let o = cli(k.pfad(), &site);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(baum(&k.datei("ziel")), erste);
    let neben: Vec<_> = std::fs::read_dir(k.pfad())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".ziel"))
        .collect();
    assert_eq!(neben, Vec::<String>::new(), "Reste des abgebrochenen Laufs");
}

#[test]
fn fragebogen_ersetzt_keine_datei_ohne_force() {
    let k = Kopie::klein();
    k.schreiben("umfrage/antworten.csv", "id,LK\n1,K01\n");
    let args = [
        "survey",
        "questionnaire",
        "--edition",
        "klein",
        "--out",
        "umfrage/antworten.csv",
    ];
    let o = cli(k.pfad(), &args);
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{e}");
    assert!(e.contains("gibt es schon mit anderem Inhalt"), "{e}");
    assert_eq!(k.lesen("umfrage/antworten.csv"), "id,LK\n1,K01\n");
    let o = cli(k.pfad(), &[&args[..], &["--force"]].concat());
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(k.lesen("umfrage/antworten.csv").starts_with("<?xml"));
}

#[cfg(unix)]
#[test]
fn fifo_am_ziel_des_pdfs_wird_nicht_gelesen() {
    let k = Kopie::klein();
    let o = cli(k.pfad(), &["build", "--edition", "klein", "--out", "ziel"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let pdf = k.datei(&format!(
        "ziel/{}",
        common::stdout(&o).trim().rsplit('/').next().unwrap()
    ));
    std::fs::remove_file(&pdf).unwrap();
    assert!(Command::new("mkfifo").arg(&pdf).status().unwrap().success());
    let o = cli(
        k.pfad(),
        &["build", "--edition", "klein", "--out", "ziel", "--force"],
    );
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{e}");
    assert!(e.contains("keine gewöhnliche Datei"), "{e}");
}
