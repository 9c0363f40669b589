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
use crate::projekt::{self, Zugriffsfehler};

/// The fonts of the project, loaded once per build.
pub struct Schriften {
    pub buch: FontBook,
    pub schriften: Vec<Font>,
}

impl Schriften {
    /// Every font file in the project's `fonts/` (`.otf`, `.ttf`, `.otc`,
    /// `.ttc`), in name order so that the font book is the same on every
    /// machine; read through the project's confined file access.
    pub fn laden(wurzel: &Path) -> Result<Schriften, Zugriffsfehler> {
        let ordner = Path::new("fonts");
        let mut schriften = Vec::new();
        for name in projekt::ordner(wurzel, ordner)? {
            let endung = name
                .rsplit('.')
                .next()
                .unwrap_or_default()
                .to_ascii_lowercase();
            if !matches!(endung.as_str(), "otf" | "ttf" | "otc" | "ttc") {
                continue;
            }
            let daten = projekt::lesen(wurzel, &ordner.join(&name), projekt::MAX_BINAER)?;
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

    /// Reads a project file through the confined file access: nothing that
    /// resolves outside the project root (also through symbolic links), only
    /// regular files within the size limit.
    fn lesen(&self, id: FileId) -> FileResult<Bytes> {
        if let Some(b) = self.erzeugt.get(&id) {
            return Ok(b.clone());
        }
        if !matches!(id.root(), VirtualRoot::Project) {
            return Err(FileError::AccessDenied);
        }
        let relativ = PathBuf::from(id.vpath().get_without_slash());
        projekt::lesen(&self.wurzel, &relativ, projekt::MAX_BINAER)
            .map(Bytes::new)
            .map_err(|e| match e {
                Zugriffsfehler::Io {
                    art: std::io::ErrorKind::NotFound,
                    ..
                } => FileError::NotFound(PathBuf::from(id.vpath().get_with_slash())),
                Zugriffsfehler::KeineDatei(_) => FileError::IsDirectory,
                _ => FileError::AccessDenied,
            })
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
