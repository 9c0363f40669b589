//! What the words of a claim state: the numbers in "mehr als 40 Prozent",
//! "etwa einem Drittel", "0,2 bis 0,5", "zwei", and the strength words of a
//! correlation ("schwach", "eng", "positiv"). `check` compares them with the
//! claim's comparison, so that the printed words and the checked value can
//! never say different things.

use super::Vergleich;
use crate::diagnostics::Meldung;
use crate::figures::format::zahlwort;
use crate::figures::{Einheit, Kennzahl};

/// A number the words state.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Angabe {
    /// The value; a percentage or fraction as a share (40 % → 0.4).
    pub wert: f64,
    /// Stated as a percentage or a fraction ("Prozent", "%", "Drittel").
    pub anteil: bool,
}

/// Fractions in words, by the stem of their noun.
const BRUECHE: &[(&str, f64)] = &[
    ("hälfte", 2.0),
    ("drittel", 3.0),
    ("viertel", 4.0),
    ("fünftel", 5.0),
    ("sechstel", 6.0),
    ("achtel", 8.0),
    ("zehntel", 10.0),
];

/// Articles that mean "one" before a fraction ("einem Drittel", "die Hälfte").
const EINS: &[&str] = &[
    "ein", "eine", "einem", "einen", "einer", "eines", "die", "der", "den",
];

/// Splits the words into tokens: numbers (with their decimal comma and
/// thousands dots), words, and `%` on its own.
fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut aktuell = String::new();
    let mut zeichen = text.chars().peekable();
    while let Some(c) = zeichen.next() {
        let in_zahl = aktuell.chars().next().is_some_and(|a| a.is_ascii_digit());
        let trenner_in_zahl =
            in_zahl && matches!(c, ',' | '.') && zeichen.peek().is_some_and(|n| n.is_ascii_digit());
        if c.is_alphanumeric() || trenner_in_zahl {
            if !aktuell.is_empty() && in_zahl != (c.is_ascii_digit() || trenner_in_zahl) {
                out.push(std::mem::take(&mut aktuell));
            }
            aktuell.push(c);
        } else {
            if !aktuell.is_empty() {
                out.push(std::mem::take(&mut aktuell));
            }
            if c == '%' {
                out.push("%".into());
            }
        }
    }
    if !aktuell.is_empty() {
        out.push(aktuell);
    }
    out
}

/// A number written with digits: `0,5`, `1.234`, `40`.
fn ziffern(t: &str) -> Option<f64> {
    if !t.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    // Dots are thousands separators beside a decimal comma ("1.234,5") or
    // before a group of three digits ("1.234"); else a decimal point.
    let tausender =
        t.contains(',') || (t.contains('.') && t.rsplit('.').next().is_some_and(|g| g.len() == 3));
    let ohne_tausender = if tausender {
        t.replace('.', "")
    } else {
        t.to_owned()
    };
    ohne_tausender.replace(',', ".").parse().ok()
}

fn ist_prozent(t: &str) -> bool {
    t == "%" || t.eq_ignore_ascii_case("prozent")
}

fn bruch_nenner(t: &str) -> Option<f64> {
    let klein = t.to_lowercase();
    BRUECHE
        .iter()
        .find(|(stamm, _)| klein.starts_with(stamm))
        .map(|(_, n)| *n)
}

/// Every number the words state, in order.
pub fn angaben(text: &str) -> Vec<Angabe> {
    let t = tokens(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        let naechstes = t.get(i + 1).map(String::as_str);
        let zaehler = ziffern(&t[i]).or_else(|| {
            let klein = t[i].to_lowercase();
            if EINS.contains(&klein.as_str()) {
                naechstes.and_then(bruch_nenner).map(|_| 1.0)
            } else {
                zahlwort(&t[i]).map(f64::from)
            }
        });
        let Some(z) = zaehler else {
            if bruch_nenner(&t[i]).is_some() && t[i].to_lowercase().starts_with("hälfte") {
                // "Hälfte" alone ("zur Hälfte").
                out.push(Angabe {
                    wert: 0.5,
                    anteil: true,
                });
            }
            i += 1;
            continue;
        };
        if let Some(n) = naechstes.and_then(bruch_nenner) {
            out.push(Angabe {
                wert: z / n,
                anteil: true,
            });
            i += 2;
        } else if naechstes.is_some_and(ist_prozent) {
            out.push(Angabe {
                wert: z / 100.0,
                anteil: true,
            });
            i += 2;
        } else {
            out.push(Angabe {
                wert: z,
                anteil: false,
            });
            i += 1;
        }
    }
    out
}

/// Words that state the strength or direction of a correlation, with the
/// comparison they mean (README: "schwach" ≤ 0,3, "eng" ≥ 0,5, "positiv" > 0).
const STAERKE: &[(&str, Vergleich, f64)] = &[
    ("schwach", Vergleich::Hoechstens, 0.3),
    ("gering", Vergleich::Hoechstens, 0.3),
    ("eng", Vergleich::Mindestens, 0.5),
    ("stark", Vergleich::Mindestens, 0.5),
    ("positiv", Vergleich::MehrAls, 0.0),
    ("negativ", Vergleich::WenigerAls, 0.0),
];

/// Decimal places of a value as written (0.3333 → 4).
fn stellen(v: f64) -> i32 {
    format!("{v}")
        .split_once('.')
        .map_or(0, |(_, b)| b.len() as i32)
}

/// Whether a stated value and a comparison value are the same number, to the
/// precision the comparison value is written with (⅓ = 0.3333 = 0.33).
fn gleich(angabe: f64, wert: f64) -> bool {
    let toleranz = 0.5 * 10f64.powi(-stellen(wert)) + 1e-9;
    (angabe - wert).abs() <= toleranz
}

/// A value with a decimal comma, as few places as needed.
fn komma(v: f64) -> String {
    let gerundet = (v * 10_000.0).round() / 10_000.0;
    format!("{gerundet}").replace('.', ",")
}

fn liste(werte: &[f64]) -> String {
    werte
        .iter()
        .map(|w| komma(*w))
        .collect::<Vec<_>>()
        .join(" und ")
}

fn als_text(a: &Angabe) -> String {
    if a.anteil {
        format!("{} % (als Anteil {})", komma(a.wert * 100.0), komma(a.wert))
    } else {
        komma(a.wert)
    }
}

/// Checks that the words state what the comparison says; the reason if not.
pub fn pruefe(
    wortlaut: &str,
    kz: &Kennzahl,
    vergleich: Vergleich,
    werte: &[f64],
) -> Result<(), Meldung> {
    if kz.einheit == Einheit::Anteil
        && let Some(w) = werte.iter().find(|w| !(0.0..=1.0).contains(*w))
    {
        return Err(Meldung::from(format!(
            "{} ist ein Anteil und wird als Bruch zwischen 0 und 1 geschrieben, nicht {}: \
             40 Prozent = 0.4",
            kz.name,
            komma(*w)
        )));
    }
    if kz.einheit == Einheit::Koeffizient {
        pruefe_staerke(wortlaut, vergleich, werte)?;
    }
    let angaben = angaben(wortlaut);
    if angaben.is_empty() {
        return Ok(());
    }
    let passt = angaben.len() == werte.len()
        && angaben.iter().zip(werte).all(|(a, w)| gleich(a.wert, *w))
        && angaben
            .iter()
            .all(|a| !a.anteil || kz.einheit == Einheit::Anteil);
    if passt {
        return Ok(());
    }
    let genannt: Vec<String> = angaben.iter().map(als_text).collect();
    Err(Meldung::from(format!(
        "die Worte „{wortlaut}“ nennen {}, geprüft wird aber {} {}",
        genannt.join(" und "),
        vergleich.name(),
        liste(werte)
    )))
}

/// A correlation's strength words must mean the comparison made.
fn pruefe_staerke(wortlaut: &str, vergleich: Vergleich, werte: &[f64]) -> Result<(), Meldung> {
    let klein = wortlaut.to_lowercase();
    for wort in klein.split(|c: char| !c.is_alphanumeric()) {
        let Some((_, v, schwelle)) = STAERKE.iter().find(|(s, _, _)| wort.starts_with(s)) else {
            continue;
        };
        if *v != vergleich || werte.first().is_none_or(|w| !gleich(*schwelle, *w)) {
            return Err(Meldung::from(format!(
                "„{wort}“ bedeutet {} {} (README), geprüft wird aber {} {}",
                v.name(),
                komma(*schwelle),
                vergleich.name(),
                liste(werte)
            )));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a(wert: f64, anteil: bool) -> Angabe {
        Angabe { wert, anteil }
    }

    #[test]
    fn zahlen_in_worten() {
        let faelle: &[(&str, &[Angabe])] = &[
            ("18", &[a(18.0, false)]),
            ("≈ 49 %", &[a(0.49, true)]),
            ("etwa 49\u{202f}%", &[a(0.49, true)]),
            ("mehr als 40 Prozent", &[a(0.4, true)]),
            ("etwa einem Drittel", &[a(1.0 / 3.0, true)]),
            ("zwei Drittel", &[a(2.0 / 3.0, true)]),
            ("knapp die Hälfte", &[a(0.5, true)]),
            ("ein Viertel", &[a(0.25, true)]),
            ("0,2 bis 0,5", &[a(0.2, false), a(0.5, false)]),
            ("zwei", &[a(2.0, false)]),
            ("Dreiundzwanzig", &[a(23.0, false)]),
            ("zwanzig", &[a(20.0, false)]),
            ("1.234 Projekte", &[a(1234.0, false)]),
            ("12,5 %", &[a(0.125, true)]),
            ("enger Zusammenhang", &[]),
            ("eine Mehrheit", &[]),
        ];
        for (text, erwartet) in faelle {
            let ist = angaben(text);
            assert_eq!(ist.len(), erwartet.len(), "{text}: {ist:?}");
            for (i, e) in ist.iter().zip(erwartet.iter()) {
                assert!(
                    (i.wert - e.wert).abs() < 1e-9 && i.anteil == e.anteil,
                    "{text}: {ist:?}"
                );
            }
        }
    }

    fn kz(einheit: Einheit) -> Kennzahl {
        Kennzahl {
            name: "x".into(),
            titel: String::new(),
            definition: String::new(),
            einheit,
            wert: 0.0,
            bis: None,
            zaehler: None,
            nenner: None,
            belege: Vec::new(),
        }
    }

    #[test]
    fn worte_muessen_den_wert_nennen() {
        use Vergleich::*;
        let anteil = kz(Einheit::Anteil);
        let anzahl = kz(Einheit::Anzahl);
        let r = kz(Einheit::Koeffizient);
        let gut: &[(&str, &Kennzahl, Vergleich, &[f64])] = &[
            ("mehr als 40 Prozent", &anteil, MehrAls, &[0.4]),
            ("etwa einem Drittel", &anteil, Etwa, &[0.3333]),
            ("etwa ein Drittel", &anteil, Etwa, &[0.33]),
            ("≈ 49 %", &anteil, Etwa, &[0.49]),
            ("zwei", &anzahl, Gleich, &[2.0]),
            ("18", &anzahl, Gleich, &[18.0]),
            ("0,2 bis 0,5", &kz(Einheit::Spanne), Zwischen, &[0.2, 0.5]),
            ("enger Zusammenhang", &r, Mindestens, &[0.5]),
            ("vergleichsweise schwach ausgeprägt", &r, Hoechstens, &[0.3]),
            ("positiver Zusammenhang", &r, MehrAls, &[0.0]),
        ];
        for (w, k, v, werte) in gut {
            assert_eq!(pruefe(w, k, *v, werte), Ok(()), "{w}");
        }
        let schlecht: &[(&str, &Kennzahl, Vergleich, &[f64], &str)] = &[
            ("etwa 94 %", &anteil, Etwa, &[0.49], "94 %"),
            (
                "mehr als 40 Prozent",
                &anteil,
                MehrAls,
                &[40.0],
                "zwischen 0 und 1",
            ),
            ("drei", &anzahl, Gleich, &[2.0], "nennen 3"),
            ("40 %", &anzahl, Gleich, &[0.4], "40 %"),
            (
                "0,2 bis 0,6",
                &kz(Einheit::Spanne),
                Zwischen,
                &[0.2, 0.5],
                "0,6",
            ),
            (
                "enger Zusammenhang",
                &r,
                Mindestens,
                &[0.3],
                "„enger“ bedeutet",
            ),
            (
                "schwacher Zusammenhang",
                &r,
                Mindestens,
                &[0.5],
                "„schwacher“",
            ),
        ];
        for (w, k, v, werte, teil) in schlecht {
            let e = pruefe(w, k, *v, werte).unwrap_err();
            assert!(e.to_string().contains(teil), "{w}: {e}");
        }
    }
}
