//! `{{zahl "kennzahl"}}`, `{{prozent "kennzahl"}}`, `{{wort "kennzahl"}}`:
//! a computed figure in German typography.

use handlebars::{Helper, RenderErrorReason};

use super::{Ausgabe, Druck, Gebaut, Umgebung, anbinden, erster_parameter};
use crate::figures::{Kennzahlen, format};
use crate::templates::{MARKE, Modus, escape};

/// Prints a figure; the helper's name (`zahl`, `prozent`, `wort`) decides how.
struct ZahlHelfer<'a> {
    kennzahlen: &'a Kennzahlen,
    modus: Modus,
}

/// Builds the helper for `zahl`, `prozent` and `wort`.
pub(super) fn bauen<'a>(u: &Umgebung<'a>) -> Gebaut<'a> {
    anbinden(ZahlHelfer {
        kennzahlen: u.kennzahlen,
        modus: u.modus,
    })
}

impl Druck for ZahlHelfer<'_> {
    fn drucke(&self, h: &Helper<'_>, _: &str) -> Result<Ausgabe, RenderErrorReason> {
        if self.modus == Modus::Pruefung {
            return Ok(Ausgabe::Text(MARKE.to_owned()));
        }
        let name = erster_parameter(h, "zahl")?;
        let k = self
            .kennzahlen
            .kennzahl(name)
            .map_err(|f| RenderErrorReason::Other(f.to_string()))?;
        let stellen = h.hash_get("stellen").and_then(|v| v.value().as_u64());
        let text = match (h.name(), stellen) {
            ("prozent", s) => format::prozent(k.wert, s.unwrap_or(0) as usize),
            ("wort", _) => format::wort(k.wert),
            (_, Some(s)) => format::dezimal(k.wert, s as usize),
            _ => k.text(),
        };
        Ok(Ausgabe::Text(escape::typst_text(&text)))
    }
}
