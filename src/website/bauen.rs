//! `Sitzung::website`: the session builds the PDF and the website from the
//! same prepared data and writes both into one folder.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::{Eingang, PdfVerweis, WebFehler};
use crate::charts::geo::Geodaten;
use crate::export::{self, Fassung};
use crate::freigabe;
use crate::pipeline::BauFehler;
use crate::sitzung::Sitzung;

/// What `site` wrote.
pub struct Website {
    pub ordner: PathBuf,
    /// Files written (pages, charts, open data, style, script, fonts, PDF).
    pub dateien: usize,
    /// Time for the website's files alone (without setting the PDF).
    pub dauer: Duration,
}

impl From<WebFehler> for BauFehler {
    fn from(e: WebFehler) -> Self {
        match e {
            WebFehler::Datei(d) => BauFehler::Diagnosen(vec![*d]),
            WebFehler::Daten(d) => BauFehler::Website(d.to_string()),
        }
    }
}

impl Sitzung {
    /// The website of the edition into `ordner`, with the PDF it links to.
    /// Like `build`, only when `check` passes; a released version's PDF
    /// must give its recorded bytes.
    pub fn website(&mut self, ordner: &Path) -> Result<Website, BauFehler> {
        let v = self.vorbereiten()?;
        if !v.pruefung.bestanden() {
            return Err(BauFehler::Befunde(Box::new(v.pruefung)));
        }
        let (pdf, _, _) = self.pdf(&v)?;
        self.wie_freigegeben(&v, &pdf)?;
        let start = Instant::now();
        let e = &v.geladen.edition;
        let geo = Geodaten::laden(self.wurzel())?;
        let datei = export::dateiname(e, Fassung::Bericht);
        let eingang = Eingang {
            edition: e,
            kennzahlen: &v.kennzahlen,
            abbildungen: &v.abbildungen,
            geo: &geo,
            gestaltung: &v.geladen.gestaltung,
            pdf: PdfVerweis {
                datei: datei.clone(),
                version: e
                    .meta
                    .aktuell()
                    .map(|h| h.version.clone())
                    .unwrap_or_default(),
                bytes: pdf.len() as u64,
                sha256: freigabe::sha256(&pdf),
            },
        };
        let mut dateien = super::dateien(&eingang, self.wurzel(), &v.schriften.dateien)?;
        let dauer = start.elapsed();
        dateien.push((datei, pdf));
        for (pfad, bytes) in &dateien {
            let ziel = ordner.join(pfad);
            if let Some(eltern) = ziel.parent() {
                std::fs::create_dir_all(eltern).map_err(|f| {
                    BauFehler::Export(export::ExportFehler::Schreiben {
                        pfad: eltern.to_path_buf(),
                        fehler: f,
                    })
                })?;
            }
            // The website is generated: its files are replaced.
            export::schreiben(&ziel, bytes, true, false)?;
        }
        Ok(Website {
            ordner: ordner.to_path_buf(),
            dateien: dateien.len(),
            dauer,
        })
    }
}
