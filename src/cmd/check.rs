use std::path::Path;
use std::process::ExitCode;

use kataster_report::diagnostics::alle_darstellen;
use kataster_report::load;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Ausgabe, z. B. 2025 (Vorgabe: die neueste in data/).
    #[arg(long)]
    pub edition: Option<String>,
}

pub fn ausfuehren(projekt: &Path, args: Args) -> ExitCode {
    let Some(id) = super::edition_waehlen(projekt, args.edition) else {
        eprintln!(
            "Fehler: In {}/data gibt es keine Ausgabe (Ordner mit edition.yaml).",
            projekt.display()
        );
        return ExitCode::FAILURE;
    };
    match load::lade_edition(projekt, &id) {
        Ok(g) => {
            let e = &g.edition;
            println!(
                "Ausgabe {id}: Daten in Ordnung ({} Landkreise, {} Steckbriefe).",
                e.landkreise.len(),
                e.alle_steckbriefe().count()
            );
            ExitCode::SUCCESS
        }
        Err((fehler, quellen)) => {
            eprint!(
                "{}",
                alle_darstellen(&fehler, |p| quellen.text(p), super::farbe())
            );
            ExitCode::FAILURE
        }
    }
}
