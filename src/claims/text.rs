//! The check's findings as German text: the report of `check`, and one line
//! per finding for the first page of a draft.

use super::{Ergebnis, Pruefbericht};

/// One claim in a report line.
fn zeile(e: &Ergebnis) -> String {
    // A statement's key has its kind and parameters (`rang:technologien:…`).
    let art = if e.kennzahl.contains(':') {
        "Aussage"
    } else {
        "Kennzahl"
    };
    format!(
        "  {}:{}: „{}“\n    {art} {}: {}\n    behauptet: {} · berechnet: {}\n",
        e.datei, e.zeile, e.wortlaut, e.kennzahl, e.definition, e.vergleich, e.berechnet
    )
}

impl Pruefbericht {
    /// The first line: what was checked and what was found.
    pub fn zusammenfassung(&self, id: &str, landkreise: usize, steckbriefe: usize) -> String {
        let n = self.behauptungen.len();
        let gelten = self.behauptungen.iter().filter(|e| e.gilt).count();
        let zu_bestaetigen = self
            .anerkannt()
            .filter(|e| e.zu_bestaetigen.is_some())
            .count();
        let bestaetigen = match zu_bestaetigen {
            0 => String::new(),
            z => format!(" (davon {z} übernommen und zu bestätigen)"),
        };
        format!(
            "Ausgabe {id}: {landkreise} Landkreise, {steckbriefe} Steckbriefe; {n} Aussagen im \
             Text geprüft: {gelten} stimmen, {} anerkannte Abweichungen{bestaetigen}, {} verletzt, \
             {} veraltete Anerkennungen, {} getippte Zahlen.\n",
            self.anerkannt().count(),
            self.fehlgeschlagen().count(),
            self.veraltet.len(),
            self.zahlen.len()
        )
    }

    /// The findings that fail the check, with what to do about them.
    pub fn befunde_text(&self) -> String {
        let mut s = String::new();
        if self.fehlgeschlagen().next().is_some() {
            s.push_str("\nVerletzte Aussagen (Text und Daten widersprechen sich):\n");
            for e in self.fehlgeschlagen() {
                s.push_str(&zeile(e));
            }
            s.push_str(
                "  → Korrigieren Sie den Text oder erkennen Sie die Abweichung mit Begründung in \
                 abweichungen.yaml an. Die Daten werden dafür nicht geändert.\n",
            );
        }
        if !self.veraltet.is_empty() {
            s.push_str("\nVeraltete Anerkennungen:\n");
            for v in &self.veraltet {
                s.push_str(&format!("  {v}\n"));
            }
        }
        if !self.zahlen.is_empty() {
            s.push_str("\nVon Hand getippte Zahlen (statt Kennzahl oder Behauptung):\n");
            for z in &self.zahlen {
                s.push_str(&format!("  {}:{}: „{}“\n", z.datei, z.zeile, z.wortlaut));
            }
            s.push_str(
                "  → Schreiben Sie {{zahl \"kennzahl\"}} oder {{#behauptung …}}…{{/behauptung}} \
                 (kataster-report figures listet die Kennzahlen).\n",
            );
        }
        s
    }

    /// The acknowledged deviations with their reasons.
    pub fn anerkannt_text(&self) -> String {
        let mut s = String::new();
        if self.anerkannt().next().is_some() {
            s.push_str("\nAnerkannte Abweichungen (bleiben im Text, Prüfung besteht):\n");
            for e in self.anerkannt() {
                s.push_str(&zeile(e));
                if let Some(g) = &e.begruendung {
                    s.push_str(&format!("    Begründung: {g}\n"));
                }
                if let Some(von) = &e.zu_bestaetigen {
                    s.push_str(&format!(
                        "    Zu bestätigen: übernommen aus Ausgabe {von}. Gilt die Begründung auch \
                         für diese Ausgabe, löschen Sie in abweichungen.yaml die Zeile \
                         „uebernommen_aus: {von}“.\n"
                    ));
                }
            }
        }
        s
    }

    /// One line per finding, for the first page of a draft.
    pub fn befunde(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .fehlgeschlagen()
            .map(|e| {
                format!(
                    "{}:{}: „{}“ – behauptet {}, berechnet {} ({})",
                    e.datei, e.zeile, e.wortlaut, e.vergleich, e.berechnet, e.kennzahl
                )
            })
            .collect();
        out.extend(
            self.veraltet
                .iter()
                .map(|v| format!("Veraltete Anerkennung: {v}")),
        );
        out.extend(self.zahlen.iter().map(|z| {
            format!(
                "{}:{}: von Hand getippte Zahl „{}“",
                z.datei, z.zeile, z.wortlaut
            )
        }));
        out
    }
}
