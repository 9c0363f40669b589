//! The frame of every page and small pieces of HTML. Every text from the
//! data goes through [`text`]: escaped, with the data's language markers
//! (`<en>…</en>`) as `<span lang="en">`.

use crate::report_data::sprachteile;

/// HTML-escaped (handlebars' escaping: `& < > " ' \` =`).
pub fn esc(s: &str) -> String {
    handlebars::html_escape(s)
}

/// A text from the data: escaped, passages marked as another language in a
/// `span` with that language.
pub fn text(s: &str) -> String {
    sprachteile(s)
        .into_iter()
        .map(|(lang, t)| match lang {
            Some(l) => format!("<span lang=\"{l}\">{}</span>", esc(t)),
            None => esc(t),
        })
        .collect()
}

/// A description of the program (schema documentation): escaped, `code`
/// in backticks as `<code>`.
pub fn beschreibung(s: &str) -> String {
    s.split('`')
        .enumerate()
        .map(|(i, t)| {
            if i % 2 == 1 {
                format!("<code>{}</code>", esc(t))
            } else {
                esc(t)
            }
        })
        .collect()
}

/// A text from the data with its line breaks kept.
pub fn absatz(s: &str) -> String {
    s.lines().map(text).collect::<Vec<_>>().join("<br>")
}

/// A link; `ziel` is a relative address written by the program.
pub fn link(ziel: &str, inhalt: &str) -> String {
    format!("<a href=\"{}\">{inhalt}</a>", esc(ziel))
}

/// A list of links, or a sentence when there is none.
pub fn liste(eintraege: &[String], leer: &str) -> String {
    if eintraege.is_empty() {
        return format!("<p>{leer}</p>");
    }
    let punkte: String = eintraege.iter().map(|e| format!("<li>{e}</li>")).collect();
    format!("<ul>{punkte}</ul>")
}

/// A table of label and value, the labels as row headers.
pub fn zeilen_tabelle(titel: &str, zeilen: &[(String, String)]) -> String {
    let z: String = zeilen
        .iter()
        .map(|(k, v)| format!("<tr><th scope=\"row\">{k}</th><td>{v}</td></tr>"))
        .collect();
    breit(
        titel,
        &format!("<table class=\"angaben\"><caption>{titel}</caption><tbody>{z}</tbody></table>"),
    )
}

/// A table in its own scroll container: on a narrow screen (390 px) the
/// table scrolls sideways, not the page (WCAG 1.4.10); the container can be
/// reached and scrolled with the keyboard.
pub fn breit(bezeichnung: &str, tabelle: &str) -> String {
    format!(
        "<div class=\"breit\" role=\"region\" tabindex=\"0\" aria-label=\"{}\">{tabelle}</div>",
        esc(bezeichnung)
    )
}

/// A table with a header row; the first column is a row header.
pub fn tabelle(titel: &str, kopf: &[&str], zeilen: &[Vec<String>]) -> String {
    let k: String = kopf
        .iter()
        .map(|k| format!("<th scope=\"col\">{k}</th>"))
        .collect();
    let z: String = zeilen
        .iter()
        .map(|z| {
            let zellen: String = z
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    if i == 0 {
                        format!("<th scope=\"row\">{c}</th>")
                    } else {
                        format!("<td>{c}</td>")
                    }
                })
                .collect();
            format!("<tr>{zellen}</tr>")
        })
        .collect();
    breit(
        titel,
        &format!(
            "<table><caption>{titel}</caption><thead><tr>{k}</tr></thead><tbody>{z}</tbody></table>"
        ),
    )
}

/// What every page shares: title, edition, the way back to the root.
pub struct Rahmen<'a> {
    /// The report's title (for the header).
    pub bericht: &'a str,
    /// `2025`.
    pub ausgabe: &'a str,
    /// `""` for a page at the root, `"../"` one folder down.
    pub wurzel: &'a str,
    /// The links to the site's editions (HTML, empty with one edition).
    pub ausgaben: String,
    /// The footer's links: address from the root, name.
    pub fuss: Vec<(&'a str, &'a str)>,
}

/// The pages of the main navigation: address, name.
const NAVIGATION: &[(&str, &str)] = &[
    ("index.html", "Übersicht"),
    ("projekte.html", "Projekte"),
    ("bericht/index.html", "Bericht"),
    ("daten.html", "Offene Daten"),
];

impl Rahmen<'_> {
    fn fusszeile(&self) -> String {
        if self.fuss.is_empty() {
            return String::new();
        }
        let w = self.wurzel;
        let eintraege: String = self
            .fuss
            .iter()
            .map(|(ziel, name)| format!("<li><a href=\"{w}{ziel}\">{name}</a></li>"))
            .collect();
        format!("<nav aria-label=\"Weitere Seiten\"><ul>{eintraege}</ul></nav>")
    }

    /// A whole page: `titel` is its h1 (escaped here), `inhalt` its body
    /// (HTML), `aktiv` the address of its navigation entry, if any.
    pub fn seite(&self, titel: &str, aktiv: Option<&str>, inhalt: &str, skript: bool) -> String {
        let w = self.wurzel;
        let nav: String = NAVIGATION
            .iter()
            .map(|(ziel, name)| {
                let aktuell = if aktiv == Some(*ziel) {
                    " aria-current=\"page\""
                } else {
                    ""
                };
                format!("<li><a href=\"{w}{ziel}\"{aktuell}>{name}</a></li>")
            })
            .collect();
        let skript = if skript {
            format!("<script src=\"{w}suche.js\" defer></script>")
        } else {
            String::new()
        };
        format!(
            "<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n\
             <meta name=\"referrer\" content=\"no-referrer\">\n\
             <title>{t} – KI-Kataster {a}</title>\n\
             <link rel=\"stylesheet\" href=\"{w}stil.css\">\n\
             <link rel=\"icon\" href=\"{w}symbol.svg\" type=\"image/svg+xml\">\n{skript}\n</head>\n<body>\n\
             <a class=\"sprung\" href=\"#inhalt\">Zum Inhalt springen</a>\n\
             <header><p class=\"bericht\">{b} · Ausgabe {a}</p>\
             <nav aria-label=\"Hauptnavigation\"><ul>{nav}</ul></nav>{ausgaben}</header>\n\
             <main id=\"inhalt\" tabindex=\"-1\">\n<h1>{t}</h1>\n{inhalt}\n</main>\n\
             <footer>{fuss}<p>Niedersächsischer Landkreistag, Arbeitsgruppe „KI-Kataster“. Erzeugt \
             mit kataster-report aus denselben Daten wie der Bericht.</p></footer>\n\
             </body>\n</html>\n",
            t = esc(titel),
            a = esc(self.ausgabe),
            b = esc(self.bericht),
            ausgaben = self.ausgaben,
            fuss = self.fusszeile(),
        )
    }
}

/// Nothing but the site's own files: no other host, no inline script or
/// style, no forms sent anywhere, no framing.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; \
                       font-src 'self'; connect-src 'none'; base-uri 'none'; form-action 'none'";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn daten_werden_als_text_gesetzt() {
        assert_eq!(
            text("<script>alert(1)</script> & #x *y* $z$ @l ]"),
            "&lt;script&gt;alert(1)&lt;/script&gt; &amp; #x *y* $z$ @l ]"
        );
        assert_eq!(
            text("erstmal \"<en>silent go live</en>\""),
            "erstmal &quot;<span lang=\"en\">silent go live</span>&quot;"
        );
        assert_eq!(
            text("<en>a<b>c</b></en>"),
            "&lt;en&gt;a&lt;b&gt;c&lt;/b&gt;&lt;/en&gt;"
        );
    }
}
