//! `watch`: rebuilds the preview after every change.

use std::path::Path;
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::Instant;

use kataster_report::diagnostics::Meldung;
use kataster_report::sitzung::beobachten;
use kataster_report::sitzung::{Sitzung, Ziel};
use notify::{RecommendedWatcher, RecursiveMode, Watcher};

use super::Abbruch;

/// The watcher's events.
type Ereignisse = mpsc::Receiver<notify::Result<notify::Event>>;

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub ziel: super::AusgabeUndZiel,
    /// Auch bei Befunden von `check` eine Vorschau schreiben, jede Seite als
    /// „Entwurf“ markiert.
    #[arg(long)]
    pub entwurf: bool,
}

/// One rebuild: the new preview, or the problems (the last good preview
/// stays).
fn runde(s: &mut Sitzung, ziel: &Ziel) {
    let start = Instant::now();
    match s.bauen(ziel) {
        Ok(g) => {
            super::warnungen(&g.warnungen);
            super::melden(&format!(
                "Vorschau aktualisiert: {} ({} Seiten, {} ms)\n",
                g.pdf.display(),
                g.seiten,
                start.elapsed().as_millis()
            ));
        }
        Err(e) => super::melden(&format!(
            "{}Die letzte fehlerfreie Vorschau bleibt stehen; nach der nächsten Änderung \
             wird neu gebaut.\n",
            super::fehler_text(s, &e)
        )),
    }
}

/// A compilation given up past its memory budget goes on holding memory on
/// its thread: then `watch` ends (past the time budget it goes on).
fn speicher_frei() -> Result<(), Abbruch> {
    if kataster_report::compile::budget::speicher_ueberschritten() {
        return Err(
            Meldung::neu("watch endet: der abgebrochene Satz hält weiter Arbeitsspeicher")
                .hilfe("Beheben Sie die Schleife und starten Sie watch neu.")
                .into(),
        );
    }
    Ok(())
}

/// Where the preview goes: `--out`, relative to the project; never into
/// the project's inputs.
fn ziel(wurzel: &Path, args: &Args) -> Result<Ziel, Abbruch> {
    let ordner = super::zielordner(wurzel, &args.ziel.out, "Es wird keine Vorschau gebaut.")?;
    Ok(Ziel {
        erzwingen: true,
        entwurf: args.entwurf,
        vorschau: true,
        ..Ziel::neu(ordner)
    })
}

/// Starts watching the folders the edition's build reads.
fn beobachten_starten(
    wurzel: &Path,
    id: &str,
) -> Result<(RecommendedWatcher, Ereignisse), Abbruch> {
    let (tx, rx) = mpsc::channel();
    let mut beobachter = notify::recommended_watcher(tx)
        .map_err(|e| Meldung::neu(format!("Dateien können nicht beobachtet werden: {e}")))?;
    for o in beobachten::ordner(id) {
        let pfad = wurzel.join(&o);
        if pfad.is_dir()
            && let Err(e) = beobachter.watch(&pfad, RecursiveMode::Recursive)
        {
            super::melden(&format!(
                "Warnung: {} wird nicht beobachtet: {e}\n",
                o.display()
            ));
        }
    }
    Ok((beobachter, rx))
}

/// Builds the preview, then again after every change of the edition's
/// data, the layout, the chapters or the fonts; runs until interrupted.
pub fn ausfuehren(projekt: &Path, args: Args) -> Result<ExitCode, Abbruch> {
    let wurzel = projekt.canonicalize().map_err(|e| {
        Meldung::neu(format!(
            "Projektordner {} nicht lesbar: {}",
            projekt.display(),
            kataster_report::projekt::io_text(&e)
        ))
    })?;
    let mut s = super::sitzung(&wurzel, args.ziel.edition.as_deref())?;
    let ziel = ziel(&wurzel, &args)?;
    let (_beobachter, rx) = beobachten_starten(&wurzel, s.id())?;
    runde(&mut s, &ziel);
    speicher_frei()?;
    super::melden("Beobachte data/, report/ und fonts/ – Strg+C beendet.\n");
    while let Some(ergebnis) =
        beobachten::naechste_aenderung(&rx, beobachten::RUHE, &wurzel, s.id())
    {
        match ergebnis {
            Ok(pfade) => {
                let namen: Vec<String> = pfade.iter().map(|p| p.display().to_string()).collect();
                super::melden(&format!("Geändert: {}\n", namen.join(", ")));
                s.geaendert(&pfade);
                runde(&mut s, &ziel);
                speicher_frei()?;
            }
            Err(e) => super::melden(&format!("Warnung: Beobachten gestört: {e}\n")),
        }
    }
    Ok(ExitCode::SUCCESS)
}
