//! Characters the report's fonts cannot print: checked in the data files and
//! the chapter templates before Typst sets them (they would appear as empty
//! boxes in the PDF).

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use crate::diagnostics::Diagnose;
use crate::load::{Datei, Knoten};

/// Characters the report's fonts cannot print (they would appear as empty
/// boxes in the PDF), in the data files and the chapter templates.
pub fn pruefe_zeichen(
    dateien: &BTreeMap<PathBuf, Datei>,
    kapitel: &[crate::templates::Kapitel],
    hat_zeichen: impl Fn(char) -> bool,
) -> Vec<Diagnose> {
    // The fonts are asked once per distinct character (a few hundred),
    // not once per character of the data (a few hundred thousand).
    let mut bekannt: HashMap<char, bool> = HashMap::new();
    let mut fehlt = |c: &char| {
        *bekannt
            .entry(*c)
            .or_insert_with(|| !c.is_control() && !hat_zeichen(*c))
    };
    let mut out = Vec::new();
    for (pfad, datei) in dateien {
        let mut gefunden = Vec::new();
        texte(&datei.baum, &mut Vec::new(), &mut gefunden);
        for (k, feld) in gefunden {
            if let crate::load::Wert::Text(t) = &k.wert
                && let Some(c) = t.chars().find(&mut fehlt)
            {
                out.push(
                    zeichen_fehlt(pfad, c)
                        .an(k.zeile, k.spalte, k.bytes.clone())
                        .feld(feld),
                );
            }
        }
    }
    for k in kapitel {
        let mut start = 0;
        for (i, zeile) in k.text.split_inclusive('\n').enumerate() {
            let kommentar = zeile.trim_start().starts_with("//");
            if !kommentar && let Some((b, c)) = zeile.char_indices().find(|(_, c)| fehlt(c)) {
                let spalte = zeile[..b].chars().count() + 1;
                out.push(zeichen_fehlt(&k.pfad, c).an(
                    i + 1,
                    spalte,
                    start + b..start + b + c.len_utf8(),
                ));
            }
            start += zeile.len();
        }
    }
    out
}

/// A character the report's fonts lack, and what to do.
fn zeichen_fehlt(pfad: &Path, c: char) -> Diagnose {
    Diagnose::neu(
        pfad,
        format!(
            "das Zeichen „{c}“ (U+{:04X}) gibt es in der Schrift des Berichts nicht",
            c as u32
        ),
    )
    .hilfe(
        "Ersetzen Sie es durch ein verwandtes Zeichen (z. B. ≈ statt ≅) oder ergänzen Sie in \
         fonts/ eine Schrift, die es enthält.",
    )
}

/// Every text node of a data file's tree with its field path.
fn texte<'a>(k: &'a Knoten, pfad: &mut Vec<String>, out: &mut Vec<(&'a Knoten, String)>) {
    match &k.wert {
        crate::load::Wert::Text(_) => out.push((k, crate::load::feld_pfad(pfad))),
        crate::load::Wert::Liste(l) => {
            for (i, x) in l.iter().enumerate() {
                pfad.push(i.to_string());
                texte(x, pfad, out);
                pfad.pop();
            }
        }
        crate::load::Wert::Tabelle(m) => {
            for (schluessel, x) in m {
                pfad.push(schluessel.schluessel_text());
                texte(x, pfad, out);
                pfad.pop();
            }
        }
        _ => {}
    }
}
