//! Bad inputs (issue 22): each class answered with a German message at its
//! place, exit 1, nothing written; never a crash.

use std::process::Command;

use crate::common::{self, Kopie, cli, stderr};

const KAPITEL: &str = "report/kapitel/klein/01-ergebnisse.typ.hbs";

#[test]
fn teilvorlagen_und_zu_tiefe_bloecke_werden_abgelehnt_statt_abzustuerzen() {
    let tief = "{{#if true}}".repeat(40_000) + &"{{/if}}".repeat(40_000);
    let faelle: &[(&str, &str)] = &[
        (
            "{{#*inline \"a\"}}x{{> a}}{{/inline}}{{> a}}",
            "Inline-Teilvorlagen und Dekoratoren",
        ),
        (
            "{{> kopf}}",
            "Teilvorlagen ({{> …}}) gibt es in Kapiteln nicht",
        ),
        ("{{#> rahmen}}x{{/rahmen}}", "Teilvorlagen"),
        ("{{~> kopf}}", "Teilvorlagen"),
        ("{{* dekorator}}", "Dekoratoren"),
        (&tief, "tiefer als 32 Ebenen"),
    ];
    for (eingabe, erwartet) in faelle {
        let k = Kopie::klein();
        k.ersetzen(
            KAPITEL,
            "Absatz zum Bearbeiten.",
            &format!("Absatz zum Bearbeiten.\n\n{eingabe}"),
        );
        let zeile = k.zeile(KAPITEL, &eingabe[..eingabe.len().min(12)]);
        for befehl in [&["check"][..], &["build", "--out", "ziel"][..]] {
            let o = cli(k.pfad(), befehl);
            let e = stderr(&o);
            assert_eq!(o.status.code(), Some(1), "{befehl:?} {erwartet}: {e}");
            assert!(e.contains(erwartet), "{befehl:?}: {e}");
            assert!(
                e.contains(&format!("{KAPITEL}:{zeile}:")),
                "{befehl:?}: {e}"
            );
            assert!(e.contains("Hilfe:"), "{e}");
        }
        assert!(!k.datei("ziel").exists(), "{erwartet}: kein PDF");
    }
}

#[test]
fn kommentare_mit_teilvorlagen_bleiben_erlaubt() {
    let k = Kopie::klein();
    k.ersetzen(
        KAPITEL,
        "Absatz zum Bearbeiten.",
        "Absatz zum Bearbeiten. {{!-- {{> kein}} --}}{{! {{#*x}} }}",
    );
    let o = cli(k.pfad(), &["check"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn ein_programmfehler_wird_auf_deutsch_erklaert() {
    let o = Command::new(env!("CARGO_BIN_EXE_kataster-report"))
        .args(["--projekt"])
        .arg(common::projekt())
        .arg("check")
        .env("KATASTER_REPORT_TESTPANIK", "1")
        .output()
        .unwrap();
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(101), "{e}");
    assert!(
        e.starts_with("Fehler: interner Fehler von kataster-report"),
        "{e}"
    );
    assert!(e.contains("nicht in Ihren Daten"), "{e}");
    assert!(!e.contains("RUST_BACKTRACE"), "{e}");
}
