//! The one way the tool writes: into a [`Zielordner`], checked once when it
//! is made, through one write function (a temporary file beside the target,
//! fsync, then a rename), never through a symbolic link and never into the
//! project's inputs. A writer never reads what it does not own: an existing
//! target is compared only when it is a regular file of the same size.
//!
//! Writers of several files at once (`survey import`, `site`) prepare a
//! [`Neufassung`] of the whole folder beside it and switch it into place in
//! one step (an atomic exchange of the two folders), so that a kill at any
//! moment leaves the old folder or the new one, never a mixture. What a
//! killed run left behind (temporary files and folders) is removed by the
//! next run that writes there.

use std::fs;
use std::io::Write;
use std::path::{Component, Path, PathBuf};

use super::{Projektpfade, io_fehler_deutsch};

/// Why the tool does not or cannot write.
#[derive(Debug, thiserror::Error)]
pub enum Schreibfehler {
    /// The target is, contains or lies inside one of the project's inputs.
    #[error(
        "In den Zielordner {ordner} wird nicht geschrieben: er ist oder enthält den Projektordner \
         {eingabe}/, dessen Dateien Eingaben des Berichts sind"
    )]
    Eingabe {
        ordner: PathBuf,
        eingabe: &'static str,
    },
    /// A path of the project that is absolute or has `..`.
    #[error("„{0}“ ist kein Pfad im Projektordner (absolut oder mit „..“)")]
    KeinProjektpfad(PathBuf),
    /// A symbolic link on the way to the target, or the target itself.
    #[error("{0} ist ein symbolischer Link; durch ihn wird nicht geschrieben")]
    Link(PathBuf),
    /// The target exists and is not a regular file (a folder, a FIFO, …).
    #[error("{0} ist keine gewöhnliche Datei und wird nicht ersetzt")]
    KeineDatei(PathBuf),
    /// The target exists with other content and may not be replaced.
    #[error("{0} gibt es schon mit anderem Inhalt")]
    Vorhanden(PathBuf),
    /// A folder to be replaced as a whole holds files the tool did not write.
    #[error("{0} ist nicht leer und wurde nicht von kataster-report angelegt")]
    Fremd(PathBuf),
    /// An operating-system error.
    #[error("{pfad}: {}", io_fehler_deutsch(*.art))]
    Io {
        pfad: PathBuf,
        art: std::io::ErrorKind,
    },
}

impl From<Schreibfehler> for crate::diagnostics::Meldung {
    fn from(e: Schreibfehler) -> Self {
        e.meldung()
    }
}

impl Schreibfehler {
    /// The failure with what to do about it.
    pub fn meldung(&self) -> crate::diagnostics::Meldung {
        crate::diagnostics::Meldung::neu(format!("{self}.")).hilfe(self.hilfe())
    }

    /// What the user can do about it.
    pub fn hilfe(&self) -> &'static str {
        match self {
            Schreibfehler::Eingabe { .. } => {
                "Wählen Sie einen eigenen Ordner, z. B. dist/ oder /tmp/quellen."
            }
            Schreibfehler::KeinProjektpfad(_) => {
                "Pfade sind relativ zum Projektordner und ohne „..“."
            }
            Schreibfehler::Link(_) => {
                "Ersetzen Sie den symbolischen Link durch einen Ordner oder eine Datei im \
                 Projektordner."
            }
            Schreibfehler::KeineDatei(_) => {
                "Entfernen Sie, was dort liegt, oder wählen Sie einen anderen Ordner."
            }
            Schreibfehler::Vorhanden(_) => {
                "Eine vorhandene Datei wird nur mit --force ersetzt (eine freigegebene Version nie)."
            }
            Schreibfehler::Fremd(_) => {
                "Wählen Sie einen leeren Ordner oder ersetzen Sie ihn ausdrücklich mit --force."
            }
            Schreibfehler::Io { .. } => {
                "Prüfen Sie, ob der Ordner beschreibbar ist und genug Speicherplatz hat."
            }
        }
    }

    fn io(pfad: &Path, e: &std::io::Error) -> Schreibfehler {
        Schreibfehler::Io {
            pfad: pfad.to_path_buf(),
            art: e.kind(),
        }
    }
}

/// What a write did to its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Geschrieben {
    Neu,
    Unveraendert,
    Ersetzt,
}

/// Whether a write may replace an existing file with other content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ersetzen {
    /// Never: an existing file must already have these bytes.
    Nie,
    /// Yes: generated files (schemas, records, a forced build).
    Ja,
}

/// A folder the tool may write into, checked once when made: never one of
/// the project's inputs, never through a symbolic link.
#[derive(Debug, Clone)]
pub struct Zielordner {
    /// As the user named it, for messages.
    anzeige: PathBuf,
    /// Where it is.
    pfad: PathBuf,
    /// Force each file to disk before its rename (not for previews).
    dauerhaft: bool,
    /// How the folder is created on the first write (a failed run leaves
    /// no empty folder behind).
    anlegen: Anlegen,
}

/// How a [`Zielordner`] comes into being when first written to.
#[derive(Debug, Clone)]
enum Anlegen {
    /// With its parents, as a folder outside the inputs.
    MitEltern,
    /// Folder by folder from the project root, refusing a link on the way.
    ImProjekt { wurzel: PathBuf, relativ: PathBuf },
}

impl Zielordner {
    /// A folder for what a command produces (`--out`, `--emit-typst`): it is
    /// not `data/`, `report/` or `fonts/` of the project at `wurzel`, does
    /// not contain them and does not lie inside them, and it is not a
    /// symbolic link. Created when missing.
    pub fn fuer_ausgabe(wurzel: &Path, ordner: &Path) -> Result<Zielordner, Schreibfehler> {
        let echt = ziel_kanonisch(ordner).map_err(|e| Schreibfehler::io(ordner, &e))?;
        let basis = wurzel
            .canonicalize()
            .map_err(|e| Schreibfehler::io(wurzel, &e))?;
        for eingabe in Projektpfade::EINGABEN {
            let e = basis.join(eingabe);
            let e = e.canonicalize().unwrap_or(e);
            if echt.starts_with(&e) || e.starts_with(&echt) {
                return Err(Schreibfehler::Eingabe {
                    ordner: ordner.to_path_buf(),
                    eingabe,
                });
            }
        }
        kein_link(ordner)?;
        Ok(Zielordner {
            anzeige: ordner.to_path_buf(),
            pfad: ordner.to_path_buf(),
            dauerhaft: true,
            anlegen: Anlegen::MitEltern,
        })
    }

    /// A folder of the project for files the tool generates there (a
    /// schema, the release records, an imported edition): `relativ` is a
    /// plain project path, and no part of it below the root is a symbolic
    /// link. Created when missing.
    pub fn im_projekt(wurzel: &Path, relativ: &Path) -> Result<Zielordner, Schreibfehler> {
        if !ist_einfach(relativ) {
            return Err(Schreibfehler::KeinProjektpfad(relativ.to_path_buf()));
        }
        let mut p = wurzel.to_path_buf();
        let mut gezeigt = PathBuf::new();
        for teil in relativ.components() {
            p.push(teil);
            gezeigt.push(teil);
            match fs::symlink_metadata(&p) {
                Ok(m) if m.file_type().is_symlink() => return Err(Schreibfehler::Link(gezeigt)),
                Ok(m) if !m.is_dir() => return Err(Schreibfehler::KeineDatei(gezeigt)),
                Ok(_) => {}
                Err(_) => break,
            }
        }
        Ok(Zielordner {
            anzeige: relativ.to_path_buf(),
            pfad: wurzel.join(relativ),
            dauerhaft: true,
            anlegen: Anlegen::ImProjekt {
                wurzel: wurzel.to_path_buf(),
                relativ: relativ.to_path_buf(),
            },
        })
    }

    /// The same folder, with files not forced to disk (the preview of
    /// `watch`: a crash loses only what the next run writes again).
    pub fn fluechtig(mut self) -> Zielordner {
        self.dauerhaft = false;
        self
    }

    /// The folder as the user named it.
    pub fn anzeige(&self) -> &Path {
        &self.anzeige
    }

    /// Where the file `name` of this folder is.
    pub fn pfad(&self, name: impl AsRef<Path>) -> PathBuf {
        self.pfad.join(name)
    }

    /// A file's name as messages show it.
    pub fn zeigen(&self, name: impl AsRef<Path>) -> PathBuf {
        self.anzeige.join(name)
    }

    /// A folder below this one (created with the first write into it).
    pub fn unterordner(&self, name: &Path) -> Result<Zielordner, Schreibfehler> {
        if !ist_einfach(name) {
            return Err(Schreibfehler::KeinProjektpfad(name.to_path_buf()));
        }
        self.bereit()?;
        self.ordner_anlegen(name)?;
        Ok(Zielordner {
            anzeige: self.anzeige.join(name),
            pfad: self.pfad.join(name),
            dauerhaft: self.dauerhaft,
            anlegen: Anlegen::MitEltern,
        })
    }

    /// Creates the folder itself if it does not exist yet.
    fn bereit(&self) -> Result<(), Schreibfehler> {
        match &self.anlegen {
            Anlegen::MitEltern => {
                kein_link(&self.pfad)?;
                fs::create_dir_all(&self.pfad).map_err(|e| Schreibfehler::io(&self.anzeige, &e))
            }
            Anlegen::ImProjekt { wurzel, relativ } => Zielordner {
                anzeige: PathBuf::new(),
                pfad: wurzel.clone(),
                dauerhaft: self.dauerhaft,
                anlegen: Anlegen::MitEltern,
            }
            .ordner_anlegen(relativ),
        }
    }

    /// Creates the folders of `relativ` below this one, one by one, refusing
    /// a symbolic link or a file on the way.
    fn ordner_anlegen(&self, relativ: &Path) -> Result<(), Schreibfehler> {
        let mut p = self.pfad.clone();
        let mut gezeigt = self.anzeige.clone();
        for teil in relativ.components() {
            let Component::Normal(teil) = teil else {
                continue;
            };
            p.push(teil);
            gezeigt.push(teil);
            match fs::symlink_metadata(&p) {
                Ok(m) if m.file_type().is_symlink() => return Err(Schreibfehler::Link(gezeigt)),
                Ok(m) if m.is_dir() => {}
                Ok(_) => return Err(Schreibfehler::KeineDatei(gezeigt)),
                Err(_) => match fs::create_dir(&p) {
                    Ok(()) => {}
                    Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && p.is_dir() => {}
                    Err(e) => return Err(Schreibfehler::io(&gezeigt, &e)),
                },
            }
        }
        Ok(())
    }

    /// Writes `bytes` as the file `name` (a plain relative path; its folders
    /// are created): through a temporary file beside it, forced to disk,
    /// then renamed into place. A file with these bytes is left untouched;
    /// one with other bytes is replaced only with [`Ersetzen::Ja`]. A new
    /// file appears only if none appeared meanwhile (two builds into one
    /// folder never replace each other's file silently).
    pub fn schreiben(
        &self,
        name: impl AsRef<Path>,
        bytes: &[u8],
        ersetzen: Ersetzen,
    ) -> Result<Geschrieben, Schreibfehler> {
        let name = name.as_ref();
        if !ist_einfach(name) {
            return Err(Schreibfehler::KeinProjektpfad(name.to_path_buf()));
        }
        self.bereit()?;
        if let Some(eltern) = name.parent().filter(|p| !p.as_os_str().is_empty()) {
            self.ordner_anlegen(eltern)?;
        }
        let ziel = self.pfad.join(name);
        let gezeigt = self.anzeige.join(name);
        let vorher = match Vorher::von(&ziel, &gezeigt, bytes)? {
            Vorher::Gleich => return Ok(Geschrieben::Unveraendert),
            Vorher::Anders if ersetzen == Ersetzen::Nie => {
                return Err(Schreibfehler::Vorhanden(gezeigt));
            }
            v => v,
        };
        let temp = temp_datei(&ziel, self.dauerhaft, bytes)
            .map_err(|e| Schreibfehler::io(&gezeigt, &e))?;
        schritt();
        let ergebnis = match vorher {
            Vorher::Keine => neu_einsetzen(&temp, &ziel, &gezeigt, bytes, ersetzen),
            _ => fs::rename(&temp, &ziel)
                .map(|()| Geschrieben::Ersetzt)
                .map_err(|e| Schreibfehler::io(&gezeigt, &e)),
        };
        let _ = fs::remove_file(&temp);
        schritt();
        if ergebnis.is_ok() {
            reste_entfernen(&ziel);
        }
        ergebnis
    }

    /// Removes the file `name` of this folder (never through a link).
    pub fn entfernen(&self, name: impl AsRef<Path>) -> Result<(), Schreibfehler> {
        let name = name.as_ref();
        let ziel = self.pfad.join(name);
        let gezeigt = self.anzeige.join(name);
        match fs::symlink_metadata(&ziel) {
            Ok(m) if m.is_file() => {
                fs::remove_file(&ziel).map_err(|e| Schreibfehler::io(&gezeigt, &e))?;
                schritt();
                Ok(())
            }
            Ok(m) if m.file_type().is_symlink() => Err(Schreibfehler::Link(gezeigt)),
            Ok(_) => Err(Schreibfehler::KeineDatei(gezeigt)),
            Err(_) => Ok(()),
        }
    }
}

/// Writes a file the tool generates inside the project (a schema, the
/// release records) at the project path `datei`, replacing what it
/// generated before; whether it wrote.
pub fn im_projekt_schreiben(
    wurzel: &Path,
    datei: &Path,
    text: &str,
) -> Result<bool, Schreibfehler> {
    let (Some(ordner), Some(name)) = (datei.parent(), datei.file_name()) else {
        return Err(Schreibfehler::KeinProjektpfad(datei.to_path_buf()));
    };
    let z = Zielordner::im_projekt(wurzel, ordner)?;
    Ok(z.schreiben(name, text.as_bytes(), Ersetzen::Ja)? != Geschrieben::Unveraendert)
}

/// What stands at a write's target before it.
enum Vorher {
    Keine,
    Gleich,
    Anders,
}

impl Vorher {
    /// Looks at the target without following a link; reads it only when it
    /// is a regular file of exactly the new size (never a FIFO, a device or
    /// a huge file).
    fn von(ziel: &Path, gezeigt: &Path, bytes: &[u8]) -> Result<Vorher, Schreibfehler> {
        let m = match fs::symlink_metadata(ziel) {
            Ok(m) => m,
            Err(_) => return Ok(Vorher::Keine),
        };
        if m.file_type().is_symlink() {
            return Err(Schreibfehler::Link(gezeigt.to_path_buf()));
        }
        if !m.is_file() {
            return Err(Schreibfehler::KeineDatei(gezeigt.to_path_buf()));
        }
        if m.len() == bytes.len() as u64 && fs::read(ziel).is_ok_and(|alt| alt == bytes) {
            return Ok(Vorher::Gleich);
        }
        Ok(Vorher::Anders)
    }
}

/// Puts the temporary file in place as a new file: a hard link fails when
/// a file appeared meanwhile, which is then compared like any existing one.
fn neu_einsetzen(
    temp: &Path,
    ziel: &Path,
    gezeigt: &Path,
    bytes: &[u8],
    ersetzen: Ersetzen,
) -> Result<Geschrieben, Schreibfehler> {
    match fs::hard_link(temp, ziel) {
        Ok(()) => Ok(Geschrieben::Neu),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            match Vorher::von(ziel, gezeigt, bytes)? {
                Vorher::Gleich => Ok(Geschrieben::Unveraendert),
                _ if ersetzen == Ersetzen::Nie => Err(Schreibfehler::Vorhanden(gezeigt.into())),
                _ => fs::rename(temp, ziel)
                    .map(|()| Geschrieben::Ersetzt)
                    .map_err(|e| Schreibfehler::io(gezeigt, &e)),
            }
        }
        // A file system without hard links: a rename (no check for a file
        // appearing between the look and the rename).
        Err(_) => fs::rename(temp, ziel)
            .map(|()| Geschrieben::Neu)
            .map_err(|e| Schreibfehler::io(gezeigt, &e)),
    }
}

/// The name of this process's temporary file for `ziel`: `.NAME.PID.tmp`.
fn temp_name(ziel: &Path, pid: u32) -> PathBuf {
    let name = ziel
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    ziel.with_file_name(format!(".{name}.{pid}.tmp"))
}

/// Writes the temporary file of `ziel` (created new, forced to disk if
/// `dauerhaft`).
fn temp_datei(ziel: &Path, dauerhaft: bool, bytes: &[u8]) -> std::io::Result<PathBuf> {
    let temp = temp_name(ziel, std::process::id());
    let _ = fs::remove_file(&temp);
    let ergebnis = (|| {
        let mut f = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)?;
        f.write_all(bytes)?;
        if dauerhaft {
            f.sync_all()?;
        }
        Ok(())
    })();
    match ergebnis {
        Ok(()) => Ok(temp),
        Err(e) => {
            let _ = fs::remove_file(&temp);
            Err(e)
        }
    }
}

/// The entries beside `p` named `.NAME.REST` (NAME: the name of `p`),
/// with their REST: what writers of `p` leave there.
fn daneben(p: &Path) -> Vec<(String, fs::DirEntry)> {
    let (Some(eltern), Some(name)) = (p.parent(), p.file_name()) else {
        return Vec::new();
    };
    let vorne = format!(".{}.", name.to_string_lossy());
    fs::read_dir(eltern)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let n = e.file_name().to_string_lossy().into_owned();
            n.strip_prefix(&vorne).map(|r| (r.to_owned(), e))
        })
        .collect()
}

/// Removes the temporary files of `ziel` that killed runs left behind
/// (`.NAME.PID.tmp` of a process that no longer runs).
fn reste_entfernen(ziel: &Path) {
    for (rest, e) in daneben(ziel) {
        let pid = rest
            .strip_suffix(".tmp")
            .and_then(|p| p.parse::<u32>().ok());
        if pid.is_some_and(|p| !laeuft(p)) && e.file_type().is_ok_and(|t| t.is_file()) {
            let _ = fs::remove_file(e.path());
        }
    }
}

/// Whether a process with this id runs (on systems without `/proc`:
/// assumed, so that nothing of it is removed).
fn laeuft(pid: u32) -> bool {
    pid == std::process::id()
        || !Path::new("/proc/self").exists()
        || Path::new("/proc").join(pid.to_string()).exists()
}

/// Whether `p` is a plain relative path without `..`.
fn ist_einfach(p: &Path) -> bool {
    !p.as_os_str().is_empty()
        && p.components()
            .all(|c| matches!(c, Component::Normal(_) | Component::CurDir))
}

/// Refuses a folder that is a symbolic link.
fn kein_link(ordner: &Path) -> Result<(), Schreibfehler> {
    match fs::symlink_metadata(ordner) {
        Ok(m) if m.file_type().is_symlink() => Err(Schreibfehler::Link(ordner.to_path_buf())),
        Ok(m) if !m.is_dir() => Err(Schreibfehler::KeineDatei(ordner.to_path_buf())),
        _ => Ok(()),
    }
}

/// The real path of `ziel`, also when it does not exist yet: its nearest
/// existing ancestor resolved, the rest appended.
fn ziel_kanonisch(ziel: &Path) -> std::io::Result<PathBuf> {
    let absolut = std::path::absolute(ziel)?;
    let mut rest = Vec::new();
    let mut p = absolut.as_path();
    loop {
        if let Ok(echt) = p.canonicalize() {
            let mut voll = echt;
            for teil in rest.iter().rev() {
                voll.push(teil);
            }
            return Ok(voll);
        }
        match (p.file_name(), p.parent()) {
            (Some(name), Some(eltern)) => {
                rest.push(name.to_owned());
                p = eltern;
            }
            _ => return Ok(absolut),
        }
    }
}

/// A new version of a whole folder, prepared beside it and switched into
/// place by [`Neufassung::abschliessen`] in one step.
pub struct Neufassung {
    /// The folder being replaced, as the user knows it.
    ziel: Zielordner,
    /// The folder being prepared (`.NAME.neu.PID` beside the target).
    neu: Zielordner,
    /// Switched into place (else dropping it removes the prepared folder).
    fertig: bool,
}

impl Drop for Neufassung {
    fn drop(&mut self) {
        if !self.fertig {
            let _ = fs::remove_dir_all(&self.neu.pfad);
        }
    }
}

/// The file that marks a folder as written by the tool as a whole (so that
/// a later run may replace it without `--force`).
pub const MARKE: &str = ".kataster-report";

impl Zielordner {
    /// Begins a new version of this folder. With `uebernehmen`, it starts
    /// as a copy of the folder (regular files and folders only; a link in
    /// it is refused); otherwise empty. Leftovers of killed runs are
    /// cleaned up first.
    pub fn neufassung(&self, uebernehmen: bool) -> Result<Neufassung, Schreibfehler> {
        if let Some(eltern) = self.pfad.parent() {
            fs::create_dir_all(eltern).map_err(|e| Schreibfehler::io(&self.anzeige, &e))?;
        }
        ordner_reste_aufraeumen(&self.pfad);
        let neu_pfad = geschwister(&self.pfad, "neu", std::process::id());
        let _ = fs::remove_dir_all(&neu_pfad);
        fs::create_dir(&neu_pfad).map_err(|e| Schreibfehler::io(&self.anzeige, &e))?;
        let neu = Zielordner {
            anzeige: self.anzeige.clone(),
            pfad: neu_pfad,
            dauerhaft: self.dauerhaft,
            anlegen: Anlegen::MitEltern,
        };
        let fassung = Neufassung {
            ziel: self.clone(),
            neu,
            fertig: false,
        };
        if uebernehmen && self.pfad.is_dir() {
            kopieren(&self.pfad, &fassung.neu.pfad, &self.anzeige)?;
            schritt();
        }
        Ok(fassung)
    }

    /// Whether the folder is empty or was written by the tool as a whole.
    pub fn leer_oder_eigen(&self) -> bool {
        let mut eintraege = match fs::read_dir(&self.pfad) {
            Ok(e) => e.flatten(),
            Err(_) => return true,
        };
        self.pfad.join(MARKE).is_file() || eintraege.next().is_none()
    }
}

impl Neufassung {
    /// The folder being prepared; its messages name the target.
    pub fn ordner(&self) -> &Zielordner {
        &self.neu
    }

    /// Switches the prepared folder into place: an atomic exchange with the
    /// old one, which is then removed.
    pub fn abschliessen(mut self) -> Result<(), Schreibfehler> {
        let fehler = |e: std::io::Error| Schreibfehler::io(&self.ziel.anzeige, &e);
        if self.neu.dauerhaft {
            fs::File::open(&self.neu.pfad)
                .and_then(|f| f.sync_all())
                .map_err(fehler)?;
        }
        let ziel = &self.ziel.pfad;
        let leer = fs::read_dir(ziel).is_ok_and(|mut e| e.next().is_none());
        if leer {
            let _ = fs::remove_dir(ziel);
        }
        if fs::symlink_metadata(ziel).is_err() {
            fs::rename(&self.neu.pfad, ziel).map_err(fehler)?;
            self.fertig = true;
            schritt();
            return Ok(());
        }
        tauschen(&self.neu.pfad, ziel).map_err(fehler)?;
        self.fertig = true;
        schritt();
        // The old version now stands where the new one was prepared.
        let _ = fs::remove_dir_all(&self.neu.pfad);
        schritt();
        Ok(())
    }
}

/// Exchanges two folders in one step (Linux: `renameat2` with
/// `RENAME_EXCHANGE`). Where the system cannot, the old folder is moved
/// aside first (a kill between the two renames is repaired by the next run,
/// see [`ordner_reste_aufraeumen`]).
fn tauschen(neu: &Path, ziel: &Path) -> std::io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        match renameat_with(CWD, neu, CWD, ziel, RenameFlags::EXCHANGE) {
            Ok(()) => return Ok(()),
            Err(e) if e == rustix::io::Errno::INVAL || e == rustix::io::Errno::NOSYS => {}
            Err(e) => return Err(e.into()),
        }
    }
    let alt = geschwister(ziel, "alt", std::process::id());
    fs::rename(ziel, &alt)?;
    schritt();
    fs::rename(neu, ziel)?;
    // The caller removes what stands at `neu`: the old version.
    fs::rename(&alt, neu)
}

/// `.NAME.ART.PID` beside `ordner`.
fn geschwister(ordner: &Path, art: &str, pid: u32) -> PathBuf {
    let name = ordner
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    ordner.with_file_name(format!(".{name}.{art}.{pid}"))
}

/// Removes what killed runs left beside `ordner`: prepared folders
/// (`.NAME.neu.PID`) and, if the folder itself is missing because a run died
/// between the two renames of [`tauschen`], puts the old one back.
fn ordner_reste_aufraeumen(ordner: &Path) {
    for (rest, e) in daneben(ordner) {
        let Some((art, pid)) = rest.split_once('.') else {
            continue;
        };
        let tot = pid.parse::<u32>().is_ok_and(|p| !laeuft(p));
        if !tot || !e.file_type().is_ok_and(|t| t.is_dir()) {
            continue;
        }
        if art == "alt" && fs::symlink_metadata(ordner).is_err() {
            let _ = fs::rename(e.path(), ordner);
        } else if art == "neu" || art == "alt" {
            let _ = fs::remove_dir_all(e.path());
        }
    }
}

/// Copies the folder `von` into the empty folder `nach`: regular files and
/// folders; a symbolic link or anything else is refused.
fn kopieren(von: &Path, nach: &Path, gezeigt: &Path) -> Result<(), Schreibfehler> {
    let eintraege = fs::read_dir(von).map_err(|e| Schreibfehler::io(gezeigt, &e))?;
    for e in eintraege {
        let e = e.map_err(|f| Schreibfehler::io(gezeigt, &f))?;
        let name = e.file_name();
        let g = gezeigt.join(&name);
        let art = e.file_type().map_err(|f| Schreibfehler::io(&g, &f))?;
        if art.is_dir() {
            fs::create_dir(nach.join(&name)).map_err(|f| Schreibfehler::io(&g, &f))?;
            kopieren(&e.path(), &nach.join(&name), &g)?;
        } else if art.is_file() {
            fs::copy(e.path(), nach.join(&name)).map_err(|f| Schreibfehler::io(&g, &f))?;
        } else if art.is_symlink() {
            return Err(Schreibfehler::Link(g));
        } else {
            return Err(Schreibfehler::KeineDatei(g));
        }
    }
    Ok(())
}

/// The test hook that simulates a kill: with `KATASTER_REPORT_ABBRUCH_NACH=N`
/// in the environment, the process aborts at the N-th step of a writer (a
/// temporary file written, a file renamed into place, a folder copied or
/// switched). Tests use it to prove that a kill at any step leaves old or
/// new, never a mixture. Without the variable it does nothing.
fn schritt() {
    use std::sync::OnceLock;
    use std::sync::atomic::{AtomicUsize, Ordering};
    static GRENZE: OnceLock<Option<usize>> = OnceLock::new();
    static ZAEHLER: AtomicUsize = AtomicUsize::new(0);
    let grenze = GRENZE.get_or_init(|| {
        std::env::var("KATASTER_REPORT_ABBRUCH_NACH")
            .ok()
            .and_then(|n| n.parse().ok())
    });
    if let Some(n) = grenze
        && ZAEHLER.fetch_add(1, Ordering::SeqCst) + 1 == *n
    {
        std::process::abort();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ordner() -> (tempfile::TempDir, Zielordner) {
        let dir = tempfile::tempdir().unwrap();
        let projekt = dir.path().join("projekt");
        fs::create_dir_all(projekt.join("data")).unwrap();
        let z = Zielordner::fuer_ausgabe(&projekt, &dir.path().join("dist")).unwrap();
        assert!(!z.pfad("").exists(), "angelegt erst beim ersten Schreiben");
        fs::create_dir(z.pfad("")).unwrap();
        (dir, z)
    }

    #[test]
    fn vorhandene_datei_wird_nur_erzwungen_ersetzt() {
        let (_d, z) = ordner();
        assert_eq!(
            z.schreiben("a.pdf", b"eins", Ersetzen::Nie).unwrap(),
            Geschrieben::Neu
        );
        assert_eq!(
            z.schreiben("a.pdf", b"eins", Ersetzen::Nie).unwrap(),
            Geschrieben::Unveraendert
        );
        let e = z.schreiben("a.pdf", b"zwei", Ersetzen::Nie).unwrap_err();
        assert!(matches!(e, Schreibfehler::Vorhanden(_)), "{e}");
        assert_eq!(fs::read(z.pfad("a.pdf")).unwrap(), b"eins");
        assert_eq!(
            z.schreiben("a.pdf", b"zwei", Ersetzen::Ja).unwrap(),
            Geschrieben::Ersetzt
        );
        assert_eq!(fs::read(z.pfad("a.pdf")).unwrap(), b"zwei");
        let rest: Vec<_> = fs::read_dir(z.pfad("")).unwrap().collect();
        assert_eq!(rest.len(), 1, "keine Temporärdateien");
    }

    #[test]
    fn eingaben_sind_kein_ziel() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path();
        fs::create_dir_all(p.join("data/2025")).unwrap();
        for falsch in [p.to_path_buf(), p.join("data"), p.join("data/2025/x")] {
            let e = Zielordner::fuer_ausgabe(p, &falsch).unwrap_err();
            assert!(e.to_string().contains("data/"), "{e}");
        }
        assert!(Zielordner::fuer_ausgabe(p, &p.join("dist")).is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn nie_durch_einen_link() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("projekt");
        let draussen = dir.path().join("draussen");
        fs::create_dir_all(p.join("data/2026")).unwrap();
        fs::create_dir_all(&draussen).unwrap();
        fs::write(draussen.join("celle.yaml"), "alt").unwrap();
        std::os::unix::fs::symlink(&draussen, p.join("data/2026/steckbriefe")).unwrap();
        let z = Zielordner::im_projekt(&p, Path::new("data/2026")).unwrap();
        let e = z
            .schreiben("steckbriefe/celle.yaml", b"neu", Ersetzen::Ja)
            .unwrap_err();
        assert!(matches!(e, Schreibfehler::Link(_)), "{e}");
        assert!(Zielordner::im_projekt(&p, Path::new("data/2026/steckbriefe")).is_err());
        std::os::unix::fs::symlink(draussen.join("x.yaml"), p.join("data/2026/umfrage.yaml"))
            .unwrap();
        assert!(z.schreiben("umfrage.yaml", b"neu", Ersetzen::Ja).is_err());
        assert!(!draussen.join("x.yaml").exists());
        assert_eq!(
            fs::read_to_string(draussen.join("celle.yaml")).unwrap(),
            "alt"
        );
    }

    #[cfg(unix)]
    #[test]
    fn fifo_am_ziel_wird_nicht_gelesen() {
        let (_d, z) = ordner();
        let fifo = z.pfad("a.pdf");
        assert!(
            std::process::Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .unwrap()
                .success()
        );
        let e = z.schreiben("a.pdf", b"x", Ersetzen::Ja).unwrap_err();
        assert!(matches!(e, Schreibfehler::KeineDatei(_)), "{e}");
    }

    #[test]
    fn reste_toter_laeufe_werden_entfernt() {
        let (_d, z) = ordner();
        // A pid above Linux's maximum runs nowhere.
        fs::write(z.pfad(".a.pdf.4999999.tmp"), b"halb").unwrap();
        z.schreiben("a.pdf", b"eins", Ersetzen::Nie).unwrap();
        assert!(!z.pfad(".a.pdf.4999999.tmp").exists());
    }

    #[test]
    fn neufassung_ersetzt_den_ganzen_ordner() {
        let (_d, z) = ordner();
        let site = z.unterordner(Path::new("site")).unwrap();
        site.schreiben("alt.html", b"alt", Ersetzen::Nie).unwrap();
        site.schreiben("bleibt/x.txt", b"x", Ersetzen::Nie).unwrap();
        let n = site.neufassung(true).unwrap();
        n.ordner()
            .schreiben("neu.html", b"neu", Ersetzen::Nie)
            .unwrap();
        n.ordner().entfernen("alt.html").unwrap();
        n.abschliessen().unwrap();
        assert!(!site.pfad("alt.html").exists());
        assert_eq!(fs::read(site.pfad("neu.html")).unwrap(), b"neu");
        assert_eq!(fs::read(site.pfad("bleibt/x.txt")).unwrap(), b"x");
        let neben: Vec<_> = fs::read_dir(z.pfad("")).unwrap().flatten().collect();
        assert_eq!(neben.len(), 1, "nur der Ordner selbst: {neben:?}");
    }
}
