//! The subcommands, one file each.

use std::path::PathBuf;
use std::process::ExitCode;

pub use abbruch::Abbruch;
use clap::{ArgAction, Parser, Subcommand};
use kataster_report::projekt::Projektpfade;
use kataster_report::sitzung::Sitzung;
use kataster_report::sitzung::stufen::BauFehler;

mod abbruch;
mod build;
mod check;
mod diff;
mod figures;
mod new_edition;
mod new_layout;
mod release;
mod schema;
mod site;
mod survey;
mod verify;
mod watch;

/// The help layout of every command, with German headings (clap's own
/// headings are English).
const HILFE_VORLAGE: &str = "\
{about-with-newline}
Aufruf: {usage}

Befehle:
{subcommands}

Optionen:
{options}{after-help}";

const HILFE_VORLAGE_BEFEHL: &str = "\
{about-with-newline}
Aufruf: {usage}

Optionen:
{options}{after-help}";

/// The same for a command with a positional argument.
const HILFE_VORLAGE_MIT_ANGABE: &str = "\
{about-with-newline}
Aufruf: {usage}

Angaben:
{positionals}

Optionen:
{options}{after-help}";

/// kataster-report: erzeugt den Bericht „KI- und RPA-Projekte der
/// niedersächsischen Landkreise“ aus Daten und prüft seine Zahlen.
#[derive(Parser, Debug)]
#[command(
    name = "kataster-report",
    version,
    override_usage = "kataster-report [OPTIONEN] <BEFEHL>",
    help_template = HILFE_VORLAGE,
    subcommand_help_heading = "Befehle",
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true,
    after_help = "Beispiele:\n  kataster-report build --edition 2025\n  kataster-report check\n\n\
                  Mehr zu einem Befehl: kataster-report <befehl> --help"
)]
pub struct Cli {
    /// Projektordner (mit data/, report/, fonts/); Vorgabe: aktueller Ordner.
    #[arg(
        long,
        global = true,
        default_value = ".",
        hide_default_value = true,
        value_name = "ORDNER"
    )]
    pub projekt: PathBuf,
    /// Diese Hilfe anzeigen.
    #[arg(short = 'h', long = "help", action = ArgAction::Help, global = true)]
    hilfe: Option<bool>,
    /// Die Programmversion anzeigen.
    #[arg(short = 'V', long = "version", action = ArgAction::Version)]
    version: Option<bool>,
    #[command(subcommand)]
    pub befehl: Befehl,
}

#[derive(Subcommand, Debug)]
#[command(help_template = HILFE_VORLAGE_BEFEHL)]
pub enum Befehl {
    /// Baut das PDF einer Ausgabe nach dist/.
    #[command(
        help_template = HILFE_VORLAGE_BEFEHL,
        override_usage = "kataster-report build [OPTIONEN]",
        after_help = "Beispiele:\n  kataster-report build --edition 2025\n  \
                      kataster-report build --edition 2025 --out /tmp/pdf\n  \
                      kataster-report build --entwurf   (PDF trotz verletzter Aussagen, als Entwurf markiert)"
    )]
    Build(build::Args),
    /// Prüft die Daten einer Ausgabe, jede Zahl im Text und den Satz.
    #[command(
        help_template = HILFE_VORLAGE_BEFEHL,
        override_usage = "kataster-report check [OPTIONEN]",
        after_help = "Beispiele:\n  kataster-report check --edition 2025\n  \
                      kataster-report check --format json\n\n\
                      Endet mit 0, wenn alles stimmt (anerkannte Abweichungen eingeschlossen), sonst mit 1."
    )]
    Check(check::Args),
    /// Listet alle Kennzahlen mit Definition und Wert.
    #[command(
        help_template = HILFE_VORLAGE_BEFEHL,
        override_usage = "kataster-report figures [OPTIONEN]",
        after_help = "Beispiel:\n  kataster-report figures --edition 2025"
    )]
    Figures(figures::Args),
    /// Schreibt die JSON-Schemas der Datendateien nach data/schema/.
    #[command(
        help_template = HILFE_VORLAGE_BEFEHL,
        override_usage = "kataster-report schema [OPTIONEN]",
        after_help = "Beispiel:\n  kataster-report schema   (nach einer Änderung von vokabular.yaml)"
    )]
    Schema,
    /// Baut eine Vorschau und baut sie nach jeder Änderung neu.
    #[command(
        help_template = HILFE_VORLAGE_BEFEHL,
        override_usage = "kataster-report watch [OPTIONEN]",
        after_help = "Beobachtet die Daten der Ausgabe, data/geo/, report/ und fonts/. Nach jeder \
                      Änderung wird die Vorschau neu gebaut (ki-kataster-<ausgabe>-v<version>-vorschau.pdf \
                      im Zielordner; ein PDF-Betrachter lädt sie neu). Schlägt ein Bau fehl, bleibt \
                      die letzte fehlerfreie Vorschau stehen.\n\n\
                      Beispiele:\n  kataster-report watch --edition 2025\n  \
                      kataster-report watch --entwurf   (Vorschau auch bei Befunden, als Entwurf markiert)\n\n\
                      Beenden mit Strg+C."
    )]
    Watch(watch::Args),
    /// Gibt die aktuelle Version einer Ausgabe frei: PDF bauen und festhalten.
    #[command(
        help_template = HILFE_VORLAGE_BEFEHL,
        override_usage = "kataster-report release [OPTIONEN]",
        after_help = "Baut die aktuelle Version (jüngste Zeile der Historie in edition.yaml); sie muss \
                      `check` bestehen und darf noch nicht freigegeben sein. Schreibt das PDF in den \
                      Zielordner und hält es mit SHA-256, Größe, Programmversionen und jeder Eingabe \
                      in data/<ausgabe>/freigaben.yaml fest.\n\n\
                      Beispiel:\n  kataster-report release --edition 2025"
    )]
    Release(release::Args),
    /// Legt die nächste Ausgabe aus einer früheren an.
    #[command(
        name = "new-edition",
        help_template = HILFE_VORLAGE_MIT_ANGABE,
        override_usage = "kataster-report new-edition <AUSGABE> --from <AUSGABE> --datum <DATUM> [--leer]",
        after_help = "Kopiert Daten und Kapitel der Vorlage in die neue Ausgabe \
                      (data/<ausgabe>/, report/kapitel/<ausgabe>/) und nennt ihr Layout (es wird \
                      geteilt, nicht kopiert), beginnt die Dokumenten-Historie mit Version 0.1 („Entwurf“) am angegebenen \
                      Datum, übernimmt anerkannte Abweichungen als zu bestätigen und erzeugt die \
                      Schemas. Überschreibt nie etwas.\n\n\
                      Beispiele:\n  kataster-report new-edition 2026 --from 2025 --datum 2026-03-01\n  \
                      kataster-report new-edition 2026 --from 2025 --datum 2026-03-01 --leer"
    )]
    NewEdition(new_edition::Args),
    /// Legt ein neues Layout als Kopie eines vorhandenen an.
    #[command(
        name = "new-layout",
        help_template = HILFE_VORLAGE_MIT_ANGABE,
        override_usage = "kataster-report new-layout <LAYOUT> --from <LAYOUT>",
        after_help = "Ein Layout, mit dem eine Version freigegeben wurde, bleibt, wie es war \
                      (check meldet jede Änderung). Für eine neue Gestaltung kopiert new-layout \
                      report/layout/<von>/ Byte für Byte nach report/layout/<layout>/; danach \
                      nennt edition.yaml der Ausgabe das neue Layout (`layout: \"2026\"`). \
                      Überschreibt nie etwas.\n\n\
                      Beispiel:\n  kataster-report new-layout 2027 --from 2025-barrierefrei"
    )]
    NewLayout(new_layout::Args),
    /// Zeigt, was sich zwischen zwei Ausgaben geändert hat.
    #[command(
        help_template = HILFE_VORLAGE_BEFEHL,
        override_usage = "kataster-report diff --from <AUSGABE> --to <AUSGABE> [--format text|json]",
        after_help = "Projekte werden über ihre Kennung (id) zugeordnet: neue, entfallene, \
                      umbenannte, Statuswechsel und geänderte Angaben; dazu jede geänderte Zeile \
                      der Tabelle 1 und jede Kennzahl in beiden Ausgaben.\n\n\
                      Beispiel:\n  kataster-report diff --from 2025 --to 2026"
    )]
    Diff(diff::Args),
    /// Baut jede freigegebene Version nach und vergleicht Byte für Byte.
    #[command(
        help_template = HILFE_VORLAGE_BEFEHL,
        override_usage = "kataster-report verify [OPTIONEN]",
        after_help = "Endet mit 0, wenn jede freigegebene Version byte-gleich nachgebaut wird (eine \
                      ältere, durch eine neuere Version abgelöste darf geänderte Eingaben haben), \
                      sonst mit 1 und nennt die erste geänderte Eingabe.\n\n\
                      Beispiele:\n  kataster-report verify\n  kataster-report verify --edition 2025"
    )]
    Verify(verify::Args),
    /// Schreibt den Projektkatalog als barrierefreie Website mit offenen Daten.
    #[command(
        help_template = HILFE_VORLAGE_BEFEHL,
        override_usage = "kataster-report site [OPTIONEN]",
        after_help = "Schreibt eine statische Website (ohne Server, ohne Datenbank; jeder Webserver \
                      oder eine Dateifreigabe kann sie ausliefern): Übersicht mit Kennzahlen, Karte \
                      und Diagrammen, Projektliste mit Filtern, je Projekt, Landkreis und Produkt \
                      eine Seite, die offenen Daten (projekte.json mit Schema, projekte.csv, \
                      landkreise.csv) und das PDF. Wie `build` nur, wenn `check` besteht.\n\n\
                      Beispiele:\n  kataster-report site --edition 2025\n  \
                      kataster-report site --out /tmp/katalog"
    )]
    Site(site::Args),
    /// LimeSurvey: Umfragestruktur lesen, Fragebogen aus dem Datenmodell schreiben.
    #[command(
        help_template = HILFE_VORLAGE,
        override_usage = "kataster-report survey <BEFEHL>",
        subcommand_help_heading = "Befehle",
        after_help = "Beispiele:\n  kataster-report survey inspect umfrage/2026/umfrage.lss\n  \
                      kataster-report survey questionnaire --edition 2025 --out dist/fragebogen.lss"
    )]
    Survey(survey::Args),
}

impl Cli {
    /// Parses the command line; help and version are printed (exit 0),
    /// mistakes are explained in German (exit 2).
    pub fn lesen() -> Result<Cli, ExitCode> {
        Cli::try_parse().map_err(|e| {
            use clap::error::ErrorKind as K;
            match e.kind() {
                K::DisplayHelp | K::DisplayVersion => {
                    drucken(&e.render().to_string());
                    ExitCode::SUCCESS
                }
                K::DisplayHelpOnMissingArgumentOrSubcommand => {
                    melden(&e.render().to_string());
                    ExitCode::from(2)
                }
                _ => {
                    melden(&aufruffehler(&e).darstellen());
                    ExitCode::from(2)
                }
            }
        })
    }
}

/// A mistake on the command line, in German.
fn aufruffehler(e: &clap::Error) -> kataster_report::diagnostics::Meldung {
    use clap::error::{ContextKind, ContextValue, ErrorKind as K};
    let wert = |k: ContextKind| match e.get(k) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        _ => String::new(),
    };
    let arg = wert(ContextKind::InvalidArg);
    let meldung = match e.kind() {
        K::UnknownArgument => format!("unbekannte Option „{arg}“"),
        K::InvalidSubcommand => format!(
            "unbekannter Befehl „{}“",
            wert(ContextKind::InvalidSubcommand)
        ),
        K::InvalidValue => format!(
            "„{}“ ist für {arg} nicht erlaubt (erlaubt: {})",
            wert(ContextKind::InvalidValue),
            wert(ContextKind::ValidValue)
        ),
        K::MissingRequiredArgument => format!("es fehlt: {arg}"),
        K::MissingSubcommand => {
            "es fehlt der Befehl (build, check, diff, figures, new-edition, new-layout, release, schema, site, survey, verify, watch)".to_owned()
        }
        K::ArgumentConflict => format!("{arg} passt nicht zu einer anderen Option"),
        K::TooManyValues | K::NoEquals => format!("zu viele Angaben bei {arg}"),
        K::WrongNumberOfValues | K::TooFewValues => format!("falsche Zahl von Werten bei {arg}"),
        K::ValueValidation => format!("ungültiger Wert bei {arg}"),
        K::InvalidUtf8 => "die Angaben enthalten Zeichen, die kein UTF-8 sind".to_owned(),
        _ => "ungültiger Aufruf".to_owned(),
    };
    let tipp = match wert(ContextKind::SuggestedArg) {
        s if !s.is_empty() => format!(" – meinten Sie „{s}“?"),
        _ => match wert(ContextKind::SuggestedSubcommand) {
            s if !s.is_empty() => format!(" – meinten Sie „{s}“?"),
            _ => String::new(),
        },
    };
    kataster_report::diagnostics::Meldung::neu(format!("{meldung}{tipp}"))
        .hilfe("kataster-report --help zeigt alle Befehle und Optionen.")
}

/// Prints to standard output; a closed pipe (`| head`) ends the output
/// quietly instead of a panic.
pub fn drucken(text: &str) {
    use std::io::Write;
    let mut aus = std::io::stdout().lock();
    let _ = aus.write_all(text.as_bytes()).and_then(|()| aus.flush());
}

/// Prints to standard error, never panicking.
pub fn melden(text: &str) {
    use std::io::Write;
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}

/// Runs the command; why it stopped is rendered by `main`.
pub fn ausfuehren(cli: Cli) -> Result<ExitCode, Abbruch> {
    match cli.befehl {
        Befehl::Build(a) => build::ausfuehren(&cli.projekt, a),
        Befehl::Check(a) => check::ausfuehren(&cli.projekt, a),
        Befehl::Figures(a) => figures::ausfuehren(&cli.projekt, a),
        Befehl::Schema => schema::ausfuehren(&cli.projekt),
        Befehl::Watch(a) => watch::ausfuehren(&cli.projekt, a),
        Befehl::Release(a) => release::ausfuehren(&cli.projekt, a),
        Befehl::NewEdition(a) => new_edition::ausfuehren(&cli.projekt, a),
        Befehl::NewLayout(a) => new_layout::ausfuehren(&cli.projekt, a),
        Befehl::Diff(a) => diff::ausfuehren(&cli.projekt, a),
        Befehl::Verify(a) => verify::ausfuehren(&cli.projekt, a),
        Befehl::Site(a) => site::ausfuehren(&cli.projekt, a),
        Befehl::Survey(a) => survey::ausfuehren(&cli.projekt, a),
    }
}

/// Output format of `check`, `figures` and `diff`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
}

/// The options of the commands that write a PDF (`build`, `watch`,
/// `release`): which edition, and where to.
#[derive(clap::Args, Debug)]
pub struct AusgabeUndZiel {
    /// Ausgabe, z. B. 2025 (Vorgabe: die neueste in data/).
    #[arg(long, value_name = "AUSGABE")]
    pub edition: Option<String>,
    /// Zielordner für das PDF (Vorgabe: dist/ im Projektordner; ein relativer
    /// Pfad gilt im Projektordner).
    #[arg(
        long,
        default_value = Projektpfade::AUSGABEORDNER,
        hide_default_value = true,
        value_name = "ORDNER"
    )]
    pub out: PathBuf,
}

/// The options `check` and `figures` share.
#[derive(clap::Args, Debug)]
pub struct AusgabeUndFormat {
    /// Ausgabe, z. B. 2025 (Vorgabe: die neueste in data/).
    #[arg(long, value_name = "AUSGABE")]
    pub edition: Option<String>,
    #[command(flatten)]
    pub wahl: Formatwahl,
}

/// `--format text|json` (`check`, `figures`, `diff`).
#[derive(clap::Args, Debug)]
pub struct Formatwahl {
    /// Format des Berichts: text (Vorgabe) oder json.
    #[arg(
        long,
        value_enum,
        default_value = "text",
        hide_default_value = true,
        hide_possible_values = true,
        value_name = "FORMAT"
    )]
    pub format: Format,
}

/// Opens a session on the edition asked for, else the newest in `data/`.
pub fn sitzung(projekt: &std::path::Path, edition: Option<&str>) -> Result<Sitzung, Abbruch> {
    Sitzung::oeffnen(projekt, edition).map_err(|d| Abbruch::diagnosen(&[d], |_| None))
}

/// A path given on the command line: relative to the project.
pub fn im_projekt(projekt: &std::path::Path, p: &std::path::Path) -> PathBuf {
    if p.is_absolute() {
        p.to_path_buf()
    } else {
        projekt.join(p)
    }
}

/// The output folder named on the command line (relative to the project),
/// checked once for every write into it; a refusal says what it means
/// (`schluss`).
pub fn zielordner(
    projekt: &std::path::Path,
    p: &std::path::Path,
    schluss: &str,
) -> Result<kataster_report::projekt::Zielordner, Abbruch> {
    kataster_report::projekt::Zielordner::fuer_ausgabe(projekt, &im_projekt(projekt, p))
        .map_err(|e| Abbruch::from(e).schluss(schluss))
}

/// Why a run stopped, rendered with the session's source texts (for a
/// command that goes on: `watch`, `verify`).
pub fn fehler_text(s: &Sitzung, fehler: &BauFehler) -> String {
    Abbruch::bau(s, fehler).darstellen()
}

/// Prints Typst's warnings, one line each.
pub fn warnungen(w: &[kataster_report::diagnostics::Diagnose]) {
    for d in w {
        melden(&format!("{}\n", d.kurz()));
    }
}

/// Colour only on a terminal.
pub fn farbe() -> bool {
    use std::io::IsTerminal;
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}
