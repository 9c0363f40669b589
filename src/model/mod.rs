//! The data of one edition, as the editors write it in `data/<edition>/`.
//!
//! Field documentation (`///`) is user-facing: it becomes the description in
//! the generated JSON Schemas that editors see while typing, so it is German.

mod angaben;
mod antwort;
mod edition;
mod freigabe;
mod gestaltung;
mod kennzahl;
mod landkreis;
mod steckbrief;
pub mod tabelle;
mod vokabular;

pub use angaben::{Anbieter, Barrierefreiheit, Schlichtungsstelle, Vereinbarkeit, Websiteangaben};
pub use antwort::Antwort;
pub use edition::{
    Abweichung, Abweichungen, Bildnachweis, Datum, EditionMeta, Glossar, GlossarEintrag,
    HistorienEintrag, Lizenz, MONATE, Mitwirkende, Quelle, Quellen, URL_MUSTER, Umfrage,
    WebsiteAbweichung, WebsiteBefund, sichere_url,
};
pub use freigabe::{Eingabe, Freigabe, Freigaben, PdfAngabe, Werkzeug};
pub use gestaltung::{Farbe, Gestaltung, KartenZahlen, SCHWARZ, WEISS, kontrast, leuchtdichte};
pub use kennzahl::{KennzahlArt, KennzahlDefinition, KennzahlenDatei, WortGrenze};
pub use landkreis::{Dezimal, Kreisart, Landkreis, Landkreise, ProjekteNachStatus};
pub use steckbrief::{
    FELDER, Feld, FeldArt, FeldWert, Steckbrief, SteckbriefDatei, kennung_vorschlag,
};
pub use vokabular::{Produkt, Vokabular, VokabularEintrag};

/// One edition, loaded and validated: everything the report is made from.
#[derive(Debug, Clone, PartialEq)]
pub struct Edition {
    /// The folder name under `data/`, e.g. `2025`.
    pub id: String,
    pub meta: EditionMeta,
    pub landkreise: Vec<Landkreis>,
    /// Fact sheets in the order of `landkreise`, then of their file.
    pub steckbriefe: Vec<SteckbriefDatei>,
    pub vokabular: Vokabular,
    pub quellen: Vec<Quelle>,
    pub glossar: Vec<GlossarEintrag>,
    pub abweichungen: Vec<Abweichung>,
    /// Acknowledged findings about the website (`website:` in abweichungen.yaml).
    pub website_abweichungen: Vec<WebsiteAbweichung>,
    /// The figures defined in `kennzahlen.yaml` (none without the file).
    pub kennzahl_definitionen: Vec<KennzahlDefinition>,
    /// The edition's own ranges of vague words (`worte:` in
    /// `kennzahlen.yaml`).
    pub wortgrenzen: Vec<WortGrenze>,
}

impl Edition {
    /// All fact sheets with the Landkreis they belong to.
    pub fn alle_steckbriefe(&self) -> impl Iterator<Item = (&str, &Steckbrief)> {
        self.steckbriefe
            .iter()
            .flat_map(|d| d.steckbriefe.iter().map(move |s| (d.landkreis.as_str(), s)))
    }

    pub fn landkreis(&self, name: &str) -> Option<&Landkreis> {
        self.landkreise.iter().find(|l| l.name == name)
    }
}
