//! How often the answers of a choice field occur, for statements about
//! rankings, leading answers, spread and shares within a group (the vague
//! words they are judged by are in `claims::grenzen`).

use std::collections::{BTreeMap, BTreeSet};

use super::Beleg;
use crate::model::{Edition, FELDER, FeldWert, Produkt, Steckbrief};

/// The answers of one field, counted over the fact sheets (a sheet counts
/// once per answer; answers with the same short form count together; free
/// "Sonstiges" answers are left out).
#[derive(Debug, Clone)]
pub struct Auszaehlung {
    pub feld: String,
    /// Sheets with at least one answer to the field (the base of shares).
    pub basis: u32,
    /// (short form, count), most frequent first, then by name.
    pub werte: Vec<(String, u32)>,
    /// The ids of the sheets counted for each answer, in the report's order.
    gezaehlt: BTreeMap<String, Vec<String>>,
    /// The group counted within, as words („ unter denen mit „RPA“ bei
    /// „Technologien““), else empty.
    pub unter: String,
}

/// The published label of a fact-sheet field (its key if there is none).
pub fn feld_label(f: &str) -> String {
    FELDER
        .iter()
        .find(|x| x.schluessel == f)
        .map_or(f.to_owned(), |x| x.bezeichnung.to_owned())
}

impl Auszaehlung {
    pub fn anzahl(&self, wert: &str) -> u32 {
        self.werte
            .iter()
            .find(|(w, _)| w == wert)
            .map_or(0, |x| x.1)
    }

    /// 1-based rank: one more than the answers that occur more often (equal
    /// counts share a rank). `None` for an answer that does not occur.
    pub fn rang(&self, wert: &str) -> Option<usize> {
        let n = self.anzahl(wert);
        (n > 0).then(|| 1 + self.werte.iter().filter(|(_, z)| *z > n).count())
    }

    /// The ids of the sheets that give the answer (what `anzahl` counts).
    pub fn steckbriefe(&self, wert: &str) -> Vec<String> {
        self.gezaehlt.get(wert).cloned().unwrap_or_default()
    }

    /// The sheets counted for `wert` as evidence („Steckbriefe mit „LLM“
    /// bei „Technologien““, and the group if any).
    pub fn beleg(&self, wert: &str) -> Beleg {
        Beleg::Steckbriefe {
            was: format!(
                "Steckbriefe mit „{wert}“ bei „{}“{}",
                feld_label(&self.feld),
                self.unter
            ),
            ids: self.steckbriefe(wert),
        }
    }

    /// The share of sheets with the answer among the sheets that answered.
    pub fn anteil(&self, wert: &str) -> Option<f64> {
        (self.basis > 0).then(|| f64::from(self.anzahl(wert)) / f64::from(self.basis))
    }

    /// The counts as printed by `check`: "LLM 29, RPA 22, … (von 57)".
    pub fn text(&self) -> String {
        let werte: Vec<String> = self.werte.iter().map(|(w, z)| format!("{w} {z}")).collect();
        format!("{} (von {} Steckbriefen)", werte.join(", "), self.basis)
    }
}

/// The short forms of a sheet's answers to `feld`.
fn antworten(e: &Edition, s: &Steckbrief, feld: &str) -> BTreeSet<String> {
    let kurz = |w: &str| e.vokabular.kurz(feld, w).to_owned();
    match s.wert(feld) {
        Some(FeldWert::Einfach(a)) => a.wert().map(kurz).into_iter().collect(),
        Some(FeldWert::Mehrfach(l)) => l.iter().filter_map(|a| a.wert()).map(kurz).collect(),
        _ => BTreeSet::new(),
    }
}

/// Counts the answers of `feld` over the sheets; with `gruppe` = (field,
/// short form), only over the sheets that give that answer there.
pub fn auszaehlen(e: &Edition, feld: &str, gruppe: Option<(&str, &str)>) -> Auszaehlung {
    let mut werte: Vec<(String, u32)> = Vec::new();
    let mut gezaehlt: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut basis = 0;
    for (_, s) in e.alle_steckbriefe() {
        if let Some((gf, gw)) = gruppe
            && !antworten(e, s, gf).contains(gw)
        {
            continue;
        }
        let a = antworten(e, s, feld);
        if !a.is_empty() {
            basis += 1;
        }
        for w in a {
            gezaehlt.entry(w.clone()).or_default().push(s.id.clone());
            match werte.iter_mut().find(|(x, _)| *x == w) {
                Some(x) => x.1 += 1,
                None => werte.push((w, 1)),
            }
        }
    }
    werte.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    Auszaehlung {
        feld: feld.to_owned(),
        basis,
        werte,
        gezaehlt,
        unter: gruppe.map_or(String::new(), |(gf, gw)| {
            format!(" unter denen mit „{gw}“ bei „{}“", feld_label(gf))
        }),
    }
}

/// Whether a sheet names the product (a search term, in any case, in the
/// project name or Anbieter/Produkt).
pub fn nennt_produkt(s: &Steckbrief, p: &Produkt) -> bool {
    let text = format!(
        "{} {}",
        s.projektname,
        s.anbieter_produkt.as_deref().unwrap_or_default()
    )
    .to_lowercase();
    p.suchbegriffe
        .iter()
        .any(|b| text.contains(&b.to_lowercase()))
}

/// The ids of the sheets that name product `p`, in the report's order.
pub fn steckbriefe_mit_produkt(e: &Edition, p: &Produkt) -> Vec<String> {
    e.alle_steckbriefe()
        .filter(|(_, s)| nennt_produkt(s, p))
        .map(|(_, s)| s.id.clone())
        .collect()
}

/// The Landkreise whose sheets name product `id` of the vocabulary, sorted.
pub fn landkreise_mit_produkt(e: &Edition, id: &str) -> Option<Vec<String>> {
    let p = e.vokabular.produkte.iter().find(|p| p.id == id)?;
    let mut lk: Vec<String> = e
        .alle_steckbriefe()
        .filter(|(_, s)| nennt_produkt(s, p))
        .map(|(l, _)| l.to_owned())
        .collect();
    lk.sort();
    lk.dedup();
    Some(lk)
}
