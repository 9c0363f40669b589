//! `vokabular.yaml`: the allowed answers of every choice question, and the
//! products whose mentions are counted.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Ein zulässiger Wert einer Auswahlfrage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VokabularEintrag {
    /// Der Wert, genau wie er in Steckbriefen und im Bericht steht.
    pub wert: String,
    /// Kurzform für Abbildungen und Kennzahlen, z. B. `RPA`. Werte mit
    /// derselben Kurzform werden in Auswertungen zusammengezählt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kurz: Option<String>,
    /// `true`, wenn der Wert keine Antwortoption der Umfrage war, aber so
    /// veröffentlicht wurde (z. B. ein Projektstatus „Erprobung“).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ausserhalb_umfrage: bool,
    /// Erläuterung für Redaktion und Leser, z. B. warum der Wert aufgenommen wurde.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hinweis: Option<String>,
    /// Der Wert derselben Liste, dessen Schreibvariante dieser ist (so
    /// veröffentlicht, z. B. „han-nIT“ statt „hanIT“). Der Fragebogen bietet nur
    /// die Hauptform an, und `check` warnt nicht mehr vor den fast gleichen Werten.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variante_von: Option<String>,
}

/// The vocabulary: one list per choice column of Tabelle 1
/// (`gesamtverantwortung`) and per choice field of the fact sheet, named
/// like the field (from the fact-sheet table, `steckbrief_tabelle!`), and
/// the products counted.
macro_rules! vokabular_felder {
    (@sammeln [$($f:ident $l:literal)*] text $k:ident $label:literal, $($rest:tt)*) => {
        vokabular_felder!(@sammeln [$($f $l)*] $($rest)*);
    };
    (@sammeln [$($f:ident $l:literal)*] einfach $k:ident $label:literal, $($rest:tt)*) => {
        vokabular_felder!(@sammeln [$($f $l)* $k $label] $($rest)*);
    };
    (@sammeln [$($f:ident $l:literal)*] mehrfach $k:ident $label:literal, $($rest:tt)*) => {
        vokabular_felder!(@sammeln [$($f $l)* $k $label] $($rest)*);
    };
    (@sammeln [$($f:ident $l:literal)*]) => {
        /// Die Vokabulare der Auswahlfragen (`vokabular.yaml`). Eine neue
        /// Antwortoption wird hier ergänzt; dafür ist keine neue Programmversion nötig.
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
        #[serde(deny_unknown_fields)]
        pub struct Vokabular {
            /// Gesamtverantwortung für KI im Landkreis (Tabelle 1).
            pub gesamtverantwortung: Vec<VokabularEintrag>,
            $(
                #[doc = concat!("Antworten im Steckbrief-Feld „", $l, "“.")]
                pub $f: Vec<VokabularEintrag>,
            )*
            /// Produkte, deren Nennungen in den Steckbriefen gezählt werden
            /// (Kennzahlen `nennungen_<id>`).
            #[serde(default)]
            pub produkte: Vec<Produkt>,
        }

        impl Vokabular {
            /// The names of the lists (the field names above).
            pub const NAMEN: &'static [&'static str] =
                &["gesamtverantwortung", $( stringify!($f), )*];

            /// The entries of a vocabulary by its name (the field name above).
            pub fn liste(&self, name: &str) -> Option<&[VokabularEintrag]> {
                Some(match name {
                    "gesamtverantwortung" => &self.gesamtverantwortung,
                    $( stringify!($f) => &self.$f, )*
                    _ => return None,
                })
            }
        }
    };
    (
        $(#[doc = $pdoc:literal])*
        projektname = $plabel:literal;
        $( $(#[doc = $doc:literal])* $k:ident: $art:ident = $label:literal; )*
    ) => {
        vokabular_felder!(@sammeln [] $($art $k $label,)*);
    };
}

super::steckbrief::steckbrief_tabelle!(vokabular_felder);

/// Ein Produkt, dessen Nennungen gezählt werden.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Produkt {
    /// Kleinbuchstaben, Ziffern und `_`, z. B. `scriba` (Kennzahl `nennungen_scriba`, Produktseite der Website).
    #[schemars(regex(pattern = r"^[a-z0-9_]+$"), length(max = 60))]
    pub id: String,
    /// Name wie im Text, z. B. `Scriba`.
    pub name: String,
    /// Suchbegriffe (ohne Groß-/Kleinschreibung) in Projektname und Anbieter/Produkt.
    pub suchbegriffe: Vec<String>,
}

impl Vokabular {
    /// The entry for a value in a vocabulary.
    pub fn eintrag(&self, name: &str, wert: &str) -> Option<&VokabularEintrag> {
        self.liste(name)?.iter().find(|e| e.wert == wert)
    }

    /// The short form of a value (its `kurz`, else the value itself).
    pub fn kurz<'a>(&'a self, name: &str, wert: &'a str) -> &'a str {
        self.eintrag(name, wert)
            .and_then(|e| e.kurz.as_deref())
            .unwrap_or(wert)
    }
}
