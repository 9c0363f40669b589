//! `diff`: what changed between two editions, as text or JSON.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use kataster_report::ausgabe::aussagen::{Aussagestand, Aussagevergleich};
use kataster_report::ausgabe::vergleich::{self, Aenderung, Veraenderungen};
use kataster_report::claims::Pruefbericht;
use kataster_report::figures::Kennzahlen;
use kataster_report::model::Edition;

use super::{Abbruch, Format};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Die frühere Ausgabe, z. B. 2025.
    #[arg(long = "from", value_name = "AUSGABE")]
    pub von: String,
    /// Die spätere Ausgabe, z. B. 2026.
    #[arg(long = "to", value_name = "AUSGABE")]
    pub nach: String,
    #[command(flatten)]
    pub wahl: super::Formatwahl,
}

/// An edition with its figures and the check of its text.
fn laden(projekt: &Path, id: &str) -> Result<(Edition, Kennzahlen, Pruefbericht), Abbruch> {
    let mut s = super::sitzung(projekt, Some(id))?;
    let (g, k) = s
        .kennzahlen()
        .map_err(|e| Abbruch::bau(&s, &e).schluss("Es wurde nichts verglichen."))?;
    let p = s
        .aussagen(&g, &k)
        .map_err(|e| Abbruch::bau(&s, &e).schluss("Es wurde nichts verglichen."))?;
    Ok((g.edition, k, p))
}

fn wert(w: &Option<String>) -> String {
    match w {
        Some(t) => format!("„{t}“"),
        None => "(keine Angabe)".into(),
    }
}

fn aenderung(a: &Aenderung) -> String {
    format!("{}: {} → {}", a.feld, wert(&a.alt), wert(&a.neu))
}

/// The header: which editions, and the counts of projects.
fn kopf(v: &Veraenderungen) -> String {
    format!(
        "Veränderungen von Ausgabe {} zu Ausgabe {}\n\nProjekte: {} neu, {} entfallen, {} \
         fortgeführt (davon {} umbenannt, {} mit neuem Status, {} mit geänderten Angaben).\n",
        v.von,
        v.nach,
        v.neu.len(),
        v.entfallen.len(),
        v.fortgefuehrt.len(),
        v.umbenannt().count(),
        v.statuswechsel().count(),
        v.mit_aenderungen().count()
    ) + &format!(
        "Aussagen im Text: {} in Ausgabe {}, {} in Ausgabe {}; {} unverändert, {} mit neuem \
         Urteil, {} mit neuem Wert, {} neu, {} nicht mehr im Text.\n",
        v.aussagen.geprueft_alt,
        v.von,
        v.aussagen.geprueft_neu,
        v.nach,
        v.aussagen.unveraendert,
        v.aussagen.urteil_geaendert().count(),
        v.aussagen.nur_wert_geaendert().count(),
        v.aussagen.neu_im_text().count(),
        v.aussagen.nicht_mehr_im_text().count()
    )
}

fn projektliste(p: &[vergleich::Projekt]) -> Vec<String> {
    p.iter()
        .map(|x| {
            let status = x.status.as_deref().unwrap_or("ohne Status");
            format!("{} – {}: „{}“ ({status})", x.id, x.landkreis, x.name)
        })
        .collect()
}

/// The projects that continue: renamed, status moves, changed fields.
fn fortgefuehrt(v: &Veraenderungen) -> Vec<(String, Vec<String>)> {
    let umbenannt = v
        .umbenannt()
        .map(|f| {
            let alt = f.alter_name.as_deref().unwrap_or_default();
            format!("{}: „{alt}“ → „{}“", f.projekt.id, f.projekt.name)
        })
        .collect();
    let status = v
        .statuswechsel()
        .filter_map(|f| {
            let a = f.status.as_ref()?;
            Some(format!(
                "{} „{}“: {}",
                f.projekt.id,
                f.projekt.name,
                aenderung(a)
            ))
        })
        .collect();
    let felder = v
        .mit_aenderungen()
        .flat_map(|f| {
            f.felder
                .iter()
                .map(|a| format!("{} – {}", f.projekt.id, aenderung(a)))
        })
        .collect();
    vec![
        ("Umbenannt".into(), umbenannt),
        ("Statuswechsel".into(), status),
        ("Geänderte Angaben".into(), felder),
    ]
}

fn tabelle(v: &Veraenderungen) -> Vec<String> {
    v.tabelle
        .iter()
        .map(|z| match z.art {
            "neu" => format!("{}: neu in Tabelle 1", z.landkreis),
            "entfallen" => format!("{}: nicht mehr in Tabelle 1", z.landkreis),
            _ => format!(
                "{}: {}",
                z.landkreis,
                z.felder
                    .iter()
                    .map(aenderung)
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
        })
        .collect()
}

fn kennzahlen(v: &Veraenderungen) -> Vec<String> {
    v.kennzahlen
        .iter()
        .map(|k| {
            let marke = if k.geaendert { "*" } else { " " };
            let alt = k.alt.as_deref().unwrap_or("–");
            let neu = k.neu.as_deref().unwrap_or("–");
            format!("{marke} {:<34} {alt} → {neu}  ({})", k.name, k.titel)
        })
        .collect()
}

/// A statement in one edition: "2025 verletzt (anerkannt), berechnet 38 %".
fn stand(id: &str, s: Option<&Aussagestand>) -> String {
    match s {
        Some(s) => format!("{id} {}, berechnet {}", s.urteil.text(), s.berechnet),
        None => format!("{id} nicht im Text"),
    }
}

fn aussage(v: &Veraenderungen, a: &Aussagevergleich) -> String {
    format!(
        "„{}“ ({}, {}): {}; {}",
        a.wortlaut,
        a.kapitel,
        a.kennzahl,
        stand(&v.von, a.alt.as_ref()),
        stand(&v.nach, a.neu.as_ref())
    )
}

/// The statements of the text: verdicts and values that changed, the
/// acknowledgements that can go or wait for confirmation.
fn aussagen_abschnitte(v: &Veraenderungen) -> Vec<(String, Vec<String>)> {
    let a = &v.aussagen;
    let liste = |it: &mut dyn Iterator<Item = &Aussagevergleich>| -> Vec<String> {
        it.map(|x| aussage(v, x)).collect()
    };
    let anerkennung = |x: &Aussagevergleich| {
        let stelle = x
            .neu
            .as_ref()
            .map_or(String::new(), |n| format!("{}:{}: ", n.datei, n.zeile));
        format!("{stelle}„{}“ ({})", x.wortlaut, x.kennzahl)
    };
    vec![
        (
            "Aussagen mit neuem Urteil".into(),
            liste(&mut a.urteil_geaendert()),
        ),
        (
            "Aussagen mit neuem Wert, gleiches Urteil".into(),
            liste(&mut a.nur_wert_geaendert()),
        ),
        ("Aussagen neu im Text".into(), liste(&mut a.neu_im_text())),
        (
            "Aussagen nicht mehr im Text".into(),
            liste(&mut a.nicht_mehr_im_text()),
        ),
        (
            "Anerkennungen, die entfallen können (die Aussage stimmt jetzt)".into(),
            a.anerkennung_entbehrlich().map(anerkennung).collect(),
        ),
        (
            "Übernommene Anerkennungen, noch zu bestätigen".into(),
            a.zu_bestaetigen().map(anerkennung).collect(),
        ),
    ]
}

/// The comparison as German text for editors: the header, then each
/// non-empty section.
fn text(v: &Veraenderungen) -> String {
    let doppelt = v
        .kennung_doppelt
        .iter()
        .map(|(a, b)| {
            format!(
                "{}: Ausgabe {} „{}“ ({}), Ausgabe {} „{}“ ({}) – geben Sie einem der beiden \
                 eine neue Kennung, wenn es verschiedene Projekte sind",
                a.id, v.von, a.name, a.landkreis, v.nach, b.name, b.landkreis
            )
        })
        .collect();
    let mut abschnitte = vec![
        (
            "Warnung: dieselbe Kennung für verschiedene Projekte (Name und Landkreis verschieden)"
                .to_owned(),
            doppelt,
        ),
        ("Neue Projekte".to_owned(), projektliste(&v.neu)),
        ("Entfallene Projekte".to_owned(), projektliste(&v.entfallen)),
    ];
    abschnitte.extend(fortgefuehrt(v));
    abschnitte.push(("Tabelle 1".into(), tabelle(v)));
    abschnitte.push((
        format!("Kennzahlen (Ausgabe {} → {}; * geändert)", v.von, v.nach),
        kennzahlen(v),
    ));
    abschnitte.extend(aussagen_abschnitte(v));
    let mut s = kopf(v);
    for (titel, zeilen) in abschnitte.into_iter().filter(|a| !a.1.is_empty()) {
        let _ = writeln!(s, "\n{titel}:");
        for z in zeilen {
            let _ = writeln!(s, "  {z}");
        }
    }
    s
}

/// Compares two editions: projects by id, Tabelle 1, every figure.
pub fn ausfuehren(projekt: &Path, args: Args) -> Result<ExitCode, Abbruch> {
    let (a, ka, pa) = laden(projekt, &args.von)?;
    let (b, kb, pb) = laden(projekt, &args.nach)?;
    let v = vergleich::vergleichen(&a, &ka, &b, &kb).mit_aussagen(&pa, &pb);
    super::drucken(&match args.wahl.format {
        Format::Json => serde_json::to_string_pretty(&v).unwrap_or_default() + "\n",
        Format::Text => text(&v),
    });
    Ok(ExitCode::SUCCESS)
}
