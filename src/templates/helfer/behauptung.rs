//! `{{#behauptung "kennzahl" "vergleich" wert}}Wortlaut{{/behauptung}}`:
//! published words bound to a figure, checked by `check`.

use handlebars::template::{Template, TemplateElement};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use handlebars::{Helper, RenderErrorReason};

use super::{Ausgabe, Druck, Gebaut, Umgebung, anbinden};
use crate::templates::{MARKE, Modus};

/// Prints the block's words; in the check rendering, [`MARKE`] instead.
/// With the appendix "Zahlennachweis", the words link to their entry.
struct BehauptungHelfer {
    modus: Modus,
    nachweis: bool,
    /// Claims filled so far, per chapter template (their anchors).
    zaehler: Arc<Mutex<HashMap<String, usize>>>,
}

/// Builds the helper for `behauptung` and `aussage`.
pub(super) fn bauen<'a>(u: &Umgebung<'a>) -> Gebaut<'a> {
    anbinden(BehauptungHelfer {
        modus: u.modus,
        nachweis: u.meta.zahlennachweis,
        zaehler: u.anker.clone(),
    })
}

/// The anchor of the `nr`-th claim (from 1) of a chapter template: the
/// same in the text and in the appendix, e.g. `02-einleitung-3`.
pub fn anker(vorlage: &str, nr: usize) -> String {
    format!("{}-{nr}", vorlage.trim_end_matches(".typ.hbs"))
}

impl Druck for BehauptungHelfer {
    fn drucke(&self, h: &Helper<'_>, vorlage: &str) -> Result<Ausgabe, RenderErrorReason> {
        if self.modus == Modus::Bericht && self.nachweis {
            let mut z = self.zaehler.lock().unwrap_or_else(|p| p.into_inner());
            let nr = z.entry(vorlage.to_owned()).or_insert(0);
            *nr += 1;
            // The anchor is made of the file name and a count: nothing from
            // the data goes into this code.
            let a = anker(vorlage, *nr);
            return Ok(Ausgabe::Umhuellt(
                format!("#nachweis(\"{a}\")["),
                format!("]{}", crate::templates::AUFRUF_ENDE),
            ));
        }
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
