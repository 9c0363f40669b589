//! Tabelle 1 declared once: the columns of a Landkreis's row after its name,
//! in the published order. Every reader of a column takes it from here: the
//! figures (`spalte:` in `kennzahlen.yaml`), the layout's data
//! (`daten.json`), `diff`, the website and `landkreise.csv`, the
//! questionnaire and the survey import. A new column is one entry here and
//! one field in [`Landkreis`] (tests tie the two together).

use super::Landkreis;

/// How a column is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpaltenArt {
    /// Free text.
    Text,
    /// One value of the named vocabulary.
    Auswahl(&'static str),
    /// Yes or no (printed as a mark).
    JaNein,
    /// A decimal number (the VZÄ).
    Dezimal,
    /// A whole number (projects of one status).
    Anzahl,
}

/// One cell's value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Zelle<'a> {
    Text(&'a str),
    JaNein(bool),
    Dezimal(f64),
    Anzahl(u32),
}

impl Zelle<'_> {
    /// The cell as a number (yes 1, no 0); `None` for text.
    pub fn zahl(self) -> Option<f64> {
        match self {
            Zelle::Text(_) => None,
            Zelle::JaNein(b) => Some(f64::from(u8::from(b))),
            Zelle::Dezimal(d) => Some(d),
            Zelle::Anzahl(n) => Some(f64::from(n)),
        }
    }

    /// The cell as an editor reads it: yes/no as "ja"/"nein", a decimal
    /// with a comma, all its digits and at least one (`2,0`).
    pub fn text(self) -> String {
        self.text_mit(|d| {
            let s = if d.fract() == 0.0 {
                format!("{d:.1}")
            } else {
                d.to_string()
            };
            s.replace('.', ",")
        })
    }

    /// The cell as text, a decimal written by `dezimal` (the website
    /// rounds, `landkreise.csv` keeps the point).
    pub fn text_mit(self, dezimal: impl Fn(f64) -> String) -> String {
        match self {
            Zelle::Text(t) => t.to_owned(),
            Zelle::JaNein(b) => if b { "ja" } else { "nein" }.to_owned(),
            Zelle::Dezimal(d) => dezimal(d),
            Zelle::Anzahl(n) => n.to_string(),
        }
    }

    /// The cell as a whole number: yes/no and counts; `None` otherwise.
    pub fn ganzzahl(self) -> Option<u32> {
        match self {
            Zelle::JaNein(b) => Some(u32::from(b)),
            Zelle::Anzahl(n) => Some(n),
            Zelle::Text(_) | Zelle::Dezimal(_) => None,
        }
    }
}

/// The question that asks for a column in the questionnaire.
#[derive(Debug, Clone, Copy)]
pub struct Frage {
    /// The question code (`survey questionnaire`, `survey import`).
    pub code: &'static str,
    /// The question's text, as in questionnaires already in use (`survey
    /// map` finds a foreign survey's question by it).
    pub text: &'static str,
    /// The help text under it.
    pub hilfe: &'static str,
}

/// A column of Tabelle 1.
#[derive(Debug, Clone, Copy)]
pub struct Spalte {
    /// Its place in `landkreise.yaml` and its name for figures
    /// (`spalte: projekte.geplant`).
    pub schluessel: &'static str,
    /// Its short name: the heading in `landkreise.csv`, the key in the
    /// layout's data and in `tabelle:` of `umfrage.yaml`.
    pub kurz: &'static str,
    /// Its label for readers (website, `diff`).
    pub bezeichnung: &'static str,
    /// What it means (the data page of the website).
    pub doku: &'static str,
    pub art: SpaltenArt,
    pub frage: Frage,
    /// The figure of `kennzahlen.yaml` the totals row prints (a count or,
    /// for the VZÄ, the mean); `None`: no total.
    pub summe: Option<&'static str>,
    wert: fn(&Landkreis) -> Zelle<'_>,
}

impl Spalte {
    /// This column's cell in the row of `l`.
    pub fn wert<'a>(&self, l: &'a Landkreis) -> Zelle<'a> {
        (self.wert)(l)
    }
}

/// The columns of Tabelle 1 after the Landkreis, in the published order.
pub const SPALTEN: &[Spalte] = &[
    Spalte {
        schluessel: "organisationseinheit",
        kurz: "organisationseinheit",
        bezeichnung: "Organisationseinheit",
        doku: "die für KI zuständige Organisationseinheit",
        art: SpaltenArt::Text,
        frage: Frage {
            code: "LKoe",
            text: "Organisationseinheit",
            hilfe: "Die für KI zuständige Organisationseinheit.",
        },
        summe: None,
        wert: |l| Zelle::Text(&l.organisationseinheit),
    },
    Spalte {
        schluessel: "gesamtverantwortung",
        kurz: "gesamtverantwortung",
        bezeichnung: "Gesamtverantwortung",
        doku: "wer die Gesamtverantwortung trägt",
        art: SpaltenArt::Auswahl("gesamtverantwortung"),
        frage: Frage {
            code: "LKverantwortung",
            text: "Gesamtverantwortung",
            hilfe: "Wer trägt die Gesamtverantwortung?",
        },
        summe: None,
        wert: |l| Zelle::Text(l.gesamtverantwortung.text()),
    },
    Spalte {
        schluessel: "ki_strategie",
        kurz: "ki_strategie",
        bezeichnung: "KI-Strategie",
        doku: "eigenständige KI-Strategie vorhanden (ja/nein)",
        art: SpaltenArt::JaNein,
        frage: Frage {
            code: "LKstrategie",
            text: "KI-Strategie",
            hilfe: "Hat der Landkreis eine eigenständige KI-Strategie?",
        },
        summe: Some("ki_strategie"),
        wert: |l| Zelle::JaNein(l.ki_strategie),
    },
    Spalte {
        schluessel: "digitalstrategie_mit_ki",
        kurz: "digitalstrategie_mit_ki",
        bezeichnung: "Digitalstrategie mit KI-Teil",
        doku: "Digitalstrategie mit KI-Teil vorhanden (ja/nein)",
        art: SpaltenArt::JaNein,
        frage: Frage {
            code: "LKdigital",
            text: "Digitalstrategie mit KI-Teil",
            hilfe: "Hat der Landkreis eine Digitalstrategie mit KI-Teil?",
        },
        summe: Some("digitalstrategie_mit_ki"),
        wert: |l| Zelle::JaNein(l.digitalstrategie_mit_ki),
    },
    Spalte {
        schluessel: "dienstanweisung",
        kurz: "dienstanweisung",
        bezeichnung: "Dienstanweisung zu KI",
        doku: "Dienstanweisung zur Nutzung von KI vorhanden (ja/nein)",
        art: SpaltenArt::JaNein,
        frage: Frage {
            code: "LKdienstanweisung",
            text: "Dienstanweisung",
            hilfe: "Gibt es eine Dienstanweisung zur Nutzung von KI?",
        },
        summe: Some("dienstanweisung"),
        wert: |l| Zelle::JaNein(l.dienstanweisung),
    },
    Spalte {
        schluessel: "vzae",
        kurz: "vzae",
        bezeichnung: "VZÄ für KI",
        doku: "Vollzeitäquivalente für KI (Dezimalkomma, z. B. 1,5)",
        art: SpaltenArt::Dezimal,
        frage: Frage {
            code: "LKvzae",
            text: "VZÄ für KI",
            hilfe: "Im Stellenplan für KI ausgewiesene Vollzeitäquivalente, z. B. 0,5.",
        },
        summe: Some("vzae_mittel"),
        wert: |l| Zelle::Dezimal(l.vzae.0),
    },
    Spalte {
        schluessel: "projekte.abgeschlossen",
        kurz: "abgeschlossen",
        bezeichnung: "Projekte abgeschlossen",
        doku: "abgeschlossene Projekte",
        art: SpaltenArt::Anzahl,
        frage: Frage {
            code: "LKabgeschlossen",
            text: "Projekte abgeschlossen",
            hilfe: "Wie viele KI- und RPA-Projekte sind abgeschlossen?",
        },
        summe: Some("projekte_abgeschlossen"),
        wert: |l| Zelle::Anzahl(l.projekte.abgeschlossen),
    },
    Spalte {
        schluessel: "projekte.in_umsetzung",
        kurz: "in_umsetzung",
        bezeichnung: "Projekte in Umsetzung",
        doku: "Projekte in Umsetzung",
        art: SpaltenArt::Anzahl,
        frage: Frage {
            code: "LKumsetzung",
            text: "Projekte in Umsetzung",
            hilfe: "Wie viele sind in Umsetzung?",
        },
        summe: Some("projekte_in_umsetzung"),
        wert: |l| Zelle::Anzahl(l.projekte.in_umsetzung),
    },
    Spalte {
        schluessel: "projekte.geplant",
        kurz: "geplant",
        bezeichnung: "Projekte geplant",
        doku: "geplante Projekte",
        art: SpaltenArt::Anzahl,
        frage: Frage {
            code: "LKgeplant",
            text: "Projekte geplant",
            hilfe: "Wie viele sind geplant?",
        },
        summe: Some("projekte_geplant"),
        wert: |l| Zelle::Anzahl(l.projekte.geplant),
    },
];

/// The pseudo-column of all projects of a row (the sum of the status
/// columns), which figures may read as `projekte`.
pub const ALLE_PROJEKTE: &str = "projekte";

/// How a reader knows the column `schluessel` („VZÄ für KI“; `projekte`:
/// „Projekte (alle)“); an unknown key as written.
pub fn bezeichnung(schluessel: &str) -> &str {
    match spalte(schluessel) {
        Some(s) => s.bezeichnung,
        None if schluessel == ALLE_PROJEKTE => "Projekte (alle)",
        None => schluessel,
    }
}

/// The column named `schluessel` (as in `landkreise.yaml`).
pub fn spalte(schluessel: &str) -> Option<&'static Spalte> {
    SPALTEN.iter().find(|s| s.schluessel == schluessel)
}

/// The names figures may read as numbers: every column but text, and
/// `projekte`.
pub fn zahlenspalten() -> Vec<&'static str> {
    let mut namen: Vec<&str> = SPALTEN
        .iter()
        .filter(|s| !matches!(s.art, SpaltenArt::Text | SpaltenArt::Auswahl(_)))
        .map(|s| s.schluessel)
        .collect();
    let erste_anzahl = namen
        .iter()
        .position(|n| spalte(n).is_some_and(|s| s.art == SpaltenArt::Anzahl))
        .unwrap_or(namen.len());
    namen.insert(erste_anzahl, ALLE_PROJEKTE);
    namen
}

/// The cell of a number column (or of `projekte`) in the row of `l`.
pub fn zahlenzelle<'a>(l: &'a Landkreis, name: &str) -> Option<Zelle<'a>> {
    if name == ALLE_PROJEKTE {
        return Some(Zelle::Anzahl(l.projekte.summe()));
    }
    spalte(name)
        .map(|s| s.wert(l))
        .filter(|z| z.zahl().is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The leaf properties of a schema object, as dotted paths.
    fn blaetter(
        schema: &serde_json::Value,
        wurzel: &serde_json::Value,
        vorne: &str,
    ) -> Vec<String> {
        let aufgeloest = |s: &serde_json::Value| -> serde_json::Value {
            match s.get("$ref").and_then(|r| r.as_str()) {
                Some(r) => wurzel
                    .pointer(r.trim_start_matches('#'))
                    .cloned()
                    .unwrap_or_default(),
                None => s.clone(),
            }
        };
        let s = aufgeloest(schema);
        let Some(props) = s.get("properties").and_then(|p| p.as_object()) else {
            return vec![vorne.trim_end_matches('.').to_owned()];
        };
        props
            .iter()
            .flat_map(|(k, v)| blaetter(v, wurzel, &format!("{vorne}{k}.")))
            .collect()
    }

    #[test]
    fn jede_spalte_ist_ein_feld_des_landkreises_und_umgekehrt() {
        let schema = serde_json::to_value(schemars::schema_for!(Landkreis)).unwrap();
        let mut felder = blaetter(&schema, &schema, "");
        felder.retain(|f| f != "name" && f != "art");
        felder.sort();
        let mut spalten: Vec<String> = SPALTEN.iter().map(|s| s.schluessel.into()).collect();
        spalten.sort();
        assert_eq!(felder, spalten);
    }

    #[test]
    fn jede_spalte_liest_ihr_feld() {
        let yaml = "name: Celle\norganisationseinheit: Amt 1\ngesamtverantwortung: Interne IT\n\
                    ki_strategie: true\ndigitalstrategie_mit_ki: false\ndienstanweisung: true\n\
                    vzae: 1.5\nprojekte: {abgeschlossen: 1, in_umsetzung: 2, geplant: 3}\n";
        let l: Landkreis = serde_saphyr::from_str(yaml).unwrap();
        let json = serde_json::to_value(&l).unwrap();
        for s in SPALTEN {
            let roh = json
                .pointer(&format!("/{}", s.schluessel.replace('.', "/")))
                .unwrap();
            let erwartet = match s.wert(&l) {
                Zelle::Text(t) => serde_json::json!(t),
                Zelle::JaNein(b) => serde_json::json!(b),
                Zelle::Dezimal(d) => serde_json::json!(d),
                Zelle::Anzahl(n) => serde_json::json!(n),
            };
            assert_eq!(*roh, erwartet, "{}", s.schluessel);
        }
        assert_eq!(zahlenzelle(&l, "projekte"), Some(Zelle::Anzahl(6)));
        assert_eq!(zahlenzelle(&l, "organisationseinheit"), None);
    }

    #[test]
    fn kurznamen_und_fragecodes_sind_eindeutig() {
        let mut kurz: Vec<&str> = SPALTEN.iter().map(|s| s.kurz).collect();
        let mut codes: Vec<&str> = SPALTEN.iter().map(|s| s.frage.code).collect();
        kurz.sort();
        kurz.dedup();
        codes.sort();
        codes.dedup();
        assert_eq!(kurz.len(), SPALTEN.len());
        assert_eq!(codes.len(), SPALTEN.len());
    }

    #[test]
    fn zahlenspalten_wie_bisher() {
        assert_eq!(
            zahlenspalten(),
            [
                "ki_strategie",
                "digitalstrategie_mit_ki",
                "dienstanweisung",
                "vzae",
                "projekte",
                "projekte.abgeschlossen",
                "projekte.in_umsetzung",
                "projekte.geplant",
            ]
        );
    }
}
