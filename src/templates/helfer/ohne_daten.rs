//! `{{#ohne_daten "kein Feld für Herausforderungen"}}…{{/ohne_daten}}`: a
//! passage the data cannot decide (no field for it, an interpretation, a
//! forecast), marked with the reason; printed unchanged. `check` counts
//! and lists these passages, the appendix "Zahlennachweis" of layout 2026
//! prints them, and `survey questionnaire --vorschlaege` turns the reasons
//! "kein Feld für …" into questions for the next survey.

use handlebars::{Helper, RenderErrorReason};

use super::{Ausgabe, Druck, Gebaut, Umgebung, anbinden, erster_parameter};

/// Prints its block unchanged.
struct OhneDaten;

/// Builds the helper for `ohne_daten`.
pub(super) fn bauen<'a>(_: &Umgebung<'a>) -> Gebaut<'a> {
    anbinden(OhneDaten)
}

impl Druck for OhneDaten {
    fn drucke(&self, h: &Helper<'_>, _: &str) -> Result<Ausgabe, RenderErrorReason> {
        let grund = erster_parameter(h, "ohne_daten")?;
        if grund.trim().is_empty() {
            return Err(RenderErrorReason::Other(
                "der Grund fehlt, z. B. {{#ohne_daten \"kein Feld für Herausforderungen\"}}"
                    .to_owned(),
            ));
        }
        Ok(Ausgabe::Block)
    }
}
