//! `new-edition`: the next edition from the previous one. Its data is the
//! previous data as the editors' starting point (or empty Tabelle 1 and fact
//! sheets), its chapters and layout are its own copies, its history starts
//! with one row (0.1, the given date, "Entwurf"), acknowledged deviations
//! are carried over as to be confirmed, and its schemas are generated.
//! Nothing that exists is ever overwritten.

use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnose, Meldung};
use crate::load;
use crate::model::{Abweichungen, Datum, EditionMeta, HistorienEintrag};
use crate::projekt;
use crate::projekt::Projektpfade;
use crate::sitzung::stufen::{layout_ordner, projektdateien};
use crate::templates::kapitel_ordner;

/// What `new-edition` is asked for.
pub struct Auftrag<'a> {
    pub id: &'a str,
    pub von: &'a str,
    pub datum: Datum,
    /// Start with an empty Tabelle 1 and no fact sheets.
    pub leer: bool,
}

/// Why no edition was made.
#[derive(Debug)]
pub enum Fehler {
    /// The previous edition does not load (its problems and texts).
    Vorlage(Vec<Diagnose>, load::Quelltexte),
    /// Anything else.
    Meldung(Meldung),
}

/// The files written, as project paths.
pub type Angelegt = Vec<PathBuf>;

/// Makes edition `a.id` from `a.von`: the files written and the layout
/// it shares with `a.von`.
pub fn anlegen(wurzel: &Path, a: &Auftrag) -> Result<(Angelegt, String), Fehler> {
    projekt::pruefe_edition_id(a.id).map_err(Fehler::Meldung)?;
    let vorlage = load::lade_edition(wurzel, a.von).map_err(|(d, q)| Fehler::Vorlage(d, q))?;
    let ziele = [Projektpfade::ausgabe(a.id), kapitel_ordner(a.id)];
    if let Some(da) = ziele
        .iter()
        .find(|z| std::fs::symlink_metadata(wurzel.join(z)).is_ok())
    {
        return Err(Fehler::Meldung(
            Meldung::neu(format!(
                "{} gibt es schon; new-edition überschreibt nichts.",
                da.display()
            ))
            .hilfe("Wählen Sie einen anderen Namen oder entfernen Sie den Ordner."),
        ));
    }
    let mut geschrieben = Vec::new();
    let mut schreiben = |relativ: PathBuf, inhalt: &[u8]| -> Result<(), Fehler> {
        neu_schreiben(wurzel, &relativ, inhalt).map_err(Fehler::Meldung)?;
        geschrieben.push(relativ);
        Ok(())
    };
    let daten = Projektpfade::ausgabe(a.id);
    let alt_daten = Projektpfade::ausgabe(a.von);
    for name in ["vokabular.yaml", "quellen.yaml", "glossar.yaml"] {
        schreiben(daten.join(name), &kopie(wurzel, &alt_daten.join(name), a)?)?;
    }
    let kennzahlen = alt_daten.join("kennzahlen.yaml");
    if projekt::ist_datei(wurzel, &kennzahlen) {
        schreiben(
            daten.join("kennzahlen.yaml"),
            &kopie(wurzel, &kennzahlen, a)?,
        )?;
    }
    let meta = neue_meta(&vorlage.edition.meta, a);
    schreiben(
        daten.join("edition.yaml"),
        edition_yaml(&meta, a)?.as_bytes(),
    )?;
    schreiben(
        daten.join("abweichungen.yaml"),
        abweichungen_yaml(&vorlage.edition, a)?.as_bytes(),
    )?;
    tabelle_und_steckbriefe(wurzel, a, &mut schreiben)?;
    // The layout is shared, not copied: the new edition names its
    // predecessor's (a design change is a new layout, `new-layout`).
    let (von, nach) = (kapitel_ordner(a.von), kapitel_ordner(a.id));
    for datei in projektdateien(wurzel, &von, &[]).map_err(Fehler::Meldung)? {
        let ziel = nach.join(datei.strip_prefix(&von).unwrap_or(&datei));
        schreiben(ziel, &kopie(wurzel, &datei, a)?)?;
    }
    for (p, text) in crate::ausgabe::schema::editions_dateien(a.id, &vorlage.edition.vokabular) {
        schreiben(p, text.as_bytes())?;
    }
    Ok((geschrieben, vorlage.edition.meta.layout))
}

/// Tabelle 1 and the fact sheets: copied, or empty with `leer`.
fn tabelle_und_steckbriefe(
    wurzel: &Path,
    a: &Auftrag,
    schreiben: &mut impl FnMut(PathBuf, &[u8]) -> Result<(), Fehler>,
) -> Result<(), Fehler> {
    let daten = Projektpfade::ausgabe(a.id);
    let alt_daten = Projektpfade::ausgabe(a.von);
    std::fs::create_dir_all(wurzel.join(daten.join("steckbriefe")))
        .map_err(|e| Fehler::Meldung(projekt::io_text(&e).into()))?;
    if a.leer {
        let text = format!(
            "# yaml-language-server: $schema=schema/landkreise.schema.json\n\
             # Tabelle 1 der Ausgabe {}: eine Zeile je teilnehmendem Landkreis.\nlandkreise: []\n",
            a.id
        );
        return schreiben(daten.join("landkreise.yaml"), text.as_bytes());
    }
    schreiben(
        daten.join("landkreise.yaml"),
        &kopie(wurzel, &alt_daten.join("landkreise.yaml"), a)?,
    )?;
    let steckbriefe = alt_daten.join("steckbriefe");
    for datei in projektdateien(wurzel, &steckbriefe, &[]).map_err(Fehler::Meldung)? {
        let ziel = daten
            .join("steckbriefe")
            .join(datei.file_name().unwrap_or_default());
        schreiben(ziel, &kopie(wurzel, &datei, a)?)?;
    }
    Ok(())
}

/// The new edition's metadata: year and month of its date, its own layout,
/// a history of one row.
fn neue_meta(alt: &EditionMeta, a: &Auftrag) -> EditionMeta {
    let mut m = alt.clone();
    m.jahr = a.datum.jahr;
    m.monat = a.datum.monat;
    m.vorgaenger = Some(a.von.to_owned());
    let bearbeiter = alt
        .aktuell()
        .map(|h| h.bearbeiter.clone())
        .unwrap_or_default();
    m.historie = vec![HistorienEintrag {
        version: "0.1".into(),
        datum: a.datum,
        bearbeiter,
        anmerkung: "Entwurf".into(),
    }];
    m
}

fn edition_yaml(meta: &EditionMeta, a: &Auftrag) -> Result<String, Fehler> {
    let yaml = serde_saphyr::to_string(meta).map_err(|e| Fehler::Meldung(e.to_string().into()))?;
    Ok(format!(
        "# yaml-language-server: $schema=../schema/edition.schema.json\n\
         # Rahmendaten der Ausgabe {}, angelegt aus Ausgabe {}. Titel, Umfragezeitraum,\n\
         # Sitzungen und Mitwirkende sind die der Vorlage: bitte prüfen.\n{yaml}",
        a.id, a.von
    ))
}

fn abweichungen_yaml(alt: &crate::model::Edition, a: &Auftrag) -> Result<String, Fehler> {
    let mut neu = Abweichungen {
        abweichungen: alt.abweichungen.clone(),
        website: alt.website_abweichungen.clone(),
    };
    for x in &mut neu.abweichungen {
        x.uebernommen_aus.get_or_insert_with(|| a.von.to_owned());
    }
    for x in &mut neu.website {
        x.uebernommen_aus.get_or_insert_with(|| a.von.to_owned());
    }
    let yaml = serde_saphyr::to_string(&neu).map_err(|e| Fehler::Meldung(e.to_string().into()))?;
    Ok(format!(
        "# yaml-language-server: $schema=../schema/abweichungen.schema.json\n\
         # Anerkannte Abweichungen, übernommen aus Ausgabe {}: `check` listet jede als zu\n\
         # bestätigen. Gilt sie weiter, löschen Sie ihre Zeile „uebernommen_aus“.\n{yaml}",
        a.von
    ))
}

/// An edition's folder as a comment names it: `data/2025/`.
fn ordner_text(id: &str) -> String {
    format!("{}/", Projektpfade::ausgabe(id).display())
}

/// A file of the template edition for the new one: in its comments (YAML
/// `#`, chapters and layout `//`), "Ausgabe 2025" and `data/2025/` name the
/// new edition; the text itself is copied byte for byte.
fn kopie(wurzel: &Path, relativ: &Path, a: &Auftrag) -> Result<Vec<u8>, Fehler> {
    let bytes = lesen(wurzel, relativ)?;
    let kommentar = match relativ.extension().and_then(|e| e.to_str()) {
        Some("yaml" | "yml") => "#",
        Some("hbs" | "typ") => "//",
        _ => return Ok(bytes),
    };
    let Ok(text) = String::from_utf8(bytes.clone()) else {
        return Ok(bytes);
    };
    let neu: String = text
        .split_inclusive('\n')
        .map(|zeile| {
            if zeile.trim_start().starts_with(kommentar) {
                zeile
                    .replace(&format!("Ausgabe {}", a.von), &format!("Ausgabe {}", a.id))
                    .replace(&ordner_text(a.von), &ordner_text(a.id))
            } else {
                zeile.to_owned()
            }
        })
        .collect();
    Ok(neu.into_bytes())
}

/// A file of the project, read confined.
fn lesen(wurzel: &Path, relativ: &Path) -> Result<Vec<u8>, Fehler> {
    projekt::lesen(wurzel, relativ, projekt::MAX_BINAER)
        .map_err(|e| Fehler::Meldung(e.to_string().into()))
}

/// Writes a new file inside the project; refuses an existing one and any
/// path that leads outside.
fn neu_schreiben(wurzel: &Path, relativ: &Path, inhalt: &[u8]) -> Result<(), Meldung> {
    let fehler = |e: projekt::Schreibfehler| Meldung::from(e).vorne("nicht geschrieben: ");
    let ordner = relativ.parent().unwrap_or(Path::new(""));
    let name = relativ.file_name().unwrap_or_default();
    projekt::Zielordner::im_projekt(wurzel, ordner)
        .and_then(|z| z.schreiben(name, inhalt, projekt::Ersetzen::Nie))
        .map(|_| ())
        .map_err(fehler)
}

/// Creates layout `neu` as a copy of layout `von`, byte for byte (the way
/// to change a design that a release used); the files written.
pub fn layout_anlegen(wurzel: &Path, neu: &str, von: &str) -> Result<Angelegt, Meldung> {
    projekt::pruefe_edition_id(neu)?;
    let (quelle, ziel) = (layout_ordner(von), layout_ordner(neu));
    if !projekt::ist_datei(wurzel, &quelle.join("bericht.typ")) {
        return Err(Meldung::neu(format!(
            "das Layout „{von}“ gibt es nicht (kein {}/bericht.typ)",
            quelle.display()
        )));
    }
    if std::fs::symlink_metadata(wurzel.join(&ziel)).is_ok() {
        return Err(Meldung::neu(format!(
            "{} gibt es schon; new-layout überschreibt nichts.",
            ziel.display()
        ))
        .hilfe("Wählen Sie einen anderen Namen, z. B. das Jahr der Ausgabe."));
    }
    let mut geschrieben = Vec::new();
    let gestaltung = ziel.join(GESTALTUNG);
    for datei in projektdateien(wurzel, &quelle, &[])? {
        let relativ = ziel.join(datei.strip_prefix(&quelle).unwrap_or(&datei));
        let mut bytes = projekt::lesen(wurzel, &datei, projekt::MAX_BINAER)
            .map_err(|e| Meldung::neu(e.to_string()))?;
        if relativ == gestaltung {
            bytes = mit_vertrag(bytes);
        }
        neu_schreiben(wurzel, &relativ, &bytes)?;
        geschrieben.push(relativ);
    }
    Ok(geschrieben)
}

const GESTALTUNG: &str = "gestaltung.yaml";

/// A copied `gestaltung.yaml` that declares the contract it reads, if it
/// does not yet (layouts released before the declaration read version 1).
/// A layout without the file keeps the design of version 1.0 and reads
/// version 1; writing that design out would fail the contrast check.
fn mit_vertrag(mut bytes: Vec<u8>) -> Vec<u8> {
    let text = String::from_utf8_lossy(&bytes);
    if text.lines().any(|z| z.starts_with("vertrag:")) {
        return bytes;
    }
    if !text.ends_with('\n') {
        bytes.push(b'\n');
    }
    bytes.extend_from_slice(
        format!(
            "# Der Vertrag, den dieses Layout liest ({}).\nvertrag: {}\n",
            crate::vertrag::SCHEMA_DATEI,
            crate::vertrag::VERSION
        )
        .as_bytes(),
    );
    bytes
}
