//! How many layout passes Typst needed until its introspection settled, and
//! how long each took: Typst's own timing names them `iter (1)` to
//! `iter (5)` (the scopes of `typst compile --timings`). Switched on only
//! when asked for (`build --timings`): the timing records every element and
//! costs time itself.

use std::time::Duration;

use serde::Deserialize;

/// Runs `f`, with `an` under Typst's timing; the durations of the layout
/// passes in order (empty without `an`).
pub fn messen<T>(an: bool, f: impl FnOnce() -> T) -> (T, Vec<Duration>) {
    if !an {
        return (f(), Vec::new());
    }
    typst_timing::clear();
    typst_timing::enable();
    let t = f();
    typst_timing::disable();
    let mut json = Vec::new();
    let gelesen = typst_timing::export_json(&mut json, |_| (String::new(), 0));
    (t, gelesen.map(|()| auswerten(&json)).unwrap_or_default())
}

#[derive(Deserialize)]
struct Ereignis {
    name: String,
    ph: String,
    /// Microseconds since the first event.
    ts: f64,
}

/// The passes in a Chrome trace of Typst's timing: each `iter (n)` from its
/// begin (`B`) to its end (`E`).
fn auswerten(json: &[u8]) -> Vec<Duration> {
    let Ok(ereignisse) = serde_json::from_slice::<Vec<Ereignis>>(json) else {
        return Vec::new();
    };
    let mut beginn: Vec<(String, f64)> = Vec::new();
    let mut laeufe = Vec::new();
    for e in ereignisse.iter().filter(|e| e.name.starts_with("iter (")) {
        match e.ph.as_str() {
            "B" => beginn.push((e.name.clone(), e.ts)),
            "E" => {
                if let Some(i) = beginn.iter().position(|(n, _)| *n == e.name) {
                    let (_, start) = beginn.remove(i);
                    laeufe.push(Duration::from_secs_f64((e.ts - start).max(0.0) / 1e6));
                }
            }
            _ => {}
        }
    }
    laeufe
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn die_durchlaeufe_kommen_aus_typsts_zeitmessung() {
        let json = br#"[
            {"name":"iter (1)","cat":"typst","ph":"B","ts":0.0,"pid":1,"tid":1,"args":null},
            {"name":"layout","cat":"typst","ph":"B","ts":10.0,"pid":1,"tid":2,"args":null},
            {"name":"layout","cat":"typst","ph":"E","ts":20.0,"pid":1,"tid":2,"args":null},
            {"name":"iter (1)","cat":"typst","ph":"E","ts":300000.0,"pid":1,"tid":1,"args":null},
            {"name":"iter (2)","cat":"typst","ph":"B","ts":300001.0,"pid":1,"tid":1,"args":null},
            {"name":"iter (2)","cat":"typst","ph":"E","ts":400001.0,"pid":1,"tid":1,"args":null}
        ]"#;
        let d = auswerten(json);
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].as_millis(), 300);
        assert_eq!(d[1].as_millis(), 100);
        assert!(auswerten(b"kein json").is_empty());
    }
}
