//! Every figure the report quotes: a name, a definition (what is counted,
//! over which set, with which denominator) and the value computed from the
//! edition's data. Prose, tables, charts and claims all read from here.

pub mod format;
pub mod haeufigkeit;

use serde::Serialize;

use crate::model::{Edition, Landkreis, Steckbrief};

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
#[derive(Debug, Clone, Serialize)]
pub struct Kennzahlen {
    pub liste: Vec<Kennzahl>,
}

impl Kennzahlen {
    pub fn get(&self, name: &str) -> Option<&Kennzahl> {
        self.liste.iter().find(|k| k.name == name)
    }

    pub fn namen(&self) -> impl Iterator<Item = &str> {
        self.liste.iter().map(|k| k.name.as_str())
    }

    /// The value of a figure; an unknown name is an error, never 0.
    pub fn wert(&self, name: &str) -> Result<f64, Rechenfehler> {
        self.get(name)
            .map(|k| k.wert)
            .ok_or_else(|| Rechenfehler::Unbekannt(name.to_owned()))
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
    /// As a diagnostic at the data file the figure is computed from.
    pub fn diagnose(&self, edition: &str) -> crate::diagnostics::Diagnose {
        let datei = std::path::Path::new("data").join(edition);
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

fn zaehle<'a>(l: &'a [Landkreis], f: impl Fn(&'a Landkreis) -> bool) -> u32 {
    l.iter().filter(|x| f(x)).count() as u32
}

/// A column of Tabelle 1 summed with checked arithmetic: an overflow is an
/// error, never a wrapped number. (The loader bounds each cell, see README.)
fn spaltensumme(s: &mut Sammler, name: &str, lk: &[Landkreis], f: fn(&Landkreis) -> u32) -> u32 {
    let summe = lk.iter().try_fold(0u32, |a, l| a.checked_add(f(l)));
    summe.unwrap_or_else(|| {
        s.fehler.push(Rechenfehler::NichtBerechenbar {
            name: name.into(),
            titel: "Summe der Tabelle 1".into(),
            grund: "die Summe ist zu groß (Überlauf)".into(),
        });
        0
    })
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

/// Computes every figure of the edition; every figure that cannot be
/// computed (division by zero, overflow, no finite value) is an error.
pub fn berechne(e: &Edition) -> Result<Kennzahlen, Vec<Rechenfehler>> {
    let mut s = Sammler {
        liste: Vec::new(),
        fehler: Vec::new(),
    };
    landkreise(&mut s, e);
    projekte(&mut s, &e.landkreise);
    vzae(&mut s, &e.landkreise);
    strategien(&mut s, &e.landkreise);
    let sb: Vec<&Steckbrief> = e.alle_steckbriefe().map(|(_, s)| s).collect();
    s.anzahl(
        "steckbriefe_gesamt",
        "Projektsteckbriefe",
        "Zahl der veröffentlichten Projektsteckbriefe.",
        sb.len() as u32,
    );
    technologien(&mut s, &sb);
    definierte(&mut s, e);
    if s.fehler.is_empty() {
        Ok(Kennzahlen { liste: s.liste })
    } else {
        Err(s.fehler)
    }
}

/// Participation and coverage.
fn landkreise(s: &mut Sammler, e: &Edition) {
    let lk = &e.landkreise;
    let nds = e.meta.landkreise_niedersachsen;
    let auswertbar = zaehle(lk, |l| l.projekte.summe() > 0);
    s.anzahl(
        "landkreise_niedersachsen",
        "Landkreise in Niedersachsen",
        "Zahl der Landkreise Niedersachsens einschließlich Region Hannover (edition.yaml).",
        nds,
    );
    s.anzahl(
        "sitzungen",
        "Sitzungen der Arbeitsgruppe",
        "Zahl der Sitzungstermine der Arbeitsgruppe (edition.yaml).",
        e.meta.sitzungen.len() as u32,
    );
    s.anzahl(
        "landkreise_teilnehmend",
        "Teilnehmende Landkreise",
        "Landkreise, die an der Umfrage teilgenommen haben: Zeilen der Tabelle 1.",
        lk.len() as u32,
    );
    s.anzahl(
        "landkreise_auswertbar",
        "Auswertbare Landkreise",
        "Landkreise der Tabelle 1, die mindestens ein Projekt gemeldet haben.",
        auswertbar,
    );
    s.anteil(
        "abdeckung",
        "Abdeckung der Landkreise Niedersachsens",
        "Auswertbare Landkreise geteilt durch die Landkreise Niedersachsens.",
        auswertbar,
        nds,
        "landkreise_niedersachsen in edition.yaml",
    );
}

/// Project counts of Tabelle 1.
fn projekte(s: &mut Sammler, lk: &[Landkreis]) {
    let abgeschlossen = spaltensumme(s, "projekte_abgeschlossen", lk, |l| {
        l.projekte.abgeschlossen
    });
    let umsetzung = spaltensumme(s, "projekte_in_umsetzung", lk, |l| l.projekte.in_umsetzung);
    let geplant = spaltensumme(s, "projekte_geplant", lk, |l| l.projekte.geplant);
    let gesamt = spaltensumme(s, "projekte_gesamt", lk, |l| l.projekte.summe());
    s.anzahl(
        "projekte_gesamt",
        "Projekte insgesamt",
        "Summe aller Projekte der Tabelle 1 (abgeschlossen, in Umsetzung, geplant).",
        gesamt,
    );
    s.anzahl(
        "projekte_abgeschlossen",
        "Abgeschlossene Projekte",
        "Summe der Spalte „abgeschlossen“ der Tabelle 1.",
        abgeschlossen,
    );
    s.anzahl(
        "projekte_in_umsetzung",
        "Projekte in Umsetzung",
        "Summe der Spalte „in Umsetzung“ der Tabelle 1.",
        umsetzung,
    );
    s.anzahl(
        "projekte_geplant",
        "Geplante Projekte",
        "Summe der Spalte „geplant“ der Tabelle 1.",
        geplant,
    );
    let titel = "Projekte je Landkreis";
    let je = s.teilen(
        "projekte_je_landkreis",
        titel,
        f64::from(gesamt),
        lk.len() as f64,
        "die Zahl der Zeilen in landkreise.yaml",
    );
    s.zahl(
        "projekte_je_landkreis",
        Einheit::Dezimal,
        titel,
        "Projekte insgesamt geteilt durch die teilnehmenden Landkreise (alle Zeilen der \
         Tabelle 1, auch ohne Projekt; wie der Durchschnitt Ø VZÄ der Tabelle).",
        je,
    );
}

/// VZÄ: sum, mean, the range of the sparsely staffed Landkreise.
fn vzae(s: &mut Sammler, lk: &[Landkreis]) {
    let summe: f64 = lk.iter().map(|l| l.vzae.0).sum();
    let titel = "Ø VZÄ für KI je Landkreis";
    let mittel = s.teilen(
        "vzae_mittel",
        titel,
        summe,
        lk.len() as f64,
        "die Zahl der Zeilen in landkreise.yaml",
    );
    s.zahl(
        "vzae_mittel",
        Einheit::Dezimal,
        titel,
        "Summe der VZÄ für KI geteilt durch die teilnehmenden Landkreise (alle Zeilen der \
         Tabelle 1, wie die Zeile „Ø“ der Tabelle).",
        mittel,
    );
    s.zahl(
        "vzae_summe",
        Einheit::Dezimal,
        "VZÄ für KI insgesamt",
        "Summe der VZÄ für KI aller Zeilen der Tabelle 1.",
        summe,
    );
    let gering: Vec<f64> = lk
        .iter()
        .map(|l| l.vzae.0)
        .filter(|v| *v > 0.0 && *v < mittel)
        .collect();
    let titel = "VZÄ-Spanne der gering ausgestatteten Landkreise";
    if gering.is_empty() {
        s.fehler.push(Rechenfehler::NichtBerechenbar {
            name: "vzae_spanne_gering".into(),
            titel: titel.into(),
            grund: "kein Landkreis weist mehr als 0, aber weniger als Ø VZÄ aus".into(),
        });
    }
    s.aufnehmen(Kennzahl {
        name: "vzae_spanne_gering".into(),
        titel: titel.into(),
        definition: "Kleinster bis größter VZÄ-Wert der Landkreise, die VZÄ für KI ausweisen \
                     (mehr als 0), aber weniger als den Durchschnitt Ø VZÄ."
            .into(),
        einheit: Einheit::Spanne,
        wert: gering.iter().copied().reduce(f64::min).unwrap_or(0.0),
        bis: Some(gering.iter().copied().reduce(f64::max).unwrap_or(0.0)),
        zaehler: None,
        nenner: None,
    });
}

/// Strategies, instructions and the correlations with the project count.
fn strategien(s: &mut Sammler, lk: &[Landkreis]) {
    s.anzahl(
        "ki_strategie",
        "Landkreise mit KI-Strategie",
        "Zeilen der Tabelle 1 mit eigenständiger KI-Strategie.",
        zaehle(lk, |l| l.ki_strategie),
    );
    s.anzahl(
        "digitalstrategie_mit_ki",
        "Landkreise mit Digitalstrategie mit KI-Teil",
        "Zeilen der Tabelle 1 mit Digitalstrategie mit KI-Teil.",
        zaehle(lk, |l| l.digitalstrategie_mit_ki),
    );
    s.anzahl(
        "dienstanweisung",
        "Landkreise mit Dienstanweisung",
        "Zeilen der Tabelle 1 mit Dienstanweisung zur Nutzung von KI.",
        zaehle(lk, |l| l.dienstanweisung),
    );
    let paare: Vec<(f64, f64)> = lk
        .iter()
        .map(|l| (l.vzae.0, f64::from(l.projekte.summe())))
        .collect();
    s.zahl(
        "korrelation_vzae_projekte",
        Einheit::Koeffizient,
        "Zusammenhang VZÄ und Projektzahl",
        "Korrelationskoeffizient nach Pearson zwischen VZÄ für KI und Zahl der Projekte, \
         über alle Zeilen der Tabelle 1.",
        korrelation(&paare),
    );
    let strategie: Vec<(f64, f64)> = lk
        .iter()
        .map(|l| {
            let hat = l.ki_strategie || l.digitalstrategie_mit_ki;
            (if hat { 1.0 } else { 0.0 }, f64::from(l.projekte.summe()))
        })
        .collect();
    s.zahl(
        "korrelation_strategie_projekte",
        Einheit::Koeffizient,
        "Zusammenhang Strategie und Projektzahl",
        "Korrelationskoeffizient (punktbiserial) zwischen „KI-Strategie oder Digitalstrategie \
         mit KI-Teil vorhanden“ und Zahl der Projekte, über alle Zeilen der Tabelle 1.",
        korrelation(&strategie),
    );
}

/// The sheets that answer the field Technologien (the base of the
/// technology shares in `kennzahlen.yaml`).
fn technologien(s: &mut Sammler, sb: &[&Steckbrief]) {
    let basis: Vec<&&Steckbrief> = sb
        .iter()
        .filter(|s| s.technologien.as_ref().is_some_and(|t| !t.is_empty()))
        .collect();
    let n = basis.len() as u32;
    s.anzahl(
        "steckbriefe_mit_technologie",
        "Steckbriefe mit Angabe der Technologie",
        "Steckbriefe, die das Feld Technologien beantworten.",
        n,
    );
}

/// The figures defined in the edition's `kennzahlen.yaml`, in its order.
fn definierte(s: &mut Sammler, e: &Edition) {
    use crate::model::KennzahlArt as A;
    for d in &e.kennzahl_definitionen {
        let text = |x: &Option<String>| x.clone().unwrap_or_default();
        let (feld, produkt) = (text(&d.feld), text(&d.produkt));
        let antwort = e
            .vokabular
            .kurz(&feld, d.antwort.as_deref().unwrap_or_default())
            .to_owned();
        let label = |f: &str| {
            crate::model::FELDER
                .iter()
                .find(|x| x.schluessel == f)
                .map_or(f.to_owned(), |x| x.bezeichnung.to_owned())
        };
        match d.art {
            A::Anzahl | A::Anteil | A::AnteilInGruppe => {
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
                    let def = format!("Steckbriefe mit „{antwort}“ bei „{}“.", label(&feld));
                    s.anzahl(&d.name, &d.titel, &def, z);
                } else {
                    let def = format!(
                        "Steckbriefe mit „{antwort}“ bei „{}“ geteilt durch {basis}.",
                        label(&feld)
                    );
                    s.anteil(&d.name, &d.titel, &def, z, a.basis, &basis);
                }
            }
            A::Nennungen | A::Landkreise => {
                let Some(p) = e.vokabular.produkte.iter().find(|p| p.id == produkt) else {
                    continue; // reported when the edition loads
                };
                let (z, was) = if d.art == A::Nennungen {
                    (nennungen(e, p), "Steckbriefe")
                } else {
                    let lk = haeufigkeit::landkreise_mit_produkt(e, &produkt).unwrap_or_default();
                    (lk.len() as u32, "Landkreise mit einem Steckbrief")
                };
                let def = format!(
                    "{was}, deren Projektname oder Anbieter/Produkt „{}“ nennt (Suchbegriffe: {}).",
                    p.name,
                    p.suchbegriffe.join(", ")
                );
                s.anzahl(&d.name, &d.titel, &def, z);
            }
        }
    }
}

/// Sheets whose project name or Anbieter/Produkt names the product.
fn nennungen(e: &Edition, p: &crate::model::Produkt) -> u32 {
    e.alle_steckbriefe()
        .filter(|(_, s)| {
            let text = format!(
                "{} {}",
                s.projektname,
                s.anbieter_produkt.as_deref().unwrap_or_default()
            )
            .to_lowercase();
            p.suchbegriffe
                .iter()
                .any(|b| text.contains(&b.to_lowercase()))
        })
        .count() as u32
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
