//! The Typst world of a report build: the project's own files (confined to
//! the project root), generated files served from memory, the fonts of
//! `fonts/` only, and the edition's date instead of a clock.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Feature, Library, LibraryExt, World};

use crate::diagnostics::Meldung;
use crate::model::Datum;
use crate::projekt::Projektpfade;
use crate::projekt::{self, Zugriffsfehler};

/// The fonts of the project, loaded once per session.
#[derive(Clone)]
pub struct Schriften {
    pub buch: FontBook,
    pub schriften: Vec<Font>,
    /// The font files read, as project paths.
    pub dateien: Vec<PathBuf>,
}

impl Schriften {
    /// Every font file in the project's `fonts/` (`.otf`, `.ttf`, `.otc`,
    /// `.ttc`), in name order so that the font book is the same on every
    /// machine; read through the project's confined file access.
    pub fn laden(wurzel: &Path) -> Result<Schriften, Zugriffsfehler> {
        let ordner = Path::new(Projektpfade::SCHRIFTEN);
        let mut schriften = Vec::new();
        let mut dateien = Vec::new();
        for name in projekt::ordner(wurzel, ordner)? {
            let endung = name
                .rsplit('.')
                .next()
                .unwrap_or_default()
                .to_ascii_lowercase();
            if !matches!(endung.as_str(), "otf" | "ttf" | "otc" | "ttc") {
                continue;
            }
            let datei = ordner.join(&name);
            let daten = projekt::lesen(wurzel, &datei, projekt::MAX_BINAER)?;
            schriften.extend(Font::iter(Bytes::new(daten)));
            dateien.push(datei);
        }
        Ok(Schriften {
            buch: FontBook::from_fonts(&schriften),
            schriften,
            dateien,
        })
    }
}

impl Schriften {
    /// Whether some font of the project has a glyph for `c`.
    pub fn hat_zeichen(&self, c: char) -> bool {
        self.schriften
            .iter()
            .any(|f| f.info().coverage.contains(c as u32))
    }
}

/// A file as Typst has seen it: this compilation's bytes, and the parsed
/// source kept across compilations (so that comemo's caches and Typst's
/// incremental parsing see an unchanged file as the same, and a changed
/// one as an edit of it).
#[derive(Default)]
struct Slot {
    /// Read in this compilation (reset by [`BerichtsWelt::erneuern`]).
    gelesen: Option<FileResult<Bytes>>,
    /// The fingerprint of the bytes `quelle` was made from, and the source.
    quelle: Option<(u128, Source)>,
}

/// The world Typst compiles the report in. It lives as long as a session:
/// between two compilations [`BerichtsWelt::erneuern`] replaces the
/// generated files and makes project files be read again.
pub struct BerichtsWelt {
    wurzel: PathBuf,
    library: LazyHash<Library>,
    buch: LazyHash<FontBook>,
    schriften: Vec<Font>,
    haupt: FileId,
    erzeugt: HashMap<FileId, Bytes>,
    slots: Mutex<HashMap<FileId, Slot>>,
    datum: Datum,
}

/// The file id of a path inside the project (`/report/layout/2025/bericht.typ`).
pub fn datei_id(pfad: &str) -> Option<FileId> {
    VirtualPath::new(pfad)
        .ok()
        .map(|v| RootedPath::new(VirtualRoot::Project, v).intern())
}

/// The generated files by id; a path that is not a plain project path is
/// a program error, reported with the path.
fn erzeugte(erzeugt: Vec<(String, Vec<u8>)>) -> Result<HashMap<FileId, Bytes>, Meldung> {
    let mut map = HashMap::new();
    for (pfad, inhalt) in erzeugt {
        let id = datei_id(&pfad).ok_or_else(|| format!("ungültiger Pfad {pfad}"))?;
        map.insert(id, Bytes::new(inhalt));
    }
    Ok(map)
}

/// Typst's standard library with `pdf.header-cell` (the `a11y-extras`
/// feature): the label column of a fact sheet is a row header. Adding the
/// functions changes nothing for a layout that does not call them.
fn bibliothek() -> Library {
    Library::builder()
        .with_features([Feature::A11yExtras].into_iter().collect())
        .build()
}

impl BerichtsWelt {
    /// The same world for Typst's HTML export: the library with the `html`
    /// feature and `haupt` as the main file.
    pub fn fuer_html(mut self, haupt: &str) -> Result<BerichtsWelt, Meldung> {
        self.haupt = datei_id(haupt).ok_or_else(|| format!("ungültiger Pfad {haupt}"))?;
        self.library = LazyHash::new(
            Library::builder()
                .with_features([Feature::A11yExtras, Feature::Html].into_iter().collect())
                .build(),
        );
        Ok(self)
    }

    /// `wurzel`: the project root; `haupt`: the main file's
    /// project path; `erzeugt`: generated files by project path; `datum`:
    /// the edition's date.
    pub fn neu(
        wurzel: &Path,
        haupt: &str,
        erzeugt: Vec<(String, Vec<u8>)>,
        schriften: &Schriften,
        datum: Datum,
    ) -> Result<BerichtsWelt, Meldung> {
        let wurzel = wurzel
            .canonicalize()
            .map_err(|e| format!("Projektordner {} nicht lesbar: {e}", wurzel.display()))?;
        let haupt = datei_id(haupt).ok_or_else(|| format!("ungültiger Pfad {haupt}"))?;
        Ok(BerichtsWelt {
            wurzel,
            library: LazyHash::new(bibliothek()),
            buch: LazyHash::new(schriften.buch.clone()),
            schriften: schriften.schriften.clone(),
            haupt,
            erzeugt: erzeugte(erzeugt)?,
            slots: Mutex::new(HashMap::new()),
            datum,
        })
    }

    /// Prepares the next compilation: new generated files and date; every
    /// project file is read again (a parsed source is kept while its bytes
    /// stay the same).
    pub fn erneuern(
        &mut self,
        erzeugt: Vec<(String, Vec<u8>)>,
        datum: Datum,
    ) -> Result<(), Meldung> {
        self.erzeugt = erzeugte(erzeugt)?;
        self.datum = datum;
        let slots = self.slots.get_mut().unwrap_or_else(|p| p.into_inner());
        for slot in slots.values_mut() {
            slot.gelesen = None;
        }
        Ok(())
    }

    /// The project files read in the last compilation (not the generated
    /// ones), as relative project paths.
    pub fn gelesen(&self) -> Vec<PathBuf> {
        let slots = self.slots.lock().unwrap_or_else(|p| p.into_inner());
        slots
            .iter()
            .filter(|(id, slot)| {
                !self.erzeugt.contains_key(id) && matches!(slot.gelesen, Some(Ok(_)))
            })
            .map(|(id, _)| PathBuf::from(id.vpath().get_without_slash()))
            .collect()
    }

    /// Whether `pfad` (a project path) is the main file.
    pub fn haupt_ist(&self, pfad: &str) -> bool {
        datei_id(pfad) == Some(self.haupt)
    }

    /// The bytes of a file in this compilation, read once.
    fn bytes(&self, id: FileId) -> FileResult<Bytes> {
        if let Some(b) = self.erzeugt.get(&id) {
            return Ok(b.clone());
        }
        let mut slots = self.slots.lock().unwrap_or_else(|p| p.into_inner());
        let slot = slots.entry(id).or_default();
        if let Some(gelesen) = &slot.gelesen {
            return gelesen.clone();
        }
        let gelesen = self.lesen(id);
        slot.gelesen = Some(gelesen.clone());
        gelesen
    }

    /// Reads a project file through the confined file access: nothing that
    /// resolves outside the project root (also through symbolic links), only
    /// regular files within the size limit. Errors keep their kind.
    fn lesen(&self, id: FileId) -> FileResult<Bytes> {
        if !matches!(id.root(), VirtualRoot::Project) {
            return Err(FileError::AccessDenied);
        }
        let relativ = PathBuf::from(id.vpath().get_without_slash());
        projekt::lesen(&self.wurzel, &relativ, projekt::MAX_BINAER)
            .map(Bytes::new)
            .map_err(|e| dateifehler(id, e))
    }

    /// The text of a file for diagnostics (project files and generated ones).
    pub fn text_von(&self, id: FileId) -> Option<Source> {
        self.source(id).ok()
    }
}

/// A confined-access error as Typst's file error, with its kind kept.
fn dateifehler(id: FileId, e: Zugriffsfehler) -> FileError {
    let pfad = || PathBuf::from(id.vpath().get_with_slash());
    match e {
        Zugriffsfehler::Io { art, .. } => FileError::from_io(std::io::Error::from(art), &pfad()),
        Zugriffsfehler::KeineDatei(_) => FileError::IsDirectory,
        Zugriffsfehler::UngueltigerPfad(_) | Zugriffsfehler::Ausserhalb(_) => {
            FileError::AccessDenied
        }
        andere @ (Zugriffsfehler::ZuGross { .. } | Zugriffsfehler::KeinUtf8 { .. }) => {
            FileError::Other(Some(andere.to_string().into()))
        }
    }
}

impl World for BerichtsWelt {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.buch
    }

    fn main(&self) -> FileId {
        self.haupt
    }

    /// The parsed file: the kept source when the bytes are unchanged, else
    /// the kept source edited to the new text (Typst reparses only what
    /// changed), else a new one.
    fn source(&self, id: FileId) -> FileResult<Source> {
        let bytes = self.bytes(id)?;
        let fingerabdruck = typst::utils::hash128(&bytes);
        let mut slots = self.slots.lock().unwrap_or_else(|p| p.into_inner());
        let slot = slots.entry(id).or_default();
        if let Some((f, quelle)) = &slot.quelle
            && *f == fingerabdruck
        {
            return Ok(quelle.clone());
        }
        let text = std::str::from_utf8(&bytes).map_err(|_| FileError::InvalidUtf8)?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let quelle = match slot.quelle.take() {
            Some((_, mut alt)) => {
                alt.replace(text);
                alt
            }
            None => Source::new(id, text.into()),
        };
        slot.quelle = Some((fingerabdruck, quelle.clone()));
        Ok(quelle)
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        self.bytes(id)
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.schriften.get(index).cloned()
    }

    /// No clock: "today" is the edition's date, so builds are reproducible.
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Datetime::from_ymd(i32::from(self.datum.jahr), self.datum.monat, self.datum.tag)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dateifehler_behalten_ihre_art() {
        let id = datei_id("/report/x.typ").unwrap();
        let io = |art| Zugriffsfehler::Io {
            pfad: "report/x.typ".into(),
            art,
        };
        assert!(matches!(
            dateifehler(id, io(std::io::ErrorKind::NotFound)),
            FileError::NotFound(p) if p == Path::new("/report/x.typ")
        ));
        assert_eq!(
            dateifehler(id, io(std::io::ErrorKind::PermissionDenied)),
            FileError::AccessDenied
        );
        assert_eq!(
            dateifehler(id, Zugriffsfehler::Ausserhalb("x".into())),
            FileError::AccessDenied
        );
        let gross = Zugriffsfehler::ZuGross {
            pfad: "report/x.typ".into(),
            groesse: 40_000_000,
            max: projekt::MAX_BINAER,
        };
        let FileError::Other(Some(m)) = dateifehler(id, gross) else {
            panic!("zu groß wird nicht als eigener Fehler gemeldet");
        };
        assert!(m.to_string().contains("report/x.typ"), "{m}");
    }
}
