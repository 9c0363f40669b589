use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Ein zulässiger Wert einer Auswahlfrage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VokabularEintrag {
    /// Der Wert, genau wie er in Steckbriefen und im Bericht steht.
    pub wert: String,
    /// Kurzform für Abbildungen und Kennzahlen, z. B. `RPA`. Werte mit
    /// derselben Kurzform werden in Auswertungen zusammengezählt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kurz: Option<String>,
    /// `true`, wenn der Wert keine Antwortoption der Umfrage war, aber so
    /// veröffentlicht wurde (z. B. ein Projektstatus „Erprobung“).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ausserhalb_umfrage: bool,
    /// Erläuterung für Redaktion und Leser, z. B. warum der Wert aufgenommen wurde.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hinweis: Option<String>,
}

/// Die Vokabulare der Auswahlfragen (`vokabular.yaml`). Eine neue
/// Antwortoption wird hier ergänzt; dafür ist keine neue Programmversion nötig.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Vokabular {
    /// Gesamtverantwortung für KI im Landkreis (Tabelle 1).
    pub gesamtverantwortung: Vec<VokabularEintrag>,
    pub ziele: Vec<VokabularEintrag>,
    pub projektstatus: Vec<VokabularEintrag>,
    pub technologien: Vec<VokabularEintrag>,
    pub betriebsmodell: Vec<VokabularEintrag>,
    pub amortisationsdauer: Vec<VokabularEintrag>,
    pub foerdermittel: Vec<VokabularEintrag>,
    pub austausch_trainingsdaten: Vec<VokabularEintrag>,
    pub risikoklasse: Vec<VokabularEintrag>,
    pub interkommunale_zusammenarbeit: Vec<VokabularEintrag>,
    pub austausch_oes: Vec<VokabularEintrag>,
    pub haupttreiber: Vec<VokabularEintrag>,
    pub beteiligte: Vec<VokabularEintrag>,
    pub rolle_der_politik: Vec<VokabularEintrag>,
    pub herausforderungen: Vec<VokabularEintrag>,
    pub erfolgsfaktoren: Vec<VokabularEintrag>,
    pub kennzahlen: Vec<VokabularEintrag>,
    /// Produkte, deren Nennungen in den Steckbriefen gezählt werden
    /// (Kennzahlen `nennungen_<id>`).
    #[serde(default)]
    pub produkte: Vec<Produkt>,
}

/// Ein Produkt, dessen Nennungen gezählt werden.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Produkt {
    /// Kleinbuchstaben, Ziffern und `_`, z. B. `scriba` (Kennzahl `nennungen_scriba`, Produktseite der Website).
    #[schemars(regex(pattern = r"^[a-z0-9_]+$"), length(max = 60))]
    pub id: String,
    /// Name wie im Text, z. B. `Scriba`.
    pub name: String,
    /// Suchbegriffe (ohne Groß-/Kleinschreibung) in Projektname und Anbieter/Produkt.
    pub suchbegriffe: Vec<String>,
}

impl Vokabular {
    /// The entries of a vocabulary by its name (the field name above).
    pub fn liste(&self, name: &str) -> Option<&[VokabularEintrag]> {
        Some(match name {
            "gesamtverantwortung" => &self.gesamtverantwortung,
            "ziele" => &self.ziele,
            "projektstatus" => &self.projektstatus,
            "technologien" => &self.technologien,
            "betriebsmodell" => &self.betriebsmodell,
            "amortisationsdauer" => &self.amortisationsdauer,
            "foerdermittel" => &self.foerdermittel,
            "austausch_trainingsdaten" => &self.austausch_trainingsdaten,
            "risikoklasse" => &self.risikoklasse,
            "interkommunale_zusammenarbeit" => &self.interkommunale_zusammenarbeit,
            "austausch_oes" => &self.austausch_oes,
            "haupttreiber" => &self.haupttreiber,
            "beteiligte" => &self.beteiligte,
            "rolle_der_politik" => &self.rolle_der_politik,
            "herausforderungen" => &self.herausforderungen,
            "erfolgsfaktoren" => &self.erfolgsfaktoren,
            "kennzahlen" => &self.kennzahlen,
            _ => return None,
        })
    }

    /// The entry for a value in a vocabulary.
    pub fn eintrag(&self, name: &str, wert: &str) -> Option<&VokabularEintrag> {
        self.liste(name)?.iter().find(|e| e.wert == wert)
    }

    /// The short form of a value (its `kurz`, else the value itself).
    pub fn kurz<'a>(&'a self, name: &str, wert: &'a str) -> &'a str {
        self.eintrag(name, wert)
            .and_then(|e| e.kurz.as_deref())
            .unwrap_or(wert)
    }
}
