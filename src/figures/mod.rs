//! Every figure the report quotes: a name, a definition (what is counted,
//! over which set, with which denominator) and the value computed from the
//! edition's data. Prose, tables, charts and claims all read from here.

mod definiert;
pub mod format;
pub mod haeufigkeit;
pub mod pruefen;

use serde::Serialize;

use crate::model::Edition;
use crate::projekt::Projektpfade;

/// What kind of number a figure is; decides how it is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Einheit {
    /// A count of Landkreise, projects, sheets.
    Anzahl,
    /// A share between 0 and 1, printed as percent.
    Anteil,
    /// An average or other decimal quantity.
    Dezimal,
    /// A correlation coefficient between −1 and 1.
    Koeffizient,
    /// A range from the smallest to the largest value of a set.
    Spanne,
}

/// What a figure or statement counts, shown with its evidence on the
/// website: the fact sheets (by id) or the rows of Tabelle 1 (by Landkreis).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Beleg {
    /// `was`: what the sheets have in common, e.g. „Steckbriefe mit „LLM“ bei „Technologien““.
    Steckbriefe {
        was: String,
        ids: Vec<String>,
    },
    Landkreise {
        was: String,
        namen: Vec<String>,
    },
}

impl Beleg {
    /// The sheets that name product `name` in the project name or under
    /// „Anbieter/Produkt“.
    pub fn produkt(name: &str, ids: Vec<String>) -> Beleg {
        let was = format!("Steckbriefe mit „{name}“ im Projektnamen oder bei „Anbieter/Produkt“");
        Beleg::Steckbriefe { was, ids }
    }
}

/// A computed figure.
#[derive(Debug, Clone, Serialize)]
pub struct Kennzahl {
    pub name: String,
    /// Short German title, e.g. "Anteil der Projekte mit RPA".
    pub titel: String,
    /// How it is computed, in German, with the set and the denominator.
    pub definition: String,
    pub einheit: Einheit,
    /// The value (for a range: its lower end).
    pub wert: f64,
    /// For a range: its upper end.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bis: Option<f64>,
    /// For a share: numerator and denominator.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zaehler: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nenner: Option<u32>,
    /// What it counts (not part of the layout's contract).
    #[serde(skip)]
    pub belege: Vec<Beleg>,
}

impl Kennzahl {
    /// The value as the report prints it (German typography).
    pub fn text(&self) -> String {
        match self.einheit {
            Einheit::Anzahl => format::ganzzahl(self.wert),
            Einheit::Anteil => format::prozent(self.wert, 0),
            Einheit::Dezimal => format::dezimal(self.wert, 1),
            Einheit::Koeffizient => format::dezimal(self.wert, 2),
            Einheit::Spanne => format!(
                "{} bis {}",
                format::dezimal(self.wert, 1),
                format::dezimal(self.bis.unwrap_or(self.wert), 1)
            ),
        }
    }

    /// The value in full, for `figures` and `check`: `38,6 % (22 von 57)`.
    pub fn text_genau(&self) -> String {
        match (self.einheit, self.zaehler, self.nenner) {
            (Einheit::Anteil, Some(z), Some(n)) => {
                format!("{} ({z} von {n})", format::prozent(self.wert, 1))
            }
            (Einheit::Anteil, _, _) => format::prozent(self.wert, 1),
            (Einheit::Dezimal, _, _) => format::dezimal(self.wert, 3),
            (Einheit::Koeffizient, _, _) => format::dezimal(self.wert, 3),
            (Einheit::Spanne, _, _) => format!(
                "{} bis {}",
                format::dezimal(self.wert, 2),
                format::dezimal(self.bis.unwrap_or(self.wert), 2)
            ),
            _ => self.text(),
        }
    }
}

/// All figures of an edition, in a stable order.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Kennzahlen {
    pub liste: Vec<Kennzahl>,
    /// The figures the data cannot give (division by zero, no finite
    /// value): an error wherever the text, a chart or the layout uses one,
    /// "nicht berechenbar" in `figures` otherwise.
    #[serde(skip)]
    pub nicht_berechenbar: Vec<Rechenfehler>,
}

impl Kennzahlen {
    pub fn get(&self, name: &str) -> Option<&Kennzahl> {
        self.liste.iter().find(|k| k.name == name)
    }

    /// Why figure `name` cannot be computed, if it is one of those.
    pub fn warum_nicht(&self, name: &str) -> Option<&Rechenfehler> {
        self.nicht_berechenbar
            .iter()
            .find(|f| f.kennzahl() == Some(name))
    }

    /// The figure `name`, or why there is none (unknown, or not computable).
    pub fn kennzahl(&self, name: &str) -> Result<&Kennzahl, Rechenfehler> {
        self.get(name).ok_or_else(|| {
            self.warum_nicht(name)
                .cloned()
                .unwrap_or_else(|| Rechenfehler::Unbekannt(name.to_owned()))
        })
    }

    pub fn namen(&self) -> impl Iterator<Item = &str> {
        self.liste.iter().map(|k| k.name.as_str())
    }

    /// The value of a figure; an unknown or not computable one is an
    /// error, never 0.
    pub fn wert(&self, name: &str) -> Result<f64, Rechenfehler> {
        self.kennzahl(name).map(|k| k.wert)
    }
}

/// Why a figure cannot be computed. A figure is a finite number or an error,
/// never a silently wrong value.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Rechenfehler {
    #[error("unbekannte Kennzahl „{0}“")]
    Unbekannt(String),
    #[error(
        "Kennzahl {name} ({titel}) ist nicht berechenbar: Division durch null – {nenner} ist 0"
    )]
    DivisionDurchNull {
        name: String,
        titel: String,
        nenner: String,
    },
    #[error("Kennzahl {name} ({titel}) ist nicht berechenbar: {grund}")]
    NichtBerechenbar {
        name: String,
        titel: String,
        grund: String,
    },
}

impl Rechenfehler {
    /// The figure it is about (none for an unknown name).
    pub fn kennzahl(&self) -> Option<&str> {
        match self {
            Rechenfehler::Unbekannt(_) => None,
            Rechenfehler::DivisionDurchNull { name, .. }
            | Rechenfehler::NichtBerechenbar { name, .. } => Some(name),
        }
    }

    /// As a diagnostic at the data file the figure is computed from.
    pub fn diagnose(&self, edition: &str) -> crate::diagnostics::Diagnose {
        let datei = Projektpfade::ausgabe(edition);
        crate::diagnostics::Diagnose::neu(datei, self.to_string()).hilfe(
            "Die Daten ergeben für diese Kennzahl keinen Wert. Prüfen Sie die genannten Daten; \
             kataster-report figures zeigt die Definitionen.",
        )
    }
}

struct Sammler {
    liste: Vec<Kennzahl>,
    fehler: Vec<Rechenfehler>,
}

impl Sammler {
    /// Keeps a figure; a value that is not finite is an error.
    fn aufnehmen(&mut self, k: Kennzahl) {
        if !k.wert.is_finite() || k.bis.is_some_and(|b| !b.is_finite()) {
            self.fehler.push(Rechenfehler::NichtBerechenbar {
                name: k.name.clone(),
                titel: k.titel.clone(),
                grund: "der Wert ist keine endliche Zahl".into(),
            });
        }
        self.liste.push(k);
    }

    /// Records what the figure just taken in counts.
    fn belegen(&mut self, name: &str, beleg: Beleg) {
        if let Some(k) = self.liste.last_mut().filter(|k| k.name == name) {
            k.belege.push(beleg);
        }
    }

    /// `zaehler / nenner` for the figure `name`; a zero denominator is an error.
    fn teilen(&mut self, name: &str, titel: &str, zaehler: f64, nenner: f64, was: &str) -> f64 {
        if nenner == 0.0 {
            self.fehler.push(Rechenfehler::DivisionDurchNull {
                name: name.into(),
                titel: titel.into(),
                nenner: was.into(),
            });
            return 0.0;
        }
        zaehler / nenner
    }

    fn zahl(&mut self, name: &str, einheit: Einheit, titel: &str, definition: &str, wert: f64) {
        self.aufnehmen(Kennzahl {
            name: name.into(),
            titel: titel.into(),
            definition: definition.into(),
            einheit,
            wert,
            bis: None,
            zaehler: None,
            nenner: None,
            belege: Vec::new(),
        });
    }

    fn anzahl(&mut self, name: &str, titel: &str, definition: &str, n: u32) {
        self.zahl(name, Einheit::Anzahl, titel, definition, f64::from(n));
    }

    fn anteil(&mut self, name: &str, titel: &str, definition: &str, z: u32, n: u32, was: &str) {
        let wert = self.teilen(name, titel, f64::from(z), f64::from(n), was);
        self.aufnehmen(Kennzahl {
            name: name.into(),
            titel: titel.into(),
            definition: definition.into(),
            einheit: Einheit::Anteil,
            wert,
            bis: None,
            zaehler: Some(z),
            nenner: Some(n),
            belege: Vec::new(),
        });
    }
}

/// Pearson's correlation coefficient; NaN (an error where it is used) when
/// a variable does not vary or there are fewer than two pairs.
pub fn korrelation(paare: &[(f64, f64)]) -> f64 {
    let n = paare.len() as f64;
    if n < 2.0 {
        return f64::NAN;
    }
    let mx = paare.iter().map(|p| p.0).sum::<f64>() / n;
    let my = paare.iter().map(|p| p.1).sum::<f64>() / n;
    let sxy: f64 = paare.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum();
    let sxx: f64 = paare.iter().map(|p| (p.0 - mx).powi(2)).sum();
    let syy: f64 = paare.iter().map(|p| (p.1 - my).powi(2)).sum();
    if sxx == 0.0 || syy == 0.0 {
        f64::NAN
    } else {
        sxy / (sxx * syy).sqrt()
    }
}

/// The technology figures: (figure name, short form in the vocabulary).
pub const TECHNOLOGIEN: &[(&str, &str)] = &[
    ("anteil_rpa", "RPA"),
    ("anteil_llm", "LLM"),
    ("anteil_chatbot", "ChatBot"),
    ("anteil_voicebot", "VoiceBot"),
    ("anteil_rag", "RAG"),
    ("anteil_dms", "DMS"),
];

/// The operating-model figures: (figure name, short form in the vocabulary).
pub const BETRIEBSMODELLE: &[(&str, &str)] = &[
    ("anteil_on_prem", "On-Premises"),
    ("anteil_cloud", "Cloud/SaaS"),
    ("anteil_hybrid", "Hybrid"),
    ("anteil_datenzentrale", "Kommunale Datenzentrale"),
    ("anteil_externes_hosting", "Externes Hosting"),
    ("anteil_betriebsmodell_sonstiges", "Sonstiges"),
];

/// Computes every figure of the edition. A figure the data cannot give
/// (division by zero, overflow, no finite value) is kept as "nicht
/// berechenbar" and is an error wherever it is used; a definition that
/// names an unknown figure is an error here.
pub fn berechne(e: &Edition) -> Result<Kennzahlen, Vec<Rechenfehler>> {
    let mut s = Sammler {
        liste: Vec::new(),
        fehler: Vec::new(),
    };
    definiert::berechnen(&mut s, e);
    // An unknown name (a definition referring to a missing figure) is an
    // error of the data; a figure the data cannot give only where it is used.
    if s.fehler.iter().any(|f| f.kennzahl().is_none()) {
        return Err(s.fehler);
    }
    Ok(Kennzahlen {
        liste: s.liste,
        nicht_berechenbar: s.fehler,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn korrelation_bekannter_werte() {
        assert!((korrelation(&[(1.0, 2.0), (2.0, 4.0), (3.0, 6.0)]) - 1.0).abs() < 1e-12);
        assert!((korrelation(&[(1.0, 3.0), (2.0, 2.0), (3.0, 1.0)]) + 1.0).abs() < 1e-12);
        assert!(korrelation(&[(1.0, 1.0), (1.0, 2.0)]).is_nan());
        assert!(korrelation(&[(1.0, 1.0)]).is_nan());
    }
}
