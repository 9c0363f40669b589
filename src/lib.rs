//! `kataster-report` rebuilds the NLT report "KI- und RPA-Projekte der
//! niedersächsischen Landkreise" from data: load and validate the edition,
//! compute its figures, check the claims of its prose, render the map and
//! charts, fill the chapter templates and compile the PDF with embedded Typst.
//!
//! One module per stage:
//! - [`load`]: YAML files into the model, with schema checks and locations
//! - [`validate`]: cross-file and vocabulary checks
//! - [`figures`]: every figure the report quotes, with its definition
//! - [`claims`]: the prose's quoted numbers checked against the figures
//! - [`charts`]: the map and the charts as SVG
//! - [`templates`]: chapter templates (handlebars over Typst markup)
//! - [`compile`]: the Typst world and compilation
//! - [`export`]: the versioned PDF, written atomically
//!
//! [`sitzung`] runs the stages for every command and keeps what lives
//! across runs (the Typst world, the fonts, the source texts);
//! [`beobachten`] says what `watch` watches.

// No `unsafe` in the project's own code (the fuzz targets rely on it).
#![forbid(unsafe_code)]
// Diagnostics are the error path and carry file, line, field, message and
// hint for the editor; their size does not matter there.
#![allow(clippy::result_large_err)]

pub mod beobachten;
pub mod charts;
pub mod claims;
pub mod compile;
pub mod diagnostics;
pub mod export;
pub mod figures;
pub mod freigabe;
pub mod load;
pub mod model;
pub mod neue_ausgabe;
pub mod pipeline;
pub mod projekt;
pub mod report_data;
pub mod schema;
pub mod sitzung;
pub mod templates;
pub mod umfrage;
pub mod validate;
pub mod vergleich;
pub mod website;
