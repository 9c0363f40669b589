//! The session: one project, one edition, and the stages run on it
//! (load → validate → figures → charts → claims → templates → Typst → PDF).
//! Every command is a thin wrapper over a session; `watch` keeps one alive,
//! so that the Typst world, its parsed files and comemo's caches carry over
//! from one build to the next.
//!
//! The session also keeps the one registry of source texts: every stage
//! that reads a file registers its text here, and a diagnostic is rendered
//! with the text of its file from it.

pub mod beobachten;
pub mod html;
pub mod stufen;

use std::path::{Path, PathBuf};
use std::time::Instant;

use typst_layout::PagedDocument;

use crate::ausgabe::freigabe::Stand;
use crate::ausgabe::verlauf::Verlauf;
use crate::compile::{self, world::BerichtsWelt, world::Schriften};
use crate::diagnostics::{Diagnose, Meldung, alle_darstellen};
use crate::export::{self, ExportFehler, Fassung};
use crate::load::{self, Geladen, Quelltexte};
use crate::projekt::Projektpfade;
use crate::projekt::{self, Ersetzen, Geschrieben, Zielordner};
use crate::templates::Kapitel;
use stufen::{BauFehler, Datenstand, Vorbereitet, Zeiten};

/// Where and how a build writes its PDF.
#[derive(Debug, Clone)]
pub struct Ziel {
    /// The folder the PDF goes to (outside the project's inputs).
    pub ordner: Zielordner,
    /// Replace an existing PDF of the same version with other content.
    pub erzwingen: bool,
    /// Build a marked draft even when `check` has findings.
    pub entwurf: bool,
    /// Write the preview of `watch` (its own file name, always replaced).
    pub vorschau: bool,
}

impl Ziel {
    /// The report into `ordner`, refusing to replace another PDF.
    pub fn neu(ordner: Zielordner) -> Ziel {
        Ziel {
            ordner,
            erzwingen: false,
            entwurf: false,
            vorschau: false,
        }
    }
}

/// The laid-out report and Typst's warnings.
pub struct Gesetzt {
    pub dokument: PagedDocument,
    pub warnungen: Vec<Diagnose>,
}

/// Result of `check`: everything prepared, the prose checked and the report
/// set by Typst (so that a chapter that does not compile fails `check` too).
pub struct Geprueft {
    pub vorbereitet: Vorbereitet,
    pub warnungen: Vec<Diagnose>,
    pub seiten: usize,
}

/// Result of a build.
pub struct Gebaut {
    pub pdf: PathBuf,
    pub geschrieben: Geschrieben,
    pub warnungen: Vec<Diagnose>,
    pub seiten: usize,
    /// The check's findings (empty unless a draft was built).
    pub pruefung: crate::claims::Pruefbericht,
}

/// One project and one of its editions, with what lives across runs.
pub struct Sitzung {
    pub(crate) wurzel: PathBuf,
    pub(crate) id: String,
    /// The texts of every file read, for rendering diagnostics.
    pub(crate) quellen: Quelltexte,
    /// The fonts of `fonts/`, loaded once (again after [`Sitzung::geaendert`]
    /// names a font).
    schriften: Option<Schriften>,
    /// The Typst world, kept between compilations.
    pub(crate) welt: Option<BerichtsWelt>,
    /// What the data gave in the last run, kept until [`Sitzung::geaendert`]
    /// names a file outside `report/`.
    pub(crate) datenstand: Option<Datenstand>,
    /// The chapter templates of the last run, parsed.
    kapitel: Vec<Kapitel>,
    /// Build a past version instead of the current one (`verify`).
    pub(crate) stand: Option<Stand>,
    /// The release records git remembers, read once per session.
    pub(crate) verlauf: Option<Verlauf>,
    /// Durations of the stages of the last run.
    pub zeiten: Zeiten,
    /// Count and time Typst's layout passes (`build --timings`).
    pub durchlaeufe_messen: bool,
}

impl Sitzung {
    /// A session on `edition` of the project at `wurzel`, or on its newest
    /// edition. Refuses an edition id that is not a plain name, and a
    /// project without editions.
    pub fn oeffnen(wurzel: &Path, edition: Option<&str>) -> Result<Sitzung, Diagnose> {
        let id = match edition {
            Some(id) => {
                projekt::pruefe_edition_id(id).map_err(|m| {
                    Diagnose::neu(Projektpfade::DATEN, format!("{m}."))
                        .hilfe("Geben Sie nur den Namen an, z. B. --edition 2025.")
                })?;
                id.to_owned()
            }
            None => load::editionen(wurzel).pop().ok_or_else(|| {
                Diagnose::neu(
                    wurzel.join(Projektpfade::DATEN),
                    "hier gibt es keine Ausgabe (Ordner mit edition.yaml)",
                )
                .hilfe("Ist --projekt der Projektordner (mit data/, report/, fonts/)?")
            })?,
        };
        Ok(Sitzung {
            wurzel: wurzel.to_path_buf(),
            id,
            quellen: Quelltexte::default(),
            schriften: None,
            welt: None,
            datenstand: None,
            kapitel: Vec::new(),
            stand: None,
            verlauf: None,
            zeiten: Zeiten::default(),
            durchlaeufe_messen: false,
        })
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    pub fn wurzel(&self) -> &Path {
        &self.wurzel
    }

    /// The text of a file as this session read it.
    pub fn quelltext(&self, pfad: &Path) -> Option<String> {
        self.quellen.text(pfad)
    }

    /// Problems rendered with their source lines, as a compiler would.
    pub fn darstellen(&self, diagnosen: &[Diagnose], farbe: bool) -> String {
        alle_darstellen(diagnosen, |p| self.quelltext(p), farbe)
    }

    /// Tells the session which project files changed since its last run
    /// (`watch` does, from the file system's events). A session keeps what
    /// the data gave until a file outside `report/` changes, and the fonts
    /// and the Typst world until a font changes; the layout and the
    /// chapters are read again by every run.
    pub fn geaendert(&mut self, pfade: &[PathBuf]) {
        if pfade.iter().any(|p| !p.starts_with(Projektpfade::BERICHT)) {
            self.datenstand = None;
        }
        if pfade.iter().any(|p| p.starts_with(Projektpfade::SCHRIFTEN)) {
            self.schriften = None;
            self.welt = None;
        }
    }

    /// Builds a past version from now on: the history up to it, its layout.
    pub fn stand_setzen(&mut self, stand: Stand) {
        self.stand = Some(stand);
        self.datenstand = None;
    }

    /// Stage load alone: the edition's data (for `figures`).
    pub fn laden(&mut self) -> Result<Geladen, BauFehler> {
        stufen::laden(
            &self.wurzel,
            &self.id,
            self.stand.as_ref(),
            &mut self.quellen,
        )
        .map_err(BauFehler::Diagnosen)
    }

    /// Stages load and figures (for `figures`): the data and every figure,
    /// a figure the data cannot give as a located problem.
    pub fn kennzahlen(&mut self) -> Result<(Geladen, crate::figures::Kennzahlen), BauFehler> {
        let geladen = self.laden()?;
        let k = crate::figures::berechne(&geladen.edition)
            .map_err(|f| BauFehler::Diagnosen(f.iter().map(|x| x.diagnose(&self.id)).collect()))?;
        Ok((geladen, k))
    }

    /// The claims of the text against the data, without charts or
    /// typesetting (for `diff`).
    pub fn aussagen(
        &mut self,
        g: &Geladen,
        k: &crate::figures::Kennzahlen,
    ) -> Result<crate::claims::Pruefbericht, BauFehler> {
        let kapitel = crate::templates::lade_kapitel_mit(&self.wurzel, &self.id, &[])
            .map_err(BauFehler::Diagnosen)?;
        for k in &kapitel {
            self.quellen.merken(&k.pfad, &k.text);
        }
        Ok(crate::claims::pruefe(&kapitel, &g.edition, k))
    }

    /// The fonts, loaded on first use.
    fn schriften(&mut self) -> Result<Schriften, BauFehler> {
        if let Some(s) = &self.schriften {
            return Ok(s.clone());
        }
        let start = Instant::now();
        let s = stufen::schriften(&self.wurzel)?;
        self.zeiten.stufen.push(("Schriften", start.elapsed()));
        self.schriften = Some(s.clone());
        Ok(s)
    }

    /// Stages load, figures, charts, the check of the prose and templates:
    /// the same for every command.
    pub fn vorbereiten(&mut self) -> Result<Vorbereitet, BauFehler> {
        self.zeiten = Zeiten::default();
        let schriften = self.schriften()?;
        let daten = self.datenstand(&schriften)?;
        // A released layout stays as released (every run: `watch` too); a
        // rebuild of a release (`verify`) compares every input itself.
        if self.stand.is_none()
            && let Some(d) = crate::compile::layout::eingefroren(
                &self.wurzel,
                &daten.geladen.edition.meta.layout,
                &self.id,
            )
        {
            return Err(BauFehler::Diagnosen(vec![d]));
        }
        let vorher = std::mem::take(&mut self.kapitel);
        let ergebnis =
            stufen::kapitel_fuellen(&self.wurzel, daten, schriften, &vorher, &mut self.zeiten);
        let kapitel = match &ergebnis {
            Ok(v) => &v.kapitel,
            Err((_, k)) => k,
        };
        for k in kapitel {
            self.quellen.merken(&k.pfad, &k.text);
        }
        self.kapitel = kapitel.clone();
        ergebnis.map_err(|(e, _)| e)
    }

    /// What the data gives: kept from the last run, or made anew.
    fn datenstand(&mut self, schriften: &Schriften) -> Result<Datenstand, BauFehler> {
        if let Some(d) = &self.datenstand {
            return Ok(d.clone());
        }
        let start = Instant::now();
        let geladen = self.laden()?;
        self.zeiten.stufen.push(("Daten laden", start.elapsed()));
        let d = stufen::datenstand(&self.wurzel, geladen, schriften, &mut self.zeiten)?;
        self.datenstand = Some(d.clone());
        Ok(d)
    }

    /// Stage compile: the laid-out report, in the world kept by the session.
    pub fn setzen(&mut self, v: &Vorbereitet) -> Result<Gesetzt, BauFehler> {
        let start = Instant::now();
        let welt = self.welt_fuer(v)?;
        let budget = compile::budget::Budget::aus_umgebung().map_err(BauFehler::Einstellung)?;
        let ((welt, dokument, typst), durchlaeufe) =
            compile::durchlaeufe::messen(self.durchlaeufe_messen, || {
                compile::kompilieren(welt, &v.kapitel, &mut self.quellen, budget)
            });
        self.zeiten.durchlaeufe = durchlaeufe;
        let mut warnungen = v.geladen.warnungen.clone();
        warnungen.extend(typst);
        self.welt = welt;
        // Keep comemo's caches small: what the last few runs did not use goes.
        comemo::evict(10);
        self.zeiten.stufen.push(("Satz (Typst)", start.elapsed()));
        match dokument {
            Ok(dokument) => Ok(Gesetzt {
                dokument,
                warnungen,
            }),
            Err(fehler) => Err(BauFehler::Diagnosen(fehler)),
        }
    }

    /// The world for this run: the kept one with the new generated files,
    /// or a new one. The session keeps it again after the compilation.
    fn welt_fuer(&mut self, v: &Vorbereitet) -> Result<BerichtsWelt, BauFehler> {
        let datei = Projektpfade::ausgabedatei(&self.id, "edition.yaml");
        let datum = v
            .geladen
            .edition
            .meta
            .aktuell()
            .map(|h| h.datum)
            .ok_or_else(|| {
                BauFehler::Diagnosen(vec![
                    Diagnose::neu(&datei, "die Dokumenten-Historie ist leer")
                        .feld("historie")
                        .hilfe("Tragen Sie mindestens eine Version mit Datum ein."),
                ])
            })?;
        let fehler = |m: Meldung| BauFehler::Diagnosen(vec![m.in_datei(Projektpfade::BERICHT)]);
        let haupt = stufen::hauptdatei(&v.geladen.edition.meta.layout);
        match self.welt.take() {
            Some(mut welt) if welt.haupt_ist(&haupt) => {
                welt.erneuern(v.erzeugt.clone(), datum).map_err(fehler)?;
                Ok(welt)
            }
            _ => BerichtsWelt::neu(&self.wurzel, &haupt, v.erzeugt.clone(), &v.schriften, datum)
                .map_err(fehler),
        }
    }

    /// What `check` runs: every stage but the PDF export.
    pub fn pruefen(&mut self) -> Result<Geprueft, BauFehler> {
        let vorbereitet = self.vorbereiten()?;
        let gesetzt = self.setzen(&vorbereitet)?;
        Ok(Geprueft {
            vorbereitet,
            warnungen: gesetzt.warnungen,
            seiten: gesetzt.dokument.pages().len(),
        })
    }

    /// The whole build: prepare, then [`Sitzung::fertigstellen`].
    pub fn bauen(&mut self, ziel: &Ziel) -> Result<Gebaut, BauFehler> {
        let v = self.vorbereiten()?;
        self.fertigstellen(v, ziel)
    }

    /// From prepared files to the PDF in `ziel.ordner`. A build whose check
    /// has findings writes no PDF, unless `ziel.entwurf` asks for a marked
    /// draft.
    pub fn fertigstellen(&mut self, mut v: Vorbereitet, ziel: &Ziel) -> Result<Gebaut, BauFehler> {
        if ziel.entwurf {
            v.als_entwurf();
        } else if !v.pruefung.bestanden() {
            return Err(BauFehler::Befunde(Box::new(v.pruefung)));
        }
        let (bytes, seiten, warnungen) = self.pdf_als(&v, ziel.vorschau)?;
        let fassung = match (ziel.vorschau, v.ist_entwurf()) {
            (true, _) => Fassung::Vorschau,
            (false, true) => Fassung::Entwurf,
            (false, false) => Fassung::Bericht,
        };
        if fassung == Fassung::Bericht {
            self.wie_freigegeben(&v, &bytes)?;
        }
        let start = Instant::now();
        let name = export::dateiname(&v.geladen.edition, fassung);
        // The preview is always replaced, atomically but not forced to disk:
        // a crash loses only a preview the next run writes again.
        let (ordner, ersetzen) = if ziel.vorschau {
            (ziel.ordner.clone().fluechtig(), Ersetzen::Ja)
        } else if ziel.erzwingen {
            (ziel.ordner.clone(), Ersetzen::Ja)
        } else {
            (ziel.ordner.clone(), Ersetzen::Nie)
        };
        let geschrieben = ordner
            .schreiben(&name, &bytes, ersetzen)
            .map_err(ExportFehler::from)?;
        let pdf = ordner.zeigen(&name);
        self.zeiten.stufen.push(("Schreiben", start.elapsed()));
        Ok(Gebaut {
            pdf,
            geschrieben,
            warnungen,
            seiten,
            pruefung: v.pruefung,
        })
    }

    /// The PDF of prepared files, whatever the check found (for `verify`,
    /// which proves bytes): bytes, pages and Typst's warnings.
    pub fn pdf(&mut self, v: &Vorbereitet) -> Result<(Vec<u8>, usize, Vec<Diagnose>), BauFehler> {
        self.pdf_als(v, false)
    }

    /// The PDF, or with `vorschau` the preview of `watch`: the same pages,
    /// rebuilt on every change for the editor's eyes, without tags and
    /// object streams (they take most of the export's time).
    fn pdf_als(
        &mut self,
        v: &Vorbereitet,
        vorschau: bool,
    ) -> Result<(Vec<u8>, usize, Vec<Diagnose>), BauFehler> {
        let gesetzt = self.setzen(v)?;
        let start = Instant::now();
        let art = export::PdfArt {
            objektstroeme: v.geladen.gestaltung.objektstroeme && !vorschau,
            in_einem_durchgang: v.geladen.gestaltung.objektstroeme_in_einem_durchgang,
            getaggt: !vorschau,
            lesezeichen: v.geladen.gestaltung.lesezeichen_zeigen && !vorschau,
        };
        let bytes = export::pdf(&gesetzt.dokument, &v.geladen.edition, art)?;
        self.zeiten.stufen.push(("PDF-Export", start.elapsed()));
        Ok((bytes, gesetzt.dokument.pages().len(), gesetzt.warnungen))
    }
}
