//! The versioned PDF: metadata from the edition, written atomically, and
//! never silently replacing a released file.

use std::path::PathBuf;

use typst::foundations::{Datetime, Smart};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use crate::model::Edition;
use crate::projekt::Schreibfehler;

mod stroeme;

#[derive(Debug, thiserror::Error)]
pub enum ExportFehler {
    #[error("PDF konnte nicht erzeugt werden: {0}")]
    Pdf(String),
    #[error(
        "{pfad} gibt es schon mit anderem Inhalt. Eine veröffentlichte Fassung wird nicht überschrieben; erhöhen Sie die Version in edition.yaml oder bauen Sie mit --force."
    )]
    Vorhanden { pfad: PathBuf },
    #[error("{0}.")]
    Schreiben(Schreibfehler),
}

impl ExportFehler {
    /// The failure with its hint.
    pub fn meldung(&self) -> crate::diagnostics::Meldung {
        match self {
            ExportFehler::Schreiben(s) => s.meldung(),
            andere => crate::diagnostics::Meldung::neu(andere.to_string()),
        }
    }
}

impl From<Schreibfehler> for ExportFehler {
    fn from(e: Schreibfehler) -> Self {
        match e {
            Schreibfehler::Vorhanden(pfad) => ExportFehler::Vorhanden { pfad },
            e => ExportFehler::Schreiben(e),
        }
    }
}

/// Which kind of PDF a build writes; each has its own file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fassung {
    /// The report of the edition's current version.
    Bericht,
    /// Marked on every page, with the check's findings (`build --entwurf`).
    Entwurf,
    /// The working copy `watch` keeps up to date; never the report's name,
    /// so that it never replaces a built or released PDF.
    Vorschau,
}

/// `ki-kataster-2025-v1.0.pdf`; a draft: `ki-kataster-2025-v1.0-entwurf.pdf`;
/// the preview of `watch`: `ki-kataster-2025-v1.0-vorschau.pdf`.
pub fn dateiname(e: &Edition, fassung: Fassung) -> String {
    let version = e.meta.aktuell().map_or("0", |h| h.version.as_str());
    let sicher: String = version
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let zusatz = match fassung {
        Fassung::Bericht => "",
        Fassung::Entwurf => "-entwurf",
        Fassung::Vorschau => "-vorschau",
    };
    format!("ki-kataster-{}-v{sicher}{zusatz}.pdf", e.id)
}

/// How a PDF is written.
#[derive(Debug, Clone, Copy)]
pub struct PdfArt {
    /// Objects packed into object streams (`gestaltung.yaml`).
    pub objektstroeme: bool,
    /// The object streams written in one pass over typst-pdf's bytes
    /// (`stroeme`), not by lopdf reading and writing the whole PDF again;
    /// other bytes than lopdf's, so only for layouts no release uses.
    pub in_einem_durchgang: bool,
    /// Tagged, PDF/UA-1. Only the preview of `watch`, rebuilt on every
    /// change for the editor's eyes, leaves the tags out: they take most of
    /// the export's time.
    pub getaggt: bool,
    /// The viewer opens with the bookmarks shown (`/PageMode /UseOutlines`,
    /// `gestaltung.yaml`).
    pub lesezeichen: bool,
}

/// The PDF bytes, with a stable identifier and the edition's date; with
/// `objektstroeme` its objects packed into object streams, with
/// `lesezeichen` opening with its bookmarks shown.
pub fn pdf(dokument: &PagedDocument, e: &Edition, art: PdfArt) -> Result<Vec<u8>, ExportFehler> {
    let bytes = typst_pdf_bytes(dokument, e, art.getaggt)?;
    if art.objektstroeme && art.in_einem_durchgang {
        stroeme::packen(&bytes, art.lesezeichen)
            .map_err(|f| ExportFehler::Pdf(format!("Objekt-Streams schreiben: {f}")))
    } else if art.objektstroeme || art.lesezeichen {
        umschreiben(&bytes, art)
    } else {
        Ok(bytes)
    }
}

/// Rewrites a PDF: with `objektstroeme` its non-stream objects (most of
/// them the structure tree that makes it accessible) in compressed object
/// streams and a cross-reference stream (PDF 1.5); with `lesezeichen` the
/// catalogue's page mode set to show the bookmarks. The objects, their
/// numbers and the content stay the same; lopdf writes them in number
/// order, so the same input gives the same bytes.
fn umschreiben(bytes: &[u8], art: PdfArt) -> Result<Vec<u8>, ExportFehler> {
    fn fehler(e: impl std::fmt::Display) -> ExportFehler {
        ExportFehler::Pdf(format!("PDF umschreiben: {e}"))
    }
    let mut dokument = lopdf::Document::load_mem(bytes).map_err(fehler)?;
    if art.lesezeichen {
        let katalog = dokument.catalog_mut().map_err(fehler)?;
        katalog.set("PageMode", lopdf::Object::Name(b"UseOutlines".to_vec()));
    }
    let mut out = Vec::with_capacity(bytes.len() / 2);
    if art.objektstroeme {
        dokument.save_modern(&mut out).map_err(fehler)?;
    } else {
        dokument.save_to(&mut out).map_err(fehler)?;
    }
    Ok(out)
}

fn typst_pdf_bytes(
    dokument: &PagedDocument,
    e: &Edition,
    getaggt: bool,
) -> Result<Vec<u8>, ExportFehler> {
    let datum = e.meta.aktuell().map(|h| h.datum);
    let zeit = datum.and_then(|d| Datetime::from_ymd(i32::from(d.jahr), d.monat, d.tag));
    let optionen = PdfOptions {
        ident: Smart::Custom(format!("nlt-ki-kataster-{}", e.id)),
        creator: Smart::Custom(Some("kataster-report".into())),
        timestamp: zeit.map(Timestamp::new_utc),
        // PDF/UA-1: Typst refuses to write a PDF that lacks what assistive
        // technology needs (title, language, alt texts, table headers, …).
        standards: if getaggt {
            PdfStandards::new(&[PdfStandard::Ua_1])
                .map_err(|e| ExportFehler::Pdf(e.message().to_string()))?
        } else {
            PdfStandards::default()
        },
        tagged: getaggt,
        ..PdfOptions::default()
    };
    typst_pdf::pdf(dokument, &optionen).map_err(|d| {
        ExportFehler::Pdf(
            d.iter()
                .map(|x| x.message.to_string())
                .collect::<Vec<_>>()
                .join("; "),
        )
    })
}
