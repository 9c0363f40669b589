//! The integration tests, as one test binary: every module below links the
//! library (and so Typst) once instead of once per file, and shares the
//! cached build of the 2025 edition (`common::pdf_bytes`).
//!
//! Fixtures made for a test live under `tests/fixtures/`.

mod common;

mod abbildungen;
mod ausgaben;
mod aussagen;
mod barrierefrei;
mod beobachten;
mod bericht;
mod daten;
mod jahreszyklus;
mod langer_text;
mod nachweis;
mod pruefung;
mod schlechte_eingaben;
mod schreiben;
mod seitenbilder;
mod tabelle;
mod umfrage;
mod umfrage_echt;
mod vage_worte;
mod vertrag;
mod vertrauen;
mod website;
