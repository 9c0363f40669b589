//! The whole prose check of an edition: placeholders, claims with their
//! acknowledgements, and typed numbers.

use crate::compile::world::Schriften;
use crate::diagnostics::Diagnose;
use crate::figures::Kennzahlen;
use crate::load::Geladen;
use crate::templates::{self, Modus};

use super::{Pruefbericht, pruefe, pruefe_zahlen};

/// Checks the chapter templates of the edition against its figures, and the
/// data and templates for characters the fonts cannot print. Errors that stop
/// the check (unreadable templates, bad placeholders) come back as diagnostics.
pub fn pruefe_edition(
    kapitel: &[templates::Kapitel],
    geladen: &Geladen,
    kennzahlen: &Kennzahlen,
    schriften: &Schriften,
) -> Result<Pruefbericht, Vec<Diagnose>> {
    let edition = &geladen.edition;
    let mut bericht = Pruefbericht {
        fehler: crate::compile::zeichen::pruefe_zeichen(&geladen.dateien, kapitel, |c| {
            schriften.hat_zeichen(c)
        }),
        ..Pruefbericht::default()
    };
    let claims = pruefe(kapitel, edition, kennzahlen);
    bericht.eigene_grenzen = super::grenzen::eigene_grenzen_text(edition);
    bericht.behauptungen = claims.behauptungen;
    bericht.veraltet = claims.veraltet;
    bericht.fehler.extend(claims.fehler);
    bericht.abdeckung = super::abdeckung::abdeckung(kapitel, bericht.behauptungen.len());
    bericht.fehler.extend(templates::pruefe_platzhalter(
        kapitel,
        kennzahlen,
        &edition.quellen,
    ));
    if !bericht.fehler.is_empty() {
        // Rendering would only repeat the placeholder problems.
        return Err(bericht.fehler);
    }
    match templates::rendern(kapitel, kennzahlen, &edition.meta, Modus::Pruefung, false) {
        Ok(texte) => {
            let paare: Vec<_> = kapitel
                .iter()
                .zip(texte.into_iter().map(|(_, t)| t))
                .collect();
            bericht.zahlen = pruefe_zahlen(&paare);
        }
        Err(d) => bericht.fehler.extend(d),
    }
    if bericht.fehler.is_empty() {
        Ok(bericht)
    } else {
        Err(bericht.fehler)
    }
}
