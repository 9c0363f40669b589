//! `check`: data, every statement of the text and the typesetting, as text
//! or JSON; exit 1 on a finding.

use std::path::Path;
use std::process::ExitCode;

use kataster_report::ausgabe::aussagen::Aussagevergleich;
use kataster_report::sitzung::Geprueft;
use kataster_report::website::{self, befunde::Websitebefunde};

pub use super::AusgabeUndFormat as Args;
use super::{Abbruch, Format};

fn json_bericht(id: &str, g: &Geprueft, web: &Websitebefunde) -> String {
    let b = &g.vorbereitet.pruefung;
    let json = serde_json::json!({
        "edition": id,
        "bestanden": b.bestanden() && web.bestanden(),
        "seiten": g.seiten,
        "behauptungen": b.behauptungen,
        "veraltet": b.veraltet,
        "getippte_zahlen": b.zahlen,
        "eigene_grenzen": b.eigene_grenzen,
        "abdeckung": b.abdeckung,
        "impressum_luecken": impressum_luecken(g),
        "website": web,
        "uebernommen_mit_neuen_daten": uebernommen(g).collect::<Vec<_>>(),
    });
    serde_json::to_string_pretty(&json).unwrap_or_default() + "\n"
}

fn text_bericht(id: &str, g: &Geprueft, web: &Websitebefunde) -> String {
    let b = &g.vorbereitet.pruefung;
    let e = &g.vorbereitet.geladen.edition;
    let mut s = b.zusammenfassung(id, e.landkreise.len(), e.alle_steckbriefe().count());
    s.push_str(&b.befunde_text());
    s.push_str(&b.grenzwertig_text());
    s.push_str(&b.anerkannt_text());
    s.push_str(&uebernommen_text(g));
    s.push_str(&b.abdeckung_text());
    s.push_str(&web.text());
    s.push_str(&impressum_text(g));
    s
}

/// What the imprint of a layout that sets one lacks (a note, not a finding:
/// the imprint prints what there is).
fn impressum_luecken(g: &Geprueft) -> Vec<&'static str> {
    let geladen = &g.vorbereitet.geladen;
    if !geladen.gestaltung.impressum {
        return Vec::new();
    }
    geladen.edition.meta.impressum_luecken()
}

fn impressum_text(g: &Geprueft) -> String {
    let luecken = impressum_luecken(g);
    if luecken.is_empty() {
        return String::new();
    }
    let mut s = format!(
        "\nImpressum: edition.yaml (data/{}/edition.yaml) nennt nicht\n",
        g.vorbereitet.geladen.edition.id
    );
    for l in luecken {
        s.push_str(&format!("  - {l}\n"));
    }
    s.push_str("  Das Impressum des PDFs lässt weg, was fehlt; bitte ergänzen.\n");
    s
}

/// Statements whose words are those of the previous edition while the data
/// give another value: the words may no longer fit, even where they hold.
fn uebernommen(g: &Geprueft) -> impl Iterator<Item = &Aussagevergleich> {
    g.vorbereitet
        .veraenderungen
        .iter()
        .flat_map(|v| v.aussagen.liste.iter())
        .filter(|a| a.wert_geaendert())
}

fn uebernommen_text(g: &Geprueft) -> String {
    let Some(v) = &g.vorbereitet.veraenderungen else {
        return String::new();
    };
    let mut s = String::new();
    for a in uebernommen(g) {
        let (Some(alt), Some(neu)) = (&a.alt, &a.neu) else {
            continue;
        };
        s.push_str(&format!(
            "  {}:{}: „{}“ ({})\n    Ausgabe {}: {}, berechnet {} · Ausgabe {}: {}, berechnet {}\n",
            neu.datei,
            neu.zeile,
            a.wortlaut,
            a.kennzahl,
            v.von,
            alt.urteil.text(),
            alt.berechnet,
            v.nach,
            neu.urteil.text(),
            neu.berechnet
        ));
    }
    if s.is_empty() {
        return s;
    }
    format!(
        "\nAus Ausgabe {} übernommene Worte, deren Daten sich geändert haben (bitte neu lesen):\n{s}",
        v.von
    )
}

/// Runs every stage but the PDF export: data, figures, claims, typed
/// numbers and the Typst compilation; exit 1 on any finding.
pub fn ausfuehren(projekt: &Path, args: Args) -> Result<ExitCode, Abbruch> {
    let mut s = super::sitzung(projekt, args.edition.as_deref())?;
    let g = s
        .pruefen()
        .map_err(|e| Abbruch::bau(&s, &e).schluss("Die Prüfung ist fehlgeschlagen."))?;
    super::warnungen(&g.warnungen);
    let web = website::befunde::pruefen(&g.vorbereitet.geladen.edition);
    super::drucken(&match args.wahl.format {
        Format::Json => json_bericht(s.id(), &g, &web),
        Format::Text => text_bericht(s.id(), &g, &web),
    });
    Ok(if g.vorbereitet.pruefung.bestanden() && web.bestanden() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
