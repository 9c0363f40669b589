//! `Sitzung::website`: the session builds the PDF and the website from the
//! same prepared data and writes both into one folder.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use super::{Eingang, PdfVerweis, WebFehler};
use crate::charts::geo::Geodaten;
use crate::export::{self, ExportFehler, Fassung};
use crate::projekt::{Ersetzen, Schreibfehler, Zielordner, schreiben::MARKE};

/// The marker file's text: why it is there.
const MARKE_TEXT: &str = "Diesen Ordner hat `kataster-report site` geschrieben; ein neuer Lauf \
                          ersetzt ihn als Ganzes.\n";
use crate::ausgabe::freigabe;
use crate::sitzung::Sitzung;
use crate::sitzung::stufen::BauFehler;

/// What `site` wrote.
pub struct Website {
    pub ordner: PathBuf,
    /// Files written (pages, charts, open data, style, script, fonts, PDF).
    pub dateien: usize,
    /// Time for the website's files alone (without setting the PDF).
    pub dauer: Duration,
    /// What the publisher should know before putting it online (e.g. no
    /// licence for the open data).
    pub hinweise: Vec<String>,
}

impl From<WebFehler> for BauFehler {
    fn from(e: WebFehler) -> Self {
        match e {
            WebFehler::Datei(d) => BauFehler::Diagnosen(vec![*d]),
            WebFehler::Daten(d) => BauFehler::Website(d.to_string().into()),
        }
    }
}

impl Sitzung {
    /// The website of the edition into `ordner`, with the PDF it links to.
    /// Like `build`, only when `check` passes; a released version's PDF
    /// must give its recorded bytes. The site is prepared beside `ordner`
    /// and replaces it in one step; a folder with other files is replaced
    /// only with `erzwingen`.
    pub fn website(&mut self, ordner: &Zielordner, erzwingen: bool) -> Result<Website, BauFehler> {
        if !erzwingen && !ordner.leer_oder_eigen() {
            let fremd = Schreibfehler::Fremd(ordner.anzeige().to_path_buf());
            return Err(BauFehler::Export(ExportFehler::Schreiben(fremd)));
        }
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
        let schreiben = || {
            let fassung = ordner.neufassung(false)?;
            fassung
                .ordner()
                .schreiben(MARKE, MARKE_TEXT.as_bytes(), Ersetzen::Nie)?;
            for (pfad, bytes) in &dateien {
                fassung.ordner().schreiben(pfad, bytes, Ersetzen::Nie)?;
            }
            fassung.abschliessen()
        };
        schreiben().map_err(|e| BauFehler::Export(ExportFehler::Schreiben(e)))?;
        let mut hinweise = Vec::new();
        if e.meta.lizenz.is_none() {
            hinweise.push(format!(
                "{} nennt keine Lizenz der offenen Daten; die Datenseite sagt, dass keine \
                 angegeben ist, und ohne Lizenz darf sie niemand sicher weiterverwenden \
                 (`lizenz: {{name: …, url: …}}` in edition.yaml, z. B. Datenlizenz Deutschland)",
                crate::projekt::Projektpfade::ausgabedatei(&e.id, "edition.yaml").display()
            ));
        }
        Ok(Website {
            ordner: ordner.anzeige().to_path_buf(),
            dateien: dateien.len(),
            dauer,
            hinweise,
        })
    }
}
