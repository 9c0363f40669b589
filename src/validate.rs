//! Checks across files and against the vocabularies, after each file has
//! passed its schema: unknown vocabulary values, fact sheets without a
//! Tabelle-1 row, duplicates.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnose, vorschlag};
use crate::load::{Datei, Knoten};
use crate::model::{Antwort, FELDER, FeldArt, Landkreis, Quelle, SteckbriefDatei, Vokabular};

struct Orter<'a> {
    dateien: &'a BTreeMap<PathBuf, Datei>,
}

impl Orter<'_> {
    /// A diagnostic at the node `schritte` of `datei` (or the file itself).
    fn bei(&self, datei: &Path, schritte: &[&str], feld: &str, meldung: String) -> Diagnose {
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

fn unbekannter_wert(
    orter: &Orter,
    datei: &Path,
    schritte: &[&str],
    feld: &str,
    vokabular_name: &str,
    wert: &str,
    erlaubt: &[&str],
) -> Diagnose {
    let d = orter.bei(
        datei,
        schritte,
        feld,
        format!(
            "„{wert}“ steht nicht im Vokabular „{vokabular_name}“{}",
            unsichtbar(wert)
        ),
    );
    match vorschlag(wert, erlaubt.iter().copied()) {
        Some(v) => d.hilfe(format!(
            "meinten Sie „{v}“? Eine freie Antwort schreiben Sie als {{sonstiges: \"…\"}}; \
             eine neue Antwortoption ergänzen Sie in vokabular.yaml."
        )),
        None => d.hilfe(
            "Eine freie Antwort schreiben Sie als {sonstiges: \"…\"}; eine neue \
             Antwortoption ergänzen Sie in vokabular.yaml.",
        ),
    }
}

/// Names the first invisible or unusual space in a value, which makes it
/// look like a known value although it is not: ", enthält U+00A0 …".
pub fn unsichtbar(wert: &str) -> String {
    let name = |c: char| match c {
        '\u{a0}' => Some("geschütztes Leerzeichen"),
        '\u{202f}' => Some("schmales geschütztes Leerzeichen"),
        '\u{2009}' => Some("schmales Leerzeichen"),
        '\u{200b}' => Some("unsichtbares Leerzeichen"),
        '\u{200c}' | '\u{200d}' => Some("unsichtbarer Verbinder"),
        '\u{feff}' => Some("unsichtbares BOM-Zeichen"),
        '\u{ad}' => Some("weiches Trennzeichen"),
        '\t' => Some("Tabulator"),
        _ => None,
    };
    wert.chars()
        .enumerate()
        .find_map(|(i, c)| name(c).map(|n| (i, c, n)))
        .map_or(String::new(), |(i, c, n)| {
            format!(
                " – er enthält an Stelle {} ein unsichtbares Zeichen: U+{:04X} ({n}); \
                 ersetzen Sie es durch ein normales Leerzeichen",
                i + 1,
                c as u32
            )
        })
}

/// Characters the report's fonts cannot print (they would appear as empty
/// boxes in the PDF), in the data files and the chapter templates.
pub fn pruefe_zeichen(
    dateien: &BTreeMap<PathBuf, Datei>,
    kapitel: &[crate::templates::Kapitel],
    hat_zeichen: impl Fn(char) -> bool,
) -> Vec<Diagnose> {
    let fehlt = |c: &char| !c.is_control() && !hat_zeichen(*c);
    let meldung = |c: char| {
        format!(
            "das Zeichen „{c}“ (U+{:04X}) gibt es in der Schrift des Berichts nicht",
            c as u32
        )
    };
    let hilfe = "Ersetzen Sie es durch ein verwandtes Zeichen (z. B. ≈ statt ≅) oder ergänzen Sie \
                 in fonts/ eine Schrift, die es enthält.";
    let mut out = Vec::new();
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
    for (pfad, datei) in dateien {
        let mut gefunden = Vec::new();
        texte(&datei.baum, &mut Vec::new(), &mut gefunden);
        for (k, feld) in gefunden {
            if let crate::load::Wert::Text(t) = &k.wert
                && let Some(c) = t.chars().find(fehlt)
            {
                out.push(
                    Diagnose::neu(pfad, meldung(c))
                        .an(k.zeile, k.spalte, k.bytes.clone())
                        .feld(feld)
                        .hilfe(hilfe),
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
                out.push(
                    Diagnose::neu(&k.pfad, meldung(c))
                        .an(i + 1, spalte, start + b..start + b + c.len_utf8())
                        .hilfe(hilfe),
                );
            }
            start += zeile.len();
        }
    }
    out
}

/// Every Landkreis of Tabelle 1 must be a district on the map (a Landkreis or
/// the Region, by name); otherwise Abbildung 1 would silently leave it out.
pub fn pruefe_kartenbezug(
    landkreise: &[Landkreis],
    kartennamen: &[&str],
    dateien: &BTreeMap<PathBuf, Datei>,
    ordner: &Path,
) -> Vec<Diagnose> {
    let orter = Orter { dateien };
    let datei = ordner.join("landkreise.yaml");
    landkreise
        .iter()
        .enumerate()
        .filter(|(_, l)| !kartennamen.contains(&l.name.as_str()))
        .map(|(i, l)| {
            let d = orter.bei(
                &datei,
                &["landkreise", &i.to_string(), "name"],
                "name",
                format!("„{}“ ist kein Landkreis der Karte Niedersachsens", l.name),
            );
            match vorschlag(&l.name, kartennamen.iter().copied()) {
                Some(v) => d.hilfe(format!("meinten Sie „{v}“?")),
                None => {
                    d.hilfe("Der Name muss wie in data/geo/niedersachsen-kreise.geojson lauten.")
                }
            }
        })
        .collect()
}

pub fn pruefe(
    landkreise: Option<&[Landkreis]>,
    steckbriefe: &[(PathBuf, SteckbriefDatei)],
    vokabular: Option<&Vokabular>,
    quellen: &[Quelle],
    dateien: &BTreeMap<PathBuf, Datei>,
    ordner: &Path,
) -> Vec<Diagnose> {
    let orter = Orter { dateien };
    let mut out = Vec::new();
    let lk_datei = ordner.join("landkreise.yaml");

    // Tabelle 1: unique names, known Gesamtverantwortung.
    let mut gesehen: HashMap<&str, usize> = HashMap::new();
    let verantwortung: Option<Vec<&str>> = vokabular.map(|v| {
        v.gesamtverantwortung
            .iter()
            .map(|e| e.wert.as_str())
            .collect()
    });
    for (i, lk) in landkreise.unwrap_or_default().iter().enumerate() {
        let idx = i.to_string();
        if let Some(erste) = gesehen.insert(lk.name.as_str(), i) {
            out.push(
                orter
                    .bei(
                        &lk_datei,
                        &["landkreise", &idx, "name"],
                        "name",
                        format!("Landkreis „{}“ steht zweimal in Tabelle 1", lk.name),
                    )
                    .hilfe(format!(
                        "Der erste Eintrag ist Nr. {}; löschen Sie einen der beiden.",
                        erste + 1
                    )),
            );
        }
        if let Some(verantwortung) = &verantwortung
            && !verantwortung.contains(&lk.gesamtverantwortung.as_str())
        {
            out.push(unbekannter_wert(
                &orter,
                &lk_datei,
                &["landkreise", &idx, "gesamtverantwortung"],
                "gesamtverantwortung",
                "gesamtverantwortung",
                &lk.gesamtverantwortung,
                verantwortung,
            ));
        }
    }

    // Fact sheets: a Tabelle-1 row for the Landkreis, one file per Landkreis,
    // unique names per Landkreis, values from the vocabularies.
    let namen: Option<Vec<&str>> = landkreise.map(|l| l.iter().map(|l| l.name.as_str()).collect());
    let mut dateien_je_lk: HashMap<&str, &Path> = HashMap::new();
    for (pfad, datei) in steckbriefe {
        if let Some(namen) = &namen
            && !namen.contains(&datei.landkreis.as_str())
        {
            let d = orter.bei(
                pfad,
                &["landkreis"],
                "landkreis",
                format!(
                    "Landkreis „{}“ hat keine Zeile in Tabelle 1 (landkreise.yaml)",
                    datei.landkreis
                ),
            );
            out.push(match vorschlag(&datei.landkreis, namen.iter().copied()) {
                Some(v) => d.hilfe(format!("meinten Sie „{v}“?")),
                None => d.hilfe("Ergänzen Sie den Landkreis in landkreise.yaml."),
            });
        }
        if let Some(andere) = dateien_je_lk.insert(datei.landkreis.as_str(), pfad) {
            out.push(
                orter
                    .bei(
                        pfad,
                        &["landkreis"],
                        "landkreis",
                        format!(
                            "Für „{}“ gibt es schon die Datei {}",
                            datei.landkreis,
                            andere.display()
                        ),
                    )
                    .hilfe("Führen Sie die Steckbriefe eines Landkreises in einer Datei zusammen."),
            );
        }
        let mut projektnamen: HashMap<&str, usize> = HashMap::new();
        for (i, sb) in datei.steckbriefe.iter().enumerate() {
            let idx = i.to_string();
            if let Some(erste) = projektnamen.insert(sb.projektname.as_str(), i) {
                out.push(
                    orter
                        .bei(
                            pfad,
                            &["steckbriefe", &idx, "projektname"],
                            "projektname",
                            format!(
                                "Steckbrief „{}“ gibt es in {} zweimal",
                                sb.projektname, datei.landkreis
                            ),
                        )
                        .hilfe(format!(
                            "Der erste ist Steckbrief Nr. {}; benennen Sie einen um oder löschen Sie ihn.",
                            erste + 1
                        )),
                );
            }
            let Some(vokabular) = vokabular else { continue };
            for feld in FELDER {
                let (FeldArt::Einfach(vok) | FeldArt::Mehrfach(vok)) = feld.art else {
                    continue;
                };
                let erlaubt: Vec<&str> = vokabular
                    .liste(vok)
                    .unwrap_or_default()
                    .iter()
                    .map(|e| e.wert.as_str())
                    .collect();
                let mut pruefe_wert = |a: &Antwort, schritte: &[&str]| {
                    if let Antwort::Wert(w) = a
                        && !erlaubt.contains(&w.as_str())
                    {
                        out.push(unbekannter_wert(
                            &orter,
                            pfad,
                            schritte,
                            feld.schluessel,
                            vok,
                            w,
                            &erlaubt,
                        ));
                    }
                };
                match sb.wert(feld.schluessel) {
                    Some(crate::model::FeldWert::Einfach(a)) => {
                        pruefe_wert(a, &["steckbriefe", &idx, feld.schluessel]);
                    }
                    Some(crate::model::FeldWert::Mehrfach(liste)) => {
                        for (j, a) in liste.iter().enumerate() {
                            let j = j.to_string();
                            pruefe_wert(a, &["steckbriefe", &idx, feld.schluessel, &j]);
                        }
                    }
                    _ => {}
                }
            }
        }
    }

    // Sources: unique ids.
    let mut ids: HashMap<&str, usize> = HashMap::new();
    for (i, q) in quellen.iter().enumerate() {
        if ids.insert(q.id.as_str(), i).is_some() {
            out.push(orter.bei(
                &ordner.join("quellen.yaml"),
                &["quellen", &i.to_string(), "id"],
                "id",
                format!("Quelle „{}“ ist zweimal vergeben", q.id),
            ));
        }
    }
    out
}
