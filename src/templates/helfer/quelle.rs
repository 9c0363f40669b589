//! `{{quelle "id"}}`: a footnote from `quellen.yaml`.

use handlebars::{Helper, RenderErrorReason};

use super::{Ausgabe, Druck, Gebaut, Umgebung, anbinden, erster_parameter};
use crate::templates::escape;

/// Prints `#quelle("id")`; the layout's `lib.typ` turns it into the footnote.
struct QuelleHelfer;

/// Builds the helper for `quelle`.
pub(super) fn bauen<'a>(_: &Umgebung<'a>) -> Gebaut<'a> {
    anbinden(QuelleHelfer)
}

impl Druck for QuelleHelfer {
    fn drucke(&self, h: &Helper<'_>, _: &str) -> Result<Ausgabe, RenderErrorReason> {
        let id = erster_parameter(h, "quelle")?;
        Ok(Ausgabe::Text(format!(
            "#quelle({})",
            escape::typst_string(id)
        )))
    }
}
