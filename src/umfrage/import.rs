//! The responses of the questionnaire ([`super::fragebogen`]) into an
//! edition's data: one response per project, with its Landkreis and that
//! Landkreis's row of Tabelle 1. Questions are found by the codes the
//! questionnaire gives them; answers by code or by full text. Every problem
//! of a run is collected, each located at its response and column.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde_json::{Map, Value, json};

use super::antworten::Antworten;
use super::lss::{Frage, Umfrage, ohne_tags};
use super::zuordnung::Zuordnung;
use crate::diagnostics::Diagnose;
use crate::model::tabelle::{SPALTEN as TABELLE_1, SpaltenArt};
use crate::model::{
    FELDER, FeldArt, Landkreis, Steckbrief, SteckbriefDatei, Vokabular, kennung_vorschlag,
};

/// What the import gives.
#[derive(Debug)]
pub struct Import {
    /// Tabelle 1, sorted by name.
    pub landkreise: Vec<Landkreis>,
    /// The fact sheets per Landkreis, in the order of the responses.
    pub steckbriefe: Vec<SteckbriefDatei>,
    /// Responses without a submit date: listed, not imported.
    pub unvollstaendig: Vec<String>,
    /// Responses submitted again with the same answers: (this one, the
    /// earlier one); skipped.
    pub wiederholt: Vec<(String, String)>,
    /// Fact-sheet fields the survey does not ask (a questionnaire from before
    /// the field was added): left empty, said once.
    pub nicht_gefragt: Vec<&'static str>,
}

/// Whether the survey has the question `code` (a field the questionnaire
/// does not ask has no column in its export).
fn gefragt(u: &Umfrage, code: &str) -> bool {
    u.questions.iter().any(|q| q.code == code)
}

/// The fact sheets read so far, with the response each came from.
#[derive(Default)]
struct Steckbriefe {
    dateien: Vec<SteckbriefDatei>,
    /// (project id, response id) of every fact sheet taken.
    herkunft: Vec<(String, String)>,
    wiederholt: Vec<(String, String)>,
}

impl Steckbriefe {
    /// Takes the fact sheet of response `antwort`; one with the id of an
    /// earlier one is skipped when it says the same (submitted twice) and
    /// refused when it does not.
    fn aufnehmen(&mut self, landkreis: &str, s: Steckbrief, antwort: &str) -> Result<(), String> {
        let frueher = self.herkunft.iter().find(|(id, _)| *id == s.id).cloned();
        if let Some((_, von)) = frueher {
            let gleich = self
                .dateien
                .iter()
                .flat_map(|d| d.steckbriefe.iter())
                .any(|x| *x == s);
            if gleich {
                self.wiederholt.push((antwort.to_owned(), von));
                return Ok(());
            }
            return Err(format!(
                "Antwort {antwort} und Antwort {von} geben dem Projekt „{}“ verschiedene Angaben",
                s.id
            ));
        }
        self.herkunft.push((s.id.clone(), antwort.to_owned()));
        match self.dateien.iter_mut().find(|d| d.landkreis == landkreis) {
            Some(d) => d.steckbriefe.push(s),
            None => self.dateien.push(SteckbriefDatei {
                landkreis: landkreis.to_owned(),
                steckbriefe: vec![s],
            }),
        }
        Ok(())
    }
}

/// Values that tick a multiple-choice option (codes export `Y`, full texts
/// `Ja`/`Yes`) and that leave it unticked (LimeSurvey 6.14 exports an
/// option never set as `N/A`, 6.4 as `Nein`).
const ANGEKREUZT: &[&str] = &["Y", "Ja", "Yes", "1"];
const LEER: &[&str] = &["", "N", "Nein", "No", "0", "N/A"];

/// Reads one response.
/// The longest answer the import takes (bytes): the longest of 2025 has
/// about 2,000; a fact-sheet file may have 2 MB (`projekt::MAX_DATEN`).
pub const MAX_ANTWORT: usize = 100_000;

struct Leser<'a> {
    umfrage: &'a Umfrage,
    zuordnung: &'a Zuordnung,
    vokabular: &'a Vokabular,
    antworten: &'a Antworten,
    werte: &'a [String],
    zeile: usize,
    id: String,
    datei: &'a Path,
    fehler: &'a mut Vec<Diagnose>,
    fehlende_spalten: &'a mut BTreeSet<String>,
}

impl Leser<'_> {
    fn frage(&mut self, code: &str) -> Option<&Frage> {
        let f = self.umfrage.questions.iter().find(|f| f.code == code);
        if f.is_none() && self.fehlende_spalten.insert(format!("Frage {code}")) {
            self.fehler.push(
                Diagnose::neu(
                    self.datei,
                    format!("die Umfragestruktur hat keine Frage mit dem Code „{code}“"),
                )
                .hilfe(
                    "Die Antworten müssen aus dem Fragebogen von `kataster-report survey \
                     questionnaire` stammen; dessen Fragecodes kennt der Import.",
                ),
            );
        }
        f
    }

    /// The raw value of a column; a missing column is reported once, an
    /// answer longer than [`MAX_ANTWORT`] is reported and left out.
    fn roh(&mut self, code: &str, teil: Option<&str>) -> Option<&str> {
        match self.antworten.spalte(code, teil) {
            Some(i) => {
                let werte = self.werte;
                let wert = werte.get(i).map(|s| s.trim())?;
                if wert.len() > MAX_ANTWORT {
                    self.fehler.push(
                        Diagnose::neu(
                            self.datei,
                            format!(
                                "Antwort {}, Frage {code}: die Antwort ist {} Zeichen lang, \
                                 höchstens {MAX_ANTWORT} werden übernommen",
                                self.id,
                                wert.chars().count()
                            ),
                        )
                        .an(self.zeile, 1, 0..0)
                        .feld(Antworten::name(code, teil))
                        .hilfe("Kürzen Sie die Antwort in LimeSurvey und exportieren Sie neu."),
                    );
                    return None;
                }
                Some(wert)
            }
            None => {
                let name = Antworten::name(code, teil);
                if self.fehlende_spalten.insert(name.clone()) {
                    self.fehler.push(
                        Diagnose::neu(self.datei, format!("die Spalte „{name}“ fehlt"))
                            .an(1, 1, 0..0)
                            .feld(name)
                            .hilfe(
                                "Exportieren Sie alle Fragen, mit Fragecodes als \
                                 Überschriften (Antworten exportieren → Überschriften: \
                                 Fragecode).",
                            ),
                    );
                }
                None
            }
        }
    }

    fn melden(&mut self, code: &str, spalte: &str, wert: &str, erwartet: String, hilfe: &str) {
        self.fehler.push(
            Diagnose::neu(
                self.datei,
                format!(
                    "Antwort {}, Frage {code}, Spalte „{spalte}“: „{wert}“ – erwartet {erwartet}",
                    self.id
                ),
            )
            .an(self.zeile, 1, 0..0)
            .feld(spalte)
            .hilfe(hilfe),
        );
    }

    /// A text answer without HTML; `None` when empty.
    fn text(&mut self, code: &str) -> Option<String> {
        let t = ohne_html_zeilen(self.roh(code, None)?);
        (!t.is_empty()).then_some(t)
    }

    /// The value of an option of question `code`, as the mapping says;
    /// outside vocabulary `name` (a foreign survey's option) a "Sonstiges".
    fn option(&self, code: &str, o: &super::lss::Option_, name: Option<&str>) -> Value {
        let w = self.zuordnung.wert(code, o);
        let im_vokabular = name.is_none_or(|n| {
            self.vokabular
                .liste(n)
                .unwrap_or_default()
                .iter()
                .any(|e| e.wert == w)
        });
        if im_vokabular {
            json!(w)
        } else {
            json!({"sonstiges": w})
        }
    }

    /// The option chosen in a list question, by code or full text, or the
    /// "Sonstiges" text, or the text of a text question; as JSON of an
    /// `Antwort`. `name`: the vocabulary of the field.
    fn einfach(&mut self, code: &str, name: Option<&str>) -> Option<Value> {
        let wert = self.roh(code, None)?.to_owned();
        if wert.is_empty() {
            return None;
        }
        let frage = self.frage(code)?.clone();
        if frage.answers.is_empty() {
            return Some(json!(ohne_html_zeilen(&wert)));
        }
        // The free "Sonstiges" answer: code `-oth-`, or as full text
        // "Sonstiges" with its text filled in (an option of the list may be
        // called "Sonstiges" too; then the text column is empty).
        let frei = wert == "-oth-" || matches!(wert.as_str(), "Sonstiges" | "Other");
        if frage.other && frei {
            let t = ohne_html_zeilen(self.roh(code, Some("other")).unwrap_or_default());
            // Without a text it is the bare value "Sonstiges" (the
            // vocabulary check says whether the list has it).
            return Some(if t.is_empty() {
                json!(super::fragebogen::SONSTIGES)
            } else {
                json!({"sonstiges": t})
            });
        }
        if let Some(a) = frage
            .answers
            .iter()
            .find(|a| a.code == wert || a.text == wert)
        {
            return Some(self.option(code, a, name));
        }
        if wert == "-oth-" {
            return None;
        }
        let codes: Vec<&str> = frage.answers.iter().map(|a| a.code.as_str()).collect();
        self.melden(
            code,
            code,
            &wert,
            format!("einen der Codes {} oder ihren Text", codes.join(", ")),
            "Prüfen Sie, ob Umfragestruktur und Antworten aus derselben Umfrage stammen.",
        );
        None
    }

    /// The options ticked in a multiple-choice question and its
    /// "Sonstiges" text.
    fn mehrfach(&mut self, code: &str, name: &str) -> Option<Value> {
        let frage = self.frage(code)?.clone();
        let mut liste = Vec::new();
        for s in &frage.subquestions {
            let Some(w) = self.roh(code, Some(&s.code)).map(str::to_owned) else {
                continue;
            };
            if ANGEKREUZT.contains(&w.as_str()) {
                liste.push(self.option(code, s, Some(name)));
            } else if !LEER.contains(&w.as_str()) {
                let spalte = Antworten::name(code, Some(&s.code));
                self.melden(
                    code,
                    &spalte,
                    &w,
                    "„Y“ (angekreuzt) oder nichts".into(),
                    "Exportieren Sie angekreuzte Optionen als „Y“ oder als vollen Text („Ja“).",
                );
            }
        }
        if frage.other {
            let t = ohne_html_zeilen(self.roh(code, Some("other")).unwrap_or_default());
            if !t.is_empty() {
                liste.push(json!({"sonstiges": t}));
            }
        }
        (!liste.is_empty()).then_some(Value::Array(liste))
    }

    /// A count (a whole number, at least 0).
    fn anzahl(&mut self, code: &str) -> u32 {
        let w = self.roh(code, None).unwrap_or_default().to_owned();
        // A survey archive's responses (`.lsr`) write every number with
        // ten decimals: `3.0000000000` is 3.
        let ganz = match w.split_once('.') {
            Some((vorne, hinten)) if !hinten.is_empty() && hinten.bytes().all(|b| b == b'0') => {
                vorne
            }
            _ => w.as_str(),
        };
        match ganz.parse::<u32>() {
            Ok(n) => n,
            Err(_) if w.is_empty() => 0,
            Err(_) => {
                self.melden(
                    code,
                    code,
                    &w,
                    "eine ganze Zahl ab 0".into(),
                    "Tragen Sie die Anzahl als Zahl ein, z. B. 3.",
                );
                0
            }
        }
    }

    /// A decimal number, with a point or a German comma.
    fn dezimal(&mut self, code: &str) -> f64 {
        let w = self.roh(code, None).unwrap_or_default().to_owned();
        if w.is_empty() {
            return 0.0;
        }
        match crate::model::Dezimal::aus_text(&w) {
            Some(d) => d.0,
            None => {
                self.melden(
                    code,
                    code,
                    &w,
                    "eine Zahl wie 0,5".into(),
                    "Schreiben Sie die Zahl mit Komma oder Punkt, z. B. 0,5.",
                );
                0.0
            }
        }
    }

    fn ja_nein(&mut self, code: &str) -> bool {
        let w = self.einfach(code, None);
        matches!(
            w.as_ref().and_then(Value::as_str),
            Some("Ja" | "J" | "Y" | "Yes" | "1")
        )
    }

    /// The question code of a field of Tabelle 1 (reported once if the
    /// mapping has none).
    fn tabelle(&mut self, feld: &str) -> String {
        if let Some(c) = self.zuordnung.tabelle.get(feld) {
            return c.clone();
        }
        if self.fehlende_spalten.insert(format!("tabelle {feld}")) {
            self.fehler.push(
                Diagnose::neu(
                    self.datei,
                    format!("umfrage.yaml nennt keine Frage für Tabelle 1, Feld {feld}"),
                )
                .hilfe(
                    "Tragen Sie unter tabelle den Fragecode ein (kataster-report survey map \
                     schlägt ihn vor).",
                ),
            );
        }
        String::new()
    }
}

/// A free-text answer without HTML tags (a respondent's text as typed:
/// spaces and line breaks stay, the data's language markers `<en>…</en>`
/// too), trimmed.
fn ohne_html_zeilen(s: &str) -> String {
    crate::report_data::sprachteile(s)
        .into_iter()
        .map(|(lang, t)| match lang {
            Some(l) => format!("<{l}>{t}</{l}>"),
            None => ohne_tags(t, '\n'),
        })
        .collect::<String>()
        .trim()
        .to_owned()
}

/// The Landkreis of a response, its row of Tabelle 1 and its fact sheet (if
/// it names a project).
fn antwort_lesen(
    l: &mut Leser,
    region: &dyn Fn(&str) -> bool,
) -> Option<(Landkreis, Option<Steckbrief>)> {
    let lk = l.zuordnung.landkreis.clone();
    let gefuellt = l.roh(&lk, None).is_some_and(|w| !w.is_empty());
    let name = match l.einfach(&lk, None) {
        Some(Value::String(n)) => n,
        // A value that names no Landkreis is reported as such already.
        _ if gefuellt => return None,
        _ => {
            l.fehler.push(
                Diagnose::neu(l.datei, format!("Antwort {}: kein Landkreis angegeben (Frage {lk})", l.id))
                    .an(l.zeile, 1, 0..0)
                    .feld(lk)
                    .hilfe("Jede Antwort nennt ihren Landkreis; tragen Sie ihn in LimeSurvey nach oder löschen Sie die Antwort."),
            );
            return None;
        }
    };
    let mut zeile = tabellenzeile_lesen(l);
    zeile.insert("name".into(), json!(name));
    let art = if region(&name) { "Region" } else { "Landkreis" };
    zeile.insert("art".into(), json!(art));
    let zeile = Value::Object(zeile);
    let landkreis: Landkreis = serde_json::from_value(zeile).ok()?;
    let steckbrief = steckbrief_lesen(l, &landkreis.name);
    Some((landkreis, steckbrief))
}

/// A response's answers to the columns of Tabelle 1, each at its place in
/// `landkreise.yaml` (`projekte.geplant` nested).
fn tabellenzeile_lesen(l: &mut Leser) -> Map<String, Value> {
    let codes: Vec<String> = TABELLE_1.iter().map(|s| l.tabelle(s.kurz)).collect();
    let mut zeile = Map::new();
    for (s, code) in TABELLE_1.iter().zip(&codes) {
        let wert = match s.art {
            SpaltenArt::Text => json!(l.text(code).unwrap_or_default()),
            // A choice outside the vocabulary (the survey's "Sonstiges")
            // stays a free answer: `{sonstiges: "…"}`.
            SpaltenArt::Auswahl(v) => l.einfach(code, Some(v)).unwrap_or(json!("")),
            SpaltenArt::JaNein => json!(l.ja_nein(code)),
            SpaltenArt::Dezimal => json!(l.dezimal(code)),
            SpaltenArt::Anzahl => json!(l.anzahl(code)),
        };
        einsetzen(&mut zeile, s.schluessel, wert);
    }
    zeile
}

/// Puts `wert` at the dotted `pfad` of `m`.
fn einsetzen(m: &mut Map<String, Value>, pfad: &str, wert: Value) {
    match pfad.split_once('.') {
        None => {
            m.insert(pfad.to_owned(), wert);
        }
        Some((kopf, rest)) => {
            let innen = m.entry(kopf).or_insert_with(|| json!({}));
            if let Value::Object(innen) = innen {
                einsetzen(innen, rest, wert);
            }
        }
    }
}

fn steckbrief_lesen(l: &mut Leser, landkreis: &str) -> Option<Steckbrief> {
    let mut m = Map::new();
    for f in FELDER {
        let Some(code) = l.zuordnung.felder.get(f.schluessel).cloned() else {
            continue;
        };
        if !gefragt(l.umfrage, &code) {
            continue;
        }
        let wert = match f.art {
            FeldArt::Text => l.text(&code).map(Value::String),
            FeldArt::Einfach(name) => l.einfach(&code, Some(name)),
            FeldArt::Mehrfach(name) => l.mehrfach(&code, name),
        };
        if let Some(w) = wert {
            m.insert(f.schluessel.to_owned(), w);
        }
    }
    let name = m.get("projektname").and_then(Value::as_str)?.to_owned();
    let kennung = l
        .zuordnung
        .kennung
        .clone()
        .and_then(|k| l.text(&k))
        .filter(|k| crate::projekt::pruefe_edition_id(k).is_ok() && !k.contains('_'))
        .unwrap_or_else(|| kennung_vorschlag(landkreis, &name));
    m.insert("id".into(), json!(kennung));
    match serde_json::from_value(Value::Object(m)) {
        Ok(s) => Some(s),
        Err(e) => {
            l.fehler
                .push(Diagnose::neu(l.datei, format!("Antwort {}: {e}", l.id)).an(
                    l.zeile,
                    1,
                    0..0,
                ));
            None
        }
    }
}

/// Imports every submitted response; all problems together.
pub fn importieren(
    umfrage: &Umfrage,
    quellen: (&Antworten, &Path),
    zuordnung: (&Zuordnung, &Vokabular),
    region: &dyn Fn(&str) -> bool,
) -> Result<Import, Vec<Diagnose>> {
    let (antworten, datei) = quellen;
    let (zuordnung, vokabular) = zuordnung;
    let mut fehler = Vec::new();
    let mut fehlende = BTreeSet::new();
    let mut unvollstaendig = Vec::new();
    let mut zeilen: BTreeMap<String, (Landkreis, String)> = BTreeMap::new();
    let mut steckbriefe = Steckbriefe::default();
    let spalte = |n: &str| antworten.kopf.iter().position(|k| k == n);
    let (id_spalte, fertig) = (spalte("id"), spalte("submitdate"));
    for (zeile, werte) in &antworten.zeilen {
        let id = id_spalte
            .and_then(|i| werte.get(i))
            .cloned()
            .unwrap_or_default();
        if fertig
            .and_then(|i| werte.get(i))
            .is_none_or(|s| s.trim().is_empty())
        {
            unvollstaendig.push(id);
            continue;
        }
        let mut l = Leser {
            umfrage,
            zuordnung,
            vokabular,
            antworten,
            werte,
            zeile: *zeile,
            id: id.clone(),
            datei,
            fehler: &mut fehler,
            fehlende_spalten: &mut fehlende,
        };
        let Some((lk, steckbrief)) = antwort_lesen(&mut l, region) else {
            continue;
        };
        match zeilen.get(&lk.name) {
            Some((frueher, von)) if *frueher != lk => fehler.push(
                Diagnose::neu(
                    datei,
                    format!(
                        "Antwort {id} gibt für {} andere Angaben zu Tabelle 1 als Antwort {von}",
                        lk.name
                    ),
                )
                .an(*zeile, 1, 0..0)
                .hilfe("Tabelle 1 hat eine Zeile je Landkreis: gleichen Sie die Antworten in LimeSurvey an."),
            ),
            Some(_) => {}
            None => {
                zeilen.insert(lk.name.clone(), (lk.clone(), id.clone()));
            }
        }
        if let Some(s) = steckbrief
            && let Err(m) = steckbriefe.aufnehmen(&lk.name, s, &id)
        {
            fehler.push(Diagnose::neu(datei, m).an(*zeile, 1, 0..0).hilfe(
                "Ist es dasselbe Projekt, löschen Sie die überholte Antwort in LimeSurvey; sonst \
                 geben Sie einem der beiden eine eigene Kennung (Frage kennung).",
            ));
        }
    }
    if !fehler.is_empty() {
        return Err(fehler);
    }
    let nicht_gefragt = FELDER
        .iter()
        .filter(|f| {
            zuordnung
                .felder
                .get(f.schluessel)
                .is_some_and(|c| !gefragt(umfrage, c))
        })
        .map(|f| f.schluessel)
        .collect();
    Ok(Import {
        landkreise: zeilen.into_values().map(|(l, _)| l).collect(),
        steckbriefe: steckbriefe.dateien,
        unvollstaendig,
        wiederholt: steckbriefe.wiederholt,
        nicht_gefragt,
    })
}
