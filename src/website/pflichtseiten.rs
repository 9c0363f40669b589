//! The pages a public body's website owes its readers: an explanation in
//! Leichte Sprache (with a note on Deutsche Gebärdensprache), the
//! Erklärung zur Barrierefreiheit, the Impressum and the Datenschutz, from
//! `report/website/angaben.yaml` and `leichte-sprache.txt`. A page whose
//! data are missing is not written; `site` names what is missing.

use super::html::{esc, link, liste, text};
use super::{Eingang, Seite};
use crate::model::Vereinbarkeit;

/// A footer entry: address and name, for the pages that exist.
pub fn fusszeile(d: &Eingang) -> Vec<(&'static str, &'static str)> {
    let a = d.angaben;
    let mut out = vec![(LEICHT, "Leichte Sprache")];
    if a.barrierefreiheit.is_some() {
        out.push((BARRIEREFREI, "Barrierefreiheit"));
    }
    if a.anbieter.is_some() {
        out.push((IMPRESSUM, "Impressum"));
        out.push((DATENSCHUTZ, "Datenschutz"));
    }
    out
}

pub const LEICHT: &str = "leichte-sprache.html";
pub const BARRIEREFREI: &str = "barrierefreiheit.html";
pub const IMPRESSUM: &str = "impressum.html";
pub const DATENSCHUTZ: &str = "datenschutz.html";

/// What the site lacks before a public body may put it online.
pub fn fehlend(a: &crate::model::Websiteangaben) -> Vec<String> {
    let datei = crate::projekt::Projektpfade::WEBSITE;
    let mut out = Vec::new();
    if a.anbieter.is_none() {
        out.push(format!(
            "{datei}/angaben.yaml nennt keinen Anbieter (`anbieter:` mit Name, Anschrift, E-Mail); \
             ohne ihn gibt es kein Impressum und keine Datenschutzerklärung, und eine öffentliche \
             Stelle darf die Website so nicht veröffentlichen"
        ));
    }
    if a.barrierefreiheit.is_none() {
        out.push(format!(
            "{datei}/angaben.yaml enthält keine Erklärung zur Barrierefreiheit \
             (`barrierefreiheit:` mit Stand, Datum, Methode, Kontakt und Schlichtungsstelle); \
             öffentliche Stellen müssen sie veröffentlichen (Richtlinie (EU) 2016/2102)"
        ));
    }
    out
}

fn absaetze(texte: &[String]) -> String {
    texte
        .iter()
        .map(|t| format!("<p>{}</p>", text(t)))
        .collect()
}

/// Leichte Sprache: the editable text, paragraphs split by blank lines, and
/// the note on Deutsche Gebärdensprache.
pub fn leichte_sprache(d: &Eingang) -> Seite {
    let teile: Vec<String> = d
        .leichte_sprache
        .split("\n\n")
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty())
        .collect();
    let h = format!(
        "{}<h2>Deutsche Gebärdensprache</h2><p>Informationen in Deutscher Gebärdensprache (DGS) \
         gibt es auf dieser Website noch nicht.</p>",
        absaetze(&teile)
    );
    Seite {
        pfad: LEICHT.into(),
        html: super::seiten::rahmen(d, "").seite("Leichte Sprache", None, &h, false),
    }
}

/// The Erklärung zur Barrierefreiheit, if its data are there.
pub fn barrierefreiheit(d: &Eingang) -> Option<Seite> {
    let b = d.angaben.barrierefreiheit.as_ref()?;
    let stand = match b.stand {
        Vereinbarkeit::Vereinbar => "mit den Anforderungen an die Barrierefreiheit vereinbar",
        Vereinbarkeit::TeilweiseVereinbar => {
            "wegen der folgenden Ausnahmen teilweise mit den Anforderungen an die \
             Barrierefreiheit vereinbar"
        }
        Vereinbarkeit::NichtVereinbar => {
            "nicht mit den Anforderungen an die Barrierefreiheit vereinbar"
        }
    };
    let mut maengel: Vec<String> = b.bekannte_maengel.iter().map(|m| text(m)).collect();
    maengel.push("Informationen in Deutscher Gebärdensprache gibt es noch nicht.".into());
    let h = format!(
        "<p>Die Website des KI-Katasters soll für alle gut nutzbar sein. Diese Erklärung gilt \
         für alle ihre Seiten und Dateien.</p>\
         <h2>Stand der Vereinbarkeit</h2><p>Die Website ist {stand}.</p>\
         <h2>Nicht barrierefreie Inhalte</h2>{}\
         <h2>Erstellung dieser Erklärung</h2><p>Erstellt am {}. Methode: {}</p>\
         <h2>Barrieren melden</h2><p>Ist Ihnen etwas aufgefallen, das Sie nicht nutzen können? \
         Schreiben Sie uns: {}.</p>\
         <h2>Schlichtungsverfahren</h2><p>Finden wir gemeinsam keine Lösung, können Sie sich an \
         die Schlichtungsstelle wenden: {}.</p>",
        liste(&maengel, ""),
        esc(&b.erstellt.deutsch()),
        text(&b.methode),
        link(&format!("mailto:{}", esc(&b.kontakt)), &esc(&b.kontakt)),
        if crate::model::sichere_url(&b.schlichtungsstelle.url) {
            link(&b.schlichtungsstelle.url, &text(&b.schlichtungsstelle.name))
        } else {
            text(&b.schlichtungsstelle.name)
        },
    );
    Some(Seite {
        pfad: BARRIEREFREI.into(),
        html: super::seiten::rahmen(d, "").seite("Erklärung zur Barrierefreiheit", None, &h, false),
    })
}

/// The Impressum, if the provider is named.
pub fn impressum(d: &Eingang) -> Option<Seite> {
    let a = d.angaben.anbieter.as_ref()?;
    let mut zeilen: Vec<String> = std::iter::once(&a.name)
        .chain(&a.anschrift)
        .map(|z| text(z))
        .collect();
    zeilen.push(format!(
        "E-Mail: {}",
        link(&format!("mailto:{}", esc(&a.email)), &esc(&a.email))
    ));
    if let Some(t) = &a.telefon {
        zeilen.push(format!("Telefon: {}", text(t)));
    }
    let mut h = format!("<h2>Anbieter</h2><p>{}</p>", zeilen.join("<br>"));
    if let Some(v) = &a.vertreten_durch {
        h.push_str(&format!("<p>Vertreten durch: {}</p>", text(v)));
    }
    h.push_str(
        "<h2>Inhalt</h2><p>Die Angaben der Projekte stammen aus der Umfrage der Arbeitsgruppe \
         „KI-Kataster“ unter den Landkreisen, so wie sie im Bericht veröffentlicht sind.</p>",
    );
    Some(Seite {
        pfad: IMPRESSUM.into(),
        html: super::seiten::rahmen(d, "").seite("Impressum", None, &h, false),
    })
}

/// The Datenschutz: what the site itself does (nothing to track) and the
/// provider's paragraphs.
pub fn datenschutz(d: &Eingang) -> Option<Seite> {
    let a = d.angaben.anbieter.as_ref()?;
    let h = format!(
        "<p>Verantwortlich: {}.</p>\
         <h2>Was diese Website selbst tut</h2><p>Die Website setzt keine Cookies, lädt nichts \
         von anderen Servern (keine Schriften, keine Skripte, keine Karten), enthält kein \
         Tracking und kein Formular, das Daten sendet. Die Suche in der Projektliste läuft nur in \
         Ihrem Browser.</p>{}",
        text(&a.name),
        if d.angaben.datenschutz.is_empty() {
            String::new()
        } else {
            format!("<h2>Beim Anbieter</h2>{}", absaetze(&d.angaben.datenschutz))
        }
    );
    Some(Seite {
        pfad: DATENSCHUTZ.into(),
        html: super::seiten::rahmen(d, "").seite("Datenschutz", None, &h, false),
    })
}
