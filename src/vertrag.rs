//! The contract between the Rust side and a layout: every generated file a
//! layout reads, as one type per file, serialised with sorted keys (so that
//! the files of released versions stay byte for byte what they were) and
//! described by a JSON Schema (`report/vertrag-1.schema.json`, written by
//! `schema`). Text only, already formatted: nothing here is markup.
//!
//! A layout declares the contract it reads in `gestaltung.yaml`
//! (`vertrag: 1`); a layout without the declaration reads version 1, the
//! contract of the released layouts `2025` and `2025-barrierefrei`.

use std::borrow::Cow;
use std::collections::BTreeMap;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Serialize;

use crate::model::tabelle::{SPALTEN, SpaltenArt};

/// The contract this program provides.
pub const VERSION: u32 = 1;
/// Every contract version this program can give a layout.
pub const VERSIONEN: &[u32] = &[1];
/// Where `schema` writes the contract's JSON Schema.
pub const SCHEMA_DATEI: &str = "report/vertrag-1.schema.json";

/// Everything a layout reads: one key per generated file.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(
    title = "Vertrag 1 zwischen kataster-report und einem Layout",
    description = "Die erzeugten Dateien, die ein Layout liest (unter /generiert/): \
                   daten.json, veraenderungen.json, zahlennachweis.json, ohne-daten.json, entwurf.json. \
                   Dazu die gefüllten Kapitel (/generiert/kapitel/*.typ, eingebunden von \
                   /generiert/kapitel.typ) und die Abbildungen als SVG (Pfad in \
                   daten.json unter abbildungen.<id>.datei)."
)]
pub struct Vertrag {
    /// `/generiert/daten.json`.
    pub daten: Daten,
    /// `/generiert/veraenderungen.json`: `null` ohne `vorgaenger`.
    pub veraenderungen: Option<Veraenderungsabschnitt>,
    /// `/generiert/zahlennachweis.json` (nur mit `zahlennachweis: true`).
    pub zahlennachweis: Vec<Nachweis>,
    /// `/generiert/ohne-daten.json` (nur mit `zahlennachweis: true`): die
    /// mit `ohne_daten` gekennzeichneten Stellen mit ihrem Grund.
    pub ohne_daten: Vec<OhneDaten>,
    /// `/generiert/entwurf.json`: `null`, oder die Befunde eines Entwurfs.
    pub entwurf: Option<Entwurf>,
}

/// `/generiert/daten.json`: the edition as data.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Daten {
    pub edition: EditionDaten,
    pub tabelle: Tabelle,
    /// Je Landkreis seine Steckbriefe, in der Reihenfolge des Berichts.
    pub steckbriefe: Vec<SteckbriefeDaten>,
    pub glossar: Vec<Glossareintrag>,
    /// Quellen nach ihrer id.
    pub quellen: BTreeMap<String, Quelle>,
    /// Karte und Diagramme nach ihrer id.
    pub abbildungen: BTreeMap<String, AbbildungDaten>,
    /// Jede Kennzahl als gedruckter Text, nach ihrem Namen.
    pub kennzahlen: BTreeMap<String, String>,
}

/// Title page, imprint and version history.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct EditionDaten {
    pub id: String,
    pub titel: String,
    pub untertitel: String,
    pub reihe: String,
    /// „Juni 2025“.
    pub monat_jahr: String,
    pub herausgeber: String,
    pub herausgeber_kurz: String,
    /// Die aktuelle Version, z. B. „1.1“.
    pub version: String,
    /// Ihr Datum, deutsch geschrieben.
    pub datum: String,
    pub datum_iso: Option<DatumIso>,
    /// Die Versionen, neueste zuerst.
    pub historie: Vec<Historienzeile>,
    pub mitwirkende: Vec<Mitwirkende>,
    pub bildnachweise: Vec<Bildnachweis>,
    /// Das Impressum; jedes Feld `null` (die Anschrift leer), wenn nicht angegeben.
    pub impressum: Impressumdaten,
}

/// Imprint of the report (edition.yaml: `impressum`, `lizenz`).
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Impressumdaten {
    pub anschrift: Vec<String>,
    pub email: Option<String>,
    pub telefon: Option<String>,
    /// Nur mit sicherem Schema (`https:`, `http:`).
    pub internet: Option<String>,
    pub isbn: Option<String>,
    pub urn: Option<String>,
    pub lizenz: Option<Lizenzdaten>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Lizenzdaten {
    pub name: String,
    /// Nur mit sicherem Schema.
    pub url: Option<String>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct DatumIso {
    pub jahr: u16,
    pub monat: u8,
    pub tag: u8,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Historienzeile {
    pub version: String,
    pub datum: String,
    pub bearbeiter: String,
    pub anmerkung: String,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Mitwirkende {
    pub name: String,
    pub organisation: String,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Bildnachweis {
    pub motiv: String,
    pub nachweis: String,
    /// Nur mit sicherem Schema (`https:`, `http:`, `mailto:`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// Tabelle 1: its rows and its totals.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Tabelle {
    pub zeilen: Vec<Tabellenzeile>,
    pub summe: Summenzeile,
}

/// A cell of Tabelle 1.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Zellwert {
    JaNein(bool),
    Anzahl(u64),
    Text(String),
}

/// A row of Tabelle 1: `name` and each column under its short name (the
/// columns of [`SPALTEN`]; the schema lists them).
#[derive(Debug, Clone, Default, Serialize)]
#[serde(transparent)]
pub struct Tabellenzeile(pub BTreeMap<&'static str, Zellwert>);

/// The totals row: each column with a total under its short name, the
/// decimal column's mean under `<kurz>_mittel`.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(transparent)]
pub struct Summenzeile(pub BTreeMap<String, Zellwert>);

/// The schema type of a column's cell.
fn zellschema(art: SpaltenArt) -> serde_json::Value {
    match art {
        SpaltenArt::JaNein => serde_json::json!({"type": "boolean"}),
        SpaltenArt::Anzahl => serde_json::json!({"type": "integer", "minimum": 0}),
        SpaltenArt::Text | SpaltenArt::Auswahl(_) | SpaltenArt::Dezimal => {
            serde_json::json!({"type": "string"})
        }
    }
}

/// An object schema with exactly these properties, all required.
fn objekt(eigenschaften: serde_json::Map<String, serde_json::Value>) -> Schema {
    let pflicht: Vec<&String> = eigenschaften.keys().collect();
    json_schema!({
        "type": "object",
        "properties": eigenschaften,
        "required": pflicht,
        "additionalProperties": false,
    })
}

/// The key of a column's total in the totals row.
pub fn summenschluessel(kurz: &str, art: SpaltenArt) -> String {
    match art {
        SpaltenArt::Dezimal => format!("{kurz}_mittel"),
        _ => kurz.to_owned(),
    }
}

impl JsonSchema for Tabellenzeile {
    fn schema_name() -> Cow<'static, str> {
        "Tabellenzeile".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let mut e = serde_json::Map::new();
        e.insert("name".into(), serde_json::json!({"type": "string"}));
        for s in SPALTEN {
            e.insert(s.kurz.into(), zellschema(s.art));
        }
        objekt(e)
    }
}

impl JsonSchema for Summenzeile {
    fn schema_name() -> Cow<'static, str> {
        "Summenzeile".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let mut e = serde_json::Map::new();
        // A total counts (yes answers too); the decimal column's mean is text.
        for s in SPALTEN.iter().filter(|s| s.summe.is_some()) {
            let art = match s.art {
                SpaltenArt::Dezimal => SpaltenArt::Dezimal,
                _ => SpaltenArt::Anzahl,
            };
            e.insert(summenschluessel(s.kurz, s.art), zellschema(art));
        }
        objekt(e)
    }
}

/// A Landkreis and its fact sheets.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct SteckbriefeDaten {
    pub landkreis: String,
    /// „Landkreis Celle“, „Region Hannover“.
    pub bezeichnung: String,
    pub projekte: Vec<Projekt>,
}

/// One fact sheet: its rows in the published order.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Projekt {
    pub titel: String,
    pub zeilen: Vec<Steckbriefzeile>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Steckbriefzeile {
    pub label: String,
    pub wert: String,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Glossareintrag {
    pub begriff: String,
    pub erklaerung: String,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Quelle {
    pub text: String,
    /// Nur mit sicherem Schema, sonst `null`.
    pub url: Option<String>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct AbbildungDaten {
    /// Pfad der SVG-Datei, z. B. `/generiert/abbildungen/karte.svg`.
    pub datei: String,
    pub titel: String,
    pub alt: String,
    pub quelle: Option<String>,
    pub tabelle: Option<Datentabelle>,
}

/// The data of a chart as a table (for the accessible layout).
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Datentabelle {
    pub kopf: Vec<String>,
    pub zeilen: Vec<Vec<String>>,
}

/// `/generiert/veraenderungen.json`: the section "Veränderungen".
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Veraenderungsabschnitt {
    pub von: String,
    pub nach: String,
    pub neu: usize,
    pub entfallen: usize,
    pub fortgefuehrt: usize,
    pub abgeschlossen: usize,
    pub status: Vec<Statuswechsel>,
    pub kennzahlen: Vec<Vorher>,
    /// Aussagen des Textes, deren Urteil sich geändert hat.
    pub aussagen: Vec<Aussagewechsel>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Statuswechsel {
    pub projekt: String,
    pub landkreis: String,
    pub vorher: String,
    pub jetzt: String,
}

/// A figure in both editions.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Vorher {
    pub titel: String,
    pub vorher: String,
    pub jetzt: String,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Aussagewechsel {
    pub wortlaut: String,
    pub vorher: String,
    pub jetzt: String,
}

/// An entry of the appendix "Zahlennachweis": a checked claim.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Nachweis {
    pub id: String,
    /// Der Anker im Text und im Anhang.
    pub anker: String,
    pub datei: String,
    pub zeile: usize,
    pub wortlaut: String,
    pub kennzahl: String,
    pub definition: String,
    pub vergleich: String,
    pub berechnet: String,
    /// `stimmt`, `grenzwertig` oder `verletzt`.
    pub urteil: String,
    /// Besteht: `stimmt` oder `grenzwertig`.
    pub gilt: bool,
    /// Bei einem vagen Wort sein Bereich, z. B. „stimmt ab 58,5 %, grenzwertig über 50 %“.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grenzbereich: Option<String>,
    pub anerkannt: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub begruendung: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zu_bestaetigen: Option<String>,
}

/// An entry of `/generiert/ohne-daten.json`: a passage the data cannot
/// decide, with its reason.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct OhneDaten {
    pub datei: String,
    pub zeile: usize,
    /// Der Grund, z. B. „kein Feld für Herausforderungen“.
    pub grund: String,
    /// Die gekennzeichneten Worte (Vorlagentext).
    pub wortlaut: String,
}

/// `/generiert/entwurf.json` of a draft: its findings, one line each.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Entwurf {
    pub befunde: Vec<String>,
}

/// A generated file's bytes: pretty JSON with sorted keys.
pub fn json_datei<T: Serialize>(wert: &T) -> Vec<u8> {
    serde_json::to_value(wert)
        .and_then(|v| serde_json::to_vec_pretty(&v))
        .unwrap_or_default()
}

/// The contract's JSON Schema as `schema` writes it.
pub fn schema_text() -> String {
    let schema = schemars::schema_for!(Vertrag);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// Typst's message about a missing dictionary key (`dictionary does not
/// contain key "x"`, also "… and no default value was specified") in
/// German, naming the contract, with a "meinten Sie …?" from its keys and
/// where the contract is described; `None` for every other message.
pub fn fehlender_schluessel(englisch: &str) -> Option<(String, Vec<String>)> {
    let rest = englisch.strip_prefix("dictionary does not contain key \"")?;
    let schluessel = rest.split('"').next()?;
    let meldung = format!(
        "der Schlüssel „{schluessel}“ fehlt: weder der Vertrag {VERSION} (die erzeugten Daten \
         unter /generiert/) noch das Layout haben ihn"
    );
    let bekannt = alle_schluessel();
    let mut hilfen: Vec<String> =
        crate::diagnostics::vorschlag(schluessel, bekannt.iter().map(String::as_str))
            .map(|v| format!("meinten Sie „{v}“?"))
            .into_iter()
            .collect();
    hilfen.push(format!(
        "Was ein Layout lesen kann, beschreibt {SCHEMA_DATEI}. Einen Schlüssel, der nicht immer \
         da ist, liest `.at(\"{schluessel}\", default: none)`."
    ));
    Some((meldung, hilfen))
}

/// Every key the contract's objects have (at any depth), sorted: the
/// candidates of a "meinten Sie …?".
fn alle_schluessel() -> Vec<String> {
    let schema = serde_json::to_value(schemars::schema_for!(Vertrag)).unwrap_or_default();
    let mut out = Vec::new();
    sammeln(&schema, &mut out);
    out.sort();
    out.dedup();
    out
}

fn sammeln(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Object(o) => {
            if let Some(serde_json::Value::Object(p)) = o.get("properties") {
                out.extend(p.keys().cloned());
            }
            o.values().for_each(|w| sammeln(w, out));
        }
        serde_json::Value::Array(a) => a.iter().for_each(|w| sammeln(w, out)),
        _ => {}
    }
}
