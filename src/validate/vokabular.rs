//! The vocabulary's own lists: a `variante_von` names a value of its list
//! (an error otherwise), and two values of a list that are nearly the same
//! (a typo, or a published spelling variant not marked as one) are a
//! warning: the questionnaire would offer both as separate choices.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnose, vorschlag};
use crate::load::{Datei, Orter};
use crate::model::{Vokabular, VokabularEintrag};

/// How alike two values must be to count as nearly the same (normalised
/// Damerau-Levenshtein on the letters and digits, lower case).
const AEHNLICH: f64 = 0.9;

/// A value's letters and digits in lower case: "HanIT" and "Han-IT" alike.
fn kern(wert: &str) -> String {
    wert.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn fast_gleich(a: &str, b: &str) -> bool {
    let (a, b) = (kern(a), kern(b));
    a.chars().count() >= 6 && strsim::normalized_damerau_levenshtein(&a, &b) >= AEHNLICH
}

/// Every `variante_von` that names no value of its list.
pub fn pruefe_varianten(
    v: &Vokabular,
    datei: &Path,
    dateien: &BTreeMap<PathBuf, Datei>,
) -> Vec<Diagnose> {
    let orter = Orter { dateien };
    let mut out = Vec::new();
    for name in Vokabular::NAMEN {
        let liste = v.liste(name).unwrap_or_default();
        for (i, e) in liste.iter().enumerate() {
            let Some(von) = &e.variante_von else { continue };
            if liste
                .iter()
                .any(|x| &x.wert == von && x.variante_von.is_none())
            {
                continue;
            }
            let schritte = [*name, &i.to_string(), "variante_von"];
            let d = orter.bei(
                datei,
                &schritte,
                &format!("{name}[{i}].variante_von"),
                format!("„{von}“ ist kein Wert der Liste „{name}“ (oder selbst eine Variante)"),
            );
            let werte = liste.iter().map(|x| x.wert.as_str());
            out.push(match vorschlag(von, werte) {
                Some(w) => d.hilfe(format!("meinten Sie „{w}“?")),
                None => d.hilfe("Nennen Sie die Hauptform, genau wie sie in der Liste steht."),
            });
        }
    }
    out
}

/// Pairs of nearly equal values in a list, the later one not marked as a
/// variant: a warning at the later one.
pub fn fast_gleiche_werte(
    v: &Vokabular,
    datei: &Path,
    dateien: &BTreeMap<PathBuf, Datei>,
) -> Vec<Diagnose> {
    let orter = Orter { dateien };
    let mut out = Vec::new();
    for name in Vokabular::NAMEN {
        let liste: &[VokabularEintrag] = v.liste(name).unwrap_or_default();
        for (i, e) in liste.iter().enumerate() {
            let Some(frueher) = liste[..i].iter().find(|x| fast_gleich(&x.wert, &e.wert)) else {
                continue;
            };
            if e.variante_von.is_some() || frueher.variante_von.is_some() {
                continue;
            }
            let schritte = [*name, &i.to_string(), "wert"];
            let d = orter
                .bei(
                    datei,
                    &schritte,
                    &format!("{name}[{i}]"),
                    format!(
                        "„{}“ ist fast gleich „{}“ derselben Liste; der Fragebogen böte beide an",
                        e.wert, frueher.wert
                    ),
                )
                .hilfe(format!(
                    "Ein Tippfehler? Dann korrigieren Sie ihn (auch in den Steckbriefen). Ist es \
                     eine veröffentlichte Schreibvariante, tragen Sie darunter `variante_von: \
                     \"{}\"` ein.",
                    frueher.wert
                ))
                .als_warnung();
            out.push(d);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_gleich_sind_nur_schreibvarianten() {
        assert!(fast_gleich(
            "kommunale Datenzentrale (z. B. KDO, Itebo, hanIT, KDG, IT-Verbund)",
            "kommunale Datenzentrale (z. B. KDO, Itebo, han-nIT, KDG, IT-Verbund)"
        ));
        assert!(fast_gleich("Verwaltungsleitung", "Verwaltungsleitnug"));
        for (a, b) in [
            ("Ja", "Nein"),
            ("Ja, informell.", "Ja, mit schriftlicher Vereinbarung"),
            (
                "ist unbekannt",
                "ist bekannt (bitte im Kommentarfeld eintragen)",
            ),
            ("Geplant", "Abgeschlossen"),
        ] {
            assert!(!fast_gleich(a, b), "{a} / {b}");
        }
    }
}
