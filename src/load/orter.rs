//! Locating a field in the data files as loaded (their YAML trees), so that
//! a check made after loading reports at the field's line and column.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::{Datei, Knoten};
use crate::diagnostics::Diagnose;

/// Finds the place of a field in the files as loaded, for a diagnostic.
pub(crate) struct Orter<'a> {
    pub(crate) dateien: &'a BTreeMap<PathBuf, Datei>,
}

impl Orter<'_> {
    /// A diagnostic at the node `schritte` of `datei` (or the file itself).
    pub(crate) fn bei(
        &self,
        datei: &Path,
        schritte: &[&str],
        feld: &str,
        meldung: String,
    ) -> Diagnose {
        let d = Diagnose::neu(datei, meldung).feld(feld);
        match self.dateien.get(datei) {
            Some(f) => {
                let k: &Knoten = f.baum.suche(schritte);
                d.an(k.zeile, k.spalte, k.bytes.clone())
            }
            None => d,
        }
    }
}
