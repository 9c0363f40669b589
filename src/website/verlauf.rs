//! The editions of one site: the newest at the site's root, each older one
//! in a folder named by its id, and every project's history over them,
//! matched by its stable `id` (first reported, status per edition,
//! renamed, no longer reported).

use crate::model::Edition;
use crate::report_data::anzeige;

/// A project as one edition reports it.
#[derive(Debug, Clone, PartialEq)]
pub struct Stand {
    pub name: String,
    pub landkreis: String,
    pub status: Option<String>,
}

/// One edition of the site.
#[derive(Debug, Clone)]
pub struct Ausgabe {
    pub id: String,
    /// Its folder from the site's root: `""` for the newest, `"2025/"`.
    pub ort: String,
    pub projekte: Vec<(String, Stand)>,
}

/// Every edition of the site, oldest first.
#[derive(Debug, Clone, Default)]
pub struct Ausgaben {
    pub liste: Vec<Ausgabe>,
}

fn ausgabe(e: &Edition, ort: String) -> Ausgabe {
    Ausgabe {
        id: e.id.clone(),
        ort,
        projekte: e
            .alle_steckbriefe()
            .map(|(lk, s)| {
                let stand = Stand {
                    name: s.projektname.clone(),
                    landkreis: lk.to_owned(),
                    status: s.wert("projektstatus").map(anzeige),
                };
                (s.id.clone(), stand)
            })
            .collect(),
    }
}

impl Ausgaben {
    /// The editions given (any order): sorted by year, month and id; the
    /// last is the newest and takes the root.
    pub fn aus(editionen: &[&Edition]) -> Ausgaben {
        let mut sortiert: Vec<&Edition> = editionen.to_vec();
        sortiert.sort_by(|a, b| {
            (a.meta.jahr, a.meta.monat, &a.id).cmp(&(b.meta.jahr, b.meta.monat, &b.id))
        });
        let n = sortiert.len();
        Ausgaben {
            liste: sortiert
                .iter()
                .enumerate()
                .map(|(i, e)| {
                    let ort = if i + 1 == n {
                        String::new()
                    } else {
                        format!("{}/", e.id)
                    };
                    ausgabe(e, ort)
                })
                .collect(),
        }
    }

    pub fn neueste(&self) -> Option<&Ausgabe> {
        self.liste.last()
    }

    pub fn ort(&self, id: &str) -> &str {
        self.liste
            .iter()
            .find(|a| a.id == id)
            .map_or("", |a| a.ort.as_str())
    }

    /// Whether the site has more than one edition.
    pub fn mehrere(&self) -> bool {
        self.liste.len() > 1
    }

    /// A project in every edition: its state there, or `None`.
    pub fn verlauf(&self, projekt: &str) -> Vec<(&Ausgabe, Option<&Stand>)> {
        self.liste
            .iter()
            .map(|a| {
                let stand = a
                    .projekte
                    .iter()
                    .find(|(id, _)| id == projekt)
                    .map(|(_, s)| s);
                (a, stand)
            })
            .collect()
    }

    /// From a page of edition `von` at depth `wurzel` ("" or "../") to the
    /// root of edition `nach`.
    pub fn weg(&self, von: &str, wurzel: &str, nach: &str) -> String {
        let hoch = if self.ort(von).is_empty() { "" } else { "../" };
        format!("{wurzel}{hoch}{}", self.ort(nach))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wege_zwischen_den_ausgaben() {
        let a = Ausgaben {
            liste: vec![
                Ausgabe {
                    id: "2025".into(),
                    ort: "2025/".into(),
                    projekte: Vec::new(),
                },
                Ausgabe {
                    id: "2026".into(),
                    ort: String::new(),
                    projekte: Vec::new(),
                },
            ],
        };
        assert_eq!(a.weg("2026", "../", "2025"), "../2025/");
        assert_eq!(a.weg("2025", "../", "2026"), "../../");
        assert_eq!(a.weg("2025", "", "2025"), "../2025/");
        assert_eq!(a.weg("2026", "", "2026"), "");
    }
}
