//! Loading an edition from `data/<id>/`: YAML with resource limits, a spanned
//! tree for locations, the JSON Schema of each file for structure, then serde.
//! Every problem of a run is collected; nothing stops at the first one.

mod schema_check;
pub mod tree;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

use crate::diagnostics::Diagnose;
use crate::model::{
    Abweichungen, Edition, EditionMeta, Glossar, Landkreise, Quellen, SteckbriefDatei, Vokabular,
};
use crate::validate;
pub use schema_check::feld_pfad;
pub use tree::{Knoten, Wert};

/// Largest data file accepted (the largest 2025 file is ~60 KB).
pub const MAX_DATEIGROESSE: usize = 2 * 1024 * 1024;

/// A loaded data file: its spanned tree (its text is in [`Quelltexte`]).
#[derive(Debug, Clone)]
pub struct Datei {
    /// Relative to the project root.
    pub pfad: PathBuf,
    pub baum: Knoten,
}

/// The sources read in a run, for rendering diagnostics with their lines.
#[derive(Debug, Default, Clone)]
pub struct Quelltexte {
    texte: BTreeMap<PathBuf, String>,
}

impl Quelltexte {
    pub fn merken(&mut self, pfad: &Path, text: &str) {
        self.texte.insert(pfad.to_path_buf(), text.to_owned());
    }
    pub fn text(&self, pfad: &Path) -> Option<String> {
        self.texte.get(pfad).cloned()
    }
}

/// Everything loaded for an edition, with the parsed files kept for locating
/// problems that later stages find.
pub struct Geladen {
    pub edition: Edition,
    pub dateien: BTreeMap<PathBuf, Datei>,
    pub texte: Quelltexte,
}

/// The editions in `data/`: every folder with an `edition.yaml`, sorted.
pub fn editionen(wurzel: &Path) -> Vec<String> {
    let mut ids: Vec<String> = fs::read_dir(wurzel.join("data"))
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.path().join("edition.yaml").is_file())
        .filter_map(|e| e.file_name().into_string().ok())
        .collect();
    ids.sort();
    ids
}

/// Reads a data file as UTF-8 text, within the size limit.
pub fn lese_text(wurzel: &Path, relativ: &Path) -> Result<String, Diagnose> {
    let voll = wurzel.join(relativ);
    let bytes = fs::read(&voll).map_err(|e| {
        Diagnose::neu(relativ, format!("Datei kann nicht gelesen werden: {e}"))
            .hilfe("Prüfen Sie, ob die Datei existiert und lesbar ist.")
    })?;
    if bytes.len() > MAX_DATEIGROESSE {
        return Err(Diagnose::neu(
            relativ,
            format!(
                "Datei ist mit {} KB zu groß (höchstens {} KB)",
                bytes.len() / 1024,
                MAX_DATEIGROESSE / 1024
            ),
        )
        .hilfe("Teilen Sie die Daten auf mehrere Dateien auf."));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        Diagnose::neu(
            relativ,
            format!(
                "Datei ist nicht UTF-8-kodiert (Byte {})",
                e.utf8_error().valid_up_to()
            ),
        )
        .hilfe("Speichern Sie die Datei im Editor mit der Kodierung UTF-8.")
    })?;
    Ok(text)
}

/// Limits against pathological input: deep nesting and alias bombs are
/// refused after a bounded amount of work.
fn optionen() -> serde_saphyr::Options {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_depth = 24;
    budget.max_aliases = 200;
    budget.max_anchors = 200;
    budget.max_nodes = 200_000;
    budget.max_events = 400_000;
    serde_saphyr::options! {
        budget: Some(budget),
        duplicate_keys: serde_saphyr::DuplicateKeyPolicy::Error,
        strict_booleans: true,
    }
}

pub fn parse_yaml(relativ: &Path, text: &str) -> Result<Knoten, Diagnose> {
    serde_saphyr::from_str_with_options::<Knoten>(text, optionen()).map_err(|e| {
        let (meldung, hilfe) = yaml_fehler_text(&e);
        let mut d = Diagnose::neu(relativ, meldung).hilfe(hilfe);
        if let Some(ort) = e.location() {
            let zeile = ort.line() as usize;
            let spalte = ort.column() as usize;
            let start = crate::diagnostics::offset_von(text, zeile, spalte);
            let ende = text[start..]
                .chars()
                .next()
                .map_or(start, |c| start + c.len_utf8());
            d = d.an(zeile, spalte, start..ende);
        }
        d
    })
}

/// The YAML parser's message in German where we know it, with the original
/// for experts; unknown messages stay as they are.
fn yaml_fehler_deutsch(englisch: &str) -> String {
    const BEKANNT: &[(&str, &str)] = &[
        (
            "unclosed bracket",
            "eine geöffnete Klammer wird nicht geschlossen",
        ),
        (
            "mapping values are not allowed",
            "„: “ ist hier nicht erlaubt (Text mit Doppelpunkt in Anführungszeichen setzen)",
        ),
        (
            "did not find expected key",
            "hier wird ein Schlüssel erwartet (Einrückung prüfen)",
        ),
        (
            "could not find expected ':'",
            "nach dem Schlüssel fehlt der Doppelpunkt",
        ),
        (
            "did not find expected '-'",
            "hier wird ein Listeneintrag „- “ erwartet (Einrückung prüfen)",
        ),
        (
            "cannot start any token",
            "mit diesem Zeichen darf kein Wert beginnen (z. B. Tabulator, @ oder `)",
        ),
        (
            "trailing content after",
            "nach dem schließenden Anführungszeichen steht noch Text",
        ),
        (
            "unexpected end of stream",
            "die Datei endet unerwartet (Anführungszeichen oder Klammer nicht geschlossen?)",
        ),
        (
            "unclosed quoted",
            "ein Anführungszeichen wird nicht geschlossen",
        ),
        (
            "tab",
            "Tabulatoren sind zur Einrückung nicht erlaubt, nur Leerzeichen",
        ),
    ];
    crate::diagnostics::auf_deutsch(englisch, BEKANNT, "Parser")
}

fn yaml_fehler_text(e: &serde_saphyr::Error) -> (String, String) {
    use serde_saphyr::Error as E;
    let roh = e.without_snippet().to_string();
    let erste = roh.lines().next().unwrap_or_default().to_owned();
    let budget = [
        "budget",
        "Budget",
        "recursion limit",
        "depth",
        "limit exceeded",
    ]
    .iter()
    .any(|w| erste.contains(w));
    let alias = erste.contains("alias") || erste.contains("Alias");
    match e {
        _ if budget
            || alias
            || matches!(
                e,
                E::AliasReplayLimitExceeded { .. } | E::AliasExpansionLimitExceeded { .. }
            ) =>
        {
            (
                format!("YAML-Datei überschreitet die Verarbeitungsgrenzen ({erste})"),
                "Die Datei ist zu tief verschachtelt oder nutzt zu viele Anker/Aliase (&/*). \
             Schreiben Sie die Werte direkt aus."
                    .into(),
            )
        }
        _ if erste.contains("duplicate") => (
            format!("Schlüssel doppelt vorhanden ({erste})"),
            "Jeder Schlüssel darf in einem Abschnitt nur einmal vorkommen; löschen oder \
             benennen Sie den zweiten."
                .into(),
        ),
        _ => (
            format!("YAML-Syntaxfehler: {}", yaml_fehler_deutsch(&erste)),
            "Prüfen Sie Einrückung (nur Leerzeichen), Doppelpunkte nach Schlüsseln und \
             Anführungszeichen um Texte mit „: “ oder „#“."
                .into(),
        ),
    }
}

/// Loads one file of type `T`: YAML, schema check, serde. All structural
/// problems of the file are returned together. The file's text is kept in
/// `texte` (also when it does not parse), its tree in `dateien`.
pub fn lade_datei<T: DeserializeOwned + schemars::JsonSchema>(
    wurzel: &Path,
    relativ: &Path,
    dateien: &mut BTreeMap<PathBuf, Datei>,
    texte: &mut Quelltexte,
) -> Result<T, Vec<Diagnose>> {
    let text = lese_text(wurzel, relativ).map_err(|d| vec![d])?;
    texte.merken(relativ, &text);
    let baum = parse_yaml(relativ, &text).map_err(|d| vec![d])?;
    let datei = Datei {
        pfad: relativ.to_path_buf(),
        baum,
    };
    let json = datei.baum.als_json();
    let probleme = schema_check::pruefe::<T>(&datei, &json);
    let ergebnis = if probleme.is_empty() {
        serde_json::from_value::<T>(json)
            .map_err(|e| vec![Diagnose::neu(relativ, format!("Wert ungültig: {e}"))])
    } else {
        Err(probleme)
    };
    dateien.insert(relativ.to_path_buf(), datei);
    ergebnis
}

/// Keeps a loaded value, or collects its problems.
fn sammle<T>(fehler: &mut Vec<Diagnose>, r: Result<T, Vec<Diagnose>>) -> Option<T> {
    match r {
        Ok(v) => Some(v),
        Err(d) => {
            fehler.extend(d);
            None
        }
    }
}

/// Loads and validates the edition `id`. On failure, every problem found.
pub fn lade_edition(wurzel: &Path, id: &str) -> Result<Geladen, (Vec<Diagnose>, Quelltexte)> {
    let ordner = PathBuf::from("data").join(id);
    let mut dateien = BTreeMap::new();
    let mut texte = Quelltexte::default();
    let mut fehler: Vec<Diagnose> = Vec::new();

    if !wurzel.join(&ordner).join("edition.yaml").is_file() {
        let bekannt = editionen(wurzel);
        let mut d = Diagnose::neu(&ordner, format!("Ausgabe „{id}“ gibt es nicht"));
        d = match crate::diagnostics::vorschlag(id, bekannt.iter().map(String::as_str)) {
            Some(v) => d.hilfe(format!("meinten Sie „{v}“?")),
            None => d.hilfe(format!("Vorhandene Ausgaben: {}", bekannt.join(", "))),
        };
        return Err((vec![d], Quelltexte::default()));
    }

    let meta: Option<EditionMeta> = sammle(
        &mut fehler,
        lade_datei(
            wurzel,
            &ordner.join("edition.yaml"),
            &mut dateien,
            &mut texte,
        ),
    );
    let landkreise: Option<Landkreise> = sammle(
        &mut fehler,
        lade_datei(
            wurzel,
            &ordner.join("landkreise.yaml"),
            &mut dateien,
            &mut texte,
        ),
    );
    let vokabular: Option<Vokabular> = sammle(
        &mut fehler,
        lade_datei(
            wurzel,
            &ordner.join("vokabular.yaml"),
            &mut dateien,
            &mut texte,
        ),
    );
    let quellen: Option<Quellen> = sammle(
        &mut fehler,
        lade_datei(
            wurzel,
            &ordner.join("quellen.yaml"),
            &mut dateien,
            &mut texte,
        ),
    );
    let glossar: Option<Glossar> = sammle(
        &mut fehler,
        lade_datei(
            wurzel,
            &ordner.join("glossar.yaml"),
            &mut dateien,
            &mut texte,
        ),
    );
    let abweichungen: Option<Abweichungen> =
        if wurzel.join(&ordner).join("abweichungen.yaml").is_file() {
            sammle(
                &mut fehler,
                lade_datei(
                    wurzel,
                    &ordner.join("abweichungen.yaml"),
                    &mut dateien,
                    &mut texte,
                ),
            )
        } else {
            Some(Abweichungen {
                abweichungen: Vec::new(),
            })
        };

    let mut steckbriefe = Vec::new();
    let sb_ordner = ordner.join("steckbriefe");
    let mut namen: Vec<PathBuf> = fs::read_dir(wurzel.join(&sb_ordner))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml" || e == "yml"))
        .filter_map(|p| p.file_name().map(|n| sb_ordner.join(n)))
        .collect();
    namen.sort();
    for relativ in namen {
        if let Some(d) = sammle(
            &mut fehler,
            lade_datei::<SteckbriefDatei>(wurzel, &relativ, &mut dateien, &mut texte),
        ) {
            steckbriefe.push((relativ, d));
        }
    }

    // Cross-file checks run on whatever loaded, so that one run shows all.
    fehler.extend(validate::pruefe(
        landkreise.as_ref().map(|l| l.landkreise.as_slice()),
        &steckbriefe,
        vokabular.as_ref(),
        quellen
            .as_ref()
            .map(|q| q.quellen.as_slice())
            .unwrap_or_default(),
        &dateien,
        &ordner,
    ));

    let (Some(meta), Some(landkreise), Some(vokabular), Some(quellen), Some(glossar), Some(abw)) =
        (meta, landkreise, vokabular, quellen, glossar, abweichungen)
    else {
        fehler.sort_by(|a, b| (&a.datei, a.zeile).cmp(&(&b.datei, b.zeile)));
        return Err((fehler, texte));
    };

    // Report order: the order of Tabelle 1, whatever the file names.
    steckbriefe.sort_by_key(|(_, d)| {
        landkreise
            .landkreise
            .iter()
            .position(|l| l.name == d.landkreis)
            .unwrap_or(usize::MAX)
    });

    if !fehler.is_empty() {
        fehler.sort_by(|a, b| (&a.datei, a.zeile).cmp(&(&b.datei, b.zeile)));
        return Err((fehler, texte));
    }
    Ok(Geladen {
        edition: Edition {
            id: id.to_owned(),
            meta,
            landkreise: landkreise.landkreise,
            steckbriefe: steckbriefe.into_iter().map(|(_, d)| d).collect(),
            vokabular,
            quellen: quellen.quellen,
            glossar: glossar.glossar,
            abweichungen: abw.abweichungen,
        },
        dateien,
        texte,
    })
}

impl Geladen {
    /// The texts of the data files, for rendering diagnostics.
    pub fn quelltexte(&self) -> Quelltexte {
        self.texte.clone()
    }
}
