//! Loading an edition from `data/<id>/`: YAML with resource limits, a spanned
//! tree for locations, the JSON Schema of each file for structure, then serde.
//! Every problem of a run is collected; nothing stops at the first one.

mod orter;
mod schema_check;
pub mod tree;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

use crate::diagnostics::Diagnose;
use crate::model::{
    Abweichungen, Edition, EditionMeta, Glossar, KennzahlenDatei, Landkreise, Quellen,
    SteckbriefDatei, Vokabular,
};
use crate::projekt;
use crate::projekt::Projektpfade;
use crate::validate;
pub(crate) use orter::Orter;
pub use schema_check::feld_pfad;
pub use tree::{Knoten, Wert};

/// A loaded data file: its spanned tree (its text is in [`Quelltexte`]).
#[derive(Debug, Clone)]
pub struct Datei {
    /// Relative to the project root.
    pub pfad: PathBuf,
    pub baum: Knoten,
}

/// The sources read in a run, for rendering diagnostics with their lines.
#[derive(Debug, Default, Clone)]
pub struct Quelltexte {
    texte: BTreeMap<PathBuf, String>,
}

impl Quelltexte {
    pub fn merken(&mut self, pfad: &Path, text: &str) {
        self.texte.insert(pfad.to_path_buf(), text.to_owned());
    }
    pub fn text(&self, pfad: &Path) -> Option<String> {
        self.texte.get(pfad).cloned()
    }
}

/// Everything loaded for an edition, with the parsed files kept for locating
/// problems that later stages find.
#[derive(Clone)]
pub struct Geladen {
    pub edition: Edition,
    pub dateien: BTreeMap<PathBuf, Datei>,
    /// The design of the edition's layout (`gestaltung.yaml`), set by the
    /// pipeline once the layout is known.
    pub gestaltung: crate::model::Gestaltung,
    /// What the data have that passes but an editor should see (nearly
    /// equal vocabulary values); every command that checks shows them.
    pub warnungen: Vec<Diagnose>,
}

/// The editions in `data/`: every folder with a plain name and an
/// `edition.yaml` inside the project, sorted.
pub fn editionen(wurzel: &Path) -> Vec<String> {
    projekt::ordner(wurzel, Path::new(Projektpfade::DATEN))
        .unwrap_or_default()
        .into_iter()
        .filter(|id| projekt::pruefe_edition_id(id).is_ok())
        .filter(|id| projekt::ist_datei(wurzel, &Projektpfade::ausgabedatei(id, "edition.yaml")))
        .collect()
}

/// Reads a data file as UTF-8 text, within the size limit, inside the project.
pub fn lese_text(wurzel: &Path, relativ: &Path) -> Result<String, Diagnose> {
    projekt::lese_text(wurzel, relativ, projekt::MAX_DATEN).map_err(|e| e.diagnose())
}

/// Limits against pathological input: deep nesting and alias bombs are
/// refused after a bounded amount of work.
fn optionen() -> serde_saphyr::Options {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_depth = 24;
    budget.max_aliases = 200;
    budget.max_anchors = 200;
    budget.max_nodes = 200_000;
    budget.max_events = 400_000;
    serde_saphyr::options! {
        budget: Some(budget),
        duplicate_keys: serde_saphyr::DuplicateKeyPolicy::Error,
        strict_booleans: true,
        // `010` and `1_000` are text (then a located type error in a number
        // field), not 10 or 1000 in silence.
        leading_zero_numbers_as_strings: true,
        underscored_numbers_as_strings: true,
    }
}

pub fn parse_yaml(relativ: &Path, text: &str) -> Result<Knoten, Diagnose> {
    let baum = yaml_baum(relativ, text)?;
    match fremde_zahlform(relativ, text, &baum) {
        Some(d) => Err(d),
        None => Ok(baum),
    }
}

/// The first whole number not written as editors write numbers: `0x10`,
/// `0o20`, `+5` (YAML reads them as numbers; a reader of the file would
/// not).
fn fremde_zahlform(relativ: &Path, text: &str, baum: &Knoten) -> Option<Diagnose> {
    let mut fund = None;
    baum.jeder(&mut |k, pfad| {
        let Wert::Ganzzahl(wert) = k.wert else { return };
        let geschrieben = text.get(k.bytes.clone()).unwrap_or_default().trim();
        let ziffern = geschrieben.strip_prefix('-').unwrap_or(geschrieben);
        let dezimal = !ziffern.is_empty() && ziffern.bytes().all(|b| b.is_ascii_digit());
        if fund.is_none() && !geschrieben.is_empty() && !dezimal {
            fund = Some(
                Diagnose::neu(
                    relativ,
                    format!("„{geschrieben}“: ganze Zahlen stehen hier nur mit den Ziffern 0–9"),
                )
                .an(k.zeile, k.spalte, k.bytes.clone())
                .feld(feld_pfad(pfad))
                .hilfe(format!("Schreiben Sie {wert}.")),
            );
        }
    });
    fund
}

/// The YAML tree of a text, a syntax error in German at its place.
fn yaml_baum(relativ: &Path, text: &str) -> Result<Knoten, Diagnose> {
    serde_saphyr::from_str_with_options::<Knoten>(text, optionen()).map_err(|e| {
        let (meldung, hilfe) = yaml_fehler_text(&e);
        let mut d = Diagnose::neu(relativ, meldung).hilfe(hilfe);
        if let Some(ort) = e.location() {
            let zeile = ort.line() as usize;
            let spalte = ort.column() as usize;
            let start = crate::diagnostics::offset_von(text, zeile, spalte);
            let ende = text[start..]
                .chars()
                .next()
                .map_or(start, |c| start + c.len_utf8());
            d = d.an(zeile, spalte, start..ende);
        }
        d
    })
}

/// The YAML parser's messages in German, found by a part of the message.
const YAML_MELDUNGEN: &[(&str, &str)] = &[
    (
        "non-finite",
        "unendliche oder ungültige Zahlen (.inf, .nan) sind nicht erlaubt",
    ),
    (
        "unclosed bracket",
        "eine geöffnete Klammer wird nicht geschlossen",
    ),
    (
        "mismatched bracket",
        "eine Klammer wird mit der falschen Klammer geschlossen",
    ),
    (
        "misplaced bracket",
        "hier steht eine schließende Klammer ohne öffnende",
    ),
    (
        "mapping values are not allowed",
        "„: “ ist hier nicht erlaubt (Text mit Doppelpunkt in Anführungszeichen setzen)",
    ),
    (
        "did not find expected key",
        "hier wird ein Schlüssel erwartet (Einrückung prüfen)",
    ),
    (
        "could not find expected ':'",
        "nach dem Schlüssel fehlt der Doppelpunkt",
    ),
    (
        "did not find expected '-'",
        "hier wird ein Listeneintrag „- “ erwartet (Einrückung prüfen)",
    ),
    (
        "cannot start any token",
        "mit diesem Zeichen darf kein Wert beginnen (z. B. Tabulator, @ oder `)",
    ),
    (
        "trailing content after",
        "nach dem schließenden Anführungszeichen steht noch Text",
    ),
    (
        "unexpected end",
        "die Datei endet unerwartet (Anführungszeichen oder Klammer nicht geschlossen?)",
    ),
    (
        "unclosed quote",
        "ein Anführungszeichen wird nicht geschlossen",
    ),
    (
        "unclosed quoted",
        "ein Anführungszeichen wird nicht geschlossen",
    ),
    (
        "unknown escape",
        "unbekannte Escape-Folge mit \\ in Anführungszeichen",
    ),
    (
        "hexadecimal",
        "unbekannte Escape-Folge mit \\ in Anführungszeichen",
    ),
    (
        "'-' must be followed",
        "nach „-“ muss ein Leerzeichen folgen",
    ),
    (
        "':' must be followed",
        "nach „:“ muss ein Leerzeichen folgen",
    ),
    (
        "illegal placement of ':'",
        "der Doppelpunkt steht hier falsch",
    ),
    (
        "block scalar",
        "ein mehrzeiliger Text (| oder >) ist falsch eingerückt",
    ),
    ("indentation", "falsche Einrückung"),
    ("wrongly indented", "falsche Einrückung"),
    (
        "tab",
        "Tabulatoren sind zur Einrückung nicht erlaubt, nur Leerzeichen",
    ),
    (
        "unknown anchor",
        "Verweis (*name) auf einen unbekannten Anker (&name)",
    ),
    (
        "multiple documents",
        "die Datei enthält mehrere Dokumente (---); erlaubt ist eines",
    ),
    ("anchor or alias", "nach & oder * fehlt der Name"),
    ("tag", "unbekannte Typangabe mit !"),
];

/// The YAML parser's message in German. Unknown messages get a general
/// German text: the editor sees the place in the file, never English.
fn yaml_fehler_deutsch(englisch: &str) -> String {
    YAML_MELDUNGEN
        .iter()
        .find(|(en, _)| englisch.to_lowercase().contains(en))
        .map_or_else(
            || "die Datei ist an dieser Stelle kein gültiges YAML".to_owned(),
            |(_, de)| (*de).to_owned(),
        )
}

fn yaml_fehler_text(e: &serde_saphyr::Error) -> (String, String) {
    use serde_saphyr::Error as E;
    let roh = e.without_snippet().to_string();
    let erste = roh.lines().next().unwrap_or_default().to_owned();
    let budget = [
        "budget",
        "Budget",
        "recursion limit",
        "depth",
        "limit exceeded",
    ]
    .iter()
    .any(|w| erste.contains(w));
    let alias = erste.contains("alias") || erste.contains("Alias");
    match e {
        _ if budget
            || alias
            || matches!(
                e,
                E::AliasReplayLimitExceeded { .. } | E::AliasExpansionLimitExceeded { .. }
            ) =>
        {
            (
                "YAML-Datei überschreitet die Verarbeitungsgrenzen".to_owned(),
                "Die Datei ist zu tief verschachtelt oder nutzt zu viele Anker/Aliase (&/*). \
             Schreiben Sie die Werte direkt aus."
                    .into(),
            )
        }
        _ if erste.contains("duplicate") => (
            "Schlüssel doppelt vorhanden".to_owned(),
            "Jeder Schlüssel darf in einem Abschnitt nur einmal vorkommen; löschen oder \
             benennen Sie den zweiten."
                .into(),
        ),
        _ => (
            format!("YAML-Syntaxfehler: {}", yaml_fehler_deutsch(&erste)),
            "Prüfen Sie Einrückung (nur Leerzeichen), Doppelpunkte nach Schlüsseln und \
             Anführungszeichen um Texte mit „: “ oder „#“."
                .into(),
        ),
    }
}

/// Loads one file of type `T`: YAML, schema check, serde. All structural
/// problems of the file are returned together. The file's text is kept in
/// `texte` (also when it does not parse), its tree in `dateien`.
pub fn lade_datei<T: DeserializeOwned + schemars::JsonSchema>(
    wurzel: &Path,
    relativ: &Path,
    dateien: &mut BTreeMap<PathBuf, Datei>,
    texte: &mut Quelltexte,
) -> Result<T, Vec<Diagnose>> {
    let text = lese_text(wurzel, relativ).map_err(|d| vec![d])?;
    texte.merken(relativ, &text);
    lade_text(relativ, &text, dateien)
}

/// Reads the text of a data file of type `T` (YAML, schema, serde); its tree
/// is kept in `dateien` for locating later problems.
pub fn lade_text<T: DeserializeOwned + schemars::JsonSchema>(
    relativ: &Path,
    text: &str,
    dateien: &mut BTreeMap<PathBuf, Datei>,
) -> Result<T, Vec<Diagnose>> {
    let baum = parse_yaml(relativ, text).map_err(|d| vec![d])?;
    lade_baum(
        Datei {
            pfad: relativ.to_path_buf(),
            baum,
        },
        dateien,
    )
}

/// The typed stage of [`lade_text`] on a parsed file: schema check and
/// serde; the tree is kept in `dateien`.
pub fn lade_baum<T: DeserializeOwned + schemars::JsonSchema>(
    datei: Datei,
    dateien: &mut BTreeMap<PathBuf, Datei>,
) -> Result<T, Vec<Diagnose>> {
    let relativ = datei.pfad.clone();
    let json = datei.baum.als_json();
    let probleme = schema_check::pruefe::<T>(&datei, &json);
    let ergebnis = if probleme.is_empty() {
        serde_path_to_error::deserialize::<_, T>(json).map_err(|e| vec![serde_fehler(&datei, &e)])
    } else {
        Err(probleme)
    };
    dateien.insert(relativ, datei);
    ergebnis
}

/// A value the schema let through but the type refuses (a date like
/// `2025-13-01`), at its field.
fn serde_fehler(datei: &Datei, e: &serde_path_to_error::Error<serde_json::Error>) -> Diagnose {
    use serde_path_to_error::Segment;
    let schritte: Vec<String> = e
        .path()
        .iter()
        .filter_map(|s| match s {
            Segment::Seq { index } => Some(index.to_string()),
            Segment::Map { key } => Some(key.clone()),
            Segment::Enum { .. } | Segment::Unknown => None,
        })
        .collect();
    let k = datei.baum.suche(&schritte);
    Diagnose::neu(
        &datei.pfad,
        format!("Wert ungültig: {}", serde_meldung(e.inner())),
    )
    .an(k.zeile, k.spalte, k.bytes.clone())
    .feld(feld_pfad(&schritte))
}

/// A serde message without its English position suffix.
fn serde_meldung(e: &serde_json::Error) -> String {
    let t = e.to_string();
    match t.find(" at line ") {
        Some(i) => t[..i].to_owned(),
        None => t,
    }
}

/// Keeps a loaded value, or collects its problems.
fn sammle<T>(fehler: &mut Vec<Diagnose>, r: Result<T, Vec<Diagnose>>) -> Option<T> {
    match r {
        Ok(v) => Some(v),
        Err(d) => {
            fehler.extend(d);
            None
        }
    }
}

/// Loads and validates the edition `id`. On failure, every problem found,
/// with the texts read (for showing their lines).
pub fn lade_edition(wurzel: &Path, id: &str) -> Result<Geladen, (Vec<Diagnose>, Quelltexte)> {
    let mut texte = Quelltexte::default();
    lade_edition_in(wurzel, id, &mut texte).map_err(|d| (d, texte))
}

/// Like [`lade_edition`], registering every text read in `texte` (a
/// session's registry).
pub fn lade_edition_in(
    wurzel: &Path,
    id: &str,
    texte: &mut Quelltexte,
) -> Result<Geladen, Vec<Diagnose>> {
    pruefe_ausgabe(wurzel, id).map_err(|d| vec![d])?;
    let mut laden = Ladevorgang {
        wurzel,
        ordner: Projektpfade::ausgabe(id),
        dateien: BTreeMap::new(),
        texte,
        fehler: Vec::new(),
    };
    let einzeln = laden.einzeldateien();
    let steckbriefe = laden.steckbriefe();
    laden.pruefe_quer(&einzeln, &steckbriefe);
    laden.zusammensetzen(id, einzeln, steckbriefe)
}

/// The edition `id` must have a plain name and an `edition.yaml`.
fn pruefe_ausgabe(wurzel: &Path, id: &str) -> Result<(), Diagnose> {
    if let Err(m) = projekt::pruefe_edition_id(id) {
        return Err(m
            .in_datei(Projektpfade::DATEN)
            .hilfe("Geben Sie mit --edition nur den Namen an, z. B. --edition 2025."));
    }
    let ordner = Projektpfade::ausgabe(id);
    if projekt::ist_datei(wurzel, &ordner.join("edition.yaml")) {
        return Ok(());
    }
    let bekannt = editionen(wurzel);
    let d = Diagnose::neu(&ordner, format!("Ausgabe „{id}“ gibt es nicht"));
    Err(
        match crate::diagnostics::vorschlag(id, bekannt.iter().map(String::as_str)) {
            Some(v) => d.hilfe(format!("meinten Sie „{v}“?")),
            None => d.hilfe(format!("Vorhandene Ausgaben: {}", bekannt.join(", "))),
        },
    )
}

/// The single files of an edition, each if it loaded.
struct Einzeldateien {
    meta: Option<EditionMeta>,
    landkreise: Option<Landkreise>,
    vokabular: Option<Vokabular>,
    quellen: Option<Quellen>,
    glossar: Option<Glossar>,
    abweichungen: Option<Abweichungen>,
    kennzahlen: Option<KennzahlenDatei>,
}

/// The loading of one edition: what was read so far and every problem.
struct Ladevorgang<'a> {
    wurzel: &'a Path,
    /// `data/<id>`.
    ordner: PathBuf,
    dateien: BTreeMap<PathBuf, Datei>,
    texte: &'a mut Quelltexte,
    fehler: Vec<Diagnose>,
}

impl Ladevorgang<'_> {
    /// Loads `relativ` as `T`; its problems, passed through `anpassen`, are
    /// collected.
    fn lade<T: DeserializeOwned + schemars::JsonSchema>(
        &mut self,
        relativ: &Path,
        anpassen: fn(Diagnose) -> Diagnose,
    ) -> Option<T> {
        let r = lade_datei(self.wurzel, relativ, &mut self.dateien, self.texte);
        sammle(
            &mut self.fehler,
            r.map_err(|d| d.into_iter().map(anpassen).collect()),
        )
    }

    /// Loads the file `name` of the edition folder as `T`.
    fn einzeldatei<T: DeserializeOwned + schemars::JsonSchema>(
        &mut self,
        name: &str,
        anpassen: fn(Diagnose) -> Diagnose,
    ) -> Option<T> {
        let relativ = self.ordner.join(name);
        self.lade(&relativ, anpassen)
    }

    /// The single files, in this order.
    fn einzeldateien(&mut self) -> Einzeldateien {
        let gleich = |d| d;
        Einzeldateien {
            meta: self.einzeldatei("edition.yaml", gleich),
            landkreise: self.einzeldatei("landkreise.yaml", gleich),
            vokabular: self.einzeldatei("vokabular.yaml", gleich),
            quellen: self.einzeldatei("quellen.yaml", gleich),
            glossar: self.einzeldatei("glossar.yaml", gleich),
            abweichungen: self.einzeldatei("abweichungen.yaml", pflichtdatei),
            kennzahlen: self.freiwillig("kennzahlen.yaml"),
        }
    }

    /// A file of the edition folder that may be missing (then `Some` empty).
    fn freiwillig<T: DeserializeOwned + schemars::JsonSchema + Default>(
        &mut self,
        name: &str,
    ) -> Option<T> {
        let relativ = self.ordner.join(name);
        if std::fs::symlink_metadata(self.wurzel.join(&relativ)).is_err() {
            return Some(T::default());
        }
        self.lade(&relativ, |d| d)
    }

    /// The fact-sheet files that loaded, with their paths, in file-name order.
    fn steckbriefe(&mut self) -> Vec<(PathBuf, SteckbriefDatei)> {
        let namen = match steckbrief_dateien(self.wurzel, &self.ordner.join("steckbriefe")) {
            Ok(n) => n,
            Err(d) => {
                self.fehler.push(d);
                Vec::new()
            }
        };
        namen
            .into_iter()
            .filter_map(|relativ| {
                let d = self.lade::<SteckbriefDatei>(&relativ, |d| d)?;
                Some((relativ, d))
            })
            .collect()
    }

    /// Every Landkreis of Tabelle 1 is a district of the map, checked with
    /// the other cross-file checks (a misspelt name is reported at its row,
    /// not only through the fact sheets that no longer find it).
    fn pruefe_kartennamen(&mut self, landkreise: &[crate::model::Landkreis]) {
        match crate::charts::geo::Geodaten::landkreisnamen_laden(self.wurzel) {
            Ok(namen) => {
                let namen: Vec<&str> = namen.iter().map(String::as_str).collect();
                self.fehler
                    .extend(crate::charts::pruefen::pruefe_kartenbezug(
                        landkreise,
                        &namen,
                        &self.dateien,
                        &self.ordner,
                    ));
            }
            Err(e) => self
                .fehler
                .push(Diagnose::neu(Projektpfade::GEODATEN, e.to_string())),
        }
    }

    /// Cross-file checks run on whatever loaded, so that one run shows all.
    fn pruefe_quer(&mut self, e: &Einzeldateien, steckbriefe: &[(PathBuf, SteckbriefDatei)]) {
        if let (Some(k), Some(v)) = (&e.kennzahlen, &e.vokabular) {
            self.fehler
                .extend(crate::figures::pruefen::pruefe_definitionen(
                    &k.kennzahlen,
                    v,
                    &self.dateien,
                    &self.ordner.join("kennzahlen.yaml"),
                ));
        }
        if let Some(k) = &e.kennzahlen {
            self.fehler.extend(crate::claims::grenzen::pruefe_eigene(
                &k.worte,
                &self.dateien,
                &self.ordner.join("kennzahlen.yaml"),
            ));
        }
        if let Some(l) = &e.landkreise {
            self.pruefe_kartennamen(&l.landkreise);
        }
        self.fehler.extend(validate::pruefe(
            e.landkreise.as_ref().map(|l| l.landkreise.as_slice()),
            steckbriefe,
            e.vokabular.as_ref(),
            e.quellen
                .as_ref()
                .map(|q| q.quellen.as_slice())
                .unwrap_or_default(),
            &self.dateien,
            &self.ordner,
        ));
    }

    /// The edition if every file loaded and nothing was found, else every
    /// problem, sorted by file and line.
    fn zusammensetzen(
        self,
        id: &str,
        e: Einzeldateien,
        steckbriefe: Vec<(PathBuf, SteckbriefDatei)>,
    ) -> Result<Geladen, Vec<Diagnose>> {
        let Ladevorgang {
            dateien,
            mut fehler,
            ..
        } = self;
        match e.edition(id, steckbriefe) {
            Some(edition) if fehler.is_empty() => Ok(Geladen {
                edition,
                dateien,
                gestaltung: Default::default(),
                warnungen: Vec::new(),
            }),
            _ => {
                fehler.sort_by(|a, b| (&a.datei, a.zeile).cmp(&(&b.datei, b.zeile)));
                Err(fehler)
            }
        }
    }
}

impl Einzeldateien {
    /// The edition, if every single file loaded.
    fn edition(self, id: &str, steckbriefe: Vec<(PathBuf, SteckbriefDatei)>) -> Option<Edition> {
        let landkreise = self.landkreise?;
        let kennzahlen = self.kennzahlen?;
        let abweichungen = self.abweichungen?;
        Some(Edition {
            id: id.to_owned(),
            meta: self.meta?,
            steckbriefe: in_tabellenfolge(steckbriefe, &landkreise),
            landkreise: landkreise.landkreise,
            vokabular: self.vokabular?,
            quellen: self.quellen?.quellen,
            glossar: self.glossar?.glossar,
            abweichungen: abweichungen.abweichungen,
            website_abweichungen: abweichungen.website,
            kennzahl_definitionen: kennzahlen.kennzahlen,
            wortgrenzen: kennzahlen.worte,
        })
    }
}

/// Report order: the order of Tabelle 1, whatever the file names.
fn in_tabellenfolge(
    mut steckbriefe: Vec<(PathBuf, SteckbriefDatei)>,
    landkreise: &Landkreise,
) -> Vec<SteckbriefDatei> {
    steckbriefe.sort_by_key(|(_, d)| {
        landkreise
            .landkreise
            .iter()
            .position(|l| l.name == d.landkreis)
            .unwrap_or(usize::MAX)
    });
    steckbriefe.into_iter().map(|(_, d)| d).collect()
}

/// The fact-sheet files of an edition; the folder must exist (an edition
/// without fact sheets has an empty folder, never a missing one).
fn steckbrief_dateien(wurzel: &Path, ordner: &Path) -> Result<Vec<PathBuf>, Diagnose> {
    let namen = projekt::ordner(wurzel, ordner).map_err(|e| {
        e.diagnose().hilfe(
            "Jede Ausgabe braucht den Ordner steckbriefe/ mit einer YAML-Datei je Landkreis.",
        )
    })?;
    Ok(namen
        .into_iter()
        .filter(|n| n.ends_with(".yaml") || n.ends_with(".yml"))
        .map(|n| ordner.join(n))
        .collect())
}

/// A missing required file says so and how to start it.
fn pflichtdatei(d: Diagnose) -> Diagnose {
    if d.meldung.ends_with("nicht gefunden") {
        d.hilfe(
            "abweichungen.yaml ist Pflicht, auch ohne anerkannte Abweichungen: legen Sie sie mit \
             dem Inhalt „abweichungen: []“ an.",
        )
    } else {
        d
    }
}
