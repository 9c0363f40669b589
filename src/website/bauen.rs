//! `Sitzung::website`: the session builds the PDF and the website from the
//! same prepared data and writes both into one folder.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use super::verlauf::Ausgaben;
use super::{Eingang, PdfVerweis, WebFehler, Websiteweit, offene_daten};
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
            a @ WebFehler::Abbildung { .. } => BauFehler::Website(a.to_string().into()),
        }
    }
}

/// One edition's files of a site (paths from its own root) and what the
/// publisher should know.
pub struct Webteil {
    pub dateien: Vec<(String, Vec<u8>)>,
    pub hinweise: Vec<String>,
    pub dauer: Duration,
}

impl Sitzung {
    /// The website of the edition alone into `ordner`, with the PDF it links
    /// to. Like `build`, only when `check` passes; a released version's PDF
    /// must give its recorded bytes. The site is prepared beside `ordner`
    /// and replaces it in one step; a folder with other files is replaced
    /// only with `erzwingen`.
    pub fn website(&mut self, ordner: &Zielordner, erzwingen: bool) -> Result<Website, BauFehler> {
        fremd_pruefen(ordner, erzwingen)?;
        let g = self.laden()?;
        let ausgaben = Ausgaben::aus(&[&g.edition]);
        let wurzel = self.wurzel().to_path_buf();
        let weit = Websiteweit::laden(&wurzel, &mut self.quellen).map_err(BauFehler::Diagnosen)?;
        let mut teil = self.website_teil(&ausgaben, &weit)?;
        teil.hinweise.splice(0..0, weit.fehlend());
        let pdf = export::dateiname(&g.edition, Fassung::Bericht);
        teil.dateien.push(katalog_datei(&[(&g.edition, "", &pdf)]));
        schreiben(ordner, &teil.dateien)?;
        Ok(Website {
            ordner: ordner.anzeige().to_path_buf(),
            dateien: teil.dateien.len(),
            dauer: teil.dauer,
            hinweise: teil.hinweise,
        })
    }

    /// This edition's part of a site with the editions `ausgaben` and what
    /// the whole site shares (`weit`): its pages, open data and PDF.
    pub fn website_teil(
        &mut self,
        ausgaben: &Ausgaben,
        weit: &Websiteweit,
    ) -> Result<Webteil, BauFehler> {
        let v = self.vorbereiten()?;
        if !v.pruefung.bestanden() {
            return Err(BauFehler::Befunde(Box::new(v.pruefung)));
        }
        let (pdf, _, _) = self.pdf(&v)?;
        self.wie_freigegeben(&v, &pdf)?;
        let html = self.bericht_html(&v)?;
        let (seiten, anker) = super::bericht::seiten(&html);
        let bericht = super::Berichtsseiten {
            seiten,
            anker,
            nachweise: v
                .pruefung
                .behauptungen
                .iter()
                .map(|b| (b.nachweis(), b.belege.clone()))
                .collect(),
        };
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
            ausgaben,
            angaben: &weit.angaben,
            leichte_sprache: &weit.leichte_sprache,
            nummern: super::abbildungsfolge(v.kapitel.iter().map(|k| k.text.as_str())),
            abdeckung: &v.pruefung.abdeckung,
            bericht: &bericht,
        };
        let mut dateien = super::dateien(&eingang, self.wurzel(), &v.schriften.dateien)?;
        let dauer = start.elapsed();
        dateien.push((datei, pdf));
        let mut hinweise = Vec::new();
        if e.meta.lizenz.is_none() {
            hinweise.push(format!(
                "{} nennt keine Lizenz der offenen Daten; die Datenseite sagt, dass keine \
                 angegeben ist, und ohne Lizenz darf sie niemand sicher weiterverwenden \
                 (`lizenz: {{name: …, url: …}}` in edition.yaml, z. B. Datenlizenz Deutschland)",
                crate::projekt::Projektpfade::ausgabedatei(&e.id, "edition.yaml").display()
            ));
        }
        let register = super::register::register(e, &|lk| super::landkreis_bezeichnung(e, lk));
        hinweise.extend(super::register::hinweis(
            &register,
            e.alle_steckbriefe().count(),
        ));
        Ok(Webteil {
            dateien,
            hinweise,
            dauer,
        })
    }
}

/// The site of every edition in `data/`: the newest at the root, each
/// older one in a folder named by its id, the projects' history over them
/// and the open data of all editions in one file. Nothing is written unless
/// every edition passes `check`; the failing edition's session comes back
/// with the problem (its texts render the diagnostics).
pub fn alle_ausgaben(
    wurzel: &std::path::Path,
    ordner: &Zielordner,
    erzwingen: bool,
) -> Result<Website, Box<(Option<Sitzung>, BauFehler)>> {
    fremd_pruefen(ordner, erzwingen).map_err(|e| Box::new((None, e)))?;
    let mut sitzungen = Vec::new();
    let mut editionen = Vec::new();
    for id in crate::load::editionen(wurzel) {
        let mut s = Sitzung::oeffnen(wurzel, Some(&id))
            .map_err(|d| Box::new((None, BauFehler::Diagnosen(vec![d]))))?;
        match s.laden() {
            Ok(g) => editionen.push(g.edition),
            Err(e) => return Err(Box::new((Some(s), e))),
        }
        sitzungen.push(s);
    }
    let alle: Vec<&crate::model::Edition> = editionen.iter().collect();
    let ausgaben = Ausgaben::aus(&alle);
    let weit = match sitzungen.first_mut() {
        Some(s) => Websiteweit::laden(wurzel, &mut s.quellen),
        None => Websiteweit::laden(wurzel, &mut Default::default()),
    };
    let weit = match weit {
        Ok(w) => w,
        Err(d) => {
            return Err(Box::new((
                sitzungen.into_iter().next(),
                BauFehler::Diagnosen(d),
            )));
        }
    };
    let mut dateien = Vec::new();
    let mut hinweise = weit.fehlend();
    let mut dauer = Duration::ZERO;
    for mut s in sitzungen {
        let teil = match s.website_teil(&ausgaben, &weit) {
            Ok(t) => t,
            Err(e) => return Err(Box::new((Some(s), e))),
        };
        let ort = ausgaben.ort(s.id()).to_owned();
        dateien.extend(
            teil.dateien
                .into_iter()
                .map(|(p, b)| (format!("{ort}{p}"), b)),
        );
        let vorne = if ausgaben.mehrere() {
            format!("Ausgabe {}: ", s.id())
        } else {
            String::new()
        };
        hinweise.extend(teil.hinweise.into_iter().map(|h| format!("{vorne}{h}")));
        dauer += teil.dauer;
    }
    let start = Instant::now();
    let pdfs: Vec<String> = alle
        .iter()
        .map(|e| export::dateiname(e, Fassung::Bericht))
        .collect();
    let eintraege: Vec<(&crate::model::Edition, &str, &str)> = ausgaben
        .liste
        .iter()
        .filter_map(|a| {
            let i = alle.iter().position(|e| e.id == a.id)?;
            Some((alle[i], a.ort.as_str(), pdfs[i].as_str()))
        })
        .collect();
    dateien.push(katalog_datei(&eintraege));
    let geo = Geodaten::laden(wurzel).map_err(|e| Box::new((None, e.into())))?;
    dateien.extend(alle_daten(&ausgaben, &alle, &geo).map_err(|e| Box::new((None, e.into())))?);
    dauer += start.elapsed();
    schreiben(ordner, &dateien).map_err(|e| Box::new((None, e)))?;
    Ok(Website {
        ordner: ordner.anzeige().to_path_buf(),
        dateien: dateien.len(),
        dauer,
        hinweise,
    })
}

/// The open data across every edition, at the site's root.
fn alle_daten(
    ausgaben: &Ausgaben,
    editionen: &[&crate::model::Edition],
    geo: &Geodaten,
) -> Result<Vec<(String, Vec<u8>)>, WebFehler> {
    use offene_daten::{Csvform, Regionalschluessel};
    let rs = Regionalschluessel::aus(geo);
    let sortiert: Vec<&crate::model::Edition> = ausgaben
        .liste
        .iter()
        .filter_map(|a| editionen.iter().find(|e| e.id == a.id).copied())
        .collect();
    let json = offene_daten::projekte_json_aller(&sortiert, &rs);
    let mut out = vec![(
        ALLE_JSON.to_owned(),
        serde_json::to_vec_pretty(&json).unwrap_or_default(),
    )];
    for form in [Csvform::Tabellenkalkulation, Csvform::Rfc4180] {
        out.push((
            format!("daten/{}", form.datei(ALLE)),
            offene_daten::projekte_csv_aller(&sortiert, &rs, form)?,
        ));
    }
    Ok(out)
}

/// `daten/katalog.jsonld` for the editions given.
fn katalog_datei(ausgaben: &[(&crate::model::Edition, &str, &str)]) -> (String, Vec<u8>) {
    let json = super::katalog::katalog(ausgaben);
    (
        super::katalog::DATEI.to_owned(),
        serde_json::to_vec_pretty(&json).unwrap_or_default(),
    )
}

/// The name of the open data of every edition (`daten/<ALLE>.csv`, `.json`).
const ALLE: &str = "projekte-alle-ausgaben";

/// The open data of every edition, at the site's root.
pub const ALLE_CSV: &str = "daten/projekte-alle-ausgaben.csv";
pub const ALLE_JSON: &str = "daten/projekte-alle-ausgaben.json";

/// A folder with files `site` did not write is replaced only with `erzwingen`.
fn fremd_pruefen(ordner: &Zielordner, erzwingen: bool) -> Result<(), BauFehler> {
    if !erzwingen && !ordner.leer_oder_eigen() {
        let fremd = Schreibfehler::Fremd(ordner.anzeige().to_path_buf());
        return Err(BauFehler::Export(ExportFehler::Schreiben(fremd)));
    }
    Ok(())
}

/// The site's files into `ordner`, prepared beside it and switched into
/// place in one step, with the marker that it is the tool's.
fn schreiben(ordner: &Zielordner, dateien: &[(String, Vec<u8>)]) -> Result<(), BauFehler> {
    let schreiben = || {
        let fassung = ordner.neufassung(false)?;
        fassung
            .ordner()
            .schreiben(MARKE, MARKE_TEXT.as_bytes(), Ersetzen::Nie)?;
        for (pfad, bytes) in dateien {
            fassung.ordner().schreiben(pfad, bytes, Ersetzen::Nie)?;
        }
        fassung.abschliessen()
    };
    schreiben().map_err(|e| BauFehler::Export(ExportFehler::Schreiben(e)))
}
