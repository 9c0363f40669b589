//! How much of the text is checked: the statements bound to the data, the
//! passages marked `{{#ohne_daten "Grund"}}…{{/ohne_daten}}` with their
//! reasons, and the sentences with a number or a quantity word ("mehrere",
//! "die meisten", "häufig", …) that are neither: candidates the editor
//! should bind to a figure or mark.

use serde::Serialize;

use crate::templates::{Kapitel, Platzhalter, platzhalter};

/// A passage the data cannot decide, with its reason.
#[derive(Debug, Clone, Serialize)]
pub struct OhneDatenStelle {
    pub datei: String,
    pub zeile: usize,
    pub grund: String,
    pub wortlaut: String,
}

/// A sentence with a number or a quantity word, neither checked nor marked.
#[derive(Debug, Clone, Serialize)]
pub struct Ungekennzeichnet {
    pub datei: String,
    pub zeile: usize,
    pub satz: String,
}

/// The coverage of the text.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Abdeckung {
    pub geprueft: usize,
    pub ohne_daten: Vec<OhneDatenStelle>,
    pub ohne_kennzeichnung: Vec<Ungekennzeichnet>,
}

/// Helpers whose block or value comes from the data or is marked: a
/// sentence with one of them is covered.
const DECKEND: &[&str] = &[
    "zahl",
    "prozent",
    "wort",
    "behauptung",
    "aussage",
    "ohne_daten",
    "umfragezeitraum",
    "sitzungstermine",
];

/// Quantity words that make a sentence a statement about counts.
const GANZE_WORTE: &[&str] = &[
    "alle", "allen", "aller", "kein", "keine", "keinen", "keiner", "zwei", "drei", "vier", "fünf",
    "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf", "viele", "vielen", "vieler",
    "wenige", "wenigen", "weniger", "meist", "kaum", "rund", "knapp",
];
const STAEMME: &[&str] = &[
    "mehrere",
    "mehreren",
    "einige",
    "hälfte",
    "drittel",
    "viertel",
    "prozent",
    "zahlreich",
    "mehrheit",
    "minderheit",
    "überwieg",
    "häufig",
    "selten",
    "meisten",
    "großteil",
    "dominier",
    "vereinzelt",
    "verbreitet",
    "untergeordnet",
];

/// Abbreviations after which a full stop does not end a sentence.
const ABKUERZUNGEN: &[&str] = &[
    "z", "b", "t", "bzw", "vgl", "ca", "u", "a", "d", "h", "nr", "etc", "ggf", "inkl", "evtl",
    "abs", "art", "s", "dr", "o", "ä", "usw",
];

/// Words before a number that make it a reference, not an amount
/// ("Artikel 5", "Absatz 1").
const VERWEISE: &[&str] = &[
    "artikel",
    "art",
    "absatz",
    "abs",
    "nr",
    "kapitel",
    "abschnitt",
    "tabelle",
    "abbildung",
    "seite",
    "version",
    "buchstabe",
];
const MONATE: &[&str] = &[
    "januar",
    "februar",
    "märz",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "dezember",
];

/// Whether the word at `i` is a number that counts something: not a year,
/// a date, a reference ("Artikel 5"), a regulation ("2024/1689") or the
/// marker of a numbered list ("1." at the start).
fn zaehlt(worte: &[String], i: usize) -> bool {
    let w = &worte[i];
    if !w.chars().any(|c| c.is_ascii_digit()) || w.contains('/') {
        return false;
    }
    let jahr = w.len() == 4 && w.parse::<u32>().is_ok_and(|j| (1900..=2100).contains(&j));
    let davor = i.checked_sub(1).map(|j| worte[j].as_str());
    let danach = worte.get(i + 1).map(String::as_str);
    !(jahr
        || i == 0
        || davor.is_some_and(|d| VERWEISE.contains(&d))
        || danach.is_some_and(|d| MONATE.contains(&d)))
}

/// Whether a sentence states a number or an amount.
fn mengenaussage(satz: &str) -> bool {
    let worte: Vec<String> = satz
        .split(|c: char| !c.is_alphanumeric() && c != ',' && c != '/')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    (0..worte.len()).any(|i| {
        let k = worte[i].as_str();
        zaehlt(&worte, i) || GANZE_WORTE.contains(&k) || STAEMME.iter().any(|s| k.starts_with(s))
    })
}

/// Byte ranges of the chapter covered by a placeholder (a block to its
/// closing tag).
fn gedeckt(k: &Kapitel, platzhalter: &[Platzhalter]) -> Vec<std::ops::Range<usize>> {
    platzhalter
        .iter()
        .filter(|p| DECKEND.contains(&p.helfer.as_str()))
        .map(|p| {
            let ende = format!("{{{{/{}}}}}", p.helfer);
            let schluss = k.text[p.bytes.end..]
                .find(&ende)
                .map_or(p.bytes.end, |i| p.bytes.end + i + ende.len());
            p.bytes.start..schluss
        })
        .collect()
}

/// The sentences of a prose line as byte ranges of the chapter text.
fn saetze(text: &str, start: usize) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut anfang = 0;
    let b = text.as_bytes();
    for (i, c) in text.char_indices() {
        let ende = matches!(c, '.' | '!' | '?') && b.get(i + 1).is_none_or(|n| *n == b' ');
        if !ende {
            continue;
        }
        let wort = text[anfang..i]
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or_default()
            .to_lowercase();
        let zahl = !wort.is_empty() && wort.chars().all(|c| c.is_ascii_digit());
        if ABKUERZUNGEN.contains(&wort.as_str()) || zahl {
            continue;
        }
        out.push(start + anfang..start + i + 1);
        anfang = i + 1;
    }
    if !text[anfang..].trim().is_empty() {
        out.push(start + anfang..start + text.len());
    }
    out
}

/// Template words as a reader sees them: Typst's escapes (`\<`) without
/// the backslash, its emphasis marks (`*`, `_`) without the marks, a
/// placeholder inside (a footnote) as an ellipsis.
fn lesbar(wortlaut: &str) -> String {
    let mut out = String::new();
    let mut zeichen = wortlaut.chars().peekable();
    while let Some(c) = zeichen.next() {
        if c == '\\' && zeichen.peek().is_some_and(|n| n.is_ascii_punctuation()) {
            if let Some(n) = zeichen.next() {
                out.push(n);
            }
            continue;
        }
        if c != '*' && c != '_' {
            out.push(c);
        }
    }
    out.replace(crate::templates::MARKE, "…")
}

/// The coverage of the chapters, with `geprueft` statements checked.
pub fn abdeckung(kapitel: &[Kapitel], geprueft: usize) -> Abdeckung {
    let mut a = Abdeckung {
        geprueft,
        ..Abdeckung::default()
    };
    for k in kapitel {
        // Parsed once per chapter, for the marks and for what they cover.
        let ps = platzhalter(k);
        for p in ps.iter().filter(|p| p.helfer == "ohne_daten") {
            a.ohne_daten.push(OhneDatenStelle {
                datei: p.pfad.display().to_string(),
                zeile: p.zeile,
                grund: p.name().unwrap_or_default().to_owned(),
                // A placeholder inside (a footnote, a language) as an ellipsis.
                wortlaut: lesbar(&p.wortlaut),
            });
        }
        a.ohne_kennzeichnung.extend(ungekennzeichnet(k, &ps));
    }
    a
}

/// The sentences of a chapter with a number or amount that no placeholder
/// covers; Typst code, headings and comments are not prose.
fn ungekennzeichnet(k: &Kapitel, platzhalter: &[Platzhalter]) -> Vec<Ungekennzeichnet> {
    let gedeckt = gedeckt(k, platzhalter);
    let mut out = Vec::new();
    let mut start = 0;
    for (nr, zeile) in k.text.split_inclusive('\n').enumerate() {
        let von = start;
        start += zeile.len();
        let t = zeile.trim_start();
        if t.is_empty() || t.starts_with(['#', '=', '/', '{', '<', ']', '[']) {
            continue;
        }
        for s in saetze(zeile.trim_end(), von) {
            let ueberdeckt = gedeckt.iter().any(|g| g.start < s.end && s.start < g.end);
            let satz = k.text[s.clone()].trim();
            if !ueberdeckt && mengenaussage(satz) {
                out.push(Ungekennzeichnet {
                    datei: k.pfad.display().to_string(),
                    zeile: nr + 1,
                    satz: satz.to_owned(),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mengenworte_und_zahlen_machen_eine_mengenaussage() {
        assert!(mengenaussage("Die meisten Projekte laufen lokal."));
        assert!(mengenaussage("Es sind 12 Projekte."));
        assert!(!mengenaussage("1. Zentral verankerte Zuständigkeit"));
        assert!(!mengenaussage(
            "Nach Artikel 5 Absatz 1 der Verordnung (EU) 2024/1689 gilt das."
        ));
        assert!(!mengenaussage("Das NDSG vom 8. Februar 2024 gilt."));
        assert!(mengenaussage("Mehrere Landkreise planen das."));
        assert!(!mengenaussage("Die Umfrage lief im Jahr 2025."));
        assert!(!mengenaussage(
            "Datenschutz ist wichtig, allerdings aufwendig."
        ));
    }

    #[test]
    fn gekennzeichnete_worte_lesbar() {
        assert_eq!(lesbar("z. T. \\< 1.000 € \\#1"), "z. T. < 1.000 € #1");
        assert_eq!(
            lesbar("ein *wichtiger* Satz \\* _so_"),
            "ein wichtiger Satz * so"
        );
    }

    #[test]
    fn saetze_enden_nicht_an_abkuerzungen() {
        let t = "Das ist z. B. ein Satz. Und am 3. Mai noch einer.";
        let s: Vec<&str> = saetze(t, 0).into_iter().map(|r| &t[r]).collect();
        assert_eq!(s, ["Das ist z. B. ein Satz.", " Und am 3. Mai noch einer."]);
    }
}
