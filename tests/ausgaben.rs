//! Editions that live on: each edition names its own layout, so that a new
//! edition's layout never changes an earlier one.

mod common;

use common::{Kopie, cli, stderr, stdout};

#[test]
fn jede_ausgabe_nennt_ihr_layout_und_ein_unbekanntes_wird_gemeldet() {
    let k = Kopie::klein();
    let datei = "data/klein/edition.yaml";
    k.ersetzen(datei, "layout: klein", "layout: klain");
    let zeile = k.zeile(datei, "layout: klain");
    let o = cli(k.pfad(), &["check", "--edition", "klein"]);
    let text = format!("{}{}", stdout(&o), stderr(&o));
    assert_eq!(o.status.code(), Some(1), "{text}");
    assert!(
        text.contains(&format!("{datei}:{zeile}"))
            && text.contains("das Layout „klain“ gibt es nicht"),
        "{text}"
    );
    assert!(text.contains("meinten Sie „klein“?"), "{text}");
}

#[test]
fn das_layout_einer_ausgabe_aendert_keine_andere() {
    // Two editions with two layouts in one project: building the one with
    // a changed layout leaves the other's PDF byte for byte as it was.
    let k = Kopie::klein();
    let pdf = |k: &Kopie| {
        let o = cli(
            k.pfad(),
            &["build", "--edition", "klein", "--out", "ziel", "--force"],
        );
        assert!(o.status.success(), "{}", stderr(&o));
        std::fs::read(k.datei("ziel/ki-kataster-klein-v0.1.pdf")).unwrap()
    };
    let vorher = pdf(&k);
    // A second edition on its own copy of the layout, changed.
    common::kopiere_ordner(&k.datei("data/klein"), &k.datei("data/zwei"));
    common::kopiere_ordner(
        &k.datei("report/kapitel/klein"),
        &k.datei("report/kapitel/zwei"),
    );
    common::kopiere_ordner(
        &k.datei("report/layout/klein"),
        &k.datei("report/layout/zwei"),
    );
    k.ersetzen("data/zwei/edition.yaml", "layout: klein", "layout: zwei");
    let lib = "report/layout/zwei/lib.typ";
    k.schreiben(lib, &format!("{}\n#set text(fill: red)\n", k.lesen(lib)));
    let o = cli(k.pfad(), &["build", "--edition", "zwei", "--out", "ziel"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        pdf(&k),
        vorher,
        "das Layout von „zwei“ hat „klein“ verändert"
    );
}
