//! `kennzahlen.yaml`: figures an edition defines itself, by kind and
//! parameters (the kinds are in `figures`).

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
    /// Eigene Grenzen vager Wörter für diese Ausgabe, statt der Vorgabe
    /// (README: „Vage Wörter“); `check` druckt jede mit ihrer Begründung.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub worte: Vec<WortGrenze>,
}

/// Eine eigene Grenze eines vagen Wortes, in Prozent. Wörter wie „die
/// meisten“ gelten ab einem Anteil (`stimmt_ab`, Grenzbereich darunter bis
/// über `grenzwertig_ab`), Wörter wie „selten“ bis zu einem (`stimmt_bis`,
/// Grenzbereich darüber bis unter `grenzwertig_bis`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WortGrenze {
    /// Das Wort, wie in `{{#aussage …}}`, z. B. `untergeordnet`.
    pub wort: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stimmt_ab: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grenzwertig_ab: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stimmt_bis: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grenzwertig_bis: Option<f64>,
    /// Warum diese Ausgabe vom Vorgabewert abweicht.
    pub begruendung: String,
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
    /// Eine Angabe aus `edition.yaml` (`angabe`: `landkreise_niedersachsen`
    /// oder `sitzungen`, die Zahl der Sitzungstermine).
    Ausgabe,
    /// Zahl der Zeilen der Tabelle 1; mit `bedingung` nur die Zeilen, in
    /// denen eine der genannten Spalten zutrifft (ja, bzw. mehr als 0).
    Zeilen,
    /// Summe einer Spalte der Tabelle 1 (`spalte`).
    Summe,
    /// Summe einer Spalte geteilt durch die Zeilen der Tabelle 1 (`spalte`).
    Mittel,
    /// Kleinster bis größter Wert einer Spalte unter den Zeilen mit einem Wert
    /// über 0 und unter dem Durchschnitt der Spalte (`spalte`).
    SpanneUnterMittel,
    /// Korrelationskoeffizient nach Pearson über die Zeilen der Tabelle 1
    /// zwischen `spalten` (mehrere: 1, wenn eine zutrifft, sonst 0) und `gegen`.
    Korrelation,
    /// Eine Kennzahl geteilt durch eine andere, als Anteil (`zaehler`,
    /// `nenner`: Namen früher definierter Anzahlen).
    Quotient,
    /// Zahl der Steckbriefe; mit `feld` nur die mit Angabe in diesem Feld.
    Steckbriefe,
    /// Platz der Antwort unter den Antworten des Feldes, nach Zahl der
    /// Steckbriefe; gleich häufige teilen sich den Platz (`feld`, `antwort`).
    Rang,
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
    /// Angabe aus `edition.yaml` (Art `ausgabe`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub angabe: Option<String>,
    /// Spalte der Tabelle 1, z. B. `vzae` oder `projekte.geplant`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spalte: Option<String>,
    /// Spalten der Tabelle 1 (Arten `zeilen` als Bedingung, `korrelation`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spalten: Option<Vec<String>>,
    /// Zweite Spalte einer Korrelation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gegen: Option<String>,
    /// Zähler und Nenner eines Quotienten (Namen von Kennzahlen).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zaehler: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nenner: Option<String>,
    /// Die Definition in Worten, wie `figures` und `check` sie zeigen; ohne
    /// sie wird sie aus Art und Angaben gebildet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub definition: Option<String>,
}
