//! The open data of the website: every project as JSON (with a JSON Schema
//! from the model) and CSV, Tabelle 1 as CSV.

use serde_json::{Value, json};

use crate::model::{
    Antwort, Edition, FELDER, FeldWert, Landkreis, Steckbrief, tabelle::SPALTEN as TABELLE_1,
};

/// Joins the answers of a multiple-choice field in the CSV.
pub const TRENNER: &str = " | ";

/// Why the open data cannot be written.
#[derive(Debug, thiserror::Error)]
pub enum DatenFehler {
    #[error(
        "Steckbrief {id}, Feld {feld}: die Antwort „{wert}“ enthält das Trennzeichen „|“ der \
         CSV-Dateien; sie wäre dort nicht von der nächsten Antwort zu unterscheiden"
    )]
    Trenner {
        id: String,
        feld: &'static str,
        wert: String,
    },
    #[error("CSV: {0}")]
    Csv(String),
}

/// The official Regionalschlüssel (5 digits: Land, district, Kreis; from the geodata) of
/// each Landkreis by its name.
#[derive(Debug, Clone, Default)]
pub struct Regionalschluessel(pub std::collections::BTreeMap<String, String>);

impl Regionalschluessel {
    pub fn aus(geo: &crate::charts::geo::Geodaten) -> Regionalschluessel {
        Regionalschluessel(
            geo.kreise
                .iter()
                .map(|k| (k.name.clone(), k.rs.clone()))
                .collect(),
        )
    }

    /// The key of a Landkreis; empty where the geodata have none.
    pub fn von(&self, name: &str) -> &str {
        self.0.get(name).map_or("", String::as_str)
    }
}

/// How a CSV file is written: for a German spreadsheet (UTF-8 with a byte
/// order mark, `;`, decimal commas), or plainly after RFC 4180 (UTF-8
/// without a mark, `,`, CRLF, decimal points) for programs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Csvform {
    Tabellenkalkulation,
    Rfc4180,
}

impl Csvform {
    /// The file name of a CSV in this form: `projekte.csv`, `projekte-rfc4180.csv`.
    pub fn datei(self, name: &str) -> String {
        match self {
            Csvform::Tabellenkalkulation => format!("{name}.csv"),
            Csvform::Rfc4180 => format!("{name}-rfc4180.csv"),
        }
    }
}

/// A project as the open data give it: as in the data, with its Landkreis
/// and its Regionalschlüssel.
pub fn projekt_json(lk: &str, s: &Steckbrief, rs: &Regionalschluessel) -> Value {
    let mut v = serde_json::to_value(s).unwrap_or(Value::Null);
    if let Value::Object(m) = &mut v {
        m.insert("landkreis".into(), json!(lk));
        m.insert("regionalschluessel".into(), json!(rs.von(lk)));
    }
    v
}

/// `daten/projekt/<id>.json`: one project with its edition and licence.
pub fn ein_projekt_json(e: &Edition, lk: &str, s: &Steckbrief, rs: &Regionalschluessel) -> Value {
    json!({
        "ausgabe": e.id,
        "version": e.meta.aktuell().map(|h| h.version.clone()),
        "lizenz": e.meta.lizenz,
        "projekt": projekt_json(lk, s, rs),
    })
}

/// `projekte.json`: edition, licence, and every project as in the data
/// (answers outside the vocabulary as `{"sonstiges": …}`) with its
/// Landkreis and Regionalschlüssel.
pub fn projekte_json(e: &Edition, rs: &Regionalschluessel) -> Value {
    let projekte: Vec<Value> = e
        .alle_steckbriefe()
        .map(|(lk, s)| projekt_json(lk, s, rs))
        .collect();
    json!({
        "ausgabe": e.id,
        "version": e.meta.aktuell().map(|h| h.version.clone()),
        "lizenz": e.meta.lizenz,
        "projekte": projekte,
    })
}

/// The JSON Schema of `projekte.json`: the model's fact sheet with the
/// Landkreis added.
pub fn projekte_schema() -> Value {
    let mut projekt = serde_json::to_value(schemars::schema_for!(Steckbrief)).unwrap_or_default();
    let definitionen = projekt
        .as_object_mut()
        .and_then(|m| m.remove("$defs"))
        .unwrap_or(json!({}));
    if let Some(m) = projekt.as_object_mut() {
        m.remove("$schema");
        if let Some(Value::Object(p)) = m.get_mut("properties") {
            p.insert(
                "landkreis".into(),
                json!({"type": "string", "description": "Name des Landkreises wie in Tabelle 1."}),
            );
            p.insert(
                "regionalschluessel".into(),
                json!({"type": "string", "pattern": "^([0-9]{5})?$",
                       "description": "Amtlicher Regionalschlüssel des Landkreises (5 Ziffern, z. B. 03351 für Celle)."}),
            );
        }
        if let Some(Value::Array(r)) = m.get_mut("required") {
            r.push(json!("landkreis"));
            r.push(json!("regionalschluessel"));
        }
    }
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Projekte des KI-Katasters",
        "type": "object",
        "required": ["ausgabe", "version", "lizenz", "projekte"],
        "properties": {
            "ausgabe": {"type": "string", "description": "Die Ausgabe, z. B. 2025."},
            "version": {"type": ["string", "null"], "description": "Version der Ausgabe."},
            "lizenz": {
                "description": "Lizenz der Daten; null, wenn keine angegeben ist.",
                "oneOf": [
                    {"type": "null"},
                    {"type": "object", "required": ["name", "url"],
                     "properties": {"name": {"type": "string"}, "url": {"type": "string"}}}
                ]
            },
            "projekte": {"type": "array", "items": projekt}
        },
        "$defs": definitionen,
    })
}

/// A field's value in a CSV cell: text as is, answers as printed, lists
/// joined with [`TRENNER`].
fn zelle(s: &Steckbrief, feld: &'static str) -> Result<String, DatenFehler> {
    Ok(match s.wert(feld) {
        None => String::new(),
        Some(FeldWert::Text(t)) => t.to_owned(),
        Some(FeldWert::Einfach(a)) => a.text().to_owned(),
        Some(FeldWert::Mehrfach(l)) => {
            if let Some(a) = l.iter().find(|a| a.text().contains('|')) {
                return Err(DatenFehler::Trenner {
                    id: s.id.clone(),
                    feld,
                    wert: a.text().to_owned(),
                });
            }
            l.iter()
                .map(Antwort::text)
                .collect::<Vec<_>>()
                .join(TRENNER)
        }
    })
}

/// The characters a spreadsheet reads as the start of a formula.
const FORMELANFANG: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A cell a spreadsheet will not run: one that begins like a formula gets a
/// leading apostrophe, as OWASP recommends against CSV injection (a lone
/// "-", the published mark for "no answer", cannot compute and stays).
pub fn zelle_sicher(zelle: String) -> String {
    let formel = zelle.starts_with(FORMELANFANG)
        && (zelle.chars().nth(1).is_some() || zelle.starts_with(['\t', '\r']));
    if formel { format!("'{zelle}") } else { zelle }
}

/// The CSV separator: `;`, as a spreadsheet set to German opens a file
/// into columns (with `,` it puts each row into one cell).
pub const CSV_TRENNER: u8 = b';';

/// A CSV file in `form`: the header, then every row with each cell made
/// safe (a spreadsheet may open either).
fn csv_datei(
    form: Csvform,
    kopf: &[&str],
    zeilen: impl Iterator<Item = Result<Vec<String>, DatenFehler>>,
) -> Result<Vec<u8>, DatenFehler> {
    let fehler = |x: csv::Error| DatenFehler::Csv(x.to_string());
    let (trenner, anfang, ende) = match form {
        Csvform::Tabellenkalkulation => (
            CSV_TRENNER,
            "\u{feff}".as_bytes().to_vec(),
            csv::Terminator::Any(b'\n'),
        ),
        Csvform::Rfc4180 => (b',', Vec::new(), csv::Terminator::CRLF),
    };
    let mut w = csv::WriterBuilder::new()
        .delimiter(trenner)
        .terminator(ende)
        .from_writer(anfang);
    w.write_record(kopf).map_err(fehler)?;
    for zeile in zeilen {
        let zeile: Vec<String> = zeile?.into_iter().map(zelle_sicher).collect();
        w.write_record(&zeile).map_err(fehler)?;
    }
    w.into_inner().map_err(|x| DatenFehler::Csv(x.to_string()))
}

/// `projekte.csv`: a header row of field keys, one project per row, with
/// its edition, Landkreis and Regionalschlüssel.
pub fn projekte_csv(
    e: &Edition,
    rs: &Regionalschluessel,
    form: Csvform,
) -> Result<Vec<u8>, DatenFehler> {
    projekte_csv_aller(&[e], rs, form)
}

/// The projects of several editions in one CSV (`projekte-alle-ausgaben.csv`):
/// the column `ausgabe` tells them apart; a project reported in two
/// editions has a row in each.
pub fn projekte_csv_aller(
    editionen: &[&Edition],
    rs: &Regionalschluessel,
    form: Csvform,
) -> Result<Vec<u8>, DatenFehler> {
    let mut kopf = vec!["ausgabe", "id", "landkreis", "regionalschluessel"];
    kopf.extend(FELDER.iter().map(|f| f.schluessel));
    let zeilen = editionen.iter().flat_map(|e| {
        e.alle_steckbriefe().map(|(lk, s)| {
            let mut zeile = vec![
                e.id.clone(),
                s.id.clone(),
                lk.to_owned(),
                rs.von(lk).to_owned(),
            ];
            for f in FELDER {
                zeile.push(zelle(s, f.schluessel)?);
            }
            Ok(zeile)
        })
    });
    csv_datei(form, &kopf, zeilen)
}

/// `projekte-alle-ausgaben.json`: the `projekte.json` of every edition,
/// oldest first.
pub fn projekte_json_aller(editionen: &[&Edition], rs: &Regionalschluessel) -> Value {
    json!({ "ausgaben": editionen.iter().map(|e| projekte_json(e, rs)).collect::<Vec<_>>() })
}

/// The columns of `landkreise.csv` (the name, the Regionalschlüssel, then
/// Tabelle 1's columns under their short names), with their meaning (for
/// the data page).
pub fn landkreis_spalten() -> impl Iterator<Item = (&'static str, &'static str)> {
    [
        ("name", "Kurzname des Landkreises wie in Tabelle 1"),
        (
            "regionalschluessel",
            "Amtlicher Regionalschlüssel des Landkreises (5 Ziffern, z. B. 03351 für Celle; aus den Geodaten VG250)",
        ),
    ]
    .into_iter()
    .chain(TABELLE_1.iter().map(|s| (s.kurz, s.doku)))
}

fn landkreis_zeile(l: &Landkreis, rs: &Regionalschluessel, form: Csvform) -> Vec<String> {
    let dezimal = |d: f64| match form {
        Csvform::Tabellenkalkulation => d.to_string().replace('.', ","),
        Csvform::Rfc4180 => d.to_string(),
    };
    [l.name.clone(), rs.von(&l.name).to_owned()]
        .into_iter()
        .chain(TABELLE_1.iter().map(|s| s.wert(l).text_mit(dezimal)))
        .collect()
}

/// `landkreise.csv`: Tabelle 1, one Landkreis per row.
pub fn landkreise_csv(
    e: &Edition,
    rs: &Regionalschluessel,
    form: Csvform,
) -> Result<Vec<u8>, DatenFehler> {
    let kopf: Vec<&str> = landkreis_spalten().map(|s| s.0).collect();
    let zeilen = e
        .landkreise
        .iter()
        .map(|l| Ok(landkreis_zeile(l, rs, form)));
    csv_datei(form, &kopf, zeilen)
}
