//! What `watch` watches: the folders an edition's build reads, which
//! changed paths are inputs (an editor's temporary files are not, nor are
//! the build's own reads), and the waiting until a burst of saves is over.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::Duration;

use notify::{Event, EventKind, event::ModifyKind};

use crate::projekt::Projektpfade;

/// The project folders a build of edition `id` reads: its data, the
/// geodata, the layout with every edition's chapters, and the fonts.
pub fn ordner(id: &str) -> Vec<PathBuf> {
    let geodaten = Path::new(Projektpfade::GEODATEN)
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from(Projektpfade::DATEN));
    vec![
        Projektpfade::ausgabe(id),
        geodaten,
        PathBuf::from(Projektpfade::BERICHT),
        PathBuf::from(Projektpfade::SCHRIFTEN),
    ]
}

/// The project path of a changed file if it is an input of the build:
/// inside one of the watched folders, and not a hidden, backup or swap file
/// of an editor. `wurzel` is the project root as the watcher reports it.
pub fn eingabe(wurzel: &Path, id: &str, geaendert: &Path) -> Option<PathBuf> {
    let relativ = geaendert.strip_prefix(wurzel).ok()?;
    let name = relativ.file_name()?.to_string_lossy();
    let temporaer = name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || [".swp", ".swx", ".tmp", ".part"]
            .iter()
            .any(|e| name.ends_with(e));
    // Only the kinds of files a build reads: an editor's temporary file
    // without such an ending, or a folder, is not an input.
    let eingabe = [
        ".yaml", ".yml", ".hbs", ".typ", ".otf", ".ttf", ".otc", ".ttc", ".svg", ".png", ".jpg",
        ".geojson", ".json",
    ]
    .iter()
    .any(|e| name.to_lowercase().ends_with(e));
    if temporaer || !eingabe {
        return None;
    }
    ordner(id)
        .iter()
        .any(|o| relativ.starts_with(o))
        .then(|| relativ.to_path_buf())
}

/// Whether an event changes a file (reading one, which every build does,
/// does not; nor does a change of its metadata).
fn aendert(e: &Event) -> bool {
    match e.kind {
        EventKind::Create(_) | EventKind::Remove(_) => true,
        EventKind::Modify(ModifyKind::Metadata(_)) => false,
        EventKind::Modify(_) => true,
        _ => false,
    }
}

/// Waits for the next change of an input, then for `ruhe` without further
/// events (an editor's save is often several events within a few
/// milliseconds), at most [`BUENDEL`] in all (a burst that does not end is
/// built as it stands); returns the changed inputs as project paths. `None`
/// when the watcher has stopped.
pub fn naechste_aenderung(
    rx: &Receiver<notify::Result<Event>>,
    ruhe: Duration,
    wurzel: &Path,
    id: &str,
) -> Option<Result<Vec<PathBuf>, notify::Error>> {
    let mut pfade = BTreeSet::new();
    let merken = |pfade: &mut BTreeSet<PathBuf>, e: Event| {
        if aendert(&e) {
            pfade.extend(e.paths.iter().filter_map(|p| eingabe(wurzel, id, p)));
        }
    };
    while pfade.is_empty() {
        match rx.recv().ok()? {
            Ok(e) => merken(&mut pfade, e),
            Err(f) => return Some(Err(f)),
        }
    }
    let ende = std::time::Instant::now() + BUENDEL;
    loop {
        let bleibt = ende.saturating_duration_since(std::time::Instant::now());
        match rx.recv_timeout(ruhe.min(bleibt)) {
            Ok(Ok(e)) => merken(&mut pfade, e),
            Ok(Err(f)) => return Some(Err(f)),
            Err(RecvTimeoutError::Timeout) => break,
            Err(RecvTimeoutError::Disconnected) => break,
        }
        if bleibt.is_zero() {
            break;
        }
    }
    Some(Ok(pfade.into_iter().collect()))
}

/// The longest a burst of events is collected before the rebuild.
pub const BUENDEL: Duration = Duration::from_millis(250);

/// The quiet after the last event of a burst that ends it: short, so that a
/// lone save is built at once.
pub const RUHE: Duration = Duration::from_millis(25);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nur_eingaben_der_ausgabe_zaehlen() {
        let w = Path::new("/p");
        let e = |p: &str| eingabe(w, "2025", Path::new(p));
        assert_eq!(
            e("/p/report/kapitel/2025/01-x.typ.hbs"),
            Some(PathBuf::from("report/kapitel/2025/01-x.typ.hbs"))
        );
        assert!(e("/p/data/2025/steckbriefe/celle.yaml").is_some());
        assert!(e("/p/data/geo/niedersachsen-kreise.geojson").is_some());
        assert!(e("/p/fonts/Inter-Regular.otf").is_some());
        assert_eq!(e("/p/data/2026/landkreise.yaml"), None);
        assert_eq!(e("/p/dist/ki-kataster-2025-v1.0.pdf"), None);
        assert_eq!(e("/p/report/kapitel/2025/.01-x.typ.hbs.swp"), None);
        assert_eq!(e("/p/data/2025/landkreise.yaml~"), None);
        assert_eq!(e("/anders/report/lib.typ"), None);
        assert_eq!(e("/p/data/2025/steckbriefe/sediWqY7f"), None);
        assert_eq!(e("/p/data/2025/steckbriefe"), None);
    }

    #[test]
    fn lesen_loest_keinen_bau_aus_aendern_schon() {
        use notify::event::{AccessKind, CreateKind, DataChange};
        let (tx, rx) = std::sync::mpsc::channel();
        let pfad = PathBuf::from("/p/report/lib.typ");
        let ereignis = |k| Ok(Event::new(k).add_path(pfad.clone()));
        tx.send(ereignis(EventKind::Access(AccessKind::Any)))
            .unwrap();
        tx.send(ereignis(EventKind::Modify(ModifyKind::Data(
            DataChange::Any,
        ))))
        .unwrap();
        tx.send(ereignis(EventKind::Create(CreateKind::File)))
            .unwrap();
        drop(tx);
        let p = naechste_aenderung(&rx, Duration::from_millis(1), Path::new("/p"), "2025");
        assert_eq!(p.unwrap().unwrap(), vec![PathBuf::from("report/lib.typ")]);
        let (tx, rx) = std::sync::mpsc::channel();
        tx.send(ereignis(EventKind::Access(AccessKind::Any)))
            .unwrap();
        drop(tx);
        let p = naechste_aenderung(&rx, Duration::from_millis(1), Path::new("/p"), "2025");
        assert!(p.is_none(), "nur gelesen: kein neuer Bau");
    }
}
