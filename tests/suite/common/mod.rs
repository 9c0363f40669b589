//! Helpers for the integration tests: the project, throw-away copies of it,
//! building and reading the PDF's text.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use kataster_report::projekt::Zielordner;
use kataster_report::sitzung::stufen;
use kataster_report::sitzung::{Gebaut, Sitzung, Ziel};

/// The repository root.
pub fn projekt() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Copies a folder with everything in it.
pub fn kopiere_ordner(von: &Path, nach: &Path) {
    kopiere(von, nach)
}

fn kopiere(von: &Path, nach: &Path) {
    std::fs::create_dir_all(nach).unwrap();
    for e in std::fs::read_dir(von).unwrap().flatten() {
        let p = e.path();
        let z = nach.join(e.file_name());
        if p.is_dir() {
            kopiere(&p, &z);
        } else {
            std::fs::copy(&p, &z).unwrap();
        }
    }
}

/// A copy of the project (data, report, fonts) in a temporary folder, for
/// tests that change files.
pub struct Kopie {
    pub dir: tempfile::TempDir,
}

impl Kopie {
    pub fn neu() -> Kopie {
        let dir = tempfile::tempdir().unwrap();
        for ordner in ["data", "report", "fonts"] {
            kopiere(&projekt().join(ordner), &dir.path().join(ordner));
        }
        Kopie { dir }
    }

    /// A project with the small test edition `klein` (tests/fixtures/klein):
    /// three Landkreise, five fact sheets, a chapter with a claim; with the
    /// 2025 layout (as layout `klein`), fonts, geodata, vocabulary, figure
    /// definitions, schemas and the website's files.
    pub fn klein() -> Kopie {
        let dir = tempfile::tempdir().unwrap();
        let p = projekt();
        let z = dir.path();
        kopiere(
            &p.join("report/layout/2025"),
            &z.join("report/layout/klein"),
        );
        for ordner in ["fonts", "data/geo", "data/schema", "report/website"] {
            kopiere(&p.join(ordner), &z.join(ordner));
        }
        let vorlage = p.join("tests/fixtures/klein");
        kopiere(&vorlage.join("data"), &z.join("data/klein"));
        kopiere(&p.join("data/2025/schema"), &z.join("data/klein/schema"));
        for datei in ["vokabular.yaml", "kennzahlen.yaml"] {
            std::fs::copy(
                p.join("data/2025").join(datei),
                z.join("data/klein").join(datei),
            )
            .unwrap();
        }
        kopiere(&vorlage.join("kapitel"), &z.join("report/kapitel/klein"));
        Kopie { dir }
    }

    /// The project's layout 2026 and the released layout it builds on,
    /// copied into this copy (the small edition has only its own).
    pub fn mit_layout_2026(&self) {
        for l in ["2025-barrierefrei", "2026"] {
            let pfad = format!("report/layout/{l}");
            kopiere_ordner(&projekt().join(&pfad), &self.datei(&pfad));
        }
    }

    pub fn pfad(&self) -> &Path {
        self.dir.path()
    }

    pub fn datei(&self, relativ: &str) -> PathBuf {
        self.pfad().join(relativ)
    }

    pub fn lesen(&self, relativ: &str) -> String {
        std::fs::read_to_string(self.datei(relativ)).unwrap()
    }

    pub fn schreiben(&self, relativ: &str, text: &str) {
        let p = self.datei(relativ);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    /// The 1-based number of the last line of a file that contains `teil`.
    pub fn zeile(&self, relativ: &str, teil: &str) -> usize {
        let text = self.lesen(relativ);
        let zeilen: Vec<&str> = text.lines().collect();
        zeilen
            .iter()
            .rposition(|l| l.contains(teil))
            .map(|i| i + 1)
            .unwrap_or_else(|| panic!("{teil:?} steht nicht in {relativ}"))
    }

    /// Replaces the first occurrence of `alt` in a file; panics if absent,
    /// so that a test never silently checks nothing.
    pub fn ersetzen(&self, relativ: &str, alt: &str, neu: &str) {
        let text = self.lesen(relativ);
        assert!(text.contains(alt), "{relativ} enthält {alt:?} nicht");
        self.schreiben(relativ, &text.replacen(alt, neu, 1));
    }
}

/// Builds the 2025 edition of the project at `wurzel` into the folder `ziel`.
pub fn bauen(wurzel: &Path, ziel: &Path) -> Result<Gebaut, stufen::BauFehler> {
    bauen_von(wurzel, "2025", ziel)
}

/// Builds edition `id` of the project at `wurzel` into the folder `ziel`.
pub fn bauen_von(wurzel: &Path, id: &str, ziel: &Path) -> Result<Gebaut, stufen::BauFehler> {
    let mut s = Sitzung::oeffnen(wurzel, Some(id)).expect("Ausgabe");
    s.bauen(&Ziel::neu(Zielordner::fuer_ausgabe(wurzel, ziel).unwrap()))
}

/// Builds the 2025 edition and returns the PDF bytes; panics with the
/// diagnostics on failure.
pub fn pdf_bytes(wurzel: &Path) -> Vec<u8> {
    if wurzel == projekt() {
        // The project's own 2025 edition never changes during the tests:
        // build it once for all of them.
        static PDF: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
        return PDF.get_or_init(|| pdf_bytes_von(wurzel, "2025")).clone();
    }
    pdf_bytes_von(wurzel, "2025")
}

/// Builds edition `id` and returns the PDF bytes; panics with the
/// diagnostics on failure.
pub fn pdf_bytes_von(wurzel: &Path, id: &str) -> Vec<u8> {
    let out = tempfile::tempdir().unwrap();
    match bauen_von(wurzel, id, out.path()) {
        Ok(g) => std::fs::read(g.pdf).unwrap(),
        Err(stufen::BauFehler::Diagnosen(d)) => {
            panic!(
                "Bau fehlgeschlagen: {:#?}",
                d.iter().map(|x| x.kurz()).collect::<Vec<_>>()
            )
        }
        Err(e) => panic!("Bau fehlgeschlagen: {e:?}"),
    }
}

/// The PDF's text with all white space folded to single spaces and words
/// hyphenated at a line end joined again (the extractor writes the inserted
/// hyphen as " -" before the line break; a real hyphen has no space).
pub fn pdf_text(bytes: &[u8]) -> String {
    let text = pdf_extract::extract_text_from_mem(bytes).unwrap();
    falten(&silben_verbinden(&text))
}

/// Joins words hyphenated at a line end. Typst maps the hyphen glyph to
/// the character it first stood for: "-", or the soft hyphen U+00AD when
/// the first hyphen of the document was inserted at a line break; then a
/// real hyphen carries "-" as its ActualText, which the extractor ignores
/// (it writes " \u{ad} "), while screen readers and pdftotext use it.
fn silben_verbinden(text: &str) -> String {
    text.replace(" -\n", "")
        .replace(" \u{ad}\n", "")
        .replace(" \u{ad} ", "-")
}

pub fn falten(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c == '\u{202f}' || c == '\u{a0}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Runs the CLI in `wurzel` with the given arguments.
pub fn cli(wurzel: &Path, args: &[&str]) -> Output {
    cli_mit(wurzel, args, &[])
}

/// The command with environment variables set.
pub fn cli_mit(wurzel: &Path, args: &[&str], umgebung: &[(&str, &str)]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kataster-report"))
        .arg("--projekt")
        .arg(wurzel)
        .args(args)
        .env("NO_COLOR", "1")
        .envs(umgebung.iter().copied())
        .output()
        .unwrap()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The text a reader sees, page by page, each folded like [`pdf_text`]:
/// characters placed outside the page are left out. (pdf-extract, and so
/// [`pdf_text`], also returns text that runs past the bottom edge of a page,
/// which no reader sees.)
pub fn pdf_seiten(bytes: &[u8]) -> Vec<String> {
    use pdf_extract::{MediaBox, OutputDev, OutputError, PlainTextOutput, Transform};

    /// Passes on only the characters whose origin lies on the page.
    struct AufDerSeite<'a> {
        text: PlainTextOutput<&'a mut String>,
        seite: Option<MediaBox>,
    }
    impl OutputDev for AufDerSeite<'_> {
        fn begin_page(
            &mut self,
            nr: u32,
            seite: &MediaBox,
            art: Option<(f64, f64, f64, f64)>,
        ) -> Result<(), OutputError> {
            self.seite = Some(*seite);
            self.text.begin_page(nr, seite, art)
        }
        fn end_page(&mut self) -> Result<(), OutputError> {
            self.text.end_page()
        }
        fn output_character(
            &mut self,
            trm: &Transform,
            breite: f64,
            abstand: f64,
            groesse: f64,
            zeichen: &str,
        ) -> Result<(), OutputError> {
            let s = self.seite.expect("Zeichen vor der ersten Seite");
            let (x, y) = (trm.m31, trm.m32);
            if (s.llx..=s.urx).contains(&x) && (s.lly..=s.ury).contains(&y) {
                self.text
                    .output_character(trm, breite, abstand, groesse, zeichen)?;
            }
            Ok(())
        }
        fn begin_word(&mut self) -> Result<(), OutputError> {
            self.text.begin_word()
        }
        fn end_word(&mut self) -> Result<(), OutputError> {
            self.text.end_word()
        }
        fn end_line(&mut self) -> Result<(), OutputError> {
            self.text.end_line()
        }
    }

    let doc = pdf_extract::Document::load_mem(bytes).unwrap();
    (1..=doc.get_pages().len() as u32)
        .map(|nr| {
            let mut text = String::new();
            pdf_extract::output_doc_page(
                &doc,
                &mut AufDerSeite {
                    text: PlainTextOutput::new(&mut text),
                    seite: None,
                },
                nr,
            )
            .unwrap();
            falten(&silben_verbinden(&text))
        })
        .collect()
}

/// Every character on each page with the position of its origin (x, y in
/// PDF units), white space left out: for rules about where text stands.
pub fn pdf_zeichen(bytes: &[u8]) -> Vec<Vec<(String, f64, f64)>> {
    use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

    struct Zeichen<'a>(&'a mut Vec<(String, f64, f64)>);
    impl OutputDev for Zeichen<'_> {
        fn begin_page(
            &mut self,
            _: u32,
            _: &MediaBox,
            _: Option<(f64, f64, f64, f64)>,
        ) -> Result<(), OutputError> {
            Ok(())
        }
        fn end_page(&mut self) -> Result<(), OutputError> {
            Ok(())
        }
        fn output_character(
            &mut self,
            trm: &Transform,
            _: f64,
            _: f64,
            _: f64,
            zeichen: &str,
        ) -> Result<(), OutputError> {
            if !zeichen.trim().is_empty() {
                self.0.push((zeichen.to_owned(), trm.m31, trm.m32));
            }
            Ok(())
        }
        fn begin_word(&mut self) -> Result<(), OutputError> {
            Ok(())
        }
        fn end_word(&mut self) -> Result<(), OutputError> {
            Ok(())
        }
        fn end_line(&mut self) -> Result<(), OutputError> {
            Ok(())
        }
    }

    let doc = pdf_extract::Document::load_mem(bytes).unwrap();
    (1..=doc.get_pages().len() as u32)
        .map(|nr| {
            let mut zeichen = Vec::new();
            pdf_extract::output_doc_page(&doc, &mut Zeichen(&mut zeichen), nr).unwrap();
            zeichen
        })
        .collect()
}
