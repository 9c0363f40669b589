//! The report as HTML, from the same session: the chapters filled again
//! with every checked number linked to its evidence, set by Typst's HTML
//! export with the website's functions (`report/website/bericht.typ`) in
//! place of the layout's paged ones. One document; the website splits it
//! into a page per chapter (`website::bericht`).

use super::Sitzung;
use super::stufen::{BauFehler, Vorbereitet};
use crate::compile::world::BerichtsWelt;
use crate::diagnostics::Diagnose;
use crate::projekt::Projektpfade;
use crate::templates::{self, Modus};

/// The website's Typst functions for the HTML rendition.
pub const FUNKTIONEN: &str = "/report/website/bericht.typ";
/// The generated main file of the HTML rendition.
const HAUPT: &str = "/generiert/html.typ";

impl Sitzung {
    /// The whole report as one HTML document (the checked numbers link to
    /// `nachweis.html#zn-<anker>`).
    pub fn bericht_html(&mut self, v: &Vorbereitet) -> Result<String, BauFehler> {
        let e = &v.geladen.edition;
        let mut meta = e.meta.clone();
        meta.zahlennachweis = true;
        let texte = templates::rendern(
            &v.kapitel,
            &v.kennzahlen,
            &meta,
            Modus::Bericht,
            v.geladen.gestaltung.sprachen_auszeichnen,
        )
        .map_err(BauFehler::Diagnosen)?;
        let mut erzeugt: Vec<(String, Vec<u8>)> = v
            .erzeugt
            .iter()
            .filter(|(p, _)| !p.starts_with("/generiert/kapitel"))
            .cloned()
            .collect();
        let mut haupt = format!(
            "#import \"{FUNKTIONEN}\": *\n#set document(title: ed.titel)\n#set text(lang: \"de\", region: \"DE\")\n\
             #set heading(numbering: \"1.1\")\n// Kapitel 1 (Historie, Mitwirkende, Inhalt) steht nur im PDF.\n\
             #counter(heading).update(1)\n"
        );
        for (name, text) in texte {
            haupt.push_str(&format!("#include \"kapitel/{name}\"\n"));
            let datei = format!("#import \"{FUNKTIONEN}\": *\n{text}");
            erzeugt.push((format!("/generiert/kapitel/{name}"), datei.into_bytes()));
        }
        erzeugt.push((HAUPT.to_owned(), haupt.into_bytes()));
        let datum = e.meta.aktuell().map(|h| h.datum).ok_or_else(|| {
            BauFehler::Diagnosen(vec![Diagnose::neu(
                Projektpfade::ausgabedatei(&e.id, "edition.yaml"),
                "die Dokumenten-Historie ist leer",
            )])
        })?;
        let fehler = |m: crate::diagnostics::Meldung| {
            BauFehler::Diagnosen(vec![m.in_datei(FUNKTIONEN.trim_start_matches('/'))])
        };
        let welt = BerichtsWelt::neu(&self.wurzel, HAUPT, erzeugt, &v.schriften, datum)
            .and_then(|w| w.fuer_html(HAUPT))
            .map_err(fehler)?;
        crate::compile::html(&welt, &v.kapitel, &mut self.quellen).map_err(BauFehler::Diagnosen)
    }
}
