//! Datei `report/website/angaben.yaml`: was eine öffentliche Stelle über ihre
//! Website sagen muss – Impressum, Erklärung zur Barrierefreiheit,
//! Datenschutz. Gilt für die ganze Website (alle Ausgaben). Fehlt ein Teil,
//! schreibt `site` die Seite nicht und sagt, was fehlt.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::edition::{Datum, URL_MUSTER};

/// Die Angaben zur Website.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Websiteangaben {
    /// Wer die Website anbietet (Impressum).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anbieter: Option<Anbieter>,
    /// Die Erklärung zur Barrierefreiheit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub barrierefreiheit: Option<Barrierefreiheit>,
    /// Die Datenschutzerklärung, Absatz für Absatz (z. B. was der Webserver
    /// protokolliert, wer verantwortlich ist, die Rechte der Betroffenen).
    /// Dass die Website keine Cookies setzt, nichts von anderen Servern lädt
    /// und nichts verfolgt, ergänzt `site` selbst.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub datenschutz: Vec<String>,
}

/// Der Anbieter der Website.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Anbieter {
    /// Name, z. B. „Niedersächsischer Landkreistag“.
    pub name: String,
    /// Die Anschrift, Zeile für Zeile.
    pub anschrift: Vec<String>,
    /// E-Mail-Adresse für Anfragen.
    #[schemars(regex(pattern = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"))]
    pub email: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub telefon: Option<String>,
    /// Vertretungsberechtigt, z. B. „die Geschäftsführung“.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vertreten_durch: Option<String>,
}

/// Wie weit die Website die Anforderungen an die Barrierefreiheit erfüllt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Vereinbarkeit {
    Vereinbar,
    TeilweiseVereinbar,
    NichtVereinbar,
}

/// Die Erklärung zur Barrierefreiheit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Barrierefreiheit {
    /// Stand der Vereinbarkeit: `vereinbar`, `teilweise-vereinbar` oder `nicht-vereinbar`.
    pub stand: Vereinbarkeit,
    /// Wann die Erklärung erstellt oder zuletzt überprüft wurde (`JJJJ-MM-TT`).
    pub erstellt: Datum,
    /// Wie bewertet wurde, z. B. „Selbstbewertung; Prüfung mit axe-core (WCAG 2.1 AA) bei jeder Änderung“.
    pub methode: String,
    /// Inhalte, die nicht barrierefrei sind, und warum.
    #[serde(default)]
    pub bekannte_maengel: Vec<String>,
    /// Wohin Leserinnen und Leser Barrieren melden (E-Mail).
    #[schemars(regex(pattern = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"))]
    pub kontakt: String,
    /// Die zuständige Schlichtungsstelle.
    pub schlichtungsstelle: Schlichtungsstelle,
}

/// Eine Schlichtungsstelle mit Adresse ihrer Website.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Schlichtungsstelle {
    pub name: String,
    #[schemars(regex(pattern = URL_MUSTER))]
    pub url: String,
}
