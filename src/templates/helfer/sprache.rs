//! `{{#sprache "en"}}Weak AI{{/sprache}}`: a passage in another language,
//! tagged with it in the PDF so that a screen reader reads it in that
//! language; printed unchanged.

use handlebars::{Helper, RenderErrorReason};

use super::{Ausgabe, Druck, Gebaut, Umgebung, anbinden, erster_parameter};
use crate::templates::Modus;

/// Wraps its block in Typst's `text(lang: …)`, if the layout tags
/// languages and the report is rendered.
struct SpracheHelfer {
    auszeichnen: bool,
}

/// Builds the helper for `sprache`.
pub(super) fn bauen<'a>(u: &Umgebung<'a>) -> Gebaut<'a> {
    anbinden(SpracheHelfer {
        auszeichnen: u.sprachen && u.modus == Modus::Bericht,
    })
}

/// A language code of ISO 639-1: two lowercase letters.
pub fn gueltig(code: &str) -> bool {
    code.len() == 2 && code.bytes().all(|b| b.is_ascii_lowercase())
}

impl Druck for SpracheHelfer {
    fn drucke(&self, h: &Helper<'_>, _: &str) -> Result<Ausgabe, RenderErrorReason> {
        let code = erster_parameter(h, "sprache")?;
        if !gueltig(code) {
            return Err(RenderErrorReason::Other(format!(
                "„{code}“ ist kein Sprachcode; erwartet sind zwei Kleinbuchstaben nach \
                 ISO 639-1, z. B. {{{{#sprache \"en\"}}}}"
            )));
        }
        if !self.auszeichnen {
            return Ok(Ausgabe::Block);
        }
        // The code is two ASCII letters: nothing to escape.
        Ok(Ausgabe::Umhuellt(
            format!("#text(lang: \"{code}\", region: none)["),
            format!("]{}", crate::templates::AUFRUF_ENDE),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::gueltig;

    #[test]
    fn sprachcodes() {
        assert!(gueltig("en") && gueltig("fr"));
        for falsch in ["", "e", "EN", "eng", "e\"", "de-DE"] {
            assert!(!gueltig(falsch), "{falsch}");
        }
    }
}
