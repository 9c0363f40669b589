//! Compiling the report with embedded Typst, and turning Typst's
//! diagnostics into ours (file, line, source line).

pub mod budget;
pub mod durchlaeufe;
pub mod layout;
pub mod world;
pub mod zeichen;

use std::path::PathBuf;

use typst::WorldExt;
use typst::diag::{Severity, SourceDiagnostic, Tracepoint};
use typst_layout::PagedDocument;

use crate::diagnostics::{Diagnose, Nebenort, offset_von, zeile_spalte};
use crate::load::Quelltexte;
use crate::projekt::Projektpfade;
use crate::sitzung::stufen::KAPITEL_KOPF_ZEILEN;
use crate::templates::Kapitel;
use budget::{Budget, Ueberschritten};
use world::BerichtsWelt;

/// Compiles the main file of `welt` within `budget`, on a thread of its
/// own. Warnings are returned too (as diagnostics), so that callers can
/// show them; the texts of the files they point into go into the registry
/// `quellen`. The world comes back unless the compilation was given up.
pub fn kompilieren(
    welt: BerichtsWelt,
    kapitel: &[Kapitel],
    quellen: &mut Quelltexte,
    budget: Budget,
) -> (
    Option<BerichtsWelt>,
    Result<PagedDocument, Vec<Diagnose>>,
    Vec<Diagnose>,
) {
    let lauf = budget::ausfuehren(budget, move || {
        let ergebnis = typst::compile::<PagedDocument>(&welt);
        (welt, ergebnis)
    });
    let (welt, ergebnis) = match lauf {
        Ok(x) => x,
        Err(u) => return (None, Err(vec![ueberschritten(&u, kapitel)]), Vec::new()),
    };
    let warnungen = ergebnis
        .warnings
        .iter()
        .map(|d| umwandeln(&welt, kapitel, d, quellen))
        .collect();
    let dokument = ergebnis.output.map_err(|fehler| {
        fehler
            .iter()
            .map(|d| umwandeln(&welt, kapitel, d, quellen))
            .collect()
    });
    (Some(welt), dokument, warnungen)
}

/// The main file of `welt` as one HTML document (Typst's HTML export; its
/// warnings about what HTML cannot show are left out: the website's
/// functions avoid them where it matters).
pub fn html(
    welt: &BerichtsWelt,
    kapitel: &[Kapitel],
    quellen: &mut Quelltexte,
) -> Result<String, Vec<Diagnose>> {
    let ergebnis = typst::compile::<typst_html::HtmlDocument>(welt);
    let mut umwandeln_alle = |f: &[typst::diag::SourceDiagnostic]| -> Vec<Diagnose> {
        f.iter()
            .map(|d| umwandeln(welt, kapitel, d, quellen))
            .collect()
    };
    let dokument = ergebnis.output.map_err(|f| umwandeln_alle(&f))?;
    typst_html::html(&dokument, &typst_html::HtmlOptions::default()).map_err(|f| umwandeln_alle(&f))
}

/// A compilation given up, as a problem: where it most likely ran away
/// (the chapters with a loop) and how to give it more.
fn ueberschritten(u: &Ueberschritten, kapitel: &[Kapitel]) -> Diagnose {
    let schleifen: Vec<&Kapitel> = kapitel
        .iter()
        .filter(|k| k.text.contains("#for") || k.text.contains("#while"))
        .collect();
    let datei = schleifen
        .first()
        .map_or_else(|| PathBuf::from(Projektpfade::BERICHT), |k| k.pfad.clone());
    let wo = if schleifen.is_empty() {
        "in den Kapiteln und im Layout".to_owned()
    } else {
        let namen: Vec<String> = schleifen
            .iter()
            .map(|k| k.pfad.display().to_string())
            .collect();
        format!("in {}", namen.join(", "))
    };
    let (meldung, mehr) = match u {
        Ueberschritten::Zeit(z) => (
            format!(
                "Satz: Typst hat länger als {} s gerechnet und wurde abgebrochen",
                z.as_secs()
            ),
            format!("{}=120 (Sekunden)", budget::ZEIT_VARIABLE),
        ),
        Ueberschritten::Speicher(mb) => (
            format!("Satz: Typst brauchte mehr als {mb} MB Arbeitsspeicher und wurde abgebrochen"),
            format!("{}=8192 (Megabyte)", budget::SPEICHER_VARIABLE),
        ),
        Ueberschritten::Abgebrochen => (
            "Satz: Typst ist abgebrochen (ein Fehler im Programm, siehe oben)".to_owned(),
            String::new(),
        ),
    };
    let d = Diagnose::neu(datei, meldung).hilfe(format!(
        "Prüfen Sie Schleifen (#for, #while) und Berechnungen {wo}: eine, die nicht endet, \
         oder eine, die immer mehr Speicher braucht."
    ));
    if mehr.is_empty() {
        d
    } else {
        d.hilfe(format!(
            "Braucht der Bericht wirklich mehr, setzen Sie die Umgebungsvariable {mehr}."
        ))
    }
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
            "would escape the project root",
            "Zugriff verweigert: der Pfad führt aus dem Projektordner hinaus; nur Dateien im \
             Projekt sind erlaubt",
        ),
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
/// (the generated file starts with the lines of `sitzung::stufen::kapitel_kopf`;
/// filling a template keeps its lines). Every hint of Typst is kept, and its
/// trace (the calls, show rules and imports the problem occurred in) becomes
/// the secondary places.
pub fn umwandeln(
    welt: &BerichtsWelt,
    kapitel: &[Kapitel],
    d: &SourceDiagnostic,
    quellen: &mut Quelltexte,
) -> Diagnose {
    let (meldung, hilfen) = crate::vertrag::fehlender_schluessel(&d.message)
        .unwrap_or_else(|| (typst_meldung_deutsch(&d.message), Vec::new()));
    let mut diag = Diagnose::neu(
        PathBuf::from(Projektpfade::BERICHT),
        format!("Satz: {meldung}"),
    );
    for h in hilfen {
        diag = diag.hilfe(h);
    }
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
            diag = in_der_vorlage(diag, &pfad, kapitel, quellen);
        }
    }
    // Hints about the typst program's options (`--root`) do not apply here.
    for h in d.hints.iter().filter(|h| !h.v.contains("--")) {
        diag = diag.hilfe(format!("Typst: {}", h.v));
    }
    for t in &d.trace {
        if let Some(ort) = stelle(welt, kapitel, t.span, tracepunkt_deutsch(&t.v)) {
            diag = diag.nebenort(ort);
        }
    }
    diag
}

/// A problem in the generated chapter `pfad`, moved to its template's line.
fn in_der_vorlage(
    mut diag: Diagnose,
    pfad: &std::path::Path,
    kapitel: &[Kapitel],
    quellen: &mut Quelltexte,
) -> Diagnose {
    let Some((vorlage, zeile)) = vorlagenzeile(pfad, diag.zeile, kapitel) else {
        let name = dateiname(pfad);
        return diag.hilfe(format!(
            "Die Datei ist aus der Kapitelvorlage {name}.hbs erzeugt; ändern Sie die Vorlage unter report/kapitel/."
        ));
    };
    let start = offset_von(&vorlage.text, zeile, 1);
    let ende = start
        + vorlage.text[start..]
            .find('\n')
            .unwrap_or(vorlage.text.len() - start);
    quellen.merken(&vorlage.pfad, &vorlage.text);
    diag.datei = vorlage.pfad.clone();
    diag.an(zeile, 1, start..ende).hilfe(format!(
        "Die Stelle steht in der Kapitelvorlage; erzeugt als {} (build --emit-typst zeigt die Datei).",
        pfad.display()
    ))
}

fn dateiname(pfad: &std::path::Path) -> String {
    pfad.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The template of a generated chapter and the line there of line `zeile`
/// of the generated file.
fn vorlagenzeile<'k>(
    pfad: &std::path::Path,
    zeile: usize,
    kapitel: &'k [Kapitel],
) -> Option<(&'k Kapitel, usize)> {
    let name = dateiname(pfad);
    let vorlage = kapitel.iter().find(|k| k.typst_name() == name)?;
    let zeile = zeile.saturating_sub(KAPITEL_KOPF_ZEILEN);
    (zeile >= 1 && zeile <= vorlage.text.lines().count()).then_some((vorlage, zeile))
}

/// A place of Typst's trace as a secondary place: file, line and column (a
/// generated chapter's at its template), with what happens there.
fn stelle(
    welt: &BerichtsWelt,
    kapitel: &[Kapitel],
    span: typst::syntax::Span,
    text: String,
) -> Option<Nebenort> {
    let id = span.id()?;
    let mut datei = PathBuf::from(id.vpath().get_without_slash());
    let (mut zeile, mut spalte) = match (welt.text_von(id), welt.range(span)) {
        (Some(q), Some(b)) => zeile_spalte(q.text(), b.start),
        _ => (0, 0),
    };
    if datei.starts_with("generiert/kapitel")
        && let Some((vorlage, z)) = vorlagenzeile(&datei, zeile, kapitel)
    {
        datei = vorlage.pfad.clone();
        (zeile, spalte) = (z, 1);
    }
    Some(Nebenort {
        datei,
        zeile,
        spalte,
        text,
    })
}

/// A trace point of Typst in German.
fn tracepunkt_deutsch(t: &Tracepoint) -> String {
    match t {
        Tracepoint::Call(Some(name)) => format!("beim Aufruf von `{name}`"),
        Tracepoint::Call(None) => "beim Aufruf einer Funktion".to_owned(),
        Tracepoint::Show(name) => format!("beim Darstellen eines Elements {name}"),
        Tracepoint::Import(name) => format!("beim Import von `{name}`"),
        Tracepoint::Include(name) => format!("beim Einbinden von `{name}`"),
    }
}
