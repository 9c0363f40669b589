//! The chapter-template helpers, one file each, and [`HELFER`], the one
//! table that names them: rendering registers from it, the placeholder check
//! knows the valid names from it, and [`uebersicht`] lists it for the help.

mod behauptung;
pub use behauptung::anker;
mod ohne_daten;
mod quelle;
mod sprache;
mod termine;
mod zahl;

pub use sprache::gueltig as sprachcode_gueltig;
pub use termine::{sitzungstermine, umfragezeitraum};

use handlebars::{
    Context, Handlebars, Helper, HelperDef, HelperResult, Output, RenderContext, RenderErrorReason,
    Renderable,
};

use super::Modus;
use crate::figures::Kennzahlen;
use crate::model::EditionMeta;

/// What a helper is built from when a chapter is rendered.
#[derive(Clone)]
pub struct Umgebung<'a> {
    pub kennzahlen: &'a Kennzahlen,
    pub meta: &'a EditionMeta,
    pub modus: Modus,
    /// Whether `sprache` tags its passage (else prints it unchanged).
    pub sprachen: bool,
    /// Claims filled so far per chapter template, shared by `behauptung`
    /// and `aussage` (their anchors in the appendix "Zahlennachweis").
    pub anker: std::sync::Arc<std::sync::Mutex<std::collections::HashMap<String, usize>>>,
}

/// A built helper, ready for registration.
pub type Gebaut<'a> = Box<dyn HelperDef + Send + Sync + 'a>;

/// What the first parameter of a placeholder names; `check` looks it up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bezug {
    /// A figure (`kataster-report figures` lists them).
    Kennzahl,
    /// A source in `quellen.yaml`.
    Quelle,
    /// A statement kind (`claims::aussagen` checks its parameters).
    Aussage,
    /// A language code (ISO 639-1).
    Sprache,
    /// A reason in words (`ohne_daten`).
    Grund,
    /// Nothing: the helper takes no parameter.
    Keiner,
}

/// One helper of the chapter templates.
pub struct Helfer {
    /// The name written in the template, e.g. `zahl`.
    pub name: &'static str,
    /// What it does, in German, for the editors' help.
    pub beschreibung: &'static str,
    /// How it is written, in German, for the editors' help.
    pub beispiel: &'static str,
    /// What its first parameter names.
    pub bezug: Bezug,
    /// Builds the helper for one rendering.
    bauen: for<'a> fn(&Umgebung<'a>) -> Gebaut<'a>,
}

/// Every helper the chapter templates may use, in the order of the help.
pub const HELFER: &[Helfer] = &[
    Helfer {
        name: "zahl",
        beschreibung: "berechnete Kennzahl in deutscher Schreibweise, z. B. „101“; \
                       stellen=N rundet auf N Nachkommastellen",
        beispiel: "{{zahl \"projekte_gesamt\"}}",
        bezug: Bezug::Kennzahl,
        bauen: zahl::bauen,
    },
    Helfer {
        name: "prozent",
        beschreibung: "berechneter Anteil in Prozent, z. B. „49 %“; \
                       stellen=N rundet auf N Nachkommastellen",
        beispiel: "{{prozent \"abdeckung\"}}",
        bezug: Bezug::Kennzahl,
        bauen: zahl::bauen,
    },
    Helfer {
        name: "wort",
        beschreibung: "berechnete Kennzahl als Zahlwort, z. B. „zwei“",
        beispiel: "{{wort \"ki_strategie\"}}",
        bezug: Bezug::Kennzahl,
        bauen: zahl::bauen,
    },
    Helfer {
        name: "behauptung",
        beschreibung: "druckt die Worte im Block unverändert und bindet sie an eine Kennzahl; \
                       check vergleicht die Kennzahl mit dem Wert",
        beispiel: "{{#behauptung \"anteil_rpa\" \"mehr_als\" 0.4}}mehr als 40 Prozent{{/behauptung}}",
        bezug: Bezug::Kennzahl,
        bauen: behauptung::bauen,
    },
    Helfer {
        name: "aussage",
        beschreibung: "druckt die Worte im Block unverändert und bindet sie an eine Aussage über \
                       die Daten (Rang, Vergleich, führende Antworten, Verbreitung, Anteil, \
                       Häufigkeitswort); check entscheidet sie",
        beispiel: "{{#aussage \"seltener_als\" \"anteil_voicebot\" \"anteil_chatbot\"}}seltener{{/aussage}}",
        bezug: Bezug::Aussage,
        bauen: behauptung::bauen,
    },
    Helfer {
        name: "ohne_daten",
        beschreibung: "kennzeichnet eine Stelle, die die Daten nicht entscheiden können (kein \
                       Feld dafür, eine Deutung, eine Prognose), mit dem Grund; gedruckt wird \
                       sie unverändert, check zählt und listet sie",
        beispiel: "{{#ohne_daten \"kein Feld für Herausforderungen\"}}Viele Landkreise nennen \
                   den Datenschutz.{{/ohne_daten}}",
        bezug: Bezug::Grund,
        bauen: ohne_daten::bauen,
    },
    Helfer {
        name: "quelle",
        beschreibung: "Fußnote aus quellen.yaml, URL anklickbar",
        beispiel: "{{quelle \"ki-vo-definition\"}}",
        bezug: Bezug::Quelle,
        bauen: quelle::bauen,
    },
    Helfer {
        name: "sprache",
        beschreibung: "zeichnet eine Stelle in einer anderen Sprache aus (Sprachcode nach \
                       ISO 639-1), damit ein Screenreader sie richtig vorliest; gedruckt \
                       wird sie unverändert",
        beispiel: "{{#sprache \"en\"}}Weak AI{{/sprache}}",
        bezug: Bezug::Sprache,
        bauen: sprache::bauen,
    },
    Helfer {
        name: "umfragezeitraum",
        beschreibung: "Zeitraum der Umfrage aus edition.yaml, z. B. „vom 7. bis zum 31. März 2025“",
        beispiel: "{{umfragezeitraum}}",
        bezug: Bezug::Keiner,
        bauen: termine::umfragezeitraum_bauen,
    },
    Helfer {
        name: "sitzungstermine",
        beschreibung: "Sitzungstermine aus edition.yaml, \
                       z. B. „am 4. Februar, 15. April und 22. Mai 2025“",
        beispiel: "{{sitzungstermine}}",
        bezug: Bezug::Keiner,
        bauen: termine::sitzungstermine_bauen,
    },
];

/// The helper of this name, if there is one.
pub fn finde(name: &str) -> Option<&'static Helfer> {
    HELFER.iter().find(|h| h.name == name)
}

/// The names of all helpers, in the table's order.
pub fn namen() -> impl Iterator<Item = &'static str> {
    HELFER.iter().map(|h| h.name)
}

/// "Erlaubt sind zahl, prozent, … und sitzungstermine."
pub fn erlaubt() -> String {
    format!(
        "Erlaubt sind {}.",
        aufzaehlung(&namen().map(str::to_owned).collect::<Vec<_>>())
    )
}

/// Every helper with its German description, for the help: the way it is
/// written, then indented what it does.
pub fn uebersicht() -> String {
    HELFER
        .iter()
        .map(|h| format!("{}\n    {}\n", h.beispiel, h.beschreibung))
        .collect()
}

/// Registers every helper of [`HELFER`].
pub fn registrieren<'a>(hb: &mut Handlebars<'a>, u: &Umgebung<'a>) {
    for h in HELFER {
        hb.register_helper(h.name, (h.bauen)(u));
    }
}

/// What a helper prints at its place.
enum Ausgabe {
    /// This text (already escaped for Typst).
    Text(String),
    /// Its block, rendered unchanged.
    Block,
    /// Its block between two texts (Typst code written by the program).
    Umhuellt(String, String),
}

/// A helper: what it prints for one placeholder.
trait Druck: Send + Sync {
    /// `vorlage`: the name of the chapter template being filled.
    fn drucke(&self, h: &Helper<'_>, vorlage: &str) -> Result<Ausgabe, RenderErrorReason>;
}

/// Makes a [`Druck`] a handlebars helper.
struct Anbindung<T>(T);

impl<T: Druck> HelperDef for Anbindung<T> {
    fn call<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        r: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        rc: &mut RenderContext<'reg, 'rc>,
        out: &mut dyn Output,
    ) -> HelperResult {
        let vorlage = rc.get_root_template_name().cloned().unwrap_or_default();
        match self.0.drucke(h, &vorlage)? {
            Ausgabe::Text(t) => out.write(&t)?,
            Ausgabe::Block => {
                if let Some(t) = h.template() {
                    t.render(r, ctx, rc, out)?;
                }
            }
            Ausgabe::Umhuellt(vorher, nachher) => {
                out.write(&vorher)?;
                if let Some(t) = h.template() {
                    t.render(r, ctx, rc, out)?;
                }
                out.write(&nachher)?;
            }
        }
        Ok(())
    }
}

/// Builds the handlebars helper of a [`Druck`].
fn anbinden<'a>(druck: impl Druck + 'a) -> Gebaut<'a> {
    Box::new(Anbindung(druck))
}

/// The first parameter as text; `helfer` names the helper in the error.
fn erster_parameter<'h>(
    h: &'h Helper<'_>,
    helfer: &'static str,
) -> Result<&'h str, RenderErrorReason> {
    h.param(0)
        .and_then(|p| p.value().as_str())
        .ok_or(RenderErrorReason::ParamNotFoundForIndex(helfer, 0))
}

/// "a, b und c" (German enumeration).
fn aufzaehlung(teile: &[String]) -> String {
    match teile.split_last() {
        Some((letzter, rest)) if !rest.is_empty() => format!("{} und {letzter}", rest.join(", ")),
        Some((letzter, _)) => letzter.clone(),
        None => String::new(),
    }
}

#[cfg(test)]
pub(super) mod tests {
    use std::path::Path;

    use super::*;
    use crate::figures::{Einheit, Kennzahl};
    use crate::model::Quelle;
    use crate::templates::{Kapitel, platzhalter, pruefe_platzhalter, rendern, vorlage_lesen};

    /// Metadata of a test edition.
    pub(crate) fn meta() -> EditionMeta {
        serde_json::from_value(serde_json::json!({
            "titel": "", "untertitel": "", "reihe": "", "monat": 6, "jahr": 2025,
            "herausgeber": "", "herausgeber_kurz": "", "layout": "t", "historie": [], "mitwirkende": [],
            "umfrage": {"beginn": "2025-03-07", "ende": "2025-03-31"},
            "sitzungen": ["2025-05-22", "2025-02-04", "2025-04-15"],
            "landkreise_niedersachsen": 37, "bildnachweise": []
        }))
        .expect("Metadaten")
    }

    fn kapitel(text: &str) -> Kapitel {
        vorlage_lesen("t.typ.hbs", Path::new("t.typ.hbs"), text.into()).expect("Testvorlage")
    }

    /// The figures and sources a template names, as the placeholder check
    /// would find them in a complete edition.
    fn benannt(k: &Kapitel) -> (Kennzahlen, Vec<Quelle>) {
        let mut kennzahlen = Kennzahlen::default();
        let mut quellen = Vec::new();
        for p in platzhalter(k) {
            let name = p.name().unwrap_or_default().to_owned();
            match finde(&p.helfer).map(|h| h.bezug) {
                Some(Bezug::Kennzahl) => kennzahlen.liste.push(Kennzahl {
                    name,
                    titel: String::new(),
                    definition: String::new(),
                    einheit: Einheit::Anzahl,
                    wert: 2.0,
                    bis: None,
                    zaehler: None,
                    nenner: None,
                    belege: Vec::new(),
                }),
                Some(Bezug::Quelle) => quellen.push(Quelle {
                    id: name,
                    text: String::new(),
                    url: None,
                }),
                Some(Bezug::Keiner | Bezug::Aussage | Bezug::Sprache | Bezug::Grund) | None => {}
            }
        }
        (kennzahlen, quellen)
    }

    /// Rendering and the placeholder check read the same table: every helper
    /// in it renders in both modes and passes the check.
    #[test]
    fn jeder_helfer_rendert_und_besteht_die_pruefung() {
        let meta = meta();
        for (i, h) in HELFER.iter().enumerate() {
            assert!(
                HELFER[..i].iter().all(|v| v.name != h.name),
                "{} steht zweimal in der Tabelle",
                h.name
            );
            let k = kapitel(h.beispiel);
            let p = platzhalter(&k);
            assert_eq!(p.len(), 1, "Beispiel von {}: {p:?}", h.name);
            assert_eq!(p[0].helfer, h.name, "Beispiel von {}", h.name);
            let (kennzahlen, quellen) = benannt(&k);
            let befunde = pruefe_platzhalter(std::slice::from_ref(&k), &kennzahlen, &quellen);
            assert!(befunde.is_empty(), "{}: {befunde:?}", h.name);
            for modus in [Modus::Bericht, Modus::Pruefung] {
                let text = rendern(std::slice::from_ref(&k), &kennzahlen, &meta, modus, true)
                    .unwrap_or_else(|e| panic!("{} ({modus:?}): {e:?}", h.name));
                assert!(!text[0].1.is_empty(), "{} ({modus:?}) ist leer", h.name);
            }
        }
    }

    /// A helper outside the table fails in both: rendering and the check.
    #[test]
    fn unbekannter_helfer_wird_gemeldet() {
        let meta = meta();
        let kennzahlen = Kennzahlen::default();
        for (text, hilfe) in [
            ("{{zahll \"x\"}}", "meinten Sie „zahl“?".to_owned()),
            ("{{gibtesnicht}}", erlaubt()),
        ] {
            let k = kapitel(text);
            let befunde = pruefe_platzhalter(std::slice::from_ref(&k), &kennzahlen, &[]);
            assert_eq!(befunde.len(), 1, "{text}: {befunde:?}");
            assert!(
                befunde[0].meldung.starts_with("unbekannter Platzhalter"),
                "{befunde:?}"
            );
            assert_eq!(befunde[0].erste_hilfe(), Some(hilfe.as_str()));
            for modus in [Modus::Bericht, Modus::Pruefung] {
                assert!(
                    rendern(std::slice::from_ref(&k), &kennzahlen, &meta, modus, true).is_err()
                );
            }
        }
    }

    #[test]
    fn uebersicht_nennt_jeden_helfer() {
        let u = uebersicht();
        assert_eq!(u.lines().count(), 2 * HELFER.len());
        for h in HELFER {
            assert!(u.contains(h.beispiel) && u.contains(h.beschreibung), "{u}");
        }
        assert_eq!(
            erlaubt(),
            "Erlaubt sind zahl, prozent, wort, behauptung, aussage, ohne_daten, quelle, sprache, \
             umfragezeitraum und sitzungstermine."
        );
    }
}
