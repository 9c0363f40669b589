//! Stage survey: LimeSurvey's survey structure (`.lss`) read and written.
//! `survey inspect` lists a survey's questions; `survey questionnaire`
//! writes the questionnaire of the data model, whose codes the import of
//! the next survey's answers will know.

pub mod fragebogen;
pub mod lss;

use std::path::Path;

use crate::diagnostics::Diagnose;
use crate::model::Vokabular;
use crate::projekt;

/// Largest `.lss` read (real exports of large surveys stay far below).
pub const MAX_LSS: u64 = 32 * 1024 * 1024;

/// Reads and parses an `.lss` inside the project; problems are located in
/// the file.
pub fn lesen(wurzel: &Path, relativ: &Path) -> Result<lss::Umfrage, Diagnose> {
    let text = projekt::lese_text(wurzel, relativ, MAX_LSS).map_err(|e| e.diagnose())?;
    lss::lesen(&text).map_err(|f| {
        let d = Diagnose::neu(relativ, f.meldung);
        let d = match f.zeile {
            Some(z) => d.an(z, 1, 0..0),
            None => d,
        };
        d.hilfe(
            "Exportieren Sie in LimeSurvey die Umfragestruktur (.lss) erneut: \
             Umfrage → Exportieren → Umfragestruktur (.lss).",
        )
    })
}

/// The questionnaire of an edition as `.lss` text.
pub fn fragebogen(titel: &str, vokabular: &Vokabular, landkreise: Vec<String>) -> String {
    fragebogen::lss(
        titel,
        &fragebogen::Wahl {
            vokabular,
            landkreise,
        },
    )
}

/// The survey as text for `survey inspect`: groups and questions in order,
/// with their subquestions and answers.
pub fn als_text(u: &lss::Umfrage) -> String {
    let mut out = format!(
        "Umfrage „{}“, Sprachen: {}\n",
        u.title,
        u.languages.join(", ")
    );
    let mut gruppe = None;
    for f in &u.questions {
        if gruppe != Some(&f.gruppe) {
            out.push_str(&format!("\nGruppe „{}“\n", f.gruppe));
            gruppe = Some(&f.gruppe);
        }
        let sonst = if f.other {
            " (mit „Sonstiges“)"
        } else {
            ""
        };
        out.push_str(&format!("  {} [{}] {}{sonst}\n", f.code, f.typ, f.text));
        for s in &f.subquestions {
            out.push_str(&format!("      Teilfrage {}: {}\n", s.code, s.text));
        }
        for a in &f.answers {
            out.push_str(&format!("      Antwort {}: {}\n", a.code, a.text));
        }
    }
    out
}
