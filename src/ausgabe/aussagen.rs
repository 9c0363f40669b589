//! Statements across editions: every bound claim and statement of the text,
//! matched between two editions by chapter, figure or statement key and
//! wording (as acknowledgements are), with the verdict `check` gives it in
//! each. Read by `diff`, by `check` (wording copied, data changed) and by the
//! layout's section "Veränderungen".

use std::path::Path;

use serde::Serialize;

use crate::claims::{Ergebnis, Pruefbericht};
use crate::diagnostics::Diagnose;
use crate::figures::Kennzahlen;
use crate::model::Edition;

/// What `check` says about a statement in one edition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Urteil {
    Stimmt,
    /// In the borderline band of its vague word (passes).
    Grenzwertig,
    /// Violated, and acknowledged in `abweichungen.yaml`.
    Anerkannt,
    Verletzt,
}

impl Urteil {
    fn von(e: &Ergebnis) -> Urteil {
        match (e.gilt, e.anerkannt) {
            _ if e.urteil == crate::claims::Urteil::Grenzwertig => Urteil::Grenzwertig,
            (true, _) => Urteil::Stimmt,
            (false, true) => Urteil::Anerkannt,
            (false, false) => Urteil::Verletzt,
        }
    }

    pub fn text(self) -> &'static str {
        match self {
            Urteil::Stimmt => "stimmt",
            Urteil::Grenzwertig => "grenzwertig",
            Urteil::Anerkannt => "verletzt (anerkannt)",
            Urteil::Verletzt => "verletzt",
        }
    }
}

/// A statement as one edition has it.
#[derive(Debug, Clone, Serialize)]
pub struct Aussagestand {
    pub urteil: Urteil,
    pub berechnet: String,
    pub datei: String,
    pub zeile: usize,
    /// The acknowledgement was carried over and is not yet confirmed.
    pub zu_bestaetigen: bool,
    /// `abweichungen.yaml` has an entry for it.
    pub eingetragen: bool,
}

/// One statement in both editions (`None`: not in that edition's text).
#[derive(Debug, Clone, Serialize)]
pub struct Aussagevergleich {
    pub kapitel: String,
    pub wortlaut: String,
    /// The figure or the statement's key (`rang:technologien:…`).
    pub kennzahl: String,
    pub behauptet: String,
    pub alt: Option<Aussagestand>,
    pub neu: Option<Aussagestand>,
}

impl Aussagevergleich {
    fn beide(&self) -> Option<(&Aussagestand, &Aussagestand)> {
        Some((self.alt.as_ref()?, self.neu.as_ref()?))
    }

    pub fn urteil_geaendert(&self) -> bool {
        self.beide().is_some_and(|(a, n)| a.urteil != n.urteil)
    }

    /// The words are the same in both editions, the computed value is not.
    pub fn wert_geaendert(&self) -> bool {
        self.beide()
            .is_some_and(|(a, n)| a.berechnet != n.berechnet)
    }

    /// Acknowledged before, holds now, and still acknowledged: the entry
    /// can go.
    pub fn anerkennung_entbehrlich(&self) -> bool {
        self.beide().is_some_and(|(a, n)| {
            a.urteil == Urteil::Anerkannt && n.urteil == Urteil::Stimmt && n.eingetragen
        })
    }

    pub fn zu_bestaetigen(&self) -> bool {
        self.neu.as_ref().is_some_and(|n| n.zu_bestaetigen)
    }

    fn bemerkenswert(&self) -> bool {
        self.beide().is_none()
            || self.urteil_geaendert()
            || self.wert_geaendert()
            || self.zu_bestaetigen()
    }
}

/// The statements of two editions: the ones that changed, are new or gone,
/// or wait for confirmation; the rest only counted.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Aussagen {
    pub geprueft_alt: usize,
    pub geprueft_neu: usize,
    /// In both editions, same verdict and value.
    pub unveraendert: usize,
    pub liste: Vec<Aussagevergleich>,
}

impl Aussagen {
    pub fn urteil_geaendert(&self) -> impl Iterator<Item = &Aussagevergleich> {
        self.liste.iter().filter(|a| a.urteil_geaendert())
    }
    /// Same verdict, other value.
    pub fn nur_wert_geaendert(&self) -> impl Iterator<Item = &Aussagevergleich> {
        self.liste
            .iter()
            .filter(|a| a.wert_geaendert() && !a.urteil_geaendert())
    }
    pub fn neu_im_text(&self) -> impl Iterator<Item = &Aussagevergleich> {
        self.liste.iter().filter(|a| a.alt.is_none())
    }
    pub fn nicht_mehr_im_text(&self) -> impl Iterator<Item = &Aussagevergleich> {
        self.liste.iter().filter(|a| a.neu.is_none())
    }
    pub fn anerkennung_entbehrlich(&self) -> impl Iterator<Item = &Aussagevergleich> {
        self.liste.iter().filter(|a| a.anerkennung_entbehrlich())
    }
    pub fn zu_bestaetigen(&self) -> impl Iterator<Item = &Aussagevergleich> {
        self.liste.iter().filter(|a| a.zu_bestaetigen())
    }
}

/// The chapter file a claim stands in.
fn kapitel(e: &Ergebnis) -> String {
    Path::new(&e.datei)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn stand(e: &Ergebnis) -> Aussagestand {
    Aussagestand {
        urteil: Urteil::von(e),
        berechnet: e.berechnet.clone(),
        datei: e.datei.clone(),
        zeile: e.zeile,
        zu_bestaetigen: e.zu_bestaetigen.is_some(),
        eingetragen: e.eingetragen,
    }
}

fn gleich(a: &Ergebnis, b: &Ergebnis) -> bool {
    kapitel(a) == kapitel(b) && a.kennzahl == b.kennzahl && a.wortlaut == b.wortlaut
}

/// Matches the claims of `alt` and `neu` (each claim of one edition at most
/// once, in the order of the text), in the later edition's order, then the
/// ones gone.
pub fn vergleichen(alt: &Pruefbericht, neu: &Pruefbericht) -> Aussagen {
    let mut frei = vec![true; alt.behauptungen.len()];
    let mut out = Aussagen {
        geprueft_alt: alt.behauptungen.len(),
        geprueft_neu: neu.behauptungen.len(),
        ..Aussagen::default()
    };
    let mut alle = Vec::new();
    for n in &neu.behauptungen {
        let treffer =
            (0..alt.behauptungen.len()).find(|&i| frei[i] && gleich(&alt.behauptungen[i], n));
        if let Some(i) = treffer {
            frei[i] = false;
        }
        alle.push(Aussagevergleich {
            kapitel: kapitel(n),
            wortlaut: n.wortlaut.clone(),
            kennzahl: n.kennzahl.clone(),
            behauptet: n.vergleich.clone(),
            alt: treffer.map(|i| stand(&alt.behauptungen[i])),
            neu: Some(stand(n)),
        });
    }
    for (a, _) in alt.behauptungen.iter().zip(frei).filter(|(_, f)| *f) {
        alle.push(Aussagevergleich {
            kapitel: kapitel(a),
            wortlaut: a.wortlaut.clone(),
            kennzahl: a.kennzahl.clone(),
            behauptet: a.vergleich.clone(),
            alt: Some(stand(a)),
            neu: None,
        });
    }
    out.unveraendert = alle.iter().filter(|a| !a.bemerkenswert()).count();
    out.liste = alle
        .into_iter()
        .filter(Aussagevergleich::bemerkenswert)
        .collect();
    out
}

/// The claims of an edition's text against its data and acknowledgements,
/// without typesetting (for the edition compared with).
pub fn pruefen(
    wurzel: &Path,
    edition: &Edition,
    kennzahlen: &Kennzahlen,
) -> Result<Pruefbericht, Vec<Diagnose>> {
    let kapitel = crate::templates::lade_kapitel_mit(wurzel, &edition.id, &[])?;
    Ok(crate::claims::pruefe(&kapitel, edition, kennzahlen))
}
