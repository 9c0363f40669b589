//! The district geometries of `data/geo/niedersachsen-kreise.geojson`
//! (ETRS89 / UTM 32N, metres), derived by `tools/geodata`.

use serde::Deserialize;

use super::ZeichenFehler;
use crate::projekt::Projektpfade;

/// A problem of the geodata file.
fn geodatenfehler(meldung: String) -> ZeichenFehler {
    ZeichenFehler::Geodaten {
        pfad: Projektpfade::GEODATEN.into(),
        meldung,
    }
}

/// The geodata is not GeoJSON of the expected form.
fn form_fehler(e: serde_json::Error) -> ZeichenFehler {
    geodatenfehler(format!("kein gültiges GeoJSON der erwarteten Form ({e})"))
}

/// The text of the project's geodata file, read confined.
fn text_lesen(wurzel: &std::path::Path) -> Result<String, ZeichenFehler> {
    crate::projekt::lese_text(
        wurzel,
        std::path::Path::new(Projektpfade::GEODATEN),
        crate::projekt::MAX_BINAER,
    )
    .map_err(|e| geodatenfehler(e.to_string()))
}

/// The kind of a district that is a city, not a Landkreis: it does not
/// answer the survey.
const KREISFREI: &str = "Kreisfreie Stadt";

/// One district: its rings (outer rings and holes per polygon) and label point.
#[derive(Debug, Clone)]
pub struct Kreis {
    pub rs: String,
    pub name: String,
    /// "Landkreis", "Region" or "Kreisfreie Stadt".
    pub art: String,
    /// Polygons; each is an outer ring followed by its holes.
    pub polygone: Vec<Vec<Vec<(f64, f64)>>>,
    pub label: (f64, f64),
}

#[derive(Debug, Clone)]
pub struct Geodaten {
    pub kreise: Vec<Kreis>,
}

#[derive(Deserialize)]
struct Sammlung {
    features: Vec<Merkmal>,
}

#[derive(Deserialize)]
struct Merkmal {
    properties: Eigenschaften,
    geometry: Geometrie,
}

#[derive(Deserialize)]
struct Eigenschaften {
    rs: String,
    name: String,
    art: String,
    label: (f64, f64),
}

#[derive(Deserialize)]
#[serde(tag = "type", content = "coordinates")]
enum Geometrie {
    Polygon(Vec<Vec<(f64, f64)>>),
    MultiPolygon(Vec<Vec<Vec<(f64, f64)>>>),
}

impl Geodaten {
    pub fn aus_text(text: &str) -> Result<Geodaten, ZeichenFehler> {
        let s: Sammlung = serde_json::from_str(text).map_err(form_fehler)?;
        let kreise = s
            .features
            .into_iter()
            .map(|f| Kreis {
                rs: f.properties.rs,
                name: f.properties.name,
                art: f.properties.art,
                polygone: match f.geometry {
                    Geometrie::Polygon(p) => vec![p],
                    Geometrie::MultiPolygon(m) => m,
                },
                label: f.properties.label,
            })
            .collect();
        Ok(Geodaten { kreise })
    }

    /// Reads `data/geo/niedersachsen-kreise.geojson` of the project.
    pub fn laden(wurzel: &std::path::Path) -> Result<Geodaten, ZeichenFehler> {
        Geodaten::aus_text(&text_lesen(wurzel)?)
    }

    /// The names of the districts that can answer the survey (Landkreise
    /// and Region), read without their geometry (for the checks of `load`).
    pub fn landkreisnamen_laden(wurzel: &std::path::Path) -> Result<Vec<String>, ZeichenFehler> {
        #[derive(Deserialize)]
        struct NurNamen {
            features: Vec<NurEigenschaften>,
        }
        #[derive(Deserialize)]
        struct NurEigenschaften {
            properties: Namen,
        }
        #[derive(Deserialize)]
        struct Namen {
            name: String,
            art: String,
        }
        let s: NurNamen = serde_json::from_str(&text_lesen(wurzel)?).map_err(form_fehler)?;
        Ok(s.features
            .into_iter()
            .map(|f| f.properties)
            .filter(|n| n.art != KREISFREI)
            .map(|n| n.name)
            .collect())
    }

    /// Names of the districts that can answer the survey (Landkreise and Region).
    pub fn landkreisnamen(&self) -> Vec<&str> {
        self.kreise
            .iter()
            .filter(|k| k.art != KREISFREI)
            .map(|k| k.name.as_str())
            .collect()
    }

    /// The district of a responding Landkreis (Landkreis or Region, never a city).
    pub fn landkreis(&self, name: &str) -> Option<&Kreis> {
        self.kreise
            .iter()
            .find(|k| k.name == name && k.art != "Kreisfreie Stadt")
    }

    /// Bounding box (min x, min y, max x, max y).
    pub fn grenzen(&self) -> (f64, f64, f64, f64) {
        let mut g = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for k in &self.kreise {
            for poly in &k.polygone {
                for &(x, y) in poly.iter().flatten() {
                    g = (g.0.min(x), g.1.min(y), g.2.max(x), g.3.max(y));
                }
            }
        }
        g
    }
}

/// Area of a ring (shoelace), absolute.
pub fn flaeche(ring: &[(f64, f64)]) -> f64 {
    let mut a = 0.0;
    for w in ring.windows(2) {
        a += w[0].0 * w[1].1 - w[1].0 * w[0].1;
    }
    (a / 2.0).abs()
}
