//! The edition as the layout reads it (`/generiert/daten.json`, typed by the
//! contract [`crate::vertrag`]): strings and numbers only, already
//! formatted; nothing here is markup.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::charts::Abbildung;
use crate::figures::{Kennzahlen, format};
use crate::model::tabelle::{self, SpaltenArt, Zelle};
use crate::model::{
    Antwort, Edition, EditionMeta, FELDER, FeldWert, Landkreis, Steckbrief, SteckbriefDatei,
};
use crate::vertrag as v;

/// A field's value as the fact sheet prints it.
pub fn anzeige(w: FeldWert<'_>) -> String {
    match w {
        FeldWert::Text(t) => t.to_owned(),
        FeldWert::Einfach(a) => a.text().to_owned(),
        FeldWert::Mehrfach(l) => l.iter().map(Antwort::text).collect::<Vec<_>>().join(", "),
    }
}

/// The whole `daten.json` (contract [`crate::vertrag`]): one part per key.
pub fn daten(
    e: &Edition,
    k: &Kennzahlen,
    abbildungen: &[Abbildung],
) -> Result<v::Daten, crate::figures::Rechenfehler> {
    Ok(v::Daten {
        edition: edition_daten(&e.id, &e.meta),
        tabelle: tabelle(e, k)?,
        steckbriefe: e
            .steckbriefe
            .iter()
            .map(|d| steckbrief_datei(e, d))
            .collect(),
        glossar: e
            .glossar
            .iter()
            .map(|g| v::Glossareintrag {
                begriff: g.begriff.clone(),
                erklaerung: g.erklaerung.clone(),
            })
            .collect(),
        quellen: quellen(e),
        abbildungen: abbildungen_daten(abbildungen),
        kennzahlen: k.liste.iter().map(|z| (z.name.clone(), z.text())).collect(),
    })
}

/// `edition`: title page, imprint and version history.
fn edition_daten(id: &str, meta: &EditionMeta) -> v::EditionDaten {
    let aktuell = meta.aktuell();
    let monat = crate::model::MONATE
        .get(usize::from(meta.monat).saturating_sub(1))
        .copied()
        .unwrap_or_default();
    v::EditionDaten {
        id: id.to_owned(),
        titel: meta.titel.clone(),
        untertitel: meta.untertitel.clone(),
        reihe: meta.reihe.clone(),
        monat_jahr: format!("{monat} {}", meta.jahr),
        herausgeber: meta.herausgeber.clone(),
        herausgeber_kurz: meta.herausgeber_kurz.clone(),
        version: aktuell.map(|h| h.version.clone()).unwrap_or_default(),
        datum: aktuell.map(|h| h.datum.deutsch()).unwrap_or_default(),
        datum_iso: aktuell.map(|h| v::DatumIso {
            jahr: h.datum.jahr,
            monat: h.datum.monat,
            tag: h.datum.tag,
        }),
        historie: historie(meta),
        mitwirkende: meta
            .mitwirkende
            .iter()
            .map(|m| v::Mitwirkende {
                name: m.name.clone(),
                organisation: m.organisation.clone(),
            })
            .collect(),
        bildnachweise: meta.bildnachweise.iter().map(bildnachweis).collect(),
        impressum: impressum(meta),
    }
}

/// The imprint; addresses only with a safe scheme (check refuses the others).
fn impressum(meta: &EditionMeta) -> v::Impressumdaten {
    let i = meta.impressum.clone().unwrap_or_default();
    let sicher = |u: Option<String>| u.filter(|u| crate::model::sichere_url(u));
    v::Impressumdaten {
        anschrift: i.anschrift,
        email: i.email,
        telefon: i.telefon,
        internet: sicher(i.internet),
        isbn: i.isbn,
        urn: i.urn,
        lizenz: meta.lizenz.as_ref().map(|l| v::Lizenzdaten {
            name: l.name.clone(),
            url: sicher(Some(l.url.clone())),
        }),
    }
}

/// A picture credit; its address only with a safe scheme (check refuses
/// the others).
fn bildnachweis(b: &crate::model::Bildnachweis) -> v::Bildnachweis {
    v::Bildnachweis {
        motiv: b.motiv.clone(),
        nachweis: b.nachweis.clone(),
        url: b.url.clone().filter(|u| crate::model::sichere_url(u)),
    }
}

/// `edition.historie`: the versions, newest first.
fn historie(meta: &EditionMeta) -> Vec<v::Historienzeile> {
    let mut historie = meta.historie.clone();
    historie.sort_by_key(|h| std::cmp::Reverse(h.datum));
    historie
        .iter()
        .map(|h| v::Historienzeile {
            version: h.version.clone(),
            datum: h.datum.deutsch(),
            bearbeiter: h.bearbeiter.clone(),
            anmerkung: h.anmerkung.clone(),
        })
        .collect()
}

/// `tabelle`: Tabelle 1, its rows and its sum row (the decimal column's
/// mean under `<kurz>_mittel`, the other totals under the short name).
fn tabelle(e: &Edition, k: &Kennzahlen) -> Result<v::Tabelle, crate::figures::Rechenfehler> {
    let mut summe = v::Summenzeile::default();
    for s in tabelle::SPALTEN {
        let Some(name) = s.summe else { continue };
        let w = k.wert(name)?;
        let wert = match s.art {
            SpaltenArt::Dezimal => v::Zellwert::Text(format::dezimal(w, 1)),
            _ => v::Zellwert::Anzahl(w as u64),
        };
        summe.0.insert(v::summenschluessel(s.kurz, s.art), wert);
    }
    Ok(v::Tabelle {
        zeilen: e.landkreise.iter().map(tabellenzeile).collect(),
        summe,
    })
}

/// One row of Tabelle 1, each column under its short name.
fn tabellenzeile(l: &Landkreis) -> v::Tabellenzeile {
    let mut zeile = v::Tabellenzeile::default();
    zeile.0.insert("name", v::Zellwert::Text(l.name.clone()));
    for s in tabelle::SPALTEN {
        let wert = match s.wert(l) {
            Zelle::Text(t) => v::Zellwert::Text(t.to_owned()),
            Zelle::JaNein(b) => v::Zellwert::JaNein(b),
            Zelle::Dezimal(d) => {
                v::Zellwert::Text(format::dezimal(d, if d.fract() == 0.0 { 0 } else { 1 }))
            }
            Zelle::Anzahl(n) => v::Zellwert::Anzahl(u64::from(n)),
        };
        zeile.0.insert(s.kurz, wert);
    }
    zeile
}

/// One entry of `steckbriefe`: a Landkreis and its fact sheets.
fn steckbrief_datei(e: &Edition, datei: &SteckbriefDatei) -> v::SteckbriefeDaten {
    let bezeichnung = e
        .landkreis(&datei.landkreis)
        .map(|l| l.bezeichnung())
        .unwrap_or_else(|| format!("Landkreis {}", datei.landkreis));
    v::SteckbriefeDaten {
        landkreis: datei.landkreis.clone(),
        projekte: datei
            .steckbriefe
            .iter()
            .map(|s| projekt(s, &bezeichnung))
            .collect(),
        bezeichnung,
    }
}

/// One fact sheet: its rows in the published order, the Landkreis after the
/// project name.
fn projekt(s: &Steckbrief, bezeichnung: &str) -> v::Projekt {
    let zeile = |label: &str, wert: String| v::Steckbriefzeile {
        label: label.to_owned(),
        wert,
    };
    let mut zeilen = Vec::new();
    for f in FELDER {
        if let Some(w) = s.wert(f.schluessel) {
            zeilen.push(zeile(f.bezeichnung, anzeige(w)));
        }
        if f.schluessel == "projektname" {
            zeilen.push(zeile("Landkreis", bezeichnung.to_owned()));
        }
    }
    v::Projekt {
        titel: s.projektname.clone(),
        zeilen,
    }
}

/// `quellen`: text and address by id; only a safe scheme becomes a link
/// (check refuses the others).
fn quellen(e: &Edition) -> BTreeMap<String, v::Quelle> {
    e.quellen
        .iter()
        .map(|q| {
            let quelle = v::Quelle {
                text: q.text.clone(),
                url: q.url.clone().filter(|u| crate::model::sichere_url(u)),
            };
            (q.id.clone(), quelle)
        })
        .collect()
}

/// `abbildungen`: file, captions and data table by id.
fn abbildungen_daten(abbildungen: &[Abbildung]) -> BTreeMap<String, v::AbbildungDaten> {
    abbildungen
        .iter()
        .map(|a| {
            let daten = v::AbbildungDaten {
                datei: a.pfad(),
                titel: a.titel.clone(),
                alt: a.alt.clone(),
                quelle: a.quelle.clone(),
                tabelle: a.tabelle.as_ref().map(|t| v::Datentabelle {
                    kopf: t.kopf.clone(),
                    zeilen: t.zeilen.clone(),
                }),
            };
            (a.id.clone(), daten)
        })
        .collect()
}

/// A word this long may break at the end of a line (with
/// [`Gestaltung::lange_woerter_umbrechen`](crate::model::Gestaltung)).
pub const LANGES_WORT: usize = 40;

/// The break opportunity put into a long word: U+200B ZERO WIDTH SPACE,
/// invisible, after every this many characters.
const UMBRUCH_ALLE: usize = 10;

/// `s` with a break opportunity every [`UMBRUCH_ALLE`] characters inside
/// each word of at least [`LANGES_WORT`] characters; words with a language
/// marker (`<`, `>`) stay as they are.
pub fn umbrechbar(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut wort = String::new();
    for c in s.chars() {
        if c.is_whitespace() {
            wort_schreiben(&mut wort, &mut out);
            out.push(c);
        } else {
            wort.push(c);
        }
    }
    wort_schreiben(&mut wort, &mut out);
    out
}

/// Appends `wort` to `out` (broken up if long) and empties it.
fn wort_schreiben(wort: &mut String, out: &mut String) {
    let n = wort.chars().count();
    if n >= LANGES_WORT && !wort.contains(['<', '>']) {
        for (i, c) in wort.chars().enumerate() {
            if i > 0 && i % UMBRUCH_ALLE == 0 {
                out.push('\u{200b}');
            }
            out.push(c);
        }
    } else {
        out.push_str(wort);
    }
    wort.clear();
}

/// The texts of the data a reader sees, each with its long words breakable
/// (titles, fact-sheet values, Tabelle 1's text cells, glossary, sources);
/// addresses, ids and file paths stay.
pub fn lange_woerter_umbrechbar(d: &mut v::Daten) {
    let u = |s: &mut String| *s = umbrechbar(s);
    for datei in &mut d.steckbriefe {
        for p in &mut datei.projekte {
            u(&mut p.titel);
            for z in &mut p.zeilen {
                u(&mut z.wert);
            }
        }
    }
    for zeile in &mut d.tabelle.zeilen {
        for w in zeile.0.values_mut() {
            if let v::Zellwert::Text(t) = w {
                u(t);
            }
        }
    }
    for g in &mut d.glossar {
        u(&mut g.begriff);
        u(&mut g.erklaerung);
    }
    for q in d.quellen.values_mut() {
        u(&mut q.text);
    }
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
    use serde_json::json;

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
        let lang = "X".repeat(25);
        assert_eq!(umbrechbar(&format!("kurz {lang}")), format!("kurz {lang}"));
        let sehr = "Y".repeat(45);
        let gebrochen = umbrechbar(&format!("a {sehr} b"));
        assert_eq!(gebrochen.replace('\u{200b}', ""), format!("a {sehr} b"));
        assert_eq!(gebrochen.matches('\u{200b}').count(), 4);
        let marke = format!("<en>{sehr}</en>");
        assert_eq!(umbrechbar(&marke), marke);
        let mut v = json!({"a": ["<en>Weak AI</en> und <fr>à la carte</fr>", 3]});
        sprachmarken_entfernen(&mut v);
        assert_eq!(v, json!({"a": ["Weak AI und à la carte", 3]}));
    }
}
