//! Released versions: what `release` records and `verify` proves. A release
//! keeps the SHA-256 and size of the published PDF and of every input of its
//! build; `verify` builds the version again and compares byte for byte.
//!
//! A version is rebuilt "as of" its release: the history of `edition.yaml`
//! up to that version (a later row changes the title page) and the layout it
//! was set with. `edition.yaml` enters the record with that state, so that
//! a new history row alone does not count as a changed input.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::diagnostics::{Diagnose, Meldung};
use crate::load::{self, Quelltexte};
use crate::model::{EditionMeta, Eingabe, Freigabe, Freigaben};
use crate::projekt;
use crate::projekt::Projektpfade;

/// The records of an edition: `data/<id>/freigaben.yaml`.
pub fn pfad(id: &str) -> PathBuf {
    Projektpfade::ausgabedatei(id, "freigaben.yaml")
}

/// The records of an edition; none when the file does not exist.
pub fn laden(wurzel: &Path, id: &str, texte: &mut Quelltexte) -> Result<Freigaben, Vec<Diagnose>> {
    let datei = pfad(id);
    // Missing means "nothing released yet"; anything else there (a link, a
    // folder) goes through the confined read and is reported.
    if std::fs::symlink_metadata(wurzel.join(&datei)).is_err() {
        return Ok(Freigaben::default());
    }
    load::lade_datei::<Freigaben>(wurzel, &datei, &mut Default::default(), texte)
}

/// Writes the records, with a header for the editors.
pub fn schreiben(wurzel: &Path, id: &str, f: &Freigaben) -> Result<(), Meldung> {
    let yaml = serde_saphyr::to_string(f).map_err(|e| Meldung::neu(e.to_string()))?;
    let text = format!(
        "# yaml-language-server: $schema=../schema/freigaben.schema.json\n\
         # Freigegebene Versionen der Ausgabe {id}: das veröffentlichte PDF und jede Eingabe\n\
         # mit ihrer Prüfsumme. Geschrieben von `kataster-report release`, geprüft von\n\
         # `kataster-report verify`. Nicht von Hand ändern: Eine Änderung des PDFs ist eine\n\
         # neue Version (neue Zeile der Historie, dann `release`).\n{yaml}"
    );
    projekt::im_projekt_schreiben(wurzel, &pfad(id), &text)
        .map(|_| ())
        .map_err(|e| Meldung::from(e).vorne("nicht geschrieben: "))
}

/// SHA-256 as lower-case hex.
pub fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The version to build a past release as: its history state and layout.
#[derive(Debug, Clone)]
pub struct Stand {
    pub version: String,
    pub layout: String,
}

impl Stand {
    /// The state of a release record.
    pub fn von(f: &Freigabe) -> Stand {
        Stand {
            version: f.version.clone(),
            layout: f.layout.clone(),
        }
    }

    /// `meta` as of this version: the history up to its row, its layout.
    /// `None` when the history has no such version.
    pub fn anwenden(&self, meta: &EditionMeta) -> Option<EditionMeta> {
        let datum = meta
            .historie
            .iter()
            .find(|h| h.version == self.version)?
            .datum;
        let mut m = meta.clone();
        m.historie.retain(|h| h.datum <= datum);
        m.layout = self.layout.clone();
        Some(m)
    }
}

/// The record of `edition.yaml`: the SHA-256 of its data as of the version
/// built (so that a later history row is not a change of this version).
pub fn edition_eingabe(id: &str, meta: &EditionMeta) -> Eingabe {
    let json = serde_json::to_vec(meta).unwrap_or_default();
    Eingabe {
        datei: Projektpfade::ausgabedatei(id, "edition.yaml")
            .display()
            .to_string(),
        sha256: sha256(&json),
    }
}

/// The record of every file in `dateien` (read again, confined), sorted.
pub fn eingaben(wurzel: &Path, dateien: &[PathBuf]) -> Result<Vec<Eingabe>, Diagnose> {
    let mut out = Vec::new();
    for d in dateien {
        let bytes = projekt::lesen(wurzel, d, projekt::MAX_BINAER).map_err(|e| e.diagnose())?;
        out.push(Eingabe {
            datei: d.display().to_string(),
            sha256: sha256(&bytes),
        });
    }
    out.sort();
    out.dedup();
    Ok(out)
}

/// Every input that differs between a record and now (changed, new or
/// gone), in path order: the first is the first to name.
pub fn abweichungen(damals: &[Eingabe], jetzt: &[Eingabe]) -> Vec<String> {
    let mut alle: Vec<&str> = damals
        .iter()
        .chain(jetzt)
        .map(|e| e.datei.as_str())
        .collect();
    alle.sort();
    alle.dedup();
    alle.into_iter()
        .filter_map(|d| {
            let a = damals.iter().find(|e| e.datei == d);
            let b = jetzt.iter().find(|e| e.datei == d);
            match (a, b) {
                (Some(a), Some(b)) if a.sha256 == b.sha256 => None,
                (Some(_), Some(_)) => Some(format!("{d} geändert")),
                (Some(_), None) => Some(format!("{d} wird nicht mehr gelesen")),
                (None, _) => Some(format!("{d} ist neu hinzugekommen")),
            }
        })
        .collect()
}

/// The seal of record `f` after the seal `vorher` of the record before it
/// ("" for the first): SHA-256 over both, the record as JSON without its
/// own seal.
pub fn siegel(f: &Freigabe, vorher: &str) -> String {
    let ohne = Freigabe {
        siegel: None,
        ..f.clone()
    };
    let json = serde_json::to_string(&ohne).unwrap_or_default();
    sha256(format!("{vorher}\n{json}").as_bytes())
}

/// The records as `release` left them: every record sealed, each seal
/// fitting its record and the one before (a record changed, deleted or
/// inserted by hand breaks it); every published version of the history
/// (1.0 and later) older than the newest has a record.
pub fn aufzeichnung_pruefen(f: &Freigaben, meta: &EditionMeta) -> Result<(), Meldung> {
    let hilfe = "freigaben.yaml schreibt nur `kataster-report release`. Stellen Sie die Datei \
                 aus der Versionsverwaltung wieder her (git log -p data/<ausgabe>/freigaben.yaml \
                 zeigt die Änderung).";
    let mut vorher = String::new();
    for r in &f.freigaben {
        let erwartet = siegel(r, &vorher);
        match &r.siegel {
            None => {
                return Err(Meldung::neu(format!(
                    "der Eintrag der Version {} in freigaben.yaml hat kein Siegel",
                    r.version
                ))
                .hilfe(hilfe));
            }
            Some(s) if *s != erwartet => {
                return Err(Meldung::neu(format!(
                    "der Eintrag der Version {} in freigaben.yaml wurde nach der Freigabe \
                     geändert, oder ein Eintrag davor wurde gelöscht oder eingefügt (das Siegel \
                     passt nicht)",
                    r.version
                ))
                .hilfe(hilfe));
            }
            Some(s) => vorher.clone_from(s),
        }
    }
    match unverzeichnet(f, meta) {
        Some(v) => Err(Meldung::neu(format!(
            "Version {v} steht in der Historie als veröffentlicht, hat aber keinen Eintrag in \
             freigaben.yaml"
        ))
        .hilfe(hilfe)),
        None => Ok(()),
    }
}

/// A published version (1.0 or later) of the history, older than the
/// newest, that has no record; drafts (0.x) are never released.
pub fn unverzeichnet(f: &Freigaben, meta: &EditionMeta) -> Option<String> {
    let neueste = meta.aktuell()?.datum;
    meta.historie
        .iter()
        .filter(|h| h.datum < neueste && veroeffentlicht(&h.version))
        .find(|h| f.version(&h.version).is_none())
        .map(|h| h.version.clone())
}

/// Whether a version number names a publication (1.0 and later), not a
/// draft (0.x).
fn veroeffentlicht(version: &str) -> bool {
    version
        .split('.')
        .next()
        .and_then(|h| h.trim().parse::<u32>().ok())
        .is_some_and(|h| h >= 1)
}

/// The versions of the programs of this build.
pub fn werkzeug() -> crate::model::Werkzeug {
    crate::model::Werkzeug {
        kataster_report: env!("CARGO_PKG_VERSION").to_owned(),
        typst: typst::utils::version().raw().to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(d: &str, h: &str) -> Eingabe {
        Eingabe {
            datei: d.into(),
            sha256: h.into(),
        }
    }

    #[test]
    fn abweichungen_nennen_die_dateien_in_pfadfolge() {
        let erste_abweichung = |a: &[Eingabe], b: &[Eingabe]| abweichungen(a, b).into_iter().next();
        let damals = [e("a", "1"), e("b", "2"), e("c", "3")];
        assert_eq!(erste_abweichung(&damals, &damals), None);
        let jetzt = [e("a", "1"), e("b", "9"), e("c", "8")];
        assert_eq!(erste_abweichung(&damals, &jetzt).unwrap(), "b geändert");
        let jetzt = [e("a", "1"), e("b", "2")];
        assert_eq!(
            erste_abweichung(&damals, &jetzt).unwrap(),
            "c wird nicht mehr gelesen"
        );
        let jetzt = [e("a", "1"), e("aa", "5"), e("b", "2"), e("c", "3")];
        assert_eq!(
            erste_abweichung(&damals, &jetzt).unwrap(),
            "aa ist neu hinzugekommen"
        );
    }

    #[test]
    fn pruefsumme_ist_sha256() {
        assert_eq!(
            sha256(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
