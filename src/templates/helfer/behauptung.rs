//! `{{#behauptung "kennzahl" "vergleich" wert}}Wortlaut{{/behauptung}}`:
//! published words bound to a figure, checked by `check`.

use handlebars::template::{Template, TemplateElement};
use handlebars::{Helper, RenderErrorReason};

use super::{Ausgabe, Druck, Gebaut, Umgebung, anbinden};
use crate::templates::{MARKE, Modus};

/// Prints the block's words; in the check rendering, [`MARKE`] instead.
struct BehauptungHelfer {
    modus: Modus,
}

/// Builds the helper for `behauptung`.
pub(super) fn bauen<'a>(u: &Umgebung<'a>) -> Gebaut<'a> {
    anbinden(BehauptungHelfer { modus: u.modus })
}

impl Druck for BehauptungHelfer {
    fn drucke(&self, h: &Helper<'_>) -> Result<Ausgabe, RenderErrorReason> {
        if self.modus == Modus::Bericht {
            return Ok(Ausgabe::Block);
        }
        // Keep the block's line breaks: line N of the check rendering
        // stays line N of the template.
        let umbrueche = h.template().map_or(0, zeilenumbrueche);
        Ok(Ausgabe::Text(format!("{MARKE}{}", "\n".repeat(umbrueche))))
    }
}

/// The line breaks in a block's text (nested blocks and comments included).
fn zeilenumbrueche(t: &Template) -> usize {
    t.elements
        .iter()
        .map(|e| match e {
            TemplateElement::RawString(s) | TemplateElement::Comment(s) => s.matches('\n').count(),
            TemplateElement::HelperBlock(h) => [&h.template, &h.inverse]
                .into_iter()
                .flatten()
                .map(zeilenumbrueche)
                .sum(),
            _ => 0,
        })
        .sum()
}
