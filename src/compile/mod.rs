//! Compiling the report with embedded Typst, and turning Typst's
//! diagnostics into ours (file, line, source line).

pub mod world;

use std::path::PathBuf;

use typst::WorldExt;
use typst::diag::{Severity, SourceDiagnostic};
use typst_layout::PagedDocument;

use crate::diagnostics::{Diagnose, zeile_spalte};
use crate::load::Quelltexte;
use world::BerichtsWelt;

/// Compiles the main file of `welt`. Warnings are returned too (as
/// diagnostics), so that callers can show them.
pub fn kompilieren(
    welt: &BerichtsWelt,
) -> (
    Result<PagedDocument, Vec<Diagnose>>,
    Vec<Diagnose>,
    Quelltexte,
) {
    let ergebnis = typst::compile::<PagedDocument>(welt);
    let mut quellen = Quelltexte::default();
    let warnungen = ergebnis
        .warnings
        .iter()
        .map(|d| umwandeln(welt, d, &mut quellen))
        .collect();
    let dokument = ergebnis.output.map_err(|fehler| {
        fehler
            .iter()
            .map(|d| umwandeln(welt, d, &mut quellen))
            .collect()
    });
    (dokument, warnungen, quellen)
}

/// A Typst diagnostic as ours, with the file's text remembered for rendering.
pub fn umwandeln(welt: &BerichtsWelt, d: &SourceDiagnostic, quellen: &mut Quelltexte) -> Diagnose {
    let art = match d.severity {
        Severity::Error => "Satzfehler",
        Severity::Warning => "Warnung beim Satz",
    };
    let mut diag = Diagnose::neu(PathBuf::from("report"), format!("{art}: {}", d.message));
    if let Some(id) = d.span.id() {
        let pfad = PathBuf::from(id.vpath().get_without_slash());
        diag.datei = pfad.clone();
        if let (Some(quelle), Some(bereich)) = (welt.text_von(id), welt.range(d.span)) {
            let (z, s) = zeile_spalte(quelle.text(), bereich.start);
            quellen.merken(&pfad, quelle.text());
            diag = diag.an(z, s, bereich);
        }
        if pfad.starts_with("generiert/kapitel") {
            let name = pfad
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            diag = diag.hilfe(format!(
                "Die Datei ist aus der Kapitelvorlage {name}.hbs erzeugt; ändern Sie die Vorlage unter report/kapitel/."
            ));
        }
    }
    if diag.hilfe.is_none()
        && let Some(h) = d.hints.first()
    {
        diag = diag.hilfe(h.v.to_string());
    }
    diag
}
