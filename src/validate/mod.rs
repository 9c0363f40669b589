//! Checks across the files of an edition and against its vocabularies,
//! after each file has passed its schema: unknown vocabulary values (with
//! invisible characters named), fact sheets without a Tabelle-1 row, a
//! Landkreis or fact-sheet file twice, duplicate project names, ids and
//! sources. The checks of one stage live with it: the fonts' characters in
//! `compile::zeichen`, the layout in `compile::layout`, the map and colours
//! in `charts::pruefen`, the figures' definitions in `figures::pruefen`.

pub mod vokabular;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnose, vorschlag};
use crate::load::{Datei, Orter};
use crate::model::{
    Antwort, FELDER, FeldWert, Landkreis, Quelle, Steckbrief, SteckbriefDatei, Vokabular,
    VokabularEintrag,
};

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
    let vokabular_datei = ordner.join("vokabular.yaml");
    out.extend(pruefe_geraetenamen(
        &orter,
        steckbriefe,
        vokabular,
        &vokabular_datei,
    ));
    if let Some(v) = vokabular {
        out.extend(vokabular::pruefe_varianten(v, &vokabular_datei, dateien));
    }
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

/// Names Windows keeps for devices: a file `con.html` cannot exist there,
/// so a project or product page of that name would break the website.
const WINDOWS_GERAETE: &[&str] = &[
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// Whether a page name (an id) is a device name of Windows.
pub fn windows_geraet(kennung: &str) -> bool {
    WINDOWS_GERAETE.contains(&kennung.to_ascii_lowercase().as_str())
}

/// Ids that name a device under Windows (project ids, product ids): each
/// at its place.
fn pruefe_geraetenamen(
    orter: &Orter,
    steckbriefe: &[(PathBuf, SteckbriefDatei)],
    vokabular: Option<&Vokabular>,
    vokabular_datei: &Path,
) -> Vec<Diagnose> {
    let meldung = |id: &str| {
        format!(
            "„{id}“ ist unter Windows ein Gerätename; eine Seite {id}.html der Website ginge dort nicht"
        )
    };
    let hilfe = "Wählen Sie eine andere Kennung, z. B. mit dem Landkreis davor.";
    let mut out = Vec::new();
    for (p, d) in steckbriefe {
        for (i, s) in d.steckbriefe.iter().enumerate() {
            if windows_geraet(&s.id) {
                let schritte = ["steckbriefe", &i.to_string(), "id"];
                out.push(orter.bei(p, &schritte, "id", meldung(&s.id)).hilfe(hilfe));
            }
        }
    }
    for (i, pr) in vokabular
        .map_or(&[][..], |v| &v.produkte)
        .iter()
        .enumerate()
    {
        if windows_geraet(&pr.id) {
            let schritte = ["produkte", &i.to_string(), "id"];
            out.push(
                orter
                    .bei(vokabular_datei, &schritte, "id", meldung(&pr.id))
                    .hilfe(hilfe),
            );
        }
    }
    out
}

/// For each key, the position of the latest earlier entry with the same key.
pub(crate) fn vorige_gleiche<'a>(schluessel: impl Iterator<Item = &'a str>) -> Vec<Option<usize>> {
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
        // A free answer ("Sonstiges", as the survey offers it) is allowed.
        if let (Some(verantwortung), Some(wert)) = (&verantwortung, lk.gesamtverantwortung.wert())
            && !verantwortung.contains(&wert)
        {
            out.push(unbekannter_wert(
                orter,
                lk_datei,
                &["landkreise", &idx, "gesamtverantwortung"],
                "gesamtverantwortung",
                "gesamtverantwortung",
                wert,
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
