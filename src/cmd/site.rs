//! `site`: the catalogue website with open data.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use kataster_report::projekt::Projektpfade;
use kataster_report::website;

use super::Abbruch;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Nur diese Ausgabe, z. B. 2025 (Vorgabe: alle Ausgaben in data/, die
    /// neueste als Startseite, jede frühere unter ihrem Namen).
    #[arg(long, value_name = "AUSGABE")]
    pub edition: Option<String>,
    /// Zielordner der Website (Vorgabe: dist/website/ im Projektordner; ein
    /// relativer Pfad gilt im Projektordner).
    #[arg(long, value_name = "ORDNER")]
    pub out: Option<PathBuf>,
    /// Einen Zielordner ersetzen, der Dateien enthält, die nicht von `site`
    /// stammen.
    #[arg(long)]
    pub force: bool,
}

/// Writes the website of every edition, or of the one named (pages, open
/// data, the PDF).
pub fn ausfuehren(projekt: &Path, args: Args) -> Result<ExitCode, Abbruch> {
    const NICHTS: &str = "Es wurde keine Website geschrieben.";
    let out = args.out.unwrap_or_else(Projektpfade::website_ziel);
    let ordner = super::zielordner(projekt, &out, NICHTS)?;
    let (w, wer) = match args.edition.as_deref() {
        Some(id) => {
            let mut s = super::sitzung(projekt, Some(id))?;
            let w = s
                .website(&ordner, args.force)
                .map_err(|e| Abbruch::bau(&s, &e).schluss(NICHTS))?;
            (w, format!("Ausgabe {}", s.id()))
        }
        None => {
            let w = website::alle_ausgaben(projekt, &ordner, args.force).map_err(|f| {
                let (s, e) = *f;
                match s {
                    Some(s) => Abbruch::bau(&s, &e).schluss(format!(
                        "Ausgabe {} besteht die Prüfung nicht. {NICHTS}",
                        s.id()
                    )),
                    None => Abbruch::from(e.meldung()).schluss(NICHTS),
                }
            })?;
            let ids = kataster_report::load::editionen(projekt);
            let wer = match ids.as_slice() {
                [eine] => format!("Ausgabe {eine}"),
                alle => format!("Ausgaben {}", alle.join(", ")),
            };
            (w, wer)
        }
    };
    super::melden(&format!(
        "{wer}: Website mit {} Dateien geschrieben (Seiten und offene Daten in {} ms, dazu das \
         PDF).\n",
        w.dateien,
        w.dauer.as_millis()
    ));
    for h in &w.hinweise {
        super::melden(&format!("Hinweis: {h}.\n"));
    }
    super::drucken(&format!("{}\n", w.ordner.join("index.html").display()));
    Ok(ExitCode::SUCCESS)
}
