//! The charts and the map for the website. An SVG shown through `<img>`
//! cannot load a web font, so its text would fall back to whatever the
//! reader's system has. Here each text is turned into the outlines of the
//! report's own glyphs (usvg, with the project's fonts): the charts look
//! as in the PDF on every system. What they say stays in the `alt` text
//! and the value tables beside them.

use std::sync::Arc;

use usvg::fontdb;

/// usvg's options with the fonts in `schriften` (the bytes of the font
/// files), loaded once for all charts of a site.
pub fn optionen<'a>(
    schriften: impl IntoIterator<Item = &'a [u8]>,
) -> Result<usvg::Options<'static>, String> {
    let mut db = fontdb::Database::new();
    for s in schriften {
        db.load_font_data(s.to_vec());
    }
    if db.is_empty() {
        return Err("keine Schrift für die Abbildungen geladen".into());
    }
    Ok(usvg::Options {
        fontdb: Arc::new(db),
        ..usvg::Options::default()
    })
}

/// The SVG with its text as outlines of the fonts in `optionen`.
pub fn mit_umrissen(svg: &str, optionen: &usvg::Options) -> Result<String, String> {
    let baum = usvg::Tree::from_str(svg, optionen).map_err(|e| e.to_string())?;
    // usvg leaves out a text whose font it cannot find: nothing lost in
    // silence.
    let texte = svg.matches("<text").count();
    let gezeichnet = gezeichnete_texte(baum.root());
    if gezeichnet != texte {
        return Err(format!(
            "{} von {texte} Beschriftungen ohne Schrift (fonts/ braucht die Schrift der Abbildungen)",
            texte - gezeichnet.min(texte)
        ));
    }
    // Three decimals of a pixel are finer than any screen; the default of
    // eight makes the files twice as large.
    let schreiben = usvg::WriteOptions {
        coordinates_precision: 3,
        transforms_precision: 5,
        ..usvg::WriteOptions::default()
    };
    Ok(baum.to_string(&schreiben))
}

/// The texts of `g` and its groups that have glyph outlines.
fn gezeichnete_texte(g: &usvg::Group) -> usize {
    g.children()
        .iter()
        .map(|n| match n {
            usvg::Node::Group(g) => gezeichnete_texte(g),
            usvg::Node::Text(t) => usize::from(!t.flattened().children().is_empty()),
            _ => 0,
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SVG: &str = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"40\">\
        <rect width=\"10\" height=\"10\"/>\
        <text x=\"20\" y=\"30\" font-family=\"Inter\" font-size=\"20\">Celle &amp; Peine</text></svg>";

    fn mit_inter() -> usvg::Options<'static> {
        let inter = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/fonts/Inter-Regular.otf"
        ))
        .unwrap();
        optionen([inter.as_slice()]).unwrap()
    }

    #[test]
    fn beschriftungen_werden_zu_umrissen_der_schrift() {
        let svg = mit_umrissen(SVG, &mit_inter()).unwrap();
        assert!(!svg.contains("<text") && !svg.contains("Celle"), "{svg}");
        // The rectangle and at least one outline per glyph.
        assert!(svg.matches("<path").count() >= 2, "{svg}");
        assert_eq!(
            mit_umrissen(SVG, &mit_inter()).unwrap(),
            svg,
            "gleiche Bytes"
        );
    }

    #[test]
    fn ohne_passende_schrift_bricht_es_ab_statt_text_zu_verlieren() {
        assert!(optionen([]).unwrap_err().contains("keine Schrift"));
        let fremd = SVG.replace("Inter", "Gibt-es-nicht");
        let f = mit_umrissen(&fremd, &mit_inter()).unwrap_err();
        assert!(f.contains("1 von 1 Beschriftungen ohne Schrift"), "{f}");
    }
}
