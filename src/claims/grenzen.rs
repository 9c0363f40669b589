//! Calibrated verdicts for the vague words of the text. Each word has a core
//! range where it clearly holds (`stimmt`), a borderline band next to it
//! (`grenzwertig`: shown, but the check passes) and the rest (`verletzt`).
//! The defaults come from published studies of how readers understand the
//! words (README, "Vage Wörter"), the same for every sentence; an edition
//! may set its own range for a word in `kennzahlen.yaml` (`worte:`), with a
//! reason that `check` prints.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::diagnostics::{Diagnose, vorschlag};
use crate::figures::format::dezimal;
use crate::load::{Datei, Orter};
use crate::model::{Edition, WortGrenze};

/// What `check` says about one statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Urteil {
    Stimmt,
    /// In the borderline band of a vague word: shown, does not fail.
    Grenzwertig,
    Verletzt,
}

impl Urteil {
    /// Whether the statement passes (`stimmt` or `grenzwertig`).
    pub fn besteht(self) -> bool {
        self != Urteil::Verletzt
    }

    /// `stimmt` for a comparison that is not vague.
    pub fn aus(gilt: bool) -> Urteil {
        if gilt {
            Urteil::Stimmt
        } else {
            Urteil::Verletzt
        }
    }
}

/// Which way a word's range goes: "at least" words (die meisten, häufig)
/// hold from a share up, "at most" words (selten, kaum) up to one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Richtung {
    Ab,
    Bis,
}

/// The core range and the borderline band of a word, as shares (0–1; for
/// `etwa` the relative deviation from the stated value). `Ab`: holds from
/// `stimmt` up, borderline above `grenzwertig`; `Bis`: holds up to
/// `stimmt`, borderline below `grenzwertig`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Grenzen {
    pub richtung: Richtung,
    pub stimmt: f64,
    pub grenzwertig: f64,
}

/// A share as printed: "58,5 %".
fn prozent(x: f64) -> String {
    let p = x * 100.0;
    if (p - p.round()).abs() < 1e-9 {
        format!("{} %", p.round())
    } else {
        format!("{} %", dezimal(p, 1))
    }
}

impl Grenzen {
    pub fn urteil(&self, x: f64) -> Urteil {
        const EPS: f64 = 1e-9;
        let (kern, band) = match self.richtung {
            Richtung::Ab => (x >= self.stimmt - EPS, x > self.grenzwertig + EPS),
            Richtung::Bis => (x <= self.stimmt + EPS, x < self.grenzwertig - EPS),
        };
        match (kern, band) {
            (true, _) => Urteil::Stimmt,
            (false, true) => Urteil::Grenzwertig,
            _ => Urteil::Verletzt,
        }
    }

    /// "stimmt ab 58,5 %, grenzwertig über 50 %".
    pub fn text(&self) -> String {
        let (s, g) = (prozent(self.stimmt), prozent(self.grenzwertig));
        match self.richtung {
            Richtung::Ab if self.stimmt <= self.grenzwertig => format!("stimmt ab {s}"),
            Richtung::Bis if self.stimmt >= self.grenzwertig => format!("stimmt bis {s}"),
            Richtung::Ab => format!("stimmt ab {s}, grenzwertig über {g}"),
            Richtung::Bis => format!("stimmt bis {s}, grenzwertig unter {g}"),
        }
    }
}

/// What a vague word's range is measured on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gemessen {
    /// The share of the answer among the sheets (Häufigkeitswörter).
    Anteil,
    /// The leader's share of the two front-runners' answers (`dominiert`).
    Fuehrung,
    /// The relative deviation from the stated value (`etwa`).
    Abweichung,
}

/// A vague word: its name in templates (and in `kennzahlen.yaml`), the
/// words that say it, what it is measured on, its default range and where
/// the range comes from.
#[derive(Debug)]
pub struct Wortskala {
    pub name: &'static str,
    pub worte: &'static [&'static str],
    pub gemessen: Gemessen,
    pub grenzen: Grenzen,
    pub quelle: &'static str,
}

const RAMOTOWSKA: &str = "Ramotowska, Haaf, Van Maanen & Szymanik, „Most quantifiers have many \
                          meanings“ (englischsprachige Leser, N = 71)";
const ROHRMANN: &str = "Rohrmann, Verbal Qualifiers for Rating Scales (VQS), Skalenwerte 0–10 \
                        (englische Wörter)";

/// "most" (Ramotowska et al.): holds from threshold + 1 SD, borderline
/// above one half (the literal floor). Also "überwiegend" and "dominiert".
const MEHRHEIT: Grenzen = Grenzen {
    richtung: Richtung::Ab,
    stimmt: 0.585,
    grenzwertig: 0.5,
};

/// "seldom" (Rohrmann): holds up to its scale value, borderline to the
/// midpoint with "occasionally". Also "untergeordnet" (no study of its own).
const SELTEN: Grenzen = Grenzen {
    richtung: Richtung::Bis,
    stimmt: 0.17,
    grenzwertig: 0.245,
};

/// Every vague word with its default range (README "Vage Wörter").
pub const SKALA: &[Wortskala] = &[
    Wortskala {
        name: "die_meisten",
        worte: &["die meisten", "meisten", "mehrheit", "großteil"],
        gemessen: Gemessen::Anteil,
        grenzen: MEHRHEIT,
        quelle: RAMOTOWSKA,
    },
    Wortskala {
        name: "ueberwiegend",
        worte: &["überwiegend", "mehrheitlich", "größtenteils", "meist"],
        gemessen: Gemessen::Anteil,
        grenzen: MEHRHEIT,
        quelle: RAMOTOWSKA,
    },
    Wortskala {
        name: "haeufig",
        worte: &["häufig", "oft", "vielfach", "verbreitet", "viele"],
        gemessen: Gemessen::Anteil,
        grenzen: Grenzen {
            richtung: Richtung::Ab,
            stimmt: 0.533,
            grenzwertig: 0.345,
        },
        quelle: RAMOTOWSKA,
    },
    Wortskala {
        name: "selten",
        worte: &["selten", "wenige", "vereinzelt"],
        gemessen: Gemessen::Anteil,
        grenzen: SELTEN,
        quelle: ROHRMANN,
    },
    Wortskala {
        name: "untergeordnet",
        worte: &["untergeordnet", "geringe rolle", "nebenrolle"],
        gemessen: Gemessen::Anteil,
        grenzen: SELTEN,
        quelle: ROHRMANN,
    },
    Wortskala {
        name: "kaum",
        worte: &["kaum"],
        gemessen: Gemessen::Anteil,
        grenzen: Grenzen {
            richtung: Richtung::Bis,
            stimmt: 0.13,
            grenzwertig: 0.15,
        },
        quelle: ROHRMANN,
    },
    Wortskala {
        name: "dominiert",
        worte: &[
            "dominier",
            "klar vorn",
            "mit abstand",
            "vor allem",
            "überwieg",
        ],
        gemessen: Gemessen::Fuehrung,
        grenzen: MEHRHEIT,
        quelle: RAMOTOWSKA,
    },
    Wortskala {
        name: "etwa",
        worte: &["etwa", "ungefähr", "circa", "ca."],
        gemessen: Gemessen::Abweichung,
        grenzen: Grenzen {
            richtung: Richtung::Bis,
            stimmt: 0.10,
            grenzwertig: 0.15,
        },
        quelle: "Festlegung (keine Studie gefunden)",
    },
];

/// The range a word has in an edition: the default, or the edition's own
/// with its reason.
#[derive(Debug, Clone)]
pub struct Masstab {
    pub wort: &'static Wortskala,
    pub grenzen: Grenzen,
    /// The edition's reason, when it set its own range.
    pub begruendung: Option<String>,
}

impl Masstab {
    /// "stimmt ab 58,5 %, grenzwertig über 50 %" with the source or reason.
    pub fn text(&self) -> String {
        match &self.begruendung {
            Some(b) => format!(
                "{} (eigene Grenze dieser Ausgabe: {b})",
                self.grenzen.text()
            ),
            None => self.grenzen.text(),
        }
    }
}

/// The word of this name.
pub fn wort(name: &str) -> Option<&'static Wortskala> {
    SKALA.iter().find(|w| w.name == name)
}

/// The names of every word, for "meinten Sie …?".
pub fn namen() -> impl Iterator<Item = &'static str> {
    SKALA.iter().map(|w| w.name)
}

/// The range of `wort` in edition `e`.
pub fn masstab(wort: &'static Wortskala, e: &Edition) -> Masstab {
    match e.wortgrenzen.iter().find(|g| g.wort == wort.name) {
        Some(g) => Masstab {
            wort,
            grenzen: eigene(wort.grenzen.richtung, g).unwrap_or(wort.grenzen),
            begruendung: Some(g.begruendung.clone()),
        },
        None => Masstab {
            wort,
            grenzen: wort.grenzen,
            begruendung: None,
        },
    }
}

/// An edition's own range (percent in the file), if complete for the
/// word's direction.
fn eigene(richtung: Richtung, g: &WortGrenze) -> Option<Grenzen> {
    let (s, b) = match richtung {
        Richtung::Ab => (g.stimmt_ab?, g.grenzwertig_ab.or(g.stimmt_ab)?),
        Richtung::Bis => (g.stimmt_bis?, g.grenzwertig_bis.or(g.stimmt_bis)?),
    };
    Some(Grenzen {
        richtung,
        stimmt: s / 100.0,
        grenzwertig: b / 100.0,
    })
}

/// The lines `check` prints for the edition's own ranges.
pub fn eigene_grenzen_text(e: &Edition) -> Vec<String> {
    SKALA
        .iter()
        .filter_map(|w| {
            let m = masstab(w, e);
            let b = m.begruendung.as_ref()?;
            Some(format!(
                "„{}“: {} statt {} – Begründung: {b}",
                w.name,
                m.grenzen.text(),
                w.grenzen.text()
            ))
        })
        .collect()
}

/// The edition's own ranges in `kennzahlen.yaml` (`worte:`): known words,
/// keys of the word's direction, percentages within 0–100, a core range
/// that holds more than one value, a band that does not overlap it, a
/// reason. Every problem at its field.
pub fn pruefe_eigene(
    grenzen: &[WortGrenze],
    dateien: &BTreeMap<PathBuf, Datei>,
    datei: &Path,
) -> Vec<Diagnose> {
    let orter = Orter { dateien };
    let mut out = Vec::new();
    for (i, g) in grenzen.iter().enumerate() {
        let idx = i.to_string();
        let bei = |feld: &str, m: String| orter.bei(datei, &["worte", &idx, feld], feld, m);
        let Some(w) = wort(&g.wort) else {
            let d = bei("wort", format!("unbekanntes vages Wort „{}“", g.wort));
            out.push(match vorschlag(&g.wort, namen()) {
                Some(v) => d.hilfe(format!("meinten Sie „{v}“?")),
                None => d.hilfe(format!(
                    "Bekannt sind: {}.",
                    namen().collect::<Vec<_>>().join(", ")
                )),
            });
            continue;
        };
        out.extend(pruefe_eine(w, g, &bei));
    }
    out
}

/// One own range, checked against its word.
fn pruefe_eine(
    w: &Wortskala,
    g: &WortGrenze,
    bei: &dyn Fn(&str, String) -> Diagnose,
) -> Vec<Diagnose> {
    let mut out = Vec::new();
    let (richtig, falsch) = match w.grenzen.richtung {
        Richtung::Ab => (
            ["stimmt_ab", "grenzwertig_ab"],
            ["stimmt_bis", "grenzwertig_bis"],
        ),
        Richtung::Bis => (
            ["stimmt_bis", "grenzwertig_bis"],
            ["stimmt_ab", "grenzwertig_ab"],
        ),
    };
    let wert = |k: &str| match k {
        "stimmt_ab" => g.stimmt_ab,
        "grenzwertig_ab" => g.grenzwertig_ab,
        "stimmt_bis" => g.stimmt_bis,
        _ => g.grenzwertig_bis,
    };
    for k in falsch.iter().filter(|k| wert(k).is_some()) {
        let gemeint = richtig[usize::from(k.starts_with("grenzwertig"))];
        out.push(
            bei(
                k,
                format!(
                    "„{}“ gilt {} einer Grenze, nicht {}",
                    w.name,
                    richtung_text(w),
                    k
                ),
            )
            .hilfe(format!("Schreiben Sie „{gemeint}“.")),
        );
    }
    for k in richtig {
        if let Some(v) = wert(k).filter(|v| !(0.0..=100.0).contains(v) || !v.is_finite()) {
            out.push(
                bei(k, format!("{v} liegt nicht zwischen 0 und 100 (Prozent)"))
                    .hilfe("Grenzen stehen in Prozent, z. B. 12.5 für 12,5 %."),
            );
        }
    }
    let (s, b) = (wert(richtig[0]), wert(richtig[1]));
    let Some(s) = s else {
        out.push(
            bei("wort", format!("es fehlt „{}“", richtig[0])).hilfe(format!(
                "Eine eigene Grenze nennt mindestens „{}“ (und „{}“ für den Grenzbereich).",
                richtig[0], richtig[1]
            )),
        );
        return out;
    };
    let leer = match w.grenzen.richtung {
        Richtung::Ab => s >= 100.0,
        Richtung::Bis => s <= 0.0,
    };
    if leer {
        out.push(bei(
            richtig[0],
            format!(
                "mit {} {s} gilt „{}“ für keinen Anteil: der Bereich ist leer",
                richtig[0], w.name
            ),
        ));
    }
    let ueberlappt = b.is_some_and(|b| match w.grenzen.richtung {
        Richtung::Ab => b > s,
        Richtung::Bis => b < s,
    });
    if let (true, Some(b)) = (ueberlappt, b) {
        out.push(
            bei(
                richtig[1],
                format!(
                    "der Grenzbereich ({} {b}) überschneidet den Bereich, in dem „{}“ stimmt ({} {s})",
                    richtig[1], w.name, richtig[0]
                ),
            )
            .hilfe(format!(
                "Der Grenzbereich liegt {} dem Bereich, in dem das Wort stimmt.",
                match w.grenzen.richtung {
                    Richtung::Ab => "unter",
                    Richtung::Bis => "über",
                }
            )),
        );
    }
    if g.begruendung.trim().is_empty() {
        out.push(bei(
            "begruendung",
            "eine eigene Grenze braucht eine Begründung".to_owned(),
        ));
    }
    out
}

fn richtung_text(w: &Wortskala) -> &'static str {
    match w.grenzen.richtung {
        Richtung::Ab => "ab",
        Richtung::Bis => "bis zu",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grenzen_geben_drei_urteile() {
        let meisten = wort("die_meisten").unwrap().grenzen;
        assert_eq!(meisten.urteil(0.6), Urteil::Stimmt);
        assert_eq!(meisten.urteil(0.52), Urteil::Grenzwertig);
        assert_eq!(meisten.urteil(0.5), Urteil::Verletzt);
        let unter = wort("untergeordnet").unwrap().grenzen;
        assert_eq!(unter.urteil(0.101), Urteil::Stimmt);
        assert_eq!(unter.urteil(0.2), Urteil::Grenzwertig);
        assert_eq!(unter.urteil(0.3), Urteil::Verletzt);
        assert_eq!(meisten.text(), "stimmt ab 58,5 %, grenzwertig über 50 %");
        assert_eq!(unter.text(), "stimmt bis 17 %, grenzwertig unter 24,5 %");
    }

    #[test]
    fn jedes_wort_hat_einen_grenzbereich_ausserhalb_des_kerns() {
        for w in SKALA {
            let g = w.grenzen;
            match g.richtung {
                Richtung::Ab => assert!(g.grenzwertig < g.stimmt, "{}", w.name),
                Richtung::Bis => assert!(g.grenzwertig > g.stimmt, "{}", w.name),
            }
            assert!(!w.quelle.is_empty() && !w.worte.is_empty());
        }
    }
}
