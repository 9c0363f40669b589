//! The pages of the website: start page, project list, one page per
//! project, per Landkreis and per product, and the open data.

use super::html::{Rahmen, absatz, beschreibung, esc, link, liste, tabelle, text, zeilen_tabelle};
use super::{Eingang, Seite};
use crate::charts::karte;
use crate::figures::format;
use crate::figures::haeufigkeit::nennt_produkt;
use crate::model::{
    FELDER, FeldArt, Landkreis, Produkt, Steckbrief, kennung_vorschlag,
    tabelle::SPALTEN as TABELLE_1,
};
use crate::report_data::anzeige;

/// The address of a Landkreis page, from the site's root.
pub fn landkreis_adresse(name: &str) -> String {
    format!("landkreis/{}.html", kennung_vorschlag(name, ""))
}

pub fn projekt_adresse(s: &Steckbrief) -> String {
    format!("projekt/{}.html", s.id)
}

pub fn produkt_adresse(p: &Produkt) -> String {
    format!("produkt/{}.html", p.id)
}

/// The products a sheet names.
fn produkte<'a>(d: &'a Eingang, s: &Steckbrief) -> Vec<&'a Produkt> {
    d.edition
        .vokabular
        .produkte
        .iter()
        .filter(|p| nennt_produkt(s, p))
        .collect()
}

pub(super) fn rahmen<'a>(d: &'a Eingang, wurzel: &'a str) -> Rahmen<'a> {
    Rahmen {
        bericht: &d.edition.meta.titel,
        ausgabe: &d.edition.id,
        wurzel,
        ausgaben: ausgaben_navigation(d, wurzel),
        fuss: super::pflichtseiten::fusszeile(d),
    }
}

/// The editions of the site as a navigation (newest first), the current
/// one marked; nothing with one edition.
fn ausgaben_navigation(d: &Eingang, wurzel: &str) -> String {
    let a = d.ausgaben;
    if !a.mehrere() {
        return String::new();
    }
    let eintraege: String = a
        .liste
        .iter()
        .rev()
        .map(|x| {
            let aktuell = if x.id == d.edition.id {
                " aria-current=\"true\""
            } else {
                ""
            };
            let weg = a.weg(&d.edition.id, wurzel, &x.id);
            format!(
                "<li><a href=\"{weg}index.html\"{aktuell}>Ausgabe {}</a></li>",
                esc(&x.id)
            )
        })
        .collect();
    format!("<nav aria-label=\"Ausgaben\" class=\"ausgaben\"><ul>{eintraege}</ul></nav>")
}

/// From this edition's root to the site's root (the newest edition's).
fn zur_neuesten(d: &Eingang) -> String {
    d.ausgaben
        .neueste()
        .map_or(String::new(), |n| d.ausgaben.weg(&d.edition.id, "", &n.id))
}

/// On a site with several editions: the open data of all of them.
fn alle_ausgaben_dateien(d: &Eingang) -> String {
    if !d.ausgaben.mehrere() {
        return String::new();
    }
    let weg = zur_neuesten(d);
    let namen: Vec<String> = d.ausgaben.liste.iter().map(|a| esc(&a.id)).collect();
    format!(
        "<li>{} und {} – die Projekte aller Ausgaben ({}) in einer Datei, je Ausgabe eine \
         Zeile mit der Spalte <code>ausgabe</code> bzw. ein Eintrag unter <code>ausgaben</code>; \
         ein Projekt behält seine <code>id</code> über die Ausgaben</li>",
        link(
            &format!("{weg}{}", super::ALLE_CSV),
            "projekte-alle-ausgaben.csv"
        ),
        link(
            &format!("{weg}{}", super::ALLE_JSON),
            "projekte-alle-ausgaben.json"
        ),
        namen.join(", ")
    )
}

/// For an older edition: a line that says so and leads to the newest.
fn aeltere_ausgabe(d: &Eingang, wurzel: &str) -> String {
    match d.ausgaben.neueste() {
        Some(n) if n.id != d.edition.id => format!(
            "<p class=\"hinweis\">Dies ist die Ausgabe {} des Katasters. {}</p>",
            esc(&d.edition.id),
            link(
                &format!("{}index.html", d.ausgaben.weg(&d.edition.id, wurzel, &n.id)),
                &format!("Zur aktuellen Ausgabe {}", esc(&n.id))
            )
        ),
        _ => String::new(),
    }
}

/// A project over the site's editions: a table with its name, Landkreis and
/// status in each (linked to its page there), and what that says: first
/// reported, renamed, no longer reported.
fn verlauf_abschnitt(d: &Eingang, s: &Steckbrief, w: &str) -> String {
    let a = d.ausgaben;
    if !a.mehrere() {
        return String::new();
    }
    let verlauf = a.verlauf(&s.id);
    let zeilen: Vec<Vec<String>> = verlauf
        .iter()
        .map(|(x, stand)| match stand {
            Some(st) => vec![
                link(
                    &format!("{}{}", a.weg(&d.edition.id, w, &x.id), projekt_adresse(s)),
                    &format!("Ausgabe {}", esc(&x.id)),
                ),
                text(&st.name),
                esc(&st.landkreis),
                esc(st.status.as_deref().unwrap_or("–")),
            ],
            None => vec![
                format!("Ausgabe {}", esc(&x.id)),
                "nicht berichtet".into(),
                String::new(),
                String::new(),
            ],
        })
        .collect();
    let berichtet: Vec<(&str, &super::verlauf::Stand)> = verlauf
        .iter()
        .filter_map(|(x, st)| Some((x.id.as_str(), (*st)?)))
        .collect();
    let mut saetze = Vec::new();
    if let (Some((erste, _)), Some((letzte, _))) = (berichtet.first(), berichtet.last()) {
        saetze.push(format!("Zuerst berichtet in Ausgabe {}.", esc(erste)));
        if let Some(n) = a.neueste().filter(|n| n.id != *letzte) {
            saetze.push(format!(
                "In Ausgabe {} nicht mehr berichtet (zuletzt in Ausgabe {}).",
                esc(&n.id),
                esc(letzte)
            ));
        }
    }
    let namen: Vec<&str> = berichtet.iter().map(|(_, st)| st.name.as_str()).collect();
    if namen.windows(2).any(|p| p[0] != p[1]) {
        saetze.push("Das Projekt wurde umbenannt.".into());
    }
    format!(
        "<h2>Über die Ausgaben</h2><p>{}</p>{}",
        saetze.join(" "),
        tabelle(
            "Das Projekt in jeder Ausgabe",
            &["Ausgabe", "Projektname", "Landkreis", "Status"],
            &zeilen
        )
    )
}

/// A link to a project from a page at depth `w`, with its Landkreis.
fn projekt_link(w: &str, lk: &str, s: &Steckbrief) -> String {
    format!(
        "{} ({})",
        link(&format!("{w}{}", projekt_adresse(s)), &text(&s.projektname)),
        esc(lk)
    )
}

/// The start page: figures, map, Landkreise, products, charts.
pub fn startseite(d: &Eingang) -> Seite {
    let e = d.edition;
    let n = e.alle_steckbriefe().count();
    let gemeldet: u32 = e.landkreise.iter().map(|l| l.projekte.summe()).sum();
    let mut h = format!(
        "<p>Für den Bericht „{}“ haben {} Landkreise {gemeldet} Projekte zu Künstlicher \
         Intelligenz und RPA gemeldet, {n} davon mit einem Steckbrief. Diese Website zeigt jeden \
         Steckbrief, jeden Landkreis und jedes Produkt – aus denselben Daten und mit denselben \
         Kennzahlen wie der Bericht. {}</p>",
        esc(&e.meta.titel),
        e.landkreise.len(),
        pdf_satz(d, "", false),
    );
    h.insert_str(0, &aeltere_ausgabe(d, ""));
    h.push_str(&karten_abschnitt(d));
    h.push_str(&kennzahlen_abschnitt(d));
    h.push_str(&diagramm_abschnitt(d));
    h.push_str(&landkreis_abschnitt(d));
    h.push_str(&produkt_abschnitt(d));
    Seite {
        pfad: "index.html".into(),
        html: rahmen(d, "").seite(&e.meta.titel, Some("index.html"), &h, false),
    }
}

/// "Der Bericht als PDF (Version 1.1, 694 KB)." for readers; with
/// `pruefsumme` (the data page) its SHA-256 too, for those who check it.
pub(super) fn pdf_satz(d: &Eingang, w: &str, pruefsumme: bool) -> String {
    let summe = if pruefsumme {
        format!(
            " Prüfsumme (SHA-256) des PDFs: <code>{}</code>.",
            esc(&d.pdf.sha256)
        )
    } else {
        String::new()
    };
    format!(
        "Der Bericht als {} (Version {}, {} KB).{summe}",
        link(&format!("{w}{}", d.pdf.datei), "PDF"),
        esc(&d.pdf.version),
        d.pdf.bytes / 1024,
    )
}

fn kennzahlen_abschnitt(d: &Eingang) -> String {
    let zeilen: Vec<Vec<String>> = d
        .kennzahlen
        .liste
        .iter()
        .map(|k| {
            vec![
                format!(
                    "<details><summary>{}</summary><p>{}</p></details>",
                    esc(&k.titel),
                    esc(&k.definition)
                ),
                esc(&k.text()),
            ]
        })
        .collect();
    format!(
        "<section aria-labelledby=\"kennzahlen\"><h2 id=\"kennzahlen\">Kennzahlen</h2>\
         <p>Jede Zahl des Berichts, aus den Daten berechnet. Ein Klick auf eine Kennzahl zeigt \
         ihre Definition.</p>{}</section>",
        tabelle("Kennzahlen der Ausgabe", &["Kennzahl", "Wert"], &zeilen)
    )
}

fn karten_abschnitt(d: &Eingang) -> String {
    let svg = karte::karte_verlinkt(d.edition, d.geo, d.gestaltung, &landkreis_adresse);
    let legende: String = karte::legende()
        .into_iter()
        .map(|(t, farbe)| {
            format!(
                "<li><svg class=\"feld\" viewBox=\"0 0 10 10\" aria-hidden=\"true\"><rect width=\"10\" \
                 height=\"10\" fill=\"{farbe}\" stroke=\"#707070\"/></svg> {}</li>",
                esc(&t)
            )
        })
        .collect();
    let quelle = d
        .abbildungen
        .iter()
        .find(|a| a.id == "karte")
        .and_then(|a| a.quelle.clone())
        .unwrap_or_default();
    format!(
        "<section aria-labelledby=\"karte\"><h2 id=\"karte\">Karte</h2>\
         <figure>{svg}<figcaption>{}: Anzahl der KI-Projekte bei den Teilnehmern der Umfrage. \
         Jeder eingefärbte Landkreis führt zu seiner Seite. Quelle: {}</figcaption></figure>\
         <p>Projekte je Landkreis:</p><ul class=\"legende\">{legende}</ul></section>",
        abbildung_nr(d, "karte"),
        esc(&quelle)
    )
}

fn landkreis_abschnitt(d: &Eingang) -> String {
    let eintraege: Vec<String> = d
        .edition
        .landkreise
        .iter()
        .map(|l| {
            format!(
                "{} – {}",
                link(&landkreis_adresse(&l.name), &esc(&l.bezeichnung())),
                projekte_wort(l.projekte.summe())
            )
        })
        .collect();
    format!(
        "<section aria-labelledby=\"landkreise\"><h2 id=\"landkreise\">Landkreise</h2>{}</section>",
        liste(&eintraege, "Keine Landkreise.")
    )
}

fn projekte_wort(n: u32) -> String {
    if n == 1 {
        "1 Projekt".into()
    } else {
        format!("{n} Projekte")
    }
}

fn produkt_abschnitt(d: &Eingang) -> String {
    let eintraege: Vec<String> = d
        .edition
        .vokabular
        .produkte
        .iter()
        .map(|p| {
            let n = d
                .edition
                .alle_steckbriefe()
                .filter(|(_, s)| nennt_produkt(s, p))
                .count();
            format!(
                "{} – genannt in {}",
                link(&produkt_adresse(p), &text(&p.name)),
                if n == 1 {
                    "einem Steckbrief".to_owned()
                } else {
                    format!("{n} Steckbriefen")
                }
            )
        })
        .collect();
    format!(
        "<section aria-labelledby=\"produkte\"><h2 id=\"produkte\">Produkte</h2>\
         <p>Welche Landkreise dasselbe Produkt einsetzen, zeigt die Seite des Produkts.</p>{}</section>",
        liste(&eintraege, "Keine Produkte.")
    )
}

/// The charts as pictures with their alternative text, each with the
/// values in a table.
fn diagramm_abschnitt(d: &Eingang) -> String {
    let mut h =
        String::from("<section aria-labelledby=\"diagramme\"><h2 id=\"diagramme\">Diagramme</h2>");
    // In the order and with the numbers of the PDF.
    let mut abbildungen: Vec<&crate::charts::Abbildung> =
        d.abbildungen.iter().filter(|a| a.id != "karte").collect();
    abbildungen.sort_by_key(|a| {
        d.nummern
            .iter()
            .position(|n| *n == a.id)
            .unwrap_or(usize::MAX)
    });
    for a in abbildungen {
        let quelle = a
            .quelle
            .as_deref()
            .map(|q| format!(" Quelle: {}", esc(q)))
            .unwrap_or_default();
        h.push_str(&format!(
            "<figure><img src=\"abb/{}.svg\" alt=\"{}\"><figcaption>{}: {}.{quelle}</figcaption></figure>",
            esc(&a.id),
            esc(&a.alt),
            abbildung_nr(d, &a.id),
            esc(&a.titel)
        ));
        h.push_str(&werte_tabelle(d, a));
    }
    h.push_str("</section>");
    h
}

/// The values behind a chart: its own table, or the columns of Tabelle 1 it
/// draws.
/// "Abbildung 3", as the PDF numbers the figure; "Abbildung" for one the
/// chapters do not place.
fn abbildung_nr(d: &Eingang, id: &str) -> String {
    match d.nummern.iter().position(|n| n == id) {
        Some(i) => format!("Abbildung {}", i + 1),
        None => "Abbildung".to_owned(),
    }
}

fn werte_tabelle(d: &Eingang, a: &crate::charts::Abbildung) -> String {
    let titel = format!("Werte zu „{}“", esc(&a.titel));
    if let Some(t) = &a.tabelle {
        let kopf: Vec<&str> = t.kopf.iter().map(String::as_str).collect();
        let zeilen: Vec<Vec<String>> = t
            .zeilen
            .iter()
            .map(|z| z.iter().map(|c| esc(c)).collect())
            .collect();
        return tabelle(&titel, &kopf, &zeilen);
    }
    let lk = &d.edition.landkreise;
    if a.id == "vzae-projekte" {
        let zeilen: Vec<Vec<String>> = lk
            .iter()
            .map(|l| {
                vec![
                    esc(&l.name),
                    format::dezimal(l.vzae.0, 1),
                    l.projekte.summe().to_string(),
                ]
            })
            .collect();
        return tabelle(&titel, &["Landkreis", "VZÄ für KI", "Projekte"], &zeilen);
    }
    let zeilen: Vec<Vec<String>> = lk
        .iter()
        .map(|l| {
            let p = &l.projekte;
            vec![
                esc(&l.name),
                p.abgeschlossen.to_string(),
                p.in_umsetzung.to_string(),
                p.geplant.to_string(),
            ]
        })
        .collect();
    tabelle(
        &titel,
        &["Landkreis", "abgeschlossen", "in Umsetzung", "geplant"],
        &zeilen,
    )
}

/// The filters of the project list: label, field key (`landkreis` and
/// `produkt` are not fields).
const FILTER: &[(&str, &str)] = &[
    ("Landkreis", "landkreis"),
    ("Technologie", "technologien"),
    ("Projektstatus", "projektstatus"),
    ("Betriebsmodell", "betriebsmodell"),
    ("Produkt", "produkt"),
    ("Ziel", "ziele"),
];

/// The values a project has for a filter.
fn filterwerte(d: &Eingang, lk: &str, s: &Steckbrief, schluessel: &str) -> Vec<String> {
    match schluessel {
        "landkreis" => vec![lk.to_owned()],
        "produkt" => produkte(d, s).iter().map(|p| p.name.clone()).collect(),
        k => s.werte(k).into_iter().map(str::to_owned).collect(),
    }
}

/// The choices of a filter, in the order of the data.
fn auswahl(d: &Eingang, schluessel: &str) -> Vec<String> {
    let e = d.edition;
    match schluessel {
        "landkreis" => e.landkreise.iter().map(|l| l.name.clone()).collect(),
        "produkt" => e
            .vokabular
            .produkte
            .iter()
            .map(|p| p.name.clone())
            .collect(),
        k => e
            .vokabular
            .liste(k)
            .unwrap_or_default()
            .iter()
            .map(|v| v.wert.clone())
            .filter(|w| {
                e.alle_steckbriefe()
                    .any(|(_, s)| s.werte(k).contains(&w.as_str()))
            })
            .collect(),
    }
}

/// The project list: every project in a table (complete without
/// JavaScript); with JavaScript, filters and a search narrow it.
pub fn projektliste(d: &Eingang) -> Seite {
    let e = d.edition;
    let mut form = String::from(
        "<form id=\"filter\" class=\"filter\" hidden aria-label=\"Projekte filtern\">",
    );
    for (name, schluessel) in FILTER {
        let optionen: String = auswahl(d, schluessel)
            .iter()
            .map(|w| format!("<option value=\"{0}\">{1}</option>", esc(w), text(w)))
            .collect();
        form.push_str(&format!(
            "<p><label for=\"f-{schluessel}\">{name}</label>\
             <select id=\"f-{schluessel}\" data-feld=\"{schluessel}\">\
             <option value=\"\">alle</option>{optionen}</select></p>"
        ));
    }
    form.push_str(
        "<p><label for=\"f-suche\">Suche im Text</label>\
         <input id=\"f-suche\" type=\"search\" autocomplete=\"off\"></p>\
         <p><button id=\"f-zuruecksetzen\" type=\"reset\">Filter zurücksetzen</button></p></form>",
    );
    let zeilen: String = e
        .alle_steckbriefe()
        .map(|(lk, s)| projekt_zeile(d, lk, s))
        .collect();
    let n = e.alle_steckbriefe().count();
    let titel = format!("Alle Projekte der Ausgabe {}", e.id);
    let tabelle = format!(
        "<table id=\"projekte\"><caption>{}</caption><thead><tr>\
         <th scope=\"col\">Projekt</th><th scope=\"col\">Landkreis</th>\
         <th scope=\"col\">Projektstatus</th><th scope=\"col\">Technologien</th>\
         <th scope=\"col\">Betriebsmodell</th></tr></thead><tbody>{zeilen}</tbody></table>",
        esc(&titel)
    );
    let h = format!(
        "{form}<p id=\"treffer\" role=\"status\" aria-live=\"polite\">{n} Projekte.</p>{}",
        super::html::breit(&titel, &tabelle)
    );
    Seite {
        pfad: "projekte.html".into(),
        html: rahmen(d, "").seite("Projekte", Some("projekte.html"), &h, true),
    }
}

fn projekt_zeile(d: &Eingang, lk: &str, s: &Steckbrief) -> String {
    let attribute: String = FILTER
        .iter()
        .map(|(_, k)| format!(" data-{k}=\"{}\"", esc(&filterwerte(d, lk, s, k).join("|"))))
        .collect();
    let volltext: String = FELDER
        .iter()
        .filter_map(|f| s.wert(f.schluessel).map(anzeige))
        .chain(std::iter::once(lk.to_owned()))
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    let feld = |k: &str| s.wert(k).map(anzeige).map(|t| text(&t)).unwrap_or_default();
    format!(
        "<tr{attribute} data-text=\"{}\"><th scope=\"row\">{}</th><td>{}</td><td>{}</td>\
         <td>{}</td><td>{}</td></tr>",
        esc(&volltext),
        link(&projekt_adresse(s), &text(&s.projektname)),
        link(&landkreis_adresse(lk), &esc(lk)),
        feld("projektstatus"),
        feld("technologien"),
        feld("betriebsmodell"),
    )
}

/// One project: every field in the published order, then the projects with
/// the same product or the same goals.
pub fn projektseite(d: &Eingang, lk: &str, s: &Steckbrief) -> Seite {
    let w = "../";
    let mut zeilen: Vec<(String, String)> = Vec::new();
    for f in FELDER {
        let Some(v) = s.wert(f.schluessel) else {
            continue;
        };
        zeilen.push((esc(f.bezeichnung), absatz(&anzeige(v))));
        if f.schluessel == "projektname" {
            let l = d.edition.landkreis(lk);
            let name = l.map_or_else(|| lk.to_owned(), Landkreis::bezeichnung);
            zeilen.push((
                "Landkreis".into(),
                link(&format!("{w}{}", landkreis_adresse(lk)), &esc(&name)),
            ));
        }
    }
    let mut h = zeilen_tabelle("Angaben des Projektsteckbriefs", &zeilen);
    for p in produkte(d, s) {
        let andere: Vec<String> = d
            .edition
            .alle_steckbriefe()
            .filter(|(_, o)| o.id != s.id && nennt_produkt(o, p))
            .map(|(l, o)| projekt_link(w, l, o))
            .collect();
        h.push_str(&format!(
            "<h2>Weitere Projekte mit {}</h2>{}<p>{}</p>",
            text(&p.name),
            liste(&andere, "Kein anderer Steckbrief nennt dieses Produkt."),
            link(
                &format!("{w}{}", produkt_adresse(p)),
                &format!("Alles zu {}", text(&p.name))
            )
        ));
    }
    h.push_str(&gleiche_ziele(d, s, w));
    h.push_str(&verlauf_abschnitt(d, s, w));
    h.push_str(&format!(
        "<p>{}</p>",
        link(
            &format!("{w}daten/projekt/{}.json", s.id),
            "Dieses Projekt als offene Daten (JSON)"
        )
    ));
    Seite {
        pfad: projekt_adresse(s),
        html: rahmen(d, w).seite(&s.projektname, None, &h, false),
    }
}

/// The projects that answer the same goals: those sharing the most goals
/// with this one (at least two, or the one goal a project has), at most
/// ten.
fn gleiche_ziele(d: &Eingang, s: &Steckbrief, w: &str) -> String {
    let ziele = s.werte("ziele");
    if ziele.is_empty() {
        return String::new();
    }
    let mindestens = ziele.len().min(2);
    let mut andere: Vec<(usize, &str, &Steckbrief)> = d
        .edition
        .alle_steckbriefe()
        .filter(|(_, o)| o.id != s.id)
        .map(|(l, o)| {
            let gemeinsam = o
                .werte("ziele")
                .iter()
                .filter(|z| ziele.contains(z))
                .count();
            (gemeinsam, l, o)
        })
        .filter(|(g, _, _)| *g >= mindestens)
        .collect();
    andere.sort_by(|a, b| b.0.cmp(&a.0).then(a.2.projektname.cmp(&b.2.projektname)));
    let eintraege: Vec<String> = andere
        .iter()
        .take(10)
        .map(|(g, l, o)| format!("{} – {g} gleiche Ziele", projekt_link(w, l, o)))
        .collect();
    format!(
        "<h2>Projekte mit gleichen Zielen</h2><p>Ziele dieses Projekts: {}.</p>{}",
        ziele.iter().map(|z| text(z)).collect::<Vec<_>>().join(", "),
        liste(&eintraege, "Kein anderes Projekt teilt diese Ziele.")
    )
}

/// One Landkreis: its row of Tabelle 1 and its projects.
pub fn landkreisseite(d: &Eingang, l: &Landkreis) -> Seite {
    let w = "../";
    let p = &l.projekte;
    let zeilen: Vec<(String, String)> = TABELLE_1
        .iter()
        .map(|s| {
            let wert = s.wert(l).text_mit(|d| format::dezimal(d, 1));
            (s.bezeichnung.to_owned(), text(&wert))
        })
        .collect();
    let mut h = zeilen_tabelle("Angaben in Tabelle 1 des Berichts", &zeilen);
    let projekte: Vec<String> = d
        .edition
        .alle_steckbriefe()
        .filter(|(lk, _)| *lk == l.name)
        .map(|(_, s)| link(&format!("{w}{}", projekt_adresse(s)), &text(&s.projektname)))
        .collect();
    let satz = match p.summe() {
        0 => "Der Landkreis hat keine Projekte gemeldet.".to_owned(),
        n => format!(
            "Gemeldete Projekte: {n}, davon mit Steckbrief: {}.",
            projekte.len()
        ),
    };
    h.push_str(&format!(
        "<h2>Projektsteckbriefe</h2><p>{satz}</p>{}",
        liste(
            &projekte,
            "Der Landkreis hat keine Steckbriefe eingereicht."
        )
    ));
    Seite {
        pfad: landkreis_adresse(&l.name),
        html: rahmen(d, w).seite(&l.bezeichnung(), None, &h, false),
    }
}

/// One product: the Landkreise and projects that name it.
pub fn produktseite(d: &Eingang, p: &Produkt) -> Seite {
    let w = "../";
    let treffer: Vec<(&str, &Steckbrief)> = d
        .edition
        .alle_steckbriefe()
        .filter(|(_, s)| nennt_produkt(s, p))
        .collect();
    let mut landkreise: Vec<&str> = treffer.iter().map(|t| t.0).collect();
    landkreise.dedup();
    let lk: Vec<String> = landkreise
        .iter()
        .map(|l| link(&format!("{w}{}", landkreis_adresse(l)), &esc(l)))
        .collect();
    let projekte: Vec<String> = treffer.iter().map(|(l, s)| projekt_link(w, l, s)).collect();
    let h = format!(
        "<p>Steckbriefe, die {} im Projektnamen oder unter „Anbieter/Produkt“ nennen \
         (Suchbegriffe: {}).</p><h2>Landkreise</h2>{}<h2>Projekte</h2>{}",
        text(&p.name),
        esc(&p.suchbegriffe.join(", ")),
        liste(&lk, "Kein Landkreis nennt dieses Produkt."),
        liste(&projekte, "Kein Steckbrief nennt dieses Produkt.")
    );
    Seite {
        pfad: produkt_adresse(p),
        html: rahmen(d, w).seite(&p.name, None, &h, false),
    }
}

/// The open data: files, fields, separator, licence, the PDF.
/// How much of the report's text the data check: the checked statements
/// and the passages marked as without data, with their reasons.
fn pruefung_abschnitt(d: &Eingang) -> String {
    let a = d.abdeckung;
    let zeilen: Vec<Vec<String>> = a
        .ohne_daten
        .iter()
        .map(|o| vec![format!("„{}“", esc(&o.wortlaut)), esc(&o.grund)])
        .collect();
    let liste = if zeilen.is_empty() {
        String::new()
    } else {
        tabelle("Stellen ohne Datengrundlage", &["Stelle", "Grund"], &zeilen)
    };
    format!(
        "<h2>Was der Bericht prüft</h2><p>{} Zahlen und Aussagen des Berichtstextes sind gegen \
         diese Daten geprüft. {} Stellen können die Daten nicht entscheiden (keine Angabe dafür, \
         eine Deutung, eine Prognose); die Redaktion hat sie mit ihrem Grund gekennzeichnet. \
         {} Sätze mit einer Zahl oder einem Mengenwort sind weder geprüft noch \
         gekennzeichnet.</p>{liste}",
        a.geprueft,
        a.ohne_daten.len(),
        a.ohne_kennzeichnung.len()
    )
}

pub fn datenseite(d: &Eingang) -> Seite {
    let e = d.edition;
    let lizenz = match &e.meta.lizenz {
        // Only a safe scheme becomes a link (check refuses the others).
        Some(l) if crate::model::sichere_url(&l.url) => format!(
            "Die Daten stehen unter der Lizenz {}.",
            link(&l.url, &esc(&l.name))
        ),
        Some(l) => format!("Die Daten stehen unter der Lizenz {}.", esc(&l.name)),
        None => "Für diese Daten ist keine Lizenz angegeben; fragen Sie vor einer \
                 Weiterverwendung den Herausgeber."
            .into(),
    };
    let felder: Vec<Vec<String>> = FELDER
        .iter()
        .map(|f| {
            let art = match f.art {
                FeldArt::Text => "Text".to_owned(),
                FeldArt::Einfach(v) => format!("Auswahl (Vokabular {v})"),
                FeldArt::Mehrfach(v) => format!("Mehrfachauswahl (Vokabular {v})"),
            };
            vec![
                format!("<code>{}</code>", esc(f.schluessel)),
                esc(f.bezeichnung),
                esc(&art),
                beschreibung(&f.beschreibung()),
            ]
        })
        .collect();
    let spalten: Vec<Vec<String>> = super::offene_daten::landkreis_spalten()
        .map(|(k, b)| vec![format!("<code>{k}</code>"), esc(b)])
        .collect();
    let h = format!(
        "<p>{lizenz}</p><p>{}</p>\
         <h2>Dateien</h2><ul>\
         <li>{} – alle Projekte als JSON, Antworten außerhalb des Vokabulars als \
         <code>{{\"sonstiges\": …}}</code>; beschrieben durch das {}</li>\
         <li>{} – alle Projekte als CSV, wie eine deutsche Tabellenkalkulation sie öffnet: UTF-8 mit \
         Byte-Order-Mark, Semikolon als Trenner, Dezimalkomma; eine Kopfzeile mit den \
         Schlüsseln unten, ein Projekt je Zeile; mehrere Antworten eines Feldes durch \
         „<code>{}</code>“ getrennt</li>\
         <li>{} – Tabelle 1 als CSV (Spalten unten)</li>\
         <li>{} und {} – dieselben Tabellen für Programme nach RFC 4180: UTF-8 ohne \
         Byte-Order-Mark, Komma als Trenner, Zeilenende CRLF, Dezimalpunkt</li>\
         <li><code>daten/projekt/&lt;id&gt;.json</code> – jedes Projekt einzeln, mit Ausgabe und \
         Lizenz (auf jeder Projektseite verlinkt)</li>\
         <li>{} – die Beschreibung dieser Dateien nach DCAT-AP.de (JSON-LD), wie Datenportale \
         wie GovData sie einsammeln: je Ausgabe ein Datensatz, je Datei eine Distribution mit \
         Format, Medientyp, Datum und Lizenz</li>\
         <li>{} – jedes Projekt als Eintrag eines öffentlichen Algorithmenregisters nach dem \
         Algorithmic Transparency Recording Standard (Stufe 1 und 2, {}): Name, Beschreibung, \
         Kontakt, Organisation, Zweck, Nutzen, Technik, Phase, menschliche Aufsicht, Widerspruch, \
         Daten, Risikoklasse – soweit die Steckbriefe sie nennen</li>{}</ul>\
         <p>Eine Zelle der CSV-Dateien, die mit <code>=</code>, <code>+</code>, <code>-</code>, \
         <code>@</code>, einem Tabulator oder einem Wagenrücklauf beginnt, steht dort mit einem \
         vorangestellten Apostroph (<code>'</code>), damit eine Tabellenkalkulation sie nicht als \
         Formel ausführt (Empfehlung der OWASP gegen CSV-Injection); ein einzelnes \
         „<code>-</code>“ bleibt. projekte.json enthält jeden Wert unverändert.</p>\
         <h2>Felder eines Projekts</h2><p>Dazu <code>ausgabe</code> (die Ausgabe, z. B. \
         2025), <code>id</code> (bleibt über alle Ausgaben gleich), <code>landkreis</code> und \
         <code>regionalschluessel</code> (der amtliche Regionalschlüssel des Landkreises, 5 \
         Ziffern).</p>{}<h2>Spalten von landkreise.csv</h2>{}{}",
        pdf_satz(d, "", true),
        link("daten/projekte.json", "projekte.json"),
        link("daten/projekte.schema.json", "JSON Schema"),
        link("daten/projekte.csv", "projekte.csv"),
        esc(super::offene_daten::TRENNER.trim()),
        link("daten/landkreise.csv", "landkreise.csv"),
        link("daten/projekte-rfc4180.csv", "projekte-rfc4180.csv"),
        link("daten/landkreise-rfc4180.csv", "landkreise-rfc4180.csv"),
        link(
            &format!("{}{}", zur_neuesten(d), super::katalog::DATEI),
            "katalog.jsonld"
        ),
        link(super::register::DATEI, "algorithmenregister.json"),
        link("daten/algorithmenregister.schema.json", "JSON Schema"),
        alle_ausgaben_dateien(d),
        tabelle(
            "Felder",
            &["Schlüssel", "Bezeichnung", "Art", "Beschreibung"],
            &felder
        ),
        tabelle("Spalten", &["Spalte", "Bedeutung"], &spalten),
        pruefung_abschnitt(d),
    );
    Seite {
        pfad: "daten.html".into(),
        html: rahmen(d, "").seite("Offene Daten", Some("daten.html"), &h, false),
    }
}
