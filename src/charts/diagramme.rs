//! The charts of chapter 4: projects by status per Landkreis, technology
//! shares, operating models, and VZÄ against the number of projects.

use plotters::coord::Shift;
use plotters::coord::ranged1d::SegmentedCoord;
use plotters::coord::types::{RangedCoordf64, RangedCoordu32};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::mass::{Schriftmass, Svg};
use super::{Abbildung, Datentabelle, SCHRIFT, ZeichenFehler};
use crate::diagnostics::Meldung;
use crate::figures::{BETRIEBSMODELLE, Kennzahlen, TECHNOLOGIEN, format};
use crate::model::{Edition, Farbe, Gestaltung, Landkreis};

const BREITE: u32 = 1000;
const TEXT: RGBColor = RGBColor(0x20, 0x20, 0x20);

fn schrift(groesse: u32) -> TextStyle<'static> {
    (SCHRIFT, groesse).into_font().color(&TEXT)
}

fn svg_fehler<E: std::fmt::Display>(name: &str) -> impl Fn(E) -> ZeichenFehler + '_ {
    move |e| ZeichenFehler::Zeichnen(name.to_owned(), Meldung::neu(e.to_string()))
}

/// Horizontal bars of shares with their value printed at the bar's end.
/// How a share chart is drawn: as in version 1.0 and 1.1, or readable
/// ([`Gestaltung::balken_lesbar`]).
#[derive(Clone, Copy)]
struct Balkenform {
    farbe: RGBColor,
    lesbar: bool,
}

/// The end of the share axis in percent: 100, or (readable) the next ten
/// above the largest share.
fn achsenende(eintraege: &[(String, f64, String)], lesbar: bool) -> f64 {
    if !lesbar {
        return 100.0;
    }
    let groesster = eintraege.iter().map(|e| e.1 * 100.0).fold(0.0, f64::max);
    ((groesster / 10.0).floor() + 1.0).min(10.0) * 10.0
}

/// The bars by size, the largest first and "Sonstiges" last (readable).
fn nach_groesse(eintraege: &mut [(String, f64, String)]) {
    eintraege.sort_by(|a, b| {
        let sonstiges = |e: &(String, f64, String)| e.0.starts_with("Sonstig");
        sonstiges(a)
            .cmp(&sonstiges(b))
            .then(b.1.total_cmp(&a.1))
            .then(a.0.cmp(&b.0))
    });
}

fn balken_anteile(
    id: &str,
    eintraege: &[(String, f64, String)],
    mass: &Schriftmass,
    form: Balkenform,
) -> Result<String, ZeichenFehler> {
    let farbe = form.farbe;
    let fehler = svg_fehler::<String>(id);
    let hoehe = 90 + 56 * eintraege.len() as u32;
    let mut svg = String::new();
    {
        let root = Svg::neu(&mut svg, (BREITE, hoehe), mass).into_drawing_area();
        root.fill(&WHITE).map_err(|e| fehler(e.to_string()))?;
        let n = eintraege.len() as u32;
        let mut chart = ChartBuilder::on(&root)
            .margin(16)
            .margin_right(110)
            .x_label_area_size(50)
            .y_label_area_size(260)
            .build_cartesian_2d(
                0f64..achsenende(eintraege, form.lesbar),
                (0u32..n.max(2) - 1).into_segmented(),
            )
            .map_err(|e| fehler(e.to_string()))?;
        let namen: Vec<String> = eintraege.iter().map(|e| e.0.clone()).collect();
        chart
            .configure_mesh()
            .disable_y_mesh()
            .light_line_style(WHITE)
            .bold_line_style(RGBColor(0xd0, 0xd0, 0xd0))
            .x_desc("Anteil in Prozent")
            .x_label_formatter(&|v| format!("{v:.0}\u{202f}%"))
            .y_label_formatter(&|v| name_von_oben(&namen, v))
            .label_style(schrift(20))
            .axis_desc_style(schrift(20))
            .draw()
            .map_err(|e| fehler(e.to_string()))?;
        for (j, (_, wert, text)) in eintraege.iter().enumerate() {
            // The first entry on top.
            let i = n - 1 - j as u32;
            let x = wert * 100.0;
            let mut balken = Rectangle::new(
                [
                    (0.0, SegmentValue::Exact(i)),
                    (x, SegmentValue::Exact(i + 1)),
                ],
                farbe.filled(),
            );
            balken.set_margin(8, 8, 0, 0);
            chart
                .draw_series(std::iter::once(balken))
                .map_err(|e| fehler(e.to_string()))?;
            let pos = chart.backend_coord(&(x, SegmentValue::CenterOf(i)));
            if form.lesbar {
                // The value on white, over the gridlines.
                let (b, h) = mass.groesse(text, 20.0);
                let (b, h) = (b as i32, h as i32);
                root.draw(&Rectangle::new(
                    [
                        (pos.0 + 4, pos.1 - h / 2 - 3),
                        (pos.0 + 12 + b, pos.1 + h / 2 + 3),
                    ],
                    WHITE.filled(),
                ))
                .map_err(|e| fehler(e.to_string()))?;
            }
            root.draw(&Text::new(
                text.clone(),
                (pos.0 + 8, pos.1),
                schrift(20).pos(Pos::new(HPos::Left, VPos::Center)),
            ))
            .map_err(|e| fehler(e.to_string()))?;
        }
        root.present().map_err(|e| fehler(e.to_string()))?;
    }
    Ok(svg)
}

/// Stacked bars: projects per Landkreis by status (Tabelle 1).
pub fn projekte_status(
    e: &Edition,
    mass: &Schriftmass,
    g: &Gestaltung,
) -> Result<Abbildung, ZeichenFehler> {
    let lk = &e.landkreise;
    let svg = status_svg(lk, mass, &Stufen::aus(g))
        .map_err(|m| ZeichenFehler::Zeichnen("projekte-status".to_owned(), m))?;
    Ok(Abbildung {
        id: "projekte-status".into(),
        titel: "Projekte je Landkreis nach Status".into(),
        alt: format!(
            "Gestapeltes Balkendiagramm: für jeden der {} Landkreise der Tabelle 1 die Zahl der \
             abgeschlossenen, in Umsetzung befindlichen und geplanten Projekte. Die Werte stehen \
             in Tabelle 1.",
            lk.len()
        ),
        quelle: Some("Tabelle 1".into()),
        werte: status_werte(lk),
        tabelle: None,
        svg,
    })
}

/// The status chart: one horizontal segment per Landkreis, numbers of
/// projects along the x axis.
type StatusDiagramm<'a, 'b> =
    ChartContext<'a, Svg<'b>, Cartesian2d<RangedCoordf64, SegmentedCoord<RangedCoordu32>>>;

/// The SVG of the status chart: axes, bars, legend.
fn status_svg(lk: &[Landkreis], mass: &Schriftmass, stufen: &Stufen) -> Result<String, Meldung> {
    let n = lk.len() as u32;
    let mut svg = String::new();
    {
        let root = Svg::neu(&mut svg, (BREITE, 130 + 32 * n), mass).into_drawing_area();
        root.fill(&WHITE).map_err(|e| e.to_string())?;
        let mut chart = status_achsen(&root, lk)?;
        status_balken(&mut chart, lk, stufen)?;
        status_legende(&chart, mass, stufen).map_err(|e| e.to_string())?;
        root.present().map_err(|e| e.to_string())?;
    }
    Ok(svg)
}

/// The label of a bar segment: the names from top to bottom, in the order
/// given.
fn name_von_oben(namen: &[String], v: &SegmentValue<u32>) -> String {
    match v {
        SegmentValue::CenterOf(i) => (namen.len() as u32)
            .checked_sub(*i + 1)
            .and_then(|j| namen.get(j as usize))
            .cloned()
            .unwrap_or_default(),
        _ => String::new(),
    }
}

/// The axes and grid of the status chart, Landkreise in the order of
/// Tabelle 1 from top to bottom.
fn status_achsen<'a, 'b>(
    root: &'a DrawingArea<Svg<'b>, Shift>,
    lk: &[Landkreis],
) -> Result<StatusDiagramm<'a, 'b>, Meldung> {
    let n = lk.len() as u32;
    let max = lk
        .iter()
        .map(|l| l.projekte.summe())
        .max()
        .unwrap_or(1)
        .max(1);
    let namen: Vec<String> = lk.iter().map(|l| l.name.clone()).collect();
    let mut chart = ChartBuilder::on(root)
        .margin(16)
        .margin_right(40)
        .x_label_area_size(50)
        .y_label_area_size(200)
        .build_cartesian_2d(
            0f64..f64::from(max + 1),
            (0u32..n.max(2) - 1).into_segmented(),
        )
        .map_err(|e| e.to_string())?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .light_line_style(WHITE)
        .bold_line_style(RGBColor(0xd0, 0xd0, 0xd0))
        .x_desc("Zahl der Projekte")
        .x_labels((max + 2) as usize)
        .x_label_formatter(&|v| format!("{v:.0}"))
        .y_labels(n as usize)
        .y_label_formatter(&|v| name_von_oben(&namen, v))
        .label_style(schrift(19))
        .axis_desc_style(schrift(20))
        .draw()
        .map_err(|e| e.to_string())?;
    Ok(chart)
}
/// The three stacked series (abgeschlossen, in Umsetzung, geplant), each
/// with its legend entry.
fn status_balken(
    chart: &mut StatusDiagramm,
    lk: &[Landkreis],
    stufen: &Stufen,
) -> Result<(), Meldung> {
    for (s, (_, farbe)) in stufen.farben.into_iter().enumerate() {
        let balken: Vec<_> = lk
            .iter()
            .enumerate()
            .map(|(i, l)| status_segment(l, s, lk.len() - 1 - i, farbe, stufen.luecke))
            .collect();
        chart.draw_series(balken).map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// The status colours in the order of the stack, with their legend names,
/// and the white gap between the segments of a bar.
struct Stufen {
    farben: [(&'static str, RGBColor); 3],
    luecke: u32,
}

impl Stufen {
    fn aus(g: &Gestaltung) -> Stufen {
        let [a, b, c] = &g.status_farben;
        Stufen {
            farben: [
                ("abgeschlossen", rgb(a)),
                ("in Umsetzung", rgb(b)),
                ("geplant", rgb(c)),
            ],
            // 2 SVG units on each side: a white line of about 0.6 mm.
            luecke: if g.trennlinien { 2 } else { 0 },
        }
    }
}

/// A colour of the layout's design for plotters.
pub(super) fn rgb(f: &Farbe) -> RGBColor {
    let (r, g, b) = f.rgb();
    RGBColor(r, g, b)
}

/// The legend at the lower right of the plotting area: a framed box with a
/// colour swatch and a name per status, laid out like plotters' series
/// labels (line height 1.25, margin 10, swatch column 30), but measured
/// with the report's font.
fn status_legende(
    chart: &StatusDiagramm,
    mass: &Schriftmass,
    stufen: &Stufen,
) -> Result<(), DrawingAreaErrorKind<std::io::Error>> {
    const RAND: i32 = 10;
    const SPALTE: i32 = 30;
    let flaeche = chart.plotting_area().strip_coord_spec();
    let stil = schrift(19);
    let zeilen: Vec<(i32, (u32, u32))> = stufen
        .farben
        .iter()
        .enumerate()
        .map(|(i, (name, _))| {
            let y = (i as f64 * stil.font.get_size() * 1.25).round() as i32;
            (y, mass.groesse(name, stil.font.get_size()))
        })
        .collect();
    let breite = zeilen.iter().map(|z| z.1.0 as i32).max().unwrap_or(0);
    let hoehe = zeilen.iter().map(|z| z.0 + z.1.1 as i32).max().unwrap_or(0);
    let (w, h) = (breite + SPALTE + 2 * RAND, hoehe + 2 * RAND);
    let (fw, fh) = flaeche.dim_in_pixel();
    let (x, y) = (fw as i32 - w - 5, fh as i32 - h - 5);
    let kasten = [(x, y), (x + w, y + h)];
    flaeche.draw(&Rectangle::new(kasten, WHITE.mix(0.9).filled()))?;
    flaeche.draw(&Rectangle::new(
        kasten,
        ShapeStyle::from(RGBColor(0xb0, 0xb0, 0xb0)),
    ))?;
    let mut text = MultiLineText::<_, &str>::new((x + SPALTE + RAND, y + RAND), &stil);
    for (name, _) in stufen.farben {
        text.push_line(name);
    }
    flaeche.draw(&text)?;
    for ((dy, (_, zh)), (_, farbe)) in zeilen.into_iter().zip(stufen.farben) {
        let mitte = (2 * (y + RAND + dy) + zh as i32) / 2;
        let feld = [(x + RAND, mitte - 9), (x + RAND + 22, mitte + 9)];
        flaeche.draw(&Rectangle::new(feld, farbe.filled()))?;
    }
    Ok(())
}

/// The segment of status `s` (0 abgeschlossen, 1 in Umsetzung, 2 geplant)
/// of one Landkreis, in row `y` counted from the bottom.
fn status_segment(
    l: &Landkreis,
    s: usize,
    y: usize,
    farbe: RGBColor,
    luecke: u32,
) -> Rectangle<(f64, SegmentValue<u32>)> {
    let p = &l.projekte;
    let teile = [p.abgeschlossen, p.in_umsetzung, p.geplant];
    let von: u32 = teile[..s].iter().sum();
    let bis = von + teile[s];
    let y = y as u32;
    let mut r = Rectangle::new(
        [
            (f64::from(von), SegmentValue::Exact(y)),
            (f64::from(bis), SegmentValue::Exact(y + 1)),
        ],
        farbe.filled(),
    );
    r.set_margin(5, 5, luecke, luecke);
    r
}

/// The values behind the status chart: per Landkreis, the three counts.
fn status_werte(lk: &[Landkreis]) -> Vec<(String, f64)> {
    lk.iter()
        .flat_map(|l| {
            [
                (
                    format!("{} abgeschlossen", l.name),
                    f64::from(l.projekte.abgeschlossen),
                ),
                (
                    format!("{} in Umsetzung", l.name),
                    f64::from(l.projekte.in_umsetzung),
                ),
                (format!("{} geplant", l.name), f64::from(l.projekte.geplant)),
            ]
        })
        .collect()
}

/// The bars of a share chart: each figure of `liste` the edition has, its
/// label the answer its definition in `kennzahlen.yaml` counts (the
/// program's short form only for a figure the data does not define).
fn anteil_eintraege(
    e: &Edition,
    k: &Kennzahlen,
    liste: &[(&str, &str)],
) -> Result<Vec<(String, f64, String)>, crate::figures::Rechenfehler> {
    let mut out = Vec::new();
    for (name, kurz) in liste {
        // A bar the data cannot give is an error, not a bar left out.
        if let Some(f) = k.warum_nicht(name) {
            return Err(f.clone());
        }
        out.extend(bar(e, k, name, kurz));
    }
    Ok(out)
}

/// One bar: the figure `name` (if the edition has it), labelled.
fn bar(e: &Edition, k: &Kennzahlen, name: &str, kurz: &str) -> Option<(String, f64, String)> {
    let z = k.get(name)?;
    let antwort = e
        .kennzahl_definitionen
        .iter()
        .find(|d| d.name == name)
        .and_then(|d| d.antwort.clone());
    Some((
        antwort.unwrap_or_else(|| kurz.to_owned()),
        z.wert,
        format!(
            "{} ({} von {})",
            format::prozent(z.wert, 0),
            z.zaehler.unwrap_or(0),
            z.nenner.unwrap_or(0)
        ),
    ))
}

fn als_tabelle(eintraege: &[(String, f64, String)], spalte: &str) -> Datentabelle {
    Datentabelle {
        kopf: vec![spalte.into(), "Anteil".into(), "Steckbriefe".into()],
        zeilen: eintraege
            .iter()
            .map(|(n, w, t)| {
                let anzahl = t
                    .split_once('(')
                    .map_or("", |(_, r)| r.trim_end_matches(')'));
                vec![n.clone(), format::prozent(*w, 1), anzahl.to_owned()]
            })
            .collect(),
    }
}

/// What a share chart shows: which figures, and how to word it.
pub struct Anteile {
    id: &'static str,
    liste: &'static [(&'static str, &'static str)],
    /// "Technologien", "Betriebsmodelle" (plural, for title and alt text).
    was: &'static str,
    /// Column head of the data table.
    spalte: &'static str,
    /// The fact-sheet field, e.g. "Technologien".
    feld: &'static str,
    /// "der Technologie", "des Betriebsmodells".
    angabe: &'static str,
    zusatz: &'static str,
}

/// A share chart: horizontal bars of the figures of `a`, with alt text
/// and the values as a table.
pub fn anteil_abbildung(
    e: &Edition,
    k: &Kennzahlen,
    a: Anteile,
    mass: &Schriftmass,
    g: &Gestaltung,
) -> Result<Abbildung, ZeichenFehler> {
    let mut eintraege = anteil_eintraege(e, k, a.liste)?;
    if g.balken_lesbar {
        nach_groesse(&mut eintraege);
    }
    let form = Balkenform {
        farbe: rgb(&g.status_farben[0]),
        lesbar: g.balken_lesbar,
    };
    let svg = balken_anteile(a.id, &eintraege, mass, form)?;
    let basis = a
        .liste
        .first()
        .and_then(|(name, _)| k.get(name))
        .and_then(|z| z.nenner)
        .unwrap_or(0);
    Ok(Abbildung {
        id: a.id.into(),
        titel: format!(
            "{}: Anteil an den {basis} Steckbriefen mit Angabe {}{}",
            a.was, a.angabe, a.zusatz
        ),
        alt: format!(
            "Balkendiagramm „{}“ der Projektsteckbriefe, je Wert Anteil und Anzahl: {}.",
            a.was,
            eintraege
                .iter()
                .map(|e| format!("{} {}", e.0, e.2))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        quelle: Some(format!("Projektsteckbriefe, Feld „{}“", a.feld)),
        werte: eintraege.iter().map(|e| (e.0.clone(), e.1)).collect(),
        tabelle: Some(als_tabelle(&eintraege, a.spalte)),
        svg,
    })
}

/// The shares of the technologies named in the fact sheets.
pub const TECHNOLOGIEN_ANTEILE: Anteile = Anteile {
    id: "technologien",
    liste: TECHNOLOGIEN,
    was: "Eingesetzte Technologien",
    spalte: "Technologie",
    feld: "Technologien",
    angabe: "der Technologie",
    zusatz: " (Mehrfachnennung möglich)",
};

/// The shares of the operating models.
pub const BETRIEBSMODELLE_ANTEILE: Anteile = Anteile {
    id: "betriebsmodelle",
    liste: BETRIEBSMODELLE,
    was: "Betriebsmodelle",
    spalte: "Betriebsmodell",
    feld: "Betriebsmodell",
    angabe: "des Betriebsmodells",
    zusatz: "",
};

/// VZÄ against the number of projects, one point per Landkreis.
pub fn vzae_projekte(
    e: &Edition,
    k: &Kennzahlen,
    mass: &Schriftmass,
    g: &Gestaltung,
) -> Result<Abbildung, ZeichenFehler> {
    let punkte: Vec<Punkt> = e
        .landkreise
        .iter()
        .map(|l| Punkt {
            name: &l.name,
            x: l.vzae.0,
            y: f64::from(l.projekte.summe()),
        })
        .collect();
    let r = k.wert("korrelation_vzae_projekte")?;
    let svg = streudiagramm(&punkte, mass, g)
        .map_err(|m| ZeichenFehler::Zeichnen("vzae-projekte".to_owned(), m))?;
    let werte = e
        .landkreise
        .iter()
        .map(|l| (l.name.clone(), f64::from(l.projekte.summe())))
        .collect();
    Ok(Abbildung {
        id: "vzae-projekte".into(),
        titel: format!(
            "VZÄ für KI und Zahl der Projekte je Landkreis (Korrelationskoeffizient r = {})",
            format::dezimal(r, 2)
        ),
        alt: format!(
            "Streudiagramm: je Landkreis der Tabelle 1 ein Punkt mit den VZÄ für KI (waagerecht) \
             und der Zahl der Projekte (senkrecht). Der Korrelationskoeffizient nach Pearson \
             beträgt {}. Die Werte stehen in Tabelle 1.",
            format::dezimal(r, 2)
        ),
        quelle: Some("Tabelle 1".into()),
        werte,
        tabelle: None,
        svg,
    })
}

/// A Landkreis in the scatter chart.
struct Punkt<'a> {
    name: &'a str,
    x: f64,
    y: f64,
}

type Streuung<'a, 'b> = ChartContext<'a, Svg<'b>, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// The SVG of the scatter chart: VZÄ across, projects up, one dot each;
/// with `streudiagramm_namen` the Landkreise named at their dots.
fn streudiagramm(punkte: &[Punkt], mass: &Schriftmass, g: &Gestaltung) -> Result<String, Meldung> {
    let xmax = punkte
        .iter()
        .map(|p| p.x)
        .fold(0.0, f64::max)
        .ceil()
        .max(1.0);
    let ymax = punkte.iter().map(|p| p.y).fold(0.0, f64::max) + 2.0;
    // With every dot named, room left of and below the dots on the axes.
    let (xmin, ymin) = if g.streudiagramm_alle_namen {
        (-0.12 * xmax, -0.06 * ymax)
    } else {
        (-0.1, 0.0)
    };
    let mut svg = String::new();
    {
        let root = Svg::neu(&mut svg, (BREITE, 500), mass).into_drawing_area();
        root.fill(&WHITE).map_err(|e| e.to_string())?;
        let mut chart = ChartBuilder::on(&root)
            .margin(20)
            .margin_right(40)
            .x_label_area_size(60)
            .y_label_area_size(80)
            .build_cartesian_2d(xmin..xmax + 0.1, ymin..ymax)
            .map_err(|e| e.to_string())?;
        chart
            .configure_mesh()
            .light_line_style(WHITE)
            .bold_line_style(RGBColor(0xd8, 0xd8, 0xd8))
            .x_desc("VZÄ für KI")
            .y_desc("Zahl der Projekte")
            .x_label_formatter(&|v| format::dezimal(*v, 1))
            .y_label_formatter(&|v| format!("{v:.0}"))
            .label_style(schrift(19))
            .axis_desc_style(schrift(20))
            .draw()
            .map_err(|e| e.to_string())?;
        let farbe = rgb(&g.status_farben[0]);
        // Named dots are opaque (the names tell coinciding dots apart);
        // unnamed ones translucent, so that coinciding dots look darker.
        let fuellung = if g.streudiagramm_namen {
            farbe.filled()
        } else {
            farbe.mix(0.6).filled()
        };
        let punkt = |p: &Punkt, stil: ShapeStyle| Circle::new((p.x, p.y), 9, stil);
        chart
            .draw_series(punkte.iter().map(|p| punkt(p, fuellung)))
            .map_err(|e| e.to_string())?;
        chart
            .draw_series(punkte.iter().map(|p| punkt(p, WHITE.stroke_width(2))))
            .map_err(|e| e.to_string())?;
        if g.streudiagramm_namen {
            punkte_benennen(&chart, punkte, mass, g.streudiagramm_alle_namen)
                .map_err(|e| e.to_string())?;
        }
        root.present().map_err(|e| e.to_string())?;
    }
    Ok(svg)
}

/// A box in SVG units: left, top, right, bottom.
type Kasten = (i32, i32, i32, i32);

/// A line from one point to another, in SVG units.
type Strecke = ((i32, i32), (i32, i32));

fn ueberschneiden(a: &Kasten, b: &Kasten) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

/// Where a label of `b` × `h` may stand around the dot at `(x, y)`, nearest
/// first: right, left, above, below at the dot; with `weiter`, then eight
/// directions at growing distance (such a label gets a leader line).
fn orte(x: i32, y: i32, b: i32, h: i32, r: i32, weiter: bool) -> Vec<(i32, i32, bool)> {
    let naehe = [
        (x + r, y - r - h, false),
        (x + r, y + r, false),
        (x - r - b, y - r - h, false),
        (x - r - b, y + r, false),
    ];
    let mut orte = vec![
        (x + r + 4, y - h / 2, false),
        (x - r - 4 - b, y - h / 2, false),
        (x - b / 2, y - r - 4 - h, false),
        (x - b / 2, y + r + 4, false),
    ];
    if weiter {
        orte.extend(naehe);
        for stufe in 1..=12 {
            let d = r + 4 + 16 * stufe;
            for (dx, dy) in [
                (1, 0),
                (1, -1),
                (0, -1),
                (-1, -1),
                (-1, 0),
                (-1, 1),
                (0, 1),
                (1, 1),
            ] {
                let l = match dx {
                    1 => x + d,
                    -1 => x - d - b,
                    _ => x - b / 2,
                };
                let o = match dy {
                    1 => y + d,
                    -1 => y - d - h,
                    _ => y - h / 2,
                };
                orte.push((l, o, true));
            }
        }
    }
    orte
}

/// Whether the segments `a`–`b` and `c`–`d` cross (properly).
fn kreuzen(a: (i32, i32), b: (i32, i32), c: (i32, i32), d: (i32, i32)) -> bool {
    let seite = |p: (i32, i32), q: (i32, i32), r: (i32, i32)| {
        (i64::from(q.0 - p.0) * i64::from(r.1 - p.1) - i64::from(q.1 - p.1) * i64::from(r.0 - p.0))
            .signum()
    };
    seite(a, b, c) * seite(a, b, d) < 0 && seite(c, d, a) * seite(c, d, b) < 0
}

/// Whether the segment `a`–`b` runs through box `k` (crosses a side or a diagonal).
fn durch_kasten(a: (i32, i32), b: (i32, i32), k: &Kasten) -> bool {
    kreuzen(a, b, (k.0, k.1), (k.2, k.3)) || kreuzen(a, b, (k.0, k.3), (k.2, k.1))
}

/// The leader line from the edge of the dot at `(x, y)` (radius `r`) to
/// the nearest point of box `k`.
fn hinweislinie((x, y): (i32, i32), r: i32, k: &Kasten) -> Strecke {
    let ziel = naechster_punkt(k, (x, y));
    let (dx, dy) = (f64::from(ziel.0 - x), f64::from(ziel.1 - y));
    let laenge = dx.hypot(dy).max(1.0);
    let rand = (
        x + (dx / laenge * f64::from(r + 2)) as i32,
        y + (dy / laenge * f64::from(r + 2)) as i32,
    );
    (rand, ziel)
}

/// The point of box `k` nearest to `(x, y)`.
fn naechster_punkt(k: &Kasten, (x, y): (i32, i32)) -> (i32, i32) {
    (x.clamp(k.0, k.2), y.clamp(k.1, k.3))
}

/// Names the dots: Landkreise at the same values share one label ("A,
/// B"); the dots with the most projects first, each label right, left,
/// above or below its dot, wherever it overlaps no dot, no earlier label
/// and stays inside the plotting area. A label with no free place is left
/// out (the values stand in Tabelle 1), unless `alle`: then labels keep a
/// gap of 4 units to every other label and dot, a label that finds no place
/// beside its dot stands further away with a leader line, and a label that
/// finds no place at all is an error, not a silent omission.
fn punkte_benennen(
    chart: &Streuung,
    punkte: &[Punkt],
    mass: &Schriftmass,
    alle: bool,
) -> Result<(), DrawingAreaErrorKind<std::io::Error>> {
    const GROESSE: u32 = 17;
    const R: i32 = 11;
    let abstand = if alle { 4 } else { 0 };
    let mut gruppen: Vec<((i32, i32), Vec<&str>)> = Vec::new();
    for p in punkte {
        let pos = chart.backend_coord(&(p.x, p.y));
        match gruppen.iter_mut().find(|(q, _)| *q == pos) {
            Some((_, namen)) => namen.push(p.name),
            None => gruppen.push((pos, vec![p.name])),
        }
    }
    gruppen.sort_by_key(|(pos, namen)| (pos.1, -pos.0, namen.first().copied()));
    let ((x0, y0), (x1, y1)) = {
        let (xs, ys) = chart.plotting_area().get_pixel_range();
        ((xs.start, ys.start), (xs.end, ys.end))
    };
    let mut belegt: Vec<Kasten> = gruppen
        .iter()
        .map(|((x, y), _)| (x - R, y - R, x + R, y + R))
        .collect();
    let stil = schrift(GROESSE);
    let flaeche = chart.plotting_area().strip_coord_spec();
    let groessen: Vec<(i32, i32)> = gruppen
        .iter()
        .map(|(_, namen)| {
            let (b, h) = mass.groesse(&namen.join(", "), f64::from(GROESSE));
            (b as i32, h as i32)
        })
        .collect();
    // The free places of group `gi`, nearest first, each with whether it is
    // far from the dot (then it gets a leader line). With `alle`, a place
    // that would cross the plotting area's edge is moved inside it (a dot on
    // an axis is named beside it, not left out).
    let mut linien: Vec<Strecke> = Vec::new();
    // `streng`: a leader line may cross no other line, label or dot, and no
    // label may lie on an earlier leader line (relaxed only where no place
    // is left otherwise).
    let freie =
        |gi: usize, belegt: &[Kasten], linien: &[Strecke], streng: bool| -> Vec<(Kasten, bool)> {
            let ((x, y), _) = gruppen[gi];
            let (b, h) = groessen[gi];
            orte(x, y, b, h, R, alle)
                .into_iter()
                .map(|(l, o, _)| {
                    let (l, o) = if alle {
                        (l.clamp(x0, (x1 - b).max(x0)), o.clamp(y0, (y1 - h).max(y0)))
                    } else {
                        (l, o)
                    };
                    let k = (l, o, l + b, o + h);
                    let (nx, ny) = naechster_punkt(&k, (x, y));
                    (
                        k,
                        f64::from(nx - x).hypot(f64::from(ny - y)) > f64::from(R + 8),
                    )
                })
                .filter(|(k, fern)| {
                    let weit = (k.0 - abstand, k.1 - abstand, k.2 + abstand, k.3 + abstand);
                    let (a, b) = hinweislinie((x, y), R, k);
                    k.0 >= x0
                        && k.2 <= x1
                        && k.1 >= y0
                        && k.3 <= y1
                        && !belegt.iter().any(|f| ueberschneiden(&weit, f))
                        && !(streng
                            && *fern
                            && (belegt
                                .iter()
                                .enumerate()
                                .any(|(i, f)| i != gi && durch_kasten(a, b, f))
                                || linien.iter().any(|(c, d)| kreuzen(a, b, *c, *d))))
                        && !(streng && linien.iter().any(|(c, d)| durch_kasten(*c, *d, &weit)))
                })
                .collect()
        };
    let mut offen: Vec<usize> = (0..gruppen.len()).collect();
    while !offen.is_empty() {
        // With `alle` the group with the fewest free places beside its dot
        // goes first (a crowded corner is named before its neighbours take
        // the room); otherwise from the top.
        let wahl = if alle {
            (0..offen.len())
                .min_by_key(|&i| {
                    freie(offen[i], &belegt, &linien, true)
                        .iter()
                        .filter(|(_, fern)| !fern)
                        .count()
                })
                .unwrap_or(0)
        } else {
            0
        };
        let gi = offen.remove(wahl);
        let ((x, y), namen) = &gruppen[gi];
        let text = namen.join(", ");
        let frei = freie(gi, &belegt, &linien, true)
            .into_iter()
            .next()
            .or_else(|| freie(gi, &belegt, &linien, false).into_iter().next());
        let Some((k, linie)) = frei else {
            if alle {
                return Err(DrawingAreaErrorKind::LayoutError);
            }
            continue;
        };
        if linie {
            let (rand, ziel) = hinweislinie((*x, *y), R, &k);
            linien.push((rand, ziel));
            flaeche.draw(&PathElement::new(
                vec![(rand.0 - x0, rand.1 - y0), (ziel.0 - x0, ziel.1 - y0)],
                RGBColor(0x70, 0x70, 0x70).stroke_width(2),
            ))?;
        }
        flaeche.draw(&Text::new(
            text,
            (k.0 - x0, k.1 - y0),
            stil.clone().pos(Pos::new(HPos::Left, VPos::Top)),
        ))?;
        belegt.push(k);
    }
    Ok(())
}
