//! `freigaben.yaml`: the released versions of an edition, each with its
//! PDF and every input as SHA-256 (written by `release`, read by `verify`).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Datum;

/// Datei `freigaben.yaml`: die freigegebenen Versionen einer Ausgabe. Jede
/// Freigabe hält fest, welches PDF veröffentlicht wurde und woraus es
/// entstand; `kataster-report verify` baut sie nach und vergleicht Byte für
/// Byte. Geschrieben von `kataster-report release`, nie von Hand geändert.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Freigaben {
    /// Die Freigaben, die älteste zuerst.
    pub freigaben: Vec<Freigabe>,
}

/// Eine freigegebene Version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Freigabe {
    /// Version wie in der Dokumenten-Historie, z. B. `"1.0"`.
    pub version: String,
    /// Datum der Version laut Historie.
    pub datum: Datum,
    /// Das Layout, mit dem sie gesetzt wurde (`report/layout/<layout>/`).
    pub layout: String,
    /// Das veröffentlichte PDF.
    pub pdf: PdfAngabe,
    /// Die Programme, mit denen es gebaut wurde.
    pub werkzeug: Werkzeug,
    /// Jede Eingabe des Baus mit ihrer Prüfsumme, nach Pfad sortiert.
    /// `edition.yaml` steht mit dem Stand dieser Version (Historie bis zu ihr).
    pub eingaben: Vec<Eingabe>,
    /// Siegel des Eintrags: SHA-256 über den Eintrag und das Siegel des
    /// Eintrags davor. Geschrieben von `release`; `verify` erkennt daran
    /// einen von Hand geänderten, gelöschten oder eingefügten Eintrag.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub siegel: Option<String>,
}

/// Name, Prüfsumme und Größe eines PDFs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PdfAngabe {
    pub datei: String,
    /// SHA-256, hexadezimal.
    pub sha256: String,
    /// Größe in Bytes.
    pub bytes: u64,
}

/// Versionen der Programme eines Baus.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Werkzeug {
    pub kataster_report: String,
    pub typst: String,
}

/// Eine Eingabedatei eines Baus.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Eingabe {
    /// Pfad relativ zum Projektordner.
    pub datei: String,
    /// SHA-256 des Inhalts, hexadezimal.
    pub sha256: String,
}

impl Freigaben {
    /// The release of `version`, if recorded.
    pub fn version(&self, version: &str) -> Option<&Freigabe> {
        self.freigaben.iter().find(|f| f.version == version)
    }
}
