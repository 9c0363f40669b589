//! The edition as the JSON the Typst layout reads (`/generiert/daten.json`):
//! strings and numbers only, already formatted; nothing here is markup.

use serde_json::{Map, Value, json};

use crate::charts::Abbildung;
use crate::figures::{Kennzahlen, format};
use crate::model::tabelle::{self, Spalte, SpaltenArt, Zelle};
use crate::model::{
    Antwort, Edition, EditionMeta, FELDER, FeldWert, Landkreis, Steckbrief, SteckbriefDatei,
};

/// A field's value as the fact sheet prints it.
pub fn anzeige(w: FeldWert<'_>) -> String {
    match w {
        FeldWert::Text(t) => t.to_owned(),
        FeldWert::Einfach(a) => a.text().to_owned(),
        FeldWert::Mehrfach(l) => l.iter().map(Antwort::text).collect::<Vec<_>>().join(", "),
    }
}

/// The whole `daten.json`: one part per key.
pub fn daten_json(
    e: &Edition,
    k: &Kennzahlen,
    abbildungen: &[Abbildung],
) -> Result<Value, crate::figures::Rechenfehler> {
    Ok(json!({
        "edition": edition_json(&e.id, &e.meta),
        "tabelle": tabelle_json(e, k)?,
        "steckbriefe": e.steckbriefe.iter().map(|d| steckbrief_datei_json(e, d)).collect::<Vec<_>>(),
        "glossar": e.glossar,
        "quellen": quellen_json(e),
        "abbildungen": abbildungen_json(abbildungen),
        "kennzahlen": kennzahlen_json(k),
    }))
}

/// `edition`: title page, imprint and version history.
fn edition_json(id: &str, meta: &EditionMeta) -> Value {
    let aktuell = meta.aktuell();
    let monat = crate::model::MONATE
        .get(usize::from(meta.monat).saturating_sub(1))
        .copied()
        .unwrap_or_default();
    json!({
        "id": id,
        "titel": meta.titel,
        "untertitel": meta.untertitel,
        "reihe": meta.reihe,
        "monat_jahr": format!("{monat} {}", meta.jahr),
        "herausgeber": meta.herausgeber,
        "herausgeber_kurz": meta.herausgeber_kurz,
        "version": aktuell.map(|h| h.version.clone()).unwrap_or_default(),
        "datum": aktuell.map(|h| h.datum.deutsch()).unwrap_or_default(),
        "datum_iso": aktuell.map(|h| json!({"jahr": h.datum.jahr, "monat": h.datum.monat, "tag": h.datum.tag})),
        "historie": historie_json(meta),
        "mitwirkende": meta.mitwirkende,
        "bildnachweise": meta.bildnachweise.iter().map(bildnachweis_json).collect::<Vec<_>>(),
    })
}

/// A picture credit; its address only with a safe scheme (check refuses
/// the others).
fn bildnachweis_json(b: &crate::model::Bildnachweis) -> Value {
    let mut v = json!({"motiv": b.motiv, "nachweis": b.nachweis});
    if let Some(u) = b.url.as_deref().filter(|u| crate::model::sichere_url(u)) {
        v["url"] = json!(u);
    }
    v
}

/// `edition.historie`: the versions, newest first.
fn historie_json(meta: &EditionMeta) -> Vec<Value> {
    let mut historie = meta.historie.clone();
    historie.sort_by_key(|h| std::cmp::Reverse(h.datum));
    historie
        .iter()
        .map(|h| {
            json!({
                "version": h.version, "datum": h.datum.deutsch(),
                "bearbeiter": h.bearbeiter, "anmerkung": h.anmerkung,
            })
        })
        .collect()
}

/// `tabelle`: Tabelle 1, its rows and its sum row.
/// The totals row prints the decimal column's mean under this key
/// (`vzae_mittel`), the other totals under the column's short name.
fn summenschluessel(s: &Spalte) -> String {
    match s.art {
        SpaltenArt::Dezimal => format!("{}_mittel", s.kurz),
        _ => s.kurz.to_owned(),
    }
}

fn tabelle_json(e: &Edition, k: &Kennzahlen) -> Result<Value, crate::figures::Rechenfehler> {
    let mut summe = Map::new();
    for s in tabelle::SPALTEN {
        let Some(name) = s.summe else { continue };
        let w = k.wert(name)?;
        let wert = match s.art {
            SpaltenArt::Dezimal => json!(format::dezimal(w, 1)),
            _ => json!(w as u64),
        };
        summe.insert(summenschluessel(s), wert);
    }
    Ok(json!({
        "zeilen": e.landkreise.iter().map(tabellenzeile_json).collect::<Vec<_>>(),
        "summe": summe,
    }))
}

/// One row of Tabelle 1, each column under its short name.
fn tabellenzeile_json(l: &Landkreis) -> Value {
    let mut zeile = Map::new();
    zeile.insert("name".into(), json!(l.name));
    for s in tabelle::SPALTEN {
        let wert = match s.wert(l) {
            Zelle::Text(t) => json!(t),
            Zelle::JaNein(b) => json!(b),
            Zelle::Dezimal(d) => json!(format::dezimal(d, if d.fract() == 0.0 { 0 } else { 1 })),
            Zelle::Anzahl(n) => json!(n),
        };
        zeile.insert(s.kurz.into(), wert);
    }
    Value::Object(zeile)
}

/// One entry of `steckbriefe`: a Landkreis and its fact sheets.
fn steckbrief_datei_json(e: &Edition, datei: &SteckbriefDatei) -> Value {
    let bezeichnung = e
        .landkreis(&datei.landkreis)
        .map(|l| l.bezeichnung())
        .unwrap_or_else(|| format!("Landkreis {}", datei.landkreis));
    let projekte: Vec<Value> = datei
        .steckbriefe
        .iter()
        .map(|s| projekt_json(s, &bezeichnung))
        .collect();
    json!({"landkreis": datei.landkreis, "bezeichnung": bezeichnung, "projekte": projekte})
}

/// One fact sheet: its rows in the published order, the Landkreis after the
/// project name.
fn projekt_json(s: &Steckbrief, bezeichnung: &str) -> Value {
    let mut zeilen = Vec::new();
    for f in FELDER {
        if let Some(w) = s.wert(f.schluessel) {
            zeilen.push(json!({"label": f.bezeichnung, "wert": anzeige(w)}));
        }
        if f.schluessel == "projektname" {
            zeilen.push(json!({"label": "Landkreis", "wert": bezeichnung}));
        }
    }
    json!({"titel": s.projektname, "zeilen": zeilen})
}

/// `quellen`: text and address by id.
fn quellen_json(e: &Edition) -> Map<String, Value> {
    e.quellen
        .iter()
        .map(|q| {
            // Only a safe scheme becomes a link (check refuses the others).
            let url = q.url.as_deref().filter(|u| crate::model::sichere_url(u));
            (q.id.clone(), json!({"text": q.text, "url": url}))
        })
        .collect()
}

/// `abbildungen`: file, captions and data table by id.
fn abbildungen_json(abbildungen: &[Abbildung]) -> Map<String, Value> {
    abbildungen
        .iter()
        .map(|a| {
            (
                a.id.clone(),
                json!({
                    "datei": a.pfad(),
                    "titel": a.titel,
                    "alt": a.alt,
                    "quelle": a.quelle,
                    "tabelle": a.tabelle,
                }),
            )
        })
        .collect()
}

/// `kennzahlen`: every figure as its formatted text, by name.
fn kennzahlen_json(k: &Kennzahlen) -> Map<String, Value> {
    k.liste
        .iter()
        .map(|z| (z.name.clone(), Value::String(z.text())))
        .collect()
}

/// The passages of a data text marked as another language, `<en>…</en>`
/// (two lowercase letters, the same code closing, no `<` inside): the
/// layouts that tag languages read the same form (`sprachen` in lib.typ).
/// Returns the text split into (language, part) pairs; unmarked parts have
/// no language.
pub fn sprachteile(s: &str) -> Vec<(Option<&str>, &str)> {
    let mut teile = Vec::new();
    let mut rest = s;
    while let Some((vor, code, inhalt, nach)) = naechste_marke(rest) {
        teile.push((None, vor));
        teile.push((Some(code), inhalt));
        rest = nach;
    }
    teile.push((None, rest));
    teile.retain(|(_, t)| !t.is_empty());
    teile
}

/// The first well-formed marker in `s`: text before it, code, content,
/// text after it.
fn naechste_marke(s: &str) -> Option<(&str, &str, &str, &str)> {
    let mut ab = 0;
    while let Some(i) = s[ab..].find('<').map(|i| ab + i) {
        let kopf = s.get(i + 1..i + 4);
        if let Some(k) = kopf
            && k.ends_with('>')
            && crate::templates::helfer::sprachcode_gueltig(&k[..2])
        {
            let code = &k[..2];
            let innen = &s[i + 4..];
            let ende = innen.find('<').unwrap_or(innen.len());
            let schluss = format!("</{code}>");
            if innen[ende..].starts_with(&schluss) {
                return Some((
                    &s[..i],
                    code,
                    &innen[..ende],
                    &innen[ende + schluss.len()..],
                ));
            }
        }
        ab = i + 1;
    }
    None
}

/// Every string of `v` without its language markers (for a layout that
/// does not tag languages): the text as it reads.
pub fn sprachmarken_entfernen(v: &mut Value) {
    match v {
        Value::String(s) if s.contains('<') => {
            *s = sprachteile(s).into_iter().map(|(_, t)| t).collect();
        }
        Value::Array(a) => a.iter_mut().for_each(sprachmarken_entfernen),
        Value::Object(o) => o.values_mut().for_each(sprachmarken_entfernen),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sprachmarken() {
        assert_eq!(
            sprachteile("erstmal \"<en>silent go live</en>\" um"),
            vec![
                (None, "erstmal \""),
                (Some("en"), "silent go live"),
                (None, "\" um")
            ]
        );
        // Not a marker: printed as written.
        for s in [
            "a < b",
            "<script>x</script>",
            "<en>offen",
            "<en>a</fr>",
            "<EN>a</EN>",
            "<en>a<b</en>",
        ] {
            assert_eq!(sprachteile(s), vec![(None, s)], "{s}");
        }
        let mut v = json!({"a": ["<en>Weak AI</en> und <fr>à la carte</fr>", 3]});
        sprachmarken_entfernen(&mut v);
        assert_eq!(v, json!({"a": ["Weak AI und à la carte", 3]}));
    }
}
