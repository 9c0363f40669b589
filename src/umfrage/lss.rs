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
    let mut a = Aufbau::default();
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
                a.anfang(String::from_utf8_lossy(e.local_name().as_ref()).into_owned())
            }
            Event::Empty(e) => {
                a.leer(String::from_utf8_lossy(e.local_name().as_ref()).into_owned())
            }
            Event::Text(t) => a.wert.push_str(&t.xml_content().map_err(|_| {
                LssFehler::neu("Text nicht lesbar (keine gültige Zeichenkodierung)", ort())
            })?),
            Event::CData(c) => a.wert.push_str(&String::from_utf8_lossy(&c.into_inner())),
            Event::GeneralRef(g) => a.referenz(&g),
            Event::End(_) => a.ende(),
            Event::Eof => break,
            _ => {}
        }
    }
    if !a.ist_lss {
        return Err(LssFehler::neu(
            "keine LimeSurvey-Umfragestruktur (es fehlt <LimeSurveyDocType> in <document>)",
            None,
        ));
    }
    Ok(a.doc)
}

/// The document as it is read: where in the tree, the row and the value so
/// far.
#[derive(Default)]
struct Aufbau {
    pfad: Vec<String>,
    doc: Dokument,
    zeile: Zeile,
    wert: String,
    ist_lss: bool,
}

impl Aufbau {
    fn anfang(&mut self, name: String) {
        if self.pfad.len() == 1 && name == "LimeSurveyDocType" {
            self.ist_lss = true;
        }
        self.pfad.push(name);
        self.wert.clear();
    }

    /// `<field/>` in a row: an empty value.
    fn leer(&mut self, name: String) {
        if self.pfad.len() == 4 && self.pfad[2] == "rows" {
            self.zeile.insert(name, String::new());
        }
    }

    /// `&amp;`, `&#228;`: the character; an unknown entity stays as written.
    fn referenz(&mut self, g: &quick_xml::events::BytesRef<'_>) {
        let name = g.decode().unwrap_or_default().into_owned();
        match g.resolve_char_ref() {
            Ok(Some(c)) => self.wert.push(c),
            _ => match quick_xml::escape::resolve_xml_entity(&name) {
                Some(s) => self.wert.push_str(s),
                None => self.wert.push_str(&format!("&{name};")),
            },
        }
    }

    fn ende(&mut self) {
        let name = self.pfad.pop().unwrap_or_default();
        let pfad = &self.pfad;
        match pfad.len() {
            // <languages><language>de</language>
            2 if pfad[1] == "languages" => self.doc.sprachen.push(self.wert.trim().to_owned()),
            // <section><fields><fieldname>
            3 if pfad[2] == "fields" && name == "fieldname" => self
                .doc
                .felder
                .entry(pfad[1].clone())
                .or_default()
                .push(self.wert.trim().to_owned()),
            // <section><rows><row><field>
            4 if pfad[2] == "rows" => {
                self.zeile.insert(name, std::mem::take(&mut self.wert));
            }
            3 if pfad[2] == "rows" => {
                let abschnitt = pfad[1].clone();
                self.doc
                    .abschnitte
                    .entry(abschnitt)
                    .or_default()
                    .push(std::mem::take(&mut self.zeile));
            }
            _ => {}
        }
        self.wert.clear();
    }
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
    let basis = doc
        .abschnitte
        .get("surveys")
        .and_then(|z| z.first())
        .map(|z| feld(z, "language").to_owned())
        .filter(|l| !l.is_empty())
        .or_else(|| doc.sprachen.first().cloned())
        .ok_or_else(|| LssFehler::neu("die Umfrage nennt keine Sprache", None))?;
    let l = Lesart {
        doc,
        basis: &basis,
        leer: Vec::new(),
    };
    let title = l
        .abschnitt("surveys_languagesettings")
        .iter()
        .find(|z| l.in_basis(z, "surveyls_language"))
        .map(|z| ohne_html(feld(z, "surveyls_title")))
        .unwrap_or_default();
    let mut languages = vec![basis.clone()];
    languages.extend(doc.sprachen.iter().filter(|x| **x != basis).cloned());
    let sid = l
        .abschnitt("surveys")
        .first()
        .map(|z| feld(z, "sid").to_owned())
        .unwrap_or_default();
    Ok(Umfrage {
        sid,
        title,
        languages,
        questions: l.fragen(),
    })
}

/// The document read in its base language.
struct Lesart<'d> {
    doc: &'d Dokument,
    basis: &'d str,
    leer: Vec<Zeile>,
}

impl<'d> Lesart<'d> {
    /// The rows of a section (none when it is missing).
    fn abschnitt(&self, name: &str) -> &[Zeile] {
        self.doc.abschnitte.get(name).unwrap_or(&self.leer)
    }

    /// Whether a row is in the base language (or in none).
    fn in_basis(&self, z: &Zeile, sprachfeld: &str) -> bool {
        let l = feld(z, sprachfeld);
        l.is_empty() || l == self.basis
    }

    /// A text of the current layout (`*_l10ns`), by id, in the base language.
    fn text_von(
        &self,
        abschnitt: &str,
        schluessel: &str,
        id: &str,
        textfeld: &str,
    ) -> Option<String> {
        self.abschnitt(abschnitt)
            .iter()
            .find(|z| feld(z, schluessel) == id && self.in_basis(z, "language"))
            .map(|z| ohne_html(feld(z, textfeld)))
    }

    /// The rows of a section in the base language, sorted by `ordnung`.
    fn zeilen<K: Ord>(
        &self,
        zeilen: impl Iterator<Item = &'d Zeile>,
        ordnung: impl Fn(&Zeile) -> K,
    ) -> Vec<&'d Zeile> {
        let mut v: Vec<&Zeile> = zeilen.filter(|z| self.in_basis(z, "language")).collect();
        v.sort_by_key(|z| ordnung(z));
        v
    }

    /// Groups by id: their order and name.
    fn gruppen(&self) -> BTreeMap<String, (i64, String)> {
        self.abschnitt("groups")
            .iter()
            .filter(|z| self.in_basis(z, "language"))
            .map(|z| {
                let gid = feld(z, "gid").to_owned();
                let name = self
                    .text_von("group_l10ns", "gid", &gid, "group_name")
                    .unwrap_or_else(|| ohne_html(feld(z, "group_name")));
                (gid, (zahl(z, "group_order"), name))
            })
            .collect()
    }

    fn fragentext(&self, z: &Zeile) -> String {
        self.text_von("question_l10ns", "qid", feld(z, "qid"), "question")
            .unwrap_or_else(|| ohne_html(feld(z, "question")))
    }

    /// The questions in the survey's order, each with its subquestions and
    /// answers. Questions are the top-level rows of `questions` (older
    /// exports also keep subquestions there, with a parent).
    fn fragen(&self) -> Vec<Frage> {
        let doc = self.doc;
        let leer = &self.leer;
        let abschnitt = |n: &str| doc.abschnitte.get(n).unwrap_or(leer);
        let gruppen = self.gruppen();
        let haupt = self.zeilen(
            abschnitt("questions")
                .iter()
                .filter(|z| zahl(z, "parent_qid") == 0),
            |z| {
                let g = gruppen.get(feld(z, "gid")).map_or(i64::MAX, |g| g.0);
                (g, zahl(z, "question_order"), zahl(z, "qid"))
            },
        );
        let unter = self.zeilen(
            abschnitt("subquestions").iter().chain(
                abschnitt("questions")
                    .iter()
                    .filter(|z| zahl(z, "parent_qid") != 0),
            ),
            |z| (zahl(z, "question_order"), zahl(z, "qid")),
        );
        let antworten = self.zeilen(
            abschnitt("answers")
                .iter()
                .filter(|z| zahl(z, "scale_id") == 0),
            |z| zahl(z, "sortorder"),
        );
        haupt
            .into_iter()
            .map(|z| self.frage(z, &gruppen, &unter, &antworten))
            .collect()
    }

    /// One question with its subquestions and answers.
    fn frage(
        &self,
        z: &Zeile,
        gruppen: &BTreeMap<String, (i64, String)>,
        unter: &[&Zeile],
        antworten: &[&Zeile],
    ) -> Frage {
        let qid = feld(z, "qid");
        Frage {
            code: feld(z, "title").to_owned(),
            typ: feld(z, "type").to_owned(),
            text: self.fragentext(z),
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
                    text: self.fragentext(u),
                })
                .collect(),
            answers: antworten
                .iter()
                .filter(|a| feld(a, "qid") == qid)
                .map(|a| Option_ {
                    code: feld(a, "code").to_owned(),
                    text: self
                        .text_von("answer_l10ns", "aid", feld(a, "aid"), "answer")
                        .unwrap_or_else(|| ohne_html(feld(a, "answer"))),
                })
                .collect(),
        }
    }
}

/// Reads an `.lss` text.
pub fn lesen(text: &str) -> Result<Umfrage, LssFehler> {
    umfrage(&dokument(text)?)
}
