//! Text measurement for the charts with the report's own font from `fonts/`.
//!
//! plotters lays out axis labels by asking its backend how wide a text is.
//! Its font registry wants a font that lives for the whole process; instead,
//! [`Svg`] wraps plotters' SVG backend and answers that question itself from
//! a font the session owns (the same arithmetic as plotters' `ab_glyph`
//! backend, so the charts keep their geometry).

use ab_glyph::{Font as _, FontVec, ScaleFont as _};
use plotters::backend::{DrawingBackend, SVGBackend};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};
use typst::text::{FontBook, FontVariant};

use super::{SCHRIFT, ZeichenFehler};
use crate::compile::world::Schriften;

/// The font the charts are measured with.
pub struct Schriftmass {
    schrift: FontVec,
}

impl Schriftmass {
    /// The regular face of the charts' font family ([`SCHRIFT`]) among the
    /// project's fonts.
    pub fn aus(schriften: &Schriften) -> Result<Schriftmass, ZeichenFehler> {
        let fehlt = || {
            ZeichenFehler::Schrift(format!(
                "im Ordner fonts/ liegt keine Schrift der Familie „{SCHRIFT}“ (normaler Schnitt)"
            ))
        };
        let index = waehle(&schriften.buch, SCHRIFT).ok_or_else(fehlt)?;
        let font = schriften.schriften.get(index).ok_or_else(fehlt)?;
        let schrift =
            FontVec::try_from_vec_and_index(font.data().to_vec(), font.index()).map_err(|_| {
                ZeichenFehler::Schrift(format!("die Schrift „{SCHRIFT}“ ist nicht lesbar"))
            })?;
        Ok(Schriftmass { schrift })
    }

    /// Width and height of `text` at `groesse` (plotters' font size).
    pub fn groesse(&self, text: &str, groesse: f64) -> (u32, u32) {
        let pixel_je_em = groesse / 1.24;
        let skaliert = self.schrift.as_scaled(groesse as f32);
        let mut breite = 0f32;
        let mut vorher = None;
        for c in text.chars() {
            let glyphe = skaliert.glyph_id(c);
            breite += skaliert.h_advance(glyphe);
            if let Some(v) = vorher {
                breite += skaliert.kern(v, glyphe);
            }
            vorher = Some(glyphe);
        }
        (breite as i32 as u32, pixel_je_em as i32 as u32)
    }
}

/// The regular face of a family in the font book.
fn waehle(buch: &FontBook, familie: &str) -> Option<usize> {
    buch.select(&familie.to_lowercase(), FontVariant::default())
}

/// plotters' SVG backend, measuring text with a [`Schriftmass`].
pub struct Svg<'a> {
    innen: SVGBackend<'a>,
    mass: &'a Schriftmass,
}

impl<'a> Svg<'a> {
    /// An SVG of `groesse` pixels drawn into `ziel`.
    pub fn neu(ziel: &'a mut String, groesse: (u32, u32), mass: &'a Schriftmass) -> Svg<'a> {
        Svg {
            innen: SVGBackend::with_string(ziel, groesse),
            mass,
        }
    }
}

type Ergebnis = Result<(), DrawingErrorKind<std::io::Error>>;

impl DrawingBackend for Svg<'_> {
    type ErrorType = std::io::Error;

    fn get_size(&self) -> (u32, u32) {
        self.innen.get_size()
    }
    fn ensure_prepared(&mut self) -> Ergebnis {
        self.innen.ensure_prepared()
    }
    fn present(&mut self) -> Ergebnis {
        self.innen.present()
    }
    fn draw_pixel(&mut self, punkt: BackendCoord, farbe: BackendColor) -> Ergebnis {
        self.innen.draw_pixel(punkt, farbe)
    }
    fn draw_line<S: BackendStyle>(&mut self, a: BackendCoord, b: BackendCoord, s: &S) -> Ergebnis {
        self.innen.draw_line(a, b, s)
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        a: BackendCoord,
        b: BackendCoord,
        s: &S,
        fuellen: bool,
    ) -> Ergebnis {
        self.innen.draw_rect(a, b, s, fuellen)
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        pfad: I,
        s: &S,
    ) -> Ergebnis {
        self.innen.draw_path(pfad, s)
    }
    fn draw_circle<S: BackendStyle>(
        &mut self,
        mitte: BackendCoord,
        radius: u32,
        s: &S,
        fuellen: bool,
    ) -> Ergebnis {
        self.innen.draw_circle(mitte, radius, s, fuellen)
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        ecken: I,
        s: &S,
    ) -> Ergebnis {
        self.innen.fill_polygon(ecken, s)
    }
    fn draw_text<T: BackendTextStyle>(&mut self, text: &str, s: &T, pos: BackendCoord) -> Ergebnis {
        self.innen.draw_text(text, s, pos)
    }
    fn estimate_text_size<T: BackendTextStyle>(
        &self,
        text: &str,
        s: &T,
    ) -> Result<(u32, u32), DrawingErrorKind<std::io::Error>> {
        Ok(self.mass.groesse(text, s.size()))
    }
    fn blit_bitmap(&mut self, pos: BackendCoord, groesse: (u32, u32), quelle: &[u8]) -> Ergebnis {
        self.innen.blit_bitmap(pos, groesse, quelle)
    }
}
