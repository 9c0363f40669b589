//! Object streams in one pass over typst-pdf's bytes (issue 20): the PDF is
//! not parsed into objects again, only cut at the offsets of its
//! cross-reference table. Stream objects are copied as they are; every other
//! object goes, as written, into compressed object streams, found through a
//! cross-reference stream (PDF 1.5, ISO 32000-1 §7.5.7 and §7.5.8).
//!
//! Objects keep their numbers and are packed in number order, so the same
//! input gives the same bytes.

use std::io::Write;

use flate2::Compression;
use flate2::write::ZlibEncoder;

/// Objects per object stream (a reader decompresses a whole stream to reach
/// one object; 200 keeps that cheap and the streams few).
const JE_STROM: usize = 200;

/// One in-use object of the input: its number and its body (between
/// `N 0 obj` and `endobj`, trimmed).
struct Objekt<'a> {
    nummer: usize,
    inhalt: &'a [u8],
}

impl Objekt<'_> {
    /// A stream object cannot go into an object stream.
    fn ist_strom(&self) -> bool {
        self.inhalt.ends_with(b"endstream")
    }
}

/// Where an object of the output is found (an entry of the xref stream).
#[derive(Clone, Copy)]
enum Eintrag {
    Frei,
    Datei(usize),
    ImStrom { strom: usize, index: usize },
}

/// The PDF with its non-stream objects in object streams; with
/// `lesezeichen` the catalogue opens the bookmarks (`/PageMode /UseOutlines`).
pub fn packen(pdf: &[u8], lesezeichen: bool) -> Result<Vec<u8>, String> {
    let xref = startxref(pdf)?;
    let versatz = xref_tabelle(pdf, xref)?;
    let anhang = Anhang::lesen(pdf.get(xref..).unwrap_or_default())?;
    let objekte = zerlegen(pdf, &versatz, xref)?;
    let erster = objekte_anfang(&versatz).ok_or("PDF ohne Objekte")?;
    let mut out = Vec::with_capacity(pdf.len() / 2);
    out.extend_from_slice(&pdf[..erster]);
    let mut eintraege = vec![Eintrag::Frei; versatz.len()];
    let katalog = anhang.root;
    let (stroeme, lose): (Vec<&Objekt>, Vec<&Objekt>) = objekte.iter().partition(|o| o.ist_strom());
    for o in stroeme {
        eintraege[o.nummer] = Eintrag::Datei(out.len());
        objekt_schreiben(&mut out, o.nummer, o.inhalt);
    }
    for gruppe in lose.chunks(JE_STROM) {
        let strom = eintraege.len();
        let mut koerper = Vec::new();
        let mut kopf = Vec::new();
        for (index, o) in gruppe.iter().enumerate() {
            write!(kopf, "{} {} ", o.nummer, koerper.len()).map_err(|e| e.to_string())?;
            if lesezeichen && o.nummer == katalog {
                koerper.extend_from_slice(&mit_lesezeichen(o.inhalt)?);
            } else {
                koerper.extend_from_slice(o.inhalt);
            }
            koerper.push(b'\n');
            eintraege[o.nummer] = Eintrag::ImStrom { strom, index };
        }
        let mut daten = kopf;
        let first = daten.len();
        daten.extend_from_slice(&koerper);
        let dict = format!("/Type /ObjStm /N {} /First {first}", gruppe.len());
        eintraege.push(Eintrag::Datei(out.len()));
        strom_schreiben(&mut out, strom, &dict, &daten)?;
    }
    xref_strom_schreiben(&mut out, &mut eintraege, &anhang)?;
    Ok(out)
}

/// The offset after the last `startxref`.
fn startxref(pdf: &[u8]) -> Result<usize, String> {
    let ende = &pdf[pdf.len().saturating_sub(64)..];
    let pos = finden_letztes(ende, b"startxref").ok_or("kein startxref am Ende des PDFs")?;
    let zahl = std::str::from_utf8(&ende[pos + 9..])
        .map_err(|e| e.to_string())?
        .split_whitespace()
        .next()
        .ok_or("startxref ohne Zahl")?;
    zahl.parse().map_err(|_| format!("startxref „{zahl}“"))
}

/// The offsets of the classic cross-reference table at `xref` (None: free).
fn xref_tabelle(pdf: &[u8], xref: usize) -> Result<Vec<Option<usize>>, String> {
    let text = pdf.get(xref..).ok_or("startxref hinter dem Ende")?;
    let text = std::str::from_utf8(&text[..finden(text, b"trailer").ok_or("kein trailer")?])
        .map_err(|e| e.to_string())?;
    let mut zeilen = text.lines().map(str::trim).filter(|z| !z.is_empty());
    if zeilen.next() != Some("xref") {
        return Err("keine klassische xref-Tabelle".into());
    }
    let mut versatz = Vec::new();
    while let Some(kopf) = zeilen.next() {
        let (start, anzahl) = zwei_zahlen(kopf)?;
        if start != versatz.len() {
            return Err(format!("xref-Abschnitt ab {start} mit Lücke"));
        }
        for _ in 0..anzahl {
            let z = zeilen.next().ok_or("xref-Tabelle zu kurz")?;
            let teile: Vec<&str> = z.split_whitespace().collect();
            match teile.as_slice() {
                [o, "00000", "n"] => versatz.push(Some(o.parse().map_err(|_| z.to_owned())?)),
                [_, _, "f"] => versatz.push(None),
                _ => return Err(format!("xref-Eintrag „{z}“ (nur Generation 0)")),
            }
        }
    }
    Ok(versatz)
}

fn zwei_zahlen(z: &str) -> Result<(usize, usize), String> {
    let mut teile = z.split_whitespace().map(str::parse::<usize>);
    match (teile.next(), teile.next(), teile.next()) {
        (Some(Ok(a)), Some(Ok(b)), None) => Ok((a, b)),
        _ => Err(format!("xref-Abschnitt „{z}“")),
    }
}

/// The trailer's entries the xref stream carries over.
struct Anhang {
    root: usize,
    /// `/Info …` and `/ID […]` as written.
    weitere: String,
}

impl Anhang {
    fn lesen(ab_xref: &[u8]) -> Result<Anhang, String> {
        let von = finden(ab_xref, b"trailer").ok_or("kein trailer")? + 7;
        let bis = finden(ab_xref, b"startxref").ok_or("kein startxref")?;
        let text = std::str::from_utf8(&ab_xref[von..bis]).map_err(|e| e.to_string())?;
        if text.contains("/Encrypt") || text.contains("/Prev") {
            return Err("verschlüsselt oder fortgeschrieben".into());
        }
        let eintrag = |schluessel: &str| {
            text.find(schluessel).map(|i| {
                let rest = &text[i..];
                let ende = if rest[1..].starts_with("ID") {
                    rest.find(']').map_or(rest.len(), |e| e + 1)
                } else {
                    rest.find(" R").map_or(rest.len(), |e| e + 2)
                };
                rest[..ende].to_owned()
            })
        };
        let root = eintrag("/Root").ok_or("trailer ohne /Root")?;
        let root = root
            .split_whitespace()
            .nth(1)
            .and_then(|n| n.parse().ok())
            .ok_or_else(|| format!("trailer: „{root}“"))?;
        let weitere = [eintrag("/Info"), eintrag("/ID")]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        Ok(Anhang { root, weitere })
    }
}

fn objekte_anfang(versatz: &[Option<usize>]) -> Option<usize> {
    versatz.iter().flatten().min().copied()
}

/// Each in-use object, cut from its offset to the next object's (or the
/// xref table), in number order.
fn zerlegen<'a>(
    pdf: &'a [u8],
    versatz: &[Option<usize>],
    xref: usize,
) -> Result<Vec<Objekt<'a>>, String> {
    let mut grenzen: Vec<usize> = versatz.iter().flatten().copied().collect();
    grenzen.push(xref);
    grenzen.sort_unstable();
    let mut objekte = Vec::new();
    for (nummer, v) in versatz.iter().enumerate() {
        let Some(start) = *v else { continue };
        let ende = grenzen[grenzen.partition_point(|&g| g <= start)];
        let stueck = pdf.get(start..ende).ok_or("Versatz hinter dem Ende")?;
        let kopf = format!("{nummer} 0 obj");
        let inhalt = stueck
            .strip_prefix(kopf.as_bytes())
            .ok_or_else(|| format!("bei {start} steht nicht „{kopf}“"))?;
        let inhalt = trimmen(inhalt);
        let inhalt = inhalt
            .strip_suffix(b"endobj")
            .ok_or_else(|| format!("Objekt {nummer} endet nicht mit endobj"))?;
        objekte.push(Objekt {
            nummer,
            inhalt: trimmen(inhalt),
        });
    }
    Ok(objekte)
}

/// The catalogue's dictionary with `/PageMode /UseOutlines`.
fn mit_lesezeichen(katalog: &[u8]) -> Result<Vec<u8>, String> {
    if finden(katalog, b"/PageMode").is_some() {
        return Err("der Katalog hat schon einen /PageMode".into());
    }
    let rest = katalog
        .strip_prefix(b"<<")
        .ok_or("der Katalog ist kein Dictionary")?;
    Ok([b"<<\n  /PageMode /UseOutlines".as_slice(), rest].concat())
}

fn objekt_schreiben(out: &mut Vec<u8>, nummer: usize, inhalt: &[u8]) {
    out.extend_from_slice(format!("{nummer} 0 obj\n").as_bytes());
    out.extend_from_slice(inhalt);
    out.extend_from_slice(b"\nendobj\n\n");
}

fn strom_schreiben(
    out: &mut Vec<u8>,
    nummer: usize,
    dict: &str,
    daten: &[u8],
) -> Result<(), String> {
    let mut z = ZlibEncoder::new(Vec::new(), Compression::default());
    z.write_all(daten).map_err(|e| e.to_string())?;
    let gepackt = z.finish().map_err(|e| e.to_string())?;
    let kopf = format!(
        "<<\n  {dict} /Filter /FlateDecode /Length {}\n>>\nstream\n",
        gepackt.len()
    );
    let inhalt = [kopf.as_bytes(), &gepackt, b"\nendstream"].concat();
    objekt_schreiben(out, nummer, &inhalt);
    Ok(())
}

/// The cross-reference stream (its own entry included), `startxref`, `%%EOF`.
fn xref_strom_schreiben(
    out: &mut Vec<u8>,
    eintraege: &mut Vec<Eintrag>,
    anhang: &Anhang,
) -> Result<(), String> {
    let nummer = eintraege.len();
    let start = out.len();
    eintraege.push(Eintrag::Datei(start));
    let mut daten = Vec::with_capacity(eintraege.len() * 7);
    for e in eintraege.iter() {
        let (art, feld2, feld3) = match *e {
            Eintrag::Frei => (0, 0, 65535),
            Eintrag::Datei(o) => (1, o, 0),
            Eintrag::ImStrom { strom, index } => (2, strom, index),
        };
        let feld2 = u32::try_from(feld2).map_err(|_| "PDF größer als 4 GB")?;
        let feld3 = u16::try_from(feld3).map_err(|_| "zu viele Objekte in einem Strom")?;
        daten.push(art);
        daten.extend_from_slice(&feld2.to_be_bytes());
        daten.extend_from_slice(&feld3.to_be_bytes());
    }
    let dict = format!(
        "/Type /XRef /Size {} /W [1 4 2] /Root {} 0 R {}",
        eintraege.len(),
        anhang.root,
        anhang.weitere
    );
    strom_schreiben(out, nummer, &dict, &daten)?;
    out.extend_from_slice(format!("startxref\n{start}\n%%EOF\n").as_bytes());
    Ok(())
}

fn trimmen(mut b: &[u8]) -> &[u8] {
    while let [first, rest @ ..] = b {
        if !first.is_ascii_whitespace() {
            break;
        }
        b = rest;
    }
    while let [rest @ .., last] = b {
        if !last.is_ascii_whitespace() {
            break;
        }
        b = rest;
    }
    b
}

fn finden(heu: &[u8], nadel: &[u8]) -> Option<usize> {
    heu.windows(nadel.len()).position(|w| w == nadel)
}

fn finden_letztes(heu: &[u8], nadel: &[u8]) -> Option<usize> {
    heu.windows(nadel.len()).rposition(|w| w == nadel)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small PDF as pdf-writer lays it out: two dictionaries, a stream
    /// whose data contain `endobj`, a classic xref table.
    fn klein() -> Vec<u8> {
        let mut pdf = b"%PDF-1.7\n%\x80\x80\x80\x80\n\n".to_vec();
        let objekte: [&[u8]; 3] = [
            b"<<\n  /Type /Catalog\n  /Pages 2 0 R\n>>",
            b"<<\n  /Type /Pages\n  /Kids []\n  /Count 0\n>>",
            b"<<\n  /Length 14\n>>\nstream\nendobj endobj \nendstream",
        ];
        let mut versatz = Vec::new();
        for (i, o) in objekte.iter().enumerate() {
            versatz.push(pdf.len());
            objekt_schreiben(&mut pdf, i + 1, o);
        }
        let xref = pdf.len();
        pdf.extend_from_slice(b"xref\n0 4\n0000000000 65535 f\r\n");
        for v in versatz {
            pdf.extend_from_slice(format!("{v:010} 00000 n\r\n").as_bytes());
        }
        pdf.extend_from_slice(
            format!("trailer\n<<\n  /Size 4\n  /Root 1 0 R\n  /ID [<ab> <ab>]\n>>\nstartxref\n{xref}\n%%EOF")
                .as_bytes(),
        );
        pdf
    }

    #[test]
    fn objekte_stehen_im_strom_stroeme_bleiben_wie_sie_sind() {
        let pdf = packen(&klein(), true).unwrap();
        let doc = lopdf::Document::load_mem(&pdf).unwrap();
        let katalog = doc.catalog().unwrap();
        assert_eq!(
            katalog.get(b"PageMode").unwrap().as_name().unwrap(),
            b"UseOutlines"
        );
        assert_eq!(
            katalog.get(b"Pages").unwrap().as_reference().unwrap(),
            (2, 0)
        );
        let seiten = doc.get_dictionary((2, 0)).unwrap();
        assert_eq!(seiten.get(b"Count").unwrap().as_i64().unwrap(), 0);
        let strom = doc.get_object((3, 0)).unwrap().as_stream().unwrap();
        assert_eq!(strom.content, b"endobj endobj ");
        assert_eq!(doc.trailer.get(b"ID").unwrap().as_array().unwrap().len(), 2);
        let text = String::from_utf8_lossy(&pdf);
        assert!(text.contains("/Type /ObjStm /N 2") && text.contains("/Type /XRef"));
        assert!(
            !text.contains("/Type /Catalog"),
            "der Katalog steht gepackt im Strom"
        );
        assert_eq!(packen(&klein(), true).unwrap(), pdf, "gleiche Bytes");
    }

    #[test]
    fn was_kein_pdf_von_typst_ist_wird_abgelehnt() {
        assert!(packen(b"kein PDF", false).is_err());
        let mut pdf = klein();
        let stelle = finden(&pdf, b"2 0 obj").unwrap();
        pdf[stelle] = b'7';
        assert!(packen(&pdf, false).unwrap_err().contains("2 0 obj"));
        // Same length, so that the offsets stay right.
        let mut doppelt = klein();
        let stelle = finden(&doppelt, b"/Type /Catalog").unwrap();
        doppelt[stelle..stelle + 14].copy_from_slice(b"/PageMode /Foo");
        assert!(packen(&doppelt, true).unwrap_err().contains("PageMode"));
        assert!(packen(&doppelt, false).is_ok());
    }
}
