//! `daten/algorithmenregister.json`: every project as an entry of a public
//! algorithm register, in the fields of the Algorithmic Transparency
//! Recording Standard (ATRS, Tier 1 and 2; schema and its origin in
//! `tools/register/`). Each field of the standard is filled from one field of
//! the fact sheet (or from the Landkreis), or left out; every entry is checked
//! against the standard's schema, and what the data lack is said per field.

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};

use crate::model::{Edition, FeldWert, Steckbrief};

/// Where the register lies in the site.
pub const DATEI: &str = "daten/algorithmenregister.json";

/// The standard's schema (JSON Schema 2020-12, see `tools/register/LIESMICH.md`).
pub const SCHEMA: &str = include_str!("../../tools/register/atrs.schema.json");

/// The field of the standard and the fact-sheet field it comes from.
pub const ZUORDNUNG: &[(&str, &str)] = &[
    ("name", "projektname"),
    ("description", "beschreibung"),
    ("contact_email", "kontakt"),
    ("team", "verantwortliche_oe"),
    ("external_supplier", "anbieter_produkt"),
    ("scope", "ziele"),
    ("benefit", "entlastung"),
    ("model_type", "technologien"),
    ("phase", "projektstatus"),
    ("human_decisions", "menschliche_aufsicht"),
    ("appeals_and_review", "widerspruch"),
    ("source_data_description", "verwendete_daten"),
    ("data_access_and_storage", "datenschutz"),
    ("risk_name", "risikoklasse"),
];

/// The phase of the standard for a project status of the vocabulary: a
/// planned project is being designed, one in progress developed, a
/// completed one in use.
fn phase(status: &str) -> Option<&'static str> {
    match status {
        "Geplant" => Some("design"),
        "In Umsetzung" => Some("development"),
        "Abgeschlossen" => Some("production"),
        _ => None,
    }
}

/// A fact-sheet value as one text: a list joined with commas; "-" and
/// empty answers count as none.
fn text(s: &Steckbrief, schluessel: &str) -> Option<String> {
    let t = match s.wert(schluessel)? {
        FeldWert::Text(t) => t.to_owned(),
        FeldWert::Einfach(a) => a.text().to_owned(),
        FeldWert::Mehrfach(l) => l.iter().map(|a| a.text()).collect::<Vec<_>>().join(", "),
    };
    let t = t.trim();
    (!t.is_empty() && t != "-").then(|| t.to_owned())
}

/// One project as an entry of the register.
pub fn eintrag(landkreis: &str, s: &Steckbrief) -> Value {
    let mut m = Map::new();
    for (feld, schluessel) in ZUORDNUNG {
        let wert = match *feld {
            "phase" => text(s, schluessel)
                .and_then(|t| phase(&t))
                .map(str::to_owned),
            _ => text(s, schluessel),
        };
        if let Some(w) = wert {
            m.insert((*feld).to_owned(), json!(w));
        }
    }
    m.insert("organisation".into(), json!(landkreis));
    m.insert("website".into(), json!(format!("../projekt/{}.html", s.id)));
    Value::Object(m)
}

/// The register of an edition, and per required field of the standard how
/// many entries lack it (fields the fact sheet has no source for included).
pub struct Register {
    pub json: Value,
    pub fehlend: BTreeMap<String, usize>,
    pub vollstaendig: usize,
}

/// The register of edition `e`; `bezeichnung` gives a Landkreis's full name.
pub fn register(e: &Edition, bezeichnung: &dyn Fn(&str) -> String) -> Register {
    let schema: Value = serde_json::from_str(SCHEMA).unwrap_or(Value::Null);
    let pflicht: Vec<String> = schema["required"]
        .as_array()
        .map(|r| {
            r.iter()
                .filter_map(|f| f.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    let pruefer = jsonschema::validator_for(&schema).ok();
    let mut fehlend: BTreeMap<String, usize> = BTreeMap::new();
    let mut vollstaendig = 0;
    let eintraege: Vec<Value> = e
        .alle_steckbriefe()
        .map(|(lk, s)| {
            let v = eintrag(&bezeichnung(lk), s);
            for f in pflicht.iter().filter(|f| v.get(f.as_str()).is_none()) {
                *fehlend.entry(f.clone()).or_default() += 1;
            }
            if pruefer.as_ref().is_some_and(|p| p.is_valid(&v)) {
                vollstaendig += 1;
            }
            v
        })
        .collect();
    let json = json!({
        "standard": "Algorithmic Transparency Recording Standard (Tier 1 und 2)",
        "schema": "algorithmenregister.schema.json",
        "ausgabe": e.id,
        "lizenz": e.meta.lizenz,
        "eintraege": eintraege,
    });
    Register {
        json,
        fehlend,
        vollstaendig,
    }
}

/// What `site` says about the register: how many entries are complete and
/// which required fields the data lack, with how often.
pub fn hinweis(r: &Register, gesamt: usize) -> Option<String> {
    if r.fehlend.is_empty() {
        return None;
    }
    let liste: Vec<String> = r
        .fehlend
        .iter()
        .map(|(feld, n)| {
            let quelle = ZUORDNUNG
                .iter()
                .find(|(f, _)| f == feld)
                .map_or("kein Feld im Steckbrief".to_owned(), |(_, s)| {
                    format!("Feld „{s}“")
                });
            format!("{feld} ({n}; {quelle})")
        })
        .collect();
    Some(format!(
        "{DATEI}: {} von {gesamt} Einträgen erfüllen den Standard; es fehlen Pflichtfelder: {}",
        r.vollstaendig,
        liste.join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn das_schema_ist_gueltig_und_kennt_jedes_zugeordnete_feld() {
        let schema: Value = serde_json::from_str(SCHEMA).unwrap();
        assert!(jsonschema::validator_for(&schema).is_ok());
        for (feld, schluessel) in ZUORDNUNG {
            assert!(schema["properties"].get(*feld).is_some(), "{feld}");
            assert!(
                crate::model::FELDER
                    .iter()
                    .any(|f| f.schluessel == *schluessel),
                "{schluessel}"
            );
        }
    }

    #[test]
    fn jeder_status_hat_eine_phase_des_standards() {
        let schema: Value = serde_json::from_str(SCHEMA).unwrap();
        let phasen = schema["properties"]["phase"]["enum"].as_array().unwrap();
        for s in ["Geplant", "In Umsetzung", "Abgeschlossen"] {
            assert!(phasen.contains(&json!(phase(s).unwrap())), "{s}");
        }
        assert_eq!(phase("Sonstiges"), None);
    }
}
