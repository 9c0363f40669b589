//! The stages of a build: load, compute, charts, templates, and the files
//! they generate for Typst. [`crate::sitzung::Sitzung`] runs them; each stage
//! is timed for `build --timings`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::ausgabe::freigabe::Stand;
use crate::ausgabe::vergleich::{self, Veraenderungen};
use crate::charts::{self, Abbildung, ZeichenFehler, geo::Geodaten, mass::Schriftmass};
use crate::claims::{self, Ergebnis, Pruefbericht};
use crate::compile::world::Schriften;
use crate::diagnostics::{Diagnose, Meldung};
use crate::export::ExportFehler;
use crate::figures::{self, Kennzahlen};
use crate::load::{self, Datei, Geladen, Quelltexte};
use crate::model::{EditionMeta, Gestaltung};
use crate::projekt::Projektpfade;
use crate::report_data;
use crate::templates::{self, Kapitel, Modus};
use crate::vertrag;

/// The folder of a layout, as a relative project path.
pub fn layout_ordner(layout: &str) -> PathBuf {
    Projektpfade::layout(layout)
}

/// The main file of a layout, as a project path (`/report/layout/2025/bericht.typ`).
pub fn hauptdatei(layout: &str) -> String {
    format!("/report/layout/{layout}/bericht.typ")
}

/// Durations of the stages of one run.
#[derive(Debug, Default, Clone)]
pub struct Zeiten {
    pub stufen: Vec<(&'static str, Duration)>,
    /// Typst's layout passes of the last compilation, when measured
    /// ([`crate::sitzung::Sitzung::durchlaeufe_messen`]).
    pub durchlaeufe: Vec<Duration>,
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
    /// Problems in the data, the templates, the layout or the fonts, each
    /// located in its file (the session holds the files' texts).
    Diagnosen(Vec<Diagnose>),
    Abbildung(ZeichenFehler),
    Export(ExportFehler),
    /// A released version must stay as released.
    Freigabe(Meldung),
    /// The website's open data cannot be written.
    Website(Meldung),
    /// A setting in the environment (the compilation's budget) is unusable.
    Einstellung(Meldung),
    /// What `check` reports (violated claims, stale acknowledgements, typed
    /// numbers): no PDF but a draft (`build --entwurf`).
    Befunde(Box<Pruefbericht>),
}

impl From<ZeichenFehler> for BauFehler {
    fn from(e: ZeichenFehler) -> Self {
        BauFehler::Abbildung(e)
    }
}

impl BauFehler {
    /// The failure as a message (problems in files as one line each; a
    /// command shows them with their source lines instead).
    pub fn meldung(&self) -> Meldung {
        match self {
            BauFehler::Diagnosen(d) => {
                Meldung::neu(d.iter().map(Diagnose::kurz).collect::<Vec<_>>().join("\n"))
            }
            BauFehler::Abbildung(e) => Meldung::neu(e.to_string()),
            BauFehler::Export(e) => e.meldung(),
            BauFehler::Freigabe(m) | BauFehler::Website(m) | BauFehler::Einstellung(m) => m.clone(),
            BauFehler::Befunde(b) => Meldung::neu(format!(
                "check hat Befunde; der Bericht würde ungeprüfte oder falsche Aussagen \
                 drucken.\n{}",
                b.befunde_text()
            ))
            .hilfe(
                "Beheben Sie die Befunde, oder bauen Sie mit --entwurf ein als Entwurf \
                 markiertes PDF.",
            ),
        }
    }
}

impl From<ExportFehler> for BauFehler {
    fn from(e: ExportFehler) -> Self {
        BauFehler::Export(e)
    }
}

/// Everything generated from the data, ready for Typst, with the result of
/// checking the prose.
pub struct Vorbereitet {
    pub geladen: Geladen,
    pub kennzahlen: Kennzahlen,
    pub abbildungen: Vec<Abbildung>,
    pub kapitel: Vec<Kapitel>,
    /// The fonts of `fonts/`, the only ones the report may use.
    pub schriften: Schriften,
    /// Claims, acknowledgements and typed numbers of the chapters.
    pub pruefung: Pruefbericht,
    /// Generated files by project path (`/generiert/…`).
    pub erzeugt: Vec<(String, Vec<u8>)>,
    /// What changed since the edition `vorgaenger` names, statements included.
    pub veraenderungen: Option<Veraenderungen>,
}

/// The map and the charts, measured with the project's font.
fn abbildungen(
    wurzel: &Path,
    g: &Geladen,
    k: &Kennzahlen,
    schriften: &Schriften,
) -> Result<Vec<Abbildung>, BauFehler> {
    let mass = Schriftmass::aus(schriften)?;
    // Every Landkreis is on the map: checked when the data was loaded.
    let geo = Geodaten::laden(wurzel)?;
    Ok(charts::alle(&g.edition, k, &geo, &mass, &g.gestaltung)?)
}

/// Stage load: the edition's data, and its schemas up to date with its
/// vocabulary (else the editor would propose wrong values); as of a past
/// version with `stand`. The texts read go into the session's registry
/// `texte`.
pub(crate) fn laden(
    wurzel: &Path,
    id: &str,
    stand: Option<&Stand>,
    texte: &mut Quelltexte,
) -> Result<Geladen, Vec<Diagnose>> {
    let mut geladen = load::lade_edition_in(wurzel, id, texte)?;
    let ordner = Projektpfade::ausgabe(id);
    if let Some(stand) = stand {
        geladen.edition.meta = stand.anwenden(&geladen.edition.meta).ok_or_else(|| {
            vec![
                Diagnose::neu(
                    ordner.join("edition.yaml"),
                    format!("die Historie hat keine Version „{}“", stand.version),
                )
                .feld("historie"),
            ]
        })?;
    }
    let layout = &geladen.edition.meta.layout;
    if let Some(d) =
        crate::compile::layout::pruefe_layout(wurzel, layout, &geladen.dateien, &ordner)
    {
        return Err(vec![d]);
    }
    geladen.gestaltung = gestaltung(wurzel, layout, &mut geladen.dateien, texte)?;
    geladen.warnungen = crate::validate::vokabular::fast_gleiche_werte(
        &geladen.edition.vokabular,
        &ordner.join("vokabular.yaml"),
        &geladen.dateien,
    );
    let veraltet = crate::ausgabe::schema::veraltet(wurzel, id, &geladen.edition.vokabular);
    if !veraltet.is_empty() {
        let d = veraltet
            .iter()
            .map(|p| {
                let m = format!(
                    "{} passt nicht zu vokabular.yaml (der Editor schlägt sonst falsche Werte vor)",
                    p.display()
                );
                Diagnose::neu(p, m).hilfe("Führen Sie `kataster-report schema` aus.")
            })
            .collect();
        return Err(d);
    }
    Ok(geladen)
}

/// The layout's `gestaltung.yaml`, or the design of version 1.0 where the
/// layout has none; its colours must pass the contrast check.
fn gestaltung(
    wurzel: &Path,
    layout: &str,
    dateien: &mut BTreeMap<PathBuf, Datei>,
    texte: &mut Quelltexte,
) -> Result<Gestaltung, Vec<Diagnose>> {
    let datei = layout_ordner(layout).join("gestaltung.yaml");
    if std::fs::symlink_metadata(wurzel.join(&datei)).is_err() {
        return Ok(Gestaltung::default());
    }
    let g: Gestaltung = load::lade_datei(wurzel, &datei, dateien, texte)?;
    let maengel = crate::charts::pruefen::pruefe_gestaltung(&g, &datei, dateien);
    if maengel.is_empty() {
        Ok(g)
    } else {
        Err(maengel)
    }
}

/// Stage figures: every figure, or the ones that cannot be computed.
fn kennzahlen(geladen: &Geladen) -> Result<Kennzahlen, BauFehler> {
    figures::berechne(&geladen.edition).map_err(|f| {
        BauFehler::Diagnosen(f.iter().map(|x| x.diagnose(&geladen.edition.id)).collect())
    })
}

/// The project's fonts; there must be at least one.
pub(crate) fn schriften(wurzel: &Path) -> Result<Schriften, BauFehler> {
    let schriften =
        Schriften::laden(wurzel).map_err(|e| BauFehler::Diagnosen(vec![e.diagnose()]))?;
    if schriften.schriften.is_empty() {
        return Err(BauFehler::Diagnosen(vec![
            Diagnose::neu(
                Projektpfade::SCHRIFTEN,
                "im Ordner fonts/ liegt keine Schrift",
            )
            .hilfe("Legen Sie die Schriften des Berichts (.otf oder .ttf) in den Ordner fonts/."),
        ]));
    }
    Ok(schriften)
}

/// What the data gives, before the chapters: the loaded edition, its
/// figures, the map and charts, and the data as JSON for the layout. A
/// session keeps it while no data file, geodata or font changes.
#[derive(Clone)]
pub struct Datenstand {
    pub geladen: Geladen,
    pub kennzahlen: Kennzahlen,
    pub abbildungen: Vec<Abbildung>,
    /// `/generiert/daten.json` and the figures' SVGs.
    pub erzeugt: Vec<(String, Vec<u8>)>,
    /// The edition `vorgaenger` in `edition.yaml` names, compared.
    pub vorgaenger: Option<Vorgaenger>,
}

/// What changed since the previous edition, before this edition's text is
/// checked, and the check of the previous edition's text.
#[derive(Clone)]
pub struct Vorgaenger {
    pub veraenderungen: Veraenderungen,
    pub pruefung: Pruefbericht,
}

/// Stages figures and charts on the loaded edition, and the generated
/// files that come from the data alone.
pub(crate) fn datenstand(
    wurzel: &Path,
    geladen: Geladen,
    schriften: &Schriften,
    zeiten: &mut Zeiten,
) -> Result<Datenstand, BauFehler> {
    let kennzahlen = zeiten.messen("Kennzahlen", || kennzahlen(&geladen))?;
    let abbildungen = zeiten.messen("Abbildungen", || {
        abbildungen(wurzel, &geladen, &kennzahlen, schriften)
    })?;
    let mut daten = report_data::daten(&geladen.edition, &kennzahlen, &abbildungen)
        .map_err(|e| BauFehler::Abbildung(e.into()))?;
    if geladen.gestaltung.lange_woerter_umbrechen {
        report_data::lange_woerter_umbrechbar(&mut daten);
    }
    let mut daten = serde_json::to_value(&daten).unwrap_or_default();
    if !geladen.gestaltung.sprachen_auszeichnen {
        report_data::sprachmarken_entfernen(&mut daten);
    }
    let vorgaenger = vorgaenger(wurzel, &geladen, &kennzahlen)?;
    let mut erzeugt = vec![(
        "/generiert/daten.json".to_owned(),
        serde_json::to_vec_pretty(&daten).unwrap_or_default(),
    )];
    for a in &abbildungen {
        erzeugt.push((a.pfad(), a.svg.clone().into_bytes()));
    }
    Ok(Datenstand {
        geladen,
        kennzahlen,
        abbildungen,
        erzeugt,
        vorgaenger,
    })
}

/// The generated file with the changes since the previous edition (`null`
/// when `edition.yaml` names none).
pub const VERAENDERUNGEN: &str = "/generiert/veraenderungen.json";

/// The edition named `vorgaenger` in `edition.yaml` compared with this one
/// (`None` without one): it must load, compute and its text be readable.
fn vorgaenger(
    wurzel: &Path,
    geladen: &Geladen,
    kennzahlen: &Kennzahlen,
) -> Result<Option<Vorgaenger>, BauFehler> {
    let Some(vorher) = &geladen.edition.meta.vorgaenger else {
        return Ok(None);
    };
    let datei = Projektpfade::ausgabedatei(&geladen.edition.id, "edition.yaml");
    let fehler = |was: &str, n: usize| {
        BauFehler::Diagnosen(vec![
            Diagnose::neu(&datei, format!("die Ausgabe „{vorher}“ {was} ({n} Fehler)"))
                .feld("vorgaenger")
                .hilfe(format!(
                    "Die frühere Ausgabe muss fehlerfrei laden: kataster-report check --edition {vorher}"
                )),
        ])
    };
    let alt = load::lade_edition(wurzel, vorher).map_err(|(d, _)| fehler("lädt nicht", d.len()))?;
    let ka = figures::berechne(&alt.edition)
        .map_err(|f| fehler("hat nicht berechenbare Kennzahlen", f.len()))?;
    let pruefung = crate::ausgabe::aussagen::pruefen(wurzel, &alt.edition, &ka)
        .map_err(|d| fehler("hat Kapitel, die sich nicht lesen lassen", d.len()))?;
    let veraenderungen = vergleich::vergleichen(&alt.edition, &ka, &geladen.edition, kennzahlen);
    Ok(Some(Vorgaenger {
        veraenderungen,
        pruefung,
    }))
}

/// The generated files of the data and the draft marker.
fn erzeugen(d: &Datenstand) -> Vec<(String, Vec<u8>)> {
    let mut erzeugt = d.erzeugt.clone();
    erzeugt.push((ENTWURF.to_owned(), b"null".to_vec()));
    erzeugt
}

/// The filled chapters as generated files, and the list that includes them
/// in their order.
fn kapitel_dateien(meta: &EditionMeta, texte: Vec<(String, String)>) -> Vec<(String, Vec<u8>)> {
    let mut erzeugt = Vec::new();
    let mut inhalt =
        String::from("// Erzeugt von kataster-report: die Kapitel in ihrer Reihenfolge.\n");
    for (name, text) in texte {
        inhalt.push_str(&format!("#include \"kapitel/{name}\"\n"));
        let datei = format!("{}{text}", kapitel_kopf(&meta.layout));
        erzeugt.push((format!("/generiert/kapitel/{name}"), datei.into_bytes()));
    }
    erzeugt.push(("/generiert/kapitel.typ".to_owned(), inhalt.into_bytes()));
    erzeugt
}

/// The generated appendix "Zahlennachweis" (after the last chapter) and its
/// data: every checked claim.
const ANHANG: &str = "zz-zahlennachweis.typ";
pub const ZAHLENNACHWEIS: &str = "/generiert/zahlennachweis.json";
/// The passages marked as without data, for the appendix.
pub const OHNE_DATEN: &str = "/generiert/ohne-daten.json";

/// The first lines of a generated chapter, before the filled template: each
/// chapter sees the layout's functions (verweis, quelle, karte, …).
pub fn kapitel_kopf(layout: &str) -> String {
    format!("#import \"/report/layout/{layout}/lib.typ\": *\n")
}

/// The number of lines [`kapitel_kopf`] puts before a filled template.
pub const KAPITEL_KOPF_ZEILEN: usize = 1;

/// The generated file that marks a draft: `null`, or the findings.
pub const ENTWURF: &str = "/generiert/entwurf.json";

/// Stages check of the prose and templates, on what the data gave; a
/// template unchanged since `vorher` is not parsed again. A failure comes
/// with the chapters read so far (their texts show the lines of the
/// problems).
pub(crate) fn kapitel_fuellen(
    wurzel: &Path,
    d: Datenstand,
    schriften: Schriften,
    vorher: &[Kapitel],
    zeiten: &mut Zeiten,
) -> Result<Vorbereitet, (BauFehler, Vec<Kapitel>)> {
    let start = Instant::now();
    let kapitel = templates::lade_kapitel_mit(wurzel, &d.geladen.edition.id, vorher)
        .map_err(|f| (BauFehler::Diagnosen(f), Vec::new()))?;
    zeiten.stufen.push(("Kapitel lesen", start.elapsed()));
    let start = Instant::now();
    let pruefung = match claims::pruefe_edition(&kapitel, &d.geladen, &d.kennzahlen, &schriften) {
        Ok(p) => p,
        Err(f) => return Err((BauFehler::Diagnosen(f), kapitel)),
    };
    zeiten.stufen.push(("Aussagen prüfen", start.elapsed()));
    let start = Instant::now();
    let meta = &d.geladen.edition.meta;
    let mut texte = match templates::rendern(
        &kapitel,
        &d.kennzahlen,
        meta,
        Modus::Bericht,
        d.geladen.gestaltung.sprachen_auszeichnen,
    ) {
        Ok(t) => t,
        Err(f) => return Err((BauFehler::Diagnosen(f), kapitel)),
    };
    let veraenderungen = d.vorgaenger.as_ref().map(|v| {
        v.veraenderungen
            .clone()
            .mit_aussagen(&v.pruefung, &pruefung)
    });
    let mut erzeugt = erzeugen(&d);
    let abschnitt = veraenderungen.as_ref().map(vergleich::abschnitt);
    erzeugt.push((VERAENDERUNGEN.to_owned(), vertrag::json_datei(&abschnitt)));
    if meta.zahlennachweis {
        texte.push((ANHANG.to_owned(), "#zahlennachweis()\n".to_owned()));
        let nachweise: Vec<vertrag::Nachweis> = pruefung
            .behauptungen
            .iter()
            .map(Ergebnis::nachweis)
            .collect();
        erzeugt.push((ZAHLENNACHWEIS.to_owned(), vertrag::json_datei(&nachweise)));
        let ohne: Vec<vertrag::OhneDaten> = pruefung
            .abdeckung
            .ohne_daten
            .iter()
            .map(|o| vertrag::OhneDaten {
                datei: o.datei.clone(),
                zeile: o.zeile,
                grund: o.grund.clone(),
                wortlaut: o.wortlaut.clone(),
            })
            .collect();
        erzeugt.push((OHNE_DATEN.to_owned(), vertrag::json_datei(&ohne)));
    }
    erzeugt.extend(kapitel_dateien(meta, texte));
    zeiten.stufen.push(("Kapitel füllen", start.elapsed()));
    Ok(Vorbereitet {
        geladen: d.geladen,
        kennzahlen: d.kennzahlen,
        abbildungen: d.abbildungen,
        kapitel,
        schriften,
        pruefung,
        erzeugt,
        veraenderungen,
    })
}

impl Vorbereitet {
    /// Marks the report as a draft that lists the findings of the check.
    pub fn als_entwurf(&mut self) {
        let entwurf = vertrag::Entwurf {
            befunde: self.pruefung.befunde(),
        };
        for (pfad, inhalt) in &mut self.erzeugt {
            if pfad == ENTWURF {
                *inhalt = vertrag::json_datei(&entwurf);
            }
        }
    }

    /// Whether this is a draft.
    pub fn ist_entwurf(&self) -> bool {
        self.erzeugt
            .iter()
            .any(|(p, inhalt)| p == ENTWURF && inhalt.as_slice() != b"null")
    }
}

/// Writes the generated sources so that the plain `typst` CLI can compile
/// them: `typst compile --root DIR --font-path DIR/fonts --ignore-system-fonts
/// DIR/report/layout/<layout>/bericht.typ`. The target must not be or hold the
/// project's inputs; the edition's layout and the fonts are copied through
/// the confined file access.
pub fn typst_quellen_schreiben(
    wurzel: &Path,
    v: &Vorbereitet,
    ziel: &crate::projekt::Zielordner,
) -> Result<(), Meldung> {
    let schreiben = |relativ: &Path, inhalt: &[u8]| {
        ziel.schreiben(relativ, inhalt, crate::projekt::Ersetzen::Ja)
            .map(|_| ())
            .map_err(|e| e.to_string())
    };
    for (pfad, inhalt) in &v.erzeugt {
        schreiben(Path::new(pfad.trim_start_matches('/')), inhalt)?;
    }
    // Every layout: one may import another's functions (2026 those of
    // 2025-barrierefrei), and `typst compile` sees only what is written.
    let layouts = Projektpfade::layouts();
    for ordner in [layouts.as_path(), Path::new(Projektpfade::SCHRIFTEN)] {
        for datei in projektdateien(wurzel, ordner, &[])? {
            let inhalt = crate::projekt::lesen(wurzel, &datei, crate::projekt::MAX_BINAER)
                .map_err(|e| e.to_string())?;
            schreiben(&datei, &inhalt)?;
        }
    }
    Ok(())
}

/// The files below a project folder (recursively, confined), except the
/// sub-folders named in `ausser`.
pub(crate) fn projektdateien(
    wurzel: &Path,
    ordner: &Path,
    ausser: &[&str],
) -> Result<Vec<PathBuf>, Meldung> {
    let mut out = Vec::new();
    for name in crate::projekt::ordner(wurzel, ordner).map_err(|e| e.to_string())? {
        if ausser.contains(&name.as_str()) {
            continue;
        }
        let p = ordner.join(&name);
        let echt = crate::projekt::aufloesen(wurzel, &p).map_err(|e| e.to_string())?;
        if echt.is_dir() {
            out.extend(projektdateien(wurzel, &p, &[])?);
        } else {
            out.push(p);
        }
    }
    Ok(out)
}
