//! Compiling the report with embedded Typst, and turning Typst's
//! diagnostics into ours (file, line, source line).

pub mod world;

use std::path::PathBuf;

use typst::WorldExt;
use typst::diag::{Severity, SourceDiagnostic};
use typst_layout::PagedDocument;

use crate::diagnostics::{Diagnose, offset_von, zeile_spalte};
use crate::load::Quelltexte;
use crate::pipeline::KAPITEL_KOPF_ZEILEN;
use crate::projekt::Projektpfade;
use crate::templates::Kapitel;
use world::BerichtsWelt;

/// Compiles the main file of `welt`. Warnings are returned too (as
/// diagnostics), so that callers can show them; the texts of the files they
/// point into go into the registry `quellen`.
pub fn kompilieren(
    welt: &BerichtsWelt,
    kapitel: &[Kapitel],
    quellen: &mut Quelltexte,
) -> (Result<PagedDocument, Vec<Diagnose>>, Vec<Diagnose>) {
    let ergebnis = typst::compile::<PagedDocument>(welt);
    let warnungen = ergebnis
        .warnings
        .iter()
        .map(|d| umwandeln(welt, kapitel, d, quellen))
        .collect();
    let dokument = ergebnis.output.map_err(|fehler| {
        fehler
            .iter()
            .map(|d| umwandeln(welt, kapitel, d, quellen))
            .collect()
    });
    (dokument, warnungen)
}

/// Typst's most common messages for editors in German, with the original.
fn typst_meldung_deutsch(englisch: &str) -> String {
    const BEKANNT: &[(&str, &str)] = &[
        (
            "unclosed delimiter",
            "eine Auszeichnung (*fett*, _kursiv_ oder Klammer) wird nicht geschlossen",
        ),
        ("unknown variable", "unbekannte Funktion oder Variable"),
        ("file not found", "Datei nicht gefunden"),
        (
            "does not exist in the document",
            "dieses Sprungziel (<…>) gibt es im Bericht nicht",
        ),
        (
            "access denied",
            "Zugriff verweigert: nur Dateien im Projektordner sind erlaubt",
        ),
        (
            "cannot access file system from here",
            "Zugriff verweigert: nur Dateien im Projektordner sind erlaubt",
        ),
        (
            "expected expression",
            "nach # wird eine Funktion oder ein Wert erwartet (ein Rautezeichen im Text als \\# schreiben)",
        ),
    ];
    crate::diagnostics::auf_deutsch(englisch, BEKANNT, "Typst")
}

/// A Typst diagnostic as ours, with the file's text remembered for rendering.
/// A problem in a generated chapter is reported at the line of its template
/// (the generated file starts with the lines of `pipeline::kapitel_kopf`;
/// filling a template keeps
/// its lines).
pub fn umwandeln(
    welt: &BerichtsWelt,
    kapitel: &[Kapitel],
    d: &SourceDiagnostic,
    quellen: &mut Quelltexte,
) -> Diagnose {
    let mut diag = Diagnose::neu(
        PathBuf::from(Projektpfade::BERICHT),
        format!("Satz: {}", typst_meldung_deutsch(&d.message)),
    );
    if d.severity == Severity::Warning {
        diag = diag.als_warnung();
    }
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
            let vorlage = kapitel.iter().find(|k| k.typst_name() == name);
            let zeile = diag.zeile.saturating_sub(KAPITEL_KOPF_ZEILEN);
            match vorlage {
                Some(k) if zeile >= 1 && zeile <= k.text.lines().count() => {
                    let start = offset_von(&k.text, zeile, 1);
                    let ende = start + k.text[start..].find('\n').unwrap_or(k.text.len() - start);
                    quellen.merken(&k.pfad, &k.text);
                    diag.datei = k.pfad.clone();
                    diag = diag.an(zeile, 1, start..ende).hilfe(format!(
                        "Die Stelle steht in der Kapitelvorlage; erzeugt als {} (build --emit-typst zeigt die Datei).",
                        pfad.display()
                    ));
                }
                _ => {
                    diag = diag.hilfe(format!(
                        "Die Datei ist aus der Kapitelvorlage {name}.hbs erzeugt; ändern Sie die Vorlage unter report/kapitel/."
                    ));
                }
            }
        }
    }
    if diag.hilfe.is_none()
        && let Some(h) = d.hints.first()
    {
        diag = diag.hilfe(h.v.to_string());
    }
    diag
}
