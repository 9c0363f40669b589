//! What changed from one edition to the next: projects matched by their id
//! (new, dropped, renamed, status moves, changed fields), Tabelle 1 per
//! Landkreis, and every figure in both editions. Read by `diff` and by the
//! layout's "Veränderungen" section (`/generiert/veraenderungen.json`).

use serde::Serialize;

use super::aussagen::{self, Aussagen};
use crate::claims::Pruefbericht;
use crate::figures::Kennzahlen;
use crate::model::{Edition, FELDER, Landkreis, Steckbrief, tabelle::SPALTEN as TABELLE_1};
use crate::report_data::anzeige;
use crate::vertrag;

/// A project as the comparison names it.
#[derive(Debug, Clone, Serialize)]
pub struct Projekt {
    pub id: String,
    pub landkreis: String,
    pub name: String,
    /// Its status, if given.
    pub status: Option<String>,
}

/// One changed value: a field (its published label) from `alt` to `neu`;
/// `None` where the edition has no value.
#[derive(Debug, Clone, Serialize)]
pub struct Aenderung {
    pub feld: String,
    pub alt: Option<String>,
    pub neu: Option<String>,
}

/// A project in both editions and what changed.
#[derive(Debug, Clone, Serialize)]
pub struct Fortgefuehrt {
    pub projekt: Projekt,
    /// Its name in the earlier edition, when it changed.
    pub alter_name: Option<String>,
    /// The status move, when the status changed.
    pub status: Option<Aenderung>,
    /// Every other changed field.
    pub felder: Vec<Aenderung>,
}

/// A Landkreis's row of Tabelle 1.
#[derive(Debug, Clone, Serialize)]
pub struct Zeile {
    pub landkreis: String,
    /// `neu`, `entfallen` or `geaendert`.
    pub art: &'static str,
    pub felder: Vec<Aenderung>,
}

/// A figure in both editions (as printed).
#[derive(Debug, Clone, Serialize)]
pub struct Kennzahlvergleich {
    pub name: String,
    pub titel: String,
    pub alt: Option<String>,
    pub neu: Option<String>,
    pub geaendert: bool,
}

/// Everything that changed from edition `von` to edition `nach`.
#[derive(Debug, Clone, Serialize)]
pub struct Veraenderungen {
    pub von: String,
    pub nach: String,
    pub neu: Vec<Projekt>,
    pub entfallen: Vec<Projekt>,
    pub fortgefuehrt: Vec<Fortgefuehrt>,
    pub tabelle: Vec<Zeile>,
    pub kennzahlen: Vec<Kennzahlvergleich>,
    /// One id for two different projects (name and Landkreis both differ):
    /// the earlier and the later project.
    pub kennung_doppelt: Vec<(Projekt, Projekt)>,
    /// The statements of the text (empty until [`Veraenderungen::mit_aussagen`]).
    pub aussagen: Aussagen,
}

impl Veraenderungen {
    pub fn umbenannt(&self) -> impl Iterator<Item = &Fortgefuehrt> {
        self.fortgefuehrt.iter().filter(|f| f.alter_name.is_some())
    }
    pub fn statuswechsel(&self) -> impl Iterator<Item = &Fortgefuehrt> {
        self.fortgefuehrt.iter().filter(|f| f.status.is_some())
    }
    pub fn mit_aenderungen(&self) -> impl Iterator<Item = &Fortgefuehrt> {
        self.fortgefuehrt.iter().filter(|f| !f.felder.is_empty())
    }

    /// With the statements of both editions' texts compared.
    pub fn mit_aussagen(mut self, alt: &Pruefbericht, neu: &Pruefbericht) -> Veraenderungen {
        self.aussagen = aussagen::vergleichen(alt, neu);
        self
    }
}

fn projekt(landkreis: &str, s: &Steckbrief) -> Projekt {
    Projekt {
        id: s.id.clone(),
        landkreis: landkreis.to_owned(),
        name: s.projektname.clone(),
        status: s.wert("projektstatus").map(anzeige),
    }
}

/// The changed fields of a fact sheet (by the published labels), the status
/// and the name apart.
fn felder(alt: &Steckbrief, neu: &Steckbrief) -> Vec<Aenderung> {
    FELDER
        .iter()
        .filter(|f| !matches!(f.schluessel, "projektname" | "projektstatus"))
        .filter_map(|f| {
            let a = alt.wert(f.schluessel).map(anzeige);
            let n = neu.wert(f.schluessel).map(anzeige);
            (a != n).then(|| Aenderung {
                feld: f.bezeichnung.to_owned(),
                alt: a,
                neu: n,
            })
        })
        .collect()
}

/// The projects of both editions, matched by id.
fn projekte(a: &Edition, b: &Edition) -> (Vec<Projekt>, Vec<Projekt>, Vec<Fortgefuehrt>) {
    fn finde<'e>(e: &'e Edition, id: &str) -> Option<(&'e str, &'e Steckbrief)> {
        e.alle_steckbriefe().find(|(_, s)| s.id == id)
    }
    let neu = b
        .alle_steckbriefe()
        .filter(|(_, s)| finde(a, &s.id).is_none())
        .map(|(lk, s)| projekt(lk, s))
        .collect();
    let entfallen = a
        .alle_steckbriefe()
        .filter(|(_, s)| finde(b, &s.id).is_none())
        .map(|(lk, s)| projekt(lk, s))
        .collect();
    let fortgefuehrt = b
        .alle_steckbriefe()
        .filter_map(|(lk, s)| {
            let (_, alt) = finde(a, &s.id)?;
            let p = projekt(lk, s);
            let alter_status = alt.wert("projektstatus").map(anzeige);
            Some(Fortgefuehrt {
                alter_name: (alt.projektname != s.projektname).then(|| alt.projektname.clone()),
                status: (alter_status != p.status).then(|| Aenderung {
                    feld: "Projektstatus".into(),
                    alt: alter_status,
                    neu: p.status.clone(),
                }),
                felder: felder(alt, s),
                projekt: p,
            })
        })
        .collect();
    (neu, entfallen, fortgefuehrt)
}

/// Projects of both editions with one id whose name and Landkreis both
/// differ: most likely two projects, not one continued.
fn kennung_doppelt(a: &Edition, b: &Edition) -> Vec<(Projekt, Projekt)> {
    b.alle_steckbriefe()
        .filter_map(|(lk, s)| {
            let (alt_lk, alt) = a.alle_steckbriefe().find(|(_, x)| x.id == s.id)?;
            (alt_lk != lk && alt.projektname != s.projektname)
                .then(|| (projekt(alt_lk, alt), projekt(lk, s)))
        })
        .collect()
}

/// A Landkreis row as label → printed value, in the published order
/// (the labels of [`TABELLE_1`]).
fn zeilenwerte(l: &Landkreis) -> Vec<(String, String)> {
    let mut out = vec![("Art".to_owned(), l.art.als_text().to_owned())];
    out.extend(
        TABELLE_1
            .iter()
            .map(|s| (s.bezeichnung.to_owned(), s.wert(l).text())),
    );
    out
}

/// Tabelle 1: rows new, dropped or changed, by Landkreis.
fn tabelle(a: &Edition, b: &Edition) -> Vec<Zeile> {
    let werte = |e: &Edition, name: &str| e.landkreis(name).map(zeilenwerte);
    let mut namen: Vec<&str> = b.landkreise.iter().map(|l| l.name.as_str()).collect();
    namen.extend(
        a.landkreise
            .iter()
            .map(|l| l.name.as_str())
            .filter(|n| b.landkreis(n).is_none()),
    );
    namen
        .into_iter()
        .filter_map(|name| {
            let (alt, neu) = (werte(a, name), werte(b, name));
            let art = match (&alt, &neu) {
                (None, _) => "neu",
                (_, None) => "entfallen",
                _ => "geaendert",
            };
            let (alt, neu) = (alt.unwrap_or_default(), neu.unwrap_or_default());
            let mut felder: Vec<Aenderung> = Vec::new();
            for (feld, n) in &neu {
                let a = alt.iter().find(|(f, _)| f == feld).map(|x| x.1.clone());
                if a.as_ref() != Some(n) {
                    felder.push(Aenderung {
                        feld: feld.clone(),
                        alt: a,
                        neu: Some(n.clone()),
                    });
                }
            }
            (art != "geaendert" || !felder.is_empty()).then(|| Zeile {
                landkreis: name.to_owned(),
                art,
                felder: if art == "geaendert" {
                    felder
                } else {
                    Vec::new()
                },
            })
        })
        .collect()
}

/// Every figure of either edition, as printed, in the later edition's order.
fn kennzahlen(ka: &Kennzahlen, kb: &Kennzahlen) -> Vec<Kennzahlvergleich> {
    let mut out: Vec<Kennzahlvergleich> = kb
        .liste
        .iter()
        .map(|k| {
            let alt = ka.get(&k.name).map(|x| x.text());
            let neu = Some(k.text());
            Kennzahlvergleich {
                name: k.name.clone(),
                titel: k.titel.clone(),
                geaendert: alt != neu,
                alt,
                neu,
            }
        })
        .collect();
    out.extend(
        ka.liste
            .iter()
            .filter(|k| kb.get(&k.name).is_none())
            .map(|k| Kennzahlvergleich {
                name: k.name.clone(),
                titel: k.titel.clone(),
                alt: Some(k.text()),
                neu: None,
                geaendert: true,
            }),
    );
    out
}

/// What the layout's "Veränderungen" section prints (contract): counts,
/// the status moves, the figures and the statements' verdicts that changed.
pub fn abschnitt(v: &Veraenderungen) -> vertrag::Veraenderungsabschnitt {
    let strich = |w: Option<&String>| w.cloned().unwrap_or_else(|| "–".into());
    let abgeschlossen = v
        .statuswechsel()
        .filter(|f| f.projekt.status.as_deref() == Some("Abgeschlossen"))
        .count();
    let status = v
        .statuswechsel()
        .map(|f| {
            let s = f.status.as_ref();
            vertrag::Statuswechsel {
                projekt: f.projekt.name.clone(),
                landkreis: f.projekt.landkreis.clone(),
                vorher: strich(s.and_then(|a| a.alt.as_ref())),
                jetzt: strich(s.and_then(|a| a.neu.as_ref())),
            }
        })
        .collect();
    let kennzahlen = v
        .kennzahlen
        .iter()
        .filter(|k| k.geaendert)
        .map(|k| vertrag::Vorher {
            titel: k.titel.clone(),
            vorher: strich(k.alt.as_ref()),
            jetzt: strich(k.neu.as_ref()),
        })
        .collect();
    let aussagen = v
        .aussagen
        .urteil_geaendert()
        .filter_map(|a| {
            Some(vertrag::Aussagewechsel {
                wortlaut: a.wortlaut.clone(),
                vorher: a.alt.as_ref()?.urteil.text().to_owned(),
                jetzt: a.neu.as_ref()?.urteil.text().to_owned(),
            })
        })
        .collect();
    vertrag::Veraenderungsabschnitt {
        von: v.von.clone(),
        nach: v.nach.clone(),
        neu: v.neu.len(),
        entfallen: v.entfallen.len(),
        fortgefuehrt: v.fortgefuehrt.len(),
        abgeschlossen,
        status,
        kennzahlen,
        aussagen,
    }
}

/// Compares edition `a` (earlier) with edition `b` (later).
pub fn vergleichen(a: &Edition, ka: &Kennzahlen, b: &Edition, kb: &Kennzahlen) -> Veraenderungen {
    let (neu, entfallen, fortgefuehrt) = projekte(a, b);
    Veraenderungen {
        von: a.id.clone(),
        nach: b.id.clone(),
        neu,
        entfallen,
        fortgefuehrt,
        tabelle: tabelle(a, b),
        kennzahlen: kennzahlen(ka, kb),
        kennung_doppelt: kennung_doppelt(a, b),
        aussagen: Aussagen::default(),
    }
}
