//! The checks of the map and the charts: every Landkreis of Tabelle 1 is a
//! district of the map, and the status colours of the layout's
//! `gestaltung.yaml` have the contrast WCAG asks of bars.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnose, vorschlag};
use crate::load::{Datei, Orter};
use crate::model::Landkreis;

/// Every Landkreis of Tabelle 1 must be a district on the map (a Landkreis or
/// the Region, by name); otherwise Abbildung 1 would silently leave it out.
pub fn pruefe_kartenbezug(
    landkreise: &[Landkreis],
    kartennamen: &[&str],
    dateien: &BTreeMap<PathBuf, Datei>,
    ordner: &Path,
) -> Vec<Diagnose> {
    let orter = Orter { dateien };
    let datei = ordner.join("landkreise.yaml");
    landkreise
        .iter()
        .enumerate()
        .filter(|(_, l)| !kartennamen.contains(&l.name.as_str()))
        .map(|(i, l)| {
            let d = orter.bei(
                &datei,
                &["landkreise", &i.to_string(), "name"],
                "name",
                format!("„{}“ ist kein Landkreis der Karte Niedersachsens", l.name),
            );
            match vorschlag(&l.name, kartennamen.iter().copied()) {
                Some(v) => d.hilfe(format!("meinten Sie „{v}“?")),
                None => {
                    d.hilfe("Der Name muss wie in data/geo/niedersachsen-kreise.geojson lauten.")
                }
            }
        })
        .collect()
}

/// What is wrong with a layout's `gestaltung.yaml`: a contract version
/// this program does not provide, status colours that miss the non-text
/// contrast of WCAG 2.1 (3:1) against what they border.
pub fn pruefe_gestaltung(
    g: &crate::model::Gestaltung,
    datei: &Path,
    dateien: &BTreeMap<PathBuf, Datei>,
) -> Vec<Diagnose> {
    let orter = Orter { dateien };
    let mut maengel: Vec<Diagnose> = pruefe_vertrag(g, datei, &orter).into_iter().collect();
    let namen = ["abgeschlossen", "in Umsetzung", "geplant"];
    for (i, nachbar, k) in g.kontrastmaengel() {
        let schritt = i.to_string();
        let m = format!(
            "die Farbe für „{}“ ({}) hat zu „{nachbar}“ nur einen Kontrast von {} : 1; \
             Balken brauchen mindestens 3 : 1 (WCAG 2.1, Nicht-Text-Kontrast)",
            namen[i],
            g.status_farben[i].0,
            crate::figures::format::dezimal(k, 2)
        );
        maengel.push(
            orter
                .bei(
                    datei,
                    &["status_farben", &schritt],
                    &format!("status_farben[{i}]"),
                    m,
                )
                .hilfe(
                    "Wählen Sie eine dunklere Farbe oder setzen Sie `trennlinien: true`, dann \
                     grenzt jeder Abschnitt an Weiß.",
                ),
        );
    }
    maengel
}

/// The contract version the layout declares, if this program cannot give it.
fn pruefe_vertrag(g: &crate::model::Gestaltung, datei: &Path, orter: &Orter) -> Option<Diagnose> {
    use crate::vertrag::{SCHEMA_DATEI, VERSION, VERSIONEN};
    if VERSIONEN.contains(&g.vertrag) {
        return None;
    }
    let liefert: Vec<String> = VERSIONEN.iter().map(u32::to_string).collect();
    let m = format!(
        "das Layout liest Vertrag {}; dieses Programm liefert Vertrag {}",
        g.vertrag,
        liefert.join(", ")
    );
    Some(orter.bei(datei, &["vertrag"], "vertrag", m).hilfe(format!(
        "Tragen Sie `vertrag: {VERSION}` ein und passen Sie das Layout an (was es lesen kann, \
         beschreibt {SCHEMA_DATEI}), oder nehmen Sie eine Programmversion, \
         die Vertrag {} liefert.",
        g.vertrag
    )))
}
