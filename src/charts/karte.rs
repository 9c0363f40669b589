//! Abbildung 1: Lower Saxony's 45 districts; responding Landkreise coloured
//! by their number of projects (Tabelle 1) with the number on the district.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::geo::{Geodaten, Kreis, flaeche};
use super::mass::{Schriftmass, Svg};
use super::{Abbildung, SCHRIFT, ZeichenFehler};
use crate::diagnostics::Meldung;
use crate::model::{Edition, Gestaltung, KartenZahlen, SCHWARZ, WEISS, kontrast};

/// Width of the drawing in SVG units; Typst scales it to the column.
const BREITE: u32 = 1000;
const RAND: f64 = 12.0;
const LEGENDE: f64 = 210.0;

/// Class limits of the colour scale (upper bounds, inclusive) and colours:
/// one hue, lightness falling with the count, so it survives grey-scale
/// printing and is safe for colour-blind readers (ColorBrewer "Blues").
pub const KLASSEN: &[(u32, &str, RGBColor)] = &[
    (0, "0", RGBColor(0xde, 0xeb, 0xf7)),
    (3, "1–3", RGBColor(0x9e, 0xca, 0xe1)),
    (6, "4–6", RGBColor(0x6b, 0xae, 0xd6)),
    (10, "7–10", RGBColor(0x31, 0x82, 0xbd)),
    (u32::MAX, "über 10", RGBColor(0x08, 0x51, 0x9c)),
];
/// Districts that did not take part.
pub const OHNE: RGBColor = RGBColor(0xf2, 0xf2, 0xf2);
const GRENZE: RGBColor = RGBColor(0x70, 0x70, 0x70);

/// The fill colour for a number of projects.
pub fn farbe(anzahl: u32) -> RGBColor {
    KLASSEN
        .iter()
        .find(|(bis, _, _)| anzahl <= *bis)
        .map_or(KLASSEN[KLASSEN.len() - 1].2, |k| k.2)
}

/// The drawing area of the map.
type Flaeche<'a> = DrawingArea<Svg<'a>, Shift>;

/// A drawing error as text.
fn fehler(e: DrawingAreaErrorKind<std::io::Error>) -> Meldung {
    Meldung::neu(e.to_string())
}

/// Draws the map onto `flaeche_`: districts, numbers, legend.
fn zeichne(
    e: &Edition,
    geo: &Geodaten,
    flaeche_: &Flaeche,
    hoehe: u32,
    g: &Gestaltung,
) -> Result<(), Meldung> {
    flaeche_.fill(&WHITE).map_err(fehler)?;
    let px = Projektion::neu(geo, hoehe);
    let schraffiert = g.keine_teilnahme_schraffiert;
    for kreis in groesste_zuerst(geo) {
        let n = teilnehmer(e, kreis);
        let fuellung = match n {
            None if schraffiert => WHITE,
            _ => n.map_or(OHNE, farbe),
        };
        zeichne_kreis(flaeche_, kreis, fuellung, n.is_none() && schraffiert, &px)?;
    }
    zeichne_zahlen(e, geo, flaeche_, &px, g.karten_zahlen)?;
    zeichne_legende(flaeche_, hoehe, schraffiert)
}

/// Hatching of the area inside `ring`: diagonal lines `abstand` apart (lines
/// x − y = c, cut by the ring's edges; inside by the even-odd rule).
fn schraffur(ring: &[(i32, i32)], abstand: i32) -> Vec<Vec<(i32, i32)>> {
    let u = |(x, y): (i32, i32)| x - y;
    let (Some(min), Some(max)) = (
        ring.iter().map(|p| u(*p)).min(),
        ring.iter().map(|p| u(*p)).max(),
    ) else {
        return Vec::new();
    };
    let mut linien = Vec::new();
    let mut c = min - min.rem_euclid(abstand) + abstand;
    while c < max {
        let cf = f64::from(c) + 0.5;
        let mut v: Vec<f64> = ring
            .windows(2)
            .filter_map(|k| {
                let (a, b) = (k[0], k[1]);
                let (ua, ub) = (f64::from(u(a)), f64::from(u(b)));
                let (va, vb) = (f64::from(a.0 + a.1), f64::from(b.0 + b.1));
                ((ua - cf) * (ub - cf) < 0.0).then(|| va + (cf - ua) / (ub - ua) * (vb - va))
            })
            .collect();
        v.sort_by(f64::total_cmp);
        for paar in v.chunks_exact(2) {
            let punkt = |v: f64| {
                (
                    ((cf + v) / 2.0).round() as i32,
                    ((v - cf) / 2.0).round() as i32,
                )
            };
            linien.push(vec![punkt(paar[0]), punkt(paar[1])]);
        }
        c += abstand;
    }
    linien
}

/// The hatch's strokes: mid grey, thin.
const SCHRAFFUR: RGBColor = RGBColor(0x80, 0x80, 0x80);

/// From geographic coordinates to SVG units: the bounding box scaled into
/// the area left of the legend.
struct Projektion {
    x0: f64,
    y1: f64,
    mass: f64,
}

impl Projektion {
    fn neu(geo: &Geodaten, hoehe: u32) -> Projektion {
        let (x0, y0, x1, y1) = geo.grenzen();
        let nutzbar_b = f64::from(BREITE) - 2.0 * RAND - LEGENDE;
        let nutzbar_h = f64::from(hoehe) - 2.0 * RAND;
        let mass = (nutzbar_b / (x1 - x0)).min(nutzbar_h / (y1 - y0));
        Projektion { x0, y1, mass }
    }

    /// The SVG point of a geographic point.
    fn px(&self, (x, y): (f64, f64)) -> (i32, i32) {
        (
            (RAND + (x - self.x0) * self.mass).round() as i32,
            (RAND + (self.y1 - y) * self.mass).round() as i32,
        )
    }

    /// The SVG points of a ring.
    fn ring(&self, ring: &[(f64, f64)]) -> Vec<(i32, i32)> {
        ring.iter().map(|p| self.px(*p)).collect()
    }
}

/// Larger districts first, so that a city inside a Landkreis is drawn on top.
fn groesste_zuerst(geo: &Geodaten) -> Vec<&Kreis> {
    let mut reihenfolge: Vec<&Kreis> = geo.kreise.iter().collect();
    let groesse = |k: &Kreis| -> f64 {
        k.polygone
            .iter()
            .filter_map(|p| p.first())
            .map(|r| flaeche(r))
            .sum()
    };
    reihenfolge.sort_by(|a, b| groesse(b).total_cmp(&groesse(a)).then(a.rs.cmp(&b.rs)));
    reihenfolge
}

/// One district: each polygon filled, its holes white, all outlined.
fn zeichne_kreis(
    flaeche_: &Flaeche,
    kreis: &Kreis,
    fuellung: RGBColor,
    schraffiert: bool,
    px: &Projektion,
) -> Result<(), Meldung> {
    for poly in &kreis.polygone {
        let Some((ring, loecher)) = poly.split_first() else {
            continue;
        };
        let aussen = px.ring(ring);
        flaeche_
            .draw(&Polygon::new(aussen.clone(), fuellung.filled()))
            .map_err(fehler)?;
        if schraffiert {
            for linie in schraffur(&aussen, 9) {
                flaeche_
                    .draw(&PathElement::new(linie, SCHRAFFUR.stroke_width(1)))
                    .map_err(fehler)?;
            }
        }
        for loch in loecher {
            let l = px.ring(loch);
            flaeche_
                .draw(&Polygon::new(l.clone(), WHITE.filled()))
                .map_err(fehler)?;
            flaeche_
                .draw(&PathElement::new(l, GRENZE.stroke_width(1)))
                .map_err(fehler)?;
        }
        flaeche_
            .draw(&PathElement::new(aussen, GRENZE.stroke_width(1)))
            .map_err(fehler)?;
    }
    Ok(())
}

/// The colour of the number on a district with `n` projects: black or
/// white, whichever contrasts more with its fill (at least 4.58:1, since
/// one of the two always does), or, as in version 1.0, white from 7 on.
pub fn zahlfarbe(n: u32, zahlen: KartenZahlen) -> RGBColor {
    let hell = match zahlen {
        KartenZahlen::HellAb7 => n > KLASSEN[2].0,
        KartenZahlen::Kontrast => {
            let f = farbe(n);
            let rgb = (f.0, f.1, f.2);
            kontrast(rgb, WEISS) > kontrast(rgb, SCHWARZ)
        }
    };
    if hell { WHITE } else { BLACK }
}

/// Numbers on the responding districts.
fn zeichne_zahlen(
    e: &Edition,
    geo: &Geodaten,
    flaeche_: &Flaeche,
    px: &Projektion,
    zahlen: KartenZahlen,
) -> Result<(), Meldung> {
    for kreis in &geo.kreise {
        if let Some(n) = teilnehmer(e, kreis) {
            let stil = (SCHRIFT, 24)
                .into_font()
                .style(FontStyle::Bold)
                .color(&zahlfarbe(n, zahlen))
                .pos(Pos::new(HPos::Center, VPos::Center));
            flaeche_
                .draw(&Text::new(n.to_string(), px.px(kreis.label), stil))
                .map_err(fehler)?;
        }
    }
    Ok(())
}

/// The legend at the bottom right: title, one box per class, "keine
/// Teilnahme".
fn zeichne_legende(flaeche_: &Flaeche, hoehe: u32, schraffiert: bool) -> Result<(), Meldung> {
    let lx = (f64::from(BREITE) - LEGENDE + 10.0) as i32;
    let mut ly =
        (f64::from(hoehe) - 2.0 * RAND - 46.0 * (KLASSEN.len() as f64 + 1.0) - 40.0) as i32;
    let titel = (SCHRIFT, 22)
        .into_font()
        .style(FontStyle::Bold)
        .color(&BLACK);
    flaeche_
        .draw(&Text::new("Projekte", (lx, ly), titel))
        .map_err(fehler)?;
    ly += 40;
    let eintraege = KLASSEN
        .iter()
        .map(|(_, t, c)| (t.to_string(), *c))
        .chain(std::iter::once(("keine Teilnahme".to_string(), OHNE)));
    for (text, c) in eintraege {
        let ohne = text == "keine Teilnahme" && schraffiert;
        legenden_eintrag(flaeche_, (lx, ly), text, if ohne { WHITE } else { c })?;
        if ohne {
            let kasten = [
                (lx, ly),
                (lx + 34, ly),
                (lx + 34, ly + 30),
                (lx, ly + 30),
                (lx, ly),
            ];
            for linie in schraffur(&kasten, 9) {
                flaeche_
                    .draw(&PathElement::new(linie, SCHRAFFUR.stroke_width(1)))
                    .map_err(fehler)?;
            }
        }
        ly += 46;
    }
    Ok(())
}

/// One legend entry at `(lx, ly)`: an outlined colour box and its text.
fn legenden_eintrag(
    flaeche_: &Flaeche,
    (lx, ly): (i32, i32),
    text: String,
    c: RGBColor,
) -> Result<(), Meldung> {
    flaeche_
        .draw(&Rectangle::new([(lx, ly), (lx + 34, ly + 30)], c.filled()))
        .map_err(fehler)?;
    flaeche_
        .draw(&Rectangle::new(
            [(lx, ly), (lx + 34, ly + 30)],
            GRENZE.stroke_width(1),
        ))
        .map_err(fehler)?;
    let stil = (SCHRIFT, 20)
        .into_font()
        .color(&BLACK)
        .pos(Pos::new(HPos::Left, VPos::Center));
    flaeche_
        .draw(&Text::new(text, (lx + 46, ly + 15), stil))
        .map_err(fehler)
}

/// How one district is drawn: its fill and, for a responding Landkreis, the
/// number printed on it.
#[derive(Debug, Clone, PartialEq)]
pub struct KreisDarstellung {
    pub rs: String,
    pub name: String,
    pub fuellung: RGBColor,
    /// Projects of a responding Landkreis (the label), else `None`.
    pub projekte: Option<u32>,
}

/// The drawing plan of the map: one entry per district, in `rs` order.
pub fn darstellung(e: &Edition, geo: &Geodaten) -> Vec<KreisDarstellung> {
    geo.kreise
        .iter()
        .map(|k| {
            let projekte = teilnehmer(e, k);
            KreisDarstellung {
                rs: k.rs.clone(),
                name: k.name.clone(),
                fuellung: projekte.map_or(OHNE, farbe),
                projekte,
            }
        })
        .collect()
}

/// The number of projects of a district that responded, else `None`.
fn teilnehmer(e: &Edition, kreis: &Kreis) -> Option<u32> {
    if kreis.art == "Kreisfreie Stadt" {
        return None;
    }
    e.landkreise
        .iter()
        .find(|l| l.name == kreis.name)
        .map(|l| l.projekte.summe())
}

pub fn karte(
    e: &Edition,
    geo: &Geodaten,
    mass: &Schriftmass,
    g: &Gestaltung,
) -> Result<Abbildung, ZeichenFehler> {
    let (x0, y0, x1, y1) = geo.grenzen();
    let nutzbar_b = f64::from(BREITE) - 2.0 * RAND - LEGENDE;
    let hoehe = ((y1 - y0) / (x1 - x0) * nutzbar_b + 2.0 * RAND).round() as u32;
    let mut svg = String::new();
    {
        let root = Svg::neu(&mut svg, (BREITE, hoehe), mass).into_drawing_area();
        zeichne(e, geo, &root, hoehe, g).map_err(|m| ZeichenFehler::Zeichnen("Karte".into(), m))?;
        root.present()
            .map_err(|m| ZeichenFehler::Zeichnen("Karte".into(), Meldung::neu(m.to_string())))?;
    }
    let mut werte: Vec<(String, f64)> = e
        .landkreise
        .iter()
        .map(|l| (l.name.clone(), f64::from(l.projekte.summe())))
        .collect();
    werte.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let liste = werte
        .iter()
        .map(|(n, v)| format!("{n} {v}"))
        .collect::<Vec<_>>()
        .join(", ");
    let alt = format!(
        "Karte Niedersachsens mit den {} Landkreisen, der Region Hannover und den kreisfreien \
         Städten. Eingefärbt sind die {} Landkreise, die an der Umfrage teilgenommen haben, je \
         dunkler, desto mehr Projekte. Gemeldete Projekte: {liste}. Alle übrigen Gebiete haben \
         nicht teilgenommen.",
        geo.kreise.iter().filter(|k| k.art == "Landkreis").count(),
        e.landkreise.len(),
    );
    Ok(Abbildung {
        id: "karte".into(),
        titel: "Anzahl der KI-Projekte bei den Teilnehmern der Umfrage".into(),
        alt,
        quelle: Some(
            "Tabelle 1; Kartengrundlage © GeoBasis-DE / BKG 2016 (Daten verändert), \
             Datenlizenz Deutschland – Namensnennung – Version 2.0"
                .into(),
        ),
        werte,
        tabelle: None,
        svg,
    })
}

/// Abbildung 1 for the website: the same districts, colours and numbers as
/// an SVG written here, not by plotters, so that each responding Landkreis
/// is a link (`link` gives its address) with an accessible name. Holes are
/// cut with the even-odd rule; text is escaped.
pub fn karte_verlinkt(
    e: &Edition,
    geo: &Geodaten,
    g: &Gestaltung,
    link: &dyn Fn(&str) -> String,
) -> String {
    let (x0, y0, x1, y1) = geo.grenzen();
    let nutzbar_b = f64::from(BREITE) - 2.0 * RAND - LEGENDE;
    let hoehe = ((y1 - y0) / (x1 - x0) * nutzbar_b + 2.0 * RAND).round() as u32;
    let px = Projektion::neu(geo, hoehe);
    let breite = BREITE - LEGENDE as u32;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {breite} {hoehe}\" \
         class=\"karte\" role=\"group\" aria-labelledby=\"karte-titel\">\
         <title id=\"karte-titel\">Karte Niedersachsens: Landkreise nach Zahl der Projekte</title>"
    );
    for kreis in groesste_zuerst(geo) {
        let n = teilnehmer(e, kreis);
        let fuellung = n.map_or(OHNE, farbe);
        let pfad = kreis_pfad(kreis, &px);
        let flaeche_ = format!(
            "<path d=\"{pfad}\" fill-rule=\"evenodd\" fill=\"{}\" stroke=\"{}\" stroke-width=\"1\"/>",
            hex(fuellung),
            hex(GRENZE)
        );
        match n {
            Some(n) => {
                let name = handlebars::html_escape(&kreis.name);
                let (x, y) = px.px(kreis.label);
                let wort = if n == 1 { "Projekt" } else { "Projekte" };
                svg.push_str(&format!(
                    "<a href=\"{}\" aria-label=\"Landkreis {name}: {n} {wort}\">{flaeche_}\
                     <text x=\"{x}\" y=\"{y}\" fill=\"{}\" text-anchor=\"middle\" \
                     dominant-baseline=\"central\" class=\"karte-zahl\">{n}</text></a>",
                    handlebars::html_escape(&link(&kreis.name)),
                    hex(zahlfarbe(n, g.karten_zahlen)),
                ));
            }
            None => svg.push_str(&flaeche_),
        }
    }
    svg.push_str("</svg>");
    svg
}

/// The SVG path of a district: every ring of every polygon.
fn kreis_pfad(kreis: &Kreis, px: &Projektion) -> String {
    let mut d = String::new();
    for ring in kreis.polygone.iter().flatten() {
        for (i, (x, y)) in px.ring(ring).into_iter().enumerate() {
            d.push_str(&format!("{}{x} {y} ", if i == 0 { "M" } else { "L" }));
        }
        d.push_str("Z ");
    }
    d.trim_end().to_owned()
}

fn hex(c: RGBColor) -> String {
    format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
}

/// The classes of the map's legend: text and colour (for the website's
/// own legend).
pub fn legende() -> Vec<(String, String)> {
    KLASSEN
        .iter()
        .map(|(_, t, c)| ((*t).to_owned(), hex(*c)))
        .chain(std::iter::once(("keine Teilnahme".to_owned(), hex(OHNE))))
        .collect()
}
