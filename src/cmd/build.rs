use std::path::{Path, PathBuf};
use std::process::ExitCode;

use kataster_report::diagnostics::alle_darstellen;
use kataster_report::export::Geschrieben;
use kataster_report::pipeline::{self, BauFehler, Zeiten};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Ausgabe, z. B. 2025 (Vorgabe: die neueste in data/).
    #[arg(long, value_name = "AUSGABE")]
    pub edition: Option<String>,
    /// Zielordner für das PDF (Vorgabe: dist/ im Projektordner).
    #[arg(
        long,
        default_value = "dist",
        hide_default_value = true,
        value_name = "ORDNER"
    )]
    pub out: PathBuf,
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

/// Prints why a run stopped, and what that means (`schluss`).
pub fn melde(fehler: BauFehler, schluss: &str) -> ExitCode {
    let text = match fehler {
        BauFehler::Diagnosen(d, q) => alle_darstellen(&d, |p| q.text(p), super::farbe()),
        BauFehler::Abbildung(e) => format!("Fehler: {e}\n"),
        BauFehler::Export(e) => format!("Fehler: {e}\n"),
        BauFehler::Schriften(e) => format!("Fehler: {e}\n"),
        BauFehler::Befunde(b) => format!(
            "Fehler: check hat Befunde; der Bericht würde ungeprüfte oder falsche Aussagen \
             drucken.\n{}\nHilfe: Beheben Sie die Befunde, oder bauen Sie mit --entwurf ein als \
             Entwurf markiertes PDF.\n",
            b.befunde_text()
        ),
    };
    super::melden(&format!("{text}{schluss}\n"));
    ExitCode::FAILURE
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
    super::melden(&s);
}

pub fn ausfuehren(projekt: &Path, args: Args) -> ExitCode {
    let Some(id) = super::edition_waehlen(projekt, args.edition) else {
        return ExitCode::FAILURE;
    };
    let mut zeiten = Zeiten::default();
    // Relative paths are relative to the project, like --out.
    let im_projekt = |p: &Path| {
        if p.is_absolute() {
            p.to_path_buf()
        } else {
            projekt.join(p)
        }
    };
    if let Some(ordner) = args.emit_typst.as_deref().map(im_projekt) {
        let ordner = &ordner;
        match pipeline::vorbereiten(projekt, &id, &mut Zeiten::default()) {
            Ok(v) => {
                if let Err(e) = pipeline::typst_quellen_schreiben(projekt, &v, ordner) {
                    super::melden(&format!(
                        "Fehler: {e}\nEs wurden keine Typst-Quellen geschrieben.\n"
                    ));
                    return ExitCode::FAILURE;
                }
                super::melden(&format!(
                    "Typst-Quellen geschrieben nach {0}; übersetzen mit:\n  typst compile --root {0} --font-path {0}/fonts --ignore-system-fonts --pdf-standard ua-1 {0}/report/bericht.typ\n",
                    ordner.display()
                ));
            }
            Err(e) => return melde(e, "Es wurden keine Typst-Quellen geschrieben."),
        }
    }
    let ausgabe = im_projekt(&args.out);
    if let Err(e) = kataster_report::projekt::pruefe_ziel(projekt, &ausgabe) {
        super::melden(&format!("Fehler: {e}\nEs wurde kein PDF geschrieben.\n"));
        return ExitCode::FAILURE;
    }
    match pipeline::bauen(
        projekt,
        &id,
        &ausgabe,
        args.force,
        args.entwurf,
        &mut zeiten,
    ) {
        Ok(g) => {
            for w in &g.warnungen {
                super::melden(&format!("{}\n", w.kurz()));
            }
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
            super::melden(&format!("Ausgabe {id}: {} Seiten, PDF {wie}.\n", g.seiten));
            if args.timings {
                zeiten_ausgeben(&zeiten);
            }
            super::drucken(&format!("{}\n", g.pdf.display()));
            ExitCode::SUCCESS
        }
        Err(e) => {
            if args.timings {
                zeiten_ausgeben(&zeiten);
            }
            melde(e, "Es wurde kein PDF geschrieben.")
        }
    }
}
