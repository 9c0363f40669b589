//! The figures an edition defines in `kennzahlen.yaml`, checked when they
//! are loaded: each kind has its parameters, the fields, answers, columns
//! and products it names exist, names are unique.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnose, vorschlag};
use crate::load::{Datei, Orter};
use crate::model::{FELDER, Vokabular};
use crate::validate::vorige_gleiche;

/// The figures defined in `kennzahlen.yaml`: each kind has its parameters,
/// fields are choice fields of a fact sheet, answers, columns and products
/// are known, names are unique. Every problem at its place, with a proposal.
pub fn pruefe_definitionen(
    defs: &[crate::model::KennzahlDefinition],
    vokabular: &Vokabular,
    dateien: &BTreeMap<PathBuf, Datei>,
    datei: &Path,
) -> Vec<Diagnose> {
    let orter = Orter { dateien };
    let mut out = Vec::new();
    let doppelt = vorige_gleiche(defs.iter().map(|d| d.name.as_str()));
    for (i, (d, erste)) in defs.iter().zip(doppelt).enumerate() {
        let idx = i.to_string();
        let bei = |feld: &str, m: String| orter.bei(datei, &["kennzahlen", &idx, feld], feld, m);
        if erste.is_some() {
            out.push(bei(
                "name",
                format!("die Kennzahl „{}“ ist zweimal definiert", d.name),
            ));
        }
        for (feld, fehlt) in definitions_parameter(d) {
            out.push(bei(feld, fehlt));
        }
        out.extend(definitions_bezuege(d, vokabular, &bei));
    }
    out
}

/// Answer of a choice field, columns and product of one definition: each
/// must exist, a near miss is proposed.
fn definitions_bezuege(
    d: &crate::model::KennzahlDefinition,
    vokabular: &Vokabular,
    bei: &dyn Fn(&str, String) -> Diagnose,
) -> Vec<Diagnose> {
    let mit_vorschlag =
        |feld: &str, m: String, eingabe: &str, bekannt: &mut dyn Iterator<Item = &str>| {
            match vorschlag(eingabe, bekannt) {
                Some(v) => bei(feld, m).hilfe(format!("meinten Sie „{v}“?")),
                None => bei(feld, m),
            }
        };
    let mut out = Vec::new();
    let paare = [
        (&d.feld, &d.antwort, "feld", "antwort"),
        (
            &d.gruppenfeld,
            &d.gruppenantwort,
            "gruppenfeld",
            "gruppenantwort",
        ),
    ];
    for (feld, antwort, fname, aname) in paare {
        let Some(feld) = feld else { continue };
        let liste = FELDER
            .iter()
            .find(|f| f.schluessel == feld)
            .and_then(|f| f.art.vokabular())
            .and_then(|v| vokabular.liste(v));
        let Some(liste) = liste else {
            let m = format!("„{feld}“ ist kein Auswahlfeld eines Steckbriefs");
            let mut auswahl = FELDER
                .iter()
                .filter(|f| f.art.vokabular().is_some())
                .map(|f| f.schluessel);
            out.push(mit_vorschlag(fname, m, feld, &mut auswahl));
            continue;
        };
        if let Some(a) = antwort {
            let mut namen = liste
                .iter()
                .flat_map(|e| [e.wert.as_str()].into_iter().chain(e.kurz.as_deref()));
            if !liste
                .iter()
                .any(|e| e.wert == *a || e.kurz.as_ref() == Some(a))
            {
                let m = format!("„{a}“ ist keine Antwort im Feld {feld}");
                out.push(mit_vorschlag(aname, m, a, &mut namen));
            }
        }
    }
    let spalten = d
        .spalte
        .iter()
        .chain(d.gegen.iter())
        .chain(d.spalten.iter().flatten());
    let namen = crate::model::tabelle::zahlenspalten();
    for sp in spalten.filter(|sp| !namen.contains(&sp.as_str())) {
        let m = format!("„{sp}“ ist keine Spalte der Tabelle 1");
        let feld = if d.spalte.as_ref() == Some(sp) {
            "spalte"
        } else {
            "spalten"
        };
        out.push(mit_vorschlag(feld, m, sp, &mut namen.iter().copied()));
    }
    if let Some(p) = &d.produkt
        && !vokabular.produkte.iter().any(|x| &x.id == p)
    {
        let m = format!("„{p}“ ist kein Produkt aus vokabular.yaml (produkte)");
        out.push(mit_vorschlag(
            "produkt",
            m,
            p,
            &mut vokabular.produkte.iter().map(|x| x.id.as_str()),
        ));
    }
    out
}

/// The parameters a kind of figure needs and does not have.
fn definitions_parameter(d: &crate::model::KennzahlDefinition) -> Vec<(&'static str, String)> {
    use crate::model::KennzahlArt as A;
    let noetig: &[(&str, bool)] = match d.art {
        A::Anzahl | A::Anteil | A::Rang => {
            &[("feld", d.feld.is_some()), ("antwort", d.antwort.is_some())]
        }
        A::AnteilInGruppe => &[
            ("feld", d.feld.is_some()),
            ("antwort", d.antwort.is_some()),
            ("gruppenfeld", d.gruppenfeld.is_some()),
            ("gruppenantwort", d.gruppenantwort.is_some()),
        ],
        A::Nennungen | A::Landkreise => &[("produkt", d.produkt.is_some())],
        A::Ausgabe => &[(
            "angabe",
            matches!(
                d.angabe.as_deref(),
                Some("landkreise_niedersachsen" | "sitzungen")
            ),
        )],
        A::Zeilen | A::Steckbriefe => &[],
        A::Summe | A::Mittel | A::SpanneUnterMittel => &[("spalte", d.spalte.is_some())],
        A::Korrelation => &[
            ("spalten", d.spalten.is_some()),
            ("gegen", d.gegen.is_some()),
        ],
        A::Quotient => &[
            ("zaehler", d.zaehler.is_some()),
            ("nenner", d.nenner.is_some()),
        ],
    };
    noetig
        .iter()
        .filter(|(_, da)| !da)
        .map(|(f, _)| {
            let art = serde_json::to_value(d.art).unwrap_or_default();
            (*f, format!("die Art {art} braucht „{f}“"))
        })
        .collect()
}
