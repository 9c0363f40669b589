//! German number typography: `0,5`, `49 %`, `1.234`, "zwei".

/// A number with `stellen` decimals, decimal comma, thousands dot: `1.234,5`.
pub fn dezimal(wert: f64, stellen: usize) -> String {
    let text = format!("{:.*}", stellen, wert.abs());
    let (ganz, bruch) = match text.split_once('.') {
        Some((g, b)) => (g.to_owned(), Some(b.to_owned())),
        None => (text.clone(), None),
    };
    let mut gruppiert = String::new();
    for (i, c) in ganz.chars().enumerate() {
        if i > 0 && (ganz.len() - i) % 3 == 0 {
            gruppiert.push('.');
        }
        gruppiert.push(c);
    }
    let vorzeichen = if wert < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
        "−"
    } else {
        ""
    };
    match bruch {
        Some(b) => format!("{vorzeichen}{gruppiert},{b}"),
        None => format!("{vorzeichen}{gruppiert}"),
    }
}

/// A whole number with thousands dots: `1.234`.
pub fn ganzzahl(wert: f64) -> String {
    dezimal(wert.round(), 0)
}

/// A share (0..1) as percent with a narrow no-break space: `49 %`.
pub fn prozent(anteil: f64, stellen: usize) -> String {
    format!("{}\u{202f}%", dezimal(anteil * 100.0, stellen))
}

/// Numbers up to twelve spelled out, as German prose does ("zwei", "fünf").
pub fn wort(wert: f64) -> String {
    const WOERTER: [&str; 13] = [
        "null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn",
        "elf", "zwölf",
    ];
    let n = wert.round();
    if (0.0..=12.0).contains(&n) && (wert - n).abs() < 1e-9 {
        WOERTER[n as usize].to_owned()
    } else {
        ganzzahl(wert)
    }
}

/// A German number word as a whole number: "zwei" → 2, "Dreiundzwanzig" →
/// 23, "hundertzwölf" → 112, "eins"/"ein"/"eine" → 1. Case does not matter;
/// inflected forms ("zweien", "dreier") count too. Up to 999,999.
pub fn zahlwort(wort: &str) -> Option<u32> {
    let w = wort.to_lowercase();
    let w = w.as_str();
    if w.is_empty() || w.len() > 80 {
        return None;
    }
    if let Some((tausender, rest)) = w.split_once("tausend") {
        let t = if tausender.is_empty() {
            1
        } else {
            unter_tausend(tausender)?
        };
        let r = if rest.is_empty() {
            0
        } else {
            unter_tausend(rest)?
        };
        return Some(t * 1000 + r);
    }
    unter_tausend(w).or_else(|| {
        // Inflected forms: "zweien", "dreien", "vieren", "dreier".
        ["en", "er", "n", "s"]
            .iter()
            .find_map(|e| w.strip_suffix(e).and_then(unter_tausend))
            .filter(|n| *n > 1)
    })
}

/// 0 to 999 written as one lower-case word.
fn unter_tausend(w: &str) -> Option<u32> {
    if let Some((hunderter, rest)) = w.split_once("hundert") {
        let h = if hunderter.is_empty() || hunderter == "ein" {
            1
        } else {
            einer(hunderter).filter(|n| *n > 1)?
        };
        let r = if rest.is_empty() {
            0
        } else {
            unter_hundert(rest.strip_prefix("und").unwrap_or(rest))?
        };
        return Some(h * 100 + r);
    }
    unter_hundert(w)
}

fn unter_hundert(w: &str) -> Option<u32> {
    const ZEHNER: [(&str, u32); 8] = [
        ("zwanzig", 20),
        ("dreißig", 30),
        ("vierzig", 40),
        ("fünfzig", 50),
        ("sechzig", 60),
        ("siebzig", 70),
        ("achtzig", 80),
        ("neunzig", 90),
    ];
    for (z, n) in ZEHNER {
        if w == z {
            return Some(n);
        }
        if let Some(e) = w.strip_suffix(z).and_then(|v| v.strip_suffix("und")) {
            let e = if e == "ein" { Some(1) } else { einer(e) };
            return e.filter(|e| (1..10).contains(e)).map(|e| n + e);
        }
    }
    einer(w)
}

/// 0 to 19.
fn einer(w: &str) -> Option<u32> {
    const WOERTER: [&str; 20] = [
        "null",
        "eins",
        "zwei",
        "drei",
        "vier",
        "fünf",
        "sechs",
        "sieben",
        "acht",
        "neun",
        "zehn",
        "elf",
        "zwölf",
        "dreizehn",
        "vierzehn",
        "fünfzehn",
        "sechzehn",
        "siebzehn",
        "achtzehn",
        "neunzehn",
    ];
    match w {
        "ein" | "eine" => Some(1),
        _ => WOERTER.iter().position(|x| *x == w).map(|n| n as u32),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deutsche_zahlen() {
        assert_eq!(dezimal(0.526, 1), "0,5");
        assert_eq!(dezimal(1234.5, 1), "1.234,5");
        assert_eq!(ganzzahl(101.0), "101");
        assert_eq!(ganzzahl(1234.0), "1.234");
        assert_eq!(prozent(18.0 / 37.0, 0), "49\u{202f}%");
        assert_eq!(wort(2.0), "zwei");
        assert_eq!(wort(5.0), "fünf");
        assert_eq!(wort(17.0), "17");
        assert_eq!(dezimal(-0.25, 2), "−0,25");
        assert_eq!(dezimal(-0.001, 1), "0,0");
    }

    #[test]
    fn zahlwoerter() {
        for (w, n) in [
            ("null", 0),
            ("ein", 1),
            ("zwei", 2),
            ("Zwölf", 12),
            ("dreizehn", 13),
            ("zwanzig", 20),
            ("einundzwanzig", 21),
            ("Dreiundzwanzig", 23),
            ("neunundneunzig", 99),
            ("hundert", 100),
            ("einhundertzwölf", 112),
            ("zweihundertdreiundvierzig", 243),
            ("tausend", 1000),
            ("zweitausendfünf", 2005),
            ("zweien", 2),
            ("dreier", 3),
        ] {
            assert_eq!(zahlwort(w), Some(n), "{w}");
        }
        for w in [
            "Blume",
            "einer",
            "und",
            "zwanzigund",
            "hundertfoo",
            "",
            "dreiundzwölf",
        ] {
            assert_eq!(zahlwort(w), None, "{w}");
        }
    }
}
