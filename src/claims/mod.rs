//! Claims: numbers the prose states in words ("mehr als 40 Prozent",
//! "etwa ein Drittel", "zwei"), bound to a figure with a comparison. `check`
//! evaluates each one, honours acknowledged deviations and reports stale
//! acknowledgements; the lint finds numbers typed by hand.

pub mod abdeckung;
pub mod aussagen;
pub mod grenzen;
mod lint;
mod pruefung;
mod text;
pub mod worte;

pub use lint::{TypischerZahlfehler, pruefe_zahlen};
pub use pruefung::pruefe_edition;

use serde::Serialize;

use crate::diagnostics::Diagnose;
use crate::figures::{Einheit, Kennzahl, Kennzahlen};
use crate::model::{Abweichung, Edition};
use crate::templates::{Kapitel, Platzhalter, platzhalter};
pub use grenzen::Urteil;

/// The comparison a claim makes. What the vague words mean:
/// - `etwa` (about): within ±10 % of the stated value, relative;
/// - `rund` (roughly, rounded): the value rounded to the precision the
///   words state equals the stated value;
/// - `knapp` (just under): below the stated value, by at most 10 %;
/// - `mehr_als`/`weniger_als`: strictly above/below; `mindestens`/
///   `hoechstens`: at or above/below; `gleich`: exactly;
/// - `zwischen a b`: the value (for a range: both its ends) lies in [a, b].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Vergleich {
    Gleich,
    MehrAls,
    WenigerAls,
    Mindestens,
    Hoechstens,
    Etwa,
    Rund,
    Knapp,
    Zwischen,
}

/// Relative tolerance of `etwa` and `knapp`.
pub const TOLERANZ: f64 = 0.10;

impl Vergleich {
    pub const ALLE: &'static [(&'static str, Vergleich)] = &[
        ("gleich", Vergleich::Gleich),
        ("mehr_als", Vergleich::MehrAls),
        ("weniger_als", Vergleich::WenigerAls),
        ("mindestens", Vergleich::Mindestens),
        ("hoechstens", Vergleich::Hoechstens),
        ("etwa", Vergleich::Etwa),
        ("rund", Vergleich::Rund),
        ("knapp", Vergleich::Knapp),
        ("zwischen", Vergleich::Zwischen),
    ];

    pub fn aus_text(s: &str) -> Option<Vergleich> {
        Self::ALLE.iter().find(|(n, _)| *n == s).map(|(_, v)| *v)
    }

    pub fn name(self) -> &'static str {
        Self::ALLE
            .iter()
            .find(|(_, v)| *v == self)
            .map_or("", |(n, _)| n)
    }

    /// How the comparison reads in a report line, e.g. "mehr als 40 %".
    pub fn beschreibung(self, werte: &[f64], einheit: Einheit) -> String {
        let z = |i: usize| {
            werte.get(i).map_or(String::new(), |v| match einheit {
                Einheit::Anteil => format!("{} %", zahl_text((v * 1000.0).round() / 10.0)),
                _ => zahl_text(*v),
            })
        };
        match self {
            Vergleich::Gleich => format!("gleich {}", z(0)),
            Vergleich::MehrAls => format!("mehr als {}", z(0)),
            Vergleich::WenigerAls => format!("weniger als {}", z(0)),
            Vergleich::Mindestens => format!("mindestens {}", z(0)),
            Vergleich::Hoechstens => format!("höchstens {}", z(0)),
            Vergleich::Etwa => format!("etwa {} (±10 %)", z(0)),
            Vergleich::Rund => format!("gerundet {}", z(0)),
            Vergleich::Knapp => format!("knapp unter {}", z(0)),
            Vergleich::Zwischen => format!("zwischen {} und {}", z(0), z(1)),
        }
    }
}

fn zahl_text(v: f64) -> String {
    let s = format!("{v}");
    s.replace('.', ",")
}

/// Decimal places a stated value has (0.49 → 2, 5 → 0).
fn stellen(v: f64) -> i32 {
    let s = format!("{v}");
    s.split_once('.').map_or(0, |(_, b)| b.len() as i32)
}

fn gerundet(x: f64, stellen: i32) -> f64 {
    let f = 10f64.powi(stellen);
    (x * f).round() / f
}

/// Whether `k` satisfies the comparison with the stated values.
pub fn gilt(k: &Kennzahl, vergleich: Vergleich, werte: &[f64]) -> bool {
    let x = k.wert;
    let v = werte.first().copied().unwrap_or(f64::NAN);
    const EPS: f64 = 1e-9;
    match vergleich {
        Vergleich::Gleich => (x - v).abs() < EPS && k.bis.is_none_or(|b| (b - v).abs() < EPS),
        Vergleich::MehrAls => x > v + EPS,
        Vergleich::WenigerAls => x < v - EPS,
        Vergleich::Mindestens => x >= v - EPS,
        Vergleich::Hoechstens => x <= v + EPS,
        Vergleich::Etwa => (x - v).abs() <= TOLERANZ * v.abs() + EPS,
        Vergleich::Rund => (gerundet(x, stellen(v)) - v).abs() < EPS,
        Vergleich::Knapp => x < v - EPS && x >= v * (1.0 - TOLERANZ) - EPS,
        Vergleich::Zwischen => {
            let b = werte.get(1).copied().unwrap_or(f64::NAN);
            let p = stellen(v).max(stellen(b));
            let lo = gerundet(x, p);
            let hi = gerundet(k.bis.unwrap_or(x), p);
            lo >= v - EPS && hi <= b + EPS
        }
    }
}

/// The verdict of a claim: exact comparisons hold or not; `etwa` is a
/// vague word with a borderline band (its range in the edition, as text).
fn urteil(
    k: &Kennzahl,
    vergleich: Vergleich,
    werte: &[f64],
    e: &Edition,
) -> (Urteil, Option<String>) {
    let Some(wort) = grenzen::wort("etwa").filter(|_| vergleich == Vergleich::Etwa) else {
        return (Urteil::aus(gilt(k, vergleich, werte)), None);
    };
    let m = grenzen::masstab(wort, e);
    let v = werte.first().copied().unwrap_or(f64::NAN);
    let abweichung = if v == 0.0 {
        if k.wert == 0.0 { 0.0 } else { f64::INFINITY }
    } else {
        (k.wert - v).abs() / v.abs()
    };
    (
        m.grenzen.urteil(abweichung),
        Some(format!("Abweichung {}", m.text())),
    )
}

/// Outcome of one claim.
#[derive(Debug, Clone, Serialize)]
pub struct Ergebnis {
    pub id: String,
    /// The anchor of the claim in the appendix "Zahlennachweis".
    pub anker: String,
    pub datei: String,
    pub zeile: usize,
    pub wortlaut: String,
    pub kennzahl: String,
    pub definition: String,
    pub vergleich: String,
    pub berechnet: String,
    /// `stimmt`, `grenzwertig` or `verletzt`.
    pub urteil: Urteil,
    /// Passes: `stimmt` or `grenzwertig`.
    pub gilt: bool,
    /// For a vague word: its range, e.g. "stimmt ab 58,5 %, grenzwertig
    /// über 50 %".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grenzbereich: Option<String>,
    pub anerkannt: bool,
    /// Reason of the acknowledgement, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub begruendung: Option<String>,
    /// An acknowledgement carried over from this edition and not yet
    /// confirmed for this one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zu_bestaetigen: Option<String>,
    /// `abweichungen.yaml` has an entry for it (fitting or stale).
    #[serde(skip)]
    pub eingetragen: bool,
    /// What its figure or statement counts (evidence on the website).
    #[serde(skip)]
    pub belege: Vec<crate::figures::Beleg>,
}

impl Ergebnis {
    /// The claim as the appendix "Zahlennachweis" reads it (contract).
    pub fn nachweis(&self) -> crate::vertrag::Nachweis {
        crate::vertrag::Nachweis {
            id: self.id.clone(),
            anker: self.anker.clone(),
            datei: self.datei.clone(),
            zeile: self.zeile,
            wortlaut: self.wortlaut.clone(),
            kennzahl: self.kennzahl.clone(),
            definition: self.definition.clone(),
            vergleich: self.vergleich.clone(),
            berechnet: self.berechnet.clone(),
            urteil: match self.urteil {
                Urteil::Stimmt => "stimmt",
                Urteil::Grenzwertig => "grenzwertig",
                Urteil::Verletzt => "verletzt",
            }
            .to_owned(),
            gilt: self.gilt,
            grenzbereich: self.grenzbereich.clone(),
            anerkannt: self.anerkannt,
            begruendung: self.begruendung.clone(),
            zu_bestaetigen: self.zu_bestaetigen.clone(),
        }
    }
}

/// Everything `check` found about the prose.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Pruefbericht {
    pub behauptungen: Vec<Ergebnis>,
    /// Acknowledgements that no longer fit (claim holds, value changed, gone).
    pub veraltet: Vec<String>,
    /// Placeholders that are malformed (unknown comparison, missing values).
    #[serde(skip)]
    pub fehler: Vec<Diagnose>,
    /// Numbers typed by hand next to a counted noun.
    pub zahlen: Vec<TypischerZahlfehler>,
    /// The edition's own ranges of vague words, with their reasons.
    pub eigene_grenzen: Vec<String>,
    /// How much of the text is checked, marked or neither.
    pub abdeckung: abdeckung::Abdeckung,
}

impl Pruefbericht {
    pub fn fehlgeschlagen(&self) -> impl Iterator<Item = &Ergebnis> {
        self.behauptungen.iter().filter(|e| !e.gilt && !e.anerkannt)
    }
    pub fn grenzwertig(&self) -> impl Iterator<Item = &Ergebnis> {
        self.behauptungen
            .iter()
            .filter(|e| e.urteil == Urteil::Grenzwertig)
    }
    pub fn anerkannt(&self) -> impl Iterator<Item = &Ergebnis> {
        self.behauptungen.iter().filter(|e| !e.gilt && e.anerkannt)
    }
    pub fn bestanden(&self) -> bool {
        self.fehlgeschlagen().next().is_none()
            && self.veraltet.is_empty()
            && self.fehler.is_empty()
            && self.zahlen.is_empty()
    }
}

/// Words compared without regard to the kind and amount of white space
/// (narrow and no-break spaces included), so that editors can type them.
fn normalisiert(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || c == '\u{202f}' || c == '\u{a0}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A claim placeholder read into its parts, or a diagnostic why not.
fn lies(p: &Platzhalter) -> Result<(String, Vergleich, Vec<f64>), Diagnose> {
    let name = p.name().unwrap_or_default().to_owned();
    let vergleich_text = p
        .parameter
        .get(1)
        .and_then(|v| v.as_str())
        .unwrap_or_default();
    let Some(vergleich) = Vergleich::aus_text(vergleich_text) else {
        let namen: Vec<&str> = Vergleich::ALLE.iter().map(|(n, _)| *n).collect();
        let d = p.diagnose(format!("unbekannter Vergleich „{vergleich_text}“"));
        return Err(
            match crate::diagnostics::vorschlag(vergleich_text, namen.iter().copied()) {
                Some(v) => d.hilfe(format!("meinten Sie „{v}“?")),
                None => d.hilfe(format!("Erlaubt: {}", namen.join(", "))),
            },
        );
    };
    let werte: Vec<f64> = p
        .parameter
        .iter()
        .skip(2)
        .filter_map(|v| v.as_f64())
        .collect();
    let noetig = if vergleich == Vergleich::Zwischen {
        2
    } else {
        1
    };
    if werte.len() != noetig || p.parameter.len() != 2 + noetig {
        return Err(p
            .diagnose(format!(
                "„{}“ braucht {noetig} Zahl(en) mit Dezimalpunkt, z. B. 0.4",
                vergleich.name()
            ))
            .hilfe("Beispiel: {{#behauptung \"anteil_rpa\" \"mehr_als\" 0.4}}mehr als 40 Prozent{{/behauptung}}"));
    }
    Ok((name, vergleich, werte))
}

/// Evaluates every claim of the chapters against the figures.
pub fn pruefe(kapitel: &[Kapitel], edition: &Edition, kennzahlen: &Kennzahlen) -> Pruefbericht {
    let abweichungen = &edition.abweichungen;
    let mut bericht = Pruefbericht::default();
    let mut benutzt = vec![false; abweichungen.len()];
    for k in kapitel {
        for (i, p) in platzhalter(k)
            .into_iter()
            .filter(|p| p.helfer == "behauptung" || p.helfer == "aussage")
            .enumerate()
        {
            let befund = if p.helfer == "aussage" {
                aussage(k, &p, edition, kennzahlen).map(Some)
            } else {
                ergebnis(k, &p, edition, kennzahlen)
            };
            let mut e = match befund {
                Ok(Some(e)) => e,
                Ok(None) => continue,
                Err(d) => {
                    bericht.fehler.push(d);
                    continue;
                }
            };
            e.anker = crate::templates::helfer::anker(&k.name, i + 1);
            let passend = abweichungen.iter().position(|a| {
                a.kapitel == k.name
                    && a.kennzahl == e.kennzahl
                    && normalisiert(&a.wortlaut) == e.wortlaut
            });
            if let Some(i) = passend {
                benutzt[i] = true;
                e.eingetragen = true;
                bericht
                    .veraltet
                    .extend(anerkennen(&mut e, &abweichungen[i]));
            }
            bericht.behauptungen.push(e);
        }
    }
    for (a, b) in abweichungen.iter().zip(benutzt) {
        if !b {
            bericht.veraltet.push(format!(
                "abweichungen.yaml: keine Aussage „{}“ ({}) in {} – der Eintrag ist veraltet.",
                a.wortlaut, a.kennzahl, a.kapitel
            ));
        }
    }
    bericht
}

/// A statement of [`aussagen::ARTEN`] decided on the data (not yet against
/// the acknowledgements); an error when its words do not say what it says.
fn aussage(
    k: &Kapitel,
    p: &Platzhalter,
    edition: &Edition,
    kennzahlen: &Kennzahlen,
) -> Result<Ergebnis, Diagnose> {
    let b = aussagen::entscheiden(p, edition, kennzahlen)?;
    let wortlaut = normalisiert(&p.wortlaut);
    b.worte_pruefen(&wortlaut).map_err(|m| {
        p.diagnose(m).hilfe(
            "Worte und Aussage müssen dasselbe sagen: Wählen Sie die Art, die die Worte meinen. \
             Stimmt die Aussage nicht mit den Daten überein, erkennen Sie sie in \
             abweichungen.yaml an.",
        )
    })?;
    let kurz = k.name.trim_end_matches(".typ.hbs");
    Ok(Ergebnis {
        id: format!("{kurz}:{}:{}", p.zeile, p.name().unwrap_or_default()),
        anker: String::new(),
        datei: p.pfad.display().to_string(),
        zeile: p.zeile,
        wortlaut,
        kennzahl: b.schluessel,
        definition: b.definition,
        vergleich: b.behauptet,
        berechnet: b.berechnet,
        urteil: b.urteil,
        gilt: b.urteil.besteht(),
        grenzbereich: b.grenzbereich,
        anerkannt: false,
        begruendung: None,
        zu_bestaetigen: None,
        eingetragen: false,
        belege: b.belege,
    })
}

/// One claim checked against its figure (not yet against the
/// acknowledgements); `None` for an unknown figure (reported by
/// `templates::pruefe_platzhalter`), an error when its words do not say
/// what its comparison says.
fn ergebnis(
    k: &Kapitel,
    p: &Platzhalter,
    edition: &Edition,
    kennzahlen: &Kennzahlen,
) -> Result<Option<Ergebnis>, Diagnose> {
    let (name, vergleich, werte) = lies(p)?;
    let Some(kz) = kennzahlen.get(&name) else {
        return Ok(None);
    };
    let wortlaut = normalisiert(&p.wortlaut);
    if let Err(m) = worte::pruefe(&wortlaut, kz, vergleich, &werte) {
        return Err(p.diagnose(m).hilfe(
            "Worte und Vergleich müssen dasselbe sagen: Passen Sie den Wert im \
             Platzhalter an die Worte an (Anteile als Bruch, 40 Prozent = 0.4). Stimmt \
             die Aussage nicht mit den Daten überein, erkennen Sie sie in \
             abweichungen.yaml an.",
        ));
    }
    let kurz = k.name.trim_end_matches(".typ.hbs");
    let (urteil, grenzbereich) = urteil(kz, vergleich, &werte, edition);
    Ok(Some(Ergebnis {
        id: format!("{kurz}:{}:{name}", p.zeile),
        anker: String::new(),
        datei: p.pfad.display().to_string(),
        zeile: p.zeile,
        wortlaut,
        definition: kz.definition.clone(),
        vergleich: vergleich.beschreibung(&werte, kz.einheit),
        berechnet: kz.text_genau(),
        urteil,
        gilt: urteil.besteht(),
        grenzbereich,
        kennzahl: name,
        anerkannt: false,
        begruendung: None,
        zu_bestaetigen: None,
        eingetragen: false,
        belege: kz.belege.clone(),
    }))
}

/// Applies the acknowledgement `a` that names claim `e`: it holds only while
/// the claim is violated with the claimed comparison and the computed value
/// it records; otherwise it is stale, and the reason is returned.
fn anerkennen(e: &mut Ergebnis, a: &Abweichung) -> Option<String> {
    let ort = format!("{}:{}: „{}“ ({})", e.datei, e.zeile, e.wortlaut, e.kennzahl);
    if e.gilt {
        Some(format!(
            "{ort} ist als Abweichung anerkannt, gilt aber inzwischen (berechnet {}). \
             Entfernen Sie den Eintrag aus abweichungen.yaml.",
            e.berechnet
        ))
    } else if normalisiert(&a.behauptet) != normalisiert(&e.vergleich) {
        Some(format!(
            "{ort}: anerkannt wurde die Behauptung „{}“, jetzt steht „{}“. Prüfen Sie die \
             Aussage und tragen Sie sie neu ein.",
            a.behauptet, e.vergleich
        ))
    } else if normalisiert(&a.berechnet) != normalisiert(&e.berechnet) {
        Some(format!(
            "{ort}: anerkannt wurde der Wert {}, berechnet wird jetzt {}. Prüfen Sie die \
             Aussage und tragen Sie den neuen Wert ein.",
            a.berechnet, e.berechnet
        ))
    } else {
        e.anerkannt = true;
        e.begruendung = Some(a.begruendung.clone());
        e.zu_bestaetigen = a.uebernommen_aus.clone();
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(wert: f64) -> Kennzahl {
        Kennzahl {
            name: "x".into(),
            titel: String::new(),
            definition: String::new(),
            einheit: Einheit::Anteil,
            wert,
            bis: None,
            zaehler: None,
            nenner: None,
            belege: Vec::new(),
        }
    }

    #[test]
    fn vergleiche_bedeuten_was_dokumentiert_ist() {
        assert!(gilt(&k(0.486), Vergleich::Etwa, &[0.49]));
        assert!(gilt(&k(0.486), Vergleich::Rund, &[0.49]));
        assert!(!gilt(&k(0.514), Vergleich::Rund, &[0.49]));
        assert!(gilt(&k(0.526), Vergleich::Rund, &[0.5]));
        assert!(!gilt(&k(0.556), Vergleich::Rund, &[0.5]));
        assert!(!gilt(&k(0.386), Vergleich::MehrAls, &[0.4]));
        assert!(gilt(&k(0.42), Vergleich::MehrAls, &[0.4]));
        assert!(gilt(&k(0.47), Vergleich::Knapp, &[0.5]));
        assert!(!gilt(&k(0.5), Vergleich::Knapp, &[0.5]));
        assert!(!gilt(&k(0.30), Vergleich::Knapp, &[0.5]));
        assert!(!gilt(&k(5.61), Vergleich::Etwa, &[5.0]));
        assert!(gilt(&k(5.3), Vergleich::Etwa, &[5.0]));
        let mut spanne = k(0.1);
        spanne.bis = Some(0.5);
        assert!(!gilt(&spanne, Vergleich::Zwischen, &[0.2, 0.5]));
        spanne.wert = 0.2;
        assert!(gilt(&spanne, Vergleich::Zwischen, &[0.2, 0.5]));
    }
}
