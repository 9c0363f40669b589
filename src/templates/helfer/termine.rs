//! `{{umfragezeitraum}}` and `{{sitzungstermine}}`: dates from `edition.yaml`
//! in German writing.

use handlebars::{Helper, RenderErrorReason};

use super::{Ausgabe, Druck, Gebaut, Umgebung, anbinden, aufzaehlung};
use crate::model::EditionMeta;
use crate::templates::escape;

/// A helper that prints a fixed, already escaped text.
struct TextHelfer(String);

impl Druck for TextHelfer {
    fn drucke(&self, _: &Helper<'_>, _: &str) -> Result<Ausgabe, RenderErrorReason> {
        Ok(Ausgabe::Text(self.0.clone()))
    }
}

/// A helper that prints `text(meta)`, escaped for Typst.
fn text_helfer<'a>(u: &Umgebung<'a>, text: fn(&EditionMeta) -> String) -> Gebaut<'a> {
    anbinden(TextHelfer(escape::typst_text(&text(u.meta))))
}

/// Builds the helper for `umfragezeitraum`.
pub(super) fn umfragezeitraum_bauen<'a>(u: &Umgebung<'a>) -> Gebaut<'a> {
    text_helfer(u, umfragezeitraum)
}

/// Builds the helper for `sitzungstermine`.
pub(super) fn sitzungstermine_bauen<'a>(u: &Umgebung<'a>) -> Gebaut<'a> {
    text_helfer(u, sitzungstermine)
}

/// "vom 7. bis zum 31. März 2025" from the edition's survey window.
pub fn umfragezeitraum(meta: &EditionMeta) -> String {
    let (a, b) = (&meta.umfrage.beginn, &meta.umfrage.ende);
    let anfang = if a.jahr != b.jahr {
        format!("{}. {} {}", a.tag, a.monatsname(), a.jahr)
    } else if a.monat != b.monat {
        format!("{}. {}", a.tag, a.monatsname())
    } else {
        format!("{}.", a.tag)
    };
    format!(
        "vom {anfang} bis zum {}. {} {}",
        b.tag,
        b.monatsname(),
        b.jahr
    )
}

/// "am 4. Februar, 15. April und 22. Mai 2025" from the meeting dates.
pub fn sitzungstermine(meta: &EditionMeta) -> String {
    let mut d = meta.sitzungen.clone();
    d.sort();
    let ein_jahr = d.windows(2).all(|w| w[0].jahr == w[1].jahr);
    let teile: Vec<String> = d
        .iter()
        .enumerate()
        .map(|(i, t)| {
            if ein_jahr && i + 1 < d.len() {
                format!("{}. {}", t.tag, t.monatsname())
            } else {
                format!("{}. {} {}", t.tag, t.monatsname(), t.jahr)
            }
        })
        .collect();
    format!("am {}", aufzaehlung(&teile))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Datum, Umfrage};

    fn d(s: &str) -> Datum {
        Datum::aus_text(s).unwrap()
    }

    #[test]
    fn termine_in_deutscher_schreibweise() {
        let mut meta = super::super::tests::meta();
        assert_eq!(umfragezeitraum(&meta), "vom 7. bis zum 31. März 2025");
        assert_eq!(
            sitzungstermine(&meta),
            "am 4. Februar, 15. April und 22. Mai 2025"
        );
        meta.umfrage = Umfrage {
            beginn: d("2025-02-28"),
            ende: d("2025-03-31"),
        };
        assert_eq!(
            umfragezeitraum(&meta),
            "vom 28. Februar bis zum 31. März 2025"
        );
        meta.sitzungen = vec![d("2025-12-01"), d("2026-01-15")];
        assert_eq!(
            sitzungstermine(&meta),
            "am 1. Dezember 2025 und 15. Januar 2026"
        );
        meta.sitzungen = vec![d("2025-12-01")];
        assert_eq!(sitzungstermine(&meta), "am 1. Dezember 2025");
    }
}
