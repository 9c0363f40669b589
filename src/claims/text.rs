//! The check's findings as German text: the report of `check`, and one line
//! per finding for the first page of a draft.

use super::{Ergebnis, Pruefbericht, Urteil};

/// A sentence shortened to 100 characters for a report line.
fn kuerzen(satz: &str) -> String {
    match satz.char_indices().nth(100) {
        Some((i, _)) => format!("{} …", &satz[..i]),
        None => satz.to_owned(),
    }
}

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
        let gelten = self
            .behauptungen
            .iter()
            .filter(|e| e.urteil == Urteil::Stimmt)
            .count();
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
             Text geprüft: {gelten} stimmen, {} grenzwertig, {} anerkannte Abweichungen{bestaetigen}, {} verletzt, \
             {} veraltete Anerkennungen, {} getippte Zahlen.\n",
            self.grenzwertig().count(),
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

    /// The coverage of the text: the counts, the marked passages with their
    /// reasons and the unmarked sentences with a number or amount.
    pub fn abdeckung_text(&self) -> String {
        let a = &self.abdeckung;
        let mut s = format!(
            "\nAbdeckung des Textes: {} Aussagen geprüft, {} ohne Datengrundlage, {} ohne \
             Kennzeichnung.\n",
            a.geprueft,
            a.ohne_daten.len(),
            a.ohne_kennzeichnung.len()
        );
        if !a.ohne_daten.is_empty() {
            s.push_str("Ohne Datengrundlage (gekennzeichnet), nach Grund:\n");
            let mut gruende: Vec<(&str, Vec<String>)> = Vec::new();
            for o in &a.ohne_daten {
                let datei = o.datei.rsplit('/').next().unwrap_or(&o.datei);
                let ort = format!("{datei}:{}", o.zeile);
                match gruende.iter_mut().find(|(g, _)| *g == o.grund) {
                    Some((_, orte)) => orte.push(ort),
                    None => gruende.push((&o.grund, vec![ort])),
                }
            }
            for (grund, orte) in gruende {
                s.push_str(&format!(
                    "  {grund} ({}): {}\n",
                    orte.len(),
                    orte.join(", ")
                ));
            }
        }
        if !a.ohne_kennzeichnung.is_empty() {
            s.push_str(
                "Ohne Kennzeichnung (Sätze mit Zahl- oder Mengenwort; binden Sie sie an eine \
                 Kennzeichnung oder kennzeichnen Sie sie mit {{#ohne_daten \"Grund\"}}…{{/ohne_daten}}):\n",
            );
            for u in &a.ohne_kennzeichnung {
                s.push_str(&format!(
                    "  {}:{}: „{}“\n",
                    u.datei,
                    u.zeile,
                    kuerzen(&u.satz)
                ));
            }
        }
        s
    }

    /// The statements in the borderline band of their vague word, with the
    /// band, and the edition's own ranges with their reasons.
    pub fn grenzwertig_text(&self) -> String {
        let mut s = String::new();
        if self.grenzwertig().next().is_some() {
            s.push_str(
                "\nGrenzwertige Aussagen (im Grenzbereich des vagen Wortes; Prüfung besteht, \
                 bitte lesen):\n",
            );
            for e in self.grenzwertig() {
                s.push_str(&zeile(e));
                if let Some(g) = &e.grenzbereich {
                    s.push_str(&format!("    Bereich des Wortes: {g}\n"));
                }
            }
        }
        if !self.eigene_grenzen.is_empty() {
            s.push_str("\nEigene Grenzen vager Wörter dieser Ausgabe (kennzahlen.yaml):\n");
            for g in &self.eigene_grenzen {
                s.push_str(&format!("  {g}\n"));
            }
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
