//! The lint for typed numbers: in the rendered prose (figures and claims
//! replaced by a marker), a numeral next to a counted noun is a number typed
//! by hand that `check` reports, so it cannot slip into a new edition.

use serde::Serialize;

use crate::templates::{Kapitel, MARKE};

/// A number typed by hand next to a counted noun.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TypischerZahlfehler {
    pub datei: String,
    pub zeile: usize,
    /// The words found, e.g. "17 Projekte".
    pub wortlaut: String,
}

const ZAEHLWOERTER: &[&str] = &[
    "Landkreis",
    "Projekt",
    "VZÄ",
    "Prozent",
    "%",
    "Steckbrief",
    "Kommune",
    "Vollzeitäquivalent",
];

const ZAHLWOERTER: &[&str] = &[
    "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf",
    "zwanzig", "dreißig", "hundert",
];

/// Words after which a number is a reference, not a count.
const VERWEISE: &[&str] = &[
    "Ziff.",
    "S.",
    "Seite",
    "Seiten",
    "Art.",
    "Abs.",
    "Nr.",
    "§",
    "Kapitel",
    "Abbildung",
    "Tabelle",
    "Version",
    "Edition",
    "Punkt",
];

fn ist_zahl(wort: &str) -> bool {
    let w = wort.trim_matches(|c: char| matches!(c, '(' | ')' | '„' | '“' | ',' | ';' | ':'));
    if ZAHLWOERTER.iter().any(|z| z.eq_ignore_ascii_case(w)) {
        return true;
    }
    if w.is_empty() || !w.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return false;
    }
    // Ordinals ("187."), dates ("30.10.2024"), years and references ("2024/1689")
    // are not counts.
    if w.ends_with('.') || w.matches('.').count() > 1 || w.contains('/') {
        return false;
    }
    let ziffern: String = w.chars().filter(char::is_ascii_digit).collect();
    let jahr = ziffern.len() == 4
        && !w.contains([',', '.'])
        && (ziffern.starts_with("19") || ziffern.starts_with("20"));
    !jahr
        && w.chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.' || c == '%')
}

fn ist_zaehlwort(wort: &str) -> bool {
    let w = wort.trim_start_matches(['(', '„']);
    ZAEHLWOERTER.iter().any(|z| w.starts_with(z)) || w.ends_with('%')
}

/// Removes Typst comments (`// …` and `/* … */`) line by line, keeping lines.
fn ohne_kommentare(text: &str) -> Vec<String> {
    let mut im_block = false;
    text.lines()
        .map(|zeile| {
            let mut out = String::new();
            let mut rest = zeile;
            loop {
                if im_block {
                    match rest.find("*/") {
                        Some(i) => {
                            rest = &rest[i + 2..];
                            im_block = false;
                        }
                        None => break,
                    }
                } else {
                    let block = rest.find("/*");
                    let linie = rest
                        .match_indices("//")
                        .find(|(i, _)| *i == 0 || rest[..*i].ends_with(char::is_whitespace))
                        .map(|(i, _)| i);
                    match (block, linie) {
                        (Some(b), l) if l.is_none_or(|l| b < l) => {
                            out.push_str(&rest[..b]);
                            rest = &rest[b + 2..];
                            im_block = true;
                        }
                        (_, Some(l)) => {
                            out.push_str(&rest[..l]);
                            break;
                        }
                        _ => {
                            out.push_str(rest);
                            break;
                        }
                    }
                }
            }
            out
        })
        .collect()
}

/// Finds typed numbers in the chapters, given each chapter's rendering in
/// check mode (figures and claims replaced by the marker).
pub fn pruefe_zahlen(kapitel: &[(&Kapitel, String)]) -> Vec<TypischerZahlfehler> {
    let mut out = Vec::new();
    for (k, gerendert) in kapitel {
        let mut benutzt: Vec<usize> = Vec::new();
        for zeile in ohne_kommentare(gerendert) {
            let woerter: Vec<&str> = zeile.split_whitespace().collect();
            for (i, w) in woerter.iter().enumerate() {
                if w.contains(MARKE) || !ist_zahl(w) {
                    continue;
                }
                if i > 0 && VERWEISE.contains(&woerter[i - 1]) {
                    continue;
                }
                let Some(j) =
                    (i + 1..woerter.len().min(i + 4)).find(|j| ist_zaehlwort(woerter[*j]))
                else {
                    continue;
                };
                let wortlaut = woerter[i..=j].join(" ");
                // Locate the words in the template to name the line there.
                let zeile_nr = k
                    .text
                    .lines()
                    .enumerate()
                    .filter(|(n, l)| l.contains(w) && !benutzt.contains(n))
                    .map(|(n, _)| n)
                    .next();
                if let Some(n) = zeile_nr {
                    benutzt.push(n);
                }
                out.push(TypischerZahlfehler {
                    datei: k.pfad.display().to_string(),
                    zeile: zeile_nr.map_or(0, |n| n + 1),
                    wortlaut,
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
    fn erkennt_zahlen_und_laesst_verweise_zu() {
        assert!(ist_zahl("17"));
        assert!(ist_zahl("0,5"));
        assert!(ist_zahl("zwei"));
        assert!(!ist_zahl("187."));
        assert!(!ist_zahl("30.10.2024"));
        assert!(!ist_zahl("2024"));
        assert!(!ist_zahl("2024/1689"));
        assert!(ist_zaehlwort("Projekte"));
        assert!(ist_zaehlwort("Landkreisen"));
        assert!(!ist_zaehlwort("Sitzungen"));
    }

    #[test]
    fn kommentare_zaehlen_nicht() {
        let z = ohne_kommentare("a 17 Projekte // 18 Projekte\n/* 19\nProjekte */ b");
        assert_eq!(z, vec!["a 17 Projekte ", "", " b"]);
    }
}
