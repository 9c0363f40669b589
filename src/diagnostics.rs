//! Diagnostics for editors: every problem names the file, the line and column,
//! the field and what to do, in German, rendered with the source line.

use std::fmt::Write as _;
use std::ops::Range;
use std::path::{Path, PathBuf};

use annotate_snippets::renderer::DecorStyle;
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

/// How bad a problem is: an error stops the run, a warning is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Schwere {
    #[default]
    Fehler,
    Warnung,
}

impl Schwere {
    /// The word the editor reads.
    pub fn wort(self) -> &'static str {
        match self {
            Schwere::Fehler => "Fehler",
            Schwere::Warnung => "Warnung",
        }
    }
}

/// One problem found in the project's files.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Diagnose {
    pub schwere: Schwere,
    /// Path relative to the project root, as the editor knows it.
    pub datei: PathBuf,
    /// 1-based line and column; 0 when the problem concerns the whole file.
    pub zeile: usize,
    pub spalte: usize,
    /// The field, as a path like `steckbriefe[2].ziele[1]`; empty for a file.
    pub feld: String,
    pub meldung: String,
    /// What to do about it, e.g. "meinten Sie „Geplant“?"; in order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub hilfen: Vec<String>,
    /// Other places that belong to the problem (e.g. the function call a
    /// Typst error occurred in).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub nebenorte: Vec<Nebenort>,
    /// Byte range in the file, for the underline.
    pub bytes: Range<usize>,
}

/// A secondary place of a problem: where, and what happens there.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Nebenort {
    pub datei: PathBuf,
    /// 1-based line and column; 0 when unknown.
    pub zeile: usize,
    pub spalte: usize,
    pub text: String,
}

impl Nebenort {
    /// `datei:zeile:spalte: text`.
    fn kurz(&self) -> String {
        format!(
            "{}: {}",
            ort(&self.datei, self.zeile, self.spalte),
            self.text
        )
    }
}

/// `datei:zeile:spalte` (only `datei` without a line), the form editors and
/// terminals turn into links.
fn ort(datei: &Path, zeile: usize, spalte: usize) -> String {
    if zeile == 0 {
        datei.display().to_string()
    } else {
        format!("{}:{zeile}:{spalte}", datei.display())
    }
}

/// A failure that is not at a place in a file (a folder cannot be written,
/// a value on the command line is wrong): what went wrong and what to do.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Meldung {
    /// What went wrong, a German sentence (its own punctuation).
    pub text: String,
    /// What to do about it, in order.
    pub hilfen: Vec<String>,
}

impl Meldung {
    pub fn neu(text: impl Into<String>) -> Self {
        Meldung {
            text: text.into(),
            hilfen: Vec::new(),
        }
    }

    pub fn hilfe(mut self, hilfe: impl Into<String>) -> Self {
        self.hilfen.push(hilfe.into());
        self
    }

    /// The same failure with context in front, e.g. "nicht übernommen: ".
    pub fn vorne(mut self, kontext: &str) -> Self {
        self.text.insert_str(0, kontext);
        self
    }

    /// The failure as a problem of `datei` (the hints kept).
    pub fn in_datei(self, datei: impl Into<PathBuf>) -> Diagnose {
        Diagnose {
            hilfen: self.hilfen,
            ..Diagnose::neu(datei, self.text)
        }
    }

    /// `Fehler: …` and one `Hilfe: …` line per hint.
    pub fn darstellen(&self) -> String {
        let mut s = format!("Fehler: {}\n", self.text);
        for h in &self.hilfen {
            let _ = writeln!(s, "Hilfe: {h}");
        }
        s
    }
}

impl std::fmt::Display for Meldung {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)?;
        for h in &self.hilfen {
            write!(f, " – {h}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Meldung {}

impl From<String> for Meldung {
    fn from(text: String) -> Self {
        Meldung::neu(text)
    }
}

impl From<&str> for Meldung {
    fn from(text: &str) -> Self {
        Meldung::neu(text)
    }
}

impl Diagnose {
    pub fn neu(datei: impl Into<PathBuf>, meldung: impl Into<String>) -> Self {
        Diagnose {
            schwere: Schwere::Fehler,
            datei: datei.into(),
            zeile: 0,
            spalte: 0,
            feld: String::new(),
            meldung: meldung.into(),
            hilfen: Vec::new(),
            nebenorte: Vec::new(),
            bytes: 0..0,
        }
    }

    pub fn an(mut self, zeile: usize, spalte: usize, bytes: Range<usize>) -> Self {
        self.zeile = zeile;
        self.spalte = spalte;
        self.bytes = bytes;
        self
    }

    /// The same problem as a warning.
    pub fn als_warnung(mut self) -> Self {
        self.schwere = Schwere::Warnung;
        self
    }

    pub fn feld(mut self, feld: impl Into<String>) -> Self {
        self.feld = feld.into();
        self
    }

    /// One more hint (after those already given).
    pub fn hilfe(mut self, hilfe: impl Into<String>) -> Self {
        self.hilfen.push(hilfe.into());
        self
    }

    /// One more place that belongs to the problem.
    pub fn nebenort(mut self, ort: Nebenort) -> Self {
        self.nebenorte.push(ort);
        self
    }

    /// The first hint, if any.
    pub fn erste_hilfe(&self) -> Option<&str> {
        self.hilfen.first().map(String::as_str)
    }

    /// `datei:zeile:spalte`, the form editors and terminals turn into links.
    pub fn ort(&self) -> String {
        ort(&self.datei, self.zeile, self.spalte)
    }

    /// One line, for logs and tests: `datei:zeile:spalte: Feld „x“: Meldung (Hilfe)`;
    /// a warning says so.
    pub fn kurz(&self) -> String {
        let mut s = self.ort();
        s.push_str(": ");
        if self.schwere == Schwere::Warnung {
            s.push_str("Warnung: ");
        }
        if !self.feld.is_empty() {
            let _ = write!(s, "Feld „{}“: ", self.feld);
        }
        s.push_str(&self.meldung);
        for h in &self.hilfen {
            let _ = write!(s, " – {h}");
        }
        for n in &self.nebenorte {
            let _ = write!(s, " ({})", n.kurz());
        }
        s
    }

    /// Rendered with the source line and an underline, as a compiler would.
    pub fn darstellen(&self, quelltext: Option<&str>, farbe: bool) -> String {
        let titel = if self.feld.is_empty() {
            self.meldung.clone()
        } else {
            format!("Feld „{}“: {}", self.feld, self.meldung)
        };
        let pfad = self.datei.display().to_string();
        let stufe = match self.schwere {
            Schwere::Fehler => Level::ERROR,
            Schwere::Warnung => Level::WARNING,
        };
        let titel_el = stufe
            .with_name(Some(self.schwere.wort()))
            .primary_title(titel.as_str());
        let ort = self.ort();
        let gruppe = match quelltext {
            Some(text) if self.zeile > 0 && self.bytes.end <= text.len() => {
                let mut bereich = self.bytes.clone();
                if bereich.is_empty() {
                    bereich = zeilen_bereich(text, self.zeile);
                }
                titel_el.element(
                    Snippet::source(text)
                        .path(pfad.as_str())
                        .annotation(AnnotationKind::Primary.span(bereich)),
                )
            }
            _ => titel_el.element(Level::NOTE.with_name(Some("Datei")).message(ort.as_str())),
        };
        let nebenorte: Vec<String> = self.nebenorte.iter().map(Nebenort::kurz).collect();
        let gruppe = nebenorte.iter().fold(gruppe, |g, n| {
            g.element(Level::NOTE.with_name(Some("Stelle")).message(n.as_str()))
        });
        let mut bericht = vec![gruppe];
        for h in &self.hilfen {
            bericht.push(Group::with_title(
                Level::HELP
                    .with_name(Some("Hilfe"))
                    .secondary_title(h.as_str()),
            ));
        }
        let renderer = if farbe {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        renderer
            .decor_style(DecorStyle::Unicode)
            .render(&bericht)
            .to_string()
    }
}

/// The byte range of a 1-based line (without its line break).
fn zeilen_bereich(text: &str, zeile: usize) -> Range<usize> {
    let mut start = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == zeile {
            let ende = start + l.trim_end_matches(['\n', '\r']).len();
            return start..ende.max(start);
        }
        start += l.len();
    }
    0..0
}

/// The byte offset of a 1-based line and (character) column; the end of the
/// text when the position lies beyond it.
pub fn offset_von(text: &str, zeile: usize, spalte: usize) -> usize {
    let mut start = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == zeile {
            return l
                .char_indices()
                .nth(spalte.saturating_sub(1))
                .map_or(start + l.trim_end_matches('\n').len(), |(b, _)| start + b);
        }
        start += l.len();
    }
    text.len()
}

/// 1-based line and column of a byte offset.
pub fn zeile_spalte(text: &str, offset: usize) -> (usize, usize) {
    let vorher = &text[..offset.min(text.len())];
    let zeile = vorher.matches('\n').count() + 1;
    let spalte = vorher.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (zeile, spalte)
}

/// A tool's English message in German where `bekannt` knows it (matched by
/// a part of the message); a message we do not know is quoted as the tool's.
pub fn auf_deutsch(englisch: &str, bekannt: &[(&str, &str)], woher: &str) -> String {
    match bekannt.iter().find(|(en, _)| englisch.contains(en)) {
        Some((_, de)) => (*de).to_owned(),
        None => format!("{woher} meldet: {englisch}"),
    }
}

/// The closest known value, for "meinten Sie …?" (none when nothing is close).
pub fn vorschlag<'a>(eingabe: &str, bekannt: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let klein = eingabe.to_lowercase();
    bekannt
        .into_iter()
        .map(|k| {
            (
                strsim::normalized_damerau_levenshtein(&klein, &k.to_lowercase()),
                k,
            )
        })
        .filter(|(s, _)| *s >= 0.6)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}

/// Renders all problems of a run, one after the other, with a closing count.
pub fn alle_darstellen(
    diagnosen: &[Diagnose],
    quelle: impl Fn(&Path) -> Option<String>,
    farbe: bool,
) -> String {
    let mut out = String::new();
    for d in diagnosen {
        let text = quelle(&d.datei);
        out.push_str(&d.darstellen(text.as_deref(), farbe));
        out.push_str("\n\n");
    }
    let fehler = diagnosen
        .iter()
        .filter(|d| d.schwere == Schwere::Fehler)
        .count();
    let warnungen = diagnosen.len() - fehler;
    match (fehler, warnungen) {
        (_, 0) => {
            let _ = writeln!(out, "{fehler} Fehler gefunden.");
        }
        (0, w) => {
            let _ = writeln!(out, "{w} Warnung(en).");
        }
        (f, w) => {
            let _ = writeln!(out, "{f} Fehler und {w} Warnung(en) gefunden.");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vorschlag_findet_tippfehler() {
        let bekannt = ["Geplant", "In Umsetzung", "Abgeschlossen"];
        assert_eq!(vorschlag("Geplannt", bekannt), Some("Geplant"));
        assert_eq!(vorschlag("in umsetzung", bekannt), Some("In Umsetzung"));
        assert_eq!(vorschlag("Blumenkohl", bekannt), None);
    }

    #[test]
    fn zeile_und_spalte_zaehlen_zeichen() {
        let t = "a: 1\nüb: 2\n";
        assert_eq!(zeile_spalte(t, 0), (1, 1));
        assert_eq!(zeile_spalte(t, t.find("2").unwrap()), (2, 5));
    }

    #[test]
    fn darstellung_nennt_datei_zeile_und_hilfe() {
        let text = "projektstatus: Geplannt\n";
        let d = Diagnose::neu("data/x.yaml", "unbekannter Wert „Geplannt“")
            .an(1, 16, 15..23)
            .feld("projektstatus")
            .hilfe("meinten Sie „Geplant“?");
        let s = d.darstellen(Some(text), false);
        assert!(s.contains("Fehler"), "{s}");
        assert!(s.contains("data/x.yaml:1:16"), "{s}");
        assert!(s.contains("meinten Sie „Geplant“?"), "{s}");
    }
}
