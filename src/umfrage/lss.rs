//! Reading a LimeSurvey survey structure (`.lss`, XML): the sections and
//! their rows as they stand, then the survey's questions in order, in its
//! base language. Reads current exports (texts in the `*_l10ns` sections)
//! and older ones (texts and language in the rows themselves).

use std::collections::BTreeMap;

use quick_xml::Reader;
use quick_xml::events::Event;
use serde::Serialize;

/// A row of a section: field name → value.
pub type Zeile = BTreeMap<String, String>;

/// The raw content of an `.lss`: its languages and every section's rows.
#[derive(Debug, Default)]
pub struct Dokument {
    pub sprachen: Vec<String>,
    pub abschnitte: BTreeMap<String, Vec<Zeile>>,
    /// Each section's `<fields><fieldname>` list.
    pub felder: BTreeMap<String, Vec<String>>,
}

/// Why an `.lss` cannot be read: the message, and the line if known.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{meldung}")]
pub struct LssFehler {
    pub meldung: String,
    pub zeile: Option<usize>,
}

impl LssFehler {
    fn neu(meldung: impl Into<String>, zeile: Option<usize>) -> Self {
        LssFehler {
            meldung: meldung.into(),
            zeile,
        }
    }
}

/// The line of a byte offset.
fn zeile_von(text: &str, pos: u64) -> usize {
    let pos = usize::try_from(pos).unwrap_or(usize::MAX).min(text.len());
    text.as_bytes()[..pos]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

/// Reads the sections: `<document><section><rows><row><field>…` and
/// `<languages><language>`.
pub fn dokument(text: &str) -> Result<Dokument, LssFehler> {
    let mut r = Reader::from_str(text);
    let mut pfad: Vec<String> = Vec::new();
    let mut doc = Dokument::default();
    let mut zeile = Zeile::new();
    let mut wert = String::new();
    let mut ist_lss = false;
    loop {
        // The line is counted only for a message: counting it for every
        // event would make reading quadratic in the file's size.
        let pos = r.buffer_position();
        let ort = || Some(zeile_von(text, pos));
        // quick-xml's own text is English: the line says where.
        let fehler = |_: quick_xml::Error| {
            LssFehler::neu(
                "kein gültiges XML: die Datei ist hier abgeschnitten oder beschädigt",
                ort(),
            )
        };
        match r.read_event().map_err(fehler)? {
            Event::Start(e) => {
                let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                if pfad.len() == 1 && name == "LimeSurveyDocType" {
                    ist_lss = true;
                }
                pfad.push(name);
                wert.clear();
            }
            Event::Empty(e) if pfad.len() == 4 && pfad[2] == "rows" => {
                let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                zeile.insert(name, String::new());
            }
            Event::Text(t) => wert.push_str(&t.xml_content().map_err(|_| {
                LssFehler::neu("Text nicht lesbar (keine gültige Zeichenkodierung)", ort())
            })?),
            Event::CData(c) => wert.push_str(&String::from_utf8_lossy(&c.into_inner())),
            Event::GeneralRef(g) => {
                let name = g.decode().unwrap_or_default().into_owned();
                match g.resolve_char_ref() {
                    Ok(Some(c)) => wert.push(c),
                    _ => match quick_xml::escape::resolve_xml_entity(&name) {
                        Some(s) => wert.push_str(s),
                        None => wert.push_str(&format!("&{name};")),
                    },
                }
            }
            Event::End(_) => {
                let name = pfad.pop().unwrap_or_default();
                match pfad.len() {
                    // <languages><language>de</language>
                    2 if pfad[1] == "languages" => doc.sprachen.push(wert.trim().to_owned()),
                    // <section><fields><fieldname>
                    3 if pfad[2] == "fields" && name == "fieldname" => doc
                        .felder
                        .entry(pfad[1].clone())
                        .or_default()
                        .push(wert.trim().to_owned()),
                    // <section><rows><row><field>
                    4 if pfad[2] == "rows" => {
                        zeile.insert(name, std::mem::take(&mut wert));
                    }
                    3 if pfad[2] == "rows" => {
                        let abschnitt = pfad[1].clone();
                        doc.abschnitte
                            .entry(abschnitt)
                            .or_default()
                            .push(std::mem::take(&mut zeile));
                    }
                    _ => {}
                }
                wert.clear();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !ist_lss {
        return Err(LssFehler::neu(
            "keine LimeSurvey-Umfragestruktur (es fehlt <LimeSurveyDocType> in <document>)",
            None,
        ));
    }
    Ok(doc)
}

/// A choice of a question: a subquestion or an answer option.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Option_ {
    pub code: String,
    pub text: String,
}

/// A question of the survey, in its base language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Frage {
    pub code: String,
    /// LimeSurvey's type letter: `L` list, `!` dropdown, `M` multiple
    /// choice, `S` short text, `T` long text, `N` number, …
    #[serde(rename = "type")]
    pub typ: String,
    pub text: String,
    /// Whether it offers "Sonstiges" with a free text.
    pub other: bool,
    /// The group's name.
    #[serde(skip)]
    pub gruppe: String,
    /// Ids of the question and its group (the columns of an archive's
    /// responses are named by them).
    #[serde(skip)]
    pub qid: String,
    #[serde(skip)]
    pub gid: String,
    pub subquestions: Vec<Option_>,
    pub answers: Vec<Option_>,
}

/// The survey: title, languages (the base language first), questions in
/// the order of the survey.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Umfrage {
    /// The survey's id.
    #[serde(skip)]
    pub sid: String,
    pub title: String,
    pub languages: Vec<String>,
    pub questions: Vec<Frage>,
}

fn feld<'a>(z: &'a Zeile, name: &str) -> &'a str {
    z.get(name).map_or("", String::as_str)
}

fn zahl(z: &Zeile, name: &str) -> i64 {
    feld(z, name).trim().parse().unwrap_or(0)
}

/// HTML tags removed (a block or a line break becomes `umbruch`), the
/// common entities resolved; anything else as written ("a < b" stays).
pub fn ohne_tags(s: &str, umbruch: char) -> String {
    const BLOCK: &[&str] = &[
        "p", "br", "div", "li", "ul", "ol", "tr", "td", "th", "h1", "h2", "h3", "h4",
    ];
    let mut out = String::new();
    let mut tag: Option<String> = None;
    for c in s.chars() {
        match (&mut tag, c) {
            (None, '<') => tag = Some(String::new()),
            (Some(t), '>') => {
                let name: String = t
                    .trim_start_matches('/')
                    .chars()
                    .take_while(char::is_ascii_alphanumeric)
                    .collect::<String>()
                    .to_lowercase();
                if BLOCK.contains(&name.as_str()) {
                    out.push(umbruch);
                }
                tag = None;
            }
            (Some(t), c) if c.is_ascii_alphanumeric() || "/ =\"'-:;.#".contains(c) => t.push(c),
            // Not a tag after all: as written.
            (Some(t), c) => {
                out.push('<');
                out.push_str(t);
                out.push(c);
                tag = None;
            }
            (None, c) => out.push(c),
        }
    }
    if let Some(t) = tag {
        out.push('<');
        out.push_str(&t);
    }
    out.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Text of a question, answer or title without its HTML, white space
/// folded.
pub fn ohne_html(s: &str) -> String {
    ohne_tags(s, ' ')
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The survey from the document, in its base language.
pub fn umfrage(doc: &Dokument) -> Result<Umfrage, LssFehler> {
    let leer = Vec::new();
    let abschnitt = |n: &str| doc.abschnitte.get(n).unwrap_or(&leer);
    let basis = abschnitt("surveys")
        .first()
        .map(|z| feld(z, "language").to_owned())
        .filter(|l| !l.is_empty())
        .or_else(|| doc.sprachen.first().cloned())
        .ok_or_else(|| LssFehler::neu("die Umfrage nennt keine Sprache", None))?;
    let in_basis = |z: &Zeile, sprachfeld: &str| {
        let l = feld(z, sprachfeld);
        l.is_empty() || l == basis
    };
    let title = abschnitt("surveys_languagesettings")
        .iter()
        .find(|z| in_basis(z, "surveyls_language"))
        .map(|z| ohne_html(feld(z, "surveyls_title")))
        .unwrap_or_default();
    let mut languages = vec![basis.clone()];
    languages.extend(doc.sprachen.iter().filter(|l| **l != basis).cloned());

    // Texts of the current layout, by id and language.
    let text_von = |abschnitt_: &str, schluessel: &str, id: &str, textfeld: &str| {
        abschnitt(abschnitt_)
            .iter()
            .find(|z| feld(z, schluessel) == id && in_basis(z, "language"))
            .map(|z| ohne_html(feld(z, textfeld)))
    };
    let gruppen: BTreeMap<String, (i64, String)> = abschnitt("groups")
        .iter()
        .filter(|z| in_basis(z, "language"))
        .map(|z| {
            let gid = feld(z, "gid").to_owned();
            let name = text_von("group_l10ns", "gid", &gid, "group_name")
                .unwrap_or_else(|| ohne_html(feld(z, "group_name")));
            (gid, (zahl(z, "group_order"), name))
        })
        .collect();
    // Questions: top-level rows of `questions` (older exports also keep
    // subquestions there, with a parent).
    let mut haupt: Vec<&Zeile> = abschnitt("questions")
        .iter()
        .filter(|z| zahl(z, "parent_qid") == 0 && in_basis(z, "language"))
        .collect();
    haupt.sort_by_key(|z| {
        let g = gruppen.get(feld(z, "gid")).map_or(i64::MAX, |g| g.0);
        (g, zahl(z, "question_order"), zahl(z, "qid"))
    });
    let mut unter: Vec<&Zeile> = abschnitt("subquestions")
        .iter()
        .chain(
            abschnitt("questions")
                .iter()
                .filter(|z| zahl(z, "parent_qid") != 0),
        )
        .filter(|z| in_basis(z, "language"))
        .collect();
    unter.sort_by_key(|z| (zahl(z, "question_order"), zahl(z, "qid")));
    let mut antworten: Vec<&Zeile> = abschnitt("answers")
        .iter()
        .filter(|z| zahl(z, "scale_id") == 0 && in_basis(z, "language"))
        .collect();
    antworten.sort_by_key(|z| zahl(z, "sortorder"));

    let fragentext = |z: &Zeile| {
        text_von("question_l10ns", "qid", feld(z, "qid"), "question")
            .unwrap_or_else(|| ohne_html(feld(z, "question")))
    };
    let questions = haupt
        .into_iter()
        .map(|z| {
            let qid = feld(z, "qid");
            Frage {
                code: feld(z, "title").to_owned(),
                typ: feld(z, "type").to_owned(),
                text: fragentext(z),
                other: feld(z, "other") == "Y",
                gruppe: gruppen
                    .get(feld(z, "gid"))
                    .map(|g| g.1.clone())
                    .unwrap_or_default(),
                qid: qid.to_owned(),
                gid: feld(z, "gid").to_owned(),
                subquestions: unter
                    .iter()
                    .filter(|u| feld(u, "parent_qid") == qid)
                    .map(|u| Option_ {
                        code: feld(u, "title").to_owned(),
                        text: fragentext(u),
                    })
                    .collect(),
                answers: antworten
                    .iter()
                    .filter(|a| feld(a, "qid") == qid)
                    .map(|a| Option_ {
                        code: feld(a, "code").to_owned(),
                        text: text_von("answer_l10ns", "aid", feld(a, "aid"), "answer")
                            .unwrap_or_else(|| ohne_html(feld(a, "answer"))),
                    })
                    .collect(),
            }
        })
        .collect();
    let sid = abschnitt("surveys")
        .first()
        .map(|z| feld(z, "sid").to_owned())
        .unwrap_or_default();
    Ok(Umfrage {
        sid,
        title,
        languages,
        questions,
    })
}

/// Reads an `.lss` text.
pub fn lesen(text: &str) -> Result<Umfrage, LssFehler> {
    umfrage(&dokument(text)?)
}
