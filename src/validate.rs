//! Checks across files and against the vocabularies, after each file has
//! passed its schema: unknown vocabulary values, fact sheets without a
//! Tabelle-1 row, duplicates.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnose, vorschlag};
use crate::load::{Datei, Knoten};
use crate::model::{
    Antwort, FELDER, FeldWert, Landkreis, Quelle, Steckbrief, SteckbriefDatei, Vokabular,
    VokabularEintrag,
};
use crate::projekt::Projektpfade;

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

/// The layout named in `edition.yaml` must be a folder `report/layout/<name>/`
/// with a `bericht.typ`.
/// The status colours of a layout's `gestaltung.yaml` that miss the
/// non-text contrast of WCAG 2.1 (3:1) against what they border.
pub fn pruefe_gestaltung(
    g: &crate::model::Gestaltung,
    datei: &Path,
    dateien: &BTreeMap<PathBuf, Datei>,
) -> Vec<Diagnose> {
    let namen = ["abgeschlossen", "in Umsetzung", "geplant"];
    g.kontrastmaengel()
        .into_iter()
        .map(|(i, nachbar, k)| {
            let schritt = i.to_string();
            Orter { dateien }
                .bei(
                    datei,
                    &["status_farben", &schritt],
                    &format!("status_farben[{i}]"),
                    format!(
                        "die Farbe für „{}“ ({}) hat zu „{nachbar}“ nur einen Kontrast von {} : 1; \
                         Balken brauchen mindestens 3 : 1 (WCAG 2.1, Nicht-Text-Kontrast)",
                        namen[i],
                        g.status_farben[i].0,
                        crate::figures::format::dezimal(k, 2)
                    ),
                )
                .hilfe(
                    "Wählen Sie eine dunklere Farbe oder setzen Sie `trennlinien: true`, dann \
                     grenzt jeder Abschnitt an Weiß.",
                )
        })
        .collect()
}

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

/// The cross-file checks of an edition, on whatever loaded: Tabelle 1, the
/// fact sheets, the sources, in this order.
pub fn pruefe(
    landkreise: Option<&[Landkreis]>,
    steckbriefe: &[(PathBuf, SteckbriefDatei)],
    vokabular: Option<&Vokabular>,
    quellen: &[Quelle],
    dateien: &BTreeMap<PathBuf, Datei>,
    ordner: &Path,
) -> Vec<Diagnose> {
    let orter = Orter { dateien };
    let lk_datei = ordner.join("landkreise.yaml");
    let mut out = pruefe_tabelle(&orter, &lk_datei, landkreise.unwrap_or_default(), vokabular);
    let namen: Option<Vec<&str>> = landkreise.map(|l| l.iter().map(|l| l.name.as_str()).collect());
    out.extend(pruefe_steckbriefe(
        &orter,
        steckbriefe,
        namen.as_deref(),
        vokabular,
    ));
    out.extend(pruefe_quellen(
        &orter,
        &ordner.join("quellen.yaml"),
        quellen,
    ));
    out.extend(pruefe_kennungen(&orter, steckbriefe));
    out
}

/// Every project id is unique within the edition; a second use is reported
/// at its place, naming the first.
fn pruefe_kennungen(orter: &Orter, steckbriefe: &[(PathBuf, SteckbriefDatei)]) -> Vec<Diagnose> {
    let alle: Vec<(&Path, usize, &str)> = steckbriefe
        .iter()
        .flat_map(|(p, d)| {
            d.steckbriefe
                .iter()
                .enumerate()
                .map(move |(i, s)| (p.as_path(), i, s.id.as_str()))
        })
        .collect();
    let doppelt = vorige_gleiche(alle.iter().map(|a| a.2));
    alle.iter()
        .zip(doppelt)
        .filter_map(|(&(datei, i, id), erste)| {
            let (erste_datei, erste_i, _) = alle[erste?];
            let erste_zeile = orter
                .bei(
                    erste_datei,
                    &["steckbriefe", &erste_i.to_string(), "id"],
                    "id",
                    String::new(),
                )
                .zeile;
            Some(
                orter
                    .bei(
                        datei,
                        &["steckbriefe", &i.to_string(), "id"],
                        "id",
                        format!(
                            "die Kennung „{id}“ hat schon das Projekt in {}:{erste_zeile}",
                            erste_datei.display()
                        ),
                    )
                    .hilfe("Jede Kennung darf in einer Ausgabe nur einmal vorkommen."),
            )
        })
        .collect()
}

/// For each key, the position of the latest earlier entry with the same key.
fn vorige_gleiche<'a>(schluessel: impl Iterator<Item = &'a str>) -> Vec<Option<usize>> {
    let mut gesehen: HashMap<&str, usize> = HashMap::new();
    schluessel
        .enumerate()
        .map(|(i, s)| gesehen.insert(s, i))
        .collect()
}

/// Tabelle 1: unique names, known Gesamtverantwortung.
fn pruefe_tabelle(
    orter: &Orter,
    lk_datei: &Path,
    landkreise: &[Landkreis],
    vokabular: Option<&Vokabular>,
) -> Vec<Diagnose> {
    let verantwortung: Option<Vec<&str>> = vokabular.map(|v| werte(&v.gesamtverantwortung));
    let doppelt = vorige_gleiche(landkreise.iter().map(|l| l.name.as_str()));
    let mut out = Vec::new();
    for (i, (lk, erste)) in landkreise.iter().zip(doppelt).enumerate() {
        let idx = i.to_string();
        if let Some(erste) = erste {
            out.push(landkreis_doppelt(orter, lk_datei, i, &lk.name, erste));
        }
        if let Some(verantwortung) = &verantwortung
            && !verantwortung.contains(&lk.gesamtverantwortung.as_str())
        {
            out.push(unbekannter_wert(
                orter,
                lk_datei,
                &["landkreise", &idx, "gesamtverantwortung"],
                "gesamtverantwortung",
                "gesamtverantwortung",
                &lk.gesamtverantwortung,
                verantwortung,
            ));
        }
    }
    out
}

/// Row `i` of Tabelle 1 repeats the name of row `erste`.
fn landkreis_doppelt(
    orter: &Orter,
    lk_datei: &Path,
    i: usize,
    name: &str,
    erste: usize,
) -> Diagnose {
    orter
        .bei(
            lk_datei,
            &["landkreise", &i.to_string(), "name"],
            "name",
            format!("Landkreis „{name}“ steht zweimal in Tabelle 1"),
        )
        .hilfe(format!(
            "Der erste Eintrag ist Nr. {}; löschen Sie einen der beiden.",
            erste + 1
        ))
}

/// The values of a vocabulary list.
fn werte(liste: &[VokabularEintrag]) -> Vec<&str> {
    liste.iter().map(|e| e.wert.as_str()).collect()
}

/// Fact sheets: a Tabelle-1 row for the Landkreis, one file per Landkreis,
/// then the contents of each file.
fn pruefe_steckbriefe(
    orter: &Orter,
    steckbriefe: &[(PathBuf, SteckbriefDatei)],
    namen: Option<&[&str]>,
    vokabular: Option<&Vokabular>,
) -> Vec<Diagnose> {
    let doppelt = vorige_gleiche(steckbriefe.iter().map(|(_, d)| d.landkreis.as_str()));
    let mut out = Vec::new();
    for ((pfad, datei), andere) in steckbriefe.iter().zip(doppelt) {
        if let Some(namen) = namen
            && !namen.contains(&datei.landkreis.as_str())
        {
            out.push(ohne_tabellenzeile(orter, pfad, &datei.landkreis, namen));
        }
        if let Some(andere) = andere {
            let andere = &steckbriefe[andere].0;
            out.push(datei_doppelt(orter, pfad, &datei.landkreis, andere));
        }
        out.extend(pruefe_steckbrief_datei(orter, pfad, datei, vokabular));
    }
    out
}

/// A fact-sheet file whose Landkreis has no row in Tabelle 1.
fn ohne_tabellenzeile(orter: &Orter, pfad: &Path, landkreis: &str, namen: &[&str]) -> Diagnose {
    let d = orter.bei(
        pfad,
        &["landkreis"],
        "landkreis",
        format!("Landkreis „{landkreis}“ hat keine Zeile in Tabelle 1 (landkreise.yaml)"),
    );
    match vorschlag(landkreis, namen.iter().copied()) {
        Some(v) => d.hilfe(format!("meinten Sie „{v}“?")),
        None => d.hilfe("Ergänzen Sie den Landkreis in landkreise.yaml."),
    }
}

/// A second fact-sheet file for the Landkreis of the file `andere`.
fn datei_doppelt(orter: &Orter, pfad: &Path, landkreis: &str, andere: &Path) -> Diagnose {
    orter
        .bei(
            pfad,
            &["landkreis"],
            "landkreis",
            format!(
                "Für „{landkreis}“ gibt es schon die Datei {}",
                andere.display()
            ),
        )
        .hilfe("Führen Sie die Steckbriefe eines Landkreises in einer Datei zusammen.")
}

/// One fact-sheet file: unique project names, values from the vocabularies.
fn pruefe_steckbrief_datei(
    orter: &Orter,
    pfad: &Path,
    datei: &SteckbriefDatei,
    vokabular: Option<&Vokabular>,
) -> Vec<Diagnose> {
    let doppelt = vorige_gleiche(datei.steckbriefe.iter().map(|s| s.projektname.as_str()));
    let mut out = Vec::new();
    for (i, (sb, erste)) in datei.steckbriefe.iter().zip(doppelt).enumerate() {
        if let Some(erste) = erste {
            out.push(steckbrief_doppelt(
                orter,
                pfad,
                i,
                sb,
                &datei.landkreis,
                erste,
            ));
        }
        if let Some(vokabular) = vokabular {
            out.extend(pruefe_vokabularwerte(orter, pfad, i, sb, vokabular));
        }
    }
    out
}

/// Fact sheet `i` repeats the project name of fact sheet `erste`.
fn steckbrief_doppelt(
    orter: &Orter,
    pfad: &Path,
    i: usize,
    sb: &Steckbrief,
    landkreis: &str,
    erste: usize,
) -> Diagnose {
    orter
        .bei(
            pfad,
            &["steckbriefe", &i.to_string(), "projektname"],
            "projektname",
            format!(
                "Steckbrief „{}“ gibt es in {landkreis} zweimal",
                sb.projektname
            ),
        )
        .hilfe(format!(
            "Der erste ist Steckbrief Nr. {}; benennen Sie einen um oder löschen Sie ihn.",
            erste + 1
        ))
}

/// The values of fact sheet `i` in the fields answered from a vocabulary.
fn pruefe_vokabularwerte(
    orter: &Orter,
    pfad: &Path,
    i: usize,
    sb: &Steckbrief,
    vokabular: &Vokabular,
) -> Vec<Diagnose> {
    let idx = i.to_string();
    let mut out = Vec::new();
    for feld in FELDER {
        let Some(vok) = feld.art.vokabular() else {
            continue;
        };
        let erlaubt = werte(vokabular.liste(vok).unwrap_or_default());
        for (a, j) in &antworten(sb, feld.schluessel) {
            if let Antwort::Wert(w) = a
                && !erlaubt.contains(&w.as_str())
            {
                let mut schritte = vec!["steckbriefe", &idx, feld.schluessel];
                schritte.extend(j.as_deref());
                let d = unbekannter_wert(orter, pfad, &schritte, feld.schluessel, vok, w, &erlaubt);
                out.push(d);
            }
        }
    }
    out
}

/// The answers in field `schluessel` of a fact sheet, each with its
/// position in a list answer.
fn antworten<'a>(sb: &'a Steckbrief, schluessel: &str) -> Vec<(&'a Antwort, Option<String>)> {
    match sb.wert(schluessel) {
        Some(FeldWert::Einfach(a)) => vec![(a, None)],
        Some(FeldWert::Mehrfach(liste)) => liste
            .iter()
            .enumerate()
            .map(|(j, a)| (a, Some(j.to_string())))
            .collect(),
        _ => Vec::new(),
    }
}

/// Sources: unique ids.
fn pruefe_quellen(orter: &Orter, datei: &Path, quellen: &[Quelle]) -> Vec<Diagnose> {
    let doppelt = vorige_gleiche(quellen.iter().map(|q| q.id.as_str()));
    quellen
        .iter()
        .zip(doppelt)
        .enumerate()
        .filter(|(_, (_, erste))| erste.is_some())
        .map(|(i, (q, _))| {
            orter.bei(
                datei,
                &["quellen", &i.to_string(), "id"],
                "id",
                format!("Quelle „{}“ ist zweimal vergeben", q.id),
            )
        })
        .collect()
}

/// The figures defined in `kennzahlen.yaml`: each kind has its parameters,
/// fields are choice fields of a fact sheet, answers, columns and products
/// are known, names are unique. Every problem at its place, with a proposal.
pub fn pruefe_definitionen(
    defs: &[crate::model::KennzahlDefinition],
    vokabular: &Vokabular,
    dateien: &BTreeMap<PathBuf, Datei>,
    datei: &Path,
) -> Vec<Diagnose> {
    let orter = Orter { dateien };
    let mut out = Vec::new();
    let doppelt = vorige_gleiche(defs.iter().map(|d| d.name.as_str()));
    for (i, (d, erste)) in defs.iter().zip(doppelt).enumerate() {
        let idx = i.to_string();
        let bei = |feld: &str, m: String| orter.bei(datei, &["kennzahlen", &idx, feld], feld, m);
        if erste.is_some() {
            out.push(bei(
                "name",
                format!("die Kennzahl „{}“ ist zweimal definiert", d.name),
            ));
        }
        for (feld, fehlt) in definitions_parameter(d) {
            out.push(bei(feld, fehlt));
        }
        out.extend(definitions_bezuege(d, vokabular, &bei));
    }
    out
}

/// Answer of a choice field, columns and product of one definition: each
/// must exist, a near miss is proposed.
fn definitions_bezuege(
    d: &crate::model::KennzahlDefinition,
    vokabular: &Vokabular,
    bei: &dyn Fn(&str, String) -> Diagnose,
) -> Vec<Diagnose> {
    let mit_vorschlag =
        |feld: &str, m: String, eingabe: &str, bekannt: &mut dyn Iterator<Item = &str>| {
            match vorschlag(eingabe, bekannt) {
                Some(v) => bei(feld, m).hilfe(format!("meinten Sie „{v}“?")),
                None => bei(feld, m),
            }
        };
    let mut out = Vec::new();
    let paare = [
        (&d.feld, &d.antwort, "feld", "antwort"),
        (
            &d.gruppenfeld,
            &d.gruppenantwort,
            "gruppenfeld",
            "gruppenantwort",
        ),
    ];
    for (feld, antwort, fname, aname) in paare {
        let Some(feld) = feld else { continue };
        let liste = FELDER
            .iter()
            .find(|f| f.schluessel == feld)
            .and_then(|f| f.art.vokabular())
            .and_then(|v| vokabular.liste(v));
        let Some(liste) = liste else {
            let m = format!("„{feld}“ ist kein Auswahlfeld eines Steckbriefs");
            let mut auswahl = FELDER
                .iter()
                .filter(|f| f.art.vokabular().is_some())
                .map(|f| f.schluessel);
            out.push(mit_vorschlag(fname, m, feld, &mut auswahl));
            continue;
        };
        if let Some(a) = antwort {
            let mut namen = liste
                .iter()
                .flat_map(|e| [e.wert.as_str()].into_iter().chain(e.kurz.as_deref()));
            if !liste
                .iter()
                .any(|e| e.wert == *a || e.kurz.as_ref() == Some(a))
            {
                let m = format!("„{a}“ ist keine Antwort im Feld {feld}");
                out.push(mit_vorschlag(aname, m, a, &mut namen));
            }
        }
    }
    let spalten = d
        .spalte
        .iter()
        .chain(d.gegen.iter())
        .chain(d.spalten.iter().flatten());
    let namen = crate::model::tabelle::zahlenspalten();
    for sp in spalten.filter(|sp| !namen.contains(&sp.as_str())) {
        let m = format!("„{sp}“ ist keine Spalte der Tabelle 1");
        let feld = if d.spalte.as_ref() == Some(sp) {
            "spalte"
        } else {
            "spalten"
        };
        out.push(mit_vorschlag(feld, m, sp, &mut namen.iter().copied()));
    }
    if let Some(p) = &d.produkt
        && !vokabular.produkte.iter().any(|x| &x.id == p)
    {
        let m = format!("„{p}“ ist kein Produkt aus vokabular.yaml (produkte)");
        out.push(mit_vorschlag(
            "produkt",
            m,
            p,
            &mut vokabular.produkte.iter().map(|x| x.id.as_str()),
        ));
    }
    out
}

/// The parameters a kind of figure needs and does not have.
fn definitions_parameter(d: &crate::model::KennzahlDefinition) -> Vec<(&'static str, String)> {
    use crate::model::KennzahlArt as A;
    let noetig: &[(&str, bool)] = match d.art {
        A::Anzahl | A::Anteil | A::Rang => {
            &[("feld", d.feld.is_some()), ("antwort", d.antwort.is_some())]
        }
        A::AnteilInGruppe => &[
            ("feld", d.feld.is_some()),
            ("antwort", d.antwort.is_some()),
            ("gruppenfeld", d.gruppenfeld.is_some()),
            ("gruppenantwort", d.gruppenantwort.is_some()),
        ],
        A::Nennungen | A::Landkreise => &[("produkt", d.produkt.is_some())],
        A::Ausgabe => &[(
            "angabe",
            matches!(
                d.angabe.as_deref(),
                Some("landkreise_niedersachsen" | "sitzungen")
            ),
        )],
        A::Zeilen | A::Steckbriefe => &[],
        A::Summe | A::Mittel | A::SpanneUnterMittel => &[("spalte", d.spalte.is_some())],
        A::Korrelation => &[
            ("spalten", d.spalten.is_some()),
            ("gegen", d.gegen.is_some()),
        ],
        A::Quotient => &[
            ("zaehler", d.zaehler.is_some()),
            ("nenner", d.nenner.is_some()),
        ],
    };
    noetig
        .iter()
        .filter(|(_, da)| !da)
        .map(|(f, _)| {
            let art = serde_json::to_value(d.art).unwrap_or_default();
            (*f, format!("die Art {art} braucht „{f}“"))
        })
        .collect()
}
