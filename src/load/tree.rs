//! A YAML document as a tree in which every node knows where it stands in
//! the source, so that every later check can point at file, line and column.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;

/// One YAML node with its source location (1-based line and column, byte range).
#[derive(Debug, Clone)]
pub struct Knoten {
    pub wert: Wert,
    pub zeile: usize,
    pub spalte: usize,
    pub bytes: std::ops::Range<usize>,
}

#[derive(Debug, Clone)]
pub enum Wert {
    Null,
    Bool(bool),
    Ganzzahl(i64),
    Zahl(f64),
    Text(String),
    Liste(Vec<Knoten>),
    Tabelle(Vec<(Knoten, Knoten)>),
}

impl Knoten {
    /// The node as plain JSON, the form the schema validator and serde read.
    pub fn als_json(&self) -> serde_json::Value {
        use serde_json::Value;
        match &self.wert {
            Wert::Null => Value::Null,
            Wert::Bool(b) => Value::Bool(*b),
            Wert::Ganzzahl(i) => Value::from(*i),
            Wert::Zahl(f) => serde_json::Number::from_f64(*f).map_or(Value::Null, Value::Number),
            Wert::Text(s) => Value::String(s.clone()),
            Wert::Liste(l) => Value::Array(l.iter().map(Knoten::als_json).collect()),
            Wert::Tabelle(m) => Value::Object(
                m.iter()
                    .map(|(k, v)| (k.schluessel_text(), v.als_json()))
                    .collect(),
            ),
        }
    }

    /// A mapping key as text (numbers and booleans as written).
    pub fn schluessel_text(&self) -> String {
        match &self.wert {
            Wert::Text(s) => s.clone(),
            Wert::Ganzzahl(i) => i.to_string(),
            Wert::Zahl(f) => f.to_string(),
            Wert::Bool(b) => b.to_string(),
            Wert::Null => "null".into(),
            _ => String::new(),
        }
    }

    /// The child at a JSON pointer step (`"3"` in a list, a key in a mapping).
    pub fn kind(&self, schritt: &str) -> Option<&Knoten> {
        match &self.wert {
            Wert::Liste(l) => schritt.parse::<usize>().ok().and_then(|i| l.get(i)),
            Wert::Tabelle(m) => m
                .iter()
                .find(|(k, _)| k.schluessel_text() == schritt)
                .map(|(_, v)| v),
            _ => None,
        }
    }

    /// The key node of a mapping entry (to point at a misspelt key itself).
    pub fn schluessel(&self, name: &str) -> Option<&Knoten> {
        match &self.wert {
            Wert::Tabelle(m) => m
                .iter()
                .find(|(k, _)| k.schluessel_text() == name)
                .map(|(k, _)| k),
            _ => None,
        }
    }

    /// Calls `f` with every node of the tree (values, not keys) and its path
    /// of steps (list positions from 0, mapping keys).
    pub fn jeder(&self, f: &mut dyn FnMut(&Knoten, &[String])) {
        fn gehen(k: &Knoten, pfad: &mut Vec<String>, f: &mut dyn FnMut(&Knoten, &[String])) {
            f(k, pfad);
            match &k.wert {
                Wert::Liste(l) => {
                    for (i, x) in l.iter().enumerate() {
                        pfad.push(i.to_string());
                        gehen(x, pfad, f);
                        pfad.pop();
                    }
                }
                Wert::Tabelle(m) => {
                    for (schluessel, x) in m {
                        pfad.push(schluessel.schluessel_text());
                        gehen(x, pfad, f);
                        pfad.pop();
                    }
                }
                _ => {}
            }
        }
        gehen(self, &mut Vec::new(), f);
    }

    /// Follows a path of steps; returns the deepest node reached.
    pub fn suche<I, S>(&self, pfad: I) -> &Knoten
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut k = self;
        for schritt in pfad {
            match k.kind(schritt.as_ref()) {
                Some(next) => k = next,
                None => break,
            }
        }
        k
    }
}

impl<'de> Deserialize<'de> for Knoten {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s: Spanned<Wert> = Spanned::deserialize(d)?;
        let ort = s.referenced;
        let span = ort.span();
        let start = span.byte_offset().unwrap_or(0) as usize;
        let len = span.byte_len().unwrap_or(0) as usize;
        Ok(Knoten {
            wert: s.value,
            zeile: ort.line() as usize,
            spalte: ort.column() as usize,
            bytes: start..start + len,
        })
    }
}

impl<'de> Deserialize<'de> for Wert {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(WertVisitor)
    }
}

struct WertVisitor;

impl<'de> Visitor<'de> for WertVisitor {
    type Value = Wert;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("einen YAML-Wert")
    }
    fn visit_unit<E: de::Error>(self) -> Result<Wert, E> {
        Ok(Wert::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Wert, E> {
        Ok(Wert::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Wert, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Wert, E> {
        Ok(Wert::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Wert, E> {
        Ok(Wert::Ganzzahl(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Wert, E> {
        Ok(i64::try_from(v).map_or(Wert::Zahl(v as f64), Wert::Ganzzahl))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Wert, E> {
        Ok(Wert::Zahl(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Wert, E> {
        Ok(Wert::Text(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Wert, E> {
        Ok(Wert::Text(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Wert, A::Error> {
        let mut v = Vec::new();
        while let Some(k) = seq.next_element::<Knoten>()? {
            v.push(k);
        }
        Ok(Wert::Liste(v))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Wert, A::Error> {
        let mut v = Vec::new();
        while let Some((k, w)) = map.next_entry::<Knoten, Knoten>()? {
            v.push((k, w));
        }
        Ok(Wert::Tabelle(v))
    }
}
