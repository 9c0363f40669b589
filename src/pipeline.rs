//! The build of a report, stage by stage: load, compute, charts, templates,
//! compile, export. Each stage is timed for `build --timings`.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use typst_layout::PagedDocument;

use crate::charts::{self, Abbildung, ZeichenFehler, geo::Geodaten};
use crate::compile::{self, world::BerichtsWelt, world::Schriften};
use crate::diagnostics::Diagnose;
use crate::export::{self, ExportFehler, Geschrieben};
use crate::figures::{self, Kennzahlen};
use crate::load::{self, Geladen, Quelltexte};
use crate::report_data;
use crate::templates::{self, Kapitel, Modus};

/// The main file of the layout, as a project path.
pub const HAUPTDATEI: &str = "/report/bericht.typ";

/// Durations of the stages of one run.
#[derive(Debug, Default, Clone)]
pub struct Zeiten {
    pub stufen: Vec<(&'static str, Duration)>,
}

impl Zeiten {
    fn messen<T>(&mut self, name: &'static str, f: impl FnOnce() -> T) -> T {
        let start = Instant::now();
        let t = f();
        self.stufen.push((name, start.elapsed()));
        t
    }

    pub fn gesamt(&self) -> Duration {
        self.stufen.iter().map(|s| s.1).sum()
    }
}

/// Why a build stopped.
#[derive(Debug)]
pub enum BauFehler {
    /// Problems in the data, the templates or the layout, with the texts
    /// needed to show their lines.
    Diagnosen(Vec<Diagnose>, Quelltexte),
    Abbildung(ZeichenFehler),
    Export(ExportFehler),
    Schriften(String),
}

impl From<ZeichenFehler> for BauFehler {
    fn from(e: ZeichenFehler) -> Self {
        BauFehler::Abbildung(e)
    }
}

impl From<ExportFehler> for BauFehler {
    fn from(e: ExportFehler) -> Self {
        BauFehler::Export(e)
    }
}

/// Everything generated from the data, ready for Typst.
pub struct Vorbereitet {
    pub geladen: Geladen,
    pub kennzahlen: Kennzahlen,
    pub abbildungen: Vec<Abbildung>,
    pub kapitel: Vec<Kapitel>,
    /// The fonts of `fonts/`, the only ones the report may use.
    pub schriften: Schriften,
    /// Generated files by project path (`/generiert/…`).
    pub erzeugt: Vec<(String, Vec<u8>)>,
}

fn quelltexte_von(kapitel: &[Kapitel], basis: Quelltexte) -> Quelltexte {
    let mut q = basis;
    for k in kapitel {
        q.merken(&k.pfad, &k.text);
    }
    q
}

/// Loads the figure font for plotters and the geodata.
fn abbildungen(wurzel: &Path, g: &Geladen, k: &Kennzahlen) -> Result<Vec<Abbildung>, BauFehler> {
    let schrift = std::fs::read(wurzel.join("fonts/Inter-Regular.otf"))
        .map_err(|e| BauFehler::Schriften(format!("fonts/Inter-Regular.otf: {e}")))?;
    charts::schrift_registrieren(&schrift)?;
    let geo = Geodaten::laden(wurzel)?;
    let fehler = crate::validate::pruefe_kartenbezug(
        &g.edition.landkreise,
        &geo.landkreisnamen(),
        &g.dateien,
        &Path::new("data").join(&g.edition.id),
    );
    if !fehler.is_empty() {
        return Err(BauFehler::Diagnosen(fehler, g.quelltexte()));
    }
    Ok(charts::alle(&g.edition, k, &geo)?)
}

/// Stages load, compute, charts and templates.
pub fn vorbereiten(wurzel: &Path, id: &str, zeiten: &mut Zeiten) -> Result<Vorbereitet, BauFehler> {
    let geladen = zeiten
        .messen("Daten laden", || load::lade_edition(wurzel, id))
        .map_err(|(d, q)| BauFehler::Diagnosen(d, q))?;
    let kennzahlen = zeiten.messen("Kennzahlen", || figures::berechne(&geladen.edition));
    let abbildungen =
        zeiten.messen("Abbildungen", || abbildungen(wurzel, &geladen, &kennzahlen))?;
    let start = Instant::now();
    let kapitel = templates::lade_kapitel(wurzel, id)
        .map_err(|d| BauFehler::Diagnosen(d, geladen.quelltexte()))?;
    let schriften = Schriften::laden(&wurzel.join("fonts"))
        .map_err(|e| BauFehler::Schriften(format!("fonts/: {e}")))?;
    if schriften.schriften.is_empty() {
        return Err(BauFehler::Schriften(
            "im Ordner fonts/ liegt keine Schrift".into(),
        ));
    }
    let mut probleme =
        templates::pruefe_platzhalter(&kapitel, &kennzahlen, &geladen.edition.quellen);
    probleme.extend(crate::validate::pruefe_zeichen(
        &geladen.dateien,
        &kapitel,
        |c| schriften.hat_zeichen(c),
    ));
    if !probleme.is_empty() {
        return Err(BauFehler::Diagnosen(
            probleme,
            quelltexte_von(&kapitel, geladen.quelltexte()),
        ));
    }
    let texte = templates::rendern(&kapitel, &kennzahlen, &geladen.edition.meta, Modus::Bericht)
        .map_err(|d| BauFehler::Diagnosen(d, quelltexte_von(&kapitel, geladen.quelltexte())))?;
    let mut erzeugt = Vec::new();
    let daten = report_data::daten_json(&geladen.edition, &kennzahlen, &abbildungen);
    erzeugt.push((
        "/generiert/daten.json".to_owned(),
        serde_json::to_vec_pretty(&daten).unwrap_or_default(),
    ));
    for a in &abbildungen {
        erzeugt.push((a.pfad(), a.svg.clone().into_bytes()));
    }
    let mut inhalt =
        String::from("// Erzeugt von kataster-report: die Kapitel in ihrer Reihenfolge.\n");
    for (name, text) in texte {
        inhalt.push_str(&format!("#include \"kapitel/{name}\"\n"));
        // Each chapter sees the layout's functions (verweis, quelle, karte, …).
        let datei = format!("#import \"/report/lib.typ\": *\n{text}");
        erzeugt.push((format!("/generiert/kapitel/{name}"), datei.into_bytes()));
    }
    erzeugt.push(("/generiert/kapitel.typ".to_owned(), inhalt.into_bytes()));
    zeiten.stufen.push(("Kapitel füllen", start.elapsed()));
    Ok(Vorbereitet {
        geladen,
        kennzahlen,
        abbildungen,
        kapitel,
        schriften,
        erzeugt,
    })
}

/// Stage compile: the laid-out document.
pub fn setzen(
    wurzel: &Path,
    v: &Vorbereitet,
    zeiten: &mut Zeiten,
) -> Result<(PagedDocument, Vec<Diagnose>), BauFehler> {
    let start = Instant::now();
    let datum = v
        .geladen
        .edition
        .meta
        .aktuell()
        .map(|h| h.datum)
        .ok_or_else(|| BauFehler::Schriften("edition.yaml: die Historie ist leer".into()))?;
    let welt = BerichtsWelt::neu(wurzel, HAUPTDATEI, v.erzeugt.clone(), &v.schriften, datum)
        .map_err(BauFehler::Schriften)?;
    let (dokument, warnungen, quellen) = compile::kompilieren(&welt, &v.kapitel);
    zeiten.stufen.push(("Satz (Typst)", start.elapsed()));
    match dokument {
        Ok(d) => Ok((d, warnungen)),
        Err(fehler) => Err(BauFehler::Diagnosen(fehler, quellen)),
    }
}

/// Result of a build.
pub struct Gebaut {
    pub pdf: PathBuf,
    pub geschrieben: Geschrieben,
    pub warnungen: Vec<Diagnose>,
    pub seiten: usize,
}

/// The whole build: from data to the PDF in `ausgabe/`.
pub fn bauen(
    wurzel: &Path,
    id: &str,
    ausgabe: &Path,
    erzwingen: bool,
    zeiten: &mut Zeiten,
) -> Result<Gebaut, BauFehler> {
    let v = vorbereiten(wurzel, id, zeiten)?;
    let (dokument, warnungen) = setzen(wurzel, &v, zeiten)?;
    let bytes = zeiten.messen("PDF-Export", || export::pdf(&dokument, &v.geladen.edition))?;
    let ziel = ausgabe.join(export::dateiname(&v.geladen.edition));
    let geschrieben = zeiten.messen("Schreiben", || export::schreiben(&ziel, &bytes, erzwingen))?;
    Ok(Gebaut {
        pdf: ziel,
        geschrieben,
        warnungen,
        seiten: dokument.pages().len(),
    })
}

/// Writes the generated sources so that the plain `typst` CLI can compile
/// them: `typst compile --root DIR --font-path DIR/fonts --ignore-system-fonts
/// DIR/report/bericht.typ`.
pub fn typst_quellen_schreiben(wurzel: &Path, v: &Vorbereitet, ziel: &Path) -> std::io::Result<()> {
    for (pfad, inhalt) in &v.erzeugt {
        let datei = ziel.join(pfad.trim_start_matches('/'));
        if let Some(o) = datei.parent() {
            std::fs::create_dir_all(o)?;
        }
        std::fs::write(datei, inhalt)?;
    }
    for ordner in ["report", "fonts"] {
        kopiere_ordner(&wurzel.join(ordner), &ziel.join(ordner), &["kapitel"])?;
    }
    Ok(())
}

fn kopiere_ordner(von: &Path, nach: &Path, ausser: &[&str]) -> std::io::Result<()> {
    std::fs::create_dir_all(nach)?;
    for e in std::fs::read_dir(von)?.flatten() {
        let name = e.file_name();
        if ausser.iter().any(|a| name == *a) {
            continue;
        }
        let p = e.path();
        if p.is_dir() {
            kopiere_ordner(&p, &nach.join(&name), &[])?;
        } else {
            std::fs::copy(&p, nach.join(&name))?;
        }
    }
    Ok(())
}
