//! `data/<edition>/umfrage.yaml`: which question of a survey becomes which
//! field, and which answer becomes which vocabulary value. Without the file
//! the import uses the codes of the questionnaire ([`Zuordnung::standard`]);
//! `survey map` proposes one for any other survey by matching texts.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::fragebogen::{self, KENNUNG};
use super::lss::{Option_, Umfrage};
use crate::model::{FELDER, Vokabular, tabelle::SPALTEN as TABELLE_1};

/// Datei `umfrage.yaml`: die Zuordnung einer LimeSurvey-Umfrage zu den
/// Daten. Schlüssel sind Feldnamen, Werte Fragecodes der Umfrage.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Zuordnung {
    /// Code der Frage, die den Landkreis nennt.
    pub landkreis: String,
    /// Code der Frage nach der Kennung eines fortgeführten Projekts (leer:
    /// die Kennung entsteht aus Landkreis und Projektname).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kennung: Option<String>,
    /// Tabelle 1: Feld (`organisationseinheit`, `gesamtverantwortung`,
    /// `ki_strategie`, `digitalstrategie_mit_ki`, `dienstanweisung`, `vzae`,
    /// `abgeschlossen`, `in_umsetzung`, `geplant`) → Fragecode.
    #[serde(default)]
    pub tabelle: BTreeMap<String, String>,
    /// Steckbrief: Feld (z. B. `projektstatus`) → Fragecode. Ein Feld ohne
    /// Eintrag wird nicht übernommen.
    #[serde(default)]
    pub felder: BTreeMap<String, String>,
    /// Je Fragecode: Antwort- oder Teilfragencode → Wert des Vokabulars. Ohne
    /// Eintrag gilt der Text der Antwort.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub antworten: BTreeMap<String, BTreeMap<String, String>>,
}

impl Zuordnung {
    /// The questionnaire's own codes.
    pub fn standard() -> Zuordnung {
        Zuordnung {
            landkreis: "LK".into(),
            kennung: Some(KENNUNG.into()),
            tabelle: TABELLE_1
                .iter()
                .map(|s| (s.kurz.into(), s.frage.code.into()))
                .collect(),
            felder: FELDER
                .iter()
                .map(|f| (f.schluessel.into(), fragebogen::frage_code(f.schluessel)))
                .collect(),
            antworten: BTreeMap::new(),
        }
    }

    /// The vocabulary value an answer or subquestion of question `code`
    /// stands for.
    pub fn wert(&self, code: &str, o: &Option_) -> String {
        self.antworten
            .get(code)
            .and_then(|m| m.get(&o.code))
            .cloned()
            .unwrap_or_else(|| o.text.clone())
    }
}

/// A text for matching: lower case, letters and digits only.
fn schluessel(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The question whose text matches `bezeichnung` best: the same text, or
/// one that contains it; `None` if none does.
fn passende<'a>(u: &'a Umfrage, bezeichnung: &str, vergeben: &[String]) -> Option<&'a str> {
    let b = schluessel(bezeichnung);
    let frei = |f: &&super::lss::Frage| !vergeben.contains(&f.code);
    u.questions
        .iter()
        .filter(frei)
        .find(|f| schluessel(&f.text) == b || f.code.eq_ignore_ascii_case(bezeichnung))
        .or_else(|| {
            u.questions
                .iter()
                .filter(frei)
                .filter(|f| !b.is_empty() && schluessel(&f.text).contains(&b))
                .min_by_key(|f| f.text.len())
        })
        .map(|f| f.code.as_str())
}

/// A proposal for `umfrage.yaml`: questions matched to fields by their text
/// (the field's label in the report), answers to vocabulary values by their
/// text. Returns what could not be matched, as sentences.
pub fn vorschlagen(u: &Umfrage, v: &Vokabular) -> (Zuordnung, Vec<String>) {
    let mut z = Zuordnung::default();
    let mut offen = Vec::new();
    let mut vergeben: Vec<String> = Vec::new();
    let nehmen = |bezeichnung: &str, vergeben: &mut Vec<String>| {
        let c = passende(u, bezeichnung, vergeben).map(str::to_owned);
        if let Some(c) = &c {
            vergeben.push(c.clone());
        }
        c
    };
    match nehmen("Landkreis", &mut vergeben) {
        Some(c) => z.landkreis = c,
        None => offen.push("keine Frage nach dem Landkreis (Text „Landkreis“)".into()),
    }
    z.kennung = nehmen("Kennung", &mut vergeben);
    for s in TABELLE_1 {
        let (feld, text) = (s.kurz, s.frage.text);
        match nehmen(text, &mut vergeben) {
            Some(c) => {
                z.tabelle.insert(feld.into(), c);
            }
            None => offen.push(format!("Tabelle 1, Feld {feld}: keine Frage „{text}“")),
        }
    }
    for f in FELDER {
        let Some(c) = nehmen(f.bezeichnung, &mut vergeben) else {
            offen.push(format!(
                "Steckbrief, Feld {}: keine Frage „{}“",
                f.schluessel, f.bezeichnung
            ));
            continue;
        };
        if let Some(name) = f.art.vokabular() {
            antworten_zuordnen(u, v, &c, name, &mut z, &mut offen);
        }
        z.felder.insert(f.schluessel.into(), c);
    }
    (z, offen)
}

/// Answers and subquestions of question `code` to the values of
/// vocabulary `name`: the same text is taken as it is; a text that matches
/// only loosely is entered in `antworten`; none is reported.
fn antworten_zuordnen(
    u: &Umfrage,
    v: &Vokabular,
    code: &str,
    name: &str,
    z: &mut Zuordnung,
    offen: &mut Vec<String>,
) {
    let Some(frage) = u.questions.iter().find(|f| f.code == code) else {
        return;
    };
    let werte: Vec<&str> = v
        .liste(name)
        .unwrap_or_default()
        .iter()
        .map(|e| e.wert.as_str())
        .collect();
    for o in frage.answers.iter().chain(&frage.subquestions) {
        if werte.contains(&o.text.as_str()) {
            continue;
        }
        match werte.iter().find(|w| schluessel(w) == schluessel(&o.text)) {
            Some(w) => {
                z.antworten
                    .entry(code.to_owned())
                    .or_default()
                    .insert(o.code.clone(), (*w).to_owned());
            }
            None => offen.push(format!(
                "Frage {code}, Antwort {} „{}“: kein Wert im Vokabular {name} (wird als \
                 „Sonstiges“ übernommen, oder tragen Sie einen Wert unter antworten ein)",
                o.code, o.text
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_nennt_jedes_feld() {
        let z = Zuordnung::standard();
        assert_eq!(z.felder.len(), FELDER.len());
        assert_eq!(z.tabelle.len(), 9);
        assert_eq!(z.felder["anbieter_produkt"], "anbieterProdukt");
    }
}
