//! The report as HTML pages (`bericht/`): the one document of Typst's HTML
//! export (`Sitzung::bericht_html`) split into a page per chapter at its
//! chapter headings. Each footnote goes to the page that refers to it, a
//! link to an anchor on another page names that page, and the headings move
//! up one level (the chapter's title is the page's h1).

use std::collections::BTreeMap;

/// One chapter as a page of the website.
#[derive(Debug, Clone, PartialEq)]
pub struct Kapitelseite {
    /// The file under `bericht/`, e.g. `kapitel-4.html`.
    pub datei: String,
    /// The chapter's title with its number, e.g. "4 Ergebnisse der Bestandsaufnahme".
    pub titel: String,
    /// The page's content (HTML), without the title.
    pub inhalt: String,
}

/// The text of `s` without its tags (entities kept as they are).
fn ohne_tags(s: &str) -> String {
    let mut out = String::new();
    let mut im_tag = false;
    for c in s.chars() {
        match c {
            '<' => im_tag = true,
            '>' => im_tag = false,
            c if !im_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// The body of a whole HTML document.
fn koerper(html: &str) -> &str {
    let start = html.find("<body>").map_or(0, |i| i + "<body>".len());
    let ende = html.rfind("</body>").unwrap_or(html.len());
    html.get(start..ende).unwrap_or("")
}

/// The footnotes Typst collects at the end (`<section role="doc-endnotes">`):
/// the body without them, and each note's `<li>` by its id.
fn fussnoten(body: &str) -> (String, Vec<(String, String)>) {
    const ANFANG: &str = "<section role=\"doc-endnotes\">";
    let Some(start) = body.find(ANFANG) else {
        return (body.to_owned(), Vec::new());
    };
    let ende = body[start..]
        .find("</section>")
        .map_or(body.len(), |i| start + i + "</section>".len());
    let abschnitt = &body[start..ende];
    let mut noten = Vec::new();
    for teil in abschnitt.split("<li id=\"").skip(1) {
        let Some((id, rest)) = teil.split_once('"') else {
            continue;
        };
        let inhalt = rest.split_once("</li>").map_or(rest, |(i, _)| i);
        noten.push((id.to_owned(), format!("<li id=\"{id}\"{inhalt}</li>")));
    }
    (format!("{}{}", &body[..start], &body[ende..]), noten)
}

/// Every `id="…"` in `s`.
fn ids(s: &str) -> Vec<String> {
    s.split(" id=\"")
        .skip(1)
        .filter_map(|t| t.split_once('"').map(|(id, _)| id.to_owned()))
        .collect()
}

/// Headings one level up: h3 becomes h2, …, h6 h5.
fn ebene_hoeher(s: &str) -> String {
    let mut s = s.to_owned();
    for n in 3..=6 {
        s = s
            .replace(&format!("<h{n}"), &format!("<h{}", n - 1))
            .replace(&format!("</h{n}>"), &format!("</h{}>", n - 1));
    }
    s
}

/// Typst's inline styles as classes of the site's style sheet (its
/// Content-Security-Policy refuses inline styles).
const STILE: &[(&str, &str)] = &[
    ("style=\"white-space: pre-wrap\"", "class=\"leerraum\""),
    ("style=\"display: inline-block\"", "class=\"inline\""),
];

fn ohne_inline_stile(s: &str) -> String {
    STILE
        .iter()
        .fold(s.to_owned(), |s, (stil, klasse)| s.replace(stil, klasse))
}

/// The first cell of every body row a row header, as in the PDF: a screen
/// reader names the row ("Projektstatus: Geplant").
fn zeilenkoepfe(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, teil) in s.split("<tr><td>").enumerate() {
        if i == 0 {
            out.push_str(teil);
            continue;
        }
        out.push_str("<tr><th scope=\"row\">");
        match teil.split_once("</td>") {
            Some((kopf, rest)) => {
                out.push_str(kopf);
                out.push_str("</th>");
                out.push_str(rest);
            }
            None => out.push_str(teil),
        }
    }
    out
}

/// Each table in its own scrolling region (a wide table scrolls, never the
/// page), named by its number on the page.
fn tabellen_scrollbar(s: &str) -> String {
    let mut out = String::new();
    for (i, teil) in s.split("<table>").enumerate() {
        if i > 0 {
            out.push_str(&format!(
                "<div class=\"breit\" role=\"region\" tabindex=\"0\" aria-label=\"Tabelle {i}\"><table>"
            ));
        }
        out.push_str(&teil.replace("</table>", "</table></div>"));
    }
    out
}

/// The pages of the report: one per chapter heading (`<h2>` in Typst's
/// output), with a map from every anchor to the page it is on.
pub fn seiten(html: &str) -> (Vec<Kapitelseite>, BTreeMap<String, String>) {
    let (body, noten) = fussnoten(koerper(html));
    let mut teile: Vec<String> = Vec::new();
    let mut rest = body.as_str();
    while let Some(i) = rest[1.min(rest.len())..].find("<h2").map(|i| i + 1) {
        teile.push(rest[..i].to_owned());
        rest = &rest[i..];
    }
    teile.push(rest.to_owned());
    let teile: Vec<String> = teile.into_iter().filter(|t| t.contains("<h2")).collect();
    let dateien: Vec<String> = (0..teile.len())
        .map(|i| format!("kapitel-{}.html", i + 2))
        .collect();
    let mut wo: BTreeMap<String, String> = BTreeMap::new();
    for (t, d) in teile.iter().zip(&dateien) {
        for id in ids(t) {
            wo.entry(id).or_insert_with(|| d.clone());
        }
    }
    let mut seiten = Vec::new();
    for (t, datei) in teile.iter().zip(&dateien) {
        let (kopf, inhalt) = t.split_once("</h2>").unwrap_or(("", t.as_str()));
        let titel = ohne_tags(kopf).trim().to_owned();
        let mut inhalt = inhalt.to_owned();
        let eigene: Vec<&(String, String)> = noten
            .iter()
            .filter(|(id, _)| inhalt.contains(&format!("href=\"#{id}\"")))
            .collect();
        if !eigene.is_empty() {
            let liste: String = eigene.iter().map(|(_, li)| li.as_str()).collect();
            inhalt.push_str(&format!(
                "<section role=\"doc-endnotes\" aria-label=\"Fußnoten\"><ol class=\"fussnoten\">{liste}</ol></section>"
            ));
        }
        for (id, ziel) in &wo {
            if ziel != datei {
                inhalt =
                    inhalt.replace(&format!("href=\"#{id}\""), &format!("href=\"{ziel}#{id}\""));
            }
        }
        seiten.push(Kapitelseite {
            datei: datei.clone(),
            titel,
            inhalt: ohne_inline_stile(&tabellen_scrollbar(&zeilenkoepfe(&ebene_hoeher(&inhalt)))),
        });
    }
    (seiten, wo)
}

/// The report's pages on the website: its contents (`bericht/index.html`),
/// a page per chapter and the evidence of every checked number
/// (`bericht/nachweis.html`).
pub fn webseiten(d: &super::Eingang) -> Vec<super::Seite> {
    use super::html::{esc, link};
    let r = super::seiten::rahmen(d, "../");
    let aktiv = Some("bericht/index.html");
    let mut out = Vec::new();
    let kapitel = &d.bericht.seiten;
    for (i, k) in kapitel.iter().enumerate() {
        let mut weiter = String::new();
        if let Some(v) = i.checked_sub(1).and_then(|i| kapitel.get(i)) {
            weiter.push_str(&format!(
                "<li>Zurück: {}</li>",
                link(&v.datei, &esc(&v.titel))
            ));
        }
        if let Some(n) = kapitel.get(i + 1) {
            weiter.push_str(&format!(
                "<li>Weiter: {}</li>",
                link(&n.datei, &esc(&n.titel))
            ));
        }
        let inhalt = format!(
            "{}\n<nav aria-label=\"Kapitel\"><ul class=\"blaettern\"><li>{}</li>{weiter}</ul></nav>",
            k.inhalt,
            link("index.html", "Inhalt des Berichts")
        );
        out.push(super::Seite {
            pfad: format!("bericht/{}", k.datei),
            html: r.seite(&k.titel, aktiv, &inhalt, false),
        });
    }
    let liste: String = kapitel
        .iter()
        .map(|k| format!("<li>{}</li>", link(&k.datei, &esc(&k.titel))))
        .collect();
    let meta = &d.edition.meta;
    let historie: Vec<Vec<String>> = meta
        .historie
        .iter()
        .map(|h| {
            vec![
                esc(&h.version),
                esc(&h.datum.deutsch()),
                esc(&h.bearbeiter),
                esc(&h.anmerkung),
            ]
        })
        .collect();
    let mitwirkende: Vec<Vec<String>> = meta
        .mitwirkende
        .iter()
        .map(|m| vec![esc(&m.name), esc(&m.organisation)])
        .collect();
    let inhalt = format!(
        "<p>Der Bericht als Webseiten, ein Kapitel je Seite: derselbe Text, dieselben Tabellen \
         und Abbildungen wie im PDF, aus denselben Daten. Jede Zahl und Aussage, die gegen die \
         Daten geprüft wird, ist ein Link auf ihren {}. Maßgeblich ist das PDF. {}</p>\
         <h2>Kapitel</h2><ul class=\"kapitel\">{liste}</ul>\
         <h2>1.1 Dokumenten-Historie</h2>{}<h2>1.2 Mitwirkende in der Arbeitsgruppe</h2>{}",
        link("nachweis.html", "Nachweis"),
        super::seiten::pdf_satz(d, "../", false),
        super::html::tabelle(
            "Dokumenten-Historie",
            &["Version", "Datum", "Bearbeiter/in", "Anmerkung"],
            &historie
        ),
        super::html::tabelle(
            "Mitwirkende",
            &["Name, Vorname", "Organisation"],
            &mitwirkende
        ),
    );
    out.push(super::Seite {
        pfad: "bericht/index.html".into(),
        html: r.seite(
            &format!("Bericht: {}", d.edition.meta.titel),
            aktiv,
            &inhalt,
            false,
        ),
    });
    out.push(nachweisseite(d, &r));
    out
}

/// Every checked number and statement: its words, definition, claim,
/// computed value and verdict, and the way back to its place in the text.
fn nachweisseite(d: &super::Eingang, r: &super::html::Rahmen) -> super::Seite {
    use super::html::{esc, link};
    let eintraege: String = d
        .bericht
        .nachweise
        .iter()
        .map(|(n, belege)| {
            let urteil = match (n.urteil.as_str(), n.anerkannt) {
                ("grenzwertig", _) => format!(
                    "grenzwertig: im Grenzbereich des Wortes ({})",
                    n.grenzbereich.as_deref().unwrap_or("")
                ),
                ("stimmt", _) => "stimmt mit den Daten überein".to_owned(),
                (_, true) => format!(
                    "widerspricht den Daten; anerkannte Abweichung: {}",
                    n.begruendung.as_deref().unwrap_or("")
                ),
                _ => "widerspricht den Daten".to_owned(),
            };
            let stelle = format!("zt-{}", n.anker);
            let zurueck = d
                .bericht
                .anker
                .get(&stelle)
                .map(|seite| link(&format!("{seite}#{stelle}"), "zur Stelle im Text"))
                .unwrap_or_default();
            format!(
                "<section id=\"zn-{}\" aria-labelledby=\"zn-{}-t\"><h2 id=\"zn-{}-t\">„{}“</h2>\
                 <p>{}</p><p>Behauptet: {} · berechnet: {}</p><p>{}</p>{}<p>{}</p></section>",
                esc(&n.anker),
                esc(&n.anker),
                esc(&n.anker),
                esc(&n.wortlaut),
                esc(&n.definition),
                esc(&n.vergleich),
                esc(&n.berechnet),
                esc(&urteil),
                belege.iter().map(|b| gezaehlt(d, b)).collect::<String>(),
                zurueck
            )
        })
        .collect();
    let inhalt = format!(
        "<p>Jede Zahl und Aussage des Berichts, die gegen die Daten geprüft wird: was sie \
         behauptet, wie die Zahl definiert ist, was die Daten ergeben und wie das Urteil lautet. \
         „Grenzwertig“ heißt: der Wert liegt im Grenzbereich des vagen Wortes.</p>{eintraege}"
    );
    super::Seite {
        pfad: "bericht/nachweis.html".into(),
        html: r.seite(
            "Nachweis der Zahlen und Aussagen",
            Some("bericht/index.html"),
            &inhalt,
            false,
        ),
    }
}

/// What a figure or statement counts, as a list to open: each fact sheet
/// linked to its project page, each row of Tabelle 1 to its Landkreis.
fn gezaehlt(d: &super::Eingang, b: &crate::figures::Beleg) -> String {
    use super::html::{esc, link};
    use super::seiten::{landkreis_adresse, projekt_adresse};
    use crate::figures::Beleg;
    let (was, eintraege): (&str, Vec<String>) = match b {
        Beleg::Steckbriefe { was, ids } => (
            was,
            ids.iter()
                .filter_map(|id| d.edition.alle_steckbriefe().find(|(_, s)| s.id == *id))
                .map(|(l, s)| {
                    let ziel = format!("../{}", projekt_adresse(s));
                    format!("{} ({})", link(&ziel, &esc(&s.projektname)), esc(l))
                })
                .collect(),
        ),
        Beleg::Landkreise { was, namen } => (
            was,
            namen
                .iter()
                .map(|l| link(&format!("../{}", landkreis_adresse(l)), &esc(l)))
                .collect(),
        ),
    };
    if eintraege.is_empty() {
        return format!("<p>Gezählt: keine {}.</p>", esc(was));
    }
    let punkte: String = eintraege.iter().map(|e| format!("<li>{e}</li>")).collect();
    format!(
        "<details class=\"gezaehlt\"><summary>Gezählt: {} {}</summary><ul>{punkte}</ul></details>",
        eintraege.len(),
        esc(&einzahl(was, eintraege.len()))
    )
}

/// „1 Steckbrief“, not „1 Steckbriefe“: the leading noun in the singular.
fn einzahl(was: &str, n: usize) -> String {
    let paare = [("Steckbriefe", "Steckbrief"), ("Zeilen", "Zeile")];
    match paare.iter().find(|(mehr, _)| was.starts_with(mehr)) {
        Some((mehr, eins)) if n == 1 => format!("{eins}{}", &was[mehr.len()..]),
        _ => was.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOKUMENT: &str = "<!DOCTYPE html><html><head></head><body>\
        <h2>2 Einleitung</h2><p>Text<sup id=\"loc-1\"><a href=\"#loc-10\">1</a></sup>, siehe \
        <a href=\"#ziel\">Ziff. 3.1</a></p><h3>2.1 Teil</h3>\
        <h2>3 Rahmen</h2><h3 id=\"ziel\">3.1 Methodik</h3><p>Mehr<sup id=\"loc-2\"><a href=\"#loc-11\">2</a></sup></p>\
        <section role=\"doc-endnotes\"><ol style=\"list-style-type: none\">\
        <li id=\"loc-10\"><sup role=\"doc-backlink\"><a href=\"#loc-1\">1</a></sup> Erste</li>\
        <li id=\"loc-11\"><sup role=\"doc-backlink\"><a href=\"#loc-2\">2</a></sup> Zweite</li>\
        </ol></section></body></html>";

    #[test]
    fn eine_zahl_von_eins_nennt_das_erste_wort_in_der_einzahl() {
        let was = "Steckbriefe mit „RAG“ bei „Technologien“";
        assert_eq!(einzahl(was, 1), "Steckbrief mit „RAG“ bei „Technologien“");
        assert_eq!(einzahl(was, 3), was);
        assert_eq!(einzahl("Zeilen der Tabelle 1", 1), "Zeile der Tabelle 1");
        assert_eq!(einzahl("Landkreise", 1), "Landkreise");
    }

    #[test]
    fn je_kapitel_eine_seite_mit_seinen_fussnoten_und_verweisen() {
        let (seiten, wo) = seiten(DOKUMENT);
        assert_eq!(seiten.len(), 2);
        assert_eq!(seiten[0].titel, "2 Einleitung");
        assert_eq!(seiten[0].datei, "kapitel-2.html");
        // The cross reference names the other page; the heading moved up.
        assert!(
            seiten[0].inhalt.contains("href=\"kapitel-3.html#ziel\""),
            "{}",
            seiten[0].inhalt
        );
        assert!(seiten[0].inhalt.contains("<h2>2.1 Teil</h2>"));
        // Each footnote on the page that refers to it.
        assert!(seiten[0].inhalt.contains("Erste") && !seiten[0].inhalt.contains("Zweite"));
        assert!(seiten[1].inhalt.contains("Zweite") && !seiten[1].inhalt.contains("Erste"));
        assert!(
            seiten[1]
                .inhalt
                .contains("<h2 id=\"ziel\">3.1 Methodik</h2>")
        );
        assert_eq!(wo["ziel"], "kapitel-3.html");
    }
}
