//! The questionnaire from the data model: a LimeSurvey survey structure
//! (`.lss` of LimeSurvey 6) that asks for Tabelle 1 and for every field of a
//! fact sheet, with the edition's vocabulary as answers. Its question codes
//! come from the field keys ([`frage_code`]), so the import knows each
//! question without a hand-written mapping.

use std::fmt::Write;

use crate::model::tabelle::{SPALTEN as TABELLE_1, SpaltenArt};
use crate::model::{FELDER, FeldArt, Vokabular};

/// The database version written: LimeSurvey 6.6 (a 6.x installation
/// imports it and any later structure version).
pub const DB_VERSION: u32 = 623;

/// The survey id proposed (LimeSurvey assigns another if it is taken).
const SID: u32 = 421_025;

/// The question code of a field key: camel case without `_` (LimeSurvey
/// allows letters and digits only, starting with a letter), at most 20
/// characters.
pub fn frage_code(schluessel: &str) -> String {
    let mut code = String::new();
    let mut gross = false;
    for c in schluessel.chars() {
        if c == '_' {
            gross = true;
        } else if gross {
            code.extend(c.to_uppercase());
            gross = false;
        } else {
            code.push(c);
        }
    }
    code.chars().take(20).collect()
}

/// The code of the question for a project's id (`id` of a fact sheet),
/// first in the project group.
pub const KENNUNG: &str = "kennung";

/// The Landkreis questions: which Landkreis, then one per column of
/// Tabelle 1 (code, text, help, kind).
pub fn landkreis_fragen() -> Vec<(&'static str, &'static str, &'static str, Art)> {
    let landkreis = (
        "LK",
        "Landkreis",
        "Für welchen Landkreis antworten Sie?",
        Art::Landkreis,
    );
    std::iter::once(landkreis)
        .chain(TABELLE_1.iter().map(|s| {
            let art = match s.art {
                SpaltenArt::Text => Art::Kurz,
                SpaltenArt::Auswahl(v) => Art::Auswahl(v),
                SpaltenArt::JaNein => Art::JaNein,
                SpaltenArt::Dezimal | SpaltenArt::Anzahl => Art::Zahl,
            };
            (s.frage.code, s.frage.text, s.frage.hilfe, art)
        }))
        .collect()
}

/// How a question is asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Art {
    /// The Landkreise of Lower Saxony as a dropdown (`!`).
    Landkreis,
    /// Short text (`S`).
    Kurz,
    /// Long text (`T`).
    Lang,
    /// Number (`N`).
    Zahl,
    /// Ja or Nein (`L`, codes `J` and `N`).
    JaNein,
    /// One value of the vocabulary (`L`, with "Sonstiges").
    Auswahl(&'static str),
    /// Several values of the vocabulary (`M`, with "Sonstiges").
    Mehrfach(&'static str),
}

impl Art {
    fn typ(self) -> &'static str {
        match self {
            Art::Landkreis => "!",
            Art::Kurz => "S",
            Art::Lang => "T",
            Art::Zahl => "N",
            Art::JaNein | Art::Auswahl(_) => "L",
            Art::Mehrfach(_) => "M",
        }
    }

    fn thema(self) -> &'static str {
        match self {
            Art::Landkreis => "list_dropdown",
            Art::Kurz => "shortfreetext",
            Art::Lang => "longfreetext",
            Art::Zahl => "numerical",
            Art::JaNein | Art::Auswahl(_) => "listradio",
            Art::Mehrfach(_) => "multiplechoice",
        }
    }

    fn sonstiges(self) -> bool {
        matches!(self, Art::Auswahl(_) | Art::Mehrfach(_))
    }
}

/// The fact-sheet questions: code, label, help, kind, in the published
/// order (the Landkreis comes from the Landkreis question).
pub fn steckbrief_fragen() -> Vec<(String, &'static str, String, Art)> {
    FELDER
        .iter()
        .map(|f| {
            let art = match f.art {
                FeldArt::Text if matches!(f.schluessel, "projektname" | "zeitraum") => Art::Kurz,
                FeldArt::Text => Art::Lang,
                FeldArt::Einfach(v) => Art::Auswahl(v),
                FeldArt::Mehrfach(v) => Art::Mehrfach(v),
            };
            (
                frage_code(f.schluessel),
                f.bezeichnung,
                f.beschreibung(),
                art,
            )
        })
        .collect()
}

/// A value LimeSurvey's exports leave out of the row (database NULL).
const NULL: &str = "\u{0}";

/// A value for CDATA (LimeSurvey writes `]]>` as `]] >`).
fn cdata(s: &str) -> String {
    format!("<![CDATA[{}]]>", s.replace("]]>", "]] >"))
}

/// One section: its field names and rows (values in field order).
struct Abschnitt {
    name: &'static str,
    felder: Vec<&'static str>,
    zeilen: Vec<Vec<String>>,
}

impl Abschnitt {
    fn neu(name: &'static str, felder: &[&'static str]) -> Self {
        Abschnitt {
            name,
            felder: felder.to_vec(),
            zeilen: Vec::new(),
        }
    }

    /// A section of one row, from (field, value) pairs in export order.
    fn einzeilig(name: &'static str, paare: &[(&'static str, &str)]) -> Self {
        Abschnitt {
            name,
            felder: paare.iter().map(|(f, _)| *f).collect(),
            zeilen: vec![paare.iter().map(|(_, w)| (*w).to_owned()).collect()],
        }
    }

    fn schreiben(&self, out: &mut String) {
        if self.zeilen.is_empty() {
            return;
        }
        let _ = write!(out, " <{}>\n  <fields>\n", self.name);
        for f in &self.felder {
            let _ = writeln!(out, "   <fieldname>{f}</fieldname>");
        }
        out.push_str("  </fields>\n  <rows>\n");
        for z in &self.zeilen {
            out.push_str("   <row>\n");
            for (f, w) in self.felder.iter().zip(z) {
                if w == NULL {
                    continue;
                }
                if w.is_empty() {
                    let _ = writeln!(out, "    <{f}/>");
                } else {
                    let _ = writeln!(out, "    <{f}>{}</{f}>", cdata(w));
                }
            }
            out.push_str("   </row>\n");
        }
        let _ = write!(out, "  </rows>\n </{}>\n", self.name);
    }
}

const FRAGE_FELDER: &[&str] = &[
    "qid",
    "parent_qid",
    "sid",
    "gid",
    "type",
    "title",
    "preg",
    "other",
    "mandatory",
    "encrypted",
    "question_order",
    "scale_id",
    "same_default",
    "relevance",
    "question_theme_name",
    "modulename",
    "same_script",
];

/// Where a question stands: its group, its parent (0 for a question) and
/// its place.
#[derive(Clone, Copy)]
struct Platz {
    gid: u32,
    eltern: u32,
    ordnung: usize,
}

/// The survey under construction: ids are handed out in order.
struct Bau {
    antworten: Abschnitt,
    antwort_texte: Abschnitt,
    gruppen: Abschnitt,
    gruppen_texte: Abschnitt,
    fragen: Abschnitt,
    teilfragen: Abschnitt,
    fragen_texte: Abschnitt,
    qid: u32,
    aid: u32,
}

impl Bau {
    fn neu() -> Self {
        Bau {
            antworten: Abschnitt::neu(
                "answers",
                &[
                    "aid",
                    "qid",
                    "code",
                    "sortorder",
                    "assessment_value",
                    "scale_id",
                ],
            ),
            antwort_texte: Abschnitt::neu("answer_l10ns", &["id", "aid", "answer", "language"]),
            gruppen: Abschnitt::neu(
                "groups",
                &[
                    "gid",
                    "sid",
                    "group_order",
                    "randomization_group",
                    "grelevance",
                ],
            ),
            gruppen_texte: Abschnitt::neu(
                "group_l10ns",
                &[
                    "id",
                    "gid",
                    "group_name",
                    "description",
                    "language",
                    "sid",
                    "group_order",
                    "randomization_group",
                    "grelevance",
                ],
            ),
            fragen: Abschnitt::neu("questions", FRAGE_FELDER),
            teilfragen: Abschnitt::neu("subquestions", FRAGE_FELDER),
            fragen_texte: Abschnitt::neu(
                "question_l10ns",
                &["id", "qid", "question", "help", "script", "language"],
            ),
            qid: 0,
            aid: 0,
        }
    }

    fn gruppe(&mut self, gid: u32, name: &str, beschreibung: &str) {
        let g = gid.to_string();
        self.gruppen.zeilen.push(vec![
            g.clone(),
            SID.to_string(),
            gid.to_string(),
            String::new(),
            "1".into(),
        ]);
        self.gruppen_texte.zeilen.push(vec![
            g.clone(),
            g,
            name.into(),
            beschreibung.into(),
            "de".into(),
            SID.to_string(),
            gid.to_string(),
            String::new(),
            "1".into(),
        ]);
    }

    /// A question row (or a subquestion with a parent); its text.
    fn frage(&mut self, platz: Platz, code: &str, art: Art, text: &str, hilfe: &str) -> u32 {
        let Platz {
            gid,
            eltern,
            ordnung,
        } = platz;
        self.qid += 1;
        let qid = self.qid;
        let zeile = vec![
            qid.to_string(),
            eltern.to_string(),
            SID.to_string(),
            gid.to_string(),
            art.typ().into(),
            code.into(),
            String::new(),
            if eltern == 0 && art.sonstiges() {
                "Y"
            } else {
                "N"
            }
            .into(),
            "N".into(),
            "N".into(),
            ordnung.to_string(),
            "0".into(),
            "0".into(),
            "1".into(),
            if eltern == 0 { art.thema() } else { "" }.into(),
            String::new(),
            "0".into(),
        ];
        if eltern == 0 {
            self.fragen.zeilen.push(zeile);
        } else {
            self.teilfragen.zeilen.push(zeile);
        }
        self.fragen_texte.zeilen.push(vec![
            qid.to_string(),
            qid.to_string(),
            text.into(),
            hilfe.into(),
            String::new(),
            "de".into(),
        ]);
        qid
    }

    fn antwort(&mut self, qid: u32, ordnung: usize, code: &str, text: &str) {
        self.aid += 1;
        let aid = self.aid.to_string();
        self.antworten.zeilen.push(vec![
            aid.clone(),
            qid.to_string(),
            code.into(),
            ordnung.to_string(),
            "0".into(),
            "0".into(),
        ]);
        self.antwort_texte
            .zeilen
            .push(vec![aid.clone(), aid, text.into(), "de".into()]);
    }

    /// A question of kind `art` with its choices.
    fn mit_auswahl(
        &mut self,
        gid: u32,
        ordnung: usize,
        frage: (&str, &str, &str, Art),
        wahl: &Wahl,
    ) {
        let (code, text, hilfe, art) = frage;
        let platz = Platz {
            gid,
            eltern: 0,
            ordnung,
        };
        let qid = self.frage(platz, code, art, text, hilfe);
        let werte: Vec<(usize, String)> = match art {
            Art::Landkreis => wahl.landkreise.iter().cloned().enumerate().collect(),
            Art::JaNein => vec![(0, "Ja".into()), (1, "Nein".into())],
            Art::Auswahl(v) | Art::Mehrfach(v) => {
                angeboten(wahl.vokabular.liste(v).unwrap_or_default(), art)
            }
            _ => Vec::new(),
        };
        for (i, w) in &werte {
            let (i, w) = (*i, w.as_str());
            match art {
                Art::Mehrfach(_) => {
                    let platz = Platz {
                        gid,
                        eltern: qid,
                        ordnung: i + 1,
                    };
                    self.frage(platz, &format!("SQ{:03}", i + 1), art, w, "");
                }
                Art::JaNein => self.antwort(qid, i + 1, &w[..1], w),
                Art::Landkreis => self.antwort(qid, i + 1, &format!("K{:02}", i + 1), w),
                _ => self.antwort(qid, i + 1, &format!("A{}", i + 1), w),
            }
        }
    }
}

/// The values of a vocabulary the questionnaire offers, each with its place
/// in the list (its code stays when others are left out): not the ones
/// published but never asked (`ausserhalb_umfrage`), not spelling variants,
/// and not a value "Sonstiges" where LimeSurvey's own "Sonstiges" with its
/// free text is offered.
fn angeboten(liste: &[crate::model::VokabularEintrag], art: Art) -> Vec<(usize, String)> {
    liste
        .iter()
        .enumerate()
        .filter(|(_, e)| !e.ausserhalb_umfrage && e.variante_von.is_none())
        .filter(|(_, e)| !(art.sonstiges() && e.wert == SONSTIGES))
        .map(|(i, e)| (i, e.wert.clone()))
        .collect()
}

/// The value a vocabulary gives the free answer, and LimeSurvey's name for it.
pub const SONSTIGES: &str = "Sonstiges";

/// What the choices are made of.
pub struct Wahl<'a> {
    pub vokabular: &'a Vokabular,
    /// The Landkreise of Lower Saxony, sorted.
    pub landkreise: Vec<String>,
}

/// The questionnaire as `.lss` text: group 1 the Landkreis (Tabelle 1),
/// group 2 one project (a fact sheet).
pub fn lss(titel: &str, wahl: &Wahl) -> String {
    let mut b = Bau::new_mit_gruppen();
    for (i, frage) in landkreis_fragen().into_iter().enumerate() {
        b.mit_auswahl(1, i + 1, frage, wahl);
    }
    let kennung = (
        KENNUNG,
        "Kennung des Projekts",
        "Nur bei einem Projekt aus dem letzten Bericht: seine Kennung von dort (z. B. \
         celle-chat-voicebot), damit es über die Ausgaben verbunden bleibt. Sonst leer lassen.",
        Art::Kurz,
    );
    b.mit_auswahl(2, 0, kennung, wahl);
    for (i, (code, text, hilfe, art)) in steckbrief_fragen().iter().enumerate() {
        b.mit_auswahl(2, i + 1, (code, text, hilfe, *art), wahl);
    }
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<document>\n <LimeSurveyDocType>Survey</LimeSurveyDocType>\n \
         <DBVersion>{DB_VERSION}</DBVersion>\n <languages>\n  <language>de</language>\n </languages>\n"
    );
    for a in [
        &b.antworten,
        &b.antwort_texte,
        &b.gruppen,
        &b.gruppen_texte,
        &b.fragen,
        &b.teilfragen,
        &b.fragen_texte,
    ] {
        a.schreiben(&mut out);
    }
    umfrage_abschnitte(titel, &mut out);
    out.push_str("</document>\n");
    out
}

impl Bau {
    fn new_mit_gruppen() -> Self {
        let mut b = Bau::neu();
        b.gruppe(
            1,
            "Landkreis",
            "Angaben des Landkreises für Tabelle 1 des Berichts.",
        );
        b.gruppe(
            2,
            "Projektsteckbrief",
            "Ein Projekt: jedes Feld des Steckbriefs.",
        );
        b
    }
}

/// The columns of `surveys` after `sid`, as a LimeSurvey 6 export has them.
const EINSTELLUNGEN: &[(&str, &str)] = &[
    ("gsid", "1"),
    ("admin", "inherit"),
    ("expires", NULL),
    ("startdate", NULL),
    ("adminemail", "inherit"),
    ("anonymized", "N"),
    ("format", "G"),
    ("savetimings", "I"),
    ("template", "inherit"),
    ("language", "de"),
    ("additional_languages", ""),
    ("datestamp", "I"),
    ("usecookie", "I"),
    ("allowregister", "I"),
    ("allowsave", "I"),
    ("autonumber_start", "0"),
    ("autoredirect", "I"),
    ("allowprev", "I"),
    ("printanswers", "I"),
    ("ipaddr", "I"),
    ("ipanonymize", "I"),
    ("refurl", "I"),
    ("showsurveypolicynotice", "0"),
    ("publicstatistics", "I"),
    ("publicgraphs", "I"),
    ("listpublic", "I"),
    ("htmlemail", "I"),
    ("sendconfirmation", "I"),
    ("tokenanswerspersistence", "I"),
    ("assessments", "I"),
    ("usecaptcha", "E"),
    ("usetokens", "N"),
    ("bounce_email", "inherit"),
    ("attributedescriptions", NULL),
    ("emailresponseto", "inherit"),
    ("emailnotificationto", "inherit"),
    ("tokenlength", "-1"),
    ("showxquestions", "I"),
    ("showgroupinfo", "I"),
    ("shownoanswer", "I"),
    ("showqnumcode", "I"),
    ("bouncetime", NULL),
    ("bounceprocessing", "N"),
    ("bounceaccounttype", NULL),
    ("bounceaccounthost", NULL),
    ("bounceaccountpass", NULL),
    ("bounceaccountencryption", NULL),
    ("bounceaccountuser", NULL),
    ("showwelcome", "N"),
    ("showprogress", "I"),
    ("questionindex", "-1"),
    ("navigationdelay", "-1"),
    ("nokeyboard", "I"),
    ("alloweditaftercompletion", "I"),
    ("googleanalyticsstyle", NULL),
    ("googleanalyticsapikey", NULL),
    ("tokenencryptionoptions", ""),
];
/// The columns of `surveys_languagesettings` after id, language, title and
/// description.
const SPRACHEINSTELLUNGEN: &[(&str, &str)] = &[
    ("surveyls_welcometext", ""),
    ("surveyls_endtext", ""),
    ("surveyls_policy_notice", ""),
    ("surveyls_policy_error", ""),
    ("surveyls_policy_notice_label", ""),
    ("surveyls_url", ""),
    ("surveyls_urldescription", ""),
    ("surveyls_email_invite_subj", ""),
    ("surveyls_email_invite", ""),
    ("surveyls_email_remind_subj", ""),
    ("surveyls_email_remind", ""),
    ("surveyls_email_register_subj", ""),
    ("surveyls_email_register", ""),
    ("surveyls_email_confirm_subj", ""),
    ("surveyls_email_confirm", ""),
    // dd.mm.yyyy
    ("surveyls_dateformat", "1"),
    ("surveyls_attributecaptions", NULL),
    ("surveyls_alias", ""),
    ("email_admin_notification_subj", ""),
    ("email_admin_notification", ""),
    ("email_admin_responses_subj", ""),
    ("email_admin_responses", ""),
    // a decimal comma
    ("surveyls_numberformat", "1"),
    ("attachments", NULL),
];

/// `surveys` and `surveys_languagesettings` with the field lists of a
/// LimeSurvey 6 export: German, no other language, every setting inherited
/// from the installation (`I`, `inherit`, `-1`), NULL columns left out.
fn umfrage_abschnitte(titel: &str, out: &mut String) {
    let sid = SID.to_string();
    let umfrage: Vec<_> = [("sid", sid.as_str())]
        .into_iter()
        .chain(EINSTELLUNGEN.iter().copied())
        .collect();
    Abschnitt::einzeilig("surveys", &umfrage).schreiben(out);
    let sprache: Vec<_> = [
        ("surveyls_survey_id", sid.as_str()),
        ("surveyls_language", "de"),
        ("surveyls_title", titel),
        (
            "surveyls_description",
            "Fragebogen aus dem Datenmodell von kataster-report: Angaben des Landkreises \
             (Tabelle 1) und ein Projektsteckbrief je Antwort.",
        ),
    ]
    .into_iter()
    .chain(SPRACHEINSTELLUNGEN.iter().copied())
    .collect();
    Abschnitt::einzeilig("surveys_languagesettings", &sprache).schreiben(out);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragecodes_sind_gueltig_und_eindeutig() {
        let mut codes: Vec<String> = steckbrief_fragen().into_iter().map(|f| f.0).collect();
        codes.extend(landkreis_fragen().iter().map(|f| f.0.to_owned()));
        for c in &codes {
            assert!(
                c.len() <= 20 && c.starts_with(|x: char| x.is_ascii_alphabetic()),
                "{c}"
            );
            assert!(c.chars().all(|x| x.is_ascii_alphanumeric()), "{c}");
        }
        let anzahl = codes.len();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), anzahl, "doppelte Codes");
        assert_eq!(frage_code("anbieter_produkt"), "anbieterProdukt");
    }
}
