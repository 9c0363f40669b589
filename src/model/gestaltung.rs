//! `report/layout/<name>/gestaltung.yaml`: what a layout decides outside
//! Typst, for the map, the charts and the PDF file. A layout without the
//! file keeps the design of the first edition (version 1.0 of 2025), so
//! that a released version is rebuilt as released.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Datei `gestaltung.yaml` eines Layouts: Farben und Beschriftung der
/// Abbildungen, Ausgabe des PDFs. Fehlt sie, gilt die Gestaltung der
/// Ausgabe 2025, Version 1.0.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Gestaltung {
    /// Farben der Status-Balken (Abbildung „Projekte je Landkreis nach
    /// Status“) in der Reihenfolge abgeschlossen, in Umsetzung, geplant, als
    /// „#rrggbb“. Mit `trennlinien: true` braucht jede Farbe einen Kontrast
    /// von mindestens 3:1 zu Weiß, sonst zu ihren Nachbarn und zu Weiß.
    pub status_farben: [Farbe; 3],
    /// Weiße Trennlinien zwischen den Abschnitten eines Balkens: jeder
    /// Abschnitt grenzt dann an Weiß, nicht an die Nachbarfarbe.
    #[serde(default)]
    pub trennlinien: bool,
    /// Schriftfarbe der Zahlen auf der Karte: `kontrast` wählt je Fläche
    /// Schwarz oder Weiß, was den höheren Kontrast hat (mindestens 4,5:1);
    /// `hell-ab-7` schreibt weiß auf die Klassen ab 7 Projekten (Ausgabe
    /// 2025, Version 1.0).
    #[serde(default)]
    pub karten_zahlen: KartenZahlen,
    /// Das Streudiagramm (VZÄ und Projekte) nennt die Landkreise an ihren
    /// Punkten, soweit die Namen ohne Überschneidung Platz finden.
    #[serde(default)]
    pub streudiagramm_namen: bool,
    /// Fremdsprachige Stellen werden ausgezeichnet: `{{#sprache "en"}}…{{/sprache}}`
    /// in Kapiteln, `<en>…</en>` in Daten. Ohne das werden sie unverändert
    /// gedruckt und die Markierungen in den Daten weggelassen (Version 1.0).
    #[serde(default)]
    pub sprachen_auszeichnen: bool,
    /// Das PDF packt seine Strukturobjekte in komprimierte Objekt-Streams
    /// (PDF 1.5): etwa 60 % kleiner, Inhalt und Barrierefreiheit gleich.
    #[serde(default)]
    pub objektstroeme: bool,
    /// Mit `objektstroeme`: die Objekt-Streams werden beim Schreiben gebildet,
    /// ohne das ganze PDF noch einmal einzulesen (schneller; andere Bytes als
    /// Version 1.1, Inhalt und Barrierefreiheit gleich).
    #[serde(default)]
    pub objektstroeme_in_einem_durchgang: bool,
    /// Die Version des Vertrags zwischen kataster-report und dem Layout, die
    /// das Layout liest (die erzeugten Dateien unter `/generiert/`, Schema:
    /// `report/vertrag-1.schema.json`). Ohne Angabe 1: der Vertrag der
    /// Layouts `2025` und `2025-barrierefrei`.
    #[serde(default = "erster_vertrag")]
    pub vertrag: u32,
    /// Ein Wort von 40 und mehr Zeichen in den Daten (Projektname, Angabe eines
    /// Steckbriefs, Tabelle 1, Glossar, Quellen) darf am Zeilenende umbrechen,
    /// statt über den Rand zu laufen (nach je 10 Zeichen eine unsichtbare
    /// Umbruchstelle). Ohne das: wie Version 1.0 und 1.1.
    #[serde(default)]
    pub lange_woerter_umbrechen: bool,
    /// Die Balkendiagramme der Anteile (Technologien, Betriebsmodelle) zeigen
    /// die Balken nach Größe (der größte oben, „Sonstiges“ zuletzt), die
    /// Achse nur bis zum nächsten Zehner über dem größten Wert, und jede
    /// Wertangabe steht auf weißem Grund über den Gitterlinien. Ohne das: wie
    /// Version 1.0 und 1.1 (Reihenfolge der Definition, Achse bis 100 %).
    #[serde(default)]
    pub balken_lesbar: bool,
    /// Der PDF-Betrachter öffnet den Bericht mit den Lesezeichen (dem
    /// Inhaltsverzeichnis am Rand). Ohne das: wie Version 1.0 und 1.1.
    #[serde(default)]
    pub lesezeichen_zeigen: bool,
    /// Mit `streudiagramm_namen`: jeder Punkt des Streudiagramms trägt seinen
    /// Namen. Wo neben dem Punkt kein Platz ist, steht der Name weiter weg,
    /// mit einer Hinweislinie zum Punkt; Namen halten Abstand zueinander und
    /// zu fremden Punkten. Ohne das: Namen nur, wo sie direkt neben dem Punkt
    /// Platz finden (Version 1.1).
    #[serde(default)]
    pub streudiagramm_alle_namen: bool,
    /// Auf der Karte sind die Gebiete ohne Teilnahme weiß und schraffiert
    /// (in der Legende ebenso), statt hellgrau: so unterscheiden sie sich
    /// von der hellsten Klasse („0“) nicht nur durch einen kaum sichtbaren
    /// Farbton. Ohne das: wie Version 1.0 und 1.1.
    #[serde(default)]
    pub keine_teilnahme_schraffiert: bool,
    /// Das Layout setzt auf die Rückseite des Titels ein Impressum aus
    /// edition.yaml (`impressum`, `lizenz`); `check` nennt, was dafür fehlt.
    #[serde(default)]
    pub impressum: bool,
}

fn erster_vertrag() -> u32 {
    1
}

/// How the numbers on the map get their colour.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum KartenZahlen {
    /// Schwarz oder Weiß, was auf der Fläche den höheren Kontrast hat.
    Kontrast,
    /// Weiß auf den Klassen ab 7 Projekten, sonst schwarz (Version 1.0).
    #[default]
    #[serde(rename = "hell-ab-7")]
    HellAb7,
}

/// Eine Farbe als „#rrggbb“.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct Farbe(#[schemars(regex(pattern = r"^#[0-9a-fA-F]{6}$"))] pub String);

impl Farbe {
    /// Red, green and blue; the schema has checked the form.
    pub fn rgb(&self) -> (u8, u8, u8) {
        let kanal = |i: usize| {
            self.0
                .get(i..i + 2)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
                .unwrap_or(0)
        };
        (kanal(1), kanal(3), kanal(5))
    }
}

impl Default for Gestaltung {
    /// The design of the 2025 edition, version 1.0.
    fn default() -> Self {
        Gestaltung {
            status_farben: [
                Farbe("#08519c".into()),
                Farbe("#4292c6".into()),
                Farbe("#c6dbef".into()),
            ],
            trennlinien: false,
            karten_zahlen: KartenZahlen::HellAb7,
            streudiagramm_namen: false,
            sprachen_auszeichnen: false,
            objektstroeme: false,
            objektstroeme_in_einem_durchgang: false,
            vertrag: erster_vertrag(),
            lange_woerter_umbrechen: false,
            balken_lesbar: false,
            lesezeichen_zeigen: false,
            streudiagramm_alle_namen: false,
            keine_teilnahme_schraffiert: false,
            impressum: false,
        }
    }
}

/// WCAG 2.1 relative luminance of an sRGB colour.
pub fn leuchtdichte((r, g, b): (u8, u8, u8)) -> f64 {
    let kanal = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * kanal(r) + 0.7152 * kanal(g) + 0.0722 * kanal(b)
}

/// WCAG 2.1 contrast ratio of two colours (1 to 21).
pub fn kontrast(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    let (la, lb) = (leuchtdichte(a), leuchtdichte(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

pub const WEISS: (u8, u8, u8) = (255, 255, 255);
pub const SCHWARZ: (u8, u8, u8) = (0, 0, 0);

/// Non-text contrast (WCAG 1.4.11) a chart segment needs against what it
/// borders.
pub const GRAFIK_KONTRAST: f64 = 3.0;

impl Gestaltung {
    /// The status colours that miss 3:1 against what they border, with
    /// the neighbour and the ratio (empty: all pass).
    pub fn kontrastmaengel(&self) -> Vec<(usize, &'static str, f64)> {
        let namen = ["abgeschlossen", "in Umsetzung", "geplant"];
        let f: Vec<_> = self.status_farben.iter().map(Farbe::rgb).collect();
        let mut maengel = Vec::new();
        for i in 0..3 {
            let mut nachbarn = vec![("Weiß", WEISS)];
            if !self.trennlinien {
                nachbarn.extend(
                    (0..3usize)
                        .filter(|j: &usize| j.abs_diff(i) == 1)
                        .map(|j| (namen[j], f[j])),
                );
            }
            for (name, farbe) in nachbarn {
                let k = kontrast(f[i], farbe);
                if k < GRAFIK_KONTRAST {
                    maengel.push((i, name, k));
                }
            }
        }
        maengel
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kontrast_wie_wcag() {
        assert!((kontrast(SCHWARZ, WEISS) - 21.0).abs() < 1e-9);
        // The white numbers on the 7–10 class of version 1.0 (#3182bd).
        let k = kontrast(WEISS, (0x31, 0x82, 0xbd));
        assert!((k - 4.15).abs() < 0.01, "{k}");
        // The light "geplant" bars of version 1.0 against white.
        let k = kontrast(WEISS, (0xc6, 0xdb, 0xef));
        assert!((k - 1.42).abs() < 0.01, "{k}");
    }

    #[test]
    fn gestaltung_1_0_verfehlt_den_kontrast() {
        let m = Gestaltung::default().kontrastmaengel();
        assert!(m.iter().any(|(i, n, _)| *i == 2 && *n == "Weiß"), "{m:?}");
    }

    #[test]
    fn die_geschriebene_gestaltung_liest_sich_zurueck() {
        // `new-layout` writes the 1.0 design out; the README's values read.
        let text = serde_saphyr::to_string(&Gestaltung::default()).unwrap();
        assert!(text.contains("karten_zahlen: hell-ab-7"), "{text}");
        let g: Gestaltung = serde_saphyr::from_str(&text).unwrap();
        assert_eq!(g, Gestaltung::default());
        assert_eq!(g.vertrag, 1);
    }
}
