//! The figures of an edition's `kennzahlen.yaml`: the program knows only
//! the kinds (counts and shares of answers, product mentions, Tabelle-1
//! rows, sums, means, ranges, correlations, quotients); names, titles and
//! parameters come from the data. Every value is checked like the others:
//! a division by zero, an overflow or a value that is not finite is an
//! error, never a number in the PDF.

use super::{Beleg, Einheit, Kennzahl, Rechenfehler, Sammler, haeufigkeit, korrelation};
use crate::model::{Edition, KennzahlArt as A, KennzahlDefinition, Landkreis, tabelle};

/// Computes every definition in the file's order.
pub(super) fn berechnen(s: &mut Sammler, e: &Edition) {
    for d in &e.kennzahl_definitionen {
        match d.art {
            A::Anzahl | A::Anteil | A::AnteilInGruppe => antworten(s, e, d),
            A::Nennungen | A::Landkreise => produkt(s, e, d),
            A::Ausgabe => ausgabe(s, e, d),
            A::Zeilen => zeilen(s, e, d),
            A::Summe | A::Mittel => summe(s, e, d),
            A::SpanneUnterMittel => spanne(s, e, d),
            A::Korrelation => korrelation_von(s, e, d),
            A::Quotient => quotient(s, e, d),
            A::Steckbriefe => steckbriefe(s, e, d),
            A::Rang => rang(s, e, d),
        }
    }
}

fn text(x: &Option<String>) -> String {
    x.clone().unwrap_or_default()
}

use haeufigkeit::feld_label as label;

/// The definition written in the data, else the generated one.
fn definition(d: &KennzahlDefinition, erzeugt: String) -> String {
    d.definition.clone().unwrap_or(erzeugt)
}

fn antworten(s: &mut Sammler, e: &Edition, d: &KennzahlDefinition) {
    let feld = text(&d.feld);
    let antwort = e
        .vokabular
        .kurz(&feld, d.antwort.as_deref().unwrap_or_default())
        .to_owned();
    let gruppe = (d.art == A::AnteilInGruppe).then(|| {
        let gf = text(&d.gruppenfeld);
        let gw = e
            .vokabular
            .kurz(&gf, d.gruppenantwort.as_deref().unwrap_or_default())
            .to_owned();
        (gf, gw)
    });
    let a = haeufigkeit::auszaehlen(
        e,
        &feld,
        gruppe.as_ref().map(|(f, w)| (f.as_str(), w.as_str())),
    );
    let z = a.anzahl(&antwort);
    let unter = match &gruppe {
        Some((gf, gw)) => format!(" unter denen mit „{gw}“ bei „{}“", label(gf)),
        None => String::new(),
    };
    let basis = format!("die Steckbriefe mit Angabe zu „{}“{unter}", label(&feld));
    if d.art == A::Anzahl {
        let def = definition(
            d,
            format!("Steckbriefe mit „{antwort}“ bei „{}“.", label(&feld)),
        );
        s.anzahl(&d.name, &d.titel, &def, z);
    } else {
        let def = definition(
            d,
            format!(
                "Steckbriefe mit „{antwort}“ bei „{}“ geteilt durch {basis}.",
                label(&feld)
            ),
        );
        s.anteil(&d.name, &d.titel, &def, z, a.basis, &basis);
    }
    s.belegen(&d.name, a.beleg(&antwort));
}

fn produkt(s: &mut Sammler, e: &Edition, d: &KennzahlDefinition) {
    let id = text(&d.produkt);
    let Some(p) = e.vokabular.produkte.iter().find(|p| p.id == id) else {
        return; // reported when the edition loads
    };
    let ids = haeufigkeit::steckbriefe_mit_produkt(e, p);
    let (z, was) = if d.art == A::Nennungen {
        (ids.len() as u32, "Steckbriefe")
    } else {
        let lk = haeufigkeit::landkreise_mit_produkt(e, &id).unwrap_or_default();
        (lk.len() as u32, "Landkreise mit einem Steckbrief")
    };
    let def = definition(
        d,
        format!(
            "{was}, deren Projektname oder Anbieter/Produkt „{}“ nennt (Suchbegriffe: {}).",
            p.name,
            p.suchbegriffe.join(", ")
        ),
    );
    s.anzahl(&d.name, &d.titel, &def, z);
    s.belegen(&d.name, Beleg::produkt(&p.name, ids));
}

fn ausgabe(s: &mut Sammler, e: &Edition, d: &KennzahlDefinition) {
    let (wert, erzeugt) = match text(&d.angabe).as_str() {
        "sitzungen" => (
            e.meta.sitzungen.len() as u32,
            "Zahl der Sitzungstermine der Arbeitsgruppe (edition.yaml).",
        ),
        _ => (
            e.meta.landkreise_niedersachsen,
            "Zahl der Landkreise Niedersachsens einschließlich Region Hannover (edition.yaml).",
        ),
    };
    s.anzahl(&d.name, &d.titel, &definition(d, erzeugt.into()), wert);
}

/// A cell of Tabelle 1 as a number: yes/no as 1/0, the project columns,
/// their sum (`projekte`), the VZÄ (validation admits only such names).
fn zelle(l: &Landkreis, spalte: &str) -> f64 {
    tabelle::zahlenzelle(l, spalte)
        .and_then(tabelle::Zelle::zahl)
        .unwrap_or(0.0)
}

/// A whole-number column of Tabelle 1, `None` for the VZÄ.
fn ganzzahl(l: &Landkreis, spalte: &str) -> Option<u32> {
    tabelle::zahlenzelle(l, spalte).and_then(tabelle::Zelle::ganzzahl)
}

fn zeilen(s: &mut Sammler, e: &Edition, d: &KennzahlDefinition) {
    let bedingung = d.spalten.clone().unwrap_or_default();
    let namen: Vec<String> = e
        .landkreise
        .iter()
        .filter(|l| bedingung.is_empty() || bedingung.iter().any(|b| zelle(l, b) > 0.0))
        .map(|l| l.name.clone())
        .collect();
    let erzeugt = if bedingung.is_empty() {
        "Zeilen der Tabelle 1.".to_owned()
    } else {
        format!("Zeilen der Tabelle 1 mit {}.", bedingung.join(" oder "))
    };
    let n = namen.len() as u32;
    s.anzahl(&d.name, &d.titel, &definition(d, erzeugt), n);
    let was = if bedingung.is_empty() {
        "Zeilen der Tabelle 1".to_owned()
    } else {
        let spalten: Vec<&str> = bedingung.iter().map(|b| tabelle::bezeichnung(b)).collect();
        format!("Zeilen der Tabelle 1 mit „{}“", spalten.join("“ oder „"))
    };
    s.belegen(&d.name, Beleg::Landkreise { was, namen });
}

fn summe(s: &mut Sammler, e: &Edition, d: &KennzahlDefinition) {
    let spalte = text(&d.spalte);
    let zeilen = e.landkreise.len() as f64;
    let ganz = e
        .landkreise
        .first()
        .is_none_or(|l| ganzzahl(l, &spalte).is_some());
    let wert = if ganz {
        let summe = e.landkreise.iter().try_fold(0u32, |a, l| {
            a.checked_add(ganzzahl(l, &spalte).unwrap_or(0))
        });
        let Some(summe) = summe else {
            s.fehler.push(Rechenfehler::NichtBerechenbar {
                name: d.name.clone(),
                titel: d.titel.clone(),
                grund: "die Summe ist zu groß (Überlauf)".into(),
            });
            return;
        };
        f64::from(summe)
    } else {
        e.landkreise.iter().map(|l| zelle(l, &spalte)).sum()
    };
    if d.art == A::Summe {
        let def = definition(d, format!("Summe der Spalte „{spalte}“ der Tabelle 1."));
        let einheit = if ganz {
            Einheit::Anzahl
        } else {
            Einheit::Dezimal
        };
        s.zahl(&d.name, einheit, &d.titel, &def, wert);
    } else {
        let mittel = s.teilen(
            &d.name,
            &d.titel,
            wert,
            zeilen,
            "die Zahl der Zeilen in landkreise.yaml",
        );
        let def = definition(
            d,
            format!("Summe der Spalte „{spalte}“ geteilt durch die Zeilen der Tabelle 1."),
        );
        s.zahl(&d.name, Einheit::Dezimal, &d.titel, &def, mittel);
    }
    let namen: Vec<String> = e
        .landkreise
        .iter()
        .filter(|l| zelle(l, &spalte) > 0.0)
        .map(|l| l.name.clone())
        .collect();
    let mut was = format!(
        "Zeilen der Tabelle 1 mit mehr als 0 bei „{}“",
        tabelle::bezeichnung(&spalte)
    );
    let uebrige = e.landkreise.len() - namen.len();
    match uebrige {
        0 => {}
        1 => was += " (die übrige Zeile zählt mit 0)",
        n => was += &format!(" (die übrigen {n} zählen mit 0)"),
    }
    s.belegen(&d.name, Beleg::Landkreise { was, namen });
}

fn spanne(s: &mut Sammler, e: &Edition, d: &KennzahlDefinition) {
    let spalte = text(&d.spalte);
    let werte: Vec<f64> = e.landkreise.iter().map(|l| zelle(l, &spalte)).collect();
    let summe: f64 = werte.iter().sum();
    let mittel = s.teilen(
        &d.name,
        &d.titel,
        summe,
        werte.len() as f64,
        "die Zahl der Zeilen in landkreise.yaml",
    );
    // The rows above 0 and below the mean: their values and their names.
    let (gering, namen): (Vec<f64>, Vec<String>) = e
        .landkreise
        .iter()
        .zip(&werte)
        .filter(|(_, v)| **v > 0.0 && **v < mittel)
        .map(|(l, v)| (*v, l.name.clone()))
        .unzip();
    if gering.is_empty() {
        s.fehler.push(Rechenfehler::NichtBerechenbar {
            name: d.name.clone(),
            titel: d.titel.clone(),
            grund: format!(
                "keine Zeile hat bei „{spalte}“ mehr als 0, aber weniger als den Durchschnitt"
            ),
        });
    }
    s.aufnehmen(Kennzahl {
        name: d.name.clone(),
        titel: d.titel.clone(),
        definition: definition(
            d,
            format!(
                "Kleinster bis größter Wert der Spalte „{spalte}“ unter den Zeilen mit mehr als 0, \
                 aber weniger als dem Durchschnitt."
            ),
        ),
        einheit: Einheit::Spanne,
        wert: gering.iter().copied().reduce(f64::min).unwrap_or(0.0),
        bis: Some(gering.iter().copied().reduce(f64::max).unwrap_or(0.0)),
        zaehler: None,
        nenner: None,
        belege: vec![Beleg::Landkreise {
            was: format!(
                "Zeilen mit mehr als 0, aber weniger als dem Durchschnitt bei „{}“",
                tabelle::bezeichnung(&spalte)
            ),
            namen,
        }],
    });
}

fn korrelation_von(s: &mut Sammler, e: &Edition, d: &KennzahlDefinition) {
    let x = d.spalten.clone().unwrap_or_default();
    let y = text(&d.gegen);
    let paare: Vec<(f64, f64)> = e
        .landkreise
        .iter()
        .map(|l| {
            let wert = match x.as_slice() {
                [eine] => zelle(l, eine),
                mehrere => f64::from(u8::from(mehrere.iter().any(|b| zelle(l, b) > 0.0))),
            };
            (wert, zelle(l, &y))
        })
        .collect();
    let def = definition(
        d,
        format!(
            "Korrelationskoeffizient nach Pearson zwischen „{}“ und „{y}“ über die Zeilen der \
             Tabelle 1.",
            x.join(" oder ")
        ),
    );
    s.zahl(
        &d.name,
        Einheit::Koeffizient,
        &d.titel,
        &def,
        korrelation(&paare),
    );
}

fn quotient(s: &mut Sammler, e: &Edition, d: &KennzahlDefinition) {
    // Only counts can be divided into a share (numerator and denominator).
    let wert = |name: &str| {
        s.liste
            .iter()
            .find(|k| k.name == name && k.einheit == Einheit::Anzahl)
            .map(|k| k.wert)
    };
    let (z, n) = (text(&d.zaehler), text(&d.nenner));
    let (Some(zw), Some(nw)) = (wert(&z), wert(&n)) else {
        s.fehler.push(Rechenfehler::NichtBerechenbar {
            name: d.name.clone(),
            titel: d.titel.clone(),
            grund: format!(
                "„{z}“ und „{n}“ müssen Anzahlen sein, die vorher in kennzahlen.yaml stehen"
            ),
        });
        return;
    };
    let def = definition(d, format!("{z} geteilt durch {n}."));
    // A denominator taken from edition.yaml is named there.
    let aus_edition = e
        .kennzahl_definitionen
        .iter()
        .find(|x| x.name == n && x.art == A::Ausgabe)
        .and_then(|x| x.angabe.clone());
    let was = match aus_edition {
        Some(angabe) => format!("{angabe} in edition.yaml"),
        None => n,
    };
    s.anteil(&d.name, &d.titel, &def, zw as u32, nw as u32, &was);
}

fn steckbriefe(s: &mut Sammler, e: &Edition, d: &KennzahlDefinition) {
    let beantwortet = |st: &crate::model::Steckbrief| match &d.feld {
        Some(f) => st.wert(f).is_some_and(|w| match w {
            crate::model::FeldWert::Mehrfach(l) => !l.is_empty(),
            _ => true,
        }),
        None => true,
    };
    let ids: Vec<String> = e
        .alle_steckbriefe()
        .filter(|(_, st)| beantwortet(st))
        .map(|(_, st)| st.id.clone())
        .collect();
    let erzeugt = match &d.feld {
        Some(f) => format!("Steckbriefe, die das Feld „{}“ beantworten.", label(f)),
        None => "Zahl der veröffentlichten Projektsteckbriefe.".to_owned(),
    };
    s.anzahl(&d.name, &d.titel, &definition(d, erzeugt), ids.len() as u32);
    // All sheets are the catalogue itself; only a subset is evidence.
    if d.feld.is_some() {
        let was = format!("Steckbriefe mit Angabe zu „{}“", label(&text(&d.feld)));
        s.belegen(&d.name, Beleg::Steckbriefe { was, ids });
    }
}

fn rang(s: &mut Sammler, e: &Edition, d: &KennzahlDefinition) {
    let feld = text(&d.feld);
    let antwort = e
        .vokabular
        .kurz(&feld, d.antwort.as_deref().unwrap_or_default())
        .to_owned();
    let a = haeufigkeit::auszaehlen(e, &feld, None);
    let Some(r) = a.rang(&antwort) else {
        s.fehler.push(Rechenfehler::NichtBerechenbar {
            name: d.name.clone(),
            titel: d.titel.clone(),
            grund: format!("kein Steckbrief gibt „{antwort}“ bei „{}“ an", label(&feld)),
        });
        return;
    };
    let def = definition(
        d,
        format!(
            "Platz von „{antwort}“ unter den Antworten zu „{}“ nach Zahl der Steckbriefe ({}).",
            label(&feld),
            a.text()
        ),
    );
    s.anzahl(&d.name, &d.titel, &def, r as u32);
    s.belegen(&d.name, a.beleg(&antwort));
}
