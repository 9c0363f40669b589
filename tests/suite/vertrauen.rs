//! Every promise enforced: nothing outside the project is read or shown,
//! nothing of the project is overwritten, no wrong number and no lost text in
//! a PDF, claims whose words state their value, `build` refusing what `check`
//! refuses, and a calm command line. One table-driven test per class.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use common::{Kopie, cli, pdf_text, stderr, stdout};

/// What a failing run must show: exit code 1, these parts in its output and
/// never the secret of an outside file.
fn scheitert(k: &Kopie, args: &[&str], teile: &[&str]) -> String {
    let o = cli(k.pfad(), args);
    let text = format!("{}{}", stdout(&o), stderr(&o));
    assert_eq!(
        o.status.code(),
        Some(1),
        "{args:?} sollte scheitern:\n{text}"
    );
    for t in teile {
        assert!(text.contains(t), "{args:?}: „{t}“ fehlt in:\n{text}");
    }
    assert!(
        !text.contains("GEHEIM"),
        "{args:?} zeigt fremden Inhalt:\n{text}"
    );
    assert!(!text.contains("panicked"), "{args:?}:\n{text}");
    text
}

/// A folder outside the project with a secret file.
fn draussen() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let datei = dir.path().join("geheim.txt");
    std::fs::write(&datei, "GEHEIM: passwort\nglossar:\n  - begriff: GEHEIM\n").unwrap();
    (dir, datei)
}

fn symlink(ziel: &Path, link: &Path) {
    if link.is_dir() {
        std::fs::remove_dir_all(link).unwrap();
    } else if link.exists() {
        std::fs::remove_file(link).unwrap();
    }
    std::os::unix::fs::symlink(ziel, link).unwrap();
}

#[test]
fn nichts_ausserhalb_des_projekts_wird_gelesen() {
    let (dir, geheim) = draussen();
    type Einrichten = fn(&Kopie, &Path, &Path);
    let faelle: &[(&str, Einrichten, &[&str])] = &[
        (
            "Datendatei als Link nach außen",
            |k, geheim, _| symlink(geheim, &k.datei("data/klein/glossar.yaml")),
            &[
                "data/klein/glossar.yaml führt aus dem Projektordner hinaus",
                "symbolischen Links",
            ],
        ),
        (
            "steckbriefe/ als Link nach außen",
            |k, _, draussen| {
                let ziel = draussen.join("steckbriefe");
                std::fs::create_dir_all(&ziel).unwrap();
                for e in std::fs::read_dir(k.datei("data/klein/steckbriefe")).unwrap() {
                    let e = e.unwrap();
                    std::fs::copy(e.path(), ziel.join(e.file_name())).unwrap();
                }
                symlink(&ziel, &k.datei("data/klein/steckbriefe"));
            },
            &["data/klein/steckbriefe führt aus dem Projektordner hinaus"],
        ),
        (
            "Kapitel als Link nach außen",
            |k, geheim, _| symlink(geheim, &k.datei("report/kapitel/klein/99-anhang.typ.hbs")),
            &["report/kapitel/klein/99-anhang.typ.hbs führt aus dem Projektordner hinaus"],
        ),
        (
            "Schrift als Link nach außen",
            |k, geheim, _| symlink(geheim, &k.datei("fonts/Inter-Italic.otf")),
            &["fonts/Inter-Italic.otf führt aus dem Projektordner hinaus"],
        ),
    ];
    for (name, einrichten, teile) in faelle {
        let k = Kopie::klein();
        einrichten(&k, &geheim, dir.path());
        let out = tempfile::tempdir().unwrap();
        let ziel = out.path().to_str().unwrap();
        scheitert(&k, &["check", "--edition", "klein"], teile);
        scheitert(&k, &["build", "--edition", "klein", "--out", ziel], teile);
        assert_eq!(
            std::fs::read_dir(out.path()).unwrap().count(),
            0,
            "{name}: kein PDF"
        );
    }
}

#[test]
fn ausgabe_ist_ein_name_kein_pfad() {
    let k = Kopie::neu();
    for ausgabe in ["../2025", "/etc", "data/2025", "2025/../../x"] {
        let t = scheitert(
            &k,
            &["check", "--edition", ausgabe],
            &["kein Name einer Ausgabe"],
        );
        assert!(t.contains("--edition 2025"), "{t}");
        scheitert(
            &k,
            &["build", "--edition", ausgabe],
            &["kein Name einer Ausgabe"],
        );
    }
    assert!(!k.datei("dist").exists(), "kein PDF");
}

#[test]
fn fifo_geraet_und_uebergrosse_dateien_werden_abgewiesen() {
    type Einrichten = fn(&Kopie);
    let faelle: &[(Einrichten, &[&str])] = &[
        (
            |k| {
                std::fs::remove_file(k.datei("data/klein/glossar.yaml")).unwrap();
                let p = k.datei("data/klein/glossar.yaml");
                let ok = Command::new("mkfifo").arg(&p).status().unwrap().success();
                assert!(ok, "mkfifo");
            },
            &["data/klein/glossar.yaml ist keine gewöhnliche Datei"],
        ),
        (
            |k| symlink(Path::new("/dev/zero"), &k.datei("data/klein/quellen.yaml")),
            &["data/klein/quellen.yaml führt aus dem Projektordner hinaus"],
        ),
        (
            |k| {
                let gross = format!("glossar:\n{}", "# Füllzeile\n".repeat(300_000));
                k.schreiben("data/klein/glossar.yaml", &gross);
            },
            &[
                "data/klein/glossar.yaml ist mit",
                "zu groß (höchstens 2048 KB)",
            ],
        ),
        (
            |k| {
                let text = "= Anhang\n".to_owned() + &"Langer Text. ".repeat(120_000);
                k.schreiben("report/kapitel/klein/99-anhang.typ.hbs", &text);
            },
            &["99-anhang.typ.hbs ist mit", "zu groß (höchstens 1024 KB)"],
        ),
    ];
    for (einrichten, teile) in faelle {
        let k = Kopie::klein();
        einrichten(&k);
        scheitert(&k, &["check", "--edition", "klein"], teile);
    }
}

/// Every file below the project's input folders with its bytes.
fn eingaben(k: &Kopie) -> Vec<(PathBuf, Vec<u8>)> {
    fn sammle(p: &Path, out: &mut Vec<(PathBuf, Vec<u8>)>) {
        for e in std::fs::read_dir(p).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                sammle(&p, out);
            } else {
                out.push((p.clone(), std::fs::read(&p).unwrap()));
            }
        }
    }
    let mut out = Vec::new();
    for o in ["data", "report", "fonts"] {
        sammle(&k.datei(o), &mut out);
    }
    out.sort();
    out
}

#[test]
fn ziele_im_projekt_werden_nicht_beschrieben() {
    let k = Kopie::neu();
    let vorher = eingaben(&k);
    let absolut = k.pfad().to_str().unwrap().to_owned();
    let report = format!("{absolut}/report");
    let faelle: &[&[&str]] = &[
        &["build", "--edition", "2025", "--emit-typst", "."],
        &["build", "--edition", "2025", "--emit-typst", &absolut],
        &["build", "--edition", "2025", "--emit-typst", &report],
        &["build", "--edition", "2025", "--emit-typst", "fonts/neu"],
        &["build", "--edition", "2025", "--out", "data/2025"],
        &["build", "--edition", "2025", "--out", "."],
    ];
    for args in faelle {
        scheitert(
            &k,
            args,
            &["wird nicht geschrieben", "Wählen Sie einen eigenen Ordner"],
        );
    }
    assert_eq!(
        eingaben(&k),
        vorher,
        "die Eingaben des Projekts sind unverändert"
    );
}

#[test]
fn keine_falsche_zahl_im_pdf() {
    type Einrichten = fn(&Kopie) -> usize;
    let lk = "data/2025/landkreise.yaml";
    let faelle: &[(Einrichten, &[&str])] = &[
        (
            |k| celle(k, "geplant", "4294967295"),
            &[
                "die Zahl 4294967295 ist größer als 9999",
                "Plausibilitätsgrenze",
            ],
        ),
        (|k| celle(k, "vzae", "1e308"), &["ist größer als 999"]),
        (
            |k| celle(k, "vzae", ".inf"),
            &["unendliche oder ungültige Zahlen (.inf, .nan) sind nicht erlaubt"],
        ),
        (
            |k| celle(k, "vzae", ".nan"),
            &["unendliche oder ungültige Zahlen (.inf, .nan) sind nicht erlaubt"],
        ),
    ];
    for (einrichten, teile) in faelle {
        let k = Kopie::neu();
        let zeile = einrichten(&k);
        let t = scheitert(&k, &["check", "--edition", "2025"], teile);
        assert!(
            t.contains(&format!("{lk}:{zeile}:")),
            "Zeile {zeile} fehlt:\n{t}"
        );
        scheitert(&k, &["build", "--edition", "2025"], teile);
        assert!(!k.datei("dist").exists(), "kein PDF");
    }
    // A division by zero is an error, never "0,0 % (18 von 0)".
    let k = Kopie::neu();
    k.ersetzen(
        "data/2025/edition.yaml",
        "landkreise_niedersachsen: 37",
        "landkreise_niedersachsen: 0",
    );
    scheitert(
        &k,
        &["check", "--edition", "2025"],
        &[
            "Kennzahl abdeckung",
            "Division durch null",
            "landkreise_niedersachsen in edition.yaml ist 0",
        ],
    );
}

/// Sets a field of Celle's row in Tabelle 1; returns its line.
fn celle(k: &Kopie, feld: &str, wert: &str) -> usize {
    let datei = "data/2025/landkreise.yaml";
    let start = k.zeile(datei, "name: Celle");
    let text = k.lesen(datei);
    let mut zeilen: Vec<String> = text.lines().map(str::to_owned).collect();
    let schluessel = format!("{feld}:");
    let i = (start..zeilen.len())
        .find(|i| zeilen[*i].trim_start().starts_with(&schluessel))
        .unwrap();
    let einrueckung = zeilen[i].len() - zeilen[i].trim_start().len();
    zeilen[i] = format!("{}{feld}: {wert}", " ".repeat(einrueckung));
    k.schreiben(datei, &(zeilen.join("\n") + "\n"));
    i + 1
}

const EINLEITUNG: &str = "report/kapitel/2025/02-einleitung.typ.hbs";

#[test]
fn worte_einer_aussage_muessen_ihren_wert_nennen() {
    let faelle: &[(&str, &str, &[&str])] = &[
        (
            "{{#behauptung \"abdeckung\" \"etwa\" 0.49}}≈ 49 %",
            "{{#behauptung \"abdeckung\" \"etwa\" 0.49}}etwa 94 %",
            &["nennen 94 %", "geprüft wird aber etwa 0,49"],
        ),
        (
            "in {{#behauptung \"anteil_rpa\" \"mehr_als\" 0.4}}",
            "in {{#behauptung \"anteil_rpa\" \"mehr_als\" 40}}",
            &[
                "anteil_rpa ist ein Anteil",
                "zwischen 0 und 1",
                "40 Prozent = 0.4",
            ],
        ),
        (
            "{{#behauptung \"digitalstrategie_mit_ki\" \"gleich\" 2}}zwei",
            "{{#behauptung \"digitalstrategie_mit_ki\" \"gleich\" 2}}drei",
            &["„drei“ nennen 3", "geprüft wird aber gleich 2"],
        ),
        (
            "\"hoechstens\" 0.3}}vergleichsweise schwach",
            "\"mindestens\" 0.3}}vergleichsweise schwach",
            &["„schwach“ bedeutet hoechstens 0,3"],
        ),
    ];
    for (alt, neu, teile) in faelle {
        let k = Kopie::neu();
        k.ersetzen(EINLEITUNG, alt, neu);
        let zeile = k.zeile(EINLEITUNG, neu);
        let ort = format!("{EINLEITUNG}:{zeile}:");
        let t = scheitert(&k, &["check", "--edition", "2025"], teile);
        assert!(t.contains(&ort), "{ort} fehlt:\n{t}");
    }
    // An acknowledgement goes stale when what the claim states changes.
    let k = Kopie::neu();
    k.ersetzen(
        EINLEITUNG,
        "in {{#behauptung \"anteil_rpa\" \"mehr_als\" 0.4}}",
        "in {{#behauptung \"anteil_rpa\" \"mindestens\" 0.4}}",
    );
    scheitert(
        &k,
        &["check", "--edition", "2025"],
        &[
            "Veraltete Anerkennungen",
            "anerkannt wurde die Behauptung „mehr als 40 %“",
        ],
    );
}

#[test]
fn build_schreibt_kein_pdf_wenn_check_fehlschlaegt_ausser_als_entwurf() {
    let k = Kopie::neu();
    // The acknowledgement of "mehr als 40 Prozent" goes: a violated claim.
    let text = k.lesen("data/2025/abweichungen.yaml");
    let start = text
        .find("  - kapitel: 02-einleitung.typ.hbs\n    kennzahl: anteil_rpa")
        .unwrap();
    let ende = start + 3 + text[start + 3..].find("  - kapitel").unwrap();
    k.schreiben(
        "data/2025/abweichungen.yaml",
        &format!("{}{}", &text[..start], &text[ende..]),
    );
    let out = tempfile::tempdir().unwrap();
    let ziel = out.path().to_str().unwrap();
    let teile = &["mehr als 40 Prozent", "berechnet: 38,6"];
    scheitert(&k, &["check", "--edition", "2025"], teile);
    let t = scheitert(&k, &["build", "--edition", "2025", "--out", ziel], teile);
    assert!(
        t.contains("--entwurf") && t.contains("Es wurde kein PDF geschrieben"),
        "{t}"
    );
    assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 0);

    let o = cli(
        k.pfad(),
        &["build", "--edition", "2025", "--out", ziel, "--entwurf"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let pdf = out.path().join("ki-kataster-2025-v1.1-entwurf.pdf");
    let text = pdf_text(&std::fs::read(&pdf).unwrap());
    assert!(
        text.starts_with(
            "Entwurf – nicht zur Veröffentlichung Dieses PDF wurde mit „build --entwurf“ gebaut, \
             obwohl „check“ diese Befunde hat:"
        ),
        "{}",
        &text[..300]
    );
    assert!(
        text.contains("„mehr als 40 Prozent“ – behauptet mehr als 40 %, berechnet 38,6 %"),
        "{}",
        &text[..800]
    );
    let seiten = text.matches("ENTWURF").count();
    assert!(seiten > 80, "jede Seite trägt ENTWURF: {seiten}");
    assert!(!out.path().join("ki-kataster-2025-v1.1.pdf").exists());
}

#[test]
fn check_setzt_den_bericht_und_findet_typst_fehler() {
    let k = Kopie::neu();
    let text = k.lesen(EINLEITUNG) + "\nNoch ein Satz mit #foo() darin.\n";
    k.schreiben(EINLEITUNG, &text);
    let zeile = k.zeile(EINLEITUNG, "#foo()");
    scheitert(
        &k,
        &["check", "--edition", "2025"],
        &[
            &format!("{EINLEITUNG}:{zeile}"),
            "unbekannte Funktion oder Variable",
        ],
    );
}

#[test]
fn geschlossene_pipe_ist_kein_absturz() {
    let k = common::projekt();
    for args in [
        &["figures", "--edition", "2025"][..],
        &["check", "--edition", "2025", "--format", "json"],
    ] {
        for _ in 0..3 {
            let mut kind = Command::new(env!("CARGO_BIN_EXE_kataster-report"))
                .arg("--projekt")
                .arg(&k)
                .args(args)
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap();
            drop(kind.stdout.take()); // the reader goes away at once, like `| head -c 0`
            let o = kind.wait_with_output().unwrap();
            let fehler = String::from_utf8_lossy(&o.stderr);
            assert!(!fehler.contains("panicked"), "{args:?}: {fehler}");
            assert!(!fehler.contains("Broken pipe"), "{args:?}: {fehler}");
        }
    }
}

#[test]
fn befehlszeile_spricht_deutsch() {
    let p = common::projekt();
    let hilfe = |args: &[&str]| {
        let o = Command::new(env!("CARGO_BIN_EXE_kataster-report"))
            .args(args)
            .output()
            .unwrap();
        assert!(o.status.success(), "{args:?}");
        String::from_utf8_lossy(&o.stdout).into_owned()
    };
    for args in [
        &["--help"][..],
        &["build", "--help"],
        &["check", "--help"],
        &["figures", "-h"],
        &["schema", "--help"],
    ] {
        let t = hilfe(args);
        assert!(
            t.contains("Aufruf:") && t.contains("Optionen:") && t.contains("Beispiel"),
            "{args:?}:\n{t}"
        );
        for englisch in [
            "Usage",
            "Options:",
            "Print help",
            "possible values",
            "OPTIONS",
            "COMMAND",
            "from data",
            "default:",
            "Commands:",
        ] {
            assert!(!t.contains(englisch), "{args:?} enthält „{englisch}“:\n{t}");
        }
    }
    let o = cli(&p, &["check", "--edtion", "2025"]);
    let t = stderr(&o);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        t.contains("unbekannte Option „--edtion“") && t.contains("meinten Sie „--edition“?"),
        "{t}"
    );
    let o = cli(&p, &["bild"]);
    assert!(
        stderr(&o).contains("unbekannter Befehl „bild“"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn meldungen_nennen_datei_zeile_und_ursache() {
    type Einrichten = fn(&Kopie);
    let faelle: &[(Einrichten, &[&str])] = &[
        (
            |k| std::fs::remove_file(k.datei("data/2025/abweichungen.yaml")).unwrap(),
            &[
                "data/2025/abweichungen.yaml: nicht gefunden",
                "abweichungen: []",
            ],
        ),
        (
            |k| std::fs::remove_dir_all(k.datei("data/2025/steckbriefe")).unwrap(),
            &[
                "data/2025/steckbriefe: nicht gefunden",
                "Ordner steckbriefe/",
            ],
        ),
        (
            |k| {
                let mut b = k.lesen("data/2025/glossar.yaml").into_bytes();
                let i = b.len() / 2;
                b.insert(i, 0xff);
                std::fs::write(k.datei("data/2025/glossar.yaml"), b).unwrap();
            },
            &[
                "data/2025/glossar.yaml ist nicht UTF-8-kodiert (ungültiges Zeichen in Zeile",
                "UTF-8",
            ],
        ),
        (
            |k| {
                k.ersetzen(
                    "data/2025/steckbriefe/celle.yaml",
                    "projektstatus: In Umsetzung",
                    "projektstatus: In\u{a0}Umsetzung",
                )
            },
            &[
                "U+00A0 (geschütztes Leerzeichen)",
                "data/2025/steckbriefe/celle.yaml:",
            ],
        ),
        (
            |k| {
                let t = k.lesen(EINLEITUNG) + "\n{{zahll \"projekte_gesamt\"}}\n";
                k.schreiben(EINLEITUNG, &t);
            },
            &["unbekannter Platzhalter „zahll“", "meinten Sie „zahl“?"],
        ),
        (
            |k| {
                let t = k.lesen(EINLEITUNG)
                    + "\nam Ende {{#behauptung \"abdeckung\" \"etwa\" 0.49}}etwa 49 %\n\nnoch Text\n";
                k.schreiben(EINLEITUNG, &t);
            },
            &["„{{#behauptung …}}“ wird nie mit „{{/behauptung}}“ geschlossen"],
        ),
    ];
    for (einrichten, teile) in faelle {
        let k = Kopie::neu();
        einrichten(&k);
        let t = scheitert(&k, &["check", "--edition", "2025"], teile);
        for englisch in [
            "os error",
            "No such file",
            "Helper not found",
            "stream did not contain",
            "Is a directory",
        ] {
            assert!(!t.contains(englisch), "„{englisch}“ in:\n{t}");
        }
    }
}
