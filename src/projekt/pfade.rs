//! Where things live in a project: every path the tool reads or names,
//! relative to the project root, from one place. A folder that moves moves
//! here.

use std::path::{Path, PathBuf};

/// The project's paths (all relative to the project root).
pub struct Projektpfade;

impl Projektpfade {
    /// The data of all editions.
    pub const DATEN: &'static str = "data";
    /// Layouts, chapters and the website's assets.
    pub const BERICHT: &'static str = "report";
    /// The only fonts the report uses.
    pub const SCHRIFTEN: &'static str = "fonts";
    /// The input folders, which no writer may touch.
    pub const EINGABEN: [&'static str; 3] = [Self::DATEN, Self::BERICHT, Self::SCHRIFTEN];
    /// The boundaries of the Landkreise (map, survey).
    pub const GEODATEN: &'static str = "data/geo/niedersachsen-kreise.geojson";
    /// The website's style, script and icon.
    pub const WEBSITE: &'static str = "report/website";
    /// Where builds go unless told otherwise (not an input).
    pub const AUSGABEORDNER: &'static str = "dist";
    /// The fonts' licence, published with the website.
    pub const SCHRIFTLIZENZ: &'static str = "fonts/OFL.txt";

    /// `data/<id>`: the folder of one edition.
    pub fn ausgabe(id: &str) -> PathBuf {
        Path::new(Self::DATEN).join(id)
    }

    /// `data/<id>/<name>`: a file of one edition.
    pub fn ausgabedatei(id: &str, name: &str) -> PathBuf {
        Self::ausgabe(id).join(name)
    }

    /// `data/schema`: the schemas of the files, from the Rust types.
    pub fn schemas() -> PathBuf {
        Path::new(Self::DATEN).join("schema")
    }

    /// `data/<id>/schema`: the schemas with one edition's vocabulary.
    pub fn ausgabe_schemas(id: &str) -> PathBuf {
        Self::ausgabe(id).join("schema")
    }

    /// `dist/website`: where `site` writes unless told otherwise.
    pub fn website_ziel() -> PathBuf {
        Path::new(Self::AUSGABEORDNER).join("website")
    }

    /// `report/layout`: the folder of all layouts.
    pub fn layouts() -> PathBuf {
        Path::new(Self::BERICHT).join("layout")
    }

    /// `report/layout/<name>`: one layout.
    pub fn layout(name: &str) -> PathBuf {
        Self::layouts().join(name)
    }

    /// `report/kapitel/<id>`: the chapters of one edition.
    pub fn kapitel(id: &str) -> PathBuf {
        Path::new(Self::BERICHT).join("kapitel").join(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pfade_wie_im_readme() {
        assert_eq!(
            Projektpfade::ausgabedatei("2026", "edition.yaml"),
            Path::new("data/2026/edition.yaml")
        );
        assert_eq!(
            Projektpfade::layout("2025"),
            Path::new("report/layout/2025")
        );
        assert_eq!(
            Projektpfade::kapitel("2025"),
            Path::new("report/kapitel/2025")
        );
        assert!(Path::new(Projektpfade::GEODATEN).starts_with(Projektpfade::DATEN));
        assert!(Path::new(Projektpfade::WEBSITE).starts_with(Projektpfade::BERICHT));
        assert!(Path::new(Projektpfade::SCHRIFTLIZENZ).starts_with(Projektpfade::SCHRIFTEN));
    }
}
