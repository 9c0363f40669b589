//! `survey`: the LimeSurvey questionnaire of an edition, reading a survey's
//! structure, proposing a mapping, importing the responses.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Subcommand;
use kataster_report::diagnostics::Meldung;
use kataster_report::projekt::Ersetzen;
use kataster_report::umfrage::{self, ImportAbbruch};

use super::Abbruch;

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(subcommand)]
    pub was: Was,
}

#[derive(Subcommand, Debug)]
pub enum Was {
    /// Listet Gruppen, Fragen, Teilfragen und Antworten einer Umfragestruktur (.lss).
    #[command(
        help_template = super::HILFE_VORLAGE_MIT_ANGABE,
        override_usage = "kataster-report survey inspect <DATEI.lss> [--format text|json]",
        after_help = "Die Datei muss im Projektordner liegen (z. B. umfrage/2026/umfrage.lss). \
                      Liest Exporte aktueller LimeSurvey-Versionen (Texte in *_l10ns) und älterer \
                      (Texte in den Zeilen, mehrere Sprachen); gezeigt wird die Basissprache.\n\n\
                      Beispiele:\n  kataster-report survey inspect umfrage/2026/umfrage.lss\n  \
                      kataster-report survey inspect umfrage/2026/umfrage.lss --format json"
    )]
    Inspect(Inspect),
    /// Schreibt den Fragebogen des Datenmodells als LimeSurvey-Umfragestruktur (.lss).
    #[command(
        help_template = super::HILFE_VORLAGE_BEFEHL,
        override_usage = "kataster-report survey questionnaire --edition <AUSGABE> --out <DATEI.lss>",
        after_help = "Fragt Tabelle 1 (Gruppe „Landkreis“) und jedes Feld eines Steckbriefs \
                      (Gruppe „Projektsteckbrief“) ab, mit dem Vokabular der Ausgabe als \
                      Antworten und „Sonstiges“ bei jeder Auswahl. Die Fragecodes kommen aus den \
                      Feldnamen. In LimeSurvey: Umfrage erstellen → Importieren.\n\n\
                      Beispiel:\n  kataster-report survey questionnaire --edition 2025 --out dist/fragebogen.lss"
    )]
    Questionnaire(Fragebogen),
    /// Übernimmt die Antworten einer Umfrage in die Steckbriefe und Tabelle 1 einer Ausgabe.
    #[command(
        help_template = super::HILFE_VORLAGE_BEFEHL,
        override_usage = "kataster-report survey import [--lss <DATEI.lss>] --responses <DATEI.csv|DATEI.lsa> --edition <AUSGABE> [--force]",
        after_help = "Eine Antwort je Projekt: ihr Landkreis (Frage LK), dessen Zeile der Tabelle 1 und \
                      der Steckbrief. Fragen werden über die Codes des Fragebogens von `survey \
                      questionnaire` erkannt (in der Kopfzeile als Fragecode oder als voller oder \
                      gekürzter Fragetext), Antworten über Code oder vollen Text. Ein \
                      Umfragearchiv (.lsa) wird mit der Umfragestruktur gelesen, die es enthält \
                      (LimeSurvey nummeriert beim Import die Fragen neu); --lss ist dann nicht \
                      nötig. Unvollständige \
                      Antworten (ohne Abschlussdatum) werden aufgelistet und übersprungen. Alle Fehler \
                      eines Laufs werden zusammen gemeldet, je mit Antwort, Frage und Spalte. Schreibt \
                      nur in eine leere Ausgabe; vorhandene Daten ersetzt es erst mit --force, nachdem \
                      es die Änderungen aufgelistet hat. Beide Dateien müssen im Projektordner liegen.\n\n\
                      Beispiele:\n  kataster-report survey import --lss umfrage/2026/umfrage.lss \
                      --responses umfrage/2026/antworten.csv --edition 2026\n  kataster-report \
                      survey import --responses umfrage/2026/archiv.lsa --edition 2026"
    )]
    Import(Import),
    /// Schlägt die Zuordnung einer fremden Umfrage zu den Feldern vor (umfrage.yaml).
    #[command(
        help_template = super::HILFE_VORLAGE_MIT_ANGABE,
        override_usage = "kataster-report survey map <DATEI.lss> --edition <AUSGABE>",
        after_help = "Für eine Umfrage, die nicht aus `survey questionnaire` stammt: ordnet Fragen \
                      über ihren Text den Feldern zu (Bezeichnung im Bericht) und Antworten dem \
                      Vokabular der Ausgabe, schreibt den Vorschlag nach data/<ausgabe>/umfrage.yaml \
                      (nie über eine vorhandene Datei) und listet, was sich nicht zuordnen ließ. \
                      `survey import` liest die Datei, wenn es sie gibt.\n\n\
                      Beispiel:\n  kataster-report survey map umfrage/2026/umfrage.lss --edition 2026"
    )]
    Map(Zuordnen),
}

#[derive(clap::Args, Debug)]
pub struct Zuordnen {
    /// Die Umfragestruktur (.lss) im Projektordner.
    #[arg(value_name = "DATEI.lss")]
    pub datei: PathBuf,
    /// Die Ausgabe, in deren Ordner die Zuordnung geschrieben wird.
    #[arg(long, value_name = "AUSGABE")]
    pub edition: String,
}

#[derive(clap::Args, Debug)]
pub struct Import {
    /// Die Umfragestruktur (.lss) im Projektordner; für ein Umfragearchiv
    /// (.lsa) nicht nötig, es bringt seine eigene mit.
    #[arg(long, value_name = "DATEI.lss")]
    pub lss: Option<PathBuf>,
    /// Die Antworten im Projektordner: CSV aus „Antworten exportieren“
    /// (Überschriften als Fragecode, voller oder gekürzter Fragetext), oder ein
    /// Umfragearchiv (.lsa).
    #[arg(long, value_name = "DATEI.csv|DATEI.lsa")]
    pub responses: PathBuf,
    /// Die Ausgabe, in die übernommen wird (mit new-edition … --leer angelegt).
    #[arg(long, value_name = "AUSGABE")]
    pub edition: String,
    /// Vorhandene Steckbriefe und Tabelle 1 ersetzen.
    #[arg(long)]
    pub force: bool,
}

#[derive(clap::Args, Debug)]
pub struct Inspect {
    /// Die Umfragestruktur (.lss) im Projektordner.
    #[arg(value_name = "DATEI.lss")]
    pub datei: PathBuf,
    #[command(flatten)]
    pub wahl: super::Formatwahl,
}

#[derive(clap::Args, Debug)]
pub struct Fragebogen {
    /// Ausgabe, deren Vokabular die Antworten gibt (Vorgabe: die neueste in data/).
    #[arg(long, value_name = "AUSGABE")]
    pub edition: Option<String>,
    /// Die zu schreibende Datei (ein relativer Pfad gilt im Projektordner).
    #[arg(long, value_name = "DATEI.lss")]
    pub out: PathBuf,
    /// Eine vorhandene Datei mit anderem Inhalt ersetzen.
    #[arg(long)]
    pub force: bool,
    /// Dazu Vorschläge für neue Fragen ausgeben: jede Stelle der Kapitel, die mit
    /// {{#ohne_daten "kein Feld für …"}} gekennzeichnet ist.
    #[arg(long)]
    pub vorschlaege: bool,
}

pub fn ausfuehren(projekt: &Path, args: Args) -> Result<ExitCode, Abbruch> {
    match args.was {
        Was::Inspect(a) => inspect(projekt, a),
        Was::Questionnaire(a) => fragebogen(projekt, a),
        Was::Import(a) => import(projekt, a),
        Was::Map(a) => zuordnen(projekt, a),
    }
}

fn zuordnen(projekt: &Path, a: Zuordnen) -> Result<ExitCode, Abbruch> {
    let datei = im_projekt_relativ(projekt, &a.datei)?;
    let (ziel, offen) =
        umfrage::zuordnung_vorschlagen(projekt, &datei, &a.edition).map_err(|e| {
            abbruch(
                projekt,
                &a.edition,
                e,
                "Es wurde keine Zuordnung geschrieben.",
            )
        })?;
    let mut t = format!("Zuordnung vorgeschlagen: {}\n", ziel.display());
    if offen.is_empty() {
        t.push_str("Jede Frage und jede Antwort ließ sich zuordnen.\n");
    } else {
        t.push_str("Nicht zugeordnet (steht auch als Kommentar in der Datei):\n");
        for o in &offen {
            t.push_str(&format!("  {o}\n"));
        }
    }
    t.push_str("Hilfe: Prüfen und ergänzen Sie die Datei, dann `kataster-report survey import`.\n");
    super::melden(&t);
    Ok(ExitCode::SUCCESS)
}

fn import(projekt: &Path, a: Import) -> Result<ExitCode, Abbruch> {
    let lss = a
        .lss
        .as_deref()
        .map(|l| im_projekt_relativ(projekt, l))
        .transpose()?;
    let antworten = im_projekt_relativ(projekt, &a.responses)?;
    let e = umfrage::importieren_in(projekt, lss.as_deref(), &antworten, &a.edition, a.force)
        .map_err(|e| abbruch(projekt, &a.edition, e, "Es wurde nichts übernommen."))?;
    let mut t = format!(
        "Ausgabe {}: {} Landkreise und {} Steckbriefe aus der Umfrage übernommen.\n",
        a.edition, e.landkreise, e.steckbriefe
    );
    for (p, was) in &e.dateien {
        t.push_str(&format!("  {}: {was}\n", p.display()));
    }
    if !e.unvollstaendig.is_empty() {
        t.push_str(&format!(
            "Übersprungen, weil nicht abgeschlossen (ohne Abschlussdatum): Antwort {}.\n",
            e.unvollstaendig.join(", ")
        ));
    }
    if !e.nicht_gefragt.is_empty() {
        t.push_str(&format!(
            "Hinweis: Die Umfrage fragt diese Felder des Steckbriefs nicht (ein Fragebogen von \
             vor ihrer Einführung); sie bleiben leer: {}. Ein neuer Fragebogen von \
             `kataster-report survey questionnaire` fragt sie.\n",
            e.nicht_gefragt.join(", ")
        ));
    }
    for (antwort, von) in &e.wiederholt {
        t.push_str(&format!(
            "Übersprungen, weil zweimal abgeschickt: Antwort {antwort} (dieselben Angaben wie \
             Antwort {von}).\n"
        ));
    }
    t.push_str(&format!(
        "Hilfe: Prüfen Sie das Ergebnis mit `kataster-report check --edition {}`.\n",
        a.edition
    ));
    super::melden(&t);
    Ok(ExitCode::SUCCESS)
}

fn inspect(projekt: &Path, a: Inspect) -> Result<ExitCode, Abbruch> {
    let relativ = im_projekt_relativ(projekt, &a.datei)?;
    let u = umfrage::lesen(projekt, &relativ)
        .map_err(|d| Abbruch::diagnosen(&[d], |p| quelltext(projekt, p)))?;
    match a.wahl.format {
        super::Format::Text => super::drucken(&umfrage::als_text(&u)),
        super::Format::Json => super::drucken(&format!(
            "{}\n",
            serde_json::to_string_pretty(&u).unwrap_or_default()
        )),
    }
    Ok(ExitCode::SUCCESS)
}

fn fragebogen(projekt: &Path, a: Fragebogen) -> Result<ExitCode, Abbruch> {
    const NICHTS: &str = "Es wurde kein Fragebogen geschrieben.";
    let mut s = super::sitzung(projekt, a.edition.as_deref())?;
    let (Some(name), ordner) = (a.out.file_name(), a.out.parent().unwrap_or(Path::new(""))) else {
        return Err(Abbruch::from(Meldung::neu(format!(
            "{} nennt keine Datei.",
            a.out.display()
        )))
        .schluss(NICHTS));
    };
    let ordner = super::zielordner(projekt, ordner, NICHTS)?;
    let g = s
        .laden()
        .map_err(|e| Abbruch::bau(&s, &e).schluss(NICHTS))?;
    let ersetzen = if a.force { Ersetzen::Ja } else { Ersetzen::Nie };
    let datei = umfrage::fragebogen_schreiben(projekt, &g.edition, &ordner, name, ersetzen)
        .map_err(|m| Abbruch::from(m).schluss(NICHTS))?;
    super::melden(&format!(
        "Fragebogen der Ausgabe {} geschrieben: {} Fragen zum Landkreis, {} zum Projekt.\n",
        g.edition.id,
        umfrage::fragebogen::landkreis_fragen().len(),
        umfrage::fragebogen::steckbrief_fragen().len()
    ));
    super::drucken(&format!("{}\n", datei.display()));
    if a.vorschlaege {
        let v = s
            .vorbereiten()
            .map_err(|e| Abbruch::bau(&s, &e).schluss("Es wurden keine Vorschläge ermittelt."))?;
        super::drucken(&vorschlaege_text(&v.pruefung.abdeckung));
    }
    Ok(ExitCode::SUCCESS)
}

/// The reasons "kein Feld für …" of the marked passages, each once, as
/// questions to add to the next survey.
fn vorschlaege_text(a: &kataster_report::claims::abdeckung::Abdeckung) -> String {
    let mut themen: Vec<(String, Vec<String>)> = Vec::new();
    for o in &a.ohne_daten {
        let Some(thema) = o.grund.trim().strip_prefix("kein Feld für ") else {
            continue;
        };
        let ort = format!("{}:{}", o.datei, o.zeile);
        match themen.iter_mut().find(|(t, _)| t == thema) {
            Some((_, orte)) => orte.push(ort),
            None => themen.push((thema.to_owned(), vec![ort])),
        }
    }
    if themen.is_empty() {
        return "Keine Vorschläge: keine Stelle ist mit {{#ohne_daten \"kein Feld für …\"}} \
                gekennzeichnet.\n"
            .to_owned();
    }
    let mut s = "Vorschläge für neue Fragen der nächsten Umfrage (Stellen des Textes ohne Feld in \
                 den Daten):\n"
        .to_owned();
    for (thema, orte) in themen {
        s.push_str(&format!("  - {thema} ({})\n", orte.join(", ")));
    }
    s
}

/// Why `import` or `map` wrote nothing.
fn abbruch(projekt: &Path, edition: &str, e: ImportAbbruch, schluss: &str) -> Abbruch {
    match e {
        ImportAbbruch::Diagnosen(d) => Abbruch::diagnosen(&d, |p| quelltext(projekt, p)),
        ImportAbbruch::Vorhanden(liste) => Meldung::neu(format!(
            "die Ausgabe {edition} hat schon Daten; der Import würde ändern:\n  {}",
            liste.join("\n  ")
        ))
        .hilfe("Mit --force übernimmt der Import die Antworten und ersetzt diese Dateien.")
        .into(),
        ImportAbbruch::Meldung(m) => m.into(),
    }
    .schluss(schluss)
}

/// The text of a survey file for a message, read confined like every
/// project file (nothing outside the project, nothing larger than a survey
/// file may be).
fn quelltext(projekt: &Path, datei: &Path) -> Option<String> {
    kataster_report::projekt::lese_text(projekt, datei, umfrage::MAX_LSS).ok()
}

/// A file named on the command line as a project path; outside the
/// project it is refused.
fn im_projekt_relativ(projekt: &Path, datei: &Path) -> Result<PathBuf, Abbruch> {
    Ok(kataster_report::projekt::im_projekt_relativ(
        projekt, datei,
    )?)
}
