//! Stage website (`kataster-report site`): the catalogue of projects as a
//! static, accessible website in German, from the same data, figures and
//! map as the PDF, with the open data. A folder any web server or file
//! share can host: no server, no database, no request to another host.

mod abbildungen;
mod bauen;
pub mod befunde;
pub mod bericht;
mod html;
pub mod katalog;
pub mod offene_daten;
mod pflichtseiten;
pub mod register;
mod seiten;
pub mod verlauf;

use std::path::{Path, PathBuf};

use crate::charts::Abbildung;
use crate::charts::geo::Geodaten;
use crate::diagnostics::Diagnose;
use crate::figures::Kennzahlen;
use crate::model::{Edition, Gestaltung};
use crate::projekt;
use crate::projekt::Projektpfade;

pub use bauen::{ALLE_CSV, ALLE_JSON, Website, alle_ausgaben};
pub use html::CSP;
pub use seiten::{landkreis_adresse, produkt_adresse, projekt_adresse};

/// The website's own files in the project (`report/website/`): style sheet,
/// the script of the project list, the symbol of the title page as the
/// tab's icon (with its licence).
const EIGENE: &[&str] = &["stil.css", "suche.js", "symbol.svg", "LIZENZ-phosphor.txt"];

/// The PDF the website links to (written beside it).
#[derive(Debug, Clone)]
pub struct PdfVerweis {
    pub datei: String,
    pub version: String,
    pub bytes: u64,
    pub sha256: String,
}

/// What the website is made from.
pub struct Eingang<'a> {
    pub edition: &'a Edition,
    pub kennzahlen: &'a Kennzahlen,
    pub abbildungen: &'a [Abbildung],
    pub geo: &'a Geodaten,
    pub gestaltung: &'a Gestaltung,
    pub pdf: PdfVerweis,
    /// Every edition of the site (this one among them).
    pub ausgaben: &'a verlauf::Ausgaben,
    /// What the provider says about the site (`report/website/angaben.yaml`).
    pub angaben: &'a crate::model::Websiteangaben,
    /// The explanation in Leichte Sprache (`report/website/leichte-sprache.txt`).
    pub leichte_sprache: &'a str,
    /// The figures in the order the chapters place them (their numbers in
    /// the PDF: the first is Abbildung 1).
    pub nummern: Vec<String>,
    /// How much of the report's text is checked, and the passages the data
    /// cannot decide, with their reasons.
    pub abdeckung: &'a crate::claims::abdeckung::Abdeckung,
    /// The report as HTML: its chapter pages and the evidence of its numbers.
    pub bericht: &'a Berichtsseiten,
}

/// The report as pages of the website.
#[derive(Debug, Clone, Default)]
pub struct Berichtsseiten {
    pub seiten: Vec<bericht::Kapitelseite>,
    /// Every anchor of the chapters and the page it is on.
    pub anker: std::collections::BTreeMap<String, String>,
    /// Every checked number and statement with what it counts.
    pub nachweise: Vec<(crate::vertrag::Nachweis, Vec<crate::figures::Beleg>)>,
}

#[cfg(test)]
mod tests {
    #[test]
    fn abbildungen_in_der_folge_der_kapitel() {
        let texte = [
            "= A\n#karte()\n#abbildung(\"status\") <abb>",
            "#abbildung(\"vzae\")\n#abbildung(\"status\")\n#karte()",
        ];
        assert_eq!(
            super::abbildungsfolge(texte.into_iter()),
            ["karte", "status", "vzae"]
        );
    }
}

/// The ids of the figures in the order the chapter texts place them
/// (`#karte()`, `#abbildung("id")`), each once: the numbering of the PDF.
pub fn abbildungsfolge<'a>(texte: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for text in texte {
        let mut rest = text;
        loop {
            let karte = rest.find("#karte()");
            let abb = rest.find("#abbildung(\"");
            let (id, weiter) = match (karte, abb) {
                (Some(k), a) if a.is_none_or(|a| k < a) => ("karte".to_owned(), k + 8),
                (_, Some(a)) => {
                    let anfang = a + "#abbildung(\"".len();
                    let ende = rest[anfang..].find('"').map_or(anfang, |e| anfang + e);
                    (rest[anfang..ende].to_owned(), ende)
                }
                _ => break,
            };
            if !out.contains(&id) {
                out.push(id);
            }
            rest = &rest[weiter..];
        }
    }
    out
}

/// One page: its address from the site's root and its HTML.
pub struct Seite {
    pub pfad: String,
    pub html: String,
}

/// Why the website cannot be made.
#[derive(Debug, thiserror::Error)]
pub enum WebFehler {
    #[error("{0}")]
    Daten(#[from] offene_daten::DatenFehler),
    #[error("{}", .0.meldung)]
    Datei(Box<Diagnose>),
    #[error("Abbildung „{id}“ für die Website: {fehler}")]
    Abbildung { id: String, fehler: String },
}

/// Every page of the website, in a fixed order.
pub fn seiten(d: &Eingang) -> Vec<Seite> {
    let e = d.edition;
    let mut out = vec![
        seiten::startseite(d),
        seiten::projektliste(d),
        seiten::datenseite(d),
    ];
    out.extend(
        e.alle_steckbriefe()
            .map(|(lk, s)| seiten::projektseite(d, lk, s)),
    );
    out.extend(e.landkreise.iter().map(|l| seiten::landkreisseite(d, l)));
    out.extend(
        e.vokabular
            .produkte
            .iter()
            .map(|p| seiten::produktseite(d, p)),
    );
    out.extend(bericht::webseiten(d));
    out.push(pflichtseiten::leichte_sprache(d));
    out.extend(pflichtseiten::barrierefreiheit(d));
    out.extend(pflichtseiten::impressum(d));
    out.extend(pflichtseiten::datenschutz(d));
    out
}

/// What the whole site (every edition) is made of besides the editions: the
/// provider's statements and the text in Leichte Sprache, read once.
pub struct Websiteweit {
    pub angaben: crate::model::Websiteangaben,
    pub leichte_sprache: String,
}

impl Websiteweit {
    /// `report/website/angaben.yaml` (none where the file is missing; a
    /// problem located in the file) and `leichte-sprache.txt`.
    pub fn laden(
        wurzel: &Path,
        texte: &mut crate::load::Quelltexte,
    ) -> Result<Websiteweit, Vec<Diagnose>> {
        let ordner = Path::new(Projektpfade::WEBSITE);
        let datei = ordner.join(ANGABEN);
        let angaben = if std::fs::symlink_metadata(wurzel.join(&datei)).is_err() {
            crate::model::Websiteangaben::default()
        } else {
            let mut dateien = std::collections::BTreeMap::new();
            crate::load::lade_datei(wurzel, &datei, &mut dateien, texte)?
        };
        let leichte_sprache =
            projekt::lese_text(wurzel, &ordner.join(LEICHTE_SPRACHE), projekt::MAX_TEXT)
                .map_err(|e| vec![e.diagnose()])?;
        Ok(Websiteweit {
            angaben,
            leichte_sprache,
        })
    }

    /// What the site lacks before a public body may put it online.
    pub fn fehlend(&self) -> Vec<String> {
        pflichtseiten::fehlend(&self.angaben)
    }
}

/// The file of the provider's statements, in `report/website/`.
pub const ANGABEN: &str = "angaben.yaml";

/// The explanation in Leichte Sprache, in `report/website/`.
pub const LEICHTE_SPRACHE: &str = "leichte-sprache.txt";

/// Every file of the website with its address: pages, charts, open data,
/// the style sheet, the script and the fonts (read from the project).
pub fn dateien(
    d: &Eingang,
    wurzel: &Path,
    schriften: &[PathBuf],
) -> Result<Vec<(String, Vec<u8>)>, WebFehler> {
    let mut out: Vec<(String, Vec<u8>)> = seiten(d)
        .into_iter()
        .map(|s| (s.pfad, s.html.into_bytes()))
        .collect();
    let mut fonts = Vec::new();
    for f in schriften {
        let name = f
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        fonts.push((
            format!("schriften/{name}"),
            lesen(wurzel, f, projekt::MAX_BINAER)?,
        ));
    }
    // The map too: the chapter pages of the report show it as an image.
    let fehler = |id: &str| {
        let id = id.to_owned();
        move |fehler| WebFehler::Abbildung { id, fehler }
    };
    let mit_schriften =
        abbildungen::optionen(fonts.iter().map(|(_, b)| b.as_slice())).map_err(fehler("alle"))?;
    for a in d.abbildungen {
        let svg = abbildungen::mit_umrissen(&a.svg, &mit_schriften).map_err(fehler(&a.id))?;
        out.push((format!("abb/{}.svg", a.id), svg.into_bytes()));
    }
    out.extend(offene_daten_dateien(d)?);
    for name in EIGENE {
        let p = Path::new(Projektpfade::WEBSITE).join(name);
        out.push(((*name).to_owned(), lesen(wurzel, &p, projekt::MAX_TEXT)?));
    }
    out.extend(fonts);
    // The fonts' licence travels with them.
    let lizenz = Path::new(Projektpfade::SCHRIFTLIZENZ);
    if projekt::ist_datei(wurzel, lizenz) {
        out.push((
            "schriften/OFL.txt".into(),
            lesen(wurzel, lizenz, projekt::MAX_TEXT)?,
        ));
    }
    Ok(out)
}

/// The open data of the edition under `daten/`: every project as JSON (with
/// its schema) and as CSV in both forms, one JSON per project, Tabelle 1 as
/// CSV in both forms.
fn offene_daten_dateien(d: &Eingang) -> Result<Vec<(String, Vec<u8>)>, WebFehler> {
    use offene_daten::{Csvform, Regionalschluessel};
    let e = d.edition;
    let rs = Regionalschluessel::aus(d.geo);
    let json = |v: &serde_json::Value| serde_json::to_vec_pretty(v).unwrap_or_default();
    let mut out = vec![
        (
            "daten/projekte.json".to_owned(),
            json(&offene_daten::projekte_json(e, &rs)),
        ),
        (
            "daten/projekte.schema.json".to_owned(),
            json(&offene_daten::projekte_schema()),
        ),
    ];
    for form in [Csvform::Tabellenkalkulation, Csvform::Rfc4180] {
        out.push((
            format!("daten/{}", form.datei("projekte")),
            offene_daten::projekte_csv(e, &rs, form)?,
        ));
        out.push((
            format!("daten/{}", form.datei("landkreise")),
            offene_daten::landkreise_csv(e, &rs, form)?,
        ));
    }
    let register = register::register(e, &|lk| landkreis_bezeichnung(e, lk));
    out.push((register::DATEI.to_owned(), json(&register.json)));
    out.push((
        "daten/algorithmenregister.schema.json".to_owned(),
        register::SCHEMA.as_bytes().to_vec(),
    ));
    for (lk, s) in e.alle_steckbriefe() {
        out.push((
            format!("daten/projekt/{}.json", s.id),
            json(&offene_daten::ein_projekt_json(e, lk, s, &rs)),
        ));
    }
    Ok(out)
}

/// "Landkreis Celle" for "Celle" (the name itself if Tabelle 1 lacks it).
pub fn landkreis_bezeichnung(e: &crate::model::Edition, name: &str) -> String {
    e.landkreise
        .iter()
        .find(|l| l.name == name)
        .map_or_else(|| name.to_owned(), |l| l.bezeichnung())
}

fn lesen(wurzel: &Path, relativ: &Path, max: u64) -> Result<Vec<u8>, WebFehler> {
    projekt::lesen(wurzel, relativ, max).map_err(|e| WebFehler::Datei(Box::new(e.diagnose())))
}
