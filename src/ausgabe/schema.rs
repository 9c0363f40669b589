//! JSON Schemas of the data files (and of the layout contract,
//! [`crate::vertrag`]), generated from the Rust types, so that
//! editors get completion and checks in VS Code (YAML extension).
//!
//! - `data/schema/*.schema.json`: one per kind of data file, from the types;
//! - `data/<ausgabe>/schema/*.schema.json`: the same for fact sheets and
//!   Tabelle 1 with the edition's vocabulary as the allowed values, so that
//!   the editor also completes `projektstatus: Gepl…`.

use std::path::{Path, PathBuf};

use schemars::JsonSchema;
use serde_json::{Value, json};

use crate::model::{
    Abweichungen, EditionMeta, FELDER, Freigaben, Glossar, KennzahlenDatei, Landkreise, Quellen,
    SteckbriefDatei, Vokabular,
};
use crate::projekt::Projektpfade;

fn schema<T: JsonSchema>() -> Value {
    serde_json::to_value(schemars::schema_for!(T)).unwrap_or_default()
}

/// (file name under `data/schema/`, schema) for every kind of data file.
pub fn alle() -> Vec<(&'static str, Value)> {
    vec![
        ("edition.schema.json", schema::<EditionMeta>()),
        ("landkreise.schema.json", schema::<Landkreise>()),
        ("steckbriefe.schema.json", schema::<SteckbriefDatei>()),
        ("vokabular.schema.json", schema::<Vokabular>()),
        ("quellen.schema.json", schema::<Quellen>()),
        ("glossar.schema.json", schema::<Glossar>()),
        ("abweichungen.schema.json", schema::<Abweichungen>()),
        ("freigaben.schema.json", schema::<Freigaben>()),
        ("kennzahlen.schema.json", schema::<KennzahlenDatei>()),
        (
            "umfrage.schema.json",
            schema::<crate::umfrage::zuordnung::Zuordnung>(),
        ),
        (
            "angaben.schema.json",
            schema::<crate::model::Websiteangaben>(),
        ),
    ]
}

fn als_text(v: &Value) -> String {
    let mut text = serde_json::to_string_pretty(v).unwrap_or_default();
    text.push('\n');
    text
}

/// The generic schema files as they should be on disk (pretty JSON).
pub fn dateien() -> Vec<(&'static str, String)> {
    alle().into_iter().map(|(n, v)| (n, als_text(&v))).collect()
}

/// Points every `$ref` to `alt` inside `v` at `neu`.
fn ref_ersetzen(v: &mut Value, alt: &str, neu: &str) {
    match v {
        Value::Object(o) => {
            if o.get("$ref").and_then(Value::as_str) == Some(alt) {
                o.insert("$ref".into(), Value::String(neu.into()));
            }
            o.values_mut().for_each(|x| ref_ersetzen(x, alt, neu));
        }
        Value::Array(a) => a.iter_mut().for_each(|x| ref_ersetzen(x, alt, neu)),
        _ => {}
    }
}

fn werte(vokabular: &Vokabular, name: &str) -> Value {
    json!(
        vokabular
            .liste(name)
            .unwrap_or_default()
            .iter()
            .map(|e| e.wert.as_str())
            .collect::<Vec<_>>()
    )
}

/// The fact-sheet and Tabelle-1 schemas of an edition, with its vocabulary.
pub fn mit_vokabular(vokabular: &Vokabular) -> Vec<(&'static str, Value)> {
    let mut sb = schema::<SteckbriefDatei>();
    let antwort = sb["$defs"]["Antwort"].clone();
    for feld in FELDER {
        let Some(vok) = feld.art.vokabular() else {
            continue;
        };
        let mut def = antwort.clone();
        if let Some(alternativen) = def["anyOf"].as_array_mut() {
            for alt in alternativen {
                if alt["type"] == "string" {
                    alt["enum"] = werte(vokabular, vok);
                }
            }
        }
        def["description"] = Value::String(format!(
            "Ein Wert aus dem Vokabular `{vok}` (vokabular.yaml) oder {{sonstiges: \"…\"}}."
        ));
        let name = format!("Antwort_{vok}");
        sb["$defs"][&name] = def;
        ref_ersetzen(
            &mut sb["$defs"]["Steckbrief"]["properties"][feld.schluessel],
            "#/$defs/Antwort",
            &format!("#/$defs/{name}"),
        );
    }
    let mut lk = schema::<Landkreise>();
    let mut def = lk["$defs"]["Antwort"].clone();
    if let Some(alternativen) = def["anyOf"].as_array_mut() {
        for alt in alternativen.iter_mut().filter(|a| a["type"] == "string") {
            alt["enum"] = werte(vokabular, "gesamtverantwortung");
        }
    }
    lk["$defs"]["Antwort_gesamtverantwortung"] = def;
    ref_ersetzen(
        &mut lk["$defs"]["Landkreis"]["properties"]["gesamtverantwortung"],
        "#/$defs/Antwort",
        "#/$defs/Antwort_gesamtverantwortung",
    );
    vec![
        ("steckbriefe.schema.json", sb),
        ("landkreise.schema.json", lk),
    ]
}

/// The edition's schema files (path relative to the project, text).
pub fn editions_dateien(id: &str, vokabular: &Vokabular) -> Vec<(PathBuf, String)> {
    let ordner = Projektpfade::ausgabe_schemas(id);
    mit_vokabular(vokabular)
        .into_iter()
        .map(|(n, v)| (ordner.join(n), als_text(&v)))
        .collect()
}

/// The edition schema files that differ from what the vocabulary gives.
pub fn veraltet(wurzel: &Path, id: &str, vokabular: &Vokabular) -> Vec<PathBuf> {
    editions_dateien(id, vokabular)
        .into_iter()
        .filter(|(p, text)| {
            crate::projekt::lese_text(wurzel, p, crate::projekt::MAX_DATEN)
                .ok()
                .as_deref()
                != Some(text)
        })
        .map(|(p, _)| p)
        .collect()
}

/// Writes the generic schemas, the layout contract's and, for each edition whose vocabulary loads,
/// its vocabulary schemas; returns the paths written.
pub fn schreiben(wurzel: &Path) -> Result<Vec<PathBuf>, crate::projekt::Schreibfehler> {
    let mut geschrieben = Vec::new();
    let mut alle: Vec<(PathBuf, String)> = dateien()
        .into_iter()
        .map(|(name, text)| (Projektpfade::schemas().join(name), text))
        .collect();
    alle.push((
        PathBuf::from(crate::vertrag::SCHEMA_DATEI),
        crate::vertrag::schema_text(),
    ));
    for (p, text) in alle {
        if crate::projekt::im_projekt_schreiben(wurzel, &p, &text)? {
            geschrieben.push(p);
        }
    }
    for id in crate::load::editionen(wurzel) {
        let relativ = Projektpfade::ausgabedatei(&id, "vokabular.yaml");
        let mut dateien = std::collections::BTreeMap::new();
        let mut texte = crate::load::Quelltexte::default();
        let Ok(vokabular) =
            crate::load::lade_datei::<Vokabular>(wurzel, &relativ, &mut dateien, &mut texte)
        else {
            continue;
        };
        for (p, text) in editions_dateien(&id, &vokabular) {
            if crate::projekt::im_projekt_schreiben(wurzel, &p, &text)? {
                geschrieben.push(p);
            }
        }
    }
    Ok(geschrieben)
}
