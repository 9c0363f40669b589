//! Statements that the data decides without a single figure: a rank among
//! the answers of a field, one figure against another, the leading answers,
//! the spread of a product over Landkreise, a share within a group and the
//! vague frequency words. Written as
//! `{{#aussage "art" …}}veröffentlichte Worte{{/aussage}}`; the words print
//! unchanged, `check` decides the statement and reads the words for what
//! they say (so that "seltener" bound to `haeufiger_als` fails).

use super::grenzen::{self, Urteil, Wortskala};
use crate::diagnostics::{Diagnose, Meldung, vorschlag};
use crate::figures::format::prozent;
use crate::figures::haeufigkeit::{auszaehlen, landkreise_mit_produkt, steckbriefe_mit_produkt};
use crate::figures::{Beleg, Kennzahlen};
use crate::model::{Edition, FELDER};
use crate::templates::Platzhalter;

/// What a statement says and what the data gives.
pub struct Befund {
    /// A key for acknowledgements, e.g. `rang:technologien:RPA:1`.
    pub schluessel: String,
    pub definition: String,
    /// What the statement claims, in German.
    pub behauptet: String,
    /// The computed counts, shares or ranking.
    pub berechnet: String,
    pub urteil: Urteil,
    /// The range of the vague word it was judged by, as text.
    pub grenzbereich: Option<String>,
    /// What it counts (for the evidence on the website).
    pub belege: Vec<Beleg>,
    /// The words must contain one of these (lower case) …
    worte: Vec<&'static str>,
    /// … and none of these.
    verboten: Vec<&'static str>,
}

/// A kind of statement: its name, its parameters (for messages and the
/// README) and how it is decided.
pub struct Art {
    pub name: &'static str,
    pub parameter: &'static str,
    pub bedeutung: &'static str,
    pub beispiel: &'static str,
    entscheiden: fn(&Parameter, &Edition, &Kennzahlen) -> Result<Befund, Meldung>,
}

const ERSTER: &[&str] = &[
    "häufigst",
    "meist",
    "erste",
    "führend",
    "vorn",
    "mittelpunkt",
    "dominier",
    "spitze",
    "vor allem",
    "größte",
];

/// Every kind of statement.
pub const ARTEN: &[Art] = &[
    Art {
        name: "rang",
        parameter: "Feld, Antwort, Platz",
        bedeutung: "die Antwort steht unter den Antworten des Feldes auf diesem Platz (nach Zahl \
                    der Steckbriefe; gleich häufige teilen sich den Platz)",
        beispiel: "{{#aussage \"rang\" \"technologien\" \"LLM\" 2}}An zweiter Stelle stehen{{/aussage}}",
        entscheiden: rang,
    },
    Art {
        name: "dominiert",
        parameter: "Feld, Antwort",
        bedeutung: "die Antwort steht auf Platz 1 und ist mindestens anderthalbmal so häufig wie \
                    die zweithäufigste",
        beispiel: "{{#aussage \"dominiert\" \"betriebsmodell\" \"Cloud/SaaS\"}}dominieren{{/aussage}}",
        entscheiden: dominiert,
    },
    Art {
        name: "seltener_als",
        parameter: "Kennzahl, Kennzahl",
        bedeutung: "die erste Kennzahl ist kleiner als die zweite",
        beispiel: "{{#aussage \"seltener_als\" \"anteil_voicebot\" \"anteil_chatbot\"}}seltener{{/aussage}}",
        entscheiden: seltener,
    },
    Art {
        name: "haeufiger_als",
        parameter: "Kennzahl, Kennzahl",
        bedeutung: "die erste Kennzahl ist größer als die zweite",
        beispiel: "{{#aussage \"haeufiger_als\" \"anteil_llm\" \"anteil_rpa\"}}häufiger{{/aussage}}",
        entscheiden: haeufiger,
    },
    Art {
        name: "fuehrend",
        parameter: "Feld, N, Antwort, Antwort, …",
        bedeutung: "jede genannte Antwort gehört zu den N häufigsten Antworten des Feldes",
        beispiel: "{{#aussage \"fuehrend\" \"kennzahlen\" 5 \"Zeitersparnis\"}}vor allem{{/aussage}}",
        entscheiden: fuehrend,
    },
    Art {
        name: "verbreitet",
        parameter: "Produkt (id aus vokabular.yaml), N",
        bedeutung: "das Produkt steht in Steckbriefen von mindestens N Landkreisen (Projektname \
                    oder Anbieter/Produkt); „in mehreren Landkreisen“ heißt N = 2",
        beispiel: "{{#aussage \"verbreitet\" \"scriba\" 2}}in mehreren Landkreisen{{/aussage}}",
        entscheiden: verbreitet,
    },
    Art {
        name: "anteil_in_gruppe",
        parameter: "Feld, Antwort, Gruppenfeld, Gruppenantwort, Häufigkeitswort",
        bedeutung: "der Anteil der Antwort unter den Steckbriefen, die im Gruppenfeld die \
                    Gruppenantwort geben, passt zum Häufigkeitswort",
        beispiel: "{{#aussage \"anteil_in_gruppe\" \"betriebsmodell\" \"On-Premises\" \
                   \"technologien\" \"RPA\" \"haeufig\"}}häufig{{/aussage}}",
        entscheiden: anteil_in_gruppe,
    },
    Art {
        name: "haeufigkeit",
        parameter: "Feld, Antwort, Häufigkeitswort",
        bedeutung: "der Anteil der Antwort unter den Steckbriefen mit Angabe im Feld passt zum \
                    Häufigkeitswort",
        beispiel: "{{#aussage \"haeufigkeit\" \"technologien\" \"RAG\" \"untergeordnet\"}}eine \
                   untergeordnete Rolle{{/aussage}}",
        entscheiden: haeufigkeit,
    },
];

/// The literal parameters after the kind.
pub struct Parameter<'a> {
    werte: &'a [serde_json::Value],
}

impl Parameter<'_> {
    fn text(&self, i: usize, was: &str) -> Result<&str, Meldung> {
        self.werte.get(i).and_then(|v| v.as_str()).ok_or_else(|| {
            Meldung::from(format!(
                "als {}. Angabe fehlt {was} in Anführungszeichen",
                i + 1
            ))
        })
    }

    fn zahl(&self, i: usize, was: &str) -> Result<u32, Meldung> {
        self.werte
            .get(i)
            .and_then(|v| v.as_u64())
            .and_then(|n| u32::try_from(n).ok())
            .ok_or_else(|| {
                Meldung::from(format!(
                    "als {}. Angabe fehlt {was} (eine ganze Zahl)",
                    i + 1
                ))
            })
    }
}

/// A message with "meinten Sie …?" as its hint where a known value is close.
fn mit_vorschlag(text: String, vorschlag: Option<&str>) -> Meldung {
    let m = Meldung::neu(text);
    match vorschlag {
        Some(v) => m.hilfe(format!("meinten Sie „{v}“?")),
        None => m,
    }
}

/// A choice field with a vocabulary and its published label.
fn feld(name: &str) -> Result<&'static str, Meldung> {
    FELDER
        .iter()
        .find(|f| f.schluessel == name && f.art.vokabular().is_some())
        .map(|f| f.bezeichnung)
        .ok_or_else(|| {
            let felder = FELDER
                .iter()
                .filter(|f| f.art.vokabular().is_some())
                .map(|f| f.schluessel);
            mit_vorschlag(
                format!("„{name}“ ist kein Auswahlfeld eines Steckbriefs"),
                vorschlag(name, felder),
            )
        })
}

/// An answer of a field, as its short form (the value or its `kurz`).
fn antwort(e: &Edition, feld: &str, wert: &str) -> Result<String, Meldung> {
    let liste = e.vokabular.liste(feld).unwrap_or_default();
    let kurz =
        |x: &crate::model::VokabularEintrag| x.kurz.clone().unwrap_or_else(|| x.wert.clone());
    if let Some(x) = liste.iter().find(|x| x.wert == wert || kurz(x) == wert) {
        return Ok(kurz(x));
    }
    let namen: Vec<String> = liste.iter().map(kurz).collect();
    Err(match vorschlag(wert, namen.iter().map(String::as_str)) {
        Some(v) => mit_vorschlag(
            format!("„{wert}“ ist keine Antwort im Feld {feld}"),
            Some(v),
        ),
        None => Meldung::from(format!(
            "„{wert}“ ist keine Antwort im Feld {feld} ({})",
            namen.join(", ")
        )),
    })
}

fn ordinal(platz: u32) -> Vec<&'static str> {
    match platz {
        1 => ERSTER.to_vec(),
        2 => vec!["zweit"],
        3 => vec!["dritt"],
        4 => vec!["viert"],
        5 => vec!["fünft"],
        _ => Vec::new(),
    }
}

fn rang(p: &Parameter, e: &Edition, _: &Kennzahlen) -> Result<Befund, Meldung> {
    let f = p.text(0, "das Feld")?;
    let label = feld(f)?;
    let w = antwort(e, f, p.text(1, "die Antwort")?)?;
    let platz = p.zahl(2, "der Platz")?;
    let a = auszaehlen(e, f, None);
    let r = a.rang(&w);
    Ok(Befund {
        schluessel: format!("rang:{f}:{w}:{platz}"),
        definition: format!(
            "Rang der Antwort unter den Antworten zu „{label}“, nach Zahl der Steckbriefe."
        ),
        behauptet: format!("{w} auf Platz {platz}"),
        berechnet: match r {
            Some(r) => format!("Platz {r}: {}", a.text()),
            None => format!("kommt nicht vor: {}", a.text()),
        },
        urteil: Urteil::aus(r == Some(platz as usize)),
        grenzbereich: None,
        belege: vec![a.beleg(&w)],
        worte: ordinal(platz),
        verboten: Vec::new(),
    })
}

fn dominiert(p: &Parameter, e: &Edition, _: &Kennzahlen) -> Result<Befund, Meldung> {
    let f = p.text(0, "das Feld")?;
    let label = feld(f)?;
    let w = antwort(e, f, p.text(1, "die Antwort")?)?;
    let a = auszaehlen(e, f, None);
    let n = f64::from(a.anzahl(&w));
    let zweite = a
        .werte
        .iter()
        .filter(|(x, _)| *x != w)
        .map(|x| f64::from(x.1))
        .fold(0.0, f64::max);
    let m = grenzen::masstab(grenzen::wort("dominiert").unwrap_or(&grenzen::SKALA[0]), e);
    // The leader's share of the answers of the two front-runners.
    let anteil = if n + zweite > 0.0 {
        n / (n + zweite)
    } else {
        0.0
    };
    let urteil = if a.rang(&w) == Some(1) {
        m.grenzen.urteil(anteil)
    } else {
        Urteil::Verletzt
    };
    Ok(Befund {
        schluessel: format!("dominiert:{f}:{w}"),
        definition: format!(
            "Die Antwort steht unter den Antworten zu „{label}“ auf Platz 1; gemessen wird ihr \
             Anteil an den Nennungen der beiden häufigsten Antworten ({}).",
            m.text()
        ),
        behauptet: format!("{w} dominiert"),
        berechnet: format!(
            "{} der ersten beiden: {}",
            crate::figures::format::prozent(anteil, 1),
            a.text()
        ),
        urteil,
        grenzbereich: Some(m.text()),
        belege: vec![a.beleg(&w)],
        worte: m.wort.worte.to_vec(),
        verboten: Vec::new(),
    })
}

/// Two figures compared; `kleiner`: the first is the smaller.
fn zwei_kennzahlen(p: &Parameter, kz: &Kennzahlen, kleiner: bool) -> Result<Befund, Meldung> {
    let hole = |i: usize| -> Result<&crate::figures::Kennzahl, Meldung> {
        let n = p.text(i, "der Name einer Kennzahl")?;
        kz.kennzahl(n).map_err(|f| match f {
            crate::figures::Rechenfehler::Unbekannt(_) => mit_vorschlag(
                format!("unbekannte Kennzahl „{n}“"),
                vorschlag(n, kz.namen()),
            ),
            f => Meldung::neu(f.to_string()),
        })
    };
    let (a, b) = (hole(0)?, hole(1)?);
    let wort = if kleiner {
        "seltener/kleiner"
    } else {
        "häufiger/größer"
    };
    Ok(Befund {
        schluessel: format!(
            "{}:{}:{}",
            if kleiner {
                "seltener_als"
            } else {
                "haeufiger_als"
            },
            a.name,
            b.name
        ),
        definition: format!(
            "{}: {} – verglichen mit {}: {}",
            a.titel, a.definition, b.titel, b.definition
        ),
        behauptet: format!("{} {wort} als {}", a.titel, b.titel),
        berechnet: format!("{} gegenüber {}", a.text_genau(), b.text_genau()),
        urteil: Urteil::aus(if kleiner {
            a.wert < b.wert
        } else {
            a.wert > b.wert
        }),
        grenzbereich: None,
        belege: a.belege.iter().chain(&b.belege).cloned().collect(),
        worte: if kleiner {
            vec!["selten", "weniger", "geringer", "kleiner", "hinter"]
        } else {
            vec!["häufiger", "mehr", "öfter", "größer", "vor "]
        },
        verboten: if kleiner {
            vec!["häufiger", "öfter"]
        } else {
            vec!["seltener", "weniger"]
        },
    })
}

fn seltener(p: &Parameter, _: &Edition, kz: &Kennzahlen) -> Result<Befund, Meldung> {
    zwei_kennzahlen(p, kz, true)
}

fn haeufiger(p: &Parameter, _: &Edition, kz: &Kennzahlen) -> Result<Befund, Meldung> {
    zwei_kennzahlen(p, kz, false)
}

fn fuehrend(p: &Parameter, e: &Edition, _: &Kennzahlen) -> Result<Befund, Meldung> {
    let f = p.text(0, "das Feld")?;
    let label = feld(f)?;
    let n = p.zahl(1, "die Zahl N der führenden Antworten")?;
    let mut werte = Vec::new();
    for i in 2..p.werte.len().max(3) {
        werte.push(antwort(e, f, p.text(i, "eine Antwort")?)?);
    }
    let a = auszaehlen(e, f, None);
    let raenge: Vec<String> = werte
        .iter()
        .map(|w| match a.rang(w) {
            Some(r) => format!("{w}: Platz {r}"),
            None => format!("{w}: kommt nicht vor"),
        })
        .collect();
    Ok(Befund {
        schluessel: format!("fuehrend:{f}:{n}:{}", werte.join("|")),
        definition: format!(
            "Jede genannte Antwort gehört zu den {n} häufigsten Antworten zu „{label}“."
        ),
        behauptet: format!("{} unter den {n} häufigsten", werte.join(", ")),
        berechnet: format!("{}; {}", raenge.join(", "), a.text()),
        urteil: Urteil::aus(
            werte
                .iter()
                .all(|w| a.rang(w).is_some_and(|r| r <= n as usize)),
        ),
        grenzbereich: None,
        belege: werte.iter().map(|w| a.beleg(w)).collect(),
        worte: vec![
            "vor allem",
            "häufigst",
            "meist",
            "führend",
            "vorn",
            "insbesondere",
            "zentral",
            "besonders",
            "vorwiegend",
        ],
        verboten: Vec::new(),
    })
}

fn verbreitet(p: &Parameter, e: &Edition, _: &Kennzahlen) -> Result<Befund, Meldung> {
    let id = p.text(0, "die id eines Produkts aus vokabular.yaml")?;
    let n = p.zahl(1, "die Mindestzahl der Landkreise")?;
    let lk = landkreise_mit_produkt(e, id).ok_or_else(|| {
        let ids = e.vokabular.produkte.iter().map(|p| p.id.as_str());
        match vorschlag(id, ids) {
            Some(v) => format!("unbekanntes Produkt „{id}“ – meinten Sie „{v}“?"),
            None => format!("unbekanntes Produkt „{id}“ (vokabular.yaml, produkte)"),
        }
    })?;
    Ok(Befund {
        schluessel: format!("verbreitet:{id}:{n}"),
        definition: format!(
            "Zahl der Landkreise mit einem Steckbrief, dessen Projektname oder Anbieter/Produkt \
             das Produkt „{id}“ nennt; „in mehreren Landkreisen“ heißt mindestens 2."
        ),
        behauptet: format!("in mindestens {n} Landkreisen"),
        berechnet: match lk.len() {
            0 => "in keinem Landkreis".to_owned(),
            1 => format!("in 1 Landkreis ({})", lk.join(", ")),
            n => format!("in {n} Landkreisen ({})", lk.join(", ")),
        },
        urteil: Urteil::aus(lk.len() >= n as usize),
        grenzbereich: None,
        belege: e
            .vokabular
            .produkte
            .iter()
            .filter(|p| p.id == id)
            .map(|p| Beleg::produkt(&p.name, steckbriefe_mit_produkt(e, p)))
            .collect(),
        worte: if n >= 2 {
            vec![
                "mehrere",
                "mehreren",
                "verschiedene",
                "landkreisen",
                "kreisen",
                "wiederholt",
                "mehrfach",
            ]
        } else {
            Vec::new()
        },
        verboten: Vec::new(),
    })
}

/// A share judged by a frequency word.
fn wort_befund(p: &Parameter, i: usize) -> Result<&'static Wortskala, Meldung> {
    let w = p.text(i, "das Häufigkeitswort")?;
    grenzen::wort(w)
        .filter(|x| x.gemessen == grenzen::Gemessen::Anteil)
        .ok_or_else(|| {
            let namen = grenzen::SKALA
                .iter()
                .filter(|x| x.gemessen == grenzen::Gemessen::Anteil)
                .map(|x| x.name);
            mit_vorschlag(
                format!("unbekanntes Häufigkeitswort „{w}“"),
                vorschlag(w, namen),
            )
        })
}

fn anteil_befund(
    (schluessel, definition): (String, String),
    a: &crate::figures::haeufigkeit::Auszaehlung,
    w: &str,
    m: &grenzen::Masstab,
) -> Befund {
    let anteil = a.anteil(w).unwrap_or(0.0);
    Befund {
        schluessel,
        definition,
        behauptet: format!("{w}: {} – {}", m.wort.name, m.grenzen.text()),
        berechnet: format!(
            "{w} in {} von {} Steckbriefen ({}); {}",
            a.anzahl(w),
            a.basis,
            prozent(anteil, 1),
            a.text()
        ),
        urteil: if a.basis > 0 {
            m.grenzen.urteil(anteil)
        } else {
            Urteil::Verletzt
        },
        grenzbereich: Some(m.text()),
        belege: vec![a.beleg(w)],
        worte: m.wort.worte.to_vec(),
        verboten: Vec::new(),
    }
}

fn anteil_in_gruppe(p: &Parameter, e: &Edition, _: &Kennzahlen) -> Result<Befund, Meldung> {
    let f = p.text(0, "das Feld")?;
    let label = feld(f)?;
    let w = antwort(e, f, p.text(1, "die Antwort")?)?;
    let gf = p.text(2, "das Gruppenfeld")?;
    let glabel = feld(gf)?;
    let gw = antwort(e, gf, p.text(3, "die Gruppenantwort")?)?;
    let m = grenzen::masstab(wort_befund(p, 4)?, e);
    let a = auszaehlen(e, f, Some((gf, &gw)));
    Ok(anteil_befund(
        (
            format!("anteil_in_gruppe:{f}:{w}:{gf}:{gw}:{}", p.text(4, "")?),
            format!(
                "Anteil der Steckbriefe mit „{w}“ bei „{label}“ unter den Steckbriefen mit „{gw}“ \
                 bei „{glabel}“ (und einer Angabe zu „{label}“); Wort: {}.",
                p.text(4, "")?
            ),
        ),
        &a,
        &w,
        &m,
    ))
}

fn haeufigkeit(p: &Parameter, e: &Edition, _: &Kennzahlen) -> Result<Befund, Meldung> {
    let f = p.text(0, "das Feld")?;
    let label = feld(f)?;
    let w = antwort(e, f, p.text(1, "die Antwort")?)?;
    let m = grenzen::masstab(wort_befund(p, 2)?, e);
    let a = auszaehlen(e, f, None);
    Ok(anteil_befund(
        (
            format!("haeufigkeit:{f}:{w}:{}", p.text(2, "")?),
            format!(
                "Anteil der Steckbriefe mit „{w}“ unter den Steckbriefen mit Angabe zu „{label}“; \
                 Wort: {}.",
                p.text(2, "")?
            ),
        ),
        &a,
        &w,
        &m,
    ))
}

/// Decides the statement of placeholder `p`; a malformed one is located.
pub fn entscheiden(p: &Platzhalter, e: &Edition, kz: &Kennzahlen) -> Result<Befund, Diagnose> {
    let name = p.name().unwrap_or_default();
    let Some(art) = ARTEN.iter().find(|a| a.name == name) else {
        let d = p.diagnose(format!("unbekannte Art von Aussage „{name}“"));
        let namen: Vec<&str> = ARTEN.iter().map(|a| a.name).collect();
        return Err(match vorschlag(name, namen.iter().copied()) {
            Some(v) => d.hilfe(format!("meinten Sie „{v}“?")),
            None => d.hilfe(format!("Erlaubt: {}", namen.join(", "))),
        });
    };
    let parameter = Parameter {
        werte: p.parameter.get(1..).unwrap_or_default(),
    };
    (art.entscheiden)(&parameter, e, kz).map_err(|m| {
        p.diagnose(m).hilfe(format!(
            "„{}“ braucht: {}. Beispiel: {}",
            art.name, art.parameter, art.beispiel
        ))
    })
}

impl Befund {
    /// Whether the words say what the statement says: one of its words, none
    /// of the contrary ones. An error names both.
    pub fn worte_pruefen(&self, wortlaut: &str) -> Result<(), Meldung> {
        let klein = wortlaut.to_lowercase();
        if let Some(v) = self.verboten.iter().find(|v| klein.contains(*v)) {
            return Err(Meldung::from(format!(
                "die Worte „{wortlaut}“ sagen „{v}“, die Aussage aber „{}“",
                self.behauptet
            )));
        }
        if !self.worte.is_empty() && !self.worte.iter().any(|w| klein.contains(w)) {
            return Err(Meldung::from(format!(
                "die Worte „{wortlaut}“ sagen nicht, was die Aussage behauptet („{}“); erwartet \
                 wird eines von: {}",
                self.behauptet,
                self.worte.join(", ")
            )));
        }
        Ok(())
    }
}
