//! `landkreise.yaml`: the rows of Tabelle 1, one per responding Landkreis
//! (the columns are declared once in [`super::tabelle`]).

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Datei `landkreise.yaml`: eine Zeile der Tabelle 1 je teilnehmendem Landkreis.
/// Summen und Durchschnitte werden berechnet, nie eingetragen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Landkreise {
    pub landkreise: Vec<Landkreis>,
}

/// Ein Landkreis, der an der Umfrage teilgenommen hat (eine Zeile der Tabelle 1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Landkreis {
    /// Kurzname wie in Tabelle 1, z. B. `Celle` oder `Lüchow-Dannenberg`.
    pub name: String,
    /// `Landkreis` (Vorgabe) oder `Region` (Region Hannover).
    #[serde(default, skip_serializing_if = "Kreisart::ist_landkreis")]
    pub art: Kreisart,
    /// Die für KI zuständige Organisationseinheit.
    pub organisationseinheit: String,
    /// Wer die Gesamtverantwortung trägt: ein Wert aus dem Vokabular
    /// `gesamtverantwortung` oder, wie die Umfrage es anbietet, eine freie
    /// Antwort `{sonstiges: "…"}`.
    pub gesamtverantwortung: super::Antwort,
    /// Eigenständige KI-Strategie vorhanden?
    pub ki_strategie: bool,
    /// Digitalstrategie mit KI-Teil vorhanden?
    pub digitalstrategie_mit_ki: bool,
    /// Dienstanweisung zur Nutzung von KI vorhanden?
    pub dienstanweisung: bool,
    /// Im Stellenplan für KI ausgewiesene Vollzeitäquivalente, z. B. `0.5`
    /// (auch `"0,5"` mit Komma wird angenommen).
    pub vzae: Dezimal,
    /// Anzahl der Projekte nach Status.
    pub projekte: ProjekteNachStatus,
}

impl Landkreis {
    /// The full name as the report prints it, e.g. "Landkreis Celle".
    pub fn bezeichnung(&self) -> String {
        format!("{} {}", self.art.als_text(), self.name)
    }
}

/// Art der Gebietskörperschaft.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum Kreisart {
    #[default]
    Landkreis,
    Region,
}

impl Kreisart {
    fn ist_landkreis(&self) -> bool {
        *self == Kreisart::Landkreis
    }
    pub fn als_text(&self) -> &'static str {
        match self {
            Kreisart::Landkreis => "Landkreis",
            Kreisart::Region => "Region",
        }
    }
}

/// Anzahl der Projekte eines Landkreises nach Status (Tabelle 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProjekteNachStatus {
    #[schemars(range(max = MAX_PROJEKTE))]
    pub abgeschlossen: u32,
    #[schemars(range(max = MAX_PROJEKTE))]
    pub in_umsetzung: u32,
    #[schemars(range(max = MAX_PROJEKTE))]
    pub geplant: u32,
}

/// Plausibility bound of a cell of Tabelle 1 (projects of one status).
pub const MAX_PROJEKTE: u32 = 9999;
/// Plausibility bound of the VZÄ of one Landkreis.
pub const MAX_VZAE: f64 = 999.0;

impl ProjekteNachStatus {
    pub fn summe(&self) -> u32 {
        self.abgeschlossen + self.in_umsetzung + self.geplant
    }
}

/// A non-negative decimal number that editors may also write with a German
/// decimal comma (`"1,5"`). Serialised as a plain number.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Default)]
pub struct Dezimal(pub f64);

impl Dezimal {
    /// Parses `1.5`, `1,5` or `0` (as text); `None` for anything else.
    pub fn aus_text(s: &str) -> Option<Dezimal> {
        let t = s.trim();
        let gueltig = !t.is_empty()
            && t.chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
            && t.chars().filter(|c| *c == ',' || *c == '.').count() <= 1;
        if !gueltig {
            return None;
        }
        t.replace(',', ".").parse().ok().map(Dezimal)
    }
}

impl Serialize for Dezimal {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(self.0)
    }
}

/// The smallest VZÄ above 0 (the report prints two decimals at most).
pub const MIN_VZAE: f64 = 0.01;

impl<'de> Deserialize<'de> for Dezimal {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Roh {
            Zahl(f64),
            Text(String),
        }
        let wert = match Roh::deserialize(d)? {
            Roh::Zahl(z) => Dezimal(z),
            Roh::Text(t) => Dezimal::aus_text(&t)
                .ok_or_else(|| serde::de::Error::custom(format!("„{t}“ ist keine Dezimalzahl")))?,
        };
        if !(0.0..=MAX_VZAE).contains(&wert.0) {
            return Err(serde::de::Error::custom(format!(
                "{} liegt nicht zwischen 0 und {MAX_VZAE}",
                wert.0
            )));
        }
        // A value the report would print as 0,00 although it counts as
        // more than 0: 0 or at least one hundredth.
        if wert.0 > 0.0 && wert.0 < MIN_VZAE {
            return Err(serde::de::Error::custom(format!(
                "{:e} ist zu klein, um gedruckt zu werden (0 oder mindestens 0,01)",
                wert.0
            )));
        }
        Ok(wert)
    }
}

impl JsonSchema for Dezimal {
    fn schema_name() -> Cow<'static, str> {
        "Dezimal".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "Nicht negative Dezimalzahl bis 999, z. B. 0.5 oder \"0,5\".",
            "anyOf": [
                { "type": "number", "minimum": 0, "maximum": MAX_VZAE },
                { "type": "string", "pattern": "^[0-9]{1,3}([,.][0-9]+)?$" }
            ]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dezimal_nimmt_komma_und_punkt() {
        assert_eq!(Dezimal::aus_text("1,5"), Some(Dezimal(1.5)));
        assert_eq!(Dezimal::aus_text("0.3"), Some(Dezimal(0.3)));
        assert_eq!(Dezimal::aus_text("1,5,0"), None);
        assert_eq!(Dezimal::aus_text("-1"), None);
        assert_eq!(Dezimal::aus_text("eins"), None);
    }
}
