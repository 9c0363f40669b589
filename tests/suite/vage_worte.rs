//! Vague words with three verdicts, an edition's own ranges (and the bad
//! ones refused at their place), and the coverage of the text: passages
//! marked as without data, sentences with amounts left unmarked, and the
//! questions `survey questionnaire --vorschlaege` derives from the marks.

use crate::common::{Kopie, cli, stderr, stdout};

const KAPITEL: &str = "report/kapitel/klein/01-ergebnisse.typ.hbs";
const KENNZAHLEN: &str = "data/klein/kennzahlen.yaml";

/// `klein` with one statement: RPA in 3 of 5 sheets, "die meisten" (60 %).
fn mit_aussage(k: &Kopie) {
    k.ersetzen(
        KAPITEL,
        "Absatz zum Bearbeiten.",
        "Absatz zum Bearbeiten. RPA nennen {{#aussage \"haeufigkeit\" \"technologien\" \"RPA\" \
         \"die_meisten\"}}die meisten{{/aussage}} Steckbriefe.",
    );
}

fn worte(k: &Kopie, yaml: &str) {
    let mut text = k.lesen(KENNZAHLEN);
    text.push_str(yaml);
    k.schreiben(KENNZAHLEN, &text);
}

#[test]
fn eine_eigene_grenze_gilt_mit_ihrer_begruendung_und_grenzwertig_besteht() {
    let k = Kopie::klein();
    mit_aussage(&k);
    let o = cli(k.pfad(), &["check"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("2 stimmen, 0 grenzwertig"),
        "{}",
        stdout(&o)
    );
    // The edition reads "die meisten" more strictly: 60 % is now borderline.
    worte(
        &k,
        "worte:\n  - wort: die_meisten\n    stimmt_ab: 66.7\n    grenzwertig_ab: 50\n    \
         begruendung: \"Zwei Drittel, wie im Beirat vereinbart.\"\n",
    );
    let o = cli(k.pfad(), &["check"]);
    let t = crate::common::falten(&stdout(&o));
    assert_eq!(
        o.status.code(),
        Some(0),
        "grenzwertig besteht: {t}{}",
        stderr(&o)
    );
    assert!(t.contains("1 stimmen, 1 grenzwertig"), "{t}");
    assert!(
        t.contains("Grenzwertige Aussagen")
            && t.contains("RPA in 3 von 5 Steckbriefen (60,0 %)")
            && t.contains("Bereich des Wortes: stimmt ab 66,7 %, grenzwertig über 50 % (eigene Grenze dieser Ausgabe: Zwei Drittel, wie im Beirat vereinbart.)"),
        "{t}"
    );
    assert!(
        t.contains("„die_meisten“: stimmt ab 66,7 %, grenzwertig über 50 % statt stimmt ab 58,5 %, grenzwertig über 50 % – Begründung: Zwei Drittel"),
        "{t}"
    );
    let o = cli(k.pfad(), &["check", "--format", "json"]);
    assert!(
        stdout(&o).contains("\"urteil\": \"grenzwertig\""),
        "{}",
        stdout(&o)
    );
    // Stricter still: 60 % is violated and fails the check.
    k.schreiben(
        KENNZAHLEN,
        &k.lesen(KENNZAHLEN)
            .replace("grenzwertig_ab: 50", "grenzwertig_ab: 62"),
    );
    let o = cli(k.pfad(), &["check"]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert!(stdout(&o).contains("Verletzte Aussagen"), "{}", stdout(&o));
}

#[test]
fn falsche_eigene_grenzen_werden_an_ihrer_stelle_gemeldet() {
    let faelle = [
        (
            "  - wort: die_meistn\n    stimmt_ab: 60\n    begruendung: x\n",
            "wort",
            "unbekanntes vages Wort „die_meistn“",
            Some("meinten Sie „die_meisten“?"),
        ),
        (
            "  - wort: selten\n    stimmt_bis: 120\n    begruendung: x\n",
            "stimmt_bis",
            "120 liegt nicht zwischen 0 und 100",
            None,
        ),
        (
            "  - wort: die_meisten\n    stimmt_ab: 100\n    begruendung: x\n",
            "stimmt_ab",
            "der Bereich ist leer",
            None,
        ),
        (
            "  - wort: die_meisten\n    stimmt_ab: 60\n    grenzwertig_ab: 70\n    begruendung: x\n",
            "grenzwertig_ab",
            "überschneidet den Bereich, in dem „die_meisten“ stimmt",
            None,
        ),
        (
            "  - wort: selten\n    stimmt_ab: 10\n    begruendung: x\n",
            "stimmt_ab",
            "„selten“ gilt bis zu einer Grenze, nicht stimmt_ab",
            Some("Schreiben Sie „stimmt_bis“."),
        ),
        (
            "  - wort: kaum\n    stimmt_bis: 5\n    begruendung: \" \"\n",
            "begruendung",
            "eine eigene Grenze braucht eine Begründung",
            None,
        ),
    ];
    for (yaml, feld, meldung, hilfe) in faelle {
        let k = Kopie::klein();
        worte(&k, &format!("worte:\n{yaml}"));
        let zeile = k.zeile(KENNZAHLEN, &format!("{feld}:"));
        let o = cli(k.pfad(), &["check"]);
        let e = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "{yaml}: {e}");
        assert!(
            e.contains(&format!("{KENNZAHLEN}:{zeile}")),
            "{yaml}: Zeile {zeile}: {e}"
        );
        assert!(e.contains(meldung), "{yaml}: {e}");
        if let Some(h) = hilfe {
            assert!(e.contains(h), "{yaml}: {e}");
        }
        assert!(!e.contains("panicked"), "{e}");
    }
}

#[test]
fn die_abdeckung_zaehlt_gepruefte_gekennzeichnete_und_offene_saetze() {
    let k = Kopie::klein();
    k.ersetzen(
        KAPITEL,
        "Absatz zum Bearbeiten.",
        "Mehrere Landkreise wünschen sich Austausch. {{#ohne_daten \"kein Feld für \
         Wünsche\"}}Viele Landkreise wünschen sich ein Sprachmodell.{{/ohne_daten}} Nach \
         Artikel 5 der Verordnung (EU) 2024/1689 gilt das seit 2025.",
    );
    let zeile = k.zeile(KAPITEL, "Mehrere Landkreise");
    let o = cli(k.pfad(), &["check"]);
    let t = stdout(&o);
    assert_eq!(o.status.code(), Some(0), "{t}{}", stderr(&o));
    assert!(
        t.contains(
            "Abdeckung des Textes: 1 Aussagen geprüft, 1 ohne Datengrundlage, 1 ohne Kennzeichnung."
        ),
        "{t}"
    );
    assert!(
        t.contains(&format!(
            "  kein Feld für Wünsche (1): 01-ergebnisse.typ.hbs:{zeile}"
        )),
        "{t}"
    );
    assert!(
        t.contains(&format!(
            "{KAPITEL}:{zeile}: „Mehrere Landkreise wünschen sich Austausch.“"
        )),
        "{t}"
    );
    assert!(
        !t.contains("Artikel 5"),
        "ein Verweis ist keine Mengenangabe: {t}"
    );
    // The PDF prints the marked sentence as written.
    let o = cli(k.pfad(), &["build", "--out", "ziel"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // The reason becomes a question for the next survey.
    let o = cli(
        k.pfad(),
        &[
            "survey",
            "questionnaire",
            "--out",
            "ziel/f.lss",
            "--vorschlaege",
        ],
    );
    let t = stdout(&o);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        t.contains("Vorschläge für neue Fragen")
            && t.contains(&format!("  - Wünsche ({KAPITEL}:{zeile})")),
        "{t}"
    );
    // A mark without a reason is refused at its place.
    k.ersetzen(
        KAPITEL,
        "{{#ohne_daten \"kein Feld für Wünsche\"}}",
        "{{#ohne_daten \"\"}}",
    );
    let o = cli(k.pfad(), &["check"]);
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{e}");
    assert!(
        e.contains(&format!("{KAPITEL}:{zeile}")) && e.contains("der Grund fehlt"),
        "{e}"
    );
}
