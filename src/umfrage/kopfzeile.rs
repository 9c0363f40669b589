//! The headings of a response export with question texts instead of codes
//! (LimeSurvey's "Export results" with headings "Full question text" — the
//! default of 6.14's page — or "Abbreviated question text"), turned into the
//! code headings the import reads (`id`, `LK`, `ziele[SQ001]`,
//! `LKverantwortung[other]`). The questionnaire knows every question and
//! subquestion text; LimeSurvey's own columns have fixed names.

use super::lss::{Frage, Umfrage};

/// LimeSurvey's own columns, as the German and the English admin pages
/// name them in an export, and their codes.
const SYSTEMSPALTEN: &[(&str, &[&str])] = &[
    ("id", &["Antwort ID", "Response ID"]),
    ("submitdate", &["Datum Abgeschickt", "Date submitted"]),
    ("lastpage", &["Letzte Seite", "Last page"]),
    ("startlanguage", &["Start-Sprache", "Start language"]),
    ("seed", &["Zufallsstartwert", "Seed"]),
    ("startdate", &["Datum gestartet", "Date started"]),
    ("datestamp", &["Datum letzte Aktivität", "Date last action"]),
];

/// What LimeSurvey calls the free text of "other" in a heading.
const ANDERE: &[&str] = &["Sonstiges", "Other", "Andere"];

/// Whether the heading text `kopf` names `text`: equal, or (abbreviated
/// headings) a prefix ending in "..".
fn nennt(kopf: &str, text: &str) -> bool {
    match kopf.trim().strip_suffix("..") {
        Some(anfang) => !anfang.trim().is_empty() && text.starts_with(anfang.trim_end()),
        None => kopf.trim() == text.trim(),
    }
}

/// A heading split into question part and bracketed part: `Ziele
/// [Effizienzsteigerung]` → ("Ziele", Some("Effizienzsteigerung")).
fn zerlegen(kopf: &str) -> (&str, Option<&str>) {
    let k = kopf.trim();
    if let Some(ohne) = k.strip_suffix(']')
        && let Some(i) = ohne.rfind(" [")
    {
        return (&ohne[..i], Some(&ohne[i + 2..]));
    }
    (k, None)
}

/// Every code heading a text heading can stand for, in the survey's order.
fn kandidaten(kopf: &str, u: &Umfrage) -> Vec<String> {
    let mut out: Vec<String> = SYSTEMSPALTEN
        .iter()
        .filter(|(_, namen)| namen.iter().any(|n| n.eq_ignore_ascii_case(kopf.trim())))
        .map(|(code, _)| (*code).to_owned())
        .collect();
    let (frage, teil) = zerlegen(kopf);
    for q in u.questions.iter().filter(|q| nennt(frage, &q.text)) {
        match teil {
            None => out.push(q.code.clone()),
            Some(t) => out.extend(teilspalten(q, t)),
        }
    }
    out
}

fn teilspalten(q: &Frage, teil: &str) -> Vec<String> {
    let mut out: Vec<String> = q
        .subquestions
        .iter()
        .filter(|s| nennt(teil, &s.text))
        .map(|s| format!("{}[{}]", q.code, s.code))
        .collect();
    if q.other && ANDERE.iter().any(|a| nennt(teil, a)) {
        out.push(format!("{}[other]", q.code));
    }
    out
}

/// The code headings for text headings; a heading that names no column of
/// the questionnaire stays as it is (the import reads only the columns it
/// knows, and names the ones it misses). Each code is given once: of two
/// equal headings the first takes the first candidate.
pub fn aus_texten(kopf: &[String], u: &Umfrage) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for k in kopf {
        let frei = kandidaten(k, u).into_iter().find(|c| !out.contains(c));
        out.push(frei.unwrap_or_else(|| k.clone()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::umfrage::lss::Option_;

    fn frage(code: &str, text: &str, subs: &[(&str, &str)], other: bool) -> Frage {
        Frage {
            code: code.into(),
            typ: if subs.is_empty() { "L" } else { "M" }.into(),
            text: text.into(),
            other,
            gruppe: String::new(),
            qid: String::new(),
            gid: String::new(),
            subquestions: subs
                .iter()
                .map(|(c, t)| Option_ {
                    code: (*c).into(),
                    text: (*t).into(),
                })
                .collect(),
            answers: Vec::new(),
        }
    }

    #[test]
    fn volle_und_gekuerzte_fragetexte() {
        let u = Umfrage {
            sid: String::new(),
            title: String::new(),
            languages: vec!["de".into()],
            questions: vec![
                frage("LK", "Landkreis", &[], false),
                frage("LKverantwortung", "Gesamtverantwortung", &[], true),
                frage(
                    "ziele",
                    "Ziele",
                    &[
                        ("SQ001", "Unterstützung für Mitarbeitende"),
                        ("SQ002", "Unterstützung bei der Erstellung"),
                    ],
                    true,
                ),
            ],
        };
        let kopf: Vec<String> = [
            "Antwort ID",
            "Datum Abgeschickt",
            "Landkreis",
            "Gesamtverantwor..  [Sonstiges]",
            "Ziele [Unterstützung f.. ]",
            "Ziele [Unterstützung b.. ]",
            "Ziele [Sonstiges]",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(
            aus_texten(&kopf, &u),
            [
                "id",
                "submitdate",
                "LK",
                "LKverantwortung[other]",
                "ziele[SQ001]",
                "ziele[SQ002]",
                "ziele[other]"
            ]
        );
        let unbekannt = ["Antwort ID", "IP-Adresse"].map(String::from).to_vec();
        assert_eq!(aus_texten(&unbekannt, &u), ["id", "IP-Adresse"]);
    }
}
