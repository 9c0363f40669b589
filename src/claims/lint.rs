//! The lint for typed numbers: in the prose of a chapter rendered for the
//! check (figures and claims replaced by [`MARKE`]), a numeral next to a
//! counted noun is a number typed by hand that `check` reports, so it cannot
//! slip into a new edition.
//!
//! The rendering is parsed as Typst and only prose is read: text in markup
//! (also in content blocks such as captions), never comments, code, strings,
//! raw text, math, labels, references or links. The check rendering keeps
//! the template's lines, so a hit's line in the rendering is its line in the
//! template; its column is found by aligning the template's literal text
//! with the rendering.

use handlebars::template::TemplateElement;
use serde::Serialize;
use typst::syntax::{SyntaxKind, SyntaxNode};

use crate::diagnostics::{offset_von, zeile_spalte};
use crate::figures::format::zahlwort;
use crate::templates::{Kapitel, MARKE};

/// A number typed by hand next to a counted noun.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TypischerZahlfehler {
    pub datei: String,
    pub zeile: usize,
    pub spalte: usize,
    /// The words found, e.g. "17 Projekte".
    pub wortlaut: String,
}

/// Counted nouns. A word counts if it or its last hyphenated part starts with
/// one ("Projekte", "KI-Projekte"), or if it ends in one with an ending
/// ("Pilotprojekte", "Nachbarlandkreisen").
const ZAEHLWOERTER: &[&str] = &[
    "Landkreis",
    "Projekt",
    "Steckbrief",
    "Kommune",
    "VZÄ",
    "Vollzeitäquivalent",
    "Prozent",
];

/// "Kreis" counts only with an ending ("Kreise", "Kreisen"), not as the
/// start ("Kreisverwaltung") or end ("Arbeitskreis") of a compound.
const KREIS: &str = "Kreis";

/// Endings of a counted noun.
const ENDUNGEN: &[&str] = &["", "e", "en", "n", "s", "es"];

/// Words after which a number is a reference, not a count.
const VERWEISE: &[&str] = &[
    "Ziff.",
    "Ziffer",
    "S.",
    "Seite",
    "Seiten",
    "Art.",
    "Artikel",
    "Abs.",
    "Nr.",
    "§",
    "§§",
    "Kapitel",
    "Abschnitt",
    "Abbildung",
    "Tabelle",
    "Anlage",
    "Anhang",
    "Version",
    "Edition",
    "Punkt",
];

/// How many words after a number its noun may stand ("17 laufende Projekte").
const ABSTAND: usize = 3;

/// Stands for what is not prose in [`prosa`]; words never cross it.
const GRENZE: char = '\u{1}';

/// Finds typed numbers in the chapters, given each chapter's rendering in
/// check mode (figures and claims replaced by the marker).
pub fn pruefe_zahlen(kapitel: &[(&Kapitel, String)]) -> Vec<TypischerZahlfehler> {
    kapitel
        .iter()
        .flat_map(|(k, gerendert)| im_kapitel(k, gerendert))
        .collect()
}

fn im_kapitel(k: &Kapitel, gerendert: &str) -> Vec<TypischerZahlfehler> {
    let stellen = rohtext_stellen(k, gerendert);
    treffer(gerendert)
        .into_iter()
        .map(|(offset, wortlaut)| {
            let (zeile, spalte) = zeile_spalte(gerendert, offset);
            TypischerZahlfehler {
                datei: k.pfad.display().to_string(),
                zeile,
                spalte: vorlagen_spalte(k, &stellen, offset).unwrap_or(spalte),
                wortlaut,
            }
        })
        .collect()
}

/// The typed numbers of a rendering: byte offset of the number and the words.
fn treffer(gerendert: &str) -> Vec<(usize, String)> {
    let maske = prosa(gerendert);
    let stuecke = stuecke(&maske);
    (0..stuecke.len())
        .filter_map(|i| treffer_bei(&stuecke, i))
        .collect()
}

/// What a syntax node is for the lint.
enum Art {
    /// Prose, read as it is.
    Prosa,
    /// Invisible or a markup sign inside prose (comments, `*`, `~`): a space.
    Leer,
    /// Not prose (code, strings, raw text, math, references, paragraph
    /// breaks): a boundary.
    Grenze,
    /// Made of other nodes.
    Innen,
}

fn art(node: &SyntaxNode) -> Art {
    use SyntaxKind as K;
    match node.kind() {
        K::Text | K::Space | K::SmartQuote | K::Escape => Art::Prosa,
        K::LineComment | K::BlockComment | K::Shorthand | K::Linebreak => Art::Leer,
        K::Star | K::Underscore | K::Colon | K::LeftBracket | K::RightBracket => Art::Leer,
        K::Raw | K::Equation | K::Ref | K::Link | K::Label | K::Str | K::Parbreak => Art::Grenze,
        _ if node.children().next().is_some() => Art::Innen,
        _ => Art::Grenze,
    }
}

/// The rendering with only its prose left: everything else is blanked or
/// replaced by [`GRENZE`]. Of the same length, so offsets stay valid.
fn prosa(gerendert: &str) -> String {
    let mut out = String::with_capacity(gerendert.len());
    maskiere(&typst::syntax::parse(gerendert), &mut out);
    out
}

fn maskiere(node: &SyntaxNode, out: &mut String) {
    let fuellen = |zeichen: char, out: &mut String| {
        out.extend(std::iter::repeat_n(zeichen, node.len()));
    };
    match art(node) {
        Art::Prosa => out.push_str(node.leaf_text()),
        Art::Leer => fuellen(' ', out),
        Art::Grenze => fuellen(GRENZE, out),
        Art::Innen => node.children().for_each(|c| maskiere(c, out)),
    }
}

/// A word of prose with its byte offset, or a boundary.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Stueck<'a> {
    Wort(usize, &'a str),
    Grenze,
}

/// The words and boundaries of the masked rendering, in order.
fn stuecke(maske: &str) -> Vec<Stueck<'_>> {
    let mut out = Vec::new();
    let mut anfang = None;
    for (i, c) in maske.char_indices().chain([(maske.len(), ' ')]) {
        let trenner = c.is_whitespace() || c == GRENZE;
        match (anfang, trenner) {
            (None, false) => anfang = Some(i),
            (Some(a), true) => {
                out.push(Stueck::Wort(a, &maske[a..i]));
                anfang = None;
            }
            _ => {}
        }
        if c == GRENZE && out.last() != Some(&Stueck::Grenze) {
            out.push(Stueck::Grenze);
        }
    }
    out
}

/// The hit of the number at `i`, if it is one and a counted noun follows.
fn treffer_bei(stuecke: &[Stueck], i: usize) -> Option<(usize, String)> {
    let Stueck::Wort(offset, zahl) = stuecke[i] else {
        return None;
    };
    if !ist_zahl(kern(zahl)) || nach_verweis(stuecke, i) {
        return None;
    }
    // Point at the number, not at a bracket or quote before it.
    let offset = offset + zahl.len() - ohne_vorne(zahl).len();
    if kern(zahl).ends_with('%') {
        return Some((offset, wortlaut(&[zahl])));
    }
    let folgende = folgende_woerter(stuecke, i);
    let j = folgende.iter().position(|w| ist_zaehlwort(kern(w)))?;
    let mut woerter = vec![zahl];
    woerter.extend(&folgende[..=j]);
    Some((offset, wortlaut(&woerter)))
}

/// Up to [`ABSTAND`] words after the word at `i`, within its sentence.
fn folgende_woerter<'a>(stuecke: &[Stueck<'a>], i: usize) -> Vec<&'a str> {
    let satzende = |w: &str| w.ends_with(['.', '!', '?', ':', ';']);
    let mut out = Vec::new();
    let mut letztes = match stuecke[i] {
        Stueck::Wort(_, w) => w,
        Stueck::Grenze => return out,
    };
    for s in &stuecke[i + 1..] {
        match s {
            Stueck::Wort(_, w) if out.len() < ABSTAND && !satzende(letztes) => {
                out.push(*w);
                letztes = w;
            }
            _ => break,
        }
    }
    out
}

/// Whether the word before `i` makes the number a reference ("Ziff. 5").
fn nach_verweis(stuecke: &[Stueck], i: usize) -> bool {
    let davor = i.checked_sub(1).map(|j| stuecke[j]);
    matches!(davor, Some(Stueck::Wort(_, w)) if VERWEISE.contains(&kern(w)))
}

/// A word without the quotes, brackets and punctuation around it; a final
/// full stop stays (it makes "187." an ordinal).
fn kern(wort: &str) -> &str {
    ohne_vorne(wort).trim_end_matches([
        ',', ';', ':', '!', '?', ')', ']', '“', '”', '"', '‘', '\'', '«', '»',
    ])
}

fn ohne_vorne(wort: &str) -> &str {
    wort.trim_start_matches(['(', '[', '„', '“', '"', '‚', '\'', '»', '«'])
}

/// The words of a hit as they read, without the punctuation around them.
fn wortlaut(woerter: &[&str]) -> String {
    let text = woerter.join(" ");
    kern(&text).trim_end_matches('.').to_owned()
}

/// A number that counts: digits ("17", "0,5", "1.000", "5–10", "49%") or a
/// number word ("zwei", "Dreiundzwanzig"), but not "ein/eine/eins" (which
/// are mostly articles), years, dates, ordinals or references ("2024/1689").
fn ist_zahl(wort: &str) -> bool {
    if wort.contains(MARKE) {
        return false;
    }
    let w = wort.strip_suffix('%').unwrap_or(wort);
    if w.starts_with(|c: char| c.is_ascii_digit()) {
        let teile: Vec<&str> = w.split(['–', '-']).collect();
        teile.len() <= 2 && teile.iter().all(|t| ist_ziffernzahl(t))
    } else {
        zahlwort(w).is_some_and(|n| n != 1)
    }
}

/// "17", "0,5", "1.000" – not a year ("2025"), date ("30.10.") or ordinal.
fn ist_ziffernzahl(w: &str) -> bool {
    let ziffern = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    let (ganz, bruch) = w.split_once(',').unwrap_or((w, ""));
    if !bruch.is_empty() && !ziffern(bruch) {
        return false;
    }
    let gruppen: Vec<&str> = ganz.split('.').collect();
    match gruppen.as_slice() {
        [zahl] => ziffern(zahl) && !(bruch.is_empty() && ist_jahr(zahl)),
        [erste, rest @ ..] => {
            ziffern(erste) && erste.len() <= 3 && rest.iter().all(|g| g.len() == 3 && ziffern(g))
        }
        [] => false,
    }
}

fn ist_jahr(ziffern: &str) -> bool {
    ziffern.len() == 4 && (ziffern.starts_with("19") || ziffern.starts_with("20"))
}

/// Whether a word is a counted noun (see [`ZAEHLWOERTER`] and [`KREIS`]).
fn ist_zaehlwort(wort: &str) -> bool {
    let w = wort.trim_end_matches('.');
    let teil = w.rsplit('-').next().unwrap_or(w);
    w.starts_with('%')
        || w.ends_with('%')
        || mit_endung(teil, KREIS)
        || ZAEHLWOERTER
            .iter()
            .any(|z| w.starts_with(z) || teil.starts_with(z) || kompositum(teil, z))
}

/// Whether `wort` is `nomen` with one of the [`ENDUNGEN`] ("Kreisen").
fn mit_endung(wort: &str, nomen: &str) -> bool {
    ENDUNGEN.iter().any(|e| wort.strip_suffix(e) == Some(nomen))
}

/// Whether a compound ends in `nomen` with an ending ("Pilotprojekte").
fn kompositum(wort: &str, nomen: &str) -> bool {
    let (w, n) = (wort.to_lowercase(), nomen.to_lowercase());
    ENDUNGEN
        .iter()
        .any(|e| w.strip_suffix(e).is_some_and(|s| s.ends_with(&n)))
}

/// Where the template's literal text stands in the rendering: (offset in
/// the rendering, offset in the template, length), in order.
fn rohtext_stellen(k: &Kapitel, gerendert: &str) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut ab = 0;
    for (el, m) in k.vorlage.elements.iter().zip(&k.vorlage.mapping) {
        let TemplateElement::RawString(s) = el else {
            continue;
        };
        if s.is_empty() {
            continue;
        }
        // After a placeholder, handlebars maps literal text one column too
        // far; text whose escaped braces (`\{{`) lost their backslash is
        // not found and skipped.
        let Some(in_vorlage) = [m.1.saturating_sub(1), m.1]
            .into_iter()
            .map(|spalte| offset_von(&k.text, m.0, spalte))
            .find(|o| k.text[*o..].starts_with(s.as_str()))
        else {
            continue;
        };
        if let Some(i) = gerendert.get(ab..).and_then(|g| g.find(s.as_str())) {
            out.push((ab + i, in_vorlage, s.len()));
            ab += i + s.len();
        }
    }
    out
}

/// The column in the template of a position in the rendering.
fn vorlagen_spalte(k: &Kapitel, stellen: &[(usize, usize, usize)], offset: usize) -> Option<usize> {
    let (r, t, _) = stellen
        .iter()
        .rev()
        .find(|(r, _, n)| (*r..r + n).contains(&offset))?;
    Some(zeile_spalte(&k.text, t + offset - r).1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figures::Kennzahlen;
    use crate::model::EditionMeta;
    use crate::templates::{Modus, rendern};

    /// The hits in a template: (line, column, words).
    fn pruefe(text: &str) -> Vec<(usize, usize, String)> {
        let mut vorlage = handlebars::template::Template::compile(text).expect("Testvorlage");
        vorlage.name = Some("t.typ.hbs".into());
        let k = Kapitel {
            name: "t.typ.hbs".into(),
            pfad: "t.typ.hbs".into(),
            text: text.into(),
            vorlage,
        };
        let meta: EditionMeta = serde_json::from_value(serde_json::json!({
            "titel": "", "untertitel": "", "reihe": "", "monat": 6, "jahr": 2025,
            "herausgeber": "", "herausgeber_kurz": "", "layout": "t", "historie": [], "mitwirkende": [],
            "umfrage": {"beginn": "2025-03-07", "ende": "2025-03-31"},
            "sitzungen": ["2025-02-04"], "landkreise_niedersachsen": 37, "bildnachweise": []
        }))
        .expect("Metadaten");
        let kennzahlen = Kennzahlen::default();
        let gerendert = rendern(
            std::slice::from_ref(&k),
            &kennzahlen,
            &meta,
            Modus::Pruefung,
            false,
        )
        .expect("rendert")
        .remove(0)
        .1;
        pruefe_zahlen(&[(&k, gerendert)])
            .into_iter()
            .map(|f| (f.zeile, f.spalte, f.wortlaut))
            .collect()
    }

    /// A template and its expected hits as (line, column, words).
    type Fall = (&'static str, &'static [(usize, usize, &'static str)]);

    const FAELLE: &[Fall] = &[
        // Found: digits, number words, compounds, inflections.
        (
            "Bis 2026 kommen 17 Projekte hinzu.",
            &[(1, 17, "17 Projekte")],
        ),
        (
            "Dreiundzwanzig Landkreise nahmen teil.",
            &[(1, 1, "Dreiundzwanzig Landkreise")],
        ),
        ("Es gibt 12 KI-Projekte.", &[(1, 9, "12 KI-Projekte")]),
        ("Es gibt 12 Pilotprojekte.", &[(1, 9, "12 Pilotprojekte")]),
        ("in 5 Kreisen", &[(1, 4, "5 Kreisen")]),
        ("mit 0,5 VZÄ je Kreis", &[(1, 5, "0,5 VZÄ")]),
        ("(17 laufende Projekte)", &[(1, 2, "17 laufende Projekte")]),
        ("etwa 49 % der Landkreise", &[(1, 6, "49 %")]),
        ("etwa 49% der", &[(1, 6, "49%")]),
        ("1.000 Steckbriefe", &[(1, 1, "1.000 Steckbriefe")]),
        ("in zwei Kommunen", &[(1, 4, "zwei Kommunen")]),
        ("5–10 Projekte", &[(1, 1, "5–10 Projekte")]),
        ("*17* Projekte", &[(1, 2, "17 Projekte")]),
        ("17~Projekte", &[(1, 1, "17 Projekte")]),
        ("es sind 17\nProjekte", &[(1, 9, "17 Projekte")]),
        (
            "#figure(rect(), caption: [17 Projekte])",
            &[(1, 27, "17 Projekte")],
        ),
        // Two hits on one line, and lines and columns after placeholders.
        (
            "a 3 Projekte und 3 Landkreise",
            &[(1, 3, "3 Projekte"), (1, 18, "3 Landkreise")],
        ),
        (
            "x {{zahl \"a\"}} Projekte, 4 Projekte",
            &[(1, 26, "4 Projekte")],
        ),
        (
            "a\n{{#behauptung \"a\" \"gleich\" 2}}zwei\nProjekte{{/behauptung}} und 7 Kreise, 8 Projekte\n",
            &[(3, 29, "7 Kreise"), (3, 39, "8 Projekte")],
        ),
        // Allowed: placeholders, dates, years, ordinals, references.
        ("{{zahl \"a\"}} Projekte", &[]),
        (
            "{{#behauptung \"a\" \"gleich\" 2}}2 Projekte{{/behauptung}}",
            &[],
        ),
        ("am 30.10.2024 Projekte", &[]),
        ("seit 2024 Projekte", &[]),
        ("der 187. Landkreis", &[]),
        ("siehe Ziff. 5 Projekt-Steckbriefe, S. 15 Projekte", &[]),
        ("nach Art. 4 Projekte, § 5 Projekte, Nr. 3 Projekte", &[]),
        ("Verordnung 2024/1689 Projekte", &[]),
        ("ein Projekt, eine Kommune, eins der Projekte", &[]),
        ("zwei Sitzungen mit Ansätzen", &[]),
        ("drei Projektansätze", &[(1, 1, "drei Projektansätze")]),
        ("in drei Arbeitskreisen", &[]),
        ("seit 12 Monaten. Projekte", &[]),
        // Not prose: comments, code, strings, raw text, math, labels.
        ("a // 17 Projekte\nb /* 18\nProjekte */ c", &[]),
        ("#v(12pt) Projekte", &[]),
        ("#figure(rect(width: 12pt), caption: \"17 Projekte\")", &[]),
        ("`17 Projekte` und $17 \"Projekte\"$", &[]),
        ("siehe <abb-17> Projekte und @abb-17 Projekte", &[]),
        ("17\n\nProjekte", &[]),
        ("= Ergebnis 17 <k>\nProjekte", &[]),
        ("- Punkte: 17\n- Projekte", &[]),
    ];

    #[test]
    fn getippte_zahlen_nach_tabelle() {
        for (text, erwartet) in FAELLE {
            let erwartet: Vec<(usize, usize, String)> = erwartet
                .iter()
                .map(|(z, s, w)| (*z, *s, (*w).to_owned()))
                .collect();
            assert_eq!(pruefe(text), erwartet, "{text:?}");
        }
    }

    #[test]
    fn zeilen_nach_mehrzeiliger_behauptung() {
        let text = "Einleitung\n{{#behauptung \"a\" \"gleich\" 2}}zwei\nProjekte\nin drei\nKreisen{{/behauptung}}.\nNun 4 Projekte und 5 Landkreise.\n";
        assert_eq!(
            pruefe(text),
            vec![
                (6, 5, "4 Projekte".to_owned()),
                (6, 20, "5 Landkreise".to_owned())
            ]
        );
    }

    #[test]
    fn maske_behaelt_die_laenge() {
        let text = "= Ä <k>\n#figure(caption: [„17“ Projekte])\n// ü\n$ä$ `ö` \\#";
        let maske = prosa(text);
        assert_eq!(maske.len(), text.len());
        assert!(!maske.contains('ü') && !maske.contains('ö') && maske.contains('„'));
    }
}
