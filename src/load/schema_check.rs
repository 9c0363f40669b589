//! Structural checks of a data file against the JSON Schema generated from
//! its Rust type, with every finding turned into a German diagnostic that
//! points at the offending node.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use jsonschema::JsonType;
use jsonschema::error::{TypeKind, ValidationErrorKind};
use serde_json::Value;

use super::{Datei, Knoten};
use crate::diagnostics::{Diagnose, Meldung, vorschlag};

/// A type's schema and its compiled validator.
type Gepruefter = Arc<(Value, Result<jsonschema::Validator, Meldung>)>;

/// The schema of `T` and its validator, generated and compiled once per
/// process (compiling costs more than checking a file).
fn validator<T: schemars::JsonSchema>() -> Gepruefter {
    static CACHE: OnceLock<Mutex<HashMap<&'static str, Gepruefter>>> = OnceLock::new();
    let name = std::any::type_name::<T>();
    let cache = CACHE.get_or_init(Default::default);
    if let Ok(c) = cache.lock()
        && let Some(v) = c.get(name)
    {
        return v.clone();
    }
    let schema = serde_json::to_value(schemars::schema_for!(T)).unwrap_or(Value::Null);
    let validator = jsonschema::validator_for(&schema).map_err(|e| Meldung::neu(e.to_string()));
    let v = Arc::new((schema, validator));
    if let Ok(mut c) = cache.lock() {
        c.insert(name, v.clone());
    }
    v
}

/// Checks `json` (the tree of `datei`) against the schema of `T`.
pub fn pruefe<T: schemars::JsonSchema>(datei: &Datei, json: &Value) -> Vec<Diagnose> {
    let gepruefter = validator::<T>();
    let (schema, validator) = &*gepruefter;
    let validator = match validator {
        Ok(v) => v,
        Err(e) => {
            return vec![Diagnose::neu(
                &datei.pfad,
                format!("interner Schemafehler: {e}"),
            )];
        }
    };
    let mut out = bruchzahlen_als_ganzzahl(datei, schema);
    for fehler in validator.iter_errors(json) {
        let pfad = zeiger_schritte(&fehler.instance_path().to_string());
        out.extend(uebersetze(datei, schema, &pfad, fehler.kind()));
    }
    out.sort_by_key(|d| (d.zeile, d.spalte));
    out.dedup_by(|a, b| a.zeile == b.zeile && a.spalte == b.spalte && a.meldung == b.meldung);
    out
}

/// Numbers with a point (`8.0`, `1e3`) where the schema wants a whole
/// number: JSON Schema counts 8.0 as whole, the data types do not.
fn bruchzahlen_als_ganzzahl(datei: &Datei, schema: &Value) -> Vec<Diagnose> {
    let mut out = Vec::new();
    datei.baum.jeder(&mut |k, pfad| {
        let super::Wert::Zahl(z) = k.wert else { return };
        let ganz = unterschemata(schema, pfad).iter().any(|s| {
            let t = &s["type"];
            t == "integer"
                || t.as_array()
                    .is_some_and(|a| a.iter().any(|x| x == "integer"))
        });
        // Too large to be whole in a float: the schema's maximum says so.
        if ganz && z.abs() < 1e15 {
            let feld = feld_pfad(pfad);
            let d = diagnose_bei(
                datei,
                k,
                feld,
                format!("erwartet eine ganze Zahl, gefunden {}", beschreibe(k)),
            );
            out.push(if z.fract() == 0.0 {
                d.hilfe(format!(
                    "Schreiben Sie {z:.0} (ohne Punkt und Nachkommastellen)."
                ))
            } else {
                d.hilfe("Hier steht eine ganze Zahl, z. B. 3.")
            });
        }
    });
    out
}

/// Splits a JSON pointer into unescaped steps.
fn zeiger_schritte(zeiger: &str) -> Vec<String> {
    zeiger
        .split('/')
        .skip(1)
        .map(|s| s.replace("~1", "/").replace("~0", "~"))
        .collect()
}

/// A readable field path: `steckbriefe[3].ziele` (1-based positions).
pub fn feld_pfad(schritte: &[String]) -> String {
    let mut s = String::new();
    for schritt in schritte {
        match schritt.parse::<usize>() {
            Ok(i) => s.push_str(&format!("[{}]", i + 1)),
            Err(_) => {
                if !s.is_empty() {
                    s.push('.');
                }
                s.push_str(schritt);
            }
        }
    }
    s
}

fn diagnose_bei(datei: &Datei, knoten: &Knoten, feld: String, meldung: String) -> Diagnose {
    Diagnose::neu(&datei.pfad, meldung)
        .an(knoten.zeile, knoten.spalte, knoten.bytes.clone())
        .feld(feld)
}

/// The node a finding is about: its file, its tree node, its field path.
struct Stelle<'a> {
    datei: &'a Datei,
    knoten: &'a Knoten,
    feld: String,
}

impl Stelle<'_> {
    /// A diagnostic at this node.
    fn diagnose(&self, meldung: String) -> Diagnose {
        diagnose_bei(self.datei, self.knoten, self.feld.clone(), meldung)
    }
}

/// One finding of the validator as German diagnostics.
fn uebersetze(
    datei: &Datei,
    schema: &Value,
    pfad: &[String],
    art: &ValidationErrorKind,
) -> Vec<Diagnose> {
    let stelle = Stelle {
        datei,
        knoten: datei.baum.suche(pfad),
        feld: feld_pfad(pfad),
    };
    match art {
        ValidationErrorKind::AdditionalProperties { unexpected } => {
            unbekannte_felder(&stelle, &eigenschaften(schema, pfad), pfad, unexpected)
        }
        ValidationErrorKind::Required { property } => vec![pflichtfeld_fehlt(&stelle, property)],
        ValidationErrorKind::Type { kind } => vec![falscher_typ(&stelle, kind)],
        ValidationErrorKind::Minimum { limit } => vec![zu_klein(&stelle, limit)],
        ValidationErrorKind::Maximum { limit } => vec![zu_gross(&stelle, limit)],
        ValidationErrorKind::AnyOf { .. }
            if let (Some(max), Some(z)) = (hoechstwert(schema, pfad), zahl(stelle.knoten))
                && z > max =>
        {
            vec![zu_gross(&stelle, &serde_json::json!(max))]
        }
        // An optional section (`anyOf` of the section and null) that is
        // there but wrong: the section's own findings, at their fields.
        ValidationErrorKind::AnyOf { context } if let Some(innen) = nicht_leer(context) => innen
            .iter()
            .flat_map(|f| {
                let pfad = zeiger_schritte(&f.instance_path().to_string());
                uebersetze(datei, schema, &pfad, f.kind())
            })
            .collect(),
        ValidationErrorKind::Pattern { .. } | ValidationErrorKind::AnyOf { .. } => {
            vec![falsche_form(&stelle, schema, pfad)]
        }
        ValidationErrorKind::MaxLength { limit } => vec![
            stelle
                .diagnose(format!(
                    "{} ist länger als {limit} Zeichen",
                    beschreibe_kurz(stelle.knoten)
                ))
                .hilfe(format!(
                    "Kürzen Sie den Wert auf höchstens {limit} Zeichen."
                )),
        ],
        ValidationErrorKind::MinLength { limit } => vec![stelle.diagnose(format!(
            "{} ist kürzer als {limit} Zeichen",
            beschreibe_kurz(stelle.knoten)
        ))],
        ValidationErrorKind::MaxItems { limit } => {
            vec![stelle.diagnose(format!("die Liste hat mehr als {limit} Einträge"))]
        }
        ValidationErrorKind::MinItems { limit } => {
            vec![stelle.diagnose(format!("die Liste hat weniger als {limit} Einträge"))]
        }
        ValidationErrorKind::Enum { options } => {
            let erlaubt: Vec<String> = options
                .as_array()
                .into_iter()
                .flatten()
                .map(|o| o.as_str().map_or_else(|| o.to_string(), str::to_owned))
                .collect();
            let gefunden = stelle.knoten.schluessel_text();
            let d = stelle.diagnose(format!("„{gefunden}“ ist hier nicht erlaubt"));
            vec![
                match vorschlag(&gefunden, erlaubt.iter().map(String::as_str)) {
                    Some(v) => d.hilfe(format!("meinten Sie „{v}“?")),
                    None => d.hilfe(format!("Erlaubt: {}", erlaubt.join(", "))),
                },
            ]
        }
        andere => vec![stelle.diagnose(format!(
            "der Wert ist ungültig (Regel „{}“ des Schemas)",
            andere.keyword()
        ))],
    }
}

/// Of the alternatives of an `anyOf`, the one findings that do not just say
/// "expected null": the findings of an optional value that is present.
fn nicht_leer<'a>(
    context: &'a [Vec<jsonschema::ValidationError<'static>>],
) -> Option<&'a [jsonschema::ValidationError<'static>]> {
    let nur_null = |f: &[jsonschema::ValidationError]| {
        matches!(f, [e] if matches!(
            e.kind(),
            ValidationErrorKind::Type {
                kind: TypeKind::Single(JsonType::Null)
            }
        ))
    };
    let mut andere = context.iter().filter(|f| !nur_null(f) && !f.is_empty());
    match (andere.next(), andere.next()) {
        (Some(f), None) if context.len() == 2 => Some(f),
        _ => None,
    }
}

/// Fields the schema does not know, each at its key, with a suggestion.
fn unbekannte_felder(
    stelle: &Stelle,
    bekannt: &[String],
    pfad: &[String],
    unbekannt: &[String],
) -> Vec<Diagnose> {
    unbekannt
        .iter()
        .map(|name| {
            let k = stelle.knoten.schluessel(name).unwrap_or(stelle.knoten);
            let mut schritte = pfad.to_vec();
            schritte.push(name.clone());
            let d = diagnose_bei(
                stelle.datei,
                k,
                feld_pfad(&schritte),
                format!("unbekanntes Feld „{name}“"),
            );
            match vorschlag(name, bekannt.iter().map(String::as_str)) {
                Some(v) => d.hilfe(format!("meinten Sie „{v}“?")),
                None => d.hilfe(format!("Erlaubte Felder: {}", bekannt.join(", "))),
            }
        })
        .collect()
}

/// A required field is missing in this section.
fn pflichtfeld_fehlt(stelle: &Stelle, property: &Value) -> Diagnose {
    let name = property.as_str().unwrap_or_default();
    let d = stelle.diagnose(format!("Pflichtfeld „{name}“ fehlt"));
    match kennung_fuer(stelle) {
        Some(id) if name == "id" => d.hilfe(format!(
            "Jedes Projekt braucht eine Kennung, die über die Ausgaben gleich bleibt. \
             Vorschlag: „id: {id}“ (eindeutig in der Ausgabe; bei einem Projekt aus einer \
             früheren Ausgabe dessen Kennung übernehmen)."
        )),
        _ => d.hilfe(format!("Ergänzen Sie „{name}: …“ in diesem Abschnitt.")),
    }
}

/// The id proposed for the fact sheet at `stelle`: from the file's
/// Landkreis and the sheet's project name.
fn kennung_fuer(stelle: &Stelle) -> Option<String> {
    let text = |k: &Knoten| match &k.wert {
        super::Wert::Text(t) => Some(t.clone()),
        _ => None,
    };
    let landkreis = stelle.datei.baum.kind("landkreis").and_then(text)?;
    let name = stelle.knoten.kind("projektname").and_then(text)?;
    Some(crate::model::kennung_vorschlag(&landkreis, &name))
}

/// A value of the wrong type, with a hint for the usual slips.
fn falscher_typ(stelle: &Stelle, kind: &TypeKind) -> Diagnose {
    let erwartet = match kind {
        TypeKind::Single(t) => typ_name(*t).to_owned(),
        TypeKind::Multiple(ts) => ts
            .iter()
            .filter(|t| *t != JsonType::Null)
            .map(typ_name)
            .collect::<Vec<_>>()
            .join(" oder "),
    };
    let gefunden = beschreibe(stelle.knoten);
    let d = stelle.diagnose(format!("erwartet {erwartet}, gefunden {gefunden}"));
    match (kind, &stelle.knoten.wert) {
        (TypeKind::Single(JsonType::Boolean), super::Wert::Text(t)) => d.hilfe(format!(
            "Schreiben Sie true (ja) oder false (nein) statt „{t}“."
        )),
        (_, super::Wert::Text(t)) if t.contains(',') && erwartet.contains("Zahl") => d.hilfe(
            format!("Schreiben Sie die Zahl mit Punkt: {}", t.replace(',', ".")),
        ),
        (_, super::Wert::Text(t))
            if erwartet.contains("Zahl")
                && t.trim_start_matches('-')
                    .bytes()
                    .all(|b| b.is_ascii_digit() || b == b'_') =>
        {
            let ziffern: String = t.chars().filter(|c| *c != '_').collect();
            let n = ziffern.trim_start_matches('0');
            d.hilfe(format!(
                "Schreiben Sie die Zahl nur mit Ziffern, ohne führende Null und ohne „_“: {}",
                if n.is_empty() { "0" } else { n }
            ))
        }
        (TypeKind::Single(JsonType::String), _) => {
            d.hilfe("Setzen Sie den Text in Anführungszeichen: \"…\"")
        }
        _ => d,
    }
}

/// A number below the schema's minimum.
fn zu_klein(stelle: &Stelle, limit: &Value) -> Diagnose {
    stelle
        .diagnose(format!(
            "{} ist kleiner als {limit}",
            beschreibe(stelle.knoten)
        ))
        .hilfe("Anzahlen dürfen nicht negativ sein.")
}

/// A number above the schema's maximum (the plausibility limit).
fn zu_gross(stelle: &Stelle, limit: &Value) -> Diagnose {
    stelle
        .diagnose(format!(
            "{} ist größer als {limit}",
            beschreibe(stelle.knoten)
        ))
        .hilfe(
            "Der Wert liegt über der Plausibilitätsgrenze (README, „Grenzen der \
             Eingaben“); prüfen Sie ihn auf einen Tippfehler.",
        )
}

/// A value that matches none of the allowed forms; the schema's description
/// says which.
fn falsche_form(stelle: &Stelle, schema: &Value, pfad: &[String]) -> Diagnose {
    let beschreibung = beschreibung(schema, pfad).unwrap_or_else(|| "siehe Schema".to_owned());
    stelle
        .diagnose(format!(
            "{} hat nicht die erwartete Form",
            beschreibe(stelle.knoten)
        ))
        .hilfe(beschreibung)
}

fn typ_name(t: JsonType) -> &'static str {
    match t {
        JsonType::Array => "eine Liste (Zeilen mit „- “)",
        JsonType::Boolean => "true oder false",
        JsonType::Integer => "eine ganze Zahl",
        JsonType::Null => "nichts",
        JsonType::Number => "eine Zahl",
        JsonType::Object => "einen Abschnitt mit Feldern („schlüssel: wert“)",
        JsonType::String => "einen Text",
    }
}

/// A text as the subject of a message about its length (a long one
/// shortened, with its length).
fn beschreibe_kurz(k: &Knoten) -> String {
    match &k.wert {
        super::Wert::Text(t) if t.chars().count() > 40 => {
            let anfang: String = t.chars().take(30).collect();
            format!("der Text „{anfang}…“ ({} Zeichen)", t.chars().count())
        }
        super::Wert::Text(t) => format!("der Text „{t}“"),
        _ => "der Wert".to_owned(),
    }
}

fn beschreibe(k: &Knoten) -> String {
    use super::Wert::*;
    match &k.wert {
        Null => "einen leeren Wert".into(),
        Bool(b) => format!("„{b}“"),
        Ganzzahl(i) => format!("die Zahl {i}"),
        Zahl(z) if z.abs() >= 1e15 || !z.is_finite() => format!("die Zahl {z:e}"),
        Zahl(z) if z.fract() == 0.0 => format!("die Zahl {z:.1}"),
        Zahl(z) => format!("die Zahl {z}"),
        Text(t) => format!("den Text „{t}“"),
        Liste(_) => "eine Liste".into(),
        Tabelle(_) => "einen Abschnitt".into(),
    }
}

/// Resolves `$ref`s of the generated schema (`#/$defs/Name`).
fn aufloesen<'a>(wurzel: &'a Value, s: &'a Value) -> &'a Value {
    match s.get("$ref").and_then(Value::as_str) {
        Some(r) => r
            .strip_prefix("#/$defs/")
            .and_then(|n| wurzel.get("$defs").and_then(|d| d.get(n)))
            .map_or(s, |t| aufloesen(wurzel, t)),
        None => s,
    }
}

/// The subschemas that describe the value at `pfad`.
fn unterschemata<'a>(wurzel: &'a Value, pfad: &[String]) -> Vec<&'a Value> {
    let mut aktuell = vec![aufloesen(wurzel, wurzel)];
    for schritt in pfad {
        let mut naechste = Vec::new();
        for s in aktuell {
            let mut varianten = vec![s];
            for key in ["anyOf", "oneOf"] {
                if let Some(a) = s.get(key).and_then(Value::as_array) {
                    varianten.extend(a.iter().map(|v| aufloesen(wurzel, v)));
                }
            }
            for v in varianten {
                if let Some(p) = v.get("properties").and_then(|p| p.get(schritt)) {
                    naechste.push(aufloesen(wurzel, p));
                } else if schritt.parse::<usize>().is_ok()
                    && let Some(i) = v.get("items")
                {
                    naechste.push(aufloesen(wurzel, i));
                }
            }
        }
        aktuell = naechste;
    }
    aktuell
}

/// The property names allowed at `pfad`, for "meinten Sie …?".
fn eigenschaften(wurzel: &Value, pfad: &[String]) -> Vec<String> {
    let mut namen = Vec::new();
    for s in unterschemata(wurzel, pfad) {
        let mut varianten = vec![s];
        if let Some(a) = s.get("anyOf").and_then(Value::as_array) {
            varianten.extend(a.iter().map(|v| aufloesen(wurzel, v)));
        }
        for v in varianten {
            if let Some(p) = v.get("properties").and_then(Value::as_object) {
                namen.extend(p.keys().cloned());
            }
        }
    }
    namen.dedup();
    namen
}

/// The numeric value of a node, if it is a number.
fn zahl(k: &Knoten) -> Option<f64> {
    match k.wert {
        super::Wert::Ganzzahl(i) => Some(i as f64),
        super::Wert::Zahl(z) => Some(z),
        _ => None,
    }
}

/// The maximum of the number alternative of an `anyOf` (e.g. VZÄ: 999).
fn hoechstwert(wurzel: &Value, pfad: &[String]) -> Option<f64> {
    unterschemata(wurzel, pfad).into_iter().find_map(|s| {
        s.get("anyOf")?
            .as_array()?
            .iter()
            .find_map(|a| a.get("maximum").and_then(Value::as_f64))
    })
}

fn beschreibung(wurzel: &Value, pfad: &[String]) -> Option<String> {
    unterschemata(wurzel, pfad)
        .into_iter()
        .find_map(|s| s.get("description").and_then(Value::as_str))
        .map(|s| {
            // The first paragraph, whole (a sentence may run over lines).
            s.split("\n\n")
                .next()
                .unwrap_or(s)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
}
