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
use typst::{Library, LibraryExt, World};

use crate::model::Datum;

/// The fonts of the project, loaded once per build.
pub struct Schriften {
    pub buch: FontBook,
    pub schriften: Vec<Font>,
}

impl Schriften {
    /// Every font file in `ordner` (`.otf`, `.ttf`, `.otc`, `.ttc`), in name order
    /// so that the font book is the same on every machine.
    pub fn laden(ordner: &Path) -> std::io::Result<Schriften> {
        let mut pfade: Vec<PathBuf> = std::fs::read_dir(ordner)?
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                    matches!(
                        e.to_ascii_lowercase().as_str(),
                        "otf" | "ttf" | "otc" | "ttc"
                    )
                })
            })
            .collect();
        pfade.sort();
        let mut schriften = Vec::new();
        for p in pfade {
            let daten = std::fs::read(&p)?;
            schriften.extend(Font::iter(Bytes::new(daten)));
        }
        Ok(Schriften {
            buch: FontBook::from_fonts(&schriften),
            schriften,
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

/// The world Typst compiles the report in.
pub struct BerichtsWelt {
    wurzel: PathBuf,
    library: LazyHash<Library>,
    buch: LazyHash<FontBook>,
    schriften: Vec<Font>,
    haupt: FileId,
    erzeugt: HashMap<FileId, Bytes>,
    quellen: Mutex<HashMap<FileId, Source>>,
    datum: Datum,
}

/// The file id of a path inside the project (`/report/bericht.typ`).
pub fn datei_id(pfad: &str) -> Option<FileId> {
    VirtualPath::new(pfad)
        .ok()
        .map(|v| RootedPath::new(VirtualRoot::Project, v).intern())
}

impl BerichtsWelt {
    /// `wurzel`: the project root; `haupt`: the main file's project path;
    /// `erzeugt`: generated files by project path; `datum`: the edition's date.
    pub fn neu(
        wurzel: &Path,
        haupt: &str,
        erzeugt: Vec<(String, Vec<u8>)>,
        schriften: &Schriften,
        datum: Datum,
    ) -> Result<BerichtsWelt, String> {
        let wurzel = wurzel
            .canonicalize()
            .map_err(|e| format!("Projektordner {} nicht lesbar: {e}", wurzel.display()))?;
        let haupt = datei_id(haupt).ok_or_else(|| format!("ungültiger Pfad {haupt}"))?;
        let mut map = HashMap::new();
        for (pfad, inhalt) in erzeugt {
            let id = datei_id(&pfad).ok_or_else(|| format!("ungültiger Pfad {pfad}"))?;
            map.insert(id, Bytes::new(inhalt));
        }
        Ok(BerichtsWelt {
            wurzel,
            library: LazyHash::new(Library::default()),
            buch: LazyHash::new(schriften.buch.clone()),
            schriften: schriften.schriften.clone(),
            haupt,
            erzeugt: map,
            quellen: Mutex::new(HashMap::new()),
            datum,
        })
    }

    /// Reads a project file, refusing anything that resolves outside the
    /// project root (also through symbolic links).
    fn lesen(&self, id: FileId) -> FileResult<Bytes> {
        if let Some(b) = self.erzeugt.get(&id) {
            return Ok(b.clone());
        }
        if !matches!(id.root(), VirtualRoot::Project) {
            return Err(FileError::AccessDenied);
        }
        let pfad = id
            .vpath()
            .realize(&self.wurzel)
            .map_err(|_| FileError::AccessDenied)?;
        let echt = pfad
            .canonicalize()
            .map_err(|_| FileError::NotFound(PathBuf::from(id.vpath().get_with_slash())))?;
        if !echt.starts_with(&self.wurzel) {
            return Err(FileError::AccessDenied);
        }
        if echt.is_dir() {
            return Err(FileError::IsDirectory);
        }
        std::fs::read(&echt)
            .map(Bytes::new)
            .map_err(|_| FileError::AccessDenied)
    }

    /// The text of a file for diagnostics (project files and generated ones).
    pub fn text_von(&self, id: FileId) -> Option<Source> {
        self.source(id).ok()
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

    fn source(&self, id: FileId) -> FileResult<Source> {
        if let Ok(cache) = self.quellen.lock()
            && let Some(s) = cache.get(&id)
        {
            return Ok(s.clone());
        }
        let bytes = self.lesen(id)?;
        let text = std::str::from_utf8(&bytes).map_err(|_| FileError::InvalidUtf8)?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let source = Source::new(id, text.into());
        if let Ok(mut cache) = self.quellen.lock() {
            cache.insert(id, source.clone());
        }
        Ok(source)
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        self.lesen(id)
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.schriften.get(index).cloned()
    }

    /// No clock: "today" is the edition's date, so builds are reproducible.
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Datetime::from_ymd(i32::from(self.datum.jahr), self.datum.monat, self.datum.tag)
    }
}
