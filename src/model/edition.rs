//! `edition.yaml` and the edition's smaller files: title, document history,
//! contributors, survey period, sources (`quellen.yaml`), glossary
//! (`glossar.yaml`), acknowledged deviations (`abweichungen.yaml`).

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The form of every address in the data: a web or e-mail address, nothing
/// a reader's click could run (`javascript:`, `data:`, `file:`). The same
/// for the schema (editors see it while typing) and [`sichere_url`].
pub const URL_MUSTER: &str = r"^([hH][tT][tT][pP][sS]?://|[mM][aA][iI][lL][tT][oO]:)[^\s]+$";

/// Whether `url` has a scheme a link may have (see [`URL_MUSTER`]).
pub fn sichere_url(url: &str) -> bool {
    let klein = url.to_ascii_lowercase();
    ["https://", "http://", "mailto:"]
        .iter()
        .any(|s| klein.starts_with(s) && klein.len() > s.len())
        && !url.chars().any(char::is_whitespace)
}

/// Datei `edition.yaml`: Titel, Historie und Rahmendaten einer Ausgabe.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EditionMeta {
    /// Titel des Berichts.
    pub titel: String,
    /// Untertitel (ohne Monat und Jahr; die werden angehängt).
    pub untertitel: String,
    /// Zeile unter dem Untertitel, z. B. „Abschlussbericht der NLT-Arbeitsgruppe …“.
    pub reihe: String,
    /// Monat der Ausgabe (1–12).
    #[schemars(range(min = 1, max = 12))]
    pub monat: u8,
    /// Jahr der Ausgabe.
    pub jahr: u16,
    /// Herausgeber, ausgeschrieben.
    pub herausgeber: String,
    /// Kurzform des Herausgebers, z. B. `NLT`.
    pub herausgeber_kurz: String,
    /// Das Layout, mit dem die Ausgabe gesetzt wird: der Ordner
    /// `report/layout/<name>/` mit `bericht.typ`, `lib.typ` und `bilder/`.
    /// Jede Ausgabe hat ihr eigenes, damit eine Änderung für eine neue
    /// Ausgabe frühere nicht verändert.
    pub layout: String,
    /// Die frühere Ausgabe, mit der diese verglichen wird (für den Abschnitt
    /// „Veränderungen“, `#veraenderungen()` im Kapitel), z. B. `"2025"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vorgaenger: Option<String>,
    /// `true`: der Bericht endet mit dem Anhang „Zahlennachweis“, der jede
    /// geprüfte Zahl und Aussage mit Seite, Worten, Definition, berechnetem
    /// Wert und gegebenenfalls der Begründung einer Abweichung auflistet; im
    /// Text führt jede zu ihrem Eintrag. Vorgabe: `false`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub zahlennachweis: bool,
    /// Lizenz der offenen Daten der Website (`kataster-report site`), z. B.
    /// `{name: "Datenlizenz Deutschland – Namensnennung – Version 2.0", url:
    /// "https://www.govdata.de/dl-de/by-2-0"}`. Ohne Angabe sagt die Website,
    /// dass keine Lizenz angegeben ist.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lizenz: Option<Lizenz>,
    /// Das Impressum des PDFs (Layout 2026): Anschrift und Kontakt des
    /// Herausgebers, ISBN und URN, soweit vorhanden. Die Lizenz ist `lizenz`.
    /// Was fehlt, meldet `check` als Hinweis.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub impressum: Option<Impressum>,
    /// Dokumenten-Historie; der jüngste Eintrag ist die Version dieser Ausgabe.
    pub historie: Vec<HistorienEintrag>,
    /// Mitwirkende in der Arbeitsgruppe.
    pub mitwirkende: Vec<Mitwirkende>,
    /// Zeitraum der Umfrage.
    pub umfrage: Umfrage,
    /// Termine der Sitzungen der Arbeitsgruppe.
    pub sitzungen: Vec<Datum>,
    /// Zahl der Landkreise in Niedersachsen einschließlich Region Hannover
    /// (Bezugsgröße der Abdeckung).
    #[schemars(range(max = 1000))]
    pub landkreise_niedersachsen: u32,
    /// Bildnachweise.
    pub bildnachweise: Vec<Bildnachweis>,
}

impl EditionMeta {
    /// What an imprint needs and edition.yaml does not give: the publisher's
    /// address, an e-mail address and the licence, each with where it goes.
    pub fn impressum_luecken(&self) -> Vec<&'static str> {
        let i = self.impressum.clone().unwrap_or_default();
        let mut luecken = Vec::new();
        if i.anschrift.is_empty() {
            luecken.push("die Anschrift des Herausgebers (impressum: anschrift: [Zeile, …])");
        }
        if i.email.is_none() {
            luecken.push("eine E-Mail-Adresse für Anfragen (impressum: email: …)");
        }
        if self.lizenz.is_none() {
            luecken.push("die Lizenz (lizenz: {name: …, url: …})");
        }
        luecken
    }

    /// The newest entry of the history: its version and date are the edition's.
    pub fn aktuell(&self) -> Option<&HistorienEintrag> {
        self.historie.iter().max_by(|a, b| a.datum.cmp(&b.datum))
    }
}

/// Ein Eintrag der Dokumenten-Historie.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HistorienEintrag {
    /// Version, z. B. `"1.0"` (in Anführungszeichen).
    pub version: String,
    /// Datum als `JJJJ-MM-TT`.
    pub datum: Datum,
    /// Bearbeiter/in.
    pub bearbeiter: String,
    pub anmerkung: String,
}

/// Eine Person der Arbeitsgruppe.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Mitwirkende {
    /// „Name, Vorname“ wie veröffentlicht.
    pub name: String,
    pub organisation: String,
}

/// Zeitraum der Umfrage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Umfrage {
    pub beginn: Datum,
    pub ende: Datum,
}

/// Ein Bildnachweis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Bildnachweis {
    /// Wo das Bild steht, z. B. „Titelblatt“.
    pub motiv: String,
    /// Urheber, Quelle und Lizenz.
    pub nachweis: String,
    /// Adresse des Bildes oder seiner Lizenz (`https:`, `http:` oder `mailto:`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = URL_MUSTER))]
    pub url: Option<String>,
}

/// Datei `quellen.yaml`: Fußnoten und Literatur.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Quellen {
    pub quellen: Vec<Quelle>,
}

/// Eine Fußnote oder Literaturangabe, im Kapiteltext mit `{{quelle "id"}}` zitiert.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Quelle {
    /// Kurzer Schlüssel, mit dem das Kapitel die Quelle zitiert.
    pub id: String,
    /// Text der Fußnote ohne URL.
    pub text: String,
    /// Adresse, im PDF anklickbar: `https:`, `http:` oder `mailto:` (andere
    /// Schemata wie `javascript:` oder `data:` sind nicht erlaubt).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = URL_MUSTER))]
    pub url: Option<String>,
}

/// Datei `glossar.yaml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Glossar {
    pub glossar: Vec<GlossarEintrag>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GlossarEintrag {
    /// Der Begriff, z. B. „VZÄ (Vollzeitäquivalent)“.
    pub begriff: String,
    pub erklaerung: String,
}

/// Datei `abweichungen.yaml`: bekannte Abweichungen zwischen veröffentlichtem
/// Text und Daten, die bewusst stehen bleiben.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Abweichungen {
    pub abweichungen: Vec<Abweichung>,
    /// Befunde von `check` zur Website und ihren offenen Daten, die bewusst
    /// bestehen bleiben (z. B. noch keine Lizenz), jeder mit Begründung.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub website: Vec<WebsiteAbweichung>,
}

/// Ein anerkannter Befund zur Website: `check` listet ihn, besteht aber.
/// Ist der Befund behoben, ist die Anerkennung veraltet und `check` schlägt
/// fehl, bis sie gelöscht ist.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WebsiteAbweichung {
    /// Welcher Befund, z. B. `lizenz_fehlt`.
    pub befund: WebsiteBefund,
    /// Warum er bestehen bleibt.
    #[schemars(length(min = 1))]
    pub begruendung: String,
    /// Aus welcher Ausgabe die Anerkennung übernommen wurde (`new-edition`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uebernommen_aus: Option<String>,
}

/// Die Befunde zur Website, die eine Redaktion anerkennen kann:
/// `lizenz_fehlt` (`edition.yaml` nennt keine Lizenz der offenen Daten).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum WebsiteBefund {
    LizenzFehlt,
}

/// Eine anerkannte Abweichung: die Aussage im Text bleibt, `check` listet sie.
/// Gilt die Aussage wieder oder ändert sich der berechnete Wert, ist die
/// Anerkennung veraltet und `check` schlägt fehl.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Abweichung {
    /// Kapiteldatei, z. B. `einleitung.typ.hbs`.
    pub kapitel: String,
    /// Name der Kennzahl, z. B. `anteil_rpa`.
    pub kennzahl: String,
    /// Der Wortlaut im Text, z. B. „mehr als 40 Prozent“.
    pub wortlaut: String,
    /// Was die Aussage behauptet, wie `check` es zeigt, z. B. „mehr als 40 %“.
    pub behauptet: String,
    /// Der berechnete Wert, als die Abweichung anerkannt wurde (wie `check` ihn zeigt).
    pub berechnet: String,
    /// Warum die Aussage so stehen bleibt.
    pub begruendung: String,
    /// Aus welcher Ausgabe die Anerkennung übernommen wurde (`new-edition`
    /// trägt das ein). `check` besteht, listet sie aber als zu bestätigen:
    /// Prüfen Sie die Aussage für die neue Ausgabe und löschen Sie dann diese
    /// Zeile.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uebernommen_aus: Option<String>,
}

/// German month names, January first.
pub const MONATE: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];

/// A calendar date written `JJJJ-MM-TT`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Datum {
    pub jahr: u16,
    pub monat: u8,
    pub tag: u8,
}

impl Datum {
    pub fn aus_text(s: &str) -> Option<Datum> {
        let mut teile = s.trim().splitn(3, '-');
        let jahr: u16 = teile.next()?.parse().ok()?;
        let monat: u8 = teile.next()?.parse().ok()?;
        let tag: u8 = teile.next()?.parse().ok()?;
        let tage = match monat {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if jahr.is_multiple_of(4)
                && (!jahr.is_multiple_of(100) || jahr.is_multiple_of(400)) =>
            {
                29
            }
            2 => 28,
            _ => return None,
        };
        (1..=tage)
            .contains(&tag)
            .then_some(Datum { jahr, monat, tag })
    }

    /// The German name of the month, "März".
    pub fn monatsname(&self) -> &'static str {
        MONATE[usize::from(self.monat.clamp(1, 12)) - 1]
    }

    /// German short form, `23.06.2025`.
    pub fn deutsch(&self) -> String {
        format!("{:02}.{:02}.{}", self.tag, self.monat, self.jahr)
    }

    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.jahr, self.monat, self.tag)
    }
}

impl Serialize for Datum {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso())
    }
}

impl<'de> Deserialize<'de> for Datum {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Datum::aus_text(&s).ok_or_else(|| {
            serde::de::Error::custom(format!("„{s}“ ist kein Datum der Form JJJJ-MM-TT"))
        })
    }
}

impl JsonSchema for Datum {
    fn schema_name() -> Cow<'static, str> {
        "Datum".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "Datum als JJJJ-MM-TT, z. B. 2025-06-23.",
            "type": "string",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datum_prueft_kalender() {
        assert_eq!(
            Datum::aus_text("2025-06-23").unwrap().deutsch(),
            "23.06.2025"
        );
        assert!(Datum::aus_text("2025-02-29").is_none());
        assert!(Datum::aus_text("23.06.2025").is_none());
    }
}

/// Das Impressum des Berichts.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Impressum {
    /// Die Anschrift des Herausgebers, Zeile für Zeile.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub anschrift: Vec<String>,
    /// E-Mail-Adresse für Anfragen zum Bericht.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"))]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub telefon: Option<String>,
    /// Internetadresse des Herausgebers (`https:` oder `http:`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = URL_MUSTER))]
    pub internet: Option<String>,
    /// ISBN, z. B. `978-3-00-012345-6`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub isbn: Option<String>,
    /// URN, z. B. `urn:nbn:de:0000-12345`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub urn: Option<String>,
}

/// Die Lizenz der offenen Daten.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Lizenz {
    /// Name der Lizenz, wie er auf der Website steht.
    pub name: String,
    /// Adresse des Lizenztextes (`https:`, `http:` oder `mailto:`).
    #[schemars(regex(pattern = URL_MUSTER))]
    pub url: String,
}
