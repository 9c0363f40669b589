//! What `check` says about the website and its open data (so far: a missing
//! licence), and which of it the editors acknowledged in `abweichungen.yaml`
//! under `website:`. An open finding fails `check`, an acknowledged one is
//! listed, an acknowledgement of a finding that no longer exists is stale and
//! fails `check` until it is removed. `build` is not affected.

use crate::model::{Edition, WebsiteBefund};
use crate::projekt::Projektpfade;

/// The findings of an edition's website.
#[derive(Debug, Default, Clone, PartialEq, serde::Serialize)]
pub struct Websitebefunde {
    /// Findings no one acknowledged: `check` fails.
    pub offen: Vec<String>,
    /// Acknowledged findings with their reasons (and the edition they were
    /// taken over from, to be confirmed).
    pub anerkannt: Vec<(String, String, Option<String>)>,
    /// Acknowledgements of findings that are gone: `check` fails.
    pub veraltet: Vec<String>,
}

impl Websitebefunde {
    pub fn bestanden(&self) -> bool {
        self.offen.is_empty() && self.veraltet.is_empty()
    }

    /// The findings as `check` prints them (empty when there are none).
    pub fn text(&self) -> String {
        let mut s = String::new();
        if !self.offen.is_empty() || !self.veraltet.is_empty() {
            s.push_str("\nBefunde zur Website:\n");
            for b in self.offen.iter().chain(&self.veraltet) {
                s.push_str(&format!("  {b}\n"));
            }
        }
        if !self.anerkannt.is_empty() {
            s.push_str("\nAnerkannte Befunde zur Website (Prüfung besteht):\n");
            for (b, grund, aus) in &self.anerkannt {
                let zu = aus
                    .as_ref()
                    .map(|a| format!(" – übernommen aus Ausgabe {a}, bitte bestätigen"))
                    .unwrap_or_default();
                s.push_str(&format!("  {b}\n    Begründung: {grund}{zu}\n"));
            }
        }
        s
    }
}

fn beschreibung(b: WebsiteBefund, e: &Edition) -> String {
    let datei = Projektpfade::ausgabedatei(&e.id, "edition.yaml");
    match b {
        WebsiteBefund::LizenzFehlt => format!(
            "{}: keine Lizenz der offenen Daten (`lizenz: {{name: …, url: …}}`, z. B. \
             Datenlizenz Deutschland); ohne sie darf niemand die Daten sicher weiterverwenden \
             und kein Datenportal sie aufnehmen",
            datei.display()
        ),
    }
}

/// The website's findings for edition `e`.
pub fn pruefen(e: &Edition) -> Websitebefunde {
    let mut b = Websitebefunde::default();
    let vorhanden = |w: WebsiteBefund| match w {
        WebsiteBefund::LizenzFehlt => e.meta.lizenz.is_none(),
    };
    let anerkennung = |w: WebsiteBefund| e.website_abweichungen.iter().find(|a| a.befund == w);
    for w in [WebsiteBefund::LizenzFehlt] {
        match (vorhanden(w), anerkennung(w)) {
            (true, None) => b.offen.push(format!(
                "{} – beheben oder in abweichungen.yaml anerkennen: \
                 `website: [{{befund: lizenz_fehlt, begruendung: …}}]`",
                beschreibung(w, e)
            )),
            (true, Some(a)) => b.anerkannt.push((
                beschreibung(w, e),
                a.begruendung.clone(),
                a.uebernommen_aus.clone(),
            )),
            (false, Some(_)) => b.veraltet.push(format!(
                "{}: die Anerkennung „lizenz_fehlt“ ist veraltet – edition.yaml nennt eine Lizenz; \
                 bitte den Eintrag unter `website:` löschen",
                Projektpfade::ausgabedatei(&e.id, "abweichungen.yaml").display()
            )),
            (false, None) => {}
        }
    }
    b
}
