//! The edition's lifecycle, from one year to the next: a new edition from
//! the previous one ([`neu`], `new-edition`), the JSON Schemas with its
//! vocabulary ([`schema`], `schema`), releasing a version and rebuilding
//! every released one byte for byte ([`freigabe`], `release` and `verify`),
//! and what changed between two editions ([`vergleich`], `diff` and the
//! section "Veränderungen"), its statements included ([`aussagen`]);
//! the records as git remembers them ([`verlauf`]).

pub mod aussagen;
pub mod freigabe;
pub mod freigeben;
pub mod neu;
pub mod schema;
pub mod vergleich;
pub mod verlauf;
