//! The release records as the version control remembers them. The seal
//! chain of `freigaben.yaml` shows a record changed, inserted or deleted in
//! the middle, but not the newest one deleted (or deleted and released
//! again with other bytes): nothing in the file itself can. A record, once
//! committed, is kept by git, the anchor outside the file; every record
//! ever committed must still stand in the file with the same seal.
//!
//! Only `git` itself reads the repository (`git log`, `git show` on the
//! records' path); without git or outside a repository the check is not
//! possible, and the caller says so.

use std::path::Path;
use std::process::Command;

use crate::diagnostics::Meldung;
use crate::model::Freigaben;

/// A record the version control remembers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Erinnert {
    pub version: String,
    pub datum: String,
    pub siegel: String,
    /// The first commit (short hash) that holds the record.
    pub commit: String,
}

/// What the version control knows of an edition's records.
#[derive(Debug, Clone)]
pub enum Verlauf {
    /// Every record of every committed state of the file (its path).
    Bekannt(String, Vec<Erinnert>),
    /// No check possible, and why (no git, no repository, file untracked).
    Unbekannt(String),
}

impl Verlauf {
    /// Reads the committed states of `datei` (relative to `wurzel`).
    pub fn lesen(wurzel: &Path, datei: &Path) -> Verlauf {
        let pfad = format!("./{}", datei.display());
        let commits = match git(wurzel, &["log", "--format=%h", "--", &pfad]) {
            Ok(t) => t,
            Err(grund) => return Verlauf::Unbekannt(grund),
        };
        let commits: Vec<&str> = commits.lines().filter(|l| !l.is_empty()).collect();
        if commits.is_empty() {
            return Verlauf::Unbekannt(format!(
                "{} ist nicht in der Versionsverwaltung",
                datei.display()
            ));
        }
        let mut bekannt: Vec<Erinnert> = Vec::new();
        // Oldest first, so that each record names the commit it came with.
        for c in commits.iter().rev() {
            let Ok(text) = git(wurzel, &["show", &format!("{c}:{pfad}")]) else {
                continue;
            };
            let Ok(f) = serde_saphyr::from_str::<Freigaben>(&text) else {
                continue;
            };
            for r in f.freigaben {
                let Some(siegel) = r.siegel else { continue };
                if !bekannt.iter().any(|e| e.siegel == siegel) {
                    bekannt.push(Erinnert {
                        version: r.version,
                        datum: r.datum.deutsch(),
                        siegel,
                        commit: (*c).to_owned(),
                    });
                }
            }
        }
        Verlauf::Bekannt(datei.display().to_string(), bekannt)
    }

    /// The first remembered record that `jetzt` lacks (deleted, or replaced
    /// by another record of the same version), as a message.
    pub fn pruefen(&self, jetzt: &Freigaben) -> Result<(), Meldung> {
        let Verlauf::Bekannt(datei, bekannt) = self else {
            return Ok(());
        };
        let fehlt = bekannt.iter().find(|e| {
            !jetzt
                .freigaben
                .iter()
                .any(|r| r.siegel.as_deref() == Some(e.siegel.as_str()))
        });
        let Some(e) = fehlt else { return Ok(()) };
        let was = if jetzt.version(&e.version).is_some() {
            "steht in freigaben.yaml mit einem anderen Eintrag als dem freigegebenen: die \
             Freigabe wurde gelöscht und neu erteilt"
        } else {
            "hat in freigaben.yaml keinen Eintrag mehr: er wurde gelöscht"
        };
        Err(Meldung::neu(format!(
            "Version {}, freigegeben am {}, {was} (die Versionsverwaltung kennt den Eintrag seit \
             Commit {})",
            e.version, e.datum, e.commit
        ))
        .hilfe(format!(
            "Ein freigegebenes PDF bleibt freigegeben. Stellen Sie den Eintrag wieder her: \
             `git show {}:{datei}` zeigt ihn, `git log -p {datei}` die Änderung. Eine \
             Änderung ist eine neue Version (neue Zeile der Historie, dann `release`).",
            e.commit
        )))
    }
}

/// Runs git in `wurzel` (the environment's repository settings ignored)
/// and returns its output, or why not.
fn git(wurzel: &Path, args: &[&str]) -> Result<String, String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(wurzel)
        .args(args)
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("GIT_INDEX_FILE")
        .env("GIT_OPTIONAL_LOCKS", "0")
        .stdin(std::process::Stdio::null())
        .output()
        .map_err(|_| "git ist nicht installiert".to_owned())?;
    if !out.status.success() {
        return Err("das Projekt liegt nicht in einem Git-Repository".to_owned());
    }
    String::from_utf8(out.stdout).map_err(|_| "git gab keinen Text aus".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Freigabe;

    fn freigaben(eintraege: &[(&str, &str)]) -> Freigaben {
        let yaml: String = eintraege
            .iter()
            .map(|(v, siegel)| {
                format!(
                    "- version: \"{v}\"\n  datum: \"2025-06-23\"\n  layout: \"2025\"\n  pdf: {{ datei: a.pdf, sha256: \"0\", bytes: 1 }}\n  werkzeug: {{ kataster_report: \"0\", typst: \"0\" }}\n  eingaben: []\n  siegel: \"{siegel}\"\n"
                )
            })
            .collect();
        let f: Vec<Freigabe> = serde_saphyr::from_str(&yaml).unwrap();
        Freigaben { freigaben: f }
    }

    fn erinnert(version: &str, siegel: &str) -> Erinnert {
        Erinnert {
            version: version.into(),
            datum: "23.06.2025".into(),
            siegel: siegel.into(),
            commit: "abc1234".into(),
        }
    }

    #[test]
    fn ein_neu_erteilter_eintrag_ersetzt_den_erinnerten_nicht() {
        let v = Verlauf::Bekannt(
            "f.yaml".into(),
            vec![erinnert("1.0", "s1"), erinnert("1.1", "s2")],
        );
        assert!(
            v.pruefen(&freigaben(&[("1.0", "s1"), ("1.1", "s2")]))
                .is_ok()
        );
        let m = v
            .pruefen(&freigaben(&[("1.0", "s1"), ("1.1", "neu")]))
            .unwrap_err();
        assert!(m.text.contains("Version 1.1, freigegeben am 23.06.2025, steht in freigaben.yaml mit einem anderen Eintrag"), "{}", m.text);
        assert!(m.text.contains("gelöscht und neu erteilt") && m.text.contains("abc1234"));
        let m = v.pruefen(&freigaben(&[("1.0", "s1")])).unwrap_err();
        assert!(m.text.contains("keinen Eintrag mehr"), "{}", m.text);
        let unbekannt = Verlauf::Unbekannt("kein Git".into());
        assert!(unbekannt.pruefen(&freigaben(&[])).is_ok());
    }
}
