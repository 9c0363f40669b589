//! The layout an edition names: a folder `report/layout/<name>/` with its
//! main file, checked before Typst is asked to compile it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnose, vorschlag};
use crate::load::{Datei, Orter};
use crate::projekt::Projektpfade;

/// The layout named in `edition.yaml` must be a folder `report/layout/<name>/`
/// with a `bericht.typ`.
pub fn pruefe_layout(
    wurzel: &Path,
    layout: &str,
    dateien: &BTreeMap<PathBuf, Datei>,
    ordner: &Path,
) -> Option<Diagnose> {
    let gueltig = crate::projekt::pruefe_edition_id(layout).is_ok();
    let haupt = Projektpfade::layout(layout).join("bericht.typ");
    if gueltig && crate::projekt::ist_datei(wurzel, &haupt) {
        return None;
    }
    let vorhanden: Vec<String> = crate::projekt::ordner(wurzel, &Projektpfade::layouts())
        .unwrap_or_default()
        .into_iter()
        .filter(|n| {
            let p = Projektpfade::layout(n).join("bericht.typ");
            crate::projekt::ist_datei(wurzel, &p)
        })
        .collect();
    let d = Orter { dateien }.bei(
        &ordner.join("edition.yaml"),
        &["layout"],
        "layout",
        format!("das Layout „{layout}“ gibt es nicht (kein report/layout/{layout}/bericht.typ)"),
    );
    Some(
        match vorschlag(layout, vorhanden.iter().map(String::as_str)) {
            Some(v) => d.hilfe(format!("meinten Sie „{v}“?")),
            None => d.hilfe(format!("Vorhandene Layouts: {}", vorhanden.join(", "))),
        },
    )
}
