//! The whole prose check of an edition: placeholders, claims with their
//! acknowledgements, and typed numbers.

use std::path::Path;

use crate::diagnostics::Diagnose;
use crate::figures::Kennzahlen;
use crate::model::Edition;
use crate::templates::{self, Modus};

use super::{Pruefbericht, pruefe, pruefe_zahlen};

/// Checks the chapter templates of `edition` against its figures.
/// Errors that stop the check (unreadable templates) come back as diagnostics.
pub fn pruefe_edition(
    wurzel: &Path,
    edition: &Edition,
    kennzahlen: &Kennzahlen,
) -> Result<Pruefbericht, (Vec<Diagnose>, Vec<templates::Kapitel>)> {
    let kapitel = templates::lade_kapitel(wurzel, &edition.id).map_err(|d| (d, Vec::new()))?;
    let mut bericht = pruefe(&kapitel, kennzahlen, &edition.abweichungen);
    bericht.fehler.extend(templates::pruefe_platzhalter(
        &kapitel,
        kennzahlen,
        &edition.quellen,
    ));
    match templates::rendern(&kapitel, kennzahlen, &edition.meta, Modus::Pruefung) {
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
        Err((bericht.fehler, kapitel))
    }
}
