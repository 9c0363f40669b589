use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Datei `kennzahlen.yaml` (freiwillig): Kennzahlen, die die Redaktion selbst
/// definiert, ohne neue Programmversion. Das Programm kennt nur die Arten;
/// eine hier definierte Kennzahl steht in Kapiteln wie jede andere zur
/// Verfügung (`{{zahl "name"}}`, `{{#behauptung "name" …}}`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct KennzahlenDatei {
    pub kennzahlen: Vec<KennzahlDefinition>,
}

/// Wie eine Kennzahl berechnet wird.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum KennzahlArt {
    /// Zahl der Steckbriefe, die im Feld die Antwort geben (`feld`, `antwort`).
    Anzahl,
    /// Anteil der Steckbriefe mit der Antwort unter den Steckbriefen mit
    /// Angabe im Feld (`feld`, `antwort`).
    Anteil,
    /// Wie `anteil`, aber nur unter den Steckbriefen, die im Gruppenfeld die
    /// Gruppenantwort geben (`feld`, `antwort`, `gruppenfeld`, `gruppenantwort`).
    AnteilInGruppe,
    /// Zahl der Steckbriefe, deren Projektname oder Anbieter/Produkt das
    /// Produkt nennt (`produkt`: eine id aus `produkte` im Vokabular).
    Nennungen,
    /// Zahl der Landkreise mit einem solchen Steckbrief (`produkt`).
    Landkreise,
}

/// Eine selbst definierte Kennzahl.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct KennzahlDefinition {
    /// Name in Kapiteln, z. B. `anteil_rpa` (Kleinbuchstaben, Ziffern, `_`).
    #[schemars(regex(pattern = r"^[a-z][a-z0-9_]*$"))]
    pub name: String,
    /// Kurzer Titel, z. B. „Anteil der Projekte mit RPA“.
    pub titel: String,
    pub art: KennzahlArt,
    /// Auswahlfeld eines Steckbriefs, z. B. `technologien`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feld: Option<String>,
    /// Antwort im Feld (Wert oder Kurzform aus dem Vokabular), z. B. `RPA`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub antwort: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gruppenfeld: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gruppenantwort: Option<String>,
    /// id eines Produkts aus `produkte` im Vokabular, z. B. `scriba`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub produkt: Option<String>,
}
