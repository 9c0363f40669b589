//! Stage survey: LimeSurvey's survey structure (`.lss`) read and written.
//! `survey inspect` lists a survey's questions; `survey questionnaire`
//! writes the questionnaire of the data model, whose codes the import of
//! the next survey's answers will know.

pub mod antworten;
pub mod fragebogen;
pub mod import;
mod kopfzeile;
pub mod lss;
pub mod zuordnung;

use std::path::Path;

use crate::diagnostics::{Diagnose, Meldung};
use crate::model::Vokabular;
use crate::projekt;
use crate::projekt::Projektpfade;

/// Largest `.lss` read (real exports of large surveys stay far below).
pub const MAX_LSS: u64 = 32 * 1024 * 1024;

/// Reads and parses an `.lss` inside the project; problems are located in
/// the file.
pub fn lesen(wurzel: &Path, relativ: &Path) -> Result<lss::Umfrage, Diagnose> {
    let text = projekt::lese_text(wurzel, relativ, MAX_LSS).map_err(|e| e.diagnose())?;
    lss::lesen(&text).map_err(|f| {
        let d = Diagnose::neu(relativ, f.meldung);
        let d = match f.zeile {
            Some(z) => d.an(z, 1, 0..0),
            None => d,
        };
        d.hilfe(
            "Exportieren Sie in LimeSurvey die Umfragestruktur (.lss) erneut: \
             Umfrage → Exportieren → Umfragestruktur (.lss).",
        )
    })
}

/// The questionnaire of an edition as `.lss` text.
pub fn fragebogen(titel: &str, vokabular: &Vokabular, landkreise: Vec<String>) -> String {
    fragebogen::lss(
        titel,
        &fragebogen::Wahl {
            vokabular,
            landkreise,
        },
    )
}

/// The questionnaire of edition `e` as `.lss` text: its vocabulary, the
/// Landkreise of the project's geodata to choose from.
pub fn fragebogen_der_ausgabe(wurzel: &Path, e: &crate::model::Edition) -> Result<String, Meldung> {
    let geo =
        crate::charts::geo::Geodaten::laden(wurzel).map_err(|x| Meldung::neu(x.to_string()))?;
    let mut landkreise: Vec<String> = geo
        .landkreisnamen()
        .into_iter()
        .map(str::to_owned)
        .collect();
    landkreise.sort();
    let titel = format!("{} – Umfrage {}", e.meta.titel, e.id);
    Ok(fragebogen(&titel, &e.vokabular, landkreise))
}

/// Writes the questionnaire of edition `e` as `name` into `ordner`
/// (replacing a file there only with `ersetzen`); where it is.
pub fn fragebogen_schreiben(
    wurzel: &Path,
    e: &crate::model::Edition,
    ordner: &projekt::Zielordner,
    name: &std::ffi::OsStr,
    ersetzen: projekt::Ersetzen,
) -> Result<std::path::PathBuf, Meldung> {
    let text = fragebogen_der_ausgabe(wurzel, e)?;
    ordner.schreiben(name, text.as_bytes(), ersetzen)?;
    Ok(ordner.zeigen(name))
}

/// The survey as text for `survey inspect`: groups and questions in order,
/// with their subquestions and answers.
pub fn als_text(u: &lss::Umfrage) -> String {
    let mut out = format!(
        "Umfrage „{}“, Sprachen: {}\n",
        u.title,
        u.languages.join(", ")
    );
    let mut gruppe = None;
    for f in &u.questions {
        if gruppe != Some(&f.gruppe) {
            out.push_str(&format!("\nGruppe „{}“\n", f.gruppe));
            gruppe = Some(&f.gruppe);
        }
        let sonst = if f.other {
            " (mit „Sonstiges“)"
        } else {
            ""
        };
        out.push_str(&format!("  {} [{}] {}{sonst}\n", f.code, f.typ, f.text));
        for s in &f.subquestions {
            out.push_str(&format!("      Teilfrage {}: {}\n", s.code, s.text));
        }
        for a in &f.answers {
            out.push_str(&format!("      Antwort {}: {}\n", a.code, a.text));
        }
    }
    out
}

/// The files an import writes: project path and YAML text, in the layout
/// of the hand-written files (schema line, comment, the data).
pub fn import_dateien(
    id: &str,
    i: &import::Import,
) -> Result<Vec<(std::path::PathBuf, String)>, Meldung> {
    use crate::model::{Landkreise, kennung_vorschlag};
    let ordner = Projektpfade::ausgabe(id);
    let yaml = |t: &dyn erased::Yaml| t.yaml();
    let mut out = vec![(
        ordner.join("landkreise.yaml"),
        format!(
            "# yaml-language-server: $schema=schema/landkreise.schema.json\n\
             # Tabelle 1 der Ausgabe {id}, aus der LimeSurvey-Umfrage übernommen (survey import).\n\
             # Summen, Durchschnitte und Anteile berechnet kataster-report; sie werden nie eingetragen.\n{}",
            yaml(&Landkreise {
                landkreise: i.landkreise.clone(),
            })?
        ),
    )];
    for d in &i.steckbriefe {
        out.push((
            ordner
                .join("steckbriefe")
                .join(format!("{}.yaml", kennung_vorschlag(&d.landkreis, ""))),
            format!(
                "# yaml-language-server: $schema=../schema/steckbriefe.schema.json\n\
                 # Projektsteckbriefe des Landkreises {} (Ausgabe {id}, aus der LimeSurvey-Umfrage).\n{}",
                d.landkreis,
                yaml(d)?
            ),
        ));
    }
    if let Some((p, text)) = out
        .iter()
        .find(|(_, t)| t.len() as u64 > projekt::MAX_DATEN)
    {
        return Err(Meldung::neu(format!(
            "{} würde {} KB groß; eine Datendatei darf höchstens {} KB haben",
            p.display(),
            text.len() / 1024,
            projekt::MAX_DATEN / 1024
        ))
        .hilfe("Kürzen Sie die längsten Antworten des Landkreises in LimeSurvey und exportieren Sie neu."));
    }
    Ok(out)
}

mod erased {
    /// YAML of a model type.
    pub trait Yaml {
        fn yaml(&self) -> Result<String, crate::diagnostics::Meldung>;
    }
    impl<T: serde::Serialize> Yaml for T {
        fn yaml(&self) -> Result<String, crate::diagnostics::Meldung> {
            serde_saphyr::to_string(self).map_err(|e| e.to_string().into())
        }
    }
}

/// Why an import writes nothing.
#[derive(Debug)]
pub enum ImportAbbruch {
    /// Problems in the structure or the responses, each located.
    Diagnosen(Vec<Diagnose>),
    /// The edition has data the import would change: the files and what
    /// would happen to each (`--force` writes them).
    Vorhanden(Vec<String>),
    Meldung(Meldung),
}

/// What an import did: the files and what happened to each ("neu",
/// "geändert", "unverändert", "entfernt"), the incomplete responses left
/// out.
#[derive(Debug)]
pub struct Ergebnis {
    pub dateien: Vec<(std::path::PathBuf, &'static str)>,
    pub unvollstaendig: Vec<String>,
    /// Responses submitted twice, skipped: (this one, the earlier one).
    pub wiederholt: Vec<(String, String)>,
    /// Fact-sheet fields the survey does not ask; left empty.
    pub nicht_gefragt: Vec<&'static str>,
    pub landkreise: usize,
    pub steckbriefe: usize,
}

/// The structure and the responses: a CSV export with the structure
/// `struktur`, or a survey archive (`.lsa`) with the structure it carries
/// (LimeSurvey renumbers the ids of an imported survey, and the archive's
/// columns are named by them); a problem at its line.
fn antworten_lesen(
    wurzel: &Path,
    struktur: Option<&Path>,
    antworten: &Path,
) -> Result<(lss::Umfrage, antworten::Antworten), Vec<Diagnose>> {
    let ist_archiv = antworten
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("lsa"));
    let am_ort = |f: antworten::CsvFehler| {
        let d = Diagnose::neu(antworten, f.meldung);
        vec![match f.zeile {
            Some(z) => d.an(z, 1, 0..0),
            None => d,
        }]
    };
    if ist_archiv {
        let (lss_text, lsr) = archiv_lesen(wurzel, antworten).map_err(am_ort)?;
        let umfrage = lss::lesen(&lss_text).map_err(|f| {
            vec![Diagnose::neu(
                antworten,
                format!(
                    "die Umfragestruktur im Archiv ist nicht lesbar: {}",
                    f.meldung
                ),
            )]
        })?;
        let tabelle = antworten::Antworten::aus_lsr(&lsr, &umfrage).map_err(am_ort)?;
        return Ok((umfrage, tabelle));
    }
    let Some(struktur) = struktur else {
        return Err(vec![
            Diagnose::neu(antworten, "zu einer CSV-Datei fehlt die Umfragestruktur")
                .hilfe("Geben Sie die .lss der Umfrage an: --lss umfrage/2026/umfrage.lss"),
        ]);
    };
    let umfrage = lesen(wurzel, struktur).map_err(|d| vec![d])?;
    let tabelle = projekt::lese_text(wurzel, antworten, MAX_LSS)
        .map_err(|e| antworten::CsvFehler {
            meldung: e.to_string(),
            zeile: None,
        })
        .and_then(|t| antworten::Antworten::lesen(&t, &umfrage))
        .map_err(am_ort)?;
    Ok((umfrage, tabelle))
}

/// Imports the responses `antworten` (CSV to the survey `struktur`, or an
/// archive with its own structure) into edition `id`: into an empty edition, or over existing data only
/// with `erzwingen`.
pub fn importieren_in(
    wurzel: &Path,
    struktur: Option<&Path>,
    antworten: &Path,
    id: &str,
    erzwingen: bool,
) -> Result<Ergebnis, ImportAbbruch> {
    use ImportAbbruch as A;
    projekt::pruefe_edition_id(id).map_err(A::Meldung)?;
    let ordner = Projektpfade::ausgabe(id);
    if !projekt::ist_datei(wurzel, &ordner.join("edition.yaml")) {
        return Err(A::Meldung(
            Meldung::neu(format!(
                "die Ausgabe {id} gibt es nicht (kein data/{id}/edition.yaml)."
            ))
            .hilfe(format!(
                "Legen Sie sie an: kataster-report new-edition {id} --from <frühere> --datum \
                 <JJJJ-MM-TT> --leer"
            )),
        ));
    }
    let (umfrage, tabelle) = antworten_lesen(wurzel, struktur, antworten).map_err(A::Diagnosen)?;
    let geo = crate::charts::geo::Geodaten::laden(wurzel)
        .map_err(|e| A::Meldung(e.to_string().into()))?;
    let region = |name: &str| {
        geo.kreise
            .iter()
            .any(|k| k.name == name && k.art == "Region")
    };
    let (zuordnung, vokabular) = zuordnung_und_vokabular(wurzel, &ordner).map_err(A::Diagnosen)?;
    let i = import::importieren(
        &umfrage,
        (&tabelle, antworten),
        (&zuordnung, &vokabular),
        &region,
    )
    .map_err(A::Diagnosen)?;
    let neu = import_dateien(id, &i).map_err(A::Meldung)?;
    let plan = vergleichen(wurzel, &ordner, &neu);
    let aendert = plan
        .iter()
        .any(|(p, was)| *was != "unverändert" && (*was != "neu" || p.ends_with("landkreise.yaml")));
    let leer = leer(wurzel, &ordner);
    if aendert && !leer && !erzwingen {
        return Err(A::Vorhanden(
            plan.iter()
                .filter(|(_, w)| *w != "unverändert")
                .map(|(p, w)| format!("{}: {w}", p.display()))
                .collect(),
        ));
    }
    umstellen(wurzel, &ordner, &neu, &plan)
        .map_err(|e| A::Meldung(Meldung::from(e).vorne("nicht übernommen: ")))?;
    Ok(Ergebnis {
        dateien: plan,
        unvollstaendig: i.unvollstaendig,
        wiederholt: i.wiederholt,
        nicht_gefragt: i.nicht_gefragt,
        landkreise: i.landkreise.len(),
        steckbriefe: i.steckbriefe.iter().map(|d| d.steckbriefe.len()).sum(),
    })
}

/// Switches the edition folder `ordner` to the imported files in one step:
/// a copy of it is prepared beside it with the new files written and the
/// emptied ones removed, then exchanged with it. A kill at any moment
/// leaves the edition as before or fully imported.
fn umstellen(
    wurzel: &Path,
    ordner: &Path,
    neu: &[(std::path::PathBuf, String)],
    plan: &[(std::path::PathBuf, &'static str)],
) -> Result<(), projekt::Schreibfehler> {
    let relativ = |p: &Path| {
        p.strip_prefix(ordner)
            .map(Path::to_path_buf)
            .unwrap_or_default()
    };
    let fassung = projekt::Zielordner::im_projekt(wurzel, ordner)?.neufassung(true)?;
    for (p, text) in neu {
        fassung
            .ordner()
            .schreiben(relativ(p), text.as_bytes(), projekt::Ersetzen::Ja)?;
    }
    for (p, was) in plan {
        if *was == "entfernt" {
            fassung.ordner().entfernen(relativ(p))?;
        }
    }
    fassung.abschliessen()
}

/// The structure (`*.lss`) and the responses (`*_responses.lsr`) of a
/// survey archive, as text.
fn archiv_lesen(wurzel: &Path, datei: &Path) -> Result<(String, String), antworten::CsvFehler> {
    let fehler = |meldung: String| antworten::CsvFehler {
        meldung,
        zeile: None,
    };
    let bytes = projekt::lesen(wurzel, datei, MAX_LSS).map_err(|e| fehler(e.to_string()))?;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|_| fehler("kein lesbares Umfragearchiv (.lsa ist eine ZIP-Datei)".into()))?;
    let namen: Vec<String> = (0..zip.len())
        .filter_map(|i| zip.name_for_index(i).map(str::to_owned))
        .collect();
    let finde = |endung: &str, fehlt: &str| {
        namen
            .iter()
            .find(|n| n.ends_with(endung))
            .cloned()
            .ok_or_else(|| fehler(fehlt.to_owned()))
    };
    let lss = finde(
        ".lss",
        "das Archiv enthält keine Umfragestruktur (keine Datei ….lss)",
    )?;
    let lsr = finde(
        "_responses.lsr",
        "das Archiv enthält keine Antworten (keine Datei …_responses.lsr); die Umfrage war beim \
         Export nicht aktiviert",
    )?;
    Ok((
        archiv_text(&mut zip, &lss).map_err(fehler)?,
        archiv_text(&mut zip, &lsr).map_err(fehler)?,
    ))
}

/// One file of the archive as text, at most [`MAX_LSS`] bytes.
fn archiv_text(
    zip: &mut zip::ZipArchive<std::io::Cursor<Vec<u8>>>,
    name: &str,
) -> Result<String, String> {
    use std::io::Read;
    let mut text = String::new();
    zip.by_name(name)
        .map_err(|_| format!("{name} im Archiv ist nicht lesbar"))?
        .take(MAX_LSS)
        .read_to_string(&mut text)
        .map_err(|_| format!("{name} im Archiv ist kein UTF-8-Text"))?;
    Ok(text)
}

/// The edition's `umfrage.yaml` (or the questionnaire's codes where it
/// has none) and its vocabulary.
fn zuordnung_und_vokabular(
    wurzel: &Path,
    ordner: &Path,
) -> Result<(zuordnung::Zuordnung, crate::model::Vokabular), Vec<Diagnose>> {
    let mut dateien = Default::default();
    let mut texte = Default::default();
    let datei = ordner.join(ZUORDNUNG);
    let z = if projekt::ist_datei(wurzel, &datei) {
        crate::load::lade_datei(wurzel, &datei, &mut dateien, &mut texte)?
    } else {
        zuordnung::Zuordnung::standard()
    };
    let v = crate::load::lade_datei(
        wurzel,
        &ordner.join("vokabular.yaml"),
        &mut dateien,
        &mut texte,
    )?;
    Ok((z, v))
}

/// The mapping file of an edition, `data/<edition>/umfrage.yaml`.
pub const ZUORDNUNG: &str = "umfrage.yaml";

/// `survey map`: a proposed `umfrage.yaml` for the survey `struktur`, with
/// the vocabulary of edition `id`, written into the edition (never over an
/// existing one); the sentences of what could not be matched.
pub fn zuordnung_vorschlagen(
    wurzel: &Path,
    struktur: &Path,
    id: &str,
) -> Result<(std::path::PathBuf, Vec<String>), ImportAbbruch> {
    use ImportAbbruch as A;
    projekt::pruefe_edition_id(id).map_err(A::Meldung)?;
    let ordner = Projektpfade::ausgabe(id);
    let ziel = ordner.join(ZUORDNUNG);
    if std::fs::symlink_metadata(wurzel.join(&ziel)).is_ok() {
        return Err(A::Meldung(
            Meldung::neu(format!(
                "{} gibt es schon; ein Vorschlag ersetzt es nicht.",
                ziel.display()
            ))
            .hilfe("Löschen oder umbenennen Sie die Datei, wenn Sie einen neuen Vorschlag wollen."),
        ));
    }
    let umfrage = lesen(wurzel, struktur).map_err(|d| A::Diagnosen(vec![d]))?;
    let mut dateien = Default::default();
    let mut texte = Default::default();
    let v = crate::load::lade_datei(
        wurzel,
        &ordner.join("vokabular.yaml"),
        &mut dateien,
        &mut texte,
    )
    .map_err(A::Diagnosen)?;
    let (z, offen) = zuordnung::vorschlagen(&umfrage, &v);
    let yaml = serde_saphyr::to_string(&z).map_err(|e| A::Meldung(e.to_string().into()))?;
    let mut kopf = format!(
        "# yaml-language-server: $schema=../schema/umfrage.schema.json\n\
         # Zuordnung der Umfrage „{}“ zu den Daten der Ausgabe {id}, vorgeschlagen von\n\
         # `kataster-report survey map` nach den Texten der Fragen und Antworten. Bitte prüfen.\n",
        umfrage.title
    );
    for o in &offen {
        kopf.push_str(&format!("# Nicht zugeordnet: {o}\n"));
    }
    projekt::Zielordner::im_projekt(wurzel, &ordner)
        .and_then(|z| {
            z.schreiben(
                ZUORDNUNG,
                format!("{kopf}{yaml}").as_bytes(),
                projekt::Ersetzen::Nie,
            )
        })
        .map_err(|e| A::Meldung(Meldung::from(e).vorne("nicht geschrieben: ")))?;
    Ok((ziel, offen))
}

/// What writing `neu` would do to each file, and the fact-sheet files it
/// would leave without data ("entfernt").
fn vergleichen(
    wurzel: &Path,
    ordner: &Path,
    neu: &[(std::path::PathBuf, String)],
) -> Vec<(std::path::PathBuf, &'static str)> {
    let mut plan: Vec<(std::path::PathBuf, &'static str)> = neu
        .iter()
        .map(|(p, text)| {
            let was = match projekt::lese_text(wurzel, p, projekt::MAX_DATEN) {
                Ok(alt) if alt == *text => "unverändert",
                Ok(_) => "geändert",
                Err(_) => "neu",
            };
            (p.clone(), was)
        })
        .collect();
    let steckbriefe = ordner.join("steckbriefe");
    for name in projekt::ordner(wurzel, &steckbriefe).unwrap_or_default() {
        let p = steckbriefe.join(&name);
        if name.ends_with(".yaml") && !neu.iter().any(|(q, _)| *q == p) {
            plan.push((p, "entfernt"));
        }
    }
    plan
}

/// Whether the edition has no Landkreis and no fact sheet yet.
fn leer(wurzel: &Path, ordner: &Path) -> bool {
    let keine_steckbriefe = projekt::ordner(wurzel, &ordner.join("steckbriefe"))
        .unwrap_or_default()
        .iter()
        .all(|n| !n.ends_with(".yaml"));
    let tabelle = projekt::lese_text(wurzel, &ordner.join("landkreise.yaml"), projekt::MAX_DATEN)
        .ok()
        .and_then(|t| serde_saphyr::from_str::<crate::model::Landkreise>(&t).ok());
    keine_steckbriefe && tabelle.is_none_or(|t| t.landkreise.is_empty())
}
