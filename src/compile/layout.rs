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
    let a = erste_aenderung(wurzel, layout)?;
    let neu = freier_name(wurzel, fuer);
    Some(
        Diagnose::neu(
            &a.datei,
            format!(
                "das Layout „{layout}“ ist von Ausgabe {} Version {} freigegeben; {} wurde \
                 seitdem {}",
                a.ausgabe, a.version, a.datei, a.was
            ),
        )
        .hilfe(format!(
            "Ein freigegebenes Layout bleibt, wie es war. Nehmen Sie die Änderung zurück, oder \
             legen Sie für eine neue Gestaltung ein neues Layout an: `kataster-report \
             new-layout {neu} --from {layout}`, ändern Sie dort und nennen Sie es in \
             data/{fuer}/edition.yaml (`layout: \"{neu}\"`)."
        )),
    )
}

/// A file of a released layout that is no longer as recorded.
struct Aenderung {
    ausgabe: String,
    version: String,
    datei: String,
    was: &'static str,
}

/// The first file of layout `layout` that differs from a release record
/// of any edition (a broken record is verify's to report; it freezes
/// nothing here).
fn erste_aenderung(wurzel: &Path, layout: &str) -> Option<Aenderung> {
    let praefix = format!("{}/", Projektpfade::layout(layout).display());
    crate::load::editionen(wurzel).into_iter().find_map(|id| {
        let f = crate::ausgabe::freigabe::laden(wurzel, &id, &mut Default::default()).ok()?;
        let r = f.freigaben.iter().filter(|r| r.layout == layout);
        r.flat_map(|r| r.eingaben.iter().map(move |e| (r, e)))
            .filter(|(_, e)| e.datei.starts_with(&praefix))
            .find_map(|(r, e)| {
                let jetzt =
                    crate::projekt::lesen(wurzel, Path::new(&e.datei), crate::projekt::MAX_BINAER)
                        .ok()
                        .map(|b| crate::ausgabe::freigabe::sha256(&b));
                (jetzt.as_deref() != Some(e.sha256.as_str())).then(|| Aenderung {
                    ausgabe: id.clone(),
                    version: r.version.clone(),
                    datei: e.datei.clone(),
                    was: if jetzt.is_some() {
                        "geändert"
                    } else {
                        "gelöscht"
                    },
                })
            })
    })
}

/// The name proposed for a new layout of edition `fuer`: its own, else the
/// first free one after it (`2025-2`).
fn freier_name(wurzel: &Path, fuer: &str) -> String {
    let frei =
        |n: &String| std::fs::symlink_metadata(wurzel.join(Projektpfade::layout(n))).is_err();
    std::iter::once(fuer.to_owned())
        .chain((2..).map(|i| format!("{fuer}-{i}")))
        .find(frei)
        .unwrap_or_default()
}
