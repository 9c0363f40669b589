//! A fact sheet (Steckbrief): its fields declared once, in the published
//! order with the published labels; struct, table `FELDER`, schema and the
//! vocabulary's lists all come from that declaration.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Antwort;

/// Datei `steckbriefe/<landkreis>.yaml`: die Projektsteckbriefe eines Landkreises.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SteckbriefDatei {
    /// Name des Landkreises wie in `landkreise.yaml`, z. B. `Celle`.
    pub landkreis: String,
    /// Die Steckbriefe in der Reihenfolge des Berichts.
    pub steckbriefe: Vec<Steckbrief>,
}

/// How a field is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeldArt {
    Text,
    /// One value from the named vocabulary.
    Einfach(&'static str),
    /// A list of values from the named vocabulary.
    Mehrfach(&'static str),
}

impl FeldArt {
    /// The vocabulary of a choice field.
    pub fn vokabular(self) -> Option<&'static str> {
        match self {
            FeldArt::Text => None,
            FeldArt::Einfach(v) | FeldArt::Mehrfach(v) => Some(v),
        }
    }

    /// Whether the answer is a list.
    pub fn ist_liste(self) -> bool {
        matches!(self, FeldArt::Mehrfach(_))
    }
}

/// A fact-sheet field: its key in YAML, its label in the report, its kind
/// and its documentation (the schema's description).
#[derive(Debug, Clone, Copy)]
pub struct Feld {
    pub schluessel: &'static str,
    pub bezeichnung: &'static str,
    pub art: FeldArt,
    pub doku: &'static str,
}

/// A field's value, seen through its kind.
pub enum FeldWert<'a> {
    Text(&'a str),
    Einfach(&'a Antwort),
    Mehrfach(&'a [Antwort]),
}

/// The Rust type of an optional field of each kind.
macro_rules! feld_typ {
    (text) => { Option<String> };
    (einfach) => { Option<Antwort> };
    (mehrfach) => { Option<Vec<Antwort>> };
}

/// The table entry's kind; a choice field's vocabulary has the field's key.
macro_rules! feld_art {
    (text, $k:ident) => {
        FeldArt::Text
    };
    (einfach, $k:ident) => {
        FeldArt::Einfach(stringify!($k))
    };
    (mehrfach, $k:ident) => {
        FeldArt::Mehrfach(stringify!($k))
    };
}

/// A field's value through its kind.
macro_rules! feld_wert {
    (text, $v:expr) => {
        $v.as_deref().map(FeldWert::Text)
    };
    (einfach, $v:expr) => {
        $v.as_ref().map(FeldWert::Einfach)
    };
    (mehrfach, $v:expr) => {
        $v.as_deref().map(FeldWert::Mehrfach)
    };
}

/// The one declaration of the fact-sheet fields: from it come the struct
/// (and so the YAML keys and the schema with its descriptions), the table
/// `FELDER` (published order and labels, vocabulary, list or not) and
/// `Steckbrief::wert`. `projektname` is the one required field and comes first.
macro_rules! steckbrief_felder {
    (
        $(#[doc = $pdoc:literal])*
        projektname = $plabel:literal;
        $( $(#[doc = $doc:literal])* $k:ident: $art:ident = $label:literal; )*
    ) => {
        /// Ein Projektsteckbrief. Ein Feld, das der veröffentlichte Steckbrief nicht
        /// hat, wird weggelassen (nicht leer eingetragen). Auswahlfelder nehmen Werte
        /// aus `vokabular.yaml` oder `{sonstiges: "freier Text"}`.
        #[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
        #[serde(deny_unknown_fields)]
        pub struct Steckbrief {
            /// Kennung des Projekts, bleibt über alle Ausgaben gleich (auch wenn
            /// sich der Name ändert): Kleinbuchstaben, Ziffern und Bindestriche,
            /// z. B. `celle-chat-voicebot`. Eindeutig in der Ausgabe; wird nicht
            /// gedruckt, sondern verbindet ein Projekt über die Ausgaben hinweg.
            #[schemars(regex(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$"), length(max = 80))]
            pub id: String,
            $(#[doc = $pdoc])*
            pub projektname: String,
            $(
                $(#[doc = $doc])*
                #[serde(default, skip_serializing_if = "Option::is_none")]
                pub $k: feld_typ!($art),
            )*
        }

        /// The fields of a published fact sheet, in the published order, with the
        /// published labels. The "Landkreis" row follows "Projektname" in print.
        pub const FELDER: &[Feld] = &[
            Feld {
                schluessel: "projektname",
                bezeichnung: $plabel,
                art: FeldArt::Text,
                doku: concat!($($pdoc),*),
            },
            $(
                Feld {
                    schluessel: stringify!($k),
                    bezeichnung: $label,
                    art: feld_art!($art, $k),
                    doku: concat!($($doc),*),
                },
            )*
        ];

        impl Steckbrief {
            /// The value of a field by its key; `None` when the sheet does not have it.
            pub fn wert(&self, schluessel: &str) -> Option<FeldWert<'_>> {
                match schluessel {
                    "projektname" => Some(FeldWert::Text(&self.projektname)),
                    $( stringify!($k) => feld_wert!($art, self.$k), )*
                    _ => None,
                }
            }
        }
    };
}

/// The fact-sheet fields in the published order, with their kind and
/// label: the one table, handed to a macro that builds from it (`$ziel!`):
/// [`steckbrief_felder`] here, the vocabulary's lists in `vokabular.rs`.
macro_rules! steckbrief_tabelle {
    ($ziel:ident) => {
        $ziel! {
            /// Projektname.
            projektname = "Projektname";
            /// Ziele (Mehrfachauswahl, Vokabular `ziele`).
            ziele: mehrfach = "Ziele";
            /// Projektstatus (Vokabular `projektstatus`).
            projektstatus: einfach = "Projektstatus";
            /// Zeitraum, wie angegeben (z. B. `01.05.2025`).
            zeitraum: text = "Zeitraum";
            /// Technologien (Mehrfachauswahl, Vokabular `technologien`).
            technologien: mehrfach = "Technologien";
            /// Betriebsmodell (Vokabular `betriebsmodell`).
            betriebsmodell: einfach = "Betriebsmodell";
            /// „Wie hoch ist das Projektbudget?“ (freier Text).
            projektbudget: text = "Wie hoch ist das Projektbudget?";
            /// Amortisationsdauer (Vokabular `amortisationsdauer`).
            amortisationsdauer: einfach = "Amortisationsdauer";
            /// Fördermittel (Vokabular `foerdermittel`).
            foerdermittel: einfach = "Fördermittel";
            /// Anbieter/Produkt.
            anbieter_produkt: text = "Anbieter/Produkt";
            /// Schnittstellen/Integrationen.
            schnittstellen: text = "Schnittstellen/Integrationen";
            /// Erfolgsfaktoren als freie Erfahrung (die erste der beiden Fragen mit
            /// der Bezeichnung „Erfolgsfaktoren“).
            erfolgsfaktoren_erfahrung: text = "Erfolgsfaktoren";
            /// „Trainingsdaten, wurde nachtrainiert?“
            trainingsdaten: text = "Trainingsdaten, wurde nachtrainiert?";
            /// Bereitschaft zum Austausch von Trainingsdaten (Vokabular `austausch_trainingsdaten`).
            austausch_trainingsdaten: einfach = "Bereitschaft zum Austausch von Trainingsdaten";
            /// Qualitätssicherung der Trainingsdaten.
            qualitaetssicherung: text = "Qualitätssicherung der Trainingsdaten";
            /// Datenschutz- / Sicherheitsmaßnahmen.
            datenschutz: text = "Datenschutz- / Sicherheitsmaßnahmen";
            /// Verantwortliche Organisationseinheit.
            verantwortliche_oe: text = "Verantwortliche OE";
            /// KI-VO Risikoklasse (Vokabular `risikoklasse`).
            risikoklasse: einfach = "KI-VO Risikoklasse";
            /// „Maßnahmen nach Art. 4 KI-VO?“ (freier Text).
            massnahmen_art4: text = "Maßnahmen nach Art. 4 KI-VO?";
            /// Interkommunale Zusammenarbeit (Vokabular `interkommunale_zusammenarbeit`).
            interkommunale_zusammenarbeit: einfach = "Interkommunale Zusammenarbeit";
            /// Austausch mit anderen OEs (Vokabular `austausch_oes`).
            austausch_oes: einfach = "Austausch mit anderen OEs";
            /// Haupttreiber (Mehrfachauswahl, Vokabular `haupttreiber`).
            haupttreiber: mehrfach = "Haupttreiber";
            /// Beteiligte (Mehrfachauswahl, Vokabular `beteiligte`).
            beteiligte: mehrfach = "Beteiligte";
            /// Rolle der Politik (Mehrfachauswahl, Vokabular `rolle_der_politik`).
            rolle_der_politik: mehrfach = "Rolle der Politik";
            /// Adressierte Herausforderungen (Mehrfachauswahl, Vokabular `herausforderungen`).
            herausforderungen: mehrfach = "Adressierte Herausforderungen";
            /// Erfolgsfaktoren als Mehrfachauswahl (die zweite Frage mit dieser
            /// Bezeichnung, Vokabular `erfolgsfaktoren`).
            erfolgsfaktoren: mehrfach = "Erfolgsfaktoren";
            /// Erfolgs-Kennzahlen (Mehrfachauswahl, Vokabular `kennzahlen`).
            kennzahlen: mehrfach = "Erfolgs-Kennzahlen";
            /// Entlastung / Vereinfachung.
            entlastung: text = "Entlastung / Vereinfachung";
            /// „Wünsche an Land, Bund?“
            wuensche: text = "Wünsche an Land, Bund?";
            /// Anmerkung.
            anmerkung: text = "Anmerkung";
            /// Was das System tut und was es für Bürgerinnen, Bürger und
            /// Mitarbeitende bewirkt, in einfacher Sprache (zwei, drei Sätze;
            /// für öffentliche Algorithmenregister). Ab Ausgabe 2026 gefragt.
            beschreibung: text = "Beschreibung in einfacher Sprache";
            /// An wen sich Fragen zum Projekt richten: E-Mail-Adresse einer
            /// Stelle (kein persönliches Postfach). Ab Ausgabe 2026 gefragt.
            kontakt: text = "Kontakt";
            /// Auf welcher Rechtsgrundlage das System Daten verarbeitet oder
            /// Entscheidungen vorbereitet (z. B. § 3 NDSG, Art. 6 Abs. 1 lit. e
            /// DSGVO). Ab Ausgabe 2026 gefragt.
            rechtsgrundlage: text = "Rechtsgrundlage";
            /// Wer die Ergebnisse des Systems prüft, bevor sie wirken, und was ein
            /// Mensch entscheidet. Ab Ausgabe 2026 gefragt.
            menschliche_aufsicht: text = "Menschliche Aufsicht";
            /// Wie Betroffene eine Entscheidung überprüfen lassen oder ihr
            /// widersprechen können. Ab Ausgabe 2026 gefragt.
            widerspruch: text = "Überprüfung und Widerspruch";
            /// Welche Daten das System nutzt (Art der Daten, Herkunft, ob
            /// personenbezogen), für das Training und im Betrieb. Ab Ausgabe 2026
            /// gefragt.
            verwendete_daten: text = "Verwendete Daten";
        }
    };
}
pub(crate) use steckbrief_tabelle;

steckbrief_tabelle!(steckbrief_felder);

/// The id proposed for a project: the Landkreis and the project name in
/// lower case, umlauts spelt out, everything else a hyphen; at most 60
/// characters, cut at a hyphen.
pub fn kennung_vorschlag(landkreis: &str, projektname: &str) -> String {
    let mut s = String::new();
    for c in format!("{landkreis} {projektname}")
        .chars()
        .flat_map(char::to_lowercase)
    {
        match c {
            'ä' => s.push_str("ae"),
            'ö' => s.push_str("oe"),
            'ü' => s.push_str("ue"),
            'ß' => s.push_str("ss"),
            c if c.is_ascii_alphanumeric() => s.push(c),
            _ if !s.is_empty() && !s.ends_with('-') => s.push('-'),
            _ => {}
        }
    }
    let mut s = s.trim_end_matches('-').to_owned();
    if s.len() > 60 {
        let schnitt = s[..60].rfind('-').unwrap_or(60);
        s.truncate(schnitt);
    }
    s
}

impl Steckbrief {
    /// The vocabulary values of a multiple-choice field (free answers left out).
    pub fn werte(&self, schluessel: &str) -> Vec<&str> {
        match self.wert(schluessel) {
            Some(FeldWert::Mehrfach(l)) => l.iter().filter_map(Antwort::wert).collect(),
            Some(FeldWert::Einfach(a)) => a.wert().into_iter().collect(),
            _ => Vec::new(),
        }
    }
}

impl Feld {
    /// The documentation as one line (as the schema and the website show it).
    pub fn beschreibung(&self) -> String {
        self.doku.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Vokabular;
    use serde_json::{Value, json};

    /// A sheet with every field of the table set to a value of its kind.
    fn voller_steckbrief() -> Value {
        let mut m = serde_json::Map::new();
        m.insert("id".to_owned(), json!("lk-projekt"));
        for f in FELDER {
            let v = match f.art {
                FeldArt::Text => json!("Text"),
                FeldArt::Einfach(_) => json!("Wert"),
                FeldArt::Mehrfach(_) => json!(["Wert"]),
            };
            m.insert(f.schluessel.to_owned(), v);
        }
        Value::Object(m)
    }

    #[test]
    fn jedes_feld_der_tabelle_ist_im_typ_und_lesbar() {
        let s: Steckbrief = serde_json::from_value(voller_steckbrief())
            .expect("jeder Schlüssel der Tabelle ist ein Feld des Typs");
        for f in FELDER {
            let passt = matches!(
                (f.art, s.wert(f.schluessel)),
                (FeldArt::Text, Some(FeldWert::Text(_)))
                    | (FeldArt::Einfach(_), Some(FeldWert::Einfach(_)))
                    | (FeldArt::Mehrfach(_), Some(FeldWert::Mehrfach(_)))
            );
            assert!(passt, "{} nicht über wert() lesbar", f.schluessel);
        }
        // and every field of the type is in the table
        let zurueck = serde_json::to_value(&s).unwrap();
        let mut schluessel: Vec<&str> = zurueck
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .filter(|k| *k != "id")
            .collect();
        let mut tabelle: Vec<&str> = FELDER.iter().map(|f| f.schluessel).collect();
        schluessel.sort();
        tabelle.sort();
        assert_eq!(schluessel, tabelle);
    }

    #[test]
    fn schema_beschreibt_jedes_feld_wie_die_tabelle() {
        let schema = serde_json::to_value(schemars::schema_for!(Steckbrief)).unwrap();
        let props = schema["properties"].as_object().unwrap();
        // every field of the table, and the project's id (not printed)
        assert_eq!(props.len(), FELDER.len() + 1);
        assert!(props.contains_key("id"));
        for f in FELDER {
            let b = props[f.schluessel]["description"].as_str().unwrap_or("");
            let b = b.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(b, f.beschreibung(), "{}", f.schluessel);
            assert!(!f.beschreibung().is_empty(), "{} ohne Doku", f.schluessel);
        }
        assert_eq!(schema["required"], json!(["id", "projektname"]));
    }

    #[test]
    fn kennung_aus_landkreis_und_name() {
        assert_eq!(
            kennung_vorschlag("Celle", "Chat- & Voicebot"),
            "celle-chat-voicebot"
        );
        assert_eq!(
            kennung_vorschlag("Lüchow-Dannenberg", "Übersetzung (KI) für Bürger:innen"),
            "luechow-dannenberg-uebersetzung-ki-fuer-buerger-innen"
        );
        let lang = kennung_vorschlag("Peine", &"Wort ".repeat(30));
        assert!(lang.len() <= 60 && !lang.ends_with('-'), "{lang}");
    }

    #[test]
    fn jedes_auswahlfeld_hat_sein_vokabular_und_umgekehrt() {
        let schema = serde_json::to_value(schemars::schema_for!(Vokabular)).unwrap();
        let mut im_vokabular: Vec<&str> = schema["properties"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .filter(|k| !matches!(*k, "gesamtverantwortung" | "produkte"))
            .collect();
        let mut aus_feldern: Vec<&str> = FELDER.iter().filter_map(|f| f.art.vokabular()).collect();
        im_vokabular.sort();
        aus_feldern.sort();
        assert_eq!(im_vokabular, aus_feldern);
        let leer: serde_json::Map<String, Value> = schema["properties"]
            .as_object()
            .unwrap()
            .keys()
            .map(|k| (k.clone(), json!([])))
            .collect();
        let leer: Vokabular = serde_json::from_value(Value::Object(leer)).unwrap();
        for v in aus_feldern {
            assert!(leer.liste(v).is_some(), "Vokabular::liste kennt {v} nicht");
        }
    }
}
