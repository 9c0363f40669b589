//! Chapter templates: Typst markup with handlebars placeholders, one file per
//! chapter under `report/kapitel/<edition>/`, ordered by file name.
//!
//! The helpers (`{{zahl "kennzahl"}}`, `{{#behauptung …}}`, `{{quelle "id"}}`,
//! …) live one per file in [`helfer`], listed in its table [`helfer::HELFER`]
//! (see README).

pub mod escape;
pub mod helfer;

pub use helfer::{sitzungstermine, umfragezeitraum};

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use handlebars::template::{Parameter, Template, TemplateElement};
use handlebars::{Handlebars, RenderErrorReason};

use crate::diagnostics::{Diagnose, Meldung, vorschlag};
use crate::figures::Kennzahlen;
use crate::model::{EditionMeta, Quelle};
use crate::projekt::Projektpfade;
use helfer::Bezug;

/// The marker that stands for a figure or a claim in lint mode.
pub const MARKE: &str = "\u{27e6}K\u{27e7}";

/// One chapter template, parsed.
#[derive(Debug, Clone)]
pub struct Kapitel {
    /// File name, e.g. `02-einleitung.typ.hbs`.
    pub name: String,
    /// Path relative to the project root.
    pub pfad: PathBuf,
    pub text: String,
    pub vorlage: Template,
}

impl Kapitel {
    /// The name of the generated Typst file, e.g. `02-einleitung.typ`.
    pub fn typst_name(&self) -> String {
        self.name.trim_end_matches(".hbs").to_owned()
    }
}

/// A placeholder in a template: a figure printed, a claim, or a source.
#[derive(Debug, Clone, PartialEq)]
pub struct Platzhalter {
    pub pfad: PathBuf,
    pub zeile: usize,
    pub spalte: usize,
    /// The helper's name, e.g. `zahl` (see [`helfer::HELFER`]).
    pub helfer: String,
    /// Literal parameters, as written.
    pub parameter: Vec<serde_json::Value>,
    /// For a claim: the words it keeps (the block's text).
    pub wortlaut: String,
    /// Byte range of the opening `{{…}}` in the template.
    pub bytes: std::ops::Range<usize>,
}

/// The folder of an edition's chapter templates.
pub fn kapitel_ordner(id: &str) -> PathBuf {
    Projektpfade::kapitel(id)
}

/// Reads and parses the chapter templates of an edition, ordered by name.
pub fn lade_kapitel(wurzel: &Path, id: &str) -> Result<Vec<Kapitel>, Vec<Diagnose>> {
    lade_kapitel_mit(wurzel, id, &[])
}

/// Like [`lade_kapitel`]; a template whose text equals one in `vorher`
/// (the last run's) is taken from there instead of being parsed again.
pub fn lade_kapitel_mit(
    wurzel: &Path,
    id: &str,
    vorher: &[Kapitel],
) -> Result<Vec<Kapitel>, Vec<Diagnose>> {
    let ordner = kapitel_ordner(id);
    let namen = crate::projekt::ordner(wurzel, &ordner).map_err(|e| {
        vec![
            e.diagnose()
                .hilfe("Jede Ausgabe braucht ihre Kapitel unter report/kapitel/<ausgabe>/."),
        ]
    })?;
    let mut kapitel = Vec::new();
    let mut fehler = Vec::new();
    for name in namen.into_iter().filter(|n| n.ends_with(".typ.hbs")) {
        let pfad = ordner.join(&name);
        match crate::projekt::lese_text(wurzel, &pfad, crate::projekt::MAX_TEXT) {
            Ok(text) if let Some(k) = vorher.iter().find(|k| k.pfad == pfad && k.text == text) => {
                kapitel.push(k.clone())
            }
            Ok(text) => match vorlage_lesen(&name, &pfad, text) {
                Ok(k) => kapitel.push(k),
                Err(d) => fehler.push(d),
            },
            Err(e) => fehler.push(e.diagnose()),
        }
    }
    if fehler.is_empty() {
        Ok(kapitel)
    } else {
        Err(fehler)
    }
}

/// Parses one chapter template; a malformed placeholder is located.
/// Partials, inline partials and decorators are refused before parsing
/// (a partial that includes itself would overflow the stack), as is a
/// nesting deeper than [`MAX_TIEFE`].
pub fn vorlage_lesen(name: &str, pfad: &Path, text: String) -> Result<Kapitel, Diagnose> {
    if let Some((start, meldung, hilfe)) = unerlaubt(&text) {
        let (z, s) = crate::diagnostics::zeile_spalte(&text, start);
        let ende = text[start..].find("}}").map_or(start, |e| start + e + 2);
        return Err(Diagnose::neu(pfad, meldung)
            .an(z, s, start..ende)
            .hilfe(hilfe));
    }
    match Template::compile(&text) {
        Ok(mut vorlage) => {
            vorlage.name = Some(name.to_owned());
            Ok(Kapitel {
                name: name.to_owned(),
                pfad: pfad.to_path_buf(),
                text,
                vorlage,
            })
        }
        Err(e) => Err(vorlagenfehler(pfad, &text, &e)),
    }
}

/// A handlebars syntax error in German, at the place the editor must fix:
/// for a block that is never closed, its opening `{{#…}}`.
fn vorlagenfehler(pfad: &Path, text: &str, e: &handlebars::TemplateError) -> Diagnose {
    use handlebars::TemplateErrorReason as R;
    let (mut z, mut s) = e.pos().unwrap_or((0, 0));
    let meldung = match e.reason() {
        R::MismatchingClosedHelper(offen, zu) | R::MismatchingClosedDecorator(offen, zu) => {
            format!("„{{{{#{offen}}}}}“ wird mit „{{{{/{zu}}}}}“ geschlossen")
        }
        R::InvalidSyntax(_) => match offener_block(text) {
            Some((name, zeile, spalte)) => {
                (z, s) = (zeile, spalte);
                format!("„{{{{#{name} …}}}}“ wird nie mit „{{{{/{name}}}}}“ geschlossen")
            }
            None => "Platzhalter in {{ }} ist fehlerhaft geschrieben".to_owned(),
        },
        R::InvalidParam(p) => format!("ungültiger Parameter „{p}“ im Platzhalter"),
        R::NestedSubexpression => {
            "verschachtelte Klammern ( ( ) ) sind in Platzhaltern nicht erlaubt".to_owned()
        }
        _ => "Platzhalter fehlerhaft".to_owned(),
    };
    Diagnose::neu(pfad, meldung)
        .an(z, s, zeilen_offset(text, z, s))
        .hilfe("Jedes {{#behauptung …}} braucht ein {{/behauptung}}; Klammern {{ }} müssen paarig sein.")
}

/// How deeply blocks (`{{#…}}` in `{{#…}}`) may nest in a chapter; the
/// 2025 chapters nest two deep.
pub const MAX_TIEFE: usize = 32;

/// The first placeholder a chapter may not have: a partial (`{{> x}}`,
/// `{{#> x}}`), an inline partial or decorator (`{{#*inline}}`, `{{* x}}`),
/// or a block nested deeper than [`MAX_TIEFE`]. Its offset, the message and
/// the fix. Comments (`{{! … }}`, `{{!-- … --}}`) are skipped.
fn unerlaubt(text: &str) -> Option<(usize, String, &'static str)> {
    const SELBST: &str = "Schreiben Sie den Text ins Kapitel selbst; wiederkehrender Satz gehört \
                          als Funktion ins Layout (lib.typ).";
    let mut tiefe = 0usize;
    for (start, inhalt) in klammern(text) {
        let ohne_raute = inhalt.strip_prefix('#').unwrap_or(inhalt);
        if ohne_raute.starts_with('>') {
            return Some((
                start,
                "Teilvorlagen ({{> …}}) gibt es in Kapiteln nicht".into(),
                SELBST,
            ));
        }
        if ohne_raute.starts_with('*') {
            return Some((
                start,
                "Inline-Teilvorlagen und Dekoratoren ({{#*inline}}, {{* …}}) gibt es in Kapiteln \
                 nicht"
                    .into(),
                SELBST,
            ));
        }
        let sonst = inhalt
            .strip_prefix('^')
            .is_some_and(|r| r.trim_start().starts_with(['}', '~']));
        if inhalt.starts_with('#') || (inhalt.starts_with('^') && !sonst) {
            tiefe += 1;
            if tiefe > MAX_TIEFE {
                return Some((
                    start,
                    format!("Blöcke sind hier tiefer als {MAX_TIEFE} Ebenen verschachtelt"),
                    "Schließen Sie einen Block ({{/…}}), bevor Sie den nächsten öffnen.",
                ));
            }
        } else if inhalt.starts_with('/') {
            tiefe = tiefe.saturating_sub(1);
        }
    }
    None
}

/// Every placeholder of a template, in order: its offset and its text after
/// the braces (`{{~#if` gives `#if`). Comments (`{{! … }}`, `{{!-- … --}}`)
/// are skipped whole, as handlebars skips them.
fn klammern(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut rest = 0;
    std::iter::from_fn(move || {
        loop {
            let start = rest + text[rest..].find("{{")?;
            let inhalt = text[start + 2..]
                .trim_start_matches('{')
                .trim_start_matches('~');
            rest = start + 2;
            let Some(kommentar) = inhalt.strip_prefix('!') else {
                return Some((start, inhalt));
            };
            let schluss = if kommentar.starts_with("--") {
                "--}}"
            } else {
                "}}"
            };
            rest = text[start..]
                .find(schluss)
                .map_or(text.len(), |e| start + e + schluss.len());
        }
    })
}

/// The last block opened with `{{#name` that no `{{/name}}` closes:
/// (name, line, column).
fn offener_block(text: &str) -> Option<(String, usize, usize)> {
    let name = |t: &str| {
        t.split(|c: char| c.is_whitespace() || c == '}')
            .next()
            .unwrap_or_default()
            .to_owned()
    };
    let mut offen: Vec<(String, usize)> = Vec::new();
    for (start, inhalt) in klammern(text) {
        if let Some(n) = inhalt.strip_prefix('#') {
            offen.push((name(n), start));
        } else if let Some(n) = inhalt.strip_prefix('/') {
            let n = name(n);
            if let Some(pos) = offen.iter().rposition(|(o, _)| *o == n) {
                offen.truncate(pos);
            }
        }
    }
    let (name, start) = offen.pop()?;
    let (zeile, spalte) = crate::diagnostics::zeile_spalte(text, start);
    Some((name, zeile, spalte))
}

fn zeilen_offset(text: &str, zeile: usize, spalte: usize) -> std::ops::Range<usize> {
    if zeile == 0 {
        return 0..0;
    }
    let o = crate::diagnostics::offset_von(text, zeile, spalte);
    o..o
}

/// Every placeholder of a chapter, in source order, with its line.
pub fn platzhalter(k: &Kapitel) -> Vec<Platzhalter> {
    let mut out = Vec::new();
    sammle(k, &k.vorlage, &mut out);
    out
}

fn pfad_text(p: &handlebars::Path) -> String {
    match p {
        handlebars::Path::Relative((_, raw)) | handlebars::Path::Local((_, _, raw)) => raw.clone(),
    }
}

fn literal(p: &Parameter) -> serde_json::Value {
    match p {
        Parameter::Literal(j) => j.clone(),
        Parameter::Path(path) => serde_json::Value::String(pfad_text(path)),
        Parameter::Name(n) => serde_json::Value::String(n.clone()),
        _ => serde_json::Value::Null,
    }
}

/// The words of a block: its text, with the words of nested claim blocks
/// (they print unchanged too); any other placeholder as [`MARKE`].
fn text_von(t: &Template) -> String {
    t.elements
        .iter()
        .map(|e| match e {
            TemplateElement::RawString(s) => s.clone(),
            TemplateElement::HelperBlock(h) if wortblock(h) => {
                h.template.as_ref().map(text_von).unwrap_or_default()
            }
            _ => MARKE.to_owned(),
        })
        .collect()
}

/// A block that prints its words unchanged (`behauptung`, `aussage`).
fn wortblock(h: &handlebars::template::HelperTemplate) -> bool {
    matches!(&h.name, Parameter::Name(n) if n == "behauptung" || n == "aussage")
}

fn sammle(k: &Kapitel, t: &Template, out: &mut Vec<Platzhalter>) {
    for (i, el) in t.elements.iter().enumerate() {
        let (zeile, spalte) = t.mapping.get(i).map_or((0, 0), |m| (m.0, m.1));
        let start = zeilen_offset(&k.text, zeile, spalte).start;
        let ende = k.text[start..].find("}}").map_or(start, |e| start + e + 2);
        let (ht, block) = match el {
            TemplateElement::Expression(h) | TemplateElement::HtmlExpression(h) => (h, false),
            TemplateElement::HelperBlock(h) => (h, true),
            _ => continue,
        };
        let name = match &ht.name {
            Parameter::Name(n) => n.clone(),
            Parameter::Path(p) => pfad_text(p),
            _ => String::new(),
        };
        out.push(Platzhalter {
            pfad: k.pfad.clone(),
            zeile,
            spalte,
            helfer: name,
            parameter: ht.params.iter().map(literal).collect(),
            wortlaut: if block {
                ht.template.as_ref().map(text_von).unwrap_or_default()
            } else {
                String::new()
            },
            bytes: start..ende,
        });
        for inner in [&ht.template, &ht.inverse].into_iter().flatten() {
            sammle(k, inner, out);
        }
    }
}

impl Platzhalter {
    /// A problem of this placeholder (the message's hints kept).
    pub fn diagnose(&self, meldung: impl Into<Meldung>) -> Diagnose {
        meldung
            .into()
            .in_datei(&self.pfad)
            .an(self.zeile, self.spalte, self.bytes.clone())
            .feld(self.helfer.clone())
    }

    /// The first parameter as text (the figure's or source's name).
    pub fn name(&self) -> Option<&str> {
        self.parameter.first().and_then(|v| v.as_str())
    }
}

/// Placeholders that name no known figure or source, or are malformed.
pub fn pruefe_platzhalter(
    kapitel: &[Kapitel],
    kennzahlen: &Kennzahlen,
    quellen: &[Quelle],
) -> Vec<Diagnose> {
    let mut out = Vec::new();
    for k in kapitel {
        for p in platzhalter(k) {
            if p.helfer.is_empty() {
                continue;
            }
            match helfer::finde(&p.helfer).map(|h| h.bezug) {
                Some(Bezug::Kennzahl) => {
                    let Some(name) = p.name() else {
                        out.push(p.diagnose("Name der Kennzahl fehlt").hilfe(
                            "Schreiben Sie den Namen in Anführungszeichen, z. B. {{zahl \"projekte_gesamt\"}}.",
                        ));
                        continue;
                    };
                    if let Some(f) = kennzahlen.warum_nicht(name) {
                        out.push(p.diagnose(f.to_string()).hilfe(
                            "Der Text nennt eine Kennzahl, die die Daten nicht ergeben. Prüfen \
                             Sie die Daten, oder nehmen Sie die Zahl aus dem Text.",
                        ));
                    } else if kennzahlen.get(name).is_none() {
                        let d = p.diagnose(format!("unbekannte Kennzahl „{name}“"));
                        out.push(match vorschlag(name, kennzahlen.namen()) {
                            Some(v) => d.hilfe(format!(
                                "meinten Sie „{v}“? (kataster-report figures listet alle)"
                            )),
                            None => d.hilfe("kataster-report figures listet alle Kennzahlen."),
                        });
                    }
                }
                Some(Bezug::Quelle) => {
                    let name = p.name().unwrap_or_default();
                    if !quellen.iter().any(|q| q.id == name) {
                        let d = p.diagnose(format!("unbekannte Quelle „{name}“"));
                        out.push(
                            match vorschlag(name, quellen.iter().map(|q| q.id.as_str())) {
                                Some(v) => d.hilfe(format!("meinten Sie „{v}“?")),
                                None => d.hilfe("Ergänzen Sie die Quelle in quellen.yaml."),
                            },
                        );
                    }
                }
                Some(Bezug::Sprache) => {
                    let code = p.name().unwrap_or_default();
                    if !helfer::sprachcode_gueltig(code) {
                        out.push(
                            p.diagnose(format!("„{code}“ ist kein Sprachcode"))
                                .hilfe("Schreiben Sie den Code nach ISO 639-1 in Anführungszeichen, z. B. {{#sprache \"en\"}}Weak AI{{/sprache}}."),
                        );
                    }
                }
                Some(Bezug::Grund) => {
                    if p.name().is_none_or(|g| g.trim().is_empty()) {
                        out.push(p.diagnose("der Grund fehlt").hilfe(
                            "Schreiben Sie, warum die Daten die Stelle nicht entscheiden, z. B. \
                             {{#ohne_daten \"kein Feld für Herausforderungen\"}}…{{/ohne_daten}}.",
                        ));
                    }
                }
                Some(Bezug::Keiner | Bezug::Aussage) => {}
                None => {
                    let d = p.diagnose(format!("unbekannter Platzhalter „{}“", p.helfer));
                    out.push(match vorschlag(&p.helfer, helfer::namen()) {
                        Some(v) => d.hilfe(format!("meinten Sie „{v}“?")),
                        None => d.hilfe(helfer::erlaubt()),
                    });
                }
            }
        }
    }
    out
}

/// How templates are rendered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Modus {
    /// For the report: figures printed, claims keep their words.
    Bericht,
    /// For the lint: every figure and claim becomes [`MARKE`].
    Pruefung,
}

/// Renders every chapter; returns (Typst file name, markup) pairs.
/// `sprachen`: passages marked with `{{#sprache}}` are tagged with their
/// language (the layout's `gestaltung.yaml` asks for it); else printed
/// unchanged, as in version 1.0 of 2025.
pub fn rendern(
    kapitel: &[Kapitel],
    kennzahlen: &Kennzahlen,
    meta: &EditionMeta,
    modus: Modus,
    sprachen: bool,
) -> Result<Vec<(String, String)>, Vec<Diagnose>> {
    let mut hb = Handlebars::new();
    hb.set_strict_mode(true);
    hb.register_escape_fn(handlebars::no_escape);
    helfer::registrieren(
        &mut hb,
        &helfer::Umgebung {
            kennzahlen,
            meta,
            modus,
            sprachen,
            anker: Default::default(),
        },
    );
    let mut out = Vec::new();
    let mut fehler = Vec::new();
    let mut namen = HashSet::new();
    for k in kapitel {
        namen.insert(k.name.clone());
        hb.register_template(&k.name, k.vorlage.clone());
    }
    for k in kapitel {
        match hb.render(&k.name, &()) {
            Ok(text) => out.push((k.typst_name(), nach_einbettung(&text))),
            Err(e) => {
                let (z, s) = (e.line_no.unwrap_or(0), e.column_no.unwrap_or(0));
                fehler.push(
                    Diagnose::neu(
                        &k.pfad,
                        format!(
                            "Kapitel kann nicht gefüllt werden: {}",
                            renderfehler(e.reason())
                        ),
                    )
                    .an(z, s, zeilen_offset(&k.text, z, s)),
                );
            }
        }
    }
    if fehler.is_empty() {
        Ok(out)
    } else {
        Err(fehler)
    }
}

/// Marks the end of a code call a helper wrapped around words (e.g.
/// `#nachweis("a")[Worte]`): in Typst markup a semicolon right after an
/// embedded call ends the call and is swallowed, so a ";" the text has
/// there would be lost. Removed after rendering, where such a ";" becomes
/// the escape `\;`.
pub(crate) const AUFRUF_ENDE: char = '\u{E000}';

/// The rendered text with every [`AUFRUF_ENDE`] resolved.
fn nach_einbettung(text: &str) -> String {
    if !text.contains(AUFRUF_ENDE) {
        return text.to_owned();
    }
    text.replace(&format!("{AUFRUF_ENDE};"), "\\;")
        .replace(AUFRUF_ENDE, "")
}

/// A handlebars rendering error in German.
fn renderfehler(r: &RenderErrorReason) -> String {
    match r {
        RenderErrorReason::HelperNotFound(h) => format!("unbekannter Platzhalter „{h}“"),
        RenderErrorReason::MissingVariable(v) => format!(
            "unbekannter Platzhalter „{}“",
            v.as_deref().unwrap_or_default()
        ),
        RenderErrorReason::ParamNotFoundForIndex(h, i) => {
            format!("„{h}“ braucht einen {}. Parameter", i + 1)
        }
        RenderErrorReason::Other(m) => m.clone(),
        RenderErrorReason::BlockContentRequired => "der Block braucht einen Inhalt".to_owned(),
        _ => "der Platzhalter kann nicht ausgewertet werden".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ein_semikolon_nach_einem_eingebetteten_aufruf_bleibt_stehen() {
        let e = AUFRUF_ENDE;
        assert_eq!(
            nach_einbettung(&format!("#nachweis(\"a\")[Rolle]{e}; die meisten")),
            "#nachweis(\"a\")[Rolle]\\; die meisten"
        );
        assert_eq!(nach_einbettung(&format!("#f[x]{e}, y")), "#f[x], y");
    }

    #[test]
    fn sonst_zweige_zaehlen_nicht_als_ebene() {
        let flach = "{{#if a}}x{{^}}y{{/if}}{{#if b}}x{{else}}y{{/if}}".repeat(100);
        assert!(unerlaubt(&flach).is_none());
        let tief = "{{#if a}}".repeat(MAX_TIEFE + 1);
        let (pos, m, _) = unerlaubt(&tief).unwrap();
        assert_eq!(pos, MAX_TIEFE * "{{#if a}}".len());
        assert!(m.contains("tiefer"), "{m}");
    }

    #[test]
    fn offener_block_wird_am_anfang_gemeldet() {
        let text = "Zeile eins\nin {{#behauptung \"x\" \"etwa\" 0.5}}etwa der Hälfte\n\nEnde\n";
        let d = vorlage_lesen("01.typ.hbs", Path::new("k/01.typ.hbs"), text.into()).unwrap_err();
        assert_eq!(d.zeile, 2, "{d:?}");
        assert!(
            d.meldung.contains("nie mit „{{/behauptung}}“ geschlossen"),
            "{d:?}"
        );
    }
}
