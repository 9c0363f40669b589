//! JSON Schemas of the data files, generated from the Rust types, so that
//! editors get completion and checks in VS Code (YAML extension).

use std::path::Path;

use schemars::JsonSchema;

use crate::model::{
    Abweichungen, EditionMeta, Glossar, Landkreise, Quellen, SteckbriefDatei, Vokabular,
};

/// (file name under `data/schema/`, schema) for every kind of data file.
pub fn alle() -> Vec<(&'static str, serde_json::Value)> {
    fn s<T: JsonSchema>() -> serde_json::Value {
        serde_json::to_value(schemars::schema_for!(T)).unwrap_or_default()
    }
    vec![
        ("edition.schema.json", s::<EditionMeta>()),
        ("landkreise.schema.json", s::<Landkreise>()),
        ("steckbriefe.schema.json", s::<SteckbriefDatei>()),
        ("vokabular.schema.json", s::<Vokabular>()),
        ("quellen.schema.json", s::<Quellen>()),
        ("glossar.schema.json", s::<Glossar>()),
        ("abweichungen.schema.json", s::<Abweichungen>()),
    ]
}

/// The schema files as they should be on disk (pretty JSON, final newline).
pub fn dateien() -> Vec<(&'static str, String)> {
    alle()
        .into_iter()
        .map(|(name, v)| {
            let mut text = serde_json::to_string_pretty(&v).unwrap_or_default();
            text.push('\n');
            (name, text)
        })
        .collect()
}

/// Writes the schemas into `data/schema/`; returns the names of changed files.
pub fn schreiben(wurzel: &Path) -> std::io::Result<Vec<&'static str>> {
    let ordner = wurzel.join("data").join("schema");
    std::fs::create_dir_all(&ordner)?;
    let mut geaendert = Vec::new();
    for (name, text) in dateien() {
        let pfad = ordner.join(name);
        if std::fs::read_to_string(&pfad).ok().as_deref() != Some(text.as_str()) {
            std::fs::write(&pfad, text)?;
            geaendert.push(name);
        }
    }
    Ok(geaendert)
}
