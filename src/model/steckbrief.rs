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

/// Ein Projektsteckbrief. Ein Feld, das der veröffentlichte Steckbrief nicht
/// hat, wird weggelassen (nicht leer eingetragen). Auswahlfelder nehmen Werte
/// aus `vokabular.yaml` oder `{sonstiges: "freier Text"}`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Steckbrief {
    /// Projektname.
    pub projektname: String,
    /// Ziele (Mehrfachauswahl, Vokabular `ziele`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ziele: Option<Vec<Antwort>>,
    /// Projektstatus (Vokabular `projektstatus`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub projektstatus: Option<Antwort>,
    /// Zeitraum, wie angegeben (z. B. `01.05.2025`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zeitraum: Option<String>,
    /// Technologien (Mehrfachauswahl, Vokabular `technologien`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub technologien: Option<Vec<Antwort>>,
    /// Betriebsmodell (Vokabular `betriebsmodell`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub betriebsmodell: Option<Antwort>,
    /// „Wie hoch ist das Projektbudget?“ (freier Text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub projektbudget: Option<String>,
    /// Amortisationsdauer (Vokabular `amortisationsdauer`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amortisationsdauer: Option<Antwort>,
    /// Fördermittel (Vokabular `foerdermittel`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub foerdermittel: Option<Antwort>,
    /// Anbieter/Produkt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anbieter_produkt: Option<String>,
    /// Schnittstellen/Integrationen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schnittstellen: Option<String>,
    /// Erfolgsfaktoren als freie Erfahrung (die erste der beiden Fragen mit
    /// der Bezeichnung „Erfolgsfaktoren“).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub erfolgsfaktoren_erfahrung: Option<String>,
    /// „Trainingsdaten, wurde nachtrainiert?“
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trainingsdaten: Option<String>,
    /// Bereitschaft zum Austausch von Trainingsdaten (Vokabular `austausch_trainingsdaten`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub austausch_trainingsdaten: Option<Antwort>,
    /// Qualitätssicherung der Trainingsdaten.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualitaetssicherung: Option<String>,
    /// Datenschutz- / Sicherheitsmaßnahmen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub datenschutz: Option<String>,
    /// Verantwortliche Organisationseinheit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verantwortliche_oe: Option<String>,
    /// KI-VO Risikoklasse (Vokabular `risikoklasse`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risikoklasse: Option<Antwort>,
    /// „Maßnahmen nach Art. 4 KI-VO?“ (freier Text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub massnahmen_art4: Option<String>,
    /// Interkommunale Zusammenarbeit (Vokabular `interkommunale_zusammenarbeit`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interkommunale_zusammenarbeit: Option<Antwort>,
    /// Austausch mit anderen OEs (Vokabular `austausch_oes`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub austausch_oes: Option<Antwort>,
    /// Haupttreiber (Mehrfachauswahl, Vokabular `haupttreiber`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub haupttreiber: Option<Vec<Antwort>>,
    /// Beteiligte (Mehrfachauswahl, Vokabular `beteiligte`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub beteiligte: Option<Vec<Antwort>>,
    /// Rolle der Politik (Mehrfachauswahl, Vokabular `rolle_der_politik`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rolle_der_politik: Option<Vec<Antwort>>,
    /// Adressierte Herausforderungen (Mehrfachauswahl, Vokabular `herausforderungen`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub herausforderungen: Option<Vec<Antwort>>,
    /// Erfolgsfaktoren als Mehrfachauswahl (die zweite Frage mit dieser
    /// Bezeichnung, Vokabular `erfolgsfaktoren`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub erfolgsfaktoren: Option<Vec<Antwort>>,
    /// Erfolgs-Kennzahlen (Mehrfachauswahl, Vokabular `kennzahlen`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kennzahlen: Option<Vec<Antwort>>,
    /// Entlastung / Vereinfachung.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entlastung: Option<String>,
    /// „Wünsche an Land, Bund?“
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wuensche: Option<String>,
    /// Anmerkung.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anmerkung: Option<String>,
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

/// A fact-sheet field: its key in YAML, its label in the report, its kind.
#[derive(Debug, Clone, Copy)]
pub struct Feld {
    pub schluessel: &'static str,
    pub bezeichnung: &'static str,
    pub art: FeldArt,
}

const fn feld(schluessel: &'static str, bezeichnung: &'static str, art: FeldArt) -> Feld {
    Feld {
        schluessel,
        bezeichnung,
        art,
    }
}

/// The fields of a published fact sheet, in the published order, with the
/// published labels. The "Landkreis" row follows "Projektname" in print.
pub const FELDER: &[Feld] = &[
    feld("projektname", "Projektname", FeldArt::Text),
    feld("ziele", "Ziele", FeldArt::Mehrfach("ziele")),
    feld(
        "projektstatus",
        "Projektstatus",
        FeldArt::Einfach("projektstatus"),
    ),
    feld("zeitraum", "Zeitraum", FeldArt::Text),
    feld(
        "technologien",
        "Technologien",
        FeldArt::Mehrfach("technologien"),
    ),
    feld(
        "betriebsmodell",
        "Betriebsmodell",
        FeldArt::Einfach("betriebsmodell"),
    ),
    feld(
        "projektbudget",
        "Wie hoch ist das Projektbudget?",
        FeldArt::Text,
    ),
    feld(
        "amortisationsdauer",
        "Amortisationsdauer",
        FeldArt::Einfach("amortisationsdauer"),
    ),
    feld(
        "foerdermittel",
        "Fördermittel",
        FeldArt::Einfach("foerdermittel"),
    ),
    feld("anbieter_produkt", "Anbieter/Produkt", FeldArt::Text),
    feld(
        "schnittstellen",
        "Schnittstellen/Integrationen",
        FeldArt::Text,
    ),
    feld(
        "erfolgsfaktoren_erfahrung",
        "Erfolgsfaktoren",
        FeldArt::Text,
    ),
    feld(
        "trainingsdaten",
        "Trainingsdaten, wurde nachtrainiert?",
        FeldArt::Text,
    ),
    feld(
        "austausch_trainingsdaten",
        "Bereitschaft zum Austausch von Trainingsdaten",
        FeldArt::Einfach("austausch_trainingsdaten"),
    ),
    feld(
        "qualitaetssicherung",
        "Qualitätssicherung der Trainingsdaten",
        FeldArt::Text,
    ),
    feld(
        "datenschutz",
        "Datenschutz- / Sicherheitsmaßnahmen",
        FeldArt::Text,
    ),
    feld("verantwortliche_oe", "Verantwortliche OE", FeldArt::Text),
    feld(
        "risikoklasse",
        "KI-VO Risikoklasse",
        FeldArt::Einfach("risikoklasse"),
    ),
    feld(
        "massnahmen_art4",
        "Maßnahmen nach Art. 4 KI-VO?",
        FeldArt::Text,
    ),
    feld(
        "interkommunale_zusammenarbeit",
        "Interkommunale Zusammenarbeit",
        FeldArt::Einfach("interkommunale_zusammenarbeit"),
    ),
    feld(
        "austausch_oes",
        "Austausch mit anderen OEs",
        FeldArt::Einfach("austausch_oes"),
    ),
    feld(
        "haupttreiber",
        "Haupttreiber",
        FeldArt::Mehrfach("haupttreiber"),
    ),
    feld("beteiligte", "Beteiligte", FeldArt::Mehrfach("beteiligte")),
    feld(
        "rolle_der_politik",
        "Rolle der Politik",
        FeldArt::Mehrfach("rolle_der_politik"),
    ),
    feld(
        "herausforderungen",
        "Adressierte Herausforderungen",
        FeldArt::Mehrfach("herausforderungen"),
    ),
    feld(
        "erfolgsfaktoren",
        "Erfolgsfaktoren",
        FeldArt::Mehrfach("erfolgsfaktoren"),
    ),
    feld(
        "kennzahlen",
        "Erfolgs-Kennzahlen",
        FeldArt::Mehrfach("kennzahlen"),
    ),
    feld("entlastung", "Entlastung / Vereinfachung", FeldArt::Text),
    feld("wuensche", "Wünsche an Land, Bund?", FeldArt::Text),
    feld("anmerkung", "Anmerkung", FeldArt::Text),
];

/// A field's value, seen through its kind.
pub enum FeldWert<'a> {
    Text(&'a str),
    Einfach(&'a Antwort),
    Mehrfach(&'a [Antwort]),
}

impl Steckbrief {
    /// The value of a field by its key; `None` when the sheet does not have it.
    pub fn wert(&self, schluessel: &str) -> Option<FeldWert<'_>> {
        use FeldWert::*;
        fn t(o: &Option<String>) -> Option<FeldWert<'_>> {
            o.as_deref().map(FeldWert::Text)
        }
        Some(match schluessel {
            "projektname" => Text(&self.projektname),
            "ziele" => Mehrfach(self.ziele.as_deref()?),
            "projektstatus" => Einfach(self.projektstatus.as_ref()?),
            "zeitraum" => return t(&self.zeitraum),
            "technologien" => Mehrfach(self.technologien.as_deref()?),
            "betriebsmodell" => Einfach(self.betriebsmodell.as_ref()?),
            "projektbudget" => return t(&self.projektbudget),
            "amortisationsdauer" => Einfach(self.amortisationsdauer.as_ref()?),
            "foerdermittel" => Einfach(self.foerdermittel.as_ref()?),
            "anbieter_produkt" => return t(&self.anbieter_produkt),
            "schnittstellen" => return t(&self.schnittstellen),
            "erfolgsfaktoren_erfahrung" => return t(&self.erfolgsfaktoren_erfahrung),
            "trainingsdaten" => return t(&self.trainingsdaten),
            "austausch_trainingsdaten" => Einfach(self.austausch_trainingsdaten.as_ref()?),
            "qualitaetssicherung" => return t(&self.qualitaetssicherung),
            "datenschutz" => return t(&self.datenschutz),
            "verantwortliche_oe" => return t(&self.verantwortliche_oe),
            "risikoklasse" => Einfach(self.risikoklasse.as_ref()?),
            "massnahmen_art4" => return t(&self.massnahmen_art4),
            "interkommunale_zusammenarbeit" => {
                Einfach(self.interkommunale_zusammenarbeit.as_ref()?)
            }
            "austausch_oes" => Einfach(self.austausch_oes.as_ref()?),
            "haupttreiber" => Mehrfach(self.haupttreiber.as_deref()?),
            "beteiligte" => Mehrfach(self.beteiligte.as_deref()?),
            "rolle_der_politik" => Mehrfach(self.rolle_der_politik.as_deref()?),
            "herausforderungen" => Mehrfach(self.herausforderungen.as_deref()?),
            "erfolgsfaktoren" => Mehrfach(self.erfolgsfaktoren.as_deref()?),
            "kennzahlen" => Mehrfach(self.kennzahlen.as_deref()?),
            "entlastung" => return t(&self.entlastung),
            "wuensche" => return t(&self.wuensche),
            "anmerkung" => return t(&self.anmerkung),
            _ => return None,
        })
    }

    /// The vocabulary values of a multiple-choice field (free answers left out).
    pub fn werte(&self, schluessel: &str) -> Vec<&str> {
        match self.wert(schluessel) {
            Some(FeldWert::Mehrfach(l)) => l.iter().filter_map(Antwort::wert).collect(),
            Some(FeldWert::Einfach(a)) => a.wert().into_iter().collect(),
            _ => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jedes_feld_der_tabelle_ist_lesbar() {
        let s = Steckbrief {
            projektname: "x".into(),
            ..Default::default()
        };
        for f in FELDER {
            // every key of the table is known to `wert` (projektname is always set)
            let bekannt = s.wert(f.schluessel).is_some() || f.schluessel != "projektname";
            assert!(bekannt, "{}", f.schluessel);
        }
        let schema = serde_json::to_value(schemars::schema_for!(Steckbrief)).unwrap();
        let props = schema["properties"].as_object().unwrap();
        assert_eq!(props.len(), FELDER.len());
        for f in FELDER {
            assert!(props.contains_key(f.schluessel), "{}", f.schluessel);
        }
    }
}
