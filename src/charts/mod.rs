//! Abbildung 1 (the map) and the charts of chapter 4, drawn with plotters as
//! SVG. Values come from the figures module and Tabelle 1 only; text uses the
//! report's font, which Typst resolves from `fonts/` when it embeds the SVG.

pub mod diagramme;
pub mod geo;
pub mod karte;
pub mod mass;
pub mod pruefen;

use serde::Serialize;

use crate::figures::Kennzahlen;
use crate::model::{Edition, Gestaltung};

/// The font family name the SVGs use (the report's font in `fonts/`).
pub const SCHRIFT: &str = "Inter";

/// A rendered figure with what a reader needs besides the picture.
#[derive(Debug, Clone, Serialize)]
pub struct Abbildung {
    /// Also the file name: `/generiert/abb/<id>.svg`.
    pub id: String,
    /// Caption (without "Abbildung N:").
    pub titel: String,
    /// Alternative text stating what the figure shows.
    pub alt: String,
    /// Source attribution, printed under the caption.
    pub quelle: Option<String>,
    /// The values drawn, as (label, value) pairs, for tests and the data table.
    pub werte: Vec<(String, f64)>,
    /// Table with the data behind the chart: header and rows, as printed.
    pub tabelle: Option<Datentabelle>,
    #[serde(skip)]
    pub svg: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Datentabelle {
    pub kopf: Vec<String>,
    pub zeilen: Vec<Vec<String>>,
}

impl Abbildung {
    pub fn pfad(&self) -> String {
        format!("/generiert/abb/{}.svg", self.id)
    }
}

/// Problems drawing a figure (bad geodata, a font that will not load).
#[derive(Debug, thiserror::Error)]
pub enum ZeichenFehler {
    #[error("Geodaten {pfad}: {meldung}")]
    Geodaten { pfad: String, meldung: String },
    #[error("Schrift für Abbildungen: {0}")]
    Schrift(String),
    #[error("Zeichnen von {0}: {1}")]
    Zeichnen(String, crate::diagnostics::Meldung),
    #[error("{0}")]
    Kennzahl(#[from] crate::figures::Rechenfehler),
}

/// Every figure of the report, in the order they appear.
pub fn alle(
    e: &Edition,
    k: &Kennzahlen,
    geodaten: &geo::Geodaten,
    mass: &mass::Schriftmass,
    g: &Gestaltung,
) -> Result<Vec<Abbildung>, ZeichenFehler> {
    Ok(vec![
        karte::karte(e, geodaten, mass, g)?,
        diagramme::projekte_status(e, mass, g)?,
        diagramme::anteil_abbildung(e, k, diagramme::TECHNOLOGIEN_ANTEILE, mass, g)?,
        diagramme::anteil_abbildung(e, k, diagramme::BETRIEBSMODELLE_ANTEILE, mass, g)?,
        diagramme::vzae_projekte(e, k, mass, g)?,
    ])
}
