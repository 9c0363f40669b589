//! `daten/katalog.jsonld`: the open data described in DCAT-AP.de (what
//! GovData and the Länder portals harvest) as JSON-LD: the catalogue, one
//! dataset per edition, one distribution per file (format, media type,
//! licence where the edition names one, date of the version). Addresses are
//! relative to the file, so the catalogue stays right wherever the site is
//! put; a harvester resolves them against the catalogue's address.

use serde_json::{Value, json};

use crate::model::Edition;

const FORMAT: &str = "http://publications.europa.eu/resource/authority/file-type/";
const MEDIEN: &str = "https://www.iana.org/assignments/media-types/";

/// One file of an edition's open data: name from the edition's root,
/// title, EU file type, media type.
const DATEIEN: &[(&str, &str, &str, &str)] = &[
    (
        "daten/projekte.json",
        "Projekte (JSON)",
        "JSON",
        "application/json",
    ),
    (
        "daten/projekte.csv",
        "Projekte (CSV für Tabellenkalkulationen: UTF-8 mit BOM, Semikolon)",
        "CSV",
        "text/csv",
    ),
    (
        "daten/projekte-rfc4180.csv",
        "Projekte (CSV nach RFC 4180)",
        "CSV",
        "text/csv",
    ),
    (
        "daten/landkreise.csv",
        "Tabelle 1: Landkreise (CSV für Tabellenkalkulationen)",
        "CSV",
        "text/csv",
    ),
    (
        "daten/landkreise-rfc4180.csv",
        "Tabelle 1: Landkreise (CSV nach RFC 4180)",
        "CSV",
        "text/csv",
    ),
];

fn kontext() -> Value {
    json!({
        "dcat": "http://www.w3.org/ns/dcat#",
        "dct": "http://purl.org/dc/terms/",
        "foaf": "http://xmlns.com/foaf/0.1/",
        "xsd": "http://www.w3.org/2001/XMLSchema#",
    })
}

fn datum(e: &Edition) -> Option<Value> {
    e.meta.aktuell().map(|h| {
        json!({
            "@value": format!("{:04}-{:02}-{:02}", h.datum.jahr, h.datum.monat, h.datum.tag),
            "@type": "xsd:date",
        })
    })
}

fn herausgeber(e: &Edition) -> Value {
    json!({"@type": "foaf:Agent", "foaf:name": e.meta.herausgeber})
}

fn verteilung(
    e: &Edition,
    ort: &str,
    datei: &str,
    titel: &str,
    format: &str,
    medium: &str,
) -> Value {
    // From daten/katalog.jsonld to the file.
    let adresse = format!("../{ort}{datei}");
    let mut v = json!({
        "@id": adresse,
        "@type": "dcat:Distribution",
        "dct:title": titel,
        "dcat:accessURL": {"@id": adresse},
        "dcat:downloadURL": {"@id": adresse},
        "dct:format": {"@id": format!("{FORMAT}{format}")},
        "dcat:mediaType": {"@id": format!("{MEDIEN}{medium}")},
    });
    if let Some(l) = e
        .meta
        .lizenz
        .as_ref()
        .filter(|l| crate::model::sichere_url(&l.url))
    {
        v["dct:license"] = json!({"@id": l.url, "@type": "dct:LicenseDocument"});
    }
    if let Some(d) = datum(e) {
        v["dct:modified"] = d;
    }
    v
}

/// A dataset: one edition with its files (and its PDF `pdf`), in the
/// folder `ort` of the site.
fn datensatz(e: &Edition, ort: &str, pdf: &str) -> Value {
    let mut verteilungen: Vec<Value> = DATEIEN
        .iter()
        .map(|(d, t, f, m)| verteilung(e, ort, d, t, f, m))
        .collect();
    verteilungen.push(verteilung(
        e,
        ort,
        pdf,
        "Der Bericht (PDF/UA)",
        "PDF",
        "application/pdf",
    ));
    let mut d = json!({
        "@id": format!("../{ort}index.html#ausgabe-{}", e.id),
        "@type": "dcat:Dataset",
        "dct:identifier": format!("ki-kataster-{}", e.id),
        "dct:title": format!("{}, Ausgabe {}", e.meta.titel, e.id),
        "dct:description": format!(
            "{}: die gemeldeten Projekte zu Künstlicher Intelligenz und RPA mit ihren \
             Steckbriefen und Tabelle 1 der teilnehmenden Landkreise.",
            e.meta.untertitel
        ),
        "dct:publisher": herausgeber(e),
        "dct:language": {"@id": "http://publications.europa.eu/resource/authority/language/DEU"},
        "dcat:theme": {"@id": "http://publications.europa.eu/resource/authority/data-theme/GOVE"},
        "dcat:keyword": ["Künstliche Intelligenz", "RPA", "Landkreise", "Niedersachsen", "KI-Kataster"],
        "dcat:landingPage": {"@id": format!("../{ort}daten.html")},
        "dcat:distribution": verteilungen,
    });
    if let Some(dt) = datum(e) {
        d["dct:modified"] = dt;
    }
    d
}

/// Where the catalogue lies in the site.
pub const DATEI: &str = "daten/katalog.jsonld";

/// The catalogue of the site's editions: (edition, its folder from the
/// site's root, its PDF), oldest first.
pub fn katalog(ausgaben: &[(&Edition, &str, &str)]) -> Value {
    let neueste = ausgaben.last().map(|a| a.0);
    json!({
        "@context": kontext(),
        "@id": "katalog.jsonld",
        "@type": "dcat:Catalog",
        "dct:title": neueste.map(|e| format!("KI-Kataster: {}", e.meta.titel)),
        "dct:description": "Die offenen Daten des KI-Katasters der niedersächsischen Landkreise: \
                            je Ausgabe die Projekte, Tabelle 1 und der Bericht.",
        "dct:publisher": neueste.map(herausgeber),
        "dct:language": {"@id": "http://publications.europa.eu/resource/authority/language/DEU"},
        "dcat:dataset": ausgaben.iter().map(|(e, ort, pdf)| datensatz(e, ort, pdf)).collect::<Vec<_>>(),
    })
}
