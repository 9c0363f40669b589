//! The one way the tool reads the project's files: every path is relative to
//! the project root, has no `..`, and resolves (also through symbolic links)
//! to a regular file inside the root, no larger than its limit. Nothing
//! outside the project is read, and an outside file's content is never shown.
//! Writing goes through [`schreiben::Zielordner`]: never into the project's
//! inputs (`data/`, `report/`, `fonts/`), never through a symbolic link.

pub mod pfade;
pub mod schreiben;

pub use pfade::Projektpfade;

pub use schreiben::{
    Ersetzen, Geschrieben, Neufassung, Schreibfehler, Zielordner, im_projekt_schreiben,
};

use crate::diagnostics::Meldung;
use std::fmt;
use std::io::Read;
use std::path::{Component, Path, PathBuf};

/// Largest data file (YAML) accepted; the largest 2025 file is about 60 KB.
pub const MAX_DATEN: u64 = 2 * 1024 * 1024;
/// Largest chapter template or layout file; the longest 2025 chapter is 40 KB.
pub const MAX_TEXT: u64 = 1024 * 1024;
/// Largest font, image or geodata file.
pub const MAX_BINAER: u64 = 32 * 1024 * 1024;

/// Why a project file cannot be read.
#[derive(Debug)]
pub enum Zugriffsfehler {
    /// Absolute, with `..`, or otherwise not a plain project path.
    UngueltigerPfad(PathBuf),
    /// Resolves outside the project root (a symbolic link, usually).
    Ausserhalb(PathBuf),
    /// Not a regular file (a folder, a FIFO, a device).
    KeineDatei(PathBuf),
    /// Larger than the limit for its kind.
    ZuGross {
        pfad: PathBuf,
        groesse: u64,
        max: u64,
    },
    /// Not UTF-8: the first bad byte's line.
    KeinUtf8 { pfad: PathBuf, zeile: usize },
    /// An operating-system error, with its kind kept.
    Io {
        pfad: PathBuf,
        art: std::io::ErrorKind,
    },
}

impl Zugriffsfehler {
    pub fn pfad(&self) -> &Path {
        match self {
            Zugriffsfehler::UngueltigerPfad(p)
            | Zugriffsfehler::Ausserhalb(p)
            | Zugriffsfehler::KeineDatei(p)
            | Zugriffsfehler::ZuGross { pfad: p, .. }
            | Zugriffsfehler::KeinUtf8 { pfad: p, .. }
            | Zugriffsfehler::Io { pfad: p, .. } => p,
        }
    }

    /// What the editor can do about it.
    pub fn hilfe(&self) -> &'static str {
        match self {
            Zugriffsfehler::UngueltigerPfad(_) => {
                "Pfade sind relativ zum Projektordner und ohne „..“."
            }
            Zugriffsfehler::Ausserhalb(_) => {
                "Legen Sie die Datei selbst in den Projektordner statt eines symbolischen Links \
                 nach außen."
            }
            Zugriffsfehler::KeineDatei(_) => "Hier wird eine gewöhnliche Datei erwartet.",
            Zugriffsfehler::ZuGross { .. } => {
                "Teilen Sie den Inhalt auf mehrere Dateien auf (Grenzen: siehe README)."
            }
            Zugriffsfehler::KeinUtf8 { .. } => {
                "Speichern Sie die Datei im Editor mit der Kodierung UTF-8."
            }
            Zugriffsfehler::Io { .. } => "Prüfen Sie, ob die Datei existiert und lesbar ist.",
        }
    }

    /// As a diagnostic for the editor (with the line for bad UTF-8).
    pub fn diagnose(&self) -> crate::diagnostics::Diagnose {
        let d =
            crate::diagnostics::Diagnose::neu(self.pfad(), self.to_string()).hilfe(self.hilfe());
        match self {
            Zugriffsfehler::KeinUtf8 { zeile, .. } => d.an(*zeile, 1, 0..0),
            _ => d,
        }
    }
}

impl fmt::Display for Zugriffsfehler {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Zugriffsfehler::UngueltigerPfad(p) => write!(
                f,
                "„{}“ ist kein Pfad im Projektordner (absolut oder mit „..“)",
                p.display()
            ),
            Zugriffsfehler::Ausserhalb(p) => write!(
                f,
                "{} führt aus dem Projektordner hinaus und wird nicht gelesen",
                p.display()
            ),
            Zugriffsfehler::KeineDatei(p) => {
                write!(f, "{} ist keine gewöhnliche Datei", p.display())
            }
            Zugriffsfehler::ZuGross { pfad, groesse, max } => write!(
                f,
                "{} ist mit {} KB zu groß (höchstens {} KB)",
                pfad.display(),
                groesse / 1024,
                max / 1024
            ),
            Zugriffsfehler::KeinUtf8 { pfad, zeile } => write!(
                f,
                "{} ist nicht UTF-8-kodiert (ungültiges Zeichen in Zeile {zeile})",
                pfad.display()
            ),
            Zugriffsfehler::Io { pfad, art } => {
                write!(f, "{}: {}", pfad.display(), io_fehler_deutsch(*art))
            }
        }
    }
}

impl std::error::Error for Zugriffsfehler {}

/// An operating-system error in German, without the OS's code.
pub fn io_fehler_deutsch(art: std::io::ErrorKind) -> String {
    use std::io::ErrorKind as K;
    match art {
        K::NotFound => "nicht gefunden".into(),
        K::PermissionDenied => "keine Berechtigung".into(),
        K::AlreadyExists => "existiert bereits".into(),
        K::IsADirectory => "ist ein Ordner, keine Datei".into(),
        K::NotADirectory => "ist kein Ordner".into(),
        K::DirectoryNotEmpty => "Ordner ist nicht leer".into(),
        K::ReadOnlyFilesystem => "Dateisystem ist schreibgeschützt".into(),
        K::StorageFull => "kein Speicherplatz mehr".into(),
        K::InvalidData => "ungültige Daten".into(),
        K::UnexpectedEof => "Datei endet unerwartet".into(),
        K::Interrupted => "unterbrochen".into(),
        K::CrossesDevices => "liegt auf einem anderen Laufwerk".into(),
        andere => format!("Ein-/Ausgabefehler ({andere:?})"),
    }
}

/// An I/O error's text in German: our own message, or the OS error's kind.
pub fn io_text(e: &std::io::Error) -> String {
    match e.get_ref() {
        Some(innen) => innen.to_string(),
        None => io_fehler_deutsch(e.kind()),
    }
}

/// An I/O error as a located error of `pfad`.
pub fn io(pfad: &Path, e: &std::io::Error) -> Zugriffsfehler {
    Zugriffsfehler::Io {
        pfad: pfad.to_path_buf(),
        art: e.kind(),
    }
}

/// Whether `relativ` is a plain path inside the project: relative, no `..`.
fn ist_projektpfad(relativ: &Path) -> bool {
    !relativ.as_os_str().is_empty()
        && relativ
            .components()
            .all(|c| matches!(c, Component::Normal(_) | Component::CurDir))
}

/// The canonical project root.
pub fn wurzel_kanonisch(wurzel: &Path) -> Result<PathBuf, Zugriffsfehler> {
    wurzel.canonicalize().map_err(|e| io(wurzel, &e))
}

/// The real path of a project path, which must stay inside the root.
pub fn aufloesen(wurzel: &Path, relativ: &Path) -> Result<PathBuf, Zugriffsfehler> {
    if !ist_projektpfad(relativ) {
        return Err(Zugriffsfehler::UngueltigerPfad(relativ.to_path_buf()));
    }
    let basis = wurzel_kanonisch(wurzel)?;
    let echt = basis
        .join(relativ)
        .canonicalize()
        .map_err(|e| io(relativ, &e))?;
    if echt.starts_with(&basis) {
        Ok(echt)
    } else {
        Err(Zugriffsfehler::Ausserhalb(relativ.to_path_buf()))
    }
}

/// A file the user named on the command line, as a project path: a
/// relative path counts from the project folder, an absolute one must lie
/// inside it (reading then checks it like every project path).
pub fn im_projekt_relativ(wurzel: &Path, p: &Path) -> Result<PathBuf, Meldung> {
    if p.is_relative() {
        return Ok(p.to_path_buf());
    }
    let basis = wurzel_kanonisch(wurzel).map_err(|e| Meldung::neu(e.to_string()))?;
    let echt = p
        .canonicalize()
        .map_err(|e| format!("{} ist nicht lesbar: {}", p.display(), io_text(&e)))?;
    echt.strip_prefix(&basis)
        .map(Path::to_path_buf)
        .map_err(|_| {
            Meldung::neu(format!(
                "{} liegt außerhalb des Projektordners; das Werkzeug liest nur Dateien im \
                 Projekt.",
                p.display()
            ))
            .hilfe("Legen Sie die Datei in den Projektordner, z. B. nach umfrage/.")
        })
}

/// Whether the project path exists as a regular file inside the project.
pub fn ist_datei(wurzel: &Path, relativ: &Path) -> bool {
    aufloesen(wurzel, relativ).is_ok_and(|p| p.is_file())
}

/// Reads a regular file of the project, at most `max` bytes.
pub fn lesen(wurzel: &Path, relativ: &Path, max: u64) -> Result<Vec<u8>, Zugriffsfehler> {
    let echt = aufloesen(wurzel, relativ)?;
    let meta = std::fs::metadata(&echt).map_err(|e| io(relativ, &e))?;
    if !meta.is_file() {
        return Err(Zugriffsfehler::KeineDatei(relativ.to_path_buf()));
    }
    let zu_gross = |groesse| Zugriffsfehler::ZuGross {
        pfad: relativ.to_path_buf(),
        groesse,
        max,
    };
    if meta.len() > max {
        return Err(zu_gross(meta.len()));
    }
    let datei = std::fs::File::open(&echt).map_err(|e| io(relativ, &e))?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // The file may grow after the size check: read one byte past the limit.
    datei
        .take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io(relativ, &e))?;
    if bytes.len() as u64 > max {
        return Err(zu_gross(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Reads a text file of the project (UTF-8, a leading BOM dropped).
pub fn lese_text(wurzel: &Path, relativ: &Path, max: u64) -> Result<String, Zugriffsfehler> {
    let bytes = lesen(wurzel, relativ, max)?;
    match String::from_utf8(bytes) {
        Ok(t) => Ok(match t.strip_prefix('\u{feff}') {
            Some(ohne) => ohne.to_owned(),
            None => t,
        }),
        Err(e) => {
            let gut = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let zeile = gut.iter().filter(|b| **b == b'\n').count() + 1;
            Err(Zugriffsfehler::KeinUtf8 {
                pfad: relativ.to_path_buf(),
                zeile,
            })
        }
    }
}

/// The names of the entries of a project folder, sorted; entries whose name
/// is not UTF-8 are left out. The folder itself must lie inside the project.
pub fn ordner(wurzel: &Path, relativ: &Path) -> Result<Vec<String>, Zugriffsfehler> {
    let echt = aufloesen(wurzel, relativ)?;
    if !echt.is_dir() {
        return Err(Zugriffsfehler::Io {
            pfad: relativ.to_path_buf(),
            art: std::io::ErrorKind::NotADirectory,
        });
    }
    let mut namen: Vec<String> = std::fs::read_dir(&echt)
        .map_err(|e| io(relativ, &e))?
        .flatten()
        .filter_map(|e| e.file_name().into_string().ok())
        .collect();
    namen.sort();
    Ok(namen)
}

/// An edition id is a plain name: letters, digits, `-` and `_`, at most 64.
pub fn pruefe_edition_id(id: &str) -> Result<(), Meldung> {
    let gueltig = !id.is_empty()
        && id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if gueltig {
        Ok(())
    } else {
        Err(Meldung::from(format!(
            "„{id}“ ist kein Name einer Ausgabe: erlaubt sind Buchstaben, Ziffern, „-“ und „_“ \
             (z. B. 2025), keine Pfade"
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nur_einfache_pfade_im_projekt() {
        assert!(ist_projektpfad(Path::new("data/2025/edition.yaml")));
        assert!(!ist_projektpfad(Path::new("/etc/passwd")));
        assert!(!ist_projektpfad(Path::new("data/../../x")));
        assert!(!ist_projektpfad(Path::new("")));
    }

    #[test]
    fn edition_ist_ein_name() {
        assert!(pruefe_edition_id("2025").is_ok());
        assert!(pruefe_edition_id("2026-entwurf_2").is_ok());
        for falsch in ["", "../x", "/abs/pfad", "a/b", "a b", ".."] {
            assert!(pruefe_edition_id(falsch).is_err(), "{falsch}");
        }
    }

    #[test]
    fn zu_grosse_datei_und_fifo_werden_nicht_gelesen() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "x".repeat(100)).unwrap();
        let e = lesen(dir.path(), Path::new("a.txt"), 10).unwrap_err();
        assert!(e.to_string().contains("zu groß"), "{e}");
        assert_eq!(
            lesen(dir.path(), Path::new("a.txt"), 100).unwrap().len(),
            100
        );
        let e = lesen(dir.path(), Path::new("."), 10).unwrap_err();
        assert!(matches!(e, Zugriffsfehler::KeineDatei(_)), "{e}");
    }

    #[test]
    fn ungueltiges_utf8_nennt_die_zeile() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), b"eins\nzwei\ndr\xffei\n").unwrap();
        let e = lese_text(dir.path(), Path::new("a.txt"), 100).unwrap_err();
        assert!(e.to_string().contains("Zeile 3"), "{e}");
    }
}
