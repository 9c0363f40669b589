use std::path::{Path, PathBuf};
use std::process::ExitCode;

use kataster_report::diagnostics::alle_darstellen;
use kataster_report::export::Geschrieben;
use kataster_report::pipeline::{self, BauFehler, Zeiten};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Ausgabe, z. B. 2025 (Vorgabe: die neueste in data/).
    #[arg(long)]
    pub edition: Option<String>,
    /// Zielordner für das PDF.
    #[arg(long, default_value = "dist")]
    pub out: PathBuf,
    /// Ein vorhandenes PDF gleicher Version mit anderem Inhalt ersetzen.
    #[arg(long)]
    pub force: bool,
    /// Zusätzlich die erzeugten Typst-Quellen, Daten und SVGs in diesen Ordner
    /// schreiben (für `typst compile`).
    #[arg(long, value_name = "ORDNER")]
    pub emit_typst: Option<PathBuf>,
    /// Die Dauer jeder Stufe ausgeben.
    #[arg(long)]
    pub timings: bool,
}

pub fn melde(fehler: BauFehler) -> ExitCode {
    match fehler {
        BauFehler::Diagnosen(d, q) => {
            eprint!("{}", alle_darstellen(&d, |p| q.text(p), super::farbe()));
        }
        BauFehler::Abbildung(e) => eprintln!("Fehler: {e}"),
        BauFehler::Export(e) => eprintln!("Fehler: {e}"),
        BauFehler::Schriften(e) => eprintln!("Fehler: {e}"),
    }
    eprintln!("Es wurde kein PDF geschrieben.");
    ExitCode::FAILURE
}

fn zeiten_ausgeben(z: &Zeiten) {
    for (name, d) in &z.stufen {
        eprintln!("  {name:<16} {:>8.1} ms", d.as_secs_f64() * 1000.0);
    }
    eprintln!(
        "  {:<16} {:>8.1} ms",
        "gesamt",
        z.gesamt().as_secs_f64() * 1000.0
    );
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
                    eprintln!(
                        "Fehler: Typst-Quellen nach {} nicht geschrieben: {e}",
                        ordner.display()
                    );
                    return ExitCode::FAILURE;
                }
                eprintln!(
                    "Typst-Quellen geschrieben nach {0}; übersetzen mit:\n  typst compile --root {0} --font-path {0}/fonts --ignore-system-fonts --pdf-standard ua-1 {0}/report/bericht.typ",
                    ordner.display()
                );
            }
            Err(e) => return melde(e),
        }
    }
    let ausgabe = if args.out.is_absolute() {
        args.out.clone()
    } else {
        projekt.join(&args.out)
    };
    match pipeline::bauen(projekt, &id, &ausgabe, args.force, &mut zeiten) {
        Ok(g) => {
            for w in &g.warnungen {
                eprintln!("{}", w.kurz());
            }
            let wie = match g.geschrieben {
                Geschrieben::Neu => "geschrieben",
                Geschrieben::Unveraendert => "unverändert (gleicher Inhalt)",
                Geschrieben::Ersetzt => "ersetzt (--force)",
            };
            eprintln!("Ausgabe {id}: {} Seiten, PDF {wie}.", g.seiten);
            if args.timings {
                zeiten_ausgeben(&zeiten);
            }
            println!("{}", g.pdf.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            if args.timings {
                zeiten_ausgeben(&zeiten);
            }
            melde(e)
        }
    }
}
