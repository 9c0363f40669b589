//! Every figure the report quotes: a name, a definition (what is counted,
//! over which set, with which denominator) and the value computed from the
//! edition's data. Prose, tables, charts and claims all read from here.

pub mod format;

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

    /// The value of a figure; 0 for an unknown name (callers validate names).
    pub fn wert(&self, name: &str) -> f64 {
        self.get(name).map_or(0.0, |k| k.wert)
    }
}

struct Sammler(Vec<Kennzahl>);

impl Sammler {
    fn zahl(&mut self, name: &str, einheit: Einheit, titel: &str, definition: &str, wert: f64) {
        self.0.push(Kennzahl {
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

    fn anteil(&mut self, name: &str, titel: &str, definition: &str, z: u32, n: u32) {
        let wert = if n == 0 {
            0.0
        } else {
            f64::from(z) / f64::from(n)
        };
        self.0.push(Kennzahl {
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

/// Pearson's correlation coefficient; 0 when a variable does not vary.
pub fn korrelation(paare: &[(f64, f64)]) -> f64 {
    let n = paare.len() as f64;
    if n < 2.0 {
        return 0.0;
    }
    let mx = paare.iter().map(|p| p.0).sum::<f64>() / n;
    let my = paare.iter().map(|p| p.1).sum::<f64>() / n;
    let sxy: f64 = paare.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum();
    let sxx: f64 = paare.iter().map(|p| (p.0 - mx).powi(2)).sum();
    let syy: f64 = paare.iter().map(|p| (p.1 - my).powi(2)).sum();
    if sxx == 0.0 || syy == 0.0 {
        0.0
    } else {
        sxy / (sxx * syy).sqrt()
    }
}

fn zaehle<'a>(l: &'a [Landkreis], f: impl Fn(&'a Landkreis) -> bool) -> u32 {
    l.iter().filter(|x| f(x)).count() as u32
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

/// Computes every figure of the edition.
pub fn berechne(e: &Edition) -> Kennzahlen {
    let lk = &e.landkreise;
    let mut s = Sammler(Vec::new());

    let nds = e.meta.landkreise_niedersachsen;
    let teilnehmend = lk.len() as u32;
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
        teilnehmend,
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
    );

    let summe = |f: fn(&Landkreis) -> u32| lk.iter().map(f).sum::<u32>();
    let gesamt = summe(|l| l.projekte.summe());
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
        summe(|l| l.projekte.abgeschlossen),
    );
    s.anzahl(
        "projekte_in_umsetzung",
        "Projekte in Umsetzung",
        "Summe der Spalte „in Umsetzung“ der Tabelle 1.",
        summe(|l| l.projekte.in_umsetzung),
    );
    s.anzahl(
        "projekte_geplant",
        "Geplante Projekte",
        "Summe der Spalte „geplant“ der Tabelle 1.",
        summe(|l| l.projekte.geplant),
    );
    s.zahl(
        "projekte_je_landkreis",
        Einheit::Dezimal,
        "Projekte je Landkreis",
        "Projekte insgesamt geteilt durch die teilnehmenden Landkreise (alle Zeilen der \
         Tabelle 1, auch ohne Projekt; wie der Durchschnitt Ø VZÄ der Tabelle).",
        if teilnehmend == 0 {
            0.0
        } else {
            f64::from(gesamt) / f64::from(teilnehmend)
        },
    );

    let vzae_summe: f64 = lk.iter().map(|l| l.vzae.0).sum();
    s.zahl(
        "vzae_mittel",
        Einheit::Dezimal,
        "Ø VZÄ für KI je Landkreis",
        "Summe der VZÄ für KI geteilt durch die teilnehmenden Landkreise (alle Zeilen der \
         Tabelle 1, wie die Zeile „Ø“ der Tabelle).",
        if teilnehmend == 0 {
            0.0
        } else {
            vzae_summe / f64::from(teilnehmend)
        },
    );
    s.zahl(
        "vzae_summe",
        Einheit::Dezimal,
        "VZÄ für KI insgesamt",
        "Summe der VZÄ für KI aller Zeilen der Tabelle 1.",
        vzae_summe,
    );
    let mittel = if teilnehmend == 0 {
        0.0
    } else {
        vzae_summe / f64::from(teilnehmend)
    };
    let gering: Vec<f64> = lk
        .iter()
        .map(|l| l.vzae.0)
        .filter(|v| *v > 0.0 && *v < mittel)
        .collect();
    s.0.push(Kennzahl {
        name: "vzae_spanne_gering".into(),
        titel: "VZÄ-Spanne der gering ausgestatteten Landkreise".into(),
        definition: "Kleinster bis größter VZÄ-Wert der Landkreise, die VZÄ für KI ausweisen \
                     (mehr als 0), aber weniger als den Durchschnitt Ø VZÄ."
            .into(),
        einheit: Einheit::Spanne,
        wert: gering
            .iter()
            .copied()
            .fold(f64::INFINITY, f64::min)
            .min(f64::MAX),
        bis: Some(gering.iter().copied().fold(0.0, f64::max)),
        zaehler: None,
        nenner: None,
    });

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

    // Fact-sheet figures.
    let sb: Vec<&Steckbrief> = e.alle_steckbriefe().map(|(_, s)| s).collect();
    s.anzahl(
        "steckbriefe_gesamt",
        "Projektsteckbriefe",
        "Zahl der veröffentlichten Projektsteckbriefe.",
        sb.len() as u32,
    );
    let mit_technologie: Vec<&&Steckbrief> = sb
        .iter()
        .filter(|s| s.technologien.as_ref().is_some_and(|t| !t.is_empty()))
        .collect();
    let n_tech = mit_technologie.len() as u32;
    s.anzahl(
        "steckbriefe_mit_technologie",
        "Steckbriefe mit Angabe der Technologie",
        "Steckbriefe, die das Feld Technologien beantworten.",
        n_tech,
    );
    for (name, kurz) in TECHNOLOGIEN {
        let z = mit_technologie
            .iter()
            .filter(|s| {
                s.werte("technologien")
                    .iter()
                    .any(|w| e.vokabular.kurz("technologien", w) == *kurz)
            })
            .count() as u32;
        s.anteil(
            name,
            &format!("Anteil der Projekte mit {kurz}"),
            &format!(
                "Steckbriefe, deren Technologien {kurz} nennen, geteilt durch die Steckbriefe \
                 mit Angabe der Technologie."
            ),
            z,
            n_tech,
        );
    }
    let mit_modell: Vec<&&Steckbrief> = sb.iter().filter(|s| s.betriebsmodell.is_some()).collect();
    let n_modell = mit_modell.len() as u32;
    for (name, kurz) in BETRIEBSMODELLE {
        let z = mit_modell
            .iter()
            .filter(|s| {
                s.werte("betriebsmodell")
                    .iter()
                    .any(|w| e.vokabular.kurz("betriebsmodell", w) == *kurz)
            })
            .count() as u32;
        s.anteil(
            name,
            &format!("Anteil Betriebsmodell {kurz}"),
            &format!(
                "Steckbriefe mit Betriebsmodell „{kurz}“ geteilt durch die Steckbriefe mit \
                 Angabe des Betriebsmodells."
            ),
            z,
            n_modell,
        );
    }
    for p in &e.vokabular.produkte {
        let z = sb
            .iter()
            .filter(|s| {
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
            .count() as u32;
        s.anzahl(
            &format!("nennungen_{}", p.id),
            &format!("Projekte mit {}", p.name),
            &format!(
                "Steckbriefe, deren Projektname oder Anbieter/Produkt „{}“ nennt (Suchbegriffe: {}).",
                p.name,
                p.suchbegriffe.join(", ")
            ),
            z,
        );
    }
    Kennzahlen { liste: s.0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn korrelation_bekannter_werte() {
        assert!((korrelation(&[(1.0, 2.0), (2.0, 4.0), (3.0, 6.0)]) - 1.0).abs() < 1e-12);
        assert!((korrelation(&[(1.0, 3.0), (2.0, 2.0), (3.0, 1.0)]) + 1.0).abs() < 1e-12);
        assert_eq!(korrelation(&[(1.0, 1.0), (1.0, 2.0)]), 0.0);
    }
}
