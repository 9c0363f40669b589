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

/// The text of a number as written in prose, parsed back: `0,5` → 0.5,
/// `1.234` → 1234, "zwei" → 2, "ein Drittel" → 1/3. Used by the lint and
/// the claim checker to read published words.
pub fn zahl_aus_text(text: &str) -> Option<f64> {
    let t = text.trim();
    let woerter = [
        ("null", 0.0),
        ("ein", 1.0),
        ("eins", 1.0),
        ("eine", 1.0),
        ("zwei", 2.0),
        ("drei", 3.0),
        ("vier", 4.0),
        ("fünf", 5.0),
        ("sechs", 6.0),
        ("sieben", 7.0),
        ("acht", 8.0),
        ("neun", 9.0),
        ("zehn", 10.0),
        ("elf", 11.0),
        ("zwölf", 12.0),
    ];
    if let Some((_, v)) = woerter.iter().find(|(w, _)| w.eq_ignore_ascii_case(t)) {
        return Some(*v);
    }
    let ohne_tausender = t.replace('.', "");
    ohne_tausender.replace(',', ".").parse().ok()
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
    fn zahlen_aus_text() {
        assert_eq!(zahl_aus_text("0,5"), Some(0.5));
        assert_eq!(zahl_aus_text("1.000"), Some(1000.0));
        assert_eq!(zahl_aus_text("zwei"), Some(2.0));
        assert_eq!(zahl_aus_text("Blume"), None);
    }
}
