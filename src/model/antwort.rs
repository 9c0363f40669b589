//! One answer to a choice question: a vocabulary value or free text
//! (`{sonstiges: "…"}`).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Eine Antwort auf eine Auswahlfrage: ein Wert aus dem Vokabular
/// (`vokabular.yaml`) oder ein freier Text außerhalb des Vokabulars,
/// geschrieben als `{sonstiges: "…"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Antwort {
    /// Ein Wert aus dem Vokabular, genau wie dort geschrieben.
    Wert(String),
    /// Eine freie Antwort außerhalb des Vokabulars („Sonstiges“).
    Sonstiges {
        /// Der frei formulierte Text, wie veröffentlicht.
        sonstiges: String,
    },
}

impl Antwort {
    /// The text as printed in the report.
    pub fn text(&self) -> &str {
        match self {
            Antwort::Wert(s) => s,
            Antwort::Sonstiges { sonstiges } => sonstiges,
        }
    }

    /// The vocabulary value, if this is one.
    pub fn wert(&self) -> Option<&str> {
        match self {
            Antwort::Wert(s) => Some(s),
            Antwort::Sonstiges { .. } => None,
        }
    }
}
