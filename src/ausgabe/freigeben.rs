//! Releasing a version and verifying every released one (`release`,
//! `verify`): the session builds the PDF; here it is checked against, and
//! recorded in, `freigaben.yaml`.

use std::path::PathBuf;

use crate::ausgabe::freigabe::{self, Stand};
use crate::ausgabe::verlauf::Verlauf;
use crate::diagnostics::Meldung;
use crate::export::{self, ExportFehler, Fassung};
use crate::model::{EditionMeta, Eingabe, Freigabe, Freigaben, PdfAngabe};
use crate::projekt::{Ersetzen, Geschrieben, Projektpfade, Zielordner};
use crate::sitzung::Sitzung;
use crate::sitzung::stufen::{BauFehler, Vorbereitet};

impl Sitzung {
    /// The released versions of the edition.
    pub fn freigaben(&mut self) -> Result<Freigaben, BauFehler> {
        freigabe::laden(&self.wurzel, &self.id, &mut self.quellen).map_err(BauFehler::Diagnosen)
    }

    /// The records git remembers for this edition (read once per session).
    pub fn freigabeverlauf(&mut self) -> &Verlauf {
        let (wurzel, datei) = (&self.wurzel, freigabe::pfad(&self.id));
        self.verlauf
            .get_or_insert_with(|| Verlauf::lesen(wurzel, &datei))
    }

    /// The records pass the seal chain, and none that git remembers is
    /// missing or replaced.
    fn aufzeichnung(&mut self, f: &Freigaben, meta: &EditionMeta) -> Result<(), BauFehler> {
        freigabe::aufzeichnung_pruefen(f, meta).map_err(BauFehler::Freigabe)?;
        self.freigabeverlauf()
            .pruefen(f)
            .map_err(BauFehler::Freigabe)
    }

    /// A released version's PDF never changes: a build of it must give the
    /// recorded bytes.
    pub(crate) fn wie_freigegeben(
        &mut self,
        v: &Vorbereitet,
        bytes: &[u8],
    ) -> Result<(), BauFehler> {
        let Some(version) = v.geladen.edition.meta.aktuell().map(|h| h.version.clone()) else {
            return Ok(());
        };
        let freigaben = self.freigaben()?;
        self.freigabeverlauf()
            .pruefen(&freigaben)
            .map_err(BauFehler::Freigabe)?;
        if let Some(fehlt) = freigabe::unverzeichnet(&freigaben, &v.geladen.edition.meta) {
            return Err(BauFehler::Freigabe(
                Meldung::neu(format!(
                    "Version {fehlt} steht in der Historie als veröffentlicht, hat aber keinen \
                     Eintrag in freigaben.yaml; ohne ihn wäre nicht mehr zu prüfen, was \
                     veröffentlicht wurde"
                ))
                .hilfe(
                    "Stellen Sie freigaben.yaml aus der Versionsverwaltung wieder her; \
                     `kataster-report verify` prüft sie.",
                ),
            ));
        }
        match freigaben.version(&version) {
            Some(f) if f.pdf.sha256 != freigabe::sha256(bytes) => {
                Err(BauFehler::Freigabe(
                    Meldung::neu(format!(
                        "Version {version} der Ausgabe {} ist freigegeben (SHA-256 {}), dieser Bau \
                         ergibt ein anderes PDF. Ein freigegebenes PDF wird nie ersetzt, auch nicht \
                         mit --force.",
                        self.id,
                        &f.pdf.sha256[..12]
                    ))
                    .hilfe(
                        "Eine Änderung ist eine neue Version: Tragen Sie in edition.yaml eine neue \
                         Zeile der Historie ein, die sagt warum (z. B. „1.1, barrierefreier \
                         Neusatz“). `kataster-report verify` nennt die geänderte Eingabe.",
                    ),
                ))
            }
            _ => Ok(()),
        }
    }

    /// Every input of the build of `v`, with its SHA-256: the data files,
    /// `edition.yaml` as of the version built, the chapters, the geodata,
    /// the fonts and whatever Typst read (the layout, its pictures).
    pub fn eingaben(&self, v: &Vorbereitet) -> Result<Vec<Eingabe>, BauFehler> {
        let edition_yaml = Projektpfade::ausgabedatei(&self.id, "edition.yaml");
        let mut dateien: Vec<PathBuf> = v
            .geladen
            .dateien
            .keys()
            .filter(|p| **p != edition_yaml)
            .cloned()
            .collect();
        dateien.extend(v.kapitel.iter().map(|k| k.pfad.clone()));
        dateien.push(PathBuf::from(Projektpfade::GEODATEN));
        dateien.extend(v.schriften.dateien.iter().cloned());
        if let Some(welt) = &self.welt {
            dateien.extend(welt.gelesen());
        }
        let mut e = freigabe::eingaben(&self.wurzel, &dateien)
            .map_err(|d| BauFehler::Diagnosen(vec![d]))?;
        e.push(freigabe::edition_eingabe(&self.id, &v.geladen.edition.meta));
        e.sort();
        Ok(e)
    }
}

/// What `release` did.
pub struct Freigegeben {
    pub freigabe: Freigabe,
    pub pdf: PathBuf,
    pub geschrieben: Geschrieben,
}

/// What `verify` found for one released version.
pub enum Urteil {
    /// Rebuilt byte for byte; inputs that changed without changing the PDF
    /// (e.g. a comment in a data file) are listed.
    Gleich { ohne_wirkung: Vec<String> },
    /// A later version exists and the inputs have changed since: this one
    /// can no longer be rebuilt from the working state (its record stays).
    Abgeloest { eingabe: String, neuer: String },
    /// A different PDF: the changed inputs (the first first), or none (then
    /// the programs changed what the same inputs give).
    Anders {
        eingaben: Vec<String>,
        sha256: String,
    },
    /// The version could not be built.
    Fehler(BauFehler),
}

/// One released version and what its rebuild gave.
pub struct Nachbau {
    pub freigabe: Freigabe,
    pub urteil: Urteil,
}

impl Nachbau {
    /// Whether `verify` passes for this version.
    pub fn bestanden(&self) -> bool {
        matches!(
            self.urteil,
            Urteil::Gleich { .. } | Urteil::Abgeloest { .. }
        )
    }
}

impl Sitzung {
    /// Releases the current version: it must pass `check`, must not be
    /// released yet; its PDF is written into `ordner` (never replacing
    /// another) and recorded with its inputs in `freigaben.yaml`.
    pub fn freigeben(&mut self, ordner: &Zielordner) -> Result<Freigegeben, BauFehler> {
        let v = self.vorbereiten()?;
        if !v.pruefung.bestanden() {
            return Err(BauFehler::Befunde(Box::new(v.pruefung)));
        }
        let meta = &v.geladen.edition.meta.clone();
        let (version, datum) = meta
            .aktuell()
            .map(|h| (h.version.clone(), h.datum))
            .ok_or_else(|| BauFehler::Freigabe("die Dokumenten-Historie ist leer".into()))?;
        let mut freigaben = self.freigaben()?;
        // Never seal on top of records changed by hand or with a gap.
        self.aufzeichnung(&freigaben, meta)?;
        if freigaben.version(&version).is_some() {
            return Err(BauFehler::Freigabe(
                Meldung::neu(format!(
                    "Version {version} der Ausgabe {} ist bereits freigegeben; eine Freigabe wird \
                     nie ersetzt.",
                    self.id
                ))
                .hilfe(
                    "Eine Änderung ist eine neue Version: Tragen Sie in edition.yaml eine neue \
                     Zeile der Historie ein, die sagt warum, und geben Sie sie frei.",
                ),
            ));
        }
        let (bytes, _, _) = self.pdf(&v)?;
        let datei = export::dateiname(&v.geladen.edition, Fassung::Bericht);
        let geschrieben = ordner
            .schreiben(&datei, &bytes, Ersetzen::Nie)
            .map_err(ExportFehler::from)?;
        let pdf = ordner.zeigen(&datei);
        let mut freigabe = Freigabe {
            version,
            datum,
            layout: meta.layout.clone(),
            pdf: PdfAngabe {
                datei,
                sha256: freigabe::sha256(&bytes),
                bytes: bytes.len() as u64,
            },
            werkzeug: freigabe::werkzeug(),
            eingaben: self.eingaben(&v)?,
            siegel: None,
        };
        let vorher = freigaben.freigaben.last().and_then(|f| f.siegel.clone());
        freigabe.siegel = Some(freigabe::siegel(&freigabe, &vorher.unwrap_or_default()));
        freigaben.freigaben.push(freigabe.clone());
        freigabe::schreiben(&self.wurzel, &self.id, &freigaben).map_err(BauFehler::Freigabe)?;
        Ok(Freigegeben {
            freigabe,
            pdf,
            geschrieben,
        })
    }

    /// Rebuilds every released version of the edition as of its release
    /// and compares it with the record. The newest release, with no later
    /// version in the history, must give its bytes. An older one may differ
    /// only through inputs a later release recorded as they are now (it was
    /// superseded by that release), or, while no later version is released
    /// yet, through the inputs of the version being prepared.
    pub fn nachbauen(&mut self) -> Result<Vec<Nachbau>, BauFehler> {
        let freigaben = self.freigaben()?;
        let jetzt = self.laden()?.edition.meta;
        self.aufzeichnung(&freigaben, &jetzt)?;
        let mut out = Vec::new();
        for f in &freigaben.freigaben {
            let spaeter = freigaben
                .freigaben
                .iter()
                .filter(|g| g.datum > f.datum)
                .max_by_key(|g| g.datum);
            let neuer = jetzt
                .historie
                .iter()
                .filter(|h| h.datum > f.datum)
                .max_by_key(|h| h.datum)
                .map(|h| h.version.clone());
            self.stand_setzen(Stand::von(f));
            let urteil = match self.nachbau(f) {
                Ok((sha256, ohne_wirkung, _)) if sha256 == f.pdf.sha256 => {
                    Urteil::Gleich { ohne_wirkung }
                }
                Ok((sha256, eingaben, aktuell)) => {
                    let abgeloest = match spaeter {
                        Some(g) => abgedeckt(f, g, &aktuell).then(|| g.version.clone()),
                        None => neuer.clone(),
                    };
                    match (eingaben.first(), abgeloest) {
                        (Some(eingabe), Some(neuer)) => Urteil::Abgeloest {
                            eingabe: eingabe.clone(),
                            neuer,
                        },
                        _ => Urteil::Anders { eingaben, sha256 },
                    }
                }
                Err(e) => Urteil::Fehler(e),
            };
            out.push(Nachbau {
                freigabe: f.clone(),
                urteil,
            });
        }
        self.stand = None;
        self.datenstand = None;
        Ok(out)
    }

    /// One rebuild: the PDF's SHA-256, the inputs that differ from the
    /// record and the inputs as they are now.
    fn nachbau(&mut self, f: &Freigabe) -> Result<(String, Vec<String>, Vec<Eingabe>), BauFehler> {
        let v = self.vorbereiten()?;
        let (bytes, _, _) = self.pdf(&v)?;
        let eingaben = self.eingaben(&v)?;
        Ok((
            freigabe::sha256(&bytes),
            freigabe::abweichungen(&f.eingaben, &eingaben),
            eingaben,
        ))
    }
}

/// Whether every input that changed since release `f` is recorded as it
/// is now by the later release `g` (the change went into `g`).
fn abgedeckt(f: &Freigabe, g: &Freigabe, jetzt: &[Eingabe]) -> bool {
    let im = |liste: &[Eingabe], d: &str| {
        liste
            .iter()
            .find(|e| e.datei == d)
            .map(|e| e.sha256.clone())
    };
    jetzt
        .iter()
        .map(|e| e.datei.as_str())
        .chain(f.eingaben.iter().map(|e| e.datei.as_str()))
        .filter(|d| im(&f.eingaben, d) != im(jetzt, d))
        .all(|d| im(&g.eingaben, d) == im(jetzt, d))
}
