//! Why a command stopped: the one error type every command returns
//! (`Result<ExitCode, Abbruch>`), rendered by `main` in one place, in German:
//! `Fehler: …`, one `Hilfe: …` line per hint, then what it means for the
//! files (`Es wurde kein PDF geschrieben.`).

use kataster_report::diagnostics::{Diagnose, Meldung, alle_darstellen};
use kataster_report::load::Quelltexte;
use kataster_report::sitzung::Sitzung;
use kataster_report::sitzung::stufen::BauFehler;

/// Why a command stopped, and what that means.
#[derive(Debug)]
pub struct Abbruch {
    grund: Grund,
    /// What was (not) written, e.g. "Es wurde kein PDF geschrieben.".
    schluss: Option<String>,
}

#[derive(Debug)]
enum Grund {
    /// A failure with its hints.
    Meldung(Meldung),
    /// Problems located in files, rendered with their source lines (only
    /// the place that read the files has their texts).
    Diagnosen(String),
}

impl Abbruch {
    /// Problems in files, shown with the lines they point at.
    pub fn diagnosen(d: &[Diagnose], quellen: impl Fn(&std::path::Path) -> Option<String>) -> Self {
        Abbruch {
            grund: Grund::Diagnosen(alle_darstellen(d, quellen, super::farbe())),
            schluss: None,
        }
    }

    /// Problems in files whose texts `quellen` holds.
    pub fn mit_quellen(d: &[Diagnose], quellen: &Quelltexte) -> Self {
        Self::diagnosen(d, |p| quellen.text(p))
    }

    /// Why a session's run stopped, with the session's source texts.
    pub fn bau(s: &Sitzung, fehler: &BauFehler) -> Self {
        match fehler {
            BauFehler::Diagnosen(d) => Abbruch {
                grund: Grund::Diagnosen(s.darstellen(d, super::farbe())),
                schluss: None,
            },
            andere => andere.meldung().into(),
        }
    }

    /// What the failure means for the files.
    pub fn schluss(mut self, schluss: impl Into<String>) -> Self {
        self.schluss = Some(schluss.into());
        self
    }

    /// The whole message, as `main` prints it.
    pub fn darstellen(&self) -> String {
        let mut s = match &self.grund {
            Grund::Meldung(m) => m.darstellen(),
            Grund::Diagnosen(t) => t.clone(),
        };
        if let Some(schluss) = &self.schluss {
            s.push_str(schluss);
            s.push('\n');
        }
        s
    }
}

impl From<Meldung> for Abbruch {
    fn from(m: Meldung) -> Self {
        Abbruch {
            grund: Grund::Meldung(m),
            schluss: None,
        }
    }
}

impl From<kataster_report::projekt::Schreibfehler> for Abbruch {
    fn from(e: kataster_report::projekt::Schreibfehler) -> Self {
        Meldung::from(e).into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meldung_mit_hilfen_und_schluss() {
        let a = Abbruch::from(
            Meldung::neu("dist ist kein Ordner.")
                .hilfe("Geben Sie mit --out einen Ordner an.")
                .hilfe("Oder entfernen Sie die Datei dist."),
        )
        .schluss("Es wurde kein PDF geschrieben.");
        assert_eq!(
            a.darstellen(),
            "Fehler: dist ist kein Ordner.\nHilfe: Geben Sie mit --out einen Ordner an.\n\
             Hilfe: Oder entfernen Sie die Datei dist.\nEs wurde kein PDF geschrieben.\n"
        );
    }
}
