//! `kataster-report` rebuilds the NLT report "KI- und RPA-Projekte der
//! niedersächsischen Landkreise" from data: load and validate the edition,
//! compute its figures, check the claims of its prose, render the map and
//! charts, fill the chapter templates and compile the PDF with embedded Typst.
//!
//! One module per stage:
//! - [`load`]: YAML files into the model, with schema checks and locations
//! - [`validate`]: checks across the files and against the vocabularies
//! - [`figures`]: every figure the report quotes, with its definition
//! - [`claims`]: the prose's quoted numbers checked against the figures
//! - [`charts`]: the map and the charts as SVG
//! - [`templates`]: chapter templates (handlebars over Typst markup)
//! - [`report_data`]: the edition as the data the layout reads, typed by
//!   [`vertrag`] (the contract with the layouts, with its JSON Schema)
//! - [`compile`]: the Typst world and compilation
//! - [`export`]: the versioned PDF
//!
//! [`sitzung`] runs the stages ([`sitzung::stufen`]) for every command and
//! keeps what lives across runs (the Typst world, the fonts, the source
//! texts); [`sitzung::beobachten`] says what `watch` watches. [`ausgabe`] is
//! the edition's lifecycle: a new edition, its schemas, release and verify,
//! the changes between two editions. [`website`] writes the catalogue,
//! [`umfrage`] the LimeSurvey questionnaire and import. [`model`] is the
//! data as editors write it (Tabelle 1 declared once in
//! [`model::tabelle`], the fact sheet in `model::steckbrief`); [`projekt`]
//! reads and writes the project's files, confined to it; [`diagnostics`]
//! holds the one form of a problem (`Diagnose`, `Meldung`).
//!
//! # Glossary
//!
//! The domain is German, and so are its names in the code:
//!
//! | Word | Meaning |
//! |---|---|
//! | Ausgabe, Edition | one yearly report (`data/2025/`), in versions (1.0, 1.1) |
//! | Landkreis | a district; one row of Tabelle 1 per responding Landkreis |
//! | Steckbrief | a project's fact sheet (Kapitel 5 of the report) |
//! | Kennzahl | a figure computed from the data (`projekte_gesamt`) |
//! | Behauptung, Aussage | a statement of the prose, checked against a Kennzahl or the data |
//! | Abweichung | a deviation between prose and data the editors acknowledged, with a reason |
//! | Vokabular | the allowed answers of a choice question |
//! | Kapitel, Vorlage | a chapter template (handlebars over Typst) |
//! | Layout | the Typst design (`report/layout/<name>/`) an edition names |
//! | Vertrag | the contract: what the program generates for a layout to read, versioned |
//! | Freigabe | a released version, recorded with the SHA-256 of its PDF and inputs |
//! | Nachbau | rebuilding a released version to compare it byte for byte |
//! | Sitzung | one project and edition with what lives across runs |
//! | Stufe | a stage of the build (laden, rechnen, zeichnen, füllen, setzen, schreiben) |
//! | Befund | a finding of `check` (a violated statement, a typed number) |
//! | Diagnose, Meldung | a problem at a place in a file; a failure without one |
//! | Zielordner | a folder the tool writes into, checked once, never an input |
//! | Umfrage | the LimeSurvey survey the data comes from |

// No `unsafe` in the project's own code (the fuzz targets rely on it).
#![forbid(unsafe_code)]
// Diagnostics are the error path and carry file, line, field, message and
// hint for the editor; their size does not matter there.
#![allow(clippy::result_large_err)]

pub mod ausgabe;
pub mod charts;
pub mod claims;
pub mod compile;
pub mod diagnostics;
pub mod export;
pub mod figures;
pub mod load;
pub mod model;
pub mod projekt;
pub mod report_data;
pub mod sitzung;
pub mod templates;
pub mod umfrage;
pub mod validate;
pub mod vertrag;
pub mod website;
