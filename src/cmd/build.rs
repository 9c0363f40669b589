//! `build`: the PDF of an edition (or a draft), optionally the Typst
//! sources for `typst compile`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use kataster_report::projekt::{Geschrieben, Zielordner};
use kataster_report::sitzung::stufen::{self, Vorbereitet, Zeiten};
use kataster_report::sitzung::{Gebaut, Sitzung, Ziel};

use super::Abbruch;

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub ziel: super::AusgabeUndZiel,
    /// Ein vorhandenes PDF gleicher Version mit anderem Inhalt ersetzen.
    #[arg(long)]
    pub force: bool,
    /// Ein PDF auch dann bauen, wenn `check` Befunde hat: jede Seite ist als
    /// „Entwurf“ markiert, die erste Seite listet die Befunde, der Dateiname
    /// endet auf -entwurf.pdf.
    #[arg(long)]
    pub entwurf: bool,
    /// Zusätzlich die erzeugten Typst-Quellen, Daten und SVGs in diesen Ordner
    /// schreiben (für `typst compile`).
    #[arg(long, value_name = "ORDNER")]
    pub emit_typst: Option<PathBuf>,
    /// Die Dauer jeder Stufe ausgeben.
    #[arg(long)]
    pub timings: bool,
}

fn zeiten_ausgeben(z: &Zeiten) {
    let mut s = String::new();
    for (name, d) in &z.stufen {
        s.push_str(&format!(
            "  {name:<16} {:>8.1} ms\n",
            d.as_secs_f64() * 1000.0
        ));
    }
    s.push_str(&format!(
        "  {:<16} {:>8.1} ms\n",
        "gesamt",
        z.gesamt().as_secs_f64() * 1000.0
    ));
    if !z.durchlaeufe.is_empty() {
        let je: Vec<String> = z
            .durchlaeufe
            .iter()
            .map(|d| format!("{:.1} ms", d.as_secs_f64() * 1000.0))
            .collect();
        s.push_str(&format!(
            "  Typst setzte den Bericht in {} Durchläufen, bis die Verweise und Seitenzahlen \
             feststanden: {} (gemessen mit Typsts Zeitmessung, die selbst Zeit kostet)\n",
            z.durchlaeufe.len(),
            je.join(", ")
        ));
    }
    super::melden(&s);
}

/// Writes the generated Typst sources for `typst compile`.
fn quellen_schreiben(s: &Sitzung, v: &Vorbereitet, ordner: &Zielordner) -> Result<(), Abbruch> {
    stufen::typst_quellen_schreiben(s.wurzel(), v, ordner)
        .map_err(|e| Abbruch::from(e).schluss("Es wurden keine Typst-Quellen geschrieben."))?;
    super::melden(&format!(
        "Typst-Quellen geschrieben nach {0}; übersetzen mit:\n  typst compile --root {0} --font-path {0}/fonts --ignore-system-fonts --pdf-standard ua-1 {0}{1}\n",
        ordner.anzeige().display(),
        stufen::hauptdatei(&v.geladen.edition.meta.layout)
    ));
    Ok(())
}

/// What a finished build reports.
fn gebaut_melden(s: &Sitzung, g: &Gebaut, args: &Args) {
    super::warnungen(&g.warnungen);
    if args.entwurf {
        super::melden(&format!(
            "Entwurf: jede Seite ist markiert; {} Befunde auf der ersten Seite.\n",
            g.pruefung.befunde().len()
        ));
    }
    let wie = match g.geschrieben {
        Geschrieben::Neu => "geschrieben",
        Geschrieben::Unveraendert => "unverändert (gleicher Inhalt)",
        Geschrieben::Ersetzt => "ersetzt (--force)",
    };
    super::melden(&format!(
        "Ausgabe {}: {} Seiten, PDF {wie}.\n",
        s.id(),
        g.seiten
    ));
}

pub fn ausfuehren(projekt: &Path, args: Args) -> Result<ExitCode, Abbruch> {
    const NICHTS: &str = "Es wurde kein PDF geschrieben.";
    let mut s = super::sitzung(projekt, args.ziel.edition.as_deref())?;
    s.durchlaeufe_messen = args.timings;
    let ordner = super::zielordner(projekt, &args.ziel.out, NICHTS)?;
    let quellen = match &args.emit_typst {
        Some(q) => Some(super::zielordner(
            projekt,
            q,
            "Es wurden keine Typst-Quellen geschrieben.",
        )?),
        None => None,
    };
    let ziel = Ziel {
        erzwingen: args.force,
        entwurf: args.entwurf,
        ..Ziel::neu(ordner)
    };
    let ergebnis = s
        .vorbereiten()
        .map_err(|e| Abbruch::bau(&s, &e).schluss(NICHTS));
    let ergebnis = ergebnis.and_then(|v| {
        if let Some(ordner) = &quellen {
            quellen_schreiben(&s, &v, ordner)?;
        }
        s.fertigstellen(v, &ziel)
            .map_err(|e| Abbruch::bau(&s, &e).schluss(NICHTS))
    });
    if args.timings {
        zeiten_ausgeben(&s.zeiten);
    }
    let g = ergebnis?;
    gebaut_melden(&s, &g, &args);
    super::drucken(&format!("{}\n", g.pdf.display()));
    Ok(ExitCode::SUCCESS)
}
