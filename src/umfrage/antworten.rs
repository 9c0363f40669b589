//! The responses of a LimeSurvey export as CSV ("Antworten exportieren"):
//! comma or semicolon, UTF-8 with or without BOM, quoted fields with line
//! breaks; headings as question codes, `Q[SQ001]` or, with Expression
//! Manager codes, `Q_SQ001`.

use std::collections::HashMap;

/// The table of responses: heading → column, and the rows with the line
/// each starts on.
#[derive(Debug)]
pub struct Antworten {
    pub kopf: Vec<String>,
    spalten: HashMap<String, usize>,
    pub zeilen: Vec<(usize, Vec<String>)>,
}

/// Why the file cannot be read as responses.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{meldung}")]
pub struct CsvFehler {
    pub meldung: String,
    pub zeile: Option<usize>,
}

/// The separator of the header line: whichever of `;` and `,` occurs more
/// often outside quotes.
fn trenner(kopfzeile: &str) -> u8 {
    let mut in_zitat = false;
    let (mut semikolon, mut komma) = (0, 0);
    for c in kopfzeile.chars() {
        match c {
            '"' => in_zitat = !in_zitat,
            ';' if !in_zitat => semikolon += 1,
            ',' if !in_zitat => komma += 1,
            _ => {}
        }
    }
    if semikolon > komma { b';' } else { b',' }
}

impl Antworten {
    /// Reads the CSV text; headings with question texts (full or
    /// abbreviated) become the codes of the questionnaire `u`.
    pub fn lesen(text: &str, u: &super::lss::Umfrage) -> Result<Antworten, CsvFehler> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let erste = text.lines().next().unwrap_or_default();
        let mut r = csv::ReaderBuilder::new()
            .delimiter(trenner(erste))
            .flexible(false)
            .from_reader(text.as_bytes());
        let mut kopf: Vec<String> = r
            .headers()
            .map_err(|e| fehler(&e))?
            .iter()
            .map(|h| h.trim().to_owned())
            .collect();
        if !kopf.iter().any(|k| k == "id") {
            kopf = super::kopfzeile::aus_texten(&kopf, u);
        }
        if !kopf.iter().any(|k| k == "id") {
            return Err(CsvFehler {
                meldung: "keine Antworten aus LimeSurvey: die Kopfzeile hat keine Spalte „id“ \
                          oder „Antwort ID“ (exportiert als CSV aus „Antworten exportieren“?)"
                    .into(),
                zeile: Some(1),
            });
        }
        let mut zeilen = Vec::new();
        for satz in r.records() {
            let satz = satz.map_err(|e| fehler(&e))?;
            let zeile = satz.position().map_or(0, |p| anfangszeile(text, p.byte()));
            zeilen.push((zeile, satz.iter().map(zeilenumbrueche).collect()));
        }
        let spalten = kopf
            .iter()
            .enumerate()
            .map(|(i, k)| (k.clone(), i))
            .collect();
        Ok(Antworten {
            kopf,
            spalten,
            zeilen,
        })
    }

    /// The responses of a survey archive (`.lsr` inside an `.lsa`): rows
    /// whose columns are named `{sid}X{gid}X{qid}{subquestion|other}` (with
    /// a `_` before a leading digit), renamed to the headings of a CSV
    /// export (`Q`, `Q[SQ001]`, `Q[other]`). A value left out is empty.
    pub fn aus_lsr(text: &str, u: &super::lss::Umfrage) -> Result<Antworten, CsvFehler> {
        let doc = super::lss::dokument(text).map_err(|f| CsvFehler {
            meldung: f.meldung,
            zeile: f.zeile,
        })?;
        let zeilen = doc.abschnitte.get("responses").cloned().unwrap_or_default();
        // The columns: the field list (a column nobody answered appears in
        // no row), and any other a row has.
        let roh_namen = doc
            .felder
            .get("responses")
            .into_iter()
            .flatten()
            .cloned()
            .chain(zeilen.iter().flat_map(|z| z.keys().cloned()));
        let mut kopf: Vec<String> = Vec::new();
        let mut namen: HashMap<String, String> = HashMap::new();
        for roh in roh_namen {
            // Element names: `_` before a leading digit, `-` for `#`.
            let schluessel = roh.trim_start_matches('_').replace('#', "-");
            if namen.contains_key(&schluessel) {
                continue;
            }
            let name = spaltenname(&schluessel, u);
            kopf.push(name.clone());
            namen.insert(schluessel, name);
        }
        if !kopf.iter().any(|k| k == "id") {
            return Err(CsvFehler {
                meldung: "das Archiv enthält keine Antworten (kein Abschnitt <responses> mit id)"
                    .into(),
                zeile: None,
            });
        }
        let spalten: HashMap<String, usize> = kopf
            .iter()
            .enumerate()
            .map(|(i, k)| (k.clone(), i))
            .collect();
        let zeilen = zeilen
            .iter()
            .map(|z| {
                let mut werte = vec![String::new(); kopf.len()];
                for (roh, w) in z {
                    let schluessel = roh.trim_start_matches('_');
                    if let Some(i) = namen.get(schluessel).and_then(|n| spalten.get(n)) {
                        werte[*i] = zeilenumbrueche(w);
                    }
                }
                (0, werte)
            })
            .collect();
        Ok(Antworten {
            kopf,
            spalten,
            zeilen,
        })
    }

    /// The column of a question (`teil` None), a subquestion or `other`:
    /// `Q`, `Q[S]` or `Q_S`.
    pub fn spalte(&self, code: &str, teil: Option<&str>) -> Option<usize> {
        match teil {
            None => self.spalten.get(code).copied(),
            Some(t) => self
                .spalten
                .get(&format!("{code}[{t}]"))
                .or_else(|| self.spalten.get(&format!("{code}_{t}")))
                .copied(),
        }
    }

    /// The heading a missing column would have, for messages.
    pub fn name(code: &str, teil: Option<&str>) -> String {
        match teil {
            None => code.to_owned(),
            Some(t) => format!("{code}[{t}]"),
        }
    }
}

/// The heading of a CSV export for a column of the response table:
/// `{sid}X{gid}X{qid}` and what follows (`-` for `#` restored).
fn spaltenname(roh: &str, u: &super::lss::Umfrage) -> String {
    for f in &u.questions {
        let praefix = format!("{}X{}X{}", u.sid, f.gid, f.qid);
        if let Some(rest) = roh.strip_prefix(&praefix) {
            // The qid must end here: 12 is not the start of 123.
            if rest.starts_with(|c: char| c.is_ascii_digit()) {
                continue;
            }
            return if rest.is_empty() {
                f.code.clone()
            } else {
                format!("{}[{}]", f.code, rest.replace('-', "#"))
            };
        }
    }
    roh.to_owned()
}

/// The line a record starts on, from the byte it starts at: after a CRLF
/// the reader's record begins at the `\n`, still on the line before.
fn anfangszeile(text: &str, byte: u64) -> usize {
    let start = usize::try_from(byte).unwrap_or(usize::MAX).min(text.len());
    let rest = &text.as_bytes()[start..];
    let weiter = rest
        .iter()
        .take_while(|b| matches!(b, b'\r' | b'\n'))
        .count();
    let bis = start + weiter;
    1 + text.as_bytes()[..bis]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
}

/// A value with its line breaks as `\n`: LimeSurvey keeps the CRLF a
/// browser sends in the archive's responses, not in a CSV export.
fn zeilenumbrueche(w: &str) -> String {
    w.replace("\r\n", "\n").replace('\r', "\n")
}

fn fehler(e: &csv::Error) -> CsvFehler {
    let zeile = e.position().map(|p| p.line() as usize);
    let meldung = match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!(
            "die Zeile hat {len} Felder, die Kopfzeile {expected_len} (ein Anführungszeichen \
             fehlt oder ein Trennzeichen steht im Text ohne Anführungszeichen)"
        ),
        csv::ErrorKind::Utf8 { .. } => "die Datei ist nicht in UTF-8 gespeichert".into(),
        _ => "die Datei ist keine lesbare CSV-Datei".into(),
    };
    CsvFehler { meldung, zeile }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leer() -> crate::umfrage::lss::Umfrage {
        crate::umfrage::lss::Umfrage {
            sid: String::new(),
            title: String::new(),
            languages: Vec::new(),
            questions: Vec::new(),
        }
    }

    #[test]
    fn komma_semikolon_bom_und_zeilenumbrueche() {
        for text in [
            "\u{feff}\"id\",\"Q1\",\"Q2[SQ001]\"\r\n\"1\",\"a, b\",\"Y\"\r\n",
            "id;Q1;Q2_SQ001\n1;\"a, b\";Y\n",
        ] {
            let a = Antworten::lesen(text, &leer()).unwrap();
            assert_eq!(a.zeilen.len(), 1);
            let (_, z) = &a.zeilen[0];
            assert_eq!(z[a.spalte("Q1", None).unwrap()], "a, b");
            assert_eq!(z[a.spalte("Q2", Some("SQ001")).unwrap()], "Y");
        }
        let a = Antworten::lesen("id,T\n1,\"erste\nzweite\"\n2,x\n", &leer()).unwrap();
        assert_eq!(a.zeilen[0].1[1], "erste\nzweite");
        assert_eq!(a.zeilen[1].0, 4, "die zweite Antwort beginnt in Zeile 4");
        // LimeSurvey ends rows with CRLF, with LF inside fields.
        let a = Antworten::lesen("id,T\r\n1,\"erste\nzweite\"\r\n2,x\r\n3,y\r\n", &leer()).unwrap();
        let zeilen: Vec<usize> = a.zeilen.iter().map(|(z, _)| *z).collect();
        assert_eq!(zeilen, [2, 4, 5]);
    }
}
