//! The layout an edition names: a folder `report/layout/<name>/` with its
//! main file, checked before Typst is asked to compile it; a layout that a
//! release of any edition used is frozen (its files as recorded).

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

/// A layout that a release used stays as released: the first of its files
/// that differs from the record of a release of any edition (changed or
/// gone), reported with the way to a new design (`new-layout`). `fuer`: the
/// edition being built, for the proposed name.
pub fn eingefroren(wurzel: &Path, layout: &str, fuer: &str) -> Option<Diagnose> {
    // The proposed name: the edition's, else the first free one after it.
    let frei =
        |n: &String| std::fs::symlink_metadata(wurzel.join(Projektpfade::layout(n))).is_err();
    let fuer_ausgabe = fuer;
    let fuer = std::iter::once(fuer.to_owned())
        .chain((2..).map(|i| format!("{fuer}-{i}")))
        .find(frei)
        .unwrap_or_default();
    let praefix = format!("{}/", Projektpfade::layout(layout).display());
    for id in crate::load::editionen(wurzel) {
        let mut texte = Default::default();
        // A broken record is verify's to report; here it freezes nothing.
        let Ok(f) = crate::ausgabe::freigabe::laden(wurzel, &id, &mut texte) else {
            continue;
        };
        for r in f.freigaben.iter().filter(|r| r.layout == layout) {
            for e in r.eingaben.iter().filter(|e| e.datei.starts_with(&praefix)) {
                let jetzt =
                    crate::projekt::lesen(wurzel, Path::new(&e.datei), crate::projekt::MAX_BINAER)
                        .ok()
                        .map(|b| crate::ausgabe::freigabe::sha256(&b));
                if jetzt.as_deref() != Some(e.sha256.as_str()) {
                    let was = if jetzt.is_some() {
                        "geändert"
                    } else {
                        "gelöscht"
                    };
                    return Some(
                        Diagnose::neu(
                            &e.datei,
                            format!(
                                "das Layout „{layout}“ ist von Ausgabe {id} Version {} \
                                 freigegeben; {} wurde seitdem {was}",
                                r.version, e.datei
                            ),
                        )
                        .hilfe(format!(
                            "Ein freigegebenes Layout bleibt, wie es war. Nehmen Sie die Änderung \
                             zurück, oder legen Sie für eine neue Gestaltung ein neues Layout an: \
                             `kataster-report new-layout {fuer} --from {layout}`, ändern Sie dort \
                             und nennen Sie es in data/{fuer_ausgabe}/edition.yaml (`layout: \
                             \"{fuer}\"`)."
                        )),
                    );
                }
            }
        }
    }
    None
}
